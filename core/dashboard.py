"""The editors' dashboard panel of what waits in each review workflow."""

from wagtail.admin.ui.components import Component
from wagtail.models import Page, Workflow, WorkflowState


class ReviewsPanel(Component):
    """What waits in each workflow that has been used (event proposals, guest
    posts), oldest first, named as editors named the workflows."""

    name = "waiting_for_review"
    order = 95
    template_name = "core/reviews_panel.html"
    shown = 5

    def get_context_data(self, parent_context):
        used = Workflow.objects.active().filter(workflow_states__isnull=False)
        groups = {
            name: []
            for name in used.order_by("name").values_list("name", flat=True).distinct()
        }
        states = list(
            WorkflowState.objects.active()
            .filter(workflow__name__in=groups)
            .select_related("workflow")
            .order_by("created_at")
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        for state in states:
            page = pages.get(int(state.object_id))
            if page is not None:
                groups[state.workflow.name].append((page, state))
        return {
            "groups": [
                {
                    "label": label,
                    "count": len(waiting),
                    "waiting": waiting[: self.shown],
                    "more": max(0, len(waiting) - self.shown),
                }
                for label, waiting in groups.items()
            ]
        }
