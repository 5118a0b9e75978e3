"""Typed personnel summaries (sheet Rekap Pegawai; seed 003 Tabel 3.7-3.10) as relations.

A summary table is a run of Rekap Pegawai rows with the same Tabel (Pendidikan, Golongan,
Diklat, Eselon), closed by its Jumlah row. Its arithmetic:

- per row, Jumlah = PNS + CPNS + PPPK + Non PNS over the status columns the table fills
  (a blank or "-" cell of such a column counts 0); a table that fills no status column
  types its Jumlah freely (Tabel 3.9 and 3.10 have only a Jumlah column) - PEG001;
- the Jumlah row = the sum of the rows above it, per column - PEG001;
- Persen = the row's Jumlah / the table's total x 100 (the Jumlah row: 100%) - PEG003;
- where the Pegawai sheet can tell, a count = the people of the list with that category
  (and status) - PEG002. The list tells a count only when every person it concerns has the
  attribute filled in a recognisable way (every PNS has a golongan and a pendidikan; an
  empty eselon or diklat cell of a column somebody filled means none); otherwise the count
  is not compared.

A count typed freely (an input) that the diagnosis must change is reported as PEG004.
"""

from __future__ import annotations

import re

from ..model import RekapPegawaiRow, Report, Row, Value
from ..parsing import Number, normalise_text, parse_pangkat
from ..record import Record
from ..rules.base import amount, measure, num
from .core import COUNT, PERCENT, Cell

#: Status columns of Rekap Pegawai, as (column key, status in the Pegawai sheet).
STATUS_COLUMNS = (("pns", "PNS"), ("cpns", "CPNS"), ("pppk", "PPPK"), ("non_pns", "Non PNS"))
STATUS_LABEL = dict(STATUS_COLUMNS)
DIMENSIONS = ("Pendidikan", "Golongan", "Diklat", "Eselon")
#: A person whose attribute cannot be read: the list cannot tell the count.
UNKNOWN = "?"
_ROMAN = r"(IV|III|II|I)"


class RekapTable(Record):
    """One typed summary table of the Rekap Pegawai sheet."""

    __slots__ = ("tabel", "rows", "total")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, tabel: str | None, rows: list[RekapPegawaiRow] | None = None,
                 total: RekapPegawaiRow | None = None):
        self.tabel = tabel
        self.rows = [] if rows is None else rows
        self.total = total

    @property
    def title(self) -> str:
        return self.tabel or "Rekap Pegawai"

    def status_keys(self) -> tuple[str, ...]:
        """The status columns this table fills (in any row, the Jumlah row included)."""
        rows = [*self.rows, *([self.total] if self.total is not None else [])]
        return tuple(k for k, _ in STATUS_COLUMNS
                     if any(_typed(r.get(k)) for r in rows))


def _typed(v: Value | None) -> bool:
    return v is not None and v.raw is not None and not (isinstance(v.raw, str)
                                                        and not v.raw.strip())


def _dimension(text: str) -> str | None:
    t = normalise_text(text)
    if not t:
        return None
    if t.startswith("pend") or t.startswith("kualifikasi"):
        return "Pendidikan"
    if t.startswith("gol") or t.startswith("pangkat"):
        return "Golongan"
    if "diklat" in t or "pim" in t or t.startswith("pelatihan"):
        return "Diklat"
    if t.startswith("esel") or t.startswith("jabatan"):
        return "Eselon"
    return None


def _guess_dimension(rows: list[RekapPegawaiRow]) -> str | None:
    """The table's kind from its row labels, when its Tabel column is blank."""
    labels = [r.get("uraian").text for r in rows if r.get("uraian").text]
    if not labels:
        return None
    for dim in ("Eselon", "Pendidikan"):
        if all(category(dim, t) for t in labels):
            return dim
    if all("gol" in normalise_text(t) for t in labels):
        return "Golongan"
    if all("pim" in normalise_text(t) or "diklat" in normalise_text(t) for t in labels):
        return "Diklat"
    return None


