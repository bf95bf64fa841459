"""The product editor's form: inherited texts are shown, not edited.

For every field the product takes from its basistekst, the form shows the
national text read-only with a clear mark, next to the field's own editor
(hidden, holding the national text). Ticking "eigen tekst" opens that editor
at once (``contenthub/static/contenthub/eigen_tekst.js``); the form takes what
it posts only when the box is ticked, so without the tick nothing posted for
the field counts. Unticking returns to the national text.
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
from .widgets import (
    EIGEN_TEKST_AAN,
    EIGEN_TEKST_UIT,
    InheritedOrOwnWidget,
    OverrideFlagInput,
)


class ProductPageForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        basistekst = self._chosen_basistekst()
        if basistekst is None or not basistekst.live:
            return
        for name in INHERITED_FIELDS:
            if name not in self.fields:
                continue
            own = self._is_own(name)
            flag = self.fields.get(override_flag(name))
            if flag is not None:
                flag.widget = OverrideFlagInput()
                flag.help_text = EIGEN_TEKST_UIT if own else EIGEN_TEKST_AAN
            if own:
                continue
            field = self.fields[name]
            field.disabled = True
            field.required = False
            field.widget = InheritedOrOwnWidget(
                field.widget, field_name=name, bron=str(basistekst)
            )
            # The form shows a StreamField's own value, other fields as stored.
            self.initial[name] = (
                getattr(basistekst, name)
                if name in STREAM_FIELDS
                else national_value(basistekst, name)
            )

    def _chosen_basistekst(self):
        # The model through the field, not an import: the page model imports
        # this form, so importing the models here would close a circle.
        Basistekst = self.instance._meta.get_field("basistekst").related_model
        pk: Any = self.instance.basistekst_id
        if self.is_bound:
            pk = self.data.get(self.add_prefix("basistekst")) or None
        if not pk:
            return None
        return Basistekst.objects.filter(pk=pk).first()

    def _is_own(self, name: str) -> bool:
        """Own text: the box as posted, or as stored when the form is shown."""
        flag = override_flag(name)
        if self.is_bound and flag in self.fields:
            return self.fields[flag].widget.value_from_datadict(
                self.data, self.files, self.add_prefix(flag)
            )
        return bool(getattr(self.instance, flag))

    def clean(self):
        cleaned = super().clean()
        parent = getattr(self, "parent_page", None)
        if not self.instance.path and parent is not None:
            site = parent.get_site()
            self.instance._site_id_hint = site.pk if site else None
        return cleaned
