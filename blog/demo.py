"""Demo content for the blog: Sally Hogg's 2020 posts, 2021 posts and a guest's draft.

Facts come from the organiser's page about IMHAW 2020 (Sally Hogg's three contributed
posts) and the 2021 theme. The original posts' own addresses are not in the sources, so
the demo links to each publication's home page rather than inventing article URLs, and
the 2021 posts are credited to the demo's campaign team rather than to real people.
Idempotent: run twice, same site.
"""

import datetime

from django.contrib.auth import get_user_model

from wagtail.models import Page

from campaigns.models import CampaignPage
from core.demo import ensure_page

from .models import Author, BlogIndexPage, BlogPostAuthor, BlogPostPage
from .permissions import setup_blog_page

BLOG_INTRO = (
    "<p>Posts from Infant Mental Health Awareness Week: what the week is about, "
    "and what people working with babies and their families have written for it.</p>"
)
GUEST_DRAFT_SLUG = "a-health-visitors-week-of-including-infants"


def ensure_author(slug: str, **fields) -> Author:
    author, _ = Author.objects.update_or_create(slug=slug, defaults=fields)
    return author


def ensure_post(
    blog: BlogIndexPage,
    slug: str,
    *,
    authors: list[Author],
    tags: list[str],
    **fields,
) -> BlogPostPage:
    """A live post with these fields, authors in order and tags, published once."""
    post = ensure_page(blog, BlogPostPage, slug, **fields)
    if [a.pk for a in post.authors] != [a.pk for a in authors] or sorted(
        post.tags.names()
    ) != sorted(tags):
        post.post_authors = [
            BlogPostAuthor(author=author, sort_order=order)
            for order, author in enumerate(authors)
        ]
        post.tags.set(tags, clear=True)
        post.save_revision().publish()
    return post


def _campaign(year: int) -> CampaignPage | None:
    return CampaignPage.objects.filter(year=year).first()


def _start(campaign: CampaignPage | None, fallback: datetime.date) -> datetime.date:
    return campaign.start_date if campaign else fallback


def build_2020_posts(blog: BlogIndexPage, sally: Author) -> None:
    """Sally Hogg's three posts for other sites during IMHAW 2020, summarised here."""
    campaign = _campaign(2020)
    date = _start(campaign, datetime.date(2020, 6, 8))
    ensure_post(
        blog,
        "where-is-the-i-in-camhs",
        title="Where is the I in CAMHS?",
        date=date,
        campaign=campaign,
        intro="Sally Hogg asks where infants are in child and adolescent mental "
        "health services, in a post for ACAMH during Infant Mental Health "
        "Awareness Week 2020.",
        original_url="https://www.acamh.org/",
        original_publication="ACAMH",
        body=[],
        authors=[sally],
        tags=["CAMHS", "infant mental health", "IMHAW 2020"],
    )
    ensure_post(
        blog,
        "imh-matters-now-more-than-ever",
        title="IMH matters now more than ever",
        date=date,
        campaign=campaign,
        intro="Sally Hogg on why infant mental health matters now more than ever, "
        "in a post for the Institute of Health Visiting (iHV) during Infant Mental "
        "Health Awareness Week 2020.",
        original_url="https://ihv.org.uk/",
        original_publication="Institute of Health Visiting (iHV)",
        body=[],
        authors=[sally],
        tags=["health visiting", "infant mental health", "IMHAW 2020"],
    )
    ensure_post(
        blog,
        "where-is-the-i-in-mental-health",
        title="Where is the ‘I’ in Mental Health?",
        date=date,
        campaign=campaign,
        intro="Sally Hogg asks where infants are in the mental health system, in a "
        "post for the NHS Confederation during Infant Mental Health Awareness "
        "Week 2020.",
        original_url="https://www.nhsconfed.org/",
        original_publication="NHS Confederation",
        body=[],
        authors=[sally],
        tags=["policy", "infant mental health", "IMHAW 2020"],
    )


