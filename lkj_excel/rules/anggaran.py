"""ANG: the Anggaran (budget realisation) sheet."""

from __future__ import annotations

from ..model import AnggaranRow, col_letter
from . import rule
from .base import BUDGET_NUMBERS, Context, amount, pct, rp, typed

LEVEL_NAME = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub kegiatan"}


def row_key(r: AnggaranRow) -> str:
    c = r.code
    if c:
        return c.canonical
    if r.is_total:
        return "JUMLAH"
    return (r.get("uraian").text or f"baris {r.row}")[:60]


def _lines(ctx: Context, total: bool = True):
    """The Anggaran rows as the diagnosis sees them, with corrected values."""
    b = ctx.diagnosis.budget
    if b is None:
        return []
    return b.lines + ([b.total] if total and b.total is not None else [])


@rule("ANG001", "error", "Anggaran", "Sisa tidak sama dengan pagu dikurangi realisasi")
def sisa_wrong(ctx: Context):
    """Sisa harus sama dengan Pagu - Realisasi (tanda - atau realisasi kosong = 0), di
    setiap baris termasuk JUMLAH. Selisih sampai toleransi rupiah di Pengaturan (bawaan Rp1)
    bukan kesalahan.

    Contoh (Candipuro TW II 2023, 7.01.06.2.01.02): pagu 252.100.000, realisasi 121.625.000,
    sisa tertulis 147.975.000. Seharusnya 252.100.000 - 121.625.000 = 130.475.000."""
    yield from ctx.diagnosed("ANG001")


@rule("ANG002", "error", "Anggaran", "Persentase tidak sama dengan realisasi dibagi pagu")
def persentase_wrong(ctx: Context):
    """Persentase (penyerapan) harus sama dengan Realisasi / Pagu x 100. Nilai yang
    ditulis dengan dua desimal dan sama dengan nilai tepat yang dibulatkan ke dua desimal, atau
    berselisih tidak lebih dari toleransi (bawaan 0,01 poin), dianggap benar. Angka yang dipotong
    alih-alih dibulatkan (117,59 ditulis 117) hanya menjadi catatan.

    Contoh (Candipuro, 7.01.06.2.01.02): 121.625.000 / 252.100.000 x 100 = 48,24%, tertulis
    45,11%."""
    yield from ctx.diagnosed("ANG002")
    yield from ctx.truncated("ANG002")


@rule("ANG003", "error", "Anggaran", "Kegiatan tidak sama dengan jumlah sub kegiatannya")
def kegiatan_sum(ctx: Context):
    """Pagu dan realisasi kegiatan (mis. 7.01.01.2.01) harus sama dengan jumlah sub
    kegiatannya (7.01.01.2.01.xxxx). Nilai sub kegiatan dipakai setelah dikoreksi, sehingga
    kegiatan yang hanya mengikuti sub kegiatan yang salah dilaporkan sekali, dengan menunjuk
    penyebabnya.

    Contoh: sub kegiatan 8.000.000 dan 12.000.000, kegiatan tertulis 21.000.000; seharusnya
    20.000.000."""
    yield from ctx.diagnosed("ANG003")


@rule("ANG004", "error", "Anggaran", "Program tidak sama dengan jumlah kegiatannya")
def program_sum(ctx: Context):
    """Pagu dan realisasi program (mis. 7.01.01) harus sama dengan jumlah kegiatannya.
    Kegiatan dipakai setelah dikoreksi (jumlah sub kegiatannya).

    Contoh (Pronojiwo TW III 2024, 7.01.01): jumlah pagu delapan kegiatan 1.522.270.347,
    tertulis 1.511.000.597."""
    yield from ctx.diagnosed("ANG004")


@rule("ANG005", "error", "Anggaran", "JUMLAH tidak sama dengan jumlah program")
def total_sum(ctx: Context):
    """Baris JUMLAH/TOTAL harus sama dengan jumlah program (pada tabel tanpa baris
    program: jumlah tingkat tertinggi yang ada; pada tabel tanpa kode: jumlah semua baris). Bila
    JUMLAH hanya mengikuti program yang salah, temuan ini disebut sebagai akibat program itu.
    Baris jumlah tetap diperiksa apa pun labelnya: JUMLAH, J U M L A H, ditulis di kolom kode,
    digabung (merge) di kolom A:B, atau baris terakhir tanpa label.

    Contoh (Pronojiwo): TOTAL pagu 1.576.385.597 adalah jumlah program yang tertulis, tetapi
    program 7.01.01 seharusnya 1.522.270.347, sehingga TOTAL seharusnya 1.587.655.347."""
    yield from ctx.diagnosed("ANG005")


