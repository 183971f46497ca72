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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ._tone_rules import ToneEvidence, _model, _score_sentences, _score_span, _SpanTone
from .article import Article
from .errors import InputError, value_invalid_msg
from .segment import as_text, quoted_in_paragraphs, quoted_spans, split_sentences
from .sentiment import Sentiment, get_backend

__all__ = [
    "Tone",
    "ToneEvidence",
    "ToneLabel",
    "evidence_text",
    "score_tone",
    "tone_table",
    "tone_label",
    "TONE_THRESHOLDS",
]

ToneLabel = Literal["negative", "neutral", "positive"]
Level = Literal["sentence", "paragraph", "article"]

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


def _spans(text_or_article: str | Article) -> list[tuple[int, _SpanTone]]:
    """(paragraph index, tone) for every sentence of the text."""
    if not isinstance(text_or_article, (str, Article)):
        raise InputError(f"expected a str or an Article, not {type(text_or_article).__name__}")
    text = as_text(text_or_article)
    quoted = quoted_in_paragraphs(text_or_article)
    sentences = split_sentences(text_or_article)
    spans = [(s.start, s.end) for s in sentences]
    scored = zip(_score_all("textblob", text, spans), _score_all("vader", text, spans))
    tones = _score_sentences(text, spans, quoted, _model(), scored)
    return [(s.paragraph, t) for s, t in zip(sentences, tones)]


def _score_all(name: str, text: str, spans: list[tuple[int, int]]) -> list[Sentiment]:
    """The backend's result for every span: one call (one tokenisation of the text) where it can."""
    backend = get_backend(name)
    batch = getattr(backend, "score_spans", None)
    if batch is None:
        return [backend(text[s:e]) for s, e in spans]
    return list(batch(text, spans))


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


_SOURCE_NAMES = {"textblob": "TextBlob", "vader": "VADER", "news": "news"}


def evidence_text(evidence: Sequence[ToneEvidence]) -> str:
    """Tone evidence as one readable line: each span once, with the weight each lexicon gave it.

    A span two lexicons scored shows both weights and their sources, so it does not read as a word
    listed twice; evidence that weighs nothing after rules is left out.

    >>> evidence_text(score_tone("A great relationship ended in war.").evidence)
    'great (+0.80 TextBlob, +0.78 VADER); war (-0.50 news)'
    """
    spans: dict[tuple[int, int, str], list[str]] = {}
    for e in evidence:
        if e.weight:
            spans.setdefault((e.start, e.end, e.text), []).append(f"{e.weight:+.2f} {_SOURCE_NAMES.get(e.source, e.source)}")
    return "; ".join(f"{text} ({', '.join(weights)})" for (_, _, text), weights in spans.items())


def tone_table(text_or_article: str | Article, *, level: Level = "sentence") -> Any:
    """Tone per sentence, paragraph or for the whole text, one row each.

    Args:
        text_or_article: a string or an Article.
        level: ``"sentence"``, ``"paragraph"`` or ``"article"``.

    Returns:
        A DataFrame with columns ``level, index, paragraph, start, end, text,
        tone_score, tone_label, textblob, vader, rules, news, n_words,
        evidence`` (evidence words with their weights after rules and the
        lexicon of each: :func:`evidence_text`).

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
                "evidence": evidence_text(tone.evidence),
            }
        )
    columns = ["level", "index", "paragraph", "start", "end", "text", "tone_score", "tone_label",
               "textblob", "vader", "rules", "news", "n_words", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def _span_features(text: str) -> dict[str, float]:
    """Features of ``text`` scored as one unit (for fitting the weights; not public API)."""
    s = _score_span(text, 0, len(text), quoted_spans(text))
    return {**s.features, "score": s.score}
