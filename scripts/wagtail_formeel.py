"""Make Wagtail's Dutch admin strings formal ("u" instead of "je/jij/jouw").

Usage (gettext's msgcat and msggrep must be installed):

    .venv/bin/python scripts/wagtail_formeel.py

reads every Dutch ``django.po`` of the installed Wagtail, rewrites the
entries that address the editor informally with the rules below, and writes
``contenthub/locale/nl/LC_MESSAGES/django.po``. Only entries that are formal
after the rules are written; an entry the rules cannot fully convert keeps
Wagtail's own wording (the script prints how many). Django reads the file
through ``LOCALE_PATHS`` before the apps' own catalogues, so these win.
Run it again after a Wagtail upgrade; ``scripts/setup`` compiles the file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import wagtail

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "contenthub" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
INFORMAL = re.compile(r"\b([Jj]e|[Jj]ij|[Jj]ouw|[Jj]ou|[Jj]ezelf)\b")

PREPOSITIONS = "met|naar|aan|om|vanaf|van|door|voor|in|op|bij|over|uit|tot"
NOUNS = (
    "wachtwoord|gebruikersnaam|account|accountinstellingen|eigen|e-mailadres|"
    "profiel|naam|gegevens|taal|avatar|voorkeuren|meldingen|bestand|bestanden|"
    "wijzigingen|pagina|pagina's|sessie|browser|zoekopdracht|selectie"
)
VERB_FORMS = {
    "hebt": "hebt", "heb": "hebt", "kunt": "kunt", "kan": "kunt", "moet": "moet",
    "bent": "bent", "bekijkt": "bekijkt", "krijgt": "krijgt", "wilt": "wilt",
    "wil": "wilt", "mag": "mag", "ziet": "ziet", "vindt": "vindt", "gaat": "gaat",
}  # fmt: skip
INVERTED = {
    "Weet je": "Weet u", "weet je": "weet u", "Wil je": "Wilt u", "wil je": "wilt u",
    "Kun je": "Kunt u", "kun je": "kunt u", "Kan je": "Kunt u", "kan je": "kunt u",
    "Heb je": "Hebt u", "heb je": "hebt u", "Ben je": "Bent u", "ben je": "bent u",
    "mocht je": "mocht u", "Mocht je": "Mocht u", "krijg je": "krijgt u",
    "Moet je": "Moet u", "moet je": "moet u", "Mag je": "Mag u", "mag je": "mag u",
}  # fmt: skip
CONJUNCTIONS = (
    "dat|als|Als|wanneer|Wanneer|voordat|of|zoals|waar|die|en|Maar|maar|tenzij"
)


# Entries of Wagtail's whose Dutch is English or wrong, worded by the hub.
OWN_WORDING = {
    "Editor Guide": "Handleiding voor redacteuren",
}


def formal(text: str) -> str:
    for informal, polite in INVERTED.items():
        # "kan je eigen ...": there "je" is a possessive ("uw"), not the subject.
        text = re.sub(rf"\b{informal}\b(?! (?:{NOUNS})\b)", polite, text)
    text = re.sub(rf"\b({PREPOSITIONS}) (je|jouw)\b", r"\1 uw", text)
    text = re.sub(rf"\b({PREPOSITIONS}) jou\b", r"\1 u", text)
    text = re.sub(rf"\bJe ({NOUNS})\b", r"Uw \1", text)
    text = re.sub(rf"\bje ({NOUNS})\b", r"uw \1", text)
    text = re.sub(r"\bJouw\b", "Uw", text)
    text = re.sub(r"\bjouw\b", "uw", text)
    text = re.sub(
        r"\b([Jj])ezelf\b", lambda m: "Uzelf" if m[1] == "J" else "uzelf", text
    )
    for verb, polite in VERB_FORMS.items():
        text = re.sub(rf"\bJe {verb}\b", f"U {polite}", text)
        text = re.sub(rf"\bje {verb}\b", f"u {polite}", text)
    text = re.sub(rf"\b({CONJUNCTIONS}) (je|jij)\b", r"\1 u", text)
    return re.sub(r"\balleen jij\b", "alleen u", text)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(
            f"{name} ontbreekt: installeer gettext (apt-get install gettext)."
        )
    return path


def entries(po_text: str) -> list[list[str]]:
    return [block.splitlines() for block in po_text.strip().split("\n\n")]


def main() -> int:
    sources = sorted(
        Path(wagtail.__file__).parent.glob("**/locale/nl/LC_MESSAGES/django.po")
    )
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / "all.po"
        subprocess.run(  # noqa: S603 (fixed arguments)
            [
                _tool("msgcat"),
                "--use-first",
                "--no-wrap",
                *map(str, sources),
                "-o",
                str(merged),
            ],
            check=True,
        )
        informal = Path(tmp) / "je.po"
        subprocess.run(  # noqa: S603 (fixed arguments)
            [_tool("msggrep"), "--no-wrap", "--msgstr", "-E", "-e",
             r"\b([Jj]e|[Jj]ij|[Jj]ouw|[Jj]ou)\b", str(merged), "-o", str(informal)],
            check=True,
        )  # fmt: skip
        blocks = entries(informal.read_text(encoding="utf-8"))
    header, *items = blocks
    kept, skipped = [], 0
    for lines in items:
        lines = [line for line in lines if not line.startswith("#")]
        converted = [
            formal(line) if line.startswith("msgstr") else line for line in lines
        ]
        if any(
            INFORMAL.search(line) for line in converted if line.startswith("msgstr")
        ):
            skipped += 1
            continue
        kept.append("\n".join(converted))
    kept += [
        f'msgid "{english}"\nmsgstr "{dutch}"' for english, dutch in OWN_WORDING.items()
    ]
    head = "\n".join(line for line in header if not line.startswith("#"))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        '# Wagtail\'s Dutch admin strings in the formal "u" of the hub.\n'
        f"# Generated by scripts/wagtail_formeel.py from Wagtail {wagtail.__version__}'s\n"
        "# own translations (BSD licence, the Wagtail translators on Transifex).\n"
        + head
        + "\n\n"
        + "\n\n".join(kept)
        + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(
        f"{len(kept)} teksten formeel gemaakt, {skipped} niet "
        "(die blijven zoals Wagtail ze heeft).\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
