"""How much personal data does the chatbot's scrubber miss, and what does it spoil?

    .venv/bin/python bench/privacy_corpus.py [--seed 15] [--aantal 600]

A **generated** corpus: our own templates filled with random personal data in
many spellings (BSN with slashes, underscores, commas or zero-width spaces,
spelled-out e-mail, IBAN with dashes, addresses without a street suffix,
passport numbers, licence plates in every sidecode, customer numbers, dates
in figures and in words, names after "ik ben" and "namens"), and as many
questions without personal data but with the harmless numbers and words that
look like it ("2 kinderen", "belasting 2027", "ik ben verhuisd", "€ 12,50").
Because we wrote the templates and the scrubber knows the forms, this is a
**regression and measurement corpus, not an independent quality figure**: it
shows that every form we know of is caught and what the scrubber changes in
clean questions. ``tests/chatbot/test_privacy_corpus.py`` pins the figures.

Recall: the share of personal items of which nothing identifying is left in
the scrubbed text (the digits of a number, the letters and digits of a code,
every word of a name or an e-mail address's local part, street + number).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SEED = 15
SIZE = 600

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

# Questions a citizen asks, with {} where personal data goes.
PERSONAL_TEMPLATES = (
    "mijn paspoort is verlopen, {}",
    "{} en ik wil een afspraak voor een id kaart",
    "hoe vraag ik een parkeervergunning aan? {}",
    "ik ben verhuisd, {}",
    "{}, wanneer wordt het grofvuil opgehaald",
    "mijn container is niet geleegd {}",
    "kan ik bijstand krijgen {}",
    "{} hoe lang duurt een rijbewijs",
    "er ligt een losse stoeptegel, {}",
    "graag een terugbelverzoek: {}",
    "ik wil bezwaar maken tegen mijn aanslag {}",
    "{}",
    "Goedemiddag, {}. Wat kost een uittreksel?",
    "vraag over de hondenbelasting. {}",
)

FIRST_NAMES = (
    "Jan", "Piet", "Sanne", "Fatima", "Mohammed", "Kees", "Anouk", "Daan",
    "Emma", "Lotte", "Henk", "Ingrid", "Yusuf", "Noor", "Bram", "Eva",
    "Wilma", "Gerrit", "Sophie", "Thijs", "Meryem", "Joost", "Marieke",
)  # fmt: skip
SURNAMES = (
    "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "el Amrani", "Yilmaz", "van der Berg", "Kok",
)  # fmt: skip
# Real street names in Dutch cities without a listed suffix, and some with.
STREETS_WITHOUT_SUFFIX = (
    "Damrak", "Rokin", "Lange Voorhout", "Neude", "Vredenburg", "Spui",
    "Coolsingel", "Binnenrotte", "Korte Poten", "Oudkerkhof", "Vismarkt",
)  # fmt: skip
STREETS_WITH_SUFFIX = (
    "Kalverstraat", "Oudegracht", "Dorpsstraat", "Kerkplein", "Nieuwendijk",
    "Lijnbaan", "Stationsweg", "Beatrixlaan", "Molenkade", "Marktstraat",
)  # fmt: skip
CITIES = ("Den Haag", "Amsterdam", "Utrecht", "Rotterdam", "Voorbeeldstad")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_SHORT = (
    "jan",
    "feb",
    "mrt",
    "apr",
    "mei",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)
DOMAINS = (
    "gmail.com",
    "example.nl",
    "hotmail.com",
    "ziggo.nl",
    "outlook.com",
    "kpnmail.nl",
)


@dataclass(frozen=True)
class Item:
    kind: str
    text: str
    markers: tuple[str, ...]
    """What must not be left: compact markers (letters and digits only)."""
    words: tuple[str, ...] = ()
    """Words that must not be left as words."""


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _bsn(rng: random.Random) -> Item:
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            break
    number = "".join(map(str, digits)) + str(last)
    a, b, c = number[:3], number[3:6], number[6:]
    form = rng.choice(
        [
            number,
            f"{a}.{b}.{c}",
            f"{a} {b} {c}",
            f"{a}/{b}/{c}",
            f"{a}_{b}_{c}",
            f"{a},{b},{c}",
            f"{a}-{b}-{c}",
            rng.choice(ZERO_WIDTH).join(number),
            f"{a}{rng.choice(ZERO_WIDTH)}{b}{rng.choice(ZERO_WIDTH)}{c}",
            number.translate(
                str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10)))
            ),
            f"{a}\u00a0{b}\u00a0{c}",
            f"{a[:2]} {a[2]}{b[:1]} {b[1:]}{c[:1]} {c[1:]}",
        ]
    )
    prefix = rng.choice(
        ["mijn bsn is", "bsn", "BSN:", "burgerservicenummer", "mijn sofinummer", ""]
    )
    return Item("bsn", f"{prefix} {form}".strip(), (number,))


def _phone(rng: random.Random) -> Item:
    mobile = "6" + _digits(rng, 8)
    land = rng.choice(["20", "10", "30", "70", "50"]) + _digits(rng, 7)
    form = rng.choice(
        [
            f"0{mobile}",
            f"0{mobile[0]}-{mobile[1:]}",
            f"0{mobile[0]} {mobile[1:5]} {mobile[5:]}",
            f"+31 {mobile[0]} {mobile[1:]}",
            f"+31{mobile}",
            f"0031 {mobile}",
            f"+31 (0){mobile[0]} {mobile[1:]}",
            f"0{mobile[0]}.{mobile[1:3]}.{mobile[3:5]}.{mobile[5:7]}.{mobile[7:]}",
            f"0{land[:2]}-{land[2:]}",
            f"(0{land[:2]}) {land[2:5]} {land[5:7]} {land[7:]}",
            f"0{mobile[0]} - {mobile[1:3]} {mobile[3:5]} {mobile[5:7]} {mobile[7:]}",
        ]
    )
    prefix = rng.choice(
        ["bel me op", "mijn nummer is", "tel", "telefoon:", "terugbellen op"]
    )
    core = mobile[1:] if mobile[1:] in _compact(form) else land[2:]
    return Item("telefoon", f"{prefix} {form}", (core,))


def _email(rng: random.Random) -> Item:
    first = rng.choice(FIRST_NAMES).lower()
    last = rng.choice(SURNAMES).lower().replace(" ", "")
    domain = rng.choice(DOMAINS)
    name, tld = domain.rsplit(".", 1)
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first}{last}",
            f"{first[0]}.{last}",
            f"{last}{_digits(rng, 2)}",
        ]
    )
    spelled_local = local.replace(".", " punt ")
    form = rng.choice(
        [
            f"{local}@{domain}",
            f"{local.upper()}@{domain.upper()}",
            f"{local}(at){domain}",
            f"{local}[at]{domain}",
            f"{local} @ {domain}",
            f"{local} at {name} punt {tld}",
            f"{spelled_local} at {name} punt {tld}",
            f"{spelled_local} apenstaartje {name} punt {tld}",
            f"{local} (at) {name} (punt) {tld}",
            f"{local}@{name} . {tld}",
            f"{local}+gemeente@{domain}",
        ]
    )
    prefix = rng.choice(
        ["mail me op", "mijn mail is", "e-mail:", "stuur het naar", "mailadres"]
    )
    words = tuple(w for w in re.split(r"[.\s]+", local) if len(w) >= 3)
    return Item(
        "e-mail",
        f"{prefix} {form}",
        (_compact(local) if len(_compact(local)) > 5 else "",),
        words,
    )


def _iban(rng: random.Random) -> Item:
    bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB"])
    check = _digits(rng, 2)
    account = _digits(rng, 10)
    groups = [f"NL{check}", bank, account[:4], account[4:8], account[8:]]
    form = rng.choice(
        [
            " ".join(groups),
            "-".join(groups),
            "".join(groups),
            "".join(groups).lower(),
            ".".join(groups),
            " - ".join(groups) if rng.random() < 0.2 else "-".join(groups),
        ]
    )
    prefix = rng.choice(
        ["mijn rekeningnummer is", "iban", "IBAN:", "rekening", "stort het op"]
    )
    return Item("iban", f"{prefix} {form}", (account,))


def _postcode(rng: random.Random) -> Item:
    digits = str(rng.randint(1000, 9999))
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRTVWXZ") for _ in range(2))
    number = str(rng.randint(1, 250))
    form = rng.choice(
        [
            f"{digits} {letters}",
            f"{digits}{letters}",
            f"{digits} {letters.lower()}",
            f"{digits}{letters} {number}",
            f"{digits} {letters}, {number}",
        ]
    )
    prefix = rng.choice(["postcode", "ik woon op", "adres:", "mijn postcode is"])
    return Item("postcode", f"{prefix} {form}", (digits + letters.lower(),))


def _address(rng: random.Random) -> Item:
    with_suffix = rng.random() < 0.4
    street = rng.choice(STREETS_WITH_SUFFIX if with_suffix else STREETS_WITHOUT_SUFFIX)
    number = str(rng.randint(1, 320)) + rng.choice(
        ["", "", "", "a", "B", "-2", " hs", "-II"]
    )
    city = rng.choice(CITIES)
    form = rng.choice(
        [
            f"{street} {number}",
            f"ik woon op {street} {number}",
            f"ik woon aan de {street.lower()} {number}",
            f"mijn adres is {street.lower()} {number}",
            f"{street} {number} in {city}",
            f"{street} {number} te {city}",
            f"adres: {street} {number}, {city}",
            f"verhuisd naar {street} {number}",
        ]
    )
    house = re.match(r"\d+", number).group(0)
    return Item("adres", form, (_compact(street.split()[-1]) + house,))


def _passport(rng: random.Random) -> Item:
    letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ"
    body = "".join(rng.choice(letters + "0123456789") for _ in range(6))
    number = (
        "".join(rng.choice(letters) for _ in range(2)) + body + str(rng.randrange(10))
    )
    while sum(c.isdigit() for c in number) < 2:
        number = number[:-2] + str(rng.randrange(10)) + number[-1]
    form = rng.choice(
        [
            number,
            number.lower(),
            f"{number[:4]} {number[4:]}",
            f"{number[:3]}-{number[3:6]}-{number[6:]}",
        ]
    )
    prefix = rng.choice(
        [
            "paspoortnummer",
            "mijn paspoort",
            "documentnummer",
            "id kaart nummer",
            "nummer van mijn pas",
        ]
    )
    return Item("paspoort", f"{prefix} {form}", (_compact(number),))


SIDECODES = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL",
    "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL",
    "D-LL-DDD", "DDD-LL-D",
)  # fmt: skip


def _plate(rng: random.Random) -> Item:
    pattern = rng.choice(SIDECODES)
    plate = "".join(
        rng.choice("BDFGHJKLNPRSTVXZ")
        if c == "L"
        else str(rng.randrange(10))
        if c == "D"
        else "-"
        for c in pattern
    )
    form = rng.choice(
        [plate, plate, plate.lower(), plate.replace("-", " "), plate.replace("-", "")]
    )
    prefix = rng.choice(
        [
            "kenteken",
            "mijn auto",
            "het kenteken is",
            "parkeervergunning voor",
            "auto met kenteken",
        ]
    )
    return Item("kenteken", f"{prefix} {form}", (_compact(plate),))


def _customer(rng: random.Random) -> Item:
    number = _digits(rng, rng.randint(5, 8)).lstrip("0") or "1"
    code = rng.choice(
        [
            number,
            f"KL{number}",
            f"Z-{rng.randint(2019, 2026)}-{number}",
            f"{rng.randint(2019, 2026)}/{number}",
            f"A{number[:3]}-{number[3:]}",
        ]
    )
    prefix = rng.choice(
        [
            "klantnummer",
            "mijn klantnummer is",
            "kenmerk",
            "dossiernummer:",
            "zaaknummer",
            "onder nummer",
            "referentie",
            "aanslagnummer",
        ]
    )
    return Item("klantnummer", f"{prefix} {code}", (number,))


def _date(rng: random.Random) -> Item:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1930, 2010)
    form = rng.choice(
        [
            f"{day}-{month}-{year}",
            f"{day:02d}-{month:02d}-{year}",
            f"{day}/{month}/{year}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{day} {MONTHS[month - 1].capitalize()} {year}",
            f"{day}e {MONTHS_SHORT[month - 1]} '{str(year)[2:]}",
            f"{day} {MONTHS_SHORT[month - 1]}. {year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day}-{month}-{str(year)[2:]}",
        ]
    )
    prefix = rng.choice(
        [
            "geboren op",
            "geboortedatum",
            "mijn geboortedatum is",
            "ik ben geboren op",
            "geb.",
        ]
    )
    return Item("datum", f"{prefix} {form}", (_compact(form),))


def _name(rng: random.Random) -> Item:
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    full = f"{first} {last}"
    form = rng.choice(
        [
            f"ik ben {full}",
            f"ik ben {full.lower()}",
            f"Ik ben {first}",
            f"ik ben {first.lower()}",
            f"mijn naam is {full}",
            f"mijn naam is {full.lower()}",
            f"ik heet {first}",
            f"namens {full}",
            f"namens {first.lower()} {last.lower()}",
            f"met vriendelijke groet, {full}",
            f"groetjes {first.lower()}",
            f"mvg {full}",
            f"mevrouw {last}",
        ]
    )
    name_words = tuple(
        w
        for w in re.split(r"\s+", form.split(" ", 2)[-1])
        if w.lower() not in {"van", "de", "der", "den", "el"}
    )
    words = tuple(
        w
        for w in (first, *last.split())
        if w.lower() in {n.lower() for n in name_words}
    )
    words = tuple(
        w for w in words if w.lower() not in {"van", "de", "der", "den", "el"}
    )
    return Item("naam", form, (), words)


GENERATORS: tuple[Callable[[random.Random], Item], ...] = (
    _bsn, _phone, _email, _iban, _postcode, _address, _passport, _plate,
    _customer, _date, _name,
)  # fmt: skip

CLEAN = (
    "wat kost een paspoort",
    "mijn kind is 12 jaar, heeft ze een eigen paspoort nodig",
    "kan ik 2 containers krijgen, we zijn met 6 personen",
    "bel ik 14 0999 voor een afspraak",
    "hoe hoog is de hondenbelasting in 2027",
    "ik ben verhuisd, hoe geef ik dat door",
    "ik ben mijn rijbewijs kwijt",
    "ik ben 67 jaar en wil een ooievaarspas",
    "ik ben werkloos sinds 3 maanden, kan ik bijstand krijgen",
    "kost een id kaart € 70,35 of meer",
    "is het afvalbrengstation zaterdag om 9.30 uur open",
    "ik heb 3 kinderen onder de 18, krijg ik korting",
    "hoe lang duurt een omgevingsvergunning, 8 weken?",
    "de lantaarnpaal bij het speeltuintje doet het niet",
    "waar kan ik mijn grofvuil kwijt, ongeveer 2 m3",
    "namens mijn moeder: hoe vraag ik een gehandicaptenparkeerkaart aan",
    "ik ben ondernemer en wil een terrasvergunning",
    "wanneer komt de aanslag gemeentelijke belastingen 2026",
    "ik wil mijn huwelijk op 1 locatie buiten het stadhuis",
    "mag ik 1 boom kappen in mijn tuin",
    "wat moet ik meenemen voor een paspoort, 1 pasfoto?",
    "de groene bak is 2 keer niet geleegd",
    "hoeveel kost parkeren per uur, 2,50 euro?",
    "ik ben benieuwd of ik kwijtschelding kan krijgen",
    "ik heb een vraag over de WOZ waarde over 2025",
    "hoe meld ik een geboorte aan",
    "ik woon al 12 jaar in deze gemeente, krijg ik voorrang",
    "kan ik covid19 vaccinatie bij de GGD halen",
    "mijn dochter wordt 18, moet ze dan zelf een zorgverzekering",
    "waar vind ik de regels van de Wmo 2015",
    "kan ik stemmen bij de verkiezingen van 2026 als ik in het buitenland woon",
    "ik ben mantelzorger voor mijn vader van 85",
    "is er een speeltuin voor kinderen van 4 tot 12 jaar",
    "mijn stempas is kwijt, wat nu",
    "hoe vraag ik een uittreksel BRP aan",
    "de straatverlichting is kapot in mijn straat",
    "kost een rijbewijs verlengen 50 euro",
    "ik ben gescheiden, moet ik iets doorgeven",
    "hoeveel zakken restafval mag ik per week, 3?",
    "kan ik op 2 plekken tegelijk ingeschreven staan",
    "open op 24 en 31 december?",
    "Paspoort 2 keer verloren, wat nu",
    "hoe lang is een id kaart geldig, 10 jaar?",
    "hoeveel kost een uittreksel, 15 euro?",
    "ik wil graag een afspraak voor mijn rijbewijs",
    "Kan ik zonder afspraak langskomen",
    "ik ben zzp'er, waar schrijf ik me in",
    "de vergunning voor 1 dag evenement",
    "ik heb 1 vraag over de toeristenbelasting",
    "schooljaar 2025/2026 leerlingenvervoer aanvragen",
)
CLEAN_PREFIXES = ("", "", "", "Hallo, ", "Goedemorgen, ", "hoi ", "vraag: ")
CLEAN_SUFFIXES = ("", "", "", "?", " alstublieft", " graag", "!", " dank u")


def generate(
    *, seed: int = SEED, size: int = SIZE
) -> tuple[list[tuple[str, list[Item]]], list[str]]:
    """``size`` questions with personal data (one or two items each) and ``size`` without."""
    rng = random.Random(seed)  # noqa: S311 (test data, not security)
    personal: list[tuple[str, list[Item]]] = []
    for index in range(size):
        items = [GENERATORS[index % len(GENERATORS)](rng)]
        if rng.random() < 0.25:
            items.append(rng.choice(GENERATORS)(rng))
        template = rng.choice(PERSONAL_TEMPLATES)
        personal.append(
            (template.format(", ".join(item.text for item in items)), items)
        )
    clean = [
        rng.choice(CLEAN_PREFIXES) + rng.choice(CLEAN) + rng.choice(CLEAN_SUFFIXES)
        for _ in range(size)
    ]
    return personal, clean


def leaked(item: Item, scrubbed: str) -> bool:
    """Whether something identifying of ``item`` is still in ``scrubbed``."""
    compact = _compact(scrubbed)
    if any(marker and marker in compact for marker in item.markers):
        return True
    lowered = scrubbed.lower()
    return any(
        re.search(rf"(?<![\w]){re.escape(word.lower())}(?![\w])", lowered)
        for word in item.words
    )


@dataclass(frozen=True)
class Result:
    items: int
    caught: int
    per_kind: dict[str, tuple[int, int]]
    clean: int
    altered: int
    misses: list[tuple[str, str]]
    alterations: list[tuple[str, str]]

    @property
    def recall(self) -> float:
        return self.caught / self.items

    @property
    def altered_share(self) -> float:
        return self.altered / self.clean


def evaluate(
    scrub: Callable[[str], str], *, seed: int = SEED, size: int = SIZE
) -> Result:
    from chatbot.privacy import normalise_text

    personal, clean = generate(seed=seed, size=size)
    total: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    misses = []
    for question, items in personal:
        scrubbed = scrub(question)
        for item in items:
            total[item.kind] += 1
            if leaked(item, scrubbed):
                misses.append((question, scrubbed))
            else:
                caught[item.kind] += 1
    alterations = [(q, scrub(q)) for q in clean if scrub(q) != normalise_text(q)]
    return Result(
        items=sum(total.values()),
        caught=sum(caught.values()),
        per_kind={kind: (caught[kind], total[kind]) for kind in sorted(total)},
        clean=len(clean),
        altered=len(alterations),
        misses=misses,
        alterations=alterations,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--aantal", type=int, default=SIZE)
    parser.add_argument(
        "--toon", action="store_true", help="print misses and alterations"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from chatbot.privacy import scrub

    result = evaluate(scrub, seed=args.seed, size=args.aantal)
    print(
        f"seed {args.seed}: {args.aantal} questions with personal data, {result.items} items"
    )
    for kind, (hit, count) in result.per_kind.items():
        print(f"  {kind:12} {hit:4}/{count:<4} {hit / count:.3f}")
    print(f"recall {result.caught}/{result.items} = {result.recall:.4f}")
    print(
        f"clean questions altered {result.altered}/{result.clean} = {result.altered_share:.4f}"
    )
    # The chatbot's evaluation questions (no personal data in them), written
    # before the scrubber: what does it change there?
    import csv

    from chatbot.privacy import normalise_text

    with (ROOT / "bench" / "chatbot" / "vragen_extern.csv").open(
        encoding="utf-8"
    ) as rows:
        vragen = [row["vraag"] for row in csv.DictReader(rows)]
    changed = [v for v in vragen if scrub(v) != normalise_text(v)]
    print(f"bench/chatbot/vragen_extern.csv changed {len(changed)}/{len(vragen)}")
    if args.toon:
        for vraag in changed:
            print("ANDERS ", repr(vraag), "->", repr(scrub(vraag)))
        for question, scrubbed in result.misses:
            print("MIST   ", repr(question), "->", repr(scrubbed))
        for question, scrubbed in result.alterations:
            print("ANDERS ", repr(question), "->", repr(scrubbed))


if __name__ == "__main__":
    main()
