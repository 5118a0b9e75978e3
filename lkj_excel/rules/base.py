"""What rules share: the check context, number comparison and Indonesian formatting.

Recomputed values are cached on the context so that every rule (and the finalised
workbook) works from the same computation.
"""

from __future__ import annotations

import math
from functools import cached_property
from operator import attrgetter, itemgetter

from .. import formatting as _fmt
from ..findings import Finding, Severity
from ..layout import RUMUS_NEGATIF
from ..model import (
    AnggaranRow,
    CapaianRow,
    PkRow,
    Report,
    Row,
    Settings,
    Value,
    columns_of,
    text_of,
)
from ..parsing import BudgetCode, DetailedNumber, Number, normalise_text
from ..relations.core import pct_status  # noqa: F401 - one definition, shared
from . import RULES

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from collections.abc import Iterator

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
    if v is None:
        return 0.0 if blank_is_zero else None
    return amount_of(v.raw, v.parsed, blank_is_zero)


def amount_of(raw, p, blank_is_zero: bool = False) -> float | None:
    """:func:`amount` of a cell given as its raw content and parse result (a walk over a
    table's columns, :func:`lkj_excel.model.columns_of`)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return 0.0 if blank_is_zero else None
    if not isinstance(p, Number) or p.error or p.style == "error":
        return None  # not a number, or a formula error (#REF!): unknown, not 0
    if p.value is None:
        return 0.0
    return p.value if math.isfinite(p.value) else None


def typed(v: Value | None) -> bool:
    """Whether the user typed anything in the cell."""
    return v is not None and typed_raw(v.raw)


def typed_raw(raw) -> bool:
    """:func:`typed` of a cell given as its raw content."""
    return raw is not None and (not isinstance(raw, str) or bool(raw.strip()))


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
    import difflib

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


#: Every character a normalised text can hold (parsing.normalise_text).
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789%/ "


def _letter_counts(text: str) -> tuple[int, ...] | None:
    """How often each character of :data:`_ALPHABET` occurs in a normalised ``text``: with
    two of these, ``sum(map(min, a, b))`` is the number of characters the texts share -
    what difflib's quick_ratio counts one character at a time in Python. None when the
    text holds another character (then quick_ratio itself decides)."""
    counts = tuple(map(text.count, _ALPHABET))
    return counts if sum(counts) == len(text) else None


class NameIndex:
    """Names normalised once, with exact lookups in a dict and fuzzy ones (as
    :func:`best_match`) cached per query: a table of 100,000 budget rows is matched by
    several rules without renormalising every name each time."""

    def __init__(self, pairs: list[tuple[str, object]]):
        self._pairs = [(normalise_text(t), obj) for t, obj in pairs]
        self._exact: dict[str, object] = {}
        for t, obj in self._pairs:
            if t:
                self._exact.setdefault(t, obj)
        self._cache: dict[tuple[str, float], object] = {}
        # by length: a name much longer or shorter than the query cannot reach the
        # threshold (difflib's real_quick_ratio bound), so it is never compared
        self._by_len = sorted(((len(t), i) for i, (t, _) in enumerate(self._pairs)))
        self._lens = [n for n, _ in self._by_len]
        #: Letter counts of the names compared so far (see _letter_counts).
        self._counts: dict[int, tuple[int, ...] | None] = {}

    def find(self, text: str, threshold: float = 0.85):
        target = normalise_text(text)
        if not target:
            return None
        hit = self._exact.get(target)
        if hit is not None:
            return hit
        key = (target, threshold)
        if key in self._cache:
            return self._cache[key]
        import bisect

        n = len(target)
        lo = bisect.bisect_left(self._lens, n * threshold / (2 - threshold) - 1e-9)
        hi = bisect.bisect_right(self._lens, n * (2 - threshold) / threshold + 1e-9)
        import difflib

        sm = difflib.SequenceMatcher(None, autojunk=False)
        sm.set_seq2(target)
        best, score = None, 0.0
        want = _letter_counts(target)
        if want is not None:  # only the query's own characters can be shared
            present = [k for k, x in enumerate(want) if x]
            pick = itemgetter(*present) if len(present) > 1 else None
            want = pick(want) if pick else None
        counts = self._counts
        for _, i in sorted(self._by_len[lo:hi], key=lambda x: x[1]):
            t, obj = self._pairs[i]
            if i in counts:
                have = counts[i]
            else:
                have = counts[i] = _letter_counts(t)
            if want is not None and have is not None:
                # difflib's quick_ratio (which real_quick_ratio never undercuts), from
                # counts made once per name
                if 2.0 * sum(map(min, want, pick(have))) / (len(t) + n) < threshold:
                    continue
                sm.set_seq1(t)
            else:
                sm.set_seq1(t)
                if sm.real_quick_ratio() < threshold or sm.quick_ratio() < threshold:
                    continue
            r = sm.ratio()
            if r > score:
                best, score = obj, r
        found = best if score >= threshold else None
        self._cache[key] = found
        return found


# ---------------------------------------------------------------------------------------
# The Anggaran table, read once for the rules
# ---------------------------------------------------------------------------------------


#: The Anggaran columns holding numbers, in the order the rules name them.
BUDGET_NUMBERS = ("pagu", "realisasi", "sisa", "persentase", "target_tw")


class CodedRows:
    """(row, code) pairs in table order, iterated as a list of the pairs would be, but held
    as two lists: a tuple a pair was 6 MiB at 100.000 rows (issue 17). The rules only walk
    them (ANG008-ANG010, :attr:`Context.budget_by_code`)."""

    __slots__ = ("rows", "codes")

    def __init__(self) -> None:
        self.rows: list[AnggaranRow] = []
        self.codes: list[BudgetCode] = []

    def __iter__(self) -> Iterator[tuple[AnggaranRow, BudgetCode]]:
        return zip(self.rows, self.codes, strict=True)

    def __len__(self) -> int:
        return len(self.rows)


class BudgetScan:
    """The facts several Anggaran rules look for, gathered in one pass over the table's rows:
    a table of 100,000 rows is walked once instead of once for every rule and column (the
    walk costs mostly in fetching each row's cells from memory, so one walk that looks at
    six columns takes half the time of six that look at one). Each rule still decides on its
    own what a fact means; the scan only says where to look.

    - ``codes``: (row, code) of every budget row (not JUMLAH or rata-rata) whose code reads,
      in table order (ANG008-ANG010, :attr:`Context.budget_by_code`);
    - ``bad_codes``: budget rows whose typed code does not read (ANG017);
    - ``notations``: for each column of :data:`BUDGET_NUMBERS`, the first text written the
      Indonesian way ("id": 1.500.000) and the English way ("en": 1,500,000), over every row
      of the table (ANG011);
    - ``below_zero``: (row, column) of every number read below zero, in table order
      (ANG007 decides which are negative amounts);
    - ``planned``: whether any budget row has a rencana triwulan typed (ANG013).
    """

    __slots__ = ("codes", "bad_codes", "notations", "below_zero", "planned")

    def __init__(self, rows: list[AnggaranRow]):
        codes = CodedRows()
        bad: list[AnggaranRow] = []
        notations: dict[str, dict[str, str]] = {k: {} for k in BUDGET_NUMBERS}
        # read by column (columns_of: no row makes its Values); a column left empty in
        # every row (Row.empty) holds nothing to look at
        empty = rows[0].empty if rows else {}
        numbers = [k for k in BUDGET_NUMBERS if k not in empty]
        (kode_raws, kodes), (plans, _), *cols = columns_of(rows, ("kode", "target_tw",
                                                                  *numbers))
        for r, raw, p in zip(rows, kode_raws, kodes, strict=True):
            if r.is_total or r.is_average:
                continue
            if p.__class__ is BudgetCode and p.canonical:
                codes.rows.append(r)
                codes.codes.append(p)
            if getattr(p, "error", None) and typed_raw(raw):
                bad.append(r)
        # a plan column of blanks only (the template's, left empty) is not asked row by row
        planned = plans.count(None) != len(plans) and any(
            typed_raw(plan) for r, plan in zip(rows, plans, strict=True)
            if not (r.is_total or r.is_average))
        below: list[tuple[int, int, str]] = []  # (row index, column order, key)
        for order, (key, (raws, parsed)) in enumerate(zip(numbers, cols, strict=True)):
            seen = notations[key]
            numbers_only = _numbers_only(parsed)
            for i in _first_styles(parsed, ("id", "en"), numbers_only):
                seen[parsed[i].style] = text_of(raws[i])
            below.extend((i, order, key) for i in _below_zero(parsed, numbers_only))
        below.sort()
        self.codes = codes
        self.bad_codes = bad
        self.notations = notations
        self.below_zero = [(rows[i], key) for i, _, key in below]
        self.planned = planned


def _unusual(p) -> bool:
    """Whether a parse result did not read cleanly: an error or irregular digit groups."""
    try:  # a Number or a BudgetCode, nearly every cell: two slots
        return bool(p.error or p.irregular)
    except AttributeError:  # a date, a NIP: what it has of the two
        return bool(getattr(p, "error", None) or getattr(p, "irregular", False))


_ERROR = attrgetter("error")
_IRREGULAR = attrgetter("irregular")


def _unusual_in(parsed: list) -> list[int]:
    """The indexes of the parse results among ``parsed`` (a table's column) that are
    :func:`_unusual`: a column of Numbers or BudgetCodes (each has both fields) is asked
    without a call a result, and nothing more when none is (asked without a list of
    either field: where one is found, or a result lacks them, the lists are made)."""
    try:
        if not any(map(_ERROR, parsed)) and not any(map(_IRREGULAR, parsed)):
            return []
        errors, irregular = list(map(_ERROR, parsed)), list(map(_IRREGULAR, parsed))
    except AttributeError:  # blanks of no parse, dates, NIPs: one by one
        return [i for i, p in enumerate(parsed) if p is not None and _unusual(p)]
    return [i for i, (e, g) in enumerate(zip(errors, irregular, strict=True)) if e or g]


_STYLE = attrgetter("style")
_NUMBER_CLASSES = {Number, DetailedNumber}
_VALUE = attrgetter("value")


def _numbers_only(parsed: list) -> bool:
    """Whether every parse result of a column is a Number (an amount or percent column
    of the reader's: each cell parses as one, a blank too)."""
    return set(map(type, parsed)) <= _NUMBER_CLASSES


def _first_styles(parsed: list, styles: tuple[str, ...], numbers_only: bool | None = None
                  ) -> list[int]:
    """The index of the first Number of each of ``styles`` among ``parsed``, in order.
    ``numbers_only``: :func:`_numbers_only` of ``parsed``, when the caller has it."""
    if _numbers_only(parsed) if numbers_only is None else numbers_only:
        shown = list(map(_STYLE, parsed))
        found = []
        for style in styles:
            try:
                found.append(shown.index(style))
            except ValueError:
                pass
        return sorted(found)
    firsts: dict[str, int] = {}
    for i, p in enumerate(parsed):
        if isinstance(p, Number) and p.style in styles:
            firsts.setdefault(p.style, i)
    return sorted(firsts.values())


def _below_zero(parsed: list, numbers_only: bool | None = None) -> list[int]:
    """The indexes of the Numbers among ``parsed`` read below zero. A column of Numbers
    none of which is below zero (nearly every one) says so from its least value, without
    a test a cell: ``min`` of the values that are not None or zero (a NaN first makes it
    NaN, and then the cells are looked at one by one). ``numbers_only``:
    :func:`_numbers_only` of ``parsed``, when the caller has it."""
    if _numbers_only(parsed) if numbers_only is None else numbers_only:
        values = list(map(_VALUE, parsed))
        present = list(filter(None, values))  # neither None nor zero
        if not present or min(present) >= 0:
            return []
    else:
        values = (p.value if isinstance(p, Number) else None for p in parsed)
    return [i for i, x in enumerate(values) if x is not None and x < 0]


# ---------------------------------------------------------------------------------------
# The check context
# ---------------------------------------------------------------------------------------


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

    @cached_property
    def unusual_values(self) -> list[Value]:
        """Every value of the model, in :meth:`Report.all_values` order, whose number or date
        did not read cleanly (an error or irregular digit groups): NIL001-NIL003 look at
        these, so the model is walked once for the three."""
        return [v for v in self.report.all_values(_unusual_in)
                if v.parsed is not None and _unusual(v.parsed)]

    @cached_property
    def pegawai_profiles(self) -> dict[str, list | None]:
        """The people of the Pegawai sheet as each Rekap Pegawai table kind counts them
        (relations.pegawai.profiles_of fills it): read once for the network and PEG005."""
        return {}

    @cached_property
    def rekap_tables(self) -> list:
        """The summary tables of the Rekap Pegawai sheet (relations.pegawai.rekap_tables):
        found once for the network (each network the diagnosis builds) and PEG005."""
        from ..relations.pegawai import rekap_tables

        return rekap_tables(self.report)

    # -- the diagnosis ------------------------------------------------------------------------
    @cached_property
    def diagnosis(self):
        """The fewest typed cells that explain every disagreement (lkj_excel.diagnosis)."""
        from ..diagnosis import diagnose

        return diagnose(self)

    def close(self) -> None:
        """Let go of the diagnosis network, if the check made one (Network.close): for a
        caller that keeps nothing of the check but what it has read from it."""
        made = self.__dict__.get("diagnosis")
        if made is not None:
            made.net.close()

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
        for ch in self.diagnosis.by_code(code):
            yield _diagnosed.change_finding(self, ch)

    @cached_property
    def relations_by_code(self) -> dict[str, list]:
        """The diagnosis network's relations by rule code, each list in network order: a
        rule looking at its own relations does not walk everyone's."""
        out: dict[str, list] = {}
        for r in self.diagnosis.net.relations:
            group = out.get(r.code)
            if group is None:
                out[r.code] = [r]
            else:
                group.append(r)
        return out

    def truncated(self, code: str):
        """Percentages of rule ``code``'s relation typed with the decimals cut off instead
        of rounded (117,59 typed 117): a note, since the value is right to the digit shown."""
        yield from _diagnosed.truncation_findings(self, code)

    # -- Anggaran ------------------------------------------------------------------------
    @cached_property
    def budget_rows(self) -> list[AnggaranRow]:
        return self.report.anggaran_rows

    @cached_property
    def budget_scan(self) -> BudgetScan:
        """What the Anggaran rules look for in the table's cells (:class:`BudgetScan`)."""
        return BudgetScan(self.report.anggaran)

    @property
    def budget_codes(self) -> CodedRows:
        """(row, code) of every budget row whose code reads (:attr:`AnggaranRow.code`), in
        table order."""
        return self.budget_scan.codes

    @cached_property
    def budget_by_code(self) -> dict[str, AnggaranRow]:
        out: dict[str, AnggaranRow] = {}
        for r, c in self.budget_codes:
            if c.canonical not in out:
                out[c.canonical] = r
        return out

    @cached_property
    def budget_names(self) -> NameIndex:
        """The uraian of every budget row, for matching by name: read by column (no row
        makes its Values for it; text_of is what a row's ``get("uraian").text`` reads)."""
        rows = self.budget_rows
        if not rows:
            return NameIndex([])
        (raws, _), = columns_of(rows, ("uraian",))
        return NameIndex(list(zip(map(text_of, raws), rows, strict=True)))

    def budget_match(self, kode: Value | None, uraian: str,
                     threshold: float = 0.85) -> AnggaranRow | None:
        """The Anggaran row another table names: by budget code, else by uraian."""
        code = kode.value if kode is not None else None
        if code and code in self.budget_by_code:
            return self.budget_by_code[code]
        if not uraian:
            return None
        return self.budget_names.find(uraian, threshold)

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

    def capaian_method(self, c: CapaianRow, unit: str | None = None) -> str:
        """How the row's target of the quarter follows from its Target TW I-IV: the row's
        Metode Capaian; blank: a percentage is a value at the end of the quarter (nilai
        akhir), anything else follows Sifat Data in Identitas (kumulatif by default)."""
        from ..layout import METODE_CAPAIAN

        m = " ".join(c.get("metode").text.lower().split())
        if m in METODE_CAPAIAN:
            return m
        if unit == "%":
            return "nilai akhir"
        sifat = normalise_text(self.report.identity.sifat.text)
        return "triwulan" if sifat == "triwulan" else "kumulatif"

    def capaian_formula(self, c: CapaianRow) -> str:
        if c.polarity == "negatif":
            f = (c.get("rumus_negatif").text or self.settings.negative_formula).replace(" ", "")
            return f if f in RUMUS_NEGATIF else self.settings.negative_formula
        return "R/T"


FORMULA_TEXT = {
    "R/T": "realisasi / target x 100",
    "2T-R": "(2 x target - realisasi) / target x 100",
    "T/R": "target / realisasi x 100",
}


# Last, as it builds on this module: the findings of the diagnosis (Context.diagnosed).
from . import diagnosed as _diagnosed  # noqa: E402
