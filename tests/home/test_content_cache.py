"""What the content cache keeps is shown fresh the moment an editor changes it."""

from wagtail.models import PageViewRestriction

import pytest

from campaigns.factories import (
    CampaignHashtagFactory,
    CampaignPageFactory,
    CampaignResourceFactory,
    HashtagFactory,
    MediaAppearanceFactory,
    ResourceFactory,
)
from campaigns.models import (
    CampaignAppearance,
    CampaignHashtag,
    Hashtag,
    MediaAppearance,
    Resource,
)
from home.models import OrganisationSettings, StandardPage

CAMPAIGN_URL = "/campaigns/2021/"


@pytest.fixture(autouse=True)
def every_request_renders(db, content_cache_on):
    """The content cache as the site runs; the full-page cache out of the way, so
    that every request renders its page."""


def page(client, url: str = CAMPAIGN_URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_renamed_hashtag_shows_at_once(client, campaign):
    assert "#IMHAW21" in page(client)
    Hashtag.objects.filter(text="IMHAW21").update(text="Unused")  # No signal: kept.
    assert "#IMHAW21" in page(client)
    hashtag = Hashtag.objects.get(text="Unused")
    hashtag.text = "IMHAW2021"
    hashtag.save()
    assert "#IMHAW2021" in page(client)


def test_a_hashtag_added_in_a_published_revision_shows_at_once(client, campaign):
    assert "#BabiesMatter" not in page(client)
    CampaignHashtagFactory(
        campaign=campaign, hashtag=HashtagFactory(text="BabiesMatter"), sort_order=5
    )
    campaign.save_revision().publish()
    assert "#BabiesMatter" in page(client)


def test_edited_resources_and_appearances_show_at_once(client, campaign):
    appearance = MediaAppearanceFactory(title="Mind Matters, episode 1")
    CampaignAppearance.objects.create(campaign=campaign, appearance=appearance)
    campaign.save_revision().publish()
    assert "IMHAW branding" in page(client)
    assert "Mind Matters, episode 1" in page(client)
    resource = Resource.objects.get(title="IMHAW branding")
    resource.title = "IMHAW logos"
    resource.save()
    appearance = MediaAppearance.objects.get(pk=appearance.pk)
    appearance.title = "Mind Matters, episode one"
    appearance.save()
    content = page(client)
    assert "IMHAW logos" in content
    assert "Mind Matters, episode one" in content


def test_a_resource_added_to_a_published_week_shows_at_once(client, campaign):
    page(client)
    CampaignResourceFactory(
        campaign=campaign, resource=ResourceFactory(title="Briefing for MPs")
    )
    campaign.save_revision().publish()
    assert "Briefing for MPs" in page(client)


def test_new_menu_pages_and_private_ones_change_the_menu_at_once(client, home_page):
    assert "main-nav" not in page(client, "/")
    about = StandardPage(title="About the week", slug="about", show_in_menus=True)
    home_page.add_child(instance=about)
    about.save_revision().publish()
    assert 'href="/about/"' in page(client, "/")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert 'href="/about/"' not in page(client, "/")


def test_changed_organisation_settings_show_at_once(client, site, home_page):
    settings = OrganisationSettings.objects.create(site=site, name="PIF")
    assert "PIF" in page(client, "/")
    settings.name = "Parent-Infant Foundation"
    settings.save()
    assert "Parent-Infant Foundation" in page(client, "/")


def test_a_draft_shows_its_own_hashtags_not_the_kept_ones(client, campaign):
    page(client)  # The published hashtags are kept.
    campaign.campaign_hashtags.add(
        CampaignHashtag(hashtag=HashtagFactory(text="DraftTag"), sort_order=5)
    )
    campaign.save_revision()
    draft = campaign.get_latest_revision_as_object()
    assert [hashtag.text for hashtag in draft.hashtags] == [
        "IMHAW21",
        "IncludingInfants",
        "DraftTag",
    ]
    assert "#DraftTag" not in page(client)  # Not published yet.
    draft.save_revision().publish()
    assert "#DraftTag" in page(client)


def test_a_page_moved_unpublished_or_added_is_routed_afresh_at_once(client, campaign):
    event = campaign.get_children().get(slug="appg").specific
    assert "APPG for Conception to Age Two" in page(client, "/campaigns/2021/appg/")
    event.unpublish()
    assert client.get("/campaigns/2021/appg/").status_code == 404
    event.save_revision().publish()
    next_week = CampaignPageFactory(parent=campaign.get_parent(), year=2022)
    assert client.get("/campaigns/2022/").status_code == 200
    event.move(next_week, pos="last-child")
    moved = client.get("/campaigns/2021/appg/")  # Wagtail redirects the old address.
    assert (moved.status_code, moved["Location"]) == (301, "/campaigns/2022/appg/")
    assert "APPG for Conception to Age Two" in page(client, "/campaigns/2022/appg/")


def test_a_renamed_site_hostname_finds_no_site_at_once(client, site):
    assert client.get("/").status_code == 200
    site.hostname = "imhaw.example.org"
    site.is_default_site = False
    site.save()
    assert client.get("/").status_code == 404


def test_cards_show_a_published_change_at_once(client, campaign):
    assert "APPG for Conception to Age Two" in page(client)  # Its card is kept.
    event = campaign.get_children().get(slug="appg").specific
    event.title = "APPG on the first 1001 days"
    event.save_revision().publish()
    content = page(client)
    assert "APPG on the first 1001 days" in content
    assert "APPG for Conception to Age Two" not in content


def test_a_week_published_shows_in_the_kept_archive_at_once(client, campaign):
    assert "Infant Mental Health Awareness Week 2021" in page(client, "/campaigns/")
    next_week = CampaignPageFactory(
        parent=campaign.get_parent(), year=2022, title="IMHAW 2022", live=False
    )
    assert "IMHAW 2022" not in page(client, "/campaigns/")
    next_week.save_revision().publish()
    assert "IMHAW 2022" in page(client, "/campaigns/")
