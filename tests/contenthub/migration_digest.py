"""Print a digest of everything editors made, as JSON: products, revisions,
stored renderings, basisteksten, gemeente roles and verdicts.

Run as a script with DJANGO_SETTINGS_MODULE and DATABASE_URL set. It reads only
what every layout of the code has (models by app label, raw tables), so the
same script describes a database before and after a migration.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _hash(value: object) -> str:
    data = json.dumps(value, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def digest() -> dict:
    from django.apps import apps
    from django.db import connection
    from wagtail.models import Revision

    product_model = apps.get_model("contenthub", "ProductPage")
    rendering_model = apps.get_model("renderers", "ChannelRendering")
    basistekst_model = apps.get_model("contenthub", "Basistekst")
    keuring_model = apps.get_model("quality", "Keuring")
    products = {
        str(p.pk): {
            "title": p.title,
            "url_path": p.url_path,
            "live": p.live,
            "live_revision": p.live_revision_id,
            "latest_revision": p.latest_revision_id,
            "kort_antwoord": _hash(p.kort_antwoord),
            "kosten": _hash(p.kosten.get_prep_value()),
        }
        for p in product_model.objects.order_by("pk")
    }
    revisions = {
        str(r.pk): _hash(r.content)
        for r in Revision.objects.order_by("pk").only("pk", "content")
    }
    renderings = {
        f"{r.page_id}/{r.channel}/{r.variant}": [r.etag, r.revision_id]
        for r in rendering_model.objects.order_by("pk")
    }
    basisteksten = {
        str(b.pk): [b.titel, b.live, b.live_revision_id, _hash(b.kort_antwoord)]
        for b in basistekst_model.objects.order_by("pk")
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT site_id, contentmanagers_id, communicatieadviseurs_id, "
            "beheerders_id, collectie_id, workflow_id "
            "FROM contenthub_gemeenterollen ORDER BY site_id"
        )
        rollen = [list(row) for row in cursor.fetchall()]
    content_type = apps.get_model("contenttypes", "ContentType")
    rollen_type = content_type.objects.get(model="gemeenterollen")
    permission = apps.get_model("auth", "Permission")
    return {
        "products": products,
        "revisions": revisions,
        "renderings": renderings,
        "basisteksten": basisteksten,
        "gemeenterollen": rollen,
        "gemeenterollen_permissions": sorted(
            permission.objects.filter(content_type=rollen_type).values_list(
                "codename", flat=True
            )
        ),
        "gemeenterollen_permission_groups": sorted(
            (p.codename, g.name)
            for p in permission.objects.filter(content_type=rollen_type)
            for g in p.group_set.all()
        ),
        "keuringen": keuring_model.objects.count(),
    }


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "contenthub.settings.test")
    django.setup()
    json.dump(digest(), sys.stdout, indent=1, sort_keys=True)
