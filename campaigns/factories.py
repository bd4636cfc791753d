"""Factories for campaign content, for tests."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import (
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    CampaignResource,
    EventPage,
    Hashtag,
    MediaAppearance,
    Resource,
)


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Awareness weeks"
    slug = "campaigns"

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    year = factory.Sequence(lambda n: 2000 + n)
    title = factory.LazyAttribute(lambda o: f"Awareness Week {o.year}")
    slug = factory.LazyAttribute(lambda o: str(o.year))
    start_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 7))
    end_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 13))
    theme_title = factory.Faker("sentence", nb_words=3)
    theme_summary = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = CampaignPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = factory.Faker("sentence", nb_words=10)
    start = factory.LazyAttribute(
        lambda o: timezone.make_aware(
            datetime.datetime.combine(o.parent.specific.start_date, datetime.time(10))
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    organiser_name = "Parent-Infant Foundation"

    class Meta:
        model = EventPage


class HashtagFactory(DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Tag{n}")

    class Meta:
        model = Hashtag


class ResourceFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    kind = Resource.Kind.BRANDING
    link = factory.Sequence(lambda n: f"https://example.org/resources/{n}")

    class Meta:
        model = Resource


class MediaAppearanceFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Episode {n}")
    outlet = "Mind Matters podcast"
    link = "https://example.org/podcast"

    class Meta:
        model = MediaAppearance


class CampaignHashtagFactory(DjangoModelFactory):
    class Meta:
        model = CampaignHashtag

    # In the order made, as the admin's inline panel numbers them.
    sort_order = factory.Sequence(int)


class CampaignResourceFactory(DjangoModelFactory):
    class Meta:
        model = CampaignResource

    # In the order made, as the admin's inline panel numbers them.
    sort_order = factory.Sequence(int)
