"""The last build's briefs as it published them: what a rebuild after a few changed seeds
reuses, so that its work grows with what changed rather than with the site.

`.cache/site.pickle` holds, for every seed of the last build, by its cache key
(cache.seed_key): what parsing gave (a Brief without ids, or the Problem that skipped it)
and the Brief as published (its slug and ids); with the digest of the id registry as that
build wrote it, and the size and mtime of the `briefs.json` it left. A rebuild then

- reads every unchanged seed from this one file, not one cache file per seed;
- takes the slug each seed was published under from here instead of reading
  `briefs.json` back (identity/slugs.py), while that file is as the build left it;
- keeps the ids of a brief whose seed did not change, under the same slug, while the
  registry is the one the last build wrote (identity/ids.py, `settled`): only the changed
  briefs are matched against the registry;
- takes such a brief's part of `briefs.json` from that file, where that build wrote it
  (render.json_spans), while the file is as it left it: neither the page store
  (publishing/rendercache.py) nor this state holds a second copy of the 15 MB.

One file, its header holding the generator's version and its payload's digest: a file
that is missing, torn, half rewritten, edited or of another version reads as no state, and
the build does all the work again; a state never changes what a build writes, only how fast. Each seed's
entry is pickled on its own (the model's dataclasses by their field values: rendercache's
reducers), so a save re-pickles only the entries this build made and copies the bytes of
the ones it took from the state it loaded (frozen values, so still the same bytes).
"""
from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as disk
from .model import Brief, Problem
from .publishing.rendercache import REDUCERS
from .publishing.write import stat_of

FILE = "site.pickle"
MAGIC = b"sitestate/4\n"
Entry = tuple[Brief | Problem, Brief | None]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SiteState:
    """What the last build parsed and published, and the files it left behind."""

    registry: str
    """The id registry's digest as the build wrote it (cache.file_digest)."""
    briefs_json: tuple[int, ...]
    """`briefs.json`'s [size, mtime_ns] as the build left it (publishing/write.stat_of)."""
    entries: dict[str, Entry]
    """Seed key → (what parsing gave, the brief as published; None for a Problem)."""
    spans: dict[str, Span] = field(default_factory=dict)
    """Seed key → where its brief's part sits in `briefs.json` (render.json_spans)."""
    packed: dict[str, bytes] = field(default_factory=dict, compare=False)
    """Seed key → its entry's bytes in the file this state was loaded from."""

    def parsed(self) -> dict[str, Brief | Problem]:
        """Seed key → what parsing gave: the cache a build parses through (build.ParseCache)."""
        return {key: parsed for key, (parsed, _) in self.entries.items()}

    def slugs(self) -> dict[str, str]:
        """source_file → the slug the last build published it under."""
        return {b.source_file: b.slug for _, b in self.entries.values() if b is not None}

    def json_intact(self, path: Path) -> bool:
        """Whether the `briefs.json` at `path` is as the last build left it."""
        return bool(self.briefs_json) and self.briefs_json == tuple(stat_of(path))

    def json_part(self, key: str, brief: Brief, data: bytes) -> bytes | None:
        """The part of briefs.json (its bytes `data`, intact) the last build wrote for
        `brief`, when it published this very brief (one it keeps: `settled`) from the seed
        of `key`."""
        published = self.entries.get(key, (None, None))[1]
        span = self.spans.get(key)
        if published is not brief or span is None:
            return None
        part = data[span[0]:span[1]]
        return part if part[:1] == b"{" and part[-1:] == b"}" else None

    def settled(self, briefs: Sequence[Brief], keys: Sequence[str], registry: str
                ) -> dict[int, Brief]:
        """Position → published brief, for each of `briefs` (seed keys `keys`) that keeps
        its ids: its seed unchanged, its slug the same, it has items, and `registry` (the
        digest of the registry now) is the one this state's build wrote."""
        if registry != self.registry:
            return {}
        found = {}
        for n, (brief, key) in enumerate(zip(briefs, keys)):
            published = self.entries.get(key, (None, None))[1]
            if (published is not None and published.slug == brief.slug
                    and (published.recommendations or published.open_questions)):
                found[n] = published
        return found


def load(folder: Path) -> SiteState | None:
    """The state the last build left in `folder`, or None when there is none to trust."""
    try:
        data = (folder / FILE).read_bytes()
    except OSError:
        return None
    head, _, payload = data.partition(b"\n\n")
    if head != header(payload):
        return None
    try:  # the payload is ours (digest checked); a failure is still only a miss
        registry, briefs_json, spans, packed = pickle.loads(payload)
        entries = {key: pickle.loads(entry) for key, entry in packed.items()}
        return SiteState(registry, briefs_json, entries, spans, packed)
    except Exception:
        return None


def save(folder: Path, state: SiteState, last: SiteState | None = None) -> None:
    """Keep `state` for the next build, each entry it holds unchanged from `last` (the
    very objects) as `last`'s bytes; a state that cannot be written is only slower."""
    before = last.entries if last else {}
    packed = {key: last.packed[key] if same_objects(entry, before.get(key)) else pack(entry)
              for key, entry in state.entries.items()}
    payload = pickle.dumps((state.registry, state.briefs_json, state.spans, packed),
                           protocol=pickle.HIGHEST_PROTOCOL)
    try:
        disk.rewrite_file(folder / FILE, header(payload) + b"\n\n" + payload)
    except OSError:
        pass


def same_objects(entry: Entry, loaded: Entry | None) -> bool:
    """Whether `entry` is made of the very objects of an entry loaded from the file."""
    return loaded is not None and all(a is b for a, b in zip(entry, loaded))


def pack(entry: Entry) -> bytes:
    """One entry pickled, the model's dataclasses as (class, field values)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = REDUCERS
    pickler.dump(entry)
    return buffer.getvalue()


def forget(folder: Path) -> None:
    """Before a build changes the registry or the pages: interrupted, it leaves no state
    (its header is overwritten in place, so the file no longer reads as one; the next
    save rewrites the same blocks: cache.rewrite_file)."""
    try:
        with open(folder / FILE, "r+b") as handle:
            handle.write(b"\0" * len(MAGIC))
    except OSError:
        pass


def header(payload: bytes) -> bytes:
    """The line a state file starts with: this generator's version, the payload's digest."""
    return MAGIC + f"{disk.generator_version()}\n{hashlib.sha256(payload).hexdigest()}".encode()
