"""Security headers on every public page type, and pages that work under the policy."""

import re

import pytest

from blog.factories import BlogIndexPageFactory, BlogPostPageFactory
from home.models import StandardPage

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/campaigns/",
    "/campaigns/2021/",
    "/campaigns/2021/events/",
    "/campaigns/2021/appg/",
    "/campaigns/2021/pledge/",
    "/campaigns/2021/propose-event/",
    "/blog/",
    "/blog/a-post/",
    "/blog/tags/policy/",
    "/search/?q=infants",
]


@pytest.fixture
def site_pages(campaign, home_page):
    campaign.pledge_wording = "I pledge to include infants."
    campaign.save_revision().publish()
    home_page.add_child(instance=StandardPage(title="About", slug="about"))
    blog = BlogIndexPageFactory(parent=home_page, slug="blog")
    BlogPostPageFactory(parent=blog, slug="a-post", campaign=campaign, tags=["policy"])


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(
        part.strip().split(" ", 1) for part in policy.split(";") if part.strip()
    )


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_carry_the_security_headers(client, site_pages, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_no_inline_script_or_style(client, site_pages, url):
    html = client.get(url).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    for attributes in scripts:
        assert "src=" in attributes or 'type="application/ld+json"' in attributes, (
            attributes
        )
    assert not re.search(r"<style\b", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)  # No inline event handlers either.


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'"


@pytest.mark.django_db
def test_health_check_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_the_500_page_renders_without_the_database():
    # No django_db mark: any query here would fail the test.
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html