def rekap_tables(report: Report) -> list[RekapTable]:
    """The summary tables of the Rekap Pegawai sheet, in sheet order. A blank Tabel cell
    continues the table above; a Jumlah row closes its table."""
    out: list[RekapTable] = []
    cur: RekapTable | None = None
    for r in report.rekap_pegawai:
        dim = _dimension(r.tabel)
        if r.is_total:
            if cur is None:
                cur = RekapTable(dim)
                out.append(cur)
            cur.total = r
            cur = None
            continue
        if not r.get("uraian").text and not any(_typed(r.get(k)) for k in
                                                ("pns", "cpns", "pppk", "non_pns", "jumlah")):
            continue
        if cur is None or (dim is not None and cur.tabel is not None and dim != cur.tabel):
            cur = RekapTable(dim)
            out.append(cur)
        elif cur.tabel is None and dim is not None:
            cur.tabel = dim
        cur.rows.append(r)
    for t in out:
        if t.tabel is None:
            t.tabel = _guess_dimension(t.rows)
    return out


# ---------------------------------------------------------------------------------------
# Categories: a row label and a person's attribute in one vocabulary
# ---------------------------------------------------------------------------------------


def education(text: str) -> str | None:
    """The pendidikan a Pegawai cell names ("SLTA" -> "SMA/SMK"), or None."""
    t = normalise_text(text).replace(" ", "").replace(".", "")
    if t in ("sma", "smk", "slta", "ma", "sma/smk", "smu", "stm"):
        return "SMA/SMK"
    if t in ("smp", "sltp", "mts"):
        return "SMP"
    if t in ("sd", "mi"):
        return "SD"
    for e in ("S1", "S2", "S3", "D1", "D2", "D3", "D4"):
        if t == e.lower():
            return e
    return None


def employment_status(text: str) -> str:
    """PNS, CPNS, PPPK or Non PNS from a Pegawai Status cell."""
    t = normalise_text(text).replace(" ", "")
    if t == "pns":
        return "PNS"
    if t == "cpns":
        return "CPNS"
    if t in ("pppk", "p3k"):
        return "PPPK"
    return "Non PNS"


def _edu(text: str) -> str | None:
    t = re.sub(r"\bsederajat\b|\bsetingkat\b", " ", normalise_text(text))
    return education(t)


def _eselon(text: str) -> str | None:
    t = normalise_text(text).replace(".", " ").replace("/", " ").replace("-", " ")
    m = re.fullmatch(r"(?:eselon\s*)?(iv|iii|ii|i)\s*([ab])", t.strip())
    return f"{m.group(1).upper()} {m.group(2)}" if m else None


def _golongan(text: str) -> str | None:
    """"Golongan III" -> "III"; "III/a" -> "III/a"."""
    m = re.search(rf"\b{_ROMAN}\b(?:\s*/\s*([a-eA-E])\b)?", str(text or ""))
    if not m:
        return None
    return f"{m.group(1)}/{m.group(2).lower()}" if m.group(2) else m.group(1)


def _diklat(text: str) -> str | None:
    t = str(text or "").upper()
    t = re.sub(r"DIKLAT|PIM|TK\.?|TINGKAT|LEVEL|[.,]", " ", t)
    m = re.fullmatch(rf"\s*{_ROMAN}\s*", t)
    return f"PIM {m.group(1)}" if m else None


def category(dim: str, text: str) -> str | None:
    """The category a Rekap Pegawai row label names, or None."""
    if dim == "Pendidikan":
        return _edu(text)
    if dim == "Eselon":
        return _eselon(text)
    if dim == "Golongan":
        return _golongan(text)
    if dim == "Diklat":
        return _diklat(text)
    return None


def _none_word(text: str) -> bool:
    return normalise_text(text) in ("", "-", "tidak ada", "belum", "non eselon", "tidak")


def person_status(r: Row) -> str | None:
    t = r.get("status").text
    return employment_status(t) if t.strip() else None


def person_category(dim: str, r: Row, column_used: bool, status: str | None) -> str | None:
    """A person's category (None: has none, as Non PNS have no golongan; UNKNOWN: the list
    does not say). ``status``: :func:`person_status` of the row."""
    civil = status in ("PNS", "CPNS")
    if dim == "Pendidikan":
        v = r.get("pendidikan").text
        return _edu(v) or UNKNOWN
    if dim == "Golongan":
        g = parse_pangkat(r.get("pangkat").raw).golongan
        if g:
            return g
        return UNKNOWN if civil or _typed(r.get("pangkat")) else None
    key = "eselon" if dim == "Eselon" else "diklat"
    v = r.get(key).text
    if _none_word(v):
        return None if column_used or not civil else UNKNOWN
    got = _eselon(v) if dim == "Eselon" else _diklat(v)
    return got or UNKNOWN


