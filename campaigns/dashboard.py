"""The editors' dashboard panels: the coming week and this week's events."""

import datetime

from django.utils import timezone

from wagtail.admin.ui.components import Component

from .models import CampaignPage, EventPage
from .readiness import campaign_readiness, progress


def coming_campaign() -> CampaignPage | None:
    """The live campaign, else the next one to come, drafts included (editors only)."""
    return (
        CampaignPage.objects.filter(end_date__gte=timezone.localdate())
        .order_by("start_date")
        .defer_streamfields()
        .first()
    )


class CampaignPanel(Component):
    """The live or next campaign, its countdown and its readiness checklist."""

    name = "campaign_readiness"
    order = 50
    template_name = "campaigns/admin/campaign_panel.html"

    def get_context_data(self, parent_context):
        campaign = coming_campaign()
        if campaign is None:
            return {"campaign": None}
        # The checklist reads the latest draft, as the editor sees it.
        latest = campaign.get_latest_revision_as_object()
        items = campaign_readiness(latest)
        return {
            "campaign": latest,
            "items": items,
            "progress": progress(items),
        }


class EventsThisWeekPanel(Component):
    """Published events in the next seven days, for editors to check and share."""

    name = "events_this_week"
    order = 96
    template_name = "campaigns/admin/events_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        since = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
        return {
            "events": list(
                EventPage.objects.live()
                .filter(start__lt=since + datetime.timedelta(days=7), end__gte=since)
                .order_by("start")
            )
        }
