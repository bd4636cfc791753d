from .author import Author
from .index import BlogIndexPage
from .post import (
    BlogPostAuthor,
    BlogPostPage,
    BlogPostTag,
    latest_posts,
)

__all__ = [
    "Author",
    "BlogIndexPage",
    "BlogPostAuthor",
    "BlogPostPage",
    "BlogPostTag",
    "latest_posts",
]
