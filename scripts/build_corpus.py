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
            ws["E4"] = dt.datetime(2025, 3, 10) if not isinstance(value, str) else \
                "10 Maret 2025"
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


def more_programs() -> None:
    """Files that other real programs write: gnumeric's .xlsx and its indented .ods (which
    python-calamine alone cannot read), LibreOffice's Excel 97-2003 .xls, and workbooks
    saved under the wrong extension (an .xls or .ods named .xlsx, an .xlsx named .xls)."""
    if shutil.which("ssconvert"):
        for name in ("gnumeric.xlsx", "gnumeric.ods"):
            subprocess.run(["ssconvert", str(CANDIPURO), str(OUT / name)], check=True,
                           capture_output=True)
    else:
        print("lewati: gnumeric tidak terpasang")
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", tmp,
                            str(CANDIPURO)], check=True, capture_output=True, timeout=300)
            shutil.copy(Path(tmp) / f"{CANDIPURO.stem}.xls", OUT / "libreoffice.xls")
    if (OUT / "lama.xls").exists():
        shutil.copy(OUT / "lama.xls", OUT / "xls_bernama_xlsx.xlsx")
    if (OUT / "libreoffice.ods").exists():
        shutil.copy(OUT / "libreoffice.ods", OUT / "ods_bernama_xlsx.xlsx")
    shutil.copy(CANDIPURO, OUT / "xlsx_bernama_xls.xls")


def google_sheets_style() -> None:
    """What a Google Sheets download looks like inside: every text written inline in the
    sheet (t="inlineStr"), no shared-strings part, no document properties."""
    import re
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(CLEAN) as zin:
        sst = zin.read("xl/sharedStrings.xml").decode()
        strings = [re.sub(r"<[^>]+>", "", si) for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]
        strings = [s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                   .replace("&amp;", "&") for s in strings]
        with zipfile.ZipFile(OUT / "google_sheets.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                name = info.filename
                if name in ("xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml"):
                    continue
                data = zin.read(name)
                if name.startswith("xl/worksheets/sheet"):
                    def inline(m):
                        text = escape(strings[int(m.group(3))])
                        return (f'<c r="{m.group(1)}"{m.group(2)} t="inlineStr"><is><t '
                                f'xml:space="preserve">{text}</t></is></c>')
                    data = re.sub(r'<c r="([A-Z]+\d+)"([^>]*?) t="s"[^>]*><v>(\d+)</v></c>',
                                  inline, data.decode()).encode()
                elif name in ("[Content_Types].xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"):
                    text = data.decode()
                    text = re.sub(r"<(Override|Relationship)\b[^>]*(sharedStrings|core|app)"
                                  r"[^>]*/>", "", text)
                    data = text.encode()
                zout.writestr(info, data)


def text_files_named_as_workbooks() -> None:
    """Web and text exports saved with a workbook's name."""
    (OUT / "halaman_web.xls").write_text(
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>Unit</td><td>Kecamatan "
        "Sukamaju</td></tr></table></body></html>", encoding="utf-8")
    (OUT / "xml_excel_2003.xls").write_text(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns='
        '"urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Identitas" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"/></Workbook>\n',
        encoding="utf-8")
    (OUT / "csv_bernama_xlsx.xlsx").write_text(
        "Kode;Uraian;Pagu;Realisasi\n7.01.02;Program Penyelenggaraan;20.000.000;5.000.000\n",
        encoding="utf-8")


def far_cell(wb) -> None:
    """One value in the very last cell of a sheet (XFD1048576): calamine alone would ask
    for 512 GiB and abort the process."""
    wb["Pegawai"]["XFD1048576"] = "catatan di sel terakhir"


def formula_errors() -> None:
    """Formulas whose cached results are errors, as Excel saves them: #DIV/0!, #REF!,
    #VALUE! and #N/A in cells the checker reads."""
    import python_calamine as pc
    import xlsxwriter

    wb_in = pc.CalamineWorkbook.from_path(str(CLEAN))
    wb = xlsxwriter.Workbook(OUT / "galat_rumus.xlsx",
                             {"strings_to_numbers": False, "strings_to_formulas": False})
    errors = {"Anggaran": [(3, 5, "=D4/0", "#DIV/0!"), (4, 4, "=#REF!-D5", "#REF!")],
              "Capaian": [(3, 7, '=VALUE("x")', "#VALUE!")],
              "Efisiensi": [(3, 2, "=NA()", "#N/A")]}
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
        for r, c, formula, cached in errors.get(name, ()):
            ws.write_formula(r, c, formula, None, cached)
    wb.close()


def written_forms() -> None:
    def weekday(wb):
        wb["Identitas"]["B13"] = "Kamis, 10 April 2025"  # 10 April 2025 was a Thursday

    def wrong_weekday(wb):
        wb["Identitas"]["B13"] = "Senin, 10 April 2025"

    def rupiah(wb):
        wb["Anggaran"]["C4"] = "Rp. 20.000.000,-"
        wb["Anggaran"]["D4"] = "Rp5.000.000,-"

    def invisible(wb):
        wb["Anggaran"]["D4"] = "5.000\u200b.000"  # a zero-width space pasted from the web
        wb["Anggaran"]["E4"] = "15.000.000\u00a0"  # a no-break space
        wb["Anggaran"]["C5"] = "\ufeff20.000.000"

    edited("tanggal_dengan_hari.xlsx", weekday)
    edited("tanggal_hari_salah.xlsx", wrong_weekday)
    edited("rupiah_koma_strip.xlsx", rupiah)
    edited("spasi_tak_terlihat.xlsx", invisible)


def clashing_sheet_names() -> None:
    """Sheets finalise must not trip over: the user's own Ringkasan and Temuan, and an
    .ods sheet name longer than Excel's 31 characters with characters Excel forbids."""
    def own_sheets(wb):
        for n in ("Ringkasan", "Temuan"):
            wb.create_sheet(n)["A1"] = f"catatan {n.lower()} milik seksi"

    edited("sheet_ringkasan_temuan.xlsx", own_sheets)
    soffice = shutil.which("soffice")
    if not soffice:
        print("lewati: LibreOffice tidak terpasang")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--convert-to", "ods", "--outdir", tmp,
                        str(CLEAN)], check=True, capture_output=True, timeout=300)
        src = Path(tmp) / f"{CLEAN.stem}.ods"
        long = "Catatan tambahan seksi pemerintahan: revisi [2] 'akhir'"
        with zipfile.ZipFile(src) as zin, \
                zipfile.ZipFile(OUT / "nama_sheet_panjang.ods", "w") as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "content.xml":
                    data = data.replace(b'table:name="Narasi"',
                                        f'table:name="{long.replace(chr(39), "&apos;")}"'
                                        .encode())
                zout.writestr(info, data, zipfile.ZIP_STORED if info.filename == "mimetype"
                              else zipfile.ZIP_DEFLATED)


#: Generators added for issue 16; `python scripts/build_corpus.py --baru` runs only these.
NEW = (more_programs, google_sheets_style, text_files_named_as_workbooks, formula_errors,
       written_forms, clashing_sheet_names)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if "--baru" in sys.argv:
        edited("sel_paling_jauh.xlsx", far_cell)
        for make in NEW:
            make()
        print(f"{len(list(OUT.iterdir()))} berkas di {OUT}")
        return
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
    edited("sel_paling_jauh.xlsx", far_cell)
    for make in NEW:
        make()
    n = len(list(OUT.iterdir()))
    print(f"{n} berkas di {OUT}")


if __name__ == "__main__":
    main()
