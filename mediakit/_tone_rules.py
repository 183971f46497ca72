"""The sentence rules behind :func:`mediakit.tone.score_tone`: cue words, the fitted model, one span's tone.

:func:`_score_span` reads one sentence's tokens once: the news lexicon, negation,
contrast and concession, hedging, attribution and quoted voice (see the
:mod:`mediakit.tone` docstring for what each rule does), and returns its tone with
the evidence. The rule factors and feature weights are read from
``lexicons/tone_weights.json`` (:func:`_model`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from .article import Token
from .lexicon import lexicon_path, load_table
from .segment import tokenize
from .sentiment import Sentiment, get_backend

EvidenceSource = Literal["textblob", "vader", "news"]

_NEGATORS = frozenset(
    "not no never none nobody nothing neither nor without cannot hardly barely".split()
)
_CONTRAST = frozenset("but however nevertheless nonetheless".split())
_CONCESSIVE = frozenset("although though despite".split())
_HEDGES = frozenset(
    """may might could reportedly allegedly alleged purportedly apparently possibly perhaps
    likely unlikely appears appear appeared seems seem seemed suggests suggest suggested
    unconfirmed unverified""".split()
)
_ATTRIBUTION = frozenset(
    """said says told according claimed claims claim stated announced added noted wrote
    argued insisted alleged warned tweeted posted explained""".split()
)
_CLAUSE_END = frozenset(",;:—–()")
_CLAUSE_MARKERS = _CONCESSIVE | _HEDGES
_MARKERS = _ATTRIBUTION | _NEGATORS | _CONTRAST | _CLAUSE_MARKERS  # words that start a rule
_WORDLIKE = re.compile(r"\w")
_NT = re.compile("n['’]t", re.IGNORECASE)
_FIRST = operator.itemgetter(0)
_TEXT = operator.attrgetter("text")
_START = operator.attrgetter("start")
_END = operator.itemgetter(1)
_QUOTED = ("quoted",)
_ATTRIBUTED = ("attributed",)


def _evidence_order(e: ToneEvidence) -> tuple[int, str]:
    """Evidence in text order; at one offset, by source name."""
    return e.start, e.source



@dataclass(frozen=True, slots=True)
class ToneEvidence:
    """A word or phrase that moved the tone, with the rules applied to it.

    Attributes:
        start, end: offsets of the words in the scored text.
        text: the words.
        source: ``"textblob"`` (a TextBlob assessment), ``"vader"`` (a VADER
            lexicon word) or ``"news"`` (a word of ``lexicons/news_tone.tsv``).
        base: the value before rules (TextBlob polarity; VADER valence / 4;
            news weight), in [-1, 1].
        weight: the value after rules.
        rules: the rules that applied: ``negated``, ``contrast_before``,
            ``contrast_after``, ``concessive``, ``hedged``, ``attributed``, ``quoted``.
    """

    start: int
    end: int
    text: str
    source: EvidenceSource
    base: float
    weight: float
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source": self.source,
            "base": self.base,
            "weight": self.weight,
            "rules": list(self.rules),
        }


@dataclass(frozen=True, slots=True)
class _Model:
    rules: dict[str, float]
    features: tuple[str, ...]
    intercept: float
    coef: tuple[float, ...]
    thresholds: tuple[float, float]

    def pick(self, values: tuple[float, float, float, float]) -> tuple[float, ...]:
        """``values`` (textblob, vader, rules, news) in the order of :attr:`features`."""
        if self.features == _FEATURE_ORDER:
            return values
        return tuple(values[_FEATURE_ORDER.index(f)] for f in self.features)


_FEATURE_ORDER = ("textblob", "vader", "rules", "news")


@functools.cache
def _model() -> _Model:
    path = lexicon_path("tone_weights")
    data = json.loads(path.read_text(encoding="utf-8"))
    return _Model(
        rules={k: float(v) for k, v in data["rules"].items()},
        features=tuple(data["features"]),
        intercept=float(data["intercept"]),
        coef=tuple(float(c) for c in data["coef"]),
        thresholds=(float(data["thresholds"][0]), float(data["thresholds"][1])),
    )


@functools.cache
def _news_lexicon() -> dict[str, float]:
    return {row["term"]: float(row["weight"]) for row in load_table("news_tone")}


@functools.cache
def _news_terms() -> frozenset[str]:
    """The news lexicon's words as a set: a sentence's words are tested against it in one call."""
    return frozenset(_news_lexicon())


@functools.cache
def _news_neutral() -> frozenset[str]:
    """The news lexicon's words of weight 0.0: scored by general lexicons, neutral in news."""
    return frozenset(w for w, v in _news_lexicon().items() if v == 0.0)


