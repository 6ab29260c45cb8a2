"""Who should act: a recommendation's actor as a canonical name, read from its context.

The actor is the subject of the advising clause, looked up in the shared alias table
("U.S. officials" -> United States), a demonym table ("Iraqi government" -> Iraq), a
title ("President Obama" -> Obama) or a role noun ("States", "the President"). Pronouns,
"both sides" and "this country" are resolved from the sentence and its paragraph; a
subject that cannot act ("The tax needs to be fixed") takes the actor of the advice
before it in the same section, else an actor the sentence names, else the heading's.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .actor_mentions import (Mention, alias_pattern, join_actors, leading_name, mentions_in,
                             proper_name)
from .aliases import Aliases
from .lexicon import lexicon
from ..model import Sentence

_APOS = r"(?:'s|’s|'|’)"
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013]|--|\s-\s|\b(?:that|which|who|whom|but|because|while|if|when|"
    r"whereas|although|though|since|unless|until|so|then|whether|as|why|how|where)\b", re.I)


@dataclass(frozen=True, slots=True)
class Article:
    """What actor resolution needs to know about one article's sentences."""

    sentences: tuple[Sentence, ...]
    aliases: Aliases
    pattern: re.Pattern[str]
    mentions: tuple[tuple[Mention, ...], ...]
    """The actors each sentence names, by position in `sentences`."""


def make_article(sentences: Sequence[Sentence], aliases: Aliases) -> Article:
    """Index an article's sentences for actor resolution (each sentence's mentions)."""
    pattern = alias_pattern(aliases)
    sents = tuple(sentences)
    return Article(sents, aliases, pattern, tuple(mentions_in(s.plain, aliases, pattern) for s in sents))


def subject_before(plain: str, start: int) -> tuple[str, int]:
    """The subject phrase of the clause whose verb starts at `start`, and where it starts.

    Parentheses are blanked out and an aside set off just before the verb
    ("The United States, working with Iraq, should") is skipped."""
    before = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), plain[:start]).rstrip()
    for mark in (",", "\u2014", "--"):
        if before.endswith(mark):
            inner = before[:-len(mark)]
            cut = inner.rfind(mark)
            before = inner[:cut] if cut >= 0 else ""
            break
    pieces = list(_CLAUSE_BREAK.finditer(before))
    begin = pieces[-1].end() if pieces else 0
    return before[begin:].strip(), begin + len(before[begin:]) - len(before[begin:].lstrip())


def strip_openers(phrase: str) -> str:
    """Drop determiners and sentence adverbs from the front of a subject phrase."""
    openers = lexicon().subject_openers
    text = phrase.strip(" *\"'“”-•")
    changed = True
    while changed:
        changed = False
        for word in openers:
            if text.lower().startswith(word + " ") or text.lower() == word:
                text = text[len(word):].lstrip(" ,")
                changed = True
    return re.sub(_APOS + r"$", "", text)


def _sentence_range(doc: Article, pos: int, same: str) -> range:
    """Positions of the sentences before `pos` in the same paragraph or section."""
    first = pos
    while first > 0:
        prev = doc.sentences[first - 1]
        if same == "paragraph" and prev.paragraph != doc.sentences[pos].paragraph:
            break
        first -= 1
        if same == "section" and prev.heading:
            break
    return range(first, pos)


def _fits(kind: str, mention: Mention) -> bool:
    """Whether a pronoun of this kind can stand for the mention."""
    if kind == "person":
        return mention.kind == "person"
    return mention.kind != "person"


def _pronoun(kind: str, offset: int, doc: Article, pos: int,
             previous: Sequence[tuple[int, str | None]]) -> str | None:
    """A pronoun -> the nearest earlier actor of a fitting kind in the sentence or paragraph."""
    for mention in reversed([m for m in doc.mentions[pos] if m.start < offset]):
        if _fits(kind, mention):
            return mention.name
    for p in reversed(_sentence_range(doc, pos, "paragraph")):
        group = _plural_subject(doc, p) if kind == "plural" else None
        fitting = [m.name for m in doc.mentions[p] if _fits(kind, m)]
        if group or fitting:
            return group or fitting[-1]
    return previous[-1][1] if previous else None


