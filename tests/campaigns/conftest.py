from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from wagtail_factories import ImageFactory

from campaigns.factories import (
    CampaignHashtagFactory,
    CampaignResourceFactory,
    EventPageFactory,
    HashtagFactory,
    ResourceFactory,
)

from ..conftest import london


def add_content(campaign, count: int) -> None:
    """`count` more events, hashtags and resources on the campaign."""
    for n in range(count):
        EventPageFactory(parent=campaign, start=london(2021, 6, 7 + n % 7, 10))
        CampaignHashtagFactory(campaign=campaign, hashtag=HashtagFactory())
        CampaignResourceFactory(
            campaign=campaign, resource=ResourceFactory(thumbnail=ImageFactory())
        )


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
