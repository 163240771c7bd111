"""Who pledges: the actors of one trigger, chosen among the sentence's candidates.

The subject is the nearest candidate before the trigger in its clause, unless the
clause says otherwise: German puts it after the verb when something else opens
the clause ("Ab 2021 übernimmt Köln ..."), a passive names it as the agent
("par la Ville de Dakar"), coordinated subjects all pledge ("Lyon et Genève"),
and a second verb shares the first's subject ("Rabat will open X and fund Y").
"""

from __future__ import annotations

from spacy.tokens import Span

from synthesis.extract.actors import Actor, Candidate
from synthesis.extract.attribution import reporting_body
from synthesis.extract.german_names import german_object
from synthesis.extract.lexicon import TriggerRule
from synthesis.extract.reading import Action, Reading

_SUBJECTS = ("place", "name", "first_person", "collective", "anaphora", "agent", "agent_place")


def actors(
    r: Reading,
    trigger: Span,
    rule: TriggerRule,
    action: Action,
    start: int,
    end: int,
    previous_actor: Actor | None,
) -> list[Actor]:
    """The actors of `trigger` in its clause [start, end); `previous_actor` if it shares one."""
    if action.passive:
        agent = _agent(r, action, start, end)
        if agent is not None:
            return [agent]
        return _reporter(r, trigger, start, end) if rule.reporter_acts else []
    german = r.lex.language == "de"
    if (
        german
        and rule.verb == "last"
        and trigger.end < end
        and r.lex.has("first_person", r.doc[trigger.end].text)
    ):
        trigger = r.doc[trigger.end - 1 : trigger.end + 1]  # „Die Liste schicken wir": the pronoun acts
    if german and any(r.lex.has("first_person", t.text) for t in (trigger[0], trigger[-1])):
        # „Ich lade die Partnerstädte ... ein", „Die Liste schicken wir ...": the pronoun acts
        return _first_person_trigger(r, trigger)
    verb_final = german and r.lex.has("complementizers", trigger[0].text)  # „dass … übernimmt"
    if verb_final and trigger.end < len(r.doc) and not r.doc[trigger.end].is_punct:
        return []  # „dass die Zahl leicht sinkt": the clause's verb is its last word, not „leicht"
    if rule.verb == "last":
        # „Sousse lädt ... ein", „Im Herbst startet Tunis": the words before the verb only placed
        # it; the subject is sought around the verb, on either side.
        trigger = r.doc[trigger.end - 1 : trigger.end]
    subjects = [c for c in _subjects(r, start, end) if rule.needs_deadline or not c.weak]
    left = [c for c in subjects if c.end <= trigger.start]
    right = [c for c in subjects if trigger.start < c.start <= trigger.start + 4 and c.end <= end]
    if rule.adjacent_actor:
        return _adjacent(r, trigger, start, left)
    chosen: Candidate | None = None
    if german and (action.index < trigger.start or verb_final) and left:
        # Verb-final clause: the subject comes first after "dass", "weil", a comma ...
        opener = max(
            (
                t.i
                for t in r.doc[start : trigger.start]
                if t.text == "," or r.lex.has("verb_final_openers", t.text)
            ),
            default=start - 1,
        )
        after_opener = [c for c in left if c.start > opener]
        chosen = after_opener[0] if after_opener else left[-1]
    elif german and right and _subject_after_verb(r, trigger, start, left):
        chosen = right[0]
        following = [c for c in subjects if c.start > chosen.start]
        return [a for a in (r.resolve(c) for c in [chosen, *_joined_after(r, chosen, following)]) if a]
    elif left and not _coordinated(r, trigger, left[-1]):
        chosen = left[-1]
    elif previous_actor is not None:
        return [previous_actor]  # "Rabat will open X and will fund Y"
    elif left:
        chosen = left[0]  # "Brussels described X ... and committed to Y"
    elif right and german and not _opens_with_article(r, start):
        chosen = right[0]  # „Mit dem Konzept verfolgt Halifax …", not „Die neue Linie wird die Altstadt …"
    if chosen is None:
        # „Ziel der Stadt Genf ist es, ...": the one who aims is named inside the trigger.
        # It follows "of"/"der": taken from all the candidates, not only the possible subjects.
        inside = [
            c
            for c in r.candidates
            if trigger.start <= c.start and c.end <= trigger.end and c.source in _SUBJECTS
        ]
        if inside and rule.verb != "last":
            chosen = inside[-1]
        elif rule.reporter_acts:
            return _reporter(r, trigger, start, end)
        else:
            return _first_person_trigger(r, trigger)
    found = [r.resolve(c) for c in [*_coordinated_subjects(r, chosen, subjects), chosen]]
    return [a for a in found if a is not None]


