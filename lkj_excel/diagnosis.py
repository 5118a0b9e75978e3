"""Diagnosis: the fewest typed cells that explain every disagreement, and one corrected report.

The rules used to compare each typed number with what its neighbours imply, and so blamed
whichever cell they happened to look at: a wrong sub kegiatan pagu showed up as a wrong sisa,
a wrong persentase and three wrong totals, and applying every suggestion left the report
still wrong. The diagnosis instead looks at the whole network of relations
(:mod:`lkj_excel.relations`) and asks which typed cells must change so that every relation
holds.

The model. An *input* cell (a sub kegiatan's pagu, a target, a tick) can be wrong; a
*derived* cell (a sisa, a total, a capaian) follows from its inputs. The search chooses the
values of the inputs; every derived cell then has one correct value. A cell that has to change
is either

- a **cause**: an input whose value is changed, or a derived cell the user got wrong on its
  own (it does not agree with its relation applied to the values typed next to it), or
- a **consequence**: a derived cell that agrees with the typed values it was computed from,
  and has to change only because one of them does.

The objective. Each cause costs about 1 (an input slightly more than a derived cell, so that
a typed result - a sisa, a total, a capaian - is blamed before a detail when both explain
equally), each consequence 0.1 (telling the user to change many cells that agree with what
they were computed from is itself unlikely to be right), and an input change that is one of several equally good ones (any leaf of a sum could absorb
the difference) costs 0.3 more, so that the one derived cell is named instead; and an input
change whose story is mixed costs 0.9 more: it would make some cells right that disagreed with the typed input
(they were computed from the true value) while others that agreed with the typed input
(computed from the wrong value) must change. A single slip is one or the other, rarely both:
staff who copied the kegiatan's sisa and persentase into a sub kegiatan row made two slips
in those cells, not one in the pagu that also breaks every total above it.

The search. Inputs start at their typed values. Each disagreeing relation is inverted into
candidate values for its inputs (the pagu that makes sisa + realisasi add up, the sub
kegiatan that makes its kegiatan's sum right, the PK target the Capaian target copies);
the move that lowers the objective most is taken, and the search repeats until no move helps.
A move only touches the cells downstream of its input, so a step costs a few cells, not the
whole report; a report with k mistakes costs about k steps. Structural alternatives - the
report year or quarter typed wrong, a budget code typed under the wrong parent - are tried
as whole hypotheses when the report shows the symptoms they would explain.

Why not a general solver: z3's Optimize with soft constraints was measured against this
search on the same problem (bench/diagnosis_bench.py: an Anggaran with one sub kegiatan pagu
typed wrong, each typed cell a soft constraint weighted as here, the persentase as a linear
band around its displayed precision). Both name the same cell; z3 takes 0.3 s at 110 rows,
6 s at 1.100 and 49 s at 11.000 (plus 40-100 ms to import), this search 0.04 s, 0.06 s and
1.4 s including building the network. The relations are few per cell and mostly sums and
copies, where inverting the relation gives the exact candidate value, so a search written for
this structure wins by one to two orders of magnitude and stays linear in rows. OR-Tools
CP-SAT was not tried: it needs every amount and percentage band scaled to integers, and the
measured gap left no room for it to matter.

Ties. Where another explanation has as few causes (a leaf row where only sisa and realisasi
disagree), the finding names the chosen cell and lists the others in ``alternatives``.
"""

from __future__ import annotations

import datetime as dt
import math

from .model import Value
from .record import Record
from .relations import INPUT_CODES, Cell, Network, Relation, SettledRelation, build_network
from .relations.anggaran import settled_truth
from .relations.core import AMOUNT, LONG_SUM, matches, total

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

#: Objective weights (see the module docstring).
W_DERIVED = 1.0
W_INPUT = 1.05
W_CONSEQUENCE = 0.1
W_MIXED = 0.9
W_AMBIGUOUS = 0.3
#: A soft agreement that does not hold (PK budget or Efisiensi against the Anggaran pagu).
W_SOFT = 0.4
#: A move this much worse than the chosen explanation is still "as good" (an honest tie).
TIE_MARGIN = 0.3
#: At most this many moves: a report with more independent mistakes than this is reported
#: with the rest as they stand.
MAX_MOVES = 400


