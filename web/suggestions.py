"""Machine proposals for the translation desk, from the backends the night is configured with.

A translator sees the proposal beside the sentence and corrects it; nothing is saved until
they do. A backend that fails gives no proposal: the desk works the same without one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from synthesis.translate.base import Segment
from synthesis.translate.config import build_chain
from web.config import WebConfig

log = logging.getLogger(__name__)
Suggest = Callable[[list[Segment]], list[str | None]]


def machine_suggestions(config: WebConfig) -> Suggest | None:
    """What proposes translations at the desk; None when no machine backend is configured."""
    if not config.suggest_with:
        return None
    key = config.translate_key.get_secret_value() if config.translate_key else None

    def suggest(segments: list[Segment]) -> list[str | None]:
        try:  # built on first use: Argos loads its models then, not when the app starts
            chain = build_chain(config.suggest_with, memory_dir=None, url=config.translate_url, api_key=key)
            found = {t.segment: t.text for t in chain.translate(segments) if t.origin == "machine"}
        except Exception:  # a proposal is a courtesy: never an error page
            log.exception("no machine suggestions")
            return [None] * len(segments)
        return [found.get(segment) for segment in segments]

    return suggest
