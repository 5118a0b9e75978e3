"""Tabel Dokumen Administrasi Pemerintahan Desa: per desa the date and status of RKPDes,
APBDes and LPPDes, the on-time counts and the average percentage."""

from __future__ import annotations

import datetime as dt

from ...model import col_letter
from ...summary import desa_table
from . import page
from .common import Context, formula

WIDTHS = [5, 22, 17, 15, 17, 15, 17, 15]
TITLE = "Tabel Dokumen Administrasi Pemerintahan Desa"
STATUS_WORD = {"tepat waktu": "Tepat waktu", "terlambat": "Terlambat",
               "belum jatuh tempo": "Belum jatuh tempo", "belum ada": "Belum ada"}


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "desa", WIDTHS, landscape=True)
    ws, st = ps.ws, ctx.styles
    r = page.title(ps, ctx, TITLE.upper(), 0)
    heads = ["No", "Desa", "RKPDes", "Status RKPDes", "APBDes", "Status APBDes", "LPPDes",
             "Status LPPDes"]
    r = page.header_row(ps, ctx, r, heads)
    rows = desa_table(ctx.result)
    if not rows:
        ws.merge_range(r, 0, r, len(WIDTHS) - 1, "Tidak ada data desa pada laporan ini.",
                       st.no_data)
        ps.set_height(r, 20)
        page.signature(ps, ctx, r + 3)
        page.finish(ps, ctx, TITLE)
        return
    first = r + 1
    for i, (desa, docs) in enumerate(rows):
        ws.write_number(r, 0, i + 1, st.center)
        ws.write_string(r, 1, desa, st.text)
        words = []
        for j, (date, status) in enumerate(docs):
            c = 2 + 2 * j
            if date:
                ws.write_datetime(r, c, dt.datetime(date.year, date.month, date.day), st.date)
            else:
                ws.write_string(r, c, "-", st.center)
            word = STATUS_WORD.get(status, status.capitalize())
            words.append((word, c + 1, c + 1))
            style = st.good if status == "tepat waktu" else (
                st.late if status in ("terlambat", "belum ada") else st.text)
            ws.write_string(r, c + 1, word, style)
        ps.fit(r, (desa, 1, 1), *words)
        r += 1
    last = r
    ws.merge_range(r, 0, r, 1, "Jumlah tepat waktu", st.total_text)
    counts = []
    for j in range(3):
        c = 3 + 2 * j
        letter = col_letter(c)
        n_ok = sum(1 for _, docs in rows if docs[j][1] == "tepat waktu")
        counts.append(f"{letter}{r + 1}")
        ws.write_blank(r, c - 1, None, st.total_text)
        formula(ws, r, c, f'=COUNTIF({letter}{first}:{letter}{last},"Tepat waktu")',
                st.total_amount, n_ok)
    ps.set_height(r, 16)
    on_time = sum(1 for _, docs in rows for d in docs if d[1] == "tepat waktu")
    r += 1
    label = "Rata-rata persentase dokumen tepat waktu (jumlah tepat waktu / (desa x 3))"
    ws.merge_range(r, 0, r, 5, label, st.total_text)
    ws.merge_range(r, 6, r, 7, None, st.total_pct)
    formula(ws, r, 6, f"=({'+'.join(counts)})/({len(rows)}*3)", st.total_pct,
            on_time / (len(rows) * 3))
    ps.fit(r, (label, 0, 5), bold=True)
    page.signature(ps, ctx, r + 3, keep_from=r - 2)
    page.finish(ps, ctx, TITLE)
