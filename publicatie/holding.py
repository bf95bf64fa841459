"""The gate holds for everything that reaches a channel.

A channel shows only a stored rendering, and a rendering is stored only
together with the approval (``renderers.approval``) of exactly the inputs it
was rendered from: the page, its contactpunt and locaties, the gemeente's
settings, the related products and its place in the tree. This module is the
only place that makes approvals. It is called for everything that may change
what a live product shows:

- a write of a live product (:func:`hold_live_page`, a change guard of
  ``ProductPage.save``): a publication, a plain ``save()``, a page created
  live, a copy, an alias;
- a write of a contactpunt, locatie or the gemeente's settings
  (:func:`hold_snippet_change`): every live product that shows it;
- a move (:func:`judge_move` before, :func:`hold_moved_page` after);
- the clock (:func:`herkeur`, run by ``manage.py herkeur`` and by a task at
  ``expire_at`` / ``go_live_at``): every live product whose inputs changed.

A product whose new inputs fail is refused with the gate's findings and the
write is rolled back, so nothing live changes.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django_tasks import task

from contenthub.structured import ProductSnapshot, product_snapshot, snapshot_queryset
from renderers import renderer_registry
from renderers.approval import Approval, inputs_fingerprint
from renderers.documents import keep_document_current
from renderers.services import store_renderings

from .context import GateContext
from .gate import (
    GateResult,
    PublicationBlocked,
    evaluate_publication_gate,
    record_verdict,
)

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage
    from renderers.base import Rendering

logger = logging.getLogger("publicatie")


# Approvals just made, so a publication renders and judges once although the
# admin hook, the live guard and the change guard each ask. Keyed by page and
# inputs; an entry is used only while its verdict is still stored (a verdict
# made in a rolled-back transaction is gone).
_RECENT_SECONDS = 120
_RECENT_SIZE = 64
_recent: OrderedDict[tuple[int, str], tuple[float, Approval, list[Rendering]]] = (
    OrderedDict()
)


def remember_approval(
    page_id: int, approval: Approval, renderings: list[Rendering]
) -> None:
    _recent[(page_id, approval.fingerprint)] = (
        time.monotonic(),
        approval,
        renderings,
    )
    _recent.move_to_end((page_id, approval.fingerprint))
    while len(_recent) > _RECENT_SIZE:
        _recent.popitem(last=False)


def _recalled(page_id: int, fingerprint: str) -> tuple[Approval, list] | None:
    from .records import Keuring

    entry = _recent.get((page_id, fingerprint))
    if entry is None:
        return None
    made, approval, renderings = entry
    if time.monotonic() - made > _RECENT_SECONDS:
        _recent.pop((page_id, fingerprint), None)
        return None
    if not Keuring.objects.filter(
        pk=approval.verdict_id, page_id=page_id, geslaagd=True
    ).exists():
        return None
    return approval, renderings


def approval_of(
    page: ProductPage, result: GateResult, context: GateContext, verdict: Any
) -> Approval | None:
    """The approval of a passing verdict, remembered for the write that follows."""
    if not result.passed or verdict is None:
        return None
    approval = Approval(
        verdict_id=verdict.pk, fingerprint=inputs_fingerprint(context.snapshot)
    )
    if page.pk:
        remember_approval(page.pk, approval, context.renderings)
    return approval


@dataclass(frozen=True)
class Judgement:
    result: GateResult
    approval: Approval | None
    snapshot: ProductSnapshot
    renderings: list[Rendering] | None


def judge(
    page: ProductPage,
    *,
    path: str,
    user: Any = None,
    snapshot: ProductSnapshot | None = None,
    record: bool = True,
) -> Judgement:
    """Run the gate on ``page`` as it is; store the verdict; an approval if it passed."""
    revision_id = page.live_revision_id
    context = GateContext(page=page, revision_id=revision_id)
    if snapshot is not None:
        context.__dict__["snapshot"] = snapshot
    result = evaluate_publication_gate(
        page=page, revision_id=revision_id, context=context
    )
    verdict = None
    if record:
        verdict = record_verdict(
            page=page,
            result=result,
            revision_id=revision_id,
            path=path,
            user=user,
            context=context,
        )
    return Judgement(
        result=result,
        approval=approval_of(page, result, context, verdict),
        snapshot=context.snapshot,
        renderings=context.renderings if result.passed else None,
    )


def _expected_renderings() -> int:
    return sum(len(renderer.variants) for renderer in renderer_registry)


def stored_approval_holds(page: ProductPage, fingerprint: str) -> bool:
    """Every channel is stored, for the live revision, approved for these inputs."""
    from renderers.models import ChannelRendering

    rows = list(
        ChannelRendering.objects.filter(page_id=page.pk).values_list(
            "inputs_fingerprint", "verdict_id", "revision_id"
        )
    )
    return (
        len(rows) == _expected_renderings()
        and all(
            stored == fingerprint
            and verdict is not None
            and revision == page.live_revision_id
            for stored, verdict, revision in rows
        )
        and keep_document_current(page, fingerprint)
    )


def hold_live_page(
    page: ProductPage,
    *,
    path: str | None = None,
    user: Any = None,
    reuse: bool = True,
) -> bool:
    """After a write of ``page``: judge what it now shows, store it, or refuse.

    Reads the product back from the database (what readers will see, also
    after a ``save(update_fields=...)``). Nothing to do when the stored
    renderings are approved for exactly these inputs. Returns whether it
    stored new renderings; raises ``PublicationBlocked`` when the gate refuses.
    """
    from contenthub.models import ProductPage as Model

    from .paths import current_path, current_user

    # With what its snapshot reads (contact, locaties, zoektermen, related
    # links), read once for the snapshot and the API document, and with its
    # stored API document (``renderers.documents.keep_document_current``).
    fresh = (
        snapshot_queryset(Model.objects.filter(pk=page.pk, live=True))
        .select_related("api_document")
        .first()
    )
    if fresh is None:
        return False
    path = path or current_path()
    user = user or current_user()
    snapshot = product_snapshot(fresh, revision_id=fresh.live_revision_id)
    fingerprint = inputs_fingerprint(snapshot)
    if stored_approval_holds(fresh, fingerprint):
        return False
    _hold_live_revision(fresh, fingerprint, path=path, user=user)
    recalled = _recalled(fresh.pk, fingerprint) if reuse else None
    if recalled is not None:
        approval, renderings = recalled
    else:
        judgement = judge(fresh, path=path, user=user, snapshot=snapshot)
        if not judgement.result.passed:
            _refuse(fresh, judgement.result, path=path, user=user)
        approval, renderings = judgement.approval, judgement.renderings
    store_renderings(
        fresh,
        approval=approval,
        snapshot=snapshot,
        renderings=renderings,
        revision=fresh.live_revision,
    )
    return True


def _hold_live_revision(
    page: ProductPage, row_fingerprint: str, *, path: str, user: Any
) -> None:
    """The live revision must pass as well: it is what the next publication shows.

    Copy-and-publish makes the copy's live revision from the source's latest
    revision, a draft that may differ from the live row.
    """
    revision = page.live_revision
    if revision is None:
        return
    if _row_is_revision(page, revision):
        return  # the usual publication: the row was written from this revision
    content = revision.as_object()
    snapshot = product_snapshot(content, revision_id=revision.pk)
    fingerprint = inputs_fingerprint(snapshot)
    if fingerprint == row_fingerprint or _recalled(page.pk, fingerprint):
        return
    judgement = judge(content, path=path, user=user, snapshot=snapshot)
    if not judgement.result.passed:
        _refuse(page, judgement.result, path=path, user=user)


# Bookkeeping of the page as a whole, and its place in the tree: Wagtail keeps
# these from the row when it makes an object of a revision (``with_content_json``).
_NOT_REVISION_CONTENT = frozenset(
    {
        "pk",
        "content_type",
        "path",
        "depth",
        "numchild",
        "url_path",
        "translation_key",
        "locale",
        "alias_of",
        "live",
        "has_unpublished_changes",
        "expired",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "owner",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
        # Bookkeeping of a translation (contenthub/vertaling.py).
        "vertaald_van",
        "vertaling_tekst",
    }
)


def _row_is_revision(page: ProductPage, revision: Revision) -> bool:
    """Whether the stored row holds exactly the revision's content.

    A few queries for the row's child relations, where making an object of
    the revision checks every foreign key it names (tens of queries).
    """
    row = page.serializable_data()
    content = revision.content
    return all(
        row.get(name) == content.get(name)
        for name in set(row) | set(content)
        if name not in _NOT_REVISION_CONTENT
    )


def _refuse(
    page: ProductPage, result: GateResult, *, path: str = "code", user: Any = None
) -> None:
    logger.warning("Publicatie tegengehouden: %s\n%s", page.title, result.summary())
    refused = PublicationBlocked(result, page=page, revision_id=page.live_revision_id)
    # The write is rolled back, and the verdict recorded with it: record it
    # again afterwards, so the beheerder sees why (``refusal_rolls_back``).
    refused.after_rollback = [
        lambda: record_verdict(
            page=page,
            result=result,
            revision_id=page.live_revision_id,
            path=path,
            user=user,
        )
    ]
    raise refused


# Snippets and the gemeente's settings ----------------------------------------


class ChangeBlocked(PublicationBlocked):
    """A change of a snippet or the settings that a live product it touches fails."""

    def __init__(self, *, touched: int, blocked: list[PublicationBlocked]) -> None:
        self.touched = touched
        self.blocked = blocked
        first = blocked[0]
        Exception.__init__(self, self.summary())
        self.result = first.result
        self.page = first.page
        self.revision_id = first.revision_id
        self.after_rollback = [
            callback
            for refused in blocked
            for callback in getattr(refused, "after_rollback", ())
        ]

    def refusal_messages(self) -> list[str]:
        return self.summary().split("\n", 1)[:1] + [
            f"{blocked.page.title}: {blocked.result.summary()}"
            for blocked in self.blocked
        ]

    def summary(self) -> str:
        lines = [
            f"Deze wijziging raakt {self.touched} gepubliceerde "
            f"{'product' if self.touched == 1 else 'producten'}; bij "
            f"{len(self.blocked)} ervan houdt de publicatiecontrole haar tegen. "
            "Er is niets gewijzigd."
        ]
        for blocked in self.blocked:
            lines.append(f"{blocked.page.title}: {blocked.result.summary()}")
        return "\n".join(lines)


def touched_products(instance: Any) -> list[ProductPage]:
    """The live products that show ``instance`` (a contactpunt, locatie or settings).

    A contactpunt or locatie in another language than Dutch (an English
    version) is shown by the products in its language that refer to it or to
    another version of it (``contenthub.structured.snippets_in_language``),
    and through them by their Dutch sources (an SDG product's English version).
    """
    from contenthub.models import (
        Contactpunt,
        GemeenteInstellingen,
        Locatie,
        ProductPage,
    )
    from contenthub.talen import SOURCE_LANGUAGE, locale_code

    live = ProductPage.objects.live().order_by("path")
    translated = bool(instance.pk) and (
        isinstance(instance, Contactpunt | Locatie)
        and locale_code(instance.locale_id) != SOURCE_LANGUAGE
    )
    if isinstance(instance, Contactpunt):
        if translated:
            return _with_sources(
                live.filter(
                    locale_id=instance.locale_id,
                    contact__translation_key=instance.translation_key,
                )
            )
        return list(live.filter(contact=instance))
    if isinstance(instance, Locatie):
        if translated:
            return _with_sources(
                live.filter(
                    locale_id=instance.locale_id,
                    locaties__translation_key=instance.translation_key,
                ).distinct()
            )
        return list(live.filter(locaties=instance).distinct())
    if isinstance(instance, GemeenteInstellingen):
        site = instance.site
        return list(live.descendant_of(site.root_page)) if site else []
    return []


def _with_sources(translations: Any) -> list[ProductPage]:
    """Live translations, then their live Dutch sources (judged again only
    when their own inputs changed: ``hold_live_page``)."""
    from contenthub.models import ProductPage
    from contenthub.talen import SOURCE_LANGUAGE

    pages = list(translations)
    if not pages:
        return []
    sources = (
        ProductPage.objects.live()
        .filter(
            translation_key__in={page.translation_key for page in pages},
            locale__language_code=SOURCE_LANGUAGE,
        )
        .order_by("path")
    )
    return pages + list(sources)


def hold_snippet_change(instance: Any) -> None:
    """Change guard of the snippets and settings: every touched product is judged."""
    hold_products(touched_products(instance), path="snippet")


def hold_products(pages: Iterable[ProductPage], *, path: str) -> int:
    """Judge and store each product; refuse all (``ChangeBlocked``) when any fails."""
    pages = list(pages)
    blocked: list[PublicationBlocked] = []
    stored = 0
    for page in pages:
        try:
            stored += hold_live_page(page, path=path)
        except PublicationBlocked as refused:
            blocked.append(refused)
    if blocked:
        raise ChangeBlocked(touched=len(pages), blocked=blocked)
    return stored


# Deleting a snippet ------------------------------------------------------------

_NAMED = 10
"""How many products a refusal names; the rest are counted."""


class SnippetInUse(Exception):
    """A contactpunt or locatie that live products show is not deleted.

    Deleting it would change those products without the gate (a product's
    ``contact`` is set to empty, a locatie drops out of its list); the editor
    first chooses another one in each product, which the gate judges.
    """

    def __init__(self, instance: Any, products: list[ProductPage]) -> None:
        self.instance = instance
        self.products = products
        super().__init__(self.message())

    def message(self) -> str:
        from contenthub.models import Contactpunt

        count = len(self.products)
        titles = ", ".join(page.title for page in self.products[:_NAMED])
        if count > _NAMED:
            titles += f" en {count - _NAMED} andere"
        gebruikt = (
            "1 gepubliceerd product"
            if count == 1
            else f"{count} gepubliceerde producten"
        )
        die = "dat product" if count == 1 else "die producten"
        if isinstance(self.instance, Contactpunt):
            subject = f"Dit contactpunt ({self.instance})"
            remedy = f"u bij {die} een ander contactpunt hebt gekozen"
        else:
            subject = f"Deze locatie ({self.instance})"
            remedy = f"u deze locatie bij {die} hebt weggehaald of vervangen"
        return (
            f"{subject} wordt gebruikt door {gebruikt}: {titles}; verwijderen kan "
            f"pas als {remedy}. Er is niets verwijderd."
        )

    def refusal_messages(self) -> list[str]:
        return [self.message()]


def refuse_deleting_shown_snippet(instance: Any) -> None:
    """Delete guard of contactpunt and locatie: refused while live products show it."""
    products = touched_products(instance)
    if products:
        raise SnippetInUse(instance, products)


# Moves -------------------------------------------------------------------------


class _DryRun(Exception):
    def __init__(self, result: GateResult | None) -> None:
        self.result = result


def dry_run(action: Any) -> PublicationBlocked | None:
    """Run ``action`` in a transaction that is always rolled back; the gate's
    refusal, if it refused (for admin views that must show a message)."""
    try:
        with transaction.atomic():
            action()
            raise _DryRun(None)
    except _DryRun:
        return None
    except PublicationBlocked as refused:
        return refused


def judge_move(page: Any, parent_after: Any) -> GateResult | None:
    """The verdict on a live product as it would be under ``parent_after``.

    Made in a transaction that is always rolled back; ``None`` for a page
    that is not a live product.
    """
    from treebeard.mp_tree import MP_MoveHandler
    from wagtail.models import Page

    from contenthub.models import ProductPage

    specific = page.specific
    if not isinstance(specific, ProductPage) or not specific.live:
        return None
    try:
        with transaction.atomic():
            node = Page.objects.get(pk=page.pk)
            new_url_path = node.set_url_path(parent=parent_after)
            MP_MoveHandler(
                node, Page.objects.get(pk=parent_after.pk), "last-child"
            ).process()
            ProductPage.objects.filter(pk=page.pk).update(url_path=new_url_path)
            moved = ProductPage.objects.get(pk=page.pk)
            raise _DryRun(judge(moved, path="verplaatsen", record=False).result)
    except _DryRun as dry:
        return dry.result


def refuse_failing_move(sender, instance, parent_page_after, **kwargs) -> None:
    """``pre_page_move``: a move that makes a live product fail does not happen."""
    result = judge_move(instance, parent_page_after)
    if result is not None and not result.passed:
        _refuse(instance.specific, result, path="verplaatsen")


def hold_moved_page(sender, instance, **kwargs) -> None:
    """``post_page_move``: store the moved product's renderings with their approval."""
    from contenthub.models import ProductPage

    specific = instance.specific
    if not isinstance(specific, ProductPage):
        return
    try:
        hold_live_page(specific, path="verplaatsen")
    except PublicationBlocked:
        # Judged before the move; should the verdict differ now, the old
        # renderings no longer match and are not served.
        logger.exception("Verplaatst product tegengehouden: pagina %s", instance.pk)


# The clock --------------------------------------------------------------------


def herkeur(pages: Iterable[ProductPage] | None = None, *, path: str = "klok") -> dict:
    """Judge every live product whose stored approval no longer matches its inputs.

    Run when time passes an ``expire_at`` or ``go_live_at`` (a related product
    leaves or joins the catalogue). Each product is its own change: one that
    fails keeps no rendering a channel would show, the others are stored.
    """
    from contenthub.models import ProductPage
    from renderers.services import withdraw_renderings

    pages = (
        list(pages)
        if pages is not None
        else list(ProductPage.objects.live().order_by("path"))
    )
    outcome = {"ongewijzigd": 0, "opgeslagen": 0, "tegengehouden": []}
    for page in pages:
        try:
            with transaction.atomic():
                stored = hold_live_page(page, path=path, reuse=False)
        except PublicationBlocked as refused:
            for callback in getattr(refused, "after_rollback", ()):
                callback()
            withdraw_renderings([page.pk])
            outcome["tegengehouden"].append((page, refused.result))
            continue
        outcome["opgeslagen" if stored else "ongewijzigd"] += 1
    return outcome


def schedule_clock(page: ProductPage) -> None:
    """At the page's ``expire_at`` / ``go_live_at``, and at those of the related
    products it lists, judge the products that link to the page that changes.

    Which products list a page is asked when the task runs, not now: a
    product that adds it as related later is judged as well. Only with a task
    backend that can defer (the database queue, Redis); otherwise
    ``manage.py herkeur`` (every minute from cron) does it.
    """
    from django.utils import timezone
    from django_tasks import default_task_backend

    from contenthub.models import ProductPage as Model

    if not default_task_backend.supports_defer:
        return
    now = timezone.now()
    moments = {
        (page.pk, moment)
        for moment in (page.expire_at, page.go_live_at)
        if moment and moment > now
    }
    related_ids = [
        item.product_id for item in page.gerelateerde_producten.all() if item.product_id
    ]
    if related_ids:
        for pk, *times in Model.objects.filter(pk__in=related_ids).values_list(
            "pk", "expire_at", "go_live_at"
        ):
            moments |= {(pk, moment) for moment in times if moment and moment > now}
    for pk, moment in sorted(moments):
        transaction.on_commit(
            lambda pk=pk, moment=moment: herkeur_related_task.using(
                run_after=moment
            ).enqueue(pk)
        )


def hold_referrers(page: ProductPage) -> int:
    """Judge the live products that list ``page`` as related, when their stored
    approval no longer holds; one that fails refuses the change of ``page``."""
    from contenthub.models import ProductPage

    ids = related_to(page)[1:]
    if not ids:
        return 0
    referrers = ProductPage.objects.live().filter(pk__in=ids).order_by("path")
    return hold_products(referrers, path=current_path_or("code"))


def hold_translation_source(page: ProductPage) -> int:
    """After a translation changed: judge its live Dutch source again when its
    inputs changed (its SDG document carries the English text); one that
    fails refuses the change of the translation."""
    from contenthub.talen import is_translation
    from contenthub.vertaling import dutch_source

    if not is_translation(page):
        return 0
    source = dutch_source(page)
    if source is None or not source.live:
        return 0
    return hold_products([source], path=current_path_or("vertaling"))


def refresh_translations(page: ProductPage) -> int:
    """After a Dutch product was stored: its live translations whose channels
    should now say (or no longer say) that they are out of date are judged
    and stored again, each on its own.

    The Dutch publication is never held back by a translation: a translation
    the gate refuses is recorded (its verdict) and keeps its approved
    rendering, which the notice does not invalidate (``renderers.approval``).
    Costs nothing for a product without a translation in a gemeente without
    English pages; one query for the translations otherwise.
    """
    from contenthub.structured import gemeente_has_english
    from contenthub.talen import is_translation
    from contenthub.vertaling import live_translations
    from renderers.services import stored_outdated_notice

    if is_translation(page) or not page.live or not gemeente_has_english(page):
        return 0
    stored = 0
    for translation in live_translations(page):
        snapshot = product_snapshot(
            translation, revision_id=translation.live_revision_id
        )
        if snapshot.verouderd == stored_outdated_notice(
            translation
        ) and stored_approval_holds(translation, inputs_fingerprint(snapshot)):
            continue
        try:
            with transaction.atomic():
                judgement = judge(
                    translation,
                    path=current_path_or("vertaling"),
                    snapshot=snapshot,
                )
                if not judgement.result.passed:
                    raise PublicationBlocked(
                        judgement.result,
                        page=translation,
                        revision_id=translation.live_revision_id,
                    )
                store_renderings(
                    translation,
                    approval=judgement.approval,
                    snapshot=snapshot,
                    renderings=judgement.renderings,
                    revision=translation.live_revision,
                )
        except PublicationBlocked as refused:
            logger.warning(
                "Vertaling niet opnieuw opgeslagen: %s\n%s",
                translation.title,
                refused.result.summary(),
            )
            record_verdict(
                page=translation,
                result=refused.result,
                revision_id=translation.live_revision_id,
                path=current_path_or("vertaling"),
            )
            continue
        stored += 1
    return stored


def current_path_or(default: str) -> str:
    from .paths import current_path

    return current_path() or default


def related_to(page: ProductPage) -> list[int]:
    """The page itself and every product that lists it as related."""
    from contenthub.models import GerelateerdProduct

    return [
        page.pk,
        *GerelateerdProduct.objects.filter(product_id=page.pk).values_list(
            "page_id", flat=True
        ),
    ]


@task()
def herkeur_related_task(page_id: int) -> int:
    """At a product's ``expire_at`` / ``go_live_at``: it and every live product
    that lists it, judged again; those whose inputs changed are stored anew."""
    from contenthub.models import ProductPage

    page = ProductPage.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    pages = ProductPage.objects.live().filter(pk__in=related_to(page)).order_by("path")
    return herkeur(pages)["opgeslagen"]


@task()
def herkeur_task(page_ids: list[int]) -> int:
    from contenthub.models import ProductPage

    pages = ProductPage.objects.live().filter(pk__in=page_ids).order_by("path")
    return herkeur(pages)["opgeslagen"]


def kosten_wissel(op: _dt.date | None = None) -> dict:
    """On the day a fee row starts or the day after one ends, judge and store
    again every live product with such a row, so every channel shows the fee
    of the day. Idempotent: a product already stored for today is unchanged.

    Run daily from cron (``manage.py kostenwissel``); ``manage.py herkeur``
    would find the same products, this only looks at the affected ones.
    """
    from django.utils import timezone

    from contenthub.models import ProductPage

    op = op or timezone.localdate()
    gisteren = op - _dt.timedelta(days=1)
    affected = []
    for page in ProductPage.objects.live().order_by("path"):
        for child in page.kosten:
            if (
                child.value.get("geldig_vanaf") == op
                or child.value.get("geldig_tot") == gisteren
            ):
                affected.append(page)
                break
    outcome = herkeur(affected, path="klok")
    logging.getLogger(__name__).info(
        "Kostenwissel %s: %d producten geraakt, %d opgeslagen, %d ongewijzigd, "
        "%d tegengehouden",
        op.isoformat(),
        len(affected),
        outcome["opgeslagen"],
        outcome["ongewijzigd"],
        len(outcome["tegengehouden"]),
    )
    return outcome
