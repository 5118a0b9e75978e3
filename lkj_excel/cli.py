"""The ``lkj`` command: a thin click layer over the library.

Only this module knows about click and exit codes. Heavy modules (python-calamine,
openpyxl, xlsxwriter, holidays) are imported inside the commands, so ``lkj --help`` starts
fast and never imports pandas.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .check_command import DEFAULT_FORMAT, DEFAULT_MIN_SEVERITY, run_check
from .console import EXIT_OK, EXIT_UNUSABLE, run_console
from .console import fail as _fail
from .console import isatty as _isatty
from .console import one_shot as _one_shot

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def use_indonesian_messages() -> None:
    """Make click's own messages Indonesian: usage errors, "is a directory", "Did you mean",
    help headings, [required], [default: ...].

    click looks every one of them up through the module-level gettext.gettext/ngettext
    with its English text as the id, in the current default domain. Bind lkj's catalogue
    (lkj_excel/locale/id/LC_MESSAGES/lkj.po) as that domain and ask for Indonesian
    through LANGUAGE - gettext's only language switch, and one that affects nothing but
    message catalogues - so the messages are Indonesian whatever the user's locale."""
    import gettext

    os.environ["LANGUAGE"] = "id"
    gettext.bindtextdomain("lkj", str(LOCALE_DIR))
    gettext.textdomain("lkj")


use_indonesian_messages()


class IndoCommand(click.Command):
    """Indonesian metavars, which click writes without gettext."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        super().__init__(*args, **kwargs)


class IndoGroup(click.Group):
    command_class = IndoCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)


HELP_OPTION = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(name="lkj", cls=IndoGroup, context_settings=HELP_OPTION,
             invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="lkj",
                      message="%(prog)s (lkj-excel) versi %(version)s",
                      help="Tampilkan versi lalu keluar.")
def cli():
    """Pemeriksa Laporan Kinerja (LKj) Triwulan kecamatan dan seksi.

    Isi templat Excel, periksa hitungannya, lalu buat laporan akhir yang rapi.

    \b
    Contoh:
      lkj template laporan_tw1.xlsx --tingkat kecamatan
      lkj check laporan_tw1.xlsx
      lkj finalise laporan_tw1.xlsx
      lkj dokumen laporan_tw1.xlsx
      lkj rekap laporan_kecamatan/ -o rekap.xlsx
      lkj aturan
      lkj buka
    """
    ctx = click.get_current_context()
    if ctx.invoked_subcommand is None:
        click.echo(OVERVIEW.format(version=__version__))


OVERVIEW = """\
lkj {version} - pemeriksa Laporan Kinerja (LKj) Triwulan kecamatan dan seksi.

Cara termudah: ketik  lkj buka  (atau klik dua kali lkj-buka) untuk membuka halaman lkj
di peramban. Di sana Anda bisa mengunduh templat, memeriksa laporan, mengunduh laporan
akhir dan membuat rekap.

Perintah:
  lkj buka                          buka halaman lkj di peramban
  lkj template NAMA.xlsx            buat templat kosong untuk diisi
  lkj check BERKAS_ATAU_FOLDER      periksa laporan dan tampilkan setiap temuan
  lkj finalise BERKAS               buat laporan akhir yang sudah diperiksa
  lkj dokumen BERKAS                buat dokumen Word LKj dari laporan yang diperiksa
  lkj rekap FOLDER -o REKAP.xlsx    gabungkan banyak laporan menjadi satu rekap
  lkj pengaturan NAMA.toml          tulis pengaturan kantor penerima untuk rekap
  lkj aturan                        daftar aturan pemeriksaan

