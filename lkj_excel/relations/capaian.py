"""Relations of the Capaian sheet and of the sheets it agrees with.

Per indicator: realisasi = pembilang / penyebut x 100 (CAP002), or the count of ticked
activities in Fasilitasi (FAS001) or of documents on time in Desa (DES002) over their number;
capaian = f(realisasi, target, polaritas) (CAP001); predikat = the band of the capaian
(CAP004); the average of the capaian (CAP003); the Capaian target = the PK target (PK002);
the Perbandingan row of the report year = the Capaian target and realisasi (PK008).
"""

from __future__ import annotations

import datetime as dt

from ..calendar import quarter_end
from ..model import CapaianRow, Value
from ..parsing import Number, normalise_text
from ..rules.base import (
    FORMULA_TEXT,
    amount,
    best_match,
    measure,
    num,
    pct,
    typed,
    units_compatible,
)
from .core import COUNT, FLAG, LABEL, MEASURE, PERCENT, Cell, capaian_formula_value, mean, ratio_pct

DOCS = ("rkpdes", "apbdes", "lppdes")
#: The value of a date cell whose text is not a date.
UNREADABLE = "?"


def _measure_cell(net, v: Value, satuan: str | None, fld: str, rk: str,
                  base: float | None = ...) -> Cell:
    val, unit = measure(v, satuan)
    p = v.parsed if isinstance(v.parsed, Number) else None
    kind = PERCENT if unit == "%" else MEASURE
    return net.cell(v, val, kind, fld, rk, number=p, unit=unit,
                    base=val if base is ... else base)


def _count_cell(net, v: Value, fld: str, rk: str) -> Cell:
    a = amount(v)
    return net.cell(v, a, COUNT, fld, rk, number=v.parsed if isinstance(v.parsed, Number)
                    else None)


def _copy(vals):
    return vals[0]


def _copy_invert(rel, want):
    return [(rel.inputs[0], want)]


def doc_deadline(settings, doc: str, year: int) -> dt.date:
    if doc == "rkpdes":
        d, m = settings.rkpdes_deadline
        return dt.date(year, m, d)
    if doc == "apbdes":
        d, m = settings.apbdes_deadline
        return dt.date(year if settings.apbdes_year == "tahun berikutnya" else year - 1, m, d)
    d, m = settings.lppdes_deadline
    return dt.date(year, m, d)


def doc_earliest(settings, doc: str, year: int) -> dt.date:
    """The first day a document of the report year's period can carry: the LPPDes reports
    on the year before and is delivered from 1 January; the RKPDes is set during the year;
    the APBDes at most a year before its deadline."""
    if doc == "apbdes":
        return dt.date(doc_deadline(settings, doc, year).year, 1, 1)
    return dt.date(year, 1, 1)


def doc_on_time(settings, doc: str, date: dt.date | str | None, year: int) -> bool:
    """Whether a document set on ``date`` counts as on time; a status word typed instead of
    a date ("tepat waktu") says it directly."""
    if isinstance(date, str):
        return date == "tepat waktu"
    return date is not None and date <= doc_deadline(settings, doc, year)


