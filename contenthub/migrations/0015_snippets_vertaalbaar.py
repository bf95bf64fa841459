"""Contactpunten and locaties become translatable (Wagtail's TranslatableMixin).

Following Wagtail's ``BootstrapTranslatableMixin`` steps: the two fields are
added nullable, every existing row gets the Dutch locale and its own
translation_key, then both become required. A name is unique per gemeente
and language (an English version may keep the Dutch name).
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def bootstrap_dutch(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    for name in ("Contactpunt", "Locatie"):
        model = apps.get_model("contenthub", name)
        for row in model.objects.filter(translation_key__isnull=True).only("pk"):
            model.objects.filter(pk=row.pk).update(
                translation_key=uuid.uuid4(), locale=dutch
            )
        model.objects.filter(locale__isnull=True).update(locale=dutch)


def _fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
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
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]


def _required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
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
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name,
            unique_together={("translation_key", "locale")},
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("contenthub", "0014_basistekst_vertaalbaar"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="contactpunt",
            name="contactpunt_naam_per_gemeente",
        ),
        migrations.RemoveConstraint(
            model_name="locatie",
            name="locatie_naam_per_gemeente",
        ),
        *_fields("contactpunt"),
        *_fields("locatie"),
        migrations.RunPython(bootstrap_dutch, migrations.RunPython.noop),
        *_required("contactpunt"),
        *_required("locatie"),
        migrations.AddConstraint(
            model_name="contactpunt",
            constraint=models.UniqueConstraint(
                fields=("site", "locale", "naam"),
                name="contactpunt_naam_per_gemeente_en_taal",
                violation_error_message=(
                    "Deze gemeente heeft al een contactpunt met deze naam."
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="locatie",
            constraint=models.UniqueConstraint(
                fields=("site", "locale", "naam"),
                name="locatie_naam_per_gemeente_en_taal",
                violation_error_message=(
                    "Deze gemeente heeft al een locatie met deze naam."
                ),
            ),
        ),
    ]
