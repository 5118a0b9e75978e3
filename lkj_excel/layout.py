"""The one source of truth for the workbook layout: sheet names, header rows, columns.

The template writer, the reader, the finalised workbook and the docs all take sheet names,
column headers and their synonyms from here, so they cannot drift apart.
"""

from __future__ import annotations

from .record import Record

# Where the template puts things: a title on row 1, a hint on row 2, headers on row 3.
TITLE_ROW = 1
HINT_ROW = 2
HEADER_ROW = 3
FIRST_DATA_ROW = 4
#: The reader looks for the header row within this many rows from the top.
HEADER_SEARCH_ROWS = 15


class Column(Record):
    """One column of a table sheet: its key, header, kind and header synonyms."""

    __slots__ = ("key", "header", "kind", "required", "synonyms", "width", "choices", "hint")

    def __init__(self, key: str, header: str, kind: str = "text", required: bool = False,
                 synonyms: tuple[str, ...] = (), width: float = 14,
                 choices: tuple[str, ...] = (), hint: str = ""):
        self.key = key
        self.header = header
        #: text, amount, percent, number, measure, date, code, nip, choice
        self.kind = kind
        self.required = required
        self.synonyms = synonyms
        self.width = width
        self.choices = choices
        self.hint = hint


class TableSheet(Record):
    """A sheet holding one table under a title, a hint and a header row."""

    __slots__ = ("name", "title", "hint", "columns", "required", "landscape", "label_keys")

    def __init__(self, name: str, title: str, hint: str, columns: tuple[Column, ...],
                 required: bool = True, landscape: bool = True,
                 label_keys: tuple[str, ...] = ()):
        self.name = name
        self.title = title
        self.hint = hint
        self.columns = columns
        self.required = required
        self.landscape = landscape
        #: Column keys whose text marks a total/average row ("JUMLAH", "Rata-rata").
        self.label_keys = label_keys

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


class Field(Record):
    """One label/value pair of a form sheet (Identitas, Pengaturan)."""

    __slots__ = ("key", "label", "kind", "required", "synonyms", "choices", "hint", "default")

    def __init__(self, key: str, label: str, kind: str = "text", required: bool = False,
                 synonyms: tuple[str, ...] = (), choices: tuple[str, ...] = (),
                 hint: str = "", default: object = None):
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.synonyms = synonyms
        self.choices = choices
        self.hint = hint
        self.default = default


class FormSheet(Record):
    """A sheet of label/value pairs (Identitas, Pengaturan)."""

    __slots__ = ("name", "title", "hint", "fields", "required", "label_header",
                 "value_header", "extra_tables")

    def __init__(self, name: str, title: str, hint: str, fields: tuple[Field, ...],
                 required: bool = True, label_header: str = "Isian",
                 value_header: str = "Nilai", extra_tables: tuple[TableSheet, ...] = ()):
        self.name = name
        self.title = title
        self.hint = hint
        self.fields = fields
        self.required = required
        self.label_header = label_header
        self.value_header = value_header
        self.extra_tables = extra_tables

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


TINGKAT = ("seksi", "kecamatan")
TRIWULAN = ("I", "II", "III", "IV")
POLARITAS = ("positif", "negatif")
#: Capaian formulas for negative polarity. (T - R) / T is not one: hitting the target
#: exactly gives 0%, so it measures the gap, not the achievement.
RUMUS_NEGATIF = ("2T-R", "T/R")
SATUAN = ("%", "Desa", "Laporan", "Dokumen", "Kegiatan", "Lembaga", "bulan", "Indeks", "Orang",
          "Unit", "Kali")
