"""Blog posts, their ordered authors and tags, and the listings other pages show."""

import datetime
import math

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from taggit.models import TaggedItemBase

from core.blocks import BaseStreamBlock
from core.images import renditions
from core.pages import BasePage

AUTHOR_PHOTO = "fill-160x160"
WORDS_PER_MINUTE = 200


class BlogPostQuerySet(PageQuerySet):
    def for_feed(self):
        """Live, public posts, newest first, with their authors and tags: what a feed
        shows of each, in three queries however many posts."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .prefetch_related(
                Prefetch(
                    "post_authors",
                    queryset=BlogPostAuthor.objects.select_related("author"),
                ),
                Prefetch(
                    "tagged_items",
                    queryset=BlogPostTag.objects.select_related("tag").order_by(
                        "tag__name"
                    ),
                ),
            )
            .order_by("-date", "-pk")
        )

    def for_listing(self):
        """As `for_feed()`, with the card images and their renditions: what a card
        shows, in four queries however many posts."""
        return (
            self.for_feed()
            .select_related("image")
            .prefetch_related(renditions("image"))
        )


BlogPostManager = PageManager.from_queryset(BlogPostQuerySet)


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BlogPostPage(BasePage):
    """A blog post, written here or first published elsewhere and summarised here."""

    date = models.DateField(
        "publication date",
        default=datetime.date.today,
        help_text="The date the post was first published, here or elsewhere.",
    )
    intro = models.TextField(
        max_length=400,
        help_text="One or two sentences that sum the post up: shown on cards, in "
        "feeds and, for posts published elsewhere, as the summary.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="card image",
        help_text="Shown on the post's card in listings. Optional.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="The post itself. Leave empty for a post published elsewhere: "
        "the summary and a link to the original are shown instead.",
    )
    tags = ClusterTaggableManager(
        through=BlogPostTag,
        blank=True,
        help_text="A few topics, such as perinatal mental health. Readers can "
        "follow a tag to every post that has it.",
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blog_posts",
        help_text="The awareness week this post belongs to, if any. The post is "
        "then listed on that week's page.",
    )
    original_url = models.URLField(
        "original address",
        blank=True,
        help_text="For a post first published on another site: the address of the "
        "original. Search engines are pointed to it.",
    )
    original_publication = models.CharField(
        "published in",
        max_length=120,
        blank=True,
        help_text="The name of the site or publication, e.g. ACAMH.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        MultipleChooserPanel(
            "post_authors",
            chooser_field_name="author",
            heading="Authors",
            label="Author",
            help_text="In the order they should be credited.",
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("campaign"),
        MultiFieldPanel(
            [FieldPanel("original_url"), FieldPanel("original_publication")],
            heading="First published elsewhere",
            help_text="Fill both in when this post is a summary of a post on "
            "another site.",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("author_names"),
        APIField("tag_names"),
        APIField("campaign_year"),
        APIField("original_url"),
        APIField("original_publication"),
        APIField("image"),
        APIField("body"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    objects = BlogPostManager()
    og_type = "article"

    class Meta:
        verbose_name = "blog post"

    @property
    def authors(self) -> list:
        """The post's authors in credit order (prefetched by `for_listing`)."""
        return [item.author for item in self.post_authors.all()]

    @property
    def tag_list(self) -> list:
        """The post's tags by name (prefetched by `for_listing`)."""
        return sorted(
            (item.tag for item in self.tagged_items.all()), key=lambda t: t.name
        )

    @property
    def author_names(self) -> list[str]:
        return [author.name for author in self.authors]

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tag_list]

    @property
    def campaign_year(self) -> int | None:
        return self.campaign.year if self.campaign_id else None

    @property
    def is_published_elsewhere(self) -> bool:
        return bool(self.original_url)

    @cached_property
    def reading_minutes(self) -> int:
        """Minutes to read the intro and body, at 200 words a minute."""
        text = [self.intro, *self.body.stream_block.get_searchable_content(self.body)]
        words = sum(len(part.split()) for part in text)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def published_at(self) -> datetime.datetime:
        """The publication date as midnight in the site's time zone, for feeds."""
        return timezone.make_aware(
            datetime.datetime.combine(self.date, datetime.time())
        )

    @cached_property
    def authors_with_photos(self) -> list:
        """The authors in credit order with their photos' renditions, in two queries
        for the page and its structured data together."""
        items = self.post_authors.select_related("author__photo").prefetch_related(
            renditions("author__photo", AUTHOR_PHOTO)
        )
        return [item.author for item in items]

    def get_canonical_url(self, request=None) -> str:
        """The original, for a post first published elsewhere; else this page."""
        return self.original_url or self.get_full_url(request)

    def get_share_image(self):
        """The post's card image, else its campaign's picture."""
        if self.image_id:
            return self.image
        return self.campaign.hero_image if self.campaign_id else None

    def get_share_hashtags(self) -> list:
        """The campaign's hashtags, so a shared post joins the week's conversation."""
        if not self.campaign_id:
            return []
        return self.campaign.hashtags

    def get_schema_org(self, request, organisation) -> dict:
        """A schema.org BlogPosting, as search engines show articles."""
        data = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title,
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            "url": self.get_canonical_url(request),
            "author": [
                {"@type": "Person", "name": author.name}
                for author in self.authors_with_photos
            ],
            "publisher": {"@type": "Organization", "name": organisation.name},
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return data

    def clean(self):
        super().clean()
        if bool(self.original_url) != bool(self.original_publication):
            missing = "original_publication" if self.original_url else "original_url"
            raise ValidationError(
                {missing: "Give both the original address and where it was published."}
            )

    def related_posts(self, tags: list, limit: int = 3):
        """Other live posts sharing the most of `tags` with this one, newest first."""
        if not tags:
            return BlogPostPage.objects.none()
        return (
            BlogPostPage.objects.for_listing()
            .exclude(pk=self.pk)
            .filter(tagged_items__tag__in=tags)
            .annotate(shared_tags=Count("tagged_items", distinct=True))
            .order_by("-shared_tags", "-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags = sorted(
            (item.tag for item in self.tagged_items.select_related("tag")),
            key=lambda tag: tag.name,
        )
        # A post's parent is always its blog (parent_page_types).
        parent = self.get_parent()
        blog_index = parent.specific_deferred if parent.live else None
        if blog_index:
            blog_url = blog_index.get_url(request)
            context.update(
                blog_url=blog_url,
                rss_url=blog_url + blog_index.reverse_subpage("rss_feed"),
                atom_url=blog_url + blog_index.reverse_subpage("atom_feed"),
            )
        context.update(
            blog_index=blog_index,
            authors=self.authors_with_photos,
            tags=tags,
            related_posts=self.related_posts(tags),
        )
        return context


class BlogPostAuthor(Orderable):
    post = ParentalKey(
        BlogPostPage, on_delete=models.CASCADE, related_name="post_authors"
    )
    author = models.ForeignKey(
        "blog.Author",
        on_delete=models.CASCADE,
        related_name="post_links",
        verbose_name="author",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "post author"


def latest_posts(limit: int = 3):
    """The newest live posts, ready for cards."""
    return BlogPostPage.objects.for_listing()[:limit]
