"""The five real LKj reports of ../shared/seeds, transcribed into the template's columns.

Every value is the text as it stands in the report, mistakes included (wrong sisa, 45,11%,
"11.100.0000", 31/36 against 30 ticks, a PK target of 83% against 100% in Capaian, ...):
these workbooks are the checker's test data. Where a report has no such table, the sheet is
left empty rather than invented. ``CLEAN`` is a made-up but fully consistent report.
"""

from __future__ import annotations


def _ang(rows):
    keys = ("kode", "uraian", "pagu", "realisasi", "sisa", "persentase")
    return [dict(zip(keys, r, strict=False)) for r in rows]


def _rekap(*tables):
    """Rekap Pegawai rows: (tabel, ((no, uraian, pns, cpns, non_pns, jumlah, persen), ...))."""
    keys = ("no", "uraian", "pns", "cpns", "non_pns", "jumlah", "persen")
    return [{"tabel": t, **dict(zip(keys, r, strict=True))} for t, rows in tables for r in rows]


# --- 000: Ranuyoso, Seksi Pemberdayaan Masyarakat, TW IV 2022 (a correct report) ---------
RANUYOSO = {
    "Identitas": {
        "unit": "Seksi Pemberdayaan Masyarakat Kecamatan Ranuyoso", "tingkat": "seksi",
        "kecamatan": "Ranuyoso", "kabupaten": "Lumajang", "tahun": 2022, "triwulan": "IV",
        "sifat": "kumulatif", "tempat": "Ranuyoso", "tanggal": "02 Januari 2023",
        "pelapor_nama": "SLAMET ADIYONO", "pelapor_nip": "19671003 199110 1 001",
        "pelapor_jabatan": "Kepala Seksi Pemberdayaan Masyarakat",
        "atasan_nama": "MUHAMMAD SAIFUL, S.AP.", "atasan_nip": "19720202 199803 1 010",
        "atasan_jabatan": "Camat Ranuyoso",
    },
    "PK": [
        {"no": "1.", "sasaran": "Terwujudnya Koordinasi Kegiatan Pemberdayaan Desa",
         "indikator": "Persentase Fasilitasi Kegiatan Pemberdayaan Desa", "target": "100%"},
    ],
    "Capaian": [
        {"no": "1.", "sasaran": "Terwujudnya Koordinasi Kegiatan Pemberdayaan Desa",
         "indikator": "Persentase Fasilitasi Kegiatan Pemberdayaan Desa", "target": "100%",
         "realisasi": "100%", "capaian": "100%"},
    ],
    "Efisiensi": [
        {"no": "1.", "jenis": "Sasaran",
         "uraian": "Terwujudnya Koordinasi Kegiatan Pemberdayaan Desa",
         "indikator": "Persentase Fasilitasi Kegiatan Pemberdayaan Desa", "target": "100%",
         "realisasi_kinerja": "100%", "capaian_kinerja": "100%"},
        {"no": "1", "jenis": "Kegiatan", "uraian": "Koordinasi Kegiatan Pemberdayaan Desa",
         "pagu": "23.500.000", "realisasi": "23.500.000", "capaian_anggaran": "100%",
         "sasaran_no": "1."},
    ],
    # The closing page: the superior's "Mengetahui" and the reporter's dated signature.
    "Tanda Tangan": [
        {"no": 1, "bagian": "Penutup", "jabatan": "Atasan Langsung CAMAT RANUYOSO",
         "nama": "MUHAMMAD SAIFUL, S.AP.", "nip": "19720202 199803 1 010"},
        {"no": 2, "bagian": "Penutup", "tempat": "Ranuyoso", "tanggal": "02 Januari 2023",
         "jabatan": "Kepala Seksi Pemberdayaan Masyarakat", "nama": "SLAMET ADIYONO",
         "nip": "19671003 199110 1 001"},
    ],
    # Pasal 4 of the Perbup quoted in its Pendahuluan: 5 working days
    "Pengaturan": {"dasar_hukum": "Pasal 4 Peraturan Bupati Nomor 6 Tahun 2018"},
}

# --- 001: Kalaena (Luwu Timur), Seksi PMD, TW II 2024 -------------------------------------
_K1 = "Peningkatan partisipasi masyarakat dalam forum musyawarah perencanaan pembangunan di Desa"
_K2 = "Peningkatan efektifitas kegiatan pemberdayaan masyarakat di wilayah kecamatan."
_K3 = "Koordinasi Pelaksanaan Pembangunan Kawasan Perdesaan di Wilayah Kecamatan"
KALAENA = {
    "Identitas": {
        "unit": "Seksi Pemberdayaan Masyarakat dan Desa Kecamatan Kalaena", "tingkat": "seksi",
        "kecamatan": "Kalaena", "kabupaten": "Luwu Timur", "tahun": 2024, "triwulan": "II",
        "sifat": "triwulan", "tempat": "Kalaena", "tanggal": "28 Juni 2024",
        "pelapor_nama": "SARTANA, S.Pd", "pelapor_nip": "19690220 199002 1 001",
        "pelapor_pangkat": "Penata Tk. I, III/d",
        "pelapor_jabatan": "Kepala Seksi Pemberdayaan Masyarakat Desa",
    },
    "PK": [
        {"no": "1.", "sasaran": _K1,
         "indikator": "Jumlah Lembaga Kemasyarakatan yang berpartisipasi dalam Forum "
                      "Musyawarah Perencanaan Pembangunan di desa", "target": None},
        {"sasaran": _K2,
         "indikator": "Jumlah Laporan Peningkatan efektifitas kegiatan pemberdayaan masyarakat "
                      "di wilayah kecamatan.", "target": "12 Laporan"},
        {"no": "2", "sasaran": _K3,
         "indikator": "Jumlah Laporan Hasil Koordinasi Pelaksanaan Pembangunan Kawasan Perdesaan "
                      "di Wilayah Kecamatan", "target": "7 Laporan"},
    ],
    "PK Anggaran": [
        {"no": "1.", "uraian": "Peningkatan partisipasi masyarakat dalam forum musyawarah "
                               "perencanaan pembangunan di Desa",
         "anggaran": "Rp. 10.893.500", "sumber": "APBD"},
        {"no": "2.", "uraian": "Peningkatan efektifitas kegiatan pemberdayaan masyarakat di "
                               "wilayah kecamatan",
         "anggaran": "Rp. 85.880.500", "sumber": "APBD"},
        {"no": "3.", "uraian": _K3, "anggaran": "Rp. 10.470.500", "sumber": "APBD"},
        {"uraian": "JUMLAH ANGGARAN", "anggaran": "Rp. 107.244.500", "sumber": "APBD"},
    ],
    # Rencana aksi (Target TW I-IV, Metode Capaian) from BAB III's text and the PK's
    # quarterly table: the Lembaga forum was held in TW I ("target 0 Lembaga ... sudah
    # terlaksana pada triwulan I"); one Laporan a month, "target triwulan II 3 Laporan";
    # 7 Laporan Hasil Koordinasi in each quarter, 7 in the year.
    "Capaian": [
        {"no": "1.", "sasaran": _K1, "target_tahunan": "5 Lembaga Kemsyarakatan",
         "target": "-", "realisasi": "-", "capaian": "-", "metode": "triwulan",
         "tw1": "5", "tw2": "0"},
        {"no": "2.", "sasaran": _K2, "target_tahunan": "12 Laporan", "target": "6",
         "realisasi": "6", "capaian": "100", "predikat": "Sangat Baik", "metode": "triwulan",
         "tw1": "3", "tw2": "3", "tw3": "3", "tw4": "3"},
        {"no": "3.", "sasaran": _K3, "target_tahunan": "7 Laporan", "target": "7",
         "realisasi": "7", "capaian": "100", "predikat": "Sangat Baik",
         "metode": "nilai akhir", "tw1": "7", "tw2": "7", "tw3": "7", "tw4": "7"},
        {"sasaran": "Jumlah", "target_tahunan": "24", "target": "13", "realisasi": "13"},
        {"indikator": "Rata-rata Capaian Kinerja", "capaian": "100%"},
    ],
    "Anggaran": [
        {"uraian": _K1, "pagu": "10.893.500", "target_tw": "-", "realisasi": "2.015.000"},
        {"uraian": _K2, "pagu": "85.880.500", "target_tw": "16.682.500",
         "realisasi": "19.617.580", "capaian_keuangan": "117%"},
        {"uraian": _K3, "pagu": "10.470.500", "target_tw": "2.498.250",
         "realisasi": "2.896.250", "capaian_keuangan": "115%",
         # the PK's quarterly table: TW I-IV budget of this sub kegiatan
         "rencana_tw1": "2.773.750", "rencana_tw2": "2.498.250", "rencana_tw3": "2.700.250",
         "rencana_tw4": "2.498.250"},
        {"uraian": "Jumlah", "pagu": "107.244.500", "target_tw": "41.664.750",
         "realisasi": "24.528.830"},
        {"uraian": "Rata-rata Capaian Keuangan", "capaian_keuangan": "59%"},
    ],
    "Tanda Tangan": [
        {"no": 1, "bagian": "Penutup", "tempat": "Kalaena", "tanggal": "28 Juni 2024",
         "jabatan": "Kepala Seksi Pemberdayaan Masyarakat Desa", "nama": "SARTANA, S.Pd",
         "nip": "19690220 199002 1 001", "pangkat": "Penata Tk. I, III/d"},
    ],
}

