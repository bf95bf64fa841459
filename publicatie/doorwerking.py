"""Doorwerking: a published basistekst reaches every product that inherits it.

Products hold a copy of the national texts (see ``inheritance.py``), so a new
version of a basistekst only reaches inwoners when each inheriting product is
published again: a new revision, the publication gate, stored renderings in
every channel. :func:`start_doorwerking` records a run and queues it (after
commit, so the worker sees the published text). In the queue the run is split
into one part per gemeente (:func:`plan_parts`), each its own task, so more
workers finish a national run sooner; the worker that ends the last part ends
the run. :func:`run_doorwerking` does every part in the calling process (the
``doorwerken`` command). Either way each product is processed in its own
transaction.

One part per gemeente, not smaller batches: products of one gemeente list
each other (related products), and publishing one re-judges the others, so
two workers inside one gemeente would wait on each other's row locks.

Per product:

- **live**: the live version gets the national texts and is published
  through the gate (``bijgewerkt``). When the gate refuses the combination
  with the local facts, nothing live changes (version, renderings, API); the
  new version stays as a draft so the editor sees it, and the result is
  ``geblokkeerd`` with the gate's summary. The gemeente's editors get an
  e-mail and see it on their dashboard.
- **an editor's draft** on top of the live version is never lost or buried:
  afterwards it is saved again as the latest revision, with the national
  texts applied, its schedule kept, and its workflow restarted when
  publishing the live version cancelled it.
- **not live** (only drafts): the latest draft gets the national texts as a
  new draft revision (``concept``); nothing is published.
- nothing to change (every inherited field is the gemeente's own, or the
  product already shows this text): ``ongewijzigd``.
- anything unexpected: ``fout`` with the message; that product's changes
  roll back, the run goes on.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log
from wagtail.models import Page, Revision, Site, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from contenthub.inheritance import apply_basistekst, inheriting_products
from contenthub.models import Basistekst, GemeenteInstellingen, ProductPage
from contenthub.talen import is_translation

from .enforcement import publication_path
from .fields import FIELD_LABELS
from .gate import PublicationBlocked, record_verdict
from .records import Doorwerking, DoorwerkingResultaat

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

logger = logging.getLogger("publicatie.doorwerking")

LOG_ACTION = "publicatie.doorwerking"
"""Page history entry for a revision made by a doorwerking."""
RECENT_DAYS = 30
"""How long a blocked product stays on the editor's dashboard."""

Uitkomst = DoorwerkingResultaat.Uitkomst


@dataclass(frozen=True)
class Voortgang:
    """Progress after one product, for whoever watches the run."""

    verwerkt: int
    totaal: int
    resultaat: DoorwerkingResultaat


ProgressCallback = Callable[[Voortgang], None]


def products_of(basistekst: Basistekst) -> QuerySet[ProductPage]:
    """Every product of every gemeente that inherits ``basistekst``, in tree order.

    For an English basistekst: the English translations whose Dutch source
    links to its Dutch original (``inheriting_products``), also those that
    get their first English text now. Aliases follow their source page when
    it is published, so they are left out.
    """
    return (
        inheriting_products(basistekst).filter(alias_of__isnull=True).order_by("path")
    )


def _apply_national_texts(page: ProductPage, basistekst: Basistekst) -> list[str]:
    """The national texts on ``page``; return what changed.

    A Dutch product (or its draft) takes the basistekst it links to, as
    always. A translation that had no English text to inherit yet links to
    the run's translated basistekst now (saving it would link it too:
    ``contenthub.inheritance.link_translated_basistekst``).
    """
    if is_translation(page) and page.basistekst_id != basistekst.pk:
        page.basistekst = basistekst
    return apply_basistekst(page)


