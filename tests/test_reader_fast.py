"""The reader's short ways read exactly as its plain ways do.

read_table builds a table column by column, makes a finite numeric cell's Number at once,
and rejects most lines as the "1 2 3 4" numbering row from their first value; parse_code
makes a code typed in its canonical form at once. Each is compared here with the plain
reading it replaces - one cell at a time through ``reader._parse`` - on generated grids."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkj_excel import layout as L
from lkj_excel import reader as R
from lkj_excel.model import Value, a1
from lkj_excel.parsing import (
    LEVELS,
    BudgetCode,
    CellError,
    _parse_code_text,
    canonical_codes,
    parse_code,
)


def _numbering_reference(cells) -> bool:
    """The numbering row test as it was before its short way (git 8232204)."""
    vals = [c for c in cells if c not in (None, "")]
    if len(vals) < 3:
        return False
    first = vals[0]
    if first.__class__ is str and first.strip("() ")[:1] not in frozenset("0123456789+-.iInN"):
        return False
    try:
        if int(float(str(first).strip("() "))) != 1:
            return False
    except ValueError:
        return False
    try:
        nums = [int(float(str(v).strip("() "))) for v in vals]
    except ValueError:
        return False
    return nums == list(range(1, len(nums) + 1))


def _rows_reference(grid, spec, sheet, row_cls):
    """read_table's rows made one cell at a time, each cell through ``reader._parse``."""
    header_row, mapping = R.find_header(grid, spec)
    cols = [(c.key, c.kind, mapping[c.key]) for c in spec.columns if c.key in mapping]
    rows = []
    for r in range(header_row + 1, len(grid)):
        line = grid[r]
        raws = [None if c >= len(line) or line[c] == "" else line[c] for _k, _kind, c in cols]
        if all(v is None for v in raws) or _numbering_reference(raws):
            continue
        cells = {}
        for (key, kind, c), raw in zip(cols, raws, strict=True):
            value, parsed = R._parse(kind, raw)
            cells[key] = Value(value, raw, sheet, a1(r, c), parsed)
        rows.append(row_cls(sheet, r + 1, cells))
    return rows


def _same(a: Value, b: Value) -> bool:
    """Equal, and of the same types and reprs (1.0 == 1 == True and 0.0 == -0.0 would hide
    a changed reading)."""
    return a == b and repr(a) == repr(b) and all(
        type(getattr(a, f)) is type(getattr(b, f)) for f in ("value", "raw", "cell", "parsed"))


_CELLS = st.one_of(
    st.sampled_from(["", "", "", None, " ", "-", "1", "2", "3", "(1)", " 1 ", "1.0", "1.5",
                     "1..5", "1.2.3", "inf", "nan", "+1", "JUMLAH", "Rata-rata", "Jumlah",
                     "7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001", "7.1.2.2.1.1",
                     "7.01.02.2.01.0001 Koordinasi", "  dua   spasi  ", "1.500.000",
                     "Rp 10.893.500", "48,59%", "12 Desa", "28/51", "terlaksana",
                     CellError("#DIV/0!"), True, dt.datetime(2024, 1, 31), dt.date(1900, 1, 5),
                     1.0, 2.0, 3.0, 0.0, -0.0, 1.5, 0.93, 2.5, 1e300, -7.0,
                     math.nan, math.inf, -math.inf, 7_500_000.0, 12]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=" 0123456789.,%()-Rpabc\u00a0\t", max_size=12),
)


def _grid(spec):
    header = [c.header for c in spec.columns]
    line = st.lists(_CELLS, min_size=0, max_size=len(header) + 2)
    numbering = st.tuples(
        st.sampled_from([1.0, 1.5, 1.99, "1", "(1)", " 1 ", "1.0", "1.9", "1.", "01", 2.0, "2"]),
        st.integers(min_value=0, max_value=len(header) - 1)).map(
        lambda t: [t[0]] + [float(i) if i % 2 else str(i) for i in range(2, t[1] + 2)])
    return st.lists(st.one_of(line, line, line, numbering), max_size=12).map(
        lambda body: [["Judul"], [], header, *body])