# --- 002: Senduro, Seksi Pemerintahan, TW I 2023 ------------------------------------------
_S_IND = (
    "Persentase Fasilitasi dan Koordinasi Bidang Pemerintahan yang ditindaklanjuti",
    "Jumlah Desa yang menetapkan APBDes yang tepat waktu",
    "Jumlah Desa yang menetapkan LPPDes yang tepat waktu",
    "Prosentase Jumlah Desa yang menetapkan RKPDes Tepat waktu",
    "persentase fasilitasi penyelenggaraan pemerintahan desa yang sesuai dengan ketentuan",
    "Prosentase penyusunan Pelaporan Bidang Pemerintahan yang tepat waktu",
)
_S_PK_SAS = (
    "Terlaksananya Tindak lanjut hasil fasilitasi dan koordinasi",
    "Terlaksananya Desa yang menetapkan APBDes meningkat",
    "Kegiatan Desa yang menetapkan LPPDes meningkat",
    "Terlaksananya Desa yang menetapkan RKPdes meningkat",
    "Terlaksananya Fasilitasi Administasi Desa sesuai dengan ketentuan",
    "Terlaksananya Penyusunan Pelaporan Bidang Pemerintahan yang tepat waktu",
)
_S_CAP_SAS = (
    "Terlaksananya Fasilitasi dan Koordinasi Bidang Pemerintahan yang sesuai dengan ketentuan",
    "Terlaksananya Desa yang menetapkan APBDes meningkat tepat waktu",
    "Terlaksananya Kegiatan Desa yang menetapkan LPPDes tepat waktu",
    "Terlaksananya Desa yang menetapkan RKPdes yang tepat waktu",
    "Terlaksananya Fasilitasi Administasi Desa sesuai dengan ketentuan",
    "Terlaksananya Penyusunan Pelaporan Bidang Pemerintahan yang tepat waktu",
)
_COP_K = ("Kegiatan",)
SENDURO = {
    "Identitas": {
        "unit": "Seksi Pemerintahan Kecamatan Senduro", "tingkat": "seksi",
        "kecamatan": "Senduro", "kabupaten": "Lumajang", "tahun": 2023, "triwulan": "I",
        "sifat": "kumulatif", "tempat": "Senduro", "tanggal": "31 Maret 2023",
        "pelapor_nama": "MOCH JEMMY, S.Pd", "pelapor_nip": "19651230 198703 1 012",
        "pelapor_jabatan": "KASI PEMERINTAHAN",
        "atasan_nama": "ABDILAH IRSYAD, S.STP", "atasan_nip": "19870702 200602 1 002",
        "atasan_jabatan": "Kasi Pemerintahan Kecamatan Senduro",
    },
    "PK": [
        {"no": f"{i + 1}." if i == 0 else str(i + 1), "sasaran": _S_PK_SAS[i],
         "indikator": _S_IND[i], "target": "12 bulan" if i == 0 else "12 Desa"}
        for i in range(6)
    ],
    # The first indicator is computed from the year's facilitation list ("11 jenis
    # fasilitasi dan 2 koordinasi", three done "sejumlah 23%"): Sumber Data Fasilitasi.
    "Capaian": [
        {"no": str(i + 1), "sasaran": _S_CAP_SAS[i], "indikator": _S_IND[i], "target": "100%",
         "realisasi": "3 Desa", "capaian": "25%",
         "keterangan": "Jan s/d Maret 2023" if i == 0 else None,
         "sumber": "Fasilitasi" if i == 0 else None}
        for i in range(6)
    ],
    # 11 jenis fasilitasi and 2 koordinasi planned for 2023; the three done are named, the
    # rest is only counted.
    "Fasilitasi": [
        {"no": 1, "nama": "Fasilitasi Penjaringan Perangkat Desa", "kelompok": "Fasilitasi",
         "status": "Terlaksana"},
        {"no": 2, "nama": "Fasilitasi penerapan dan penegakan peraturan perundang-undangan",
         "kelompok": "Fasilitasi", "status": "Terlaksana"},
        {"no": 3, "nama": "Fasilitasi administrasi tata Pemerintahan Desa",
         "kelompok": "Fasilitasi", "status": "Terlaksana"},
        {"no": 4, "nama": "Jenis fasilitasi lain tahun 2023, tidak dirinci",
         "kelompok": "Fasilitasi", "status": "Belum", "jumlah": 8},
        {"no": 5, "nama": "Koordinasi tahun 2023, tidak dirinci", "kelompok": "Koordinasi",
         "status": "Belum", "jumlah": 2},
    ],
    "Efisiensi": [
        {"no": "1", "jenis": "Sasaran",
         "uraian": "Terlaksananya Fasilitasi dan Koordinasi Bidang Pemerintahan yang sesuai "
                   "dengan ketentuan",
         "indikator": _S_IND[0], "pagu": "7.500.000", "realisasi": "600.000",
         "capaian_anggaran": "12%", "target": "100%", "realisasi_kinerja": "12%",
         "efisiensi": "100%"},
        {"no": "2", "jenis": "Sasaran",
         "uraian": "Terlaksananya penyusunan Pelaporan bidang Pemerintahan yang tepat waktu",
         "indikator": _S_IND[5], "pagu": "29.859.000", "realisasi": "0",
         "capaian_anggaran": "0", "target": "100%", "realisasi_kinerja": "0%",
         "efisiensi": "100%"},
        {"no": "3", "jenis": "Sasaran",
         "uraian": "Meningkatnya keamanan dan ketertiban diwilayah kecamatan",
         "indikator": "Prosentase kegiatan pengamanan diwilayah kecamatan yang dilaksanakan "
                      "tepat waktu",
         "pagu": "14.700.000", "realisasi": "0", "capaian_anggaran": "0", "target": "100%",
         "realisasi_kinerja": "0%", "efisiensi": "100%"},
        {"no": "4", "jenis": "Sasaran",
         "uraian": "Meningkatnya Fasilitasi Administrasi Desa yang sesuai dengan ketentuan",
         "indikator": "Persentase fasilitasi penyelenggaraan pemerintahan desa yang sesuai "
                      "dengan ketentuan",
         "pagu": "290.800.000", "realisasi": "70.200.000", "capaian_anggaran": "24,14%",
         "target": "100%", "realisasi_kinerja": "24,14%", "efisiensi": "75,86 %"},
    ] + [
        {"no": no, "jenis": "Kegiatan", "uraian": name, "pagu": pagu, "realisasi": real,
         "capaian_anggaran": cap, "target": "100%", "realisasi_kinerja": r, "efisiensi": eff,
         "keterangan": "1 Jan s/d Maret 2023", "sasaran_no": sas}
        # The table does not say which kegiatan serves which sasaran; the pagu do: kegiatan
        # 5 has sasaran 1's 7.500.000, kegiatan 6 sasaran 4's 290.800.000, kegiatan 3 and 4
        # together sasaran 3's 14.700.000 (10.200.000 + 4.500.000). Kegiatan 1 and 2
        # (12.800.000) do not make sasaran 2's 29.859.000 and stay unlinked.
        for no, name, pagu, real, cap, r, eff, sas in (
            ("1", "Penyelenggaraan efektifitas kegiatan pemerintahan di tingkat Kecamatan",
             "7.800.000", "0", "0%", "0", "100%", None),
            ("2", "Penyelenggaraan urusan yang dilimpahkan pada Camat", "5.000.000", "0", "0%",
             "0", "100%", None),
            ("3", "Penyelenggaraan Sinergitas dengan Kepolisian Negara", "10.200.000",
             "10.200.000", "100%", "100%", "100%", "3"),
            ("4", "Penyelenggaraan harmonisasi hubungan toga tomas", "4.500.000", "2.250.000",
             "50%", "50%", "50%", "3"),
            ("5.", "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
             "7.500.000", "900.000", "12%", "12%", "88%", "1"),
            ("6.", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan "
                   "Pemerintahan Desa", "290.800.000", "70.200.000", "24,14%", "24,14%",
             "75,86 %", "4"),
        )
    ],
    "Tanda Tangan": [
        {"no": 1, "bagian": "Penutup", "jabatan": "ATAMAN LANGSUNG Kasi Pemerintahan "
                                                  "Kecamatan Senduro",
         "nama": "ABDILAH IRSYAD, S.STP", "nip": "19870702 200602 1 002"},
        {"no": 2, "bagian": "Penutup", "tempat": "Senduro", "tanggal": "31 Maret 2023",
         "jabatan": "KASI PEMERINTAHAN", "nama": "MOCH JEMMY, S.Pd",
         "nip": "19651230 198703 1 012"},
    ],
    "Pengaturan": {"dasar_hukum": "Pasal 4 Peraturan Bupati Nomor 6 Tahun 2018"},
}

# --- 003: Pronojiwo, kecamatan, TW III 2024 -----------------------------------------------
_FAS_BELUM = {4, 7, 17, 18, 22, 23}
_FAS_NAMES = (
    "Fasilitasi penyusunan Laporan Perencanaan dan Kinerja",
    "Fasilitasi penyusunan Dokumen Pelaksanaan Anggaran",
    "Fasilitasi penyusunan Laporan Keuangan",
    "Fasilitasi penyusunan Laporan Pertanggungjawaban Keuangan",
    "Fasilitasi Pengelolaan Administrasi Umum dan Kepegawaian",
    "Fasilitasi Penyaluran Santunan Kematian",
    "Fasilitasi Sosialisasi Pelayanan Publik",
    "Pembinaan dan Pengawasan Tupoksi LPMD",
    "Fasilitasi Musdes yang partisipatif",
    "Fasilitasi Musrenbangdes yang partisipatif",
    "Fasilitasi Musrenbangcam yang partisipatif",
    "Fasilitasi Penyusunan RKPDes partisipatif",
    "Fasilitasi penyusunan program pemberdayaan masyarakat Desa dalam Musrenbangdes",
    "Fasilitasi penyusunan program pemberdayaan masyarakat Desa dalam Musrenbangcam",
    "Fasilitasi penyusunan program pemberdayaan masyarakat Desa dalam Penyusunan RKPDes",
    "Fasilitasi pembinaan dan pengawasan dalam penyusunan Perdes RKPDes;",
    "Fasilitasi pembinaan dan pengawasan dalam penyusunan Raperdes APBDes;",
    "Fasilitasi pembinaan dan pengawasan dalam penyusunan Perdes Penyertaan modal BUMDes",
    "Fasilitasi pembinaan Administrasi Umum Pemerintahan Desa;",
    "Fasilitasi pembinaan Administrasi Penduduk;",
    "Fasilitasi pembinaan Adminiatrasi Keuangan;",
    "Fasilitasi pembinaan Perencanaan (APBDes & Penjabaran APBDes)",
    "Fasilitasi Pembinaan Penatausahaan Keuangan Desa",
    "Fasilitasi Pembinaan Pertanggungjawaban (Perdes LPJ Realisasi APBDes)",
    "Sosialisasi Peraturan Perundang-undangan yang terkait dengan desa",
    "Pembinaan dan Pengawasan Tupoksi Kades dan Perangkat Desa",
    "Pembinaan dan Pengawasan Tupoksi BPD",
    "Fasilitasi sinkronisasi perencanaan pembangunan dalam Musdes;",
    "Fasilitasi sinkronisasi perencanaan pembangunan Musrenbangdes;",
    "Fasilitasi sinkronisasi perencanaan pembangunan Musrenbangcam",
    "Fasilitasi sinkronisasi perencanaan pembangunan Penyusunan Perubahan RPJMDes",
    "Fasilitasi sinkronisasi perencanaan pembangunan Penyusunan RKPDes",
    "Pembinaan LINMAS",
)
_P_IND1 = "Persentase hasil Fasilitasi dan Koordinasi yang ditindaklanjuti"
_P_IND2 = ("Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa "
           "tepat waktu")
