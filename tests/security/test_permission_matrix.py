"""Who may do what: each sensitive action, tried over real HTTP by each role.

The matrix is the specification. A new page type, snippet, setting or admin model has to
be added to it (see the coverage test), so no new screen arrives unguarded. Beside it,
every admin URL the resolver knows is tried by each role (ADMIN_VIEWS): a new view,
Wagtail's or ours, is refused to guest authors until it is classified there.
"""

import io

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    Page,
    PageViewRestriction,
    Site,
    UploadedFile,
    Workflow,
    get_page_models,
)
from wagtail.snippets.models import get_snippet_models

import pytest
from PIL import Image as PILImage
from wagtail_factories import DocumentFactory, ImageFactory

from blog.factories import AuthorFactory, BlogIndexPageFactory, BlogPostPageFactory
from blog.models import Author
from blog.permissions import setup_blog_page
from campaigns.factories import (
    CampaignPageFactory,
    EventPageFactory,
    HashtagFactory,
    MediaAppearanceFactory,
    ResourceFactory,
)
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


# Every admin URL, generated from the URL resolver: a view added by Wagtail or by us is
# tried by each role without editing this test, and a guest author must be refused it
# until it is classified below.

ANY = None  # This GET cannot tell (see UNTOLD).
EVERYONE = (Y, Y, Y)
EDITORS = (N, Y, Y)
ADMINS = (N, N, Y)
NOBODY = (N, N, N)
# GET answers 405 or 404 to all: the view needs a POST, or parameters the URL lacks.
# Guests (and visitors) then also try a POST, which must be refused too.
UNTOLD = (N, ANY, ANY)

