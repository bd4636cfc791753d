"""The archive of weeks, every year's campaign newest first, and which week is
current."""

from collections.abc import Iterable

from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.images import renditions
from core.pages import BasePage
from core.pagination import paginate

from .campaign import CampaignPage


class CampaignIndexPage(BasePage):
    """The archive of awareness weeks: every year's campaign, newest first."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown above the list of weeks.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count = 1

    # Four rows of three cards on a wide screen; older weeks are on later pages.
    weeks_per_page = 12

    class Meta:
        verbose_name = "campaign archive"

    def campaigns(self):
        """Live campaigns under this archive, newest first, with card images."""
        return (
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .defer("body")
            .select_related("hero_image")
            # All renditions: a card shows a <picture> of several sizes and formats.
            .prefetch_related(renditions("hero_image"))
            .order_by("-year")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A bad ?page shows the nearest real page rather than an error.
        page_of_campaigns = paginate(
            self, request, self.campaigns(), per_page=self.weeks_per_page
        )
        context.update(
            campaigns=page_of_campaigns.object_list
            if page_of_campaigns is not None
            else [],
            page_of_campaigns=page_of_campaigns,
            page_url=self.get_url(request),
        )
        return context


def current_campaign() -> CampaignPage | None:
    """The live campaign, else the next one to come, else the most recent."""
    return current_of(
        CampaignPage.objects.live().public().order_by("start_date").defer_streamfields()
    )


def current_of(campaigns: Iterable[CampaignPage]) -> CampaignPage | None:
    """Of `campaigns`, in order of start: the live one, else the next one to come,
    else the most recent."""
    today = timezone.localdate()
    latest = None
    for campaign in campaigns:
        if campaign.end_date >= today:
            return campaign
        latest = campaign
    return latest