@rule("ANG006", "warning", "Anggaran", "Realisasi melebihi pagu")
def over_budget(ctx: Context):
    """Realisasi di atas Pagu pada satu baris: belanja melebihi pagu tidak
    diperbolehkan, jadi kemungkinan angkanya salah ketik.

    Contoh: pagu 12.000.000, realisasi 13.000.000."""
    tol = ctx.settings.tolerance_rupiah
    for ln in _lines(ctx):
        pagu, real = ln.pagu.cur, ln.realisasi.cur
        if pagu is None or real is None or not real > pagu + tol:
            continue
        v = ln.row.get("realisasi")
        if typed(v):
            yield ctx.finding("ANG006", v, row_key=ln.key, field="realisasi", found=v.text,
                              expected="", note=f"<= {rp(pagu)}",
                              message=f"Realisasi {rp(real)} melebihi pagu {rp(pagu)}.")


#: The Anggaran amounts that cannot be negative (ANG007).
_SIGNED = ("pagu", "realisasi", "sisa", "target_tw")


def _below_zero(ctx: Context):
    """(row, column) of the amounts of :data:`_SIGNED` read below zero, in the order of
    the budget rows in table order, then JUMLAH: only these can be negative amounts."""
    total = ctx.report.anggaran_total
    at_total = []
    for r, f in ctx.budget_scan.below_zero:
        if f not in _SIGNED:
            continue
        if not (r.is_total or r.is_average):
            yield r, f
        elif r is total:
            at_total.append((r, f))
    yield from at_total


@rule("ANG007", "error", "Anggaran", "Angka negatif")
def negative_amount(ctx: Context):
    """Pagu, realisasi, sisa dan rencana triwulan tidak boleh negatif.

    Contoh salah: realisasi ``-3.000.000``. Benar: ``3.000.000``."""
    for r, f in _below_zero(ctx):
        v = r.get(f)
        a = amount(v)
        if a is not None and a < 0:
            yield ctx.finding("ANG007", v, row_key=row_key(r), field=f, found=v.text,
                              expected="", note=">= 0",
                              message=f"{f.capitalize()} {rp(a)} negatif; anggaran tidak "
                                      "boleh bernilai negatif.")


@rule("ANG008", "info", "Anggaran", "Penulisan kode tidak baku")
def sloppy_code(ctx: Context):
    """Kode anggaran ditulis dengan spasi atau bagian yang terlalu pendek dibaca dalam
    bentuk baku Permendagri 90/2019. Hanya catatan.

    Kode yang ditulis bersama namanya dalam satu sel dibaca kodenya; namanya tempatnya di
    kolom Program/Kegiatan/Sub Kegiatan.

    Contoh: ``7.01.03.2 .01.03`` menjadi ``7.01.03.2.01.0003``; ``7.01.01.2.01.01`` menjadi
    ``7.01.01.2.01.0001``; ``7.01.02.2.01.0001 Koordinasi ...`` menjadi
    ``7.01.02.2.01.0001``."""
    for r, c in ctx.budget_codes:
        if c.irregular:
            v = r.get("kode")
            if c.name:
                message = (f"Kode dan nama ditulis dalam satu sel; kolom Kode cukup berisi "
                           f"{c.canonical}, dan '{c.name[:60]}' ditulis di kolom "
                           "Program/Kegiatan/Sub Kegiatan.")
            else:
                message = f"Kode '{v.text}' ditulis tidak baku; bentuk bakunya {c.canonical}."
            yield ctx.finding("ANG008", v, row_key=c.canonical, field="kode", found=v.text,
                              expected=c.canonical, message=message)


