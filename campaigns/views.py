"""Public views: calendars, the pledge, event proposals, transcripts and downloads."""

import hashlib
import io
import zipfile

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from wagtail.models import Page, Workflow

from django_ratelimit.core import is_ratelimited

from hub.csrf import cross_origin_protected

from .calendars import campaign_calendar, event_calendar
from .colours import darker, is_hex_colour, text_on, text_shade
from .forms import PRIVACY_WORDING, EventProposalForm, PledgeForm
from .models import (
    CampaignAppearance,
    CampaignPage,
    CampaignResource,
    EventPage,
    PledgeSignature,
    Resource,
    ResourceFile,
    kit_files,
)

WITHDRAW_SALT = "campaigns.pledge-withdraw"
# The pages link the stylesheet with the colour in its query string, so a new colour
# is a new address and the old one can be kept for a day.
BRAND_CSS_MAX_AGE = 24 * 60 * 60
EVENT_REVIEW_WORKFLOW = "Event review"


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


def _rate_limited(request, group: str) -> bool:
    return is_ratelimited(
        request,
        group=group,
        key="ip",
        rate=settings.PUBLIC_FORM_RATE_LIMIT,
        method="POST",
        increment=True,
    )


def _too_many(request, campaign: CampaignPage) -> HttpResponse:
    return render(
        request,
        "campaigns/too_many_requests.html",
        {"page": campaign, "self": campaign},
        status=429,
    )


def withdraw_url(signature: PledgeSignature) -> str:
    token = signing.dumps(signature.pk, salt=WITHDRAW_SALT)
    return reverse("campaigns:pledge_withdraw", args=[token])


def _live_campaign(pk: int) -> CampaignPage:
    return get_object_or_404(CampaignPage.objects.live().public(), pk=pk)


@require_POST
@cross_origin_protected
def pledge_submit(request, pk: int):
    """The pledge form posts here, not to its cached page (see hub/csrf.py)."""
    return pledge(request, _live_campaign(pk))


def pledge(request, campaign: CampaignPage):
    """The pledge form. Bots and repeat signers get the thank-you page like anyone."""
    thanks_url = campaign.url + campaign.reverse_subpage("pledge_thanks")
    if not campaign.pledge_is_open:
        return render(
            request,
            "campaigns/pledge_page.html",
            {"page": campaign, "self": campaign, "closed": True},
            status=200 if request.method == "GET" else 403,
        )
    if request.method != "POST":
        form = PledgeForm()
    elif _rate_limited(request, "pledge"):
        return _too_many(request, campaign)
    else:
        form = PledgeForm(request.POST)
        if form.is_bot():
            return redirect(thanks_url)
        if form.is_valid():
            signature = form.save(commit=False)
            signature.campaign = campaign
            signature.consent_text = PRIVACY_WORDING
            signature.consented_at = timezone.now()
            try:
                with transaction.atomic():
                    signature.save()
            except IntegrityError:
                pass  # Already signed: the same thank-you, nothing new stored.
            else:
                _send_pledge_confirmation(request, campaign, signature)
            return redirect(thanks_url)
    return render(
        request,
        "campaigns/pledge_page.html",
        {"page": campaign, "self": campaign, "form": form},
        status=400 if form.is_bound else 200,
    )


def _send_pledge_confirmation(request, campaign, signature) -> None:
    context = {
        "campaign": campaign,
        "signature": signature,
        "campaign_url": campaign.get_full_url(request),
        "withdraw_url": request.build_absolute_uri(withdraw_url(signature)),
    }
    send_mail(
        subject=f"Thank you for your pledge: {campaign.title}",
        message=render_to_string("campaigns/emails/pledge_confirmation.txt", context),
        from_email=None,
        recipient_list=[signature.email],
    )


@never_cache
def pledge_thanks(request, campaign: CampaignPage):
    """Never cached: it shows the live count, so a new signer sees it rise."""
    return render(
        request, "campaigns/pledge_thanks.html", {"page": campaign, "self": campaign}
    )


