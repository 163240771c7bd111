from __future__ import annotations

from pathlib import Path

import pytest

from synthesis.translate.base import Segment, TranslationError
from synthesis.translate.config import build_chain
from synthesis.translate.memory import TranslationMemory

SAMPLE_MEMORY = Path(__file__).parents[2] / "inputs" / "dusseldorf-2019" / "translations"


def test_backends_in_the_order_given(tmp_path: Path) -> None:
    chain = build_chain(["memory", "http"], memory_dir=tmp_path, url="http://127.0.0.1:9/translate")
    assert [b.name for b in chain.backends] == ["memory", "libretranslate"]


def test_unknown_backend_or_missing_url_is_refused_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(TranslationError, match="unknown translation backend 'deepl'") as error:
        build_chain(["deepl"], memory_dir=tmp_path)
    assert "memory, argos, http" in error.value.hint
    with pytest.raises(TranslationError, match="no URL") as error:
        build_chain(["http"], memory_dir=tmp_path)
    assert "SUMMIT_TRANSLATE_URL" in error.value.hint


def test_the_sample_summit_memory_translates_its_notes() -> None:
    memory = TranslationMemory.load(SAMPLE_MEMORY)
    assert {target for _, target, _ in memory.exact} == {"en", "fr", "de"}
    (source, target, text), translation = next(iter(memory.exact.items()))
    assert memory.translate([Segment(text, source, target)]) == [translation]
