"""Word tokens for matching: a text's words with their offsets and matching forms, and each sentence's range.

Cues, sources, frames and figures all read a text through :func:`text_words`,
cached per text, so the text is split into words once. A word is a run of
word characters, joined by hyphens, apostrophes or periods (``didn't``,
``so-called``, ``U.S``); its matching form is lower-cased with a curly
apostrophe read as a straight one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from ..article import Article, Sentence

__all__ = ["WordToken", "word_tokens", "TextWords", "text_words", "sentence_tokens"]

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


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
    return list(_words(text, start, len(text) if end is None else end))


# The same words, found faster where the re module has possessive quantifiers (Python 3.11+): a joiner
# is no word character, so giving back letters never lets a joiner follow, and nothing after the
# pattern asks for joined parts to be given back: never backtracking changes no match.
_WORD_SPLIT = re.compile(
    r"(\w++(?:[-'’.]\w++)*+)" if sys.version_info >= (3, 11) else "(" + _WORD.pattern + ")", re.UNICODE
)


class _Words(Sequence[WordToken]):
    """The word tokens of one range, held as columns; a :class:`WordToken` is made only when asked for.

    The matcher reads only the lower-cased words (:attr:`lows`), and callers
    look at a few tokens around each match, so a text's thousands of tokens
    need no object each. Compares equal to the tuple of its tokens.
    """

    __slots__ = ("starts", "ends", "texts", "lows")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str], lows: list[str]) -> None:
        self.starts, self.ends, self.texts, self.lows = starts, ends, texts, lows

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, k: int) -> WordToken: ...

    @overload
    def __getitem__(self, k: slice) -> tuple[WordToken, ...]: ...

    def __getitem__(self, k: int | slice) -> WordToken | tuple[WordToken, ...]:
        if isinstance(k, slice):
            return tuple(map(WordToken, self.starts[k], self.ends[k], self.texts[k], self.lows[k]))
        return WordToken(self.starts[k], self.ends[k], self.texts[k], self.lows[k])

    def __iter__(self) -> Iterator[WordToken]:
        return map(WordToken, self.starts, self.ends, self.texts, self.lows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Words):
            return (self.starts, self.ends, self.texts) == (other.starts, other.ends, other.texts)
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def _words(text: str, start: int, stop: int) -> _Words:
    """:class:`_Words` of ``text[start:stop]``, found without a Python step per token.

    ``re.split`` with the word pattern captured alternates separators and
    words; the running sum of their lengths gives every offset. Lower-casing
    the words joined by NUL equals lower-casing each one: NUL is neither
    cased nor case-ignorable, so the one context-dependent mapping (a final
    sigma) never looks across it, and no word holds a NUL.
    """
    start = max(0, min(start, len(text)))
    stop = max(start, min(stop, len(text)))
    parts = _WORD_SPLIT.split(text[start:stop])
    texts = parts[1::2]
    if not texts:
        return _Words([], [], [], [])
    pos = list(itertools.accumulate(map(len, parts), initial=start))
    lows = "\0".join(texts).lower().replace("’", "'").split("\0")
    return _Words(pos[1:-1:2], pos[2::2], texts, lows)


class TextWords:
    """A text's words and each sentence's range of them (build with :func:`text_words`).

    Attributes:
        words: the words, as one sequence (``words.lows``: their matching forms).
        sentences: the text's sentences.
        ranges: for each sentence, the range ``[a, b)`` of ``words`` it holds.
    """

    __slots__ = ("words", "sentences", "ranges")

    def __init__(self, words: _Words, sentences: tuple[Sentence, ...], ranges: tuple[tuple[int, int], ...]) -> None:
        self.words, self.sentences, self.ranges = words, sentences, ranges

    def sentence_words(self, position: int) -> _Words:
        """The words of ``sentences[position]`` on their own (indices from 0)."""
        a, b = self.ranges[position]
        w = self.words
        return _Words(w.starts[a:b], w.ends[a:b], w.texts[a:b], w.lows[a:b])


def text_words(text_or_article: str | Article) -> TextWords:
    """The words of a text and of each sentence, cached per text (cues, frames and sources share it).

    >>> tw = text_words("Hi there. Bye.")
    >>> [[tw.words[i].text for i in range(a, b)] for a, b in tw.ranges]
    [['Hi', 'there'], ['Bye']]
    """
    from ..segment import as_text, split_paragraphs

    text = as_text(text_or_article)
    bounds = tuple((p.index, p.start, p.end) for p in split_paragraphs(text_or_article))
    return _sentence_tokens(text, bounds)


def sentence_tokens(text_or_article: str | Article) -> tuple[tuple[Sentence, Sequence[WordToken]], ...]:
    """Each sentence with its word tokens (from :func:`text_words`, cached per text).

    >>> [(s.index, [t.text for t in toks]) for s, toks in sentence_tokens("Hi there. Bye.")]
    [(0, ['Hi', 'there']), (1, ['Bye'])]
    """
    tw = text_words(text_or_article)
    return tuple((s, tw.sentence_words(k)) for k, s in enumerate(tw.sentences))


@functools.lru_cache(maxsize=64)
def _sentence_tokens(text: str, bounds: tuple[tuple[int, int, int], ...]) -> TextWords:
    """The :class:`TextWords` of ``text`` within the given paragraphs.

    When every sentence has whitespace (or the text's edge) on both sides,
    the words are the whole text's, found in one pass: a sentence then holds
    exactly the words that start inside it (a word holds no whitespace, and
    whitespace after the sentence ends every word as the sentence's end
    does). Otherwise each sentence's words are found on their own, one after
    the other.
    """
    from ..segment import _split_sentences

    sentences = _split_sentences(text, bounds)
    n = len(text)
    if all((s.start == 0 or text[s.start - 1].isspace()) and (s.end == n or text[s.end].isspace())
           for s in sentences):
        words = _words(text, 0, n)
        starts = words.starts
        ranges = []
        for s in sentences:
            a = bisect.bisect_left(starts, s.start)
            ranges.append((a, bisect.bisect_left(starts, s.end, a)))
        return TextWords(words, sentences, tuple(ranges))
    parts = [_words(text, s.start, s.end) for s in sentences]
    joined = _Words([], [], [], [])
    ranges = []
    for w in parts:
        a = len(joined)
        joined.starts += w.starts
        joined.ends += w.ends
        joined.texts += w.texts
        joined.lows += w.lows
        ranges.append((a, len(joined)))
    return TextWords(joined, sentences, tuple(ranges))
