"""What python-calamine does not say about an .xlsx/.xlsm sheet, read from its XML.

- Formula cells saved without a computed value: calamine reads them as empty, exactly like
  a blank cell (a file written by openpyxl and never opened in Excel has no cached values).
- Cells holding an error value (``#DIV/0!``, ``#REF!``, ``#VALUE!``, ``#N/A``, ...):
  calamine reads them as empty too, so a broken formula would look like "nothing typed".
- The extent of the cells that hold something: calamine builds one dense grid from the
  top-left to the farthest cell, so a single value in XFD1048576 asks for 512 GiB and the
  process aborts. A sheet whose grid would be that large is read sparsely instead
  (reader._sparse_grid).

Only regular expressions over the raw bytes are used - no XML parser, so no entity
expansion - and the costly passes run only on sheets that contain what they look for.

A report's members are inflated once, here, for the scan and for python-calamine
(:func:`unpacked`: calamine reads a stored copy instead of inflating them again).
"""

from __future__ import annotations

import os
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from .record import Record

# Compiled at import: what every workbook and sheet is searched for.
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')
_REL_REV = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"')
# Compiled where first used (re.compile's own cache), since most reports never need them:
# a sheet list with its attributes the other way round, formulas, error values, far cells.
# Compiling a pattern costs 0.05-0.2 ms, a fifth of a small report's check went on
# compiling patterns (issue 17).
_SHEET_REV = rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"[^>]*?\bname="([^"]*)"'
_CELL = rb'(?s)<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)'
_CELL_ATTRS = rb'(?s)<c\b([^>]*?)(?:/>|>(.*?)</c>)'
_REF = rb'\br="([A-Z]+)([0-9]+)"'
_TYPE_E = rb'\bt="e"'
_VALUE = rb"<v>[^<]+</v>"
_VALUE_TEXT = rb"<v>([^<]*)</v>"
#: A cell reference beyond column ZZ or row 999,999: rare enough to look closer.
_FAR = rb'<c\b[^>]*?\br="(?:[A-Z]{3}[0-9]+|[A-Z]{1,2}[0-9]{7,})"'
#: A formula element <f>, <f .../>: what a cell holding a formula contains. Not "<f" alone:
#: every sheet with a drop-down list has <formula1>, and the pass over every cell that a
#: formula asks for was a third of reading a small report.
_FORMULA = re.compile(rb"<f[\s>/]")
#: What every _FAR match contains; a literal prefix, so it is found ten times faster.
_FAR_HINT = re.compile(rb'r="[A-Z]{1,2}+(?:[A-Z]|[0-9]{7})')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}

#: Stop after this many cells: the finding is the same for the rest.
LIMIT = 200


class SheetScan(Record):
    """What a sheet's XML shows beyond python-calamine: formulas without value, errors."""

    __slots__ = ("uncached", "errors", "extent")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, uncached: list[str] | None = None,
                 errors: list[tuple[str, str]] | None = None,
                 extent: tuple[int, int] | None = None):
        #: A1 references of formulas without a stored value.
        self.uncached = [] if uncached is None else uncached
        #: (A1 reference, error text) of cells holding an error value.
        self.errors = [] if errors is None else errors
        #: (rows, columns) spanned by the cells that hold a value, computed only when some
        #: cell lies beyond column ZZ or row 999,999; None otherwise.
        self.extent = extent


def _unescape(b: bytes) -> str:
    s = b.decode("utf-8", "replace")
    for k, v in _ENTITIES.items():
        s = s.replace(k, v)
    return s


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def scan(path: str | os.PathLike) -> dict[str, SheetScan]:
    """Every sheet of an .xlsx/.xlsm by name (empty for other formats or a broken file).
    Kept per file version (the last few), since the reader asks for it sheet by sheet and
    :func:`unpacked` may have made it already."""
    key = _version(path)
    if key is None:
        return {}
    got = _SCANS.get(key)
    if got is None:
        got = _keep(key, _scan(key[0]))
    return got


#: The scans of the last few file versions, (path, size, mtime) -> scan, oldest first.
_SCANS: dict[tuple[str, int, int], dict[str, SheetScan]] = {}
SCANS_KEPT = 8


def _version(path: str | os.PathLike) -> tuple[str, int, int] | None:
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return None
    return str(p), st.st_size, st.st_mtime_ns


#: The page reads reports in several threads: one at a time drops the oldest scan.
_SCANS_LOCK = threading.Lock()


def _keep(key: tuple[str, int, int], sc: dict[str, SheetScan]) -> dict[str, SheetScan]:
    with _SCANS_LOCK:
        while len(_SCANS) >= SCANS_KEPT:
            del _SCANS[next(iter(_SCANS))]
        _SCANS[key] = sc
    return sc


