"""Normalisation: the same steps for a citizen's question and for products.

Pure Python, no Django and nothing fetched at run time: lower case, diacritics
removed ("financiële" → "financiele"), colloquial short forms expanded
("m'n" → "mijn"), stop words dropped, the lemma (``simplemma``) and the
Snowball stemmer (``snowballstemmer``) of the language, and, in Dutch only,
compound words split against the vocabulary of the catalogue
("parkeerkaart" → "parkeer" + "kaart").

Every function takes the language (``taal``, "nl" or "en"; Dutch by
default): an English question is compared with the English products with
English stop words, lemmas and stems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import simplemma
import snowballstemmer

# Short forms citizens type; they become the full word before anything else.
_SHORT_FORMS = {
    "m'n": "mijn",
    "mn": "mijn",
    "z'n": "zijn",
    "d'r": "haar",
    "'t": "het",
    "'k": "ik",
    "'s": "",
}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SHORT_FORM = re.compile(r"(?<![a-z])(?:m'n|z'n|d'r|'t|'k|'s)(?![a-z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")

_STOPWOORDEN_TEKST = """
    aan af al alle alles als alstublieft aub bij ben dan dat de deze
    die dit doe doen doet dus een eens en er even ga gaan gaat graag had heb
    hebben hebt heeft hem het hier hij hoe hoi hallo hey hun ik in is ja je jij
    jou jullie kan kun kunnen kunt maar me meer mee men met mij mijn moet
    moeten na naar nee niet nog nu of om ons onze ook op over please pls s t tot
    u uit uw van veel voor waar waarom wanneer wat we welk welke werd wie wij
    wil willen wilt word wordt worden zal ze zelf zich zij zijn zo zou zullen
    goedemorgen goedemiddag goedenavond dank dankjewel bedankt vraag vragen
    iets iemand eigenlijk nou hee he daar daarvoor ervoor erbij
    dr mn zn welkom toch weer heel zonder hoeveel gemeente laat laten liet
"""
STOPWOORDEN = frozenset(_STOPWOORDEN_TEKST.split())
"""Words that say nothing about which product is meant.

"gemeente" is one: every question to a gemeente's chatbot may say it.
"niet" is one too: it occurs in nearly every product text, and a zoekterm
such as "belasting niet betalen" still matches on its other words.
"""

_ENGLISH_STOPWORDS_TEXT = """
    a about after all also am an and any anything are as at be because been
    before being but by can could did do does doing don done for from get
    getting go going got had has have having he hello her here hi his how i
    if in into is it its just let me might more much my myself no not now of
    on one or our out please right she should so some someone something
    thank thanks that the their them then there these they this those to too
    up us very want wanted was we were what when where which who whom why
    will with would you your yours dear good morning afternoon evening
    question questions municipality council gemeente s t m d ll re ve
    many like need tell know
"""
ENGLISH_STOPWORDS = frozenset(_ENGLISH_STOPWORDS_TEXT.split())
"""English words that say nothing about which product is meant: our own short
list (articles, pronouns, auxiliaries, prepositions, question words and
courtesies), not a copied one. "municipality" and "council" are in it as
"gemeente" is in the Dutch list; the letters left of a contraction ("I'm",
"don't", "we'll") too."""

STOPWORDS = {"nl": STOPWOORDEN, "en": ENGLISH_STOPWORDS}
"""The stop words per language."""

_stemmers = {
    "nl": snowballstemmer.stemmer("dutch"),
    "en": snowballstemmer.stemmer("english"),
}
_stemmer = _stemmers["nl"]


def stopwords(taal: str = "nl") -> frozenset[str]:
    """The stop words of ``taal`` (Dutch for a language the chatbot does not know)."""
    return STOPWORDS.get(taal, STOPWOORDEN)


def fold(text: str) -> str:
    """Lower case, without diacritics and punctuation, single spaces."""
    text = (text or "").lower().translate(_APOSTROPHES)
    text = _SHORT_FORM.sub(lambda m: f" {_SHORT_FORMS[m.group(0)]} ", text)
    if not text.isascii():  # ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(_SHORT_FORMS.get(word, word) or "" for word in words).strip()


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return fold(text).split()


def content_words(text: str, taal: str = "nl") -> list[str]:
    """The folded words of ``text`` without the stop words of ``taal``."""
    skip = stopwords(taal)
    return [word for word in words(text) if word not in skip]


@lru_cache(maxsize=65536)
def lemma(word: str, taal: str = "nl") -> str:
    """The dictionary form of a folded word (``simplemma``, whose Dutch and
    English dictionaries ship in the package): "gestolen" → "stelen",
    "kinderen" → "kind", "opgehaald" → "ophalen"; "children" → "child",
    "stolen" → "steal". Unknown words stay as they are."""
    if len(word) <= 3 or word.isdigit():
        return word
    lang = taal if taal in _stemmers else "nl"
    found = simplemma.lemmatize(word, lang=lang).replace("_", "").lower()
    return fold(found) or word


@lru_cache(maxsize=65536)
def stem(word: str, taal: str = "nl") -> str:
    """The Snowball stem of a folded word's lemma in ``taal`` ("verhuizingen"
    → "verhuiz", "gestolen" → "stel"; "applying" → "appli"): inflections and
    irregular forms meet."""
    base = lemma(word, taal)
    stemmer = _stemmers.get(taal, _stemmer)
    return stemmer.stemWord(base) if len(base) > 3 else base


def stems(text: str, taal: str = "nl") -> list[str]:
    """The stems of the content words of ``text``, in order."""
    return [stem(word, taal) for word in content_words(text, taal)]


def normalised_key(text: str, taal: str = "nl") -> str:
    """One key for questions that mean the same: sorted, unique content stems.

    "Paspoort kwijt!" and "kwijt paspoort" share the key "kwijt paspoort".
    """
    return " ".join(sorted(set(stems(text, taal))))


# Dutch links parts of a compound with nothing, an "s" or an "e"
# ("identiteit-s-kaart", "pannenkoek" is spelled with the plural already).
_LINKS = ("", "s", "e")
MIN_PART = 3


def split_compound(
    word: str, is_known: Callable[[str], bool], *, min_part: int = MIN_PART
) -> tuple[str, ...] | None:
    """Split ``word`` into known parts, or return ``None``.

    Prefers the split with the fewest parts; among those, the longest last
    part (the head of a Dutch compound is at the end: "parkeer|kaart").
    ``is_known`` decides whether a part exists in the catalogue's vocabulary.
    """
    best: tuple[str, ...] | None = None
    for cut in range(min_part, len(word) - min_part + 1):
        head = word[:cut]
        if not is_known(head):
            continue
        for link in _LINKS:
            rest = word[cut:]
            if link:
                if not rest.startswith(link):
                    continue
                rest = rest[len(link) :]
            if len(rest) < min_part:
                continue
            tail: tuple[str, ...] | None
            if is_known(rest):
                tail = (rest,)
            else:
                tail = split_compound(rest, is_known, min_part=min_part)
            if tail is None:
                continue
            candidate = (head, *tail)
            if best is None or (len(candidate), -len(candidate[-1])) < (
                len(best),
                -len(best[-1]),
            ):
                best = candidate
    return best
