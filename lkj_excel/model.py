"""The typed model of one LKj report.

Every value remembers where it came from (sheet and A1 cell) and what was typed, so that a
finding can name the cell and quote the user, and the finalised workbook can keep the typed
text beside the corrected value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import repeat
from operator import attrgetter, itemgetter

from .parsing import BudgetCode, DateValue, NipInfo, Number
from .record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any


@cache
def col_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA". Remembered: every cell address of a table asks."""
    s = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        s = chr(65 + rem) + s
    return s


def a1(row: int, col: int) -> str:
    """Zero-based row/col -> "B3"."""
    return f"{col_letter(col)}{row + 1}"


def row_number(a1: str | None) -> int | None:
    """The row of an A1 address ("C12" -> 12)."""
    digits = (a1 or "").lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() else None


class Value(Record):
    """One cell: the parsed reading ``value``, the ``raw`` cell content as typed, its
    position, and the full parse result in ``parsed`` (a Number, DateValue, ...).

    Immutable by convention. A slotted class rather than a frozen dataclass: a large
    report has a million of them, and a frozen dataclass takes three times as long to make
    and twice the memory. Equality and hashing are the dataclass's (all five fields).

    ``cell`` is the A1 address ("B3"), or None. The reader passes it in two parts instead,
    the column's letters as ``cell`` and the 1-based row number as ``row`` (both shared
    by a column's or a row's cells), and the address is made when asked for: a new
    "B12345" string for each of a large table's million cells was a fifth of a held
    report's memory, and few cells' addresses are ever read (issue 17). ``row`` is the
    cell's row either way (read from the address when given whole), so that a walk over
    every cell looking for a few rows makes no address."""

    __slots__ = ("value", "raw", "sheet", "_cell", "row", "parsed")
    _fields = ("value", "raw", "sheet", "cell", "parsed")

    def __init__(self, value: Any, raw: Any, sheet: str, cell: str | None,
                 parsed: Any = None, row: int | None = None):
        self.value = value
        self.raw = raw
        self.sheet = sheet
        self._cell = cell
        #: The 1-based row of the cell (12 for "B12"), None without one.
        self.row = row if row is not None or cell.__class__ is not str else row_number(cell)
        self.parsed = parsed

    @property
    def cell(self) -> str | None:
        """The A1 address ("B3"), or None for a value that is no cell of the workbook."""
        cell = self._cell
        if self.row is None or cell is None or not cell.isalpha():
            return cell  # no address, no row, or the address given whole
        return f"{cell}{self.row}"

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    @property
    def blank(self) -> bool:
        from .parsing import is_blank

        return is_blank(self.raw)

    @property
    def text(self) -> str:
        """The typed content as a person would read it (:func:`text_of`)."""
        return text_of(self.raw)

    @property
    def display(self) -> str:
        """The typed content as a person reads it, the Indonesian way: a number 13425000 ->
        "13.425.000", 0.385 in a percent cell -> "38,50%", a date -> "15 Juli 2025"; text
        typed as text stays as typed. Use it wherever a cell is quoted to a person."""
        from .formatting import typed

        return typed(self.raw, self.parsed)

    @property
    def number(self) -> Number | None:
        return self.parsed if isinstance(self.parsed, Number) else None

    @property
    def error(self) -> str | None:
        return getattr(self.parsed, "error", None)