def _plural_subject(doc: Article, p: int) -> str | None:
    """The plural group a sentence opens with ("Counties have a role …"): the likeliest
    antecedent of a "they" that follows."""
    head = _role_head(strip_openers(doc.sentences[p].plain), doc, p)
    last = head.split()[-1].lower() if head else ""
    return head if last in lexicon().group_roles and last.endswith("s") else None


def _named_pair(doc: Article, p: int) -> str | None:
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


def _pair(doc: Article, pos: int) -> str | None:
    """ "both sides" / "each" -> the two actors the paragraph sets side by side, else the
    last pair named before it, else the paragraph's two most named actors."""
    para = [*_sentence_range(doc, pos, "paragraph"), pos]
    for p in [*para, *range(para[0] - 1, -1, -1)]:
        named = _named_pair(doc, p)
        if named:
            return named
    counts = Counter(m.name for p in para for m in doc.mentions[p] if m.kind in ("place", "organization"))
    top = [name for name, _ in counts.most_common(2)]
    return join_actors(top) if len(top) == 2 else None


def _nation(doc: Article) -> str | None:
    """ "this country" -> the place the article names most often."""
    counts = Counter(m.name for ms in doc.mentions for m in ms if m.kind == "place")
    return counts.most_common(1)[0][0] if counts else None


def _context_org(word: str, doc: Article, pos: int) -> str | None:
    """ "the department" -> the nearest earlier actor or proper name that holds that word."""
    named = re.compile(rf"(?:[A-Z][\w&’'-]*\s+){{0,4}}{word.capitalize()}(?:\s+(?:of|for|on)\s+"
                       rf"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)?")
    for p in range(pos, -1, -1):
        for m in reversed(doc.mentions[p]):
            if word in m.name.lower():
                return m.name
        names = [n for n in (re.sub(r"^The\s+", "", n) for n in named.findall(doc.sentences[p].plain))
                 if " " in n]
        if names:
            return names[-1]
    return None


def _last_place(doc: Article, pos: int) -> str | None:
    """The place named last, in this sentence or before it ("Kyiv …. The government must …")."""
    for p in range(pos, -1, -1):
        places = [m.name for m in doc.mentions[p] if m.kind == "place"]
        if places:
            return places[-1]
    return None


def _role_head(text: str, doc: Article, pos: int) -> str | None:
    """ "The President assuming office" -> "President"; "the department" -> its named org."""
    lex = lexicon()
    words = text.split()
    for i, word in enumerate(words[:4]):
        low = word.lower().strip(",.")
        if low in lex.prepositions:
            return None
        pair = " ".join(words[i:i + 2]).lower()
        size = 2 if i + 1 < len(words) and (pair in lex.person_roles or pair in lex.group_roles) else 1
        if size == 1 and low not in lex.person_roles and low not in lex.group_roles:
            continue
        while i + size < len(words) and words[i + size].lower().strip(",.") in lex.group_roles:
            size += 1  # a compound head: "City Council", "bank regulators"
        if i == 0 and size == 1 and low in lex.generic_orgs:
            return _context_org(low, doc, pos) or word
        if i == 0 and size == len(words) and low in lex.sovereign_nouns:
            return _last_place(doc, pos) or word
        first = max((j + 1 for j in range(i) if words[j].lower() in lex.subject_openers), default=0)
        return " ".join(words[first:i + size]).strip(",.")
    return None


def _attested(name: str | None, doc: Article) -> str | None:
    """A one-word name counts only where the article also writes it capitalised inside a
    sentence ("Yet, Kadhimi …"): a capitalised first word ("Permission should …") is no name."""
    if name is None or " " in name:
        return name
    inside = re.compile(rf"\S\s+{re.escape(name)}\b")
    return name if any(inside.search(s.plain) for s in doc.sentences) else None


