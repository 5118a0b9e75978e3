"""Print layout that holds in Excel, WPS and LibreOffice.

LibreOffice and WPS do not grow the rows of a file a program wrote, and the three programs
break pages at different rows when left to themselves. So every row of a printed sheet gets
an explicit height, computed here from the text it holds (Arial metrics, the font the
report uses: Liberation Sans on Linux has the same widths), the sheet's scale is computed
from its column widths so that it fits the paper's width, and the page breaks are placed
here, with blocks that must stay together (a signature block, a table's header with its
first rows, a chart) moved whole to the next page. Fit-to-page scaling is not used: Excel
ignores manual page breaks when it is on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

#: The report's font. Arial is on every Windows machine (Excel, WPS); LibreOffice on Linux
#: substitutes the metric-compatible Liberation Sans, so widths measured here hold there too.
FONT = "Arial"
FONT_SIZE = 10

# Advance widths per 1000 units of the em (the Helvetica/Arial metrics), ASCII 32-126.
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
_OTHER = 600  # any character outside ASCII: a little wider than most letters

#: Pixels per point at the 96 dpi the column widths are defined in.
PX_PER_PT = 96 / 72
#: Excel's column width unit: the default font's widest digit (7 px for Arial 10 as for
#: Calibri 11) plus 5 px of padding.
DIGIT_PX = 7
PADDING_PX = 5
#: Room the programs leave inside a cell, both sides together, and a margin for the
#: differences between their text renderers.
CELL_INSET_PX = 6
TEXT_SLACK = 1.03
#: LibreOffice turns a stored width of w characters into (w + 0.71) x the default font's
#: digit width (7.41 px for Liberation Sans 10): its columns are about 6% wider than
#: Excel's, so page widths are measured this way and wrapping Excel's way.
LO_DIGIT_PX = 556 / 1000 * FONT_SIZE * 96 / 72
LO_WIDTH_PAD = 0.7109375


@lru_cache(maxsize=16384)
def text_px(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """The printed width of one line of ``text`` in pixels (96 dpi)."""
    return text_units(text, bold) / 1000 * size * PX_PER_PT * TEXT_SLACK


def byte_tables(widths: tuple[int, ...], other: int = _OTHER) -> tuple[bytes, bytes]:
    """Each Latin-1 character's advance width (``widths`` for ASCII 32-126, ``other`` for
    the rest) split into its high and low byte, as two ``bytes.translate`` tables (every
    width is below 65.536)."""
    full = [other] * 256
    full[32:32 + len(widths)] = widths
    return bytes(w >> 8 for w in full), bytes(w & 255 for w in full)


_BYTE_TABLES = {False: byte_tables(_REGULAR), True: byte_tables(_BOLD)}


def table_units(text: str, tables: tuple[bytes, bytes]) -> int | None:
    """The widths of :func:`byte_tables` ``tables`` of ``text``'s characters added up, in
    C: the widths' high and low bytes translated and added separately. None for a text
    beyond Latin-1."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    high, low = tables
    return (sum(raw.translate(high)) << 8) + sum(raw.translate(low))


def text_units(text: str, bold: bool = False) -> int:
    """The advance widths of ``text``'s characters added up (1000 units to the em): a
    character outside printable ASCII counts :data:`_OTHER`. A Latin-1 text is summed in
    C (:func:`table_units`; every cell's text is measured: a character at a time in
    Python, this was most of wrapping's cost)."""
    units = table_units(text, _BYTE_TABLES[bold])
    if units is None:
        return sum(_OTHER if not 32 <= ord(ch) < 127 else
                   (_BOLD if bold else _REGULAR)[ord(ch) - 32] for ch in text)
    return units


def col_px(width: float) -> int:
    """The pixel width of a column ``width`` characters wide, as Excel stores it."""
    if width <= 0:
        return 0
    if width < 1:
        return int(width * (DIGIT_PX + PADDING_PX) + 0.5)
    return int(width * DIGIT_PX + 0.5) + PADDING_PX


def printed_px(width: float) -> float:
    """The widest a column ``width`` characters wide prints in any of the programs."""
    if width <= 0:
        return 0.0
    return max(col_px(width), (width + LO_WIDTH_PAD) * LO_DIGIT_PX)


