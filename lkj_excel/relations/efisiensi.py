"""Relations of the Efisiensi (cost per outcome) sheet.

Capaian anggaran = realisasi / pagu x 100 (COP001), capaian kinerja = R / T x 100 (COP002),
efisiensi by the formula chosen in Pengaturan (COP003). Pagu and realisasi are compared
with the Anggaran sheet after the diagnosis (COP004, a warning: the two tables may
legitimately differ), not tied to it as a relation.
"""

from __future__ import annotations

from ..parsing import Number
from ..rules.base import amount, measure, pct, rp, typed, units_compatible
from .core import AMOUNT, PERCENT, Cell, ratio_pct

EFFICIENCY_TEXT = {
    "100-penyerapan": "100% - capaian anggaran",
    "kinerja/anggaran": "capaian kinerja / capaian anggaran x 100",
    "kinerja-anggaran": "capaian kinerja - capaian anggaran",
}


def efficiency(formula: str, anggaran: float | None, kinerja: float | None) -> float | None:
    if formula == "100-penyerapan":
        return None if anggaran is None else 100 - anggaran
    if anggaran is None or kinerja is None:
        return None
    if formula == "kinerja/anggaran":
        return kinerja / anggaran * 100 if anggaran else None
    return kinerja - anggaran


def _percent_cell(net, v, fld, rk) -> Cell:
    p = v.parsed if isinstance(v.parsed, Number) else None
    val = p.value if typed(v) and p is not None and p.value is not None else None
    return net.cell(v, val, PERCENT, fld, rk, number=p)


def budget_row(ctx, r):
    """The Anggaran row a cost-per-outcome row reports on (by code, else by name)."""
    return ctx.budget_match(r.get("kode"), r.get("uraian").text)


def _budget_line(ctx, budget, r):
    """The Anggaran line a cost-per-outcome row reports on."""
    if budget is None or not ctx.budget_rows:
        return None
    a = budget_row(ctx, r)
    return budget.by_row.get(a.row) if a is not None else None


def build(net, ctx, budget) -> None:
    from ..rules.efisiensi import row_key

    formula = ctx.settings.efficiency_formula
    amounts: dict[int, tuple[Cell, Cell]] = {}
    for r in ctx.report.efisiensi:
        rk = row_key(r)
        pv, rv = r.get("pagu"), r.get("realisasi")
        pagu = net.cell(pv, amount(pv) if typed(pv) else None, AMOUNT, "pagu", rk,
                        number=pv.parsed if isinstance(pv.parsed, Number) else None,
                        base=amount(pv) if typed(pv) else None)
        real = net.cell(rv, amount(rv) if typed(rv) else None, AMOUNT, "realisasi", rk,
                        number=rv.parsed if isinstance(rv.parsed, Number) else None,
                        base=amount(rv, True))
        amounts[r.row] = (pagu, real)
        line = _budget_line(ctx, budget, r)
        if line is not None:
            net.agree("COP004", pagu, line.pagu)
            net.agree("COP004", real, line.realisasi)
        ang = _percent_cell(net, r.get("capaian_anggaran"), "capaian_anggaran", rk)
        if pagu.base is not None:
            net.relate("COP001", ang, (pagu, real), lambda v: ratio_pct(v[1], v[0]),
                       lambda rel, vals, found, expected: (
                           f"{found} seharusnya {expected} (realisasi {rp(vals[1])} dibagi "
                           f"pagu {rp(vals[0])})."))
        kin = _percent_cell(net, r.get("capaian_kinerja"), "capaian_kinerja", rk)
        t, tu = measure(r.get("target"))
        rk_, ru = measure(r.get("realisasi_kinerja"))
        if t and rk_ is not None and units_compatible(tu, ru):
            tc = net.cell(r.get("target"), t, PERCENT if tu == "%" else "measure", "target",
                          rk, number=r.get("target").parsed, unit=tu)
            rc = net.cell(r.get("realisasi_kinerja"), rk_, PERCENT if ru == "%" else "measure",
                          "realisasi_kinerja", rk, number=r.get("realisasi_kinerja").parsed,
                          unit=ru)
            tv, rvv = r.get("target").text, r.get("realisasi_kinerja").text
            net.relate("COP002", kin, (rc, tc), lambda v: ratio_pct(v[0], v[1]),
                       lambda rel, vals, found, expected, _t=tv, _r=rvv: (
                           f"{found} seharusnya {expected} (R {_r} dibagi T {_t})."))
        eff = _percent_cell(net, r.get("efisiensi"), "efisiensi", rk)

        def explain(rel, vals, found, expected):
            a = vals[0]
            k = vals[1] if len(vals) > 1 else None
            return (f"{found} seharusnya {expected} (rumus {EFFICIENCY_TEXT[formula]}; "
                    f"capaian anggaran {pct(a)}"
                    + (f", capaian kinerja {pct(k)}" if formula != "100-penyerapan" else "")
                    + ").")

        if formula == "100-penyerapan":
            if ang.relation is not None:
                net.relate("COP003", eff, (ang,), lambda v: efficiency(formula, v[0], None),
                           explain)
        elif ang.relation is not None:
            net.relate("COP003", eff, (ang, kin), lambda v: efficiency(formula, v[0], v[1]),
                       explain)
    _sasaran_sums(net, ctx, amounts)


def sasaran_key(text: str) -> str:
    """"1." and "1" are the same row number."""
    return text.strip().rstrip(".").strip()


def _sasaran_sums(net, ctx, amounts: dict[int, tuple[Cell, Cell]]) -> None:
    """A Sasaran row's pagu and realisasi = the sums of the Kegiatan rows that name it in
    "Untuk Sasaran No" (COP006): the budget of a goal is the budget of its activities."""
    from ..parsing import normalise_text

    rows = ctx.report.efisiensi
    sasaran = {}
    for r in rows:
        if normalise_text(r.get("jenis").text) == "sasaran" and r.get("no").text:
            sasaran.setdefault(sasaran_key(r.get("no").text), r)
    kids: dict[int, list] = {}
    for r in rows:
        link = sasaran_key(r.get("sasaran_no").text)
        if link and normalise_text(r.get("jenis").text) != "sasaran" and link in sasaran:
            kids.setdefault(sasaran[link].row, []).append(r)
    for row, members in kids.items():
        for k, what in ((0, "pagu"), (1, "realisasi")):
            target = amounts[row][k]
            ins = [amounts[m.row][k] for m in members]

            def explain(rel, vals, found, expected, _w=what):
                parts = " + ".join(rp(v) for v in vals[:6]) + (" + ..." if len(vals) > 6
                                                                else "")
                return (f"{_w.capitalize()} sasaran {found} seharusnya {expected}, jumlah "
                        f"{len(vals)} kegiatan yang mendukungnya ({parts}).")

            net.relate("COP006", target, ins, _total, explain, invert=_sum_invert)


def _total(vals):
    if any(v is None for v in vals):
        return None
    return sum(vals)


def _sum_invert(rel, want):
    cur = rel.value()
    if cur is None or want is None:
        return []
    delta = want - cur
    return [(i, i.cur + delta) for i in rel.inputs if i.cur is not None]