def _head_actor(text: str, doc: Article, pos: int) -> str | None:
    """The actor a phrase starts with: alias, demonym, titled name, role or proper name."""
    nouns = lexicon().government_nouns
    found = mentions_in(text, doc.aliases, doc.pattern)
    if found and found[0].start == 0:
        owner = re.match(_APOS + r"\s+([\w-]+)", text[found[0].end:])
        if owner is None or owner.group(1).lower() in nouns:
            return found[0].name
    located = re.match(r"([\w-]+)\s+(?:in|from|of)\s+(?:the\s+)?", text)
    if located and located.group(1).lower() in nouns:
        inside = [m for m in found if m.start == located.end()]
        if inside:
            return inside[0].name
    return _role_head(text, doc, pos) or _attested(proper_name(text), doc) or leading_name(text)


def actor_of_phrase(phrase: str, offset: int, doc: Article, pos: int,
                    previous: Sequence[tuple[int, str | None]]) -> str | None:
    """A subject phrase -> the canonical actor, or None when it names no one who can act."""
    lex = lexicon()
    text = strip_openers(phrase)
    if phrase.strip().lower() in lex.nation_words or (
            phrase.strip().lower().startswith("our ") and text.lower() in lex.government_nouns):
        return _nation(doc)
    low = text.lower()
    raw = " " + phrase.strip().lower() + " "
    if any(raw.endswith(f" {words} ") or raw.startswith(f" {words} ") for words in lex.pair_words):
        return _pair(doc, pos)
    if not text:
        return None
    if low in lex.pronouns["we"]:
        return (previous[-1][1] if previous else None) or _nation(doc)
    for kind in ("person", "thing", "plural"):
        if low in lex.pronouns[kind]:
            return _pronoun(kind, offset, doc, pos, previous)
    whole = mentions_in(text, doc.aliases, doc.pattern)
    parts = re.split(r"\s+(?:and|&|nor)\s+", text)
    if len(parts) > 1 and not (whole and whole[0].start == 0 and whole[0].end == len(text)):
        names = [_head_actor(strip_openers(p), doc, pos) for p in parts]
        if all(names):
            return join_actors([n for n in names if n])
    return _head_actor(text, doc, pos)


def _addressee(doc: Article, section: range, previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The group a section's heading addresses ("For Congress", "For airports and stadium
    operators"), as a known actor or, for a plural group, as written."""
    heads = [p for p in section if doc.sentences[p].heading]
    found = lexicon().addressee_heading.match(doc.sentences[heads[-1]].plain) if heads else None
    if found is None:
        return None
    phrase = found.group("actor").strip()
    actor = actor_of_phrase(phrase, 0, doc, heads[-1], previous)
    if actor or not phrase.endswith("s"):
        return actor
    return phrase[:1].upper() + phrase[1:]


def fallback_actor(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The actor of advice whose subject cannot act: the section's last actor, else the
    group its heading addresses, else the sentence's first named actor, else its heading's,
    else the article's last actor, else the memo's addressee."""
    section = _sentence_range(doc, pos, "section")
    for p, actor in reversed(previous):
        if p in section and actor:
            return actor
    addressed = _addressee(doc, section, previous)
    if addressed:
        return addressed
    if doc.mentions[pos]:
        return doc.mentions[pos][0].name
    heads = [p for p in section if doc.sentences[p].heading]
    for p in reversed(heads):
        if doc.mentions[p]:
            return doc.mentions[p][0].name
    known = [actor for _, actor in previous if actor]
    return known[-1] if known else _memo_addressee(doc, previous)


def _memo_addressee(doc: Article, previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The reader a memo is addressed to ("To: The Governor"), who acts on its advice."""
    for p, s in enumerate(doc.sentences):
        found = lexicon().memo_addressee.match(s.plain)
        if found:
            return actor_of_phrase(found.group("actor"), 0, doc, p, previous)
    return None


def resolve_actor(doc: Article, pos: int, phrases: Sequence[tuple[str, int]],
                  previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The first candidate phrase that names an actor, else the actor its wording implies
    ("Vote no." -> Voters), else the context's actor."""
    for phrase, offset in phrases:
        actor = actor_of_phrase(phrase, offset, doc, pos, previous)
        if actor:
            return actor
    implied = [actor for pattern, actor in lexicon().implied_actors if pattern.search(doc.sentences[pos].plain)]
    return implied[0] if implied else fallback_actor(doc, pos, previous)
