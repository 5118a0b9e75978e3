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

from ..model import Value
from ..parsing import Number, is_blank
from .core import (
    AMOUNT,
    COUNT,
    FLAG,
    INPUT_CODES,
    LABEL,
    MEASURE,
    PERCENT,
    Cell,
    Relation,
    SettledRelation,
    Tolerance,
    matches,
    settled,
    shown_reading,
    typed_value,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

    from .core import Compute, Explain, Invert


class Network:
    """Cells and the relations between them, for one report."""

    def __init__(self, tolerance: Tolerance):
        self.tol = tolerance
        self.cells: list[Cell] = []
        self.relations: list[Relation] = []
        #: sheet -> A1 address -> cell (no tuple key a cell: 400,000 of them at 100,000 rows)
        self._by_where: dict[str, dict[str, Cell]] = {}
        #: The Anggaran hierarchy as the network sees it (relations.anggaran.Budget).
        self.budget = None
        #: Typed derived cells that disagree as typed (set by :meth:`finish`).
        self.initial_mismatched: list[Cell] = []
        #: Inputs whose start value does not equal itself (a NaN; set by :meth:`finish`):
        #: the diagnosis would count them as changed although nothing moved them.
        self.odd_inputs: list[Cell] = []
        #: Cells (by id) built as inputs only, without what they feed besides a long sum
        #: (relations.anggaran._inputs_only): the search must never move them.
        self.partial: set[int] = set()

    # -- building ---------------------------------------------------------------------------
    def cell(self, value: Value, typed: Any, kind: str, field: str, row_key: str, *,
             number: Any = None, unit: str | None = None, base: Any = ...) -> Cell:
        """The network cell of ``value`` (created once; later calls return the same cell)."""
        where = value.cell
        if where:
            at = self._by_where.get(value.sheet)
            if at is None:
                at = self._by_where[value.sheet] = {}
            else:
                c = at.get(where)
                if c is not None:
                    return c
        c = Cell(value, typed, kind, field, row_key, number, unit,
                 typed if base is ... else base)
        if typed is None or (not typed and value.raw.__class__ is str and is_blank(value.raw)):
            # Filling a cell the user left blank ("-") is a bolder claim than correcting a
            # typed number.
            c.weight += 0.5
        self.cells.append(c)
        if where:
            at[where] = c
        return c

    def amount(self, value: Value, reading: Any, field: str, row_key: str) -> Cell:
        """The cell of a typed amount read as ``reading`` (its start value): shown as typed
        unless left blank."""
        p = value.parsed
        return self.cell(value, shown_reading(value, reading), AMOUNT, field, row_key,
                         number=p if isinstance(p, Number) else None, base=reading)

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
            d = i.dependents
            if d:
                d.append(r)
            else:
                i.dependents = [r]
        self.relations.append(r)
        return r

    def settle(self, code: str, target: Cell, value: Any) -> None:
        """Make ``target`` a sum whose inputs the lazy network left out, fixed at ``value``
        (what they imply): a :class:`SettledRelation`."""
        r = SettledRelation(code, target, (), settled(value), _unexplained)
        target.relation = r
        self.relations.append(r)

    def _reaches(self, target: Cell, inputs: tuple[Cell, ...]) -> bool:
        """Whether ``target`` already feeds one of ``inputs`` (the relation would loop)."""
        if not target.dependents:
            # a target that feeds nothing yet (every target of a bottom-up build: a sisa, a
            # sum made before its parent's) cannot close a loop
            return False
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
        at = self._by_where.get(value.sheet)
        return at.get(value.cell) if at is not None else None

    # -- settling -----------------------------------------------------------------------
    def finish(self) -> Network:
        """Order the cells (inputs first), compute what the typed inputs imply, and note
        which typed derived cells agree with their relation applied to typed values."""
        order: list[Cell] = []

        def visit(c: Cell) -> None:
            # Chains are short (sub kegiatan -> kegiatan -> program -> JUMLAH -> average):
            # recursion depth stays small whatever the number of rows.
            c.order = 0  # visited (a new cell's order is -1)
            for i in c.relation.inputs:
                if i.order < 0:
                    if i.relation is None:  # an input: placed at once, no call
                        i.order = 0
                        order.append(i)
                    else:
                        visit(i)
            order.append(c)

        for c in self.cells:
            if c.order < 0:
                if c.relation is None:
                    c.order = 0
                    order.append(c)
                else:
                    visit(c)
        visit = None  # else the recursive closure holds every cell for the collector
        tol = self.tol
        rupiah = tol.amount_slack
        points = tol.percent_slack
        bad: list[Cell] = []
        odd: list[Cell] = []
        # One pass in order: a cell's inputs come before it, so their cur and cur0 are set.
        for n, c in enumerate(order):
            c.order = n
            r = c.relation
            if r is None:
                b = c.cur = c.cur0 = c.base
                if b.__class__ is float and b != b:
                    odd.append(c)
                continue
            ins = r.inputs
            cur = c.cur = c.cur0 = r.compute([i.cur for i in ins])
            t = c.typed
            if t is None:
                continue
            kind = c.kind
            if kind == AMOUNT:
                now = cur is None or abs(t - cur) <= rupiah
            elif kind == PERCENT and cur.__class__ is float and c.number is not None and \
                    (nv := c.number.value) is not None and abs(nv - cur) <= points:
                # within the tolerance of a finite value: what pct_status calls "ok"
                now = True
            else:
                now = c.matches(cur, tol)
            if not now:
                bad.append(c)
            # The typed inputs mostly are the current ones (each input's typed reading is
            # the very object it starts from): then from_typed is computed from the same
            # values as cur and the verdict is the same.
            ok = now
            for i in ins:
                ti = i.typed
                if ti is not None and ti is not i.cur:
                    from_typed = r.value(typed=True)
                    ok = now if from_typed == cur else c.matches(from_typed, tol)
                    break
            c.self_consistent = ok or self._alt_ok(c, r, tol)
        self.cells = order
        self.initial_mismatched = bad
        self.odd_inputs = odd
        return self

    def close(self) -> None:
        """Let go of the network once nothing asks it again (a rekap worker, when the
        record of its report is made): cells and relations hold each other, and the
        relations' functions hold the network, so the whole report waited for the cyclic
        collector (about 0,2 ms a workbook in a rekap worker); without the links
        reference counting frees it at once. The network is empty afterwards."""
        for c in self.cells:
            c.relation = None
            c.dependents = ()
        self.cells = []
        self.relations = []
        self._by_where = {}

    @staticmethod
    def _alt_ok(c: Cell, r: Relation, tol: Tolerance) -> bool:
        """Whether the typed target agrees with one of the relation's other input sets."""
        for ins, fn in r.alt_inputs:
            if c.matches(fn([typed_value(i) for i in ins]), tol):
                return True
        return False


def _unexplained(rel, vals, found, expected) -> str:
    raise AssertionError(f"{rel!r} is settled: it never changes, so it is never explained")


def build_network(ctx: Any, *, year: int | None = ..., quarter: int | None = ...,
                  code_overrides: dict[int, str] | None = None, lazy: bool = True) -> Network:
    """The relations of one report. ``year``/``quarter`` override Identitas and
    ``code_overrides`` (Anggaran row -> canonical code) override typed budget codes, so
    that the diagnosis can ask "what if this identity field or code were different".
    ``lazy`` leaves out the Anggaran rows that agree and that no disagreement can reach
    (:func:`.anggaran.build`); ``lazy=False`` builds every row (the long way, for tests and
    where the search must look below a settled sum)."""
    from . import anggaran, capaian, efisiensi, pegawai

    s = ctx.settings
    net = Network(Tolerance(s.tolerance_rupiah, s.tolerance_points))
    budget = anggaran.build(net, ctx, code_overrides or {}, quarter=quarter, lazy=lazy)
    capaian.build(net, ctx, year=year, quarter=quarter)
    efisiensi.build(net, ctx, budget)
    anggaran.build_pk_budget(net, ctx, budget)
    pegawai.build(net, ctx)
    net.budget = budget
    return net.finish()


__all__ = ["Network", "build_network", "Cell", "Relation", "SettledRelation", "Tolerance", "AMOUNT", "PERCENT",
           "COUNT", "MEASURE", "LABEL", "FLAG", "INPUT_CODES", "matches"]
