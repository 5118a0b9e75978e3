"""What rules share: the check context, number comparison and Indonesian formatting.

Recomputed values are cached on the context so that every rule (and the finalised
workbook) works from the same computation.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from functools import cached_property

from .. import formatting as _fmt
from ..findings import Finding, Severity
from ..model import AnggaranRow, CapaianRow, PkRow, Report, Row, Settings, Value
from ..parsing import Number, normalise_text
from ..relations.core import pct_status  # noqa: F401 - one definition, shared
from . import RULES

# ---------------------------------------------------------------------------------------
# Formatting (Indonesian)
# ---------------------------------------------------------------------------------------


def rp(x: float | None) -> str:
    """Rupiah the Indonesian way: 1500000 -> "1.500.000" (decimals only when present)."""
    return _fmt.amount(x)


def pct(x: float | None, decimals: int = 2) -> str:
    return _fmt.percent(x, decimals)


def num(x: float | None) -> str:
    return _fmt.quantity(x)


# ---------------------------------------------------------------------------------------
# Reading values for arithmetic
# ---------------------------------------------------------------------------------------


def amount(v: Value | None, blank_is_zero: bool = False) -> float | None:
    """The amount in a cell; "-" is 0 (nothing realised). An empty cell is 0 when
    ``blank_is_zero`` (realisasi), otherwise None (not reported)."""
    if v is None or v.raw is None or (isinstance(v.raw, str) and not v.raw.strip()):
        return 0.0 if blank_is_zero else None
    p = v.parsed
    if not isinstance(p, Number) or p.error:
        return None
    if p.value is None:
        return 0.0
    return p.value if math.isfinite(p.value) else None


def typed(v: Value | None) -> bool:
    """Whether the user typed anything in the cell."""
    return v is not None and v.raw is not None and not (isinstance(v.raw, str)
                                                        and not v.raw.strip())


def measure(v: Value | None, satuan: str | None = None) -> tuple[float | None, str | None]:
    """(value, unit) of a target/realisasi cell; unit "%" for percentages, "Desa" for
    "12 Desa", the row's satuan for a bare number, None when unknown."""
    if v is None or not isinstance(v.parsed, Number) or v.parsed.error:
        return None, None
    p = v.parsed
    if p.value is None:
        return None, None
    if p.is_percent or p.style == "ratio":
        return p.value, "%"
    if p.unit:
        return p.value, normalise_unit(p.unit)
    sat = normalise_unit(satuan) if satuan else None
    return p.value, sat


def normalise_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    u = normalise_text(unit)
    if u in ("%", "persen", "prosen"):
        return "%"
    return u.split(" ")[0] if u else None


def units_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def amount_ok(found: float, exact: float, tolerance: float) -> bool:
    return abs(found - exact) <= tolerance + 1e-6


def best_match(text: str, candidates: list[tuple[str, object]], threshold: float = 0.85):
    """The candidate whose text is most similar to ``text`` (at least ``threshold``).
    Exact matches (after normalising) short-circuit; difflib's cheap upper bounds skip
    hopeless candidates before the full ratio is computed."""
    target = normalise_text(text)
    if not target:
        return None
    for ctext, obj in candidates:
        if normalise_text(ctext) == target:
            return obj
    sm = difflib.SequenceMatcher(None, autojunk=False)
    sm.set_seq2(target)
    best, score = None, 0.0
    for ctext, obj in candidates:
        sm.set_seq1(normalise_text(ctext))
        if sm.real_quick_ratio() < threshold or sm.quick_ratio() < threshold:
            continue
        s = sm.ratio()
        if s > score:
            best, score = obj, s
    return best if score >= threshold else None


# ---------------------------------------------------------------------------------------
# The Anggaran hierarchy
# ---------------------------------------------------------------------------------------


@dataclass
class BudgetNode:
    row: AnggaranRow
    children: list[BudgetNode]
    pagu: float | None
    realisasi: float | None
    #: Bottom-up expected values: a parent's expected pagu is the sum of its children's.
    exp_pagu: float | None = None
    exp_realisasi: float | None = None

    @property
    def code(self) -> str | None:
        c = self.row.code
        return c.canonical if c else None


