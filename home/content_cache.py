"""What many pages show and only editors change, kept until the content changes.

The site settings, the main menu, where each path leads (home/routing.py), the site
(home/middleware.py), what each page lists, and pieces of pages such as cards
(`{% remembered %}`, home/templatetags/fragment_tags.py) are the same on every request
until an editor changes something. Entries are keyed on the page cache's generation
(hub/page_cache.py), which moves on whenever a page is published, unpublished, moved
or deleted and whenever a snippet, setting, image, document or view restriction is
saved or deleted, so no entry is read after such a change. They live beside the cached
pages, as long, and are off when the page cache is (PAGE_CACHE_SECONDS = 0, as in most
tests, which change content without publishing).

What a page shows that changes without an editor, the pledge count and wall, is never
kept here: it is kept apart, for a few seconds (CampaignPage.pledge_figures).
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches

from hub import page_cache

T = TypeVar("T")
MISSING = object()


def is_on() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def remember(name: str, build: Callable[[], T]) -> T:
    """`build()`, or what it gave for `name` since the content last changed."""
    if not is_on():
        return build()
    timeout = settings.PAGE_CACHE_SECONDS
    cache = caches[settings.PAGE_CACHE_ALIAS]
    # Read before building: a change made meanwhile moves the generation on, so what
    # was built from older rows is stored where no one will look for it.
    key = f"content:{page_cache.generation()}:{name}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value
