"""``/graphql/``: the GraphQL endpoint with caching, ETags and Dutch errors."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

from . import cache
from .auth import has_credentials
from .dataloaders import HubExecutionContext
from .errors import INTERNE_FOUT_MELDING, Code, RequestError
from .execution import run_query
from .http import read_params

logger = logging.getLogger(__name__)


@method_decorator(csrf_exempt, name="dispatch")
class HubGraphQLView(GraphQLView):
    """Reads only. Anonymous answers are shared: cached on the server under
    the catalogue version, ``Cache-Control: public`` and an ETag, so a
    conditional request gets ``304 Not Modified``. Answers for a token or a
    session, drafts and quality checks are ``private, no-store``.
    """

    execution_context_class = HubExecutionContext
    # Our own template: GraphiQL from the hub's static files, not a CDN.
    graphiql_template = "api/graphiql.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self._shows_graphiql(request):
            return super().dispatch(request, *args, **kwargs)
        try:
            return self._answer(request)
        except Exception:
            # Whatever went wrong, the client gets the documented JSON error,
            # never Django's HTML error page; the details go to the log.
            logger.exception("Het GraphQL-verzoek kon niet worden beantwoord")
            if transaction.get_connection().in_atomic_block:
                transaction.set_rollback(True)  # the request wrote nothing
            body = _encode(
                {
                    "errors": [
                        {
                            "message": INTERNE_FOUT_MELDING,
                            "extensions": {"code": Code.INTERNE_FOUT.value},
                        }
                    ]
                }
            )
            return self._respond(request, body, status=500)

    def _answer(self, request: HttpRequest) -> HttpResponse:
        try:
            params = read_params(request)
        except RequestError as error:
            return self._respond(
                request, _encode({"errors": [error.as_dict()]}), status=error.status
            )
        shared = not has_credentials(request)
        key = cache.response_key(request, params.as_key()) if shared else None
        if key is not None:
            hit = cache.get_cached(key)
            if hit is not None:
                return self._respond(request, hit.body, etag=hit.etag, public=True)
        status, payload = run_query(
            request,
            params,
            schema=self.schema.graphql_schema,
            execution_context_class=self.execution_context_class,
        )
        body = _encode(payload)
        limit = settings.CONTENTHUB_API_MAX_RESPONSE_BYTES
        if len(body) > limit:
            status, body = 400, _encode(_too_big_answer(len(body), limit))
            payload = {"errors": []}
        etag = cache.make_etag(body)
        public = (
            key is not None
            and status == 200
            and "errors" not in payload
            and not cache.is_uncacheable(request)
        )
        if public:
            cache.store(key, cache.CachedResponse(body=body, etag=etag))
        return self._respond(
            request,
            body,
            status=status,
            etag=etag if status == 200 else None,
            public=public,
        )

    def render_graphiql(self, request: HttpRequest, **data: Any) -> HttpResponse:
        # graphene-django passes CDN versions and hashes; we only need the
        # settings its graphiql.js reads (as a JSON data block).
        settings_block = {
            "graphiqlHeaderEditorEnabled": data["graphiql_header_editor_enabled"],
            "graphiqlShouldPersistHeaders": data["graphiql_should_persist_headers"],
            "graphiqlInputValueDeprecation": data["graphiql_input_value_deprecation"],
        }
        if data.get("subscription_path"):
            settings_block["subscriptionPath"] = data["subscription_path"]
        return render(
            request, self.graphiql_template, {"graphene_settings": settings_block}
        )

    def _shows_graphiql(self, request: HttpRequest) -> bool:
        return (
            self.graphiql
            and request.method == "GET"
            and "query" not in request.GET
            and self.request_wants_html(request)
        )

    @staticmethod
    def _respond(
        request: HttpRequest,
        body: bytes,
        *,
        status: int = 200,
        etag: str | None = None,
        public: bool = False,
    ) -> HttpResponse:
        if etag and cache.etag_matches(request.headers.get("If-None-Match", ""), etag):
            response: HttpResponse = HttpResponseNotModified()
        else:
            response = HttpResponse(
                body, status=status, content_type="application/json"
            )
        if etag:
            response["ETag"] = etag
        if public:
            response["Cache-Control"] = (
                f"public, max-age={settings.CONTENTHUB_API_MAX_AGE}"
            )
        else:
            response["Cache-Control"] = "private, no-store"
        patch_vary_headers(response, ["Authorization"])
        return response


def _too_big_answer(size: int, limit: int) -> dict[str, Any]:
    return {
        "errors": [
            {
                "message": (
                    f"Het antwoord zou {size} bytes zijn, maximaal {limit}. Vraag "
                    "minder producten per pagina (first) of minder weergaven op, "
                    "en blader met after."
                ),
                "extensions": {"code": Code.ANTWOORD_TE_GROOT.value},
            }
        ]
    }


def _encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
