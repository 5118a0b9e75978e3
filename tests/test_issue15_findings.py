"""Issue 15: findings a user could not clear, or that were wrong, and report content that
went unchecked. Each test reproduces one bullet of the issue with the clean Sukamaju report
(TW I 2025; tests/helpers.clean_data) and one change; the expectations are worked out by
hand from the seed text. The other bullets' tests are in tests/test_rules.py and
tests/test_template_tables.py (the table in docs/aturan.md names them)."""

from __future__ import annotations

import openpyxl

from .helpers import check_data, clean_data, write

IND1 = "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti"


def _others(res):
    """Every finding but the clean report's own note (Tegalrejo's late LPPDes)."""
    return {f.key() for f in res.findings if f.rule != "DES001"}


def _typed_row(d, **kw):
    """Indicator 1 typed by hand: no Fasilitasi count, no predikat, no average."""
    d["Capaian"][0].update({"sumber": None, "pembilang": None, "penyebut": None,
                            "predikat": None, **kw})
    d["Capaian"][2]["capaian"] = None
    return d


def _perbandingan(d, i, **kw):
    """The report year's target and realisasi of indicator ``i`` in Perbandingan."""
    d["Perbandingan"][i].update(kw)
    return d


# -- Perbandingan against Capaian for a unit that is not % -------------------------------

def _indeks(d, target="82", realisasi="80", capaian="97,56%", pk="82"):
    """Indicator 1 as an index (satuan Indeks): target 82, realisasi 80, 80 / 82 = 97,56%."""
    d = _typed_row(d, satuan="Indeks", target=target, realisasi=realisasi, capaian=capaian)
    d["PK"][0]["target"] = pk
    return d


def test_perbandingan_of_an_indeks_is_no_false_error(tmp_path):
    # "Target tahun 2025 '82' berbeda dengan target di Capaian '82'" (an error, red, with
    # "Seharusnya: 82"): the same 82 in both, so nothing to say.
    d = _perbandingan(_indeks(clean_data()), 0, target_n="82", realisasi_n="80")
    assert _others(check_data(tmp_path, d)) == set()
    # a real difference is still one: 85 in Perbandingan (H4) against 82 in Capaian
    d = _perbandingan(_indeks(clean_data()), 0, target_n="85", realisasi_n="80")
    res = check_data(tmp_path, d)
    assert _others(res) == {("PK008", "Perbandingan", "H4")}
    f = next(f for f in res.findings if f.rule == "PK008")
    assert (f.found, f.expected) == ("85", "82")


# -- a predikat-style target ("68,50 (B-)", seed 003) -------------------------------------

def test_a_predikat_style_target_is_checked(tmp_path):
    # Seed 003: Indeks Pelayanan Publik Kecamatan, target 2024 "68,50 (B-)", realisasi and
    # capaian "-" (data out in TW IV): nothing to check yet.
    d = _indeks(clean_data(), target="68,50 (B-)", realisasi="-", capaian="-",
                pk="68,50 (B-)")
    d = _perbandingan(d, 0, target_n="68,50 (B-)", realisasi_n=None)
    assert _others(check_data(tmp_path, d)) == set()
    # realisasi 70,00 (B): capaian 70 / 68,5 = 102,19%; typed 110% it is wrong
    d = _indeks(clean_data(), target="68,50 (B-)", realisasi="70,00 (B)", capaian="110%",
                pk="68,50 (B-)")
    d = _perbandingan(d, 0, target_n="68,50 (B-)", realisasi_n="70,00 (B)")
    res = check_data(tmp_path, d)
    assert _others(res) == {("CAP001", "Capaian", "G4")}
    assert next(f for f in res.findings if f.rule == "CAP001").expected == "102,19%"


def test_a_pk_target_without_a_unit_is_compared_with_the_capaian(tmp_path):
    # The PK states "65,50 (B-)" (no Satuan in PK: the index is the Capaian's), the Capaian
    # "68,50 (B-)": the two differ and it is said (PK002), not passed over because the PK
    # row names no unit. The Capaian copy is the one named (the PK is what was signed).
    d = _indeks(clean_data(), target="68,50 (B-)", realisasi="-", capaian="-",
                pk="65,50 (B-)")
    d = _perbandingan(d, 0, target_n="68,50 (B-)", realisasi_n=None)
    res = check_data(tmp_path, d)
    assert _others(res) == {("PK002", "Capaian", "E4"), ("PK008", "Perbandingan", "H4")}
    f = next(f for f in res.findings if f.rule == "PK002")
    assert f.expected == "65,50" and "PK!D4" in f.message
    # the same with a plain index: Capaian 82, PK 80
    d = _perbandingan(_indeks(clean_data(), pk="80"), 0, target_n="80", realisasi_n="80")
    res = check_data(tmp_path, d)
    assert ("PK002", "Capaian", "E4") in _others(res)


