"""GemeenteRollen moves from the contenthub app to the gemeenten app.

Only Django's model state moves: the table keeps its name
(``contenthub_gemeenterollen``) and its rows, so an existing database migrates
without touching data. The content type row follows the model, so the
permissions on it stay attached. Its counterpart, contenthub 0005, removes the
model from contenthub's state.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="contenthub", model="gemeenterollen").update(
        app_label="gemeenten"
    )


def move_content_type_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="gemeenten", model="gemeenterollen").update(
        app_label="contenthub"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contenthub", "0004_gemeenterollen"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
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
                        "db_table": "contenthub_gemeenterollen",
                        "verbose_name": "rollen van een gemeente",
                        "verbose_name_plural": "rollen van gemeenten",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