def record_doorwerking(
    basistekst: Basistekst,
    *,
    revision: Revision | None = None,
    user: AbstractBaseUser | None = None,
) -> Doorwerking:
    """A new run in the state "wachtend"; nothing is processed yet."""
    return Doorwerking.objects.create(
        basistekst=basistekst,
        revision=revision or basistekst.live_revision,
        gebruiker=user if getattr(user, "pk", None) else None,
        totaal=products_of(basistekst).count(),
    )


def start_doorwerking(
    basistekst: Basistekst,
    *,
    revision: Revision | None = None,
    user: AbstractBaseUser | None = None,
) -> Doorwerking:
    """Record a run and queue it once the current transaction has committed."""
    doorwerking = record_doorwerking(basistekst, revision=revision, user=user)
    if doorwerking.totaal == 0:
        # Nothing inherits it yet (a first publication): done, no task needed.
        now = timezone.now()
        Doorwerking.objects.filter(pk=doorwerking.pk).update(
            status=Doorwerking.Status.KLAAR, gestart_op=now, klaar_op=now
        )
        doorwerking.refresh_from_db()
        return doorwerking
    transaction.on_commit(lambda: doorwerking_task.enqueue(doorwerking.pk), robust=True)
    return doorwerking


Part = tuple[tuple[int, str], ...]
"""The (page id, title) of the products one worker does, in tree order."""


def plan_parts(products: Iterable[tuple[int, str, str]]) -> list[Part]:
    """Split ``(page id, title, path)`` rows, in tree order, into one part per
    gemeente (the tree under each site's home page; a translated home page is
    a tree of its own)."""
    parts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for page_id, title, path in products:
        parts[path[: 2 * Page.steplen]].append((page_id, title))
    return [tuple(part) for part in parts.values()]


@task()
def doorwerking_task(doorwerking_id: int) -> int:
    """Background task: claim a waiting run and queue one part per gemeente
    (:func:`doorwerking_part_task`); returns the number of parts queued.

    A run of one gemeente is done here, without a second task.
    """
    claimed = _claim(doorwerking_id)
    if claimed is None:
        return 0
    doorwerking, parts = claimed
    if len(parts) <= 1:
        try:
            for part in parts:
                _run_part(doorwerking, part)
        finally:
            _end_parts(doorwerking)
        return len(parts)
    for part in parts:
        doorwerking_part_task.enqueue(doorwerking.pk, [page_id for page_id, _ in part])
    return len(parts)


@task()
def doorwerking_part_task(doorwerking_id: int, page_ids: list[int]) -> int:
    """Background task: one gemeente's part of a run; the worker that ends the
    last part ends the run. Returns the number of products processed."""
    doorwerking = Doorwerking.objects.select_related("basistekst", "gebruiker").get(
        pk=doorwerking_id
    )
    # A queue may deliver a task twice: what this run already did is skipped,
    # and a part with nothing left was ended by its first delivery.
    done = set(
        doorwerking.resultaten.filter(page_id__in=page_ids).values_list(
            "page_id", flat=True
        )
    )
    if done and done.issuperset(page_ids):
        logger.info("Doorwerking %s: dit deel is al verwerkt.", doorwerking_id)
        return 0
    titles = dict(
        ProductPage.objects.filter(pk__in=page_ids).values_list("pk", "title")
    )
    part = tuple(
        (page_id, titles.get(page_id, ""))
        for page_id in page_ids
        if page_id not in done
    )
    try:
        _run_part(doorwerking, part)
    finally:
        _end_parts(doorwerking)
    return len(part)


def run_doorwerking(
    doorwerking_id: int, *, on_progress: ProgressCallback | None = None
) -> Doorwerking:
    """Process a waiting run now, every part in this process; a run that
    already started is left alone."""
    claimed = _claim(doorwerking_id)
    if claimed is None:
        return Doorwerking.objects.select_related("basistekst", "gebruiker").get(
            pk=doorwerking_id
        )
    doorwerking, parts = claimed
    totaal = sum(len(part) for part in parts)
    done = 0

    def progress(resultaat: DoorwerkingResultaat) -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(Voortgang(done, totaal, resultaat))

    try:
        for part in parts:
            # A part that stopped ends the run here: the others are not started.
            if not _run_part(doorwerking, part, on_result=progress):
                break
    finally:
        _end_parts(doorwerking, count=max(len(parts), 1))
    doorwerking.refresh_from_db()
    return doorwerking


