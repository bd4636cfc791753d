"""The public's two forms: taking the pledge and proposing an event."""

import datetime
import time

from django import forms
from django.core import signing
from django.utils import timezone

from campaigns.models import EventPage

from .models import PledgeSignature

# Humans take longer than this to fill in a form; scripts usually do not.
MINIMUM_FILL_SECONDS = 3
STARTED_SALT = "campaigns.form-started"

PRIVACY_WORDING = (
    "I agree that the Parent-Infant Foundation keeps my name, email address, role "
    "and the other details I give here to count my pledge and, if I ask, to show my "
    "first name and role on the pledge wall. My details are never shared, and I can "
    "withdraw my pledge at any time with the link in the confirmation email."
)


class BotTrapMixin(forms.Form):
    """A honeypot field and a signed start time: bots fill the one and rush the other.

    `is_bot` is decided apart from validation, so a bot gets the same answer as a
    person and learns nothing about what gave it away. A form from the page cache
    carries the time its page was rendered, up to PAGE_CACHE_SECONDS before the visitor
    opened it: that can only make a person look slower, never like a bot.
    """

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, campaign, **kwargs):
        self.campaign = campaign
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=STARTED_SALT)

    def is_bot(self) -> bool:
        if self.data.get("website"):
            return True
        try:
            started = float(
                signing.loads(self.data.get("started", ""), salt=STARTED_SALT)
            )
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - started < MINIMUM_FILL_SECONDS


class PledgeForm(BotTrapMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=PRIVACY_WORDING,
        error_messages={"required": "Please agree to how we use your details."},
    )

    class Meta:
        model = PledgeSignature
        fields = [
            "name",
            "email",
            "role",
            "role_other",
            "organisation",
            "region",
            "show_on_wall",
        ]
        labels = {
            "name": "Your name",
            "email": "Your email address",
            "role": "Your role",
            "role_other": "If other, your role",
            "organisation": "Organisation (optional)",
            "region": "Where you work (optional)",
        }
        help_texts = {
            "email": "We send a confirmation with a link to withdraw your pledge.",
            "show_on_wall": "Only your first name and role are shown.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            ("", "Choose your role"),
            *PledgeSignature.Role.choices,
        ]
        self.fields["region"].choices = [
            ("", "Choose a region"),
            *PledgeSignature.Region.choices,
        ]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please tell us your name.")
        return name

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("role") == PledgeSignature.Role.OTHER
            and not cleaned.get("role_other", "").strip()
        ):
            self.add_error("role_other", "Please tell us your role.")
        return cleaned


class EventProposalForm(BotTrapMixin, forms.Form):
    organiser_name = forms.CharField(label="Organiser", max_length=200)
    contact_email = forms.EmailField(
        label="Your email address",
        help_text="We tell you when the event is on the calendar.",
    )
    title = forms.CharField(label="Event title", max_length=200)
    summary = forms.CharField(
        label="Description",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What happens, and who it is for.",
    )
    start = forms.DateTimeField(
        label="Starts",
        help_text="UK time, e.g. 2021-06-08 09:30.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    end = forms.DateTimeField(
        label="Ends",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    attendance = forms.ChoiceField(
        label="How people attend", choices=EventPage.Attendance.choices
    )
    venue_name = forms.CharField(label="Venue", max_length=200, required=False)
    address = forms.CharField(
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    booking_url = forms.URLField(
        label="Booking link", required=False, assume_scheme="https"
    )
    livestream_url = forms.URLField(
        label="Livestream link", required=False, assume_scheme="https"
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", "The event must end after it starts.")
        if start:
            margin = datetime.timedelta(days=14)
            earliest = self.campaign.start_date - margin
            latest = self.campaign.end_date + margin
            if not earliest <= timezone.localtime(start).date() <= latest:
                self.add_error(
                    "start",
                    f"Events for this week should start between "
                    f"{earliest:%-d %B %Y} and {latest:%-d %B %Y}.",
                )
        attendance = cleaned.get("attendance")
        if (
            attendance
            and attendance != EventPage.Attendance.ONLINE
            and not (cleaned.get("venue_name") or cleaned.get("address"))
        ):
            self.add_error("venue_name", "Say where the event takes place.")
        return cleaned
