import datetime

import icalendar
import pytest
import time_machine

from campaigns.factories import EventPageFactory
from campaigns.models import EventPage

from ..conftest import london


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_event_ics_carries_the_event_in_uk_time(client, campaign):
    event = EventPage.objects.get(slug="appg")
    response = client.get(f"/calendars/events/{event.pk}.ics")
    assert response["Content-Disposition"] == 'attachment; filename="appg.ics"'
    calendar = parse(response)
    (vevent,) = calendar.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/London"
    assert start == datetime.datetime(2021, 6, 8, 8, 30, tzinfo=datetime.UTC)
    assert vevent.decoded("dtend") == london(2021, 6, 8, 11, 0)
    assert str(vevent["summary"]) == "APPG for Conception to Age Two"
    assert str(vevent["url"]) == "http://localhost/campaigns/2021/appg/"
    assert "https://example.org/book" in str(vevent["description"])
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/London"


def test_event_uid_is_stable_across_edits(client, campaign):
    event = EventPage.objects.get(slug="appg")
    first = parse(client.get(f"/calendars/events/{event.pk}.ics"))
    event.title = "APPG meeting (moved)"
    event.slug = "appg-moved"
    event.save_revision().publish()
    second = parse(client.get(f"/calendars/events/{event.pk}.ics"))
    uid = str(first.walk("VEVENT")[0]["uid"])
    assert uid == str(second.walk("VEVENT")[0]["uid"])
    assert uid.endswith("@campaign-hub")


def test_campaign_feed_lists_every_live_event_in_order(client, campaign):
    EventPageFactory(
        parent=campaign, title="Opening webinar", start=london(2021, 6, 7, 12)
    )
    draft = EventPageFactory(parent=campaign, title="Secret draft", live=False)
    calendar = parse(client.get("/calendars/2021.ics"))
    titles = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert titles == ["Opening webinar", "APPG for Conception to Age Two"]
    assert draft.title not in titles
    assert str(calendar["x-wr-calname"]) == campaign.title
    uids = {str(event["uid"]) for event in calendar.walk("VEVENT")}
    assert len(uids) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/calendars/1999.ics", "/calendars/events/999999.ics"])
def test_unknown_calendars_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_draft_event_calendar_is_not_found(client, campaign):
    draft = EventPageFactory(parent=campaign, live=False)
    assert client.get(f"/calendars/events/{draft.pk}.ics").status_code == 404


def test_day_by_day_list_offers_calendar_links(client, campaign):
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        response = client.get("/campaigns/2021/events/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Tuesday 8 June" in content
    assert "9:30am–11am" in content
    assert "No events listed for this day." in content
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in content
    assert "dates=20210608T083000Z%2F20210608T100000Z" in content
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in content
    event = EventPage.objects.get(slug="appg")
    assert f'href="/calendars/events/{event.pk}.ics"' in content


def test_finished_events_drop_their_calendar_links(client, campaign):
    with time_machine.travel(london(2021, 6, 9, 12), tick=False):
        response = client.get("/campaigns/2021/events/")
    assert b"Finished" in response.content
    assert b"calendar.google.com" not in response.content
