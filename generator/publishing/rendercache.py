"""Rendered files reused across builds: a page is rendered again only when what its
template receives changed.

Each entry is keyed by a digest of everything a render reads: the generator's version
(its source, so the filters and the code that prepares a page), the templates folder's
bytes, the template's name and every value passed to it. Values are digested canonically
(`Digester`): sets in sorted order (string hashing differs per
process, so a set's own order would too), and pickled without pickle's memo, so equal
values give equal bytes whichever objects hold them. A key is recomputed for every
render, never read from the store, so an entry can only ever be used for the very
inputs it was rendered from. A brief of the build is digested from what fixes it (its
seed's cache key, slug and ids: `know`) rather than pickled whole.

The store is one file under the build's cache (`.cache/pages/pages.pickle`), a log to which
a build appends only the entries it added and the keys it dropped (pagestore.py): read
back, it holds the entries the last build used, one generation of pages. A torn, edited
or foreign part reads as missing (those pages rendered again, never wrong output).

So that a rebuild after one changed seed costs what changed, not the site, a whole page is
`Deferred` (its key, and how to produce it) until `settle`, just before the write: a page
whose key is the one its file was last written from (`index.pickle`, beside the store: the
key of every page by path, and the store's keys), and whose file the write record
(publishing/write.py) shows untouched since, is handed to the write as `Kept`, neither
rendered nor read; any other is produced, or read from the store when its key is there.
The store itself is read only then, and a build that reads nothing from it appends its
frame by the index alone. The index is blanked before the write and written after it (in
place, under a digest), so an interrupted build leaves none that reads as whole (the next
build settles every page the long way).
"""
from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from .. import cache as disk
from .. import model
from . import pagestore
from .pages import Page
from .views import BriefLine, EntityView
from .write import Kept, known_states, stat_of

Text = str | bytes
"""A render: a page's text, or bytes for a part of a file kept as bytes."""
STORE = "pages.pickle"
INDEX = "index.pickle"
INDEX_MAGIC = b"pageindex/1\n"
"""The index file: this line, the SHA-256 of the pickle that follows, the pickle."""
MODEL = model.__name__
"""The module of the frozen dataclasses digested whole (model.py holds no sets)."""


class FieldReducers(dict):
    """A pickler's dispatch table for frozen, slotted dataclasses (the model's, the views'):
    each pickled as (class, field values), the state its own `__getstate__` gives, without
    working out the class's fields again for each of the tens of thousands a build digests.
    Other types are left to pickle (KeyError)."""

    def __missing__(self, kind: type) -> Callable[[Any], tuple]:
        params = getattr(kind, "__dataclass_params__", None)
        if params is None or not params.frozen or "__slots__" not in kind.__dict__:
            raise KeyError(kind)
        names = tuple(f.name for f in fields(kind))
        values = attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)
        self[kind] = reducer = lambda obj: (kind, values(obj))
        return reducer


REDUCERS = FieldReducers()


class Digester(pickle.Pickler):
    """Pickles a render's inputs so that the bytes depend only on what they hold: no memo
    (shared or not, equal values give equal bytes), sets in sorted order, and a value of
    the model (a Brief, a Recommendation: frozen, no sets, passed to many pages) as its
    digest, worked out once per build (`seen` keeps the object too, so its id is not
    reused while the digest is remembered); so is a view passed to several renders (ONCE)."""

    def __init__(self, buffer: io.BytesIO, seen: dict[int, tuple[Any, bytes]]) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self.fast = True
        self.seen = seen
        self.dispatch_table = REDUCERS

    def persistent_id(self, obj: Any) -> Any:
        kind = type(obj)
        if kind in PLAIN:
            return None
        if kind.__module__ == MODEL:
            known = self.seen.get(id(obj))
            if known is None:
                known = self.seen[id(obj)] = (obj, hashlib.sha256(fast_pickle(obj)).digest())
            return known[1]
        label = ONCE.get(kind)
        if label is not None:
            known = self.seen.get(id(obj))
            if known is None:
                values = digest_bytes(REDUCERS[kind](obj)[1], self.seen)
                known = self.seen[id(obj)] = (obj, hashlib.sha256(label + values).digest())
            return known[1]
        if kind in (set, frozenset):
            if all(type(item) is str for item in obj):  # the usual set: slugs
                return ("set", tuple(sorted(obj)))
            return ("set", tuple(sorted(obj, key=lambda item: digest_bytes(item, self.seen))))
        return None


