"""Worker processes for ``lkj rekap`` that one file cannot stop and that never outlive lkj.

``concurrent.futures.ProcessPoolExecutor`` gives up entirely when a worker dies (a reader
that aborts on a hostile file, the system killing a process that uses too much memory):
every pending file fails with ``BrokenProcessPool`` and nothing says which file was the
cause. :func:`run_all` keeps going instead: the files that were in flight when the pool
broke are each read again alone in a fresh process, so the file that kills its process is
found and reported (its record says why), and the others are read in a new pool.

Each worker also watches its parent: when the main lkj process is gone (killed, closed
window), the workers exit within a second instead of running on.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

#: Files queued per worker: enough to keep workers busy, few enough that a broken pool
#: leaves little to re-read.
QUEUE_PER_WORKER = 4


def _watch_parent(parent_pid: int) -> None:
    """Worker initializer: exit as soon as the parent process is gone."""
    import multiprocessing

    parent = multiprocessing.parent_process()

    def watch() -> None:
        if os.name == "nt" and parent is not None:
            parent.join()  # waits on the parent's process handle
            os._exit(3)
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:  # re-parented: the parent died
                os._exit(3)

    threading.Thread(target=watch, name="lkj-watch-parent", daemon=True).start()


def _start_worker(parent_pid: int, init: Callable[..., None] | None, args: tuple) -> None:
    _watch_parent(parent_pid)
    if init is not None:
        init(*args)


def _pool(workers: int, init: Callable[..., None] | None = None,
          args: tuple = ()) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                               initargs=(os.getpid(), init, args))


def helper(initializer: Callable[..., None] | None = None,
           initargs: tuple = ()) -> ProcessPoolExecutor:
    """An executor of one worker process, started at once, for a task handed over later
    (the rekap's Temuan sheet, written beside the main process). Started before the
    main process grows (the rekap imports pandas later), so that its memory is a
    worker's; it exits with lkj as the workers do."""
    pool = _pool(1, initializer, initargs)
    pool.submit(int)  # the process is started by the first task
    return pool


#: Most items sent to a worker in one task: fewer round trips through the pool (each
#: costs the main process about half a millisecond), while the last tasks still end
#: close together.
MAX_CHUNK = 8


def chunk_size(n_items: int, workers: int) -> int:
    """Items per task: up to MAX_CHUNK, while every worker still gets QUEUE_PER_WORKER
    tasks."""
    return max(1, min(MAX_CHUNK, n_items // (workers * QUEUE_PER_WORKER)))


def _each(func: Callable[[str], dict], chunk: list[str]) -> list[dict]:
    return [func(item) for item in chunk]


def run_all(func: Callable[[str], dict], items: Iterable[str], workers: int,
            crashed: Callable[[str], dict], initializer: Callable[..., None] | None = None,
            initargs: tuple = ()) -> Iterator[dict]:
    """Yield ``func(item)`` for every item, computed in ``workers`` processes, in the
    order they finish. An item whose process dies yields ``crashed(item)`` instead; the
    rest are still computed. ``func`` must not raise (return a record instead).
    ``initializer(*initargs)`` runs once in each worker (state shared by every item).
    Items go to the workers a few at a time (:func:`chunk_size` of the items not sent
    yet: fewer as the end nears)."""
    pending: deque[str] = deque(items)
    size = chunk_size(len(pending), workers)
    suspects: list[str] = []
    while pending:
        pool = _pool(workers, initializer, initargs)
        in_flight: dict[Any, list[str]] = {}
        broken = False
        try:
            while (pending or in_flight) and not broken:
                while pending and len(in_flight) < workers * QUEUE_PER_WORKER:
                    # the chunk size of what is left: the last tasks are single
                    # files, so that the workers finish within a file of each other
                    n = min(size, chunk_size(len(pending), workers))
                    chunk = [pending.popleft() for _ in range(n)]
                    try:
                        in_flight[pool.submit(_each, func, chunk)] = chunk
                    except BrokenProcessPool:  # a worker died since the last wait
                        pending.extendleft(reversed(chunk))  # never sent: not a suspect
                        broken = True
                        break
                if broken:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for fut in done:
                    chunk = in_flight.pop(fut)
                    try:
                        recs = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.extend(chunk)
                        continue
                    yield from recs
            if broken:
                for chunk in in_flight.values():
                    suspects.extend(chunk)
                in_flight.clear()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            # futures cancelled by an exception while yielding go back to nobody: the
            # caller stops anyway
        if suspects and size > 1:
            # The file that broke the pool is among those in flight, up to MAX_CHUNK times
            # more of them than a pool of single files holds: read them again one at a
            # time, so that a pool broken again leaves only its few in flight to read alone.
            pending.extendleft(reversed(suspects))
            suspects.clear()
            size = 1
            continue
        # The file that broke the pool is among those in flight: read each alone.
        while suspects:
            item = suspects.pop(0)
            yield _alone(func, item, crashed, initializer, initargs)


def _alone(func: Callable[[str], dict], item: str, crashed: Callable[[str], dict],
           init: Callable[..., None] | None = None, args: tuple = ()) -> dict:
    pool = _pool(1, init, args)
    try:
        return pool.submit(func, item).result()
    except BrokenProcessPool:
        return crashed(item)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
