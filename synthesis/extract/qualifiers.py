"""What keeps a trigger from pledging: questions, reported speech, wishes, relative clauses,
negation, conditions, past achievements and idioms.

Each function answers for one trigger of a `Reading` (or, for questions, one sentence);
the words they look for are lists of data/commitments.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from synthesis.extract.lexicon import Lexicon
from synthesis.extract.reading import Action, Reading

_YEAR = re.compile(r"^(19|20)\d{2}$")
LABEL_WORDS = 8  # tokens a minutes label may hold before its colon


def is_question(sentence: Span, lexicon: Lexicon) -> bool:
    """A question mark, a "Q:" label, or a question's opening words where minutes drop the mark."""
    text = sentence.text.strip().lstrip("".join(lexicon.words["bullets"])).strip()
    if "?" in text or text.lower().rstrip(" .)").endswith(
        tuple(lexicon.words.get("open_question_endings", ()))
    ):
        return True
    head = text.split(":")[0].strip().lower() if ":" in text[:24] else ""
    if head and lexicon.has("question_starts", head):
        return True
    opening = " ".join(text.lower().replace("’", "'").split()[:3])
    if any(opening == o or opening.startswith(f"{o} ") for o in lexicon.words.get("question_openers", ())):
        return True
    # French inversion: "ouvrirons-nous", "va-t-elle" among the first words.
    first_words = re.split(r"[\s,]+", opening)[:2]
    return any(
        w.endswith(suffix) for w in first_words for suffix in lexicon.words.get("question_inversions", ())
    )


def indirect_question(r: Reading, trigger: Span, clause_start: int) -> bool:
    """'Montréal fragte, ob Düsseldorf ... anbieten wird': asked, not pledged."""
    return any(r.lex.has("indirect_questions", t.text) for t in r.doc[clause_start : trigger.start])


def reported(r: Reading, trigger: Span) -> bool:
    """A reporting verb elsewhere in the sentence: 'would' and 'lancerait' report a pledge; not
    when the speaker tells of their own past pledge ("I said I would fix it, and I did")."""
    told = f" {' '.join(t.lower_ for t in r.doc[r.sentence.start : trigger.start])} "
    if any(f" {report} " in told for report in r.lex.words.get("past_self_reports", ())):
        return False
    return any(r.lex.has("reporting_verbs", t.text) for t in r.sentence if t.i != trigger.start)


def after_wish(r: Reading, trigger: Span) -> bool:
    """'Cities should commit to ...', 'Beteiligung müsse ... gedacht werden': advice, not a pledge."""
    before = r.doc[max(r.sentence.start, trigger.start - 6) : trigger.start]
    return any(r.lex.has("wish_modals", t.text) for t in before)


def in_relative_clause(r: Reading, trigger: Span, clause_start: int) -> bool:
    """'an agency that will match ...', 'un centre qui va ...': part of an object, not a pledge."""
    doc = r.doc
    index = trigger.start - 1
    while index >= clause_start and r.skippable(doc[index]):
        index -= 1
    if index >= clause_start and r.lex.has("relative_pronouns", doc[index].text):
        return True
    if r.lex.language == "de":
        comma = max((t.i for t in doc[clause_start : trigger.start] if t.text == ","), default=None)
        if comma is not None and comma + 2 < trigger.start and r.lex.has("relatives", doc[comma + 1].text):
            # ", die ... werde" is relative; ", die Stadt werde" is an article and its noun.
            return not doc[comma + 2].text[:1].isupper()
    return False


def conditional(r: Reading, trigger: Span, start: int, end: int, *, offer: bool = False) -> bool:
    """`offer`: the trigger's own „könnten" („Wir könnten … anbieten") offers, it sets no condition."""
    # A colon opens a new statement: "si ..., Genève a pris un engagement : la Ville ouvrira".
    for token in r.doc[start : trigger.start]:
        if token.text == ":":
            start = token.i + 1
    words = r.doc[start:end]
    if r.lex.has("inverted_conditionals", words[0].text) and trigger.start > start:
        return True  # "Should the ministry release the funds, Dakar will ..."
    if any(
        r.lex.has("conditionals", t.text)
        and not (t.i > 0 and r.lex.has("concessives", r.doc[t.i - 1].text))
        and not (offer and trigger.start <= t.i < trigger.end)
        for t in words
    ):
        return True  # but "même si" / "even if" concede, they do not condition
    text = f" {words.text.lower()} "
    return any(f" {m} " in text for m in r.lex.words["conditionals"] if " " in m or "'" in m)


def request(r: Reading) -> bool:
    """ "Please send ...", „Bitte ... schicken!", « Merci de transmettre ... »: asked of someone else."""
    words = [t.lower_ for t in r.sentence if t.is_alpha or t.text in ("'", "’")][:3]
    text = " ".join(words).replace(" '", "'")
    return any(text == w or text.startswith(f"{w} ") for w in r.lex.words.get("request_openers", ()))


def verb_first(r: Reading) -> bool:
    """A German sentence that opens with its finite verb and then its subject: a question
    without its mark, or a condition („Kriegen wir die Gelder, ..."), never a pledge."""
    endings = tuple(r.lex.words.get("verb_first_endings", ()))
    words = [t for t in r.sentence if t.is_alpha][:2]
    if not endings or len(words) < 2 or words[0].i > r.sentence.start + 1:
        return False
    first, second = words
    if r.lex.has("discourse_fillers", first.text) or second.i != first.i + 1:
        return False  # „Gut, das übernehme ich", „Versprochen: Den …": a word of talk, not a verb
    if any(t.text in (":", "):") for t in r.sentence[:LABEL_WORDS]):
        return False  # „Antwort der Beigeordneten: Wir …": a label's noun, not a verb
    if first.is_title and r.lex.has("verb_first_auxiliaries", first.text):
        # „Wird Köln die Zahlen veröffentlichen", „Kann jemand rausfinden, ob …": any subject.
        named = any(c.start == second.i for c in r.candidates) or second.is_title
        return named or r.lex.has("verb_first_subjects", second.text)
    return (
        first.is_title
        and first.lower_.endswith(endings)
        and not r.lex.has("prefield_openers", first.text)
        and not any(c.start == first.i and c.source == "place" for c in r.candidates)
        and r.lex.has("verb_first_subjects", second.text)
    )


