"""Shapes of German organisations and aims that the eighth tuning round (dev5–dev7 German
misses, then dev8) taught.

Each sentence was written for this file: bodies joined by „und", with their legal form,
an acronym or a place in their name; a present tense after a fronted phrase; aims held
in a „dass" clause or reported by a body after the clause („heißt es im …"); and the
genitives, objects and habits that are no subject or no pledge. None comes from an
evaluation split.
"""

from __future__ import annotations

# (language, text, speaker city, [(actor id or, when unresolved, its text; strength; deadline)])
FOUND = [
    (
        "de",
        "Der Kinderschutzbund Velbert und die Nachbarschaftshilfe Langenberg e. V. richten ab Oktober "
        "gemeinsam eine Elternsprechstunde ein.",
        None,
        [
            ("Der Kinderschutzbund Velbert", "firm", "2019-10"),
            ("die Nachbarschaftshilfe Langenberg e. V.", "firm", "2019-10"),
        ],
    ),
    (
        "de",
        "Das DRK und die AWO übernehmen ab sofort gemeinsam den Fahrdienst zur Tafel.",
        None,
        [("Das DRK", "firm", None), ("die AWO", "firm", None)],
    ),
    (
        "de",
        "Im Rahmen der Partnerschaft mit Sousse übernimmt die Tafel Ratingen ab März "
        "die Lebensmittelausgabe.",
        None,
        [("die Tafel Ratingen", "firm", "2020-03")],
    ),
    (
        "de",
        "Laut Vorstandsbeschluss wird die Bürgerstiftung Erkrath ab Januar zwei Stipendien vergeben.",
        None,
        [("die Bürgerstiftung Erkrath", "firm", "2020-01")],
    ),
    (
        "de",
        "Wir vergrößern die Bibliothek nicht, aber die Lesesäle öffnen wir ab Januar auch sonntags.",
        "namur",
        [("namur", "firm", "2020-01")],
    ),
    (
        "de",
        "Unser Ziel ist, dass bis 2023 jede Schule einen Trinkbrunnen hat.",
        "halifax",
        [("halifax", "planned", "2023")],
    ),
    (
        "de",
        "Ziel ist es, bis 2024 alle Ampeln mit Tonsignalen auszustatten, heißt es im Mobilitätsplan "
        "der Stadt Lausanne.",
        None,
        [("lausanne", "planned", "2024")],
    ),
    (
        "de",
        "Angestrebt wird, dass der Landkreis Mettmann die Kosten ab 2021 übernimmt.",
        None,
        [("der Landkreis Mettmann", "planned", "2021")],
    ),
    (
        "de",
        "Angestrebt wird von der Stadt Rabat, die Wartezeiten bis Ende 2020 zu halbieren.",
        None,
        [("rabat", "planned", "2020-12-31")],
    ),
    ("de", "Darum kümmere ich mich selbst, gleich nach der Sitzung.", "tunis", [("tunis", "firm", None)]),
    (
        "de",
        "Ich setze mich dafür ein, dass der Spielplatz im Sommer saniert wird.",
        None,
        [("Ich", "planned", "2020-06")],
    ),
    (
        "de",
        "Man plane, den Takt ab Dezember zu verdichten, sagte die Sprecherin der Kölner Verkehrs-Betriebe.",
        None,
        [("der Kölner Verkehrs-Betriebe", "planned", "2019-12")],
    ),
    ("de", "Versprochen: Die Bänke stellen wir bis Oktober auf.", "lyon", [("lyon", "firm", "2019-10")]),
    (
        "de",
        "Die Volkshochschule Hilden will ab dem Frühjahr Abendkurse anbieten.",
        None,
        [("Volkshochschule Hilden", "planned", "2020-03")],
    ),
    # The month under way counts: „ab September", said on 31 August, is this September.
    (
        "de",
        "Die Stadt Genf lädt ab September zu offenen Sprechstunden ein.",
        None,
        [("geneva", "firm", "2019-09")],
    ),
]

