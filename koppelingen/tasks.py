"""The background tasks of koppelingen (defined with the delivery code)."""

from .webhooks import deliver_webhook_task

__all__ = ["deliver_webhook_task"]
