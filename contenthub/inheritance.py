"""Which texts a product inherits from its basistekst, and how.

A gemeente's product that links to a :class:`~contenthub.models.Basistekst`
takes the shared texts (:data:`INHERITED_FIELDS`) from the published
basistekst, unless the editor marked a field as the gemeente's own text
(``eigen_<field>``). Inherited texts are copied onto the page whenever it is
cleaned, saved or re-published after the basistekst changed: every reader
(channels, API, chatbot, search) reads the page as it always did, and a
revision records exactly which national text a published version showed.

A translation (an English product) inherits in its own language: from the
live English text of the basistekst its Dutch source links to
(:func:`link_translated_basistekst`, called whenever the translation is
saved). Without an English text the translation keeps its own texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Basistekst, ProductPage

INHERITED_FIELDS: tuple[str, ...] = (
    "kort_antwoord",
    "wat_is_het",
    "voorwaarden",
    "aanvragen",
    "benodigdheden",
    "bezwaar_en_beroep",
    "vragen",
)
STREAM_FIELDS = frozenset({"aanvragen", "benodigdheden", "vragen"})


def override_flag(field_name: str) -> str:
    """The name of the boolean that marks ``field_name`` as the gemeente's own."""
    return f"eigen_{field_name}"


def inherited_fields(page: ProductPage) -> tuple[str, ...]:
    """The fields ``page`` takes from its basistekst (none without one)."""
    if not page.basistekst_id:
        return ()
    return tuple(
        name for name in INHERITED_FIELDS if not getattr(page, override_flag(name))
    )


def overridden_fields(page: ProductPage) -> tuple[str, ...]:
    """The inheritable fields this gemeente wrote itself, on purpose."""
    if not page.basistekst_id:
        return ()
    return tuple(
        name for name in INHERITED_FIELDS if getattr(page, override_flag(name))
    )


def stored_value(instance: Basistekst | ProductPage, field_name: str) -> Any:
    """One shared field of a basistekst or a product, in the form a page stores."""
    value = getattr(instance, field_name)
    if field_name in STREAM_FIELDS:
        return value.get_prep_value()
    return value


def national_value(basistekst: Basistekst, field_name: str) -> Any:
    """The published national value of one field, in the form a page stores."""
    return stored_value(basistekst, field_name)


def apply_basistekst(
    page: ProductPage, basistekst: Basistekst | None = None
) -> list[str]:
    """Copy the published national texts onto ``page``; return what changed.

    Does nothing when the product has no basistekst or the basistekst has
    never been published (validation reports that case to the editor).
    """
    if basistekst is None:
        if not page.basistekst_id:
            return []
        basistekst = page.basistekst
    if not basistekst.live:
        return []
    changed: list[str] = []
    for name in inherited_fields(page):
        value = national_value(basistekst, name)
        if stored_value(page, name) != value:
            setattr(page, name, value)
            changed.append(name)
    return changed


def with_national_texts(page: ProductPage, basistekst: Basistekst) -> ProductPage:
    """``page`` in memory showing every shared text of ``basistekst`` (also a
    draft that was never published): how the national text reads in that
    gemeente's product, with its own kosten, termijn and contact. Nothing is
    saved."""
    for name in INHERITED_FIELDS:
        setattr(page, name, stored_value(basistekst, name))
        setattr(page, override_flag(name), False)
    page.basistekst = basistekst
    return page


def translated_basistekst(page: ProductPage) -> Basistekst | None:
    """The live basistekst in the language of ``page`` (a translation) that
    translates the basistekst of its Dutch source; ``None`` without one.

    One query: the Dutch source and its basistekst are joined in.
    """
    from .talen import SOURCE_LANGUAGE

    if not page.translation_key or not page.locale_id:
        return None
    model = page._meta.get_field("basistekst").related_model
    source_keys = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=SOURCE_LANGUAGE,
            basistekst__isnull=False,
        )
        .values("basistekst__translation_key")
    )
    return (
        model.objects.filter(
            locale_id=page.locale_id, live=True, translation_key__in=source_keys
        )
        .order_by("pk")
        .first()
    )


def inheriting_products(basistekst: Basistekst) -> QuerySet[ProductPage]:
    """The products that take their shared texts from ``basistekst``.

    For a Dutch basistekst: the products that link to it. For a translated
    one (English): every translation in its language whose Dutch source links
    to its Dutch original, also one that had no English text to inherit
    before and links to none yet.
    """
    from .talen import SOURCE_LANGUAGE, is_translation

    # Through the relation: the models import this module (no import circle).
    products = basistekst._meta.get_field("producten").related_model.objects
    if not is_translation(basistekst):
        return products.filter(basistekst=basistekst)
    sources = products.filter(
        locale__language_code=SOURCE_LANGUAGE,
        basistekst__translation_key=basistekst.translation_key,
        basistekst__locale__language_code=SOURCE_LANGUAGE,
    ).values("translation_key")
    return products.filter(locale_id=basistekst.locale_id, translation_key__in=sources)


def link_translated_basistekst(page: ProductPage) -> None:
    """Point a translation at the basistekst it inherits from, or at none."""
    page.basistekst = translated_basistekst(page)


def inheritance_errors(page: ProductPage) -> dict[str, list[str]]:
    """Problems with the link itself, in Dutch."""
    from .talen import is_translation

    if not page.basistekst_id:
        return {}
    basistekst = page.basistekst
    if not is_translation(page) and is_translation(basistekst):
        # A translation's link follows its Dutch source (saving sets it).
        return {
            "basistekst": [
                f"De basistekst '{basistekst}' is een vertaling. Kies de "
                "Nederlandse basistekst; de vertaling van het product neemt dan "
                "vanzelf de vertaalde tekst over."
            ]
        }
    if not basistekst.live:
        return {
            "basistekst": [
                f"De basistekst '{basistekst}' is nog niet gepubliceerd. "
                "Kies een gepubliceerde basistekst of vul de teksten zelf in."
            ]
        }
    return {}


def display_html(field_name: str, value: Any) -> str:
    """A national text as the editor sees it read-only (escaped, sanitised)."""
    from django.utils.html import format_html, format_html_join
    from django.utils.safestring import mark_safe

    from .richtext import richtext_html

    if value is None:
        return ""
    if field_name == "kort_antwoord":
        return format_html("<p>{}</p>", value)
    if field_name == "aanvragen":
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li><strong>{}</strong> {}</li>",
                (
                    (
                        child.value["titel"],
                        mark_safe(richtext_html(child.value["uitleg"].source)),  # noqa: S308
                    )
                    for child in value
                ),
            ),
        )
    if field_name == "benodigdheden":
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((str(c.value),) for c in value)),
        )
    if field_name == "vragen":
        return format_html(
            "<dl>{}</dl>",
            format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((c.value["vraag"], c.value["antwoord"]) for c in value),
            ),
        )
    return mark_safe(richtext_html(value))  # noqa: S308 - sanitised by nh3