def _subjects(r: Reading, start: int, end: int) -> list[Candidate]:
    return [
        c
        for c in r.candidates
        if start <= c.start
        and c.end <= end
        and c.source in _SUBJECTS
        and c.start not in r.parenthetical
        and can_be_subject(r, c)
    ]


def can_be_subject(r: Reading, candidate: Candidate) -> bool:
    """Not inside a prepositional phrase ("prices in Geneva"), not a mere possessor
    ("Tel Aviv's population"), not an aside ("Beirut, the deputy mayor said, will ...",
    "Lien Numérique, une association liégeoise, va ..."); "Lyon's representative" counts as Lyon."""
    doc, lex = r.doc, r.lex
    start, end = candidate.start, candidate.end
    between_commas = start > 0 and doc[start - 1].text == "," and end + 1 < len(doc)
    if between_commas and doc[end].text == "," and lex.has("indefinite_articles", doc[start].text):
        return False
    if between_commas and lex.has("reporting_verbs", doc[end].text) and doc[end + 1].text == ",":
        return False
    if start > 0:
        # "prices in Geneva", "the population of the greater Dakar region": past its modifiers.
        before = doc[start - 1]
        for _ in range(4):
            if lex.has("prepositions", before.text) and not lex.has("agent_prepositions", before.text):
                return False
            if before.i == 0 or not (before.pos_ in ("DET", "ADJ") or lex.has("determiners", before.text)):
                break
            before = doc[before.i - 1]
        if (
            before.i > 0
            and lex.has("prepositions_of", before.text)
            and lex.has("thing_heads", doc[before.i - 1].text)
        ):
            return False  # „Die Bevölkerung von Bamako wird …": the place only says whose
    if any(lex.has("thing_heads", t.text) for t in doc[start:end]):
        return False  # „Die Nachfrage … wird steigen"
    if german_object(lex, doc, candidate, r.candidates):
        return False
    if (
        end + 1 < len(doc)
        and doc[end].text in lex.words["possessive_clitics"]
        and not lex.has("clitic_verbs", doc[end + 1].text)
    ):
        possessed = doc[end + 1]
        # "Seoul's target is to ...", "Chicago's key objective": the possessor of a pledge pledges
        # ("Strasbourg's going to" is a verb).
        return r.actors.is_agent_head(possessed) or any(
            lex.has("pledge_nouns", t.text) for t in doc[end + 1 : end + 3]
        )
    # "Every city will face …": cities in general, not one that pledges.
    return not any(lex.has("generic_determiners", t.text) for t in doc[start : start + 2])


def _adjacent(r: Reading, trigger: Span, clause_start: int, left: list[Candidate]) -> list[Actor]:
    """Note style, "Observatory to launch ...": the actor opens the clause, right before the trigger."""
    if not left:
        return []
    nearest = left[-1]
    between = [t for t in r.doc[nearest.end : trigger.start] if t.text != ":"]
    opening = [t for t in r.doc[clause_start : nearest.start] if not r.lex.has("bullets", t.text)]
    if between or opening:
        return []
    actor = r.resolve(nearest)
    return [actor] if actor else []


def _first_person_trigger(r: Reading, trigger: Span) -> list[Actor]:
    """'Our aim is to ...': the possessive in the trigger names the speaker."""
    for token in trigger:
        if r.lex.has("first_person", token.text) or r.lex.has("possessive_first_person", token.text):
            actor = r.resolve(Candidate(token.i, token.i + 1, "first_person"))
            return [actor] if actor else []
    return []


