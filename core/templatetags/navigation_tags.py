"""Site navigation built from the page tree: the main menu and breadcrumbs."""

from django import template

from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page's live children marked "show in menus", in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site:
        items = (
            Page.objects.child_of(site.root_page)
            .live()
            .in_menu()
            .public()
            .only("id", "title", "url_path", "path", "depth")
        )
    current_path = getattr(current, "path", "")
    return {
        "items": [
            {
                "page": item,
                "active": bool(current_path) and current_path.startswith(item.path),
            }
            for item in items
        ],
        "request": request,
    }


def ancestors(page: Page) -> list[Page]:
    """The page's ancestors from the home page down, found once per page object (the
    breadcrumbs and their structured data both need them).

    Wagtail's route() leaves each page it passes through on the next as its parent,
    in the attribute treebeard's get_parent() reads (`_cached_parent_obj`, named in
    Wagtail's own comment there): a page being served walks up with no query. A page
    found otherwise, such as the week behind a pledge form, asks for the rest in one.
    The query budgets (tests/home/test_query_budgets.py) count both ways.
    """
    if not hasattr(page, "_hub_ancestors"):
        known, node = [], page
        while node.depth > 2 and getattr(node, "_cached_parent_obj", None):
            node = node.get_parent()
            known.append(node)
        rest = []
        if node.depth > 2:
            rest = list(
                Page.objects.ancestor_of(node)
                .filter(depth__gte=2)
                .only("id", "title", "url_path", "path", "depth")
            )
        page._hub_ancestors = rest + known[::-1]
    return page._hub_ancestors


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors from the home page down, with the page itself."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    return {"ancestors": ancestors(page), "page": page, "request": context["request"]}