def _claim(doorwerking_id: int) -> tuple[Doorwerking, list[Part]] | None:
    """Mark a waiting run as started and plan its parts; None when another
    worker already started it."""
    claimed = Doorwerking.objects.filter(
        pk=doorwerking_id, status=Doorwerking.Status.WACHTEND
    ).update(status=Doorwerking.Status.BEZIG, gestart_op=timezone.now())
    doorwerking = Doorwerking.objects.select_related("basistekst", "gebruiker").get(
        pk=doorwerking_id
    )
    if not claimed:
        logger.info("Doorwerking %s is al gestart; niets gedaan.", doorwerking_id)
        return None
    try:
        parts = plan_parts(
            products_of(doorwerking.basistekst).values_list("pk", "title", "path")
        )
    except Exception as error:
        logger.exception("Doorwerking %s afgebroken", doorwerking.pk)
        parts = []
        _stopped(doorwerking, error)
    Doorwerking.objects.filter(pk=doorwerking.pk).update(
        totaal=sum(len(part) for part in parts), delen=max(len(parts), 1)
    )
    return doorwerking, parts


def _run_part(
    doorwerking: Doorwerking,
    part: Part,
    *,
    on_result: Callable[[DoorwerkingResultaat], None] | None = None,
) -> bool:
    """Process one part's products; False when the part stopped half-way (the
    reason is in the run's ``melding``; the products done so far stay done)."""
    try:
        with publication_path("doorwerking", user=doorwerking.gebruiker):
            for page_id, title in part:
                resultaat = _process(doorwerking, page_id, title)
                counter = DoorwerkingResultaat.COUNTERS[resultaat.uitkomst]
                Doorwerking.objects.filter(pk=doorwerking.pk).update(
                    verwerkt=F("verwerkt") + 1, **{counter: F(counter) + 1}
                )
                if on_result is not None:
                    on_result(resultaat)
    except BaseException as error:
        logger.exception("Doorwerking %s afgebroken", doorwerking.pk)
        _stopped(doorwerking, error)
        if not isinstance(error, Exception):
            raise
        return False
    return True


def _stopped(doorwerking: Doorwerking, error: BaseException) -> None:
    # The first reason is kept: later parts of the same run often fail on it too.
    Doorwerking.objects.filter(pk=doorwerking.pk, melding="").update(
        melding=f"De doorwerking is afgebroken: {error}"
    )


def _end_parts(doorwerking: Doorwerking, *, count: int = 1) -> None:
    """Count ``count`` parts as ended; the last one ends the run (once, even
    when two workers end their parts at the same moment) and tells the editors."""
    Doorwerking.objects.filter(pk=doorwerking.pk).update(
        delen_klaar=F("delen_klaar") + count
    )
    ended = Doorwerking.objects.filter(
        pk=doorwerking.pk,
        status=Doorwerking.Status.BEZIG,
        delen_klaar__gte=F("delen"),
    ).update(
        status=Case(
            When(melding="", then=Value(Doorwerking.Status.KLAAR)),
            default=Value(Doorwerking.Status.MISLUKT),
        ),
        klaar_op=timezone.now(),
    )
    if ended:
        doorwerking.refresh_from_db()
        notify(doorwerking)


def _process(
    doorwerking: Doorwerking, page_id: int, title: str
) -> DoorwerkingResultaat:
    try:
        with transaction.atomic():
            return _update_product(doorwerking, page_id)
    except Exception as error:
        logger.exception("Doorwerking %s: product %s mislukt", doorwerking.pk, page_id)
        exists = ProductPage.objects.filter(pk=page_id).exists()
        return DoorwerkingResultaat.objects.create(
            doorwerking=doorwerking,
            page_id=page_id if exists else None,
            titel=title,
            uitkomst=Uitkomst.FOUT,
            melding=(
                f"Dit product is niet bijgewerkt door een fout: {error}"
                if exists
                else "Dit product bestaat niet meer."
            ),
        )


