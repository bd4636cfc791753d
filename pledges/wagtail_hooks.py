"""Admin for pledges: editors list, filter, search and export them, and see the
dashboard's pledges panel; nobody edits a signature, and guests see none of it.

Wagtail's own model viewset checks the pledge permissions in every view it makes (list,
export, inspect, history, usage, delete), which wagtail-modeladmin's history view did
not: a guest author could read a signer's name there.
"""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .dashboard import PledgesPanel
from .models import PledgeSignature
from .views_admin import SignatureIndexView


class SignaturePermissionPolicy(ModelPermissionPolicy):
    """Signatures come only from the public form: nobody adds or edits one here."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(
            user, action
        )


register_permission_policy(PledgeSignature, SignaturePermissionPolicy(PledgeSignature))


class PledgeSignatureViewSet(ModelViewSet):
    """Editors list, filter, search and export pledges; nobody edits them."""

    model = PledgeSignature
    index_view_class = SignatureIndexView
    url_prefix = "pledges/pledgesignature"
    menu_label = "Pledges"
    icon = "group"
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # The add and edit views are refused to all (see the policy).
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
    search_backend_name = None
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


@hooks.register("register_admin_viewset")
def register_pledges_viewset():
    return PledgeSignatureViewSet("pledge_signatures")


@hooks.register("construct_homepage_panels")
def add_pledges_panel(request, panels):
    if request.user.has_perm("pledges.view_pledgesignature"):
        panels.append(PledgesPanel())
