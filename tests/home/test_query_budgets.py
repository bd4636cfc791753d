"""Query budgets: every public page renders in a fixed number of queries.

Each public page type, listing, feed and calendar is requested twice with the page
cache off, and the second request is counted: what a page costs when the page cache
misses (the first visit made the pictures' renditions, as a running site has them).
The count is the same with 10 as with 100 posts, events, tags, authors, hashtags,
resources, media appearances and pledges. Wagtail's own routing (two queries a level
of the tree, two for view restrictions) and public() filters cost more than the 12
the speed issue aims at; a page-cache hit reads no table but the cache's
(tests/core/test_page_cache.py).

A change in a number here is a change in behaviour to explain, not a number to bump.
"""

import datetime
import re

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document
from wagtail.models import Site
from wagtail.signal_handlers import disable_reference_index_auto_update

import pytest
import time_machine
from taggit.models import Tag
from wagtail_factories import ImageFactory

from blog.factories import BlogIndexPageFactory, BlogPostPageFactory
from blog.models import Author, BlogPostAuthor, BlogPostTag
from blog.models.index import SIDEBAR_TOPICS, TOPICS_PER_PAGE
from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventPageFactory,
)
from campaigns.models import (
    CampaignAppearance,
    CampaignHashtag,
    CampaignIndexPage,
    CampaignResource,
    Hashtag,
    MediaAppearance,
    Resource,
    ResourceFile,
)
from core.models import OrganisationSettings
from home.models import StandardPage
from pledges.models import PledgeSignature

from ..conftest import london

CACHE_TABLES = {'"hub_cache"', '"hub_page_cache"'}

BUDGETS = {
    "home": 20,
    "standard page": 10,
    "standard page below another": 12,
    "campaign archive": 14,
    "campaign": 32,
    "campaign events by day": 15,
    "event": 16,
    "pledge": 9,
    "pledge thanks": 11,
    "propose an event": 9,
    "proposal thanks": 9,
    "appearance transcript": 6,
    "campaign brand stylesheet": 2,
    "blog": 18,
    "blog page 2": 18,
    "blog tag": 19,
    "blog author": 18,
    "blog campaign": 20,
    "blog topics": 13,
    "blog post": 23,
    "blog RSS": 10,
    "blog Atom": 10,
    "blog tag RSS": 11,
    "blog tag Atom": 11,
    "campaign calendar": 4,
    "event calendar": 2,
    "search results": 11,
    "search form": 4,
    "sitemap": 11,
    "robots.txt": 0,
}


def make_document(title: str, filename: str) -> Document:
    document = Document(title=title)
    document.file.save(filename, ContentFile(b"%PDF-1.4 " + b"x" * 500), save=False)
    document._set_document_file_metadata()  # Its size, as an upload records it.
    document.save()
    return document


