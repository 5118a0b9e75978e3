"""ANG: the Anggaran (budget realisation) sheet."""

from __future__ import annotations

from ..model import AnggaranRow
from ..parsing import Number
from . import rule
from .base import BudgetNode, Context, amount, amount_ok, pct, pct_status, rp, typed

LEVEL_NAME = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub kegiatan"}


def row_key(r: AnggaranRow) -> str:
    c = r.code
    if c:
        return c.canonical
    if r.is_total:
        return "JUMLAH"
    return (r.get("uraian").text or f"baris {r.row}")[:60]


def _all_rows(ctx: Context) -> list[AnggaranRow]:
    rows = list(ctx.budget_rows)
    if ctx.report.anggaran_total is not None:
        rows.append(ctx.report.anggaran_total)
    return rows


@rule("ANG001", "error", "Anggaran", "Sisa tidak sama dengan pagu dikurangi realisasi")
def sisa_wrong(ctx: Context):
    """Sisa harus sama dengan Pagu - Realisasi (tanda - atau realisasi kosong = 0), di
    setiap baris termasuk JUMLAH. Selisih sampai toleransi rupiah di Pengaturan (bawaan Rp1)
    bukan kesalahan.

    Contoh (Candipuro TW II 2023, 7.01.06.2.01.02): pagu 252.100.000, realisasi 121.625.000,
    sisa tertulis 147.975.000. Seharusnya 252.100.000 - 121.625.000 = 130.475.000."""
    tol = ctx.settings.tolerance_rupiah
    for r in _all_rows(ctx):
        sisa_v = r.get("sisa")
        pagu = ctx.pagu_of(r)
        sisa = amount(sisa_v)
        if not typed(sisa_v) or pagu is None or sisa is None:
            continue
        real = amount(r.get("realisasi"), True)
        if real is None:
            continue
        exp = pagu - real
        if not amount_ok(sisa, exp, tol):
            yield ctx.finding(
                "ANG001", sisa_v, row_key=row_key(r), field="sisa", found=sisa_v.text,
                expected=rp(exp),
                message=f"Sisa {rp(sisa)} seharusnya {rp(exp)} (pagu {rp(pagu)} dikurangi "
                        f"realisasi {rp(real)}).")


@rule("ANG002", "error", "Anggaran", "Persentase tidak sama dengan realisasi dibagi pagu")
def persentase_wrong(ctx: Context):
    """Persentase (penyerapan) harus sama dengan Realisasi / Pagu x 100. Nilai yang
    ditulis dengan dua desimal dan sama dengan nilai tepat yang dibulatkan ke dua desimal, atau
    berselisih tidak lebih dari toleransi (bawaan 0,01 poin), dianggap benar. Angka yang dipotong
    alih-alih dibulatkan (117,59 ditulis 117) hanya menjadi catatan.

    Contoh (Candipuro, 7.01.06.2.01.02): 121.625.000 / 252.100.000 x 100 = 48,24%, tertulis
    45,11%."""
    tol = ctx.settings.tolerance_points
    for r in _all_rows(ctx):
        v = r.get("persentase")
        p = v.parsed
        pagu = ctx.pagu_of(r)
        real = amount(r.get("realisasi"), True)
        if not typed(v) or not isinstance(p, Number) or p.value is None or not pagu or \
                real is None:
            continue
        exact = real / pagu * 100
        status = pct_status(p, exact, tol)
        if status == "ok":
            continue
        d = p.decimals if p.decimals is not None else 2
        yield ctx.finding(
            "ANG002", v, row_key=row_key(r), field="persentase", found=v.text,
            expected=pct(exact, max(d, 2)),
            severity="info" if status == "truncated" else None,
            message=(f"Persentase {pct(p.value, d)} seharusnya {pct(exact, max(d, 2))} "
                     f"(realisasi {rp(real)} dibagi pagu {rp(pagu)})."
                     + (" Angka dipotong, bukan dibulatkan." if status == "truncated" else "")))


