"""``lkj finalise`` against a bare XlsxWriter script writing the same content, in one run.

    python bench/finalise_bench.py [--rows 1000,10000] [--repeat 3] [--keep DIR]

For each sample workbook and each synthetic report with N Anggaran rows (the generator of
bench/check_bench.py), lkj finalise writes its workbook once; its content is then read back
(see :func:`content`: every cell that holds a value or a format, blank bordered cells
included, with its value or formula and stored value, number format, font, fill, borders,
alignment, link and comment; merged ranges, column widths, row heights, charts, images,
each sheet's print setup, panes, filter, protection and selection) and the floor is
XlsxWriter writing exactly that from memory through its public API, the formats made once
each, with ``in_memory`` as lkj uses. Prints the CPU time (``time.process_time``, median
of --repeat runs) of the floor and of ``finalise`` (read, check, summary and writing),
their ratio, the ratio per row against the smallest N, and the peak memory of a whole
``lkj finalise`` process.

Two things lkj does make its writing cheaper than a bare script's: its worksheet class
skips XlsxWriter's 29 regular expressions per formula and writes a cell's XML in one step
where that changes nothing (:class:`lkj_excel.writers.cells.FastWorksheet`), and it pauses
Python's cyclic garbage collector while it writes (every cell lives until the file is
saved, so the collector would only walk them again and again). The column "dasar-F" is the
floor written with both shortcuts, and "rasio-F" the ratio against it: what lkj costs
beyond XlsxWriter doing the same work the same way. The three are run in turn, --repeat
times each, so that the load of a shared machine falls on each alike.

Goal (issue 17): finalise within 1.5x of the floor, linear in rows.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import lkj_source, python, run  # noqa: E402


def _color(c) -> str | None:
    rgb = getattr(c, "rgb", None) if c is not None else None
    return "#" + rgb[2:] if isinstance(rgb, str) and len(rgb) == 8 else None


def _style(c) -> tuple:
    """Everything lkj sets on a cell's format, as a hashable key."""
    f, a, b = c.font, c.alignment, c.border
    return (c.number_format, f.name, f.sz, bool(f.b), bool(f.i), f.u, _color(f.color),
            _color(c.fill.fgColor) if c.fill.fill_type else None,
            b.left.style, b.right.style, b.top.style, b.bottom.style,
            bool(a.wrap_text), a.horizontal, a.vertical, int(a.indent or 0),
            bool(c.protection.locked))


def _chart(ch) -> dict:
    def ref(r):
        if r is None:
            return None
        for kind in ("numRef", "strRef"):
            x = getattr(r, kind, None)
            if x is not None:
                return "=" + x.f
        return None

    series = []
    for s in ch.series:
        name = s.tx.v if s.tx is not None and s.tx.strRef is None else ref(s.tx)
        fill = None
        if s.spPr is not None and s.spPr.solidFill is not None:
            fill = s.spPr.solidFill.srgbClr
        labels = s.dLbls is not None and bool(s.dLbls.showVal)
        series.append({"name": name, "categories": ref(s.cat), "values": ref(s.val),
                       "fill": fill, "labels": labels,
                       "num_format": s.dLbls.numFmt if labels else None})
    title = None
    if ch.title is not None and ch.title.tx is not None and ch.title.tx.rich is not None:
        title = "".join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))
    kind = type(ch).__name__.replace("Chart", "").replace("3D", "").lower()
    if kind == "bar":
        kind = "bar" if ch.barDir == "bar" else "column"
    return {"type": kind, "title": title, "series": series,
            "legend": ch.legend.position if ch.legend is not None else None,
            "row": ch.anchor._from.row, "col": ch.anchor._from.col}


def _hf(hf) -> str:
    """A header or footer back as Excel's codes (&L&8text&R&8...)."""
    out = ""
    for code, part in (("&L", hf.left), ("&C", hf.center), ("&R", hf.right)):
        if part is not None and part.text:
            size = f"&{int(part.size)}" if part.size else ""
            out += f"{code}{size}{part.text}"
    return out


