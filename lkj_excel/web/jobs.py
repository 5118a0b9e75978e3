"""Rekap runs in the background so the page can show how far it has got.

A job owns a private temporary folder holding the uploaded workbooks and the rekap
workbook. The folder is removed as soon as the page has fetched the result, when the page
never fetches it (after ``KEEP_SECONDS``), and when the server stops.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A finished rekap nobody fetched is removed after this long.
KEEP_SECONDS = 15 * 60
OUTPUT_NAME = "rekap_lkj.xlsx"


PREFIX = "lkj-buka-"
_live: set[Path] = set()
_live_lock = threading.Lock()


def private_folder() -> Path:
    """A new folder only this user can read (mkdtemp makes it mode 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    with _live_lock:
        _live.add(folder)
    return folder


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if not folder.exists():
        with _live_lock:
            _live.discard(folder)


def remove_all_folders(stale_after: float = 24 * 3600) -> None:
    """On stop: every folder this process made that is still there (on Windows a file
    still open at the time blocks removal). Also folders an earlier run left behind when it
    was killed, once they are a day old (a second lkj running now uses fresh ones)."""
    with _live_lock:
        mine = list(_live)
    for folder in mine:
        remove_folder(folder)
    now = time.time()
    for old in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            if old.is_dir() and now - old.stat().st_mtime > stale_after:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass


@dataclass
class RekapJob:
    id: str
    folder: Path
    files: list[Path]
    names: dict[str, str]  # stored path -> the name the user's file had
    total: int
    done: int = 0
    state: str = "berjalan"  # berjalan | selesai | gagal
    message: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    finished_at: float | None = None

    @property
    def output(self) -> Path:
        return self.folder / "hasil" / OUTPUT_NAME

    def view(self) -> dict[str, Any]:
        return {"tugas": self.id, "status": self.state, "selesai": self.done,
                "jumlah": self.total, "pesan": self.message, "hasil": self.result}


class RekapJobs:
    def __init__(self) -> None:
        self._jobs: dict[str, RekapJob] = {}
        self._lock = threading.Lock()

    def start(self, folder: Path, files: list[Path], names: dict[str, str]) -> RekapJob:
        job = RekapJob(secrets.token_urlsafe(12), folder, files, names, total=len(files))
        with self._lock:
            self._sweep()
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job,), name=f"lkj-rekap-{job.id}",
                         daemon=True).start()
        return job

    def _run(self, job: RekapJob) -> None:
        from ..errors import LkjError
        from ..rekap import rekap

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            # One process: a worker pool forked from a threaded server is not safe, and the
            # files a kecamatan collects are checked in about a tenth of a second each.
            res = rekap(job.files, job.output, jobs=1, progress=progress)
        except LkjError as exc:
            job.state, job.message = "gagal", exc.message
        except Exception as exc:  # noqa: BLE001 - the page must hear about it
            job.state = "gagal"
            job.message = f"Rekap gagal karena kesalahan tak terduga ({type(exc).__name__})."
        else:
            show = lambda p: job.names.get(str(Path(p).resolve()), Path(p).name)  # noqa: E731
            job.result = {
                "masuk": res.files_in, "direkap": res.consolidated, "bermasalah": res.bad,
                "ganda": res.duplicates,
                "berkas_bermasalah": [{"berkas": show(p), "alasan": r} for p, r in res.bad_files],
                "dilewati": [show(p) for p in res.skipped_outputs],
            }
            job.done, job.state = job.total, "selesai"
        job.finished_at = time.monotonic()

    def get(self, job_id: str) -> RekapJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def take_output(self, job_id: str) -> bytes | None:
        """The rekap workbook's bytes, once; the job's folder is removed."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.state != "selesai":
                return None
            del self._jobs[job_id]
        try:
            return job.output.read_bytes()
        finally:
            remove_folder(job.folder)

    @property
    def running(self) -> int:
        with self._lock:
            return sum(1 for j in self._jobs.values() if j.state == "berjalan")

    def _sweep(self) -> None:
        now = time.monotonic()
        for jid, job in list(self._jobs.items()):
            if job.finished_at is not None and now - job.finished_at > KEEP_SECONDS:
                del self._jobs[jid]
                remove_folder(job.folder)

    def close(self) -> None:
        with self._lock:
            jobs, self._jobs = list(self._jobs.values()), {}
        for job in jobs:
            remove_folder(job.folder)