@pytest.mark.parametrize("spec", [L.ANGGARAN, L.CAPAIAN, L.DESA, L.PEGAWAI, L.PK],
                         ids=lambda s: s.name)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_read_table_reads_as_one_cell_at_a_time(spec, data):
    grid = data.draw(_grid(spec))
    row_cls = R._ROW_CLASSES[spec.name]
    try:
        want = _rows_reference(grid, spec, spec.name, row_cls)
    except OverflowError:  # a line starting with infinity: int(inf) raises either way
        with pytest.raises(OverflowError):
            R.read_table(grid, spec, spec.name, Path("x.xlsx"), row_cls)
        return
    got, _mapping, header = R.read_table(grid, spec, spec.name, Path("x.xlsx"), row_cls)
    assert header == 3
    # An Anggaran row leaves a column blank in every row out of its cells (Row.empty,
    # shared by the table's rows); the other tables hold every column.
    empty = [k for k in (want[0].cells if want else ())
             if all(w.cells[k].raw is None for w in want)] if row_cls.leaves_out_empty_columns \
        else []
    assert [(type(r), r.row, list(r.cells), list(r.empty)) for r in got] == \
        [(type(r), r.row, [k for k in r.cells if k not in empty], empty) for r in want]
    for g, w in zip(got, want, strict=True):
        assert type(g.cells) is dict
        for key in w.cells:
            # asked of the row (a left-out cell is made on request), as every reader of a
            # blank cell's address asks
            assert _same(g[key], w.cells[key]), (g.row, key, g[key], w.cells[key])
            assert _same(g.get(key), w.cells[key]) and g.ref(key) == w.cells[key].cell
            assert hash(g[key]) == hash(w.cells[key])
    # a column the table lacks reads as a blank of no cell, as before
    assert all(r.get("nothing").cell is None and r.ref("nothing") is None for r in got)
    for r in got:
        with pytest.raises(KeyError):
            r["nothing"]


def test_no_printable_character_but_the_space_is_whitespace():
    """What _single_spaced_texts rests on: str.split() splits at whitespace, and every
    whitespace character but the space is not printable, so a printable text's only
    whitespace is the space."""
    import sys

    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if c.isspace():
            assert c == " " or not c.isprintable(), hex(code)


_TEXTS = ["Sub kegiatan 1", "dua  spasi", " depan", "belakang ", "tab\tdi", "baris\nbaru",
          "nbsp\u00a0di", "lebar\u200bnol", "\u3000ideografis", "x", "  ", "é ü", "JUMLAH",
          "a\u2028b", "\x1cx", "akhir\u0085"]


