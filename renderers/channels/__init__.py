"""The channels. Each module registers one renderer; import it here.

The import order is the order of ``renderers.CHANNELS``.
"""

from . import web, app, tweet, brief, chatbot  # noqa: F401, I001
from . import samenwerkende_catalogi, sdg, kcc, open_product  # noqa: F401
