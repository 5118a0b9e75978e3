"""Relations of the Anggaran sheet and the PK budget table.

Per row: sisa = pagu - realisasi (ANG001), persentase = realisasi / pagu x 100 (ANG002),
capaian keuangan = realisasi / rencana triwulan x 100 (ANG015). A kegiatan's pagu and
realisasi are the sums of its sub kegiatan (ANG003), a program's of its kegiatan (ANG004),
JUMLAH's of the programs (ANG005); JUMLAH's rencana triwulan is the sum of the rows' plans
(ANG012) and the reported average capaian keuangan is total realisasi / total plan (ANG016).
The PK budget table's JUMLAH is the sum of its rows (PK007).

The network is lazy by default (:func:`build`): a large table mostly agrees, and the
diagnosis only ever looks at the rows a disagreement reaches. Every line is first settled
(:func:`_settle`: the values its cells would have, bit-identical); only the lines the
search can need become cells and relations, the rest keep :class:`Settled` amounts that
the rules and the summary read like cells (:func:`settled_truth` for single cells).
"""

from __future__ import annotations

from ..model import AnggaranRow, Value, columns_of, row_number
from ..parsing import BudgetCode, DetailedNumber, Number, parse_code
from ..rules.base import amount, amount_of, rp, typed, typed_raw
from .core import (
    AMOUNT,
    LONG_SUM,
    PERCENT,
    Cell,
    ratio_pct,
    shown_reading,
    shown_reading_of,
    total,
)

LEVEL_NAME = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub kegiatan"}
CHILD_NAME = {"program": "kegiatan", "kegiatan": "sub kegiatan", None: "baris"}


class Settled:
    """An amount of a line the lazy network left out (:func:`build`), read like a
    :class:`Cell`: ``cur`` is the value the typed inputs imply (what :meth:`Network.finish`
    would give its cell, and so its truth: nothing the diagnosis changes reaches it), ``typed``
    the typed reading (``None`` when left blank)."""

    __slots__ = ("cur", "typed")

    def __init__(self, cur, typed):
        self.cur = cur
        self.typed = typed


class Line:
    """One Anggaran row in the network, with its place in the hierarchy. Equal only to
    itself. Its cells are set as the network is built."""

    __slots__ = ("row", "code", "level", "parent_code", "key", "children", "pagu",
                 "realisasi", "sisa", "persentase", "plan", "capaian_keuangan", "is_total",
                 "quarters")

    def __init__(self, row: AnggaranRow, code: str | None, level: str | None,
                 parent_code: str | None, key: str, children: list[Line] | tuple = (),
                 is_total: bool = False):
        self.row = row
        self.code = code
        self.level = level
        self.parent_code = parent_code
        self.key = key
        #: The lines below it (an empty tuple for a leaf: no list for each of 90,000
        #: leaves).
        self.children = children
        #: Cells where the network has the line, else :class:`Settled` amounts (pagu,
        #: realisasi, plan) and no sisa, persentase or capaian keuangan.
        self.pagu: Cell | Settled | None = None
        self.realisasi: Cell | Settled | None = None
        self.sisa: Cell | None = None
        self.persentase: Cell | None = None
        self.plan: Cell | Settled | None = None
        self.capaian_keuangan: Cell | None = None
        self.is_total = is_total
        #: Rencana TW I-IV (anggaran kas) where the row has them.
        self.quarters: list[Cell] | tuple = ()


class Budget:
    """The Anggaran table as a hierarchy of lines, by code and by row (``misplaced``:
    (row, canonical code) candidates for a code typed under the wrong parent). Equal only
    to itself."""

    def __init__(self, lines: list[Line], by_code: dict[str, Line], roots: list[Line],
                 top: list[Line], total: Line | None, has_plan: bool,
                 misplaced: list[tuple[int, str]], by_row: dict[int, Line]):
        self.lines = lines
        self.by_code = by_code
        self.roots = roots
        self.top = top
        self.total = total
        self.has_plan = has_plan
        self.misplaced = misplaced
        self.by_row = by_row


def row_key(r: AnggaranRow, code: str | None) -> str:
    if code:
        return code
    if r.is_total:
        return "JUMLAH"
    return (r.get("uraian").text or f"baris {r.row}")[:60]


