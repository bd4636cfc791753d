"""Scheduled publishing happens on its own: the scheduler runs publish_scheduled."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import time_machine

from home.models import StandardPage


def run_scheduler() -> str:
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out, stderr=out)
    return out.getvalue()


def test_a_page_scheduled_to_go_live_is_published_at_its_time(client, home_page):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    page = StandardPage(title="Launch", slug="launch", live=False)
    home_page.add_child(instance=page)
    page.go_live_at = go_live
    page.save_revision().publish()  # With go_live_at ahead, this schedules it.
    page.refresh_from_db()
    assert not page.live
    run_scheduler()
    assert client.get("/launch/").status_code == 404
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        run_scheduler()
    page.refresh_from_db()
    assert page.live
    assert client.get("/launch/").status_code == 200


def test_a_page_past_its_expiry_is_unpublished(home_page):
    expire = timezone.now() + datetime.timedelta(days=1)
    page = StandardPage(title="Offer", slug="offer", expire_at=expire)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    assert page.live
    with time_machine.travel(expire + datetime.timedelta(minutes=1), tick=False):
        run_scheduler()
    page.refresh_from_db()
    assert not page.live
    assert page.expired


def test_the_scheduler_also_applies_the_pledge_retention(home_page):
    output = run_scheduler()
    assert "publish_scheduled every 60 s" in output
    assert "Deleted 0 pledge signatures" in output
