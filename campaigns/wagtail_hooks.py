"""Admin for campaigns: the snippet library, dashboard and next year."""

from django import forms
from django.db.models import Q
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.auth import PermissionPolicyChecker
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.utils.urlpatterns import decorate_urlpatterns

import django_filters
from taggit.models import Tag

from core.permissions import is_editor
from core.reports import review_cutoff

from .dashboard import CampaignPanel, EventsThisWeekPanel
from .models import (
    CampaignPage,
    Hashtag,
    MediaAppearance,
    Resource,
    kit_files,
)
from .rollover import START_NEXT_YEAR_ACTION
from .views_admin import StartNextYearView


class LibraryChooserViewSet(SnippetChooserViewSet):
    """A chooser of the campaign library for those who may see the library itself.

    Wagtail's snippet choosers list every item to anyone in the admin; the library's
    unannounced items are not a guest author's to see, and no page of theirs needs
    one.
    """

    def get_urlpatterns(self):
        checker = PermissionPolicyChecker(policy_registry.get_by_type(self.model))
        return decorate_urlpatterns(
            super().get_urlpatterns(),
            checker.require_any("add", "change", "delete", "view"),
        )


class HashtagViewSet(SnippetViewSet):
    model = Hashtag
    chooser_viewset_class = LibraryChooserViewSet
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
    chooser_viewset_class = LibraryChooserViewSet
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
    chooser_viewset_class = LibraryChooserViewSet
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


@hooks.register("construct_homepage_panels")
def add_campaign_panels(request, panels):
    if is_editor(request.user):
        panels.extend([CampaignPanel(), EventsThisWeekPanel()])


@hooks.register("insert_global_admin_css")
def cockpit_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/cockpit.css"))


@hooks.register("register_admin_urls")
def register_start_next_year_url():
    return [
        path(
            "campaigns/<id:page_id>/next-year/",
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
