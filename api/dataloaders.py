"""Per-request dataloaders: one instance per loader class and request.

A loader is created on first use and kept on the request
(``info.context``), never at module level: its cache holds what one request
read and dies with it. Subclasses set ``context_key`` and implement
``batch_load(keys)``, returning one value per key in the order of the keys
(saleor's pattern). Batching happens because the view executes with
:class:`HubExecutionContext`.
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from django.http import HttpRequest
from graphql import ExecutionContext, GraphQLError, GraphQLOutputType
from graphql.pyutils import Path
from graphql_sync_dataloaders import (
    DeferredExecutionContext,
    SyncDataLoader,
    SyncFuture,
)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ATTRIBUTE = "_contenthub_api_dataloaders"


class DataLoader(Generic[K, V]):
    context_key: ClassVar[str]

    def __new__(cls, context: HttpRequest) -> DataLoader[K, V]:
        loaders: dict[str, DataLoader[Any, Any]] = context.__dict__.setdefault(
            _ATTRIBUTE, {}
        )
        loader = loaders.get(cls.context_key)
        if loader is None:
            loader = super().__new__(cls)
            loader.context = context
            loader._loader = SyncDataLoader(loader._batch)
            loaders[cls.context_key] = loader
        return loader  # type: ignore[return-value]

    context: HttpRequest
    _loader: SyncDataLoader

    def load(self, key: K) -> SyncFuture:
        return self._loader.load(key)

    def batch_load(self, keys: Sequence[K]) -> list[V]:
        raise NotImplementedError

    def _batch(self, keys: list[K]) -> list[V]:
        values = self.batch_load(keys)
        if len(values) != len(keys):
            raise ValueError(
                f"{type(self).__name__} gaf {len(values)} waarden voor {len(keys)} sleutels."
            )
        return values


class HubExecutionContext(DeferredExecutionContext):
    """``DeferredExecutionContext`` for the graphql-core we run.

    graphql-sync-dataloaders 0.1.1 calls ``handle_field_error(error,
    return_type)``; graphql-core 3.2.4 added the ``path`` argument. Without
    this, any error in a resolver would end the whole request.
    """

    def handle_field_error(
        self,
        error: GraphQLError,
        return_type: GraphQLOutputType,
        path: Path | None = None,
    ) -> None:
        if not _TAKES_PATH:
            return super().handle_field_error(error, return_type)  # type: ignore[call-arg]
        if path is None:
            for key in error.path or ():
                path = Path(path, key, None)
        return super().handle_field_error(error, return_type, path)


_TAKES_PATH = (
    "path" in inspect.signature(ExecutionContext.handle_field_error).parameters
)
