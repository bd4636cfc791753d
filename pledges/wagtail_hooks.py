"""Admin for pledges: editors list, filter, search and export them, and see the
dashboard's pledges panel; nobody edits a signature, and guests see none of it."""

from wagtail import hooks

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .dashboard import PledgesPanel
from .models import PledgeSignature


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


@hooks.register("construct_homepage_panels")
def add_pledges_panel(request, panels):
    if request.user.has_perm("pledges.view_pledgesignature"):
        panels.append(PledgesPanel())
