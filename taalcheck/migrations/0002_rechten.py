"""Rights on the taalcheck for the editorial roles of contenthub 0002_roles.

- Beheerders may change the taalcheck settings.
- Communicatieadviseurs and Beheerders may use the taalcheck page in the admin
  (custom permission ``taalcheck.use_taalcheck``). Contentmanagers see the
  findings in the editor through the publication gate, not this page.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECHTEN = {
    "Beheerders": ["use_taalcheck", "change_taalcheckinstellingen"],
    "Communicatieadviseurs": ["use_taalcheck"],
}


def _permissions(apps):
    # Permissions are normally created after all migrations; the groups need
    # them now.
    app_config = apps.get_app_config("taalcheck")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type__app_label="taalcheck")
    }


def geef_rechten(apps, schema_editor):
    permissions = _permissions(apps)
    Group = apps.get_model("auth", "Group")
    for name, codenames in RECHTEN.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permissions[codename] for codename in codenames))


def neem_rechten_terug(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    codenames = {codename for names in RECHTEN.values() for codename in names}
    permissions = Permission.objects.filter(
        content_type__app_label="taalcheck", codename__in=codenames
    )
    for group in Group.objects.filter(name__in=RECHTEN):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("taalcheck", "0001_initial"),
        ("contenthub", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(geef_rechten, neem_rechten_terug)]
