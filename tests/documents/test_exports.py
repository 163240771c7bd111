from __future__ import annotations

import csv
import io

from synthesis.documents.build import build_exhibition
from synthesis.documents.exports import _end_date, commitments_csv, decidim_csv
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import SummitSynthesis
from synthesis.translate.base import Segment, Translation


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_commitments_csv_has_a_row_per_commitment(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    rows = _rows(commitments_csv(sample_synthesis, exhibition, no_translations))
    commitments = [c for w in sample_synthesis.workshops for c in w.commitments]
    assert [r["id"] for r in rows] == [c.id for c in commitments]
    first = rows[0]
    assert first["quote"] == commitments[0].source.quote
    assert first["source_note"].startswith("notes/")
    assert {"quote/en", "quote/fr"} <= set(first)


def test_decidim_csv_fills_only_languages_it_has(sample_synthesis: SummitSynthesis) -> None:
    french = next(c for w in sample_synthesis.workshops for c in w.commitments if c.language == "fr")
    segment = Segment(french.source.quote, "fr", "en")
    texts = TranslatedTexts({(segment.text, "fr", "en"): Translation(segment, "In English.", "memory")})
    rows = {r["reference"]: r for r in _rows(decidim_csv(sample_synthesis, texts))}
    row = rows[french.id]
    assert row["title/fr"].endswith(french.source.quote)
    assert row["title/en"].endswith("In English.")
    assert row["title/de"] == ""  # never filled with another language's words
    assert row["status"] == "planned" and row["progress"] == "0"
    assert row["start_date"] == "2019-09-01"
    assert row.keys() >= {"title/en", "title/fr", "title/de", "start_date", "end_date"}


def test_end_date_is_the_last_day_a_deadline_allows() -> None:
    assert _end_date("2020") == "2020-12-31"
    assert _end_date("2021-02") == "2021-02-28"
    assert _end_date("2020-12") == "2020-12-31"
    assert _end_date("2020-06-15") == "2020-06-15"
    assert _end_date(None) == ""
