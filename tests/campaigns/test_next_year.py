"""An editor starts next year's campaign from last year's in one action."""

import datetime

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from campaigns.factories import (
    CampaignPageFactory,
    CampaignResourceFactory,
    ResourceFactory,
)
from campaigns.models import CampaignPage, Hashtag
from campaigns.rollover import names_year, next_year_dates, next_year_hashtag
from pledges.models import PledgeSignature


def start_url(campaign) -> str:
    return reverse("campaigns_start_next_year", args=[campaign.pk])


@pytest.fixture
def last_year(campaign):
    """IMHAW 2021 with a standing infographic, a pledge signature and a recap."""
    CampaignResourceFactory(
        campaign=campaign,
        resource=ResourceFactory(
            title="What is infant mental health?", kind="infographic"
        ),
    )
    campaign.pledge_wording = "I pledge to include infants."
    campaign.recap = [("thanks", "<p>Thank you all.</p>")]
    campaign.events_intro = "<p>Propose your event with the form.</p>"
    campaign.save_revision().publish()
    PledgeSignature.objects.create(
        campaign=campaign,
        name="Sally Hogg",
        email="sally@example.org",
        role="health_visitor",
        consent_text="I agree.",
        consented_at=datetime.datetime(2021, 6, 7, tzinfo=datetime.UTC),
    )
    return campaign


def test_editor_sees_what_will_be_copied_before_confirming(client, editor, last_year):
    client.force_login(editor)
    response = client.get(start_url(last_year))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Infant Mental Health Awareness Week 2022" in text
    assert "6–12 June 2022" in text
    assert "#IMHAW22 (was #IMHAW21)" in text
    assert "#IncludingInfants" in text
    assert "What is infant mental health?" in text
    assert "Left behind, because they name 2021: IMHAW branding" not in text
    assert not CampaignPage.objects.filter(year=2022).exists()


def test_editor_starts_next_year_as_a_draft_with_only_what_carries_over(
    client, editor, last_year
):
    client.force_login(editor)
    response = client.post(start_url(last_year), follow=True)
    assert response.status_code == 200
    new = CampaignPage.objects.get(year=2022)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[new.pk]
    )
    assert not new.live
    assert new.slug == "2022"
    assert new.get_parent().pk == last_year.get_parent().pk
    assert new.title == "Infant Mental Health Awareness Week 2022"
    assert (new.start_date, new.end_date) == (
        datetime.date(2022, 6, 6),
        datetime.date(2022, 6, 12),
    )
    assert new.start_date.weekday() == last_year.start_date.weekday()
    assert [str(tag) for tag in new.hashtags] == ["#IMHAW22", "#IncludingInfants"]
    resources = [link.resource.title for link in new.campaign_resources.all()]
    assert resources == ["IMHAW branding", "What is infant mental health?"]
    assert new.events_intro == "<p>Propose your event with the form.</p>"
    assert new.theme_title == new.theme_summary == new.pledge_wording == ""
    assert new.hero_image is None
    assert len(new.recap) == 0
    assert not new.get_children().exists()
    assert not new.pledge_signatures.exists()
    assert not new.campaign_appearances.exists()
    message = response.content.decode()
    assert "Started Infant Mental Health Awareness Week 2022 as a draft." in message
    assert "#IMHAW22 (was #IMHAW21)" in message
    assert PageLogEntry.objects.filter(
        page=new, action="campaigns.start_next_year", user=editor
    ).exists()
    # Last year's week is untouched.
    last_year.refresh_from_db()
    assert last_year.live
    assert last_year.pledge_signatures.count() == 1
    assert [str(tag) for tag in last_year.hashtags] == ["#IMHAW21", "#IncludingInfants"]


