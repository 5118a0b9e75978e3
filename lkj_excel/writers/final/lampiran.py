"""Lampiran Pemeriksaan: the title page of the check trail that follows the report. It
counts the findings (live, from the Temuan sheet), states the deadline and whether the
report met it, and lists the appendix sheets with links."""

from __future__ import annotations

import datetime as dt

from ...findings import Severity
from ...render import SEVERITY_WORD
from ..printlayout import Paper, PrintSheet
from . import page
from .common import Context, formula

WIDTHS = [26, 14, 52]
MEANING = {Severity.ERROR: "angka atau tanggal yang salah",
           Severity.WARNING: "kemungkinan salah atau tidak konsisten",
           Severity.INFO: "cara penulisan yang tidak merusak"}


def write(ctx: Context) -> None:
    ws = ctx.wb.get_worksheet_by_name(ctx.sheets["lampiran"])
    ps = PrintSheet(ws, WIDTHS, Paper(landscape=False), paged=False)
    st, s = ctx.styles, ctx.summary
    ws.merge_range(0, 0, 0, 2, "LAMPIRAN PEMERIKSAAN", st.title)
    ps.set_height(0, 20)
    sub = (f"Hasil pemeriksaan berkas isian '{ctx.source.name}' ({s.unit}, "
           f"{page.period_text(ctx)}). Lampiran ini bukan bagian dari laporan yang "
           "ditandatangani.")
    ws.merge_range(1, 0, 1, 2, sub, st.kop3)
    ps.fit(1, (sub, 0, 2), size=9)
    r = 3
    for c, h in enumerate(["Tingkat temuan", "Jumlah", "Artinya"]):
        ws.write_string(r, c, h, st.head)
    ps.set_height(r, 18)
    t = ctx.refs["temuan"]
    temuan = ctx.sheets["temuan"]
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        r += 1
        word = SEVERITY_WORD[sev]
        ws.write_string(r, 0, word, st.sev[sev])
        formula(ws, r, 1, f"=COUNTIF('{temuan}'!$B${t['first'] + 1}:$B${t['last'] + 1},"
                          f'"{word}")', st.amount, ctx.result.counts[sev.value])
        ws.write_string(r, 2, MEANING[sev], st.text)
        ps.set_height(r, 16)
    r += 2
    rows = [("Batas penyampaian", s.deadline), ("Tanggal laporan", s.report_date),
            ("Ketepatan waktu", "-" if s.on_time is None else (
                "Tepat waktu" if s.on_time else f"Terlambat {s.days_late} hari kerja"))]
    for label, value in rows:
        ws.write_string(r, 0, label, st.label)
        ws.merge_range(r, 1, r, 2, None, st.text)
        if isinstance(value, dt.date):
            ws.write_datetime(r, 1, dt.datetime(value.year, value.month, value.day), st.date)
        else:
            style = st.text
            if label == "Ketepatan waktu" and s.on_time is not None:
                style = st.good if s.on_time else st.late
            ws.write_string(r, 1, str(value), style)
        ps.set_height(r, 16)
        r += 1
    r += 1
    ws.write_string(r, 0, "Isi lampiran", st.section)
    ps.set_height(r, 18)
    r += 1
    items = [(temuan, "Setiap temuan dengan tautan ke selnya; dapat disaring per tingkat, "
                      "aturan atau sheet.")]
    items += [(ctx.sheet_out[name], "Sheet isian apa adanya, dengan tanda temuan.")
              for name in ctx.sheet_out]
    for name, what in items:
        quoted = name.replace("'", "''")
        ws.write_url(r, 0, f"internal:'{quoted}'!A1", st.link, string=name)
        ws.merge_range(r, 1, r, 2, what, st.text)
        ps.fit(r, (what, 1, 2))
        r += 1
    r += 1
    legend = ("Pada sheet isian, sel bermasalah diwarnai (merah: kesalahan, kuning: "
              "peringatan, biru: catatan) dan diberi komentar berisi pesan temuannya; kolom "
              "'Seharusnya' di kanan tabel memuat nilai yang benar pada baris yang sama.")
    ws.merge_range(r, 0, r, 2, legend, st.note)
    ps.fit(r, (legend, 0, 2))
    r += 2
    note = ("Laporan yang ditandatangani adalah sheet Ringkasan dan tabel laporan di depan "
            "lampiran ini. Saat berkas dibuka, sheet laporan sudah terpilih bersama, sehingga "
            "Cetak (Ctrl+P) dengan pilihan 'Cetak Sheet Aktif' mencetak laporan saja. Untuk "
            "berkas tanpa lampiran: lkj finalise BERKAS --tanpa-lampiran.")
    ws.merge_range(r, 0, r, 2, note, st.note)
    ps.fit(r, (note, 0, 2))
    ps.finish(header=f"{s.unit} - {page.period_text(ctx)}",
              footer_left="Lampiran Pemeriksaan")
