"""Every public URL, its path segments and its query string fuzzed: never a 5xx.

The URLs come from the URL resolver (every route outside the admins) and from the page
types (each page type's page and its routable pages' routes), each filled in from the
demo content. A new route or page type the demo cannot fill fails here until it is
given a URL, so it is fuzzed too. Each URL gets the same examples on every run
(derandomized), on SQLite and on PostgreSQL with Redis, with the page cache on.
"""

import io
import re
import traceback
from urllib.parse import parse_qsl, quote, quote_plus, urlsplit, urlunsplit

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    get_page_models,
)

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag

from blog.models import Author
from campaigns.models import (
    CampaignAppearance,
    CampaignPage,
    CampaignResource,
    EventPage,
)
from home.models import StandardPage
from pledges.models import PledgeSignature
from pledges.views import withdraw_url

ADMIN_PREFIXES = ("admin/", "django-admin/")
PAGE_ROUTE = "wagtail_serve"


def public_routes(patterns=None, prefix="", namespace="") -> list[str]:
    """The name (or, unnamed, its view's) of every route outside the admins."""
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(ADMIN_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else ""
            routes += public_routes(pattern.url_patterns, route, inner or namespace)
        elif pattern.name != PAGE_ROUTE:
            view = pattern.callback
            name = pattern.name or f"{view.__module__}.{view.__name__}"
            routes.append(namespace + name)
    return routes


def page_routes() -> list[str]:
    """Each page type, and each route of its own a routable page type adds."""
    routes = []
    for model in get_page_models():
        if model is Page:
            continue
        routes.append(model.__name__)
        if issubclass(model, RoutablePageMixin):
            routes += [
                f"{model.__name__}:{route.name}"
                for route in model.get_subpage_urls()
                if str(route.pattern)  # The page's own URL, fuzzed as the page.
            ]
    return routes


def add_private_content() -> dict:
    """What the demo lacks: a page behind a password, a private collection's
    document, and a signature to withdraw."""
    about = StandardPage.objects.get(slug="about")
    secret = about.add_sibling(
        instance=StandardPage(title="Partners only", slug="partners-only")
    )
    page_restriction = PageViewRestriction.objects.create(
        page=secret,
        restriction_type=PageViewRestriction.PASSWORD,
        password="partners-2021",
    )
    private = Collection.get_first_root_node().add_child(name="Partners only")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="partners-2021",
    )
    get_document_model().objects.create(
        title="Partners' briefing",
        file=ContentFile(b"%PDF-1.4 partners", name="partners-briefing.pdf"),
        collection=private,
    )
    signature = PledgeSignature.objects.create(
        campaign=CampaignPage.objects.get(year=2021),
        name="Ada Lovelace",
        email="ada@example.org",
        role=PledgeSignature.Role.RESEARCHER,
        consent_text="You may keep my name and email for this pledge.",
        consented_at=timezone.now(),
    )
    return {
        "secret": secret,
        "page_restriction": page_restriction,
        "collection_restriction": collection_restriction,
        "signature": signature,
    }


