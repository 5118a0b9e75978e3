"""The exact findings for every sample workbook, written by hand from the seed reports.

Each expected cell is derived from the seed text with pen-and-paper arithmetic (shown in the
comments), not from the program's output. The column letters follow the template: Anggaran
A kode, C pagu, D realisasi, E sisa, F persentase, G rencana TW, H capaian keuangan;
Capaian C indikator, E target, F realisasi, G capaian, K pembilang, N predikat; data rows
start at row 4. A finding whose ``cause`` is set is a consequence: a cell that agrees with
what the user computed it from and has to change only because that input is wrong.
"""

from __future__ import annotations

import pytest

from lkj_excel.checking import check_file

from .conftest import CANDIPURO, CLEAN, KALAENA, PRONOJIWO, RANUYOSO, SENDURO


def test_ranuyoso_is_clean():
    # 100% / 100% = 100%; 23.500.000 / 23.500.000 = 100%; dated 2 Jan 2023, deadline
    # 31 Dec 2022 + 5 working days = 6 Jan 2023. The cost-per-outcome kegiatan is the
    # seksi's budget and names sasaran 1, whose own pagu and realisasi are blank (the seed
    # writes the budget on the kegiatan line only): nothing to compare. Both signatures
    # carry the Identitas names and NIPs.
    res = check_file(RANUYOSO)
    assert res.flatten() == set()
    assert res.exit_code == 0


def test_clean_example_has_no_error_or_warning():
    res = check_file(CLEAN)
    # Tegalrejo's APBDes 2025 was set 6 Jan 2025, after 31 Dec 2024: a note, not an error.
    assert res.flatten() == {("DES001", "Desa", "E7")}
    assert res.counts == {"error": 0, "warning": 0, "info": 1}
    assert res.exit_code == 0


# Candipuro: codes typed with 2-digit suffixes or stray spaces (Tabel 3.5), rows of the sheet.
CANDIPURO_SLOPPY_ROWS = [6, 7, 8, 10, 11, 12, 13, 15, 17, 18, 19, 20, 21, 22, 24, 26, 27, 28,
                         30, 31, 32, 35] + list(range(38, 54)) + [56, 59, 62, 63]


def test_candipuro_findings():
    res = check_file(CANDIPURO)
    expected = {
        # 7.01.01.2.02: 1.537.143.163 - 794.886.261 = 742.256.902, typed 787.256.902,00
        ("ANG001", "Anggaran", "E9"),
        # 7.01.06.2.01.02: 252.100.000 - 121.625.000 = 130.475.000, typed 147.975.000,00:
        # the kegiatan's sisa and persentase copied into the sub kegiatan row. Its pagu
        # 252.100.000 is right: 252.100.000 + 17.500.000 = 269.600.000, the kegiatan.
        ("ANG001", "Anggaran", "E62"),
        # 121.625.000 / 252.100.000 = 48,24%, typed 45,11%
        ("ANG002", "Anggaran", "F62"),
        # the persentase column mixes 51,61% with 53.89%
        ("ANG011", "Anggaran", "F4:F64"),
        # PK 91,39% / 81,75% against Capaian 91,50% / 82,00%
        ("PK002", "Capaian", "E4"),
        ("PK002", "Capaian", "E5"),
        # with the PK target the second capaian is 33,33 / 81,75 = 40,77%, not 40,64%
        ("CAP001", "Capaian", "G5"),
        # TW II 2023: deadline 7 Juli 2023, dated 23 Agustus 2023
        ("IDN001", "Identitas", "B13"),
        # Tabel 3.3 repeats the Capaian target 91,50% (consequence) and writes realisasi
        # 2023 60% (the capaian) against 54,90% in Capaian
        ("PK008", "Perbandingan", "H4"),
        ("PK008", "Perbandingan", "I4"),
        # Not found, and now checked: Tabel 3.2 lists the 28 activities done and the text
        # counts 51 (the other 23 are one Fasilitasi row with Jumlah Kegiatan 23):
        # 28 / (28 + 23) = 28 / 51 = 54,90% as typed (FAS001). The desa indicator counts
        # "0 + 0 + 10" with no per-desa list (one row 'Semua desa', Jumlah Desa 10): LPPDes
        # 10 on time, RKPDes (30 September 2023) and APBDes (31 Desember 2023) not yet due,
        # (0 + 0 + 10) / (10 x 3) = 10 / 30 = 33,33% as typed (DES002); 10 desa in that one
        # row = 10 in Identitas (no DES005).
    } | {("ANG008", "Anggaran", f"A{r}") for r in CANDIPURO_SLOPPY_ROWS}
    assert res.flatten() == expected
    assert res.exit_code == 1
    by = {(f.rule, f.cell): f for f in res.findings}
    assert by[("CAP001", "G5")].cause == "Capaian!E5"
    assert by[("PK008", "H4")].cause == "Capaian!E4"
    assert by[("PK008", "I4")].cause is None
    assert by[("ANG001", "E62")].cause is None and by[("ANG002", "F62")].cause is None