def build_site(n: int) -> dict[str, str]:
    """A site with `n` of everything that grows; the address of each public page.

    Pictures and documents are shared, so that the first visit makes few renditions;
    links to them are made in bulk, as the tree's pages cannot be.
    """
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    pictures = [ImageFactory() for _ in range(3)]
    documents = [make_document(f"Logo {n}", f"logo-{n}.pdf") for n in range(2)]
    OrganisationSettings.objects.create(
        site=site,
        name="Parent-Infant Foundation",
        x_handle="ParentInfantF",
        share_image=pictures[0],
    )
    about = StandardPage(
        title="About the week", slug="about", show_in_menus=True, intro="Babies."
    )
    home.add_child(instance=about)
    about.add_child(instance=StandardPage(title="Privacy", slug="privacy"))

    archive = CampaignIndexPageFactory(parent=home, show_in_menus=True)
    for year in range(2021 - n // 5, 2021):
        CampaignPageFactory(parent=archive, year=year, hero_image=pictures[year % 3])
    campaign = CampaignPageFactory(
        parent=archive,
        year=2021,
        hero_image=pictures[1],
        brand_colour="#6B2F8A",
        pledge_wording="I pledge to include infants.",
        pledge_target=1000,
    )
    events = [
        EventPageFactory(
            parent=campaign,
            title=f"Infants event {i}",
            start=london(2021, 6, 7 + i % 7, 9 + i % 8),
        )
        for i in range(n)
    ]
    hashtags = Hashtag.objects.bulk_create(Hashtag(text=f"Tag{i}") for i in range(n))
    CampaignHashtag.objects.bulk_create(
        CampaignHashtag(campaign=campaign, hashtag=tag, sort_order=i)
        for i, tag in enumerate(hashtags)
    )
    # A third each: kits of two files, single files and links elsewhere.
    resources = Resource.objects.bulk_create(
        Resource(
            title=f"Resource {i}",
            kind=Resource.Kind.values[i % 6],
            document=documents[0] if i % 3 == 1 else None,
            link=f"https://example.org/{i}" if i % 3 == 2 else "",
            licence="Use freely." if i % 3 == 0 else "",
            thumbnail=pictures[i % 3],
        )
        for i in range(n)
    )
    ResourceFile.objects.bulk_create(
        ResourceFile(resource=resource, document=document, sort_order=order)
        for resource in resources[::3]
        for order, document in enumerate(documents)
    )
    CampaignResource.objects.bulk_create(
        CampaignResource(campaign=campaign, resource=resource, sort_order=i)
        for i, resource in enumerate(resources)
    )
    appearances = MediaAppearance.objects.bulk_create(
        MediaAppearance(
            title=f"Episode {i}",
            outlet="Mind Matters podcast",
            link="https://example.org/podcast",
            transcript="<p><b>Karen:</b> Babies matter.</p>" if i % 2 else "",
        )
        for i in range(n)
    )
    CampaignAppearance.objects.bulk_create(
        CampaignAppearance(campaign=campaign, appearance=appearance, sort_order=i)
        for i, appearance in enumerate(appearances)
    )
    PledgeSignature.objects.bulk_create(
        PledgeSignature(
            campaign=campaign,
            name=f"Person {i}",
            email=f"person{i}@example.org",
            role=PledgeSignature.Role.GP,
            show_on_wall=bool(i % 2),
            consent_text="I agree.",
            consented_at=london(2021, 5, 1, 9),
        )
        for i in range(n)
    )

    blog = BlogIndexPageFactory(parent=home, show_in_menus=True)
    authors = Author.objects.bulk_create(
        Author(
            name=f"Author {i}",
            slug=f"author-{i}",
            role="Health visitor",
            photo=pictures[2] if i % 2 else None,
        )
        for i in range(n)
    )
    tags = Tag.objects.bulk_create(
        Tag(name=f"topic {i}", slug=f"topic-{i}") for i in range(n)
    )
    posts = [
        BlogPostPageFactory(
            parent=blog,
            title=f"Infants post {i}",
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=i),
            campaign=campaign,
            # Half with a card image, the oldest too: the second page of the blog
            # has pictures however short it is.
            image=None if i % 2 else pictures[i % 3],
        )
        for i in range(n)
    ]
    # The post under test has the same shape however big the blog: two authors, one
    # with a photo, and three topics that other posts share.
    post = BlogPostPageFactory(
        parent=blog,
        title="The post under test",
        date=datetime.date(2021, 5, 31),
        campaign=campaign,
        image=pictures[0],
    )
    BlogPostAuthor.objects.bulk_create(
        [
            *(
                BlogPostAuthor(post=each, author=authors[(i + k) % n], sort_order=k)
                for i, each in enumerate(posts)
                for k in range(2)
            ),
            BlogPostAuthor(post=post, author=authors[0], sort_order=0),
            BlogPostAuthor(post=post, author=authors[1], sort_order=1),
        ]
    )
    BlogPostTag.objects.bulk_create(
        [
            *(
                BlogPostTag(content_object=each, tag=tags[(i + k) % n])
                for i, each in enumerate(posts)
                for k in range(3)
            ),
            *(BlogPostTag(content_object=post, tag=tags[k]) for k in range(3)),
        ]
    )

    query = Query.objects.create(query_string="infants")
    for order, page in enumerate([about, campaign]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)

    appearance = next(item for item in appearances if item.transcript)
    return {
        "home": "/",
        "standard page": "/about/",
        "standard page below another": "/about/privacy/",
        "campaign archive": "/campaigns/",
        "campaign": "/campaigns/2021/",
        "campaign events by day": "/campaigns/2021/events/",
        "event": events[0].url,
        "pledge": "/campaigns/2021/pledge/",
        "pledge thanks": "/campaigns/2021/pledge/thanks/",
        "propose an event": "/campaigns/2021/propose-event/",
        "proposal thanks": "/campaigns/2021/propose-event/thanks/",
        "appearance transcript": f"/appearances/{appearance.pk}/",
        "campaign brand stylesheet": "/campaigns/2021/brand.css",
        "blog": "/blog/",
        "blog page 2": "/blog/?page=2",
        "blog tag": "/blog/tags/topic-1/",
        "blog author": "/blog/authors/author-1/",
        "blog campaign": "/blog/campaigns/2021/",
        "blog topics": "/blog/topics/",
        "blog post": post.url,
        "blog RSS": "/blog/feed/rss/",
        "blog Atom": "/blog/feed/atom/",
        "blog tag RSS": "/blog/tags/topic-1/feed/rss/",
        "blog tag Atom": "/blog/tags/topic-1/feed/atom/",
        "campaign calendar": "/calendars/2021.ics",
        "event calendar": f"/calendars/events/{events[0].pk}.ics",
        "search results": "/search/?q=infants",
        "search form": "/search/",
        "sitemap": "/sitemap.xml",
        "robots.txt": "/robots.txt",
    }


