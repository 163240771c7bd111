#!/usr/bin/env python3
"""Set up the project and run it: the two README commands go through here.

    python3 dev.py run    # nightly synthesis of the sample summit into outputs/
    python3 dev.py test   # ruff, mypy and the whole pytest suite

Each command first makes sure `.venv` matches `requirements.lock` (installed
with `--require-hashes`), so a fresh clone needs nothing but Python 3.11 and pip.
Extra arguments after the command are passed on (to `summit run` or pytest).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed-lock"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
SAMPLE_SUMMIT = ROOT / "inputs" / "dusseldorf-2019"


def _run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    completed = subprocess.run([str(a) for a in args], cwd=ROOT)
    if completed.returncode:
        sys.exit(completed.returncode)


def _lock_fingerprint() -> str:
    digest = hashlib.sha256(LOCK.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    return digest.hexdigest()


def ensure_venv() -> None:
    """Create or refresh .venv from the hashed lock file; a no-op when current."""
    if STAMP.exists() and STAMP.read_text() == _lock_fingerprint():
        return
    if not (BIN / "python").exists():
        print(f"Creating {VENV.name} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    pip = (BIN / "python", "-m", "pip")
    # The lock is complete (every transitive dependency, each with hashes),
    # so --no-deps keeps pip from resolving anything on its own.
    _run(*pip, "install", "--quiet", "--require-hashes", "--no-deps", "-r", LOCK)
    # setuptools comes from the lock, hence no build isolation (and no unhashed download).
    _run(*pip, "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ROOT)
    STAMP.write_text(_lock_fingerprint())


def ensure_browser_tools() -> None:
    """Debian's chromium and npm for the browser test, and axe-core from package-lock.json (with hashes).

    Installed with apt when missing and running as root (as CI does); otherwise the
    browser test fails and says what to install.
    """
    missing = [
        package
        for command, package in (("chromium", "chromium"), ("npm", "npm"))
        if not shutil.which(command)
    ]
    if missing and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], cwd=ROOT, env=env)
        for package in missing:  # one at a time: a machine's own Node.js may conflict with Debian's npm
            print(f"+ apt-get install {package}", flush=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", package], env=env)
    still = [package for package in missing if not shutil.which(package)]
    if still:
        print(f"Not installed: {', '.join(still)}. Install them (apt-get install {' '.join(still)}), "
              "or the browser test fails saying so.", flush=True)  # fmt: skip
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".installed-lock"
    if shutil.which("npm") and (not stamp.exists() or stamp.read_bytes() != lock.read_bytes()):
        _run("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
        stamp.write_bytes(lock.read_bytes())


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"run", "test", "setup"}:
        sys.exit(__doc__)
    command, rest = argv[0], argv[1:]
    ensure_venv()
    if command == "run":
        _run(BIN / "summit", "run", SAMPLE_SUMMIT, *rest)
    elif command == "test":
        ensure_browser_tools()
        _run(BIN / "ruff", "check", ".")
        _run(BIN / "ruff", "format", "--check", ".")
        _run(BIN / "mypy")
        _run(BIN / "pytest", *rest)


if __name__ == "__main__":
    main(sys.argv[1:])
