"""The parts every printed page of the report shares: the letterhead (kop), a table's title,
the signature block, and the page setup (A4, header, page numbers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ... import formatting as fmt
from ...calendar import ROMAN
from ..printlayout import Paper, PrintSheet, col_px, rows_height
from .common import Context

#: Rows of the signature block: place and date, position (the superior's takes a third
#: row), three more rows of space to sign, name, pangkat, NIP.
SIGN_SPACE_ROWS = 3
LOGO_HEIGHT_PX = 72


def sheet(ctx: Context, role: str, widths: list[float], landscape: bool) -> PrintSheet:
    """The worksheet made for ``role`` (see FinalWriter), laid out for print."""
    ws = ctx.wb.get_worksheet_by_name(ctx.sheets[role])
    return PrintSheet(ws, widths, Paper(landscape))


def period_text(ctx: Context) -> str:
    s = ctx.summary
    return f"Triwulan {ROMAN.get(s.quarter or 0, '?')} Tahun {s.year or '?'}"


def _government(kabupaten: str) -> str:
    """ "Lumajang" -> "PEMERINTAH KABUPATEN LUMAJANG"; "Kota Malang" -> "PEMERINTAH KOTA
    MALANG"."""
    k = " ".join(kabupaten.split())
    low = k.lower()
    if low.startswith("pemerintah "):
        return k.upper()
    if low.startswith(("kota ", "kabupaten ")):
        return f"PEMERINTAH {k.upper()}"
    if low.startswith("kab. "):
        return f"PEMERINTAH KABUPATEN {k[5:].upper()}"
    return f"PEMERINTAH KABUPATEN {k.upper()}"


def kop(ps: PrintSheet, ctx: Context, row: int = 0) -> int:
    """The letterhead from Identitas: government, kecamatan, address, a double rule; the
    logo from Pengaturan at the left. Returns the next free row."""
    ident = ctx.report.identity
    ws, st = ps.ws, ctx.styles
    last = len(ps.widths) - 1
    lines: list[tuple[str, Any, float]] = []
    kab = ident.kabupaten.display.strip()
    if kab:
        lines.append((_government(kab), st.kop1, 17))
    kec = ident.kecamatan.display.strip()
    office = f"KECAMATAN {' '.join(kec.split()).upper()}" if kec else ctx.summary.unit.upper()
    lines.append((office, st.kop2, 20))
    alamat = ident.alamat.display.strip() if ident.alamat is not None else ""
    first = row
    for text, style, height in lines:
        ws.merge_range(row, 0, row, last, text, style)
        ps.set_height(row, height)
        row += 1
    if alamat:
        ws.merge_range(row, 0, row, last, alamat, st.kop3)
        ps.fit(row, (alamat, 0, last), size=9)
        row += 1
    if ctx.logo is not None:
        _logo(ps, ctx, first, row)
    for c in range(last + 1):
        ws.write_blank(row, c, None, st.kop_rule)
    ps.set_height(row, 6)
    ps.keep(first, row)
    return row + 2


def _logo(ps: PrintSheet, ctx: Context, first: int, end: int) -> None:
    from xlsxwriter.image import Image

    try:
        img = Image(str(ctx.logo))
        height_px = sum(ps.height(r) for r in range(first, end)) * 96 / 72
        scale = min(LOGO_HEIGHT_PX, height_px) / img.height if img.height else 1.0
        ps.ws.insert_image(first, 0, str(ctx.logo), {
            "x_scale": scale, "y_scale": scale, "x_offset": 4, "y_offset": 2,
            "object_position": 3, "description": "Logo", "decorative": False})
    except Exception:  # noqa: BLE001 - any unreadable image: the kop without it
        ctx.notes.append(f"Logo '{ctx.logo}' tidak dapat dibaca sebagai gambar PNG/JPG; kop "
                         "ditulis tanpa logo.")


def find_logo(ctx: Context) -> Path | None:
    """The logo file Pengaturan names (relative to the report's folder), if it exists."""
    cell = ctx.report.settings.cells.get("logo")
    raw = cell.display.strip() if cell is not None else ""
    if not raw:
        return None
    path = Path(raw)
    if not path.is_absolute():
        path = ctx.source.parent / path
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".gif", ".bmp"):
        ctx.notes.append(f"Logo '{raw}' bukan gambar PNG/JPG; kop ditulis tanpa logo.")
        return None
    if not path.is_file():
        ctx.notes.append(f"Logo '{raw}' tidak ditemukan; kop ditulis tanpa logo.")
        return None
    return path