def test_candipuro_40_64_is_not_an_error_with_its_own_target():
    # 33,33 / 82 x 100 = 40,646...: 40,64% is within the displayed precision, so with the
    # Capaian target as typed the capaian is right; it changes only with the PK target.
    res = check_file(CANDIPURO)
    g5 = [f for f in res.findings if f.sheet == "Capaian" and f.cell == "G5"]
    assert [f.cause for f in g5] == ["Capaian!E5"]


def test_candipuro_messages_say_how():
    res = check_file(CANDIPURO)
    f = next(f for f in res.findings if f.cell == "E62" and f.rule == "ANG001")
    assert f.found == "147.975.000,00" and f.expected == "130.475.000"
    assert f.row_key == "7.01.06.2.01.0002" and f.field == "sisa"
    assert f.message == ("Sisa 147.975.000 seharusnya 130.475.000 (pagu 252.100.000 dikurangi "
                         "realisasi 121.625.000).")
    late = next(f for f in res.findings if f.rule == "IDN001")
    assert "7 Juli 2023" in late.message and "23 Agustus 2023" in late.message
    # the regulation the report names (Kata Pengantar), from its Pengaturan
    assert "Peraturan Bupati Lumajang Nomor 6 Tahun 2018" in late.message
    # a late date cannot be corrected by a value: it says so instead of giving one
    assert late.expected == "" and late.note.startswith("<= 7 Juli 2023")


