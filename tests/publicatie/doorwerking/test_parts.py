"""A run in the task queue is one part per gemeente, so workers share it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from contenthub.models import ProductPage
from publicatie import doorwerking as module
from publicatie.doorwerking import (
    doorwerking_part_task,
    doorwerking_task,
    plan_parts,
    record_doorwerking,
    run_doorwerking,
)
from publicatie.models import Doorwerking, DoorwerkingResultaat

from .conftest import (
    NIEUW_KORT_ANTWOORD,
    make_basistekst,
    make_gemeente,
    publish,
)

pytestmark = pytest.mark.django_db
Uitkomst = DoorwerkingResultaat.Uitkomst


def test_the_parts_follow_the_gemeenten_in_tree_order():
    rows = [
        (1, "Paspoort", "000100020001"),
        (2, "ID-kaart", "0001000200010001"),
        (3, "Paspoort", "000100030001"),
        (4, "Rijbewijs", "000100020002"),
    ]

    assert plan_parts(rows) == [
        ((1, "Paspoort"), (2, "ID-kaart"), (4, "Rijbewijs")),
        ((3, "Paspoort"),),
    ]


@pytest.fixture
def run():
    """Two gemeenten inherit a basistekst whose new text waits to be carried."""
    basistekst = make_basistekst()
    pages = [
        publish(make_gemeente(slug, naam).product(basistekst=basistekst))
        for slug, naam in (("eerstedorp", "Eerstedorp"), ("tweedeburg", "Tweedeburg"))
    ]
    basistekst.kort_antwoord = NIEUW_KORT_ANTWOORD
    basistekst.save_revision().publish()
    basistekst.refresh_from_db()
    Doorwerking.objects.all().delete()
    return record_doorwerking(basistekst), pages


class Queue:
    """Stands in for the task queue: keeps what the run queued."""

    def __init__(self) -> None:
        self.queued: list[tuple] = []

    def enqueue(self, *args) -> None:
        self.queued.append(args)


def queued_parts(monkeypatch) -> list[tuple]:
    queue = Queue()
    monkeypatch.setattr(module, "doorwerking_part_task", queue)
    return queue.queued


def test_the_task_queues_a_part_per_gemeente_and_the_last_part_ends_the_run(
    run, monkeypatch
):
    doorwerking, pages = run
    queued = queued_parts(monkeypatch)
    notified = []
    monkeypatch.setattr(module, "notify", lambda d: notified.append(d.pk))

    assert doorwerking_task.call(doorwerking.pk) == 2
    assert queued == [(doorwerking.pk, [pages[0].pk]), (doorwerking.pk, [pages[1].pk])]
    doorwerking.refresh_from_db()
    assert (doorwerking.status, doorwerking.delen, doorwerking.delen_klaar) == (
        Doorwerking.Status.BEZIG,
        2,
        0,
    )

    # The parts may end in any order; the second to end ends the run.
    doorwerking_part_task.call(*queued[1])
    doorwerking.refresh_from_db()
    assert (doorwerking.status, doorwerking.verwerkt, doorwerking.delen_klaar) == (
        Doorwerking.Status.BEZIG,
        1,
        1,
    )
    assert notified == []

    doorwerking_part_task.call(*queued[0])
    doorwerking.refresh_from_db()
    assert (doorwerking.status, doorwerking.verwerkt, doorwerking.bijgewerkt) == (
        Doorwerking.Status.KLAAR,
        2,
        2,
    )
    assert doorwerking.klaar_op is not None
    assert notified == [doorwerking.pk]
    assert {ProductPage.objects.get(pk=page.pk).kort_antwoord for page in pages} == {
        NIEUW_KORT_ANTWOORD
    }


def test_a_part_that_ends_after_the_run_ended_does_not_end_it_again(run, monkeypatch):
    doorwerking, _ = run
    queued = queued_parts(monkeypatch)
    notified = []
    monkeypatch.setattr(module, "notify", lambda d: notified.append(d.pk))
    doorwerking_task.call(doorwerking.pk)
    for args in queued:
        doorwerking_part_task.call(*args)

    # A worker that retries a part (the queue delivered it twice).
    doorwerking_part_task.call(*queued[0])

    assert notified == [doorwerking.pk]
    assert Doorwerking.objects.get(pk=doorwerking.pk).status == Doorwerking.Status.KLAAR


def test_a_part_that_stops_leaves_the_other_gemeente_done_and_the_run_failed(
    run, monkeypatch
):
    doorwerking, pages = run
    queued = queued_parts(monkeypatch)
    process = module._process

    def broken_for_the_first(doorwerking, page_id, title):
        if page_id == pages[0].pk:
            raise RuntimeError("de database is weg")
        return process(doorwerking, page_id, title)

    monkeypatch.setattr(module, "_process", broken_for_the_first)
    doorwerking_task.call(doorwerking.pk)
    for args in queued:
        doorwerking_part_task.call(*args)

    doorwerking.refresh_from_db()
    assert doorwerking.status == Doorwerking.Status.MISLUKT
    assert doorwerking.melding == "De doorwerking is afgebroken: de database is weg"
    assert doorwerking.delen_klaar == 2
    assert ProductPage.objects.get(pk=pages[0].pk).kort_antwoord != NIEUW_KORT_ANTWOORD
    assert ProductPage.objects.get(pk=pages[1].pk).kort_antwoord == NIEUW_KORT_ANTWOORD


def test_the_command_path_does_every_part_in_one_process_with_progress(run):
    doorwerking, _ = run
    progress = []

    done = run_doorwerking(
        doorwerking.pk,
        on_progress=lambda v: progress.append(
            (v.verwerkt, v.totaal, v.resultaat.uitkomst)
        ),
    )

    assert progress == [(1, 2, Uitkomst.BIJGEWERKT), (2, 2, Uitkomst.BIJGEWERKT)]
    assert (done.status, done.delen, done.delen_klaar) == (
        Doorwerking.Status.KLAAR,
        2,
        2,
    )


def test_the_run_page_counts_the_gemeenten_that_are_done(run, client):
    doorwerking, _ = run
    Doorwerking.objects.filter(pk=doorwerking.pk).update(
        status=Doorwerking.Status.BEZIG, delen=2, delen_klaar=1, verwerkt=1
    )
    client.force_login(User.objects.create_superuser("beheer", password="x"))

    response = client.get(reverse("quality_doorwerking", args=[doorwerking.pk]))

    assert "1 van 2 producten verwerkt; 1 van 2 gemeenten klaar" in " ".join(
        response.content.decode().split()
    )
