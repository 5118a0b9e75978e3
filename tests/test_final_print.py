"""The finalised workbook as printed: read back from the file (openpyxl), the report's print
areas are checked for what a Camat signs - A4 width, explicit row heights for wrapped text,
pages that need no automatic break, whole signature blocks, no finding marks - and one
sample is rendered by LibreOffice to check the same on real pages."""

from __future__ import annotations

import math
import re
import shutil
import subprocess

import openpyxl
import pytest
from openpyxl.utils import range_boundaries

from lkj_excel.writers.final import finalise

from .conftest import ALL_SAMPLES, CANDIPURO, PRONOJIWO, RANUYOSO, SENDURO
from .helpers import numeric_workbook

REPORT = ["Ringkasan", "Tabel PK", "Tabel Capaian", "Tabel Anggaran", "Tabel Desa",
          "Tabel Perbandingan", "Tabel Pegawai"]
A4_PT = (595.28, 841.89)
#: The fills that mark findings in the appendix (error, warning, info).
FINDING_FILLS = {"FFC7CE", "FFEB9C", "DDEBF7"}
RAW_FLOAT = re.compile(r"(?<![\d.,])\d+\.\d+(?![\d.,])")
GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@pytest.fixture(scope="module")
def finals(tmp_path_factory):
    d = tmp_path_factory.mktemp("print")
    out = {src: finalise(src, d / f"{src.stem}.xlsx").output for src in ALL_SAMPLES}
    out["numeric"] = finalise(numeric_workbook(d), d / "angka_final.xlsx").output
    return out


@pytest.fixture(scope="module")
def books(finals):
    return {k: openpyxl.load_workbook(v) for k, v in finals.items()}


def report_sheets(wb):
    return [ws for ws in wb.worksheets if ws.title in REPORT]


def area(ws):
    ref = ws.print_area.split("!")[-1].replace("$", "")
    return range_boundaries(ref)  # min_col, min_row, max_col, max_row


def cells_in_area(ws):
    c0, r0, c1, r1 = area(ws)
    for row in ws.iter_rows(min_row=r0, max_row=r1, min_col=c0, max_col=c1):
        yield from row


def col_widths(ws) -> dict[int, float]:
    """Column index (1-based) -> stored width; openpyxl keys a run of equal columns by its
    first letter only."""
    out = {}
    for dim in ws.column_dimensions.values():
        for c in range(dim.min, dim.max + 1):
            out[c] = dim.width
    return out


def scale(ws) -> float:
    return (ws.page_setup.scale or 100) / 100


def paper(ws) -> tuple[float, float]:
    w, h = A4_PT
    return (h, w) if ws.page_setup.orientation == "landscape" else (w, h)


def row_pt(ws, r: int) -> float:
    """A row's height: its own, else the sheet's default row height (Arial 10's 12.75)."""
    h = ws.row_dimensions[r].height
    if h is None:
        h = ws.sheet_format.defaultRowHeight
        assert h == 12.75, (ws.title, r)
    return h


def pages(ws) -> list[tuple[int, int]]:
    """1-based row ranges of the printed pages, from the manual breaks in the file."""
    _, r0, _, r1 = area(ws)
    starts = [r0] + [b.id + 1 for b in ws.row_breaks.brk]
    ends = [b.id for b in ws.row_breaks.brk] + [r1]
    return list(zip(starts, ends, strict=True))


def test_report_first_selected_appendix_after(books):
    wb = books[PRONOJIWO]
    names = wb.sheetnames
    assert names[:7] == REPORT
    assert names[7:9] == ["Lampiran Pemeriksaan", "Temuan"]
    import python_calamine as pc

    inputs = pc.CalamineWorkbook.from_path(str(PRONOJIWO)).sheet_names
    assert names[9:] == [n for n in inputs if n != "Petunjuk"]
    assert wb.active.title == "Ringkasan"
    # selected together, so that printing the active sheets prints the report alone
    assert [ws.title for ws in wb.worksheets if ws.sheet_view.tabSelected] == REPORT
    assert all(ws.protection.sheet for ws in report_sheets(wb))


