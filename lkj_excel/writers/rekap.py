"""The consolidated workbook of ``lkj rekap``, written from the SQLite store.

XlsxWriter in constant-memory mode: each sheet is streamed row by row from a query, so a
kabupaten's thousands of reports do not have to fit in memory at once. Reports are grouped
by period (year, quarter), never mixed; of two reports for the same unit and period the
latest (by report date, then file name) counts and the other is flagged, not summed twice.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sqlite3
from pathlib import Path
from typing import Any

from ..calendar import ROMAN
from .atomic import atomic_output
from .cells import write_value
from .template import FMT_AMOUNT, FMT_DATE, FMT_PERCENT

SEV_WORD = {"error": "kesalahan", "warning": "peringatan", "info": "catatan"}
#: Charts show at most this many units per period (the table beside them has all).
CHART_MAX_UNITS = 60


def _period(year: Any, quarter: Any) -> str:
    return f"{year or '?'} TW {ROMAN.get(quarter or 0, '?')}"


def _pct(points: float | None):
    return None if points is None else points / 100


def _date(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    d = dt.date.fromisoformat(text)
    return dt.datetime(d.year, d.month, d.day)


def write_rekap(con: sqlite3.Connection, paths: list[str], out: Path) -> int:
    """Write the rekap workbook for the files ``paths`` (already in the database).
    Returns the number of reports flagged as duplicates."""
    import xlsxwriter

    con.execute("DROP TABLE IF EXISTS temp.current")
    con.execute("CREATE TEMP TABLE current (path TEXT PRIMARY KEY, ord INTEGER)")
    con.executemany("INSERT OR IGNORE INTO current VALUES (?, ?)",
                    [(p, i) for i, p in enumerate(paths)])
    _choose(con)
    base = os.path.commonpath([os.path.dirname(p) for p in paths]) if paths else ""

    def show(p: str) -> str:
        try:
            return os.path.relpath(p, base) if base else p
        except ValueError:
            return p

    with atomic_output(out) as tmp:
        wb = xlsxwriter.Workbook(tmp, {"constant_memory": True, "nan_inf_to_errors": True, "strings_to_formulas": False,
                                       "strings_to_urls": False, "strings_to_numbers": False})
        wb.set_properties({"title": "Rekapitulasi Laporan Kinerja Triwulan",
                           "author": "lkj-excel"})
        f = _Formats(wb)
        dups = _sheet_units(wb, f, con, show)
        _sheet_indicators(wb, f, con, show)
        _sheet_budget(wb, f, con)
        _sheet_findings(wb, f, con, show)
        _sheet_bad(wb, f, con, show)
        _sheet_charts(wb, f, con)
        wb.worksheets()[0].activate()
        wb.close()
    return dups


def _choose(con: sqlite3.Connection) -> None:
    """temp.chosen: one row per current ok report, with the path it duplicates (if any)."""
    con.execute("DROP TABLE IF EXISTS temp.chosen")
    con.execute("""
        CREATE TEMP TABLE chosen AS
        SELECT c.path, c.ord, r.sha256, r.year, r.quarter, r.unit_key,
               ROW_NUMBER() OVER (PARTITION BY r.year, r.quarter, r.unit_key
                                  ORDER BY r.report_date DESC, c.path) AS rank
        FROM current c JOIN files f ON f.path = c.path AND f.status = 'ok'
        JOIN reports r ON r.sha256 = f.sha256
    """)
    con.execute("ALTER TABLE temp.chosen ADD COLUMN dup_of TEXT")
    con.execute("""
        UPDATE temp.chosen SET dup_of = (
            SELECT k.path FROM temp.chosen k
            WHERE k.year IS temp.chosen.year AND k.quarter IS temp.chosen.quarter
              AND k.unit_key = temp.chosen.unit_key AND k.rank = 1)
        WHERE rank > 1
    """)


class _Formats:
    def __init__(self, wb: Any):
        b = {"border": 1, "border_color": "#BFBFBF", "valign": "top"}
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.note = wb.add_format({"italic": True, "font_color": "#595959"})
        self.head = wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                                   "text_wrap": True, "align": "center", "valign": "vcenter",
                                   "border": 1})
        self.text = wb.add_format({**b})
        self.wrap = wb.add_format({**b, "text_wrap": True})
        self.amount = wb.add_format({**b, "num_format": FMT_AMOUNT})
        self.pct = wb.add_format({**b, "num_format": FMT_PERCENT})
        self.num = wb.add_format({**b, "num_format": "#,##0.##"})
        self.date = wb.add_format({**b, "num_format": FMT_DATE})
        self.ok = wb.add_format({**b, "font_color": "#006100", "bg_color": "#C6EFCE"})
        self.bad = wb.add_format({**b, "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        self.dup = wb.add_format({**b, "bg_color": "#FFEB9C"})
        self.total = wb.add_format({**b, "bold": True, "bg_color": "#F2F2F2",
                                    "num_format": FMT_AMOUNT})
        self.total_pct = wb.add_format({**b, "bold": True, "bg_color": "#F2F2F2",
                                        "num_format": FMT_PERCENT})
        self.total_text = wb.add_format({**b, "bold": True, "bg_color": "#F2F2F2"})


def _formula(ws: Any, r: int, c: int, formula: str, fmt: Any, value: Any) -> None:
    """write_formula with a stored value a spreadsheet can read (no NaN or infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        value = ""
    ws.write_formula(r, c, formula, fmt, value)


def _put(ws: Any, r: int, c: int, v: Any, fmt: Any) -> None:
    if isinstance(v, float) and not math.isfinite(v):
        v = None
    write_value(ws, r, c, v, fmt)


def _start(wb: Any, f: _Formats, name: str, title: str, note: str,
           heads: list[tuple[str, float]]) -> Any:
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, title, f.title)
    ws.write_string(1, 0, note, f.note)
    for c, (h, w) in enumerate(heads):
        ws.set_column(c, c, w)
        ws.write_string(3, c, h, f.head)
    ws.freeze_panes(4, 0)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(3)
    ws.set_footer("&L&8Rekap lkj-excel&R&8Halaman &P dari &N")
    return ws


