"""Many people pledging at once: no lost rows, no duplicates, a count that matches.

On PostgreSQL the submissions run in parallel threads, each with its own connection;
SQLite allows one writer at a time, so there the same submissions run one by one.
"""

from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.db import connection
from django.test import Client

import pytest

from pledges.models import PledgeSignature

from .test_pledge import pledge_data

PARALLEL = connection.vendor == "postgresql"
# Real commits, seen by other connections; the migrations' home page is restored after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def submit(url: str, data: dict) -> int:
    try:
        return Client().post(url, data).status_code
    finally:
        connection.close()


def submit_all(campaign, submissions: list[dict]) -> list[int]:
    urls = [campaign.pledge_submit_url] * len(submissions)
    if not PARALLEL:
        return list(map(submit, urls, submissions))
    with ThreadPoolExecutor(max_workers=10) as pool:
        return list(pool.map(submit, urls, submissions))


@pytest.fixture
def open_pledge(settings, home_page):
    from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

    settings.PUBLIC_FORM_RATE_LIMIT = "10000/m"
    cache.clear()
    archive = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=archive, year=2021, pledge_wording="I pledge.")


def test_fifty_people_at_once_make_fifty_signatures(open_pledge):
    statuses = submit_all(
        open_pledge, [pledge_data(email=f"person{n}@example.org") for n in range(50)]
    )
    assert statuses == [302] * 50
    assert PledgeSignature.objects.count() == 50
    assert open_pledge.pledge_signatures.count() == 50


def test_twenty_submissions_of_one_email_leave_one(open_pledge):
    variants = ["sally@example.org", " SALLY@example.org", "Sally@Example.Org "]
    statuses = submit_all(
        open_pledge, [pledge_data(email=variants[n % len(variants)]) for n in range(20)]
    )
    assert statuses == [302] * 20
    assert PledgeSignature.objects.count() == 1
