"""Shapes the seventh tuning round (dev7) taught: spoken first-person talk in transcripts,
interviews and chats, where most of what sounds like a pledge is not one (logistics,
hopes, beliefs, hearsay, a speaker's own past pledges), the offers it does make, and
German organisations named in full.

Each sentence was written for this file; none comes from an evaluation split.
"""

from __future__ import annotations

# (language, text, speaker city, [(actor id or, when unresolved, its text; strength; deadline)])
FOUND = [
    ("en", "I'd be happy to host the spring workshop here.", "namur", [("namur", "proposed", None)]),
    ("en", "We'd be glad to share our training kit with Tunis.", "namur", [("namur", "proposed", None)]),
    ("en", "Count on us for the chairs and the sound system.", "namur", [("namur", "proposed", None)]),
    ("en", "We could send two mediators to Dakar in November.", "namur", [("namur", "proposed", "2019-11")]),
    ("en", "So Tunis's going to chair the network from January.", None, [("tunis", "planned", "2020-01")]),
    ("fr", "Comptez sur nous pour la salle du festival.", "namur", [("namur", "proposed", None)]),
    # German organisations, whatever their name holds: „Firma", „St.", „&", a legal form.
    (
        "de",
        "Die Firma Meyer Haustechnik hat zugesagt, die Heizung bis Oktober zu reparieren.",
        None,
        [("Firma Meyer Haustechnik", "firm", "2019-10")],
    ),
    (
        "de",
        "Die Evangelische Kirchengemeinde St. Lukas stellt ab dem 1. November ihren Saal bereit.",
        None,
        [("Evangelische Kirchengemeinde St. Lukas", "firm", "2019-11-01")],
    ),
    (
        "de",
        "Die Bäckerei Aydın & Töchter hat angeboten, Brötchen zu spenden.",
        None,
        [("Bäckerei Aydın & Töchter", "proposed", None)],
    ),
    (
        "de",
        "Die Stiftung Rheinufer stellt in den kommenden zwei Jahren Mittel bereit.",
        None,
        [("Stiftung Rheinufer", "firm", "2021-08-31")],
    ),
]

# (language, a pledge, the same words that are no pledge): the pair shows the rule that removes it.
NOT_PLEDGES = [
    (
        "en",
        "I'll fix the streetlights on Elm Road.",
        "I said I would fix the streetlights on Elm Road, and I did.",
    ),
    ("en", "We'll visit the new shelter after lunch.", "We'll break for lunch and start again at two."),
    ("en", "We'll have the tram by 2025.", "I'd like to think we'll have the tram by 2025."),
    ("en", "The province will pay for the ramps.", "Apparently the province will pay for the ramps."),
    ("en", "We'll stand up for our libraries in the budget.", "We will always stand up for our libraries."),
    ("en", "We'd be happy to host the 2021 summit.", "In principle we'd be happy to host the 2021 summit."),
    ("fr", "Je vais présenter le plan à Fatou.", "Je vais passer la parole à Fatou."),
    ("fr", "On va rénover la salle au printemps.", "On espère rénover la salle au printemps."),
    ("fr", "On va ouvrir la maison ce soir.", "On va faire une pause de dix minutes."),
    (
        "de",
        "Der Kreis wird die Beförderung neu regeln.",
        "Der Kreis wird die Beförderung angeblich neu regeln.",
    ),
    ("de", "Wir werden mehr Personal einstellen.", "Ich glaube, wir werden mehr Personal einstellen."),
    (
        "de",
        "Wir stemmen das Sommerprogramm dieses Jahr.",
        "Ob wir das Sommerprogramm dieses Jahr stemmen, weiß ich nicht.",
    ),
]
