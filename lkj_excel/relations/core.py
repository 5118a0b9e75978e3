"""The report's arithmetic, described once.

Every number of an LKj that can be recomputed is a *relation* over typed cells: sisa = pagu -
realisasi, persentase = realisasi / pagu, a kegiatan = the sum of its sub kegiatan, capaian =
f(realisasi, target, polaritas), the Capaian target = the PK target, the pembilang = the ticks
of the Fasilitasi list, and so on. This module turns one report into a network of such
relations:

- a :class:`Cell` is one typed cell (or a value the report implies but does not show, such as
  the number of ticks); an *input* cell is typed freely (a sub kegiatan's pagu), a *derived*
  cell is the target of exactly one relation (a sisa, a total, a capaian);
- a :class:`Relation` says how its target follows from its inputs (``compute``), which rule
  code reports a target that disagrees, how to invert it (which input value would make the
  typed target right), and how to say it in Indonesian.

The checker's rules, the diagnosis (:mod:`lkj_excel.diagnosis`), the corrected figures of
:mod:`lkj_excel.summary`, the finalised workbook's formulas and the Word document all read
this one description, so they cannot disagree about what a number should be.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from ..model import CapaianRow, Row, Value
from ..parsing import Number, normalise_text
from ..record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

    #: ``compute(values of the inputs)`` -> the target's value.
    Compute = Callable[[list[Any]], Any]
    #: ``invert(relation, want)`` -> [(input cell, value)] that would make the target
    #: ``want``.
    Invert = Callable[["Relation", Any], list[tuple["Cell", Any]]]
    #: ``explain(relation, values)`` -> the Indonesian reason, from the inputs' values.
    Explain = Callable[["Relation", list[Any], Any], str]

#: How a typed cell is compared with its recomputed value.
AMOUNT, PERCENT, COUNT, MEASURE, LABEL, FLAG = (
    "amount", "percent", "count", "measure", "label", "flag")

#: The rule code that reports an *input* cell (typed freely, not computed) found to be the
#: cause of a disagreement, by sheet.
INPUT_CODES = {"Anggaran": "ANG018", "Capaian": "CAP006", "PK": "PK009",
               "PK Anggaran": "PK010", "Efisiensi": "COP005", "Rekap Pegawai": "PEG004"}

#: A relation of more inputs than this (a kegiatan's sum of its sub kegiatan) has the
#: search propose only inputs that other disagreements point at too (suspects).
LONG_SUM = 20

#: Field labels as a person reads them, for messages.
FIELD_LABEL = {
    "pagu": "pagu", "realisasi": "realisasi", "sisa": "sisa", "persentase": "persentase",
    "target_tw": "rencana triwulan", "capaian_keuangan": "capaian keuangan",
    "target": "target", "target_tahunan": "target tahunan", "capaian": "capaian",
    "pembilang": "pembilang", "penyebut": "penyebut", "predikat": "predikat",
    "anggaran": "anggaran", "capaian_anggaran": "capaian anggaran",
    "capaian_kinerja": "capaian kinerja", "efisiensi": "efisiensi",
    "realisasi_kinerja": "realisasi kinerja", "status": "status",
    "pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "non_pns": "Non PNS", "jumlah": "jumlah",
    "persen": "persen",
}


class Cell:
    """One value of the network: what was typed, and (during diagnosis) what it should be.

    A plain slotted class rather than a dataclass: a 100,000-row Anggaran makes 400,000 of
    them, and construction time matters there."""

    __slots__ = ("value", "typed", "kind", "field", "row_key", "number", "unit", "relation",
                 "dependents", "order", "cur", "self_consistent", "base", "cur0", "weight",
                 "soft")

    def __init__(self, value: Value, typed: Any, kind: str, field: str, row_key: str,
                 number: Number | None = None, unit: str | None = None, base: Any = None,
                 soft: bool = False):
        #: The model cell (sheet, A1 address, raw text, parse).
        self.value = value
        #: The reading used in arithmetic (float, str, bool), ``None`` when blank/unreadable.
        self.typed = typed
        self.kind = kind
        self.field = field
        self.row_key = row_key
        #: The parse of the cell (a Number for numeric cells): display precision, notation.
        self.number = number
        #: Unit of a measure ("%", "desa", ...), to compare measures only within one unit.
        self.unit = unit
        #: The relation whose target this cell is; ``None`` for an input.
        self.relation: Relation | None = None
        #: Relations that read this cell (an empty tuple until one does: most cells of a
        #: large Anggaran feed one relation or none, and an empty list each cost 56 bytes).
        self.dependents: list[Relation] | tuple = ()
        #: Position in a topological order (inputs before the cells computed from them);
        #: -1 until the network is finished.
        self.order = -1
        #: Current value during diagnosis.
        self.cur: Any = None
        #: Whether a typed derived cell agrees with its relation applied to the *typed*
        #: inputs (then, if it must change, it is a consequence; else a cause of its own).
        self.self_consistent = True
        #: The value an input starts from (its typed reading; 0 for a blank realisasi).
        self.base = base
        #: The value implied by the typed inputs, before any correction.
        self.cur0: Any = None
        #: What changing this input costs the diagnosis (a signed PK target is trusted more
        #: than the copy of it in Capaian; filling a blank costs more than a typo).
        self.weight = 1.05
        #: A soft agreement (the PK budget or the Efisiensi table against the Anggaran
        #: pagu): a disagreement weighs less than a wrong number; nothing is computed from it.
        self.soft = soft

    def __repr__(self) -> str:
        return f"Cell({self.where} {self.field}={self.typed!r} -> {self.cur!r})"

    @property
    def where(self) -> str:
        return self.value.where

    @property
    def sheet(self) -> str:
        return self.value.sheet

    @property
    def is_input(self) -> bool:
        return self.relation is None

    @property
    def label(self) -> str:
        return FIELD_LABEL.get(self.field, self.field)

    def matches(self, truth: Any, tol: Tolerance) -> bool:
        """Whether the typed value stands for ``truth`` within the displayed precision."""
        return matches(self.kind, self.typed, self.number, truth, tol)


class Tolerance(Record):
    """How far a typed amount (rupiah) or percentage (points) may be off."""

    __slots__ = ("rupiah", "points")

    def __init__(self, rupiah: float = 1.0, points: float = 0.01):
        self.rupiah = rupiah
        self.points = points

    @property
    def amount_slack(self) -> float:
        """How far a typed amount may be off its value: the rupiah tolerance, and room for
        the float error of a sum. Every amount comparison of the network uses it."""
        return self.rupiah + 1e-6

    @property
    def percent_slack(self) -> float:
        """How far a typed percentage may be off its value plainly (before the digits
        shown are looked at): the points tolerance, and room for float error."""
        return self.points + 1e-9


def matches(kind: str, typed: Any, number: Number | None, truth: Any, tol: Tolerance) -> bool:
    if truth is None or typed is None:
        return True
    if kind in (AMOUNT,):
        return abs(typed - truth) <= tol.amount_slack
    if kind == COUNT:
        return abs(typed - truth) <= 1e-9
    if kind == PERCENT or kind == MEASURE:
        if not isinstance(truth, (int, float)) or not math.isfinite(truth):
            return True
        if number is not None and number.value is not None and (
                number.is_percent or number.style == "ratio" or kind == PERCENT):
            return pct_status(number, truth, tol.points) != "wrong"
        return abs(typed - truth) <= (tol.points if kind == PERCENT else 1e-9) + 1e-9
    if kind == LABEL:
        return normalise_text(typed) == normalise_text(truth)
    return typed == truth


def pct_status(found: Number, exact: float, tolerance: float) -> str:
    """Compare a typed percentage with the exact value: ``ok`` when it equals the exact
    value rounded to the decimals the user showed, or lies within ``tolerance`` points;
    ``truncated`` when the user cut the decimals off instead of rounding; else ``wrong``."""
    if found.value is None or not math.isfinite(exact) or not math.isfinite(found.value):
        return "wrong"
    d = found.decimals if found.decimals is not None else 2
    if abs(found.value - exact) <= tolerance + 1e-9:
        return "ok"
    if abs(round(exact + 1e-12, d) - found.value) < 10 ** (-d) / 2 - 1e-12:
        return "ok"
    factor = 10 ** d
    if d <= 1 and abs(math.floor(exact * factor + 1e-9) / factor - found.value) < 1e-9:
        return "truncated"
    return "wrong"


class Relation:
    """One arithmetic fact: the target cell computed from the input cells. Equal only to
    itself."""

    __slots__ = ("code", "target", "inputs", "compute", "explain", "invert", "alt_inputs",
                 "suspects")

    def __init__(self, code: str, target: Cell, inputs: tuple[Cell, ...], compute: Compute,
                 explain: Explain, invert: Invert | None = None,
                 alt_inputs: tuple[tuple[tuple[Cell, ...], Compute], ...] = (),
                 suspects: Callable[[Relation, Any], list[Cell]] | None = None):
        self.code = code
        self.target = target
        self.inputs = inputs
        self.compute = compute
        self.explain = explain
        self.invert = invert
        #: Other sets of inputs the user may have computed the target from (a parent's
        #: sisa as the sum of its children's sisa): the typed target agreeing with any of
        #: them is still "consistent with what was typed".
        self.alt_inputs = alt_inputs
        #: Cells that could instead be wrong but have no single corrected value (a tick in
        #: the Fasilitasi list, a document date), given the difference the target shows.
        self.suspects = suspects

    def __repr__(self) -> str:
        return f"Relation({self.code} {self.target.where} <- {len(self.inputs)} cells)"

    def value(self, typed: bool = False) -> Any:
        """The target's value from the inputs' current (or typed) values."""
        if typed:
            return self.compute([typed_value(c) for c in self.inputs])
        return self.compute([c.cur for c in self.inputs])


class SettledRelation(Relation):
    """The relation of a sum whose inputs the lazy network left out (a kegiatan none of
    whose rows disagree, read by a program that does): its value is fixed at what the typed
    inputs imply. The search can neither move it nor look below it; :mod:`lkj_excel.diagnosis`
    falls back to the whole network where it would have to."""

    __slots__ = ()


def settled(value: Any) -> Compute:
    """The computation of a :class:`SettledRelation`: the value its inputs implied."""
    return lambda vals: value


def shown_reading(value: Value, reading: Any) -> Any:
    """A typed amount as the network shows it: its reading, or ``None`` when the cell was
    left blank (the reading may still start the arithmetic: a blank realisasi is 0)."""
    return shown_reading_of(value.raw, reading)


def shown_reading_of(raw: Any, reading: Any) -> Any:
    """:func:`shown_reading` of a cell given as its raw content."""
    return None if raw is None or (raw.__class__ is str and not raw.strip()) else reading


def typed_value(c: Cell) -> Any:
    """What the user's own arithmetic would have started from: the typed reading, or for a
    blank derived cell, its value implied by the typed inputs."""
    return c.typed if c.typed is not None else c.cur0


# ---------------------------------------------------------------------------------------
# Small arithmetic helpers (None-propagating)
# ---------------------------------------------------------------------------------------


def total(vals: Iterable[Any]) -> float | None:
    s = 0.0
    for v in vals:
        if v is None:
            return None
        s += v
    return s


def ratio_pct(num: Any, den: Any) -> float | None:
    if num is None or den is None or den == 0:
        return None
    v = num / den * 100
    return v if math.isfinite(v) else None


def capaian_formula_value(formula: str, realisasi: Any, target: Any) -> float | None:
    """Capaian in percent by the row's formula (R/T for positive polarity; 2T-R or T/R for
    negative). Never capped at 100. None for another formula or where it is undefined
    (a target of 0; T/R with a realisasi of 0)."""
    if realisasi is None or target is None or target == 0:
        return None
    if formula == "R/T":
        v = realisasi / target * 100
    elif formula == "2T-R":
        v = (2 * target - realisasi) / target * 100
    elif formula == "T/R":
        if not realisasi:
            return None
        v = target / realisasi * 100
    else:
        return None
    return v if math.isfinite(v) else None


def mean(vals: Iterable[Any]) -> float | None:
    xs = [v for v in vals if v is not None]
    return sum(xs) / len(xs) if xs else None


def row_of(c: CapaianRow | Row) -> int:
    return c.row


__all__ = [
    "AMOUNT", "PERCENT", "COUNT", "MEASURE", "LABEL", "FLAG", "INPUT_CODES", "Cell",
    "Relation", "Tolerance", "matches", "pct_status", "total", "ratio_pct",
    "capaian_formula_value", "mean", "typed_value", "SettledRelation", "settled",
    "shown_reading",
]
