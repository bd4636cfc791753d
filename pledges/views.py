"""The pledge and the event proposal: their pages, the posts they take, thank-yous and
withdrawing a pledge.

The forms carry no CSRF token: they post to views of their own, which refuse posts
from other sites (core/csrf.py). Their pages are never cached, as each carries a start
token of its own, good for one submission (pledges/forms.py).
"""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from wagtail.models import Page, Workflow

from django_ratelimit.core import is_ratelimited

from campaigns.models import CampaignPage, EventPage
from core.csrf import cross_origin_protected

from .forms import PRIVACY_WORDING, EventProposalForm, PledgeForm
from .models import PledgeSignature

WITHDRAW_SALT = "campaigns.pledge-withdraw"
EVENT_REVIEW_WORKFLOW = "Event review"


def live_campaign(**lookup) -> CampaignPage:
    """A published week that everyone may see (a private week's forms are 404)."""
    return get_object_or_404(CampaignPage.objects.live().public(), **lookup)


def public_form(
    request, campaign, *, form_class, is_open: bool, template, save, thanks
):
    """The flow both forms share: closed, shown, refused for flooding, dropped for a
    bot (which gets the thank-you like anyone and learns nothing), saved, or shown
    again with its errors and the input kept."""
    context = {"page": campaign, "self": campaign}
    if not is_open:
        status = 200 if request.method == "GET" else 403
        return render(request, template, {**context, "closed": True}, status=status)
    if request.method != "POST":
        form = form_class(campaign=campaign)
    elif is_ratelimited(
        request,
        group=template,
        key="ip",
        rate=settings.PUBLIC_FORM_RATE_LIMIT,
        method="POST",
        increment=True,
    ):
        return render(request, "pledges/too_many_requests.html", context, status=429)
    else:
        form = form_class(request.POST, campaign=campaign)
        if form.is_bot():
            return redirect(thanks)
        if form.is_valid():
            # The same form sent again stores nothing and is thanked again; a
            # different one with a used token comes back with an error and a new
            # token (used_once). A failure stores nothing, and the same form may
            # then be sent again.
            with form.used_once() as first, transaction.atomic():
                if first:
                    save(request, campaign, form)
            if form.is_valid():
                return redirect(thanks)
    status = 400 if form.is_bound else 200
    return render(request, template, {**context, "form": form}, status=status)


def one_line(subject: str) -> str:
    """An email subject on one line, whatever the titles in it hold: a line break
    would end the header."""
    return " ".join(subject.split())


def pledge(request, campaign: CampaignPage) -> HttpResponse:
    return public_form(
        request,
        campaign,
        form_class=PledgeForm,
        is_open=campaign.pledge_is_open,
        template="pledges/pledge_page.html",
        save=save_signature,
        thanks=reverse("pledges:pledge_thanks", args=[campaign.year]),
    )


@require_safe
@never_cache
def pledge_page(request, year: int):
    return pledge(request, live_campaign(year=year))


@require_POST
@cross_origin_protected
def pledge_submit(request, pk: int):
    return pledge(request, live_campaign(pk=pk))


def save_signature(request, campaign: CampaignPage, form: PledgeForm) -> None:
    """Store the signature, once per person: signing again stores nothing new."""
    # A session: the page cache serves the signer fresh pages from now on, so they
    # see their pledge counted at once, where others see it when the pages expire.
    request.session["signed_pledge"] = campaign.pk
    signature = form.save(commit=False)
    signature.campaign = campaign
    signature.consent_text = PRIVACY_WORDING
    signature.consented_at = timezone.now()
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:
        return
    context = {
        "campaign": campaign,
        "signature": signature,
        "campaign_url": campaign.get_full_url(request),
        "withdraw_url": request.build_absolute_uri(withdraw_url(signature)),
    }
    send_mail(
        subject=one_line(f"Thank you for your pledge: {campaign.title}"),
        message=render_to_string("pledges/emails/pledge_confirmation.txt", context),
        from_email=None,
        recipient_list=[signature.email],
    )


