"""The language rules, one per module, registered in this order.

To add a rule: write ``rules/<naam>.py`` with a class decorated with
``@register`` (see ``taalcheck.registry.Rule``), import it here and add
``tests/taalcheck/test_<naam>.py``.
"""

from . import (  # noqa: F401
    aanspreekvorm,
    afkortingen,
    ambtelijke_woorden,
    bijzin_vooraan,
    gemiddelde_zinslengte,
    lange_woorden,
    lange_zin,
    lijdende_vorm,
    moeilijke_woorden,
    naamwoordstijl,
    niveau,
)
