"""Dump everything a user sees, so that a speed-up can be shown to change nothing.

Writes into OUT (one text file per product, stable order, no paths or timestamps):

- ``check/NAME.txt``: exit code and ``lkj check --format json`` (and the text and CSV formats) of
  every sample workbook, every file of tests/corpus, and synthetic workbooks with mistakes
  (the rekap benchmark's generator, plus larger Anggaran tables);
- ``final/NAME.txt``: every cell of ``lkj finalise`` of each sample: the stored value
  (python-calamine) and the formula (openpyxl), sheet by sheet, plus comments, row heights,
  column widths, page breaks, merged ranges, print area and scale, and each cell's style
  (number format, font, fill, wrapping, alignment, border);
- ``rekap/NAME.txt``: the same for ``lkj rekap`` over the samples, the corpus, the office
  set of tests/rekap_set.py and the synthetic workbooks.

    python scripts/dump_outputs.py OUT          # then: diff -r OUT_BEFORE OUT_AFTER
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SAMPLES = sorted((ROOT / "sample_workbooks").glob("*.xlsx"))
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_file())


def synthetic_inputs(folder: Path) -> list[Path]:
    """Workbooks with typical mistakes (the rekap benchmark's generator), and three larger
    Anggaran tables with wrong cells at known places."""
    from rekap_bench import generate, synthetic

    from lkj_excel.writers.template import build_workbook

    paths = generate(24, 11, folder)
    rng = random.Random(5)
    for i, n_prog in enumerate((6, 20, 60)):
        data = synthetic(900 + i, rng)
        rows = []
        total_p = total_r = 0
        for p in range(n_prog):
            code = f"7.01.{p + 1:02d}"
            prog, subs_all = [], []
            pp = pr = 0
            for k in range(1, 6):
                kp = kr = 0
                subs = []
                for s in range(1, 11):
                    pagu = rng.randint(5, 400) * 100_000
                    real = int(pagu * rng.random())
                    kp, kr = kp + pagu, kr + real
                    sisa = pagu - real
                    pct = f"{real / pagu * 100:.2f}%".replace(".", ",")
                    roll = rng.random()
                    if roll < 0.02:
                        pagu += 1_000_000  # a typo in pagu: sisa and kegiatan disagree
                    elif roll < 0.04:
                        sisa += 500_000
                    elif roll < 0.05:
                        pct = "12,34%"
                    subs.append({"kode": f"{code}.2.{k:02d}.{s:04d}",
                                 "uraian": f"Sub kegiatan {s} kegiatan {k}",
                                 "pagu": pagu, "realisasi": real, "sisa": sisa,
                                 "persentase": pct})
                subs_all.append({"kode": f"{code}.2.{k:02d}", "uraian": f"Kegiatan {k}",
                                 "pagu": kp, "realisasi": kr, "sisa": kp - kr})
                subs_all.extend(subs)
                pp, pr = pp + kp, pr + kr
            prog.append({"kode": code, "uraian": f"PROGRAM NOMOR {p + 1}", "pagu": pp,
                         "realisasi": pr, "sisa": pp - pr})
            rows.extend(prog + subs_all)
            total_p, total_r = total_p + pp, total_r + pr
        rows.append({"uraian": "JUMLAH", "pagu": total_p, "realisasi": total_r,
                     "sisa": total_p - total_r})
        data["Anggaran"] = rows
        path = folder / f"besar_{len(rows):05d}.xlsx"
        build_workbook(path, "kecamatan", data)
        paths.append(path)
    return paths


def clean(text: str, tmp: Path) -> str:
    return text.replace(str(tmp), "<tmp>").replace(str(ROOT), "<root>")


def dump_check(paths: list[Path], out: Path, tmp: Path) -> None:
    from click.testing import CliRunner

    from lkj_excel.cli import cli

    runner = CliRunner()
    (out / "check").mkdir(parents=True, exist_ok=True)
    for p in paths:
        parts = []
        for fmt in ("json", "teks", "csv"):
            res = runner.invoke(cli, ["check", str(p), "--format", fmt])
            parts.append(f"== {fmt} exit {res.exit_code}\n{res.output}")
        (out / "check" / f"{p.name}.txt").write_text(clean("\n".join(parts), tmp))


def dump_cells(path: Path) -> str:
    import openpyxl
    import python_calamine as pc

    lines = []
    wb = pc.CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        lines.append(f"## sheet {name}")
        for r, row in enumerate(wb.get_sheet_by_name(name).to_python(skip_empty_area=False)):
            for c, v in enumerate(row):
                if v != "":
                    lines.append(f"{r + 1}:{c + 1} {type(v).__name__} {v!r}")
    wb.close()
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        lines.append(f"## formulas {ws.title}")
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    lines.append(f"{cell.coordinate} {cell.value}")
                if cell.comment is not None:
                    lines.append(f"{cell.coordinate} comment {cell.comment.text!r}")
        # what the print layout and the styles decide: a speed-up must not change them
        lines.append(f"## layout {ws.title}")
        lines.append("heights " + " ".join(f"{k}:{v.height}" for k, v in
                                           sorted(ws.row_dimensions.items()) if v.height))
        lines.append("widths " + " ".join(f"{k}:{v.width}" for k, v in
                                          sorted(ws.column_dimensions.items())))
        lines.append(f"breaks {[b.id for b in ws.row_breaks.brk]} merged "
                     f"{sorted(str(m) for m in ws.merged_cells.ranges)} "
                     f"print {ws.print_area} scale {ws.page_setup.scale}")
        for row in ws.iter_rows():
            for c in row:
                if c.has_style:
                    f = c.font
                    lines.append(
                        f"{c.coordinate} style {c.number_format!r} b={f.b} i={f.i} "
                        f"size={f.sz} color={f.color.rgb if f.color else None} "
                        f"fill={c.fill.fgColor.rgb} wrap={c.alignment.wrap_text} "
                        f"align={c.alignment.horizontal}/{c.alignment.vertical} "
                        f"border={c.border.left.style}/{c.border.top.style}")
    return "\n".join(lines) + "\n"


def dump_final(paths: list[Path], out: Path, tmp: Path) -> None:
    from lkj_excel.writers.final import finalise

    (out / "final").mkdir(parents=True, exist_ok=True)
    for p in paths:
        target = tmp / "final" / f"{p.stem}_final.xlsx"
        target.parent.mkdir(exist_ok=True)
        finalise(p, target)
        (out / "final" / f"{p.name}.txt").write_text(clean(dump_cells(target), tmp))


def dump_rekap(name: str, inputs: list[Path], out: Path, tmp: Path, **kwargs) -> None:
    from lkj_excel.rekap import rekap

    (out / "rekap").mkdir(parents=True, exist_ok=True)
    target = tmp / "rekap" / f"{name}.xlsx"
    target.parent.mkdir(exist_ok=True)
    rekap([str(p) for p in inputs], target, jobs=1, **kwargs)
    text = dump_cells(target)
    # the Berkas column holds the folder each input was found in
    (out / "rekap" / f"{name}.txt").write_text(clean(re.sub(r"/tmp/[^'\s]*?/", "<tmp>/", text),
                                                     tmp))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    from tests.rekap_set import build as build_office

    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        synth = synthetic_inputs(tmp / "synth")
        dump_check(SAMPLES + CORPUS + synth, args.out, tmp)
        dump_final(SAMPLES + synth[:4] + synth[-1:], args.out, tmp)
        office = build_office(tmp / "office")
        dump_rekap("samples", SAMPLES, args.out, tmp)
        dump_rekap("corpus", CORPUS, args.out, tmp)
        dump_rekap("synth", synth, args.out, tmp)
        dump_rekap("office", [office], args.out, tmp)
    print(f"ditulis: {args.out}")


if __name__ == "__main__":
    main()
