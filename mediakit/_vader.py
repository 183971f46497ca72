"""VADER's ``polarity_scores``, exactly, from one tokenisation, with each lexicon word's offsets.

vaderSentiment 3.3.2 lower-cases its whole word list once per sentiment word,
rebuilds seven n-gram strings for most of them and scans the text again for
the "but" rule; mediakit runs it on every article and every sentence. This
module gives the same four numbers (float-equal: ``benchmarks/check_vader.py``
and ``tests/test_vader.py`` compare them with VADER's own) from one split of
the text: each word is stripped, lower-cased and looked up once, and each rule
reads only the few neighbouring words it names.

What is VADER's own and read from the installed package, so it cannot drift:
the lexicon and emoji descriptions (loaded from its files by its own
analyser, once), the module constants (``BOOSTER_DICT``, ``NEGATE``,
``SPECIAL_CASES``, ``N_SCALAR``, ``C_INCR``, ``normalize``) and the "!"/"?"
emphasis amounts (a table filled by calling VADER's own method on "!!??"
strings). What is re-implemented: the rules' control flow, mirroring version
3.3.2 line by line (comments name VADER's function). With any other version,
or if a built-in self-check against VADER fails, :func:`vader_scorer`
returns ``None`` and callers keep using VADER's own code.

``score_spans`` scores many sentences of one text from the text's single
tokenisation: a sentence whose ends fall on whitespace has exactly the words
the text has there, so its numbers are VADER's on ``text[start:end]``; any
other span is scored on its own.

The text's split into words with offsets, :class:`Hit` and mediakit's evidence
rule (:func:`scan_evidence`) live in :mod:`mediakit._vader_tokens`; they are
re-exported here.
"""

from __future__ import annotations

import functools
import math
import string
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from typing import Any, NamedTuple

from ._vader_tokens import EVIDENCE_STRIP, Hit, _at_gap, _Tokens, _tokens, scan_evidence

__all__ = ["MIRRORED_VERSION", "EVIDENCE_STRIP", "Hit", "VaderScores", "VaderScorer", "vader_scorer", "scan_evidence"]

#: The vaderSentiment release whose rules this module mirrors.
MIRRORED_VERSION = "3.3.2"

#: What VADER strips from each end of a word (``SentiText._strip_punc_if_word``).
_VADER_PUNCT = string.punctuation

_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")


class VaderScores(NamedTuple):
    """VADER's four numbers (as ``polarity_scores`` rounds them) and the lexicon words found."""

    compound: float
    pos: float
    neu: float
    neg: float
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class _Words:
    """One text's words, as VADER sees them: stripped and lower-cased; its tokens; lexicon positions."""

    lower: list[str]
    toks: list[str]  # the tokens as written: a word is ALL CAPS exactly when its token is
    in_lexicon: list[int]  # positions whose lower-cased word is in the lexicon, ascending
    buts: list[int]  # positions of the word "but", ascending


@dataclass(frozen=True, slots=True)
class _Evidence:
    """One text's evidence words: token positions, the stripped word, its valence and its offsets."""

    tokens: list[int]
    words: list[str]
    valences: list[float]
    starts: list[int]


