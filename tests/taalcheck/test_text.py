"""Blocks, sentences, words and syllables: the ground every finding stands on."""

from __future__ import annotations

import importlib
import re

import pytest

from taalcheck.text import analyse, extract_blocks, split_sentences, syllables


def test_html_is_split_per_paragraph_list_item_and_heading():
    blocks = extract_blocks(
        "<h3>Wat u nodig heeft</h3><p>Neem dit mee:</p>"
        "<ul><li>Uw <b>paspoort</b></li><li>Een pasfoto</li></ul>"
    )
    assert [(b.index, b.kind, b.text) for b in blocks] == [
        (0, "h", "Wat u nodig heeft"),
        (1, "p", "Neem dit mee:"),
        (2, "li", "Uw paspoort"),
        (3, "li", "Een pasfoto"),
    ]


def test_html_entities_are_decoded_and_white_space_collapsed():
    (block,) = extract_blocks(
        "<p>Kosten:&nbsp;&euro;&nbsp;25\n   per   keer &amp; gratis</p>"
    )
    assert block.text == "Kosten: € 25 per keer & gratis"


def test_a_line_break_in_html_ends_a_sentence():
    document = analyse("<p>Postcode en huisnummer<br>Uw geboortedatum</p>")
    assert [s.text for s in document.sentences] == [
        "Postcode en huisnummer",
        "Uw geboortedatum",
    ]


def test_script_and_style_are_not_text():
    blocks = extract_blocks("<p>Hallo</p><script>alert('x')</script><style>p{}</style>")
    assert [b.text for b in blocks] == ["Hallo"]


def test_plain_text_splits_at_blank_lines_and_bullets():
    blocks = extract_blocks(
        "Eerste alinea\nloopt door.\n\nNeem mee:\n- uw paspoort\n* een pasfoto\n1. geld"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("p", "Eerste alinea loopt door."),
        ("p", "Neem mee:"),
        ("li", "uw paspoort"),
        ("li", "een pasfoto"),
        ("li", "geld"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kom langs. Wij helpen u.", ["Kom langs.", "Wij helpen u."]),
        ("Heeft u vragen? Bel ons!", ["Heeft u vragen?", "Bel ons!"]),
        (
            "Neem bijv. uw paspoort mee. Dat is genoeg.",
            ["Neem bijv. uw paspoort mee.", "Dat is genoeg."],
        ),
        (
            "Vraag het aan dhr. Jansen of J. de Vries.",
            ["Vraag het aan dhr. Jansen of J. de Vries."],
        ),
        (
            "Wij zijn open om 08.30 uur. Kom op tijd.",
            ["Wij zijn open om 08.30 uur.", "Kom op tijd."],
        ),
        (
            "Het kost € 84,29. U betaalt met pin.",
            ["Het kost € 84,29.", "U betaalt met pin."],
        ),
        (
            "Zie www.voorbeeldstad.nl voor meer.",
            ["Zie www.voorbeeldstad.nl voor meer."],
        ),
        ("Een zin zonder punt", ["Een zin zonder punt"]),
    ],
)
def test_sentences_end_at_a_full_stop_before_a_capital(text, expected):
    assert [text[start:end] for start, end in split_sentences(text)] == expected


def test_word_offsets_point_into_the_block_text():
    document = analyse("<p>Eerste zin. Dan de e-mail van 12,50 euro.</p>")
    block = document.blocks[0].text
    second = document.sentences[1]
    assert [block[w.start : w.end] for w in second.words] == [
        "Dan",
        "de",
        "e-mail",
        "van",
        "12,50",
        "euro",
    ]
    assert [w.number for w in second.words] == [False, False, False, False, True, False]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("paspoort", 2),
        ("gemeente", 3),
        ("aanvragen", 3),
        ("omgevingsvergunning", 6),
        ("u", 1),
    ],
)
def test_syllables_follow_dutch_hyphenation(word, count):
    assert syllables(word) == count


def test_empty_input_has_no_blocks():
    document = analyse("   \n  ")
    assert document.blocks == ()
    assert document.sentences == ()


def test_the_taalcheck_splits_sentences_like_the_hub_on_the_demo_catalogue():
    """taalcheck has its own (linear) splitter, because a checker imports
    nothing of the hub but ``contenthub.findings``; it must agree with the
    hub's splitter, which the channels and the model validation use."""
    from contenthub import text as hub_text
    from demo.source import read_catalogus
    from taalcheck.product import product_texts
    from taalcheck.text import ABBREVIATIONS

    assert ABBREVIATIONS == hub_text.ABBREVIATIONS
    blocks = [
        block.text
        for producten in read_catalogus().values()
        for product in producten
        for _field, text in product_texts(product)
        for block in extract_blocks(text)
    ]
    assert len(blocks) > 1000
    for block in blocks:
        assert split_sentences(block) == hub_text.split_sentences(block), block


class _SearchSpy:
    """Wraps a compiled pattern and adds up how many characters it searched."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        self.scanned += max(0, end - pos)
        return self.pattern.search(text, pos, end)


@pytest.mark.parametrize("module_name", ["contenthub.text", "taalcheck.text"])
def test_both_splitters_look_back_a_bounded_distance_from_each_period(
    module_name, monkeypatch
):
    """Linear, counted without a clock: the look-back for an abbreviation
    scans at most a few characters per period, however long the block."""
    from contenthub import sentences  # where the one splitter lives

    module = importlib.import_module(module_name)
    spy = _SearchSpy(sentences._TOKEN_BEFORE)
    monkeypatch.setattr(sentences, "_TOKEN_BEFORE", spy)
    block = "zie art. 3 en " * 5000 + "Klaar. " * 5000
    spans = module.split_sentences(block)
    periods = block.count(".")
    assert len(spans) == 5000  # "art." never ends one
    assert spy.scanned <= 13 * periods


def test_both_splitters_agree_on_hostile_shapes():
    from contenthub import text as hub_text

    shapes = [
        "." * 20000 + " Einde.",
        "a." * 5000 + " B.",
        "Zie bijv. de site. O.a. de gemeente. J. de Vries komt.",
        "Dit is " + "x" * 500 + ". Daarna.",
        "Tel. 14 020. Mr. Jansen belt.",
    ]
    for shape in shapes:
        assert split_sentences(shape) == hub_text.split_sentences(shape), shape[:40]


def test_the_abbreviations_come_from_one_data_file():
    from contenthub import text as hub_text
    from taalcheck.text import ABBREVIATIONS

    rows = hub_text.SENTENCE_ABBREVIATIONS_CSV.read_text(encoding="utf-8").split()
    assert rows[0] == "afkorting"
    assert ABBREVIATIONS == hub_text.ABBREVIATIONS == frozenset(rows[1:])
    assert {"bijv", "o.a", "t.a.v"} <= ABBREVIATIONS