def _update_product(doorwerking: Doorwerking, page_id: int) -> DoorwerkingResultaat:
    # The row lock keeps an editor's publication of this product from
    # interleaving with ours.
    page = ProductPage.objects.select_for_update().get(pk=page_id)
    resultaat = DoorwerkingResultaat(
        doorwerking=doorwerking,
        page=page,
        titel=page.title,
        uitkomst=Uitkomst.ONGEWIJZIGD,
        vorige_live_revision_id=page.live_revision_id,
    )
    editor_draft = _editor_draft(page)
    if not page.live:
        _update_draft_only(doorwerking, page, resultaat)
        resultaat.save()
        return resultaat

    workflow_state = page.current_workflow_state if editor_draft else None
    velden = _apply_national_texts(page, doorwerking.basistekst)
    if velden:
        resultaat.velden = velden
        resultaat.revision = _save_revision(page, doorwerking, velden)
        try:
            with transaction.atomic():
                resultaat.revision.publish(user=None)
            resultaat.uitkomst = Uitkomst.BIJGEWERKT
        except PublicationBlocked as blocked:
            # Nothing live changed; the new version stays as the latest draft.
            resultaat.uitkomst = Uitkomst.GEBLOKKEERD
            resultaat.melding = blocked.result.summary()
            # The gate's verdict went with the rollback: keep it on record
            # (Keuringen), as every other refused publication is.
            record_verdict(
                page=page,
                result=blocked.result,
                revision_id=blocked.revision_id,
                path="doorwerking",
                user=doorwerking.gebruiker,
            )
    if editor_draft is not None:
        concept, concept_velden = _carry_draft_forward(
            editor_draft, doorwerking, force=resultaat.revision is not None
        )
        resultaat.concept_revision = concept
        if concept is not None and resultaat.uitkomst == Uitkomst.ONGEWIJZIGD:
            resultaat.uitkomst = Uitkomst.CONCEPT
            resultaat.velden = concept_velden
        if concept is not None and workflow_state is not None:
            _restart_if_cancelled(workflow_state, page)
    resultaat.save()
    return resultaat


def _editor_draft(page: ProductPage) -> Revision | None:
    """A newer revision than the live one that an editor is working on."""
    if not (
        page.live
        and page.has_unpublished_changes
        and page.latest_revision_id
        and page.latest_revision_id != page.live_revision_id
    ):
        return None
    # A combination an earlier run could not publish is ours, not the editor's.
    if DoorwerkingResultaat.objects.filter(
        revision_id=page.latest_revision_id
    ).exists():
        return None
    return page.latest_revision


def _update_draft_only(
    doorwerking: Doorwerking, page: ProductPage, resultaat: DoorwerkingResultaat
) -> None:
    latest = page.latest_revision
    draft = Revision.objects.get(pk=latest.pk).as_object() if latest else page
    velden = _apply_national_texts(draft, doorwerking.basistekst)
    if not velden:
        return
    resultaat.uitkomst = Uitkomst.CONCEPT
    resultaat.velden = velden
    resultaat.concept_revision = _save_revision(
        draft,
        doorwerking,
        velden,
        approved_go_live_at=latest.approved_go_live_at if latest else None,
        concept=True,
    )
    if latest is not None and latest.approved_go_live_at:
        Revision.objects.filter(pk=latest.pk).update(approved_go_live_at=None)


