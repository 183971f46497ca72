"""Sentiment scoring with TextBlob (required) and VADER, keeping the evidence.

``score_sentiment(text, backend="textblob")`` returns TextBlob's polarity and
subjectivity exactly as ``TextBlob(text).sentiment`` gives them, computed with
the offline ``PatternAnalyzer``. ``backend="vader"`` returns VADER's compound,
pos, neu and neg. Both keep the words that carried the score, with character
offsets, so an analyst can check them.

Backends are registered by name and built lazily, once per process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from . import _pattern
from .article import Article
from .errors import InputError, UnknownBackendError, value_invalid_msg
from .segment import as_text

__all__ = [
    "Sentiment",
    "Evidence",
    "Backend",
    "BackendName",
    "score_sentiment",
    "register_backend",
    "get_backend",
    "available_backends",
    "locate_words",
]

BackendName = Literal["textblob", "vader"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words that moved a score: the words, their span in the text, their weight.

    ``start``/``end`` are offsets into the scored text (``None`` when the
    backend's words could not be placed, which should be rare). ``polarity``
    is the backend's value for this phrase (TextBlob: phrase polarity after
    intensifiers and negation; VADER: the word's lexicon valence in [-4, 4]).
    """

    words: tuple[str, ...]
    start: int | None
    end: int | None
    polarity: float
    subjectivity: float | None = None

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class Sentiment:
    """A sentiment score and its evidence.

    ``polarity`` is in [-1, 1] for every backend (VADER: the compound score),
    so results are comparable; ``scores`` holds every number the backend gives
    (TextBlob: polarity, subjectivity; VADER: compound, pos, neu, neg).
    """

    backend: str
    polarity: float
    subjectivity: float | None
    scores: dict[str, float] = field(hash=False)
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            **self.scores,
            "evidence": [
                {"words": " ".join(e.words), "start": e.start, "end": e.end, "polarity": e.polarity}
                for e in self.evidence
            ],
        }


class Backend(Protocol):
    """A sentiment backend: a name and a call from text to :class:`Sentiment`."""

    name: str

    def __call__(self, text: str) -> Sentiment: ...


_WORD = re.compile(r"[\w']+|[^\w\s]")


def locate_words(text: str, words: Iterable[str], *, from_pos: int = 0) -> tuple[int | None, int | None]:
    """Find ``words`` in order in ``text`` (case-insensitive); return the span covering them.

    >>> locate_words("It is not very good at all", ["not", "very", "good"])
    (6, 19)
    >>> locate_words("Fine :) really", [":)"])
    (5, 7)
    """
    words = list(words)
    # punctuation inside a phrase ("bad ! ! !") is skipped; a phrase of symbols only (an emoticon) is searched
    symbols_only = not any(ch.isalnum() for w in words for ch in w)
    pos = from_pos
    start = end = None
    for w in words:
        if not w or (not symbols_only and not any(ch.isalnum() for ch in w)):
            continue
        # search the text itself, case-insensitively: lower() can change its length
        # (so offsets would drift), and lowering or slicing it per word is quadratic
        m = _word_pattern(w, True).search(text, pos) if w[0].isalnum() else None
        if m is None:
            m = _word_pattern(w, False).search(text, pos)
        if m is None:
            return None, None
        if start is None:
            start = m.start()
        end = pos = m.end()
    return start, end


@functools.lru_cache(maxsize=4096)
def _word_pattern(word: str, bounded: bool) -> re.Pattern[str]:
    body = re.escape(word)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)" if bounded else body, re.IGNORECASE)


class TextBlobBackend:
    """TextBlob's default PatternAnalyzer: the same numbers as ``TextBlob(text).sentiment``.

    Computed by :mod:`mediakit._pattern`, a re-implementation of pattern's
    sentiment for strings that reads TextBlob's own lexicon and gives equal
    polarity, subjectivity and assessments (``benchmarks/check_pattern.py``
    compares them on every text we have), about ten times faster, with each
    phrase's offsets known from its tokens instead of searched for.
    """

    name = "textblob"

    def __call__(self, text: str) -> Sentiment:
        return _textblob_result(_pattern.sentiment(text))

    def score_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Sentiment]:
        """``self(text[start:end])`` for each span, tokenizing ``text`` once (offsets relative to each span).

        >>> text = "A good start. A bad end."
        >>> [s.polarity for s in TextBlobBackend().score_spans(text, [(0, 13), (14, 24), (0, 24)])]
        [0.7, -0.6999999999999998, 5.551115123125783e-17]
        """
        return [_textblob_result(score) for score in _pattern.score_spans(text, spans)]


