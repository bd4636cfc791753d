"""Admin views for the blog: inviting a guest author."""

from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import GuestAuthorInvitationForm


@method_decorator(permission_required("blog.invite_guest_author"), name="dispatch")
class InviteGuestAuthorView(WagtailAdminTemplateMixin, FormView):
    """Name and email in; an account, an author entry and an emailed link out."""

    form_class = GuestAuthorInvitationForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = "Invite a guest author"
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("blog_invite_guest_author"),
            submit_button_label="Send the invitation",
            submit_button_active_label="Sending…",
            **kwargs,
        )

    def form_valid(self, form):
        author = form.save(invited_by=self.request.user)
        messages.success(
            self.request,
            f"Invitation sent to {author.user.email}. They can set their password "
            "with the link in the email, then log in and draft posts.",
        )
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("wagtailsnippets_blog_author:list")