class VaderScorer:
    """VADER's analysis with its lexicon and constants loaded once; see the module docstring."""

    def __init__(self, lexicon: Mapping[str, float], emojis: Mapping[str, str], module: Any,
                 emphasis: Callable[[str], float]) -> None:
        self._lexicon = dict(lexicon)
        self._emojis = {k: v for k, v in emojis.items() if len(k) == 1}  # VADER looks up one character at a time
        self._emoji_chars = frozenset(self._emojis)
        self._ascii_emoji = any(ch.isascii() for ch in self._emojis)
        self._booster: dict[str, float] = dict(module.BOOSTER_DICT)
        self._negate = frozenset(module.NEGATE)
        self._special: dict[str, float] = dict(module.SPECIAL_CASES)
        self._n_scalar: float = module.N_SCALAR
        self._c_incr: float = module.C_INCR
        self._normalize: Callable[[float], float] = module.normalize
        # the multi-word idioms and booster phrases, by first word: the set of their second words
        self._ngram_next: dict[str, frozenset[str]] = {}
        for key in (*self._special, *self._booster):
            first, _, rest = key.partition(" ")
            if rest:
                self._ngram_next[first] = self._ngram_next.get(first, frozenset()) | {rest.split(" ")[0]}
        # words that change a following lexicon word's valence ("n't" words too, tested apart)
        self._modifiers = self._negate | self._booster.keys() | {"no", "so", "this", "least"}
        # VADER's "!" amount counts up to 4 marks and its "?" amount is flat from 4: a 5 x 5 table covers all
        self._emphasis = tuple(tuple(emphasis("!" * e + "?" * q) for q in range(5)) for e in range(5))

    # -- public ---------------------------------------------------------------------------------

    def score(self, text: str) -> VaderScores:
        """VADER's ``polarity_scores(text)`` and the text's lexicon words.

        >>> scorer = vader_scorer()
        >>> scores = scorer.score("The food was not bad at all!")
        >>> scores[:4], [(h.word, h.start, h.valence) for h in scores.hits]
        ((0.484, 0.344, 0.656, 0.0), [('bad', 17, -2.5)])
        """
        tokens = _tokens(text)
        vtext = self._without_emoji(text)
        if vtext is None:  # VADER's words are the text's own
            words = self._words(tokens)
            vtext = text
        else:
            words = self._words(_Tokens(vtext.split(), [], None))
        compound, pos, neu, neg = self._score_range(
            words, 0, len(words.lower), vtext.count("!"), vtext.count("?")
        )
        ev = self._evidence(tokens)
        hits = tuple(Hit(w, s, s + len(w), v) for w, s, v in zip(ev.words, ev.starts, ev.valences, strict=True))
        return VaderScores(compound, pos, neu, neg, hits)

    def score_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[VaderScores]:
        """``score(text[start:end])`` for each span, from one tokenisation of ``text``.

        Hit offsets are into ``text[start:end]``, as ``score`` on that string
        gives them. A span whose ends cut a word, or a text with emoji, is
        scored on its own.
        """
        if not spans:
            return []
        if self._without_emoji(text) is not None:
            return [self.score(text[s:e]) for s, e in spans]
        tokens = _tokens(text)
        words = self._words(tokens)
        ev = self._evidence(tokens)
        starts = tokens.starts
        out: list[VaderScores] = []
        n_text = len(text)
        for start, end in spans:
            if not (0 <= start <= end <= n_text and _at_gap(text, start) and _at_gap(text, end)):
                out.append(self.score(text[start:end]))
                continue
            a, b = bisect_left(starts, start), bisect_left(starts, end)  # the tokens inside the span
            compound, pos, neu, neg = self._score_range(
                words, a, b, text.count("!", start, end), text.count("?", start, end)
            )
            lo, hi = bisect_left(ev.tokens, a), bisect_left(ev.tokens, b)
            hits = tuple(
                Hit(w, s - start, s - start + len(w), v)
                for w, s, v in zip(ev.words[lo:hi], ev.starts[lo:hi], ev.valences[lo:hi], strict=True)
            )
            out.append(VaderScores(compound, pos, neu, neg, hits))
        return out

    # -- tokenising --------------------------------------------------------------------------------

    def _without_emoji(self, text: str) -> str | None:
        """VADER's emoji replacement (``polarity_scores``' first loop), or None when the text has no emoji.

        VADER walks the text a character at a time and puts each emoji's
        description in its place, after a space unless the character before
        it was a plain space (or it opens the text); then strips the result.
        """
        if (text.isascii() and not self._ascii_emoji) or self._emoji_chars.isdisjoint(text):
            return None
        emojis = self._emojis
        out: list[str] = []
        prev = " "  # VADER's prev_space starts True
        for ch in text:
            description = emojis.get(ch)
            if description is None:
                out.append(ch)
            else:
                if prev != " ":
                    out.append(" ")
                out.append(description)
            prev = ch
        return "".join(out).strip()

    def _words(self, tokens: _Tokens) -> _Words:
        """VADER's word list (``SentiText._words_and_emoticons``), lower-cased once, with flags.

        VADER strips ``string.punctuation`` from each end of a token, unless
        that leaves two characters or fewer (an emoticon): then the token stays
        whole. For ASCII text, stripping the lower-cased token is the same as
        lower-casing the stripped one; otherwise each word is lower-cased as
        VADER does it. A word is ALL CAPS exactly when its token is: the
        stripped characters have no case.
        """
        src = tokens.toks if tokens.lower is None else tokens.lower
        # a token that stripping leaves with 2 characters or fewer stays whole
        stripped = [s if len(s) > 2 else t for s, t in zip(map(str.strip, src, repeat(_VADER_PUNCT)), src)]
        lower = stripped if tokens.lower is not None else list(map(str.lower, stripped))
        return _Words(
            lower,
            tokens.toks,
            list(compress(count(), map(self._lexicon.__contains__, lower))),
            list(compress(count(), map("but".__eq__, lower))) if "but" in lower else [],
        )

    def _evidence(self, tokens: _Tokens) -> _Evidence:
        """Each whitespace token whose core (``EVIDENCE_STRIP`` removed) is a lexicon word, with its offsets."""
        toks = tokens.toks
        lowered = (
            list(map(str.lower, map(str.strip, toks, repeat(EVIDENCE_STRIP))))
            if tokens.lower is None
            else list(map(str.strip, tokens.lower, repeat(EVIDENCE_STRIP)))
        )
        ks = list(compress(count(), map(self._lexicon.__contains__, lowered)))
        lex = self._lexicon
        words = [toks[k].strip(EVIDENCE_STRIP) for k in ks]
        starts = tokens.starts
        return _Evidence(
            ks,
            words,
            [float(lex[lowered[k]]) for k in ks],
            [starts[k] + toks[k].find(w) for k, w in zip(ks, words, strict=True)],
        )

    # -- scoring -----------------------------------------------------------------------------------

    def _score_range(
        self, words: _Words, a: int, b: int, n_excl: int, n_quest: int
    ) -> tuple[float, float, float, float]:
        """VADER's (compound, pos, neu, neg) for the words ``a:b`` as a text of their own."""
        n = b - a
        if n == 0:  # score_valence: no words at all
            return (0.0, 0.0, 0.0, 0.0)
        toks = words.toks
        span = toks[a:b]
        # allcap_differential: some words are ALL CAPS, some are not
        cap_diff = any(map(str.isupper, span)) and not all(map(str.isupper, span))
        lw = words.lower
        lex = words.in_lexicon
        positions: list[int] = []
        values: list[float] = []
        lexicon = self._lexicon
        mods = self._modifiers
        ngram_next = self._ngram_next
        c_incr = self._c_incr
        for i in lex[bisect_left(lex, a) : bisect_left(lex, b)]:
            # No modifier in the three words before, no "no" here and no idiom or booster phrase
            # starting at i-3 .. i: every rule of sentiment_valence leaves the lexicon valence
            # as it is, but for ALL CAPS.
            item = lw[i]
            k = i - a
            plain = item != "no" and item not in mods  # a booster word is scored 0 (none is in the lexicon)
            if plain and k > 0:
                w = lw[i - 1]
                plain = w not in mods and "n't" not in w
                if plain and k > 1:
                    w = lw[i - 2]
                    plain = w not in mods and "n't" not in w
                    if plain and k > 2:
                        w = lw[i - 3]
                        plain = w not in mods and "n't" not in w
            if plain:
                for p in range(max(a, i - 3), min(i + 1, b - 1)):
                    nxt = ngram_next.get(lw[p])
                    if nxt is not None and lw[p + 1] in nxt:
                        plain = False
                        break
            if plain:
                v = lexicon[item]
                if cap_diff and toks[i].isupper():
                    v = v + c_incr if v > 0 else v - c_incr
            else:
                full = self._valence(lw, toks, a, b, i, cap_diff)
                if full is None:
                    continue
                v = full
            positions.append(i)
            values.append(v)
        buts = words.buts
        if buts:
            first_but = bisect_left(buts, a)
            if first_but < len(buts) and buts[first_but] < b:
                _but_check(positions, values, buts[first_but])
        return self._score_valence(values, n, n_excl, n_quest)

    def _valence(self, lw: list[str], toks: list[str], a: int, b: int, i: int, cap_diff: bool) -> float | None:
        """``polarity_scores``' loop body and ``sentiment_valence`` for the lexicon word at ``i``.

        ``None`` where VADER appends a plain 0 (boosters, "kind of").
        """
        item = lw[i]
        if item in self._booster:
            return None
        if i < b - 1 and item == "kind" and lw[i + 1] == "of":
            return None
        lexicon = self._lexicon
        n_scalar = self._n_scalar
        k = i - a  # position in the scored text
        valence = lexicon[item]
        if item == "no" and i != b - 1 and lw[i + 1] in lexicon:
            valence = 0.0
        if (
            (k > 0 and lw[i - 1] == "no")
            or (k > 1 and lw[i - 2] == "no")
            or (k > 2 and lw[i - 3] == "no" and lw[i - 1] in _OR_NOR)
        ):
            valence = lexicon[item] * n_scalar
        if toks[i].isupper() and cap_diff:
            if valence > 0:
                valence += self._c_incr
            else:
                valence -= self._c_incr
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if k > start_i and lw[j] not in lexicon:
                s = self._scalar_inc_dec(lw[j], toks[j].isupper(), valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, lw, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, lw, i, b)
        # _least_check
        if k > 1 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
            if lw[i - 2] != "at" and lw[i - 2] != "very":
                valence = valence * n_scalar
        elif k > 0 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
            valence = valence * n_scalar
        return valence

    def _scalar_inc_dec(self, word_lower: str, is_upper: bool, valence: float, cap_diff: bool) -> float:
        """VADER's ``scalar_inc_dec``."""
        scalar = 0.0
        if word_lower in self._booster:
            scalar = self._booster[word_lower]
            if valence < 0:
                scalar *= -1
            if is_upper and cap_diff:
                if valence > 0:
                    scalar += self._c_incr
                else:
                    scalar -= self._c_incr
        return scalar

    def _negated(self, word_lower: str) -> bool:
        """VADER's ``negated([word])`` (it lower-cases once more; lower() is idempotent, so kept literal)."""
        w = word_lower.lower()
        return w in self._negate or "n't" in w

    def _negation_check(self, valence: float, lw: list[str], start_i: int, i: int) -> float:
        """VADER's ``_negation_check`` (callers guarantee ``i - start_i - 1`` is in the scored text)."""
        if start_i == 0:
            if self._negated(lw[i - 1]):
                valence = valence * self._n_scalar
        elif start_i == 1:
            if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
                valence = valence * 1.25
            elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
                pass
            elif self._negated(lw[i - 2]):
                valence = valence * self._n_scalar
        else:
            if (lw[i - 3] == "never" and lw[i - 2] in _SO_THIS) or lw[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
                pass
            elif self._negated(lw[i - 3]):
                valence = valence * self._n_scalar
        return valence

    def _special_idioms_check(self, valence: float, lw: list[str], i: int, b: int) -> float:
        """VADER's ``_special_idioms_check`` for words ``i-3 .. i+2`` (the text's words end at ``b``).

        Every n-gram VADER builds starts with one of words ``i-3 .. i``; an
        n-gram can match only if its first word starts some idiom or booster
        phrase, so when none of those four does, nothing can change.
        """
        first = self._ngram_next
        if not (lw[i - 3] in first or lw[i - 2] in first or lw[i - 1] in first or lw[i] in first):
            return valence
        special = self._special
        onezero = f"{lw[i - 1]} {lw[i]}"
        twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
        twoone = f"{lw[i - 2]} {lw[i - 1]}"
        threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
        threetwo = f"{lw[i - 3]} {lw[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if b - 1 > i:
            zeroone = f"{lw[i]} {lw[i + 1]}"
            if zeroone in special:
                valence = special[zeroone]
        if b - 1 > i + 1:
            zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in self._booster:
                valence = valence + self._booster[n_gram]
        return valence

    def _score_valence(
        self, values: list[float], n: int, n_excl: int, n_quest: int
    ) -> tuple[float, float, float, float]:
        """VADER's ``score_valence`` given the non-plain-zero valences of ``n`` words, in text order.

        The words VADER scores as a plain 0 add nothing to the sums (x + 0 is
        x) and count as neutral, so they are counted, not listed.
        """
        sum_s = float(sum(values))
        punct_emph_amplifier = self._emphasis[min(n_excl, 4)][min(n_quest, 4)]
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = self._normalize(sum_s)
        # _sift_sentiment_scores
        pos_sum = 0.0
        neg_sum = 0.0
        n_nonzero = 0
        for sentiment_score in values:
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1
                n_nonzero += 1
            elif sentiment_score < 0:
                neg_sum += float(sentiment_score) - 1
                n_nonzero += 1
        neu_count = n - n_nonzero
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
        return (round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3))


