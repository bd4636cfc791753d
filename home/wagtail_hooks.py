"""Admin for the site as a whole: the content review report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .reports import DueForReviewView


class DueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy(Page).user_has_permission(request.user, "publish")


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
