"""The blog's listings fetch their posts in a fixed number of queries, however many.

Each post has two authors and two tags, and some a card image: the shapes that cause
one query per post when a listing forgets to prefetch. Every public page's budget is
in tests/home/test_query_budgets.py.
"""

import pytest
from wagtail_factories import ImageFactory

from blog.factories import AuthorFactory, BlogPostPageFactory
from blog.models import latest_posts


@pytest.mark.parametrize("count", [3, 12])
def test_latest_and_campaign_posts_cost_five_queries_however_many(
    blog, campaigns, count, django_assert_num_queries
):
    for n in range(count):
        BlogPostPageFactory(
            parent=blog,
            campaign=campaigns[2020],
            image=ImageFactory() if n % 3 == 0 else None,
            authors=[AuthorFactory(), AuthorFactory()],
            tags=[f"tag {n}", "shared"],
        )
    # The view restrictions (Wagtail's public()), the posts with their card images,
    # the images' renditions, authors and tags.
    for listing in (
        lambda: latest_posts(6),
        lambda: campaigns[2020].blog_posts.for_listing(),
    ):
        with django_assert_num_queries(5):
            posts = list(listing())
            names = [author.name for post in posts for author in post.authors]
            tags = [tag.name for post in posts for tag in post.tag_list]
            pictures = [post.image.title for post in posts if post.image]
        assert len(names) == 2 * len(posts)
        assert "shared" in tags
        assert pictures
