"""Rendered once, at publication; snippets that change reach every rendering."""

from __future__ import annotations

import pytest

from renderers.models import ChannelRendering

pytestmark = pytest.mark.django_db

EXPECTED = {
    ("web", ""), ("web", "fragment"), ("app", ""), ("tweet", ""), ("tweet", "thread"),
    ("brief", ""), ("brief", "pdf"), ("chatbot", ""), ("chatbot", "tekst"),
    ("samenwerkende_catalogi", ""), ("sdg", ""), ("kcc", ""), ("kcc", "vac"),
    ("open_product", ""),
}  # fmt: skip


def test_publishing_stores_every_channel_with_its_revision(product):
    revision = product.save_revision()
    revision.publish()
    stored = ChannelRendering.objects.filter(page=product)
    assert {(r.channel, r.variant) for r in stored} == EXPECTED
    assert {r.revision_id for r in stored} == {revision.pk}
    assert all(r.etag.startswith('"') for r in stored)
    pdf = stored.get(channel="brief", variant="pdf")
    assert bytes(pdf.binary).startswith(b"%PDF")


def test_a_publication_renders_every_channel_once(product, monkeypatch):
    """The gate renders the version going live; storage keeps those renderings."""
    import renderers.services
    from contenthub.structured import product_snapshot

    calls = []
    render_all = renderers.services.render_all

    def counting(snapshot, **kwargs):
        calls.append(snapshot.revision_id)
        return render_all(snapshot, **kwargs)

    monkeypatch.setattr(renderers.services, "render_all", counting)
    revision = product.save_revision()
    revision.publish()
    assert calls == [revision.pk]

    # What was stored is what rendering the live page now gives (the dated
    # channels included: the gate saw the new publication date).
    product.refresh_from_db()
    fresh = render_all(product_snapshot(product, revision_id=revision.pk))
    stored = {
        (r.channel, r.variant): r.etag
        for r in ChannelRendering.objects.filter(page=product)
    }
    assert stored == {
        (r.channel, r.variant): r.etag
        for r in fresh
        if r.media_type != "application/pdf"
    } | {("brief", "pdf"): stored[("brief", "pdf")]}


def test_a_changed_slug_is_rendered_with_the_new_link(product):
    product.save_revision().publish()
    product.slug = "paspoort-aanvragen"
    product.save_revision().publish()
    web = ChannelRendering.objects.get(page=product, channel="web", variant="")
    assert "/paspoort-aanvragen/" in web.content


def test_a_new_revision_replaces_the_renderings(product):
    product.save_revision().publish()
    product.kort_antwoord = "U vraagt een paspoort aan bij de balie. Het kost € 83,87."
    revision = product.save_revision()
    revision.publish()
    tweet = ChannelRendering.objects.get(page=product, channel="tweet", variant="")
    assert tweet.revision_id == revision.pk
    assert tweet.content.startswith(
        "U vraagt een paspoort aan bij de balie. Het kost € 83,87."
    )
    assert ChannelRendering.objects.filter(page=product).count() == len(EXPECTED)


def test_a_changed_contactpunt_is_rendered_again_in_every_product(
    make_product, contactpunt, django_capture_on_commit_callbacks
):
    pages = [make_product(slug=f"product-{n}") for n in range(2)]
    for page in pages:
        page.save_revision().publish()
    before = {
        r.pk: r.content
        for r in ChannelRendering.objects.filter(page__in=pages, variant="")
    }

    with django_capture_on_commit_callbacks(execute=True):
        contactpunt.telefoon = "14 0888"
        contactpunt.save()

    changed = ChannelRendering.objects.filter(page__in=pages, variant="")
    for rendering in changed:
        if rendering.channel in {"web", "app", "chatbot", "brief"}:
            assert "14 0888" in rendering.content, rendering
            assert rendering.content != before[rendering.pk]


def test_an_unpublished_product_is_not_rendered(make_product):
    draft = make_product(slug="concept", live=False)
    draft.save_revision()
    assert not ChannelRendering.objects.filter(page=draft).exists()
