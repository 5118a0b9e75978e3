"""From the diagnosis to findings: one finding per cell that must change.

A cause names the cell that is actually wrong; a consequence points at its cause. ``expected``
is the corrected value in the cell's own notation (1.868.000; 48,24%; 130.475.000,00 where the
user wrote decimals; Tinggi), so that it can be typed into the cell as it is.
"""

from __future__ import annotations

from ..findings import Finding
from ..parsing import Number, format_number_id
from ..relations.core import AMOUNT, COUNT, FLAG, LABEL, MEASURE, PERCENT, Cell, pct_status
from . import RULES
from .base import Context, num, pct, rp

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import Any


def notation(c: Cell, value: Any) -> str:
    """``value`` as it can be typed into the cell: Indonesian notation (1.868.000; 48,24%),
    the unit where the cell had one ("12 Desa"), a percent sign where the cell had one."""
    if value is None:
        return ""
    k = c.kind
    p = c.number if isinstance(c.number, Number) else None
    if k == FLAG:
        return "Terlaksana" if value else "Belum"
    if k == LABEL:
        return str(value)
    if k == "date":
        from ..parsing import format_date_id

        return format_date_id(value)
    if k == COUNT:
        return num(value)
    if k == AMOUNT:
        return rp(value)
    if k in (PERCENT, MEASURE):
        d = p.decimals if p is not None and p.decimals is not None else 2
        if p is None or p.style in ("number", "none", "ratio") or p.is_percent or \
                (k == PERCENT and not p.unit):
            if p is not None and p.style not in ("number", "none", "ratio") and \
                    not p.is_percent:
                return format_number_id(value, max(d, 2) if value % 1 else 0)
            return pct(value, max(d, 2))
        body = format_number_id(value, d if value % 1 else 0)
        return f"{body} {p.unit}" if p.unit else body
    return str(value)


def shown(c: Cell, value: Any, *, expected: bool = False) -> str:
    """A value as a message says it (Indonesian notation)."""
    if value is None:
        return "-"
    k = c.kind
    if k == AMOUNT:
        return rp(value)
    if k == COUNT:
        return num(value)
    if k == FLAG:
        return "Terlaksana" if value else "Belum"
    if k == "date":
        from ..parsing import format_date_id

        return format_date_id(value)
    if k == LABEL:
        return str(value)
    p = c.number if isinstance(c.number, Number) else None
    d = p.decimals if p is not None and p.decimals is not None else 2
    if k == PERCENT or c.unit == "%":
        return pct(value, max(d, 2) if expected else d)
    if not expected and c.value.text:
        return c.value.text
    return f"{num(value)} {p.unit if p is not None and p.unit else c.unit or ''}".strip()


def change_finding(ctx: Context, ch) -> Finding:
    c: Cell = ch.cell
    from ..diagnosis import code_of

    code = code_of(c)
    found = c.value.text
    expected = notation(c, ch.value)
    found_s, exp_s = shown(c, c.typed), shown(c, ch.value, expected=True)
    if c.relation is not None:
        r = c.relation
        message = r.explain(r, [i.cur for i in r.inputs], found_s, exp_s)
    else:
        agree = _agreeing(c, ctx.diagnosis.net.tol)
        message = f"{c.label.capitalize()} {found_s if found else '(kosong)'} seharusnya " \
                  f"{exp_s}"
        message += (f", agar sesuai dengan {agree}." if agree else ".")
    cause = ch.cause.where if ch.cause is not None else None
    alternatives = tuple(a.where for a in ch.alternatives)
    if alternatives and ch.cause is None:
        names = ", ".join(f"{a.label} {a.where}" for a in ch.alternatives[:4])
        more = f" (dan {len(alternatives) - 4} lainnya)" if len(alternatives) > 4 else ""
        message += f" Bila sel ini benar, yang salah adalah {names}{more}."
    return ctx.finding(code, c.value if c.value.cell else (c.sheet, None),
                       row_key=c.row_key, field=c.field, found=found, expected=expected,
                       message=message, cause=cause, alternatives=alternatives)


def _agreeing(c: Cell, tol) -> str:
    """The typed cells a corrected input now agrees with, as a phrase."""
    parts = []
    for r in c.dependents:
        d = r.target
        if d.typed is None or not d.value.cell or not d.matches(d.cur, tol):
            continue
        where = d.where.split("!")[1] if d.sheet == c.sheet else d.where
        parts.append(f"{d.label} {shown(d, d.typed)} ({where})")
    if not parts:
        return ""
    return " dan ".join(parts[:3])


def truncation_findings(ctx: Context, code: str):
    """Percentages cut off instead of rounded, for the relations of rule ``code``."""
    tol = ctx.settings.tolerance_points
    for r in ctx.relations_by_code.get(code, ()):
        c = r.target
        p = c.number
        if c.typed is None or c.cur is None or not isinstance(p, Number) or p.value is None:
            continue
        if abs(p.value - c.cur) <= tol + 1e-9:
            continue  # within the tolerance: "ok" by pct_status's first rule, most rows
        if pct_status(p, c.cur, tol) != "truncated":
            continue
        d = p.decimals if p.decimals is not None else 2
        exact = round(c.cur + 1e-12, d)  # rounded, as it should have been typed: 76%
        message = r.explain(r, [i.cur for i in r.inputs], pct(p.value, d),
                            pct(c.cur, max(d, 2))) + " Angka dipotong, bukan dibulatkan."
        yield ctx.finding(code, c.value, row_key=c.row_key, field=c.field, found=c.value.text,
                          expected=pct(exact, d) if p.is_percent else notation(c, exact),
                          message=message, severity="info")


__all__ = ["change_finding", "truncation_findings", "notation", "shown", "RULES"]
