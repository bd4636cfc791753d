from django.core import mail
from django.core.cache import cache

from wagtail.models import WorkflowState

import pytest
import time_machine

from campaigns.models import CampaignPage, EventPage

from ..conftest import london
from .test_pledge import started

PROPOSE_URL = "/campaigns/2021/propose-event/"


def submit_url() -> str:
    return CampaignPage.objects.get(year=2021).propose_event_submit_url


@pytest.fixture(autouse=True)
def before_the_week():
    """Proposals are taken until the week ends: these tests run a week before it."""
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        yield


def proposal(**overrides) -> dict:
    data = {
        "organiser_name": "Genesis Research Trust",
        "contact_email": "events@genesis.example",
        "title": "Begin Before Birth",
        "summary": "A conference on emotional wellbeing in pregnancy and beyond.",
        "start": "2021-06-10 10:00",
        "end": "2021-06-10 16:00",
        "attendance": "online",
        "venue_name": "",
        "address": "",
        "booking_url": "https://example.org/book",
        "livestream_url": "",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


def test_proposal_becomes_a_draft_in_review(client, campaign, editor):
    response = client.post(submit_url(), proposal())
    assert response.status_code == 302
    assert response["Location"] == "/campaigns/2021/propose-event/thanks/"
    event = EventPage.objects.get(title="Begin Before Birth")
    assert not event.live
    assert event.get_parent().pk == campaign.pk
    assert event.proposed_by_email == "events@genesis.example"
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Event review"
    recipients = {address for email in mail.outbox for address in email.to}
    assert "events@genesis.example" in recipients
    assert "eddie@example.org" in recipients


def test_proposed_event_is_not_public_until_published(client, campaign, editor):
    client.post(submit_url(), proposal())
    event = EventPage.objects.get(title="Begin Before Birth")
    assert client.get(f"/campaigns/2021/{event.slug}/").status_code == 404
    assert b"Begin Before Birth" not in client.get("/campaigns/2021/").content
    assert b"Begin Before Birth" not in client.get("/calendars/2021.ics").content


def test_editor_finds_the_proposal_on_the_dashboard(client, campaign, editor):
    client.post(submit_url(), proposal())
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert "Begin Before Birth" in dashboard


def test_proposal_dates_are_checked(client, campaign):
    response = client.post(
        submit_url(), proposal(end="2021-06-10 09:00", start="2021-06-10 10:00")
    )
    assert response.status_code == 400
    assert b"The event must end after it starts." in response.content
    far = client.post(
        submit_url(), proposal(start="2023-01-01 10:00", end="2023-01-01 11:00")
    )
    assert b"should start between" in far.content
    assert not EventPage.objects.filter(title="Begin Before Birth").exists()


def test_proposal_in_person_needs_a_place(client, campaign):
    response = client.post(submit_url(), proposal(attendance="in_person"))
    assert b"Say where the event takes place." in response.content


def test_bot_proposals_are_dropped_silently(client, campaign):
    response = client.post(submit_url(), proposal(website="spam"))
    assert response.status_code == 302
    assert not EventPage.objects.filter(title="Begin Before Birth").exists()


def test_proposals_are_rate_limited(client, campaign, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = "2/m"
    for n in range(2):
        client.post(submit_url(), proposal(title=f"Event {n}"))
    assert client.post(submit_url(), proposal()).status_code == 429


def test_an_ended_week_takes_no_proposals(client, campaign):
    with time_machine.travel(london(2021, 6, 14, 9), tick=False):
        cache.clear()
        page = client.get("/campaigns/2021/")
        form = client.get(PROPOSE_URL)
        response = client.post(submit_url(), proposal())
    assert b"Propose an event" not in page.content
    assert b"has ended" in form.content
    assert response.status_code == 403
    assert not EventPage.objects.filter(title="Begin Before Birth").exists()