def _sheet_units(wb: Any, f: _Formats, con: sqlite3.Connection, show) -> int:
    heads = [("No", 5), ("Periode", 12), ("Unit", 34), ("Tingkat", 10), ("Kecamatan", 14),
             ("Tanggal Laporan", 16), ("Batas", 16), ("Ketepatan Waktu", 18),
             ("Rata-rata Capaian", 12), ("Predikat", 13), ("Pagu (Rp)", 17),
             ("Realisasi (Rp)", 17), ("Penyerapan", 11), ("Kesalahan", 10), ("Peringatan", 10),
             ("Catatan", 9), ("Berkas", 36), ("Keterangan", 40)]
    ws = _start(wb, f, "Rekap Unit", "Rekapitulasi per Unit",
                "Satu baris per laporan, dikelompokkan per periode. Laporan ganda (unit dan "
                "periode sama) ditandai dan tidak dijumlahkan dua kali.", heads)
    rows = con.execute("""
        SELECT k.year, k.quarter, r.unit, r.tingkat, r.kecamatan, r.report_date, r.deadline,
               r.on_time, r.days_late, r.avg_capaian, r.predikat, r.pagu, r.realisasi,
               r.penyerapan, r.n_error, r.n_warning, r.n_info, k.path, k.dup_of
        FROM temp.chosen k JOIN reports r ON r.sha256 = k.sha256
        ORDER BY k.year, k.quarter, r.unit_key, k.rank, k.path
    """)
    r = 3
    dups = 0
    for i, row in enumerate(rows):
        (year, q, unit, tingkat, kec, rdate, due, on_time, late, avg, pred, pagu, real, pen,
         ne, nw, ni, path, dup_of) = row
        r += 1
        status = "-" if on_time is None else ("Tepat waktu" if on_time else
                                              f"Terlambat {late} hari kerja")
        note = f"GANDA: laporan yang sama dengan {show(dup_of)}" if dup_of else ""
        dups += bool(dup_of)
        vals = [i + 1, _period(year, q), unit, tingkat, kec, _date(rdate), _date(due), status,
                _pct(avg), pred, pagu, real, _pct(pen), ne, nw, ni, show(path), note]
        fmts = [f.text, f.text, f.text, f.text, f.text, f.date, f.date,
                f.ok if on_time else (f.bad if on_time == 0 else f.text), f.pct, f.text,
                f.amount, f.amount, f.pct, f.num, f.num, f.num, f.text,
                f.dup if dup_of else f.text]
        for c, (v, fm) in enumerate(zip(vals, fmts, strict=True)):
            _put(ws, r, c, v, fm)
    ws.autofilter(3, 0, max(r, 4), len(heads) - 1)
    return dups


