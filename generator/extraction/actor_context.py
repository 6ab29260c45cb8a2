"""What actor resolution knows about one article, indexed once so no item rescans it.

Each sentence's named actors, where its paragraph and section begin, the words the
article capitalises inside sentences (which makes a one-word subject a name), the place
it names most ("this country") and the group its "we" stands for; and the look-ups
that read the context ("both sides", "the department", "the government"). Every
look-back is bounded (LOOKBACK sentences, or the section), so resolving all items is linear.
"""
from __future__ import annotations

import re
from typing import Any
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .actor_mentions import Mention, alias_pattern, join_actors, mentions_in
from .aliases import Aliases
from ..model import Sentence
from ..rules import active, rule

LOOKBACK = 12
"""Sentences (or earlier items) a fallback looks back over: an antecedent farther away
is a guess, and an unbounded look-back makes a long article quadratic."""
_INSIDE_CAPITAL = re.compile(r"(?<=\S\s)[A-Z][\w’'-]*")
COMMON_ALIAS = rule("common-noun-alias-needs-its-name", "recommendation", "A common noun the alias "
                    "table maps to a body ('lawmakers' → Congress) means it only where the article names it.")
RUN_IN_LABEL = rule("run-in-label-not-subject", "recommendation",
                    "A bold label opening an item ('**Funding** Congress should …') is its title, not its subject")
_RUN_IN = re.compile(r"\s*(\*\*|__)((?:(?!\1).)+)\1\s+(?=\w)")
"""A bold span at the front of a sentence followed by more words: the item's run-in title."""


def run_in_label(sentence: Sentence) -> str | None:
    """The plain text of the bold label a sentence opens with ("**Funding** Congress …"),
    which titles the item and is no part of its subject (nor makes the word after it a
    capital inside a sentence); None without one."""
    found = _RUN_IN.match(sentence.text) if active(RUN_IN_LABEL) else None
    label = found.group(2).strip() if found else None
    return label if label and sentence.plain.startswith(label) else None


@dataclass(frozen=True, slots=True)
class Article:
    """What actor resolution needs to know about one article's sentences."""

    sentences: tuple[Sentence, ...]
    aliases: Aliases
    pattern: re.Pattern[str]
    mentions: tuple[tuple[Mention, ...], ...]
    """The actors each sentence names, by position in `sentences`."""
    section_start: tuple[int, ...] = ()
    """For each sentence, the position of the heading that opens its section (else 0)."""
    paragraph_start: tuple[int, ...] = ()
    """For each sentence, the position of the first sentence of its paragraph."""
    capitalized: frozenset[str] = frozenset()
    """Words the article writes with a capital inside a sentence."""
    nation: str | None = None
    """The place the article names most: what "this country" stands for."""
    we: str | None = None
    """Whom the author's "we" stands for (see actors.speaker_group)."""
    memo: str | None = None
    """The reader a memo is addressed to ("To: The Governor")."""
    unnamed: frozenset[str] = frozenset()
    """Bodies the article calls only by a common noun of the alias table (see unnamed_bodies)."""
    subjects: tuple[tuple[str | None, bool], ...] = ()
    """For each sentence, the actor that is its subject and whether it is advice's subject."""
    topics: Mapping[int, tuple[Counter[str], Counter[str]]] = field(
        default_factory=dict, hash=False, compare=False)
    """By paragraph start: how often each actor is the subject of its advice, and of its other
    sentences (see paragraph_topic)."""
    phrase_actors: dict[tuple, object] = field(default_factory=dict, hash=False, compare=False, repr=False)
    """Memo of actors.actor_of_phrase, shared by the article's later versions (`replace`):
    the stages ask for the same subject phrase more than once."""


