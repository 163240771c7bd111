"""The synthesis files of a run folder, written atomically (synthesis.publish makes the folder)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from synthesis.errors import SynthesisError
from synthesis.escape import markdown_text
from synthesis.models import Rejection, SummitSynthesis
from synthesis.run_index import INDEX_FILE, index_run


class OutsideOutputs(SynthesisError):
    """A path that the project was about to write resolves outside its output root."""


def inside(root: Path, path: Path) -> Path:
    """`path`, after checking that it resolves under `root`; raises OutsideOutputs otherwise."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise OutsideOutputs(
            f"{path} resolves outside {root}", hint="check the summit id and the --outputs folder"
        )
    return resolved


def write_atomically(path: Path, content: str) -> None:
    """Write next to the target, then rename: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.chmod(temporary, 0o644)  # mkstemp makes files private; outputs are for publishing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def rejections_markdown(rejected: list[Rejection] | tuple[Rejection, ...]) -> str:
    if not rejected:
        return "# Rejected files\n\nNo file was rejected.\n"
    lines = [
        "# Rejected files",
        "",
        f"{len(rejected)} file(s) could not be used. They are kept unchanged where they were uploaded.",
        "",
    ]
    for item in rejected:
        # Names and messages quote the upload: escaped, they cannot add lines or markup of their own.
        lines += [
            f"## {markdown_text(item.source)}",
            "",
            f"- Problem ({item.reason.value}): {markdown_text(item.message)}",
        ]
        lines += [f"- What to do: {markdown_text(item.hint)}", ""]
    return "\n".join(lines)


def write_run(synthesis: SummitSynthesis, directory: Path) -> list[Path]:
    """synthesis.json, its index, rejected.json and rejected.md; returns the paths written."""
    files = {
        # Compact: at a million words, indenting makes the file 90 MB instead of 50 MB, and every
        # reader (the next night's documents, the web's review queue) pays for it.
        "synthesis.json": synthesis.model_dump_json(),
        INDEX_FILE: index_run(synthesis).model_dump_json(indent=1),
        "rejected.json": json.dumps(
            [r.model_dump(mode="json") for r in synthesis.rejected], ensure_ascii=False, indent=2
        ),
        "rejected.md": rejections_markdown(synthesis.rejected),
    }
    written = []
    for name, content in files.items():
        write_atomically(directory / name, content + ("" if content.endswith("\n") else "\n"))
        written.append(directory / name)
    return written
