"""Pledge signatures: one per person per campaign, with the consent they gave."""

import unicodedata

from django.db import models
from django.db.models.functions import Lower, Trim
from django.utils.encoding import punycode

from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core import page_cache


def normalise_email(email: str) -> str:
    """The one way of writing an address that decides "the same person": Unicode case
    folding between two NFKC normalisations (so "ＳＡＬＬＹ", "ſally" and "Sally" are
    "sally"), and the domain in IDNA's ASCII form (so "exämple.org", "EXÄMPLE.ORG" and
    "xn--exmple-cua.org" are one domain). It is what is stored and mailed to; the
    database's unique index on LOWER(TRIM(email)) holds it for every writer, concurrent
    ones included. Raises UnicodeError for a domain IDNA refuses.
    """
    folded = unicodedata.normalize(
        "NFKC", unicodedata.normalize("NFKC", email.strip()).casefold()
    )
    local, at, domain = folded.rpartition("@")
    return f"{local}{at}{punycode(domain)}" if at else domain


class PledgeSignature(models.Model):
    """One professional's pledge for one campaign."""

    class Role(models.TextChoices):
        HEALTH_VISITOR = "health_visitor", "Health visitor"
        MIDWIFE = "midwife", "Midwife"
        PSYCHOLOGIST = "psychologist", "Psychologist or psychotherapist"
        PSYCHIATRIST = "psychiatrist", "Psychiatrist"
        SOCIAL_WORKER = "social_worker", "Social worker"
        NURSE = "nurse", "Nurse"
        GP = "gp", "GP or doctor"
        EARLY_YEARS = "early_years", "Early years practitioner"
        COMMISSIONER = "commissioner", "Commissioner or policy maker"
        RESEARCHER = "researcher", "Researcher"
        OTHER = "other", "Other"

    class Region(models.TextChoices):
        NORTH_EAST = "north_east", "North East England"
        NORTH_WEST = "north_west", "North West England"
        YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
        EAST_MIDLANDS = "east_midlands", "East Midlands"
        WEST_MIDLANDS = "west_midlands", "West Midlands"
        EAST = "east", "East of England"
        LONDON = "london", "London"
        SOUTH_EAST = "south_east", "South East England"
        SOUTH_WEST = "south_west", "South West England"
        WALES = "wales", "Wales"
        SCOTLAND = "scotland", "Scotland"
        NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
        OUTSIDE_UK = "outside_uk", "Outside the UK"

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        on_delete=models.CASCADE,
        related_name="pledge_signatures",
    )
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    role = models.CharField(max_length=30, choices=Role.choices)
    role_other = models.CharField("other role", max_length=120, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    region = models.CharField(max_length=30, choices=Region.choices, blank=True)
    show_on_wall = models.BooleanField("show my name on the wall", default=False)
    consent_text = models.TextField(
        help_text="The privacy wording the person agreed to, as shown to them."
    )
    consented_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "pledge signature"
        constraints = [
            models.UniqueConstraint(
                "campaign",
                Lower(Trim("email")),
                name="one_pledge_per_email_per_campaign",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.campaign.year})"

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else ""

    @property
    def role_label(self) -> str:
        if self.role == self.Role.OTHER and self.role_other:
            return self.role_other
        return self.get_role_display()


def forget_signature(sender, instance: PledgeSignature, **kwargs) -> None:
    """A withdrawn or deleted signature leaves every page at once: the week's page and
    the home page may show the name on the wall, so no cache, ours or a CDN's, may
    keep them. (A new signature shows when the cached pages expire.)"""
    page_cache.invalidate()
    campaign = instance.campaign
    batch = PurgeBatch()
    batch.add_page(campaign)
    batch.add_page(campaign.get_site().root_page)
    batch.purge()