def _sheet_indicators(wb: Any, f: _Formats, con: sqlite3.Connection, show) -> None:
    heads = [("Periode", 12), ("Unit", 30), ("No", 5), ("Indikator Kinerja", 60), ("Target", 11),
             ("Realisasi", 11), ("Satuan", 10), ("Capaian", 11), ("Predikat", 13),
             ("Berkas", 36)]
    ws = _start(wb, f, "Rekap Indikator", "Rekapitulasi Indikator Kinerja",
                "Setiap indikator setiap unit, dengan capaian yang dihitung ulang.", heads)
    rows = con.execute("""
        SELECT k.year, k.quarter, r.unit, i.no, i.indikator, i.target, i.realisasi, i.unit,
               i.capaian, i.predikat, k.path
        FROM temp.chosen k JOIN reports r ON r.sha256 = k.sha256
        JOIN indicators i ON i.sha256 = k.sha256
        WHERE k.dup_of IS NULL
        ORDER BY k.year, k.quarter, r.unit_key, i.seq
    """)
    r = 3
    for year, q, unit, no, ind, t, real, u, cap, pred, path in rows:
        r += 1
        is_pct = u == "%"
        vals = [_period(year, q), unit, no, ind, _pct(t) if is_pct else t,
                _pct(real) if is_pct else real, u, _pct(cap), pred, show(path)]
        fmts = [f.text, f.text, f.text, f.text, f.pct if is_pct else f.num,
                f.pct if is_pct else f.num, f.text, f.pct, f.text, f.text]
        for c, (v, fm) in enumerate(zip(vals, fmts, strict=True)):
            _put(ws, r, c, v, fm)
    ws.autofilter(3, 0, max(r, 4), len(heads) - 1)


