"""An id too large for any row, in our own routes, is a 404 like any missing id.

SQLite and PostgreSQL hold ids in 64 bits; a larger number used to reach the
database and fail there, a server error.
"""

import pytest

from blog.factories import BlogIndexPageFactory

BEYOND_64_BITS = "99999999999999999999"
LARGEST_ID = str(2**63 - 1)


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page, slug="blog")


@pytest.mark.parametrize("number", [BEYOND_64_BITS, LARGEST_ID])
@pytest.mark.parametrize(
    "method, url",
    [
        ("get", "/calendars/events/{}.ics"),
        ("get", "/appearances/{}/"),
        ("get", "/downloads/{}/"),
        ("get", "/downloads/{}/kit.zip"),
        ("post", "/pledge/{}/"),
        ("post", "/propose-event/{}/"),
        ("get", "/calendars/{}.ics"),
        ("get", "/campaigns/{}/brand.css"),
        ("get", "/campaigns/{}/pledge/"),
        ("get", "/campaigns/{}/propose-event/"),
        ("get", "/blog/campaigns/{}/"),
    ],
)
def test_an_id_beyond_any_row_is_not_found(
    client, open_campaign, blog, method, url, number
):
    response = getattr(client, method)(url.format(number))
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("number", [BEYOND_64_BITS, LARGEST_ID])
def test_an_editor_starting_next_year_from_no_campaign_is_not_found(
    client, editor, number
):
    client.force_login(editor)
    response = client.get(f"/admin/campaigns/{number}/next-year/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_routes_still_find_their_rows(client, open_campaign):
    event = open_campaign.get_children().get(slug="appg")
    response = client.get(f"/calendars/events/{event.pk}.ics")
    assert response.status_code == 200
    assert b"APPG for Conception to Age Two" in response.content
