"""News tone: one score in [-1, 1] per sentence, paragraph or article, with its evidence.

General-purpose lexicon scores read news badly: TextBlob rates "a great
relationship" in a report of a threatened strike as warm, and neither
TextBlob nor VADER knows that "invasion", "casualties" or "plunged" are bad
news. ``score_tone`` keeps both scorers (``mediakit.sentiment``) and adds rules
that matter in news, sentence by sentence:

* **news vocabulary**: ``lexicons/news_tone.tsv`` (threat, strike, killed,
  crisis, plunged, ceasefire, ...) overrides or adds to VADER's word valence;
* **negation**: a negator (not, no, never, n't, without, ...) up to three words
  before a word reverses and weakens it;
* **contrast**: words before "but"/"however" count less, words after count more;
  a concessive clause ("although ...", "despite ...") counts less;
* **hedging**: words in a clause after "may", "reportedly", "allegedly", ...
  count less;
* **attribution and quoted voices**: words inside quotation marks (someone
  else's voice) and narrator words in an attributed sentence ("..., officials
  said") are marked and weighted separately from the narrator's own words.

The rule factors and a four-feature linear combination of TextBlob,
VADER and the rule-based sums ship as data (``lexicons/tone_weights.json``),
fitted with numpy on public annotated news (NewsMTSC train+dev, SemEval-2017
headlines train); ``benchmarks/eval_tone.py`` reports agreement on splits
that were never used for fitting.

Longer texts are scored sentence by sentence; a paragraph's or article's score
is the word-weighted mean of its sentences' scores.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .article import Article
from .errors import InputError, value_invalid_msg
from .lexicon import lexicon_path, load_table
from .segment import as_text, quoted_in_paragraphs, quoted_spans, split_sentences, tokenize
from .sentiment import get_backend

__all__ = [
    "Tone",
    "ToneEvidence",
    "ToneLabel",
    "score_tone",
    "tone_table",
    "tone_label",
    "TONE_THRESHOLDS",
]

ToneLabel = Literal["negative", "neutral", "positive"]
EvidenceSource = Literal["textblob", "vader", "news"]
Level = Literal["sentence", "paragraph", "article"]

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
_WORDLIKE = re.compile(r"\w")


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
class Tone:
    """The tone of a text: a score in [-1, 1], a label and the evidence.

    Attributes:
        score: the fitted combination, clipped to [-1, 1] (word-weighted mean
            over sentences for longer texts).
        label: ``"negative"`` if ``score <= thresholds[0]``, ``"positive"`` if
            ``score >= thresholds[1]``, else ``"neutral"``.
        evidence: the words that carried the score, offsets into the scored text.
        textblob: TextBlob polarity (word-weighted mean over sentences).
        vader: VADER compound (word-weighted mean over sentences).
        rules: the rule-adjusted lexicon sum, squashed to [-1, 1].
        news: the rule-adjusted news-vocabulary sum, squashed to [-1, 1].
        n_words: number of word tokens scored.
        n_sentences: number of sentences scored.
        thresholds: the (negative, positive) label thresholds used.
    """

    score: float
    label: ToneLabel
    evidence: tuple[ToneEvidence, ...]
    textblob: float
    vader: float
    rules: float
    news: float
    n_words: int
    n_sentences: int
    thresholds: tuple[float, float]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "label": self.label,
            "textblob": self.textblob,
            "vader": self.vader,
            "rules": self.rules,
            "news": self.news,
            "n_words": self.n_words,
            "n_sentences": self.n_sentences,
            "thresholds": list(self.thresholds),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class _Model:
    rules: dict[str, float]
    features: tuple[str, ...]
    intercept: float
    coef: tuple[float, ...]
    thresholds: tuple[float, float]


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


def _thresholds() -> tuple[float, float]:
    return _model().thresholds


TONE_THRESHOLDS: tuple[float, float] = (-0.1, 0.1)
"""Default label thresholds; the shipped weights file may state others (see :func:`tone_label`)."""


def tone_label(score: float, *, thresholds: tuple[float, float] | None = None) -> ToneLabel:
    """The 3-class label of a score: negative / neutral / positive.

    Args:
        score: a tone score in [-1, 1].
        thresholds: ``(negative, positive)``; a score ``<=`` the first is
            negative, ``>=`` the second positive. Default: the thresholds
            stated in the shipped weights file.

    >>> tone_label(-0.5), tone_label(0.0), tone_label(0.7)
    ('negative', 'neutral', 'positive')
    """
    lo, hi = _thresholds() if thresholds is None else thresholds
    if score <= lo:
        return "negative"
    if score >= hi:
        return "positive"
    return "neutral"


def _squash(x: float) -> float:
    """VADER-style normalisation of a sum of valences to (-1, 1)."""
    return x / math.sqrt(x * x + 1.0)


@dataclass(frozen=True, slots=True)
class _SpanTone:
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


def _token_rules(
    words: Sequence[str], spans: Sequence[tuple[int, int]], quoted: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """The rules that apply to each token of one sentence (linear in its length)."""
    n = len(words)
    rules: list[list[str]] = [[] for _ in range(n)]
    # quoted voice: start at the first quotation that ends after this sentence begins
    # (starting at 0 walked every earlier quotation for every sentence: quadratic)
    qi = bisect.bisect_right(quoted, spans[0][0], key=lambda q: q[1]) if spans else 0
    in_quote = [False] * n
    for i, (s, _) in enumerate(spans):
        while qi < len(quoted) and quoted[qi][1] <= s:
            qi += 1
        if qi < len(quoted) and quoted[qi][0] < s < quoted[qi][1]:
            in_quote[i] = True
            rules[i].append("quoted")
    # attribution: a speech verb outside quotes makes the narrator's words attributed
    if any(w in _ATTRIBUTION and not in_quote[i] for i, w in enumerate(words)):
        for i in range(n):
            if not in_quote[i]:
                rules[i].append("attributed")
    # negation: up to three words after a negator, stopped by punctuation or contrast
    left = 0
    for i, w in enumerate(words):
        if w in _NEGATORS or w.endswith("n't"):
            left = 3
            continue
        if not _WORDLIKE.match(w) or w in _CONTRAST:
            left = 0
            continue
        if left:
            rules[i].append("negated")
            left -= 1
    # contrast: the last "but"/"however" splits the sentence
    last = max((i for i, w in enumerate(words) if w in _CONTRAST), default=-1)
    if last >= 0:
        for i in range(n):
            if i < last:
                rules[i].append("contrast_before")
            elif i > last:
                rules[i].append("contrast_after")
    # concessive clause and hedged clause: from the marker to the end of its clause
    concessive = hedged = False
    for i, w in enumerate(words):
        if w in _CLAUSE_END:
            concessive = hedged = False
            continue
        if w in _CONCESSIVE:
            concessive = True
        if w in _HEDGES:
            hedged = True
        if concessive and "contrast_before" not in rules[i]:
            rules[i].append("concessive")
        if hedged:
            rules[i].append("hedged")
    return rules


def _factor(rules: Sequence[str], weights: dict[str, float]) -> float:
    f = 1.0
    for r in rules:
        f *= weights.get(r, 1.0)
    return f


def _score_span(
    text: str, start: int, end: int, quoted: Sequence[tuple[int, int]], model: _Model | None = None
) -> _SpanTone:
    """Score ``text[start:end]`` (one sentence) with the fitted rules and weights."""
    model = _model() if model is None else model
    weights = model.rules
    sentence = text[start:end]
    tb = get_backend("textblob")(sentence)
    vd = get_backend("vader")(sentence)
    tokens = tokenize(text, start=start, end=end)
    words = [t.text.lower() for t in tokens]
    spans = [(t.start, t.end) for t in tokens]
    token_rules = _token_rules(words, spans, quoted)
    at = {t.start: i for i, t in enumerate(tokens)}
    news_lex = _news_lexicon()
    n_words = sum(1 for w in words if _WORDLIKE.match(w))

    evidence: list[ToneEvidence] = []
    total = news_total = 0.0
    seen: set[int] = set()
    # news vocabulary first: it overrides VADER on the same word
    for i, w in enumerate(words):
        base = news_lex.get(w)
        if base is None:
            continue
        seen.add(tokens[i].start)
        if base == 0.0:  # a word general lexicons score but news uses neutrally
            continue
        rules = tuple(token_rules[i])
        weight = base * _factor(rules, weights)
        total += weight
        news_total += weight
        evidence.append(ToneEvidence(tokens[i].start, tokens[i].end, tokens[i].text, "news", base, weight, rules))
    for e in vd.evidence:
        if e.start is None or e.end is None:
            continue
        s = start + e.start
        i_tok = at.get(s)
        if s in seen or (i_tok is not None and (words[i_tok] in _NEGATORS or words[i_tok].endswith("n't"))):
            continue
        rules = tuple(token_rules[i_tok]) if i_tok is not None else ()
        base = e.polarity / 4.0
        weight = base * _factor(rules, weights)
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
        i_tok = at.get(s)
        rules = tuple(token_rules[i_tok]) if i_tok is not None else ()
        if any(w.lower() in _NEGATORS or w.lower() == "never" for w in e.words):
            rules = tuple(r for r in rules if r != "negated")  # TextBlob negated it itself ("not good")
        weight = e.polarity * _factor(rules, weights)
        if all(news_lex.get(w.lower(), 1.0) == 0.0 for w in e.words):
            rules, weight = (*rules, "neutral_in_news"), 0.0
        tb_sum += weight
        if e.polarity:
            evidence.append(
                ToneEvidence(s, start + e.end, text[s : start + e.end], "textblob", e.polarity, weight, rules)
            )
    tb_adj = tb_sum / n_assess if n_assess else 0.0
    tb_adj = max(-1.0, min(1.0, tb_adj))
    feats = {"textblob": tb_adj, "vader": vd.polarity, "rules": _squash(total), "news": _squash(news_total)}
    raw = model.intercept + sum(c * feats[f] for c, f in zip(model.coef, model.features))
    score = max(-1.0, min(1.0, raw))
    evidence.sort(key=lambda e: (e.start, e.source))
    return _SpanTone(
        start, end, score, tb_adj, vd.polarity, feats["rules"], feats["news"], n_words, tuple(evidence)
    )


def _spans(text_or_article: str | Article) -> list[tuple[int, _SpanTone]]:
    """(paragraph index, tone) for every sentence of the text."""
    if not isinstance(text_or_article, (str, Article)):
        raise InputError(f"expected a str or an Article, not {type(text_or_article).__name__}")
    text = as_text(text_or_article)
    quoted = quoted_in_paragraphs(text_or_article)
    return [(s.paragraph, _score_span(text, s.start, s.end, quoted)) for s in split_sentences(text_or_article)]


def _combine(spans: Sequence[_SpanTone]) -> Tone:
    thresholds = _thresholds()
    n = sum(s.n_words for s in spans)
    if not spans or n == 0:
        return Tone(0.0, "neutral", (), 0.0, 0.0, 0.0, 0.0, 0, len(spans), thresholds)

    def mean(attr: str) -> float:
        return float(sum(getattr(s, attr) * s.n_words for s in spans) / n)

    score = mean("score")
    evidence = tuple(e for s in spans for e in s.evidence)
    return Tone(
        score,
        tone_label(score, thresholds=thresholds),
        evidence,
        mean("textblob"),
        mean("vader"),
        mean("rules"),
        mean("news"),
        n,
        len(spans),
        thresholds,
    )


def score_tone(text_or_article: str | Article) -> Tone:
    """The news tone of a text or article, with its evidence.

    Args:
        text_or_article: a string (a sentence, a headline, a whole text) or an
            :class:`~mediakit.article.Article` (its canonical ``text``).

    Returns:
        A :class:`Tone`; evidence offsets are into the text given
        (``article.text`` for an Article).

    Raises:
        InputError: the input is not a string or an Article.

    Examples:
        >>> score_tone("Trump threatened to strike Moscow.").label
        'negative'
        >>> t = score_tone("The talks did not fail.")
        >>> [(e.text, e.rules) for e in t.evidence if e.source == "news"]
        [('fail', ('negated',))]
        >>> score_tone("").label
        'neutral'
    """
    return _combine([s for _, s in _spans(text_or_article)])


def _evidence_text(evidence: Sequence[ToneEvidence]) -> str:
    return "; ".join(f"{e.text} ({e.weight:+.2f})" for e in evidence if e.weight)


def tone_table(text_or_article: str | Article, *, level: Level = "sentence") -> Any:
    """Tone per sentence, paragraph or for the whole text, one row each.

    Args:
        text_or_article: a string or an Article.
        level: ``"sentence"``, ``"paragraph"`` or ``"article"``.

    Returns:
        A DataFrame with columns ``level, index, paragraph, start, end, text,
        tone_score, tone_label, textblob, vader, rules, news, n_words,
        evidence`` (evidence words with their weights after rules).

    Raises:
        InputError: bad input or an unknown ``level``.

    >>> tone_table("Markets plunged. Then they rallied strongly.")[["text", "tone_label"]].values.tolist()
    [['Markets plunged.', 'negative'], ['Then they rallied strongly.', 'positive']]
    """
    import pandas as pd

    if level not in ("sentence", "paragraph", "article"):
        raise InputError(value_invalid_msg("level", level, ("sentence", "paragraph", "article")))
    text = as_text(text_or_article)
    spans = _spans(text_or_article)
    groups: list[tuple[int, int | None, list[_SpanTone]]] = []
    if level == "sentence":
        groups = [(i, p, [s]) for i, (p, s) in enumerate(spans)]
    elif level == "paragraph":
        by_para: dict[int, list[_SpanTone]] = {}
        for p, s in spans:
            by_para.setdefault(p, []).append(s)
        groups = [(p, p, ss) for p, ss in by_para.items()]
    else:
        groups = [(0, None, [s for _, s in spans])]
    rows = []
    for index, para, ss in groups:
        tone = _combine(ss)
        start = ss[0].start if ss else 0
        end = ss[-1].end if ss else len(text)
        rows.append(
            {
                "level": level,
                "index": index,
                "paragraph": para,
                "start": start,
                "end": end,
                "text": text[start:end],
                "tone_score": tone.score,
                "tone_label": tone.label,
                "textblob": tone.textblob,
                "vader": tone.vader,
                "rules": tone.rules,
                "news": tone.news,
                "n_words": tone.n_words,
                "evidence": _evidence_text(tone.evidence),
            }
        )
    columns = ["level", "index", "paragraph", "start", "end", "text", "tone_score", "tone_label",
               "textblob", "vader", "rules", "news", "n_words", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def _span_features(text: str) -> dict[str, float]:
    """Features of ``text`` scored as one unit (for fitting the weights; not public API)."""
    s = _score_span(text, 0, len(text), quoted_spans(text))
    return {**s.features, "score": s.score}
