"""formulas.unpacked, the workbook inflated once for the scan and for python-calamine, reads
exactly as the file does: the same sheets and cells (and the same errors) through calamine,
the same scan, the same members through zipfile; and where it cannot copy a file it
declines, so that the reader opens the file itself."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
import python_calamine as pc

from lkj_excel import formulas as F
from lkj_excel import reader as R

ROOT = Path(__file__).resolve().parent.parent


def _workbooks() -> list[Path]:
    paths = sorted((ROOT / "sample_workbooks").glob("*.xlsx")) + \
        sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix == ".xlsx")
    return [p for p in paths if zipfile.is_zipfile(p)]


def _cells(wb, scanned: dict) -> dict:
    """Every sheet's cells as the reader asks for them (or what calamine raised); a sheet
    the reader reads sparsely (a cell far away) by its scan alone."""
    out = {}
    for name in wb.sheet_names:
        sc = scanned.get(name)
        if sc is not None and sc.extent is not None and \
                sc.extent[0] * sc.extent[1] > R.MAX_GRID_CELLS:
            out[name] = ("sparse", sc.extent)
            continue
        try:
            out[name] = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except BaseException as exc:  # noqa: BLE001 - calamine panics on impossible dates
            if isinstance(exc, KeyboardInterrupt):
                raise
            out[name] = (type(exc).__name__, str(exc))
    return out


def _opened(open_it, source):
    """The workbook, or what calamine raised opening it."""
    try:
        return open_it(source)
    except pc.CalamineError as exc:
        return type(exc).__name__, str(exc)


def test_the_copy_reads_as_the_file_does():
    copied = trimmed = 0
    for path in _workbooks():
        F._SCANS.clear()
        data = F.unpacked(path)
        if data is None:
            continue
        copied += 1
        made = F._SCANS.pop(F._version(path))
        assert made == F._scan(str(path)), path.name
        from_file = _opened(pc.CalamineWorkbook.from_path, str(path))
        from_copy = _opened(pc.CalamineWorkbook.from_filelike, io.BytesIO(data))
        if isinstance(from_file, tuple):  # calamine refuses the copy too, and the reader
            assert isinstance(from_copy, tuple), path.name  # opens the file for its message
        else:
            assert from_copy.sheet_names == from_file.sheet_names, path.name
            assert _cells(from_copy, made) == _cells(from_file, made), path.name
        with zipfile.ZipFile(path) as z, zipfile.ZipFile(io.BytesIO(data)) as c:
            assert c.testzip() is None
            assert [i.filename for i in c.infolist()] == [i.filename for i in z.infolist()]
            for n in z.namelist():
                want = z.read(n)
                if n.startswith("xl/worksheets/") and n.endswith(".xml"):
                    trimmed += len(F._trimmed(want)) < len(want)
                    want = F._trimmed(want)  # the empty rows after the last cell left out
                assert c.read(n) == want, (path.name, n)
            assert {i.compress_type for i in c.infolist()} == {zipfile.ZIP_STORED}
    # every sample and most of the corpus (not the broken, encrypted or disguised files)
    assert copied >= len(list((ROOT / "sample_workbooks").glob("*.xlsx"))) + 40
    assert trimmed >= 6 * 12  # most sheets of every sample end in a template's empty rows


def test_the_reader_reads_the_copy(monkeypatch):
    """read_report opens a report through the copy: with calamine unable to open a file
    by its path, the sample still reads, to the same report."""
    sample = ROOT / "sample_workbooks" / "contoh_bersih_sukamaju_tw1_2025.xlsx"
    want = R.read_report(sample)

    def refuse(path):
        raise AssertionError("read from the file, not from the copy")

    monkeypatch.setattr(pc.CalamineWorkbook, "from_path", refuse)
    F._SCANS.clear()
    got = R.read_report(sample)
    assert got.anggaran == want.anggaran and got.identity == want.identity
    assert got.capaian == want.capaian and got.settings == want.settings


def _zip(path: Path, members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a repeated name
        with zipfile.ZipFile(path, "w", method) as z:
            for name, data in members.items():
                z.writestr(name.split("#")[0], data)
    return path


WORKBOOK = {"xl/workbook.xml": b"<workbook/>", "xl/_rels/workbook.xml.rels": b"<r/>",
            "xl/worksheets/sheet1.xml": b"<c r=\"A1\"><v>1</v></c>" * 100}


def _uncopyable(folder: Path) -> list[Path]:
    """Workbooks neither copy takes: a repeated name (calamine and zipfile could take
    different ones), another format's main part, another compression method, no workbook
    part, not a zip at all, no file, a member whose bytes no longer match its CRC."""
    out = []
    for name, members, method in (
            ("repeated", {**WORKBOOK, "xl/workbook.xml#2": b"<workbook/>"}, None),
            ("ods", {**WORKBOOK, "content.xml": b"<x/>"}, None),
            ("xlsb", {**WORKBOOK, "xl/workbook.bin": b"\0"}, None),
            ("bzip2", WORKBOOK, zipfile.ZIP_BZIP2),
            ("no_workbook", {"xl/worksheets/sheet1.xml": b"<c/>"}, None)):
        out.append(_zip(folder / f"{name}.xlsx", members, method or zipfile.ZIP_DEFLATED))
    not_zip = folder / "bukan.xlsx"
    not_zip.write_bytes(b"PK\x03\x04 bukan zip")
    stored = _zip(folder / "stored.xlsx", WORKBOOK, zipfile.ZIP_STORED)
    with zipfile.ZipFile(stored) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(stored.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + 7] ^= 0x01
    stored.write_bytes(bytes(data))
    return out + [not_zip, folder / "tidak_ada.xlsx", stored]


def test_what_cannot_be_copied_is_read_from_the_file(tmp_path, monkeypatch):
    assert F.unpacked(_zip(tmp_path / "ok.xlsx", WORKBOOK)) is not None
    for path in _uncopyable(tmp_path):
        assert F.unpacked(path) is None, path.name
    # larger than the limit
    monkeypatch.setattr(F, "UNPACK_LIMIT", 1000)
    assert F.unpacked(_zip(tmp_path / "big.xlsx", WORKBOOK)) is None


@pytest.mark.parametrize("name", ["terpotong.xlsx", "zip_biasa.xlsx", "bom_zip.xlsx",
                                  "entitas_xml.xlsx", "terkunci_sandi.xlsx"])
def test_broken_files_say_what_they_said(name):
    """A file the copy declines or calamine refuses is opened from the file: the same
    message as before the shortcut."""
    path = ROOT / "tests" / "corpus" / name
    with pytest.raises(Exception) as with_copy:
        R.read_report(path)
    real = R._unpacked_workbook
    try:
        R._unpacked_workbook = lambda p: None
        with pytest.raises(Exception) as without:
            R.read_report(path)
    finally:
        R._unpacked_workbook = real
    assert type(with_copy.value) is type(without.value)
    assert str(with_copy.value) == str(without.value)


def _temp_copies(folder: Path) -> set[Path]:
    return set(folder.glob("lkj-*.tmp"))


@pytest.fixture
def spill_everything(monkeypatch, tmp_path):
    """Every workbook counts as large (formulas.spilled copies it, unpacked declines), and
    the temporary copies go to a folder of their own, to be counted."""
    import tempfile

    monkeypatch.setattr(F, "UNPACK_LIMIT", 0)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_the_spilled_copy_reads_as_the_file_does(spill_everything):
    """formulas.spilled, the stored copy of a large workbook in a temporary file: the same
    sheets, cells, scan and members as the file, or declined where unpacked declines."""
    copied = 0
    for path in _workbooks():
        F._SCANS.clear()
        temp = F.spilled(path)
        if temp is None:
            assert not _temp_copies(spill_everything), path.name
            continue
        copied += 1
        made = F._SCANS.pop(F._version(path))
        assert made == F._scan(str(path)), path.name
        assert list(made) == list(F._scan(str(path))), path.name  # in sheet order
        from_file = _opened(pc.CalamineWorkbook.from_path, str(path))
        from_copy = _opened(pc.CalamineWorkbook.from_path, temp)
        if isinstance(from_file, tuple):
            assert isinstance(from_copy, tuple), path.name
        else:
            assert from_copy.sheet_names == from_file.sheet_names, path.name
            assert _cells(from_copy, made) == _cells(from_file, made), path.name
            from_copy.close()
        with zipfile.ZipFile(path) as z, zipfile.ZipFile(temp) as c:
            assert c.testzip() is None
            assert [i.filename for i in c.infolist()] == [i.filename for i in z.infolist()]
            assert all(c.read(n) == z.read(n) for n in z.namelist()), path.name
            assert {i.compress_type for i in c.infolist()} == {zipfile.ZIP_STORED}
        assert F.remove_copy(temp) and not _temp_copies(spill_everything)
    assert copied >= len(list((ROOT / "sample_workbooks").glob("*.xlsx"))) + 40


def test_the_reader_reads_the_spilled_copy_and_removes_it(spill_everything, monkeypatch):
    """read_report opens a large report through its spilled copy (calamine is asked for
    the temporary file, never the report), reads the same report, and leaves no copy."""
    sample = ROOT / "sample_workbooks" / "contoh_bersih_sukamaju_tw1_2025.xlsx"
    F._SCANS.clear()
    want = R.read_report(sample)
    assert not _temp_copies(spill_everything)
    opened = []
    real = pc.CalamineWorkbook.from_path

    def only_copies(path):
        opened.append(path)
        assert Path(path).parent == spill_everything, "read from the file, not the copy"
        return real(path)

    monkeypatch.setattr(pc.CalamineWorkbook, "from_path", only_copies)
    F._SCANS.clear()
    got = R.read_report(sample)
    assert opened and got.anggaran == want.anggaran and got.identity == want.identity
    assert got.capaian == want.capaian and got.settings == want.settings
    assert not _temp_copies(spill_everything)


def test_what_cannot_be_spilled_is_read_from_the_file(tmp_path, spill_everything,
                                                      monkeypatch):
    """Where unpacked declines (but for the size) spilled declines too, and leaves no
    temporary file behind; a small workbook is unpacked's, not spilled."""
    folder = tmp_path / "in"
    folder.mkdir()
    assert F.spilled(_zip(folder / "ok.xlsx", WORKBOOK)) is not None
    for temp in _temp_copies(spill_everything):
        F.remove_copy(str(temp))
    for path in _uncopyable(folder):
        assert F.spilled(path) is None, path.name
    assert not _temp_copies(spill_everything)
    monkeypatch.setattr(F, "UNPACK_LIMIT", 10 ** 9)
    assert F.spilled(_zip(folder / "small.xlsx", WORKBOOK)) is None
    assert not _temp_copies(spill_everything)


