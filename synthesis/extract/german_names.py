"""German names after an article or a common noun, where every noun is capitalised.

A blank German pipeline tags nothing, so a name is told from a noun by where it
stands and what closes it: „Die Stiftung Mercator fördert", „die Diakonie Neuss-Süd
ab Januar", „die Kölner Tafel e. V.".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

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
    while start > doc[end].sent.start and (doc[start].text[:1].isupper() or doc[start].text == "&"):
        word = doc[start].text
        # „St. Remigius", „Yıldız & Söhne": an abbreviation or an ampersand inside the name.
        if not (word.replace("-", "").isalpha() or word == "&" or (word.endswith(".") and len(word) <= 4)):
            return None
        adjectives += start < end and word.endswith(("e", "er", "en", "es"))
        shaped |= "-" in word or lexicon.has("organisation_words", word)
        start -= 1
    opens = start == doc[end].sent.start and lexicon.has("name_articles", doc[start].text)
    # One adjective is still a thing as often as a body: „Die Düsseldorfer Erklärung wird".
    return start + 1 if opens and (shaped or adjectives >= 2) else None


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
    return word[:1].isupper() and word.replace("-", "").isalpha() and not (len(word) > 1 and word.isupper())
