"""The whole night at scale: `summit run` on generated summits, against the same work done directly.

    .venv/bin/python -m benchmarks.nightly [--notes 100 500] [--words 1000000] [--skip-direct]

For each size, a summit is generated from the sample summit's paragraphs
(same languages, workshops and sentence styles, shuffled into notes of equal
length; `--words` is the total for the largest size, smaller sizes scale
down). Then, one right after the other on the same machine:

- full: `summit run` with an empty cache and output folder (temporary server),
  on a new state folder: Prefect creates its database, as on a machine's first night;
- no change: the same command again;
- one note changed: a sentence appended to one note, then the command again;
- full, warm: cache and outputs deleted, Prefect's database kept (a night after a
  rule change), temporary server;
- served: the no-change run against a running `prefect server start`, then a
  full run against it (cache and outputs deleted again), then one more note changed:
  the scheduled night of `summit serve`;
- direct: the same library stages with no Prefect (a process pool with the
  same number of workers, each loading its models once), empty cache;
- bare: `nlp.pipe` of the same models over a sample of the same text, as the
  ceiling, extrapolated to the corpus on the same number of processes.

Wall time is the command's; peak RSS is the sum over the process tree, sampled
every 0.2 s. Results are printed as a Markdown table and saved as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "inputs" / "dusseldorf-2019"
SUMMIT = ROOT / ".venv" / "bin" / "summit"


def generate(folder: Path, notes: int, words: int, seed: int = 7) -> int:
    """A summit of `notes` Markdown notes of about words/notes words each; returns the words written."""
    from synthesis.ingest import ingest_summit

    sample = ingest_summit(SAMPLE).notes
    pools: dict[str, list[str]] = {}
    for note in sample:
        for p in note.paragraphs:
            if p.kind in ("paragraph", "list_item"):
                pools.setdefault(p.language, []).append(note.text[p.start : p.end])
    rng = random.Random(seed)
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("notes"))
    workshops = ["communicative", "healthy", "resilient", "connective", "inclusive"]
    languages = ["en"] * 5 + ["fr"] * 4 + ["de"]
    per_note, total = words // notes, 0
    for number in range(notes):
        language = languages[number % len(languages)]
        body: list[str] = []
        count = 0
        while count < per_note:
            paragraph = rng.choice(pools[language])
            body.append(paragraph)
            count += len(paragraph.split())
        total += count
        workshop = workshops[number % len(workshops)]
        day = ["2019-08-31", "2019-09-01"][number % 2]
        front = (
            f"---\ntitle: Note {number}\nrapporteur: Rapporteur {number % 37}\nsession: {day} morning\n---\n"
        )
        path = folder / "notes" / workshop / f"note-{number:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + f"# Session notes {number}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return total


def measure(command: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds and the peak RSS (MB) of the process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed ({process.returncode}):\n{process.stderr.read()[-3000:]}"
        )
    return {"seconds": round(seconds, 1), "peak_mb": round(peak / 2**20)}


def run_command(summit: Path, work: Path) -> list[str]:
    return [
        str(SUMMIT),
        "run",
        str(summit),
        "--outputs",
        str(work / "outputs"),
        "--state-dir",
        str(work / "state"),
    ]


def served_env(work: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """A running `prefect server start` on its own home, and the environment that points at it."""
    env = {**os.environ, "PREFECT_HOME": str(work / "served-home"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}  # fmt: skip
    port = "4291"
    server = subprocess.Popen(
        [str(SUMMIT.with_name("prefect")), "server", "start", "--port", port],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    import httpx

    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return server, {**env, "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}


def forget_the_night(work: Path) -> None:
    """Delete the cache and the published runs, keeping Prefect's database: the next run is a
    full night on a machine that has run before, as after a rule change."""
    shutil.rmtree(work / "state" / "cache")
    shutil.rmtree(work / "outputs")


def add_a_pledge(note: Path) -> None:
    """One rapporteur's correction: a sentence more in one note."""
    note.write_text(note.read_text("utf-8") + "\nLyon will open one more cool room by 2021.\n", "utf-8")


def bench_size(notes: int, words: int, work: Path, skip_direct: bool) -> dict[str, object]:
    summit = work / "summit"
    written = generate(summit, notes, words)
    result: dict[str, object] = {"notes": notes, "words": written}
    result["full"] = measure(run_command(summit, work))
    result["no_change"] = measure(run_command(summit, work))
    notes_of = sorted((summit / "notes" / "healthy").glob("*.md"))
    add_a_pledge(notes_of[0])
    result["one_change"] = measure(run_command(summit, work))
    forget_the_night(work)
    result["full_warm"] = measure(run_command(summit, work))
    server, env = served_env(work)
    try:
        result["served_no_change"] = measure(run_command(summit, work), env=env)
        forget_the_night(work)
        result["served_full"] = measure(run_command(summit, work), env=env)
        add_a_pledge(notes_of[1])
        result["served_one_change"] = measure(run_command(summit, work), env=env)
    finally:
        server.terminate()
        server.wait()
    if not skip_direct:
        result["direct"] = measure(
            [sys.executable, "-m", "benchmarks.nightly_direct", str(summit), str(work)]
        )
    result["bare"] = json.loads(
        subprocess.run(
            [sys.executable, "-m", "benchmarks.nightly_direct", str(summit), str(work), "--bare"],
            check=True, capture_output=True, text=True,
        ).stdout
    )  # fmt: skip
    return result


def table(results: list[dict[str, object]]) -> str:
    """Seconds, and each run as a fraction of the full run; Prefect's overhead against the
    direct call for the three kinds of full night."""
    lines = [
        "| notes | words | full s | words/s | peak MB | no change | one change | served no change "
        "| served one change | full warm s | served full s | direct s | overhead: full / warm / served "
        "| bare ceiling s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        runs: dict[str, dict[str, float]] = {k: v for k, v in r.items() if isinstance(v, dict)}  # type: ignore[misc]
        f, words = runs["full"]["seconds"], int(r["words"])  # type: ignore[call-overload]
        direct = runs.get("direct", {}).get("seconds")
        over = " / ".join(
            f"{runs[k]['seconds'] / direct - 1:+.0%}" if direct else "-"
            for k in ("full", "full_warm", "served_full")
        )
        lines.append(
            f"| {r['notes']} | {words:,} | {f:.1f} | {words / f:,.0f} | {runs['full']['peak_mb']:.0f} "
            f"| {runs['no_change']['seconds'] / f:.1%} | {runs['one_change']['seconds'] / f:.1%} "
            f"| {runs['served_no_change']['seconds'] / f:.1%} "
            f"| {runs['served_one_change']['seconds'] / runs['served_full']['seconds']:.1%} "
            f"| {runs['full_warm']['seconds']} "
            f"| {runs['served_full']['seconds']} | {direct or '-'} | {over} "
            f"| {runs['bare']['ceiling_seconds']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--words", type=int, default=1_000_000, help="words of the largest summit")
    parser.add_argument("--skip-direct", action="store_true")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/nightly-results.json"))
    args = parser.parse_args()
    results = []
    for notes in args.notes:
        words = args.words * notes // max(args.notes)
        with tempfile.TemporaryDirectory(prefix=f"nightly-{notes}-") as work:
            results.append(bench_size(notes, words, Path(work), args.skip_direct))
            print(json.dumps(results[-1]), flush=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
