"""Who may do what beyond Wagtail's own permissions."""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def is_editor(user) -> bool:
    """Who sees the editors' panels and every page: those who may publish pages,
    never guests."""
    return PagePermissionPolicy(Page).user_has_permission(user, "publish")
