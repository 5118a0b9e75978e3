"""FAS: the Fasilitasi/koordinasi/rekomendasi checklist."""

from __future__ import annotations

from ..model import Report
from . import rule
from .base import Context, typed


def checklist_counts(report: Report) -> tuple[int, int]:
    """(activities ticked Terlaksana, all activities) of the checklist, a row with Jumlah
    Kegiatan counting as that many (seed 002: 3 of 3 + 8 + 2 = 13), as FAS001 counts."""
    rows = [r for r in report.fasilitasi if r.get("nama").text]
    return sum(r.weight for r in rows if r.done is True), sum(r.weight for r in rows)


@rule("FAS001", "error", "Capaian", "Realisasi fasilitasi tidak sesuai daftar")
def claim_disagrees(ctx: Context):
    """Indikator "persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti" =
    kegiatan Terlaksana / semua kegiatan x 100 harus sesuai daftar di sheet Fasilitasi, untuk
    baris Capaian yang Sumber Datanya Fasilitasi: Pembilang, Penyebut dan Realisasi.

    Baris dengan Jumlah Kegiatan dihitung sebanyak itu, untuk laporan yang hanya menyebut
    jumlahnya: "11 jenis fasilitasi dan 2 koordinasi, 3 terlaksana" = baris Terlaksana
    (Jumlah 3) dan baris Belum (Jumlah 8 dan 2): 3/13; "28 dari 51" dengan hanya 28 yang
    dirinci = 28 baris Terlaksana dan satu baris Belum berjumlah 23.

    Contoh (Pronojiwo TW III 2024): tertulis 31/36 = 86,11%, padahal yang dicentang 30 dari
    36: 30/36 = 83,33%."""
    yield from ctx.diagnosed("FAS001")


@rule("FAS002", "warning", "Fasilitasi", "Status fasilitasi tidak jelas")
def unclear_status(ctx: Context):
    """Kegiatan dalam daftar yang statusnya kosong atau bukan Terlaksana/Belum:
    dihitung belum terlaksana.

    Contoh salah: ``entah``, ``?``. Benar: ``Terlaksana`` atau ``Belum``."""
    for r in ctx.report.fasilitasi:
        v = r.get("status")
        if r.get("nama").text and v.value is None:
            yield ctx.finding("FAS002", v if v.cell else ("Fasilitasi", f"A{r.row}"),
                              row_key=r.get("nama").text[:70], field="status",
                              found=v.text if typed(v) else "", expected="",
                              note="Terlaksana atau Belum",
                              message=f"Status '{v.text}' untuk '{r.get('nama').text[:60]}' "
                                      "tidak dikenali; isi Terlaksana atau Belum.")
