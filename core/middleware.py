"""Content Security Policy: strict everywhere, looser in the admin's own pages.

Wagtail's admin needs inline scripts and styles (its date pickers), so its pages get
ADMIN_CONTENT_SECURITY_POLICY. Nothing else does, whoever is signed in: a public page,
an uploaded file or a document opened by an editor gets the strict policy (documents
Wagtail's own `default-src 'none'`), so an uploaded file that runs script cannot act
with the editor's session. The userbar on public pages loads its script and styles
from files, which the strict policy allows.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class HubCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIXES)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