# -- counts the report gives without a list ------------------------------------------------

def _fasilitasi_counts(d, rows, done, total):
    """Indicator 1 counted from Fasilitasi rows that carry a Jumlah Kegiatan."""
    d["Fasilitasi"] = [{"no": k, **r} for k, r in enumerate(rows, start=1)]
    pct = done / total * 100
    cap = pct / 90 * 100
    fmt = lambda x: f"{x:.2f}%".replace(".", ",")  # noqa: E731
    d["Capaian"][0].update({"pembilang": done, "penyebut": total, "realisasi": fmt(pct),
                            "capaian": fmt(cap), "predikat": None})
    d["Capaian"][2]["capaian"] = fmt((round(cap, 2) + 31.25) / 2)
    d["Efisiensi"][0].update({"realisasi_kinerja": fmt(pct), "capaian_kinerja": fmt(cap)})
    d["Perbandingan"][0]["realisasi_n"] = fmt(pct)
    return d


SEED_002 = [  # "11 jenis fasilitasi dan 2 koordinasi", 3 terlaksana
    {"nama": "Fasilitasi yang terlaksana", "kelompok": "Fasilitasi", "status": "Terlaksana",
     "jumlah": 3},
    {"nama": "Fasilitasi yang belum terlaksana", "kelompok": "Fasilitasi", "status": "Belum",
     "jumlah": 8},
    {"nama": "Koordinasi", "kelompok": "Koordinasi", "status": "Belum", "jumlah": 2},
]


def test_eleven_fasilitasi_and_two_koordinasi_three_done(tmp_path):
    # Seed 002: 3 of 11 + 2 = 13: 23,08%, capaian 23,08 / 90 = 25,64%, average
    # (25,64 + 31,25) / 2 = 28,45%. The Jumlah Kegiatan column makes it checkable.
    d = _fasilitasi_counts(clean_data(), SEED_002, 3, 13)
    assert d["Capaian"][0]["realisasi"] == "23,08%" and d["Capaian"][2]["capaian"] == "28,45%"
    assert _others(check_data(tmp_path, d)) == set()
    # the report counting 4 done: the pembilang (K4) is wrong, the list says 3
    d["Capaian"][0]["pembilang"] = 4
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.cell == "K4")
    assert (f.rule, f.expected) == ("FAS001", "3")
    # and 11 activities in all (the 2 koordinasi forgotten): the penyebut (L4) is wrong
    d["Capaian"][0]["pembilang"] = 3
    d["Capaian"][0]["penyebut"] = 11
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.cell == "L4")
    assert (f.rule, f.expected) == ("FAS001", "13")


def test_twenty_eight_of_fifty_one_with_only_the_28_listed(tmp_path):
    # Seed 004: 28 / 51 = 54,90%; the 28 done are listed, the 23 others are one row
    rows = [{"nama": f"Fasilitasi ke-{k}", "status": "Terlaksana"} for k in range(1, 29)]
    rows.append({"nama": "Fasilitasi dan koordinasi lain yang belum terlaksana",
                 "status": "Belum", "jumlah": 23})
    d = _fasilitasi_counts(clean_data(), rows, 28, 51)
    assert d["Capaian"][0]["realisasi"] == "54,90%"
    assert _others(check_data(tmp_path, d)) == set()
    # one of the 28 typed Belum: 27 / 51, and the pembilang 28 no longer agrees
    d["Fasilitasi"][4]["status"] = "Belum"
    res = check_data(tmp_path, d)
    assert "FAS001" in {f.rule for f in res.findings}


