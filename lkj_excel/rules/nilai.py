"""NIL: values that cannot be read as what their column holds, in any sheet."""

from __future__ import annotations

from ..parsing import DateValue, Number
from . import rule
from .base import Context, rp


@rule("NIL001", "error", "*", "Teks di sel angka")
def text_in_number_cell(ctx: Context):
    """A cell of a number column (pagu, realisasi, target, persen, ...) holds text that is
    not a number, so nothing can be computed from it.

    Why it matters: a total or a percentage that depends on the cell cannot be checked,
    and the reader upward would have to guess.

    Wrong: ``dua juta``, ``1.500.000 rupiah``, ``Rp 1,5 jt``. Right: ``2.000.000``.
    A dash (``-``) means nothing realised and is accepted.
    """
    for v in ctx.report.all_values():
        p = v.parsed
        if isinstance(p, Number) and p.error:
            yield ctx.finding(
                "NIL001", v, row_key=v.where, field="angka", found=v.text, expected="angka",
                message=f"Sel {v.where} berisi '{v.text}' yang bukan angka ({p.error}); tulis "
                        "angkanya saja, misalnya 1.500.000 atau 24,14%.")


@rule("NIL002", "error", "*", "Tanggal tidak ada atau tidak terbaca")
def impossible_date(ctx: Context):
    """A date cell holds a date that does not exist (31 Februari 2024) or text that is not
    a date. lkj never moves such a date to a neighbouring day.

    Wrong: ``31 Februari 2024``, ``31/13/2024``, ``akhir Maret``.
    Right: ``29 Februari 2024``, ``31/03/2024``, ``2024-03-31``.
    """
    for v in ctx.report.all_values():
        p = v.parsed
        if isinstance(p, DateValue) and p.error:
            yield ctx.finding(
                "NIL002", v, row_key=v.where, field="tanggal", found=v.text,
                expected="tanggal yang ada",
                message=f"Tanggal '{v.text}' di {v.where} tidak dapat dipakai: {p.error}.")


@rule("NIL003", "error", "*", "Angka dengan pemisah ribuan tidak lazim")
def irregular_number(ctx: Context):
    """A number whose digit groups fit no notation, such as ``11.100.0000`` (a group of four
    digits) or ``1.5.00``. lkj reads it as the most likely amount and reports the reading,
    so the writer can confirm it.

    In the Anggaran sheet the reading that agrees with realisasi + sisa is preferred:
    ``11.100.0000`` with realisasi 11.070.000 and sisa 30.000 is read as 11.100.000.
    """
    for v in ctx.report.all_values():
        p = v.parsed
        if not (isinstance(p, Number) and p.irregular):
            continue
        reading = p.value
        why = "kelompok angka tidak sesuai (ribuan harus 3 angka)"
        for r in ctx.budget_rows:
            if r.get("pagu") is v:
                reading = ctx.pagu_of(r)
                if reading is not None and reading != p.value:
                    why += "; nilai ini cocok dengan realisasi + sisa"
        alts = [a for a in (p.value, *p.alternatives) if a != reading]
        alt_text = f" (bacaan lain: {', '.join(rp(a) for a in alts)})" if alts else ""
        yield ctx.finding(
            "NIL003", v, row_key=v.where, field="angka", found=v.text, expected=rp(reading),
            message=f"Angka '{v.text}' di {v.where} tidak lazim ({why}); dibaca sebagai "
                    f"{rp(reading)}{alt_text}. Perbaiki penulisannya.")