def _amount_cell(net, r: AnggaranRow, key: str, fld: str, rk: str, *,
                 blank_is_zero: bool) -> Cell:
    v = r.get(key)
    return net.amount(v, amount(v, blank_is_zero), fld, rk)


def _percent_reading(v: Value) -> Number | None:
    """The parse of a percentage typed as a number; ``None`` when blank or not a number."""
    return _percent_reading_of(v.raw, v.parsed)


def _percent_reading_of(raw, p) -> Number | None:
    """:func:`_percent_reading` of a cell given as its raw content and parse result."""
    if raw is None or (isinstance(raw, str) and not raw.strip()) or \
            not isinstance(p, Number) or p.value is None:
        return None
    return p


def _percent_of(net, v, key: str, rk: str) -> Cell | None:
    p = _percent_reading(v)
    if p is None:
        return net.cell(v, None, PERCENT, key, rk) if v.cell else None
    return net.cell(v, p.value, PERCENT, key, rk, number=p)


def _tree(ctx, overrides: dict[int, str]) -> Budget:
    rows = ctx.budget_rows
    lines: list[Line] = []
    by_code: dict[str, Line] = {}
    # the codes read by column (columns_of: no row makes its Values for them)
    [(_, kodes)] = columns_of(rows, ("kode",)) if rows else [((), ())]
    for r, c in zip(rows, kodes, strict=True):
        if overrides and r.row in overrides:
            c = parse_code(overrides[r.row])
        code = c.canonical if isinstance(c, BudgetCode) else None  # AnggaranRow.code
        if code:  # row_key(r, code) is the code; its parent is kept by the code, interned
            ln = Line(r, code, c.level, c.parent, code)
            if code not in by_code:
                by_code[code] = ln
        else:
            ln = Line(r, None, None, None, row_key(r, None))
        lines.append(ln)
    roots: list[Line] = []
    prev: Line | None = None
    # A code typed under the wrong parent: the row sits below another parent in the sheet
    # (the same walk: a line's level is settled before it is asked).
    misplaced: list[tuple[int, str]] = []
    last: dict[str, Line] = {}
    for ln in lines:
        parent = by_code.get(ln.parent_code) if ln.parent_code else None
        if parent is None and ln.code is None and prev is not None and \
                _unreadable_code(ln.row):
            # A code lkj cannot read (ANG017 says so) keeps its place in the sheet: a row
            # below a sub kegiatan is its sibling, a row below a kegiatan or program its child.
            parent = prev if prev.level in ("program", "kegiatan") else \
                by_code.get(prev.parent_code) if prev.parent_code else None
            if parent is not None:
                ln.level = {"program": "kegiatan", "kegiatan": "subkegiatan"}[parent.level]
        if parent is not None and parent is not ln:
            if parent.children:
                parent.children.append(ln)
            else:
                parent.children = [ln]
        else:
            roots.append(ln)
        if ln.code is not None:
            prev = ln
        if ln.level in ("kegiatan", "subkegiatan") and ln.parent_code:
            plevel = "program" if ln.level == "kegiatan" else "kegiatan"
            pos = last.get(plevel)
            if pos is not None and pos.code and pos.code != ln.parent_code and \
                    ln.row.row not in overrides:
                suffix = ln.code[len(ln.parent_code):]
                misplaced.append((ln.row.row, pos.code + suffix))
        if ln.level:
            last[ln.level] = ln
            if ln.level == "program":
                last.pop("kegiatan", None)
    top = roots
    for level in ("program", "kegiatan", "subkegiatan"):
        if any(n.level == level for n in roots):
            top = [n for n in roots if n.level == level or n.level is None]
            break
    total_row = ctx.report.anggaran_total
    tot = None
    if total_row is not None:
        tot = Line(total_row, None, None, None, "JUMLAH", children=list(top), is_total=True)
    # a column left empty in every row (Row.empty) has no plan: not asked row by row
    [(plans, _)] = columns_of(rows, ("target_tw",)) \
        if rows and "target_tw" not in rows[0].empty else [((), ())]
    has_plan = any(raw not in (None, "") and str(raw).strip() for raw in plans)
    return Budget(lines, by_code, roots, top, tot, has_plan, misplaced,
                  {ln.row.row: ln for ln in lines})


def _unreadable_code(r: AnggaranRow) -> bool:
    v = r.get("kode")
    return typed(v) and getattr(v.parsed, "error", None) is not None


