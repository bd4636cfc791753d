"""Each week's own brand colour: readable with white or dark text, served as CSS."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaigns.colours import (
    INK,
    WASH,
    WHITE,
    brand_colour_problem,
    contrast_ratio,
    darker,
    text_on,
    text_shade,
)
from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignPage
from campaigns.readiness import campaign_readiness

from .test_admin import campaign_form

BRAND_CSS = "/campaigns/2021/brand.css"
LOW_CONTRAST = (
    "#777777 gives 4.4:1 with white text and 2.4:1 with dark text on its hover "
    "shade; one of them needs 4.5:1. Try a darker or a lighter shade."
)

hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}")


@pytest.mark.parametrize(
    "colour, expected",
    [
        ("#FFFFFF", 1.0),
        ("#000000", 21.0),
        ("#6B2F8A", 8.75),  # IMHAW 2021's purple
        ("#0B6E6E", 6.05),  # IMHAW 2020's teal
        ("#767676", 4.54),  # the lightest grey that passes
        ("#F5C400", 1.64),  # a sunny yellow
    ],
)
def test_contrast_with_white_matches_known_pairs(colour, expected):
    assert contrast_ratio(colour, "#FFFFFF") == pytest.approx(expected, abs=0.01)


def test_dark_colours_take_white_text_and_light_ones_dark_text():
    assert text_on("#6B2F8A") == text_on("#6b2f8a") == WHITE
    assert text_on("#767676") == WHITE
    assert text_on("#F5C400") == INK  # a sunny yellow, and its darker hover shade
    assert brand_colour_problem("#F5C400") == ""


def test_mid_tones_that_suit_neither_are_refused_with_both_ratios():
    # 4.48:1 is rounded down: a failing colour never reads as "4.5:1".
    assert brand_colour_problem("#777777") == LOW_CONTRAST
    assert text_on("#777777") is None


@given(hex_colours)
def test_an_accepted_colour_reads_everywhere_the_design_puts_it(colour):
    on_brand = text_on(colour)
    if on_brand is None:
        assert brand_colour_problem(colour)
        return
    for background in (colour, darker(colour)):
        assert contrast_ratio(background, on_brand) >= 4.5
    text = text_shade(colour)
    assert contrast_ratio(text, WASH) >= 4.5
    assert contrast_ratio(darker(text), WASH) >= 4.5


def test_a_dark_colour_is_its_own_text_shade_and_a_light_one_is_darkened():
    assert text_shade("#6B2F8A") == "#6b2f8a"
    shade = text_shade("#F5C400")
    assert shade != "#f5c400"
    assert 4.5 <= contrast_ratio(shade, WASH) < 5.5  # no darker than it needs


def test_malformed_colours_are_refused_not_guessed():
    for value in ["", "6B2F8A", "#6B2F8", "#GGGGGG", "#6B2F8A\n", "red"]:
        with pytest.raises(ValueError):
            contrast_ratio(value, "#FFFFFF")


def test_the_darker_shade_of_the_site_purple_is_close_to_hub_css():
    assert darker("#6B2F8A") == "#502368"
    assert darker("#FFFFFF") == "#bfbfbf"
    assert darker("#000000") == "#000000"


@given(hex_colours, hex_colours)
def test_contrast_is_symmetric_and_between_1_and_21(first, second):
    ratio = contrast_ratio(first, second)
    assert 1 <= ratio <= 21 + 1e-9
    assert ratio == pytest.approx(contrast_ratio(second, first))


@given(hex_colours)
def test_the_darker_shade_never_reads_worse_with_white_text(colour):
    assert contrast_ratio(darker(colour), "#FFFFFF") >= contrast_ratio(
        colour, "#FFFFFF"
    )


# The model and the admin


def test_clean_refuses_a_colour_no_text_reads_on(campaign):
    campaign.brand_colour = "#777777"
    with pytest.raises(ValidationError) as refused:
        campaign.full_clean()
    assert refused.value.message_dict["brand_colour"] == [LOW_CONTRAST]


def test_clean_accepts_dark_and_light_colours_or_none(campaign):
    for colour in ["#6B2F8A", "#0b6e6e", "#F5C400", ""]:
        campaign.brand_colour = colour
        campaign.full_clean()


def test_clean_explains_the_format_of_a_malformed_colour(campaign):
    campaign.brand_colour = "purple"
    with pytest.raises(ValidationError) as refused:
        campaign.full_clean()
    assert refused.value.message_dict["brand_colour"] == [
        "Give the colour as # and six letters or digits, e.g. #6B2F8A."
    ]


@pytest.fixture
def editor_client(client, editor, archive):
    client.force_login(editor)
    return client


def add_url(archive) -> str:
    return f"/admin/pages/add/campaigns/campaignpage/{archive.pk}/"


def test_admin_refuses_a_low_contrast_colour_with_the_ratio(editor_client, archive):
    response = editor_client.post(
        add_url(archive),
        {**campaign_form(brand_colour="#777777"), "action-publish": "1"},
    )
    assert response.status_code == 200
    assert LOW_CONTRAST in response.content.decode()
    assert not CampaignPage.objects.filter(year=2030).exists()


@pytest.mark.parametrize("value", ["purple", "#6B2F8A; color: red", "#" + "9" * 500])
def test_admin_refuses_a_malformed_colour_without_a_server_error(
    editor_client, archive, value
):
    response = editor_client.post(
        add_url(archive), {**campaign_form(brand_colour=value), "action-publish": "1"}
    )
    assert response.status_code == 200
    assert not CampaignPage.objects.filter(year=2030).exists()


def test_admin_saves_a_dark_colour(editor_client, archive):
    response = editor_client.post(
        add_url(archive),
        {**campaign_form(brand_colour="#0B6E6E"), "action-publish": "1"},
    )
    assert response.status_code == 302, response.content[:2000]
    assert CampaignPage.objects.get(year=2030).brand_colour == "#0B6E6E"


def test_readiness_lists_the_brand_colour(campaign):
    def brand_item():
        items = campaign_readiness(campaign, today=datetime.date(2021, 5, 1))
        return next(item for item in items if item.key == "brand_colour")

    item = brand_item()
    assert (item.label, item.done) == ("Brand colour", False)
    assert item.url.endswith("#panel-child-content-brand_colour-section")
    campaign.brand_colour = "#6B2F8A"
    item = brand_item()
    assert (item.done, item.detail) == (True, "#6B2F8A.")


# The stylesheet


@pytest.fixture
def purple(campaign):
    campaign.brand_colour = "#6B2F8A"
    campaign.save_revision().publish()
    return campaign


def test_brand_css_sets_the_custom_properties(client, purple):
    response = client.get(BRAND_CSS)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert "--colour-brand: #6b2f8a;" in css
    assert "--colour-brand-dark: #502368;" in css
    assert "--colour-on-brand: #ffffff;" in css
    assert "--colour-brand-text: #6b2f8a;" in css
    assert "<" not in css


def test_a_light_brand_colour_gets_dark_text_and_darker_links(client, campaign):
    campaign.brand_colour = "#F5C400"
    campaign.save_revision().publish()
    css = client.get(BRAND_CSS).content.decode()
    assert "--colour-brand: #f5c400;" in css
    assert f"--colour-on-brand: {INK.lower()};" in css
    assert f"--colour-brand-text: {text_shade('#F5C400')};" in css


def test_brand_css_can_be_cached_and_revalidated(client, purple):
    response = client.get(BRAND_CSS)
    assert "max-age=86400" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    again = client.get(BRAND_CSS, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(
        BRAND_CSS, headers={"if-modified-since": response["Last-Modified"]}
    )
    assert since.status_code == 304


def test_brand_css_changes_etag_with_the_colour(client, purple):
    before = client.get(BRAND_CSS)["ETag"]
    purple.brand_colour = "#0B6E6E"
    purple.save_revision().publish()
    response = client.get(BRAND_CSS, headers={"if-none-match": before})
    assert response.status_code == 200
    assert "--colour-brand: #0b6e6e;" in response.content.decode()


def test_brand_css_is_not_found_without_a_colour(client, campaign):
    assert client.get(BRAND_CSS).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/campaigns/1999/brand.css",
        "/campaigns/0/brand.css",
        "/campaigns/99999999999999999999999/brand.css",
        "/campaigns/twenty/brand.css",
    ],
)
def test_brand_css_for_unknown_years_is_not_found(client, purple, url):
    assert client.get(url).status_code == 404


def test_brand_css_of_a_draft_week_is_not_found(client, archive):
    CampaignPageFactory(parent=archive, year=2031, brand_colour="#6B2F8A", live=False)
    assert client.get("/campaigns/2031/brand.css").status_code == 404


def test_brand_css_refuses_a_colour_stored_without_validation(client, campaign):
    # A page saved from code skips the form: the view still writes only colours.
    CampaignPage.objects.filter(pk=campaign.pk).update(brand_colour="red;}x{")
    assert client.get(BRAND_CSS).status_code == 404


def test_brand_css_only_answers_reads(client, purple):
    assert client.post(BRAND_CSS).status_code == 405
    assert client.head(BRAND_CSS).status_code == 200


# The pages that link it

LINK = re.compile(
    r'<link rel="stylesheet"\s+href="/campaigns/2021/brand\.css\?v=6b2f8a">'
)


@pytest.mark.parametrize(
    "url", ["/campaigns/2021/", "/campaigns/2021/events/", "/campaigns/2021/pledge/"]
)
def test_campaign_pages_link_the_brand_stylesheet_when_set(client, purple, url):
    response = client.get(url)
    assert response.status_code == 200
    assert LINK.search(response.content.decode())


def test_campaign_page_links_no_brand_stylesheet_without_a_colour(client, campaign):
    response = client.get("/campaigns/2021/")
    assert response.status_code == 200
    assert "brand.css" not in response.content.decode()


@pytest.mark.parametrize("url", ["/campaigns/2021/", "/campaigns/2021/appg/"])
def test_brand_colour_adds_no_queries(client, campaign, url, django_assert_num_queries):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    without_colour = len(queries)  # Counted now: the next request clears the log.
    campaign.brand_colour = "#6B2F8A"
    campaign.save_revision().publish()
    client.get(url)
    with django_assert_num_queries(without_colour):
        response = client.get(url)
    assert "/campaigns/2021/brand.css" in response.content.decode()


def test_event_pages_carry_their_campaigns_brand_colour(client, campaign):
    campaign.brand_colour = "#6B2F8A"
    campaign.save_revision().publish()
    content = client.get("/campaigns/2021/appg/").content.decode()
    assert "/campaigns/2021/brand.css" in content
