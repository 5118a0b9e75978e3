"""COP: cost per outcome and efisiensi."""

from __future__ import annotations

from ..model import EfisiensiRow
from ..parsing import Number
from . import rule
from .base import (
    Context,
    amount,
    amount_ok,
    best_match,
    measure,
    pct,
    pct_status,
    rp,
    typed,
    units_compatible,
)

EFFICIENCY_TEXT = {
    "100-penyerapan": "100% - capaian anggaran",
    "kinerja/anggaran": "capaian kinerja / capaian anggaran x 100",
    "kinerja-anggaran": "capaian kinerja - capaian anggaran",
}


def row_key(r: EfisiensiRow) -> str:
    return (r.get("uraian").text or f"baris {r.row}")[:70]


def budget_pct(r: EfisiensiRow) -> float | None:
    pagu, real = amount(r.get("pagu")), amount(r.get("realisasi"), True)
    if not pagu or real is None or not typed(r.get("pagu")):
        return None
    return real / pagu * 100


def performance_pct(r: EfisiensiRow) -> float | None:
    t, tu = measure(r.get("target"))
    rv, ru = measure(r.get("realisasi_kinerja"))
    if t and rv is not None and units_compatible(tu, ru):
        return rv / t * 100
    p = r.get("capaian_kinerja").parsed
    return p.value if isinstance(p, Number) else None


def efficiency(formula: str, anggaran: float | None, kinerja: float | None) -> float | None:
    if formula == "100-penyerapan":
        return None if anggaran is None else 100 - anggaran
    if anggaran is None or kinerja is None:
        return None
    if formula == "kinerja/anggaran":
        return kinerja / anggaran * 100 if anggaran else None
    return kinerja - anggaran


def _pct_rule(ctx: Context, code: str, r: EfisiensiRow, key: str, exact: float | None,
              how: str):
    v = r.get(key)
    p = v.parsed
    if exact is None or not typed(v) or not isinstance(p, Number) or p.value is None:
        return
    status = pct_status(p, exact, ctx.settings.tolerance_points)
    if status == "ok":
        return
    yield ctx.finding(code, v, row_key=row_key(r), field=key, found=v.text, expected=pct(exact),
                      severity="info" if status == "truncated" else None,
                      message=f"{v.text} seharusnya {pct(exact)} ({how}).")


@rule("COP001", "error", "Efisiensi", "Capaian anggaran salah hitung")
def budget_absorption(ctx: Context):
    """Capaian anggaran = Realisasi / Pagu x 100.

    Contoh (Senduro TW I 2023): 600.000 / 7.500.000 x 100 = 8%, tertulis 12%."""
    yield from ctx.diagnosed("COP001")
    yield from ctx.truncated("COP001")


@rule("COP002", "error", "Efisiensi", "Capaian kinerja salah hitung")
def performance(ctx: Context):
    """Capaian kinerja = R / T x 100 (realisasi kinerja dibagi target kinerja).

    Contoh: T 90%, R 80%: 88,89%; tertulis 90%."""
    yield from ctx.diagnosed("COP002")
    yield from ctx.truncated("COP002")


@rule("COP003", "error", "Efisiensi", "Efisiensi tidak sesuai rumus")
def efficiency_wrong(ctx: Context):
    """Efisiensi menurut rumus yang dipilih di Pengaturan, disebut di setiap pesan.
    Tidak ada rumus nasional tunggal; bawaannya rumus yang dipakai laporan, 100% - capaian
    anggaran. Pilihan lain: capaian kinerja / capaian anggaran x 100, capaian kinerja - capaian
    anggaran.

    Contoh (Senduro): capaian anggaran 8% maka efisiensi 100% - 8% = 92%, tertulis 100%."""
    yield from ctx.diagnosed("COP003")
    yield from ctx.truncated("COP003")


@rule("COP004", "warning", "Efisiensi", "Pagu/realisasi berbeda dengan sheet Anggaran")
def differs_from_anggaran(ctx: Context):
    """Pagu dan realisasi pada tabel cost per outcome harus sama dengan program,
    kegiatan atau sub kegiatan yang sama di sheet Anggaran (dicocokkan menurut kode, atau
    nama).

    Contoh: Efisiensi realisasi 6.000.000, Anggaran 7.01.02 realisasi 5.000.000."""
    if not ctx.budget_rows:
        return
    for r in ctx.report.efisiensi:
        code = r.get("kode").value
        a = ctx.budget_by_code.get(code) if code else None
        if a is None and r.get("uraian").text:
            a = best_match(r.get("uraian").text, ctx.budget_names, 0.85)
        if a is None:
            continue
        for key in ("pagu", "realisasi"):
            v = r.get(key)
            mine = amount(v)
            default = ctx.pagu_of(a) if key == "pagu" else amount(a.get("realisasi"), True)
            theirs = ctx.truth(a.get(key), default)
            if not typed(v) or mine is None or theirs is None:
                continue
            if not amount_ok(mine, theirs, ctx.settings.tolerance_rupiah):
                yield ctx.finding("COP004", v, row_key=row_key(r), field=key, found=v.text,
                                  expected="", note=f"{key} di Anggaran {rp(theirs)}",
                                  message=f"{key.capitalize()} {rp(mine)} berbeda dengan "
                                          f"{rp(theirs)} di {a.get(key).where}.")

@rule("COP005", "error", "Efisiensi", "Pagu atau realisasi bertentangan dengan capaian anggaran")
def efisiensi_input_wrong(ctx: Context):
    """Pagu atau realisasi pada tabel cost per outcome bertentangan dengan capaian
    anggaran dan efisiensi yang dihitung darinya, sedangkan keduanya saling cocok: yang salah
    ketik adalah sel ini.

    Contoh: pagu 8.000.000, realisasi 600.000, capaian anggaran 8% dan efisiensi 92%.
    Seharusnya pagu 7.500.000."""
    yield from ctx.diagnosed("COP005")