def route_urls(private: dict) -> dict[str, str]:
    """A URL of the demo's for each public route: where the fuzz starts."""
    campaign = CampaignPage.objects.live().get(year=2021)
    year = {"year": campaign.year}
    event = EventPage.objects.live().child_of(campaign).first()
    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    listed = CampaignResource.objects.filter(campaign__live=True)
    kit = listed.filter(resource__files__isnull=False).first().resource_id
    download = listed.filter(resource__files__isnull=True).first().resource_id
    transcript = (
        CampaignAppearance.objects.filter(campaign__live=True)
        .exclude(appearance__transcript="")
        .first()
        .appearance_id
    )
    return {
        "wagtaildocs_serve": document.url,
        "wagtaildocs_authenticate_with_password": reverse(
            "wagtaildocs_authenticate_with_password",
            args=[private["collection_restriction"].pk],
        ),
        "wagtailapi:pages:listing": "/api/v2/pages/?type=campaigns.EventPage",
        "wagtailapi:pages:detail": f"/api/v2/pages/{campaign.pk}/",
        "wagtailapi:pages:find": f"/api/v2/pages/find/?html_path={campaign.url}",
        "wagtailapi:images:listing": "/api/v2/images/",
        "wagtailapi:images:detail": f"/api/v2/images/{image.pk}/",
        "wagtailapi:images:find": f"/api/v2/images/find/?id={image.pk}",
        "wagtailapi:documents:listing": "/api/v2/documents/",
        "wagtailapi:documents:detail": f"/api/v2/documents/{document.pk}/",
        "wagtailapi:documents:find": f"/api/v2/documents/find/?id={document.pk}",
        "search": "/search/?q=infant",
        "sitemap": "/sitemap.xml",
        "robots_txt": "/robots.txt",
        "core.views.favicon": "/favicon.ico",
        "healthz": "/healthz",
        "campaigns:campaign_ics": reverse("campaigns:campaign_ics", kwargs=year),
        "campaigns:event_ics": reverse("campaigns:event_ics", args=[event.pk]),
        "campaigns:campaign_brand_css": reverse(
            "campaigns:campaign_brand_css", kwargs=year
        ),
        "campaigns:appearance_transcript": reverse(
            "campaigns:appearance_transcript", args=[transcript]
        ),
        "campaigns:resource_download": reverse(
            "campaigns:resource_download", args=[download]
        ),
        "campaigns:resource_kit": reverse("campaigns:resource_kit", args=[kit]),
        "pledges:pledge": reverse("pledges:pledge", kwargs=year),
        "pledges:pledge_thanks": reverse("pledges:pledge_thanks", kwargs=year),
        "pledges:propose_event": reverse("pledges:propose_event", kwargs=year),
        "pledges:propose_event_thanks": reverse(
            "pledges:propose_event_thanks", kwargs=year
        ),
        "pledges:pledge_submit": reverse("pledges:pledge_submit", args=[campaign.pk]),
        "pledges:propose_event_submit": reverse(
            "pledges:propose_event_submit", args=[campaign.pk]
        ),
        "pledges:pledge_withdraw": withdraw_url(private["signature"]),
        "core.views.rendition": image.get_rendition("width-400").url,
        "wagtailcore_authenticate_with_password": reverse(
            "wagtailcore_authenticate_with_password",
            args=[private["page_restriction"].pk, private["secret"].pk],
        ),
        "wagtailcore_login": f"/_util/login/?next={private['secret'].url}",
    }


def page_urls() -> dict[str, str]:
    """A live page of each type, and its routes filled in with the demo's values."""
    arguments = {
        "year": 2021,  # The demo's week with events and posts.
        "tag": Tag.objects.filter(blog_blogposttag_items__isnull=False).first().slug,
        "slug": Author.objects.filter(post_links__isnull=False).first().slug,
    }
    urls = {}
    for model in get_page_models():
        page = model.objects.live().public().first()
        if model is Page or page is None:
            continue  # No page of this type: the test names it.
        urls[model.__name__] = page.url
        if not isinstance(page, RoutablePageMixin):
            continue
        for route in page.get_subpage_urls():
            kwargs = {name: arguments[name] for name in route.pattern.converters}
            subpage = page.reverse_subpage(route.name, kwargs=kwargs)
            urls[f"{model.__name__}:{route.name}"] = page.url + subpage
    return urls


