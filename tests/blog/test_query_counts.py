"""Public blog pages cost the same number of queries for 5 posts as for 100.

Each post has two authors and three tags, half have a card image, and the first
author has a photo: the shapes that cause one query per post when a listing forgets
to prefetch.
"""

import pytest
from wagtail_factories import ImageFactory

from blog.factories import AuthorFactory, BlogPostPageFactory

# Measured on SQLite with the suite's settings; a change here is a change in
# behaviour to explain, not a number to bump.
QUERIES = {
    "index": 19,
    "index_page_2": 19,
    "tag": 20,
    "author": 19,
    "campaign": 21,
    "rss": 12,
    "tag_atom": 13,
    "post": 26,
}


@pytest.fixture(params=[5, 100], ids=["5 posts", "100 posts"])
def busy_blog(request, blog, campaigns):
    authors = [AuthorFactory(name=f"Author {n}") for n in range(6)]
    authors[0].photo = ImageFactory()
    authors[0].save()
    for n in range(request.param):
        BlogPostPageFactory(
            parent=blog,
            campaign=campaigns[2021],
            image=ImageFactory() if n % 2 else None,
            authors=[authors[n % 6], authors[(n + 1) % 6]],
            tags=["common", f"topic {n % 7}", f"theme {n % 5}"],
        )
    # The post under test always has the same shape, whatever else is in the blog.
    post = BlogPostPageFactory(
        parent=blog,
        title="The post under test",
        campaign=campaigns[2021],
        image=ImageFactory(),
        authors=[authors[0], authors[1]],
        tags=["common", "topic 1", "theme 1"],
    )
    return {
        "index": "/blog/",
        "index_page_2": "/blog/?page=2",
        "tag": "/blog/tags/common/",
        "author": f"/blog/authors/{authors[1].slug}/",
        "campaign": "/blog/campaigns/2021/",
        "rss": "/blog/feed/rss/",
        "tag_atom": "/blog/tags/common/feed/atom/",
        "post": post.url,
    }


@pytest.mark.django_db
def test_blog_pages_render_in_a_fixed_number_of_queries(
    client, busy_blog, django_assert_num_queries
):
    for name, url in busy_blog.items():
        client.get(url)  # make the image renditions once, as the first visitor does
        with django_assert_num_queries(QUERIES[name]):
            response = client.get(url)
        assert response.status_code == 200, name


@pytest.mark.django_db
def test_latest_and_campaign_posts_cost_six_queries_however_many(
    blog, campaigns, django_assert_num_queries
):
    from blog.models import latest_posts, posts_for_campaign

    for n in range(12):
        BlogPostPageFactory(
            parent=blog,
            campaign=campaigns[2020],
            image=ImageFactory() if n % 3 == 0 else None,
            authors=[AuthorFactory(), AuthorFactory()],
            tags=[f"tag {n}", "shared"],
        )
    # View restrictions, posts, card images, their renditions, authors, tags.
    for listing in (
        lambda: latest_posts(6),
        lambda: posts_for_campaign(campaigns[2020]),
    ):
        with django_assert_num_queries(6):
            posts = list(listing())
            names = [(a.name for a in p.authors) for p in posts]
            tags = [t.name for p in posts for t in p.tag_list]
        assert names and tags
