"""The console script's plain check (lkj_excel.console): ``lkj check FILE...`` runs without
importing click, and must print, write and exit exactly as the click command does."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import click
import pytest

from lkj_excel import console

from .conftest import CLEAN, PRONOJIWO, ROOT


def _run(module: str, *args: str, cwd=ROOT) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("args", [
    # every sample and corpus file in one process: findings, unusable files, notes
    ("check", "sample_workbooks", "tests/corpus"),
    ("check", str(PRONOJIWO)),
    ("check", str(CLEAN)),
    ("check", "tidak_ada.xlsx"),
    ("check", str(CLEAN), "tidak_ada.xlsx"),
], ids=["all", "pronojiwo", "clean", "missing", "clean+missing"])
def test_a_plain_check_prints_and_exits_as_the_click_command(args):
    """``python -m lkj_excel`` takes the plain path, ``python -m lkj_excel.cli`` click's."""
    assert console.plain_check_files(args) is not None
    plain = _run("lkj_excel", *args)
    through_click = _run("lkj_excel.cli", *args)
    assert plain == through_click
    assert plain[0] in (0, 1, 2) and (plain[1] or plain[2])


def test_a_rekap_output_named_or_found_is_reported_as_by_click(tmp_path):
    """The rekap output is skipped with a note when found in a folder and refused when
    named: the plain path must see the arguments exactly as click hands them over."""
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "a.xlsx")
    assert _run("lkj_excel", "rekap", folder, "-o", folder / "rekap.xlsx")[0] == 0
    for args in (("check", folder), ("check", folder / "rekap.xlsx", folder / "a.xlsx")):
        plain, through_click = _run("lkj_excel", *args), _run("lkj_excel.cli", *args)
        assert plain == through_click
        assert "rekap" in plain[2]


@pytest.mark.parametrize("args, plain", [
    (["check", "a.xlsx"], ("a.xlsx",)),
    (["check", "a.xlsx", "laporan masuk"], ("a.xlsx", "laporan masuk")),
    (["check"], None),  # click's usage error
    (["check", "a.xlsx", "--format", "json"], None),
    (["check", "-o", "x.csv", "a.xlsx"], None),
    (["check", "--help"], None),
    (["check", "--", "a.xlsx"], None),
    (["check", ""], None),
    (["check", "laporan/*.xlsx"], None),  # click expands these on Windows
    (["check", "laporan_tw[12].xlsx"], None),
    (["check", "~/a.xlsx"], None),
    (["check", "%USERPROFILE%/a.xlsx"], None),
    (["check", "$HOME/a.xlsx"], None),
    (["finalise", "a.xlsx"], None),
    (["--version"], None),
    ([], None),
])
def test_which_command_lines_are_plain(args, plain):
    assert console.plain_check_files(args) == plain


def test_shell_completion_goes_through_click(monkeypatch):
    monkeypatch.setenv("_LKJ_COMPLETE", "bash_complete")
    assert console.plain_check_files(["check", "a.xlsx"]) is None


def test_only_streams_click_writes_to_as_they_are_are_plain(monkeypatch):
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    ascii_ = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", utf8)
    monkeypatch.setattr(sys, "stderr", utf8)
    assert console.plain_check_files(["check", "a.xlsx"]) == ("a.xlsx",)
    monkeypatch.setattr(sys, "stderr", ascii_)  # click would re-encode it as UTF-8
    assert console.plain_check_files(["check", "a.xlsx"]) is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # no encoding
    assert console.plain_check_files(["check", "a.xlsx"]) is None
    monkeypatch.setattr(sys, "stderr", None)  # pythonw
    assert console.plain_check_files(["check", "a.xlsx"]) is None


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("message", [
    "Berkas: a.xlsx\n  E4  KESALAHAN  ANG001  Sisa 17.580.000",
    "sel \x1b[31mmerah\x1b[0m dan \x1b]0;judul\x07 \x1b[2K",  # escapes typed in a cell
    "", "\n", "Galat: berkas 'laporan_tw1 – Kécamatan.xlsx' tidak ada",
])
@pytest.mark.parametrize("nl", [True, False])
@pytest.mark.parametrize("stream", [io.StringIO, _Terminal])
def test_write_prints_as_click_echo(message, nl, stream):
    ours, theirs = stream(), stream()
    console.write(ours, message, nl)
    click.echo(message, file=theirs, nl=nl)
    assert ours.getvalue() == theirs.getvalue()


def test_write_without_a_stream_prints_nothing():
    console.write(None, "pythonw has no console")  # no error


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_plain_check_interrupted_says_so_and_exits_130(tmp_path):
    """Ctrl+C (and any other error) is handled as for every command (console.guarded)."""
    code = ("import sys\nfrom lkj_excel import checking, console\n"
            "def stop(*a, **k):\n    raise KeyboardInterrupt\n"
            "checking.check_file = stop\n"
            "console.main(['check', sys.argv[1]])\n")
    proc = subprocess.run([sys.executable, "-c", code, str(CLEAN)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 130 and proc.stderr == "Dibatalkan.\n"
