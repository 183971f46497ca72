"""Tone towards a target: how a sentence portrays one actor, with its evidence.

``score_tone`` rates a sentence as a whole; framing analysis asks how the
sentence portrays *one* of the people or organisations in it. In "Critics
praised Smith after Jones resigned in disgrace" the sentence is mixed, but the
sentence is positive towards Smith and negative towards Jones.

``target_tone`` scores the sentence with :func:`mediakit.tone.score_tone`
(its evidence words and rules: news vocabulary, VADER, TextBlob, negation,
contrast, hedging, quotation) and reweights each evidence word by where it
stands relative to the target:

* **clause**: the sentence is cut into clauses at ";", ":", dashes,
  parentheses and clause words ("but", "while", "whereas", "after",
  "because", "who", "which", ...); words in the target's own clause count
  more than words in other clauses;
* **position and distance**: within the clause, words after the target
  (the target as subject: "X lied", "X resigned in disgrace") and before it
  (the target as object: "praised X", "blamed X") have their own weights,
  and words near the target count more (``within N words``);
* **the target's own words**: evaluative words inside the mention
  ("disgraced former official", "the rebels");
* **roles**: the target as object of a preposition of opposition
  ("against X"), and the target as the speaker of reported words
  ("X said ...", "according to X"): annotators of news rate the speaker of a
  harsh statement mostly neutral, so the speaker's score leans on the words
  near it and less on what it said.

The feature weights and label thresholds are data
(``lexicons/target_tone_weights.json``), fitted by
``benchmarks/eval_target_tone.py --fit`` on the NewsMTSC training split only;
the same script reports agreement on the untuned test splits.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from .article import Article, Sentence
from .errors import InputError
from .lexicon import lexicon_path
from .segment import Token, split_sentences, tokenize
from .tone import Tone, score_tone

__all__ = ["TargetTone", "TargetEvidence", "target_tone", "target_tone_table", "target_features", "FEATURES"]

ToneLabel = Literal["negative", "neutral", "positive"]

# words that open a new clause (the word itself belongs to the new clause)
_CLAUSE_WORDS = frozenset(
    """but while whereas although though however because after before when whenever since unless until
    who whom whose which where if yet despite""".split()
)
_CLAUSE_PUNCT = frozenset(";:—–()[]")
# reported speech: "X said", "X told reporters", "according to X"
_SPEECH = frozenset(
    """said says say saying told tells tell telling added adds wrote writes write argued argues noted notes
    stated states explained explains asked asks tweeted tweets posted insisted insists recalled
    recounted testified announced announces replied responded responds continued continues suggested
    suggests acknowledged acknowledges admitted admits warned warns claimed claims""".split()
)
_AUX = frozenset("has have had is was also later then has previously had once again would will".split())
_OPPOSE = frozenset("against".split())

FEATURES: tuple[str, ...] = (
    "sentence",  # score_tone of the whole sentence
    "before",  # evidence before the target in its clause, weighted by distance ("praised X")
    "after",  # evidence after the target in its clause, weighted by distance ("X lied")
    "other",  # evidence outside the target's clause
    "own",  # evidence inside the mention ("disgraced former official")
    "speaker",  # 1 if the target speaks the sentence's reported words
    "speaker_sentence",  # speaker x sentence
    "against",  # 1 if "against" governs the target
)
"""The features of :func:`target_features`, in the order of the fitted coefficients."""


@dataclass(frozen=True, slots=True)
class TargetEvidence:
    """A word that moved the tone towards the target.

    Attributes:
        start, end: offsets of the word in the text given to :func:`target_tone`.
        text: the word(s) (``text[start:end]``).
        weight: the word's tone value after ``score_tone``'s rules, in [-1, 1].
        factor: how much the word counts for this target (the fitted feature
            weights it fell under, summed).
        rule: where the word stands relative to the target: ``"in the target's
            words"``, ``"within N words"``, ``"same clause"``, ``"other clause"``.
    """

    start: int
    end: int
    text: str
    weight: float
    factor: float
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "weight": self.weight,
                "factor": self.factor, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class TargetTone:
    """The tone of a sentence towards one target.

    Attributes:
        score: in [-1, 1]; below 0 portrays the target negatively.
        label: ``"negative"``, ``"neutral"`` or ``"positive"`` (fitted thresholds).
        target: the target's words (``text[start:end]``).
        start, end: the target's offsets.
        sentence_start, sentence_end: the sentence scored.
        sentence_score: ``score_tone`` of the whole sentence, for comparison.
        roles: role rules that applied: ``"speaker of the reported words"``,
            ``"object of 'against'"``.
        evidence: the words that moved the score, in text order.
    """

    score: float
    label: ToneLabel
    target: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence_score: float
    roles: tuple[str, ...]
    evidence: tuple[TargetEvidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "label": self.label, "target": self.target, "start": self.start,
                "end": self.end, "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
                "sentence_score": self.sentence_score, "roles": list(self.roles),
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class _Weights:
    decay: float
    intercept: float
    coef: dict[str, float]
    thresholds: tuple[float, float]


@functools.cache
def _weights() -> _Weights:
    data = json.loads(lexicon_path("target_tone_weights").read_text(encoding="utf-8"))
    return _Weights(
        decay=float(data["decay"]),
        intercept=float(data["intercept"]),
        coef={f: float(c) for f, c in zip(data["features"], data["coef"])},
        thresholds=(float(data["thresholds"][0]), float(data["thresholds"][1])),
    )


def _squash(x: float) -> float:
    return x / math.sqrt(x * x + 1.0)


def _check(text: Any, start: Any, end: Any) -> None:
    if not isinstance(text, str):
        raise InputError(f"target_tone() needs the text as a str, not {type(text).__name__}")
    for name, v in (("start", start), ("end", end)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise InputError(f"target_tone() needs {name} as an int character offset, not {type(v).__name__}")
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"target offsets start={start}, end={end} are invalid for a text of {len(text)} characters; "
            "they must satisfy 0 <= start < end <= len(text) (end is exclusive, as in text[start:end])"
        )


def _sentence_of(text: str, start: int, end: int, sentences: Iterable[Any] | None) -> tuple[int, int]:
    """The (start, end) of the sentence holding the target; the whole text if none does."""
    spans: Iterable[Any] = split_sentences(text) if sentences is None else sentences
    for s in spans:
        a, b = (s.start, s.end) if isinstance(s, Sentence) else (int(s[0]), int(s[1]))
        if a <= start and end <= b:
            return a, b
    return 0, len(text)


def _clause_ids(tokens: Sequence[Token]) -> list[int]:
    """A clause number per token; a clause word or mark opens a new clause."""
    out, c = [], 0
    for i, t in enumerate(tokens):
        w = t.text.lower()
        if t.text in _CLAUSE_PUNCT or (w in _CLAUSE_WORDS and i > 0):
            c += 1
        out.append(c)
    return out


def _speaker(words: Sequence[str], first: int, last: int) -> bool:
    """The target (tokens ``first..last``) speaks: "X said", "X, the minister, said", "according to X"."""
    j = last + 1
    while j < len(words) and words[j] in _AUX:
        j += 1
    if j < len(words) and words[j] in _SPEECH:
        return True
    if first >= 2 and words[first - 2] == "according" and words[first - 1] == "to":
        return True
    # quote-final attribution: '"...," said X'
    return first >= 1 and words[first - 1] in _SPEECH and (first < 2 or words[first - 2] in {",", "”", '"'})


def target_features(
    text: str,
    start: int,
    end: int,
    *,
    sentences: Iterable[Any] | None = None,
    tone: Tone | None = None,
    decay: float | None = None,
) -> tuple[dict[str, float], list[tuple[int, int, str, float, str, tuple[str, ...]]], tuple[int, int], float]:
    """The features of one target (for fitting and for :func:`target_tone`; not needed for normal use).

    Returns:
        ``(features, words, (sentence_start, sentence_end), sentence_score)``: the
        :data:`FEATURES` values; the evidence words as ``(start, end, text, weight,
        rule, feature names)``, offsets into ``text``.
    """
    _check(text, start, end)
    a, b = _sentence_of(text, start, end, sentences)
    return _features(text, start, end, _scored_sentence(text, a, b, tone), decay)


class _Sentence(NamedTuple):
    """What every target of one sentence shares: its span, ``score_tone`` and tokens (made once per sentence)."""

    start: int
    end: int
    tone: Tone
    words: list[str]  # lower-cased tokens, "’" read as "'"
    starts: list[int]
    clause: list[int]
    evidence: list[Any]  # the tone's evidence, one value per word first (see _features)


def _scored_sentence(text: str, a: int, b: int, tone: Tone | None = None) -> _Sentence:
    t = score_tone(text[a:b]) if tone is None else tone
    tokens = tokenize(text, start=a, end=b)
    words = [tok.text.lower().replace("’", "'") for tok in tokens]
    # one value per word: news or VADER (the rule sum of score_tone); TextBlob where neither scored
    ev = sorted(t.evidence, key=lambda e: (e.start, e.source != "news", e.source != "vader"))
    return _Sentence(a, b, t, words, [tok.start for tok in tokens], _clause_ids(tokens), ev)


def _features(
    text: str, start: int, end: int, sent: _Sentence, decay: float | None
) -> tuple[dict[str, float], list[tuple[int, int, str, float, str, tuple[str, ...]]], tuple[int, int], float]:
    """:func:`target_features` of a target in a sentence already scored."""
    a, b, t, words, starts, clause, ev = sent
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_left(starts, end) - 1)
    tclause = clause[first] if words else 0
    decay = _weights().decay if decay is None else decay
    f = dict.fromkeys(FEATURES, 0.0)
    f["sentence"] = t.score
    sums = dict.fromkeys(("before", "after", "other", "own"), 0.0)
    out: list[tuple[int, int, str, float, str, tuple[str, ...]]] = []
    seen: set[int] = set()
    for e in ev:
        if e.weight == 0.0 or e.start in seen:
            continue
        seen.add(e.start)
        s, en = a + e.start, a + e.end
        i = max(0, bisect.bisect_right(starts, s) - 1)
        if first <= i <= last:
            names: tuple[str, ...] = ("own",)
            rule, dist = "in the target's words", 0
        else:
            dist = first - i if i < first else i - last
            if clause[i] == tclause:
                names = ("before",) if i < first else ("after",)
                rule = f"within {dist} words" if dist <= 3 else "same clause"
            else:
                names, rule = ("other",), "other clause"
        w = e.weight
        for n in names:
            sums[n] += w * math.exp(-dist / decay) if n in ("before", "after") else w
        out.append((s, en, text[s:en], w, rule, names))
    for n, v in sums.items():
        f[n] = _squash(v)
    if words and _speaker(words, first, last):
        f["speaker"] = 1.0
        f["speaker_sentence"] = t.score
    if first >= 1 and words[first - 1] in _OPPOSE:
        f["against"] = 1.0
    return f, out, (a, b), t.score


def _label(score: float, thresholds: tuple[float, float]) -> ToneLabel:
    if score <= thresholds[0]:
        return "negative"
    if score >= thresholds[1]:
        return "positive"
    return "neutral"


_ROLE_NAMES = {"speaker": "speaker of the reported words", "against": "object of 'against'"}


def target_tone(text: str, start: int, end: int, *, sentences: Iterable[Any] | None = None) -> TargetTone:
    """The tone of the sentence holding ``text[start:end]`` towards that target.

    Args:
        text: a sentence, paragraph or whole article text.
        start, end: character offsets of the target (``end`` exclusive).
        sentences: the text's sentences, as :class:`~mediakit.article.Sentence`
            or ``(start, end)`` pairs, to skip splitting the text again
            (default: :func:`mediakit.segment.split_sentences`).

    Returns:
        A :class:`TargetTone` whose evidence offsets are into ``text``.

    Raises:
        InputError: ``text`` is not a str, or the offsets are not ints with
            ``0 <= start < end <= len(text)``.

    Examples:
        >>> s = "Critics praised Smith after Jones resigned in disgrace."
        >>> smith, jones = target_tone(s, 16, 21), target_tone(s, 28, 33)
        >>> smith.score > jones.score
        True
        >>> [(e.text, e.rule) for e in jones.evidence]  # doctest: +NORMALIZE_WHITESPACE
        [('Critics', 'other clause'), ('praised', 'other clause'), ('resigned', 'within 1 words'),
         ('disgrace', 'within 3 words')]
        >>> s = "The company reported record profits, but its founder was arrested for tax evasion."
        >>> target_tone(s, 41, 52).label
        'negative'
    """
    _check(text, start, end)
    a, b = _sentence_of(text, start, end, sentences)
    return _target_tone(text, start, end, _scored_sentence(text, a, b))


def _target_tone(text: str, start: int, end: int, sentence: _Sentence) -> TargetTone:
    feats, words, (a, b), sent = _features(text, start, end, sentence, None)
    w = _weights()
    raw = w.intercept + sum(w.coef.get(n, 0.0) * feats[n] for n in FEATURES)
    score = max(-1.0, min(1.0, raw))
    evidence = tuple(
        TargetEvidence(s, e, t, wt, round(sum(w.coef.get(n, 0.0) for n in names), 4), rule)
        for s, e, t, wt, rule, names in words
    )
    roles = tuple(_ROLE_NAMES[r] for r in ("speaker", "against") if feats[r])
    return TargetTone(score, _label(score, w.thresholds), text[start:end], start, end, a, b, sent, roles, evidence)


def _target_tones(text: str, spans: Iterable[tuple[int, int]], *,
                  sentences: Iterable[Any] | None = None) -> list[TargetTone]:
    """:func:`target_tone` of many targets of one text, each sentence scored once for all its targets.

    The same results as ``[target_tone(text, s, e, sentences=sentences) for s, e in spans]``: a
    target's score reads only its own sentence, whose ``score_tone`` and tokens are shared here.
    """
    sents = split_sentences(text) if sentences is None else list(sentences)
    bounds = [(s.start, s.end) if isinstance(s, Sentence) else (int(s[0]), int(s[1])) for s in sents]
    # in text order without overlaps (as split_sentences gives them), the sentence holding a target is
    # the last one starting at or before it, if it holds it: found by bisection, not a scan
    ordered = all(bounds[k][1] <= bounds[k + 1][0] for k in range(len(bounds) - 1))
    firsts = [a for a, _ in bounds]
    done: dict[tuple[int, int], _Sentence] = {}
    out = []
    for start, end in spans:
        _check(text, start, end)
        if ordered:
            k = bisect.bisect_right(firsts, start) - 1
            a, b = bounds[k] if k >= 0 and end <= bounds[k][1] else (0, len(text))
        else:
            a, b = _sentence_of(text, start, end, bounds)
        sent = done.get((a, b))
        if sent is None:
            sent = done[(a, b)] = _scored_sentence(text, a, b)
        out.append(_target_tone(text, start, end, sent))
    return out


def target_tone_table(data: Any, *, text_col: str = "text", start_col: str = "start", end_col: str = "end") -> Any:
    """:func:`target_tone` for many targets, one row each.

    Args:
        data: a DataFrame with text, start and end columns, or an iterable of
            ``(text, start, end)`` tuples (or :class:`~mediakit.article.Article`
            plus offsets into its text).
        text_col, start_col, end_col: the DataFrame's column names.

    Returns:
        A DataFrame (the input's index for a DataFrame) with columns
        ``target, target_start, target_end, target_tone_score, target_tone_label,
        sentence_tone_score, target_roles, target_evidence``.

    Raises:
        InputError: a row is not a text with valid offsets, or a column is missing.
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        missing = [c for c in (text_col, start_col, end_col) if c not in data.columns]
        if missing:
            raise InputError(f"target_tone_table() needs the columns {missing}; the DataFrame has {list(data.columns)}")
        rows = list(zip(data[text_col], data[start_col], data[end_col]))
        index = data.index
    else:
        rows = [tuple(r) for r in data]
        index = None
    out = []
    split: dict[str, list[Sentence]] = {}
    # the sentences of the last text scored, shared by its targets (rows of one text usually follow each other)
    last_text: str | None = None
    scored: dict[tuple[int, int], _Sentence] = {}
    for row in rows:
        if len(row) != 3:
            raise InputError(f"target_tone_table() needs (text, start, end) rows, got {len(row)} values")
        text, s, e = row
        if isinstance(text, Article):
            text = text.text
        s = int(s) if hasattr(s, "__index__") else s
        e = int(e) if hasattr(e, "__index__") else e
        if not isinstance(text, str):
            target_tone(text, s, e)  # raises InputError
        if text not in split:
            split[text] = split_sentences(text)
        if text is not last_text:
            last_text, scored = text, {}
        _check(text, s, e)
        a, b = _sentence_of(text, s, e, split[text])
        sent = scored.get((a, b))
        if sent is None:
            sent = scored[(a, b)] = _scored_sentence(text, a, b)
        tt = _target_tone(text, s, e, sent)
        out.append({
            "target": tt.target, "target_start": tt.start, "target_end": tt.end,
            "target_tone_score": tt.score, "target_tone_label": tt.label,
            "sentence_tone_score": tt.sentence_score, "target_roles": "; ".join(tt.roles),
            "target_evidence": "; ".join(f"{ev.text} ({ev.weight:+.2f}, {ev.rule})" for ev in tt.evidence),
        })
    columns = ["target", "target_start", "target_end", "target_tone_score", "target_tone_label",
               "sentence_tone_score", "target_roles", "target_evidence"]
    return pd.DataFrame(out, columns=columns, index=index)
