"""SYS: problems of lkj itself, reported instead of crashing."""

from __future__ import annotations

from . import rule


@rule("SYS001", "warning", "*", "Pemeriksaan tidak dapat dijalankan")
def rule_failed(ctx):
    """Sebuah aturan berhenti karena nilai yang tidak terduga. Aturan lain tetap
    dijalankan; kirim berkasnya ke pengelola lkj agar aturan itu diperbaiki. Tidak pernah muncul
    dengan sendirinya.

    Contoh: aturan ANG001 gagal pada sebuah berkas; temuan SYS001 menyebut ANG001."""
    return ()
