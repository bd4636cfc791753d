"""The home page, general content pages and the site-wide settings editors manage."""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .blocks import BaseStreamBlock
from .content_cache import remember
from .images import renditions
from .pages import BasePage
from .routing import find_page_remembered


class HomePage(BasePage):
    """The site's front page: what the week is, and the way into this year's week."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two that says what the awareness week is and why "
        "it matters. Shown at the top of the home page.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignIndexPage",
        "blog.BlogIndexPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        # Every page of the site is routed from here: the site's root page.
        page, rest = find_page_remembered(self, path_components)
        if page.pk == self.pk:
            # This page (or its copy from the cache, which carries its route trail).
            return super(HomePage, page).route(request, rest)
        return page.route(request, rest)

    def get_schema_org(self, request, organisation) -> dict:
        """The organisation behind the site, as schema.org describes it."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.name,
            "url": organisation.website or self.get_full_url(request),
            "email": organisation.contact_email,
            "sameAs": [url for _, url in organisation.social_accounts],
        }
        return {key: value for key, value in data.items() if value}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcase = self.remember("showcase", self.showcase)
        campaign = showcase["campaign"]
        if campaign and campaign.pledge_target and campaign.pledge_wording:
            context["pledge_count"], _ = campaign.pledge_figures()
        context.update(showcase)
        return context

    def showcase(self) -> dict:
        """The week the home page features, the weeks before it, the latest posts
        and the next events: what it shows of the rest of the site."""
        from blog.models import latest_posts
        from campaigns.models import CampaignPage, EventPage, current_of

        # Every week at once: the featured one and the previous ones come from it.
        weeks = list(
            CampaignPage.objects.live()
            .public()
            .defer("body")
            .select_related("hero_image")
            .prefetch_related(renditions("hero_image"))
            .order_by("start_date")
        )
        campaign = current_of(weeks)
        today = timezone.localdate()
        previous_weeks = sorted(
            (week for week in weeks if week is not campaign and week.end_date < today),
            key=lambda week: week.year,
            reverse=True,
        )
        return {
            "campaign": campaign,
            "hashtags": campaign.hashtags if campaign else [],
            "latest_posts": list(latest_posts(3)),
            "upcoming_events": list(
                EventPage.objects.live()
                .public()
                .filter(end__gte=timezone.now())
                .order_by("start")[:4]
            ),
            "previous_weeks": previous_weeks[:3],
        }


class StandardPage(BasePage):
    """A general page such as "About the week" or the privacy notice."""

    intro = models.TextField(
        blank=True, help_text="A short summary shown under the title and in listings."
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"


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

    @classmethod
    def for_request(cls, request):
        """The site's settings, as Wagtail finds them, kept until they or any content
        change: every page shows them in its footer and social card."""
        attribute = cls.get_cache_attr_name()
        site = Site.find_for_request(request)
        if site is None:
            # A host no site answers for gets a "not found" page, with no settings.
            return cls()
        if not hasattr(request, attribute):
            settings = remember(f"organisation:{site.pk}", lambda: cls.for_site(site))
            settings._request = request  # As Wagtail's own for_request() sets it.
            setattr(request, attribute, settings)
        return super().for_request(request)

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