def hedged(r: Reading, start: int, end: int) -> bool:
    """ "will probably reopen", « va peut-être », „erhöhen wahrscheinlich": a guess, not a pledge."""
    words = r.doc[start:end]
    if any(r.lex.has("hedges", t.text) for t in words):
        return True
    text = f" {' '.join(t.lower_ for t in words)} "  # "in principle", « en principe »
    return any(f" {hedge} " in text for hedge in r.lex.words.get("hedges", ()) if " " in hedge)


def habitual(r: Reading, start: int, end: int, *, phrases: str = "habitual") -> bool:
    """ "Jedes Jahr eröffnen wir im Mai ...", « chaque année ... en septembre »: a habit, not a plan.
    `phrases` names the list: "as_every_year" holds habits a start date does not make new."""
    text = f" {' '.join(t.lower_ for t in r.doc[start:end])} "
    return any(f" {phrase} " in text for phrase in r.lex.words.get(phrases, ()))


def undated_future(r: Reading, start: int, end: int) -> bool:
    """„ab sofort", „künftig": a present tense placed in the future without a date."""
    text = f" {' '.join(t.lower_ for t in r.doc[start:end])} "
    return any(f" {phrase} " in text for phrase in r.lex.words.get("undated_future", ()))


def negated(r: Reading, trigger: Span, action: Action, clause_start: int) -> bool:
    doc = r.doc
    # "We won't close it, but instead we will ...": only what follows the turn counts.
    for token in doc[clause_start : trigger.start]:
        if r.lex.has("contrastives", token.text):
            clause_start = token.i + 1
    before = doc[clause_start : trigger.start]
    if any(r.lex.has("subject_negations", t.text) and t.i not in r.parenthetical for t in before):
        return True  # "Neither Algiers nor Casablanca plan ...", "Keine Stadt wird ..."
    first = max(clause_start, trigger.start - 3)
    last = max(action.index, trigger.end - 1)
    if action.index < trigger.start:  # German verb-final: "dass X keine Y einsetzen wird"
        first = max(clause_start, action.index - 6)
    elif r.lex.language == "de" and action.index in (trigger.start, trigger.end - 1):
        # "Wir wollen das Modell nicht übernehmen", „Brüssel fördert ... ab 2020 nicht mehr"
        last = r.clause(trigger)[1] - 1
    for token in doc[first : last + 1]:
        if r.lex.has("negations", token.text):
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is None or not r.lex.has("not_negating_next", following.text):
                return True
    return False


def negated_span(r: Reading, start: int, end: int) -> bool:
    """A negation in [start, end) after its last contrastive: „Wir schaffen nicht alles, aber den
    Jugendtreff bauen wir 2020" negates only what comes before „aber"."""
    turns = [t.i for t in r.doc[start:end] if r.lex.has("contrastives", t.text)]
    return any(r.lex.has("negations", t.text) for t in r.doc[max([start, *turns]) : end])


def past(r: Reading, start: int, end: int) -> bool:
    """A past marker, or a year before the session: an achievement, not a pledge."""
    words = r.doc[start:end]
    text = f" {words.text.lower()} "
    if any(f" {m} " in text for m in r.lex.words["past_markers"]):
        return True
    session = r.session
    return (
        r.session_known
        and session is not None
        and any(_YEAR.match(t.text) and int(t.text) < session.year for t in words)
    )


@cache
def _runs(phrases: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Each `not_pledges` entry as its words and whether it must end the clause ("see $")."""
    split = [phrase.lower().split() for phrase in phrases]
    return tuple((tuple(w[:-1]) if w[-1] == "$" else tuple(w), w[-1] == "$") for w in split)


def not_a_pledge(r: Reading, trigger: Span, action: Action, clause_end: int) -> bool:
    """ "we'll see how ...", « prendrons en compte », « s'engage dans »: idioms, not undertakings.

    Each entry of `not_pledges` is a run of words that holds the action or a word of the
    trigger (as its lemma or as written) anywhere in it: "tenir compte", "en compte"; "$"
    at the end stands for the end of the clause ("see $": "We'll see.").
    """
    words = [t for t in r.doc[r.sentence.start : clause_end] if not t.is_punct]
    anchors = {action.index, *range(trigger.start, trigger.end)}
    positions = [k for k, w in enumerate(words) if w.i in anchors]
    if not positions:
        return False
    forms = [(w.lower_, w.lemma_.lower()) for w in words]
    for parts, ends_clause in _runs(r.lex.phrases.get("not_pledges", ())):
        size = len(parts)
        # Only the windows that hold an anchor: the rest of the sentence cannot match.
        for first in range(max(0, positions[0] - size + 1), min(len(words) - size, positions[-1]) + 1):
            if (
                parts[0] in forms[first]
                and all(p in forms[first + n] for n, p in enumerate(parts))
                and any(first <= k < first + size for k in positions)
                and (not ends_clause or first + size == len(words))
            ):
                return True
    return False