def _sum_findings(ctx: Context, code: str, parent: BudgetNode, what: str):
    tol = ctx.settings.tolerance_rupiah
    r = parent.row
    kids = parent.children
    for field, typed_val, exp_of, typ_of in (
        ("pagu", parent.pagu, lambda n: n.exp_pagu, lambda n: n.pagu),
        ("realisasi", parent.realisasi, lambda n: n.exp_realisasi, lambda n: n.realisasi),
    ):
        exps = [exp_of(k) for k in kids]
        if typed_val is None or None in exps:
            continue
        if field == "realisasi" and not typed(r.get("realisasi")) and \
                all(not typed(k.row.get("realisasi")) for k in kids):
            continue
        exp = sum(exps)
        if amount_ok(typed_val, exp, tol):
            continue
        v = r.get(field)
        typed_sum = sum(typ_of(k) or 0 for k in kids)
        cause = None
        if amount_ok(typed_val, typed_sum, tol):
            wrong = next((k for k in kids if typ_of(k) is not None and exp_of(k) is not None
                          and not amount_ok(typ_of(k), exp_of(k), tol)), None)
            if wrong is not None:
                cause = wrong.row.get(field).where
        parts = " + ".join(rp(e) for e in exps[:6]) + (" + ..." if len(exps) > 6 else "")
        msg = (f"{field.capitalize()} {what} {rp(typed_val)} seharusnya {rp(exp)}, jumlah "
               f"{len(kids)} baris di bawahnya ({parts}).")
        yield ctx.finding(code, v, row_key=row_key(r), field=field, found=v.text,
                          expected=rp(exp), message=msg, cause=cause)


@rule("ANG003", "error", "Anggaran", "Kegiatan tidak sama dengan jumlah sub kegiatannya")
def kegiatan_sum(ctx: Context):
    """Pagu dan realisasi kegiatan (mis. 7.01.01.2.01) harus sama dengan jumlah sub
    kegiatannya (7.01.01.2.01.xxxx). Nilai sub kegiatan dipakai setelah dikoreksi, sehingga
    kegiatan yang hanya mengikuti sub kegiatan yang salah dilaporkan sekali, dengan menunjuk
    penyebabnya.

    Contoh: sub kegiatan 8.000.000 dan 12.000.000, kegiatan tertulis 21.000.000; seharusnya
    20.000.000."""
    def walk(nodes):
        for n in nodes:
            if n.row.level == "kegiatan" and n.children:
                yield from _sum_findings(ctx, "ANG003", n, "kegiatan")
            yield from walk(n.children)

    yield from walk(ctx.budget_tree)


@rule("ANG004", "error", "Anggaran", "Program tidak sama dengan jumlah kegiatannya")
def program_sum(ctx: Context):
    """Pagu dan realisasi program (mis. 7.01.01) harus sama dengan jumlah kegiatannya.
    Kegiatan dipakai setelah dikoreksi (jumlah sub kegiatannya).

    Contoh (Pronojiwo TW III 2024, 7.01.01): jumlah pagu delapan kegiatan 1.522.270.347,
    tertulis 1.511.000.597."""
    for n in ctx.budget_tree:
        if n.row.level == "program" and n.children:
            yield from _sum_findings(ctx, "ANG004", n, "program")


@rule("ANG005", "error", "Anggaran", "JUMLAH tidak sama dengan jumlah program")
def total_sum(ctx: Context):
    """Baris JUMLAH/TOTAL harus sama dengan jumlah program (pada tabel tanpa baris
    program: jumlah tingkat tertinggi yang ada; pada tabel tanpa kode: jumlah semua baris). Bila
    JUMLAH hanya mengikuti program yang salah, temuan ini disebut sebagai akibat program itu.

    Contoh (Pronojiwo): TOTAL pagu 1.576.385.597 adalah jumlah program yang tertulis, tetapi
    program 7.01.01 seharusnya 1.522.270.347, sehingga TOTAL seharusnya 1.587.655.347."""
    total = ctx.report.anggaran_total
    top = ctx.budget_top
    if total is None or not top:
        return
    node = BudgetNode(total, top, ctx.pagu_of(total), amount(total.get("realisasi"), True))
    yield from _sum_findings(ctx, "ANG005", node, "JUMLAH")


@rule("ANG006", "warning", "Anggaran", "Realisasi melebihi pagu")
def over_budget(ctx: Context):
    """Realisasi di atas Pagu pada satu baris: belanja melebihi pagu tidak
    diperbolehkan, jadi kemungkinan angkanya salah ketik.

    Contoh: pagu 12.000.000, realisasi 13.000.000."""
    for r in _all_rows(ctx):
        pagu, real = ctx.pagu_of(r), amount(r.get("realisasi"))
        if pagu is not None and real is not None and real > pagu + ctx.settings.tolerance_rupiah:
            v = r.get("realisasi")
            yield ctx.finding("ANG006", v, row_key=row_key(r), field="realisasi", found=v.text,
                              expected=f"<= {rp(pagu)}",
                              message=f"Realisasi {rp(real)} melebihi pagu {rp(pagu)}.")


