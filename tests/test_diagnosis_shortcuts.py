"""The network and the search take shortcuts at 100.000 rows that must not change an answer
(issue 17). Each is compared here with the long way it replaces, on every sample and on the
clean report with mistakes typed in by hand:

- ``Network.finish`` decides whether a typed derived cell agrees with the *typed* values
  next to it without recomputing the relation when every input starts from its typed
  reading, and judges a percentage within tolerance without ``pct_status``;
- ``Network.relate`` looks for a loop only when the target already feeds something;
- ``Solver.changes`` looks only at the cells the search evaluated, the cells that
  disagreed from the start and NaN inputs, instead of every cell of the network.
"""

from __future__ import annotations

import pytest

from lkj_excel.diagnosis import Solver, _same
from lkj_excel.reader import read_report
from lkj_excel.relations import build_network
from lkj_excel.relations.core import typed_value
from lkj_excel.rules.base import Context

from .conftest import ALL_SAMPLES, CLEAN

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
