"""Admin for the blog: the authors snippet, guest invitations and the blog's rights."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, BlogIndexPage
from .permissions import setup_blog_page
from .views import InviteGuestAuthorView


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "user"]
    search_fields = ["name", "organisation"]


register_snippet(AuthorViewSet)


@hooks.register("register_admin_urls")
def register_invitation_url():
    return [
        path(
            "blog/invite/",
            InviteGuestAuthorView.as_view(),
            name="blog_invite_guest_author",
        )
    ]


class InvitationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("blog.invite_guest_author")


@hooks.register("register_admin_menu_item")
def register_invitation_menu_item():
    return InvitationMenuItem(
        "Invite a guest author",
        reverse("blog_invite_guest_author"),
        icon_name="mail",
        order=230,
    )


@hooks.register("after_create_page")
def give_new_blog_its_rights(request, page):
    """A blog index added in the admin gets the Guest authors' rights and workflow."""
    if isinstance(page.specific, BlogIndexPage):
        setup_blog_page(page.pk)