def content(path: Path) -> dict:
    """Everything the floor writes, read back from a finalised workbook: every cell that
    has a value or a format (blank cells with borders or fills included) with its value or
    formula and stored value, number format, font, fill, borders, alignment, link and
    comment; merged ranges, column widths (hidden ones too), row heights, charts with their
    series, title and colours, images; and each sheet's print setup (paper, orientation,
    scale, margins, print area and titles, page breaks, header and footer), frozen panes,
    filter, tab colour, protection and selection, and the workbook's properties."""
    import openpyxl
    import python_calamine as pc

    cal = pc.CalamineWorkbook.from_path(str(path))
    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        values = cal.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                r0, c0 = c.row - 1, c.column - 1
                stored = values[r0][c0] if r0 < len(values) and c0 < len(values[r0]) else ""
                comment = (c.comment.text, c.comment.author) if c.comment is not None \
                    else None
                link = None
                if c.hyperlink is not None:
                    link = (c.hyperlink.location, c.hyperlink.tooltip)
                cells.append((r0, c0, c.value, stored, _style(c), comment, link))
        # a merged range with its first cell's format (XlsxWriter formats the whole range)
        merges = []
        for m in ws.merged_cells.ranges:
            first = ws.cell(m.min_row, m.min_col)
            # text or a number goes in with the range, as lkj writes it; anything else
            # (a formula, a link, a comment) is written on its own over the range
            alone = first.value is None or (isinstance(first.value, str)
                                            and first.value.startswith("=")) \
                or first.hyperlink is not None or first.comment is not None \
                or not isinstance(first.value, (str, int, float))
            merges.append((str(m), _style(first), None if alone else first.value,
                           [(r - 1, c - 1) for r in range(m.min_row, m.max_row + 1)
                            for c in range(m.min_col, m.max_col + 1)]))
        widths = {}
        for d in ws.column_dimensions.values():
            if d.width or d.hidden:
                # openpyxl reads the stored width, XlsxWriter adds its padding back
                widths[(d.min - 1, d.max - 1)] = (max(d.width - 0.7109375, 0), d.hidden)
        heights = {k - 1: d.height for k, d in ws.row_dimensions.items() if d.height}
        ps, pm = ws.page_setup, ws.page_margins
        fit = ws.sheet_properties.pageSetUpPr
        sheets.append({
            "name": ws.title, "cells": cells, "merges": merges, "widths": widths,
            "heights": heights, "charts": [_chart(ch) for ch in ws._charts],
            "images": [(im.anchor._from.row, im.anchor._from.col, im._data())
                       for im in ws._images],
            "tab": _color(ws.sheet_properties.tabColor), "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref, "protect": bool(ws.protection.sheet),
            "selected": bool(ws.sheet_view.tabSelected),
            "landscape": ps.orientation == "landscape", "paper": int(ps.paperSize or 0),
            "scale": int(ps.scale) if ps.scale else None,
            "fit": bool(fit is not None and fit.fitToPage),
            "margins": (pm.left, pm.right, pm.top, pm.bottom, pm.header, pm.footer),
            "center": bool(ws.print_options.horizontalCentered),
            "area": ws.print_area, "titles": ws.print_title_rows,
            "breaks": [b.id for b in ws.row_breaks.brk],
            "header": _hf(ws.oddHeader), "footer": _hf(ws.oddFooter)})
    cal.close()
    p = book.properties
    return {"sheets": sheets, "active": book.active.title,
            "properties": {"title": p.title, "subject": p.subject, "author": p.creator,
                           "created": p.created}}


def floor_write(data: dict, out: str, shortcuts: bool = False) -> None:
    """The same content with XlsxWriter alone: the public API, one call per cell, each
    distinct format made once. ``shortcuts``: with the two lkj takes, its FastWorksheet
    and the cyclic collector paused while writing."""
    if shortcuts:
        from lkj_excel.gcpause import paused

        with paused():
            _floor_write(data, out, True)
    else:
        _floor_write(data, out, False)