def _starts(sentences: Sequence[Sentence]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Section and paragraph starts for each sentence, in one pass."""
    sections, paragraphs, section, paragraph = [], [], 0, 0
    for pos, s in enumerate(sentences):
        if pos and s.paragraph != sentences[pos - 1].paragraph:
            paragraph = pos
        sections.append(section)
        paragraphs.append(paragraph)
        if s.heading:
            section = pos
    return tuple(sections), tuple(paragraphs)


def _unlabelled(sentence: Sentence) -> str:
    """A sentence's plain text without its run-in label."""
    label = run_in_label(sentence)
    return sentence.plain[len(label):].lstrip() if label else sentence.plain


_PER_TABLE: dict[tuple[str, int], tuple[Aliases, Any]] = {}
"""What is worked out once per alias table in use, by name and the table's identity (a table
is a dict-holding dataclass, not hashable); the table is kept beside it so a reused id is
never mistaken."""


def per_table(name: str, aliases: Aliases, make: Callable[[Aliases], Any]) -> Any:
    """`make(aliases)`, once per table: every seed of a build shares one table."""
    found = _PER_TABLE.get((name, id(aliases)))
    if found is None or found[0] is not aliases:
        if len(_PER_TABLE) >= 16:
            _PER_TABLE.clear()
        found = _PER_TABLE[(name, id(aliases))] = (aliases, make(aliases))
    return found[1]


def actor_pattern(aliases: Aliases) -> re.Pattern[str]:
    """`alias_pattern` for this table, built once (building its text costs about 1 ms; re's
    cache then compiles it once)."""
    return per_table("pattern", aliases, alias_pattern)


def common_forms(aliases: Aliases) -> frozenset[str]:
    """The alias table's forms written in lower case, common nouns ("lawmakers")."""
    return per_table("common", aliases,
                     lambda table: frozenset(f for fs in table.forms.values() for f in fs if f.islower()))


def _generic(m: Mention, common: frozenset[str]) -> bool:
    """A mention by a common noun the table maps to a body ("lawmakers" for Congress; not
    "congressional leaders", which names it)."""
    return m.form.lower() in common and m.name.lower() not in m.form.lower()


def unnamed_bodies(mentions: Sequence[Sequence[Mention]], aliases: Aliases) -> frozenset[str]:
    """Bodies an article refers to only by such a common noun, never by name: a British
    op-ed's "lawmakers" are not the U.S. Congress."""
    if not active(COMMON_ALIAS):
        return frozenset()
    common = common_forms(aliases)
    generic = {m.name for ms in mentions for m in ms if _generic(m, common)}
    return frozenset(generic - {m.name for ms in mentions for m in ms if not _generic(m, common)})


def named_only(mentions: Sequence[Mention], doc: Article) -> tuple[Mention, ...]:
    """Mentions without the common nouns that stand for a body the article never names."""
    if not doc.unnamed:
        return tuple(mentions)
    common = common_forms(doc.aliases)
    return tuple(m for m in mentions if not (m.name in doc.unnamed and _generic(m, common)))


def index_article(sentences: Sequence[Sentence], aliases: Aliases) -> Article:
    """Index an article's sentences once: mentions, section and paragraph starts, capitals."""
    pattern = actor_pattern(aliases)
    sents = tuple(sentences)
    found = tuple(mentions_in(s.plain, aliases, pattern) for s in sents)
    unnamed = unnamed_bodies(found, aliases)
    common = common_forms(aliases)
    mentions = tuple(tuple(m for m in ms if not (m.name in unnamed and _generic(m, common))) for ms in found)
    sections, paragraphs = _starts(sents)
    capitalized = frozenset(w for s in sents for w in _INSIDE_CAPITAL.findall(_unlabelled(s)))
    places = Counter(m.name for ms in mentions for m in ms if m.kind == "place")
    nation = places.most_common(1)[0][0] if places else None
    return Article(sents, aliases, pattern, mentions, sections, paragraphs, capitalized, nation,
                   unnamed=unnamed)


def earlier(doc: Article, pos: int, same: str) -> range:
    """Positions before `pos` in its paragraph or section, at most LOOKBACK of them,
    nearest last."""
    first = doc.paragraph_start[pos] if same == "paragraph" else doc.section_start[pos]
    return range(max(first, pos - LOOKBACK), pos)


def recent(pos: int) -> range:
    """The LOOKBACK sentences before `pos` and `pos` itself, nearest last."""
    return range(max(0, pos - LOOKBACK), pos + 1)


def named_pair(doc: Article, p: int) -> str | None:
    """The pair sentence `p` names: "U.S.-Iraq", or two actors joined by "and"."""
    ms = doc.mentions[p]
    for m in ms:
        if m.kind == "pair":
            return m.name
    text = doc.sentences[p].plain
    for a, b in zip(ms, ms[1:]):
        if re.fullmatch(r"\s+and\s+(?:the\s+)?", text[a.end:b.start]) and a.name != b.name:
            return join_actors([a.name, b.name])
    return None


def pair_actor(doc: Article, pos: int) -> str | None:
    """ "both sides" / "each" -> the two actors the paragraph sets side by side, else the
    last pair named shortly before, else the paragraph's two most named actors."""
    para = [*earlier(doc, pos, "paragraph"), pos]
    for p in reversed(recent(pos)):
        named = named_pair(doc, p)
        if named:
            return named
    counts = Counter(m.name for p in para for m in doc.mentions[p] if m.kind in ("place", "organization"))
    top = [name for name, _ in counts.most_common(2)]
    return join_actors(top) if len(top) == 2 else None


def context_org(word: str, doc: Article, pos: int) -> str | None:
    """ "the department" -> the nearest earlier actor or proper name that holds that word."""
    for p in reversed(recent(pos)):
        for m in reversed(doc.mentions[p]):
            if word in m.name.lower():
                return m.name
        names = _names_holding(word, doc.sentences[p].plain)
        if names:
            return names[-1]
    return None


@lru_cache(maxsize=4096)
def _names_holding(word: str, plain: str) -> tuple[str, ...]:
    """The proper names of several words in a sentence that hold `word` ("Department of
    State"), read once per sentence though each item after it looks back over it."""
    named = re.compile(rf"(?:[A-Z][\w&’'-]*\s+){{0,4}}{word.capitalize()}(?:\s+(?:of|for|on)\s+"
                       rf"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)?")
    return tuple(n for n in (re.sub(r"^The\s+", "", n) for n in named.findall(plain)) if " " in n)


def last_place(doc: Article, pos: int) -> str | None:
    """The place named last, in this sentence or shortly before ("Kyiv …. The government must …")."""
    for p in reversed(recent(pos)):
        places = [m.name for m in doc.mentions[p] if m.kind == "place"]
        if places:
            return places[-1]
    return None


def paragraph_counts(doc: Article) -> dict[int, tuple[Counter[str], Counter[str]]]:
    """Each paragraph's advice subjects and other sentence subjects, counted in one pass."""
    counts: dict[int, tuple[Counter[str], Counter[str]]] = {}
    for pos, (actor, advice) in enumerate(doc.subjects):
        pair = counts.setdefault(doc.paragraph_start[pos], (Counter(), Counter()))
        if actor:
            pair[0 if advice else 1][actor] += 1
    return counts


def _dominant(counts: Counter[str]) -> str | None:
    """The one candidate, or one named at least twice as often as any other; else None."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def paragraph_topic(doc: Article, pos: int) -> str | None:
    """The actor the paragraph of `pos` is about: the unambiguous subject of its other
    advice, else of its other sentences; None when there is none or several."""
    advice, other = doc.topics.get(doc.paragraph_start[pos], (Counter(), Counter()))
    own, own_is_advice = doc.subjects[pos] if pos < len(doc.subjects) else (None, False)
    for counts, is_advice in ((advice, True), (other, False)):
        rest = counts - Counter([own]) if own and own_is_advice == is_advice else counts
        if rest:
            return _dominant(rest)
    return None