_PRONO_ANG = _ang([
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "3.738.000",
     "1,870,000", "17,580,000"),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "1.500.000", "-", "3,900,000"),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "1.500.000", "-", "3,900,000"),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     "2.238.000", "1,870,000", "368.000"),
    ("7.01.02.2.04.0003", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain "
     "yang Dilimpahkan", "2.238.000", "1,870,000", "368.000"),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "42.737.000",
     "32.047.000", "10.690.000"),
    ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", "20.662.000", "19.027.000",
     "1.635.000"),
    ("7.01.03.2.01.0002", "Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang "
     "Dilakukan oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan", "6,700,000",
     "6,100,000", "600.000"),
    ("7.01.03.2.01.0003", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah "
     "Kecamatan", "13.962.000", "12.927.000", "1.035.000"),
    ("7.01.03.2.06", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan",
     "22.075.000", "13.020.000", "9.055.000"),
    ("7.01.03.2.06.0001", "Pembentukan dan Penumbuhan Karakter Keluarga Melalui Peningkatan "
     "Kesadaran Masyarakat akan Pentingnya Penghayatan dan Pengamalan Pancasila dalam Semua "
     "Aspek Kehidupan Bermasyarakat, Berbangsa, dan Bernegara", "18.625.000", "9.645.000",
     "8.980.000"),
    ("7.01.03.2.06.0003", "Peningkatan Ketahanan Pangan Keluarga", "300.000", "300,000", "-"),
    ("7.01.03.2.06.0006", "Peningkatan Kesadaran Keluarga dalam Peningkatan Pendidikan dan "
     "Keterampilan untuk Mewujudkan Sumber Daya Manusia yang Berkualitas dan Berdaya Saing",
     "2.850.000", "2.850.000", "2.850.000"),
    ("7.01.03.2.06.0008", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Taraf Hidup Keluarga "
     "Melalui Kehidupan Berkoperasi dan Pengembangan Ekonomi Lainnya", "300.000", "225,000",
     "75.000"),
    ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "8.500.000", "4.500.000",
     "4.000.000"),
    ("7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
     "8.500.000", "4.500.000", "4.000.000"),
    ("7.01.04.2.01.0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
     "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan", "8.500.000", "4.500.000",
     "4.000.000"),
    ("7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "7.200.000", "4.800.000",
     "2.400.000"),
    ("7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah",
     "7.200.000", "4.800.000", "2.400.000"),
    ("7.01.05.2.01.0008", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan",
     "7.200.000", "4.800.000", "2.400.000"),
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "1,511,000,597",
     "1,139,368,521", "371,632,076"),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "5,400,000", "750,000", "4,650,000"),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "1,200,000", "-",
     "1,200,000"),
    ("7.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "1,500,000", "-",
     "1,500,000"),
    ("7.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
     "Realisasi Kinerja SKPD", "1,500,000", "750,000", "750,000"),
    ("7.01.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah", "1,200,000", "-", "1,200,000"),
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "1,088,522,550", "880,733,675",
     "207,788,875"),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "1,067,666,550", "866,003,675",
     "201,662,875"),
    ("7.01.01.2.02.0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "14,856,000",
     "12,030,000", "2,826,000"),
    ("7.01.01.2.02.0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "3,000,000",
     "1,200,000", "1,800,000"),
    ("7.01.01.2.02.0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
     "300,000", "-", "300,000"),
    ("7.01.01.2.02.0007", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/ Triwulanan/ "
     "Semesteran SKPD", "2,700,000", "1,500,000", "1,200,000"),
    ("7.01.01.2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", "1,500,000",
     "600,000", "900,000"),
    ("7.01.01.2.03.0001", "Penyusunan Perencanaan Kebutuhan Barang Milik Daerah SKPD",
     "600,000", "600,000", "-"),
    ("7.01.01.2.03.0005", "Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD",
     "900,000", "-", "900,000"),
    ("7.01.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", "1,195,000", "-",
     "1,195,000"),
    ("7.01.01.2.05.0010", "Sosialisasi Peraturan Perundang-Undangan", "1,195,000", "-",
     "1,195,000"),
    ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah", "125,162,247", "47,600,700",
     "84,936,547"),
    ("7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
     "2498499", "2,444,200", "54,299"),
    ("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "34,657,563", "30,351,500",
     "5,306,063"),
    ("7.01.01.2.06.0005", "Penyediaan Barang Cetak dan Penggandaan", "5,100,185", "495,000",
     "4,875,185"),
    ("7.01.01.2.06.0007", "Penyediaan Bahan/Material", "5,854,000", "1,110,000", "5,449,000"),
    ("7.01.01.2.06.0008", "Fasilitasi Kunjungan Tamu", "7,500,000", "600,000", "6,900,000"),
    ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
     "69,552,000", "12,600,000", "62,352,000"),
    ("7.01.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
     "11.100.0000", "11,070,000", "30.000"),
    ("7.01.01.2.07.0006", "Pengadaan Peralatan dan Mesin Lainnya", "11.100.0000", "11,070,000",
     "300.000"),
    ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "238,511,100",
     "156,053,146", "82,457,954"),
    ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
     "27,880,000", "17,549,168", "10,330,832"),
    ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", "210,631,100",
     "138,503,978", "72,127,122"),
    ("7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "50,879,450", "21,250,000", "29,629,450"),
    ("7.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan "
     "Perizinan Kendaraan Dinas Operasional atau Lapangan", "32,279,450", "17,020,000",
     "15,259,450"),
    ("7.01.01.2.09.0003", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Perizinan Alat "
     "Besar", "2,500,000", "-", "2,500,000"),
    ("7.01.01.2.09.0006", "Pemeliharaan Peralatan dan Mesin Lainnya", "16,100,000",
     "4,230,000", "11,870,000"),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "3,210,000", "300,000",
     "2,910,000"),
    ("7.01.06.2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan "
     "Pemerintahan Desa", "3,210,000", "300,000", "2,910,000"),
    ("7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", "2,310,000",
     "300,000", "2,010,000"),
    ("7.01.06.2.01.0008", "Rekomendasi Pengangkatan dan Pemberhentian Perangkat Desa",
     "900,000", "-", "900,000"),
    (None, "TOTAL", "1,576,385,597", "1,182,885,521", "393,500,076"),
])
_PEG = (
    ("HANI PUJIANTO, SH", "19700929 199302 1 002", "L", "PNS", "Penata Tk. I (III/d)", "III A",
     "S.1"),
    ("SAHRUN NASHIR, S.Sos", "19860515 201101 1 007", "L", "PNS", "Penata Tk. I (III/d)",
     "III B", "S.1"),
    ("NURDI HARTO PUTRA ARDIANSYAH, S.STP", "19950311 201808 1 001", "L", "PNS",
     "Penata Muda Tk. I ( III/b)", "IV A", "S.1"),
    ("SAHLAN, S.Sos", "19740816 200906 1 001", "L", "PNS", "Penata Muda Tk. I ( III/b)", "IV A",
     "S.1"),
    ("ROOSALITHA ARISDAYANTI, S.Pd.SD", "19850402 201406 2 001", "P", "PNS",
     "Pengatur Tk.I (III/a)", "IV B", "S.1"),
    ("BEJO NGATEMAN", "19670513 199403 1 015", "L", "PNS", "Penata Muda (III/a)", "IV B",
     "S.1"),
    ("RUKMINI", "19701004 201001 2 003", "P", "PNS", "Pengatur (II/c)", "-", "SMA"),
    ("YOYOK HERI WAHYUDI", None, "L", "NON PNS", None, "-", "SMK"),
    ("MARDYAH AYU PERMATASARI", None, "P", "NON PNS", None, "-", "SMA"),
    ("VENI FITRIA", None, "P", "NON PNS", None, "-", "S. 1"),
    ("PRIONO", None, "L", "NON PNS", None, "-", "SMA"),
    ("ARUM SARAS PERTIWI", None, "P", "NON PNS", None, "-", "SMK"),
    ("FAHMI MUBAROK", None, "L", "NON PNS", None, "-", "S.1"),
    ("ALFAN SALIM", None, "L", "NON PNS", None, "-", "SMK"),
    ("MISTARI", None, "L", "NON PNS", None, "-", "SMA"),
    ("NGADI", None, "L", "NON PNS", None, "-", "SMK"),
    ("IVAN FEBRIAN", None, "L", "NON PNS", None, "-", "SMA"),
)
PRONOJIWO = {
    "Identitas": {
        "unit": "Kecamatan Pronojiwo", "tingkat": "kecamatan", "kecamatan": "Pronojiwo",
        "kabupaten": "Lumajang", "tahun": 2024, "triwulan": "III", "sifat": "kumulatif",
        "jumlah_desa": 6, "tempat": "Lumajang", "tanggal": "30 September 2024",
        "pelapor_nama": "HANI RUJANTO, SH", "pelapor_nip": "19700929 199302 1 002",
        "pelapor_jabatan": "CAMAT PRONOJIWO",
        "atasan_nama": "INDAH WAHYUNI, S.H., M.Si", "atasan_jabatan": "Pj. BUPATI LUMAJANG",
        "pk_tanggal": "10 Januari 2024", "pk_pihak1_nama": "HANI PUJANTO, SH",
        "pk_pihak1_nip": "19700929 199302 1 002", "pk_pihak2_nama": "INDAH WAHYUNI, S.H., M.Si",
        "pk_pihak2_jabatan": "Pj. BUPATI LUMAJANG",
        # the letterhead of seed 003
        "alamat": "Jl. Raya Pronojiwo No. 112, Telp./Fax. (0334) 590045, Pronojiwo 67374",
    },
    "PK": [
        {"no": "1.", "sasaran": "Meningkatnya penyelenggaraan pelayanan publik di kecamatan",
         "indikator": _P_IND1, "target": "93%"},
        {"no": "2.", "sasaran": "Meningkatnya akuntabilitas pemerintahan desa",
         "indikator": _P_IND2, "target": "83%"},
    ],
    "PK Anggaran": [
        {"no": "1.", "uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
         "anggaran": "1.869.322.744", "sumber": "DAU"},
        {"no": "2.", "uraian": "Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik",
         "anggaran": "19.450.000", "sumber": "DAU"},
        {"no": "3.", "uraian": "Program Pemberdayaan Masyarakat Desa Dan Kelurahan",
         "anggaran": "174.323.750", "sumber": "DAU"},
        {"no": "4.", "uraian": "Program Koordinasi Ketentraman dan Ketertiban Umum",
         "anggaran": "24.705.000", "sumber": "DAU"},
        {"no": "5.", "uraian": "Program Penyelenggaraan Urusan Pemerintahan Umum",
         "anggaran": "12.525.000", "sumber": "DAU"},
        {"no": "6.", "uraian": "Program Pembinaan Dan Pengawasan Pemerintahan Desa",
         "anggaran": "32.470.000", "sumber": "DAU"},
        {"uraian": "Jumlah", "anggaran": "2.132.796.494"},
    ],
    "Capaian": [
        {"no": "1", "sasaran": "Optimalnya Penyelenggaraan Reformasi Birokrasi",
         "indikator": "Indeks Pelayanan Publik Kecamatan", "target": "68,50 (B-)",
         "realisasi": "-", "capaian": "-",
         "keterangan": "Data dari bagian organisasi keluar pada triwulan IV"},
        {"no": "1", "sasaran": "Meningkatnya penyelenggaraan pelayanan publik di kecamatan",
         "indikator": _P_IND1, "target": "93%", "realisasi": "86,11%", "capaian": "92,59%",
         "pembilang": 31, "penyebut": 36, "sumber": "Fasilitasi"},
        {"no": "2", "sasaran": "Meningkatnya akuntabilitas pemerintahan desa",
         "indikator": _P_IND2, "target": "100%", "realisasi": "66,67%", "capaian": "66,67%",
         "pembilang": 12, "penyebut": 18, "sumber": "Desa"},
        {"indikator": "Capaian Rata-rata", "capaian": "79,63%"},
    ],
    "Anggaran": _PRONO_ANG,
    "Desa": [
        {"no": f"{i + 1}.", "desa": d, "rkpdes": rkp, "lppdes": lpp}
        for i, (d, lpp, rkp) in enumerate((
            ("Sidomulyo", "31 Januari 2024", "25 September 2024"),
            ("Pronojiwo", "8 Maret 2024", "27 September 2024"),
            ("Tamanayu", "28 Februari 2024", "23 September 2024"),
            ("Sumberurip", "31 Desember 2023", "27 September 2024"),
            ("Oro-Oro Ombo", "10 Januari 2024", "30 September 2024"),
            ("Supiturang", "30 Januari 2024", "30 September 2024"),
        ))
    ],
    "Fasilitasi": [
        {"no": i + 1, "nama": n, "kelompok": "Fasilitasi",
         "status": "Belum" if i + 1 in _FAS_BELUM else "Terlaksana"}
        for i, n in enumerate(_FAS_NAMES)
    ] + [
        {"no": 1, "nama": "Koordinasi Pendampingan Desa", "kelompok": "Koordinasi",
         "status": "Terlaksana"},
        {"no": 2, "nama": "Koordinasi dalam penyelenggaraan Musdes dan Musrenbangdes;",
         "kelompok": "Koordinasi", "status": "Terlaksana"},
        {"no": 1, "nama": "Fasilitas Rekomendasi pengangkatan dan pemberhentian perangkat desa",
         "kelompok": "Rekomendasi", "status": "Terlaksana"},
    ],
    "Pegawai": [
        {"no": i + 1, "nama": n, "nip": nip, "jk": jk, "status": st, "pangkat": pg,
         "eselon": es, "pendidikan": pd}
        for i, (n, nip, jk, st, pg, es, pd) in enumerate(_PEG)
    ],
    # Tabel 3.5 and 3.6: Tahun 2023 (target, realisasi), Tahun 2024 (target, realisasi TW III)
    "Perbandingan": [
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti",
         "target_n1": "93%", "realisasi_n1": "100%", "target_n": "93%",
         "realisasi_n": "45,28%"},
        {"no": "1.", "indikator": "Rata -rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "target_n1": "85%", "realisasi_n1": "100%", "target_n": "100%",
         "realisasi_n": "66,67%"},
    ],
    # Tabel 3.7-3.10 as typed: Golongan II 1 + 0 written 2, the PNS column 0 + 1 + 6 + 0
    # written 9; diklat 2 + 2 written 3; eselon IV a 3 where the Pegawai list has two.
    "Rekap Pegawai": _rekap(
        ("Pendidikan", (("1", "SD", "-", "-", "-", "-", "0%"),
                        ("2", "SMP", "-", "-", "-", "-", "0%"),
                        ("3", "SMA/SMK", 1, "-", 8, 9, "53%"),
                        ("4", "D3", "-", "-", "-", "-", "0%"),
                        ("5", "S1", 6, "-", 2, 8, "47%"),
                        ("6", "S2", "-", "-", "-", "-", "0%"),
                        (None, "J U M L A H", 7, "-", 10, 17, "100%"))),
        ("Golongan", (("1.", "Golongan I", 0, 0, None, 0, None),
                      ("2.", "Golongan II", 1, 0, None, 2, None),
                      ("3.", "Golongan III", 6, 0, None, 6, None),
                      ("4.", "Golongan IV", 0, 0, None, 0, None),
                      (None, "Jumlah", 9, 0, None, 9, None))),
        ("Diklat", (("1.", "I", None, None, None, "-", None),
                    ("2.", "II", None, None, None, "-", None),
                    ("3.", "III", None, None, None, 2, None),
                    ("4.", "IV", None, None, None, 2, None),
                    (None, "Jumlah", None, None, None, 3, None))),
        ("Eselon", (("1.", "II a", None, None, None, "-", None),
                    ("2.", "II b", None, None, None, "-", None),
                    ("3.", "III a", None, None, None, 1, None),
                    ("4.", "III b", None, None, None, 1, None),
                    ("5.", "IV a", None, None, None, 3, None),
                    ("6.", "IV b", None, None, None, 2, None),
                    (None, "Jumlah", None, None, None, 7, None))),
    ),
    # Every signature, names as written: PUJANTO (Kata Pengantar, PK), PUJIYANTO (PK annex),
    # RUJANTO (closing); the Pegawai list has PUJIANTO. One NIP throughout.
    "Tanda Tangan": [
        {"no": 1, "bagian": "Kata Pengantar", "tempat": "Lumajang",
         "tanggal": "30 September 2024", "jabatan": "CAMAT PRONOJIWO",
         "nama": "HANI PUJANTO, SH", "nip": "19700929 199302 1 002"},
        {"no": 2, "bagian": "Perjanjian Kinerja", "tempat": "Lumajang",
         "tanggal": "10 Januari 2024", "jabatan": "Pj. BUPATI LUMAJANG",
         "nama": "INDAH WAHYUNI, S.H., M.Si"},
        {"no": 3, "bagian": "Perjanjian Kinerja", "tempat": "Lumajang",
         "tanggal": "10 Januari 2024", "jabatan": "CAMAT PRONOJIWO",
         "nama": "HANI PUJANTO, SH", "nip": "19700929 199302 1 002"},
        {"no": 4, "bagian": "Lampiran PK", "tempat": "Lumajang", "tanggal": "10 Januari 2024",
         "jabatan": "Pj. BUPATI LUMAJANG", "nama": "INDAH WAHYUNI, S.H., M.Si"},
        {"no": 5, "bagian": "Lampiran PK", "tempat": "Lumajang", "tanggal": "10 Januari 2024",
         "jabatan": "PEMERINTAH KABUPATEN PRONOJIWO KECAMATAN PRONOJIWO",
         "nama": "HANI PUJIYANTO, SH", "nip": "19700929 199302 1 002"},
        {"no": 6, "bagian": "Penutup", "tempat": "Lumajang", "tanggal": "30 September 2024",
         "jabatan": "CAMAT PRONOJIWO", "nama": "HANI RUJANTO, SH",
         "nip": "19700929 199302 1 002"},
    ],
    # The collection windows as Tabel 3.2's notes state them (RKPDes and APBDes swapped:
    # Tabel 3.4 says RKPDes were collected "Juli s/d September 2024").
    "Pengaturan": {
        "jendela_rkpdes": "November - Desember 2024",
        "jendela_apbdes": "Juli \u2013 September 2024",
        "jendela_lppdes": "Januari - Maret 2024",
        "dasar_hukum": "Peraturan Bupati Lumajang Nomor 6 Tahun 2018 tentang Pedoman "
                       "Penyusunan Pelaporan Kinerja",
    },
}

