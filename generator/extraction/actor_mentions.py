"""Actors a sentence names: alias-table names, demonym + government noun, titled names.

"U.S. officials" and "the Iraqi government" name places; "President Obama" names Obama;
"the President" names a role; "U.S.-Iraq" names a pair. Case matters for short forms, so
"US" is the United States and "us" is not.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .aliases import Aliases, alias_key
from .lexicon import lexicon
from .mentions import Mention
from .names import name_words, strip_possessive


@lru_cache(maxsize=1)
def person_titles() -> tuple[str, ...]:
    """The entity recognizer's person titles, longest first ("Secretary of State" before
    "Secretary"): one list for both stages."""
    return tuple(sorted(name_words()["titles"], key=len, reverse=True))


_LEADING_NAME = re.compile(r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|on|and|the|&)\s+)*[A-Z][\w’'&.-]*)+"
                           r"(?=\s+(?!(?:of|for|on|and|the)\b)[a-z])")
LEADING_NAME_WORDS = 8
"""Longer capitalised runs are headline text, not one name."""


def _case_ok(form: str, written: str) -> bool:
    """Short capitalised forms ("US", "IS") must be written as such, not as "us"/"is"."""
    if form.isupper():
        return written.isupper()
    return not form[:1].isupper() or written[:1].isupper()


def any_form(forms: Sequence[str]) -> str:
    """A case-blind alternation of literal forms, tried in the order given, grouped by first
    letter behind a one-letter lookahead: the regex engine then passes a group at a glance
    instead of trying each of hundreds of forms at every word. Forms of different first
    letters never match at the same place, so the matches are the same."""
    if not all(f[:1].isascii() for f in forms):  # a non-ASCII letter may fold onto an ASCII one
        return "|".join(re.escape(f) for f in forms)
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0].lower(), []).append(re.escape(form))
    return "|".join(f"(?={re.escape(first)})(?:{'|'.join(alts)})"
                    for first, alts in groups.items())


def alias_pattern(aliases: Aliases) -> re.Pattern[str]:
    """One regex matching every alias form, demonym + government noun, and titled name."""
    lex = lexicon()
    forms = sorted({f for fs in aliases.forms.values() for f in fs}, key=len, reverse=True)
    names = any_form(forms) or r"(?!x)x"
    demonyms = any_form(sorted(lex.demonyms, key=len, reverse=True))
    nouns = "|".join(sorted(lex.government_nouns, key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in person_titles())
    roles = "|".join(sorted(lex.person_roles, key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:(?P<demonym>{demonyms})\s+(?:{nouns})"
        rf"|(?-i:{titles})\s+(?P<titled>(?-i:[A-Z][\w’'-]+(?:\s+(?:al-|bin\s+|de\s+|von\s+)?[A-Z][\w’'-]+)*))"
        rf"|(?P<alias>{names})|the\s+(?P<role>{roles}))(?![\w])", re.I)


def mentions_in(text: str, doc_aliases: Aliases, pattern: re.Pattern[str]) -> tuple[Mention, ...]:
    """The actors `text` names, in order; "U.S.-Iraq" counts as the pair."""
    found: list[Mention] = []
    for m in pattern.finditer(text):
        mention = _mention(m, doc_aliases)
        if mention is None:
            continue
        if found and text[found[-1].end:m.start()] == "-" and found[-1].kind != "pair":
            prev = found.pop()
            name = join_actors([prev.name, mention.name])
            mention = Mention(text[prev.start:mention.end], name, "pair", start=prev.start, end=mention.end)
        found.append(mention)
    return tuple(found)


def _mention(m: re.Match[str], aliases: Aliases) -> Mention | None:
    """One regex match -> a Mention, or None when the case shows it is a common word."""
    lex = lexicon()
    if m.group("demonym"):
        demonym = next(d for d in lex.demonyms if d.lower() == m.group("demonym").lower())
        if not m.group("demonym")[:1].isupper():
            return None
        return Mention(m.group(), lex.demonyms[demonym], "place", start=m.start(), end=m.end())
    if m.group("titled"):
        if not m.group()[:1].isupper():
            return None
        name = strip_possessive(m.group("titled"))  # "Mrs May’s deal": May, who owns the deal
        end = m.end("titled") - (len(m.group("titled")) - len(name))
        return Mention(m.group()[:end - m.start()], name, "person", start=m.start(), end=end)
    if m.group("role"):
        return Mention(m.group("role"), m.group("role"), "person", start=m.start("role"), end=m.end())
    written = m.group("alias")
    name = aliases.lookup(written)
    if name is None:
        return None
    forms = [f for f in aliases.forms.get(name, (name,)) if alias_key(f) == alias_key(written)]
    if not any(_case_ok(f, written) for f in forms):
        return None
    return Mention(written, name, aliases.kinds.get(name, "organization"), start=m.start(), end=m.end())


def join_actors(names: Sequence[str]) -> str:
    """Several actors acting together -> one name ("United States and Iraq")."""
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def strip_title(name: str) -> str:
    """ "President Obama" -> "Obama"; a bare title ("President") stays."""
    for title in person_titles():
        if name.startswith(title + " ") and name[len(title) + 1:][:1].isupper():
            return name[len(title) + 1:]
    return name


def proper_name(text: str) -> str | None:
    """A subject written as a name ("Kadhimi", "the World Bank") is its own actor."""
    words = text.split()
    if not 0 < len(words) <= 5 or not words[0][:1].isupper():
        return None
    joiners, prefixes = name_words()["joiners"] | {"the"}, name_words()["name_prefixes"]
    if all(w[:1].isupper() or w.lower() in joiners or w.partition("-")[0].lower() in prefixes for w in words):
        return strip_title(text.strip(",."))
    return None


def leading_name(text: str) -> str | None:
    """The name that opens a clause ("Centers for Medicare and Medicaid Services simplify
    …"): capitalised words, with the particles names hold, up to the lower-case verb."""
    found = _LEADING_NAME.match(text)
    return found.group() if found and len(found.group().split()) <= LEADING_NAME_WORDS else None
