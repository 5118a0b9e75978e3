"""Atomic output: write to a temporary file beside the target, then rename into place.

A crash, a kill or a full disk between the write and the rename leaves the final name
untouched (either the old file or nothing), never a half-written workbook.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import OutputError


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[str]:
    """Yield a temporary path in the target's folder; on success rename it to ``path``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise OutputError(f"Folder '{folder}' tidak ada; buat foldernya dulu.", target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".lkj-", suffix=target.suffix or ".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"Tidak dapat menulis di folder '{folder}': {exc.strerror or exc}. Periksa izin "
            "tulis folder atau pilih folder lain dengan -o.", target) from None
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        _cleanup(tmp)
        reason = exc.strerror or str(exc)
        if getattr(exc, "errno", None) == 28:
            reason = "disk penuh"
        raise OutputError(f"Gagal menulis '{target.name}': {reason}.", target) from None
    except BaseException:
        _cleanup(tmp)
        raise


def _cleanup(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
