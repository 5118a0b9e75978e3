"""Tabel Realisasi Anggaran: programs (bold), kegiatan and sub kegiatan in sheet order with
pagu, realisasi, sisa and penyerapan; a parent's amounts are live sums of its children and
the JUMLAH row the sum of the programs. A report without budget lines says so instead of
showing zeros."""

from __future__ import annotations

from ...summary import BudgetLine
from . import page
from .common import Context, formula

WIDTHS = [17, 48, 15, 15, 15, 11]
PLAN_WIDTHS = [15, 11]
TITLE = "Tabel Realisasi Anggaran"


def write(ctx: Context) -> None:
    s = ctx.summary
    widths = WIDTHS + (PLAN_WIDTHS if s.has_plan else [])
    ps = page.sheet(ctx, "anggaran", widths, landscape=True)
    ws, st = ps.ws, ctx.styles
    r = page.title(ps, ctx, TITLE.upper(), 0)
    heads = ["Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)",
             "Sisa (Rp)", "Penyerapan (%)"]
    if s.has_plan:
        heads += ["Rencana Triwulan (Rp)", "Capaian Keuangan (%)"]
    r = page.header_row(ps, ctx, r, heads)
    rows: dict[int, int] = {}
    for b in s.budget_flat:
        rows[id(b)] = r
        r += 1
    for b in s.budget_flat:
        _line(ps, ctx, rows, b)
    total_row = r
    ctx.refs["anggaran"] = {"rows": rows, "total": total_row}
    if not s.budget:
        ws.merge_range(r, 0, r, len(widths) - 1, "Tidak ada data anggaran pada laporan ini.",
                       st.no_data)
        ps.set_height(r, 20)
    else:
        _total(ps, ctx, rows, total_row)
    page.signature(ps, ctx, total_row + 3, keep_from=total_row - 1)
    page.finish(ps, ctx, TITLE)


def _total(ps, ctx: Context, rows: dict[int, int], r: int) -> None:
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    tops = [rows[id(b)] for b in s.budget]
    ws.write_blank(r, 0, None, st.total_text)
    ws.write_string(r, 1, "JUMLAH", st.total_text)
    for col, letter, value in ((2, "C", s.total_pagu), (3, "D", s.total_realisasi)):
        refs = ",".join(f"{letter}{x + 1}" for x in tops)
        formula(ws, r, col, f"=SUM({refs})", st.total_amount, value)
    n = r + 1
    formula(ws, r, 4, f"=C{n}-D{n}", st.total_amount, s.total_pagu - s.total_realisasi)
    formula(ws, r, 5, f'=IF(C{n}=0,"",D{n}/C{n})', st.total_pct,
            (s.penyerapan / 100) if s.penyerapan is not None else "")
    if s.has_plan:
        refs = ",".join(f"G{x + 1}" for x in tops)
        formula(ws, r, 6, f"=SUM({refs})", st.total_amount, s.total_plan)
        formula(ws, r, 7, f'=IF(G{n}=0,"",D{n}/G{n})', st.total_pct,
                s.total_realisasi / s.total_plan if s.total_plan else "")
    ps.fit(r, ("JUMLAH", 1, 1), bold=True)


def _line(ps, ctx: Context, rows: dict[int, int], b: BudgetLine) -> None:
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    r = rows[id(b)]
    n = r + 1
    bold = b.level == "program"
    ft, fa, fp = (st.text_b, st.amount_b, st.pct_b) if bold else (st.text, st.amount, st.pct)
    ws.write_string(r, 0, b.code or "", ft)
    ws.write_string(r, 1, b.name, ft)
    ps.fit(r, (b.name, 1, 1), (b.code, 0, 0), bold=bold)
    if b.children:
        kids = [rows[id(k)] + 1 for k in b.children]
        for col, letter, value in ((2, "C", b.pagu), (3, "D", b.realisasi)):
            formula(ws, r, col, f"=SUM({','.join(f'{letter}{k}' for k in kids)})", fa,
                    value or 0)
        if s.has_plan:
            formula(ws, r, 6, f"=SUM({','.join(f'G{k}' for k in kids)})", fa, b.plan or 0)
    else:
        for col, value in ((2, b.pagu), (3, b.realisasi)):
            if value is None:
                ws.write_blank(r, col, None, fa)
            else:
                ws.write_number(r, col, value, fa)
        if s.has_plan:
            if b.plan is None:
                ws.write_blank(r, 6, None, fa)
            else:
                ws.write_number(r, 6, b.plan, fa)
    formula(ws, r, 4, f"=C{n}-D{n}", fa, b.sisa if b.sisa is not None else 0)
    pen = b.penyerapan
    formula(ws, r, 5, f'=IF(C{n}=0,"",D{n}/C{n})', fp, pen / 100 if pen is not None else "")
    if s.has_plan:
        cap = (b.realisasi or 0) / b.plan if b.plan else ""
        formula(ws, r, 7, f'=IF(G{n}=0,"",D{n}/G{n})', fp, cap)
