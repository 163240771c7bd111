"""Ingestion time for a summit folder: cold (first call, detector model load included) and warm.

.venv/bin/python -m benchmarks.ingest [inputs/dusseldorf-2019] [--repeat 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import Counter
from pathlib import Path

from synthesis.ingest import ingest_summit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("summit", nargs="?", default="inputs/dusseldorf-2019", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    result = ingest_summit(args.summit)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        ingest_summit(args.summit)
        warm.append(time.perf_counter() - start)

    words = sum(n.words for n in result.notes)
    formats = Counter(n.format for n in result.notes)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"summit: {args.summit}")
    print(f"notes: {len(result.notes)} read, {len(result.rejected)} rejected, {words:,} words")
    print(f"formats: {dict(sorted(formats.items()))}")
    print(f"cold (first call, language model load included): {cold:.2f} s")
    print(f"warm, median of {args.repeat}: {statistics.median(warm):.2f} s")
    print(f"warm throughput: {words / statistics.median(warm):,.0f} words/s")
    print(f"peak memory of the process (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