def directory(path: str | os.PathLike) -> tuple[zipfile.ZipInfo, ...]:
    """The entries of a zip file's central directory (``ZipFile.infolist()``), read once
    per file version: the reader's look at what a file is (reader._check_zip) and the scan
    both need them, and parsing them is a quarter of a millisecond for a report. Raises
    what ``zipfile.ZipFile`` raises for a file that is not a zip."""
    st = os.stat(path)
    return _directory(str(path), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _directory(path: str, _size: int, _mtime: int) -> tuple[zipfile.ZipInfo, ...]:
    with zipfile.ZipFile(path) as z:
        return tuple(z.infolist())


class _Members:
    """A zip file's members for :func:`_member`, from :func:`directory`: ``getinfo`` as
    ``ZipFile.getinfo`` answers it (the last entry of a name), ``read`` by zipfile itself
    for the members _member leaves to it."""

    def __init__(self, path: str):
        self.path = path
        self.infos = {info.filename: info for info in directory(path)}

    def getinfo(self, name: str) -> zipfile.ZipInfo:
        return self.infos[name]

    def read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.path) as z:
            return z.read(name)


def _member(fh, z: zipfile.ZipFile | _Members, name: str) -> bytes:
    """One member's bytes, as ``z.read(name)`` gives them. A deflated or stored member is
    read straight from the file and inflated at once (zipfile's reading machinery cost
    more than the inflating itself for a report's small sheets: 1,3 -> 0,9 ms a
    workbook); its CRC is checked all the same, and anything unusual (encrypted, another
    method, a size or CRC that does not match) is left to zipfile."""
    info = z.getinfo(name)
    data = _straight(fh, info)
    return z.read(name) if data is None else data


def _straight(fh, info: zipfile.ZipInfo) -> bytes | None:
    """A stored or deflated member read straight from the open file ``fh`` and checked
    against its CRC; None for anything unusual (:func:`_member` leaves that to zipfile)."""
    # zipfile refuses flag bits 0x1 (encrypted), 0x20 (patched) and 0x40 (strong
    # encryption), and a local header whose name differs from the directory's
    if not info.flag_bits & 0x61 and info.compress_type in (zipfile.ZIP_STORED,
                                                             zipfile.ZIP_DEFLATED):
        fh.seek(info.header_offset)
        head = fh.read(30)
        if len(head) == 30 and head[:4] == b"PK\x03\x04" and \
                fh.read(int.from_bytes(head[26:28], "little")) == _raw_name(info):
            fh.seek(int.from_bytes(head[28:30], "little"), 1)
            data = fh.read(info.compress_size)
            if info.compress_type == zipfile.ZIP_DEFLATED:
                inflate = zlib.decompressobj(-15)
                data = inflate.decompress(data, info.file_size + 1)
            if len(data) == info.file_size and zlib.crc32(data) == info.CRC:
                return data
    return None


def _raw_name(info: zipfile.ZipInfo) -> bytes:
    """A member's name as the zip file spells it."""
    return info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")


def _scan(path: str) -> dict[str, SheetScan]:
    """The scan of the file at ``path``, its members read one by one as needed."""
    out: dict[str, SheetScan] = {}
    try:
        with open(path, "rb") as fh:
            z = _Members(path)
            _scan_members(lambda name: _member(fh, z, name), out)
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, ValueError, EOFError):
        return out
    return out


def _scan_members(read: Callable[[str], bytes], out: dict[str, SheetScan]) -> None:
    """Scan into ``out`` every sheet the workbook lists, ``read(name)`` giving a member's
    bytes (KeyError for a missing one); what ``read`` raises otherwise stops the scan."""
    for name, member in _sheet_members(read):
        try:
            data = read(member)
        except KeyError:
            continue
        out[name] = _scan_sheet(data)


def _sheet_members(read: Callable[[str], bytes]) -> list[tuple[str, str]]:
    """(sheet name, zip member) of every sheet the workbook lists, in its order, from the
    workbook part and its relationships (``read(name)``: a member's bytes)."""
    wbxml = read("xl/workbook.xml")
    rels = read("xl/_rels/workbook.xml.rels")
    targets = {rid: t for t, rid in _REL.findall(rels)}
    targets.update({rid: t for rid, t in _REL_REV.findall(rels)})
    pairs = _SHEET.findall(wbxml) or [(n, r) for r, n in re.findall(_SHEET_REV, wbxml)]
    out = []
    for name_b, rid in pairs:
        if rid not in targets:
            continue
        target = targets[rid].decode("utf-8", "replace").lstrip("/")
        out.append((_unescape(name_b), target if target.startswith("xl/") else "xl/" + target))
    return out


#: Workbooks up to this size uncompressed are inflated here once for both the scan and
#: python-calamine (:func:`unpacked`): every report, not a report of tens of thousands of
#: rows, which would be held in memory twice for it.
UNPACK_LIMIT = 2 * 1024 * 1024


