"""Name spans: the capitalized runs of a paragraph that may name someone, as written.

A span is a run of capitalized words, joined by the small words names carry inside them
("Department of Justice", "Osama bin Laden", "Hans von Spakovsky"), with what a
recognizer needs around it: whether it opens a sentence, the word before and after
("in Kirkuk", "Smith said", "Nangarhar province"), and an acronym defined right after it
("Federal Election Commission (FEC)"). Word lists live in data/entities.yaml; deciding
what a span names is generator/entities.py's job.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import load_data

from ..rules import active, rule

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
NOISE = re.compile(r"\[\^[^\]]*\]|\(<[^>]*>\)|<https?://[^>]*>|\*\*|__")
YEAR = re.compile(r"1[6-9]\d\d|20\d\d")
EN_DASH_COMPOUND = re.compile(r"(?<=[A-Za-z])\u2013(?=[A-Z])")
TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?:-[\w’']+)*"           # U.S., U.S.-Iraq
                   r"|[^\W\d_][\w’'-]*(?<![-’'])(?:(?<=s)[’'])?"  # Kata’ib, Iran's
                   r"|\d+")
_SENTENCE_END = re.compile(r"[.!?:;]")
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
QUOTED = re.compile(r"(?<!\w)[\"“']([A-Z][^\"“”']{3,80}?)[,.]?[\"”'](?!\w)")
MAX_JOIN = 2
"""Longest run of joiners inside one name ("of the", "van der")."""
TITLE_CASE_WORDS, TITLE_CASE_SHARE = 6, 0.8
"""A line with this many longer words, this share of them capitalized, reads as a title."""


ACRONYM_JOINS_AND = rule("acronym-joins-and", "entity",
                         "A defined acronym spelling the words on both sides of an 'and' makes them one name")


@dataclass(frozen=True, slots=True)
class Span:
    """One candidate name as written, with the context that tells what it names."""

    words: tuple[str, ...]
    initial: bool = False
    """The first word opens a sentence, so its capital says nothing."""
    before: str = ""
    """The word just before, lower-cased ("in", "the"), when nothing but a space parts them."""
    after: str = ""
    """The word just after, lower-cased ("said", "province")."""
    acronym: str = ""
    """An acronym given in parentheses right after the name, e.g. "FEC" (that definition
    is part of this mention, not one of its own)."""
    quoted: bool = False
    """Written in quotes as a title ("For the People Act"): taken whole, as written."""


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """The recognizer's word lists (data/entities.yaml), as sets for quick lookups."""
    return {key: frozenset(words) for key, words in load_data("data/entities.yaml").items()}


def plain(text: str) -> str:
    """Markdown paragraph → text a reader sees: link text kept, URLs, footnotes, bold gone;
    an en dash joining two names read as a hyphen ("Dodd–Frank" is one name, as "Dodd-Frank")."""
    return EN_DASH_COMPOUND.sub("-", NOISE.sub("", LINK.sub(r"\1", text)).replace("\u00a0", " "))


def looks_like_title(text: str) -> bool:
    """A line with nearly every word capitalized and no full stop: a title or heading,
    not running text."""
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    capitalized = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= TITLE_CASE_WORDS \
        and capitalized >= TITLE_CASE_SHARE * len(long_words) \
        and not text.rstrip().endswith((".", "?", "!"))


def strip_possessive(word: str) -> str:
    """"Iran's" → "Iran", "Forces’" → "Forces"; "Kata’ib" stays."""
    return POSSESSIVE.sub("", word)


