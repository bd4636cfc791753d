"""The site-wide settings editors manage: who runs the site."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the site: shown in the footer and used in emails and structured data."""

    name = models.CharField(
        "organisation name",
        max_length=200,
        help_text="The charity's name as it should appear in the footer.",
    )
    charity_number = models.CharField(
        max_length=40, blank=True, help_text="Registered charity number, if any."
    )
    contact_email = models.EmailField(
        blank=True, help_text="The public address for questions about the week."
    )
    events_email = models.EmailField(
        blank=True,
        help_text="Where organisers can send events for the calendar by email.",
    )
    website = models.URLField(blank=True, help_text="The organisation's main website.")
    address = models.TextField(blank=True, help_text="Postal address, one line each.")
    x_handle = models.CharField(
        "X (Twitter) handle",
        max_length=50,
        blank=True,
        help_text="Without the @, for example ParentInfantF.",
    )
    bluesky_url = models.URLField("Bluesky profile", blank=True)
    facebook_url = models.URLField("Facebook page", blank=True)
    instagram_url = models.URLField("Instagram profile", blank=True)
    linkedin_url = models.URLField("LinkedIn page", blank=True)
    youtube_url = models.URLField("YouTube channel", blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page with no picture of its own is shared on social "
        "media. Best at 1200 × 630 pixels.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("charity_number"),
                FieldPanel("website"),
                FieldPanel("address"),
            ],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("events_email")],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("x_handle"),
                FieldPanel("bluesky_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Social accounts",
        ),
        FieldPanel("share_image"),
    ]
    # Every page's social card may show the share image.
    select_related = ["share_image"]

    class Meta:
        verbose_name = "organisation"

    def __str__(self):
        return self.name or "Organisation settings"

    @property
    def x_url(self) -> str:
        return f"https://x.com/{self.x_handle}" if self.x_handle else ""

    @property
    def social_accounts(self) -> list[tuple[str, str]]:
        """The filled-in accounts as (network, URL) pairs, in footer order."""
        accounts = [
            ("X", self.x_url),
            ("Bluesky", self.bluesky_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(network, url) for network, url in accounts if url]
