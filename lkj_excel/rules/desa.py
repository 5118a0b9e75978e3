"""DES: village documents (RKPDes, APBDes, LPPDes) and the indicator built on them."""

from __future__ import annotations

import datetime as dt

from ..calendar import quarter_end
from ..model import DesaRow
from ..parsing import format_date_id
from ..record import Record
from ..relations.capaian import doc_deadline as deadline_of
from ..relations.capaian import doc_earliest
from . import rule
from .base import Context, amount, num, typed

DOCS = ("rkpdes", "apbdes", "lppdes")
DOC_NAME = {"rkpdes": "RKPDes", "apbdes": "APBDes", "lppdes": "LPPDes"}

ON_TIME, LATE, NOT_DUE, MISSING = "tepat waktu", "terlambat", "belum jatuh tempo", "belum ada"


class DocStatus(Record):
    """A village document's typed status, its deadline and its date."""

    __slots__ = ("status", "deadline", "date")

    def __init__(self, status: str | None, deadline: dt.date, date: dt.date | None):
        self.status = status
        self.deadline = deadline
        self.date = date


def doc_deadline(ctx: Context, doc: str, year: int) -> dt.date:
    return deadline_of(ctx.settings, doc, year)


def _deadlines(ctx: Context, year: int, quarter: int) -> dict[str, tuple[dt.date, bool]]:
    """Each document's deadline for the report year and whether it has passed by the end
    of the quarter: worked out once for a check, not for every village and rule."""
    memo = ctx.__dict__.get("_desa_deadlines")
    if memo is None or memo[0] != (year, quarter):
        end = quarter_end(year, quarter)
        table = {}
        for doc in DOCS:
            deadline = doc_deadline(ctx, doc, year)
            table[doc] = (deadline, end >= deadline)
        memo = ctx.__dict__["_desa_deadlines"] = ((year, quarter), table)
    return memo[1]


def doc_status(ctx: Context, row: DesaRow, doc: str) -> DocStatus | None:
    """RKPDes of the year by 30 September; APBDes of the year by 31 December of the year
    before; LPPDes of the year before by 31 March. Not yet due in the quarter -> 'belum
    jatuh tempo'; due but no date -> 'belum ada'."""
    year, quarter = ctx.year, ctx.quarter
    if year is None or quarter is None:
        return None
    deadline, due = _deadlines(ctx, year, quarter)[doc]
    v = row.get(doc)
    if isinstance(v.value, str):  # "tepat waktu" typed where the report gives no date
        word = {"tepat waktu": ON_TIME, "terlambat": LATE}.get(v.value)
        return DocStatus(word or (MISSING if due else NOT_DUE), deadline, None)
    date = v.value if isinstance(v.value, dt.date) else None
    if typed(v) and date is None:
        return None  # unreadable: NIL002 reports it
    if date is None:
        return DocStatus(MISSING if due else NOT_DUE, deadline, None)
    return DocStatus(ON_TIME if date <= deadline else LATE, deadline, date)


def _statuses(ctx: Context, wanted: str):
    """(desa row, document, status) for every document whose status is ``wanted``. The
    statuses are worked out once for a check and shared by the rules that ask."""
    every = ctx.__dict__.get("_desa_statuses")
    if every is None:
        every = ctx.__dict__["_desa_statuses"] = [
            (r, doc, doc_status(ctx, r, doc)) for r in ctx.report.desa for doc in DOCS]
    for r, doc, st in every:
        if st and st.status == wanted:
            yield r, doc, st


@rule("DES001", "info", "Desa", "Dokumen desa terlambat")
def late_document(ctx: Context):
    """Dokumen desa ditetapkan setelah batas waktunya: RKPDes setelah 30 September tahun
    berjalan, APBDes setelah 31 Desember tahun sebelumnya, LPPDes setelah 31 Maret (batas dapat
    diubah di Pengaturan). Dokumen itu dihitung tidak tepat waktu dalam indikator. Catatan.

    Contoh: APBDes 2025 ditetapkan 6 Januari 2025, 6 hari setelah 31 Desember 2024."""
    for r, doc, st in _statuses(ctx, LATE):
        if st.date is None:
            continue  # "terlambat" typed: nothing to add
        v = r.get(doc)
        late = (st.date - st.deadline).days
        yield ctx.finding("DES001", v, row_key=r.get("desa").text, field=doc,
                          found=v.text, expected="", note=f"<= {format_date_id(st.deadline)}",
                          message=f"{DOC_NAME[doc]} desa {r.get('desa').text} ditetapkan "
                                  f"{format_date_id(st.date)}, {late} hari setelah batas "
                                  f"{format_date_id(st.deadline)}.")


@rule("DES002", "error", "Capaian", "Indikator dokumen desa tidak sesuai sheet Desa")
def indicator_disagrees(ctx: Context):
    """Indikator "rata-rata persentase desa yang menyusun dokumen administrasi
    pemerintahan desa tepat waktu" = (RKPDes + APBDes + LPPDes tepat waktu) / (desa x 3) x 100
    harus sesuai sheet Desa, untuk baris Capaian yang Sumber Datanya Desa: Pembilang, Penyebut
    dan Realisasi. Dokumen yang belum jatuh tempo dihitung belum tepat waktu, seperti di laporan:
    (0 + 0 + 10) / 30 = 33,33%. Laporan yang hanya menyebut jumlahnya ("10 desa LPPDes tepat
    waktu") ditulis satu baris 'Semua desa' dengan Jumlah Desa 10 dan "tepat waktu",
    "terlambat" atau "belum" di kolom tanggal; baris itu dihitung 10 desa.

    Contoh: 7 dokumen tepat waktu dari 4 desa x 3 = 12, pembilang tertulis 8."""
    yield from ctx.diagnosed("DES002")


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
                                  found=v.text, expected="", note=f"<= {format_date_id(rd)}",
                                  message=f"Tanggal {DOC_NAME[doc]} {format_date_id(v.value)} "
                                          f"setelah tanggal laporan {format_date_id(rd)}.")


