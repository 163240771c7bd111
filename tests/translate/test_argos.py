"""ArgosTranslator against a fake `argostranslate` (the real one pulls in PyTorch: never installed here)."""

import contextlib
import enum
import json
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from synthesis.translate import Segment, TranslationError, TranslationMemory, TranslatorChain
from synthesis.translate.argos import (
    ArgosModelError,
    ArgosNotInstalledError,
    ArgosTranslator,
    install_argos_models,
)

FR_EN = Segment("Lyon plantera 3 000 arbres.", "fr", "en")
FR_EN_2 = Segment("Genève publiera un plan canicule.", "fr", "en")
EN_DE = Segment("Rabat will open two language cafés.", "en", "de")
DE_FR = Segment("Dresden baut Radwege.", "de", "fr")  # no de -> fr package installed


class FakeTranslation:
    def __init__(self, to_code: str, function: Callable[[str], str], calls: list[str]) -> None:
        self.to_code = to_code
        self.function = function
        self.calls = calls

    def translate(self, text: str) -> str:
        self.calls.append(text)
        return self.function(text)


class FakeLanguage:
    """The part of `argostranslate.translate.Language` the backend uses."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.translations_from: list[FakeTranslation] = []

    def get_translation(self, to: "FakeLanguage") -> FakeTranslation | None:
        return next((t for t in self.translations_from if t.to_code == to.code), None)


class ModelProvider(enum.Enum):
    OPENNMT = 0
    LIBRETRANSLATE = 1


class FakeArgos:
    """Installs fake `argostranslate`, `.translate`, `.package` and `.settings` modules."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pairs: dict[tuple[str, str], Callable[[str], str]] = {}
        self.translated: list[str] = []
        self.loads = 0
        self.installed: list[Path] = []

        def get_installed_languages() -> list[FakeLanguage]:
            self.loads += 1
            languages: dict[str, FakeLanguage] = {}
            for (source, target), function in self.pairs.items():
                languages.setdefault(target, FakeLanguage(target))
                language = languages.setdefault(source, FakeLanguage(source))
                language.translations_from.append(FakeTranslation(target, function, self.translated))
            return list(languages.values())

        def install_from_path(path: Path) -> None:
            if not zipfile.is_zipfile(path):
                raise Exception("Not a valid Argos Model (must be a zip archive)")
            self.installed.append(path)

        def network(*args: object) -> None:
            raise AssertionError("the package index must never be used")

        root = ModuleType("argostranslate")
        self.translate = ModuleType("argostranslate.translate")
        self.translate.get_installed_languages = get_installed_languages  # type: ignore[attr-defined]
        self.package = ModuleType("argostranslate.package")
        self.package.install_from_path = install_from_path  # type: ignore[attr-defined]
        for name in ("update_package_index", "get_available_packages", "install_package_for_language_pair"):
            setattr(self.package, name, network)
        self.settings = ModuleType("argostranslate.settings")
        self.settings.ModelProvider = ModelProvider  # type: ignore[attr-defined]
        self.settings.model_provider = ModelProvider.OPENNMT  # type: ignore[attr-defined]
        for name, module in (
            ("translate", self.translate),
            ("package", self.package),
            ("settings", self.settings),
        ):
            setattr(root, name, module)
            monkeypatch.setitem(sys.modules, f"argostranslate.{name}", module)
        monkeypatch.setitem(sys.modules, "argostranslate", root)


@pytest.fixture
def argos(monkeypatch: pytest.MonkeyPatch) -> FakeArgos:
    fake = FakeArgos(monkeypatch)
    fake.pairs[("fr", "en")] = lambda text: f"[en] {text}"
    fake.pairs[("en", "de")] = lambda text: f"[de] {text}"
    return fake


