"""Site-wide views: search, robots.txt, the favicon and the health check."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Page as PageOfItems
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page
from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend

from blog.models import live_blog
from campaigns.models import Resource, kit_files

from .content_cache import remember
from .pages import restricted
from .pagination import page_number
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
    """Authors found, each with the URL of their page on the blog."""
    blog = live_blog()
    found = list(authors)
    for author in found:
        author.page_url = (
            blog.get_url(request)
            + blog.reverse_subpage("posts_by_author", args=[author.slug])
            if blog
            else ""
        )
    return [author for author in found if author.page_url]


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
    for `query`.

    Counting and ordering every match takes time that grows with the content, and in
    an awareness week thousands of visitors search for the same few words, so each
    query's count, pages of results and the rest are kept until the content changes
    (home/content_cache.py), as the blog keeps its listings; the results are read
    only if their fragment of the page is not kept too."""
    # The query in a key of fixed length, whatever its characters.
    key = "search:" + hashlib.sha256(query.encode()).hexdigest()

    def hits() -> PageQuerySet:
        # Private pages left out by id: the search backend takes no subqueries but
        # lists of ids, as Wagtail's public() gives it.
        private = Page.objects.filter(restricted()).values("pk")
        public = Page.objects.live().exclude(pk__in=private)
        return matching(query, in_result_order(public, query))

    def shown(number: int) -> list:
        first = (number - 1) * RESULTS_PER_PAGE
        on_page = list(hits()[first : first + RESULTS_PER_PAGE])
        found = {
            page.pk: page
            for page in shown_as_results(
                Page.objects.filter(pk__in=[hit.pk for hit in on_page])
            )
        }
        return [found[hit.pk] for hit in on_page if hit.pk in found]

    # Counted first, within the search view's care: a query the full-text engine
    # cannot parse fails here, not while the page renders.
    paginator = Paginator((), RESULTS_PER_PAGE)
    paginator.count = remember(f"{key}:count", lambda: hits().count())
    number = page_number(request.GET.get("page"), paginator.num_pages)
    results = PageOfItems(
        SimpleLazyObject(
            lambda: remember(f"{key}:page:{number}", lambda: shown(number))
        ),
        number,
        paginator,
    )
    resources, authors, picks = remember(
        f"{key}:more",
        lambda: (
            list(
                get_search_backend().search(
                    query,
                    Resource.objects.select_related("document").prefetch_related(
                        kit_files()
                    ),
                )[:5]
            ),
            list(authors_matching(query)[:5]),
            promoted_pages(query),
        ),
    )
    return {
        "results": results,
        "resources": resources,
        "authors": _with_author_urls(request, authors),
        "picks": picks,
    }


def robots_txt(request):
    """Crawlers may read the public site, never the admin; the sitemap lists it all."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the file."""
    return redirect(static("images/favicon.ico"), permanent=True)


def healthz(request):
    """For load balancers: can this app server reach its database and cache?

    Says only "ok" or "failing" for each, nothing about the content or its people.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "failing"
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "failing"
    except Exception:  # noqa: BLE001 - any cache error means the cache is failing
        checks["cache"] = "failing"
    healthy = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", **checks},
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response