@pytest.mark.parametrize("seed", range(14))
def test_long_text_columns_read_as_one_text_at_a_time(seed):
    """A column longer than _LONG_COLUMN whose texts are all single-spaced is given back at
    once; with any text that is not (or a number among them) it is read text by text: the
    same values either way, and the texts themselves where nothing changes."""
    import random

    rng = random.Random(seed)
    clean = [t for t in _TEXTS if t == " ".join(t.split()) and t.isprintable()]
    pool = clean if seed % 2 else _TEXTS + [12.0, None, dt.date(2024, 1, 2)]
    raws = [rng.choice(pool + [None]) for _ in range(R._LONG_COLUMN + rng.randint(1, 200))]
    if seed == 3:  # among single-spaced texts, one ending with a space, in the middle
        raws[len(raws) // 3] = "tengah "
    if seed == 7:  # one beginning with a space, in the middle
        raws[len(raws) // 3] = " tengah"
    if seed == 9:  # at the very end
        raws[-1] = "akhir "
    if seed == 11:  # at the very start
        raws[0] = " awal"
    if seed == 13:  # two spaces running
        raws[len(raws) // 2] = "dua  spasi"
    if seed == 5:  # single-spaced but not printable: asked text by text, read the same
        raws[len(raws) // 2] = "lebar\u200bnol"
    values, parsed = R._parse_column("text", raws, {})
    want = [None if v is None else R._single_spaced(v) if v.__class__ is str else
            R._parse("text", v)[0] for v in raws]
    assert values == want and next(iter(parsed)) is None  # (nothing parsed: repeat(None))
    assert all(g is r for g, r in zip(values, raws, strict=True)
               if r.__class__ is str and r == " ".join(r.split()))  # not copied
    assert R._single_spaced_texts(raws) == (seed == 1)


@pytest.mark.parametrize("seed", range(4))
def test_long_tables_read_as_one_cell_at_a_time(seed):
    """read_table on a table of a few hundred lines (its line walk and its long columns'
    shortcuts) reads as the reference, one cell at a time."""
    import random

    rng = random.Random(seed)
    header = [c.header for c in L.ANGGARAN.columns]
    cells = ["", None, "7.01.02.2.01.0001", "7.01.02", "1.2", "(1)", 1.0, 2.0, "3",
             "Sub kegiatan", "dua  spasi", " JUMLAH", 1_500_000.0, "1.500.000", "48,59%",
             0.5, "-", CellError("#REF!")]
    body = []
    for _ in range(300):
        line = [rng.choice(cells) for _ in range(rng.randint(0, len(header) + 1))]
        body.append(line if rng.random() > 0.05 else [1.0, "2", 3.0, "4"])
    if seed % 2:  # every line as long as the header: the lines are picked at once
        body = [(line + [""] * len(header))[:len(header)] for line in body]
    grid = [["Judul"], [], header, *body]
    want = _rows_reference(grid, L.ANGGARAN, "Anggaran", R.AnggaranRow)
    got, _m, _h = R.read_table(grid, L.ANGGARAN, "Anggaran", Path("x.xlsx"), R.AnggaranRow)
    assert [r.row for r in got] == [r.row for r in want]
    for g, w in zip(got, want, strict=True):
        for key in w.cells:
            assert _same(g[key], w.cells[key]), (g.row, key, g[key], w.cells[key])


def test_read_table_examples():
    """A numbering row, a budget code, numbers typed and numeric, a blank line and a total,
    read by hand: what the generated grids are compared on, written out once."""
    header = [c.header for c in L.ANGGARAN.columns]
    grid = [header,
            [1.0, "2", 3.0, "4"],
            ["7.01.02.2.01.0001", "Sub  kegiatan", 1_500_000.0, "750.000", "", "50,00%"],
            [],
            ["", "", "", ""],
            ["", "JUMLAH", 1_500_000.0, 750_000.0]]
    rows, _m, _h = R.read_table(grid, L.ANGGARAN, "Anggaran", Path("x.xlsx"), R.AnggaranRow)
    assert [r.row for r in rows] == [3, 6]
    sub, total = rows
    assert sub.cells["kode"].value == "7.01.02.2.01.0001"
    assert sub.cells["kode"].parsed.level == "subkegiatan"
    assert sub.cells["uraian"].value == "Sub kegiatan"
    assert sub.cells["pagu"].value == 1_500_000.0 and sub.cells["pagu"].parsed.style == "number"
    assert sub.cells["realisasi"].value == 750_000.0
    assert sub.cells["realisasi"].parsed.style == "id"
    # sisa and the columns right of it are blank in every row: the table holds them once
    assert "sisa" not in sub.cells and list(sub.empty)[0] == "sisa"
    assert sub.empty is total.empty
    assert sub["sisa"].raw is None and sub["sisa"].cell == "E3" and sub.ref("sisa") == "E3"
    assert sub.get("sisa") == sub["sisa"] and sub.get("sisa").parsed.style == "none"
    # a report still pickles and copies (workers, the page): the table's rows share one
    # plain dict of their empty columns
    import copy
    import pickle

    for twin in (pickle.loads(pickle.dumps(rows)), copy.deepcopy(rows)):
        assert twin == rows and twin[0].empty == sub.empty and twin[0].empty is twin[1].empty
        assert twin[0]["sisa"] == sub["sisa"] and twin[0].ref("sisa") == "E3"
    # and so does a row of a table without such a column (the default: nothing left out)
    plain = R.AnggaranRow("Anggaran", 5, {})
    for twin in (pickle.loads(pickle.dumps(plain)), copy.deepcopy(plain)):
        assert twin == plain and twin.empty == {} and twin.get("sisa").cell is None
    assert sub.cells["persentase"].value == 50.0
    assert total.cells["kode"].raw is None and total.cells["uraian"].value == "JUMLAH"
    assert R._label_kind(total, L.ANGGARAN.label_keys, ("kode",)) == "total"
    assert R._label_kind(sub, L.ANGGARAN.label_keys, ("kode",)) is None


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_budget_labels_marked_as_label_kind_says(data):
    """_mark_budget_labels (a code typed as it should be answers before the call) marks
    each Anggaran row as _label_kind does, on generated tables and on rows left marked."""
    grid = data.draw(_grid(L.ANGGARAN))
    try:
        rows, _m, _h = R.read_table(grid, L.ANGGARAN, "Anggaran", Path("x.xlsx"),
                                    R.AnggaranRow)
    except OverflowError:
        return
    for r in rows:  # marked before: the marks are set anew, not kept
        r.is_total = r.is_average = data.draw(st.booleans())
    R._mark_budget_labels(rows)
    for r in rows:
        kind = R._label_kind(r, L.ANGGARAN.label_keys, ("kode",))
        assert (r.is_total, r.is_average) == (kind == "total", kind == "average"), r


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(_CELLS, max_size=8), _grid(L.ANGGARAN).map(lambda g: g[-1] if g else [])))
def test_numbering_row_short_way(cells):
    try:
        want = _numbering_reference(cells)
    except OverflowError:  # int(inf): the plain way raises, so does the short way
        with pytest.raises(OverflowError):
            R._is_numbering_row(cells)
        return
    assert R._is_numbering_row(cells) == want


_codes = st.builds(
    lambda segs, sep: sep.join(segs),
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=5), min_size=1, max_size=7),
    st.sampled_from([".", ". ", ","]),
)


