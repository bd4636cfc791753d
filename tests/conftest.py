import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.utils import timezone

from wagtail.models import Site

import pytest

from campaigns.factories import (
    CampaignHashtagFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignResourceFactory,
    EventPageFactory,
    HashtagFactory,
    ResourceFactory,
)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: pages cached by an earlier test, and
    Wagtail's renditions and site root paths, kept by id, which the next test's rows
    reuse. A database cache empties with the test's database."""
    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):
            cache.clear()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


def london(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def archive(home_page):
    return CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def campaign(archive):
    """IMHAW 2021 with its hashtags, a download and the APPG meeting."""
    campaign = CampaignPageFactory(
        parent=archive,
        year=2021,
        title="Infant Mental Health Awareness Week 2021",
        theme_title="Including Infants",
        theme_summary="Including infants in children and young people's mental health.",
    )
    for order, text in enumerate(["IMHAW21", "IncludingInfants"]):
        CampaignHashtagFactory(
            campaign=campaign, hashtag=HashtagFactory(text=text), sort_order=order
        )
    CampaignResourceFactory(
        campaign=campaign,
        resource=ResourceFactory(title="IMHAW branding", link="https://example.org/b"),
    )
    EventPageFactory(
        parent=campaign,
        title="APPG for Conception to Age Two",
        slug="appg",
        start=london(2021, 6, 8, 9, 30),
        end=london(2021, 6, 8, 11, 0),
        booking_url="https://example.org/book",
        recording_url="https://example.org/recording",
    )
    return campaign


@pytest.fixture
def open_campaign(campaign):
    """IMHAW 2021 taking the pledge."""
    campaign.pledge_wording = "I pledge to include infants."
    campaign.pledge_call_to_action = "Take the #IncludingInfants Pledge now"
    campaign.save_revision().publish()
    return campaign


def member_of(group_name: str, username: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw-for-tests-1"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member_of("Editors", "eddie")


@pytest.fixture
def guest_author(db):
    return member_of("Guest authors", "jo")
