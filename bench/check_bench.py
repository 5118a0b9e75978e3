"""``lkj check`` against a bare python-calamine read of the same file, in one run.

    python bench/check_bench.py [--rows 1000,10000,100000] [--repeat 5] [--keep DIR]

For each sample workbook and for synthetic kecamatan reports whose Anggaran has N rows
(programs, kegiatan and sub kegiatan with varied amounts and a few typical mistakes), prints:

- in-process: CPU time (``time.process_time``, median of --repeat runs) of the floor, a
  bare python-calamine read of every sheet, and of ``check_file`` (read, rules,
  diagnosis), their ratio, and build_summary apart;
- whole process: CPU time of ``python -c <bare read>`` and of ``lkj check FILE``
  (interpreter start and imports included, from ``RUSAGE_CHILDREN``), their ratio, and the
  peak memory (VmHWM) of each;
- linearity: per-row time and memory from the smallest to the largest N;
- ``lkj --help`` against ``python -c "import click"`` (whole processes).

Python modules are byte-compiled first, as ``pip install`` leaves them (this machine sets
PYTHONDONTWRITEBYTECODE, and compiling lkj from source costs 70 ms a process). CPU time
rather than wall time: the machine is shared, and a run is compared with its
floor measured in the same run. Goals (issue 17): check within 2.5x of the bare read
(samples and 100k rows, whole process and in-process); memory at 100k rows under 2x the
bare read's; ``lkj --help`` within 1.5x of importing click.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import PEAK_SRC, alternated, compile_package, lkj_source, python  # noqa: E402

BARE = PEAK_SRC + """
import sys
import python_calamine as pc
wb = pc.CalamineWorkbook.from_path(sys.argv[1])
for name in wb.sheet_names:
    wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
