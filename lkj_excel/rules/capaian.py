"""CAP: the Capaian (achievement) sheet."""

from __future__ import annotations

from ..model import CapaianRow
from ..parsing import Number
from . import rule
from .base import (
    FORMULA_TEXT,
    Context,
    amount,
    measure,
    num,
    pct,
    pct_status,
    typed,
    units_compatible,
)


def row_key(c: CapaianRow) -> str:
    text = c.get("indikator").text or c.get("sasaran").text or f"baris {c.row}"
    no = c.get("no").text
    return (f"{no} {text}" if no else text)[:70]


def _target_text(c: CapaianRow) -> str:
    return c.get("target").text


@rule("CAP001", "error", "Capaian", "Capaian tidak sesuai target dan realisasi")
def capaian_wrong(ctx: Context):
    """Capaian = Realisasi / Target x 100 for an indicator where higher is better. For
    negative polarity (lower is better) the formula chosen per row or in Pengaturan is used
    and named in the message: (2 x T - R) / T x 100 (default), T / R x 100 or (T - R) / T x
    100. Capaian is never capped at 100%.

    A value written with two decimals that equals the exact value rounded to two decimals,
    or lies within the tolerance (default 0,01 poin) is correct: 33,33 / 82 written 40,64%
    is not an error. When the realisasi itself is wrong (it disagrees with the Fasilitasi
    or Desa sheet) the capaian is reported as a consequence of that cell.
    """
    tol = ctx.settings.tolerance_points
    for c in ctx.report.capaian_rows:
        v = c.get("capaian")
        p = v.parsed
        if not typed(v) or not isinstance(p, Number) or p.value is None:
            continue
        exact = ctx.capaian_values.get(c.row)
        if exact is None or pct_status(p, exact, tol) == "ok":
            continue
        typed_real, _ = ctx.realisasi_of(c)
        from_typed = ctx.compute_capaian(c, typed_real)
        real = ctx.exact_realisasi(c)
        cause = None
        if from_typed is not None and pct_status(p, from_typed, tol) == "ok":
            rp_ = c.get("realisasi").parsed
            if isinstance(rp_, Number) and real is not None and \
                    pct_status(rp_, real, tol) == "ok":
                # Computed from the realisasi as displayed (33,33 / 82 = 40,64%), which is
                # itself correctly rounded: a rounding difference, not an error.
                continue
            cause = (c.get("pembilang") if c.row in ctx.derived and
                     typed(c.get("pembilang")) else c.get("realisasi")).where
        t, _ = measure(c.get("target"), c.get("satuan").text)
        formula = ctx.capaian_formula(c)
        msg = (f"Capaian {v.text} seharusnya {pct(exact)} ({FORMULA_TEXT[formula]}: "
               f"realisasi {num(round(real, 2))}, target {num(t)}).")
        if cause:
            msg += f" Ini akibat realisasi yang salah di {cause}."
        yield ctx.finding("CAP001", v, row_key=row_key(c), field="capaian", found=v.text,
                          expected=pct(exact), message=msg, cause=cause)


@rule("CAP002", "error", "Capaian", "Realisasi tidak sesuai pembilang/penyebutnya")
def ratio_disagrees(ctx: Context):
    """A realisasi shown as a ratio must agree with its own numerator and denominator:
    ``31/36 = 86,11%`` is right, ``28/51 = 60%`` is not (28 / 51 = 54,90%). The same holds
    for the Pembilang and Penyebut columns against the realisasi percentage."""
    tol = ctx.settings.tolerance_points
    for c in ctx.report.capaian_rows:
        v = c.get("realisasi")
        p = v.parsed
        if not isinstance(p, Number) or p.value is None:
            continue
        pem, pen = amount(c.get("pembilang")), amount(c.get("penyebut"))
        if p.style == "ratio" and p.numerator is not None and p.denominator and \
                p.decimals is not None:
            pem, pen = p.numerator, p.denominator
        elif pem is None or not pen or not (p.is_percent or c.get("satuan").text == "%"):
            continue
        exact = pem / pen * 100
        if pct_status(p, exact, tol) == "ok":
            continue
        yield ctx.finding("CAP002", v, row_key=row_key(c), field="realisasi", found=v.text,
                          expected=pct(exact),
                          message=f"Realisasi {pct(p.value, p.decimals or 2)} tidak sesuai "
                                  f"{num(pem)} / {num(pen)} = {pct(exact)}.")


