"""The Editors' rights over campaigns, and the "Event review" workflow.

Editors publish every page, manage the campaign snippets, and see (never edit) pledges.
"""

from django.db import migrations

EDITORS = "Editors"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Page = apps.get_model("wagtailcore.Page")
    Task = apps.get_model("wagtailcore.Task")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")

    editors, _ = Group.objects.get_or_create(name=EDITORS)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name="Editors review events").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Editors review events", content_type=task_type, active=True
        )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(
        name="Event review", defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=Task.objects.get(pk=task.pk), defaults={"sort_order": 0}
    )

    def permission(app_label, model, action):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        found, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )
        return found

    for model in ["hashtag", "resource", "mediaappearance"]:
        for action in ["add", "change", "delete", "view"]:
            editors.permissions.add(permission("campaigns", model, action))
    for action in ["view", "delete"]:
        editors.permissions.add(permission("campaigns", "pledgesignature", action))
    editors.permissions.add(permission("home", "organisationsettings", "change"))

    # Publishing, from the root down: every page type in the tree.
    root = Page.objects.get(depth=1)
    for action in ["add", "change", "publish"]:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=root, permission=permission("wagtailcore", "page", action)
        )


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name="Event review").delete()
    apps.get_model("wagtailcore.Task").objects.filter(
        name="Editors review events"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_pledges"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
