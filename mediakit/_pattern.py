"""TextBlob's sentiment (pattern's ``Sentiment``) for plain strings: the same numbers, faster, with offsets.

``TextBlob(s).sentiment`` runs ``textblob.en.sentiment(s)``: pattern's
tokenizer (``find_tokens``), then ``Sentiment.assessments`` over the lowered
tokens, then plain means. This module does the same, step for step, so that
polarity, subjectivity and every assessment are *equal* (same floats, same
arithmetic order), and it is several times faster because it

* reads TextBlob's own lexicon file (``textblob/en/en-sentiment.xml``) once,
  into one plain dict: word -> (polarity, subjectivity, intensity, is a
  modifier, label), averaged exactly as TextBlob's loader does;
* tokenizes with one ``findall`` that makes the usual splits itself
  ("word," -> "word" ","), then splits in Python only the few pieces left
  that start or end with punctuation; every token keeps its character
  offsets in the text, so the evidence needs no searching;
* runs the assessment loop only over the words that can matter (known words,
  negations, "!", emoticons, found with ``map`` in C) and the few words after
  them while a negation or modifier is pending, with no dict per assessment.

Pattern's tokenizer also rejoins emoticons it has split (``": )"`` becomes
``":)"``) and the sarcasm mark ``"( ! )"``, sentence by sentence. That rewrite
can only remove spaces inside a spaced emoticon, so it is run (exactly as
pattern runs it) only when the text contains one; otherwise it changes
nothing and is skipped. ``benchmarks/check_pattern.py`` and
``tests/test_pattern.py`` compare every result with TextBlob's own.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from importlib import resources
from itertools import compress
from typing import NamedTuple
from xml.etree import ElementTree

# pattern's tokenizer and constants live in _pattern_tokens; re-exported here, where they were
from ._pattern_tokens import (  # noqa: F401
    _ABBREVIATIONS,
    _EMOTICONS,
    _EOS,
    _IRONY,
    _MOOD,
    _NEGATIONS,
    _PUNCTUATION,
    _RE_ABBR1,
    _RE_ABBR2,
    _RE_ABBR3,
    _RE_SARCASM,
    _tokens,
    tokenize,
)

__all__ = ["Assessment", "Score", "sentiment", "score_spans"]


class Assessment(NamedTuple):
    """One scored phrase: TextBlob's (words, polarity, subjectivity, label) plus where it is.

    ``start``/``end`` span the phrase's words in the scored text (from the
    first to the last word with a letter or digit; an emoticon's own span when
    the phrase has none), so ``text[start:end]`` shows the phrase.
    """

    words: list[str]
    polarity: float
    subjectivity: float
    label: str | None
    start: int
    end: int


class Score(NamedTuple):
    """Polarity and subjectivity as ``textblob.en.sentiment`` computes them, and the assessments."""

    polarity: float
    subjectivity: float
    assessments: list[Assessment]


# --- the lexicon ---


LexEntry = tuple[float, float, float, bool, "str | None"]


def lexicon_path() -> str:
    """Path of TextBlob's own sentiment lexicon (shipped with the installed textblob).

    Found without importing ``textblob``, whose ``__init__`` imports NLTK (about a second).
    """
    spec = importlib.util.find_spec("textblob")
    if spec is not None and spec.submodule_search_locations:
        return os.path.join(list(spec.submodule_search_locations)[0], "en", "en-sentiment.xml")
    return str(resources.files("textblob") / "en" / "en-sentiment.xml")


def _avg(values: Sequence[float]) -> float:
    return sum(values) / float(len(values) or 1)  # pattern's avg(), same order of additions


@functools.cache
def lexicon() -> dict[str, LexEntry]:
    """TextBlob's lexicon for untagged words: word -> (polarity, subjectivity, intensity, is_modifier, label).

    Built as ``textblob.en.Sentiment.load`` builds it: senses averaged per
    part of speech, then the parts of speech averaged (the ``None`` entry that
    untagged text uses); then every adjective also gives an adverb in "-ly"
    ("terrible" -> "terribly", pattern's +1% accuracy), which replaces any
    entry of that adverb. A word "is a modifier" when it has an "RB" sense.
    """
    path = lexicon_path()
    if not os.path.exists(path):  # as TextBlob's loader: no file, no words (only emoticons then score)
        return {}
    root = ElementTree.parse(path).getroot()
    senses: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    labels: dict[str, str] = {}
    for node in root.findall("word"):
        a = node.attrib
        w = a.get("form")
        psi = (float(a.get("polarity", 0.0)), float(a.get("subjectivity", 0.0)), float(a.get("intensity", 1.0)))
        if w:
            senses.setdefault(w, {}).setdefault(a.get("pos"), []).append(psi)
            if a.get("label"):
                labels[w] = a["label"]
    words: dict[str, dict[str | None, Sequence[float]]] = {}
    for w, by_pos in senses.items():
        pos_avg: dict[str | None, Sequence[float]] = {
            pos: [_avg(each) for each in zip(*psi)] for pos, psi in by_pos.items()
        }
        pos_avg[None] = [_avg(each) for each in zip(*pos_avg.values())]
        words[w] = pos_avg
    for w, by_pos2 in list(words.items()):
        if "JJ" in by_pos2:
            if w.endswith("y"):
                w = w[:-1] + "i"
            if w.endswith("le"):
                w = w[:-2]
            p, s, i = by_pos2["JJ"]
            entry = words.setdefault(w + "ly", {})
            entry["RB"] = entry[None] = (p, s, i)
    return {
        w: (p, s, i, "RB" in by_pos3, labels.get(w)) for w, by_pos3 in words.items() for p, s, i in (by_pos3[None],)
    }


@functools.cache
def _emoticon_polarity() -> dict[str, float]:
    """Lowered emoticon -> polarity, for the tokens pattern's emoticon test can reach at all."""
    table: dict[str, float] = {}
    for p, group in _EMOTICONS:
        for e in group:
            e = e.lower()
            if not e.isalpha() and len(e) <= 5 and e not in _PUNCTUATION:  # pattern's "speedup" test
                table.setdefault(e, p)
    return table


# --- scoring ---


def _has_alnum(w: str) -> bool:
    return any(ch.isalnum() for ch in w)


class _Phrase:
    """One assessment while the loop builds it (pattern's dict ``w, p, s, i, n, x``, plus token indexes)."""

    __slots__ = ("words", "at", "p", "s", "i", "n", "x")

    def __init__(self, w: str, k: int, p: float, s: float, i: float, x: str | None) -> None:
        self.words = [w]
        self.at = [k]
        self.p, self.s, self.i, self.n, self.x = p, s, i, 1, x


@functools.cache
def _watched() -> dict[str, LexEntry | None]:
    """Every word the assessment loop must look at: lexicon words (their entry) and, as ``None``,
    unknown words that still act: negations, "!", "(!)" and emoticons. Other words only end a
    pending negation or modifier."""
    table: dict[str, LexEntry | None] = dict.fromkeys([*_NEGATIONS, "!", "(!)", *_emoticon_polarity()])
    table.update(lexicon())
    return table


def _unknown_word(
    w: str, k: int, a: list[_Phrase], m: str | None, n: str | None, n_at: int
) -> tuple[str | None, str | None, int]:
    """Pattern's else-branch for word ``w`` (at ``k``), not in the lexicon: the new modifier, negation, its index."""
    if w in _NEGATIONS:
        n, n_at = w, k
    elif n and len(w.strip("'")) > 1:
        n = None
    if n is not None and m is not None and m.endswith("ly"):  # pattern's modifier()
        last = a[-1]
        last.words.append(n)
        last.at.append(n_at)
        last.n = -1
        n = None
    elif m and len(w) > 2:
        m = None
    return m, n, n_at


def assess(words: Sequence[str], starts: Sequence[int], ends: Sequence[int], lo: int = 0, hi: int = -1) -> Score:
    """``Sentiment.assessments`` and the means of ``Sentiment.__call__`` over ``words[lo:hi]`` (lowered tokens).

    Same branches, same arithmetic, in the same order as pattern. Words that
    are neither known nor special (most of them) change nothing unless a
    negation or a modifier is pending, so the loop visits only the watched
    words (found by ``map`` in C) and, while something is pending, the words
    between them.
    """
    return _assess(words, starts, ends, lo, hi)[0]


def _assess(
    words: Sequence[str], starts: Sequence[int], ends: Sequence[int], lo: int = 0, hi: int = -1
) -> tuple[Score, bool, bool]:
    """:func:`assess`, and whether the run is *closed* and whether it *opens with a "!"*.

    Closed: after the range's last word no negation or modifier is pending (the
    words after the last visited one are read as pattern would read them on
    its way to a next word), so words after ``hi`` would be read as if the
    range were not there. Opens with a "!": a "!" came before any phrase, which
    alone changes nothing but after other phrases would add to the last one.
    """
    watched = _watched()
    emo = _emoticon_polarity()
    negations = _NEGATIONS
    hi = len(words) if hi < 0 else hi
    visit = compress(range(lo, hi), map(watched.__contains__, words[lo:hi]))
    a: list[_Phrase] = []
    m: str | None = None  # preceding modifier (pattern keeps (word, pos); pos is always None here)
    n: str | None = None  # preceding negation
    n_at = -1
    prev = lo - 1
    opens_bang = False
    for k in visit:
        if m is not None or n is not None:
            for j in range(prev + 1, k):  # plain unknown words (a negation is watched, so never one of them)
                m, n, n_at = _unknown_word(words[j], j, a, m, n, n_at)
                if m is None and n is None:
                    break
        prev = k
        w = words[k]
        entry = watched[w]
        if entry is not None:
            p, s, i, is_mod, label = entry
            if m is None:
                last = _Phrase(w, k, p, s, i, label)
                a.append(last)
            else:
                last = a[-1]
                last.words.append(w)
                last.at.append(k)
                last.p = max(-1.0, min(p * last.i, +1.0))
                last.s = max(-1.0, min(s * last.i, +1.0))
                last.i = i
                last.x = label
            if n is not None:
                last.words.insert(0, n)
                last.at.insert(0, n_at)
                last.i = 1.0 / last.i
                last.n = -1
            m = w if is_mod else None
            n = None
            if w in negations:
                n, n_at = w, k
        else:
            m, n, n_at = _unknown_word(w, k, a, m, n, n_at)
            if w == "!":
                if a:
                    last = a[-1]
                    last.words.append("!")
                    last.at.append(k)
                    last.p = max(-1.0, min(last.p * 1.25, +1.0))
                else:
                    opens_bang = True
            if w == "(!)":
                a.append(_Phrase(w, k, 0.0, 1.0, 1.0, _IRONY))
            pe = emo.get(w)
            if pe is not None:
                a.append(_Phrase(w, k, pe, 1.0, 1.0, _MOOD))
    closed = _closes(words, prev + 1, hi, m, n)
    out = []
    sum_p: float = 0
    sum_s: float = 0
    for ph in a:
        p = ph.p * -0.5 if ph.n < 0 else ph.p  # "not good" = slightly bad, "not bad" = slightly good
        sum_p += p
        sum_s += ph.s
        if len(ph.at) == 1:
            k = ph.at[0]
            out.append(Assessment(ph.words, p, ph.s, ph.x, starts[k], ends[k]))
            continue
        at = [k for k, w in zip(ph.at, ph.words) if _has_alnum(w)] or ph.at
        out.append(Assessment(ph.words, p, ph.s, ph.x, min(starts[k] for k in at), max(ends[k] for k in at)))
    count = float(len(a) or 1)  # pattern's avg(): a sum from 0, in order, over float(n or 1)
    return Score(sum_p / count, sum_s / count, out), closed, opens_bang


def _closes(words: Sequence[str], j: int, hi: int, m: str | None, n: str | None) -> bool:
    """Whether the pending modifier ``m`` and negation ``n`` end within the unwatched words ``j:hi``
    as pattern reads them (:func:`_unknown_word`) without changing the last phrase."""
    while m is not None or n is not None:
        if j >= hi:
            return False
        w = words[j]
        j += 1
        if n and len(w.strip("'")) > 1:  # (w is no negation: negations are watched)
            n = None
        if n is not None and m is not None and m.endswith("ly"):
            return False  # pattern would add the negation to the last phrase
        if m and len(w) > 2:
            m = None
    return True


def _joined(parts: Sequence[Score]) -> Score:
    """The score of a text from its consecutive parts' scores (offsets into the text), as pattern sums them."""
    out = [x for part in parts for x in part.assessments]
    sum_p: float = 0
    sum_s: float = 0
    for x in out:
        sum_p += x.polarity
        sum_s += x.subjectivity
    count = float(len(out) or 1)
    return Score(sum_p / count, sum_s / count, out)


def sentiment(text: str) -> Score:
    """``textblob.en.sentiment(text)`` for a string, with each assessment's span in ``text``.

    >>> s = sentiment("It is not very good!")
    >>> s.polarity, [(a.words, a.start, a.end) for a in s.assessments]
    (-0.33653846153846145, [(['not', 'very', 'good', '!'], 6, 19)])
    """
    words, starts, ends = tokenize(text)
    return assess(list(map(str.lower, words)), starts, ends)


def score_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[Score]:
    """``sentiment(text[start:end])`` for each span, from one tokenization of ``text``.

    Offsets in the results are relative to each span's start, as if the span
    had been scored alone. Exact because a span that starts and ends next to
    whitespace (or the ends of the text) holds whole pieces of the text, which
    are cut the same way alone as in the text; and pattern's sentence rewrite
    (emoticons, "(!)") cannot change a span's tokens when it changes nothing
    in the whole text. Any other span is scored alone.

    The whole text's score, when the other spans are consecutive parts that
    cover all its tokens (an article and its sentences), is joined from theirs
    where pattern's loop carries nothing from one part into the next (see
    :func:`_assess`), instead of reading every word a second time.

    >>> text = "Good news. Bad news :("
    >>> [(s.polarity, s.assessments[0].start) for s in score_spans(text, [(0, 10), (11, 22)])]
    [(0.7, 0), (-0.7249999999999999, 0)]
    """
    spans = list(spans)
    words, starts, ends, rewritten = _tokens(text)
    lowered = list(map(str.lower, words))
    size = len(text)
    n_tokens = len(words)
    results: list[Score | None] = []
    parts: list[tuple[int, int, Score, bool]] = []  # (first token, end token, unshifted score, closed) per part
    joinable = True  # every aligned part so far closed, and none but the first opened with a "!" after a phrase
    any_phrase = False
    wholes: list[int] = []
    for start, end in spans:
        aligned = (
            not rewritten
            and 0 <= start <= end <= size
            and (start == 0 or start == size or text[start - 1].isspace() or text[start].isspace())
            and (end == size or end == 0 or text[end].isspace() or text[end - 1].isspace())
        )
        if not aligned:
            results.append(sentiment(text[start:end]))
            continue
        a, b = bisect_left(starts, start), bisect_left(starts, end)
        if a == 0 and b == n_tokens and (start, end) == (0, size) and size:
            wholes.append(len(results))  # scored last: from the parts if they cover the text
            results.append(None)
            continue
        score, closed, opens_bang = _assess(lowered, starts, ends, a, b)
        if joinable:
            if (parts and parts[-1][1] != a) or (opens_bang and any_phrase) or (parts and not parts[-1][3]):
                joinable = False
            else:
                parts.append((a, b, score, closed))
                any_phrase = any_phrase or bool(score.assessments)
        if start:  # (built directly: NamedTuple._replace is a Python-level function, several times slower)
            moved = [
                Assessment(x.words, x.polarity, x.subjectivity, x.label, x.start - start, x.end - start)
                for x in score.assessments
            ]
            score = Score(score.polarity, score.subjectivity, moved)
        results.append(score)
    if wholes:
        if joinable and parts and parts[0][0] == 0 and parts[-1][1] == n_tokens:
            whole = _joined([p[2] for p in parts])
        else:
            whole = assess(lowered, starts, ends, 0, n_tokens)
        for k in wholes:
            results[k] = whole
    return [r for r in results if r is not None]
