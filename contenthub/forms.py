"""The product editor's form: inherited texts are shown, not edited.

For every field the product takes from its basistekst, the form shows the
national text read-only with a clear mark and ignores anything posted for it.
The editor ticks "eigen tekst" and saves to make a field the gemeente's own
(it starts from the national text); unticking returns to the national text.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm

from .inheritance import (
    INHERITED_FIELDS,
    STREAM_FIELDS,
    national_value,
    override_flag,
)
from .widgets import InheritedTextWidget


class ProductPageForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        basistekst = self._chosen_basistekst()
        if basistekst is None or not basistekst.live:
            return
        for name in INHERITED_FIELDS:
            if name not in self.fields or self._is_own(name):
                continue
            field = self.fields[name]
            field.disabled = True
            field.required = False
            field.widget = InheritedTextWidget(field_name=name, bron=str(basistekst))
            # The form shows a StreamField's own value, other fields as stored.
            self.initial[name] = (
                getattr(basistekst, name)
                if name in STREAM_FIELDS
                else national_value(basistekst, name)
            )

    def _chosen_basistekst(self):
        from .models import Basistekst

        pk: Any = self.instance.basistekst_id
        if self.is_bound:
            pk = self.data.get(self.add_prefix("basistekst")) or None
        if not pk:
            return None
        return Basistekst.objects.filter(pk=pk).first()

    def _is_own(self, name: str) -> bool:
        """Own text as the editor last saw it: a field shown read-only posts nothing."""
        return bool(getattr(self.instance, override_flag(name)))

    def clean(self):
        cleaned = super().clean()
        parent = getattr(self, "parent_page", None)
        if not self.instance.path and parent is not None:
            site = parent.get_site()
            self.instance._site_id_hint = site.pk if site else None
        return cleaned
