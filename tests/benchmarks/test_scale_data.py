"""The scale data set for benchmarks: its counts, a valid page tree, a second run that
tops up rather than doubles, and pages that still render with it."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

import pytest
from taggit.models import Tag

from benchmarks import load_scale_data
from blog.models import Author, BlogIndexPage, BlogPostPage
from campaigns.models import CampaignPage, EventPage
from pledges.models import PledgeSignature

SMALL = {
    "years": 2,
    "posts": 12,
    "events": 6,
    "tags": 5,
    "authors": 4,
    "signatures": 50,
}
DEMO_YEARS = {2020, 2021}


def load_scale(**targets) -> str:
    out = StringIO()
    call_command(load_scale_data.Command(), stdout=out, **{**SMALL, **targets})
    return out.getvalue()


def scale_counts() -> dict[str, int]:
    return {
        "years": CampaignPage.objects.filter(slug__startswith="scale-").count(),
        "events": EventPage.objects.filter(slug__startswith="scale-event-").count(),
        "posts": BlogPostPage.objects.filter(slug__startswith="scale-post-").count(),
        "tags": Tag.objects.filter(slug__startswith="scale-tag-").count(),
        "authors": Author.objects.filter(slug__startswith="scale-author-").count(),
        "signatures": PledgeSignature.objects.filter(
            email__startswith="scale-signer-"
        ).count(),
        "pages": Page.objects.count(),
    }


@pytest.fixture(scope="module")
def scale_site(django_db_setup, django_db_blocker):
    """The demo with a small scale set on top, loaded once for this module (the demo
    alone takes seconds) and rolled back after it; each test runs in a savepoint."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo", stdout=StringIO())
            output = load_scale()
            yield output
            transaction.set_rollback(True)
        Site.clear_site_root_paths_cache()


@pytest.fixture
def scale(scale_site, db):
    return scale_site


def test_scale_data_has_the_counts_asked_for(scale):
    counts = scale_counts()
    del counts["pages"]
    assert counts == SMALL
    assert "50 created" in scale


def test_scale_campaigns_are_live_past_years_beside_the_demos(scale):
    campaigns = CampaignPage.objects.filter(slug__startswith="scale-")
    assert sorted(campaigns.values_list("year", flat=True)) == [2018, 2019]
    assert set(CampaignPage.objects.values_list("year", flat=True)) >= DEMO_YEARS
    for campaign in campaigns:
        assert campaign.live
        assert campaign.first_published_at is not None
        assert campaign.campaign_hashtags.count() == 2
        assert EventPage.objects.child_of(campaign).live().count() == 3
        assert campaign.pledge_signatures.exists()


def test_scale_posts_have_two_or_three_authors_and_three_to_five_tags(scale):
    posts = BlogPostPage.objects.filter(slug__startswith="scale-post-")
    for post in posts.prefetch_related("post_authors", "tagged_items"):
        assert post.live and post.last_published_at is not None
        assert 2 <= len(post.post_authors.all()) <= 3
        assert 3 <= len(post.tagged_items.all()) <= 5


def test_scale_pages_leave_a_valid_page_tree(scale):
    assert all(problems == [] for problems in Page.find_problems())
    out = StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()


def test_second_run_tops_up_instead_of_doubling(scale):
    before = scale_counts()
    output = load_scale()
    assert scale_counts() == before
    assert "0 created" in output
    load_scale(posts=14, signatures=60)
    after = scale_counts()
    assert after["posts"] == 14
    assert after["signatures"] == 60
    assert after["pages"] == before["pages"] + 2


def test_scale_posts_are_in_the_search_index(scale):
    post = BlogPostPage.objects.filter(slug__startswith="scale-post-").first()
    words = post.title.rsplit(" (", 1)[0]  # Without the number that keeps it unique.
    assert post in BlogPostPage.objects.live().search(words)


def test_campaign_page_renders_with_its_scale_events_and_posts(scale, client):
    campaign = CampaignPage.objects.get(year=2019)
    response = client.get(campaign.url)
    assert response.status_code == 200
    event = EventPage.objects.child_of(campaign).first()
    assert escape(event.title) in response.content.decode()


def test_blog_index_and_a_tag_page_render_with_scale_posts(scale, client):
    blog = BlogIndexPage.objects.get()
    response = client.get(blog.url)
    assert response.status_code == 200
    tag = Tag.objects.filter(slug__startswith="scale-tag-").first()
    response = client.get(f"{blog.url}tags/{tag.slug}/")
    assert response.status_code == 200
    newest = BlogPostPage.objects.filter(tagged_items__tag=tag).order_by("-date", "-pk")
    assert escape(newest.first().title) in response.content.decode()


def test_saves_update_the_search_index_again_after_the_load(scale):
    author = Author.objects.create(name="Zebedee Quackenbush", slug="zebedee")
    assert author in get_search_backend().search("Quackenbush", Author)
