"""``lkj finalise``: the corrected, annotated, print-ready report workbook.

Written with XlsxWriter, not openpyxl: the Ringkasan and the report tables hold live
formulas (so a reader can audit every recomputed number), and XlsxWriter stores the
computed value with each formula. openpyxl stores none, so python-calamine, pandas and phone
viewers that do not recalculate would see empty cells. The user's sheets are rewritten cell
by cell from what python-calamine read: every typed value keeps its type and text.

Sheets, in order: Ringkasan, Temuan, the user's input sheets (annotated), then the report
tables laid out like the LKj document (Tabel PK, Tabel Capaian, Tabel Anggaran, Tabel Desa,
Tabel Perbandingan, Tabel Pegawai).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import layout as L
from ..calendar import ROMAN
from ..checking import check
from ..errors import OutputError
from ..findings import CheckResult, Finding, Severity, cell_sort_key
from ..model import Report, col_letter
from ..outputs import fitted_name, guard_output, is_earlier_output
from ..parsing import format_date_id
from ..reader import open_workbook, read_grid, read_report, resolve_sheets
from ..rules.base import amount
from ..summary import (
    EDU_ORDER,
    GOL_ORDER,
    STATUS_ORDER,
    BudgetLine,
    Summary,
    build_summary,
    desa_table,
    personnel_counts,
)
from .atomic import atomic_output
from .cells import write_value
from .template import FMT_AMOUNT, FMT_DATE, FMT_PERCENT

FILL = {Severity.ERROR: "#FFC7CE", Severity.WARNING: "#FFEB9C", Severity.INFO: "#DDEBF7"}
SEV_WORD = {Severity.ERROR: "kesalahan", Severity.WARNING: "peringatan", Severity.INFO: "catatan"}
STATUS_WORD = {"tepat waktu": "Tepat waktu", "terlambat": "Terlambat",
               "belum jatuh tempo": "Belum jatuh tempo", "belum ada": "Belum ada"}


@dataclass
class FinaliseResult:
    output: Path
    result: CheckResult

    @property
    def exit_code(self) -> int:
        return self.result.exit_code


def default_output(path: str | os.PathLike) -> Path:
    """NAME_final.xlsx beside the input, the name shortened if it would be too long."""
    p = Path(path)
    return p.with_name(fitted_name(p.stem, "_final.xlsx"))


def finalise(path: str | os.PathLike, output: str | os.PathLike | None = None,
             overwrite: bool = False) -> FinaliseResult:
    """Check ``path`` and write the finalised workbook (default: NAME_final.xlsx beside it).
    The input is only read; the output is written to a temporary file and renamed. An
    existing output that is not an earlier finalised workbook is replaced only with
    ``overwrite`` (see :func:`lkj_excel.outputs.guard_output`)."""
    src = Path(path)
    out = Path(output) if output is not None else default_output(src)
    if out.suffix.lower() != ".xlsx":
        raise OutputError(f"Berkas keluaran harus berakhiran .xlsx, bukan '{out.suffix}'.", out)
    guard_output(out, "final", reads=[src], overwrite=overwrite)
    report = read_report(src)
    result = check(report)
    wb, names = open_workbook(src)
    try:
        grids = {n: read_grid(wb, n, src) for n in names}
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
    with atomic_output(out) as tmp:
        FinalWriter(report, result, names, grids).write(tmp)
    return FinaliseResult(out, result)


class FinalWriter:
    def __init__(self, report: Report, result: CheckResult, names: list[str],
                 grids: dict[str, list[list[Any]]]):
        self.report = report
        self.result = result
        self.names = names
        self.grids = grids
        self.summary: Summary = build_summary(result)
        self.by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for f in result.findings:
            if f.cell and ":" not in f.cell:
                self.by_cell[(f.sheet, f.cell)].append(f)
        self.canon_of = {actual: canon for canon, actual in resolve_sheets(names).items()}
        self._name_sheets()

    def _name_sheets(self) -> None:
        """The output name of every input sheet. lkj's Ringkasan and Temuan keep theirs; an
        input sheet that clashes with them, or whose name Excel does not allow (an .ods
        sheet name may be longer than 31 characters or hold []:*?/\\), is renamed; the
        report sheets are named first so they keep their names. Finalising lkj's own final
        workbook again drops the sheets it generated (they are made anew)."""
        self.taken = {"ringkasan", "temuan"}
        self.sheet_out: dict[str, str] = {}
        again = is_earlier_output(self.report.path, "final")
        order = sorted((n for n in self.names if n != L.PETUNJUK),
                       key=lambda n: n not in self.canon_of)
        for n in order:
            if again and n not in self.canon_of and (
                    n in ("Ringkasan", "Temuan") or n.startswith("Tabel ")):
                continue
            self.sheet_out[n] = self._sheet_name(_excel_sheet_name(n), clash=" (isian)")

    # -- workbook ---------------------------------------------------------------------------
    def write(self, path: str) -> None:
        import xlsxwriter

        wb = xlsxwriter.Workbook(path, {"nan_inf_to_errors": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
        self.wb = wb
        s = self.summary
        wb.set_properties({"title": f"Laporan Kinerja {s.unit} {s.period}",
                           "subject": "LKj Triwulan (final)", "author": "lkj-excel",
                           "created": dt.datetime(2000, 1, 1)})
        self._formats()
        ring = wb.add_worksheet("Ringkasan")
        temuan = wb.add_worksheet("Temuan")
        for name in self.names:
            if name in self.sheet_out:
                self._input_sheet(name)
        tables = {}
        tables["pk"] = self._table_pk()
        tables["capaian"] = self._table_capaian()
        tables["anggaran"] = self._table_anggaran()
        if self.report.desa:
            self._table_desa()
        if self.report.perbandingan:
            self._table_perbandingan()
        if self.report.pegawai:
            self._table_pegawai()
        self._temuan(temuan)
        self._ringkasan(ring, tables)
        ring.activate()
        wb.close()

    def _sheet_name(self, wanted: str, clash: str = "") -> str:
        name, i = wanted[:31], 2
        if clash and name.lower() in self.taken:
            name = wanted[:31 - len(clash)] + clash
        while name.lower() in self.taken:
            name = f"{wanted[:28]} {i}"
            i += 1
        self.taken.add(name.lower())
        return name

    def _formats(self) -> None:
        wb = self.wb
        border = {"border": 1, "border_color": "#808080", "valign": "top"}
        self.f_title = wb.add_format({"bold": True, "font_size": 14})
        self.f_sub = wb.add_format({"bold": True, "font_size": 11})
        self.f_note = wb.add_format({"italic": True, "font_color": "#595959"})
        self.f_head = wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                                     "text_wrap": True, "align": "center", "valign": "vcenter",
                                     "border": 1})
        self.f_label = wb.add_format({"bold": True, "bg_color": "#DDEBF7", **border})
        self.f_text = wb.add_format({**border, "text_wrap": True})
        self.f_amount = wb.add_format({**border, "num_format": FMT_AMOUNT})
        self.f_pct = wb.add_format({**border, "num_format": FMT_PERCENT})
        self.f_num = wb.add_format({**border, "num_format": "#,##0.##"})
        self.f_date = wb.add_format({**border, "num_format": FMT_DATE, "align": "left"})
        bold = {"bold": True}
        self.f_text_b = wb.add_format({**border, "text_wrap": True, **bold})
        self.f_amount_b = wb.add_format({**border, "num_format": FMT_AMOUNT, **bold})
        self.f_pct_b = wb.add_format({**border, "num_format": FMT_PERCENT, **bold})
        self.f_total = wb.add_format({**border, "bold": True, "bg_color": "#F2F2F2",
                                      "num_format": FMT_AMOUNT})
        self.f_total_pct = wb.add_format({**border, "bold": True, "bg_color": "#F2F2F2",
                                          "num_format": FMT_PERCENT})
        self.f_total_text = wb.add_format({**border, "bold": True, "bg_color": "#F2F2F2"})
        self.f_link = wb.add_format({**border, "font_color": "#0563C1", "underline": 1})
        self.f_sign = wb.add_format({"align": "center"})
        self.f_sign_b = wb.add_format({"align": "center", "bold": True, "underline": 1})
        self.f_ok = wb.add_format({**border, "font_color": "#006100", "bg_color": "#C6EFCE"})
        self.f_bad = wb.add_format({**border, "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        self.f_sev = {s: wb.add_format({**border, "bg_color": c, "text_wrap": True})
                      for s, c in FILL.items()}
        self.f_exp = wb.add_format({**border, "bg_color": "#E2EFDA", "text_wrap": True})
        self._cell_fmt: dict[tuple, Any] = {}

    def _input_format(self, kind: str, sev: Severity | None, header: bool = False):
        key = (kind, sev, header)
        if key not in self._cell_fmt:
            props: dict[str, Any] = {"border": 1, "border_color": "#BFBFBF", "valign": "top"}
            if header:
                props.update(bold=True, bg_color="#1F4E78", font_color="#FFFFFF", text_wrap=True)
            if kind == "amount":
                props["num_format"] = FMT_AMOUNT
            elif kind == "percent":
                props["num_format"] = FMT_PERCENT
            elif kind == "date":
                props["num_format"] = FMT_DATE
            elif kind == "datetime":
                props["num_format"] = "[$-421]d mmmm yyyy hh:mm:ss"
            elif kind == "time":
                props["num_format"] = "hh:mm:ss"
            elif kind == "number":
                props["num_format"] = "General"
            elif kind == "text":
                props["text_wrap"] = True
            if sev is not None:
                props["bg_color"] = FILL[sev]
            self._cell_fmt[key] = self.wb.add_format(props)
        return self._cell_fmt[key]

    def _page(self, ws: Any, title: str, landscape: bool, repeat: int | None = None) -> None:
        s = self.summary
        ws.set_paper(9)
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        # Excel limits a header to 255 characters; a long unit name is cut.
        unit = s.unit[:70].replace("&", "&&")
        ws.set_header(f"&L&8{unit}&C&8{title[:60]}&R&8{s.period}")
        ws.set_footer("&L&8Dibuat dengan lkj-excel&R&8Halaman &P dari &N")
        if repeat is not None:
            ws.repeat_rows(repeat)

    # -- input sheets, annotated --------------------------------------------------------------
    def _layout(self, sheet: str) -> tuple[str | None, L.TableSheet | None, dict[str, int]]:
        """(canonical name, table spec, key -> column index) of an input sheet."""
        canon = self.canon_of.get(sheet)
        spec = next((t for t in L.TABLE_SHEETS if t.name == canon), None)
        return canon, spec, self.report.columns.get(sheet, {})

    def _kinds(self, sheet: str) -> tuple[dict[int, str], int | None]:
        """Column kinds and header row (0-based) of an input sheet, from the layout."""
        canon, spec, cols = self._layout(sheet)
        if canon is None:
            return {}, None
        if spec is None:
            return {1: "text"}, None
        kinds = {cols[c.key]: c.kind for c in spec.columns if c.key in cols}
        hdr = self.report.header_rows.get(sheet)
        return kinds, (hdr - 1 if hdr else None)

    def _widths(self, sheet: str) -> dict[int, float]:
        """Column widths of a template sheet from the layout, by actual column index."""
        canon, spec, cols = self._layout(sheet)
        if spec is None:
            return {0: 38, 1: 40, 2: 50} if canon in ("Identitas", "Pengaturan") else {}
        return {cols[c.key]: c.width for c in spec.columns if c.key in cols}

    def _input_sheet(self, name: str) -> None:
        grid = self.grids.get(name) or []
        ws = self.wb.add_worksheet(self.sheet_out[name])
        kinds, hdr = self._kinds(name)
        ncols = max((len(r) for r in grid), default=0)
        last_used = 0
        spec_widths = self._widths(name)

        def width(c: int) -> float:
            if c in spec_widths:
                return spec_widths[c]
            return 36 if kinds.get(c) == "text" else 14

        for r, row in enumerate(grid):
            if not row:
                continue
            if hdr is None or r >= hdr:
                _fit(ws, r, *((v, width(c)) for c, v in enumerate(row) if isinstance(v, str)))
            for c, raw in enumerate(row):
                if raw == "" or raw is None:
                    continue
                last_used = max(last_used, c)
                ref = f"{col_letter(c)}{r + 1}"
                fs = self.by_cell.get((name, ref), [])
                sev = min((f.severity for f in fs), key=lambda s: s.rank, default=None)
                is_header = hdr is not None and r == hdr
                if hdr is not None and r < hdr:
                    fmt = self.f_title if r == 0 else self.f_note  # the sheet's title and hint
                else:
                    kind = "text" if is_header else kinds.get(c, "text")
                    if isinstance(raw, str):
                        kind = "text"
                    elif isinstance(raw, (dt.date, dt.datetime)):
                        kind = "date" if not isinstance(raw, dt.datetime) or \
                            raw.time() == dt.time() else "datetime"
                    elif isinstance(raw, dt.time):
                        kind = "time"
                    elif kind in ("date", "text", "code", "nip", "measure", "choice"):
                        kind = "number"
                    fmt = self._input_format(kind, sev, is_header)
                write_value(ws, r, c, raw, fmt)
                if fs:
                    ws.write_comment(r, c, _comment(fs), {"author": "lkj", "x_scale": 2.2,
                                                          "y_scale": 1.6 + 0.5 * len(fs)})
        # Findings on empty cells (a missing target, a missing date) still get a colour.
        for (sheet, ref), fs in self.by_cell.items():
            if sheet != name:
                continue
            rc = _rc(ref)
            if rc is None or (rc[0] < len(grid) and rc[1] < len(grid[rc[0]])
                              and grid[rc[0]][rc[1]] not in ("", None)):
                continue
            sev = min((f.severity for f in fs), key=lambda s: s.rank)
            ws.write_blank(rc[0], rc[1], None, self._input_format("text", sev))
            ws.write_comment(rc[0], rc[1], _comment(fs), {"author": "lkj", "x_scale": 2.2,
                                                          "y_scale": 1.6 + 0.5 * len(fs)})
        self._seharusnya(ws, name, hdr, max(ncols, last_used + 1))
        for c in range(max(ncols, 1)):
            ws.set_column(c, c, width(c) if (hdr is not None or spec_widths) else 18)
        if hdr is not None:
            ws.freeze_panes(hdr + 1, 0)
        self._page(ws, name, landscape=ncols > 6, repeat=hdr)

    def _seharusnya(self, ws: Any, name: str, hdr: int | None, first_free: int) -> None:
        """For each column with a wrong number, a 'Seharusnya' column right of the table:
        the correct value on the same row as the typed one."""
        wrong: dict[int, list[Finding]] = defaultdict(list)
        for (sheet, ref), fs in self.by_cell.items():
            if sheet != name:
                continue
            rc = _rc(ref)
            for f in fs:
                if rc and f.severity is not Severity.INFO and f.expected and \
                        not f.expected.startswith(("<", ">")) and f.field not in ("kode",):
                    wrong[rc[1]].append(f)
        if not wrong or hdr is None:
            return
        grid = self.grids.get(name) or []
        col = first_free + 1
        for c in sorted(wrong):
            head = grid[hdr][c] if hdr < len(grid) and c < len(grid[hdr]) else col_letter(c)
            ws.write_string(hdr, col, f"Seharusnya: {head}", self.f_head)
            ws.set_column(col, col, 18)
            for f in wrong[c]:
                r, _ = _rc(f.cell)
                ws.write_string(r, col, f.expected, self.f_exp)
            col += 1

    # -- Temuan -----------------------------------------------------------------------------
    def _temuan(self, ws: Any) -> None:
        ws.write(0, 0, f"Temuan pemeriksaan: {self.summary.unit}, {self.summary.period}",
                 self.f_title)
        counts = self.result.counts
        ws.write(1, 0, f"{counts['error']} kesalahan, {counts['warning']} peringatan, "
                       f"{counts['info']} catatan. Klik alamat sel untuk menuju selnya.",
                 self.f_note)
        heads = ("No", "Tingkat", "Aturan", "Sheet", "Sel", "Tertulis", "Seharusnya", "Pesan")
        widths = (5, 12, 9, 14, 10, 20, 20, 90)
        for c, (h, w) in enumerate(zip(heads, widths, strict=True)):
            ws.write_string(3, c, h, self.f_head)
            ws.set_column(c, c, w)
        findings = sorted(self.result.findings,
                          key=lambda f: (f.severity.rank, f.sheet, cell_sort_key(f.cell), f.rule))
        for i, f in enumerate(findings):
            r = 4 + i
            fmt = self.f_sev[f.severity]
            ws.write_number(r, 0, i + 1, self.f_text)
            ws.write_string(r, 1, SEV_WORD[f.severity], fmt)
            ws.write_string(r, 2, f.rule, self.f_text)
            shown = self.sheet_out.get(f.sheet, f.sheet)
            ws.write_string(r, 3, shown, self.f_text)
            if f.cell and f.sheet in self.sheet_out:
                first = f.cell.split(":")[0]
                quoted = shown.replace("'", "''")
                ws.write_url(r, 4, f"internal:'{quoted}'!{first}", self.f_link,
                             string=f.cell, tip=f"Buka {shown}!{f.cell}")
            else:
                ws.write_string(r, 4, f.cell or "-", self.f_text)
            ws.write_string(r, 5, f.found, self.f_text)
            ws.write_string(r, 6, f.expected, self.f_text)
            ws.write_string(r, 7, f.message, self.f_text)
            _fit(ws, r, (f.message, 90), (f.found, 20), (f.expected, 20))
        last = 4 + max(len(findings), 1) - 1
        ws.autofilter(3, 0, last, len(heads) - 1)
        ws.freeze_panes(4, 0)
        self.temuan_range = (4, last)
        self._page(ws, "Temuan", landscape=True, repeat=3)

    # -- report tables ------------------------------------------------------------------------
    def _signature(self, ws: Any, row: int, width: int) -> None:
        """Place and date, position, name, pangkat and NIP of the reporter on the right; for a
        seksi report the superior ('Mengetahui') on the left."""
        ident = self.report.identity
        s = self.summary
        place = ident.tempat.text or ident.kecamatan.text or ""
        date = format_date_id(s.report_date) if s.report_date else "....................."
        lo = max(2, width - 3)
        hi = max(lo, width - 1)

        def put(r: int, c0: int, c1: int, text: str, fmt: Any) -> None:
            if c1 > c0:
                ws.merge_range(r, c0, r, c1, text, fmt)
            else:
                ws.write_string(r, c0, text, fmt)

        nip = ident.pelapor.nip.parsed
        nip_text = (nip.formatted if nip is not None else None) or ident.pelapor.nip.text
        put(row, lo, hi, f"{place}, {date}", self.f_sign)
        put(row + 1, lo, hi, ident.pelapor.jabatan.text or "Pelapor", self.f_sign)
        put(row + 5, lo, hi, ident.pelapor.nama.text, self.f_sign_b)
        if ident.pelapor.pangkat.text:
            put(row + 6, lo, hi, ident.pelapor.pangkat.text, self.f_sign)
        put(row + 7, lo, hi, f"NIP. {nip_text or '-'}", self.f_sign)
        if s.tingkat == "seksi" and ident.atasan.nama.text:
            anip = ident.atasan.nip.parsed
            put(row, 0, 1, "Mengetahui,", self.f_sign)
            put(row + 1, 0, 1, ident.atasan.jabatan.text or "Atasan Langsung", self.f_sign)
            put(row + 5, 0, 1, ident.atasan.nama.text, self.f_sign_b)
            put(row + 7, 0, 1, f"NIP. {(anip.formatted if anip is not None else '') or '-'}",
                self.f_sign)

    def _table_head(self, ws: Any, title: str, heads: list[tuple[str, float]], row: int = 3):
        s = self.summary
        ws.write(0, 0, title, self.f_title)
        ws.write(1, 0, f"{s.unit} - {s.period}", self.f_sub)
        for c, (h, w) in enumerate(heads):
            ws.write_string(row, c, h, self.f_head)
            ws.set_column(c, c, w)
        ws.set_row(row, 30)
        ws.freeze_panes(row + 1, 0)

    def _table_pk(self) -> dict:
        name = self._sheet_name("Tabel PK")
        ws = self.wb.add_worksheet(name)
        heads = [("No", 5), ("Sasaran", 40), ("Indikator Kinerja", 50), ("Target", 16)]
        self._table_head(ws, "Tabel Perjanjian Kinerja", heads)
        r = 4
        for p in self.report.pk:
            ws.write_string(r, 0, p.get("no").text, self.f_text)
            ws.write_string(r, 1, p.get("sasaran").text, self.f_text)
            ws.write_string(r, 2, p.get("indikator").text, self.f_text)
            ws.write_string(r, 3, p.get("target").text or "-", self.f_text)
            _fit(ws, r, (p.get("sasaran").text, 40), (p.get("indikator").text, 50))
            r += 1
        budget = self.report.pk_budget_rows
        if budget:
            r += 1
            for c, h in enumerate(("No", "Program/Kegiatan", "Anggaran (Rp)", "Sumber Dana")):
                ws.write_string(r, c, h, self.f_head)
            first = r + 1
            for i, b in enumerate(budget):
                r += 1
                ws.write_string(r, 0, b.get("no").text or str(i + 1), self.f_text)
                ws.write_string(r, 1, b.get("uraian").text, self.f_text)
                v = amount(b.get("anggaran"))
                if v is None:
                    ws.write_blank(r, 2, None, self.f_amount)
                else:
                    ws.write_number(r, 2, v, self.f_amount)
                ws.write_string(r, 3, b.get("sumber").text, self.f_text)
            r += 1
            total = sum(amount(b.get("anggaran")) or 0 for b in budget)
            ws.write_string(r, 1, "Jumlah", self.f_total_text)
            _formula(ws, r, 2, f"=SUM(C{first + 1}:C{r})", self.f_total, total)
            ws.write_blank(r, 0, None, self.f_total_text)
            ws.write_blank(r, 3, None, self.f_total_text)
        self._signature(ws, r + 3, len(heads))
        self._page(ws, "Tabel Perjanjian Kinerja", landscape=False, repeat=3)
        return {"sheet": name}

    def _table_capaian(self) -> dict:
        name = self._sheet_name("Tabel Capaian")
        ws = self.wb.add_worksheet(name)
        heads = [("No", 5), ("Sasaran", 34), ("Indikator Kinerja", 44), ("Target", 12),
                 ("Realisasi", 12), ("Capaian (%)", 12), ("Predikat", 14), ("Keterangan", 30)]
        self._table_head(ws, "Tabel Capaian Kinerja", heads)
        refs = []
        r = 4
        for ind in self.summary.indicators:
            pct_unit = ind.unit == "%"
            fmt = self.f_pct if pct_unit else self.f_num
            ws.write_string(r, 0, ind.no, self.f_text)
            ws.write_string(r, 1, ind.sasaran, self.f_text)
            ws.write_string(r, 2, ind.indikator or ind.sasaran, self.f_text)
            scale = 100 if pct_unit else 1
            for c, v in ((3, ind.target), (4, ind.realisasi)):
                if v is None:
                    ws.write_string(r, c, "-", self.f_text)
                else:
                    ws.write_number(r, c, v / scale, fmt)
            cap_ref = None
            if ind.capaian is not None:
                d, e = f"D{r + 1}", f"E{r + 1}"
                formula = {"R/T": f"={e}/{d}", "2T-R": f"=(2*{d}-{e})/{d}",
                           "T/R": f"={d}/{e}", "(T-R)/T": f"=({d}-{e})/{d}"}[ind.formula]
                _formula(ws, r, 5, formula, self.f_pct, ind.capaian / 100)
                cap_ref = f"F{r + 1}"
            else:
                ws.write_string(r, 5, "-", self.f_text)
            ws.write_string(r, 6, ind.predikat or "-", self.f_text)
            note = ind.note
            if ind.formula != "R/T":
                note = (note + "; " if note else "") + f"polaritas negatif, rumus {ind.formula}"
            ws.write_string(r, 7, note, self.f_text)
            _fit(ws, r, (ind.sasaran, 34), (ind.indikator or ind.sasaran, 44), (note, 30))
            refs.append((ind, r, cap_ref))
            r += 1
        avg_ref = None
        caps = [ref for _, _, ref in refs if ref]
        if caps:
            ws.merge_range(r, 0, r, 4, "Rata-rata capaian", self.f_total_text)
            _formula(ws, r, 5, f"=AVERAGE({','.join(caps)})", self.f_total_pct,
                     self.summary.average / 100)
            ws.write_string(r, 6, self.summary.average_predikat or "-", self.f_total_text)
            ws.write_blank(r, 7, None, self.f_total_text)
            avg_ref = f"F{r + 1}"
            r += 1
        self._signature(ws, r + 2, len(heads))
        self._page(ws, "Tabel Capaian Kinerja", landscape=True, repeat=3)
        return {"sheet": name, "rows": refs, "avg": avg_ref}

    def _table_anggaran(self) -> dict:
        name = self._sheet_name("Tabel Anggaran")
        ws = self.wb.add_worksheet(name)
        s = self.summary
        heads = [("Kode", 20), ("Program/Kegiatan/Sub Kegiatan", 56), ("Pagu (Rp)", 18),
                 ("Realisasi (Rp)", 18), ("Sisa (Rp)", 18), ("Penyerapan (%)", 12)]
        if s.has_plan:
            heads += [("Rencana Triwulan (Rp)", 18), ("Capaian Keuangan (%)", 12)]
        self._table_head(ws, "Tabel Realisasi Anggaran", heads)
        rows: dict[int, int] = {}
        r = 4
        for b in s.budget_flat:
            rows[id(b)] = r
            r += 1
        for b in s.budget_flat:
            self._budget_row(ws, rows, b)
        total_row = r
        tops = [rows[id(b)] for b in s.budget]
        ws.write_string(total_row, 0, "", self.f_total_text)
        ws.write_string(total_row, 1, "JUMLAH", self.f_total_text)
        if tops:
            for col, letter, value in ((2, "C", s.total_pagu), (3, "D", s.total_realisasi)):
                refs = ",".join(f"{letter}{x + 1}" for x in tops)
                _formula(ws, total_row, col, f"=SUM({refs})", self.f_total, value)
            n = total_row + 1
            _formula(ws, total_row, 4, f"=C{n}-D{n}", self.f_total,
                     s.total_pagu - s.total_realisasi)
            _formula(ws, total_row, 5, f'=IF(C{n}=0,"",D{n}/C{n})', self.f_total_pct,
                     (s.penyerapan / 100) if s.penyerapan is not None else "")
            if s.has_plan:
                refs = ",".join(f"G{x + 1}" for x in tops)
                _formula(ws, total_row, 6, f"=SUM({refs})", self.f_total, s.total_plan)
                _formula(ws, total_row, 7, f'=IF(G{n}=0,"",D{n}/G{n})', self.f_total_pct,
                         s.total_realisasi / s.total_plan if s.total_plan else "")
        self._signature(ws, total_row + 3, len(heads))
        self._page(ws, "Tabel Realisasi Anggaran", landscape=True, repeat=3)
        return {"sheet": name, "rows": rows, "total": total_row}

    def _budget_row(self, ws: Any, rows: dict[int, int], b: BudgetLine) -> None:
        r = rows[id(b)]
        n = r + 1
        bold = b.level == "program"
        ft, fa, fp = (self.f_text_b, self.f_amount_b, self.f_pct_b) if bold else \
            (self.f_text, self.f_amount, self.f_pct)
        ws.write_string(r, 0, b.code or "", ft)
        ws.write_string(r, 1, b.name, ft)
        _fit(ws, r, (b.name, 56))
        if b.children:
            kids = [rows[id(k)] + 1 for k in b.children]
            for col, letter, value in ((2, "C", b.pagu), (3, "D", b.realisasi)):
                _formula(ws, r, col, f"=SUM({','.join(f'{letter}{k}' for k in kids)})",
                         fa, value or 0)
            if self.summary.has_plan:
                _formula(ws, r, 6, f"=SUM({','.join(f'G{k}' for k in kids)})", fa,
                         b.plan or 0)
        else:
            for col, value in ((2, b.pagu), (3, b.realisasi)):
                if value is None:
                    ws.write_blank(r, col, None, fa)
                else:
                    ws.write_number(r, col, value, fa)
            if self.summary.has_plan:
                if b.plan is None:
                    ws.write_blank(r, 6, None, fa)
                else:
                    ws.write_number(r, 6, b.plan, fa)
        _formula(ws, r, 4, f"=C{n}-D{n}", fa, b.sisa if b.sisa is not None else 0)
        pen = b.penyerapan
        _formula(ws, r, 5, f'=IF(C{n}=0,"",D{n}/C{n})', fp,
                 pen / 100 if pen is not None else "")
        if self.summary.has_plan:
            cap = (b.realisasi or 0) / b.plan if b.plan else ""
            _formula(ws, r, 7, f'=IF(G{n}=0,"",D{n}/G{n})', fp, cap)

    def _table_desa(self) -> None:
        name = self._sheet_name("Tabel Desa")
        ws = self.wb.add_worksheet(name)
        heads = [("No", 5), ("Desa", 22), ("RKPDes", 18), ("Status RKPDes", 16), ("APBDes", 18),
                 ("Status APBDes", 16), ("LPPDes", 18), ("Status LPPDes", 16)]
        self._table_head(ws, "Tabel Dokumen Administrasi Pemerintahan Desa", heads)
        rows = desa_table(self.result)
        r = 4
        for i, (desa, docs) in enumerate(rows):
            ws.write_number(r, 0, i + 1, self.f_text)
            ws.write_string(r, 1, desa, self.f_text)
            for j, (date, status) in enumerate(docs):
                c = 2 + 2 * j
                if date:
                    ws.write_datetime(r, c, dt.datetime(date.year, date.month, date.day),
                                      self.f_date)
                else:
                    ws.write_string(r, c, "-", self.f_text)
                word = STATUS_WORD.get(status, status)
                ws.write_string(r, c + 1, word, self.f_ok if status == "tepat waktu" else
                                (self.f_bad if status in ("terlambat", "belum ada") else
                                 self.f_text))
            r += 1
        first, last = 5, r
        ws.merge_range(r, 0, r, 1, "Jumlah tepat waktu", self.f_total_text)
        counts = []
        for j in range(3):
            c = 3 + 2 * j
            letter = col_letter(c)
            n_ok = sum(1 for _, docs in rows if docs[j][1] == "tepat waktu")
            counts.append(f"{letter}{r + 1}")
            ws.write_blank(r, c - 1, None, self.f_total_text)
            _formula(ws, r, c, f'=COUNTIF({letter}{first}:{letter}{last},"Tepat waktu")',
                     self.f_total, n_ok)
        on_time = sum(1 for _, docs in rows for d in docs if d[1] == "tepat waktu")
        r += 1
        ws.merge_range(r, 0, r, 5, "Rata-rata persentase dokumen tepat waktu "
                       "(jumlah tepat waktu / (desa x 3))", self.f_total_text)
        ws.merge_range(r, 6, r, 7, None, self.f_total_pct)
        _formula(ws, r, 6, f"=({'+'.join(counts)})/({len(rows)}*3)", self.f_total_pct,
                 on_time / (len(rows) * 3) if rows else 0)
        self._signature(ws, r + 3, len(heads))
        self._page(ws, "Tabel Dokumen Desa", landscape=True, repeat=3)

    def _table_perbandingan(self) -> None:
        from ..rules.base import best_match, measure

        name = self._sheet_name("Tabel Perbandingan")
        ws = self.wb.add_worksheet(name)
        heads = [("No", 5), ("Indikator Kinerja", 50), ("Tahun", 8), ("Target", 12),
                 ("Realisasi", 12), ("Target Renstra", 14), ("Keterangan", 28)]
        self._table_head(ws, "Perbandingan dengan Tahun Sebelumnya dan Target Renstra", heads)
        year = self.summary.year
        inds = [(i.indikator or i.sasaran, i) for i in self.summary.indicators]
        r = 4
        for p in sorted(self.report.perbandingan,
                        key=lambda x: (x.get("indikator").text, x.get("tahun").text)):
            ws.write_string(r, 0, p.get("no").text, self.f_text)
            ws.write_string(r, 1, p.get("indikator").text, self.f_text)
            ws.write_string(r, 2, p.get("tahun").text, self.f_text)
            note = p.get("keterangan").text
            cur = None
            if year is not None and p.get("tahun").text == str(year):
                cur = best_match(p.get("indikator").text, inds, 0.8)
            for c, key in ((3, "target"), (4, "realisasi"), (5, "target_renstra")):
                v, unit = measure(p.get(key))
                if cur is not None and key in ("target", "realisasi"):
                    cv = cur.target if key == "target" else cur.realisasi
                    if cv is not None and (v is None or abs(cv - v) > 0.01):
                        v, unit = cv, cur.unit
                        note = (note + "; " if note else "") + f"{key} dari Tabel Capaian"
                if v is None:
                    ws.write_string(r, c, "-", self.f_text)
                elif unit == "%":
                    ws.write_number(r, c, v / 100, self.f_pct)
                else:
                    ws.write_number(r, c, v, self.f_num)
            ws.write_string(r, 6, note, self.f_text)
            _fit(ws, r, (p.get("indikator").text, 50), (note, 28))
            r += 1
        self._signature(ws, r + 2, len(heads))
        self._page(ws, "Tabel Perbandingan", landscape=True, repeat=3)

    def _table_pegawai(self) -> None:
        name = self._sheet_name("Tabel Pegawai")
        ws = self.wb.add_worksheet(name)
        counts = personnel_counts(self.report)
        s = self.summary
        ws.write(0, 0, "Tabel Kepegawaian (dihitung dari sheet Pegawai)", self.f_title)
        ws.write(1, 0, f"{s.unit} - {s.period}", self.f_sub)
        ws.set_column(0, 0, 5)
        ws.set_column(1, 1, 22)
        ws.set_column(2, 7, 11)
        r = 3
        # by pendidikan x status
        edu = counts["pendidikan"]
        heads = ["No", "Pendidikan", *STATUS_ORDER, "Jumlah", "%"]
        for c, h in enumerate(heads):
            ws.write_string(r, c, h, self.f_head)
        first = r + 1
        total_people = sum(sum(v.values()) for v in edu.values())
        for i, key in enumerate([k for k in (*EDU_ORDER, "Lainnya") if k in edu]):
            r += 1
            ws.write_number(r, 0, i + 1, self.f_text)
            ws.write_string(r, 1, key, self.f_text)
            for j, st in enumerate(STATUS_ORDER):
                ws.write_number(r, 2 + j, edu[key][st], self.f_amount)
            n = sum(edu[key].values())
            _formula(ws, r, 6, f"=SUM(C{r + 1}:F{r + 1})", self.f_amount, n)
            tot_ref = f"$G${first + len([k for k in (*EDU_ORDER, 'Lainnya') if k in edu]) + 1}"
            _formula(ws, r, 7, f'=IF({tot_ref}=0,"",G{r + 1}/{tot_ref})', self.f_pct,
                     n / total_people if total_people else "")
        r += 1
        ws.write_string(r, 1, "Jumlah", self.f_total_text)
        ws.write_blank(r, 0, None, self.f_total_text)
        for j in range(5):
            letter = col_letter(2 + j)
            val = total_people if j == 4 else sum(edu[k][STATUS_ORDER[j]] for k in edu)
            _formula(ws, r, 2 + j, f"=SUM({letter}{first + 1}:{letter}{r})", self.f_total,
                     val)
        _formula(ws, r, 7, f'=IF(G{r + 1}=0,"",G{r + 1}/G{r + 1})', self.f_total_pct,
                 1 if total_people else "")
        # by golongan
        r += 2
        for c, h in enumerate(["No", "Golongan", "PNS", "CPNS", "Jumlah"]):
            ws.write_string(r, c, h, self.f_head)
        first = r + 1
        gol = counts["golongan"]
        for i, g in enumerate(GOL_ORDER):
            r += 1
            ws.write_number(r, 0, i + 1, self.f_text)
            ws.write_string(r, 1, f"Golongan {g}", self.f_text)
            ws.write_number(r, 2, gol[g]["PNS"], self.f_amount)
            ws.write_number(r, 3, gol[g]["CPNS"], self.f_amount)
            _formula(ws, r, 4, f"=C{r + 1}+D{r + 1}", self.f_amount, sum(gol[g].values()))
        r += 1
        ws.write_string(r, 1, "Jumlah", self.f_total_text)
        ws.write_blank(r, 0, None, self.f_total_text)
        for j, letter in enumerate("CDE"):
            val = sum(sum(v.values()) for v in gol.values()) if j == 2 else \
                sum(v[("PNS", "CPNS")[j]] for v in gol.values())
            _formula(ws, r, 2 + j, f"=SUM({letter}{first + 1}:{letter}{r})", self.f_total,
                     val)
        # by eselon and diklat
        for title, data in (("Eselon", counts["eselon"]), ("Diklat PIM", counts["diklat"])):
            r += 2
            for c, h in enumerate(["No", title, "Jumlah"]):
                ws.write_string(r, c, h, self.f_head)
            first = r + 1
            for i, (k, v) in enumerate(data.items()):
                r += 1
                ws.write_number(r, 0, i + 1, self.f_text)
                ws.write_string(r, 1, k, self.f_text)
                ws.write_number(r, 2, v, self.f_amount)
            r += 1
            ws.write_blank(r, 0, None, self.f_total_text)
            ws.write_string(r, 1, "Jumlah", self.f_total_text)
            _formula(ws, r, 2, f"=SUM(C{first + 1}:C{r})", self.f_total, sum(data.values()))
        self._signature(ws, r + 3, 8)
        self._page(ws, "Tabel Pegawai", landscape=False)

    # -- Ringkasan ------------------------------------------------------------------------------
    def _ringkasan(self, ws: Any, tables: dict) -> None:
        s = self.summary
        ident = self.report.identity
        q = ROMAN.get(s.quarter or 0, "?")
        ws.set_column(0, 0, 30)
        ws.set_column(1, 1, 46)
        ws.set_column(2, 6, 16)
        ws.write(0, 0, f"RINGKASAN LAPORAN KINERJA TRIWULAN {q} TAHUN {s.year or '-'}",
                 self.f_title)
        ws.write(1, 0, s.unit, self.f_sub)
        info = [
            ("Unit kerja", s.unit),
            ("Tingkat", s.tingkat),
            ("Tahun / Triwulan", f"{s.year or '-'} / Triwulan {q}"),
            ("Tanggal laporan", s.report_date),
            ("Batas penyampaian", s.deadline),
            ("Ketepatan waktu", "-" if s.on_time is None else
             ("Tepat waktu" if s.on_time else f"Terlambat {s.days_late} hari kerja")),
            ("Pelapor", ident.pelapor.nama.text),
        ]
        r = 3
        for label, value in info:
            ws.write_string(r, 0, label, self.f_label)
            if isinstance(value, dt.date):
                ws.write_datetime(r, 1, dt.datetime(value.year, value.month, value.day),
                                  self.f_date)
            else:
                fmt = self.f_text
                if label == "Ketepatan waktu" and s.on_time is not None:
                    fmt = self.f_ok if s.on_time else self.f_bad
                ws.write_string(r, 1, str(value or "-"), fmt)
            r += 1
        # findings counts (live, from the Temuan sheet)
        r += 1
        ws.write_string(r, 0, "Temuan pemeriksaan", self.f_head)
        ws.write_string(r, 1, "Jumlah", self.f_head)
        first, last = self.temuan_range
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            r += 1
            ws.write_string(r, 0, SEV_WORD[sev].capitalize(), self.f_sev[sev])
            _formula(ws, r, 1, f'=COUNTIF(Temuan!$B${first + 1}:$B${last + 1},"{SEV_WORD[sev]}")',
                     self.f_amount, self.result.counts[sev.value])
        # indicators
        r += 2
        heads = ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Predikat")
        for c, h in enumerate(heads):
            ws.write_string(r, c, h, self.f_head)
        cap = tables["capaian"]
        cap_sheet = cap["sheet"]
        chart_first = r + 1
        for ind, tr, cap_ref in cap["rows"]:
            r += 1
            ws.write_string(r, 0, ind.no, self.f_text)
            ws.write_string(r, 1, ind.indikator or ind.sasaran, self.f_text)
            pct_unit = ind.unit == "%"
            for c, v, letter in ((2, ind.target, "D"), (3, ind.realisasi, "E")):
                if v is None:
                    ws.write_string(r, c, "-", self.f_text)
                else:
                    _formula(ws, r, c, f"='{cap_sheet}'!{letter}{tr + 1}",
                             self.f_pct if pct_unit else self.f_num,
                             v / 100 if pct_unit else v)
            if cap_ref:
                _formula(ws, r, 4, f"='{cap_sheet}'!{cap_ref}", self.f_pct,
                         ind.capaian / 100)
            else:
                ws.write_string(r, 4, "-", self.f_text)
            ws.write_string(r, 5, ind.predikat or "-", self.f_text)
            _fit(ws, r, (ind.indikator or ind.sasaran, 46))
        chart_last = r
        r += 1
        ws.merge_range(r, 0, r, 3, "Rata-rata capaian", self.f_total_text)
        if cap["avg"]:
            _formula(ws, r, 4, f"='{cap_sheet}'!{cap['avg']}", self.f_total_pct,
                     s.average / 100)
        else:
            ws.write_string(r, 4, "-", self.f_total_text)
        ws.write_string(r, 5, s.average_predikat or "-", self.f_total_text)
        # 100% reference column for the chart (hidden helper column H)
        for rr in range(chart_first, chart_last + 1):
            ws.write_number(rr, 7, 1, self.f_pct)
        ws.set_column(7, 7, None, None, {"hidden": True})
        # programs
        r += 2
        heads = ("Kode", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Penyerapan (%)")
        for c, h in enumerate(heads):
            ws.write_string(r, c, h, self.f_head)
        ang = tables["anggaran"]
        ang_sheet = ang["sheet"]
        prog_first = r + 1
        for b in s.budget:
            r += 1
            tr = ang["rows"][id(b)] + 1
            ws.write_string(r, 0, b.code or "", self.f_text)
            ws.write_string(r, 1, b.name, self.f_text)
            _fit(ws, r, (b.name, 46))
            for c, letter, value, fmt in ((2, "C", b.pagu or 0, self.f_amount),
                                          (3, "D", b.realisasi or 0, self.f_amount),
                                          (4, "E", b.sisa or 0, self.f_amount)):
                _formula(ws, r, c, f"='{ang_sheet}'!{letter}{tr}", fmt, value)
            pen = b.penyerapan
            _formula(ws, r, 5, _ratio_formula(ang_sheet, tr), self.f_pct,
                     pen / 100 if pen is not None else "")
        prog_last = r
        r += 1
        tr = ang["total"] + 1
        ws.write_string(r, 0, "", self.f_total_text)
        ws.write_string(r, 1, "JUMLAH", self.f_total_text)
        for c, letter, value in ((2, "C", s.total_pagu), (3, "D", s.total_realisasi),
                                 (4, "E", s.total_pagu - s.total_realisasi)):
            _formula(ws, r, c, f"='{ang_sheet}'!{letter}{tr}", self.f_total, value)
        _formula(ws, r, 5, _ratio_formula(ang_sheet, tr), self.f_total_pct,
                 s.penyerapan / 100 if s.penyerapan is not None else "")
        # charts
        r += 2
        if chart_last >= chart_first:
            ch = self.wb.add_chart({"type": "column"})
            ch.add_series({"name": "Capaian",
                           "categories": ["Ringkasan", chart_first, 1, chart_last, 1],
                           "values": ["Ringkasan", chart_first, 4, chart_last, 4],
                           "fill": {"color": "#2E75B6"},
                           "data_labels": {"value": True, "num_format": "0.00%"}})
            line = self.wb.add_chart({"type": "line"})
            line.add_series({"name": "Target 100%",
                             "categories": ["Ringkasan", chart_first, 1, chart_last, 1],
                             "values": ["Ringkasan", chart_first, 7, chart_last, 7],
                             "line": {"color": "#C00000", "dash_type": "dash", "width": 2},
                             "marker": {"type": "none"}})
            ch.combine(line)
            ch.set_title({"name": "Capaian per indikator terhadap 100%"})
            ch.set_y_axis({"num_format": "0%", "min": 0})
            ch.set_legend({"position": "bottom"})
            ch.show_hidden_data()
            ws.insert_chart(r, 0, ch, {"x_scale": 1.5, "y_scale": 1.1})
        if prog_last >= prog_first:
            ch2 = self.wb.add_chart({"type": "bar"})
            ch2.add_series({"name": "Penyerapan",
                            "categories": ["Ringkasan", prog_first, 1, prog_last, 1],
                            "values": ["Ringkasan", prog_first, 5, prog_last, 5],
                            "fill": {"color": "#548235"},
                            "data_labels": {"value": True, "num_format": "0.00%"}})
            ch2.set_title({"name": "Penyerapan anggaran per program"})
            ch2.set_x_axis({"num_format": "0%", "min": 0, "max": 1})
            ch2.set_legend({"none": True})
            ws.insert_chart(r + 17, 0, ch2, {"x_scale": 1.5,
                                             "y_scale": 0.9 + 0.08 * len(s.budget)})
        r += 17 + 16 + len(s.budget)
        ws.write(r, 0, "Angka pada Ringkasan dihitung ulang oleh lkj dan ditulis sebagai "
                 "rumus yang merujuk ke tabel laporan; klik selnya untuk menelusuri.",
                 self.f_note)
        self._page(ws, "Ringkasan", landscape=False)
        ws.print_area(0, 0, r, 5)


def _excel_sheet_name(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\, no apostrophe at
    either end, not the reserved 'History'."""
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip().strip("'")
    clean = clean[:31].strip().strip("'") or "Sheet"
    return clean + " (isian)" if clean.lower() == "history" else clean


