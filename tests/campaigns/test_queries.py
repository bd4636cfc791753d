"""Every campaign page renders in a fixed number of queries, however much it holds."""

from django.core.cache import cache

import pytest

from campaigns.factories import CampaignPageFactory

from .conftest import add_content

# Budgets, warm. About ten are shared by every page: the site, routing down the tree,
# the menu with its privacy check, breadcrumbs and the footer settings.
CAMPAIGN_PAGE_QUERIES = 23
EVENTS_PAGE_QUERIES = 14
EVENT_PAGE_QUERIES = 16
ARCHIVE_QUERIES = 12
CAMPAIGN_CALENDAR_QUERIES = 4


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
def test_campaign_page_query_count_is_flat(
    warm, campaign, extra, django_assert_num_queries
):
    add_content(campaign, extra)
    get_ok(warm, "/campaigns/2021/")
    with django_assert_num_queries(CAMPAIGN_PAGE_QUERIES):
        get_ok(warm, "/campaigns/2021/")


@pytest.mark.parametrize("extra", [3, 30])
def test_events_list_query_count_is_flat(
    warm, campaign, extra, django_assert_num_queries
):
    add_content(campaign, extra)
    get_ok(warm, "/campaigns/2021/events/")
    with django_assert_num_queries(EVENTS_PAGE_QUERIES):
        get_ok(warm, "/campaigns/2021/events/")


@pytest.mark.parametrize("extra", [3, 30])
def test_event_page_query_count_is_flat(
    warm, campaign, extra, django_assert_num_queries
):
    add_content(campaign, extra)
    get_ok(warm, "/campaigns/2021/appg/")
    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        get_ok(warm, "/campaigns/2021/appg/")


@pytest.mark.parametrize("extra", [3, 30])
def test_archive_query_count_is_flat(
    warm, archive, campaign, extra, django_assert_num_queries
):
    for _ in range(extra):
        CampaignPageFactory(parent=archive)
    get_ok(warm, "/campaigns/")
    with django_assert_num_queries(ARCHIVE_QUERIES):
        get_ok(warm, "/campaigns/")


@pytest.mark.parametrize("extra", [3, 30])
def test_campaign_calendar_query_count_is_flat(
    warm, campaign, extra, django_assert_num_queries
):
    add_content(campaign, extra)
    get_ok(warm, "/calendars/2021.ics")
    with django_assert_num_queries(CAMPAIGN_CALENDAR_QUERIES):
        get_ok(warm, "/calendars/2021.ics")
