"""Admin for the site as a whole: the content review report and the reviews panel."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .dashboard import ReviewsPanel
from .reports import DueForReviewView


def is_editor(user) -> bool:
    """Who sees the editors' panels: those who may publish pages, never guests."""
    return PagePermissionPolicy(Page).user_has_permission(user, "publish")


class DueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_urls")
def register_content_review_urls():
    return [
        path(
            "reports/due-for-review/", DueForReviewView.as_view(), name="content_review"
        ),
        path(
            "reports/due-for-review/results/",
            DueForReviewView.as_view(results_only=True),
            name="content_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_content_review_menu_item():
    return DueForReviewMenuItem(
        "Due for review",
        reverse("content_review"),
        name="due-for-review",
        icon_name="time",
        order=1050,
    )


@hooks.register("construct_homepage_panels")
def add_reviews_panel(request, panels):
    if is_editor(request.user):
        panels.append(ReviewsPanel())
