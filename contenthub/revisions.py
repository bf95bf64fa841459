"""Objects from revisions, with their foreign keys checked in a few queries.

Wagtail makes an object of a revision (publication, preview, compare) with
modelcluster's ``from_serializable_data``, which checks every foreign key of
the object and of each child (a related product, a zoekterm) with its own
query: two per child. :func:`checked_serializable_data` asks the same in one
query per target table and applies the same rules to what no longer exists:

- on the object itself: ``SET_NULL`` and ``CASCADE`` become empty (with
  ``strict``, a dangling ``CASCADE`` key means there is no object);
- on a child: ``SET_NULL`` becomes empty, ``CASCADE`` drops the child;
- ``DO_NOTHING`` keeps the value.

The caller then builds the object without checking again.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import models
from django.db.models import ForeignObjectRel
from modelcluster.models import get_all_child_relations

_Lookups = dict[tuple[type[models.Model], str], set[Any]]


# Wagtail keeps these from the stored page when it makes an object of a
# revision (``Page.with_content_json``): what the revision says is not used.
_KEPT_FROM_THE_PAGE = frozenset(
    {"content_type", "owner", "locked_by", "latest_revision", "alias_of", "locale"}
)


def _foreign_keys(model: type[models.Model]) -> list[models.ForeignKey]:
    from wagtail.models import Page

    kept = _KEPT_FROM_THE_PAGE if issubclass(model, Page) else frozenset()
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in kept
        and field.remote_field is not None
        and isinstance(field.remote_field, models.ManyToOneRel)
        and not isinstance(field, ForeignObjectRel)
    ]


def _target(field: models.ForeignKey) -> tuple[type[models.Model], models.Field]:
    target = field.remote_field.model
    return target, target._meta.get_field(field.remote_field.field_name)


def _collect(model: type[models.Model], data: dict, lookups: _Lookups) -> None:
    for field in _foreign_keys(model):
        value = data.get(field.name)
        if value is None:
            continue
        target, to_field = _target(field)
        lookups[(target, to_field.name)].add(to_field.to_python(value))
    for rel in get_all_child_relations(model):
        for child in data.get(rel.get_accessor_name()) or ():
            _collect(rel.related_model, child, lookups)


def _apply(
    model: type[models.Model],
    data: dict,
    existing: dict[tuple[type[models.Model], str], set[Any]],
    *,
    strict: bool,
) -> dict | None:
    data = dict(data)
    for field in _foreign_keys(model):
        value = data.get(field.name)
        if value is None:
            continue
        target, to_field = _target(field)
        if to_field.to_python(value) in existing[(target, to_field.name)]:
            continue
        on_delete = field.remote_field.on_delete
        if on_delete == models.DO_NOTHING:
            continue
        if on_delete == models.CASCADE and strict:
            return None
        if on_delete in (models.CASCADE, models.SET_NULL):
            data[field.name] = None
        else:
            raise ValueError(
                f"{model.__name__}.{field.name}: on_delete {on_delete.__name__} "
                "wordt bij een revisie niet ondersteund."
            )
    for rel in get_all_child_relations(model):
        name = rel.get_accessor_name()
        if data.get(name):
            children = (
                _apply(rel.related_model, child, existing, strict=True)
                for child in data[name]
            )
            data[name] = [child for child in children if child is not None]
    return data


def checked_serializable_data(
    model: type[models.Model], data: dict, *, strict: bool = False
) -> dict | None:
    """``data`` with what its foreign keys name no longer existing handled as
    modelcluster does; ``None`` when the object itself cannot exist."""
    lookups: _Lookups = defaultdict(set)
    _collect(model, data, lookups)
    existing: dict[tuple[type[models.Model], str], set[Any]] = {}
    for (target, field_name), values in lookups.items():
        existing[(target, field_name)] = set(
            target._default_manager.filter(**{f"{field_name}__in": values}).values_list(
                field_name, flat=True
            )
        )
    return _apply(model, data, existing, strict=strict)
