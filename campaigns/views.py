"""Public views: calendars, transcripts, downloads and the week's brand stylesheet."""

import hashlib
import io
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .calendars import campaign_calendar, event_calendar
from .colours import darker, is_hex_colour, text_on, text_shade
from .models import (
    CampaignAppearance,
    CampaignPage,
    CampaignResource,
    EventPage,
    Resource,
    ResourceFile,
    kit_files,
)

# The pages link the stylesheet with the colour in its query string, so a new colour
# is a new address and the old one can be kept for a day.
BRAND_CSS_MAX_AGE = 24 * 60 * 60


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
