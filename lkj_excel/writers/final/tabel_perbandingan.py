"""Perbandingan: target and realisasi of each indicator in earlier years and this year, and
the Renstra target (summary.perbandingan_table: this year's figures are the corrected ones
from Tabel Capaian)."""

from __future__ import annotations

from ...summary import perbandingan_table
from . import page
from .common import Context

WIDTHS = [5, 46, 8, 13, 13, 14, 30]
TITLE = "Perbandingan dengan Tahun Sebelumnya dan Target Renstra"


def _value(ws, r: int, c: int, v: float | None, unit: str | None, st) -> None:
    if v is None:
        ws.write_string(r, c, "-", st.center)
    elif unit == "%":
        ws.write_number(r, c, v / 100, st.pct)
    else:
        ws.write_number(r, c, v, st.num)


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "perbandingan", WIDTHS, landscape=True)
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    r = page.title(ps, ctx, TITLE.upper(), 0)
    heads = ["No", "Indikator Kinerja", "Tahun", "Target", "Realisasi", "Target Renstra",
             "Keterangan"]
    r = page.header_row(ps, ctx, r, heads)
    _, lines = perbandingan_table(s)
    for line in lines:
        # the indicator, its number and its Renstra target on its first year's row; the
        # other years' rows under it leave those cells empty
        first = r
        for year in sorted(line.years):
            t, real, unit = line.years[year]
            top = r == first
            ws.write_string(r, 0, line.no if top else "", st.center)
            ws.write_string(r, 1, line.indikator if top else "", st.text)
            ws.write_number(r, 2, year, st.center)
            _value(ws, r, 3, t, unit, st)
            _value(ws, r, 4, real, unit, st)
            if top:
                _value(ws, r, 5, *line.renstra, st)
            else:
                ws.write_blank(r, 5, None, st.center)
            note = "tahun laporan: dari Tabel Capaian" if year == s.year else ""
            ws.write_string(r, 6, note, st.text)
            ps.fit(r, (line.indikator if top else "", 1, 1), (note, 6, 6))
            r += 1
        ps.keep(first, r - 1)
    if not lines:
        ws.merge_range(r, 0, r, len(WIDTHS) - 1,
                       "Tidak ada data perbandingan pada laporan ini.", st.no_data)
        ps.set_height(r, 20)
        r += 1
    page.signature(ps, ctx, r + 2, keep_from=r - 1)
    page.finish(ps, ctx, "Tabel Perbandingan")