@rule("ANG009", "error", "Anggaran", "Kode ganda")
def duplicate_code(ctx: Context):
    """Kode program, kegiatan atau sub kegiatan yang sama muncul di dua baris, sehingga
    angkanya terhitung dua kali.

    Contoh: 7.01.02.2.01.0001 di baris 6 dan baris 7."""
    first_of = ctx.budget_by_code  # the first row of each code
    if len(first_of) == len(ctx.budget_codes.rows):
        return  # as many codes as coded rows: no code twice, no row asked
    for r, c in ctx.budget_codes:
        first = first_of[c.canonical]
        if first is not r:
            v = r.get("kode")
            yield ctx.finding("ANG009", v, row_key=c.canonical, field="kode", found=v.text,
                              expected="", note="kode unik",
                              message=f"Kode {c.canonical} sudah ada di baris {first.row}; "
                                      "satu kode hanya boleh satu baris.")


@rule("ANG010", "warning", "Anggaran", "Induk kegiatan atau program tidak ada")
def orphan_row(ctx: Context):
    """Sub kegiatan tanpa baris kegiatannya, atau kegiatan tanpa baris programnya,
    padahal tabel memuat baris tingkat itu: jumlah induknya tidak dapat diperiksa dan
    kemungkinan baris induk terlupa.

    Contoh: 7.01.02.2.01.0001 ada, tetapi baris kegiatan 7.01.02.2.01 tidak ada."""
    codes = ctx.budget_codes
    levels = set()  # the levels the table has rows of (only these two matter)
    for _, c in codes:
        levels.add(c.level)
        if "kegiatan" in levels and "program" in levels:
            break
    by_code = ctx.budget_by_code
    for r, c in codes:
        parent = c.parent
        if not parent:
            continue
        parent_level = "kegiatan" if c.level == "subkegiatan" else "program"
        if parent_level in levels and parent not in by_code:
            v = r.get("kode")
            yield ctx.finding(
                "ANG010", v, row_key=c.canonical, field="kode", found=v.text,
                expected="", note=f"baris {LEVEL_NAME[parent_level]} {parent}",
                message=f"{LEVEL_NAME[c.level].capitalize()} {c.canonical} tidak punya baris "
                        f"{LEVEL_NAME[parent_level]} {parent} di atasnya.")


def _column_range(ctx: Context, key: str) -> str | None:
    cols = ctx.report.columns.get("Anggaran", {})
    if key not in cols:
        return None
    rows = [r.row for r in ctx.report.anggaran]
    letter = col_letter(cols[key])
    return f"{letter}{min(rows)}:{letter}{max(rows)}" if rows else None


@rule("ANG011", "info", "Anggaran", "Pemisah ribuan/desimal bercampur dalam satu kolom")
def mixed_separators(ctx: Context):
    """Satu kolom mencampur penulisan Indonesia (1.500.000; 24,14%) dengan penulisan
    Inggris (1,500,000; 53.89%). lkj membaca keduanya, tetapi laporan tampak tidak rapi dan
    pembaca dapat salah membaca. Hanya catatan.

    Contoh (Pronojiwo): kolom pagu berisi ``3.738.000`` dan ``6,700,000``."""
    notations = ctx.budget_scan.notations
    for key in BUDGET_NUMBERS:
        styles = notations[key]  # the first text written in each notation
        if len(styles) == 2:
            rng = _column_range(ctx, key)
            yield ctx.finding(
                "ANG011", ("Anggaran", rng), row_key=key, field=key,
                found=f"{styles['id']} dan {styles['en']}", expected="",
                note="1.500.000 / 24,14%",
                message=f"Kolom {key} mencampur cara penulisan '{styles['id']}' dan "
                        f"'{styles['en']}'; gunakan titik untuk ribuan dan koma untuk desimal.")


@rule("ANG012", "error", "Anggaran", "Jumlah rencana triwulan tidak sama dengan rinciannya")
def plan_total(ctx: Context):
    """JUMLAH kolom rencana triwulan (target anggaran TW) harus sama dengan jumlah
    baris di atasnya (tanda - = 0).

    Contoh (Kalaena TW II 2024): 0 + 16.682.500 + 2.498.250 = 19.180.750, tertulis
    41.664.750."""
    yield from ctx.diagnosed("ANG012")


