"""The home page features the live week, else the next, else the latest."""

import pytest
import time_machine

from campaigns.factories import CampaignPageFactory, EventPageFactory

from ..conftest import london


@pytest.fixture
def weeks(archive, campaign):
    return {
        2020: CampaignPageFactory(parent=archive, year=2020, title="IMHAW 2020"),
        2021: campaign,
        2022: CampaignPageFactory(parent=archive, year=2022, title="IMHAW 2022"),
    }


def featured(client) -> str:
    content = client.get("/").content.decode()
    start = content.index('class="container featured-campaign"')
    return content[start : content.index("</section>", start)]


@pytest.mark.parametrize(
    ("moment", "title", "words"),
    [
        (
            (2021, 5, 25, 12),
            "Infant Mental Health Awareness Week 2021",
            "Starts in 13 days",
        ),
        (
            (2021, 6, 6, 23, 59),
            "Infant Mental Health Awareness Week 2021",
            "Starts tomorrow",
        ),
        ((2021, 6, 7, 0, 0), "Infant Mental Health Awareness Week 2021", "day 1 of 7"),
        (
            (2021, 6, 13, 23, 59),
            "Infant Mental Health Awareness Week 2021",
            "the last day",
        ),
        ((2021, 6, 14, 0, 0), "IMHAW 2022", "Starts in"),
    ],
)
def test_home_features_the_right_week_around_its_edges(
    client, weeks, moment, title, words
):
    with time_machine.travel(london(*moment), tick=False):
        section = featured(client)
    assert title in section
    assert words in section


def test_home_features_the_latest_week_once_all_are_over(client, weeks):
    with time_machine.travel(london(2023, 1, 10, 12), tick=False):
        section = featured(client)
    assert "IMHAW 2022" in section
    assert "The latest week" in section


def test_home_lists_upcoming_events_and_previous_weeks(client, weeks):
    EventPageFactory(parent=weeks[2021], title="Past talk", start=london(2021, 6, 7, 9))
    with time_machine.travel(london(2021, 6, 7, 12), tick=False):
        content = client.get("/").content.decode()
    assert "APPG for Conception to Age Two" in content
    assert "Past talk" not in content
    previous = content[content.index("Previous weeks") :]
    assert "IMHAW 2020" in previous
    assert "IMHAW 2022" not in previous