def text_of(raw: Any) -> str:
    """A cell's typed content as a person would read it (:attr:`Value.text`): for a walk
    that reads a table's columns (:class:`Columns`) without a Value."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    return str(raw)


class Addresses:
    """Cell addresses, (sheet, cell), to look for among many values: ``value in
    addresses`` without making every value's address (:attr:`Value.cell` is made when
    asked for). A value is matched first by its sheet, its address as kept (whole, or the
    column's letters) and its row; only a match is compared by its address."""

    __slots__ = ("wanted", "_kept")

    def __init__(self, wanted: set[tuple[str, str]]):
        self.wanted = wanted
        self._kept: set[tuple[str, str, int | None]] = set()
        for sheet, cell in wanted:
            n = row_number(cell)
            self._kept.add((sheet, cell, n))  # as given whole
            if n is not None:
                self._kept.add((sheet, cell.rstrip("0123456789"), n))  # as the reader keeps it

    def __contains__(self, v: Value) -> bool:
        return any(True for _ in self.among(((None, v),)))

    def among(self, items: Iterable[tuple[Any, Value]]) -> Iterator[tuple[Any, Value]]:
        """The (key, value) pairs of ``items`` whose value is at one of these addresses, in
        order: one loop, without a call a value (a call a value doubled typed_values'
        time at 100.000 rows)."""
        kept, wanted = self._kept, self.wanted
        for item in items:
            v = item[1]
            if (v.sheet, v._cell, v.row) in kept:
                cell = v.cell
                if cell and (v.sheet, cell) in wanted:
                    yield item


def values_at(values: Iterable[Value], wanted: set[tuple[str, str]]
              ) -> dict[tuple[str, str], Value]:
    """(sheet, cell) -> the value among ``values`` at each address of ``wanted`` (the last
    one when several)."""
    return {(v.sheet, v.cell): v
            for _, v in Addresses(wanted).among(zip(repeat(None), values))}


def empty(sheet: str, cell: str | None = None) -> Value:
    return Value(None, None, sheet, cell)


class Person(Record):
    """A person named on the Identitas sheet (pelapor, atasan): nama, NIP, pangkat, jabatan."""

    __slots__ = ("nama", "nip", "pangkat", "jabatan")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, nama: Value, nip: Value, pangkat: Value, jabatan: Value):
        self.nama = nama
        self.nip = nip
        self.pangkat = pangkat
        self.jabatan = jabatan


class Identity(Record):
    """The Identitas sheet: the unit, the period, the place and date, who reports and signs.
    ``revisi`` ("Revisi ke-") says which resending of the same report this is (blank: the
    first); ``alamat`` is the office's address, for the letterhead (kop) of the finalised
    report."""

    __slots__ = ("unit", "tingkat", "kecamatan", "kabupaten", "tahun", "triwulan", "sifat",
                 "jumlah_desa", "tempat", "tanggal", "pelapor", "atasan", "pk_tanggal",
                 "pk_pihak1_nama", "pk_pihak1_nip", "pk_pihak2_nama", "pk_pihak2_jabatan",
                 "revisi", "alamat")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, unit: Value, tingkat: Value, kecamatan: Value, kabupaten: Value,
                 tahun: Value, triwulan: Value, sifat: Value, jumlah_desa: Value,
                 tempat: Value, tanggal: Value, pelapor: Person, atasan: Person,
                 pk_tanggal: Value, pk_pihak1_nama: Value, pk_pihak1_nip: Value,
                 pk_pihak2_nama: Value, pk_pihak2_jabatan: Value,
                 revisi: Value | None = None, alamat: Value | None = None):
        self.unit = unit
        self.tingkat = tingkat
        self.kecamatan = kecamatan
        self.kabupaten = kabupaten
        self.tahun = tahun
        self.triwulan = triwulan
        self.sifat = sifat
        self.jumlah_desa = jumlah_desa
        self.tempat = tempat
        self.tanggal = tanggal
        self.pelapor = pelapor
        self.atasan = atasan
        self.pk_tanggal = pk_tanggal
        self.pk_pihak1_nama = pk_pihak1_nama
        self.pk_pihak1_nip = pk_pihak1_nip
        self.pk_pihak2_nama = pk_pihak2_nama
        self.pk_pihak2_jabatan = pk_pihak2_jabatan
        self.revisi = revisi
        self.alamat = alamat

    @property
    def year(self) -> int | None:
        v = self.tahun.value
        return int(v) if isinstance(v, (int, float)) else None

    @property
    def quarter(self) -> int | None:
        return self.triwulan.value

    @property
    def report_date(self) -> dt.date | None:
        return self.tanggal.value