# Who gets through each admin view, by URL name or by namespace (ending in ":"), as
# (guest author, editor, administrator). Page views are tried on a week's page, which
# only editors may change; anonymous visitors get only the login and password pages.
ADMIN_VIEWS = {
    "wagtailadmin_home": EVERYONE,
    # The admin API lists only the pages a user may explore; its images and
    # documents are what the public API shows anyone (private collections left out).
    "wagtailadmin_api:pages:listing": EVERYONE,
    "wagtailadmin_api:pages:detail": EDITORS,
    "wagtailadmin_api:pages:find": UNTOLD,
    "wagtailadmin_api:pages:action": UNTOLD,
    "wagtailadmin_api:images:listing": EVERYONE,
    "wagtailadmin_api:images:detail": EVERYONE,
    "wagtailadmin_api:images:find": UNTOLD,
    "wagtailadmin_api:documents:listing": EVERYONE,
    "wagtailadmin_api:documents:detail": EVERYONE,
    "wagtailadmin_api:documents:find": UNTOLD,
    "wagtailadmin_error_test": NOBODY,  # Wagtail's deliberate 500, to test reporting.
    # A guest is sent to the blog, the part of the tree they may explore.
    "wagtailadmin_explore_root": EVERYONE,
    "wagtailadmin_explore": EVERYONE,
    "wagtailadmin_explore_results": EVERYONE,
    # A bulk action names only the items a user may act on (an unannounced week is
    # one of the secrets below); guests may delete their own drafts.
    "wagtail_bulk_action": EVERYONE,
    "wagtailadmin_pages:": EDITORS,
    # A week with events takes Wagtail's bulk-delete right (its signatures go with it).
    "wagtailadmin_pages:delete": ADMINS,
    # Listings of the pages of a type a user may explore, or may add one under.
    "wagtailadmin_pages:type_use": EVERYONE,
    "wagtailadmin_pages:type_use_results": EVERYONE,
    "wagtailadmin_pages:choose_parent": EVERYONE,
    "wagtailadmin_pages:search": EVERYONE,
    "wagtailadmin_pages:search_results": EVERYONE,
    # A redirect to the page's history, which refuses a guest on its own.
    "wagtailadmin_pages:revisions_index": EVERYONE,
    # Wagtail shows anyone which workflow task a page is at (no title, no content).
    "wagtailadmin_pages:confirm_workflow_cancellation": EVERYONE,
    "wagtailadmin_pages:convert_alias": UNTOLD,  # The week is not an alias.
    "wagtailadmin_pages:set_page_position": UNTOLD,
    "wagtailadmin_pages:lock": UNTOLD,
    "wagtailadmin_pages:unlock": UNTOLD,
    # Choosers a post needs: pages to link to (live ones only for guests), tags,
    # authors, embeds, and images and documents of the collections a user may use.
    "wagtailadmin_choose_page": EVERYONE,
    "wagtailadmin_choose_page_child": EVERYONE,
    "wagtailadmin_choose_page_search": EVERYONE,
    "wagtailadmin_choose_page_chosen_multiple": EVERYONE,
    "wagtailadmin_choose_page_external_link": EVERYONE,
    "wagtailadmin_choose_page_email_link": EVERYONE,
    "wagtailadmin_choose_page_phone_link": EVERYONE,
    "wagtailadmin_choose_page_anchor_link": EVERYONE,
    "wagtailadmin_tag_autocomplete": EVERYONE,
    "wagtailadmin_tag_model_autocomplete": EVERYONE,
    "wagtailsnippetchoosers_blog_author:": EVERYONE,
    "wagtailsnippetchoosers_blog_author:create": EDITORS,
    "wagtailembeds:": EVERYONE,
    "wagtailimages_chooser:": EVERYONE,
    "wagtaildocs_chooser:": EVERYONE,
    # ...but not one in a collection they may not use.
    "wagtailimages_chooser:chosen": EDITORS,
    "wagtailimages_chooser:select_format": EDITORS,
    "wagtaildocs_chooser:chosen": EDITORS,
    # Images and documents: guests list and add their own collection's only.
    "wagtailimages:": EDITORS,
    "wagtailimages:index": EVERYONE,
    "wagtailimages:index_results": EVERYONE,
    "wagtailimages:add": EVERYONE,
    "wagtailimages:add_multiple": EVERYONE,
    "wagtailimages:url_generator": UNTOLD,  # Off: WAGTAILIMAGES_URL_GENERATOR.
    "wagtailimages:url_generator_output": UNTOLD,
    "wagtailimages:edit_multiple": UNTOLD,
    "wagtailimages:create_multiple_from_uploaded_image": UNTOLD,
    "wagtailimages:delete_multiple": UNTOLD,
    "wagtailimages:delete_upload_multiple": UNTOLD,
    "wagtaildocs:": EDITORS,
    "wagtaildocs:index": EVERYONE,
    "wagtaildocs:index_results": EVERYONE,
    "wagtaildocs:add": EVERYONE,
    "wagtaildocs:add_multiple": EVERYONE,
    "wagtaildocs:edit_multiple": UNTOLD,
    "wagtaildocs:create_multiple_from_uploaded_document": UNTOLD,
    "wagtaildocs:delete_multiple": UNTOLD,
    "wagtaildocs:delete_upload_multiple": UNTOLD,
    # Reports: the workflow, history and aging reports list a user's own pages only.
    "wagtailadmin_reports:workflow": EVERYONE,
    "wagtailadmin_reports:workflow_results": EVERYONE,
    "wagtailadmin_reports:workflow_tasks": EVERYONE,
    "wagtailadmin_reports:workflow_tasks_results": EVERYONE,
    "wagtailadmin_reports:site_history": EVERYONE,
    "wagtailadmin_reports:site_history_results": EVERYONE,
    "wagtailadmin_reports:aging_pages": EVERYONE,
    "wagtailadmin_reports:aging_pages_results": EVERYONE,
    "wagtailadmin_reports:page_types_usage": EDITORS,
    "wagtailadmin_reports:page_types_usage_results": EDITORS,
    "wagtailadmin_reports:locked_pages": ADMINS,  # Editors may not unlock.
    "wagtailadmin_reports:locked_pages_results": ADMINS,
    "content_review": EDITORS,
    "content_review_results": EDITORS,
    # One's own account and session.
    "wagtailadmin_account": EVERYONE,
    "wagtailadmin_dismissibles": EVERYONE,
    "wagtailadmin_logout": UNTOLD,
    "wagtailadmin_editing_sessions:ping": UNTOLD,
    "wagtailadmin_editing_sessions:release": (ANY, ANY, ANY),  # One's own only.
    "wagtailadmin_block_preview": UNTOLD,
    "wagtailadmin_sprite": EVERYONE,
    "wagtailadmin_login": NOBODY,  # Signed in: sent to the dashboard.
    "wagtailadmin_password_reset": EVERYONE,
    "wagtailadmin_password_reset_done": EVERYONE,
    "wagtailadmin_password_reset_confirm": EVERYONE,
    "wagtailadmin_password_reset_complete": EVERYONE,
    "wagtailadmin_javascript_catalog": EVERYONE,
    # Ours.
    "campaigns_start_next_year": EDITORS,
    "blog_invite_guest_author": EDITORS,
    "pledge_signatures:": EDITORS,
    # Signatures come from the public form only.
    "pledge_signatures:add": NOBODY,
    "pledge_signatures:edit": NOBODY,
    "pledge_signatures:usage": NOBODY,
    "wagtailsnippets:index": NOBODY,  # Every snippet has a menu item of its own.
    "wagtailsnippets_campaigns_hashtag:": EDITORS,
    "wagtailsnippetchoosers_campaigns_hashtag:": EDITORS,
    "wagtailsnippets_campaigns_resource:": EDITORS,
    "wagtailsnippetchoosers_campaigns_resource:": EDITORS,
    "wagtailsnippets_campaigns_mediaappearance:": EDITORS,
    "wagtailsnippetchoosers_campaigns_mediaappearance:": EDITORS,
    "wagtailsnippets_blog_author:": EDITORS,
    "wagtailsettings:": EDITORS,
    "wagtailsettings:preview_on_edit": UNTOLD,  # The settings have no preview.
    # Form pages: only those a user may edit (there are none).
    "wagtailforms:index": EVERYONE,
    "wagtailforms:index_results": EVERYONE,
    "wagtailforms:list_submissions": UNTOLD,  # The week is no form page.
    "wagtailforms:list_submissions_results": UNTOLD,
    "wagtailforms:delete_submissions": NOBODY,
    # Wagtail's task chooser lists task names to anyone in the admin (creating one
    # needs the right), its query chooser the promoted search terms.
    "wagtailadmin_workflows:task_chooser": EVERYONE,
    "wagtailadmin_workflows:task_chooser_results": EVERYONE,
    "wagtailadmin_workflows:task_chooser_create": EVERYONE,
    "wagtailadmin_workflows:task_chosen": EVERYONE,
    "wagtailsearchpromotions:chooser": EVERYONE,
    "wagtailsearchpromotions:chooserresults": EVERYONE,
    # Administrators only.
    "wagtailadmin_collections:": ADMINS,
    "wagtailadmin_workflows:": ADMINS,
    "wagtailadmin_workflows:enable": UNTOLD,
    "wagtailadmin_workflows:remove": UNTOLD,
    "wagtailadmin_workflows:enable_task": UNTOLD,
    "wagtailredirects:": ADMINS,
    "wagtailredirects:process_import": UNTOLD,
    "wagtailsearchpromotions:": ADMINS,
    "wagtailsites:": ADMINS,
    "wagtailusers_users:": ADMINS,
    "wagtailusers_groups:": ADMINS,
}
PUBLIC_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}


