"""DES: village documents (RKPDes, APBDes, LPPDes) and the indicator built on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendar import quarter_end
from ..model import DesaRow
from ..parsing import format_date_id
from . import rule
from .base import Context, amount, num, pct, pct_status, typed

DOCS = ("rkpdes", "apbdes", "lppdes")
DOC_NAME = {"rkpdes": "RKPDes", "apbdes": "APBDes", "lppdes": "LPPDes"}

ON_TIME, LATE, NOT_DUE, MISSING = "tepat waktu", "terlambat", "belum jatuh tempo", "belum ada"


@dataclass(frozen=True)
class DocStatus:
    status: str | None
    deadline: dt.date
    date: dt.date | None


def doc_deadline(ctx: Context, doc: str, year: int) -> dt.date:
    s = ctx.settings
    if doc == "rkpdes":
        d, m = s.rkpdes_deadline
        return dt.date(year, m, d)
    if doc == "apbdes":
        d, m = s.apbdes_deadline
        return dt.date(year - 1, m, d)
    d, m = s.lppdes_deadline
    return dt.date(year, m, d)


def doc_status(ctx: Context, row: DesaRow, doc: str) -> DocStatus | None:
    """RKPDes of the year by 30 September; APBDes of the year by 31 December of the year
    before; LPPDes of the year before by 31 March. Not yet due in the quarter -> 'belum
    jatuh tempo'; due but no date -> 'belum ada'."""
    ident = ctx.report.identity
    if ident.year is None or ident.quarter is None:
        return None
    deadline = doc_deadline(ctx, doc, ident.year)
    v = row.get(doc)
    date = v.value if isinstance(v.value, dt.date) else None
    if typed(v) and date is None:
        return None  # unreadable: NIL002 reports it
    due = quarter_end(ident.year, ident.quarter) >= deadline
    if date is None:
        return DocStatus(MISSING if due else NOT_DUE, deadline, None)
    return DocStatus(ON_TIME if date <= deadline else LATE, deadline, date)


def _statuses(ctx: Context, wanted: str):
    """(desa row, document, status) for every document whose status is ``wanted``."""
    for r in ctx.report.desa:
        for doc in DOCS:
            st = doc_status(ctx, r, doc)
            if st and st.status == wanted:
                yield r, doc, st


def desa_indicator(ctx: Context) -> tuple[int, int] | None:
    """(documents on time, desa x 3) over the Desa sheet."""
    rows = [r for r in ctx.report.desa if r.get("desa").text]
    if not rows:
        return None
    on_time = 0
    for r in rows:
        for doc in DOCS:
            st = doc_status(ctx, r, doc)
            if st is not None and st.status == ON_TIME:
                on_time += 1
    return on_time, len(rows) * 3


@rule("DES001", "info", "Desa", "Dokumen desa terlambat")
def late_document(ctx: Context):
    """Dokumen desa ditetapkan setelah batas waktunya: RKPDes setelah 30 September tahun
    berjalan, APBDes setelah 31 Desember tahun sebelumnya, LPPDes setelah 31 Maret (batas dapat
    diubah di Pengaturan). Dokumen itu dihitung tidak tepat waktu dalam indikator. Catatan.

    Contoh: APBDes 2025 ditetapkan 6 Januari 2025, 6 hari setelah 31 Desember 2024."""
    for r, doc, st in _statuses(ctx, LATE):
        v = r.get(doc)
        late = (st.date - st.deadline).days
        yield ctx.finding("DES001", v, row_key=r.get("desa").text, field=doc,
                          found=v.text, expected=f"<= {format_date_id(st.deadline)}",
                          message=f"{DOC_NAME[doc]} desa {r.get('desa').text} ditetapkan "
                                  f"{format_date_id(st.date)}, {late} hari setelah batas "
                                  f"{format_date_id(st.deadline)}.")


@rule("DES002", "error", "Capaian", "Indikator dokumen desa tidak sesuai sheet Desa")
def indicator_disagrees(ctx: Context):
    """Indikator "rata-rata persentase desa yang menyusun dokumen administrasi
    pemerintahan desa tepat waktu" = (RKPDes + APBDes + LPPDes tepat waktu) / (desa x 3) x 100
    harus sesuai sheet Desa, untuk baris Capaian yang Sumber Datanya Desa: Pembilang, Penyebut
    dan Realisasi. Dokumen yang belum jatuh tempo dihitung belum tepat waktu, seperti di laporan:
    (0 + 0 + 10) / 30 = 33,33%.

    Contoh: 7 dokumen tepat waktu dari 4 desa x 3 = 12, pembilang tertulis 8."""
    res = desa_indicator(ctx)
    if res is None:
        return
    yield from derived_findings(ctx, "DES002", "Desa", res[0], res[1],
                                "dokumen tepat waktu", "desa x 3 dokumen")