# Minutes that hand out tasks: „übernimmt", the verb-final present of a „dass" clause, and
# the Konjunktiv I of a protocol.
FOUND += [
    (
        "de",
        "Die Verwaltung teilt mit, dass der Landkreis Kleve die Busfahrkarten ab dem 1. November übernimmt.",
        None,
        [("der Landkreis Kleve", "firm", "2019-11-01")],
    ),
    ("de", "Es wurde vereinbart, dass Tunis die Moderation übernimmt.", None, [("tunis", "firm", None)]),
    ("de", "Frau Petrović übernimmt die Einladung zum Sommerfest.", None, [("Frau Petrović", "firm", None)]),
    (
        "de",
        "Der Sportverein Eller e. V. sichere zu, die Halle auch samstags zu öffnen, heißt es im Protokoll.",
        None,
        [("Sportverein Eller e. V.", "firm", None)],
    ),
]

# The dev8 round: offices and parishes named in full, plans held by a place, a source or a
# reporter, a speaker's second pledge after „und", and the headings of minutes.
FOUND += [
    (
        "de",
        "Das Jugendamt des Kreises Heinsberg schickt bis zum 15. Oktober Fachkräfte in alle Unterkünfte.",
        None,
        [("Jugendamt des Kreises Heinsberg", "firm", "2019-10-15")],
    ),
    (
        "de",
        "Die evangelische Kirchengemeinde St. Paulus öffnet ab Mitte November ihr Gemeindehaus "
        "als Wärmestube.",
        None,
        [("Die evangelische Kirchengemeinde St. Paulus", "firm", "2019-11")],
    ),
    # A start date makes a yearly act a pledge, not a habit.
    (
        "de",
        "Die Stiftung Nachbarschaft Remscheid stellt nach eigenen Angaben ab 2020 jährlich "
        "20.000 Euro bereit.",
        None,
        [("Stiftung Nachbarschaft Remscheid", "firm", "2020")],
    ),
    (
        "de",
        "Im nächsten Jahr soll in Dakar ein zweites Jugendzentrum eröffnet werden, "
        "teilte die Stadtverwaltung mit.",
        None,
        [("dakar", "planned", "2020")],
    ),
    (
        "de",
        "Von der Stadt Tunis wird bis Ende 2020 ein Fonds für Kleinunternehmen eingerichtet.",
        None,
        [("tunis", "firm", "2020-12-31")],
    ),
    (
        "de",
        "Die Sporthalle soll nach Angaben der Stadt Namur bis Ende 2021 saniert werden.",
        None,
        [("namur", "planned", "2021-12-31")],
    ),
    (
        "de",
        "Bis zum Winter soll in jedem Viertel eine Wärmestube eingerichtet werden, "
        "so die Bürgermeisterin von Lyon.",
        None,
        [("lyon", "planned", "2019-12")],
    ),
    (
        "de",
        "Wir werden die Bibliothek ab 2020 länger öffnen, und ich stelle das Konzept im Oktober vor.",
        "geneva",
        [("geneva", "firm", "2020"), ("geneva", "firm", "2019-10")],
    ),
    (
        "de",
        "Aufgabe Rabat: Entwurf der Charta bis 30. September an alle Mitglieder.",
        None,
        [("rabat", "firm", "2019-09-30")],
    ),
    (
        "de",
        "Geschäftsführer, Tafel Hilden e. V.: Ab nächster Woche beliefern wir auch die Notunterkunft.",
        None,
        [("wir", "firm", "2019-09")],
    ),
    # Two infinitives side by side do one thing: one pledge.
    ("de", "Wir werden die Schulhöfe bis 2021 entsiegeln und begrünen.", "lyon", [("lyon", "firm", "2021")]),
]

# Speech: intentions, getting back, a promise of a clause, a date right before the verb, and
# bodies named with a capitalised adjective.
FOUND += [
    (
        "de",
        "Wir haben vor, im nächsten Jahr drei Spielplätze zu erneuern.",
        "lyon",
        [("lyon", "planned", "2020")],
    ),
    ("de", "Mein Team meldet sich nächste Woche bei Ihnen.", "lyon", [("lyon", "firm", "2019-09")]),
    (
        "de",
        "Ich kann Ihnen zusagen, dass die Bibliothek ab Januar länger öffnet.",
        "lyon",
        [("lyon", "firm", "2020-01")],
    ),
    ("de", "Im ersten Quartal 2020 starten wir das Pilotprojekt.", "lyon", [("lyon", "firm", "2020")]),
    (
        "de",
        "Die Deutsche Bahn wird den Bahnhof bis 2022 barrierefrei umbauen.",
        None,
        [("Deutsche Bahn", "firm", "2022")],
    ),
    (
        "de",
        "Das Deutsche Rote Kreuz baut bis März eine zweite Notunterkunft auf.",
        None,
        [("Deutsche Rote Kreuz", "firm", "2020-03")],
    ),
]

