"""The guest-author path, through the real admin views: invite to approval.

Each step is a request a person would make in the admin; nothing is set up behind the
admin's back except the editor's own account and the blog.
"""

import datetime
import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest
import time_machine
from PIL import Image as PILImage

from blog.factories import BlogPostPageFactory
from blog.models import Author, BlogIndexPage, BlogPostPage
from blog.permissions import GUEST_COLLECTION
from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

GUEST_EMAIL = "jo.health@example.org"
GUEST_PASSWORD = "a-long-unguessable-passphrase-42"  # noqa: S105


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(
        "editor", "editor@example.org", "editor-password", first_name="Eddie"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def invite(client, editor, **fields):
    client.force_login(editor)
    data = {"name": "Jo Health", "email": GUEST_EMAIL, "role": "Health visitor"}
    data.update(fields)
    # The email goes when the account's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("blog_invite_guest_author"), data)


def link_in(message) -> str:
    return re.search(r"http://testserver(/admin/\S+)", message.body).group(1)


def accept_invitation(client, link: str, password: str = GUEST_PASSWORD):
    """Open the emailed link and choose a password, as the guest would."""
    client.logout()
    form_page = client.get(link, follow=True)
    assert b"Set your new password" in form_page.content
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
    )


def png(name: str = "photo.png") -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), (107, 47, 138)).save(buffer, "PNG")
    buffer.name = name
    buffer.seek(0)
    return buffer


@pytest.fixture
def guest(client, editor, blog):
    """A guest author who accepted the invitation and is logged in."""
    invite(client, editor)
    accept_invitation(client, link_in(mail.outbox[-1]))
    mail.outbox.clear()
    assert client.login(username=GUEST_EMAIL, password=GUEST_PASSWORD)
    return get_user_model().objects.get(email=GUEST_EMAIL)


