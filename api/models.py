"""Scopes for Wagtail's own API tokens (``wagtail.models.APIToken``).

Wagtail 8 issues bearer tokens per user (admin: Settings → API tokens, or
``manage.py api_tokens``) but has no scopes. A token reaches the public
catalogue without any scope; the quality queries (taalcheck, wcagcheck) need
the ``kwaliteit`` scope, granted with ``manage.py api_token_scopes``.
"""

from __future__ import annotations

from django.db import models


class Scope(models.TextChoices):
    KWALITEIT = "kwaliteit", "Taalcheck en WCAG-check"


class APITokenScope(models.Model):
    """One scope granted to one API token."""

    token = models.ForeignKey(
        "wagtailcore.APIToken",
        verbose_name="API-token",
        on_delete=models.CASCADE,
        related_name="contenthub_scopes",
    )
    scope = models.CharField("scope", max_length=32, choices=Scope.choices)
    granted_at = models.DateTimeField("toegekend op", auto_now_add=True)

    class Meta:
        verbose_name = "scope van een API-token"
        verbose_name_plural = "scopes van API-tokens"
        constraints = [
            models.UniqueConstraint(
                fields=["token", "scope"], name="unique_scope_per_api_token"
            )
        ]

    def __str__(self) -> str:
        return f"{self.token} — {self.scope}"