def test_a_copy_that_cannot_be_removed_while_open_is_not_read(spill_everything, monkeypatch):
    """Where the open copy cannot be removed (a system that refuses to delete an open
    file), the reader closes calamine's workbook, removes the copy and reads the file."""
    sample = ROOT / "sample_workbooks" / "contoh_bersih_sukamaju_tw1_2025.xlsx"
    want = R.read_report(sample)
    real = F.remove_copy
    refused = []

    def refuse_first(path):
        if not refused:
            refused.append(path)
            return False
        return real(path)

    monkeypatch.setattr(F, "remove_copy", refuse_first)
    F._SCANS.clear()
    got = R.read_report(sample)
    assert refused and got.anggaran == want.anggaran and got.identity == want.identity
    assert not _temp_copies(spill_everything)


_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'),
}

_CELLS = {
    "empty": '<c r="{ref}" s="1"/>',
    "bare": '<c r="{ref}"/>',
    "number": '<c r="{ref}"><v>{n}</v></c>',
    "inline": '<c r="{ref}" t="inlineStr"><is><t>teks {n}</t></is></c>',
    "prefixed": '<x:c r="{ref}"><x:v>{n}</x:v></x:c>',
    "cdata": '<c r="{ref}" t="inlineStr"><is><t><![CDATA[</c></row>]]></t></is></c>',
}


