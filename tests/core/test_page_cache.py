"""The full-page cache: pages from the cache, fresh the moment content changes."""

import gzip

from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import brotli
import time_machine

from campaigns.models import Hashtag
from core.models import OrganisationSettings
from pledges.models import PledgeSignature

from ..conftest import london
from ..pledges.test_pledge import pledge_data

CAMPAIGN_URL = "/campaigns/2021/"


def test_second_visit_is_served_from_the_cache_without_rendering(client, campaign):
    first = client.get(CAMPAIGN_URL)
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(CAMPAIGN_URL)
    # None, with Redis; the cache's own reads, with the database cache.
    assert all("hub_page_cache" in query["sql"] for query in queries)
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


def test_the_pledge_page_is_never_shared_and_carries_no_csrf_token(
    client, open_campaign
):
    # Its form's start token is good for one submission (tests/security/
    # test_bot_trap.py): a copy shared from the cache would turn the second away.
    first = client.get("/campaigns/2021/pledge/")
    second = client.get("/campaigns/2021/pledge/")
    assert second.get("X-Cache") != "HIT"
    assert "no-store" in second["Cache-Control"]
    assert not first.cookies
    assert b"csrfmiddlewaretoken" not in first.content
    assert f'action="{open_campaign.pledge_submit_url}"'.encode() in first.content


def test_pledging_from_the_cached_page_works_under_csrf_checks(open_campaign):
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
    # The signer sees it on the campaign page too; another visitor's copy may lag
    # by up to PAGE_CACHE_SECONDS.
    mine = client.get(CAMPAIGN_URL)
    assert "X-Cache" not in mine
    assert b"<strong>1</strong> professional has pledged" in mine.content
    assert Client().get(CAMPAIGN_URL)["X-Cache"] == "HIT"


def test_a_withdrawn_pledge_is_gone_on_the_next_visit(client, open_campaign):
    from pledges.views import withdraw_url

    client.post(open_campaign.pledge_submit_url, pledge_data())
    link = withdraw_url(PledgeSignature.objects.get())
    assert b"Withdraw" in client.get(link).content
    client.post(link)
    assert client.get(link).status_code == 410


def test_an_analytics_cookie_and_a_tagged_link_are_served_from_the_cache(
    client, campaign
):
    client.get(CAMPAIGN_URL)
    client.cookies["_ga"] = "GA1.1.123.456"
    client.cookies["cookie_consent"] = "analytics"
    assert client.get(CAMPAIGN_URL)["X-Cache"] == "HIT"
    tagged = client.get(CAMPAIGN_URL, {"utm_source": "newsletter", "fbclid": "x1"})
    assert tagged["X-Cache"] == "HIT"
    # A parameter that changes the page is a page of its own.
    assert client.get(CAMPAIGN_URL, {"page": "2"})["X-Cache"] == "MISS"


def test_a_signed_in_visitors_page_is_private_to_shared_caches(
    client, campaign, editor
):
    client.force_login(editor)
    assert "private" in client.get(CAMPAIGN_URL)["Cache-Control"]


def test_pages_are_stored_compressed_and_sent_as_the_browser_takes_them(
    client, campaign
):
    plain = client.get(CAMPAIGN_URL).content
    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response = client.get(CAMPAIGN_URL, headers={"Accept-Encoding": encoding})
        assert response["X-Cache"] == "HIT"
        assert response["Content-Encoding"] == encoding
        assert "Accept-Encoding" in response["Vary"]
        assert decompress(response.content) == plain
    assert "Content-Encoding" not in client.get(CAMPAIGN_URL)


def test_the_brand_stylesheet_keeps_its_own_caching(client, campaign):
    campaign.brand_colour = "#6B2F8A"
    campaign.save_revision().publish()
    first = client.get("/campaigns/2021/brand.css")
    second = client.get("/campaigns/2021/brand.css")
    assert second["X-Cache"] == "HIT"
    for response in (first, second):
        assert "max-age=86400" in response["Cache-Control"]
        assert "max-age=0" not in response["Cache-Control"]


def test_a_new_release_starts_with_an_empty_cache(client, campaign, settings):
    client.get(CAMPAIGN_URL)
    settings.RELEASE = "the-next-release"
    assert client.get(CAMPAIGN_URL)["X-Cache"] == "MISS"


def test_a_page_made_private_is_not_served_from_the_cache(client, campaign):
    assert b"Including Infants" in client.get(CAMPAIGN_URL).content
    PageViewRestriction.objects.create(
        page=campaign, restriction_type="password", password="secret"
    )
    response = client.get(CAMPAIGN_URL)
    assert b"Including Infants" not in response.content
    assert response.get("X-Cache") != "HIT"


def test_an_event_turns_finished_on_time_not_when_its_page_expires(client, campaign):
    event = campaign.get_children().get(slug="appg").specific
    # The APPG meeting ends at 11:00 on 8 June 2021.
    with time_machine.travel(london(2021, 6, 8, 10, 59, 50), tick=False) as clock:
        page = client.get(CAMPAIGN_URL)
        assert "Finished" not in page.content.decode()
        assert "s-maxage=10" in page["Cache-Control"]
        assert "Finished" not in client.get(event.url).content.decode()
        clock.shift(11)
        assert "Finished" in client.get(CAMPAIGN_URL).content.decode()


def test_a_week_goes_live_at_midnight_on_every_page(client, campaign):
    with time_machine.travel(london(2021, 6, 6, 23, 59, 30), tick=False) as clock:
        assert "Starts tomorrow" in client.get("/").content.decode()
        clock.shift(30)
        assert "On now: day 1 of 7" in client.get("/").content.decode()


def test_a_finished_event_is_served_from_the_cache(client, campaign):
    event = campaign.get_children().get(slug="appg")
    with time_machine.travel(london(2021, 6, 9, 12), tick=False):
        client.get(event.url)
        assert client.get(event.url)["X-Cache"] == "HIT"
