"""Listings a page at a time, whatever page number a visitor types."""

from django.core.paginator import Page as PageOfItems
from django.core.paginator import Paginator

from .pages import BasePage


def page_number(value: str | None, last_page: int) -> int:
    """The page asked for, or the nearest real one: bad input never raises."""
    try:
        number = int(value or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(last_page, 1))


def paginate(
    owner: BasePage, request, items, *, per_page: int, subpage: str = ""
) -> PageOfItems | None:
    """The page of `items` asked for, none if there are none, listed by `owner` at
    its `subpage` (a route of its own, or none), which takes the page's URL as its
    canonical one."""
    paginator = Paginator(items, per_page)
    number = page_number(request.GET.get("page"), paginator.num_pages)
    owner.listing_canonical_url = owner.get_full_url(request) + subpage.lstrip("/")
    if number > 1:
        owner.listing_canonical_url += f"?page={number}"
    if not paginator.count:
        return None
    return paginator.page(number)