def build(net, ctx, *, year=..., quarter=...) -> None:
    from ..rules.capaian import row_key

    report = ctx.report
    ident = report.identity
    year = ident.year if year is ... else year
    quarter = ident.quarter if quarter is ... else quarter
    s = ctx.settings
    caps: dict[int, Cell] = {}
    rows = report.capaian_rows
    column_cells: dict[str, list[Cell]] = {"target_tahunan": [], "target": [], "realisasi": []}
    for c in rows:
        rk = row_key(c)
        satuan = c.get("satuan").text
        t_cell = _measure_cell(net, c.get("target"), satuan, "target", rk)
        tt_cell = _measure_cell(net, c.get("target_tahunan"), satuan, "target_tahunan", rk) \
            if typed(c.get("target_tahunan")) else None
        r_cell = _realisasi(net, ctx, c, rk, satuan, year, quarter)
        # capaian = f(realisasi, target)
        cv = c.get("capaian")
        p = cv.parsed if isinstance(cv.parsed, Number) else None
        c_cell = net.cell(cv, p.value if typed(cv) and p is not None and p.value is not None
                          else None, PERCENT, "capaian", rk, number=p)
        if c_cell.typed is not None and r_cell.relation is None and r_cell.base is None and \
                r_cell.typed is None and t_cell.base:
            # A capaian stated for an empty or "-" realisasi: nothing realised is 0. (A
            # realisasi and capaian both left "-" - data not yet out - stay unknown.)
            r_cell.base = 0.0
        if not _plan(net, ctx, c, rk, satuan, t_cell, quarter):
            _target_of_quarter(net, c, rk, t_cell, tt_cell)
        for key, cell in (("target_tahunan", tt_cell), ("target", t_cell),
                          ("realisasi", r_cell)):
            if cell is not None:
                column_cells[key].append(cell)
        formula = ctx.capaian_formula(c)
        if (t_cell.base is not None or t_cell.relation is not None) and \
                units_compatible(t_cell.unit, r_cell.unit):
            def explain(rel, vals, found, expected, _f=formula):
                r, t = vals
                blank = " (kosong, dihitung 0)" if rel.inputs[0].typed is None and \
                    rel.inputs[0].relation is None else ""
                return (f"Capaian {found} seharusnya {expected} ({FORMULA_TEXT[_f]}: "
                        f"realisasi {num(round(r, 2))}{blank}, target {num(t)}).")
            net.relate("CAP001", c_cell, (r_cell, t_cell),
                       lambda v, _f=formula: capaian_formula_value(_f, v[0], v[1]), explain,
                       invert=_capaian_invert(formula, net.tol))
        caps[c.row] = c_cell
        pv = c.get("predikat")
        if typed(pv):
            pred = net.cell(pv, pv.text, LABEL, "predikat", rk)

            def shown(x, _c=c_cell):
                return capaian_as_shown(_c, x, net.tol)

            def band(vals, shown=shown):
                x = shown(vals[0])
                return None if x is None else s.predikat(round(x, 2))

            net.relate("CAP004", pred, (c_cell,), band,
                       lambda rel, vals, found, expected, _c=c_cell, shown=shown: (
                           f"Predikat '{found}' seharusnya '{expected}' untuk capaian "
                           f"{_shown_pct(_c, vals[0], shown(vals[0]))} menurut skala di "
                           "Pengaturan."))
        # Capaian target = PK target
        pk = ctx.pk_matches.get(c.row)
        linked = tt_cell if tt_cell is not None else t_cell
        if pk is not None and typed(pk.get("target")) and linked.base is not None:
            # A PK row without a unit (no Satuan, a bare "80" or "68,50 (B-)") states the
            # indicator's own: compared in the Capaian row's unit, not passed over.
            pk_cell = _measure_cell(net, pk.get("target"), pk.get("satuan").text or satuan,
                                    "target", rk)
            pk_cell.weight = 1.25  # the signed agreement is the source the table copies
            if pk_cell.base is not None and pk_cell.unit == linked.unit:
                pkv = pk.get("target")
                net.relate("PK002", linked, (pk_cell,), _copy,
                           lambda rel, vals, found, expected, _w=pkv.where,
                           _t=pkv.display: (
                               f"Target '{found}' di Capaian berbeda dengan target PK "
                               f"'{_t}' ({_w}) untuk indikator yang sama."),
                           invert=_copy_invert)
        _perbandingan(net, ctx, c, rk, linked, r_cell, year)
    _column_totals(net, report.capaian_total, column_cells)
    avg = report.capaian_average
    if avg is not None:
        v = avg.get("capaian")
        p = v.parsed if isinstance(v.parsed, Number) else None
        if typed(v) and p is not None and p.value is not None:
            target = net.cell(v, p.value, PERCENT, "capaian", "rata-rata", number=p)
            ins = [caps[c.row] for c in rows
                   if caps[c.row].relation is not None or caps[c.row].typed is not None]
            if ins:
                def average(vals, _ins=tuple(ins)):
                    # a capaian that cannot be recomputed (an unreadable input) counts as typed
                    return mean(v if v is not None else i.typed for v, i in zip(vals, _ins,
                                                                                strict=True))

                net.relate("CAP003", target, ins, average,
                           lambda rel, vals, found, expected: (
                               f"Rata-rata capaian {found} seharusnya {expected} (rata-rata "
                               f"capaian {len([x for x in vals if x is not None])} "
                               "indikator)."))