# --- 004: Candipuro, kecamatan, TW II 2023 ------------------------------------------------
_C_IND1 = "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti"
_C_IND2 = ("Rata - rata Persentase Desa yang menyusun dokumen administrasi pemerintahan desa "
           "tepat waktu")
_CANDI_ANG = _ang([
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "2.011.493.161",
     "1.038.184.067", "973.309.094", "51,61%"),
    ("7.01.01.2.01", "Perencanaan, Penganggaran dan evaluasi Kinerja Perangkat Daerah",
     "8.500.000,00", "1.500.000,00", "7.000.000,00", "17,65%"),
    ("7.01.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "3.000.000",
     "1.500.000,00", "1.500.000,00", "50,00%"),
    ("7.01.01.2.01.02", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "2.500.000", None,
     "2.500.000,00", "0,00%"),
    ("7.01.01.2.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
     "Realisasi Kinerja SKPD", "3.000.000", None, "3.000.000,00", "0,00%"),
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "1.537.143.163", "794.886.261",
     "787.256.902,00", "51,71%"),
    ("7.01.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "1.517.857.163", "784.808.761,00",
     "733.048.402,00", "51,71%"),
    ("7.01.01.2.02.02", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "13.806.000",
     "5.752.500,00", "8.053.500,00", "41,67%"),
    ("7.01.01.2.02.04", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "1.980.000", "825.000,00",
     "1.155.000,00", "41,67%"),
    ("7.01.01.2.02.05", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
     "3.500.000", "3.500.000,00", "-", "100,00%"),
    ("7.01.01.2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", "1.980.000",
     "825.000", "1.155.000", "41,67%"),
    ("7.01.01.2.03.06", "Penatausahaan Barang Milik Daerah pada SKPD", "1.980.000",
     "825.000,00", "1.155.000,00", "41,67%"),
    ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah", "115.000.763", "51.185.100,00",
     "63.815.663,00", "44,50%"),
    ("7.01.01.2.06.01", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
     "3.656.500", "3.653.850,00", "2.650,00", "99,93%"),
    ("7.01.01.2.06.04", "Penyediaan Bahan Logistik Kantor", "30.739.563", "30.688.300,00",
     "51.263,00", "99,83%"),
    ("7.01.01.2.06.05", "Penyediaan Barang Cetak dan Penggandaan", "15.215.950",
     "4.663.950,00", "10.552.000,00", "30,65%"),
    ("7.01.01.2.06.07", "Penyediaan Bahan / Material", "2.498.750", "554.000,00",
     "1.944.750,00", "22,17%"),
    ("7.01.01.2.06.08", "Fasilitasi Kunjungan Tamu", "7.350.000", None, "7.350.000,00",
     "0,00%"),
    ("7.01.01.2.06.09", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "55.540.000",
     "11.625.000,00", "43.915.000,00", "20,93%"),
    ("7.01.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
     "41.783.730", "30.631.136,00", "11.152.594,00", "73,31%"),
    ("7.01.01.2.07.06", "Pengadaan Peralatan dan Mesin Lainnya", "41.783.730", "30.631.136,00",
     "11.152.594,00", "73,31%"),
    ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "232.430.500",
     "109.607.132", "122.823.368", "47,15%"),
    ("7.01.01.2.08.01", "Penyediaan Jasa Surat Menyurat", "2.400.000", "1.000.000,00",
     "1.400.000,00", "41,67%"),
    ("7.01.01.2.08.02", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
     "37.800.000", "13.042.664,00", "24.757.336,00", "34,50%"),
    ("7.01.01.2.08.04", "Penyediaan Jasa Pelayanan Umum Kantor", "192.230.500",
     "95.564.468,00", "96.666.032,00", "49,71%"),
    ("7.01.01.2.09", "Pemeliharaan Barang Milik daerah Penunjang Urusan Pemerintahan Daerah",
     "74.655.005", "49.549.438", "25.105.567", "66,37%"),
    ("7.01.01.2.09.02", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan "
     "Kendaraan Dinas Operasional atau Lapangan", "35.802.000", "13.147.500,00",
     "22.654.500,00", "36,72%"),
    ("7.01.01.2.09.06", "Pemeliharaan Peralatan dan Mesin Lainnya", "3.250.000",
     "1.000.000,00", "2.250.000,00", "30,77%"),
    ("7.01.01.2.09.09", "Pemeliharaan / Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
     "35.603.005", "35.401.938,00", "201.067,00", "99,44%"),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "12.600.000",
     "2.100.000", "10.500.000", "16,67%"),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     "12.600.000", "2.100.000", "10.500.000", "16,67%"),
    ("7.01.02.2.04.03", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain "
     "yang Dilimpahkan", "12.600.000", "2.100.000,00", "10.500.000,00", "16,67%"),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "447.457.750",
     "320.720.000", "126.737.750", "71,67%"),
    ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", "411.557.750", "309.820.000",
     "101.737.750", "75,27%"),
    ("7.01.03.2.01.01", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan "
     "Pembangunan di Desa", "1.950.000", None, "1.950.000,00", "0,00%"),
    ("7.01.03.2.01.02", "Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang "
     "Dilakukan oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan", "6.650.000",
     "6.650.000,00", "-", "100,00%"),
    ("7.01.03.2 .01.03", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah "
     "Kecamatan", "402.957.750", "303.170.000,00", "99.787.750,00", "75,24%"),
    ("7.01.03. 2.06", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan "
     "Kelurahan", "35.900.000", "10.900.000", "25.000.000", "30,36%"),
    ("7.01.03.2 .06.01", "Pembentukan dan Penumbuhan Karakter Keluarga Melalui Peningkatan "
     "Kesadaran Masyarakat akan Pentingnya Penghayatan dan Pengamalan Pancasila dalam Semua "
     "Aspek Kehidupan Bermasyarakat, Berbangsa, dan Bernegara", "2.500.000", "2.500.000,00",
     "-", "100,00%"),
    ("7.01.03.2 .06.02", "Peningkatan Kesadaran Keluarga dalam Membangun Kerja Sama "
     "antar-Keluarga, Warga, dan Kelompok Masyarakat", "2.500.000", "2.500.000,00", "-",
     "100,00%"),
    ("7.01.03.2 .06.03", "Peningkatan Ketahanan Pangan Keluarga", "3.900.000", None,
     "3.900.000,00", "0,00%"),
    ("7.01.03.2 .06.04", "Pemberdayaan Masyarakat dalam Peningkatan Penggunaan dan Pemanfaatan "
     "Sandang Produksi Dalam Negeri", "3.000.000", None, "3.000.000,00", "0,00%"),
    ("7.01.03.2 .06.05", "Peningkatan Kesadaran Keluarga dalam Mewujudkan Rumah Sehat dan Layak "
     "Huni serta Kesadaran Hukum tentang Kepemilikan Rumah", "1.500.000", None,
     "1.500.000,00", "0,00%"),
    ("7.01.03.2 .06.06", "Peningkatan Kesadaran Keluarga dalam Peningkatan Pendidikan dan "
     "Keterampilan untuk Mewujudkan Sumber Daya Manusia yang Berkualitas dan Berdaya Saing",
     "3.000.000", None, "3.000.000,00", "0,00%"),
    ("7.01.03.2 .06.07", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Derajat Kesehatan "
     "Keluarga dan Lingkungan dengan Menerapkan Perilaku Hidup Bersih dan Sehat", "2.500.000",
     None, "2.500.000,00", "0,00%"),
    ("7.01.03.2 .06.08", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Taraf Hidup Keluarga "
     "Melalui Kehidupan Berkoperasi dan Pengembangan Ekonomi Lainnya", "2.500.000",
     "2.500.000,00", "0,00", "100%"),
    ("7.01.03.2 .06.09", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Kualitas Kelestarian "
     "Lingkungan Hidup", "1.500.000", None, "1.500.000,00", "0,00%"),
    ("7.01.03.2 .06.10", "Pelatihan Keluarga Tanggap Bencana Alam", "3.000.000", None,
     "3.000.000,00", "0,00%"),
    ("7.01.03.2 .06.11", "Pelatihan Keluarga Tanggap Bencana Rumah Tangga", "2.500.000",
     "2.500.000,00", "0,00", "100%"),
    ("7.01.03.2 .06.12", "Penumbuhan dan Peningkatan Kesadaran Keluarga dalam Keterlibatan "
     "Perencanaan Kehidupan Menuju Keluarga Berkualitas", "7.500.000", "900.000,00",
     "6.600.000,00", "12,00%"),
    ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "8.600.000", "-",
     "8.600.000", "0,00%"),
    ("7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
     "8.600.000", "-", "8.600.000", "0,00%"),
    ("7.01.04.2 .01.01", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
     "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan", "8.600.000", None,
     "8.600.000,00", "0,00%"),
    ("7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "2.400.000", "600.000",
     "1.800.000", "25,00%"),
    ("7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah",
     "2.400.000", "600.000", "1.800.000", "25,00%"),
    ("7.01.05.2 .01.08", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan",
     "2.400.000", "600.000,00", "1.800.000,00", "25,00%"),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "269.600.000",
     "121.625.000", "147.975.000", "45,11%"),
    ("7.01.06.2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan "
     "Pemerintahan Desa", "269.600.000", "121.625.000", "147.975.000", "45,11%"),
    ("7.01.06.2 .01.02", "Fasilitasi Administrasi Tata Pemerintahan Desa", "252.100.000",
     "121.625.000,00", "147.975.000,00", "45,11%"),
    ("7.01.06.2 .01.06", "Fasilitasi Pelaksanaan Pemilihan Kepala Desa", "17.500.000", None,
     "17.500.000,00", "0,00%"),
    (None, "JUMLAH", "2.752.150.911", "1.483.229.067", "1.268.921.844", "53.89%"),
])
_C_FAS = (
    "Fasilitasi pembinaan dan pengawasan dalam penyusunan Perdes BUMDes",
    "Fasilitasi pembinaan dan pengawasan dalam penyusunan Perdes Penyertaan modal BUMDes",
    "Fasilitasi pembinaan Administrasi Umum Pemerintahan Desa",
    "Fasilitasi pembinaan Administrasi Penduduk",
    "Fasilitasi pembinaan Administrasi Keuangan",
    "Fasilitasi pembinaan Administrasi Pembangunan",
    "Fasilitasi pembinaan Administrasi Lainnya",
    "Fasilitasi Pembinaan Pelaksanaan Keuangan Desa (DPA & RAK)",
    "Fasilitasi Pembinaan Penatausahaan Keuangan Desa",
    "Fasilitasi Pembinaan dalam Pelaporan Keuangan Desa (Lap. Semester 1 & Lap. Akhir Tahun)",
    "Fasilitasi Pembinaan Pertanggungjawaban (Perdes LPJ Realisasi APBDes)",
    "Pembinaan dan Pengawasan Tupoksi Kades dan Perangkat Desa",
    "Fasilitasi Pelaksanaan Pilkades",
    "Pembinaan dan Pengawasan Tupoksi BPD",
    "Fasilitasi sinkronisasi perencanaan pembangunan Musrenbangcam",
    "Monev Trantibum",
    "Fasilitasi Musrenbangcam yang partisipatif",
    "Pembinaan BKAD",
    "Fasilitasi penyusunan program pemberdayaan masyarakat Desa dalam Musrenbangcam",
    "Fasilitasi Penyaluran Santunan Kematian",
    "Fasilitasi Sosialisasi Pelayanan Publik",
    "Fasilitasi Pengelolaan Administrasi Umum dan Kepegawaian",
    "Fasilitasi penyusunan Laporan Perencanaan dan Kinerja",
    "Fasilitasi penyusunan Dokumen Pelaksanaan Anggaran",
    "Fasilitasi penyusunan Laporan Keuangan",
    "Fasilitasi penyusunan Laporan Pertanggungjawaban Keuangan",
    "Koordinasi Pendampingan Desa",
    "Fasilitasi Rekomendasi pengangkatan dan pemberhentian perangkat Desa",
)
CANDIPURO = {
    "Identitas": {
        "unit": "Kecamatan Candipuro", "tingkat": "kecamatan", "kecamatan": "Candipuro",
        "kabupaten": "Lumajang", "tahun": 2023, "triwulan": "II", "sifat": "kumulatif",
        "jumlah_desa": 10, "tempat": "Lumajang", "tanggal": "23 Agustus 2023",
        "pelapor_nama": "Drs. AGUS SAMSUL HADI", "pelapor_nip": "19660228 199203 1 012",
        "pelapor_jabatan": "CAMAT CANDIPURO", "atasan_jabatan": "Bupati Lumajang",
    },
    "PK": [
        {"no": "1", "sasaran": "Mengoptimalkan Fasilitasi dan Koordinasi Kecamatan",
         "indikator": _C_IND1, "target": "91,39%"},
        {"no": "2", "sasaran": "Meningkatnya Akuntabilitas Pemerintahan Desa",
         "indikator": _C_IND2, "target": "81,75%"},
    ],
    "Capaian": [
        {"sasaran": "Meningkatnya kualitas fasilitasi dan koordinasi kecamatan",
         "indikator": _C_IND1, "target": "91,50%", "realisasi": "54,90%", "capaian": "60%",
         "pembilang": 28, "penyebut": 51, "sumber": "Fasilitasi"},
        {"sasaran": "Meningkatnya kualitas serta Akuntabilitas Keuangan dan Pemerintahan Desa",
         "indikator": _C_IND2, "target": "82,00%", "realisasi": "33,33%", "capaian": "40,64%",
         "pembilang": 10, "penyebut": 30, "sumber": "Desa"},
    ],
    "Anggaran": _CANDI_ANG,
    # Tabel 3.2 lists only the 28 activities done of "51 Aktifitas": the other 23 are a count
    "Fasilitasi": [
        {"no": i + 1, "nama": n,
         "kelompok": "Koordinasi" if n.startswith("Koordinasi") else
         ("Rekomendasi" if "Rekomendasi" in n else "Fasilitasi"), "status": "Terlaksana"}
        for i, n in enumerate(_C_FAS)
    ] + [
        {"no": 29, "nama": "Aktivitas fasilitasi dan koordinasi lain, tidak dirinci",
         "status": "Belum", "jumlah": 23},
    ],
    # "0 (RKPDes) + 0 (APBDes) + 10 (LPPDes tepat waktu)" of 10 desa, no per-desa list; the
    # RKPDes (30 September 2023) and APBDes (31 Desember 2023) are not yet due in TW II.
    "Desa": [
        {"no": 1, "desa": "Semua desa", "rkpdes": "belum", "apbdes": "belum",
         "lppdes": "tepat waktu", "jumlah_desa": 10,
         "keterangan": "LPPDes 10 desa disampaikan paling lambat 31 Maret 2023"},
    ],
    "Tanda Tangan": [
        {"no": 1, "bagian": "Kata Pengantar", "tempat": "Lumajang",
         "tanggal": "23 Agustus 2023", "jabatan": "CAMAT CANDIPURO",
         "nama": "Drs. AGUS SAMSUL HADI", "nip": "19660228 199203 1 012"},
        {"no": 2, "bagian": "Penutup", "tempat": "Lumajang", "tanggal": "23 Agustus 2023",
         "nama": "Drs. AGUS SAMSUL HADI", "nip": "19660228 199203 1 012"},
    ],
    "Pengaturan": {
        "dasar_hukum": "Peraturan Bupati Lumajang Nomor 6 Tahun 2018 tentang Pedoman "
                       "Penyusunan Pelaporan Kinerja",
    },
    # Tabel 3.3 (Tahun 2022, Tahun 2023 (TW. II): target, realisasi) and Tabel 3.4 (Target
    # Renstra, Realisasi 2021, 2022, 2023 (TW. II)), one row per indicator
    "Perbandingan": [
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti",
         "target_renstra": "91,50%", "realisasi_n2": "100%", "target_n1": "91,39%",
         "realisasi_n1": "91,83%", "target_n": "91,50%", "realisasi_n": "60%",
         "keterangan": "TW. II"},
        {"no": "2.", "indikator": "Rata - rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "target_renstra": "82%", "realisasi_n2": "100%", "target_n1": "81,75%",
         "realisasi_n1": "86,66%", "target_n": "82%", "realisasi_n": "33,33%",
         "keterangan": "TW. II"},
    ],
}

