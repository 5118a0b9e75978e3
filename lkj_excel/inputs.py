"""What the user named on the command line -> the workbook files to read.

``lkj check`` and ``lkj rekap`` accept files, folders (searched to the bottom for
spreadsheets) and patterns such as ``laporan/*.xlsx``. Patterns are expanded here, not by
the shell, because the Windows command prompt passes them through unexpanded. An input
that yields nothing (an empty folder, a pattern that matches no file) is reported, so that
a typo never looks like "0 laporan, semua beres".
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePath

from .record import Record

SPREADSHEET_EXT = (".xlsx", ".xlsm", ".xls", ".ods")
_GLOB_CHARS = frozenset("*?[")
#: Sheets that only a workbook written by ``lkj rekap`` has (writers/rekap.py).
REKAP_SHEETS = frozenset({"Rekap Unit", "Rekap Indikator"})


class Inputs(Record):
    """The files found for the paths, folders and patterns a command was given."""

    __slots__ = ("files", "resolved", "empty")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, files: list[Path] | None = None, resolved: list[Path] | None = None,
                 empty: list[str] | None = None):
        self.files = [] if files is None else files
        #: Each of ``files`` resolved (the real path: links followed), in the same order.
        self.resolved = [] if resolved is None else resolved
        #: Indonesian notes for inputs that yielded no file.
        self.empty = [] if empty is None else empty

    def nothing_message(self) -> str:
        """The message when ``files`` is empty: every reason, in one sentence each."""
        return " ".join([*self.empty, "Tidak ada laporan untuk diproses (yang dicari: berkas "
                         f"{', '.join(SPREADSHEET_EXT)})."])


def is_spreadsheet_name(name: str) -> bool:
    """Whether a file name ends in a spreadsheet extension (as ``Path.suffix`` reads it:
    "laporan..xlsx" and "..xlsx" do, ".xlsx" alone does not), in any case."""
    return PurePath(name).suffix.lower() in SPREADSHEET_EXT


def is_pattern(text: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in text)


def expand(inputs: Iterable[str | os.PathLike], exclude: Iterable[Path] = ()) -> Inputs:
    """Files, folders and glob patterns -> files in a stable order, each once.

    A named file is kept whatever its extension or even if it does not exist (reading it
    then says what is wrong with it); files found in folders or by a pattern must be
    spreadsheets."""
    skip = {p.resolve() for p in exclude}
    seen: set[Path] = set()
    res = Inputs()

    def add(p: Path, resolved: Path | None = None) -> None:
        r = p.resolve() if resolved is None else resolved
        if r not in skip and r not in seen:
            seen.add(r)
            res.files.append(p)
            res.resolved.append(r)

    def found(p: Path) -> bool:
        return p.is_file() and is_spreadsheet_name(p.name)

    for item in inputs:
        p = Path(item)
        if p.is_dir():
            hits = folder_files(p)
            for f, r in hits:
                add(f, r)
            if not hits:
                res.empty.append(f"Folder '{p}' tidak berisi berkas laporan.")
        elif p.exists() or not is_pattern(str(item)):
            add(p)
        else:
            import glob

            hits = [h for h in map(Path, sorted(glob.glob(str(item), recursive=True)))
                    if found(h)]
            for h in hits:
                add(h)
            if not hits:
                res.empty.append(f"Pola '{item}' tidak cocok dengan berkas laporan mana pun.")
    return res


def folder_files(folder: Path) -> list[tuple[Path, Path]]:
    """The spreadsheets under ``folder``, each with its resolved path, in the order of
    ``sorted(folder.rglob("*"))`` filtered by ``is_file()`` and the extension.

    The same answer as that one-liner with ``Path.resolve()`` per file, at a fifth of its
    cost (52-58 -> 13 ms for 1.000 files, a quarter of an unchanged ``lkj rekap --db``
    run): one ``scandir`` per folder tells files and links apart without a ``stat`` per
    file, and a folder's real path is worked out once for all its files (with
    ``realpath``, so that a Windows junction, which ``rglob`` enters, resolves to its
    target as ``resolve()`` would). Like ``rglob``, it does not descend into linked
    folders, lists linked files, and skips a folder it cannot read."""
    out: list[tuple[Path, Path]] = []
    todo = [(folder, Path(os.path.realpath(folder)))]
    while todo:
        here, real = todo.pop()
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            try:
                if e.is_dir(follow_symlinks=False):
                    sub = here / e.name
                    todo.append((sub, Path(os.path.realpath(sub))))
                elif e.is_file() and is_spreadsheet_name(e.name):
                    f = here / e.name
                    out.append((f, f.resolve() if e.is_symlink() else real / e.name))
            except OSError:
                continue
    out.sort()
    return out


def is_rekap_output(path: str | os.PathLike) -> bool:
    """True for a workbook written by ``lkj rekap`` (its own sheets, no Identitas sheet):
    a previous rekap saved into the folder being consolidated. Never raises."""
    try:
        import python_calamine as pc

        wb = pc.CalamineWorkbook.from_path(str(path))
        try:
            names = set(wb.sheet_names)
        finally:
            wb.close()  # Windows cannot remove a folder holding an open file
    except BaseException:  # noqa: BLE001 - calamine may even panic on a broken file
        return False
    return REKAP_SHEETS <= names and "Identitas" not in names