SUMBER_DATA = ("-", "Fasilitasi", "Desa")
STATUS_FASILITASI = ("Terlaksana", "Belum")
KELOMPOK_FASILITASI = ("Fasilitasi", "Koordinasi", "Rekomendasi")
JENIS_COP = ("Sasaran", "Kegiatan", "Sub Kegiatan")
SIFAT_DATA = ("kumulatif", "triwulan")
JENIS_KELAMIN = ("L", "P")
STATUS_PEGAWAI = ("PNS", "CPNS", "PPPK", "Non PNS")
PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
ESELON = ("-", "II a", "II b", "III a", "III b", "IV a", "IV b")
DIKLAT = ("-", "PIM I", "PIM II", "PIM III", "PIM IV")
RUMUS_EFISIENSI = ("100-penyerapan", "kinerja/anggaran", "kinerja-anggaran")
#: How an indicator's target of the quarter follows from its plan (rencana aksi TW I-IV):
#: kumulatif = s.d. this quarter, triwulan = this quarter alone, nilai akhir = the value
#: planned for the end of this quarter, tren turun = nilai akhir, lower is better.
METODE_CAPAIAN = ("kumulatif", "triwulan", "nilai akhir", "tren turun")
#: What a Desa date cell may say instead of a date the report does not give.
STATUS_DOKUMEN = ("tepat waktu", "terlambat", "belum")
#: Which APBDes the desa indicator counts: the one set during the report year for the next
#: year (seeds 003 and 004), or the one for the report year, set the year before.
APBDES_DIHITUNG = ("tahun berikutnya", "tahun berjalan")
TABEL_REKAP_PEGAWAI = ("Pendidikan", "Golongan", "Diklat", "Eselon")
BAGIAN_TANDA_TANGAN = ("Kata Pengantar", "Perjanjian Kinerja", "Lampiran PK", "Penutup",
                       "Laporan", "Lainnya")

IDENTITAS = FormSheet(
    name="Identitas",
    title="Identitas Laporan",
    hint="Isi kolom Nilai. Tanggal boleh diketik 31 Januari 2024 atau 31/01/2024.",
    fields=(
        Field("unit", "Nama Unit Kerja", required=True,
              synonyms=("unit kerja", "nama unit", "unit", "jabatan unit"),
              hint="Contoh: Seksi Pemerintahan Kecamatan Senduro"),
        Field("tingkat", "Tingkat", required=True, choices=TINGKAT,
              synonyms=("level", "jenis laporan"), hint="seksi atau kecamatan"),
        Field("kecamatan", "Kecamatan", synonyms=("nama kecamatan",)),
        Field("kabupaten", "Kabupaten/Kota", synonyms=("kabupaten", "kota", "pemerintah kabupaten")),
        Field("tahun", "Tahun Anggaran", kind="number", required=True,
              synonyms=("tahun", "ta")),
        Field("triwulan", "Triwulan", kind="choice", required=True, choices=TRIWULAN,
              synonyms=("tw", "periode triwulan"), hint="I, II, III atau IV"),
        Field("sifat", "Sifat Data", choices=SIFAT_DATA, default="kumulatif",
              synonyms=("sifat realisasi", "kumulatif"),
              hint="kumulatif (s.d. triwulan ini) atau triwulan (hanya triwulan ini)"),
        Field("jumlah_desa", "Jumlah Desa", kind="number", synonyms=("banyak desa",)),
        Field("tempat", "Tempat Laporan", synonyms=("tempat", "kota laporan")),
        Field("tanggal", "Tanggal Laporan", kind="date", required=True,
              synonyms=("tanggal", "tgl laporan", "tanggal penyampaian")),
        Field("pelapor_nama", "Nama Pelapor", required=True, synonyms=("pelapor", "nama")),
        Field("pelapor_nip", "NIP Pelapor", kind="nip", synonyms=("nip",)),
        Field("pelapor_pangkat", "Pangkat/Golongan Pelapor",
              synonyms=("pangkat pelapor", "pangkat/gol pelapor", "golongan pelapor")),
        Field("pelapor_jabatan", "Jabatan Pelapor", synonyms=("jabatan",)),
        Field("atasan_nama", "Nama Atasan Langsung", synonyms=("nama atasan", "atasan")),
        Field("atasan_nip", "NIP Atasan", synonyms=("nip atasan langsung",), kind="nip"),
        Field("atasan_pangkat", "Pangkat/Golongan Atasan",
              synonyms=("pangkat atasan", "pangkat/gol atasan")),
        Field("atasan_jabatan", "Jabatan Atasan", synonyms=("jabatan atasan langsung",)),
        Field("pk_tanggal", "Tanggal Perjanjian Kinerja", kind="date",
              synonyms=("tanggal pk",)),
        Field("pk_pihak1_nama", "Nama Pihak Pertama pada PK", synonyms=("pihak pertama",)),
        Field("pk_pihak1_nip", "NIP Pihak Pertama pada PK", kind="nip",
              synonyms=("nip pihak pertama",)),
        Field("pk_pihak2_nama", "Nama Pihak Kedua pada PK", synonyms=("pihak kedua",)),
        Field("pk_pihak2_jabatan", "Jabatan Pihak Kedua pada PK",
              synonyms=("jabatan pihak kedua",)),
        # Last, so that adding it moved no other field's cell.
        Field("revisi", "Revisi ke-", kind="number",
              synonyms=("revisi", "revisi ke", "perbaikan ke", "kiriman ke"),
              hint="Kosongkan untuk laporan pertama; isi 1, 2, ... bila laporan yang sama "
                   "dikirim ulang setelah diperbaiki"),
        Field("alamat", "Alamat Kantor", synonyms=("alamat", "alamat kantor"),
              hint="Untuk kop laporan akhir. Contoh: Jl. Raya Pronojiwo No. 112, Pronojiwo "
                   "67374"),
    ),
)

