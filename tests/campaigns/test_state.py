"""A campaign's state follows the calendar in London, whatever the server's zone."""

import datetime
import zoneinfo

import pytest
import time_machine

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignState, current_campaign

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at_london(*args):
    return time_machine.travel(datetime.datetime(*args, tzinfo=LONDON), tick=False)


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        ((2021, 6, 6, 23, 59), CampaignState.UPCOMING),
        ((2021, 6, 7, 0, 0), CampaignState.LIVE),
        ((2021, 6, 13, 23, 59), CampaignState.LIVE),
        ((2021, 6, 14, 0, 0), CampaignState.ENDED),
    ],
)
def test_state_changes_at_midnight_in_london(campaign, moment, state):
    with at_london(*moment):
        assert campaign.state is state


def test_state_uses_london_not_utc(campaign):
    # 23:30 UTC on 6 June is 00:30 BST on 7 June: the week has begun in the UK.
    utc_moment = datetime.datetime(2021, 6, 6, 23, 30, tzinfo=datetime.UTC)
    with time_machine.travel(utc_moment, tick=False):
        assert campaign.is_live


def test_recap_shows_only_once_the_week_has_ended(client, campaign):
    campaign.recap = [
        ("figures", [{"number": "7,400", "label": "Twitter posts", "source": ""}])
    ]
    campaign.save_revision().publish()
    with at_london(2021, 6, 13, 12, 0):
        response = client.get("/campaigns/2021/")
    assert b"7,400" not in response.content
    assert b"On now" in response.content
    with at_london(2021, 6, 14, 9, 0):
        response = client.get("/campaigns/2021/")
    assert b"How the week went" in response.content
    assert b"7,400" in response.content


def test_current_campaign_prefers_live_then_next_then_latest(archive, campaign):
    next_week = CampaignPageFactory(parent=archive, year=2022)
    with at_london(2021, 6, 10, 12, 0):
        assert current_campaign() == campaign
    with at_london(2021, 6, 14, 0, 0):
        assert current_campaign() == next_week
    with at_london(2023, 1, 1, 0, 0):
        assert current_campaign() == next_week
