"""Exhibition text → reportlab Paragraph markup: printed literally, quoted in its language's style."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from synthesis.documents.content import Text
from synthesis.documents.pdf.markup import both, escape, quoted, text_markup
from tests.documents.conftest import HOSTILE, RARE, pair


def printed(markup: str) -> str:
    """What reportlab's parser makes of the markup: the text of its fragments."""
    return "".join(getattr(fragment, "text", "") for fragment in Paragraph(markup, ParagraphStyle("t")).frags)


def test_hostile_text_is_escaped_and_parses_back_to_itself() -> None:
    markup = escape(HOSTILE)
    assert "<b>" not in markup and "<script>" not in markup
    assert markup.count("&amp;") == 2
    assert printed(markup) == HOSTILE


def test_entities_and_lookalike_tags_stay_literal() -> None:
    for text in ("&nbsp; &amp; &#60;", "<br/> <para> <font color=red>", "a < b > c", "]]> <!-- x -->"):
        assert printed(escape(text)) == text


def test_newlines_become_line_breaks_and_runs_of_blank_lines_collapse() -> None:
    assert escape("one\ntwo") == "one<br/>two"
    assert escape("one\r\ntwo\rthree") == "one<br/>two<br/>three"
    assert escape("one\n\n\n\n\ntwo") == "one<br/><br/>two"
    assert escape("\n  padded  \n") == "padded"


def test_control_characters_are_dropped() -> None:
    assert escape("bell\x07 and nul\x00 and tab\tkept") == "bell and nul and tab\tkept"


def test_narrow_no_break_space_becomes_a_no_break_space() -> None:
    # reportlab treats U+202F as a breakable space; U+00A0 keeps « » and ! on their word's line.
    assert escape("l’été\u202f!") == "l’été\u00a0!"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "«\u202fdéjà\u202f»"), ("de", "„déjà“"), ("en", "“déjà”")],
)
def test_quotes_follow_the_language(language: str, expected: str) -> None:
    assert quoted(" déjà ", language) == expected


def test_text_markup_quotes_only_verbatim_text() -> None:
    assert text_markup(Text("R&D", "en")) == "R&amp;D"
    assert text_markup(Text("R&D", "en", verbatim=True)) == "“R&amp;D”"
    assert text_markup(Text("R&D", "fr", verbatim=True)) == "«\u00a0R&amp;D\u00a0»"


def test_both_names_once_when_the_languages_agree() -> None:
    assert both(pair("City", "Ville")) == "City / Ville"
    assert both(pair("Notes", "Notes")) == "Notes"


def test_rare_glyphs_pass_unchanged_apart_from_the_narrow_space() -> None:
    assert printed(escape(RARE)) == RARE.replace("\u202f", "\u00a0")
