"""Lighthouse audit: scores and timings of the public pages under `make serve`.

Run it with `make audit` (about five minutes), or on part of the work:

    AUDIT_PRESETS=mobile make audit
    AUDIT_PAGES=home,pledge make audit

It migrates a fresh SQLite database in var/audit/, loads the demo site, starts `make
serve` (gunicorn, production settings, page cache on) and runs Lighthouse 12 (npm, on
Debian's Chromium) in its mobile and desktop presets on the home, campaign, event,
blog post, blog index and pledge pages. It prints the four scores and FCP, LCP, TBT,
CLS and Speed Index for each, then every audit that lost points, and exits 1 if a
target is missed: 100 for accessibility, best practices and SEO in both presets, 95
or more for performance on mobile.

The reports, as HTML and JSON, are in var/audit/reports/.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from serve import (
    ROOT,
    Server,
    apt_install,
    exit_on_signals,
    fetch,
    free_port,
    manage,
    stop_all,
)

AUDIT_DIR = ROOT / "var" / "audit"
REPORT_DIR = AUDIT_DIR / "reports"
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Debian's Chromium on a machine with no network: without the background-networking
# flags it waits on hosts it cannot reach (FACTS.md).
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CATEGORY_NAMES = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "best",
    "seo": "SEO",
}
PRESETS = ["mobile", "desktop"]
PAGES = ["home", "campaign", "event", "post", "blog-index", "pledge"]


def target(category: str, preset: str) -> int | None:
    """The lowest acceptable score, or None where the issue sets no target."""
    if category == "performance":
        return 95 if preset == "mobile" else None
    return 100


def api(base: str, **params) -> list[dict]:
    """Items from the site's public API (Wagtail API v2)."""
    status, _, body = fetch(f"{base}/api/v2/pages/?{urllib.parse.urlencode(params)}")
    if status != 200:
        raise SystemExit(f"The pages API answered {status}: {body[:300]!r}")
    return json.loads(body)["items"]


def path_of(item: dict) -> str:
    return urllib.parse.urlsplit(item["meta"]["html_url"]).path


def find_pages(base: str) -> dict[str, str]:
    """The demo's pages to audit, found through the public API: the newest week with
    events and its first event, the newest post, and the pledge that is open."""
    campaigns = api(base, type="campaigns.CampaignPage", order="-year")
    campaign = event = pledge = None
    for item in campaigns:
        events = api(
            base, type="campaigns.EventPage", child_of=item["id"], order="start"
        )
        if events and not campaign:
            campaign, event = path_of(item), path_of(events[0])
        status, _, body = fetch(base + path_of(item) + "pledge/")
        if not pledge and status == 200 and b'name="email"' in body:
            pledge = path_of(item) + "pledge/"
    if not (campaign and pledge):
        raise SystemExit("No campaign with events, or no open pledge, in the demo.")
    posts = api(base, type="blog.BlogPostPage", order="-date", limit=1)
    blog = api(base, type="blog.BlogIndexPage", limit=1)
    return {
        "home": "/",
        "campaign": campaign,
        "event": event,
        "post": path_of(posts[0]),
        "blog-index": path_of(blog[0]),
        "pledge": pledge,
    }


def lighthouse(url: str, preset: str, name: str) -> dict:
    """Run Lighthouse; its report as a dict, also kept as HTML and JSON.

    Tried three times: on a busy machine Lighthouse now and then fails to record the
    page's trace (NO_NAVSTART, NO_FCP) and says to run it again.
    """
    output = REPORT_DIR / f"{name}-{preset}"
    report_path = output.with_name(output.name + ".report.json")
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for _ in range(3):
        report_path.unlink(missing_ok=True)
        result = subprocess.run(  # noqa: S603
            command,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
        )
        if result.returncode == 0 and report_path.exists():
            report = json.loads(report_path.read_text())
            if not report.get("runtimeError"):
                return report
        print("(again)", end=" ", flush=True)
    raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")


def scores(report: dict) -> dict[str, int | None]:
    return {
        category: (
            None
            if report["categories"][category]["score"] is None
            else round(report["categories"][category]["score"] * 100)
        )
        for category in CATEGORIES
    }


def timings(report: dict) -> list[str]:
    audits = report["audits"]

    def value(audit_id: str) -> float | None:
        return audits.get(audit_id, {}).get("numericValue")

    def seconds(audit_id: str) -> str:
        number = value(audit_id)
        return "-" if number is None else f"{number / 1000:.1f}"

    tbt, cls = value("total-blocking-time"), value("cumulative-layout-shift")
    return [
        seconds("first-contentful-paint"),
        seconds("largest-contentful-paint"),
        "-" if tbt is None else f"{tbt:.0f}",
        "-" if cls is None else f"{cls:.3f}",
        seconds("speed-index"),
    ]


def lost_points(report: dict) -> list[tuple[str, str, str, str]]:
    """(category, audit id, title, detail) of every scored audit that failed; for
    performance, those under 0.9, as Lighthouse colours them, marked "diagnostic"
    when they do not count in the score."""
    found = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit.get("score")
            if score is None or audit.get("scoreDisplayMode") in (
                "informative",
                "notApplicable",
                "manual",
            ):
                continue
            if score < (0.9 if category == "performance" else 1):
                label = category if ref["weight"] else f"{category}, diagnostic"
                found.append((label, ref["id"], audit["title"], detail(audit)))
    return found


