"""The taalcheck page in the admin: who may use it, and safe output."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/admin/taalcheck/"


def test_the_url_is_the_admin_taalcheck_page():
    assert reverse("taalcheck") == URL


def test_a_contentmanager_gets_no_access(client_for):
    # Wagtail turns PermissionDenied in the admin into a redirect to the
    # dashboard with a "no permission" message.
    client = client_for("Contentmanagers")
    for response in (
        client.get(URL),
        client.post(URL, {"tekst": "Indien u vragen heeft.", "niveau": "B1"}),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    followed = client.get(URL, follow=True)
    assert "Controleer de tekst" not in followed.content.decode()


def test_a_contentmanager_does_not_see_the_menu_item(client_for):
    response = client_for("Contentmanagers").get(reverse("wagtailadmin_home"))
    assert URL not in response.content.decode()


@pytest.mark.parametrize("group", ["Communicatieadviseurs", "Beheerders"])
def test_communicatieadviseurs_and_beheerders_see_the_page_and_menu_item(
    client_for, group
):
    client = client_for(group)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Controleer de tekst" in response.content.decode()
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_users_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_pasted_text_gets_a_report_with_the_problem_spans_marked(client_for):
    client = client_for("Communicatieadviseurs")
    response = client.post(
        URL, {"tekst": "Indien u vragen heeft, belt u ons.", "niveau": "B1"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "haalt taalniveau B1 niet" in html
    assert '<mark class="taalcheck-fout"' in html
    assert ">Indien</mark>" in html
    assert "Schrijf &#x27;als&#x27; in plaats van &#x27;Indien&#x27;." in html


def test_the_output_escapes_html_in_the_text(client_for):
    client = client_for("Communicatieadviseurs")
    response = client.post(
        URL,
        {
            "tekst": "Klik hier <script>alert('x')</script> indien nodig.",
            "niveau": "B1",
        },
    )
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "alert(&#x27;x&#x27;)" not in html or "&lt;script&gt;" in html


def test_escaping_holds_for_text_given_as_html_entities(client_for):
    client = client_for("Communicatieadviseurs")
    response = client.post(
        URL,
        {
            "tekst": "<p>Gebruik &lt;script&gt;alert(1)&lt;/script&gt; indien nodig.</p>",
            "niveau": "B1",
        },
    )
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_text_over_the_size_limit_shows_the_error(client_for):
    from taalcheck.models import TaalcheckInstellingen

    instellingen = TaalcheckInstellingen.load()
    instellingen.max_invoer_kb = 1
    instellingen.save()
    client = client_for("Communicatieadviseurs")
    response = client.post(URL, {"tekst": "woord " * 400, "niveau": "B1"})
    assert response.status_code == 200
    assert "te groot" in response.content.decode()
