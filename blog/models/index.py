"""The blog: all posts newest first, listings by tag, author and campaign, and feeds."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.utils.html import format_html

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from taggit.models import Tag

from home.content_cache import remember
from home.pages import BasePage

from .author import Author
from .post import BlogPostPage

POSTS_PER_PAGE = 10


def page_number(value: str | None, last_page: int) -> int:
    """The page asked for, or the nearest real one: bad input never raises."""
    try:
        number = int(value or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(last_page, 1))


class BlogIndexPage(RoutablePageMixin, BasePage):
    """The blog: all posts newest first, by tag, author or campaign, and feeds."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two above the list of posts.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]
    max_count = 1

    class Meta:
        verbose_name = "blog"

    def get_canonical_url(self, request=None) -> str:
        """The URL of the listing being shown: each tag, author, campaign and page of
        posts is its own page to search engines. `render_listing` records it on this
        instance, which Wagtail loads afresh for every request."""
        return getattr(self, "listing_canonical_url", None) or self.get_full_url(
            request
        )

    def posts(self):
        """Live posts under this blog, newest first, ready for cards."""
        return BlogPostPage.objects.child_of(self).for_listing()

    def tag_cloud(self):
        """Tags used by live posts here, by name, each with its number of posts."""
        live_posts = BlogPostPage.objects.child_of(self).live().public().values("pk")
        return (
            Tag.objects.filter(blog_blogposttag_items__content_object__in=live_posts)
            .annotate(post_count=Count("blog_blogposttag_items"))
            .order_by("name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blog_url = self.get_url(request)
        context.update(
            blog_url=blog_url,
            tag_cloud=self.tag_cloud(),
            rss_url=blog_url + self.reverse_subpage("rss_feed"),
            atom_url=blog_url + self.reverse_subpage("atom_feed"),
        )
        return context

    def render_listing(self, request, posts, *, subpage: str, **context):
        """One page of `posts` with its own canonical URL; bad page numbers are
        corrected to the nearest page rather than refused."""
        paginator = Paginator(posts, POSTS_PER_PAGE)
        number = page_number(request.GET.get("page"), paginator.num_pages)
        page_of_posts = paginator.page(number) if paginator.count else None
        canonical_url = self.get_full_url(request) + subpage.lstrip("/")
        if number > 1:
            canonical_url += f"?page={number}"
        self.listing_canonical_url = canonical_url
        context.update(
            posts=page_of_posts.object_list if page_of_posts else [],
            page_of_posts=page_of_posts,
            listing_url=self.get_url(request) + subpage.lstrip("/"),
        )
        return self.render(
            request,
            template=context.pop("template", self.get_template(request)),
            context_overrides=context,
        )

    @path("")
    def all_posts(self, request):
        return self.render_listing(
            request, self.posts(), subpage="", listing_title=self.title
        )

    @path("tags/<slug:tag>/")
    def posts_by_tag(self, request, tag):
        tag_cloud = list(self.tag_cloud())
        # The sidebar's cloud has the tag whenever a live post has it.
        in_cloud = next((item for item in tag_cloud if item.slug == tag), None)
        tag = in_cloud or self._tag_or_404(tag)
        return self.render_listing(
            request,
            self.posts().filter(tagged_items__tag=tag),
            subpage=self.reverse_subpage("posts_by_tag", args=[tag.slug]),
            listing_title=format_html("Posts tagged “{}”", tag.name),
            tag=tag,
            tag_cloud=tag_cloud,
            tag_rss_url=self.get_url(request)
            + self.reverse_subpage("tag_rss_feed", args=[tag.slug]),
            tag_atom_url=self.get_url(request)
            + self.reverse_subpage("tag_atom_feed", args=[tag.slug]),
        )

    @path("authors/<slug:slug>/")
    def posts_by_author(self, request, slug):
        author = Author.objects.select_related("photo").filter(slug=slug).first()
        if author is None:
            raise Http404("No such author.")
        return self.render_listing(
            request,
            self.posts().filter(post_authors__author=author).distinct(),
            subpage=self.reverse_subpage("posts_by_author", args=[slug]),
            listing_title=f"Posts by {author.name}",
            author=author,
            template="blog/author_page.html",
        )

    @path("campaigns/<int:year>/")
    def posts_by_campaign(self, request, year):
        from campaigns.models import CampaignPage

        campaign = (
            CampaignPage.objects.live()
            .public()
            .defer_streamfields()
            .filter(year=year)
            .first()
        )
        if campaign is None:
            raise Http404("No awareness week that year.")
        return self.render_listing(
            request,
            self.posts().filter(campaign=campaign),
            subpage=self.reverse_subpage("posts_by_campaign", args=[year]),
            listing_title=f"Posts from {campaign.title}",
            campaign=campaign,
        )

    @path("feed/rss/")
    def rss_feed(self, request):
        from ..feeds import BlogFeed

        return BlogFeed(self, "rss")(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        from ..feeds import BlogFeed

        return BlogFeed(self, "atom")(request)

    @path("tags/<slug:tag>/feed/rss/")
    def tag_rss_feed(self, request, tag):
        from ..feeds import BlogFeed

        return BlogFeed(self, "rss", tag=self._tag_or_404(tag))(request)

    @path("tags/<slug:tag>/feed/atom/")
    def tag_atom_feed(self, request, tag):
        from ..feeds import BlogFeed

        return BlogFeed(self, "atom", tag=self._tag_or_404(tag))(request)

    def _tag_or_404(self, slug: str) -> Tag:
        """The tag with this slug, if any post in this blog has ever used it."""
        tag = (
            Tag.objects.filter(
                slug=slug,
                blog_blogposttag_items__content_object__path__startswith=self.path,
            )
            .distinct()
            .first()
        )
        if tag is None:
            raise Http404("No posts have that tag.")
        return tag


def live_blog() -> BlogIndexPage | None:
    """The site's blog (it has one at most), kept until the content changes."""
    return remember("live-blog", lambda: BlogIndexPage.objects.live().first())
