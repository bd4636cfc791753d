"""The people who write for the blog, kept as a snippet so posts can share them."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Author(index.Indexed, models.Model):
    """Someone who writes for the blog: staff, partners and guest authors."""

    name = models.CharField(max_length=120, help_text="As it appears on posts.")
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The end of the author's page address, /blog/authors/<slug>/. "
        "Made from the name when left empty.",
    )
    role = models.CharField(
        max_length=120, blank=True, help_text="For example: Director of Policy."
    )
    organisation = models.CharField(
        max_length=120,
        blank=True,
        help_text="For example: Parent-Infant Foundation.",
    )
    bio = models.TextField(
        "short biography",
        max_length=600,
        blank=True,
        help_text="Two or three sentences, in the third person. Shown on the "
        "author's page and under their posts.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A square head-and-shoulders photo works best.",
    )
    website = models.URLField(
        blank=True, help_text="The author's own or their organisation's page."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        verbose_name="admin account",
        help_text="The author's login to this site, if they draft posts here.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("organisation")], heading="Role"
        ),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("website"),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        ordering = ["name"]
        permissions = [
            ("invite_guest_author", "Can invite guest authors"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    @property
    def role_line(self) -> str:
        """Role and organisation on one line: "Director, Parent-Infant Foundation"."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

    def _unique_slug(self) -> str:
        base = slugify(self.name)[:110] or "author"
        slug, number = base, 1
        while Author.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug
