"""CAP: the Capaian (achievement) sheet."""

from __future__ import annotations

from ..layout import RUMUS_NEGATIF
from ..model import CapaianRow
from ..parsing import Number
from ..relations.capaian import ROMAN_TW, method_followed, plan_annual, plan_cells, plan_values
from . import rule
from .base import (
    FORMULA_TEXT,
    Context,
    measure,
    num,
    pct,
    pct_status,
    units_compatible,
)


def row_key(c: CapaianRow) -> str:
    text = c.get("indikator").text or c.get("sasaran").text or f"baris {c.row}"
    no = c.get("no").text
    return (f"{no} {text}" if no else text)[:70]


def _target_text(c: CapaianRow) -> str:
    return c.get("target").text


@rule("CAP001", "error", "Capaian", "Capaian tidak sesuai target dan realisasi")
def capaian_wrong(ctx: Context):
    """Capaian = Realisasi / Target x 100 untuk indikator yang makin besar makin baik.
    Untuk polaritas negatif (makin kecil makin baik) dipakai rumus yang dipilih per baris atau di
    Pengaturan, dan disebut dalam pesan: (2 x T - R) / T x 100 (bawaan) atau T / R x 100.
    (T - R) / T tidak ditawarkan: mencapai target tepat memberinya 0%, jadi itu selisih, bukan
    capaian (CAP011). Capaian tidak pernah dibatasi 100%.

    Nilai dua desimal yang sama dengan nilai tepat yang dibulatkan, atau dalam toleransi (bawaan
    0,01 poin), dianggap benar: 33,33 / 82 ditulis 40,64% bukan kesalahan. Bila realisasinya
    sendiri salah (tidak sesuai sheet Fasilitasi atau Desa), capaian disebut sebagai akibatnya.
    Capaian yang dipotong, bukan dibulatkan (75,8 ditulis 75%), mendapat catatan.
    Realisasi kosong atau "-" dengan capaian tertulis berarti belum ada realisasi: capaian
    0% (capaian 50% untuk realisasi "-" adalah temuan); realisasi dan capaian sama-sama "-"
    (data belum keluar) tidak diperiksa. Target 0 tidak dapat dibagi: CAP010.

    Contoh (Pronojiwo): realisasi sebenarnya 30/36 = 83,33%, target 93%, capaian 89,61%;
    tertulis 92,59%."""
    yield from ctx.diagnosed("CAP001")
    yield from ctx.truncated("CAP001")


@rule("CAP002", "error", "Capaian", "Realisasi tidak sesuai pembilang/penyebutnya")
def ratio_disagrees(ctx: Context):
    """Realisasi berbentuk rasio harus sesuai pembilang dan penyebutnya sendiri; begitu
    pula kolom Pembilang dan Penyebut terhadap persentase realisasi.

    Contoh: ``31/36 = 86,11%`` benar; ``7/12 = 60,00%`` salah (7 / 12 = 58,33%)."""
    tol = ctx.settings.tolerance_points
    for c in ctx.report.capaian_rows:
        v = c.get("realisasi")
        p = v.parsed
        if not isinstance(p, Number) or p.value is None or p.style != "ratio" or \
                p.numerator is None or not p.denominator or p.decimals is None:
            continue
        exact = p.numerator / p.denominator * 100
        if pct_status(p, exact, tol) == "ok":
            continue
        stated = v.text.rsplit("=", 1)[0].rstrip()
        yield ctx.finding("CAP002", v, row_key=row_key(c), field="realisasi", found=v.text,
                          expected=f"{stated} = {pct(exact, max(p.decimals, 2))}",
                          message=f"Realisasi {pct(p.value, p.decimals or 2)} tidak sesuai "
                                  f"{num(p.numerator)} / {num(p.denominator)} = {pct(exact)}.")
    yield from ctx.diagnosed("CAP002")


@rule("CAP003", "error", "Capaian", "Rata-rata capaian salah")
def average_wrong(ctx: Context):
    """Rata-rata capaian (baris 'Rata-rata') harus sama dengan rata-rata capaian
    indikator yang memiliki capaian. Bila hanya mengulang baris yang salah, disebut sebagai
    akibat baris salah pertama.

    Contoh (Pronojiwo): (89,61 + 66,67) / 2 = 78,14%, tertulis 79,63%."""
    yield from ctx.diagnosed("CAP003")


