"""Ringkasan: the page the reporter signs. Letterhead, the report's identity, capaian per
indicator with its predikat, the budget per program, two charts and the signature block.

Every number is the corrected figure from the Summary, written as a formula that refers to
the report table it comes from (with the value stored). No finding count and no fill that
marks an error: the check trail is the appendix.
"""

from __future__ import annotations

import datetime as dt
import math

from ... import formatting as fmt
from ...calendar import ROMAN, quarter_end, quarter_start
from ...formatting import XL_PERCENT, XL_PERCENT_WHOLE
from ...summary import graded
from ..printlayout import FONT, col_px, rows_height
from . import page
from .common import Context, formula, ratio_formula

#: No/Kode, Uraian, Target/Pagu, Realisasi, Capaian/Sisa, Predikat/Penyerapan.
WIDTHS = [8, 29, 14, 14, 13.5, 10]
#: Hidden helper column (outside the print area): the 100% line of the capaian chart.
HELPER_COL = 6
CHART_ROW_PT = 15.0
CHART_FONT = {"name": FONT, "size": 9}


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "ringkasan", WIDTHS, landscape=False)
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    last = len(WIDTHS) - 1
    r = page.kop(ps, ctx)
    q = ROMAN.get(s.quarter or 0, "?")
    heading = f"LAPORAN KINERJA TRIWULAN {q} TAHUN {s.year or '-'}"
    ws.merge_range(r, 0, r, last, heading, st.title)
    ps.fit(r, (heading, 0, last), size=12, bold=True)
    ws.merge_range(r + 1, 0, r + 1, last, s.unit.upper(), st.subtitle)
    ps.fit(r + 1, (s.unit.upper(), 0, last), bold=True)
    r += 3
    r = _identity(ps, ctx, r)
    r = _capaian(ps, ctx, r + 1)
    r = _anggaran(ps, ctx, r + 1)
    r = _charts(ps, ctx, r + 1)
    r = page.signature(ps, ctx, r + 1, keep_from=r - 1)
    ws.set_column(HELPER_COL, HELPER_COL, None, None, {"hidden": True})
    page.finish(ps, ctx, "Ringkasan")


def _identity(ps, ctx: Context, r: int) -> int:
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    ident = ctx.report.identity
    period = page.period_text(ctx)
    if s.year and s.quarter:
        period += (f" ({fmt.date(quarter_start(s.year, s.quarter))} - "
                   f"{fmt.date(quarter_end(s.year, s.quarter))})")
    sifat = (ident.sifat.display or "").strip().lower()
    q = ROMAN.get(s.quarter or 0, "?")
    sifat_text = {"kumulatif": f"Kumulatif (sampai dengan Triwulan {q})",
                  "triwulan": f"Triwulan {q} saja"}.get(sifat, sifat.capitalize() or "-")
    rows = [("Unit Kerja", s.unit), ("Periode", period), ("Sifat Data", sifat_text),
            ("Tanggal Laporan", s.report_date)]
    first = r
    last = len(WIDTHS) - 1
    for label, value in rows:
        ws.merge_range(r, 0, r, 1, label, st.label)
        ws.merge_range(r, 2, r, last, None, st.text)
        if isinstance(value, dt.date):
            ws.write_datetime(r, 2, dt.datetime(value.year, value.month, value.day), st.date)
            shown = fmt.date(value)
        else:
            shown = str(value or "-")
            ws.write_string(r, 2, shown, st.text)
        ps.fit(r, (label, 0, 1), (shown, 2, last))
        r += 1
    ps.keep(first, r - 1)
    return r


def _section(ps, ctx: Context, r: int, text: str) -> int:
    ps.ws.write_string(r, 0, text, ctx.styles.section)
    ps.set_height(r, rows_height(1, 11) + 4)
    return r + 1


def _no_data(ps, ctx: Context, r: int, text: str) -> int:
    ps.ws.merge_range(r, 0, r, len(WIDTHS) - 1, text, ctx.styles.no_data)
    ps.set_height(r, rows_height(1) + 4)
    return r + 1


