"""Who should act: a recommendation's actor, read as the subject of its advising clause.

A first-person frame ("we believe", "in our view") is stripped; the subject is then looked
up as a name the article or the alias table knows ("U.S. officials" -> United States,
"President Obama" -> Obama), a role ("the President", "States") or a group written as a
plain noun phrase ("local schools", "publishers"). "We" is the group the author speaks for
(actor_context). Pronouns, "both sides" and "this country" are resolved from the sentence
and its paragraph. A subject that cannot act ("The tax needs to be fixed", a passive
without agent) takes an actor from its own section only; else the actor is None.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .actor_context import (LOOKBACK, Article, context_org, earlier, index_article, last_place, named_only,
                            pair_actor, paragraph_counts, paragraph_topic, run_in_label)
from .actor_mentions import Mention, join_actors, leading_name, mentions_in, proper_name
from .actor_phrases import (group_phrase, passive_agent, plain_group, plural_group, strip_openers,
                            subject_before)
from .aliases import Aliases
from .lexicon import lexicon
from .prefilter import may_match, required_words, screened
from ..model import Sentence
from ..rules import active, all_switched_off, rule

__all__ = ["Article", "actor_of_phrase", "fallback_actor", "make_article", "resolve_actor",
           "strip_openers", "subject_before"]
_APOS = r"(?:'s|’s|'|’)"
_COMPARED = re.compile(r"\b(?:as|than|like|unlike)\b(?!\s+well\b)", re.I)
"""A subject after these is a comparison ("…, just as private parties must do"), not
whom the advice addresses."""
READER = "readers"
"""Whom "you" addresses: the article's readers."""
_WE = re.compile(r"\b(?:we|us)\b", re.I)
PARAGRAPH_TOPIC = rule("paragraph-topic-actor", "recommendation",
                       "Advice naming no actor is addressed to the one actor its paragraph is about, if unambiguous")
EVERY_MEMBER = rule("every-member-is-the-group", "recommendation",
                    "'Every student newsroom should …' addresses the group: written as 'student newsrooms'")
_EVERY = re.compile(r"\s*(?:every|each|any)\s+(?!one\b|body\b)\w", re.I)
NAMED_SUBJECT = rule("named-subject-antecedent", "recommendation",
                     "A name opening a sentence is its subject, and what a following 'it' most likely stands for.")
ACTION_NOUN = rule("action-noun-subject", "recommendation",
                   "'Congressional action is needed' names what is needed; an institution's adjective names who acts")
_MODAL_SUBJECT = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\b", re.I)


def _fits(kind: str, mention: Mention) -> bool:
    """Whether a pronoun of this kind can stand for the mention."""
    if kind == "person":
        return mention.kind == "person"
    return mention.kind != "person"


def _pronoun(kind: str, offset: int, doc: Article, pos: int,
             previous: Sequence[tuple[int, str | None]]) -> str | None:
    """A pronoun -> the nearest earlier actor of a fitting kind in its own sentence, else
    the first (the subject's) of the nearest earlier sentence of the paragraph that names one."""
    for mention in reversed([m for m in doc.mentions[pos] if m.start < offset]):
        if _fits(kind, mention):
            return mention.name
    if kind == "plural" and offset > 0:
        group = _plural_subject(doc, pos)
        if group:
            return group
    for p in reversed(earlier(doc, pos, "paragraph")):
        group = _plural_subject(doc, p) if kind == "plural" else None
        fitting = [m.name for m in doc.mentions[p] if _fits(kind, m)]
        subject = _antecedent_subject(doc, p) if kind == "thing" and active(NAMED_SUBJECT) else None
        if group or fitting or subject:
            return group or fitting[0] if group or fitting else subject
    in_paragraph = [a for p, a in previous[-LOOKBACK:] if p >= doc.paragraph_start[pos]]
    return in_paragraph[-1] if in_paragraph else None


def _antecedent_subject(doc: Article, p: int) -> str | None:
    """What an "it" in a later sentence most likely stands for: sentence p's subject, a name
    ("The Harbourline Ferry Company raised …") or a body named by its role ("The city
    council has been silent.")."""
    if p >= len(doc.subjects):
        return None
    text = strip_openers(doc.sentences[p].plain)
    return doc.subjects[p][0] or _role_head(text, doc, p)


def _plural_subject(doc: Article, p: int) -> str | None:
    """The plural group a sentence opens with ("Counties have a role …"): the likeliest
    antecedent of a "they" that follows."""
    text = strip_openers(doc.sentences[p].plain)
    head = _role_head(text, doc, p) or group_phrase(text, doc.capitalized)
    last = head.split()[-1].lower() if head else ""
    return head if last.endswith("s") and (last in lexicon().group_roles or head == group_phrase(text, doc.capitalized)) else None