def _same(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if a.__class__ is float and b.__class__ is float:
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return False


def _miss(c: Cell) -> float:
    """What a typed derived cell that disagrees costs (see the module docstring)."""
    if c.soft:
        return W_SOFT if not c.self_consistent else W_SOFT / 10
    return W_DERIVED if not c.self_consistent else W_CONSEQUENCE


def _value_key(v: Any) -> str | None:
    """A cell value as a key that tells apart what computes differently (1 and 1.0, 0.0
    and -0.0); None for a value of another kind (not shared)."""
    return repr(v) if v is None or v.__class__ in (float, int) else None


class Change(Record):
    """A cell that must change: its corrected value, and whether it is a cause."""

    __slots__ = ("cell", "value", "cause", "alternatives")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, cell: Cell, value: Any, cause: Cell | None = None,
                 alternatives: list[Cell] | None = None):
        self.cell = cell
        self.value = value
        #: The cause this change follows from (None when it is a cause itself).
        self.cause = cause
        #: Cells that would explain the same disagreement as well (an honest tie).
        self.alternatives = [] if alternatives is None else alternatives

    @property
    def is_cause(self) -> bool:
        return self.cause is None


class Diagnosis(Record):
    """The fewest cells to change so that every relation holds, and what follows."""

    _fields = ("net", "changes", "identity", "codes", "budget", "year", "quarter")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, net: Network, changes: list[Change],
                 identity: dict[str, tuple[Value, Any]] | None = None,
                 codes: dict[int, tuple[Value, str]] | None = None, budget: Any = None,
                 year: int | None = None, quarter: int | None = None):
        self.net = net
        self.changes = changes
        #: Identity fields corrected as a whole hypothesis: field -> (Value, corrected
        #: value).
        self.identity = {} if identity is None else identity
        #: Anggaran rows whose code is typed under the wrong parent: row -> corrected code.
        self.codes = {} if codes is None else codes
        self.budget = budget
        #: The report year and quarter the diagnosis settled on (corrected where fixed).
        self.year = year
        self.quarter = quarter
        self._by_cell = {id(ch.cell): ch for ch in self.changes}
        #: The changes by rule code (:func:`code_of`), each in the diagnosis's order: grouped
        #: once, not once for each of the rules that ask.
        self._by_code: dict[str, list[Change]] = {}
        for ch in self.changes:
            self._by_code.setdefault(code_of(ch.cell), []).append(ch)

    def __repr__(self) -> str:
        return f"Diagnosis({len(self.changes)} changes, {len(self.causes)} causes)"

    def change_of(self, value: Value | None) -> Change | None:
        c = self.net.get(value)
        return self._by_cell.get(id(c)) if c is not None else None

    def truth(self, value: Value | None, default: Any = None) -> Any:
        """The corrected value of a cell; its typed value where nothing can be recomputed
        (a sum over a cell that is not a number); ``default`` when the network has no such
        cell."""
        c = self.net.get(value)
        if c is None:
            if value is not None and self.budget is not None:
                # a row the lazy network left out: its value before any correction
                found, truth = settled_truth(self.budget, value)
                if found:
                    return truth
            return default
        return c.cur if c.cur is not None else c.typed

    def cell(self, value: Value | None) -> Cell | None:
        return self.net.get(value)

    def by_code(self, code: str) -> list[Change]:
        """The changes that rule ``code`` reports, in the diagnosis's order."""
        return self._by_code.get(code, [])

    @property
    def causes(self) -> list[Change]:
        return [ch for ch in self.changes if ch.is_cause]


def code_of(c: Cell) -> str:
    if c.relation is not None:
        return c.relation.code
    return INPUT_CODES.get(c.sheet, "NIL005")


class NetworkIncomplete(Exception):
    """The search had to look below a settled sum (:class:`SettledRelation`) or propose a
    cell built as an input only (:attr:`Network.partial`): a lazy network lacks what it
    asks, so the diagnosis is made again on the whole network. With suspects to filter by,
    neither is proposed (no suspect lies there), so only the alternatives of a wrong total
    can ask."""


