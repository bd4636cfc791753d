"""Every campaign page renders in a fixed number of queries, however much it holds."""

from django.core.cache import cache

import pytest

from campaigns.factories import CampaignPageFactory

from .conftest import add_content

# Budgets, warm. About ten are shared by every page: the site, routing down the tree,
# the menu with its privacy check, breadcrumbs and the footer settings.
BUDGETS = {
    "/campaigns/2021/": 23,
    "/campaigns/2021/events/": 14,
    "/campaigns/2021/appg/": 16,
    "/calendars/2021.ics": 4,
}
ARCHIVE_QUERIES = 12


def get_ok(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.fixture
def warm(client, campaign):
    """One request first, so per-process caches (site root paths) are filled."""
    cache.clear()
    get_ok(client, "/")
    return client


@pytest.mark.parametrize("extra", [3, 30])
@pytest.mark.parametrize("url", BUDGETS)
def test_campaign_pages_cost_the_same_with_3_or_30_events_tags_and_resources(
    warm, campaign, url, extra, django_assert_num_queries
):
    add_content(campaign, extra)
    get_ok(warm, url)
    with django_assert_num_queries(BUDGETS[url]):
        get_ok(warm, url)


@pytest.mark.parametrize("extra", [3, 30])
def test_archive_costs_the_same_with_3_or_30_campaigns(
    warm, archive, campaign, extra, django_assert_num_queries
):
    for _ in range(extra):
        CampaignPageFactory(parent=archive)
    get_ok(warm, "/campaigns/")
    with django_assert_num_queries(ARCHIVE_QUERIES):
        get_ok(warm, "/campaigns/")
