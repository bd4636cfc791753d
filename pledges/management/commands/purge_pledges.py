"""Delete pledge signatures older than the retention period."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ...models import PledgeSignature


class Command(BaseCommand):
    help = "Delete pledge signatures older than PLEDGE_RETENTION_DAYS (or --days)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PLEDGE_RETENTION_DAYS,
            help="Keep signatures newer than this many days.",
        )

    def handle(self, *args, days: int, **options):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _ = PledgeSignature.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} pledge signatures made before {cutoff:%d %B %Y}."
        )
