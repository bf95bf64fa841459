"""Every content field of a product has a row in the standards mapping."""

from pathlib import Path

from wagtail.models import Page

from contenthub.models import ProductPage

MAPPING = Path(__file__).resolve().parents[2] / "contenthub" / "models" / "MAPPING.md"


def product_content_fields() -> set[str]:
    page_fields = {field.name for field in Page._meta.get_fields()}
    own = {
        field.name
        for field in ProductPage._meta.get_fields()
        if field.name not in page_fields
        and not field.name.endswith("_ptr")
        # Reverse relations from other apps (stored renderings) are not content.
        and not (
            field.auto_created and field.related_model._meta.app_label != "contenthub"
        )
    }
    return (own - {"zoekterm_items"}) | {"title"}


def test_every_product_field_is_mapped_to_the_national_standards():
    rows = {
        line.split("|")[1].strip().strip("`")
        for line in MAPPING.read_text().splitlines()
        if line.startswith("| `")
    }
    assert product_content_fields() - rows == set()
