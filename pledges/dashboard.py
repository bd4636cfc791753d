"""The editors' dashboard panel of pledges: today, this week and a 14-day chart."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from wagtail.admin.ui.components import Component

from .models import PledgeSignature

CHART_DAYS = 14
CHART_WIDTH = 280
CHART_HEIGHT = 80


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
    template_name = "pledges/admin/pledges_panel.html"

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
