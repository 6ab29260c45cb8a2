"""The render cache's store on disk: a log of {key: text (or bytes)} changes, so a rebuild after one
seed changed writes only what changed, not the whole site's pages again.

`.cache/pages/pages.pickle` is a header line, then frames: the length and the SHA-256 of a
payload, then the payload, a pickle of (entries added, keys dropped). Reading replays the
frames in order, so the entries read are exactly those the last build kept (one
generation). A build appends one frame; when the frames hold more than COMPACT times the
live entries, or the log ends in a torn or foreign frame, it is written anew, whole
(a temporary file, renamed). Reading stops at the first frame that is short or whose
digest does not match: what came before stands (each frame was whole when written), the
rest is lost, so a damaged store costs renders, never wrong output.
"""
from __future__ import annotations

import hashlib
import pickle
import struct
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache as disk

MAGIC = b"pagecache/2\n"
FRAME = struct.Struct(">Q32s")
"""A frame's head: its payload's length and SHA-256."""
COMPACT = 2
"""The log is rewritten whole when its frames hold more than this many times the live entries."""


@dataclass(slots=True)
class PageLog:
    """What a store held when read: its live entries, how many entries its frames hold in
    all, and where its last whole frame ends (None: the file must be written anew)."""

    entries: dict[str, str] = field(default_factory=dict)
    stored: int = 0
    end: int | None = None


def frame(added: dict[str, str], dropped: tuple[str, ...]) -> bytes:
    """One frame: entries added and keys dropped, behind their length and digest."""
    payload = pickle.dumps((added, dropped), protocol=pickle.HIGHEST_PROTOCOL)
    return FRAME.pack(len(payload), hashlib.sha256(payload).digest()) + payload


def replay(data: bytes) -> PageLog:
    """The entries a store's bytes hold; stops at the first frame that is not whole and ours."""
    if not data.startswith(MAGIC):
        return PageLog()
    log, at = PageLog(end=len(MAGIC)), len(MAGIC)
    while at < len(data):
        change = read_frame(data, at)
        if change is None:
            log.end = None  # a torn or foreign tail: the next save writes the log anew
            break
        added, dropped = change
        log.entries.update(added)
        for key in dropped:
            log.entries.pop(key, None)
        log.stored += len(added)
        at += FRAME.size + FRAME.unpack_from(data, at)[0]
        log.end = at
    return log


def read_frame(data: bytes, at: int) -> tuple[dict[str, str], tuple[str, ...]] | None:
    """The (added, dropped) of the frame at `at`, or None when it is short, altered or not ours."""
    if at + FRAME.size > len(data):
        return None
    length, digest = FRAME.unpack_from(data, at)
    payload = data[at + FRAME.size:at + FRAME.size + length]
    if len(payload) != length or hashlib.sha256(payload).digest() != digest:
        return None
    try:  # the payload is ours (digest checked); a failure is still only a miss
        added, dropped = pickle.loads(payload)
    except Exception:
        return None
    ok = (isinstance(added, dict) and isinstance(dropped, tuple)
          and all(isinstance(k, str) and isinstance(v, (str, bytes)) for k, v in added.items()))
    return (added, dropped) if ok else None


def load(path: Path) -> PageLog:
    """The store at `path`; empty when it is missing or not ours."""
    try:
        return replay(path.read_bytes())
    except OSError:
        return PageLog()


def save(path: Path, log: PageLog, used: dict[str, str]) -> tuple[int, int]:
    """Bring the store from `log` (as read) to `used`: one frame appended, or the whole
    log written anew when it is damaged or mostly dead entries. Returns where its last
    frame ends and how many entries its frames hold."""
    added = {k: v for k, v in used.items() if k not in log.entries}
    dropped = tuple(k for k in log.entries if k not in used)
    if log.end is not None and not added and not dropped:
        return log.end, log.stored
    if log.end is None or log.stored + len(added) > COMPACT * max(len(used), 1):
        data = MAGIC + frame(used, ())
        disk.replace_file(path, data)
        return len(data), len(used)
    return append(path, log.end, added, dropped), log.stored + len(added)


def append(path: Path, end: int, added: dict[str, str], dropped: tuple[str, ...]) -> int:
    """Write one frame where the store's last whole frame ends (`end`); the new end."""
    data = frame(added, dropped)
    with open(path, "r+b") as handle:
        handle.seek(end)
        handle.write(data)
        handle.truncate()
    return end + len(data)
