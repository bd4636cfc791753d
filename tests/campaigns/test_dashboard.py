"""The editors' dashboard: the coming week, pledges, reviews and this week's events."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Workflow

import time_machine

from campaigns.factories import EventPageFactory
from pledges.models import PledgeSignature

from ..conftest import london


def panel(dashboard: str, heading: str) -> str:
    start = dashboard.index(f">{heading}</h2>")
    return dashboard[start : dashboard.index("</section>", start)]


def sign(campaign, email: str, when: datetime.datetime) -> None:
    signature = PledgeSignature.objects.create(
        campaign=campaign,
        name="Sally Hogg",
        email=email,
        role="health_visitor",
        consent_text="I agree.",
        consented_at=when,
    )
    PledgeSignature.objects.filter(pk=signature.pk).update(created_at=when)


@time_machine.travel(london(2021, 6, 1, 12), tick=False)
def test_editor_sees_the_coming_week_with_countdown_and_checklist(
    client, editor, campaign
):
    client.force_login(editor)
    section = panel(client.get("/admin/").content.decode(), "The coming week")
    assert "Infant Mental Health Awareness Week 2021" in section
    assert "Starts in 6 days" in section
    assert "Share image</a>:" in section
    assert "missing" in section
    assert (
        f"/admin/pages/{campaign.pk}/edit/#panel-child-content-hero_image-section"
        in (section)
    )


@time_machine.travel(london(2021, 6, 9, 15), tick=False)
def test_editor_sees_pledges_today_this_week_and_a_chart(client, editor, campaign):
    sign(campaign, "a@example.org", london(2021, 6, 9, 9))
    sign(campaign, "b@example.org", london(2021, 6, 9, 10))
    sign(campaign, "c@example.org", london(2021, 6, 5, 10))
    sign(campaign, "d@example.org", london(2021, 5, 20, 10))
    client.force_login(editor)
    section = panel(client.get("/admin/").content.decode(), "Pledges")
    assert "<strong>2</strong> signed today" in section
    assert "<strong>3</strong> signed in the last seven days; 4 in all" in section
    assert section.count("<rect ") == 14
    assert "<title>Wed 9 Jun: 2</title>" in section
    assert "<title>Sat 5 Jun: 1</title>" in section
    assert '<time datetime="2021-05-27">' in section  # 14 days, oldest first


def test_editor_sees_event_proposals_and_guest_posts_waiting(client, editor, campaign):
    event = EventPageFactory(parent=campaign, title="Begin Before Birth", live=False)
    event.save_revision()
    Workflow.objects.get(name="Event review").start(event, user=None)
    client.force_login(editor)
    section = panel(client.get("/admin/").content.decode(), "Waiting for review")
    assert "Event review: 1" in section
    assert "Begin Before Birth" in section
    assert f"/admin/pages/{event.pk}/edit/" in section
    # No guest post was ever submitted: the blog's workflow is not listed.
    assert "Blog post review" not in section


def events_panel(client, editor, moment: tuple) -> str:
    with time_machine.travel(london(*moment), tick=False):
        client.force_login(editor)  # Sessions expire: log in at that moment.
        return panel(client.get("/admin/").content.decode(), "Events this week")


def test_editor_sees_this_weeks_events(client, editor, campaign):
    section = events_panel(client, editor, (2021, 6, 6, 12))
    assert "APPG for Conception to Age Two" in section
    assert "Tue 8 Jun, 9:30am–11am" in section
    later = events_panel(client, editor, (2021, 7, 1, 12))
    assert "No published events in the next seven days." in later


def test_guest_authors_see_none_of_the_campaign_panels(client, guest_author, campaign):
    client.force_login(guest_author)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    text = dashboard.content.decode()
    for heading in ["The coming week", "Pledges", "Waiting for review", "Events this"]:
        assert f">{heading}" not in text


def test_dashboard_query_count_does_not_grow_with_content(client, editor, campaign):
    client.force_login(editor)
    client.get("/admin/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get("/admin/").status_code == 200
        return len(context.captured_queries)

    before = queries()
    for n in range(20):
        sign(campaign, f"p{n}@example.org", timezone.now())
        EventPageFactory(parent=campaign, start=timezone.now())
    assert queries() == before
