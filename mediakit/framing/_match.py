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
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ._tokens import TextWords, WordToken, _Words

__all__ = [
    "Element",
    "Pattern",
    "PatternSet",
    "compile_pattern",
    "read_rows",
]

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


class _Node:
    """A node of the word trie: the words and prefixes that continue a pattern, and the pattern ending here."""

    __slots__ = ("words", "prefixes", "ends")

    def __init__(self) -> None:
        self.words: dict[str, _Node] = {}
        self.prefixes: list[tuple[str, _Node]] = []
        self.ends = -1  # lexicon position of the first pattern that ends here, -1 for none

    def child(self, key: str, prefix: bool) -> _Node:
        if not prefix:
            return self.words.setdefault(key, _Node())
        for pre, node in self.prefixes:
            if pre == key:
                return node
        node = _Node()
        self.prefixes.append((key, node))
        return node


_UNSEEN: Any = object()  # a word the cache of starts has not seen yet
#: What can start at a word: trie nodes after it, simulated patterns (lexicon position, pattern) to try,
#: and the words one of which must follow for a match (None: no such test).
_Start = tuple[tuple["_Node", ...], tuple[tuple[int, Pattern], ...], "frozenset[str] | None"]
_MAX_EXPANSIONS = 4096  # word sequences one gapless pattern may stand for in the trie; beyond, it is simulated


def _expansions(p: Pattern) -> list[tuple[tuple[str, bool], ...]] | None:
    """Every sequence of (word or prefix, is a prefix) a gapless pattern matches, or None past the limit.

    An optional element is taken or left out; an element with alternatives
    takes one of them. The union of these sequences' matches is the
    pattern's: the longest one is the pattern's longest match.
    """
    seqs: list[tuple[tuple[str, bool], ...]] = [()]
    for e in p.elements:
        keys = [(w, False) for w in sorted(e.words)] + [(pre, True) for pre in e.prefixes]
        seqs = [seq + (k,) for seq in seqs for k in keys] + (seqs if e.optional else [])
        if len(seqs) > _MAX_EXPANSIONS:
            return None
    return [seq for seq in seqs if seq]