def _sheet_xml(rows: list[list[str]], blank_rows: int) -> bytes:
    body = []
    for r, kinds in enumerate(rows, 1):
        cells = "".join(_CELLS[k].format(ref=f"{'ABCDE'[c]}{r}", n=r * 10 + c)
                        for c, k in enumerate(kinds))
        body.append(f'<row r="{r}">{cells}</row>' if cells else f'<row r="{r}"/>')
    for r in range(len(rows) + 1, len(rows) + 1 + blank_rows):
        body.append(f'<row r="{r}" spans="1:3"><c r="A{r}" s="1"/><c r="B{r}" s="2"/></row>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><sheetData>{"".join(body)}</sheetData><mergeCells count="1"><mergeCell '
        'ref="A1:B1"/></mergeCells></worksheet>').encode()


def _grid_of(sheet: bytes):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in _PACKAGE.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(buf.getvalue()))
        return wb.get_sheet_by_name("Data").to_python(skip_empty_area=False)
    except pc.CalamineError as exc:
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("last", ["number", "inline", "prefixed", "cdata", "empty"])
@pytest.mark.parametrize("blank_rows", [0, 3])
def test_a_trimmed_sheet_reads_as_the_whole_one(last, blank_rows):
    """formulas._trimmed leaves out the rows of empty cells after the last cell that holds
    something, and only those: calamine reads the same grid from what is left, whatever
    the last rows hold (a number, an inline text, a prefixed cell, a CDATA section that
    spells a closing tag, nothing)."""
    rows = [["number", "inline"], ["empty", "number", "bare"], [], ["bare", last], ["empty"]]
    sheet = _sheet_xml(rows, blank_rows)
    trimmed = F._trimmed(sheet)
    assert _grid_of(trimmed) == _grid_of(sheet)
    assert trimmed.endswith(b"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/>"
                            b"</mergeCells></worksheet>")
    if last in ("number", "inline", "cdata"):
        # what follows the last cell's row is empty cells only: left out
        assert b'<row r="4">' in trimmed and b'<row r="5">' not in trimmed
    if last == "empty":  # the last cell that holds something is in row 2
        assert b'<row r="2">' in trimmed and b'<row r="3"' not in trimmed
    if last == "prefixed":  # a cell closed by </x:c> in the tail: the sheet is left whole
        assert trimmed == sheet
    assert F._trimmed(b"<worksheet/>") == b"<worksheet/>"
