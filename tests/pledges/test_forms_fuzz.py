"""Arbitrary input to the public forms: never a server error, never a stored bad row."""

from django.core.cache import cache

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from campaigns.models import EventPage
from pledges.models import PledgeSignature

from ..conftest import london
from .test_pledge import started

text = st.text(max_size=300)
PLEDGE_FIELDS = ["name", "email", "role", "role_other", "organisation", "region"]
PROPOSAL_FIELDS = [
    "organiser_name",
    "contact_email",
    "title",
    "summary",
    "start",
    "end",
    "attendance",
    "venue_name",
    "booking_url",
]


FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class PublicFormsFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from wagtail.models import Site

        home = Site.objects.get(is_default_site=True).root_page
        archive = CampaignIndexPageFactory(parent=home)
        cls.campaign = CampaignPageFactory(
            parent=archive, year=2021, pledge_wording="I pledge."
        )

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(st.fixed_dictionaries({name: text for name in PLEDGE_FIELDS}), st.booleans())
    def test_pledge_form_never_errors_and_stores_only_valid_rows(self, data, consent):
        cache.clear()
        post = {**data, "started": started(), "website": ""}
        if consent:
            post["consent"] = "on"
        response = self.client.post(self.campaign.pledge_submit_url, post)
        self.assertIn(response.status_code, (302, 400))
        for signature in PledgeSignature.objects.all():
            signature.full_clean(exclude=["campaign"])
            self.assertTrue(consent)

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(st.fixed_dictionaries({name: text for name in PROPOSAL_FIELDS}))
    def test_proposal_form_never_errors(self, data):
        cache.clear()
        with time_machine.travel(london(2021, 6, 1, 12), tick=False):
            post = {**data, "started": started(), "website": ""}
            before = EventPage.objects.count()
            response = self.client.post(self.campaign.propose_event_submit_url, post)
        self.assertIn(response.status_code, (302, 400))
        if response.status_code == 400:
            self.assertEqual(EventPage.objects.count(), before)
