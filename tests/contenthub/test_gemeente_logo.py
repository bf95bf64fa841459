"""The gemeente's logo: safe image types only, a text for who cannot see it,
and shown in the header of every public page type."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Site

from contenthub.logo import MAX_LOGO_BYTES, read_logo
from contenthub.models import GemeenteInstellingen

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
    b'<rect width="48" height="48" fill="url(#g)"/><use href="#g"/></svg>'
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def instellingen(home):
    return GemeenteInstellingen.objects.create(
        site=Site.objects.get(is_default_site=True), naam="Gemeente Testdorp"
    )


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 32, "image/jpeg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 32, "image/webp"),
        (SVG, "image/svg+xml"),
    ],
    ids=["png", "jpeg", "webp", "svg"],
)
def test_safe_image_types_are_recognised_by_their_content(data, content_type):
    assert read_logo(io.BytesIO(data)) == (data, content_type)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "<script>",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p>'
            b"</foreignObject></svg>",
            "<foreignobject>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="https://tracker.example/pixel.png"/></svg>',
            "niet naar andere bestanden",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">'
            b"<rect/></a></svg>",
            "niet naar andere bestanden",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);'
            b"</style></svg>",
            "laadt iets van buiten",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://x.example/f)"/>'
            b"</svg>",
            "laadt iets van buiten",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
            "DOCTYPE",
        ),
        (b"<html><body>Geen logo</body></html>", "geen logo"),
        (b"GIF89a" + b"\x00" * 16, "geen logo"),
        (PNG + b"\x00" * MAX_LOGO_BYTES, "groter dan 512 kB"),
    ],
    ids=[
        "script",
        "event",
        "foreign-object",
        "external-image",
        "javascript-link",
        "css-import",
        "css-url",
        "entity",
        "html",
        "gif",
        "too-big",
    ],
)
def test_anything_that_could_run_or_load_is_refused_in_dutch(data, says):
    with pytest.raises(ValidationError) as error:
        read_logo(io.BytesIO(data))
    assert says.lower() in " ".join(error.value.messages).lower()


def test_a_logo_needs_its_text(instellingen):
    instellingen.logo = upload("logo.svg", SVG)
    with pytest.raises(ValidationError) as error:
        instellingen.full_clean()
    assert "logo_alt" in error.value.message_dict
    instellingen.logo_alt = "Logo gemeente Testdorp"
    instellingen.full_clean()


def test_a_file_name_does_not_make_an_image(instellingen):
    instellingen.logo = upload("logo.png", b"<html>nep</html>")
    instellingen.logo_alt = "Logo"
    with pytest.raises(ValidationError) as error:
        instellingen.full_clean()
    assert "logo" in error.value.message_dict


def _edit_url(site) -> str:
    return reverse(
        "wagtailsettings:edit", args=("contenthub", "gemeenteinstellingen", site.pk)
    )


def _form(**extra) -> dict:
    return {"naam": "Gemeente Testdorp", "website": "", "postadres": ""} | extra


def test_the_beheerder_uploads_a_logo_and_every_page_type_shows_it(
    admin_client, client, instellingen, thema, make_product
):
    product = make_product(slug="paspoort")
    product.save_revision().publish()
    site = instellingen.site
    refused = admin_client.post(
        _edit_url(site), _form(logo=upload("logo.svg", SVG), logo_alt="")
    )
    assert refused.status_code == 200
    assert "Geef een tekst bij het logo" in refused.content.decode()
    assert not GemeenteInstellingen.objects.get(pk=instellingen.pk).logo

    saved = admin_client.post(
        _edit_url(site),
        _form(logo=upload("logo.svg", SVG), logo_alt="Logo gemeente Testdorp"),
    )
    assert saved.status_code == 302
    instellingen = GemeenteInstellingen.objects.get(pk=instellingen.pk)
    url = instellingen.logo_url
    assert url.startswith("/logo?v=")

    image = f'src="{url}" alt="Logo gemeente Testdorp"'
    for path in ("/", f"{thema.url}", product.url, "/zoeken/?q=paspoort", "/weg/"):
        html = client.get(path).content.decode()
        assert image in html, path

    served = client.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/svg+xml"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in served["Content-Security-Policy"]
    assert b"".join(served) == SVG


def test_a_gemeente_without_a_logo_shows_its_name_only(client, instellingen):
    html = client.get("/").content.decode()
    assert "contenthub-header__logo" not in html
    assert client.get("/logo").status_code == 404


def test_an_unsafe_upload_in_the_admin_changes_nothing(admin_client, instellingen):
    response = admin_client.post(
        _edit_url(instellingen.site),
        _form(
            logo=upload(
                "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'
            ),
            logo_alt="Logo",
        ),
    )
    assert response.status_code == 200
    assert "gebeurtenis (onload)" in response.content.decode()
    assert not GemeenteInstellingen.objects.get(pk=instellingen.pk).logo