@never_cache
def pledge_thanks(request, year: int):
    """Never cached: it shows the live count, so a new signer sees it rise."""
    campaign = live_campaign(year=year)
    return render(
        request, "pledges/pledge_thanks.html", {"page": campaign, "self": campaign}
    )


def withdraw_url(signature: PledgeSignature) -> str:
    token = signing.dumps(signature.pk, salt=WITHDRAW_SALT)
    return reverse("pledges:pledge_withdraw", args=[token])


@never_cache
def pledge_withdraw(request, token: str):
    """Delete a signature from the link in its confirmation email."""
    try:
        pk = signing.loads(token, salt=WITHDRAW_SALT)
    except signing.BadSignature:
        return render(
            request, "pledges/pledge_withdraw.html", {"state": "invalid"}, status=404
        )
    signature = PledgeSignature.objects.select_related("campaign").filter(pk=pk).first()
    if signature is None:
        return render(
            request, "pledges/pledge_withdraw.html", {"state": "gone"}, status=410
        )
    campaign = signature.campaign
    if request.method == "POST":
        signature.delete()  # Every page that may name them forgets it (apps.py).
        return render(
            request,
            "pledges/pledge_withdraw.html",
            {"state": "withdrawn", "campaign": campaign},
        )
    return render(
        request,
        "pledges/pledge_withdraw.html",
        {"state": "confirm", "signature": signature, "campaign": campaign},
    )


def propose_event(request, campaign: CampaignPage) -> HttpResponse:
    return public_form(
        request,
        campaign,
        form_class=EventProposalForm,
        is_open=not campaign.has_ended,
        template="pledges/propose_event_page.html",
        save=save_proposal,
        thanks=reverse("pledges:propose_event_thanks", args=[campaign.year]),
    )


@require_safe
@never_cache
def propose_event_page(request, year: int):
    return propose_event(request, live_campaign(year=year))


@require_POST
@cross_origin_protected
def propose_event_submit(request, pk: int):
    return propose_event(request, live_campaign(pk=pk))


def save_proposal(request, campaign: CampaignPage, form: EventProposalForm) -> None:
    """A draft event in the editors' review workflow, and a note to the proposer."""
    event = create_proposed_event(campaign, form.cleaned_data)
    send_mail(
        subject=one_line(f"We have your event: {event.title}"),
        message=render_to_string(
            "pledges/emails/event_proposal_received.txt",
            {"event": event, "campaign": campaign, **form.cleaned_data},
        ),
        from_email=None,
        recipient_list=[form.cleaned_data["contact_email"]],
    )


@transaction.atomic
def create_proposed_event(campaign: CampaignPage, data: dict) -> EventPage:
    """The draft, its revision and its workflow, all or none of them."""
    event = EventPage(
        title=data["title"],
        slug=_free_slug(campaign, slugify(data["title"])[:70] or "event"),
        live=False,
        summary=data["summary"],
        start=data["start"],
        end=data["end"],
        attendance=data["attendance"],
        venue_name=data["venue_name"],
        address=data["address"],
        organiser_name=data["organiser_name"],
        booking_url=data["booking_url"],
        livestream_url=data["livestream_url"],
        proposed_by_email=data["contact_email"],
    )
    campaign.add_child(instance=event)
    event.save_revision(log_action=True)
    Workflow.objects.get(name=EVENT_REVIEW_WORKFLOW).start(event, user=None)
    return event


def _free_slug(campaign: CampaignPage, base: str) -> str:
    taken = set(
        Page.objects.child_of(campaign)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def propose_event_thanks(request, year: int):
    campaign = live_campaign(year=year)
    return render(
        request,
        "pledges/propose_event_thanks.html",
        {"page": campaign, "self": campaign},
    )