PK = TableSheet(
    name="PK",
    title="Perjanjian Kinerja (PK)",
    hint="Satu baris per indikator. Target ditulis bersama satuannya, misal 93% atau 12 Desa.",
    columns=(
        Column("no", "No", width=6, synonyms=("nomor", "no.")),
        Column("sasaran", "Sasaran", width=38,
               synonyms=("sasaran kegiatan", "sasaran strategis", "sasaran kinerja", "kegiatan",
                         "tujuan")),
        Column("indikator", "Indikator Kinerja", required=True, width=48,
               synonyms=("indikator", "indikator sasaran", "indikator kinerja sasaran")),
        Column("target", "Target", kind="measure", required=True, width=14,
               synonyms=("target tahunan", "target kinerja")),
        Column("satuan", "Satuan", width=12, choices=SATUAN),
        Column("keterangan", "Keterangan", width=20, synonyms=("ket", "ket.")),
    ),
)

PK_ANGGARAN = TableSheet(
    name="PK Anggaran",
    title="Anggaran pada Perjanjian Kinerja",
    hint="Program (atau kegiatan) dan anggarannya seperti tertulis di PK. Baris JUMLAH boleh diisi.",
    required=False,
    label_keys=("uraian", "kode", "no"),
    columns=(
        Column("no", "No", width=6, synonyms=("nomor",)),
        Column("kode", "Kode", kind="code", width=20, synonyms=("kode program", "kode rekening")),
        Column("uraian", "Program/Kegiatan", required=True, width=52,
               synonyms=("program", "kegiatan", "uraian", "program/kegiatan/sub kegiatan")),
        Column("anggaran", "Anggaran (Rp)", kind="amount", required=True, width=18,
               synonyms=("anggaran", "pagu", "jumlah anggaran")),
        Column("sumber", "Sumber Dana", width=12, synonyms=("ket", "keterangan", "sumber")),
    ),
)

CAPAIAN = TableSheet(
    name="Capaian",
    title="Capaian Kinerja",
    hint=("Realisasi boleh berupa angka, persen, atau rasio seperti 31/36. Baris terakhir "
          "'Rata-rata' berisi rata-rata capaian yang dilaporkan."),
    label_keys=("indikator", "no", "sasaran"),
    columns=(
        Column("no", "No", width=6, synonyms=("nomor",)),
        Column("sasaran", "Sasaran", width=32,
               synonyms=("sasaran kegiatan", "sasaran strategis", "tujuan", "sub kegiatan")),
        Column("indikator", "Indikator Kinerja", required=True, width=44,
               synonyms=("indikator", "indikator sasaran")),
        Column("target_tahunan", "Target Tahunan", kind="measure", width=14,
               synonyms=("target pk", "target tahun")),
        Column("target", "Target", kind="measure", required=True, width=12,
               synonyms=("target triwulan", "target tw", "target 2024", "target 2023")),
        Column("realisasi", "Realisasi", kind="measure", required=True, width=16,
               synonyms=("realisasi triwulan", "realisasi tw")),
        Column("capaian", "Capaian (%)", kind="percent", required=True, width=12,
               synonyms=("capaian", "capaian kinerja", "% capaian")),
        Column("satuan", "Satuan", width=10, choices=SATUAN),
        Column("polaritas", "Polaritas", width=10, choices=POLARITAS,
               synonyms=("polarity", "arah")),
        Column("rumus_negatif", "Rumus Polaritas Negatif", width=14, choices=RUMUS_NEGATIF),
        Column("pembilang", "Pembilang", kind="number", width=11, synonyms=("numerator",)),
        Column("penyebut", "Penyebut", kind="number", width=11, synonyms=("denominator",)),
        Column("sumber", "Sumber Data", width=12, choices=SUMBER_DATA),
        Column("predikat", "Predikat", width=14, synonyms=("predikat kinerja", "kategori")),
        Column("keterangan", "Keterangan", width=20, synonyms=("ket", "ket.")),
        # Last, so that adding them moved no other column.
        Column("metode", "Metode Capaian", width=12, choices=METODE_CAPAIAN,
               synonyms=("metode", "cara hitung", "cara pengukuran", "metode pengukuran")),
        Column("tw1", "Target TW I", kind="measure", width=10,
               synonyms=("target triwulan i", "rencana aksi tw i")),
        Column("tw2", "Target TW II", kind="measure", width=10,
               synonyms=("target triwulan ii", "rencana aksi tw ii")),
        Column("tw3", "Target TW III", kind="measure", width=10,
               synonyms=("target triwulan iii", "rencana aksi tw iii")),
        Column("tw4", "Target TW IV", kind="measure", width=10,
               synonyms=("target triwulan iv", "rencana aksi tw iv")),
    ),
)