Bantuan lengkap: lkj --help, atau lkj NAMA_PERINTAH --help."""


@cli.command()
@click.argument("keluaran", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--tingkat", type=click.Choice(["seksi", "kecamatan"]), default="seksi",
              show_default=True, help="Tingkat laporan: seksi (eselon IV) atau kecamatan.")
@click.option("--timpa", is_flag=True, help="Timpa berkas KELUARAN bila sudah ada.")
def template(keluaran: Path, tingkat: str, timpa: bool):
    """Buat templat Excel kosong untuk diisi.

    Templat berisi sheet Petunjuk, Identitas, PK, PK Anggaran, Capaian, Anggaran, Desa,
    Fasilitasi, Efisiensi, Pegawai, Perbandingan, Narasi dan Pengaturan, lengkap dengan daftar
    pilihan dan format angka Indonesia.

    \b
    Contoh:
      lkj template laporan_tw2_2025.xlsx --tingkat kecamatan
    """
    from .errors import LkjError
    from .outputs import guard_output
    from .writers.template import make_template

    if keluaran.suffix.lower() not in (".xlsx", ".xlsm"):
        _fail(f"Nama berkas keluaran harus berakhiran .xlsx (bukan '{keluaran.suffix}').")
    try:
        guard_output(keluaran, "template", overwrite=timpa)
        make_template(keluaran, tingkat)
    except LkjError as exc:
        _fail(exc.message)
    click.echo(f"Templat tingkat {tingkat} ditulis ke: {keluaran}")


SEVERITIES = ["error", "warning", "info", "kesalahan", "peringatan", "catatan"]


@cli.command(short_help="Periksa laporan dan tampilkan setiap temuan.")
@click.argument("berkas", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["teks", "json", "csv", "csv-mesin"]),
              default=DEFAULT_FORMAT, show_default=True,
              help="Bentuk keluaran. csv: untuk Excel (pemisah titik koma, judul kolom "
                   "Indonesia); csv-mesin: untuk program lain (pemisah koma, nama kolom "
                   "Inggris seperti JSON).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis hasil ke berkas ini, bukan ke layar.")
@click.option("--min-severity", "min_sev", type=click.Choice(SEVERITIES),
              default=DEFAULT_MIN_SEVERITY,
              show_default=True,
              help="Tampilkan temuan mulai tingkat ini: error, warning atau info.")
@click.option("--pengaturan", type=click.Path(dir_okay=False, path_type=Path),
              help="Periksa dengan pengaturan kantor ini (.xlsx atau .toml dari 'lkj "
                   "pengaturan'), bukan dengan sheet Pengaturan di laporan.")
@click.option("--timpa", is_flag=True,
              help="Boleh menimpa berkas keluaran yang sudah ada (bukan berkas masukan).")
def check(berkas: tuple[str, ...], fmt: str, output: Path | None, min_sev: str,
          pengaturan: Path | None = None, timpa: bool = False):
    """Periksa satu atau beberapa laporan dan tampilkan setiap temuan.

    BERKAS boleh berupa berkas, folder (dicari sampai ke subfolder: .xlsx, .xlsm, .xls,
    .ods) atau pola seperti "laporan/*.xlsx". Setiap temuan menyebut aturan, tingkat, sheet, sel, nilai yang tertulis, nilai yang
    seharusnya dan alasannya. Kode keluar: 0 tidak ada kesalahan, 1 ada kesalahan,
    2 berkas tidak dapat dipakai.

    \b
    Contoh:
      lkj check laporan_tw2.xlsx
      lkj check laporan_masuk/
      lkj check laporan/*.xlsx --format csv -o temuan.csv
      lkj check laporan_tw2.xlsx --min-severity warning
      lkj check laporan_tw2.xlsx --pengaturan pengaturan_kabupaten.toml
    """
    run_check(berkas, fmt, output, min_sev, pengaturan, timpa)


@cli.command(short_help="Buat laporan akhir yang sudah diperiksa dan siap cetak.")
@click.argument("berkas", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas hasil (bawaan: NAMA_final.xlsx di folder yang sama).")
@click.option("--timpa", is_flag=True,
              help="Boleh menimpa berkas keluaran yang sudah ada (bukan berkas masukan).")
@click.option("--tanpa-lampiran", "tanpa_lampiran", is_flag=True,
              help="Tulis laporan saja, tanpa Lampiran Pemeriksaan (Temuan dan sheet isian).")
@click.option("--cetak-lampiran", "cetak_lampiran", is_flag=True,
              help="Ikut cetak Lampiran Pemeriksaan bersama laporan.")
def finalise(berkas: Path, output: Path | None, timpa: bool = False,
             tanpa_lampiran: bool = False, cetak_lampiran: bool = False):
    """Buat buku kerja laporan akhir yang sudah diperiksa dan siap cetak.

    Laporan (yang ditandatangani): Ringkasan dengan kop, capaian, anggaran per program,
    grafik dan blok tanda tangan, lalu tabel laporan (PK, Capaian, Anggaran, Desa,
    Perbandingan, Pegawai) dari nilai yang sudah dikoreksi, siap cetak A4 dengan nomor
    halaman. Di belakangnya Lampiran Pemeriksaan: Temuan (setiap temuan dengan tautan ke
    selnya) dan sheet isian apa adanya dengan sel bermasalah diwarnai, diberi komentar dan
    kolom 'Seharusnya'. Saat dibuka, sheet laporan sudah terpilih bersama: Cetak (Ctrl+P)
    sheet aktif mencetak laporan saja. Berkas isian tidak pernah diubah. Kode keluar sama
    dengan 'lkj check'.

    \b
    Contoh:
      lkj finalise laporan_tw2.xlsx
      lkj finalise laporan_tw2.xlsx -o kirim/laporan_tw2_final.xlsx
      lkj finalise laporan_tw2.xlsx --tanpa-lampiran -o kirim/laporan_tw2.xlsx
    """
    from .errors import LkjError
    from .writers.final import finalise as do_finalise

    _one_shot(single_report=True)
    try:
        res = do_finalise(berkas, output, overwrite=timpa, appendix=not tanpa_lampiran,
                          print_appendix=cetak_lampiran and not tanpa_lampiran)
    except LkjError as exc:
        _fail(exc.message)
    c = res.result.counts
    click.echo(f"Laporan akhir ditulis ke: {res.output}")
    for note in res.notes:
        click.echo(f"Catatan: {note}", err=True)
    where = "lihat sheet Temuan" if not tanpa_lampiran else "lihat dengan: lkj check"
    click.echo(f"Temuan: {c['error']} kesalahan, {c['warning']} peringatan, {c['info']} catatan "
               f"({where}).")
    sys.exit(res.exit_code)


@cli.command(short_help="Buat dokumen Word LKj dari buku kerja yang sudah diperiksa.")
@click.argument("berkas", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas Word hasil (bawaan: NAMA_dokumen.docx di folder yang sama).")
@click.option("--templat-dokumen", "templat", type=click.Path(dir_okay=False, path_type=Path),
              help="Templat Word (.docx) sendiri, misalnya gaya kabupaten (lihat "
                   "docs/dokumen.md).")
@click.option("--abaikan-temuan", is_flag=True,
              help="Jangan cantumkan jumlah kesalahan pemeriksaan di halaman pertama.")
@click.option("--timpa", is_flag=True, help="Ganti berkas hasil bila sudah ada.")
def dokumen(berkas: Path, output: Path | None, templat: Path | None, abaikan_temuan: bool,
            timpa: bool):
    """Buat dokumen Word LKj (bab, tabel, narasi, tanda tangan) dari buku kerja.

    Semua angka dalam tabel diambil dari hasil pemeriksaan yang sudah dihitung ulang, bukan
    diketik ulang. Bab dan nomor tabel mengikuti laporan seksi atau kecamatan (sesuai isian
    Tingkat). Narasi (latar belakang, tugas dan fungsi, strategi, hambatan, rencana tindak
    lanjut, kesimpulan, tanggapan atasan) diambil dari sheet Narasi; bagian yang kosong
    ditandai kuning di dokumen. Bila masih ada kesalahan, halaman pertama menyebut jumlahnya.
    Dokumen hasil yang sudah disunting di Word tidak ditimpa tanpa --timpa.
    Kode keluar sama dengan 'lkj check'.

    \b
    Contoh:
      lkj dokumen laporan_tw2.xlsx
      lkj dokumen laporan_tw2.xlsx -o kirim/LKj_TW2.docx --timpa
      lkj dokumen laporan_tw2.xlsx --templat-dokumen templat_kabupaten.docx
    """
    from .errors import LkjError
    from .writers.dokumen import dokumen as do_dokumen

    _one_shot(single_report=True)
    try:
        res = do_dokumen(berkas, output, templat=templat, abaikan_temuan=abaikan_temuan,
                         overwrite=timpa)
    except LkjError as exc:
        _fail(exc.message)
    c = res.result.counts
    click.echo(f"Dokumen Word ditulis ke: {res.output}")
    if c["error"]:
        click.echo(f"Perhatian: masih ada {c['error']} kesalahan hasil pemeriksaan"
                   + (" (disebut di halaman pertama)." if res.errors_noted else ".")
                   + " Lihat 'lkj check " + str(berkas) + "'.")
    sys.exit(res.exit_code)


@cli.command(short_help="Gabungkan banyak laporan menjadi satu buku kerja rekap.")
@click.argument("masukan", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas rekap .xlsx yang ditulis.")
@click.option("--db", metavar="BERKAS|URL",
              help="Basis data rekap: berkas SQLite (misalnya rekap.sqlite) atau alamat "
                   "PostgreSQL (postgresql://pengguna:sandi@server/nama_db). Bila dipakai lagi, "
                   "berkas yang tidak berubah dilewati dan yang berubah diganti.")
@click.option("--pengaturan", type=click.Path(dir_okay=False, path_type=Path),
              help="Pengaturan kantor penerima (.xlsx atau .toml dari 'lkj pengaturan'), "
                   "dipakai untuk setiap laporan menggantikan sheet Pengaturan laporan itu.")
@click.option("--daftar-unit", "daftar_unit", type=click.Path(dir_okay=False, path_type=Path),
              help="Daftar unit yang wajib melapor (.xlsx, .ods atau .csv): nama unit, alias, "
                   "tanggal diterima. Menghasilkan sheet 'Belum Menyampaikan'.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Banyaknya proses paralel (bawaan: semua inti prosesor).")
@click.option("--timpa", is_flag=True,
              help="Boleh menimpa berkas keluaran yang sudah ada (bukan berkas masukan).")
def rekap(masukan: tuple[str, ...], output: Path, db: str | None, jobs: int | None,
          pengaturan: Path | None = None, daftar_unit: Path | None = None,
          timpa: bool = False):
    """Gabungkan banyak laporan menjadi satu buku kerja rekap (dan basis data).

    MASUKAN boleh berupa berkas, folder (dicari sampai ke subfolder: .xlsx, .xlsm, .xls,
    .ods) atau pola seperti "laporan/*.xlsx". Berkas yang rusak tidak menghentikan rekap:
    berkas itu dicatat di sheet 'Berkas Bermasalah' beserta alasannya. Laporan yang dikirim
    lagi untuk unit dan periode yang sama diganti menurut 'Revisi ke-', lalu tanggal
    laporan, lalu tanggal diterima; yang diganti dicatat di sheet 'Laporan Diganti' dan tidak
    dijumlahkan.

    \b
    Contoh:
      lkj rekap laporan_kecamatan/ -o rekap_tw2_2025.xlsx
      lkj rekap masuk/ -o rekap.xlsx --pengaturan kantor.toml --daftar-unit unit.xlsx
      lkj rekap "masuk/**/*.xlsx" -o rekap.xlsx --db rekap.sqlite --jobs 2
      lkj rekap masuk/ -o rekap.xlsx --db postgresql://lkj@server/rekap
    """
    from .errors import LkjError
    from .rekap import rekap as do_rekap

    bar = None
    state = {"last": 0}

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if not _isatty(sys.stderr) or total < 2:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Merekap", file=sys.stderr,
                                    show_pos=True, show_eta=True)
            bar.__enter__()
        bar.update(done - state["last"])
        state["last"] = done

    try:
        res = do_rekap(masukan, output, db=db, jobs=jobs, progress=progress, overwrite=timpa,
                       settings=pengaturan, units=daftar_unit)
    except LkjError as exc:
        _fail(exc.message)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if res.output_unchanged:
        click.echo(f"Rekap tidak berubah sejak rekap sebelumnya: {res.output} tidak ditulis "
                   "ulang.")
    else:
        click.echo(f"Rekap ditulis ke: {res.output}"
                   + (f" (basis data: {res.db_label})" if res.db else ""))
    click.echo(f"{res.files_in} berkas masuk: {res.consolidated} direkap, {res.bad} bermasalah"
               + (f", {res.skipped_unchanged} tidak berubah sejak rekap sebelumnya"
                  if res.skipped_unchanged else "")
               + (f", {res.superseded} laporan diganti revisinya atau ganda"
                  if res.superseded else "")
               + f" ({res.seconds:.1f} detik).")
    if res.missing:
        click.echo(f"{res.missing} unit dari daftar unit belum menyampaikan laporan (lihat sheet "
                   "'Belum Menyampaikan').")
    if res.probable:
        click.echo(f"{res.probable} nama unit hanya mirip dengan daftar unit dan tidak digabung: "
                   "periksa kolom Keterangan di sheet 'Rekap Unit'.")
    for path, reason in res.bad_files:
        click.echo(f"  Bermasalah: {path}: {reason}", err=True)
    for note in res.notes:
        click.echo(f"Catatan: {note}", err=True)
    for path in res.skipped_outputs:
        click.echo(f"Catatan: '{path}' dilewati: itu hasil lkj rekap sebelumnya, bukan laporan.",
                   err=True)
    sys.exit(EXIT_OK)


@cli.command(short_help="Tulis berkas pengaturan kantor penerima laporan.")
@click.argument("keluaran", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dari", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Salin pengaturan dari berkas ini (.xlsx, .ods, .toml, atau laporan) "
                   "alih-alih nilai bawaan.")
@click.option("--timpa", is_flag=True, help="Timpa berkas KELUARAN bila sudah ada.")
def pengaturan(keluaran: Path, dari: Path | None, timpa: bool):
    """Tulis berkas pengaturan kantor penerima laporan (.xlsx atau .toml).

    Berkas ini dipakai dengan 'lkj rekap --pengaturan' dan 'lkj check --pengaturan':
    setiap laporan dinilai dengan aturan kantor (batas hari kerja, libur tambahan, skala
    predikat, rumus, toleransi), bukan dengan sheet Pengaturan yang diisi pelapor. Tanpa
    --dari, berkas berisi nilai bawaan (Perbup Lumajang 6/2018, Permendagri 86/2017).

    \b
    Contoh:
      lkj pengaturan pengaturan_kabupaten.xlsx
      lkj pengaturan pengaturan_kabupaten.toml
      lkj pengaturan baru.toml --dari pengaturan_kabupaten.xlsx
    """
    from .errors import LkjError
    from .outputs import guard_output
    from .pengaturan import load_settings, write_settings

    try:
        guard_output(keluaran, "pengaturan", reads=[dari] if dari else [], overwrite=timpa)
        settings = load_settings(dari) if dari else None
        write_settings(keluaran, settings)
    except LkjError as exc:
        _fail(exc.message)
    click.echo(f"Pengaturan ditulis ke: {keluaran}")


@cli.command(short_help="Daftar aturan pemeriksaan beserta penjelasannya.")
@click.option("--format", "fmt", type=click.Choice(["teks", "markdown"]), default="teks",
              show_default=True, help="teks untuk layar, markdown untuk dokumentasi.")
def aturan(fmt: str):
    """Daftar semua aturan pemeriksaan beserta kode, tingkat dan penjelasannya.

    \b
    Contoh:
      lkj aturan
      lkj aturan --format markdown > docs/aturan.md
    """
    from .render import render_rules

    click.echo(render_rules(fmt))


@cli.command(short_help="Buka halaman lkj di peramban.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, metavar="PORT",
              help="Port di 127.0.0.1 (bawaan: port yang sedang bebas).")
@click.option("--tanpa-peramban", is_flag=True,
              help="Jangan buka peramban; alamat halaman hanya dicetak.")
def buka(port: int, tanpa_peramban: bool):
    """Buka halaman lkj di peramban: unduh templat, periksa laporan, unduh laporan akhir,
    buat rekap - tanpa mengetik perintah.

    Halaman hanya dapat dibuka dari komputer ini (alamat 127.0.0.1) dan bekerja tanpa
    internet. lkj berhenti sendiri setelah halamannya ditutup (atau tekan Ctrl+C). Di
    Windows, klik dua kali lkj-buka melakukan hal yang sama tanpa jendela perintah.

    \b
    Contoh:
      lkj buka
      lkj buka --port 8765 --tanpa-peramban
    """
    from .web.server import serve

    def ready(url: str) -> None:
        click.echo(f"Halaman lkj: {url}")
        click.echo("Biarkan jendela ini terbuka selama memakai halaman itu. lkj berhenti "
                   "sendiri setelah halamannya ditutup; untuk berhenti sekarang tekan Ctrl+C.")

    try:
        serve(port, open_browser=not tanpa_peramban, on_ready=ready)
    except OSError as exc:
        import errno

        why = ("port itu sedang dipakai program lain"
               if exc.errno in (errno.EADDRINUSE, 10048) else
               "port itu tidak boleh dipakai" if exc.errno in (errno.EACCES, 10013) else
               f"alamat 127.0.0.1 tidak dapat dibuka (kode {exc.errno})")
        _fail(f"Halaman lkj tidak dapat dijalankan di port {port}: {why}. Jalankan tanpa "
              "--port agar lkj memilih port yang bebas.")
    click.echo("lkj berhenti.")


def main(argv: list[str] | None = None) -> None:
    """The console script through click (:func:`lkj_excel.console.main` sends every command
    line but a plain check here): usage errors and unusable files exit 2 with an
    Indonesian message."""
    run_console(lambda: _click_main(argv))


def _click_main(argv: list[str] | None) -> None:
    """click's own outcomes as exit codes; the rest is :func:`lkj_excel.console.guarded`'s."""
    try:
        cli.main(args=argv, prog_name="lkj", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Dibatalkan.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()  # Indonesian through the catalogue: usage, "Lihat ...", "Galat: ..."
        sys.exit(EXIT_UNUSABLE)


if __name__ == "__main__":  # pragma: no cover
    main()
