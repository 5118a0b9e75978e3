"""Pause Python's cyclic garbage collector while a report is read, checked and summarised.

The model of a large report is millions of small objects (every cell, its parse, the
diagnosis network) that all stay alive until the report is done. The cyclic collector
would walk them again and again as they are made: about 40% of checking a 100,000-row
Anggaran, for no memory back. Reference counting still frees everything that is not in a
cycle; the collector resumes when the outermost pause ends and frees the rest then.

When it resumes, the first collection walks everything made during the pause once (about
0,25 s for a 10,000-row Anggaran): that is what frees a report's cycles in a process that
goes on (rekap workers, the page). A one-shot command that exits as soon as its report is
done does not need it: :func:`off_for_good` stops the collector for the rest of the
process.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs every check process ~3 ms to import
    from typing import TypeVar

    F = TypeVar("F", bound=Callable)

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside (nested and thread-safe: it resumes when the last
    pause ends, and only if it was running before the first)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def pausing(fn: F) -> F:
    """Decorator: run ``fn`` inside :func:`paused`."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with paused():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def off_for_good() -> None:
    """Stop the cyclic collector for the rest of this process: for a command that reads
    one report, writes its output and exits (every object it makes stays alive until the
    end anyway; reference counting still frees the rest)."""
    global _was_enabled
    with _lock:
        _was_enabled = False
        gc.disable()