ANGGARAN = TableSheet(
    name="Anggaran",
    title="Realisasi Anggaran",
    hint=("Satu baris per program, kegiatan dan sub kegiatan dengan kodenya. Baris JUMLAH "
          "berisi total yang dilaporkan. Kolom rencana triwulan boleh dikosongkan."),
    label_keys=("uraian", "kode"),
    columns=(
        Column("kode", "Kode", kind="code", width=20, synonyms=("kode sub kegiatan", "kode rekening")),
        Column("uraian", "Program/Kegiatan/Sub Kegiatan", required=True, width=54,
               synonyms=("uraian", "sub kegiatan", "kegiatan", "program", "nama")),
        Column("pagu", "Pagu (Rp)", kind="amount", required=True, width=18,
               synonyms=("pagu", "anggaran", "pagu anggaran")),
        Column("realisasi", "Realisasi (Rp)", kind="amount", required=True, width=18,
               synonyms=("realisasi", "realisasi tw", "realisasi anggaran")),
        Column("sisa", "Sisa (Rp)", kind="amount", width=18, synonyms=("sisa", "sisa anggaran")),
        Column("persentase", "Persentase (%)", kind="percent", width=12,
               synonyms=("persentase", "%", "penyerapan", "persen")),
        Column("target_tw", "Rencana Triwulan (Rp)", kind="amount", width=18,
               synonyms=("target tw", "target triwulan", "target anggaran", "rencana tw")),
        Column("capaian_keuangan", "Capaian Keuangan (%)", kind="percent", width=12,
               synonyms=("capaian keuangan", "capaian anggaran")),
        # The quarterly plan (anggaran kas / rencana aksi) of each row; last, so that adding
        # them moved no other column.
        Column("rencana_tw1", "Rencana TW I (Rp)", kind="amount", width=15,
               synonyms=("anggaran kas tw i", "rencana anggaran tw i")),
        Column("rencana_tw2", "Rencana TW II (Rp)", kind="amount", width=15,
               synonyms=("anggaran kas tw ii", "rencana anggaran tw ii")),
        Column("rencana_tw3", "Rencana TW III (Rp)", kind="amount", width=15,
               synonyms=("anggaran kas tw iii", "rencana anggaran tw iii")),
        Column("rencana_tw4", "Rencana TW IV (Rp)", kind="amount", width=15,
               synonyms=("anggaran kas tw iv", "rencana anggaran tw iv")),
    ),
)

