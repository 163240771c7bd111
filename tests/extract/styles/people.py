"""Shapes the fifth tuning round (dev5) taught: people named with a title in minutes, a
speaker label that holds for the speaker's next sentence, headings that name a target,
the speaker's present tense with a deadline, and the German questions and conditions
that open with an auxiliary or "bei".

Each sentence was written for this file; none comes from an evaluation split.
"""

from __future__ import annotations

# (language, text, speaker city, [(actor id or, when unresolved, its text; strength; deadline)])
FOUND = [
    # A titled person stands for the place in brackets after the name; without one, the
    # name is kept as written, title included, for review.
    ("en", "Mr Adebayo to book the hall by Friday.", None, [("Mr Adebayo", "firm", "2019-09-06")]),
    (
        "en",
        "Ms Kone (Abidjan) to circulate the rota by 12 September.",
        None,
        [("abidjan", "firm", "2019-09-12")],
    ),
    (
        "fr",
        "Mme Ndiaye (Dakar) enverra la liste des bénévoles lundi.",
        None,
        [("dakar", "firm", "2019-09-02")],
    ),
    (
        "fr",
        "M. Caron transmettra le budget révisé d'ici vendredi.",
        None,
        [("M. Caron", "firm", "2019-09-06")],
    ),
    (
        "de",
        "Herr Dr. Weber wird beauftragt, bis Oktober einen Entwurf vorzulegen.",
        None,
        [("Herr Dr. Weber", "firm", "2019-10")],
    ),
    (
        "de",
        "Frau Schulte (Stadt Lausanne) verschickt das Protokoll bis Mittwoch.",
        None,
        [("lausanne", "firm", "2019-09-04")],
    ),
    ("de", "Bis KW 41 klärt Herr Brandl die Raumfrage.", None, [("Herr Brandl", "firm", "2019-10-11")]),
    # A speaker label holds for the speaker's next sentence.
    (
        "de",
        "F: Wer bucht den Saal? A (Tunis): Machen wir. Die Bestätigung schicken wir bis Donnerstag.",
        None,
        [("tunis", "firm", "2019-09-05")],
    ),
    # ... to the end of its line: the next line falls back to the note's city.
    (
        "de",
        "A (Tunis): Machen wir.\nDie Bestätigung schicken wir bis Donnerstag.",
        "lyon",
        [("lyon", "firm", "2019-09-05")],
    ),
    # German: a pronoun right after the verb is its subject, not the object before it.
    ("de", "Den Leitfaden überarbeiten wir im November.", "sousse", [("sousse", "firm", "2019-11")]),
    # Headings that name a target, with the deadline or the possessor before the pledge noun.
    ("en", "Our 2030 goal: no family in temporary housing.", "halifax", [("halifax", "planned", "2030")]),
    (
        "en",
        "Victoria's stated target: 500 new social homes by 2022.",
        None,
        [("victoria", "planned", "2022")],
    ),
    (
        "de",
        "Vorgabe der Stadt Tunis bis 2023: jede Schule mit Sozialarbeit.",
        None,
        [("tunis", "planned", "2023")],
    ),
    (
        "fr",
        "Notre priorité pour 2021 : un médiateur dans chaque quartier.",
        "namur",
        [("namur", "planned", "2021")],
    ),
    # The speaker's present tense with a deadline ahead.
    ("en", "We launch the tenants' helpline in January.", "toronto", [("toronto", "firm", "2020-01")]),
    ("en", "Tomorrow we open the registration desk.", "gatineau", [("gatineau", "firm", "2019-09-01")]),
    # The speaker takes a task on, with no deadline: „Das übernehme ich", „Ich kümmere mich drum".
    ("de", "Gut, das übernehme ich.", "namur", [("namur", "firm", None)]),
    ("de", "Wir kümmern uns drum.", "namur", [("namur", "firm", None)]),
    # Chat and transcripts: a place in square brackets labels the speaker.
    ("de", "[Sousse] Wir gehen das im Januar an.", "lyon", [("sousse", "firm", "2020-01")]),
    (
        "fr",
        "[Namur] On vous envoie le tableau avant la fin du mois.",
        None,
        [("namur", "firm", "2019-08-31")],
    ),
    # A first person that names its organisation: that organisation.
    (
        "en",
        "We at Riverside Food Bank will open a second pantry in March.",
        "lyon",
        [("Riverside Food Bank", "firm", "2020-03")],
    ),
    (
        "de",
        "Wir, die Tafel Rhein-Ruhr, werden bis Mai eine Ausgabestelle eröffnen.",
        "lyon",
        [("Tafel Rhein-Ruhr", "firm", "2020-05")],
    ),
    (
        "de",
        "Wir, die Stadt Genf, werden bis Mai eine Ausgabestelle eröffnen.",
        "lyon",
        [("geneva", "firm", "2020-05")],
    ),
    (
        "fr",
        "Nous, à l'Association des locataires de Sousse, allons ouvrir une permanence en mai.",
        "lyon",
        [("Association des locataires de Sousse", "planned", "2020-05")],
    ),
    # Parliamentary transcripts: the speaker's name in capitals, a sentence of its own.
    (
        "fr",
        "LE MAIRE DE NAMUR. — Je présenterai le plan en novembre.",
        "lyon",
        [("namur", "firm", "2019-11")],
    ),
    # German press releases: „man" with the Konjunktiv I is whoever the report names after it.
    (
        "de",
        "Man werde die Gebühren ab März senken, teilte der Mieterverein mit.",
        None,
        [("der Mieterverein", "firm", "2020-03")],
    ),
    (
        "de",
        "Man wolle bis 2021 zwei Kitas bauen, hieß es aus Lausanne.",
        None,
        [("lausanne", "planned", "2021")],
    ),
    (
        "fr",
        "L'objectif affiché de Sousse est de planter mille arbres d'ici 2022.",
        None,
        [("sousse", "planned", "2022")],
    ),
    # The end of a month is its last day.
    ("en", "Seoul will publish the survey by the end of October.", None, [("seoul", "firm", "2019-10-31")]),
    ("de", "Köln legt den Bericht bis Ende November vor.", None, [("cologne", "firm", "2019-11-30")]),
]


