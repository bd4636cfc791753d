"""The full-page cache: pages from the cache, fresh the moment content changes."""

from django.contrib.messages.storage.cookie import CookieStorage

from wagtail.models import PageViewRestriction

import pytest

from campaigns.models import Hashtag, PledgeSignature
from home.models import OrganisationSettings
from hub import page_cache

from ..campaigns.test_pledge import pledge_data

CAMPAIGN_URL = "/campaigns/2021/"


@pytest.fixture(autouse=True)
def page_cache_on(db, settings):
    settings.PAGE_CACHE_SECONDS = 60
    page_cache.invalidate()  # Nothing from an earlier test.


def test_second_visit_is_served_from_the_cache_without_queries(
    client, campaign, django_assert_num_queries
):
    first = client.get(CAMPAIGN_URL)
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(CAMPAIGN_URL)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "s-maxage=60" in second["Cache-Control"]
    assert "max-age=0" in second["Cache-Control"]


def test_publishing_shows_the_change_at_once(client, campaign):
    client.get(CAMPAIGN_URL)
    campaign.theme_title = "Understanding Babies"
    campaign.save_revision().publish()
    response = client.get(CAMPAIGN_URL)
    assert response["X-Cache"] == "MISS"
    assert b"Understanding Babies" in response.content


def test_a_saved_draft_leaves_the_cached_page_alone(client, campaign):
    client.get(CAMPAIGN_URL)
    campaign.theme_title = "Not yet"
    campaign.save_revision()
    response = client.get(CAMPAIGN_URL)
    assert response["X-Cache"] == "HIT"
    assert b"Not yet" not in response.content


def test_unpublished_and_deleted_pages_are_gone_at_once(client, campaign):
    event = campaign.get_children().get(slug="appg")
    client.get(CAMPAIGN_URL)
    client.get(event.url)
    event.specific.unpublish()
    assert client.get(event.url).status_code == 404
    assert b"APPG for Conception" not in client.get(CAMPAIGN_URL).content
    client.get(CAMPAIGN_URL)
    campaign.delete()
    assert client.get(CAMPAIGN_URL).status_code == 404


def test_moving_a_page_changes_the_pages_that_link_it(client, campaign, archive):
    event = campaign.get_children().get(slug="appg")
    client.get(CAMPAIGN_URL)
    event.move(archive, pos="last-child")
    page = client.get(CAMPAIGN_URL).content.decode()
    assert "/campaigns/appg/" not in page
    assert "APPG for Conception" not in page


def test_editing_a_snippet_shows_on_its_pages(client, campaign):
    client.get(CAMPAIGN_URL)
    hashtag = Hashtag.objects.get(text="IncludingInfants")
    hashtag.text = "BabiesCount"
    hashtag.save()
    assert b"#BabiesCount" in client.get(CAMPAIGN_URL).content


def test_changing_a_setting_shows_on_every_page(client, campaign, site):
    client.get(CAMPAIGN_URL)
    organisation = OrganisationSettings.for_site(site)
    organisation.name = "The Baby Foundation"
    organisation.save()
    assert b"The Baby Foundation" in client.get(CAMPAIGN_URL).content


def test_signed_in_editors_always_get_a_fresh_page(client, campaign, editor):
    client.get(CAMPAIGN_URL)
    client.force_login(editor)
    response = client.get(CAMPAIGN_URL)
    assert "X-Cache" not in response
    assert b"wagtail-userbar" in response.content


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, campaign):
    client.get(CAMPAIGN_URL)
    client.cookies[CookieStorage.cookie_name] = "pending"
    assert "X-Cache" not in client.get(CAMPAIGN_URL)


def test_private_pages_are_never_cached(client, campaign):
    PageViewRestriction.objects.create(
        page=campaign, restriction_type="password", password="secret"
    )
    first = client.get(CAMPAIGN_URL)
    assert b"secret" not in first.content
    assert b"Including Infants" not in client.get(CAMPAIGN_URL).content
    assert client.get(CAMPAIGN_URL).get("X-Cache") != "HIT"


def test_the_pledge_page_is_cached_and_carries_no_per_visitor_token(
    client, open_campaign
):
    first = client.get("/campaigns/2021/pledge/")
    second = client.get("/campaigns/2021/pledge/")
    assert second["X-Cache"] == "HIT"
    assert not first.cookies
    assert b"csrfmiddlewaretoken" not in first.content
    assert f'action="{open_campaign.pledge_submit_url}"'.encode() in first.content


def test_pledging_from_the_cached_page_works_under_csrf_checks(open_campaign):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.get("/campaigns/2021/pledge/")
    response = browser.post(
        open_campaign.pledge_submit_url,
        pledge_data(),
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
    )
    assert response.status_code == 302
    assert PledgeSignature.objects.count() == 1


def test_pledge_count_on_the_thank_you_page_is_live(client, open_campaign):
    client.get(CAMPAIGN_URL)
    client.post(open_campaign.pledge_submit_url, pledge_data())
    thanks = client.get("/campaigns/2021/pledge/thanks/")
    assert "X-Cache" not in thanks
    assert b"You are one of <strong>1</strong> person" in thanks.content
    # The campaign page's count may lag by up to PAGE_CACHE_SECONDS.
    assert client.get(CAMPAIGN_URL)["X-Cache"] == "HIT"


def test_a_withdrawn_pledge_is_gone_on_the_next_visit(client, open_campaign):
    from campaigns.views import withdraw_url

    client.post(open_campaign.pledge_submit_url, pledge_data())
    link = withdraw_url(PledgeSignature.objects.get())
    assert b"Withdraw" in client.get(link).content
    client.post(link)
    assert client.get(link).status_code == 410
