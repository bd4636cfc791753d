"""Guessing the password of a private page or a private document collection: a few
wrong tries per address and restriction, then 429; the right password never counts.

Wagtail's password forms used to take any number of guesses.
"""

import re

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from home.models import StandardPage

PASSWORD = "babies-first-2030"  # noqa: S105
WRONG = "The password you have entered is not correct."
TOO_MANY = "Too many password attempts"


def private_page(parent, slug: str) -> StandardPage:
    page = StandardPage(
        title=f"Partners' briefing {slug}", slug=slug, intro="Embargoed"
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page


@pytest.fixture(autouse=True)
def three_tries(settings):
    settings.PAGE_PASSWORD_RATE_LIMIT = "3/h"


@pytest.fixture
def briefing(home_page):
    return private_page(home_page, "briefing")


@pytest.fixture
def private_minutes(db):
    """Minutes in a collection whose documents need a password."""
    board = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=board,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    return Document.objects.create(
        title="Board minutes",
        file=ContentFile(b"%PDF-1.4 private minutes", name="board-minutes.pdf"),
        collection=board,
    )


def password_form(client, page) -> tuple[str, str]:
    """The form's address and return URL, as the private page or document shows them."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    action = re.search(r'<form action="([^"]+)"', html).group(1)
    return_url = re.search(r'name="return_url" value="([^"]*)"', html).group(1)
    return action, return_url


def guess(client, page, password: str, address: str = "203.0.113.7", **headers):
    action, return_url = password_form(client, page)
    return client.post(
        action,
        {"password": password, "return_url": return_url},
        REMOTE_ADDR=address,
        **headers,
    )


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.django_db
def test_the_right_password_opens_the_page(client, briefing):
    response = guess(client, briefing, PASSWORD)
    assert response.status_code == 302
    assert b"Embargoed" in client.get(briefing.url).content


@pytest.mark.django_db
def test_wrong_guesses_beyond_the_limit_refuse_even_the_right_one(client, briefing):
    for _ in range(3):
        response = guess(client, briefing, "wrong")
        assert response.status_code == 200
        assert WRONG in response.content.decode()
    response = guess(client, briefing, PASSWORD)
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert b"Embargoed" not in client.get(briefing.url).content


@pytest.mark.django_db
def test_the_limit_is_per_address_and_page(client, home_page, briefing):
    other = private_page(home_page, "toolkit")
    for _ in range(3):
        guess(client, briefing, "wrong")
    assert guess(client, briefing, "wrong").status_code == 429
    assert guess(client, other, "wrong").status_code == 200
    assert guess(client, briefing, PASSWORD, address="198.51.100.2").status_code == 302


@pytest.mark.django_db
def test_another_page_in_the_address_gives_no_more_tries(client, home_page, briefing):
    action, return_url = password_form(client, briefing)
    for _ in range(3):
        guess(client, briefing, "wrong")
    # Wagtail checks the restriction's password and only shows the page whose id
    # is beside it: any page's id will do.
    elsewhere = action.replace(f"/{briefing.pk}/", f"/{home_page.pk}/")
    response = client.post(
        elsewhere,
        {"password": PASSWORD, "return_url": return_url},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_the_right_password_never_uses_up_the_allowance(client, briefing):
    # A whole office behind one address opens the page, then someone mistypes.
    for _ in range(5):
        assert guess(Client(), briefing, PASSWORD).status_code == 302
    for _ in range(3):
        response = guess(client, briefing, "wrong")
        assert response.status_code == 200
        assert WRONG in response.content.decode()
    assert guess(client, briefing, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_a_private_collections_password_is_limited_like_a_pages(
    client, private_minutes
):
    for _ in range(3):
        response = guess(client, private_minutes, "wrong")
        assert response.status_code == 200
        assert WRONG in response.content.decode()
    response = guess(client, private_minutes, PASSWORD)
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert b"private minutes" not in body(client.get(private_minutes.url))


@pytest.mark.django_db
def test_a_documents_right_password_never_counts(client, private_minutes):
    for _ in range(4):
        assert guess(Client(), private_minutes, PASSWORD).status_code == 302
    assert guess(client, private_minutes, "wrong").status_code == 200
    assert guess(client, private_minutes, PASSWORD).status_code == 302
    assert b"private minutes" in body(client.get(private_minutes.url))


@pytest.mark.django_db
def test_visitors_behind_one_proxy_are_counted_apart_by_its_header(
    client, settings, briefing
):
    # What production sets from CLIENT_IP_HEADER=HTTP_X_REAL_IP
    # (tests/security/test_production_settings.py).
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    proxy = "10.0.0.2"
    for _ in range(3):
        guess(client, briefing, "wrong", proxy, HTTP_X_REAL_IP="203.0.113.7")
    refused = guess(client, briefing, "wrong", proxy, HTTP_X_REAL_IP="203.0.113.7")
    assert refused.status_code == 429
    colleague = guess(
        Client(), briefing, PASSWORD, proxy, HTTP_X_REAL_IP="198.51.100.2"
    )
    assert colleague.status_code == 302
