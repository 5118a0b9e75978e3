"""The walks over every row of a large Anggaran table take short ways that must read what
the long way reads (issue 17). Each is compared here with the long way it replaces, on the
samples and on tables with and without the plan and Rencana TW I-IV columns filled:

- a column left empty in every row (``AnggaranRow.empty``) is not asked row by row: not
  by BudgetScan, not for the plan (``_tree``'s ``has_plan``), not for Rencana TW I-IV
  (``_quarter_keys``, which leaves it out, so ``_has_quarters`` is not called);
- ``_settle`` reads a numeric cell's amount as its Number's value, without ``amount()``;
- the Anggaran table is held by column (``model.Columns``): a row makes its Values when
  first asked and keeps them; the walks over every row (``_mark_budget_labels``,
  BudgetScan, ``_tree``, ``_settle``, ``Context.unusual_values``) read the columns
  (``model.columns_of``) instead of the rows' cells.
"""

from __future__ import annotations

import copy
import random
import sys

import pytest

from lkj_excel.layout import ANGGARAN
from lkj_excel.model import AnggaranRow, columns_of
from lkj_excel.parsing import BudgetCode, Number, format_number_id
from lkj_excel.reader import read_report
from lkj_excel.relations import anggaran as A
from lkj_excel.relations.core import Tolerance
from lkj_excel.rules import base
from lkj_excel.rules.base import BUDGET_NUMBERS, BudgetScan, Context, amount, typed