class Row(Record):
    """Common to every table row: the sheet, the 1-based Excel row, and the cells.
    Slotted (here and in every row class): a large report has a hundred thousand rows.
    A row class with fields of its own sets them in its own constructor rather than
    through this one's (a call less for each of those rows)."""

    __slots__ = ("sheet", "row", "cells")
    __hash__ = None  # type: ignore[assignment]  # mutable
    #: Whether read_report leaves a column empty in every row out of ``cells``.
    leaves_out_empty_columns = False

    #: The table's columns that ``cells`` leaves out because they are empty in every row:
    #: key -> (the column's letters, value, parse result) of each of their cells (see
    #: :class:`AnggaranRow`). Nothing here: a row holds every column of its table.
    #: Shared by every row and never written; a plain dict, not a read-only proxy, so
    #: that a row (and a report) pickles and copies.
    empty: Mapping[str, tuple[str, Any, Any]] = {}

    def __init__(self, sheet: str, row: int, cells: dict[str, Value]):
        self.sheet = sheet
        self.row = row
        self.cells = cells

    def __getitem__(self, key: str) -> Value:
        v = self.cells.get(key)
        if v is None:
            if key not in self.empty:
                raise KeyError(key)
            return self.blank(key)
        return v

    def get(self, key: str) -> Value:
        v = self.cells.get(key)
        return v if v is not None else self.blank(key)

    def blank(self, key: str) -> Value:
        """The value of a cell ``cells`` does not hold: a cell of a column left :attr:`empty`
        in every row, made as the reader would have made it (equal and hash-equal each
        time, with its address), else a blank of no cell (a column the table lacks)."""
        made = self.empty.get(key)
        if made is None:
            return Value(None, None, self.sheet, None)
        letters, value, parsed = made
        return Value(value, None, self.sheet, letters, parsed, self.row)

    def ref(self, key: str) -> str | None:
        return self.get(key).cell


class PkRow(Row):
    __slots__ = ()

    @property
    def key(self) -> str:
        return str(self.get("no").text or self.row)


class TotalRow(Row):
    """A row of a table that may end in a total line (``is_total``)."""

    __slots__ = ("is_total",)

    def __init__(self, sheet: str, row: int, cells: dict[str, Value], is_total: bool = False):
        self.sheet = sheet
        self.row = row
        self.cells = cells
        self.is_total = is_total


class PkBudgetRow(TotalRow):
    """A row of the PK Anggaran table."""

    __slots__ = ()


class CapaianRow(Row):
    """A row of the Capaian table: an indicator, or its average or total line
    (``is_total``: a "Jumlah" line at the foot of the table, seed 001, not an indicator)."""

    __slots__ = ("is_average", "is_total")

    def __init__(self, sheet: str, row: int, cells: dict[str, Value],
                 is_average: bool = False, is_total: bool = False):
        self.sheet = sheet
        self.row = row
        self.cells = cells
        self.is_average = is_average
        self.is_total = is_total

    @property
    def polarity(self) -> str:
        """"negatif" for a lower-is-better indicator: Polaritas negatif, or Metode Capaian
        "tren turun"."""
        v = (self.get("polaritas").text or "").strip().lower()
        m = " ".join((self.get("metode").text or "").lower().split())
        return "negatif" if v.startswith("neg") or m == "tren turun" else "positif"

    @property
    def has_plan(self) -> bool:
        """Whether the row carries its rencana aksi (Target TW I-IV)."""
        from .parsing import is_blank

        return any(not is_blank(self.get(f"tw{k}").raw) for k in range(1, 5))


