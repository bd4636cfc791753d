"""Benchmark: pledge submissions per second against a running server, and lost rows.

Run it against `make serve` on PostgreSQL, with the rate limit lifted (every request
comes from 127.0.0.1) and a campaign whose pledge is open (the demo's coming week):

    createdb -h 127.0.0.1 -U postgres hub_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    SECRET_KEY=bench PUBLIC_FORM_RATE_LIMIT=1000000/m PORT=8001 make serve &
    .venv/bin/python benchmarks/pledge_submissions.py --url http://127.0.0.1:8001 \\
        --campaign 2027 --people 400 --repeats 100 --concurrency 16

It sends one pledge for each of --people addresses plus --repeats extra submissions
of addresses already used, then counts the rows in the database: every person must
have exactly one signature, and nothing else may have been stored.
"""

import argparse
import http.cookiejar
import os
import re
import sys
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from campaigns.models import CampaignPage  # noqa: E402
from pledges.forms import MINIMUM_FILL_SECONDS  # noqa: E402
from pledges.models import PledgeSignature  # noqa: E402


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def open_form(url: str) -> tuple[urllib.request.OpenerDirector, dict]:
    """GET the form like a browser: its CSRF cookie, token and start stamp."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), NoRedirect
    )
    html = opener.open(url, timeout=30).read().decode()  # noqa: S310
    fields = dict(
        re.findall(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"', html)
    )
    return opener, fields


def submit(url: str, opener, fields: dict, email: str) -> tuple[int, float]:
    data = urllib.parse.urlencode(
        {
            **fields,
            "name": "Bench Person",
            "email": email,
            "role": "health_visitor",
            "consent": "on",
            "website": "",
        }
    ).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})  # noqa: S310
    started = time.perf_counter()
    try:
        status = opener.open(request, timeout=60).status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--campaign", type=int, required=True, help="campaign year")
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=16)
    options = parser.parse_args()

    campaign = CampaignPage.objects.get(year=options.campaign)
    form_url = options.url.rstrip("/") + campaign.pledge_url
    run = uuid.uuid4().hex[:8]
    emails = [f"bench-{run}-{n}@example.org" for n in range(options.people)]
    # Repeats differ in case and spaces only: they are the same people again.
    repeats = [
        f"  {emails[n % options.people].upper()} " for n in range(options.repeats)
    ]
    addresses = emails + repeats

    with ThreadPoolExecutor(options.concurrency) as pool:
        forms = list(pool.map(lambda _: open_form(form_url), addresses))
    time.sleep(MINIMUM_FILL_SECONDS + 0.5)  # As a person would, before sending.
    began = time.perf_counter()
    with ThreadPoolExecutor(options.concurrency) as pool:
        results = list(
            pool.map(
                lambda pair: submit(form_url, *pair[0], pair[1]),
                zip(forms, addresses, strict=True),
            )
        )
    elapsed = time.perf_counter() - began

    statuses = [status for status, _ in results]
    latencies = sorted(seconds for _, seconds in results)
    stored = PledgeSignature.objects.filter(
        campaign=campaign, email__startswith=f"bench-{run}-"
    )
    rows = stored.count()
    distinct = stored.values("email").distinct().count()
    print(
        f"submissions       {len(addresses)} ({options.people} people, "
        f"{options.repeats} repeats), concurrency {options.concurrency}"
    )
    answers = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"answers           {answers}")
    print(f"throughput        {len(addresses) / elapsed:.1f} submissions/s")
    print(
        f"latency           median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms"
    )
    print(f"rows stored       {rows} (expected {options.people})")
    print(f"lost rows         {options.people - distinct}")
    print(f"duplicated rows   {rows - distinct}")
    return 0 if rows == distinct == options.people else 1


if __name__ == "__main__":
    sys.exit(main())
