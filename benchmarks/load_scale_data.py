"""Fill the database with a scale data set for benchmarks, on top of the demo site.

    .venv/bin/python benchmarks/load_scale_data.py [--posts 2000 ...]

runs it with the settings in DJANGO_SETTINGS_MODULE (the dev settings by default).

Everything made here is marked: pages, tags and authors by a `scale-` slug, hashtags
by a `Scale` prefix, signatures by a `scale-signer-` email. A second run counts what is
marked and tops up to the targets, so it never doubles the data.

Pages are real, live Wagtail pages added with treebeard's `add_child`, but without
revisions. Signatures, tags, authors and the pages' authors, tags and hashtags are
bulk-created. The search and reference indexes are not updated on each save but once
at the end, for what this run made.
"""

import datetime
import os
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if __name__ == "__main__":  # Run as a script: Django first, then the models.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    import django

    django.setup()

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from taggit.models import Tag

from blog.models import Author, BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogPostTag
from campaigns.models import (
    CampaignHashtag,
    CampaignIndexPage,
    CampaignPage,
    EventPage,
    Hashtag,
)
from pledges.models import PledgeSignature

# The demo has 2020, 2021 and the coming year: scale weeks count back from 2019.
LATEST_YEAR = 2019
CAMPAIGN_PREFIX = "scale-"
EVENT_PREFIX = "scale-event-"
POST_PREFIX = "scale-post-"
TAG_PREFIX = "scale-tag-"
AUTHOR_PREFIX = "scale-author-"
HASHTAG_PREFIX = "Scale"
SIGNER_PREFIX = "scale-signer-"
BATCH_SIZE = 5_000

TOPICS = [
    "sleep",
    "feeding",
    "attachment",
    "bonding",
    "play",
    "perinatal mental health",
    "fathers",
    "health visiting",
    "early years",
    "parent-infant relationships",
    "speech and language",
    "crying",
    "brain development",
    "postnatal depression",
    "neonatal care",
    "adoption",
    "foster care",
    "peer support",
    "workforce",
    "family hubs",
    "commissioning",
    "research",
    "music and rhymes",
    "reading together",
]
WORDS = (
    "babies parents infants carers families early relationships support services "
    "health visitors midwives mental wellbeing development every first year home "
    "community together local national policy practice research evidence training "
    "listen notice respond care safe secure warm play talk share learn grow change "
    "week awareness campaign professionals need matter voices hear time money "
    "workforce funding access children young people months birth pregnancy"
).split()
THEMES = [
    "Focus on {}",
    "{} for every baby",
    "Talking about {}",
    "Making room for {}",
    "{} matters",
]
EVENT_KINDS = ["Webinar", "Workshop", "Coffee morning", "Conference", "Talk", "Walk"]
FIRST_NAMES = (
    "Amara Ben Chloe Dev Ella Femi Grace Harry Isla Jamal Kate Liam Maya Niall "
    "Olu Priya Rosa Sam Tariq Una Vik Wren Yusuf Zoe"
).split()
LAST_NAMES = (
    "Adams Begum Clarke Davies Evans Fraser Green Hughes Iqbal Jones Khan Lewis "
    "Morgan Nolan Owen Patel Quinn Reid Smith Taylor Walsh Young"
).split()
ORGANISATIONS = [
    "Parent-Infant Foundation",
    "Northfield NHS Trust",
    "Riverside Family Hub",
    "Baby Steps Network",
    "Westbury Council",
    "The Early Years Alliance",
]
VENUES = [
    ("Riverside Family Hub", "12 Mill Lane\nRiverside\nRS1 2AB"),
    ("Northfield Library", "1 High Street\nNorthfield\nNF4 5CD"),
    ("The Baby Room", "48 Park Road\nWestbury\nWB7 8EF"),
]
ROLES = [role for role in PledgeSignature.Role.values if role != "other"]
AUTHOR_ROLES = ["Health visitor", "Midwife", "Psychologist", "Researcher", "Director"]
REGIONS = PledgeSignature.Region.values
CONSENT = (
    "We keep your name, email address and role to count your pledge and, if you "
    "ask, to show your first name and role on the pledge wall."
)


def counts(created: int, total: int) -> str:
    return f"{created:>7} created, {total:>7} in all"


