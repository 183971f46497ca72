"""Token patterns for cue and frame lexicons, matched in linear time.

A pattern is a line of space-separated elements, matched case-insensitively
against the word tokens of one sentence (punctuation tokens are skipped, so
"reached out to Trump, and to the Kremlin for comment" still matches):

* ``word``: that word (``didn't`` and ``so-called`` are one token each;
  a curly apostrophe is read as a straight one);
* ``a|b|c``: any of these words;
* ``word*``: any word starting with ``word`` (``alleg*``);
* ``word?`` (or ``a|b?``, ``alleg*?``): optional;
* ``...``: a gap of 0 to 8 words; ``...3`` a gap of 0 to 3 words (at most 20).
  A gap never crosses a sentence boundary.

Patterns are indexed by their first element, so each token is tried only
against the patterns that can start there. Matching one pattern at one token
is a small set simulation (no backtracking): the states are positions within
the bounded window the pattern's gaps allow, so the time is linear in the
text, times a constant set by the lexicon.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Article, Sentence
from ..errors import InputError

__all__ = [
    "Element",
    "Pattern",
    "PatternSet",
    "WordToken",
    "compile_pattern",
    "word_tokens",
    "sentence_tokens",
    "read_rows",
]

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
MAX_GAP = 8
_MAX_GAP_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a pattern: literal words, prefixes, or a gap."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0  # > 0: a gap of 0..gap words

    def accepts(self, word: str) -> bool:
        """Whether ``word`` (lower-cased) fills this element."""
        return word in self.words or (bool(self.prefixes) and word.startswith(self.prefixes))


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pattern with the row of the lexicon it came from."""

    source: str
    elements: tuple[Element, ...]
    payload: tuple[str, ...] = field(default=())


def compile_pattern(source: str, payload: Sequence[str] = ()) -> Pattern:
    """Compile one pattern line (see the module docstring for the syntax).

    Raises:
        InputError: the line is empty, has only optional elements and gaps,
            or a gap is not ``...`` / ``...N``.

    >>> p = compile_pattern("reached out ... for comment")
    >>> [e.gap for e in p.elements]
    [0, 0, 8, 0, 0]
    >>> compile_pattern("... maybe?")
    Traceback (most recent call last):
    ...
    mediakit.errors.InputError: pattern '... maybe?' has no required word
    """
    if not isinstance(source, str):
        raise InputError(f"a pattern must be a str, not {type(source).__name__}")
    elements: list[Element] = []
    for raw in source.lower().replace("’", "'").split():
        if raw.startswith("..."):
            n = raw[3:]
            if n and not n.isdigit():
                raise InputError(f"bad gap {raw!r} in pattern {source!r}: write '...' or '...N' with N a number")
            gap = min(int(n), _MAX_GAP_LIMIT) if n else MAX_GAP
            if gap and elements and elements[-1].gap:  # merge adjacent gaps
                gap = min(gap + elements.pop().gap, _MAX_GAP_LIMIT)
            if gap:
                elements.append(Element(gap=gap))
            continue
        optional = raw.endswith("?") and len(raw) > 1
        raw = raw.rstrip("?") if optional else raw
        words: set[str] = set()
        prefixes: list[str] = []
        for alt in raw.split("|"):
            if not alt:
                continue
            if alt.endswith("*") and len(alt) > 1:
                prefixes.append(alt[:-1])
            else:
                words.add(alt)
        if not words and not prefixes:
            raise InputError(f"empty element in pattern {source!r}")
        elements.append(Element(frozenset(words), tuple(prefixes), optional))
    if not elements or all(e.gap or e.optional for e in elements):
        raise InputError(f"pattern {source!r} has no required word")
    while elements and elements[0].gap:
        elements.pop(0)
    while elements and elements[-1].gap:
        elements.pop()
    return Pattern(source, tuple(elements), tuple(payload))