def _sum_explain(what: str, child: str):
    def explain(rel, vals, found, expected):
        parts = " + ".join(rp(v) for v in vals[:6]) + (" + ..." if len(vals) > 6 else "")
        return (f"{rel.target.label.capitalize()} {what} {found} seharusnya {expected}, jumlah "
                f"{len(vals)} {child} ({parts}).")
    return explain


def _sum_invert(rel, want):
    cur = rel.value()
    if cur is None or want is None:
        return []
    delta = want - cur
    return [(i, i.cur + delta) for i in rel.inputs if i.cur is not None]


def _sisa_explain(rel, vals, found, expected):
    p, r = vals
    return (f"Sisa {found} seharusnya {expected} (pagu {rp(p)} dikurangi realisasi "
            f"{rp(r)}).")


def _sisa(vals):
    p, r = vals
    return None if p is None or r is None else p - r


def _sisa_invert(rel, want):
    p, r = rel.inputs
    out = []
    if r.cur is not None:
        out.append((p, want + r.cur))
    if p.cur is not None:
        out.append((r, p.cur - want))
    return out


def _share(vals):
    """The second value as a percentage of the first (realisasi of pagu, of the plan)."""
    return ratio_pct(vals[1], vals[0])


def _pct_explain(rel, vals, found, expected):
    p, r = vals
    return (f"Persentase {found} seharusnya {expected} (realisasi {rp(r)} dibagi pagu "
            f"{rp(p)}).")


def _capk_explain(rel, vals, found, expected):
    plan, r = vals
    return (f"Capaian keuangan {found} seharusnya {expected} (realisasi {rp(r)} dibagi "
            f"rencana triwulan {rp(plan)}).")


def _plan_providers(ln: Line) -> list[Cell]:
    """The plan cells a line's quarterly plan is the sum of: its own when typed, else its
    children's."""
    return [k.plan for k in _plan_provider_lines(ln)]


def _plan_provider_lines(ln: Line) -> list[Line]:
    """The lines whose plans :func:`_plan_providers` reads."""
    if ln.plan is not None and (ln.plan.typed is not None or not ln.children):
        return [ln]
    out: list[Line] = []
    for k in ln.children:
        out.extend(_plan_provider_lines(k))
    return out


def _pagu_reading(ctx, v: Value, r: AnggaranRow) -> float | None:
    """A row's pagu as the arithmetic reads it (an irregular number as the alternative that
    agrees with realisasi + sisa, :meth:`Context.pagu_of`)."""
    p = v.parsed
    return ctx.pagu_of(r) if isinstance(p, Number) and p.irregular else amount(v, False)


def _blank(sheet: str) -> Value:
    """The cell of a column the table lacks: blank, with no address."""
    return Value(None, None, sheet, None)


#: The style of a numeric cell's Number: a plain :class:`Number` of this style holds a
#: finite value, which is what :func:`amount` reads from a typed cell of it
#: (tests/test_column_walks.py).
_NUMERIC = "number"


