import html
import json
import re

from django.core.files.storage import default_storage

from wagtail.models import Page

import pytest
from defusedxml.ElementTree import fromstring
from wagtail_factories import ImageFactory

from campaigns.factories import EventPageFactory
from core.models import OrganisationSettings
from home.models import StandardPage

from ..conftest import london


def head_of(response) -> str:
    content = response.content.decode()
    return content[: content.index("</head>")]


def meta(head: str, key: str) -> str | None:
    match = re.search(
        rf'<meta (?:name|property)="{re.escape(key)}"\s+content="([^"]*)"', head
    )
    return match[1] if match else None


def json_ld(head: str) -> list[dict]:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head)
    return json.loads(block)


@pytest.fixture
def seo_site(campaign, home_page):
    from blog.factories import BlogIndexPageFactory, BlogPostPageFactory

    about = StandardPage(title="About the week", slug="about", intro="What it is.")
    home_page.add_child(instance=about)
    blog = BlogIndexPageFactory(parent=home_page, slug="blog")
    BlogPostPageFactory(parent=blog, slug="a-post", campaign=campaign)
    campaign.hero_image = ImageFactory(
        title="Including Infants banner", file__width=1600, file__height=900
    )
    campaign.save_revision().publish()
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.name = "Parent-Infant Foundation"
    organisation.website = "https://example.org/"
    organisation.share_image = ImageFactory(
        title="Site picture", file__width=1600, file__height=900
    )
    organisation.save()
    return campaign


@pytest.mark.parametrize(
    ("url", "schema_type"),
    [
        ("/", "Organization"),
        ("/campaigns/", None),
        ("/campaigns/2021/", None),
        ("/campaigns/2021/appg/", "Event"),
        ("/about/", None),
        ("/blog/", None),
        ("/blog/a-post/", "BlogPosting"),
    ],
)
def test_every_page_type_has_title_description_canonical_and_cards(
    client, seo_site, url, schema_type
):
    head = head_of(client.get(url))
    assert "<title>" in head
    assert f'<link rel="canonical" href="http://localhost{url}">' in head
    assert meta(head, "og:title")
    assert meta(head, "og:url") == f"http://localhost{url}"
    assert meta(head, "twitter:card") == "summary_large_image"
    image_url = meta(head, "og:image")
    assert image_url.startswith("http://testserver/media/images/")
    assert image_url.endswith(".fill-1200x630.png") or ".fill-1200x630." in image_url
    assert meta(head, "og:image:width") == "1200"
    assert default_storage.exists(image_url.removeprefix("http://testserver/media/"))
    data = json_ld(head)
    types = [item["@type"] for item in data]
    assert "BreadcrumbList" in types
    if schema_type:
        assert types[0] == schema_type


def test_description_falls_back_to_the_page_summary(client, seo_site):
    head = head_of(client.get("/campaigns/2021/"))
    assert html.unescape(meta(head, "description")) == seo_site.theme_summary
    seo_site.search_description = "Written for search engines."
    seo_site.save_revision().publish()
    head = head_of(client.get("/campaigns/2021/"))
    assert meta(head, "description") == "Written for search engines."


def test_events_share_their_campaign_picture_and_pages_the_site_one(client, seo_site):
    event_image = meta(head_of(client.get("/campaigns/2021/appg/")), "og:image")
    assert "including-infants-banner" in event_image or "image" in event_image
    campaign_image = meta(head_of(client.get("/campaigns/2021/")), "og:image")
    assert event_image == campaign_image
    archive_image = meta(head_of(client.get("/campaigns/")), "og:image")
    assert archive_image != campaign_image


def test_kept_page_meta_links_the_share_image_on_the_scheme_asked_on(client, seo_site):
    assert meta(head_of(client.get("/campaigns/2021/")), "og:image").startswith(
        "http://testserver/"
    )
    secure = head_of(client.get("/campaigns/2021/", secure=True))
    assert meta(secure, "og:image").startswith("https://testserver/")


def test_event_json_ld_has_the_required_properties(client, seo_site):
    (event, breadcrumbs) = json_ld(head_of(client.get("/campaigns/2021/appg/")))
    assert event["@context"] == "https://schema.org"
    assert event["name"] == "APPG for Conception to Age Two"
    assert event["startDate"] == "2021-06-08T09:30:00+01:00"
    assert event["endDate"] == "2021-06-08T11:00:00+01:00"
    assert event["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert event["location"]["@type"] == "VirtualLocation"
    assert event["organizer"]["name"] == "Parent-Infant Foundation"
    names = [item["name"] for item in breadcrumbs["itemListElement"]]
    assert names == [
        "Home",
        "Awareness weeks",
        seo_site.title,
        "APPG for Conception to Age Two",
    ]


def test_organization_json_ld_on_the_home_page(client, seo_site):
    organisation = json_ld(head_of(client.get("/")))[0]
    assert organisation["@type"] == "Organization"
    assert organisation["name"] == "Parent-Infant Foundation"
    assert organisation["url"] == "https://example.org/"


def test_json_ld_cannot_be_broken_out_of(client, seo_site):
    event = EventPageFactory(
        parent=seo_site,
        title="</script><script>alert(1)</script>",
        start=london(2021, 6, 9, 10),
    )
    head = head_of(client.get(event.url))
    assert "<script>alert(1)" not in head
    assert json_ld(head)[0]["name"] == "</script><script>alert(1)</script>"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_exactly_the_live_public_pages(client, seo_site, home_page):
    for page in Page.objects.filter(depth__gt=1, live=True).specific():
        page.save_revision().publish()
    draft = StandardPage(title="Draft", slug="draft", live=False)
    home_page.add_child(instance=draft)
    response = client.get("/sitemap.xml")
    tree = fromstring(response.content)
    urls = {node.findtext(f"{SITEMAP}loc") for node in tree.iter(f"{SITEMAP}url")}
    assert urls == {
        "http://localhost/",
        "http://localhost/about/",
        "http://localhost/blog/",
        "http://localhost/blog/a-post/",
        "http://localhost/campaigns/",
        "http://localhost/campaigns/2021/",
        "http://localhost/campaigns/2021/appg/",
    }
    assert all(
        node.findtext(f"{SITEMAP}lastmod") for node in tree.iter(f"{SITEMAP}url")
    )


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"] == "text/plain"
    lines = robots.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_favicon_and_manifest_are_served(client):
    assert client.get("/favicon.ico").status_code == 301
    head = head_of(client.get("/"))
    assert 'rel="manifest"' in head
    assert 'rel="icon"' in head


def test_post_published_elsewhere_is_an_article_pointing_at_the_original(
    client, seo_site, home_page
):
    from blog.factories import AuthorFactory, BlogPostPageFactory
    from blog.models import BlogIndexPage

    post = BlogPostPageFactory(
        parent=BlogIndexPage.objects.get(),
        title="Where is the I in CAMHS?",
        campaign=seo_site,
        original_url="https://www.acamh.org/",
        original_publication="ACAMH",
        authors=[AuthorFactory(name="Sally Hogg")],
    )
    head = head_of(client.get(post.url))
    assert '<link rel="canonical" href="https://www.acamh.org/">' in head
    assert meta(head, "og:type") == "article"
    assert meta(head, "og:image")  # The campaign's picture stands in for the post's.
    posting = json_ld(head)[0]
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Where is the I in CAMHS?"
    assert posting["author"] == [{"@type": "Person", "name": "Sally Hogg"}]
    assert posting["datePublished"] == post.date.isoformat()
    assert posting["publisher"]["name"] == "Parent-Infant Foundation"
