"""The blog's listings: newest first, by tag, author and campaign, and paginated."""

import pytest

from blog.factories import BlogPostPageFactory
from blog.models.index import POSTS_PER_PAGE


def text(response) -> str:
    """The page's HTML with runs of whitespace made single spaces."""
    return " ".join(response.content.decode().split())


def titles(response) -> list[str]:
    return [post.title for post in response.context["posts"]]


@pytest.mark.django_db
def test_blog_lists_live_posts_newest_first(client, posts, blog):
    draft = BlogPostPageFactory(parent=blog, title="Unpublished thoughts", live=False)
    response = client.get("/blog/")
    assert response.status_code == 200
    assert titles(response) == [
        "Including infants",
        "Where is the ‘I’ in Mental Health?",
        "IMH matters now more than ever",
        "Where is the I in CAMHS?",
    ]
    assert draft.title.encode() not in response.content


@pytest.mark.django_db
def test_blog_cards_link_authors_and_tags(client, posts):
    response = client.get("/blog/")
    assert b'href="/blog/authors/karen-bateson/">Karen Bateson</a>' in response.content
    assert b'href="/blog/tags/infant-mental-health/">infant mental health' in (
        response.content
    )


@pytest.mark.django_db
def test_tag_cloud_counts_live_posts_per_tag(client, posts):
    response = client.get("/blog/")
    cloud = {tag.name: tag.post_count for tag in response.context["tag_cloud"]}
    assert cloud == {
        "CAMHS": 1,
        "health visiting": 1,
        "infant mental health": 3,
        "policy": 2,
    }


@pytest.mark.django_db
def test_tag_page_lists_only_posts_with_that_tag(client, posts):
    response = client.get("/blog/tags/policy/")
    assert response.status_code == 200
    assert titles(response) == [
        "Including infants",
        "Where is the ‘I’ in Mental Health?",
    ]
    assert "Posts tagged “policy”" in response.content.decode()
    assert b'<link rel="canonical" href="http://localhost/blog/tags/policy/">' in (
        response.content
    )
    assert b'href="/blog/tags/policy/feed/rss/"' in response.content


@pytest.mark.django_db
def test_author_page_lists_their_posts_with_their_profile(client, posts):
    response = client.get("/blog/authors/karen-bateson/")
    assert response.status_code == 200
    assert titles(response) == ["Including infants"]
    assert b"<h1>Karen Bateson</h1>" in response.content
    assert b"Director, Parent-Infant Foundation" in response.content
    assert b'href="http://localhost/blog/authors/karen-bateson/"' in response.content

    sally = client.get("/blog/authors/sally-hogg/")
    assert len(titles(sally)) == 4


@pytest.mark.django_db
def test_campaign_page_lists_that_weeks_posts(client, posts):
    response = client.get("/blog/campaigns/2021/")
    assert titles(response) == ["Including infants"]
    assert b"Posts from Infant Mental Health Awareness Week 2021" in response.content
    assert b'href="http://localhost/blog/campaigns/2021/"' in response.content
    assert len(titles(client.get("/blog/campaigns/2020/"))) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/blog/tags/no-such-tag/",
        "/blog/tags/no-such-tag/feed/rss/",
        "/blog/authors/nobody/",
        "/blog/campaigns/1999/",
        "/blog/campaigns/not-a-year/",
        "/blog/tags/",
        "/blog/feed/",
    ],
)
def test_unknown_tags_authors_and_years_give_404(client, posts, url):
    assert client.get(url).status_code == 404


@pytest.fixture
def many_posts(blog):
    return [
        BlogPostPageFactory(parent=blog, title=f"Post {n:02}", tags=["many"])
        for n in range(POSTS_PER_PAGE * 2 + 3)
    ]


@pytest.mark.django_db
def test_listing_is_paginated_with_links_between_pages(client, many_posts):
    first = client.get("/blog/")
    assert len(titles(first)) == POSTS_PER_PAGE
    assert 'rel="next" href="/blog/?page=2"' in text(first)
    second = client.get("/blog/?page=2")
    assert titles(second)[0] == f"Post {len(many_posts) - POSTS_PER_PAGE - 1:02}"
    assert 'rel="prev" href="/blog/"' in text(second)
    assert b'<link rel="canonical" href="http://localhost/blog/?page=2">' in (
        second.content
    )
    last = client.get("/blog/tags/many/?page=3")
    assert len(titles(last)) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("0", 1),
        ("-4", 1),
        ("abc", 1),
        ("", 1),
        ("2.5", 1),
        ("99", 3),
        ("9" * 5000, 1),
        ("%00", 1),
    ],
)
def test_bad_page_numbers_show_the_nearest_page(client, many_posts, asked, shown):
    response = client.get("/blog/", {"page": asked})
    assert response.status_code == 200
    assert response.context["page_of_posts"].number == shown


@pytest.mark.django_db
def test_empty_blog_says_so(client, blog):
    response = client.get("/blog/?page=7")
    assert response.status_code == 200
    assert b"No posts here yet." in response.content