@never_cache
def pledge_withdraw(request, token: str):
    """Delete a signature from the link in its confirmation email."""
    try:
        pk = signing.loads(token, salt=WITHDRAW_SALT)
    except signing.BadSignature:
        return render(
            request, "campaigns/pledge_withdraw.html", {"state": "invalid"}, status=404
        )
    signature = PledgeSignature.objects.select_related("campaign").filter(pk=pk).first()
    if signature is None:
        return render(
            request, "campaigns/pledge_withdraw.html", {"state": "gone"}, status=410
        )
    if request.method == "POST":
        campaign = signature.campaign
        signature.delete()
        campaign.forget_pledge_figures()  # The wall may name them.
        return render(
            request,
            "campaigns/pledge_withdraw.html",
            {"state": "withdrawn", "campaign": campaign},
        )
    return render(
        request,
        "campaigns/pledge_withdraw.html",
        {"state": "confirm", "signature": signature, "campaign": signature.campaign},
    )


@require_POST
@cross_origin_protected
def propose_event_submit(request, pk: int):
    """The proposal form posts here, not to its cached page (see hub/csrf.py)."""
    return propose_event(request, _live_campaign(pk))


def propose_event(request, campaign: CampaignPage):
    """A public form whose event becomes a draft in the editors' review workflow."""
    thanks_url = campaign.url + campaign.reverse_subpage("propose_event_thanks")
    if campaign.has_ended:
        return render(
            request,
            "campaigns/propose_event_page.html",
            {"page": campaign, "self": campaign, "closed": True},
            status=200 if request.method == "GET" else 403,
        )
    if request.method != "POST":
        form = EventProposalForm(campaign=campaign)
    elif _rate_limited(request, "propose-event"):
        return _too_many(request, campaign)
    else:
        form = EventProposalForm(request.POST, campaign=campaign)
        if form.is_bot():
            return redirect(thanks_url)
        if form.is_valid():
            event = create_proposed_event(campaign, form.cleaned_data)
            send_mail(
                subject=f"We have your event: {event.title}",
                message=render_to_string(
                    "campaigns/emails/event_proposal_received.txt",
                    {"event": event, "campaign": campaign, **form.cleaned_data},
                ),
                from_email=None,
                recipient_list=[form.cleaned_data["contact_email"]],
            )
            return redirect(thanks_url)
    return render(
        request,
        "campaigns/propose_event_page.html",
        {"page": campaign, "self": campaign, "form": form},
        status=400 if form.is_bound else 200,
    )


@transaction.atomic
def create_proposed_event(campaign: CampaignPage, data: dict) -> EventPage:
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


def proposal_thanks(request, campaign: CampaignPage):
    return render(
        request,
        "campaigns/propose_event_thanks.html",
        {"page": campaign, "self": campaign},
    )


def appearance_transcript(request, pk: int):
    """A podcast's or broadcast's transcript, on a page of its own.

    Only for appearances with a transcript that a published campaign lists: the
    library may hold drafts of appearances not yet announced.
    """
    links = list(
        CampaignAppearance.objects.filter(
            appearance_id=pk, campaign__in=CampaignPage.objects.live().public()
        )
        .exclude(appearance__transcript="")
        .select_related("appearance", "campaign")
        .order_by("campaign__year")
    )
    if not links:
        raise Http404("No transcript here.")
    return render(
        request,
        "campaigns/appearance_transcript.html",
        {
            "appearance": links[0].appearance,
            "campaigns": [link.campaign for link in links],
        },
    )


# Kits' zips, built on first request and kept in the default storage by a name that
# changes with any edit to the kit, so an edit gives a new zip and old ones are removed.
KIT_FOLDER = "kits"


def _public_resource(pk: int) -> Resource:
    """A resource a live, public campaign lists; any other id is "not found".

    The library holds resources not yet announced (next year's logos, say), so they
    become downloadable when a published week offers them, as transcripts do.
    """
    listed = CampaignResource.objects.filter(
        campaign__in=CampaignPage.objects.live().public()
    ).values("resource_id")
    return get_object_or_404(
        Resource.objects.filter(pk__in=listed)
        .select_related("document")
        .prefetch_related(kit_files()),
        pk=pk,
    )


def _count_download(request, resource: Resource) -> None:
    """One more download. A number only: no address, cookie or user is kept."""
    if request.method == "GET":  # HEAD is link checkers and previews, not people.
        Resource.objects.filter(pk=resource.pk).update(
            download_count=F("download_count") + 1
        )


