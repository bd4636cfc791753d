"""Content review: pages nobody has republished for a while, so nothing goes stale."""

import datetime

from django.conf import settings
from django.utils import timezone

from wagtail.admin.views.reports.aging_pages import AgingPagesView


def review_cutoff() -> datetime.datetime:
    """Pages last published before this are due for review."""
    return timezone.now() - datetime.timedelta(days=settings.CONTENT_REVIEW_DAYS)


class DueForReviewView(AgingPagesView):
    """Wagtail's aging-pages report, narrowed to pages past the review period.

    Republishing a page (after checking it) is what marks it reviewed.
    """

    page_title = "Due for review"
    header_icon = "time"
    index_url_name = "content_review"
    index_results_url_name = "content_review_results"
    any_permission_required = ["publish"]

    def get_queryset(self):
        super().get_queryset()
        self.queryset = self.queryset.filter(last_published_at__lt=review_cutoff())
        return self.queryset

    def get_filename(self):
        return f"due-for-review-{timezone.localdate():%Y-%m-%d}"
