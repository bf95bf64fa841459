"""Let the three editorial roles read the chatbot's questions (the admin report).

Contentmanagers, communicatieadviseurs and beheerders improve zoektermen and
products from what citizens ask, so all three may view the question log.
Nobody gets add or change rights: the log is written by the chatbot only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLLEN = ["Contentmanagers", "Communicatieadviseurs", "Beheerders"]


def grant_view(apps, schema_editor):
    # Permissions are normally created after all migrations have run.
    app_config = apps.get_app_config("chatbot")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="chatbot", codename="view_vraaglog"
    )
    for group in Group.objects.filter(name__in=ROLLEN):
        group.permissions.add(permission)


def revoke_view(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="chatbot", codename="view_vraaglog"
    ):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("chatbot", "0001_initial"),
        ("contenthub", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_view, revoke_view)]
