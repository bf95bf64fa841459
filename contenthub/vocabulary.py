"""Fixed vocabularies of the PDC model: stable keys, Dutch labels.

Keys are stored in the database and used by every channel and the API; never
rename one. Labels are what editors and citizens read.
"""

from __future__ import annotations

from django.db import models

# Rich text in product fields: headings h2-h4, lists, links and bold; no
# arbitrary HTML (the editor and the loaders both enforce this set).
RICHTEXT_FEATURES = ["h2", "h3", "h4", "bold", "ol", "ul", "link"]
STEP_RICHTEXT_FEATURES = ["bold", "link"]

KORT_ANTWOORD_MAX = 280
KORT_ANTWOORD_MAX_SENTENCES = 3


class Doelgroep(models.TextChoices):
    INWONERS = "inwoners", "Inwoners"
    ONDERNEMERS = "ondernemers", "Ondernemers"
    BEIDE = "beide", "Inwoners en ondernemers"


class Kanaal(models.TextChoices):
    """How a citizen can handle a product: online waar het kan, persoonlijk waar het moet."""

    ONLINE = "online", "Online"
    BALIE = "balie", "Afspraak aan de balie"
    TELEFOON = "telefoon", "Telefoon"
    POST = "post", "Post"


class TermijnEenheid(models.TextChoices):
    WERKDAGEN = "werkdagen", "werkdagen"
    DAGEN = "dagen", "dagen"


PER_CHOICES: list[tuple[str, str]] = [
    ("eenmalig", "eenmalig"),
    ("per_stuk", "per stuk"),
    ("per_aanvraag", "per aanvraag"),
    ("per_keer", "per keer"),
    ("per_jaar", "per jaar"),
    ("per_half_jaar", "per half jaar"),
    ("per_kwartaal", "per kwartaal"),
    ("per_maand", "per maand"),
    ("per_week", "per week"),
    ("per_dag", "per dag"),
    ("per_uur", "per uur"),
]
PER_LABELS = dict(PER_CHOICES)

DAG_CHOICES: list[tuple[str, str]] = [
    ("maandag", "maandag"),
    ("dinsdag", "dinsdag"),
    ("woensdag", "woensdag"),
    ("donderdag", "donderdag"),
    ("vrijdag", "vrijdag"),
    ("zaterdag", "zaterdag"),
    ("zondag", "zondag"),
]

# English labels for an English translation's channels (contenthub/talen.py).
# The keys stay the Dutch ones above.
PER_LABELS_EN = {
    "eenmalig": "one-off",
    "per_stuk": "each",
    "per_aanvraag": "per application",
    "per_keer": "per time",
    "per_jaar": "per year",
    "per_half_jaar": "per half year",
    "per_kwartaal": "per quarter",
    "per_maand": "per month",
    "per_week": "per week",
    "per_dag": "per day",
    "per_uur": "per hour",
}
DAG_LABELS_EN = {
    "maandag": "Monday",
    "dinsdag": "Tuesday",
    "woensdag": "Wednesday",
    "donderdag": "Thursday",
    "vrijdag": "Friday",
    "zaterdag": "Saturday",
    "zondag": "Sunday",
}
EENHEID_LABELS_EN = {"werkdagen": "working days", "dagen": "days"}
KANAAL_LABELS_EN = {
    "online": "Online",
    "balie": "Appointment at the desk",
    "telefoon": "Phone",
    "post": "Post",
}
