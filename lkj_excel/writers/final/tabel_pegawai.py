"""Tabel Kepegawaian: staff counted from the Pegawai sheet by education and status, by
golongan, by eselon and by leadership training, each with a live total. A table the report
typed itself (sheet Rekap Pegawai) is shown instead, at its corrected values
(summary.personnel_figures)."""

from __future__ import annotations

from ...model import col_letter
from ...summary import EDU_ORDER, GOL_ORDER, STATUS_ORDER, personnel_figures
from . import page
from .common import Context, formula

WIDTHS = [5, 24, 10, 10, 10, 11, 10, 10]
TITLE = "Tabel Kepegawaian"


def _head(ps, ctx: Context, r: int, heads: list[str]) -> None:
    for c, h in enumerate(heads):
        ps.ws.write_string(r, c, h, ctx.styles.head)
    ps.fit(r, *((h, c, c) for c, h in enumerate(heads)), bold=True, min_pt=27)


def write(ctx: Context) -> None:
    ps = page.sheet(ctx, "pegawai", WIDTHS, landscape=False)
    ws, st = ps.ws, ctx.styles
    counts = personnel_figures(ctx.summary.result)
    typed = counts["dari_rekap"]
    source = "dihitung dari sheet Pegawai" if not typed else \
        "dari sheet Rekap Pegawai, setelah dikoreksi" if len(typed) == 4 or not \
        ctx.report.pegawai else \
        f"tabel {', '.join(t.lower() for t in typed)} dari sheet Rekap Pegawai, setelah " \
        "dikoreksi; lainnya dihitung dari sheet Pegawai"
    r = page.title(ps, ctx, TITLE.upper(), 0,
                   f"{ctx.summary.unit} - {page.period_text(ctx)} ({source})")
    # by pendidikan x status
    edu = counts["pendidikan"]
    keys = [k for k in (*EDU_ORDER, "Lainnya") if k in edu]
    start = r
    _head(ps, ctx, r, ["No", "Pendidikan", *STATUS_ORDER, "Jumlah", "%"])
    first = r + 1
    total_people = sum(sum(v.values()) for v in edu.values())
    tot_ref = f"$G${first + len(keys) + 1}"
    for i, key in enumerate(keys):
        r += 1
        ws.write_number(r, 0, i + 1, st.center)
        ws.write_string(r, 1, key, st.text)
        for j, status in enumerate(STATUS_ORDER):
            ws.write_number(r, 2 + j, edu[key][status], st.amount)
        n = sum(edu[key].values())
        formula(ws, r, 6, f"=SUM(C{r + 1}:F{r + 1})", st.amount, n)
        formula(ws, r, 7, f'=IF({tot_ref}=0,"",G{r + 1}/{tot_ref})', st.pct,
                n / total_people if total_people else "")
        ps.set_height(r, 16)
    r += 1
    ws.write_blank(r, 0, None, st.total_text)
    ws.write_string(r, 1, "Jumlah", st.total_text)
    for j in range(5):
        letter = col_letter(2 + j)
        val = total_people if j == 4 else sum(edu[k][STATUS_ORDER[j]] for k in edu)
        formula(ws, r, 2 + j, f"=SUM({letter}{first + 1}:{letter}{r})", st.total_amount, val)
    formula(ws, r, 7, f'=IF(G{r + 1}=0,"",G{r + 1}/G{r + 1})', st.total_pct,
            1 if total_people else "")
    ps.set_height(r, 16)
    ps.keep(start, r)
    # by golongan
    r += 2
    start = r
    _head(ps, ctx, r, ["No", "Golongan", "PNS", "CPNS", "Jumlah"])
    first = r + 1
    gol = counts["golongan"]
    for i, g in enumerate(GOL_ORDER):
        r += 1
        ws.write_number(r, 0, i + 1, st.center)
        ws.write_string(r, 1, f"Golongan {g}", st.text)
        ws.write_number(r, 2, gol[g]["PNS"], st.amount)
        ws.write_number(r, 3, gol[g]["CPNS"], st.amount)
        formula(ws, r, 4, f"=C{r + 1}+D{r + 1}", st.amount, sum(gol[g].values()))
        ps.set_height(r, 16)
    r += 1
    ws.write_blank(r, 0, None, st.total_text)
    ws.write_string(r, 1, "Jumlah", st.total_text)
    for j, letter in enumerate("CDE"):
        val = sum(sum(v.values()) for v in gol.values()) if j == 2 else \
            sum(v[("PNS", "CPNS")[j]] for v in gol.values())
        formula(ws, r, 2 + j, f"=SUM({letter}{first + 1}:{letter}{r})", st.total_amount, val)
    ps.set_height(r, 16)
    ps.keep(start, r)
    # by eselon and diklat
    for title, data in (("Eselon", counts["eselon"]), ("Diklat PIM", counts["diklat"])):
        r += 2
        start = r
        _head(ps, ctx, r, ["No", title, "Jumlah"])
        first = r + 1
        for i, (k, v) in enumerate(data.items()):
            r += 1
            ws.write_number(r, 0, i + 1, st.center)
            ws.write_string(r, 1, k, st.text)
            ws.write_number(r, 2, v, st.amount)
            ps.set_height(r, 16)
        r += 1
        ws.write_blank(r, 0, None, st.total_text)
        ws.write_string(r, 1, "Jumlah", st.total_text)
        formula(ws, r, 2, f"=SUM(C{first + 1}:C{r})", st.total_amount, sum(data.values()))
        ps.set_height(r, 16)
        ps.keep(start, r)
    page.signature(ps, ctx, r + 3, keep_from=r)
    page.finish(ps, ctx, TITLE)