# Bodies in capitals, a body named before a verb only a body does, and a pronoun for it.
FOUND += [
    (
        "de",
        "Auch die Caritas beteiligt sich: Sie eröffnet im Oktober eine zweite Kleiderkammer.",
        None,
        [("caritas", "firm", "2019-10")],
    ),
    (
        "de",
        "Die Arbeiterwohlfahrt kündigte an, ab Januar eine Schuldnerberatung in Garath anzubieten.",
        None,
        [("Arbeiterwohlfahrt", "firm", "2020-01")],
    ),
    (
        "de",
        "Die IHK Düsseldorf richtet im November einen Runden Tisch zur Ausbildung ein.",
        None,
        [("Die IHK Düsseldorf", "firm", "2019-11")],
    ),
    ("de", "UNICEF unterstützt ab 2020 zwei Schulprojekte in Dakar.", None, [("UNICEF", "firm", "2020")]),
]

# Transcripts: a label of its own before a dash, an attribution after a dash or before a colon.
FOUND += [
    (
        "de",
        "DIE BÜRGERMEISTERIN VON RABAT. — Ich lade Sie alle im nächsten Frühjahr nach Rabat ein.",
        None,
        [("rabat", "firm", "2020-03")],
    ),
    (
        "de",
        "„Bis 2021 bauen wir drei Kitas“ – so der Oberbürgermeister von Düsseldorf.",
        None,
        [("dusseldorf", "firm", "2021")],
    ),
    (
        "de",
        "Die Bürgermeisterin von Tunis sagte: „Ich werde das Thema im Oktober in den Rat bringen.“",
        None,
        [("tunis", "firm", "2019-10")],
    ),
    ("de", "Ich kümmere mich persönlich um die Einladungen.", "lyon", [("lyon", "firm", None)]),
]

# Foreign-shaped names before the verb, the Observatory by its German name, and „ab dem kommenden Jahr".
FOUND += [
    (
        "de",
        "Habitat Partners wird bis 2021 zweihundert Wohnungen sanieren.",
        None,
        [("Habitat Partners", "firm", "2021")],
    ),
    (
        "de",
        "Amnesty International wird im Mai einen Bericht zu Abschiebungen vorlegen.",
        None,
        [("Amnesty International", "firm", "2020-05")],
    ),
    (
        "de",
        "Nächsten Monat veröffentlicht das Observatorium seinen Jahresbericht.",
        None,
        [("observatory", "firm", "2019-09")],
    ),
    (
        "de",
        "Paris unterstützt die Initiative ab dem kommenden Jahr mit 100.000 Euro.",
        None,
        [("paris", "firm", "2020")],
    ),
]

# What opens the clause before the verb and its subject: a subordinate clause, a connective,
# „Noch in diesem Jahr"; and a decision in the preterite.
FOUND += [
    (
        "de",
        "Weil die Nachfrage so groß ist, verlängert Lyon ab Januar die Öffnungszeiten.",
        None,
        [("lyon", "firm", "2020-01")],
    ),
    (
        "de",
        "Daraufhin sicherte Dakar zu, die Übersetzungen bis März zu liefern.",
        None,
        [("dakar", "firm", "2020-03")],
    ),
    (
        "de",
        "Noch in diesem Jahr legt Montreal einen Aktionsplan gegen Rassismus vor.",
        None,
        [("montreal", "firm", "2019")],
    ),
    (
        "de",
        "Der Stadtrat von Toronto beschloss, ab 2020 alle Formulare in zwölf Sprachen anzubieten.",
        None,
        [("toronto", "firm", "2020")],
    ),
]

