"""What ``lkj check`` does, without click: the click command in :mod:`lkj_excel.cli` parses
the options and calls :func:`run_check`, and so does the console script for a plain
``lkj check FILE...`` (:mod:`lkj_excel.console`), which then starts without click."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

from .console import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, echo, fail, isatty, one_shot, write_text

#: The options' defaults, for the click command and for a plain check alike.
DEFAULT_FORMAT = "teks"
DEFAULT_MIN_SEVERITY = "info"


def run_check(berkas: tuple[str, ...], fmt: str = DEFAULT_FORMAT, output: Path | None = None,
              min_sev: str = DEFAULT_MIN_SEVERITY, pengaturan: Path | None = None,
              timpa: bool = False) -> None:
    """Check the files, folders and patterns in ``berkas``, print or write the findings,
    and exit: 0 no errors, 1 errors found, 2 a file could not be used."""
    from .checking import check_file
    from .errors import LkjError
    from .findings import Severity
    from .inputs import expand, is_rekap_output
    from .render import render_csv, render_json, render_text

    one_shot()
    min_severity = Severity.parse(min_sev)
    if output is not None:  # only then: lkj_excel.outputs is not free to import
        from .outputs import guard_output, is_earlier_output
    found = expand(berkas, exclude=[output] if output and is_earlier_output(
        output, fmt) else [])
    if not found.files:
        fail(found.nothing_message())
    for note in found.empty:
        echo(f"Catatan: {note}", err=True)
    files = found.files
    one_shot(single_report=len(files) == 1)
    if output is not None:
        try:
            guard_output(output, fmt, reads=files, overwrite=timpa)
        except LkjError as exc:
            fail(exc.message)
    office = None
    if pengaturan is not None:
        from .pengaturan import load_settings

        try:
            office = load_settings(pengaturan)
        except LkjError as exc:
            fail(exc.message)
    notes: list[str] = []
    results, failures = [], []
    with _progress(files) as items:
        for path in items:
            try:
                if office is None:
                    results.append(check_file(path))
                else:
                    results.append(_check_with(path, office, pengaturan, notes))
            except LkjError as exc:
                if str(path) not in berkas and is_rekap_output(path):
                    echo(f"Catatan: '{path}' dilewati: itu hasil lkj rekap, bukan laporan.",
                         err=True)
                    continue
                failures.append((str(path), exc.message))
    if not results and not failures:
        fail("Tidak ada laporan untuk diperiksa: yang ditemukan hanya hasil lkj rekap.")
    if fmt == "json":
        text = render_json(results, min_severity, failures)
    elif fmt in ("csv", "csv-mesin"):
        text = render_csv(results, min_severity, machine=fmt == "csv-mesin")
    else:
        text = render_text(results, min_severity, failures)
    if output is not None:
        write_text(output, text, bom=fmt == "csv")  # Excel reads UTF-8 only with a BOM
        echo(f"Hasil pemeriksaan ditulis ke: {output}", err=True)
    else:
        echo(text, nl=not text.endswith("\n"))
    for note in notes:
        echo(note, err=True)
    for _path, msg in failures:
        echo(f"Galat: {msg}", err=True)
    code = EXIT_OK
    if any(r.exit_code == EXIT_FINDINGS for r in results):
        code = EXIT_FINDINGS
    if failures or any(r.exit_code == EXIT_UNUSABLE for r in results):
        code = EXIT_UNUSABLE
    sys.exit(code)


def _progress(files: list):
    """click's progress bar on a terminal for more than three files (click is imported
    only then); otherwise the files as they are."""
    if len(files) > 3 and isatty(sys.stderr):
        import click

        return click.progressbar(files, label="Memeriksa", file=sys.stderr, show_pos=True)
    return nullcontext(files)


def _check_with(path: Path, office, source: Path, notes: list[str]):
    """Check one file by the office's settings; say what its own Pengaturan set otherwise."""
    from .checking import check
    from .pengaturan import differences
    from .reader import read_report

    report = read_report(path)
    diff = differences(report.settings, office)
    if diff:
        notes.append(f"Catatan: {Path(path).name} diperiksa dengan pengaturan {source.name}; "
                     f"Pengaturan di berkas berbeda: {'; '.join(diff)}.")
    report.settings = office
    return check(report)