def _capaian(ps, ctx: Context, r: int) -> int:
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    sec = r
    r = _section(ps, ctx, r, "A. Capaian Kinerja")
    heads = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Predikat"]
    r = page.header_row(ps, ctx, r, heads, repeat=False)
    ps.keep(sec, r + 1)
    cap = ctx.refs["capaian"]
    sheet = ctx.sheets["capaian"]
    ctx.refs["ringkasan"] = {"chart_first": r, "chart_last": r - 1}
    if not cap["rows"]:
        return _no_data(ps, ctx, r, "Tidak ada data capaian kinerja pada laporan ini.")
    for ind, tr, cap_ref in cap["rows"]:
        name = ind.indikator or ind.sasaran
        ws.write_string(r, 0, ind.no, st.center)
        ws.write_string(r, 1, name, st.text)
        pct_unit = ind.unit == "%"
        for c, v, letter, key in ((2, ind.target, "D", "target"),
                                  (3, ind.realisasi, "E", "realisasi")):
            if v is None:
                ws.write_string(r, c, "-", st.center)
            else:
                formula(ws, r, c, f"='{sheet}'!{letter}{tr + 1}",
                        st.pct if pct_unit else st.measure(graded(ind.row.get(key), v)),
                        v / 100 if pct_unit else v)
        if cap_ref:
            formula(ws, r, 4, f"='{sheet}'!{cap_ref}", st.pct_by_decimals[ind.decimals],
                    ind.capaian / 100)
        else:
            ws.write_string(r, 4, "-", st.center)
        ws.write_string(r, 5, ind.predikat or "-", st.center)
        ws.write_number(r, HELPER_COL, 1)
        ps.fit(r, (name, 1, 1), (ind.predikat, 5, 5))
        r += 1
    ctx.refs["ringkasan"]["chart_last"] = r - 1
    ws.merge_range(r, 0, r, 3, "Rata-rata capaian", st.total_text)
    if cap["avg"]:
        formula(ws, r, 4, f"='{sheet}'!{cap['avg']}", st.total_pct, s.average / 100)
    else:
        ws.write_string(r, 4, "-", st.total_text)
    ws.write_string(r, 5, s.average_predikat or "-", st.total_text)
    ps.fit(r, (s.average_predikat, 5, 5), bold=True)
    ps.keep(r - 1, r)
    return r + 1