class PatternSet:
    """Patterns indexed by the words (or word prefixes) that can start them.

    Patterns without gaps (nearly all of a lexicon) are merged into one word
    trie: at each token, one dictionary look-up finds whether anything can
    start there, and the trie is walked once for all of them, however many
    patterns share a first word ("the? guardian", "the? new york times"...).
    Patterns with gaps are simulated by :func:`_match_at`.

    >>> from mediakit.framing._tokens import word_tokens
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
        # gapless patterns go into the trie; the others (and any with too many expansions) are simulated
        self._root = _Node()
        self._simulated: set[int] = set()
        for order, p in enumerate(self.patterns):
            seqs = None if any(e.gap for e in p.elements) else _expansions(p)
            if seqs is None:
                self._simulated.add(id(p))
                continue
            for seq in seqs:
                node = self._root
                for key, prefix in seq:
                    node = node.child(key, prefix)
                if node.ends < 0 or order < node.ends:
                    node.ends = order
        self._root_prefixes = {pre: node for pre, node in self._root.prefixes}
        self._root_prefix_lengths = sorted({len(pre) for pre in self._root_prefixes})
        self._root_heads = {pre[: self._root_prefix_lengths[0]] for pre in self._root_prefixes}
        self._sim_words: dict[str, list[int]] = {}  # first word -> lexicon positions of simulated patterns
        self._sim_prefixes: dict[str, list[int]] = {}
        for order, p in enumerate(self.patterns):
            if id(p) in self._simulated:
                for first in self._first_elements(p):
                    for w in first.words:
                        at = self._sim_words.setdefault(w, [])
                        if not at or at[-1] != order:  # "a? a b" starts with "a" twice: try it once
                            at.append(order)
                    for pre in first.prefixes:
                        at = self._sim_prefixes.setdefault(pre, [])
                        if not at or at[-1] != order:
                            at.append(order)
        self._sim_prefix_lengths = sorted({len(pre) for pre in self._sim_prefixes})
        self._sim_heads = {pre[: self._sim_prefix_lengths[0]] for pre in self._sim_prefixes}
        # word -> (trie nodes reached by that word, simulated patterns that may start there); None: nothing
        self._starts: dict[str, _Start | None] = {}

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

    def _start(self, word: str) -> _Start | None:
        """What can start at ``word``: trie nodes after it, and the simulated patterns to try (cached per word).

        Called once per new word and pattern set: a text brings dozens of words the caches have not
        seen, and most start nothing, so that answer comes from a few look-ups. A prefix can match
        only if the word begins as one of the prefixes does (its shortest length's worth).
        """
        if len(self._starts) > 100_000:
            self._starts.clear()
        node = self._root.words.get(word)
        by_prefix = bool(self._root_prefixes) and word[: self._root_prefix_lengths[0]] in self._root_heads
        orders = self._sim_words.get(word)
        sim_prefix = bool(self._sim_prefixes) and word[: self._sim_prefix_lengths[0]] in self._sim_heads
        if node is None and not by_prefix and orders is None and not sim_prefix:
            self._starts[word] = None
            return None
        nodes: list[_Node] = [] if node is None else [node]
        size = len(word)
        if by_prefix:
            for k in self._root_prefix_lengths:
                if k > size:
                    break
                node = self._root_prefixes.get(word[:k])
                if node is not None:
                    nodes.append(node)
        if sim_prefix:
            more = set(orders or ())
            for k in self._sim_prefix_lengths:
                if k > size:
                    break
                more.update(self._sim_prefixes.get(word[:k], ()))
            orders = sorted(more)
        simulated = tuple((order, self.patterns[order]) for order in orders or ())
        if not nodes and not simulated:
            self._starts[word] = None
            return None
        # the words that must follow for anything to match, when nothing matches this word alone: most
        # words that start a pattern ("in", "of", "the") start no match, and the next word tells so at once
        follow: frozenset[str] | None = None
        if not simulated and all(node.ends < 0 and not node.prefixes for node in nodes):
            follow = frozenset(w for node in nodes for w in node.words)
        found = (tuple(nodes), simulated, follow)
        self._starts[word] = found
        return found

    def finditer(self, tokens: Sequence[WordToken]) -> Iterator[tuple[Pattern, int, int]]:
        """Yield ``(pattern, first token, last token)`` for every match, left to right.

        At each start token the longest match wins (on a tie, the pattern
        listed first); matches may overlap only when they start at different
        tokens (see :meth:`find_longest` for non-overlapping matches).
        """
        lows = tokens.lows if type(tokens) is _Words else [t.low for t in tokens]
        patterns = self.patterns
        for _, best, i, j in self._scan(lows, ((0, len(lows)),), longest=False):
            yield patterns[best], i, j

    def find_longest(self, tokens: Sequence[WordToken]) -> Iterator[tuple[Pattern, int, int]]:
        """Non-overlapping matches, left to right: a match starting inside an earlier one is dropped.

        >>> from mediakit.framing._tokens import word_tokens
        >>> ps = PatternSet([compile_pattern("declined to comment"), compile_pattern("comment")])
        >>> [p.source for p, _, _ in ps.find_longest(word_tokens("She declined to comment."))]
        ['declined to comment']
        """
        after = -1
        for p, i, j in self.finditer(tokens):
            if i > after:
                after = j
                yield p, i, j

    def find_in(self, words: TextWords) -> list[tuple[int, Pattern, int, int]]:
        """:meth:`find_longest` in every sentence of a text at once: ``(sentence position, pattern, i, j)``.

        ``i`` and ``j`` index ``words.words`` (the text's words, not the
        sentence's); the sentence is ``words.sentences[position]``. One pass
        over the text's words: no call per sentence.

        >>> ps = PatternSet([compile_pattern("did not elaborate")])
        >>> from mediakit.framing._tokens import text_words
        >>> tw = text_words("He did not elaborate. Nor did she. She did not elaborate.")
        >>> [(k, tw.words[i].start, tw.words[j].end) for k, _, i, j in ps.find_in(tw)]
        [(0, 3, 20), (2, 39, 56)]
        """
        patterns = self.patterns
        return [(k, patterns[best], i, j) for k, best, i, j in self._scan(words.words.lows, words.ranges)]

    def _scan(
        self, lows: Sequence[str], ranges: Sequence[tuple[int, int]], *, longest: bool = True
    ) -> list[tuple[int, int, int, int]]:
        """``(range position, lexicon position, first token, last token)`` of the best match at each start token.

        ``ranges`` are the token ranges ``[a, b)`` (in order, not overlapping)
        a match must stay within (sentences); tokens outside every range start
        nothing. With ``longest``, a start token inside the range's previous
        match is not tried (:meth:`find_longest` would drop its match).
        """
        out: list[tuple[int, int, int, int]] = []
        if not ranges:
            return out
        known = self._starts.get
        # what starts at each token, looked up in C; the many tokens that start nothing (None) are skipped in C
        at = list(map(known, lows, itertools.repeat(_UNSEEN)))
        r = 0
        a, n = ranges[0]
        after = -1  # last token of the range's last match (longest)
        for i in itertools.compress(range(len(lows)), at):
            if i >= n:
                while i >= n:
                    r += 1
                    if r == len(ranges):
                        return out
                    a, n = ranges[r]
                after = -1
            if i < a or i <= after:
                continue
            found = at[i]
            if found is _UNSEEN:
                word = lows[i]
                found = known(word, _UNSEEN)  # an earlier token may have been the same word
                if found is _UNSEEN:
                    found = self._start(word)
            if found is None:  # (only a word first seen here: compress skipped the others)
                continue
            nodes: Sequence[_Node] = found[0]
            follow = found[2]
            if follow is not None and (i + 1 == n or lows[i + 1] not in follow):
                continue  # the walk below would end at the next word, with no match
            best, best_j = -1, -1  # lexicon position and last token of the best match so far
            k = i
            while nodes:  # every node here consumed token k
                for node in nodes:
                    if node.ends >= 0 and (k > best_j or node.ends < best):
                        best, best_j = node.ends, k
                k += 1
                if k == n:
                    break
                w = lows[k]
                nxt: list[_Node] = []
                for node in nodes:
                    child = node.words.get(w)
                    if child is not None:
                        nxt.append(child)
                    for pre, child in node.prefixes:
                        if w.startswith(pre):
                            nxt.append(child)
                nodes = nxt
            for order, p in found[1]:
                j = _match_at(p.elements, lows, i, n)
                if j is not None and (j > best_j or (j == best_j and order < best)):
                    best, best_j = order, j
            if best >= 0:
                out.append((r, best, i, best_j))
                if longest:
                    after = best_j
        return out


def _match_at(elements: Sequence[Element], lows: Sequence[str], i: int, end: int | None = None) -> int | None:
    """Index of the last token of the longest match of ``elements`` starting at token ``i`` (``lows``: the words).

    The match ends before token ``end`` (default: the end of ``lows``).
    States map the next token position to the last token consumed so far;
    a gap spreads each state over its window, a word element advances it.
    """
    n = len(lows) if end is None else end
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
                if pos < n and e.accepts(lows[pos]):
                    nxt[pos + 1] = max(nxt.get(pos + 1, -2), pos)
                if e.optional and nxt.get(pos, -2) < last:
                    nxt[pos] = last
        if not nxt:
            return None
        states = nxt
    last = max(states.values())
    return last if last >= i else None


@functools.lru_cache(maxsize=64)
def shipped_file(name: str) -> str | None:
    """The file of the shipped lexicon a bare name (``"cues"``) stands for, found once; None for other names.

    :func:`mediakit.lexicon.lexicon_path` looks a bare name up among the
    shipped lexicons before the working directory, so the answer never
    changes: callers then only ask the file's time of change (to reload an
    edited lexicon), not where it is on every call.
    """
    from ..errors import LoadError
    from ..lexicon import LEXICON_DIR, lexicon_path

    if not name.replace("_", "").replace("-", "").isalnum():
        return None  # a path, or a name with a suffix: resolved on every call
    try:
        path = lexicon_path(name)
    except LoadError:
        return None
    return str(path) if path.parent == LEXICON_DIR else None


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
