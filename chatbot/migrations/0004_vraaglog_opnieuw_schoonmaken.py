"""Scrub the questions logged before the scrubber of issue 15.

The first scrubber let through a BSN written as ``123/456/782``, spelled-out
e-mail addresses, addresses without a street suffix, names and more; those
entries are scrubbed again now, and their normalised key is made anew from
the scrubbed text. Nothing is undone in reverse: scrubbed data stays scrubbed.
"""

from django.db import migrations

BATCH = 500


def scrub_logged_questions(apps, schema_editor):
    from chatbot.normalise import normalised_key
    from chatbot.privacy import scrub

    Vraaglog = apps.get_model("chatbot", "Vraaglog")
    changed = []
    for entry in Vraaglog.objects.only("pk", "vraag", "genormaliseerd").iterator():
        schoon = scrub(entry.vraag)[:2000]
        sleutel = normalised_key(schoon)[:255]
        if (schoon, sleutel) != (entry.vraag, entry.genormaliseerd):
            entry.vraag, entry.genormaliseerd = schoon, sleutel
            changed.append(entry)
        if len(changed) >= BATCH:
            Vraaglog.objects.bulk_update(changed, ["vraag", "genormaliseerd"])
            changed = []
    if changed:
        Vraaglog.objects.bulk_update(changed, ["vraag", "genormaliseerd"])


class Migration(migrations.Migration):
    dependencies = [("chatbot", "0003_terugkoppeling")]

    operations = [
        migrations.RunPython(scrub_logged_questions, migrations.RunPython.noop),
    ]