def _settle(ctx, lines: list[Line], has_plan: bool, tol, quarters: tuple[str, ...]
            ) -> set[int]:
    """Give every line (``lines``: children before parents) :class:`Settled` amounts and
    say which lines (ids) the network needs cells of: a relation of the row that disagrees
    as typed, a percentage not plainly within the tolerance (wrong, or truncated: the
    ANG002/ANG015 notes read its relation), an input that is not a number (NaN), rencana TW
    I-IV (ANG020/ANG021). The values are the ones :meth:`Network.finish` computes, in the
    same order of operations, so they are bit-identical. One loop with the readings inline:
    it is the one pass over every row of a large table."""
    rupiah = tol.amount_slack
    points = tol.percent_slack
    pagu_of = ctx.pagu_of
    need: set[int] = set()
    # the cells read by column (columns_of: no row makes its Values)
    keys = ("pagu", "realisasi", "sisa", "persentase") + \
        (("target_tw", "capaian_keuangan") if has_plan else ()) + quarters
    cols = columns_of([ln.row for ln in lines], keys)
    (pagu_r, pagu_p), (real_r, real_p), (sisa_r, sisa_p), (pct_r, pct_p) = cols[:4]
    if has_plan:
        (plan_r, plan_p), (capk_r, capk_p) = cols[4:6]
    tw = [raws for raws, _ in cols[len(keys) - len(quarters):]]
    for i, (ln, raw, p, real_raw, real_parse, sisa_raw, sisa_parse, pct_raw, pct_parse) in \
            enumerate(zip(lines, pagu_r, pagu_p, real_r, real_p, sisa_r, sisa_p, pct_r, pct_p,
                          strict=True)):
        # each reading as Network.amount takes it: amount(), shown unless left blank; a
        # numeric cell's amount is its value (_NUMERIC: most cells, without the call)
        if raw is None or (raw.__class__ is str and not raw.strip()):
            reading = pagu_t = None
        else:
            reading = pagu_t = p.value if p.__class__ is Number and p.style == _NUMERIC \
                else pagu_of(ln.row) if isinstance(p, Number) and p.irregular \
                else amount_of(raw, p, False)
        raw, p = real_raw, real_parse
        if raw is None or (raw.__class__ is str and not raw.strip()):
            real, real_t = 0.0, None
        else:
            real = real_t = p.value if p.__class__ is Number and p.style == _NUMERIC \
                else amount_of(raw, p, True)
        kids = ln.children
        if kids:
            pagu = total([k.pagu.cur for k in kids])
            real = total([k.realisasi.cur for k in kids])
            off = (pagu_t is not None and pagu is not None and
                   not abs(pagu_t - pagu) <= rupiah) or \
                (real_t is not None and real is not None and not abs(real_t - real) <= rupiah)
        else:
            pagu = reading
            off = pagu != pagu or real != real  # NaN: an odd input
        ln.pagu = Settled(pagu, pagu_t)
        ln.realisasi = Settled(real, real_t)
        if not off and pagu is not None and real is not None:
            raw = sisa_raw
            if raw is not None and not (raw.__class__ is str and not raw.strip()):
                p = sisa_parse
                sisa_t = p.value if p.__class__ is Number and p.style == _NUMERIC \
                    else amount_of(raw, p, False)
                off = sisa_t is not None and not abs(sisa_t - (pagu - real)) <= rupiah
            if not off:
                cur = ratio_pct(real, pagu)
                # a percentage typed plainly within the tolerance (most) is not off, as
                # _percent_off says, without its calls (tests/test_column_walks.py)
                p = pct_parse
                if cur.__class__ is not float or p.__class__ is not DetailedNumber or \
                        p.value.__class__ is not float or not abs(p.value - cur) <= points:
                    off = _percent_off(pct_raw, p, cur, points)
        if has_plan:
            raw = plan_r[i]
            plan = amount_of(raw, plan_p[i], True)
            ln.plan = Settled(plan, shown_reading_of(raw, plan))
            off = off or plan != plan or _percent_off(capk_r[i], capk_p[i],
                                                      ratio_pct(real, plan), points)
        if off or (tw and any(typed_raw(raws[i]) for raws in tw)):
            need.add(id(ln))
    return need


def _percent_off(raw, parsed, cur: float | None, points: float) -> bool:
    """Whether a typed percentage (its raw content and parse result) is not plainly within
    the tolerance of its value (the network judges the rest: wrong, truncated or rounded
    to the digits shown)."""
    if cur is None:
        return False
    p = _percent_reading_of(raw, parsed)
    return p is not None and not (cur.__class__ is float and abs(p.value - cur) <= points)