class Solver:
    """Local search over the inputs of one network (see the module docstring)."""

    def __init__(self, net: Network):
        self.net = net
        self.tol = net.tol
        #: How far a typed amount may be off (Tolerance.amount_slack, asked once: most
        #: cells the search costs are amounts).
        self._slack = net.tol.amount_slack
        self._down: dict[int, list[Cell]] = {}
        self.penalty = 0.0
        #: The cost of each cell at its current value (filled as evaluated).
        self._now: dict[int, float] = {}
        #: Inputs of large sums by id, for adding differences.
        self._members: dict[int, dict[int, Cell]] = {}
        #: Every cell an evaluation touched, by id (the keys of its overlay): not a map of
        #: the whole network, which at 100,000 rows cost 400,000 entries for the few
        #: hundred a search touches.
        self._cells: dict[int, Cell] = {}
        #: Per relation (by id), whether it can differ "as displayed": a percent or measure
        #: target with an input typed as a number. Decided when first asked: the cost of a
        #: cell that matches never asks, so most of a large network's relations never are.
        self._display: dict[int, bool] = {}
        #: Evaluations of moves by (input id, repr of a numeric value), valid until apply()
        #: moves something: a move depends only on the cells' current values.
        self._memo: dict[tuple[int, str], tuple[float, dict[int, Any]]] = {}
        #: Long relations' inputs by relation id: their current values and each input's
        #: places among them (valid until apply() moves something).
        self._values: dict[int, tuple[list[Any], dict[int, list[int]]]] = {}
        #: Per input (by id): how many of its downstream cells come first and are the ones
        #: it feeds directly (:meth:`_frontier`).
        self._fronts: dict[int, int] = {}
        #: The rest of a move's downstream cells, evaluated, by the cells it feeds directly
        #: and their values (:meth:`_evaluate`); valid until apply() moves something.
        self._rests: dict[tuple, tuple[list[tuple[int, Any, float]], int, int]] = {}

    # -- costs ----------------------------------------------------------------------------
    def cost(self, c: Cell, v: Any, overlay: dict[int, Any] | None = None) -> float:
        if c.relation is None:
            b = c.base
            if v == b or (v.__class__ is float and b.__class__ is float and _same(v, b)):
                return 0.0  # _same(), its first test inline: most inputs are at their base
            return c.weight
        t = c.typed
        if t is None or v is None:
            return 0.0
        if c.kind == AMOUNT:
            # matches() of an amount, without its calls; an amount is never right "as
            # displayed" (_displayed_ok looks at percent and measure targets only)
            if abs(t - v) <= self._slack:
                return 0.0
        elif matches(c.kind, t, c.number, v, self.tol) or self._displayed_ok(c, overlay):
            return 0.0
        return _miss(c)

    def _displayed_ok(self, c: Cell, overlay: dict[int, Any] | None) -> bool:
        """A rounding difference within the displayed precision is not an error: the target
        computed from its inputs *as displayed* (33,33% for 33,333...%), where those are
        themselves right to the digits shown, also counts (33,33 / 82 = 40,64%)."""
        r = c.relation
        shown = self._display.get(id(r))
        if shown is None:
            shown = self._display[id(r)] = r.target.kind in ("percent", "measure") and \
                any(i.typed.__class__ is float for i in r.inputs)
        if not shown:
            return False
        vals = []
        differs = False
        for i in r.inputs:
            cur = overlay.get(id(i), i.cur) if overlay else i.cur
            if i.typed is not None and cur is not None and isinstance(i.typed, float) and \
                    not _same(i.typed, cur) and i.matches(cur, self.tol):
                vals.append(i.typed)
                differs = True
            else:
                vals.append(cur)
        return differs and c.matches(r.compute(vals), self.tol)

    def downstream(self, x: Cell) -> list[Cell]:
        got = self._down.get(id(x))
        if got is None:
            seen: dict[Cell, None] = {}  # a cell hashes by identity: no id() a cell
            stack = [x]
            while stack:
                c = stack.pop()
                for r in c.dependents:
                    t = r.target
                    if t not in seen:
                        seen[t] = None
                        stack.append(t)
            got = sorted(seen, key=_order)
            self._down[id(x)] = got
        return got

    def evaluate(self, x: Cell, v: Any) -> tuple[float, dict[int, Any]]:
        """(cost change, new values by id) of setting input ``x`` to ``v``: ``x`` and every
        cell downstream of it, recomputed in the network's order.

        A numeric move is evaluated once while nothing moves (the result is shared: callers
        only read it): two disagreements often propose the same move (a row's sisa and
        persentase both pointing at its pagu), and a cause's alternatives repeat moves of
        the search's last round, which moved nothing (Pronojiwo: 29 of 166 evaluations)."""
        key = (id(x), repr(v)) if v.__class__ in (float, int) else None
        if key is not None:
            got = self._memo.get(key)
            if got is not None:
                return got
        got = self._evaluate(x, v)
        if key is not None:
            self._memo[key] = got
        return got

    def _evaluate(self, x: Cell, v: Any) -> tuple[float, dict[int, Any]]:
        """:meth:`evaluate` without the memo of whole moves: ``x`` and every cell downstream
        of it, recomputed in the network's order.

        Where the cells ``x`` feeds directly come first (:meth:`_frontier`), the rest
        depends on ``x`` only through their values, so it is evaluated once for each set of
        their values while nothing moves and then added cell by cell in the same order (the
        result is the long way's to the bit): the 30 weights of a Fasilitasi list that a
        wrong pembilang could come from each move the pembilang and penyebut to the same
        values, and what those feed (a realisasi, capaian, average, Perbandingan) is
        evaluated once instead of 30 times."""
        overlay: dict[int, Any] = {id(x): v}
        self._cells[id(x)] = x
        delta = 0.0
        delta += self.cost(x, v) - self.cost(x, x.cur)
        down = self.downstream(x)
        n = self._frontier(x)
        if not n:
            delta, fixed, created = self._walk(down, overlay, delta, 0, 0)
        else:
            delta, fixed, created = self._walk(down[:n], overlay, delta, 0, 0)
            key = (*map(id, down[:n]), *(_value_key(overlay[id(d)]) for d in down[:n]))
            rest = self._rests.get(key) if None not in key else None
            if rest is None:
                record: list[tuple[int, Any, float]] = []
                was = fixed, created
                delta, fixed, created = self._walk(down[n:], overlay, delta, fixed, created,
                                                   record)
                if None not in key:
                    self._rests[key] = (record, fixed - was[0], created - was[1])
            else:
                record, more_fixed, more_created = rest
                for k, nv, term in record:  # its cells were known when it was recorded
                    overlay[k] = nv
                    delta += term
                fixed += more_fixed
                created += more_created
        if fixed and created and _same(x.cur, x.base) and not _same(v, x.base):
            delta += W_MIXED
        return delta, overlay

    def _walk(self, cells: list[Cell], overlay: dict[int, Any], delta: float, fixed: int,
              created: int, record: list | None = None) -> tuple[float, int, int]:
        """Recompute ``cells`` (downstream of a move, in order) into ``overlay``; the cost
        change added to ``delta``, and the counts of cells fixed and of consistent cells
        broken. ``record``: each cell's (id, new value, cost change) appended.

        A cell left blank costs nothing before and after, and a cell whose cost does not
        change adds nothing (0.0 added to a sum of costs changes no bit of it: the sum is
        never -0.0) and neither fixes nor breaks anything: both skip the arithmetic."""
        now = self._now
        moved = overlay.get
        slack = self._slack
        self._cells.update(zip(map(id, cells), cells, strict=True))
        for d in cells:
            r = d.relation
            ins = r.inputs
            n = len(ins)
            # the inputs' values with the move's: most relations read two cells (a sisa,
            # a persentase), read without a comprehension's call
            if n == 2:
                a, b = ins
                nv = r.compute([moved(id(a), a.cur), moved(id(b), b.cur)])
            elif n <= 8:
                if r.compute is total:  # a short sum (a kegiatan): total() without a list
                    nv = 0.0
                    for i in ins:
                        x = moved(id(i), i.cur)
                        if x is None:
                            nv = None
                            break
                        nv += x
                else:
                    nv = r.compute([moved(id(i), i.cur) for i in ins])
            elif r.compute is total and d.cur is not None:
                nv = self._sum_moved(d, overlay)
            else:
                nv = r.compute(self._values_moved(r, overlay))
            k = id(d)
            overlay[k] = nv
            t = d.typed
            if t is None:
                if record is not None:
                    record.append((k, nv, 0.0))
                continue
            old = now.get(k)
            if old is None:
                old = now[k] = self.cost(d, d.cur)
            if nv is None:
                new = 0.0
            elif d.kind == AMOUNT:  # cost() of an amount, inline: most cells here are
                new = 0.0 if abs(t - nv) <= slack else _miss(d)
            else:
                new = self.cost(d, nv, overlay)
            if new != old:
                delta += new - old
                # costs are never below 0: from 0 it broke, to 0 it was fixed
                if old == 0:
                    if d.self_consistent:
                        created += 1
                elif new == 0 and not d.self_consistent:
                    fixed += 1
            if record is not None:
                record.append((k, nv, new - old))
        return delta, fixed, created

    def _frontier(self, x: Cell) -> int:
        """How many of ``x``'s downstream cells come first and are exactly the cells ``x``
        feeds directly, when more follow; else 0. The rest then reads ``x`` only through
        them (a cell that read ``x`` would be fed directly), and they read none of the rest
        (it comes later in the order)."""
        got = self._fronts.get(id(x))
        if got is None:
            direct = {id(r.target) for r in x.dependents}
            down = self.downstream(x)
            got = len(direct)
            if got >= len(down) or any(id(d) not in direct for d in down[:got]):
                got = 0
            self._fronts[id(x)] = got
        return got

    def _sum_moved(self, d: Cell, overlay: dict[int, Any]) -> Any:
        """A sum of many rows with the values in ``overlay``: its current value plus the
        differences of the inputs that moved, instead of summing every row again."""
        r = d.relation
        members = self._members.get(id(r))
        if members is None:
            members = self._members[id(r)] = {id(i): i for i in r.inputs}
        nv = d.cur
        for k, new_i in overlay.items():
            i = members.get(k)
            if i is None:
                continue
            if new_i is None or i.cur is None:
                return r.compute([overlay.get(id(j), j.cur) for j in r.inputs])
            nv += new_i - i.cur
        return nv

    def _values_moved(self, r: Relation, overlay: dict[int, Any]) -> list[Any]:
        """The values of a long relation's inputs with those in ``overlay``: a copy of their
        current values with the few moved ones put in place, instead of looking up every
        input in ``overlay`` (a Fasilitasi count reads 70 cells; a move changes one)."""
        got = self._values.get(id(r))
        if got is None:
            places: dict[int, list[int]] = {}
            for n, i in enumerate(r.inputs):
                places.setdefault(id(i), []).append(n)
            got = self._values[id(r)] = ([i.cur for i in r.inputs], places)
        now, places = got
        vals = now.copy()
        for k, v in overlay.items():
            at = places.get(k)
            if at is not None:
                for n in at:
                    vals[n] = v
        return vals

    def apply(self, overlay: dict[int, Any], cells: dict[int, Cell]) -> None:
        self._memo.clear()
        self._rests.clear()
        self._values.clear()
        for k, v in overlay.items():
            cells[k].cur = v
            self._now.pop(k, None)
        # a cell's cost "as displayed" reads its inputs: forget what lies downstream too
        for k in overlay:
            for d in self.downstream(cells[k]):
                self._now.pop(id(d), None)

    # -- search ---------------------------------------------------------------------------
    def candidates(self, rel: Relation, want: Any, depth: int = 0,
                   suspects: set[int] | None = None,
                   fed: set[int] | None = None) -> list[tuple[Cell, Any]]:
        """Input values that would make ``rel``'s target ``want``. Below the relation's own
        inputs (a program's sum pushed down to its sub kegiatan) only ``suspects`` are
        proposed, when given: inputs that some other disagreement also points at. ``fed``
        (with ``suspects``): the cells some suspect feeds (:meth:`fed_by`); below any other
        derived cell no suspect lies, so nothing would be proposed there."""
        if rel.__class__ is SettledRelation and suspects is None:
            # every row below would be proposed: the lazy network left them out
            raise NetworkIncomplete(rel)
        if rel.invert is None or want is None:
            return []
        out: list[tuple[Cell, Any]] = []
        try:
            proposals = rel.invert(rel, want)
        except (ArithmeticError, ValueError, TypeError):
            return out  # an absurd value (infinite, far out of range): nothing to propose
        for i, v in proposals:
            if v is None or (isinstance(v, float) and not math.isfinite(v)):
                continue
            if i.relation is None:
                if i.kind in ("count",) and (v < 0 or abs(v - round(v)) > 1e-9):
                    continue
                # Below the relation's own inputs, or among the many inputs of a long sum,
                # only inputs that another disagreement also points at are proposed.
                if (depth or len(rel.inputs) > LONG_SUM) and suspects is not None and \
                        id(i) not in suspects:
                    continue
                if id(i) in self.net.partial:
                    raise NetworkIncomplete(rel)  # what it feeds was not built
                out.append((i, v))
            elif depth < 4 and (fed is None or id(i) in fed):
                out.extend(self.candidates(i.relation, v, depth + 1, suspects, fed))
        return out

    def fed_by(self, inputs: list[Cell]) -> set[int]:
        """The ids of the cells ``inputs`` feed, directly or through others."""
        fed: set[int] = set()
        for x in inputs:
            fed.update(map(id, self.downstream(x)))
        return fed

    def bad(self) -> list[Cell]:
        """The typed derived cells that disagree before the search moves anything."""
        return self.net.initial_mismatched

    def run(self) -> float:
        self.penalty = 0.0
        #: The inputs moved, by id, in the order first moved. Ids are addresses: a dict
        #: (ordered), not a set, so that the order the costs are summed in, and so the
        #: diagnosis, does not depend on where the cells happen to lie in memory.
        self._moved: dict[int, None] = {}
        #: input -> the other inputs a move of it tied with (any of them explained it), in
        #: the order they tied (a dict for the same reason: they become its alternatives)
        self._ties: dict[int, dict[int, None]] = {}
        cells = self._cells
        bad = {id(c): c for c in self.bad() if self.cost(c, c.cur) > 0}
        # Candidates per disagreeing cell, with their evaluation; a move only invalidates
        # the entries whose cells it touched, so k mistakes cost about k evaluations each.
        cache: dict[int, list[tuple[float, dict[int, Any], int, frozenset[int]]]] = {}
        for _ in range(MAX_MOVES):
            if not bad:
                break
            tried: list[tuple[float, int, dict[int, Any], int]] = []
            # inputs two disagreements point at, or one short relation (a row's sisa)
            seen_once: set[int] = set()
            suspects: dict[int, Cell] = {}
            for d in bad.values():
                ins = d.relation.inputs
                for i in ins:
                    k = id(i)
                    if len(ins) <= LONG_SUM or k in seen_once:
                        suspects[k] = i
                    seen_once.add(k)
            fed: set[int] | None = None  # made when first needed (nothing cached)
            for did, d in bad.items():
                entries = cache.get(did)
                if entries is None:
                    if fed is None:
                        fed = self.fed_by([i for i in suspects.values() if i.relation is None])
                    entries = []
                    seen: set[tuple[int, Any]] = set()
                    deps = {did, *(id(i) for i in d.relation.inputs)}
                    for x, v in self.candidates(d.relation, d.typed, 0, suspects.keys(), fed):
                        key = (id(x), round(v, 6) if isinstance(v, float) else v)
                        if key in seen or _same(v, x.cur):
                            continue
                        seen.add(key)
                        delta, overlay = self.evaluate(x, v)
                        entries.append((delta, overlay, id(x), frozenset(deps | overlay.keys())))
                    cache[did] = entries
                for delta, overlay, xid, _deps in entries:
                    tried.append((delta, did, overlay, xid))
            by_src: dict[int, list[tuple[float, int]]] = {}
            for delta, src, _, xid in tried:
                by_src.setdefault(src, []).append((delta, xid))
            best: tuple[float, dict[int, Any]] | None = None
            best_ties: list[int] = []
            for delta, src, overlay, xid in tried:
                # One of several inputs that would each explain the same disagreement
                # equally well (any leaf of a sum): not identifiable, so it must not win
                # over the one derived cell that explains it.
                ties = [x2 for d2, x2 in by_src[src] if x2 != xid and abs(d2 - delta) < 0.02]
                if ties:
                    delta += W_AMBIGUOUS
                if best is None or delta < best[0] - 1e-12:
                    best = (delta, overlay)
                    best_ties = [xid, *ties]
            if best is None or best[0] >= -1e-9:
                break
            # the inputs that would have explained it as well are its honest alternatives
            for xid in best_ties[:1]:
                self._ties.setdefault(xid, {}).update(dict.fromkeys(best_ties[1:]))
            self.penalty += best[0] - self._plain_delta(best[1], cells)
            self.apply(best[1], cells)
            touched = best[1].keys()
            for k in touched:
                c = cells[k]
                if c.relation is not None and self.cost(c, c.cur) > 0:
                    bad[k] = c
                else:
                    bad.pop(k, None)
            for did in [k for k, entries in cache.items()
                        if k not in bad or not entries
                        or any(not e[3].isdisjoint(touched) for e in entries)]:
                del cache[did]
            self._moved.update(dict.fromkeys(k for k in touched if cells[k].relation is None))
        self._bad = bad
        return self.total_cost()

    def _plain_delta(self, overlay: dict[int, Any], cells: dict[int, Cell]) -> float:
        return sum(self.cost(cells[k], v) - self.cost(cells[k], cells[k].cur)
                   for k, v in overlay.items())

    def total_cost(self) -> float:
        """The objective now: penalties of the moves taken, the moved inputs, and every
        derived cell that disagrees (kept up to date by :meth:`run`)."""
        cells = self._cells
        return (self.penalty
                + sum(self.cost(cells[k], cells[k].cur) for k in self._moved)
                + sum(self.cost(c, c.cur) for c in self._bad.values()))

    # -- reading the result ---------------------------------------------------------------------
    def changes(self) -> list[Change]:
        out: list[Change] = []
        by: dict[int, Change] = {}
        for c in self._changed_candidates():
            if c.soft:
                continue
            if c.relation is None:
                if _same(c.cur, c.base):
                    continue
            elif c.typed is None or c.matches(c.cur, self.tol) or self._displayed_ok(c, None):
                continue
            ch = Change(c, c.cur)
            out.append(ch)
            by[id(c)] = ch
        for ch in out:
            c = ch.cell
            if c.relation is not None and c.self_consistent:
                ch.cause = self._find_cause(c, by)
                if ch.cause is None:
                    # nothing upstream moved: it disagrees on its own after all
                    continue
        for ch in out:
            if ch.is_cause:
                ch.alternatives = self._alternatives(ch)
        return out

    def _changed_candidates(self) -> list[Cell]:
        """The cells that can differ from what was typed, in the network's order: every
        cell the search evaluated (only those ever had ``cur`` set), the typed derived cells
        that disagreed from the start, and inputs whose start value is not equal to itself
        (NaN). Any other cell still holds the value finish() gave it: an input its base, a
        derived cell one that matched as typed - neither is a change. At 100,000 rows this
        looks at a few hundred cells instead of 400,000."""
        net = self.net
        got = dict(self._cells)
        for c in net.initial_mismatched:
            got[id(c)] = c
        for c in net.odd_inputs:
            got[id(c)] = c
        return sorted(got.values(), key=_order)

    def _find_cause(self, c: Cell, by: dict[int, Change]) -> Cell | None:
        seen = {id(c)}
        frontier = [c]
        while frontier:
            nxt: list[Cell] = []
            for x in frontier:
                ins = list(x.relation.inputs) if x.relation else []
                if x.relation is not None:
                    # the cells the user computed it from count too (JUMLAH for an average)
                    for alt, _ in x.relation.alt_inputs:
                        ins.extend(alt)
                for i in ins:
                    if id(i) in seen:
                        continue
                    seen.add(id(i))
                    ch = by.get(id(i))
                    if ch is not None and (i.relation is None or not i.self_consistent):
                        return i
                    nxt.append(i)
            frontier = nxt
        return None

    def _input_suspects(self, c: Cell) -> list[Cell]:
        rel = c.relation
        if rel is None or rel.invert is None or c.typed is None:
            return []
        try:
            proposals = rel.invert(rel, c.typed)
        except (ArithmeticError, ValueError, TypeError):
            return []
        out: list[Cell] = []
        for i, v in proposals:
            r = i.relation
            if r is None or r.suspects is None or v is None or \
                    (isinstance(v, float) and not math.isfinite(v)):
                continue
            out.extend(r.suspects(r, v))
        return out

    def _alternatives(self, ch: Change) -> list[Cell]:
        c = ch.cell
        alts: list[Cell] = []
        if c.relation is not None:
            for x, v in self.candidates(c.relation, c.typed):
                if x is c or any(a is x for a in alts):
                    continue
                delta, _ = self.evaluate(x, v)
                if delta <= TIE_MARGIN:
                    alts.append(x)
            if c.relation.suspects is not None:
                for x in c.relation.suspects(c.relation, c.typed):
                    if not any(a is x for a in alts):
                        alts.append(x)
            # the suspects of a derived input it was computed from: a realisasi counted
            # from ticks through an untyped pembilang (seed 002) names the ticks too
            for x in self._input_suspects(c):
                if x is not c and not any(a is x for a in alts):
                    alts.append(x)
        else:
            cells = self._cells
            for k in self._ties.get(id(c), ()):
                x = cells.get(k)
                if x is not None and x is not c and _same(x.cur, x.base) and \
                        not any(a is x for a in alts):
                    alts.append(x)
            # Undo the move: the derived cells that then disagree on their own would be the
            # other explanation, if there is exactly one and it costs about as much.
            delta, overlay = self.evaluate(c, c.base)
            cells = {id(k): k for k in [c, *self.downstream(c)]}
            newly = [cells[k] for k, v in overlay.items()
                     if k != id(c) and cells[k].relation is not None
                     and self.cost(cells[k], v) >= W_DERIVED
                     and self.cost(cells[k], cells[k].cur) < W_DERIVED]
            if len(newly) == 1 and delta <= TIE_MARGIN:
                alts.append(newly[0])
        return alts


