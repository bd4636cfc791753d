"""Demo content for campaigns: IMHAW 2020 and 2021 from shared/seeds, and the next week.

Facts come from the two seed documents. Where the sources give no value a field needs
(the 2020 dates, the Genesis conference's date, booking links), the demo says so in the
content or uses example.org, rather than inventing something that reads as fact.
"""

import datetime

from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.demo import ensure_page

from .demo_files import (
    BRAND_LICENCE,
    TEAL,
    brand_kit,
    ensure_document,
    ensure_image,
    pdf,
)
from .models import (
    CampaignAppearance,
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    CampaignResource,
    EventPage,
    Hashtag,
    MediaAppearance,
    Resource,
    ResourceFile,
)


def ensure_kit(resource: Resource, files: list[tuple]) -> None:
    """Make the resource's kit these (document, label) pairs, keeping matching rows."""
    existing = {item.document_id: item for item in resource.files.all()}
    kit = []
    for document, label in files:
        item = existing.get(document.pk) or ResourceFile(document=document)
        item.label = label
        kit.append(item)
    resource.files = kit
    resource.save()


def ensure_hashtags(*texts: str) -> list[Hashtag]:
    hashtags = []
    for text in texts:
        hashtag = Hashtag.objects.filter(text__iexact=text).first()
        hashtags.append(hashtag or Hashtag.objects.create(text=text))
    return hashtags


def ensure_resource(title: str, **fields) -> Resource:
    resource, _ = Resource.objects.update_or_create(title=title, defaults=fields)
    return resource


def _hashtags(hashtags: list[Hashtag]) -> list[CampaignHashtag]:
    return [CampaignHashtag(hashtag=hashtag) for hashtag in hashtags]


def _resources(resources: list[Resource]) -> list[CampaignResource]:
    return [CampaignResource(resource=resource) for resource in resources]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


def next_week_start(today: datetime.date) -> datetime.date:
    """The Monday of the next June week not yet over: on or after 7 June."""
    for year in (today.year, today.year + 1):
        start = datetime.date(year, 6, 7)
        start += datetime.timedelta(days=(7 - start.weekday()) % 7)
        if start + datetime.timedelta(days=6) >= today:
            return start
    raise AssertionError("unreachable")


def build_2021(archive: CampaignIndexPage) -> CampaignPage:
    hashtags = ensure_hashtags("IMHAW21", "IncludingInfants")
    branding = ensure_resource(
        "IMHAW 2021 branding: logos",
        kind=Resource.Kind.BRANDING,
        description="The logos for the week, to support your social media and "
        "other activities.",
        document=None,
        link="",
        licence=BRAND_LICENCE,
        thumbnail=ensure_image("IMHAW 2021 logo", "#IMHAW21\n#IncludingInfants"),
    )
    ensure_kit(branding, brand_kit(2021, "IMHAW21"))
    campaign = ensure_page(
        archive,
        CampaignPage,
        "2021",
        title="Infant Mental Health Awareness Week 2021",
        year=2021,
        start_date=datetime.date(2021, 6, 7),
        end_date=datetime.date(2021, 6, 13),
        theme_title="Including Infants",
        theme_summary="Including infants in children and young people's mental health.",
        goal="<p>The goal of this year's theme is to encourage everyone working in "
        "children and young people's mental health policies, strategies and "
        "services to think about and include babies. Children and young people's "
        "mental health should refer to the mental health of all children from 0-18 "
        "and beyond, but too often it is focussed on older children. There is a "
        "“baby blindspot”. We are encouraging everyone to think and talk about "
        "infant, children and young people's mental health, and to consider how "
        "babies' mental health needs can be met.</p>",
        hero_image=ensure_image(
            "Including Infants", "Including Infants\nIMHAW 7-13 June 2021"
        ),
        brand_colour="#6B2F8A",
        body=[
            (
                "paragraph",
                "<p>Infant Mental Health Awareness Week provides an opportunity for "
                "everyone working in the sector to raise awareness of the "
                "importance of babies' social and emotional development, and to "
                "share work they are doing. There are lots of ways to get involved "
                "in the week and to promote this year's theme, “Including "
                "Infants”: use the hashtags, download the branding, join an event "
                "and take the pledge.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Children and young people's mental health should "
                    "refer to the mental health of all children from 0-18 and "
                    "beyond.",
                    "attribution": "Parent-Infant Foundation",
                },
            ),
        ],
        pledge_wording="Throughout the week we are asking professionals in mental "
        "health to pledge to include infants when they talk about children and "
        "young people's mental health. I pledge to include infants when I talk "
        "about children and young people's mental health.",
        pledge_call_to_action="Take the #IncludingInfants Pledge now",
        pledge_opens_at=_at(datetime.date(2021, 6, 7), 0),
        pledge_closes_at=_at(datetime.date(2021, 6, 13), 23, 59),
        events_intro="<p>The Parent-Infant Foundation has launched a calendar of "
        "events for the week. If you're running something that you'd like to be "
        "on the calendar, email events@example.org.</p>",
        recap=[],
        campaign_hashtags=_hashtags(hashtags),
        campaign_resources=_resources([branding]),
    )
    ensure_page(
        campaign,
        EventPage,
        "appg-conception-to-age-two",
        title="All Party Parliamentary Group for Conception to Age Two",
        summary="This meeting will focus on local variation in the provision of "
        "services for babies and their families across England, and how this "
        "might be addressed through current reforms.",
        start=_at(datetime.date(2021, 6, 8), 9, 30),
        end=_at(datetime.date(2021, 6, 8), 11),
        attendance=EventPage.Attendance.ONLINE,
        organiser_name="APPG for Conception to Age Two",
        organiser_url="https://example.org/appg-conception-to-age-two",
        booking_url="https://example.org/appg-conception-to-age-two/book",
        livestream_url="https://example.org/appg-conception-to-age-two/live",
        recording_url="https://example.org/appg-conception-to-age-two/recording",
        description="<p>To join the meeting live, book a place. The meeting will "
        "also be livestreamed and recorded to watch later.</p>",
    )
    ensure_page(
        campaign,
        EventPage,
        "begin-before-birth",
        title="Begin Before Birth: Emotional Wellbeing During Pregnancy & Beyond",
        summary="Genesis Research Trust's conference, open to the general public "
        "for the first time, looks at both the mental health of mothers and "
        "infants, which echoes this year's theme, “Including Infants”.",
        start=_at(datetime.date(2021, 6, 10), 10),
        end=_at(datetime.date(2021, 6, 10), 16),
        attendance=EventPage.Attendance.ONLINE,
        organiser_name="Genesis Research Trust",
        organiser_url="https://example.org/genesis-research-trust",
        booking_url="https://example.org/genesis-research-trust/begin-before-birth",
        description="<p>The source article does not give the conference's date "
        "and time; the demo places it on the Thursday of the week.</p>",
    )
    return campaign


