"""The import report: per item what happened, in Dutch, for the editors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

AANGEMAAKT = "aangemaakt"
BIJGEWERKT = "bijgewerkt"
ONGEWIJZIGD = "ongewijzigd"
OVERGESLAGEN = "overgeslagen"
GEWEIGERD = "geweigerd"

KOPPEN = {
    AANGEMAAKT: "aangemaakt als concept",
    BIJGEWERKT: "concept bijgewerkt",
    ONGEWIJZIGD: "overgeslagen, niets veranderd sinds de vorige import",
    OVERGESLAGEN: "overgeslagen",
    GEWEIGERD: "geweigerd, er is niets veranderd",
}


@dataclass
class Regel:
    """What the import did with one item."""

    label: str
    uitkomst: str
    reden: str = ""
    page_id: int | None = None
    gegokt: list[str] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)
    opgeschoond: list[str] = field(default_factory=list)
    nog_nodig: list[str] = field(default_factory=list)
    """What the publication gate's validation still asks (advice)."""
    taaladvies: list[str] = field(default_factory=list)
    toegankelijkheid: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Rapport:
    bron: str
    gemeente: str
    proef: bool
    regels: list[Regel] = field(default_factory=list)

    def aantal(self, uitkomst: str) -> int:
        return sum(1 for regel in self.regels if regel.uitkomst == uitkomst)

    @property
    def geweigerd(self) -> list[Regel]:
        return [regel for regel in self.regels if regel.uitkomst == GEWEIGERD]

    def tekst(self) -> str:
        """The report as plain Dutch text."""
        kop = f"Import uit {self.bron} voor {self.gemeente}"
        if self.proef:
            kop += " (proef: er is niets opgeslagen)"
        regels = [
            kop,
            (
                f"{self.aantal(AANGEMAAKT)} aangemaakt, {self.aantal(BIJGEWERKT)} bijgewerkt, "
                f"{self.aantal(ONGEWIJZIGD) + self.aantal(OVERGESLAGEN)} overgeslagen, "
                f"{self.aantal(GEWEIGERD)} geweigerd."
            ),
            "Geïmporteerde producten zijn concepten: niets staat live tot een "
            "redacteur ze controleert en publiceert (met de publicatiecontrole).",
        ]
        for regel in self.regels:
            regels.append("")
            uitkomst = KOPPEN[regel.uitkomst]
            regels.append(
                f"{regel.label}: {uitkomst}"
                + (f", {regel.reden}" if regel.reden else "")
            )
            for titel, punten in (
                ("Gegokt (controleer)", regel.gegokt),
                (
                    "Niet geplaatst (staat in de notitie bij het product)",
                    regel.notities,
                ),
                ("Opmaak verwijderd", regel.opgeschoond),
                ("Nog nodig voor publicatie", regel.nog_nodig),
                ("Taaladvies (B1)", regel.taaladvies),
                ("Toegankelijkheid (WCAG)", regel.toegankelijkheid),
            ):
                if punten:
                    regels.append(f"  {titel}:")
                    regels.extend(f"  - {punt}" for punt in punten)
        return "\n".join(regels) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "bron": self.bron,
            "gemeente": self.gemeente,
            "proef": self.proef,
            "regels": [regel.to_dict() for regel in self.regels],
        }
