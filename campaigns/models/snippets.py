"""Snippets reused across years: hashtags, downloadable resources, media appearances."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import slugify

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from taggit.models import TaggedItemBase

# The size of a resource's picture beside it in a campaign's downloads.
RESOURCE_THUMBNAIL = "fill-96x96"

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


class ResourceForm(WagtailAdminModelForm):
    """The resource editor, which shows the kit's files to `Resource.clean`."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("files")
        if formset is not None:
            formset.is_valid()  # Fills each row's cleaned_data; errors show as usual.
            # The model validates "a file, a kit or a link", but the rows edited here
            # reach the instance only on save: hand them over now, as they will be.
            self.instance.files = [
                form.instance
                for form in formset.forms
                if getattr(form, "cleaned_data", {}).get("document")
                and not form.cleaned_data.get("DELETE")
            ]
        return cleaned_data


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
        help_text="A single file to download. Give a file, a kit of files or a "
        "link: only one of them.",
    )
    link = models.URLField(
        blank=True,
        help_text="A page elsewhere to visit. Give a file, a kit of files or a "
        "link: only one of them.",
    )
    licence = models.TextField(
        blank=True,
        help_text='How people may use the files, e.g. "Use these logos to '
        'support the week; do not change their colours." Shown beside the '
        "download, and put in a kit's zip as LICENCE.txt.",
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
    download_count = models.PositiveIntegerField(
        "downloads",
        default=0,
        editable=False,
        help_text="Times visitors downloaded or followed it from the site. Counts "
        "only: nothing about who.",
    )
    updated_at = models.DateTimeField(
        "last updated",
        auto_now=True,
        help_text="Saving the resource, after checking it is still right, marks it "
        "reviewed.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("link")],
            heading="File or link",
            help_text="For a single file or a page elsewhere. For several files, "
            "such as logos in each format, leave these empty and build a kit below.",
        ),
        InlinePanel(
            "files",
            heading="Kit of files",
            label="File",
            help_text="Several files offered as one zip, such as logos in each "
            "format and a colour sheet. Visitors get them all, with the licence.",
        ),
        FieldPanel("licence"),
        FieldPanel("thumbnail"),
        FieldPanel("tags"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    base_form_class = ResourceForm

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def is_kit(self) -> bool:
        """Several files in one zip. A file or a link settles it without a query."""
        if self.document_id or self.link:
            return False
        return bool(self.files.all())

    @property
    def url(self) -> str:
        """Where the resource itself is: its file, its link or its kit's zip."""
        if self.document_id:
            return self.document.url
        if self.link:
            return self.link
        return reverse("campaigns:resource_kit", args=[self.pk]) if self.pk else ""

    @property
    def download_url(self) -> str:
        """The public link to it, which counts each download."""
        if self.is_kit:
            return reverse("campaigns:resource_kit", args=[self.pk])
        return reverse("campaigns:resource_download", args=[self.pk])

    @property
    def file_description(self) -> str:
        """What a visitor gets: "PDF, 1.2 MB", "ZIP, 3 files, 120 KB" or "Link"."""
        if self.is_kit:
            files = self.files.all()
            size = sum(item.document.get_file_size() or 0 for item in files)
            count = f"{len(files)} file{'s' if len(files) != 1 else ''}"
            return f"ZIP, {count}, {filesizeformat(size)}" if size else f"ZIP, {count}"
        if not self.document_id:
            return "Link"
        size = self.document.get_file_size()
        extension = self.document.file_extension.upper() or "File"
        return f"{extension}, {filesizeformat(size)}" if size else extension

    def clean(self):
        super().clean()
        has_files = bool(self.files.all())
        if self.document_id and self.link:
            raise ValidationError(
                {"link": "Give either a file or a link, not both: clear one of them."}
            )
        if has_files and self.document_id:
            raise ValidationError(
                {
                    "document": "This resource has a kit of files: add this file "
                    "to the kit, or remove the kit's files."
                }
            )
        if has_files and self.link:
            raise ValidationError(
                {
                    "link": "A kit of files is downloaded from this site: clear "
                    "the link, or remove the kit's files."
                }
            )
        if not self.document_id and not self.link and not has_files:
            raise ValidationError(
                {"document": "Choose a file to download, or give a link instead."}
            )


class ResourceFile(Orderable):
    """One file of a resource's kit: a logo in one format, a colour sheet."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The file, from the documents library or uploaded here.",
    )
    label = models.CharField(
        max_length=100,
        blank=True,
        help_text='Its name in the zip, e.g. "Logo, purple". Leave empty to keep '
        "the document's file name.",
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "kit file"

    def __str__(self):
        return self.label or self.document.title

    @property
    def filename(self) -> str:
        """The file's name in the zip: the label's words, or the document's name."""
        if self.label:
            extension = self.document.file_extension
            name = slugify(self.label) or "file"
            return f"{name}.{extension}" if extension else name
        return self.document.filename


def kit_files(lookup: str = "files") -> Prefetch:
    """Prefetch kits' files with their documents in one query, for listings."""
    return Prefetch(lookup, queryset=ResourceFile.objects.select_related("document"))


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
