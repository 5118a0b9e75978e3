"""Print the mutation-test counts of the checker over every sample workbook.

For the clean sample and a corrected copy of each real sample (every correction applied
until nothing changes), every single-cell mutant of every kind of typed cell is judged
(tests/mutation.py): the mutated cell named, every other new error/warning marked as its
consequence, the corrections closing. Neutral rewrites must give no finding. Then random
double and triple mutants are checked for the fixpoint alone.

    python scripts/mutation_report.py            # every mutant
    python scripts/mutation_report.py --fail     # also list the failures
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mutation import (  # noqa: E402
    corrected_edits,
    corrections,
    judge,
    mutants,
    run_check,
)

SAMPLES = sorted((ROOT / "sample_workbooks").glob("*.xlsx"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fail", action="store_true", help="list every failing mutant")
    ap.add_argument("--multi", type=int, default=30, help="double/triple mutants per sample")
    args = ap.parse_args()
    t0 = time.perf_counter()
    total: Counter = Counter()
    passed: Counter = Counter()
    silent: Counter = Counter()
    silent_list: list[str] = []
    failures: list[str] = []
    multi_total = multi_ok = 0
    for path in SAMPLES:
        base = corrected_edits(path)
        baseline = run_check(path, base)
        ms = mutants(baseline.report)
        for m in ms:
            v = judge(path, base, baseline, m)
            total[m.kind] += 1
            if v.silent:
                silent[m.kind] += 1
                silent_list.append(f"{path.name}: {m}")
            if v.ok:
                passed[m.kind] += 1
            else:
                why = ("noise " + ", ".join(f"{f.rule}@{f.where}" for f in v.noise)
                       if m.neutral else
                       ("" if v.named else "not named; ")
                       + ("unexplained " + ", ".join(f"{f.rule}@{f.where}"
                                                     for f in v.unexplained) + "; "
                          if v.unexplained else "")
                       + ("no fixpoint " + ", ".join(f"{f.rule}@{f.where}"
                                                     for f in v.fixpoint_errors)
                          if v.fixpoint_errors else ""))
                failures.append(f"{path.name}: {m}: {why}")
        rng = random.Random(path.name)
        singles = [m for m in ms if not m.neutral and m.grid_edit is None]
        for i in range(args.multi if len(singles) >= 3 else 0):
            chosen = rng.sample(singles, 2 + i % 2)
            if len({m.where for m in chosen}) < len(chosen):
                continue
            edits = dict(base)
            edits.update({(m.sheet, m.cell): m.raw for m in chosen})
            res = run_check(path, edits)
            fix = dict(edits)
            fix.update(corrections(res))
            again = run_check(path, fix)
            base_err = {(f.rule, f.sheet, f.cell) for f in baseline.findings
                        if f.severity.value == "error"}
            left = [f for f in again.findings if f.severity.value == "error" and f.correctable
                    and (f.rule, f.sheet, f.cell) not in base_err]
            multi_total += 1
            if not left:
                multi_ok += 1
            elif args.fail:
                failures.append(f"{path.name}: multi {' + '.join(map(str, chosen))}: "
                                f"no fixpoint {', '.join(f'{f.rule}@{f.where}' for f in left)}")
    print(f"{'kind':20} {'mutants':>8} {'passed':>8} {'silent':>8}")
    for kind in sorted(total):
        print(f"{kind:20} {total[kind]:8} {passed[kind]:8} {silent[kind]:8}")
    print(f"{'all single':20} {sum(total.values()):8} {sum(passed.values()):8} "
          f"{sum(silent.values()):8}")
    print(f"{'double/triple':20} {multi_total:8} {multi_ok:8}  (fixpoint only)")
    print(f"samples: {len(SAMPLES)}, {time.perf_counter() - t0:.1f} s")
    if args.fail:
        for line in failures:
            print("FAIL", line)
        for line in silent_list:
            print("SILENT", line)
    return 0 if not failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