def test_tanpa_lampiran_writes_the_report_alone(tmp_path):
    out = finalise(RANUYOSO, tmp_path / "r.xlsx", appendix=False).output
    wb = openpyxl.load_workbook(out)
    # Ranuyoso has no Desa, Perbandingan or Pegawai sheet rows: those tables are left out
    assert wb.sheetnames == ["Ringkasan", "Tabel PK", "Tabel Capaian", "Tabel Anggaran"]
    out = finalise(PRONOJIWO, tmp_path / "p.xlsx", print_appendix=True).output
    wb = openpyxl.load_workbook(out)
    assert all(ws.sheet_view.tabSelected for ws in wb.worksheets)


@pytest.mark.parametrize("src", ALL_SAMPLES, ids=lambda p: p.stem)
def test_print_areas_fit_a4_width(books, src):
    for ws in report_sheets(books[src]):
        assert ws.page_setup.paperSize == 9, ws.title
        # no fit-to-page: Excel ignores manual page breaks when it is on
        assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
        c0, r0, c1, r1 = area(ws)
        assert (c0, r0) == (1, 1), ws.title
        assert r1 >= max(c.row for row in ws.iter_rows() for c in row
                         if c.value not in (None, "") and c.column <= c1), ws.title
        # LibreOffice draws a stored width w as w x 7.41 px (Liberation Sans 10 digits)
        stored = col_widths(ws)
        widths = [stored.get(c, 9.14) for c in range(c0, c1 + 1)]
        printed_px = sum(w * 556 / 1000 * 10 * 96 / 72 for w in widths) * scale(ws)
        page_w, _ = paper(ws)
        assert printed_px <= (page_w - 72) * 96 / 72, ws.title


@pytest.mark.parametrize("src", ALL_SAMPLES, ids=lambda p: p.stem)
def test_every_page_fits_so_no_program_adds_breaks(books, src):
    for ws in report_sheets(books[src]):
        _, height = paper(ws)
        room = height - 72 * (ws.page_margins.top + ws.page_margins.bottom)
        repeat = 0.0
        if ws.print_title_rows:
            a, b = (int(x) for x in ws.print_title_rows.replace("$", "").split(":"))
            repeat = sum(row_pt(ws, r) for r in range(a, b + 1))
        for i, (first, last) in enumerate(pages(ws)):
            used = sum(row_pt(ws, r) for r in range(first, last + 1))
            used += repeat if i else 0.0
            assert used * scale(ws) <= room, (ws.title, first, last)


def _wrapped_lower_bound(text: str, width_chars: float) -> int:
    """Lines a text needs at least: Arial 10 letters average over 5 px; a column of w
    characters is w x 7 px wide in Excel."""
    return max(1, sum(math.ceil(len(part) * 5.0 / (width_chars * 7)) for part in
                      text.split("\n")))


@pytest.mark.parametrize("src", ALL_SAMPLES, ids=lambda p: p.stem)
def test_wrapped_text_has_room(books, src):
    """Rows holding wrapped text are tall enough for it (LibreOffice and WPS do not grow
    rows of a written file; text would overlap the next row)."""
    checked = 0
    for ws in report_sheets(books[src]):
        stored = col_widths(ws)
        merged = {m.min_row * 1000 + m.min_col: m for m in ws.merged_cells.ranges}
        for cell in cells_in_area(ws):
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            m = merged.get(cell.row * 1000 + cell.column)
            cols = range(m.min_col, m.max_col + 1) if m else [cell.column]
            width = sum(stored.get(c, 9.14) for c in cols)
            lines = _wrapped_lower_bound(cell.value, width)
            assert row_pt(ws, cell.row) >= 12.75 * lines, (ws.title, cell.coordinate)
            checked += 1
    assert checked > 20


def _identity(wb, key):
    ws = wb["Identitas"]
    for row in ws.iter_rows(values_only=True):
        if row and row[0] == key:
            return row[1]
    return None