@settings(max_examples=400, deadline=None)
@given(_codes)
def test_canonical_codes_read_as_the_general_way(text):
    assert parse_code(text) == _parse_code_text(text)


@pytest.mark.parametrize("text", ["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001",
                                  "0.00.00.0.00.0000"])
def test_a_code_typed_canonically_is_made_as_the_constructor_makes_it(text):
    """parse_code makes such a code field by field: the same as the constructor's, and as
    the general way reads it."""
    got = parse_code(text)
    want = BudgetCode(text, text, level=LEVELS[text.count(".") + 1])
    for other in (want, _parse_code_text(text)):
        assert type(got) is type(other) and got == other and hash(got) == hash(other)
        assert repr(got) == repr(other)


@dataclasses.dataclass(frozen=True)
class _DataclassCode:
    canonical: str | None
    raw: object
    level: str | None = None
    irregular: bool = False
    error: str | None = None
    name: str | None = None


@settings(max_examples=300, deadline=None)
@given(st.one_of(_codes, st.sampled_from(["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001",
                                          "1.02.03.4.05.0006", "7.01.02.2.01.0001 Nama"])))
def test_a_codes_parent_is_cut_once_as_the_segments_say(text):
    """A code typed canonically gets its parent when made, cut at the widths' fixed place;
    any other code when first asked: both as the definition says (its first five segments
    of six, its first three of five), interned (the sub kegiatan of one kegiatan share
    one string), kept through pickling and copying."""
    import copy
    import pickle

    code = parse_code(text)
    segs = code.canonical.split(".") if code.canonical else []
    want = ".".join(segs[:5]) if len(segs) == 6 else ".".join(segs[:3]) \
        if len(segs) == 5 else None
    assert code.parent == want and code.parent is code.parent
    if want is not None:
        assert code.parent is parse_code("".join(list(code.canonical))).parent
    for twin in (pickle.loads(pickle.dumps(code)), copy.deepcopy(code), copy.copy(code)):
        assert twin == code and twin.parent == want
    fresh = BudgetCode(code.canonical, text, code.level)  # the constructor: asked later
    assert fresh._parent is ... and fresh.parent == want and fresh._parent == want


@pytest.mark.parametrize("odd", [None, "7.01.02.2.01.001", "7.01.02.2.01.0001 ", "7.1.02",
                                 "\u0667.\u0660\u0661.\u0660\u0662", "7.01\n.02", 7.0,
                                 "7.01.02.2.01.00001", "7.01.02.2.01", "70.1.02", ""])
