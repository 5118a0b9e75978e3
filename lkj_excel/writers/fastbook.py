"""XlsxWriter's workbook with three shortcuts for the finalised workbook's assembly.

Saving a workbook (``close``) was about 40% of finalising a sample, and the floor of
issue 17's goal (a bare XlsxWriter script writing the same content) pays all of it too.
Three parts of it do work that cannot change the file's content
(tests/test_fast_worksheet.py compares every part of the package with XlsxWriter's own):

- the shared strings: XlsxWriter runs two substitutions over every text for characters it
  must escape as _xHHHH_; a text holding none of them is written as it is
  (:class:`PlainEscapes`, which :class:`~lkj_excel.writers.cells.FastWorksheet` uses too);
- the zip: each part is deflated at :data:`ZIP_LEVEL` instead of zlib's default 6 (the
  parts' text is the same; the file is about 10% larger);
- the cycle: every worksheet holds a bound method of its workbook, so a closed workbook and
  every cell record it made are garbage only the cyclic collector can free;
  :func:`release` lets reference counting free them at once.
"""

from __future__ import annotations

import threading
import zipfile
from typing import Any

import xlsxwriter
from xlsxwriter import workbook as _xw_workbook
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings

from .cells import FastWorksheet, PlainEscapes

#: zlib's level for the package's parts: 1 deflates a sample's parts in about two thirds
#: of level 6's time, 10% larger (a sample's 32 KiB file becomes 35 KiB).
ZIP_LEVEL = 1


class _SharedStrings(PlainEscapes, SharedStrings):
    pass


class _Packager(Packager):
    def _write_shared_strings_file(self) -> None:
        # Packager's own, with the shared strings written by _SharedStrings
        if not self.workbook.str_table.count:
            return
        sst = _SharedStrings()
        sst.string_table = self.workbook.str_table
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class _LeveledZipFile(zipfile.ZipFile):
    """A ZipFile deflating at :data:`ZIP_LEVEL`: XlsxWriter hands ``writestr`` a ZipInfo of
    its own, whose level (None) would be zlib's default."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        return super().writestr(zinfo_or_arcname, data, compress_type,
                                ZIP_LEVEL if compresslevel is None else compresslevel)


#: Held while a FastWorkbook's package is zipped: its ZipFile is swapped into XlsxWriter's
#: module for that time (XlsxWriter makes the ZipFile and its entries itself). An
#: XlsxWriter workbook of another thread saved at that moment is deflated at the same
#: level: the same content, a slightly larger file.
_ZIP_SWAP = threading.Lock()


class FastWorkbook(xlsxwriter.Workbook):
    """XlsxWriter's Workbook writing its sheets with FastWorksheet, its shared strings
    through :class:`PlainEscapes` and its zip at :data:`ZIP_LEVEL`."""

    def __init__(self, filename: Any = None, options: dict | None = None):
        super().__init__(filename, options)
        self.worksheet_class = FastWorksheet

    def _get_packager(self) -> Packager:
        return _Packager()  # XlsxWriter's hook for a packager of one's own

    def _store_workbook(self) -> None:
        with _ZIP_SWAP:
            module_zip = _xw_workbook.ZipFile
            _xw_workbook.ZipFile = _LeveledZipFile
            try:
                super()._store_workbook()
            finally:
                _xw_workbook.ZipFile = module_zip


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
