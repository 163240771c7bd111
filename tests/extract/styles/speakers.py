"""Shapes the ninth tuning round (dev9 German misses) taught: organisations whose name holds
„der", „im" or „für" or ends in a body's word, an aside between a name and its verb, aims held
by a plan or named by a noun, and a speaker introduced a sentence before their „wir".

Each sentence was written for this file; none comes from an evaluation split.
"""

from __future__ import annotations

# (language, text, speaker city, [(actor id or, when unresolved, its text; strength; deadline)])
FOUND = [
    (
        "de",
        "Die Nordstadt Wohnungsgesellschaft verspricht, alle Treppenhäuser barrierefrei umzubauen.",
        None,
        [("Nordstadt Wohnungsgesellschaft", "firm", None)],
    ),
    (
        "de",
        "Das Haus der Nachbarschaft wird im Frühjahr einen Reparaturtreff eröffnen.",
        None,
        [("Haus der Nachbarschaft", "firm", "2020-03")],
    ),
    (
        "de",
        "Die Evangelische Kirche im Rheinland öffnet im Januar drei Wärmestuben.",
        None,
        [("Evangelische Kirche im Rheinland", "firm", "2020-01")],
    ),
    (
        "de",
        "Das Zentrum für Migration plant für den Herbst eine Sprechstunde in der Altstadt.",
        None,
        [("Zentrum für Migration", "planned", "2019-09")],
    ),
    # An aside between the name and its verb names no one.
    (
        "de",
        "Der Mieterverein Oberbilk, einer der ältesten Träger der Stadt, wird eine Rechtsberatung anbieten.",
        None,
        [("Der Mieterverein Oberbilk", "firm", None)],
    ),
    # A plan's holder holds its aims; an aim named by a noun pledges with its deadline.
    (
        "de",
        "Der Mobilitätsplan von Lyon hat das Ziel, bis 2025 jede Schule an ein Radnetz anzuschließen.",
        None,
        [("lyon", "planned", "2025")],
    ),
    (
        "de",
        "Ziel der Stadt Rabat ist eine Versorgung aller Haushalte mit Trinkwasser bis 2030.",
        None,
        [("rabat", "planned", "2030")],
    ),
    # The speaker introduced before speaks for their place until the paragraph ends.
    (
        "de",
        "Nun spricht Frau Haddad, Beigeordnete aus Tunis. Sie dankt den Gastgebern. "
        "Im Mai eröffnen wir zwei Lesecafés.",
        "lyon",
        [("tunis", "firm", "2020-05")],
    ),
    (
        "de",
        "Die Delegation aus Dakar berichtet über die Hitze.\nIm Mai eröffnen wir zwei Lesecafés.",
        "lyon",
        [("lyon", "firm", "2020-05")],
    ),
]

# Replies after a label or a word of talk, an offer, and a heading after a label.
FOUND += [
    (
        "de",
        "Antwort der Beigeordneten aus Rabat: Ja, wir öffnen im kommenden Jahr zwei Bibliotheken.",
        None,
        [("rabat", "firm", "2020")],
    ),
    ("de", "Ja … wir schicken im Oktober zwei Fachleute nach Tunis.", "lyon", [("lyon", "firm", "2019-10")]),
    (
        "de",
        "Wir könnten Ihnen im Frühjahr unsere Schulungsunterlagen zur Verfügung stellen.",
        "lyon",
        [("lyon", "proposed", "2020-03")],
    ),
    (
        "de",
        "Mobilitätsplan der Stadt Lyon – Ziel: Verdopplung der Radwege bis 2025.",
        None,
        [("lyon", "planned", "2025")],
    ),
    (
        "de",
        "Klimaziel 2 – Umweltamt Rabat: 300 neue Bäume bis Juni 2021.",
        None,
        [("Umweltamt Rabat", "planned", "2021-06")],
    ),
]

# Reported speech: the source named first, its pronoun pledging; the reporter before „man".
FOUND += [
    (
        "de",
        "Wie die Evangelische Kirchengemeinde Unterbach mitteilte, öffnet sie ab dem 1. Dezember "
        "ihren Saal als Wärmestube.",
        None,
        [("Evangelische Kirchengemeinde Unterbach", "firm", "2019-12-01")],
    ),
    (
        "de",
        "Der Mieterverein Gerresheim erklärte, man werde bis Jahresende eine Sprechstunde einrichten.",
        None,
        [("Mieterverein Gerresheim", "firm", "2019-12-31")],
    ),
]

# Two bodies joined by „und" before their verb: each pledges.
FOUND += [
    (
        "de",
        "Die Evangelische Gemeinde St. Johannes und der Jugendmigrationsdienst Derendorf werden "
        "gemeinsam eine Lernhilfe anbieten.",
        None,
        [
            ("Evangelische Gemeinde St. Johannes", "firm", None),
            ("der Jugendmigrationsdienst Derendorf", "firm", None),
        ],
    ),
]

NOT_PLEDGES = [
    # An aim named by a noun, without a deadline, only describes.
    (
        "de",
        "Ziel der Stadt Rabat ist eine Versorgung aller Haushalte mit Trinkwasser bis 2030.",
        "Ziel der Stadt Rabat ist eine Versorgung aller Haushalte mit Trinkwasser.",
    ),
    # A sentence naming two places introduces no speaker: „wir" stays the note's city.
    (
        "de",
        "Die Bürgermeisterin von Rabat dankt Tunis. Wir eröffnen im Mai zwei Lesecafés.",
        "Die Bürgermeisterin von Rabat dankt Tunis. Wir eröffneten im Mai zwei Lesecafés.",
    ),
    # An offer with its condition, a habit, an opinion, hearsay, a condition on a heading.
    (
        "de",
        "Wir könnten die Kosten im Mai übernehmen.",
        "Wir könnten die Kosten im Mai übernehmen, wenn das Land zustimmt.",
    ),
    (
        "de",
        "Wir öffnen ab Dezember die Turnhalle als Wärmeraum.",
        "Wie jeden Winter öffnen wir ab Dezember die Turnhalle als Wärmeraum.",
    ),
    (
        "de",
        "Frau Kaya (Lyon) erklärt sich bereit, die Liste bis Freitag zu schicken.",
        "Frau Kaya (Lyon) erklärt, man müsse den Spielplatz an der Bahnstraße bis Mai sanieren.",
    ),
    (
        "de",
        "Die Stiftung Brückenschlag wird ein zweites Stipendienjahr finanzieren.",
        "Im Falle einer Bewilligung wird die Stiftung Brückenschlag ein zweites Stipendienjahr finanzieren.",
    ),
    (
        "de",
        "Die Caritas will das Café bis 2021 wieder öffnen.",
        "Hab gehört, die Caritas will das Café bis 2021 wieder öffnen.",
    ),
    (
        "de",
        "Zielmarke der Stadt Rabat für 2025: 50 Prozent Elektrobusse.",
        "Zielmarke der Stadt Rabat für 2025 unter Vorbehalt: 50 Prozent Elektrobusse, sofern das Land zahlt.",
    ),
    (
        "de",
        "Die Caritas öffnet ab Dezember eine Wärmestube.",
        "Wie im Vorjahr öffnet die Caritas ab Dezember eine Wärmestube.",
    ),
]
