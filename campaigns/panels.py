"""Editor panels for campaigns: the readiness checklist at the top of the form."""

from wagtail.admin.panels import Panel

from .readiness import campaign_readiness, progress


class ReadinessPanel(Panel):
    """The campaign's readiness checklist, each item linking to where it is filled."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/readiness_panel.html"

        def is_shown(self):
            # A page being created has no events or revisions to check yet.
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            items = campaign_readiness(self.instance)
            context.update(items=items, progress=progress(items))
            return context
