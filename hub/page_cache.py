"""The full-page cache for anonymous visitors: Django's cache framework, with our rules.

What is cached: GET and HEAD requests that carry no session or messages cookie and no
Authorization header, outside the admin, answered 200 without setting a cookie and
without `Cache-Control: private/no-cache/no-store` (Django's own rules). So editors
(signed in, with a session), previews (in the admin), form POSTs, a visitor who just
saw a flash message, and views marked `never_cache` always get a fresh page.

Entries live in the `pages` cache (Redis when REDIS_URL is set, so every app server
shares them; local memory otherwise) for PAGE_CACHE_SECONDS. Invalidation is the
simplest correct rule: any change a page may show (publishing, unpublishing, moving or
deleting a page; saving or deleting a snippet, setting, image or document) starts a
new *generation*, and every cache key carries the generation. Old entries are never
read again and expire on their own. A generation counter rather than `cache.clear()`,
because clearing a Redis cache flushes its whole database, rate-limit counters and
all. Each request reads the generation once, at its start, and stores its response
under that generation, so a page rendered from data older than a publish can never be
stored as if it were newer.

What may lag: figures that change without a publish, the pledge count and wall, are up
to PAGE_CACHE_SECONDS old, plus the few seconds a miss keeps them
(CampaignPage.pledge_figures). The pledge thank-you page is never cached and shows the
live count.
"""

import uuid
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import (
    get_cache_key,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
)

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page

GENERATION_KEY = "generation"
# Admin pages and previews are per user; documents are served with their own checks;
# media files, where this server serves them, are files already.
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/")
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
RENDERING_FIELDS = {"file_size", "file_hash"}
# Models that pages show without being pages themselves: snippets, settings, media,
# sites and view restrictions. Pledge signatures are left out on purpose (see above).
SHOWN_MODELS = [
    "home.OrganisationSettings",
    "campaigns.Hashtag",
    "campaigns.ResourceTag",
    "campaigns.Resource",
    "campaigns.ResourceFile",
    "campaigns.MediaAppearance",
    "blog.Author",
    "taggit.Tag",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
]


# The generation a request read at its start: what it stores its page under, and what
# the content cache (home/content_cache.py) reads during it without asking the cache
# again each time. A change the request makes itself forgets it (`invalidate()`).
_request_generation: ContextVar[str | None] = ContextVar(
    "page_cache_generation", default=None
)


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> str:
    """The current generation: a string that changes whenever pages may be stale.
    During a request, the one it started with."""
    if current := _request_generation.get():
        return current
    return _cache().get_or_set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate() -> None:
    """Make every cached page stale, now and once the current transaction commits.

    Now, so that this process's next request misses; on commit, because a request
    served between now and the commit could still read the old rows and store them
    under the new generation.
    """
    _request_generation.set(None)
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


def is_cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "*")
        and not any(word in cache_control for word in UNCACHEABLE_DIRECTIVES)
    )


class PageCacheMiddleware:
    """Serves cached pages to anonymous visitors and stores the pages they are sent.

    Placed just after WhiteNoise: a hit skips sessions, authentication and the view;
    on the way out it sees the response as every inner middleware left it (CSRF's and
    the session's Vary headers, the CSP header), and stores that.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        prefix = generation()
        token = _request_generation.set(prefix)
        try:
            return self._respond(request, prefix)
        finally:
            _request_generation.reset(token)

    def _respond(self, request, prefix: str):
        if not is_cacheable_request(request):
            return self.get_response(request)
        cache = _cache()
        response = self._cached(request, cache, prefix, "GET")
        if response is None and request.method == "HEAD":
            response = self._cached(request, cache, prefix, "HEAD")
        if response is not None:
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            timeout = settings.PAGE_CACHE_SECONDS
            # Browsers and proxies check back every time (there is no purge for
            # them); a CDN purged on publish may keep the page as long as we do.
            patch_cache_control(response, public=True, max_age=0, s_maxage=timeout)
            key = learn_cache_key(request, response, timeout, prefix, cache=cache)
            # One chunk, not the hundreds a feed is written in: each hit would send
            # every chunk on its own.
            response.content = response.content
            cache.set(key, response, timeout)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _cached(request, cache, prefix: str, method: str):
        key = get_cache_key(request, prefix, method, cache=cache)
        return cache.get(key) if key else None


def _invalidate_on_signal(**kwargs) -> None:
    invalidate()


def _invalidate_on_save(sender, instance, created, update_fields, **kwargs) -> None:
    # Rendering a page can save two things that change nothing it shows: a site's
    # settings, made with their defaults on first read, and an image's size and hash,
    # filled in when a rendition first needs them.
    if created and isinstance(instance, BaseSiteSetting):
        return
    if update_fields and set(update_fields) <= RENDERING_FIELDS:
        return
    invalidate()


def _invalidate_on_page_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        invalidate()


def connect_signals() -> None:
    """Invalidate on any change a public page may show (called from an app's ready)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_invalidate_on_signal, dispatch_uid=f"page_cache.{signal!r}")
    post_delete.connect(_invalidate_on_page_delete, dispatch_uid="page_cache.pages")
    for label in SHOWN_MODELS:
        model = apps.get_model(label)
        post_save.connect(
            _invalidate_on_save, sender=model, dispatch_uid=f"page_cache.{label}"
        )
        post_delete.connect(
            _invalidate_on_signal, sender=model, dispatch_uid=f"page_cache.{label}"
        )
