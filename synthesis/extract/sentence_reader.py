"""The commitments of one sentence: a draft per trigger, then its deadline and object.

Each trigger is read in its clause (the sentence cut at ';'): the qualifiers may
rule it out, then it needs an action (actions) and an actor (subjects). A sentence
that has no commitment this way may still be rapporteurs' shorthand, an actor and a
separator before a dated plan: "Dakar: 5 extra mediation points by end 2020".
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from synthesis.extract import actions, objects, qualifiers, subjects
from synthesis.extract.actors import Actor, Candidate
from synthesis.extract.deadlines import Deadline
from synthesis.extract.lexicon import Lexicon, Strength, TriggerRule
from synthesis.extract.reading import CommitmentMatch, Draft, Reading


def read(r: Reading, triggers: list[Span]) -> list[CommitmentMatch]:
    """The commitments of the sentence of `r`, given the triggers found in it."""
    if qualifiers.is_question(r.sentence, r.lex) or qualifiers.verb_first(r) or qualifiers.request(r):
        return []
    drafts: list[Draft] = []
    for trigger in triggers:
        rule = r.lex.trigger(r.doc.vocab.strings[trigger.label])
        draft = _draft(r, trigger, rule, drafts[-1].actors[-1] if drafts else None)
        promise = drafts[-1] if drafts and drafts[-1].rule.takes_clause else None
        if draft and promise and {a.key for a in promise.actors} != {a.key for a in draft.actors}:
            continue  # the promised clause's own verb, with its own subject: the promise holds it
        if draft:
            drafts.append(draft)
    found: list[CommitmentMatch] = []
    for number, draft in enumerate(drafts):
        following = drafts[number + 1].trigger.start if number + 1 < len(drafts) else None
        region_end = min(following, draft.end) if following is not None else draft.end
        deadline = objects.deadline(r, draft.trigger, draft.actors[-1], draft.start, region_end)
        if (draft.action.needs_deadline or draft.rule.needs_deadline or draft.rule.dated) and (
            not (_ahead(r, draft, deadline) or _undated_future(r, draft, deadline))
            or (qualifiers.habitual(r, draft.start, draft.end) and not _starts(r, deadline))
            or qualifiers.habitual(r, draft.start, draft.end, phrases="as_every_year")
        ):
            continue
        near = max(draft.start, min(a.start for a in draft.actors) - 5)
        if draft.rule.past_capable and deadline is None and qualifiers.past(r, near, draft.end):
            continue
        if draft.rule.past_capable and qualifiers.past(r, draft.trigger.end, draft.trigger.end + 2):
            continue  # "pledged in 2016 to fix … within five years": the year dates the pledge
        obj, also = objects.object_of(r, draft, deadline, region_end)
        for actor in draft.actors:
            strength = draft.action.strength or draft.rule.strength
            match = CommitmentMatch(
                r.sentence, draft.rule.id, actor, draft.action.text, obj, deadline, strength
            )
            same = next((m for m in found if m.actor == actor or m.actor.key == actor.key), None)
            if same is not None and not draft.coordinated:
                # "pledged that every project will ...", "plans to X and to Y": one pledge, said twice.
                if same.deadline is None and deadline is not None:
                    found[found.index(same)] = replace(same, deadline=deadline)
                continue
            found.append(match)
            # "will show X and offer Y": a second action under the same trigger; German
            # „entsiegeln und begrünen", side by side, do one thing to one object.
            if also and not (r.lex.language == "de" and also.index <= draft.action.index + 2):
                first, last = also.index + 1, region_end
                if r.lex.language == "de":  # "... und die Tafeln zur Verfügung stellen"
                    first, last = draft.action.index + 2, also.index
                found.append(
                    replace(match, action=also.text, object=objects.words(r, first, last, draft, deadline))
                )
    return found or _pledge_heading(r) or _shorthand(r, found)


def _starts(r: Reading, deadline: Deadline | None) -> bool:
    """„ab 2020 jährlich": a deadline that starts something."""
    words = deadline.text.split() if deadline else []
    return bool(words) and r.lex.has("start_words", words[0])


def _undated_future(r: Reading, draft: Draft, deadline: Deadline | None) -> bool:
    """A present tense with „ab sofort" pledges, undated; a target („Ziel") still needs its date."""
    if deadline is not None or not draft.rule.needs_deadline:
        return False
    return qualifiers.undated_future(r, draft.start, draft.end)


