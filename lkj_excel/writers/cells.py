"""Writing one value into an XlsxWriter cell, keeping its type.

Shared by the template (which writes what staff type), the finalised workbook (which writes
back every value that was read) and the rekap.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from xlsxwriter import worksheet as _xw
from xlsxwriter.utility import xl_rowcol_to_cell_fast as _ref
from xlsxwriter.worksheet import Worksheet
from xlsxwriter.xmlwriter import XMLwriter

#: Excel's serials 1-59 (1 Jan - 28 Feb 1900) sit before its phantom 29 Feb 1900.
EXCEL_LEAP_BUG = dt.datetime(1900, 3, 1)


def write_value(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """Text stays text (never a formula or a number), numbers stay numbers, dates and
    times become Excel dates and times; None and "" leave the cell blank."""
    kind = type(value)
    if kind is str and value:  # the common cases first: text and numbers as read
        ws.write_string(row, col, value, fmt)
    elif kind is float or kind is int:
        ws.write_number(row, col, value, fmt)
    elif value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        if value < EXCEL_LEAP_BUG:
            # XlsxWriter takes 1 Jan 1900 for "time only"; write the serial Excel uses.
            delta = value - dt.datetime(1899, 12, 31)
            ws.write_number(row, col, delta / dt.timedelta(days=1), fmt)  # keeps ms
        else:
            ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.time):
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.timedelta):
        ws.write_number(row, col, value.total_seconds() / 86400, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


#: Spreadsheet functions that XlsxWriter never rewrites (none is a dynamic array or
#: "future" function, which it prefixes with _xlfn.).
CLASSIC_FUNCTIONS = frozenset((
    "ABS", "AND", "AVERAGE", "AVERAGEIF", "CHOOSE", "CONCATENATE", "COUNT", "COUNTA",
    "COUNTBLANK", "COUNTIF", "COUNTIFS", "DATE", "DAY", "HLOOKUP", "IF", "IFERROR",
    "INDEX", "INT", "ISBLANK", "ISERROR", "ISNUMBER", "ISTEXT", "LEFT", "LEN", "LOWER",
    "MATCH", "MAX", "MID", "MIN", "MONTH", "N", "NETWORKDAYS", "NOT", "OR", "RIGHT",
    "ROUND", "ROUNDDOWN", "ROUNDUP", "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "TEXT",
    "TRIM", "UPPER", "VALUE", "VLOOKUP", "WORKDAY", "YEAR"))
_CALLED = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*(?=\()")


#: The cell records of XlsxWriter that FastWorksheet writes itself, by the fields it reads.
_CELL_FIELDS = {"CellNumberTuple": ("number", "format"),
                "CellDatetimeTuple": ("number", "format"),
                "CellStringTuple": ("string", "format"),
                "CellBlankTuple": ("format",),
                "CellFormulaTuple": ("formula", "format", "value")}


#: XlsxWriter's own test for a text that needs xml:space="preserve" (its _write_cell's).
_preserve_whitespace = getattr(_xw, "_preserve_whitespace", None)


def _known_cells() -> dict[str, type]:
    """XlsxWriter's cell records as FastWorksheet knows them; empty when an XlsxWriter
    this was not written against names or shapes them otherwise (then every cell goes
    XlsxWriter's own way: slower, never wrong)."""
    found = {name: getattr(_xw, name, None) for name in _CELL_FIELDS}
    if _preserve_whitespace is None or any(getattr(t, "_fields", None) != _CELL_FIELDS[n] for n, t in found.items()):
        return {}
    return found  # type: ignore[return-value]


_KNOWN = _known_cells()
_NUMBER_CELLS = tuple(_KNOWN[n] for n in ("CellNumberTuple", "CellDatetimeTuple")
                      if n in _KNOWN)
_FAST_CELLS = frozenset(_KNOWN.values())
_TEXT_CELL, _BLANK_CELL = _KNOWN.get("CellStringTuple"), _KNOWN.get("CellBlankTuple")
_ERROR_CODES = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!",
                          "#VALUE!"))
