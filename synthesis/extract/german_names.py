"""German names after an article or a common noun, where every noun is capitalised, and the
cases an article marks.

A blank German pipeline tags nothing, so a name is told from a noun by where it
stands and what closes it: „Die Stiftung Mercator fördert", „die Diakonie Neuss-Süd
ab Januar", „die Kölner Tafel e. V.".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from synthesis.extract.actor_types import Candidate
from synthesis.extract.lexicon import Lexicon


def german_compound_name(lexicon: Lexicon, doc: Doc, end: int) -> int | None:
    """„Das Deutsche Rote Kreuz wird", „Die Kölner Verkehrs-Betriebe werden", „Die Stiftung
    Mercator fördert": an article opening the sentence, then capitalised words with two
    capitalised adjectives, a hyphenated word or an organisation word among them: a German
    common noun phrase writes its adjectives in lower case („Die regionale Behörde"). Returns
    where the name starts, after the article."""
    start, adjectives, shaped = end, 0, False
    while start > doc[end].sent.start and lexicon.has("legal_forms", doc[start].text):
        start, shaped = start - 1, True  # „Die Stadtwerke Neuss GmbH", „Die Tafel Mülheim e. V."
    end = start
    while start > doc[end].sent.start and (
        doc[start].text[:1].isupper() or doc[start].text == "&" or _inner_connector(lexicon, doc, start, end)
    ):
        word = doc[start].text
        if _inner_connector(lexicon, doc, start, end):
            start -= 1  # „Das Haus der Begegnungen", „Die Evangelische Kirche im Rheinland"
            continue
        # „St. Remigius", „Yıldız & Söhne": an abbreviation or an ampersand inside the name.
        if not (word.replace("-", "").isalpha() or word == "&" or (word.endswith(".") and len(word) <= 4)):
            return None
        adjectives += start < end and word.endswith(("e", "er", "en", "es"))
        # „Die Deutsche Bahn", „Das Deutsche Rote Kreuz": a capitalised adjective in -e names a body;
        # one in -er is a place's („Die Düsseldorfer Erklärung"), as often a thing's.
        shaped |= "-" in word or organisation_word(lexicon, word) or (start < end and word.endswith("e"))
        start -= 1
    opens = start == doc[end].sent.start and lexicon.has("name_articles", doc[start].text)
    return start + 1 if opens and (shaped or adjectives >= 2) else None


def _inner_connector(lexicon: Lexicon, doc: Doc, i: int, end: int) -> bool:
    """A lower-case word between two capitalised ones inside a name („der", „im", „für")."""
    return (
        i < end
        and lexicon.has("name_inner_words", doc[i].text)
        and doc[i - 1].text[:1].isupper()
        and doc[i + 1].text[:1].isupper()
    )


def organisation_word(lexicon: Lexicon, word: str) -> bool:
    """„Stiftung", or a compound whose last part names a body („Verkehrsgesellschaft")."""
    heads = tuple(lexicon.words.get("organisation_heads", ()))
    lower = word.lower()
    return lexicon.has("organisation_words", word) or (word[:1].isupper() and lower.endswith(heads))


def german_name_end(lexicon: Lexicon, doc: Doc, end: int, verbs: frozenset[int]) -> int:
    """Where the name after an organisation's common noun ends: „die Diakonie Neuss-Süd ab
    Januar", „der Verkehrsverbund Rhein-Ruhr und …", „die Kölner Tafel e. V.", „die Tafel
    Langenfeld übernimmt". German capitalises every noun, so capitalised words count as the
    name only where a name ends: at a legal form, a hyphenated word, „und", punctuation, the
    verb or a time word; „stellt die Tafel Lebensmittel bereit" has no name."""
    j = end
    while j < len(doc) and j - end < 3 and j not in verbs and _name_word(doc[j]):
        j += 1
    if j == end:
        return end
    k = j
    while k < len(doc) and lexicon.has("legal_forms", doc[k].text):
        k += 1
    hyphenated = any("-" in t.text for t in doc[end:j])
    following = doc[k] if k < len(doc) else None
    ends = (
        k > j
        or hyphenated
        or following is None
        or k in verbs
        or following.is_punct
        or lexicon.has("name_boundaries", following.text)
    )
    return k if ends else end


def _name_word(token: Token) -> bool:
    word = token.text
    if word.endswith(".") and 2 < len(word) <= 4:
        return word[:1].isupper() and word[:-1].isalpha()  # „St. Paulus", „Dr."
    return word[:1].isupper() and word.replace("-", "").isalpha() and not (len(word) > 1 and word.isupper())


def german_object(lex: Lexicon, doc: Doc, candidate: Candidate, candidates: Sequence[Candidate]) -> bool:
    """German, which has no tagger here, marks case on the article: „im Süden der Stadt" (a
    genitive after a noun), „Wir schließen das Jugendzentrum" (after a subject and its verb),
    „… eröffnen ein drittes Bürgerbüro" (an indefinite phrase) are no subjects."""
    start = candidate.start
    if lex.language != "de" or start == 0:
        return False
    article, before = doc[start], doc[start - 1]
    if lex.has("object_articles", article.text) and candidate.source == "agent":
        return True
    # „die Schuldnerberatung der Caritas", „die Grundschulen von Mülhausen": whose, not who.
    owner = before if lex.has("genitive_articles", article.text) else None
    if owner is None and lex.has("attribute_prepositions", before.text) and start >= 2:
        owner = doc[start - 2]
    if owner is not None and owner.is_title and owner.is_alpha and not lex.has("determiners", owner.text):
        # „Der Klimaplan von Namur hat das Ziel, …": a plan's holder holds its aims.
        document = owner.lower_.endswith(tuple(lex.words.get("document_heads", ())))
        return owner.i > owner.sent.start and not document
    if candidate.source != "agent":
        return False
    if start < 2 or not (before.is_lower and before.is_alpha) or lex.has("conjunctions", before.text):
        return False
    # A subject right before the verb („Sousse übernimmt die Tafel"), not a place in a
    # prepositional phrase („mit Sousse übernimmt die Tafel …").
    subject = next((c for c in candidates if c.end == start - 1), None)
    if subject is None:
        return lex.has("first_person", doc[start - 2].text)
    return not (subject.start > 0 and lex.has("prepositions", doc[subject.start - 1].text))


def names_before_verbs(lexicon: Lexicon, doc: Doc, verbs: frozenset[int]) -> list[tuple[int, int]]:
    """„Habitat Partners wird", „Amnesty International wird", „Ärzte ohne Grenzen eröffnet": a
    run of capitalised words (across „ohne", „the", „for") that opens the sentence, right before
    a commitment verb. German capitalises every noun, so the run must be shaped like an
    organisation's name (`organisation_words`, a connector, capitals inside a word)."""
    found = []
    for verb in sorted(verbs):
        start = verb
        while start > doc[verb].sent.start and (
            _name_word(doc[start - 1]) or lexicon.has("organisation_connectors", doc[start - 1].text)
        ):
            start -= 1
        words = [t.text for t in doc[start:verb]]
        shaped = any(
            organisation_word(lexicon, w)
            or lexicon.has("organisation_connectors", w)
            or w[1:] != w[1:].lower()
            for w in words
        )
        # An article opens a noun phrase („Die Stadtwerke Neuss GmbH"): german_compound_name reads it.
        bare = _name_word(doc[start]) and not lexicon.has("determiners", doc[start].text)
        if start == doc[verb].sent.start and verb - start >= 2 and shaped and bare:
            found.append((start, verb))
    return found


def german_apposition(lexicon: Lexicon, tokens: Sequence[Token]) -> range:
    """The doc positions of an aside in a sentence's `tokens`: „Die Caritas, einer der größten
    Träger, wird …", „Die Wohnbau eG, Vermieterin von 2.500 Wohnungen, garantiert …". A German
    main clause holds one phrase before its verb, so between a name opening the sentence and
    the verb, two commas enclose an aside."""
    commas = [position for position, t in enumerate(tokens) if t.text == ","][:2]
    if len(commas) < 2 or not 1 <= commas[0] <= 6 or commas[1] + 1 >= len(tokens):
        return range(0)
    verb, name = tokens[commas[1] + 1], tokens[: commas[0]]
    named = not lexicon.has("prefield_openers", name[0].text) and all(
        t.text[:1].isupper() or lexicon.has("determiners", t.text) or lexicon.has("legal_forms", t.text)
        for t in name
    )
    aside = tokens[commas[0] + 1 : commas[1]]
    if not named or any(t.is_punct for t in aside) or not (verb.is_lower and verb.is_alpha):
        return range(0)
    if any(lexicon.has(words, verb.text) for words in ("conjunctions", "subordinators", "relatives")):
        return range(0)  # „…, dass …", „…, das ist beschlossen": a clause, no aside
    return range(aside[0].i, aside[-1].i + 1)


REPORTED_NAME_REACH = 8  # words between „Wie" and its reporting verb: „Wie das Bündnis für … Neuss mitteilte"


def reported_sources(lexicon: Lexicon, doc: Doc) -> list[tuple[int, int]]:
    """„Wie die Evangelische Kirchengemeinde Oberkassel mitteilte, öffnet sie …": the body a
    fronted „wie" clause names before its reporting verb, whose pronoun then pledges."""
    found = []
    for sent in doc.sents:
        first = sent.start
        if not lexicon.has("source_openers", doc[first].text):
            continue
        verb = next(
            (
                t.i
                for t in doc[first + 1 : first + 2 + REPORTED_NAME_REACH]
                if lexicon.has("reporting_verbs", t.text)
            ),
            None,
        )
        if verb is None or verb + 1 >= sent.end or doc[verb + 1].text != ",":
            continue
        start = first + 1 + lexicon.has("name_articles", doc[first + 1].text)
        if start < verb and doc[start].text[:1].isupper() and not any(t.is_punct for t in doc[start:verb]):
            found.append((start, verb))
    return found