def _full_lines(ctx, b: Budget, tol) -> set[int] | None:
    """Settle every line and say which lines (ids) the network builds with their sums
    ("full"): each line :func:`_settle` or :func:`_rows_read_elsewhere` names, its ancestors
    up to JUMLAH and its whole subtree (the search and its alternatives look below a wrong
    total at its rows), and JUMLAH. The lines JUMLAH's plan sum reads only need their
    parents full. A full line's children are built too (its sums read them); their own
    rows are settled sums (:class:`SettledRelation`) unless full. ``None``: build every
    line (JUMLAH disagrees as typed)."""
    order = _children_first(b.roots)
    wanted = _settle(ctx, order, b.has_plan, tol, _quarter_keys(ctx, b))
    tot = b.total
    if tot is not None and tot.children and _settle(ctx, [tot], b.has_plan, tol, ()) \
            and not any(id(t) in wanted for t in tot.children):
        # JUMLAH disagrees as typed and nothing below it does: JUMLAH is the cause, and its
        # alternatives reach every row, so a lazy network would only be built to be
        # abandoned (NetworkIncomplete) for the whole one
        return None
    elsewhere = _rows_read_elsewhere(ctx)
    if elsewhere:
        wanted.update(id(ln) for ln in order if ln.row.row in elsewhere)
    # whole subtrees of wanted lines: parents before children
    for ln in reversed(order):
        if id(ln) in wanted:
            wanted.update(id(k) for k in ln.children)
    # ancestors of wanted lines, and parents of the lines JUMLAH's plan sum reads
    reached = {id(k) for t in b.top for k in _plan_provider_lines(t)} if b.has_plan else set()
    full: set[int] = set()
    # the lines whose parent must be full: the full ones, and those JUMLAH's plan sum reads
    reaching = full | reached if reached else full
    for ln in order:
        if id(ln) in wanted:
            full.add(id(ln))
            reaching.add(id(ln))
        elif ln.children:
            for k in ln.children:
                if id(k) in reaching:
                    full.add(id(ln))
                    reaching.add(id(ln))
                    break
    if b.total is not None:
        full.add(id(b.total))
    return full


def _inputs_only(b: Budget, built: list[Line], full: set[int]) -> set[int]:
    """The built lines (ids) that need no relations of their own: sub kegiatan beside a
    wanted row under a kegiatan of more than :data:`LONG_SUM` rows (not wanted itself,
    else its rows would be full). The search proposes such a row only as a suspect (an input of a short relation
    that disagrees, or of two), and none of its cells is one: they feed only the kegiatan's
    long sums. So they are inputs of those sums and nothing else: pagu, realisasi, and the
    sisa as an input fixed at its value (the kegiatan's sisa may have been typed as the sum
    of its rows' sisa). Not with the plan columns (JUMLAH's plan sum may read their plans)
    nor below JUMLAH itself (ANG016 reads its rows too). Should the search still propose
    one (:attr:`Network.partial`), the diagnosis starts again on whole networks."""
    if b.has_plan:
        return set()
    out: set[int] = set()
    for ln in built:
        kids = ln.children
        if len(kids) > LONG_SUM and not ln.is_total and id(ln) in full:
            out.update(id(k) for k in kids if not k.children and id(k) not in full)
    return out


def _children_first(roots: list[Line]) -> list[Line]:
    """Every line below ``roots`` (and the roots), each after all of its children."""
    out: list[Line] = []
    stack: list[tuple[Line, bool]] = [(ln, False) for ln in reversed(roots)]
    while stack:
        ln, done = stack.pop()
        if done or not ln.children:
            out.append(ln)
        else:
            stack.append((ln, True))
            stack.extend((k, False) for k in reversed(ln.children))
    return out


def _rows_read_elsewhere(ctx) -> set[int]:
    """Anggaran rows whose cells other tables' relations or the rules read by address: the
    lines the Efisiensi and PK budget tables agree with (COP004, PK006) and rows holding a
    formula error (NIL005 tells their value)."""
    rows: set[int] = set()
    if not ctx.budget_rows:
        return rows
    from ..rules.pk import anggaran_match
    from .efisiensi import budget_row

    for r in ctx.report.efisiensi:
        a = budget_row(ctx, r)
        if a is not None:
            rows.add(a.row)
    for r in ctx.report.pk_budget_rows:
        a = anggaran_match(ctx, r.get("kode"), r.get("uraian").text)
        if a is not None:
            rows.add(a.row)
    sheet = ctx.budget_rows[0].sheet
    for (s, cell), _ in ctx.report.error_cells:
        if s == sheet and (n := row_number(cell)) is not None:
            rows.add(n)
    return rows


