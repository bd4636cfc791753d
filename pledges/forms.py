"""The public's two forms: taking the pledge and proposing an event."""

import datetime
import hashlib
import json
import secrets
import time
from contextlib import contextmanager

from django import forms
from django.core import signing
from django.core.cache import cache
from django.core.validators import EmailValidator
from django.utils import timezone

from campaigns.models import EventPage

from .models import PledgeSignature, normalise_email

# Humans take longer than this to fill in a form; scripts usually do not.
MINIMUM_FILL_SECONDS = 3
# A form is taken for this long after its page was opened, and once.
MAXIMUM_FORM_AGE = 60 * 60
STARTED_SALT = "campaigns.form-started"
# Invisible characters that reorder the text around them: in a name on the wall they
# could show it backwards, or hide what it says (Arabic letter mark, left-to-right
# and right-to-left marks, embeddings, overrides and isolates).
DIRECTION_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)

PRIVACY_WORDING = (
    "I agree that the Parent-Infant Foundation keeps my name, email address, role "
    "and the other details I give here to count my pledge and, if I ask, to show my "
    "first name and role on the pledge wall. My details are never shared, and I can "
    "withdraw my pledge at any time with the link in the confirmation email."
)


def validate_one_line(value: str) -> None:
    """A name or a title is one line: a line break in one would end an email's
    subject header (a server error, once the proposal was stored) or forge another."""
    if "".join(value.splitlines()) != value:
        raise forms.ValidationError("Please keep this to one line.", code="lines")


def without_direction_controls(data):
    """A copy of posted data (a QueryDict) without text-direction controls."""
    data = data.copy()
    for key, values in data.lists():
        data.setlist(key, [value.translate(DIRECTION_CONTROLS) for value in values])
    return data


def start_token(started: float | None = None) -> str:
    """The signed time a form was opened, with a nonce that makes it that form's own."""
    return signing.dumps(
        [time.time() if started is None else started, secrets.token_urlsafe(9)],
        salt=STARTED_SALT,
    )


class PublicForm(forms.Form):
    """What the public forms share: text read as a person sees it, and a bot trap.

    Text-direction controls are taken out of what is sent, before it is validated.
    They are invisible, so a person who pasted a name with them (chat apps put
    isolates around names) could not find them to take them out, and a name needs
    none: the text keeps its own direction without them.

    The bot trap is a honeypot field and a signed start token: bots fill the one and
    rush the other. `is_bot` is decided apart from validation, so a bot gets the same
    answer as a person and learns nothing about what gave it away. The token is good
    for MAXIMUM_FORM_AGE, after which the form asks to be sent again, and for one
    submission (`used_once`): so each visitor's page has its own, and the form pages
    are never shared from a cache.
    """

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *args, campaign, **kwargs):
        self.campaign = campaign
        if data is not None:
            data = without_direction_controls(data)
        super().__init__(data, *args, **kwargs)
        started = self.started_at() if self.is_bound else None
        self.expired = started is not None and time.time() - started > MAXIMUM_FORM_AGE
        if not self.is_bound:
            self.initial["started"] = start_token()
        elif self.expired:
            # The page that says so carries a new token, started as long ago as a
            # person takes: sent again from it, the form is taken.
            self.data["started"] = start_token(time.time() - MINIMUM_FILL_SECONDS)

    def started_at(self) -> float | None:
        """When the form's page was opened; None if the token is missing or forged."""
        try:
            started = signing.loads(self.data.get("started", ""), salt=STARTED_SALT)
        except signing.BadSignature:
            return None
        # A bare time is a token from before tokens carried a nonce.
        return float(started[0] if isinstance(started, list) else started)

    def is_bot(self) -> bool:
        started = self.started_at()
        return (
            bool(self.data.get("website"))
            or started is None
            or time.time() - started < MINIMUM_FILL_SECONDS
        )

    def clean(self):
        cleaned = super().clean()
        if self.expired:
            raise forms.ValidationError(
                "This form was open for more than an hour, so it was not sent. "
                "Please check your details and send it again.",
                code="expired",
            )
        return cleaned

    def submission_digest(self) -> str:
        """A digest of what was sent besides the token: the same for the same form
        sent twice (a double click, the browser resending it)."""
        sent = sorted(
            (key, values) for key, values in self.data.lists() if key != "started"
        )
        return hashlib.sha256(json.dumps(sent).encode()).hexdigest()

    @contextmanager
    def used_once(self):
        """Whether this is the first submission of this form's token, recorded in the
        cache every process shares with the digest of what it carried.

        The same submission sent again is not the first: it stores nothing, and gets
        the thank-you again. A different one (a second event proposed from the page
        the browser went back to, which keeps the token) is not lost: the form gets
        an error that says so and a new token, and is taken when sent again. The
        record is given back if what follows fails, so that the same form can be
        sent again: it stored nothing.
        """
        token = hashlib.sha256(self.data["started"].encode()).hexdigest()
        key = f"pledges:form-used:{token}"
        digest = self.submission_digest()
        first = cache.add(key, digest, timeout=MAXIMUM_FORM_AGE)
        if not first and cache.get(key) != digest:
            # As for an expired form: sent again at once from the page that says
            # so, it is taken.
            self.data["started"] = start_token(time.time() - MINIMUM_FILL_SECONDS)
            self.add_error(
                None,
                forms.ValidationError(
                    "This form has already been sent once. Check the details and "
                    "send it again to send another.",
                    code="sent",
                ),
            )
        try:
            yield first
        except BaseException:
            if first:
                cache.delete(key)
            raise


class PledgeForm(PublicForm, forms.ModelForm):
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
        for name in ("role_other", "organisation"):
            self.fields[name].validators.append(validate_one_line)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please tell us your name.")
        return name

    def clean_email(self):
        """The address as it is stored, in its one written form (normalise_email),
        checked again as an address. It must be ASCII by then: the few other letters
        Django lets through ("ı", whose pattern ignores case) would sign twice."""
        try:
            email = normalise_email(self.cleaned_data["email"])
        except UnicodeError:
            email = None
        if email is None or not email.isascii():
            raise forms.ValidationError(EmailValidator.message, code="invalid")
        return self.fields["email"].clean(email)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("role") == PledgeSignature.Role.OTHER
            and not cleaned.get("role_other", "").strip()
        ):
            self.add_error("role_other", "Please tell us your role.")
        return cleaned


class EventProposalForm(PublicForm):
    organiser_name = forms.CharField(
        label="Organiser", max_length=200, validators=[validate_one_line]
    )
    contact_email = forms.EmailField(
        label="Your email address",
        help_text="We tell you when the event is on the calendar.",
    )
    title = forms.CharField(
        label="Event title", max_length=200, validators=[validate_one_line]
    )
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
    venue_name = forms.CharField(
        label="Venue", max_length=200, required=False, validators=[validate_one_line]
    )
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
