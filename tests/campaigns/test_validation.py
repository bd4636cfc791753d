import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

from campaigns.factories import (
    CampaignPageFactory,
    HashtagFactory,
    ResourceFactory,
)
from campaigns.models import CampaignPage, EventPage, Hashtag

from ..conftest import london


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_campaign_cannot_end_before_it_starts(campaign):
    campaign.end_date = datetime.date(2021, 6, 6)
    assert errors_of(campaign)["end_date"] == ["The week cannot end before it starts."]


def test_campaign_may_last_a_single_day(campaign):
    campaign.end_date = campaign.start_date
    campaign.full_clean()


def test_campaign_must_start_in_its_year(campaign):
    campaign.start_date = datetime.date(2022, 6, 7)
    campaign.end_date = datetime.date(2022, 6, 13)
    assert "start_date" in errors_of(campaign)


def test_two_campaigns_cannot_share_a_year(campaign, archive):
    duplicate = CampaignPage(
        title="Again",
        slug="again",
        year=2021,
        start_date=datetime.date(2021, 6, 7),
        end_date=datetime.date(2021, 6, 13),
        theme_title="Again",
        theme_summary="Again",
    )
    with pytest.raises(ValidationError) as caught:
        archive.add_child(instance=duplicate)
    assert "year" in caught.value.message_dict


def test_pledge_must_close_after_it_opens(campaign):
    campaign.pledge_opens_at = london(2021, 6, 7, 9)
    campaign.pledge_closes_at = london(2021, 6, 7, 9)
    assert "pledge_closes_at" in errors_of(campaign)


def test_event_must_end_after_it_starts(campaign):
    event = EventPage.objects.get(slug="appg")
    event.end = event.start
    assert errors_of(event)["end"] == ["The event must end after it starts."]


def test_event_in_person_needs_a_place(campaign):
    event = EventPage.objects.get(slug="appg")
    event.attendance = EventPage.Attendance.IN_PERSON
    assert errors_of(event)["venue_name"] == ["Say where the event takes place."]


@pytest.mark.django_db
def test_resource_needs_a_file_or_a_link():
    resource = ResourceFactory.build(link="")
    assert "document" in errors_of(resource)


@pytest.mark.django_db
def test_resource_cannot_have_both_a_file_and_a_link():
    document = Document(title="Logos")
    document.file.save("logos.zip", ContentFile(b"PK"), save=False)
    document.save()
    resource = ResourceFactory.build(document=document, link="https://example.org")
    assert "link" in errors_of(resource)


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["#IMHAW21", "Including Infants", "imhaw-21", ""])
def test_hashtag_is_letters_digits_and_underscores_only(text):
    assert "text" in errors_of(Hashtag(text=text))


@pytest.mark.django_db
def test_hashtag_is_unique_ignoring_case():
    HashtagFactory(text="IncludingInfants")
    errors = errors_of(Hashtag(text="includinginfants"))
    assert errors["__all__"] == ["That hashtag already exists."]


@pytest.mark.django_db
def test_campaign_slug_defaults_to_its_year(archive):
    campaign = CampaignPageFactory.build(year=2030, slug="")
    archive.add_child(instance=campaign)
    assert campaign.slug == "2030"
    assert campaign.url == "/campaigns/2030/"