def sentence(rng: random.Random, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(words - 4, words)))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def aware(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


def week_start(year: int) -> datetime.date:
    """The Monday on or after 7 June, as the demo's weeks start."""
    start = datetime.date(year, 6, 7)
    return start + datetime.timedelta(days=(7 - start.weekday()) % 7)


def free_numbers(used: set[int], count: int) -> list[int]:
    """The `count` lowest numbers from 1 up that are not in `used`."""
    numbers, number = [], 1
    while len(numbers) < count:
        if number not in used:
            numbers.append(number)
        number += 1
    return numbers


def numbers_in(slugs, prefix: str) -> set[int]:
    return {
        int(slug.removeprefix(prefix))
        for slug in slugs
        if slug.removeprefix(prefix).isdigit()
    }


def published(page, when: datetime.datetime, locale_id: int):
    """Mark a new page live as if published at `when`, without a revision."""
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = when
    page.locale_id = locale_id  # Saves Wagtail looking up the parent's per page.
    return page


@contextmanager
def index_updates_paused() -> Iterator[None]:
    """Save without updating the search or reference index on every save."""
    paused = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)


class Command(BaseCommand):
    help = (
        "Add a scale data set for benchmarks to a site built by load_demo: past "
        "campaigns with events and pledges, blog posts, tags and authors. Running it "
        "again tops up to the counts asked for; it never doubles the data."
    )

    def add_arguments(self, parser):
        targets = [
            ("years", 20, "campaigns, one a year, counting back from 2019"),
            ("posts", 2000, "blog posts"),
            ("events", 500, "events, spread over the scale campaigns"),
            ("tags", 300, "blog tags"),
            ("authors", 200, "blog authors"),
            ("signatures", 100_000, "pledge signatures, spread over the campaigns"),
        ]
        for name, default, what in targets:
            parser.add_argument(
                f"--{name}",
                type=int,
                default=default,
                help=f"How many scale {what} there should be (default {default}).",
            )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Seed for the fake text and the spread, for a reproducible set.",
        )
        parser.add_argument(
            "--skip-search-index",
            action="store_true",
            help="Do not index the new content; run `manage.py update_index` later.",
        )

    def handle(self, *args, **options):
        archive = CampaignIndexPage.objects.first()
        blog = BlogIndexPage.objects.first()
        if archive is None or blog is None:
            raise CommandError("No campaign archive or blog: run load_demo first.")
        self.rng = random.Random(options["seed"])  # noqa: S311 (fake data)
        self.created: dict[type, list] = {}
        started = time.monotonic()
        with index_updates_paused():
            campaigns = self.step(
                "campaigns", self.campaigns, archive, options["years"]
            )
            self.step("events", self.events, campaigns, options["events"])
            tags = self.step("tags", self.tags, options["tags"])
            authors = self.step("authors", self.authors, options["authors"])
            self.step(
                "posts", self.posts, blog, options["posts"], campaigns, authors, tags
            )
            self.step("signatures", self.signatures, campaigns, options["signatures"])
        if options["skip_search_index"]:
            self.stdout.write("Search index not updated: run `manage.py update_index`.")
        else:
            self.step("search index", self.update_search_index)
        self.step("references", self.update_reference_index)
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale data loaded in {time.monotonic() - started:.1f} s. "
                "Pledge signatures are not in the reference index: run "
                "`manage.py rebuild_references_index` (about a minute) if you need "
                "them in the admin's usage counts."
            )
        )

    def step(self, label: str, method, *args):
        """Run one stage in its own transaction and say what it did and how fast."""
        started = time.monotonic()
        with transaction.atomic():
            result, summary = method(*args)
        self.stdout.write(f"{label:<14} {summary} ({time.monotonic() - started:.1f} s)")
        return result

    def campaigns(self, archive: CampaignIndexPage, target: int):
        existing = list(
            CampaignPage.objects.child_of(archive)
            .filter(slug__startswith=CAMPAIGN_PREFIX)
            .defer_streamfields()
        )
        taken = set(CampaignPage.objects.values_list("year", flat=True))
        years, year = [], LATEST_YEAR
        while len(years) < target - len(existing) and year > 0:
            if year not in taken:
                years.append(year)
            year -= 1
        new = []
        for year in sorted(years):
            new.append(archive.add_child(instance=self.campaign(archive, year)))
        hashtags = self.campaign_hashtags(new)
        CampaignHashtag.objects.bulk_create(hashtags)
        self.created[CampaignPage] = new
        campaigns = sorted(existing + new, key=lambda campaign: campaign.year)
        return campaigns, counts(len(new), len(campaigns))

    def campaign(self, archive: CampaignIndexPage, year: int) -> CampaignPage:
        rng, start = self.rng, week_start(year)
        topic = rng.choice(TOPICS)
        page = CampaignPage(
            title=f"Infant Mental Health Awareness Week {year}",
            slug=f"{CAMPAIGN_PREFIX}{year}",
            year=year,
            start_date=start,
            end_date=start + datetime.timedelta(days=6),
            theme_title=rng.choice(THEMES).format(topic).capitalize(),
            theme_summary=sentence(rng, 20),
            goal=f"<p>{sentence(rng)}</p>",
            events_intro=f"<p>{sentence(rng)}</p>",
            pledge_wording=f"I pledge to think about {topic} whenever I talk about "
            "babies' mental health.",
            pledge_call_to_action="Take the pledge",
            pledge_closes_at=aware(start + datetime.timedelta(days=7), 0),
            pledge_target=rng.randrange(1_000, 10_000, 500),
        )
        when = aware(start - datetime.timedelta(days=60))
        return published(page, when, archive.locale_id)

    def campaign_hashtags(self, campaigns: list[CampaignPage]) -> list:
        """Two hashtags a week, its year's and its theme's, the snippets shared."""
        texts = {
            campaign.pk: [
                f"{HASHTAG_PREFIX}Week{campaign.year}",
                HASHTAG_PREFIX
                + "".join(c for c in campaign.theme_title.title() if c.isalnum()),
            ]
            for campaign in campaigns
        }
        wanted = {text for row in texts.values() for text in row}
        known = {tag.text: tag for tag in Hashtag.objects.filter(text__in=wanted)}
        missing = [Hashtag(text=text) for text in sorted(wanted - set(known))]
        known.update((tag.text, tag) for tag in Hashtag.objects.bulk_create(missing))
        self.created[Hashtag] = missing
        return [
            CampaignHashtag(campaign_id=pk, hashtag=known[text], sort_order=order)
            for pk, row in texts.items()
            for order, text in enumerate(row)
        ]

    def events(self, campaigns: list[CampaignPage], target: int):
        slugs = list(
            EventPage.objects.filter(slug__startswith=EVENT_PREFIX).values_list(
                "slug", flat=True
            )
        )
        numbers = free_numbers(numbers_in(slugs, EVENT_PREFIX), target - len(slugs))
        if not campaigns:
            numbers = []
        new = []
        for number in numbers:
            # Round robin, so every week gets its share of a top-up too.
            campaign = campaigns[number % len(campaigns)]
            new.append(campaign.add_child(instance=self.event(campaign, number)))
        self.created[EventPage] = new
        return new, counts(len(new), len(slugs) + len(new))

    def event(self, campaign: CampaignPage, number: int) -> EventPage:
        rng = self.rng
        day = campaign.start_date + datetime.timedelta(days=rng.randrange(7))
        start = aware(day, rng.choice([9, 10, 11, 13, 14, 16, 18]), rng.choice([0, 30]))
        attendance = rng.choice(EventPage.Attendance.values)
        venue, address = (
            rng.choice(VENUES)
            if attendance != EventPage.Attendance.ONLINE
            else ("", "")
        )
        page = EventPage(
            title=f"{rng.choice(EVENT_KINDS)}: {rng.choice(TOPICS)}",
            slug=f"{EVENT_PREFIX}{number}",
            summary=sentence(rng, 16),
            start=start,
            end=start + datetime.timedelta(minutes=rng.choice([60, 90, 120])),
            attendance=attendance,
            venue_name=venue,
            address=address,
            organiser_name=rng.choice(ORGANISATIONS),
            booking_url=f"https://example.org/events/{number}",
            description=f"<p>{paragraph(rng)}</p>",
        )
        return published(page, campaign.first_published_at, campaign.locale_id)

    def tags(self, target: int):
        existing = list(Tag.objects.filter(slug__startswith=TAG_PREFIX))
        used = numbers_in((tag.slug for tag in existing), TAG_PREFIX)
        new = [
            # The number keeps names unique, as taggit requires.
            Tag(
                name=f"{self.rng.choice(TOPICS)} {number}", slug=f"{TAG_PREFIX}{number}"
            )
            for number in free_numbers(used, target - len(existing))
        ]
        Tag.objects.bulk_create(new)
        return existing + new, counts(len(new), len(existing) + len(new))

    def authors(self, target: int):
        existing = list(Author.objects.filter(slug__startswith=AUTHOR_PREFIX))
        used = numbers_in((author.slug for author in existing), AUTHOR_PREFIX)
        rng = self.rng
        new = [
            Author(
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                slug=f"{AUTHOR_PREFIX}{number}",
                role=rng.choice(AUTHOR_ROLES),
                organisation=rng.choice(ORGANISATIONS),
                bio=paragraph(rng, 2),
            )
            for number in free_numbers(used, target - len(existing))
        ]
        new = Author.objects.bulk_create(new)
        self.created[Author] = new
        return existing + new, counts(len(new), len(existing) + len(new))

    def posts(self, blog, target, campaigns, authors, tags):
        slugs = list(
            BlogPostPage.objects.filter(slug__startswith=POST_PREFIX).values_list(
                "slug", flat=True
            )
        )
        numbers = free_numbers(numbers_in(slugs, POST_PREFIX), target - len(slugs))
        rng, new = self.rng, []
        for number in numbers:
            campaign = (
                rng.choice(campaigns) if campaigns and rng.random() < 0.8 else None
            )
            new.append(blog.add_child(instance=self.post(blog, number, campaign)))
        post_authors, post_tags = [], []
        for post in new:
            for order, author in enumerate(
                rng.sample(authors, min(rng.randint(2, 3), len(authors)))
            ):
                post_authors.append(
                    BlogPostAuthor(post=post, author=author, sort_order=order)
                )
            for tag in rng.sample(tags, min(rng.randint(3, 5), len(tags))):
                post_tags.append(BlogPostTag(content_object=post, tag=tag))
        BlogPostAuthor.objects.bulk_create(post_authors, batch_size=BATCH_SIZE)
        BlogPostTag.objects.bulk_create(post_tags, batch_size=BATCH_SIZE)
        self.created[BlogPostPage] = new
        return new, counts(len(new), len(slugs) + len(new))

    def post(self, blog, number: int, campaign: CampaignPage | None) -> BlogPostPage:
        rng = self.rng
        if campaign:
            date = campaign.start_date + datetime.timedelta(days=rng.randint(-21, 21))
        else:
            date = datetime.date(LATEST_YEAR - 19, 1, 1) + datetime.timedelta(
                days=rng.randrange(20 * 365)
            )
        topic = rng.choice(TOPICS)
        page = BlogPostPage(
            title=f"{rng.choice(THEMES).format(topic).capitalize()} ({number})",
            slug=f"{POST_PREFIX}{number}",
            date=date,
            intro=sentence(rng, 20),
            body=[
                ("paragraph", f"<p>{paragraph(rng, rng.randint(3, 6))}</p>")
                for _ in range(rng.randint(2, 5))
            ],
            campaign=campaign,
        )
        return published(page, aware(date), blog.locale_id)

    def signatures(self, campaigns: list[CampaignPage], target: int):
        emails = set(
            PledgeSignature.objects.filter(email__startswith=SIGNER_PREFIX).values_list(
                "email", flat=True
            )
        )
        missing = max(0, target - len(emails)) if campaigns else 0
        rng = self.rng
        # Later weeks draw more pledges, as a growing campaign does.
        cum_weights = [n * (n + 1) // 2 for n in range(1, len(campaigns) + 1)]
        opens = {
            c.pk: aware(c.start_date - datetime.timedelta(days=14), 0)
            for c in campaigns
        }
        window = 21 * 24 * 3600
        batch, created, number = [], 0, 0
        while created < missing:
            number += 1
            email = f"{SIGNER_PREFIX}{number}@example.org"
            if email in emails:
                continue
            campaign = rng.choices(campaigns, cum_weights=cum_weights)[0]
            role = rng.choice(ROLES) if rng.random() < 0.95 else "other"
            batch.append(
                PledgeSignature(
                    campaign=campaign,
                    name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    email=email,
                    role=role,
                    role_other="Family support worker" if role == "other" else "",
                    organisation=rng.choice(ORGANISATIONS),
                    region=rng.choice(REGIONS),
                    show_on_wall=rng.random() < 0.3,
                    consent_text=CONSENT,
                    consented_at=opens[campaign.pk]
                    + datetime.timedelta(seconds=rng.randrange(window)),
                )
            )
            created += 1
            if len(batch) == BATCH_SIZE:
                PledgeSignature.objects.bulk_create(batch)
                batch = []
        PledgeSignature.objects.bulk_create(batch)
        # created_at is set to now on insert: move it to when each person signed.
        PledgeSignature.objects.filter(email__startswith=SIGNER_PREFIX).exclude(
            created_at=F("consented_at")
        ).update(created_at=F("consented_at"))
        return None, counts(created, len(emails) + created)

    def update_search_index(self):
        """Index what this run made in one bulk call per model."""
        count = 0
        for backend in get_search_backends(with_auto_update=True):
            for model, objects in self.created.items():
                if objects:
                    backend.add_bulk(model, objects)
                    count += len(objects)
        return None, f"{count:>7} objects indexed"

    def update_reference_index(self):
        """Record what the new pages link to (campaigns, authors, tags), so the admin
        can show where a snippet or page is used."""
        pages = [
            page
            for model in (CampaignPage, EventPage, BlogPostPage)
            for page in self.created.get(model, [])
        ]
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        return None, f"{len(pages):>7} pages recorded"


if __name__ == "__main__":
    Command().run_from_argv([sys.argv[0], "load_scale_data", *sys.argv[1:]])
