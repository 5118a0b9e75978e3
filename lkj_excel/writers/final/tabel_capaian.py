"""Tabel Capaian Kinerja: per indicator the target, realisasi, capaian (a live formula of
the two, by the indicator's polarity) and predikat, and the average capaian."""

from __future__ import annotations

from ...summary import graded
from . import page
from .common import Context, formula

WIDTHS = [5, 25, 34, 12, 12, 12, 12, 21]
TITLE = "Tabel Capaian Kinerja"
FORMULAS = {"R/T": "={e}/{d}", "2T-R": "=(2*{d}-{e})/{d}", "T/R": "={d}/{e}"}


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "capaian", WIDTHS, landscape=True)
    ws, st, s = ps.ws, ctx.styles, ctx.summary
    r = page.title(ps, ctx, TITLE.upper(), 0)
    heads = ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)",
             "Predikat", "Keterangan"]
    r = page.header_row(ps, ctx, r, heads)
    refs = []
    for ind in s.indicators:
        pct_unit = ind.unit == "%"
        num = st.pct if pct_unit else st.num
        name = ind.indikator or ind.sasaran
        ws.write_string(r, 0, ind.no, st.center)
        ws.write_string(r, 1, ind.sasaran, st.text)
        ws.write_string(r, 2, name, st.text)
        scale = 100 if pct_unit else 1
        for c, v, key in ((3, ind.target, "target"), (4, ind.realisasi, "realisasi")):
            if v is None:
                ws.write_string(r, c, "-", st.center)
            else:
                ws.write_number(r, c, v / scale,
                                num if pct_unit else st.measure(graded(ind.row.get(key), v)))
        cap_ref = None
        if ind.capaian is not None:
            d, e = f"D{r + 1}", f"E{r + 1}"
            formula(ws, r, 5, FORMULAS[ind.formula].format(d=d, e=e),
                    st.pct_by_decimals[ind.decimals],
                    ind.capaian / 100)
            cap_ref = f"F{r + 1}"
        else:
            ws.write_string(r, 5, "-", st.center)
        ws.write_string(r, 6, ind.predikat or "-", st.center)
        note = ind.note
        if ind.formula != "R/T":
            note = (note + "; " if note else "") + f"polaritas negatif, rumus {ind.formula}"
        if ind.unit and ind.unit != "%":
            note = (note + "; " if note else "") + f"satuan: {ind.unit}"
        ws.write_string(r, 7, note, st.text)
        ps.fit(r, (ind.sasaran, 1, 1), (name, 2, 2), (ind.predikat, 6, 6), (note, 7, 7))
        refs.append((ind, r, cap_ref))
        r += 1
    avg_ref = None
    caps = [ref for _, _, ref in refs if ref]
    if not refs:
        ws.merge_range(r, 0, r, len(WIDTHS) - 1,
                       "Tidak ada data capaian kinerja pada laporan ini.", st.no_data)
        ps.set_height(r, 20)
        r += 1
    elif caps:
        ws.merge_range(r, 0, r, 4, "Rata-rata capaian", st.total_text)
        formula(ws, r, 5, f"=AVERAGE({','.join(caps)})", st.total_pct, s.average / 100)
        ws.write_string(r, 6, s.average_predikat or "-", st.total_text)
        ws.write_blank(r, 7, None, st.total_text)
        ps.fit(r, (s.average_predikat, 6, 6), bold=True)
        avg_ref = f"F{r + 1}"
        r += 1
    ctx.refs["capaian"] = {"rows": refs, "avg": avg_ref}
    page.signature(ps, ctx, r + 2, keep_from=r - 2)
    page.finish(ps, ctx, TITLE)
