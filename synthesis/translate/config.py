"""The chain of translation backends a run uses, from configuration names."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from synthesis.translate.base import TranslationError, Translator
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory

BACKENDS = ("memory", "argos", "http")


def build_chain(
    backends: Sequence[str],
    *,
    memory_dir: Path | None,
    url: str | None = None,
    api_key: str | None = None,
) -> TranslatorChain:
    """Backends in the order given: "memory" (the summit's PO files), "argos", "http"."""
    chain: list[Translator] = []
    for name in backends:
        if name == "memory":
            chain.append(TranslationMemory.load(memory_dir) if memory_dir else TranslationMemory())
        elif name == "argos":
            from synthesis.translate.argos import ArgosTranslator

            chain.append(ArgosTranslator())
        elif name == "http":
            if not url:
                raise TranslationError(
                    "the http translation backend has no URL",
                    hint="set SUMMIT_TRANSLATE_URL, or leave http out of SUMMIT_TRANSLATORS",
                )
            from synthesis.translate.http import HttpTranslator

            chain.append(HttpTranslator(url, api_key=api_key))
        else:
            raise TranslationError(
                f"unknown translation backend {name!r}", hint=f"choose among {', '.join(BACKENDS)}"
            )
    return TranslatorChain(chain)
