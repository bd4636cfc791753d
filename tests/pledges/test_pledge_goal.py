"""A campaign's pledge goal, shown as a progress bar on its page and the home page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from pledges.models import PledgeSignature

from ..conftest import london


@pytest.fixture
def pledging(campaign):
    campaign.pledge_wording = "I pledge to include infants."
    campaign.pledge_target = 1000
    campaign.save_revision().publish()
    for n in range(3):
        PledgeSignature.objects.create(
            campaign=campaign,
            name=f"Signer {n}",
            email=f"signer{n}@example.org",
            role="midwife",
            consent_text="I agree.",
            consented_at=london(2021, 6, 7, 9),
        )
    return campaign


def goal(html: str) -> str:
    start = html.index('<div class="pledge-goal">')
    return html[start : html.index("</div>", start)]


def test_campaign_page_shows_progress_towards_the_goal(client, pledging):
    section = goal(client.get("/campaigns/2021/").content.decode())
    assert "<strong>3</strong> of our goal of 1,000 pledges (0%)." in section
    assert '<progress class="pledge-goal__bar"' in section
    assert 'max="1000"' in section
    assert 'value="3"' in section
    assert 'aria-labelledby="pledge-goal-label"' in section


def test_home_page_features_the_goal(client, pledging):
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        html = client.get("/").content.decode()
    section = goal(html[html.index("featured-campaign") :])
    assert "<strong>3</strong> of our goal of 1,000 pledges" in section


def test_a_reached_goal_says_so_and_the_bar_stays_full(client, pledging):
    pledging.pledge_target = 2
    pledging.save_revision().publish()
    section = goal(client.get("/campaigns/2021/").content.decode())
    assert "Goal reached: <strong>3</strong> pledges, against a goal of 2." in section
    assert 'max="2"' in section
    assert 'value="2"' in section


def test_no_goal_no_bar(client, campaign):
    campaign.pledge_wording = "I pledge to include infants."
    campaign.save_revision().publish()
    html = client.get("/campaigns/2021/").content.decode()
    assert "pledged." in html
    assert "pledge-goal" not in html


def test_home_goal_costs_one_query_however_many_have_pledged(
    client, pledging, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # What rendering the page costs.

    def home_queries() -> int:
        with time_machine.travel(london(2021, 6, 1, 12), tick=False):
            client.get("/")
            with CaptureQueriesContext(connection) as context:
                assert client.get("/").status_code == 200
        return len(context.captured_queries)

    with_goal = home_queries()
    for n in range(30):
        PledgeSignature.objects.create(
            campaign=pledging,
            name="More",
            email=f"more{n}@example.org",
            role="gp",
            consent_text="I agree.",
            consented_at=london(2021, 6, 7, 9),
        )
    assert home_queries() == with_goal
    pledging.pledge_target = None
    pledging.save_revision().publish()
    assert home_queries() == with_goal - 1