def wrapped_lines(text: str, width_px: float, size: float = FONT_SIZE,
                  bold: bool = False) -> int:
    """How many lines ``text`` takes in a wrapping cell ``width_px`` wide: greedy wrapping at
    spaces, as the spreadsheet programs do, a word wider than the cell broken anywhere."""
    # Most cells hold one line, and most rows' texts are unique (no use memoising them):
    # when the whole text, every character counted, fits, the greedy wrapping keeps it on
    # one line - its words and single spaces are no wider (any whitespace character is at
    # least as wide as a space).
    if "\n" not in text:
        units = text_units(text, bold)
        if units / 1000 * size * PX_PER_PT * TEXT_SLACK < max(width_px - CELL_INSET_PX,
                                                               10) - 1e-6:
            return 1
    return _wrapped_lines(text, width_px, size, bold)


@lru_cache(maxsize=16384)
def _wrapped_lines(text: str, width_px: float, size: float = FONT_SIZE,
                   bold: bool = False) -> int:
    usable = max(width_px - CELL_INSET_PX, 10)
    space = text_px(" ", size, bold)
    total = 0
    for para in str(text).split("\n"):
        lines, line = 1, 0.0
        for word in para.split():
            w = text_px(word, size, bold)
            if line and line + space + w <= usable:
                line += space + w
                continue
            if line:
                lines += 1
            if w > usable:
                extra = math.ceil(w / usable) - 1
                lines += extra
                line = w - extra * usable
            else:
                line = w
        total += lines
    return max(total, 1)


def line_pt(size: float = FONT_SIZE) -> float:
    """The height of one line of text in points (Excel: 12.75 for Arial 10)."""
    return round(size * 1.275, 2)


@lru_cache(maxsize=1024)
def rows_height(lines: int, size: float = FONT_SIZE) -> float:
    """A row's height for ``lines`` lines of text, with a little room above and below."""
    return round(lines * line_pt(size) + 2.25, 2)


# --- paper ----------------------------------------------------------------------------------

A4_PT = (595.28, 841.89)
MARGIN_SIDE_IN = 0.5
MARGIN_TOP_IN = 0.75
MARGIN_BOTTOM_IN = 0.75
HEADER_IN = 0.3
#: The height of an empty row (Excel's default for Arial 10).
GAP_PT = 12.75
#: Part of the printable height filled, leaving room for the programs' differences in
#: header and footer spacing.
FILL = 0.97


@dataclass
class Paper:
    landscape: bool = False

    @property
    def width_pt(self) -> float:
        return A4_PT[1] if self.landscape else A4_PT[0]

    @property
    def height_pt(self) -> float:
        return A4_PT[0] if self.landscape else A4_PT[1]

    @property
    def printable_px(self) -> float:
        return (self.width_pt - 2 * MARGIN_SIDE_IN * 72) * PX_PER_PT

    @property
    def printable_pt(self) -> float:
        return (self.height_pt - (MARGIN_TOP_IN + MARGIN_BOTTOM_IN) * 72) * FILL


