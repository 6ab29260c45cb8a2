"""Entity stage: the people, organizations and places a body names, merged, with counts.

No trained recognizer is available offline, so this is rules over the name spans of
generator/names.py: what a span names is decided by the alias table (the user's file
wins), a gazetteer of places (data/places.yaml), titles ("President X" is a person),
cue words ("… Commission" is an organization, "… province" a place) and context ("X
said", "in X"). Spellings are then merged (generator/mentions.py). Laws and treaties
("Federal Election Campaign Act") are of kind "law", wars and summits ("Iraq War") of kind
"event", by the word they end in, so neither is listed as an organization or a place.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .aliases import Aliases, is_acronym
from .mentions import Mention, merge_mentions
from ..model import Entity, Paragraph
from ..rules import active, rule
from .names import Span, find_spans, name_words, looks_like_title, plain, strip_possessive
from .words import (MAX_ACRONYM, cue_kind, find_title, gazetteer, guess_kind, is_no_name,
                    looks_like_person, word_key)

MAX_NAME_WORDS = 8
"""A longer capitalized run is a title or a page header, not one name."""
COMMON_ENDINGS = r"(?:ing|ed|ly)$"
"""Endings of the verbs and adverbs that open sentences ("Conceding", "Overlooked")."""


@dataclass(frozen=True, slots=True)
class Context:
    """What resolving one span needs to know about the whole document."""

    aliases: Aliases
    capitalized: frozenset[str]
    """Words the body capitalizes somewhere other than at a sentence start."""
    alone: frozenset[str] = frozenset()
    """Of those, the ones it uses as a name of one word, or as a name's last word."""
    known_only: bool = False
    """Only names the tables know (in headings, where every word is capitalized)."""
    discovered: frozenset[str] = frozenset()
    """Names the body's running text gave, which headings may repeat."""
    defined: frozenset[str] = frozenset()
    """Acronyms the body defines ("(CENTCOM)"): names however long their capitals run."""


HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr"})


def canonical(form: str, ctx: Context) -> str | None:
    """The alias table's (or the gazetteer's) name for a form, if either knows it."""
    return ctx.aliases.lookup_name(form) or gazetteer()[0].get(form)


def kind_of(name: str, aliases: Aliases) -> str | None:
    """The kind a table gives a canonical name (every name the gazetteer gives is a place)."""
    return aliases.kinds.get(name) or ("place" if name in gazetteer()[0] else None)


def known(form: str, ctx: Context) -> list[Mention]:
    """One mention when the tables know the form, else none."""
    canon = canonical(form, ctx)
    if canon:
        return [Mention(form, canon, kind_of(canon, ctx.aliases))]
    return [Mention(form, None, None)] if form in ctx.discovered else []


def known_parts(words: Sequence[str], ctx: Context) -> list[Mention]:
    """The longest runs of words the tables know, left to right."""
    out, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            found = known(" ".join(words[i:j]), ctx)
            if found:
                out += found
                i = j
                break
        else:
            out += hyphen_parts(words[i], ctx) if ctx.known_only else []
            i += 1
    return out


def hyphen_parts(word: str, ctx: Context) -> list[Mention]:
    """"U.S.-Iraq" → U.S. and Iraq; "anti-Iran" → Iran; "Abdul-Mahdi" → nothing here."""
    parts = word.split("-")
    if len(parts) < 2 or parts[0].lower() in name_words()["name_prefixes"]:
        return []
    found = [m for p in parts if p[:1].isupper() for m in known(p, ctx)]
    found += [Mention(p, None, "organization") for p in parts if is_acronym(p)
              and not known(p, ctx) and not is_no_name(p) and len(p) <= MAX_ACRONYM]
    return found


def office_of(rest: list[str], ctx: Context) -> tuple[list[Mention], list[str]]:
    """After a title, "of [the] X": the body X names, and the words left after it."""
    if rest[:1] not in (["of"], ["for"]):
        return [], rest
    rest = rest[2:] if rest[1:2] == ["the"] else rest[1:]
    for j in range(len(rest), 0, -1):
        found = known(" ".join(rest[:j]), ctx)
        if found:
            return found, rest[j:]
    return [], rest[1:]


def honorific_surname(title: Sequence[str], rest: Sequence[str]) -> bool:
    """"Mrs May", "Mr Hope": after an honorific one capitalised word is a surname, even one
    that is also a month or a common word."""
    return len(title) == 1 and title[0].rstrip(".") in HONORIFICS and len(rest) == 1 \
        and rest[0][:1].isupper() and rest[0][1:].islower()