def _anggaran(ps, ctx: Context, r: int) -> int:
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    sec = r
    r = _section(ps, ctx, r, "B. Realisasi Anggaran per Program")
    heads = ["Kode", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Penyerapan (%)"]
    r = page.header_row(ps, ctx, r, heads, repeat=False)
    ps.keep(sec, r + 1)
    ang = ctx.refs["anggaran"]
    sheet = ctx.sheets["anggaran"]
    ctx.refs["ringkasan"].update(prog_first=r, prog_last=r - 1)
    if not s.budget:
        return _no_data(ps, ctx, r, "Tidak ada data anggaran pada laporan ini.")
    for b in s.budget:
        tr = ang["rows"][id(b)] + 1
        ws.write_string(r, 0, b.code or "", st.text)
        ws.write_string(r, 1, b.name, st.text)
        for c, letter, value in ((2, "C", b.pagu), (3, "D", b.realisasi), (4, "E", b.sisa)):
            formula(ws, r, c, f"='{sheet}'!{letter}{tr}", st.amount, value or 0)
        pen = b.penyerapan
        formula(ws, r, 5, ratio_formula(sheet, tr), st.pct, pen / 100 if pen is not None else "")
        ps.fit(r, (b.name, 1, 1))
        r += 1
    ctx.refs["ringkasan"]["prog_last"] = r - 1
    tr = ang["total"] + 1
    ws.write_blank(r, 0, None, st.total_text)
    ws.write_string(r, 1, "JUMLAH", st.total_text)
    for c, letter, value in ((2, "C", s.total_pagu), (3, "D", s.total_realisasi),
                             (4, "E", s.total_pagu - s.total_realisasi)):
        formula(ws, r, c, f"='{sheet}'!{letter}{tr}", st.total_amount, value)
    formula(ws, r, 5, ratio_formula(sheet, tr), st.total_pct,
            s.penyerapan / 100 if s.penyerapan is not None else "")
    ps.set_height(r, rows_height(1))
    ps.keep(r - 1, r)
    return r + 1


def _reserve(ps, r: int, height_px: float) -> int:
    """Rows of a fixed height under a chart, kept on one page; returns the row after."""
    n = math.ceil(height_px * 72 / 96 / CHART_ROW_PT)
    for i in range(n):
        ps.set_height(r + i, CHART_ROW_PT)
    ps.keep(r, r + n - 1)
    return r + n


def _bar_chart(ctx: Context, title: str, width: int, height: int) -> object:
    """A horizontal bar chart: long indicator and program names stay readable as category
    labels in every program (a column chart rotates them, LibreOffice unreadably)."""
    ch = ctx.wb.add_chart({"type": "bar"})
    ch.set_title({"name": title, "name_font": {**CHART_FONT, "size": 11, "bold": True}})
    ch.set_x_axis({"num_format": XL_PERCENT_WHOLE, "min": 0, "num_font": CHART_FONT,
                   "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    ch.set_y_axis({"num_font": {**CHART_FONT, "size": 8}, "reverse": True})
    ch.set_size({"width": width, "height": height})
    return ch


def _charts(ps, ctx: Context, r: int) -> int:
    """Capaian of each indicator beside its 100% target, and penyerapan per program: each
    chart as wide as the printed table and kept on one page with its rows."""
    refs = ctx.refs["ringkasan"]
    name = ctx.sheets["ringkasan"]
    width = sum(col_px(w) for w in WIDTHS) - 6
    first, last = refs["chart_first"], refs["chart_last"]
    pf, pl = refs["prog_first"], refs["prog_last"]
    has_capaian = last >= first and any(
        ind.capaian is not None for ind, _, _ in ctx.refs["capaian"]["rows"])
    has_budget = pl >= pf
    if not (has_capaian or has_budget):
        return r
    heading = r
    r = _section(ps, ctx, r, "C. Grafik")
    insert = {"x_offset": 2, "y_offset": 4, "object_position": 3}
    if has_capaian:
        height = 90 + 44 * (last - first + 1)
        ch = _bar_chart(ctx, "Capaian per indikator terhadap target 100%", width, height)
        ch.add_series({"name": "Capaian", "categories": [name, first, 1, last, 1],
                       "values": [name, first, 4, last, 4], "fill": {"color": "#2E75B6"},
                       "gap": 60,
                       "data_labels": {"value": True, "num_format": XL_PERCENT,
                                       "font": CHART_FONT}})
        ch.add_series({"name": "Target", "categories": [name, first, 1, last, 1],
                       "values": [name, first, HELPER_COL, last, HELPER_COL],
                       "fill": {"color": "#BFBFBF"}})
        ch.set_legend({"position": "bottom", "font": CHART_FONT})
        ch.show_hidden_data()
        ps.ws.insert_chart(r, 0, ch, insert)
        r = _reserve(ps, r, height + 8)
        ps.keep(heading, r - 1)
    if has_budget:
        height = 80 + 30 * (pl - pf + 1)
        ch2 = _bar_chart(ctx, "Penyerapan anggaran per program", width, height)
        ch2.add_series({"name": "Penyerapan", "categories": [name, pf, 1, pl, 1],
                        "values": [name, pf, 5, pl, 5], "fill": {"color": "#548235"},
                        "data_labels": {"value": True, "num_format": XL_PERCENT,
                                        "font": CHART_FONT}})
        ch2.set_x_axis({"num_format": XL_PERCENT_WHOLE, "min": 0, "max": 1,
                        "num_font": CHART_FONT,
                        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        ch2.set_legend({"none": True})
        start = r
        ps.ws.insert_chart(r, 0, ch2, insert)
        r = _reserve(ps, r, height + 8)
        ps.keep(start if has_capaian else heading, r - 1)
    return r