class Columns:
    """The typed cells of a table held column by column, not as a :class:`Value` a cell
    (issue 17: a 100.000-row Anggaran made 600.000 of them and a dict a row, and a check
    asks for the Values of a few thousand rows). For each column the reader kept, in table
    order: its letters, and row by row the value, the raw content and the parse result
    (``None`` for a column that parses nothing); ``numbers`` are the rows' 1-based Excel
    rows. A row of the table (:class:`AnggaranRow`) makes its cells' Values from here when
    first asked, as the reader made them before, and keeps them; a walk over every row
    reads the lists (:func:`columns_of`). Never changed after reading."""

    __slots__ = ("sheet", "columns", "numbers")

    def __init__(self, sheet: str, columns: dict[str, tuple[str, list, list, list | None]],
                 numbers: list[int]):
        self.sheet = sheet
        self.columns = columns
        self.numbers = numbers

    def cells(self, i: int) -> dict[str, Value]:
        """The Values of the ``i``-th row's cells, key -> Value, in column order."""
        sheet, n = self.sheet, self.numbers[i]
        return {k: Value(values[i], raws[i], sheet, letters,
                         None if parsed is None else parsed[i], n)
                for k, (letters, values, raws, parsed) in self.columns.items()}


_TABLE = attrgetter("table")
_INDEX = attrgetter("index")


def columns_of(rows: list[Row], keys: Iterable[str]) -> list[tuple[list, list]]:
    """(raw contents, parse results) of the cells ``keys`` of each of ``rows``, a pair of
    lists a key, as ``row.get(key)`` reads them (a blank cell for a column left empty or
    one the table lacks), without making a Value: picked from the rows' :class:`Columns`
    when they all have the same one, else read row by row (tests/test_column_walks.py
    compares the two)."""
    table = getattr(rows[0], "table", None) if rows else None
    if table is None or list(map(_TABLE, rows)).count(table) != len(rows):
        out = []
        for key in keys:
            got = [r.get(key) for r in rows]
            out.append(([v.raw for v in got], [v.parsed for v in got]))
        return out
    picks = list(map(_INDEX, rows))
    # the rows of the table in its order from one row on (every row, or all but the
    # total below them: most walks) are a slice of the lists; others are picked
    first, n = picks[0], len(picks)
    run = picks[-1] - first == n - 1 and picks == list(range(first, first + n))
    every = run and n == len(table.numbers)
    pick = None if run else itemgetter(*picks) if n > 1 else (lambda xs, i=first: (xs[i],))
    out = []
    for key in keys:
        col = table.columns.get(key)
        if col is None:  # left empty in every row (as the row makes it), or lacking
            blank = rows[0].blank(key)
            out.append(([blank.raw] * n, [blank.parsed] * n))
            continue
        raws, parsed = col[2], col[3]
        if parsed is None:
            parsed = [None] * len(table.numbers)
        out.append((raws, parsed) if every else
                   (raws[first:first + n], parsed[first:first + n]) if run else
                   (list(pick(raws)), list(pick(parsed))))
    return out


class AnggaranRow(Row):
    """A row of the Anggaran table: program, kegiatan, sub kegiatan or total.

    The one table that runs to a hundred thousand rows, and often with columns nobody
    fills (rencana triwulan, rencana TW I-IV, capaian keuangan): such a column, empty in
    every row, is not held in ``cells`` but described once for the table in ``empty``,
    shared by its rows (:meth:`Row.get`, ``row[key]`` and :meth:`Row.ref` answer its cells
    as before). Half of a large table's cells were such blanks, a ``Value`` of 80 bytes
    each (issue 17). ``cells.get(key)`` is None for them, as for a column the table lacks:
    a walk that reads only what was typed may ask ``cells``; one that needs a blank cell's
    address asks the row.

    read_report holds the other cells column by column (``table``, a :class:`Columns`;
    the row is its ``index``-th): ``cells`` is made from it when first asked, and kept
    (the same Values each time after)."""

    __slots__ = ("is_total", "is_average", "empty", "table", "index", "_cells")
    _fields = ("sheet", "row", "cells", "is_total", "is_average")
    #: read_report leaves a column empty in every row out of ``cells`` (see above)
    leaves_out_empty_columns = True

    def __init__(self, sheet: str, row: int, cells: dict[str, Value] | None,
                 is_total: bool = False, is_average: bool = False,
                 empty: Mapping[str, tuple[str, Any, Any]] = Row.empty,
                 table: Columns | None = None, index: int = 0):
        self.sheet = sheet
        self.row = row
        self._cells = cells
        self.is_total = is_total
        self.is_average = is_average
        self.empty = empty
        #: The table's cells by column, when ``cells`` is made from them (else None).
        self.table = table
        self.index = index

    @property
    def cells(self) -> dict[str, Value]:
        cells = self._cells
        if cells is None:
            cells = self._cells = self.table.cells(self.index)
        return cells

    @cells.setter
    def cells(self, cells: dict[str, Value]) -> None:
        self._cells = cells

    @property
    def code(self) -> BudgetCode | None:
        p = self.get("kode").parsed
        return p if isinstance(p, BudgetCode) and p.canonical else None

    @property
    def level(self) -> str | None:
        c = self.code
        return c.level if c else None


