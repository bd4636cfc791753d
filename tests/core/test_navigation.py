"""The header's navigation: a "Menu" disclosure on small screens, with no script."""

import re

import pytest

from home.models import StandardPage


@pytest.fixture
def about(home_page):
    page = StandardPage(title="About the week", slug="about", show_in_menus=True)
    home_page.add_child(instance=page)
    return page


def header(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def test_links_sit_in_a_menu_disclosure_closed_by_default(client, about):
    html = header(client, "/")
    assert '<details class="site-header__menu">' in html  # No "open": folded.
    assert '<summary class="site-header__toggle">Menu</summary>' in html
    details = html[html.index("<details") : html.index("</details>")]
    assert '<nav class="main-nav" aria-label="Main">' in details
    assert 'href="/about/"' in details
    assert 'href="/search/"' in details


def test_the_brand_stays_outside_the_menu(client, about):
    html = header(client, "/")
    assert html.index('class="site-header__brand" href="/"') < html.index("<details")


def test_the_current_section_is_marked_inside_the_menu(client, about):
    html = header(client, "/about/")
    assert 'aria-current="page">About the week</a>' in html


def test_the_skip_link_comes_before_the_menu(client, about):
    html = client.get("/").content.decode()
    skip = html.index('<a class="skip-link" href="#main">Skip to main content</a>')
    assert skip < html.index("<summary")


def test_the_header_needs_no_script_or_inline_style(client, about):
    html = header(client, "/about/")
    assert "<script" not in html
    assert not re.search(r"\sstyle=|\son[a-z]+=", html)


def test_a_site_without_menu_pages_still_offers_search(client, home_page):
    html = header(client, "/")
    assert "<nav" not in html
    assert 'class="site-header__search" href="/search/"' in html
