"""The demo site carries every fact of the seed documents (shared/seeds/README.md)."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

import time_machine

from campaigns.models import CampaignPage, EventPage, MediaAppearance, Resource

from ..conftest import london

TODAY = london(2026, 11, 23, 12)


class DemoFactsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The demo's coming week depends on today: load it on a known day.
        with time_machine.travel(TODAY, tick=False):
            call_command("load_demo", stdout=StringIO())

    def text(self, url: str) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def test_2021_week_dates_theme_and_hashtags(self):
        week = CampaignPage.objects.get(year=2021)
        self.assertEqual(str(week.start_date), "2021-06-07")
        self.assertEqual(str(week.end_date), "2021-06-13")
        self.assertEqual(week.theme_title, "Including Infants")
        self.assertEqual(
            [str(tag) for tag in week.hashtags], ["#IMHAW21", "#IncludingInfants"]
        )
        page = self.text(week.url)
        for fact in [
            "7–13 June 2021",
            "Including infants in children and young people&#x27;s mental health",
            "baby blindspot",
            "0-18 and beyond",
            "Take the #IncludingInfants Pledge now",
            "pledge to include infants",
        ]:
            self.assertIn(fact, page)

    def test_2021_downloads_and_calendar(self):
        page = self.text("/campaigns/2021/")
        self.assertIn("IMHAW 2021 branding: logos", page)
        self.assertIn("(ZIP,", page)
        self.assertIn('href="/calendars/2021.ics"', page)
        self.assertIn("events@example.org", page)
        calendar = self.client.get("/calendars/2021.ics")
        self.assertEqual(calendar.status_code, 200)
        self.assertIn(b"Begin Before Birth", calendar.content)

    def test_2021_events(self):
        appg = EventPage.objects.get(slug="appg-conception-to-age-two")
        self.assertEqual(appg.start, london(2021, 6, 8, 9, 30))
        self.assertEqual(appg.end, london(2021, 6, 8, 11, 0))
        self.assertTrue(appg.booking_url)
        self.assertTrue(appg.livestream_url)
        self.assertTrue(appg.recording_url)
        self.assertIn("local variation in the provision of services", appg.summary)
        self.assertIn("England", appg.summary)
        genesis = EventPage.objects.get(slug="begin-before-birth")
        self.assertEqual(
            genesis.title,
            "Begin Before Birth: Emotional Wellbeing During Pregnancy & Beyond",
        )
        self.assertEqual(genesis.organiser_name, "Genesis Research Trust")
        self.assertIn("general public for the first time", genesis.summary)

    def test_2020_recap_figures_and_highlights(self):
        week = CampaignPage.objects.get(year=2020)
        self.assertEqual(
            [str(tag) for tag in week.hashtags], ["#IMHAW20", "#IMHAW2020"]
        )
        figures = {
            figure["number"]: figure["label"] for figure in week.headline_figures
        }
        self.assertEqual(figures["7,400"], "Twitter posts used #IMHAW2020")
        self.assertEqual(figures["14.2 million"], "people reached")
        page = self.text(week.url)
        for fact in [
            "Coronavirus pandemic",
            "Facebook, Instagram and Twitter",
            "First 1001 Days Movement",
            "new vision, mission and consensus statement",
            "open letter to the Prime Minister",
            "new infographic",
            "Thank you to everyone who contributed and participated!",
            "Mind Matters podcast",
            "Karen Bateson",
        ]:
            self.assertIn(fact, page)

    def test_2020_resources(self):
        kinds = dict(
            Resource.objects.filter(
                title__in=[
                    "What is infant mental health? Infographic",
                    "Infant Mental Health Briefing for Commissioners",
                    "Online infant mental health training resources for professionals",
                ]
            ).values_list("title", "kind")
        )
        self.assertEqual(len(kinds), 3)
        briefing = Resource.objects.get(
            title="Infant Mental Health Briefing for Commissioners"
        )
        self.assertIn("role of teams", briefing.description)
        self.assertIn("Covid-19", briefing.description)
        self.assertTrue(briefing.document.file.read(5).startswith(b"%PDF"))
        self.assertTrue(MediaAppearance.objects.filter(people="Karen Bateson").exists())

    def test_the_next_week_is_upcoming_and_featured_on_the_home_page(self):
        with time_machine.travel(TODAY, tick=False):
            home = self.text("/")
        upcoming = CampaignPage.objects.order_by("-year").first()
        self.assertEqual(upcoming.year, 2027)
        self.assertEqual(str(upcoming.start_date), "2027-06-07")
        self.assertIn(upcoming.title, home)
        self.assertIn("Coming up", home)

    def test_short_links_redirect_to_their_weeks(self):
        for short, url in [
            ("/imhaw20", "/campaigns/2020/"),
            ("/imhaw21/", "/campaigns/2021/"),
        ]:
            response = self.client.get(short)
            self.assertEqual(response.status_code, 301, short)
            self.assertEqual(response["Location"], url)
