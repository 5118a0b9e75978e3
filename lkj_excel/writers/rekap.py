"""The consolidated workbook of ``lkj rekap``, written from the store.

First a plan (pandas, one row per input report, small even for thousands of reports):
which unit of the office's list each report belongs to, when it was received, which
report counts for each unit and period (a revision replaces the earlier report by a stated
rule) and whether the unit reported on time. Then XlsxWriter in constant-memory mode writes
each sheet, streaming the large ones (indicators, findings) from the store.

Every sheet prints on A4 landscape, fitted to the page width at a readable size, with its
header rows repeated on every page and row heights set for wrapped text (LibreOffice and
WPS do not grow rows by themselves). Each chart is sized to one page and has a page break
before it; a chart is drawn only where it compares at least two units.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from ..calendar import ROMAN
from .cells import (
    _KNOWN,
    EXCEL_LEAP_BUG,
    FastWorksheet,
    blank_xml,
    inline_text,
    number_xml,
    write_value,
)
from .printlayout import byte_tables, table_units

SEV_WORD = {"error": "kesalahan", "warning": "peringatan", "info": "catatan"}
FMT_AMOUNT = "#,##0"
FMT_PERCENT = "0.00%"
FMT_DATE = "[$-421]d mmm yyyy;@"
FMT_DATE_LONG = "[$-421]d mmmm yyyy;@"
FONT = "Arial"  # Liberation Sans in LibreOffice has the same metrics, so rows fit alike
BODY_PT = 9
#: Line height in points for the body font.
LINE_PT = 11.5
#: Charts show at most this many units (the table beside them has all).
CHART_MAX_UNITS = 40
#: Chart size in pixels: one A4 landscape page at 100% with the margins below.
CHART_W, CHART_H = 1000, 610
CHART_PAGE_ROWS = 34  # rows of 20 px from one chart's page break to the next


@dataclass
class WriteStats:
    counted: int = 0
    superseded: int = 0
    missing: int = 0
    probable: int = 0


def _period(year: Any, quarter: Any) -> str:
    y = None if _na(year) else int(year)
    q = None if _na(quarter) else int(quarter)
    return f"{y or '?'} TW {ROMAN.get(q or 0, '?')}"


def _na(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, pd.NA raises
    except TypeError:
        return True


def _py(v: Any) -> Any:
    """A pandas/numpy value as a plain Python value (None for every kind of missing)."""
    if v is None:
        return None
    t = type(v)
    if t is str or t is int:
        return v
    if t is float:
        return None if v != v else v
    try:
        import pandas as pd

        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def _date(text: Any) -> dt.date | None:
    if text is None or isinstance(text, float):
        return None
    if isinstance(text, dt.date):
        return text
    return dt.date.fromisoformat(str(text))


def _pct(points: Any) -> float | None:
    v = _py(points)
    return None if v is None else v / 100


def _date_id(d: dt.date | None) -> str:
    from ..parsing import format_date_id

    return format_date_id(d)


# ---------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------


@dataclass
class Plan:
    reports: Any                      # DataFrame: every current ok input, with the decision
    counted: Any                      # DataFrame: the reports that count, in sheet order
    superseded: Any                   # DataFrame: the reports replaced by another
    bad: list[tuple[str, str]]
    missing: list[tuple[str, str, str, str]] = field(default_factory=list)
    trend: Any = None                 # DataFrame: unit x period values (counted + history)
    base: str = ""
    units_given: bool = False
    deadlines: dict[tuple[int, int], dt.date] = field(default_factory=dict)
    #: index of a counted report -> how many reports its unit and period had (itself too)
    replaced: dict[int, int] = field(default_factory=dict)
    #: path -> as shown (relative to ``base``), computed once per file
    _shown: dict[str, str] = field(default_factory=dict, repr=False)
    #: sortkey -> the counted report's row (_by_sortkey), made once for the sheets
    _by_sortkey: dict[int, Any] | None = field(default=None, repr=False)

    def show(self, p: str) -> str:
        shown = self._shown.get(p)
        if shown is None:
            try:
                shown = os.path.relpath(p, self.base) if self.base else p
            except ValueError:
                shown = p
            self._shown[p] = shown
        return shown


META_COLS = ("report_key", "unit", "unit_key", "tingkat", "kecamatan", "year", "quarter",
             "revisi", "report_date", "deadline", "on_time", "days_late", "avg_capaian",
             "predikat", "pagu", "realisasi", "penyerapan", "n_error", "n_warning", "n_info",
             "settings_diff", "sha256")


def build_plan(store: Any, current: Sequence[Any], office: Any, settings_key: str,
               units: Any) -> Plan:
    import pandas as pd

    paths = [c.path for c in current]
    base = os.path.commonpath([os.path.dirname(p) for p in paths]) if paths else ""
    ok = [c for c in current if c.status == "ok"]
    store.temp_table("cur_keys", "report_key TEXT PRIMARY KEY",
                     sorted({(c.report_key,) for c in ok}))
    rows = store.query(f"SELECT {', '.join('r.' + c for c in META_COLS)} FROM reports r "
                       "JOIN cur_keys k ON k.report_key = r.report_key")
    meta = pd.DataFrame(rows, columns=list(META_COLS))
    cur = pd.DataFrame([(c.ord, c.path, c.report_key) for c in ok],
                       columns=["ord", "path", "report_key"])
    rep = cur.merge(meta, on="report_key", how="left")
    bad = [(c.path, c.reason or "Berkas tidak diproses.") for c in current if c.status != "ok"]
    gone = rep["unit_key"].isna() & rep["unit"].isna()
    for p in rep.loc[gone, "path"]:
        bad.append((p, "Data berkas ini dihapus oleh rekap lain yang berjalan bersamaan; "
                       "jalankan rekap lagi."))
    rep = rep.loc[~gone].copy()
    for col in ("year", "quarter", "revisi", "n_error", "n_warning", "n_info", "on_time",
                "days_late"):
        rep[col] = pd.array(rep[col].tolist(), dtype="Int64") if len(rep) else \
            pd.Series(dtype="Int64")
    for col in ("avg_capaian", "pagu", "realisasi", "penyerapan"):
        rep[col] = pd.to_numeric(rep[col], errors="coerce").astype("float64")
    rep["report_date"] = rep["report_date"].map(_date)
    rep["deadline"] = rep["deadline"].map(_date)
    rep["base_name"] = rep["path"].map(lambda p: Path(p).name)
    _match_units(rep, units)
    _receipts(rep, units)
    _choose(rep)
    _timeliness(rep, office)
    rep["period"] = [_period(y, q) for y, q in zip(rep["year"], rep["quarter"], strict=True)]
    counted = rep[rep["counted"].astype(bool)].copy()
    counted["_y"] = counted["year"].fillna(9999)
    counted["_q"] = counted["quarter"].fillna(9)
    counted = counted.sort_values(["_y", "_q", "tingkat", "ukey", "ord"], kind="stable")
    counted["sortkey"] = range(len(counted))
    superseded = rep[~rep["counted"].astype(bool)].sort_values(["ord"], kind="stable")
    order = {p: i for i, p in enumerate(paths)}
    plan = Plan(rep, counted, superseded, sorted(bad, key=lambda b: order.get(b[0], 0)),
                base=base, units_given=units is not None)
    for (y, q), d in counted.groupby(["_y", "_q"])["deadline"].first().items():
        if d is not None and not _na(d):
            plan.deadlines[(int(y), int(q))] = d
    plan.replaced = rep["winner"].value_counts().to_dict() if len(rep) else {}
    plan.missing = _missing(counted, rep, units)
    plan.trend = _trend(store, counted, settings_key, units)
    return plan


def _match_units(rep: Any, units: Any) -> None:
    """ukey (who the report is from), the name shown, and how it was matched."""
    from ..daftar_unit import unit_key

    names, keys, how, sugg, score = [], [], [], [], []
    cache: dict[str, Any] = {}
    for typed in rep["unit"].fillna(""):
        if units is None:
            names.append(typed)
            keys.append(unit_key(typed))
            how.append("")
            sugg.append(None)
            score.append(None)
            continue
        m = cache.get(typed)
        if m is None:
            m = cache[typed] = units.match(typed)
        if m.unit is not None:
            names.append(m.unit.name)
            keys.append(unit_key(m.unit.name))
            how.append(m.how)
            sugg.append(None)
            score.append(None)
        else:
            names.append(typed)
            keys.append(unit_key(typed))
            how.append("tidak ada")
            sugg.append(m.suggestion.name if m.suggestion else None)
            score.append(m.score if m.suggestion else None)
    rep["unit_name"] = names
    rep["ukey"] = keys
    rep["match"] = how
    rep["suggestion"] = sugg
    rep["score"] = score


def _receipts(rep: Any, units: Any) -> None:
    """The received date of each file: a receipt naming the file, else the unit's receipts
    for the period (the earliest to the earliest sending: revisi, then report date)."""
    rep["received"] = None
    if units is None or not units.receipts or rep.empty:
        return
    from ..calendar import quarter_end
    from ..daftar_unit import unit_key

    by_file = {r.berkas.lower(): r for r in units.receipts if r.berkas}
    pool: dict[tuple[str, int, int], list[dt.date]] = {}
    for r in units.receipts:
        if r.berkas:
            continue
        y, q = r.year, r.quarter
        if y is None or q is None:  # the last quarter that ended before the date
            d = r.received
            y, q = d.year, (d.month - 1) // 3
            if q == 0:
                y, q = y - 1, 4
            while quarter_end(y, q) >= d:
                y, q = (y, q - 1) if q > 1 else (y - 1, 4)
        pool.setdefault((unit_key(r.unit.name), y, q), []).append(r.received)
    received: dict[int, dt.date] = {}
    for idx, name in rep["base_name"].items():
        hit = by_file.get(name.lower())
        if hit:
            received[idx] = hit.received
    order = rep.assign(_r=rep["revisi"].fillna(0), _d=rep["report_date"].map(
        lambda d: d or dt.date.min)).sort_values(["_r", "_d", "ord"], kind="stable")
    for (ukey, y, q), grp in order.groupby(["ukey", "year", "quarter"], sort=False):
        dates = sorted(pool.get((ukey, int(y), int(q)), []))
        free = [i for i in grp.index if i not in received]
        for i, d in zip(free, dates, strict=False):
            received[i] = d
    rep["received"] = [received.get(i) for i in rep.index]


def _choose(rep: Any) -> None:
    """Per unit and period the report that counts: the highest "Revisi ke-", then the
    latest report date, then the latest received date, then the file name. The others are
    superseded, with the reason."""
    if rep.empty:
        rep["counted"] = []
        rep["winner"] = []
        rep["why"] = []
        return
    ordered = rep.assign(
        _r=rep["revisi"].fillna(0).astype("int64"),
        _d=rep["report_date"].map(lambda d: (d or dt.date.min).toordinal()),
        _e=rep["received"].map(lambda d: (d or dt.date.min).toordinal()),
        _y=rep["year"].fillna(-1), _q=rep["quarter"].fillna(-1),
    ).sort_values(["ukey", "_y", "_q", "_r", "_d", "_e", "path"],
                  ascending=[True, True, True, False, False, False, True], kind="stable")
    first = ordered.groupby(["ukey", "_y", "_q"], sort=False).cumcount() == 0
    rep["counted"] = first.reindex(rep.index)
    winner_idx = ordered.index.to_series().where(first).ffill()
    rep["winner"] = winner_idx.reindex(rep.index).astype("int64")
    why = []
    for i, counted, winner in zip(rep.index, rep["counted"], rep["winner"], strict=True):
        # only a superseded report's row is looked up (a Series per row cost the most)
        why.append(None if counted else _why(rep.loc[i], rep.loc[winner]))
    rep["why"] = why


def _why(row: Any, w: Any) -> str:
    r_old, r_new = _py(row["revisi"]) or 0, _py(w["revisi"]) or 0
    if row["report_key"] == w["report_key"]:
        return "Isi berkas sama persis dengan berkas yang dihitung; dihitung sekali."
    if r_new > r_old:
        return (f"Diganti oleh revisi ke-{r_new} (berkas ini "
                + (f"revisi ke-{r_old}" if r_old else "laporan pertama") + ").")
    d_old, d_new = row["report_date"], w["report_date"]
    if d_new and (not d_old or d_new > d_old):
        return (f"Diganti oleh laporan bertanggal lebih baru ({_date_id(d_new)}; berkas ini "
                f"{_date_id(d_old) if d_old else 'tanpa tanggal'}).")
    e_old, e_new = row["received"], w["received"]
    if e_new and (not e_old or e_new > e_old):
        return (f"Diganti oleh kiriman yang diterima lebih akhir ({_date_id(e_new)}; berkas "
                f"ini {_date_id(e_old) if e_old else 'tanpa tanggal diterima'}).")
    return ("Revisi, tanggal laporan dan tanggal diterima sama dengan berkas lain; yang "
            "dihitung dipilih menurut nama berkas. Periksa mana yang benar dan isi 'Revisi "
            "ke-' di sheet Identitas.")


def _timeliness(rep: Any, office: Any) -> None:
    """On time or late by the first sending of each unit and period: its received date
    where known, else its report date. A revision asked for by the office does not make an
    on-time report late."""
    from ..calendar import working_days_between

    rep["eff_date"] = [r if r else d for r, d in zip(rep["received"], rep["report_date"],
                                                     strict=True)]
    rep["by_received"] = rep["received"].map(bool)
    status, late, first_note = [], [], []
    groups = rep.groupby(["ukey", rep["year"].fillna(-1), rep["quarter"].fillna(-1)],
                         sort=False).groups
    # plain dicts: a pandas .at lookup per report and column cost more than the rest
    eff = dict(zip(rep.index, rep["eff_date"], strict=True))
    order = dict(zip(rep.index, rep["ord"], strict=True))
    first_of: dict[int, int] = {}
    for idx in groups.values():
        dated = [i for i in idx if eff[i]]
        if dated:
            f = min(dated, key=lambda i: (eff[i], order[i]))
            for i in idx:
                first_of[i] = f
    extra = tuple(getattr(office, "extra_holidays", ()) or ())
    for i, due in zip(rep.index, rep["deadline"], strict=True):
        f = first_of.get(i)
        if f is None or not due:
            status.append(None)
            late.append(None)
            first_note.append(None)
            continue
        d = eff[f]
        if d <= due:
            status.append(1)
            late.append(0)
        else:
            status.append(0)
            late.append(working_days_between(due, d, extra))
        first_note.append(f if f != i else None)
    rep["on_time_eff"] = status
    rep["days_late_eff"] = late
    rep["first_sending"] = first_note


def _missing(counted: Any, rep: Any, units: Any) -> list[tuple[str, str, str, str]]:
    """(period, unit, tingkat, note) for each unit of the list without a counted report in
    a period of the rekap (for a unit whose tingkat the list gives, a period in which units
    of that tingkat reported)."""
    if units is None:
        return []
    from ..daftar_unit import unit_key

    seen = [(int(y), int(q), t) for y, q, t in zip(counted["year"], counted["quarter"],
                                                   counted["tingkat"], strict=True)
            if not _na(y) and not _na(q)]
    periods = sorted({(y, q) for y, q, _t in seen})
    of_tingkat = {(y, q, t) for y, q, t in seen}
    have = {(k, int(y), int(q)) for k, y, q in zip(counted["ukey"], counted["year"],
                                                   counted["quarter"], strict=True)
            if not _na(y) and not _na(q)}
    out = []
    for y, q in periods or [(None, None)]:
        for u in units.units:
            k = unit_key(u.name)
            if (k, y, q) in have:
                continue
            if y is not None and u.tingkat and (y, q, u.tingkat) not in of_tingkat:
                continue
            notes = []
            maybe = rep[(rep["suggestion"] == u.name) & (rep["year"] == y)
                        & (rep["quarter"] == q)] if y is not None else rep.iloc[0:0]
            for _i, m in maybe.iterrows():
                notes.append(f"Mungkin laporan bernama '{m['unit']}' (berkas "
                             f"{Path(m['path']).name}, kemiripan {m['score']:.0f}%): bila "
                             "benar, tambahkan nama itu sebagai alias unit ini di daftar unit.")
            for r in units.receipts:
                if r.unit is u and r.year == y and r.quarter == q:
                    notes.append(f"Menurut daftar unit diterima {_date_id(r.received)}, tetapi "
                                 "berkasnya tidak ada di antara masukan rekap.")
            out.append((_period(y, q) if y else "-", u.name, u.tingkat or "", " ".join(notes)))
    return out


def _trend(store: Any, counted: Any, settings_key: str, units: Any) -> Any:
    """Per unit and period: rata-rata capaian and penyerapan, from the reports of this run
    and, where the database holds them, earlier runs (other quarters and years)."""
    import pandas as pd

    cols = ["ukey", "unit_name", "tingkat", "year", "quarter", "avg_capaian", "penyerapan"]
    now = counted[cols].copy()
    now["source"] = "rekap ini"
    keys = set(counted["report_key"])
    rows = store.query(
        "SELECT r.report_key, r.unit, r.tingkat, r.year, r.quarter, r.revisi, r.report_date, "
        "r.avg_capaian, r.penyerapan FROM reports r WHERE r.settings_key = ? AND "
        "r.year IS NOT NULL AND r.quarter IS NOT NULL AND EXISTS (SELECT 1 FROM files f "
        "WHERE f.report_key = r.report_key AND f.status = 'ok')", (settings_key,))
    hist = pd.DataFrame([r for r in rows if r[0] not in keys],
                        columns=["report_key", "unit", "tingkat", "year", "quarter", "revisi",
                                 "report_date", "avg_capaian", "penyerapan"])
    if not hist.empty:
        hist["path"] = ""
        hist["received"] = None
        hist["report_date"] = hist["report_date"].map(_date)
        _match_units(hist, units)
        hist = hist[hist["ukey"].isin(set(counted["ukey"]))]
        hist = hist.assign(_r=hist["revisi"].fillna(0),
                           _d=hist["report_date"].map(lambda d: (d or dt.date.min).toordinal()))
        hist = hist.sort_values(["_r", "_d"], ascending=False, kind="stable")
        hist = hist.drop_duplicates(["ukey", "year", "quarter"])
        names = dict(zip(counted["ukey"], counted["unit_name"], strict=True))
        hist["unit_name"] = hist["ukey"].map(names)
        hist["source"] = "rekap sebelumnya"
        now = pd.concat([now, hist[cols + ["source"]]], ignore_index=True)
        now = now.drop_duplicates(["ukey", "year", "quarter"], keep="first")
    now = now.dropna(subset=["year", "quarter"])
    now["year"] = now["year"].astype("int64")
    now["quarter"] = now["quarter"].astype("int64")
    return now


# ---------------------------------------------------------------------------------------
# Formats and sheet scaffolding
# ---------------------------------------------------------------------------------------


class _Formats:
    def __init__(self, wb: Any):
        base = {"font_name": FONT, "font_size": BODY_PT}
        b = {**base, "border": 1, "border_color": "#A6A6A6", "valign": "top"}
        self.title = wb.add_format({**base, "bold": True, "font_size": 13})
        self.section = wb.add_format({**base, "bold": True, "font_size": 11,
                                      "font_color": "#1F4E78"})
        self.note = wb.add_format({**base, "italic": True, "font_color": "#404040",
                                   "text_wrap": True, "valign": "top"})
        self.plain = wb.add_format({**base, "text_wrap": True, "valign": "top"})
        self.blank = wb.add_format({**base})
        self.head = wb.add_format({**base, "bold": True, "bg_color": "#1F4E78",
                                   "font_color": "#FFFFFF", "text_wrap": True,
                                   "align": "center", "valign": "vcenter", "border": 1})
        self.text = wb.add_format({**b, "text_wrap": True})
        self.center = wb.add_format({**b, "align": "center"})
        self.amount = wb.add_format({**b, "num_format": FMT_AMOUNT})
        self.pct = wb.add_format({**b, "num_format": FMT_PERCENT})
        self.num = wb.add_format({**b, "num_format": "#,##0.##"})
        self.int = wb.add_format({**b, "num_format": "0", "align": "center"})
        self.date = wb.add_format({**b, "num_format": FMT_DATE})
        self.ok = wb.add_format({**b, "text_wrap": True, "font_color": "#006100",
                                 "bg_color": "#C6EFCE"})
        self.bad = wb.add_format({**b, "text_wrap": True, "font_color": "#9C0006",
                                  "bg_color": "#FFC7CE"})
        self.warn = wb.add_format({**b, "text_wrap": True, "bg_color": "#FFEB9C"})
        tot = {**b, "bold": True, "bg_color": "#E7E6E6"}
        self.total = wb.add_format({**tot, "num_format": FMT_AMOUNT})
        self.total_pct = wb.add_format({**tot, "num_format": FMT_PERCENT})
        self.total_text = wb.add_format({**tot, "text_wrap": True})


@dataclass
class Col:
    header: str
    width: float
    fmt: str = "text"  # attribute of _Formats
    wrap: bool = False


# Advance widths of Arial (Helvetica metrics, 1/1000 em): wrapped text is measured, not
# counted in characters, so that a row is as tall as LibreOffice and Excel will draw it.
_W_LOWER = dict(zip("abcdefghijklmnopqrstuvwxyz",
                    (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
                     556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500), strict=True))
_W_UPPER = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
                     778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611), strict=True))
_W_OTHER = {" ": 278, ".": 278, ",": 278, ":": 278, ";": 278, "-": 333, "(": 333, ")": 333,
            "/": 278, "'": 191, '"': 355, "%": 889, "!": 278, "?": 556, "_": 556, "&": 667,
            "[": 278, "]": 278}
CHAR_W = {**_W_LOWER, **_W_UPPER, **_W_OTHER, **{d: 556 for d in "0123456789"}}


def _text_px(text: str, pt: float = BODY_PT) -> float:
    return _text_units(text) * pt * 96 / 72 / 1000


_CHAR_W_GET = CHAR_W.get
#: CHAR_W as printlayout's byte tables (600 for any character it does not name).
_CHAR_W_TABLES = byte_tables(tuple(CHAR_W.get(chr(c), 600) for c in range(32, 127)), 600)


def _text_units(text: str) -> int:
    """CHAR_W's widths of ``text``'s characters added up (600 for any other): a Latin-1
    text in C (printlayout.table_units), others a character at a time."""
    units = table_units(text, _CHAR_W_TABLES)
    return sum(map(_CHAR_W_GET, text, repeat(600))) if units is None else units


#: Each word's width in pixels, by type size, as _lines measured it (a rekap's wrapped
#: texts are mostly messages made of the same words); forgotten when it holds
#: WORDS_KEPT words.
_WORD_PX: dict[float, dict[str, float]] = {}
WORDS_KEPT = 1 << 16


@lru_cache(maxsize=4096)
def _lines(text: Any, width: float, pt: float = BODY_PT) -> int:
    """Lines a wrapped cell of ``width`` (Excel width units) needs for ``text``: words are
    wrapped at spaces as the spreadsheet does; a word wider than the cell is broken."""
    if text is None or text == "":
        return 1
    avail = width * 7 + 5 - 6  # Calibri-11 width units to pixels, less the cell padding
    text = str(text)
    if "\n" not in text and _text_px(text, pt) < avail * (1 - 1e-9):
        return 1  # the whole text fits on one line (the loop below would say so, slower)
    space = _text_px(" ", pt)
    known = _WORD_PX.setdefault(pt, {})
    if len(known) >= WORDS_KEPT:
        known.clear()
    width_of = known.get
    n = 0
    for para in text.split("\n"):
        n += 1
        line = 0.0
        for word in para.split(" "):
            w = width_of(word)
            if w is None:
                w = known[word] = _text_px(word, pt)
            if line and line + space + w > avail:
                n += 1
                line = w
            else:
                line += w + (space if line else 0)
            while line > avail:  # a word wider than the cell
                n += 1
                line -= avail
    return n


def _height(lines: int) -> float:
    return LINE_PT * max(1, lines) + 3


class _Sheet:
    """A worksheet with a title, a note, one header row and rows with fitted heights."""

    def __init__(self, wb: Any, f: _Formats, name: str, title: str, note: str,
                 cols: Sequence[Col], header_row: int | None = 3):
        self.ws = ws = wb.add_worksheet(name)
        self.f = f
        self.cols = list(cols)
        self.name = name
        self._layouts: dict[Any, tuple[Any, list[float], list[Any]]] = {}
        width = sum(c.width for c in self.cols)
        ws.set_row(0, 20)
        ws.write_string(0, 0, title, f.title)
        if note:
            ws.set_row(1, _height(_lines(note, width)))
            if len(self.cols) > 1:
                ws.merge_range(1, 0, 1, len(self.cols) - 1, note, f.note)
            else:
                ws.write_string(1, 0, note, f.note)
        for c, col in enumerate(self.cols):
            ws.set_column(c, c, col.width)
        self.row = 2
        if header_row is not None:
            self.header(header_row)
            ws.freeze_panes(header_row + 1, 0)
            ws.repeat_rows(header_row)
        _page(ws, name)

    def header(self, r: int, cols: Sequence[Col] | None = None) -> None:
        cols = list(cols or self.cols)
        lines = max(_lines(c.header, c.width) for c in cols)
        self.ws.set_row(r, _height(lines))
        for c, col in enumerate(cols):
            if col.fmt == "blank":
                continue  # a gap between two tables
            self.ws.write_string(r, c, col.header, self.f.head)
        self.row = r

    def put(self, values: Sequence[Any], fmts: Sequence[Any] | None = None,
            cols: Sequence[Col] | None = None) -> int:
        """Write the next row; returns its 0-based index."""
        wrap, defaults = self._layout(cols)
        self.row += 1
        r = self.row
        lines = 1
        for width, v in zip(wrap, values, strict=False):
            if width and isinstance(v, str):
                n = _lines(v, width)
                if n > lines:
                    lines = n
        height = _height(lines) if lines > 1 else None
        if not (_ROW_CELLS and self._put_row(r, values, fmts, defaults, height)):
            if height is not None:
                self.ws.set_row(r, height)
            self._put_cells(r, values, fmts, defaults)
        return r

    def _put_cells(self, r: int, values: Sequence[Any], fmts: Sequence[Any] | None,
                   defaults: list[Any]) -> None:
        """put()'s cells through XlsxWriter's write methods, one by one."""
        for c, (v, fm) in enumerate(zip(values, defaults, strict=False)):
            _put(self.ws, r, c, v, fmts[c] if fmts is not None and fmts[c] is not None
                 else fm)

    def _put_row(self, r: int, values: Sequence[Any], fmts: Sequence[Any] | None,
                 defaults: list[Any], height: float | None = None) -> bool:
        """put()'s cells made as XlsxWriter's write_string, write_number and write_blank
        make them (the same cells as _put_cells), handed to the worksheet at once
        (RekapWorksheet.put_row): the checks those methods repeat for every cell are made
        once a row. A value they would not take as it is (a long text, a date before
        March 1900 or in a format without its index yet, NaN) is written by itself
        afterwards. False, writing nothing, when the worksheet does not
        take the row so.

        A formatted cell whose format already has its index (every format after the
        sheet's first rows) is made as the XML element XlsxWriter would write for it
        (writers.cells: number_xml, blank_xml, inline_text), here, in one step,
        instead of a record that the worksheet turns into that element when the row is
        written out: on a 1.000-report rekap, 290.000 cells. A format without its index
        yet keeps the record, so that formats get their indices in XlsxWriter's order."""
        text_cell, number_cell, blank_cell = _ROW_CELLS
        letters = _letters(len(values))
        row_no = str(r + 1)
        cells: list[tuple[int, Any]] = []
        other: list[tuple[int, Any, Any]] = []
        for c, (v, fm) in enumerate(zip(values, defaults, strict=False)):
            if fmts is not None and fmts[c] is not None:
                fm = fmts[c]
            xf = None if fm is None else fm.xf_index
            t = type(v)
            if t is str and v:
                if len(v) >= LONG_TEXT:  # XlsxWriter measures it and may cut it
                    other.append((c, v, fm))
                elif xf is not None and (inline := inline_text(v)) is not None:
                    cells.append((c, f'<c r="{letters[c]}{row_no}" s="{xf}"{inline}'))
                else:
                    cells.append((c, text_cell(v, fm)))
            elif v is None or t is str:
                if fm is not None:  # a blank cell without a format is not written
                    cells.append((c, blank_cell(fm) if xf is None else
                                  blank_xml(letters[c] + row_no, xf)))
            elif t is int or (t is float and math.isfinite(v)):
                cells.append((c, number_cell(v, fm) if xf is None else
                              number_xml(letters[c] + row_no, xf, v)))
            elif t is dt.date and xf is not None and v >= SERIAL_DATES_FROM:
                # write_value's date: the number cell of XlsxWriter's serial for it, as
                # its write_datetime stores it (the long way would leave the row to
                # XlsxWriter's own writing: a row of Rekap Unit has two dates)
                cells.append((c, number_xml(letters[c] + row_no, xf,
                                            self.ws._convert_date_time(v))))
            else:
                other.append((c, v, fm))
        ws = self.ws
        if not ws.put_row(r, cells, height):
            return False
        for c, v, fm in other:
            _put(ws, r, c, v, fm)
        return True

    def _layout(self, cols: Sequence[Col] | None) -> tuple[list[float], list[Any]]:
        """Per column: its width when it wraps text (else 0) and its default format."""
        key = id(cols) if cols is not None else None
        got = self._layouts.get(key)
        if got is None or got[0] is not cols:
            cs = list(cols or self.cols)
            got = self._layouts[key] = (cols, [c.width if c.wrap else 0 for c in cs],
                                        [getattr(self.f, c.fmt) for c in cs])
        return got[1], got[2]


@lru_cache(maxsize=8)
def _letters(n: int) -> tuple[str, ...]:
    """The letters of the first ``n`` columns."""
    from xlsxwriter.utility import xl_col_to_name

    return tuple(xl_col_to_name(c) for c in range(n))


#: The first date write_value writes as XlsxWriter's date serial (before it, the serial
#: Excel uses for 1900's first two months).
SERIAL_DATES_FROM = EXCEL_LEAP_BUG.date()
#: XlsxWriter's records of a text, a number and a blank cell, when writers.cells knows
#: them (else every cell goes through XlsxWriter's write methods).
_ROW_CELLS = tuple(_KNOWN[n] for n in ("CellStringTuple", "CellNumberTuple", "CellBlankTuple")
                   ) if _KNOWN else ()
def _row_info() -> type | None:
    """XlsxWriter's record of a row's height and format (RowInfo), when it has the
    fields RekapWorksheet reads and sets; None for an XlsxWriter that keeps them
    otherwise (its rows are then written its own way)."""
    import dataclasses

    from xlsxwriter import worksheet

    info = getattr(worksheet, "RowInfo", None)
    if info is None or not dataclasses.is_dataclass(info) or \
            [f.name for f in dataclasses.fields(info)] != \
            ["height", "row_format", "hidden", "level", "collapsed"]:
        return None
    return info


_ROW_INFO = _row_info()
#: Texts at least this long (in characters) go through XlsxWriter's write_string, which
#: cuts a text longer than Excel's 32,767 characters (its xls_strmax); shorter ones cannot
#: reach that limit, with room to spare.
LONG_TEXT = 32767 // 2


class RekapWorksheet(FastWorksheet):
    """lkj's worksheet (writers.cells.FastWorksheet, whose constant-memory short way writes
    the common cells of a rekap directly: a 1,000-report rekap is mostly that loop, 220,000
    cells), taking a row's cells at once (put_row) and forgetting each row's height once
    the row is written."""

    def put_row(self, row: int, cells: list[tuple[int, Any]], height: float | None = None
                ) -> bool:
        """Store ``cells`` ((column, XlsxWriter cell record or the cell's XML element),
        columns in order) in ``row`` as XlsxWriter's write methods store them one by
        one, after ``set_row(row, height)`` when a height is given: the sheet's
        dimensions widened, the previous row written out when this one is new. False,
        storing nothing, where those methods would check more than that: not in
        constant-memory mode, a row before the last one written, out of bounds."""
        if not (self.constant_memory and self.previous_row <= row < self.xls_rowmax) or \
                (cells and cells[-1][0] >= self.xls_colmax):
            return False
        if height is not None:
            self._fit(row, height)
        if not cells:
            return True
        self._widen(row, cells[0][0], cells[-1][0])
        if row > self.previous_row:
            self._write_single_row(row)
        self.table[row].update(cells)
        return True

    def _widen(self, row: int, first: int, last: int) -> None:
        """The sheet's dimensions widened to ``row`` and columns ``first``-``last``, as
        XlsxWriter's _check_dimensions widens them for each cell it stores."""
        if self.dim_rowmin is None or row < self.dim_rowmin:
            self.dim_rowmin = row
        if self.dim_rowmax is None or row > self.dim_rowmax:
            self.dim_rowmax = row
        if self.dim_colmin is None or first < self.dim_colmin:
            self.dim_colmin = first
        if self.dim_colmax is None or last > self.dim_colmax:
            self.dim_colmax = last

    def _fit(self, row: int, height: float) -> None:
        """``set_row(row, height)`` for a row put_row takes (within bounds, not written
        yet): the row's height in pixels and the sheet's dimensions stored as set_row
        stores them, without its checks and options (a row in three of a rekap has a
        height of its own)."""
        pixels = int(height * 4.0 / 3.0 + 0.5)
        if _ROW_INFO is None or pixels <= 0:  # 0 hides the row: set_row's own way
            self.set_row(row, height)
            return
        col = 0 if self.dim_colmin is None else self.dim_colmin
        self._widen(row, col, col)
        self.row_info[row] = _ROW_INFO(height=pixels)
        self.row_sizes[row] = [pixels, False]

    def _write_cell(self, row, col, cell):
        if type(cell) is str:  # the element itself, made by _Sheet._put_row
            self.fh.write(cell)
        else:
            super()._write_cell(row, col, cell)

    def _write_single_row(self, current_row_num: int = 0) -> None:
        # A row once written forgets its height (XlsxWriter's row_info and row_sizes),
        # so that memory does not grow with the rows (XlsxWriter keeps every row's
        # height to the end). Heights are read again only to place charts and images
        # over rows; the rekap's charts are on a sheet of their own, which sets no row
        # heights.
        written = self.previous_row
        xml = self._row_xml(written)
        if xml is None:
            self._row_at_once(current_row_num)
        else:
            self.previous_row = current_row_num
            self.fh.write(xml)
            self.table.clear()
        if not self.charts and not self.images:
            self.row_info.pop(written, None)
            self.row_sizes.pop(written, None)

    def _row_xml(self, row: int) -> str | None:
        """The element XlsxWriter's _write_single_row writes for ``row`` when every
        cell of the row is already its XML element (made by _Sheet._put_row) and the row
        has at most a height of its own: the row's start tag and the cells in column
        order, without XlsxWriter's attribute lists and a method call per cell (a tenth
        of writing a 1.000-report rekap). None for any other row (a cell record, a row
        format or a hidden row, a comment, Excel 2010's extra attribute), which
        XlsxWriter writes itself."""
        cells = self.table.get(row)
        if not cells or _ROW_INFO is None or row in self.comments or \
                self.excel_version == 2010:
            return None
        info = self.row_info.get(row)
        height = self.default_row_height
        if info is not None:
            if info.row_format is not None or info.hidden or info.level or info.collapsed:
                return None
            if info.height is not None:
                height = info.height
        parts = [f'<row r="{row + 1}"']
        if height != self.original_row_height or height != self.default_row_height:
            parts.append(f' ht="{height * 0.75:.16g}" customHeight="1"')
        parts.append(">")
        for col in sorted(cells):
            cell = cells[col]
            if type(cell) is not str:
                return None
            parts.append(cell)
        parts.append("</row>")
        return "".join(parts)

    def _row_at_once(self, current_row_num: int) -> None:
        """XlsxWriter's _write_single_row, its pieces of XML (a dozen a row: the row's
        element, each cell's) gathered and written to the sheet's file in one piece: each
        write to a text file costs more than making the piece (about a tenth of writing a
        1.000-report rekap)."""
        fh, pieces = self.fh, []
        self.fh = _Pieces(pieces)
        try:
            super()._write_single_row(current_row_num)
        finally:
            self.fh = fh
        if pieces:
            fh.write("".join(pieces))


class _Pieces:
    """A file that keeps what is written to it: ``write`` appends to a list."""

    __slots__ = ("write",)

    def __init__(self, pieces: list[str]):
        self.write = pieces.append


def _page(ws: Any, name: str) -> None:
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_header(f"&L&8Rekapitulasi Laporan Kinerja Triwulan - {name}&R&8&D")
    ws.set_footer("&C&8Halaman &P dari &N")


def _put(ws: Any, r: int, c: int, v: Any, fmt: Any) -> None:
    v = _py(v)
    if isinstance(v, float) and not math.isfinite(v):
        v = None
    write_value(ws, r, c, v, fmt)


def _formula(ws: Any, r: int, c: int, formula: str, fmt: Any, value: Any) -> None:
    """write_formula with a stored value a spreadsheet can read (no NaN or infinity)."""
    value = _py(value)
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        value = ""
    ws.write_formula(r, c, formula, fmt, value)


# ---------------------------------------------------------------------------------------
# The workbook
# ---------------------------------------------------------------------------------------


def load_libraries() -> None:
    """Import numpy and pandas, numpy with one OpenBLAS thread: by default OpenBLAS
    starts a thread per core when numpy is imported, which costs the rekap about 60 ms
    of CPU (numpy's import 0,19 -> 0,13 s) for linear algebra it never does. The
    environment is as it was afterwards (OpenBLAS reads it only when it loads)."""
    import sys

    if "numpy" not in sys.modules and "OPENBLAS_NUM_THREADS" not in os.environ:
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        try:
            import numpy  # noqa: F401
        finally:
            os.environ.pop("OPENBLAS_NUM_THREADS", None)
    import pandas  # noqa: F401


def write_rekap(store: Any, current: Sequence[Any], out: Path, office: Any = None,
                settings_key: str = "", units: Any = None, helper: Any = None) -> WriteStats:
    """Write the rekap workbook for the files ``current`` (already in the store) to
    ``out``, a new file the caller renames into place (rekap.py, atomically).

    ``helper``: an executor of one idle process (workers.helper) that may write the
    Temuan sheet's rows while this process writes the sheets before it."""
    load_libraries()
    import numpy as np

    # Sums of absurd amounts (a corrupt report) overflow to infinity, which is written as
    # "tidak dapat dihitung"; numpy's warning would reach the user's console in English.
    with np.errstate(all="ignore"):
        return _write_rekap(store, current, out, office, settings_key, units, helper)


#: XlsxWriter's options of the rekap workbook (and of the helper's scratch workbook).
WORKBOOK_OPTIONS = {"constant_memory": True, "nan_inf_to_errors": True,
                    "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}


def _write_rekap(store: Any, current: Sequence[Any], out: Path, office: Any,
                 settings_key: str, units: Any, helper: Any = None) -> WriteStats:
    import xlsxwriter

    plan = build_plan(store, current, office, settings_key, units)
    stats = WriteStats(counted=len(plan.counted), superseded=len(plan.superseded),
                       missing=len(plan.missing),
                       probable=int(plan.counted["suggestion"].notna().sum()))
    wb = xlsxwriter.Workbook(str(out), WORKBOOK_OPTIONS)
    wb.worksheet_class = RekapWorksheet
    wb.set_properties({"title": "Rekapitulasi Laporan Kinerja Triwulan",
                       "author": "lkj-excel"})
    f = _Formats(wb)
    _sheet_units(wb, f, plan)
    keys = [(k, int(s)) for k, s in zip(plan.counted["report_key"], plan.counted["sortkey"],
                                        strict=True)]
    store.temp_table("counted", "report_key TEXT PRIMARY KEY, sortkey INTEGER", keys)
    aside = _findings_aside(helper, store, plan, f)
    try:
        blocks = _sheet_ranking(wb, f, plan)
        trend_rows = _sheet_trend(wb, f, plan)
        if plan.units_given:
            _sheet_missing(wb, f, plan)
        _sheet_indicators(wb, f, store, plan)
        _sheet_budget(wb, f, store, plan)
        _sheet_findings(wb, f, store, plan, aside)
    finally:
        _drop_aside(aside)
    _sheet_superseded(wb, f, plan)
    _sheet_bad(wb, f, plan)
    _sheet_charts(wb, f, plan, blocks, trend_rows)
    wb.worksheets()[0].activate()
    wb.close()
    return stats


def _status_text(on_time: Any, late: Any) -> str:
    on_time = _py(on_time)
    if on_time is None:
        return "Tanggal tidak ada"
    return "Tepat waktu" if on_time else f"Terlambat {_py(late)} hari kerja"


def _unit_notes(row: Any, plan: Plan, idx: Any) -> str:
    notes = []
    if plan.units_given:
        if row["match"] == "alias":
            notes.append(f"Nama di laporan '{row['unit']}' (alias di daftar unit).")
        elif row["match"] == "tidak ada":
            if _py(row["suggestion"]):
                notes.append(f"Tidak ada di daftar unit; mungkin '{row['suggestion']}' "
                             f"(kemiripan {row['score']:.0f}%): bila benar, tambahkan "
                             f"'{row['unit']}' sebagai alias di daftar unit.")
            else:
                notes.append("Tidak ada di daftar unit.")
        elif row["unit"] != row["unit_name"]:
            notes.append(f"Nama di laporan '{row['unit']}'.")
    n_rep = int(plan.replaced.get(idx, 1)) - 1
    if n_rep > 0:
        notes.append(f"Mengganti {n_rep} berkas (lihat sheet Laporan Diganti).")
    f = _py(row["first_sending"])
    if f is not None:
        first = plan.reports.loc[f]
        how = "diterima" if first["by_received"] else "bertanggal"
        notes.append(f"Ketepatan waktu menurut kiriman pertama ({Path(first['path']).name}, "
                     f"{how} {_date_id(first['eff_date'])}).")
    elif row["by_received"] and row["report_date"] and row["received"] != row["report_date"]:
        notes.append("Ketepatan waktu menurut tanggal diterima.")
    if _py(row["settings_diff"]):
        notes.append(f"Pengaturan laporan berbeda: {row['settings_diff']}.")
    return " ".join(notes)


UNIT_COLS = (
    Col("No", 4, "int"), Col("Periode", 9, "text"), Col("Unit", 20, "text", True),
    Col("Tanggal Laporan", 10, "date"), Col("Tanggal Diterima", 10, "date"),
    Col("Ketepatan Waktu", 12, "text", True), Col("Rata-rata Capaian", 9, "pct"),
    Col("Predikat", 9, "text", True), Col("Pagu (Rp)", 12, "amount"),
    Col("Realisasi (Rp)", 12, "amount"), Col("Penyerapan", 9, "pct"),
    Col("Kesalahan", 8, "int"), Col("Berkas", 13, "text", True),
    Col("Keterangan", 22, "text", True),
)


#: The columns of a counted report that its Rekap Unit row shows or notes (a dict of
#: every column of the plan, some forty, for each report cost more than the row).
UNIT_FIELDS = ["period", "unit_name", "unit", "path", "report_date", "received",
               "by_received", "first_sending", "on_time_eff", "days_late_eff",
               "avg_capaian", "predikat", "pagu", "realisasi", "penyerapan", "n_error",
               "match", "suggestion", "score", "settings_diff"]


def _sheet_units(wb: Any, f: _Formats, plan: Plan) -> None:
    note = ("Satu baris per unit dan periode: laporan yang dihitung. Laporan yang diganti "
            "revisinya ada di sheet Laporan Diganti dan tidak dijumlahkan. Ketepatan waktu "
            "menurut tanggal diterima bila ada di daftar unit, selain itu menurut tanggal "
            "laporan.")
    if plan.deadlines:
        note += " Batas penyampaian: " + "; ".join(
            f"{_period(y, q)} {_date_id(d)}" for (y, q), d in sorted(plan.deadlines.items())) \
            + "."
    s = _Sheet(wb, f, "Rekap Unit", "Rekapitulasi per Unit", note, UNIT_COLS)
    counted = plan.counted
    for i, (idx, row) in enumerate(zip(counted.index, counted[UNIT_FIELDS].to_dict("records"),
                                       strict=True)):
        on_time = _py(row["on_time_eff"])
        st = f.ok if on_time == 1 else (f.bad if on_time == 0 else None)
        fmts = [None] * len(UNIT_COLS)
        fmts[5] = st
        notes = _unit_notes(row, plan, idx)
        if notes and (row["match"] == "tidak ada" or _py(row["settings_diff"])):
            fmts[13] = f.warn
        s.put([i + 1, row["period"], row["unit_name"], row["report_date"],
               row["received"], _status_text(row["on_time_eff"], row["days_late_eff"]),
               _pct(row["avg_capaian"]), row["predikat"], row["pagu"], row["realisasi"],
               _pct(row["penyerapan"]), row["n_error"], plan.show(row["path"]), notes], fmts)
    s.ws.autofilter(3, 0, max(s.row, 4), len(UNIT_COLS) - 1)


# --- Peringkat ------------------------------------------------------------------------

RANK_COLS = (Col("Peringkat", 8, "int"), Col("Unit", 26, "text", True),
             Col("Rata-rata Capaian", 10, "pct"), Col("Predikat", 11, "text", True),
             Col("", 2, "blank"), Col("Peringkat", 8, "int"), Col("Unit", 26, "text", True),
             Col("Penyerapan", 10, "pct"), Col("Pagu (Rp)", 14, "amount"),
             Col("Realisasi (Rp)", 14, "amount"))


@dataclass
class Block:
    """Where one period's ranking sits on the Peringkat sheet (for the charts)."""

    title: str
    first: int
    last: int
    n_capaian: int
    n_penyerapan: int


#: The columns of a counted report that the Peringkat sheet shows or sums.
RANK_FIELDS = ["unit_name", "avg_capaian", "predikat", "on_time_eff", "penyerapan", "pagu",
               "realisasi"]


def ranking_frames(counted: Any) -> dict[tuple[int, int, str], tuple[Any, Any]]:
    """Per (year, quarter, tingkat): the units ranked by rata-rata capaian and by
    penyerapan (rank 1 = highest; ties share the better rank; units without a value last,
    unranked), with the columns in RANK_FIELDS (sorting every column of the plan, some
    forty, took most of the sheet's time)."""
    out = {}
    df = counted.dropna(subset=["year", "quarter"])[["year", "quarter", "tingkat",
                                                      *RANK_FIELDS]]
    for (y, q, t), g in df.groupby(["year", "quarter", "tingkat"], sort=True):
        cap = g.assign(rank=g["avg_capaian"].rank(method="min", ascending=False))
        cap = cap.sort_values(["rank", "unit_name"], na_position="last", kind="stable")
        pen = g.assign(rank=g["penyerapan"].rank(method="min", ascending=False))
        pen = pen.sort_values(["rank", "unit_name"], na_position="last", kind="stable")
        out[(int(y), int(q), t)] = (cap, pen)
    return out


def _sheet_ranking(wb: Any, f: _Formats, plan: Plan) -> list[Block]:
    note = ("Per periode dan tingkat: peringkat unit menurut rata-rata capaian kinerja dan "
            "menurut penyerapan anggaran (peringkat 1 tertinggi; nilai sama berbagi "
            "peringkat), ketepatan waktu dan jumlah.")
    s = _Sheet(wb, f, "Peringkat", "Peringkat dan Jumlah per Periode", note, RANK_COLS,
               header_row=None)
    ws = s.ws
    s.row = 2
    blocks: list[Block] = []
    width = sum(c.width for c in RANK_COLS)
    missing_by_period: dict[str, int] = {}
    for p, _u, _t, _n in plan.missing:
        missing_by_period[p] = missing_by_period.get(p, 0) + 1
    breaks = []
    for (y, q, t), (cap, pen) in ranking_frames(plan.counted).items():
        period = _period(y, q)
        if blocks:
            breaks.append(s.row + 1)
        s.row += 1
        title = f"{period} - tingkat {t}"
        ws.set_row(s.row, 18)
        ws.write_string(s.row, 0, title, f.section)
        n = len(cap)
        ontime = int((cap["on_time_eff"] == 1).sum())
        late = int((cap["on_time_eff"] == 0).sum())
        nodate = n - ontime - late
        pagu, real = cap["pagu"].sum(), cap["realisasi"].sum()
        text = (f"{n} unit melapor"
                + (f" ({missing_by_period[period]} unit dalam daftar belum menyampaikan "
                   "untuk periode ini)" if missing_by_period.get(period) else "")
                + f". Tepat waktu {ontime}, terlambat {late}"
                + (f", tanpa tanggal {nodate}" if nodate else "") + ". "
                + (f"Batas penyampaian {_date_id(plan.deadlines[(y, q)])}. "
                   if (y, q) in plan.deadlines else "")
                + (f"Jumlah pagu Rp{_amount_id(pagu)}, realisasi Rp{_amount_id(real)}"
                   + (f", penyerapan {_pct_id(real / pagu * 100)}" if pagu else "") + "."
                   if cap["pagu"].notna().any() else "Tidak ada data anggaran."))
        s.row += 1
        ws.set_row(s.row, _height(_lines(text, width)))
        ws.merge_range(s.row, 0, s.row, len(RANK_COLS) - 1, text, f.plain)
        s.row += 1
        s.header(s.row)
        first = s.row + 1
        for a, b in zip(cap[["rank", "unit_name", "avg_capaian", "predikat"]].to_dict("records"),
                        pen[["rank", "unit_name", "penyerapan", "pagu", "realisasi"]]
                        .to_dict("records"), strict=True):
            s.put([_py(a["rank"]), a["unit_name"], _pct(a["avg_capaian"]), a["predikat"], None,
                   _py(b["rank"]), b["unit_name"], _pct(b["penyerapan"]), b["pagu"],
                   b["realisasi"]])
        last = s.row
        s.row += 1
        r = s.row
        n1, n2 = first + 1, last + 1
        ws.write_string(r, 0, "", f.total_text)
        ws.write_string(r, 1, "Rata-rata semua unit", f.total_text)
        mean = cap["avg_capaian"].mean()
        _formula(ws, r, 2, f"=IFERROR(AVERAGE(C{n1}:C{n2}),\"\")", f.total_pct,
                 None if _na(mean) else mean / 100)
        ws.write_string(r, 3, "", f.total_text)
        ws.write_string(r, 5, "", f.total_text)
        ws.write_string(r, 6, "JUMLAH", f.total_text)
        _formula(ws, r, 7, f"=IF(I{r + 1}=0,\"\",J{r + 1}/I{r + 1})", f.total_pct,
                 real / pagu if pagu else None)
        _formula(ws, r, 8, f"=SUM(I{n1}:I{n2})", f.total, pagu)
        _formula(ws, r, 9, f"=SUM(J{n1}:J{n2})", f.total, real)
        s.row += 1
        blocks.append(Block(title, first, last, int(cap["avg_capaian"].notna().sum()),
                            int(pen["penyerapan"].notna().sum())))
    if not blocks:
        ws.write_string(3, 0, "Tidak ada laporan yang dapat diperingkat.", f.note)
    if breaks:
        ws.set_h_pagebreaks(breaks)
    return blocks


def _amount_id(v: float) -> str:
    from ..parsing import format_number_id

    return format_number_id(v) if math.isfinite(v) and abs(v) < 1e18 else \
        "(tidak dapat dihitung)"


def _pct_id(points: float) -> str:
    from ..parsing import format_percent_id

    return format_percent_id(points) if math.isfinite(points) and abs(points) < 1e15 else \
        "(tidak dapat dihitung)"


# --- Tren -----------------------------------------------------------------------------


@dataclass
class TrendRows:
    """Where the per-period averages of one tingkat sit on the Tren sheet."""

    tingkat: str
    header: int
    avg_row: int
    n_periods: int
    #: True when the averages compare like with like: at least two periods with two or
    #: more units each, and some unit in more than one period.
    comparable: bool = False


def trend_pivots(trend: Any) -> dict[str, tuple[Any, Any, list[tuple[int, int]]]]:
    """Per tingkat: unit x period pivots of rata-rata capaian and of penyerapan."""
    out = {}
    for t, g in trend.groupby("tingkat", sort=True):
        # One integer per period, so that only the periods present become columns.
        g = g.assign(pk=g["year"] * 10 + g["quarter"])
        cap = g.pivot_table(index="unit_name", columns="pk", values="avg_capaian",
                            aggfunc="first", dropna=False).sort_index(axis=1)
        pen = g.pivot_table(index="unit_name", columns="pk", values="penyerapan",
                            aggfunc="first", dropna=False).sort_index(axis=1)
        periods = [divmod(int(k), 10) for k in cap.columns]
        out[t] = (cap, pen, periods)
    return out


def _sheet_trend(wb: Any, f: _Formats, plan: Plan) -> list[TrendRows]:
    pivots = trend_pivots(plan.trend) if plan.trend is not None and len(plan.trend) else {}
    n_periods = max((len(p[2]) for p in pivots.values()), default=1)
    cols = [Col("Unit", 28, "text", True)] + [Col("", 10, "pct")] * n_periods + \
        [Col("Perubahan (poin)", 11, "num")]
    older = plan.trend is not None and (plan.trend.get("source") == "rekap sebelumnya").any()
    note = ("Per unit: nilai setiap triwulan dan perubahan dari triwulan sebelumnya yang "
            "ada (poin persen). "
            + ("Termasuk laporan dari rekap sebelumnya yang tersimpan di basis data."
               if older else "Dengan --db, triwulan dan tahun dari rekap sebelumnya ikut "
                             "ditampilkan."))
    s = _Sheet(wb, f, "Tren", "Tren per Unit", note, cols, header_row=None)
    ws = s.ws
    s.row = 2
    out: list[TrendRows] = []
    for t, (cap, pen, periods) in pivots.items():
        for label, table in (("Rata-rata capaian", cap), ("Penyerapan anggaran", pen)):
            s.row += 1
            ws.set_row(s.row, 18)
            ws.write_string(s.row, 0, f"{label} - tingkat {t}", f.section)
            s.row += 1
            head = [Col("Unit", 28)] + [Col(_period(y, q), 10) for y, q in periods] + \
                [Col("Perubahan (poin)", 11)]
            s.header(s.row, head)
            header = s.row
            row_cols = cols[:1] + [Col("", 10, "pct")] * len(periods) + [Col("", 11, "num")]
            for unit, *vals in table.itertuples(name=None):
                seq = [_py(v) for v in vals]
                present = [v for v in seq if v is not None]
                change = present[-1] - present[-2] if len(present) >= 2 else None
                s.put([unit] + [None if v is None else v / 100 for v in seq] + [change],
                      cols=row_cols)
            s.row += 1
            r = s.row
            ws.write_string(r, 0, "Rata-rata semua unit", f.total_text)
            means = table.mean(axis=0, skipna=True)
            for c, (v, _p) in enumerate(zip(means.tolist(), periods, strict=True)):
                letter = _col_letter(c + 1)
                _formula(ws, r, c + 1, f"=IFERROR(AVERAGE({letter}{header + 2}:{letter}{r}),"
                                       f"\"\")", f.total_pct, None if _na(v) else v / 100)
            ws.write_string(r, len(periods) + 1, "", f.total_text)
            if label == "Rata-rata capaian":
                per_period = table.notna().sum(axis=0)
                comparable = int((per_period >= 2).sum()) >= 2 and \
                    bool((table.notna().sum(axis=1) >= 2).any())
                out.append(TrendRows(t, header, r, len(periods), comparable))
            s.row += 1
    if not pivots:
        ws.write_string(3, 0, "Tidak ada laporan dengan tahun dan triwulan.", f.note)
    return out


def _col_letter(index: int) -> str:
    from ..model import col_letter

    return col_letter(index)


# --- Belum Menyampaikan ---------------------------------------------------------------

MISSING_COLS = (Col("No", 5, "int"), Col("Periode", 10), Col("Unit", 30, "text", True),
                Col("Tingkat", 10), Col("Keterangan", 60, "text", True))


def _sheet_missing(wb: Any, f: _Formats, plan: Plan) -> None:
    s = _Sheet(wb, f, "Belum Menyampaikan", "Unit yang Belum Menyampaikan Laporan",
               "Unit dalam daftar unit yang tidak mempunyai laporan untuk periode yang ada di "
               "rekap ini. Nama yang hanya mirip tidak digabung: bila benar, tambahkan "
               "sebagai alias di daftar unit.", MISSING_COLS)
    for i, (period, unit, tingkat, note) in enumerate(plan.missing):
        s.put([i + 1, period, unit, tingkat, note], [None, None, None, None,
                                                     f.warn if note else None])
    if not plan.missing:
        s.put([None, None, "Semua unit dalam daftar sudah menyampaikan laporan.", None, None])
    s.ws.autofilter(3, 0, max(s.row, 4), len(MISSING_COLS) - 1)


# --- Indikator, Anggaran, Temuan --------------------------------------------------------


def _by_sortkey(plan: Plan) -> dict[int, Any]:
    """The counted reports' rows by sortkey, made once (two sheets read them)."""
    if plan._by_sortkey is None:
        plan._by_sortkey = {int(k): r for k, r in zip(plan.counted["sortkey"],
                                                      plan.counted.itertuples(), strict=True)}
    return plan._by_sortkey


IND_COLS = (Col("Periode", 9), Col("Unit", 22, "text", True), Col("No", 5),
            Col("Indikator Kinerja", 50, "text", True), Col("Target", 10, "num"),
            Col("Realisasi", 10, "num"), Col("Satuan", 8), Col("Capaian", 9, "pct"),
            Col("Predikat", 10, "text", True), Col("Berkas", 16, "text", True))


def _sheet_indicators(wb: Any, f: _Formats, store: Any, plan: Plan) -> None:
    s = _Sheet(wb, f, "Rekap Indikator", "Rekapitulasi Indikator Kinerja",
               "Setiap indikator setiap laporan yang dihitung, dengan capaian yang dihitung "
               "ulang.", IND_COLS)
    by = _by_sortkey(plan)
    rows = store.stream("SELECT c.sortkey, i.no, i.indikator, i.target, i.realisasi, i.unit, "
                        "i.capaian, i.predikat FROM counted c JOIN indicators i ON "
                        "i.report_key = c.report_key ORDER BY c.sortkey, i.seq")
    for sk, no, ind, t, real, u, cap, pred in rows:
        r = by[sk]
        is_pct = u == "%"
        s.put([r.period, r.unit_name, no, ind, _pct(t) if is_pct else t,
               _pct(real) if is_pct else real, u, _pct(cap), pred, plan.show(r.path)],
              [None, None, None, None, f.pct if is_pct else None, f.pct if is_pct else None,
               None, None, None, None])
    s.ws.autofilter(3, 0, max(s.row, 4), len(IND_COLS) - 1)


BUDGET_COLS = (Col("Periode", 9), Col("Tingkat", 9), Col("Kode", 11),
               Col("Program", 46, "text", True), Col("Unit", 22, "text", True),
               Col("Pagu (Rp)", 15, "amount"), Col("Realisasi (Rp)", 15, "amount"),
               Col("Sisa (Rp)", 15, "amount"), Col("Penyerapan", 10, "pct"))


def _sheet_budget(wb: Any, f: _Formats, store: Any, plan: Plan) -> None:
    import pandas as pd

    s = _Sheet(wb, f, "Rekap Anggaran", "Rekapitulasi Anggaran per Program",
               "Bagian 1: per program, dijumlahkan atas unit yang setingkat (kolom Unit = "
               "banyaknya unit). Bagian 2: per unit. Laporan yang diganti tidak dihitung.",
               BUDGET_COLS)
    ws = s.ws
    rows = store.query("SELECT c.sortkey, b.seq, b.code, b.name, b.pagu, b.realisasi, b.sisa, "
                       "b.penyerapan FROM counted c JOIN budget b ON "
                       "b.report_key = c.report_key ORDER BY c.sortkey, b.seq")
    bud = pd.DataFrame(rows, columns=["sortkey", "seq", "code", "name", "pagu", "realisasi",
                                      "sisa", "penyerapan"])
    meta = plan.counted[["sortkey", "year", "quarter", "tingkat", "period", "unit_name",
                         "path"]]
    bud = bud.merge(meta, on="sortkey", how="left")
    bud["pagu"] = pd.to_numeric(bud["pagu"]).fillna(0.0)
    bud["realisasi"] = pd.to_numeric(bud["realisasi"]).fillna(0.0)
    bud["prog"] = bud["code"].where(bud["code"].notna() & (bud["code"] != ""),
                                    bud["name"].str.lower())
    bud["_y"] = bud["year"].fillna(9999)
    bud["_q"] = bud["quarter"].fillna(9)
    sums = (bud.groupby(["_y", "_q", "tingkat", "prog"], sort=True, dropna=False)
            .agg(period=("period", "first"), code=("code", "first"), name=("name", "min"),
                 units=("sortkey", "nunique"), pagu=("pagu", "sum"),
                 realisasi=("realisasi", "sum"))
            .reset_index())
    for (_y, _q, t), g in sums.groupby(["_y", "_q", "tingkat"], sort=True):
        first = s.row + 1
        for _i, row in g.sort_values(["code", "name"], na_position="last").iterrows():
            r = s.put([row["period"], t, row["code"] or "", row["name"], int(row["units"]),
                       row["pagu"], row["realisasi"], None, None],
                      [None, None, None, None, f.int, None, None, None, None])
            n = r + 1
            _formula(ws, r, 7, f"=F{n}-G{n}", f.amount, row["pagu"] - row["realisasi"])
            _formula(ws, r, 8, f'=IF(F{n}=0,"",G{n}/F{n})', f.pct,
                     row["realisasi"] / row["pagu"] if row["pagu"] else None)
        s.row += 1
        r = s.row
        pagu, real = g["pagu"].sum(), g["realisasi"].sum()
        for c, v in enumerate((g["period"].iloc[0], t, "", "JUMLAH", "")):
            ws.write_string(r, c, v, f.total_text)
        _formula(ws, r, 5, f"=SUM(F{first + 1}:F{r})", f.total, pagu)
        _formula(ws, r, 6, f"=SUM(G{first + 1}:G{r})", f.total, real)
        _formula(ws, r, 7, f"=F{r + 1}-G{r + 1}", f.total, pagu - real)
        _formula(ws, r, 8, f'=IF(F{r + 1}=0,"",G{r + 1}/F{r + 1})', f.total_pct,
                 real / pagu if pagu else None)
    s.row += 2
    ws.set_row(s.row, 18)
    ws.write_string(s.row, 0, "Per unit", f.section)
    s.row += 1
    s.header(s.row)
    per_unit = bud.sort_values(["sortkey", "seq"])
    for period, tingkat, code, name, unit_name, pagu, real, sisa, pen in zip(
            *(per_unit[c].tolist() for c in ("period", "tingkat", "code", "name", "unit_name",
                                             "pagu", "realisasi", "sisa", "penyerapan")),
            strict=True):
        s.put([period, tingkat, code or "", name, unit_name, pagu, real, sisa, _pct(pen)])


FIND_COLS = (Col("Berkas", 16, "text", True), Col("Unit", 18, "text", True),
             Col("Periode", 9), Col("Aturan", 7), Col("Tingkat", 10), Col("Sheet", 10),
             Col("Sel", 6), Col("Tertulis", 13, "text", True),
             Col("Seharusnya", 13, "text", True), Col("Pesan", 52, "text", True))


FINDINGS_SQL = ("SELECT c.sortkey, x.rule, x.severity, x.sheet, x.cell, x.found, x.expected, "
                "x.message FROM counted c JOIN findings x ON x.report_key = c.report_key "
                "ORDER BY c.sortkey, x.seq")


def _findings_sheet(wb: Any, f: _Formats) -> _Sheet:
    return _Sheet(wb, f, "Temuan", "Semua Temuan",
                  "Setiap temuan pada laporan yang dihitung, dengan berkas asalnya.", FIND_COLS)


def _finding_sources(plan: Plan) -> dict[int, tuple[str, str, str]]:
    """sortkey -> (file as shown, unit, period) of each counted report."""
    return {sk: (plan.show(r.path), r.unit_name, r.period)
            for sk, r in _by_sortkey(plan).items()}


def _put_findings(s: _Sheet, rows: Iterable[tuple], sources: dict[int, tuple[str, str, str]]
                  ) -> None:
    for sk, rule, sev, sheet, cell, found, exp, msg in rows:
        shown, unit, period = sources[sk]
        s.put([shown, unit, period, rule, SEV_WORD.get(sev, sev), sheet, cell, found, exp,
               msg])


def _sheet_findings(wb: Any, f: _Formats, store: Any, plan: Plan, aside: Any = None
                    ) -> None:
    s = _findings_sheet(wb, f)
    rows = _aside_rows(aside)
    if rows is not None:
        _adopt_rows(s.ws, rows)
        s.row = rows["row"]
    else:
        _put_findings(s, store.stream(FINDINGS_SQL), _finding_sources(plan))
    s.ws.autofilter(3, 0, max(s.row, 4), len(FIND_COLS) - 1)


# --- Temuan written by the helper process ------------------------------------------------

#: Findings from which the Temuan sheet is written by the helper process (fewer are
#: written sooner here than handed over).
ASIDE_MIN_ROWS = 2000
#: Findings handed to the helper per chunk of its file.
ASIDE_CHUNK = 2000


def _findings_aside(helper: Any, store: Any, plan: Plan, f: _Formats) -> Any:
    """Have the helper process write the Temuan sheet's rows (a future of
    :func:`render_findings` and its file of findings), or None to write them here.

    Temuan is the rekap's largest sheet (a third of writing it, 11.000 rows for 1.000
    reports); once the workers are done, the main process writes the workbook alone
    while a core stands idle. The findings are read from the store here (a second
    process cannot read this run's SQLite transaction) into a file of marshalled
    chunks, so that memory does not grow with them; the helper writes the rows with
    this workbook's format indices while this process writes the sheets before Temuan,
    and :func:`_sheet_findings` takes its rows as they are. Only when every format of
    the sheet has its index already (they are given out in the order of first use, and
    the helper's must be this workbook's)."""
    if helper is None or _ROW_INFO is None:
        return None
    names = {"title", "note", "head", *(c.fmt for c in FIND_COLS)}
    xf = {name: getattr(f, name).xf_index for name in names}
    if None in xf.values():
        return None
    (n,) = store.query("SELECT count(*) FROM counted c JOIN findings x "
                       "ON x.report_key = c.report_key")[0]
    if n < ASIDE_MIN_ROWS:
        return None
    import marshal
    import tempfile
    from itertools import islice

    fd, path = tempfile.mkstemp(prefix="lkj-temuan-", suffix=".marshal")
    try:
        with open(fd, "wb") as fh:
            rows = iter(store.stream(FINDINGS_SQL))
            while chunk := list(islice(rows, ASIDE_CHUNK)):
                marshal.dump(chunk, fh)
        return helper.submit(render_findings, path, _finding_sources(plan), xf), path
    except BaseException as exc:
        os.unlink(path)
        if isinstance(exc, Exception) and not store.is_db_error(exc):
            return None  # the helper is gone: the rows are written here
        raise


def render_findings(path: str, sources: dict[int, tuple[str, str, str]],
                    xf: dict[str, int]) -> dict:
    """In the helper process: the Temuan sheet's rows, written from the marshalled
    findings at ``path`` (removed afterwards) into a worksheet's row file of a scratch
    workbook that is never saved, as :func:`_sheet_findings` writes them - the same
    code, with the rekap workbook's format indices ``xf``. Returns what the rekap's
    worksheet takes over (:func:`_adopt_rows`)."""
    import marshal

    import xlsxwriter

    ws = None
    try:
        wb = xlsxwriter.Workbook(os.devnull, WORKBOOK_OPTIONS)
        wb.worksheet_class = RekapWorksheet
        f = _Formats(wb)
        for name, index in xf.items():
            getattr(f, name).xf_index = index
        s = _findings_sheet(wb, f)
        ws = s.ws
        with open(path, "rb") as fh:
            while True:
                try:
                    chunk = marshal.load(fh)
                except EOFError:
                    break
                _put_findings(s, chunk, sources)
        ws._write_single_row(ws.previous_row + 1)  # the last row written out too
        ws.row_data_fh.close()
    except BaseException:
        if ws is not None:
            ws.row_data_fh.close()
            os.unlink(ws.row_data_filename)
        raise
    finally:
        os.unlink(path)
    return {"file": ws.row_data_filename, "row": s.row, "previous_row": ws.previous_row,
            "dims": (ws.dim_rowmin, ws.dim_rowmax, ws.dim_colmin, ws.dim_colmax)}


def _aside_rows(aside: Any) -> dict | None:
    """What the helper wrote (:func:`render_findings`), or None when it did not: then
    the rows are written here, the same rows."""
    if aside is None:
        return None
    future, path = aside
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - a helper that failed or died: written here
        try:
            os.unlink(path)  # the findings it did not read
        except OSError:
            pass
        return None


def _drop_aside(aside: Any) -> None:
    """Remove the helper's row file when the workbook did not take it (an error while
    writing the sheets before Temuan)."""
    rows = _aside_rows(aside)
    if rows is not None and not rows.get("taken"):
        try:
            os.unlink(rows["file"])
        except OSError:
            pass


def _adopt_rows(ws: Any, rows: dict) -> None:
    """The Temuan worksheet ``ws`` takes the helper's row file as its own: the title,
    note and header rows this process made are dropped (the helper made the same), and
    the sheet's dimensions and last row are the helper's, as if this process had put
    every row."""
    ws.table.clear()
    ws.row_data_fh.close()
    os.unlink(ws.row_data_filename)
    ws.row_data_filename = rows["file"]
    ws.row_data_fh = ws.fh = open(rows["file"], "a+", encoding="utf-8")  # noqa: SIM115
    ws.row_data_fh_closed = False
    rows["taken"] = True
    ws.dim_rowmin, ws.dim_rowmax, ws.dim_colmin, ws.dim_colmax = rows["dims"]
    ws.previous_row = rows["previous_row"]
    for r in [r for r in ws.row_info if r < ws.previous_row]:
        del ws.row_info[r]
        ws.row_sizes.pop(r, None)


# --- Laporan Diganti, Berkas Bermasalah --------------------------------------------------

SUP_COLS = (Col("No", 4, "int"), Col("Periode", 9), Col("Unit", 20, "text", True),
            Col("Berkas", 22, "text", True), Col("Revisi ke-", 7, "int"),
            Col("Tanggal Laporan", 10, "date"), Col("Tanggal Diterima", 10, "date"),
            Col("Diganti oleh", 22, "text", True), Col("Alasan", 50, "text", True))


def _sheet_superseded(wb: Any, f: _Formats, plan: Plan) -> None:
    s = _Sheet(wb, f, "Laporan Diganti", "Laporan yang Diganti",
               "Laporan yang dikirim lagi untuk unit dan periode yang sama. Yang dihitung: "
               "'Revisi ke-' tertinggi (sheet Identitas), lalu tanggal laporan terbaru, lalu "
               "tanggal diterima terakhir. Laporan di sheet ini tidak dijumlahkan.", SUP_COLS)
    for i, (_idx, row) in enumerate(plan.superseded.iterrows()):
        w = plan.reports.loc[row["winner"]]
        s.put([i + 1, row["period"], row["unit_name"], plan.show(row["path"]), row["revisi"],
               row["report_date"], row["received"], plan.show(w["path"]), row["why"]])
    if plan.superseded.empty:
        s.put([None, None, "Tidak ada laporan yang diganti."] + [None] * 6)


def _sheet_bad(wb: Any, f: _Formats, plan: Plan) -> None:
    cols = (Col("No", 5, "int"), Col("Berkas", 45, "text", True),
            Col("Alasan", 100, "text", True))
    s = _Sheet(wb, f, "Berkas Bermasalah", "Berkas yang Tidak Dapat Direkap",
               "Berkas ini tidak ikut dijumlahkan. Perbaiki lalu jalankan rekap lagi.", cols)
    for i, (path, reason) in enumerate(plan.bad):
        s.put([i + 1, plan.show(path), reason])
    if not plan.bad:
        s.put([None, "Tidak ada berkas bermasalah.", None])


# --- Grafik -----------------------------------------------------------------------------


def _sheet_charts(wb: Any, f: _Formats, plan: Plan, blocks: Iterable[Block],
                  trend_rows: Iterable[TrendRows]) -> None:
    """One chart per page: for each period and tingkat with at least two units, capaian
    and penyerapan per unit (ranked, from the Peringkat sheet); with at least two periods,
    the average per period (from the Tren sheet)."""
    ws = wb.add_worksheet("Grafik")
    ws.set_column(0, 0, 145)
    ws.set_paper(9)
    ws.set_landscape()
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.set_header("&L&8Rekapitulasi Laporan Kinerja Triwulan - Grafik&R&8&D")
    ws.set_footer("&C&8Halaman &P dari &N")
    ws.set_print_scale(100)
    charts = []
    for b in blocks:
        for kind, n, cat_col, val_col, color in (
                ("Rata-rata capaian kinerja", b.n_capaian, 1, 2, "#2E75B6"),
                ("Penyerapan anggaran", b.n_penyerapan, 6, 7, "#548235")):
            if n < 2:
                continue
            last = b.first + min(n, CHART_MAX_UNITS) - 1
            ch = wb.add_chart({"type": "bar"})
            ch.add_series({"name": kind, "categories": ["Peringkat", b.first, cat_col, last,
                                                        cat_col],
                           "values": ["Peringkat", b.first, val_col, last, val_col],
                           "fill": {"color": color}, "gap": 60,
                           "data_labels": {"value": True, "num_format": "0.0%",
                                           "font": {"size": 9}}})
            more = f" (40 teratas dari {n})" if n > CHART_MAX_UNITS else ""
            ch.set_title({"name": f"{kind} per unit, {b.title}{more}",
                          "name_font": {"size": 13}})
            ch.set_x_axis({"num_format": "0%", "min": 0, "major_gridlines": {"visible": True},
                           "num_font": {"size": 9}})
            # rank 1 on top; the value axis stays at the bottom
            ch.set_y_axis({"reverse": True, "crossing": "max", "num_font": {"size": 9}})
            ch.set_legend({"none": True})
            charts.append(ch)
    for t in trend_rows:
        if t.n_periods < 2 or not t.comparable:
            continue  # one unit per period would compare different units, not a trend
        ch = wb.add_chart({"type": "column"})
        ch.add_series({"name": "Rata-rata capaian semua unit",
                       "categories": ["Tren", t.header, 1, t.header, t.n_periods],
                       "values": ["Tren", t.avg_row, 1, t.avg_row, t.n_periods],
                       "fill": {"color": "#2E75B6"},
                       "data_labels": {"value": True, "num_format": "0.0%"}})
        ch.set_title({"name": f"Rata-rata capaian per triwulan, tingkat {t.tingkat}",
                      "name_font": {"size": 13}})
        ch.set_y_axis({"num_format": "0%", "min": 0})
        ch.set_legend({"none": True})
        charts.append(ch)
    if not charts:
        ws.write_string(0, 0, "Tidak ada grafik: setiap periode hanya memuat satu unit atau "
                              "tidak ada nilai untuk dibandingkan. Lihat sheet Peringkat.",
                        f.note)
        return
    for i, ch in enumerate(charts):
        ch.set_size({"width": CHART_W, "height": CHART_H})
        ws.insert_chart(i * CHART_PAGE_ROWS, 0, ch, {"x_offset": 5, "y_offset": 5,
                                                     "object_position": 3})
    ws.set_h_pagebreaks([i * CHART_PAGE_ROWS for i in range(1, len(charts))])
    ws.print_area(0, 0, len(charts) * CHART_PAGE_ROWS - 1, 0)


__all__ = ["write_rekap", "build_plan", "ranking_frames", "trend_pivots", "WriteStats"]
