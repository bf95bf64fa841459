"""The schema: one ``Query`` composed of the domains' query classes."""

from __future__ import annotations

import graphene

from .content.queries import ContentQueries, PreviewQueries
from .quality.queries import QualityQueries
from .renditions.queries import RenditionQueries


class Query(QualityQueries, RenditionQueries, PreviewQueries, ContentQueries):
    """De producten- en dienstencatalogus van de gemeente: alleen gepubliceerd."""


schema = graphene.Schema(query=Query)
