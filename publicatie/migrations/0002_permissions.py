"""Who sees verdicts and who may grant exceptions to the publication gate."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Communicatieadviseurs": [
        "view_keuring",
        "view_uitzondering",
        "grant_uitzondering",
    ],
    "Beheerders": [
        "view_keuring",
        "view_uitzondering",
        "change_uitzondering",
        "delete_uitzondering",
        "grant_uitzondering",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("quality")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="quality", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=PERMISSIONS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="quality")
        )


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial"), ("contenthub", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