def title(ps: PrintSheet, ctx: Context, text: str, row: int, subtitle: str | None = None) -> int:
    """A table's title and the unit and period under it, centred over the table."""
    ws, st = ps.ws, ctx.styles
    last = len(ps.widths) - 1
    ws.merge_range(row, 0, row, last, text, st.title)
    ps.fit(row, (text, 0, last), size=12, bold=True)
    sub = subtitle or f"{ctx.summary.unit} - {period_text(ctx)}"
    ws.merge_range(row + 1, 0, row + 1, last, sub, st.subtitle)
    ps.fit(row + 1, (sub, 0, last), bold=True)
    return row + 3


def header_row(ps: PrintSheet, ctx: Context, row: int, heads: list[str],
               repeat: bool = True) -> int:
    """A table's header row (repeated on every printed page); returns the first data row."""
    for c, h in enumerate(heads):
        ps.ws.write_string(row, c, h, ctx.styles.head)
    ps.fit(row, *((h, c, c) for c, h in enumerate(heads)), bold=True, min_pt=27)
    if repeat:
        ps.repeat_rows(row)
    # The header never ends a page alone: it goes with the table's first two rows.
    ps.keep(row, row + 2)
    return row + 1


def _blocks(ps: PrintSheet) -> tuple[tuple[int, int], tuple[int, int]]:
    """Columns of the left (superior) and right (reporter) signature blocks: each about
    two fifths of the width, at the table's two ends."""
    n = len(ps.widths)
    total = sum(col_px(w) for w in ps.widths)
    right_first, acc = n - 1, 0.0
    for c in range(n - 1, 0, -1):
        acc += col_px(ps.widths[c])
        right_first = c
        if acc >= total * 0.4:
            break
    left_last, acc = 0, 0.0
    for c in range(0, right_first):
        acc += col_px(ps.widths[c])
        left_last = c
        if acc >= total * 0.4:
            break
    return (0, min(left_last, right_first - 1)), (right_first, n - 1)


def signature(ps: PrintSheet, ctx: Context, row: int, keep_from: int | None = None) -> int:
    """Place and date, position, space to sign, name, pangkat and NIP of the reporter on
    the right; for a seksi report the superior ("Mengetahui, Atasan Langsung") on the left.
    The block is kept on one page together with the rows from ``keep_from`` (the end of
    the table it signs, so that it never stands alone on a page). Returns the row after."""
    ident = ctx.report.identity
    s = ctx.summary
    st = ctx.styles
    (l0, l1), (r0, r1) = _blocks(ps)
    place = ident.tempat.display.strip() or ident.kecamatan.display.strip()
    date = fmt.date(s.report_date) if s.report_date else "...................."
    name_row = row + 3 + SIGN_SPACE_ROWS

    def put(r: int, c0: int, c1: int, text: str, style: Any) -> None:
        if c1 > c0:
            ps.ws.merge_range(r, c0, r, c1, text, style)
        else:
            ps.ws.write_string(r, c0, text, style)

    def person(p: Any, c0: int, c1: int, top: list[str]) -> list[tuple]:
        nip = p.nip.parsed
        nip_text = (getattr(nip, "formatted", None) or p.nip.display.strip()) or "-"
        rows = [(row + i, t, st.sign) for i, t in enumerate(top) if t]
        rows.append((name_row, s.person_name(p.nama) or "(nama)", st.sign_name))
        pangkat = p.pangkat.display.strip()
        if pangkat:
            rows.append((name_row + 1, pangkat, st.sign))
        rows.append((name_row + (2 if pangkat else 1), f"NIP. {nip_text}", st.sign))
        return [(r, c0, c1, t, f) for r, t, f in rows]

    cells = person(ident.pelapor, r0, r1,
                   [f"{place}, {date}" if place else date,
                    ident.pelapor.jabatan.display.strip() or "Pelapor"])
    if s.tingkat == "seksi" and ident.atasan.nama.display.strip():
        cells += person(ident.atasan, l0, l1, ["Mengetahui,", "Atasan Langsung,",
                                               ident.atasan.jabatan.display.strip()])
    last = max(r for r, *_ in cells)
    for r in range(row, last + 1):
        ps.set_height(r, rows_height(1))
    for r, c0, c1, text, style in cells:
        put(r, c0, c1, text, style)
        ps.fit(r, (text, c0, c1), bold=style is st.sign_name)
    ps.keep(row - 1 if keep_from is None else min(keep_from, row - 1), last)
    return last + 1


def finish(ps: PrintSheet, ctx: Context, title_text: str) -> None:
    """A4 page setup with the report's running head and page numbers; no tool name."""
    s = ctx.summary
    ps.finish(header=f"{s.unit} - {period_text(ctx)}", footer_left=title_text)