# --- A clean, consistent kecamatan report (made up), TW I 2025 ----------------------------
_CL_IND1 = "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti"
_CL_IND2 = ("Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa "
            "tepat waktu")
CLEAN = {
    "Identitas": {
        "unit": "Kecamatan Sukamaju", "tingkat": "kecamatan", "kecamatan": "Sukamaju",
        "kabupaten": "Lumajang", "tahun": 2025, "triwulan": "I", "sifat": "kumulatif",
        "jumlah_desa": 4, "tempat": "Sukamaju", "tanggal": "10 April 2025",
        "pelapor_nama": "Drs. BUDI SANTOSO", "pelapor_nip": "19700512 199303 1 004",
        "pelapor_pangkat": "Pembina (IV/a)", "pelapor_jabatan": "Camat Sukamaju",
        "atasan_nama": "H. ARIF WIBOWO, S.H.", "atasan_jabatan": "Bupati Lumajang",
        "pk_tanggal": "6 Januari 2025", "pk_pihak1_nama": "Drs. BUDI SANTOSO",
        "pk_pihak1_nip": "19700512 199303 1 004", "pk_pihak2_nama": "H. ARIF WIBOWO, S.H.",
        "pk_pihak2_jabatan": "Bupati Lumajang",
    },
    "PK": [
        {"no": "1", "sasaran": "Meningkatnya kualitas fasilitasi dan koordinasi kecamatan",
         "indikator": _CL_IND1, "target": "90%"},
        {"no": "2", "sasaran": "Meningkatnya akuntabilitas pemerintahan desa",
         "indikator": _CL_IND2, "target": "80%"},
    ],
    "PK Anggaran": [
        {"no": "1", "kode": "7.01.02",
         "uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
         "anggaran": "20.000.000", "sumber": "DAU"},
        {"no": "2", "kode": "7.01.06",
         "uraian": "Program Pembinaan dan Pengawasan Pemerintahan Desa",
         "anggaran": "30.000.000", "sumber": "DAU"},
        {"uraian": "Jumlah", "anggaran": "50.000.000"},
    ],
    "Capaian": [
        {"no": "1", "sasaran": "Meningkatnya kualitas fasilitasi dan koordinasi kecamatan",
         "indikator": _CL_IND1, "target": "90%", "realisasi": "80%", "capaian": "88,89%",
         "satuan": "%", "polaritas": "positif", "pembilang": 8, "penyebut": 10,
         "sumber": "Fasilitasi", "predikat": "Tinggi"},
        {"no": "2", "sasaran": "Meningkatnya akuntabilitas pemerintahan desa",
         "indikator": _CL_IND2, "target": "80%", "realisasi": "25,00%", "capaian": "31,25%",
         "satuan": "%", "polaritas": "positif", "pembilang": 3, "penyebut": 12,
         "sumber": "Desa", "predikat": "Sangat Rendah"},
        {"indikator": "Rata-rata capaian", "capaian": "60,07%"},
    ],
    "Anggaran": _ang([
        ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "20.000.000",
         "5.000.000", "15.000.000", "25,00%"),
        ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat "
         "Kecamatan", "20.000.000", "5.000.000", "15.000.000", "25,00%"),
        ("7.01.02.2.01.0001", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan "
         "Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait", "8.000.000",
         "2.000.000", "6.000.000", "25,00%"),
        ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat "
         "Kecamatan", "12.000.000", "3.000.000", "9.000.000", "25,00%"),
        ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "30.000.000",
         "7.500.000", "22.500.000", "25,00%"),
        ("7.01.06.2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan "
         "Pemerintahan Desa", "30.000.000", "7.500.000", "22.500.000", "25,00%"),
        ("7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", "18.000.000",
         "6.000.000", "12.000.000", "33,33%"),
        ("7.01.06.2.01.0008", "Rekomendasi Pengangkatan dan Pemberhentian Perangkat Desa",
         "12.000.000", "1.500.000", "10.500.000", "12,50%"),
        (None, "JUMLAH", "50.000.000", "12.500.000", "37.500.000", "25,00%"),
    ]),
    "Desa": [
        # TW I: only the LPPDes (for 2024, due 31 Maret 2025) is due; the RKPDes 2025 (30
        # September) and the APBDes set in 2025 for 2026 (31 Desember 2025) are not yet.
        {"no": 1, "desa": "Sukamaju", "lppdes": "10 Maret 2025"},
        {"no": 2, "desa": "Sukamakmur", "lppdes": "20 Maret 2025"},
        {"no": 3, "desa": "Sumberjaya", "lppdes": "25 Maret 2025"},
        {"no": 4, "desa": "Tegalrejo", "lppdes": "7 April 2025",
         "keterangan": "LPPDes terlambat"},
    ],
    "Fasilitasi": [
        {"no": i + 1, "nama": n, "kelompok": k, "status": s}
        for i, (n, k, s) in enumerate((
            ("Fasilitasi penyusunan Laporan Perencanaan dan Kinerja", "Fasilitasi", "Terlaksana"),
            ("Fasilitasi penyusunan Laporan Keuangan", "Fasilitasi", "Terlaksana"),
            ("Fasilitasi Musrenbangcam yang partisipatif", "Fasilitasi", "Terlaksana"),
            ("Fasilitasi pembinaan Administrasi Umum Pemerintahan Desa", "Fasilitasi",
             "Terlaksana"),
            ("Fasilitasi Pembinaan Penatausahaan Keuangan Desa", "Fasilitasi", "Belum"),
            ("Pembinaan dan Pengawasan Tupoksi BPD", "Fasilitasi", "Terlaksana"),
            ("Fasilitasi pembinaan dan pengawasan dalam penyusunan Perdes RKPDes", "Fasilitasi",
             "Belum"),
            ("Koordinasi Pendampingan Desa", "Koordinasi", "Terlaksana"),
            ("Koordinasi dalam penyelenggaraan Musdes dan Musrenbangdes", "Koordinasi",
             "Terlaksana"),
            ("Rekomendasi pengangkatan dan pemberhentian perangkat desa", "Rekomendasi",
             "Terlaksana"),
        ))
    ],
    "Efisiensi": [
        {"no": "1", "jenis": "Sasaran",
         "uraian": "Meningkatnya kualitas fasilitasi dan koordinasi kecamatan",
         "indikator": _CL_IND1, "kode": "7.01.02", "pagu": "20.000.000",
         "realisasi": "5.000.000", "capaian_anggaran": "25,00%", "target": "90%",
         "realisasi_kinerja": "80%", "capaian_kinerja": "88,89%", "efisiensi": "75,00%"},
        {"no": "2", "jenis": "Sasaran", "uraian": "Meningkatnya akuntabilitas pemerintahan desa",
         "indikator": _CL_IND2, "kode": "7.01.06", "pagu": "30.000.000",
         "realisasi": "7.500.000", "capaian_anggaran": "25,00%", "target": "80%",
         "realisasi_kinerja": "25,00%", "capaian_kinerja": "31,25%", "efisiensi": "75,00%"},
    ],
    "Pegawai": [
        {"no": i + 1, "nama": n, "nip": nip, "jk": jk, "status": st, "pangkat": pg,
         "eselon": es, "pendidikan": pd, "diklat": dk, "jabatan": jb}
        for i, (n, nip, jk, st, pg, es, pd, dk, jb) in enumerate((
            ("Drs. BUDI SANTOSO", "19700512 199303 1 004", "L", "PNS", "Pembina (IV/a)", "III a",
             "S2", "PIM III", "Camat Sukamaju"),
            ("SITI RAHAYU, S.Sos", "19780815 200501 2 003", "P", "PNS", "Penata Tk. I (III/d)",
             "III b", "S1", "PIM IV", "Sekretaris Kecamatan"),
            ("AHMAD FAUZI, S.STP", "19900321 201209 1 001", "L", "PNS", "Penata (III/c)", "IV a",
             "S1", "PIM IV", "Kepala Seksi Pemerintahan"),
            ("DEWI LESTARI, S.E.", "19850607 201001 2 005", "P", "PNS",
             "Penata Muda Tk. I (III/b)", "IV a", "S1", "-",
             "Kepala Seksi Pemberdayaan Masyarakat"),
            ("SUPRIADI", "19750101 199803 1 002", "L", "PNS", "Pengatur (II/c)", "-", "SMA/SMK",
             "-", "Pengadministrasi Umum"),
            ("RINA WATI", None, "P", "Non PNS", None, "-", "D3", "-", "Tenaga Administrasi"),
        ))
    ],
    "Perbandingan": [
        {"no": "1", "indikator": _CL_IND1, "target_renstra": "95%",
         "target_n2": "85%", "realisasi_n2": "88%", "target_n1": "88%", "realisasi_n1": "90%",
         "target_n": "90%", "realisasi_n": "80%", "keterangan": "s.d. TW I"},
        {"no": "2", "indikator": _CL_IND2, "target_renstra": "90%",
         "target_n1": "75%", "realisasi_n1": "80%",
         "target_n": "80%", "realisasi_n": "25,00%", "keterangan": "s.d. TW I"},
    ],
}