def _shown_pct(c_cell: Cell, x, shown) -> str:
    """The capaian a CAP004 message names: the one whose band decided, at the decimals
    the report shows ("76%"), or the computed one (75,80%)."""
    if shown is None or shown == x or c_cell.number is None or \
            c_cell.number.decimals is None:
        return pct(shown if shown is not None else x)
    return pct(shown, c_cell.number.decimals)


def capaian_as_shown(c_cell: Cell, x: float | None, tol) -> float | None:
    """The capaian whose band is the predikat: ``x`` rounded to the decimals the report
    shows where its typed value stands for ``x`` ("76%" for 75,8 is Tinggi, not Sedang;
    "75%", cut off instead of rounded, is 76 as well), else ``x`` itself."""
    if x is None or c_cell.typed is None or not c_cell.matches(x, tol):
        return x
    p = c_cell.number
    if p is None or p.decimals is None:
        return c_cell.typed
    return round(x + 1e-12, p.decimals)


def shown_decimals(c_cell: Cell | None, x: float | None, tol) -> int:
    """How many decimals a capaian is written with where two would contradict its
    predikat: as few as the report showed it with where its typed value stands for ``x``
    ("76%" for 75,8 stays "76%", so that it agrees with its predikat Tinggi), else two."""
    if x is None or c_cell is None or c_cell.typed is None or not c_cell.matches(x, tol):
        return 2
    p = c_cell.number
    if p is None or p.decimals is None:
        return 2
    return min(p.decimals, 2)


def _target_of_quarter(net, c: CapaianRow, rk: str, t_cell: Cell, tt_cell: Cell | None,
                       ) -> None:
    """The target of this quarter (column Target) against the year's (Target Tahunan): a
    percentage with no quarterly plan is the year's target itself (CAP007), so a Target
    that differs from it - and from the PK - is not hidden behind a right Target
    Tahunan."""
    if tt_cell is None or tt_cell.base is None or t_cell.typed is None:
        return
    if t_cell.unit != "%" or tt_cell.unit != "%":
        return
    net.relate("CAP007", t_cell, (tt_cell,), _copy,
               lambda rel, vals, found, expected: (
                   f"Target {found} berbeda dengan Target Tahunan {expected}: tanpa rencana "
                   "aksi (Target TW I-IV) target persen triwulan ini adalah target "
                   "tahunannya. Isi Target TW I-IV bila target triwulan memang lain."),
               invert=_copy_invert)


ROMAN_TW = ("I", "II", "III", "IV")


def units_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def plan_cells(net, c: CapaianRow) -> list[Cell]:
    """The row's Target TW I-IV cells in the network (built by :func:`_plan`)."""
    return [net.get(c.get(f"tw{k}")) for k in range(1, 5)]


def plan_annual(method: str, values: list) -> float | None:
    """The year's target the rencana aksi adds up to: the sum of the four quarters for a
    count (kumulatif, triwulan), the last quarter's value for a level (nilai akhir, tren
    turun)."""
    if method in ("nilai akhir", "tren turun"):
        return values[3]
    return sum(v or 0.0 for v in values)


def method_followed(method: str, target: float | None, plan: list[float], quarter,
                    tol: float) -> str | None:
    """The other counting method where the typed target follows it and not the row's own:
    a target 6 under "triwulan" with a plan of 3 a quarter is 3 + 3, the kumulatif target of
    TW II (seed 001: the table counts s.d. triwulan II where its text says 3 for the
    quarter). Then the row is reported cumulatively (its realisasi too), so the Metode
    explains the difference with one cell, where changing the target alone would double the
    capaian. None where the target follows the row's method, or neither."""
    if quarter is None or quarter < 2 or target is None or \
            method not in ("triwulan", "kumulatif"):
        return None
    per, cum = plan[quarter - 1], sum(plan[:quarter])
    own, other, name = (per, cum, "kumulatif") if method == "triwulan" else \
        (cum, per, "triwulan")
    if abs(own - other) <= tol or abs(target - own) <= tol or abs(target - other) > tol:
        return None
    return name