def _carry_draft_forward(
    editor_draft: Revision, doorwerking: Doorwerking, *, force: bool
) -> tuple[Revision | None, list[str]]:
    """Save the editor's draft again, on top, with the national texts.

    ``force``: we made a newer revision, so the draft must be saved again to
    stay the latest, even when it already carried this national text.
    """
    # A fresh load: the publication changed the page row since.
    draft = Revision.objects.get(pk=editor_draft.pk).as_object()
    velden = _apply_national_texts(draft, doorwerking.basistekst)
    if not velden and not force:
        return None, []
    revision = _save_revision(
        draft,
        doorwerking,
        velden,
        approved_go_live_at=editor_draft.approved_go_live_at,
        concept=True,
    )
    if editor_draft.approved_go_live_at:
        # The schedule moves to the new revision; the old one must not go live too.
        Revision.objects.filter(pk=editor_draft.pk).update(approved_go_live_at=None)
    return revision, velden


def _save_revision(
    page: ProductPage,
    doorwerking: Doorwerking,
    velden: list[str],
    *,
    approved_go_live_at: Any = None,
    concept: bool = False,
) -> Revision:
    # clean=False: a combination that fails validation must still be saved,
    # so the editor sees it; the gate (which validates) decides on publication.
    revision = page.save_revision(
        user=None, approved_go_live_at=approved_go_live_at, clean=False
    )
    log(
        instance=page,
        action=LOG_ACTION,
        user=None,
        revision=revision,
        content_changed=True,
        data={
            "basistekst": {
                "id": doorwerking.basistekst_id,
                "titel": str(doorwerking.basistekst),
            },
            "doorwerking": doorwerking.pk,
            "velden": velden,
            "concept": concept,
        },
    )
    return revision


def _restart_if_cancelled(workflow_state: WorkflowState, page: ProductPage) -> None:
    # Publishing the live version cancels a workflow in progress (Wagtail's
    # WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH); the editor's draft goes back to
    # review, now with the national text in it.
    workflow_state.refresh_from_db()
    if workflow_state.status != WorkflowState.STATUS_CANCELLED:
        return
    workflow_state.workflow.start(
        ProductPage.objects.get(pk=page.pk), workflow_state.requested_by
    )


# Who sees what -----------------------------------------------------------------


def sees_every_result(user: AbstractBaseUser) -> bool:
    """Beheerders of the whole hub and the national editors of basisteksten."""
    return user.is_superuser or user.has_perm("contenthub.change_basistekst")


def editable_products(user: AbstractBaseUser) -> QuerySet[Any]:
    """The pages ``user`` may edit, as a subquery."""
    return (
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, {"change"})
        .values("pk")
    )


def may_view_doorwerkingen(user: AbstractBaseUser) -> bool:
    """Anyone who edits products or basisteksten follows the doorwerkingen."""
    return user.is_active and (
        sees_every_result(user)
        or PagePermissionPolicy().user_has_any_permission(user, {"change"})
    )


def visible_results(
    user: AbstractBaseUser, doorwerking: Doorwerking
) -> QuerySet[DoorwerkingResultaat]:
    """The results of one run that ``user`` may see: all, or their own gemeente's."""
    results = doorwerking.resultaten.select_related("page").order_by("pk")
    if sees_every_result(user):
        return results
    return results.filter(page__in=editable_products(user))


def doorwerkingen_for(user: AbstractBaseUser) -> QuerySet[Doorwerking]:
    """The runs ``user`` follows, newest first.

    National editors see every run with national counts. A gemeente's editor
    sees runs that touched their products (and runs still waiting or busy),
    with counts of their own products only: another gemeente's blocked
    products are theirs to know.
    """
    runs = (
        Doorwerking.objects.select_related("basistekst", "gebruiker")
        # A first publication that no product inherits yet carried nothing
        # ("0 van 0"): it stays on record, but the list shows real runs only.
        .exclude(totaal=0)
        .order_by("-aangemaakt_op", "-pk")
    )
    if sees_every_result(user):
        return runs
    mine = Q(resultaten__page__in=editable_products(user))
    own = DoorwerkingResultaat.objects.filter(
        doorwerking=OuterRef("pk"), page__in=editable_products(user)
    )
    return runs.filter(
        Exists(own)
        | Q(status__in=[Doorwerking.Status.WACHTEND, Doorwerking.Status.BEZIG])
    ).annotate(
        **{
            f"eigen_{counter}": Count(
                "resultaten", filter=mine & Q(resultaten__uitkomst=uitkomst)
            )
            for uitkomst, counter in DoorwerkingResultaat.COUNTERS.items()
        }
    )


