"""Admin for campaigns: the snippet library, pledges, dashboard and next year."""

from django import forms
from django.db.models import Q
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters
from taggit.models import Tag
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from home.reports import review_cutoff

from .dashboard import CampaignPanel, EventsThisWeekPanel, PledgesPanel, ReviewsPanel
from .models import (
    CampaignPage,
    Hashtag,
    MediaAppearance,
    PledgeSignature,
    Resource,
    kit_files,
)
from .rollover import START_NEXT_YEAR_ACTION
from .views_admin import StartNextYearView


class HashtagViewSet(SnippetViewSet):
    model = Hashtag
    icon = "tag"
    menu_label = "Hashtags"
    list_display = ["__str__"]
    search_fields = ["text"]


class ResourceFilterSet(WagtailFilterSet):
    """Filter resources by kind, tag (django-filter cannot guess one) and review."""

    tag = django_filters.ModelMultipleChoiceFilter(
        label="Tag",
        field_name="tags",
        queryset=Tag.objects.filter(
            campaigns_resourcetag_items__isnull=False
        ).distinct(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )

    due_for_review = django_filters.BooleanFilter(
        label="Due for review",
        method="filter_due_for_review",
        help_text="Not updated within the review period (CONTENT_REVIEW_DAYS).",
    )

    class Meta:
        model = Resource
        fields = ["kind"]

    def filter_due_for_review(self, queryset, name, value):
        stale = Q(updated_at__lt=review_cutoff())
        return queryset.filter(stale if value else ~stale)


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "download"
    menu_label = "Resources"
    list_display = ["title", "kind", "file_description", "download_count", "updated_at"]
    filterset_class = ResourceFilterSet
    search_fields = ["title", "description"]

    def get_queryset(self, request):
        # The "file" column describes kits from their files: fetch them with the page.
        return Resource.objects.select_related("document").prefetch_related(kit_files())


class MediaAppearanceViewSet(SnippetViewSet):
    model = MediaAppearance
    icon = "media"
    menu_label = "Podcasts and media"
    list_display = ["title", "outlet", "kind", "date"]
    list_filter = ["kind", "date"]
    search_fields = ["title", "outlet", "people"]


class CampaignSnippetsGroup(SnippetViewSetGroup):
    menu_label = "Campaign library"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (HashtagViewSet, ResourceViewSet, MediaAppearanceViewSet)


register_snippet(CampaignSnippetsGroup)


class PledgePermissionHelper(PermissionHelper):
    """Signatures come only from the public form and are never edited in the admin."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class PledgeSignatureAdmin(ModelAdmin):
    """Editors list, filter, search and export pledges; nobody edits them."""

    model = PledgeSignature
    menu_label = "Pledges"
    menu_icon = "group"
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "name",
        "email",
        "role_label",
        "organisation",
        "campaign",
        "created_at",
    ]
    list_filter = ["campaign", "created_at", "role", "region"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "campaign",
        "name",
        "email",
        "role_label",
        "organisation",
        "region",
        "show_on_wall",
        "consent_text",
        "consented_at",
        "created_at",
    ]
    export_filename = "pledge-signatures"
    permission_helper_class = PledgePermissionHelper


modeladmin_register(PledgeSignatureAdmin)


def is_campaign_editor(user) -> bool:
    """Who sees the campaign panels: those who may publish pages, never guests."""
    return PagePermissionPolicy().user_has_permission(user, "publish")


@hooks.register("construct_homepage_panels")
def add_campaign_panels(request, panels):
    if is_campaign_editor(request.user):
        panels.extend([CampaignPanel(), ReviewsPanel(), EventsThisWeekPanel()])
    if request.user.has_perm("campaigns.view_pledgesignature"):
        panels.append(PledgesPanel())


@hooks.register("insert_global_admin_css")
def cockpit_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/cockpit.css"))


@hooks.register("register_admin_urls")
def register_start_next_year_url():
    return [
        path(
            "campaigns/<int:page_id>/next-year/",
            StartNextYearView.as_view(),
            name="campaigns_start_next_year",
        )
    ]


@hooks.register("register_log_actions")
def register_start_next_year_action(actions):
    actions.register_action(
        START_NEXT_YEAR_ACTION,
        "Start next year's campaign",
        "Started from last year's campaign",
    )


class StartNextYearButton(PageMenuItem):
    label = "Start next year's campaign"
    icon_name = "copy"
    url_name = "campaigns_start_next_year"

    def is_shown(self, user):
        # The view checks the right to add beside it; this avoids a query per row.
        return (
            self.page.specific_class is CampaignPage
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def start_next_year_header_button(page, user, view_name, next_url=None):
    yield StartNextYearButton(page=page, priority=35)


@hooks.register("register_page_listing_more_buttons")
def start_next_year_listing_button(page, user, next_url=None):
    yield StartNextYearButton(page=page, priority=25)
