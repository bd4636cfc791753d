"""Pages are found as Wagtail finds them, with the pages on the way in one query."""

from wagtail.models import PageViewRestriction

import pytest

from blog.factories import BlogIndexPageFactory, BlogPostPageFactory
from campaigns.factories import EventPageFactory
from home.models import StandardPage


@pytest.fixture
def staff_area(home_page):
    """A password-protected section with a page below it, shown in the menu."""
    staff = StandardPage(title="Staff area", slug="staff", show_in_menus=True)
    home_page.add_child(instance=staff)
    staff.add_child(instance=StandardPage(title="Rota", slug="rota", intro="Secret."))
    PageViewRestriction.objects.create(
        page=staff, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return staff


def test_a_page_below_a_private_section_asks_for_the_password(client, staff_area):
    for url in ("/staff/", "/staff/rota/"):
        content = client.get(url).content.decode()
        assert 'name="password"' in content
        assert "Secret." not in content


def test_a_page_below_a_login_only_section_sends_visitors_to_log_in(client, staff_area):
    staff_area.view_restrictions.update(restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/staff/rota/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_private_pages_are_left_out_of_menus_listings_and_calendars(
    client, campaign, staff_area
):
    private = EventPageFactory(parent=campaign, title="Closed-door briefing")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert 'href="/staff/"' not in client.get("/").content.decode()
    for url in ("/campaigns/2021/", "/campaigns/2021/events/", "/calendars/2021.ics"):
        content = client.get(url).content.decode()
        assert "APPG for Conception to Age Two" in content
        assert "Closed-door briefing" not in content


def test_a_live_page_below_a_draft_is_served_and_the_draft_is_not(home_page, client):
    draft = StandardPage(title="Drafts", slug="drafts", live=False)
    home_page.add_child(instance=draft)
    draft.add_child(instance=StandardPage(title="Published below", slug="below"))
    assert client.get("/drafts/").status_code == 404
    assert client.get("/drafts/below/").status_code == 200


def test_paths_that_lead_nowhere_are_not_found(client, campaign):
    for url in ("/nowhere/", "/campaigns/1999/", "/campaigns/2021/appg/more/"):
        assert client.get(url).status_code == 404, url


def test_a_routable_pages_own_routes_come_before_its_children(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    BlogPostPageFactory(parent=blog, title="All about feeds", slug="feed")
    BlogPostPageFactory(parent=blog, title="All about tags", slug="tags")
    assert "All about feeds" in client.get("/blog/feed/").content.decode()
    assert "All about tags" in client.get("/blog/tags/").content.decode()
    feed = client.get("/blog/feed/rss/")
    assert feed["Content-Type"].startswith("application/rss+xml")


def test_a_draft_campaigns_own_routes_are_not_served(client, campaign):
    campaign.unpublish()
    assert client.get("/campaigns/2021/pledge/").status_code == 404
    assert client.get("/campaigns/2021/events/").status_code == 404
    # Its live event is still found, as Wagtail finds pages below a draft.
    assert client.get("/campaigns/2021/appg/").status_code == 200


def test_breadcrumbs_follow_the_path_to_the_page(client, campaign):
    content = client.get("/campaigns/2021/appg/").content.decode()
    trail = content[content.index('class="breadcrumbs"') :]
    assert trail.index('href="/"') < trail.index('href="/campaigns/"')
    assert trail.index('href="/campaigns/"') < trail.index('href="/campaigns/2021/"')
    assert '<span aria-current="page">APPG for Conception to Age Two</span>' in trail