def test_a_column_of_canonical_codes_reads_as_code_by_code(odd):
    """canonical_codes (a column asked at once whether every code is typed canonically)
    gives what parse_code gives code by code, or declines (None) where one is not (a
    width off, a space, Arabic-Indic digits that the pattern's \\d takes code by code, a
    newline, a number), and blanks read as the blank code."""
    import random

    rng = random.Random(7)
    codes = [f"7.{p:02d}.{k:02d}.2.{s:02d}.{t:04d}"[:rng.choice((7, 12, 17))]
             for p, k, s, t in ((rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99),
                                 rng.randint(0, 9999)) for _ in range(200))]
    raws = codes + [None] + codes[:5]
    blank = parse_code(None)
    assert canonical_codes(raws, blank) == [blank if v is None else parse_code(v)
                                            for v in raws]
    raws.insert(100, odd)
    want = [blank if v is None else parse_code(v) for v in raws]
    got = canonical_codes(raws, blank)
    canonical = odd is None or odd in ("7.01.02.2.01",)  # a kegiatan's code, as typed
    if canonical:
        assert got == want
        assert [c.parent for c in got] == [c.parent for c in want]
        assert [c.level for c in got] == [c.level for c in want]
    else:
        assert got is None
    # and the reader, which asks a long column at once, reads it as code by code
    values, parsed = R._parse_column("code", raws, {})
    assert parsed == want and values == [c.canonical for c in want]


def test_budget_code_compares_hashes_and_prints_as_the_dataclass_did():
    a = BudgetCode("7.01.02", "7.1.2", level="program", irregular=True)
    ref = _DataclassCode("7.01.02", "7.1.2", level="program", irregular=True)
    assert repr(a) == repr(ref).replace("_DataclassCode", "BudgetCode")
    assert hash(a) == hash(ref)
    assert a == BudgetCode("7.01.02", "7.1.2", "program", True)
    assert a != BudgetCode("7.01.02", "7.1.2", "program", False)
    assert a != ref


def test_repeated_amounts_share_their_reading_and_zero_keeps_its_sign():
    """A column of repeated amounts makes each value's Number once; -0.0 is not 0.0."""
    header = [c.header for c in L.ANGGARAN.columns]
    body = [["7.01.01", "Program", 5_000_000.0, v, "", ""] for v in
            [1.0, 2.0, 0.0, -0.0, 0.0, -0.0, 1.0, 1.0, 1.0, 1.0, math.nan]]
    rows, _m, _h = R.read_table([header, *body], L.ANGGARAN, "Anggaran", Path("x.xlsx"),
                                R.AnggaranRow)
    pagu = [r.cells["pagu"].parsed for r in rows]
    assert all(p is pagu[0] for p in pagu) and pagu[0].value == 5_000_000.0
    real = [r.cells["realisasi"] for r in rows]
    typed = ["1.0", "2.0", "0.0", "-0.0", "0.0", "-0.0", "1.0", "1.0", "1.0", "1.0", "None"]
    assert [repr(v.value) for v in real] == typed
    assert [repr(v.parsed.value) for v in real] == typed
    assert real[0].parsed is real[9].parsed
    # cells is a plain dict, changed as any dict is
    cells = rows[0].cells
    cells["sisa"] = real[0]
    assert type(cells) is dict and list(cells)[:5] == ["kode", "uraian", "pagu", "realisasi",
                                                       "sisa"]
    assert cells["sisa"] is real[0] and dict(cells) == cells


def _zip_files():
    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "sample_workbooks").glob("*.xlsx")) + \
        sorted(p for p in (root / "tests" / "corpus").iterdir() if p.suffix == ".xlsx")
    return [p for p in paths if zipfile.is_zipfile(p)]