def plan_values(cells: list[Cell]) -> list[float]:
    """The typed Target TW I-IV, "-" or empty as 0."""
    return [x.typed if x.typed is not None else (x.base or 0.0) for x in cells]


def _plan(net, ctx, c: CapaianRow, rk: str, satuan, t_cell: Cell, quarter) -> bool:
    """The target of the quarter (column Target) from the rencana aksi (CAP007): the sum of
    TW I up to this quarter (kumulatif), this quarter's (triwulan), or the value planned for
    the end of this quarter (nilai akhir, tren turun). False when the row has no plan."""
    if not c.has_plan:
        return False
    cells = []
    for k in range(1, 5):
        v = c.get(f"tw{k}")
        cell = _measure_cell(net, v, satuan, f"tw{k}", rk)
        if cell.base is None and cell.typed is None:
            cell.base = 0.0  # "-" or empty: nothing planned for that quarter
        cells.append(cell)
    method = ctx.capaian_method(c, t_cell.unit)
    # the plan adds up to the year's target (Target Tahunan, else the PK's): a soft
    # agreement, reported after the diagnosis (CAP008)
    anchor = net.get(c.get("target_tahunan"))
    if anchor is None or anchor.typed is None:
        pk = ctx.pk_matches.get(c.row)
        anchor = _measure_cell(net, pk.get("target"), pk.get("satuan").text, "target", rk) \
            if pk is not None and pk.get("target").cell else None
    if anchor is not None and anchor.typed is not None and \
            units_ok(anchor.unit, cells[0].unit):
        def propose(ins, want, _m=method):
            if _m in ("nilai akhir", "tren turun"):
                return [(ins[3], want)]
            cur = sum(i.cur or 0.0 for i in ins)
            return [(i, (i.cur or 0.0) + want - cur) for i in ins]

        net.agree_with("CAP008", anchor, cells, lambda vals, _m=method: plan_annual(_m, vals),
                       propose)
    if quarter is None:
        return True
    if method_followed(method, t_cell.typed, plan_values(cells), quarter,
                       ctx.settings.tolerance_points):
        return True  # the Metode is what differs (CAP012), not the target
    ins = cells[:quarter] if method == "kumulatif" else [cells[quarter - 1]]
    names = ROMAN_TW[:quarter] if method == "kumulatif" else (ROMAN_TW[quarter - 1],)

    def explain(rel, vals, found, expected, _m=method, _n=names):
        parts = " + ".join(f"TW {n} {num(x or 0)}" for n, x in zip(_n, vals, strict=True))
        return (f"Target {found} seharusnya {expected} menurut rencana aksi ({_m}: "
                f"{parts}).")

    net.relate("CAP007", t_cell, ins, lambda vals: sum(x or 0.0 for x in vals), explain,
               invert=_total_invert)
    return True


def _column_totals(net, row: CapaianRow | None, column_cells: dict[str, list[Cell]]) -> None:
    """The "Jumlah" line under the indicators sums each column it fills (CAP009); an
    empty or "-" cell counts 0, as in the report (seed 001: - + 6 + 7 = 13)."""
    if row is None:
        return
    for key, cells in column_cells.items():
        v = row.get(key)
        if not typed(v) or not cells:
            continue
        p = v.parsed if isinstance(v.parsed, Number) else None
        if p is None or p.value is None:
            continue
        target = net.cell(v, p.value, MEASURE, key, "Jumlah", number=p)

        def explain(rel, vals, found, expected, _k=key):
            parts = " + ".join(num(x or 0) for x in vals[:8]) + (" + ..." if len(vals) > 8
                                                                  else "")
            label = {"target_tahunan": "target tahunan"}.get(_k, _k)
            return (f"Jumlah {label} {found} seharusnya {expected} ({parts}, jumlah "
                    f"{len(vals)} baris).")

        net.relate("CAP009", target, cells, lambda vals: sum(x or 0.0 for x in vals),
                   explain, invert=_total_invert)


def _total_invert(rel, want):
    cur = rel.value()
    if cur is None or want is None:
        return []
    delta = want - cur
    return [(i, (i.cur or 0.0) + delta) for i in rel.inputs if i.cur is not None]


