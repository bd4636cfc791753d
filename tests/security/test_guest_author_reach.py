"""Guest authors see only what their work needs: their blog, the authors they credit
and the images and documents of their own collection. Never a pledge signer, the
campaign library or the titles of pages outside the blog."""

from django.urls import reverse

from wagtail.models import Collection
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest
from wagtail_factories import ImageFactory

from blog.factories import AuthorFactory, BlogIndexPageFactory, BlogPostPageFactory
from blog.models import BlogPostPage
from blog.permissions import GUEST_COLLECTION, setup_blog_page
from campaigns.factories import (
    CampaignPageFactory,
    EventPageFactory,
    HashtagFactory,
    MediaAppearanceFactory,
    ResourceFactory,
)
from pledges.models import PledgeSignature

from ..conftest import london

SIGNER = "Sally Hogg"


@pytest.fixture
def signature(campaign):
    return PledgeSignature.objects.create(
        campaign=campaign,
        name=SIGNER,
        email="sally@example.org",
        role="health_visitor",
        consent_text="I agree.",
        consented_at=london(2021, 6, 8, 9),
    )


def refused(response) -> bool:
    """Sent to log in or back to the dashboard, forbidden or not found."""
    if response.status_code == 302:
        location = response["Location"]
        return location == "/admin/" or location.startswith("/admin/login/")
    return response.status_code in (403, 404)


def text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


# Item 3: every view of signatures needs the pledge permission.


def signature_urls(pk: int) -> list[str]:
    base = "/admin/pledges/pledgesignature/"
    return [
        base,
        f"{base}?export=csv",
        f"{base}?export=xlsx",
        f"{base}inspect/{pk}/",
        f"{base}history/{pk}/",
        f"{base}delete/{pk}/",
    ]


def test_guest_author_reaches_no_view_of_a_signature(client, signature, guest_author):
    client.force_login(guest_author)
    for url in signature_urls(signature.pk):
        response = client.get(url)
        assert refused(response), f"a guest author opened {url}"
        assert SIGNER not in text(response), f"{url} named the signer"


def test_editor_reaches_every_view_of_a_signature(client, signature, editor):
    client.force_login(editor)
    for url in signature_urls(signature.pk):
        response = client.get(url)
        assert response.status_code == 200, url
        if not url.endswith("xlsx"):  # A zip: the name is compressed.
            assert SIGNER in text(response), url


# Item 9: the campaign library, reports and images of other collections.


@pytest.fixture
def library(db):
    """One unannounced item of each kind: attached to no page, so nowhere public."""
    return {
        "hashtag": HashtagFactory(text="SecretLaunch"),
        "resource": ResourceFactory(title="Embargoed briefing"),
        "mediaappearance": MediaAppearanceFactory(title="Unaired interview"),
    }


def chooser_urls(kind: str, pk: int) -> list[str]:
    base = f"/admin/snippets/choose/campaigns/{kind}/"
    return [
        base,
        f"{base}results/",
        f"{base}chosen/{pk}/",
        f"{base}chosen-multiple/?id={pk}",
    ]


@pytest.mark.parametrize("kind", ["hashtag", "resource", "mediaappearance"])
def test_guest_author_cannot_list_the_campaign_library(
    client, library, guest_author, editor, kind
):
    item = library[kind]
    for url in chooser_urls(kind, item.pk):
        client.force_login(guest_author)
        response = client.get(url)
        assert refused(response), f"a guest author opened {url}"
        assert str(item) not in text(response)
        client.force_login(editor)
        assert str(item) in text(client.get(url)), f"an editor was refused {url}"


def test_guest_author_still_chooses_the_authors_of_a_post(client, guest_author):
    AuthorFactory(name="Karen Bateson")
    client.force_login(guest_author)
    response = client.get("/admin/snippets/choose/blog/author/")
    assert response.status_code == 200
    assert "Karen Bateson" in text(response)