def settled_truth(b: Budget, value: Value) -> tuple[bool, object]:
    """(True, truth) of a cell of a line the lazy network left out (or built with inputs
    only), as :meth:`Diagnosis.truth` gives it for a cell of the network (its value before
    any correction, else its typed reading); (False, None) for any other cell. Asked only
    for cells the network does not have: the line's amounts were never corrected."""
    ln = b.by_row.get(row_number(value.cell)) if b.lines and value.cell else None
    if ln is None or value.sheet != ln.row.sheet:
        return False, None
    row = ln.row
    fields = ("pagu", "realisasi", "sisa", "persentase") + \
        (("target_tw", "capaian_keuangan") if b.has_plan else ())
    for f in fields:
        v = row.get(f)  # (a column empty in every row is not in row.cells)
        if v.cell == value.cell:
            break
    else:
        return False, None
    pagu, real = ln.pagu, ln.realisasi
    if f == "sisa":
        cur, typed_ = _sisa((pagu.cur, real.cur)), shown_reading(v, amount(v, False))
    elif f in ("persentase", "capaian_keuangan"):
        p = _percent_reading(v)
        base = pagu if f == "persentase" else ln.plan
        cur, typed_ = _share((base.cur, real.cur)), p.value if p is not None else None
    else:
        s = {"pagu": pagu, "realisasi": real, "target_tw": ln.plan}[f]
        cur, typed_ = s.cur, s.typed
    return True, cur if cur is not None else typed_


def _quarter_keys(ctx, b: Budget) -> tuple[str, ...]:
    """The Rencana TW I-IV columns the table has (all four when the reader did not say),
    but for a column left empty in every row (:attr:`AnggaranRow.empty`): no row has it
    typed, so no row is asked (:func:`_has_quarters`, 100.000 times on a large table whose
    template has the four columns and nobody fills them)."""
    if not b.lines:
        return ()
    first = b.lines[0].row
    cols = ctx.report.columns.get(first.sheet)
    return tuple(k for k in QUARTERS if (cols is None or k in cols) and k not in first.empty)


def _has_quarters(r: AnggaranRow, keys: tuple[str, ...]) -> bool:
    """Whether any of the row's Rencana TW I-IV (``keys``: the table's columns of them) is
    typed (a missing column reads as blank)."""
    cells = r.cells
    for k in keys:
        if typed(cells.get(k)):
            return True
    return False


def _lazy_lines(ctx, b: Budget, every: list[Line], tol
                ) -> tuple[list[Line], set[int] | None, dict[int, tuple], set[int]]:
    """What a lazy network builds (:func:`_full_lines` settles every line first): the
    lines to build, in table order; the full ones (ids; ``None``: all); the built lines
    whose own sums are settled (id -> their pagu and realisasi); the lines built as inputs
    only (ids)."""
    full = _full_lines(ctx, b, tol)
    if full is None:
        return every, None, {}, set()
    # the full lines, the rows their sums read, and the rows JUMLAH (or ANG016) reads
    keep = set(full)
    for ln in every:
        if id(ln) in full:
            keep.update(id(k) for k in ln.children)
    keep.update(id(t) for t in b.top)
    built = [ln for ln in every if id(ln) in keep]
    frozen = {id(ln): (ln.pagu.cur, ln.realisasi.cur) for ln in built
              if ln.children and id(ln) not in full}
    return built, full, frozen, _inputs_only(b, built, full)


