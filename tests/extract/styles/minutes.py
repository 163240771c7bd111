"""Shapes of minutes, transcripts and report prose that the third tuning round (dev3) taught.

Each sentence was written for this file, in the shape of what the rules now read:
minutes labels ("Action: ...", "Councillor X (Place): ..."), attributions after a
quote, targets and renewed commitments, organisations named after their place or
joined by "and", German object-first present tense, and the hedges, habits and
verb-first conditions that are no pledges. None comes from an evaluation split.
"""

from __future__ import annotations

# (language, text, speaker city, [(actor id or, when unresolved, its text; strength; deadline)])
FOUND = [
    (
        "en",
        "Item 8 – Rabat to replace all sodium lamps on the ring road by 31 March 2020.",
        None,
        [("rabat", "firm", "2020-03-31")],
    ),
    (
        "de",
        "Es wird vereinbart, dass Tunis die Umfrage bis 15. Oktober an alle Mitglieder verschickt.",
        None,
        [("tunis", "firm", "2019-10-15")],
    ),
    (
        "de",
        "Das Ministerium hat uns zugesichert, dass es die Richtlinie bis März überarbeitet.",
        None,
        [("Das Ministerium", "firm", "2020-03")],
    ),
    (
        "de",
        "TOP 3: Lyon übernimmt bis 20.09. die Abstimmung mit der Polizei.",
        None,
        [("lyon", "firm", "2019-09-20")],
    ),
    (
        "de",
        "Also, nächste Woche setze ich mich mit dem Jobcenter zusammen.",
        "namur",
        [("namur", "firm", "2019-09")],
    ),
    ("de", "Die AIMF hat angeboten, die Dolmetscherkosten zu tragen.", None, [("aimf", "proposed", None)]),
    (
        "de",
        "Der Bürgermeister von Tunis bekräftigte die Zusage der Stadt, die Mittel 2020 zu verdoppeln.",
        None,
        [("tunis", "firm", "2020")],
    ),
    (
        "en",
        "Fairwork Logistics' commitment is to pay the living wage from April 2020.",
        None,
        [("Fairwork Logistics", "firm", "2020-04")],
    ),
    (
        "en",
        "PANEL – Mayor of Dakar: We could host the next flood-mapping training.",
        None,
        [("dakar", "proposed", None)],
    ),
    (
        "en",
        "We're gonna train forty more interpreters next year.",
        "victoria",
        [("victoria", "planned", "2020")],
    ),
    (
        "en",
        "Agreed actions: Rabat to share the ridership data by 30 September.",
        None,
        [("rabat", "firm", "2019-09-30")],
    ),
    (
        "fr",
        "Le conseil municipal de Tunis a décidé d'étendre la collecte d'ici fin 2020.",
        None,
        [("tunis", "firm", "2020-12-31")],
    ),
    ("fr", "Je me propose de relire la note avant son envoi.", "lyon", [("lyon", "proposed", None)]),
    (
        "fr",
        "Relevé de décisions – Sceaux : organiser une réunion publique en octobre.",
        None,
        [("sceaux", "firm", "2019-10")],
    ),
    (
        "en",
        "Action: Tunis to publish the mediators' directory by 12 October.",
        None,
        [("tunis", "firm", "2019-10-12")],
    ),
    (
        "en",
        "ACTION — Rabat: circulate the survey results by 20 November.",
        None,
        [("rabat", "firm", "2019-11-20")],
    ),
    (
        "en",
        "A: I'm going to name a night-life coordinator before the end of the year.",
        "lyon",
        [("lyon", "planned", "2019-12-31")],
    ),
    (
        "en",
        "Councillor Mensah (Dakar): I'll chair the flood task force from next month.",
        "lyon",
        [("dakar", "firm", "2019-09")],
    ),
    (
        "en",
        "Deputy Mayor (Tunis) – I will write to the ministry on Monday.",
        "lyon",
        [("tunis", "firm", "2019-09-02")],
    ),
    (
        "en",
        "Mr Ortiz, Monterrey: I'm happy to host the youth forum in May.",
        "lyon",
        [("monterrey", "proposed", "2020-05")],
    ),
    (
        "en",
        "“We'll reopen the river baths next summer,” the mayor of Geneva said.",
        "lyon",
        [("geneva", "firm", "2020-06")],
    ),
    (
        "en",
        "Tunis, the deputy mayor said, will double the night buses before the end of next year.",
        None,
        [("tunis", "firm", "2020-12-31")],
    ),
    (
        "en",
        "Halifax is set to extend its winter shelter to all districts by 2021.",
        None,
        [("halifax", "planned", "2021")],
    ),
    (
        "en",
        "Through the charter we will strive to halve waiting lists by 2023.",
        "seoul",
        [("seoul", "planned", "2023")],
    ),
    (
        "en",
        "The Observatory is to publish its map of projects early next year.",
        None,
        [("observatory", "firm", "2020")],
    ),
    (
        "en",
        "We have set ourselves the goal of planting 5,000 trees within two years.",
        "rabat",
        [("rabat", "planned", "2021-08-31")],
    ),
    (
        "en",
        "We reaffirm our commitment to a barrier-free tram network by 2025.",
        "quebec",
        [("quebec", "firm", "2025")],
    ),
    (
        "en",
        "The Rivers and Canals Trust is going to clear the old towpaths by 2021.",
        None,
        [("Rivers and Canals Trust", "planned", "2021")],
    ),
    (
        "en",
        "Lyon Housing Trust's commitment is to deliver 200 social homes by 2022.",
        None,
        [("Lyon Housing Trust", "firm", "2022")],
    ),
    (
        "en",
        "MAYOR OF RABAT — I can offer our sports hall for the regional tournament.",
        None,
        [("rabat", "proposed", None)],
    ),
    (
        "en",
        "I promise you that every library will open on Sundays by 2021.",
        "namur",
        [("namur", "firm", "2021")],
    ),
    ("fr", "Je vous promets que la piscine rouvrira au printemps.", "tunis", [("tunis", "firm", "2020-03")]),
    (
        "fr",
        "Dakar (adjointe) : les salles, je m'en occupe d'ici vendredi.",
        "lyon",
        [("dakar", "firm", "2019-09-06")],
    ),
    (
        "fr",
        "Nous nous fixons l'objectif de zéro enfant sans cantine d'ici 2022.",
        "sceaux",
        [("sceaux", "planned", "2022")],
    ),
    (
        "fr",
        "Nous visons l'ouverture d'une maison des parents dans chaque quartier d'ici 2021.",
        "lyon",
        [("lyon", "planned", "2021")],
    ),
    (
        "fr",
        "Pont Solidaire, une association genevoise, va accompagner 100 familles d'ici juin 2020.",
        None,
        [("Pont Solidaire", "planned", "2020-06")],
    ),
    (
        "fr",
        "Sousse ne fermera pas la halle ; elle prolongera au contraire ses horaires dès octobre.",
        None,
        [("sousse", "firm", "2019-10")],
    ),
    (
        "fr",
        "« Moi, je visiterai les foyers dès lundi », a lancé l'adjointe de Dakar.",
        "lyon",
        [("dakar", "firm", "2019-09-02")],
    ),
    (
        "fr",
        "Le Secours du Marché offre d'accueillir gratuitement les cours du soir.",
        None,
        [("Secours du Marché", "proposed", None)],
    ),
    (
        "fr",
        "Emmaüs Solidarité s'est donné pour mission de loger 300 personnes d'ici 2021.",
        None,
        [("Emmaüs Solidarité", "planned", "2021")],
    ),
    (
        "de",
        "„Wir sind gern bereit, das nächste Treffen auszurichten“, sagte der Vizebürgermeister von Tunis.",
        "lyon",
        [("tunis", "proposed", None)],
    ),
    ("de", "Ich sorge dafür, dass die Bäder auch sonntags offen sind.", "rabat", [("rabat", "firm", None)]),
    (
        "de",
        "Die Stadtwerke Nordhafen verfolgen das Ziel, bis 2030 klimaneutral zu heizen.",
        None,
        [("Stadtwerke Nordhafen", "planned", "2030")],
    ),
    ("de", "Die Unterlagen schicke ich Ihnen bis Freitag.", "tunis", [("tunis", "firm", "2019-09-06")]),
    (
        "de",
        "„Den Zuschuss erhöhen wir 2020 um ein Viertel“, betonte die Beigeordnete von Namur.",
        "lyon",
        [("namur", "firm", "2020")],
    ),
    (
        "de",
        "Rabat und Tunis richten nächstes Jahr gemeinsam ein Jugendforum aus.",
        None,
        [("rabat", "firm", "2020"), ("tunis", "firm", "2020")],
    ),
]