def _row_matcher(dim: str, row_keys: list[str]):
    """Whether a person's category (neither None nor UNKNOWN) has a row among
    ``row_keys``, as two set lookups: a row key equal to it, or a golongan row without a
    ruang ("III") of its golongan (it counts every ruang of it)."""
    heads = {k for k in row_keys if dim == "Golongan" and "/" not in k}
    whole = set(row_keys) - heads

    def has_row(person_key: str) -> bool:
        return person_key in whole or (bool(heads) and person_key.split("/")[0] in heads)
    return has_row


class ListCount(Record):
    """What the Pegawai sheet says about one count of a summary (``status`` None: every
    status, the Jumlah column)."""

    __slots__ = ("count", "names", "status")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, count: int, names: list[str], status: str | None):
        self.count = count
        self.names = names
        self.status = status


def people_profiles(report: Report, dim: str) -> list[tuple[str, str | None, str]] | None:
    """(name, status, category) of each named person of the Pegawai sheet for dimension
    ``dim`` (see :func:`person_category`), or None when nobody is listed or the list does
    not use the dimension's column. Read once per table, not once per count."""
    people = [r for r in report.pegawai if r.get("nama").text]
    if not people:
        return None
    key = {"Eselon": "eselon", "Diklat": "diklat"}.get(dim)
    used = key is None or any(_typed(r.get(key)) for r in people)
    if not used:
        return None
    return [(r.get("nama").text.strip(), st, person_category(dim, r, used, st))
            for r in people for st in (person_status(r),)]


def profiles_of(ctx, dim: str) -> list[tuple[str, str | None, str]] | None:
    """:func:`people_profiles` of the checked report, read once a check for each table
    kind: the network and PEG005 ask about the same people."""
    memo = ctx.pegawai_profiles
    if dim not in memo:
        memo[dim] = people_profiles(ctx.report, dim)
    return memo[dim]


class ListCounts:
    """The people of the Pegawai sheet in each category and status of one table, from one
    walk of the list (``profiles``: :func:`people_profiles` of the report and ``dim``)
    instead of one for each count of the table (a table of six rows and four status
    columns asked the list 24 times; tests/test_rekap_pegawai.py keeps that walk as the
    long way and compares). The list cannot tell a count when a person concerned has the
    status or the category unreadable, wherever in the list: that is kept as a flag for
    each status."""

    __slots__ = ("profiles", "dim", "status_unknown", "groups")

    def __init__(self, profiles: list[tuple[str, str | None, str]] | None, dim: str):
        self.profiles = profiles
        self.dim = dim
        self.status_unknown = profiles is not None and any(
            st is None for _, st, _ in profiles)
        #: status (None: everyone) -> (a category unreadable, names by category, names by
        #: golongan without its ruang), names in the list's order
        self.groups: dict[str | None, tuple[bool, dict, dict]] = {}
        for name, st, pc in profiles or ():
            for key in (None, st):
                group = self.groups.get(key)
                if group is None:
                    group = self.groups[key] = (False, {}, {})
                if pc == UNKNOWN:
                    self.groups[key] = group = (True, group[1], group[2])
                elif pc is not None:
                    group[1].setdefault(pc, []).append(name)
                    group[2].setdefault(pc.split("/")[0], []).append(name)
                if st is None:
                    break  # (None, None): counted once

    def get(self, row_key: str, status: str | None) -> ListCount | None:
        """The people in category ``row_key`` (and ``status``), or None when the list
        cannot tell (someone concerned has the attribute unreadable or blank)."""
        if self.profiles is None or (status is not None and self.status_unknown):
            return None
        unknown, by_cat, by_head = self.groups.get(status, (False, {}, {}))
        if unknown:
            return None
        names = (by_head if self.dim == "Golongan" and "/" not in row_key else by_cat)
        return ListCount(len(got := names.get(row_key, [])), list(got), status)


