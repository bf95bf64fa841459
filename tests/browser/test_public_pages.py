"""Every public page type, every preview mode and the editor's flows in one
run of Debian's headless Chromium (one browser, one live server).

For home, theme, product, search results, 404 and 500, at 360 and 1280 px: a
full-page screenshot in ``screenshots/`` (git-ignored, see the README),
axe-core with 0 violations at WCAG 2.2 AA, no element in a fallback font (the
browser's default serif) and no sideways scrolling; and the product page as
printed (the print stylesheet leaves out the search form).

At 1280 px, screenshots of each preview mode of a product and of a
basistekst (in a gemeente's product), the PDF letter included (opened from a
file in Chromium's own PDF viewer), and of the editor, logged in: the
"eigen tekst" box opening its field the moment it is ticked, "Indienen" of a
version the gate holds (back to the writer with the findings), "Indienen met
vraag om hulp", a doorwerking's page and the basistekst editor's Controle
tab. Wagtail's own admin is not audited
with axe here; the hub's public pages are.

Skipped with a message when Chromium or axe-core is missing
(``scripts/browser-deps``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse
from PIL import Image
from wagtail.models import Site

from contenthub.models import GemeenteInstellingen
from contenthub.views import server_error
from publicatie.submission import HELP_VALUE
from publicatie.workflow import ensure_gemeente_workflow
from renderers.preview import PREVIEW_MODES
from tests.factories import (
    BasistekstFactory,
    ContactpuntFactory,
    ProductPageFactory,
    ThemaPageFactory,
)
from tests.publicatie.conftest import BAD_TEXT
from toegankelijkheid.browser import WCAG_AA_TAGS, missing

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("site_pages.mjs")
SCREENSHOTS = ROOT / "screenshots"
WIDTHS = [360, 1280]
MISSING = missing()

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"Browsertest overgeslagen / browser test skipped: {MISSING}",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def gemeente(home):
    home.title = "Gemeente Testdorp"
    home.intro = "Hier vindt u alle producten en diensten van de gemeente."
    home.save_revision().publish()
    instellingen = GemeenteInstellingen.objects.create(
        site=Site.objects.get(is_default_site=True),
        naam="Gemeente Testdorp",
        website="",
        postadres="Postbus 1\n9999 ZZ Testdorp",
        telefoon="14 0123",
        email="info@testdorp.example",
        huiskleur="#00594f",
    )
    thema = ThemaPageFactory(
        parent=home, title="Paspoort en ID-kaart", slug="paspoort-en-id-kaart"
    )
    thema.intro = "Een paspoort of ID-kaart aanvragen."
    thema.save_revision().publish()
    product = ProductPageFactory(
        parent=thema,
        slug="paspoort",
        title="Paspoort aanvragen",
        contact=ContactpuntFactory(naam="Publiekszaken", telefoon="14 0123"),
    )
    product.save_revision().publish()
    return instellingen


def run_pages(pages: list[dict], *, cookies: list[dict] | None = None) -> list[dict]:
    SCREENSHOTS.mkdir(exist_ok=True)
    payload = {
        "cookies": cookies or [],
        "pages": pages,
        "widths": WIDTHS,
        "out": str(SCREENSHOTS),
        "axe": {"runOnly": {"type": "tag", "values": list(WCAG_AA_TAGS)}},
    }
    completed = subprocess.run(
        [shutil.which("node") or "node", str(SCRIPT)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture(scope="module")
def restores_migration_data(django_db_blocker):
    """Put back what the migrations created after the flush of this
    transactional test (like tests/toegankelijkheid/test_browser_axe.py)."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


def preview_pages(obj, request, *, prefix: str, origin: str, pdf_dir: Path) -> list:
    """Each preview mode of ``obj`` as the editor's preview panel shows it."""
    pages = []
    for mode, _label, _channel, _variant in PREVIEW_MODES:
        response = obj.serve_preview(request, mode)
        if hasattr(response, "render"):
            response.render()
        name = f"{prefix}-{mode or 'web'}"
        item = {"name": name, "widths": [1280], "audit": False}
        if response["Content-Type"] == "application/pdf":
            pdf = pdf_dir / f"{name}.pdf"
            pdf.write_bytes(response.content)
            item |= {"url": pdf.as_uri(), "settle": 3000}
        else:
            item |= {"html": response.content.decode(), "origin": origin}
        pages.append(item)
    return pages


