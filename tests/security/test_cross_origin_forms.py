"""The public forms refuse what another site sends (core/csrf.py), with no token."""

import pytest
import time_machine

from campaigns.models import EventPage
from pledges.models import PledgeSignature

from ..conftest import london
from ..pledges.test_event_proposals import proposal
from ..pledges.test_pledge import pledge_data

FORGED = [
    {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "same-site", "Origin": "https://shop.testserver"},
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
]
GENUINE = [
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
    {"Origin": "http://testserver"},
    {},  # A program, not a browser: nobody's browser was tricked into sending it.
]


@pytest.mark.parametrize("headers", FORGED)
def test_a_pledge_sent_from_another_site_is_refused(client, open_campaign, headers):
    response = client.post(
        open_campaign.pledge_submit_url, pledge_data(), headers=headers
    )
    assert response.status_code == 403
    assert b"This form came from another website" in response.content
    assert not PledgeSignature.objects.exists()


@pytest.mark.parametrize("headers", GENUINE)
def test_a_pledge_sent_from_our_page_is_taken(client, open_campaign, headers):
    response = client.post(
        open_campaign.pledge_submit_url, pledge_data(), headers=headers
    )
    assert response.status_code == 302
    assert PledgeSignature.objects.count() == 1


def test_a_trusted_origin_may_send_the_pledge(client, open_campaign, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://imhaw.example.org"]
    response = client.post(
        open_campaign.pledge_submit_url,
        pledge_data(),
        headers={"Origin": "https://imhaw.example.org"},
    )
    assert response.status_code == 302


def test_an_event_proposal_from_another_site_is_refused(client, campaign):
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        response = client.post(
            campaign.propose_event_submit_url,
            proposal(),
            headers={"Sec-Fetch-Site": "cross-site"},
        )
    assert response.status_code == 403
    assert not EventPage.objects.filter(title="Begin Before Birth").exists()


def test_the_form_pages_take_no_posts_of_their_own(client, open_campaign):
    response = client.post("/campaigns/2021/pledge/", pledge_data())
    assert response.status_code == 405
    assert not PledgeSignature.objects.exists()


def test_a_get_to_the_submit_address_is_refused(client, open_campaign):
    assert client.get(open_campaign.pledge_submit_url).status_code == 405


def test_a_pledge_for_no_such_campaign_is_not_found(client, db):
    assert client.post("/pledge/987654/", pledge_data()).status_code == 404
