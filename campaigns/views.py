"""Calendar downloads: one event's .ics file and a campaign's subscribable feed."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .calendars import campaign_calendar, event_calendar
from .models import CampaignPage, EventPage


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, pk: int):
    event = get_object_or_404(EventPage.objects.live().public(), pk=pk)
    return _ics_response(event_calendar(event, request), f"{event.slug}.ics")


def campaign_ics(request, year: int):
    campaign = get_object_or_404(CampaignPage.objects.live().public(), year=year)
    return _ics_response(
        campaign_calendar(campaign, request), f"events-{campaign.year}.ics"
    )