# (language, a pledge, the same words that are no pledge): the pair shows the rule that removes it.
NOT_PLEDGES = [
    (
        "de",
        "Köln wird die Zahlen im Herbst veröffentlichen.",
        "Wird Köln die Zahlen im Herbst veröffentlichen",
    ),
    (
        "de",
        "Victoria schickt im November eine Delegation.",
        "Kann jemand klären, ob Victoria im November eine Delegation schickt",
    ),
    (
        "de",
        "Nächstes Jahr wiederholen wir den Markt.",
        "Bei ausreichender Nachfrage wiederholen wir den Markt nächstes Jahr.",
    ),
    (
        "en",
        "We launch the tenants' helpline in January.",
        "Every year we launch the tenants' helpline in January.",
    ),
    ("en", "We launch the tenants' helpline in January.", "We launch the tenants' helpline."),
    (
        "de",
        "Man werde die Gebühren ab März senken, teilten die Stadtwerke mit.",
        "Man werde sehen, ob die Gebühren ab März sinken.",
    ),
    (
        "de",
        "Frau Brandt verschickt die Liste am Dienstag.",
        "Frau Brandt hat die Liste wie versprochen am Dienstag verschickt.",
    ),
    (
        "fr",
        "La Fédération prévoit de recruter cet hiver.",
        "La Fédération prévoit une hausse de la fréquentation cet hiver.",
    ),
    (
        "de",
        "Frau Schulte (Lausanne) verschickt das Protokoll bis Mittwoch.",
        "Jede Frau verschickt das Protokoll.",
    ),
]
