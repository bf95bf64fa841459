"""Stored renderings are catalogue content: a change is a new catalogue version.

Storing itself happens only through the publication gate
(``publicatie.holding``), with the approval of the inputs.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from contenthub.catalogue import bump_catalogue_version

from .models import ChannelRendering

# Readers serve stored renderings: a new or changed one is a catalogue change.
post_save.connect(
    bump_catalogue_version,
    sender=ChannelRendering,
    dispatch_uid="catalogue_rendering_saved",
)
post_delete.connect(
    bump_catalogue_version,
    sender=ChannelRendering,
    dispatch_uid="catalogue_rendering_deleted",
)
