"""What a one-shot ``lkj check`` imports (issue 17): for a small report, starting Python and
importing is most of the process, so a check imports only what checking needs - no
writer, no pandas, no JSON or CSV module for the text output, no corrected-figures module,
no dataclasses.

Each test runs the command as the console script does, in a fresh interpreter, and reads
the imports from ``-X importtime``, which names every module the process imported,
also those imported inside a function."""

from __future__ import annotations

import os
import site
import subprocess
import sys

import pytest

from .conftest import ALL_SAMPLES, CLEAN, PRONOJIWO, RANUYOSO, ROOT

#: Never needed to check a report and print its findings as text.
NOT_FOR_CHECK = (
    "pandas", "openpyxl", "xlsxwriter", "babel", "holidays", "docx", "docxtpl", "PIL",
    "flask", "werkzeug", "rapidfuzz", "sqlite3", "json", "csv", "calendar",
    # generating a dataclass's methods at import costs about 0.5 ms a class: the classes a
    # check uses are plain (lkj_excel.record, tests/test_records.py)
    "dataclasses",
    "lkj_excel.outputs", "lkj_excel.summary", "lkj_excel.writers", "lkj_excel.rekap",
    "lkj_excel.web", "lkj_excel.store",
    # a plain `lkj check FILE...` runs without click (lkj_excel.console): click, its
    # Indonesian catalogue and what click imports (inspect, uuid) were 25-30 ms a process
    "click", "lkj_excel.cli", "gettext", "inspect", "uuid",
    # annotations are strings (from __future__ import annotations): typing, ~3 ms, only
    # for type checkers (TYPE_CHECKING = False; if TYPE_CHECKING: from typing import ...)
    "typing",
)


def imports(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run lkj in a fresh interpreter and name every module it imported.

    ``-S``: the ``site`` module does not run, so no ``.pth`` file of the environment runs
    before lkj does (CI's interpreter has one that imports typing at start-up); the
    site-packages directories are given on PYTHONPATH instead, so the same packages load.
    """
    path = os.pathsep.join([str(ROOT), *site.getsitepackages()])
    proc = subprocess.run([sys.executable, "-S", "-X", "importtime", "-m", "lkj_excel", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": path})
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
             if line.startswith("import time:")}
    return proc, names


def _loaded(names: set[str], module: str) -> bool:
    return any(n == module or n.startswith(module + ".") for n in names)


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name[:12])
def test_check_imports_only_what_it_needs(path):
    proc, names = imports("check", str(path))
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Berkas:" in proc.stdout
    # the listing is complete: the reader, the rules and python-calamine are in it
    assert {"lkj_excel.reader", "lkj_excel.rules.base", "python_calamine"} <= names
    assert [m for m in NOT_FOR_CHECK if _loaded(names, m)] == []


def test_json_and_an_output_file_import_what_they_use(tmp_path):
    """The other side: the modules above are left out because the text output to the
    console does not use them, and are there when the command does."""
    out = tmp_path / "temuan.json"
    proc, names = imports("check", str(CLEAN), "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert out.read_text(encoding="utf-8").startswith("[")
    assert {"json", "lkj_excel.outputs"} <= names
    assert "dataclasses" not in names
    proc, names = imports("check", str(PRONOJIWO), "--format", "csv")
    assert proc.returncode == 1 and proc.stdout.startswith("Berkas;Tingkat;Aturan")
    assert "csv" in names


def test_help_imports_no_report_module():
    proc, names = imports("--help")
    assert proc.returncode == 0 and "Perintah:" in proc.stdout
    assert "click" in names
    loaded = [m for m in ("python_calamine", "lkj_excel.checking", "lkj_excel.reader",
                          "lkj_excel.model", "lkj_excel.rules", "lkj_excel.outputs")
              if _loaded(names, m)]
    assert loaded == []


def test_numbers_and_text_are_formatted_by_modules_imported_when_first_needed():
    """formatting imports the decimal module (1 ms) when it first writes a number, the text
    output textwrap (0.7 ms) when it first wraps a finding: a check that finds nothing
    (Ranuyoso) imports neither, one whose single note quotes a date (the clean sample) no
    decimal module, and Pronojiwo's both."""
    for path, code, left_out in ((RANUYOSO, 0, {"decimal", "textwrap"}),
                                 (CLEAN, 0, {"decimal"}), (PRONOJIWO, 1, set())):
        proc, names = imports("check", str(path))
        assert proc.returncode == code, proc.stderr[-2000:]
        assert {"decimal", "textwrap"} - names == left_out, path.name