def _realisasi(net, ctx, c: CapaianRow, rk: str, satuan, year, quarter) -> Cell:
    """The realisasi cell, derived from the pembilang and penyebut (typed, or counted from
    the Fasilitasi or Desa sheet) where the row has them."""
    v = c.get("realisasi")
    src = normalise_text(c.get("sumber").text)
    report = ctx.report
    pem_v, pen_v = c.get("pembilang"), c.get("penyebut")
    if src == "fasilitasi" and [r for r in report.fasilitasi if r.get("nama").text]:
        pem = _count_cell(net, pem_v, "pembilang", rk)
        pen = _count_cell(net, pen_v, "penyebut", rk)
        ticks, weights = [], []
        for r in report.fasilitasi:
            if not r.get("nama").text:
                continue
            sv = r.get("status")
            name = r.get("nama").text[:70]
            ticks.append(net.cell(sv, r.done, FLAG, "status", name, base=r.done is True))
            weights.append(_weight_cell(net, r.get("jumlah"), "jumlah", name))
        # a Fasilitasi row counts when it is ticked
        _counted(net, "FAS001", "Fasilitasi", pem, pen, ticks, weights, _ticked,
                 "kegiatan terlaksana", "kegiatan")
        return _ratio_realisasi(net, "FAS001", c, v, rk, satuan, pem, pen, "Fasilitasi",
                                "kegiatan terlaksana")
    if src == "desa" and [r for r in report.desa if r.get("desa").text] and \
            year is not None and quarter is not None:
        pem = _count_cell(net, pem_v, "pembilang", rk)
        pen = _count_cell(net, pen_v, "penyebut", rk)
        dates: list[Cell] = []
        docs: list[str] = []
        weights: list[Cell] = []
        desa_rows = [r for r in report.desa if r.get("desa").text]
        for r in desa_rows:
            w = _weight_cell(net, r.get("jumlah_desa"), "jumlah_desa", r.get("desa").text)
            for doc in DOCS:
                dv = r.get(doc)
                d = dv.value if isinstance(dv.value, (dt.date, str)) else None
                # A date lkj cannot read (NIL002) makes the count unknown, not "late".
                base = UNREADABLE if d is None and typed(dv) else d
                dates.append(net.cell(dv, d, "date", doc, r.get("desa").text, base=base))
                docs.append(doc)
                weights.append(w)
        s = ctx.settings

        def on_time(k, value, _docs=tuple(docs)):
            """A document counts when it was set on time; a date lkj cannot read makes the
            count unknown."""
            if value == UNREADABLE:
                return None
            return doc_on_time(s, _docs[k], value, year)

        _counted(net, "DES002", "Desa", pem, pen, dates, weights, on_time,
                 "dokumen tepat waktu", "desa x 3 dokumen")
        return _ratio_realisasi(net, "DES002", c, v, rk, satuan, pem, pen, "Desa",
                                "dokumen tepat waktu")
    pem_a, pen_a = amount(pem_v), amount(pen_v)
    r_cell = _measure_cell(net, v, satuan, "realisasi", rk)
    p = v.parsed
    if isinstance(p, Number) and p.style == "ratio" and p.numerator is not None and \
            p.denominator:
        # "31/36 = 86,11%": the realisasi is the ratio itself where the stated percentage
        # agrees with it (CAP002 reports the cell where it does not).
        exact = p.numerator / p.denominator * 100
        if p.decimals is None or r_cell.matches(exact, net.tol):
            r_cell.base = exact
    if pem_a is not None and pen_a and (r_cell.unit in ("%", None)) and \
            not (isinstance(v.parsed, Number) and v.parsed.style == "ratio"):
        pem = _count_cell(net, pem_v, "pembilang", rk)
        pen = _count_cell(net, pen_v, "penyebut", rk)
        r_cell.base = None
        if r_cell.typed is not None or r_cell.value.cell:
            net.relate("CAP002", r_cell, (pem, pen), lambda x: ratio_pct(x[0], x[1]),
                       lambda rel, vals, found, expected: (
                           f"Realisasi {found} tidak sesuai {num(vals[0])} / "
                           f"{num(vals[1])} = {expected}."),
                       invert=_ratio_invert(net.tol))
    return r_cell