@rule("ANG007", "error", "Anggaran", "Angka negatif")
def negative_amount(ctx: Context):
    """Pagu, realisasi, sisa dan rencana triwulan tidak boleh negatif.

    Contoh salah: realisasi ``-3.000.000``. Benar: ``3.000.000``."""
    for r in _all_rows(ctx):
        for f in ("pagu", "realisasi", "sisa", "target_tw"):
            v = r.get(f)
            a = amount(v)
            if a is not None and a < 0:
                yield ctx.finding("ANG007", v, row_key=row_key(r), field=f, found=v.text,
                                  expected=">= 0",
                                  message=f"{f.capitalize()} {rp(a)} negatif; anggaran tidak "
                                          "boleh bernilai negatif.")


@rule("ANG008", "info", "Anggaran", "Penulisan kode tidak baku")
def sloppy_code(ctx: Context):
    """Kode anggaran ditulis dengan spasi atau bagian yang terlalu pendek dibaca dalam
    bentuk baku Permendagri 90/2019. Hanya catatan.

    Contoh: ``7.01.03.2 .01.03`` menjadi ``7.01.03.2.01.0003``; ``7.01.01.2.01.01`` menjadi
    ``7.01.01.2.01.0001``."""
    for r in ctx.budget_rows:
        c = r.code
        if c and c.irregular:
            v = r.get("kode")
            yield ctx.finding("ANG008", v, row_key=c.canonical, field="kode", found=v.text,
                              expected=c.canonical,
                              message=f"Kode '{v.text}' ditulis tidak baku; bentuk bakunya "
                                      f"{c.canonical}.")


@rule("ANG009", "error", "Anggaran", "Kode ganda")
def duplicate_code(ctx: Context):
    """Kode program, kegiatan atau sub kegiatan yang sama muncul di dua baris, sehingga
    angkanya terhitung dua kali.

    Contoh: 7.01.02.2.01.0001 di baris 6 dan baris 7."""
    seen: dict[str, AnggaranRow] = {}
    for r in ctx.budget_rows:
        c = r.code
        if not c:
            continue
        if c.canonical in seen:
            first = seen[c.canonical]
            v = r.get("kode")
            yield ctx.finding("ANG009", v, row_key=c.canonical, field="kode", found=v.text,
                              expected="kode unik",
                              message=f"Kode {c.canonical} sudah ada di baris {first.row}; "
                                      "satu kode hanya boleh satu baris.")
        else:
            seen[c.canonical] = r


@rule("ANG010", "warning", "Anggaran", "Induk kegiatan atau program tidak ada")
def orphan_row(ctx: Context):
    """Sub kegiatan tanpa baris kegiatannya, atau kegiatan tanpa baris programnya,
    padahal tabel memuat baris tingkat itu: jumlah induknya tidak dapat diperiksa dan
    kemungkinan baris induk terlupa.

    Contoh: 7.01.02.2.01.0001 ada, tetapi baris kegiatan 7.01.02.2.01 tidak ada."""
    levels = {r.level for r in ctx.budget_rows}
    for r in ctx.budget_rows:
        c = r.code
        if not c or not c.parent:
            continue
        parent_level = "kegiatan" if c.level == "subkegiatan" else "program"
        if parent_level in levels and c.parent not in ctx.budget_by_code:
            v = r.get("kode")
            yield ctx.finding(
                "ANG010", v, row_key=c.canonical, field="kode", found=v.text,
                expected=f"baris {LEVEL_NAME[parent_level]} {c.parent}",
                message=f"{LEVEL_NAME[c.level].capitalize()} {c.canonical} tidak punya baris "
                        f"{LEVEL_NAME[parent_level]} {c.parent} di atasnya.")


def _column_range(ctx: Context, key: str) -> str | None:
    cols = ctx.report.columns.get("Anggaran", {})
    if key not in cols:
        return None
    rows = [r.row for r in ctx.report.anggaran]
    from ..model import col_letter

    letter = col_letter(cols[key])
    return f"{letter}{min(rows)}:{letter}{max(rows)}" if rows else None