def unpacked(path: str | os.PathLike) -> bytes | None:
    """The .xlsx/.xlsm at ``path`` as a zip of the same members all stored uncompressed,
    for python-calamine to read in place of the file, its :func:`scan` made on the way.
    None, and nothing made, for a workbook larger than UNPACK_LIMIT, one whose every
    member does not inflate cleanly straight from the file, or a zip that calamine could
    take for another format (the reader then opens the file itself).

    Why: the scan inflates every sheet to search its XML, and calamine inflated every
    sheet again, with a slower inflater than zlib's (0,5-0,8 ms of the 3-4 ms a report's
    read takes); a stored member costs calamine only its CRC, so the read is now below a
    bare calamine read of the file."""
    got = _copyable(path)
    if got is None or got[2] > UNPACK_LIMIT:
        return None
    key, infos, _size = got
    members: dict[str, bytes] = {}
    try:
        with open(key[0], "rb") as fh:
            for info in infos:
                data = _straight(fh, info)
                if data is None:
                    return None
                members[info.filename] = data
    except OSError:
        return None
    sc: dict[str, SheetScan] = {}
    try:
        _scan_members(members.__getitem__, sc)
    except (KeyError, ValueError):
        pass  # the scan stops where the file's own scan stops
    _keep(key, sc)
    for name, data in members.items():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            members[name] = _trimmed(data)
    return _stored_zip(infos, members)


def _trimmed(data: bytes) -> bytes:
    """A sheet's XML for calamine without the rows after the row of its last cell that
    holds something: rows of formatted empty cells (``<c r="B20" s="11"/>``) that a
    template prepares for typing, half a report's sheet XML. calamine reads none of them
    into the grid, but parses each twice (its cells, then its merged ranges): a sixth of
    reading a report. Only rows whose every element is empty go: the tail kept out must
    close no element but rows (each cell in it is ``<c .../>``, which holds nothing);
    anything else, and a sheet whose parts are named with a prefix, is left whole."""
    end = data.rfind(b"</sheetData>")
    if end < 0:
        return data
    last = data.rfind(b"</c>", 0, end)  # the end of the last cell that holds something
    cut = data.find(b"</row>", last, end) if last >= 0 else -1
    if cut < 0:
        return data
    cut += 6
    tail = data[cut:end]
    if not tail or tail.count(b"</") != tail.count(b"</row>"):
        return data
    return data[:cut] + data[end:]


def _copyable(path: str | os.PathLike
              ) -> tuple[tuple[str, int, int], tuple[zipfile.ZipInfo, ...], int] | None:
    """(file version, zip entries, uncompressed size) of a workbook that may be copied for
    calamine (:func:`unpacked`, :func:`spilled`), else None: a zip whose every name comes
    once (calamine and zipfile could take different ones of a repeated name), with few
    enough entries for a zip without its 64-bit extension, an Excel workbook part, and
    neither a binary workbook's nor an OpenDocument's main part."""
    key = _version(path)
    if key is None:
        return None
    try:
        infos = directory(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    names = {i.filename for i in infos}
    if len(names) != len(infos) or len(infos) > 0xFFFF or \
            "xl/workbook.xml" not in names or names & {"xl/workbook.bin", "content.xml"}:
        return None
    return key, infos, sum(i.file_size for i in infos)


def _stored_zip(infos: tuple[zipfile.ZipInfo, ...], members: dict[str, bytes]) -> bytes:
    """A zip file of ``members`` in the order of ``infos``, every member stored, each
    with its name, CRC and name encoding as ``infos`` give them."""
    return b"".join(_stored_parts(infos, lambda info: members[info.filename]))


def _stored_parts(infos: tuple[zipfile.ZipInfo, ...],
                  data_of: Callable[[zipfile.ZipInfo], bytes]) -> Iterator[bytes]:
    """The bytes of :func:`_stored_zip`, piece by piece, each member's data asked of
    ``data_of`` when its turn comes (so that a large one can be written and let go)."""
    central: list[bytes] = []
    offset = 0
    for info in infos:
        data, name = data_of(info), _raw_name(info)
        flags = info.flag_bits & 0x800  # the name's encoding, nothing else
        # a member of another size than the entry's is a trimmed sheet (_trimmed)
        crc = info.CRC if len(data) == info.file_size else zlib.crc32(data)
        fields = (20, flags, zipfile.ZIP_STORED, 0, 0x21, crc, len(data), len(data), len(name))
        local = struct.pack("<4s5H3LHH", b"PK\x03\x04", *fields, 0)
        yield local
        yield name
        yield data
        central.append(struct.pack("<4sH5H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0,
                                   0, offset) + name)
        offset += len(local) + len(name) + len(data)
        del data
    directory_bytes = b"".join(central)
    yield directory_bytes
    yield struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(infos), len(infos),
                      len(directory_bytes), offset, 0)