def test_members_read_as_zipfile_reads_them(tmp_path):
    """formulas._member reads a member straight from the file; it gives what zipfile
    gives, and fails where zipfile fails (a damaged member, bzip2, encrypted)."""
    from lkj_excel.formulas import _member

    def both(path, name, straight=False):
        with open(path, "rb") as fh, zipfile.ZipFile(fh) as z:
            try:
                want = z.read(name)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
                with pytest.raises(type(exc)):
                    _member(fh, z, name)
                return "error"
            if straight:
                z.read = None  # read straight from the file, not through zipfile
            assert _member(fh, z, name) == want
            return "same"

    checked = 0
    for path in _zip_files():
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
        for name in names:
            # the samples are ordinary files: every member read straight from the file
            both(path, name, straight=path.parent.name == "sample_workbooks")
            checked += 1
    assert checked > 100
    made = tmp_path / "methods.zip"
    with zipfile.ZipFile(made, "w") as z:
        z.writestr("stored.xml", b"<c r=\"A1\"><v>1</v></c>" * 50, zipfile.ZIP_STORED)
        z.writestr("deflated.xml", b"<c r=\"XFD1\"><f>A1</f></c>" * 50, zipfile.ZIP_DEFLATED)
        z.writestr("bzip2.xml", b"<c/>" * 50, zipfile.ZIP_BZIP2)
        z.writestr("empty.xml", b"", zipfile.ZIP_DEFLATED)
    assert [both(made, n, straight=n != "bzip2.xml")
            for n in ("stored.xml", "deflated.xml", "bzip2.xml", "empty.xml")] == ["same"] * 4
    # a damaged member: one byte of its compressed data changed
    data = bytearray(made.read_bytes())
    with zipfile.ZipFile(made) as z:
        info = z.getinfo("deflated.xml")
    data[info.header_offset + 30 + len("deflated.xml") + 5] ^= 0x55
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    assert both(damaged, "deflated.xml") == "error"
    # a stored member changed: it reads, but its CRC no longer matches
    with zipfile.ZipFile(made) as z:
        info = z.getinfo("stored.xml")
    data = bytearray(made.read_bytes())
    data[info.header_offset + 30 + len("stored.xml") + 7] ^= 0x01
    damaged.write_bytes(bytes(data))
    assert both(damaged, "stored.xml") == "error"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABCXZ", min_size=1, max_size=4), st.integers(1, 20_000_000))
def test_far_cells_are_found_by_their_hint(letters, row):
    """formulas._FAR_HINT, the quick look for a cell beyond column ZZ or row 999,999, finds
    every cell that formulas._FAR (the exact look) finds."""
    from lkj_excel.formulas import _FAR, _FAR_HINT, _scan_sheet

    xml = f'<row r="{row}"><c r="{letters}{row}" s="1"><v>1</v></c></row>'.encode()
    far = re.search(_FAR, xml) is not None
    assert far == ((len(letters) == 3 and row >= 1) or (len(letters) <= 2 and row >= 10**6))
    if far:
        assert _FAR_HINT.search(xml)
        assert _scan_sheet(b'<c r="A1"><v>2</v></c>' + xml).extent is not None


def test_the_shared_zip_directory_answers_as_zipfile_does(tmp_path):
    """formulas.directory reads a file's zip directory once for the reader's sniffing and
    the scan: the same entries as ZipFile.infolist(), the same entry per name as
    ZipFile.getinfo (the last of a repeated name), the same members read through it, and
    the same error for a file that is not a zip."""
    import warnings

    from lkj_excel import formulas

    def entry(i):
        return (i.filename, i.header_offset, i.file_size, i.compress_size, i.CRC)

    doubled = tmp_path / "doubled.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the repeated name
        with zipfile.ZipFile(doubled, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("a.xml", b"<first/>")
            z.writestr("a.xml", b"<second/>" * 20)
    for path in [*_zip_files(), doubled]:
        with zipfile.ZipFile(path) as z, open(path, "rb") as fh:
            assert [entry(i) for i in formulas.directory(path)] == \
                [entry(i) for i in z.infolist()]
            members = formulas._Members(str(path))
            for name in z.namelist():
                assert entry(members.getinfo(name)) == entry(z.getinfo(name))
                assert formulas._member(fh, members, name) == z.read(name)
                assert members.read(name) == z.read(name)
    not_zip = tmp_path / "bukan.xlsx"
    not_zip.write_bytes(b"PK\x03\x04 bukan zip")
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(not_zip)
    with pytest.raises(zipfile.BadZipFile):
        formulas.directory(not_zip)


def test_nested_quiet_blocks_silence_stderr_until_the_outermost_ends():
    """read_report silences file descriptor 2 once around all its sheets; read_grid's own
    block inside it then does nothing, and descriptor 2 comes back when the outer block
    ends, as it was."""
    import os

    def where():
        st = os.fstat(2)
        return st.st_dev, st.st_ino

    devnull = os.stat(os.devnull)
    before = where()
    with R._quiet_stderr():
        assert where() == (devnull.st_dev, devnull.st_ino)
        with R._quiet_stderr():
            assert where() == (devnull.st_dev, devnull.st_ino)
        assert where() == (devnull.st_dev, devnull.st_ino)
    assert where() == before
    with pytest.raises(KeyError), R._quiet_stderr(), R._quiet_stderr():
        raise KeyError("x")
    assert where() == before and R._quiet_depth == 0


def test_overlapping_quiet_blocks_in_two_threads_restore_stderr_once():
    """``lkj buka`` reads in several threads: A enters, B enters, A leaves, B leaves.
    Descriptor 2 stays silenced until B leaves, then comes back as it was, and a later
    block silences again (a depth left below zero would never redirect again)."""
    import os
    import threading

    def where():
        st = os.fstat(2)
        return st.st_dev, st.st_ino

    devnull = os.stat(os.devnull)
    silent = (devnull.st_dev, devnull.st_ino)
    before = where()
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def a():
        with R._quiet_stderr():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def b():
        a_in.wait(5)
        with R._quiet_stderr():
            b_in.set()
            a_out.wait(5)
            seen["b after a left"] = where()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen["b after a left"] == silent
    assert where() == before and R._quiet_depth == 0
    with R._quiet_stderr():
        assert where() == silent
    assert where() == before


def test_a_member_whose_local_name_differs_is_refused_as_zipfile_refuses_it(tmp_path):
    import zipfile

    from lkj_excel import formulas

    p = tmp_path / "a.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<x>" + b"a" * 400 + b"</x>")
    data = bytearray(p.read_bytes())
    at = data.find(b"PK\x03\x04")
    n = int.from_bytes(data[at + 26:at + 28], "little")
    data[at + 30 + n - 5] = ord("9")  # the local header now names sheet9.xml
    p.write_bytes(bytes(data))
    with zipfile.ZipFile(p) as z, open(p, "rb") as fh:
        with pytest.raises(zipfile.BadZipFile):
            z.read("xl/worksheets/sheet1.xml")
        with pytest.raises(zipfile.BadZipFile):
            formulas._member(fh, z, "xl/worksheets/sheet1.xml")


