"""Content Security Policy: strict for the public site, looser for the admin.

Wagtail's admin needs inline scripts and styles (its date pickers, the userbar), so
admin pages, and public pages viewed by someone signed in to the admin (who sees the
userbar), get ADMIN_CONTENT_SECURITY_POLICY. Everyone else gets the strict policy.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class HubCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self.is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    @staticmethod
    def is_admin(request) -> bool:
        if request.path_info.startswith(ADMIN_PREFIXES):
            return True
        user = getattr(request, "user", None)
        return bool(
            user
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
        )