def test_pronojiwo_findings():
    res = check_file(PRONOJIWO)
    expected = {
        # mixed 1.500.000 / 1,500,000 in pagu, realisasi and sisa
        ("ANG011", "Anggaran", "C4:C61"), ("ANG011", "Anggaran", "D4:D61"),
        ("ANG011", "Anggaran", "E4:E61"),
        # 3.738.000 - 1.870.000 = 1.868.000 (typed 17,580,000)
        ("ANG001", "Anggaran", "E4"),
        # 1.500.000 - 0 = 1.500.000 (typed 3,900,000) for 7.01.02.2.01 and its sub kegiatan
        ("ANG001", "Anggaran", "E5"), ("ANG001", "Anggaran", "E6"),
        # 7.01.03.2.06.0006: 2.850.000 - 2.850.000 = 0 (typed 2.850.000)
        ("ANG001", "Anggaran", "E16"),
        # 7.01.01: kegiatan pagu sum 1.522.270.347, realisasi 1.118.057.521; its sisa
        # 371.632.076 = 1.511.000.597 - 1.139.368.521 follows the wrong pair
        ("ANG004", "Anggaran", "C24"), ("ANG004", "Anggaran", "D24"),
        ("ANG001", "Anggaran", "E24"),
        # 125.162.247 - 47.600.700 = 77.561.547; 34.657.563 - 30.351.500 = 4.306.063;
        # 5.100.185 - 495.000 = 4.605.185; 5.854.000 - 1.110.000 = 4.744.000;
        # 69.552.000 - 12.600.000 = 56.952.000
        ("ANG001", "Anggaran", "E41"), ("ANG001", "Anggaran", "E43"),
        ("ANG001", "Anggaran", "E44"), ("ANG001", "Anggaran", "E45"),
        ("ANG001", "Anggaran", "E47"),
        # "11.100.0000" twice; read as 11.100.000 = 11.070.000 + 30.000
        ("NIL003", "Anggaran", "C48"), ("NIL003", "Anggaran", "C49"),
        # 11.100.000 - 11.070.000 = 30.000 (typed 300.000)
        ("ANG001", "Anggaran", "E49"),
        # TOTAL repeats the wrong 7.01.01 (consequences), its sisa with it
        ("ANG005", "Anggaran", "C61"), ("ANG005", "Anggaran", "D61"),
        ("ANG001", "Anggaran", "E61"),
        # Indeks Pelayanan Publik is reported but not in the PK
        ("PK004", "Capaian", "C4"),
        # 31/36 claimed, 30 of 36 ticked: 83,33%; capaian 83,33 / 93 = 89,61%
        ("FAS001", "Capaian", "K5"), ("FAS001", "Capaian", "F5"), ("CAP001", "Capaian", "G5"),
        # PK 83% against 100% in Capaian: capaian 66,67 / 83 = 80,32%, and the
        # Perbandingan target 2024 repeats the 100%
        ("PK002", "Capaian", "E6"), ("CAP001", "Capaian", "G6"),
        ("PK008", "Perbandingan", "H5"),
        # rata-rata (89,61 + 80,32) / 2 = 84,96%, typed 79,63%
        ("CAP003", "Capaian", "G7"),
        # No DES006: the APBDes counted is the one set during 2024 for 2025, due 31 Desember
        # 2024, not yet due in TW III ("6 + 6 + 0", as the seed counts it)
        # Sumberurip's LPPDes for 2023 dated 31 Desember 2023
        ("DES004", "Desa", "E7"),
        # The collection windows as the report states them (Pengaturan): "RKPDes tenggang
        # waktu pengumpulan November - Desember 2024", "LPPDes ... Januari - Maret 2024".
        # The six RKPDes dated 25, 27, 23, 27, 30 and 30 September 2024 all fall before
        # 1 November 2024; of the LPPDes only Sumberurip's 31 Desember 2023 falls outside
        # 1 Januari - 31 Maret 2024. (No APBDes is dated, so its window decides nothing.)
        *{("DES007", "Desa", f"C{r}") for r in range(4, 10)}, ("DES007", "Desa", "E7"),
        # NIP 19700929 199302 1 002 is written under four names: PUJANTO three times (PK
        # pihak pertama in Identitas B23, Kata Pengantar and PK signatures, Tanda Tangan F4
        # and F6), RUJANTO twice (Identitas pelapor B14, closing signature F9), PUJIANTO
        # (Pegawai B4) and PUJIYANTO (PK annex signature F8) once each: the spelling written
        # most often is the reference, every other spelling is named
        ("IDN005", "Identitas", "B14"), ("IDN005", "Pegawai", "B4"),
        ("IDN005", "Tanda Tangan", "F8"), ("IDN005", "Tanda Tangan", "F9"),
        # Tabel 3.7-3.10 as typed (Rekap Pegawai rows: Pendidikan 4-10, Golongan 11-15,
        # Diklat 16-20, Eselon 21-27; columns D PNS, E CPNS, H Jumlah):
        # Golongan II 1 + 0 = 1, typed 2; the PNS column 0 + 1 + 6 + 0 = 7, typed 9; the
        # Jumlah column 0 + 1 + 6 + 0 = 7, typed 9 (it agrees with the typed 9 + 0 across,
        # so it follows the wrong cells); Diklat III + IV = 2 + 2 = 4, typed 3
        ("PEG001", "Rekap Pegawai", "H12"), ("PEG001", "Rekap Pegawai", "D15"),
        ("PEG001", "Rekap Pegawai", "H15"), ("PEG001", "Rekap Pegawai", "H20"),
        # eselon IV A in the Pegawai list: NURDI and SAHLAN, 2, typed 3; the eselon Jumlah
        # then 1 + 1 + 2 + 2 = 6, typed 7. The list agrees with every Pendidikan count (PNS:
        # SMA 1 = RUKMINI, S1 6; non PNS: 4 SMK + 4 SMA = 8, S1 2 = VENI, FAHMI; 9 / 17 =
        # 52,94 written 53%, 8 / 17 = 47,06 written 47%) and with Golongan II 1 (RUKMINI,
        # II/c) and III 6. It has no diklat column: Tabel 3.9 is checked by its sum only.
        ("PEG002", "Rekap Pegawai", "H25"), ("PEG001", "Rekap Pegawai", "H27"),
        # Not found: the signature dates are the report's (30 September 2024) and the PK's
        # (10 Januari 2024); one NIP for HANI and none for the Pj. Bupati (TTD001, TTD002).
        # six PK program budgets differ from the Anggaran pagu
        ("PK006", "PK Anggaran", "D4"), ("PK006", "PK Anggaran", "D5"),
        ("PK006", "PK Anggaran", "D6"), ("PK006", "PK Anggaran", "D7"),
        ("PK006", "PK Anggaran", "D8"), ("PK006", "PK Anggaran", "D9"),
        # "Pengatur Tk.I (III/a)": III/a is Penata Muda
        ("IDN006", "Pegawai", "F8"),
        # Tabel 3.5 writes realisasi 2024 45,28% against 86,11% in Capaian; with the
        # Fasilitasi count it should be 83,33%
        ("PK008", "Perbandingan", "I4"),
    }
    assert res.flatten() == expected