def allowed(name: str, role: str) -> bool | None:
    """Whether `role` gets through the view: its own row, else its namespace's (the
    innermost first). A view in neither is refused to guests until classified."""
    if role == "anonymous":
        return name in PUBLIC_ADMIN_VIEWS
    parts = name.split(":")
    keys = [name] + [":".join(parts[:n]) + ":" for n in range(len(parts) - 1, 0, -1)]
    row = next((ADMIN_VIEWS[key] for key in keys if key in ADMIN_VIEWS), None)
    if row is None:
        return N if role == "guest" else ANY
    return row[ROLES.index(role) - 1]


def admin_routes() -> list[tuple[str, list[str], object]]:
    """(URL name, its parameters, its view) of each named pattern under /admin/."""

    def walk(patterns, params, namespace, prefix):
        for pattern in patterns:
            found = [*params, *pattern.pattern.regex.groupindex]
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, found, inner, route)
            elif pattern.name and route.startswith("admin/"):
                yield ":".join(filter(None, [namespace, pattern.name])), found, pattern

    return [
        (name, params, pattern.callback)
        for name, params, pattern in walk(get_resolver().url_patterns, [], "", "")
    ]


# What each URL parameter is: a key of `admin_world`'s ids, else taken as it is.
PARAMETERS = {
    "page_id": "campaign",
    "page_to_move_id": "campaign",
    "page_pk": "campaign",
    "object_id": "campaign",
    "parent_page_id": "archive",
    "destination_id": "archive",
    "revision_id": "revision",
    "revision_id_a": "revision",
    "revision_id_b": "revision",
    "task_state_id": "task_state",
    "workflow_state_id": "workflow_state",
    "task_id": "wagtailcore.task",
    "workflow_pk": "wagtailcore.workflow",
    "image_id": "wagtailimages.image",
    "document_id": "wagtaildocs.document",
    "doc_id": "wagtaildocs.document",
    "collection_id": "wagtailcore.collection",
    "redirect_id": "wagtailredirects.redirect",
    "query_id": "wagtailsearchpromotions.query",
    "session_id": "wagtailadmin.editingsession",
    "uploaded_file_id": "wagtailcore.uploadedfile",
    "action_name": "approve",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "not-a-token",
    "content_type_app_name": "campaigns",
    "content_type_model_name": "campaignpage",
}
# Parameters whose meaning depends on the view, by URL name or namespace.
VIEW_PARAMETERS = {
    "wagtail_bulk_action": {
        "app_label": "wagtailcore",
        "model_name": "page",
        "action": "delete",
    },
    "wagtailadmin_pages:add": {"app_label": "campaigns", "model_name": "campaignpage"},
    "wagtailadmin_pages:choose_parent": {
        "app_label": "campaigns",
        "model_name": "campaignpage",
    },
    "wagtailadmin_pages:revisions_compare": {"pk": "campaign"},
    "wagtailadmin_workflows:add_task": {
        "app_label": "wagtailcore",
        "model_name": "groupapprovaltask",
    },
    "wagtailadmin_workflows:enable": {"pk": "wagtailcore.workflow"},
    "wagtailadmin_workflows:usage": {"pk": "wagtailcore.workflow"},
    "wagtailadmin_workflows:usage_results": {"pk": "wagtailcore.workflow"},
    "wagtailadmin_workflows:edit_task": {"pk": "wagtailcore.task"},
    "wagtailadmin_workflows:enable_task": {"pk": "wagtailcore.task"},
    "wagtailadmin_editing_sessions:ping": {
        "app_label": "wagtailcore",
        "model_name": "page",
    },
    "wagtailadmin_tag_model_autocomplete": {"app_name": "taggit", "model_name": "tag"},
    "wagtailadmin_api:pages:": {"pk": "campaign"},
    "wagtailadmin_api:images:": {"pk": "wagtailimages.image"},
    "wagtailadmin_api:documents:": {"pk": "wagtaildocs.document"},
    "wagtailsettings:": {
        "app_name": "core",
        "model_name": "organisationsettings",
        "pk": "wagtailcore.site",
    },
}


