"""The action of a trigger: the verb (or noun) its complement names.

A trigger rule says where its action is (`complement` in data/commitments.yaml):
the next verb ("will open"), a participle for a passive ("will be opened by"),
the trigger itself ("plant ein Zentrum"), or a German infinitive (german_verbs).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from synthesis.extract import german_verbs
from synthesis.extract.lexicon import TriggerRule
from synthesis.extract.reading import Action, Reading

_FR_INFINITIVE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœæ-]+(er|ir|re|oir|dre)$")


def find(r: Reading, trigger: Span, rule: TriggerRule, clause_end: int) -> Action | None:
    """The action of `trigger` in its clause, or None where its complement has none."""
    doc = r.doc
    complement = rule.complement
    if complement == "self":
        if r.lex.language == "de":
            infinitive = german_verbs.infinitive(r, trigger)  # "Köln will ein Büro einrichten"
            if infinitive is not None and infinitive.index > trigger.start and not infinitive.passive:
                return infinitive
        token = trigger[-1] if rule.verb == "last" else trigger[0]
        if rule.present_only and german_verbs.preterite(r.lex, token):
            return None  # "Dann diskutierten die Teilnehmenden ...": a report, not a plan
        return Action(token.i, (token.lemma_ or token.lower_).lower())
    if complement == "noun":
        return Action(trigger.end - 1, "")
    if complement == "de_inf":
        return german_verbs.infinitive(r, trigger)
    if complement == "zu_inf":
        found = german_verbs.zu_infinitive(r, trigger)
        if found is None and any(r.lex.has("complementizers", t.text) for t in doc[trigger.end : clause_end]):
            return None  # "kündigte an, dass die Stadt ... werde": the inner verb carries the pledge
        return found or Action(trigger[0].i, (trigger[0].lemma_ or trigger[0].lower_))
    index = _next_content(r, trigger.end, clause_end)
    if complement == "passive":
        return _participle(r, index, clause_end)
    if index >= clause_end:
        return None
    token = doc[index]
    if r.lex.has("passive_auxiliaries", token.text) and index + 1 < clause_end:
        participle = _participle(r, _next_content(r, index + 1, clause_end), clause_end)
        if participle:
            return participle
    if verb_like(r, token):
        return Action(index, verb_text(r, token))
    if complement in ("to_verb_or_noun", "inf_or_noun") and token.is_alpha:
        head = trigger[0] if not r.lex.has("reflexive_pronouns", trigger[0].text) else trigger[-1]
        return Action(trigger.end - 1, (head.lemma_ or head.lower_).lower())
    return None


def _next_content(r: Reading, index: int, end: int) -> int:
    """The next token that is not an adverb, clitic or comma-delimited aside."""
    skipped = 0
    while index < end and skipped < 12:
        token = r.doc[index]
        if token.text == ",":
            closing = next((t.i for t in r.doc[index + 1 : min(end, index + 10)] if t.text == ","), None)
            index = (closing + 1) if closing is not None else index + 1
        elif r.skippable(token):
            index += 1
        else:
            return index
        skipped += 1
    return end


def _participle(r: Reading, index: int, clause_end: int) -> Action | None:
    if index >= clause_end:
        return None
    token = r.doc[index]
    endings = tuple(r.lex.words["untagged_participle_endings"])
    is_participle = (
        token.tag_ == "VBN"
        or token.morph.get("VerbForm", []) == ["Part"]
        or (
            # Untagged, or a French participle the small model calls an adjective ("ouvert").
            (not token.tag_ or token.pos_ == "ADJ") and token.lower_.endswith(endings)
        )
    )
    return Action(index, (token.lemma_ or token.lower_).lower(), passive=True) if is_participle else None


def verb_like(r: Reading, token: Token) -> bool:
    if not token.is_alpha:
        return False
    if r.lex.language == "fr":
        if token.morph.get("VerbForm", []):
            return token.morph.get("VerbForm", []) == ["Inf"]
        if token.pos_ and token.pos_ != "VERB":
            return False  # "culture" ends like an infinitive
        return bool(_FR_INFINITIVE.match(token.lower_))
    if token.tag_:
        return token.tag_ in ("VB", "VBG") or (
            token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN")
        )
    return token.is_lower and not r.lex.has("closed_class", token.text)


def verb_text(r: Reading, token: Token) -> str:
    """The action as written in a record: the lemma, with the particle of a phrasal verb."""
    if r.lex.language == "fr":
        return token.lower_
    lemma = (token.lemma_ or token.lower_).lower()
    particle = r.doc[token.i + 1] if token.i + 1 < len(r.doc) else None
    if particle is not None and particle.dep_ == "prt":
        return f"{lemma} {particle.lower_}"
    return lemma


def present_first_plural(token: Token) -> bool:
    """« considérons », « améliorons »: the present of an -er verb (stem + -ons), not a future
    (considérerons): an ending rule for the future would read them as one."""
    lemma = token.lemma_.lower()
    return lemma.endswith("er") and token.lower_ == lemma[:-2] + "ons"
