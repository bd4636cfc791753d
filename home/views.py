"""Site search: pages, downloads and authors."""

from django.core.paginator import Page as PageOfItems
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import render

from wagtail.models import Page
from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend

from blog.models import BlogIndexPage
from campaigns.models import Resource, kit_files
from core.pagination import page_number

from .search import authors_matching, in_result_order, matching

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Where each page type keeps the summary a search result shows: (type, field).
RESULT_SUMMARIES = [
    ("homepage", "intro"),
    ("standardpage", "intro"),
    ("campaignindexpage", "intro"),
    ("campaignpage", "theme_summary"),
    ("eventpage", "summary"),
    ("blogindexpage", "intro"),
    ("blogpostpage", "intro"),
]


def clean_query(raw: str) -> str:
    """What we search for: printable, single-spaced, and not absurdly long."""
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def shown_as_results(pages: PageQuerySet) -> PageQuerySet:
    """The pages, each of its own type (for its label and link) and with the text a
    result shows under its title, `search_summary`, in one query: the editor's
    search description, else the page type's own summary."""
    own_summaries = [
        NullIf(F(f"{model}__{field}"), Value("")) for model, field in RESULT_SUMMARIES
    ]
    return pages.annotate(
        search_summary=Coalesce(
            NullIf("search_description", Value("")),
            *own_summaries,
            output_field=TextField(),
        )
    ).specific(defer=True)


def promoted_pages(query: str) -> list:
    """Editors' picks for this query, without recording the search (no writes)."""
    return list(
        shown_as_results(
            Page.objects.live()
            .filter(searchpromotion__query__query_string=query.lower())
            .order_by("searchpromotion__sort_order")
        )
    )


def _with_author_urls(request, authors) -> list:
    """Authors found, each with the URL of their page on the blog; none without a
    blog."""
    found = list(authors)
    blog = BlogIndexPage.objects.live().first() if found else None
    if blog is None:
        return []
    blog_url = blog.get_url(request)
    for author in found:
        author.page_url = blog_url + blog.reverse_subpage(
            "posts_by_author", args=[author.slug]
        )
    return found


def search(request):
    query = clean_query(request.GET.get("q", ""))
    context = {
        "query": query,
        "results": None,
        "resources": [],
        "authors": [],
        "picks": [],
    }
    if query:
        try:
            context.update(found_for(request, query))
        except DatabaseError:
            # Input the full-text engine cannot parse: show "nothing found", not a 500.
            context["results"] = Paginator([], RESULTS_PER_PAGE).get_page(1)
    return render(request, "search.html", context)


def found_for(request, query: str) -> dict:
    """The page of results asked for, and the downloads, authors and editors' picks
    for `query`."""
    # Counted first, within the search view's care: a query the full-text engine
    # cannot parse fails here, not while the page renders.
    hits = matching(query, in_result_order(Page.objects.live().public(), query))
    paginator = Paginator((), RESULTS_PER_PAGE)
    paginator.count = hits.count()
    number = page_number(request.GET.get("page"), paginator.num_pages)
    first = (number - 1) * RESULTS_PER_PAGE
    on_page = list(hits[first : first + RESULTS_PER_PAGE])
    found = {
        page.pk: page
        for page in shown_as_results(
            Page.objects.filter(pk__in=[hit.pk for hit in on_page])
        )
    }
    results = [found[hit.pk] for hit in on_page if hit.pk in found]
    resources = get_search_backend().search(
        query,
        Resource.objects.select_related("document").prefetch_related(kit_files()),
    )[:5]
    return {
        "results": PageOfItems(results, number, paginator),
        "resources": list(resources),
        "authors": _with_author_urls(request, authors_matching(query)[:5]),
        "picks": promoted_pages(query),
    }