def _reporter(r: Reading, trigger: Span, start: int, end: int) -> list[Actor]:
    """Whose a subjectless aim or plan is: the body that reports it („…, schreibt die Stadt
    Beirut"), else the one it cites („nach Angaben der Stadt Sceaux"), else the place it is
    planned in („Bis 2019 soll in Abidjan … eröffnet werden")."""
    body = reporting_body(r.sentence, r.candidates, after=trigger.end, lexicon=r.lex)
    if body is None:
        inside = [c for c in r.candidates if start <= c.start and c.end <= end and c.start >= 2]
        cited = [
            c for c in inside if any(r.lex.has("source_nouns", t.text) for t in r.doc[c.start - 2 : c.start])
        ]
        placed = [
            c for c in inside if c.place_id and r.lex.has("place_prepositions", r.doc[c.start - 1].text)
        ]
        body = next(iter(cited or placed), None)
    actor = r.resolve(body) if body else None
    return [actor] if actor else []


def _coordinated_subjects(r: Reading, chosen: Candidate, subjects: list[Candidate]) -> list[Candidate]:
    """'Lyon et Genève s'engagent', 'the Observatory, UNESCO and the AIMF agreed'."""
    joined: list[Candidate] = []
    current = chosen
    for other in reversed([c for c in subjects if c.end <= chosen.start]):
        between = [t for t in r.doc[other.end : current.start] if not r.lex.has("determiners", t.text)]
        listed = (
            between
            and all(t.text == "," or r.lex.has("conjunctions", t.text) for t in between)
            and len(between) <= 2
        )
        # The join next to the verb's subject needs "and": "A, B and C", never a bare "A, C".
        if listed and (joined or any(r.lex.has("conjunctions", t.text) for t in between)):
            joined.insert(0, other)
            current = other
        else:
            break
    return joined


def _joined_after(r: Reading, chosen: Candidate, following: list[Candidate]) -> list[Candidate]:
    """'werden Genf und Lyon ...': subjects after the verb joined by 'und'."""
    joined: list[Candidate] = []
    current = chosen
    for other in following:
        between = [t for t in r.doc[current.end : other.start] if not r.lex.has("determiners", t.text)]
        if (
            between
            and len(between) <= 2
            and all(t.text == "," or r.lex.has("conjunctions", t.text) for t in between)
        ):
            joined.append(other)
            current = other
        else:
            break
    return joined


def _coordinated(r: Reading, trigger: Span, nearest: Candidate) -> bool:
    """'... and will' with no new subject between: the verb shares the previous subject."""
    between = [t for t in r.doc[nearest.end : trigger.start] if not r.skippable(t)]
    return bool(between) and r.lex.has("conjunctions", between[-1].text)


def _opens_with_article(r: Reading, clause_start: int) -> bool:
    """An article opens the clause: its noun phrase is the subject, named or not."""
    tokens = [t for t in r.doc[clause_start : clause_start + 3] if not r.lex.has("bullets", t.text)]
    return bool(tokens) and r.lex.has("name_articles", tokens[0].text)


def _subject_after_verb(r: Reading, trigger: Span, clause_start: int, left: list[Candidate]) -> bool:
    """German V2: the clause opens with something other than the subject."""
    while clause_start < trigger.start and r.lex.has("bullets", r.doc[clause_start].text):
        clause_start += 1
    if trigger.start == clause_start:
        return True
    opener = r.doc[clause_start]
    if r.lex.has("prefield_openers", opener.text) or opener.like_num:
        return True
    if left and left[-1].end >= trigger.start - 1:
        return False  # "Die Stadt Genf wird ...": the subject stands before the verb
    # An article opens a noun phrase: "Der Klimawandel wird ..." has its (non-agent) subject first.
    return not r.lex.has("determiners", opener.text) and trigger.start - clause_start <= 2


def _agent(r: Reading, action: Action, start: int, end: int) -> Actor | None:
    """The agent of a passive: "by Dakar", "par la Ville de Dakar", "von Paris"; in German
    it may open the clause („Von der Stadt Algier wird bis 2020 … eingerichtet")."""
    reach = start - 1 if r.lex.language == "de" else action.index - 8
    for candidate in r.candidates:
        first = candidate.start
        while first > 0 and r.lex.has("determiners", r.doc[first - 1].text):
            first -= 1  # "par la Ville de Dakar"
        before = r.doc[first - 1] if first > 0 else None
        if (
            reach < candidate.start < end
            and before is not None
            and r.lex.has("agent_prepositions", before.text)
        ):
            return r.resolve(candidate)
    return None
