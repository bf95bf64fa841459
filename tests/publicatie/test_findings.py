from contenthub.findings import Finding, Location, Severity


def test_only_fout_blocks():
    assert Severity.FOUT.blocks
    assert not Severity.WAARSCHUWING.blocks
    assert not Severity.TIP.blocks


def test_a_finding_survives_a_round_trip_through_json_data():
    finding = Finding(
        rule="wcag.alt-ontbreekt",
        severity=Severity.FOUT,
        message="Deze afbeelding heeft geen tekstalternatief.",
        suggestion="Beschrijf in het alt-attribuut wat de afbeelding laat zien.",
        location=Location(css_path="main > p:nth-of-type(2) > img", line=4),
        criteria=("1.1.1",),
        level="A",
    )
    assert Finding.from_dict(finding.to_dict()) == finding


def test_in_field_places_a_finding_in_a_product_field():
    finding = Finding(
        rule="taal.lange-zin", severity=Severity.WAARSCHUWING, message="m"
    )
    moved = finding.in_field("wat_is_het")
    assert moved.location.field == "wat_is_het"
    assert finding.location.field == ""
