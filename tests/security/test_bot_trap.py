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


SENT_ONCE = b"This form has already been sent once."


def test_a_start_token_takes_one_pledge(client, open_campaign, clock):
    token = start_token(client.get(PLEDGE_PAGE))
    clock.shift(20)
    first = client.post(open_campaign.pledge_submit_url, pledge_data(started=token))
    # Sent again as it was (a double click): the same thank-you, nothing stored.
    again = client.post(open_campaign.pledge_submit_url, pledge_data(started=token))
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    # Another pledge with the same token is not taken, and not thanked for.
    replay = Client().post(
        open_campaign.pledge_submit_url,
        pledge_data(name="Bot", email="bot@example.org", started=token),
    )
    assert replay.status_code == 400
    assert SENT_ONCE in replay.content
    assert list(PledgeSignature.objects.values_list("email", flat=True)) == [
        "sally@example.org"
    ]
    assert len(mail.outbox) == 1


def test_a_start_token_takes_one_proposal(client, campaign, clock):
    token = start_token(client.get(PROPOSAL_PAGE))
    clock.shift(60)
    first = client.post(campaign.propose_event_submit_url, proposal(started=token))
    again = client.post(campaign.propose_event_submit_url, proposal(started=token))
    other = client.post(
        campaign.propose_event_submit_url,
        proposal(title="Spam, spam, spam", started=token),
    )
    assert first.status_code == again.status_code == 302
    assert other.status_code == 400
    assert SENT_ONCE in other.content
    assert EventPage.objects.filter(title="Begin Before Birth").count() == 1
    assert not EventPage.objects.filter(title="Spam, spam, spam").exists()
    assert len(mail.outbox) == 1


def test_a_second_event_proposed_from_the_same_page_is_taken_once_confirmed(
    client, campaign, clock
):
    token = start_token(client.get(PROPOSAL_PAGE))
    clock.shift(60)
    first = client.post(campaign.propose_event_submit_url, proposal(started=token))
    assert first.status_code == 302
    # Back in the browser: the same page, the same token, a second event.
    clock.shift(60)
    second = proposal(title="Baby Week Workshop", started=token)
    refused = client.post(campaign.propose_event_submit_url, second)
    assert refused.status_code == 400
    assert (
        b"This form has already been sent once. Check the details and send it again "
        b"to send another." in refused.content
    )
    assert b'value="Baby Week Workshop"' in refused.content
    assert not EventPage.objects.filter(title="Baby Week Workshop").exists()
    # Sent again at once from that page: taken, and mailed like the first.
    second["started"] = start_token(refused)
    taken = client.post(campaign.propose_event_submit_url, second)
    assert taken.status_code == 302
    assert taken["Location"] == "/campaigns/2021/propose-event/thanks/"
    assert set(EventPage.objects.values_list("title", flat=True)) >= {
        "Begin Before Birth",
        "Baby Week Workshop",
    }
    assert [email.subject for email in mail.outbox] == [
        "We have your event: Begin Before Birth",
        "We have your event: Baby Week Workshop",
    ]


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