def build_2020(archive: CampaignIndexPage) -> CampaignPage:
    hashtags = ensure_hashtags("IMHAW20", "IMHAW2020")
    infographic = ensure_resource(
        "What is infant mental health? Infographic",
        kind=Resource.Kind.INFOGRAPHIC,
        description="A new infographic explaining what infant mental health is and "
        "why it matters.",
        document=ensure_document(
            "Infant mental health infographic (demo file)",
            "infant-mental-health-infographic.pdf",
            pdf(["What is infant mental health\nand why does it matter?"]),
        ),
        link="",
        thumbnail=ensure_image(
            "Infant mental health infographic", "What is infant\nmental health?", TEAL
        ),
    )
    briefing = ensure_resource(
        "Infant Mental Health Briefing for Commissioners",
        kind=Resource.Kind.BRIEFING,
        description="Explains infant mental health, the role of teams and the "
        "impact of Covid-19, for commissioners.",
        document=ensure_document(
            "Infant Mental Health Briefing for Commissioners (demo file)",
            "imh-briefing-for-commissioners.pdf",
            pdf(
                [
                    "Infant Mental Health\nBriefing for Commissioners",
                    "What infant mental health is",
                    "The role of teams",
                    "The impact of Covid-19",
                ]
            ),
        ),
        link="",
        thumbnail=None,
    )
    training = ensure_resource(
        "Online infant mental health training resources for professionals",
        kind=Resource.Kind.TRAINING,
        description="A rich resource outlining online infant mental health "
        "training for professionals.",
        document=ensure_document(
            "Online infant mental health training resources (demo file)",
            "online-imh-training-resources.pdf",
            pdf(["Online infant mental health\ntraining resources\nfor professionals"]),
        ),
        link="",
        thumbnail=None,
    )
    podcast, _ = MediaAppearance.objects.update_or_create(
        title="Mind Matters podcast with Karen Bateson",
        defaults={
            "outlet": "Mind Matters podcast",
            "kind": MediaAppearance.Kind.PODCAST,
            "people": "Karen Bateson",
            "link": "https://example.org/mind-matters-podcast",
            "description": "Karen Bateson of the Parent-Infant Foundation "
            "contributed to the Mind Matters podcast during IMHAW20.",
            "transcript": "<p><i>A demo transcript: the seed documents do not "
            "hold the episode's words, so this shows only how a transcript "
            "reads.</i></p><p><b>Host:</b> Welcome to Mind Matters. With us is "
            "Karen Bateson of the Parent-Infant Foundation.</p><p><b>Karen "
            "Bateson:</b> Thank you for having me during Infant Mental Health "
            "Awareness Week.</p>",
        },
    )
    campaign = ensure_page(
        archive,
        CampaignPage,
        "2020",
        title="Infant Mental Health Awareness Week 2020",
        year=2020,
        start_date=datetime.date(2020, 6, 8),
        end_date=datetime.date(2020, 6, 14),
        theme_title="IMHAW20: the week goes online",
        theme_summary="Face-to-face events could not take place because of the "
        "Coronavirus pandemic, so the week happened on Facebook, Instagram and "
        "Twitter.",
        hero_image=ensure_image("IMHAW20", "#IMHAW20\n#IMHAW2020", TEAL),
        brand_colour="#0B6E6E",
        body=[
            (
                "paragraph",
                "<p>Face-to-face events could not take place because of the "
                "Coronavirus pandemic but IMHAW saw huge amounts of activity on "
                "Facebook, Instagram and Twitter using the hashtags #IMHAW20 and "
                "#IMHAW2020.</p>",
            ),
        ],
        recap=[
            (
                "thanks",
                "<p>There was huge engagement in 2020's Infant Mental Health "
                "Awareness Week across the UK and around the world.</p>",
            ),
            (
                "figures",
                [
                    {
                        "number": "7,400",
                        "label": "Twitter posts used #IMHAW2020",
                        "source": "Analytics for #IMHAW2020",
                    },
                    {
                        "number": "14.2 million",
                        "label": "people reached",
                        "source": "Analytics for #IMHAW2020",
                    },
                ],
            ),
            (
                "highlight",
                {
                    "title": "The First 1001 Days Movement relaunched",
                    "text": "<p>During the week, the First 1001 Days Movement was "
                    "re-launched with a new vision, mission and consensus "
                    "statement.</p>",
                },
            ),
            (
                "highlight",
                {
                    "title": "An open letter to the Prime Minister",
                    "text": "<p>The relaunch was accompanied by an open letter to "
                    "the Prime Minister about the importance of babies' emotional "
                    "wellbeing and development.</p>",
                },
            ),
            (
                "highlight",
                {
                    "title": "A new infographic",
                    "text": "<p>We created a new infographic explaining what "
                    "infant mental health is and why it matters.</p>",
                },
            ),
            (
                "highlight",
                {
                    "title": "The Parent-Infant Foundation was very busy",
                    "text": "<p>We created an Infant Mental Health Briefing for "
                    "Commissioners explaining infant mental health, the role of "
                    "teams and the impact of Covid-19; we pulled together a rich "
                    "resource outlining online infant mental health training "
                    "resources for professionals; Sally Hogg contributed to "
                    "blogs for ACAMH, iHV and the NHS Confederation; and Karen "
                    "Bateson contributed to the Mind Matters podcast.</p>",
                },
            ),
            (
                "thanks",
                "<p>Thank you to everyone who contributed and participated!</p>",
            ),
        ],
        campaign_hashtags=_hashtags(hashtags),
        campaign_resources=_resources([infographic, briefing, training]),
        campaign_appearances=[CampaignAppearance(appearance=podcast)],
    )
    return campaign


