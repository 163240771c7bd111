from __future__ import annotations

import pytest

from synthesis.escape import spreadsheet_text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("Montréal: 2 = 1 + 1", "Montréal: 2 = 1 + 1"),  # a sign mid-cell is no formula
        ("'quoted", "'quoted"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_quote(text: str, written: str) -> None:
    assert spreadsheet_text(text) == written