@rule("CAP004", "warning", "Capaian", "Predikat tidak sesuai skala")
def predikat_wrong(ctx: Context):
    """Predikat di samping indikator harus sesuai pita capaiannya pada skala di
    Pengaturan (bawaan Permendagri 86/2017: Sangat Tinggi >= 91, Tinggi 76-90, Sedang 66-75,
    Rendah 51-65, Sangat Rendah <= 50). Ubah skalanya di Pengaturan bila kabupaten memakai skala
    lain. Yang menentukan pita adalah capaian seperti tertulis bila tulisan itu benar,
    dibulatkan ke desimal yang ditulis: 75,8 ditulis "76%" (dibulatkan, benar) berpredikat
    Tinggi, bukan Sedang; ditulis "75%" (dipotong, catatan CAP001) juga 76, Tinggi.

    Contoh (Kalaena): capaian 100% ditulis "Sangat Baik"; menurut skala bawaan "Sangat
    Tinggi"."""
    yield from ctx.diagnosed("CAP004")


@rule("CAP005", "warning", "Capaian", "Satuan target dan realisasi berbeda")
def unit_mismatch(ctx: Context):
    """Target dan realisasi satu indikator harus bersatuan sama: target 100% dengan
    realisasi "3 Desa" tidak menghasilkan capaian.

    Contoh (Senduro TW I 2023): target 100%, realisasi 3 Desa, capaian tertulis 25%."""
    for c in ctx.report.capaian_rows:
        t, tu = measure(c.get("target"), None)
        r, ru = measure(c.get("realisasi"), None)
        if t is None or r is None or units_compatible(tu, ru):
            continue
        v = c.get("realisasi")
        cell = ctx.diagnosis.cell(v)
        src = {"FAS001": "Fasilitasi", "DES002": "Desa"}.get(
            cell.relation.code if cell is not None and cell.relation is not None else "")
        # counted from a sheet (seed 002's "3 Desa" for a facilitation percentage), the
        # capaian is computed all the same, from the count
        why = (f"; realisasi ini dihitung sebagai persen dari sheet {src}" if src else
               ", sehingga capaian tidak dapat dihitung")
        yield ctx.finding("CAP005", v, row_key=row_key(c), field="realisasi", found=v.text,
                          expected="", note=f"satuan sama dengan target ({_target_text(c)})",
                          message=f"Realisasi '{v.text}' dan target '{_target_text(c)}' berbeda "
                                  f"satuan{why}.")


@rule("CAP006", "error", "Capaian", "Target atau realisasi bertentangan dengan hitungannya")
def capaian_input_wrong(ctx: Context):
    """Target, realisasi, pembilang atau penyebut sebuah indikator bertentangan dengan
    angka lain yang bergantung padanya (capaian, target PK, Perbandingan), sedangkan angka-angka
    itu saling cocok: yang salah ketik adalah sel ini.

    Contoh: pembilang 9 dari penyebut 10 dengan realisasi 80% dan capaian 88,89% (= 80 / 90).
    Seharusnya 8."""
    yield from ctx.diagnosed("CAP006")


@rule("CAP011", "warning", "Capaian", "Rumus polaritas negatif tidak dikenal")
def unknown_negative_formula(ctx: Context):
    """Kolom Rumus Polaritas Negatif hanya mengenal 2T-R ((2 x target - realisasi) / target
    x 100) dan T/R (target / realisasi x 100). Rumus lain tidak dipakai; capaian dihitung
    dengan rumus bawaan di Pengaturan, dan temuan ini menyebutnya. (T - R) / T sengaja tidak
    ada: indikator yang tepat mencapai targetnya mendapat 0% ("Sangat Rendah"), jadi rumus itu
    mengukur selisih, bukan capaian.

    Contoh: rumus ``(T-R)/T`` untuk target 10 dan realisasi 10 memberi 0%; dengan 2T-R
    capaiannya 100%. Seharusnya ``2T-R``."""
    default = ctx.settings.negative_formula
    for c in ctx.report.capaian_rows:
        v = c.get("rumus_negatif")
        text = v.text.replace(" ", "")
        if not text or text in RUMUS_NEGATIF:
            continue
        yield ctx.finding(
            "CAP011", v, row_key=row_key(c), field="rumus_negatif", found=v.text,
            expected=default,
            message=f"Rumus '{v.text}' tidak dikenal (pilihan: {', '.join(RUMUS_NEGATIF)}); "
                    f"capaian dihitung dengan {default} = {FORMULA_TEXT[default]}.")


