import datetime
import re

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

import pytest

from blog.factories import AuthorFactory, BlogIndexPageFactory, BlogPostPageFactory
from campaigns.factories import ResourceFactory
from campaigns.models import Resource
from home.models import StandardPage

from ..conftest import london


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
    briefing("Briefing for Commissioners")
    content = client.get("/search/", {"q": "Conception"}).content.decode()
    assert 'href="/campaigns/2021/appg/"' in content
    assert "Event" in content
    resources = client.get("/search/", {"q": "Commissioners"}).content.decode()
    assert "Briefing for Commissioners" in resources
    assert "(PDF," in resources


def briefing(title: str) -> None:
    document = Document(title=title)
    document.file.save("briefing.pdf", ContentFile(b"%PDF-1.4"))
    ResourceFactory(title=title, document=document, link="")


def test_downloads_found_cost_no_query_each(client, home_page):
    def queries_for_briefings() -> int:
        client.get("/search/", {"q": "briefing"})  # Notes each new file's size.
        with CaptureQueriesContext(connection) as queries:
            content = client.get("/search/", {"q": "briefing"}).content.decode()
        assert content.count("(PDF,") == Resource.objects.count()
        return len(queries)

    briefing("Briefing for MPs")
    one = queries_for_briefings()
    for audience in ("commissioners", "health visitors", "nurseries"):
        briefing(f"Briefing for {audience}")
    assert queries_for_briefings() == one


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
    blog = BlogIndexPageFactory(parent=home_page)
    sally = AuthorFactory(name="Sally Hogg", organisation="Parent-Infant Foundation")
    BlogPostPageFactory(parent=blog, title="Where is the I in CAMHS?", authors=[sally])
    content = client.get("/search/", {"q": "CAMHS"}).content.decode()
    assert "Where is the I in CAMHS?" in content
    assert "Blog post" in content
    authors = client.get("/search/", {"q": "Hogg"}).content.decode()
    assert "Author" in authors
    assert f'href="/blog/authors/{sally.slug}/"' in authors


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page)


def post(blog, title: str, intro: str, published: datetime.datetime):
    return BlogPostPageFactory(
        parent=blog, title=title, intro=intro, first_published_at=published
    )


def result_titles(client, query: str, page: int = 1) -> list[str]:
    """The titles of the results listed, top to bottom."""
    content = client.get("/search/", {"q": query, "page": page}).content.decode()
    return re.findall(r'search-result__title">\s*<a href="[^"]*">([^<]*)</a>', content)


def test_pages_with_the_words_in_their_title_come_first(client, blog):
    post(blog, "Sleep and settling", "Weaning and sleep.", london(2024, 5, 1))
    post(blog, "A guide to weaning twins", "Two at once.", london(2019, 5, 1))
    post(blog, "Weaning", "Where to start.", london(2018, 5, 1))
    assert result_titles(client, "weaning") == [
        "Weaning",  # The closest title: the shortest with every word.
        "A guide to weaning twins",
        "Sleep and settling",
    ]


def test_other_matches_are_listed_newest_first(client, blog):
    post(blog, "Older news", "Notes on weaning.", london(2020, 5, 1))
    post(blog, "Newer news", "More on weaning.", london(2023, 5, 1))
    post(blog, "Unrelated news", "Nothing on feeding.", london(2024, 5, 1))
    assert result_titles(client, "weaning") == ["Newer news", "Older news"]


def test_results_continue_in_order_on_the_next_page(client, blog):
    for day in range(1, 13):
        post(blog, f"Week {day}", "Notes on weaning.", london(2023, 5, day))
    response = client.get("/search/", {"q": "weaning", "page": 2})
    assert "12 pages found" in response.content.decode()
    assert result_titles(client, "weaning", page=2) == ["Week 2", "Week 1"]


def test_search_never_shows_private_pages(client, pages):
    private = StandardPage(title="Board papers", slug="board", intro="Babies' budget.")
    pages.add_child(instance=private)
    assert result_titles(client, "babies") == ["About the week", "Board papers"]
    PageViewRestriction.objects.create(
        page=pages, restriction_type=PageViewRestriction.LOGIN
    )
    content = client.get("/search/", {"q": "babies"}).content.decode()
    assert "About the week" not in content
    assert "Board papers" not in content
    assert "0 pages found" in content


def test_authors_are_found_by_part_of_their_name_or_organisation(client, blog):
    AuthorFactory(name="Sally Hogg", organisation="Parent-Infant Foundation")
    AuthorFactory(name="Ben Grey", organisation="NSPCC")
    by_name = client.get("/search/", {"q": "Sal"}).content.decode()
    assert "Sally Hogg" in by_name
    assert "Ben Grey" not in by_name
    by_organisation = client.get("/search/", {"q": "infant foundation"})
    assert "Sally Hogg" in by_organisation.content.decode()


def test_kept_results_show_a_publish_or_a_restriction_at_once(client, blog):
    post(blog, "Older news", "Notes on weaning.", london(2020, 5, 1))
    assert result_titles(client, "weaning") == ["Older news"]  # Now kept.
    newer = post(blog, "Newer news", "More on weaning.", london(2023, 5, 1))
    newer.save_revision().publish()
    assert result_titles(client, "weaning") == ["Newer news", "Older news"]
    PageViewRestriction.objects.create(
        page=newer, restriction_type=PageViewRestriction.LOGIN
    )
    assert result_titles(client, "weaning") == ["Older news"]