wb.close()
print(PEAK(), file=sys.stderr)
"""

LKJ = lkj_source("check")


def anggaran_rows(n: int, rng: random.Random) -> list[dict]:
    """About ``n`` Anggaran rows: programs of 10 kegiatan of up to 40 sub kegiatan, varied
    amounts, a wrong sisa or persentase in about 1 row in 200, and JUMLAH."""
    rows: list[dict] = []
    tp = tr = 0
    p = 0
    while len(rows) < n - 1:
        p += 1
        code = f"7.{p // 100 + 1:02d}.{p % 100:02d}"
        prog = {"kode": code, "uraian": f"PROGRAM NOMOR {p}"}
        rows.append(prog)
        pp = pr = 0
        for k in range(1, 11):
            if len(rows) >= n - 1:
                break
            keg = {"kode": f"{code}.2.{k:02d}", "uraian": f"Kegiatan {k} program {p}"}
            rows.append(keg)
            kp = kr = 0
            for s in range(1, 41):
                if len(rows) >= n - 1:
                    break
                pagu = rng.randint(5, 4000) * 10_000
                real = int(pagu * rng.random())
                sisa, pct = pagu - real, f"{real / pagu * 100:.2f}%".replace(".", ",")
                roll = rng.random()
                if roll < 0.003:
                    sisa += 100_000
                elif roll < 0.005:
                    pct = "1,00%"
                rows.append({"kode": f"{code}.2.{k:02d}.{s:04d}",
                             "uraian": f"Sub kegiatan {s} kegiatan {k} program {p}",
                             "pagu": pagu, "realisasi": real, "sisa": sisa,
                             "persentase": pct})
                kp, kr = kp + pagu, kr + real
            keg.update(pagu=kp, realisasi=kr, sisa=kp - kr)
            pp, pr = pp + kp, pr + kr
        prog.update(pagu=pp, realisasi=pr, sisa=pp - pr)
        tp, tr = tp + pp, tr + pr
    rows.append({"uraian": "JUMLAH", "pagu": tp, "realisasi": tr, "sisa": tp - tr})
    return rows


def synthetic(n: int, folder: Path) -> Path:
    path = folder / f"anggaran_{n}.xlsx"
    if path.exists():
        return path
    import copy

    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    from lkj_excel.writers.template import build_workbook

    data = copy.deepcopy(CLEAN)
    data["Anggaran"] = anggaran_rows(n, random.Random(n))
    build_workbook(path, "kecamatan", data)
    return path


def bare_read(path: Path) -> None:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    wb.close()


def phases(path: Path, repeat: int) -> dict[str, float]:
    """Where a check's time goes (CPU ms, median; the cyclic collector off, as in a one-shot
    ``lkj check``): the bare read, reading into the model, the diagnosis (building the
    relation network and searching it), the rules, the JSON output."""
    from lkj_excel.checking import check
    from lkj_excel.reader import read_report
    from lkj_excel.render import render_json
    from lkj_excel.rules import load_all
    from lkj_excel.rules.base import Context

    rules = load_all()
    out: dict[str, list[float]] = {}

    def clock(name, fn):
        t0 = time.process_time()
        r = fn()
        out.setdefault(name, []).append(time.process_time() - t0)
        return r

    was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            clock("bare read", lambda: bare_read(path))
            report = clock("read_report", lambda: read_report(path))
            ctx = Context(report)
            clock("diagnosis", lambda ctx=ctx: ctx.diagnosis)
            clock("rules", lambda ctx=ctx: [list(r.func(ctx) or ()) for r in rules.values()])
            res = check(report)
            clock("render_json", lambda res=res: render_json([res]))
    finally:
        if was:
            gc.enable()
    return {k: statistics.median(v) * 1e3 for k, v in out.items()}


def cpu_median(fn, repeat: int) -> float:
    """Median CPU seconds of ``fn()``. As in a one-shot process, a run pays neither for
    freeing what it made (the result is dropped after the clock stops) nor for collecting
    the previous run's cycles (collected before the clock starts): at 100,000 rows those
    two doubled the in-process figure against the whole process's."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
        del result
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="keep the synthetic workbooks in this folder")
    ap.add_argument("--no-samples", action="store_true")
    args = ap.parse_args()
    from lkj_excel.checking import check_file
    from lkj_excel.summary import build_summary

    out: dict = {}
    compile_package()
    click_run, help_run = alternated(
        python("import sys, click\nprint(0, file=sys.stderr)"),
        python("import sys\nfrom lkj_excel.cli import main\n"
               "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
               "print(0, file=sys.stderr)"), 15)
    click_t, help_t = click_run.cpu, help_run.cpu
    print(f"lkj --help {help_t * 1e3:.0f} ms CPU, import click {click_t * 1e3:.0f} ms: "
          f"{help_t / click_t:.2f}x (sasaran 1,5x; median 15 proses)")
    out["help"] = {"ms": round(help_t * 1e3, 1), "click_ms": round(click_t * 1e3, 1),
                   "ratio": round(help_t / click_t, 2)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = [] if args.no_samples else sorted((ROOT / "sample_workbooks").glob("*.xlsx"))
        sizes = [int(n) for n in args.rows.split(",") if n]
        files += [synthetic(n, folder) for n in sizes]
        print(f"{'berkas':38} {'N':>7} | {'dasar':>8} {'periksa':>8} {'rasio':>6} "
              f"{'ringkas':>8} | {'dasar':>8} {'lkj check':>9} {'rasio':>6} "
              f"{'mem dasar':>9} {'mem lkj':>8}")
        print(f"{'':38} {'':>7} | {'dalam proses (CPU, median)':^35} | "
              f"{'proses utuh (CPU, median; memori puncak MiB)':^45}")
        for f in files:
            from lkj_excel.reader import read_report

            rows = len(read_report(f).anggaran)
            rep = args.repeat if rows < 50_000 else max(1, args.repeat // 2)
            bare = cpu_median(lambda f=f: bare_read(f), rep)
            lkj = cpu_median(lambda f=f: check_file(f), rep)
            res = check_file(f)
            summ = cpu_median(lambda res=res: build_summary(res), rep)
            bare_run, lkj_run = alternated(python(BARE, f), python(LKJ, f), rep)
            pbare, mbare = bare_run.cpu, bare_run.main_mib
            plkj, mlkj = lkj_run.cpu, lkj_run.main_mib
            print(f"{f.name[:38]:38} {rows:7} | {bare * 1e3:6.1f}ms {lkj * 1e3:6.1f}ms "
                  f"{lkj / bare:5.1f}x {summ * 1e3:6.1f}ms | {pbare * 1e3:6.0f}ms "
                  f"{plkj * 1e3:7.0f}ms {plkj / pbare:5.1f}x {mbare:9.0f} {mlkj:8.0f}")
            out[f.name] = {"rows": rows, "bare_ms": round(bare * 1e3, 2),
                           "check_ms": round(lkj * 1e3, 2), "ratio": round(lkj / bare, 2),
                           "summary_ms": round(summ * 1e3, 2),
                           "process_bare_ms": round(pbare * 1e3, 1),
                           "process_check_ms": round(plkj * 1e3, 1),
                           "process_ratio": round(plkj / pbare, 2),
                           "bare_mib": round(mbare), "check_mib": round(mlkj),
                           "mem_ratio": round(mlkj / mbare, 2)}
        if sizes:
            n = sizes[-1]
            ph = phases(synthetic(n, folder), max(1, args.repeat // 2))
            print(f"waktu per tahap, {n} baris (CPU ms, median; pengumpul sampah mati): " +
                  ", ".join(f"{k} {v:.0f}" for k, v in ph.items()))
            out["phases"] = {k: round(v, 1) for k, v in ph.items()}
        big = [out[f"anggaran_{n}.xlsx"] for n in sizes]
        if len(big) >= 2:
            a, b = big[0], big[-1]
            k = b["rows"] / a["rows"]
            print(f"linear: {a['rows']} -> {b['rows']} baris ({k:.0f}x): waktu periksa "
                  f"{b['check_ms'] / a['check_ms']:.1f}x (dasar {b['bare_ms'] / a['bare_ms']:.1f}x), "
                  f"ringkasan {b['summary_ms'] / max(a['summary_ms'], 1e-3):.1f}x, memori "
                  f"{b['check_mib'] / a['check_mib']:.1f}x")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
