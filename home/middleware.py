"""Which Wagtail site a request is for, found once per content change, not per request.

Wagtail looks the site up on every request (a query over every site), then fetches its
home page's own fields (a second query) before routing. Both change only when a site
is saved or a page published, which start a new content generation
(hub/page_cache.py), so the content cache keeps the site with its home page, specific.
"""

import hashlib

from django.http.request import split_domain_port

from wagtail.models import Site

from hub.middleware import ADMIN_PREFIXES

from . import content_cache


def site_for(request) -> Site | None:
    """Wagtail's `Site.find_for_request()`, with the site's home page specific."""
    # As Wagtail keys it: the host without the ALLOWED_HOSTS check, which
    # CommonMiddleware has made before this runs.
    hostname = split_domain_port(request._get_raw_host())[0]
    key = hashlib.sha256(f"{hostname}:{request.get_port()}".encode()).hexdigest()

    def find() -> Site | None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    return content_cache.remember(f"site:{key}", find)


class SiteMiddleware:
    """Sets the site Wagtail's `Site.find_for_request()` returns, from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The admin finds its site itself: what editors change is never read from a
        # cache.
        if content_cache.is_on() and not request.path_info.startswith(ADMIN_PREFIXES):
            request._wagtail_site = site_for(request)
        return self.get_response(request)
