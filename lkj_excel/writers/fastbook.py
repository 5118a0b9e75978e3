"""XlsxWriter's workbook with three shortcuts for the finalised workbook's assembly.

Saving a workbook (``close``) was about 40% of finalising a sample, and the floor of
issue 17's goal (a bare XlsxWriter script writing the same content) pays all of it too.
Three parts of it do work that cannot change the file's content
(tests/test_fast_worksheet.py compares every part of the package with XlsxWriter's own):

- the escapes: the parts other than the sheets (shared strings, styles, comments,
  relationships...) are written by XlsxWriter classes with :class:`PlainEscapes` mixed in,
  as :class:`~lkj_excel.writers.cells.FastWorksheet` writes the sheets: a number or a text
  with nothing to escape goes out as it is;
- the zip: each part is deflated at :data:`ZIP_LEVEL` instead of zlib's default 6 (the
  parts' text is the same; the file is about 10% larger);
- the cycle: every worksheet holds a bound method of its workbook, so a closed workbook and
  every cell record it made are garbage only the cyclic collector can free;
  :func:`release` lets reference counting free them at once.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import xlsxwriter
from xlsxwriter import packager as _xw_packager
from xlsxwriter import workbook as _xw_workbook
from xlsxwriter.xmlwriter import XMLwriter

from .cells import FastWorksheet, PlainEscapes, plain_ascii

#: zlib's level for the package's parts: 1 deflates a sample's parts in about two thirds
#: of level 6's time, 10% larger (a sample's 32 KiB file becomes 35 KiB).
ZIP_LEVEL = 1


class _LeveledZipFile(zipfile.ZipFile):
    """A ZipFile deflating at :data:`ZIP_LEVEL`: XlsxWriter hands ``writestr`` a ZipInfo of
    its own, whose level (None) would be zlib's default."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        return super().writestr(zinfo_or_arcname, data, compress_type,
                                ZIP_LEVEL if compresslevel is None else compresslevel)


class _PlainStrings(PlainEscapes):
    """The shared strings: a text that XlsxWriter's _write_si writes as it is (printable
    ASCII without "_x", & < or >, and no space at either end to preserve; rich text starts
    with "<") goes out in one step, without its five searches and three calls."""

    def _write_sst_strings(self) -> None:
        write = self.fh.write
        for text in self.string_table.string_array:
            if plain_ascii(text) and "&" not in text and "<" not in text and \
                    ">" not in text and text[:1] != " " and text[-1:] != " ":
                write(f"<si><t>{text}</t></si>")
            else:
                self._write_si(text)


def _swaps() -> list[tuple[Any, str, type]]:
    """(module, name, ours) for what a FastWorkbook's package is written with: the
    ZipFile XlsxWriter's workbook makes, and each part writer its packager makes (every
    XMLwriter class the packager module names) with PlainEscapes mixed in
    (_PlainStrings for the shared strings)."""
    out: list[tuple[Any, str, type]] = [(_xw_workbook, "ZipFile", _LeveledZipFile)]
    for name, cls in sorted(vars(_xw_packager).items()):
        if isinstance(cls, type) and issubclass(cls, XMLwriter):
            mixin = _PlainStrings if name == "SharedStrings" else PlainEscapes
            out.append((_xw_packager, name, type(name, (mixin, cls), {})))
    return out


_SWAPS = _swaps()
#: Held while a FastWorkbook's package is written, when XlsxWriter's modules name our
#: classes (XlsxWriter makes the zip and the part writers itself). An XlsxWriter workbook
#: of another thread saved at that moment is deflated at the same level: the same
#: content, a slightly larger file.
_SWAP_LOCK = threading.Lock()


@contextmanager
def _swapped() -> Iterator[None]:
    with _SWAP_LOCK:
        saved = [(module, name, getattr(module, name)) for module, name, _ in _SWAPS]
        for module, name, ours in _SWAPS:
            setattr(module, name, ours)
        try:
            yield
        finally:
            for module, name, theirs in saved:
                setattr(module, name, theirs)


class FastWorkbook(xlsxwriter.Workbook):
    """XlsxWriter's Workbook writing its sheets with FastWorksheet, its other parts through
    :class:`PlainEscapes` and its zip at :data:`ZIP_LEVEL`."""

    def __init__(self, filename: Any = None, options: dict | None = None):
        super().__init__(filename, options)
        self.worksheet_class = FastWorksheet

    def _store_workbook(self) -> None:
        with _swapped():
            super()._store_workbook()


def release(wb: Any) -> None:
    """Let go of a closed XlsxWriter workbook at once: each worksheet holds a bound method
    of its workbook, so the workbook, its sheets and every cell record in them (some 3.000
    objects for a sample) are a reference cycle, left to the first collection after
    finalise's pause of the collector (1-3 ms of a sample's 30-90 ms). Emptying the
    sheets' and the workbook's attributes breaks it, and reference counting frees them.
    The workbook cannot be used after this."""
    for ws in wb.worksheets():
        vars(ws).clear()
    vars(wb).clear()
