"""The corrected figures of one report, in one place.

The finalised workbook (its Ringkasan and report tables), the Word document, the rekap and
the tests all take their numbers from here, and here they come from the diagnosis
(:mod:`lkj_excel.diagnosis`): every cell the diagnosis corrected shows its corrected value,
so a table never contradicts a finding and applying the findings' "Seharusnya" values gives
exactly these figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .calendar import ROMAN, deadline, working_days_between
from .findings import CheckResult
from .formatting import quantity
from .gcpause import pausing
from .model import AnggaranRow, CapaianRow, Report, columns_of, text_of
from .parsing import normalise_text
from .relations.anggaran import Line
from .relations.pegawai import education as _edu
from .relations.pegawai import employment_status as _status
from .rules.base import Context, amount, measure
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
    #: decimals the capaian is shown with: two, or the report's own where two would put it
    #: in another band than its predikat ("76%" Tinggi for 75,8)
    decimals: int = 2


@dataclass(slots=True)
class BudgetLine:
    node: Line | None
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
    #: Where the budget lines come from: "Anggaran", or "Efisiensi" for a seksi whose
    #: report has only the cost-per-outcome table (its Kegiatan rows are its budget).
    budget_source: str = "Anggaran"

    def person_name(self, v) -> str:
        """A signer's name as the report should write it: the spelling IDN005 names where
        this cell's differs from the one written most often for the same NIP (seed 003 signs
        'HANI RUJANTO' once and 'HANI PUJANTO' three times), else as typed."""
        for f in self.result.findings:
            if f.rule == "IDN005" and f.expected and (f.sheet, f.cell) == (v.sheet, v.cell):
                return f.expected
        return v.text.strip()

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


def graded(v, value: float | None) -> tuple[int, str] | None:
    """(decimals, grade) of a target or realisasi typed with a predikat grade, "68,50 (B-)"
    (seed 003), where the figure shown is the typed one: the finalised tables and the Word
    document print it as typed, not as a bare 68,5."""
    import re

    p = getattr(v, "number", None)
    label = getattr(p, "label", None)
    if value is None or p is None or p.value is None or not label or \
            abs(p.value - value) > 1e-9 or not re.fullmatch(r"[A-Za-z][A-Za-z+-]{0,3}", label):
        return None
    return (p.decimals if p.decimals is not None else 2, label)


def _truth(ctx: Context, v):
    c = ctx.diagnosis.cell(v)
    return (ctx.diagnosis.truth(v), c) if c is not None else (None, None)


def _indicator(ctx: Context, c: CapaianRow) -> IndicatorLine:
    t, t_cell = _truth(ctx, c.get("target"))
    r, r_cell = _truth(ctx, c.get("realisasi"))
    cap, c_cell = _truth(ctx, c.get("capaian"))
    tu = t_cell.unit if t_cell is not None else None
    ru = r_cell.unit if r_cell is not None else None
    unit = tu or ru
    note = ""
    if c_cell is None or c_cell.relation is None:
        cap = None
        if t is not None and r is not None:
            note = "satuan target dan realisasi berbeda"
            r = None
    rel = r_cell.relation if r_cell is not None else None
    if rel is not None and rel.code in ("FAS001", "DES002"):
        n, d = (i.cur for i in rel.inputs)
        src = "Fasilitasi" if rel.code == "FAS001" else "Desa"
        note = f"dari sheet {src}: {quantity(n)}/{quantity(d)}" \
            if n is not None and d is not None else \
            f"sheet {src} memuat nilai yang tidak terbaca"
    f = ctx.capaian_formula(c)
    # the predikat of the capaian as the report shows it where that is right ("76%" for
    # 75,8 is Tinggi), as CAP004 judges it: the finalised report never contradicts the check
    from .relations.capaian import capaian_as_shown, shown_decimals

    tol, band = ctx.diagnosis.net.tol, ctx.settings.predikat
    shown = capaian_as_shown(c_cell, cap, tol) if cap is not None else None
    predikat = band(round(shown, 2)) if shown is not None else None
    # two decimals, unless they would put the capaian in another band than its predikat
    decimals = 2 if cap is None or band(round(cap, 2)) == predikat else \
        shown_decimals(c_cell, cap, tol)
    return IndicatorLine(c, c.get("no").text, c.get("sasaran").text, c.get("indikator").text,
                         t, r, unit, cap, predikat, f, note, decimals)


def _budget_line(ln: Line, has_plan: bool, names: dict[int, str]) -> BudgetLine:
    """The corrected line and those below it; ``names``: the uraian of each line (by id),
    read by column (:func:`_names`)."""
    kids = [_budget_line(k, has_plan, names) for k in ln.children]
    plan = ln.plan.cur if has_plan and ln.plan is not None else None
    if kids and has_plan and (ln.plan is None or ln.plan.typed is None):
        plans = [k.plan for k in kids]
        plan = sum(p or 0 for p in plans) if any(p is not None for p in plans) else None
    pagu = ln.pagu.cur if ln.pagu.cur is not None else ln.pagu.typed
    real = ln.realisasi.cur if ln.realisasi.cur is not None else ln.realisasi.typed
    return BudgetLine(ln, ln.row, ln.code, names[id(ln)], ln.level, pagu, real or 0.0, plan,
                      kids)


def _names(lines: list[Line]) -> dict[int, str]:
    """The uraian text of each line's row (``row.get("uraian").text``), by the line's id:
    read by column (columns_of), so that no row of a large table makes its Values for it."""
    [(raws, _)] = columns_of([ln.row for ln in lines], ("uraian",)) if lines else [((), ())]
    texts = [raw if raw.__class__ is str else text_of(raw) for raw in raws]  # text_of
    return dict(zip(map(id, lines), texts, strict=True))


@pausing
def build_summary(result: CheckResult) -> Summary:
    report: Report = result.report
    ctx: Context = result.context
    d = ctx.diagnosis
    ident = report.identity
    year, q, rd = d.year, d.quarter, ident.report_date
    due = None
    days_late = 0
    if year and q:
        due = deadline(year, q, ctx.settings.deadline_working_days, ctx.settings.extra_holidays)
        if rd and rd > due:
            days_late = working_days_between(due, rd, ctx.settings.extra_holidays)
    indicators = [_indicator(ctx, c) for c in report.capaian_rows]
    avg_row = report.capaian_average
    avg = ctx.truth(avg_row.get("capaian")) if avg_row is not None else None
    if avg is None:
        vals = [i.capaian for i in indicators if i.capaian is not None]
        avg = sum(vals) / len(vals) if vals else None
    b = d.budget
    has_plan = bool(b is not None and b.has_plan)
    flat: list[BudgetLine] = []

    def walk(lines):
        for x in lines:
            flat.append(x)
            walk(x.children)

    names = _names(b.lines) if b is not None else {}
    walk([_budget_line(ln, has_plan, names) for ln in (b.roots if b is not None else [])])
    walk = None  # else the recursive closure holds the lines for the collector
    by_row = {x.row.row: x for x in flat}
    flat.sort(key=lambda x: x.row.row)
    top = [by_row[ln.row.row] for ln in (b.top if b is not None else [])]
    source = "Anggaran"
    if not flat:
        top = flat = efisiensi_budget(ctx)
        source = "Efisiensi" if flat else source
    return Summary(
        report=report, result=result, ctx=ctx,
        unit=ident.unit.text or "(unit tidak diisi)", tingkat=ident.tingkat.value or "-",
        year=year, quarter=q, report_date=rd, deadline=due, days_late=days_late,
        indicators=indicators, average=avg,
        average_predikat=ctx.settings.predikat(round(avg, 2)) if avg is not None else None,
        budget=top, budget_flat=flat, has_plan=has_plan, budget_source=source,
    )


def efisiensi_budget(ctx: Context) -> list[BudgetLine]:
    """A seksi report without a budget table (seeds 000 and 002) states its budget in the
    cost-per-outcome table: the Kegiatan rows there are its budget lines, with the corrected
    pagu and realisasi."""
    out = []
    for r in ctx.report.efisiensi:
        if normalise_text(r.get("jenis").text) == "sasaran" or not r.get("uraian").text:
            continue
        pagu = ctx.truth(r.get("pagu"), amount(r.get("pagu")))
        if pagu is None:
            continue
        real = ctx.truth(r.get("realisasi"), amount(r.get("realisasi"), True))
        code = r.get("kode").parsed
        out.append(BudgetLine(None, r, getattr(code, "canonical", None) or None,
                              r.get("uraian").text, None, pagu, real or 0.0, None))
    return out


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


def personnel_figures(result: CheckResult) -> dict[str, dict]:
    """The personnel counts every writer shows: :func:`personnel_counts` from the Pegawai
    list, with each table the report typed itself (sheet Rekap Pegawai) in its place, at
    its corrected values (the diagnosis' truth: a wrong total is shown as it should be).
    A typed pendidikan or golongan table without status columns cannot say the split by
    status, so the list's figures stay for it. ``"dari_rekap"`` names the typed tables."""
    from .relations.pegawai import STATUS_COLUMNS, category, rekap_tables

    ctx: Context = result.context
    counts = personnel_counts(result.report)
    typed_dims: list[str] = []

    def value(v) -> int:
        x = ctx.truth(v, amount(v, True))
        return int(round(x)) if isinstance(x, (int, float)) and x == x else 0

    for t in rekap_tables(result.report):
        dim = t.tabel
        if dim is None or not t.rows:
            continue
        keys = t.status_keys()
        if dim == "Pendidikan" and keys:
            edu: dict[str, dict[str, int]] = {}
            for r in t.rows:
                cat = category(dim, r.get("uraian").text) or "Lainnya"
                row = edu.setdefault(cat, {s: 0 for s in STATUS_ORDER})
                for k, st in STATUS_COLUMNS:
                    if k in keys:
                        row[st] += value(r.get(k))
            counts["pendidikan"] = edu
        elif dim == "Golongan" and keys:
            gol = {g: {"PNS": 0, "CPNS": 0} for g in GOL_ORDER}
            for r in t.rows:
                cat = (category(dim, r.get("uraian").text) or "").split("/")[0]
                if cat in gol:
                    for k, st in (("pns", "PNS"), ("cpns", "CPNS")):
                        if k in keys:
                            gol[cat][st] += value(r.get(k))
            counts["golongan"] = gol
        elif dim in ("Eselon", "Diklat"):
            out: dict[str, int] = {}
            for r in t.rows:
                cat = category(dim, r.get("uraian").text) or r.get("uraian").text.strip()
                n = sum(value(r.get(k)) for k in keys) if keys else value(r.get("jumlah"))
                out[cat] = out.get(cat, 0) + n
            counts[dim.lower()] = out
        else:
            continue
        typed_dims.append(dim)
    counts["dari_rekap"] = typed_dims
    return counts


# --- Figures for the Word document (lkj dokumen) ------------------------------------------
# Tables the finalised workbook takes straight from the sheets but the document shows with
# their totals, ratios and percentages: computed here, once, from the same check context.


@dataclass
class PkBudgetLine:
    no: str
    kode: str | None
    uraian: str
    anggaran: float | None
    sumber: str


def pk_budget(result: CheckResult) -> tuple[list[PkBudgetLine], float | None]:
    """The PK's budget lines as agreed, and their total (recomputed, as PK007 checks it;
    None when there are no lines)."""
    lines = []
    for i, r in enumerate(result.report.pk_budget_rows):
        if not r.get("uraian").text and amount(r.get("anggaran")) is None:
            continue
        code = r.get("kode").parsed
        lines.append(PkBudgetLine(r.get("no").text or str(i + 1),
                                  getattr(code, "canonical", None) or r.get("kode").text or None,
                                  r.get("uraian").text, amount(r.get("anggaran")),
                                  r.get("sumber").text))
    if not lines:
        return [], None
    return lines, sum(b.anggaran or 0 for b in lines)  # = the corrected JUMLAH (PK007)


@dataclass
class ChecklistItem:
    no: str
    nama: str
    kelompok: str
    done: bool | None


def fasilitasi_table(result: CheckResult) -> tuple[list[tuple[str, list[ChecklistItem]]],
                                                   int, int]:
    """The Fasilitasi checklist grouped by kelompok in sheet order, with (ticked, all) as the
    FAS rules count them; an item whose status is unclear counts as not done."""
    from .rules.fasilitasi import checklist_counts

    groups: dict[str, list[ChecklistItem]] = {}
    for r in result.report.fasilitasi:
        if not r.get("nama").text:
            continue
        k = r.get("kelompok").text.strip().capitalize() or "Fasilitasi"
        items = groups.setdefault(k, [])
        name = r.get("nama").text
        if r.weight != 1:
            # a row standing for several activities the report only counts
            name = f"{name} ({r.weight} kegiatan)"
        items.append(ChecklistItem(str(len(items) + 1), name, k, r.done))
    done, total = checklist_counts(result.report)
    return list(groups.items()), done, total


def indicator_ratio(summary: Summary, ind: IndicatorLine) -> tuple[float, float, str] | None:
    """(numerator, denominator, source) behind an indicator's realisasi when it is a ratio:
    counted from the Fasilitasi or Desa sheet, else Pembilang/Penyebut or a typed "31/36"
    when that is the realisasi lkj believes. Source: "Fasilitasi", "Desa" or ""."""
    c = ind.row
    cell = summary.ctx.diagnosis.cell(c.get("realisasi"))
    rel = cell.relation if cell is not None else None
    if rel is not None and rel.code in ("FAS001", "DES002", "CAP002"):
        n, d = (i.cur for i in rel.inputs)
        if n is None or not d:
            return None
        return n, d, {"FAS001": "Fasilitasi", "DES002": "Desa"}.get(rel.code, "")
    if ind.realisasi is None:
        return None
    p = c.get("realisasi").parsed
    if getattr(p, "style", None) == "ratio" and p.denominator and \
            abs(p.numerator / p.denominator * 100 - ind.realisasi) <= 1e-6:
        return p.numerator, p.denominator, ""
    return None


@dataclass
class EfisiensiLine:
    no: str
    jenis: str
    uraian: str
    indikator: str
    pagu: float | None
    realisasi: float | None
    capaian_anggaran: float | None  # percentage points
    target: tuple[float | None, str | None]
    realisasi_kinerja: tuple[float | None, str | None]
    capaian_kinerja: float | None
    efisiensi: float | None
    keterangan: str


def efisiensi_lines(result: CheckResult) -> tuple[list[EfisiensiLine], str]:
    """The cost-per-outcome rows with capaian anggaran, capaian kinerja and efisiensi as the
    diagnosis corrected them (COP001-COP003), and the efisiensi formula's name."""
    ctx: Context = result.context
    formula = ctx.settings.efficiency_formula
    out = []
    for r in result.report.efisiensi:
        if not r.get("uraian").text:
            continue
        pagu = ctx.truth(r.get("pagu"))
        real = ctx.truth(r.get("realisasi"))
        ang = ctx.truth(r.get("capaian_anggaran"))
        kin = ctx.truth(r.get("capaian_kinerja"))
        eff = ctx.truth(r.get("efisiensi"))
        out.append(EfisiensiLine(
            r.get("no").text, r.get("jenis").text, r.get("uraian").text,
            r.get("indikator").text, pagu, real if pagu is not None else real,
            ang, measure(r.get("target")), measure(r.get("realisasi_kinerja")), kin,
            eff, r.get("keterangan").text))
    return out, formula


@dataclass
class ComparisonLine:
    no: str
    indikator: str
    #: year -> (target, realisasi, unit); the report's own year from the Capaian figures.
    years: dict[int, tuple[float | None, float | None, str | None]]
    renstra: tuple[float | None, str | None]


def perbandingan_table(summary: Summary) -> tuple[list[int], list[ComparisonLine]]:
    """Sheet Perbandingan pivoted to one line per indicator and a column pair per year; the
    report year's target and realisasi are the Capaian figures (PK008 checks they agree)."""
    from .rules.base import best_match

    inds = [(i.indikator or i.sasaran, i) for i in summary.indicators]
    lines: dict[str, ComparisonLine] = {}
    years: set[int] = set()
    for p in summary.report.perbandingan:
        name = p.get("indikator").text
        year = p.get("tahun").value
        if not name or not isinstance(year, (int, float)):
            continue
        year = int(year)
        years.add(year)
        key = normalise_text(name).replace(" ", "")
        line = lines.setdefault(key, ComparisonLine(p.get("no").text, name, {}, (None, None)))
        t, tu = measure(p.get("target"))
        r, ru = measure(p.get("realisasi"))
        cur = best_match(name, inds, 0.8) if year == summary.year else None
        if cur is not None:
            t = cur.target if cur.target is not None else t
            r = cur.realisasi if cur.realisasi is not None else r
            tu = ru = cur.unit or tu or ru
        line.years[year] = (t, r, tu or ru)
        rv = measure(p.get("target_renstra"))
        if rv[0] is not None:
            line.renstra = rv
    return sorted(years), list(lines.values())


__all__ = ["Summary", "build_summary", "desa_table", "personnel_counts", "personnel_figures",
           "pk_budget", "fasilitasi_table", "indicator_ratio", "efisiensi_lines", "perbandingan_table"]