def test_pronojiwo_consequences_point_at_their_cause():
    res = check_file(PRONOJIWO)
    by = {(f.rule, f.cell): f for f in res.findings}
    assert by[("FAS001", "F5")].cause == "Capaian!K5"
    assert by[("CAP001", "G5")].cause == "Capaian!K5"
    assert by[("CAP001", "G6")].cause == "Capaian!E6"
    assert by[("PK008", "H5")].cause == "Capaian!E6"
    # the average follows both wrong capaian; it names one of their causes
    assert by[("CAP003", "G7")].cause in ("Capaian!K5", "Capaian!E6")
    assert by[("ANG005", "C61")].cause == "Anggaran!C24"
    assert by[("ANG005", "D61")].cause == "Anggaran!D24"
    assert by[("ANG001", "E24")].cause == "Anggaran!C24"
    assert by[("FAS001", "K5")].expected == "30"
    assert by[("PEG001", "H12")].expected == "1" and by[("PEG001", "H12")].cause is None
    assert by[("PEG001", "D15")].expected == "7" and by[("PEG001", "H20")].expected == "4"
    assert by[("PEG001", "H15")].cause in ("Rekap Pegawai!H12", "Rekap Pegawai!D15")
    assert by[("PEG002", "H25")].expected == "2" and by[("PEG002", "H25")].cause is None
    assert by[("PEG001", "H27")].cause == "Rekap Pegawai!H25"
    assert {by[("IDN005", c)].expected for c in ("B14", "B4", "F8", "F9")} == \
        {"HANI PUJANTO, SH"}
    assert by[("NIL003", "C48")].expected == "11.100.000"
    # the causes are the cells that are wrong: none of them points elsewhere
    causes = {c for c in by if by[c].cause is None and by[c].severity.value == "error"}
    assert ("ANG004", "C24") in causes and ("FAS001", "K5") in causes
    assert ("PK002", "E6") in causes and ("PK008", "I4") in causes