@pytest.fixture
def editor_pages(live_server, gemeente, tmp_path):
    """The previews and the editor's screens, and the session of a beheerder."""
    from publicatie.models import Doorwerking

    site = gemeente.site
    ensure_gemeente_workflow(site)
    beheerder = User.objects.create_superuser(
        "beheerder", "beheer@testdorp.example", "x"
    )
    product = ProductPageFactory._meta.model.objects.get(slug="paspoort")
    thema = product.get_parent()

    # Each preview mode, rendered as the editor's preview panel shows it.
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = beheerder
    origin = f"{live_server.url}/huisstijl.css"
    previews = preview_pages(
        product, request, prefix="voorbeeld", origin=origin, pdf_dir=tmp_path
    )

    basistekst = BasistekstFactory(live=False)
    basistekst.save_revision().publish()
    inheriting = ProductPageFactory(
        parent=thema, slug="paspoort-landelijk", basistekst=basistekst, live=False
    )
    inheriting.save_revision().publish()
    basistekst.kort_antwoord = (
        "U vraagt een paspoort aan bij de gemeente. Neem een pasfoto mee."
    )
    basistekst.save_revision().publish()  # a doorwerking to every product
    doorwerking = Doorwerking.objects.filter(basistekst=basistekst).latest("pk")
    # The basistekst's previews: an unsaved draft, in the gemeente's product.
    basistekst.kort_antwoord = (
        "U vraagt een paspoort aan bij uw gemeente. Neem een nieuwe pasfoto mee."
    )
    previews += preview_pages(
        basistekst,
        request,
        prefix="voorbeeld-basistekst",
        origin=origin,
        pdf_dir=tmp_path,
    )
    basistekst.refresh_from_db()
    basistekst.wat_is_het = BAD_TEXT
    basistekst.save_revision()  # a draft its Controle tab finds fault with

    def failing_draft(slug):
        page = ProductPageFactory(
            parent=thema, slug=slug, title=f"Paspoort ({slug})", live=False
        )
        page.wat_is_het = BAD_TEXT
        page.save_revision()
        return page

    tegengehouden = failing_draft("paspoort-concept")
    hulp = failing_draft("paspoort-hulp")

    def edit(page):
        return f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=(page.pk,))}"

    eigen = '[data-eigen-veld="eigen_kort_antwoord"]'
    help_text = (
        '.w-field__wrapper:has(input[name="eigen_kort_antwoord"]) .w-field__help'
    )
    probe = [f"{eigen} [data-eigen]", f"{eigen} [data-landelijk]", help_text]
    editor = [
        {"name": "editor-product", "url": edit(inheriting), "probe": probe},
        {
            "name": "editor-eigen-tekst-aangevinkt",
            "url": edit(inheriting),
            "click": ['input[name="eigen_kort_antwoord"]'],
            "probe": probe,
        },
        {
            "name": "editor-indienen-tegengehouden",
            "url": edit(tegengehouden),
            "submit": 'button[name="action-submit"]:not([value="hulp"])',
            "probe": [".messages"],
        },
        {
            "name": "editor-indienen-met-vraag-om-hulp",
            "url": edit(hulp),
            "submit": f'button[name="action-submit"][value="{HELP_VALUE}"]',
            "probe": [".messages"],
        },
        {
            "name": "editor-doorwerking",
            "url": f"{live_server.url}"
            f"{reverse('quality_doorwerking', args=(doorwerking.pk,))}",
        },
        {
            "name": "editor-basistekst-controle",
            "url": f"{live_server.url}"
            + reverse(
                "wagtailsnippets_contenthub_basistekst:edit", args=(basistekst.pk,)
            ),
            "click": ['[role="tab"][href="#tab-controle"]'],
            "probe": [
                "[data-controle]",
                '[data-side-panel-toggle="preview"]',
            ],
        },
    ]
    for item in editor:
        item |= {"widths": [1280], "audit": False}
    client = Client()
    client.force_login(beheerder)
    cookies = [
        {
            "name": "sessionid",
            "value": client.cookies["sessionid"].value,
            "url": live_server.url,
        }
    ]
    return {
        "pages": previews + editor,
        "cookies": cookies,
        "drafts": {"tegengehouden": tegengehouden, "hulp": hulp},
    }


