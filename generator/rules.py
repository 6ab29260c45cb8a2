"""Named rules: each one a class of phrasing or page structure, with a reason, switchable off.

Like markdown-it-py's `Ruler`, every rule the extraction and cleaning stages apply is
declared once under a name with a one-line reason. A stage asks `active(name)` before it
applies a rule, so `python -m generator rules --ablate` can run a corpus with one rule
switched off and print what precision and recall lose without it: a rule that earns
nothing on real documents goes.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: what it is called, which stage applies it, and why it exists."""

    name: str
    stage: str
    """"recommendation", "question", "furniture", … (the stage that applies it)."""
    reason: str
    """One line: the class of phrasing or page structure it recognises, and why."""


_REGISTRY: dict[str, Rule] = {}
_SWITCHED_OFF: ContextVar[frozenset[str]] = ContextVar("switched_off", default=frozenset())


def rule(name: str, stage: str, reason: str) -> str:
    """Declare a rule (at import time) and return its name, for the stage to check."""
    known = _REGISTRY.get(name)
    if known is not None and known != Rule(name, stage, reason):
        raise ValueError(f"rule {name!r} is declared twice with different meanings")
    _REGISTRY[name] = Rule(name, stage, reason)
    return name


def active(name: str) -> bool:
    """Whether the stage should apply this rule now (all are, unless switched off)."""
    return name not in _SWITCHED_OFF.get()


def switched_off_of(names: frozenset[str]) -> frozenset[str]:
    """Which of these rules are switched off now (a memo key for results that depend on them)."""
    return _SWITCHED_OFF.get() & names


def all_switched_off() -> frozenset[str]:
    """Every rule switched off now (a memo key for results that may depend on any rule)."""
    return _SWITCHED_OFF.get()


@contextmanager
def switched_off(*names: str) -> Iterator[None]:
    """Run a block with these rules off (ablation, tests); unknown names are an error."""
    unknown = [n for n in names if n not in _REGISTRY]
    if unknown:
        raise KeyError(f"no such rule: {', '.join(unknown)}")
    token = _SWITCHED_OFF.set(_SWITCHED_OFF.get() | frozenset(names))
    try:
        yield
    finally:
        _SWITCHED_OFF.reset(token)


def registered(stage: str | None = None) -> tuple[Rule, ...]:
    """Every declared rule (of one stage, if given), sorted by stage and name."""
    rules = (r for r in _REGISTRY.values() if stage is None or r.stage == stage)
    return tuple(sorted(rules, key=lambda r: (r.stage, r.name)))