DESA = TableSheet(
    name="Desa",
    title="Dokumen Administrasi Pemerintahan Desa",
    hint=("Tanggal penetapan/penyampaian tiap dokumen. Kosongkan bila belum ada. "
          "RKPDes tahun ini, APBDes tahun ini, LPPDes untuk tahun lalu."),
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("desa", "Desa", required=True, width=24, synonyms=("nama desa", "desa/kelurahan")),
        Column("rkpdes", "Tanggal RKPDes", kind="date", width=18, synonyms=("rkpdes", "rkp desa")),
        Column("apbdes", "Tanggal APBDes", kind="date", width=18, synonyms=("apbdes", "apb desa")),
        Column("lppdes", "Tanggal LPPDes", kind="date", width=18, synonyms=("lppdes", "lpp desa")),
        Column("keterangan", "Keterangan", width=24, synonyms=("ket",)),
        Column("jumlah_desa", "Jumlah Desa", kind="number", width=10,
               synonyms=("banyak desa", "jumlah")),
    ),
)

FASILITASI = TableSheet(
    name="Fasilitasi",
    title="Daftar Fasilitasi, Koordinasi dan Rekomendasi",
    hint="Satu baris per jenis kegiatan. Status: Terlaksana atau Belum.",
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("nama", "Nama Kegiatan", required=True, width=60,
               synonyms=("nama fasilitas", "jenis fasilitasi", "uraian", "kegiatan")),
        Column("kelompok", "Kelompok", width=14, choices=KELOMPOK_FASILITASI,
               synonyms=("jenis",)),
        Column("status", "Status", required=True, width=14, choices=STATUS_FASILITASI,
               synonyms=("terlaksana", "status pelaksanaan")),
        Column("jumlah", "Jumlah Kegiatan", kind="number", width=10,
               synonyms=("jumlah", "banyak kegiatan", "jumlah aktivitas")),
    ),
)

EFISIENSI = TableSheet(
    name="Efisiensi",
    title="Cost per Outcome dan Efisiensi",
    hint=("Anggaran (pagu, realisasi, capaian anggaran) di samping kinerja (T, R, capaian). "
          "Rumus efisiensi diatur di sheet Pengaturan."),
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("jenis", "Jenis", width=12, choices=JENIS_COP),
        Column("uraian", "Sasaran/Kegiatan", required=True, width=40,
               synonyms=("sasaran/kegiatan", "sasaran", "kegiatan", "uraian")),
        Column("indikator", "Indikator Kinerja", width=36, synonyms=("indikator",)),
        Column("kode", "Kode", kind="code", width=18),
        Column("pagu", "Pagu (Rp)", kind="amount", width=16, synonyms=("pagu",)),
        Column("realisasi", "Realisasi (Rp)", kind="amount", width=16,
               synonyms=("realisasi anggaran",)),
        Column("capaian_anggaran", "Capaian Anggaran (%)", kind="percent", width=12,
               synonyms=("capaian anggaran",)),
        Column("target", "Target Kinerja (T)", kind="measure", width=12, synonyms=("t", "target")),
        Column("realisasi_kinerja", "Realisasi Kinerja (R)", kind="measure", width=12,
               synonyms=("r", "realisasi kinerja")),
        Column("capaian_kinerja", "Capaian Kinerja (%)", kind="percent", width=12,
               synonyms=("capaian kinerja",)),
        Column("efisiensi", "Efisiensi (%)", kind="percent", width=12, synonyms=("efisiensi",)),
        Column("keterangan", "Keterangan", width=18, synonyms=("ket",)),
        Column("sasaran_no", "Untuk Sasaran No", width=10,
               synonyms=("sasaran no", "no sasaran", "mendukung sasaran")),
    ),
)

PEGAWAI = TableSheet(
    name="Pegawai",
    title="Data Pegawai",
    hint="Satu baris per pegawai. NIP 18 angka boleh diketik dengan spasi.",
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("nama", "Nama", required=True, width=34),
        Column("nip", "NIP", kind="nip", width=24),
        Column("jk", "L/P", width=6, choices=JENIS_KELAMIN, synonyms=("jenis kelamin",)),
        Column("status", "Status Kepegawaian", width=14, choices=STATUS_PEGAWAI,
               synonyms=("status",)),
        Column("pangkat", "Pangkat/Golongan", width=26, synonyms=("pangkat", "pangkat/gol", "golongan")),
        Column("eselon", "Eselon", width=8, choices=ESELON),
        Column("pendidikan", "Pendidikan", width=12, choices=PENDIDIKAN,
               synonyms=("kualifikasi pendidikan", "pendidikan terakhir")),
        Column("diklat", "Diklat PIM", width=10, choices=DIKLAT, synonyms=("diklat",)),
        Column("jabatan", "Jabatan", width=30),
    ),
)

