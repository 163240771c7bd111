"""A small hand-made exhibition for the renderers: two workshops, hostile and rare characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from synthesis.documents.content import (
    Branding,
    CityRow,
    CommitmentItem,
    ConceptBar,
    Exhibition,
    Fact,
    Headings,
    Pair,
    PracticeItem,
    QuoteItem,
    Text,
    WorkshopContent,
)
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import SummitSynthesis

# Strings a note may carry that must print literally, and glyphs the font must have.
HOSTILE = "Budget <b>doubled</b> & <script>alert(1)</script> for R&D"
RARE = "İzmir, Be'er Sheva, Straße, œuvre, ẞ, « déjà » — l’été\u202f!"


def pair(en: str, fr: str, *, marker: str | None = None, verbatim: bool = False) -> Pair:
    return Pair(Text(en, "en", verbatim=verbatim), Text(fr, "fr", marker=marker, verbatim=verbatim))


def commitment(n: int, workshop: Pair) -> CommitmentItem:
    return CommitmentItem(
        id=f"c{n}",
        city="İzmir" if n % 2 else "Be'er Sheva",
        deadline=pair("31 December 2020", "31 décembre 2020"),
        text=pair(
            f"Commitment {n}: {HOSTILE}.",
            f"Commitment {n}: {HOSTILE}.",
            marker="original : EN",
            verbatim=True,
        ),
        workshop=workshop,
        source=f"notes/w/note-{n}.md",
        strength=pair("firm commitment", "engagement ferme"),
        also_reported=n % 2,
    )


def workshop(wid: str, en: str, fr: str, commitments: int) -> WorkshopContent:
    name = pair(en, fr)
    items = tuple(commitment(n, name) for n in range(commitments))
    return WorkshopContent(
        id=wid,
        name=name,
        scope=pair(f"What {en.lower()} discuss.", f"Ce dont parlent les {fr.lower()}."),
        facts=(
            Fact(pair("Notes", "Notes"), pair("5", "5")),
            Fact(pair("Words", "Mots"), pair("2,161", "2\u202f161")),
            Fact(pair("Languages", "Langues"), pair("English 2, French 3", "anglais 2, français 3")),
        ),
        concepts=tuple(ConceptBar(pair(f"concept {i}", f"concept {i} (fr)"), 20 - 2 * i) for i in range(6)),
        commitments=items,
        key_commitments=items[:6],
        recommendations=(pair("Cities should listen.", "Les villes devraient écouter.", verbatim=True),),
        practices=(
            PracticeItem(
                id=f"{wid}-p1",
                city="Montréal",
                initiative="Quartiers en dialogue",
                text=pair(
                    "A neighbourhood table meets every month.",
                    "Une table de quartier se réunit chaque mois.",
                    verbatim=True,
                ),
                source="notes/w/a.md",
            ),
        ),
        quotes=(
            QuoteItem(
                id=f"{wid}-q1",
                text=pair(RARE, RARE, marker="original : EN", verbatim=True),
                attribution="Claire Tremblay, Montréal",
                source="notes/w/a.md",
            ),
            QuoteItem(
                id=f"{wid}-q2",
                text=Pair(
                    Text("We listen first.", "en", marker="machine translation (test)", verbatim=True),
                    Text("Nous écoutons d’abord.", "fr", verbatim=True),
                ),
                attribution="Awa Diop, Dakar",
                source="notes/w/b.md",
            ),
        ),
        url=f"https://example.org/summit/{wid}",
    )


@pytest.fixture(scope="session")
def small_exhibition() -> Exhibition:
    workshops = (
        workshop("communicative", "Communicative cities", "Villes communicatives", 8),
        workshop("healthy", "Healthy cities", "Villes saines", 2),
    )
    register = tuple(c for w in workshops for c in w.commitments)
    h = pair
    return Exhibition(
        summit_id="test-summit",
        languages=("en", "fr"),
        title=pair("Test summit on living together", "Sommet test sur le vivre ensemble"),
        subtitle=pair("Düsseldorf, 30 August – 1 September 2019", "Düsseldorf, 30 août – 1er septembre 2019"),
        edition=pair("Synthesis of 21 November 2026", "Synthèse du 21 novembre 2026"),
        branding=Branding(presenter="Observatory of Mayors", url="https://example.org/summit/{workshop}"),
        headings=Headings(
            contents=h("Contents", "Sommaire"),
            workshops=h("Workshops", "Ateliers"),
            commitments=h("Commitments", "Engagements"),
            key_commitments=h("Key commitments", "Engagements clés"),
            recommendations=h("Recommendations", "Recommandations"),
            practices=h("Best practices", "Bonnes pratiques"),
            quotes=h("In their words", "Dans leurs mots"),
            concepts=h("Most discussed", "Les plus discutés"),
            figures=h("Figures", "Chiffres"),
            register=h("Commitments register", "Registre des engagements"),
            cities=h("City index", "Index des villes"),
            shared_themes=h("Shared themes", "Thèmes partagés"),
            method=h("Method", "Méthode"),
            city=h("City", "Ville"),
            commitment=h("Commitment", "Engagement"),
            deadline=h("Deadline", "Échéance"),
            workshop=h("Workshop", "Atelier"),
            source=h("Source note", "Note source"),
            mentions=h("mentions", "mentions"),
            none=h("None recorded yet.", "Rien d’enregistré pour l’instant."),
            scan=h("Scan for the full synthesis", "Scannez pour la synthèse complète"),
            page=h("Page", "Page"),
        ),
        workshops=workshops,
        register=register,
        cities=(
            CityRow("İzmir", pair("Communicative cities", "Villes communicatives"), 4, 0),
            CityRow("Be'er Sheva", pair("Healthy cities", "Villes saines"), 6, 1),
        ),
        shared_themes=(pair("youth — 4 workshops", "jeunesse — 4 ateliers"),),
        method=(pair("Rapporteurs took notes.", "Les rapporteurs ont pris des notes."),),
        method_facts=(
            Fact(
                pair("spaCy models", "Modèles spaCy"), pair("fr_core_news_sm 3.8.0", "fr_core_news_sm 3.8.0")
            ),
        ),
        author="Observatory of Mayors",
    )


@pytest.fixture(scope="session")
def sample_synthesis() -> SummitSynthesis:
    """A sample run's synthesis, trimmed (see tests/fixtures/make_synthesis_fixture.py)."""
    path = Path(__file__).parent.parent / "fixtures" / "synthesis-sample.json"
    return SummitSynthesis.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def no_translations() -> TranslatedTexts:
    return TranslatedTexts(found={})


@pytest.fixture(scope="session")
def logo_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small two-colour PNG logo, wider than high."""
    from PIL import Image, ImageDraw

    path = tmp_path_factory.mktemp("logo") / "logo.png"
    image = Image.new("RGBA", (240, 96), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, 88, 88), fill=(200, 60, 40, 255))
    draw.ellipse((104, 12, 232, 84), fill=(40, 120, 60, 255))
    image.save(path)
    return path
