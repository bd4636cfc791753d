from wagtail_factories import ImageFactory

from campaigns.factories import (
    CampaignHashtagFactory,
    CampaignResourceFactory,
    EventPageFactory,
    HashtagFactory,
    ResourceFactory,
)

from ..conftest import london


def add_content(campaign, count: int) -> None:
    """`count` more events, hashtags and resources on the campaign."""
    for n in range(count):
        EventPageFactory(parent=campaign, start=london(2021, 6, 7 + n % 7, 10))
        CampaignHashtagFactory(campaign=campaign, hashtag=HashtagFactory())
        CampaignResourceFactory(
            campaign=campaign, resource=ResourceFactory(thumbnail=ImageFactory())
        )