PERBANDINGAN = TableSheet(
    name="Perbandingan",
    title="Perbandingan dengan Tahun Sebelumnya dan Target Renstra",
    hint=("Satu baris per indikator; tahun ini = Tahun Anggaran di Identitas. Tabel yang "
          "judul kolomnya tahun (2022, 2023 (TW. II)) dapat ditempel langsung."),
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("indikator", "Indikator Kinerja", required=True, width=44,
               synonyms=("indikator",)),
        Column("target_renstra", "Target Renstra", kind="measure", width=12,
               synonyms=("renstra", "target akhir renstra", "target p-renstra")),
        Column("target_n2", "Target 2 Tahun Lalu", kind="measure", width=11),
        Column("realisasi_n2", "Realisasi 2 Tahun Lalu", kind="measure", width=11),
        Column("target_n1", "Target Tahun Lalu", kind="measure", width=11),
        Column("realisasi_n1", "Realisasi Tahun Lalu", kind="measure", width=11),
        Column("target_n", "Target Tahun Ini", kind="measure", width=11),
        Column("realisasi_n", "Realisasi Tahun Ini", kind="measure", width=11,
               synonyms=("realisasi tw ini", "realisasi s.d. triwulan ini")),
        Column("keterangan", "Keterangan", width=18, synonyms=("ket",)),
    ),
)
#: The wide Perbandingan's year columns: (target key, realisasi key, years before this one).
PERBANDINGAN_TAHUN = (("target_n2", "realisasi_n2", 2), ("target_n1", "realisasi_n1", 1),
                      ("target_n", "realisasi_n", 0))

#: The earlier Perbandingan layout, one row per indicator per year: still read.
PERBANDINGAN_PER_TAHUN = TableSheet(
    name="Perbandingan",
    title="Perbandingan dengan Tahun Sebelumnya dan Target Renstra",
    hint="Satu baris per indikator per tahun. Target Renstra cukup diisi sekali per indikator.",
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("indikator", "Indikator Kinerja", required=True, width=48,
               synonyms=("indikator",)),
        Column("tahun", "Tahun", kind="number", required=True, width=8),
        Column("target", "Target", kind="measure", width=12),
        Column("realisasi", "Realisasi", kind="measure", width=12),
        Column("target_renstra", "Target Renstra", kind="measure", width=14,
               synonyms=("renstra", "target akhir renstra")),
        Column("keterangan", "Keterangan", width=20, synonyms=("ket",)),
    ),
)

#: Sections of the Word document whose text staff write (sheet Narasi, column Bagian).
BAGIAN_NARASI = ("Kata Pengantar", "Latar Belakang", "Gambaran Umum", "Tugas dan Fungsi",
                 "Permasalahan Utama", "Penjelasan Capaian", "Strategi", "Hambatan",
                 "Rencana Tindak Lanjut", "Kesimpulan", "Tanggapan Atasan")

REKAP_PEGAWAI = TableSheet(
    name="Rekap Pegawai",
    title="Rekap Jumlah Pegawai (pendidikan, golongan, diklat, eselon)",
    hint=("Isi bila laporan memuat tabel jumlah pegawai. Bila sheet Pegawai diisi, angkanya "
          "diperiksa terhadap daftar itu. Baris Jumlah per tabel boleh diisi."),
    required=False,
    label_keys=("uraian", "no"),
    columns=(
        Column("no", "No", width=6),
        Column("tabel", "Tabel", width=12, choices=TABEL_REKAP_PEGAWAI),
        Column("uraian", "Uraian", required=True, width=22,
               synonyms=("pendidikan", "golongan", "tingkat diklat pim", "tingkat eselon",
                         "kategori", "tingkat pendidikan")),
        Column("pns", "PNS", kind="number", width=8),
        Column("cpns", "CPNS", kind="number", width=8),
        Column("pppk", "PPPK", kind="number", width=8, synonyms=("p3k",)),
        Column("non_pns", "Non PNS", kind="number", width=8,
               synonyms=("tkk", "honorer", "ptt", "non asn", "tenaga kontrak")),
        Column("jumlah", "Jumlah", kind="number", width=8, synonyms=("total",)),
        Column("persen", "Persen (%)", kind="percent", width=8, synonyms=("%", "persentase")),
    ),
)

