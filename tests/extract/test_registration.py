"""Our components are spaCy plugins: found by entry point, configured like any other component."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMPONENTS = (
    "summit_sentences",
    "summit_gazetteer",
    "summit_commitments",
    "summit_themes",
    "summit_best_practices",
)

# Run in a fresh interpreter that never imports `synthesis` itself: spaCy must find the
# components through the `spacy_factories` entry points of pyproject.toml.
SCRIPT = f"""
import datetime, sys, spacy
nlp = spacy.blank("fr")
for name in {COMPONENTS!r}:
    nlp.add_pipe(name)
again = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
plain = again("Lyon ouvrira deux centres d'ici 2021.")  # no day to count from: no deadline read
doc = again.make_doc("Lyon ouvrira deux centres d'ici 2021.")
doc._.session_date = datetime.date(2019, 8, 31)
doc = again(doc)
print(again.pipe_names == list({COMPONENTS!r}), dict(nlp.config["components"]["summit_commitments"]))
print([(c.actor.text, c.deadline) for c in plain._.commitments])
print([(c.actor.text, c.deadline.value) for c in doc._.commitments])
"""


@pytest.mark.slow
def test_spacy_finds_and_configures_the_components_by_entry_point() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "True {'factory': 'summit_commitments', 'path': None}"
    assert lines[1] == "[('Lyon', None)]"
    assert lines[2] == "[('Lyon', '2021')]"


def test_a_rule_file_given_in_the_config_is_the_one_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("summit_sentences")
    with pytest.raises(FileNotFoundError, match=r"missing\.yaml"):
        nlp.add_pipe("summit_commitments", config={"path": str(tmp_path / "missing.yaml")})