def missing_categories(ctx, t: RekapTable) -> dict[str, list[str]]:
    """People of the Pegawai sheet whose category has no row in table ``t`` (category ->
    names), when the list can tell: every person the table counts has the attribute
    readable. A table without a Jumlah row, or of unknown kind, is not judged."""
    dim = t.tabel
    if dim is None or not t.rows:
        return {}
    profiles = profiles_of(ctx, dim)
    if profiles is None:
        return {}
    row_keys = [c for c in (category(dim, r.get("uraian").text) for r in t.rows) if c]
    if not row_keys:
        return {}
    statuses = {STATUS_LABEL[k] for k in t.status_keys()}
    has_row = _row_matcher(dim, row_keys)
    out: dict[str, list[str]] = {}
    for name, st, pc in profiles:
        if statuses:
            if st is None:
                return {}
            if st not in statuses:
                continue
        if pc == UNKNOWN:
            return {}
        if pc is None or has_row(pc):
            continue
        shown = pc.split("/")[0] if dim == "Golongan" and "/" not in row_keys[0] else pc
        out.setdefault(shown, []).append(name)
    return out


# ---------------------------------------------------------------------------------------
# The relations
# ---------------------------------------------------------------------------------------


def _count_cell(net, v: Value, fld: str, rk: str, blank_is_zero: bool) -> Cell:
    a = amount(v, blank_is_zero=blank_is_zero)
    return net.cell(v, a, COUNT, fld, rk,
                    number=v.parsed if isinstance(v.parsed, Number) else None)


def _sum(vals):
    return sum(x or 0.0 for x in vals)


def _sum_invert(rel, want):
    cur = rel.value()
    if cur is None or want is None:
        return []
    delta = want - cur
    return [(i, (i.cur or 0.0) + delta) for i in rel.inputs if i.cur is not None
            and i.relation is None]


_FIELD = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "non_pns": "Non PNS",
          "jumlah": "Jumlah", "persen": "Persen"}


def build(net, ctx) -> None:
    for t in ctx.rekap_tables:
        _table(net, ctx, t)


def _row_key_label(title: str | None, label: str) -> str:
    """"Golongan II" as it is; "IV a" of the Eselon table -> "Eselon IV a"."""
    if not title or normalise_text(label).startswith(normalise_text(title)[:3]):
        return label
    return f"{title} {label}"


def _row_key(t: RekapTable, r: RekapPegawaiRow) -> str:
    return _row_key_label(t.tabel, r.get("uraian").text.strip() or r.get("no").text
                          or f"baris {r.row}")


def _table(net, ctx, t: RekapTable) -> None:
    status_keys = t.status_keys()
    dim = t.tabel
    cats = {r.row: category(dim, r.get("uraian").text) if dim else None for r in t.rows}
    seen: dict[str, int] = {}
    for c in cats.values():
        if c:
            seen[c] = seen.get(c, 0) + 1
    col_cells: dict[str, list[Cell]] = {k: [] for k in (*status_keys, "jumlah")}
    profiles = profiles_of(ctx, dim) if dim and any(cats.values()) else None
    counts = ListCounts(profiles, dim)
    jumlah_cells: list[tuple[RekapPegawaiRow, Cell]] = []
    for r in t.rows:
        rk = _row_key(t, r)
        cat = cats[r.row]
        # the list can tell a row only if its category is its own in the table
        cat = cat if cat and seen.get(cat) == 1 else None
        st_cells = []
        for k in status_keys:
            v = r.get(k)
            if not v.cell:
                continue
            cell = _count_cell(net, v, k, rk, blank_is_zero=True)
            st_cells.append(cell)
            col_cells[k].append(cell)
            if cat:
                _from_list(net, counts, dim, cat, cell, STATUS_LABEL[k], r)
        jv = r.get("jumlah")
        if st_cells:
            if jv.cell:
                j = _count_cell(net, jv, "jumlah", rk, blank_is_zero=False)
            else:
                j = Cell(Value(None, None, r.sheet, None), None, COUNT, "jumlah", rk)
                net.cells.append(j)

            def explain(rel, vals, found, expected, _ks=tuple(c.field for c in st_cells),
                        _rk=rk):
                parts = " + ".join(f"{_FIELD[k]} {num(x or 0)}" for k, x in zip(_ks, vals, strict=True))
                return f"{_rk}: Jumlah {found} seharusnya {expected} ({parts})."

            net.relate("PEG001", j, st_cells, _sum, explain, invert=_sum_invert)
        elif jv.cell:
            j = _count_cell(net, jv, "jumlah", rk, blank_is_zero=True)
            if cat:
                _from_list(net, counts, dim, cat, j, None, r)
        else:
            continue
        col_cells["jumlah"].append(j)
        jumlah_cells.append((r, j))
    if t.total is not None:
        _totals(net, t, status_keys, col_cells)
    _percent(net, t, jumlah_cells)