@rule("ANG011", "info", "Anggaran", "Pemisah ribuan/desimal bercampur dalam satu kolom")
def mixed_separators(ctx: Context):
    """Satu kolom mencampur penulisan Indonesia (1.500.000; 24,14%) dengan penulisan
    Inggris (1,500,000; 53.89%). lkj membaca keduanya, tetapi laporan tampak tidak rapi dan
    pembaca dapat salah membaca. Hanya catatan.

    Contoh (Pronojiwo): kolom pagu berisi ``3.738.000`` dan ``6,700,000``."""
    for key in ("pagu", "realisasi", "sisa", "persentase", "target_tw"):
        styles: dict[str, str] = {}
        for r in ctx.report.anggaran:
            p = r.get(key).parsed
            if isinstance(p, Number) and p.style in ("id", "en") and p.style not in styles:
                styles[p.style] = r.get(key).text
        if len(styles) == 2:
            rng = _column_range(ctx, key)
            yield ctx.finding(
                "ANG011", ("Anggaran", rng), row_key=key, field=key,
                found=f"{styles['id']} dan {styles['en']}", expected="1.500.000 / 24,14%",
                message=f"Kolom {key} mencampur cara penulisan '{styles['id']}' dan "
                        f"'{styles['en']}'; gunakan titik untuk ribuan dan koma untuk desimal.")


def _plan_rows(ctx: Context) -> list[AnggaranRow]:
    return [r for r in ctx.budget_rows if typed(r.get("target_tw"))]


@rule("ANG012", "error", "Anggaran", "Jumlah rencana triwulan tidak sama dengan rinciannya")
def plan_total(ctx: Context):
    """JUMLAH kolom rencana triwulan (target anggaran TW) harus sama dengan jumlah
    baris di atasnya (tanda - = 0).

    Contoh (Kalaena TW II 2024): 0 + 16.682.500 + 2.498.250 = 19.180.750, tertulis
    41.664.750."""
    total = ctx.report.anggaran_total
    if total is None or not typed(total.get("target_tw")):
        return
    found = amount(total.get("target_tw"))
    exp = _plan_sum(ctx)
    if found is None or exp is None or amount_ok(found, exp, ctx.settings.tolerance_rupiah):
        return
    v = total.get("target_tw")
    yield ctx.finding("ANG012", v, row_key="JUMLAH", field="target_tw", found=v.text,
                      expected=rp(exp),
                      message=f"Jumlah rencana triwulan {rp(found)} seharusnya {rp(exp)} "
                              f"(jumlah rencana triwulan {len(ctx.budget_top)} baris).")


def _plan_of(node: BudgetNode) -> float | None:
    """A row's quarterly plan: as typed, else the sum of its children's plans."""
    v = node.row.get("target_tw")
    if typed(v) or not node.children:
        return amount(v, True)
    vals = [_plan_of(k) for k in node.children]
    return None if None in vals else sum(vals)


def _plan_sum(ctx: Context) -> float | None:
    vals = [_plan_of(n) for n in ctx.budget_top]
    return None if None in vals else sum(vals)


@rule("ANG013", "warning", "Anggaran", "Ada realisasi tanpa rencana triwulan")
def spent_without_plan(ctx: Context):
    """Ada realisasi pada baris yang rencana triwulannya "-" atau 0: uang dibelanjakan
    pada triwulan yang tidak direncanakan.

    Contoh (Kalaena): realisasi 2.015.000 dengan rencana triwulan "-"."""
    if not _plan_rows(ctx):
        return
    for r in ctx.budget_rows:
        plan_v = r.get("target_tw")
        plan = amount(plan_v)
        real = amount(r.get("realisasi"))
        if typed(plan_v) and (plan is None or plan == 0) and real:
            v = r.get("realisasi")
            yield ctx.finding("ANG013", v, row_key=row_key(r), field="realisasi", found=v.text,
                              expected="rencana triwulan diisi",
                              message=f"Realisasi {rp(real)} padahal rencana triwulan "
                                      f"'{plan_v.text}'; isi rencananya atau periksa "
                                      "realisasinya.")


@rule("ANG014", "warning", "Anggaran", "Realisasi melebihi rencana triwulan")
def over_plan(ctx: Context):
    """Realisasi di atas rencana triwulan pada baris yang sama: rencana (anggaran kas)
    terlampaui, atau salah satu angka salah ketik.

    Contoh (Kalaena): realisasi 19.617.580 dengan rencana 16.682.500 (117,59%)."""
    for r in _plan_rows(ctx):
        plan = amount(r.get("target_tw"))
        real = amount(r.get("realisasi"))
        if plan and real is not None and real > plan + ctx.settings.tolerance_rupiah:
            v = r.get("realisasi")
            yield ctx.finding("ANG014", v, row_key=row_key(r), field="realisasi", found=v.text,
                              expected=f"<= {rp(plan)}",
                              message=f"Realisasi {rp(real)} melebihi rencana triwulan "
                                      f"{rp(plan)} ({pct(real / plan * 100)}).")


