"""Run the site's scheduled jobs, so that nobody has to remember to.

Every minute: `publish_scheduled` (editors' go-live and expiry times). Every day:
`purge_pledges` (the retention period). `make run` starts this beside the development
server; in production it runs as one process of its own (one only: the jobs are safe to
repeat, but need not be).
"""

import signal
import time
from dataclasses import dataclass, field

from django.core.management import call_command
from django.core.management.base import BaseCommand


@dataclass
class Job:
    command: str
    every_seconds: int
    last_run: float = field(default=float("-inf"))

    def is_due(self, now: float) -> bool:
        return now - self.last_run >= self.every_seconds


def default_jobs() -> list[Job]:
    return [Job("publish_scheduled", 60), Job("purge_pledges", 24 * 60 * 60)]


class Command(BaseCommand):
    help = "Run publish_scheduled every minute and purge_pledges every day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once, then stop."
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=15,
            help="Seconds between checks for jobs that are due (default 15).",
        )

    def handle(self, *args, once: bool, tick: float, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        jobs = default_jobs()
        self.stdout.write(
            "Scheduler: "
            + ", ".join(f"{job.command} every {job.every_seconds} s" for job in jobs)
        )
        while self.running:
            now = time.monotonic()
            for job in jobs:
                if job.is_due(now):
                    self.run(job, now)
            if once:
                return
            time.sleep(tick)

    def run(self, job: Job, now: float) -> None:
        job.last_run = now
        try:
            call_command(job.command, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # noqa: BLE001 - one failed run must not stop the rest
            self.stderr.write(f"Scheduler: {job.command} failed: {error!r}")

    def stop(self, *args) -> None:
        self.running = False