def measure(
    client, urls: dict[str, str], budgets: dict[str, int]
) -> tuple[dict[str, int], dict[str, str]]:
    """Each page's queries on a second, warm request, and what that request showed."""
    counts, contents = {}, {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        # The database's own queries, not the shared cache's (which are Redis
        # commands when REDIS_URL is set): the same count on either.
        counts[name] = sum(CACHE_TABLES.isdisjoint(q["sql"].split()) for q in queries)
        contents[name] = response.content.decode()
        if counts[name] != budgets[name]:
            # Shown when the test fails, to say where the difference is.
            print(f"\n{name}:", *(query["sql"] for query in queries), sep="\n  ")
    return counts, contents


@pytest.mark.parametrize("n", [10, 100])
def test_every_public_page_costs_the_same_queries_however_much_the_site_holds(
    client, db, settings, n
):
    with time_machine.travel(london(2021, 6, 1, 12), tick=False):
        with disable_reference_index_auto_update():
            urls = build_site(n)
        settings.PAGE_CACHE_SECONDS = 0
        counts, contents = measure(client, urls, BUDGETS)

    assert counts == BUDGETS
    # The pages show what grew, so the counts above are for all of it.
    assert contents["campaign"].count('class="event-card"') == n
    assert contents["campaign"].count('class="resource"') == n
    assert contents["campaign"].count('class="hashtag-list__item"') == n
    assert contents["campaign events by day"].count('class="event-card"') == n
    weeks = min(n // 5 + 1, CampaignIndexPage.weeks_per_page)
    assert contents["campaign archive"].count("campaign-card") == weeks
    assert contents["campaign calendar"].count("BEGIN:VEVENT") == n
    for section in ("Upcoming events", "Latest from the blog", "Previous weeks"):
        assert section in contents["home"]
    assert contents["blog"].count("post-card") == 10
    assert contents["blog post"].count("post-card") == 3  # Related posts.
    assert contents["blog RSS"].count("<item>") == min(n + 1, 20)
    topics = re.findall(r'<a href="/blog/tags/', contents["blog"])
    assert len(topics) == min(n, SIDEBAR_TOPICS)
    assert contents["blog topics"].count('href="/blog/tags/') == min(n, TOPICS_PER_PAGE)
    found = re.search(r"(\d+) pages? found", contents["search results"])
    assert int(found[1]) >= 2 * n  # Every post and event.
