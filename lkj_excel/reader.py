"""Workbook -> Report, with python-calamine.

python-calamine is read directly rather than through ``pandas.read_excel``: it gives the
cell grid with absolute positions (needed for every finding's cell address), reads .xlsx,
.xlsm, .xls and .ods, and is several times faster than going through pandas (see
``bench/read_bench.py``). Bad cells never raise here: their parse result carries the error
and the NIL rules report it. Only a file that cannot be used at all raises an LkjError.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import stat
import sys
import threading
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import repeat
from operator import attrgetter, itemgetter
from pathlib import Path

from . import layout as L
from .errors import MissingColumn, MissingSheet, UnreadableWorkbook
from .gcpause import pausing
from .model import (
    AnggaranRow,
    CapaianRow,
    Columns,
    DesaRow,
    EfisiensiRow,
    FasilitasiRow,
    Identity,
    NarasiRow,
    PegawaiRow,
    PerbandinganRow,
    Person,
    PkBudgetRow,
    PkRow,
    RekapPegawaiRow,
    Report,
    Row,
    Settings,
    TandaTanganRow,
    Value,
    a1,
    col_letter,
    columns_of,
)
from .parsing import (
    BudgetCode,
    CellError,
    DocStatusWord,
    Number,
    canonical_codes,
    doc_status_word,
    is_blank,
    normalise_text,
    numeric_cell,
    parse_code,
    parse_date,
    parse_nip,
    parse_number,
    parse_percent,
    parse_quarter,
    parse_yes_no,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any

    Grid = list[list[Any]]

SUPPORTED = (".xlsx", ".xlsm", ".xls", ".ods")
#: A report year outside this range is not a year (IDN007 reports it).
YEARS = (2000, 2100)
#: Refuse archives that would expand beyond this (a zip bomb), before expanding anything.
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200


# ---------------------------------------------------------------------------------------
# Opening the file
# ---------------------------------------------------------------------------------------


def _sniff(path: Path) -> str:
    """Reject what is not a usable spreadsheet, with a reason a person understands; return
    the real format ("xlsx", "xls" or "ods") read from the content."""
    name = path.name
    if not path.exists():
        raise UnreadableWorkbook(f"Berkas '{name}' tidak ditemukan.", path)
    if path.is_dir():
        raise UnreadableWorkbook(f"'{name}' adalah folder, bukan berkas Excel.", path)
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError:
        regular = True  # reported below when it is opened
    if not regular:  # a named pipe would block reading forever
        raise UnreadableWorkbook(
            f"'{name}' bukan berkas biasa (pipa bernama atau perangkat), jadi tidak dibaca; "
            "simpan laporannya sebagai berkas lalu coba lagi.", path)
    if name.startswith("~$"):
        raise UnreadableWorkbook(
            f"'{name}' adalah berkas kunci sementara Excel, bukan laporan. Buka berkas "
            "aslinya (tanpa ~$ di depan namanya).", path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise UnreadableWorkbook(
            f"Berkas '{name}' bukan buku kerja Excel (.xlsx, .xlsm, .xls atau .ods).", path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise UnreadableWorkbook(f"Berkas '{name}' tidak dapat dibuka: {exc.strerror}.", path) \
            from None
    if size == 0:
        raise UnreadableWorkbook(f"Berkas '{name}' kosong (0 byte).", path)
    # The real format comes from the content, not the name: an .xls saved under an .xlsx
    # name (or the other way round) is read as what it is.
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _check_ole(path)
    if head.startswith(b"PK\x03\x04"):
        return _check_zip(path, ext)
    kind = _text_kind(head)
    if kind:
        raise UnreadableWorkbook(
            f"Berkas '{name}' sebenarnya {kind} yang diberi nama {ext}, bukan buku kerja Excel. "
            "Buka berkas itu di Excel, pilih Simpan Sebagai > Buku Kerja Excel (.xlsx), lalu "
            "coba lagi.", path)
    if ext == ".xls":
        raise UnreadableWorkbook(
            f"Berkas '{name}' bukan buku kerja Excel 97-2003 (.xls) yang sah.", path)
    raise UnreadableWorkbook(
        f"Berkas '{name}' bukan buku kerja Excel yang sah (isinya bukan format "
        f"{ext}). Mungkin berkas lain yang diganti namanya.", path)


def _text_kind(head: bytes) -> str | None:
    """What a text file saved as a spreadsheet is: web exports often write an HTML table
    or Excel 2003 XML and call it .xls; a CSV is sometimes renamed."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
            return "lembar kerja XML Excel 2003"
        if b"<html" in text or b"<table" in text or b"<!doctype html" in text:
            return "halaman web (HTML)"
        return None
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [ln for ln in decoded.splitlines()[:5] if ln.strip()]
    if len(lines) >= 2 and all(ln.count(";") >= 2 or ln.count(",") >= 2 for ln in lines):
        return "teks CSV"
    return None