@dataclass
class PrintSheet:
    """One worksheet laid out for print: column widths, an explicit height for every row,
    blocks kept together, forced breaks, header rows repeated on every page."""

    ws: Any
    widths: list[float]
    paper: Paper = field(default_factory=Paper)
    heights: dict[int, float] = field(default_factory=dict)
    keeps: list[tuple[int, int]] = field(default_factory=list)
    forced: set[int] = field(default_factory=set)
    repeat: tuple[int, int] | None = None
    last_row: int = -1
    breaks: list[int] = field(default_factory=list)
    scale: int = 100
    #: False for sheets that are not part of the signed report (the appendix): the
    #: programs break their pages themselves, one page wide; no print area, no row filling.
    paged: bool = True

    def __post_init__(self) -> None:
        first = 0
        for c, w in enumerate(self.widths):  # a run of equal widths in one call
            if c + 1 == len(self.widths) or self.widths[c + 1] != w:
                self.ws.set_column(first, c, w)
                first = c + 1
        #: (first, last column) -> their pixel width, asked for on every row
        self._spans: dict[tuple[int, int], float] = {}

    # -- rows --------------------------------------------------------------------------
    def span_px(self, c0: int, c1: int | None = None) -> float:
        c1 = c0 if c1 is None else c1
        px = self._spans.get((c0, c1))
        if px is None:
            px = self._spans[(c0, c1)] = sum(col_px(self.widths[c]) for c in range(c0, c1 + 1)
                                             if c < len(self.widths))
        return px

    def set_height(self, r: int, pt: float) -> None:
        """Give row ``r`` an explicit height (at least what it already has)."""
        pt = max(pt, self.heights.get(r, 0.0))
        self.heights[r] = pt
        self.ws.set_row(r, pt)
        self.last_row = max(self.last_row, r)

    def fit(self, r: int, *cells: tuple[Any, int, int | None], size: float = FONT_SIZE,
            bold: bool = False, min_pt: float | None = None) -> float:
        """Set row ``r`` tall enough for each (text, first column, last column) cell."""
        lines = 1
        for text, c0, c1 in cells:
            if text is None or text == "":
                continue
            n = wrapped_lines(text if type(text) is str else str(text), self.span_px(c0, c1),
                              size, bold)
            if n > lines:
                lines = n
        pt = rows_height(lines, size)
        if min_pt and min_pt > pt:
            pt = min_pt
        self.set_height(r, pt)
        return pt

    def keep(self, first: int, last: int) -> None:
        """Rows ``first``..``last`` print on one page (moved whole to the next one)."""
        self.keeps.append((first, last))
        self.last_row = max(self.last_row, last)

    def break_before(self, r: int) -> None:
        self.forced.add(r)

    def repeat_rows(self, first: int, last: int | None = None) -> None:
        self.repeat = (first, first if last is None else last)
        self.ws.repeat_rows(first, self.repeat[1])

    # -- pages -------------------------------------------------------------------------
    def height(self, r: int) -> float:
        return self.heights.get(r, GAP_PT)

    def content_px(self) -> float:
        return sum(printed_px(w) for w in self.widths)

    def paginate(self) -> list[int]:
        """Rows before which a new page starts (0-based, as XlsxWriter takes them)."""
        self.scale = max(10, min(100, math.floor(self.paper.printable_px / max(
            self.content_px(), 1) * 100)))
        cap = self.paper.printable_pt / (self.scale / 100)
        rep = 0.0
        if self.repeat:
            rep = sum(self.height(r) for r in range(self.repeat[0], self.repeat[1] + 1))
        block_end: dict[int, int] = {}
        for a, b in _merged(self.keeps):
            block_end[a] = b
        breaks: list[int] = []
        y = 0.0
        r = 0
        while r <= self.last_row:
            end = block_end.get(r, r)
            h = sum(self.height(x) for x in range(r, end + 1))
            page_cap = cap - (rep if breaks and self.repeat and r > self.repeat[1] else 0)
            if y > 0 and (r in self.forced or y + h > page_cap):
                breaks.append(r)
                y = rep if self.repeat and r > self.repeat[1] else 0.0
            if h > page_cap - y and end > r:
                # a block taller than a page: let it run row by row
                end = r
                h = self.height(r)
            y += h
            r = end + 1
        self.breaks = breaks
        return breaks

    def pages(self) -> list[tuple[int, int]]:
        starts = [0, *self.breaks]
        ends = [b - 1 for b in self.breaks] + [self.last_row]
        return list(zip(starts, ends, strict=True))

    def finish(self, header: str = "", footer_left: str = "") -> None:
        """Page setup: A4, margins, the computed scale and breaks, the print area, the page
        number in the footer."""
        ws = self.ws
        ws.set_paper(9)
        if self.paper.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.set_margins(left=MARGIN_SIDE_IN, right=MARGIN_SIDE_IN, top=MARGIN_TOP_IN,
                       bottom=MARGIN_BOTTOM_IN)
        ws.center_horizontally()
        if not self.paged:
            ws.fit_to_pages(1, 0)
            self._running_head(header, footer_left)
            return
        for r in range(self.last_row + 1):
            if r not in self.heights:  # empty rows too: every program then agrees
                self.set_height(r, GAP_PT)
        breaks = self.paginate()
        ws.set_print_scale(self.scale)
        if breaks:
            ws.set_h_pagebreaks(breaks)
        ws.print_area(0, 0, max(self.last_row, 0), len(self.widths) - 1)
        self._running_head(header, footer_left)

    def _running_head(self, header: str, footer_left: str) -> None:
        if header:
            self.ws.set_header(f"&R&8{_hf(header)}", {"margin": HEADER_IN})
        left = f"&L&8{_hf(footer_left)}" if footer_left else ""
        self.ws.set_footer(f"{left}&R&8Halaman &P dari &N", {"margin": HEADER_IN})


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching row ranges joined: a block that shares a row with another
    moves with it."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _hf(text: str) -> str:
    """Text for a page header or footer: '&' escaped, cut to fit Excel's 255 characters."""
    return text[:100].replace("&", "&&")
