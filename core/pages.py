"""What every page type here shares."""

import datetime
import math

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

from wagtail.models import Page

from .forms import PageForm


def expire_at(response, moment: datetime.datetime | None):
    """No cache, ours or a CDN's, keeps `response` past `moment`: when what the page
    shows changes by the clock alone (a week going live, an event finishing)."""
    if moment is not None:
        seconds = max(0, math.ceil((moment - timezone.now()).total_seconds()))
        if seconds < settings.PAGE_CACHE_SECONDS:
            patch_cache_control(response, s_maxage=seconds)
    return response


def next_of(*moments) -> datetime.datetime | None:
    """The earliest of `moments` still to come, if any."""
    now = timezone.now()
    return min((moment for moment in moments if moment and moment > now), default=None)


def midnight(day: datetime.date) -> datetime.datetime:
    """The start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class BasePage(Page):
    """A page of the hub: cached no longer than what it shows stays true, and with a
    canonical link that a listing's pages can change."""

    # Set by a listing (core/pagination.py): each of its pages is its own page to
    # search engines. Wagtail loads the page afresh for every request.
    listing_canonical_url: str | None = None

    base_form_class = PageForm

    class Meta:
        abstract = True

    def changes_at(self) -> datetime.datetime | None:
        """When what this page shows next changes by the clock alone, if it does."""
        return None

    def serve(self, request, *args, **kwargs):
        return expire_at(super().serve(request, *args, **kwargs), self.changes_at())

    def get_canonical_url(self, request=None) -> str:
        return self.listing_canonical_url or self.get_full_url(request)