def build_2021_posts(blog: BlogIndexPage, team: Author) -> None:
    campaign = _campaign(2021)
    start = _start(campaign, datetime.date(2021, 6, 7))
    ensure_post(
        blog,
        "introducing-including-infants",
        title="Introducing #IncludingInfants: IMHAW 2021",
        date=start - datetime.timedelta(days=14),
        campaign=campaign,
        intro="This year's Infant Mental Health Awareness Week, from 7 to 13 June "
        "2021, is about including infants in children and young people's mental "
        "health.",
        body=[
            (
                "paragraph",
                "<p>The theme of Infant Mental Health Awareness Week 2021 is "
                "<b>Including Infants</b>. Babies' mental health is part of "
                "children and young people's mental health, yet it is too often "
                "left out of the conversation.</p>",
            ),
            (
                "paragraph",
                "<p>Join in from 7 to 13 June 2021 with #IMHAW21 and "
                "#IncludingInfants.</p>",
            ),
        ],
        authors=[team],
        tags=["Including Infants", "infant mental health", "IMHAW 2021"],
    )
    ensure_post(
        blog,
        "the-baby-blindspot",
        title="The baby blindspot",
        date=start,
        campaign=campaign,
        intro="When we talk about children and young people's mental health, "
        "babies are often missing: a baby blindspot.",
        body=[
            ("heading", {"text": "What the blindspot is", "level": "h2"}),
            (
                "paragraph",
                "<p>Plans, services and conversations about children and young "
                "people's mental health often start at school age. Babies, and "
                "the relationships in which their mental health grows, fall into "
                "a blindspot.</p>",
            ),
            (
                "quote",
                {
                    "quote": "There is a baby blindspot in children's mental health.",
                    "attribution": "Parent-Infant Foundation",
                },
            ),
        ],
        authors=[team],
        tags=["baby blindspot", "Including Infants", "policy", "IMHAW 2021"],
    )
    ensure_post(
        blog,
        "children-s-mental-health-means-0-18",
        title="Children's mental health should mean 0-18 and beyond",
        date=start + datetime.timedelta(days=2),
        campaign=campaign,
        intro="Why every plan for children's mental health should start at the "
        "very beginning of life.",
        body=[
            (
                "paragraph",
                "<p>When we say children's mental health, we should mean 0-18 and "
                "beyond: from the very beginning of life, not from the start of "
                "school.</p>",
            ),
        ],
        authors=[team],
        tags=["Including Infants", "policy", "IMHAW 2021"],
    )


def build_guest_draft(blog: BlogIndexPage) -> None:
    """The demo guest author's entry and a draft waiting for an editor's review."""
    guest = get_user_model().objects.filter(username="guest").first()
    if guest is None:
        return
    author = ensure_author(
        "demo-guest-author",
        name="Demo Guest Author",
        role="Health visitor",
        organisation="Example Health Visiting Service",
        bio="A demo guest author: log in as `guest` to see what guest authors see.",
        website="https://example.org/",
        user=guest,
    )
    if BlogPostPage.objects.child_of(blog).filter(slug=GUEST_DRAFT_SLUG).exists():
        return
    draft = BlogPostPage(
        title="A health visitor's week of including infants",
        slug=GUEST_DRAFT_SLUG,
        date=datetime.date(2021, 6, 14),
        intro="A demo draft by a guest author, waiting for an editor to review it.",
        body=[
            (
                "paragraph",
                "<p>This is a demo draft. Log in as an editor to approve it or "
                "ask for changes.</p>",
            )
        ],
        campaign=_campaign(2021),
        live=False,
        owner=guest,
    )
    draft.post_authors = [BlogPostAuthor(author=author, sort_order=0)]
    draft.tags.set(["health visiting", "Including Infants"])
    blog.add_child(instance=draft)
    draft.save_revision(user=guest)
    workflow = draft.get_workflow()
    if workflow:
        workflow.start(draft, guest)


def build(home: Page) -> None:
    """The blog under the home page, its authors, posts and the guest's draft."""
    blog = ensure_page(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        intro=BLOG_INTRO,
        show_in_menus=True,
    )
    # The blog's own rights and workflow: see blog.permissions for why this is here.
    setup_blog_page(blog.pk)
    sally = ensure_author(
        "sally-hogg",
        name="Sally Hogg",
        organisation="Parent-Infant Foundation",
        bio="Sally Hogg works at the Parent-Infant Foundation and contributed "
        "posts to other organisations' blogs during Infant Mental Health "
        "Awareness Week 2020.",
    )
    ensure_author(
        "karen-bateson",
        name="Karen Bateson",
        organisation="Parent-Infant Foundation",
        bio="Karen Bateson works at the Parent-Infant Foundation.",
    )
    team = ensure_author(
        "imhaw-team",
        name="The IMHAW team",
        organisation="Parent-Infant Foundation",
        bio="The people who run Infant Mental Health Awareness Week.",
    )
    build_2020_posts(blog, sally)
    build_2021_posts(blog, team)
    build_guest_draft(Page.objects.get(pk=blog.pk).specific)
