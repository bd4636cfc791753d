"""Snippets reused across years: hashtags, downloadable resources, media appearances."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from taggit.models import TaggedItemBase

hashtag_text_validator = RegexValidator(
    r"^[A-Za-z0-9_]+$",
    "A hashtag is letters, digits and underscores only, with no spaces.",
)


class Hashtag(index.Indexed, models.Model):
    """A hashtag the week uses on social media, such as #IncludingInfants."""

    text = models.CharField(
        max_length=100,
        validators=[hashtag_text_validator],
        help_text="Without the #, for example IncludingInfants. Capitals help "
        "screen readers read the words: IncludingInfants, not includinginfants.",
    )

    panels = [FieldPanel("text")]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
    ]

    class Meta:
        ordering = ["text"]
        constraints = [
            models.UniqueConstraint(
                Lower("text"),
                name="hashtag_text_unique_ignoring_case",
                violation_error_message="That hashtag already exists.",
            )
        ]

    def __str__(self):
        return f"#{self.text}"

    @property
    def network_links(self) -> list[tuple[str, str]]:
        """(network, URL) pairs for this tag's page on each social network."""
        tag = quote(self.text)
        return [
            ("X", f"https://x.com/hashtag/{tag}"),
            ("Bluesky", f"https://bsky.app/hashtag/{tag}"),
            ("Instagram", f"https://www.instagram.com/explore/tags/{tag.lower()}/"),
            ("Facebook", f"https://www.facebook.com/hashtag/{tag.lower()}"),
            ("LinkedIn", f"https://www.linkedin.com/feed/hashtag/{tag.lower()}/"),
        ]


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.Resource", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Resource(index.Indexed, ClusterableModel):
    """A download or link offered to supporters: branding, briefings, infographics."""

    class Kind(models.TextChoices):
        BRANDING = "branding", "Branding and logos"
        CALENDAR = "calendar", "Events calendar"
        INFOGRAPHIC = "infographic", "Infographic"
        BRIEFING = "briefing", "Briefing"
        TRAINING = "training", "Training"
        OTHER = "other", "Other"

    title = models.CharField(max_length=200)
    description = models.TextField(
        blank=True, help_text="One or two sentences: what it is and who it is for."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A file to download. Give either a file or a link, not both.",
    )
    link = models.URLField(
        blank=True,
        help_text="A page elsewhere to visit. Give either a file or a link, not both.",
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A small picture of the resource, shown beside it.",
    )
    tags = ClusterTaggableManager(through=ResourceTag, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("link")],
            heading="File or link (one of them)",
        ),
        FieldPanel("thumbnail"),
        FieldPanel("tags"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.document_id and self.link:
            raise ValidationError(
                {"link": "Give either a file or a link, not both: clear one of them."}
            )
        if not self.document_id and not self.link:
            raise ValidationError(
                {"document": "Choose a file to download, or give a link instead."}
            )

    @property
    def url(self) -> str:
        return self.document.url if self.document_id else self.link

    @property
    def file_description(self) -> str:
        """What a visitor gets, e.g. "PDF, 1.2 MB", or "Link" for an external page."""
        if not self.document_id:
            return "Link"
        size = self.document.get_file_size()
        extension = self.document.file_extension.upper() or "File"
        return f"{extension}, {filesizeformat(size)}" if size else extension


class MediaAppearance(index.Indexed, models.Model):
    """A podcast, broadcast or article in which the organisation's people took part."""

    class Kind(models.TextChoices):
        PODCAST = "podcast", "Podcast"
        VIDEO = "video", "Video"
        ARTICLE = "article", "Article"
        RADIO = "radio", "Radio"

    title = models.CharField(max_length=200)
    outlet = models.CharField(
        "show or outlet", max_length=200, help_text="For example: Mind Matters podcast."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PODCAST)
    date = models.DateField(null=True, blank=True)
    people = models.CharField(
        max_length=200, blank=True, help_text="Who took part, e.g. Karen Bateson."
    )
    link = models.URLField(help_text="Where to listen, watch or read it.")
    description = models.TextField(blank=True)
    transcript = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "h3", "ol", "ul"],
        help_text="Everything said, for people who cannot listen or watch. Start "
        "each turn with the speaker's name in bold. When filled, the campaign page "
        "links to a page of its own for it.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("outlet"),
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("people"),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("transcript"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("outlet"),
        index.SearchField("people"),
        index.SearchField("transcript"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = "media appearance"

    def __str__(self):
        return f"{self.title} ({self.outlet})"

    @property
    def transcript_url(self) -> str:
        return reverse("campaigns:appearance_transcript", args=[self.pk])
