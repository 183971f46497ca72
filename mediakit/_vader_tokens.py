"""A text's words as VADER splits them (``str.split()``), with offsets, and mediakit's VADER evidence scan.

Used by :mod:`mediakit._vader`, which re-exports :data:`EVIDENCE_STRIP`,
:class:`Hit` and :func:`scan_evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add
from typing import NamedTuple

__all__ = ["EVIDENCE_STRIP", "Hit", "scan_evidence"]

#: What mediakit strips from each end of a word before looking it up as evidence
#: (the same set ``VaderBackend`` used before this module; curly quotes and dashes included).
EVIDENCE_STRIP = ".,;:!?\"'()[]{}“”‘’—–-"

#: Whitespace other than " " that ``str.split()`` splits on: all of ASCII's, and Unicode's (a test
#: checks this list against the running Python; a text where they disagree is split the slow way).
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
_UNICODE_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


class Hit(NamedTuple):
    """A lexicon word found in the text: the word as written, its offsets, its lexicon valence."""

    word: str
    start: int
    end: int
    valence: float


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A text's whitespace tokens (``text.split()``), their start offsets and, for ASCII text, lower-cased."""

    toks: list[str]
    starts: list[int]
    lower: list[str] | None  # None: not ASCII, so lower-case word by word as VADER does


_NON_SPACE = re.compile(r"\S+")


def scan_evidence(text: str, lexicon: Mapping[str, float]) -> tuple[Hit, ...]:
    """The evidence :meth:`mediakit._vader.VaderScorer.score` gives, found by scanning ``text`` token by token.

    The plain definition, kept for VADER releases :mod:`mediakit._vader` does
    not mirror and as the reference its fast path is checked against.

    >>> scan_evidence("“Great” news, no doubt.", {"great": 3.1, "no": -1.2, "doubt": -1.5})
    (Hit(word='Great', start=1, end=6, valence=3.1), Hit(word='no', start=14, end=16, valence=-1.2), \
Hit(word='doubt', start=17, end=22, valence=-1.5))
    """
    hits = []
    get = lexicon.get
    for m in _NON_SPACE.finditer(text):
        tok = m.group()
        core = tok.strip(EVIDENCE_STRIP)
        if not core:
            continue
        val = get(core.lower())
        if val is None:
            continue
        off = m.start() + tok.find(core)
        hits.append(Hit(core, off, off + len(core), float(val)))
    return tuple(hits)


def _tokens(text: str) -> _Tokens:
    """``text.split()`` with each token's start offset (and, for ASCII text, each token lower-cased).

    Every whitespace character becomes a plain space (same length), so
    ``split(" ")`` gives the tokens with empty strings between repeated
    spaces, and a token's start is the length of everything before it.
    """
    toks = text.split()
    if text.split(" ") == toks:  # one space between tokens and no other whitespace: the common sentence
        starts = list(map(add, accumulate(map(len, toks), initial=0), range(len(toks))))
        return _Tokens(toks, starts, text.lower().split(" ") if text.isascii() else None)
    flat = text
    for ch in _ASCII_SPACES:
        if ch in flat:
            flat = flat.replace(ch, " ")
    ascii_ = flat.isascii()
    if not ascii_:
        for ch in _UNICODE_SPACES:
            if ch in flat:
                flat = flat.replace(ch, " ")
    parts = flat.split(" ")
    lens = list(map(len, parts))
    if not ascii_ and sum(map(bool, lens)) != len(toks):  # a whitespace character this module does not list
        found = [(m.start(), m.group()) for m in _NON_SPACE.finditer(text)]
        return _Tokens([t for _, t in found], [p for p, _ in found], None)
    starts = list(compress(map(add, accumulate(lens, initial=0), count()), lens))
    lower = list(compress(flat.lower().split(" "), lens)) if ascii_ else None
    return _Tokens(toks, starts, lower)


def _at_gap(text: str, p: int) -> bool:
    """Whether offset ``p`` falls between words (no word of ``text`` straddles it)."""
    return p == 0 or p == len(text) or text[p - 1].isspace() or text[p].isspace()
