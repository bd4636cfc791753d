"""One page per year's campaign: the week, its pledge, events and recap."""

import datetime
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.images import renditions
from core.pages import BasePage, expire_at, midnight, next_of

from ..blocks import CampaignBodyBlock, RecapBlock
from ..colours import HEX_COLOUR, brand_colour_problem, is_hex_colour
from ..panels import ReadinessPanel
from .event import EventPage
from .snippets import RESOURCE_THUMBNAIL, kit_files

POSTS_SHOWN = 6


class CampaignState(StrEnum):
    UPCOMING = "upcoming"
    LIVE = "live"
    ENDED = "ended"


class CampaignPage(RoutablePageMixin, BasePage):
    """One year's awareness week: its theme, dates, events, resources and recap."""

    year = models.PositiveSmallIntegerField(
        unique=True,
        help_text="The year of the week, e.g. 2021. One campaign per year.",
    )
    start_date = models.DateField(help_text="The first day of the week.")
    end_date = models.DateField(
        help_text="The last day of the week: on or after the first day."
    )
    theme_title = models.CharField(
        "theme",
        max_length=200,
        help_text='The year\'s theme in a few words, e.g. "Including Infants".',
    )
    theme_summary = models.TextField(
        help_text="One or two sentences explaining the theme, shown on cards and "
        "at the top of the page."
    )
    goal = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="What the week hopes to change.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide picture for the top of the page and the archive card.",
    )
    brand_colour = models.CharField(
        "brand colour",
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(
                HEX_COLOUR,
                "Give the colour as # and six letters or digits, e.g. #6B2F8A.",
            )
        ],
        help_text="The week's own colour for its header, buttons and links, as # "
        "and six letters or digits, e.g. #6B2F8A. White or dark text goes on it, "
        "whichever reads (a contrast of 4.5:1), so mid-tones that suit neither are "
        "refused; links use a darker shade where it is too light. Leave empty for "
        "the site's purple.",
    )
    body = StreamField(CampaignBodyBlock(), blank=True)
    pledge_wording = models.TextField(
        blank=True,
        help_text="What people promise when they take the pledge, in their words: "
        '"I pledge to ...". Leave empty if this year has no pledge.',
    )
    pledge_call_to_action = models.CharField(
        max_length=120,
        blank=True,
        help_text='The button text, e.g. "Take the #IncludingInfants Pledge now".',
    )
    pledge_opens_at = models.DateTimeField(
        null=True, blank=True, help_text="When the pledge opens. Empty: open now."
    )
    pledge_closes_at = models.DateTimeField(
        null=True, blank=True, help_text="When the pledge closes. Empty: never."
    )
    pledge_target = models.PositiveIntegerField(
        "pledge goal",
        null=True,
        blank=True,
        help_text="How many pledges the week hopes for, e.g. 1000. Shown as a "
        "progress bar beside the count. Leave empty to show the count alone.",
    )
    events_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown above the events, e.g. how to add an event to the calendar.",
    )
    recap = StreamField(
        RecapBlock(),
        blank=True,
        help_text="After the week: figures, highlights and thanks. Shown once the "
        "week has ended.",
    )

    content_panels = [
        ReadinessPanel(heading="Ready for the week?"),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("theme_title"),
                FieldPanel("theme_summary"),
                FieldPanel("goal"),
            ],
            heading="Theme",
        ),
        FieldPanel("hero_image"),
        FieldPanel("brand_colour"),
        FieldPanel("body"),
        InlinePanel(
            "campaign_hashtags",
            heading="Hashtags",
            label="Hashtag",
            help_text="In the order people should use them.",
        ),
        InlinePanel("campaign_resources", heading="Downloads", label="Resource"),
        FieldPanel("events_intro"),
        MultiFieldPanel(
            [
                FieldPanel("pledge_wording"),
                FieldPanel("pledge_call_to_action"),
                FieldRowPanel(
                    [FieldPanel("pledge_opens_at"), FieldPanel("pledge_closes_at")]
                ),
                FieldPanel("pledge_target"),
            ],
            heading="Pledge",
        ),
        InlinePanel(
            "campaign_appearances",
            heading="Podcasts and media appearances",
            label="Appearance",
        ),
        FieldPanel("recap"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("theme_title", boost=2),
        index.SearchField("theme_summary"),
        index.SearchField("goal"),
        index.SearchField("body"),
        index.SearchField("recap"),
        index.SearchField("hashtag_text"),
        index.FilterField("year"),
    ]

    api_fields = [
        APIField("year"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("state"),
        APIField("theme_title"),
        APIField("theme_summary"),
        APIField("goal"),
        APIField("hashtag_names"),
        APIField("calendar_url"),
        APIField("hero_image"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.EventPage"]

    class Meta:
        verbose_name = "campaign"

    @property
    def state(self) -> CampaignState:
        """Upcoming, live or ended, from today's date in the site's time zone."""
        today = timezone.localdate()
        if today < self.start_date:
            return CampaignState.UPCOMING
        if today <= self.end_date:
            return CampaignState.LIVE
        return CampaignState.ENDED

    @property
    def is_live(self) -> bool:
        return self.state is CampaignState.LIVE

    @property
    def is_upcoming(self) -> bool:
        return self.state is CampaignState.UPCOMING

    @property
    def has_ended(self) -> bool:
        return self.state is CampaignState.ENDED

    @property
    def headline_figures(self) -> list:
        """The recap's figures, for cards and the archive."""
        return [
            figure
            for block in self.recap
            if block.block_type == "figures"
            for figure in block.value
        ]

    def get_share_image(self):
        return self.hero_image

    def get_share_hashtags(self) -> list:
        return self.hashtags

    @property
    def countdown(self) -> str:
        """Where today stands against the week, in words: "Starts in 12 days"."""
        today = timezone.localdate()
        if self.is_upcoming:
            days = (self.start_date - today).days
            return "Starts tomorrow" if days == 1 else f"Starts in {days} days"
        if self.is_live:
            if today == self.end_date:
                return "On now: the last day"
            day = (today - self.start_date).days + 1
            length = (self.end_date - self.start_date).days + 1
            return f"On now: day {day} of {length}"
        return "Ended"

    @property
    def hashtag_names(self) -> list[str]:
        """The hashtags with their #, in order, for the API."""
        return [str(hashtag) for hashtag in self.hashtags]

    @property
    def calendar_url(self) -> str:
        """The week's iCalendar feed, as a full URL, for the API."""
        return self.get_site().root_url + self.ics_url

    def hashtag_text(self) -> str:
        """The hashtags as words, so a search for IMHAW21 finds its week."""
        return " ".join(item.hashtag.text for item in self.campaign_hashtags.all())

    @property
    def pledge_is_open(self) -> bool:
        """Open when there is wording and now is within the open and close times."""
        now = timezone.now()
        return bool(self.pledge_wording) and not (
            (self.pledge_opens_at and now < self.pledge_opens_at)
            or (self.pledge_closes_at and now >= self.pledge_closes_at)
        )

    # The pledge and proposal forms are the pledges app's, beside this page.
    @property
    def pledge_url(self) -> str:
        return reverse("pledges:pledge", args=[self.year])

    @property
    def propose_event_url(self) -> str:
        return reverse("pledges:propose_event", args=[self.year])

    @property
    def pledge_submit_url(self) -> str:
        return reverse("pledges:pledge_submit", args=[self.pk])

    @property
    def propose_event_submit_url(self) -> str:
        return reverse("pledges:propose_event_submit", args=[self.pk])

    @cached_property
    def pledge_count(self) -> int:
        return self.pledge_signatures.count() if self.pk else 0

    def pledge_wall(self, limit: int = 60) -> list:
        """The latest signers who asked to be shown: first names and roles only."""
        return list(self.pledge_signatures.filter(show_on_wall=True)[:limit])

    @property
    def ics_url(self) -> str:
        return reverse("campaigns:campaign_ics", args=[self.year])

    @cached_property
    def hashtags(self) -> list:
        """The week's hashtags in order: the page shows them in three places."""
        return [
            item.hashtag
            for item in self.campaign_hashtags.select_related("hashtag").all()
        ]

    @cached_property
    def live_events(self) -> list:
        """Live events of this campaign, in order of start."""
        return list(EventPage.objects.child_of(self).live().public().order_by("start"))

    def resources_by_kind(self) -> list[tuple[str, list]]:
        """The campaign's resources grouped by kind, each group in editor's order."""
        items = self.campaign_resources.select_related(
            "resource__document", "resource__thumbnail"
        ).prefetch_related(
            renditions("resource__thumbnail", RESOURCE_THUMBNAIL),
            kit_files("resource__files"),
        )
        groups: dict[str, list] = {}
        for item in items:
            resource = item.resource
            groups.setdefault(resource.get_kind_display(), []).append(resource)
        return list(groups.items())

    def appearances(self) -> list:
        return [
            item.appearance
            for item in self.campaign_appearances.select_related("appearance")
        ]

    def siblings_by_year(self) -> tuple["CampaignPage | None", "CampaignPage | None"]:
        """The previous and next live weeks, found in one query."""
        neighbours = list(
            CampaignPage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .only("id", "title", "year", "url_path", "path", "depth")
            .order_by("year")
        )
        previous = [page for page in neighbours if page.year < self.year]
        following = [page for page in neighbours if page.year > self.year]
        return (previous[-1] if previous else None, following[0] if following else None)

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The week cannot end before it starts."
        if self.year and self.start_date and self.start_date.year != self.year:
            errors["start_date"] = f"The week should start in {self.year}."
        if (
            self.pledge_opens_at
            and self.pledge_closes_at
            and self.pledge_closes_at <= self.pledge_opens_at
        ):
            errors["pledge_closes_at"] = "The pledge must close after it opens."
        # A badly formed colour is already refused by the field's own validator.
        if is_hex_colour(self.brand_colour) and (
            problem := brand_colour_problem(self.brand_colour)
        ):
            errors["brand_colour"] = problem
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        # A new week's slug defaults to its year, giving /campaigns/2021/.
        if not self.slug and self.year:
            self.slug = str(self.year)
        super().full_clean(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        previous_campaign, next_campaign = self.siblings_by_year()
        if self.pk and self.pledge_wording:
            context["wall"] = self.pledge_wall()
        # A few posts here, found through the posts' link to their week; the blog
        # lists them all.
        posts = (
            list(self.blog_posts.for_listing()[: POSTS_SHOWN + 1]) if self.pk else []
        )
        context.update(
            events=self.live_events,
            posts=posts[:POSTS_SHOWN],
            more_posts_url=self.more_posts_url(request, posts[0])
            if len(posts) > POSTS_SHOWN
            else "",
            resource_groups=self.resources_by_kind(),
            appearances=self.appearances(),
            previous_campaign=previous_campaign,
            next_campaign=next_campaign,
        )
        return context

    def more_posts_url(self, request, post) -> str:
        """The blog's listing of this week's posts: the blog is the post's parent."""
        blog = post.get_parent().specific
        return blog.get_url(request) + blog.reverse_subpage(
            "posts_by_campaign", args=[self.year]
        )

    def state_changes_at(self) -> datetime.datetime | None:
        """The week going live or ending, or the pledge opening or closing."""
        return next_of(
            midnight(self.start_date),
            midnight(self.end_date + datetime.timedelta(days=1)),
            self.pledge_opens_at,
            self.pledge_closes_at,
        )

    def changes_at(self) -> datetime.datetime | None:
        """The week's state changing or one of its events finishing."""
        return next_of(
            self.state_changes_at(), *(event.end for event in self.live_events)
        )

    def serve(self, request, view=None, args=None, kwargs=None):
        # RoutablePageMixin serves every route itself, BasePage.serve's included.
        response = super().serve(request, view, args, kwargs)
        return expire_at(response, self.changes_at())

    def get_cached_paths(self) -> list[str]:
        """What a CDN purges on publish: the page and its routes that show it."""
        return ["/", "events/", "pledge/", "propose-event/"]

    @path("events/")
    def events_by_day(self, request):
        """The week's events day by day, each with add-to-calendar links."""
        length = (self.end_date - self.start_date).days + 1
        by_day = {self.start_date + datetime.timedelta(n): [] for n in range(length)}
        other = []
        for event in self.live_events:
            day = timezone.localtime(event.start).date()
            (by_day[day] if day in by_day else other).append(event)
        # Not self.render(): this view needs none of the campaign page's own context.
        return TemplateResponse(
            request,
            "campaigns/campaign_events.html",
            {
                "page": self,
                "self": self,
                "days": list(by_day.items()),
                "other_events": other,
            },
        )