TANDA_TANGAN = TableSheet(
    name="Tanda Tangan",
    title="Tanda Tangan di Laporan",
    hint=("Setiap tanda tangan di dokumen: Kata Pengantar, Perjanjian Kinerja dan lampirannya, "
          "Penutup. Nama dan NIP ditulis seperti di dokumen."),
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("bagian", "Bagian", width=18, choices=BAGIAN_TANDA_TANGAN,
               synonyms=("bagian dokumen", "letak")),
        Column("tempat", "Tempat", width=14),
        Column("tanggal", "Tanggal", kind="date", width=16),
        Column("jabatan", "Jabatan", width=30),
        Column("nama", "Nama", required=True, width=30),
        Column("nip", "NIP", kind="nip", width=24),
        Column("pangkat", "Pangkat/Golongan", width=22, synonyms=("pangkat", "pangkat/gol")),
    ),
)

NARASI = TableSheet(
    name="Narasi",
    title="Narasi Laporan (untuk dokumen Word)",
    hint=("Satu paragraf atau satu butir per baris; pilih Bagiannya. Strategi: isi juga "
          "Indikator dan Pada Bulan. Salin sheet ini ke laporan triwulan berikutnya."),
    required=False,
    columns=(
        Column("no", "No", width=6),
        Column("bagian", "Bagian", required=True, width=22, choices=BAGIAN_NARASI,
               synonyms=("bab", "bagian laporan")),
        Column("indikator", "Indikator", width=30, synonyms=("indikator kinerja",)),
        Column("bulan", "Pada Bulan", width=16, synonyms=("bulan", "waktu")),
        Column("teks", "Teks", required=True, width=90,
               synonyms=("isi", "uraian", "narasi", "strategi yang digunakan")),
    ),
)

PREDIKAT_TABLE = TableSheet(
    name="Pengaturan",
    title="Skala Predikat",
    hint="",
    columns=(
        Column("batas", "Batas Bawah (%)", kind="number", required=True, width=14),
        Column("predikat", "Predikat", required=True, width=18),
    ),
)
LIBUR_TABLE = TableSheet(
    name="Pengaturan",
    title="Libur Tambahan",
    hint="",
    columns=(
        Column("tanggal", "Tanggal Libur", kind="date", required=True, width=16),
        Column("keterangan", "Keterangan Libur", width=24),
    ),
)

PENGATURAN = FormSheet(
    name="Pengaturan",
    title="Pengaturan Pemeriksaan",
    hint=("Isi sesuai peraturan kabupaten Anda. Bawaan: 5 hari kerja, skala predikat "
          "Permendagri 86/2017."),
    required=False,
    label_header="Pengaturan",
    fields=(
        Field("batas_hari_kerja", "Batas Hari Kerja Penyampaian", kind="number", default=5,
              synonyms=("hari kerja", "batas hari kerja"),
              hint="Laporan paling lambat N hari kerja setelah triwulan berakhir"),
        Field("rumus_negatif", "Rumus Polaritas Negatif (bawaan)", choices=RUMUS_NEGATIF,
              default="2T-R", hint="2T-R = (2 x Target - Realisasi) / Target; T/R = Target / Realisasi"),
        Field("rumus_efisiensi", "Rumus Efisiensi", choices=RUMUS_EFISIENSI,
              default="100-penyerapan",
              hint="100-penyerapan; kinerja/anggaran = capaian kinerja / capaian anggaran x 100"),
        Field("toleransi", "Toleransi Pembulatan (poin %)", kind="number", default=0.01,
              hint="Selisih persen sampai nilai ini tidak dianggap salah"),
        Field("toleransi_rupiah", "Toleransi Rupiah", kind="number", default=1,
              hint="Selisih rupiah sampai nilai ini tidak dianggap salah"),
        Field("bulan_rkpdes", "Batas RKPDes (tanggal-bulan)", default="30-09"),
        Field("bulan_apbdes", "Batas APBDes (tanggal-bulan)", default="31-12",
              synonyms=("batas apbdes (tanggal-bulan, tahun sebelumnya)",)),
        Field("bulan_lppdes", "Batas LPPDes (tanggal-bulan)", default="31-03"),
        Field("logo", "Logo Kop (berkas gambar)", synonyms=("logo", "berkas logo"),
              hint="Opsional: gambar PNG/JPG untuk kop laporan akhir, misalnya logo.png di "
                   "folder yang sama dengan berkas ini"),
        # Last, so that adding them moved no other field.
        Field("apbdes_dihitung", "APBDes yang Dihitung", choices=APBDES_DIHITUNG,
              default="tahun berikutnya",
              hint="tahun berikutnya = APBDes yang ditetapkan pada tahun laporan untuk tahun "
                   "berikutnya, batas 31 Desember tahun laporan; tahun berjalan = APBDes tahun "
                   "laporan, batas 31 Desember tahun sebelumnya"),
        Field("jendela_rkpdes", "Tenggang Pengumpulan RKPDes",
              hint="Opsional, misalnya Juli - September; tanggal di luarnya diberi catatan"),
        Field("jendela_apbdes", "Tenggang Pengumpulan APBDes",
              hint="Opsional, misalnya November - Desember"),
        Field("jendela_lppdes", "Tenggang Pengumpulan LPPDes",
              hint="Opsional, misalnya Januari - Maret"),
        Field("dasar_hukum", "Dasar Hukum Batas Penyampaian",
              synonyms=("dasar hukum", "peraturan batas penyampaian"),
              hint="Peraturan kabupaten Anda, misalnya Perbup Lumajang 6/2018 pasal 4; "
                   "disebut dalam temuan keterlambatan"),
    ),
    extra_tables=(PREDIKAT_TABLE, LIBUR_TABLE),
)

