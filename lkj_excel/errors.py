"""Exceptions for "cannot proceed". Findings are data; these mean the input is unusable.

Only the CLI turns them into an Indonesian message and exit code 2.
"""

from __future__ import annotations


class LkjError(Exception):
    """Base class: ``message`` is a complete Indonesian sentence for the user."""

    exit_code = 2

    def __init__(self, message: str, path: object = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class UnreadableWorkbook(LkjError):
    """Not a spreadsheet, empty, truncated, encrypted or otherwise not openable."""


class MissingSheet(LkjError):
    """A required sheet is absent."""


class MissingColumn(LkjError):
    """A required column is absent from a sheet."""


class OutputError(LkjError):
    """The output cannot be written (same path as input, read-only folder, full disk)."""


class NoInputFiles(LkjError):
    """The inputs named no workbook at all (an empty folder, a pattern matching nothing)."""
