"""The report's arithmetic, described once, as a network of relations over typed cells.

``build_network(ctx)`` reads one report (through the check context) and returns a
:class:`Network`: every recomputable number of the report is a :class:`Relation` whose target
is a typed cell. One module per sheet family says which relations exist:

- :mod:`.anggaran`: sisa, persentase, sums of kegiatan, program and JUMLAH, the quarterly
  plan and capaian keuangan, and the PK budget table against the Anggaran pagu;
- :mod:`.capaian`: realisasi from pembilang/penyebut or from the Fasilitasi and Desa sheets,
  capaian from realisasi, target and polarity, the average, the predikat, the Capaian target
  against the PK target and the Perbandingan row of the current year against Capaian;
- :mod:`.efisiensi`: cost per outcome against Anggaran, capaian anggaran and kinerja, and
  efisiensi by the configured formula;
- :mod:`.pegawai`: the typed personnel summaries (Rekap Pegawai): row and column sums,
  percentages, and counts against the Pegawai list.

The diagnosis (:mod:`lkj_excel.diagnosis`) searches this network for the fewest typed cells
that explain every disagreement; the rules report what it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..model import Value
from ..parsing import is_blank
from .core import (
    AMOUNT,
    COUNT,
    FLAG,
    INPUT_CODES,
    LABEL,
    MEASURE,
    PERCENT,
    Cell,
    Compute,
    Explain,
    Invert,
    Relation,
    Tolerance,
    matches,
    typed_value,
)


class Network:
    """Cells and the relations between them, for one report."""

    def __init__(self, tolerance: Tolerance):
        self.tol = tolerance
        self.cells: list[Cell] = []
        self.relations: list[Relation] = []
        self._by_where: dict[tuple[str, str | None], Cell] = {}
        #: The Anggaran hierarchy as the network sees it (relations.anggaran.Budget).
        self.budget = None
        #: Typed derived cells that disagree as typed (set by :meth:`finish`).
        self.initial_mismatched: list[Cell] = []

    # -- building ---------------------------------------------------------------------------
    def cell(self, value: Value, typed: Any, kind: str, field: str, row_key: str, *,
             number: Any = None, unit: str | None = None, base: Any = ...) -> Cell:
        """The network cell of ``value`` (created once; later calls return the same cell)."""
        key = (value.sheet, value.cell) if value.cell else None
        if key is not None and key in self._by_where:
            return self._by_where[key]
        c = Cell(value, typed, kind, field, row_key, number, unit,
                 typed if base is ... else base)
        raw = value.raw
        if typed is None or (not typed and raw.__class__ is str and is_blank(raw)):
            # Filling a cell the user left blank ("-") is a bolder claim than correcting a
            # typed number.
            c.weight += 0.5
        self.cells.append(c)
        if key is not None:
            self._by_where[key] = c
        return c

    def relate(self, code: str, target: Cell, inputs: Iterable[Cell], compute: Compute,
               explain: Explain, invert: Invert | None = None,
               alt_inputs: tuple = (), suspects: Callable | None = None) -> Relation | None:
        """Make ``target`` the result of ``compute(inputs)``. A cell is the target of at most
        one relation: the first description wins (later ones would compete for the cell)."""
        inputs = tuple(inputs)
        if target.relation is not None or target in inputs or self._reaches(target, inputs):
            return None
        r = Relation(code, target, inputs, compute, explain, invert, alt_inputs, suspects)
        target.relation = r
        for i in inputs:
            i.dependents.append(r)
        self.relations.append(r)
        return r

    def _reaches(self, target: Cell, inputs: tuple[Cell, ...]) -> bool:
        """Whether ``target`` already feeds one of ``inputs`` (the relation would loop)."""
        seen: set[int] = set()
        stack = [target]
        wanted = {id(i) for i in inputs}
        while stack:
            c = stack.pop()
            for r in c.dependents:
                t = r.target
                if id(t) in wanted:
                    return True
                if id(t) not in seen:
                    seen.add(id(t))
                    stack.append(t)
        return False

    def agree(self, code: str, typed: Cell, source: Cell) -> None:
        """A soft agreement: ``typed`` (a copy kept in another table) should equal
        ``source``. It weighs in the diagnosis - a pagu that the PK budget and the
        Efisiensi table both contradict is more likely wrong - but nothing is computed from
        it and its rule reports it after the diagnosis. Modelled as a hidden cell holding
        the difference of the two, which should be 0."""
        if typed.typed is None or source is None:
            return
        v = Value(0.0, None, typed.value.sheet, None)
        c = Cell(v, 0.0, AMOUNT, typed.field, typed.row_key, soft=True)
        self.cells.append(c)
        def invert(rel, want):
            a, b = rel.inputs
            out = []
            if b.cur is not None:
                out.append((a, b.cur + want))
            if a.cur is not None:
                out.append((b, a.cur - want))
            return out

        self.relate(code, c, (typed, source),
                    lambda vals: None if None in vals else vals[0] - vals[1],
                    lambda rel, vals, found, expected: "", invert=invert)

    def agree_with(self, code: str, anchor: Cell, inputs: list[Cell], fn: Callable,
                   invert_inputs: Callable | None = None) -> None:
        """A soft agreement of a typed cell with what other cells add up to (the year's
        target against its rencana aksi): like :meth:`agree`, with ``fn(values of inputs)``
        in place of a single source. ``invert_inputs(inputs, want_total)`` proposes input
        values that would make ``fn`` give ``want_total``."""
        if anchor.typed is None:
            return
        v = Value(0.0, None, anchor.value.sheet, None)
        c = Cell(v, 0.0, AMOUNT, anchor.field, anchor.row_key, soft=True)
        self.cells.append(c)

        def compute(vals):
            got = fn(vals[1:])
            return None if vals[0] is None or got is None else vals[0] - got

        def invert(rel, want):
            a = rel.inputs[0]
            rest = [i.cur for i in rel.inputs[1:]]
            got = fn(rest)
            out = []
            if got is not None:
                out.append((a, got + want))
            if invert_inputs is not None and a.cur is not None:
                out.extend(invert_inputs(rel.inputs[1:], a.cur - want))
            return out

        self.relate(code, c, (anchor, *inputs), compute,
                    lambda rel, vals, found, expected: "", invert=invert)

    def get(self, value: Value | None) -> Cell | None:
        if value is None or not value.cell:
            return None
        return self._by_where.get((value.sheet, value.cell))

    # -- settling -----------------------------------------------------------------------
    def finish(self) -> Network:
        """Order the cells (inputs first), compute what the typed inputs imply, and note
        which typed derived cells agree with their relation applied to typed values."""
        order: list[Cell] = []

        def visit(c: Cell) -> None:
            # Chains are short (sub kegiatan -> kegiatan -> program -> JUMLAH -> average):
            # recursion depth stays small whatever the number of rows.
            c.order = 0  # visited (a new cell's order is -1)
            if c.relation is not None:
                for i in c.relation.inputs:
                    if i.order < 0:
                        visit(i)
            order.append(c)

        for c in self.cells:
            if c.order < 0:
                visit(c)
        for n, c in enumerate(order):
            c.order = n
            c.cur = c.base if c.relation is None else c.relation.value()
            c.cur0 = c.cur
        self.cells = order
        tol = self.tol
        bad: list[Cell] = []
        for c in order:
            r = c.relation
            if r is None or c.typed is None:
                continue
            now = c.matches(c.cur, tol)
            if not now:
                bad.append(c)
            from_typed = r.value(typed=True)
            # the typed inputs mostly are the current ones: then so is the verdict
            ok = now if from_typed == c.cur else c.matches(from_typed, tol)
            if not ok:
                for ins, fn in r.alt_inputs:
                    if c.matches(fn([typed_value(i) for i in ins]), tol):
                        ok = True
                        break
            c.self_consistent = ok
        self.initial_mismatched = bad
        return self


def build_network(ctx: Any, *, year: int | None = ..., quarter: int | None = ...,
                  code_overrides: dict[int, str] | None = None) -> Network:
    """The relations of one report. ``year``/``quarter`` override Identitas and
    ``code_overrides`` (Anggaran row -> canonical code) override typed budget codes, so
    that the diagnosis can ask "what if this identity field or code were different"."""
    from . import anggaran, capaian, efisiensi, pegawai

    s = ctx.settings
    net = Network(Tolerance(s.tolerance_rupiah, s.tolerance_points))
    budget = anggaran.build(net, ctx, code_overrides or {}, quarter=quarter)
    capaian.build(net, ctx, year=year, quarter=quarter)
    efisiensi.build(net, ctx, budget)
    anggaran.build_pk_budget(net, ctx, budget)
    pegawai.build(net, ctx)
    net.budget = budget
    return net.finish()


__all__ = ["Network", "build_network", "Cell", "Relation", "Tolerance", "AMOUNT", "PERCENT",
           "COUNT", "MEASURE", "LABEL", "FLAG", "INPUT_CODES", "matches"]