@require_safe
@never_cache
def resource_download(request, pk: int):
    """Count a download, then hand over to the file, the page elsewhere or the kit."""
    resource = _public_resource(pk)
    if resource.is_kit:
        return redirect("campaigns:resource_kit", pk=resource.pk)  # Counted there.
    _count_download(request, resource)
    return HttpResponseRedirect(resource.url)


@require_safe
@never_cache
def resource_kit(request, pk: int):
    """A kit's files and licence as one zip: counted, and built once per version."""
    resource = _public_resource(pk)
    files = list(resource.files.all())
    if not files:
        raise Http404("This resource is not a kit of files.")
    for item in files:
        # The same privacy rules as the documents' own serve view.
        for restriction in item.document.collection.get_view_restrictions():
            if not restriction.accept_request(request):
                raise Http404("Not all of this kit is public.")
    name = kit_storage_name(resource, files)
    if not default_storage.exists(name):
        _save_kit(name, resource, build_kit(resource, files))
    _count_download(request, resource)
    return FileResponse(
        default_storage.open(name),
        as_attachment=True,
        filename=f"{slugify(resource.title) or 'kit'}.zip",
        content_type="application/zip",
    )


def kit_storage_name(resource: Resource, files: list[ResourceFile]) -> str:
    """The zip's name in storage, from everything that goes into it."""
    digest = hashlib.sha256(resource.licence.encode())
    for item in files:
        document = item.document
        digest.update(
            f"|{item.filename}:{document.pk}:{document.file.name}:"
            f"{document.get_file_hash()}".encode()
        )
    return f"{KIT_FOLDER}/resource-{resource.pk}-{digest.hexdigest()[:24]}.zip"


def build_kit(resource: Resource, files: list[ResourceFile]) -> bytes:
    """The zip: each file once under its own name, and LICENCE.txt if given."""
    buffer = io.BytesIO()
    taken = {"LICENCE.txt"}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in files:
            entry = _free_name(item.filename, taken)
            taken.add(entry)
            with item.document.open_file() as source:
                archive.writestr(entry, source.read())
        if resource.licence.strip():
            archive.writestr("LICENCE.txt", resource.licence.strip() + "\n")
    return buffer.getvalue()


def _free_name(name: str, taken: set[str]) -> str:
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{stem}-{number}{dot}{extension}"
        number += 1
    return candidate


def _save_kit(name: str, resource: Resource, content: bytes) -> None:
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:
        # Another request built the same zip meanwhile: keep one copy.
        default_storage.delete(saved)
    prefix = f"resource-{resource.pk}-"
    _, stored = default_storage.listdir(KIT_FOLDER)
    for old in stored:
        if old.startswith(prefix) and f"{KIT_FOLDER}/{old}" != name:
            default_storage.delete(f"{KIT_FOLDER}/{old}")


@require_safe
def campaign_brand_css(request, year: int):
    """The week's colour as custom properties: the CSP forbids inline styles."""
    campaign = (
        CampaignPage.objects.live()
        .public()
        .filter(year=year)
        .only("id", "year", "brand_colour", "last_published_at")
        .first()
    )
    # Checked again here, not only in the form: the colour is written into CSS.
    if campaign is None or not is_hex_colour(campaign.brand_colour):
        raise Http404("This week has no brand colour.")
    colour = campaign.brand_colour.lower()
    on_brand = text_on(colour)
    if on_brand is None:
        raise Http404("No text reads on this week's colour.")
    text = text_shade(colour)
    body = (
        # Only the year and colours go in: a title could hold "*/" and end the comment.
        f"/* The brand colour of the week of {campaign.year}. */\n"
        ":root {\n"
        f"  --colour-brand: {colour};\n"
        f"  --colour-brand-dark: {darker(colour)};\n"
        f"  --colour-on-brand: {on_brand.lower()};\n"
        f"  --colour-brand-text: {text};\n"
        f"  --colour-brand-text-dark: {darker(text)};\n"
        "}\n"
    )
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["ETag"] = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    last_modified = None
    if campaign.last_published_at:
        last_modified = int(campaign.last_published_at.timestamp())
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=BRAND_CSS_MAX_AGE)
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=last_modified,
        response=response,
    )
