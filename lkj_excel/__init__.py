"""lkj-excel: check, correct and consolidate Laporan Kinerja Triwulan (LKj) workbooks.

The public API is importable without pandas; heavy modules load on first use::

    from lkj_excel import read_report, check, make_template
    report = read_report("laporan.xlsx")
    result = check(report)          # a CheckResult with .findings and .counts
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "read_report", "check", "check_file", "make_template", "finalise",
           "rekap", "dokumen"]


def read_report(path, progress=None):
    from .reader import read_report as _read

    return _read(path, progress=progress)


def check(report, **kwargs):
    from .checking import check as _check

    return _check(report, **kwargs)


def check_file(path, **kwargs):
    from .checking import check_file as _check_file

    return _check_file(path, **kwargs)


def make_template(path, tingkat="seksi"):
    from .writers.template import make_template as _make

    return _make(path, tingkat)


def finalise(path, output=None, **kwargs):
    from .writers.final import finalise as _finalise

    return _finalise(path, output, **kwargs)


def rekap(inputs, output, **kwargs):
    from .rekap import rekap as _rekap

    return _rekap(inputs, output, **kwargs)


def dokumen(path, output=None, **kwargs):
    from .writers.dokumen import dokumen as _dokumen

    return _dokumen(path, output, **kwargs)
