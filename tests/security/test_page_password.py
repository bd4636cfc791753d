"""Guessing a private page's password: a few tries per address and page, then 429.

Wagtail's page password form used to take any number of guesses.
"""

import re

from wagtail.models import PageViewRestriction

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


def password_form(client, page) -> tuple[str, str]:
    """The form's address and return URL, as the private page shows them."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    action = re.search(r'<form action="([^"]+)"', html).group(1)
    return_url = re.search(r'name="return_url" value="([^"]*)"', html).group(1)
    return action, return_url


def guess(client, page, password: str, address: str = "203.0.113.7"):
    action, return_url = password_form(client, page)
    return client.post(
        action,
        {"password": password, "return_url": return_url},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_the_right_password_opens_the_page(client, briefing):
    response = guess(client, briefing, PASSWORD)
    assert response.status_code == 302
    assert b"Embargoed" in client.get(briefing.url).content


@pytest.mark.django_db
def test_guesses_beyond_the_limit_are_refused_even_the_right_one(client, briefing):
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
