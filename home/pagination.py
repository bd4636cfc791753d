"""Listings a page at a time, whatever page number a visitor types."""

from django.core.paginator import Page as PageOfItems
from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

from .pages import BasePage


def page_number(value: str | None, last_page: int) -> int:
    """The page asked for, or the nearest real one: bad input never raises."""
    try:
        number = int(value or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(last_page, 1))


def kept_page(
    owner: BasePage, request, items, *, per_page: int, subpage: str = ""
) -> PageOfItems | None:
    """The page of `items` asked for, none if there are none, listed by `owner` at
    its `subpage` (a route of its own, or none), which takes the page's URL as its
    canonical one. Counting and sorting every item takes time that grows with the
    content, so the count and each page are kept by `owner` until the content changes.
    The page's items are read only when used: a listing kept whole (`{% remembered %}`)
    needs its count alone."""
    paginator = Paginator(items, per_page)
    # The paginator would count again: it is given the count kept.
    paginator.count = owner.remember(f"count:{subpage}", items.count)
    number = page_number(request.GET.get("page"), paginator.num_pages)
    owner.listing_canonical_url = owner.get_full_url(request) + subpage.lstrip("/")
    if number > 1:
        owner.listing_canonical_url += f"?page={number}"
    if not paginator.count:
        return None
    return PageOfItems(
        SimpleLazyObject(
            lambda: owner.remember(
                f"page:{subpage}:{number}",
                lambda: list(paginator.page(number).object_list),
            )
        ),
        number,
        paginator,
    )