def _textblob_result(score: _pattern.Score) -> Sentiment:
    polarity, subjectivity = float(score.polarity), float(score.subjectivity)
    evidence = tuple(
        Evidence(tuple(a.words), a.start, a.end, float(a.polarity), float(a.subjectivity)) for a in score.assessments
    )
    return Sentiment("textblob", polarity, subjectivity, {"polarity": polarity, "subjectivity": subjectivity}, evidence)


_NON_SPACE = re.compile(r"\S+")
_VADER_STRIP = ".,;:!?\"'()[]{}“”‘’—–-"


class VaderBackend:
    """VADER (Hutto & Gilbert 2014): compound in [-1, 1] plus pos/neu/neg shares."""

    name = "vader"

    def __init__(self) -> None:
        self._analyzer = _linear_vader()
        self._lexicon: dict[str, float] = self._analyzer.lexicon

    def __call__(self, text: str) -> Sentiment:
        s = self._analyzer.polarity_scores(text)
        evidence = []
        get = self._lexicon.get
        for m in _NON_SPACE.finditer(text):
            tok = m.group()
            core = tok.strip(_VADER_STRIP)
            if not core:
                continue
            val = get(core.lower())
            if val is None:
                continue
            off = m.start() + tok.find(core)
            evidence.append(Evidence((core,), off, off + len(core), float(val)))
        scores = {k: float(s[k]) for k in ("compound", "pos", "neu", "neg")}
        return Sentiment("vader", scores["compound"], None, scores, tuple(evidence))


def _linear_vader() -> Any:
    """vaderSentiment's analyser, with the same numbers in linear time.

    vaderSentiment lower-cases the text's whole word list inside
    ``_negation_check`` and ``_special_idioms_check``, once per sentiment
    word, so ``polarity_scores`` is quadratic in the length of the text.
    Both checks read only words ``i-4 .. i+2``: they get that window, with
    ``i`` re-based. Below ``i = 4`` negative indexes wrap round to the end of
    the list, so there they still get the whole list.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Base

    class LinearVader(Base):
        @staticmethod
        def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
            if i >= 4:
                return float(Base._negation_check(valence, words[i - 4 : i + 3], start_i, 4))
            return float(Base._negation_check(valence, words, start_i, i))

        @staticmethod
        def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
            if i >= 4:
                return float(Base._special_idioms_check(valence, words[i - 4 : i + 3], 4))
            return float(Base._special_idioms_check(valence, words, i))

    return LinearVader()


_REGISTRY: dict[str, Callable[[], Backend]] = {
    "textblob": TextBlobBackend,
    "vader": VaderBackend,
}


def register_backend(name: str, factory: Callable[[], Backend]) -> None:
    """Register a backend factory under ``name`` (built lazily, once)."""
    _REGISTRY[name] = factory
    get_backend.cache_clear()


def available_backends() -> tuple[str, ...]:
    return tuple(_REGISTRY)


class _Remembering:
    """A backend that remembers its last few thousand results (results are immutable).

    ``analyze`` scores each sentence for tone, and ``Analysis.tables()`` /
    ``sentiment_table`` score the same sentences again: the second time is a
    dictionary lookup.
    """

    def __init__(self, backend: Backend, size: int = 4096) -> None:
        self.name = backend.name
        self.backend = backend
        self._score = functools.lru_cache(maxsize=size)(backend.__call__)

    def __call__(self, text: str) -> Sentiment:
        return self._score(text)

    def forget(self) -> None:
        """Drop the remembered results (benchmarks time cold calls)."""
        self._score.cache_clear()


@functools.cache
def get_backend(name: str) -> Backend:
    """The backend instance for ``name``, built on first use (results of recent texts remembered)."""
    if name not in _REGISTRY:
        raise UnknownBackendError(value_invalid_msg("backend", name, _REGISTRY))
    return _Remembering(_REGISTRY[name]())


def score_sentiment(text: str | Article, *, backend: BackendName | str = "textblob") -> Sentiment:
    """Score the sentiment of ``text`` (or an article's canonical text).

    Args:
        text: the text, or an :class:`~mediakit.article.Article`.
        backend: ``"textblob"`` (TextBlob's PatternAnalyzer) or ``"vader"``.

    Returns:
        A :class:`Sentiment` with the backend's numbers and the evidence.

    Raises:
        UnknownBackendError: ``backend`` is not registered.
        InputError: ``text`` is not a string or an Article.

    Examples:
        >>> s = score_sentiment("The talks were a great success.")
        >>> round(s.polarity, 2), [e.text for e in s.evidence]
        (0.55, ['great', 'success'])
        >>> [e.text for e in score_sentiment("No problems at all.", backend="vader").evidence]
        ['No', 'problems']
    """
    if not isinstance(text, (str, Article)):
        raise InputError(f"expected a str or an Article, not {type(text).__name__}")
    return get_backend(backend)(as_text(text))
