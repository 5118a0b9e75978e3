"""PK: the performance agreement and its agreement with the other sheets."""

from __future__ import annotations

from ..model import PkRow
from . import rule
from .base import Context, amount, amount_ok, measure, num, pct, rp, typed


def pk_key(r: PkRow) -> str:
    text = r.get("indikator").text or r.get("sasaran").text
    no = r.get("no").text
    return (f"{no} {text}" if no else text)[:70]


def _fmt_measure(value: float | None, unit: str | None) -> str:
    if value is None:
        return "-"
    return pct(value) if unit == "%" else f"{num(value)} {unit or ''}".strip()


def _same_measure(a: tuple[float | None, str | None], b: tuple[float | None, str | None],
                  tol: float) -> bool:
    (va, ua), (vb, ub) = a, b
    if va is None or vb is None:
        return True
    return abs(va - vb) <= (tol if "%" in (ua, ub) else 1e-9) + 1e-9


@rule("PK001", "warning", "PK", "Indikator PK tanpa target")
def pk_without_target(ctx: Context):
    """Indikator Perjanjian Kinerja tanpa target, sehingga capaiannya tidak dapat
    diukur.

    Contoh (Kalaena): "Jumlah Lembaga Kemasyarakatan yang berpartisipasi ..." tanpa target."""
    for r in ctx.report.pk:
        if r.get("indikator").text and not typed(r.get("target")):
            v = r.get("target")
            yield ctx.finding("PK001", v if v.cell else ("PK", f"A{r.row}"), row_key=pk_key(r),
                              field="target", found="", expected="", note="target diisi",
                              message=f"Indikator PK '{pk_key(r)}' tidak memiliki target.")


@rule("PK002", "error", "Capaian", "Target di Capaian berbeda dengan target PK")
def target_differs(ctx: Context):
    """Target indikator di Capaian (Target Tahunan bila diisi, selain itu Target) harus
    sama dengan targetnya di PK. Dibandingkan bila satuannya sama (PK003 untuk satuan
    berbeda). Target PK tanpa satuan (kolom Satuan PK kosong, angka saja) bersatuan sama
    dengan baris Capaian-nya; target berupa indeks dengan huruf (68,50 (B-)) dibandingkan
    angkanya.

    Contoh (Pronojiwo TW III 2024): PK 83%, Capaian 100%. Contoh lain: PK 65,50 (B-),
    Capaian 68,50 (B-)."""
    yield from ctx.diagnosed("PK002")


@rule("PK003", "warning", "Capaian", "Satuan target Capaian berbeda dengan PK")
def unit_differs(ctx: Context):
    """Target indikator di Capaian bersatuan lain daripada di PK: salah satunya bukan
    indikator yang diperjanjikan.

    Contoh (Senduro): PK "12 Desa", Capaian "100%"."""
    for c in ctx.report.capaian_rows:
        pk = ctx.pk_matches.get(c.row)
        if pk is None:
            continue
        v = c.get("target_tahunan") if typed(c.get("target_tahunan")) else c.get("target")
        mine = measure(v, c.get("satuan").text)
        theirs = measure(pk.get("target"), pk.get("satuan").text)
        if mine[0] is None or theirs[0] is None or None in (mine[1], theirs[1]):
            continue
        if mine[1] != theirs[1]:
            pv = pk.get("target")
            yield ctx.finding(
                "PK003", v, row_key=pk_key(pk), field="target", found=v.text, expected=pv.text,
                message=f"Target '{v.text}' di Capaian berbeda satuan dengan target PK "
                        f"'{pv.text}' ({pv.where}).")


@rule("PK004", "warning", "Capaian", "Indikator Capaian tidak ada di PK")
def capaian_not_in_pk(ctx: Context):
    """Indikator dilaporkan di Capaian tetapi tidak ada di PK (dicocokkan menurut teks
    indikator, toleran terhadap huruf besar, spasi dan salah ketik kecil; menurut sasaran bila
    indikatornya kosong).

    Contoh (Pronojiwo): "Indeks Pelayanan Publik Kecamatan"."""
    if not ctx.report.pk:
        return
    for c in ctx.report.capaian_rows:
        if c.row in ctx.pk_matches:
            continue
        v = c.get("indikator") if c.get("indikator").text else c.get("sasaran")
        yield ctx.finding("PK004", v if v.cell else ("Capaian", f"A{c.row}"),
                          row_key=v.text[:70], field="indikator", found=v.text,
                          expected="", note="indikator yang ada di PK",
                          message=f"Indikator '{v.text}' dilaporkan di Capaian tetapi tidak ada "
                                  "di PK.")


