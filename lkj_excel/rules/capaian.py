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
    """Capaian = Realisasi / Target x 100 untuk indikator yang makin besar makin baik.
    Untuk polaritas negatif (makin kecil makin baik) dipakai rumus yang dipilih per baris atau di
    Pengaturan, dan disebut dalam pesan: (2 x T - R) / T x 100 (bawaan), T / R x 100, atau
    (T - R) / T x 100. Capaian tidak pernah dibatasi 100%.

    Nilai dua desimal yang sama dengan nilai tepat yang dibulatkan, atau dalam toleransi (bawaan
    0,01 poin), dianggap benar: 33,33 / 82 ditulis 40,64% bukan kesalahan. Bila realisasinya
    sendiri salah (tidak sesuai sheet Fasilitasi atau Desa), capaian disebut sebagai akibatnya.

    Contoh (Pronojiwo): realisasi sebenarnya 30/36 = 83,33%, target 93%, capaian 89,61%;
    tertulis 92,59%."""
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
    """Realisasi berbentuk rasio harus sesuai pembilang dan penyebutnya sendiri; begitu
    pula kolom Pembilang dan Penyebut terhadap persentase realisasi.

    Contoh: ``31/36 = 86,11%`` benar; ``7/12 = 60,00%`` salah (7 / 12 = 58,33%)."""
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
    """Rata-rata capaian (baris 'Rata-rata') harus sama dengan rata-rata capaian
    indikator yang memiliki capaian. Bila hanya mengulang baris yang salah, disebut sebagai
    akibat baris salah pertama.

    Contoh (Pronojiwo): (89,61 + 66,67) / 2 = 78,14%, tertulis 79,63%."""
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
                              f"capaian {n} indikator).")


@rule("CAP004", "warning", "Capaian", "Predikat tidak sesuai skala")
def predikat_wrong(ctx: Context):
    """Predikat di samping indikator harus sesuai pita capaiannya pada skala di
    Pengaturan (bawaan Permendagri 86/2017: Sangat Tinggi >= 91, Tinggi 76-90, Sedang 66-75,
    Rendah 51-65, Sangat Rendah <= 50). Ubah skalanya di Pengaturan bila kabupaten memakai skala
    lain.

    Contoh (Kalaena): capaian 100% ditulis "Sangat Baik"; menurut skala bawaan "Sangat
    Tinggi"."""
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
    """Target dan realisasi satu indikator harus bersatuan sama: target 100% dengan
    realisasi "3 Desa" tidak menghasilkan capaian.

    Contoh (Senduro TW I 2023): target 100%, realisasi 3 Desa, capaian tertulis 25%."""
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
