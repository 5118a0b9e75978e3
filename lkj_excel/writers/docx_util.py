"""Small python-docx helpers shared by the Word templates' build script and the tables lkj
builds at render time (the budget hierarchy, the comparison by year), so both look alike.

python-docx has no API for a few table properties a printed report needs: a header row
repeated on every page, a row that may not break across pages, cell shading, fixed column
widths that Word and LibreOffice both honour, and a PAGE field. They are set in the XML here.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

#: Style names the templates define (a kabupaten's own template must define them too when
#: it uses the tables lkj builds; missing styles fall back to Word's defaults).
TABLE_STYLE = "Tabel LKj"
CELL_STYLE = "Isi Tabel"
HEAD_STYLE = "Kepala Tabel"
HEAD_FILL = "D9D9D9"
TOTAL_FILL = "F2F2F2"


def _props(el: Any, tag: str) -> Any:
    """The w:tblPr / w:trPr / w:tcPr child of ``el``, created when absent."""
    pr = el.find(qn(tag))
    if pr is None:
        pr = OxmlElement(tag)
        el.insert(0, pr)
    return pr


def repeat_header(row: Any) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    tr_pr = _props(row._tr, "w:trPr")
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def keep_row_together(row: Any) -> None:
    """Do not break this row across two pages."""
    tr_pr = _props(row._tr, "w:trPr")
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tbl_pr.append(borders)


def set_widths(table: Any, widths_cm: list[float]) -> None:
    """Fixed layout with these column widths: Word reads w:gridCol and each w:tcW,
    LibreOffice the grid; autofit would let long names stretch the table off the page."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    # narrow cell margins (Word's default 0.19 cm each side wastes a sixth of a 2 cm column)
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(int(Cm(0.1).twips)))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tbl_pr.append(mar)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(w)


def cell_text(cell: Any, text: str, *, style: str | None = CELL_STYLE, bold: bool = False,
              align: str = "left", size: float | None = None) -> None:
    """Put ``text`` in the cell's first paragraph (newlines become paragraphs)."""
    parts = str(text).split("\n")
    p = cell.paragraphs[0]
    for i, part in enumerate(parts):
        if i:
            p = cell.add_paragraph()
        if style:
            p.style = style
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        run = p.add_run(part)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)


def page_number_field(paragraph: Any) -> None:
    """Append a PAGE field (the current page number) to ``paragraph``."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def keep_with_next(paragraph: Any) -> None:
    paragraph.paragraph_format.keep_with_next = True