class DesaRow(Row):
    __slots__ = ()

    @property
    def weight(self) -> int:
        """How many desa the row stands for: 1, or its Jumlah Desa for a row that reports
        several desa at once ("10 desa, LPPDes tepat waktu", seed 004)."""
        return _weight(self.get("jumlah_desa"))


def _weight(v: Value) -> int:
    x = v.value
    if isinstance(x, (int, float)) and x == x and float(x).is_integer() and 0 <= x <= 100_000:
        return int(x)
    return 1


class FasilitasiRow(Row):
    __slots__ = ()

    @property
    def done(self) -> bool | None:
        return self.get("status").value

    @property
    def weight(self) -> int:
        """How many activities the row stands for: 1, or its Jumlah Kegiatan ("11 jenis
        fasilitasi dan 2 koordinasi", seed 002; the 23 activities seed 004 does not list)."""
        return _weight(self.get("jumlah"))


class EfisiensiRow(Row):
    __slots__ = ()


class PegawaiRow(Row):
    __slots__ = ()

    @property
    def nip(self) -> NipInfo | None:
        p = self.get("nip").parsed
        return p if isinstance(p, NipInfo) else None


class PerbandinganRow(Row):
    __slots__ = ()


class RekapPegawaiRow(TotalRow):
    """A line of a typed personnel summary (seed 003 Tabel 3.7-3.10)."""

    __slots__ = ()

    @property
    def tabel(self) -> str:
        return self.get("tabel").text.strip()


class TandaTanganRow(Row):
    """One signature written in the report (Kata Pengantar, PK, its annex, closing)."""

    __slots__ = ()


class NarasiRow(Row):
    __slots__ = ()

    @property
    def bagian(self) -> str:
        return self.get("bagian").text.strip()


