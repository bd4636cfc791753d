from .campaign import (
    CampaignAppearance,
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    CampaignResource,
    CampaignState,
    current_campaign,
    current_of,
)
from .event import EventPage
from .pledge import PledgeSignature, normalise_email
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
    "PledgeSignature",
    "Resource",
    "ResourceFile",
    "ResourceTag",
    "current_campaign",
    "current_of",
    "kit_files",
    "normalise_email",
]
