"""Who may do what: each sensitive action, tried over real HTTP by each role.

The matrix is the specification. A new page type, snippet, setting or admin model has to
be added to it (see the coverage test at the end), so no new screen arrives unguarded.
"""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images.models import Image
from wagtail.models import Collection, PageViewRestriction, get_page_models
from wagtail.snippets.models import get_snippet_models

import pytest
from PIL import Image as PILImage

from blog.factories import AuthorFactory, BlogIndexPageFactory, BlogPostPageFactory
from blog.permissions import setup_blog_page
from campaigns.factories import CampaignPageFactory, EventPageFactory, HashtagFactory
from home.models import StandardPage
from pledges.models import PledgeSignature

from ..conftest import london

ROLES = ["anonymous", "guest", "editor", "admin"]
Y, N = True, False

# action: (method, url template, {role: allowed})
MATRIX = {
    "open the home page's editor": ("get", "/admin/pages/{home}/edit/", [N, N, Y, Y]),
    "open a standard page's editor": (
        "get",
        "/admin/pages/{about}/edit/",
        [N, N, Y, Y],
    ),
    "open the campaign archive's editor": (
        "get",
        "/admin/pages/{archive}/edit/",
        [N, N, Y, Y],
    ),
    "open a campaign's editor": ("get", "/admin/pages/{campaign}/edit/", [N, N, Y, Y]),
    # A campaign with events needs Wagtail's bulk-delete right, and deleting it would
    # take its pledge signatures with it: administrators only.
    "delete a campaign": ("get", "/admin/pages/{campaign}/delete/", [N, N, N, Y]),
    "unpublish a campaign": ("get", "/admin/pages/{campaign}/unpublish/", [N, N, Y, Y]),
    "add an event to a campaign": (
        "get",
        "/admin/pages/add/campaigns/eventpage/{campaign}/",
        [N, N, Y, Y],
    ),
    "open an event's editor": ("get", "/admin/pages/{event}/edit/", [N, N, Y, Y]),
    "delete an event": ("get", "/admin/pages/{event}/delete/", [N, N, Y, Y]),
    "open the blog's editor": ("get", "/admin/pages/{blog}/edit/", [N, N, Y, Y]),
    "add a post to the blog": (
        "get",
        "/admin/pages/add/blog/blogpostpage/{blog}/",
        [N, Y, Y, Y],
    ),
    "open one's own draft post": ("get", "/admin/pages/{own_post}/edit/", [N, Y, Y, Y]),
    "open another author's post": (
        "get",
        "/admin/pages/{other_post}/edit/",
        [N, N, Y, Y],
    ),
    "delete another author's post": (
        "get",
        "/admin/pages/{other_post}/delete/",
        [N, N, Y, Y],
    ),
    "preview an unpublished campaign": (
        "get",
        "/admin/pages/{draft_campaign}/view_draft/",
        [N, N, Y, Y],
    ),
    "start next year's campaign": (
        "get",
        "/admin/campaigns/{campaign}/next-year/",
        [N, N, Y, Y],
    ),
    "edit a hashtag": (
        "get",
        "/admin/snippets/campaigns/hashtag/edit/{hashtag}/",
        [N, N, Y, Y],
    ),
    "delete a hashtag": (
        "get",
        "/admin/snippets/campaigns/hashtag/delete/{hashtag}/",
        [N, N, Y, Y],
    ),
    "list resources": ("get", "/admin/snippets/campaigns/resource/", [N, N, Y, Y]),
    "list media appearances": (
        "get",
        "/admin/snippets/campaigns/mediaappearance/",
        [N, N, Y, Y],
    ),
    "edit an author": (
        "get",
        "/admin/snippets/blog/author/edit/{author}/",
        [N, N, Y, Y],
    ),
    "choose an author for a post": (
        "get",
        "/admin/snippets/choose/blog/author/",
        [N, Y, Y, Y],
    ),
    "invite a guest author": ("get", "/admin/blog/invite/", [N, N, Y, Y]),
    "edit the organisation settings": (
        "get",
        "/admin/settings/core/organisationsettings/{site}/",
        [N, N, Y, Y],
    ),
    "list users": ("get", "/admin/users/", [N, N, N, Y]),
    "edit groups": ("get", "/admin/groups/", [N, N, N, Y]),
    "manage workflows": ("get", "/admin/workflows/list/", [N, N, N, Y]),
    "list pledges": ("get", "/admin/pledges/pledgesignature/", [N, N, Y, Y]),
    "export pledges as CSV": (
        "get",
        "/admin/pledges/pledgesignature/?export=csv",
        [N, N, Y, Y],
    ),
    "see a pledge signer's details": (
        "get",
        "/admin/pledges/pledgesignature/inspect/{signature}/",
        [N, N, Y, Y],
    ),
    "read a draft through the API": ("get", "/api/v2/pages/{draft_campaign}/", [N] * 4),
    "read a private page without its password": ("get", "/private/", [N] * 4),
}