class _Declined(Exception):
    """A member :func:`spilled` cannot copy (it does not inflate cleanly straight from
    the file)."""


def spilled(path: str | os.PathLike) -> str | None:
    """For an .xlsx/.xlsm larger than UNPACK_LIMIT, what :func:`unpacked` is for a small
    one: the same members all stored, written to a temporary file for python-calamine to
    read in place of the file (the caller removes it), the :func:`scan` made on the way.
    None, and nothing left behind, for a workbook :func:`unpacked` would copy or decline
    for anything but its size, or where the copy cannot be written.

    Why: the scan inflates every sheet to search its XML, and calamine inflated the sheets
    again, with a slower inflater than zlib's (0,18 s of a 100.000-row Anggaran's 41 MB).
    Its stored copy costs calamine a CRC. Written to a file rather than held in memory
    (calamine copies what it reads from memory), one member at a time: the process holds
    no more than the scan held before, the largest sheet's XML."""
    got = _copyable(path)
    if got is None or got[2] <= UNPACK_LIMIT:
        return None
    key, infos, _size = got
    import tempfile

    scans: dict[str, SheetScan] = {}
    try:
        fd, temp = tempfile.mkstemp(prefix="lkj-", suffix=".tmp")
    except OSError:
        return None
    try:
        with open(key[0], "rb") as fh, os.fdopen(fd, "wb") as out:
            sheets = _spill_sheets(fh, infos)
            wanted = {member for _name, member in sheets}

            def data_of(info: zipfile.ZipInfo) -> bytes:
                data = _straight(fh, info)
                if data is None:
                    raise _Declined(info.filename)
                if info.filename in wanted:
                    scans[info.filename] = _scan_sheet(data)
                return data

            for part in _stored_parts(infos, data_of):
                out.write(part)
    except (_Declined, OSError, ValueError):
        remove_copy(temp)
        return None
    _keep(key, {name: scans[member] for name, member in sheets if member in scans})
    return temp


def _spill_sheets(fh, infos: tuple[zipfile.ZipInfo, ...]) -> list[tuple[str, str]]:
    """:func:`_sheet_members` of the file open as ``fh`` for :func:`spilled` (none where
    the workbook part or its relationships are missing or unusual: the scan stops there,
    as the file's own scan does)."""
    by_name = {info.filename: info for info in infos}

    def read(name: str) -> bytes:
        data = _straight(fh, by_name[name])
        if data is None:
            raise _Declined(name)
        return data

    try:
        return _sheet_members(read)
    except KeyError:
        return []


def remove_copy(path: str) -> bool:
    """Remove the file at ``path``; whether it is gone."""
    try:
        os.remove(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _scan_sheet(data: bytes) -> SheetScan:
    sc = SheetScan()
    if _FORMULA.search(data):
        value = re.compile(_VALUE)
        for ref, inner in re.findall(_CELL, data):
            if inner and b"<f" in inner and not value.search(inner):
                sc.uncached.append(ref.decode())
                if len(sc.uncached) >= LIMIT:
                    break
    if b't="e"' in data and re.search(_TYPE_E, data):
        type_e, ref_of, text_of = re.compile(_TYPE_E), re.compile(_REF), re.compile(_VALUE_TEXT)
        for attrs, inner in re.findall(_CELL_ATTRS, data):
            if not type_e.search(attrs):
                continue
            ref = ref_of.search(attrs)
            value = text_of.search(inner or b"")
            if ref and value and value.group(1).strip():
                sc.errors.append((ref.group(1).decode() + ref.group(2).decode(),
                                  _unescape(value.group(1).strip())))
                if len(sc.errors) >= LIMIT:
                    break
    if _FAR_HINT.search(data) and re.search(_FAR, data):
        rows = cols = 0
        ref_of = re.compile(_REF)
        for attrs, inner in re.findall(_CELL_ATTRS, data):
            if not inner or (b"<v" not in inner and b"<is" not in inner):
                continue  # a formatted empty cell: calamine skips it too
            ref = ref_of.search(attrs)
            if ref:
                rows = max(rows, int(ref.group(2)))
                cols = max(cols, _col_index(ref.group(1)))
        sc.extent = (rows, cols)
    return sc


def uncached_formulas(path: str | Path, sheets: set[str] | None = None
                      ) -> list[tuple[str, str]]:
    """(sheet name, A1 cell) of formulas without a stored value, in sheet order."""
    out = [(name, ref) for name, sc in scan(path).items()
           if sheets is None or name in sheets for ref in sc.uncached]
    return out[:LIMIT]


def error_cells(path: str | Path, sheet: str) -> list[tuple[str, str]]:
    """(A1 cell, error text such as "#DIV/0!") of one sheet's error values."""
    sc = scan(path).get(sheet)
    return sc.errors if sc else []
