"""FAS: the Fasilitasi/koordinasi/rekomendasi checklist."""

from __future__ import annotations

from ..model import Report
from . import rule
from .base import Context, typed
from .desa import derived_findings


def checklist_counts(report: Report) -> tuple[int, int]:
    """(items ticked Terlaksana, all items) of the checklist."""
    rows = [r for r in report.fasilitasi if r.get("nama").text]
    return sum(1 for r in rows if r.done is True), len(rows)


@rule("FAS001", "error", "Capaian", "Realisasi fasilitasi tidak sesuai daftar")
def claim_disagrees(ctx: Context):
    """The indicator "persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti" =
    items Terlaksana / all items x 100 must agree with the Fasilitasi checklist, for the
    Capaian row whose Sumber Data is Fasilitasi: its Pembilang, Penyebut and Realisasi.

    Wrong (Pronojiwo TW III 2024): 31/36 = 86,11% written, but 30 of the 36 items are
    ticked: 30/36 = 83,33%.
    """
    done, total = checklist_counts(ctx.report)
    if not total:
        return
    yield from derived_findings(ctx, "FAS001", "Fasilitasi", done, total,
                                "kegiatan terlaksana", "kegiatan")


@rule("FAS002", "warning", "Fasilitasi", "Status fasilitasi tidak jelas")
def unclear_status(ctx: Context):
    """An item of the checklist whose status is empty or not one of Terlaksana / Belum: it
    is counted as not done."""
    for r in ctx.report.fasilitasi:
        v = r.get("status")
        if r.get("nama").text and v.value is None:
            yield ctx.finding("FAS002", v if v.cell else ("Fasilitasi", f"A{r.row}"),
                              row_key=r.get("nama").text[:70], field="status",
                              found=v.text if typed(v) else "", expected="Terlaksana atau Belum",
                              message=f"Status '{v.text}' untuk '{r.get('nama').text[:60]}' "
                                      "tidak dikenali; isi Terlaksana atau Belum.")