def _ahead(r: Reading, draft: Draft, deadline: Deadline | None) -> bool:
    """A deadline that places a present tense in the future: after the verb, or fronted
    ("From January, Marseille is taking over"); not inside an aside ("After the heat wave in July, ...")."""
    if deadline is None:
        return False
    if not draft.rule.needs_deadline or deadline.start >= draft.trigger.start_char:
        return True
    if r.doc[draft.trigger.start - 1].idx < deadline.end <= draft.trigger.start_char:
        return True  # „Im ersten Quartal 2020 starten wir": the deadline right before the verb
    # „Geschäftsführerin, Tafel Solingen e. V.: Ab nächster Woche beliefern wir …": after the label.
    opening = draft.start
    for token in r.doc[draft.start : draft.trigger.start]:
        if token.text == ":" and token.idx < deadline.start:
            opening = token.i + 1
    return deadline.start <= r.doc[min(opening + 1, len(r.doc) - 1)].idx


def _draft(r: Reading, trigger: Span, rule: TriggerRule, previous_actor: Actor | None) -> Draft | None:
    start, end = r.clause(trigger)
    if rule.reported and not qualifiers.reported(r, trigger):
        return None
    if rule.needs_deadline and qualifiers.negated_span(r, start, trigger.start):
        return None  # "Le Forem ne va pas reprendre les ateliers cette année": no present tense pledges
    if qualifiers.indirect_question(r, trigger, start):
        return None  # "Montréal fragte, ob Düsseldorf ... anbieten wird"
    if r.lex.language == "de" and trigger.start > 0 and r.doc[trigger.start - 1].lower_ == "zu":
        return None  # "... eröffnen zu wollen" belongs to the announcing verb
    if qualifiers.in_relative_clause(r, trigger, start) or qualifiers.after_wish(r, trigger):
        return None
    action = actions.find(r, trigger, rule, end)
    if (
        action is None
        or qualifiers.negated(r, trigger, action, start)
        or qualifiers.conditional(r, trigger, start, end, offer=rule.strength == "proposed")
        or qualifiers.hedged(r, start, end)
    ):
        return None
    if rule.complement == "self" and r.lex.has("self_excluded_lemmas", r.doc[action.index].lemma_):
        return None
    if rule.needs_deadline and r.lex.has("reporting_verbs", trigger[-1].text):
        return None  # „Frau Kaya erklärt, man müsse … bis Mai …": she reports, the date is not hers
    if qualifiers.not_a_pledge(r, trigger, action, end) or (
        rule.ending and actions.present_first_plural(r.doc[action.index])
    ):
        return None
    coordinated = _coordinated_trigger(r, trigger, start)
    actors = subjects.actors(r, trigger, rule, action, start, end, previous_actor if coordinated else None)
    if not actors:
        return None
    return Draft(trigger, rule, action, actors, start, end, coordinated)


def _coordinated_trigger(r: Reading, trigger: Span, clause_start: int) -> bool:
    """'... and will fund': a trigger right after a conjunction shares the previous subject."""
    if r.lex.has("conjunctions", trigger[0].text):
        return True  # „…, und ich stelle …": the conjunction opens the trigger itself
    before = [t for t in r.doc[clause_start : trigger.start] if not r.skippable(t)]
    return bool(before) and r.lex.has("conjunctions", before[-1].text)


def _shorthand(r: Reading, found: list[CommitmentMatch]) -> list[CommitmentMatch]:
    """'Dakar: 5 extra mediation points by end 2020', '- Genève : publication du guide, juin 2020'."""
    lex, doc = r.lex, r.doc
    if found or not any(lex.has("shorthand_separators", t.text) for t in r.sentence[:8]):
        return []
    tokens = [t for t in r.sentence if not lex.has("bullets", t.text) and not t.is_space]
    # „Aufgabe Toronto: …", „Kurzprotokoll – Cotonou: …": past a minutes label or a heading.
    while len(tokens) > 2 and (
        lex.has("line_labels", tokens[0].text) or lex.has("minutes_headings", tokens[0].text)
    ):
        tokens = tokens[1:]
        if lex.has("shorthand_separators", tokens[0].text):
            tokens = tokens[1:]
    if len(tokens) < 4:
        return []
    opening = next((c for c in r.candidates if c.start == tokens[0].i), None)
    if opening is None and lex.has("determiners", tokens[0].text):
        opening = next((c for c in r.candidates if c.start == tokens[1].i), None)  # "- die Rheinbahn: ..."
    if opening is None or opening.source not in ("place", "name", "collective"):
        return []
    separator = doc[opening.end] if opening.end < len(doc) else None
    if separator is None or not lex.has("shorthand_separators", separator.text):
        return []
    rest_start, end = separator.i + 1, r.sentence.end
    actor = r.resolve(opening)
    deadline = next((d for d in r.deadlines if d.start >= separator.idx), None)
    if actor is None or deadline is None or qualifiers.negated_span(r, rest_start, end):
        return []
    if any(t.tag_ == "VBD" for t in doc[rest_start:end]):
        return []  # "Thiès: new market hall opened in May": a report of what was done
    words = [t.text_with_ws for t in doc[rest_start:end] if not (deadline.start <= t.idx < deadline.end)]
    obj = "".join(words).strip(" ,;:–-.")
    return [CommitmentMatch(r.sentence, "shorthand", actor, "", obj, deadline, "firm")]