PLAIN = frozenset({str, int, float, bool, bytes, type(None), tuple, list, dict})
ONCE = {Page: b"page\0", EntityView: b"entity-view\0", BriefLine: b"brief-line\0"}
"""Views passed to more than one render, digested once per build (tuples all through): a
list's `Page` (an index passes it again for each group it starts, and in `ranges`), an
entity's view (its page, and the entity index), a brief's line (every list showing it)."""
RECOMMENDATION_VALUES = attrgetter(*(f.name for f in fields(model.Recommendation)))
QUESTION_VALUES = attrgetter(*(f.name for f in fields(model.OpenQuestion)))
"""An item's field values, all plain (str, int, None): what `know` digests it by."""


def digest_bytes(value: Any, seen: dict[int, tuple[Any, bytes]]) -> bytes:
    """`value` pickled by a Digester."""
    buffer = io.BytesIO()
    Digester(buffer, seen).dump(value)
    return buffer.getvalue()


def fast_pickle(value: Any) -> bytes:
    """Pickle without the memo: equal values give equal bytes, shared or not."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dispatch_table = REDUCERS
    pickler.dump(value)
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class Deferred:
    """A whole page, by the key of its inputs: its text is produced, or read from the
    store, only when its file does not hold it already (RenderCache.settle)."""

    key: str
    produce: Callable[[], str]


@dataclass(frozen=True, slots=True)
class Index:
    """What the last build left in the store (its end, how many entries its frames hold,
    its live keys) and the key each of its pages was rendered from, by path."""

    end: int
    stored: int
    keys: frozenset[str]
    paths: dict[str, str]


class RenderCache:
    """Rendered texts by a digest of their inputs; `folder` None keeps nothing between
    builds. With `out` and `written` (the site folder and the write record of
    publishing/write.py), a page whose file already holds its render is not read at all."""

    def __init__(self, folder: Path | None, templates: Path, out: Path | None = None,
                 written: Path | None = None) -> None:
        self.folder = folder
        self.salt = (disk.generator_version() + "\0"
                     + disk.tree_digest(templates, ("*",))).encode()
        self.out, self.written = out, written
        self.index = read_index(folder) if folder else None
        self.store: pagestore.PageLog | None = None if folder else pagestore.PageLog()
        self.used: dict[str, Text | None] = {}
        """Key → text of every render this build used (None: a kept page, whose text the
        store holds and no one read)."""
        self.paths: dict[str, str] = {}
        self.seen: dict[int, tuple[Any, bytes]] = {}
        self.hits = 0
        self.recorded: dict[str, list] | None = None
        """The write record's known_states, as `settle` read them (for write_tree)."""

    @property
    def old(self) -> dict[str, str]:
        """The entries the store holds, read on first need."""
        if self.store is None:
            self.store = pagestore.load(self.folder / STORE)
        return self.store.entries

    def stored(self, key: str) -> bool:
        """Whether the store holds `key` (by its index, without reading it, when it can)."""
        return key in self.index.keys if self.store is None and self.index else key in self.old

    def know(self, brief: model.Brief, seed_key: str) -> None:
        """Digest `brief` from its seed's cache key (which fixes what parsing gave), its
        slug and its ids, instead of pickling it whole: a brief's part of every key then
        costs a look-up, whatever the brief's size. Its items are digested by their own
        fields (all plain: by their repr), so a list showing an item that an edit elsewhere
        in its brief left as it was keeps its key."""
        parts = (seed_key, brief.slug, *(i.id for i in (*brief.recommendations, *brief.open_questions)))
        digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).digest()
        self.seen[id(brief)] = (brief, digest)
        for kind, values, group in ((b"r", RECOMMENDATION_VALUES, brief.recommendations),
                                    (b"q", QUESTION_VALUES, brief.open_questions)):
            for item in group:
                text = repr(values(item)).encode("utf-8", "surrogateescape")
                self.seen[id(item)] = (item, hashlib.sha256(kind + text).digest())

    def key(self, name: str, inputs: Any) -> str:
        """The digest of one render: the version, the templates, `name` and its inputs."""
        h = hashlib.sha256(self.salt)
        h.update(b"\0" + name.encode() + b"\0")
        h.update(digest_bytes(inputs, self.seen))
        return h.hexdigest()

    def get(self, name: str, inputs: Any, produce: Callable[[], Text]) -> Text:
        """The text rendered before from the same inputs, or `produce()`'s, kept for next time
        (bytes for a part of a file kept as bytes: render.briefs_json)."""
        try:
            key = self.key(name, inputs)
        except (pickle.PicklingError, TypeError, AttributeError):  # inputs it cannot digest
            return produce()
        return self.text(key, produce)

    def preset(self, name: str, inputs: Any, text: Text) -> None:
        """Take `text` as what `name` renders from `inputs` (the caller kept it from the
        build that rendered it, for the very same inputs), so the store need not be read."""
        self.used.setdefault(self.key(name, inputs), text)

    def rendered(self, name: str, inputs: Any) -> Text | None:
        """The text this build rendered (or took) for `name` from `inputs`, if any."""
        return self.used.get(self.key(name, inputs))

    def page(self, name: str, inputs: Any, produce: Callable[[], str]) -> str | Deferred:
        """A whole file's render, as `get` but deferred to `settle` when kept between builds."""
        if self.folder is None:
            return self.get(name, inputs, produce)
        try:
            return Deferred(self.key(name, inputs), produce)
        except (pickle.PicklingError, TypeError, AttributeError):
            return produce()

    def plain_page(self, name: str, values: tuple, produce: Callable[[], str],
                   stands_for: Any = None) -> str | Deferred:
        """As `page`, for inputs that are tuples of plain values (str, int, bool, None),
        keyed by their repr, which tells any two such tuples apart: no pickling, for the
        tens of thousands of short pages. The key's digest also stands for `stands_for`
        (a value of the model those plain values hold whole: an IdRecord's fields) in every
        key after, as `know` makes a brief's."""
        digest = hashlib.sha256(self.salt + b"\0plain:" + name.encode() + b"\0"
                                + repr(values).encode("utf-8", "surrogateescape")).digest()
        if stands_for is not None:
            self.seen[id(stands_for)] = (stands_for, digest)
        return self.page_by_key(digest.hex(), produce)

    def page_by_key(self, key: str, produce: Callable[[], str]) -> str | Deferred:
        """As `page`, for a key its caller worked out already (`key`, `plain_page`)."""
        return Deferred(key, produce) if self.folder else self.text(key, produce)

    def text(self, key: str, produce: Callable[[], Text]) -> Text:
        """The text of `key`: used already, in the store, or produced now."""
        text = self.used.get(key)
        if text is None:
            text = self.old.get(key) if self.stored(key) else None
            if text is None:
                text = produce()
            else:
                self.hits += 1
            self.used[key] = text
        return text

    def holds(self, key: str) -> bool:
        """Whether this build or the store has a text for `key` (the store's by its index,
        without reading it): a page that holds needs no rendering."""
        return self.used.get(key) is not None or self.stored(key)

    def keep(self, key: str, text: str) -> None:
        """Remember `text`, rendered from the inputs of `key`, for this build and the next."""
        self.used[key] = text

    def settle(self, files: dict[str, Any]) -> dict[str, Any]:
        """`files` with each deferred page as its text, or as `Kept` when the last build
        wrote its file from the same key and the write record shows it untouched since.
        Called once, before the write: the index no longer tells what the pages hold."""
        last = self.index.paths if self.index else {}
        if self.folder and self.index:
            forget_index(self.folder)
        self.recorded = known_states(self.written, self.out) if last and self.out else None
        recorded = self.recorded or {}
        root = str(self.out)
        settled = {}
        for rel, value in files.items():
            if not isinstance(value, Deferred):
                settled[rel] = value
                continue
            self.paths[rel] = value.key
            state = recorded.get(rel) if last.get(rel) == value.key else None
            if isinstance(state, list) and len(state) == 3 and state[:2] == stat_of(f"{root}/{rel}"):
                self.used.setdefault(value.key, None)
                settled[rel] = Kept(state[2], state[:2])
            else:
                settled[rel] = self.text(value.key, value.produce)
        return settled

    def save(self) -> None:
        """Keep the entries this build used (and only those) and the key of each page;
        unwritable is only slower."""
        if self.folder is None:
            return
        try:
            end, stored = self.save_store()
            live = frozenset(k for k, t in self.used.items() if t is not None or self.stored(k))
            data = pickle.dumps(Index(end, stored, live, self.paths), protocol=pickle.HIGHEST_PROTOCOL)
            disk.rewrite_file(self.folder / INDEX, INDEX_MAGIC + hashlib.sha256(data).digest() + data)
        except OSError:
            pass

    def save_store(self) -> tuple[int, int]:
        """Bring the store to this build's entries: a frame appended by the index alone
        when the store was not read and holds few dead entries, else through pagestore."""
        index, path = self.index, self.folder / STORE
        if self.store is None and index:
            added = {k: t for k, t in self.used.items() if t is not None and k not in index.keys}
            if index.stored + len(added) <= pagestore.COMPACT * max(len(self.used), 1):
                dropped = tuple(k for k in index.keys if k not in self.used)
                if not added and not dropped:
                    return index.end, index.stored
                return pagestore.append(path, index.end, added, dropped), index.stored + len(added)
        old = self.old
        texts = {k: old.get(k) if t is None else t for k, t in self.used.items()}
        return pagestore.save(path, self.store, {k: t for k, t in texts.items() if t is not None})


