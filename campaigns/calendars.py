"""iCalendar (RFC 5545) files for events and for a campaign's whole week."""

import zoneinfo
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

import icalendar

from .models import CampaignPage, EventPage

PRODUCT_ID = "-//Campaign hub//Awareness week events//EN"


def event_uid(event: EventPage) -> str:
    """Stable across edits, moves and renames: a page's translation key is fixed."""
    return f"event-{event.translation_key}@campaign-hub"


def to_vevent(event: EventPage, request) -> icalendar.Event:
    site_zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    url = event.get_full_url(request)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start.astimezone(site_zone))
    vevent.add("dtend", event.end.astimezone(site_zone))
    vevent.add("summary", event.title)
    description = "\n\n".join(
        part
        for part in [
            event.summary,
            strip_tags(event.description).strip(),
            f"Book: {event.booking_url}" if event.booking_url else "",
            f"Watch live: {event.livestream_url}" if event.livestream_url else "",
            f"Recording: {event.recording_url}" if event.recording_url else "",
            f"Details: {url}",
        ]
        if part
    )
    vevent.add("description", description)
    vevent.add("location", event.location)
    vevent.add("url", url)
    vevent.add("organizer", event.organiser_name)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent


def build_calendar(name: str, events: Iterable[EventPage], request) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(to_vevent(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_calendar(event: EventPage, request) -> bytes:
    return build_calendar(event.title, [event], request)


def campaign_calendar(campaign: CampaignPage, request) -> bytes:
    return build_calendar(campaign.title, campaign.live_events, request)
