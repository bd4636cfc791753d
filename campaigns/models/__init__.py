from .campaign import (
    CARD_IMAGE,
    CampaignAppearance,
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    CampaignResource,
    CampaignState,
    current_campaign,
)
from .event import EventPage
from .pledge import PledgeSignature, normalise_email
from .snippets import Hashtag, MediaAppearance, Resource, ResourceTag

__all__ = [
    "CARD_IMAGE",
    "CampaignAppearance",
    "CampaignHashtag",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignResource",
    "CampaignState",
    "EventPage",
    "Hashtag",
    "MediaAppearance",
    "PledgeSignature",
    "Resource",
    "ResourceTag",
    "current_campaign",
    "normalise_email",
]