class Context:
    """Everything a rule needs about one report; shared computations are cached."""

    def __init__(self, report: Report):
        self.report = report
        self.settings: Settings = report.settings
        self.findings: list[Finding] = []

    # -- emitting --------------------------------------------------------------------
    def finding(self, code: str, where: Value | Row | tuple[str, str | None], *, row_key: str,
                field: str, found: str, expected: str, message: str, cause: str | None = None,
                severity: Severity | str | None = None, alternatives: tuple[str, ...] = (),
                note: str = "") -> Finding:
        r = RULES[code]
        if isinstance(where, Value):
            sheet, cell = where.sheet, where.cell
        elif isinstance(where, Row):
            sheet, cell = where.sheet, f"A{where.row}"
        else:
            sheet, cell = where
        sev = Severity(severity) if severity else r.severity
        if cause and "akibat" not in message:
            message += f" Ini akibat kesalahan di {cause}."
        return Finding(code, sev, sheet, cell, row_key, field, found, expected, message, cause,
                       alternatives, note)

    # -- the diagnosis ------------------------------------------------------------------------
    @cached_property
    def diagnosis(self):
        """The fewest typed cells that explain every disagreement (lkj_excel.diagnosis)."""
        from ..diagnosis import diagnose

        return diagnose(self)

    @property
    def year(self) -> int | None:
        """The report year, as the diagnosis settled it (a typed year that contradicts the
        rest of the report is corrected)."""
        return self.diagnosis.year

    @property
    def quarter(self) -> int | None:
        return self.diagnosis.quarter

    def truth(self, v: Value | None, default=None):
        """The corrected value of a cell of the network (else ``default``)."""
        return self.diagnosis.truth(v, default)

    def diagnosed(self, code: str):
        """The findings of rule ``code``: cells of its relation that the diagnosis changed."""
        from .diagnosed import change_finding

        for ch in self.diagnosis.by_code(code):
            yield change_finding(self, ch)

    def truncated(self, code: str):
        """Percentages of rule ``code``'s relation typed with the decimals cut off instead
        of rounded (117,59 typed 117): a note, since the value is right to the digit shown."""
        from .diagnosed import truncation_findings

        yield from truncation_findings(self, code)

    # -- Anggaran ------------------------------------------------------------------------
    @cached_property
    def budget_rows(self) -> list[AnggaranRow]:
        return self.report.anggaran_rows

    @cached_property
    def budget_by_code(self) -> dict[str, AnggaranRow]:
        out: dict[str, AnggaranRow] = {}
        for r in self.budget_rows:
            c = r.code
            if c and c.canonical not in out:
                out[c.canonical] = r
        return out

    @cached_property
    def budget_names(self) -> list[tuple[str, AnggaranRow]]:
        """(uraian, row) of every budget row, for matching by name."""
        return [(r.get("uraian").text, r) for r in self.budget_rows]

    @cached_property
    def budget_tree(self) -> list[BudgetNode]:
        """Top-level nodes: programs, and rows whose parent row is absent."""
        nodes: dict[int, BudgetNode] = {}
        for r in self.budget_rows:
            nodes[r.row] = BudgetNode(r, [], self.pagu_of(r), amount(r.get("realisasi"), True))
        roots: list[BudgetNode] = []
        for r in self.budget_rows:
            node = nodes[r.row]
            parent_code = r.code.parent if r.code else None
            parent = self.budget_by_code.get(parent_code) if parent_code else None
            if parent is not None and parent.row != r.row:
                nodes[parent.row].children.append(node)
            else:
                roots.append(node)

        def settle(n: BudgetNode) -> None:
            for ch in n.children:
                settle(ch)
            if n.children:
                ps = [c.exp_pagu for c in n.children]
                rs = [c.exp_realisasi for c in n.children]
                n.exp_pagu = sum(ps) if None not in ps else None
                n.exp_realisasi = sum(rs) if None not in rs else None
            else:
                n.exp_pagu, n.exp_realisasi = n.pagu, n.realisasi

        for n in roots:
            settle(n)
        return roots

    def pagu_of(self, r: Row) -> float | None:
        """A row's pagu; an irregular number reads as the alternative that agrees with
        realisasi + sisa when one does (11.100.0000 with 11.070.000 + 30.000)."""
        v = r.get("pagu")
        p = v.parsed
        if isinstance(p, Number) and p.irregular:
            real = amount(r.get("realisasi"), True)
            sisa = amount(r.get("sisa"))
            if real is not None and sisa is not None:
                for cand in (p.value, *p.alternatives):
                    if cand is not None and abs(cand - (real + sisa)) < 1:
                        return cand
        return amount(v)

    @cached_property
    def budget_top(self) -> list[BudgetNode]:
        """The rows the total must equal the sum of: programs if any, else the highest
        level present, else every row."""
        roots = self.budget_tree
        for level in ("program", "kegiatan", "subkegiatan"):
            lv = [n for n in roots if n.row.level == level]
            if lv:
                return [n for n in roots if n.row.level == level or n.row.level is None]
        return roots

    # -- Capaian and PK --------------------------------------------------------------------
    @cached_property
    def pk_matches(self) -> dict[int, PkRow]:
        """Capaian row number -> the PK row it reports on (by indicator, else sasaran)."""
        pk = self.report.pk
        by_ind = [(r.get("indikator").text, r) for r in pk if r.get("indikator").text]
        by_sas = [(r.get("sasaran").text, r) for r in pk if r.get("sasaran").text]
        out: dict[int, PkRow] = {}
        used: set[int] = set()
        for c in self.report.capaian_rows:
            hit = None
            ind = c.get("indikator").text
            if ind:
                hit = best_match(ind, [(t, r) for t, r in by_ind if r.row not in used])
            if hit is None and not ind and c.get("sasaran").text:
                hit = best_match(c.get("sasaran").text,
                                 [(t, r) for t, r in by_sas if r.row not in used])
            if hit is not None:
                out[c.row] = hit
                used.add(hit.row)
        return out

    @cached_property
    def derived(self) -> dict[int, tuple[float, float, str]]:
        """Capaian row -> (numerator, denominator, source) recomputed from the Fasilitasi or
        Desa sheet, for rows whose Sumber Data names one of them."""
        from .desa import desa_indicator
        from .fasilitasi import checklist_counts

        out: dict[int, tuple[float, float, str]] = {}
        for c in self.report.capaian_rows:
            src = normalise_text(c.get("sumber").text)
            if src == "fasilitasi" and self.report.fasilitasi:
                done, total = checklist_counts(self.report)
                if total:
                    out[c.row] = (done, total, "Fasilitasi")
            elif src == "desa" and self.report.desa:
                res = desa_indicator(self)
                if res is not None:
                    out[c.row] = (res[0], res[1], "Desa")
        return out

    def realisasi_of(self, c: CapaianRow) -> tuple[float | None, str | None]:
        """The realisasi as typed (its value and unit)."""
        return measure(c.get("realisasi"), c.get("satuan").text)

    def exact_realisasi(self, c: CapaianRow) -> float | None:
        value = self._exact_realisasi(c)
        return value if value is None or math.isfinite(value) else None

    def _exact_realisasi(self, c: CapaianRow) -> float | None:
        """The realisasi lkj believes: the derived percentage when the row is derived from
        another sheet, else the exact ratio of pembilang/penyebut, else the typed value."""
        if c.row in self.derived:
            n, d, _ = self.derived[c.row]
            return n / d * 100
        pem, pen = amount(c.get("pembilang")), amount(c.get("penyebut"))
        value, unit = self.realisasi_of(c)
        if pem is not None and pen and unit in ("%", None):
            exact = pem / pen * 100
            if value is None or abs(exact - value) <= 0.01 + 1e-9 or \
                    pct_status(c.get("realisasi").parsed, exact, 0.01) == "ok":
                return exact
        p = c.get("realisasi").parsed
        if isinstance(p, Number) and p.style == "ratio" and p.numerator is not None and \
                p.denominator:
            exact = p.numerator / p.denominator * 100
            if p.decimals is None or pct_status(p, exact, self.settings.tolerance_points) == "ok":
                return exact
        return value

    def capaian_formula(self, c: CapaianRow) -> str:
        if c.polarity == "negatif":
            f = (c.get("rumus_negatif").text or self.settings.negative_formula).replace(" ", "")
            return f if f in ("2T-R", "T/R", "(T-R)/T") else self.settings.negative_formula
        return "R/T"

    def compute_capaian(self, c: CapaianRow, realisasi: float | None) -> float | None:
        value = self._capaian(c, realisasi)
        return value if value is None or math.isfinite(value) else None

    def _capaian(self, c: CapaianRow, realisasi: float | None) -> float | None:
        t, tu = measure(c.get("target"), c.get("satuan").text)
        _, ru = self.realisasi_of(c)
        if t is None or realisasi is None or t == 0 or not units_compatible(tu, ru):
            return None
        f = self.capaian_formula(c)
        if f == "R/T":
            return realisasi / t * 100
        if f == "2T-R":
            return (2 * t - realisasi) / t * 100
        if f == "T/R":
            return t / realisasi * 100 if realisasi else None
        return (t - realisasi) / t * 100

    @cached_property
    def capaian_values(self) -> dict[int, float | None]:
        """Capaian row -> the recomputed capaian (from the realisasi lkj believes)."""
        return {c.row: self.compute_capaian(c, self.exact_realisasi(c))
                for c in self.report.capaian_rows}

    @cached_property
    def capaian_average(self) -> float | None:
        vals = [v for v in self.capaian_values.values() if v is not None]
        return sum(vals) / len(vals) if vals else None


FORMULA_TEXT = {
    "R/T": "realisasi / target x 100",
    "2T-R": "(2 x target - realisasi) / target x 100",
    "T/R": "target / realisasi x 100",
    "(T-R)/T": "(target - realisasi) / target x 100",
}
