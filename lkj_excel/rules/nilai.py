"""NIL: values that cannot be read as what their column holds, in any sheet."""

from __future__ import annotations

from ..model import Addresses, Value, row_number
from ..parsing import CellError, DateValue, Number
from . import rule
from .base import Context, rp
from .diagnosed import notation, shown


def locate(ctx: Context, v) -> tuple[str, str]:
    """(row key, field) of a cell as every other finding names them: a budget row by its
    code (7.01.01.2.07.0006) and the column key (pagu), an indicator by its name, an
    Identitas field by its label; else the cell address and "angka"."""
    index = ctx.__dict__.get("_nil_index")
    if index is None:
        index = ctx.__dict__["_nil_index"] = _cell_index(
            ctx, Addresses({(u.sheet, u.cell) for u in ctx.unusual_values}))
    return index.get((v.sheet, v.cell), (v.where, "angka"))


def _cell_index(ctx: Context, at: Addresses) -> dict:
    """(sheet, cell) -> (row key, field) of the cells at the addresses ``at`` (the NIL
    rules ask only of the unusual values: no address made, no key, for the million others
    of a large table)."""
    from ..layout import IDENTITAS
    from .anggaran import row_key as ang_key
    from .capaian import row_key as cap_key
    from .efisiensi import row_key as cop_key
    from .pk import pk_key

    rep = ctx.report
    out: dict = {}

    # a row holds the cells of its own sheet: a table on a sheet without such a cell is
    # not walked (Pronojiwo's one irregular pagu asked every cell of eight other tables)
    sheets = {sheet for sheet, _ in at.wanted}

    def add(rows, key_of):
        for r in rows:
            if r.sheet in sheets:
                for field, v in at.among(r.cells.items()):
                    out[(v.sheet, v.cell)] = (key_of(r), field)

    # a budget row holds the cells of its own Excel row: only those rows are asked (the
    # table is held by column, and the others make no Values)
    rows_at = {row_number(cell) for _, cell in at.wanted}
    add([r for r in rep.anggaran if r.row in rows_at], ang_key)
    add(rep.capaian, cap_key)
    add(rep.efisiensi, cop_key)
    add(rep.pk, pk_key)
    add(rep.pk_budget, lambda r: (r.get("uraian").text or f"baris {r.row}")[:70])
    for rows, name in ((rep.desa, "desa"), (rep.perbandingan, "indikator"),
                       (rep.pegawai, "nama"), (rep.fasilitasi, "nama")):
        add(rows, lambda r, _n=name: (r.get(_n).text or f"baris {r.row}")[:70])
    ident = rep.identity
    for f in IDENTITAS.fields:
        key = f.key
        if key.startswith(("pelapor_", "atasan_")):
            who, attr = key.split("_", 1)
            v = getattr(getattr(ident, who), attr)
        else:
            v = getattr(ident, key, None)
        if v is not None and v in at:
            out[(v.sheet, v.cell)] = (f.label, key)
    return out


@rule("NIL001", "error", "*", "Teks di sel angka")
def text_in_number_cell(ctx: Context):
    """Sel pada kolom angka (pagu, realisasi, target, persen, ...) berisi teks yang bukan
    angka, sehingga tidak ada yang dapat dihitung darinya. Berkas dianggap tidak dapat dipakai
    sepenuhnya (kode keluar 2).

    Mengapa penting: jumlah atau persentase yang bergantung pada sel itu tidak dapat diperiksa.

    Teks di sel persen atau rupiah adalah teks, bukan angka yang salah: ``1 Jan s/d Maret
    2023`` di kolom Efisiensi disebut di sini (bukan COP003 "seharusnya 75%"). Temuan menyebut
    baris dan kolomnya seperti temuan lain di tabel itu (kode anggaran dan "realisasi").

    Contoh salah: ``dua juta``, ``1.500.000 rupiah``. Benar: ``2.000.000``. Tanda ``-`` berarti
    tidak ada realisasi dan diterima."""
    for v in ctx.unusual_values:
        p = v.parsed
        if isinstance(p, Number) and p.error:
            key, fld = locate(ctx, v)
            yield ctx.finding(
                "NIL001", v, row_key=key, field=fld, found=v.text, expected="",
                note="angka",
                message=f"Sel {v.where} berisi '{v.text}' yang bukan angka ({p.error}); tulis "
                        "angkanya saja, misalnya 1.500.000 atau 24,14%.")


@rule("NIL002", "error", "*", "Tanggal tidak ada atau tidak terbaca")
def impossible_date(ctx: Context):
    """Sel tanggal berisi tanggal yang tidak ada (31 Februari 2024) atau teks yang bukan
    tanggal. lkj tidak pernah menggeser tanggal seperti itu ke hari terdekat. Berkas dianggap
    tidak dapat dipakai sepenuhnya (kode keluar 2).

    Contoh salah: ``31 Februari 2024``, ``31/13/2024``, ``akhir Maret``.
    Benar: ``29 Februari 2024``, ``31/03/2024``, ``2024-03-31``."""
    for v in ctx.unusual_values:
        p = v.parsed
        if isinstance(p, DateValue) and p.error:
            yield ctx.finding(
                "NIL002", v, row_key=v.where, field="tanggal", found=v.text,
                expected="", note="tanggal yang ada",
                message=f"Tanggal '{v.text}' di {v.where} tidak dapat dipakai: {p.error}.")


