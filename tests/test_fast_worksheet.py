"""FastWorksheet (lkj_excel/writers/cells.py) cuts two of XlsxWriter's inner loops short:
the sheets it writes must be XlsxWriter's own, byte for byte, for every kind of cell."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
import zlib

import pytest
import xlsxwriter

from lkj_excel.writers.cells import FastWorksheet
from lkj_excel.writers.fastbook import ZIP_LEVEL
from lkj_excel.writers.final import finalise

from .helpers import ROOT


def _every_kind(path, fast: bool) -> None:
    wb = xlsxwriter.Workbook(str(path), {"in_memory": True, "nan_inf_to_errors": True,
                                         "strings_to_formulas": False,
                                         "strings_to_numbers": False})
    if fast:
        wb.worksheet_class = FastWorksheet
    bold = wb.add_format({"bold": True})
    pct = wb.add_format({"num_format": "0.00%", "border": 1})
    date = wb.add_format({"num_format": "d mmmm yyyy"})
    row_fmt = wb.add_format({"italic": True})
    col_fmt = wb.add_format({"font_color": "#FF0000"})
    ws = wb.add_worksheet("Satu")
    ws.set_row(40, 20, row_fmt)
    ws.set_column(9, 9, 12, col_fmt)
    r = 0
    for fmt in (None, bold, pct):
        ws.write_number(r, 0, 1234567.125, fmt)
        ws.write_number(r, 1, 1e-20, fmt)
        ws.write_number(r, 2, math.nan, fmt)  # becomes an error formula
        ws.write_number(r, 3, -math.inf, fmt)
        ws.write_string(r, 4, "teks <&> \"kutip\" \n baris", fmt)
        ws.write_string(r, 5, " spasi di tepi ", fmt)
        ws.write_blank(r, 6, None, fmt)
        ws.write_boolean(r, 7, True, fmt)
        ws.write_datetime(r, 8, dt.datetime(2024, 7, 15, 10, 30), fmt or date)
        ws.write_formula(r, 9, "=A1*2", fmt, 2469134.25)
        ws.write_formula(r, 10, '=IF(A1>0,"ya & <tidak>","")', fmt, "ya & <tidak>")
        ws.write_formula(r, 11, "=A1/0", fmt, "#DIV/0!")
        ws.write_formula(r, 12, "=A1=1", fmt, True)
        ws.write_formula(r, 13, "=A1=2", fmt, False)
        ws.write_formula(r, 14, '=IF(1,"","")', fmt, "")
        ws.write_formula(r, 15, "=SUM(A1:B1)", fmt)
        ws.write_formula(r, 16, "=XLOOKUP(1,A1:A3,B1:B3)", fmt, 0)  # dynamic: the long way
        ws.write_formula(r, 17, "{=SUM(A1:A3*B1:B3)}", fmt, 7)
        ws.write_rich_string(r, 18, "a", bold, "b", fmt) if fmt else None
        ws.write_url(r, 19, "internal:'Satu'!A1", fmt, string="A1", tip="ke A1")
        ws.write_comment(r, 20, "catatan")
        r += 1
    for c in range(0, 30, 7):  # a row format, a column format, far columns
        ws.write_blank(40, c, None)
        ws.write_string(41 + c, 9, "kolom J")
        ws.write_number(2, 700 + c, c, pct)
    wb.close()


def _sheets(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/")}


def test_fast_worksheet_writes_xlsxwriters_own_xml(tmp_path, monkeypatch):
    _every_kind(tmp_path / "plain.xlsx", fast=False)
    long_way = []
    original = xlsxwriter.worksheet.Worksheet._write_cell

    def counted(self, row, col, cell):
        long_way.append(type(cell).__name__)
        return original(self, row, col, cell)

    monkeypatch.setattr(xlsxwriter.worksheet.Worksheet, "_write_cell", counted)
    _every_kind(tmp_path / "fast.xlsx", fast=True)
    plain, fast = _sheets(tmp_path / "plain.xlsx"), _sheets(tmp_path / "fast.xlsx")
    assert plain.keys() == fast.keys()
    for name in plain:
        assert plain[name] == fast[name], name
    sheet = plain["xl/worksheets/sheet1.xml"].decode()
    # the cases the shortcut takes are there, and it took them: the long way only for
    # cells without a format, booleans, array formulas and rich text
    assert '<c r="A2" s="4"><v>1234567.125</v></c>' in sheet
    assert '<c r="K2" s="4" t="str"><f>IF(A1&gt;0,"ya &amp; &lt;tidak&gt;","")</f>' \
           '<v>ya &amp; &lt;tidak&gt;</v></c>' in sheet
    assert '<c r="L2" s="4" t="e"><f>A1/0</f><v>#DIV/0!</v></c>' in sheet
    assert '<c r="M2" s="4" t="b"><f>A1=1</f><v>1</v></c>' in sheet
    # the long way: row 1's cells without a format (16: its blank is not stored, its date
    # and link get a default format); in rows 2-3 a boolean, two array formulas and rich
    # text each; the text under column J's format
    assert long_way[16:] == ["Boolean", "ArrayFormula", "ArrayFormula", "RichString"] * 2 \
        + ["String"] * 5


def test_finalised_workbook_is_the_same_with_xlsxwriters_worksheet(tmp_path, monkeypatch):
    """A whole finalised report: every part of the package equal with and without the
    shortcuts (FastWorkbook and FastWorksheet against XlsxWriter's Workbook and
    Worksheet), the shortcuts' parts deflated at ZIP_LEVEL, the others at zlib's default."""
    import lkj_excel.writers.final as final

    src = ROOT / "sample_workbooks" / "003_pronojiwo_kecamatan_tw3_2024.xlsx"
    finalise(src, tmp_path / "fast.xlsx")
    monkeypatch.setattr(final, "FastWorkbook", xlsxwriter.Workbook)
    finalise(src, tmp_path / "plain.xlsx")
    plain, fast = _sheets(tmp_path / "plain.xlsx"), _sheets(tmp_path / "fast.xlsx")
    assert plain.keys() == fast.keys()
    for name in plain:
        assert plain[name] == fast[name], name
    for path, level in ((tmp_path / "fast.xlsx", ZIP_LEVEL), (tmp_path / "plain.xlsx", -1)):
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                packed = zlib.compressobj(level, zlib.DEFLATED, -15)
                size = len(packed.compress(z.read(info)) + packed.flush())
                assert info.compress_size == size, (path.name, info.filename)


def test_the_shortcuts_were_taken(tmp_path, monkeypatch):
    """FastWorksheet's rows and spans and PlainEscapes stand in for XlsxWriter's own on the
    way a finalised workbook is saved (the test above compares what they write): in the
    sheets, the shared strings and the styles; XlsxWriter's modules name their own classes
    again afterwards."""
    import xlsxwriter.packager
    import xlsxwriter.workbook

    from lkj_excel.writers import cells

    taken = []

    def spy(cls, name):
        own = cls.__dict__[name]
        if isinstance(own, staticmethod):
            def counted(data):
                taken.append((name, "?"))
                return own.__func__(data)
            monkeypatch.setattr(cls, name, staticmethod(counted))
        else:
            def counted(self, *args, **kwargs):
                taken.append((name, type(self).__name__))
                return own(self, *args, **kwargs)
            monkeypatch.setattr(cls, name, counted)

    for name in ("_calculate_spans", "_write_rows"):
        spy(FastWorksheet, name)
    spy(cells.PlainEscapes, "_escape_attributes")
    spy(cells.PlainEscapes, "_escape_control_characters")
    theirs = (xlsxwriter.workbook.ZipFile, xlsxwriter.packager.Styles,
              xlsxwriter.packager.SharedStrings)
    src = ROOT / "sample_workbooks" / "000_ranuyoso_seksi_pm_tw4_2022.xlsx"
    finalise(src, tmp_path / "out.xlsx")
    assert {("_calculate_spans", "FastWorksheet"), ("_write_rows", "FastWorksheet"),
            ("_escape_attributes", "FastWorksheet"), ("_escape_attributes", "Styles"),
            ("_escape_attributes", "SharedStrings"),
            ("_escape_control_characters", "?")} <= set(taken)
    assert (xlsxwriter.workbook.ZipFile, xlsxwriter.packager.Styles,
            xlsxwriter.packager.SharedStrings) == theirs


def test_plain_escapes_are_xlsxwriters_own():
    """Each escape gives what XlsxWriter's gives, for numbers, plain texts and every kind
    of text XlsxWriter changes."""
    from xlsxwriter.xmlwriter import XMLwriter

    from lkj_excel.writers.cells import PlainEscapes

    mine, theirs = PlainEscapes(), XMLwriter()
    for value in (0, 17, 12.75, None, True, "", "teks biasa", 'a "b" & <c>\nd',
                  "_x0041_", "_x004G_", "a\x01b\x1fc\td", "\ufffe\uffff", " tepi ",
                  "Rp1.500.000", "<r>kaya</r>", "garis_x", "tab\tdi dalam", "baris\n",
                  "Désa – “kutip”", "a_x00e9_b", "\x7f", 'ke "A1"', "x\ny"):
        assert mine._escape_attributes(value) == theirs._escape_attributes(value), value
        assert PlainEscapes._escape_control_characters(value) == \
            XMLwriter._escape_control_characters(value), value


def test_a_finalised_workbook_is_freed_without_the_collector(tmp_path, monkeypatch):
    """release() breaks the cycle between a closed workbook and its sheets: with the
    cyclic collector off, reference counting frees the workbook and its sheets once
    finalise returns (without it, they and some 3.000 cell records waited for the
    collector)."""
    import gc
    import weakref

    import lkj_excel.writers.final as final

    made = []

    class Watched(final.FastWorkbook):
        def add_worksheet(self, *args, **kwargs):
            ws = super().add_worksheet(*args, **kwargs)
            made.append(weakref.ref(ws))
            return ws

    monkeypatch.setattr(final, "FastWorkbook", Watched)
    src = ROOT / "sample_workbooks" / "000_ranuyoso_seksi_pm_tw4_2022.xlsx"
    was = gc.isenabled()
    gc.disable()
    try:
        finalise(src, tmp_path / "out.xlsx")
        alive = [ref() for ref in made if ref() is not None]
    finally:
        if was:
            gc.enable()
    assert len(made) > 10 and alive == []


def _texts(path, book) -> None:
    wb = book(str(path), {"in_memory": True, "strings_to_formulas": False})
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Teks")
    texts = ["biasa", " spasi di depan", "di belakang ", "tab\tdi dalam", "akhir tab\t",
             "baris\nbaru", "& < > \"", "_x0041_ bukan huruf", "garis_x", "kontrol\x01\x1f",
             "\ufffe\uffff", "Désa – “kutip”", "<r>bukan kaya</r>", "<r>awal saja",
             "ke 'Sheet'!A1", "a" * 400]
    for r, text in enumerate(texts):
        ws.write_string(r, 0, text, bold)
        ws.write_string(r, 1, text)
    ws.write_rich_string(len(texts), 0, "a", bold, "b")
    ws.set_header("&L&8" + texts[6] + texts[9])
    wb.close()


def test_shared_strings_of_every_kind_are_xlsxwriters_own(tmp_path):
    """FastWorkbook writes the shared strings of every kind (spaces at the ends, tabs and
    newlines, & < > and quotes, _xHHHH_ lookalikes, control characters, non-ASCII, rich
    text and what only looks like it) and every other part as XlsxWriter's own Workbook."""
    from lkj_excel.writers.fastbook import FastWorkbook

    _texts(tmp_path / "plain.xlsx", xlsxwriter.Workbook)
    _texts(tmp_path / "fast.xlsx", FastWorkbook)
    plain, fast = _sheets(tmp_path / "plain.xlsx"), _sheets(tmp_path / "fast.xlsx")
    assert plain == fast
    assert b"_x005F_x0041_" in plain["xl/sharedStrings.xml"]  # the long way was taken