@pytest.fixture(scope="module")
def demo_urls(django_db_setup, django_db_blocker):
    """The demo site, loaded once for the module and rolled back after it, each URL
    visited once (as on a site in use, its images' renditions exist); each test runs
    in a transaction of its own within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        urls = route_urls(add_private_content()) | page_urls()
        for url in urls.values():
            Client().get(url)
        yield urls
        transaction.set_rollback(True)


# What replaces or joins a path segment, or makes a query's names and values: any text
# (NUL and control characters, right-to-left marks, other scripts) percent-escaped,
# numbers at and beyond the database's integer limits, long runs, and escapes that
# decode to no valid UTF-8.
RAW_ESCAPES = ["%", "%zz", "%00", "%ff%fe", "%C0%AF", "%2e%2e", "%2F", "%E2%80%AE"]
LIMITS = [0, -1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1]
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
numbers = st.one_of(
    st.sampled_from(LIMITS), st.integers(min_value=-(10**30), max_value=10**30)
).map(str)
long_runs = st.integers(min_value=200, max_value=5000).map(lambda n: "9" * n)


def escaped(quoting) -> st.SearchStrategy[str]:
    return st.one_of(
        text.map(quoting), numbers, long_runs, st.sampled_from(RAW_ESCAPES)
    )


segment = escaped(lambda value: quote(value, safe=""))
# Values the site's views and the API take, and near misses of them: page types, field
# lists, orderings, dates, booleans, full-text search syntax.
QUERY_VALUES = [
    *(f"{model._meta.app_label}.{model.__name__}" for model in get_page_models()),
    "campaigns.Nothing", "*", "-title", "random", "title,-start", "-id,*", "_,",
    "true", "nonsense", "json", "api", "2021-06-07", "2021-02-30",
    "2021-06-07T09:30:00Z", "2021-06-07T25:00", '"unclosed', "a & | b", "!(",
    "infant:*", "title:infant", "\\", "and", "or",
]  # fmt: skip
query_value = st.one_of(st.sampled_from(QUERY_VALUES), escaped(quote_plus))


def query_names(url: str) -> list[str]:
    """The query parameters the view at `url` reads: the site's own views read `q`
    and `page`; the API its operations and the fields of its model (of the page type
    in `type`, for pages) it filters on."""
    parts = urlsplit(url)
    viewset = getattr(resolve(parts.path).func, "cls", None)
    if not hasattr(viewset, "known_query_parameters"):
        return ["q", "page"]
    model = viewset.model
    if page_type := QueryDict(parts.query).get("type"):
        model = apps.get_model(page_type)
    return sorted(
        viewset.known_query_parameters
        | viewset.find_query_parameters
        | set(viewset.get_available_fields(model, db_fields_only=True))
    )


@st.composite
def fuzzed_path(draw, url: str) -> str:
    """`url` with a segment of its path replaced, one added, or a number in it (an
    id, a year) replaced."""
    parts = urlsplit(url)
    segments = parts.path.split("/")  # ["", "campaigns", "2021", ""]
    where = draw(st.integers(min_value=1, max_value=len(segments) - 1))
    numbers_in_path = list(re.finditer(r"\d+", parts.path))
    match draw(st.sampled_from(["replace", "insert", "number"])):
        case "number" if numbers_in_path:
            start, end = draw(st.sampled_from(numbers_in_path)).span()
            path = parts.path[:start] + draw(numbers) + parts.path[end:]
        case "insert":
            segments.insert(where, draw(segment))
            path = "/".join(segments)
        case _:
            segments[where] = draw(segment)
            path = "/".join(segments)
    return urlunsplit(parts._replace(path=path))


@st.composite
def fuzzed_query(draw, url: str) -> str:
    """`url` with query parameters added to its own: mostly those its view reads (the
    API refuses a request with any other at once), at times another."""
    parts = urlsplit(url)
    known = st.tuples(st.sampled_from(query_names(url)), query_value)
    other = st.tuples(segment, query_value)
    pairs = [parts.query] if parts.query else []
    pairs += [
        f"{name}={value}"
        for name, value in draw(st.lists(known, min_size=1, max_size=3))
        + draw(st.lists(other, max_size=1))
    ]
    return urlunsplit(parts._replace(query="&".join(pairs)))


def edge_cases(url: str) -> list[str]:
    """What every URL is asked first: each number in its path beyond 64 bits, its
    last segment a NUL (which PostgreSQL refuses in text) or too long a name for a
    file, and a NUL in each query parameter its view reads."""
    parts = urlsplit(url)
    paths = [
        parts.path[: number.start()] + str(2**63) + parts.path[number.end() :]
        for number in re.finditer(r"\d+", parts.path)
    ]
    head = parts.path.rstrip("/").rpartition("/")[0]
    slash = "/" if parts.path.endswith("/") else ""
    paths += [f"{head}/{name}{slash}" for name in ("%00", "x" * 300)]
    own = f"{parts.query}&" if parts.query else ""
    queries = [f"{own}{name}=%00" for name in query_names(url)]
    return [urlunsplit(parts._replace(path=path)) for path in paths] + [
        urlunsplit(parts._replace(query=query)) for query in queries
    ]


def get(client: Client, url: str):
    """The response to `url`, its queries undone after it: as in production, where
    each query commits alone, a query that failed leaves the next request unharmed.
    A route that takes only posts (the forms', the passwords') is posted to, its
    query sent as the form's fields."""
    with transaction.atomic():
        response = client.get(url)
        if response.status_code == 405:
            parts = urlsplit(url)
            response = client.post(parts.path, dict(parse_qsl(parts.query)))
        transaction.set_rollback(True)
    return response


def failure(response, url: str) -> str:
    """What went wrong in the view, for the report of the falsifying example."""
    asked = f"{response.request['REQUEST_METHOD']} {url}"
    exc_info = getattr(response, "exc_info", None)
    if not exc_info:
        return f"{asked}: status {response.status_code}"
    error = "".join(traceback.format_exception_only(*exc_info[:2])).strip()
    return f"{asked}: {error}"


FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    # The examples share the test's database: each request's writes are undone.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.mark.django_db
# Once each: a route of ours may take over a Wagtail route's address and name.
@pytest.mark.parametrize("route", dict.fromkeys(public_routes() + page_routes()))
def test_no_url_answers_with_a_server_error(demo_urls, route):
    assert route in demo_urls, f"{route}: give it a URL in route_urls or page_urls"
    client = Client(raise_request_exception=False)
    start = demo_urls[route]
    for url in [start, *edge_cases(start)]:
        response = get(client, url)
        assert response.status_code < 500, failure(response, url)

    @FUZZ
    @given(st.one_of(fuzzed_path(start), fuzzed_query(start)))
    def answers_without_error(url):
        response = get(client, url)
        assert response.status_code < 500, failure(response, url)

    answers_without_error()
