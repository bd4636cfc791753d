"""The blog's demo content: Sally Hogg's 2020 posts, 2021 posts and a guest's draft."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from blog import demo
from blog.models import Author, BlogIndexPage, BlogPostPage


def build_demo(home_page):
    # load_demo builds the home page, accounts and campaigns; the blog comes after.
    call_command("load_demo", stdout=StringIO())
    demo.build(Page.objects.get(pk=home_page.pk).specific)


@pytest.mark.django_db
def test_demo_blog_has_sally_hoggs_2020_posts_linked_to_imhaw_2020(home_page):
    build_demo(home_page)
    posts = BlogPostPage.objects.live().filter(campaign__year=2020)
    assert {post.original_publication for post in posts} == {
        "ACAMH",
        "Institute of Health Visiting (iHV)",
        "NHS Confederation",
    }
    for post in posts:
        assert [author.name for author in post.authors] == ["Sally Hogg"]
        assert "IMHAW 2020" in post.tags.names()
        assert post.original_url.startswith("https://")


@pytest.mark.django_db
def test_demo_blog_has_local_2021_posts(client, home_page):
    build_demo(home_page)
    local = BlogPostPage.objects.live().filter(campaign__year=2021, original_url="")
    assert local.count() == 3
    response = client.get("/blog/tags/including-infants/")
    assert response.status_code == 200
    assert b"The baby blindspot" in response.content


@pytest.mark.django_db
def test_demo_guest_draft_waits_for_review(home_page):
    build_demo(home_page)
    draft = BlogPostPage.objects.get(slug=demo.GUEST_DRAFT_SLUG)
    assert not draft.live
    assert draft.owner.username == "guest"
    assert draft.current_workflow_state.status == "in_progress"
    assert Author.objects.get(user__username="guest").name == "Demo Guest Author"


@pytest.mark.django_db
def test_demo_blog_twice_leaves_the_same_blog(home_page):
    build_demo(home_page)
    before = (Page.objects.count(), Revision.objects.count(), Author.objects.count())
    build_demo(home_page)
    after = (Page.objects.count(), Revision.objects.count(), Author.objects.count())
    assert before == after


@pytest.mark.django_db
def test_demo_blog_without_campaigns_still_builds(home_page):
    demo.build(home_page)
    assert BlogIndexPage.objects.get().live
    assert BlogPostPage.objects.filter(campaign__isnull=True).count() == 6
