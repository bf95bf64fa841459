import re
from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def tel(value: str) -> str:
    """A telephone number for a tel: link: digits and a leading plus only."""
    return re.sub(r"[^0-9+]", "", value or "")


_NLDS_CLASSES = {
    "p": "utrecht-paragraph",
    "ul": "utrecht-unordered-list",
    "ol": "utrecht-ordered-list",
    "h2": "utrecht-heading-2",
    "h3": "utrecht-heading-3",
    "h4": "utrecht-heading-4",
    "a": "utrecht-link",
}
_OPENING_TAG = re.compile(r"<(p|ul|ol|h2|h3|h4|a)(?=[\s>])")


@register.filter
def nlds(html: str) -> str:
    """Give sanitised rich text the NL Design System class of each element.

    The input comes from the snapshot, which allows no attributes but ``href``,
    so adding a class attribute to the opening tag is safe.
    """
    return _OPENING_TAG.sub(
        lambda m: f'<{m.group(1)} class="{_NLDS_CLASSES[m.group(1)]}"', html or ""
    )


@register.simple_tag
def product_breadcrumb(product) -> list[dict[str, str]]:
    """Home, theme, product, as links on the gemeente's own site (root-relative
    paths, so they work on the hub and on the gemeente's website alike)."""
    path = urlsplit(product.url).path or "/"
    thema_path = path.rstrip("/").rsplit("/", 1)[0] + "/"
    items = [{"titel": product.gemeente.naam or "Home", "url": "/"}]
    if product.thema and thema_path != "/":
        items.append({"titel": product.thema, "url": thema_path})
    items.append({"titel": product.title, "url": path})
    return items


@register.simple_tag
def label_with_name(key: str, contact, product) -> str:
    """A label that names a contactpunt (``{naam}``), in the product's language,
    with the name marked by its own language where that differs: an English
    product that shows a Dutch contactpunt (WCAG 3.1.2)."""
    from django.utils.html import conditional_escape, format_html

    from ..labels import labels_for

    naam = (
        format_html('<span lang="{}">{}</span>', contact.taal, contact.naam)
        if contact.taal != product.taal
        else conditional_escape(contact.naam)
    )
    before, _, after = labels_for(product.taal)[key].partition("{naam}")
    return format_html("{}{}{}", before, naam, after)
