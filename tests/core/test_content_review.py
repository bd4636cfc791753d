"""Editors are shown the pages nobody has reviewed (republished) for a year."""

import datetime

from django.utils import timezone

import pytest
import time_machine

from home.models import StandardPage

URL = "/admin/reports/due-for-review/"


@pytest.fixture
def pages(home_page):
    """One page published two years ago, one published last month."""
    now = timezone.now()
    published = {}
    for slug, age in [("old-guide", 730), ("fresh-news", 30)]:
        page = StandardPage(title=slug.replace("-", " ").title(), slug=slug)
        home_page.add_child(instance=page)
        with time_machine.travel(now - datetime.timedelta(days=age), tick=False):
            page.save_revision().publish()
        published[slug] = page
    return published


def test_editor_sees_pages_past_the_review_period(client, editor, pages):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Old Guide" in content
    assert "Fresh News" not in content


def test_republishing_a_page_takes_it_off_the_list(client, editor, pages):
    pages["old-guide"].save_revision().publish()
    client.force_login(editor)
    assert "Old Guide" not in client.get(URL).content.decode()


def test_the_review_period_is_a_setting(client, editor, pages, settings):
    settings.CONTENT_REVIEW_DAYS = 7
    client.force_login(editor)
    content = client.get(URL).content.decode()
    assert "Old Guide" in content and "Fresh News" in content


def test_editors_find_the_report_in_the_reports_menu(client, editor, pages):
    client.force_login(editor)
    assert URL in client.get("/admin/").content.decode()


def test_guest_authors_and_visitors_cannot_open_it(client, guest_author, pages):
    assert client.get(URL).status_code == 302
    client.force_login(guest_author)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Old Guide" not in response.content.decode()


def test_editor_filters_resources_due_for_review(client, editor):
    from campaigns.factories import ResourceFactory
    from campaigns.models import Resource

    with time_machine.travel(timezone.now() - datetime.timedelta(days=400)):
        ResourceFactory(title="Zebra old briefing")
    ResourceFactory(title="Quokka new logos")
    assert Resource.objects.get(title="Zebra old briefing").updated_at < (
        timezone.now() - datetime.timedelta(days=365)
    )
    client.force_login(editor)
    url = "/admin/snippets/campaigns/resource/"
    due = client.get(url, {"due_for_review": "true"}).content.decode()
    assert "Zebra old briefing" in due and "Quokka new logos" not in due
    fresh = client.get(url, {"due_for_review": "false"}).content.decode()
    assert "Quokka new logos" in fresh and "Zebra old briefing" not in fresh