def test_desa_counts_without_a_per_desa_list(tmp_path):
    # Seed 004, TW II: "dari 10 desa ... semua sudah melaporkan (LPPDes) tepat waktu", no
    # RKPDes or APBDes yet: (0 + 0 + 10) / (10 x 3) = 33,33%; capaian 33,33 / 80 =
    # 41,67%; average (88,89 + 41,67) / 2 = 65,28%.
    d = clean_data()
    d["Identitas"]["jumlah_desa"] = 10
    d["Desa"] = [{"no": 1, "desa": "Semua desa", "lppdes": "tepat waktu", "jumlah_desa": 10}]
    d["Capaian"][1].update({"pembilang": 0 + 0 + 10, "penyebut": 30, "realisasi": "33,33%",
                            "capaian": "41,67%", "predikat": "Sangat Rendah"})
    d["Capaian"][2]["capaian"] = "65,28%"
    d["Efisiensi"][1].update({"realisasi_kinerja": "33,33%", "capaian_kinerja": "41,67%"})
    d["Perbandingan"][1]["realisasi_n"] = "33,33%"
    res = check_data(tmp_path, d)
    assert {f.key() for f in res.findings} == set()
    # the pembilang typed 9: the Desa row says 10
    d["Capaian"][1]["pembilang"] = 9
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.cell == "K5")
    assert (f.rule, f.expected) == ("DES002", "10")


# -- a JUMLAH label merged across A:B -------------------------------------------------------

def test_jumlah_merged_across_a_and_b_is_the_total(tmp_path):
    # Seed 003's tables: "JUMLAH" merged over the code and name columns. No warning about
    # the label, and the total is checked: pagu 20.000.000 + 30.000.000 = 50.000.000,
    # typed 55.000.000 (ANG005 at C12).
    d = clean_data()
    d["Anggaran"][8].update({"kode": "JUMLAH", "uraian": None, "pagu": "55.000.000"})
    path = write(tmp_path, d)
    wb = openpyxl.load_workbook(path)
    ws = wb["Anggaran"]
    assert ws["A12"].value == "JUMLAH"
    ws.merge_cells("A12:B12")
    wb.save(path)
    from lkj_excel.checking import check_file

    res = check_file(path)
    assert _others(res) == {("ANG005", "Anggaran", "C12")}
    assert next(f for f in res.findings if f.rule == "ANG005").expected == "50.000.000"


# -- predikat and rounding agree ------------------------------------------------------------

def _rounded(d, capaian, predikat):
    """Realisasi 75,8 of target 100: capaian 75,8%, typed as the report shows it."""
    d = _typed_row(d, target="100%", realisasi="75,8%", capaian=capaian, predikat=predikat)
    d["PK"][0]["target"] = "100%"
    return _perbandingan(d, 0, target_n="100%", realisasi_n="75,8%")


def test_predikat_and_rounding_say_the_same(tmp_path):
    # "76%" is 75,8 rounded to the digit shown (no CAP001); its band is Tinggi (76-90), so
    # "Sedang" is the wrong predikat and the message names the capaian as shown, 76% - not
    # 75,80%, whose band is Sedang and would contradict the advice.
    res = check_data(tmp_path, _rounded(clean_data(), "76%", "Sedang"))
    assert _others(res) == {("CAP004", "Capaian", "N4")}
    f = next(f for f in res.findings if f.rule == "CAP004")
    assert f.expected == "Tinggi" and "capaian 76% " in f.message
    # typed with its decimals, 75,8% is Sedang (66 to below 76): Tinggi is wrong
    res = check_data(tmp_path, _rounded(clean_data(), "75,8%", "Tinggi"))
    f = next(f for f in res.findings if f.rule == "CAP004")
    assert f.expected == "Sedang" and "capaian 75,80% " in f.message
    # "75%", cut off instead of rounded: a note (CAP001, info) and the band is that of
    # 76, the value rounded to the digit shown - Tinggi, so "Sedang" is wrong
    res = check_data(tmp_path, _rounded(clean_data(), "75%", "Sedang"))
    assert _others(res) == {("CAP001", "Capaian", "G4"), ("CAP004", "Capaian", "N4")}
    by = {f.rule: f for f in res.findings}
    assert by["CAP001"].severity.value == "info" and "dipotong" in by["CAP001"].message
    assert by["CAP004"].expected == "Tinggi" and "capaian 76% " in by["CAP004"].message


def test_the_corrected_figures_keep_the_predikat_the_check_accepts(tmp_path):
    # The finalised report, Ringkasan and Word document take the predikat from the
    # Summary: "76%" with Tinggi was accepted by the check, so it stays Tinggi there (it
    # used to become Sedang, the band of 75,80, with no finding to say why); with
    # "75,8%" typed it is Sedang.
    from lkj_excel.summary import build_summary

    for typed, predikat in (("76%", "Tinggi"), ("75,8%", "Sedang"), ("75%", "Tinggi")):
        s = build_summary(check_data(tmp_path, _rounded(clean_data(), typed, predikat)))
        assert (round(s.indicators[0].capaian, 2), s.indicators[0].predikat) == (
            75.8, predikat)