@pytest.fixture
def world(home_page, archive, campaign, django_user_model):
    """One of everything a role could reach for, and a user for each role."""
    users = {
        "guest": django_user_model.objects.create_user("jo", "jo@example.org", "pw"),
        "editor": django_user_model.objects.create_user("ed", "ed@example.org", "pw"),
        "admin": django_user_model.objects.create_superuser(
            "root", "root@example.org", "pw"
        ),
    }
    users["guest"].groups.add(Group.objects.get(name="Guest authors"))
    users["editor"].groups.add(Group.objects.get(name="Editors"))

    about = StandardPage(title="About", slug="about")
    home_page.add_child(instance=about)
    private = StandardPage(title="Private", slug="private", intro="Staff secret.")
    home_page.add_child(instance=private)
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="letmein"
    )
    blog = BlogIndexPageFactory(parent=home_page, slug="blog")
    setup_blog_page(blog.pk)  # What the admin's after_create_page hook does.
    own_post = BlogPostPageFactory(parent=blog, live=False, owner=users["guest"])
    other_post = BlogPostPageFactory(parent=blog, live=False, owner=users["editor"])
    draft_campaign = CampaignPageFactory(parent=archive, year=2030, live=False)
    signature = PledgeSignature.objects.create(
        campaign=campaign,
        name="Sally Hogg",
        email="sally@example.org",
        role="health_visitor",
        consent_text="I agree.",
        consented_at=london(2021, 6, 8, 9),
    )
    ids = {
        "home": home_page.pk,
        "about": about.pk,
        "archive": archive.pk,
        "campaign": campaign.pk,
        "event": EventPageFactory(parent=campaign).pk,
        "blog": blog.pk,
        "own_post": own_post.pk,
        "other_post": other_post.pk,
        "draft_campaign": draft_campaign.pk,
        "hashtag": HashtagFactory().pk,
        "author": AuthorFactory().pk,
        "signature": signature.pk,
        "site": home_page.get_site().pk,
    }
    return users, ids


def got_through(response) -> bool:
    """Whether the request was served, rather than refused, hidden or sent to log in."""
    if response.status_code == 200:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return "/login/" not in location and location not in ("/admin/", "/admin")
    return False


CASES = [
    (action, role, expected[ROLES.index(role)])
    for action, (_, _, expected) in MATRIX.items()
    for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_permission_matrix(client, world, action, role, allowed):
    users, ids = world
    method, template, _ = MATRIX[action]
    if role != "anonymous":
        client.force_login(users[role])
    response = getattr(client, method)(template.format(**ids))
    if action == "read a private page without its password":
        served = b"Staff secret." in response.content
    else:
        served = got_through(response)
    assert served is allowed, f"{role} {'may' if allowed else 'may not'} {action}"


@pytest.mark.parametrize(
    ("role", "allowed"), list(zip(ROLES, [N, N, Y, Y], strict=True))
)
def test_publishing_a_draft(client, world, role, allowed):
    """Only editors and administrators publish; a guest's "publish" saves a draft."""
    users, ids = world
    if role != "anonymous":
        client.force_login(users[role])
    post_id = ids["own_post"] if role == "guest" else ids["draft_campaign"]
    from wagtail.models import Page
    from wagtail.test.utils.form_data import querydict_from_html

    edit_url = f"/admin/pages/{post_id}/edit/"
    page = client.get(edit_url)
    if page.status_code == 200:
        data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
        # StreamFields are drawn by JavaScript: send them empty.
        for name in ("body", "recap"):
            data.setdefault(f"{name}-count", "0")
        data["action-publish"] = "action-publish"
        client.post(edit_url, data)
    assert Page.objects.get(pk=post_id).live is allowed


@pytest.mark.parametrize(
    ("role", "allowed"), list(zip(ROLES, [N, N, Y, Y], strict=True))
)
def test_uploading_into_the_main_collection(client, world, role, allowed):
    """Guest authors upload only into their own collection."""
    users, _ = world
    if role != "anonymous":
        client.force_login(users[role])
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 40), "purple").save(buffer, "PNG")
    client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "file": SimpleUploadedFile("logo.png", buffer.getvalue()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    stored = Image.objects.filter(
        title="Logo", collection=Collection.get_first_root_node()
    ).exists()
    assert stored is allowed


def test_every_page_type_snippet_setting_and_admin_model_is_in_the_matrix():
    covered_pages = {
        "HomePage": "open the home page's editor",
        "StandardPage": "open a standard page's editor",
        "CampaignIndexPage": "open the campaign archive's editor",
        "CampaignPage": "open a campaign's editor",
        "EventPage": "open an event's editor",
        "BlogIndexPage": "open the blog's editor",
        "BlogPostPage": "open another author's post",
    }
    covered_snippets = {
        "Hashtag": "edit a hashtag",
        "Resource": "list resources",
        "MediaAppearance": "list media appearances",
        "Author": "edit an author",
    }
    covered_settings = {"OrganisationSettings": "edit the organisation settings"}
    page_models = {
        model.__name__
        for model in get_page_models()
        if model._meta.app_label != "wagtailcore"
    }
    assert page_models == set(covered_pages), "add the new page type to MATRIX"
    snippets = {model.__name__ for model in get_snippet_models()}
    assert snippets == set(covered_snippets), "add the new snippet to MATRIX"
    settings_models = {model.__name__ for model in settings_registry}
    assert settings_models == set(covered_settings), "add the new setting to MATRIX"
    for action in [
        *covered_pages.values(),
        *covered_snippets.values(),
        *covered_settings.values(),
        "list pledges",
    ]:
        assert action in MATRIX
