from synthesis.ingest.containers import ZipLimits
from synthesis.ingest.odt import read_odt
from tests.conftest import GOOD


def test_odt_blocks_and_metadata() -> None:
    document = read_odt((GOOD / "connective-note.odt").read_bytes(), limits=ZipLimits())
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Digitale Beteiligung im Quartier"),
        (
            "paragraph",
            "Düsseldorf stellte seine Beteiligungsplattform vor, auf der Bürgerinnen und Bürger "
            "Vorschläge für ihr Viertel einreichen und kommentieren können.",
        ),
        ("list_item", "Wir werden die Plattform bis Ende 2020 in sechs Sprachen anbieten."),
        ("list_item", "Offene Frage: Wie erreicht man ältere Menschen ohne Internet?"),
        ("table_row", "Stadt | Maßnahme"),
        ("table_row", "Genf | offene Daten zum Nahverkehr"),
    ]
    assert document.metadata == {
        "title": "Digitale Beteiligung",
        "rapporteur": "Jonas Becker",
        "session": "day 2 morning",
        "workshop": "connective",
        "city": "Düsseldorf",
    }
