"""The user's input sheets in the appendix, as typed and looking as the template made them
(title, hint, blue header, yellow input cells, Identitas labels and notes), with each
finding marked: the cell filled by severity, a comment with the message, and for every
column with wrong numbers a 'Seharusnya' column right of the table holding each finding's
expected value on the same row.

Every cell is written back from what python-calamine read, so every typed value keeps its
type and text (tests read them back)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from ... import layout as L
from ...findings import Finding, Severity, cell_sort_key
from ...formatting import XL_AMOUNT, XL_DATE, XL_PERCENT
from ...model import col_letter
from ...reader import resolve_sheets
from ...render import SEVERITY_WORD
from ..cells import write_value
from ..printlayout import Paper, PrintSheet
from .common import Context
from .styles import FILL, XL_DATETIME, XL_TIME

INPUT_FILL = "#FFF2CC"
FORM_WIDTHS = [38, 40, 60]
NUMBER_FORMATS = {"amount": XL_AMOUNT, "percent": XL_PERCENT, "date": XL_DATE,
                  "datetime": XL_DATETIME, "time": XL_TIME, "number": "General"}


def _rank(severity: Severity) -> int:
    return severity.rank


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
        text = f"[{f.rule} {SEVERITY_WORD[f.severity].lower()}] {f.message}"
        if f.expected:
            text += f"\nSeharusnya: {f.expected}"
        parts.append(text)
    return "\n\n".join(parts)


class Annotator:
    """Writes the annotated input sheets of one workbook."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._styles: dict[tuple, Any] = {}
        self.by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for f in ctx.findings:
            if f.cell and ":" not in f.cell:
                self.by_cell[(f.sheet, f.cell)].append(f)
        self.canon_of = {actual: canon for canon, actual in resolve_sheets(ctx.names).items()}
        self.labels = {}
        for spec in L.FORM_SHEETS:
            for fld in spec.fields:
                self.labels[(spec.name, fld.label.lower())] = fld.kind

    def style(self, kind: str, sev: Severity | None, role: str = "input") -> Any:
        # memoised: called for every cell of every input sheet, with a handful of keys
        key = (kind, sev, role)
        fmt = self._styles.get(key)
        if fmt is None:
            fmt = self._styles[key] = self._style(kind, sev, role)
        return fmt

    def _style(self, kind: str, sev: Severity | None, role: str) -> Any:
        st = self.ctx.styles
        props: dict[str, Any] = {**st.border}
        if role == "input":
            props["bg_color"] = INPUT_FILL
            props["font_color"] = "#1F1F5F"
        elif role == "label":
            props.update(bold=True, bg_color="#DDEBF7")
        elif role == "note":
            props.update(italic=True, font_color="#595959")
        if kind in NUMBER_FORMATS:
            props["num_format"] = NUMBER_FORMATS[kind]
        if kind == "text" or role in ("label", "note"):
            props["text_wrap"] = True
        if sev is not None:
            props["bg_color"] = FILL[sev]
        return st.get(**props)

    # -- the layout of a sheet ----------------------------------------------------------
    def _table_spec(self, sheet: str):
        canon = self.canon_of.get(sheet)
        return canon, next((t for t in L.TABLE_SHEETS if t.name == canon), None)

    def write(self, name: str) -> None:
        ctx = self.ctx
        grid = ctx.grids.get(name) or []
        ws = ctx.wb.get_worksheet_by_name(ctx.sheet_out[name])
        canon, spec = self._table_spec(name)
        cols = ctx.report.columns.get(name, {})
        hdr = ctx.report.header_rows.get(name)
        hdr = hdr - 1 if (spec is not None and hdr) else None
        form = canon in ("Identitas", "Pengaturan")
        if form:
            hdr = 2
        ncols = max((len(r) for r in grid), default=0)
        kinds: dict[int, str] = {}
        widths: dict[int, float] = {}
        if spec is not None:
            kinds = {cols[c.key]: c.kind for c in spec.columns if c.key in cols}
            widths = {cols[c.key]: c.width for c in spec.columns if c.key in cols}
        elif form:
            widths = dict(enumerate(FORM_WIDTHS))
        wrong = self._wrong(name)
        all_widths = [widths.get(c, 36 if kinds.get(c) == "text" else 14)
                      for c in range(max(ncols, 1))] + [1.5] * (1 if wrong else 0) + \
            [18] * len(wrong)
        ps = PrintSheet(ws, all_widths, Paper(landscape=len(all_widths) > 6 or sum(
            all_widths) > 100), paged=False)
        marked = self._marked(name)
        # a table's rows below its header: a text or number cell's format depends only on
        # its column's kind and its findings (what _format works out, looked up directly)
        numbers = {c: k if k in ("amount", "percent") else "number" for c, k in kinds.items()}
        for r, row in enumerate(grid):
            if not row or all(v == "" or v is None for v in row):
                continue
            fit_cells = []
            body = not form and (hdr is None or r > hdr)
            for c, raw in enumerate(row):
                if raw == "" or raw is None:
                    continue
                fs = marked.get((r, c))
                sev = min((f.severity for f in fs), key=_rank) if fs else None
                kind = type(raw)
                if body and (kind is str or kind is float or kind is int):
                    fmt = self.style("text" if kind is str else numbers.get(c, "number"), sev)
                else:
                    fmt = self._format(canon, form, hdr, r, c, row, raw, kinds, sev)
                write_value(ws, r, c, raw, fmt)
                if isinstance(raw, str):  # error values (CellError) too
                    fit_cells.append((raw, c, c))
                if fs:
                    ws.write_comment(r, c, _comment(fs), {
                        "author": "lkj", "x_scale": 2.2, "y_scale": 1.6 + 0.5 * len(fs)})
            if hdr is not None and r < hdr:
                ps.set_height(r, 22 if r == 0 else 16)  # title and hint do not wrap
            elif fit_cells:
                ps.fit(r, *fit_cells, bold=r == hdr)
            else:
                ps.set_height(r, 16)
        self._empty_cells(ws, name, grid)
        self._seharusnya(ps, name, hdr, ncols + 1, wrong)
        if hdr is not None:
            ws.freeze_panes(hdr + 1, 0)
            ps.repeat_rows(hdr)
        ps.finish(header=f"{ctx.summary.unit}",
                  footer_left=f"Lampiran: sheet {ctx.sheet_out[name]}")

    def _marked(self, name: str) -> dict[tuple[int, int], list[Finding]]:
        """(row, column) -> the findings on that cell of sheet ``name``: the cells whose
        address is written as the sheet shows it ("E12")."""
        marked = {}
        for (sheet, ref), fs in self.by_cell.items():
            rc = _rc(ref) if sheet == name else None
            if rc is not None and ref == f"{col_letter(rc[1])}{rc[0] + 1}":
                marked[rc] = fs
        return marked

    def _format(self, canon, form, hdr, r, c, row, raw, kinds, sev) -> Any:
        st = self.ctx.styles
        if hdr is not None and r < hdr:
            return st.input_title if r == 0 else st.input_hint
        if hdr is not None and r == hdr:
            return st.input_head
        kind = kinds.get(c, "text")
        role = "input"
        if form:
            label = row[0] if row and isinstance(row[0], str) else ""
            field_kind = self.labels.get((canon, label.strip().lower()))
            if c == 0:
                role, kind = ("label", "text") if field_kind is not None else ("plain", "text")
                if field_kind is None and isinstance(raw, str) and len(row) > 1 and \
                        all(v in ("", None) for v in row[1:]):
                    return st.section  # a section title (Skala Predikat, Libur tambahan)
            elif c == 1:
                kind = field_kind or "text"
            else:
                role = "note"
        if isinstance(raw, str):
            kind = "text"
        elif isinstance(raw, dt.datetime):
            kind = "date" if raw.time() == dt.time() else "datetime"
        elif isinstance(raw, dt.date):
            kind = "date"
        elif isinstance(raw, dt.time):
            kind = "time"
        elif kind not in ("amount", "percent"):
            kind = "number"
        return self.style(kind, sev, role)

    def _empty_cells(self, ws: Any, name: str, grid: list[list[Any]]) -> None:
        """Findings on empty cells (a missing target, a missing date) still get a colour
        and a comment."""
        for (sheet, ref), fs in self.by_cell.items():
            if sheet != name:
                continue
            rc = _rc(ref)
            if rc is None or (rc[0] < len(grid) and rc[1] < len(grid[rc[0]])
                              and grid[rc[0]][rc[1]] not in ("", None)):
                continue
            sev = min((f.severity for f in fs), key=lambda s: s.rank)
            ws.write_blank(rc[0], rc[1], None, self.style("text", sev))
            ws.write_comment(rc[0], rc[1], _comment(fs), {"author": "lkj", "x_scale": 2.2,
                                                          "y_scale": 1.6 + 0.5 * len(fs)})

    def _wrong(self, name: str) -> dict[int, list[Finding]]:
        """Columns with findings that have a value to show in 'Seharusnya'."""
        wrong: dict[int, list[Finding]] = defaultdict(list)
        for (sheet, ref), fs in self.by_cell.items():
            if sheet != name:
                continue
            rc = _rc(ref)
            for f in fs:
                if rc and f.severity is not Severity.INFO and f.expected and \
                        not f.expected.startswith(("<", ">")) and f.field not in ("kode",):
                    wrong[rc[1]].append(f)
        return wrong

    def _seharusnya(self, ps: PrintSheet, name: str, hdr: int | None, first_free: int,
                    wrong: dict[int, list[Finding]]) -> None:
        """Each finding's expected value beside the table, on the typed value's row."""
        if not wrong or hdr is None:
            return
        ws, st = ps.ws, self.ctx.styles
        grid = self.ctx.grids.get(name) or []
        col = first_free
        for c in sorted(wrong):
            head = grid[hdr][c] if hdr < len(grid) and c < len(grid[hdr]) else col_letter(c)
            text = f"Seharusnya: {head}"
            ws.write_string(hdr, col, text, st.input_head)
            ps.fit(hdr, (text, col, col), bold=True)
            for f in wrong[c]:
                r, _ = _rc(f.cell)
                ws.write_string(r, col, f.expected, st.expected)
                ps.fit(r, (f.expected, col, col))
            col += 1