def _formula(ws: Any, r: int, c: int, formula: str, fmt: Any, value: Any) -> None:
    """write_formula with a stored value a spreadsheet can read (no NaN or infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        value = ""
    ws.write_formula(r, c, formula, fmt, value)


def _ratio_formula(sheet: str, row: int) -> str:
    """Penyerapan computed from the table's pagu and realisasi rather than by referring to a
    cell that may hold "" (engines differ on what a reference to "" or a blank is)."""
    c, d = f"'{sheet}'!C{row}", f"'{sheet}'!D{row}"
    return f'=IF(N({c})=0,"",N({d})/N({c}))'


def _fit(ws: Any, r: int, *cells: tuple[str, float], base: float = 15.0) -> None:
    """Set a row's height for its wrapped texts: Excel and LibreOffice keep the default
    height for rows a program wrote, so long text would overlap the next row."""
    lines = 1
    for text, width in cells:
        if text:
            per_line = max(width * 0.85, 4)
            lines = max(lines, sum(math.ceil(max(len(part), 1) / per_line)
                                   for part in str(text).split("\n")))
    if lines > 1:
        ws.set_row(r, base * lines)


def _rc(ref: str | None) -> tuple[int, int] | None:
    if not ref or ":" in ref:
        return None
    row, col = cell_sort_key(ref)
    if row == 0:
        return None
    return row - 1, col - 1


def _comment(fs: list[Finding]) -> str:
    parts = []
    for f in sorted(fs, key=lambda f: f.severity.rank):
        text = f"[{f.rule} {SEV_WORD[f.severity]}] {f.message}"
        if f.expected:
            text += f"\nSeharusnya: {f.expected}"
        parts.append(text)
    return "\n\n".join(parts)


__all__ = ["finalise", "default_output", "FinaliseResult"]