def _squash(x: float) -> float:
    """VADER-style normalisation of a sum of valences to (-1, 1)."""
    return x / math.sqrt(x * x + 1.0)


class _SpanTone(NamedTuple):
    """One sentence's tone and evidence (a light tuple: one is made per sentence)."""

    start: int
    end: int
    score: float
    textblob: float
    vader: float
    rules: float
    news: float
    n_words: int
    evidence: tuple[ToneEvidence, ...]

    @property
    def features(self) -> dict[str, float]:
        return {"textblob": self.textblob, "vader": self.vader, "rules": self.rules, "news": self.news}


_NO_TOKENS: frozenset[int] = frozenset()


class _Rules:
    """The rules that apply to the tokens of one sentence, found once and read per evidence token.

    Only the few tokens that carry evidence need their rules, and most sentences have no negator,
    contrast, concession, hedge or quotation: the sentence's marker words are found with one set
    operation, and the sentence is scanned token by token only for the rules whose markers are there.
    ``at(i)`` lists the rules of token ``i`` in a fixed order: quoted or attributed, negated,
    contrast_before or contrast_after, concessive, hedged.
    """

    __slots__ = ("_quoted", "_attributed", "_negated", "_last", "_concessive", "_hedged", "_voice_only")

    def __init__(
        self,
        words: Sequence[str],
        markers: frozenset[str],
        starts: Sequence[int],
        quoted: Sequence[tuple[int, int]],
        has_nt: bool,
    ) -> None:
        """``markers``: the sentence's words that are in :data:`_MARKERS`; ``has_nt``: a word may end in "n't"."""
        self._quoted = _quoted_tokens(starts, quoted)
        # attribution: a speech verb outside quotes makes the narrator's words attributed
        self._attributed = not markers.isdisjoint(_ATTRIBUTION) and (
            not self._quoted or any(w in _ATTRIBUTION and i not in self._quoted for i, w in enumerate(words))
        )
        self._negated = _negated_tokens(words) if has_nt or not markers.isdisjoint(_NEGATORS) else _NO_TOKENS
        # contrast: the last "but"/"however" splits the sentence
        self._last = -1
        if not markers.isdisjoint(_CONTRAST):
            self._last = max(i for i, w in enumerate(words) if w in _CONTRAST)
        # concessive clause and hedged clause: from the marker to the end of its clause
        self._concessive: frozenset[int] | set[int] = _NO_TOKENS
        self._hedged: frozenset[int] | set[int] = _NO_TOKENS
        if not markers.isdisjoint(_CLAUSE_MARKERS):
            self._concessive, self._hedged = set(), set()
            concessive = hedged = False
            for i, w in enumerate(words):
                if w in _CLAUSE_END:
                    concessive = hedged = False
                    continue
                if w in _CONCESSIVE:
                    concessive = True
                if w in _HEDGES:
                    hedged = True
                if concessive and not i < self._last:  # words before a contrast are "contrast_before" instead
                    self._concessive.add(i)
                if hedged:
                    self._hedged.add(i)
        # the common case: no rule but the voice (quoted or attributed) applies anywhere in the sentence
        self._voice_only = not (self._negated or self._last >= 0 or self._concessive or self._hedged)

    def at(self, i: int) -> tuple[str, ...]:
        """The rules of token ``i``."""
        if self._voice_only:
            if i in self._quoted:
                return _QUOTED
            return _ATTRIBUTED if self._attributed else ()
        rules: list[str] = []
        if i in self._quoted:
            rules.append("quoted")
        elif self._attributed:
            rules.append("attributed")
        if i in self._negated:
            rules.append("negated")
        if self._last >= 0:
            if i < self._last:
                rules.append("contrast_before")
            elif i > self._last:
                rules.append("contrast_after")
        if i in self._concessive:
            rules.append("concessive")
        if i in self._hedged:
            rules.append("hedged")
        return tuple(rules)


def _quoted_tokens(starts: Sequence[int], quoted: Sequence[tuple[int, int]]) -> frozenset[int] | set[int]:
    """Indexes of the tokens that start strictly inside a quotation (the marks themselves are not).

    ``quoted`` is sorted and non-overlapping; the walk starts at the first quotation that ends after
    the sentence's first token (starting at 0 walked every earlier quotation for every sentence), and
    each quotation's tokens are one range of indexes, found by bisection (not token by token).
    """
    if not quoted or not starts:
        return _NO_TOKENS
    qi = bisect.bisect_right(quoted, starts[0], key=_END)
    last = starts[-1]
    if qi == len(quoted) or quoted[qi][0] >= last:
        return _NO_TOKENS  # no quotation opens before the sentence's last token
    inside: set[int] = set()
    for q_start, q_end in itertools.islice(quoted, qi, None):
        if q_start >= last:
            break
        inside.update(range(bisect.bisect_right(starts, q_start), bisect.bisect_left(starts, q_end)))
    return inside