def _sheet_budget(wb: Any, f: _Formats, con: sqlite3.Connection) -> None:
    heads = [("Periode", 12), ("Kode", 12), ("Program", 56), ("Unit", 30), ("Pagu (Rp)", 18),
             ("Realisasi (Rp)", 18), ("Sisa (Rp)", 18), ("Penyerapan", 11)]
    ws = _start(wb, f, "Rekap Anggaran", "Rekapitulasi Anggaran per Program",
                "Bagian 1: per program dijumlahkan atas semua unit (kolom Unit = banyaknya "
                "unit). Bagian 2: per unit. Laporan ganda tidak dihitung.", heads)
    r = 3
    period = None
    first = None
    rows = con.execute("""
        SELECT k.year, k.quarter, COALESCE(b.code, ''), MIN(b.name),
               COUNT(DISTINCT k.sha256), SUM(b.pagu), SUM(b.realisasi)
        FROM temp.chosen k JOIN budget b ON b.sha256 = k.sha256
        WHERE k.dup_of IS NULL
        GROUP BY k.year, k.quarter, COALESCE(b.code, lower(b.name))
        ORDER BY k.year, k.quarter, COALESCE(b.code, ''), MIN(b.name)
    """).fetchall()

    def close_period(r: int) -> int:
        if period is None or first is None:
            return r
        r += 1
        ws.write_string(r, 0, period, f.total_text)
        ws.write_string(r, 1, "", f.total_text)
        ws.write_string(r, 2, "JUMLAH", f.total_text)
        ws.write_string(r, 3, "", f.total_text)
        sums = [0.0, 0.0]
        for rr in per_period_rows:
            sums[0] += rr[0]
            sums[1] += rr[1]
        for c, letter, v in ((4, "E", sums[0]), (5, "F", sums[1]), (6, "G", sums[0] - sums[1])):
            _formula(ws, r, c, f"=SUM({letter}{first + 1}:{letter}{r})", f.total, v)
        n = r + 1
        _formula(ws, r, 7, f'=IF(E{n}=0,"",F{n}/E{n})', f.total_pct,
                 sums[1] / sums[0] if sums[0] else "")
        return r + 1

    per_period_rows: list[tuple[float, float]] = []
    for year, q, code, name, n_units, pagu, real in rows:
        p = _period(year, q)
        if p != period:
            r = close_period(r)
            period, first, per_period_rows = p, r + 1, []
        r += 1
        pagu, real = pagu or 0.0, real or 0.0
        per_period_rows.append((pagu, real))
        n = r + 1
        for c, (v, fm) in enumerate(((p, f.text), (code, f.text), (name, f.wrap),
                                     (n_units, f.num), (pagu, f.amount), (real, f.amount))):
            _put(ws, r, c, v, fm)
        _formula(ws, r, 6, f"=E{n}-F{n}", f.amount, pagu - real)
        _formula(ws, r, 7, f'=IF(E{n}=0,"",F{n}/E{n})', f.pct, real / pagu if pagu else "")
    r = close_period(r)
    r += 2
    ws.write_string(r, 0, "Per unit", f.title)
    r += 1
    for c, (h, _) in enumerate(heads):
        ws.write_string(r, c, h, f.head)
    rows = con.execute("""
        SELECT k.year, k.quarter, b.code, b.name, r.unit, b.pagu, b.realisasi, b.sisa,
               b.penyerapan
        FROM temp.chosen k JOIN reports r ON r.sha256 = k.sha256
        JOIN budget b ON b.sha256 = k.sha256
        WHERE k.dup_of IS NULL
        ORDER BY k.year, k.quarter, r.unit_key, b.seq
    """)
    for year, q, code, name, unit, pagu, real, sisa, pen in rows:
        r += 1
        vals = [(_period(year, q), f.text), (code or "", f.text), (name, f.wrap),
                (unit, f.text), (pagu, f.amount), (real, f.amount), (sisa, f.amount),
                (_pct(pen), f.pct)]
        for c, (v, fm) in enumerate(vals):
            _put(ws, r, c, v, fm)


def _sheet_findings(wb: Any, f: _Formats, con: sqlite3.Connection, show) -> None:
    heads = [("Berkas", 34), ("Unit", 26), ("Periode", 11), ("Aturan", 8), ("Tingkat", 11),
             ("Sheet", 13), ("Sel", 9), ("Tertulis", 18), ("Seharusnya", 18), ("Pesan", 80)]
    ws = _start(wb, f, "Temuan", "Semua Temuan",
                "Setiap temuan setiap berkas, dengan berkas asalnya.", heads)
    rows = con.execute("""
        SELECT k.path, r.unit, k.year, k.quarter, x.rule, x.severity, x.sheet, x.cell,
               x.found, x.expected, x.message
        FROM temp.chosen k JOIN reports r ON r.sha256 = k.sha256
        JOIN findings x ON x.sha256 = k.sha256
        ORDER BY k.ord, x.seq
    """)
    r = 3
    for path, unit, year, q, rule, sev, sheet, cell, found, exp, msg in rows:
        r += 1
        vals = [show(path), unit, _period(year, q), rule, SEV_WORD.get(sev, sev), sheet, cell,
                found, exp, msg]
        for c, v in enumerate(vals):
            _put(ws, r, c, v, f.text)
    ws.autofilter(3, 0, max(r, 4), len(heads) - 1)


