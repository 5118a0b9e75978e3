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
         "pagu": "23.500.000", "realisasi": "23.500.000", "capaian_anggaran": "100%"},
    ],
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
    "Capaian": [
        {"no": "1.", "sasaran": _K1, "target_tahunan": "5 Lembaga Kemsyarakatan",
         "target": "-", "realisasi": "-", "capaian": "-"},
        {"no": "2.", "sasaran": _K2, "target_tahunan": "12 Laporan", "target": "6",
         "realisasi": "6", "capaian": "100", "predikat": "Sangat Baik"},
        {"no": "3.", "sasaran": _K3, "target_tahunan": "7 Laporan", "target": "7",
         "realisasi": "7", "capaian": "100", "predikat": "Sangat Baik"},
        {"indikator": "Rata-rata Capaian Kinerja", "capaian": "100%"},
    ],
    "Anggaran": [
        {"uraian": _K1, "pagu": "10.893.500", "target_tw": "-", "realisasi": "2.015.000"},
        {"uraian": _K2, "pagu": "85.880.500", "target_tw": "16.682.500",
         "realisasi": "19.617.580", "capaian_keuangan": "117%"},
        {"uraian": _K3, "pagu": "10.470.500", "target_tw": "2.498.250",
         "realisasi": "2.896.250", "capaian_keuangan": "115%"},
        {"uraian": "Jumlah", "pagu": "107.244.500", "target_tw": "41.664.750",
         "realisasi": "24.528.830"},
        {"uraian": "Rata-rata Capaian Keuangan", "capaian_keuangan": "59%"},
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
    "Capaian": [
        {"no": str(i + 1), "sasaran": _S_CAP_SAS[i], "indikator": _S_IND[i], "target": "100%",
         "realisasi": "3 Desa", "capaian": "25%",
         "keterangan": "Jan s/d Maret 2023" if i == 0 else None}
        for i in range(6)
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
         "keterangan": "1 Jan s/d Maret 2023"}
        for no, name, pagu, real, cap, r, eff in (
            ("1", "Penyelenggaraan efektifitas kegiatan pemerintahan di tingkat Kecamatan",
             "7.800.000", "0", "0%", "0", "100%"),
            ("2", "Penyelenggaraan urusan yang dilimpahkan pada Camat", "5.000.000", "0", "0%",
             "0", "100%"),
            ("3", "Penyelenggaraan Sinergitas dengan Kepolisian Negara", "10.200.000",
             "10.200.000", "100%", "100%", "100%"),
            ("4", "Penyelenggaraan harmonisasi hubungan toga tomas", "4.500.000", "2.250.000",
             "50%", "50%", "50%"),
            ("5.", "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
             "7.500.000", "900.000", "12%", "12%", "88%"),
            ("6.", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan "
                   "Pemerintahan Desa", "290.800.000", "70.200.000", "24,14%", "24,14%",
             "75,86 %"),
        )
    ],
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
    "Perbandingan": [
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti", "tahun": 2023, "target": "93%",
         "realisasi": "100%"},
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti", "tahun": 2024, "target": "93%",
         "realisasi": "45,28%"},
        {"no": "2.", "indikator": "Rata -rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "tahun": 2023, "target": "85%", "realisasi": "100%"},
        {"no": "2.", "indikator": "Rata -rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "tahun": 2024, "target": "100%", "realisasi": "66,67%"},
    ],
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
         "pembilang": 28, "penyebut": 51},
        {"sasaran": "Meningkatnya kualitas serta Akuntabilitas Keuangan dan Pemerintahan Desa",
         "indikator": _C_IND2, "target": "82,00%", "realisasi": "33,33%", "capaian": "40,64%",
         "pembilang": 10, "penyebut": 30},
    ],
    "Anggaran": _CANDI_ANG,
    "Fasilitasi": [
        {"no": i + 1, "nama": n,
         "kelompok": "Koordinasi" if n.startswith("Koordinasi") else
         ("Rekomendasi" if "Rekomendasi" in n else "Fasilitasi"), "status": "Terlaksana"}
        for i, n in enumerate(_C_FAS)
    ],
    "Perbandingan": [
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti", "tahun": 2021, "realisasi": "100%",
         "target_renstra": "91,50%"},
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti", "tahun": 2022, "target": "91,39%",
         "realisasi": "91,83%"},
        {"no": "1.", "indikator": "Persentase hasil fasilitasi dan koordinasi yang "
                                  "ditindaklanjuti", "tahun": 2023, "target": "91,50%",
         "realisasi": "60%", "keterangan": "TW. II"},
        {"no": "2.", "indikator": "Rata - rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "tahun": 2021, "realisasi": "100%", "target_renstra": "82%"},
        {"no": "2.", "indikator": "Rata - rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "tahun": 2022, "target": "81,75%", "realisasi": "86,66%"},
        {"no": "2.", "indikator": "Rata - rata persentase desa yang menyusun dokumen "
                                  "administrasi pemerintahan desa yang tepat waktu",
         "tahun": 2023, "target": "82%", "realisasi": "33,33%", "keterangan": "TW. II"},
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
         "indikator": _CL_IND2, "target": "80%", "realisasi": "58,33%", "capaian": "72,92%",
         "satuan": "%", "polaritas": "positif", "pembilang": 7, "penyebut": 12,
         "sumber": "Desa", "predikat": "Sedang"},
        {"indikator": "Rata-rata capaian", "capaian": "80,90%"},
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
        {"no": 1, "desa": "Sukamaju", "apbdes": "20 Desember 2024", "lppdes": "10 Maret 2025"},
        {"no": 2, "desa": "Sukamakmur", "apbdes": "28 Desember 2024", "lppdes": "20 Maret 2025"},
        {"no": 3, "desa": "Sumberjaya", "apbdes": "30 Desember 2024", "lppdes": "25 Maret 2025"},
        {"no": 4, "desa": "Tegalrejo", "apbdes": "6 Januari 2025", "lppdes": "31 Maret 2025",
         "keterangan": "APBDes terlambat"},
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
         "realisasi_kinerja": "58,33%", "capaian_kinerja": "72,92%", "efisiensi": "75,00%"},
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
        {"no": "1", "indikator": _CL_IND1, "tahun": 2023, "target": "85%", "realisasi": "88%",
         "target_renstra": "95%"},
        {"no": "1", "indikator": _CL_IND1, "tahun": 2024, "target": "88%", "realisasi": "90%"},
        {"no": "1", "indikator": _CL_IND1, "tahun": 2025, "target": "90%", "realisasi": "80%",
         "keterangan": "s.d. TW I"},
        {"no": "2", "indikator": _CL_IND2, "tahun": 2024, "target": "75%", "realisasi": "80%",
         "target_renstra": "90%"},
        {"no": "2", "indikator": _CL_IND2, "tahun": 2025, "target": "80%", "realisasi": "58,33%",
         "keterangan": "s.d. TW I"},
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
