"""Template helpers for campaigns: date ranges and calendar links."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

register = template.Library()


@register.filter
def date_range(start: datetime.date, end: datetime.date) -> str:
    """A week's dates as people write them: "7–13 June 2021", "30 May – 5 June 2021"."""
    if not start or not end:
        return ""
    if start == end:
        return format_date(start, "j F Y")
    if start.year != end.year:
        return f"{format_date(start, 'j F Y')} – {format_date(end, 'j F Y')}"
    if start.month != end.month:
        return f"{format_date(start, 'j F')} – {format_date(end, 'j F Y')}"
    return f"{format_date(start, 'j')}–{format_date(end, 'j F Y')}"


@register.filter
def percent_of(count: int, target: int) -> int:
    """How far `count` goes towards `target`, as a whole percentage up to 100."""
    if not target:
        return 0
    return min(100, (count or 0) * 100 // target)


def clock(moment: datetime.datetime) -> str:
    """A time as people in the UK write it: 9:30am, 11am, 12pm."""
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


@register.filter
def time_range(event) -> str:
    """An event's times in the site's time zone, e.g. "9:30am–11am"."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    if start.date() == end.date():
        return f"{clock(start)}–{clock(end)}"
    return (
        f"{format_date(start, 'j F')}, {clock(start)} – "
        f"{format_date(end, 'j F')}, {clock(end)}"
    )


@register.simple_tag(takes_context=True)
def calendar_links(context, event) -> dict[str, str]:
    """Add-to-calendar links for one event: Google, Outlook and the .ics file."""
    full_url = event.get_full_url(context.get("request"))
    return {
        "google": event.google_calendar_url(full_url),
        "outlook": event.outlook_calendar_url(full_url),
        "ics": event.ics_url,
    }
