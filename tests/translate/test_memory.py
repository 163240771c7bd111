from pathlib import Path

from babel.messages.pofile import read_po, write_po

from synthesis.translate import Segment, TranslationMemory, TranslatorChain, export_untranslated

FR = Segment("Lyon will plant 3,000 street trees.", "en", "fr")
DE = Segment("Genève s’engage à publier un plan canicule.", "fr", "de")


def test_untranslated_segments_round_trip_through_a_po_file(tmp_path: Path) -> None:
    [path] = export_untranslated([FR, FR], tmp_path)
    assert path.name == "to-translate.fr.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    [message] = [m for m in catalog if m.id]
    assert (message.id, message.context, message.string) == (FR.text, "en", "")

    # A translator fills in msgstr (here through Babel, as a PO editor would); the next run
    # reads the file as part of the memory.
    message.string = "Lyon plantera 3 000 arbres."
    with path.open("wb") as handle:
        write_po(handle, catalog)
    memory = TranslationMemory.load(tmp_path)
    assert memory.translate([FR]) == ["Lyon plantera 3 000 arbres."]


def test_matches_are_exact_or_after_normalisation() -> None:
    memory = TranslationMemory(
        {("fr", "de", DE.text): "Genf verpflichtet sich, einen Hitzeplan zu veröffentlichen."}
    )
    loose = Segment("  genève S'ENGAGE à publier   un plan canicule. ", "fr", "de")
    other_pair = Segment(DE.text, "fr", "en")
    assert memory.translate([DE, loose, other_pair]) == [
        "Genf verpflichtet sich, einen Hitzeplan zu veröffentlichen.",
        "Genf verpflichtet sich, einen Hitzeplan zu veröffentlichen.",
        None,
    ]


def test_no_translation_means_the_original_marked_never_dropped() -> None:
    chain = TranslatorChain([TranslationMemory()])
    [translation] = chain.translate([FR])
    assert (translation.text, translation.origin, translation.marker) == (FR.text, "original", "original: EN")
    assert chain.untranslated([translation]) == [FR]
    same = Segment("Texte", "fr", "fr")
    [kept] = chain.translate([same])
    assert kept.text == "Texte" and chain.untranslated([kept]) == []
