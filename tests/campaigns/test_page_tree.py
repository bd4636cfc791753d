from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import CampaignIndexPage, CampaignPage, EventPage
from home.models import HomePage, StandardPage


class CampaignPageTreeTests(WagtailPageTestCase):
    def test_the_archive_lives_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, CampaignIndexPage)
        self.assertCanNotCreateAt(StandardPage, CampaignIndexPage)
        self.assertCanNotCreateAt(Page, CampaignIndexPage)

    def test_campaigns_live_only_in_the_archive(self):
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(CampaignPage, CampaignPage)

    def test_events_live_only_under_a_campaign(self):
        self.assertAllowedSubpageTypes(CampaignPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, {})
        self.assertCanNotCreateAt(CampaignIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