@rule("CAP003", "error", "Capaian", "Rata-rata capaian salah")
def average_wrong(ctx: Context):
    """The reported average capaian (row 'Rata-rata') must equal the mean of the
    recomputed capaian of the indicators that have one. When it only repeats wrong rows it
    is reported as a consequence of the first wrong row."""
    avg = ctx.report.capaian_average
    if avg is None:
        return
    v = avg.get("capaian")
    p = v.parsed
    exact = ctx.capaian_average
    if not typed(v) or not isinstance(p, Number) or p.value is None or exact is None:
        return
    tol = ctx.settings.tolerance_points
    if pct_status(p, exact, tol) == "ok":
        return
    typed_vals = []
    first_wrong = None
    for c in ctx.report.capaian_rows:
        cv = c.get("capaian").parsed
        calc = ctx.capaian_values.get(c.row)
        if calc is None or not isinstance(cv, Number) or cv.value is None:
            continue
        typed_vals.append(cv.value)
        if first_wrong is None and pct_status(cv, calc, tol) != "ok":
            first_wrong = c.get("capaian").where
    cause = None
    if typed_vals and pct_status(p, sum(typed_vals) / len(typed_vals), tol) == "ok":
        if first_wrong is None:
            return  # the mean of correctly rounded capaian as displayed
        cause = first_wrong
    n = len([x for x in ctx.capaian_values.values() if x is not None])
    yield ctx.finding("CAP003", v, row_key="rata-rata", field="capaian", found=v.text,
                      expected=pct(exact), cause=cause,
                      message=f"Rata-rata capaian {v.text} seharusnya {pct(exact)} (rata-rata "
                              f"capaian {n} indikator)."
                              + (f" Ini akibat kesalahan di {cause}." if cause else ""))


@rule("CAP004", "warning", "Capaian", "Predikat tidak sesuai skala")
def predikat_wrong(ctx: Context):
    """The predikat written beside an indicator must be the band of its capaian on the
    configured scale (default Permendagri 86/2017: Sangat Tinggi >= 91, Tinggi 76-90,
    Sedang 66-75, Rendah 51-65, Sangat Rendah <= 50). Change the scale in Pengaturan when
    your kabupaten uses another one."""
    from ..parsing import normalise_text

    for c in ctx.report.capaian_rows:
        v = c.get("predikat")
        exact = ctx.capaian_values.get(c.row)
        if not typed(v) or exact is None:
            continue
        expected = ctx.settings.predikat(round(exact, 2))
        if expected and normalise_text(v.text) != normalise_text(expected):
            yield ctx.finding("CAP004", v, row_key=row_key(c), field="predikat", found=v.text,
                              expected=expected,
                              message=f"Predikat '{v.text}' seharusnya '{expected}' untuk "
                                      f"capaian {pct(exact)} menurut skala di Pengaturan.")


@rule("CAP005", "warning", "Capaian", "Satuan target dan realisasi berbeda")
def unit_mismatch(ctx: Context):
    """Target and realisasi of one indicator must be in the same unit: a target of 100%
    with a realisasi of "3 Desa" cannot give a capaian (Senduro TW I 2023)."""
    for c in ctx.report.capaian_rows:
        t, tu = measure(c.get("target"), None)
        r, ru = measure(c.get("realisasi"), None)
        if t is None or r is None or units_compatible(tu, ru):
            continue
        v = c.get("realisasi")
        yield ctx.finding("CAP005", v, row_key=row_key(c), field="realisasi", found=v.text,
                          expected=f"satuan sama dengan target ({_target_text(c)})",
                          message=f"Realisasi '{v.text}' dan target '{_target_text(c)}' berbeda "
                                  "satuan, sehingga capaian tidak dapat dihitung.")