#: Permendagri 86/2017 bands (lower bound in %, predikat), the default scale.
DEFAULT_PREDIKAT = (
    (91.0, "Sangat Tinggi"),
    (76.0, "Tinggi"),
    (66.0, "Sedang"),
    (51.0, "Rendah"),
    (0.0, "Sangat Rendah"),
)

TABLE_SHEETS: tuple[TableSheet, ...] = (
    PK, PK_ANGGARAN, CAPAIAN, ANGGARAN, DESA, FASILITASI, EFISIENSI, PEGAWAI, REKAP_PEGAWAI,
    PERBANDINGAN, TANDA_TANGAN, NARASI,
)
FORM_SHEETS: tuple[FormSheet, ...] = (IDENTITAS, PENGATURAN)
PETUNJUK = "Petunjuk"

#: Sheet order in the template.
SHEET_ORDER = (PETUNJUK, "Identitas", "PK", "PK Anggaran", "Capaian", "Anggaran", "Desa",
               "Fasilitasi", "Efisiensi", "Pegawai", "Rekap Pegawai", "Perbandingan",
               "Tanda Tangan", "Narasi", "Pengaturan")
#: Sheets that must exist for a workbook to be checked at all.
REQUIRED_SHEETS = ("Identitas", "PK", "Capaian", "Anggaran")

SHEET_SYNONYMS = {
    "Identitas": ("identitas laporan", "identitas"),
    "PK": ("perjanjian kinerja", "pk"),
    "PK Anggaran": ("pk anggaran", "anggaran pk", "pk program"),
    "Capaian": ("capaian kinerja", "capaian"),
    "Anggaran": ("realisasi anggaran", "anggaran"),
    "Desa": ("dokumen desa", "desa"),
    "Fasilitasi": ("fasilitasi", "daftar fasilitasi", "checklist fasilitasi"),
    "Efisiensi": ("efisiensi", "cost per outcome", "costperoutcome", "cpo"),
    "Pegawai": ("pegawai", "personalia", "kepegawaian"),
    "Perbandingan": ("perbandingan", "perbandingan tahun"),
    "Rekap Pegawai": ("rekap pegawai", "jumlah pegawai", "rekapitulasi pegawai"),
    "Tanda Tangan": ("tanda tangan", "ttd", "penandatangan"),
    "Narasi": ("narasi", "narasi laporan", "uraian laporan"),
    "Pengaturan": ("pengaturan", "setting", "konfigurasi"),
}

TOTAL_WORDS = ("jumlah", "total", "jumlah anggaran", "jumlah total", "grand total")
AVERAGE_WORDS = ("rata rata", "rata2", "rerata", "capaian rata rata")


def table(name: str) -> TableSheet:
    for t in TABLE_SHEETS:
        if t.name == name:
            return t
    raise KeyError(name)
