import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from synthesis.translate import HttpTranslator, Segment, TranslationMemory, TranslatorChain

SEGMENT = Segment("Rabat will open two language cafés.", "en", "fr")
OTHER = Segment("Dakar will train mediators.", "en", "fr")


class _Api(BaseHTTPRequestHandler):
    """A LibreTranslate-compatible stand-in on the loopback interface."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if body.get("api_key") != "secret":
            self.send_response(403)
            self.end_headers()
            return
        # Like LibreTranslate: a list of texts in, a list of translations out.
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        translated = [f"[{body['target']}] {q}" for q in texts]
        answer = translated if isinstance(body["q"], list) else translated[0]
        payload = json.dumps({"translatedText": answer}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_memory_first_then_machine_translation_labelled(api: str) -> None:
    memory = TranslationMemory({("en", "fr", SEGMENT.text): "Rabat ouvrira deux cafés linguistiques."})
    chain = TranslatorChain([memory, HttpTranslator(api, api_key="secret")])
    first, second = chain.translate([SEGMENT, OTHER])
    assert (first.text, first.origin, first.marker) == (
        "Rabat ouvrira deux cafés linguistiques.",
        "memory",
        None,
    )
    assert (second.text, second.origin) == ("[fr] Dakar will train mediators.", "machine")
    assert second.marker == "machine translation (libretranslate)"


def test_a_failing_api_leaves_the_original_and_records_why(api: str) -> None:
    chain = TranslatorChain([HttpTranslator(api, api_key="wrong")])
    [translation] = chain.translate([OTHER])
    assert translation.origin == "original" and translation.text == OTHER.text
    assert len(chain.failures) == 1 and "403" in chain.failures[0]


def test_an_unreachable_api_is_a_failure_not_a_crash() -> None:
    chain = TranslatorChain([HttpTranslator("http://127.0.0.1:9", timeout=2)])
    [translation] = chain.translate([OTHER])
    assert translation.marker == "original: EN"
    assert chain.failures