def test_kalaena_findings():
    res = check_file(KALAENA)
    expected = {
        # The rencana aksi (Target TW I-IV, metode triwulan): one Laporan a month, "target
        # triwulan II 3 Laporan"; the table writes target 6 = 3 + 3 and realisasi 6, both s.d.
        # TW II, capaian 6 / 6 = 100% as the text's 3 / 3 = 100%: the row is counted
        # cumulatively, so the Metode is what differs (one cell; changing the target to 3
        # alone would make the capaian 6 / 3 = 200%, which the text contradicts)
        ("CAP012", "Capaian", "P5"),
        # Not found: the plans reach the year's targets (5 + 0 = 5 Lembaga; 3 + 3 + 3 + 3 =
        # 12 Laporan; nilai akhir TW IV 7 = 7 Laporan; CAP008), the Jumlah line's target
        # tahunan 5 + 12 + 7 = 24 and realisasi 0 + 6 + 7 = 13 (CAP009) and it is no
        # indicator (PK004); the K3 budget plan 2.773.750 + 2.498.250 + 2.700.250 +
        # 2.498.250 = 10.470.500 = pagu (ANG021) with TW II 2.498.250 as typed (ANG020).
        # realisasi 2.015.000 where the plan is "-"
        ("ANG013", "Anggaran", "D4"),
        # 19.617.580 > 16.682.500 and 2.896.250 > 2.498.250
        ("ANG014", "Anggaran", "D5"), ("ANG014", "Anggaran", "D6"),
        # 117,59% written 117%, 115,93% written 115% (cut off, a note)
        ("ANG015", "Anggaran", "H5"), ("ANG015", "Anggaran", "H6"),
        # plan total 16.682.500 + 2.498.250 = 19.180.750, typed 41.664.750
        ("ANG012", "Anggaran", "G7"),
        # 59% = 24.528.830 / 41.664.750 follows the wrong total; right 127,88%
        ("ANG016", "Anggaran", "H8"),
        # "Sangat Baik" is not on the Permendagri 86/2017 scale (Sangat Tinggi); capaian
        # 100 >= 91
        ("CAP004", "Capaian", "N5"), ("CAP004", "Capaian", "N6"),
        # TW II 2024 report dated 28 Juni 2024
        ("IDN002", "Identitas", "B13"),
        # the first PK indicator has no target
        ("PK001", "PK", "D4"),
    }
    assert res.flatten() == expected
    sev = {(f.rule, f.cell): f.severity.value for f in res.findings}
    assert sev[("ANG015", "H5")] == "info" and sev[("ANG012", "G7")] == "error"
    f = next(f for f in res.findings if f.rule == "ANG016")
    assert f.cause == "Anggaran!G7" and f.expected == "127,88%"
    # the plan total is blamed, not one of the three plans that might absorb the difference
    g7 = next(f for f in res.findings if f.rule == "ANG012")
    assert g7.cause is None and g7.expected == "19.180.750"
    by = {(f.rule, f.cell): f for f in res.findings}
    assert by[("CAP012", "P5")].expected == "kumulatif"
    assert by[("CAP012", "P5")].severity.value == "warning"
    # the capaian stays what the table and the text say: 100% (6 / 6), nothing doubled
    from lkj_excel.summary import build_summary

    k2 = build_summary(res).indicators[1]
    assert (k2.target, k2.realisasi, round(k2.capaian, 2)) == (6, 6, 100.0)
    # Luwu Timur states no deadline regulation: no finding names Lumajang's
    assert not any("Lumajang" in f.message for f in res.findings)


def test_senduro_findings():
    res = check_file(SENDURO)
    expected = {
        # PK "12 bulan" / "12 Desa" against "100%" in Capaian
        *{("PK003", "Capaian", f"E{r}") for r in range(4, 10)},
        # target 100% with realisasi "3 Desa"
        *{("CAP005", "Capaian", f"F{r}") for r in range(4, 10)},
        # "11 jenis fasilitasi dan 2 koordinasi", three of them done: 3 / (3 + 8 + 2) =
        # 3 / 13 = 23,08% (the text says "sejumlah 23%"), typed "3 Desa"; the capaian is then
        # 23,08 / 100 x 100 = 23,08%, typed 25% (25% does not follow from "3 Desa" / 100%
        # either, so it is wrong on its own)
        ("FAS001", "Capaian", "F4"), ("CAP001", "Capaian", "G4"),
        # The seksi has no budget table: the cost-per-outcome kegiatan are its budget, and a
        # sasaran's pagu and realisasi are those of the kegiatan serving it. Sasaran 1
        # (7.500.000) is kegiatan 5 (7.500.000), realisasi 900.000 against 600.000 typed;
        # its capaian anggaran 12% = 900.000 / 7.500.000 was right all along.
        ("COP006", "Efisiensi", "G4"),
        # Sasaran 3 (14.700.000) is kegiatan 3 + 4 (10.200.000 + 4.500.000), realisasi
        # 10.200.000 + 2.250.000 = 12.450.000 against 0 typed; then its capaian anggaran
        # 12.450.000 / 14.700.000 = 84,69% (typed 0) and efisiensi 100 - 84,69 = 15,31%
        # (typed 100%) follow
        ("COP006", "Efisiensi", "G6"), ("COP001", "Efisiensi", "H6"),
        ("COP003", "Efisiensi", "L6"),
        # efisiensi 100% - 12% = 88%, typed 100%; kegiatan 3: 100% - 100% = 0%, typed 100%
        ("COP003", "Efisiensi", "L4"), ("COP003", "Efisiensi", "L10"),
        # superior "Kasi Pemerintahan Kecamatan Senduro" is the reporter's own position
        ("IDN003", "Identitas", "B21"),
    }
    assert res.flatten() == expected
    by = {(f.rule, f.cell): f for f in res.findings}
    fas = by[("FAS001", "F4")]
    assert fas.found == "3 Desa" and fas.expected == "23,08%" and fas.cause is None
    assert "3 kegiatan terlaksana dari 13" in fas.message
    # the unit slip is still said, but the capaian is computed from the count after all
    assert by[("CAP005", "F4")].message.endswith("dihitung sebagai persen dari sheet Fasilitasi.")
    assert by[("CAP005", "F5")].message.endswith("sehingga capaian tidak dapat dihitung.")
    assert by[("CAP001", "G4")].expected == "23,08%" and by[("CAP001", "G4")].cause is None
    g4 = by[("COP006", "G4")]
    assert g4.found == "600.000" and g4.expected == "900.000" and g4.cause is None
    g6 = by[("COP006", "G6")]
    assert g6.expected == "12.450.000" and g6.cause is None
    assert by[("COP001", "H6")].expected == "84,69%"
    assert by[("COP001", "H6")].cause == by[("COP003", "L6")].cause == "Efisiensi!G6"
    assert by[("COP003", "L6")].expected == "15,31%"
    eff = by[("COP003", "L4")]
    assert "100% - capaian anggaran" in eff.message and eff.expected == "88,00%"
    # efisiensi 100% is wrong on its own (100% - 12% would be 88%), not a consequence
    assert eff.cause is None