def titled_person(words: list[str], ctx: Context) -> list[Mention] | None:
    """"Secretary of Health and Human Services Sylvia Burwell" → the office's body and the
    person; "Senate Majority Leader" → the Senate; None when no title is at work here."""
    found = find_title(words)
    if found is None:
        return None
    start, end = found
    office, rest = office_of(words[end:], ctx)
    modifiers = name_words()["title_modifiers"]
    before = [w for w in words[:start] if w not in modifiers]
    cut = next((i for i, w in enumerate(rest) if w in ("of", "for", "from", "at")), len(rest))
    if rest and (looks_like_person(rest[:cut], titled=True) or honorific_surname(words[start:end], rest[:cut])):
        person = Mention(" ".join(rest[:cut]), canonical(" ".join(rest[:cut]), ctx), "person")
        affiliation = rest[cut + 1:]
        affiliation = affiliation[1:] if affiliation[:1] == ["the"] else affiliation
        tail = resolve(affiliation, Span(tuple(affiliation)), ctx, False) if affiliation else []
        return known_parts(before, ctx) + office + [person] + tail
    if rest or (before and before[-1] in name_words()["joiners"] | {"the"}):
        return None
    return resolve(before, Span(tuple(before)), ctx, False) + office


def split_point(words: Sequence[str], ctx: Context) -> int | None:
    """Where a chain of institutions parts ("Office of the X of the Justice Department",
    "Integrity Section of the Criminal Division"): at an "of" whose right side is a body
    of its own, not at "Plan of Action"."""
    cues = name_words()["org_cues"]
    for q, word in enumerate(words):
        left, right = words[:q], words[q + 1:]
        right = right[1:] if right[:1] == ["the"] else right
        whole_left = "of" in left or (len(left) >= 2 and left[-1] in cues)
        body_right = bool(right) and right[0][:1].isupper() \
            and bool(set(right) & cues or known(" ".join(right), ctx))
        if word == "of" and whole_left and body_right:
            return q
    return None


def unknown(words: list[str], span: Span, ctx: Context) -> list[Mention]:
    """A name no table knows, unless its words say it is no name at all."""
    lex = name_words()
    form = " ".join(words)
    if form in ctx.defined:
        return [Mention(form, None, "organization")]
    shouted = sum(w.isupper() and len(w) > 3 and "." not in w for w in words)
    if words[0] in gazetteer()[1] and not any(w in lex["org_cues"] for w in words[1:]):
        return []
    if shouted > 1 or all(is_no_name(w) for w in words):
        return []
    if len(words) == 1 and words[0] in lex["org_cues"]:
        return [Mention(f"the {form}", None, "organization", anaphor=True)] \
            if span.before == "the" else []
    return [Mention(form, None, guess_kind(words, span), acronym=span.acronym)]


def resolve(words: list[str], span: Span, ctx: Context, initial: bool) -> list[Mention]:
    """One span → the mentions it holds (none, one, or several for chained names)."""
    stop = name_words()["stop_words"]
    while words and words[0].lower() in stop and not span.quoted \
            and not (words[0].isupper() and known(words[0], ctx)):  # "US" is a name, "us" not
        words, initial = words[1:], False
    if not words:
        return []
    if ctx.known_only or known(" ".join(words), ctx):
        return known_parts(words, ctx)
    if span.quoted:
        return [Mention(" ".join(words), None, cue_kind(words) or "organization")]
    parts = split_compound(words, span, ctx, initial)
    if parts is not None:
        return parts
    if len(words) > MAX_NAME_WORDS:
        return known_parts(words, ctx)
    vouched = ctx.alone if len(words) == 1 else ctx.capitalized
    if initial and word_key(words[0]) not in vouched and not is_acronym(words[0]) \
            and not inner_capital(words[0]) and not opens_name(words, ctx) and not acts_as_name(words, span):
        return resolve(words[1:], span, ctx, False)
    if len(words) > 1 and is_no_name(words[0]):
        rest = resolve(words[1:], span, ctx, False)
        if rest and all(m.canonical or m.kind == "person" for m in rest):
            return rest
    return unknown(words, span, ctx)


