"""The blog's listings: newest first, by tag, author and campaign, and paginated."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

import pytest

from blog.factories import BlogPostPageFactory
from blog.models.index import POSTS_PER_PAGE, SIDEBAR_TOPICS, TOPICS_PER_PAGE


def text(response) -> str:
    """The page's HTML with runs of whitespace made single spaces."""
    return " ".join(response.content.decode().split())


def titles(response) -> list[str]:
    return [post.title for post in response.context["posts"]]


def sidebar_topics(response) -> list[str]:
    """The names of the topics in the sidebar, in order, with their counts."""
    html = response.content.decode()
    cloud = html[html.index('<ul class="tag-cloud"') : html.index("Follow the blog")]
    return [
        " ".join(re.sub(r"<[^>]+>", "", item).split())
        for item in re.findall(r"<li>(.*?)</li>", cloud, re.DOTALL)
    ]


def topic_links(response) -> list[str]:
    """The tag pages the list of all topics links to, in order."""
    main = response.content.decode().split('<main id="main"')[1]
    return re.findall(r'class="post-tags__tag" href="/blog/tags/([^/]+)/"', main)


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
def test_sidebar_counts_live_posts_per_topic_most_used_first(client, posts, blog):
    BlogPostPageFactory(parent=blog, live=False, tags=["policy", "draft topic"])
    response = client.get("/blog/")
    assert sidebar_topics(response) == [
        "infant mental health (3 posts)",
        "policy (2 posts)",
        "CAMHS (1 post)",
        "health visiting (1 post)",
    ]
    assert '<a href="/blog/topics/">All topics, A to Z</a>' in text(response)


@pytest.fixture
def many_topics(blog):
    """More topics than the sidebar shows: "topic 00" on the most posts, down to
    "topic NN" on one."""
    count = SIDEBAR_TOPICS + 3
    names = [f"topic {n:02}" for n in range(count)]
    for n in range(count):
        BlogPostPageFactory(parent=blog, title=f"Post {n}", tags=names[: n + 1])
    return names


@pytest.mark.django_db
def test_sidebar_names_the_most_used_topics_and_links_to_all(client, many_topics):
    for url in ("/blog/", "/blog/?page=2", "/blog/tags/topic-00/"):
        response = client.get(url)
        shown = sidebar_topics(response)
        assert len(shown) == SIDEBAR_TOPICS
        assert shown[0] == f"topic 00 ({len(many_topics)} posts)"
        assert shown[-1].startswith(f"topic {SIDEBAR_TOPICS - 1:02} ")
        assert "Popular topics" in text(response)
        assert '<a href="/blog/topics/">All topics, A to Z</a>' in text(response)


@pytest.mark.django_db
def test_tag_page_of_a_less_used_topic_lists_its_posts(client, many_topics):
    rare = many_topics[-1]
    response = client.get(f"/blog/tags/{slugify(rare)}/")
    assert response.status_code == 200
    assert titles(response) == [f"Post {len(many_topics) - 1}"]
    assert f"Posts tagged “{rare}”" in response.content.decode()
    assert rare not in " ".join(sidebar_topics(response))


@pytest.mark.django_db
def test_every_tag_page_costs_the_same_queries(client, many_topics):
    counts = []
    for slug in (slugify(many_topics[0]), slugify(many_topics[-1])):
        client.get(f"/blog/tags/{slug}/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/blog/tags/{slug}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_all_topics_are_listed_a_to_z_with_their_counts(client, posts):
    response = client.get("/blog/topics/")
    assert response.status_code == 200
    assert "<h1>All topics</h1>" in text(response)
    assert topic_links(response) == [
        "camhs",
        "health-visiting",
        "infant-mental-health",
        "policy",
    ]
    assert (
        'href="/blog/tags/infant-mental-health/">infant mental health<span '
        'class="tag-cloud__count"> (3<span class="visually-hidden"> posts</span>)'
    ) in text(response)
    assert b'<link rel="canonical" href="http://localhost/blog/topics/">' in (
        response.content
    )
    assert "Pages of topics" not in text(response)


@pytest.fixture
def topics_for_pages(blog):
    """One post with more topics than a page of the list holds: "topic 000" and on."""
    names = [f"topic {n:03}" for n in range(TOPICS_PER_PAGE + 5)]
    BlogPostPageFactory(parent=blog, title="Everything", tags=names[::-1])
    return names


@pytest.mark.django_db
def test_list_of_all_topics_has_pages(client, topics_for_pages):
    first = client.get("/blog/topics/")
    slugs = [slugify(name) for name in topics_for_pages]
    assert topic_links(first) == slugs[:TOPICS_PER_PAGE]
    assert 'rel="next" href="/blog/topics/?page=2">More topics</a>' in text(first)
    second = client.get("/blog/topics/?page=2")
    assert topic_links(second) == slugs[TOPICS_PER_PAGE:]
    assert 'rel="prev" href="/blog/topics/">Previous topics</a>' in text(second)
    assert b'<link rel="canonical" href="http://localhost/blog/topics/?page=2">' in (
        second.content
    )
    assert "All topics (page 2)" in text(second)
    for asked, shown in [("abc", slugs[:TOPICS_PER_PAGE]), ("99", slugs[-5:])]:
        response = client.get("/blog/topics/", {"page": asked})
        assert response.status_code == 200
        assert topic_links(response) == shown


@pytest.mark.django_db
def test_list_of_all_topics_costs_the_same_queries_however_many(client, blog):
    counts = []
    for names in (["a", "b"], [f"more {n}" for n in range(TOPICS_PER_PAGE * 2)]):
        BlogPostPageFactory(parent=blog, tags=names)
        client.get("/blog/topics/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/blog/topics/")
        counts.append(len(queries))
    assert len(topic_links(response)) == TOPICS_PER_PAGE
    assert counts[0] == counts[1]


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
def test_each_page_of_a_kept_listing_keeps_its_own_canonical_link(client, many_posts):
    for path in ["/blog/", "/blog/?page=2", "/blog/tags/many/?page=2", "/blog/?page=2"]:
        canonical = f'<link rel="canonical" href="http://localhost{path}">'
        assert canonical in text(client.get(path))


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


@pytest.mark.django_db
def test_kept_listings_topics_and_feeds_show_a_new_post_at_once(client, posts, blog):
    listings = ["/blog/", "/blog/tags/policy/", "/blog/topics/"]
    feeds = ["/blog/feed/rss/", "/blog/tags/policy/feed/atom/"]
    for url in listings + feeds:
        client.get(url)
    post = BlogPostPageFactory(
        parent=blog,
        title="Brand new thinking",
        date=datetime.date(2021, 6, 8),  # The newest.
        tags=["policy"],
        live=False,
    )
    post.save_revision().publish()  # As an editor does.
    for url in feeds:
        assert "Brand new thinking" in client.get(url).content.decode(), url
    assert titles(client.get("/blog/"))[0] == "Brand new thinking"
    tag_page = client.get("/blog/tags/policy/")
    assert titles(tag_page)[0] == "Brand new thinking"
    assert "policy (3 posts)" in sidebar_topics(tag_page)
    assert "policy<span" in text(client.get("/blog/topics/"))
    assert "(3<span" in text(client.get("/blog/topics/"))