def build_next(archive: CampaignIndexPage) -> CampaignPage:
    """A week to come, so the home page and "upcoming" states have something to show."""
    start = next_week_start(timezone.localdate())
    short = f"IMHAW{start.year % 100}"
    hashtags = ensure_hashtags(short)
    branding = Resource.objects.get(title="IMHAW 2021 branding: logos")
    campaign = ensure_page(
        archive,
        CampaignPage,
        str(start.year),
        title=f"Infant Mental Health Awareness Week {start.year}",
        year=start.year,
        start_date=start,
        end_date=start + datetime.timedelta(days=6),
        theme_title="Theme to be announced",
        theme_summary=f"Infant Mental Health Awareness Week runs every June. The "
        f"theme for {start.year} will be announced in the spring: follow #{short} "
        "to hear it first.",
        events_intro="<p>Running something you'd like to be on the calendar? "
        "Propose it with the form, or email events@example.org.</p>",
        pledge_wording="I pledge to think about and include babies whenever I talk "
        "about children and young people's mental health.",
        pledge_call_to_action=f"Take the #{short} pledge",
        pledge_closes_at=_at(start + datetime.timedelta(days=7), 0),
        pledge_target=1000,
        campaign_hashtags=_hashtags(hashtags),
        campaign_resources=_resources([branding]),
    )
    return campaign


def build(home: Page) -> None:
    archive = ensure_page(
        home,
        CampaignIndexPage,
        "campaigns",
        title="Awareness weeks",
        show_in_menus=True,
        intro="<p>Every Infant Mental Health Awareness Week, newest first: its "
        "theme, events, downloads and what it achieved.</p>",
    )
    weeks = [build_2020(archive), build_2021(archive), build_next(archive)]
    # The short links used on social media and in print: /imhaw20, /imhaw21 ...
    for week in weeks:
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(f"/imhaw{week.year % 100}"),
            site=None,
            defaults={"redirect_page": week, "is_permanent": True},
        )