def test_year_named_resources_stay_behind(client, editor, campaign):
    campaign.campaign_resources.all().delete()
    for title in ["IMHAW 2021 branding: logos", "Briefing for commissioners"]:
        CampaignResourceFactory(
            campaign=campaign, resource=ResourceFactory(title=title)
        )
    tagged = ResourceFactory(title="Week poster")
    tagged.tags.add("IMHAW21")
    tagged.save()
    CampaignResourceFactory(campaign=campaign, resource=tagged)
    client.force_login(editor)
    response = client.post(start_url(campaign), follow=True)
    new = CampaignPage.objects.get(year=2022)
    carried = [link.resource.title for link in new.campaign_resources.all()]
    assert carried == ["Briefing for commissioners"]
    assert "IMHAW 2021 branding: logos, Week poster" in response.content.decode()


def test_an_existing_hashtag_for_next_year_is_reused(client, editor, campaign):
    existing = Hashtag.objects.create(text="imhaw22")
    client.force_login(editor)
    client.post(start_url(campaign))
    new = CampaignPage.objects.get(year=2022)
    assert new.hashtags[0] == existing
    assert Hashtag.objects.filter(text__iexact="IMHAW22").count() == 1


def test_second_start_of_the_same_year_is_refused(client, editor, campaign, archive):
    CampaignPageFactory(parent=archive, year=2022, title="IMHAW 2022")
    client.force_login(editor)
    page = client.get(start_url(campaign))
    assert page.status_code == 200
    assert b"There is already a campaign for 2022" in page.content
    assert b"Start the 2022 campaign" not in page.content
    again = client.post(start_url(campaign))
    assert again.status_code == 409
    assert CampaignPage.objects.filter(year=2022).count() == 1


def test_guest_author_cannot_start_next_year(client, guest_author, campaign):
    client.force_login(guest_author)
    assert client.get(start_url(campaign)).status_code in (302, 403)
    assert client.post(start_url(campaign)).status_code in (302, 403)
    assert not CampaignPage.objects.filter(year=2022).exists()


def test_visitor_is_sent_to_log_in(client, campaign):
    response = client.post(start_url(campaign))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not CampaignPage.objects.filter(year=2022).exists()


def test_start_next_year_of_something_else_is_not_found(client, editor, campaign):
    client.force_login(editor)
    event = campaign.get_children().first()
    assert client.get(start_url(event)).status_code == 404
    assert client.get("/admin/campaigns/999999/next-year/").status_code == 404


def test_editor_finds_the_action_on_the_campaign(client, editor, campaign):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk]))
    assert start_url(campaign) in edit.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[campaign.pk]))
    assert start_url(campaign) in listing.content.decode()
    archive_listing = client.get(
        reverse("wagtailadmin_explore", args=[campaign.get_parent().pk])
    )
    assert start_url(campaign) in archive_listing.content.decode()


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((2021, 6, 7), (2021, 6, 13), ((2022, 6, 6), (2022, 6, 12))),
        ((2020, 6, 8), (2020, 6, 14), ((2021, 6, 14), (2021, 6, 20))),
        ((2026, 6, 1), (2026, 6, 5), ((2027, 6, 7), (2027, 6, 11))),
        ((2020, 12, 28), (2021, 1, 3), ((2021, 12, 27), (2022, 1, 2))),
    ],
)
def test_next_years_dates_keep_the_weekday_and_week(start, end, expected):
    new_start, new_end = next_year_dates(datetime.date(*start), datetime.date(*end))
    assert (new_start, new_end) == (
        datetime.date(*expected[0]),
        datetime.date(*expected[1]),
    )
    assert new_start.weekday() == datetime.date(*start).weekday()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMHAW21", "IMHAW22"),
        ("IMHAW2021", "IMHAW2022"),
        ("IMHAW_2021", "IMHAW_2022"),
        ("IncludingInfants", None),
        ("Covid19", None),
        ("IMHAW2121", None),
        ("2021", None),
    ],
)
def test_only_tags_ending_in_the_year_move_on(text, expected):
    assert next_year_hashtag(text, 2021) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMHAW 2021 branding", True),
        ("IMHAW21", True),
        ("21 ways to include infants", False),
        ("What is infant mental health?", False),
        ("Report 20215", False),
    ],
)
def test_a_resource_names_the_year(text, expected):
    assert names_year(text, 2021) is expected