def _ole_names(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(64 * 1024 * 1024)
    except OSError:
        return b""


def _check_ole(path: Path) -> str:
    """An OLE2 container: an encrypted Office file, an Excel 97-2003 workbook, or another
    Office document."""
    name = path.name
    data = _ole_names(path)

    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        raise UnreadableWorkbook(
            f"Berkas '{name}' dilindungi kata sandi (terenkripsi). Buka di Excel, hapus "
            "kata sandinya (File > Info > Lindungi Buku Kerja), simpan, lalu coba lagi.", path)
    if has("Workbook") or has("Book"):
        return "xls"
    if has("WordDocument"):
        kind = "dokumen Word lama (.doc)"
    elif has("PowerPoint Document"):
        kind = "presentasi PowerPoint lama (.ppt)"
    else:
        kind = "berkas Office lain"
    raise UnreadableWorkbook(
        f"Berkas '{name}' sebenarnya {kind} yang diberi nama {path.suffix}, bukan buku kerja "
        "Excel.", path)


def _check_zip(path: Path, ext: str) -> str:
    from .formulas import directory

    name = path.name
    try:
        infos = directory(path)
        names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableWorkbook(
            f"Berkas '{name}' rusak atau terpotong (tidak lengkap). Minta kirim ulang "
            "berkasnya atau simpan ulang dari Excel.", path) from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED or (total > 50 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise UnreadableWorkbook(
            f"Berkas '{name}' ditolak: isinya membengkak menjadi {total // (1024 * 1024)} MB "
            "bila dibuka (kemungkinan berkas berbahaya).", path)
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsx"
    if "content.xml" in names:
        if _zip_mimetype(path).endswith("spreadsheet") or "mimetype" not in names:
            return "ods"
        kind = "dokumen OpenDocument yang bukan lembar kerja (misalnya .odt)"
    elif ext == ".ods":
        raise UnreadableWorkbook(f"Berkas '{name}' bukan lembar kerja OpenDocument yang sah.",
                                 path)
    elif "word/document.xml" in names:
        kind = "dokumen Word (.docx)"
    elif "ppt/presentation.xml" in names:
        kind = "presentasi PowerPoint (.pptx)"
    else:
        kind = "arsip zip"
    raise UnreadableWorkbook(
        f"Berkas '{name}' sebenarnya {kind} yang diberi nama {ext}, bukan buku kerja Excel.",
        path)


def _zip_mimetype(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ""


_EXT_OF = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",), "ods": (".ods",)}


def open_workbook(path: str | os.PathLike) -> tuple[Any, list[str]]:
    """Open with python-calamine, mapping its errors to Indonesian messages."""
    import python_calamine as pc

    p = Path(path)
    kind = _sniff(p)
    try:
        with _quiet_stderr():
            if p.suffix.lower() in _EXT_OF[kind]:
                wb = _unpacked_workbook(p) if kind == "xlsx" else None
                if wb is None:
                    wb = pc.CalamineWorkbook.from_path(str(p))
            else:  # named as another format: calamine reads by content from a file object
                with open(p, "rb") as fh:
                    wb = pc.CalamineWorkbook.from_filelike(fh)
            names = list(wb.sheet_names)
    except pc.PasswordError:
        raise UnreadableWorkbook(
            f"Berkas '{p.name}' dilindungi kata sandi. Hapus kata sandinya lalu coba lagi.",
            p) from None
    except pc.CalamineError as exc:
        wb = _ods_without_layout_whitespace(p) if kind == "ods" else None
        if wb is None:
            raise UnreadableWorkbook(
                f"Berkas '{p.name}' tidak dapat dibaca sebagai buku kerja ({_short(exc)}). "
                "Simpan ulang dari Excel lalu coba lagi.", p) from None
        names = list(wb.sheet_names)
    except Exception as exc:  # calamine may raise plain errors for odd files
        raise UnreadableWorkbook(
            f"Berkas '{p.name}' tidak dapat dibaca sebagai buku kerja ({_short(exc)}).",
            p) from None
    except BaseException as exc:
        if not _is_panic(exc):
            raise
        raise UnreadableWorkbook(
            f"Berkas '{p.name}' tidak dapat dibaca sebagai buku kerja (pembaca berhenti pada "
            "nilai yang tidak mungkin).", p) from None
    return wb, names


def _unpacked_workbook(path: Path) -> Any:
    """calamine's workbook read from formulas.unpacked's copy of the file (every member
    inflated once, for the scan and for calamine), or None: no copy, or calamine does
    not take it (then it reads the file itself and says what is wrong)."""
    import io

    import python_calamine as pc

    from .formulas import unpacked

    data = unpacked(path)
    if data is None:
        return _spilled_workbook(path)
    try:
        return pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as exc:  # noqa: BLE001 - includes calamine panics
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return None


def _spilled_workbook(path: Path) -> Any:
    """calamine's workbook read from formulas.spilled's stored copy of a large workbook,
    or None (no copy, or calamine does not take it). The copy is removed at once: calamine
    keeps it open and reads a sheet when asked (a file removed while open stays readable
    through its handle; Rust opens files sharing their deletion on Windows too). Where it
    cannot be removed while open, the workbook is closed and the file read instead."""
    import python_calamine as pc

    from .formulas import remove_copy, spilled

    temp = spilled(path)
    if temp is None:
        return None
    try:
        wb = pc.CalamineWorkbook.from_path(temp)
    except BaseException as exc:  # noqa: BLE001 - includes calamine panics
        remove_copy(temp)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return None
    if not remove_copy(temp):
        wb.close()
        remove_copy(temp)
        return None
    return wb


def _ods_without_layout_whitespace(path: Path) -> Any:
    """gnumeric writes .ods with indented XML; python-calamine then fails ("Expecting
    'table-cell', found Text"). Whitespace right before a table tag is only layout: drop it
    and read the workbook from memory. None when that does not help either."""
    import io
    import re

    import python_calamine as pc

    try:
        buf = io.BytesIO()
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buf, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == "content.xml":
                    data = re.sub(rb">\s+(?=</?table:)", b">", data)
                zout.writestr(info, data)
        buf.seek(0)
        with _quiet_stderr():
            return pc.CalamineWorkbook.from_filelike(buf)
    except BaseException as exc:  # noqa: BLE001 - includes calamine panics
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


#: Open _quiet_stderr blocks, in every thread (the page reads in several), and the
#: descriptors the first one saved: only the last one out restores fd 2.
_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved: tuple[int, int] | None = None


@contextlib.contextmanager
def _quiet_stderr():
    """Silence file descriptor 2 while calamine runs: when its Rust code panics, the panic
    hook prints a Rust message (and with RUST_BACKTRACE a backtrace) before the exception
    reaches Python, and users must see only lkj's Indonesian message. Process-wide, so
    nested and overlapping blocks (``lkj buka`` reads in several threads) share one
    redirection: the first one in redirects, the last one out restores. A reader of many
    sheets so redirects once (five system calls) rather than per sheet."""
    global _quiet_depth, _quiet_saved
    with _quiet_lock:
        if _quiet_depth == 0:
            try:
                saved = os.dup(2)
                null = os.open(os.devnull, os.O_WRONLY)
            except OSError:
                saved = None
            else:
                sys.stderr.flush()
                os.dup2(null, 2)
                _quiet_saved = (saved, null)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0 and _quiet_saved is not None:
                saved, null = _quiet_saved
                _quiet_saved = None
                os.dup2(saved, 2)
                os.close(saved)
                os.close(null)


def _is_panic(exc: BaseException) -> bool:
    """python-calamine's Rust code can panic (e.g. on a date far out of range); pyo3 raises
    that as PanicException, which derives from BaseException, not Exception."""
    return type(exc).__name__ == "PanicException"


#: A sheet whose cells would span more than this is read sparsely (see formulas.py).
MAX_GRID_CELLS = 5_000_000


def read_grid(wb: Any, name: str, path: Path, scanned: dict[str, Any] | None = None) -> Grid:
    """The cells of one sheet, row by row from A1 (rows may be ragged). Cells holding an
    error value (#DIV/0!, #REF!, ...) hold a :class:`~lkj_excel.parsing.CellError`, never
    a blank; a sheet with a value far away (XFD1048576) is read without building the
    whole rectangle. ``scanned``: ``formulas.scan(path)`` when the caller has it (one
    stat of the file per workbook rather than per sheet)."""
    import python_calamine as pc

    from .formulas import scan

    sc = (scan(path) if scanned is None else scanned).get(name)
    if sc is not None and sc.extent is not None and \
            sc.extent[0] * sc.extent[1] > MAX_GRID_CELLS:
        grid = _sparse_grid(path, name)
    else:
        try:
            sheet = wb.get_sheet_by_name(name)
            # skip_empty_area=False keeps row/column 0 at A1 so addresses stay true.
            with _quiet_stderr():
                grid = sheet.to_python(skip_empty_area=False)
        except pc.CalamineError as exc:
            raise UnreadableWorkbook(
                f"Sheet '{name}' pada berkas '{path.name}' rusak dan tidak dapat dibaca "
                f"({_short(exc)}).", path) from None
        except BaseException as exc:
            if not _is_panic(exc):
                raise
            raise UnreadableWorkbook(
                f"Sheet '{name}' pada berkas '{path.name}' berisi sel tanggal dengan nilai yang "
                "tidak mungkin (misalnya angka yang sangat besar di sel berformat tanggal). "
                "Perbaiki sel tanggal di sheet itu lalu coba lagi.", path) from None
    for ref, text in (sc.errors if sc is not None else ()):
        r, c = _a1_index(ref)
        while len(grid) <= r:
            grid.append([])
        row = grid[r]
        if len(row) <= c:
            row.extend([""] * (c + 1 - len(row)))
        row[c] = CellError(text)
    return grid


def _a1_index(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - 64)
    return int(ref[len(letters):]) - 1, col - 1


def _sparse_grid(path: Path, name: str) -> Grid:
    """Read one sheet with openpyxl's streaming reader, row by row, each row only as long
    as its last value: the cells that exist, whatever the sheet's claimed size."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure here means an unreadable sheet
        raise UnreadableWorkbook(
            f"Sheet '{name}' pada berkas '{path.name}' tidak dapat dibaca ({_short(exc)}).",
            path) from None
    try:
        ws = wb[name]
        ws.reset_dimensions()  # the claimed dimension is not trusted
        grid: Grid = []
        cells = 0
        for row in ws.iter_rows(values_only=True):
            values = list(row)
            while values and values[-1] is None:
                values.pop()
            cells += len(values)
            if cells > MAX_GRID_CELLS:
                raise UnreadableWorkbook(
                    f"Sheet '{name}' pada berkas '{path.name}' terlalu besar untuk dibaca "
                    "(isinya tersebar sampai jutaan sel). Hapus isian yang jauh dari tabel "
                    "(tekan Ctrl+End di Excel untuk menemukannya) lalu coba lagi.", path)
            grid.append(["" if v is None else v for v in values] if values else [])
        return grid
    finally:
        wb.close()


def resolve_sheets(names: list[str]) -> dict[str, str]:
    """Map canonical sheet names to the names in the workbook (case, spacing, synonyms)."""
    found: dict[str, str] = {}
    norm = {normalise_text(n): n for n in names}
    for canon in L.SHEET_ORDER:
        options = (canon,) + L.SHEET_SYNONYMS.get(canon, ())
        for opt in options:
            hit = norm.get(normalise_text(opt))
            if hit is not None and hit not in found.values():
                found[canon] = hit
                break
    return found


# ---------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------


def _cell(grid: Grid, r: int, c: int) -> Any:
    if r < len(grid) and c < len(grid[r]):
        v = grid[r][c]
        return None if v == "" else v
    return None


#: Serial numbers below this read as dates before 1910: no LKj date is that old.
_SERIAL_LIMIT = 3653


def _undate(raw: Any) -> Any:
    """A number that a reader took for a date because of its cell format (gnumeric's .xls
    export makes "#,##0.##" cells look like dates to calamine): back to its serial number."""
    if isinstance(raw, (dt.date, dt.datetime)):
        d = raw.date() if isinstance(raw, dt.datetime) else raw
        # Excel's serial 1 is 1 Jan 1900 and it counts a 29 Feb 1900 that never was.
        epoch = dt.date(1899, 12, 31) if d < dt.date(1900, 3, 1) else dt.date(1899, 12, 30)
        serial = (d - epoch).days
        if 0 <= serial < _SERIAL_LIMIT:
            return float(serial)
    return raw


def _parse_amount(raw: Any) -> tuple[Any, Any]:
    if raw.__class__ is not float and raw.__class__ is not str:
        raw = _undate(raw)
    p = parse_number(raw, kind="amount")
    return p.value, p


def _number_cells(raws: list[Any], kind: str, blank: tuple[Any, Any],
                  memo: dict[float, Number]) -> list[Any]:
    """The parse results of a column of amounts or numbers (None -> ``blank``): a finite
    numeric cell is made here as :func:`parse_number` makes it (whatever the kind), the
    rest goes through :func:`_parse` (tests/test_reader_fast.py compares them).

    A column that repeats its values (pagu, plans: round amounts) makes each value's
    Number once, in ``memo`` (parse results are immutable and shared); a column of
    values each different (realisasi) does not look them up. Zero is not remembered: 0.0
    and -0.0 are equal keys but different readings."""
    slow = _parse_amount if kind == "amount" else _parse_plain_number
    bp = blank[1]
    sample = raws[:2048]
    if len(set(sample)) * 2 > len(sample):
        return [bp if v is None else
                numeric_cell(v) if v.__class__ is float and v - v == 0.0 else slow(v)[1]
                for v in raws]
    return [bp if v is None else
            (memo.get(v) or memo.setdefault(v, numeric_cell(v)))
            if v.__class__ is float and v - v == 0.0 and v else slow(v)[1]
            for v in raws]


def _parse_percent(raw: Any) -> tuple[Any, Any]:
    if raw.__class__ is not float and raw.__class__ is not str:
        raw = _undate(raw)
    p = parse_percent(raw)
    return p.value, p


def _parse_plain_number(raw: Any) -> tuple[Any, Any]:
    if raw.__class__ is not float and raw.__class__ is not str:
        raw = _undate(raw)
    p = parse_number(raw, kind="number")
    return p.value, p


#: Column kind -> (raw -> (value, parsed)), the same as :func:`_parse` with that kind.
_PARSERS: dict[str, Callable[[Any], tuple[Any, Any]]] = {
    "amount": _parse_amount, "percent": _parse_percent, "number": _parse_plain_number,
    "measure": _parse_plain_number,
    **{k: functools.partial(lambda kind, raw: _parse(kind, raw), k)
       for k in ("date", "code", "nip", "choice")},
}


def _parse(kind: str, raw: Any) -> tuple[Any, Any]:
    """Return (value, parsed) for a raw cell according to the column kind."""
    if kind in ("amount", "percent", "number", "measure"):
        raw = _undate(raw)
    if kind == "amount":
        p = parse_number(raw, kind="amount")
        return p.value, p
    if kind == "percent":
        p = parse_percent(raw)
        return p.value, p
    if kind in ("number", "measure"):
        p = parse_number(raw, kind="number")
        return p.value, p
    if kind == "date":
        p = parse_date(raw)
        return p.value, p
    if kind == "code":
        p = parse_code(raw)
        return p.canonical, p
    if kind == "nip":
        p = parse_nip(raw)
        return p.digits, p
    if kind == "choice":
        q = parse_quarter(raw)
        return q, None
    if raw is None:
        return None, None
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw)), None
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw, None
    return " ".join(str(raw).split()), None


def _measure_fix(value: Value, satuan: str | None) -> Value:
    """A numeric cell in a target/realisasi column of a % indicator that Excel stored as a
    fraction (typing 93% gives 0.93): read it in percentage points."""
    p = value.parsed
    if p is None or p.style != "number" or p.value is None:
        return value
    sat = (satuan or "").strip()
    if sat == "%" and abs(p.value) <= 2:
        q = parse_percent(value.raw)
        return Value(q.value, value.raw, value.sheet, value.cell, q)
    return value


# ---------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------


def _per_spec(make: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Memoise ``make(spec)`` for a layout spec by the spec's identity (kept with the
    result, so that its id is not reused): hashing a spec hashes every column's or field's
    fields, a tenth of a millisecond a report for the reader's 20-odd look-ups."""
    memo: dict[int, tuple[Any, Any]] = {}

    @functools.wraps(make)
    def get(spec: Any) -> Any:
        got = memo.get(id(spec))
        if got is None or got[0] is not spec:
            got = memo[id(spec)] = (spec, make(spec))
        return got[1]

    return get


@_per_spec
def _header_index(spec: L.TableSheet) -> tuple[dict[str, str], dict[str, str]]:
    """(exact header -> key, synonym -> key), normalised once per table spec."""
    exact = {normalise_text(c.header): c.key for c in spec.columns}
    syn: dict[str, str] = {}
    for c in spec.columns:
        for s in c.synonyms:
            syn.setdefault(normalise_text(s), c.key)
    return exact, syn


#: How many texts a :class:`_TextMemo` keeps before it starts again.
MEMO_TEXTS = 4096


class _TextMemo(dict):
    """Cell text -> ``read(text)``, made the first time a text is met and kept. The
    reader's look-ups by text (header rows, form labels) meet the same texts again and
    again - in every row searched, in each table's search of a sheet, in every report of
    a rekap made from one template - and normalising a text costs more than the rest of
    its look-up. ``read`` must depend on the text alone. Past MEMO_TEXTS texts it forgets
    them all (the data rows among the searched rows bring new texts in every report)."""

    __slots__ = ("read",)

    def __init__(self, read: Callable[[str], Any]):
        super().__init__()
        self.read = read

    def __missing__(self, text: str) -> Any:
        if len(self) >= MEMO_TEXTS:
            self.clear()
        got = self[text] = self.read(text)
        return got


@_per_spec
def _header_hits(spec: L.TableSheet) -> _TextMemo:
    """Cell text -> (the key it names as a column's exact header, as a synonym), or None
    when it names no column of ``spec`` (:func:`find_header`)."""
    exact, syn = _header_index(spec)

    def hits(text: str) -> tuple[str | None, str | None] | None:
        t = normalise_text(text) if text.strip() else None
        e, s = exact.get(t), syn.get(t)
        return None if e is None and s is None else (e, s)

    return _TextMemo(hits)


def find_header(grid: Grid, spec: L.TableSheet, start: int = 0, stop: int | None = None,
                ) -> tuple[int, dict[str, int]] | None:
    """Find the header row of ``spec`` within the top rows: the row matching most columns.
    Exact header text wins over a synonym, so "Pagu (Rp)" never loses to "pagu".
    Returns (0-based row, key -> column index)."""
    hits_of = _header_hits(spec)
    best: tuple[int, dict[str, int]] | None = None
    stop = min(len(grid), stop if stop is not None else start + L.HEADER_SEARCH_ROWS)
    for r in range(start, stop):
        # the texts that name a column, with what they name (most name none)
        found = [(c, h) for c, t in enumerate(grid[r])
                 if isinstance(t, str) and (h := hits_of[t]) is not None]
        if not found:
            continue
        mapping: dict[str, int] = {}
        taken: set[int] = set()
        for which in (0, 1):  # exact headers first, then synonyms
            for c, h in found:
                key = h[which]
                if key is not None and key not in mapping and c not in taken:
                    mapping[key] = c
                    taken.add(c)
        if mapping and (best is None or len(mapping) > len(best[1])):
            best = (r, mapping)
            if len(mapping) == len(spec.columns):
                break  # every column found: no row below can match more
    return best


#: How a text that float() reads can begin ("1", "+1", ".5", "inf", "nan").
_NUMBER_START = frozenset("0123456789+-.iInN")


def _is_numbering_row(cells: Sequence[Any]) -> bool:
    """The "1 2 3 4" row under a header in copied Word tables (blank cells: None or "")."""
    for first in cells:
        if first is not None and first != "":
            break
    else:
        return False
    # Most rows stop here, before any list is made or an exception raised and caught: a
    # first value that cannot read 1 (a label, a budget code, another number).
    if first.__class__ is str:
        text = first.strip("() ")
        if text[:1] not in _NUMBER_START or text.count(".") > 1:  # float() takes one "."
            return False
    elif first.__class__ is float and first - first == 0.0 and not 1.0 <= first < 2.0:
        return False
    vals = [c for c in cells if c not in (None, "")]
    if len(vals) < 3:
        return False
    try:  # the first must read 1: most rows stop here, before converting every cell
        if int(float(str(first).strip("() "))) != 1:
            return False
    except ValueError:
        return False
    try:
        nums = [int(float(str(v).strip("() "))) for v in vals]
    except ValueError:
        return False
    return nums == list(range(1, len(nums) + 1))


def read_table(grid: Grid, spec: L.TableSheet, sheet_name: str, path: Path,
               row_cls: type[Row], hit: tuple[int, dict[str, int]] | None = None,
               ) -> tuple[list[Row], dict[str, int], int]:
    hit = hit or find_header(grid, spec)
    required = [c for c in spec.columns if c.required]
    if hit is None:
        raise MissingColumn(
            f"Sheet '{sheet_name}' tidak memiliki baris judul kolom yang dikenali "
            f"(misalnya '{required[0].header}').", path)
    header_row, mapping = hit
    missing = [c.header for c in required if c.key not in mapping]
    if missing:
        raise MissingColumn(
            f"Sheet '{sheet_name}' tidak memiliki kolom wajib: "
            + ", ".join(f"'{m}'" for m in missing) + ".", path)
    cols = [(col.key, col.kind, mapping[col.key]) for col in spec.columns if col.key in mapping]
    # The table is read column by column: the lines that are rows first (not blank, not
    # the "1 2 3 4" numbering), then each column's cells parsed and made in one pass, then
    # the rows. Per cell, that leaves little more than its parse and its Value.
    n = len(cols)
    where = [c for _k, _kind, c in cols]
    width = max(where) + 1
    pick = itemgetter(*where) if n > 1 else (lambda line, c=where[0]: (line[c],))
    lines: list[tuple[Any, ...]] = []
    numbers: list[int] = []
    body = grid[header_row + 1:]
    if min(map(len, body), default=width) >= width:  # every line long enough (most sheets)
        picked: Iterable[tuple[Any, ...]] = map(pick, body)
    else:
        picked = (pick(line) if len(line) >= width else
                  tuple(line[c] if c < len(line) else "" for c in where) for line in body)
    for number, raws in enumerate(picked, header_row + 2):
        filled = n - raws.count("") - raws.count(None)
        # a line whose first cell is a text with two dots or more (a budget code: most
        # lines of a large table) is not the numbering, as _is_numbering_row says first
        if filled == 0 or (filled >= 3 and not (
                raws[0].__class__ is str and raws[0].count(".") > 1) and
                _is_numbering_row(raws)):
            continue
        lines.append(raws)
        numbers.append(number)
    if not lines:
        return [], mapping, header_row + 1
    columns = []
    kept: list[str] = []
    #: the columns left empty in every row, when the row class holds them apart
    empty: dict[str, tuple[str, Any, Any]] = {}
    #: the other columns' lists, when the row class holds its table by column
    by_column: dict[str, tuple[str, list, list, list | None]] = {}
    memo: dict[float, Number] = {}
    for (key, kind, c), typed in zip(cols, zip(*lines, strict=True), strict=True):
        blanks = typed.count("") + typed.count(None)
        if blanks == len(typed):  # a column left empty
            value, parsed = _PARSERS[kind](None) if kind in _PARSERS else (None, None)
            if row_cls.leaves_out_empty_columns:
                empty[key] = (col_letter(c), value, parsed)
                continue
            raws, values, parsed = repeat(None), repeat(value), repeat(parsed)
        else:
            raws = [None if v == "" else v for v in typed] if blanks else list(typed)
            values, parsed = _parse_column(kind, raws, memo)
        kept.append(key)
        if row_cls is AnggaranRow:
            by_column[key] = (col_letter(c), values, raws,
                              None if parsed.__class__ is repeat else list(parsed))
            continue
        columns.append(list(map(Value, values, raws, repeat(sheet_name),
                                repeat(col_letter(c)), parsed, numbers)))
    del lines
    if row_cls is AnggaranRow:
        return _column_rows(sheet_name, by_column, numbers, empty), mapping, header_row + 1
    keys = tuple(kept)
    holder = _cells_holder(keys)
    # one dict for the table's rows (a plain one, so that a report still pickles and copies)
    make = functools.partial(row_cls, empty=empty) if empty else row_cls
    rows: list[Row] = []
    append = rows.append
    for number, cells in zip(numbers, zip(*columns, strict=True), strict=True):
        d = holder().__dict__
        d.update(zip(keys, cells, strict=True))
        append(make(sheet_name, number, d))
    return rows, mapping, header_row + 1


def _column_rows(sheet: str, by_column: dict[str, tuple[str, list, list, list | None]],
                 numbers: list[int], empty: dict[str, tuple[str, Any, Any]]
                 ) -> list[AnggaranRow]:
    """The rows of an Anggaran table whose cells are held by column (:class:`Columns`):
    no Value is made until a row's cells are asked for."""
    table = Columns(sheet, by_column, numbers)
    return list(map(AnggaranRow, repeat(sheet), numbers, repeat(None), repeat(False),
                    repeat(False), repeat(empty or Row.empty), repeat(table),
                    range(len(numbers))))


@cache
def _cells_holder(keys: tuple[str, ...]) -> type:
    """A class whose instances' __dict__ serves as a row's cells: a plain dict, but one
    that shares its keys with every row of the table (CPython's key-sharing dictionaries,
    PEP 412) - a third of the memory of a dict of its own, 30 MiB at 100,000 rows. Where
    the keys cannot be shared it is an ordinary dict, the same in every other way."""
    return type("Cells", (), {})


def _parse_column(kind: str, raws: list[Any], memo: dict[float, Number]
                  ) -> tuple[list[Any], Iterable[Any]]:
    """(values, parse results) of a column's cells (None: an empty cell), each as
    ``_PARSERS[kind]`` reads it. An empty cell reads the same in every row of its column:
    it is parsed once (parse results are immutable and shared through caches anyway)."""
    parse = _PARSERS.get(kind)
    if parse is None:  # text: the value is the text, single-spaced, and nothing is parsed
        if len(raws) > _LONG_COLUMN and _single_spaced_texts(raws):
            return list(raws), repeat(None)
        return [None if v is None else _single_spaced(v) if v.__class__ is str else
                _parse("text", v)[0] for v in raws], repeat(None)
    blank = parse(None)
    if kind in ("amount", "number", "measure"):
        parsed = _number_cells(raws, kind, blank, memo)
        return list(map(_VALUE_OF, parsed)), parsed
    bp = blank[1]
    if kind == "code":  # as _parse reads a code, without a pair per cell
        parsed = len(raws) > _LONG_COLUMN and canonical_codes(raws, bp) or \
            [bp if v is None else parse_code(v) for v in raws]
        return list(map(_CANONICAL_OF, parsed)), parsed
    if kind == "percent":  # as _parse_percent: text and numeric cells need no _undate
        parsed = [bp if v is None else parse_percent(v)
                  if v.__class__ is float or v.__class__ is str else _parse_percent(v)[1]
                  for v in raws]
        return list(map(_VALUE_OF, parsed)), parsed
    pairs = [blank if v is None else parse(v) for v in raws]
    return [p[0] for p in pairs], [p[1] for p in pairs]


_VALUE_OF = attrgetter("value")
_CANONICAL_OF = attrgetter("canonical")


def _single_spaced_texts(raws: list[Any]) -> bool:
    """Whether a column holds texts (and blanks, None) only, each already single-spaced
    (:func:`_single_spaced` gives it back as it is), asked of the column at once rather
    than of each text: a printable text holds no whitespace but the space (every other
    whitespace character is not printable: tests/test_reader_fast.py checks every one),
    so it is single-spaced unless it holds two spaces running or begins or ends with one,
    which the texts joined by newlines show in three searches (a newline is in no
    printable text)."""
    if not set(map(type, raws)) <= _TEXT_OR_BLANK:
        return False
    texts = list(filter(None, raws))
    if not all(map(str.isprintable, texts)):
        return False
    joined = "\n".join(texts)
    return "  " not in joined and " \n" not in joined and "\n " not in joined and \
        joined[:1] != " " and joined[-1:] != " "


_TEXT_OR_BLANK = {str, type(None)}
#: A column longer than this is asked at once whether its texts are single-spaced: a
#: short one (every table of a small report) costs less asked text by text.
_LONG_COLUMN = 64


def _single_spaced(text: str) -> str:
    """The text with its runs of spaces made one, and no space around: the text itself
    when it is already so (most are), not a copy of it."""
    squeezed = " ".join(text.split())
    return text if squeezed == text else squeezed


_LETTER = re.compile(r"[^\W\d_]")


def _label_kind(row: Row, keys: tuple[str, ...], data_keys: tuple[str, ...] = ()) -> str | None:
    """"total" or "average" when the row is a JUMLAH / Rata-rata line: its label says so and
    it carries none of ``data_keys`` (a budget code, a target, a realisasi). An indicator
    called "Rata-rata persentase desa ..." with a target is an indicator, not an average."""
    def word(t: str) -> str | None:
        toks = t.split()
        if len(toks) >= 3 and all(len(x) == 1 for x in toks):
            t = "".join(toks)  # "J U M L A H", as seed 003 spaces its headings
        if any(t == w or t.startswith(w + " ") or t.endswith(" " + w) for w in L.AVERAGE_WORDS):
            return "average"
        if any(t == w or t.startswith(w + " ") for w in L.TOTAL_WORDS):
            return "total"
        return None

    # A label typed in a data column ("JUMLAH" in the code column, or merged across A:B)
    # is still a label, not data. Every label word has a letter: a text without one (a
    # budget code) is data without normalising it.
    for k in data_keys:
        v = row.get(k)
        p = v.parsed
        if p.__class__ is BudgetCode and p.canonical is not None and p.canonical == v.raw:
            return None  # a budget code typed as it should be (most rows): no letter
        if is_blank(v.raw):
            continue
        text = v.text
        if not _LETTER.search(text) or word(normalise_text(text)) is None:
            return None
    for k in keys:
        t = normalise_text(row.get(k).text)
        if t and (kind := word(t)) is not None:
            return kind
    return None


def _mark_budget_labels(rows: list[AnggaranRow]) -> None:
    """Mark the Anggaran rows that are its JUMLAH or Rata-rata line (:func:`_label_kind`).
    A row whose code is typed as it should be is neither, and says so before the call
    (what _label_kind looks at first): nearly every row of a large table, each asked
    without a call (tests/test_reader_fast.py compares the two ways), and read from the
    code column (:func:`columns_of`: no row makes its Values for it)."""
    if not rows:
        return
    [(raws, parsed)] = columns_of(rows, ("kode",))
    for r, raw, p in zip(rows, raws, parsed, strict=True):
        if p.__class__ is BudgetCode and p.canonical is not None and p.canonical == raw:
            r.is_total = r.is_average = False
            continue
        kind = _label_kind(r, L.ANGGARAN.label_keys, ("kode",))
        r.is_total = kind == "total"
        r.is_average = kind == "average"


def _capaian_total_like(row: Row, keys: tuple[str, ...]) -> bool:
    """A line labelled only "Jumlah" / "Total" (spaced letters allowed): the sums at the
    foot of a table (Capaian, Rekap Pegawai). The label must be the whole text - "Jumlah
    Desa yang menetapkan APBDes" is an indicator."""
    labels = [normalise_text(row.get(k).text) for k in keys]
    labels = [t for t in labels if t]
    if not labels:
        return False
    for t in labels:
        toks = t.split()
        if len(toks) >= 3 and all(len(x) == 1 for x in toks):
            t = "".join(toks)
        if t not in L.TOTAL_WORDS:
            return False
    return True


def _perbandingan_spec(grid: Grid) -> L.TableSheet:
    """The wide Perbandingan (a column pair per year) or the earlier one-row-per-year
    layout, whichever the sheet's header row is."""
    wide = find_header(grid, L.PERBANDINGAN)
    long = find_header(grid, L.PERBANDINGAN_PER_TAHUN)
    if long is not None and "tahun" in long[1] and (
            wide is None or not any(k in wide[1] for y in L.PERBANDINGAN_TAHUN for k in y[:2])):
        return L.PERBANDINGAN_PER_TAHUN
    return L.PERBANDINGAN


_YEAR = re.compile(r"\b(19|20)\d\d\b")
_QUARTER = re.compile(r"\b(tw|triwulan|tribulan|trw)\b")


def _header_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return normalise_text(str(v)) if v not in (None, "") else ""


def _perbandingan_by_years(grid: Grid, year: int | None) -> tuple[int, dict[str, int]] | None:
    """A comparison table pasted with its own header, the years in the column titles, as
    the reports print it: "Tahun 2022 | Tahun 2023 (TW. II)" over "Target | Realisasi"
    (seed 004 Tabel 3.3), "Target Renstra | Realisasi" over "2021 | 2022 | 2023 (TW. II)"
    (Tabel 3.4), "Tahun 2024" over "Target | Realisasi TW III" (seed 003 Tabel 3.5), or
    "Target 2024 | Realisasi 2024" in one row. Each column is placed by
    its year against the report year (this year, last year, two years ago); a title with a
    quarter and no year is this year. None when the sheet has the template's own columns or
    no year titles."""
    hit = find_header(grid, L.PERBANDINGAN)
    if hit is None or year is None or "indikator" not in hit[1]:
        return None
    h, base = hit
    if any(k in base for y in L.PERBANDINGAN_TAHUN for k in y[:2]):
        return None
    taken = set(base.values())
    upper = grid[h]
    lower = grid[h + 1] if h + 1 < len(grid) else []
    width = max(len(upper), len(lower))

    def place(two_rows: bool) -> dict[str, int]:
        mapping: dict[str, int] = {}
        group = ""
        for c in range(base["indikator"] + 1, width):
            up = _header_text(upper[c]) if c < len(upper) else ""
            low = _header_text(lower[c]) if two_rows and c < len(lower) else ""
            if up:
                group = up  # a title merged over the columns to its right
            if c in taken:
                continue
            text = f"{group} {low}".strip()
            kind = "realisasi" if "realisasi" in text else "target" if "target" in text \
                else None
            m = _YEAR.search(text)
            y = int(m.group(0)) if m else year if _QUARTER.search(text) else None
            if kind is None or y is None or not 0 <= year - y <= 2:
                continue
            key = f"{kind}_n{year - y or ''}"
            mapping.setdefault(key, c)
        return mapping

    # one header row first: a second row of numbers is the first line of data
    for two_rows in (False, True):
        years = place(two_rows)
        if years:
            return (h + 1 if two_rows else h), {**base, **years}
    return None


def _perbandingan_years(rows: list[Row], identity: Identity) -> list[Row]:
    """A wide Perbandingan row as one row per year (tahun, target, realisasi), as the rest
    of lkj reads it; the cells are the wide row's own, so findings name them."""
    from .parsing import parse_number

    year = identity.year
    out: list[Row] = []
    for r in rows:
        made = 0
        for tk, rk, back in L.PERBANDINGAN_TAHUN:
            t, re_ = r.get(tk), r.get(rk)
            if is_blank(t.raw) and is_blank(re_.raw) and not (back == 0 and made == 0):
                continue
            y = year - back if year is not None else None
            cells = {k: r.get(k) for k in ("no", "indikator", "keterangan")}
            cells["tahun"] = Value(y, y, r.sheet, None, parse_number(y))
            cells["target"] = t
            cells["realisasi"] = re_
            cells["target_renstra"] = r.get("target_renstra") if made == 0 else \
                Value(None, None, r.sheet, None)
            out.append(PerbandinganRow(r.sheet, r.row, cells))
            made += 1
    return out


def _unlabelled_total(rows: list[Row], label_keys: tuple[str, ...],
                      amount_keys: tuple[str, ...]) -> None:
    """The last line of a budget table with amounts but neither code nor name is its total:
    staff often leave the JUMLAH label out (or type it in a cell merged away)."""
    body = [r for r in rows if not getattr(r, "is_average", False)]
    if len(body) < 2 or any(getattr(r, "is_total", False) for r in body):
        return
    last = body[-1]
    if all(is_blank(last.get(k).raw) for k in label_keys) and \
            any(not is_blank(last.get(k).raw) for k in amount_keys):
        last.is_total = True


# ---------------------------------------------------------------------------------------
# Forms (Identitas, Pengaturan)
# ---------------------------------------------------------------------------------------


@_per_spec
def _form_labels(spec: L.FormSheet) -> tuple[dict[str, L.Field], str]:
    """(normalised label or synonym -> field, the normalised value header) of a form."""
    labels: dict[str, L.Field] = {}
    for f in spec.fields:
        labels.setdefault(normalise_text(f.label), f)
    for f in spec.fields:
        for s in f.synonyms:
            labels.setdefault(normalise_text(s), f)
    return labels, normalise_text(spec.value_header)


@_per_spec
def _form_hits(spec: L.FormSheet) -> tuple[_TextMemo, _TextMemo]:
    """(cell text -> whether it is the value column's header, cell text -> the field its
    label names or None) of a form (:func:`read_form`)."""
    labels, value_header = _form_labels(spec)
    return (_TextMemo(lambda text: normalise_text(text) == value_header),
            _TextMemo(lambda text: labels.get(normalise_text(text.rstrip(":")))))


def read_form(grid: Grid, spec: L.FormSheet, sheet_name: str) -> dict[str, Value]:
    """Find each field by its label in the first columns. The value sits in the column
    headed 'Nilai' (found in the top rows, so a sheet shifted right still reads); without
    such a header, right of the label."""
    is_value_header, field_of = _form_hits(spec)
    value_col: int | None = None
    for row in grid[: L.HEADER_SEARCH_ROWS]:
        for c, text in enumerate(row):
            if isinstance(text, str) and is_value_header[text]:
                value_col = c
                break
        if value_col is not None:
            break
    out: dict[str, Value] = {}
    for r, row in enumerate(grid):
        for c in range(min(max(3, (value_col or 0)), len(row))):
            text = row[c]
            if not isinstance(text, str):
                continue
            f = field_of[text]
            if f is None or f.key in out:
                continue
            vc = value_col if value_col is not None and value_col > c else c + 1
            raw = _cell(grid, r, vc)
            value, parsed = _parse(f.kind, raw)
            if f.key == "triwulan":
                value = parse_quarter(raw)
            elif f.key == "tahun" and parsed is not None and parsed.value is not None:
                y = parsed.value
                value = int(y) if float(y).is_integer() and YEARS[0] <= y <= YEARS[1] else None
            out[f.key] = Value(value, raw, sheet_name, a1(r, vc), parsed)
            break
    for f in spec.fields:
        if f.key not in out:
            out[f.key] = Value(None, None, sheet_name, None)
    return out


def _identity(form: dict[str, Value]) -> Identity:
    def person(prefix: str) -> Person:
        return Person(form[f"{prefix}_nama"], form[f"{prefix}_nip"],
                      form[f"{prefix}_pangkat"], form[f"{prefix}_jabatan"])

    t = form["tingkat"]
    tingkat = normalise_text(t.raw)
    t = Value(tingkat if tingkat in L.TINGKAT else None, t.raw, t.sheet, t.cell, t.parsed)
    return Identity(
        unit=form["unit"], tingkat=t, kecamatan=form["kecamatan"], kabupaten=form["kabupaten"],
        tahun=form["tahun"], triwulan=form["triwulan"], sifat=form["sifat"],
        jumlah_desa=form["jumlah_desa"], tempat=form["tempat"], tanggal=form["tanggal"],
        pelapor=person("pelapor"), atasan=person("atasan"), pk_tanggal=form["pk_tanggal"],
        pk_pihak1_nama=form["pk_pihak1_nama"], pk_pihak1_nip=form["pk_pihak1_nip"],
        pk_pihak2_nama=form["pk_pihak2_nama"], pk_pihak2_jabatan=form["pk_pihak2_jabatan"],
        revisi=form["revisi"],
        alamat=form["alamat"],
    )


def _settings(grid: Grid | None, sheet_name: str, path: Path) -> Settings:
    from .pengaturan import settings_from_sheet

    return settings_from_sheet(grid, sheet_name)


# ---------------------------------------------------------------------------------------
# The whole report
# ---------------------------------------------------------------------------------------

_ROW_CLASSES: dict[str, type[Row]] = {
    "PK": PkRow, "PK Anggaran": PkBudgetRow, "Capaian": CapaianRow, "Anggaran": AnggaranRow,
    "Desa": DesaRow, "Fasilitasi": FasilitasiRow, "Efisiensi": EfisiensiRow,
    "Pegawai": PegawaiRow, "Perbandingan": PerbandinganRow, "Narasi": NarasiRow,
    "Rekap Pegawai": RekapPegawaiRow, "Tanda Tangan": TandaTanganRow,
}


def _apply_edits(grids: dict[str, Grid], edits) -> None:
    if callable(edits):
        edits(grids)
        return
    for (sheet, ref), raw in edits.items():
        grid = grids.get(sheet)
        if grid is None:
            continue
        m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        r, c = int(m.group(2)) - 1, col - 1
        while len(grid) <= r:
            grid.append([])
        row = grid[r]
        if not isinstance(row, list):
            row = grid[r] = list(row)
        while len(row) <= c:
            row.append("")
        row[c] = "" if raw is None else raw


def _error_cells(sc: dict[str, Any], grids: dict[str, Grid], sheets: dict[str, str], edits
                 ) -> list[tuple[tuple[str, str], CellError]]:
    """((sheet, "B3"), error value) of every cell holding an error value, sheet by sheet in
    row order. Only the cells read_grid filled with an error (formulas.scan) and the
    edited cells can hold one, so the grids are not walked cell by cell, unless an edit
    function changed them freely. ``sc``: formulas.scan of the workbook."""
    out: list[tuple[tuple[str, str], CellError]] = []
    for canon, grid in grids.items():
        actual = sheets[canon]
        if callable(edits):
            places = [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row)
                      if isinstance(v, CellError)]
        else:
            found = sc.get(actual)
            places = [_a1_index(ref) for ref, _text in (found.errors if found else ())]
            for (sheet, ref), _raw in (edits or {}).items():
                if sheet == canon:
                    places.append(_a1_index(ref))
        for r, c in sorted(set(places)):
            if r < len(grid) and c < len(grid[r]) and isinstance(grid[r][c], CellError):
                out.append(((actual, a1(r, c)), grid[r][c]))
    return out


@pausing
def read_report(path: str | os.PathLike, progress: Callable[[str], None] | None = None,
                edits: Mapping[tuple[str, str], Any] | Callable[[dict[str, Grid]], None]
                | None = None, grids: dict[str, Grid] | None = None) -> Report:
    """Read one LKj workbook into a :class:`Report`.

    ``edits`` changes cells as if they had been typed so, before anything is parsed:
    ``{("Anggaran", "C6"): "9.000.000"}`` (template sheet name, A1 address), or a function
    that edits the grids in place. It is how "what if this cell said ..." is asked without
    writing a file (the mutation tests, the fixpoint of the corrections).

    ``grids``, when given, receives the cells as read (and edited): template sheet name
    -> rows, Petunjuk left out. For a caller that shows the input's cells too (finalise's
    appendix) without reading the workbook a second time; the reader never changes them
    after parsing begins.

    Raises :class:`~lkj_excel.errors.LkjError` (exit code 2 in the CLI) when the file cannot
    be used: not a spreadsheet, encrypted, truncated, a required sheet or column missing.
    """
    p = Path(path)
    wb, names = open_workbook(p)
    try:
        sheets = resolve_sheets(names)
        missing = [s for s in L.REQUIRED_SHEETS if s not in sheets]
        if missing:
            raise MissingSheet(
                f"Berkas '{p.name}' tidak memiliki sheet wajib: "
                + ", ".join(f"'{m}'" for m in missing)
                + ". Gunakan templat dari perintah 'lkj template'.", p)
        from .formulas import scan

        scanned = scan(p)
        with _quiet_stderr():
            read = {canon: read_grid(wb, actual, p, scanned)
                    for canon, actual in sheets.items() if canon != L.PETUNJUK}
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
    if edits is not None:
        _apply_edits(read, edits)
    keep = grids is not None
    if keep:
        grids.update(read)
    grids = read
    error_cells = _error_cells(scanned, grids, sheets, edits)
    ident_form = read_form(grids["Identitas"], L.IDENTITAS, sheets["Identitas"])
    identity = _identity(ident_form)
    settings = _settings(grids.get("Pengaturan"), sheets.get("Pengaturan", "Pengaturan"), p)
    tables: dict[str, list[Row]] = {}
    columns: dict[str, dict[str, int]] = {}
    header_rows: dict[str, int] = {}
    for spec in L.TABLE_SHEETS:
        if spec.name not in grids:
            tables[spec.name] = []
            continue
        hit = None
        if spec.name == "Perbandingan":
            spec = _perbandingan_spec(grids[spec.name])
            if spec is L.PERBANDINGAN:
                hit = _perbandingan_by_years(grids[spec.name], identity.year)
        rows, mapping, hdr = read_table(grids[spec.name], spec, sheets[spec.name], p,
                                        _ROW_CLASSES[spec.name], hit)
        if not keep:  # its cells are in the rows now: the lists go before the next table
            del grids[spec.name]
        columns[spec.name] = mapping
        header_rows[spec.name] = hdr
        tables[spec.name] = rows
        if progress:
            progress(spec.name)
    for r in tables["Capaian"]:
        r.is_average = _label_kind(r, L.CAPAIAN.label_keys,
                                   ("target", "realisasi", "target_tahunan")) == "average"
        r.is_total = not r.is_average and _capaian_total_like(r, L.CAPAIAN.label_keys)
        sat = r.get("satuan").text
        for k in ("target", "target_tahunan", "realisasi"):
            if k in r.cells:
                r.cells[k] = _measure_fix(r.cells[k], sat)
    for r in tables["PK"]:
        if "target" in r.cells:
            r.cells["target"] = _measure_fix(r.cells["target"], r.get("satuan").text)
    _mark_budget_labels(tables["Anggaran"])
    for r in tables["PK Anggaran"]:
        r.is_total = _label_kind(r, L.PK_ANGGARAN.label_keys, ("kode",)) == "total"
    _unlabelled_total(tables["Anggaran"], ("kode", "uraian"), ("pagu", "realisasi"))
    _unlabelled_total(tables["PK Anggaran"], ("kode", "uraian", "no"), ("anggaran",))
    for r in tables["Fasilitasi"]:
        st = r.cells.get("status")
        if st is not None:
            r.cells["status"] = Value(parse_yes_no(st.raw), st.raw, st.sheet, st.cell)
    for r in tables["Desa"]:
        for doc in ("rkpdes", "apbdes", "lppdes"):
            v = r.cells.get(doc)
            if v is not None and v.error:
                status = doc_status_word(v.raw)
                if status is not None:
                    # "tepat waktu" where the report gives no date (seed 004): a status
                    r.cells[doc] = Value(status, v.raw, v.sheet, v.cell, DocStatusWord(status))
    for r in tables["Rekap Pegawai"]:
        r.is_total = _capaian_total_like(r, L.REKAP_PEGAWAI.label_keys)
    if "Perbandingan" in columns and "tahun" not in columns["Perbandingan"]:
        tables["Perbandingan"] = _perbandingan_years(tables["Perbandingan"], identity)
    from .formulas import uncached_formulas

    uncached = uncached_formulas(p, {v for k, v in sheets.items() if k != L.PETUNJUK})
    return Report(
        path=str(p), sheets=tuple(names), identity=identity,
        pk=tables["PK"], pk_budget=tables["PK Anggaran"], capaian=tables["Capaian"],
        anggaran=tables["Anggaran"], desa=tables["Desa"], fasilitasi=tables["Fasilitasi"],
        efisiensi=tables["Efisiensi"], pegawai=tables["Pegawai"],
        perbandingan=tables["Perbandingan"], settings=settings, columns=columns,
        header_rows=header_rows, error_cells=error_cells, uncached_formulas=uncached,
        narasi=tables["Narasi"], rekap_pegawai=tables["Rekap Pegawai"],
        tanda_tangan=tables["Tanda Tangan"],
    )
