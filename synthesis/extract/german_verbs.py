"""German verb forms: the infinitive a trigger governs, zu-infinitives, participles, preterites.

German puts the action at the end of the clause ("Köln wird ein Büro eröffnen"),
before a verb-final trigger ("..., dass Köln ein Büro eröffnen wird") or after
"zu" ("verpflichtet sich, ... einzurichten"). Without a tagger (blank:de), the
forms are told apart by their endings and by the lookup lemmatiser.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from synthesis.extract.lexicon import Lexicon
from synthesis.extract.reading import Action, Reading

_DE_INFINITIVE = re.compile(r"^[a-zäöüß]+(en|ern|eln)$")


def preterite(lexicon: Lexicon, token: Token) -> bool:
    """eröffneten, diskutierten: the lemma's stem and a past-tense ending (weak verbs)."""
    lemma = token.lemma_.lower()
    if not lemma or lemma == token.lower_:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else lemma
    return token.lower_.startswith(stem) and lexicon.has("preterite_endings", token.lower_[len(stem) :])


def _is_infinitive(lexicon: Lexicon, token: Token) -> bool:
    """Lower case, -en/-ern/-eln, and lemmatised to a verb (adjectives lose their ending)."""
    if not _DE_INFINITIVE.match(token.text) or lexicon.has("not_infinitives", token.text):
        return False
    lemma = token.lemma_
    return not lemma or lemma == token.text or bool(_DE_INFINITIVE.match(lemma))


def _is_participle(lexicon: Lexicon, token: Token) -> bool:
    """eröffnet, eingerichtet, gegründet: lower case, and lemmatised to another (verb) form."""
    return (
        token.is_lower
        and token.is_alpha
        and token.lower_.endswith(tuple(lexicon.words["participle_endings"]))
        and token.lemma_ not in ("", token.text)
        and bool(_DE_INFINITIVE.match(token.lemma_))
    )


def _ends_clause(lexicon: Lexicon, token: Token) -> bool:
    return lexicon.has("clause_ends", token.text)


def infinitive(r: Reading, trigger: Span) -> Action | None:
    """The infinitive (or passive participle) that `trigger` governs, or None."""
    doc, lex = r.doc, r.lex
    if len(trigger) > 1 and trigger[-1].lower_ == "werden" and _is_participle(lex, trigger[-2]):
        return Action(trigger[-2].i, trigger[-2].lemma_, passive=True)  # soll ... eingerichtet werden
    # Verb-final clause: "..., dass Düsseldorf Zentren eröffnen wird", "... „integriert“ werden,".
    before = next((t for t in reversed(doc[r.sentence.start : trigger.start]) if not t.is_quote), None)
    if before is not None and before.i >= trigger.start - 2:
        if _is_infinitive(lex, before):
            return Action(before.i, before.text)
        if _is_participle(lex, before):
            return Action(before.i, before.lemma_, passive=True)
    # Main clause: the last infinitive before the clause ends (wird ... eröffnen.).
    verbs: list[Token] = []
    last_participle = None
    final: Token | None = None  # the clause's last word: the infinitive's place in a main clause
    for token in doc[trigger.end : r.sentence.end]:
        if _ends_clause(lex, token) or (token.is_space and "\n" in token.text):
            break
        final = token
        if token.text == "," and (verbs or last_participle is not None):
            break
        if _is_infinitive(lex, token):
            verbs.append(token)
        elif _is_participle(lex, token):
            last_participle = token
    if verbs:
        last_verb = verbs[-1]
        if last_verb.lower_ == "werden" and last_verb.i > 0:  # future passive: eröffnet werden
            participle = doc[last_verb.i - 1]
            return Action(participle.i, participle.lemma_ or participle.lower_, passive=True)
        first = verbs[0]
        if (
            first is not last_verb
            and first.i + 1 < len(doc)
            and lex.has("infinitive_conjunctions", doc[first.i + 1].text)
        ):
            # "Wir werden X zeigen und Y zur Verfügung stellen": two actions, one trigger.
            return Action(first.i, first.text, second=last_verb.i)
        return Action(last_verb.i, last_verb.text)
    if last_participle is not None:  # "wird 2020 von Paris angelegt": a passive with an agent
        return Action(last_participle.i, last_participle.lemma_, passive=True, needs_deadline=True)
    if (
        final is not None
        and final.is_lower
        and _DE_INFINITIVE.match(final.text)
        and not lex.has("not_infinitives", final.text)
    ):
        # "... morgen schicken.": the lookup lemmatiser reads some verbs as adjectives (schick).
        return Action(final.i, final.text)
    return None


def zu_infinitive(r: Reading, trigger: Span) -> Action | None:
    """The infinitive after "zu" later in the sentence ("verpflichtet sich, ... zu schaffen")."""
    doc, lex = r.doc, r.lex
    for token in doc[trigger.end : r.sentence.end]:
        if _ends_clause(lex, token):
            break
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ == "zu" and following is not None and _is_infinitive(lex, following):
            before = doc[token.i - 1]
            if following.lower_ == "wollen" and _is_infinitive(lex, before):  # eröffnen zu wollen
                return Action(before.i, before.text, strength="planned")
            return Action(following.i, following.text)
        if "zu" in token.lower_[2:-3] and _DE_INFINITIVE.match(token.text):  # einzurichten
            return Action(token.i, token.lemma_ or token.text.replace("zu", "", 1))
    return None
