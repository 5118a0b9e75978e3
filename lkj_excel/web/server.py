"""Serve the page on 127.0.0.1 with waitress, open the browser, stop when the page is gone.

waitress is a production WSGI server written in pure Python: it installs on Windows
without a compiler, needs no event loop library, and its thread pool suits this work
(checking a workbook is CPU-bound and synchronous).

Nobody is at a console to press Ctrl+C when the page was started by double-clicking
``lkj-buka``, so the server stops by itself: when the page's "Tutup lkj" button is pressed,
shortly after the last tab closes (a beacon on pagehide; a reload cancels it with its next
heartbeat; each tab is counted, so closing one of two stops nothing), or when no page has
been heard from for a while (a sleeping laptop, a killed browser). Work in flight always finishes first.
"""

from __future__ import annotations

import logging
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass

from .app import Activity, create_app
from .jobs import remove_all_folders

#: No heartbeat for this long (the page sends one every 20 s; a hidden tab's timers may be
#: slowed to once a minute) means no page is open.
IDLE_SECONDS = 180.0
#: After a tab closed, wait this long for a reload or another tab before stopping.
CLOSED_GRACE_SECONDS = 8.0
#: If the browser never shows up (it did not open, or the user closed it at once).
NEVER_SEEN_SECONDS = 15 * 60.0


@dataclass
class Running:
    url: str
    stop: Callable[[], None]
    thread: threading.Thread
    activity: Activity


def start(port: int = 0, idle_seconds: float = IDLE_SECONDS,
          closed_grace: float = CLOSED_GRACE_SECONDS,
          never_seen: float = NEVER_SEEN_SECONDS) -> Running:
    """Start serving in a background thread; ``port=0`` picks a free port."""
    from waitress import create_server

    activity = Activity()
    app = create_app(activity)
    server = create_server(app, host="127.0.0.1", port=port, threads=4,
                           ident="lkj", clear_untrusted_proxy_headers=True,
                           max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024)
    url = f"http://127.0.0.1:{server.effective_port}/"
    stopped = threading.Event()

    def stop() -> None:
        if stopped.is_set():
            return
        stopped.set()
        # As webtest's StopableWSGIServer does: close every channel, which empties the
        # asyncore map and ends server.run(), then stop the worker threads.
        logging.getLogger("waitress").setLevel(logging.CRITICAL)
        while server._map:
            for channel in list(server._map.values()):
                channel.handle_close()
        server.task_dispatcher.shutdown()
        app.extensions["lkj"]["jobs"].close()
        remove_all_folders()

    def watch() -> None:
        started = time.monotonic()
        while not stopped.is_set():
            time.sleep(0.5)
            now = time.monotonic()
            a = activity
            if a.stop_requested.is_set():
                time.sleep(0.3)  # let the answer to the stop request reach the page
                break
            busy = a.in_flight > 0 or app.extensions["lkj"]["jobs"].running > 0
            if busy:
                continue
            if a.page_closed_at is not None and now - a.page_closed_at > closed_grace:
                break
            if a.page_seen and a.all_tabs_quiet_for(idle_seconds):
                break
            if not a.page_seen and now - started > never_seen:
                break
        stop()

    def run() -> None:
        """server.run(), quiet about what stop() causes: it closes the channels from the
        watching thread, and a socket closed while the loop waits on it in select() ends
        the loop with EBADF - a traceback in the user's console window as the page
        closes, once in a while."""
        try:
            server.run()
        except OSError:
            if not stopped.is_set():
                raise

    thread = threading.Thread(target=run, name="lkj-server", daemon=True)
    thread.start()
    threading.Thread(target=watch, name="lkj-watch", daemon=True).start()
    return Running(url, stop, thread, activity)


def serve(port: int = 0, open_browser: bool = True, on_ready: Callable[[str], None] | None = None,
          **limits: float) -> None:
    """Serve until the page is closed (or Ctrl+C); open the default browser at the page."""
    running = start(port, **limits)
    if on_ready:
        on_ready(running.url)
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(running.url,), daemon=True).start()
    try:
        while running.thread.is_alive():
            running.thread.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()


def main_gui() -> None:
    """``lkj-buka``: the double-click entry point (a windowless gui_scripts launcher on
    Windows). There is no console, so nothing may be printed: sys.stdout and sys.stderr
    are None under pythonw."""
    import os
    import sys

    if sys.stdout is None or sys.stderr is None:
        devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
        sys.stdout = sys.stdout or devnull
        sys.stderr = sys.stderr or devnull
    serve()


if __name__ == "__main__":  # pragma: no cover
    main_gui()
