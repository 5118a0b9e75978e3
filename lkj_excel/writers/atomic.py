"""Atomic output: write to a temporary file beside the target, then rename into place.

A crash, a kill or a full disk between the write and the rename leaves the final name
untouched (either the old file or nothing), never a half-written workbook.

The temporary file is hidden (``.lkj-...``) and its name carries a short tag of this
computer and the process id, so that a later run can tell a temporary left by a process
that was killed (removed) from one that another run is still writing (left alone). It is
created with the mode a new file normally gets (0666 less the umask), not mkstemp's 0600,
so colleagues on a shared folder can open the result.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import socket
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import LkjError, OutputError

#: Hidden temporaries older than this are removed whoever left them (another computer on
#: a shared folder, a process id reused since).
STALE_AFTER = 12 * 3600
#: Temporaries of older lkj versions carry no process id: removed once this old.
LEGACY_STALE_AFTER = 3600
_OURS = re.compile(r"^\.lkj-([0-9a-f]{4})-(\d+)-[0-9a-f]{8}(\.[A-Za-z0-9]+)?$")
_LEGACY = re.compile(r"^\.lkj-[a-z0-9_]{8}\.(xlsx|xlsm|csv|json|txt|tmp|docx|sqlite)$")
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _host_tag() -> str:
    return f"{zlib.crc32(socket.gethostname().encode('utf-8', 'replace')) & 0xFFFF:04x}"


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_stale_temporaries(folder: str | os.PathLike) -> list[str]:
    """Remove hidden ``.lkj-*`` temporaries that a killed run left in ``folder``: those of
    this computer whose process is gone, and any older than :data:`STALE_AFTER`. Returns the
    names removed. Never raises."""
    removed: list[str] = []
    now = time.time()
    host = _host_tag()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        if not e.name.startswith(".lkj-"):
            continue
        try:
            if not e.is_file(follow_symlinks=False):
                continue
            age = now - e.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        m = _OURS.match(e.name)
        if m:
            stale = age > STALE_AFTER or (m.group(1) == host and not _pid_alive(int(m.group(2))))
        else:
            stale = bool(_LEGACY.match(e.name)) and age > LEGACY_STALE_AFTER
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(e.path)
                removed.append(e.name)
    return removed


def _create_temp(folder: Path, suffix: str) -> str:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = f".lkj-{_host_tag()}-{os.getpid()}-{secrets.token_hex(4)}{suffix}"
        path = os.path.join(folder, name)
        try:
            fd = os.open(path, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue
        os.close(fd)
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def os_error_in(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc``: itself, its cause/context, or its first argument
    (XlsxWriter wraps a full disk in FileCreateError(OSError))."""
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 6:
        if isinstance(cur, OSError):
            return cur
        if cur.args and isinstance(cur.args[0], OSError):
            return cur.args[0]
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return None


def reason_id(err: OSError) -> str:
    """Why an OSError happened, in Indonesian (the system's own text is English)."""
    if err.errno in _DISK_FULL:
        return "disk penuh"
    return {
        errno.EACCES: "tidak ada izin tulis (atau berkasnya sedang dibuka program lain)",
        errno.EPERM: "tidak ada izin tulis (atau berkasnya sedang dibuka program lain)",
        errno.EROFS: "foldernya hanya-baca",
        errno.ENAMETOOLONG: "nama berkasnya terlalu panjang",
        errno.ENOENT: "foldernya tidak ada lagi",
        errno.EISDIR: "nama itu adalah folder",
        errno.EIO: "kesalahan baca/tulis perangkat (disk atau jaringan)",
    }.get(err.errno, err.strerror or str(err))


def write_failed_message(target: Path, err: OSError) -> str:
    """The Indonesian sentence for an output that could not be written."""
    name = target.name if len(target.name) <= 80 else target.name[:60] + "..."
    if err.errno in _DISK_FULL:
        return (f"Berkas '{name}' tidak ditulis karena disk penuh. Tidak ada berkas yang "
                "diubah; kosongkan sebagian ruang disk atau pilih folder lain dengan -o, lalu "
                "jalankan lagi.")
    return (f"Berkas '{name}' tidak ditulis: {reason_id(err)}. Tidak ada berkas yang diubah; "
            "pilih folder atau nama lain dengan -o.")


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[str]:
    """Yield a temporary path in the target's folder; on success rename it to ``path``.

    A missing folder is created. Stale temporaries of killed runs in that folder are
    removed first. Any OSError while writing (including one wrapped by a writer library,
    such as a full disk) becomes an :class:`OutputError` that names the file and says that
    nothing was changed; the temporary is always removed."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"Folder '{folder}' tidak dapat dibuat: {reason_id(exc)}. Pilih folder lain "
            "dengan -o.", target) from None
    clean_stale_temporaries(folder)
    try:
        tmp = _create_temp(folder, target.suffix or ".tmp")
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            raise OutputError(write_failed_message(target, exc), target) from None
        raise OutputError(
            f"Tidak dapat menulis di folder '{folder}': {reason_id(exc)}. Berkas "
            f"'{target.name}' tidak ditulis; pilih folder lain dengan -o.", target) from None
    failure = None
    try:
        yield tmp
        os.replace(tmp, target)
    except LkjError:
        _cleanup(tmp)
        raise
    except Exception as exc:
        _cleanup(tmp)
        err = os_error_in(exc)
        if err is None:
            raise
        failure = write_failed_message(target, err)
        _close_abandoned_zips(exc)
    except BaseException:
        _cleanup(tmp)
        raise
    if failure is not None:
        _cleanup(tmp)  # Windows: only removable once the writer's handle is closed
        raise OutputError(failure, target)


def _close_abandoned_zips(exc: BaseException) -> None:
    """A writer that failed mid-write (XlsxWriter on a full disk) leaves its zip file
    open in a frame of the traceback. When that is freed, ZipFile.__del__ tries to write
    the rest again and Python prints "Exception ignored ... Traceback" on stderr. Close
    those files now, quietly."""
    import zipfile

    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in chain and len(chain) < 6:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    for e in chain:
        tb = e.__traceback__
        while tb is not None:
            for value in list(tb.tb_frame.f_locals.values()):
                if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                    fp, value.fp = value.fp, None
                    with contextlib.suppress(Exception):
                        fp.close()
            tb = tb.tb_next


def _cleanup(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
