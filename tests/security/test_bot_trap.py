"""The public forms' start token: each visitor's own, good for an hour, used once."""

import re

from django.core import mail
from django.test import Client

import pytest
import time_machine

from campaigns.models import EventPage
from pledges.models import PledgeSignature

from ..conftest import london
from ..pledges.test_event_proposals import proposal
from ..pledges.test_pledge import pledge_data

PLEDGE_PAGE = "/campaigns/2021/pledge/"
PROPOSAL_PAGE = "/campaigns/2021/propose-event/"


def start_token(page) -> str:
    """The hidden start token of the form on a page, as a browser would send it."""
    return re.search(r'name="started" value="([^"]+)"', page.content.decode())[1]


@pytest.fixture
def clock():
    """A week before IMHAW 2021, when both forms are open; moved on by hand."""
    with time_machine.travel(london(2021, 6, 1, 12), tick=False) as traveller:
        yield traveller


def test_each_visitor_gets_a_start_token_of_their_own(open_campaign, clock):
    first, second = Client().get(PLEDGE_PAGE), Client().get(PLEDGE_PAGE)
    assert first.status_code == second.status_code == 200
    assert start_token(first) != start_token(second)
    assert second.get("X-Cache") != "HIT"


def test_two_visitors_sign_from_the_same_page_address(open_campaign, clock):
    sally, karen = Client(), Client()
    forms = [visitor.get(PLEDGE_PAGE) for visitor in (sally, karen)]
    clock.shift(20)
    for visitor, form, email in zip(
        (sally, karen), forms, ["sally@example.org", "karen@example.org"], strict=True
    ):
        data = pledge_data(email=email, started=start_token(form))
        assert visitor.post(open_campaign.pledge_submit_url, data).status_code == 302
    assert PledgeSignature.objects.count() == 2


def test_a_start_token_takes_one_pledge(client, open_campaign, clock):
    token = start_token(client.get(PLEDGE_PAGE))
    clock.shift(20)
    first = client.post(open_campaign.pledge_submit_url, pledge_data(started=token))
    replay = Client().post(
        open_campaign.pledge_submit_url,
        pledge_data(name="Bot", email="bot@example.org", started=token),
    )
    # The replay learns nothing (the same answer as anyone) and stores nothing.
    assert (first.status_code, first["Location"]) == (
        replay.status_code,
        replay["Location"],
    )
    assert list(PledgeSignature.objects.values_list("email", flat=True)) == [
        "sally@example.org"
    ]
    assert len(mail.outbox) == 1


def test_a_start_token_takes_one_proposal(client, campaign, clock):
    token = start_token(client.get(PROPOSAL_PAGE))
    clock.shift(60)
    for title in ["Begin Before Birth", "Spam, spam, spam"]:
        response = client.post(
            campaign.propose_event_submit_url, proposal(title=title, started=token)
        )
        assert response.status_code == 302
    assert EventPage.objects.filter(title="Begin Before Birth").exists()
    assert not EventPage.objects.filter(title="Spam, spam, spam").exists()


def test_a_form_left_open_over_an_hour_asks_to_be_sent_again(
    client, open_campaign, clock
):
    token = start_token(client.get(PLEDGE_PAGE))
    clock.shift(61 * 60)
    late = client.post(open_campaign.pledge_submit_url, pledge_data(started=token))
    assert late.status_code == 400
    assert b"This form was open for more than an hour" in late.content
    assert b'value="Sally Hogg"' in late.content
    assert not PledgeSignature.objects.exists()
    # Sent again from that page, at once: taken.
    again = client.post(
        open_campaign.pledge_submit_url, pledge_data(started=start_token(late))
    )
    assert again.status_code == 302
    assert PledgeSignature.objects.count() == 1


def test_a_form_open_under_an_hour_is_taken(client, open_campaign, clock):
    token = start_token(client.get(PLEDGE_PAGE))
    clock.shift(59 * 60)
    response = client.post(open_campaign.pledge_submit_url, pledge_data(started=token))
    assert response.status_code == 302
    assert PledgeSignature.objects.count() == 1


def test_a_corrected_form_is_taken_with_its_first_token(client, open_campaign, clock):
    token = start_token(client.get(PLEDGE_PAGE))
    clock.shift(30)
    wrong = client.post(
        open_campaign.pledge_submit_url, pledge_data(started=token, consent=None)
    )
    assert wrong.status_code == 400
    clock.shift(5)
    right = client.post(
        open_campaign.pledge_submit_url, pledge_data(started=start_token(wrong))
    )
    assert right.status_code == 302
    assert PledgeSignature.objects.count() == 1
