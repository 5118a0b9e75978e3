"""inputs.folder_files: the short way of finding a folder's spreadsheets against the
one-liner it replaces (sorted rglob, is_file, the extension, Path.resolve per file)."""

import os
from pathlib import Path

import pytest

from lkj_excel.inputs import SPREADSHEET_EXT, expand, folder_files


def _long_way(folder: Path) -> list[tuple[Path, Path]]:
    return [(f, f.resolve()) for f in sorted(folder.rglob("*"))
            if f.is_file() and f.suffix.lower() in SPREADSHEET_EXT]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "masuk"
    for rel in ["b.xlsx", "A.XLSX", "c.ods", "catatan.txt", ".tersembunyi.xlsx",
                "Seksi/z.xlsm", "Seksi/a.xls", "Seksi/Dalam/x.xlsx", "Z/b.xlsx", "..xlsx",
                "laporan..xlsx", "xlsx"]:
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"PK")
    elsewhere = tmp_path / "lain"
    (elsewhere / "sub").mkdir(parents=True)
    (elsewhere / "asli.xlsx").write_bytes(b"PK")
    (elsewhere / "sub" / "dalam.xlsx").write_bytes(b"PK")
    os.symlink(elsewhere / "asli.xlsx", root / "tautan.xlsx")  # a linked file: listed
    os.symlink(elsewhere / "sub", root / "folder_tautan")  # a linked folder: not entered
    os.symlink(tmp_path / "hilang.xlsx", root / "putus.xlsx")  # a broken link: skipped
    (root / "folder.xlsx").mkdir()  # a folder named like a workbook: skipped
    return root


def test_folder_files_equals_sorted_rglob(tree: Path):
    got = folder_files(tree)
    assert got == _long_way(tree)
    names = [f.relative_to(tree).as_posix() for f, _ in got]
    assert names == ["..xlsx", ".tersembunyi.xlsx", "A.XLSX", "Seksi/Dalam/x.xlsx", "Seksi/a.xls",
                     "Seksi/z.xlsm", "Z/b.xlsx", "b.xlsx", "c.ods", "laporan..xlsx", "tautan.xlsx"]
    assert dict(got)[tree / "tautan.xlsx"] == (tree.parent / "lain" / "asli.xlsx").resolve()


def test_folder_files_through_a_linked_parent(tree: Path, tmp_path: Path):
    """The folder named is itself reached through a link: every resolved path is real."""
    os.symlink(tree, tmp_path / "pintasan")
    got = folder_files(tmp_path / "pintasan")
    assert got == _long_way(tmp_path / "pintasan")
    assert all(r.is_relative_to(tree.resolve()) or r.name == "asli.xlsx" for _, r in got)


def test_expand_keeps_each_file_once_and_skips_the_output(tree: Path):
    out = tree / "Z" / "b.xlsx"
    res = expand([tree, tree / "b.xlsx", tree / "Seksi"], exclude=[out])
    assert [f.relative_to(tree).as_posix() for f in res.files] == [
        "..xlsx", ".tersembunyi.xlsx", "A.XLSX", "Seksi/Dalam/x.xlsx", "Seksi/a.xls", "Seksi/z.xlsm",
        "b.xlsx", "c.ods", "laporan..xlsx", "tautan.xlsx"]
    assert res.resolved == [f.resolve() for f in res.files]
    assert res.empty == []
