"""Tabel Perjanjian Kinerja: the year's sasaran, indikator and target, and (kecamatan
reports) the programs' budgets in the agreement (summary.pk_budget) with their live total."""

from __future__ import annotations

from ...summary import pk_budget
from . import page
from .common import Context, formula

#: No, Sasaran / Program, Indikator, Target / Anggaran, - / Sumber Dana.
WIDTHS = [5, 27, 33, 15, 11]
TITLE = "Tabel Perjanjian Kinerja"


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "pk", WIDTHS, landscape=False)
    ws, st = ps.ws, ctx.styles
    r = page.title(ps, ctx, TITLE.upper(), 0)
    for c, h in enumerate(["No", "Sasaran", "Indikator Kinerja", "Target"]):
        if c == 3:
            ws.merge_range(r, 3, r, 4, h, st.head)
        else:
            ws.write_string(r, c, h, st.head)
    ps.set_height(r, 27)
    ps.repeat_rows(r)
    ps.keep(r, r + 2)
    r += 1
    if not ctx.report.pk:
        ws.merge_range(r, 0, r, 4, "Tidak ada data perjanjian kinerja pada laporan ini.",
                       st.no_data)
        ps.set_height(r, 20)
        r += 1
    for p in ctx.report.pk:
        sasaran, indikator = p.get("sasaran").display, p.get("indikator").display
        target = p.get("target").display or "-"
        ws.write_string(r, 0, p.get("no").display, st.center)
        ws.write_string(r, 1, sasaran, st.text)
        ws.write_string(r, 2, indikator, st.text)
        ws.merge_range(r, 3, r, 4, target, st.center)
        ps.fit(r, (sasaran, 1, 1), (indikator, 2, 2), (target, 3, 4))
        r += 1
    budget, total = pk_budget(ctx.result)
    if budget:
        r += 1
        ws.write_string(r, 0, "No", st.head)
        ws.merge_range(r, 1, r, 2, "Program / Kegiatan", st.head)
        ws.write_string(r, 3, "Anggaran (Rp)", st.head)
        ws.write_string(r, 4, "Sumber Dana", st.head)
        ps.set_height(r, 27)
        ps.keep(r - 1, r + 2)
        first = r + 1
        for b in budget:
            r += 1
            ws.write_string(r, 0, b.no, st.center)
            ws.merge_range(r, 1, r, 2, b.uraian, st.text)
            if b.anggaran is None:
                ws.write_blank(r, 3, None, st.amount)
            else:
                ws.write_number(r, 3, b.anggaran, st.amount)
            ws.write_string(r, 4, b.sumber, st.center)
            ps.fit(r, (b.uraian, 1, 2), (b.sumber, 4, 4))
        r += 1
        ws.write_blank(r, 0, None, st.total_text)
        ws.merge_range(r, 1, r, 2, "Jumlah", st.total_text)
        formula(ws, r, 3, f"=SUM(D{first + 1}:D{r})", st.total_amount, total)
        ws.write_blank(r, 4, None, st.total_text)
        ps.set_height(r, 16)
        r += 1
    page.signature(ps, ctx, r + 2, keep_from=r - 2)
    page.finish(ps, ctx, TITLE)
