"""Reading speed: each sample workbook into the lkj model, against a bare python-calamine
read of the same file (and pandas.read_excel with the calamine engine for reference), in one
run on this machine. Prints per-file times and the ratio lkj / bare calamine.

    python bench/read_bench.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bare_calamine(path: Path) -> int:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_path(str(path))
    n = 0
    for name in wb.sheet_names:
        n += len(wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
    wb.close()
    return n


def pandas_calamine(path: Path) -> int:
    import pandas as pd

    frames = pd.read_excel(path, sheet_name=None, engine="calamine", header=None)
    return sum(len(f) for f in frames.values())


def lkj_read(path: Path) -> int:
    from lkj_excel.reader import read_report

    return len(read_report(path).anggaran)


def lkj_read_and_check(path: Path) -> int:
    from lkj_excel.checking import check_file

    return len(check_file(path).findings)


def best_of(fn, path: Path, repeat: int) -> float:
    fn(path)  # warm up (imports, caches)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    files = sorted((ROOT / "sample_workbooks").glob("*.xlsx"))
    print(f"{'berkas':44} {'calamine':>9} {'pandas':>9} {'lkj baca':>9} {'+periksa':>9} "
          f"{'rasio':>6}")
    ratios = []
    for f in files:
        bare = best_of(bare_calamine, f, args.repeat)
        pdx = best_of(pandas_calamine, f, args.repeat)
        lkj = best_of(lkj_read, f, args.repeat)
        chk = best_of(lkj_read_and_check, f, args.repeat)
        ratios.append(lkj / bare)
        print(f"{f.name[:44]:44} {bare * 1e3:8.2f}ms {pdx * 1e3:8.2f}ms {lkj * 1e3:8.2f}ms "
              f"{chk * 1e3:8.2f}ms {lkj / bare:5.2f}x")
    print(f"median rasio lkj-baca / calamine-langsung: {statistics.median(ratios):.2f}x "
          f"(median waktu, {args.repeat} ulangan)")


if __name__ == "__main__":
    main()
