"""``lkj buka``: a local page in the browser for staff who are not programmers.

The page downloads empty templates, checks workbooks (summary and findings per file),
offers the finalised workbook, and consolidates many files into a rekap - all through the
library's own functions. ``app`` holds the Flask application, ``present`` the data each
checked file is shown as, ``products`` what can be downloaded per file, ``jobs`` the
background rekap, ``server`` waitress, the browser and the automatic stop.
"""

from __future__ import annotations


def serve(*args, **kwargs):
    from .server import serve as _serve

    return _serve(*args, **kwargs)


def create_app(*args, **kwargs):
    from .app import create_app as _create

    return _create(*args, **kwargs)
