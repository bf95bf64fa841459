"""Signals of the renderers layer, for the layers above it."""

from django.dispatch import Signal

renderings_stored = Signal()
"""Sent by ``services.store_renderings`` inside its transaction, after the rows
are written, with ``page``, ``revision`` (the live revision they belong to),
``changed`` (the channels whose output differs from what was stored before,
sorted; a channel that stays empty is not counted) and ``new_revision``
(whether the page had no renderings of this revision before: a publication
rather than a re-render of the same revision). Listeners that reach outside
the hub must wait for the commit (``transaction.on_commit``)."""

renderings_withdrawn = Signal()
"""Sent by ``services.withdraw_renderings`` with ``page_ids`` and ``channels``
(per page id, the channels that showed something and now show nothing)."""
