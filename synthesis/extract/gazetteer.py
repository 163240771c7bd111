"""Places and organisations: every name variant mapped to a canonical id.

The gazetteer is data (data/gazetteer.yaml); the `summit_gazetteer` component
marks its mentions in `doc.spans["places"]` (label CITY or ORG, `kb_id_` the
canonical id) and exposes them as `doc._.places`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from synthesis.datafiles import load_data_yaml

DATA = Path(__file__).parent / "data" / "gazetteer.yaml"
SPAN_KEY = "places"


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # "city" or "organisation"
    country: str | None
    member: bool
    # Display names in other languages, where they differ from the English `name`: (("fr", "Genève"),).
    names: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        return "CITY" if self.kind == "city" else "ORG"

    def name_in(self, language: str) -> str:
        """The name a reader of `language` knows the place by: Genf, Genève, Geneva."""
        return dict(self.names).get(language, self.name)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[str, Place]
    variants: dict[str, str]  # variant as written -> place id

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)


@cache
def load_gazetteer(path: Path = DATA) -> Gazetteer:
    data: dict[str, Any] = load_data_yaml(path)
    places: dict[str, Place] = {}
    variants: dict[str, str] = {}
    for kind, entries in (("city", data["cities"]), ("organisation", data["organisations"])):
        for entry in entries:
            place = Place(
                entry["id"],
                entry["name"],
                kind,
                entry.get("country"),
                bool(entry.get("member", kind == "organisation")),
                tuple((str(lang), str(name)) for lang, name in entry.get("names", {}).items()),
            )
            places[place.id] = place
            # A localised name is also matched (the data lists it among the variants anyway).
            for variant in {entry["name"], *entry.get("names", {}).values(), *entry.get("variants", [])}:
                variants[str(variant)] = place.id
    return Gazetteer(places, variants)


def _is_acronym(variant: str) -> bool:
    letters = [c for c in variant if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters)


if not Doc.has_extension("places"):
    Doc.set_extension("places", getter=lambda doc: list(doc.spans.get(SPAN_KEY, [])))


class GazetteerComponent:
    def __init__(self, nlp: Language, name: str, path: str | None) -> None:
        self.name = name
        self.gazetteer = load_gazetteer(Path(path) if path else DATA)
        # Acronyms match case-sensitively: "UN" is the United Nations, "un" is an article.
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        for variant, place_id in self.gazetteer.variants.items():
            forms = {variant}
            if nlp.lang == "de" and not variant.endswith(("s", "x", "z", "ß")) and not _is_acronym(variant):
                forms.add(variant + "s")  # German genitive: Düsseldorfs Bürgermeister
            matcher = self.acronyms if _is_acronym(variant) else self.matcher
            matcher.add(place_id, [nlp.make_doc(form) for form in forms])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in [*self.matcher(doc), *self.acronyms(doc)]:
            place = self.gazetteer.places[doc.vocab.strings[match_id]]
            spans.append(Span(doc, start, end, label=place.label, kb_id=place.id))
        doc.spans[SPAN_KEY] = filter_spans(spans)
        return doc


@Language.factory("summit_gazetteer", default_config={"path": None})
def make_gazetteer(nlp: Language, name: str, path: str | None) -> GazetteerComponent:
    return GazetteerComponent(nlp, name, path)
