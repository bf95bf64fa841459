"""Where the layers above attach behaviour to the content model.

The content model (layer 1) does not import the publication gate, the
channels or the API. They register here instead, from their
``AppConfig.ready()``:

- **live guards**: called by ``ProductPage.save()`` and ``Basistekst.save()``
  before anything is written; a guard raises to refuse (``publicatie``
  registers the publication gate);
- **change guards**: called by ``ProductPage``, ``Contactpunt``, ``Locatie``
  and ``GemeenteInstellingen`` right after they are written, inside the same
  transaction; a guard judges every live product the change touches and
  raises to refuse, which rolls the write back (``publicatie`` re-renders
  through the gate here);
- **delete guards**: called by ``Contactpunt.delete()`` and
  ``Locatie.delete()`` (and the admin's delete views) before anything is
  deleted; a guard raises to refuse, with ``refusal_messages()`` for the
  editor (``publicatie`` refuses deleting a snippet that live products show);
- **preview modes**: the editor's preview per channel (``renderers``) and the
  headless front-end (``api``);
- **the public view** of a product page (``renderers`` serves the stored
  rendering);
- **editor tabs**: extra tabs of a model's edit form (``publicatie`` adds
  "Controle");
- **client root URL** and **page preview factory**: the front-end that opens a
  headless preview and the token it gets (``api``).

``contenthub.checks`` fails loudly when no live guard is registered for a
model that needs one, so the hub cannot run with the gate left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import Http404

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest, HttpResponse


MISSING_GUARD = (
    "Er is geen publicatiecontrole geregistreerd voor {model}: zet 'publicatie' "
    "in INSTALLED_APPS. Zonder die controle gaat niets live."
)


class LiveGuard(Protocol):
    def __call__(self, instance: Any, *, content_changed: bool) -> None: ...


class ChangeGuard(Protocol):
    def __call__(self, instance: Any) -> None: ...


class DeleteGuard(Protocol):
    def __call__(self, instance: Any) -> None: ...


class PreviewProvider(Protocol):
    """A source of preview modes for a page."""

    def modes(self, page: Any) -> list[tuple[str, str]]: ...

    def serve(
        self, page: Any, request: HttpRequest, mode: str
    ) -> HttpResponse | None: ...


class _DryRun(Exception):
    pass


@dataclass
class Extensions:
    """The registered extensions. Tests may make their own instance."""

    live_guards: dict[str, list[LiveGuard]] = field(default_factory=dict)
    guarded_models: set[str] = field(default_factory=set)
    change_guards: dict[str, list[ChangeGuard]] = field(default_factory=dict)
    delete_guards: dict[str, list[DeleteGuard]] = field(default_factory=dict)
    preview_providers: list[PreviewProvider] = field(default_factory=list)
    editor_tabs: dict[str, list[tuple[str, Callable[[], list[Any]]]]] = field(
        default_factory=dict
    )
    live_view: Callable[[Any, HttpRequest], HttpResponse] | None = None
    client_root_url: Callable[[Any, HttpRequest | None], str | None] | None = None
    page_preview_factory: Callable[[Any], Any] | None = None

    def register_live_guard(self, model_label: str, guard: LiveGuard) -> None:
        guards = self.live_guards.setdefault(model_label.lower(), [])
        if guard not in guards:
            guards.append(guard)

    def require_live_guard(self, model_label: str) -> None:
        """Saving this model without a registered guard is refused (fail closed)."""
        self.guarded_models.add(model_label.lower())

    def run_live_guards(self, instance: Model, *, content_changed: bool) -> None:
        label = instance._meta.label_lower
        guards = self.live_guards.get(label, [])
        if not guards and label in self.guarded_models:
            raise ImproperlyConfigured(MISSING_GUARD.format(model=label))
        for guard in guards:
            guard(instance, content_changed=content_changed)

    def register_change_guard(self, model_label: str, guard: ChangeGuard) -> None:
        guards = self.change_guards.setdefault(model_label.lower(), [])
        if guard not in guards:
            guards.append(guard)

    def run_change_guards(self, instance: Model) -> None:
        """After a write, inside its transaction: a guard raises to refuse it."""
        label = instance._meta.label_lower
        guards = self.change_guards.get(label, [])
        if not guards and label in self.guarded_models:
            raise ImproperlyConfigured(MISSING_GUARD.format(model=label))
        for guard in guards:
            guard(instance)

    def register_delete_guard(self, model_label: str, guard: DeleteGuard) -> None:
        guards = self.delete_guards.setdefault(model_label.lower(), [])
        if guard not in guards:
            guards.append(guard)

    def run_delete_guards(self, instance: Model) -> None:
        """Before a delete: a guard raises to refuse it (nothing is deleted)."""
        for guard in self.delete_guards.get(instance._meta.label_lower, []):
            guard(instance)

    def delete_refusal_of(self, instance: Model) -> list[str]:
        """What the delete guards would say to deleting ``instance`` now, in Dutch.

        Empty when the delete would be accepted. Nothing is deleted.
        """
        try:
            self.run_delete_guards(instance)
        except Exception as error:
            messages = getattr(error, "refusal_messages", None)
            if messages is None:
                raise
            return list(messages())
        return []

    @contextmanager
    def refusal_rolls_back(self) -> Iterator[None]:
        """A write and its change guards as one transaction.

        A refusal may carry ``after_rollback`` callables (the gate records its
        verdict there, so the refusal stays on record); they run once the
        write is rolled back.
        """
        try:
            with transaction.atomic():
                yield
        except Exception as error:
            for callback in getattr(error, "after_rollback", ()):
                callback()
            raise

    def refusal_of(self, instance: Model) -> list[str]:
        """What the change guards would say to writing ``instance`` now, in Dutch.

        A dry run for forms: the write and its guards run in a transaction
        that is always rolled back. Empty when the write would be accepted.
        """
        if instance.pk is None or not self.change_guards.get(
            instance._meta.label_lower
        ):
            return []
        try:
            with transaction.atomic():
                instance.save()
                raise _DryRun
        except _DryRun:
            return []
        except Exception as error:
            messages = getattr(error, "refusal_messages", None)
            if messages is None:
                raise
            return list(messages())

    def has_live_guard(self, model_label: str) -> bool:
        return bool(self.live_guards.get(model_label.lower()))

    def register_preview_provider(self, provider: PreviewProvider) -> None:
        if provider not in self.preview_providers:
            self.preview_providers.append(provider)

    def preview_modes(self, page: Any) -> list[tuple[str, str]]:
        return [mode for p in self.preview_providers for mode in p.modes(page)]

    def serve_preview(
        self, page: Any, request: HttpRequest, mode: str
    ) -> HttpResponse | None:
        for provider in self.preview_providers:
            response = provider.serve(page, request, mode)
            if response is not None:
                return response
        return None

    def register_editor_tab(
        self, model_label: str, heading: str, panels: Callable[[], list[Any]]
    ) -> None:
        """A tab at the end of the model's edit form; ``panels`` is called once,
        when Wagtail first builds the form."""
        tabs = self.editor_tabs.setdefault(model_label.lower(), [])
        if heading not in [existing for existing, _ in tabs]:
            tabs.append((heading, panels))


extensions = Extensions()


class EditHandlerWithExtensions:
    """A model's ``edit_handler``: its own tabs plus the registered ones.

    Wagtail reads ``edit_handler`` once (``get_edit_handler`` is cached), after
    every app is ready, so tabs registered in ``ready()`` are included.
    """

    def __init__(self, tabs: Callable[[], list[Any]]) -> None:
        self._tabs = tabs

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: Any, owner: type) -> Any:
        from wagtail.admin.panels import ObjectList, TabbedInterface

        extra = extensions.editor_tabs.get(owner._meta.label_lower, [])
        return TabbedInterface(
            [
                *self._tabs(),
                *(ObjectList(panels(), heading=heading) for heading, panels in extra),
            ]
        )


class PreviewsFromExtensions:
    """Wagtail's preview API answered by the registered preview providers
    (the channels of ``renderers``, the headless front-end of ``api``). Put it
    before Wagtail's own preview mixins in a model's bases."""

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        return extensions.preview_modes(self)

    def serve_preview(self, request: Any, mode_name: str) -> Any:
        response = extensions.serve_preview(self, request, mode_name)
        if response is None:
            raise Http404("Deze voorbeeldweergave bestaat niet.")
        return response