def _sheet_bad(wb: Any, f: _Formats, con: sqlite3.Connection, show) -> None:
    heads = [("No", 5), ("Berkas", 50), ("Alasan", 100)]
    ws = _start(wb, f, "Berkas Bermasalah", "Berkas yang Tidak Dapat Direkap",
                "Berkas ini tidak ikut dijumlahkan. Perbaiki lalu jalankan rekap lagi.", heads)
    rows = con.execute("""
        SELECT c.path, COALESCE(fl.reason, 'Berkas tidak diproses.')
        FROM current c LEFT JOIN files fl ON fl.path = c.path
        WHERE fl.status IS NULL OR fl.status != 'ok'
        ORDER BY c.ord
    """)
    r = 3
    for i, (path, reason) in enumerate(rows):
        r += 1
        _put(ws, r, 0, i + 1, f.text)
        _put(ws, r, 1, show(path), f.text)
        _put(ws, r, 2, reason, f.wrap)


def _sheet_charts(wb: Any, f: _Formats, con: sqlite3.Connection) -> None:
    ws = wb.add_worksheet("Grafik")
    ws.write_string(0, 0, "Grafik per Periode", f.title)
    ws.write_string(1, 0, f"Penyerapan anggaran dan rata-rata capaian per unit (paling banyak "
                          f"{CHART_MAX_UNITS} unit per periode; laporan ganda tidak dihitung).",
                    f.note)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 2, 13)
    periods = con.execute("""
        SELECT DISTINCT year, quarter FROM temp.chosen WHERE dup_of IS NULL
        ORDER BY year, quarter
    """).fetchall()
    r = 3
    for year, q in periods[:8]:
        rows = con.execute("""
            SELECT r.unit, r.penyerapan, r.avg_capaian
            FROM temp.chosen k JOIN reports r ON r.sha256 = k.sha256
            WHERE k.dup_of IS NULL AND k.year IS ? AND k.quarter IS ?
            ORDER BY r.unit_key LIMIT ?
        """, (year, q, CHART_MAX_UNITS)).fetchall()
        if not rows:
            continue
        ws.write_string(r, 0, f"Periode {_period(year, q)}", f.title)
        r += 1
        for c, h in enumerate(("Unit", "Penyerapan", "Rata-rata Capaian")):
            ws.write_string(r, c, h, f.head)
        first = r + 1
        for unit, pen, cap in rows:
            r += 1
            _put(ws, r, 0, unit, f.text)
            _put(ws, r, 1, _pct(pen), f.pct)
            _put(ws, r, 2, _pct(cap), f.pct)
        last = r
        height = 1 + 0.06 * len(rows)
        for k, (col, title, color) in enumerate(((1, "Penyerapan anggaran per unit", "#548235"),
                                                 (2, "Rata-rata capaian per unit", "#2E75B6"))):
            ch = wb.add_chart({"type": "bar"})
            ch.add_series({"name": title, "categories": ["Grafik", first, 0, last, 0],
                           "values": ["Grafik", first, col, last, col],
                           "fill": {"color": color},
                           "data_labels": {"value": True, "num_format": "0.0%"}})
            ch.set_title({"name": f"{title} ({_period(year, q)})"})
            ch.set_x_axis({"num_format": "0%", "min": 0})
            ch.set_legend({"none": True})
            ws.insert_chart(first - 1, 4 + 9 * k, ch, {"x_scale": 1.2, "y_scale": height})
        r = max(r, first + int(15 * height)) + 3


__all__ = ["write_rekap"]
