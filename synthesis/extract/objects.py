"""What is pledged and by when: a trigger's deadline and the words of its object.

The object is the rest of the clause after the action, without the actor, the
deadline or the agent of a passive; it ends where the next actor's clause or a
subordinate clause begins. A second verb joined to the action ("will show X and
offer Y") is a second action under the same trigger.
"""

from __future__ import annotations

from spacy.tokens import Span

from synthesis.extract import actions
from synthesis.extract.actors import Actor
from synthesis.extract.deadlines import Deadline
from synthesis.extract.reading import Action, Draft, Reading


def deadline(r: Reading, trigger: Span, actor: Actor, start: int, end: int) -> Deadline | None:
    """The first deadline after the trigger in [start, end), else the last before it."""
    doc = r.doc
    low = doc[start].idx
    high = doc[end - 1].idx + len(doc[end - 1]) if end > start else low
    actor_chars = (doc[actor.start].idx, doc[actor.end - 1].idx + len(doc[actor.end - 1]))
    usable = [
        d
        for d in r.deadlines
        if low <= d.start and d.end <= high and not (d.start < actor_chars[1] and actor_chars[0] < d.end)
    ]
    after = [d for d in usable if d.start >= trigger.start_char]
    return after[0] if after else (usable[-1] if usable else None)


def object_of(r: Reading, draft: Draft, deadline: Deadline | None, end: int) -> tuple[str, Action | None]:
    """The object of the action, and a second action coordinated with it, if any."""
    action, trigger = draft.action, draft.trigger
    if action.passive:
        # What is acted on is the passive's subject: "The new library will be opened by Dakar".
        opening = max(
            (
                t.i + 1
                for t in r.doc[draft.start : trigger.start]
                if t.text == "," or r.lex.has("bullets", t.text)
            ),
            default=draft.start,
        )
        subject = words(r, opening, trigger.start, draft, deadline)
        if subject:
            return subject, None
    if r.lex.language == "de" and action.index < trigger.start:
        # Verb-final: "..., dass Düsseldorf vier Begegnungsstätten eröffnen wird".
        subject_end = max(a.end for a in draft.actors)
        return words(r, min(subject_end, action.index), action.index, draft, deadline), None
    if r.lex.language == "de" and action.index > trigger.start:
        if action.second is not None:
            second = Action(action.second, r.doc[action.second].text)
            return words(r, trigger.end, action.index, draft, deadline), second
        return words(r, trigger.end, action.index, draft, deadline), None
    first = action.index + 1
    if " " in action.text and first < end:
        first += 1  # the particle of a phrasal verb ("set up") is in the action already
    for token in r.doc[first:end]:
        following = r.doc[token.i + 1] if token.i + 1 < end else None
        if (
            r.lex.has("action_conjunctions", token.text)
            and following is not None
            and actions.verb_like(r, following)
        ) and (r.lex.language == "fr" or following.tag_ == "VB"):
            second = Action(following.i, actions.verb_text(r, following))
            return words(r, first, token.i, draft, deadline), second
    return words(r, first, end, draft, deadline), None


def words(r: Reading, first: int, last: int, draft: Draft, deadline: Deadline | None) -> str:
    """The text of tokens [first, last) that belong to the object."""
    doc, lex = r.doc, r.lex
    starts = {c.start for c in r.candidates if c.source in ("place", "name", "first_person", "collective")}
    skip = {i for a in draft.actors for i in range(a.start, a.end)}
    if draft.action.passive:  # "by Dakar", "par la Ville de Dakar", "von Paris": the agent, not the object
        for actor in draft.actors:
            first_agent = actor.start
            while first_agent > 0 and lex.has("determiners", doc[first_agent - 1].text):
                first_agent -= 1
            skip |= set(range(first_agent, actor.end))
            if first_agent > 0 and lex.has("agent_prepositions", doc[first_agent - 1].text):
                skip.add(first_agent - 1)
    found: list[str] = []
    for token in doc[first:last]:
        if token.i in skip or (deadline and deadline.start <= token.idx < deadline.end):
            continue
        following = doc[token.i + 1] if token.i + 1 < last else None
        joins = token.text == "," or lex.has("conjunctions", token.text)
        if following is not None and joins and following.i in starts:
            break  # "... a heat plan and Geneva plans to ...": the next actor's clause
        if (
            lex.has("subordinate_openers", token.text)
            and found
            and following is not None
            and lex.has("subordinators", following.text)
        ):
            break
        found.append(token.text_with_ws)
    text = "".join(found).strip(" ,;:–-.")
    # What a removed deadline or agent leaves behind: "... l'environnement le", "ein Haus zu".
    parts = text.split()
    while parts and (
        parts[-1] == "zu" or lex.has("determiners", parts[-1]) or lex.has("prepositions", parts[-1])
    ):
        parts.pop()
    return " ".join(parts) if parts != text.split() else text