class Settings(Record):
    """What domain.md says must be configurable, read from the Pengaturan sheet."""

    __slots__ = ("deadline_working_days", "extra_holidays", "predikat_scale",
                 "negative_formula", "efficiency_formula", "tolerance_points",
                 "tolerance_rupiah", "rkpdes_deadline", "apbdes_deadline", "lppdes_deadline",
                 "apbdes_year", "windows", "legal_basis", "cells", "problems")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, deadline_working_days: int = 5,
                 extra_holidays: tuple[dt.date, ...] = (),
                 predikat_scale: tuple[tuple[float, str], ...] = (),
                 negative_formula: str = "2T-R", efficiency_formula: str = "100-penyerapan",
                 tolerance_points: float = 0.01, tolerance_rupiah: float = 1.0,
                 rkpdes_deadline: tuple[int, int] = (30, 9),
                 apbdes_deadline: tuple[int, int] = (31, 12),
                 lppdes_deadline: tuple[int, int] = (31, 3),
                 apbdes_year: str = "tahun berikutnya",
                 windows: dict[str, tuple[tuple[int, int], tuple[int, int]]] | None = None,
                 legal_basis: str = "", cells: dict[str, Value] | None = None,
                 problems: tuple[tuple[str, str | None, str], ...] = ()):
        self.deadline_working_days = deadline_working_days
        self.extra_holidays = extra_holidays
        if not predikat_scale:
            from .layout import DEFAULT_PREDIKAT

            predikat_scale = DEFAULT_PREDIKAT
        self.predikat_scale = predikat_scale
        self.negative_formula = negative_formula
        self.efficiency_formula = efficiency_formula
        self.tolerance_points = tolerance_points
        self.tolerance_rupiah = tolerance_rupiah
        self.rkpdes_deadline = rkpdes_deadline
        self.apbdes_deadline = apbdes_deadline
        self.lppdes_deadline = lppdes_deadline
        #: "tahun berikutnya": the APBDes set during the report year (due 31 Dec of it);
        #: "tahun berjalan": the report year's APBDes (due 31 Dec of the year before).
        self.apbdes_year = apbdes_year
        #: Collection windows the office states: doc -> ((day, month), (day, month)).
        self.windows = {} if windows is None else windows
        #: The regulation that sets the deadline, named in findings ("" when not stated).
        self.legal_basis = legal_basis
        self.cells = {} if cells is None else cells
        #: Values that could not be used and were replaced by the default: (key, cell, why).
        self.problems = problems

    def predikat(self, capaian: float | None) -> str | None:
        """The band of a capaian in percent (the highest lower bound it reaches)."""
        if capaian is None:
            return None
        for lower, name in sorted(self.predikat_scale, reverse=True):
            if capaian >= lower - 1e-9:
                return name
        return sorted(self.predikat_scale)[0][1] if self.predikat_scale else None


def _rows_with(rows: list[Row], rows_where: Callable[[list], Iterable[int]]) -> list[Row]:
    """The rows of a table held by column, in order, that ``rows_where`` names in one of
    their columns' parse results (:func:`columns_of`)."""
    hits: set[int] = set()
    for _, parsed in columns_of(rows, list(rows[0].table.columns)):
        hits.update(rows_where(parsed))
    return [rows[i] for i in sorted(hits)]