@rule("ANG015", "error", "Anggaran", "Capaian keuangan salah hitung")
def capaian_keuangan(ctx: Context):
    """Capaian keuangan = Realisasi / Rencana triwulan x 100. Angka yang dipotong
    (117,59% ditulis 117%) hanya menjadi catatan.

    Contoh (Kalaena): 19.617.580 / 16.682.500 x 100 = 117,59%, tertulis 117%."""
    tol = ctx.settings.tolerance_points
    rows = list(ctx.budget_rows)
    if ctx.report.anggaran_total is not None:
        rows.append(ctx.report.anggaran_total)
    for r in rows:
        v = r.get("capaian_keuangan")
        p = v.parsed
        plan = _plan_sum(ctx) if r.is_total else amount(r.get("target_tw"))
        real = amount(r.get("realisasi"), True)
        if not typed(v) or not isinstance(p, Number) or p.value is None or not plan:
            continue
        exact = real / plan * 100
        status = pct_status(p, exact, tol)
        if status == "ok":
            continue
        yield ctx.finding(
            "ANG015", v, row_key=row_key(r), field="capaian_keuangan", found=v.text,
            expected=pct(exact), severity="info" if status == "truncated" else None,
            message=f"Capaian keuangan {v.text} seharusnya {pct(exact)} (realisasi {rp(real)} "
                    f"dibagi rencana triwulan {rp(plan)})."
                    + (" Angka dipotong, bukan dibulatkan." if status == "truncated" else ""))


@rule("ANG016", "error", "Anggaran", "Rata-rata capaian keuangan salah")
def average_capaian_keuangan(ctx: Context):
    """Rata-rata capaian keuangan yang dilaporkan harus sama dengan jumlah realisasi
    dibagi jumlah rencana triwulan. Bila nilai itu hanya mengikuti JUMLAH yang salah, temuan
    disebut sebagai akibat sel JUMLAH itu.

    Contoh (Kalaena): 24.528.830 / 19.180.750 x 100 = 127,88%; tertulis 59%, yaitu
    24.528.830 / 41.664.750 dari jumlah rencana yang salah."""
    avg = ctx.report.anggaran_average
    total = ctx.report.anggaran_total
    if avg is None:
        return
    v = avg.get("capaian_keuangan")
    if not typed(v) or not isinstance(v.parsed, Number) or v.parsed.value is None:
        v = avg.get("persentase")
        if not typed(v) or not isinstance(v.parsed, Number) or v.parsed.value is None:
            return
    plan = _plan_sum(ctx)
    reals = [amount(n.row.get("realisasi"), True) for n in ctx.budget_top]
    if not plan or None in reals:
        return
    real = sum(reals)
    exact = real / plan * 100
    p = v.parsed
    if pct_status(p, exact, ctx.settings.tolerance_points) == "ok":
        return
    cause = None
    if total is not None:
        t_plan, t_real = amount(total.get("target_tw")), amount(total.get("realisasi"))
        if t_plan and t_real is not None and \
                pct_status(p, t_real / t_plan * 100, ctx.settings.tolerance_points) == "ok":
            cause = total.get("target_tw").where
    yield ctx.finding(
        "ANG016", v, row_key="rata-rata", field="capaian_keuangan", found=v.text,
        expected=pct(exact), cause=cause,
        message=f"Rata-rata capaian keuangan {v.text} seharusnya {pct(exact)} (realisasi "
                f"{rp(real)} dibagi rencana triwulan {rp(plan)}).")


@rule("ANG017", "warning", "Anggaran", "Kode tidak dikenali")
def bad_code(ctx: Context):
    """Kode yang bukan kode program (X.XX.XX), kegiatan (X.XX.XX.X.XX) atau sub kegiatan
    (X.XX.XX.X.XX.XXXX) Permendagri 90/2019 tidak dapat ditempatkan dalam hierarki, sehingga
    jumlahnya tidak diperiksa.

    Contoh salah: ``7.01``. Benar: ``7.01.01``."""
    for r in ctx.budget_rows:
        v = r.get("kode")
        p = v.parsed
        if typed(v) and p is not None and getattr(p, "error", None):
            yield ctx.finding("ANG017", v, row_key=v.text, field="kode", found=v.text,
                              expected="7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.0001",
                              message=f"Kode '{v.text}' tidak dikenali: {p.error}.")