@rule("PK005", "warning", "PK", "Indikator PK tidak dilaporkan di Capaian")
def pk_not_in_capaian(ctx: Context):
    """Indikator PK tidak memiliki baris di Capaian: setiap indikator yang diperjanjikan
    harus dilaporkan, walaupun realisasinya belum ada.

    Contoh: PK memuat dua indikator, Capaian hanya melaporkan satu."""
    if not ctx.report.capaian_rows:
        return
    matched = {r.row for r in ctx.pk_matches.values()}
    for r in ctx.report.pk:
        if r.row in matched or not (r.get("indikator").text or r.get("sasaran").text):
            continue
        v = r.get("indikator") if r.get("indikator").text else r.get("sasaran")
        yield ctx.finding("PK005", v, row_key=pk_key(r), field="indikator", found=v.text,
                          expected="", note="dilaporkan di Capaian",
                          message=f"Indikator PK '{v.text}' tidak dilaporkan di Capaian.")


def anggaran_match(ctx: Context, kode_v, uraian: str):
    return ctx.budget_match(kode_v, uraian, 0.8)


@rule("PK006", "warning", "PK Anggaran", "Anggaran PK berbeda dengan pagu di Anggaran")
def pk_budget_differs(ctx: Context):
    """Anggaran program di PK berbeda dengan pagu program yang sama di sheet Anggaran
    (dicocokkan menurut kode, atau nama). Perubahan APBD dapat menjadi penyebab yang sah, jadi
    hanya peringatan.

    Contoh (Pronojiwo): PK 1.869.322.744, pagu 7.01.01 di Anggaran 1.511.000.597."""
    for r in ctx.report.pk_budget_rows:
        a = anggaran_match(ctx, r.get("kode"), r.get("uraian").text)
        mine = ctx.truth(r.get("anggaran"), amount(r.get("anggaran")))
        if a is None or mine is None:
            continue
        pagu = ctx.truth(a.get("pagu"), ctx.pagu_of(a))
        if pagu is None or amount_ok(mine, pagu, ctx.settings.tolerance_rupiah):
            continue
        v = r.get("anggaran")
        yield ctx.finding("PK006", v, row_key=r.get("uraian").text[:70], field="anggaran",
                          found=v.text, expected="", note=f"pagu di Anggaran {rp(pagu)}",
                          message=f"Anggaran PK {rp(mine)} berbeda dengan pagu {rp(pagu)} di "
                                  f"{a.get('pagu').where}.")


@rule("PK007", "error", "PK Anggaran", "Jumlah anggaran PK salah")
def pk_budget_total(ctx: Context):
    """JUMLAH tabel anggaran PK harus sama dengan jumlah barisnya.

    Contoh: 20.000.000 + 30.000.000 ditulis JUMLAH 55.000.000; seharusnya 50.000.000."""
    yield from ctx.diagnosed("PK007")


@rule("PK008", "error", "Perbandingan", "Nilai tahun berjalan berbeda dengan Capaian")
def comparison_differs(ctx: Context):
    """Target dan realisasi tahun berjalan pada perbandingan dengan tahun sebelumnya
    (sheet Perbandingan) harus sama dengan di Capaian untuk indikator yang sama. Angka tanpa
    satuan di Perbandingan bersatuan sama dengan indikatornya di Capaian: indeks 82 di kedua
    sheet sama, bukan temuan. Tabel yang ditempel bersama judul kolomnya sendiri (Tahun 2022
    di atas Target dan Realisasi, atau Realisasi di atas 2021, 2022, 2023 (TW. II)) dibaca
    menurut tahun di judulnya.

    Contoh (Candipuro TW II 2023): realisasi 2023 ditulis 60% (itu capaiannya), di Capaian
    54,90%."""
    yield from ctx.diagnosed("PK008")

@rule("PK009", "error", "PK", "Target PK bertentangan dengan Capaian")
def pk_target_wrong(ctx: Context):
    """Target di PK berbeda dengan target indikator yang sama di Capaian, dan capaian yang
    dilaporkan (serta Perbandingan) dihitung dari target Capaian itu: yang salah ketik adalah
    target PK.

    Contoh: PK 95%, Capaian 90% dengan capaian 88,89% = 80 / 90 dan Perbandingan 90%.
    Seharusnya 90%."""
    yield from ctx.diagnosed("PK009")


@rule("PK010", "error", "PK Anggaran", "Anggaran PK bertentangan dengan JUMLAH-nya")
def pk_budget_row_wrong(ctx: Context):
    """Satu baris anggaran PK membuat JUMLAH tabel tidak cocok, sedangkan JUMLAH sesuai
    dengan baris-baris lain dan pagu di Anggaran. Yang salah adalah baris itu.

    Contoh: 20.000.000 + 35.000.000 dengan JUMLAH 50.000.000 dan pagu program 30.000.000.
    Seharusnya 30.000.000."""
    yield from ctx.diagnosed("PK010")
