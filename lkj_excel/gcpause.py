"""Pause Python's cyclic garbage collector while a report is read, checked and summarised.

The model of a large report is millions of small objects (every cell, its parse, the
diagnosis network) that all stay alive until the report is done. The cyclic collector
would walk them again and again as they are made: about 40% of checking a 100,000-row
Anggaran, for no memory back. Reference counting still frees everything that is not in a
cycle; the collector resumes when the outermost pause ends and frees the rest then.

When it resumes, everything made during the pause would sit in the youngest generation,
and the first collection after it would walk all of it at once (half a second for a
10,000-row Anggaran). :func:`gc.freeze` followed by :func:`gc.unfreeze` moves every tracked
object into the oldest generation without walking it (both are list splices), so the
report's objects wait for the next full collection like any long-lived data. Skipped when
the program has frozen objects of its own (a pre-forking server), which unfreeze would
release.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

_lock = threading.Lock()
_depth = 0
_was_enabled = False

F = TypeVar("F", bound=Callable)


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
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


def pausing(fn: F) -> F:
    """Decorator: run ``fn`` inside :func:`paused`."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with paused():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
