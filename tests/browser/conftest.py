"""Browser tests: Debian's Chromium, driven by Playwright, against the live server.

One browser for the whole session; each test gets a fresh context (no cookies, no
cache) on pytest-django's `live_server`, whose database is emptied after every test, so
each test loads the demo again (about two seconds).
"""

import datetime
import io
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.utils import timezone

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from blog.models import BlogIndexPage, BlogPostPage
from campaigns.demo import ensure_hashtags
from campaigns.models import (
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    CampaignResource,
    EventPage,
    MediaAppearance,
    Resource,
)
from core.demo import ensure_page
from pledges.forms import PRIVACY_WORDING
from pledges.models import PledgeSignature
from pledges.views import withdraw_url

CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium on a machine with no network: without the background-networking
# flags it waits on hosts it cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
LUNCHTIME = datetime.time(12, 30)


class OneRequestAtATime(LiveServerThread):
    """The live server thread, answering requests one after another.

    With SQLite in memory every thread shares the test's one connection, and two
    requests at once (an admin page and its autosave, say) lock each other's tables.
    """

    def _create_server(self, connections_override=None):
        return WSGIServer(
            (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
        )


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, on a thread that serves one request at a time."""
    server = LiveServer("localhost", start=False)
    server.thread.__class__ = OneRequestAtATime
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(django_db_setup) -> Browser:
    """Debian's Chromium, headless. A missing or broken browser fails, never skips."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs it.")
    before = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # With Playwright's event loop running, Django hands out new connection
        # objects, without the copy of the test database that `serialized_rollback`
        # restores after each transactional test: give them the copy.
        for alias, connection in before.items():
            if hasattr(connection, "_test_serialized_contents"):
                contents = connection._test_serialized_contents
                connections[alias]._test_serialized_contents = contents
        # Playwright's sync API keeps an asyncio loop in this thread, which Django
        # takes for async code; the tests query the database between browser calls.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _serve_media(route) -> None:
    """Uploaded files, from MEDIA_ROOT: with DEBUG off, Django does not serve them."""
    name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    path = Path(settings.MEDIA_ROOT, name)
    if path.is_file():
        route.fulfill(path=path)
    else:
        route.fulfill(status=404)


@pytest.fixture
def new_page(browser, live_server):
    """Opens pages in fresh browser contexts: a new visitor each time."""
    contexts = []

    def open_page(viewport=DESKTOP) -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="en-GB",
            timezone_id="Europe/London",
            accept_downloads=True,
        )
        context.set_default_timeout(15_000)
        context.route(f"{live_server.url}{settings.MEDIA_URL}**", _serve_media)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        # Let the server finish what the page asked for before the database is emptied.
        for tab in context.pages:
            tab.wait_for_load_state("networkidle")
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@dataclass
class DemoSite:
    """The demo's pages the tests visit, with a week on now and one to come."""

    live: CampaignPage
    upcoming: CampaignPage
    ended: CampaignPage
    past_with_recap: CampaignPage
    live_event: EventPage
    download: Resource
    withdraw_path: str
    blog: BlogIndexPage


def _week_on_now(archive: CampaignIndexPage) -> tuple[CampaignPage, EventPage]:
    """A week that started today: pledge open, an event tomorrow and a download.

    It takes this year's place, which in spring is the demo's coming week.
    """
    today = timezone.localdate()
    short = f"IMHAW{today.year % 100}"
    infographic = Resource.objects.get(
        title="What is infant mental health? Infographic"
    )
    week = ensure_page(
        archive,
        CampaignPage,
        str(today.year),
        title=f"Infant Mental Health Awareness Week {today.year}",
        year=today.year,
        start_date=today,
        end_date=today + datetime.timedelta(days=6),
        theme_title="Babies in mind",
        theme_summary="Keeping babies in mind in every conversation about "
        "children's mental health.",
        pledge_wording="I pledge to keep babies in mind whenever I talk about "
        "children and young people's mental health.",
        pledge_call_to_action=f"Take the #{short} pledge",
        pledge_opens_at=None,
        pledge_closes_at=None,
        pledge_target=100,
        campaign_hashtags=[
            CampaignHashtag(hashtag=hashtag)
            for hashtag in ensure_hashtags(short, "BabiesInMind")
        ],
        campaign_resources=[CampaignResource(resource=infographic)],
    )
    tomorrow = today + datetime.timedelta(days=1)
    event = ensure_page(
        week,
        EventPage,
        "babies-in-mind-webinar",
        title="Babies in mind: a lunchtime webinar",
        summary="Practitioners share how they keep babies in mind.",
        start=timezone.make_aware(datetime.datetime.combine(tomorrow, LUNCHTIME)),
        end=timezone.make_aware(
            datetime.datetime.combine(tomorrow, LUNCHTIME) + datetime.timedelta(hours=1)
        ),
        attendance=EventPage.Attendance.ONLINE,
        organiser_name="Parent-Infant Foundation",
        booking_url="https://example.org/babies-in-mind/book",
    )
    return week, event