def visible_counts(doorwerking: Doorwerking) -> dict[str, int]:
    """Outcome counts as :func:`doorwerkingen_for` allows: national or own."""
    return {
        counter: getattr(doorwerking, f"eigen_{counter}", getattr(doorwerking, counter))
        for counter in DoorwerkingResultaat.COUNTERS.values()
    }


def blocked_for_user(
    user: AbstractBaseUser, *, days: int = RECENT_DAYS
) -> QuerySet[DoorwerkingResultaat]:
    """Products ``user`` can edit that a recent run could not publish, still unsolved.

    Solved means: the product has been published since (its live version is
    no longer the one the run kept), or a later run handled it.
    """
    newer = DoorwerkingResultaat.objects.filter(
        page=OuterRef("page"), pk__gt=OuterRef("pk")
    )
    results = (
        DoorwerkingResultaat.objects.filter(
            uitkomst=Uitkomst.GEBLOKKEERD,
            verwerkt_op__gte=timezone.now() - timedelta(days=days),
            page__live_revision=F("vorige_live_revision"),
        )
        .exclude(Exists(newer))
        .select_related("page", "doorwerking__basistekst")
        .order_by("-pk")
    )
    if not user.is_superuser:
        results = results.filter(page__in=editable_products(user))
    return results


def gemeente_names(pages: Iterable[ProductPage]) -> dict[int, str]:
    """The gemeente (site) of each page, by page id, in two queries (none for no pages)."""
    pages = list(pages)
    if not pages:
        return {}
    sites = sorted(
        Site.objects.values_list("pk", "site_name", "root_page__path"),
        key=lambda row: -len(row[2]),
    )
    names = dict(
        GemeenteInstellingen.objects.exclude(naam="").values_list("site_id", "naam")
    )
    found: dict[int, str] = {}
    for page in pages:
        for site_id, site_name, root_path in sites:
            if page.path.startswith(root_path):
                found[page.pk] = names.get(site_id) or site_name or ""
                break
    return found


# Telling the right people -----------------------------------------------------


def field_labels(velden: Iterable[str]) -> str:
    return ", ".join(FIELD_LABELS.get(veld, veld).lower() for veld in velden)


def editors_of(page: ProductPage) -> QuerySet[Any]:
    """Active users with an e-mail address who may edit ``page``.

    Superusers are left out on purpose: they oversee every gemeente and see
    blocked products on their dashboard and in the Doorwerkingen list.
    """
    return (
        PagePermissionPolicy()
        .users_with_permission_for_instance("change", page, include_superusers=False)
        .exclude(email="")
        .order_by("pk")
    )


def notify(doorwerking: Doorwerking) -> int:
    """Mail each gemeente editor about their blocked products; return mails sent."""
    blocked = list(
        doorwerking.resultaten.filter(uitkomst=Uitkomst.GEBLOKKEERD)
        .exclude(page=None)
        .select_related("page")
    )
    if not blocked:
        return 0
    gemeenten = gemeente_names(r.page for r in blocked)
    per_user: dict[int, tuple[Any, list[DoorwerkingResultaat]]] = {}
    for resultaat in blocked:
        for user in editors_of(resultaat.page):
            per_user.setdefault(user.pk, (user, []))[1].append(resultaat)
    sent = 0
    for user, results in per_user.values():
        try:
            send_mail(
                _subject(doorwerking, results),
                _body(doorwerking, results, gemeenten),
                None,
                [user.email],
            )
            sent += 1
        except Exception:
            logger.exception(
                "E-mail over doorwerking %s niet verstuurd", doorwerking.pk
            )
    return sent