from .conftest import ALL_SAMPLES, CLEAN, ROOT
from .test_diagnosis_shortcuts import _rows


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    """Reports of about 60 Anggaran rows: the plan columns empty, filled, and filled with
    one Rencana TW I typed in one row only (the other quarters empty in every row)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from sample_data import CLEAN

    from lkj_excel.writers.template import build_workbook

    out = list(ALL_SAMPLES)
    for name, plan, quarter in (("plain", False, False), ("plan", True, False),
                                ("quarter", True, True)):
        data = copy.deepcopy(CLEAN)
        data["Anggaran"] = _rows(random.Random(5), 3, 4, plan)
        if quarter:
            data["Anggaran"][7]["rencana_tw1"] = 1_000_000
        data["Anggaran"][9]["pagu"] = "-2.500.000"  # a number below zero, typed as text
        data["Anggaran"][11]["pagu"] = "1.500.0000"  # irregular digit groups (NIL003)
        own = data["Anggaran"][13]  # irregular, one reading agrees with realisasi + sisa
        own["pagu"] = format_number_id((own["realisasi"] + own["sisa"]) // 10) + "0"
        data["Anggaran"][12]["kode"] = "7.01"  # a code that does not read (ANG017)
        path = tmp_path_factory.mktemp("walks") / f"{name}.xlsx"
        build_workbook(path, "kecamatan", data)
        out.append(path)
    return out


@pytest.fixture(scope="module")
def tables(paths):
    return [read_report(p) for p in paths]


def _whole(rows: list[AnggaranRow]) -> list[AnggaranRow]:
    """The rows as the reader made them before 962e2b6: every column in ``cells``, a
    blank cell for each cell of a column left empty in every row."""
    return [AnggaranRow(r.sheet, r.row, {**r.cells, **{k: r.blank(k) for k in r.empty}},
                        r.is_total, r.is_average) for r in rows]


def test_some_table_leaves_columns_out(tables):
    """Else the comparisons below prove nothing."""
    assert any(t.anggaran and t.anggaran[0].empty for t in tables)
    assert any(t.anggaran and "rencana_tw2" in t.anggaran[0].empty and
               "rencana_tw1" not in t.anggaran[0].empty for t in tables)


class _ScanReference:
    """BudgetScan as it was before it read the columns (e0c5366): row by row, cell by
    cell, every column asked."""

    def __init__(self, rows):
        self.codes, self.bad_codes, self.below_zero, self.planned = [], [], [], False
        self.notations = {k: {} for k in BUDGET_NUMBERS}
        for r in rows:
            cells = r.cells
            if not (r.is_total or r.is_average):
                v = cells.get("kode")
                if v is not None:
                    p = v.parsed
                    if p.__class__ is BudgetCode and p.canonical:
                        self.codes.append((r, p))
                    if getattr(p, "error", None) and typed(v):
                        self.bad_codes.append(r)
                if not self.planned:
                    v = cells.get("target_tw")
                    self.planned = v is not None and v.raw is not None and typed(v)
            for key, seen in self.notations.items():
                v = cells.get(key)
                if v is None or not isinstance(v.parsed, Number):
                    continue
                style = v.parsed.style
                if (style == "id" or style == "en") and style not in seen:
                    seen[style] = v.text
                x = v.parsed.value
                if x is not None and x < 0:
                    self.below_zero.append((r, key))


def test_budget_scan_as_the_long_way(tables):
    for t in tables:
        got, want = BudgetScan(t.anggaran), _ScanReference(_whole(t.anggaran))
        assert [(r.row, c) for r, c in got.codes] == [(r.row, c) for r, c in want.codes]
        assert [r.row for r in got.bad_codes] == [r.row for r in want.bad_codes]
        assert got.notations == want.notations
        assert [list(n) for n in got.notations.values()] == \
            [list(n) for n in want.notations.values()]  # first seen first
        assert [(r.row, k) for r, k in got.below_zero] == \
            [(r.row, k) for r, k in want.below_zero]
        assert got.planned == want.planned
    assert any(BudgetScan(t.anggaran).bad_codes for t in tables)
    assert any(len(BudgetScan(t.anggaran).notations["pagu"]) for t in tables)


@pytest.mark.parametrize("blank", [None, "text"])
def test_column_scans_of_mixed_columns_as_of_numbers(blank):
    """_first_styles and _below_zero read a column of Numbers through attrgetter, any
    other column one result at a time: both ways agree."""
    numbers = [Number(1.0, "1", "plain"), Number(-2.0, "-2.000", "id"),
               Number(5e6, "5,000,000", "en"), Number(-1.0, -1.0, "number"),
               Number(7.0, "7.000", "id"), Number(None, "x", error="bukan angka")]
    mixed = numbers[:3] + [blank] + numbers[3:]
    for parsed in (numbers, mixed):
        want_first = sorted({p.style: i for i, p in reversed(list(enumerate(parsed)))
                             if isinstance(p, Number) and p.style in ("id", "en")}.values())
        assert base._first_styles(parsed, ("id", "en")) == want_first
        assert base._below_zero(parsed) == [i for i, p in enumerate(parsed) if isinstance(
            p, Number) and p.value is not None and p.value < 0]
    assert base._numbers_only(numbers) and not base._numbers_only(mixed)


@pytest.mark.parametrize("values", [
    [1.0, 2.0, None, 0.0], [1.0, -0.5, None], [float("nan"), -3.0, 2.0], [0.0, -0.0, None],
    [None, None], [], [float("nan"), 1.0], [2.0, float("nan"), -1.0], [-0.0, 0.0, -7.0],
    [5.0, 0.0, None, -1e-12], [float("-inf"), 1.0], [3.0, float("inf")]])
def test_below_zero_from_the_least_value_as_cell_by_cell(values):
    """_below_zero's shortcut (a column of Numbers none of which is below zero answers from
    ``min`` of its values) agrees with the test of each cell, with NaN, zeros and blanks;
    it fails when the shortcut drops a negative (a NaN first, a -0.0 or a tiny one)."""
    parsed = [Number(v, v, "number") for v in values]
    want = [i for i, v in enumerate(values) if v is not None and v < 0]
    assert base._below_zero(parsed) == want
    assert base._below_zero(parsed, numbers_only=True) == want


@pytest.mark.parametrize("column", [
    [Number(1.0, 1.0, "number")] * 5,
    [Number(None, "x", error="bukan angka")] + [Number(1.0, 1.0, "number")] * 4,
    [Number(1.0, 1.0, "number")] * 3 + [Number(5.0, "5.0.0", "irregular", irregular=True)],
    [Number(None, "x", error="bukan angka"), None, Number(2.0, 2.0, "number")],
    [Number(1.0, 1.0, "number"), None],
    [BudgetCode("7.01.02", "7.01.02", "program"), BudgetCode(None, "7.x", error="salah")],
    [BudgetCode("7.01.02", "7.01.02", "program"), "not a parse", BudgetCode(None, "x")],
    []])
def test_unusual_cells_of_a_column_as_one_at_a_time(column):
    """_unusual_in asks a column for an error or irregular digit groups without a list of
    either, and makes them only where one is found or a result lacks the fields: the
    same indexes as asking each result (fails when a found one is missed or a column of
    results lacking the fields is taken for clean)."""
    want = [i for i, p in enumerate(column) if p is not None and base._unusual(p)]
    assert base._unusual_in(column) == want


def test_budget_scan_skips_empty_columns_as_the_long_way(tables):
    for t in tables:
        got, want = BudgetScan(t.anggaran), BudgetScan(_whole(t.anggaran))
        assert [r.row for r in got.codes.rows] == [r.row for r in want.codes.rows]
        assert got.codes.codes == want.codes.codes
        assert [r.row for r in got.bad_codes] == [r.row for r in want.bad_codes]
        assert got.notations == want.notations
        assert [(r.row, k) for r, k in got.below_zero] == \
            [(r.row, k) for r, k in want.below_zero]
        assert got.planned == want.planned
    assert any(BudgetScan(t.anggaran).planned for t in tables)
    assert any(BudgetScan(t.anggaran).below_zero for t in tables)


def test_plan_and_quarters_are_found_as_the_long_way(tables):
    seen_plan = seen_quarter = False
    for t in tables:
        ctx = Context(t)
        b = A._tree(ctx, {})
        rows = ctx.budget_rows
        # the long way: every row asked, blank cells of empty columns included
        plan = any(typed(r.get("target_tw")) for r in rows)
        assert b.has_plan == plan
        cols = t.columns.get("Anggaran", {})
        keys = A._quarter_keys(ctx, b)
        for r in rows:
            assert A._has_quarters(r, keys) == \
                any(typed(r.get(k)) for k in A.QUARTERS if k in cols), r.row
        seen_plan |= plan
        seen_quarter |= bool(keys)
    assert seen_plan and seen_quarter


def test_a_numeric_cells_amount_is_its_value(tables):
    """What _settle reads without calling amount() is what amount() reads."""
    seen = 0
    for t in tables:
        for r in t.anggaran:
            for v in r.cells.values():
                p = v.parsed
                if p.__class__ is Number and p.style == A._NUMERIC and typed(v):
                    assert amount(v, False) == amount(v, True) == p.value is not None, v
                    seen += 1
    assert seen > 100


def _settled(report):
    """(Settled pagu and realisasi of every line, the lines _settle says the network needs)
    of ``report``'s Anggaran, in table order."""
    ctx = Context(report)
    b = A._tree(ctx, {})
    order = A._children_first(b.roots)
    s = ctx.settings
    tol = Tolerance(s.tolerance_rupiah, s.tolerance_points)
    need = A._settle(ctx, order, b.has_plan, tol, A._quarter_keys(ctx, b))
    return [(ln.row.row, ln.pagu.cur, ln.pagu.typed, ln.realisasi.cur, ln.realisasi.typed,
             id(ln) in need) for ln in b.lines]


