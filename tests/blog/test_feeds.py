"""RSS 2.0 and Atom feeds, whole and per tag, parsed as a feed reader would."""

import feedparser
import pytest


def parse(client, url, **request):
    response = client.get(url, **request)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "version", "content_type"),
    [
        ("/blog/feed/rss/", "rss20", "application/rss+xml"),
        ("/blog/feed/atom/", "atom10", "application/atom+xml"),
    ],
)
def test_feed_is_valid_with_every_post_newest_first(
    client, posts, url, version, content_type
):
    response, feed = parse(client, url)
    assert response["Content-Type"].startswith(content_type)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == "Blog | Infant Mental Health Awareness Week"
    assert feed.feed.link == "http://testserver/blog/"
    assert [entry.title for entry in feed.entries] == [
        "Including infants",
        "Where is the ‘I’ in Mental Health?",
        "IMH matters now more than ever",
        "Where is the I in CAMHS?",
    ]
    first = feed.entries[0]
    assert first.link == "http://testserver/blog/including-infants/"
    assert first.published_parsed[:3] == (2021, 6, 6)  # midnight BST is 23:00 UTC
    assert first.author == "Karen Bateson, Sally Hogg"
    assert {tag.term for tag in first.tags} == {"infant mental health", "policy"}
    assert first.summary == posts["including"].intro


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_tag_feed_lists_only_that_tags_posts(client, posts, kind):
    _, feed = parse(client, f"/blog/tags/policy/feed/{kind}/")
    assert not feed.bozo
    assert "“policy”" in feed.feed.title
    assert feed.feed.link == "http://testserver/blog/tags/policy/"
    assert [entry.title for entry in feed.entries] == [
        "Including infants",
        "Where is the ‘I’ in Mental Health?",
    ]


@pytest.mark.django_db
def test_feed_entry_for_a_post_elsewhere_names_the_publication(client, posts):
    _, feed = parse(client, "/blog/feed/rss/")
    camhs = feed.entries[-1]
    assert camhs.summary.endswith("(First published in ACAMH.)")
    assert camhs.link == "http://testserver/blog/where-is-the-i-in-camhs/"


@pytest.mark.django_db
def test_empty_blog_has_a_valid_empty_feed(client, blog):
    _, feed = parse(client, "/blog/feed/atom/")
    assert not feed.bozo
    assert feed.entries == []


@pytest.mark.django_db
def test_blog_pages_advertise_their_feeds(client, posts):
    content = client.get("/blog/").content.decode()
    assert 'type="application/rss+xml"' in content
    assert 'href="/blog/feed/atom/"' in content


@pytest.mark.django_db
def test_a_kept_feed_links_to_the_host_and_scheme_it_is_asked_on(client, posts):
    parse(client, "/blog/feed/rss/")  # Kept with links to http://testserver.
    _, feed = parse(client, "/blog/feed/rss/", HTTP_HOST="localhost")
    assert feed.feed.link == "http://localhost/blog/"
    assert feed.entries[0].link == "http://localhost/blog/including-infants/"
    _, feed = parse(client, "/blog/feed/rss/", HTTP_HOST="localhost", secure=True)
    assert feed.entries[0].link == "https://localhost/blog/including-infants/"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_is_sent_in_one_piece_not_a_piece_per_tag(client, posts, kind):
    response, _ = parse(client, f"/blog/feed/{kind}/")
    assert len(list(response)) == 1  # What the server writes to the socket, in turn.