#: What XlsxWriter's _escape_control_characters changes: an "_xHHHH_" lookalike, a control
#: character, U+FFFE or U+FFFF.
_ESCAPED = re.compile(r"_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")


class PlainEscapes:
    """XlsxWriter's escapes, skipped where they return their input unchanged: a number as
    an attribute (XlsxWriter's regular expression raises TypeError on it, caught, for each
    row number, width and index), an attribute without " & < > or a newline, and a text
    without a character to escape as _xHHHH_ (two substitutions, one with a function, for
    each shared string)."""

    def _escape_attributes(self, attribute):
        if not isinstance(attribute, str) or (
                '"' not in attribute and "&" not in attribute and "<" not in attribute
                and ">" not in attribute and "\n" not in attribute):
            return attribute
        return XMLwriter._escape_attributes(self, attribute)

    @staticmethod
    def _escape_control_characters(data):
        if isinstance(data, str) and unescaped(data):
            return data
        return XMLwriter._escape_control_characters(data)


def plain_ascii(text: str) -> bool:
    """True for printable ASCII without "_x": a text that none of XlsxWriter's _xHHHH_
    escapes changes (most of lkj's), found without a regular expression (the search of
    :data:`_ESCAPED` takes ten times as long: its "_x" alternative is tried at every
    character)."""
    return text.isascii() and text.isprintable() and "_x" not in text


def unescaped(text: str) -> bool:
    """True for a text that none of XlsxWriter's _xHHHH_ escapes changes: at once when
    :func:`plain_ascii`, else by the search of :data:`_ESCAPED`."""
    return plain_ascii(text) or not _ESCAPED.search(text)


def number_xml(ref: str, xf: int, number: float) -> str:
    """A number cell's element with format index ``xf``, as XlsxWriter writes it."""
    return f'<c r="{ref}" s="{xf}"><v>{number:.16G}</v></c>'


def blank_xml(ref: str, xf: int) -> str:
    """A formatted blank cell's element, as XlsxWriter writes it."""
    return f'<c r="{ref}" s="{xf}"/>'


def inline_text(text: str) -> str | None:
    """What follows a text cell's address and format in its element in constant-memory
    mode (inline, not a shared string), as XlsxWriter writes it; None for a text that
    XlsxWriter escapes its own way (a control character, an _xHHHH_ lookalike, a
    rich-text start). Texts of up to MEMO_TEXT characters are remembered: a rekap's
    texts repeat (file, unit, period, rule, sheet)."""
    return _inline_memo(text) if len(text) <= MEMO_TEXT else _inline(text)


#: Longest text whose inline element is remembered (1.024 of them at most: 0,4 MiB; a
#: 1.000-report rekap finds 82% of its texts among them, 87% with 4.096 at 1,5 MiB).
MEMO_TEXT = 300


def _inline(text: str) -> str | None:
    # XlsxWriter's escapes and tests for inline strings (xmlwriter.py, utility.py): a
    # text that none changes and that does not start as rich text is written as it is,
    # apart from & < >
    if text.startswith("<r>") or not unescaped(text):
        return None
    space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


_inline_memo = lru_cache(maxsize=1024)(_inline)


