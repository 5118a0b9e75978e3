"""The network and the search take shortcuts at 100.000 rows that must not change an answer
(issue 17). Each is compared here with the long way it replaces, on every sample and on the
clean report with mistakes typed in by hand:

- ``Network.finish`` decides whether a typed derived cell agrees with the *typed* values
  next to it without recomputing the relation when every input starts from its typed
  reading, and judges a percentage within tolerance without ``pct_status``;
- ``Network.relate`` looks for a loop only when the target already feeds something;
- ``Solver.changes`` looks only at the cells the search evaluated, the cells that
  disagreed from the start and NaN inputs, instead of every cell of the network;
- the lazy network (``build_network(lazy=True)``, the default) builds only the Anggaran
  rows a disagreement can reach and settles the rest at their values: its diagnosis must
  name the same changes, causes and alternatives, and give every cell the same truth, as
  the whole network, on the samples, the corpus and 1.000-row workbooks with random
  mistakes.
"""

from __future__ import annotations

import copy
import random
import sys

import pytest

from lkj_excel.diagnosis import (
    W_CONSEQUENCE,
    W_DERIVED,
    W_SOFT,
    Solver,
    _same,
    diagnose,
)
from lkj_excel.errors import LkjError
from lkj_excel.model import Report
from lkj_excel.parsing import Number, format_number_id
from lkj_excel.reader import read_report
from lkj_excel.relations import build_network
from lkj_excel.relations.core import matches, total, typed_value
from lkj_excel.rules.base import Context

from .conftest import ALL_SAMPLES, CLEAN, PRONOJIWO, ROOT

#: Mistakes in the clean Sukamaju report: a sub kegiatan pagu (its sisa, persentase and
#: totals follow), a persentase of its own, a sisa of its own, a blank realisasi.
EDITS = {("Anggaran", "C6"): "9.000.000", ("Anggaran", "F9"): "41,5%",
         ("Anggaran", "E10"): "1.000.000", ("Anggaran", "D11"): ""}


def _reports():
    for p in ALL_SAMPLES:
        yield pytest.param(p, None, id=p.stem)
    yield pytest.param(CLEAN, EDITS, id="clean-with-mistakes")


@pytest.mark.parametrize("path,edits", list(_reports()))
def test_shortcuts_agree_with_the_long_way(path, edits):
    ctx = Context(read_report(path, edits=edits))
    net = build_network(ctx)
    tol = net.tol
    derived = [c for c in net.cells if c.relation is not None]
    assert derived, "a report without relations proves nothing"

    # inputs before the cells computed from them: no relation closes a loop
    for c in derived:
        assert all(i.order < c.order for i in c.relation.inputs), c
    # the cells that disagree as typed, the long way
    assert [id(c) for c in net.initial_mismatched] == \
        [id(c) for c in derived if c.typed is not None and not c.matches(c.cur0, tol)]
    # agreeing with the typed values next to it, the long way: the relation recomputed from
    # the typed readings, or one of its other input sets
    for c in derived:
        if c.typed is None:
            continue
        r = c.relation
        ok = c.matches(r.value(typed=True), tol) or any(
            c.matches(fn([typed_value(i) for i in ins]), tol) for ins, fn in r.alt_inputs)
        assert c.self_consistent == ok, c

    solver = Solver(net)
    solver.run()
    changes = solver.changes()
    # every cell of the network that differs from what was typed, the long way
    long_way = []
    for c in net.cells:
        if c.soft:
            continue
        if c.relation is None:
            if _same(c.cur, c.base):
                continue
        elif c.typed is None or c.matches(c.cur, tol) or solver._displayed_ok(c, None):
            continue
        long_way.append(c)
    assert [id(ch.cell) for ch in changes] == [id(c) for c in long_way]
    if edits:
        # each mistake typed in is named as a cause (8.000.000 + 12.000.000 = the kegiatan's
        # 20.000.000, so C6 is 8.000.000)
        causes = {ch.cell.where: ch.value for ch in changes if ch.is_cause}
        assert {f"Anggaran!{a}" for _, a in EDITS} <= causes.keys()
        assert causes["Anggaran!C6"] == 8_000_000


# -- the lazy network against the whole network ---------------------------------------------


def _changes(d) -> list[tuple]:
    return [(ch.cell.where, repr(ch.value), ch.cause.where if ch.cause is not None else None,
             tuple(a.where for a in ch.alternatives)) for ch in d.changes]


