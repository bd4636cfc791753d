"""A post's page: body, authors, tags, reading time, related posts and originals."""

from django.core.exceptions import ValidationError

from wagtail.test.utils import WagtailPageTestCase

import pytest

from blog.factories import BlogIndexPageFactory, BlogPostPageFactory
from blog.models import BlogIndexPage, BlogPostPage
from home.models import HomePage


def text(response) -> str:
    """The page's HTML with runs of whitespace made single spaces."""
    return " ".join(response.content.decode().split())


@pytest.mark.django_db
def test_post_page_shows_authors_in_order_date_tags_and_campaign(client, posts):
    response = client.get(posts["including"].url)
    content = text(response)
    assert response.status_code == 200
    assert content.index("Karen Bateson") < content.index("Sally Hogg")
    assert '<time datetime="2021-06-07">7 June 2021</time>' in content
    assert 'href="/blog/tags/policy/"' in content
    assert "Infant Mental Health Awareness Week 2021</a>" in content
    assert "1 min read" in content


@pytest.mark.django_db
def test_own_post_is_its_own_canonical(client, posts):
    response = client.get(posts["including"].url)
    assert (
        b'<link rel="canonical" href="http://localhost/blog/including-infants/">'
        in response.content
    )


@pytest.mark.django_db
def test_post_published_elsewhere_links_out_and_points_canonical_there(client, posts):
    response = client.get(posts["camhs"].url)
    content = text(response)
    assert '<link rel="canonical" href="https://www.acamh.org/">' in content
    assert "first published in <strong>ACAMH</strong>" in content
    link_out = (
        'href="https://www.acamh.org/" rel="noopener">Read the full post in ACAMH'
    )
    assert link_out in content
    assert "min read" not in content


@pytest.mark.django_db
def test_related_posts_share_tags_most_shared_first(client, posts):
    response = client.get(posts["including"].url)
    related = [post.title for post in response.context["related_posts"]]
    # "Including infants" has "infant mental health" and "policy".
    assert related[0] == "Where is the ‘I’ in Mental Health?"  # policy, newest
    assert set(related) == {
        "Where is the ‘I’ in Mental Health?",
        "IMH matters now more than ever",
        "Where is the I in CAMHS?",
    }
    assert posts["including"].title not in related


@pytest.mark.django_db
def test_reading_time_counts_intro_and_body_words(blog):
    words = " ".join(["word"] * 450)
    post = BlogPostPageFactory(
        parent=blog, intro="Ten words " * 5, body=[("paragraph", f"<p>{words}</p>")]
    )
    assert post.reading_minutes == 3


@pytest.mark.django_db
def test_original_address_needs_the_publication_name(blog):
    post = BlogPostPageFactory(parent=blog)
    post.original_url = "https://www.acamh.org/"
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "original_publication" in error.value.message_dict


@pytest.mark.django_db
def test_author_slug_is_made_from_the_name_and_kept_unique(db):
    from blog.models import Author

    first = Author.objects.create(name="Sally Hogg")
    second = Author.objects.create(name="Sally Hogg")
    assert (first.slug, second.slug) == ("sally-hogg", "sally-hogg-2")


@pytest.mark.django_db
def test_latest_posts_and_campaign_posts_for_other_pages(posts, campaigns):
    from blog.models import latest_posts

    assert [p.title for p in latest_posts(2)] == [
        "Including infants",
        "Where is the ‘I’ in Mental Health?",
    ]
    assert {p.title for p in campaigns[2020].blog_posts.for_listing()} == {
        "Where is the I in CAMHS?",
        "IMH matters now more than ever",
        "Where is the ‘I’ in Mental Health?",
    }


@pytest.mark.django_db
def test_post_card_renders_without_a_blog_url(posts):
    from django.template.loader import render_to_string

    from blog.models import latest_posts

    html = render_to_string("components/post_card.html", {"post": latest_posts(1)[0]})
    assert 'href="/blog/including-infants/"' in html
    assert "Karen Bateson" in html
    assert "/blog/authors/" not in html


class BlogPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPostPageFactory(parent=cls.blog)

    def test_blog_goes_under_home_once(self):
        self.assertEqual(BlogIndexPage.allowed_parent_page_models(), [HomePage])
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPostPage})
        self.assertFalse(BlogIndexPage.can_create_at(self.home))  # only one blog

    def test_posts_go_only_under_the_blog(self):
        self.assertAllowedParentPageTypes(BlogPostPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPostPage, set())

    def test_blog_and_post_render_and_route(self):
        self.assertPageIsRoutable(self.blog)
        self.assertPageIsRenderable(self.blog)
        self.assertPageIsRoutable(self.post)
        self.assertPageIsRenderable(self.post)


@pytest.mark.django_db
def test_a_kept_post_shows_an_authors_new_bio_and_a_republished_intro(
    client, posts, sally
):
    post = posts["including"]
    assert "Changed bio" not in client.get(post.url).content.decode()
    sally.bio = "Changed bio: policy lead."
    sally.save()
    assert "Changed bio: policy lead." in client.get(post.url).content.decode()
    post.intro = "A republished intro."
    post.save_revision().publish()
    assert "A republished intro." in client.get(post.url).content.decode()