def _of_complement(words: list[str], end: int) -> int:
    """Where a title's "of State" / "of Defense" complement ends ("Secretary of State")."""
    if end + 1 < len(words) and words[end] == "of" and words[end + 1][:1].isupper():
        return end + 2
    return end


def _role_head(text: str, doc: Article, pos: int) -> str | None:
    """ "The President assuming office" -> "President"; "the department" -> its named org."""
    lex = lexicon()
    words = text.split()
    for i, word in enumerate(words[:4]):
        low = word.lower().strip(",.")
        if low in lex.prepositions or (i == 0 and low.endswith("ing") and len(words) > 1):
            return None  # "Six areas in the law", a gerund clause ("Keeping firms open")
        pair = " ".join(words[i:i + 2]).lower()
        size = 2 if i + 1 < len(words) and (pair in lex.person_roles or pair in lex.group_roles) else 1
        if size == 1 and low not in lex.person_roles and low not in lex.group_roles:
            continue
        while i + size < len(words) and words[i + size].lower().strip(",.") in lex.group_roles:
            size += 1  # a compound head: "City Council", "bank regulators"
        if i == 0 and size == 1 and low in lex.generic_orgs:
            return context_org(low, doc, pos) or word
        if i == 0 and size == len(words) and low in lex.sovereign_nouns:
            return last_place(doc, pos) or word
        if low in lex.person_roles:
            size = _of_complement(words, i + size) - i
        first = max((j + 1 for j in range(i) if words[j].lower() in lex.subject_openers), default=0)
        return plain_group(words[first:i + size], doc.capitalized)
    return None


def _attested(name: str | None, doc: Article) -> str | None:
    """A one-word name counts only where the article also writes it capitalised inside a
    sentence ("Yet, Kadhimi …"): a capitalised first word ("Permission should …") is no name."""
    if name is None or " " in name:
        return name
    return name if name in doc.capitalized else None


def _head_actor(text: str, doc: Article, pos: int, whole_phrase: str = "",
                mentions: Sequence[Mention] | None = None) -> str | None:
    """The actor a phrase starts with: alias, demonym, titled name, role, proper name or a
    group written as a common noun phrase (`whole_phrase`: the phrase before its openers
    were stripped, which tells "every newsroom" from "the newsroom"; `mentions`: the
    phrase's, when the caller has them already)."""
    lex = lexicon()
    if not text.split():
        return None  # a conjunct that was all openers ("we and and")
    if text.split()[0].lower() in lex.pronoun_words:
        return None  # "We Americans", "It Works": a pronoun opens no name
    found = named_only(mentions_in(text, doc.aliases, doc.pattern), doc) if mentions is None else mentions
    if found and found[0].start == 0 and not _owns_subject(text, found[0].end):
        return found[0].name
    located = re.match(r"([\w-]+)\s+(?:in|from|of)\s+(?:the\s+)?", text)
    if located and located.group(1).lower() in lex.government_nouns:
        inside = [m for m in found if m.start == located.end()]
        if inside:
            return inside[0].name
    every = active(EVERY_MEMBER) and _EVERY.match(whole_phrase) is not None
    group = group_phrase(text, doc.capitalized)
    role = _role_head(text, doc, pos)
    group, role = (plural_group(g) if g and every else g for g in (group, role))
    return role or _attested(proper_name(text), doc) or leading_name(text) or group


@dataclass(frozen=True, slots=True)
class _Pronoun:
    """A subject phrase that is a pronoun: what it stands for depends on the advice before."""

    kind: str
    offset: int


def _owns_subject(text: str, end: int) -> bool:
    """Whether the name ending at `end` owns the subject rather than being it ("Mrs May’s
    deal is dead"), unless what it owns is its government ("Iraq's government")."""
    owner = re.match(_APOS + r"\s+([\w-]+)", text[end:])
    return owner is not None and owner.group(1).lower() not in lexicon().government_nouns


def actor_of_phrase(phrase: str, offset: int, doc: Article, pos: int,
                    previous: Sequence[tuple[int, str | None]]) -> str | None:
    """A subject phrase -> the canonical actor, or None when it names no one who can act
    (memoised per article: only a pronoun's reading depends on `previous`)."""
    key = (phrase, offset, pos, doc.we, all_switched_off())
    read = doc.phrase_actors.get(key, _UNREAD)
    if read is _UNREAD:
        read = doc.phrase_actors[key] = _read_phrase(phrase, offset, doc, pos)
    if isinstance(read, _Pronoun):
        return _pronoun(read.kind, read.offset, doc, pos, previous)
    return read