def _from_list(net, counts: ListCounts, dim: str, cat: str, cell: Cell, status: str | None,
               r: RekapPegawaiRow) -> None:
    lc = counts.get(cat, status)
    if lc is None:
        return
    n = float(lc.count)
    label = _row_key_label(dim, r.get("uraian").text.strip() or cat)

    def explain(rel, vals, found, expected, _lc=lc, _label=label):
        names = _lc.names[:6]
        if len(_lc.names) > 6:
            names.append(f"{len(_lc.names) - 6} lainnya")
        listed = (", ".join(names[:-1]) + " dan " + names[-1]) if len(names) > 1 else \
            "".join(names)
        who = f" {_lc.status}" if _lc.status else ""
        col = f" {_lc.status}" if _lc.status else ""
        return (f"{_label}{col}: {found} seharusnya {expected}; daftar Pegawai memuat "
                f"{_lc.count} orang{who}{' (' + listed + ')' if listed else ''}.")

    net.relate("PEG002", cell, (), lambda vals, _n=n: _n, explain)


def _totals(net, t: RekapTable, status_keys, col_cells: dict[str, list[Cell]]) -> None:
    row = t.total
    rk = f"{t.title}: Jumlah"
    made: dict[str, Cell] = {}
    for k in (*status_keys, "jumlah"):
        v = row.get(k)
        cells = col_cells.get(k) or []
        if not v.cell or not _typed(v) or not cells:
            continue
        target = _count_cell(net, v, k, rk, blank_is_zero=False)
        made[k] = target

        def explain(rel, vals, found, expected, _k=k):
            parts = " + ".join(num(x or 0) for x in vals[:10]) + (" + ..." if len(vals) > 10
                                                                   else "")
            return (f"Baris Jumlah {t.title}, kolom {_FIELD[_k]}: {found} seharusnya "
                    f"{expected} ({parts}, {len(vals)} baris).")

        alt = ()
        if k == "jumlah" and status_keys and all(s in made for s in status_keys):
            alt = ((tuple(made[s] for s in status_keys), _sum),)
        net.relate("PEG001", target, cells, _sum, explain, invert=_sum_invert,
                   alt_inputs=alt)


def _percent(net, t: RekapTable, pairs: list[tuple[RekapPegawaiRow, Cell]]) -> None:
    if not pairs:
        return
    jumlah_cells = [j for _, j in pairs]
    for idx, (r, _j) in enumerate(pairs):
        v = r.get("persen")
        if not v.cell or not _typed(v):
            continue
        val, unit = measure(v)
        if val is None:
            continue
        p = v.parsed if isinstance(v.parsed, Number) else None
        c = net.cell(v, val, PERCENT, "persen", _row_key(t, r), number=p, unit="%")

        def share(vals, _i=idx):
            tot = sum(x or 0.0 for x in vals)
            return None if not tot or vals[_i] is None else vals[_i] / tot * 100

        rk = _row_key(t, r)

        def explain(rel, vals, found, expected, _i=idx, _rk=rk):
            tot = sum(x or 0.0 for x in vals)
            return (f"{_rk}: Persen {found} seharusnya {expected} ({num(vals[_i] or 0)} / "
                    f"{num(tot)} x 100).")

        net.relate("PEG003", c, tuple(jumlah_cells), share, explain)
    if t.total is not None:
        v = t.total.get("persen")
        if v.cell and _typed(v):
            val, unit = measure(v)
            if val is not None:
                p = v.parsed if isinstance(v.parsed, Number) else None
                c = net.cell(v, val, PERCENT, "persen", f"{t.title}: Jumlah", number=p, unit="%")
                net.relate("PEG003", c, tuple(jumlah_cells),
                           lambda vals: 100.0 if sum(x or 0.0 for x in vals) else None,
                           lambda rel, vals, found, expected:
                           f"Persen baris Jumlah {found} seharusnya {expected}.")


__all__ = ["RekapTable", "rekap_tables", "category", "build", "STATUS_COLUMNS",
           "missing_categories"]
