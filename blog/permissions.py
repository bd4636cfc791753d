"""Who may do what with the blog: groups, page and collection rights, review workflow.

All of this is Wagtail configuration (groups, permissions, a workflow), not code that
checks rights itself. Every function takes an app registry so that migrations can call
it with their historical models and the demo and admin hooks with the real ones, and
every function is idempotent.

Page rights and workflows in Wagtail hang on a page, and the blog index is made by an
editor or the demo after migrations have run. So `setup_blog_page` is called from three
places: the data migration (for a blog that already exists), the demo builder, and the
admin's `after_create_page` hook (for a blog an editor adds later). No signal handlers:
each caller says when it happens.
"""

from django.apps import apps as global_apps

GUEST_AUTHORS = "Guest authors"
EDITORS = "Editors"
GUEST_COLLECTION = "Guest authors"
REVIEW_TASK = "Editors approve blog posts"
REVIEW_WORKFLOW = "Blog post review"

# Codenames created by Wagtail's and our own migrations, or by post_migrate only after
# every migration has run: hence get_or_create with a readable name.
_NAMES = {
    "add_image": "Can add image",
    "choose_image": "Can choose image",
    "add_document": "Can add document",
    "choose_document": "Can choose document",
    "add_page": "Can add page",
}
_TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _permission(apps, app_label: str, model: str, codename: str, name: str = ""):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": name or _NAMES.get(codename, codename)},
    )
    return permission


def _next_child_path(parent_path: str, last_child_path: str | None) -> str:
    """Treebeard's materialised path for the next child (steps of 4 base-36 digits)."""
    if last_child_path is None:
        return parent_path + "0001"
    number = int(last_child_path[-4:], 36) + 1
    step = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        step = _TREE_ALPHABET[digit] + step
    return parent_path + step


def ensure_guest_collection(apps=global_apps):
    """The "Guest authors" collection, a child of the root collection."""
    Collection = apps.get_model("wagtailcore", "Collection")
    collection = Collection.objects.filter(name=GUEST_COLLECTION, depth=2).first()
    if collection:
        return collection
    root = Collection.objects.get(depth=1)
    last = (
        Collection.objects.filter(depth=2, path__startswith=root.path)
        .order_by("-path")
        .first()
    )
    collection = Collection.objects.create(
        name=GUEST_COLLECTION,
        path=_next_child_path(root.path, last.path if last else None),
        depth=2,
        numchild=0,
    )
    root.numchild = Collection.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    return collection


def setup_groups(apps=global_apps) -> None:
    """Editors' and Guest authors' site-wide rights, the collection and the workflow."""
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    guests, _ = Group.objects.get_or_create(name=GUEST_AUTHORS)

    # Editors: manage authors and invite guests. Publishing, the campaign snippets and
    # the settings are granted by the campaigns app's migration 0003.
    for action in ("add", "change", "delete", "view"):
        editors.permissions.add(
            _permission(
                apps, "blog", "author", f"{action}_author", f"Can {action} author"
            )
        )
    editors.permissions.add(
        _permission(
            apps, "blog", "author", "invite_guest_author", "Can invite guest authors"
        ),
    )

    # Guest authors: upload and choose images and documents in their own collection
    # only. "add" also lets them edit the files they uploaded themselves.
    collection = ensure_guest_collection(apps)
    for app_label, model, codename in [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ]:
        GroupCollectionPermission.objects.get_or_create(
            group=guests,
            collection=collection,
            permission=_permission(apps, app_label, model, codename),
        )

    ensure_review_workflow(apps)


def ensure_review_workflow(apps=global_apps):
    """The "Blog post review" workflow: one approval task for the Editors group."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK, content_type=task_type, active=True
        )
    task.groups.add(Group.objects.get(name=EDITORS))
    workflow, _ = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow,
        task=Task.objects.get(pk=task.pk),
        defaults={"sort_order": 0},
    )
    return workflow


def setup_blog_page(page_id: int, apps=global_apps) -> None:
    """Rights and workflow that hang on the blog index itself.

    Guest authors get Wagtail's "add" page permission here, and not "change": "add"
    lets them create posts under the blog and edit the posts they own, while "change"
    would let them edit every post, and only "publish" would let them publish.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    guests, _ = Group.objects.get_or_create(name=GUEST_AUTHORS)
    GroupPagePermission.objects.get_or_create(
        group=guests,
        page_id=page_id,
        permission=_permission(apps, "wagtailcore", "page", "add_page"),
    )
    WorkflowPage.objects.update_or_create(
        page_id=page_id, defaults={"workflow": ensure_review_workflow(apps)}
    )
