"""Per-gemeente roles and the national editorial team.

- ``GemeenteRollen`` links a gemeente (Site) to its three editorial groups and
  its media collection; ``gemeenten.services.ensure_gemeente_groups`` fills
  it (``manage.py gemeente_toevoegen``).
- The group "Landelijke redactie" writes and publishes the national
  basisteksten for every gemeente. It gets no rights on pages, snippets or
  settings of any gemeente, and may not delete a basistekst: deleting one
  detaches it from the products of every gemeente; retiring a text is
  unpublishing it. Deleting stays with the hub's superusers.
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

LANDELIJKE_REDACTIE = "Landelijke redactie"
RECHTEN = [
    ("wagtailadmin", "admin", ["access"]),
    (
        "contenthub",
        "basistekst",
        ["add", "change", "publish", "lock", "unlock", "view"],
    ),
    ("taalcheck", "taalcheckinstellingen", ["use"]),
]
# Wagtail creates these snippet permissions after all migrations have run.
WAGTAIL_EXTRA = {"publish", "lock", "unlock"}


def _permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if (app_label, model) == ("wagtailadmin", "admin"):
        codename = "access_admin"
    elif (app_label, action) == ("taalcheck", "use"):
        codename = "use_taalcheck"
    else:
        codename = f"{action}_{model}"
    if action in WAGTAIL_EXTRA:
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {action} {model}"},
        )
        return permission
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_landelijke_redactie(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=LANDELIJKE_REDACTIE)
    for app_label, model, actions in RECHTEN:
        for action in actions:
            group.permissions.add(_permission(apps, app_label, model, action))


def remove_landelijke_redactie(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=LANDELIJKE_REDACTIE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contenthub", "0003_basisteksten_en_gemeenten"),
        ("taalcheck", "0002_rechten"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="GemeenteRollen",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "beheerders",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="auth.group",
                        verbose_name="groep beheerders",
                    ),
                ),
                (
                    "collectie",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.collection",
                        verbose_name="collectie voor afbeeldingen en documenten",
                    ),
                ),
                (
                    "communicatieadviseurs",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="auth.group",
                        verbose_name="groep communicatieadviseurs",
                    ),
                ),
                (
                    "contentmanagers",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="auth.group",
                        verbose_name="groep contentmanagers",
                    ),
                ),
                (
                    "workflow",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.workflow",
                        verbose_name="publicatieworkflow",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="gemeenterollen",
                        to="wagtailcore.site",
                        verbose_name="gemeente",
                    ),
                ),
            ],
            options={
                "verbose_name": "rollen van een gemeente",
                "verbose_name_plural": "rollen van gemeenten",
            },
        ),
        migrations.RunPython(create_landelijke_redactie, remove_landelijke_redactie),
    ]
