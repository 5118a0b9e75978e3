"""The standard template staff fill each quarter (``lkj template``).

Written with XlsxWriter: a new file every time, input cells styled as Excel's "Input"
style, headers frozen, dropdowns for every closed list, Indonesian number formats
(``[$-421]`` is the Indonesian locale, so dates show "31 Januari 2024" in any Excel).
The same writer fills the template with data, so the sample workbooks in
``sample_workbooks/`` are exactly what a user gets after typing into the template.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from typing import Any

from .. import layout as L
from .atomic import atomic_output
from .cells import write_value

#: Rows pre-formatted as input in each table (staff may type beyond; it is still read).
INPUT_ROWS = {"Anggaran": 150, "Fasilitasi": 80, "Pegawai": 60, "Desa": 40, "Narasi": 100,
              "Rekap Pegawai": 40}
DEFAULT_INPUT_ROWS = 30

FMT_AMOUNT = "#,##0"
FMT_PERCENT = "0.00%"
FMT_DATE = "[$-421]d mmmm yyyy;@"
FMT_NUMBER = "General"
FMT_TEXT = "@"

PETUNJUK_TEXT: tuple[tuple[str, str], ...] = (
    ("Tentang templat ini",
     "Templat Laporan Kinerja (LKj) Triwulan. Isi sel berwarna kuning muda. Jangan mengganti "
     "nama sheet atau judul kolom. Setelah diisi, periksa dengan perintah: lkj check "
     "NAMA_BERKAS.xlsx, lalu buat laporan akhir dengan: lkj finalise NAMA_BERKAS.xlsx. Setiap "
     "tabel laporan Word punya tempatnya di sini; sheet yang tidak ada di laporan Anda "
     "biarkan kosong."),
    ("Cara menulis angka",
     "Rupiah boleh ditulis 1500000 atau 1.500.000. Persen ditulis 24,14%. Tanda - berarti "
     "tidak ada (nol). Jangan menulis teks di sel angka: '1 Jan s/d Maret 2023' di kolom "
     "persen adalah teks, bukan angka (tulis di kolom Keterangan). Baris JUMLAH boleh "
     "ditulis JUMLAH, J U M L A H, di kolom kode (juga bila digabung dengan kolom nama), atau "
     "tanpa tulisan di baris terakhir."),
    ("Identitas",
     "Nama unit kerja, tingkat (seksi atau kecamatan), tahun, triwulan (I-IV), tempat dan "
     "tanggal laporan, serta nama, NIP, pangkat/golongan dan jabatan pelapor dan atasan "
     "langsung. Tanggal laporan dipakai untuk memeriksa batas waktu penyampaian (bawaan 5 "
     "hari kerja setelah triwulan berakhir; batas dan peraturannya diatur di sheet "
     "Pengaturan)."),
    ("PK",
     "Perjanjian Kinerja: satu baris per indikator dengan sasaran dan targetnya. Tulis target "
     "bersama satuannya (93% atau 12 Desa) atau isi kolom Satuan. Target berupa indeks dengan "
     "huruf ditulis seperti di PK: 68,50 (B-)."),
    ("PK Anggaran",
     "Program (atau kegiatan) dan anggaran yang tercantum di PK, beserta sumber dana. Baris "
     "JUMLAH boleh diisi; lkj menghitung ulang."),
    ("Capaian",
     "Per indikator: target triwulan ini, realisasi dan capaian (%) yang dilaporkan. Bila "
     "realisasi berupa rasio tulis 31/36 atau isi kolom Pembilang dan Penyebut. Polaritas "
     "negatif untuk indikator yang makin kecil makin baik (rumus 2T-R atau T/R). Sumber Data "
     "= Fasilitasi atau Desa bila realisasi dihitung dari sheet tersebut. Baris 'Jumlah' "
     "(bila laporan menjumlahkan kolomnya) dan baris terakhir 'Rata-rata' (rata-rata capaian "
     "yang dilaporkan) boleh diisi."),
    ("Capaian: rencana aksi",
     "Target TW I-IV: target tiap triwulan dari rencana aksi. Metode Capaian per indikator: "
     "kumulatif (target s.d. triwulan ini = jumlah TW I sampai triwulan ini), triwulan (target "
     "triwulan ini saja), nilai akhir (target yang direncanakan untuk akhir triwulan ini), "
     "tren turun (nilai akhir, makin kecil makin baik). Kosong: persen = nilai akhir, lainnya "
     "= Sifat Data di Identitas. Kolom Target harus sesuai metodenya; Target Tahunan sesuai "
     "TW I-IV. Tanpa rencana aksi, target persen triwulan ini sama dengan Target Tahunan."),
    ("Anggaran",
     "Realisasi anggaran per program, kegiatan dan sub kegiatan dengan kode Permendagri "
     "90/2019 (contoh 7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.0001); kode dan nama di kolom "
     "masing-masing. Sisa = Pagu - Realisasi; Persentase = Realisasi / Pagu. Baris JUMLAH "
     "berisi total. Rencana Triwulan dan Capaian Keuangan diisi bila laporan memuat target "
     "anggaran triwulan; Rencana TW I-IV (anggaran kas) menjumlah ke pagu. Seksi yang hanya "
     "punya tabel cost per outcome: biarkan sheet ini kosong dan isi baris Kegiatan di sheet "
     "Efisiensi; baris itu dipakai sebagai anggaran seksi."),
    ("Desa",
     "Tanggal penetapan RKPDes (batas 30 September), APBDes dan penyampaian LPPDes (batas 31 "
     "Maret, untuk tahun sebelumnya) per desa. APBDes yang dihitung diatur di Pengaturan "
     "(bawaan: APBDes yang ditetapkan pada tahun laporan untuk tahun berikutnya, batas 31 "
     "Desember tahun laporan). Kosongkan bila belum ada. Bila laporan hanya menyebut jumlahnya "
     "(10 desa LPPDes tepat waktu), tulis satu baris 'Semua desa' dengan Jumlah Desa 10 dan "
     "'tepat waktu', 'terlambat' atau 'belum' di kolom tanggal."),
    ("Fasilitasi",
     "Daftar fasilitasi, koordinasi dan rekomendasi beserta statusnya (Terlaksana/Belum). "
     "Bila laporan hanya menyebut jumlah ('11 jenis fasilitasi, 3 terlaksana', atau 28 dari 51 "
     "dengan hanya 28 yang dirinci), tulis yang dirinci satu per baris dan sisanya satu baris "
     "dengan Jumlah Kegiatan sebanyak itu."),
    ("Efisiensi",
     "Cost per outcome: pagu, realisasi dan capaian anggaran di samping target, realisasi dan "
     "capaian kinerja, serta efisiensi. Rumus efisiensi dipilih di sheet Pengaturan. Baris "
     "Kegiatan: isi Untuk Sasaran No dengan nomor baris Sasaran yang didukungnya; pagu dan "
     "realisasi Sasaran = jumlah kegiatannya."),
    ("Pegawai",
     "Satu baris per pegawai (PNS dan non PNS). Tabel jumlah pegawai per pendidikan, "
     "golongan, diklat dan eselon dibuat dari sheet ini, kecuali laporan menulis tabelnya "
     "sendiri di sheet Rekap Pegawai."),
    ("Rekap Pegawai",
     "Tabel jumlah pegawai seperti tertulis di laporan (per pendidikan, golongan, diklat PIM, "
     "eselon; kolom PNS, CPNS, PPPK, Non PNS, Jumlah, Persen; baris Jumlah per tabel). Isi "
     "kolom Tabel di setiap baris (baris kosong melanjutkan tabel di atasnya); kolom status "
     "yang tidak ada di laporan biarkan kosong; tanda - berarti 0. Jumlah baris = jumlah "
     "kolom statusnya, baris Jumlah = jumlah baris di atasnya, Persen = Jumlah / total "
     "(PEG001, PEG003). Bila sheet Pegawai diisi, setiap angka dibandingkan dengan daftar "
     "pegawai dan pesan menyebut namanya (PEG002), juga pegawai yang tidak punya baris di "
     "tabelnya (PEG005). Laporan akhir dan dokumen Word memakai "
     "tabel ini setelah dikoreksi."),
    ("Perbandingan",
     "Satu baris per indikator: Target Renstra, lalu target dan realisasi dua tahun lalu, "
     "tahun lalu dan tahun ini (Tahun Anggaran di Identitas). Tabel yang kolomnya tahun "
     "(2022, 2023 (TW. II), Realisasi TW III) ditempel ke kolom tahunnya, atau ditempel "
     "bersama judul kolomnya sendiri menggantikan judul templat ('Tahun 2022' di atas "
     "'Target' dan 'Realisasi'; 'Target Renstra' lalu 'Realisasi' di atas 2021, 2022, 2023 "
     "(TW. II)): kolomnya dikenali dari tahunnya, judul dengan TW tanpa tahun = tahun ini."),
    ("Tanda Tangan",
     "Setiap tanda tangan di dokumen (Kata Pengantar, Perjanjian Kinerja, Lampiran PK, "
     "Penutup) dengan tempat, tanggal, jabatan, nama, NIP dan pangkat/golongan seperti "
     "tertulis, satu baris per tanda tangan. NIP diperiksa keabsahannya (IDN004), satu NIP "
     "dengan nama berbeda (IDN005), satu nama dengan NIP berbeda (TTD001) dan pangkat/"
     "golongan (IDN006, IDN011) dibandingkan dengan Identitas dan Pegawai; tanggal Kata "
     "Pengantar dan Penutup dengan Tanggal Laporan, tanggal PK dan lampirannya dengan "
     "Tanggal Perjanjian Kinerja (TTD002)."),
    ("Narasi",
     "Teks dokumen Word (lkj dokumen): latar belakang, tugas dan fungsi, strategi per "
     "indikator dan bulannya, hambatan, rencana tindak lanjut, kesimpulan, tanggapan atasan. "
     "Satu paragraf atau satu butir per baris. Bagian yang kosong ditandai di dokumen."),
    ("Pengaturan",
     "Batas hari kerja penyampaian dan peraturannya (Dasar Hukum), libur tambahan daerah "
     "(termasuk cuti bersama setelah 2027, yang belum dikenal lkj), skala predikat, rumus "
     "polaritas negatif, rumus efisiensi, toleransi pembulatan, batas dan tenggang pengumpulan "
     "dokumen desa, APBDes yang dihitung. Nilai bawaan: 5 hari kerja, skala Permendagri "
     "86/2017, toleransi 0,01 poin persen."),
)


class Formats:
    """The shared cell formats of one XlsxWriter workbook."""

    def __init__(self, wb: Any):
        border = {"border": 1, "border_color": "#7F7F7F"}
        inp = {"bg_color": "#FFF2CC", "font_color": "#1F1F5F", **border, "valign": "top"}
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.hint = wb.add_format({"italic": True, "font_color": "#595959", "text_wrap": False})
        self.header = wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                                     "text_wrap": True, "valign": "vcenter", "align": "center",
                                     **border})
        self.label = wb.add_format({"bold": True, "bg_color": "#DDEBF7", **border})
        self.note = wb.add_format({"font_color": "#595959", "italic": True, "text_wrap": True,
                                   "valign": "top"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.section = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E78"})
        self.input = {
            "text": wb.add_format({**inp, "text_wrap": True}),
            "amount": wb.add_format({**inp, "num_format": FMT_AMOUNT}),
            "percent": wb.add_format({**inp, "num_format": FMT_PERCENT}),
            "number": wb.add_format({**inp, "num_format": FMT_NUMBER}),
            "measure": wb.add_format({**inp, "num_format": FMT_TEXT}),
            "date": wb.add_format({**inp, "num_format": FMT_DATE}),
            "code": wb.add_format({**inp, "num_format": FMT_TEXT}),
            "nip": wb.add_format({**inp, "num_format": FMT_TEXT}),
            "choice": wb.add_format({**inp, "num_format": FMT_TEXT}),
        }


def _validation(ws: Any, first_row: int, last_row: int, col: int, choices: Sequence[str],
                strict: bool = False) -> None:
    ws.data_validation(first_row, col, last_row, col, {
        "validate": "list",
        "source": list(choices),
        "error_type": "stop" if strict else "warning",
        "error_title": "Nilai di luar daftar",
        "error_message": "Pilih salah satu nilai dari daftar: " + ", ".join(choices),
        "input_title": "Pilih dari daftar",
        "input_message": ", ".join(choices)[:250],
    })


def _page_setup(ws: Any, landscape: bool, title: str, header_row: int | None) -> None:
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    ws.set_header(f"&L&8{title}&R&8&D")
    ws.set_footer("&C&8Halaman &P dari &N")
    if header_row is not None:
        ws.repeat_rows(header_row)


def _write_form(wb: Any, fmts: Formats, spec: L.FormSheet, values: Mapping[str, Any]) -> Any:
    ws = wb.add_worksheet(spec.name)
    ws.write(0, 0, spec.title, fmts.title)
    ws.write(1, 0, spec.hint, fmts.hint)
    ws.write(2, 0, spec.label_header, fmts.header)
    ws.write(2, 1, spec.value_header, fmts.header)
    ws.write(2, 2, "Keterangan", fmts.header)
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 2, 60)
    ws.freeze_panes(3, 0)
    for i, f in enumerate(spec.fields):
        r = 3 + i
        ws.write_string(r, 0, f.label, fmts.label)
        value = values[f.key] if f.key in values else f.default
        write_value(ws, r, 1, value, fmts.input[f.kind if f.kind in fmts.input else "text"])
        hint = f.hint or ("Pilihan: " + ", ".join(f.choices) if f.choices else "")
        if f.required:
            hint = ("Wajib diisi. " + hint).strip()
        ws.write_string(r, 2, hint, fmts.note)
        if f.choices:
            _validation(ws, r, r, 1, f.choices)
    _page_setup(ws, False, spec.title, 2)
    return ws


def _write_table(wb: Any, fmts: Formats, spec: L.TableSheet, rows: Sequence[Mapping[str, Any]],
                 title_suffix: str = "") -> Any:
    ws = wb.add_worksheet(spec.name)
    hr = L.HEADER_ROW - 1
    ws.write(L.TITLE_ROW - 1, 0, spec.title + title_suffix, fmts.title)
    ws.write(L.HINT_ROW - 1, 0, spec.hint, fmts.hint)
    ws.set_row(hr, 32)
    for c, col in enumerate(spec.columns):
        ws.write_string(hr, c, col.header, fmts.header)
        ws.set_column(c, c, col.width)
    n_input = max(INPUT_ROWS.get(spec.name, DEFAULT_INPUT_ROWS), len(rows) + 10)
    first = hr + 1
    for i in range(n_input):
        data = rows[i] if i < len(rows) else {}
        for c, col in enumerate(spec.columns):
            write_value(ws, first + i, c, data.get(col.key), fmts.input[col.kind])
    for c, col in enumerate(spec.columns):
        if col.choices:
            _validation(ws, first, first + n_input - 1, c, col.choices)
    ws.freeze_panes(first, 0)
    ws.autofilter(hr, 0, hr, len(spec.columns) - 1)
    _page_setup(ws, spec.landscape, spec.title, hr)
    return ws


def _write_pengaturan(wb: Any, fmts: Formats, values: Mapping[str, Any],
                      predikat: Sequence[tuple[float, str]], libur: Sequence[tuple[Any, str]],
                      ) -> None:
    ws = _write_form(wb, fmts, L.PENGATURAN, values)
    r0 = 3 + len(L.PENGATURAN.fields) + 2
    ws.write(r0 - 1, 0, "Skala Predikat (batas bawah capaian)", fmts.section)
    ws.write_string(r0, 0, L.PREDIKAT_TABLE.column("batas").header, fmts.header)
    ws.write_string(r0, 1, L.PREDIKAT_TABLE.column("predikat").header, fmts.header)
    rows = list(predikat) + [(None, None)] * 3
    for i, (lo, name) in enumerate(rows):
        write_value(ws, r0 + 1 + i, 0, lo, fmts.input["number"])
        write_value(ws, r0 + 1 + i, 1, name, fmts.input["text"])
    ws.write_string(r0 + 1, 2, "Capaian >= batas bawah mendapat predikat tersebut. "
                    "Bawaan: Permendagri 86/2017.", fmts.note)
    r1 = r0 + 1 + len(rows) + 2
    ws.write(r1 - 1, 0, "Libur tambahan (selain libur nasional dan cuti bersama)", fmts.section)
    ws.write_string(r1, 0, L.LIBUR_TABLE.column("tanggal").header, fmts.header)
    ws.write_string(r1, 1, L.LIBUR_TABLE.column("keterangan").header, fmts.header)
    lrows = list(libur) + [(None, None)] * 10
    for i, (d, why) in enumerate(lrows):
        write_value(ws, r1 + 1 + i, 0, d, fmts.input["date"])
        write_value(ws, r1 + 1 + i, 1, why, fmts.input["text"])


def _write_petunjuk(wb: Any, fmts: Formats, tingkat: str) -> None:
    ws = wb.add_worksheet(L.PETUNJUK)
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 110)
    ws.write(0, 0, "Petunjuk Pengisian Laporan Kinerja Triwulan", fmts.title)
    ws.write(1, 0, f"Templat tingkat {tingkat}. Dibuat oleh lkj-excel.", fmts.hint)
    ws.write_string(2, 0, "Sheet", fmts.header)
    ws.write_string(2, 1, "Cara mengisi", fmts.header)
    for i, (name, text) in enumerate(PETUNJUK_TEXT):
        ws.write_string(3 + i, 0, name, fmts.label)
        ws.write_string(3 + i, 1, text, fmts.wrap)
        ws.set_row(3 + i, 15 * (1 + len(text) // 100))
    _page_setup(ws, False, "Petunjuk", 2)


def build_workbook(path: str | os.PathLike, tingkat: str = "seksi",
                   data: Mapping[str, Any] | None = None) -> None:
    """Write the template to ``path`` (atomically), optionally filled with ``data``:
    ``{"Identitas": {key: value}, "PK": [{key: value}, ...], ..., "Pengaturan": {...},
    "predikat": [(91, "Sangat Tinggi"), ...], "libur": [(date, "why"), ...]}``.
    Values are written exactly as given: a string stays the string the user typed."""
    import xlsxwriter

    if tingkat not in L.TINGKAT:
        raise ValueError(f"tingkat must be one of {L.TINGKAT}")
    data = dict(data or {})
    ident = dict(data.get("Identitas") or {})
    if not data.get("Identitas"):
        ident = {"tingkat": tingkat}
    with atomic_output(path) as tmp:
        wb = xlsxwriter.Workbook(tmp, {"strings_to_formulas": False, "strings_to_urls": False,
                                       "strings_to_numbers": False})
        wb.set_properties({"title": "Laporan Kinerja Triwulan", "subject": "LKj Triwulan",
                           "author": "lkj-excel", "comments": f"Templat tingkat {tingkat}",
                           # A fixed date keeps rebuilt templates and samples identical.
                           "created": dt.datetime(2025, 1, 1)})
        fmts = Formats(wb)
        _write_petunjuk(wb, fmts, tingkat)
        _write_form(wb, fmts, L.IDENTITAS, ident)
        for spec in L.TABLE_SHEETS:
            _write_table(wb, fmts, spec, list(data.get(spec.name) or []))
        _write_pengaturan(wb, fmts, dict(data.get("Pengaturan") or {}),
                          data.get("predikat") or L.DEFAULT_PREDIKAT, data.get("libur") or ())
        wb.worksheets()[1].activate()
        wb.close()


def make_template(path: str | os.PathLike, tingkat: str = "seksi") -> str:
    """Write an empty standard template for ``tingkat`` (seksi or kecamatan)."""
    build_workbook(path, tingkat)
    return str(path)