@rule("CAP007", "error", "Capaian", "Target triwulan tidak sesuai target tahunan")
def quarter_target_wrong(ctx: Context):
    """Target di kolom Target adalah target yang dipakai menghitung capaian triwulan ini.
    Bila rencana aksi diisi (Target TW I-IV), target itu mengikuti Metode Capaian baris itu:
    kumulatif = TW I + ... + triwulan ini (target "s.d. Triwulan II"), triwulan = target
    triwulan ini saja, nilai akhir dan tren turun = nilai yang direncanakan untuk akhir
    triwulan ini. Metode kosong: persen = nilai akhir, lainnya = Sifat Data di Identitas.
    Tanpa rencana aksi, target indikator persen adalah Target Tahunannya, sehingga Target yang
    berbeda dengan PK tidak tersembunyi di belakang Target Tahunan yang benar.

    Target yang sama dengan rencana bila dihitung dengan metode yang lain (Kalaena: 6 = 3 + 3
    di bawah metode triwulan) adalah CAP012, bukan kesalahan target.

    Contoh: rencana aksi 3 laporan per triwulan, metode triwulan, TW II: target 5.
    Seharusnya 3. Contoh lain: PK 90%, Target Tahunan 90%, Target 95%. Seharusnya 90%."""
    yield from ctx.diagnosed("CAP007")


@rule("CAP012", "warning", "Capaian", "Target mengikuti metode capaian yang lain")
def method_of_the_target(ctx: Context):
    """Target triwulan ini sama dengan rencana aksi bila dihitung dengan metode yang lain:
    metode triwulan, tetapi target adalah jumlah TW I sampai triwulan ini (kumulatif), atau
    sebaliknya. Biasanya seluruh baris (target dan realisasi) dilaporkan dengan cara itu,
    sehingga yang berbeda adalah Metode Capaian - satu sel - dan capaiannya benar. Bila
    baris ini memang per triwulan, target dan realisasinya harus angka triwulan ini saja.
    Hanya peringatan: lkj tidak dapat mengetahui cara mana yang dimaksud.

    Contoh (Kalaena TW II 2024): rencana aksi 3 laporan per triwulan, metode triwulan; tabel
    menulis target 6 dan realisasi 6 (3 + 3, s.d. triwulan II), capaian 100%. Seharusnya
    Metode Capaian kumulatif; mengubah target saja menjadi 3 akan membuat capaian 200%."""
    net = ctx.diagnosis.net
    quarter = ctx.report.identity.quarter
    tol = ctx.settings.tolerance_points
    for c in ctx.report.capaian_rows:
        if not c.has_plan or quarter is None:
            continue
        cells = plan_cells(net, c)
        t_cell = ctx.diagnosis.cell(c.get("target"))
        if any(x is None for x in cells) or t_cell is None:
            continue
        method = ctx.capaian_method(c, t_cell.unit)
        plan = plan_values(cells)
        other = method_followed(method, t_cell.typed, plan, quarter, tol)
        if other is None:
            continue
        upto = " + ".join(num(x) for x in plan[:quarter])
        mv = c.get("metode")
        where = mv if mv.cell else c.get("target")
        yield ctx.finding(
            "CAP012", where, row_key=row_key(c), field="metode", found=mv.text or method,
            expected=other,
            message=(f"Target {c.get('target').text} adalah rencana aksi {other} "
                     f"(TW {ROMAN_TW[0]}-{ROMAN_TW[quarter - 1]}: {upto}), bukan {method} "
                     f"(TW {ROMAN_TW[quarter - 1]}: {num(plan[quarter - 1])}). Bila target "
                     f"dan realisasi baris ini dihitung {other}, Metode Capaian seharusnya "
                     f"{other}; bila {method}, keduanya harus angka "
                     + ("triwulan ini saja." if method == "triwulan" else
                        f"TW {ROMAN_TW[0]} sampai triwulan ini.")))


