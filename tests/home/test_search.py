from django.core.files.base import ContentFile

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document

import pytest

from campaigns.factories import ResourceFactory
from home.models import StandardPage


@pytest.fixture
def pages(home_page):
    about = StandardPage(title="About the week", slug="about", intro="Babies first.")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    draft = StandardPage(title="Secret babies plan", slug="secret", live=False)
    home_page.add_child(instance=draft)
    return about


def test_search_finds_pages_and_says_their_type(client, campaign, pages):
    content = client.get("/search/", {"q": "Including Infants"}).content.decode()
    assert 'href="/campaigns/2021/"' in content
    assert "Campaign" in content


def test_search_finds_a_campaign_by_its_hashtag(client, campaign):
    campaign.save_revision().publish()  # The hashtags were added after it was made.
    content = client.get("/search/", {"q": "IMHAW21"}).content.decode()
    assert 'href="/campaigns/2021/"' in content


def test_search_finds_events_and_resources(client, campaign):
    document = Document(title="Briefing file")
    document.file.save("briefing.pdf", ContentFile(b"%PDF-1.4"))
    ResourceFactory(title="Briefing for Commissioners", document=document, link="")
    content = client.get("/search/", {"q": "Conception"}).content.decode()
    assert 'href="/campaigns/2021/appg/"' in content
    assert "Event" in content
    resources = client.get("/search/", {"q": "Commissioners"}).content.decode()
    assert "Briefing for Commissioners" in resources
    assert "(PDF," in resources


def test_search_never_shows_drafts(client, pages):
    content = client.get("/search/", {"q": "babies"}).content.decode()
    assert "About the week" in content
    assert "Secret babies plan" not in content


def test_editors_promoted_results_come_first(client, campaign, pages):
    query = Query.objects.create(query_string="pledge")
    SearchPromotion.objects.create(
        query=query, page=pages, sort_order=0, description="Read this"
    )
    content = client.get("/search/", {"q": "Pledge"}).content.decode()
    recommended = content.index("Recommended")
    assert recommended < content.index('href="/about/"') < content.index("found for")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", " ", '"', "'", "*", "(", "AND", "OR NOT", "a" * 5000, "\x00", "%", "🙂" * 50],
)
def test_odd_queries_are_answered_without_error(client, home_page, query):
    response = client.get("/search/", {"q": query, "page": "x"})
    assert response.status_code == 200


def test_out_of_range_page_shows_the_last_page(client, campaign):
    response = client.get("/search/", {"q": "Infants", "page": "999"})
    assert response.status_code == 200
    assert b"Including Infants" in response.content or b"found" in response.content


def test_search_finds_posts_and_authors(client, home_page):
    from blog.factories import AuthorFactory, BlogIndexPageFactory, BlogPostPageFactory

    blog = BlogIndexPageFactory(parent=home_page)
    sally = AuthorFactory(name="Sally Hogg", organisation="Parent-Infant Foundation")
    BlogPostPageFactory(parent=blog, title="Where is the I in CAMHS?", authors=[sally])
    content = client.get("/search/", {"q": "CAMHS"}).content.decode()
    assert "Where is the I in CAMHS?" in content
    assert "Blog post" in content
    authors = client.get("/search/", {"q": "Hogg"}).content.decode()
    assert "Author" in authors
    assert f'href="/blog/authors/{sally.slug}/"' in authors
