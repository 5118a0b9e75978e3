"""Mutation testing of the checker: change one typed cell the way staff err, and judge.

A *mutant* is one edit of a clean report (the clean sample, or a real sample with every
correction applied): a pagu with a digit off, a percentage 5 points off, a code typed under
another program, a target changed, a tick flipped, a date a month late, a NIP digit, a
golongan, the year or the quarter. For each mutant the checker must

1. name the mutated cell as a cause (or list it as an honest alternative of a cause),
2. mark every other new error or warning as a consequence (``cause`` set),
3. close: applying every ``expected`` value and checking again gives no new error.

A *neutral* rewrite (1.500.000 typed as the number 1500000, 24,14% as 0.2414 in a percent
cell, two sub kegiatan swapped, "JUMLAH" as "Jumlah" or in the code column) must give no
new finding at all.

Edits go through ``read_report(path, edits=...)``, the same parse path as a typed file,
without writing one; ``scripts/mutation_report.py`` prints the counts over every sample.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lkj_excel.checking import check
from lkj_excel.findings import CheckResult, Finding, Severity
from lkj_excel.model import Report, col_letter
from lkj_excel.parsing import NipInfo, format_number_id, parse_pangkat
from lkj_excel.reader import read_report

Edits = dict[tuple[str, str], Any]


@dataclass
class Mutant:
    kind: str
    sheet: str
    cell: str
    raw: Any
    neutral: bool = False
    #: A grid-level edit (row swaps, moved labels) instead of one cell.
    grid_edit: Callable[[dict], None] | None = None
    #: Other cells the edit touches (a row swap), any of which may be named.
    also: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"

    def __str__(self) -> str:
        return f"{self.kind} {self.where} := {self.raw!r}"


@dataclass
class Verdict:
    mutant: Mutant
    named: bool
    unexplained: list[Finding] = field(default_factory=list)
    fixpoint_errors: list[Finding] = field(default_factory=list)
    noise: list[Finding] = field(default_factory=list)
    #: The edit changed nothing the report can check (a tick no indicator counts, a
    #: percentage with no relation): no finding is owed.
    silent: bool = False

    @property
    def ok(self) -> bool:
        if self.mutant.neutral:
            return not self.noise
        if self.silent:
            return True
        return self.named and not self.unexplained and not self.fixpoint_errors


def _key(f: Finding) -> tuple[str, str, str | None]:
    return (f.rule, f.sheet, f.cell)


def run_check(path, edits: Edits | None = None,
              grid_edit: Callable[[dict], None] | None = None) -> CheckResult:
    if grid_edit is not None:
        base = dict(edits or {})

        def both(grids):
            from lkj_excel.reader import _apply_edits

            _apply_edits(grids, base)
            grid_edit(grids)

        return check(read_report(path, edits=both))
    return check(read_report(path, edits=edits or None))


def corrections(res: CheckResult) -> Edits:
    """Every applicable ``expected`` value of error and warning findings, as edits."""
    out: Edits = {}
    for f in res.findings:
        if f.severity is Severity.INFO or not f.expected or not f.cell or ":" in f.cell:
            continue
        out[(f.sheet, f.cell)] = f.expected
    return out


def corrected_edits(path, rounds: int = 4) -> Edits:
    """Apply the corrections of a real sample until nothing more changes: a clean copy."""
    edits: Edits = {}
    for _ in range(rounds):
        res = run_check(path, edits)
        more = {k: v for k, v in corrections(res).items() if edits.get(k) != v}
        if not more:
            break
        edits.update(more)
    return edits


def judge(path, base: Edits, baseline: CheckResult, m: Mutant) -> Verdict:
    edits = dict(base)
    if m.grid_edit is None:
        edits[(m.sheet, m.cell)] = m.raw
    res = run_check(path, edits, m.grid_edit)
    before = {_key(f) for f in baseline.findings}
    new = [f for f in res.findings if _key(f) not in before]
    if m.neutral:
        return Verdict(m, True, noise=new)
    serious = [f for f in new if f.severity is not Severity.INFO]
    targets = {m.where, *(f"{m.sheet}!{a}" for a in m.also)}
    causes = [f for f in serious if not f.cause]
    named = any((f.where in targets or targets & set(f.alternatives)) and not f.cause
                for f in res.findings)
    if not serious and not named:
        return Verdict(m, False, silent=True)
    unexplained = [f for f in causes if f.where not in targets
                   and not (targets & set(f.alternatives))]
    # Close the loop: apply every correction and check again.
    fix = dict(edits)
    fix.update(corrections(res))
    again = run_check(path, fix, m.grid_edit)
    base_errors = {_key(f) for f in baseline.findings if f.severity is Severity.ERROR}
    left = [f for f in again.findings if f.severity is Severity.ERROR
            and _key(f) not in base_errors and f.correctable]
    return Verdict(m, named, unexplained, left)


# ---------------------------------------------------------------------------------------
# Generating mutants from a report
# ---------------------------------------------------------------------------------------


def _amount_typo(v: float) -> float:
    """A digit typed wrong: the second significant digit off by one (8.000.000 ->
    9.000.000 is the first; 12.000.000 -> 13.000.000)."""
    if v <= 0:
        return 1_000_000.0
    digits = len(str(int(v)))
    step = 10 ** max(digits - 2, 0)
    return v + step


def _pct_text(v: float) -> str:
    return format_number_id(v, 2) + "%"


def mutants(report: Report, rng: random.Random | None = None,
            limit_per_kind: int | None = None) -> list[Mutant]:
    out: list[Mutant] = []
    add = out.append
    # --- amounts and percentages in Anggaran (every column of every row)
    for r in report.anggaran:
        if r.is_average:
            continue
        for key in ("pagu", "realisasi", "sisa"):
            v = r.get(key)
            a = v.parsed.value if v.parsed is not None and getattr(v.parsed, "value", None) \
                is not None else None
            if v.cell and a is not None:
                add(Mutant("amount", v.sheet, v.cell, format_number_id(_amount_typo(a), 0)))
                add(Mutant("neutral-number", v.sheet, v.cell, float(a), neutral=True))
        v = r.get("persentase")
        if v.cell and v.parsed is not None and getattr(v.parsed, "value", None) is not None:
            p = v.parsed.value
            add(Mutant("percent", v.sheet, v.cell, _pct_text(p + 5)))
            add(Mutant("neutral-fraction", v.sheet, v.cell, round(p / 100, 6), neutral=True))
        c = r.code
        if c is not None and c.level == "subkegiatan":
            others = sorted({x.code.program for x in report.anggaran_rows
                             if x.code and x.code.program != c.program})
            if others:
                wrong = others[0] + c.canonical[len(c.program):]
                if not any(x.code and x.code.canonical == wrong for x in report.anggaran_rows):
                    add(Mutant("code", "Anggaran", r.get("kode").cell, wrong))
    # --- Capaian: targets, realisasi, capaian, counts, units
    for c in report.capaian_rows:
        for key in ("target", "realisasi", "capaian"):
            v = c.get(key)
            p = v.parsed
            if not v.cell or p is None or getattr(p, "value", None) is None:
                continue
            if getattr(p, "style", "") == "ratio":
                continue
            if p.is_percent or c.get("satuan").text == "%":
                add(Mutant("target" if key == "target" else "percent", v.sheet, v.cell,
                           _pct_text(p.value + 5)))
            else:
                add(Mutant("target" if key == "target" else "amount", v.sheet, v.cell,
                           format_number_id(p.value + 1, 0)))
        v = c.get("realisasi")
        if v.cell and v.parsed is not None and getattr(v.parsed, "is_percent", False):
            add(Mutant("unit", v.sheet, v.cell, v.text.replace("%", " Desa")))
        for key in ("pembilang", "penyebut"):
            v = c.get(key)
            if v.cell and v.parsed is not None and getattr(v.parsed, "value", None):
                add(Mutant("count", v.sheet, v.cell, str(int(v.parsed.value) + 1)))
    for r in report.pk:
        v = r.get("target")
        p = v.parsed
        if v.cell and p is not None and getattr(p, "value", None) is not None and p.is_percent:
            add(Mutant("target", v.sheet, v.cell, _pct_text(p.value + 5)))
    # --- Fasilitasi ticks, Desa dates
    for r in report.fasilitasi:
        v = r.get("status")
        if v.cell and r.done is not None:
            add(Mutant("tick", v.sheet, v.cell, "Belum" if r.done else "Terlaksana"))
    for r in report.desa:
        for key in ("rkpdes", "apbdes", "lppdes"):
            v = r.get(key)
            d = v.value
            if v.cell and d is not None and hasattr(d, "year"):
                late = d.replace(year=d.year + 1) if not (d.month == 2 and d.day == 29) else d
                add(Mutant("date", v.sheet, v.cell, f"{late.day} {_MONTHS[late.month]} "
                                                     f"{late.year}"))
    # --- Identitas: year, quarter, report date; NIP and pangkat everywhere
    ident = report.identity
    if ident.tahun.cell and ident.year:
        add(Mutant("year", ident.tahun.sheet, ident.tahun.cell, ident.year - 1))
    if ident.triwulan.cell and ident.quarter:
        q = ident.quarter % 4 + 1
        add(Mutant("quarter", ident.triwulan.sheet, ident.triwulan.cell,
                   ("I", "II", "III", "IV")[q - 1]))
    d = ident.report_date
    if ident.tanggal.cell and d is not None:
        late = d.replace(month=d.month + 1, day=min(d.day, 28)) if d.month < 12 else \
            d.replace(year=d.year + 1, month=1)
        add(Mutant("date", ident.tanggal.sheet, ident.tanggal.cell,
                   f"{late.day} {_MONTHS[late.month]} {late.year}"))
    for v in _nip_cells(report):
        p = v.parsed
        if isinstance(p, NipInfo) and p.digits and len(p.digits) == 18:
            bad = p.digits[:4] + "13" + p.digits[6:]  # month 13: no such birth date
            add(Mutant("nip", v.sheet, v.cell, f"{bad[:8]} {bad[8:14]} {bad[14]} {bad[15:]}"))
    for v in _pangkat_cells(report):
        info = parse_pangkat(v.raw)
        if info.golongan and info.consistent:
            g = info.golongan
            other = g[:-1] + ("b" if g[-1] != "b" else "c")
            add(Mutant("pangkat", v.sheet, v.cell, str(v.raw).replace(g, other)))
            if not g.startswith("IV"):
                # a golongan that does not exist (II/e)
                add(Mutant("golongan", v.sheet, v.cell, str(v.raw).replace(g, g[:-1] + "e")))
    # --- neutral layout rewrites
    out.extend(_layout_neutrals(report))
    if limit_per_kind is not None:
        rng = rng or random.Random(0)
        by: dict[str, list[Mutant]] = {}
        for m in out:
            by.setdefault(m.kind, []).append(m)
        out = [m for ms in by.values()
               for m in (rng.sample(ms, limit_per_kind) if len(ms) > limit_per_kind else ms)]
    return out


_MONTHS = ("", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")


def _nip_cells(report: Report):
    ident = report.identity
    for v in (ident.pelapor.nip, ident.atasan.nip, ident.pk_pihak1_nip):
        if v.cell and v.raw:
            yield v
    for r in report.pegawai:
        v = r.get("nip")
        if v.cell and v.raw:
            yield v


def _pangkat_cells(report: Report):
    ident = report.identity
    for v in (ident.pelapor.pangkat, ident.atasan.pangkat):
        if v.cell and v.raw:
            yield v
    for r in report.pegawai:
        v = r.get("pangkat")
        if v.cell and v.raw:
            yield v


def _layout_neutrals(report: Report) -> Iterator[Mutant]:
    total = report.anggaran_total
    cols = report.columns.get("Anggaran", {})
    if total is not None and "uraian" in cols and "kode" in cols:
        label_cell = total.get("uraian")
        text = label_cell.text
        if text:
            yield Mutant("neutral-case", "Anggaran", label_cell.cell,
                         text.capitalize() if text.isupper() else text.upper(), neutral=True)
            r0 = total.row - 1
            ku, kk = cols["uraian"], cols["kode"]

            def to_code_column(grids, r0=r0, ku=ku, kk=kk, text=text):
                row = grids["Anggaran"][r0]
                row[kk], row[ku] = text, ""

            yield Mutant("neutral-label-in-A", "Anggaran", label_cell.cell, None, neutral=True,
                         grid_edit=to_code_column)
            # "J U M L A H" (seed 003's spacing), and no label at all: still the total
            yield Mutant("neutral-label-spaced", "Anggaran", label_cell.cell,
                         " ".join(text.replace(" ", "").upper()), neutral=True)
            if not total.get("kode").text:
                yield Mutant("neutral-label-blank", "Anggaran", label_cell.cell, "",
                             neutral=True)
    # two sub kegiatan of one kegiatan swapped
    rows = report.anggaran_rows
    for a, b in zip(rows, rows[1:], strict=False):
        ca, cb = a.code, b.code
        if ca and cb and ca.level == cb.level == "subkegiatan" and ca.parent == cb.parent:
            ra, rb = a.row - 1, b.row - 1

            def swap(grids, ra=ra, rb=rb):
                g = grids["Anggaran"]
                g[ra], g[rb] = g[rb], g[ra]

            yield Mutant("neutral-row-order", "Anggaran", f"A{a.row}", None, neutral=True,
                         grid_edit=swap, also=(f"A{b.row}",))
            break


__all__ = ["Mutant", "Verdict", "mutants", "judge", "run_check", "corrections",
           "corrected_edits", "col_letter"]