def _week_to_come(archive: CampaignIndexPage) -> CampaignPage:
    """The demo's coming week, or next June's when this year's week is on now."""
    today = timezone.localdate()
    week = CampaignPage.objects.filter(start_date__gt=today).order_by("year").first()
    if week:
        return week
    start = datetime.date(today.year + 1, 6, 7)
    return ensure_page(
        archive,
        CampaignPage,
        str(start.year),
        title=f"Infant Mental Health Awareness Week {start.year}",
        year=start.year,
        start_date=start,
        end_date=start + datetime.timedelta(days=6),
        theme_title="Theme to be announced",
        theme_summary="The theme will be announced in the spring.",
    )


@pytest.fixture
def demo(live_server) -> DemoSite:
    """The demo content (load_demo), plus a week on now."""
    call_command("load_demo", stdout=io.StringIO())
    archive = CampaignIndexPage.objects.get()
    live, live_event = _week_on_now(archive)
    ended = CampaignPage.objects.get(year=2021)
    signature = PledgeSignature.objects.create(
        campaign=ended,
        name="Sam Reid",
        email="sam@example.org",
        role=PledgeSignature.Role.NURSE,
        consent_text=PRIVACY_WORDING,
        consented_at=timezone.now(),
    )
    return DemoSite(
        live=live,
        upcoming=_week_to_come(archive),
        ended=ended,
        past_with_recap=CampaignPage.objects.get(year=2020),
        live_event=live_event,
        download=Resource.objects.get(
            title="What is infant mental health? Infographic"
        ),
        withdraw_path=withdraw_url(signature),
        blog=BlogIndexPage.objects.get(),
    )


@pytest.fixture
def quick_hands(monkeypatch):
    """The public forms drop what is sent within seconds of the page loading, as bots
    do; a test browser is that fast, so it gets no minimum here."""
    monkeypatch.setattr("pledges.forms.MINIMUM_FILL_SECONDS", 0)


@pytest.fixture(autouse=True)
def empty_caches():
    """No rate-limit counts or cached pages left over from an earlier test."""
    for cache in caches.all():
        cache.clear()


def public_pages(demo: DemoSite) -> dict[str, str]:
    """One address for each public page type and state, by a readable name."""
    live, ended = demo.live, demo.ended
    native_post = BlogPostPage.objects.live().filter(original_url="").first()
    elsewhere_post = BlogPostPage.objects.live().exclude(original_url="").first()
    podcast = MediaAppearance.objects.exclude(transcript="").get()
    return {
        "home": "/",
        "standard-page": "/about/",
        "campaign-archive": "/campaigns/",
        "campaign-live": live.url,
        "campaign-upcoming": demo.upcoming.url,
        "campaign-ended": ended.url,
        "campaign-recap": demo.past_with_recap.url,
        "campaign-events": ended.url + "events/",
        "event": demo.live_event.url,
        "event-past": EventPage.objects.child_of(ended).first().url,
        "pledge": live.pledge_url,
        "pledge-closed": ended.pledge_url,
        "pledge-thanks": live.url + "pledge/thanks/",
        "propose-event": live.propose_event_url,
        "propose-event-thanks": live.url + "propose-event/thanks/",
        "blog": "/blog/",
        "blog-tag": "/blog/tags/including-infants/",
        "blog-author": "/blog/authors/sally-hogg/",
        "blog-week": "/blog/campaigns/2021/",
        "blog-topics": "/blog/topics/",
        "blog-post": native_post.url,
        "blog-post-elsewhere": elsewhere_post.url,
        "search": "/search/",
        "search-results": "/search/?q=infants",
        "search-nothing": "/search/?q=zebra+crossing",
        "transcript": f"/appearances/{podcast.pk}/",
        "pledge-withdraw": demo.withdraw_path,
        "pledge-withdraw-invalid": "/pledge/withdraw/not-a-token/",
        "not-found": "/no-such-page/",
    }


def take_pledge(page: Page, campaign: CampaignPage, *, name: str, email: str) -> None:
    page.goto(campaign.pledge_url)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_role("combobox", name="Your role").select_option(label="Midwife")
    page.get_by_label("I agree that").check()
    page.get_by_role("button", name="Take the pledge").click()


def _axe_source() -> str:
    return (NODE_MODULES / "axe-core" / "axe.min.js").read_text()


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the page as it is now, readable."""
    # Through the DevTools protocol, which the page's CSP does not govern: a <script>
    # tag would be refused, as it should be.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
            }));
        }""",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'])}"
        for v in violations
    ]


def vnu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """The Nu Html Checker's errors for each named HTML document, in one Java run.

    The checker refuses to fetch loopback addresses, so it reads files.
    """
    jar = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (vnu-jar)."
    assert jar.exists(), f"{jar} is missing: `npm ci` installs it."
    with tempfile.TemporaryDirectory(prefix="hub-vnu-") as folder:
        files = []
        for name, html in documents.items():
            path = Path(folder, f"{name}.html")
            path.write_text(html)
            files.append(str(path))
        result = subprocess.run(  # noqa: S603
            [java, "-jar", str(jar), "--format", "json", "--stdout", *files],
            capture_output=True,
            text=True,
            check=False,
        )
    errors = {name: [] for name in documents}
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            name = Path(urlsplit(message.get("url", "")).path).stem
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine')}: {message['message']}"
            )
    return {name: found for name, found in errors.items() if found}


def text_of(page: Page, selector: str) -> str:
    return re.sub(r"\s+", " ", page.locator(selector).first.inner_text()).strip()
