"""The form editors use to invite a guest author."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Author
from .permissions import GUEST_AUTHORS


class GuestAuthorInvitationForm(forms.Form):
    name = forms.CharField(
        max_length=120, help_text="Their name as it should appear on posts."
    )
    email = forms.EmailField(
        help_text="The invitation goes here, and it becomes their login."
    )
    role = forms.CharField(
        max_length=120, required=False, help_text="For example: Health visitor."
    )
    organisation = forms.CharField(
        max_length=120, required=False, help_text="For example: iHV."
    )
    author = forms.ModelChoiceField(
        Author.objects.filter(user__isnull=True),
        required=False,
        label="Existing author entry",
        help_text="If they already have an author entry (from earlier posts), choose "
        "it and it is linked to their account; otherwise a new one is made.",
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        User = get_user_model()
        if User.objects.filter(email__iexact=email).exists() or (
            User.objects.filter(username__iexact=email).exists()
        ):
            raise forms.ValidationError(
                "Someone with this email address already has an account."
            )
        return email

    @transaction.atomic
    def save(self, invited_by) -> Author:
        """Make the account and author entry, then email the set-password link."""
        data = self.cleaned_data
        first_name, _, last_name = data["name"].partition(" ")
        user = get_user_model()(
            username=data["email"],
            email=data["email"],
            first_name=first_name[:150],
            last_name=last_name[:150],
        )
        # No password until they choose one through the emailed link.
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=GUEST_AUTHORS))

        author = data["author"] or Author(name=data["name"])
        author.user = user
        author.role = data["role"] or author.role
        author.organisation = data["organisation"] or author.organisation
        author.save()
        transaction.on_commit(lambda: send_invitation(user, invited_by))
        return author


def invitation_link(user) -> str:
    """A one-time link to set a password: Django's token generator, used by Wagtail's
    own set-password view. It stops working once a password is set (the token hashes
    the password) or after PASSWORD_RESET_TIMEOUT seconds."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(user, invited_by) -> None:
    context = {
        "user": user,
        "invited_by": invited_by,
        "link": invitation_link(user),
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailadmin_login"),
        "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    send_mail(
        subject=f"You are invited to write for the {settings.WAGTAIL_SITE_NAME} blog",
        message=render_to_string("blog/emails/guest_author_invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