@pytest.fixture
def blog(home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    setup_blog_page(blog.pk)
    return blog


REPORTS = [
    "/admin/reports/page-types-usage/",
    "/admin/reports/page-types-usage/results/",
    "/admin/reports/aging-pages/",
    "/admin/reports/site-history/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/locked/",
    "/admin/reports/due-for-review/",
]


def test_no_report_shows_a_guest_author_a_page_outside_the_blog(
    client, campaign, blog, guest_author, editor
):
    event = EventPageFactory(parent=campaign, title="Unannounced conference")
    event.save_revision(user=editor).publish(user=editor)
    client.force_login(guest_author)
    assert REPORTS[0] not in text(client.get("/admin/")), "the menu offers the report"
    for url in REPORTS:
        page = text(client.get(url))
        assert "Unannounced conference" not in page, url
        assert campaign.title not in page, url
    client.force_login(editor)
    assert "Unannounced conference" in text(client.get(REPORTS[0]))


def test_guest_author_cannot_see_a_page_by_confirming_its_move(
    client, campaign, guest_author
):
    client.force_login(guest_author)
    response = client.get(f"/admin/pages/{campaign.pk}/move/{campaign.pk}/confirm/")
    assert refused(response)
    assert campaign.title not in text(response)


@pytest.fixture
def images(db):
    staff = Collection.get_first_root_node().add_child(name="Staff only")
    return {
        "theirs": ImageFactory(
            collection=Collection.objects.get(name=GUEST_COLLECTION), title="Visit"
        ),
        "staff": ImageFactory(collection=staff, title="Staff portrait"),
    }


def save_post(client, post, *, blocks=(), **fields):
    """Post the edit form of `post` as it stands, with a paragraph and `blocks` as
    its body and `fields` changed."""
    url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    form = querydict_from_html(
        client.get(url).content.decode(), form_id="page-edit-form"
    )
    data = form.dict()
    paragraph = ("paragraph", rich_text("<p>Every visit began with the baby.</p>"))
    data.update(
        nested_form_data(
            {
                "body": streamfield([paragraph, *blocks]),
                "post_authors": inline_formset([]),
                **fields,
            }
        )
    )
    return client.post(url, data)


def edit_post(client, post, image, *, card: bool, in_body: bool):
    blocks = [("image", {"image": {"image": image.pk, "decorative": True}})]
    return save_post(
        client,
        post,
        blocks=blocks if in_body else (),
        image=image.pk if card else "",
    )


@pytest.mark.parametrize(
    ("card", "in_body"), [(True, False), (False, True)], ids=["card", "body"]
)
def test_guest_author_cannot_put_an_image_they_may_not_choose_in_a_post(
    client, blog, guest_author, images, card, in_body
):
    post = BlogPostPageFactory(parent=blog, live=False, owner=guest_author)
    client.force_login(guest_author)

    refused_edit = edit_post(client, post, images["staff"], card=card, in_body=in_body)

    assert refused_edit.status_code == 200
    assert "in a collection you cannot use" in refused_edit.content.decode()
    assert "Staff portrait" not in refused_edit.content.decode()
    latest = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert latest.image is None
    assert all(block.block_type != "image" for block in latest.body)

    accepted = edit_post(client, post, images["theirs"], card=card, in_body=in_body)
    assert accepted.status_code == 302
    latest = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    used = latest.image if card else latest.body[1].value["image"]
    assert used.pk == images["theirs"].pk


def test_guest_author_chooses_among_live_pages_only(
    client, archive, campaign, guest_author, editor
):
    CampaignPageFactory(parent=archive, year=2030, title="Secret 2030", live=False)
    url = f"/admin/choose-page/{archive.pk}/"
    client.force_login(guest_author)
    page = text(client.get(url))
    assert campaign.title in page
    assert "Secret 2030" not in page
    client.force_login(editor)
    assert "Secret 2030" in text(client.get(url))


def link_to(page) -> tuple[str, str]:
    return ("paragraph", rich_text(f'<p><a linktype="page" id="{page.pk}">See</a></p>'))


@pytest.mark.parametrize("where", ["campaign", "link"])
def test_guest_author_cannot_choose_a_page_not_yet_live(
    client, archive, campaign, blog, guest_author, editor, where
):
    draft = CampaignPageFactory(parent=archive, year=2030, title="Secret 2030")
    draft.unpublish()
    post = BlogPostPageFactory(parent=blog, live=False, owner=guest_author)
    client.force_login(guest_author)

    def choose(page):
        if where == "campaign":
            return save_post(client, post, campaign=page.pk)
        return save_post(client, post, blocks=[link_to(page)])

    refused_edit = choose(draft)

    assert refused_edit.status_code == 200
    assert "not published yet" in refused_edit.content.decode()
    assert "Secret 2030" not in refused_edit.content.decode()
    assert draft.url not in refused_edit.content.decode()
    assert BlogPostPage.objects.get(pk=post.pk).revisions.count() == 0

    assert choose(campaign).status_code == 302
    latest = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert latest.campaign == (campaign if where == "campaign" else None)

    client.force_login(editor)
    assert choose(draft).status_code == 302
    latest = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    if where == "campaign":
        assert latest.campaign == draft
    else:
        assert f'id="{draft.pk}"' in latest.body[1].value.source


def test_a_page_already_chosen_stays_when_a_guest_author_saves(
    client, archive, blog, guest_author
):
    draft = CampaignPageFactory(parent=archive, year=2030, title="Secret 2030")
    draft.unpublish()
    post = BlogPostPageFactory(
        parent=blog, live=False, owner=guest_author, campaign=draft
    )
    post.save_revision()
    client.force_login(guest_author)

    assert save_post(client, post, campaign=draft.pk).status_code == 302
    latest = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert latest.campaign == draft


def test_bulk_actions_name_nothing_a_guest_author_may_not_touch(
    client, archive, library, guest_author
):
    draft = CampaignPageFactory(parent=archive, year=2030, title="Secret 2030")
    draft.unpublish()
    client.force_login(guest_author)
    for model, item in [("wagtailcore/page", draft)] + [
        (f"campaigns/{kind}", item) for kind, item in library.items()
    ]:
        for action in ("delete", "publish", "unpublish", "move"):
            response = client.get(f"/admin/bulk/{model}/{action}/?id={item.pk}")
            assert response.status_code in (200, 302, 404)
            assert str(item) not in text(response), f"{model} {action}"


def test_editors_still_see_which_pages_a_bulk_move_cannot_take(
    client, home_page, campaign, editor
):
    blog = BlogIndexPageFactory(parent=home_page)
    client.force_login(editor)
    # A week cannot live under the blog: Wagtail names the pages it cannot move.
    response = client.post(
        f"/admin/bulk/wagtailcore/page/move/?id={campaign.pk}", {"chooser": blog.pk}
    )
    assert response.status_code == 200
    assert campaign.title in text(response)