class Report(Record):
    """One LKj workbook, read."""

    __slots__ = ("path", "sheets", "identity", "pk", "pk_budget", "capaian", "anggaran",
                 "desa", "fasilitasi", "efisiensi", "pegawai", "perbandingan", "settings",
                 "columns", "header_rows", "error_cells", "uncached_formulas", "narasi",
                 "rekap_pegawai", "tanda_tangan")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, path: str, sheets: tuple[str, ...], identity: Identity,
                 pk: list[PkRow], pk_budget: list[PkBudgetRow], capaian: list[CapaianRow],
                 anggaran: list[AnggaranRow], desa: list[DesaRow],
                 fasilitasi: list[FasilitasiRow], efisiensi: list[EfisiensiRow],
                 pegawai: list[PegawaiRow], perbandingan: list[PerbandinganRow],
                 settings: Settings, columns: dict[str, dict[str, int]] | None = None,
                 header_rows: dict[str, int] | None = None,
                 error_cells: list[tuple[tuple[str, str], Any]] | None = None,
                 uncached_formulas: list[tuple[str, str]] | None = None,
                 narasi: list[NarasiRow] | None = None,
                 rekap_pegawai: list[RekapPegawaiRow] | None = None,
                 tanda_tangan: list[TandaTanganRow] | None = None):
        self.path = path
        self.sheets = sheets
        self.identity = identity
        self.pk = pk
        self.pk_budget = pk_budget
        self.capaian = capaian
        self.anggaran = anggaran
        self.desa = desa
        self.fasilitasi = fasilitasi
        self.efisiensi = efisiensi
        self.pegawai = pegawai
        self.perbandingan = perbandingan
        self.settings = settings
        #: Where each table's columns ended up: sheet -> key -> 0-based column index.
        self.columns = {} if columns is None else columns
        #: 1-based header row of each table sheet.
        self.header_rows = {} if header_rows is None else header_rows
        #: Cells holding an error value (#DIV/0!, #REF!): ((sheet, "B3"), the CellError).
        self.error_cells = [] if error_cells is None else error_cells
        #: Formula cells saved without a computed value (they read as empty).
        self.uncached_formulas = [] if uncached_formulas is None else uncached_formulas
        #: The Narasi sheet: the document's narrative, one paragraph or point per row.
        self.narasi = [] if narasi is None else narasi
        #: Typed personnel summaries (sheet Rekap Pegawai).
        self.rekap_pegawai = [] if rekap_pegawai is None else rekap_pegawai
        #: Every signature written in the report (sheet Tanda Tangan).
        self.tanda_tangan = [] if tanda_tangan is None else tanda_tangan

    @property
    def capaian_rows(self) -> list[CapaianRow]:
        return [r for r in self.capaian if not (r.is_average or r.is_total)]

    @property
    def capaian_average(self) -> CapaianRow | None:
        return next((r for r in self.capaian if r.is_average), None)

    @property
    def capaian_total(self) -> CapaianRow | None:
        return next((r for r in self.capaian if r.is_total), None)

    @property
    def anggaran_rows(self) -> list[AnggaranRow]:
        return [r for r in self.anggaran if not (r.is_total or r.is_average)]

    @property
    def anggaran_total(self) -> AnggaranRow | None:
        return next((r for r in self.anggaran if r.is_total), None)

    @property
    def anggaran_average(self) -> AnggaranRow | None:
        return next((r for r in self.anggaran if r.is_average), None)

    @property
    def pk_budget_rows(self) -> list[PkBudgetRow]:
        return [r for r in self.pk_budget if not r.is_total]

    @property
    def pk_budget_total(self) -> PkBudgetRow | None:
        return next((r for r in self.pk_budget if r.is_total), None)

    def all_values(self, rows_where: Callable[[list], Iterable[int]] | None = None,
                   at_rows: set[int] | None = None):
        """Every Value in the model (identity fields and table cells), but for the cells of
        a column left empty in every row of a table (:attr:`Row.empty`): all blank, none
        holds anything to look for.

        A table held by column (:class:`Columns`) gives only the Values of the rows the
        caller may look for (the others make none), and the caller still picks among the
        values it is given: ``rows_where``, given a column's parse results (a list a
        column, row by row), names the indexes of those it looks for; ``at_rows``, the
        1-based Excel rows of the cells it looks for."""
        ident = self.identity
        for f in ident._fields:
            v = getattr(ident, f)
            if isinstance(v, Value):
                yield v
            elif isinstance(v, Person):
                yield from (v.nama, v.nip, v.pangkat, v.jabatan)
        for rows in (self.pk, self.pk_budget, self.capaian, self.anggaran, self.desa,
                     self.fasilitasi, self.efisiensi, self.pegawai):
            if rows is self.anggaran and rows and getattr(rows[0], "table", None) is not None:
                if rows_where is not None:
                    rows = _rows_with(rows, rows_where)
                if at_rows is not None:
                    rows = [r for r in rows if r.row in at_rows]
            for r in rows:
                yield from r.cells.values()
        # A wide Perbandingan row is read as one row per year sharing cells: each once.
        # (Only there: remembering every address of a 100,000-row Anggaran cost more
        # time and memory than the rest of this walk.)
        seen: set[tuple[str, str]] = set()
        for r in self.perbandingan:
            for v in r.cells.values():
                if v.cell:
                    key = (v.sheet, v.cell)
                    if key in seen:
                        continue
                    seen.add(key)
                yield v
        for rows in (self.rekap_pegawai, self.tanda_tangan):
            for r in rows:
                yield from r.cells.values()

    def date_of(self, v: Value) -> dt.date | None:
        p = v.parsed
        return p.value if isinstance(p, DateValue) else None
