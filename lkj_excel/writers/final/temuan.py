"""Temuan (appendix): every finding with a link to its cell, filterable. What was typed
("Tertulis") is quoted the Indonesian way, as the CSV for Excel does."""

from __future__ import annotations

from ...findings import Severity, cell_sort_key
from ...render import SEVERITY_WORD, shown_found, typed_values
from ..printlayout import Paper, PrintSheet
from . import page
from .common import Context

WIDTHS = [5, 11, 8, 12, 8, 18, 18, 58]
HEADS = ["No", "Tingkat", "Aturan", "Sheet", "Sel", "Tertulis", "Seharusnya", "Pesan"]
HEADER_ROW = 3


def write(ctx: Context) -> None:
    ws = ctx.wb.get_worksheet_by_name(ctx.sheets["temuan"])
    ps = PrintSheet(ws, WIDTHS, Paper(landscape=True), paged=False)
    st, s = ctx.styles, ctx.summary
    head = f"Temuan Pemeriksaan: {s.unit}, {page.period_text(ctx)}"
    ws.write_string(0, 0, head, st.input_title)
    ps.set_height(0, 22)
    counts = ctx.result.counts
    ws.write_string(1, 0, f"{counts['error']} kesalahan, {counts['warning']} peringatan, "
                          f"{counts['info']} catatan. Klik alamat sel untuk menuju selnya.",
                    st.input_hint)
    ps.set_height(1, 16)
    for c, h in enumerate(HEADS):
        ws.write_string(HEADER_ROW, c, h, st.input_head)
    ps.set_height(HEADER_ROW, 20)
    ps.repeat_rows(HEADER_ROW)
    values = typed_values(ctx.report, ctx.findings)
    findings = sorted(ctx.findings,
                      key=lambda f: (f.severity.rank, f.sheet, cell_sort_key(f.cell), f.rule))
    r = HEADER_ROW
    for i, f in enumerate(findings):
        r = HEADER_ROW + 1 + i
        found = shown_found(f, values)
        ws.write_number(r, 0, i + 1, st.text)
        ws.write_string(r, 1, SEVERITY_WORD[f.severity], st.sev[f.severity])
        ws.write_string(r, 2, f.rule, st.text)
        shown = ctx.sheet_out.get(f.sheet, f.sheet if f.sheet != "*" else "(umum)")
        ws.write_string(r, 3, shown, st.text)
        if f.cell and f.sheet in ctx.sheet_out:
            first = f.cell.split(":")[0]
            quoted = shown.replace("'", "''")
            ws.write_url(r, 4, f"internal:'{quoted}'!{first}", st.link, string=f.cell,
                         tip=f"Buka {shown}!{f.cell}")
        else:
            ws.write_string(r, 4, f.cell or "-", st.text)
        ws.write_string(r, 5, found, st.text)
        # a bound that no single value satisfies ("<= 7 Juli 2023") is shown as it is
        should = f.expected or f.note
        ws.write_string(r, 6, should, st.text)
        ws.write_string(r, 7, f.message, st.text)
        ps.fit(r, (shown, 3, 3), (found, 5, 5), (should, 6, 6), (f.message, 7, 7))
    last = max(r, HEADER_ROW + 1)
    ws.autofilter(HEADER_ROW, 0, last, len(HEADS) - 1)
    ws.freeze_panes(HEADER_ROW + 1, 0)
    ctx.refs["temuan"] = {"first": HEADER_ROW + 1, "last": last}
    ps.finish(header=f"{s.unit} - {page.period_text(ctx)}", footer_left="Lampiran: Temuan")


__all__ = ["write", "Severity"]