def test_settle_judges_percentages_as_percent_off(paths, monkeypatch):
    """_settle passes a percentage typed plainly within the tolerance without calling
    _percent_off: the lines it says the network needs are those it says when every
    percentage goes through _percent_off (DetailedNumber made unrecognisable), with
    percentages just within and just beyond the tolerance, blank and not a number."""
    cases = []
    for path in paths[-3:]:
        clean = read_report(path)
        pcts = [r.cells["persentase"] for r in clean.anggaran
                if "persentase" in r.cells and isinstance(r.cells["persentase"].parsed, Number)
                and r.cells["persentase"].parsed.value is not None]
        edits = {}
        for v, typed_as in zip(pcts[:6], (lambda x: x + 0.009, lambda x: x - 0.011,
                                          lambda x: x + 2, lambda x: None,
                                          lambda x: "n/a", lambda x: x / 100), strict=True):
            new = typed_as(v.parsed.value)
            edits[(v.sheet, v.cell)] = format_number_id(new, 3) + "%" \
                if isinstance(new, float) else new
        cases.append(read_report(path, edits=edits))
    want = []
    with monkeypatch.context() as m:
        m.setattr(A, "DetailedNumber", type("NotANumber", (), {}))
        want = [_settled(t) for t in cases]
    got = [_settled(t) for t in cases]
    assert got == want
    assert sum(need for t in got for *_, need in t) >= 6