def derived_findings(ctx: Context, code: str, source: str, done: float, total: float,
                     done_what: str, total_what: str):
    """Compare a Capaian row derived from another sheet with that sheet's count."""
    from .capaian import row_key

    exact = done / total * 100
    for c in ctx.report.capaian_rows:
        if c.row not in ctx.derived or ctx.derived[c.row][2] != source:
            continue
        cause = None
        for key, exp, what in (("pembilang", done, done_what), ("penyebut", total, total_what)):
            v = c.get(key)
            got = amount(v)
            if typed(v) and got is not None and abs(got - exp) > 1e-9:
                cause = cause or v.where
                yield ctx.finding(code, v, row_key=row_key(c), field=key, found=v.text,
                                  expected=num(exp),
                                  message=f"{key.capitalize()} {num(got)} tidak sesuai sheet "
                                          f"{source}: {num(exp)} {what}.")
        v = c.get("realisasi")
        p = v.parsed
        if typed(v) and p is not None and getattr(p, "value", None) is not None and \
                pct_status(p, exact, ctx.settings.tolerance_points) != "ok":
            msg = (f"Realisasi {v.text} seharusnya {pct(exact)} menurut sheet {source} "
                   f"({num(done)} {done_what} dari {num(total)}).")
            yield ctx.finding(code, v, row_key=row_key(c), field="realisasi", found=v.text,
                              expected=pct(exact), message=msg, cause=cause)


@rule("DES003", "error", "Desa", "Tanggal dokumen setelah tanggal laporan")
def after_report(ctx: Context):
    """Dokumen desa bertanggal setelah tanggal laporan: laporan belum dapat
    mengetahuinya.

    Contoh: laporan 10 April 2025, LPPDes 20 April 2025."""
    rd = ctx.report.identity.report_date
    if rd is None:
        return
    for r in ctx.report.desa:
        for doc in DOCS:
            v = r.get(doc)
            if isinstance(v.value, dt.date) and v.value > rd:
                yield ctx.finding("DES003", v, row_key=r.get("desa").text, field=doc,
                                  found=v.text, expected=f"<= {format_date_id(rd)}",
                                  message=f"Tanggal {DOC_NAME[doc]} {format_date_id(v.value)} "
                                          f"setelah tanggal laporan {format_date_id(rd)}.")


@rule("DES004", "warning", "Desa", "Tanggal dokumen sebelum periodenya")
def before_period(ctx: Context):
    """Dokumen bertanggal sebelum periodenya: LPPDes melaporkan tahun sebelumnya,
    sehingga tidak dapat disampaikan pada atau sebelum 31 Desember tahun itu; APBDes tidak
    ditetapkan lebih dari setahun sebelum batasnya; RKPDes tahun berjalan tidak ditetapkan
    sebelum tahun itu dimulai.

    Contoh (Pronojiwo): LPPDes 2023 desa Sumberurip bertanggal 31 Desember 2023."""
    year = ctx.report.identity.year
    if year is None:
        return
    earliest = {"lppdes": dt.date(year, 1, 1), "apbdes": dt.date(year - 1, 1, 1),
                "rkpdes": dt.date(year, 1, 1)}
    for r in ctx.report.desa:
        for doc in DOCS:
            v = r.get(doc)
            if isinstance(v.value, dt.date) and v.value < earliest[doc]:
                yield ctx.finding("DES004", v, row_key=r.get("desa").text, field=doc,
                                  found=v.text, expected=f">= {format_date_id(earliest[doc])}",
                                  message=f"{DOC_NAME[doc]} desa {r.get('desa').text} bertanggal "
                                          f"{format_date_id(v.value)}, sebelum periodenya "
                                          f"dimulai ({format_date_id(earliest[doc])}).")


@rule("DES005", "warning", "Identitas", "Jumlah desa berbeda dengan sheet Desa")
def desa_count(ctx: Context):
    """Jumlah desa di Identitas berbeda dengan banyaknya desa di sheet Desa, sehingga
    penyebut indikator diragukan.

    Contoh: Identitas 5 desa, sheet Desa memuat 4."""
    v = ctx.report.identity.jumlah_desa
    n = len([r for r in ctx.report.desa if r.get("desa").text])
    got = amount(v)
    if not n or got is None or got == n:
        return
    yield ctx.finding("DES005", v, row_key="jumlah desa", field="jumlah_desa", found=v.text,
                      expected=str(n),
                      message=f"Jumlah desa {num(got)} di Identitas, tetapi sheet Desa memuat "
                              f"{n} desa.")


@rule("DES006", "info", "Desa", "Dokumen sudah jatuh tempo tetapi belum ada")
def missing_document(ctx: Context):
    """Dokumen yang batasnya sudah lewat pada akhir triwulan laporan belum bertanggal:
    dihitung tidak tepat waktu. (Dokumen yang belum jatuh tempo tidak dilaporkan.) Catatan.

    Contoh (Pronojiwo TW III 2024): APBDes 2024 (batas 31 Desember 2023) kosong untuk
    keenam desa."""
    for r, doc, st in _statuses(ctx, MISSING):
        v = r.get(doc)
        yield ctx.finding("DES006", v, row_key=r.get("desa").text, field=doc, found="",
                          expected=f"<= {format_date_id(st.deadline)}",
                          message=f"{DOC_NAME[doc]} desa {r.get('desa').text} belum ada "
                                  f"padahal batasnya {format_date_id(st.deadline)}.")
