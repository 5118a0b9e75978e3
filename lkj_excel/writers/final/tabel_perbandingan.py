"""Perbandingan: target and realisasi of each indicator in earlier years and this year, and
the Renstra target. This year's figures are the corrected ones from Tabel Capaian."""

from __future__ import annotations

from ...rules.base import best_match, measure
from . import page
from .common import Context

WIDTHS = [5, 46, 8, 13, 13, 14, 30]
TITLE = "Perbandingan dengan Tahun Sebelumnya dan Target Renstra"
KEY_WORD = {"target": "target", "realisasi": "realisasi"}


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "perbandingan", WIDTHS, landscape=True)
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    r = page.title(ps, ctx, TITLE.upper(), 0)
    heads = ["No", "Indikator Kinerja", "Tahun", "Target", "Realisasi", "Target Renstra",
             "Keterangan"]
    r = page.header_row(ps, ctx, r, heads)
    inds = [(i.indikator or i.sasaran, i) for i in s.indicators]
    for p in sorted(ctx.report.perbandingan,
                    key=lambda x: (x.get("indikator").text, x.get("tahun").text)):
        indikator = p.get("indikator").display
        ws.write_string(r, 0, p.get("no").display, st.center)
        ws.write_string(r, 1, indikator, st.text)
        ws.write_string(r, 2, p.get("tahun").display, st.center)
        note = p.get("keterangan").display
        cur = None
        if s.year is not None and p.get("tahun").text == str(s.year):
            cur = best_match(p.get("indikator").text, inds, 0.8)
        for c, key in ((3, "target"), (4, "realisasi"), (5, "target_renstra")):
            v, unit = measure(p.get(key))
            if cur is not None and key in KEY_WORD:
                cv = cur.target if key == "target" else cur.realisasi
                if cv is not None and (v is None or abs(cv - v) > 0.01):
                    v, unit = cv, cur.unit
                    note = (note + "; " if note else "") + f"{KEY_WORD[key]} dari Tabel Capaian"
            if v is None:
                ws.write_string(r, c, "-", st.center)
            elif unit == "%":
                ws.write_number(r, c, v / 100, st.pct)
            else:
                ws.write_number(r, c, v, st.num)
        ws.write_string(r, 6, note, st.text)
        ps.fit(r, (indikator, 1, 1), (note, 6, 6))
        r += 1
    page.signature(ps, ctx, r + 2, keep_from=r - 1)
    page.finish(ps, ctx, "Tabel Perbandingan")