def _floor_write(data: dict, out: str, fast_formulas: bool) -> None:
    import io

    import xlsxwriter

    wb = xlsxwriter.Workbook(out, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "nan_inf_to_errors": True,
        "default_format_properties": {"font_name": "Arial", "font_size": 10},
        "default_row_height": 17})
    if fast_formulas:
        from lkj_excel.writers.cells import FastWorksheet

        wb.worksheet_class = FastWorksheet
    wb.set_properties(data["properties"])
    formats: dict = {}

    def fmt(key):
        f = formats.get(key)
        if f is None:
            (num, font, size, bold, italic, under, color, fill, left, right, top, bottom,
             wrap, align, valign, indent, locked) = key
            props = {"num_format": num, "font_name": font, "font_size": size, "bold": bold,
                     "italic": italic, "text_wrap": wrap, "indent": indent, "locked": locked}
            if under:
                props["underline"] = 1
            if color:
                props["font_color"] = color
            if fill:
                props["bg_color"] = fill
            for side, style in (("left", left), ("right", right), ("top", top),
                                ("bottom", bottom)):
                if style:
                    props[side] = BORDERS.get(style, 1)
            if align in ("center", "right", "left", "centerContinuous", "justify"):
                props["align"] = "center_across" if align == "centerContinuous" else align
            if valign in ("top", "center", "bottom", "justify"):
                props["valign"] = "vcenter" if valign == "center" else valign
            f = formats[key] = wb.add_format(props)
        return f

    for sh in data["sheets"]:
        ws = wb.add_worksheet(sh["name"])
        for (c0, c1), (w, hidden) in sh["widths"].items():
            ws.set_column(c0, c1, w, None, {"hidden": True} if hidden else None)
        for r, h in sh["heights"].items():
            ws.set_row(r, h)
        done, blank = set(), set()
        for rng, key, value, cells in sh["merges"]:
            # XlsxWriter writes the range's other cells blank in the first one's format
            ws.merge_range(rng, "" if value is None else value, fmt(key))
            blank.update(cells[1:])
            if value is not None:
                done.add(cells[0])
        for r, c, v, stored, key, comment, link in sh["cells"]:
            if (r, c) in done or (v is None and (r, c) in blank and not comment):
                continue
            f = fmt(key)
            if link is not None and link[0]:
                ws.write_url(r, c, f"internal:{link[0]}", f, string=str(v), tip=link[1])
            elif v is None:
                ws.write_blank(r, c, None, f)
            elif isinstance(v, str) and v.startswith("="):
                ws.write_formula(r, c, v, f, stored)
            elif isinstance(v, bool):
                ws.write_boolean(r, c, v, f)
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v, f)
            elif hasattr(v, "year"):
                ws.write_datetime(r, c, v, f)
            else:
                ws.write_string(r, c, str(v), f)
            if comment:
                ws.write_comment(r, c, comment[0], {"author": comment[1]})
        for ch in sh["charts"]:
            chart = wb.add_chart({"type": ch["type"]})
            for s in ch["series"]:
                opts = {"values": s["values"]}
                if s["categories"]:
                    opts["categories"] = s["categories"]
                if s["name"]:
                    opts["name"] = s["name"]
                if s["fill"]:
                    opts["fill"] = {"color": "#" + s["fill"]}
                if s["labels"]:
                    opts["data_labels"] = {"value": True, "num_format": s["num_format"]}
                chart.add_series(opts)
            if ch["title"]:
                chart.set_title({"name": ch["title"]})
            chart.set_legend({"position": ch["legend"]} if ch["legend"] else {"none": True})
            ws.insert_chart(ch["row"], ch["col"], chart)
        for r, c, image in sh["images"]:
            ws.insert_image(r, c, "logo.png", {"image_data": io.BytesIO(image)})
        if sh["tab"]:
            ws.set_tab_color(sh["tab"])
        if sh["freeze"]:
            ws.freeze_panes(sh["freeze"])
        if sh["filter"]:
            ws.autofilter(sh["filter"])
        ws.set_paper(sh["paper"])
        if sh["landscape"]:
            ws.set_landscape()
        left, right, top, bottom, head, foot = sh["margins"]
        ws.set_margins(left, right, top, bottom)
        if sh["center"]:
            ws.center_horizontally()
        if sh["scale"]:
            ws.set_print_scale(sh["scale"])
        if sh["fit"]:
            ws.fit_to_pages(1, 0)
        if sh["area"]:
            ws.print_area(sh["area"].split("!")[-1].replace("$", ""))
        if sh["titles"]:
            rows = sh["titles"].replace("$", "").split(":")
            ws.repeat_rows(int(rows[0]) - 1, int(rows[-1]) - 1)
        if sh["breaks"]:
            ws.set_h_pagebreaks(sh["breaks"])
        if sh["header"]:
            ws.set_header(sh["header"], {"margin": head})
        if sh["footer"]:
            ws.set_footer(sh["footer"], {"margin": foot})
        if sh["selected"]:
            ws.select()
        if sh["protect"]:
            ws.protect("", {"format_columns": True, "format_rows": True,
                            "select_locked_cells": True, "select_unlocked_cells": True})
        if sh["name"] == data["active"]:
            ws.activate()
    wb.close()