# -- comparison tables pasted with their own year titles ------------------------------------

def _pasted_perbandingan(tmp_path, header_rows, rows, merge=()):
    """The clean report with its Perbandingan sheet replaced by a table as the report
    prints it (title rows, then one row per indicator), pasted at A3."""
    path = write(tmp_path, clean_data())
    wb = openpyxl.load_workbook(path)
    ws = wb["Perbandingan"]
    ws.delete_rows(3, ws.max_row)
    for r, values in enumerate([*header_rows, *rows], start=3):
        for c, v in enumerate(values, start=1):
            ws.cell(r, c, v)
    for rng in merge:
        ws.merge_cells(rng)
    wb.save(path)
    from lkj_excel.checking import check_file

    return check_file(path)


IND2 = "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat " \
    "waktu"


def test_a_renstra_table_with_the_years_in_its_titles(tmp_path):
    # Seed 004 Tabel 3.4: "Target Renstra | Realisasi" over "2021 | 2022 | 2023 (TW. II)",
    # one row per indicator with several years. For Sukamaju (TW I 2025): the 2025 (TW. I)
    # realisasi is the Capaian's 80% and 25,00%: nothing to say.
    head = [["No", "Indikator Kinerja", "Target Renstra", "Realisasi", None, None],
            [None, None, None, 2023, 2024, "2025 (TW. I)"]]
    rows = [["1.", IND1, "95%", "88%", "90%", "80%"],
            ["2.", IND2, "90%", None, "80%", "25,00%"]]
    merge = ("D3:F3", "A3:A4", "B3:B4", "C3:C4")
    res = _pasted_perbandingan(tmp_path, head, rows, merge)
    assert _others(res) == set()
    # the 2025 realisasi typed 60% (the report's own slip in seed 004: its capaian): at F5
    rows[0][5] = "60%"
    res = _pasted_perbandingan(tmp_path, head, rows, merge)
    assert _others(res) == {("PK008", "Perbandingan", "F5")}
    assert next(f for f in res.findings if f.rule == "PK008").expected == "80,00%"


def test_a_comparison_table_with_a_year_over_target_and_realisasi(tmp_path):
    # Seed 004 Tabel 3.3: "Tahun 2022 | Tahun 2023 (TW. II)" each over "Target | Realisasi";
    # seed 003 Tabel 3.5 the same with "Realisasi TW III" under "Tahun 2024"
    head = [["No.", "Indikator Kinerja", "Tahun 2024", None, "Tahun 2025", None],
            [None, None, "Target", "Realisasi", "Target", "Realisasi TW I"]]
    rows = [["1.", IND1, "88%", "90%", "90%", "80%"],
            ["2.", IND2, "75%", "80%", "85%", "25,00%"]]
    res = _pasted_perbandingan(tmp_path, head, rows, ("C3:D3", "E3:F3"))
    # the 2025 target of indicator 2 typed 85% against 80% in Capaian (E6)
    assert _others(res) == {("PK008", "Perbandingan", "E6")}
    # and in one title row: "Target 2024 | Realisasi 2024 | Target 2025 | Realisasi TW I"
    head = [["No", "Indikator Kinerja", "Target 2024", "Realisasi 2024", "Target 2025",
             "Realisasi TW I"]]
    res = _pasted_perbandingan(tmp_path, head, rows)
    assert _others(res) == {("PK008", "Perbandingan", "E5")}


def test_an_indeks_in_the_earlier_one_row_per_year_perbandingan(tmp_path):
    # The layout the issue was found in (one row per indicator per year): the 2025 row's
    # target 82 against Capaian 82 (satuan Indeks) is the same number, not an error.
    path = write(tmp_path, _indeks(clean_data()))
    wb = openpyxl.load_workbook(path)
    ws = wb["Perbandingan"]
    ws.delete_rows(3, ws.max_row)
    for r, values in enumerate((
            ["No", "Indikator Kinerja", "Tahun", "Target", "Realisasi", "Target Renstra"],
            ["1", IND1, 2024, "80", "81", "85"],
            ["1", IND1, 2025, "82", "80", None]), start=3):
        for c, v in enumerate(values, start=1):
            ws.cell(r, c, v)
    wb.save(path)
    from lkj_excel.checking import check_file

    assert _others(check_file(path)) == set()


