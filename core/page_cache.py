"""The one cache: whole pages for anonymous visitors, shared by every process.

What is served from it: GET and HEAD requests outside the admin, documents and media,
from a visitor with no session or messages cookie and no Authorization header. Other
cookies (analytics, a consent banner) and tracking parameters (`utm_*`, `gclid` ...)
are left out of the key, so such visitors share the cached page.

What is stored: 200 answers that set no cookie, used no CSRF token and are not marked
private, no-cache or no-store, compressed once (brotli and gzip) and sent in the
encoding the browser accepts. A view's own `max-age` or `s-maxage` is kept and caps
how long the page is kept; other pages tell browsers to check back (`max-age=0`) and a
CDN to keep them as long as we do (`s-maxage`).

Invalidation: anything a page may show that an editor changes (publishing,
unpublishing, moving or deleting a page, a view restriction, or saving a snippet,
setting, image or document: `invalidate_on_change()`) starts a new *generation*, read
once per request and part of every key, so every process misses at once. A counter
rather than `cache.clear()`, which on Redis would flush the rate-limit counters too.
Keys also carry RELEASE, so a deploy starts afresh. What changes without an editor,
a new pledge or the clock moving on, shows when the page expires: PAGE_CACHE_SECONDS
at most.
"""

import gzip
import hashlib
import re
import time
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    get_max_age,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe

from wagtail.contrib.settings.models import BaseSiteSetting

import brotli

GENERATION_KEY = "generation"
# The admin and previews are per user; documents and media have checks of their own.
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/")
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
TRACKING_PARAMETER = re.compile(r"^(utm_.*|gclid|fbclid|mc_cid|mc_eid)$")
COMPRESSIBLE = re.compile(r"^(text/|application/(.*\+)?(json|xml|javascript))")
# An image's fields that rendering fills in, when a rendition first needs them.
RENDERING_FIELDS = {"file_size", "file_hash"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> str:
    """A string that changes whenever cached pages may be stale."""
    return _cache().get_or_set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate() -> None:
    """Make every cached page stale, now and once the current transaction commits:
    now, so this process's next request misses; on commit, because a request served
    between now and then could still read the old rows and store them anew."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(UNCACHED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "Authorization" not in request.headers
    )


def lifetime(request, response) -> int:
    """How long the response may be kept, in seconds: 0 if it may not."""
    cache_control = response.get("Cache-Control", "").lower()
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or has_vary_header(response, "*")
        or any(word in cache_control for word in UNCACHEABLE_DIRECTIVES)
    ):
        return 0
    own = re.search(r"s-maxage=(\d+)", cache_control)
    own = int(own.group(1)) if own else get_max_age(response)
    longest = settings.PAGE_CACHE_SECONDS
    return longest if own is None else min(own, longest)


def cache_key(request, prefix: str) -> str:
    """The page's key: its address without tracking parameters, in this generation
    and release. Cookies play no part."""
    query = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not TRACKING_PARAMETER.match(name)
        for value in values
    )
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{settings.RELEASE}:{prefix}:{digest}"


def encoding_for(request) -> str:
    accepted = request.headers.get("Accept-Encoding", "")
    if re.search(r"\bbr\b", accepted):
        return "br"
    if re.search(r"\bgzip\b", accepted):
        return "gzip"
    return ""


def stored(response, expires: float) -> tuple:
    """What the cache keeps of a response: its headers and its body in each
    encoding, compressed once here rather than on every hit."""
    body = response.content
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() not in ("content-length", "content-encoding", "x-cache")
    }
    bodies = {"": body}
    if len(body) > 200 and COMPRESSIBLE.match(response.get("Content-Type", "")):
        bodies = {
            "br": brotli.compress(body, quality=5),
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
        }
    return expires, headers, bodies


def encoded(response, bodies: dict, encoding: str):
    """The response with the stored body in the encoding asked for."""
    if encoding in bodies:
        body = bodies[encoding]
    elif "" in bodies:
        body, encoding = bodies[""], ""
    else:  # A client that takes no compression: rare, so decompressed each time.
        body, encoding = gzip.decompress(bodies["gzip"]), ""
    response.content = body
    if encoding:
        response["Content-Encoding"] = encoding
    if "" not in bodies:
        patch_vary_headers(response, ["Accept-Encoding"])
    response["Content-Length"] = str(len(body))
    return response


class PageCacheMiddleware:
    """Serves cached pages to anonymous visitors and stores the pages they are sent.

    Just after WhiteNoise: a hit skips sessions, authentication and the view; on the
    way out it sees the response as every inner middleware left it (the CSP header
    included), and stores that.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or not is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # Someone signed in: a shared cache (a CDN) must not keep it.
                patch_cache_control(response, private=True)
            return response
        cache = _cache()
        # Read before rendering: a change made meanwhile moves the generation on, so
        # a page rendered from older rows is stored where no one will look for it.
        key = cache_key(request, generation())
        encoding = encoding_for(request)
        entry = cache.get(key)
        # Expiry by the site's clock too, not only the cache's (Redis has its own).
        if entry is not None and entry[0] > time.time():
            expires, headers, bodies = entry
            response = encoded(HttpResponse(headers=headers), bodies, encoding)
            response["X-Cache"] = "HIT"
            # A browser's If-None-Match or If-Modified-Since, as the view would.
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        response = self.get_response(request)
        seconds = lifetime(request, response)
        if seconds <= 0:
            return response
        if get_max_age(response) is None:
            # Browsers check back every time (there is no purge for them); a CDN,
            # purged on publish, may keep the page as long as we do.
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        if has_vary_header(response, "Cookie"):
            # Cookies play no part in what is stored: only visitors without a
            # session get it, and they all get the same page.
            response["Vary"] = ", ".join(
                field
                for field in re.split(r"\s*,\s*", response["Vary"])
                if field.lower() != "cookie"
            )
            if not response["Vary"]:
                del response["Vary"]
        entry = stored(response, time.time() + seconds)
        cache.set(key, entry, seconds)
        response = encoded(response, entry[2], encoding)
        response["X-Cache"] = "MISS"
        return response


def _invalidate(**kwargs) -> None:
    invalidate()


def _invalidate_on_save(sender, instance, created, update_fields, **kwargs) -> None:
    # Rendering a page saves two things that change nothing it shows: a site's
    # settings, made with their defaults on first read, and an image's size and hash.
    if created and isinstance(instance, BaseSiteSetting):
        return
    if update_fields and set(update_fields) <= RENDERING_FIELDS:
        return
    invalidate()


def invalidate_on_change(*models) -> None:
    """Start a new generation whenever one of `models`, which pages show, is saved or
    deleted. Each app names its own, in its AppConfig.ready()."""
    for model in models:
        uid = f"page_cache.{model._meta.label}"
        post_save.connect(_invalidate_on_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_invalidate, sender=model, dispatch_uid=uid)


def connect_signals() -> None:
    """Pages published, unpublished, moved or deleted, and what Wagtail keeps beside
    them that pages show."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from taggit.models import Tag

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_invalidate, dispatch_uid=f"page_cache.{signal!r}")
    # Deleting a page of any type deletes its Page row too, which sends this.
    post_delete.connect(_invalidate, sender=Page, dispatch_uid="page_cache.page")
    invalidate_on_change(
        Site,
        PageViewRestriction,
        CollectionViewRestriction,
        Redirect,
        SearchPromotion,
        Tag,
        get_image_model(),
        get_document_model(),
    )
