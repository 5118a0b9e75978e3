"""PGT: the Pengaturan sheet itself."""

from __future__ import annotations

from . import rule
from .base import Context


@rule("PGT001", "warning", "Pengaturan", "Pengaturan tidak dapat dipakai")
def setting_not_used(ctx: Context):
    """Nilai di sheet Pengaturan yang di luar rentangnya atau tidak terbaca tidak dipakai:
    pemeriksaan memakai nilai bawaannya, dan temuan ini menyebutnya agar tidak diabaikan
    diam-diam. Rentang: batas hari kerja 0-60, toleransi 0-1 poin persen, toleransi rupiah
    0-1.000; rumus harus salah satu pilihan; batas dokumen desa berbentuk tanggal-bulan.
    Laporan yang diperiksa dengan pengaturan kantor (--pengaturan) tidak memakai sheet ini.

    Contoh: Batas Hari Kerja Penyampaian diisi 90 -> di luar rentang 0-60 hari kerja;
    dipakai nilai bawaan 5, sehingga laporan yang terlambat tetap disebut terlambat."""
    s = ctx.settings
    for key, cell, message in s.problems:
        v = s.cells.get(key)
        sheet = v.sheet if v is not None else "Pengaturan"
        yield ctx.finding("PGT001", (sheet, cell), row_key=key, field=key,
                          found=v.display if v is not None else "",
                          expected="nilai dalam rentang", message=message)