@pytest.mark.parametrize("src", ALL_SAMPLES, ids=lambda p: p.stem)
def test_signature_block_whole_on_every_report_sheet(books, src):
    wb = books[src]
    name = _identity(wb, "Nama Pelapor").strip()
    # seed 003 writes the reporter's NIP as HANI PUJANTO three times and RUJANTO once, in
    # Identitas: the report is signed with the name written most often (IDN005)
    name = {"HANI RUJANTO, SH": "HANI PUJANTO, SH"}.get(name, name)
    atasan = (_identity(wb, "Nama Atasan Langsung") or "").strip()
    seksi = _identity(wb, "Tingkat") == "seksi"
    for ws in report_sheets(wb):
        texts = {}
        for cell in cells_in_area(ws):
            if isinstance(cell.value, str):
                texts.setdefault(cell.value, cell.row)
        assert name in texts, ws.title
        dated = [r for t, r in texts.items() if re.fullmatch(r".+, \d{1,2} \w+ \d{4}", t)]
        nips = [r for t, r in texts.items() if t.startswith("NIP. ")]
        assert dated and nips, ws.title
        first, last = min(dated), max(nips)
        assert texts[name] < last and last - first <= 9, ws.title
        if seksi and atasan:
            assert "Mengetahui," in texts and atasan in texts, ws.title
        else:
            assert "Mengetahui," not in texts, ws.title
        # no page break inside the block, and the block is not alone on its page
        page = next(p for p in pages(ws) if p[0] <= first <= p[1])
        assert page[0] <= first and last <= page[1], (ws.title, page, first, last)


@pytest.mark.parametrize("src", ALL_SAMPLES, ids=lambda p: p.stem)
def test_printed_report_has_no_finding_marks(books, src):
    """No red/amber/blue finding fill, no count of findings, no tool name in the report."""
    for ws in report_sheets(books[src]):
        for cell in cells_in_area(ws):
            fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None
            assert not (isinstance(fill, str) and fill[-6:] in FINDING_FILLS), \
                (ws.title, cell.coordinate)
            if isinstance(cell.value, str):
                low = cell.value.lower()
                assert not re.search(r"kesalahan|peringatan|temuan|lkj", low), \
                    (ws.title, cell.coordinate, cell.value)
        for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right,
                     ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
            assert "lkj" not in (part.text or "").lower(), ws.title
        assert "&P" in ws.oddFooter.right.text


@pytest.mark.parametrize("src", [RANUYOSO, SENDURO], ids=lambda p: p.stem)
def test_a_seksis_cost_per_outcome_is_its_budget(books, src):
    # seeds 000 and 002 have no budget table: their cost-per-outcome kegiatan are the
    # budget (Ranuyoso: Koordinasi Kegiatan Pemberdayaan Desa, 23.500.000)
    wb = books[src]
    for name in ("Ringkasan", "Tabel Anggaran"):
        values = [c.value for row in wb[name].iter_rows() for c in row]
        assert "Tidak ada data anggaran pada laporan ini." not in values, name
        assert "JUMLAH" in values, name
    if src == RANUYOSO:
        values = [c.value for row in wb["Tabel Anggaran"].iter_rows() for c in row]
        assert "Koordinasi Kegiatan Pemberdayaan Desa" in values and 23_500_000 in values


def test_no_budget_is_no_data_not_zero(tmp_path):
    from .helpers import clean_data, write

    d = clean_data()
    d["Anggaran"], d["PK Anggaran"], d["Efisiensi"] = [], [], []
    out = tmp_path / "final.xlsx"
    finalise(write(tmp_path, d), out)
    wb = openpyxl.load_workbook(out)
    for name in ("Ringkasan", "Tabel Anggaran"):
        values = [c.value for row in wb[name].iter_rows() for c in row]
        assert "Tidak ada data anggaran pada laporan ini." in values, name
        assert "JUMLAH" not in values, name


def test_kop_from_identitas(books):
    ws = books[CANDIPURO]["Ringkasan"]
    top = [ws.cell(r, 1).value for r in range(1, 5)]
    assert top[:2] == ["PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN CANDIPURO"]


def _bad_text(value: str) -> bool:
    floats = [m.group() for m in RAW_FLOAT.finditer(value) if not GROUPED.fullmatch(m.group())]
    return bool(floats or ISO_DATE.search(value))