def _assert_lazy_is_whole(report: Report) -> int:
    """The lazy diagnosis equals the whole network's; the number of cells it left out."""
    lazy = diagnose(Context(report))
    whole = diagnose(Context(report), lazy=False)
    assert _changes(lazy) == _changes(whole)
    assert (lazy.identity, lazy.codes, lazy.year, lazy.quarter) == \
        (whole.identity, whole.codes, whole.year, whole.quarter)
    for v in report.all_values():
        assert repr(lazy.truth(v, "-")) == repr(whole.truth(v, "-")), v.where
    return len(whole.net.cells) - len(lazy.net.cells)


@pytest.mark.parametrize("path,edits", list(_reports()))
def test_lazy_network_diagnoses_the_samples_as_the_whole_one(path, edits):
    _assert_lazy_is_whole(read_report(path, edits=edits))


def test_lazy_network_diagnoses_the_corpus_as_the_whole_one():
    checked = 0
    for path in sorted((ROOT / "tests" / "corpus").iterdir()):
        try:
            report = read_report(path)
        except LkjError:
            continue  # refused before any diagnosis
        _assert_lazy_is_whole(report)
        checked += 1
    assert checked > 20


def _rows(rng: random.Random, n_programs: int, n_sub: int, plan: bool) -> list[dict]:
    """Programs of 4 kegiatan of ``n_sub`` sub kegiatan whose arithmetic holds (with the
    quarterly plan on every row and capaian keuangan on sub kegiatan when ``plan``), and
    JUMLAH."""
    rows: list[dict] = []
    tp = tr = tt = 0
    for p in range(1, n_programs + 1):
        prog = {"kode": f"7.01.{p:02d}", "uraian": f"PROGRAM {p}"}
        rows.append(prog)
        pp = pr = pt = 0
        for k in range(1, 5):
            keg = {"kode": f"7.01.{p:02d}.2.{k:02d}", "uraian": f"Kegiatan {k} program {p}"}
            rows.append(keg)
            kp = kr = kt = 0
            for s in range(1, n_sub + 1):
                pagu = rng.randint(5, 4000) * 10_000
                real = int(pagu * rng.random())
                row = {"kode": f"7.01.{p:02d}.2.{k:02d}.{s:04d}",
                       "uraian": f"Sub kegiatan {s} kegiatan {k} program {p}",
                       "pagu": pagu, "realisasi": real, "sisa": pagu - real,
                       "persentase": format_number_id(real / pagu * 100, 2) + "%"}
                if plan:
                    tw = max(real, pagu // 2)
                    row.update(target_tw=tw, capaian_keuangan=format_number_id(
                        real / tw * 100, 2) + "%")
                rows.append(row)
                kp, kr, kt = kp + pagu, kr + real, kt + row.get("target_tw", 0)
            keg.update(pagu=kp, realisasi=kr, sisa=kp - kr,
                       persentase=format_number_id(kr / kp * 100, 2) + "%")
            if plan:
                keg.update(target_tw=kt)
            pp, pr, pt = pp + kp, pr + kr, pt + kt
        prog.update(pagu=pp, realisasi=pr, sisa=pp - pr)
        if plan:
            prog.update(target_tw=pt)
        tp, tr, tt = tp + pp, tr + pr, tt + pt
    total = {"uraian": "JUMLAH", "pagu": tp, "realisasi": tr, "sisa": tp - tr}
    if plan:
        total.update(target_tw=tt)
    rows.append(total)
    return rows


@pytest.fixture(scope="module")
def large_reports(tmp_path_factory):
    """Two clean reports of about 1.000 Anggaran rows: without the plan columns and 25 sub
    kegiatan a kegiatan (a long sum: rows beside a wrong one are built as inputs only), and
    with them and 10; their PK budget and Efisiensi tables name a sub kegiatan and a kegiatan
    deep in the table (rows the lazy network must build: other tables' relations read
    them)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    from lkj_excel.writers.template import build_workbook

    out = []
    for plan, n_programs, n_sub in ((False, 9, 25), (True, 22, 10)):
        data = copy.deepcopy(CLEAN)
        data["Anggaran"] = _rows(random.Random(17), n_programs, n_sub, plan)
        data["PK Anggaran"][0]["kode"] = "7.01.05.2.03.0007"
        data["Efisiensi"][1]["kode"] = "7.01.07.2.02"
        path = tmp_path_factory.mktemp("lazy") / f"anggaran_{int(plan)}.xlsx"
        build_workbook(path, "kecamatan", data)
        out.append(path)
    return out


def _mistakes(report: Report, rng: random.Random, n: int) -> dict:
    """``n`` random typed amounts and percentages of the Anggaran rows (JUMLAH aside: a
    JUMLAH that disagrees builds the whole network, test_a_wrong_jumlah_builds_every_row)
    made wrong: a digit off, a value of another row, a blank."""
    cells = [v for r in report.anggaran if not r.is_total
             for k in ("pagu", "realisasi", "sisa", "persentase", "target_tw",
                       "capaian_keuangan")
             if (v := r.cells.get(k)) is not None and v.cell and v.raw not in (None, "")]
    edits = {}
    for v in rng.sample(cells, n):
        how = rng.random()
        if how < 0.15:
            edits[(v.sheet, v.cell)] = ""
        elif how < 0.3:
            edits[(v.sheet, v.cell)] = rng.choice(cells).raw
        elif isinstance(v.parsed, Number) and v.parsed.is_percent:
            edits[(v.sheet, v.cell)] = format_number_id(v.parsed.value + rng.choice(
                (0.5, 5, -3)), 2) + "%"
        else:
            value = v.parsed.value if isinstance(v.parsed, Number) and v.parsed.value else 1.0
            edits[(v.sheet, v.cell)] = value + rng.choice((10_000, 1_000_000, -90_000))
    return edits


@pytest.mark.parametrize("seed", range(12))
def test_lazy_network_diagnoses_random_mistakes_as_the_whole_one(large_reports, seed):
    rng = random.Random(seed)
    path = large_reports[seed % 2]
    clean = read_report(path)
    report = read_report(path, edits=_mistakes(clean, rng, rng.choice((1, 2, 3, 6))))
    assert len(report.anggaran) > 900
    left_out = _assert_lazy_is_whole(report)
    # the shortcut was taken: most rows were settled, not built
    assert left_out > 2_000


def test_a_wrong_total_builds_its_rows(large_reports):
    """A program total typed wrong on its own: its alternatives are every sub kegiatan
    below it, so the lazy network builds its whole subtree (and only that)."""
    clean = read_report(large_reports[0])
    prog = next(r for r in clean.anggaran if r.code and r.code.level == "program")
    v = prog.get("pagu")
    report = read_report(large_reports[0], edits={(v.sheet, v.cell): v.parsed.value + 7})
    assert _assert_lazy_is_whole(report) > 2_000
    d = diagnose(Context(report))
    assert [ch.cell.where for ch in d.changes if ch.is_cause] == [v.where]


@pytest.mark.parametrize("key", ["pagu", "realisasi", "sisa"])
def test_a_wrong_jumlah_builds_every_row(large_reports, monkeypatch, key):
    """JUMLAH typed wrong on its own: its alternatives are every row, so the network is
    built whole at once - not built lazily, abandoned (NetworkIncomplete) and built again,
    which doubled the time and, with the collector paused, the memory."""
    from lkj_excel import diagnosis

    clean = read_report(large_reports[0])
    v = next(r for r in clean.anggaran if r.is_total).get(key)
    report = read_report(large_reports[0], edits={(v.sheet, v.cell): v.parsed.value + 7})
    assert _assert_lazy_is_whole(report) == 0
    calls = []
    real = diagnosis._diagnose

    def counted(ctx, lazy):
        calls.append(lazy)
        return real(ctx, lazy)

    monkeypatch.setattr(diagnosis, "_diagnose", counted)
    d = diagnose(Context(report))
    assert calls == [True]
    assert [ch.cell.where for ch in d.changes if ch.is_cause] == [v.where]


def test_nothing_below_a_settled_sum_is_proposed(large_reports, monkeypatch):
    """Below a settled sum the whole network proposes only suspects, and no suspect lies
    there; without suspects (a cause's alternatives) the lazy network cannot answer, and the
    diagnosis starts again on the whole network."""
    from lkj_excel import diagnosis
    from lkj_excel.relations import SettledRelation

    ctx = Context(read_report(large_reports[0]))
    lazy, whole = build_network(ctx), build_network(ctx, lazy=False)
    settled = [r for r in lazy.relations if r.__class__ is SettledRelation]
    # the pagu and realisasi of the programs and of the kegiatan beside the rows other
    # tables read: nothing disagrees
    assert len(settled) >= 2 * 7
    for r in settled:
        full = whole.get(r.target.value).relation
        want = r.target.cur + 1_000
        assert Solver(whole).candidates(full, want, 1, set()) == []
        assert Solver(lazy).candidates(r, want, 1, set()) == []
        assert len(Solver(whole).candidates(full, want)) in (25, 100)  # its sub kegiatan
        with pytest.raises(diagnosis.NetworkIncomplete):
            Solver(lazy).candidates(r, want)

    calls = []
    real = diagnosis._diagnose

    def incomplete_when_lazy(ctx, lazy):
        calls.append(lazy)
        if lazy:
            raise diagnosis.NetworkIncomplete(settled[0])
        return real(ctx, lazy)

    monkeypatch.setattr(diagnosis, "_diagnose", incomplete_when_lazy)
    d = diagnose(Context(read_report(large_reports[0])))
    assert calls == [True, False] and len(d.net.cells) == len(whole.cells)


def test_rows_beside_a_wrong_one_under_a_long_sum_are_inputs_only(large_reports):
    """A sub kegiatan's sisa typed wrong, among 25 under its kegiatan: the 24 beside it are
    built as inputs of the kegiatan's sums only (no relations of their own). The search
    never proposes them: a sum of more than 20 inputs proposes only suspects; proposing
    one all the same (a cause's alternatives) sends the diagnosis to the whole network."""
    from lkj_excel.diagnosis import NetworkIncomplete

    clean = read_report(large_reports[0])
    leaf = next(r for r in clean.anggaran if r.code and r.code.level == "subkegiatan")
    v = leaf.get("sisa")
    report = read_report(large_reports[0], edits={(v.sheet, v.cell): v.parsed.value + 50_000})
    ctx = Context(report)
    lazy, whole = build_network(ctx), build_network(ctx, lazy=False)
    beside = [r for r in report.anggaran
              if r.code and r.code.parent == leaf.code.parent and r.row != leaf.row]
    assert len(beside) == 24
    for r in beside:
        assert {id(lazy.get(r.get(k))) for k in ("pagu", "realisasi", "sisa")} <= lazy.partial
        assert lazy.get(r.get("persentase")) is None and lazy.get(r.get("sisa")).is_input
    parent = next(r for r in report.anggaran if r.code and r.code.canonical == leaf.code.parent)
    rel = lazy.get(parent.get("pagu")).relation
    assert len(rel.inputs) == 25
    want = rel.target.cur + 1_000
    # the wrong row's pagu and realisasi are suspects (its sisa disagrees): only they
    def proposed(net):
        suspects = {id(i) for i in net.get(v).relation.inputs}
        got = Solver(net).candidates(net.get(parent.get("pagu")).relation, want, 0, suspects)
        return [(c.where, x) for c, x in got]

    assert proposed(lazy) == proposed(whole) == [(leaf.get("pagu").where, want - rel.target.cur
                                                  + lazy.get(leaf.get("pagu")).cur)]
    with pytest.raises(NetworkIncomplete):
        Solver(lazy).candidates(rel, want)
    assert _assert_lazy_is_whole(report) > 2_000
    causes = [ch.cell.where for ch in diagnose(ctx).changes if ch.is_cause]
    assert causes == [v.where]


# -- the search's memo of evaluations, and long relations' values ---------------------------


class _LongWay(Solver):
    """The search without its shortcuts: every move evaluated afresh (no memo, nothing
    beyond the cells a move feeds directly shared with another move), every input of a
    long relation looked up in the move's values (no copy of the current ones), and every
    cell's cost asked of matches() and _displayed_ok() (an amount's not inline)."""

    def evaluate(self, x, v):
        return self._evaluate(x, v)

    def _frontier(self, x):
        return 0

    def _values_moved(self, r, overlay):
        return [overlay.get(id(i), i.cur) for i in r.inputs]

    def cost(self, c, v, overlay=None):
        return _long_cost(self, c, v, overlay)

    def _walk(self, cells, overlay, delta, fixed, created, record=None):
        for d in cells:
            k = id(d)
            self._cells[k] = d
            r = d.relation
            if r.compute is total and len(r.inputs) > 8 and d.cur is not None:
                nv = self._sum_moved(d, overlay)  # a long sum: its differences added
            else:
                nv = r.compute([overlay.get(id(i), i.cur) for i in r.inputs])
            overlay[k] = nv
            old, new = self.cost(d, d.cur), self.cost(d, nv, overlay)
            delta += new - old
            if record is not None:
                record.append((k, nv, new - old))
            if old > 0 and new == 0 and not d.self_consistent:
                fixed += 1
            elif old == 0 and new > 0 and d.self_consistent:
                created += 1
        return delta, fixed, created


def _long_cost(solver, c, v, overlay=None):
    """A cell's cost (the module docstring of lkj_excel.diagnosis), the long way."""
    if c.relation is None:
        return 0.0 if _same(v, c.base) else c.weight
    if c.typed is None or matches(c.kind, c.typed, c.number, v, solver.tol) or \
            solver._displayed_ok(c, overlay):
        return 0.0
    if c.soft:
        return W_SOFT if not c.self_consistent else W_SOFT / 10
    return W_DERIVED if not c.self_consistent else W_CONSEQUENCE


@pytest.mark.parametrize("path,edits", list(_reports()))
def test_cost_is_the_long_way(path, edits):
    """Solver.cost asks an amount without matches() and _displayed_ok(): the same cost as
    the long way for every cell of the network at its typed, start and nearby values."""
    s = Solver(build_network(Context(read_report(path, edits=edits))))
    slack = s.tol.amount_slack
    asked = 0
    for c in s.net.cells:
        values = {c.cur, c.cur0, c.typed, c.base, None}
        for x in [c.cur, c.typed]:
            if isinstance(x, float):
                values.update((x + slack, x - slack, x + 2 * slack, x * 1.5, -x))
        for v in values:
            if isinstance(v, float) or v is None:
                assert s.cost(c, v) == _long_cost(s, c, v), (c, v)
                asked += 1
    assert asked > 20


def _searched(solver: Solver) -> tuple:
    """What the search decided, to the bit: its cost, and each change with its cause and
    alternatives."""
    cost = solver.run()
    return repr(cost), [(ch.cell.where, repr(ch.value),
                         ch.cause.where if ch.cause is not None else None,
                         tuple(a.where for a in ch.alternatives)) for ch in solver.changes()]


def _assert_search_is_long_way(report: Report) -> int:
    """The search with its shortcuts decides as the long way; the moves it applied."""
    ctx = Context(report)
    short, long_way = Solver(build_network(ctx)), _LongWay(build_network(ctx))
    applied = []
    real = short.apply

    def counted(overlay, cells):
        applied.append(len(overlay))
        return real(overlay, cells)

    short.apply = counted
    assert _searched(short) == _searched(long_way)
    return len(applied)


@pytest.mark.parametrize("path,edits", list(_reports()))
def test_search_shortcuts_agree_with_the_long_way(path, edits):
    _assert_search_is_long_way(read_report(path, edits=edits))


def test_search_shortcuts_agree_with_the_long_way_after_moves(large_reports):
    """Random mistakes that the search corrects by moving inputs: every evaluation after a
    move must see the moved values (the memo and the long relations' values are dropped)."""
    moved = 0
    for seed in range(6):
        rng = random.Random(100 + seed)
        path = large_reports[seed % 2]
        report = read_report(path, edits=_mistakes(read_report(path), rng, rng.choice((3, 6))))
        moved += _assert_search_is_long_way(report)
    assert moved >= 3, "no move applied: the test proves nothing about forgetting"


def _evaluations(solver: Solver) -> list[tuple]:
    """Every move the search and the alternatives evaluate, with its result to the bit:
    the cost change and each cell's new value, in the overlay's order."""
    seen = []
    real = solver.evaluate

    def logged(x, v):
        delta, overlay = real(x, v)
        cells = solver._cells
        seen.append((x.where, repr(v), repr(delta),
                     [(cells[k].where, repr(nv)) for k, nv in overlay.items()]))
        return delta, overlay

    solver.evaluate = logged
    solver.run()
    solver.changes()
    return seen


@pytest.mark.parametrize("path,edits", list(_reports()))
def test_shared_rest_of_a_move_is_the_long_way(path, edits):
    """What lies beyond the cells a move feeds directly is evaluated once for each set of
    their values (the Fasilitasi weights a wrong pembilang proposes): every evaluation gives
    the long way's cost change and values, in the same order, and on Pronojiwo most of its
    pembilang's alternatives are shared."""
    ctx = Context(read_report(path, edits=edits))
    short = Solver(build_network(ctx))
    walked = [0]
    shared = []
    walk, evaluate = short._walk, short._evaluate

    def counted_walk(cells, *args):
        walked[0] += len(cells)
        return walk(cells, *args)

    def counted_evaluate(x, v):
        walked[0] = 0
        got = evaluate(x, v)
        if walked[0] < len(got[1]) - 1:  # fewer cells walked than it has values for
            shared.append(x)
        return got

    short._walk, short._evaluate = counted_walk, counted_evaluate
    assert _evaluations(short) == _evaluations(_LongWay(build_network(ctx)))
    if path.stem.startswith("003"):
        fas = [x for x in shared if x.sheet == "Fasilitasi"]
        assert len(fas) >= 25, "Pronojiwo's Fasilitasi weights were not shared"


def test_shared_rest_follows_applied_moves():
    """The rest of a move evaluated for one Fasilitasi weight is not reused for another
    once a move has been applied to a cell it reads (the capaian's target): the second
    weight sees the moved target, as the long way does."""
    ctx = Context(read_report(PRONOJIWO))
    results = []
    for s in (Solver(build_network(ctx)), _LongWay(build_network(ctx))):
        rel = next(r for r in s.net.relations if r.code == "FAS001" and len(r.inputs) > 8)
        first, second = rel.inputs[-1], rel.inputs[-2]  # two rows' weights (Jumlah)
        assert s._frontier(first) == (0 if isinstance(s, _LongWay) else 2)
        _, overlay = s.evaluate(first, first.cur + 1)
        target = next(i for c in s.downstream(first)[2:] for i in c.relation.inputs
                      if id(i) not in overlay)  # the capaian's target: a copy of PK's
        while target.relation is not None:
            target = target.relation.inputs[0]
        _, moved = s.evaluate(target, target.cur * 2)
        s.apply(moved, s._cells)
        delta, overlay = s.evaluate(second, second.cur + 1)
        results.append((repr(delta), [repr(overlay[k]) for k in overlay]))
    assert results[0] == results[1]


def test_long_relation_values_follow_applied_moves():
    """A long relation other than a sum (the Fasilitasi count: ticks and weights) reads a
    copy of its inputs' current values: after a move is applied, the next evaluation sees
    the moved weight, as the long way does."""
    ctx = Context(read_report(CLEAN))
    short, long_way = Solver(build_network(ctx)), _LongWay(build_network(ctx))
    results = []
    for s in (short, long_way):
        rel = next(r for r in s.net.relations if r.code == "FAS001" and len(r.inputs) > 8)
        first, second = rel.inputs[-1], rel.inputs[-2]  # two rows' weights (Jumlah)
        _, overlay = s.evaluate(first, first.cur + 2)
        assert id(rel.target) in overlay  # the count was computed, and its values copied
        s.apply(overlay, s._cells)
        delta, overlay = s.evaluate(second, second.cur + 1)
        results.append((repr(delta), [repr(overlay[k]) for k in overlay]))
        assert s._values_moved(rel, overlay) == [overlay.get(id(i), i.cur) for i in rel.inputs]
    assert results[0] == results[1]


def _counted_relations():
    """The Fasilitasi and Desa pembilang relations (items, then their weights) of the
    samples and the corpus, with their report's settings and year."""
    paths = [*ALL_SAMPLES, *sorted((ROOT / "tests" / "corpus").iterdir())]
    for path in paths:
        try:
            ctx = Context(read_report(path))
        except LkjError:
            continue
        for rel in build_network(ctx).relations:
            if rel.code in ("FAS001", "DES002") and rel.target.field == "pembilang":
                yield rel, ctx.settings, ctx.report.identity.year


def test_counted_items_are_judged_one_by_one_as_by_the_whole_count():
    """count_invert and the suspects ask whether one item counts; the long way asked the
    whole count with every other item left out (value None, weight 0) and compared with 1.
    The count itself is what it was: the weights of the ticked rows (Fasilitasi), None when
    a Desa date is unreadable, else the weights of the documents set on time."""
    from lkj_excel.relations.capaian import UNREADABLE, _sum_or_none, doc_on_time

    rng = random.Random(5)
    seen = set()
    for rel, settings, year in _counted_relations():
        seen.add(rel.code)
        n = len(rel.inputs) // 2
        items, weights = rel.inputs[:n], rel.inputs[n:]

        def one(k, _n=n, _items=items, _rel=rel):
            vals = [None] * _n + [0.0] * _n
            vals[k], vals[_n + k] = _items[k].cur, 1.0
            return _rel.compute(vals) == 1

        counting = [k for k in range(n) if one(k)]
        cur = rel.value()
        if cur is None:  # an unreadable date or an unknown weight: nothing to propose
            assert rel.invert(rel, 3.0) == []
        for want in () if cur is None else (cur + 1, cur - 1, cur + 2, cur):
            delta = want - cur
            assert rel.invert(rel, want) == [
                (weights[k], weights[k].cur + delta) for k in counting
                if weights[k].cur is not None and weights[k].cur + delta >= 0]
            rel.target.cur, saved = cur, rel.target.cur
            assert rel.suspects(rel, want) == [
                items[k] for k in range(n) if weights[k].cur is not None
                and abs(delta) == weights[k].cur and (k in counting) != (delta > 0)]
            rel.target.cur = saved
        # the count against its definition, on values drawn from the items' own
        docs = [i.field for i in items]
        pool = [i.cur for i in items] + [None, UNREADABLE] + (
            [True, False] if rel.code == "FAS001" else ["tepat waktu", "terlambat"])
        for _ in range(30):
            vals = [rng.choice(pool) for _ in range(n)] + \
                [rng.choice((None, 0.0, 1.0, 3.0)) for _ in range(n)]
            if rel.code == "FAS001":
                expected = _sum_or_none(w for t, w in zip(vals[:n], vals[n:], strict=True)
                                        if t is True)
            elif UNREADABLE in vals[:n]:
                expected = None
            else:
                expected = _sum_or_none(w for doc, d, w in zip(docs, vals[:n], vals[n:],
                                                           strict=True)
                                        if doc_on_time(settings, doc, d, year))
            assert repr(rel.compute(vals)) == repr(expected)
    assert seen == {"FAS001", "DES002"}


def test_penyebut_is_the_sum_of_the_weights_once():
    """The penyebut of a counted list (Fasilitasi; Desa x 3 documents) sums its weights
    once: None when a weight is unknown, else their sum times the documents each stands
    for, as the definition says."""
    from lkj_excel.relations.capaian import _sum_or_none

    rng = random.Random(7)
    seen = set()
    for path in ALL_SAMPLES:
        for rel in build_network(Context(read_report(path))).relations:
            if rel.code not in ("FAS001", "DES002") or rel.target.field != "penyebut":
                continue
            seen.add(rel.code)
            docs = 3 if rel.code == "DES002" else 1
            n = len(rel.inputs)
            for _ in range(20):
                vals = [rng.choice((None, 0.0, 1.0, 2.0, 7.0)) for _ in range(n)]
                total_ = _sum_or_none(vals)
                expected = None if total_ is None else total_ * docs
                assert repr(rel.compute(vals)) == repr(expected)
            assert rel.compute([1.0] * n) == n * docs
    assert seen == {"FAS001", "DES002"}


@pytest.mark.parametrize("path,edits", list(_reports()))
def test_candidates_look_only_below_what_suspects_feed(path, edits):
    """With suspects, candidates() pushes a disagreement down only through cells that some
    suspect feeds (below the others it would propose nothing): the same proposals as
    looking below every cell, for the disagreements of each report and suspects drawn at
    random among its inputs (rows deep under a program's sum among them)."""
    rng = random.Random(path.stem)
    s = Solver(build_network(Context(read_report(path, edits=edits))))
    inputs = [c for c in s.net.cells if c.relation is None]
    bad = [c for c in s.bad() if s.cost(c, c.cur) > 0]
    pushed = 0
    for _ in range(4):
        suspects = {id(i): i for d in bad for i in d.relation.inputs}
        suspects.update((id(i), i) for i in rng.sample(inputs, len(inputs) // 8))
        fed = s.fed_by([i for i in suspects.values() if i.relation is None])
        for d in bad:
            long_way = s.candidates(d.relation, d.typed, 0, suspects.keys())
            assert s.candidates(d.relation, d.typed, 0, suspects.keys(), fed) == long_way
            pushed += sum(1 for x, _ in long_way if x not in d.relation.inputs)
    if path.stem.startswith("003"):
        assert pushed > 0, "no suspect found below a disagreement's own inputs"