# (language, a twin that pledges, the sentence that does not)
NOT_PLEDGES = [
    (
        "de",
        "Weil die Nachfrage so groß ist, verlängert Lyon ab Januar die Öffnungszeiten.",
        "Weil die Nachfrage so groß ist, steigt die Zahl der Anträge ab Januar weiter.",
    ),
    # Two capitalised words are a name only when shaped like one: „Neue Wohnungen" is a noun phrase.
    ("de", "Habitat Partners wird bis 2021 Wohnungen bauen.", "Neue Wohnungen wird es bis 2021 kaum geben."),
    ("de", "Ich kümmere mich um die Einladungen.", "Ich kümmere mich seit Jahren um die Einladungen."),
    # An expectation is no pledge, whoever holds it.
    (
        "de",
        "Die IHK richtet im kommenden Jahr zwei Ausbildungsmessen aus.",
        "Die IHK rechnet damit, dass die Zahl der Ausbildungsplätze im kommenden Jahr sinkt.",
    ),
    # „Sie" with a verb in -en is the polite „you", no body.
    (
        "de",
        "Auch die Tafel hilft mit: Sie öffnet ab Mai die Halle für uns.",
        "Auch die Tafel hilft mit: Sie öffnen ab Mai die Halle für uns.",
    ),
    # Advice to others is no pledge of the adviser's.
    (
        "de",
        "Der Deutsche Städtetag richtet bis zum nächsten Sommer eine Arbeitsgruppe ein.",
        "Der Deutsche Städtetag empfiehlt den Kommunen, bis zum nächsten Sommer Hitzepläne aufzustellen.",
    ),
    (
        "de",
        "Wir haben vor, im nächsten Jahr drei Spielplätze zu erneuern.",
        "Wir hatten vor, im letzten Jahr drei Spielplätze zu erneuern.",
    ),
    # Whose demand, whose schools: a genitive or „von" after a noun is no subject.
    (
        "de",
        "Die Stadt wird bis 2022 zwei Kitas bauen.",
        "Die Nachfrage bei der Familienberatung der Caritas wird im Winter weiter zunehmen.",
    ),
    (
        "de",
        "Die Stadt baut bis 2025 ein Hallenbad.",
        "Die Zahl der Schüler an den Grundschulen von Mülhausen wird bis 2022 wachsen.",
    ),
    (
        "de",
        "Das Jugendamt verpflichtet sich, bis 2030 alle Akten zu digitalisieren.",
        "Das Landesziel verpflichtet die Kommunen, bis 2030 ihre Emissionen zu halbieren.",
    ),
    # The verb-final present is the clause's last word: „leicht" is no verb.
    (
        "de",
        "Die IHK teilt mit, dass die Handwerkskammer ab 2020 die Prüfungen übernimmt.",
        "Die IHK rechnet damit, dass die Zahl der Auszubildenden im kommenden Jahr leicht sinkt.",
    ),
    (
        "de",
        "Laut Protokoll übernimmt die AIMF die Übersetzungskosten.",
        "Übernimmt die AIMF die Übersetzungskosten",
    ),
    ("de", "Frau Petrović übernimmt die Einladung.", "Frau Petrović übernimmt seit 2015 die Einladung."),
    # „der Stadt" after a noun is whose south it is, not a subject.
    (
        "de",
        "Die Stadt baut bis 2030 zwei neue Schulen.",
        "Die Bevölkerung im Süden der Stadt wächst bis 2030 um ein Fünftel.",
    ),
    (
        "de",
        "Die Caritas übernimmt ab sofort die Beratung.",
        "Die Caritas übernimmt seit Jahren die Beratung.",
    ),
    # An aim no one holds or reports has no actor.
    (
        "de",
        "Ziel ist es, bis 2024 alle Ampeln umzurüsten, schreibt die Stadt Lausanne.",
        "Ziel ist es, bis 2024 alle Ampeln umzurüsten.",
    ),
    # An indefinite phrase is the thing a subject makes or a thing itself, no body.
    ("de", "Wir eröffnen im Herbst ein Café am Markt.", "Im Herbst eröffnet ein Café am Markt."),
    (
        "de",
        "Wir schließen den Jugendtreff nicht, aber den Bolzplatz bauen wir 2020.",
        "Wir schließen den Jugendtreff nicht, und den Bolzplatz bauen wir 2020 auch nicht.",
    ),
    (
        "de",
        "Im Rahmen der Umbauten übernimmt die Stadt Lyon ab März die Kosten.",
        "Im Rahmen der Umbauten bleibt das Rathaus bis März geschlossen.",
    ),
]