def split_compound(words: list[str], span: Span, ctx: Context, initial: bool
                   ) -> list[Mention] | None:
    """A span that holds more than one name: "Cairo-based X", "U.S.-Iraq", a title and a
    person, "A and B", "X of the Y"; None when it is one name (or none)."""
    if len(words) > 1 and "-" in words[0] and is_no_name(words[0]):
        return hyphen_parts(words[0], ctx) + resolve(words[1:], span, ctx, False)
    if len(words) == 1 and hyphen_parts(words[0], ctx):
        return hyphen_parts(words[0], ctx)
    titled = titled_person(words, ctx)
    if titled is not None:
        return titled
    if "and" in words:
        q = words.index("and")
        if known(" ".join(words[:q]), ctx) and known(" ".join(words[q + 1:]), ctx):
            return known_parts(words[:q], ctx) + known_parts(words[q + 1:], ctx)
    q = split_point(words, ctx)
    if q is None:
        return None
    right = words[q + 2:] if words[q + 1:q + 2] == ["the"] else words[q + 1:]
    return resolve(words[:q], span, ctx, initial) + resolve(right, span, ctx, False)


INNER_CAPITAL = rule("inner-capital-is-a-name", "entity", "A word with a capital after its "
                     "first lower-case letter ('ExxonMobil', 'McKinsey') is a name even opening a sentence.")
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z]")


def inner_capital(word: str) -> bool:
    """Whether a word is written with a capital inside it, as only names are."""
    return active(INNER_CAPITAL) and _INNER_CAPITAL.match(word) is not None


def opens_name(words: list[str], ctx: Context) -> bool:
    """Whether a sentence's capitalized first word belongs to the name after it: it does
    before an initial or a particle ("Shana M. Broussard", "Osama bin Laden") and in a
    personal name, not when it is a verb or adverb ("Conceding Iraq") or the rest is known."""
    if len(words) < 2 or is_no_name(words[0]) or known(" ".join(words[1:]), ctx):
        return False
    if re.search(COMMON_ENDINGS, words[0]):
        return False
    second, cues = words[1], name_words()["org_cues"]
    return second in name_words()["name_particles"] or bool(re.fullmatch(r"[A-Z]\.", second)) \
        or looks_like_person(words) or (words[-1] in cues and words[0] not in cues)


def acts_as_name(words: list[str], span: Span) -> bool:
    """A lone word opening a sentence is a name when it speaks ("Okafor said") or owns
    something ("Okafor's plan"); a plural common noun that speaks ("Critics said",
    "Officials say") is a group, not a name."""
    lone = len(words) == 1 == len(span.words)
    plural = re.search(r"[^su']s$", words[0]) is not None
    return lone and ((span.after in name_words()["person_verbs"] and not plural)
                     or strip_possessive(span.words[0]) != span.words[0])


def span_mentions(span: Span, ctx: Context) -> list[Mention]:
    """The mentions in one span, the possessive dropped from its last word."""
    words = [*span.words[:-1], strip_possessive(span.words[-1])]
    return resolve(words, span, ctx, span.initial)


def is_title_cased(p: Paragraph, text: str) -> bool:
    """Headings and title-cased lines (`text`: the paragraph's plain text) capitalize every
    word, so capitals tell nothing."""
    return p.heading or looks_like_title(text)


def capitalized_words(spans: Sequence[Span]) -> tuple[frozenset[str], frozenset[str]]:
    """Words written with a capital somewhere a sentence does not start; and those of them
    written alone or last in a name ("Kadhimi" of "Mustafa al-Kadhimi", not "New" of
    "New Mexico")."""
    seen = [[word_key(strip_possessive(w)) for w in (s.words[1:] if s.initial else s.words)]
            for s in spans]
    every = frozenset(w for words in seen for w in words)
    alone = frozenset(words[-1] for words in seen if words)
    return every, alone


def find_entities(paragraphs: Sequence[Paragraph], aliases: Aliases) -> tuple[Entity, ...]:
    """Body paragraphs → the entities they name, most mentioned first. Running text is read
    first; headings then add the names it gave or the tables know; lines in capitals, where
    "IS" may be a verb, are not read."""
    texts = [(p, plain(p.text)) for p in paragraphs]  # each paragraph made plain once
    read = [(find_spans(text), is_title_cased(p, text)) for p, text in texts
            if any(c.islower() for c in text)]
    running = [s for spans, titled in read if not titled for s in spans]
    every, alone = capitalized_words(running)
    ctx = Context(aliases, every, alone, defined=frozenset(s.acronym for s in running if s.acronym))
    body = [m for spans, titled in read if not titled for s in spans
            for m in span_mentions(s, ctx)]
    heading_ctx = replace(ctx, known_only=True,
                          discovered=frozenset(m.form for m in body if not m.anaphor))
    headings = [m for spans, titled in read if titled for s in spans
                for m in span_mentions(s, heading_ctx)]
    return merge_mentions(body + headings, aliases)