#: openpyxl's border style names -> XlsxWriter's border index.
BORDERS = {"thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5, "double": 6,
           "hair": 7, "mediumDashed": 8, "dashDot": 9, "mediumDashDot": 10,
           "dashDotDot": 11, "mediumDashDotDot": 12, "slantDashDot": 13}


def interleaved_medians(fns, repeat: int) -> list[float]:
    """The median CPU time of each function, run in turn ``repeat`` times."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, ts in zip(fns, times, strict=True):
            t0 = time.process_time()
            fn()
            ts.append(time.process_time() - t0)
    return [statistics.median(ts) for ts in times]


def peak_mib(args: list[str]) -> float:
    """Peak memory (VmHWM) of a whole ``lkj finalise`` process."""
    return run(python(lkj_source("finalise"), *args)).main_mib


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the synthetic workbooks in this folder")
    ap.add_argument("--no-samples", action="store_true")
    args = ap.parse_args()
    from check_bench import synthetic

    from lkj_excel.writers.final import finalise

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        folder = args.keep or t
        folder.mkdir(parents=True, exist_ok=True)
        files = [] if args.no_samples else sorted((ROOT / "sample_workbooks").glob("*.xlsx"))
        sizes = [int(n) for n in args.rows.split(",") if n]
        files += [synthetic(n, folder) for n in sizes]
        print(f"{'berkas':36} {'N':>6} {'sel':>7} | {'dasar':>8} {'dasar-F':>8} "
              f"{'finalise':>8} {'rasio':>6} {'rasio-F':>7} | {'memori':>6}")
        print(f"{'':36} {'':>6} {'':>7} | {'CPU, median; dasar = XlsxWriter saja':^44} | "
              f"{'MiB':>6}")
        for f in files:
            target = t / f"{f.stem}_final.xlsx"
            rep = args.repeat if "anggaran_1" not in f.name or f.stat().st_size < 2e6 \
                else max(1, args.repeat // 2)
            finalise(f, target, overwrite=True)  # once unmeasured: the file to read back
            data = content(target)
            ncells = sum(len(s["cells"]) for s in data["sheets"])
            floor_out = str(t / "floor.xlsx")
            # The three in turn, so that the load of a shared machine falls on each alike.
            # The content read back (a million objects at 10,000 rows) is frozen out of the
            # cyclic collector's sight: alive, it made every collection in the measured
            # runs rarer (its 25% rule counts it) and longer, unlike in a process of its own.
            gc.collect()
            gc.freeze()
            try:
                lkj, bare, fast = interleaved_medians(
                    [lambda f=f, target=target: finalise(f, target, overwrite=True),
                     lambda data=data, o=floor_out: floor_write(data, o),
                     lambda data=data, o=floor_out: floor_write(data, o, True)], rep)
            finally:
                gc.unfreeze()
            from lkj_excel.reader import read_report

            rows = len(read_report(f).anggaran)
            mem = peak_mib([str(f), "-o", str(t / "p.xlsx"), "--timpa"])
            print(f"{f.name[:36]:36} {rows:6} {ncells:7} | {bare * 1e3:6.0f}ms {fast * 1e3:6.0f}ms "
                  f"{lkj * 1e3:6.0f}ms {lkj / bare:5.2f}x {lkj / fast:6.2f}x | {mem:6.0f}")
            out[f.name] = {"rows": rows, "cells": ncells, "floor_ms": round(bare * 1e3, 1),
                           "floor_fast_ms": round(fast * 1e3, 1),
                           "finalise_ms": round(lkj * 1e3, 1), "ratio": round(lkj / bare, 2),
                           "ratio_fast": round(lkj / fast, 2), "peak_mib": round(mem)}
        big = [out[f"anggaran_{n}.xlsx"] for n in sizes]
        if len(big) >= 2:
            a, b = big[0], big[-1]
            print(f"linear: {a['rows']} -> {b['rows']} baris ({b['rows'] / a['rows']:.0f}x): "
                  f"finalise {b['finalise_ms'] / a['finalise_ms']:.1f}x, dasar "
                  f"{b['floor_ms'] / a['floor_ms']:.1f}x")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
