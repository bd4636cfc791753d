"""Load the demo site: IMHAW's campaigns, events, posts and logins."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from blog import demo as blog_demo
from campaigns import demo as campaigns_demo
from home import demo as home_demo


class Command(BaseCommand):
    help = (
        "Build the demo campaign hub from the facts in shared/seeds. Idempotent: "
        "running it again leaves the same site."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_demo.build()
        accounts = home_demo.ensure_accounts()
        campaigns_demo.build(home)
        blog_demo.build(home)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if not accounts:
            self.stdout.write(
                "No demo logins: HUB_DEMO_MODE is off in these settings. "
                "Create an administrator with `manage.py createsuperuser`."
            )
            return
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write(f"\nLog in to the admin at {admin_url} as:")
        for account in accounts:
            self.stdout.write(
                f"  {account.role:<14} username {account.username:<8} "
                f"password {account.password}"
            )