def is_capitalized(word: str) -> bool:
    """A word that may be part of a name: capitalized, or "al-Asad" style."""
    if word[0].isupper():
        return True
    head, _, rest = word.partition("-")
    return rest[:1].isupper() and head in name_words()["name_prefixes"]


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Titles and place abbreviations written with a dot ("Sen.", "St."), without it."""
    dotted = name_words()["titles"] | name_words()["abbreviations"]
    return frozenset(t.rstrip(".") for t in dotted if t.endswith("."))


def is_abbreviation(word: str) -> bool:
    """A title or initial that a dot follows without ending the sentence ("Sen.", "W.")."""
    return (len(word) == 1 and word.isupper()) or word in abbreviations()


def gap_kind(text: str, prev: str) -> str:
    """What lies between two words: "join" (a space), "stop" (a sentence end) or "break".
    (String tests, not regexes: this runs for every word of an article.)"""
    if text.isspace() or (text[:1] == "." and text[1:].isspace() and is_abbreviation(prev)):
        return "join"
    return "stop" if _SENTENCE_END.search(text) else "break"


def tokenize(text: str) -> tuple[list[tuple[str, bool, bool]], list[int]]:
    """Words with (word, joined to the previous word, opens a sentence), and where each
    word ends in `text` (its abbreviation's dot aside)."""
    out: list[tuple[str, bool, bool]] = []
    ends: list[int] = []
    prev_end = 0
    for m in TOKEN.finditer(text):
        start, end = m.span()
        if not out:
            out.append((m.group(), False, True))
            prev_end = end
            ends.append(end)
            continue
        gap = text[prev_end:start]
        kind = "join" if gap == " " else gap_kind(gap, out[-1][0])  # one space: most gaps
        if kind == "join" and gap.startswith("."):
            out[-1] = (out[-1][0] + ".", *out[-1][1:])
        out.append((m.group(), kind == "join", kind == "stop" or out[-1][0].isdigit()))
        prev_end = end
        ends.append(end)
    return out, ends


def may_join(chain: list[str], joiners: list[str]) -> bool:
    """Whether lower-case joiners may bind the next capitalized word into this chain."""
    lex = name_words()
    if len(joiners) > MAX_JOIN or any(j not in lex["joiners"] and j != "the" for j in joiners):
        return False
    if joiners[0] == "the" or (joiners[-1] == "the" and joiners[0] not in ("of", "for", "on")):
        return False
    if "and" in joiners or "&" in joiners:
        return any(w in ("of", "for") for w in chain) and joiners == [joiners[0]]
    return True


def chain_end(tokens: list[tuple[str, bool, bool]], i: int) -> int:
    """Index just past the name that starts at token i."""
    chain, j = [tokens[i][0]], i + 1
    while j < len(tokens) and (strip_possessive(chain[-1]) == chain[-1]
                               or owned_by_name(chain[-1], tokens[j])):
        k = j
        while k < len(tokens) and tokens[k][1] and not is_capitalized(tokens[k][0]) \
                and k - j < MAX_JOIN:
            k += 1
        if k >= len(tokens) or not tokens[k][1] or not is_capitalized(tokens[k][0]):
            break
        if k > j and (not may_join(chain, [t[0] for t in tokens[j:k]])
                      or tokens[k][0].lower() in name_words()["stop_words"]):
            break
        chain += [t[0] for t in tokens[j:k + 1]]
        j = k + 1
    return j


def owned_by_name(word: str, nxt: tuple[str, bool, bool]) -> bool:
    """A possessive inside a name: "Workers’ Party", "People’s Party" (an institution's
    word follows), unlike "Iran's Quds Force", where the owner is a name of its own."""
    return nxt[1] and nxt[0] in name_words()["org_cues"] and word[:1].isupper() \
        and strip_possessive(word) in name_words()["possessive_nouns"]


def starts_name(tokens: list[tuple[str, bool, bool]], i: int) -> bool:
    """A capitalized word, or a particle joined to one ("bin Laden", "von Spakovsky")."""
    word = tokens[i][0]
    if is_capitalized(word):
        return True
    return (word in name_words()["name_particles"] and i + 1 < len(tokens)
            and tokens[i + 1][1] and is_capitalized(tokens[i + 1][0]))


def defined_acronym(text: str, tail: int) -> str:
    """The acronym in "(ABC)" right after position `tail`, or ""."""
    m = re.match(r"\s*\(([A-Z][A-Za-z]*[A-Z])\)", text[tail:])
    return m.group(1) if m else ""


def _law_year_end(tokens: list[tuple[str, bool, bool]], j: int) -> int:
    """Past "of 1933" when the name before `j` ends in a law's cue word ("the Securities Act
    of 1933"): the year is part of the law's name."""
    if j + 1 < len(tokens) and tokens[j - 1][0] in name_words()["law_cues"] and tokens[j][0] == "of" \
            and tokens[j][1] and tokens[j + 1][1] and YEAR.fullmatch(tokens[j + 1][0]):
        return j + 2
    return j


def _initials(words: Sequence[str]) -> str:
    """The capitals a name's acronym is made of ("Securities and Exchange Commission": SEC)."""
    words = list(words)
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return "".join(w[0] for w in words if w[:1].isupper())


def _joined_by_acronym(first: Span, second: Span, tokens: list[tuple[str, bool, bool]],
                       i: int) -> Span | None:
    """"Securities and Exchange Commission (SEC)": two spans either side of an "and" are one
    name when the acronym defined after the second spells the initials of both (rule
    acronym-joins-and); else None."""
    if not (active(ACRONYM_JOINS_AND) and second.acronym and tokens[i - 1][0] in ("and", "&")
            and tokens[i - 1][1] and tokens[i][1] and not first.acronym):
        return None
    words = (*first.words, tokens[i - 1][0], *second.words)
    if _initials(second.words) == second.acronym or _initials(words) != second.acronym:
        return None
    return Span(words, first.initial, first.before, second.after, second.acronym)


def find_spans(text: str) -> list[Span]:
    """Every candidate name in one paragraph's `plain` text: quoted titles of laws, then the
    rest in order."""
    quoted = quoted_names(text)
    for span, (start, end) in quoted:
        text = text[:start] + "," * (end - start) + text[end:]
    tokens, ends = tokenize(text)
    spans, i, last_end = [], 0, -2
    while i < len(tokens):
        if not starts_name(tokens, i):
            i += 1
            continue
        j = chain_end(tokens, i) if is_capitalized(tokens[i][0]) else chain_end(tokens, i + 1)
        j = _law_year_end(tokens, j)
        words = tuple(t[0] for t in tokens[i:j])
        before = tokens[i - 1][0].lower() if i and tokens[i][1] else ""
        after = tokens[j][0].lower() if j < len(tokens) and tokens[j][1] else ""
        acronym = defined_acronym(text, ends[j - 1])
        span = Span(words, tokens[i][2], before, after, acronym)
        joined = _joined_by_acronym(spans[-1], span, tokens, i) if spans and i == last_end + 1 else None
        if joined:
            spans[-1] = joined
        else:
            spans.append(span)
        last_end = j
        i = j + 1 if acronym and j < len(tokens) and tokens[j][0] == acronym else j
    return [span for span, _ in quoted] + spans


def quoted_names(text: str) -> list[tuple[Span, tuple[int, int]]]:
    """Names of laws and plans written in quotes ("the 'For the People Act of 2021'"),
    with where they sit, so the words inside are not read a second time."""
    lex = name_words()
    found = []
    for m in QUOTED.finditer(text):
        words = tuple(TOKEN.findall(m.group(1)))
        small = lex["stop_words"] | lex["joiners"]
        title_cased = all(w[0].isupper() or w.isdigit() or w in small for w in words)
        if title_cased and len(words) >= 2 and set(words) & lex["org_cues"]:
            found.append((Span(words, quoted=True), m.span()))
    return found
