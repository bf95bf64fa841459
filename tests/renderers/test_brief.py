"""Brief: a plain-language letter as text and as a tagged PDF with the same facts."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

import renderers


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_letter_has_every_part_of_a_formal_letter(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    text = renderers.render(product, "brief", datum=dt.date(2026, 3, 2)).text
    lines = text.splitlines()
    assert lines[:4] == [
        "Gemeente Voorbeeldstad",
        "Postbus 100",
        "9999 ZZ Voorbeeldstad",
        "https://www.voorbeeldstad.example",
    ]
    assert "Datum: 2 maart 2026" in lines
    assert any(line.startswith("Kenmerk: PDC/paspoort/") for line in lines)
    assert "Onderwerp: Paspoort aanvragen" in lines
    assert "Beste inwoner," in lines
    assert product.kort_antwoord in text
    assert "Wat moet u doen?" in lines
    assert "1. Maak een afspraak." in text
    assert "- Paspoort voor 18 jaar en ouder, 10 jaar geldig: € 83,87 per stuk" in lines
    assert "Met vriendelijke groet," in lines
    assert lines[-1] == "Gemeente Voorbeeldstad"


def test_the_salutation_uses_the_recipients_name_when_given(demo_products):
    text = renderers.render(demo_products[0], "brief", naam="Fatima el Amrani").text
    assert "Beste Fatima el Amrani," in text.splitlines()


def test_the_pdf_is_tagged_and_its_text_holds_the_same_facts(demo_products):
    for product in demo_products[:10]:
        pdf = renderers.render(product, "brief", variant="pdf")
        assert pdf.media_type == "application/pdf"
        reader = PdfReader(io.BytesIO(pdf.content))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == "nl"
        text = squash("".join(page.extract_text() for page in reader.pages))
        assert squash(product.kort_antwoord) in text, product.slug
        for regel in product.kosten:
            assert squash(regel.bedrag_tekst) in text
        assert squash(product.url) in text


def _without_list_markers(text: str) -> str:
    # The PDF draws the numbers and bullets of lists; the text has none.
    return re.sub(r"(?m)^[ \t]*(\d+\.|•)[ \t]+", "", text)


def test_the_pdf_shows_exactly_the_text_it_was_made_from(demo_products):
    """The consistency check reads the letter's source text, not the PDF: that
    is only honest if the PDF shows that text and nothing else."""
    for product in demo_products:
        pdf = renderers.render(product, "brief", variant="pdf")
        reader = PdfReader(io.BytesIO(pdf.content))
        shown = "\n".join(page.extract_text() for page in reader.pages)
        assert pdf.source_text
        assert squash(_without_list_markers(shown)) == squash(pdf.source_text), (
            product.slug
        )


def test_the_same_letter_is_laid_out_once_per_process(demo_products, monkeypatch):
    """Judging a product again when only other channels changed (a related
    product went live) reuses its PDF; another letter gets its own."""
    import weasyprint

    from renderers.channels.brief import pdf_of

    layouts = []
    real_html = weasyprint.HTML

    def counting_html(*args, **kwargs):
        layouts.append(kwargs.get("string"))
        return real_html(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", counting_html)
    pdf_of.cache_clear()
    product = demo_products[0]

    first = renderers.render(product, "brief", variant="pdf")
    again = renderers.render(product, "brief", variant="pdf")
    named = renderers.render(product, "brief", variant="pdf", naam="Fatima el Amrani")

    assert len(layouts) == 2
    assert again.content == first.content
    assert named.content != first.content
    assert "Fatima el Amrani" in named.source_text
