"""What visitors do on the public site, end to end in the browser."""

import datetime
import re
import zoneinfo

from django.core import mail
from django.utils import timezone

import feedparser
import icalendar
import pytest
from playwright.sync_api import expect

from campaigns.models import EventPage, Resource
from pledges.models import PledgeSignature

from .conftest import PHONE, take_pledge, text_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONDON = zoneinfo.ZoneInfo("Europe/London")


def tab_to(page, locator, presses: int = 80) -> None:
    """Press Tab until `locator` has the focus, as a keyboard user does."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_visitor_reads_the_live_campaign_from_the_home_page(demo, page):
    page.goto("/")
    featured = page.locator(".featured-campaign")
    expect(featured).to_contain_text("On now: day 1 of 7")
    featured.get_by_role("link", name=demo.live.title).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(demo.live.title)
    expect(page.locator(".hero__kicker")).to_contain_text("On now")
    expect(page.locator(".hero")).to_contain_text("Babies in mind")
    hashtags = page.locator("section", has=page.locator("#hashtags-heading"))
    expect(hashtags).to_contain_text(f"#IMHAW{demo.live.year % 100}")
    expect(hashtags).to_contain_text("#BabiesInMind")
    expect(page.get_by_role("link", name=demo.live_event.title)).to_be_visible()
    expect(page.get_by_role("link", name=demo.download.title)).to_be_visible()


def test_visitor_downloads_a_resource_and_it_is_counted(demo, page):
    page.goto(demo.live.url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=demo.download.title).click()
    download = download_info.value

    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert Resource.objects.get(pk=demo.download.pk).download_count == 1


def test_visitor_adds_an_event_to_their_calendar(demo, page):
    page.goto(demo.live.url)
    page.get_by_role("link", name=demo.live_event.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(demo.live_event.title)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"Apple and others \(\.ics\)")).click()
    download = download_info.value

    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as ics:
        calendar = icalendar.Calendar.from_ical(ics.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == demo.live_event.title
    start = event.decoded("DTSTART")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert start == datetime.datetime.combine(
        tomorrow, datetime.time(12, 30), tzinfo=LONDON
    )
    assert str(start.tzinfo) == "Europe/London"


def test_visitor_takes_the_pledge_with_the_keyboard_alone(demo, page, quick_hands):
    page.goto(demo.live.url)
    expect(page.locator(".pledge-count")).to_have_text("0 professionals have pledged.")
    keyboard = page.keyboard

    tab_to(page, page.locator(".hero").get_by_role("link", name=re.compile("pledge")))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("pledge")
    tab_to(page, page.get_by_label("Your name"))
    keyboard.type("Amira Khan")
    keyboard.press("Tab")
    keyboard.type("amira@example.org")
    tab_to(page, page.get_by_role("combobox", name="Your role"))
    keyboard.type("Midwife")
    tab_to(page, page.get_by_label("I agree that"))
    keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Take the pledge"))
    keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for taking the pledge"
    )
    expect(page.locator("main")).to_contain_text("You are one of 1 person")
    signature = PledgeSignature.objects.get(campaign=demo.live)
    assert (signature.name, signature.role) == ("Amira Khan", "midwife")
    assert mail.outbox[-1].to == ["amira@example.org"]
    page.goto(demo.live.url)
    expect(page.locator(".pledge-count")).to_have_text("1 professional has pledged.")


def test_visitor_withdraws_their_pledge_with_the_link_in_its_email(
    demo, page, quick_hands
):
    take_pledge(page, demo.live, name="Amira Khan", email="amira@example.org")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    link = re.search(r"http://\S+/pledge/withdraw/\S+", mail.outbox[-1].body)[0]

    page.goto(link)
    page.get_by_role("button", name="Withdraw and delete my pledge").click()

    expect(page.locator("main")).to_contain_text("Your pledge has been withdrawn")
    assert not PledgeSignature.objects.filter(campaign=demo.live).exists()


def test_visitor_proposes_an_event_for_the_editors_to_review(demo, page, quick_hands):
    page.goto(demo.live.url)
    page.get_by_role("link", name="Propose an event").click()
    day = demo.live.start_date + datetime.timedelta(days=2)
    page.get_by_label("Organiser").fill("Little Steps Children's Centre")
    page.get_by_label("Your email address").fill("hello@example.org")
    page.get_by_label("Event title").fill("Baby massage and talk")
    page.get_by_label("Description").fill("A morning for parents and babies.")
    page.get_by_label("Starts").fill(f"{day:%Y-%m-%d}T10:00")
    page.get_by_label("Ends").fill(f"{day:%Y-%m-%d}T11:30")
    page.get_by_label("How people attend").select_option(label="In person")
    page.get_by_label("Venue").fill("Little Steps, Leeds")
    page.get_by_role("button", name="Send the event").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    event = EventPage.objects.get(title="Baby massage and talk")
    assert not event.live
    assert event.get_parent().pk == demo.live.pk
    assert mail.outbox[-1].to == ["hello@example.org"]
    page.goto(demo.live.url)
    expect(page.get_by_role("link", name="Baby massage and talk")).to_have_count(0)


def test_visitor_searches_and_finds_a_past_week(demo, page):
    page.goto("/")
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search the site").fill("Including Infants")
    page.get_by_label("Search the site").press("Enter")

    expect(page).to_have_title(re.compile("Search: Including Infants"))
    page.locator(".search-results").get_by_role(
        "link", name=demo.ended.title
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(demo.ended.title)


def test_visitor_follows_a_tag_to_its_posts_and_feed(demo, page):
    page.goto("/blog/")
    page.get_by_role("link", name="Introducing #IncludingInfants").first.click()
    post_footer = page.locator(".post__footer")
    post_footer.get_by_role("link", name="Including Infants").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Posts tagged “Including Infants”"
    )
    titles = page.locator(".post-card .card__title").all_inner_texts()
    assert "Introducing #IncludingInfants: IMHAW 2021" in titles
    feed_link = page.get_by_role("link", name="RSS feed for “Including Infants”")
    feed = feedparser.parse(page.request.get(feed_link.get_attribute("href")).body())
    assert "Introducing #IncludingInfants: IMHAW 2021" in [
        entry.title for entry in feed.entries
    ]
    assert len(feed.entries) == len(titles)


def test_visitor_on_a_phone_reads_the_archive_of_a_past_week(demo, new_page):
    page = new_page(PHONE)
    page.goto("/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Awareness weeks"
    ).click()
    page.get_by_role("link", name=demo.past_with_recap.title).click()

    recap = page.locator(".recap")
    expect(recap).to_contain_text("How the week went")
    expect(recap).to_contain_text("14.2 million")
    expect(recap).to_contain_text("The First 1001 Days Movement relaunched")
    assert text_of(page, ".hero__kicker") == "8–14 June 2020"
    page.get_by_role("link", name=re.compile("Read the transcript")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mind Matters")