def build(net, ctx, overrides: dict[int, str], *, quarter: int | None = ...,
          lazy: bool = True) -> Budget:
    """The Anggaran relations. ``lazy``: only the lines :func:`_full_lines` says the
    diagnosis can need are cells of the network; every other line keeps :class:`Settled`
    amounts, the values its cells would have had before any correction."""
    b = _tree(ctx, overrides)
    every = b.lines + ([b.total] if b.total is not None else [])
    has_plan = b.has_plan
    if lazy:
        built, full, frozen, partial = _lazy_lines(ctx, b, every, net.tol)
    else:
        built, full, frozen, partial = every, None, {}, set()
    for ln in built:
        r = ln.row
        cells = r.cells
        rk = ln.key
        # the row's cells read once (Row.get without a call a column); a cell r.cells
        # does not hold from r.blank, which knows a column left empty in every row (its
        # address matters here: a blank sisa's relation, a blank percentage filled in)
        v = cells.get("pagu") or r.blank("pagu")
        ln.pagu = net.amount(v, _pagu_reading(ctx, v, r), "pagu", rk)
        v = cells.get("realisasi") or r.blank("realisasi")
        ln.realisasi = net.amount(v, amount(v, True), "realisasi", rk)
        v = cells.get("sisa") or r.blank("sisa")
        ln.sisa = net.amount(v, amount(v, False), "sisa", rk)
        if id(ln) in partial:
            ln.sisa.base = _sisa((ln.pagu.base, ln.realisasi.base))
            net.partial.update((id(ln.pagu), id(ln.realisasi), id(ln.sisa)))
            continue
        ln.sisa.base = None
        ln.persentase = _percent_of(net, cells.get("persentase") or r.blank("persentase"),
                                    "persentase", rk)
        if has_plan:
            v = cells.get("target_tw") or r.blank("target_tw")
            ln.plan = net.amount(v, amount(v, True), "target_tw", rk)
            ln.capaian_keuangan = _percent_of(net, cells.get("capaian_keuangan")
                                              or r.blank("capaian_keuangan"),
                                              "capaian_keuangan", rk)
    # Sums, bottom-up so that a parent reads its children's cells.
    def relate_sums(ln: Line, code: str, what: str, child: str) -> None:
        for f in ("pagu", "realisasi"):
            net.relate(code, getattr(ln, f), [getattr(k, f) for k in ln.children], total,
                       _sum_explain(what, child), invert=_sum_invert)

    def sums(ln: Line) -> None:
        code = "ANG004" if ln.level == "program" else "ANG003"
        if full is not None and id(ln) not in full:
            if id(ln) in frozen:  # built, but its rows are not: settled at their sum
                for cell, value in zip((ln.pagu, ln.realisasi), frozen[id(ln)], strict=True):
                    net.settle(code, cell, value)
            return
        for k in ln.children:
            sums(k)
        if ln.children:
            relate_sums(ln, code, f"{LEVEL_NAME.get(ln.level, '')} {ln.code or ''}".strip(),
                        f"{CHILD_NAME.get(ln.level, 'baris')} di bawahnya")

    for ln in b.roots:
        sums(ln)
    sums = None  # else the recursive closure holds the lines for the collector
    if b.total is not None and b.total.children:
        level = b.top[0].level
        relate_sums(b.total, "ANG005", "JUMLAH",
                    LEVEL_NAME.get(level, "baris") if all(t.level == level for t in b.top)
                    else "baris")
    for ln in built:
        alt = ()
        if ln.children and id(ln) not in frozen and all(k.sisa is not None
                                                        for k in ln.children):
            alt = ((tuple(k.sisa for k in ln.children), total),)
        if id(ln) in partial:
            continue
        pair = (ln.pagu, ln.realisasi)  # one tuple for both relations (read-only)
        if ln.sisa.typed is not None or ln.sisa.value.cell:
            net.relate("ANG001", ln.sisa, pair, _sisa, _sisa_explain,
                       invert=_sisa_invert, alt_inputs=alt)
        if ln.persentase is not None:
            net.relate("ANG002", ln.persentase, pair, _share, _pct_explain)
    # a line with rencana TW is always built (_settle)
    _quarterly_plan(net, ctx, b, [ln for ln in built if not ln.is_total], quarter)
    if b.has_plan:
        plan_total = None
        if b.total is not None and b.total.plan is not None:
            providers = [c for t in b.top for c in _plan_providers(t)]
            plan_total = b.total.plan
            net.relate("ANG012", plan_total, providers, total,
                       lambda rel, vals, found, expected: (
                           f"Jumlah rencana triwulan {found} seharusnya {expected} (jumlah "
                           f"rencana triwulan {len(b.top)} baris)."),
                       invert=_sum_invert)
        for ln in built:
            if ln.capaian_keuangan is not None and ln.plan is not None:
                net.relate("ANG015", ln.capaian_keuangan, (ln.plan, ln.realisasi), _share,
                           _capk_explain)
        avg = ctx.report.anggaran_average
        if avg is not None:
            _average(net, ctx, b, avg, plan_total)
    return b


QUARTERS = ("rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4")
ROMAN_TW = ("I", "II", "III", "IV")


