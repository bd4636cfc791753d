"""The editors' dashboard panels: the coming week, pledges, reviews and events."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from .models import CampaignPage, EventPage, PledgeSignature
from .readiness import campaign_readiness, progress

CHART_DAYS = 14
CHART_WIDTH = 280
CHART_HEIGHT = 80


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


def daily_pledges(today: datetime.date, days: int = CHART_DAYS) -> list:
    """(day, count) for the last `days` days up to today, in the site's time zone."""
    first = today - datetime.timedelta(days=days - 1)
    since = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    counts = dict(
        PledgeSignature.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(count=Count("id"))
        .values_list("day", "count")
    )
    return [
        (day, counts.get(day, 0))
        for day in (first + datetime.timedelta(days=n) for n in range(days))
    ]


def chart_bars(daily: list) -> list[dict]:
    """Bar positions for the SVG chart: attributes, not styles, so CSP allows them."""
    highest = max((count for _, count in daily), default=0) or 1
    slot = CHART_WIDTH / len(daily)
    bars = []
    for position, (day, count) in enumerate(daily):
        height = round(count * (CHART_HEIGHT - 4) / highest) if count else 0
        bars.append(
            {
                "day": day,
                "count": count,
                "x": round(position * slot + 2, 1),
                "y": CHART_HEIGHT - height,
                "width": round(slot - 4, 1),
                "height": height,
            }
        )
    return bars


class PledgesPanel(Component):
    """Pledges signed today and this week, with the last fourteen days as a chart."""

    name = "pledges_this_week"
    order = 90
    template_name = "campaigns/admin/pledges_panel.html"

    def get_context_data(self, parent_context):
        daily = daily_pledges(timezone.localdate())
        return {
            "today": daily[-1][1],
            "count": sum(count for _, count in daily[-7:]),
            "total": PledgeSignature.objects.count(),
            "bars": chart_bars(daily),
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
        }


class ReviewsPanel(Component):
    """Event proposals and guest posts waiting in their review workflows."""

    name = "waiting_for_review"
    order = 95
    template_name = "campaigns/admin/reviews_panel.html"
    shown = 5

    def get_context_data(self, parent_context):
        from blog.permissions import REVIEW_WORKFLOW

        from .views import EVENT_REVIEW_WORKFLOW

        states = list(
            WorkflowState.objects.active()
            .filter(workflow__name__in=[EVENT_REVIEW_WORKFLOW, REVIEW_WORKFLOW])
            .select_related("workflow")
            .order_by("created_at")
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        groups = {EVENT_REVIEW_WORKFLOW: [], REVIEW_WORKFLOW: []}
        for state in states:
            page = pages.get(int(state.object_id))
            if page is not None:
                groups[state.workflow.name].append((page, state))
        return {
            "groups": [
                {
                    "label": label,
                    "count": len(waiting),
                    "waiting": waiting[: self.shown],
                    "more": max(0, len(waiting) - self.shown),
                }
                for label, waiting in [
                    ("Event proposals", groups[EVENT_REVIEW_WORKFLOW]),
                    ("Guest posts", groups[REVIEW_WORKFLOW]),
                ]
            ]
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