def _subject(doorwerking: Doorwerking, results: list[DoorwerkingResultaat]) -> str:
    if len(results) == 1:
        return f"Niet gepubliceerd: '{results[0].titel}' na een nieuwe landelijke tekst"
    return f"Niet gepubliceerd: {len(results)} producten na een nieuwe landelijke tekst"


def _body(
    doorwerking: Doorwerking,
    results: list[DoorwerkingResultaat],
    gemeenten: dict[int, str],
) -> str:
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    by_gemeente: dict[str, list[DoorwerkingResultaat]] = defaultdict(list)
    for resultaat in results:
        by_gemeente[gemeenten.get(resultaat.page_id, "")].append(resultaat)
    lines = [
        "Beste redacteur,",
        "",
        f"De landelijke redactie heeft de basistekst '{doorwerking.basistekst}' "
        "bijgewerkt. Bij de producten hieronder is de nieuwe tekst niet "
        "gepubliceerd, omdat de combinatie met de eigen gegevens van uw gemeente "
        "niet door de publicatiecontrole komt. Inwoners zien daar nog de vorige "
        "versie, op de website en in de andere kanalen.",
        "",
        "De nieuwe versie staat als concept klaar. Open het product, verbeter wat "
        "hieronder staat en publiceer het.",
    ]
    for gemeente, items in by_gemeente.items():
        if gemeente:
            lines += ["", f"Gemeente: {gemeente}"]
        for resultaat in items:
            edit = reverse("wagtailadmin_pages:edit", args=(resultaat.page_id,))
            lines += [
                "",
                f"* {resultaat.titel}",
                f"  Aanpassen: {base_url}{edit}",
                *(f"  {regel}" for regel in resultaat.melding.splitlines()),
            ]
    lines += ["", "Met vriendelijke groet,", "De contenthub"]
    return "\n".join(lines)


def gemeente_counts(doorwerking: Doorwerking) -> dict[str, int]:
    """How many gemeenten took the new text and how many the gate held back.

    A gemeente took it when at least one of its products got the text (live
    or in its draft); it refused when the gate held back at least one (or
    one failed). A gemeente with both is counted in both.
    """
    took = {Uitkomst.BIJGEWERKT, Uitkomst.CONCEPT}
    refused = {Uitkomst.GEBLOKKEERD, Uitkomst.FOUT}
    results = list(
        doorwerking.resultaten.filter(page__isnull=False)
        .select_related("page")
        .only("uitkomst", "page__path")
    )
    names = gemeente_names(r.page for r in results)
    per_gemeente: dict[str, set[str]] = defaultdict(set)
    for result in results:
        per_gemeente[names.get(result.page_id, "")].add(result.uitkomst)
    return {
        "gemeenten": len(per_gemeente),
        "overgenomen": sum(1 for found in per_gemeente.values() if found & took),
        "tegengehouden": sum(1 for found in per_gemeente.values() if found & refused),
    }


def summary_counts(doorwerking: Doorwerking) -> dict[str, int]:
    """The outcome counters by Dutch label, for the command and the mails."""
    return {
        "gepubliceerd": doorwerking.bijgewerkt,
        "tegengehouden": doorwerking.geblokkeerd,
        "alleen concept": doorwerking.concepten,
        "ongewijzigd": doorwerking.ongewijzigd,
        "fout": doorwerking.fouten,
    }


__all__ = [
    "LOG_ACTION",
    "Voortgang",
    "blocked_for_user",
    "doorwerkingen_for",
    "editable_products",
    "editors_of",
    "gemeente_counts",
    "gemeente_names",
    "may_view_doorwerkingen",
    "notify",
    "products_of",
    "record_doorwerking",
    "run_doorwerking",
    "sees_every_result",
    "start_doorwerking",
    "visible_counts",
    "visible_results",
]
