"""Table-driven cases: for every rule, HTML that must fail and HTML that must pass.

``test_rules.py`` runs them; ``test_rules.py::test_every_rule_has_both_sides``
checks that no registered rule is left without a failing and a passing case.
Pure checks: no database.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    rule: str
    html: str
    why: str
    page: bool = False


def page(body: str, *, head: str = "", lang: str = ' lang="nl"') -> str:
    """A complete, otherwise clean page around ``body``."""
    return (
        f"<!DOCTYPE html><html{lang}><head><meta charset='utf-8'>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Paspoort aanvragen \u2013 Gemeente Voorbeeldstad</title>{head}</head>"
        f"<body><main><h1>Paspoort aanvragen</h1>{body}</main></body></html>"
    )


FAILING = [
    # 1.1.1 non-text content
    Case("wcag.alt-ontbreekt", '<img src="balie.jpg">', "img without alt"),
    Case(
        "wcag.alt-ontbreekt",
        '<img src="x.jpg" aria-labelledby="bestaat-niet">',
        "labelledby to nothing",
    ),
    Case("wcag.alt-ontbreekt", '<img src="x.jpg" aria-label=" ">', "blank aria-label"),
    Case(
        "wcag.alt-ontbreekt",
        '<map name="m"><area href="/a" shape="rect" coords="0,0,9,9"></map>',
        "area link without alt",
    ),
    Case(
        "wcag.alt-ontbreekt",
        '<a href="/"><img src="logo.png"></a>',
        "image in a link still needs alt",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" alt="IMG_0042.JPG">',
        "camera file name",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" alt="afbeelding">',
        "the word afbeelding",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" alt="Foto 3">',
        "generic word with number",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="/media/balie-noord.jpg" alt="balie-noord">',
        "alt equals the file name",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.png" alt="kaart_centrum.png">',
        "alt is a file name",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<input type="image" src="zoek.png" alt="zoek.png">',
        "image button with file name",
    ),
    Case(
        "wcag.decoratief-tegenstrijdig",
        '<img src="a.jpg" alt="" title="Kaart van de wijk">',
        "decorative with title",
    ),
    Case(
        "wcag.decoratief-tegenstrijdig",
        '<img src="a.jpg" role="presentation" alt="Stadhuis">',
        "presentation with alt",
    ),
    Case(
        "wcag.decoratief-tegenstrijdig",
        '<img src="a.jpg" alt="" aria-label="Stadhuis">',
        "decorative with aria-label",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><img src="logo.png" alt=""></a>',
        "image link, empty alt",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><svg><path d="M0 0"/></svg></a>',
        "svg link without name",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><img src="a.png" alt=" "> </a>',
        "whitespace alt only",
    ),
    Case(
        "wcag.afbeeldingsknop-zonder-naam",
        '<input type="image" src="zoek.png">',
        "input type=image without alt",
    ),
    Case(
        "wcag.afbeeldingsknop-zonder-naam",
        '<button><img src="zoek.png" alt=""></button>',
        "button with decorative image only",
    ),
    Case("wcag.rol-img-zonder-naam", '<div role="img"></div>', "role img without name"),
    Case(
        "wcag.rol-img-zonder-naam",
        '<svg role="img"><path d="M0 0"/></svg>',
        "svg role img without title",
    ),
    Case(
        "wcag.rol-img-zonder-naam",
        '<span role="img" alt="ster"></span>',
        "alt is not valid on a span",
    ),
    Case(
        "wcag.svg-zonder-tekstalternatief",
        '<p>Route</p><svg><circle r="4"/></svg>',
        "bare inline svg",
    ),
    Case(
        "wcag.object-zonder-tekstalternatief",
        '<object data="kaart.swf"></object>',
        "object without fallback",
    ),
    Case(
        "wcag.object-zonder-tekstalternatief",
        '<object data="kaart.swf">   </object>',
        "object with blank fallback",
    ),
    # 1.3.1 structure
    Case(
        "wcag.kopniveau-overgeslagen", "<h2>Aanvragen</h2><h4>Kosten</h4>", "h2 then h4"
    ),
    Case(
        "wcag.kopniveau-overgeslagen",
        '<h1>A</h1><div role="heading" aria-level="3">B</div>',
        "aria heading skips",
    ),
    Case(
        "wcag.kopniveau-overgeslagen",
        "<h2>Tarieven</h2><table><tr><th>Soort</th></tr><tr><td><h4>In een cel</h4></td></tr></table>",
        "a heading inside a table cell counts too",
    ),
    Case("wcag.lege-kop", "<h2></h2>", "empty heading"),
    Case("wcag.lege-kop", "<h3> &nbsp; </h3>", "only spaces"),
    Case(
        "wcag.lege-kop", '<h2><img src="x.png" alt=""></h2>', "only a decorative image"
    ),
    Case("wcag.lege-kop", "<h2><span hidden>Verborgen</span></h2>", "only hidden text"),
    Case("wcag.meerdere-h1", "<h1>Paspoort</h1><p>x</p><h1>Kosten</h1>", "two h1"),
    Case(
        "wcag.nep-lijst", "<p>- Paspoort<br>- Pasfoto<br>- Geld</p>", "dashes with br"
    ),
    Case(
        "wcag.nep-lijst", "<p>• Paspoort</p><p>• Pasfoto</p>", "bullets as paragraphs"
    ),
    Case(
        "wcag.nep-lijst",
        "<p>1. Maak een afspraak<br>2. Kom naar de balie</p>",
        "typed numbers",
    ),
    Case("wcag.nep-lijst", "<p>-Paspoort<br>-Pasfoto</p>", "dash without space"),
    Case(
        "wcag.nep-lijst",
        "<div><strong>Meenemen:</strong><br>\u2013 paspoort<br>\u2013 pasfoto</div>",
        "en dashes in a div",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        "<table><tr><td>Soort</td><td>Prijs</td></tr><tr><td>Paspoort</td><td>€ 83,87</td></tr></table>",
        "2x2 table without th",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        "<table><tr><td><strong>Soort</strong></td><td><strong>Prijs</strong></td></tr>"
        "<tr><td>Paspoort</td><td>€ 83,87</td></tr></table>",
        "bold first row is not a header",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        "<table><tr><td><h3>Dag</h3></td><td><h3>Tijd</h3></td></tr><tr><td>ma</td><td>9\u201317</td></tr></table>",
        "headings in the first row are not header cells",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><th id="soort">Soort</th></tr><tr><td headers="bestaat-niet">Paspoort</td></tr></table>',
        "headers to a missing id",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><th id="k">Soort</th></tr><tr><td id="c" headers="c">Paspoort</td></tr></table>',
        "headers to itself",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><th scope="kolom">Soort</th></tr><tr><td>Paspoort</td></tr></table>',
        "invalid scope",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><td></td><th id="pas">Paspoort</th><th id="kaart">ID-kaart</th></tr>'
        '<tr><th id="vol">Volwassene</th><td headers="vol pas">€ 83</td>'
        '<td headers="vol pas">€ 77</td></tr></table>',
        "headers to a header in neither the row nor the column of the cell (copied cell)",
    ),
    Case(
        "wcag.lijststructuur",
        "<ul><li>Paspoort</li><p>ID-kaart</p></ul>",
        "a paragraph among the list items",
    ),
    Case("wcag.lijststructuur", "<li>Paspoort</li>", "a list item without a list"),
    Case("wcag.lijststructuur", "<dt>Leges</dt><dd>€ 83</dd>", "terms without a dl"),
    Case(
        "wcag.fieldset-zonder-velden",
        "<fieldset><legend>Aanbieding</legend><p>Vandaag 20% korting op uw parkeervergunning.</p></fieldset>",
        "fieldset used for a border around text",
    ),
    Case(
        "wcag.fieldset-zonder-velden",
        '<fieldset><legend>Adres</legend><input type="hidden" name="id" value="3"><p>Markt 1</p></fieldset>',
        "a hidden input is no field",
    ),
    Case(
        "wcag.opmaaktabel",
        "<table><tr><td>Links</td><td>Rechts</td></tr></table>",
        "one row",
    ),
    Case(
        "wcag.opmaaktabel",
        "<table><tr><td><table><tr><td>a</td></tr></table></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
        "nested table",
    ),
    Case(
        "wcag.opmaaktabel",
        '<table role="presentation"><tr><th>Soort</th></tr><tr><td>x</td></tr></table>',
        "layout table with th",
    ),
    # 2.4.4 links
    Case("wcag.lege-link", '<a href="/paspoort"></a>', "empty link"),
    Case("wcag.lege-link", '<a href="/paspoort">  </a>', "only spaces"),
    Case(
        "wcag.lege-link",
        '<a href="/paspoort"><span hidden>Paspoort</span></a>',
        "only hidden text",
    ),
    Case(
        "wcag.lege-link",
        '<span role="link" tabindex="0"></span>',
        "role link without name",
    ),
    Case(
        "wcag.linktekst-nietszeggend",
        '<p>Voor de aanvraag <a href="/a">klik hier</a>.</p>',
        "klik hier",
    ),
    Case("wcag.linktekst-nietszeggend", '<a href="/a">Lees meer</a>', "lees meer"),
    Case("wcag.linktekst-nietszeggend", '<a href="/a">hier</a>', "hier"),
    Case(
        "wcag.linktekst-nietszeggend", '<a href="/a">Lees meer »</a>', "with an arrow"
    ),
    Case(
        "wcag.linktekst-nietszeggend",
        '<a href="/a"> Klik   hier. </a>',
        "spacing and punctuation",
    ),
    Case(
        "wcag.linktekst-dubbel",
        '<a href="/paspoort">Aanvragen</a> <a href="/rijbewijs">aanvragen</a>',
        "same text, other target",
    ),
    Case(
        "wcag.bestandslink-zonder-vermelding",
        '<a href="/docs/formulier.pdf">Aanvraagformulier</a>',
        "pdf",
    ),
    Case(
        "wcag.bestandslink-zonder-vermelding",
        '<a href="/f/tarieven.xlsx?v=2">Tarieven 2025</a>',
        "excel with query",
    ),
    # page level
    Case("wcag.taal-pagina", page("<p>x</p>", lang=""), "no lang", page=True),
    Case(
        "wcag.taal-pagina", page("<p>x</p>", lang=' lang=""'), "empty lang", page=True
    ),
    Case(
        "wcag.taal-pagina",
        page("<p>x</p>", lang=' lang="xx"'),
        "unknown language",
        page=True,
    ),
    Case(
        "wcag.taal-pagina",
        page("<p>x</p>", lang=' lang="nederlands"'),
        "a word, not a code",
        page=True,
    ),
    Case(
        "wcag.taal-pagina",
        "<p>Geen html-element</p>",
        "no html element at all",
        page=True,
    ),
    Case(
        "wcag.taal-onderdeel", '<p lang="engels">Passport</p>', "invalid lang on a part"
    ),
    Case("wcag.taal-onderdeel", '<p lang="qq">Passport</p>', "unknown two-letter code"),
    Case(
        "wcag.paginatitel",
        "<html lang=nl><head></head><body><main><h1>x</h1></main></body></html>",
        "no title",
        page=True,
    ),
    Case(
        "wcag.paginatitel",
        "<html lang=nl><head><title> </title></head><body><main>x</main></body></html>",
        "blank title",
        page=True,
    ),
    Case(
        "wcag.paginatitel",
        "<html lang=nl><body><main><svg><title>Logo</title></svg></main></body></html>",
        "an svg title is not a page title",
        page=True,
    ),
    Case(
        "wcag.hoofdlandmark",
        "<html lang=nl><head><title>x</title></head><body><h1>x</h1></body></html>",
        "no main",
        page=True,
    ),
    Case(
        "wcag.hoofdlandmark",
        page("<main>tweede</main>").replace("<main><h1>", '<div role="main"><h1>', 1),
        "two mains",
        page=True,
    ),
    Case(
        "wcag.viewport-zoom",
        page(
            "<p>x</p>",
            head='<meta name="viewport" content="width=device-width, user-scalable=no">',
        ),
        "user-scalable=no",
        page=True,
    ),
    Case(
        "wcag.viewport-zoom",
        page(
            "<p>x</p>",
            head='<meta name="viewport" content="width=device-width, maximum-scale=1.0">',
        ),
        "maximum-scale 1",
        page=True,
    ),
    Case(
        "wcag.viewport-zoom",
        page("<p>x</p>", head='<meta name="viewport" content="user-scalable=0">'),
        "user-scalable=0",
        page=True,
    ),
    Case(
        "wcag.meta-refresh",
        page("<p>x</p>", head='<meta http-equiv="refresh" content="30">'),
        "refresh every 30 s",
        page=True,
    ),
    Case(
        "wcag.meta-refresh",
        page("<p>x</p>", head='<meta http-equiv="Refresh" content="5; url=/nieuw">'),
        "delayed redirect",
        page=True,
    ),
    Case(
        "wcag.iframe-titel",
        '<iframe src="https://video.example/embed/1"></iframe>',
        "iframe without title",
    ),
    Case(
        "wcag.iframe-titel",
        '<iframe src="https://video.example/embed/1" title=" "></iframe>',
        "blank title",
    ),
    Case(
        "wcag.dubbele-id",
        '<p id="uitleg">a</p><p id="uitleg">b</p>',
        "duplicate id, unreferenced",
    ),
    Case(
        "wcag.dubbele-id-verwijzing",
        '<label for="naam">Naam</label><input id="naam"><input id="naam">',
        "duplicate id that a label refers to",
    ),
    Case(
        "wcag.aria-rol-ongeldig", '<div role="knop">Verstuur</div>', "not an ARIA role"
    ),
    Case("wcag.aria-rol-ongeldig", '<div role="widget">x</div>', "abstract role"),
    Case(
        "wcag.aria-attribuut-onbekend",
        '<button aria-lable="Sluiten">X</button>',
        "typo in aria-label",
    ),
    Case(
        "wcag.aria-waarde-ongeldig", '<div aria-hidden="yes">x</div>', "aria-hidden yes"
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<button aria-expanded="open">Menu</button>',
        "aria-expanded open",
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<div role="heading" aria-level="twee">x</div>',
        "aria-level not a number",
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<input aria-label="x" aria-describedby="nergens">',
        "describedby to nothing",
    ),
    Case("wcag.aria-waarde-ongeldig", '<div aria-live="hard">x</div>', "unknown token"),
    Case(
        "wcag.formulierveld-zonder-label",
        '<input type="text" name="naam">',
        "text field without label",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        "<select><option>Ja</option></select>",
        "select without label",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        "<textarea></textarea>",
        "textarea without label",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<div role="textbox" contenteditable="true"></div>',
        "aria textbox",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<label>Naam</label><input id="naam">',
        "label not linked",
    ),
    Case("wcag.knop-zonder-naam", "<button></button>", "empty button"),
    Case(
        "wcag.knop-zonder-naam", '<input type="button">', "input button without value"
    ),
    Case(
        "wcag.knop-zonder-naam",
        '<div role="button" tabindex="0"></div>',
        "role button without name",
    ),
    Case(
        "wcag.knop-zonder-naam",
        '<button><span aria-hidden="true">\u00d7</span></button>',
        "only a hidden icon",
    ),
    # 1.2.x media
    Case(
        "wcag.video-zonder-ondertiteling",
        '<video src="uitleg.mp4" controls></video>',
        "video without captions",
    ),
    Case(
        "wcag.video-zonder-ondertiteling",
        '<video controls><source src="uitleg.mp4"><track kind="subtitles" src="nl.vtt" srclang="nl"></video>',
        "subtitles are not captions",
    ),
    Case(
        "wcag.audio-zonder-transcript",
        '<audio src="podcast.mp3" controls></audio>',
        "audio without transcript",
    ),
    Case(
        "wcag.audio-zonder-transcript",
        '<p>Luister naar de uitleg.</p><audio src="podcast.mp3" controls></audio><p><a href="/meer">Meer podcasts</a></p>',
        "a link nearby that is not a transcript",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<div role="checkbox">Akkoord</div>',
        "no aria-checked",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<div role="slider" tabindex="0"></div>',
        "no valuenow",
    ),
    Case(
        "wcag.aria-attribuut-niet-toegestaan",
        '<a href="/" aria-checked="true">x</a>',
        "checked on link",
    ),
    Case(
        "wcag.aria-attribuut-niet-toegestaan",
        '<div aria-label="Kader">x</div>',
        "label on generic",
    ),
    Case(
        "wcag.aria-context",
        '<div role="listitem">los punt</div>',
        "listitem outside list",
    ),
    Case(
        "wcag.aria-context",
        '<div role="list"><span>a</span></div>',
        "list without items",
    ),
    Case("wcag.aria-context", '<div role="tab">Tab</div>', "tab outside tablist"),
    Case(
        "wcag.dubbel-attribuut",
        '<img src="a.jpg" alt="Balie" alt="Loket">',
        "alt twice",
    ),
    Case(
        "wcag.dubbel-attribuut",
        '<p class="a" id="b" CLASS="c">x</p>',
        "case-insensitive",
    ),
    Case(
        "wcag.autocomplete-ongeldig",
        '<input aria-label="E-mail" autocomplete="mail">',
        "unknown token",
    ),
    Case(
        "wcag.autocomplete-ongeldig",
        '<input aria-label="Naam" autocomplete="work name">',
        "work on non-contact",
    ),
    # issue 18: found on the dev half of the W3C ACT Rules test cases
    Case(
        "wcag.label-in-naam",
        '<a href="/paspoort" aria-label="Rijbewijs">Paspoort aanvragen</a>',
        "aria-label with other words than the link text",
    ),
    Case(
        "wcag.label-in-naam",
        '<button aria-label="Volgende">Volgende pagina</button>',
        "visible text only partly in the name",
    ),
    Case(
        "wcag.label-in-naam",
        '<span id="l">Zoeken</span><div role="button" tabindex="0" aria-labelledby="l">Vinden</div>',
        "aria-labelledby names it with other words",
    ),
    Case(
        "wcag.label-in-naam",
        '<a href="/a" aria-label="niet-standaard">nietstandaard</a>',
        "a hyphen makes it another word",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<div role="heading">Kosten</div>',
        "WAI-ARIA 1.2 heading without aria-level",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<div role="separator" tabindex="0"></div>',
        "focusable separator without aria-valuenow",
    ),
    Case(
        "wcag.aria-attribuut-niet-toegestaan",
        '<button aria-sort="">Sorteer op jaar</button>',
        "empty value still an attribute the role does not support",
    ),
    Case(
        "wcag.knop-zonder-naam",
        '<button role="none"></button>',
        "role none ignored on a focusable button",
    ),
    Case(
        "wcag.lege-link",
        '<a href="/wai" role="none"> </a>',
        "role none ignored on a focusable link",
    ),
    Case(
        "wcag.lege-link",
        '<map name="m"><area shape="rect" coords="0,0,9,9" href="zon.htm"></map>',
        "area link without a name is an empty link too",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/bron" role="doc-biblioref"><img src="logo.png" alt=""></a>',
        "doc-biblioref is a link",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/wai"><img src="logo.png" role="presentation"></a>',
        "presentational image gives the link no name",
    ),
    Case(
        "wcag.viewport-zoom",
        page("<p>x</p>", head='<meta name="viewport" content="maximum-scale=yes">'),
        "maximum-scale=yes means 1.0",
        page=True,
    ),
    Case(
        "wcag.taal-onderdeel",
        '<div lang="ongeldig"><img src="vuurwerk.jpg" alt="Vuurwerk boven de Maas"></div>',
        "the alt text takes the invalid language",
    ),
    # issue 18 round 2: every rule on the computed role and name (aria.py, accname.py)
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><img src="logo.png"></a>',
        "the link has no name, also when the image lacks alt (ACT c487ae)",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><img src="logo.png" title=""></a>',
        "image named by an empty title",
    ),
    Case(
        "wcag.alt-ontbreekt",
        '<img src="balie.jpg" alt=" ">',
        "alt of only a space is neither decoration nor a text (ACT 23a2a8)",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" title="IMG_0042.JPG">',
        "the computed name from title is a file name",
    ),
    Case(
        "wcag.kopniveau-overgeslagen",
        '<h1>Paspoort</h1><div role="kop heading" aria-level="3">Kosten</div>',
        "the first valid role token makes a heading",
    ),
    Case(
        "wcag.lege-kop",
        '<div role="kop heading"></div>',
        "empty heading by its computed role",
    ),
    Case(
        "wcag.svg-zonder-tekstalternatief",
        '<svg role="plaatje"><circle r="4"></circle></svg>',
        "an invalid role does not take the svg out",
    ),
    Case(
        "wcag.taal-pagina",
        '<!DOCTYPE html><html xml:lang="nl"><head><title>Paspoort</title></head>'
        "<body><main><h1>Paspoort</h1></main></body></html>",
        "xml:lang without lang (ACT b5c3f8)",
        page=True,
    ),
    Case(
        "wcag.taal-onderdeel",
        '<p lang="  ">Passport</p>',
        "lang of only spaces is not the empty 'unknown' (ACT de46e4)",
    ),
    Case(
        "wcag.meta-refresh",
        '<head><meta http-equiv="refresh" content="0: /nieuw">'
        '<meta http-equiv="refresh" content="5; /nieuw"></head>',
        "browsers ignore '0:' and act on the second refresh (ACT bc659a)",
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<input aria-label="Postcode" aria-invalid="true" aria-errormessage="fout-1">',
        "an invalid field must point at an existing error message",
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<input aria-label="Postcode" aria-invalid="true" aria-errormessage="a b">'
        '<p id="a">x</p><p id="b">y</p>',
        "aria-errormessage is one id, not a list",
    ),
]


PASSING = [
    Case(
        "wcag.dubbel-attribuut",
        '<script>var t = "<a id=1 id=2>";</script><p id="x">y</p>',
        "in script",
    ),
    Case(
        "wcag.dubbel-attribuut", '<!-- <a href="1" href="2"> --><p>x</p>', "in comment"
    ),
    Case(
        "wcag.autocomplete-ongeldig",
        '<input aria-label="E-mail" autocomplete="work email">',
        "contact kind",
    ),
    Case(
        "wcag.autocomplete-ongeldig",
        '<input aria-label="Straat" autocomplete="section-a shipping street-address">',
        "full list",
    ),
    Case(
        "wcag.autocomplete-ongeldig",
        '<input type="submit" autocomplete="nonsense">',
        "not applicable",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<div role="checkbox" aria-checked="false">Akkoord</div>',
        "checked given",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<input type="checkbox" role="switch" aria-label="x">',
        "native state",
    ),
    Case(
        "wcag.aria-attribuut-niet-toegestaan",
        '<button aria-pressed="true">Vet</button>',
        "pressed on button",
    ),
    Case(
        "wcag.aria-attribuut-niet-toegestaan",
        '<nav aria-label="Hoofdmenu"><a href="/">x</a></nav>',
        "label on nav",
    ),
    Case(
        "wcag.aria-context",
        '<div role="list"><div><div role="listitem">a</div></div></div>',
        "through generic",
    ),
    Case(
        "wcag.aria-context",
        '<div role="tablist"><button role="tab" aria-selected="true">a</button></div>',
        "tab in tablist",
    ),
    # 1.1.1
    Case(
        "wcag.alt-ontbreekt",
        '<img src="balie.jpg" alt="Balie van het stadskantoor">',
        "alt",
    ),
    Case(
        "wcag.alt-ontbreekt",
        '<img src="rand.png" alt="">',
        "alt='' on a decorative image is right",
    ),
    Case(
        "wcag.alt-ontbreekt",
        '<img src="rand.png" role="presentation">',
        "role=presentation",
    ),
    Case("wcag.alt-ontbreekt", '<img src="rand.png" role="none">', "role=none"),
    Case(
        "wcag.alt-ontbreekt", '<img src="x.png" aria-label="Plattegrond">', "aria-label"
    ),
    Case(
        "wcag.alt-ontbreekt",
        '<p id="b">Plattegrond</p><img src="x.png" aria-labelledby="b">',
        "aria-labelledby",
    ),
    Case("wcag.alt-ontbreekt", '<img src="x.png" title="Plattegrond">', "title"),
    Case(
        "wcag.alt-ontbreekt",
        '<img src="x.png" aria-hidden="true">',
        "hidden from assistive technology",
    ),
    Case("wcag.alt-ontbreekt", '<div hidden><img src="x.png"></div>', "not rendered"),
    Case(
        "wcag.alt-ontbreekt",
        '<map name="m"><area shape="rect" coords="0,0,1,1"></map>',
        "area without href",
    ),
    Case(
        "wcag.alt-ontbreekt",
        "<script>document.write('<img src=x>')</script>",
        "img inside a script",
    ),
    Case("wcag.alt-ontbreekt", "<!-- <img src=x> --><p>x</p>", "img inside a comment"),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" alt="Balie van het stadskantoor">',
        "describes",
    ),
    Case("wcag.alt-nietszeggend", '<img src="a.jpg" alt="">', "decorative"),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" alt="Foto van de balie in Noord">',
        "starts with foto but describes",
    ),
    Case(
        "wcag.decoratief-tegenstrijdig", '<img src="a.jpg" alt="">', "plain decorative"
    ),
    Case(
        "wcag.decoratief-tegenstrijdig",
        '<img src="a.jpg" alt="Kaart" title="Kaart van de wijk">',
        "informative with title",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><img src="logo.png" alt="Home \u2013 Gemeente Voorbeeldstad"></a>',
        "alt names the target",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/"><img src="i.png" alt=""> Home</a>',
        "decorative icon beside text",
    ),
    Case(
        "wcag.afbeeldingslink-zonder-naam",
        '<a href="/" aria-label="Home"><img src="i.png" alt=""></a>',
        "aria-label on the link",
    ),
    Case(
        "wcag.afbeeldingsknop-zonder-naam",
        '<input type="image" src="zoek.png" alt="Zoeken">',
        "alt",
    ),
    Case(
        "wcag.afbeeldingsknop-zonder-naam",
        '<button><img src="zoek.png" alt="Zoeken"></button>',
        "img alt names the button",
    ),
    Case(
        "wcag.afbeeldingsknop-zonder-naam",
        '<button aria-label="Zoeken"><svg aria-hidden="true"></svg></button>',
        "aria-label",
    ),
    Case(
        "wcag.rol-img-zonder-naam",
        '<svg role="img"><title>Bezoekers per maand</title></svg>',
        "svg title",
    ),
    Case(
        "wcag.rol-img-zonder-naam",
        '<div role="img" aria-label="4 van 5 sterren"></div>',
        "aria-label",
    ),
    Case(
        "wcag.rol-img-zonder-naam",
        '<svg role="img" aria-labelledby="t"><title id="t">Route</title></svg>',
        "labelledby",
    ),
    Case(
        "wcag.svg-zonder-tekstalternatief",
        '<svg aria-hidden="true"><path d="M0 0"/></svg>',
        "decorative svg",
    ),
    Case(
        "wcag.svg-zonder-tekstalternatief",
        "<svg><title>Route naar het stadskantoor</title></svg>",
        "svg title",
    ),
    Case(
        "wcag.svg-zonder-tekstalternatief",
        '<a href="/route">Route <svg><path d="M0 0"/></svg></a>',
        "icon in a named link",
    ),
    Case(
        "wcag.svg-zonder-tekstalternatief",
        '<svg role="presentation"></svg>',
        "presentation",
    ),
    Case(
        "wcag.object-zonder-tekstalternatief",
        '<object data="kaart.pdf">Download <a href="kaart.pdf">de kaart (PDF)</a></object>',
        "fallback",
    ),
    Case(
        "wcag.object-zonder-tekstalternatief",
        '<object data="kaart.svg" aria-label="Kaart van de wijk"></object>',
        "aria-label",
    ),
    Case(
        "wcag.object-zonder-tekstalternatief",
        '<object data="kaart.svg" title="Kaart van de wijk"></object>',
        "title",
    ),
    # 1.3.1
    Case(
        "wcag.kopniveau-overgeslagen",
        "<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>",
        "in order, then back up",
    ),
    Case(
        "wcag.kopniveau-overgeslagen",
        "<h3>Eerste kop in een veld</h3><h4>x</h4>",
        "a fragment may start at any level",
    ),
    Case(
        "wcag.kopniveau-overgeslagen",
        '<h2>A</h2><h4 role="presentation">B</h4>',
        "presentational heading is no heading",
    ),
    Case(
        "wcag.kopniveau-overgeslagen",
        "<h2>Tarieven</h2><table><tr><th>Soort</th></tr><tr><td><h3>In een cel</h3></td></tr></table>",
        "a heading inside a table cell at the right level",
    ),
    Case("wcag.lege-kop", "<h2>Kosten</h2>", "text"),
    Case(
        "wcag.lege-kop",
        '<h2><img src="logo.png" alt="Gemeente Voorbeeldstad"></h2>',
        "image with alt",
    ),
    Case("wcag.lege-kop", '<h2 aria-label="Kosten"></h2>', "aria-label"),
    Case("wcag.meerdere-h1", "<h1>Paspoort</h1><h2>Kosten</h2>", "one h1"),
    Case("wcag.nep-lijst", "<ul><li>Paspoort</li><li>Pasfoto</li></ul>", "a real list"),
    Case(
        "wcag.nep-lijst",
        "<p>- Eén regel met een streepje</p>",
        "one line is not a list",
    ),
    Case(
        "wcag.nep-lijst", "<p>Vandaag -5 graden<br>morgen -3 graden</p>", "minus signs"
    ),
    Case("wcag.nep-lijst", "<p>-5 graden<br>-3 graden</p>", "negative numbers"),
    Case("wcag.nep-lijst", "<p>Kosten: € 10 - € 20</p>", "a dash inside a sentence"),
    Case(
        "wcag.nep-lijst",
        "<p>2025 was een goed jaar.</p><p>2026 ook.</p>",
        "years, not numbering",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        '<table><thead><tr><th scope="col">Soort</th><th scope="col">Prijs</th></tr></thead>'
        "<tbody><tr><td>Paspoort</td><td>€ 83,87</td></tr></tbody></table>",
        "th in thead",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        '<table><tr><th scope="row">Paspoort</th><td>€ 83,87</td></tr><tr><th scope="row">ID-kaart</th><td>€ 70,35</td></tr></table>',
        "row headers",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        '<table><tr><td role="columnheader">Soort</td><td role="columnheader">Prijs</td></tr><tr><td>a</td><td>b</td></tr></table>',
        "aria header cells",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        '<table role="presentation"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>',
        "marked as layout",
    ),
    Case(
        "wcag.tabel-zonder-kopcellen",
        "<table><tr><td>Links</td><td>Rechts</td></tr></table>",
        "one row: wcag.opmaaktabel",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><th id="soort">Soort</th><th id="prijs">Prijs</th></tr><tr><td headers="soort">Paspoort</td><td headers="prijs">€ 83,87</td></tr></table>',
        "headers to th ids",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><th scope="col">Soort</th></tr><tr><td>Paspoort</td></tr></table>',
        "scope col",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tr><th rowspan="2" id="soort">Soort</th><th colspan="2" id="prijs">Prijs</th></tr>'
        '<tr><th id="vol" headers="prijs">Volwassene</th><th id="kind" headers="prijs">Kind</th></tr>'
        '<tr><th id="pas" headers="soort">Paspoort</th><td headers="pas prijs vol">€ 83</td>'
        '<td headers="pas prijs kind">€ 64</td></tr></table>',
        "headers to spanned column headers and the row header",
    ),
    Case(
        "wcag.tabel-koppeling",
        '<table><tbody><tr><th scope="rowgroup" id="reis">Reisdocumenten</th><td></td></tr>'
        '<tr><td>Paspoort</td><td headers="reis">€ 83</td></tr></tbody></table>',
        "a row group header covers the whole group",
    ),
    Case(
        "wcag.lijststructuur",
        "<ul><li>Paspoort</li><li>ID-kaart</li></ul><dl><dt>Leges</dt><dd>€ 83</dd></dl>",
        "a list and a description list",
    ),
    Case(
        "wcag.fieldset-zonder-velden",
        '<fieldset><legend>Hoe wilt u betalen?</legend><label><input type="radio" name="b"> iDEAL</label></fieldset>',
        "radio buttons",
    ),
    Case(
        "wcag.fieldset-zonder-velden",
        '<fieldset><legend>Wijk</legend><select aria-label="Wijk"><option>Centrum</option></select></fieldset>',
        "a select",
    ),
    Case(
        "wcag.fieldset-zonder-velden",
        '<fieldset><legend>Keuze</legend><div role="radiogroup" aria-label="Keuze"><span role="radio" aria-checked="false" tabindex="0">Ja</span></div></fieldset>',
        "an ARIA widget",
    ),
    Case(
        "wcag.hoofdlandmark",
        '<html lang="nl"><head><title>Leeg</title></head><body></body></html>',
        "a page without any content has nothing to put in a main",
        page=True,
    ),
    Case(
        "wcag.opmaaktabel",
        '<table role="presentation"><tr><td>Links</td><td>Rechts</td></tr></table>',
        "properly marked layout table",
    ),
    Case(
        "wcag.opmaaktabel",
        "<table><tr><th>Soort</th><th>Prijs</th></tr><tr><td>a</td><td>b</td></tr></table>",
        "data table",
    ),
    Case(
        "wcag.opmaaktabel",
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
        "2x2 without th is a data table",
    ),
    Case(
        "wcag.opmaaktabel",
        "<table><caption>Tarieven</caption><tr><td>a</td></tr></table>",
        "a caption makes it a data table",
    ),
    # 2.4.4
    Case("wcag.lege-link", '<a href="/parkeren">Parkeren</a>', "text"),
    Case(
        "wcag.lege-link", '<a name="boven"></a>', "an anchor without href is not a link"
    ),
    Case(
        "wcag.lege-link", '<a href="/parkeren" aria-label="Parkeren"></a>', "aria-label"
    ),
    Case("wcag.lege-link", '<a href="/parkeren" title="Parkeren"></a>', "title"),
    Case(
        "wcag.lege-link",
        '<a href="/"><img src="i.png" alt=""></a>',
        "image links: their own rule",
    ),
    Case(
        "wcag.lege-link",
        '<a href="/x" aria-hidden="true" tabindex="-1"></a>',
        "hidden duplicate link",
    ),
    Case(
        "wcag.linktekst-nietszeggend",
        '<a href="/a">Lees meer over de parkeervergunning</a>',
        "descriptive",
    ),
    Case(
        "wcag.linktekst-nietszeggend",
        '<a href="/a" aria-label="Lees meer over paspoorten">Lees meer</a>',
        "aria-label makes it descriptive",
    ),
    Case(
        "wcag.linktekst-nietszeggend",
        '<a href="/a">Hier vindt u de openingstijden</a>',
        "starts with hier",
    ),
    Case(
        "wcag.linktekst-dubbel",
        '<a href="/paspoort">Paspoort</a> <a href="/paspoort/">Paspoort</a>',
        "same target",
    ),
    Case(
        "wcag.linktekst-dubbel",
        '<a href="/paspoort">Paspoort</a> <a href="/rijbewijs">Rijbewijs</a>',
        "different text",
    ),
    Case(
        "wcag.linktekst-dubbel",
        '<a href="/a">Lees meer</a> <a href="/b">Lees meer</a>',
        "vague texts: wcag.linktekst-nietszeggend",
    ),
    Case(
        "wcag.bestandslink-zonder-vermelding",
        '<a href="/f.pdf">Aanvraagformulier (PDF, 120 kB)</a>',
        "mentions pdf",
    ),
    Case(
        "wcag.bestandslink-zonder-vermelding",
        '<a href="/f.docx">Formulier (Word-bestand)</a>',
        "mentions Word",
    ),
    Case(
        "wcag.bestandslink-zonder-vermelding",
        '<a href="/pdf-uitleg/">Uitleg</a>',
        "not a file",
    ),
    # page level
    Case("wcag.taal-pagina", page("<p>x</p>"), "lang=nl", page=True),
    Case(
        "wcag.taal-pagina", page("<p>x</p>", lang=' lang="nl-NL"'), "nl-NL", page=True
    ),
    Case(
        "wcag.taal-pagina", page("<p>x</p>", lang=' lang="en-GB"'), "en-GB", page=True
    ),
    Case(
        "wcag.taal-pagina",
        "<p>Fragment zonder html</p>",
        "fragments are not checked for a page language",
    ),
    Case(
        "wcag.taal-onderdeel",
        '<p lang="en">Passport</p><p lang="fy">Paspoart</p><p lang="pap">Pasport</p>',
        "valid codes",
    ),
    Case("wcag.taal-onderdeel", '<span lang="">?</span>', "empty means unknown"),
    Case("wcag.paginatitel", page("<p>x</p>"), "title", page=True),
    Case("wcag.hoofdlandmark", page("<p>x</p>"), "one main", page=True),
    Case(
        "wcag.hoofdlandmark",
        page("<p>x</p>")
        .replace("<main>", '<div role="main">')
        .replace("</main>", "</div>"),
        "role=main",
        page=True,
    ),
    Case(
        "wcag.viewport-zoom",
        page("<p>x</p>"),
        "width=device-width, initial-scale=1",
        page=True,
    ),
    Case(
        "wcag.viewport-zoom",
        page("<p>x</p>", head='<meta name="viewport" content="maximum-scale=5">'),
        "max 500%",
        page=True,
    ),
    Case(
        "wcag.meta-refresh",
        page("<p>x</p>", head='<meta http-equiv="refresh" content="0; url=/nieuw">'),
        "immediate redirect",
        page=True,
    ),
    Case(
        "wcag.meta-refresh",
        page("<p>x</p>", head='<meta http-equiv="refresh" content="72001">'),
        "longer than 20 hours",
        page=True,
    ),
    Case(
        "wcag.iframe-titel",
        '<iframe src="https://video.example/1" title="Video: zo vraagt u een paspoort aan"></iframe>',
        "title",
    ),
    Case(
        "wcag.iframe-titel",
        '<iframe src="x" aria-hidden="true" tabindex="-1"></iframe>',
        "hidden",
    ),
    Case("wcag.dubbele-id", '<p id="a">a</p><p id="b">b</p>', "unique"),
    Case(
        "wcag.dubbele-id",
        '<label for="n">N</label><input id="n"><input id="n">',
        "referenced: the other rule",
    ),
    Case(
        "wcag.dubbele-id-verwijzing",
        '<label for="naam">Naam</label><input id="naam">',
        "unique",
    ),
    Case(
        "wcag.dubbele-id-verwijzing",
        '<p id="a">a</p><p id="a">b</p>',
        "unreferenced: the other rule",
    ),
    Case(
        "wcag.aria-rol-ongeldig",
        '<div role="button" tabindex="0">Verstuur</div>',
        "valid",
    ),
    Case(
        "wcag.aria-rol-ongeldig", '<div role="switch checkbox">x</div>', "fallback list"
    ),
    Case(
        "wcag.aria-rol-ongeldig",
        '<div role="knop button">x</div>',
        "valid fallback after an invalid one",
    ),
    Case("wcag.aria-rol-ongeldig", '<aside role="doc-tip">Tip</aside>', "DPUB role"),
    Case("wcag.aria-rol-ongeldig", '<div role="">x</div>', "empty role is ignored"),
    Case(
        "wcag.aria-attribuut-onbekend",
        '<button aria-label="Sluiten">X</button>',
        "known attribute",
    ),
    Case("wcag.aria-waarde-ongeldig", '<div aria-hidden="true">x</div>', "true"),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<p id="a">A</p><input aria-label="x" aria-describedby="a nergens">',
        "one existing id is enough",
    ),
    Case(
        "wcag.aria-waarde-ongeldig", '<a href="/" aria-current="page">Home</a>', "token"
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<div role="slider" aria-valuenow="2.5" aria-label="x" tabindex="0"></div>',
        "number",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<label for="naam">Naam</label><input id="naam">',
        "label for",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        "<label>Naam <input></label>",
        "wrapping label",
    ),
    Case(
        "wcag.formulierveld-zonder-label", '<input aria-label="Zoekterm">', "aria-label"
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<input type="hidden" name="csrf">',
        "hidden field",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<input type="submit">',
        "a button, not a field",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<input placeholder="Zoekterm">',
        "placeholder gives a name (as axe accepts)",
    ),
    Case("wcag.knop-zonder-naam", "<button>Zoeken</button>", "text"),
    Case("wcag.knop-zonder-naam", '<input type="submit">', "default name Verzenden"),
    Case("wcag.knop-zonder-naam", '<input type="button" value="Terug">', "value"),
    Case(
        "wcag.knop-zonder-naam",
        '<button aria-label="Sluiten"><svg aria-hidden="true"></svg></button>',
        "icon button with aria-label",
    ),
    # 1.2.x
    Case(
        "wcag.video-zonder-ondertiteling",
        '<video controls><source src="u.mp4"><track kind="captions" src="nl.vtt" srclang="nl"></video>',
        "captions",
    ),
    Case(
        "wcag.video-zonder-ondertiteling",
        '<figure><video src="u.mp4" controls></video><figcaption><a href="/uitleg/tekst">Uitgeschreven tekst van de video</a></figcaption></figure>',
        "transcript link in the figure",
    ),
    Case(
        "wcag.video-zonder-ondertiteling",
        '<video src="u.mp4" controls></video><p><a href="/t">Transcript</a></p>',
        "transcript right after",
    ),
    Case(
        "wcag.video-zonder-ondertiteling",
        '<video src="u.mp4" hidden></video>',
        "not rendered",
    ),
    Case(
        "wcag.audio-zonder-transcript",
        '<audio src="p.mp3" controls></audio><details><summary>Uitgeschreven tekst</summary><p>Welkom bij…</p></details>',
        "transcript in a details block",
    ),
    Case(
        "wcag.audio-zonder-transcript",
        '<audio src="p.mp3" controls aria-describedby="t"></audio><div id="t">Welkom bij de podcast…</div>',
        "describedby",
    ),
    Case(
        "wcag.label-in-naam",
        '<a href="/a" aria-label="  paspoort AANVRAGEN ">Paspoort aanvragen</a>',
        "same words, other case and spaces",
    ),
    Case(
        "wcag.label-in-naam",
        '<button aria-label="Volgende pagina met resultaten">Volgende pagina</button>',
        "visible text contained in the name",
    ),
    Case(
        "wcag.label-in-naam",
        '<button aria-label="Sluiten">&times;</button>',
        "a symbol expresses non-text content",
    ),
    Case(
        "wcag.label-in-naam",
        '<nav aria-label="Hoofdmenu">Menu van de gemeente</nav>',
        "not a widget",
    ),
    Case(
        "wcag.label-in-naam",
        '<a href="/" aria-label="Home"><img src="logo.png" alt="Logo"></a>',
        "no visible text, only an image",
    ),
    Case(
        "wcag.label-in-naam",
        '<input type="email" aria-label="E-mail" value="Contact">',
        "a text field does not take its name from content",
    ),
    Case(
        "wcag.aria-verplicht-attribuut",
        '<div role="separator"></div>',
        "a separator that is not focusable needs no value",
    ),
    Case(
        "wcag.knop-zonder-naam",
        '<button role="none" disabled></button>',
        "disabled, so role none holds",
    ),
    Case(
        "wcag.lege-link",
        '<a href="/wai" role="button">Web Accessibility Initiative</a>',
        "re-roled as a button: not a link",
    ),
    Case(
        "wcag.taal-onderdeel",
        '<article lang="ongeldig"><div lang="en">They wandered into a bar.</div></article>',
        "no text takes the invalid language",
    ),
    Case(
        "wcag.taal-onderdeel",
        '<p lang="verborgen"><span style="display: none;">Tekst</span></p>',
        "only hidden text below",
    ),
    # issue 18 round 2
    Case(
        "wcag.kopniveau-overgeslagen",
        '<h1>Paspoort</h1><h3 role="tab">Kosten</h3>',
        "an h3 re-roled as a tab is no heading",
    ),
    Case(
        "wcag.alt-nietszeggend",
        '<img src="a.jpg" alt="IMG_0042.JPG" aria-label="Balie van het stadskantoor">',
        "aria-label is the name that is read, not the alt",
    ),
    Case(
        "wcag.taal-onderdeel",
        '<p lang="en-US-GB">Passport</p>',
        "the primary language is known (ACT de46e4)",
    ),
    Case(
        "wcag.taal-pagina",
        page("<p>x</p>", lang=' lang="en-US-GB"'),
        "the primary language is known (ACT bf051a)",
        page=True,
    ),
    Case(
        "wcag.meta-refresh",
        '<head><meta http-equiv="refresh" content="0; url=/nieuw">'
        '<meta http-equiv="refresh" content="5"></head>',
        "only the first refresh runs",
    ),
    Case(
        "wcag.aria-waarde-ongeldig",
        '<input aria-label="Postcode" aria-errormessage="fout-1">',
        "the error message may be added once the field is invalid",
    ),
    Case(
        "wcag.aria-attribuut-niet-toegestaan",
        '<iframe aria-label="Kaart van het stadskantoor" src="/kaart"></iframe>',
        "an iframe has no role of its own and may be named (ACT cae760)",
    ),
    Case(
        "wcag.iframe-titel",
        '<iframe tabindex="-1" src="/kaart"></iframe>',
        "out of the tab order (ACT cae760)",
    ),
    Case(
        "wcag.formulierveld-zonder-label",
        '<select role="none" disabled><option>Utrecht</option></select>',
        "a disabled select with role none is not a field (ACT e086e5)",
    ),
    Case(
        "wcag.bestandslink-zonder-vermelding",
        '<a href="/formulier.pdf" aria-description="PDF, 120 kB">Aanvraagformulier</a>',
        "the type in the accessible description",
    ),
]