HEADING_REACH = 4  # words before a heading's pledge noun: "Lausanne's stated objective:"


def heading_word(lex: Lexicon, sentence: Span) -> tuple[int | None, Token | None]:
    """The word that heads a pledge („Ziel", "target", « engagement ») near the sentence's start,
    and the dash that ends a label before it, if any: „Klimaplan der Stadt Lyon – Ziel: …"."""
    label_end = next((t.i for t in sentence[1:8] if t.text in ("–", "—")), None)
    # Called for every sentence: only its opening words can hold a heading.
    opening = sentence[: 2 * HEADING_REACH + 8]
    words = [t for t in opening if not lex.has("bullets", t.text) and not t.is_space]
    reach = HEADING_REACH + sum(1 for t in words if label_end is not None and t.i < label_end)
    endings = tuple(lex.words.get("pledge_heading_endings", ()))
    head = next(
        (
            t
            for t in words[:reach]
            if lex.has("pledge_headings", t.text) or (endings and t.is_title and t.lower_.endswith(endings))
        ),
        None,
    )
    return label_end, head


def _pledge_heading(r: Reading) -> list[CommitmentMatch]:
    """'Notre engagement : aucune famille sans solution d'ici fin 2020', 'Key target for 2020: ...':
    a heading that names a pledge, and the pledge after its separator, with no verb."""
    lex = r.lex
    tokens = [t for t in r.sentence if not lex.has("bullets", t.text) and not t.is_space]
    label_end, head = heading_word(lex, r.sentence)
    separator = next(
        (t for t in tokens[:12] if head and t.i > head.i and lex.has("shorthand_separators", t.text)), None
    )
    if head is None or separator is None or separator.i + 2 >= r.sentence.end:
        return []
    if qualifiers.conditional(r, r.doc[head.i : head.i + 1], r.sentence.start, r.sentence.end):
        return []  # „Zielmarke 2025 nur unter Vorbehalt: …, sofern …"
    # "Our 2025 goal: ...": the heading may hold the deadline too.
    deadline = next((d for d in r.deadlines if d.start >= tokens[0].idx), None)
    before = [c for c in r.candidates if c.end <= separator.i and c.source != "first_person"]
    named = [c for c in before if head.i < c.end or lex.has("possessive_clitics", r.doc[c.end].text)] or [
        c for c in before if label_end is not None and c.end <= label_end
    ]
    # "L'engagement de Casablanca :", „Ziel der Stadt Sousse:", "Lausanne's stated objective:",
    # „Klimaplan der Stadt Lyon – Ziel:"
    mine = next((t for t in tokens if t.i < head.i and lex.has("possessive_first_person", t.text)), None)
    if deadline is None or not (named or mine or r.speaker_city):
        return []
    # "L'engagement de Casablanca :" names its actor; "Notre engagement :", "Key target:" the speaker.
    speaker = mine or head
    actor = r.resolve(named[0] if named else Candidate(speaker.i, speaker.i + 1, "first_person"))
    if actor is None:
        return []
    rest = r.doc[separator.i + 1 : r.sentence.end]
    words = [t.text_with_ws for t in rest if not (deadline.start <= t.idx < deadline.end)]
    strength: Strength = "firm" if lex.has("firm_headings", head.text) else "planned"
    obj = "".join(words).strip(" ,;:–-.")
    return [CommitmentMatch(r.sentence, "heading", actor, "", obj, deadline, strength)]
