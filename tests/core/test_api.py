"""The read-only API a partner uses to show this year's events on their own site."""

import pytest

from campaigns.factories import EventPageFactory

from ..conftest import london


@pytest.fixture
def api_site(campaign):
    EventPageFactory(
        parent=campaign, title="Secret draft", live=False, start=london(2021, 6, 9, 9)
    )
    campaign.save_revision().publish()
    return campaign


def test_api_lists_campaigns_with_their_fields(client, api_site):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "campaigns.CampaignPage",
            "fields": "year,start_date,end_date,state,theme_title,hashtag_names,"
            "calendar_url",
        },
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["year"] == 2021
    assert item["start_date"] == "2021-06-07"
    assert item["end_date"] == "2021-06-13"
    assert item["state"] == "ended"
    assert item["theme_title"] == "Including Infants"
    assert item["hashtag_names"] == ["#IMHAW21", "#IncludingInfants"]
    assert item["calendar_url"] == "http://localhost/calendars/2021.ics"


def test_api_lists_a_weeks_events_in_order_and_hides_drafts(client, api_site):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "campaigns.EventPage",
            "child_of": api_site.pk,
            "order": "start",
            "fields": "start,end,location,organiser_name,booking_url,calendar_url",
        },
    )
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["APPG for Conception to Age Two"]
    (event,) = items
    assert event["start"] == "2021-06-08T09:30:00+01:00"
    assert event["location"] == "Online"
    assert event["booking_url"] == "https://example.org/book"
    assert event["calendar_url"].startswith("http://localhost/calendars/events/")
    assert event["meta"]["html_url"] == "http://localhost/campaigns/2021/appg/"


def test_api_never_serves_a_draft_by_id(client, api_site):
    from campaigns.models import EventPage

    draft = EventPage.objects.get(title="Secret draft")
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", [{"type": "nope.Nope"}, {"limit": "abc"}, {"order": "password"}]
)
def test_bad_api_queries_get_a_clear_400(client, home_page, query):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.django_db
def test_api_is_read_only(client, home_page):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_api_never_serves_private_pages(client, home_page):
    from wagtail.models import PageViewRestriction

    from home.models import StandardPage

    private = StandardPage(title="Staff only", slug="staff")
    home_page.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    titles = [item["title"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert "Staff only" not in titles
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404


def test_api_lists_posts_with_authors_tags_and_campaign(client, campaign, home_page):
    from blog.factories import AuthorFactory, BlogIndexPageFactory, BlogPostPageFactory

    blog = BlogIndexPageFactory(parent=home_page)
    BlogPostPageFactory(
        parent=blog,
        title="Where is the I in CAMHS?",
        campaign=campaign,
        original_url="https://www.acamh.org/",
        original_publication="ACAMH",
        authors=[AuthorFactory(name="Sally Hogg")],
        tags=["CAMHS", "policy"],
    )
    BlogPostPageFactory(parent=blog, title="Unpublished", live=False)
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "blog.BlogPostPage",
            "fields": "date,intro,author_names,tag_names,campaign_year,"
            "original_url,original_publication",
        },
    )
    (post,) = response.json()["items"]
    assert post["title"] == "Where is the I in CAMHS?"
    assert post["author_names"] == ["Sally Hogg"]
    assert post["tag_names"] == ["CAMHS", "policy"]
    assert post["campaign_year"] == 2021
    assert post["original_publication"] == "ACAMH"
