from synthesis.ingest.language import classify, detect_note, detect_paragraph

# Short paragraphs as rapporteurs write them; the closing note reports accuracy on these.
SHORT_PARAGRAPHS = [
    ("en", "Rabat will open two language cafés next year."),
    ("en", "Q: who pays for maintenance after year one?"),
    ("en", "Approx. 40 participants, mostly deputy mayors."),
    ("en", "Montreal presented its welcome desks for newcomers."),
    ("fr", "Genève s'engage à publier un plan canicule."),
    ("fr", "Question ouverte : qui finance les médiateurs ?"),
    ("fr", "Dakar prévoit un budget participatif par quartier."),
    ("fr", "Environ 30 personnes, surtout des élus locaux."),
    ("de", "Düsseldorf wird bis Ende 2020 fünf Zentren eröffnen."),
    ("de", "Offene Frage: Wer zahlt die Wartung?"),
    ("de", "Ca. 25 Teilnehmende, überwiegend aus Verwaltungen."),
    ("de", "Genf stellte sein Frühwarnsystem für Hitzewellen vor."),
]


def test_short_paragraphs_are_classified_correctly() -> None:
    wrong = [(lang, text) for lang, text in SHORT_PARAGRAPHS if classify(text)[0] != lang]
    assert wrong == []


def test_fragments_inherit_the_note_language() -> None:
    assert detect_paragraph("Dakar: OK", fallback="fr") == "fr"
    assert detect_paragraph("approx. 30 ppl", fallback="de") == "de"


def test_one_paragraph_in_another_language_does_not_flip_the_note() -> None:
    paragraphs = [
        "La séance a porté sur la prévention et la sécurité dans les espaces publics.",
        "Montréal a présenté son centre de prévention, qui accompagne les familles.",
        "Strasbourg s'engage à former ses médiateurs de quartier d'ici juin 2020.",
        "Der Bürgermeister von Düsseldorf sagte, die Stadt werde mehr Sozialarbeiter einstellen.",
    ]
    assert detect_note(paragraphs) == "fr"
    assert detect_paragraph(paragraphs[-1], fallback="fr") == "de"
