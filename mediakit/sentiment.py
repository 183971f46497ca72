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
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
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

    def __init__(self) -> None:
        self._exact = _pattern_mirrors_textblob()

    def __call__(self, text: str) -> Sentiment:
        if not self._exact:
            return _textblob_own(text)
        return _textblob_result(_pattern.sentiment(text))

    def score_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Sentiment]:
        """``self(text[start:end])`` for each span, tokenizing ``text`` once (offsets relative to each span).

        >>> text = "A good start. A bad end."
        >>> [s.polarity for s in TextBlobBackend().score_spans(text, [(0, 13), (14, 24), (0, 24)])]
        [0.7, -0.6999999999999998, 5.551115123125783e-17]
        """
        if not self._exact:
            return [_textblob_own(text[s:e]) for s, e in spans]
        return [_textblob_result(score) for score in _pattern.score_spans(text, spans)]


#: TextBlob releases whose sentiment code and lexicon ``mediakit._pattern`` was checked against
#: string by string (``benchmarks/check_pattern.py``). Any other release is self-checked first.
PATTERN_CHECKED_RELEASES = frozenset({"0.20.1"})

_SELF_CHECK = (
    "The talks were a great success.",
    "It is not very good at all, but not bad either!",
    "A truly terrible, terribly sad day :( for everyone!!!",
    "He wasn't happy; she was extremely angry :-)",
    "Purportedly the best-known, most brilliant plan ever... or not?",
)


@functools.cache
def _pattern_mirrors_textblob() -> bool:
    """Whether :mod:`mediakit._pattern` gives the installed TextBlob's numbers.

    True for a release in :data:`PATTERN_CHECKED_RELEASES`; for any other,
    when it agrees with ``textblob.en.sentiment`` on a few test sentences.
    Otherwise the backend uses TextBlob's own code (same numbers, slower).
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        if version("textblob") in PATTERN_CHECKED_RELEASES:
            return True
        from textblob.en import sentiment as own
    except (ImportError, PackageNotFoundError):
        return False
    for text in _SELF_CHECK:
        mine, theirs = _pattern.sentiment(text), own(text)
        if (mine.polarity, mine.subjectivity) != (theirs[0], theirs[1]):
            return False
        if [(list(a.words), a.polarity, a.subjectivity) for a in mine.assessments] != [
            (list(w), p, sj) for w, p, sj, _ in theirs.assessments
        ]:
            return False
    return True


def _textblob_own(text: str) -> Sentiment:
    """TextBlob's own ``textblob.en.sentiment``, with each phrase found in the text for its offsets."""
    from textblob.en import sentiment as own

    return textblob_sentiment(text, own(text))


def textblob_sentiment(text: str, result: Any) -> Sentiment:
    """A :class:`Sentiment` from what TextBlob's pattern ``Sentiment`` returned for ``text``.

    Each assessment's words are searched for in the text (in order) to give its offsets.
    """
    polarity, subjectivity = float(result[0]), float(result[1])
    evidence = []
    pos = 0
    for words, pol, subj, _ in result.assessments:
        start, end = locate_words(text, words, from_pos=pos)
        if start is None:
            start, end = locate_words(text, words)
        elif end is not None:
            pos = end
        evidence.append(Evidence(tuple(words), start, end, float(pol), float(subj)))
    return Sentiment("textblob", polarity, subjectivity, {"polarity": polarity, "subjectivity": subjectivity},
                     tuple(evidence))


def _textblob_result(score: _pattern.Score) -> Sentiment:
    polarity, subjectivity = float(score.polarity), float(score.subjectivity)
    evidence = tuple(
        Evidence(tuple(a.words), a.start, a.end, float(a.polarity), float(a.subjectivity)) for a in score.assessments
    )
    return Sentiment("textblob", polarity, subjectivity, {"polarity": polarity, "subjectivity": subjectivity}, evidence)


class VaderBackend:
    """VADER (Hutto & Gilbert 2014): compound in [-1, 1] plus pos/neu/neg shares.

    The numbers are VADER's own (``SentimentIntensityAnalyzer().polarity_scores``),
    computed by :mod:`mediakit._vader` from one tokenisation; where that
    module does not mirror the installed vaderSentiment, by VADER's own code.
    The evidence is every word whose core (quotes, brackets, dashes and
    sentence punctuation stripped) is a VADER lexicon word, with its lexicon
    valence: the words VADER could score, not only those a rule left non-zero.
    """

    name = "vader"

    def __init__(self) -> None:
        from ._vader import vader_scorer

        self._scorer = vader_scorer()  # None: the installed vaderSentiment is not the one _vader mirrors
        self._analyzer: Any = _linear_vader() if self._scorer is None else None

    def __call__(self, text: str) -> Sentiment:
        if self._scorer is None:
            from ._vader import VaderScores, scan_evidence

            s = self._analyzer.polarity_scores(text)
            hits = scan_evidence(text, self._analyzer.lexicon)
            return _vader_sentiment(VaderScores(s["compound"], s["pos"], s["neu"], s["neg"], hits))
        return _vader_sentiment(self._scorer.score(text))

    def score_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Sentiment]:
        """``self(text[start:end])`` for each span (e.g. each sentence), sharing one tokenisation of ``text``.

        >>> text = "A great plan. A terrible war."
        >>> [s.polarity for s in VaderBackend().score_spans(text, [(0, 13), (14, 29)])]
        [0.6249, -0.7906]
        """
        if self._scorer is None:
            return [self(text[s:e]) for s, e in spans]
        return [_vader_sentiment(r) for r in self._scorer.score_spans(text, spans)]


def _vader_sentiment(r: Any) -> Sentiment:
    """A :class:`Sentiment` from a :class:`mediakit._vader.VaderScores`."""
    scores = {"compound": float(r.compound), "pos": float(r.pos), "neu": float(r.neu), "neg": float(r.neg)}
    evidence = tuple(Evidence((h.word,), h.start, h.end, h.valence) for h in r.hits)
    return Sentiment("vader", r.compound, None, scores, evidence)


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

    ``analyze`` scores the whole text and each sentence once, with
    :meth:`score_spans`, and tone, ``Analysis.tables()`` and ``sentiment_table``
    then ask for the same texts again: a dictionary lookup.
    """

    def __init__(self, backend: Backend, size: int = 4096) -> None:
        self.name = backend.name
        self.backend = backend
        self._size = size
        self._results: OrderedDict[str, Sentiment] = OrderedDict()

    def __call__(self, text: str) -> Sentiment:
        found = self._results.get(text)
        if found is not None:
            self._results.move_to_end(text)
            return found
        return self._remember(text, self.backend(text))

    def score_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Sentiment]:
        """The score of ``text[start:end]`` for each span, each remembered under its own text.

        Backends with a ``score_spans`` of their own share one tokenisation of
        ``text`` across the spans; others are called once per span.
        """
        results: list[Sentiment | None] = [self._results.get(text[s:e]) for s, e in spans]
        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            batch = getattr(self.backend, "score_spans", None)
            todo_spans = [spans[i] for i in todo]
            fresh = batch(text, todo_spans) if batch is not None else [self.backend(text[s:e]) for s, e in todo_spans]
            for i, (s, e), r in zip(todo, todo_spans, fresh):
                results[i] = self._remember(text[s:e], r)
        return [r for r in results if r is not None]

    def _remember(self, text: str, result: Sentiment) -> Sentiment:
        self._results[text] = result
        if len(self._results) > self._size:
            self._results.popitem(last=False)
        return result

    def forget(self) -> None:
        """Drop the remembered results (benchmarks time cold calls)."""
        self._results.clear()


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
