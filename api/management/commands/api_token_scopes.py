"""Grant, revoke and list the scopes of Wagtail's API tokens.

manage.py api_tokens create --user beheerder --name chatbot   # Wagtail's own
manage.py api_token_scopes grant --id 3 kwaliteit
manage.py api_token_scopes revoke --id 3 kwaliteit
manage.py api_token_scopes list
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import APIToken

from ...models import APITokenScope, Scope


class Command(BaseCommand):
    help = "Beheer de scopes van API-tokens (zie docs/api.md)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(title="opdrachten", required=True)
        for name, method, help_text in (
            ("grant", self.grant, "Geef een token een scope."),
            ("revoke", self.revoke, "Neem een scope van een token af."),
        ):
            command = commands.add_parser(name, help=help_text)
            command.add_argument(
                "--id", type=int, required=True, help="Token-id (api_tokens list)"
            )
            command.add_argument("scope", choices=Scope.values)
            command.set_defaults(method=method)
        listing = commands.add_parser("list", help="Toon de tokens met hun scopes.")
        listing.set_defaults(method=self.list)

    def handle(self, *args, method, **options):
        method(**options)

    def _token(self, token_id: int) -> APIToken:
        token = APIToken.objects.filter(pk=token_id, revoked_at__isnull=True).first()
        if token is None:
            raise CommandError(f"Er is geen actief API-token met id {token_id}.")
        return token

    def grant(self, *, id: int, scope: str, **options) -> None:
        token = self._token(id)
        APITokenScope.objects.get_or_create(token=token, scope=scope)
        self.stdout.write(f"Token {token} heeft nu de scope {scope}.")

    def revoke(self, *, id: int, scope: str, **options) -> None:
        token = self._token(id)
        APITokenScope.objects.filter(token=token, scope=scope).delete()
        self.stdout.write(f"Token {token} heeft de scope {scope} niet meer.")

    def list(self, **options) -> None:
        tokens = APIToken.objects.filter(revoked_at__isnull=True).prefetch_related(
            "contenthub_scopes"
        )
        for token in tokens.order_by("pk"):
            scopes = ", ".join(sorted(s.scope for s in token.contenthub_scopes.all()))
            self.stdout.write(f"{token.pk}\t{token}\t{scopes or '-'}")