def _order(c: Cell) -> int:
    return c.order


# ---------------------------------------------------------------------------------------
# Whole hypotheses: identity fields and budget codes
# ---------------------------------------------------------------------------------------


def _identity_cost(ctx, year: int | None, quarter: int | None) -> float:
    """Disagreements that a wrong year or quarter would cause outside the network: a
    report far too late or dated before its quarter ended, village documents dated before
    their period, no Perbandingan row for the report year."""
    from .calendar import deadline, quarter_end, working_days_between

    rep = ctx.report
    rd = rep.identity.report_date
    cost = 0.0
    s = ctx.settings
    if year is None or quarter is None:
        return cost
    if rd is not None:
        due = deadline(year, quarter, s.deadline_working_days, s.extra_holidays)
        if rd > due:
            # A few days late is common; a report a season late is more likely a typo in
            # the year or quarter.
            late = working_days_between(due, rd, s.extra_holidays)
            cost += 1.0 + min(late, 250) / 100
        elif rd < quarter_end(year, quarter):
            # A report cannot describe a quarter that has not ended: a strong contradiction,
            # the stronger the earlier (a whole quarter early is a typo in the quarter; two
            # days early, as seed 001, is the report's own slip).
            early = (quarter_end(year, quarter) - rd).days
            cost += 1.0 + min(early, 92) / 92
    from .relations.capaian import doc_earliest

    earliest = {doc: doc_earliest(s, doc, year) for doc in ("rkpdes", "apbdes", "lppdes")}
    for r in rep.desa:
        for doc, first in earliest.items():
            v = r.get(doc).value
            if isinstance(v, dt.date) and v < first:
                cost += 1.0
    if rep.perbandingan:
        from .rules.base import amount

        years = {amount(r.get("tahun")) for r in rep.perbandingan}
        if years and year not in years and (year - 1) in years | {year - 1} and \
                any(y is not None and y > year for y in years):
            cost += 1.0
    return cost


