"""What the bench scripts share: running a command as a whole process and reading its peak
memory honestly.

Peak memory is the process's own ``VmHWM`` from /proc/self/status, never ``ru_maxrss`` of
RUSAGE_SELF: Linux carries the parent's peak across fork and exec into the child's
ru_maxrss, so a bench that generated its workbooks in-process (hundreds of MiB) would report
that as the measured command's peak, and a "flat in N" figure would be flat by accident.
Workers forked *by* the measured command are read through RUSAGE_CHILDREN, which holds
their own peaks (a forked child does not inherit its parent's carried figure).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Defines PEAK(): this process's peak resident memory in KiB (VmHWM).
PEAK_SRC = """
def PEAK():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
"""


def compile_package() -> None:
    """Byte-compile lkj_excel, as ``pip install`` leaves it: this machine sets
    PYTHONDONTWRITEBYTECODE, and every measured process would compile it again (70 ms)."""
    import compileall

    compileall.compile_dir(str(ROOT / "lkj_excel"), quiet=1)


def lkj_source(command: str) -> str:
    """A ``python -c`` program that runs ``lkj COMMAND ARGS...`` (the process's arguments)
    through the real entry point and prints, as the last line of stderr, its own peak and
    its workers' peak in KiB. One-shot commands leave through os._exit (no atexit runs), so
    the figures are printed just before it too."""
    return PEAK_SRC + f"""
import os
import resource
import sys
from lkj_excel.console import main
_exit = os._exit
def _report():
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(PEAK(), children, file=sys.stderr)
    sys.stderr.flush()
def _report_exit(code):
    _report()
    _exit(code)
os._exit = _report_exit
code = 0
try:
    main([{command!r}, *sys.argv[1:]])
except SystemExit as exc:  # keep lkj's exit code: the bench tells 1 from 2
    code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
_report()
sys.exit(code)
"""


class Run:
    """One whole process: wall seconds, CPU seconds (user + system, workers included) and
    peak memory in MiB of the process and of its largest worker, as its program printed
    them (the last line of stderr: "KiB" or "KiB KiB")."""

    def __init__(self, wall: float, cpu: float, main_mib: float, worker_mib: float,
                 stdout: str):
        self.wall, self.cpu = wall, cpu
        self.main_mib, self.worker_mib = main_mib, worker_mib
        self.stdout = stdout


def run(args: list[str], cwd: Path = ROOT) -> Run:
    """Run ``args``; exit the bench with the process's error output when it fails (exit
    code 2 or worse: 1 is lkj's "checked, errors found", which the synthetic workbooks
    are made to give)."""
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    last = (proc.stderr.strip().splitlines() or [""])[-1].split()
    try:
        kib = [int(x) for x in last]
    except ValueError:
        kib = []
    if not kib or proc.returncode not in (0, 1):
        shown = " ".join("<program>" if "\n" in str(a) else str(a) for a in args)
        raise SystemExit(f"gagal: {shown}\n{proc.stderr[-2000:]}")
    return Run(wall, cpu, kib[0] / 1024, (kib[1] if len(kib) > 1 else 0) / 1024, proc.stdout)


def python(code: str, *args) -> list[str]:
    """The arguments of ``python -c CODE ARGS...`` with this interpreter."""
    return [sys.executable, "-c", code, *map(str, args)]


def medians(runs: list[Run]) -> Run:
    """The median wall and CPU time of several runs, and their largest peaks."""
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               max(r.main_mib for r in runs), max(r.worker_mib for r in runs),
               runs[-1].stdout)


def alternated(a: list[str], b: list[str], repeat: int) -> tuple[Run, Run]:
    """``a`` and ``b`` run in turn ``repeat`` times, so that a change in the shared
    machine's load falls on both: the medians of each."""
    ra, rb = [], []
    for _ in range(repeat):
        ra.append(run(a))
        rb.append(run(b))
    return medians(ra), medians(rb)
