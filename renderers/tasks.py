"""Background work: re-render products when a shared snippet changes."""

from __future__ import annotations

from django_tasks import task

from .services import rerender_live_products


@task()
def rerender_products_task(page_ids: list[int]) -> int:
    from contenthub.models import ProductPage

    pages = ProductPage.objects.live().filter(pk__in=page_ids).order_by("pk")
    return rerender_live_products(pages)
