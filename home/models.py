"""The home page and general content pages."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from blog.models import latest_posts
from campaigns.models import CampaignPage, EventPage, current_of
from core.blocks import BaseStreamBlock
from core.images import renditions
from core.pages import BasePage, next_of


class HomePage(BasePage):
    """The site's front page: what the week is, and the way into this year's week."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two that says what the awareness week is and why "
        "it matters. Shown at the top of the home page.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignIndexPage",
        "blog.BlogIndexPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_schema_org(self, request, organisation) -> dict:
        """The organisation behind the site, as schema.org describes it."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.name,
            "url": organisation.website or self.get_full_url(request),
            "email": organisation.contact_email,
            "sameAs": [url for _, url in organisation.social_accounts],
        }
        return {key: value for key, value in data.items() if value}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.showcase)
        return context

    def changes_at(self) -> datetime.datetime | None:
        """The featured week's next change, or an upcoming event ending."""
        campaign = self.showcase["campaign"]
        return next_of(
            campaign.state_changes_at() if campaign else None,
            *(event.end for event in self.showcase["upcoming_events"]),
        )

    @cached_property
    def showcase(self) -> dict:
        """The week the home page features, the weeks before it, the latest posts
        and the next events: what it shows of the rest of the site."""
        # Every week at once: the featured one and the previous ones come from it.
        weeks = list(
            CampaignPage.objects.live()
            .public()
            .defer("body")
            .select_related("hero_image")
            .prefetch_related(renditions("hero_image"))
            .order_by("start_date")
        )
        campaign = current_of(weeks)
        today = timezone.localdate()
        previous_weeks = sorted(
            (week for week in weeks if week is not campaign and week.end_date < today),
            key=lambda week: week.year,
            reverse=True,
        )
        return {
            "campaign": campaign,
            "hashtags": campaign.hashtags if campaign else [],
            "latest_posts": list(latest_posts(3)),
            "upcoming_events": list(
                EventPage.objects.live()
                .public()
                .filter(end__gte=timezone.now())
                .order_by("start")[:4]
            ),
            "previous_weeks": previous_weeks[:3],
        }


class StandardPage(BasePage):
    """A general page such as "About the week" or the privacy notice."""

    intro = models.TextField(
        blank=True, help_text="A short summary shown under the title and in listings."
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"