def test_a_mixed_batch_is_translated_pair_by_pair_in_order(argos: FakeArgos) -> None:
    translator = ArgosTranslator()
    found = translator.translate([FR_EN, EN_DE, DE_FR, FR_EN_2, FR_EN])
    assert found == [
        f"[en] {FR_EN.text}",
        f"[de] {EN_DE.text}",
        None,  # no package: the chain shows the original with its marker
        f"[en] {FR_EN_2.text}",
        f"[en] {FR_EN.text}",
    ]
    assert argos.loads == 1  # the installed packages are read once, not per segment or pair
    assert sorted(argos.translated) == sorted(
        [FR_EN.text, EN_DE.text, FR_EN_2.text]
    )  # repeats translated once
    assert translator.translate([]) == []


def test_a_missing_pair_is_none(argos: FakeArgos) -> None:
    assert ArgosTranslator().translate([DE_FR, Segment("Hello", "en", "fr")]) == [None, None]
    assert argos.translated == []


def test_not_installed_is_a_translation_error_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "argostranslate",
        "argostranslate.translate",
        "argostranslate.package",
        "argostranslate.settings",
    ):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import argostranslate` fail
    with pytest.raises(ArgosNotInstalledError) as raised:
        ArgosTranslator().translate([FR_EN])
    assert isinstance(raised.value, TranslationError)
    assert "not installed" in raised.value.message
    assert "pip install '.[argos]'" in raised.value.hint
    with pytest.raises(ArgosNotInstalledError):
        install_argos_models([])

    chain = TranslatorChain([ArgosTranslator()])
    [translation] = chain.translate([FR_EN])
    assert (translation.text, translation.marker) == (FR_EN.text, "original: FR")
    assert chain.failures == ["argos: Argos Translate is not installed"]


def test_the_module_imports_without_argostranslate() -> None:
    code = "import sys, synthesis.translate.argos; assert 'argostranslate' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_engine_exception_is_a_translation_error(argos: FakeArgos) -> None:
    def broken(text: str) -> str:
        raise RuntimeError("CTranslate2: model.bin is truncated")

    argos.pairs[("fr", "en")] = broken
    with pytest.raises(TranslationError) as raised:
        ArgosTranslator().translate([EN_DE, FR_EN])
    assert "fr -> en" in raised.value.message and "model.bin is truncated" in raised.value.message

    chain = TranslatorChain([ArgosTranslator()])
    translations = chain.translate([FR_EN, EN_DE])
    assert [t.origin for t in translations] == ["original", "original"]  # a failing backend gives nothing
    assert len(chain.failures) == 1 and chain.failures[0].startswith("argos: argos failed")


def test_the_chain_labels_argos_results_as_machine_translation(argos: FakeArgos) -> None:
    memory = TranslationMemory({("fr", "en", FR_EN.text): "Lyon will plant 3,000 trees."})
    chain = TranslatorChain([memory, ArgosTranslator()])
    by_memory, by_argos, untranslated = chain.translate([FR_EN, FR_EN_2, DE_FR])
    assert (by_memory.text, by_memory.origin, by_memory.marker) == (
        "Lyon will plant 3,000 trees.",
        "memory",
        None,
    )
    assert (by_argos.text, by_argos.origin, by_argos.engine) == (f"[en] {FR_EN_2.text}", "machine", "argos")
    assert by_argos.marker == "machine translation (argos)"
    assert (untranslated.text, untranslated.marker) == (DE_FR.text, "original: DE")
    assert argos.translated == [FR_EN_2.text]  # memory hits never reach the engine
    assert chain.failures == []


def test_argos_is_pinned_to_its_local_models(argos: FakeArgos) -> None:
    argos.settings.model_provider = ModelProvider.LIBRETRANSLATE  # type: ignore[attr-defined]
    ArgosTranslator().translate([FR_EN])
    assert argos.settings.model_provider is ModelProvider.OPENNMT  # type: ignore[attr-defined]


def test_network_access_while_argos_runs_is_refused_and_reported(argos: FakeArgos) -> None:
    def fetches_a_splitter(text: str) -> str:
        socket.getaddrinfo("models.argos.example", 443)
        return "unreachable"

    def swallows_the_refusal(text: str) -> str:
        with contextlib.suppress(Exception):
            socket.getaddrinfo("models.argos.example", 443)
        return f"[en] {text}"

    for engine in (fetches_a_splitter, swallows_the_refusal):
        argos.pairs[("fr", "en")] = engine
        with pytest.raises(TranslationError) as raised:
            ArgosTranslator().translate([FR_EN])
        assert "network" in raised.value.message and "models.argos.example" in raised.value.message
    # Outside Argos the process's network is untouched.
    assert socket.getaddrinfo("127.0.0.1", 80)


def _model(folder: Path, name: str = "translate-en_fr-1_9.argosmodel", metadata: object = None) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        top = name.removesuffix(".argosmodel")
        meta = (
            {"package_version": "1.9", "from_code": "en", "to_code": "fr"} if metadata is None else metadata
        )
        archive.writestr(f"{top}/metadata.json", json.dumps(meta))
        archive.writestr(f"{top}/model/model.bin", b"\0")
    return path


def test_install_from_local_files(argos: FakeArgos, tmp_path: Path) -> None:
    en_fr = _model(tmp_path)
    fr_en = _model(tmp_path, "translate-fr_en-1_0.ARGOSMODEL", {"from_code": "fr", "to_code": "en"})
    assert install_argos_models([en_fr, fr_en]) == [
        "en->fr 1.9 (translate-en_fr-1_9.argosmodel)",
        "fr->en (translate-fr_en-1_0.ARGOSMODEL)",
    ]
    assert argos.installed == [en_fr, fr_en]


def test_install_refuses_a_missing_file_before_installing_anything(argos: FakeArgos, tmp_path: Path) -> None:
    good, missing = _model(tmp_path), tmp_path / "translate-de_en-1_0.argosmodel"
    with pytest.raises(ArgosModelError) as raised:
        install_argos_models([good, missing])
    assert raised.value.path == missing
    assert raised.value.message == f"{missing}: no such file"
    assert ".argosmodel" in raised.value.hint
    assert argos.installed == []


@pytest.mark.parametrize("name", ["translate-en_fr-1_9.zip", "translate-en_fr-1_9"])
def test_install_refuses_a_file_that_is_not_an_argosmodel(
    argos: FakeArgos, tmp_path: Path, name: str
) -> None:
    path = _model(tmp_path, name)  # a valid archive under the wrong name
    with pytest.raises(ArgosModelError) as raised:
        install_argos_models([path])
    assert str(path) in raised.value.message and "expected a .argosmodel file" in raised.value.message
    assert "not unzipped or renamed" in raised.value.hint
    assert argos.installed == []


def test_install_refuses_a_truncated_or_foreign_archive(argos: FakeArgos, tmp_path: Path) -> None:
    truncated = tmp_path / "translate-en_de-1_0.argosmodel"
    truncated.write_bytes(_model(tmp_path).read_bytes()[:40])
    with pytest.raises(ArgosModelError, match=r"unreadable \.argosmodel") as raised:
        install_argos_models([truncated])
    assert "copy the file again" in raised.value.hint

    foreign = tmp_path / "photos.argosmodel"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    with pytest.raises(ArgosModelError, match=r"no metadata\.json"):
        install_argos_models([foreign])
    assert argos.installed == []


def test_an_argos_install_failure_names_the_file(argos: FakeArgos, tmp_path: Path) -> None:
    def full_disk(path: Path) -> None:
        raise OSError(28, "No space left on device")

    argos.package.install_from_path = full_disk  # type: ignore[attr-defined]
    path = _model(tmp_path)
    with pytest.raises(ArgosModelError) as raised:
        install_argos_models([path])
    assert raised.value.message.startswith(f"{path}: Argos could not install it")
    assert "No space left" in raised.value.message