def _identity_candidates(ctx) -> list[tuple[int, int]]:
    """(year, quarter) pairs the report date makes plausible: the quarter the date falls in
    and the one before it, in the date's year and the year before, mixed with the typed
    year and quarter."""
    ident = ctx.report.identity
    y, q, rd = ident.year, ident.quarter, ident.report_date
    if y is None or q is None or rd is None:
        return []
    dq = (rd.month - 1) // 3 + 1
    prev = (rd.year, dq - 1) if dq > 1 else (rd.year - 1, 4)
    years = {y, rd.year, rd.year - 1, prev[0]}
    quarters = {q, dq, prev[1]}
    out = sorted({(yy, qq) for yy in years for qq in quarters
                  if (yy, qq) != (y, q) and 1990 <= yy <= 2100 and 1 <= qq <= 4
                  and ((yy, qq) in ((rd.year, dq), prev) or yy == y or qq == q)})
    return out


def diagnose(ctx, *, lazy: bool = True) -> Diagnosis:
    """The diagnosis of one report (see the module docstring). ``lazy`` networks leave out
    the Anggaran rows no disagreement reaches (:func:`relations.anggaran.build`); where the
    search must look at them after all, it starts again on whole networks."""
    if lazy:
        try:
            return _diagnose(ctx, True)
        except NetworkIncomplete:
            pass
    return _diagnose(ctx, False)


