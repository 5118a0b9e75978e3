"""Long fuzz run: N random schema-shaped workbooks (default 10,000) through lkj check and
lkj finalise, and every batch of them through lkj rekap. Counts outcomes and every
traceback (the goal is zero), grouped by where it was raised.

    python scripts/fuzz_long.py [--n 10000] [--jobs 2] [--start 0] [--no-finalise]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def one(args: tuple[int, bool]) -> tuple[int, str, str | None]:
    seed, do_finalise = args
    from lkj_excel.checking import check_file
    from lkj_excel.errors import LkjError
    from lkj_excel.writers.final import finalise
    from tests.fuzzgen import random_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = random_workbook(seed, Path(tmp) / "acak.xlsx")
        try:
            res = check_file(path)
            outcome = f"exit {res.exit_code}"
            if do_finalise:
                finalise(path, Path(tmp) / "final.xlsx")
            return seed, outcome, None
        except LkjError:
            return seed, "exit 2 (berkas ditolak)", None
        except Exception:  # noqa: BLE001 - that is what we count
            tb = traceback.format_exc()
            return seed, "TRACEBACK", tb


def rekap_batch(seeds: list[int]) -> str | None:
    from lkj_excel.rekap import rekap
    from tests.fuzzgen import random_workbook

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for s in seeds:
            random_workbook(s, folder / f"f{s}.xlsx")
        try:
            res = rekap([folder], Path(tmp) / "r.xlsx", jobs=1)
            assert res.files_in == res.consolidated + res.bad == len(seeds)
        except Exception:  # noqa: BLE001
            return traceback.format_exc()
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=200, help="files per rekap run")
    ap.add_argument("--no-finalise", action="store_true")
    args = ap.parse_args()
    seeds = list(range(args.start, args.start + args.n))
    t0 = time.perf_counter()
    outcomes: collections.Counter[str] = collections.Counter()
    crashes: dict[str, list[int]] = collections.defaultdict(list)
    with ProcessPoolExecutor(args.jobs) as pool:
        work = [(s, not args.no_finalise) for s in seeds]
        for i, (seed, outcome, tb) in enumerate(pool.map(one, work, chunksize=16), 1):
            outcomes[outcome] += 1
            if tb:
                crashes[tb.strip().splitlines()[-1][:160]].append(seed)
            if i % 1000 == 0:
                print(f"  {i} buku kerja, {time.perf_counter() - t0:.0f} s", flush=True)
        batches = [seeds[i:i + args.batch] for i in range(0, len(seeds), args.batch)]
        rekap_fail = [tb for tb in pool.map(rekap_batch, batches) if tb]
    took = time.perf_counter() - t0
    print(f"{len(seeds)} buku kerja acak dalam {took:.0f} s ({len(seeds) / took:.1f}/s): "
          + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
    print(f"rekap: {len(batches)} kali ({args.batch} berkas), gagal: {len(rekap_fail)}")
    for last, ss in crashes.items():
        print(f"TRACEBACK x{len(ss)} (seed {ss[:5]}): {last}")
    for tb in rekap_fail[:3]:
        print("REKAP TRACEBACK:", tb)
    return 1 if crashes or rekap_fail else 0


if __name__ == "__main__":
    sys.exit(main())