SAMPLES = {
    "000_ranuyoso_seksi_pm_tw4_2022.xlsx": ("seksi", RANUYOSO),
    "001_kalaena_seksi_pmd_tw2_2024.xlsx": ("seksi", KALAENA),
    "002_senduro_seksi_pemerintahan_tw1_2023.xlsx": ("seksi", SENDURO),
    "003_pronojiwo_kecamatan_tw3_2024.xlsx": ("kecamatan", PRONOJIWO),
    "004_candipuro_kecamatan_tw2_2023.xlsx": ("kecamatan", CANDIPURO),
    "contoh_bersih_sukamaju_tw1_2025.xlsx": ("kecamatan", CLEAN),
}


# --- Narasi (for lkj dokumen): each report's own narrative text, as the seeds write it -------
# Kept apart from the tables above: the sheet only feeds the Word document, no rule reads it.
# One row per paragraph or list point; list letters/numbers are left out (the document
# numbers them). Where a report has no text for a section, there is no row, and the document
# shows the section as "Belum diisi". The clean example has none, to show exactly that.

def _narasi(*rows):
    out = []
    for r in rows:
        if len(r) == 2:
            out.append({"bagian": r[0], "teks": r[1]})
        else:
            out.append({"bagian": r[0], "indikator": r[1], "bulan": r[2], "teks": r[3]})
    return [{"no": i + 1, **r} for i, r in enumerate(out)]


_LB, _TF, _PC, _ST, _RTL, _KS = ("Latar Belakang", "Tugas dan Fungsi", "Penjelasan Capaian",
                                 "Strategi", "Rencana Tindak Lanjut", "Kesimpulan")
_KP, _GU, _PU, _HB = "Kata Pengantar", "Gambaran Umum", "Permasalahan Utama", "Hambatan"

_R_STRATEGI = (
    "Selalu koordinasi dengan desa terkait pembinaan dan fasilitasi kegiatan pemberdayaan "
    "masyarakat;",
    "Melibatkan setiap unsur masyarakat dalam musyawarah awal penyusunan program/kegiatan serta "
    "dalam pengambilan keputusan;",
    "Menjadikan masyarakat sebagai aktor utama dalam upaya pemberdayaan masyarakat;",
    "Menumbuhkan kesadaran, tanggung jawab dan kemandirian masyarakat desa melalui "
    "program/kegiatan pemberdayaan masyarakat dan desa;",
    "Saling berbagi informasi dan gagasan dengan masyarakat desa;",
    "Memberikan kesempatan seluas-luasnya kepada masyarakat untuk menyalurkan aspirasi.",
)
RANUYOSO["Narasi"] = _narasi(
    (_LB, "Pasal 4 Peraturan Bupati Nomor 6 Tahun 2018 telah mengamanatkan bahwa pejabat eselon "
          "IV berkewajiban untuk membuat laporan kinerja triwulanan kepada pejabat eselon III. "
          "Adapun batasan pelaporan kinerja dimaksud adalah paling lambat 5 hari kerja sejak "
          "berakhirnya periode triwulanan dan Kepala Seksi Pemberdayaan Masyarakat sebagai salah "
          "satu kelas jabatan pada eselon IV tentunya juga berkewajiban dalam penyusunan laporan "
          "kinerja dimaksud."),
    (_LB, "Pelaporan kinerja triwulanan sebagaimana dimaksud di atas merupakan perwujudan sikap "
          "akuntabilitas Kepala Seksi Pemberdayaan Masyarakat dalam mengidentifikasi hal-hal yang "
          "telah dicapai maupun hal-hal yang belum dapat dicapai dalam kurun waktu triwulanan IV "
          "tahun anggaran 2022. Di samping itu, pelaporan kinerja dimaksud juga bertujuan untuk "
          "memberikan gambaran mengenai efisiensi dan efektifitas antara perencanaan kegiatan dan "
          "perencanaan anggaran dengan pelaksanaan kegiatan dan pelaksanaan anggaran."),
    (_LB, "Kepala Seksi Pemberdayaan Masyarakat merupakan salah satu Seksi yang ada di Kecamatan "
          "Ranuyoso Kabupaten Lumajang sebagaimana amanat Peraturan Bupati Nomor 96 Tahun 2019 "
          "tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja "
          "Kecamatan dan Kelurahan. Berdasarkan ketentuan tersebut, khususnya pasal 11 telah "
          "diamanatkan bahwa tugas Kepala Seksi Pemberdayaan Masyarakat adalah sebagai berikut :"),
    *((_TF, t) for t in (
        "menyusun rencana kegiatan Seksi Pemberdayaan Masyarakat yang selaras dengan Rencana "
        "Strategis dan Rencana Kerja Kecamatan;",
        "melaksanakan penyiapan bahan perumusan kebijakan di Seksi Pemberdayaan Masyarakat;",
        "mengoordinasikan partisipasi masyarakat dalam forum musyawarah perencanaan pembangunan "
        "di desa/ kelurahan dan kecamatan;",
        "mengoordinasikan penyiapan bahan dan penyelenggaraan musyawarah rencana pembangunan "
        "tingkat kecamatan;",
        "melakukan sinkronisasi program kerja dan kegiatan pemberdayaan masyarakat yang "
        "dilakukan oleh pemerintah, swasta dan desa/ kelurahan di wilayah kecamatan;",
        "meningkatkan efektifitas pelaksanaan kegiatan pemberdayaan masyarakat dan pembangunan "
        "di wilayah kecamatan;",
        "melaksanakan fasilitasi sinkronisasi perencanaan pembangunan daerah dengan pembangunan "
        "desa;",
        "melaksanakan fasilitasi penetapan lokasi pembangunan kawasan pedesaan;",
        "melaksanakan fasilitasi pelaksanaan tugas, fungsi dan kewajiban dan pembinaan lembaga "
        "kemasyarakatan desa/ kelurahan;",
        "melaksanakan fasilitasi penyusunan perencanaan pembangunan partisipatif;",
        "melaksanakan fasilitasi penyusunan program dan pelaksanaan pemberdayaan masyarakat "
        "desa;",
        "melaksanakan koordinasi pelaksanaan pembangunan kawasan perdesaan di wilayahnya;",
        "menghimpun dan pengolahan data perekonomian dan pembangunan;",
        "melaksanakan evaluasi dan pelaporan pelaksanaan tugas dan program kerja Seksi "
        "Pemberdayaan Masyarakat;",
        "memberikan saran dan pertimbangan kepada Camat; dan",
        "melaksanakan tugas-tugas lain yang diberikan oleh Camat.",
    )),
    (_PC, "Tingginya capaian kinerja pada triwulan IV ini adalah karena tercapainya salah satu "
          "dari dua sub kegiatan yang diprogramkan oleh Seksi Pemberdayaan Masyarakat yaitu "
          "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di "
          "Desa."),
    *((_ST, "Persentase Fasilitasi Kegiatan Pemberdayaan Desa", "Januari s.d Desember", t)
      for t in _R_STRATEGI + (
        "Selalu koordinasi dengan desa terkait pembinaan dan fasilitasi kegiatan perekonomian "
        "dan pembangunan;",)),
    *((_RTL, t) for t in _R_STRATEGI),
    (_KS, "Secara umum pelaksanaan tugas pokok dan fungsi Kepala Seksi Pemberdayaan Masyarakat "
          "berdasarkan Peraturan Bupati Lumajang nomor 96 tahun 2019 tentang Kedudukan, Susunan "
          "Organisasi, Uraian Tugas Dan Fungsi Serta Tata Kerja Kecamatan, telah dapat "
          "dilaksanakan sebagaimana mestinya;"),
    (_KS, "Dalam pencapaian sasaran yang diperjanjikan sudah semua kegiatan tercapai 100%;"),
    (_KS, "Adapun strategi yang dilakukan untuk mencapai target adalah melalui koordinasi dengan "
          "desa, pelibatan setiap unsur masyarakat dalam musyawarah dan pengambilan keputusan, "
          "serta menjadikan masyarakat sebagai aktor utama dalam upaya pemberdayaan masyarakat."),
)

