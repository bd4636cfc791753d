"""Demo content for the home app: the site, home page, settings and demo logins.

Every builder here is idempotent: it creates what is missing and brings what exists back
to the demo's values, publishing a new revision only when something changed.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Site

from core.demo import ensure_page
from core.models import OrganisationSettings

from .models import HomePage, StandardPage

SITE_NAME = "Infant Mental Health Awareness Week"
HOME_INTRO = (
    "<p>Infant Mental Health Awareness Week runs every June. It provides an "
    "opportunity for everyone working in the sector to raise awareness of the "
    "importance of babies' social and emotional development, and to share work "
    "they are doing.</p>"
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    group: str | None = None
    superuser: bool = False


# Fixed, printed passwords: these accounts exist only where HUB_DEMO_MODE is on.
DEMO_ACCOUNTS = [
    DemoAccount("admin", "imhaw-admin-demo", "administrator", superuser=True),
    DemoAccount("editor", "imhaw-editor-demo", "editor", group="Editors"),
    DemoAccount("guest", "imhaw-guest-demo", "guest author", group="Guest authors"),
]


def ensure_accounts() -> list[DemoAccount]:
    """Create or reset the demo logins; refused unless the settings are in demo mode."""
    if not getattr(settings, "HUB_DEMO_MODE", False):
        return []
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(
            username=account.username,
            defaults={"email": f"{account.username}@example.org"},
        )
        user.first_name = account.role.split()[0].capitalize()
        user.last_name = "(demo)"
        user.is_staff = account.superuser
        user.is_superuser = account.superuser
        if not user.check_password(account.password):
            user.set_password(account.password)
        user.save()
        if account.group:
            user.groups.set([Group.objects.get(name=account.group)])
    return DEMO_ACCOUNTS


def build() -> HomePage:
    """The default site, its home page, general pages and organisation settings."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    # Full URLs (feeds, calendars, share links) point where `make run` serves.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.site_name = SITE_NAME
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.save()

    home = ensure_page(
        home.get_parent(),
        HomePage,
        home.slug,
        title=SITE_NAME,
        intro=HOME_INTRO,
        seo_title="Infant Mental Health Awareness Week: every June",
        search_description=(
            "Infant Mental Health Awareness Week, run by the Parent-Infant "
            "Foundation every June: this year's theme, events, the pledge and "
            "every past week."
        ),
    )
    ensure_page(
        home,
        StandardPage,
        "about",
        title="About the week",
        show_in_menus=True,
        intro=(
            "Infant Mental Health Awareness Week runs every June, organised by the "
            "Parent-Infant Foundation."
        ),
        body=[
            (
                "paragraph",
                "<p>It provides an opportunity for everyone working in the sector "
                "to raise awareness of the importance of babies' social and "
                "emotional development, and to share work they are doing. There "
                "is a different theme each year, with a multitude of ways to get "
                "involved.</p>",
            ),
        ],
    )
    ensure_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        intro="How we use the details you give us when you take the pledge.",
        body=[
            (
                "paragraph",
                "<p>When you take the pledge we keep your name, email address, "
                "role and, if you give them, your organisation and region, with "
                "the wording you agreed to and the time you agreed. We use them "
                "to count the pledge and, if you ask, to show your first name "
                "and role on the pledge wall. We never share them. Every "
                "confirmation email has a link that deletes your pledge, and we "
                "delete pledges after the retention period.</p>",
            ),
        ],
    )

    organisation = OrganisationSettings.for_site(site)
    organisation.name = "Parent-Infant Foundation"
    organisation.contact_email = "info@example.org"
    organisation.events_email = "events@example.org"
    organisation.website = "https://parentinfantfoundation.org.uk/"
    organisation.x_handle = "PIPUK"
    organisation.facebook_url = "https://www.facebook.com/ParentInfantFoundation"
    organisation.instagram_url = "https://www.instagram.com/parentinfantfoundation/"
    organisation.save()
    return home