def test_every_page_type_preview_and_editor_flow_in_one_browser(
    live_server, gemeente, editor_pages, restores_migration_data
):
    error_page = server_error(RequestFactory().get("/", HTTP_HOST="localhost"))
    error_html = error_page.content.decode()
    public = [
        {"name": "home", "url": f"{live_server.url}/"},
        {"name": "thema", "url": f"{live_server.url}/paspoort-en-id-kaart/"},
        {"name": "product", "url": f"{live_server.url}/paspoort-en-id-kaart/paspoort/"},
        {"name": "zoeken", "url": f"{live_server.url}/zoeken/?q=paspoorten"},
        {"name": "404", "url": f"{live_server.url}/bestaat-niet/"},
        {
            "name": "500",
            "html": error_html,
            "origin": f"{live_server.url}/huisstijl.css",
        },
    ]
    product_url = f"{live_server.url}/paspoort-en-id-kaart/paspoort/"
    printed = [
        {
            "name": name,
            "url": product_url,
            "widths": [1280],
            "audit": False,
            "probe": [".contenthub-search", ".contenthub-main"],
        }
        | ({"media": "print"} if name == "product-afdruk" else {})
        for name in ("product-scherm", "product-afdruk")
    ]
    results = run_pages(
        public + printed + editor_pages["pages"], cookies=editor_pages["cookies"]
    )
    assert len(results) == len(public) * len(WIDTHS) + len(printed) + len(
        editor_pages["pages"]
    )
    problems = []
    for result in results:
        where = f"{result['name']} op {result['width']} px"
        if "error" in result:
            problems.append(f"{where}: {result['error']}")
            continue
        assert Path(result["screenshot"]).is_file()
        problems += [
            f"{where}: axe {v['id']} ({', '.join(v['targets'])}) {v['help']}"
            for v in result["violations"]
        ]
        problems += [
            f"{where}: <{f['tag']}> '{f['text']}' in {f['fontFamily']}"
            for f in result["fallbackFonts"][:5]
        ]
        if result["overflow"]:
            problems.append(f"{where}: de pagina is breder dan het scherm")
    assert not problems, "\n".join(problems)
    audited = {r["name"] for r in results if r["name"] in {p["name"] for p in public}}
    assert audited == {p["name"] for p in public}

    by_name = {r["name"]: r for r in results if r["width"] == 1280}
    # The print stylesheet: the page prints without its search form.
    assert by_name["product-scherm"]["visible"][".contenthub-search"]
    assert not by_name["product-afdruk"]["visible"][".contenthub-search"]
    assert by_name["product-afdruk"]["visible"][".contenthub-main"]
    # "eigen tekst": the national text until the box is ticked, then the editor.
    eigen = '[data-eigen-veld="eigen_kort_antwoord"]'
    help_text = (
        '.w-field__wrapper:has(input[name="eigen_kort_antwoord"]) .w-field__help'
    )
    closed, opened = by_name["editor-product"], by_name["editor-eigen-tekst-aangevinkt"]
    assert closed["visible"][f"{eigen} [data-landelijk]"]
    assert not closed["visible"][f"{eigen} [data-eigen]"]
    assert "Vink aan om deze tekst" in closed["texts"][help_text]
    assert opened["visible"][f"{eigen} [data-eigen]"]
    assert not opened["visible"][f"{eigen} [data-landelijk]"]
    assert "Haal het vinkje weg" in opened["texts"][help_text]
    # "Indienen": the writer reads the findings; with a request for help it goes on.
    assert (
        "is niet ingediend"
        in by_name["editor-indienen-tegengehouden"]["texts"][".messages"]
    )
    assert (
        "vraag om hulp"
        in by_name["editor-indienen-met-vraag-om-hulp"]["texts"][".messages"]
    )
    from wagtail.models import WorkflowState

    def in_review(page):
        return WorkflowState.objects.active().for_instance(page).exists()

    assert not in_review(editor_pages["drafts"]["tegengehouden"])
    assert in_review(editor_pages["drafts"]["hulp"])
    for mode, *_ in PREVIEW_MODES:
        for prefix in ("voorbeeld", "voorbeeld-basistekst"):
            assert f"{prefix}-{mode or 'web'}" in by_name
    # The letter's PDF was drawn: its white page fills much of the screenshot.
    for prefix in ("voorbeeld", "voorbeeld-basistekst"):
        shot = Image.open(by_name[f"{prefix}-brief-pdf"]["screenshot"]).convert("L")
        white = sum(shot.histogram()[250:]) / (shot.width * shot.height)
        assert white > 0.3, f"{prefix}-brief-pdf: {white:.0%} wit"
    # The basistekst editor: its Controle tab shows the check of the saved draft.
    controle = by_name["editor-basistekst-controle"]
    assert "kan nog niet gepubliceerd worden" in controle["texts"]["[data-controle]"]
    assert "Wat is het" in controle["texts"]["[data-controle]"]
    assert controle["visible"]['[data-side-panel-toggle="preview"]']


def test_the_search_page_in_the_browser_found_the_product(live_server, gemeente):
    # The screenshot of the search results is only worth looking at if it found it.
    from django.test import Client

    html = Client().get("/zoeken/", {"q": "paspoorten"}).content.decode()
    assert "Paspoort aanvragen" in html
