"""Build tests/corpus/: hostile and odd workbooks, each made from the clean sample by a
small, readable change (or from nothing), so nothing in the corpus is hand-edited.

    python scripts/build_corpus.py

Files saved by LibreOffice (.ods, .xlsx) need `soffice`; the old .xls needs gnumeric's
`ssconvert`; the encrypted one needs msoffcrypto-tool. Missing tools skip those files.
tests/test_corpus.py holds the expected outcome of every file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from lkj_excel import layout as L  # noqa: E402

OUT = ROOT / "tests" / "corpus"
CLEAN = ROOT / "sample_workbooks" / "contoh_bersih_sukamaju_tw1_2025.xlsx"
CANDIPURO = ROOT / "sample_workbooks" / "004_candipuro_kecamatan_tw2_2023.xlsx"


def edited(name: str, change) -> None:
    wb = openpyxl.load_workbook(CLEAN)
    change(wb)
    wb.save(OUT / name)


def not_workbooks() -> None:
    with zipfile.ZipFile(OUT / "word_diganti_nama.xlsx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    (OUT / "pdf_diganti_nama.xlsx").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>\n")
    (OUT / "kosong.xlsx").write_bytes(b"")
    (OUT / "terpotong.xlsx").write_bytes(CLEAN.read_bytes()[:4096])
    with zipfile.ZipFile(OUT / "zip_biasa.xlsx", "w") as z:
        z.writestr("catatan.txt", "bukan buku kerja")
    shutil.copy(CLEAN, OUT / "~$laporan.xlsx")
    wb = openpyxl.Workbook()
    wb.save(OUT / "tanpa_baris.xlsx")


def encrypted() -> None:
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("lewati: msoffcrypto-tool tidak terpasang")
        return
    with open(CLEAN, "rb") as src, open(OUT / "terkunci_sandi.xlsx", "wb") as out:
        OOXMLFile(src).encrypt("rahasia", out)


def missing_sheets_and_columns() -> None:
    for sheet in L.REQUIRED_SHEETS:
        edited(f"tanpa_sheet_{sheet}.xlsx", lambda wb, s=sheet: wb.remove(wb[s]))
    for spec in L.TABLE_SHEETS:
        for col in spec.columns:
            if not col.required:
                continue

            def drop(wb, spec=spec, col=col):
                ws = wb[spec.name]
                for cell in ws[L.HEADER_ROW]:
                    if cell.value == col.header:
                        cell.value = None

            edited(f"tanpa_kolom_{spec.name.replace(' ', '_')}_{col.key}.xlsx", drop)


def shifted_headers(wb) -> None:
    """Every table moved 3 rows down and 2 columns right; headers in capitals, with
    extra spaces."""
    for spec in L.TABLE_SHEETS:
        ws = wb[spec.name]
        ws.move_range(f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}",
                      rows=3, cols=2)
        for cell in ws[L.HEADER_ROW + 3]:
            if isinstance(cell.value, str):
                cell.value = "  " + cell.value.upper().replace(" ", "  ") + " "


def text_in_numbers(wb) -> None:
    ws = wb["Anggaran"]
    ws["C6"] = "dua juta"
    ws["D7"] = "1.500.000 rupiah"
    wb["PK Anggaran"]["D4"] = "Rp -"


def negative_and_enormous(wb) -> None:
    ws = wb["Anggaran"]
    ws["D6"] = "-2.000.000"
    ws["C11"] = 1e15


def impossible_dates(wb) -> None:
    wb["Identitas"]["B13"] = "31 Februari 2025"
    wb["Desa"]["D4"] = "30/02/2025"


def huge_number_in_date_cell(wb) -> None:
    """A number far beyond any date in a date-formatted cell: python-calamine's Rust code
    panics converting it; lkj must answer with a message, not a Rust backtrace."""
    wb["Desa"]["D4"] = -4.2e17  # the template formats the cell as a date


def date_formats() -> None:
    forms = {"teks": "10 April 2025", "strip": "10-04-2025", "garis_miring": "10/04/2025",
             "iso": "2025-04-10", "tanggal_excel": dt.datetime(2025, 4, 10),
             "singkat": "10 Apr 2025"}
    for key, value in forms.items():
        def change(wb, value=value):
            wb["Identitas"]["B13"] = value
            ws = wb["Desa"]
            ws["D4"] = dt.datetime(2024, 12, 20) if not isinstance(value, str) else \
                "20 Desember 2024"
        edited(f"tanggal_{key}.xlsx", change)


def formulas_cached() -> None:
    """Sisa written as live formulas with their values stored (as Excel and XlsxWriter
    do). Built from the clean sample's data with the template writer."""
    import python_calamine as pc
    import xlsxwriter

    wb_in = pc.CalamineWorkbook.from_path(str(CLEAN))
    wb = xlsxwriter.Workbook(OUT / "rumus_dengan_nilai.xlsx",
                             {"strings_to_numbers": False, "strings_to_formulas": False})
    for name in wb_in.sheet_names:
        ws = wb.add_worksheet(name)
        grid = wb_in.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v == "":
                    continue
                if isinstance(v, (dt.date, dt.datetime)):
                    ws.write_datetime(r, c, v if isinstance(v, dt.datetime) else
                                      dt.datetime(v.year, v.month, v.day))
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                else:
                    ws.write_string(r, c, str(v))
        if name == "Anggaran":
            for r in range(3, 12):
                p = _num(grid[r][2])
                d = _num(grid[r][3])
                ws.write_number(r, 2, p)
                ws.write_number(r, 3, d)
                ws.write_formula(r, 4, f"=C{r + 1}-D{r + 1}", None, p - d)
    wb.close()


