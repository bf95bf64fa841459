"""GemeenteRollen now lives in the gemeenten app (see gemeenten 0001).

State only: the table stays where it is and keeps its rows.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contenthub", "0004_gemeenterollen"),
        ("gemeenten", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[migrations.DeleteModel(name="GemeenteRollen")],
        ),
    ]
