"""Create the three editorial roles with their Wagtail permissions.

- Contentmanagers: create and edit products, submit them for publication.
- Communicatieadviseurs: edit and publish.
- Beheerders: everything, including snippets, settings and users.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Contentmanagers": ["add_page", "change_page"],
    "Communicatieadviseurs": ["add_page", "change_page", "publish_page"],
    "Beheerders": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
COLLECTION_PERMISSIONS = {
    "Contentmanagers": [
        ("wagtailimages", "image", ["add", "choose"]),
        ("wagtaildocs", "document", ["add", "choose"]),
    ],
    "Communicatieadviseurs": [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "choose"]),
    ],
    "Beheerders": [
        ("wagtailimages", "image", ["add", "change", "delete", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "delete", "choose"]),
    ],
}
MODEL_PERMISSIONS = {
    "Contentmanagers": [
        ("wagtailadmin", "admin", ["access"]),
        ("contenthub", "contactpunt", ["view"]),
        ("contenthub", "locatie", ["view"]),
    ],
    "Communicatieadviseurs": [
        ("wagtailadmin", "admin", ["access"]),
        ("contenthub", "contactpunt", ["view"]),
        ("contenthub", "locatie", ["view"]),
    ],
    "Beheerders": [
        ("wagtailadmin", "admin", ["access"]),
        ("contenthub", "contactpunt", ["add", "change", "delete", "view"]),
        ("contenthub", "locatie", ["add", "change", "delete", "view"]),
        ("contenthub", "gemeenteinstellingen", ["change"]),
        ("wagtailredirects", "redirect", ["add", "change", "delete"]),
        ("wagtailcore", "workflow", ["add", "change", "delete"]),
        ("wagtailcore", "task", ["add", "change", "delete"]),
        ("auth", "user", ["add", "change", "delete"]),
    ],
}


def _permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    codename = "access_admin" if (app_label, model) == ("wagtailadmin", "admin") else f"{action}_{model}"
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations have run; the
    # groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, action),
                )
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                group.permissions.add(_permission(apps, app_label, model, action))

    # Wagtail's default "Moderators approval" task goes to the people who may
    # publish; Wagtail's generic Editors and Moderators groups give way to ours.
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    reviewers = Group.objects.filter(name__in=["Communicatieadviseurs", "Beheerders"])
    for task in GroupApprovalTask.objects.filter(groups__name="Moderators").distinct():
        task.groups.set(reviewers)
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=PAGE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenthub", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