def _negated_tokens(words: Sequence[str]) -> set[int]:
    """Indexes of the words up to three after a negator, stopped by punctuation or a contrast."""
    out: set[int] = set()
    left = 0
    for i, w in enumerate(words):
        if w in _NEGATORS or w.endswith("n't"):
            left = 3
        elif left:  # outside a negation's reach nothing else matters
            if not _WORDLIKE.match(w) or w in _CONTRAST:
                left = 0
            else:
                out.add(i)
                left -= 1
    return out


def _factor(rules: Sequence[str], weights: dict[str, float]) -> float:
    f = 1.0
    for r in rules:
        f *= weights.get(r, 1.0)
    return f


def _score_span(
    text: str,
    start: int,
    end: int,
    quoted: Sequence[tuple[int, int]],
    model: _Model | None = None,
    scored: tuple[Sentiment, Sentiment] | None = None,
) -> _SpanTone:
    """Score ``text[start:end]`` (one sentence) with the fitted rules and weights.

    ``scored``: the sentence's TextBlob and VADER results, if the caller scored every sentence at once.
    """
    model = _model() if model is None else model
    sentence = text[start:end]
    if scored is None:
        tb = get_backend("textblob")(sentence)
        vd = get_backend("vader")(sentence)
    else:
        tb, vd = scored
    # the sentence's tokens, shared with quotes and figures (cached per range); lowered once, in C
    tokens = tokenize(text, start=start, end=end)
    words = list(map(str.lower, map(_TEXT, tokens)))
    if "’" in sentence:  # "isn’t", "don’t": news sets apostrophes curly; the rules read them as "n't"
        words = [w.replace("’", "'") for w in words]
    starts = list(map(_START, tokens))
    low = sentence.lower()
    has_nt = "n't" in low or "n’t" in low
    n_words = len(list(filter(_WORDLIKE.match, words)))
    news = [i for i, w in enumerate(words) if w in _news_terms()] if not _news_terms().isdisjoint(words) else []
    return _score_tokens(text, start, end, tokens, words, starts, 0, n_words, news, has_nt, quoted, model, tb, vd)


class _TextWords(NamedTuple):
    """A whole text's tokens as the rules read them, found once for all its sentences."""

    tokens: Sequence[Token]
    words: list[str]  # lowered, curly apostrophes straightened
    starts: list[int]
    n_wordlike: list[int]  # n_wordlike[i]: how many of the first i words start with a word character
    news: list[int]  # indexes of the words in the news lexicon, ascending
    negating: list[int]  # indexes of the words that are negators or end in "n't", ascending


def _text_words(text: str) -> _TextWords:
    tokens = tokenize(text)  # the whole text's tokens (cached: actors read them too)
    words = list(map(str.lower, map(_TEXT, tokens)))
    if "’" in text:
        words = [w.replace("’", "'") if "’" in w else w for w in words]
    starts = list(map(_START, tokens))
    # a word is "wordlike" when its first character is \w: alphanumeric (str.isalnum) or "_"
    firsts = list(map(_FIRST, words))
    wordlike = map(str.isalnum, firsts) if "_" not in text else map(_WORDLIKE.match, firsts)
    negating = list(itertools.compress(itertools.count(), map(_NEGATORS.__contains__, words)))
    for m in _NT.finditer(text):  # a word ending in "n't" ends where its "n't" does
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and tokens[k].end == m.end():
            negating.append(k)
    if len(negating) > 1:
        negating = sorted(set(negating))
    return _TextWords(
        tokens,
        words,
        starts,
        list(itertools.accumulate(map(bool, wordlike), initial=0)),
        list(itertools.compress(itertools.count(), map(_news_terms().__contains__, words))),
        negating,
    )