def _capaian_invert(formula: str, tol):
    """The target or realisasi that gives the typed capaian, at the precision they were
    typed with (a capaian is rounded, so only a value that reproduces it exactly counts)."""
    def invert(rel, want):
        r, t = rel.inputs
        out = []
        if want is None or not want:
            return out
        cands = []
        if formula == "R/T" and r.cur is not None:
            cands.append((t, r.cur * 100 / want))
        if formula == "R/T" and t.cur is not None:
            cands.append((r, want * t.cur / 100))
        if formula == "2T-R" and t.cur is not None:
            cands.append((r, 2 * t.cur - want * t.cur / 100))
        if formula == "T/R" and t.cur is not None:
            cands.append((r, t.cur * 100 / want))
        for cell, x in cands:
            d = cell.number.decimals if cell.number is not None and \
                cell.number.decimals is not None else 0
            x = round(x, d)
            vals = [x, t.cur] if cell is r else [r.cur, x]
            if rel.target.matches(rel.compute(vals), tol) and x > 0:
                out.append((cell, x))
        return out
    return invert


def _ratio_invert(tol):
    def invert(rel, want):
        """A count whose ratio shows ``want`` at the displayed precision (integers only)."""
        pem, pen = rel.inputs
        out = []
        tgt = rel.target
        if pen.cur:
            x = round(want * pen.cur / 100)
            if tgt.matches(ratio_pct(x, pen.cur), tol):
                out.append((pem, float(x)))
        if pem.cur and want:
            x = round(pem.cur * 100 / want)
            if x and tgt.matches(ratio_pct(pem.cur, x), tol):
                out.append((pen, float(x)))
        return out
    return invert


def _ratio_realisasi(net, code, c, v, rk, satuan, pem, pen, source, what) -> Cell:
    r_cell = _measure_cell(net, v, satuan, "realisasi", rk, base=None)
    # a ratio is a percentage whatever unit was typed beside it (CAP005 says so)
    r_cell.kind = PERCENT
    r_cell.unit = "%"
    typed_unit = r_cell.number.unit if r_cell.number is not None else None
    if typed_unit and typed_unit != "%":
        # "3 Desa" for a ratio indicator (seed 002): its correction is a percentage
        r_cell.number = None

    def explain(rel, vals, found, expected):
        if typed_unit and typed_unit != "%" and rel.target.value.text:
            found = rel.target.value.text
        return (f"Realisasi {found} seharusnya {expected} menurut sheet {source} "
                f"({num(vals[0])} {what} dari {num(vals[1])}).")

    net.relate(code, r_cell, (pem, pen), lambda x: ratio_pct(x[0], x[1]), explain,
               invert=_ratio_invert(net.tol))
    return r_cell


def _weight_cell(net, v: Value, fld: str, rk: str) -> Cell:
    """How many activities or desa a row stands for: its typed Jumlah, else 1."""
    a = amount(v)
    ok = a is not None and a >= 0 and float(a).is_integer()
    return net.cell(v, a if ok else None, COUNT, fld, rk,
                    number=v.parsed if isinstance(v.parsed, Number) else None,
                    base=a if ok else 1.0)


def _sum_or_none(xs) -> float | None:
    total = 0.0
    for x in xs:
        if x is None:
            return None
        total += x
    return total