def test_layout_specs_are_looked_up_by_identity_and_read_as_made_afresh():
    """reader._header_index and reader._form_labels keep each spec's answer by the spec's
    identity (hashing a spec hashes all its fields): each answers what its function makes
    from the spec afresh, and a new spec - equal or not - gets its own answer."""
    import copy

    specs = [*L.TABLE_SHEETS, L.PERBANDINGAN_PER_TAHUN]
    for spec in specs:
        assert R._header_index(spec) == R._header_index.__wrapped__(spec)
    for form in (L.IDENTITAS, L.PENGATURAN):
        assert R._form_labels(form) == R._form_labels.__wrapped__(form)
    changed = copy.copy(L.ANGGARAN)
    changed.columns = (L.Column("pagu", "Anggaran Murni"), *L.ANGGARAN.columns[1:])
    assert R._header_index(changed)[0]["anggaran murni"] == "pagu"
    assert "anggaran murni" not in R._header_index(L.ANGGARAN)[0]
    form = copy.copy(L.IDENTITAS)
    form.value_header = "Isi"
    assert R._form_labels(form)[1] == "isi" and R._form_labels(L.IDENTITAS)[1] == "nilai"
    grid = [["Isian", "Isi"], ["Nama Unit Kerja", "Seksi Tapem"]]
    assert R.read_form(grid, form, "Identitas")["unit"].value == "Seksi Tapem"


def _find_header_reference(grid, spec, start=0, stop=None):
    """find_header as it was before its texts were remembered (git 1b546df)."""
    from lkj_excel.parsing import normalise_text

    exact, syn = R._header_index(spec)
    best = None
    stop = min(len(grid), stop if stop is not None else start + L.HEADER_SEARCH_ROWS)
    for r in range(start, stop):
        texts = [(c, normalise_text(t)) for c, t in enumerate(grid[r])
                 if isinstance(t, str) and t.strip()]
        if not texts:
            continue
        mapping, taken = {}, set()
        for table in (exact, syn):
            for c, t in texts:
                key = table.get(t)
                if key is not None and key not in mapping and c not in taken:
                    mapping[key] = c
                    taken.add(c)
        if mapping and (best is None or len(mapping) > len(best[1])):
            best = (r, mapping)
            if len(mapping) == len(spec.columns):
                break
    return best