def detail(audit: dict) -> str:
    """The audit's figure and the first elements or URLs it names."""
    parts = [audit["displayValue"]] if audit.get("displayValue") else []
    items = (audit.get("details") or {}).get("items")
    for item in items[:3] if isinstance(items, list) else []:
        node = item.get("node") or {}
        location = item.get("sourceLocation") or {}
        text = node.get("snippet") or item.get("url") or location.get("url")
        if isinstance(text, str):
            parts.append(text[:120])
    return "; ".join(parts)


def table(headers: list[str], rows: list[list[str]]) -> None:
    """Print rows under headers: page and preset on the left, figures on the right."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    for number, row in enumerate([headers, *rows]):
        cells = [
            cell.ljust(width) if column < 2 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())
        if number == 0:
            print("  " + "  ".join("-" * width for width in widths))


def ensure_tools() -> None:
    """Debian's Chromium and the npm packages, as the browser tests need them."""
    if not Path(CHROMIUM).exists():
        apt_install("chromium")
    if not LIGHTHOUSE.exists():
        if not (ROOT / "package-lock.json").exists():
            raise SystemExit("No package-lock.json: cannot install Lighthouse.")
        print("Lighthouse is missing: npm ci ...")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)  # noqa: S607


def parse_options():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Each option also reads an environment variable, AUDIT_<OPTION>.",
    )
    environ = os.environ.get
    parser.add_argument(
        "--presets",
        default=environ("AUDIT_PRESETS", ",".join(PRESETS)),
        help="comma-separated: mobile, desktop (default both)",
    )
    parser.add_argument(
        "--pages",
        default=environ("AUDIT_PAGES", ",".join(PAGES)),
        help=f"comma-separated, of: {', '.join(PAGES)} (default all)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(environ("AUDIT_PORT", "8751")),
        help="first port to try for the server (default 8751)",
    )
    options = parser.parse_args()
    options.presets = [name for name in options.presets.split(",") if name]
    options.pages = [name for name in options.pages.split(",") if name]
    if unknown := set(options.presets) - set(PRESETS) | set(options.pages) - set(PAGES):
        parser.error(f"unknown presets or pages: {', '.join(sorted(unknown))}")
    return options


def audit(base: str, options) -> list[tuple[str, str, dict]]:
    """Lighthouse on each page in each preset: (page, preset, report)."""
    pages = find_pages(base)
    results = []
    for name in options.pages:
        # Audit the page as most visitors get it: from the page cache of either
        # gunicorn worker.
        for _ in range(4):
            fetch(base + pages[name])
        for preset in options.presets:
            print(f"  {name:<10} {preset:<7} {pages[name]} ...", end=" ", flush=True)
            started = time.monotonic()
            report = lighthouse(base + pages[name], preset, name)
            results.append((name, preset, report))
            figures = " ".join(f"{score!s:>4}" for score in scores(report).values())
            print(f"{figures} ({time.monotonic() - started:.0f} s)")
    return results


def print_scores(results: list[tuple[str, str, dict]]) -> list[str]:
    """The table of scores and timings; returns the targets missed."""
    rows, missed = [], []
    for name, preset, report in results:
        marked = []
        for category, score in scores(report).items():
            floor = target(category, preset)
            under = floor is not None and (score is None or score < floor)
            if under:
                missed.append(f"{name} {preset} {CATEGORY_NAMES[category]} {score}")
            marked.append(f"{score}{'*' if under else ''}")
        rows.append([name, preset, *marked, *timings(report)])
    headers = ["page", "preset", *CATEGORY_NAMES.values()]
    table([*headers, "FCP", "LCP", "TBT", "CLS", "SI"], rows)
    print("  * under target: 100 for a11y, best practices and SEO; 95 for mobile perf")
    return missed


def print_lost_points(results: list[tuple[str, str, dict]]) -> None:
    """Each audit that lost points once, with where and an example."""
    where, details = defaultdict(list), {}
    for name, preset, report in results:
        for category, audit_id, title, text in lost_points(report):
            where[category, audit_id, title].append(f"{name}/{preset}")
            details.setdefault((category, audit_id, title), text)
    for key, places in sorted(where.items()):
        category, audit_id, title = key
        print(f"  [{category}] {audit_id}: {title}")
        print(f"      on {', '.join(places)}")
        if details[key]:
            print(f"      {details[key]}")
    if not where:
        print("  none")


def main() -> int:
    options = parse_options()
    exit_on_signals()
    ensure_tools()
    version = subprocess.run(  # noqa: S603
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    shutil.rmtree(AUDIT_DIR, ignore_errors=True)
    REPORT_DIR.mkdir(parents=True)
    began = time.monotonic()
    port = free_port(options.port)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "DEBUG")
    }
    env |= {
        "DATABASE_URL": f"sqlite:///{AUDIT_DIR / 'hub.sqlite3'}",
        "MEDIA_ROOT": str(AUDIT_DIR / "media"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HTTPS": "false",
        # The demo's site record, so every canonical link, names the audited server.
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    print(f"Lighthouse {version} on {CHROMIUM}; demo site on SQLite in {AUDIT_DIR}")
    for command in (["migrate", "--noinput"], ["load_demo"]):
        manage(env, command, AUDIT_DIR / f"{command[0]}.log")
    try:
        with Server(env, port, AUDIT_DIR / "serve.log") as server:
            results = audit(server.base, options)
    finally:
        stop_all()

    print(f"\nScores and timings (FCP, LCP, Speed Index in s; TBT in ms), {version}")
    missed = print_scores(results)
    print("\nAudits that lost points (pages and presets where they did)")
    print_lost_points(results)
    minutes = (time.monotonic() - began) / 60
    print(f"\nReports in {REPORT_DIR}. Done in {minutes:.1f} min.")
    if missed:
        print(f"Targets missed: {'; '.join(missed)}")
        return 1
    print("Every target met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
