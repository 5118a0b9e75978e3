"""PEG: the typed personnel summaries (sheet Rekap Pegawai) - their sums and percentages
(lkj_excel.relations.pegawai) and their counts against the Pegawai list."""

from __future__ import annotations

from ..relations.pegawai import missing_categories
from . import rule
from .base import Context
from .diagnosed import notation, shown


@rule("PEG001", "error", "Rekap Pegawai", "Jumlah di Rekap Pegawai salah")
def rekap_sum_wrong(ctx: Context):
    """Di tabel jumlah pegawai (sheet Rekap Pegawai), Jumlah setiap baris = PNS + CPNS +
    PPPK + Non PNS (hanya kolom status yang diisi tabel itu; sel kosong atau "-" = 0), dan
    baris Jumlah setiap tabel = jumlah baris di atasnya, per kolom. Tabel yang hanya punya
    kolom Jumlah (diklat, eselon) hanya diperiksa baris Jumlahnya. Bila baris Jumlah hanya
    mengikuti angka yang salah, temuan disebut sebagai akibatnya.

    Contoh (Pronojiwo TW III 2024, Tabel 3.8 golongan): Golongan II PNS 1 + CPNS 0 ditulis
    Jumlah 2, seharusnya 1; baris Jumlah kolom PNS 0 + 1 + 6 + 0 = 7, tertulis 9. Tabel 3.9
    diklat: 2 + 2 ditulis Jumlah 3, seharusnya 4."""
    yield from ctx.diagnosed("PEG001")


@rule("PEG002", "error", "Rekap Pegawai", "Rekap Pegawai berbeda dengan daftar Pegawai")
def rekap_differs_from_list(ctx: Context):
    """Bila sheet Pegawai diisi, setiap angka tabel jumlah pegawai dibandingkan dengan
    daftar itu: jumlah orang per pendidikan, golongan (ruang I-IV), diklat PIM dan eselon,
    per status kepegawaian bila tabel memuat kolom status. Pesan menyebut nama pegawainya.
    Angka hanya dibandingkan bila daftar dapat menjawabnya: setiap orang yang dihitung
    mempunyai isian yang terbaca (setiap PNS punya golongan dan pendidikan; eselon atau
    diklat yang kosong berarti tidak ada bila kolom itu diisi untuk orang lain). Kesalahan,
    karena daftar pegawai adalah sumber tabel itu; bila justru daftarnya yang kurang,
    perbaiki sheet Pegawai.

    Contoh (Pronojiwo TW III 2024, Tabel 3.10): eselon IV a tertulis 3, daftar pegawai
    memuat 2 orang (NURDI HARTO PUTRA ARDIANSYAH, S.STP dan SAHLAN, S.Sos); baris Jumlah 7
    seharusnya 6 sebagai akibatnya."""
    yield from ctx.diagnosed("PEG002")


@rule("PEG003", "error", "Rekap Pegawai", "Persen di Rekap Pegawai salah")
def rekap_percent_wrong(ctx: Context):
    """Persen setiap baris = Jumlah baris / jumlah seluruh baris tabel x 100; baris Jumlah
    100%. Persen yang dibulatkan ke angka yang ditulis (53% untuk 52,94%) benar.

    Contoh (Pronojiwo TW III 2024, Tabel 3.7): SMA/SMK 9 dari 17 orang = 52,94%, ditulis
    53% (benar); ditulis 56% salah."""
    yield from ctx.diagnosed("PEG003")
    yield from ctx.truncated("PEG003")


@rule("PEG004", "error", "Rekap Pegawai", "Angka Rekap Pegawai bertentangan dengan jumlahnya")
def rekap_input_wrong(ctx: Context):
    """Sebuah angka yang diketik di tabel jumlah pegawai (jumlah PNS, CPNS, PPPK, Non PNS
    satu baris, atau jumlah baris di tabel tanpa kolom status) bertentangan dengan semua
    jumlah yang bergantung padanya: Jumlah barisnya dan baris Jumlah tabelnya sama-sama
    menunjuk nilai lain. Yang salah angka di sel ini, bukan jumlah-jumlahnya.

    Contoh: S1 PNS tertulis 5, padahal Jumlah baris S1 = 8 dengan Non PNS 2, dan baris
    Jumlah kolom PNS = 7 dengan SMA/SMK PNS 1. Seharusnya 6."""
    d = ctx.diagnosis
    for ch in d.by_code("PEG004"):
        c = ch.cell
        label = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "non_pns": "Non PNS",
                 "jumlah": "Jumlah"}.get(c.field, c.field)
        found = c.value.text
        exp = shown(c, ch.value, expected=True)
        sums = [r.target for r in c.dependents if r.target.value.cell and
                r.target.typed is not None and r.target.matches(r.target.cur, d.net.tol)]
        agree = " dan ".join(f"{s.label} {shown(s, s.typed)} ({s.where.split('!')[-1]})"
                             for s in sums[:3])
        msg = f"{c.row_key}: {label} {found or '(kosong)'} seharusnya {exp}"
        msg += f", agar sesuai dengan {agree}." if agree else "."
        cause = ch.cause.where if ch.cause is not None else None
        yield ctx.finding("PEG004", c.value, row_key=c.row_key, field=c.field, found=found,
                          expected=notation(c, ch.value), message=msg, cause=cause,
                          alternatives=tuple(a.where for a in ch.alternatives))


@rule("PEG005", "warning", "Rekap Pegawai", "Tabel jumlah pegawai tidak punya baris untuk "
      "sebagian pegawai")
def rekap_row_missing(ctx: Context):
    """Daftar Pegawai memuat orang dengan pendidikan, golongan, diklat atau eselon yang tidak
    punya baris di tabel jumlah pegawai, sehingga orang itu tidak terhitung dan jumlah
    tabelnya kurang. Hanya bila daftar dapat menjawabnya (lihat PEG002). Tambahkan barisnya;
    peringatan, karena tabel laporan boleh sengaja meringkas.

    Contoh: tabel pendidikan berbaris SD, SMP, SMA/SMK, S1, S2, padahal daftar pegawai
    memuat RINA WATI dengan pendidikan D3."""
    for t in ctx.rekap_tables:
        missing = missing_categories(ctx, t)
        if not missing:
            continue
        anchor = (t.total or t.rows[-1]).get("uraian")
        where = anchor if anchor.cell else (t.total or t.rows[-1])
        for cat, names in missing.items():
            listed = ", ".join(names[:6]) + (f" dan {len(names) - 6} lainnya"
                                             if len(names) > 6 else "")
            yield ctx.finding(
                "PEG005", where, row_key=f"{t.title} {cat}", field="uraian",
                found="", expected="", note=f"baris {cat}",
                message=f"Tabel {t.title} tidak punya baris {cat}, padahal daftar Pegawai "
                        f"memuat {len(names)} orang {cat} ({listed}); mereka tidak terhitung "
                        f"di tabel ini.")
