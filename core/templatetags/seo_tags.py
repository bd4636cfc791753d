"""What a page tells search engines and social networks: description, canonical link,
Open Graph and Twitter cards with a 1200x630 share image, and schema.org JSON-LD."""

import json

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.models import OrganisationSettings

from .navigation_tags import ancestors

register = template.Library()

SHARE_IMAGE = "fill-1200x630"
# Where a page's description comes from when an editor wrote no search description.
DESCRIPTION_SOURCES = ["search_description", "summary", "intro", "theme_summary"]
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def meta_description(page) -> str:
    for name in DESCRIPTION_SOURCES:
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(300)
    return ""


def breadcrumb_list(page, request) -> dict:
    trail = [*ancestors(page), page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": "Home" if crumb.depth == 2 else crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def json_ld(data) -> str:
    return mark_safe(  # noqa: S308 - escaped for a script element below
        '<script type="application/ld+json">'
        + json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
        + "</script>"
    )


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    request = context["request"]
    page = context.get("page")
    organisation = OrganisationSettings.for_request(request)
    if page is None:
        return {"organisation": organisation}
    canonical = (
        page.get_canonical_url(request)
        if hasattr(page, "get_canonical_url")
        else page.get_full_url(request)
    )
    image = getattr(page, "get_share_image", lambda: None)() or organisation.share_image
    share_image = None
    if image:
        rendition = image.get_rendition(SHARE_IMAGE)
        share_image = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": rendition.alt,
        }
    data = [breadcrumb_list(page, request)]
    if hasattr(page, "get_schema_org"):
        data.insert(0, page.get_schema_org(request, organisation))
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": meta_description(page),
        "canonical": canonical,
        "share_image": share_image,
        "organisation": organisation,
        "og_type": getattr(page, "og_type", "website"),
        "site_name": getattr(context.get("current_site"), "site_name", ""),
        "json_ld": json_ld(data),
    }
