"""RSS 2.0 and Atom feeds of the blog, whole or by tag, from Django's syndication."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
FEED_LENGTH = 20


class BlogFeed(Feed):
    """The newest posts of one blog, optionally only those with one tag.

    Made by the blog (`BlogIndexPage.feed`), which has already found the tag (or
    answered 404), so the feed never looks anything up by URL.
    """

    def __init__(self, blog_index, posts, kind: str, tag=None):
        super().__init__()
        self.blog_index = blog_index
        self.posts = posts
        self.feed_type = FEED_TYPES[kind]
        self.tag = tag
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        site_title = f"{self.blog_index.title} | {settings.WAGTAIL_SITE_NAME}"
        return (
            f"Posts tagged “{self.tag.name}” | {site_title}" if self.tag else site_title
        )

    def link(self) -> str:
        url = self.blog_index.get_url(self.request)
        if self.tag:
            url += self.blog_index.reverse_subpage("posts_by_tag", args=[self.tag.slug])
        return url

    def feed_url(self) -> str:
        return self.request.build_absolute_uri(self.request.path)

    def description(self) -> str:
        about = f" tagged “{self.tag.name}”" if self.tag else ""
        return f"The newest posts{about} from the {settings.WAGTAIL_SITE_NAME} blog."

    def author_name(self) -> str:
        return settings.WAGTAIL_SITE_NAME

    def items(self):
        """The newest posts, with their authors and tags."""
        posts = self.posts.for_feed()
        if self.tag:
            posts = posts.filter(tagged_items__tag=self.tag)
        return posts[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        if item.is_published_elsewhere:
            return f"{item.intro} (First published in {item.original_publication}.)"
        return item.intro

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item) -> str:
        return ", ".join(author.name for author in item.authors)

    def item_categories(self, item) -> list[str]:
        return [tag.name for tag in item.tag_list]