def read_index(folder: Path) -> Index | None:
    """The index the last build left, when it is whole (its digest) and describes the store
    as it is now."""
    try:
        data = (folder / INDEX).read_bytes()
        start = len(INDEX_MAGIC) + 32
        digest, payload = data[len(INDEX_MAGIC):start], data[start:]
        if not data.startswith(INDEX_MAGIC) or hashlib.sha256(payload).digest() != digest:
            return None
        index = pickle.loads(payload)
        ok = isinstance(index, Index) and index.end == (folder / STORE).stat().st_size
    except Exception:  # missing, torn or foreign: the store is read instead
        return None
    return index if ok else None


def forget_index(folder: Path) -> None:
    """Before the write: the index no longer tells what the pages hold, so its header is
    blanked in place (the save after the write rewrites the same blocks: cache.rewrite_file)."""
    try:
        with open(folder / INDEX, "r+b") as handle:
            handle.write(b"\0" * len(INDEX_MAGIC))
    except OSError:
        pass


class CachedTemplate:
    """A Jinja2 template whose renders go through a RenderCache."""

    def __init__(self, template: Any, cache: RenderCache) -> None:
        self.template = template
        self.cache = cache

    def render(self, **context: Any) -> str | Deferred:
        return self.cache.page(f"template:{self.template.name}", context,
                               lambda: self.template.render(**context))


class CachedEnvironment:
    """An environment's templates, each rendered through a RenderCache."""

    def __init__(self, env: Any, cache: RenderCache) -> None:
        self.env = env
        self.cache = cache

    def get_template(self, name: str) -> CachedTemplate:
        return CachedTemplate(self.env.get_template(name), self.cache)
