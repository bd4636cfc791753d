"""What every page type here shares: it is listed and served in few queries.

Wagtail's `public()` reads every view restriction in a query of its own, each time it
is called, and a page here may list four kinds of page. `PageQuerySet.public()` asks
the same question inside the listing's own query. Serving a page, the home page's
`route()` (home/routing.py) fetches the pages along the path in one query, with whether
each is restricted: `BasePage` keeps them as `route_trail` for the view-restriction
check and the breadcrumbs, which would otherwise query for them again.
"""

from collections.abc import Callable
from typing import TypeVar

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet as WagtailPageQuerySet

from .content_cache import remember

T = TypeVar("T")


def restricted() -> Exists:
    """True, in a query of pages, for a page with a view restriction on itself or
    on one of its ancestors."""
    return Exists(
        PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
    )


class PageQuerySet(WagtailPageQuerySet):
    def private_q(self) -> Q:
        # Wagtail's public(), not_public() and private() all filter on this.
        return Q(restricted())


class BasePage(Page):
    """A page of the hub: listed with `public()` in one query, served in few."""

    objects = PageManager.from_queryset(PageQuerySet)()

    # Foreign keys fetched with the page when it is served, for what its template
    # shows (its picture, say), as a site setting's `select_related` does.
    select_related_when_served: tuple[str, ...] = ()
    # Set by the routing: the pages from the root of the tree down to this one, each
    # annotated with `has_view_restriction`.
    route_trail: list[Page] | None = None
    # Set by a listing (home/pagination.py): each of its pages is its own page to
    # search engines. Wagtail loads the page afresh for every request.
    listing_canonical_url: str | None = None

    class Meta:
        abstract = True

    def remember(self, name: str, build: Callable[[], T]) -> T:
        """`build()`, kept until the content changes (home/content_cache.py) when this
        page is served to a visitor, so holds what is published; built afresh for a
        preview, whose inline panels may hold unpublished changes."""
        if self.route_trail is None:
            return build()
        return remember(f"{self._meta.label_lower}:{self.pk}:{name}", build)

    def get_canonical_url(self, request=None) -> str:
        return self.listing_canonical_url or self.get_full_url(request)

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors; none found by the routing
        needs no query at all."""
        trail = self.route_trail
        if trail is None or any(page.alias_of_id for page in trail):
            # Not served by the routing, or an alias or below one (an alias has its
            # original's restrictions): Wagtail's own answer.
            return super().get_view_restrictions()
        ids = [page.pk for page in trail if page.has_view_restriction]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=ids)
