"""Tables of the Word document whose shape follows the data, built with python-docx as
docxtpl subdocuments: the budget hierarchy (program bold and shaded, kegiatan bold, sub
kegiatan plain; a Kode column only when codes were typed; Rencana Triwulan and Capaian
Keuangan only when the report plans per quarter) and the comparison with earlier years (one
Target/Realisasi column pair per year). Figures come from the Summary.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm, Pt

from ..formatting import amount as rp
from ..summary import BudgetLine, ComparisonLine, Summary
from . import docx_util as U

TEXT_WIDTH = 16.0


def _style(doc: Any, name: str) -> str | None:
    """The style if the template defines it (a kabupaten's template may not)."""
    try:
        doc.styles[name]
        return name
    except KeyError:
        return None


def _head(table: Any, row: int, texts: list[str], style: str | None) -> None:
    cells = table.rows[row].cells
    for cell, text in zip(cells, texts, strict=False):
        U.cell_text(cell, text, style=style, bold=True, align="center")
        U.shade(cell, U.HEAD_FILL)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    U.repeat_header(table.rows[row])


def budget_table(tpl: Any, s: Summary):
    from .dokumen import persen

    sub = tpl.new_subdoc()
    doc = sub.subdocx
    cell_style = _style(doc, U.CELL_STYLE)
    head_style = _style(doc, U.HEAD_STYLE)
    has_code = any(b.code for b in s.budget_flat)
    plan = s.has_plan
    heads = (["Kode"] if has_code else []) + ["Program/Kegiatan/Sub Kegiatan", "Pagu (Rp)"] + \
        (["Rencana Triwulan (Rp)"] if plan else []) + ["Realisasi (Rp)", "Sisa (Rp)",
                                                        "Serapan (%)"] + \
        (["Capaian Keuangan (%)"] if plan else [])
    amount_w = 1.95 if plan else 2.1
    pct_w = 1.5
    fixed = (2.5 if has_code else 0) + amount_w * (4 if plan else 3) + pct_w * (2 if plan else 1)
    widths = ([2.5] if has_code else []) + [TEXT_WIDTH - fixed] + [amount_w] * (2 if plan else 1) \
        + [amount_w, amount_w, pct_w] + ([pct_w] if plan else [])
    size = 8 if plan or has_code else 9
    lines = s.budget_flat
    table = doc.add_table(rows=2 + len(lines), cols=len(heads),
                          style=_style(doc, U.TABLE_STYLE) or "Table Grid")
    U.set_widths(table, widths)
    _head(table, 0, heads, head_style)
    for c, cell in enumerate(table.rows[1].cells):
        U.cell_text(cell, f"({c + 1})", style=head_style, align="center", size=size)
    U.repeat_header(table.rows[1])

    def put(row: Any, b: BudgetLine | None) -> None:
        cells = row.cells
        level = b.level if b else "total"
        bold = level in ("program", "kegiatan", "total")
        fill = U.TOTAL_FILL if level in ("program", "total") else None
        values = ([b.code or "" if b else ""] if has_code else [])
        if b is None:
            name = "JUMLAH"
            pagu, real, plan_v = s.total_pagu, s.total_realisasi, s.total_plan
            sisa, pen = s.total_pagu - s.total_realisasi, s.penyerapan
        else:
            name, pagu, real, plan_v, sisa, pen = (b.name, b.pagu, b.realisasi, b.plan,
                                                   b.sisa, b.penyerapan)
        values.append(name)
        values.append(rp(pagu))
        if plan:
            values.append(rp(plan_v) if plan_v is not None else "-")
        values += [rp(real), rp(sisa), persen(pen)]
        if plan:
            values.append(persen(real / plan_v * 100) if plan_v else "-")
        name_col = 1 if has_code else 0
        for c, (cell, text) in enumerate(zip(cells, values, strict=True)):
            align = "left" if c <= name_col else ("center" if heads[c].endswith("(%)")
                                                  else "right")
            U.cell_text(cell, text, style=cell_style, bold=bold, align=align, size=size)
            if c == name_col and level in ("kegiatan", "subkegiatan"):
                indent = 0.25 if level == "kegiatan" else 0.5
                cell.paragraphs[0].paragraph_format.left_indent = Cm(indent)
            if fill:
                U.shade(cell, fill)
        U.keep_row_together(row)

    for row, b in zip(table.rows[2:], lines, strict=True):
        put(row, b)
    put(table.add_row(), None)
    return sub


def comparison_table(tpl: Any, s: Summary, years: list[int], lines: list[ComparisonLine]):
    from .dokumen import ukuran

    sub = tpl.new_subdoc()
    doc = sub.subdocx
    cell_style = _style(doc, U.CELL_STYLE)
    head_style = _style(doc, U.HEAD_STYLE)
    years = years[-4:]
    has_renstra = any(ln.renstra[0] is not None for ln in lines)
    n = 2 + 2 * len(years) + has_renstra
    pair_w = 1.8 if len(years) <= 3 else 1.5
    renstra_w = 1.8 if has_renstra else 0
    widths = [0.9, TEXT_WIDTH - 0.9 - 2 * pair_w * len(years) - renstra_w] + \
        [pair_w] * (2 * len(years)) + ([renstra_w] if has_renstra else [])
    table = doc.add_table(rows=2 + len(lines), cols=n,
                          style=_style(doc, U.TABLE_STYLE) or "Table Grid")
    U.set_widths(table, widths)
    top = ["No", "Indikator Kinerja"]
    for y in years:
        label = f"Tahun {y}"
        if y == s.year and s.quarter:
            label += f" (s.d. TW {('I', 'II', 'III', 'IV')[s.quarter - 1]})"
        top += [label, label]
    if has_renstra:
        top.append("Target Renstra")
    _head(table, 0, top, head_style)
    _head(table, 1, ["", ""] + ["Target", "Realisasi"] * len(years) + ([""] if has_renstra
                                                                      else []), head_style)
    # merge the year headers across their pair and No/Indikator/Renstra down two rows
    for k in range(len(years)):
        a = table.cell(0, 2 + 2 * k)
        a.merge(table.cell(0, 3 + 2 * k))
        _retext(a, top[2 + 2 * k], head_style)
    for c in [0, 1] + ([n - 1] if has_renstra else []):
        a = table.cell(0, c)
        a.merge(table.cell(1, c))
        _retext(a, top[c], head_style)
    for i, (row, ln) in enumerate(zip(table.rows[2:], lines, strict=True)):
        values = [ln.no.rstrip(".") or str(i + 1), ln.indikator]
        for y in years:
            t, r, unit = ln.years.get(y, (None, None, None))
            values += [ukuran(t, unit), ukuran(r, unit)]
        if has_renstra:
            values.append(ukuran(*ln.renstra))
        for c, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            U.cell_text(cell, text, style=cell_style, align="left" if c == 1 else "center")
        U.keep_row_together(row)
    return sub


def _retext(cell: Any, text: str, style: str | None) -> None:
    """After a merge python-docx keeps every merged cell's paragraphs: keep one."""
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    p = cell.paragraphs[0]
    for r in p.runs[1:]:
        r._r.getparent().remove(r._r)
    if p.runs:
        p.runs[0].text = text
        p.runs[0].bold = True
        p.runs[0].font.size = Pt(9) if style is None else None
    else:
        U.cell_text(cell, text, style=style, bold=True, align="center")
