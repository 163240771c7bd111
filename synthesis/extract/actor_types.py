"""The records of who acts: a `Candidate` (tokens that may act) and an `Actor` (a resolved one)."""

from __future__ import annotations

from dataclasses import dataclass

from synthesis.models import ActorKind

__all__ = ["PARTICIPANTS", "Actor", "ActorKind", "Candidate"]

PARTICIPANTS = "participants"


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    id: str | None  # canonical place id, "participants", or None when unresolved
    kind: ActorKind
    start: int  # token offsets in the doc
    end: int

    @property
    def resolved(self) -> bool:
        return self.id is not None

    @property
    def key(self) -> str:
        return self.id or self.text.casefold()


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    source: str  # a key of actors._PRIORITY: place, first_person, agent, name ...
    place_id: str | None = None
    # A name right before a commitment verb ("TotalEnergies s'engage") is taken for an organisation.
    organisation: bool = False
    # A German name seen only beside a present tense that needs a deadline ("Transparenz über ...")
    # is the subject of that trigger alone, never of another one further on.
    weak: bool = False