def _num(text) -> float:
    return float(str(text).replace(".", "")) if not isinstance(text, (int, float)) else text


def formulas_uncached(wb) -> None:
    ws = wb["Anggaran"]
    for r in range(4, 13):
        ws[f"E{r}"] = f"=C{r}-D{r}"


def merged(wb) -> None:
    wb["Anggaran"].merge_cells("A1:F1")
    ws = wb["PK"]
    ws["B5"] = None
    ws.merge_cells("B4:B5")


def hidden(wb) -> None:
    ws = wb["Anggaran"]
    for r in (5, 6):
        ws.row_dimensions[r].hidden = True
    wb["Pegawai"].sheet_state = "hidden"


def zip_bomb() -> None:
    """A workbook whose sheet declares an uncompressed size of ~4 GB (the central directory
    is patched; nothing that large is ever written)."""
    path = OUT / "bom_zip.xlsx"
    shutil.copy(CLEAN, path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        names = [i.filename for i in z.infolist()]
    target = b"xl/worksheets/sheet1.xml"
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        name_len = struct.unpack("<H", data[pos + 28:pos + 30])[0]
        name = bytes(data[pos + 46:pos + 46 + name_len])
        if name == target:
            data[pos + 24:pos + 28] = struct.pack("<I", 0xFFFFFF00)
        pos += 4
    assert "xl/worksheets/sheet1.xml" in names
    path.write_bytes(bytes(data))


def entity_expansion() -> None:
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    bomb = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE s [<!ENTITY l0 "lol">' + lol +
            ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>')
    with zipfile.ZipFile(CLEAN) as zin, \
            zipfile.ZipFile(OUT / "entitas_xml.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                data = bomb.encode()
            zout.writestr(info, data)


def other_programs() -> None:
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            for fmt, name in (("ods", "libreoffice.ods"), ("xlsx", "libreoffice.xlsx")):
                subprocess.run([soffice, "--headless", "--convert-to", fmt, "--outdir", tmp,
                                str(CANDIPURO)], check=True, capture_output=True, timeout=300)
                shutil.copy(Path(tmp) / f"{CANDIPURO.stem}.{fmt}", OUT / name)
    else:
        print("lewati: LibreOffice tidak terpasang")
    if shutil.which("ssconvert"):
        subprocess.run(["ssconvert", str(CANDIPURO), str(OUT / "lama.xls")], check=True,
                       capture_output=True)
    else:
        print("lewati: gnumeric tidak terpasang")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    not_workbooks()
    encrypted()
    missing_sheets_and_columns()
    edited("judul_bergeser.xlsx", shifted_headers)
    edited("teks_di_angka.xlsx", text_in_numbers)
    edited("angka_negatif_raksasa.xlsx", negative_and_enormous)
    edited("tanggal_mustahil.xlsx", impossible_dates)
    edited("tanggal_angka_raksasa.xlsx", huge_number_in_date_cell)
    date_formats()
    formulas_cached()
    edited("rumus_tanpa_nilai.xlsx", formulas_uncached)
    edited("sel_gabung.xlsx", merged)
    edited("tersembunyi.xlsx", hidden)
    shutil.copy(CLEAN, OUT / "Laporan Kinerja TW I (revisi) \u2013 K\u00e9camatan.xlsx")
    zip_bomb()
    entity_expansion()
    other_programs()
    n = len(list(OUT.iterdir()))
    print(f"{n} berkas di {OUT}")


if __name__ == "__main__":
    main()
