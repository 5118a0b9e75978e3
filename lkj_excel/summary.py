"""The corrected figures of one report, in one place.

The finalised workbook (its Ringkasan and report tables), the rekap and the tests all take
recomputed numbers from here, which takes them from the same check context as the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .calendar import ROMAN, deadline, working_days_between
from .findings import CheckResult
from .model import AnggaranRow, CapaianRow, Report
from .parsing import normalise_text
from .rules.base import BudgetNode, Context, amount, measure, units_compatible
from .rules.desa import DOCS, doc_status


@dataclass
class IndicatorLine:
    row: CapaianRow
    no: str
    sasaran: str
    indikator: str
    target: float | None
    realisasi: float | None
    unit: str | None
    capaian: float | None  # percentage points
    predikat: str | None
    formula: str
    note: str = ""


@dataclass
class BudgetLine:
    node: BudgetNode | None
    row: AnggaranRow
    code: str | None
    name: str
    level: str | None
    pagu: float | None
    realisasi: float | None
    plan: float | None
    children: list[BudgetLine] = field(default_factory=list)

    @property
    def sisa(self) -> float | None:
        if self.pagu is None:
            return None
        return self.pagu - (self.realisasi or 0)

    @property
    def penyerapan(self) -> float | None:
        if not self.pagu:
            return None
        return (self.realisasi or 0) / self.pagu * 100


@dataclass
class Summary:
    report: Report
    result: CheckResult
    ctx: Context
    unit: str
    tingkat: str
    year: int | None
    quarter: int | None
    report_date: dt.date | None
    deadline: dt.date | None
    days_late: int
    indicators: list[IndicatorLine]
    average: float | None
    average_predikat: str | None
    budget: list[BudgetLine]  # top level, in sheet order
    budget_flat: list[BudgetLine]  # every line in sheet order
    has_plan: bool

    @property
    def period(self) -> str:
        q = ROMAN.get(self.quarter or 0, "?")
        return f"Triwulan {q} Tahun {self.year or '?'}"

    @property
    def on_time(self) -> bool | None:
        if self.report_date is None or self.deadline is None:
            return None
        return self.report_date <= self.deadline

    @property
    def total_pagu(self) -> float:
        return sum(b.pagu or 0 for b in self.budget)

    @property
    def total_realisasi(self) -> float:
        return sum(b.realisasi or 0 for b in self.budget)

    @property
    def total_plan(self) -> float:
        return sum(b.plan or 0 for b in self.budget)

    @property
    def penyerapan(self) -> float | None:
        return self.total_realisasi / self.total_pagu * 100 if self.total_pagu else None


def _indicator(ctx: Context, c: CapaianRow) -> IndicatorLine:
    t, tu = measure(c.get("target"), c.get("satuan").text)
    r_typed, ru = ctx.realisasi_of(c)
    r = ctx.exact_realisasi(c)
    unit = tu or ru
    cap = ctx.capaian_values.get(c.row)
    note = ""
    if t is not None and r_typed is not None and not units_compatible(tu, ru):
        note = "satuan target dan realisasi berbeda"
        r = None
    elif c.row in ctx.derived:
        n, d, src = ctx.derived[c.row]
        note = f"dari sheet {src}: {n:g}/{d:g}"
    f = ctx.capaian_formula(c)
    return IndicatorLine(c, c.get("no").text, c.get("sasaran").text, c.get("indikator").text,
                         t, r, unit, cap, ctx.settings.predikat(round(cap, 2)) if cap is not None
                         else None, f, note)


def _budget_line(ctx: Context, n: BudgetNode) -> BudgetLine:
    kids = [_budget_line(ctx, k) for k in n.children]
    if kids:
        pagu = sum(k.pagu or 0 for k in kids)
        real = sum(k.realisasi or 0 for k in kids)
        plans = [k.plan for k in kids]
        plan = sum(p or 0 for p in plans) if any(p is not None for p in plans) else None
    else:
        pagu = ctx.pagu_of(n.row)
        real = amount(n.row.get("realisasi"), True)
        plan = amount(n.row.get("target_tw"), True) if _has_plan(ctx) else None
    code = n.row.code.canonical if n.row.code else None
    return BudgetLine(n, n.row, code, n.row.get("uraian").text, n.row.level, pagu, real, plan,
                      kids)


def _has_plan(ctx: Context) -> bool:
    return any(r.get("target_tw").raw not in (None, "") for r in ctx.budget_rows)


def build_summary(result: CheckResult) -> Summary:
    report: Report = result.report
    ctx: Context = result.context
    ident = report.identity
    year, q, rd = ident.year, ident.quarter, ident.report_date
    due = None
    days_late = 0
    if year and q:
        due = deadline(year, q, ctx.settings.deadline_working_days, ctx.settings.extra_holidays)
        if rd and rd > due:
            days_late = working_days_between(due, rd, ctx.settings.extra_holidays)
    indicators = [_indicator(ctx, c) for c in report.capaian_rows]
    avg = ctx.capaian_average
    flat: list[BudgetLine] = []

    def walk(lines):
        for b in lines:
            flat.append(b)
            walk(b.children)

    walk([_budget_line(ctx, n) for n in ctx.budget_tree])
    by_row = {b.row.row: b for b in flat}
    flat.sort(key=lambda b: b.row.row)
    # budget_top's nodes are roots of budget_tree, so their lines are already built
    top = [by_row[n.row.row] for n in ctx.budget_top]
    return Summary(
        report=report, result=result, ctx=ctx,
        unit=ident.unit.text or "(unit tidak diisi)", tingkat=ident.tingkat.value or "-",
        year=year, quarter=q, report_date=rd, deadline=due, days_late=days_late,
        indicators=indicators, average=avg,
        average_predikat=ctx.settings.predikat(round(avg, 2)) if avg is not None else None,
        budget=top, budget_flat=flat, has_plan=_has_plan(ctx),
    )


# --- Desa and personnel -------------------------------------------------------------------

def desa_table(result: CheckResult) -> list[tuple[str, list[tuple[dt.date | None, str]]]]:
    """Per desa: [(date, status)] for RKPDes, APBDes, LPPDes."""
    ctx: Context = result.context
    out = []
    for r in result.report.desa:
        if not r.get("desa").text:
            continue
        docs = []
        for doc in DOCS:
            st = doc_status(ctx, r, doc)
            v = r.get(doc).value
            docs.append((v if isinstance(v, dt.date) else None,
                         st.status if st and st.status else "tidak terbaca"))
        out.append((r.get("desa").text, docs))
    return out


EDU_ORDER = ("SD", "SMP", "SMA/SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
GOL_ORDER = ("I", "II", "III", "IV")
ESELON_ORDER = ("II a", "II b", "III a", "III b", "IV a", "IV b")
STATUS_ORDER = ("PNS", "CPNS", "PPPK", "Non PNS")


def _edu(text: str) -> str | None:
    t = normalise_text(text).replace(" ", "").replace(".", "")
    if t in ("sma", "smk", "slta", "ma", "sma/smk", "smu", "stm"):
        return "SMA/SMK"
    if t in ("smp", "sltp", "mts"):
        return "SMP"
    if t in ("sd", "mi"):
        return "SD"
    for e in ("S1", "S2", "S3", "D1", "D2", "D3", "D4"):
        if t == e.lower():
            return e
    return None


def _status(text: str) -> str:
    t = normalise_text(text).replace(" ", "")
    if t == "pns":
        return "PNS"
    if t == "cpns":
        return "CPNS"
    if t in ("pppk", "p3k"):
        return "PPPK"
    return "Non PNS"


def _eselon(text: str) -> str | None:
    t = normalise_text(text).replace(" ", "")
    for e in ESELON_ORDER:
        if t == e.replace(" ", "").lower():
            return e
    return None


def personnel_counts(report: Report) -> dict[str, dict]:
    """Counts by pendidikan x status, golongan x status, eselon, diklat - from Pegawai."""
    from .parsing import parse_pangkat

    edu: dict[str, dict[str, int]] = {e: {s: 0 for s in STATUS_ORDER} for e in EDU_ORDER}
    edu["Lainnya"] = {s: 0 for s in STATUS_ORDER}
    gol: dict[str, dict[str, int]] = {g: {"PNS": 0, "CPNS": 0} for g in GOL_ORDER}
    esl = {e: 0 for e in ESELON_ORDER}
    dik = {d: 0 for d in ("PIM I", "PIM II", "PIM III", "PIM IV")}
    for r in report.pegawai:
        if not r.get("nama").text:
            continue
        st = _status(r.get("status").text)
        edu[_edu(r.get("pendidikan").text) or "Lainnya"][st] += 1
        g = parse_pangkat(r.get("pangkat").raw).golongan
        if g and st in ("PNS", "CPNS"):
            gol[g.split("/")[0]][st] += 1
        e = _eselon(r.get("eselon").text)
        if e:
            esl[e] += 1
        d = normalise_text(r.get("diklat").text).upper().replace("DIKLAT", "").strip()
        for k in dik:
            if d == k.upper() or d == k.upper().replace("PIM ", ""):
                dik[k] += 1
    if not any(edu["Lainnya"].values()):
        del edu["Lainnya"]
    return {"pendidikan": edu, "golongan": gol, "eselon": esl, "diklat": dik}


__all__ = ["Summary", "build_summary", "desa_table", "personnel_counts"]