_UNREAD = object()


def _read_phrase(phrase: str, offset: int, doc: Article, pos: int) -> str | _Pronoun | None:
    """`actor_of_phrase` but for a pronoun, returned as such."""
    lex = lexicon()
    label = run_in_label(doc.sentences[pos]) if offset == 0 else None
    if label and phrase.startswith(label) and phrase[len(label):].strip():
        rest = phrase[len(label):]
        phrase, offset = rest.lstrip(), len(phrase) - len(rest.lstrip())
    frame = lex.first_person_frame.match(phrase)
    if frame and frame.end() < len(phrase.strip()):
        phrase, offset = phrase[frame.end():], offset + frame.end()
    text = strip_openers(phrase)
    if phrase.strip().lower() in lex.nation_words or (
            phrase.strip().lower().startswith("our ") and text.lower() in lex.government_nouns):
        return doc.nation
    low = text.lower()
    raw = " " + phrase.strip().lower() + " "
    if raw.endswith(lex.pair_edges) or raw.startswith(lex.pair_edges):
        pair = pair_actor(doc, pos)
        if pair:  # else "each" opens a group's member ("Each campus newsroom"), read below
            return pair
    if not text:
        return None
    if low in lex.pronouns["we"]:
        return doc.we
    if low == "you":
        return READER
    for kind in ("person", "thing", "plural"):
        if low in lex.pronouns[kind]:
            return _Pronoun(kind, offset)
    whole = named_only(mentions_in(text, doc.aliases, doc.pattern), doc)
    words = text.split()
    if active(ACTION_NOUN) and not whole and 0 < len(words) <= 3 \
            and words[-1].lower().strip(",.") in lex.action_nouns:
        return next((lex.institution_adjectives[w.lower()] for w in words[:-1]
                     if w.lower() in lex.institution_adjectives), None)
    parts = re.split(r"\s+(?:and|&|nor)\s+", text)
    if len(parts) > 1 and not (whole and whole[0].start == 0 and whole[0].end == len(text)):
        names = [_head_actor(strip_openers(p), doc, pos) for p in parts]
        if all(names):
            return join_actors([n for n in names if n])
    return _head_actor(text, doc, pos, phrase, whole)