@rule("ANG013", "warning", "Anggaran", "Ada realisasi tanpa rencana triwulan")
def spent_without_plan(ctx: Context):
    """Ada realisasi pada baris yang rencana triwulannya "-" atau 0: uang dibelanjakan
    pada triwulan yang tidak direncanakan.

    Contoh (Kalaena): realisasi 2.015.000 dengan rencana triwulan "-"."""
    if not ctx.budget_scan.planned:
        return  # no row has a plan
    for ln in _lines(ctx, total=False):
        real = ln.realisasi.cur
        if not real:
            continue
        plan_v = ln.row.get("target_tw")
        plan = amount(plan_v)
        if typed(plan_v) and (plan is None or plan == 0):
            v = ln.row.get("realisasi")
            yield ctx.finding("ANG013", v, row_key=ln.key, field="realisasi", found=v.text,
                              expected="", note="rencana triwulan diisi",
                              message=f"Realisasi {rp(real)} padahal rencana triwulan "
                                      f"'{plan_v.text}'; isi rencananya atau periksa "
                                      "realisasinya.")


@rule("ANG014", "warning", "Anggaran", "Realisasi melebihi rencana triwulan")
def over_plan(ctx: Context):
    """Realisasi di atas rencana triwulan pada baris yang sama: rencana (anggaran kas)
    terlampaui, atau salah satu angka salah ketik.

    Contoh (Kalaena): realisasi 19.617.580 dengan rencana 16.682.500 (117,59%)."""
    tol = ctx.settings.tolerance_rupiah
    for ln in _lines(ctx, total=False):
        if ln.plan is None or ln.plan.typed is None:
            continue
        plan, real = ln.plan.cur, ln.realisasi.cur
        v = ln.row.get("realisasi")
        if plan and real is not None and real > plan + tol:
            yield ctx.finding("ANG014", v, row_key=ln.key, field="realisasi", found=v.text,
                              expected="", note=f"<= {rp(plan)}",
                              message=f"Realisasi {rp(real)} melebihi rencana triwulan "
                                      f"{rp(plan)} ({pct(real / plan * 100)}).")


@rule("ANG015", "error", "Anggaran", "Capaian keuangan salah hitung")
def capaian_keuangan(ctx: Context):
    """Capaian keuangan = Realisasi / Rencana triwulan x 100. Angka yang dipotong
    (117,59% ditulis 117%) hanya menjadi catatan.

    Contoh (Kalaena): 19.617.580 / 16.682.500 x 100 = 117,59%, tertulis 117%."""
    yield from ctx.diagnosed("ANG015")
    yield from ctx.truncated("ANG015")


@rule("ANG016", "error", "Anggaran", "Rata-rata capaian keuangan salah")
def average_capaian_keuangan(ctx: Context):
    """Rata-rata capaian keuangan yang dilaporkan harus sama dengan jumlah realisasi
    dibagi jumlah rencana triwulan. Bila nilai itu hanya mengikuti JUMLAH yang salah, temuan
    disebut sebagai akibat sel JUMLAH itu.

    Contoh (Kalaena): 24.528.830 / 19.180.750 x 100 = 127,88%; tertulis 59%, yaitu
    24.528.830 / 41.664.750 dari jumlah rencana yang salah."""
    yield from ctx.diagnosed("ANG016")


@rule("ANG017", "warning", "Anggaran", "Kode tidak dikenali")
def bad_code(ctx: Context):
    """Kode yang bukan kode program (X.XX.XX), kegiatan (X.XX.XX.X.XX) atau sub kegiatan
    (X.XX.XX.X.XX.XXXX) Permendagri 90/2019 tidak dapat ditempatkan dalam hierarki, sehingga
    jumlahnya tidak diperiksa.

    Contoh salah: ``7.01``. Benar: ``7.01.01``."""
    for r in ctx.budget_scan.bad_codes:
        v = r.get("kode")
        p = v.parsed
        yield ctx.finding("ANG017", v, row_key=v.text, field="kode", found=v.text,
                          expected="", note="7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.0001",
                          message=f"Kode '{v.text}' tidak dikenali: {p.error}.")


