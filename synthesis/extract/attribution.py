"""Who speaks in a sentence: the place a quoted or minuted speaker represents.

Rapporteurs quote speakers ("'I will open two centres next year,' said the mayor
of Namur", "'...,' the mayor of Rabat said") and minutes keep a speaker label
("Dakar (deputy mayor): I'll send the figures by Friday", "Councillor Okafor
(Johannesburg): ...", "Deputy Mayor (Lyon) – I will write ..."). The first person of
such a sentence is that place; the note's own city is only the fallback (see
`ActorFinder.resolve`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from synthesis.extract.actor_types import Candidate
from synthesis.extract.lexicon import Lexicon

REACH = 6  # tokens between a reporting word and the place it introduces ("said the deputy mayor of Namur")
LABEL_REACH = 10  # tokens a speaker label may hold ("Councillor Okafor (Johannesburg, housing):")


def attributed_speaker(sentence: Span, candidates: Sequence[Candidate], *, lexicon: Lexicon) -> str | None:
    """The id of the place whose speaker the sentence quotes or minutes, or None."""
    places = [c for c in candidates if c.place_id and sentence.start <= c.start < sentence.end]
    if not places:
        return None
    label = _speaker_label(sentence, places, lexicon)
    if label:
        return label
    doc = sentence.doc
    for token in sentence:
        # „…“, so der Bürgermeister von X", „…“ – so …
        after_comma = token.i > sentence.start and doc[token.i - 1].text in (",", "–", "—")
        if lexicon.has("reporting_verbs", token.text) or (
            after_comma and lexicon.has("attribution_after_comma", token.text)
        ):
            introduced = [c for c in places if token.i <= c.start <= token.i + REACH]
            if introduced:
                return introduced[0].place_id
            # „Die Bürgermeisterin von Tunis sagte: „Ich …“": the speaker before the verb and its colon.
            colon = token.i + 1 < sentence.end and doc[token.i + 1].text == ":"
            speaking = [c for c in places if c.end <= token.i and token.i - c.end <= REACH]
            if colon and speaking:
                return speaking[-1].place_id
            # "'...,' the mayor of Rabat said": the place between the closing quote and the verb.
            quoted = [t.i for t in doc[sentence.start : token.i] if lexicon.has("closing_quotes", t.text)]
            before = [c for c in places if quoted and quoted[-1] < c.start and c.end <= token.i]
            if before and token.i - before[-1].end <= REACH:
                return before[-1].place_id
    return None


def speaker_label(sentence: Span, candidates: Sequence[Candidate], *, lexicon: Lexicon) -> str | None:
    """The place a speaker label opening the sentence names ("A (Dakar): ..."), or None. The
    label holds for the speaker's next sentences too: „A (Dakar): Machen wir. Die Liste schicken wir …"."""
    places = [c for c in candidates if c.place_id and sentence.start <= c.start < sentence.end]
    if not places:
        return None
    words = [t for t in sentence if t.is_alpha]
    if len(words) <= LABEL_REACH and all(t.is_upper for t in words):
        return places[0].place_id  # transcripts: "LA MAIRE DE RABAT. — Je …", the label a sentence of its own
    return _speaker_label(sentence, places, lexicon)


def introduced_speaker(sentence: Span, candidates: Sequence[Candidate], *, lexicon: Lexicon) -> str | None:
    """The place of a speaker a sentence introduces, or None: „Als Nächste spricht Frau Nkemelu,
    Beigeordnete aus Douala.", „Herr Amrani spricht für Fès.", „Die Vertreterin Beiruts bedankt
    sich …". Like a label, it holds for the speaker's next sentences („… Wir eröffnen im März …").
    Only one place may be named: „Die Bürgermeisterin von Rabat dankt Tunis" introduces no one."""
    if not lexicon.words.get("speaker_introductions"):
        return None  # a language without the list: no sentence is looked at
    places = [c for c in candidates if c.place_id and sentence.start <= c.start < sentence.end]
    if len({c.place_id for c in places}) != 1:
        return None
    doc = sentence.doc
    first = places[0]
    # The speaker's words may be part of the place's phrase („Die Vertreterin Beiruts").
    before = doc[max(sentence.start, first.start - REACH) : first.end]
    if any(lexicon.has("speaker_introductions", t.text) for t in before):
        return first.place_id
    return None


