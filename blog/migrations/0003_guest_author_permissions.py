"""Editors' and Guest authors' rights, their collection and the blog review workflow.

The functions live in blog.permissions so that the demo and the admin hook apply the
same configuration to a blog index created after this migration has run; they use the
historical models passed in here, never the current ones.
"""

from django.db import migrations

from blog.permissions import (
    GUEST_AUTHORS,
    REVIEW_TASK,
    REVIEW_WORKFLOW,
    setup_blog_page,
    setup_groups,
)


def forwards(apps, schema_editor):
    setup_groups(apps)
    BlogIndexPage = apps.get_model("blog", "BlogIndexPage")
    for page_id in BlogIndexPage.objects.values_list("pk", flat=True):
        setup_blog_page(page_id, apps)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=REVIEW_WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=REVIEW_TASK).delete()
    apps.get_model("wagtailcore.GroupPagePermission").objects.filter(
        group__name=GUEST_AUTHORS
    ).delete()
    apps.get_model("wagtailcore.GroupCollectionPermission").objects.filter(
        group__name=GUEST_AUTHORS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_blog_pages_and_authors"),
        ("campaigns", "0003_editors_and_event_review"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