def test_an_unknown_xlsxwriter_takes_its_own_way(monkeypatch, tmp_path):
    """An XlsxWriter whose cell records FastWorksheet does not know (renamed, or with other
    fields) is left to write every cell itself: slower, never a broken file."""
    from xlsxwriter import worksheet as xw

    import lkj_excel.writers.cells as cells

    assert cells._known_cells()  # this XlsxWriter is the one it was written against
    fields = xw.CellStringTuple._fields
    monkeypatch.setattr(xw.CellStringTuple, "_fields", ("text", "format"))
    assert cells._known_cells() == {}
    monkeypatch.setattr(xw.CellStringTuple, "_fields", fields)
    monkeypatch.delattr(xw, "CellBlankTuple")
    assert cells._known_cells() == {}
    monkeypatch.undo()
    # with nothing known, every cell is XlsxWriter's own
    monkeypatch.setattr(cells, "_FAST_CELLS", frozenset())
    _every_kind(tmp_path / "plain.xlsx", fast=False)
    _every_kind(tmp_path / "unknown.xlsx", fast=True)
    assert _sheets(tmp_path / "plain.xlsx") == _sheets(tmp_path / "unknown.xlsx")


def test_named_formats_made_when_asked_make_the_same_workbook(tmp_path, monkeypatch):
    """Styles makes a named format when a sheet first asks for it: a finalised workbook is
    the same, part for part, as with every named format made at once (as before), with
    fewer formats made; an unknown name is an AttributeError."""
    import lkj_excel.writers.final as final
    from lkj_excel.writers.final.styles import NAMED, Styles

    made = []

    class Counted(final.FastWorkbook):
        def add_format(self, properties=None):
            made.append(properties)
            return super().add_format(properties)

    monkeypatch.setattr(final, "FastWorkbook", Counted)
    src = ROOT / "sample_workbooks" / "000_ranuyoso_seksi_pm_tw4_2022.xlsx"
    finalise(src, tmp_path / "lazy.xlsx")
    lazy = len(made)
    own_init = Styles.__init__

    def at_once(self, wb):
        own_init(self, wb)
        for name, props in NAMED.items():  # each made with its properties, not asked for
            setattr(self, name, self.get(**props))
        self.sev, self.pct_by_decimals  # noqa: B018

    monkeypatch.setattr(Styles, "__init__", at_once)
    made.clear()
    finalise(src, tmp_path / "eager.xlsx")
    assert _sheets(tmp_path / "lazy.xlsx") == _sheets(tmp_path / "eager.xlsx")
    assert lazy < len(made)
    with pytest.raises(AttributeError):
        Styles(None).no_such_format  # noqa: B018


def test_a_run_of_equal_widths_set_at_once_is_each_column_set():
    """PrintSheet sets a run of equal column widths in one call: the sheet's columns are
    those of one call a column."""
    from lkj_excel.writers.printlayout import PrintSheet

    wb = xlsxwriter.Workbook("unused.xlsx", {"in_memory": True})
    widths = [14, 14, 36, 14, 14, 14, 1.5, 18, 18]
    runs, each = wb.add_worksheet(), wb.add_worksheet()
    PrintSheet(runs, widths)
    for c, w in enumerate(widths):
        each.set_column(c, c, w)
    assert runs.col_info == each.col_info
