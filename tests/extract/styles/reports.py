"""Shapes the sixth tuning round (dev6) taught: what English reports say will happen
without anyone pledging (forecasts, habits, late conditions, generic subjects, delivered
pledges), and German organisations with their legal form, fronted deadlines, plans in
the passive, and targets set by a named body.

Each sentence was written for this file; none comes from an evaluation split.
"""

from __future__ import annotations

# (language, text, speaker city, [(actor id or, when unresolved, its text; strength; deadline)])
FOUND = [
    (
        "en",
        "Halifax's main objective for 2021 is to halve rough sleeping.",
        None,
        [("halifax", "planned", "2021")],
    ),
    ("en", "Lyon will open a helpline within eighteen months.", None, [("lyon", "firm", "2021-02-28")]),
    (
        "de",
        "Die Stadtwerke Neuss GmbH investiert bis 2022 zehn Millionen in das Netz.",
        None,
        [("Stadtwerke Neuss GmbH", "firm", "2022")],
    ),
    (
        "de",
        "Die Wohnbau Rheinblick eG verpflichtet sich, bis 2021 zwanzig Wohnungen zu vergeben.",
        None,
        [("Wohnbau Rheinblick eG", "firm", "2021")],
    ),
    ("de", "Bis zum Jahresende legen wir den Bericht vor.", "tunis", [("tunis", "firm", "2019-12-31")]),
    ("de", "Im Oktober laden wir alle Vereine ein.", "tunis", [("tunis", "firm", "2019-10")]),
    ("de", "Bis zur Sommerpause legt die Stadt Tunis ein Konzept vor.", None, [("tunis", "firm", "2020-06")]),
    (
        "de",
        "Von der Stadt Rabat ist für den Herbst eine Umfrage geplant.",
        None,
        [("rabat", "planned", "2019-09")],
    ),
    (
        "de",
        "Die Stadt Sousse hat sich das Ziel gesetzt, bis 2022 drei Kitas zu bauen.",
        None,
        [("sousse", "planned", "2022")],
    ),
    ("de", "Antwort: Da kümmern wir uns drum.", "namur", [("namur", "firm", None)]),
    ("de", "Meine Verwaltung wird Ihnen bis Freitag antworten.", "namur", [("namur", "firm", "2019-09-06")]),
]


# (language, a pledge, the same words that are no pledge): the pair shows the rule that removes it.
NOT_PLEDGES = [
    (
        "en",
        "Tenants' groups will ask for a meeting in October.",
        "Tenants' groups will often ask for a meeting in October.",
    ),
    (
        "en",
        "We'll extend the scheme to the outer estates.",
        "We'll extend the scheme to the outer estates, budget permitting.",
    ),
    ("en", "We'll finish the bridge by 2022.", "We'll do our best to finish the bridge by 2022."),
    (
        "en",
        "Dakar will double its shelter places by 2040.",
        "The population of the greater Dakar region will double by 2040.",
    ),
    (
        "en",
        "Lyon will face the housing shortage head-on by 2021.",
        "Every city will face the same pressure on housing by 2021.",
    ),
    (
        "en",
        "Tunis pledged to fix the leaking mains within five years.",
        "Tunis pledged in 2016 to fix the leaking mains within five years.",
    ),
    ("en", "Sousse: new market hall by May.", "Sousse: new market hall opened in May."),
    ("en", "We run a meal service from September.", "We run a Saturday meal service."),
    (
        "de",
        "Die Stadt wird in diesem Jahr investieren.",
        "Die Stadt wird in diesem Jahr kaum investieren können.",
    ),
    (
        "de",
        "Bamako wird die Schulplätze bis 2040 verdoppeln.",
        "Die Bevölkerung von Bamako wird sich bis 2040 verdoppeln.",
    ),
    (
        "de",
        "Die Caritas wird im Winter eine Ausgabestelle öffnen.",
        "Die Nachfrage bei der Caritas wird im Winter steigen.",
    ),
    (
        "de",
        "Die Stadt Genf wird die Altstadt ab 2023 mit der Universität verbinden.",
        "Die neue Straßenbahnlinie wird ab 2023 die Altstadt mit der Universität verbinden.",
    ),
]
