"""Argos Translate: offline neural machine translation, an optional extra (`pip install '.[argos]'`).

Language packages are local `.argosmodel` files, installed with `install_argos_models`. Nothing is
downloaded: this module never calls Argos's package-index or download functions, pins Argos to its
local models (never its LibreTranslate/OpenAI providers), and refuses any network access attempted
while Argos runs. Argos documents no "offline" switch; some versions fetch a sentence-splitter model
on first use, and that attempt becomes a reported failure of this backend instead of a download
(see docs/translation.md).

`argostranslate` is imported inside the functions, so this module imports without it.
"""

from __future__ import annotations

import importlib
import json
import logging
import socket
import sys
import threading
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from synthesis.errors import SynthesisError
from synthesis.models import Language
from synthesis.translate.base import Origin, Segment, TranslationError

log = logging.getLogger(__name__)

MODEL_SUFFIX = ".argosmodel"
INSTALL_HINT = (
    "install the optional extra with pip install '.[argos]' (it pulls in PyTorch; see docs/translation.md), "
    "or leave argos out of SUMMIT_TRANSLATORS"
)
OFFLINE_HINT = (
    "Summit never lets Argos download anything: use language packages that bundle their sentence "
    "splitter, or prepare the splitter models on a machine with internet access (docs/translation.md)"
)


class ArgosNotInstalledError(TranslationError):
    """`argostranslate` cannot be imported; the chain moves on without machine translation."""


class ArgosModelError(SynthesisError):
    """A language package file cannot be installed."""

    def __init__(self, path: Path, message: str, *, hint: str) -> None:
        super().__init__(f"{path}: {message}", hint=hint)
        self.path = path


class ArgosTranslator:
    """Translates with the Argos language packages installed on this machine; None for other pairs."""

    name = "argos"
    origin: Origin = "machine"

    def __init__(self) -> None:
        self._languages: dict[str, Any] | None = None  # Argos Language objects by code, loaded once

    def translate(self, segments: list[Segment]) -> list[str | None]:
        results: list[str | None] = [None] * len(segments)
        if not segments:
            return results
        pairs: dict[tuple[Language, Language], list[int]] = {}
        for index, segment in enumerate(segments):
            pairs.setdefault((segment.source, segment.target), []).append(index)
        with _offline() as refused:
            languages = self._installed_languages(refused)
            for (source, target), indices in pairs.items():
                engine = _engine(languages, source, target)
                if engine is None:
                    log.info("argos: no language package installed for %s -> %s", source, target)
                    continue
                done: dict[str, str] = {}
                for index in indices:
                    text = segments[index].text
                    if text not in done:
                        try:
                            done[text] = str(engine.translate(text))
                        except Exception as error:  # Argos, CTranslate2 and the splitters raise anything
                            raise _failure(f"translating {source} -> {target}", error, refused) from error
                    results[index] = done[text]
            if refused:  # Argos may swallow the refusal (and drop a package): still say why
                raise _failure(f"translating {', '.join(f'{s} -> {t}' for s, t in pairs)}", None, refused)
        return results

    def _installed_languages(self, refused: list[str]) -> dict[str, Any]:
        if self._languages is None:
            translate = _import_argos("translate")
            try:
                languages = {str(language.code): language for language in translate.get_installed_languages()}
            except Exception as error:
                raise _failure("loading the installed language packages", error, refused) from error
            if refused:
                raise _failure("loading the installed language packages", None, refused)
            self._languages = languages
        return self._languages


def install_argos_models(paths: Iterable[Path]) -> list[str]:
    """Install local `.argosmodel` files; returns what was installed, e.g. 'en->fr 1.9 (<file name>)'.

    Every file is checked before any is installed, so a typo does not leave a half-done installation.
    """
    files = [Path(path) for path in paths]
    described = [_describe_model(path) for path in files]
    installed: list[str] = []
    with _offline() as refused:
        package = _import_argos("package")
        for path, description in zip(files, described, strict=True):
            try:
                package.install_from_path(path)
            except Exception as error:
                raise ArgosModelError(
                    path,
                    f"Argos could not install it: {error}",
                    hint="copy the file again; if that does not help, try another version of the package",
                ) from error
            if refused:
                raise ArgosModelError(
                    path, f"Argos tried to reach the network ({refused[0]})", hint=OFFLINE_HINT
                )
            installed.append(description)
    return installed