def _quarterly_plan(net, ctx, b: Budget, lines: list[Line], quarter: int | None = ...
                    ) -> None:
    """Rencana TW I-IV of a row (its anggaran kas): the Rencana Triwulan of this quarter is
    TW I + ... + this quarter (Sifat Data kumulatif) or this quarter's alone (triwulan)
    (ANG020); the four add up to the pagu, a soft agreement reported after the diagnosis
    (ANG021). ``lines``: the lines the network builds (JUMLAH aside). ``quarter`` is the
    diagnosis's hypothesis of the report's quarter (IDN010), Identitas by default."""
    from ..parsing import normalise_text

    q = ctx.report.identity.quarter if quarter is ... else quarter
    cumulative = normalise_text(ctx.report.identity.sifat.text) != "triwulan"
    keys = _quarter_keys(ctx, b)
    for ln in lines if keys else ():
        r = ln.row
        if not _has_quarters(r, keys):
            continue
        ln.quarters = [_amount_cell(net, r, k, k, ln.key, blank_is_zero=True)
                       for k in QUARTERS]
        net.agree_with("ANG021", ln.pagu, ln.quarters,
                       lambda vals: total(v or 0.0 for v in vals),
                       lambda ins, want: [(i, (i.cur or 0.0) + want -
                                           sum(x.cur or 0.0 for x in ins)) for i in ins])
        if q is None or ln.plan is None:
            continue
        ins = ln.quarters[:q] if cumulative else [ln.quarters[q - 1]]
        names = ROMAN_TW[:q] if cumulative else (ROMAN_TW[q - 1],)

        def explain(rel, vals, found, expected, _n=names, _c=cumulative):
            parts = " + ".join(f"TW {n} {rp(v or 0)}" for n, v in zip(_n, vals, strict=True))
            return (f"Rencana triwulan {found} seharusnya {expected} menurut rencana TW "
                    f"({'s.d. triwulan ini' if _c else 'triwulan ini'}: {parts}).")

        net.relate("ANG020", ln.plan, ins, lambda vals: total(v or 0.0 for v in vals),
                   explain, invert=_sum_invert)


def _average(net, ctx, b: Budget, avg: AnggaranRow, plan_total: Cell | None) -> None:
    """The reported average capaian keuangan = total realisasi / total plan."""
    v = avg.get("capaian_keuangan")
    if not typed(v) or not isinstance(v.parsed, Number) or v.parsed.value is None:
        v = avg.get("persentase")
        if not typed(v) or not isinstance(v.parsed, Number) or v.parsed.value is None:
            return
    target = net.cell(v, v.parsed.value, PERCENT, "capaian_keuangan", "rata-rata",
                      number=v.parsed)
    reals = [t.realisasi for t in b.top]
    plans = [plan_total] if plan_total is not None else \
        [c for t in b.top for c in _plan_providers(t)]
    n = len(reals)

    def compute(vals):
        return ratio_pct(total(vals[:n]), total(vals[n:]))

    def explain(rel, vals, found, expected):
        return (f"Rata-rata capaian keuangan {found} seharusnya {expected} (realisasi "
                f"{rp(total(vals[:n]))} dibagi rencana triwulan {rp(total(vals[n:]))}).")

    alt = ()
    if b.total is not None and b.total.plan is not None:
        alt = (((b.total.realisasi, b.total.plan), lambda x: ratio_pct(x[0], x[1])),)
    net.relate("ANG016", target, reals + plans, compute, explain, alt_inputs=alt)


def build_pk_budget(net, ctx, b: Budget) -> None:
    """JUMLAH of the PK budget table = the sum of its rows (PK007)."""
    tot = ctx.report.pk_budget_total
    rows = ctx.report.pk_budget_rows
    if not rows:
        return
    cells = []
    for r in rows:
        v = r.get("anggaran")
        a = amount(v)
        cells.append(net.cell(v, a if typed(v) else None, AMOUNT, "anggaran",
                              (r.get("uraian").text or f"baris {r.row}")[:70],
                              number=v.parsed if isinstance(v.parsed, Number) else None,
                              base=a))
    from ..rules.pk import anggaran_match

    for r, cell in zip(rows, cells, strict=True):
        a_row = anggaran_match(ctx, r.get("kode"), r.get("uraian").text)
        line = b.by_row.get(a_row.row) if a_row is not None else None
        if line is not None:
            net.agree("PK006", cell, line.pagu)
    if tot is None:
        return
    v = tot.get("anggaran")
    a = amount(v)
    target = net.cell(v, a if typed(v) else None, AMOUNT, "anggaran", "JUMLAH",
                      number=v.parsed if isinstance(v.parsed, Number) else None)
    net.relate("PK007", target, cells, total,
               lambda rel, vals, found, expected: (
                   f"Jumlah anggaran PK {found} seharusnya {expected} (jumlah {len(vals)} "
                   "baris)."),
               invert=_sum_invert)
