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


@lru_cache(maxsize=4096)
def needs(pattern: str, flags: int = 0) -> Needs:
    """What a text must hold for `pattern` to match anywhere in it (read once per pattern)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # a pattern re would refuse, or read differently: always run it
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    return _sequence(parsed)


def may_match(required: Needs, text: str) -> bool:
    """False only when `text` lacks something every match of the pattern needs (plain
    loops: this runs for each of pysbd's rules on each text)."""
    for options in required:
        for piece in options:
            if piece in text:
                break
        else:
            return False
    return True


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
    if op is c.IN and av and all(kind is c.LITERAL for kind, _ in av):
        return (frozenset(chr(code) for _, code in av),)
    return ()


def _rarity(options: frozenset[str]) -> tuple[int, int]:
    """Which of a branch's needs to keep: the one whose strings are longest (rarest)."""
    return (-min(map(len, options)), len(options))
