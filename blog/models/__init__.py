from .author import Author
from .index import BlogIndexPage, live_blog
from .post import (
    BlogPostAuthor,
    BlogPostPage,
    BlogPostTag,
    latest_posts,
    posts_for_campaign,
)

__all__ = [
    "Author",
    "BlogIndexPage",
    "BlogPostAuthor",
    "BlogPostPage",
    "BlogPostTag",
    "latest_posts",
    "live_blog",
    "posts_for_campaign",
]
