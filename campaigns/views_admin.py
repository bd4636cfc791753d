"""Admin views for campaigns: starting next year's campaign from this year's."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import CampaignPage
from .rollover import NextYearExists, plan_next_year, start_next_year


class StartNextYearView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then make next year's draft campaign from this one."""

    template_name = "campaigns/admin/start_next_year.html"
    header_icon = "copy"

    def dispatch(self, request, page_id: int):
        page = get_object_or_404(CampaignPage, pk=page_id)
        parent = page.get_parent()
        # Whoever may add a campaign beside this one: editors, never guest authors.
        if not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        self.campaign = page.get_latest_revision_as_object()
        self.existing = CampaignPage.objects.filter(year=page.year + 1).first()
        return super().dispatch(request, page_id)

    @property
    def page_title(self) -> str:
        return f"Start {self.campaign.year + 1} from {self.campaign.year}"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.campaign.pk]),
                "label": self.campaign.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            campaign=self.campaign,
            existing=self.existing,
            plan=None if self.existing else plan_next_year(self.campaign),
            **kwargs,
        )

    def post(self, request, page_id: int):
        if self.existing is None:
            try:
                rollover = start_next_year(self.campaign, user=request.user)
            except (NextYearExists, IntegrityError):
                # Another editor got there first, between the check and the save.
                self.existing = CampaignPage.objects.filter(
                    year=self.campaign.year + 1
                ).first()
            else:
                messages.success(request, rollover.summary)
                return redirect("wagtailadmin_pages:edit", rollover.page.pk)
        return self.render_to_response(self.get_context_data(), status=409)