def _diagnose(ctx, lazy: bool) -> Diagnosis:
    ident = ctx.report.identity
    year, quarter = ident.year, ident.quarter
    net = build_network(ctx, lazy=lazy)
    solver = Solver(net)
    best_cost = solver.run() + _identity_cost(ctx, year, quarter)
    best = (net, solver, {}, {})
    # Whole identity hypotheses only when the typed year/quarter is clearly contradicted (a
    # report dated before its quarter ended, weeks late, documents outside their period).
    symptoms = best_cost - _network_only(solver) >= 1.5
    if symptoms:
        for y, q in _identity_candidates(ctx):
            n2 = build_network(ctx, year=y, quarter=q, lazy=lazy)
            s2 = Solver(n2)
            changed = (y != year) + (q != quarter)
            c2 = s2.run() + _identity_cost(ctx, y, q) + W_INPUT * changed
            if c2 < best_cost - 0.5:
                fix = {}
                if y != year:
                    fix["tahun"] = (ident.tahun, y)
                if q != quarter:
                    fix["triwulan"] = (ident.triwulan, q)
                best_cost, best = c2, (n2, s2, fix, {})
    net, solver, fix, codes = best
    overrides: dict[int, str] = {}
    for row, code in list(net.budget.misplaced if net.budget is not None else ()):
        trial = dict(overrides)
        trial[row] = code
        n2 = build_network(ctx, year=_fixed(fix, "tahun", year),
                           quarter=_fixed(fix, "triwulan", quarter), code_overrides=trial,
                           lazy=lazy)
        s2 = Solver(n2)
        c2 = s2.run() + _identity_cost(ctx, _fixed(fix, "tahun", year),
                                       _fixed(fix, "triwulan", quarter)) + \
            W_INPUT * (len(trial))
        if c2 < best_cost - 0.2:
            overrides = trial
            best_cost = c2
            net, solver = n2, s2
    if overrides:
        rows = {r.row: r for r in ctx.budget_rows}
        codes = {row: (rows[row].get("kode"), code) for row, code in overrides.items()}
    return Diagnosis(net, solver.changes(), fix, codes, net.budget,
                     _fixed(fix, "tahun", year), _fixed(fix, "triwulan", quarter))


def _fixed(fix: dict, key: str, default: Any) -> Any:
    return fix[key][1] if key in fix else default


def _network_only(solver: Solver) -> float:
    return solver.total_cost()