def test_nilai_akhir_takes_the_value_planned_for_the_quarter(tmp_path):
    # Metode nilai akhir (a level, not a sum): plan 85%, 88%, 89%, 90% for TW I-IV; in TW II
    # the target is TW II's 88%, not 85 + 88. Realisasi 80%: 80 / 88 = 90,91%.
    d = clean_data()
    d["Identitas"].update({"triwulan": "II", "tanggal": "4 Juli 2025"})
    d["Capaian"][0].update({"metode": "nilai akhir", "target_tahunan": "90%", "target": "88%",
                            "tw1": "85%", "tw2": "88%", "tw3": "89%", "tw4": "90%",
                            "capaian": "90,91%", "predikat": "Tinggi"})
    d["Capaian"][2]["capaian"] = "61,08%"  # (90,91 + 31,25) / 2
    d["Efisiensi"][0].update({"target": "88%", "capaian_kinerja": "90,91%"})
    res = check_data(tmp_path, d)
    assert _others(res) == set()
    d["Capaian"][0]["target"] = "173%"  # 85 + 88, as a kumulatif count would add it
    res = check_data(tmp_path, d)
    f = next(f for f in res.findings if f.cell == "E4")
    assert (f.rule, f.expected) == ("CAP007", "88,00%")


def test_the_printed_capaian_agrees_with_its_predikat(tmp_path):
    # "76%" Tinggi is accepted: the finalised table, the Ringkasan and the Word document
    # show the capaian as the report did (76%, whose band is Tinggi), not 75,80% beside
    # Tinggi (the band of 75,80 is Sedang). Typed "75,8%", it keeps two decimals.
    from docx import Document

    from lkj_excel.writers.dokumen import dokumen
    from lkj_excel.writers.final import finalise

    def capaian_format(ws, name_col, cap_col):
        row = next(r for r in ws.iter_rows() if r[name_col].value == IND1)
        return row[cap_col].number_format, row[cap_col + 1].value

    for i, (typed, predikat, fmt, shown) in enumerate((
            ("76%", "Tinggi", "[$-421]0%", "76%"),
            ("75,8%", "Sedang", "[$-421]0.00%", "75,80%"),
            ("75%", "Tinggi", "[$-421]0%", "76%"))):
        src = write(tmp_path, _rounded(clean_data(), typed, predikat), name=f"r{i}.xlsx")
        wb = openpyxl.load_workbook(finalise(src, tmp_path / f"f{i}.xlsx").output)
        assert capaian_format(wb["Tabel Capaian"], 2, 5) == (fmt, predikat)
        assert capaian_format(wb["Ringkasan"], 1, 4) == (fmt, predikat)
        doc = Document(str(dokumen(src, tmp_path / f"d{i}.docx", abaikan_temuan=True).output))
        rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
        assert any(IND1 in r and shown in r and predikat in r for r in rows)


def test_a_cut_off_capaian_is_told_its_rounded_value(tmp_path):
    # 75,8 typed "75%": the note says it is cut off, and its Seharusnya is what the cell
    # should hold at the precision the report uses, 76% (75,8 rounded), not 75,80%
    res = check_data(tmp_path, _rounded(clean_data(), "75%", "Tinggi"))
    f = next(f for f in res.findings if f.rule == "CAP001")
    assert (f.cell, f.found, f.expected, f.severity.value) == ("G4", "75%", "76%", "info")


def test_a_predikat_style_target_is_printed_as_typed(tmp_path):
    # Seed 003: Indeks Pelayanan Publik target "68,50 (B-)". The finalised tables keep it a
    # number (68,5) with its grade in the number format, and the Word document writes it as
    # typed - not a bare "68,5".
    from docx import Document

    from lkj_excel.writers.dokumen import dokumen
    from lkj_excel.writers.final import finalise

    from .conftest import PRONOJIWO

    wb = openpyxl.load_workbook(finalise(PRONOJIWO, tmp_path / "f.xlsx").output)
    for title, name_col, target_col in (("Tabel Capaian", 2, 3), ("Ringkasan", 1, 2)):
        row = next(r for r in wb[title].iter_rows()
                   if r[name_col].value == "Indeks Pelayanan Publik Kecamatan")
        cell = row[target_col]
        assert cell.number_format == '[$-421]#,##0.00 "(B-)"', title
        if title == "Tabel Capaian":
            assert cell.value == 68.5
    doc = Document(str(dokumen(PRONOJIWO, tmp_path / "d.docx", abaikan_temuan=True).output))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert any("Indeks Pelayanan Publik Kecamatan" in r and "68,50 (B-)" in r for r in rows)
