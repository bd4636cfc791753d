from .archive import CampaignIndexPage, current_campaign, current_of
from .campaign import CampaignPage, CampaignState
from .event import EventPage
from .links import CampaignAppearance, CampaignHashtag, CampaignResource
from .snippets import (
    Hashtag,
    MediaAppearance,
    Resource,
    ResourceFile,
    ResourceTag,
    kit_files,
)

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
    "ResourceFile",
    "ResourceTag",
    "current_campaign",
    "current_of",
    "kit_files",
]