def _speaker_label(sentence: Span, places: Sequence[Candidate], lexicon: Lexicon) -> str | None:
    """A label that opens the sentence and ends in ":" or a dash, and names a place:
    "Dakar: ...", "Dakar (deputy mayor): ...", "Ms Diallo, Bamako: ...", "Deputy Mayor (Lyon) – ..."."""
    doc = sentence.doc
    start = sentence.start
    while start < sentence.end and lexicon.has("bullets", doc[start].text):
        start += 1
    depth = 0
    for token in doc[start : min(start + LABEL_REACH, sentence.end - 1)]:
        # The tokenizer may glue the closing parenthesis to the colon: "):".
        ends_label = (
            token.text in (":", "):")
            or (token.i > start and lexicon.has("line_label_separators", token.text) and token.text != "-")
            or (token.text == "]" and doc[start].text == "[")  # chat and transcripts: "[Lausanne] We'll ..."
        )
        if ends_label:
            named = [c for c in places if start <= c.start and c.end <= token.i + (token.text == "):")]
            if named:
                return named[0].place_id
            # "PANEL – Mayor of Cotonou: We could ...": a heading first, then the speaker's label.
            start, depth = token.i + 1, 0
            continue
        depth += token.text.count("(") - token.text.count(")")
        if depth <= 0 and token.is_alpha and token.is_lower and not lexicon.has("label_words", token.text):
            return None  # outside brackets, a lower-case word that no name holds: a statement began
    return None


def reporting_body(
    sentence: Span, candidates: Sequence[Candidate], *, after: int, lexicon: Lexicon
) -> Candidate | None:
    """Who a German report with "man" quotes: „Man werde …, teilten die Stadtwerke Mülhausen mit",
    „…, hieß es aus dem Rathaus von Brüssel". The body named right after a reporting verb
    that follows `after`, from that verb on; None when the sentence names nobody."""
    doc = sentence.doc
    for token in doc[after : sentence.end]:
        after_comma = token.i > 0 and doc[token.i - 1].text == ","
        if not (
            lexicon.has("reporting_verbs", token.text)
            or (after_comma and lexicon.has("attribution_after_comma", token.text))
        ):
            continue
        for c in candidates:
            if (
                token.i < c.end
                and c.start <= token.i + REACH
                and c.source not in ("anaphora", "first_person")
            ):
                return _body(lexicon, doc, c, candidates, token.i + 1)
    # „Ein Sprecher der Wasserwerke Ost GmbH sagte, man werde …": the reporter first.
    for token in reversed(doc[sentence.start : after]):
        if not (lexicon.has("reporting_verbs", token.text) and doc[token.i + 1].text == ","):
            continue
        speakers = [
            c
            for c in candidates
            if sentence.start <= c.start
            and c.end <= token.i
            and token.i - c.end <= REACH
            and c.source not in ("anaphora", "first_person")
        ]
        if speakers:
            return _body(lexicon, doc, speakers[0], candidates, sentence.start)
    return None


def _body(lexicon: Lexicon, doc: Doc, c: Candidate, candidates: Sequence[Candidate], start: int) -> Candidate:
    """„die Sprecherin der Kölner Verkehrs-Betriebe": the body she speaks for."""
    whose = c.end < len(doc) and lexicon.has("prepositions_of", doc[c.end].text)
    c = next((o for o in candidates if whose and o.start == c.end), c)
    return Candidate(max(c.start, start), c.end, c.source, c.place_id, organisation=True)
