"""``lkj finalise``: the corrected report, print-ready, with the check trail as an appendix.

Written with XlsxWriter, not openpyxl: the Ringkasan and the report tables hold live
formulas (so a reader can audit every recomputed number), and XlsxWriter stores the
computed value with each formula. openpyxl stores none, so python-calamine, pandas and phone
viewers that do not recalculate would see empty cells.

The workbook opens on the Ringkasan with the report's sheets selected together, so that
printing the active sheets prints the report and nothing else:

- the report (one module each): ``ringkasan`` (letterhead, identity, capaian, budget per
  program, charts, signature block), ``tabel_pk``, ``tabel_capaian``, ``tabel_anggaran``,
  ``tabel_desa``, ``tabel_perbandingan``, ``tabel_pegawai``. Every number comes from
  :func:`lkj_excel.summary.build_summary`. No finding, count or error colour appears here.
- the appendix "Lampiran Pemeriksaan" (left out with ``appendix=False``): ``lampiran``
  (counts and timeliness), ``temuan`` (every finding with a link), and ``annotated`` (the
  user's input sheets as typed, with fills, comments and 'Seharusnya' columns).

Page layout (row heights, scale, page breaks, kept-together blocks) is computed in
:mod:`lkj_excel.writers.printlayout` so that Excel, WPS and LibreOffice print alike.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import layout as L
from ...checking import check
from ...errors import OutputError
from ...findings import CheckResult
from ...gcpause import paused
from ...model import Report
from ...outputs import fitted_name, guard_output, is_earlier_output
from ...reader import open_workbook, read_grid, read_report, resolve_sheets
from ...summary import build_summary
from ..atomic import atomic_output
from ..fastbook import FastWorkbook, release
from ..printlayout import FONT, FONT_SIZE
from . import (
    annotated,
    lampiran,
    page,
    ringkasan,
    tabel_anggaran,
    tabel_capaian,
    tabel_desa,
    tabel_pegawai,
    tabel_perbandingan,
    tabel_pk,
    temuan,
)
from .common import Context, excel_sheet_name, unique_name
from .styles import Styles

#: Report sheets in print order: (role, wanted name, writer, written when).
REPORT_SHEETS = (
    ("ringkasan", "Ringkasan"),
    ("pk", "Tabel PK"),
    ("capaian", "Tabel Capaian"),
    ("anggaran", "Tabel Anggaran"),
    ("desa", "Tabel Desa"),
    ("perbandingan", "Tabel Perbandingan"),
    ("pegawai", "Tabel Pegawai"),
)
APPENDIX_TITLE = "Lampiran Pemeriksaan"


@dataclass
class FinaliseResult:
    output: Path
    result: CheckResult
    #: Things the person running finalise should know (a logo that could not be used).
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return self.result.exit_code


def default_output(path: str | os.PathLike) -> Path:
    """NAME_final.xlsx beside the input, the name shortened if it would be too long."""
    p = Path(path)
    return p.with_name(fitted_name(p.stem, "_final.xlsx"))


def finalise(path: str | os.PathLike, output: str | os.PathLike | None = None,
             overwrite: bool = False, appendix: bool = True,
             print_appendix: bool = False) -> FinaliseResult:
    """Check ``path`` and write the finalised workbook (default: NAME_final.xlsx beside it).
    The input is only read; the output is written to a temporary file and renamed. An
    existing output that is not an earlier finalised workbook is replaced only with
    ``overwrite`` (see :func:`lkj_excel.outputs.guard_output`).

    ``appendix=False`` writes the report alone (no Temuan, no input sheets);
    ``print_appendix=True`` selects the appendix sheets for printing with the report."""
    src = Path(path)
    out = Path(output) if output is not None else default_output(src)
    if out.suffix.lower() != ".xlsx":
        raise OutputError(f"Berkas keluaran harus berakhiran .xlsx, bukan '{out.suffix}'.", out)
    guard_output(out, "final", reads=[src], overwrite=overwrite)
    replacing = out.exists()
    # The collector stays paused until the workbook is written, not only while the report
    # is read and checked: every cell XlsxWriter holds lives until the file is saved, and
    # walking them with the report again and again was a fifth to a third of finalising
    # 10,000 Anggaran rows.
    with paused():
        read: dict[str, list[list[Any]]] = {}
        # the grids read_report read: the appendix shows them without a second read
        report = read_report(src, grids=read if appendix else None)
        result = check(report)
        names = list(report.sheets)
        grids = _input_grids(src, names, read) if appendix else {}
        writer = FinalWriter(report, result, names, grids, source=src, appendix=appendix,
                             print_appendix=print_appendix)
        with atomic_output(out) as tmp:
            writer.write(tmp)
    notes = list(writer.notes)
    if replacing:
        # never silently: say which earlier file was replaced (an edited one needs --timpa)
        notes.append(f"Berkas {out.name} yang sudah ada diganti"
                     + (" (atas izin --timpa)." if overwrite else
                        ": laporan akhir lkj sebelumnya yang belum disunting."))
    return FinaliseResult(out, result, notes)


def _input_grids(src: Path, names: list[str], read: dict[str, list[list[Any]]]
                 ) -> dict[str, list[list[Any]]]:
    """Every sheet's cells as python-calamine read them, for the appendix: the template's
    sheets as read_report read them (``read``: canonical name -> grid), the others (a sheet
    the template does not know, a second Petunjuk) read now."""
    actual = resolve_sheets(names)
    grids = {actual[c]: g for c, g in read.items()}  # read_report resolved the same names
    rest = [n for n in names if n not in grids and n != L.PETUNJUK]
    if rest:
        wb, _ = open_workbook(src)
        try:
            for n in rest:
                grids[n] = read_grid(wb, n, src)
        finally:
            try:
                wb.close()
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
    return grids


class FinalWriter:
    """Writes one finalised workbook from a checked report and the grids it was read from."""

    def __init__(self, report: Report, result: CheckResult, names: list[str],
                 grids: dict[str, list[list[Any]]], source: Path | None = None,
                 appendix: bool = True, print_appendix: bool = False):
        self.report = report
        self.result = result
        self.names = names
        self.grids = grids
        self.source = Path(source if source is not None else report.path)
        self.appendix = appendix
        self.print_appendix = print_appendix
        self.notes: list[str] = []

    def write(self, path: str) -> None:
        wb = FastWorkbook(path, {
            "nan_inf_to_errors": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "in_memory": True,
            "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE},
            # Arial 10's own row height (12.75 pt = 17 px), as Excel and LibreOffice take it
            "default_row_height": 17})
        summary = build_summary(self.result)
        ctx = Context(wb=wb, styles=Styles(wb), report=self.report, result=self.result,
                      summary=summary, source=self.source, names=self.names, grids=self.grids)
        wb.set_properties({"title": f"Laporan Kinerja {summary.unit} {page.period_text(ctx)}",
                           # creator and subject mark an lkj finalised workbook, which a
                           # later run may replace (outputs.guard_output); never printed
                           "subject": "LKj Triwulan (final)", "author": "lkj-excel",
                           "created": dt.datetime(2000, 1, 1)})
        ctx.logo = page.find_logo(ctx)
        report_ws, appendix_ws = self._add_sheets(ctx)
        tabel_pk.write(ctx)
        tabel_capaian.write(ctx)
        tabel_anggaran.write(ctx)
        if "desa" in ctx.sheets:
            tabel_desa.write(ctx)
        if "perbandingan" in ctx.sheets:
            tabel_perbandingan.write(ctx)
        if "pegawai" in ctx.sheets:
            tabel_pegawai.write(ctx)
        ringkasan.write(ctx)
        if self.appendix:
            temuan.write(ctx)
            lampiran.write(ctx)
            notes = annotated.Annotator(ctx)
            for name in ctx.sheet_out:
                notes.write(name)
        for ws in report_ws:
            # Selected together: "print active sheets" prints the report. Protected (no
            # password) so that typing while they are grouped cannot change them all.
            ws.select()
            ws.protect("", {"format_columns": True, "format_rows": True,
                            "select_locked_cells": True, "select_unlocked_cells": True})
        if self.print_appendix:
            for ws in appendix_ws:
                ws.select()
        report_ws[0].activate()
        self.notes = ctx.notes
        wb.close()
        release(wb)

    def _add_sheets(self, ctx: Context) -> tuple[list[Any], list[Any]]:
        """All sheets in their final order (the writers fill them in another order). The
        generated sheets keep their names; an input sheet that clashes with one, or whose
        name Excel refuses (an .ods sheet name may be longer than 31 characters or hold
        []:*?/\\), is renamed. Finalising lkj's own finalised workbook again drops the
        sheets it generated (they are made anew)."""
        taken = {name.lower() for _, name in REPORT_SHEETS}
        taken |= {APPENDIX_TITLE.lower(), "temuan"}
        report_ws = []
        for role, name in REPORT_SHEETS:
            if self._has(role):
                ctx.sheets[role] = name
                report_ws.append(ctx.wb.add_worksheet(name))
        appendix_ws: list[Any] = []
        if not self.appendix:
            return report_ws, appendix_ws
        canon = set(resolve_sheets(self.names).values())
        generated = {APPENDIX_TITLE, "Temuan", *(name for _, name in REPORT_SHEETS)}
        looks_generated = [n for n in self.names
                           if n not in canon and (n in generated or n.startswith("Tabel "))]
        # (the input's properties are read only when a sheet could be one lkj made)
        again = bool(looks_generated) and is_earlier_output(self.report.path, "final")
        inputs = [n for n in self.names
                  if n != L.PETUNJUK and not (again and n in looks_generated)]
        # the template's sheets are named first, so they keep their names
        for n in sorted(inputs, key=lambda n: n not in canon):
            ctx.sheet_out[n] = unique_name(excel_sheet_name(n), taken, clash=" (isian)")
        ctx.sheets["lampiran"] = APPENDIX_TITLE
        ctx.sheets["temuan"] = "Temuan"
        for name in (APPENDIX_TITLE, "Temuan"):
            ws = ctx.wb.add_worksheet(name)
            ws.set_tab_color("#7F7F7F")
            appendix_ws.append(ws)
        for n in inputs:
            ws = ctx.wb.add_worksheet(ctx.sheet_out[n])
            ws.set_tab_color("#A6A6A6")
            appendix_ws.append(ws)
        return report_ws, appendix_ws

    def _has(self, role: str) -> bool:
        r = self.report
        return {"desa": bool(r.desa), "perbandingan": bool(r.perbandingan),
                "pegawai": bool(r.pegawai or r.rekap_pegawai)}.get(role, True)


__all__ = ["finalise", "default_output", "FinaliseResult", "FinalWriter"]