@pytest.mark.parametrize("path", [RANUYOSO, KALAENA, SENDURO, CANDIPURO])
def test_signatures_agree_with_identitas(path):
    # Seeds 000, 001, 002, 004 sign with the names and NIPs of their Identitas (MUHAMMAD
    # SAIFUL, S.AP. 19720202 199803 1 010 and SLAMET ADIYONO 19671003 199110 1 001; SARTANA,
    # S.Pd 19690220 199002 1 001, Penata Tk. I, III/d; ABDILAH IRSYAD, S.STP 19870702 200602
    # 1 002 and MOCH JEMMY, S.Pd 19651230 198703 1 012; Drs. AGUS SAMSUL HADI 19660228
    # 199203 1 012 twice), all valid NIPs: nothing to find on the Tanda Tangan sheet.
    res = check_file(path)
    assert {f for f in res.flatten() if f[1] in ("Rekap Pegawai", "Tanda Tangan")} == set()
    # ... and the signatures are there to be checked (names in column F)
    assert all(_signature_names(path))


def _signature_names(path):
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    names = [r[5] for r in wb["Tanda Tangan"].iter_rows(min_row=4, values_only=True) if any(r)]
    wb.close()
    assert names, f"{path.name}: no signature transcribed"
    return names


def test_collection_windows_typed_with_their_year():
    # seed 003 writes "RKPDes tenggang waktu pengumpulan November - Desember 2024", "APBDes
    # ... Juli \u2013 September 2024" (an en dash): the year is not a day of the month
    from lkj_excel.pengaturan import window

    assert window("November - Desember 2024") == ((1, 11), (31, 12))
    assert window("Juli \u2013 September 2024") == ((1, 7), (30, 9))
    assert window("1 Januari 2024 - 31 Maret 2024") == ((1, 1), (31, 3))
    assert window("Juli - 2024") is None


def test_collection_window_days_held_to_the_months_end():
    # "... 31 Februari" in a window ends on the month's last day: 28 in 2025, 29 in 2024
    # (leap), and December's last day crosses no year
    import datetime as dt

    from lkj_excel.rules.desa import clamped_date

    assert clamped_date(2025, 2, 31) == dt.date(2025, 2, 28)
    assert clamped_date(2024, 2, 31) == dt.date(2024, 2, 29)
    assert clamped_date(2024, 6, 31) == dt.date(2024, 6, 30)
    assert clamped_date(2024, 12, 31) == dt.date(2024, 12, 31)
    assert clamped_date(2024, 1, 15) == dt.date(2024, 1, 15)