def _score_sentences(
    text: str,
    spans: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]],
    model: _Model,
    scored: Iterable[tuple[Sentiment, Sentiment]],
) -> list[_SpanTone]:
    """``_score_span`` of each span (sentences of ``text``), reading the text's tokens once.

    A span with whitespace (or the text's edge) on both sides holds exactly the text's tokens
    between its ends (see :func:`mediakit.segment.tokenize`): its words, word count, news words
    and negators are read from the whole text's, found once. Any other span is scored alone.
    """
    if not spans:
        return []
    tw = _text_words(text)
    all_starts, news, negating = tw.starts, tw.news, tw.negating
    n = len(text)
    out: list[_SpanTone] = []
    for (start, end), (tb, vd) in zip(spans, scored):
        if not (
            0 <= start <= end <= n
            and (start == 0 or text[start - 1].isspace())
            and (end == n or text[end].isspace())
        ):
            out.append(_score_span(text, start, end, quoted, model, (tb, vd)))
            continue
        a, b = bisect.bisect_left(all_starts, start), bisect.bisect_left(all_starts, end)
        lo, hi = bisect.bisect_left(news, a), bisect.bisect_left(news, b)
        has_neg = bisect.bisect_left(negating, a) < bisect.bisect_left(negating, b)
        out.append(
            _score_tokens(
                text, start, end, tw.tokens[a:b], tw.words[a:b], all_starts[a:b], a,
                tw.n_wordlike[b] - tw.n_wordlike[a], news[lo:hi], has_neg, quoted, model, tb, vd,
            )
        )
    return out


def _score_tokens(
    text: str,
    start: int,
    end: int,
    tokens: Sequence[Token],
    words: list[str],
    starts: list[int],
    first: int,
    n_words: int,
    news: Sequence[int],
    has_nt: bool,
    quoted: Sequence[tuple[int, int]],
    model: _Model,
    tb: Sentiment,
    vd: Sentiment,
) -> _SpanTone:
    """The rules over one sentence's tokens (``news``: indexes of its news words, counted from ``first``)."""
    weights = model.rules
    rules_of = _Rules(words, _MARKERS.intersection(words), starts, quoted, has_nt)
    evidence: list[ToneEvidence] = []
    total = news_total = 0.0
    seen: set[int] = set()
    # news vocabulary first: it overrides VADER on the same word
    if news:
        news_lex = _news_lexicon()
        for i in news:
            i -= first
            base = news_lex[words[i]]
            seen.add(starts[i])
            if base == 0.0:  # a word general lexicons score but news uses neutrally
                continue
            rules = rules_of.at(i)
            weight = base * _factor(rules, weights)
            total += weight
            news_total += weight
            tok = tokens[i]
            evidence.append(ToneEvidence(tok.start, tok.end, tok.text, "news", base, weight, rules))
    n_tokens = len(starts)
    for e in vd.evidence:
        if e.start is None or e.end is None:
            continue
        s = start + e.start
        i_tok = _token_at(starts, n_tokens, s)
        if s in seen or (i_tok is not None and (words[i_tok] in _NEGATORS or words[i_tok].endswith("n't"))):
            continue
        rules = rules_of.at(i_tok) if i_tok is not None else ()
        base = e.polarity / 4.0
        weight = base * (_factor(rules, weights) if rules else 1.0)
        total += weight
        evidence.append(ToneEvidence(s, start + e.end, text[s : start + e.end], "vader", base, weight, rules))
    # TextBlob's assessments: it negates "not good" itself but misses "isn't good"; add contrast, hedging, voice
    tb_sum = 0.0
    n_assess = 0
    for e in tb.evidence:
        n_assess += 1
        if e.start is None or e.end is None:
            tb_sum += e.polarity
            continue
        s = start + e.start
        i_tok = _token_at(starts, n_tokens, s)
        rules = rules_of.at(i_tok) if i_tok is not None else ()
        lows = list(map(str.lower, e.words))
        if rules and not _NEGATORS.isdisjoint(lows):  # ("never" is a negator too)
            rules = tuple(r for r in rules if r != "negated")  # TextBlob negated it itself ("not good")
        weight = e.polarity * (_factor(rules, weights) if rules else 1.0)
        if _news_neutral().issuperset(lows):  # every word neutral in news (and so weight 0.0)
            rules, weight = (*rules, "neutral_in_news"), 0.0
        tb_sum += weight
        if e.polarity:
            evidence.append(
                ToneEvidence(s, start + e.end, text[s : start + e.end], "textblob", e.polarity, weight, rules)
            )
    tb_adj = tb_sum / n_assess if n_assess else 0.0
    tb_adj = max(-1.0, min(1.0, tb_adj))
    rules_value, news_value = _squash(total), _squash(news_total)
    values = model.pick((tb_adj, vd.polarity, rules_value, news_value))
    raw = model.intercept + sum(map(operator.mul, model.coef, values))
    score = max(-1.0, min(1.0, raw))
    if len(evidence) > 1:
        evidence.sort(key=_evidence_order)
    return _SpanTone(start, end, score, tb_adj, vd.polarity, rules_value, news_value, n_words, tuple(evidence))


def _token_at(starts: Sequence[int], n: int, pos: int) -> int | None:
    """The index of the token that starts at ``pos`` (``starts`` sorted, ``n`` its length), or None."""
    i = bisect.bisect_left(starts, pos)
    return i if i < n and starts[i] == pos else None