def view_model(name: str, view) -> str | None:
    """The model whose `pk` a view takes: a snippet's from its namespace, else the
    model its viewset gave it."""
    namespace = name.rpartition(":")[0]
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            return ".".join(namespace.removeprefix(prefix).split("_", 1))
    model = getattr(view, "view_initkwargs", {}).get("model")
    model = model or getattr(getattr(view, "view_class", None), "model", None)
    if isinstance(model, str):
        return model.lower()
    if isinstance(model, type):
        return model._meta.label_lower
    return None


# Query strings some views need to show anything.
QUERIES = {"wagtail_bulk_action": "id={draft_campaign}"}


def admin_url(name: str, params: list[str], view, ids: dict) -> str:
    overrides = {}
    for key, table in VIEW_PARAMETERS.items():
        if name == key or (key.endswith(":") and name.startswith(key)):
            overrides = table
    kwargs = {}
    for param in params:
        value = overrides.get(param) or PARAMETERS.get(param)
        if param == "pk" and value is None:
            value = view_model(name, view)
        assert value, f"say in PARAMETERS or VIEW_PARAMETERS what {name}'s {param} is"
        kwargs[param] = ids.get(value, value)
    query = QUERIES.get(name, "").format(**ids)
    return reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")


@pytest.fixture
def admin_world(world, campaign):
    """`world`, and one of each thing an admin URL takes the id of."""
    users, world_ids = world
    editor = users["editor"]
    campaign.save_revision(user=editor)
    workflow_state = Workflow.objects.get(name="Event review").start(campaign, editor)
    staff = Collection.get_first_root_node().add_child(name="Staff only")
    things = [
        ImageFactory(collection=staff),
        DocumentFactory(collection=staff),
        staff,
        HashtagFactory(text="UnannouncedTag"),
        ResourceFactory(title="Unannounced briefing"),
        MediaAppearanceFactory(title="Unannounced episode"),
        Author.objects.get(pk=world_ids["author"]),
        workflow_state.workflow,
        workflow_state.current_task_state.task.specific,
        Query.get("babies"),
        users["guest"],
        Group.objects.get(name="Editors"),
        Site.objects.get(is_default_site=True),
        Redirect.objects.create(old_path="/old", redirect_link="https://example.org"),
        PledgeSignature.objects.get(pk=world_ids["signature"]),
        EditingSession.objects.create(
            user=editor,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(campaign.pk),
            last_seen_at=timezone.now(),
        ),
        UploadedFile.objects.create(
            file=SimpleUploadedFile("upload.txt", b"staff"), uploaded_by_user=editor
        ),
    ]
    ids = {
        **{thing._meta.label_lower: thing.pk for thing in things},
        "wagtailcore.task": workflow_state.current_task_state.task_id,
        "campaign": campaign.pk,
        "archive": world_ids["archive"],
        "draft_campaign": world_ids["draft_campaign"],
        "revision": campaign.latest_revision_id,
        "task_state": workflow_state.current_task_state.pk,
        "workflow_state": workflow_state.pk,
    }
    # Never shown to a guest author, whatever they open.
    secrets = [
        "Sally Hogg",
        "sally@example.org",
        "UnannouncedTag",
        "Unannounced briefing",
        "Unannounced episode",
        Page.objects.get(pk=world_ids["draft_campaign"]).title,
    ]
    return users, ids, secrets


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def admin_urls(ids: dict):
    """(URL name, address) of each admin view, and of each listing's CSV export."""
    for name, params, view in admin_routes():
        url = admin_url(name, params, view, ids)
        yield name, url
        view_class = getattr(view, "view_class", None)
        if view_class and issubclass(view_class, SpreadsheetExportMixin):
            if view.view_initkwargs.get("list_export") or view_class.list_export:
                yield name, url + ("&" if "?" in url else "?") + "export=csv"


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_for_each_role(admin_world, role):
    """Each admin view, tried by each role: refused or served as ADMIN_VIEWS says,
    never a server error, and never a signer or an unannounced item to a guest."""
    users, ids, secrets = admin_world
    client = Client(raise_request_exception=False)
    wrong = []
    for name, url in admin_urls(ids):
        # Wagtail's logout view drops the session cookie even when it refuses a GET.
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if role != "anonymous" and not (session and session.value):
            client.force_login(users[role])
        response = client.get(url)
        expected = allowed(name, role)
        if response.status_code >= 500 and name not in DELIBERATE_ERRORS:
            wrong.append(f"{url} ({name}): {response.status_code}")
        elif expected is not ANY and got_through(response) is not expected:
            wrong.append(f"{url} ({name}): {response.status_code}, expected {expected}")
        if role == "guest":
            wrong += [
                f"{url} shows {s!r}" for s in secrets if s.encode() in body(response)
            ]
        if response.status_code == 405 and expected is N and "logout" not in name:
            posted = client.post(url, {})
            if posted.status_code >= 500 or got_through(posted):
                wrong.append(f"POST {url} ({name}): {posted.status_code}")
    if role == "guest" and wrong:
        wrong.append(
            "(a view in no row of ADMIN_VIEWS is for editors only until listed)"
        )
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