KALAENA["Narasi"] = _narasi(
    (_LB, "Pelaporan Kinerja merupakan bentuk akuntabilitas dari pelaksanaan tugas dan fungsi "
          "yang dipercayakan kepada setiap instansi pemerintah atas penggunaan anggaran dan atau "
          "merupakan bentuk akuntabilitas dari setiap tugas dan fungsi yang dipercayakan oleh "
          "atasan kepada bawahan sebagaimana tertuang dalam dokumen perjanjian kinerja."),
    (_LB, "Program Pemberdayaan masyarakat Desa dan Kelurahan yang terdiri dari 1 (satu) "
          "Kegiatan dan 2 (dua) sub Kegiatan dan Program Pembinaan dan Pengawasan Pemerintahan "
          "Desa yang terdiri dari 1 (satu) kegiatan dan 1 (satu) sub kegiatan."),
    (_LB, "Berdasarkan Peraturan Bupati Luwu Timur Nomor 56 Tahun 2016 tentang Susunan "
          "Organisasi, Kedudukan, Tugas dan Fungsi, serta Tata Kerja Kecamatan dalam wilayah "
          "Kabupaten Luwu Timur, Kepala Seksi Pemberdayaan Masyarakat desa Kantor Kecamatan "
          "Kalaena Kabupaten Luwu Timur memiliki tugas dan fungsi yaitu :"),
    *((_TF, t) for t in (
        "Merencanakan kegiatan pemberdayaan masyarakat sebagai pedoman pelaksanaan tugas;",
        "Membagi tugas kepada bawahan agar tercipta distribusi tugas yang merata;",
        "Menyelia pelaksanaan tugas pokok organisasi agar berjalan sesuai rencana, tepat waktu, "
        "berkualitas dalam lingkup Seksi;",
        "Melakukan pembinaan desa dalam rangka persiapan lomba desa;",
        "Melakukan pendataan dan penyusunan potensi / profil kecamatan;",
        "Melakukan fasilitasi penyusunan program dan pelaksanaan pemberdayaan masyarakat dan "
        "desa;",
        "Menyusun laporan hasil pelaksanaan tugas Seksi Pemberdayaan Masyarakat dan Desa dan "
        "memberikan saran pertimbangan kepada atasan sebagai bahan perumusan kebijakan;",
    )),
    (_PC, "Indikator sub kegiatan ini adalah Jumlah Lembaga Kemasyarakatan yang Berpartisipasi "
          "dalam Forum Musyawarah Perencanaan Pembangunan di Desa dengan target 0 Lembaga "
          "Kemasyarakatan dan realisasi 0 Lembaga Kemasyarakatan hal ini dikarenakan kegiatan "
          "ini sudah terlaksana pada triwulan I."),
    (_PC, "Indikator sub kegiatan ini Jumlah Laporan Peningkatan Efektivitas Kegiatan "
          "Pemberdayaan Masyarakat di Wilayah Kecamatan target triwulan II 3 Laporan dan "
          "realisasi 3 Laporan sehingga capaian kinerjanya 100%. Telah tercapai sesuai dengan "
          "target kinerja sebanyak 3 laporan yang disusun 1 kali dalam perbulannya dalam 1 "
          "Triwulan yaitu Laporan Pelaksanaan Kegiatan TW II."),
    (_PC, "Faktor pendukung tercapainya target kinerja Koordinasi Pelaksanaan Pembangunan "
          "Kawasan Perdesaan yakni adanya Tim dari kecamatan melakukan monitoring dan evaluasi "
          "dana BKK ke tujuh Desa baik secara fisik maupun non fisik; 6 desa telah melakukan "
          "pencairan sementara 1 desa sementara melakukan proses pencairan."),
    (_KS, "Rata-rata capaian keuangan kurang dari 100% hal ini disebabkan karena SPJ sudah ada "
          "akan tetapi belum di GU-kan dan akan di optimalkan pada triwulan berikutnya."),
)

