"""The diagnosis search against a general solver (z3's Optimize with soft constraints).

Both get the same problem: an Anggaran of N sub kegiatan under N/10 kegiatan, every row
with pagu, realisasi, sisa and persentase typed, and one sub kegiatan pagu typed wrong (the
issue's first example). Each must find the one cell to change. z3 encodes every typed cell
as a soft constraint (weight 100 for a result, 105 for an input, as the search weighs them),
sums and sisa as linear equalities, the persentase within its displayed precision as a linear
band (|100 R - p P| <= 0.005 P, p typed); lkj's search is ``lkj_excel.diagnosis``.

    pip install z3-solver   # only for this benchmark; not a dependency of lkj-excel
    python bench/diagnosis_bench.py --rows 100 1000 10000

Prints, per N: lkj's diagnosis time (building the network and searching), z3's time,
their ratio, and the cells each named. Measured on this project's 2-core machine
(2026-12-01, z3-solver 5.4.1, other work running): z3 import 40-105 ms; 110 rows: lkj 0.04 s,
z3 0.30 s; 1.100 rows: lkj 0.06 s, z3 6.0 s; 11.000 rows: lkj 1.4 s, z3 48.8 s. Both name
C5, the mutated pagu.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def report_rows(n: int):
    """(code, pagu, realisasi, sisa, persentase) rows; row 1's pagu typed 9.000.000 for
    8.000.000."""
    rows = []
    for k in range(max(1, n // 10)):
        keg = f"7.01.{2 + k // 99:02d}.2.{k % 99 + 1:02d}"
        subs = [(f"{keg}.{s:04d}", 8_000_000, 2_000_000) for s in range(1, 11)]
        p = sum(x[1] for x in subs)
        r = sum(x[2] for x in subs)
        rows.append((keg, p, r, p - r, round(r / p * 100, 2)))
        rows += [(c, pg, rl, pg - rl, round(rl / pg * 100, 2)) for c, pg, rl in subs]
    code, p, r, s, pc = rows[1]
    rows[1] = (code, 9_000_000, r, s, pc)
    return rows


def run_lkj(rows) -> tuple[float, str]:
    import tempfile

    from lkj_excel.diagnosis import Solver
    from lkj_excel.reader import read_report
    from lkj_excel.relations import build_network
    from lkj_excel.rules.base import Context
    from lkj_excel.writers.template import build_workbook
    from tests.helpers import clean_data, write  # noqa: F401 - builds a real report

    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    data = dict(CLEAN)
    data["Anggaran"] = [{"kode": c, "uraian": c, "pagu": p, "realisasi": r, "sisa": s,
                         "persentase": f"{pc:.2f}%".replace(".", ",")}
                        for c, p, r, s, pc in rows]
    path = Path(tempfile.mkdtemp()) / "b.xlsx"
    build_workbook(path, "kecamatan", data)
    ctx = Context(read_report(path))
    t = time.perf_counter()
    net = build_network(ctx)
    solver = Solver(net)
    solver.run()
    causes = [ch.cell.where for ch in solver.changes() if ch.cause is None]
    return time.perf_counter() - t, ",".join(causes)


def run_z3(rows, timeout_s: float) -> tuple[float, str]:
    import z3

    t = time.perf_counter()
    opt = z3.Optimize()
    opt.set("timeout", int(timeout_s * 1000))
    changed = []
    parents: dict[str, list[int]] = {}
    P, R = [], []
    for i, (code, *_values) in enumerate(rows):
        P.append(z3.Real(f"p{i}"))
        R.append(z3.Real(f"r{i}"))
        if len(code) > 12:
            parents.setdefault(code[:12], []).append(i)
    by_code = {row[0]: i for i, row in enumerate(rows)}
    for code, kids in parents.items():
        j = by_code[code]
        opt.add(P[j] == z3.Sum([P[k] for k in kids]))
        opt.add(R[j] == z3.Sum([R[k] for k in kids]))
    for i, (code, p, r, s, pc) in enumerate(rows):
        w = 105 if len(code) > 12 else 100
        ok_p = P[i] == p
        ok_r = R[i] == r
        ok_s = P[i] - R[i] == s
        ok_pc = z3.And(100 * R[i] - pc * P[i] <= 0.005 * P[i],
                       pc * P[i] - 100 * R[i] <= 0.005 * P[i])
        for name, c, weight in (("C", ok_p, w), ("D", ok_r, w), ("E", ok_s, 100),
                                ("F", ok_pc, 100)):
            opt.add_soft(c, weight)
            changed.append((f"{name}{i + 4}", c))
    res = opt.check()
    elapsed = time.perf_counter() - t
    if res != z3.sat:
        return elapsed, f"({res})"
    m = opt.model()
    wrong = [cell for cell, c in changed if not z3.is_true(m.eval(c))]
    return elapsed, ",".join(wrong[:5])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()
    t = time.perf_counter()
    import z3  # noqa: F401

    print(f"z3 import {1000 * (time.perf_counter() - t):.0f} ms")
    print(f"{'rows':>7} {'lkj s':>9} {'z3 s':>9} {'z3/lkj':>8}  lkj names / z3 names")
    for n in args.rows:
        rows = report_rows(n)
        tl, cl = run_lkj(rows)
        tz, cz = run_z3(rows, args.timeout)
        print(f"{len(rows):7} {tl:9.4f} {tz:9.3f} {tz / tl:8.0f}  {cl} / {cz}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