def _but_check(positions: list[int], values: list[float], bi: int) -> None:
    """VADER's ``_but_check``, in place, on the valences that are not plain zeros.

    VADER walks its whole list and, for each value, rescales the *first*
    entry equal to it (``list.index``), halving before "but" and adding half
    after. A zero rescaled stays zero, so only non-zero values matter, and
    the first entry equal to a non-zero value is the first such listed here.
    """
    for k in range(len(values)):
        v = values[k]
        if v == 0:
            continue
        si = values.index(v)
        if positions[si] < bi:
            values[si] = v * 0.5
        elif positions[si] > bi:
            values[si] = v * 1.5


#: Texts VADER itself scores when the scorer is built: any difference from it disables the scorer.
_SELF_CHECK = (
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Without a doubt, an excellent idea. No problems, no worries or fears???",
    "It isn't a horrible book, it is kind of good. Yeah right, the kiss of death.",
)


@functools.cache
def vader_scorer() -> VaderScorer | None:
    """The shared :class:`VaderScorer`, or ``None`` when the installed vaderSentiment is not the mirrored one.

    ``None`` means: use ``SentimentIntensityAnalyzer`` itself (same numbers,
    slower). That happens for a vaderSentiment release other than
    :data:`MIRRORED_VERSION` or when the scorer disagrees with VADER on
    :data:`_SELF_CHECK`.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        if version("vaderSentiment") != MIRRORED_VERSION:
            return None
        import vaderSentiment.vaderSentiment as vs
    except (ImportError, PackageNotFoundError):
        return None
    analyzer = vs.SentimentIntensityAnalyzer()
    emphasis = getattr(analyzer, "_punctuation_emphasis", None)
    if emphasis is None:
        return None
    scorer = VaderScorer(analyzer.lexicon, analyzer.emojis, vs, emphasis)
    for text in _SELF_CHECK:
        own = analyzer.polarity_scores(text)
        if scorer.score(text)[:4] != (own["compound"], own["pos"], own["neu"], own["neg"]):
            return None
    return scorer
