"""Text a regex cannot match without: a quick test that lets a text skip a pattern.

pysbd runs about a hundred regex substitutions over every paragraph it segments, and most
of them find nothing: they look for its own placeholder marks ("∯", "☏☏"), an ellipsis, a
bracketed reference. Reading a pattern's parse tree once gives the pieces of text its
matches cannot do without (each a set of strings, one of which must occur); a text that
lacks one of them cannot match, and the regex need not scan it. Unlike
extraction/prefilter.py (lower-case words for the lexicon's case-blind patterns) this reads
case-sensitive patterns, any character, lookarounds and repeated characters ("\\.{3}").
A case-blind pattern, or one with no such piece, is always run: same results, found sooner.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as c, _parser  # the stdlib's own reader of a pattern's structure

Needs = tuple[frozenset[str], ...]
"""Sets of strings: a text the pattern can match holds one string of every set."""
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
MAX_CLASS = 1024
"""A set of characters listing more than this is read as needing nothing (too common)."""
FEW = 8
"""Options up to this many are searched for in the text one by one."""


@lru_cache(maxsize=4096)
def needs(pattern: str, flags: int = 0) -> Needs:
    """What a text must hold for `pattern` to match anywhere in it (read once per pattern)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # a pattern re would refuse, or read differently: always run it
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    return tuple(sorted((options for options in _sequence(parsed) if worth_testing(options)), key=len))


def worth_testing(options: frozenset[str]) -> bool:
    """A need is tested when it is a few strings, or many characters none of them ASCII: a
    text nearly always holds one of [A-Z] or [a-z0-9_], and looking it up costs a set of the
    text's characters (kept out, the test is weaker, never wrong)."""
    return len(options) <= FEW or not any(piece.isascii() for piece in options)


def may_match(required: Needs, text: str) -> bool:
    """False only when `text` lacks something every match of the pattern needs (plain
    loops: this runs for each of pysbd's rules on each text). Many options (a set of
    characters) are looked up in the text's own set of characters, not searched one by one."""
    chars: frozenset[str] | None = None
    for options in required:
        if len(options) > FEW:
            chars = frozenset(text) if chars is None else chars
            if options.isdisjoint(chars) and not any(len(piece) > 1 and piece in text for piece in options):
                return False
            continue
        for piece in options:
            if piece in text:
                break
        else:
            return False
    return True


def screened_sub(pattern: re.Pattern[str], repl, text: str) -> str:
    """`pattern.sub(repl, text)`, without the regex's scan when `text` lacks something
    every match needs (most cleaning rewrites find nothing to rewrite in most articles)."""
    if may_match(needs(pattern.pattern, pattern.flags), text):
        return pattern.sub(repl, text)
    return text


def _sequence(items) -> Needs:
    """A sequence needs all its parts need; a run of literal characters (a character
    repeated a fixed number of times included) is one string."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        char = _repeated_char(op, av)
        if char is not None:
            run.append(char * (1 if op is c.LITERAL else av[0]))
            if op is c.LITERAL or av[0] == av[1]:
                continue
        if run:
            found.append(frozenset({"".join(run)}))
        run = [char * av[0]] if char is not None else []
        found.extend(_part(op, av) if char is None else ())
    return tuple(found)


def _repeated_char(op, av) -> str | None:
    """The character of a literal, or of a repeat (once at least) of one literal."""
    if op is c.LITERAL:
        return chr(av)
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] is c.LITERAL:
        return chr(av[2][0][1])
    return None


def _part(op, av) -> Needs:
    """What one element needs: a group, a lookaround that must hold or a repeat (once at
    least) its content's; a branch one of its branches' needs; a set of characters one of
    them; anything else nothing known."""
    if op is c.SUBPATTERN:
        return () if av[1] & re.IGNORECASE else _sequence(av[-1])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.ASSERT or (op in _REPEATS and av[0] >= 1):
        return _sequence(av[-1])
    if op is c.BRANCH:
        each = [_sequence(branch) for branch in av[1]]
        if not all(each):
            return ()
        return (frozenset().union(*(min(needs_, key=_rarity) for needs_ in each)),)
    if op is c.IN:
        chars = _class_chars(av)
        return (chars,) if chars else ()
    return ()


def _class_chars(items) -> frozenset[str]:
    """The characters a set ("[a-cxyz]") matches, when it lists them (no negation, no
    category such as \\w) and they are few; else nothing."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < MAX_CLASS:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return frozenset()
    return frozenset(chars) if len(chars) <= MAX_CLASS else frozenset()


def _rarity(options: frozenset[str]) -> tuple[int, bool, int]:
    """Which of a branch's needs to keep: the one whose strings are longest, then one
    without plain ASCII (rarer in text than "é" or "Ã"), then the one of fewest strings."""
    return (-min(map(len, options)), any(piece.isascii() for piece in options), len(options))
