"""An event of the week, held online or in a place, with its calendar links."""

import datetime
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.pages import BasePage, next_of


class EventPage(BasePage):
    """One event in a campaign's calendar."""

    class Attendance(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"
        HYBRID = "hybrid", "In person and online"

    summary = models.TextField(
        help_text="One or two sentences for the calendar list and search results."
    )
    start = models.DateTimeField(help_text="Date and time in UK time (Europe/London).")
    end = models.DateTimeField(help_text="Must be after the start.")
    attendance = models.CharField(
        max_length=20, choices=Attendance.choices, default=Attendance.ONLINE
    )
    venue_name = models.CharField(
        max_length=200, blank=True, help_text="For events in person: the place."
    )
    address = models.TextField(blank=True, help_text="Street address and postcode.")
    organiser_name = models.CharField(
        "organiser", max_length=200, help_text="Who runs the event."
    )
    organiser_url = models.URLField("organiser's website", blank=True)
    booking_url = models.URLField(
        "booking link", blank=True, help_text="Where people book a place."
    )
    livestream_url = models.URLField(
        "livestream link", blank=True, help_text="Where to watch it live."
    )
    recording_url = models.URLField(
        "recording link", blank=True, help_text="Where to watch it afterwards."
    )
    description = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    proposed_by_email = models.EmailField(
        blank=True,
        help_text="Who proposed this event with the public form. Never shown on "
        "the site.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("organiser_name"), FieldPanel("organiser_url")],
            heading="Organiser",
        ),
        MultiFieldPanel(
            [
                FieldPanel("booking_url"),
                FieldPanel("livestream_url"),
                FieldPanel("recording_url"),
            ],
            heading="Links",
        ),
        FieldPanel("description"),
        FieldPanel("proposed_by_email", read_only=True),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("organiser_name"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("start"),
        APIField("end"),
        APIField("attendance"),
        APIField("location"),
        APIField("venue_name"),
        APIField("address"),
        APIField("organiser_name"),
        APIField("organiser_url"),
        APIField("booking_url"),
        APIField("livestream_url"),
        APIField("recording_url"),
        APIField("description"),
        APIField("calendar_url"),
    ]

    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    @property
    def is_over(self) -> bool:
        return self.end < timezone.now()

    def changes_at(self) -> datetime.datetime | None:
        """When the event is over, unless it is already."""
        return next_of(self.end)

    @property
    def is_online(self) -> bool:
        return self.attendance != self.Attendance.IN_PERSON

    @property
    def location(self) -> str:
        """Where the event is, in one line, for calendars."""
        if self.attendance == self.Attendance.ONLINE:
            return "Online"
        place = ", ".join(
            part for part in [self.venue_name, *self.address.splitlines()] if part
        )
        if self.attendance == self.Attendance.HYBRID:
            return f"{place} and online" if place else "Online"
        return place

    @cached_property
    def campaign(self):
        """The campaign this event belongs to, fetched once with its picture."""
        # Looked up by name: the campaign's module imports this one.
        CampaignPage = apps.get_model("campaigns", "CampaignPage")
        return (
            CampaignPage.objects.filter(path=self.path[: -self.steplen])
            .select_related("hero_image")
            .defer_streamfields()
            .first()
        )

    def get_share_image(self):
        """The campaign's picture: events have none of their own."""
        return self.campaign.hero_image if self.campaign else None

    def get_share_hashtags(self) -> list:
        """The campaign's hashtags, in its order."""
        if not self.campaign:
            return []
        return self.campaign.hashtags

    def get_schema_org(self, request, organisation) -> dict:
        """A schema.org Event, as search engines show events."""
        url = self.get_full_url(request)
        online = {"@type": "VirtualLocation", "url": self.livestream_url or url}
        place = {
            "@type": "Place",
            "name": self.venue_name or self.location,
            "address": ", ".join(self.address.splitlines()) or self.venue_name,
        }
        locations = {
            self.Attendance.ONLINE: (online, "OnlineEventAttendanceMode"),
            self.Attendance.IN_PERSON: (place, "OfflineEventAttendanceMode"),
            self.Attendance.HYBRID: ([place, online], "MixedEventAttendanceMode"),
        }
        location, mode = locations[self.attendance]
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "location": location,
            "organizer": {
                "@type": "Organization",
                "name": self.organiser_name,
                **({"url": self.organiser_url} if self.organiser_url else {}),
            },
            "url": url,
        }
        if self.booking_url:
            data["offers"] = {"@type": "Offer", "url": self.booking_url}
        return data

    @property
    def calendar_url(self) -> str:
        """This event's .ics file, as a full URL, for the API."""
        return self.get_site().root_url + self.ics_url

    @property
    def ics_url(self) -> str:
        return reverse("campaigns:event_ics", args=[self.pk])

    def google_calendar_url(self, full_url: str) -> str:
        stamp = "%Y%m%dT%H%M%SZ"
        query = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{self.start.astimezone(datetime.UTC).strftime(stamp)}/"
            f"{self.end.astimezone(datetime.UTC).strftime(stamp)}",
            "details": f"{self.summary}\n\n{full_url}",
            "location": self.location,
            "ctz": "Europe/London",
        }
        return "https://calendar.google.com/calendar/render?" + urlencode(query)

    def outlook_calendar_url(self, full_url: str) -> str:
        query = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": self.title,
            "startdt": self.start.isoformat(),
            "enddt": self.end.isoformat(),
            "body": f"{self.summary}\n\n{full_url}",
            "location": self.location,
        }
        return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
            query
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The event must end after it starts."
        if self.attendance != self.Attendance.ONLINE and not (
            self.venue_name or self.address
        ):
            errors["venue_name"] = "Say where the event takes place."
        if errors:
            raise ValidationError(errors)
