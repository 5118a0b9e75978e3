"""Run the rules over one report and collect the findings."""

from __future__ import annotations

import os
from collections.abc import Iterable

from .findings import CheckResult, Finding, Severity
from .gcpause import pausing
from .model import Report

#: Findings that mean the input could not be fully used (exit code 2).
UNUSABLE_RULES = frozenset({"NIL001", "NIL002", "IDN007"})


@pausing
def check(report: Report, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None) -> CheckResult:
    """Check a report with every registered rule (or ``select``; minus ``ignore``)."""
    from .rules import load_all
    from .rules.base import Context

    rules = load_all()
    chosen = set(select) if select else set(rules)
    chosen -= set(ignore or ())
    ctx = Context(report)
    findings: list[Finding] = []
    seen: set[tuple[str, str, str | None, str]] = set()
    for code, r in rules.items():
        if code not in chosen or code == "SYS001":
            continue
        try:
            produced = list(r.func(ctx) or ())
        except Exception as exc:  # noqa: BLE001 - a broken rule must not stop the check
            produced = [Finding("SYS001", Severity.WARNING, "*", None, code, "aturan",
                                type(exc).__name__, "",
                                f"Aturan {code} tidak dapat dijalankan pada berkas ini "
                                f"({type(exc).__name__}); aturan lain tetap diperiksa.")]
        for f in produced:
            k = (f.rule, f.sheet, f.cell, f.field)
            if k not in seen:
                seen.add(k)
                findings.append(f)
    result = CheckResult(path=report.path, findings=findings, report=report)
    result.input_unusable = any(f.rule in UNUSABLE_RULES for f in findings)
    result.context = ctx
    return result


@pausing  # one pause for reading and checking: the collector resumes once, not twice
def check_file(path: str | os.PathLike, **kwargs) -> CheckResult:
    """Read and check one workbook. Raises LkjError when the file cannot be used."""
    from .reader import read_report

    return check(read_report(path), **kwargs)