class FastWorksheet(PlainEscapes, Worksheet):
    """XlsxWriter's worksheet, with its inner loops cut short where they can change
    nothing (tests/test_fast_worksheet.py compares the XML with XlsxWriter's own, byte for
    byte).

    XlsxWriter runs 29 regular expressions over every formula to prefix dynamic array
    functions with _xlfn. (a third of writing a finalised 10,000-row report); a formula
    that calls only :data:`CLASSIC_FUNCTIONS` comes out of them unchanged, so it is only
    stripped of its "=" and braces, as XlsxWriter does first. Anything else goes the whole
    way.

    Saving a cell builds a list of attributes and escapes each through a regular
    expression; a formatted number, date, text, blank or formula cell (nearly every cell
    lkj writes) has only its address and format index, which need no escaping, so its
    element is written in one step, exactly as XlsxWriter writes it - in constant-memory
    mode (the rekap) too, where text is written inline and one with control characters
    or XlsxWriter's own escapes goes the whole way. Other cells go the whole way.

    Saving the rows looked up every column of the sheet's used range in every row (a
    sheet as wide as its widest row) twice, once for the rows' spans and once for their
    cells; the rows' own cells are walked instead, in the same order. Numbers and plain
    texts skip XlsxWriter's escapes (:class:`PlainEscapes`).
    """

    def _calculate_spans(self):
        # Worksheet._calculate_spans: each block of 16 rows' first and last used column
        # (cells and comments), 1-based, as "first:last"
        spans: dict[int, str] = {}
        lo, hi, last = self.dim_colmin, self.dim_colmax, self.dim_rowmax
        first = end = None
        for row in range(self.dim_rowmin, last + 1):
            for used in (self.table.get(row), self.comments.get(row)):
                cols = [c for c in used if lo <= c <= hi] if used else None
                if cols:
                    a, b = min(cols), max(cols)
                    if first is None:
                        first, end = a, b
                    else:
                        first, end = min(first, a), max(end, b)
            if (row + 1) % 16 == 0 or row == last:
                if first is not None:
                    spans[row // 16] = f"{first + 1}:{end + 1}"
                    first = None
        self.row_spans = spans

    def _write_rows(self):
        # Worksheet._write_rows (not constant-memory mode): every row with cells, a
        # comment or a height/format, its cells left to right
        self._calculate_spans()
        lo, hi = self.dim_colmin, self.dim_colmax
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = self.table.get(row)
            info = self.row_info.get(row)
            if not cells and info is None and row not in self.comments:
                continue
            span = self.row_spans.get(row // 16)
            if not cells:
                self._write_empty_row(row, span, info)
                continue
            self._write_row(row, span, info)
            for col in sorted(cells):
                if lo <= col <= hi:
                    self._write_cell(row, col, cells[col])
            self._xml_end_tag("row")

    def _write_cell(self, row, col, cell):
        kind = type(cell)
        fmt = cell.format if kind in _FAST_CELLS else None
        if fmt is None:
            return super()._write_cell(row, col, cell)
        inline = None
        if kind is _TEXT_CELL and self.constant_memory:
            inline = inline_text(cell.string)
            if inline is None:
                return super()._write_cell(row, col, cell)
        ref = _ref(row, col)
        xf = fmt.xf_index
        if xf is None:
            xf = fmt._get_xf_index()
        if kind in _NUMBER_CELLS:
            self.fh.write(number_xml(ref, xf, cell.number))
        elif kind is _BLANK_CELL:
            self.fh.write(blank_xml(ref, xf))
        elif inline is not None:
            # constant-memory mode (the rekap) writes text inline, not as a shared string
            self.fh.write(f'<c r="{ref}" s="{xf}"{inline}')
        elif kind is _TEXT_CELL:
            self.fh.write(f'<c r="{ref}" s="{xf}" t="s"><v>{cell.string}</v></c>')
        else:
            value, kind_attr = cell.value, ""
            if isinstance(value, bool):
                value, kind_attr = (1 if value else 0), ' t="b"'
            elif isinstance(value, str) and value != "":
                kind_attr = ' t="e"' if value in _ERROR_CODES else ' t="str"'
            self.fh.write(f'<c r="{ref}" s="{xf}"{kind_attr}><f>'
                          f'{self._escape_data(cell.formula)}</f><v>'
                          f'{self._escape_data(value)}</v></c>')
        return None

    def _prepare_formula(self, formula, expand_future_functions=False):
        if self.use_future_functions or expand_future_functions or "_xlfn." in formula \
                or not all(name in CLASSIC_FUNCTIONS for name in _CALLED.findall(formula)):
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula
