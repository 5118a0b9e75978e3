"""SYS: problems of lkj itself, reported instead of crashing."""

from __future__ import annotations

from . import rule


@rule("SYS001", "warning", "*", "Pemeriksaan tidak dapat dijalankan")
def rule_failed(ctx):
    """A rule stopped on an unexpected value. The other rules still ran; please send the
    workbook to the lkj maintainers so the rule can be fixed. Never emitted by itself."""
    return ()