# (language, a pledge, the same words that are no pledge): the pair shows the rule that removes it.
NOT_PLEDGES = [
    (
        "en",
        "Lyon will join the heat-officer network.",
        "Does Lyon intend to join the heat-officer network – to be confirmed",
    ),
    (
        "en",
        "We'll host the spring workshop.",
        "Thanks for thinking of us, but we'll have to pass on hosting the spring workshop.",
    ),
    (
        "fr",
        "Selon le préfet, la métropole ouvrira trois centres en 2030.",
        "Selon le préfet, la population de l'agglomération atteindra 900 000 habitants en 2030.",
    ),
    (
        "de",
        "Mannheim wird noch 2020 mit dem Bau beginnen.",
        "Sollte der Bund die Mittel freigeben, wird Mannheim noch 2020 mit dem Bau beginnen.",
    ),
    (
        "de",
        "Wir schicken vor Freitag die Liste an den Sicherheitsdienst.",
        "Bitte unbedingt vor Freitag die Liste an den Sicherheitsdienst schicken!",
    ),
    (
        "en",
        "Lyon will reopen the station in 2021.",
        "I suspect Lyon will probably reopen the station in 2021.",
    ),
    (
        "en",
        "Our commitment to open data by 2021 is firm.",
        "Our commitment to open data is reflected in every report.",
    ),
    (
        "en",
        "Lyon will pair each new family with a host.",
        "The aim of the Welcome Bridges programme is to pair each new family with a host.",
    ),
    (
        "en",
        "We'll fund the second ferry line in 2020.",
        "We'll see about the second ferry line once the new council is in.",
    ),
    (
        "fr",
        "Nous organiserons une nuit des musées en septembre.",
        "Nous organisons chaque année une nuit des musées en septembre.",
    ),
    (
        "fr",
        "Lyon accueillera la réunion en mai.",
        "Lyon accueillera la réunion en mai, pourvu que les visas arrivent.",
    ),
    (
        "fr",
        "Namur reprendra les ateliers cette année.",
        "Namur ne va pas reprendre les ateliers en arabe cette année.",
    ),
    (
        "de",
        "Wir öffnen den Badesee schon im Juni.",
        "Bekommen wir die Genehmigung, öffnen wir den Badesee schon im Juni.",
    ),
    (
        "de",
        "Im Mai schicke ich die Liste.",
        "„Im Mai habe ich die Liste geschickt“, so die Bürgermeisterin von Graz.",
    ),
    (
        "de",
        "Die Verkehrsbetriebe erhöhen die Preise ab 2020.",
        "Die Verkehrsbetriebe erhöhen die Preise ab 2020 wahrscheinlich schon wieder.",
    ),
]