def _counted(net, code, source, pem: Cell, pen: Cell, items: list[Cell], weights: list[Cell],
             counts, done_what: str, total_what: str) -> None:
    """pembilang = the weights of the items that count (ticked, on time); penyebut = all
    the weights (x 3 documents for Desa, where each document carries its desa's weight).
    ``counts(k, value)``: whether item ``k`` with ``value`` counts, None when unknown."""
    n = len(items)
    count = _count_ticked(n) if counts is _ticked else _count_by(counts, n)

    def suspects(rel, want, _items=items):
        if want is None or rel.target.cur is None:
            return []
        delta = want - rel.target.cur
        out = []
        for k, i in enumerate(_items):
            w = weights[k].cur
            if w is None or abs(delta) != w:
                continue
            if _item_ok(rel, k) != (delta > 0):
                out.append(i)
        return out

    def _item_ok(rel, k):
        """Whether item ``k`` counts at its current value (asked of each item: one item,
        not the whole count with the others left out)."""
        return bool(counts(k, items[k].cur))

    def count_invert(rel, want):
        """A weight that makes the count right (a typed Jumlah off by a few)."""
        cur = rel.value()
        if cur is None or want is None:
            return []
        delta = want - cur
        out = []
        for k in range(n):
            w = weights[k]
            if w.cur is None or w.cur + delta < 0 or not _item_ok(rel, k):
                continue
            out.append((w, w.cur + delta))
        return out

    net.relate(code, pem, (*items, *weights), count,
               lambda rel, vals, found, expected: (
                   f"Pembilang {found} tidak sesuai sheet {source}: {expected} {done_what}."),
               invert=count_invert, suspects=suspects)
    docs = 3 if source == "Desa" else 1
    unique = list(dict.fromkeys(weights))
    net.relate(code, pen, unique, _times(docs),
               lambda rel, vals, found, expected: (
                   f"Penyebut {found} tidak sesuai sheet {source}: {expected} {total_what}."),
               invert=_weights_invert(docs))


def _count_by(counts, n: int):
    """The pembilang of :func:`_counted` from its inputs' values: the items' values
    (``vals[:n]``) and weights (``vals[n:]``); None when an item that counts has no weight
    or an item is unknown."""
    def count(vals):
        got = 0.0
        for k in range(n):
            ok = counts(k, vals[k])
            if ok is None:
                return None
            if ok:
                w = vals[n + k]
                if w is None:
                    return None
                got += w
        return got
    return count


def _ticked(k: int, value) -> bool:
    """A Fasilitasi row counts when it is ticked (``counts`` of :func:`_counted`)."""
    return value is True


def _count_ticked(n: int):
    """The count of :func:`_counted` for items that count when ticked (:func:`_ticked`),
    without a call an item: the 30 weights of a Fasilitasi list are each moved by the
    search and its alternatives, and each move counts the whole list again."""
    def count(vals):
        got = 0.0
        for value, w in zip(vals[:n], vals[n:], strict=True):
            if value is True:
                if w is None:
                    return None
                got += w
        return got
    return count


def _times(docs: int):
    """The penyebut from the weights: their sum (None when one is unknown) times
    ``docs``, summed once."""
    def compute(vals):
        got = _sum_or_none(vals)
        return None if got is None else got * docs
    return compute


def _weights_invert(docs: int):
    def invert(rel, want):
        cur = rel.value()
        if cur is None or want is None:
            return []
        delta = (want - cur) / docs
        if not float(delta).is_integer():
            return []
        return [(w, w.cur + delta) for w in rel.inputs
                if w.cur is not None and w.cur + delta >= 0]
    return invert


def _perbandingan(net, ctx, c: CapaianRow, rk: str, t_cell: Cell, r_cell: Cell, year) -> None:
    """The Perbandingan row of the report year repeats the Capaian target and realisasi."""
    if year is None:
        return
    satuan = c.get("satuan").text
    name = c.get("indikator").text or c.get("sasaran").text
    typed_year = ctx.report.identity.year
    for r in ctx.report.perbandingan:
        tv = r.get("tahun")
        ty = amount(tv)
        if tv.cell is None and ty is not None and typed_year is not None:
            ty = year - (typed_year - ty)  # a year column named relative to the report's
        if ty != year:
            continue
        hit = best_match(r.get("indikator").text, [(name, c)], 0.8)
        if hit is None:
            continue
        for key, src in (("target", t_cell), ("realisasi", r_cell)):
            v = r.get(key)
            cell = _measure_cell(net, v, satuan, key, r.get("indikator").text[:70])
            if cell.typed is None or src.unit != cell.unit:
                continue
            net.relate("PK008", cell, (src,), _copy,
                       lambda rel, vals, found, expected, _k=key, _w=src.where: (
                           f"{_k.capitalize()} tahun {year} '{found}' berbeda dengan {_k} "
                           f"di Capaian '{expected}' ({_w})."),
                       invert=_copy_invert)


def quarter_is_due(year: int, quarter: int, deadline: dt.date) -> bool:
    return quarter_end(year, quarter) >= deadline
