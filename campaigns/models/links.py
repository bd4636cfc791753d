"""A week's ordered links to the library: its hashtags, resources and appearances."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .campaign import CampaignPage


class CampaignHashtag(Orderable):
    campaign = ParentalKey(
        CampaignPage, on_delete=models.CASCADE, related_name="campaign_hashtags"
    )
    hashtag = models.ForeignKey(
        "campaigns.Hashtag", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("hashtag")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "hashtag"], name="campaign_hashtag_once"
            )
        ]


class CampaignResource(Orderable):
    campaign = ParentalKey(
        CampaignPage, on_delete=models.CASCADE, related_name="campaign_resources"
    )
    resource = models.ForeignKey(
        "campaigns.Resource", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("resource")]


class CampaignAppearance(Orderable):
    campaign = ParentalKey(
        CampaignPage, on_delete=models.CASCADE, related_name="campaign_appearances"
    )
    appearance = models.ForeignKey(
        "campaigns.MediaAppearance", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("appearance")]
