"""The few words only the website prints (navigation, field names), in each language.

Everything else comes from the `Exhibition`, already in both languages. These are
site chrome, not document wording, so they live here rather than in the documents'
gettext catalogs (whose completeness test covers `synthesis/documents` only).
"""

from __future__ import annotations

from synthesis.documents.content import Pair, Text
from synthesis.models import Language

WORDS: dict[str, dict[str, str]] = {
    "skip": {"en": "Skip to content", "fr": "Aller au contenu", "de": "Zum Inhalt springen"},
    "site_menu": {"en": "Site menu", "fr": "Menu du site", "de": "Menü der Website"},
    "breadcrumb": {"en": "You are here", "fr": "Vous êtes ici", "de": "Sie sind hier"},
    "home": {"en": "Home", "fr": "Accueil", "de": "Startseite"},
    "see_also": {"en": "See also", "fr": "Voir aussi", "de": "Siehe auch"},
    "scope": {"en": "What the workshop discussed", "fr": "Sujet de l’atelier", "de": "Thema des Workshops"},
    "strength": {"en": "Kind of commitment", "fr": "Nature de l’engagement", "de": "Art der Zusage"},
    "original": {"en": "As written", "fr": "Tel qu’écrit", "de": "Im Wortlaut"},
    "rapporteur": {"en": "Rapporteur", "fr": "Rapporteur", "de": "Berichterstattung"},
    "paragraph": {"en": "Paragraph", "fr": "Paragraphe", "de": "Absatz"},
    "also_reported": {
        "en": "Other notes reporting it",
        "fr": "Autres notes qui le rapportent",
        "de": "Weitere Notizen, die sie nennen",
    },
    "filter": {"en": "Filter the register", "fr": "Filtrer le registre", "de": "Register filtern"},
    "all": {"en": "All commitments", "fr": "Tous les engagements", "de": "Alle Zusagen"},
    "organised_by": {"en": "Organised by", "fr": "Organisé par", "de": "Veranstaltet von"},
    "presented_by": {"en": "Presented by", "fr": "Présenté par", "de": "Präsentiert von"},
    "in_register": {
        "en": "This city in the register",
        "fr": "Cette ville dans le registre",
        "de": "Diese Stadt im Register",
    },
    "city_page": {"en": "City page", "fr": "Page de la ville", "de": "Seite der Stadt"},
    "count": {"en": "Mentions", "fr": "Mentions", "de": "Nennungen"},
    "moved": {
        "en": "This commitment was reworded in its note. It is now here:",
        "fr": "Cet engagement a été reformulé dans sa note. Il se trouve désormais ici :",
        "de": "Diese Zusage wurde in ihrer Notiz umformuliert. Sie steht jetzt hier:",
    },
    "gone": {
        "en": "This commitment is no longer in the synthesis. The register lists those it holds now.",
        "fr": "Cet engagement ne figure plus dans la synthèse. Le registre présente ceux qu’elle contient.",
        "de": "Diese Zusage ist nicht mehr in der Synthese. Das Register führt die, die sie jetzt enthält.",
    },
}


def word(key: str, language: Language) -> str:
    # English when a language has no entry yet: a missing label must not stop the site.
    return WORDS[key].get(language, WORDS[key]["en"])


def site_labels(languages: tuple[Language, Language]) -> dict[str, Pair]:
    left, right = languages
    return {key: Pair(Text(word(key, left), left), Text(word(key, right), right)) for key in WORDS}
