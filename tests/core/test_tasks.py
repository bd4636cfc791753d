"""Publishing queues Wagtail's background work for the worker, as production does."""

from io import StringIO

from django.core.management import call_command

import pytest
from django_tasks_db.models import DBTaskResult

from home.models import StandardPage


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# The worker closes its database connection when it is done, as a long-running process
# should: that needs real commits, not the test's enclosing transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_queues_background_tasks_that_the_worker_runs(
    home_page, database_queue
):
    page = StandardPage(title="Queued", slug="queued")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    queued = DBTaskResult.objects.count()
    assert queued > 0
    assert not DBTaskResult.objects.finished().exists()
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert DBTaskResult.objects.finished().count() == queued
    assert not DBTaskResult.objects.failed().exists()


def test_development_runs_tasks_at_once(home_page):
    page = StandardPage(title="Now", slug="now")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    assert not DBTaskResult.objects.exists()