@rule("CAP008", "warning", "Capaian", "Rencana aksi tidak sesuai target tahunan")
def plan_against_annual(ctx: Context):
    """Target TW I-IV (rencana aksi) harus sampai pada target tahunan: jumlah keempatnya
    untuk metode kumulatif dan triwulan, nilai TW IV untuk nilai akhir dan tren turun. Target
    tahunan adalah Target Tahunan di Capaian, atau target PK bila kosong. Yang salah dapat
    salah satu triwulan atau target tahunannya, jadi hanya peringatan.

    Contoh (Kalaena): target tahunan 12 Laporan, rencana aksi 3 + 3 + 3 + 2 = 11."""
    net = ctx.diagnosis.net
    tol = ctx.settings.tolerance_points
    for c in ctx.report.capaian_rows:
        if not c.has_plan:
            continue
        cells = plan_cells(net, c)
        if any(x is None for x in cells):
            continue
        vals = [x.cur if x.cur is not None else x.typed for x in cells]
        anchor = c.get("target_tahunan")
        if not anchor.text:
            pk = ctx.pk_matches.get(c.row)
            anchor = pk.get("target") if pk is not None else anchor
        a_cell = ctx.diagnosis.cell(anchor)
        annual = ctx.truth(anchor)
        if a_cell is None or annual is None:
            continue
        method = ctx.capaian_method(c, a_cell.unit)
        planned = plan_annual(method, vals)
        if planned is None or abs(planned - annual) <= (tol if a_cell.unit == "%" else 1e-9):
            continue
        how = ("TW IV " + num(planned)) if method in ("nilai akhir", "tren turun") else \
            " + ".join(num(v or 0) for v in vals) + f" = {num(planned)}"
        where = tuple(x.where for x in cells if x.value.cell)
        yield ctx.finding(
            "CAP008", anchor, row_key=row_key(c), field=a_cell.field, found=anchor.text,
            expected="", note=f"rencana aksi {how}", alternatives=where,
            message=f"Target tahunan {anchor.text} tidak sesuai rencana aksi ({method}: "
                    f"{how}); salah satu target triwulan atau target tahunannya salah. "
                    f"Target TW {', '.join(ROMAN_TW)}: {', '.join(num(v or 0) for v in vals)}.")


@rule("CAP009", "error", "Capaian", "Jumlah di Capaian salah")
def column_total_wrong(ctx: Context):
    """Baris "Jumlah" di bawah indikator (bukan indikator, tidak dicocokkan dengan PK)
    menjumlahkan kolom Target Tahunan, Target dan Realisasi yang diisinya; sel kosong atau "-"
    dihitung 0, seperti di laporan.

    Contoh (Kalaena TW II 2024): target tahunan 5 + 12 + 7 = 24, target - + 6 + 7 = 13.
    Target 14 di baris Jumlah: seharusnya 13."""
    yield from ctx.diagnosed("CAP009")


@rule("CAP010", "error", "Capaian", "Capaian tidak dapat dihitung")
def capaian_undefined(ctx: Context):
    """Capaian ditulis sebagai angka padahal tidak dapat dihitung: targetnya 0 (tidak ada
    yang dibagi), atau rumus polaritas negatif T/R dengan realisasi 0 (tak terhingga). Tulis
    "-" di kolom Capaian, atau pilih rumus 2T-R untuk indikator yang makin kecil makin baik.

    Contoh: target 0 Lembaga, realisasi 0 Lembaga (kegiatannya sudah selesai triwulan lalu),
    capaian ditulis 100%. Seharusnya "-"."""
    d = ctx.diagnosis
    for c in ctx.report.capaian_rows:
        v = c.get("capaian")
        cell = d.cell(v)
        if cell is None or cell.typed is None or cell.relation is None or \
                cell.relation.code != "CAP001" or cell.cur is not None:
            continue
        r_cell, t_cell = cell.relation.inputs
        if t_cell.cur == 0:
            why = f"target {t_cell.value.text or '0'} bernilai 0"
        elif ctx.capaian_formula(c) == "T/R" and r_cell.cur == 0:
            why = "realisasi 0 dengan rumus T/R (target / realisasi) memberi tak terhingga"
        else:
            continue
        yield ctx.finding("CAP010", v, row_key=row_key(c), field="capaian", found=v.text,
                          expected="-", note="capaian tidak dapat dihitung",
                          message=f"Capaian {v.text} tidak dapat dihitung: {why}. Tulis '-'"
                                  " di kolom Capaian.")
