"""A LibreTranslate-compatible HTTP API: POST {url}/translate with q, source, target, api_key."""

from __future__ import annotations

import httpx

from synthesis.translate.base import Origin, Segment, TranslationError


class HttpTranslator:
    origin: Origin = "machine"

    def __init__(self, url: str, *, api_key: str | None = None, timeout: float = 20.0) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.name = "libretranslate"

    def translate(self, segments: list[Segment]) -> list[str | None]:
        results: list[str | None] = []
        with httpx.Client(timeout=self.timeout) as client:
            for segment in segments:
                payload = {
                    "q": segment.text,
                    "source": segment.source,
                    "target": segment.target,
                    "format": "text",
                }
                if self.api_key:
                    payload["api_key"] = self.api_key
                try:
                    response = client.post(f"{self.url}/translate", json=payload)
                    response.raise_for_status()
                    results.append(str(response.json()["translatedText"]))
                except (httpx.HTTPError, KeyError, ValueError) as error:
                    raise TranslationError(
                        f"translation API at {self.url} failed: {error}",
                        hint="check the URL and key, or leave the API out of the translator chain",
                    ) from error
        return results