def _read_form_reference(grid, spec, sheet_name):
    """read_form as it was before its texts were remembered (git 1b546df)."""
    from lkj_excel.parsing import normalise_text, parse_quarter

    labels, value_header = R._form_labels(spec)
    value_col = None
    for row in grid[: L.HEADER_SEARCH_ROWS]:
        for c, text in enumerate(row):
            if isinstance(text, str) and normalise_text(text) == value_header:
                value_col = c
                break
        if value_col is not None:
            break
    out = {}
    for r, row in enumerate(grid):
        for c in range(min(max(3, (value_col or 0)), len(row))):
            text = row[c]
            if not isinstance(text, str):
                continue
            f = labels.get(normalise_text(text.rstrip(":")))
            if f is None or f.key in out:
                continue
            vc = value_col if value_col is not None and value_col > c else c + 1
            raw = R._cell(grid, r, vc)
            value, parsed = R._parse(f.kind, raw)
            if f.key == "triwulan":
                value = parse_quarter(raw)
            elif f.key == "tahun" and parsed is not None and parsed.value is not None:
                y = parsed.value
                value = int(y) if float(y).is_integer() and R.YEARS[0] <= y <= R.YEARS[1] \
                    else None
            out[f.key] = Value(value, raw, sheet_name, a1(r, vc), parsed)
            break
    for f in spec.fields:
        if f.key not in out:
            out[f.key] = Value(None, None, sheet_name, None)
    return out


_TABLE_SPECS = [*L.TABLE_SHEETS, L.PERBANDINGAN_PER_TAHUN, L.PREDIKAT_TABLE, L.LIBUR_TABLE]


def _header_words(spec):
    return [t for c in spec.columns for t in (c.header, *c.synonyms)]


def _check_headers_and_forms(grid):
    for spec in _TABLE_SPECS:
        assert R.find_header(grid, spec) == _find_header_reference(grid, spec), spec.name
        stop = min(len(grid), 200)  # every row, as Pengaturan's tables are searched
        assert R.find_header(grid, spec, 0, stop) == \
            _find_header_reference(grid, spec, 0, stop), spec.name
        assert R.find_header(grid, spec, 2, 9) == _find_header_reference(grid, spec, 2, 9)
    for form in (L.IDENTITAS, L.PENGATURAN):
        got = R.read_form(grid[:200], form, form.name)
        want = _read_form_reference(grid[:200], form, form.name)
        assert list(got) == list(want)
        assert all(_same(got[k], want[k]) for k in want), form.name


def _workbook_grids():
    files = sorted((Path(__file__).parent.parent / "sample_workbooks").glob("*.xlsx"))
    files += sorted((Path(__file__).parent / "corpus").glob("*.xls*"))
    for f in files:
        grids = {}
        try:
            R.read_report(f, grids=grids)
        except Exception:  # noqa: BLE001 - the corpus holds files that cannot be read
            continue
        yield from grids.values()


def test_headers_and_forms_found_as_the_long_way_finds_them(monkeypatch):
    """find_header and read_form look a text up in what they remember of it
    (reader._TextMemo): on every sheet of the samples and the corpus, each table's header
    and each form read as the long way reads them, with the memory kept and with it
    forgotten every few texts."""
    grids = list(_workbook_grids())
    assert len(grids) > 60
    for grid in grids:
        _check_headers_and_forms(grid)
    monkeypatch.setattr(R, "MEMO_TEXTS", 3)
    for grid in grids[:30]:
        _check_headers_and_forms(grid)


_HEADER_TEXTS = st.one_of(
    st.sampled_from([w for s in _TABLE_SPECS for w in _header_words(s)]).flatmap(
        lambda w: st.sampled_from([w, w.upper(), f" {w} ", w + ":", w.replace(" ", "  ")])),
    st.sampled_from([f.label for form in (L.IDENTITAS, L.PENGATURAN) for f in form.fields]
                    + ["Nilai", "NILAI ", "Isian", "Tahun:", "Triwulan :"]),
    st.sampled_from(["", " ", "\u00a0", "-", CellError("#REF!"), None, 1.0, 2024.0, "TW III"]),
    st.text(alphabet=" abcNo.:%()-", max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_HEADER_TEXTS, max_size=7), max_size=18))
def test_generated_headers_and_forms_found_as_the_long_way_finds_them(grid):
    _check_headers_and_forms(grid)
