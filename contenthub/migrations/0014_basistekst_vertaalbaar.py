"""Basisteksten become translatable (Wagtail's TranslatableMixin, locale ``en``).

The steps of Wagtail's BootstrapTranslatableMixin, in one migration: the
locale and translation_key come in nullable, every existing basistekst gets
the Dutch locale and a translation_key of its own, then both become required
with the unique pair (translation_key, locale). The title is unique per
language now: an English basistekst may start with its Dutch title.

The national editorial team gets ``simple_translation.submit_translation``,
the right behind "Vertalen" in the basisteksten listing.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

LANDELIJKE_REDACTIE = "Landelijke redactie"


def bootstrap_locale(apps, schema_editor):
    Basistekst = apps.get_model("contenthub", "Basistekst")
    Locale = apps.get_model("wagtailcore", "Locale")
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    for pk in Basistekst.objects.filter(translation_key__isnull=True).values_list(
        "pk", flat=True
    ):
        Basistekst.objects.filter(pk=pk).update(
            translation_key=uuid.uuid4(), locale=dutch
        )
    if schema_editor.connection.vendor == "postgresql":
        # Run the deferred checks of the new foreign key now: PostgreSQL
        # refuses to alter a table with pending trigger events.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def grant_translation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=LANDELIJKE_REDACTIE).first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    group.permissions.add(permission)


def revoke_translation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=LANDELIJKE_REDACTIE).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="simple_translation",
                codename="submit_translation",
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contenthub", "0013_vertalingen_engels"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="basistekst",
            name="titel",
            field=models.CharField(
                help_text="De naam van het product, zoals 'Paspoort aanvragen'.",
                max_length=255,
                verbose_name="titel",
            ),
        ),
        migrations.AddField(
            model_name="basistekst",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="basistekst",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(bootstrap_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="basistekst",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="basistekst",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="basistekst",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="basistekst",
            constraint=models.UniqueConstraint(
                fields=("titel", "locale"),
                name="basistekst_titel_per_taal",
                violation_error_message=(
                    "Er is al een basistekst met deze titel in deze taal."
                ),
            ),
        ),
        migrations.RunPython(grant_translation, revoke_translation),
    ]
