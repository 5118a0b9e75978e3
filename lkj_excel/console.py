"""The ``lkj`` console script: exit codes, messages, the one-shot exit, and a plain check
without click.

Importing click costs a process about 25-30 ms CPU (click's modules and what they import:
inspect with ast, dis and tokenize, uuid with platform, gettext, and the Indonesian
catalogue bound in :mod:`lkj_excel.cli`): a quarter of a whole ``lkj check`` of a sample
report, as much as reading it. ``lkj check FILE...`` with nothing but file names - the
command as users type it and as the README, the page and batch files give it - needs none
of it, so :func:`main` runs that command line through :func:`lkj_excel.check_command.
run_check` directly, and hands every other one (another command, any option, ``--help``,
no file, a pattern or a name click would expand on Windows) to the click application in
:mod:`lkj_excel.cli` unchanged. Both run inside :func:`run_console`, so exit codes, Ctrl+C
and unexpected errors behave the same; ``tests/test_console.py`` compares the two paths'
output on every sample and corpus file.

This module imports nothing beyond the standard library's already-loaded modules.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Sequence

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

#: Characters click's Windows argument expansion acts on (glob patterns, ``~``, ``$VAR``
#: and ``%VAR%``): an argument holding one goes through click, which expands it there.
_EXPANDED_BY_CLICK = frozenset("*?[~$%")

#: An ANSI escape sequence, as click.echo strips it from output that is not a terminal.
_ANSI = r"\033\[[0-?]*[ -/]*[@-~]"

#: Set by a command that does one job and then ends the process (check, finalise,
#: dokumen). run_console() then ends it without freeing every object one by one: a
#: checked 100,000-row report is millions of objects, and tearing them down at exit took
#: half as long as checking it. Only the console script acts on it (not CliRunner).
_ONE_SHOT = False
#: True inside run_console() (the console script), not under CliRunner.
_CONSOLE = False


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``lkj``: a plain check runs without click; anything else through
    :func:`lkj_excel.cli.main`."""
    files = plain_check_files(sys.argv[1:] if argv is None else argv)
    if files is None:
        from .cli import main as click_main

        click_main(argv)
        return
    from .check_command import run_check

    run_console(lambda: run_check(files))


def plain_check_files(args: Sequence[str]) -> tuple[str, ...] | None:
    """The files of ``lkj check FILE...`` when that is the whole command line and click
    would hand them to the command as they are; otherwise None (click parses it)."""
    if len(args) < 2 or args[0] != "check" or "_LKJ_COMPLETE" in os.environ:
        return None  # another command, no file (click's usage error), shell completion
    files = tuple(args[1:])
    if any(not f or f[0] == "-" or not _EXPANDED_BY_CLICK.isdisjoint(f) for f in files):
        return None
    if not (_plain_text_stream(sys.stdout) and _plain_text_stream(sys.stderr)):
        return None  # click.echo would wrap the stream in another encoding
    return files


def _plain_text_stream(stream) -> bool:
    """A text stream click.echo writes to as it is: one with a known encoding other than
    ASCII (click re-encodes an ASCII stream's output as UTF-8)."""
    encoding = getattr(stream, "encoding", None)
    if stream is None or not encoding or not hasattr(stream, "buffer"):
        return False
    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return False


def run_console(body: Callable[[], None]) -> None:
    """Run a command as the console script: :func:`guarded`, and a one-shot command's
    process ended at once (see ``_ONE_SHOT``) once its output is flushed."""
    global _CONSOLE
    _CONSOLE = True
    try:
        guarded(body)
    except SystemExit as exc:
        code = exc.code
        if _ONE_SHOT and (code is None or isinstance(code, int)):
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except (OSError, ValueError):
                raise exc from None  # a closed pipe: the ordinary exit reports it
            os._exit(code or 0)
        raise


def guarded(body: Callable[[], None]) -> None:
    """Run ``body`` and exit: 0 when it returns, its own code when it exits, 130 with
    "Dibatalkan." on Ctrl+C, and 2 with an Indonesian message on any other error - users
    never see a traceback (``LKJ_DEBUG=1`` shows it)."""
    never_fail_on_unprintable()
    try:
        body()
    except KeyboardInterrupt:
        echo("Dibatalkan.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - users never see a traceback
        if os.environ.get("LKJ_DEBUG"):
            raise
        from .errors import LkjError

        if isinstance(exc, LkjError):
            echo(f"Galat: {exc.message}", err=True)
        else:
            echo(f"Galat: terjadi kesalahan tak terduga ({type(exc).__name__}: {exc}). "
                 "Jalankan ulang dengan LKJ_DEBUG=1 dan kirim keluarannya ke pengelola "
                 "lkj-excel.", err=True)
        sys.exit(EXIT_UNUSABLE)
    sys.exit(EXIT_OK)


def never_fail_on_unprintable() -> None:
    """A Windows console or a redirected output in cp437/cp1252 cannot encode every
    character a workbook may hold (a unit name, a path): print a replacement character
    instead of failing in the middle of the output."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or detached stream: nothing to do
                pass


def one_shot(single_report: bool = False) -> None:
    """Mark the command as one that ends the process (see ``_ONE_SHOT``).
    ``single_report``: it reads one report and ends; as the console script it also stops
    the cyclic collector (lkj_excel.gcpause.off_for_good), which would otherwise walk the
    whole report once more after reading and checking it."""
    global _ONE_SHOT
    _ONE_SHOT = True
    if single_report and _CONSOLE:
        from .gcpause import off_for_good

        off_for_good()


def echo(message: str, err: bool = False, nl: bool = True) -> None:
    """Print a message to standard output (or error) with click.echo when click is loaded
    (every command line but a plain check), else as click.echo prints text to the plain
    streams :func:`plain_check_files` admits (:func:`write`)."""
    click = sys.modules.get("click")
    if click is not None:
        click.echo(message, err=err, nl=nl)
    else:
        write(sys.stderr if err else sys.stdout, message, nl)


def write(stream, message: str, nl: bool = True) -> None:
    """click.echo of a text message to a text stream: a newline added, ANSI escape
    sequences removed unless the stream is a terminal, flushed; nothing without a stream
    (pythonw on Windows)."""
    if stream is None:
        return
    out = message + "\n" if nl else message
    if "\033" in out and not isatty(stream):
        import re

        out = re.sub(_ANSI, "", out)
    if out:
        stream.write(out)
    stream.flush()


def isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except Exception:  # noqa: BLE001 - a stream that cannot tell is not a terminal
        return False


def fail(message: str, code: int = EXIT_UNUSABLE):
    echo(f"Galat: {message}", err=True)
    sys.exit(code)


def write_text(path, text: str, bom: bool = False) -> None:
    """Write a command's text output to ``path`` atomically (never half a file)."""
    from .errors import LkjError
    from .writers.atomic import atomic_output

    try:
        with atomic_output(path) as tmp:
            with open(tmp, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
                fh.write(text)
    except LkjError as exc:
        fail(exc.message)
