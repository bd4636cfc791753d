"""The public forms' rate limit counts every post, in a cache every process shares.

On SQLite the test database lives in this process's memory, where neither a second
process nor a second connection at the same moment can reach it: the tests that need
one run on PostgreSQL (with Redis, or with the database cache when REDIS_URL is unset).
"""

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.test import Client

import pytest

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

ROOT = Path(__file__).resolve().parents[2]
# Each test its own addresses: counts in the database cache outlive a test's rows.
ADDRESS, OTHER_ADDRESS, FLOOD_ADDRESS = "203.0.113.7", "203.0.113.8", "203.0.113.9"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the SQLite test database is this process's own, in memory",
)


def test_check_refuses_a_rate_limit_cache_of_one_process(settings):
    call_command("check", tags=["caches"], fail_level="WARNING")
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    with pytest.raises(SystemCheckError, match="django_ratelimit.E003"):
        call_command("check", tags=["caches"])


@pytest.fixture
def open_pledge(settings, home_page):
    """A pledge taking signatures, committed where another process can see it."""
    settings.PUBLIC_FORM_RATE_LIMIT = "5/m"
    archive = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=archive, year=2021, pledge_wording="I pledge.")


def post_from(address: str, url: str) -> int:
    try:
        return Client(REMOTE_ADDR=address).post(url, {}).status_code
    finally:
        connection.close()


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_posts_from_another_process_count_against_the_same_address(open_pledge):
    database = connection.settings_dict
    second_process = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "for _ in range(5):\n"
        f"    Client(REMOTE_ADDR={ADDRESS!r}).post({open_pledge.pledge_submit_url!r})\n"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.test",
        "PUBLIC_FORM_RATE_LIMIT": "5/m",
        "DATABASE_URL": (
            f"postgres://{quote(database['USER'])}:{quote(database['PASSWORD'] or '')}"
            f"@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
    }
    finished = subprocess.run(  # noqa: S603
        [sys.executable, "-c", second_process],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert post_from(ADDRESS, open_pledge.pledge_submit_url) == 429
    assert post_from(OTHER_ADDRESS, open_pledge.pledge_submit_url) == 302


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_flood_of_posts_at_once_is_held_to_the_limit(open_pledge):
    flood = 20
    together = threading.Barrier(flood)

    def post(_):
        together.wait()
        return post_from(FLOOD_ADDRESS, open_pledge.pledge_submit_url)

    with ThreadPoolExecutor(max_workers=flood) as pool:
        statuses = list(pool.map(post, range(flood)))
    assert statuses.count(429) == flood - 5