def _addressee(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The group a section's heading addresses ("For Congress", "For airports and stadium
    operators"), as a known actor or, for a plural group, as written."""
    head = doc.section_start[pos]
    if not doc.sentences[head].heading:
        return None
    found = lexicon().addressee_heading.match(doc.sentences[head].plain)
    if found is None:
        return None
    phrase = found.group("actor").strip()
    actor = actor_of_phrase(phrase, 0, doc, head, previous)
    if actor or not phrase.endswith("s"):
        return actor
    return phrase[:1].upper() + phrase[1:]


def fallback_actor(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The actor of advice whose subject cannot act, from its own section only: the last
    actor of the advice just before it in its paragraph (or list), else the group its heading
    addresses, else the actor its paragraph is about (when unambiguous), else the last actor
    of the advice before it, else the actor the sentence names, else its heading's, else the memo's."""
    start = doc.section_start[pos]
    before = [(p, actor) for p, actor in previous[-LOOKBACK:] if p >= start and actor]
    if before and (before[-1][0] >= doc.paragraph_start[pos] or doc.sentences[pos].list_item):
        return before[-1][1]  # a list item's block is its list: it shares the items' actor
    topic = paragraph_topic(doc, pos) if active(PARAGRAPH_TOPIC) else None
    addressed = _addressee(doc, pos, previous) if topic or not before else None
    if addressed or topic or before:
        return addressed or topic or before[-1][1]
    if doc.mentions[pos]:
        return doc.mentions[pos][0].name
    if doc.sentences[start].heading and doc.mentions[start]:
        return doc.mentions[start][0].name
    return doc.memo


def resolve_actor(doc: Article, pos: int, phrases: Sequence[tuple[str, int]],
                  previous: Sequence[tuple[int, str | None]]) -> str | None:
    """The first candidate phrase that names an actor (a passive's agent, not its
    patient; not the subject of a comparison), else the actor its wording implies ("Vote
    no." -> Voters), else the section's actor."""
    plain = doc.sentences[pos].plain
    clause_end = None
    for phrase, offset in phrases:
        if clause_end is not None and _COMPARED.search(plain[clause_end:offset]):
            continue
        clause_end = offset + len(phrase)
        after = plain[offset + len(phrase):] if phrase else ""
        passive = passive_agent(after)
        if passive is not None:
            phrase, offset = passive
        actor = actor_of_phrase(phrase, offset, doc, pos, previous) if phrase else None
        if actor:
            return actor
    implied = [actor for pattern, actor in lexicon().implied_actors if pattern.search(plain)]
    return implied[0] if implied else fallback_actor(doc, pos, previous)


def _memo_addressee(doc: Article) -> str | None:
    """The reader a memo is addressed to ("To: The Governor"), who acts on its advice."""
    for p, s in enumerate(doc.sentences[:LOOKBACK]):
        found = lexicon().memo_addressee.match(s.plain)
        if found:
            return actor_of_phrase(found.group("actor"), 0, doc, p, ())
    return None


def modal_of_advice(plain: str) -> re.Match[str] | None:
    """The first modal of advice in a sentence; not searched for in one holding none of the
    modals' words (extraction/prefilter): every sentence of an article is asked, twice."""
    if not may_match(required_words(_MODAL_SUBJECT), screened(plain)):
        return None
    return _MODAL_SUBJECT.search(plain)


def _advice_subjects(doc: Article) -> Counter[str]:
    """How often each actor is the subject of a modal of advice in the article."""
    subjects: Counter[str] = Counter()
    for pos, s in enumerate(doc.sentences):
        found = modal_of_advice(s.plain)
        if found and not passive_agent(s.plain[found.start():]):
            actor = actor_of_phrase(*subject_before(s.plain, found.start()), doc, pos, ())
            subjects.update([actor] if actor else [])
    return subjects


def _sentence_subject(doc: Article, pos: int) -> tuple[str | None, bool]:
    """The actor a sentence names as its subject, and whether that is advice's subject: the
    subject of its modal of advice, else a known name that opens it ("Congress created …")."""
    plain = doc.sentences[pos].plain
    found = modal_of_advice(plain)
    if found and not passive_agent(plain[found.start():]):
        actor = actor_of_phrase(*subject_before(plain, found.start()), doc, pos, ())
        if actor:
            return actor, True
    text = strip_openers(plain)
    lead = plain.find(text) if text else -1
    opening = [m for m in doc.mentions[pos] if m.start == lead]
    if opening and not _owns_subject(plain, opening[0].end):
        return opening[0].name, False
    first = text.split()[0].lower() if text.split() else ""
    no_subject = not first or first in lexicon().pronoun_words or first in lexicon().prepositions
    named = leading_name(text) if active(NAMED_SUBJECT) and text[:1].isupper() and not no_subject else None
    owner = named is not None and re.search(_APOS + r"s?\b", named) is not None  # "State's staff"
    return (named, False) if named and " " in named and not owner else (None, False)


def _stem(group: str) -> str:
    """A group's head noun without its plural ending, to compare "newsroom" and "newsrooms"."""
    return group.split()[-1].lower().removesuffix("s")


def speaker_group(doc: Article) -> str | None:
    """Whom "we" stands for: the group the author says it speaks for ("As technologists,
    we", "we in the industry"), else the body it calls "our" ("our community"; where
    several, the one whose kind the advice addresses most), else the actor the article's
    advice names most often as its subject, else None."""
    lex = lexicon()
    named = [next(g for g in m.groups() if g) for s in doc.sentences
             for m in lex.speaker_group.finditer(s.plain)]
    if named:
        return Counter(named).most_common(1)[0][0].lower()
    member = "|".join(sorted(lex.membership_nouns))
    ours = Counter(m.group(1).lower() for s in doc.sentences
                   for m in re.finditer(rf"\bour\s+(?:own\s+)?((?:[a-z]+\s+)?(?:{member}))\b", s.plain, re.I))
    subjects = _advice_subjects(doc)
    if ours:
        addressed = Counter(_stem(a) for a in subjects.elements())
        return max(ours, key=lambda g: (addressed[_stem(g)], ours[g]))
    return subjects.most_common(1)[0][0] if subjects else None


def make_article(sentences: Sequence[Sentence], aliases: Aliases) -> Article:
    """Index an article for actor resolution, with whom its "we" and its memo address."""
    doc = index_article(sentences, aliases)
    doc = replace(doc, memo=_memo_addressee(doc))
    says_we = any(_WE.search(s.plain) for s in doc.sentences)
    doc = replace(doc, we=speaker_group(doc)) if says_we else doc
    doc = replace(doc, subjects=tuple(_sentence_subject(doc, p) for p in range(len(doc.sentences))))
    return replace(doc, topics=paragraph_counts(doc))
