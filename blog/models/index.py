"""The blog: all posts newest first, listings by tag, author and campaign, and feeds."""

from django.db.models import Count
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.utils.html import format_html

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from taggit.models import Tag

from campaigns.models import CampaignPage
from core.pages import BasePage
from core.pagination import paginate

from ..feeds import BlogFeed
from .author import Author
from .post import BlogPostPage

POSTS_PER_PAGE = 10
# The sidebar names the most used topics; the list of all topics has pages of its own.
SIDEBAR_TOPICS = 10
TOPICS_PER_PAGE = 60


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

    def posts(self):
        """Live posts under this blog, newest first, ready for cards."""
        return BlogPostPage.objects.child_of(self).for_listing()

    def tag_counts(self):
        """Tags used by live posts here, each with its number of posts."""
        live_posts = BlogPostPage.objects.child_of(self).live().public().values("pk")
        return Tag.objects.filter(
            blog_blogposttag_items__content_object__in=live_posts
        ).annotate(post_count=Count("blog_blogposttag_items"))

    def popular_tags(self) -> list[Tag]:
        """The sidebar's topics: the most used first."""
        return list(
            self.tag_counts().order_by("-post_count", Lower("name"), "name")[
                :SIDEBAR_TOPICS
            ]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blog_url = self.get_url(request)
        context.update(
            blog_url=blog_url,
            # Called by the template, so only by listings that show the sidebar.
            popular_tags=self.popular_tags,
            all_topics_url=blog_url + self.reverse_subpage("all_topics"),
            rss_url=blog_url + self.reverse_subpage("rss_feed"),
            atom_url=blog_url + self.reverse_subpage("atom_feed"),
        )
        return context

    def render_listing(self, request, posts, *, subpage: str, **context):
        """One page of `posts`, each listing and page of it with its own URL."""
        page_of_posts = paginate(
            self, request, posts, per_page=POSTS_PER_PAGE, subpage=subpage
        )
        context.update(
            posts=page_of_posts.object_list if page_of_posts is not None else [],
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

    @path("topics/")
    def all_topics(self, request):
        """Every topic, A to Z, a page at a time: the sidebar names only the most
        used."""
        subpage = self.reverse_subpage("all_topics")
        page_of_tags = paginate(
            self,
            request,
            self.tag_counts().order_by(Lower("name"), "name"),
            per_page=TOPICS_PER_PAGE,
            subpage=subpage,
        )
        return self.render(
            request,
            template="blog/topics_page.html",
            context_overrides={
                "tags": page_of_tags.object_list if page_of_tags else [],
                "page_of_tags": page_of_tags,
                "listing_url": self.get_url(request) + subpage.lstrip("/"),
            },
        )

    @path("tags/<slug:tag>/")
    def posts_by_tag(self, request, tag):
        tag = self._tag_or_404(tag)
        return self.render_listing(
            request,
            self.posts().filter(tagged_items__tag=tag),
            subpage=self.reverse_subpage("posts_by_tag", args=[tag.slug]),
            listing_title=format_html("Posts tagged “{}”", tag.name),
            tag=tag,
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
        return self.feed(request, "rss")

    @path("feed/atom/")
    def atom_feed(self, request):
        return self.feed(request, "atom")

    @path("tags/<slug:tag>/feed/rss/")
    def tag_rss_feed(self, request, tag):
        return self.feed(request, "rss", tag=self._tag_or_404(tag))

    @path("tags/<slug:tag>/feed/atom/")
    def tag_atom_feed(self, request, tag):
        return self.feed(request, "atom", tag=self._tag_or_404(tag))

    def feed(self, request, kind: str, tag: Tag | None = None) -> HttpResponse:
        """The feed of this kind, of every post or those with `tag`."""
        posts = BlogPostPage.objects.child_of(self)
        return BlogFeed(self, posts, kind, tag=tag)(request)

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
