from __future__ import annotations

import pytest

BAD_TEXT = (
    "<p>Indien u een paspoort wenst aan te vragen, dient de aanvraag middels het formulier "
    "te worden ingediend teneinde deze conform de regels die door de gemeente zijn vastgesteld "
    "en die gelden voor alle inwoners en bedrijven in behandeling te kunnen nemen.</p>"
    '<p>Meer weten? <a href="https://www.voorbeeldstad.example/paspoort">Klik hier</a>.</p>'
)
GOOD_TEXT = "<p>Met een paspoort kunt u reizen. U laat ermee zien wie u bent.</p>"


@pytest.fixture
def live_product(make_product):
    """A published product that passes the gate."""
    page = make_product(slug="paspoort", title="Paspoort aanvragen", live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def bad_revision(live_product):
    """A new draft of the live product that fails the gate."""
    live_product.wat_is_het = BAD_TEXT
    return live_product.save_revision()


@pytest.fixture
def state_of():
    """What must not change when a publication is blocked."""
    from renderers.models import ChannelRendering

    def capture(page):
        page.refresh_from_db()
        renderings = sorted(
            ChannelRendering.objects.filter(page=page).values_list(
                "channel", "variant", "etag", "revision_id"
            )
        )
        return {
            "live_revision": page.live_revision_id,
            "live_text": page.wat_is_het,
            "revisions": list(
                page.revisions.order_by("pk").values_list("pk", flat=True)
            ),
            "renderings": renderings,
        }

    return capture
