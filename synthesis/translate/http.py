"""A LibreTranslate-compatible HTTP API: POST {url}/translate with q, source, target, api_key.

Segments go in batches (`q` as a list) per language pair. Transient failures
(network errors, timeouts, 429 and 5xx answers) are retried with exponential
backoff; an answer that says the request itself is wrong (a bad key, an
unknown language, a wrong address) fails at once, since retrying cannot help.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import groupby

import httpx

from synthesis.translate.base import Origin, Segment, TranslationError

TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class HttpTranslator:
    origin: Origin = "machine"

    def __init__(
        self,
        url: str,
        *,
        api_key: str | None = None,
        timeout: float = 20.0,
        batch_size: int = 50,
        retries: int = 3,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.batch_size = batch_size
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.transport = transport
        self.name = "libretranslate"

    def translate(self, segments: list[Segment]) -> list[str | None]:
        results: list[str | None] = [None] * len(segments)
        order = sorted(range(len(segments)), key=lambda i: (segments[i].source, segments[i].target))
        with httpx.Client(timeout=self.timeout, transport=self.transport) as client:
            for (source, target), group in groupby(
                order, key=lambda i: (segments[i].source, segments[i].target)
            ):
                indices = list(group)
                for start in range(0, len(indices), self.batch_size):
                    batch = indices[start : start + self.batch_size]
                    texts = self._post(client, [segments[i].text for i in batch], source, target)
                    for index, text in zip(batch, texts, strict=True):
                        results[index] = text
        return results

    def _post(self, client: httpx.Client, texts: list[str], source: str, target: str) -> list[str]:
        payload: dict[str, object] = {"q": texts, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        for attempt in range(self.retries + 1):
            try:
                response = client.post(f"{self.url}/translate", json=payload)
            except httpx.TransportError as error:  # connection refused, timeout, reset
                problem = f"{type(error).__name__}: {error}"
            else:
                if response.status_code not in TRANSIENT_STATUS:
                    return self._parse(response, len(texts))
                problem = f"HTTP {response.status_code}"
            if attempt < self.retries:
                self.sleep(self.backoff * 2**attempt)
        raise TranslationError(
            f"translation API at {self.url} failed {self.retries + 1} times ({problem})",
            hint="check that the service is up, or leave http out of SUMMIT_TRANSLATORS",
        )

    def _parse(self, response: httpx.Response, expected: int) -> list[str]:
        if response.is_error:
            raise TranslationError(
                f"translation API at {self.url} refused the request (HTTP {response.status_code})",
                hint="check SUMMIT_TRANSLATE_URL and SUMMIT_TRANSLATE_KEY, and that it translates this pair",
            )
        try:
            found = response.json()["translatedText"]
        except (KeyError, ValueError, TypeError) as error:
            raise TranslationError(
                f"translation API at {self.url} gave an answer that is not LibreTranslate's ({error})",
                hint="SUMMIT_TRANSLATE_URL must point at a LibreTranslate-compatible API",
            ) from error
        texts = found if isinstance(found, list) else [found]
        if len(texts) != expected:
            raise TranslationError(
                f"translation API at {self.url} returned {len(texts)} texts for {expected}",
                hint="SUMMIT_TRANSLATE_URL must point at a LibreTranslate-compatible API",
            )
        return [str(text) for text in texts]
