from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest
import time_machine

from campaigns.factories import (
    CampaignPageFactory,
    CampaignResourceFactory,
    MediaAppearanceFactory,
    ResourceFactory,
)
from campaigns.models import CampaignAppearance, EventPage, Resource

from ..conftest import london


def test_campaign_page_shows_theme_dates_and_hashtags(client, campaign):
    response = client.get("/campaigns/2021/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Including Infants" in content
    assert "7–13 June 2021" in content
    assert "<strong>#IMHAW21</strong>" in content
    assert 'href="https://x.com/hashtag/IncludingInfants"' in content
    assert 'href="https://www.instagram.com/explore/tags/includinginfants/"' in content


def test_campaign_page_groups_downloads_with_type_and_size(client, campaign):
    document = Document(title="Commissioners' briefing")
    document.file.save("briefing.pdf", ContentFile(b"%PDF-1.4" + b"x" * 1500))
    CampaignResourceFactory(
        campaign=campaign,
        resource=ResourceFactory(
            title="Briefing for Commissioners",
            kind=Resource.Kind.BRIEFING,
            document=document,
            link="",
        ),
        sort_order=5,
    )
    content = client.get("/campaigns/2021/").content.decode()
    assert "Branding and logos" in content
    assert "Briefing</h3>" in content
    assert "(PDF, 1.5\xa0KB)" in content
    briefing = Resource.objects.get(title="Briefing for Commissioners")
    assert f'href="{briefing.download_url}"' in content


def test_campaign_page_lists_its_events_and_podcasts(client, campaign):
    CampaignAppearance.objects.create(
        campaign=campaign,
        appearance=MediaAppearanceFactory(title="Mind Matters", people="Karen Bateson"),
    )
    content = client.get("/campaigns/2021/").content.decode()
    assert 'href="/campaigns/2021/appg/"' in content
    assert "Mind Matters" in content
    assert "with Karen Bateson" in content
    assert 'href="/calendars/2021.ics"' in content


def test_campaign_links_to_previous_and_next_weeks(client, archive, campaign):
    CampaignPageFactory(parent=archive, year=2020, title="IMHAW 2020")
    CampaignPageFactory(parent=archive, year=2022, title="IMHAW 2022")
    CampaignPageFactory(parent=archive, year=2023, title="IMHAW 2023", live=False)
    content = client.get("/campaigns/2021/").content.decode()
    assert 'href="/campaigns/2020/">← IMHAW 2020</a>' in content
    assert 'href="/campaigns/2022/">IMHAW 2022 →</a>' in content
    assert "IMHAW 2023" not in content


def test_archive_lists_weeks_newest_first_and_flags_the_live_one(
    client, archive, campaign
):
    CampaignPageFactory(parent=archive, year=2020, title="IMHAW 2020")
    CampaignPageFactory(parent=archive, year=2022, title="IMHAW 2022")
    with time_machine.travel(london(2021, 6, 9, 12), tick=False):
        content = client.get("/campaigns/").content.decode()
    assert content.index("IMHAW 2022") < content.index(campaign.title)
    assert content.index(campaign.title) < content.index("IMHAW 2020")
    assert "On now" in content
    assert "Coming up" in content


@pytest.fixture
def many_weeks(archive, campaign):
    """Sixteen years of weeks, 2006 to 2021: more than a page of the archive."""
    for year in range(2006, 2021):
        CampaignPageFactory(parent=archive, year=year, title=f"IMHAW {year}")
    return list(range(2021, 2005, -1))


def years_shown(response) -> list[int]:
    return [campaign.year for campaign in response.context["campaigns"]]


def test_archive_shows_a_page_of_newest_weeks_and_links_to_older_ones(
    client, archive, many_weeks
):
    per_page = archive.weeks_per_page
    first = client.get("/campaigns/")
    content = " ".join(first.content.decode().split())
    assert years_shown(first) == many_weeks[:per_page]
    assert content.count('class="card campaign-card"') == per_page
    assert 'rel="next" href="/campaigns/?page=2">Older weeks</a>' in content
    assert "Page 1 of 2" in content
    assert 'href="/campaigns/2010/"' in content
    assert 'href="/campaigns/2009/"' not in content
    assert '<link rel="canonical" href="http://localhost/campaigns/">' in content

    second = client.get("/campaigns/?page=2")
    content = " ".join(second.content.decode().split())
    assert years_shown(second) == many_weeks[per_page:]
    assert 'href="/campaigns/2006/">IMHAW 2006</a>' in content
    assert 'rel="prev" href="/campaigns/">Newer weeks</a>' in content
    assert '<link rel="canonical" href="http://localhost/campaigns/?page=2">' in (
        content
    )
    assert "(page 2)" in content.split("</title>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("asked", "shown"),
    [("abc", 1), ("0", 1), ("-1", 1), ("", 1), ("2.5", 1), ("99", 2), ("9" * 500, 2)],
)
def test_archive_shows_the_nearest_page_for_a_bad_page_number(
    client, many_weeks, asked, shown
):
    response = client.get("/campaigns/", {"page": asked})
    assert response.status_code == 200
    assert response.context["page_of_campaigns"].number == shown


def test_short_archive_has_no_page_links(client, archive, campaign):
    content = client.get("/campaigns/").content.decode()
    assert campaign.title in content
    assert "Older weeks" not in content
    assert 'aria-label="Pages of the archive"' not in content


@pytest.mark.django_db
def test_empty_archive_says_so(client, archive):
    response = client.get("/campaigns/?page=3")
    assert response.status_code == 200
    assert b"No weeks have been published yet." in response.content


def test_event_page_gives_times_place_and_booking(client, campaign):
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        content = client.get("/campaigns/2021/appg/").content.decode()
    assert "Tuesday 8 June 2021" in content
    assert "9:30am–11am (UK time)" in content
    assert 'href="https://example.org/book">Book a place' in content
    assert "This event has finished" not in content


def test_finished_event_says_so_and_offers_the_recording(client, campaign):
    with time_machine.travel(london(2021, 6, 9, 12), tick=False):
        content = client.get("/campaigns/2021/appg/").content.decode()
    assert "This event has finished." in content
    assert 'href="https://example.org/recording">Watch the recording' in content
    assert "Book a place" not in content


@pytest.mark.django_db
def test_unknown_campaign_year_is_not_found(client, campaign):
    assert client.get("/campaigns/1999/").status_code == 404
    assert client.get("/campaigns/2021/events/nope/").status_code == 404


def test_hybrid_event_location_names_both(campaign):
    event = EventPage.objects.get(slug="appg")
    event.attendance = EventPage.Attendance.HYBRID
    event.venue_name = "Portcullis House"
    event.address = "Bridge Street\nLondon SW1A 2LW"
    assert (
        event.location == "Portcullis House, Bridge Street, London SW1A 2LW and online"
    )


def test_cards_offer_sized_modern_image_formats_lazily(client, archive, campaign):
    from wagtail_factories import ImageFactory

    campaign.hero_image = ImageFactory(file__width=1600, file__height=900)
    campaign.save_revision().publish()
    card = client.get("/campaigns/").content.decode()
    picture = card[card.index("<picture") : card.index("</picture>")]
    assert 'type="image/avif"' in picture
    assert 'type="image/webp"' in picture
    assert "fill-640x360.webp 640w" in picture
    assert 'loading="lazy"' in picture
    assert 'width="320"' in picture and 'height="180"' in picture
    hero = client.get("/campaigns/2021/").content.decode()
    assert 'fetchpriority="high"' in hero
    assert "fill-1200x675.avif 1200w" in hero


def test_campaign_page_shows_six_posts_and_links_to_the_rest(
    client, home_page, campaign
):
    from blog.factories import BlogIndexPageFactory, BlogPostPageFactory

    blog = BlogIndexPageFactory(parent=home_page, slug="blog")
    for n in range(8):
        BlogPostPageFactory(parent=blog, title=f"Zebra post {n}", campaign=campaign)
    content = client.get("/campaigns/2021/").content.decode()
    assert content.count("Zebra post") == 6
    assert 'href="/blog/campaigns/2021/">All posts from' in content