@rule("ANG018", "error", "Anggaran", "Pagu atau realisasi bertentangan dengan baris dan induknya")
def leaf_amount_wrong(ctx: Context):
    """Pagu atau realisasi sebuah baris (biasanya sub kegiatan) bertentangan dengan
    semua angka yang bergantung padanya: sisa dan persentase di barisnya sendiri serta jumlah
    kegiatan, program dan JUMLAH di atasnya sama-sama menunjuk nilai lain. Yang salah adalah
    angka di sel ini, bukan sisa atau jumlah-jumlahnya; lkj menyebut nilai yang membuat semuanya
    cocok.

    Contoh: sub kegiatan 7.01.02.2.01.0001 pagu tertulis 9.000.000, padahal sisa 6.000.000 +
    realisasi 2.000.000 = 8.000.000 dan kegiatannya menjumlahkan 8.000.000 + 12.000.000 =
    20.000.000. Seharusnya 8.000.000."""
    yield from ctx.diagnosed("ANG018")


@rule("ANG019", "error", "Anggaran", "Kode di bawah induk yang salah")
def code_under_wrong_parent(ctx: Context):
    """Kode sebuah baris menunjuk induk lain daripada baris tempat ia berada, dan
    memindahkannya ke induk tempat ia berada menjelaskan selisih jumlah kedua induk itu. Yang
    salah adalah kodenya, bukan jumlah-jumlahnya.

    Contoh: di bawah kegiatan 7.01.02.2.01 tertulis sub kegiatan 7.01.06.2.01.0001; jumlah
    7.01.02.2.01 kurang 8.000.000 dan jumlah 7.01.06.2.01 lebih 8.000.000. Seharusnya
    7.01.02.2.01.0001."""
    for row, (v, code) in ctx.diagnosis.codes.items():
        yield ctx.finding(
            "ANG019", v, row_key=code, field="kode", found=v.text, expected=code,
            message=f"Kode '{v.text}' menempatkan baris {row} di bawah induk lain daripada "
                    f"baris tempat ia berada; dengan kode {code} jumlah induk-induknya cocok.")


@rule("ANG020", "error", "Anggaran", "Rencana triwulan tidak sesuai rencana TW I-IV")
def plan_of_the_quarter(ctx: Context):
    """Bila baris memuat rencana anggaran per triwulan (Rencana TW I-IV, anggaran kas),
    Rencana Triwulan laporan ini harus TW I + ... + triwulan ini (Sifat Data kumulatif) atau
    rencana triwulan ini saja (Sifat Data triwulan).

    Contoh (Kalaena TW II 2024, sifat triwulan): rencana TW 2.773.750, 2.498.250, 2.700.250,
    2.498.250; Rencana Triwulan II 2.498.250 benar, 2.773.750 salah."""
    yield from ctx.diagnosed("ANG020")


@rule("ANG021", "warning", "Anggaran", "Rencana TW I-IV tidak menjumlah ke pagu")
def quarters_against_pagu(ctx: Context):
    """Rencana anggaran TW I + TW II + TW III + TW IV (anggaran kas) sebuah baris harus
    sama dengan pagunya. Yang salah dapat salah satu triwulan atau pagunya, jadi hanya
    peringatan; selisih sampai toleransi rupiah tidak dihitung.

    Contoh (Kalaena, Koordinasi Pelaksanaan Pembangunan Kawasan Perdesaan): 2.773.750 +
    2.498.250 + 2.700.250 + 2.498.250 = 10.470.500 = pagu."""
    tol = ctx.settings.tolerance_rupiah
    for ln in _lines(ctx, total=False):
        if not ln.quarters or ln.pagu is None:
            continue
        vals = [x.cur if x.cur is not None else 0.0 for x in ln.quarters]
        pagu = ln.pagu.cur if ln.pagu.cur is not None else ln.pagu.typed
        planned = sum(vals)
        if pagu is None or abs(planned - pagu) <= tol:
            continue
        v = ln.row.get("pagu")
        how = " + ".join(rp(x) for x in vals) + f" = {rp(planned)}"
        yield ctx.finding("ANG021", v, row_key=ln.key, field="pagu", found=v.text, expected="",
                          note=f"rencana TW {how}",
                          alternatives=tuple(x.where for x in ln.quarters if x.value.cell),
                          message=f"Pagu {rp(pagu)} tidak sama dengan jumlah rencana TW I-IV "
                                  f"({how}); salah satu rencana triwulan atau pagunya salah.")