def test_rows_make_their_cells_once_from_the_columns(paths):
    for path in paths:
        rows = read_report(path).anggaran
        if not rows:
            continue
        assert rows[0].table is not None
        if path.parent.name.startswith("walks"):
            # reading made the Values of JUMLAH and of the row whose code does not read
            # only (_mark_budget_labels asks their labels)
            assert sum(r._cells is not None for r in rows) <= 2
        r = rows[len(rows) // 2]
        made = {id(s) for s in rows if s._cells is not None}
        first = r.cells
        assert r.cells is first and r.get("pagu") is first["pagu"]  # kept, not made again
        assert {id(s) for s in rows if s._cells is not None} <= made | {id(r)}


def test_columns_read_as_the_rows_cells(tables):
    """columns_of against each row asked the long way (rows with every column in cells),
    for the whole table, the budget rows, and the lines in the network's order; and (a
    run of rows is a slice of the lists) a run from the middle, one row, and rows whose
    ends are a run's but not their order."""
    for t in tables:
        ctx = Context(t)
        a = t.anggaran
        orders = [a, ctx.budget_rows, a[3:9], a[5:6]] + \
            ([[a[0], a[2], a[1], a[3]]] if len(a) > 3 else [])
        if ctx.budget_rows:
            b = A._tree(ctx, {})
            orders.append([ln.row for ln in A._children_first(b.roots)])
        keys = [c.key for c in ANGGARAN.columns] + ["nothing"]
        for rows in orders:
            long_way = _whole(rows)
            for key, (raws, parsed) in zip(keys, columns_of(rows, keys), strict=True):
                want = [r.get(key) for r in long_way]
                assert list(raws) == [v.raw for v in want], key
                assert [repr(p) for p in parsed] == [repr(v.parsed) for v in want], key
                # the long way through columns_of itself (rows without a table)
                assert columns_of(long_way, [key]) == [([v.raw for v in want],
                                                        [v.parsed for v in want])]


def test_unusual_values_as_the_long_way(tables):
    """Every value of every cell walked (Report.all_values, which makes every row's
    Values), against the values of the rows read by column: the same values, in the same
    order, and the rows' own Values (NIL003 finds a pagu among them by identity)."""
    seen = 0
    for t in tables:
        got = Context(t).unusual_values  # first: the rows' Values not yet made
        want = [v for v in t.all_values()
                if v.parsed is not None and base._unusual(v.parsed)]
        assert got == want and [type(v.parsed) for v in got] == [type(v.parsed) for v in want]
        by_row = {r.row: r for r in t.anggaran}
        for v in got:
            if v.sheet == "Anggaran":
                assert any(c is v for c in by_row[v.row].cells.values()), v
                seen += 1
    assert seen >= 2


def test_typed_values_of_findings_as_the_long_way(paths):
    """typed_values for a check's findings makes the Values of their rows only: the
    same values as the index of every cell (which makes every row's), for those cells."""
    from lkj_excel.checking import check
    from lkj_excel.render import typed_values

    seen = 0
    for path in paths:
        rep = read_report(path)
        res = check(rep)
        got = typed_values(rep, res.findings)
        wanted = {(f.sheet, f.cell or "") for f in res.findings}
        full = typed_values(read_report(path))
        assert got == {k: v for k, v in full.items() if k in wanted}
        seen += sum(1 for sheet, _ in got if sheet == "Anggaran")
    assert seen > 5


def test_nil_rules_ask_only_the_rows_of_their_cells(paths):
    """NIL003 finds a pagu's row, and the NIL rules' index a cell's row key, from the
    rows at the cells' rows only: the same as the rows walked one by one."""
    from lkj_excel.model import Addresses
    from lkj_excel.rules import nilai
    from lkj_excel.rules.anggaran import row_key

    agreeing = 0
    for path in paths:
        ctx = Context(read_report(path))
        at = Addresses({(u.sheet, u.cell) for u in ctx.unusual_values})
        got = {k: x for k, x in nilai._cell_index(ctx, at).items() if k[0] == "Anggaran"}
        want = {(v.sheet, v.cell): (row_key(r), field) for r in ctx.report.anggaran
                for field, v in at.among(r.cells.items())}
        assert got == want
        pagu_rows = {id(c): r for r in ctx.budget_rows if (c := r.cells.get("pagu"))}
        for f in nilai.irregular_number(ctx):
            v = next(u for u in ctx.unusual_values if (u.sheet, u.cell) == (f.sheet, f.cell))
            r = pagu_rows.get(id(v))
            said = "cocok dengan realisasi + sisa" in f.message
            assert said == (r is not None and ctx.pagu_of(r) != v.parsed.value), f
            agreeing += said
    assert agreeing


def test_nil_index_walks_only_the_sheets_of_its_cells():
    """The NIL rules' index walks only the tables on the sheets of the cells it looks for
    (a row holds the cells of its own sheet): the same index as every table walked, on the
    samples, the corpus and the clean report with irregular numbers typed in six sheets."""
    from lkj_excel.errors import LkjError
    from lkj_excel.model import Addresses
    from lkj_excel.rules import nilai

    edits = {(sheet, cell): "1.5.00" for sheet, cell in (
        ("PK", "D4"), ("PK Anggaran", "D5"), ("Capaian", "F4"), ("Anggaran", "C4"),
        ("Efisiensi", "G4"), ("Perbandingan", "E4"))}
    reports = [read_report(CLEAN, edits=edits)]
    for path in [*ALL_SAMPLES, *sorted((ROOT / "tests" / "corpus").iterdir())]:
        try:
            reports.append(read_report(path))
        except LkjError:
            continue
    sheets = set()
    for rep in reports:
        ctx = Context(rep)
        at = Addresses({(u.sheet, u.cell) for u in ctx.unusual_values})
        got = nilai._cell_index(ctx, at)
        everywhere = {(v.sheet, v.cell): field for rows in (
            rep.anggaran, rep.capaian, rep.efisiensi, rep.pk, rep.pk_budget, rep.desa,
            rep.perbandingan, rep.pegawai, rep.fasilitasi) for r in rows
            for field, v in at.among(r.cells.items())}
        assert {k: field for k, (_, field) in got.items() if k in everywhere} == everywhere
        sheets.update(sheet for sheet, _ in everywhere)
    assert sheets >= {"PK", "PK Anggaran", "Capaian", "Anggaran", "Efisiensi", "Perbandingan"}


def test_budget_names_read_by_column_as_by_row(tables):
    """The names budget_match looks rows up by are read from the uraian column (no row
    makes its Values): the same names, of the same rows, as each row's uraian text."""
    from lkj_excel.rules.base import NameIndex

    named = 0
    for t in tables:
        ctx = Context(t)
        got = ctx.budget_names._pairs
        want = NameIndex([(r.get("uraian").text, r) for r in ctx.budget_rows])._pairs
        assert [(name, id(r)) for name, r in got] == [(name, id(r)) for name, r in want]
        named += sum(1 for name, _ in got if name)
    assert named > 100