@rule("NIL003", "error", "*", "Angka dengan pemisah ribuan tidak lazim")
def irregular_number(ctx: Context):
    """Angka yang kelompok digitnya tidak sesuai penulisan mana pun, misalnya
    ``11.100.0000`` (empat angka dalam satu kelompok) atau ``1.5.00``. lkj membacanya sebagai
    nilai yang paling mungkin dan menyebutkan bacaan itu agar penulis dapat memastikannya.

    Di sheet Anggaran dipilih bacaan yang cocok dengan realisasi + sisa. Temuan menyebut kode
    anggaran dan kolomnya (7.01.01.2.07, pagu), seperti temuan anggaran lain.

    Contoh (Pronojiwo TW III 2024): pagu ``11.100.0000`` dengan realisasi 11.070.000 dan sisa
    30.000 dibaca 11.100.000 (bacaan lain: 111.000.000)."""
    pagu_rows: dict[int, object] | None = None  # Excel row -> its budget row
    for v in ctx.unusual_values:
        p = v.parsed
        if not (isinstance(p, Number) and p.irregular):
            continue
        reading = p.value
        why = "kelompok angka tidak sesuai (ribuan harus 3 angka)"
        if pagu_rows is None:  # the budget rows by their row once, not once for each value
            pagu_rows = {r.row: r for r in ctx.budget_rows}
        r = pagu_rows.get(v.row)
        if r is not None and r.sheet == v.sheet and r.cells.get("pagu") is v:
            # (only this row makes its Values: the table is held by column)
            reading = ctx.pagu_of(r)
            if reading is not None and reading != p.value:
                why += "; nilai ini cocok dengan realisasi + sisa"
        alts = [a for a in (p.value, *p.alternatives) if a != reading]
        alt_text = f" (bacaan lain: {', '.join(rp(a) for a in alts)})" if alts else ""
        key, fld = locate(ctx, v)
        yield ctx.finding(
            "NIL003", v, row_key=key, field=fld, found=v.text, expected=rp(reading),
            message=f"Angka '{v.text}' di {v.where} tidak lazim ({why}); dibaca sebagai "
                    f"{rp(reading)}{alt_text}. Perbaiki penulisannya.")


@rule("NIL004", "warning", "*", "Rumus tanpa nilai tersimpan")
def formula_without_value(ctx: Context):
    """Sel berisi rumus yang disimpan tanpa hasil hitungnya (berkas dibuat program lain dan
    belum pernah dibuka di Excel). Sel seperti itu terbaca kosong, jadi angkanya tidak ikut
    diperiksa. Buka berkas di Excel atau LibreOffice, simpan, lalu periksa lagi.

    Contoh: sel E4 berisi ``=C4-D4`` tetapi tanpa nilai tersimpan.
    """
    for sheet, cell in ctx.report.uncached_formulas:
        yield ctx.finding(
            "NIL004", (sheet, cell), row_key=f"{sheet}!{cell}", field="rumus", found="rumus",
            expected="", note="nilai tersimpan",
            message=f"Sel {sheet}!{cell} berisi rumus tanpa nilai tersimpan, sehingga terbaca "
                    "kosong dan tidak diperiksa; buka dan simpan berkas di Excel lalu periksa "
                    "lagi.")


#: What each spreadsheet error value means, for the message.
_ERROR_MEANING = {
    "#DIV/0!": "pembagian dengan nol",
    "#REF!": "rujukan ke sel atau sheet yang sudah dihapus",
    "#VALUE!": "jenis nilai yang salah, misalnya teks di dalam hitungan",
    "#N/A": "nilai yang dicari tidak ditemukan",
    "#NAME?": "nama fungsi atau rentang yang tidak dikenal",
    "#NUM!": "angka yang tidak sah",
    "#NULL!": "dua rentang yang tidak bersinggungan",
}


@rule("NIL005", "error", "*", "Sel berisi galat rumus")
def formula_error_value(ctx: Context):
    """Sel berisi nilai galat rumus yang tersimpan (``#DIV/0!``, ``#REF!``, ``#VALUE!``,
    ``#N/A`` dan sejenisnya): rumusnya rusak, sehingga nilai sel itu tidak diketahui. Sel
    seperti itu tidak pernah dianggap kosong; angka yang bergantung padanya tidak dapat
    diperiksa sampai rumusnya diperbaiki.

    Mengapa penting: laporan yang dicetak akan memuat tulisan ``#DIV/0!`` di tempat angka,
    dan jumlah atau rata-rata yang memakai sel itu ikut rusak.

    Contoh salah: Persentase ``=D5/C5`` dengan pagu kosong menjadi ``#DIV/0!``; rumus yang
    merujuk ke baris yang dihapus menjadi ``#REF!``. Benar: isi pagunya, atau tulis
    ``=IF(C5=0;"";D5/C5)``."""
    for (sheet, cell), raw in ctx.report.error_cells:
        if not isinstance(raw, CellError):
            continue
        text = str(raw)
        meaning = _ERROR_MEANING.get(text.upper(), "rumus yang tidak dapat dihitung")
        # Where the cell is a result the report's arithmetic determines (a sisa, a total),
        # the value it should hold is known from the cells around it.
        c = ctx.diagnosis.net.get(Value(None, raw, sheet, cell))
        value = c.cur if c is not None and c.relation is not None else None
        expected = notation(c, value) if value is not None else ""
        known = f" Menurut hitungan lain nilainya {shown(c, value, expected=True)}." \
            if value is not None else ""
        yield ctx.finding(
            "NIL005", (sheet, cell), row_key=f"{sheet}!{cell}", field="rumus", found=text,
            expected=expected, note="" if expected else "nilai",
            message=f"Sel {sheet}!{cell} berisi galat rumus {text} ({meaning}), jadi nilainya "
                    "tidak diketahui dan tidak dapat diperiksa; perbaiki rumusnya lalu simpan "
                    f"lagi.{known}")
