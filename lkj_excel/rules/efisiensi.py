"""COP: cost per outcome and efisiensi."""

from __future__ import annotations

from ..model import EfisiensiRow
from ..relations.efisiensi import EFFICIENCY_TEXT  # noqa: E402,F401 - one definition
from . import rule
from .base import (
    Context,
    amount,
    amount_ok,
    rp,
    typed,
)


def row_key(r: EfisiensiRow) -> str:
    return (r.get("uraian").text or f"baris {r.row}")[:70]


@rule("COP001", "error", "Efisiensi", "Capaian anggaran salah hitung")
def budget_absorption(ctx: Context):
    """Capaian anggaran = Realisasi / Pagu x 100.

    Contoh (Senduro TW I 2023, sasaran 3): realisasinya 12.450.000 (kegiatannya, COP006)
    dari pagu 14.700.000: 12.450.000 / 14.700.000 x 100 = 84,69%, tertulis 0."""
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

    Contoh (Senduro): capaian anggaran 12% maka efisiensi 100% - 12% = 88%, tertulis 100%."""
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
        a = ctx.budget_match(r.get("kode"), r.get("uraian").text)
        if a is None:
            continue
        for key in ("pagu", "realisasi"):
            v = r.get(key)
            mine = ctx.truth(v, amount(v))
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


@rule("COP006", "error", "Efisiensi", "Pagu/realisasi sasaran tidak sama dengan kegiatannya")
def sasaran_sum(ctx: Context):
    """Pagu dan realisasi baris Sasaran harus sama dengan jumlah baris Kegiatan yang
    mendukungnya (kolom Untuk Sasaran No berisi nomor baris Sasaran itu). Seksi yang tidak
    punya tabel realisasi anggaran memakai baris Kegiatan ini sebagai anggarannya.

    Contoh (Senduro TW I 2023): sasaran 1 pagu 7.500.000 realisasi 600.000, didukung
    kegiatan 5 pagu 7.500.000 realisasi 900.000 (capaian anggaran keduanya 12% = 900.000 /
    7.500.000). Seharusnya 900.000."""
    yield from ctx.diagnosed("COP006")
