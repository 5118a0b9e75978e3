"""``lkj finalise`` against a bare XlsxWriter script writing the same content, in one run.

    python bench/finalise_bench.py [--rows 1000,10000] [--repeat 3] [--keep DIR]

For each sample workbook and each synthetic report with N Anggaran rows (the generator of
bench/check_bench.py), lkj finalise writes its workbook once; its content is then read back
(every cell's value or formula with its stored value, number format, bold, fill, border,
wrap and alignment, merged ranges, comments, column widths, row heights, charts with their
series) and the floor is XlsxWriter writing exactly that from memory, the formats made
once each, with ``in_memory`` as lkj uses. Prints the CPU time (``time.process_time``,
median of --repeat runs) of the floor and of ``finalise`` (read, check, summary and
writing), their ratio, the ratio per row against the smallest N, and the peak memory of a
whole ``lkj finalise`` process.

Goal (issue 17): finalise within 1.5x of the floor, linear in rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

def content(path: Path) -> dict:
    """Everything the floor writes, read back from a finalised workbook."""
    import openpyxl
    import python_calamine as pc
    from openpyxl.utils import column_index_from_string

    cal = pc.CalamineWorkbook.from_path(str(path))
    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        values = cal.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
        cells, merges = [], [str(m) for m in ws.merged_cells.ranges]
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                r0, c0 = c.row - 1, c.column - 1
                stored = values[r0][c0] if r0 < len(values) and c0 < len(values[r0]) else ""
                fmt = (c.number_format, bool(c.font.bold), c.fill.fgColor.rgb
                       if c.fill.fill_type else None, bool(c.border.left.style),
                       bool(c.alignment.wrap_text), c.alignment.horizontal)
                comment = c.comment.text if c.comment is not None else None
                cells.append((r0, c0, c.value, stored, fmt, comment))
        widths = {column_index_from_string(k) - 1: d.width
                  for k, d in ws.column_dimensions.items() if d.width}
        heights = {k - 1: d.height for k, d in ws.row_dimensions.items() if d.height}
        charts = [len(ch.series) for ch in ws._charts]
        sheets.append({"name": ws.title, "cells": cells, "merges": merges, "widths": widths,
                       "heights": heights, "charts": charts})
    cal.close()
    return {"sheets": sheets}


def floor_write(data: dict, out: str) -> None:
    """The same content with XlsxWriter alone."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_urls": False, "strings_to_numbers": False})
    formats: dict = {}

    def fmt(key):
        f = formats.get(key)
        if f is None:
            num, bold, fill, border, wrap, align = key
            props = {"num_format": num, "bold": bold, "text_wrap": wrap}
            if fill and isinstance(fill, str) and len(fill) == 8:
                props["bg_color"] = "#" + fill[2:]
            if border:
                props["border"] = 1
            if align in ("center", "right", "left"):
                props["align"] = align
            f = formats[key] = wb.add_format(props)
        return f

    for sh in data["sheets"]:
        ws = wb.add_worksheet(sh["name"])
        for c, w in sh["widths"].items():
            ws.set_column(c, c, w)
        for r, h in sh["heights"].items():
            ws.set_row(r, h)
        for rng in sh["merges"]:
            ws.merge_range(rng, "")
        for r, c, v, stored, key, comment in sh["cells"]:
            f = fmt(key)
            if isinstance(v, str) and v.startswith("="):
                ws.write_formula(r, c, v, f, stored)
            elif isinstance(v, bool):
                ws.write_boolean(r, c, v, f)
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v, f)
            elif hasattr(v, "year"):
                ws.write_datetime(r, c, v, f)
            else:
                ws.write_string(r, c, str(v), f)
            if comment:
                ws.write_comment(r, c, comment)
        for n, series in enumerate(sh["charts"]):
            chart = wb.add_chart({"type": "bar"})
            for s in range(series):
                chart.add_series({"values": [sh["name"], 0, s, 3, s]})
            ws.insert_chart(1 + 20 * n, 10, chart)
    wb.close()


def cpu_median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def peak_mib(args: list[str]) -> float:
    """Peak memory (VmHWM) of a whole process."""
    # main() ends a one-shot command with os._exit (no atexit runs): read the peak just
    # before it does
    wrapper = ("import sys, os\n"
               "from lkj_excel import cli\n"
               "real = os._exit\n"
               "def _exit(code):\n"
               "    for line in open('/proc/self/status'):\n"
               "        if line.startswith('VmHWM:'):\n"
               "            sys.stderr.write('PEAK ' + line.split()[1] + '\\n'); sys.stderr.flush()\n"
               "    real(code)\n"
               "os._exit = _exit\n"
               "try:\n    cli.main(['finalise', *sys.argv[1:]])\nexcept SystemExit:\n"
               "    _exit(0)\n")
    proc = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True,
                          text=True, cwd=ROOT)
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK "):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"gagal: {proc.stderr[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the synthetic workbooks in this folder")
    ap.add_argument("--no-samples", action="store_true")
    args = ap.parse_args()
    from check_bench import synthetic

    from lkj_excel.writers.final import finalise

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        folder = args.keep or t
        folder.mkdir(parents=True, exist_ok=True)
        files = [] if args.no_samples else sorted((ROOT / "sample_workbooks").glob("*.xlsx"))
        sizes = [int(n) for n in args.rows.split(",") if n]
        files += [synthetic(n, folder) for n in sizes]
        print(f"{'berkas':38} {'N':>7} {'sel':>8} | {'dasar':>9} {'finalise':>9} {'rasio':>6} | "
              f"{'memori':>7}")
        print(f"{'':38} {'':>7} {'':>8} | {'CPU, median; dasar = XlsxWriter saja':^27} | "
              f"{'MiB':>7}")
        for f in files:
            target = t / f"{f.stem}_final.xlsx"
            rep = args.repeat if "anggaran_1" not in f.name or f.stat().st_size < 2e6 \
                else max(1, args.repeat // 2)
            lkj = cpu_median(lambda f=f, target=target: finalise(f, target, overwrite=True),
                             rep)
            data = content(target)
            ncells = sum(len(s["cells"]) for s in data["sheets"])
            floor_out = str(t / "floor.xlsx")
            bare = cpu_median(lambda data=data, o=floor_out: floor_write(data, o), rep)
            from lkj_excel.reader import read_report

            rows = len(read_report(f).anggaran)
            mem = peak_mib([str(f), "-o", str(t / "p.xlsx"), "--timpa"])
            print(f"{f.name[:38]:38} {rows:7} {ncells:8} | {bare * 1e3:7.0f}ms {lkj * 1e3:7.0f}ms "
                  f"{lkj / bare:5.2f}x | {mem:7.0f}")
            out[f.name] = {"rows": rows, "cells": ncells, "floor_ms": round(bare * 1e3, 1),
                           "finalise_ms": round(lkj * 1e3, 1), "ratio": round(lkj / bare, 2),
                           "peak_mib": round(mem)}
        big = [out[f"anggaran_{n}.xlsx"] for n in sizes]
        if len(big) >= 2:
            a, b = big[0], big[-1]
            print(f"linear: {a['rows']} -> {b['rows']} baris ({b['rows'] / a['rows']:.0f}x): "
                  f"finalise {b['finalise_ms'] / a['finalise_ms']:.1f}x, dasar "
                  f"{b['floor_ms'] / a['floor_ms']:.1f}x")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
