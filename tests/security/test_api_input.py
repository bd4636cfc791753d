"""The API answers a bad parameter with a 400 and a message, never a 500.

The README promises it. These used to fail in the database or the search backend, on
SQLite, PostgreSQL or both: full-text syntax and control characters in `search`,
dates that are not dates in field filters, offsets beyond 64 bits, ids for `find`
that are not numbers. And `?format=api` served DRF's browsable HTML API, though the
API is JSON only.
"""

from django.test import Client

from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail_factories import DocumentFactory, ImageFactory

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

BEYOND_64_BITS = "99999999999999999999"
ENDPOINTS = ["pages", "images", "documents"]
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def api_content(open_campaign):
    ImageFactory(title="Infant mental health logo")
    DocumentFactory(title="Infant mental health briefing")
    return open_campaign


BAD_QUERIES = {
    # Full-text search: syntax the search backend cannot take, characters no
    # database stores, more words than it can combine, an unknown operator.
    "search with a NUL": ("pages", {"search": "infant\x00health"}),
    "search with a control character": ("pages", {"search": "infant\x01"}),
    "search with a double quote": ("pages", {"search": '"infant'}),
    "search with a phrase": ("pages", {"search": '"infant mental health"'}),
    "search with operators": ("pages", {"search": 'a & | ! ( "'}),
    "search of blanks": ("pages", {"search": "   "}),
    "search of a thousand words": ("pages", {"search": "baby " * 1000}),
    "search with an unknown operator": (
        "pages",
        {"search": "infant", "search_operator": "xor"},
    ),
    "image search with a NUL": ("images", {"search": "logo\x00"}),
    "image search with a double quote": ("images", {"search": 'logo"'}),
    "image search of blanks": ("images", {"search": " "}),
    "document search with a NUL": ("documents", {"search": "briefing\x00"}),
    "document search with a double quote": ("documents", {"search": '"briefing'}),
    "document search of blanks": ("documents", {"search": "\t"}),
    # Field filters whose values are not of the field's type.
    "an event's start not a date": (
        "pages",
        {"type": "campaigns.EventPage", "start": "notadate"},
    ),
    "an event's end an impossible date": (
        "pages",
        {"type": "campaigns.EventPage", "end": "2021-13-45"},
    ),
    "a campaign's start date not a date": (
        "pages",
        {"type": "campaigns.CampaignPage", "start_date": "notadate"},
    ),
    "a post's date not a date": (
        "pages",
        {"type": "blog.BlogPostPage", "date": "notadate"},
    ),
    "first published not a date": ("pages", {"first_published_at": "notadate"}),
    # Ids of related rows that no row can have, which SQLite cannot compare.
    "a campaign's image id beyond 64 bits": (
        "pages",
        {"type": "campaigns.CampaignPage", "hero_image": BEYOND_64_BITS},
    ),
    "a post's image id below 64 bits": (
        "pages",
        {"type": "blog.BlogPostPage", "image": f"-{BEYOND_64_BITS}"},
    ),
    "an alias of a page id beyond 64 bits": ("pages", {"alias_of": BEYOND_64_BITS}),
    # Offsets the database cannot hold.
    "a page offset beyond 64 bits": ("pages", {"offset": BEYOND_64_BITS}),
    "an image offset beyond 64 bits": ("images", {"offset": BEYOND_64_BITS}),
    "a document offset beyond 64 bits": ("documents", {"offset": BEYOND_64_BITS}),
    # Control characters in any parameter, which PostgreSQL cannot store.
    "a locale with a NUL": ("pages", {"locale": "en\x00"}),
    "a site with a NUL": ("pages", {"site": "localhost\x00"}),
    "a title with a control character": ("pages", {"title": "Infant\x01"}),
    "a document title with a NUL": ("documents", {"title": "briefing\x00"}),
}
BAD_FINDS = {
    "a page id not a number": ("pages", {"id": "abc"}),
    "an image id not a number": ("images", {"id": "abc"}),
    "a document id not a number": ("documents", {"id": "abc"}),
    "a page path with a NUL": ("pages", {"html_path": "/campaigns/\x00/"}),
    "a page path and an id not a number": (
        "pages",
        {"html_path": "/campaigns/2021/", "id": "abc"},
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "endpoint, query", BAD_QUERIES.values(), ids=BAD_QUERIES.keys()
)
def test_a_bad_parameter_is_a_400_with_a_message(client, api_content, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/", query)
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint, query", BAD_FINDS.values(), ids=BAD_FINDS.keys())
def test_a_bad_find_is_a_400_with_a_message(client, api_content, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/find/", query)
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_id_beyond_64_bits_is_not_found(client, api_content, endpoint):
    assert (
        client.get(f"/api/v2/{endpoint}/find/?id={BEYOND_64_BITS}").status_code == 404
    )
    assert client.get(f"/api/v2/{endpoint}/{BEYOND_64_BITS}/").status_code == 404


@pytest.mark.django_db
def test_good_parameters_still_answer(client, api_content):
    def titles(endpoint, query):
        response = client.get(f"/api/v2/{endpoint}/", query)
        assert response.status_code == 200, response.content
        return [item.get("title") for item in response.json()["items"]]

    campaign_title = "Infant Mental Health Awareness Week 2021"
    assert titles("pages", {"search": "infant mental health"}) == [campaign_title]
    titles("pages", {"search": "infant & health!", "search_operator": "and"})
    titles("pages", {"search": "a " * 100})  # The longest search: 100 words.
    assert titles("pages", {"search": "infant", "offset": "0", "limit": "5"})
    assert titles(
        "pages", {"type": "campaigns.CampaignPage", "start_date": "2021-06-07"}
    ) == [campaign_title]
    assert titles(
        "pages", {"type": "campaigns.EventPage", "start": "2021-06-08T08:30:00Z"}
    ) == ["APPG for Conception to Age Two"]
    assert titles("images", {"search": "logo"}) == ["Infant mental health logo"]
    assert titles("images", {"tags": BEYOND_64_BITS}) == []  # A tag, not an id.
    assert titles("documents", {"search": "briefing"}) == [
        "Infant mental health briefing"
    ]
    found = client.get("/api/v2/pages/find/", {"html_path": "/campaigns/2021/"})
    assert found.status_code == 302
    found = client.get("/api/v2/pages/find/", {"id": str(api_content.pk)})
    assert found.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_api_answers_json_only(client, api_content, endpoint):
    for response in [
        client.get(f"/api/v2/{endpoint}/", {"format": "api"}),
        client.get(f"/api/v2/{endpoint}/", HTTP_ACCEPT=BROWSER_ACCEPT),
    ]:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json()["items"]


search_text = st.text(max_size=60) | st.text(
    alphabet='"&|!()*^:-+ ab\x00\t', max_size=30
)


class SearchFuzzTests(TestCase):
    """Any search on each endpoint: results or a 400, on either database."""

    @classmethod
    def setUpTestData(cls):
        home = Page.objects.get(depth=2)
        CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), year=2021)
        ImageFactory(title="Infant mental health logo")
        DocumentFactory(title="Infant mental health briefing")

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(st.sampled_from(ENDPOINTS), search_text, st.sampled_from(["", "and", "or"]))
    def test_any_search_answers_without_error(self, endpoint, text, operator):
        query = {"search": text}
        if operator:
            query["search_operator"] = operator
        response = Client(raise_request_exception=False).get(
            f"/api/v2/{endpoint}/", query
        )
        self.assertIn(response.status_code, [200, 400], query)
        self.assertEqual(response["Content-Type"], "application/json")