@rule("DES004", "warning", "Desa", "Tanggal dokumen sebelum periodenya")
def before_period(ctx: Context):
    """Dokumen bertanggal sebelum periodenya: LPPDes melaporkan tahun sebelumnya,
    sehingga tidak dapat disampaikan pada atau sebelum 31 Desember tahun itu; APBDes tidak
    ditetapkan lebih dari setahun sebelum batasnya; RKPDes tahun berjalan tidak ditetapkan
    sebelum tahun itu dimulai.

    Contoh (Pronojiwo): LPPDes 2023 desa Sumberurip bertanggal 31 Desember 2023."""
    year = ctx.year
    if year is None:
        return
    earliest = {doc: doc_earliest(ctx.settings, doc, year) for doc in DOCS}
    for r in ctx.report.desa:
        for doc in DOCS:
            v = r.get(doc)
            if isinstance(v.value, dt.date) and v.value < earliest[doc]:
                yield ctx.finding("DES004", v, row_key=r.get("desa").text, field=doc,
                                  found=v.text, expected="", note=f">= {format_date_id(earliest[doc])}",
                                  message=f"{DOC_NAME[doc]} desa {r.get('desa').text} bertanggal "
                                          f"{format_date_id(v.value)}, sebelum periodenya "
                                          f"dimulai ({format_date_id(earliest[doc])}).")


@rule("DES005", "warning", "Identitas", "Jumlah desa berbeda dengan sheet Desa")
def desa_count(ctx: Context):
    """Jumlah desa di Identitas berbeda dengan banyaknya desa di sheet Desa, sehingga
    penyebut indikator diragukan.

    Contoh: Identitas 5 desa, sheet Desa memuat 4. Baris dengan Jumlah Desa dihitung
    sebanyak itu: satu baris 'Semua desa' dengan Jumlah Desa 10 adalah 10 desa (seed 004)."""
    v = ctx.report.identity.jumlah_desa
    n = sum(r.weight for r in ctx.report.desa if r.get("desa").text)
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
        if typed(v):
            continue  # "belum" typed: the report says so itself
        yield ctx.finding("DES006", v, row_key=r.get("desa").text, field=doc, found="",
                          expected="", note=f"<= {format_date_id(st.deadline)}",
                          message=f"{DOC_NAME[doc]} desa {r.get('desa').text} belum ada "
                                  f"padahal batasnya {format_date_id(st.deadline)}.")


def _window_dates(ctx: Context, doc: str, year: int) -> tuple[dt.date, dt.date] | None:
    w = ctx.settings.windows.get(doc)
    if w is None:
        return None
    (d1, m1), (d2, m2) = w
    wy = doc_deadline(ctx, doc, year).year

    start, end = clamped_date(wy, m1, d1), clamped_date(wy, m2, d2)
    if start > end:
        start = clamped_date(wy - 1, m1, d1)
    return start, end


def clamped_date(year: int, month: int, day: int) -> dt.date:
    """The date, its day held to the month's last: a window typed "... 31 Februari" or
    "... 31 Juni" ends on the month's last day, not with an error. The last day is the one
    before the 1st of the next month (the stdlib `calendar` would cost 2 ms of imports, with
    `locale`, in every check)."""
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day, last))


@rule("DES007", "info", "Desa", "Tanggal dokumen di luar tenggang pengumpulan")
def outside_window(ctx: Context):
    """Kantor dapat menyebut tenggang pengumpulan tiap dokumen di Pengaturan (misalnya
    "LPPDes Januari - Maret", "APBDes November - Desember"). Dokumen yang tanggalnya di luar
    tenggang itu diberi catatan: tanggal atau tenggangnya mungkin salah tulis. Tenggang jatuh
    pada tahun batas dokumennya.

    Contoh (Pronojiwo TW III 2024): tenggang RKPDes ditulis November - Desember 2024, tetapi
    RKPDes desa Sidomulyo ditetapkan 25 September 2024."""
    year = ctx.year
    if year is None or not ctx.settings.windows or not ctx.report.desa:
        return
    spans = {doc: _window_dates(ctx, doc, year) for doc in DOCS}  # the same for every desa
    for r in ctx.report.desa:
        for doc in DOCS:
            v = r.get(doc)
            span = spans[doc]
            if span is None or not isinstance(v.value, dt.date):
                continue
            start, end = span
            if start <= v.value <= end:
                continue
            text = f"{format_date_id(start)} - {format_date_id(end)}"
            yield ctx.finding("DES007", v, row_key=r.get("desa").text, field=doc,
                              found=v.text, expected="", note=text,
                              message=f"{DOC_NAME[doc]} desa {r.get('desa').text} bertanggal "
                                      f"{format_date_id(v.value)}, di luar tenggang "
                                      f"pengumpulan {text} (Pengaturan).")