@pytest.mark.parametrize("src", [*ALL_SAMPLES, "numeric"], ids=str)
def test_temuan_quotes_values_the_indonesian_way(books, src):
    ws = books[src]["Temuan"]
    heads = [c.value for c in ws[4]]
    col = {h: i for i, h in enumerate(heads)}
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    for row in rows:
        assert not _bad_text(str(row[col["Seharusnya"]] or "")), row
    if src == "numeric":
        found = {(r[col["Aturan"]], r[col["Sel"]]): r[col["Tertulis"]] for r in rows}
        assert found[("ANG001", "E6")] == "6.500.000"
        assert found[("ANG002", "F6")] == "38,50%"
        assert found[("CAP001", "G4")] == "52,63%"
        assert found[("IDN001", "B13")] == "15 Juli 2025"
        assert not any(_bad_text(str(r[col["Tertulis"]] or "")) for r in rows)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice or poppler-utils not installed")
def test_libreoffice_prints_the_pages_we_laid_out(tmp_path):
    """LibreOffice renders the report of every sample: it breaks pages exactly where the
    file says (no page of its own), each signature block sits on one page, and no page
    mentions findings."""
    paths = [finalise(src, tmp_path / f"{src.stem}.xlsx", appendix=False).output
             for src in ALL_SAMPLES]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    for path in paths:
        wb = openpyxl.load_workbook(path)
        expected = sum(len(pages(ws)) for ws in wb.worksheets)
        pdf = path.with_suffix(".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        printed = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
        assert len(printed) == expected, path.name
        for page in printed:
            assert not re.search(r"kesalahan|peringatan|temuan|lkj", page.lower())
            if "NIP. " in page:
                # the date line and the name are on the page that has the NIP
                assert re.search(r", \d{1,2} \w+ \d{4}", page)
        if path.stem == PRONOJIWO.stem:
            assert "1.587.655.347" in text and "73,16%" in text  # Indonesian separators


def _png(path, width=40, height=30):
    """A small valid PNG (grey), written without an imaging library."""
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_logo_from_pengaturan(tmp_path):
    import zipfile

    from .helpers import clean_data, write

    data = clean_data()
    data["Pengaturan"] = {"logo": "logo_lumajang.png"}
    src = write(tmp_path, data, "laporan.xlsx")
    missing = finalise(src, tmp_path / "tanpa_logo.xlsx")
    assert any("logo_lumajang.png" in n and "tidak ditemukan" in n for n in missing.notes)
    _png(tmp_path / "logo_lumajang.png")
    res = finalise(src, tmp_path / "dengan_logo.xlsx")
    assert res.notes == []
    with zipfile.ZipFile(res.output) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        drawing = z.read("xl/drawings/drawing1.xml").decode()
        ringkasan_rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert media == ["xl/media/image1.png"] and 'descr="Logo"' in drawing
    assert "drawing1.xml" in ringkasan_rels  # sheet1 is the Ringkasan


def test_text_widths_summed_in_c_are_the_metrics_added_up():
    """printlayout.text_units (a Latin-1 text's widths summed through two byte tables)
    gives the Arial metrics added a character at a time, for every character kind: printable
    ASCII, control characters, Latin-1 above ASCII, and text beyond Latin-1; and the
    one-line shortcut of wrapped_lines agrees with wrapping word by word."""
    from lkj_excel.writers import printlayout as pl

    def long_way(text: str, bold: bool) -> int:
        table = pl._BOLD if bold else pl._REGULAR
        return sum(table[ord(ch) - 32] if 32 <= ord(ch) < 127 else pl._OTHER for ch in text)

    texts = ["", "Kecamatan Ranuyoso", "Rp 1.500.000,00 (68,50%)", "".join(map(chr, range(256))),
             "tab\there\x01\x7f", "Désa Sükamaju ±½", "Kabupaten 中文 — “kutip”", "@" * 300,
             "W" * 70 + " i" * 40]
    for text in texts:
        for bold in (False, True):
            assert pl.text_units(text, bold) == long_way(text, bold), (text, bold)
    for text in texts:
        if "\n" in text or not text.strip():
            continue
        for width in (20.0, 103.0, 257.0, 2000.0):
            for bold in (False, True):
                assert pl.wrapped_lines(text, width, bold=bold) == \
                    pl._wrapped_lines(text, width, bold=bold), (text, width, bold)