SENDURO["Narasi"] = _narasi(
    (_LB, "Pasal 4 Peraturan Bupati Nomor 6 Tahun 2018 telah mengamanatkan bahwa pejabat eselon "
          "IV berkewajiban untuk membuat laporan kinerja triwulanan kepada pejabat eselon III. "
          "Adapun batasan pelaporan kinerja dimaksud adalah paling lambat 5 hari kerja sejak "
          "berakhirnya periode triwulanan. Dan, Kasi Pemerintahan sebagai salah satu kelas "
          "jabatan pada eselon IV tentunya juga berkewajiban dalam penyusunan laporan kinerja "
          "dimaksud."),
    (_LB, "Kasi Pemerintahan merupakan salah satu Kasi yang ada di Kecamatan Senduro Kabupaten "
          "Lumajang sebagaimana amanat Peraturan Bupati Nomor 96 Tahun 2019 tentang Kedudukan, "
          "Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Kecamatan dan Kelurahan. "
          "Berdasarkan ketentuan tersebut, khususnya pasal 8 telah diamanatkan bahwa tugas dan "
          "fungsi Kasi Pemerintahan adalah sebagai berikut :"),
    *((_TF, t) for t in (
        "Menyusun rencana kegiatan kerja Seksi Pemerintahan yang selaras dengan Rencana "
        "Strategis dan Rencana Kerja Kecamatan;",
        "Melaksanakan penyiapan bahan perumusan kebijakan di bidang Pemerintahan;",
        "Melaksanakan pembinaan wawasan kebangsaan, idiologi Negara dan kesatuan bangsa;",
        "Melaksanakan pembinaan kerukunan hidup bermasyarakat dengan melakukan harmonisasi "
        "hubungan dengan tokoh agama dan tokoh masyarakat;",
        "Melaksanakan pembinaan ketentraman dan ketertiban;",
        "Melaksanakan fasilitasi penanganan konflik sosial sesuai ketentuan peraturan "
        "perundang-undangan;",
        "Pengoordinasian pelaksanaan tugas antar instansi pemerintahan yang ada di wilayah "
        "kecamatan sesuai dengan ketentuan peraturan perundang-undangan;",
        "Melaksanakan pengembangan kehidupan demokrasi berdasarkan Pancasila;",
        "Pengoordinasian dan fasilitasi pembentukan forum komunikasi pimpinan di kecamatan;",
        "Melakukan penegakan dan pelaksanaan Peraturan Daerah dan Peraturan Kepala Daerah "
        "serta peraturan perundang-undangan lainnya di wilayah kerjanya;",
        "Melaksanakan penyelenggaraan kegiatan pemerintahan di tingkat kecamatan;",
        "Melaksanakan evaluasi penyusunan peraturan desa dan peraturan kepala desa;",
        "Melaksanakan fasilitasi administrasi tata pemerintahan desa;",
        "Melaksanakan pembinaan dan pengawasan pengelolaan keuangan desa dan aset desa;",
        "Pembinaan dan pengawasan pelaksanaan tugas kepala desa dan perangkat desa;",
        "Melaksanakan fasilitasi pelaksanaan Pilkades;",
        "Pembinaan dan pengawasan pelaksanaan tugas dan fungsi BPD;",
        "Pemberian rekomendasi pengangkatan dan pemberhentian perangkat desa;",
        "Melaksanakan fasilitasi kerja sama antar desa dan kerja sama desa dengan pihak "
        "ketiga;",
        "Melaksanakan fasilitasi penataan, pemanfaatan, dan pendayagunaan ruang desa serta "
        "penetapan dan penegasan batas desa;",
        "Pengoordinasian pendampingan desa di Kecamatan;",
        "Melaksanakan evaluasi dan pelaporan pelaksanaan tugas dan program kerja Seksi "
        "Pemerintahan;",
        "Memberikan saran dan pertimbangan kepada Camat; dan",
        "Melaksanakan tugas-tugas lain yang diberikan oleh Camat.",
    )),
    (_PC, "Untuk mewujudkan pencapaian atas target kinerja sebagaimana tertuang pada tabel 2.2 "
          "diatas tentunya dibutuhkan anggaran dan kesesuaian time schedule kegiatan tahunan "
          "Desa. dalam hal mencapai indicator target kinerja diperlukan batasan kinerja sesuai "
          "dengan tupoksi sebagai berikut ;"),
    (_PC, "Persentase Fasilitasi dan Koordinasi Bidang Pemerintahan yang ditindaklanjuti: "
          "fasilitasi yang akan kami lakukan dalam tahun 2023 ini ada 11 jenis fasilitasi dan "
          "2 koordinasi, mulai dari Fasilitasi pelaksanaan APBDDes, Penjaringan Perangkat Desa "
          "sampai penyusunan APBDDes. akan tetapi yang menjadi acuan data kami dalam pelaporan "
          "capaian kinerja sejumlah 23% adalah Fasilitasi Penjaringan Perangkat Desa yang "
          "sudah kami lakukan di 4 Desa, Fasilitasi penerapan dan penegakan peraturan "
          "perundang-undangan, Fasilitasi administrasi tata Pemerintahan Desa; dari tiga "
          "fasilitasi tersebut sudah kami laksanakan berdasarkan peraturan yang berlaku"),
    (_PC, "Prosentase penyusunan Pelaporan Bidang Pemerintahan yang tepat waktu: dalam hal "
          "pelaporan Desa sampai triwulan 1 masih ada 5 target capaian yang harus kami "
          "laporkan, adapun dari 5 target tersebut saat ini baru satu laporan yang dapat kami "
          "laporkan secara tepat waktu, yaitu Laporan Keuangan Desa. Berdasarkan 1 jenis "
          "Laporan di atas sudah kami kirimkan ke DPMD selaku Leading sektor kami sebagai "
          "anggota tim Binwas Kecamke Desa terkait dengan keterlambatan tersebut"),
    (_PC, "Prosentase kegiatan pengamanan diwilayah kecamatan yang dilaksanakan tepat waktu: "
          "Fasilitasi pengamanan wilayah kecamatan dimana dalam hal ini urusan perlindungan "
          "masyarakat atau Linmas yang sudah dilaksanakan sampai triwulan I tahun 2023 adalah "
          "kegiatan acara keagamaan; Pengamanan terkait acara kemasyarakatan yang dalam hal ini "
          "dilaksanakan bersama forkopimca; penanganan terkait percepatan vaksin di wilayah "
          "Kecamatan Pasrujambe."),
    (_PC, "Persentase fasilitasi penyelenggaraan pemerintahan desa yang sesuai dengan "
          "ketentuan: dalam hal fasilitasi penyelenggaraan pemerintahan desa kami mempunyai "
          "agenda rutin sebanyak 8 kali dalam 1 tahun yaitu pembinaan dan pengawasan pada "
          "setiap desa melalui monitoring dan evaluasi. pada kegiatan pembinaan monev tersebut "
          "kami melakukan pembinaan pada masing masing aparatur Desa dan evaluasi administrasi "
          "keuangan serta administrasi umum lainnya. untuk triwulan 1 sudah terealisasi "
          "sebanyak 2 kali ."),
    (_PC, "Sisa anggaran pada 1 kegiatan yang target kinerjanya telah tercapai, maka anggaran "
          "tidak terserap lagi, dan akan dikembalikan ke Kas Daerah."),
    *((_ST, _S_IND[0], "Bulan Januari s/d Maret 2023", t) for t in (
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku",
        "Selalu koordinasi dengan instansi leading sektor", "Koordinasi bersama tim Binwas")),
    *((_ST, _S_IND[5], "Bulan Januari s/d Maret 2023", t) for t in (
        "Membuat surat pemberitahuan pengiriman dokumen LPPDesa",
        "Menghimpun Laporan dan membuat ceklis",
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku")),
    *((_ST, "Prosentase kegiatan pengamanan diwilayah kecamatan yang dilaksanakan tepat "
            "waktu", "Bulan Januari s/d Maret 2023", t) for t in (
        "Membuat surat pemberitahuan Pengamanan Wilayah",
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku")),
    *((_ST, "Persentase fasilitasi penyelenggaraan pemerintahan desa yang sesuai dengan "
            "ketentuan", "Bulan Januari s/d Maret 2023", t) for t in (
        "Membuat surat pemberitahuan Fasilitasi", "Menghimpun Laporan dan membuat ceklis",
        "Melaksanakan kegiatan monitoring dan evaluasi setiap 2 bulan sekali secara berkala")),
    (_HB, "Terkait dengan target kinerja yang sudah tercapai, yakni 1 target, dan masih 3 target "
          "yang perlu dicapai pada triwulan berikutnya."),
    # the twelve points as the report lists them, repeats included
    *((_RTL, t) for t in (
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku",
        "Selalu koordinasi dengan instansi leading sektor", "koordinasi Bersama Tim Binwas",
        "Membuat surat pemberitahuan pengiriman dokumen LPPDesa",
        "Menghimpun Laporan dan membuat ceklis",
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku",
        "Membuat surat pemberitahuan Pengamanan Wilayah",
        "Menghimpun Laporan dan membuat ceklis",
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku",
        "Membuat surat pemberitahuan Fasilitasi", "Menghimpun Laporan dan membuat ceklis",
        "Melaksanakan kegiatan sesuai dengan aturan yang berlaku")),
    (_KS, "Secara umum pelaksanaan tugas pokok dan fungsi Kasi Pemerintahan berdasarkan "
          "Peraturan Bupati Lumajang nomor 96 Tahun 2019 tentang Kedudukan, Susunan Organisasi, "
          "Uraian Tugas Dan Fungsi Serta Tata Kerja Kecamatan Dan Kelurahan, telah dapat "
          "dilaksanakan sebagaimana mestinya;"),
    (_KS, "Dalam pencapaian sasaran yang diperjanjikan, dari 4 target kinerja yang ditetapkan, 1 "
          "target kinerja telah berhasil diwujudkan dengan baik, dan 3 target kinerja masih dalam "
          "proses pelaksanaan."),
)

_PRONO_KP = "Kecamatan Pronojiwo"
PRONOJIWO["Narasi"] = _narasi(
    (_KP, "Puji syukur kami munajatkan kehadirat Allah SWT, atas terselesaikannya Laporan Kinerja "
          "Kecamatan Pronojiwo Periode Triwulan III Tahun Anggaran 2024. Dokumen ini kami susun "
          "setelah pelaksanaan Program/Kegiatan/Sub Kegiatan APBD 2024 sebagaimana diamanatkan "
          "oleh Peraturan Bupati Lumajang Nomor 6 Tahun 2018 tentang \u201cPedoman Penyusunan "
          "Pelaporan Kinerja\u201d."),
    (_KP, "Dokumen ini menyajikan hasil Laporan Kinerja Kecamatan Pronojiwo Tahun 2024 serta "
          "evaluasi dan analisis akuntabilitas kinerja, sehingga diharapkan dapat memberikan "
          "informasi tentang keberhasilan/kegagalan Kecamatan Pronojiwo dalam melaksanakan "
          "Program/Kegiatan dan Sub Kegiatan untuk mencapai indikator dan target kinerja serta "
          "mengarah pada terwujudnya visi dan misi organisasi Kecamatan Pronojiwo."),
    (_KP, "Proses penyusunan dokumen ini, tentunya tidak terlepas dari bantuan berbagai pihak, "
          "oleh karena itu dalam kesempatan ini tak lupa kami menyampaikan terima kasih kepada "
          "semua pihak yang telah memberi saran, masukan serta informasi terhadap isi laporan "
          "ini. Semoga laporan yang kami susun ini dapat bermanfaat dan dapat dipergunakan "
          "sebagai bahan evaluasi bagi pihak-pihak yang berwenang serta sebagai bahan "
          "pengambilan kebijakan lebih lanjut."),
    (_LB, "Laporan Kinerja triwulan adalah ikhtisar yang menjelaskan secara ringkas dan lengkap "
          "tentang capaian kinerja dalam kurun waktu 3 (tiga) bulan yang disusun berdasarkan "
          "rencana kerja yang ditetapkan dalam rangka pelaksanaan Anggaran Pendapatan dan "
          "Belanja Daerah (APBD)."),
    (_LB, "Laporan ini berisi tentang capaian kinerja dan Realisasi Anggaran Kecamatan "
          "Pronojiwo triwulan III Tahun 2024."),
    (_GU, "Berdasarkan Peraturan Bupati Lumajang Nomor 96 Tahun 2019 Tentang \u201cKedudukan, "
          "Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Kecamatan\u201d, "
          "Kecamatan Pronojiwo dibentuk dalam rangka meningkatkan koordinasi penyelenggaraan "
          "pemerintahan, pelayanan publik dan pemberdayaan masyarakat desa dan kelurahan yang ada "
          "di wilayah Kecamatan Pronojiwo. Kecamatan Pronojiwo memiliki 6 Desa dan dipimpin oleh "
          "Camat Pronojiwo yang berkedudukan di bawah dan bertanggungjawab kepada Bupati melalui "
          "Sekretaris Daerah."),
    (_GU, "Susunan organisasi Kecamatan Pronojiwo terdiri atas: Camat; Sekretariat Kecamatan "
          "(Sub Bagian Umum dan Kepegawaian, Sub Bagian Keuangan); Seksi Pemerintahan; Seksi "
          "Pelayanan Umum; Seksi Pemberdayaan Masyarakat."),
    (_PU, "Berdasarkan pengamatan terhadap kondisi internal Kecamatan Pronojiwo berupa kekuatan "
          "(strengths) dan kelemahan (weakness) serta kondisi eksternal berupa peluang "
          "(opportunity) dan ancaman (threats), kelemahan yang utama adalah sarana dan prasarana "
          "yang belum memadai untuk memberikan pelayanan yang optimal kepada masyarakat, sumber "
          "daya manusia yang kurang dari segi kuantitas dan kualitas, serta wilayah yang terkena "
          "dampak bencana alam yang menyebabkan akses jalan dari dan ke Kecamatan Pronojiwo rusak "
          "parah."),
    (_PC, "Faktor keberhasilan tercapainya kinerja: menindaklanjuti setiap saran dan perbaikan "
          "untuk evaluasi nilai IKM per semester; pembinaan dengan pendampingan dari OPD "
          "pengampu; evaluasi berkala untuk administrasi desa; sinergi dan kerjasama antar seksi; "
          "rapat berkala untuk evaluasi kinerja seksi dan subag."),
    *((_HB, t) for t in (
        "Publikasi yang belum optimal;",
        "Sarana dan prasarana yang belum memadai untuk memberikan pelayanan yang optimal kepada "
        "masyarakat;",
        "Sumber daya manusia yang kurang dari segi kuantitas dan kualitas;",
        "Kondisi alam pada Kecamatan Pronojiwo yang rawan bencana;",
        "Kurangnya pemahaman perangkat desa terkait administrasi baik dari segi kuantitas dan "
        "kualitas yang menyebabkan Kinerja Perangkat Desa belum maksimal;",
        "Belum optimalnya pelaksanaan kegiatan sesuai dengan time schedule karena adanya "
        "penyesuaian DPA SKPD.",
    )),
    *((_RTL, t) for t in (
        "Meningkatkan publikasi secara masal baik di FB, WA, Instagram dan di website serta "
        "mengoptimalkan koordinasi dengan pemerintah desa;",
        "Menyusun perencanaan kebutuhan sarana dan prasarana dengan tepat sasaran;",
        "Mengoptimalkan sarana dan prasarana yang ada;",
        "Adanya dukungan bimbingan dan pelatihan teknis dari PD terkait untuk peningkatan "
        "kapasitas aparatur;",
        "Optimalisasi SDM yang ada;",
        "Sinergitas dan koordinasi yang baik dengan pemerintah desa dalam rangka optimalisasi "
        "pelaksanaan tugas perangkat desa;",
        "Simulasi penanggulangan bencana;",
        "Mengoptimalkan penyusunan time schedule",
    )),
    (_KS, "Dari laporan ini dapat disimpulkan bahwa capaian kinerja Kecamatan Pronojiwo telah "
          "memenuhi target. Meskipun realisasi kinerja setiap tahun mengalami peningkatan, "
          "masih banyak permasalahan yang dihadapi sebagaimana disebutkan pada dokumen laporan "
          "ini."),
    (_KS, "Demikian beberapa hal yang dapat disajikan dalam penyusunan Laporan Kinerja Triwulan "
          "III ini, saran dan kritik selalu diharapkan untuk penyempurnaan penyusunan laporan "
          "kinerja pada waktu mendatang."),
)

CANDIPURO["Narasi"] = _narasi(
    (_KP, "Puji syukur kami haturkan kehadirat Allah SWT, atas terselesaikannya Laporan Kinerja "
          "Kecamatan Candipuro Periode Triwulan II Tahun Anggaran 2023. Dokumen ini kami susun "
          "setelah pelaksanaan Program/Kegiatan/Sub Kegiatan APBD 2023 sebagaimana diamanatkan "
          "oleh Peraturan Bupati Lumajang Nomor 6 Tahun 2018 tentang Pedoman Penyusunan "
          "Pelaporan Kinerja."),
    (_KP, "Dokumen ini menyajikan hasil Laporan Kinerja Kecamatan Candipuro Tahun 2023 serta "
          "evaluasi dan analisis akuntabilitas kinerja, sehingga diharapkan dapat memberikan "
          "informasi tentang keberhasilan/kegagalan Kecamatan Candipuro dalam melaksanakan "
          "Program/Kegiatan dan Sub Kegiatan untuk mencapai indikator dan target kinerja."),
    (_LB, "Laporan Kinerja (LKj) Perangkat Daerah adalah dokumen yang berisi gambaran perwujudan "
          "kewajiban suatu lembaga instansi untuk mempertanggungjawabkan kinerja, keberhasilan "
          "dan kegagalan pelaksanaan misi organisasi dalam mencapai sasaran dan tujuan yang "
          "telah ditetapkan sebagaimana tertuang dalam Perubahan Rencana Strategis Tahun 2018 - "
          "2023, dalam rangka perwujudan Good Governance dilingkungan Pemerintahan Kabupaten "
          "Lumajang."),
    (_LB, "Maksud dari penyusunan Laporan Kinerja (LKj) Kecamatan Candipuro adalah sebagai "
          "laporan pertanggungjawaban pelaksanaan Kinerja Kepala Perangkat Daerah dalam hal ini "
          "Camat Candipuro dalam kurun waktu tiga bulan kepada Bupati Lumajang; tujuannya "
          "sebagai tolak ukur keberhasilan kinerja organisasi dalam mencapai sasaran dan "
          "tujuannya."),
    (_GU, "Berdasarkan Peraturan Bupati Lumajang Nomor 96 Tahun 2019 Tentang Kedudukan, Susunan "
          "Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Kecamatan, Kecamatan Candipuro "
          "memiliki 10 Desa dan dipimpin oleh Camat Candipuro yang berkedudukan di bawah dan "
          "bertanggungjawab kepada Bupati melalui Sekretaris Daerah."),
    (_PU, "Masalah pokok yang dialami oleh Perangkat Daerah Kecamatan Candipuro yaitu kurang "
          "terpenuhinya kualitas pelayanan, fasilitasi dan koordinasi kecamatan serta "
          "akuntabilitas keuangan dan pemerintahan desa. Akar masalahnya: kurangnya pemahaman "
          "Aparatur Kecamatan terhadap peraturan perundang-undangan; kurangnya pemahaman "
          "masyarakat dan petugas tentang tertib administrasi pelayanan kecamatan; kurangnya "
          "publikasi terkait prosedur/alur pelayanan di Kecamatan; kurangnya kualitas dan "
          "kuantitas sarana dan prasarana pelayanan publik."),
    (_PC, "Pada Triwulan II dari ketiga dokumen administrasi desa yang telah dilaksanakan oleh "
          "desa sesuai dengan aturan adalah Laporan Penyelenggaraan Pemerintah Desa (LPPDes) "
          "yang harus dilaporkan kepada Bupati melalui Camat paling lambat 31 Maret; dari 10 "
          "desa yang ada di Kecamatan Candipuro semua sudah melaporkan dengan tepat waktu."),
    *((_HB, t) for t in (
        "Terbatasnya jumlah SDM",
        "Belum optimalnya kuantitas dan kualitas SDM yang sesuai standar kebutuhan unit kerja "
        "pelaksanaan pelayanan public",
        "Belum Optimalnya kondisi keamanan, ketentraman dan ketertiban dilingkungan masyarakat "
        "yang kondusif",
        "Terbatasnya anggaran dan sarana prasarana Kecamatan",
        "SDM dan kinerja aparatur pemerintahan Desa yang belum optimal",
    )),
    *((_RTL, t) for t in (
        "Optimalisasi sarana dan prasarana yang ada",
        "Pemeliharaan terhadap sarana dan prasarana yang ada di Kecamatan",
        "Mengoptimalkan SDM yang ada dengan menyesuaikan pada standart pelaksanaan pelayanan "
        "publik melalui pembelajaran secara online",
        "Meningkatkan SDM dan Kinerja Aparatur Pemerintah Desa melalui Pembinaan dan Evaluasi "
        "secara rutin di dalam setiap kesempatan kunjungan ke Desa",
    )),
    (_KS, "Realisasi kinerja Kecamatan Candipuro pada triwulan II memang belum mencapai target "
          "karena aktifitas kegiatan masih berjalan. Demikian beberapa hal yang dapat disajikan "
          "dalam penyusunan Laporan Kinerja Triwulan II ini, saran dan kritik selalu diharapkan "
          "untuk penyempurnaan penyusunan laporan kinerja pada waktu mendatang."),
)
