from .campaign import (
    CampaignAppearance,
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    CampaignResource,
    CampaignState,
    current_campaign,
)
from .event import EventPage
from .snippets import Hashtag, MediaAppearance, Resource, ResourceTag

__all__ = [
    "CampaignAppearance",
    "CampaignHashtag",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignResource",
    "CampaignState",
    "EventPage",
    "Hashtag",
    "MediaAppearance",
    "Resource",
    "ResourceTag",
    "current_campaign",
]
