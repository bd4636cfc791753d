"""Admin for the site as a whole: the content review report and the reviews panel,
and what Wagtail's own views show of pages a user may not edit."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from .dashboard import ReviewsPanel
from .permissions import is_editor
from .reports import DueForReviewView


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


# Wagtail lets anyone who may add a page anywhere see this report, and with each page
# type the title of its last edited page, wherever in the tree: guest authors, who add
# posts to the blog, saw the titles of unannounced campaign pages. It is for those who
# publish. (The attribute is the documented permission setting of Wagtail's generic
# views; tests/security/test_guest_author_reach.py fails if it stops working.)
PageTypesUsageReportView.any_permission_required = ["publish"]


@hooks.register("construct_reports_menu")
def hide_page_types_usage(request, menu_items):
    if not is_editor(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("before_move_page")
def refuse_to_confirm_a_move_not_allowed(request, page, destination):
    """Wagtail checks the right to move a page when the move is posted, but shows its
    confirmation, with the page's and the destination's titles, to anyone."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("construct_page_chooser_queryset")
def choose_only_live_pages_unless_editor(pages, request):
    """Those who may not publish link only to pages visitors can see: a week not yet
    announced or an event someone proposed is not for a guest author to list."""
    return pages if is_editor(request.user) else pages.live()


@hooks.register("construct_homepage_panels")
def add_reviews_panel(request, panels):
    if is_editor(request.user):
        panels.append(ReviewsPanel())
