"""The one query behind ``renderers.documents.source_digests``, in plain SQL.

Every read of the API checks its stored documents against the rows their
inputs come from (``source_digests``); the ORM built and compiled nine
querysets for that query on every read, more than the query itself costs
on a loaded machine. Here the SQL is assembled from the models' table and
column names, quoted once per process; every value is a query parameter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db.models import Model


class _Tables:
    """Table and column names of the rows :func:`source_digests` reads,
    quoted for this database (once per process: the SQL is assembled from
    them, never by the ORM on a read)."""

    def __init__(self) -> None:
        from django.db import connection
        from wagtail.models import Page, Site

        from contenthub.models import (
            Contactpunt,
            GemeenteInstellingen,
            GerelateerdProduct,
            Locatie,
            ProductPage,
            ProductZoekterm,
        )

        q = connection.ops.quote_name
        self.json = (
            "JSON_BUILD_OBJECT" if connection.vendor == "postgresql" else "JSON_OBJECT"
        )
        through = ProductPage.locaties.through
        tag = ProductZoekterm._meta.get_field("tag").related_model
        self.page = q(Page._meta.db_table)
        self.site = q(Site._meta.db_table)
        self.through = q(through._meta.db_table)
        self.through_page = q(through._meta.get_field("productpage").column)
        self.through_locatie = q(through._meta.get_field("locatie").column)
        self.related = q(GerelateerdProduct._meta.db_table)
        self.zoekterm = q(ProductZoekterm._meta.db_table)
        self.tag = q(tag._meta.db_table)
        self.contactpunt = q(Contactpunt._meta.db_table)
        self.locatie = q(Locatie._meta.db_table)
        self.instellingen = q(GemeenteInstellingen._meta.db_table)
        self.contactpunt_columns = self.columns(Contactpunt)
        self.locatie_columns = self.columns(Locatie)
        self.site_columns = self.columns(Site, prefix="s.")
        self.instellingen_columns = self.columns(GemeenteInstellingen)
        self.q = q

    @staticmethod
    def columns(model: type[Model], prefix: str = "") -> str:
        from django.db import connection

        q = connection.ops.quote_name
        return ", ".join(
            f"'{f.attname}', {prefix}{q(f.column)}"
            for f in model._meta.concrete_fields
            if f.attname != "id"
        )


_tables: _Tables | None = None


def _in(values: Sequence[Any], params: list[Any]) -> str:
    params.extend(values)
    return "(" + ", ".join(["%s"] * len(values)) + ")"


def source_rows(
    ids: list[int],
    *,
    contact_ids: list[int],
    translation_ids: list[int],
    translation_contact_ids: list[int],
    locales: list[int],
    parent_paths: list[str],
    site_ids: list[int],
    links_of: list[int],
) -> list[tuple[str, str, Any]]:
    """(kind, owner, the row's values as JSON) of every row the digests read:
    one UNION ALL query. Plain SQL on purpose: the ORM built and compiled
    nine querysets for it on every read, more than the query itself costs."""
    from django.db import connection

    global _tables
    if _tables is None:
        _tables = _Tables()
    t = _tables
    js = t.json
    params: list[Any] = []
    parts = [
        f"SELECT 'L', CAST({t.through_page} AS TEXT), {js}('id', {t.through_locatie})"
        f" FROM {t.through} WHERE {t.through_page} IN {_in(ids, params)}",
        f"SELECT 'G', CAST(page_id AS TEXT), {js}('id', product_id, 'sort_order',"
        f" sort_order, 'pk', id) FROM {t.related} WHERE page_id IN {_in(ids, params)}",
        f"SELECT 'Z', CAST(z.content_object_id AS TEXT), {js}('naam', g.name)"
        f" FROM {t.zoekterm} z JOIN {t.tag} g ON g.id = z.tag_id"
        f" WHERE z.content_object_id IN {_in(ids, params)}",
        f"SELECT 'O', CAST(id AS TEXT), {js}({t.locatie_columns}) FROM {t.locatie}"
        f" WHERE id IN (SELECT {t.through_locatie} FROM {t.through}"
        f" WHERE {t.through_page} IN {_in(ids, params)})"
        + (
            f" OR (translation_key IN (SELECT translation_key FROM {t.locatie}"
            f" WHERE id IN (SELECT {t.through_locatie} FROM {t.through}"
            f" WHERE {t.through_page} IN {_in(translation_ids, params)}))"
            f" AND locale_id IN {_in(locales, params)})"
            if translation_ids
            else ""
        ),
        f"SELECT 'R', CAST(id AS TEXT), {js}('title', title, 'slug', slug,"
        f" 'url_path', url_path, 'path', path) FROM {t.page}"
        f" WHERE id IN (SELECT product_id FROM {t.related}"
        f" WHERE page_id IN {_in(ids, params)})",
    ]
    if links_of:
        parts.append(
            f"SELECT 'H', CAST(page_id AS TEXT), {js}('id', product_id)"
            f" FROM {t.related} WHERE page_id IN {_in(links_of, params)}"
        )
    if contact_ids:
        parts.append(
            f"SELECT 'C', CAST(id AS TEXT), {js}({t.contactpunt_columns})"
            f" FROM {t.contactpunt} WHERE id IN {_in(contact_ids, params)}"
            + (
                f" OR (translation_key IN (SELECT translation_key FROM"
                f" {t.contactpunt} WHERE id IN {_in(translation_contact_ids, params)})"
                f" AND locale_id IN {_in(locales, params)})"
                if translation_contact_ids
                else ""
            )
        )
    if parent_paths:
        parts.append(
            f"SELECT 'T', path, {js}('title', title, 'slug', slug, 'url_path',"
            f" url_path) FROM {t.page} WHERE path IN {_in(parent_paths, params)}"
        )
    if site_ids:
        parts.append(
            f"SELECT 'S', CAST(s.id AS TEXT), {js}({t.site_columns}, 'root', p.path)"
            f" FROM {t.site} s JOIN {t.page} p ON p.id = s.root_page_id"
            f" WHERE s.id IN {_in(site_ids, params)}"
        )
        parts.append(
            f"SELECT 'I', CAST(site_id AS TEXT), {js}({t.instellingen_columns})"
            f" FROM {t.instellingen} WHERE site_id IN {_in(site_ids, params)}"
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return [
            (kind, owner, json.loads(body) if isinstance(body, str) else body)
            for kind, owner, body in cursor.fetchall()
        ]
