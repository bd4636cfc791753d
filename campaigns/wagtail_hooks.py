"""Admin for campaigns: the snippet library, pledges and the dashboard panel."""

import datetime

from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import Hashtag, MediaAppearance, PledgeSignature, Resource


class HashtagViewSet(SnippetViewSet):
    model = Hashtag
    icon = "tag"
    menu_label = "Hashtags"
    list_display = ["__str__"]
    search_fields = ["text"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "download"
    menu_label = "Resources"
    list_display = ["title", "kind", "file_description"]
    list_filter = ["kind", "tags"]
    search_fields = ["title", "description"]


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


class PledgesThisWeekPanel(Component):
    """The dashboard's count of pledges in the last seven days."""

    name = "pledges_this_week"
    order = 90
    template_name = "campaigns/admin/pledges_panel.html"

    def get_context_data(self, parent_context):
        since = timezone.now() - datetime.timedelta(days=7)
        return {
            "count": PledgeSignature.objects.filter(created_at__gte=since).count(),
            "total": PledgeSignature.objects.count(),
        }


@hooks.register("construct_homepage_panels")
def add_pledges_panel(request, panels):
    if request.user.has_perm("campaigns.view_pledgesignature"):
        panels.append(PledgesThisWeekPanel())
