import json

import httpx
import pytest

from synthesis.translate.base import Segment, TranslationError
from synthesis.translate.http import HttpTranslator


def _segments(*texts: str, source: str = "fr", target: str = "en") -> list[Segment]:
    return [Segment(text=t, source=source, target=target) for t in texts]  # type: ignore[arg-type]


def _translator(handler, sleeps: list[float] | None = None, **options) -> HttpTranslator:  # type: ignore[no-untyped-def]
    return HttpTranslator(
        "http://mt.test",
        transport=httpx.MockTransport(handler),
        sleep=(sleeps.append if sleeps is not None else lambda s: None),
        **options,
    )


def test_segments_go_in_batches_per_language_pair() -> None:
    requests: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        requests.append(body)
        return httpx.Response(200, json={"translatedText": [f"{body['target']}:{q}" for q in body["q"]]})

    segments = [*_segments("un", "deux", "trois"), *_segments("eins", source="de")]
    found = _translator(handler, batch_size=2).translate(segments)
    assert found == ["en:un", "en:deux", "en:trois", "en:eins"]
    assert [(r["source"], r["q"]) for r in requests] == [
        ("de", ["eins"]),
        ("fr", ["un", "deux"]),
        ("fr", ["trois"]),
    ]


def test_transient_failures_are_retried_with_backoff() -> None:
    answers = iter([httpx.Response(503), httpx.ConnectError("refused"), None])
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer or httpx.Response(200, json={"translatedText": ["hello"]})

    assert _translator(handler, sleeps).translate(_segments("bonjour")) == ["hello"]
    assert sleeps == [1.0, 2.0]


def test_a_service_that_stays_down_fails_after_its_retries() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(502)

    with pytest.raises(TranslationError, match="failed 4 times"):
        _translator(handler, retries=3).translate(_segments("bonjour"))
    assert len(calls) == 4


def test_a_configuration_error_fails_at_once() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(403, json={"error": "Invalid API key"})

    with pytest.raises(TranslationError, match="refused the request") as error:
        _translator(handler).translate(_segments("bonjour"))
    assert "SUMMIT_TRANSLATE_KEY" in error.value.hint
    assert calls == [1]
