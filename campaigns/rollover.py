"""Start next year's campaign from this year's: what carries over and what moves on.

The rules, as editors read them on the confirmation screen:

- Dates: the same weekday of the same ISO week number, a year on (Monday of week 23
  stays Monday of week 23), and the week keeps its length.
- Hashtags: a tag that ends with the campaign's year, in four digits or two, is tied
  to the year and moves on with it (#IMHAW21 becomes #IMHAW22, #IMHAW2021 becomes
  #IMHAW2022). Every other tag (#IncludingInfants) is kept as it is.
- Resources: a resource whose title or tags name the year (2021, or a tag such as
  IMHAW21) belonged to that week and stays behind; every other resource is standing
  and is carried over.
- The events intro is standing text and is kept. The theme, goal, body, share image,
  pledge, podcasts, recap, events and pledge signatures start empty.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import Page

from .models import CampaignHashtag, CampaignPage, CampaignResource, Hashtag, Resource

START_NEXT_YEAR_ACTION = "campaigns.start_next_year"


class NextYearExists(Exception):
    """There is already a campaign for the year after."""

    def __init__(self, existing: CampaignPage):
        super().__init__(f"{existing.title} already exists.")
        self.existing = existing


@dataclass
class Rollover:
    """What starting next year's campaign copied, moved on and left behind."""

    page: CampaignPage
    hashtags: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    kept_hashtags: list[str] = field(default_factory=list)
    moved_hashtags: list[tuple[str, str]] = field(default_factory=list)
    carried_resources: list[str] = field(default_factory=list)
    left_resources: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The admin message: what was copied, in one paragraph."""
        moved = [f"{new} (was {old})" for old, new in self.moved_hashtags]
        hashtags = [*self.kept_hashtags, *moved]
        parts = [f"Started {self.page.title} as a draft."]
        parts.append(
            f"Hashtags: {', '.join(hashtags)}." if hashtags else "No hashtags copied."
        )
        parts.append(
            f"Resources carried over: {', '.join(self.carried_resources)}."
            if self.carried_resources
            else "No resources carried over."
        )
        if self.left_resources:
            parts.append(
                f"Left behind as last year's: {', '.join(self.left_resources)}."
            )
        parts.append(
            "The theme, share image, pledge, events and recap are empty for you to "
            "fill in: the checklist at the top of the page shows what is left."
        )
        return " ".join(parts)


def next_year_dates(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The same weekday of the same ISO week a year on, with the same length."""
    iso_year, week, weekday = start.isocalendar()
    try:
        new_start = datetime.date.fromisocalendar(iso_year + 1, week, weekday)
    except ValueError:  # Week 53, in a year that has only 52.
        new_start = start + datetime.timedelta(weeks=52)
    return new_start, new_start + (end - start)


def next_year_hashtag(text: str, year: int) -> str | None:
    """The tag's text for next year if it ends with `year`, else None (standing)."""
    for digits, following in [
        (str(year), str(year + 1)),
        (f"{year % 100:02d}", f"{(year + 1) % 100:02d}"),
    ]:
        stem = text.removesuffix(digits)
        if stem != text and stem and not stem[-1].isdigit():
            return stem + following
    return None


def names_year(text: str, year: int) -> bool:
    """Whether `text` names the year: "2021", or "21" straight after a letter."""
    pattern = rf"(?<!\d){year}(?!\d)|(?<=[A-Za-z]){year % 100:02d}(?!\d)"
    return re.search(pattern, text) is not None


def _hashtag(text: str) -> Hashtag:
    existing = Hashtag.objects.filter(text__iexact=text).first()
    return existing or Hashtag.objects.create(text=text)


def _next_title(campaign: CampaignPage, year: int) -> str:
    if str(campaign.year) in campaign.title:
        return campaign.title.replace(str(campaign.year), str(year))
    return f"{campaign.title} {year}"


def plan_next_year(campaign: CampaignPage) -> Rollover:
    """What starting next year's campaign would copy, without saving anything."""
    year = campaign.year + 1
    start, end = next_year_dates(campaign.start_date, campaign.end_date)
    page = CampaignPage(
        title=_next_title(campaign, year),
        year=year,
        start_date=start,
        end_date=end,
        theme_title="",
        theme_summary="",
        events_intro=campaign.events_intro,
        live=False,
    )
    rollover = Rollover(page=page)
    for link in campaign.campaign_hashtags.select_related("hashtag").all():
        following = next_year_hashtag(link.hashtag.text, campaign.year)
        if following:
            rollover.moved_hashtags.append((str(link.hashtag), f"#{following}"))
            rollover.hashtags.append(following)
        else:
            rollover.kept_hashtags.append(str(link.hashtag))
            rollover.hashtags.append(link.hashtag.text)

    resource_ids = [link.resource_id for link in campaign.campaign_resources.all()]
    by_id = Resource.objects.prefetch_related("tags").in_bulk(resource_ids)
    for resource_id in resource_ids:
        resource = by_id[resource_id]
        words = [resource.title, *(tag.name for tag in resource.tags.all())]
        if any(names_year(word, campaign.year) for word in words):
            rollover.left_resources.append(resource.title)
        else:
            rollover.resources.append(resource)
            rollover.carried_resources.append(resource.title)
    return rollover


@transaction.atomic
def start_next_year(campaign: CampaignPage, user=None) -> Rollover:
    """A new draft campaign for the year after `campaign`, beside it in the archive.

    `campaign` should be the version the editor sees: its latest revision.
    """
    existing = CampaignPage.objects.filter(year=campaign.year + 1).first()
    if existing:
        raise NextYearExists(existing)
    rollover = plan_next_year(campaign)
    page = rollover.page
    parent = campaign.get_parent()
    slug = str(page.year)
    page.slug = (
        "" if Page.objects.child_of(parent).filter(slug=slug).exists() else slug
    )  # Empty: Wagtail makes a free one from the title.
    page.owner = user
    hashtags = []
    for text in rollover.hashtags:
        hashtag = _hashtag(text)
        if hashtag not in hashtags:
            hashtags.append(hashtag)
    page.campaign_hashtags = [
        CampaignHashtag(hashtag=hashtag, sort_order=order)
        for order, hashtag in enumerate(hashtags)
    ]
    page.campaign_resources = [
        CampaignResource(resource=resource, sort_order=order)
        for order, resource in enumerate(rollover.resources)
    ]
    parent.add_child(instance=page)
    # A draft may leave the theme empty: the editor's form asks for it on publish.
    page.save_revision(user=user, log_action=False, clean=False)
    log(
        instance=page,
        action=START_NEXT_YEAR_ACTION,
        user=user,
        data={"source": {"id": campaign.pk, "title": campaign.title}},
    )
    return rollover