def _describe_model(path: Path) -> str:
    """Check that `path` looks like an Argos language package and say which one it is."""
    if not path.exists():
        raise ArgosModelError(
            path,
            "no such file",
            hint="check the path; language packages are translate-<from>_<to>-<version>.argosmodel files "
            "copied from a machine with internet access (see docs/translation.md)",
        )
    if path.is_dir() or path.suffix.lower() != MODEL_SUFFIX:
        raise ArgosModelError(
            path,
            f"not an Argos language package (expected a {MODEL_SUFFIX} file)",
            hint=f"pass the translate-<from>_<to>-<version>{MODEL_SUFFIX} file itself, "
            "not unzipped or renamed",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.rstrip("/").split("/")[-1] == "metadata.json"]
            if not names:
                raise ArgosModelError(
                    path,
                    "has no metadata.json: not an Argos language package",
                    hint=f"use a translate-<from>_<to>-<version>{MODEL_SUFFIX} file "
                    "from the Argos package index",
                )
            metadata = json.loads(archive.read(min(names, key=lambda n: n.count("/"))))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArgosModelError(
            path,
            f"unreadable {MODEL_SUFFIX} file ({error})",
            hint="the copy is probably incomplete: copy the file again and compare its size",
        ) from error
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        return path.name
    version = f" {metadata['package_version']}" if metadata.get("package_version") else ""
    return f"{metadata['from_code']}->{metadata['to_code']}{version} ({path.name})"


def _import_argos(submodule: str) -> Any:
    """`argostranslate.<submodule>`, with Argos pinned to its local models."""
    name = f"argostranslate.{submodule}"
    try:
        module = importlib.import_module(name)
        settings: Any = importlib.import_module("argostranslate.settings")
    except ModuleNotFoundError as error:
        if error.name is not None and error.name.split(".")[0] == "argostranslate":
            raise ArgosNotInstalledError("Argos Translate is not installed", hint=INSTALL_HINT) from error
        raise ArgosNotInstalledError(
            f"Argos Translate is installed but cannot be imported: {error}", hint=INSTALL_HINT
        ) from error
    except Exception as error:  # Argos reads its settings at import and fails on bad ARGOS_* values
        raise TranslationError(
            f"Argos Translate failed to start: {error!r}",
            hint="check the ARGOS_* environment variables (docs/translation.md)",
        ) from error
    # ARGOS_MODEL_PROVIDER=LIBRETRANSLATE or OPENAI would send the text to a remote API.
    providers = getattr(settings, "ModelProvider", None)
    local = getattr(providers, "OPENNMT", None)
    if local is not None and getattr(settings, "model_provider", local) != local:
        log.warning("argos: ignoring ARGOS_MODEL_PROVIDER, Summit only uses local Argos models")
        settings.model_provider = local
    return module


def _engine(languages: dict[str, Any], source: str, target: str) -> Any:
    """The Argos translation for the pair (direct or pivoting through an installed language), or None."""
    from_language, to_language = languages.get(source), languages.get(target)
    if from_language is None or to_language is None:
        return None
    return from_language.get_translation(to_language)


def _failure(what: str, error: BaseException | None, refused: list[str]) -> TranslationError:
    if refused:
        return TranslationError(
            f"argos tried to reach the network while {what} ({refused[0]}); refused", hint=OFFLINE_HINT
        )
    return TranslationError(
        f"argos failed while {what}: {error!r}",
        hint="check the installed language packages (summit translate install-models), "
        "or leave argos out of SUMMIT_TRANSLATORS",
    )


# --- No network while Argos runs -------------------------------------------------------------------
# An audit hook (added once, never removed) refuses name lookups and internet connections in a thread
# while that thread is inside `_offline()`; everywhere else it does nothing.

_NETWORK_EVENTS = frozenset(
    {"socket.getaddrinfo", "socket.gethostbyname", "socket.connect", "urllib.Request"}
)
_state = threading.local()
_hook_lock = threading.Lock()
_hook_added = False


class _NetworkRefused(RuntimeError):
    pass


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event not in _NETWORK_EVENTS:
        return
    refused: list[str] | None = getattr(_state, "refused", None)
    if refused is None:
        return
    if event == "socket.connect":
        if getattr(args[0], "family", None) not in (socket.AF_INET, socket.AF_INET6):
            return  # local sockets (AF_UNIX) are not the network
        target = args[1]
    else:
        target = args[0]
    attempt = f"{event} {target!r}"
    refused.append(attempt)
    raise _NetworkRefused(f"network access refused: {attempt}")


@contextmanager
def _offline() -> Iterator[list[str]]:
    """Refuse network access in this thread; yields the list of refused attempts."""
    global _hook_added
    with _hook_lock:
        if not _hook_added:
            sys.addaudithook(_audit)
            _hook_added = True
    outer = getattr(_state, "refused", None)
    refused: list[str] = []
    _state.refused = refused
    try:
        yield refused
    finally:
        _state.refused = outer
        if outer is not None:
            outer.extend(refused)