@dataclass(frozen=True, slots=True)
class WordToken:
    """A word token with offsets into the text and its matching form."""

    start: int
    end: int
    text: str
    low: str


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[WordToken]:
    """Word tokens (no punctuation) of ``text[start:end]`` with offsets into ``text``.

    >>> [t.low for t in word_tokens("He didn’t say, so-called U.S. aid")]
    ['he', "didn't", 'say', 'so-called', 'u.s', 'aid']
    """
    stop = len(text) if end is None else end
    return [
        WordToken(m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"))
        for m in _WORD.finditer(text, start, stop)
    ]


def sentence_tokens(text_or_article: str | Article) -> tuple[tuple[Sentence, tuple[WordToken, ...]], ...]:
    """Each sentence with its word tokens, cached per text (cues, frames and figures share it).

    >>> [(s.index, [t.text for t in toks]) for s, toks in sentence_tokens("Hi there. Bye.")]
    [(0, ['Hi', 'there']), (1, ['Bye'])]
    """
    from ..segment import as_text, split_paragraphs

    text = as_text(text_or_article)
    bounds = tuple((p.index, p.start, p.end) for p in split_paragraphs(text_or_article))
    return _sentence_tokens(text, bounds)


@functools.lru_cache(maxsize=64)
def _sentence_tokens(
    text: str, bounds: tuple[tuple[int, int, int], ...]
) -> tuple[tuple[Sentence, tuple[WordToken, ...]], ...]:
    from ..segment import _split_sentences

    return tuple((s, tuple(word_tokens(text, s.start, s.end))) for s in _split_sentences(text, bounds))


class PatternSet:
    """Patterns indexed by the words (or word prefixes) that can start them.

    >>> ps = PatternSet([compile_pattern("did not? elaborate"), compile_pattern("alleg*")])
    >>> toks = word_tokens("He did not elaborate on the allegations.")
    >>> [(p.source, toks[i].text, toks[j].text) for p, i, j in ps.finditer(toks)]
    [('did not? elaborate', 'did', 'elaborate'), ('alleg*', 'allegations', 'allegations')]
    """

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self._by_word: dict[str, list[Pattern]] = {}
        self._by_prefix: dict[str, list[Pattern]] = {}
        for p in self.patterns:
            for first in self._first_elements(p):
                for w in first.words:
                    self._by_word.setdefault(w, []).append(p)
                for pre in first.prefixes:
                    self._by_prefix.setdefault(pre, []).append(p)
        self._prefix_lengths = sorted({len(pre) for pre in self._by_prefix})
        self._order = {id(p): i for i, p in enumerate(self.patterns)}
        self._cache: dict[str, tuple[Pattern, ...]] = {}
        # patterns of plain words (no gap, nothing optional) match by one left-to-right walk;
        # patterns without gaps by a set of positions (each element takes one token or none)
        self._plain: dict[int, tuple[tuple[frozenset[str], tuple[str, ...]], ...]] = {}
        self._nogap: dict[int, tuple[tuple[frozenset[str], tuple[str, ...], bool], ...]] = {}
        for p in self.patterns:
            if not p.elements or any(e.gap for e in p.elements):
                continue
            if any(e.optional for e in p.elements):
                self._nogap[id(p)] = tuple((e.words, e.prefixes, e.optional) for e in p.elements)
            else:
                self._plain[id(p)] = tuple((e.words, e.prefixes) for e in p.elements)

    def __len__(self) -> int:
        return len(self.patterns)

    @staticmethod
    def _first_elements(p: Pattern) -> list[Element]:
        firsts = []
        for e in p.elements:
            firsts.append(e)
            if not e.optional:
                break
        return firsts

    def candidates(self, word: str) -> tuple[Pattern, ...]:
        """Patterns that may start at ``word`` (lower-cased), in lexicon order."""
        found = self._cache.get(word)
        if found is not None:
            return found
        seen: dict[int, Pattern] = {id(p): p for p in self._by_word.get(word, ())}
        for k in self._prefix_lengths:
            if k > len(word):
                break
            for p in self._by_prefix.get(word[:k], ()):
                seen.setdefault(id(p), p)
        found = tuple(sorted(seen.values(), key=lambda p: self._order[id(p)]))
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[word] = found
        return found

    def finditer(self, tokens: Sequence[WordToken]) -> Iterator[tuple[Pattern, int, int]]:
        """Yield ``(pattern, first token, last token)`` for every match, left to right.

        At each start token the longest match wins (on a tie, the pattern
        listed first); matches may overlap only when they start at different
        tokens (see :meth:`find_longest` for non-overlapping matches).
        """
        plain, nogap, cached = self._plain, self._nogap, self._cache
        lows = [t.low for t in tokens]
        for i in range(len(tokens)):
            best: tuple[Pattern, int] | None = None
            found = cached.get(lows[i])
            for p in self.candidates(lows[i]) if found is None else found:
                steps = plain.get(id(p))
                if steps is not None:
                    j = _match_plain(steps, lows, i)
                else:
                    opt_steps = nogap.get(id(p))
                    j = _match_at(p.elements, tokens, i) if opt_steps is None else _match_nogap(opt_steps, lows, i)
                if j is not None and (best is None or j > best[1]):
                    best = (p, j)
            if best is not None:
                yield best[0], i, best[1]

    def find_longest(self, tokens: Sequence[WordToken]) -> Iterator[tuple[Pattern, int, int]]:
        """Non-overlapping matches, left to right: a match starting inside an earlier one is dropped.

        >>> ps = PatternSet([compile_pattern("declined to comment"), compile_pattern("comment")])
        >>> [p.source for p, _, _ in ps.find_longest(word_tokens("She declined to comment."))]
        ['declined to comment']
        """
        after = -1
        for p, i, j in self.finditer(tokens):
            if i > after:
                after = j
                yield p, i, j


def _match_plain(steps: Sequence[tuple[frozenset[str], tuple[str, ...]]], lows: Sequence[str], i: int) -> int | None:
    """:func:`_match_at` for a pattern of required words only: one walk, same answer."""
    j = i
    n = len(lows)
    for words, prefixes in steps:
        if j >= n:
            return None
        w = lows[j]
        if w not in words and not (prefixes and w.startswith(prefixes)):
            return None
        j += 1
    return j - 1


def _match_nogap(
    steps: Sequence[tuple[frozenset[str], tuple[str, ...], bool]], lows: Sequence[str], i: int
) -> int | None:
    """:func:`_match_at` for a pattern without gaps: the states are just positions.

    Each element takes one token (or none, when optional), so the last token
    consumed from a state at ``pos`` is always ``pos - 1``.
    """
    n = len(lows)
    states = {i}
    for words, prefixes, optional in steps:
        nxt = set(states) if optional else set()
        for pos in states:
            if pos < n:
                w = lows[pos]
                if w in words or (prefixes and w.startswith(prefixes)):
                    nxt.add(pos + 1)
        if not nxt:
            return None
        states = nxt
    last = max(states) - 1
    return last if last >= i else None


def _match_at(elements: Sequence[Element], tokens: Sequence[WordToken], i: int) -> int | None:
    """Index of the last token of the longest match of ``elements`` starting at token ``i``.

    States map the next token position to the last token consumed so far;
    a gap spreads each state over its window, a word element advances it.
    """
    n = len(tokens)
    states: dict[int, int] = {i: -1}
    for e in elements:
        nxt: dict[int, int] = {}
        if e.gap:
            for pos, last in states.items():
                for p in range(pos, min(pos + e.gap, n) + 1):
                    if nxt.get(p, -2) < last:
                        nxt[p] = last
        else:
            for pos, last in states.items():
                if pos < n and e.accepts(tokens[pos].low):
                    nxt[pos + 1] = max(nxt.get(pos + 1, -2), pos)
                if e.optional and nxt.get(pos, -2) < last:
                    nxt[pos] = last
        if not nxt:
            return None
        states = nxt
    last = max(states.values())
    return last if last >= i else None


def read_rows(
    source: object, columns: Sequence[str], *, what: str
) -> tuple[tuple[tuple[str, ...], int | None], ...]:
    """Rows of a pattern lexicon as ``(cells, line number)``, from a file, a DataFrame or strings.

    A file is read as tab-separated text: ``#`` lines and blank lines are
    skipped, a first row naming ``columns[0]`` is a header, missing trailing
    cells are ``""`` (so a plain word list is a one-column table). A
    DataFrame needs the first column by name; the others are optional.
    An iterable of strings is a word list. ``source`` may name a shipped
    lexicon (``"cues"``).

    Raises:
        LoadError: the file cannot be read or a row has too many cells.
        InputError: ``source`` is of an unsupported type.

    >>> read_rows(["alleged", "so-called"], ("pattern", "category"), what="cue lexicon")
    ((('alleged', ''), None), (('so-called', ''), None))
    """
    from pathlib import Path

    from ..errors import LoadError
    from ..lexicon import lexicon_path

    width = len(columns)
    if isinstance(source, (str, Path)):
        path = lexicon_path(source)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise LoadError(f"cannot read {what}: {exc}", path=path) from None
        rows: list[tuple[tuple[str, ...], int | None]] = []
        for lineno, line in enumerate(lines, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.rstrip("\r\n").split("\t")]
            while len(cells) > width and not cells[-1]:
                cells.pop()
            if not rows and cells[0].lower() == columns[0] and lineno == _first_data_line(lines):
                continue  # header
            if len(cells) > width:
                raise LoadError(
                    f"{what}: expected at most {width} tab-separated columns ({', '.join(columns)}), got {len(cells)}",
                    path=path,
                    line=lineno,
                )
            rows.append((tuple(cells + [""] * (width - len(cells))), lineno))
        return tuple(rows)
    if hasattr(source, "columns") and hasattr(source, "itertuples"):
        frame: Any = source
        if columns[0] not in frame.columns:
            raise InputError(
                f"a {what} DataFrame needs a {columns[0]!r} column (optional: {', '.join(columns[1:])}); "
                f"got {', '.join(map(str, frame.columns))}"
            )
        cols = [c for c in columns if c in frame.columns]
        out = []
        for rec in frame[cols].itertuples(index=False):
            d = dict(zip(cols, rec))
            out.append((tuple("" if d.get(c) is None else str(d.get(c, "")) for c in columns), None))
        return tuple(out)
    if isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
        out = []
        for item in source:
            if not isinstance(item, str):
                raise InputError(f"a {what} given as a list must hold pattern strings, not {type(item).__name__}")
            out.append(((item,) + ("",) * (width - 1), None))
        return tuple(out)
    raise InputError(
        f"a {what} must be a file path, a lexicon name, a pandas DataFrame or a list of patterns, "
        f"not {type(source).__name__}"
    )


def _first_data_line(lines: Sequence[str]) -> int:
    for lineno, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            return lineno
    return 0