def post_form(client, url: str, **fields) -> dict:
    """The page form as the admin renders it, with `fields` filled in."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.dict()
    data.update(fields)
    return data


def draft_fields(author: Author, image) -> dict:
    return nested_form_data(
        {
            "title": "What babies taught me this week",
            "slug": "what-babies-taught-me",
            "date": "2021-06-10",
            "intro": "Notes from a week of home visits.",
            "tags": "health visiting, Including Infants",
            "image": image.pk,
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Every visit began with the baby.</p>")),
                    ("image", {"image": {"image": image.pk, "decorative": True}}),
                ]
            ),
            "post_authors": inline_formset([{"author": author.pk}]),
        }
    )


def create_draft(client, blog, guest, *actions: str):
    image = upload_image(client)
    url = reverse("wagtailadmin_pages:add", args=("blog", "blogpostpage", blog.pk))
    data = post_form(client, url, **draft_fields(guest.author_profile, image))
    data.update({action: "1" for action in actions})
    return client.post(url, data), image


def upload_image(client):
    collection = Collection.objects.get(name=GUEST_COLLECTION)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Home visit", "file": png(), "collection": collection.pk},
    )
    assert response.status_code == 302, response.content
    return get_image_model().objects.get(title="Home visit")


# Invitations


@pytest.mark.django_db
def test_editor_invites_a_guest_author_who_gets_an_account_and_an_email(
    client, editor, blog
):
    response = invite(client, editor, organisation="Example NHS Trust")

    assert response.status_code == 302
    user = get_user_model().objects.get(email=GUEST_EMAIL)
    assert list(user.groups.values_list("name", flat=True)) == ["Guest authors"]
    assert not user.has_usable_password()
    author = Author.objects.get(user=user)
    assert (author.name, author.role, author.organisation) == (
        "Jo Health",
        "Health visitor",
        "Example NHS Trust",
    )
    [message] = mail.outbox
    assert message.to == [GUEST_EMAIL]
    assert "invited you to write" in message.body
    assert "/admin/password_reset/confirm/" in message.body


@pytest.mark.django_db
def test_invitation_links_an_existing_author_entry(client, editor, blog, sally):
    invite(
        client, editor, name="Sally Hogg", email="sally@example.org", author=sally.pk
    )
    sally.refresh_from_db()
    assert sally.user.email == "sally@example.org"
    assert Author.objects.filter(name="Sally Hogg").count() == 1


@pytest.mark.django_db
def test_invitation_refuses_an_email_that_already_has_an_account(client, editor, blog):
    response = invite(client, editor, email="EDITOR@example.org")
    assert response.status_code == 200
    assert b"already has an account" in response.content
    assert not mail.outbox


@pytest.mark.django_db
def test_only_editors_can_invite(client, guest):
    response = client.get(reverse("blog_invite_guest_author"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_invitation_link_sets_a_password_once(client, editor, blog):
    invite(client, editor)
    link = link_in(mail.outbox[0])

    response = accept_invitation(client, link)
    assert response.status_code == 302
    assert client.login(username=GUEST_EMAIL, password=GUEST_PASSWORD)

    client.logout()
    again = client.get(link, follow=True)
    assert b"Invalid password reset link" in again.content
    assert b"has already been used" in again.content


@pytest.mark.django_db
def test_expired_invitation_link_is_refused(client, editor, blog, settings):
    invite(client, editor)
    link = link_in(mail.outbox[0])
    later = timezone.now() + datetime.timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    with time_machine.travel(later):
        response = client.get(link, follow=True)
    assert b"Invalid password reset link" in response.content
    assert not get_user_model().objects.get(email=GUEST_EMAIL).has_usable_password()


# Drafting and submitting


@pytest.mark.django_db
def test_guest_author_logs_in_through_the_admin_login_form(client, editor, blog):
    invite(client, editor)
    accept_invitation(client, link_in(mail.outbox[0]))
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": GUEST_EMAIL, "password": GUEST_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_guest_author_uploads_images_only_into_their_collection(client, guest):
    image = upload_image(client)
    assert image.collection.name == GUEST_COLLECTION
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Into the root",
            "file": png("root.png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    # The only collection offered is theirs, whatever the request says.
    assert response.status_code == 302
    into_root = get_image_model().objects.get(title="Into the root")
    assert into_root.collection.name == GUEST_COLLECTION


@pytest.mark.django_db
def test_guest_author_creates_a_draft_with_tags_and_an_image(client, blog, guest):
    response, image = create_draft(client, blog, guest)

    assert response.status_code == 302
    post = BlogPostPage.objects.get(slug="what-babies-taught-me")
    assert not post.live
    assert post.owner == guest
    draft = post.get_latest_revision_as_object()
    assert sorted(draft.tags.names()) == ["Including Infants", "health visiting"]
    assert draft.authors == [guest.author_profile]
    assert draft.image == image
    assert draft.body[1].value["image"].pk == image.pk
    assert not mail.outbox


@pytest.mark.django_db
def test_submitting_a_draft_starts_review_and_emails_the_editors(
    client, blog, guest, editor
):
    create_draft(client, blog, guest)
    post = BlogPostPage.objects.get(slug="what-babies-taught-me")
    edit_url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    data = post_form(client, edit_url, **{"action-submit": "1"})
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [("paragraph", rich_text("<p>Every visit began with a baby.</p>"))]
                ),
            }
        )
    )

    response = client.post(edit_url, data)

    assert response.status_code == 302
    post.refresh_from_db()
    assert not post.live
    assert post.current_workflow_state.workflow.name == "Blog post review"
    assert post.current_workflow_task.name == "Editors approve blog posts"
    assert editor.email in [address for m in mail.outbox for address in m.to]


def submitted_post(client, blog, guest):
    create_draft(client, blog, guest, "action-submit")
    post = BlogPostPage.objects.get(slug="what-babies-taught-me")
    assert post.current_workflow_task_state is not None
    mail.outbox.clear()
    return post


def workflow_action(client, post, action: str, comment: str):
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[post.pk, action, post.current_workflow_task_state.pk],
    )
    return client.post(url, {"comment": comment})


@pytest.mark.django_db
def test_editor_approves_with_a_comment_and_the_post_goes_live(
    client, blog, guest, editor
):
    post = submitted_post(client, blog, guest)
    client.force_login(editor)

    response = workflow_action(client, post, "approve", "Lovely, thank you.")

    assert response.status_code in (200, 302)
    post.refresh_from_db()
    assert post.live
    assert post.owner == guest
    assert sorted(post.tags.names()) == ["Including Infants", "health visiting"]
    assert any(guest.email in m.to and "approved" in m.subject for m in mail.outbox)
    assert client.get(post.url).status_code == 200


@pytest.mark.django_db
def test_editor_requests_changes_and_the_guest_sees_the_comment(
    client, blog, guest, editor
):
    post = submitted_post(client, blog, guest)
    client.force_login(editor)

    workflow_action(client, post, "reject", "Please add a line about fathers.")

    post.refresh_from_db()
    assert not post.live
    state = post.workflow_states.get()
    assert state.status == "needs_changes"
    assert any(guest.email in m.to for m in mail.outbox)
    client.force_login(guest)
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[post.pk, state.pk])
    )
    assert history.status_code == 200
    assert b"Please add a line about fathers." in history.content
    # The guest can still edit their own draft and resubmit it.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert edit.status_code == 200


# What guest authors can never do


@pytest.mark.django_db
def test_guest_author_cannot_publish_post(client, blog, guest):
    response, _ = create_draft(client, blog, guest, "action-publish")
    post = BlogPostPage.objects.get(slug="what-babies-taught-me")
    assert not post.live
    assert post.first_published_at is None
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_guest_author_has_no_publish_button(client, blog, guest):
    create_draft(client, blog, guest)
    post = BlogPostPage.objects.get(slug="what-babies-taught-me")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


@pytest.mark.django_db
def test_guest_author_cannot_edit_another_authors_post(client, blog, guest, sally):
    other = BlogPostPageFactory(parent=blog, title="Sally's post", authors=[sally])
    other.save_revision().publish()
    edit_url = reverse("wagtailadmin_pages:edit", args=[other.pk])

    assert client.get(edit_url).status_code == 302
    data = {"title": "Defaced", "slug": other.slug, "intro": "x", "date": "2021-01-01"}
    client.post(edit_url, data)
    other.refresh_from_db()
    assert other.title == "Sally's post"
    assert other.get_latest_revision_as_object().title == "Sally's post"


@pytest.mark.django_db
def test_guest_author_cannot_add_pages_outside_the_blog(client, home_page, guest):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_guest_author_cannot_edit_a_campaign(client, home_page, guest):
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk]))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/pledges/pledgesignature/",
        "/admin/settings/core/organisationsettings/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/snippets/blog/author/",
        "/admin/snippets/blog/author/add/",
        "/admin/snippets/campaigns/hashtag/",
        "/admin/workflows/list/",
    ],
)
def test_guest_author_is_refused_admin_areas(client, guest, url):
    response = client.get(url, follow=True)
    assert response.redirect_chain, f"{url} was not refused"
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert b"do not have permission" in response.content


@pytest.mark.django_db
def test_guest_author_can_choose_authors(client, guest, sally):
    response = client.get("/admin/snippets/choose/blog/author/")
    assert response.status_code == 200
    assert b"Sally Hogg" in response.content


@pytest.mark.django_db
def test_guest_author_cannot_see_other_collections_images(client, guest):
    from wagtail_factories import ImageFactory

    ImageFactory(
        title="Editors' secret picture", collection=Collection.get_first_root_node()
    )
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    assert b"secret picture" not in response.content


@pytest.mark.django_db
def test_guest_author_sees_only_the_blog_in_the_page_explorer(
    client, blog, home_page, guest
):
    CampaignIndexPageFactory(parent=home_page, title="Awareness weeks")
    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert b"<title>Exploring: Blog" in response.content
    assert b"Awareness weeks" not in response.content


@pytest.mark.django_db
def test_editor_sees_the_invitation_form_and_menu_item(client, editor, blog):
    client.force_login(editor)
    response = client.get(reverse("blog_invite_guest_author"))
    assert response.status_code == 200
    assert b"Invite a guest author" in response.content
    assert b'name="email"' in response.content
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("blog_invite_guest_author").encode() in home.content


@pytest.mark.django_db
def test_blog_added_in_the_admin_gets_the_guest_rights_and_workflow(
    client, editor, home_page
):
    from wagtail.models import GroupPagePermission

    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("blog", "blogindexpage", home_page.pk)
    )
    data = post_form(client, url, title="Blog", slug="blog", **{"action-publish": "1"})

    assert client.post(url, data).status_code == 302
    blog = BlogIndexPage.objects.get()
    assert blog.live
    assert blog.get_workflow().name == "Blog post review"
    assert GroupPagePermission.objects.filter(
        group__name="Guest authors", page=blog, permission__codename="add_page"
    ).exists()
