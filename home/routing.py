"""Serving a page: the pages along its path fetched in one query, not two per level.

Wagtail routes a request down the tree a level at a time, with a query for each page
and another for its specific fields, then two more for view restrictions: ten queries
for /campaigns/2021/pledge/thanks/. The home page's `route()` uses `find_page()`
instead, which fetches every page the path can pass through in one query, with whether
each is restricted, and hands over to a page's own `route()` where Wagtail's routing
would reach it: at the end of the path, at a page with a route of its own, or at a
live routable page with a sub-route for the rest of the path.

Where a path leads changes only when pages are published, unpublished, moved, deleted
or restricted, each of which starts a new content generation: `find_page_remembered()`
keeps the answer in the content cache (home/content_cache.py) until then, so a page
served to a visitor costs no routing query at all.
"""

import hashlib

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from . import content_cache


def find_page_remembered(
    root: Page, path_components: list[str]
) -> tuple[Page, list[str]]:
    """`find_page()`, kept until the content changes: which page a path leads to
    changes only when pages are published, moved or deleted, or restricted. A path
    that leads nowhere raises Http404 each time, and is not kept."""
    path = hashlib.sha256("/".join(path_components).encode()).hexdigest()
    return content_cache.remember(
        f"route:{root.pk}:{path}", lambda: find_page(root, path_components)
    )


def find_page(root: Page, path_components: list[str]) -> tuple[Page, list[str]]:
    """The page whose own `route()` answers for the path below `root`, the site's root
    page, with what is left of the path for it; 404 if the path leads nowhere.

    The page found, specific, carries `route_trail` (see `home.pages.BasePage`).
    """
    pages = pages_on_path(root, path_components)
    trail = [page for page in pages if page.depth <= root.depth]
    parent = trail[-1]
    for index, slug in enumerate(path_components):
        child = next(
            (
                page
                for page in pages
                if page.depth == parent.depth + 1
                and page.slug == slug
                and page.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            raise Http404
        trail.append(child)
        rest = path_components[index + 1 :]
        if routes_the_rest(child, rest):
            page = served(child, parent)
            page.route_trail = trail
            return page, rest
        parent = child
    root.route_trail = trail
    return root, []


def pages_on_path(root: Page, path_components: list[str]) -> list[Page]:
    """The root's ancestors, the root, and every page below it at the depth and
    with the slug of one of the path's components, each with `has_view_restriction`.
    """
    steplen = root.steplen
    ancestry = [root.path[:end] for end in range(steplen, len(root.path) + 1, steplen)]
    on_path = Q(path__in=ancestry)
    for level, slug in enumerate(path_components, start=1):
        on_path |= Q(depth=root.depth + level, slug=slug, path__startswith=root.path)
    return list(
        Page.objects.filter(on_path)
        .annotate(
            has_view_restriction=Exists(
                PageViewRestriction.objects.filter(page=OuterRef("pk"))
            )
        )
        .order_by("path")
    )


def routes_the_rest(page: Page, rest: list[str]) -> bool:
    """Whether Wagtail's routing would hand `rest` to this page's own `route()`
    rather than look for its child: as Wagtail's `Page.route()` and
    `RoutablePageMixin.route()` decide."""
    model = page.specific_class
    if not rest or model is None:
        return True
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(rest) + "/")
        except Http404:
            return False
        return True
    return True  # A route of its own: it decides.


def served(page: Page, parent: Page) -> Page:
    """The page, specific, with the foreign keys its type asks for when served."""
    model = page.specific_class
    if model is None:
        return page
    pages = model._default_manager.filter(pk=page.pk)
    if related := getattr(model, "select_related_when_served", ()):
        pages = pages.select_related(*related)
    specific = pages.first()
    if specific is None:  # Deleted since the first query.
        raise Http404
    specific._cached_parent_obj = parent
    return specific
