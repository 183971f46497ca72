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
import itertools
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from importlib import resources
from itertools import accumulate, compress
from operator import sub
from typing import NamedTuple
from xml.etree import ElementTree

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


# --- pattern's constants (textblob 0.20.1, textblob/_text.py), copied so no private module is imported ---

_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
_PUNCT = frozenset(_PUNCTUATION.replace(".", ""))  # split from either end of a token
_PUNCT_DOT = _PUNCT | {"."}
_ABBREVIATIONS = frozenset(
    (
        "a. adj. adv. al. a.m. c. cf. comp. conf. def. ed. e.g. esp. etc. ex. f. fig. gen. id. i.e. int. "
        "l. m. Med. Mil. Mr. n. n.q. orig. pl. pred. pres. p.m. ref. v. vs. w/"
    ).split()
)
_RE_ABBR1 = re.compile(r"^[A-Za-z]\.$")
_RE_ABBR2 = re.compile(r"^([A-Za-z]\.)+$")
_RE_ABBR3 = re.compile("^[A-Z][" + "|".join("bcdfghjklmnpqrstvwxz") + "]+.$")
_EMOTICONS: tuple[tuple[float, tuple[str, ...]], ...] = (
    (+1.00, ("<3", "♥")),
    (+1.00, (">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D", "XD", "xD", "8-D")),
    (+0.75, (">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)", ":o)", ":^)")),
    (+0.50, (">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3", "8)", "8-)")),
    (+0.25, (">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)")),
    (+0.05, (">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "°O°", "°o°")),
    (-0.25, (">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s", ":s", ":S", ":-S", ">.>")),
    (-0.75, (">:[", ":-(", ":(", "=(", ":-[", ":[", ":{", ":-<", ":c", ":-c", "=/")),
    (-1.00, (":'(", ":'''(", ";'(")),
)
_EOS = "END-OF-SENTENCE"
_NEGATIONS = frozenset(("no", "not", "n't", "never"))
_MOOD, _IRONY = "mood", "irony"

# pattern's rewrite of each sentence: "( ! )" -> "(!)", ": - )" -> ":-)" (followed by the end or a space)
_RE_SARCASM = re.compile(r"\( ?\! ?\)")
_RE_EMOTICONS = re.compile(
    "(" + "|".join(r" ?".join(re.escape(c) for c in e) for _, group in _EMOTICONS for e in group) + r")($|\s)"
)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, as a trie, so the engine follows one path instead of trying each."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return build(trie)


def _spaced_emoticons() -> list[str]:
    """Every emoticon (and "(!)") written with at least one space between its characters."""
    out = []
    for e in [e for _, group in _EMOTICONS for e in group] + ["(!)"]:
        for gaps in itertools.product(("", " "), repeat=len(e) - 1):
            if " " in gaps:
                out.append(e[0] + "".join(g + c for g, c in zip(gaps, e[1:])))
    return out


# The rewrite removes spaces only inside a match that has one, followed by the end or a space; so it
# changes nothing unless the space-joined tokens contain a spaced emoticon so followed.
_RE_SPACED = re.compile("(?:" + _trie_pattern(_spaced_emoticons()) + r")(?=\s|$)")

# Pieces of the text as pattern's find_tokens cuts it before splitting punctuation: every quote mark on
# its own, otherwise runs of non-space characters (each "n't" then also splits before its "n").
_QUOTES = "“”‘’'\""
# punctuation that find_tokens splits from the start or the end of a piece (quote marks are pieces already)
_PUNCT_LEAD = _PUNCT - set(_QUOTES)
_PUNCT_TRAIL = _PUNCT_DOT - set(_QUOTES)
_Q, _L, _T = (re.escape("".join(sorted(chars))) for chars in (_QUOTES, _PUNCT_LEAD, _PUNCT_TRAIL))
# lower-case abbreviations that find_tokens keeps whole before a final "." (the rest are caught by its regexes)
_LOWER_ABBR = "|".join(sorted({a[:-1] for a in _ABBREVIATIONS if re.fullmatch(r"[a-z]{2,}\.", a)}, reverse=True))
# Each match is a token with the whitespace before it; the usual splits are made here, in C:
#   a piece that neither starts nor ends with punctuation, whole (tried first: most are; a failure
#   costs a backtrack over that piece only); a piece's core before one final mark ("word," -> "word" ",");
#   a lower-case word before a final "." that cannot be an abbreviation ("said." -> "said" "."); that
#   mark; else a whole piece (split later, in Python) or a quote mark.
_RE_PIECE = re.compile(
    f"\\s*(?:"
    f"[^\\s{_Q}{_L}](?:[^\\s{_Q}]*[^\\s{_Q}{_T}])?(?![^\\s{_Q}])"
    f"|(?<![^\\s{_Q}])[^\\s{_Q}{_L}](?:[^\\s{_Q}]*[^\\s{_Q}{_T}])?(?=[{_L}](?![^\\s{_Q}]))"
    f"|(?<![^\\s{_Q}])(?!(?:{_LOWER_ABBR})\\.)[a-z][^\\s{_Q}.]*[^\\s{_Q}{_T}](?=\\.(?![^\\s{_Q}]))"
    f"|(?<=[^\\s{_Q}{_T}])[{_L}.](?![^\\s{_Q}])"
    f"|[^\\s{_Q}]+|[{_Q}])"
)
# a token still to split: longer than one character, and starting or ending with punctuation
_RE_SPLIT = re.compile(f"[{_L}].|.+[{_T}]\\Z", re.DOTALL)
_RE_PARAGRAPH = re.compile(r"(?:\r?\n){2,}")  # pattern's "\n{2,}" once "\r\n" is "\n"


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


# --- tokenizing ---


def _is_abbreviation(t: str) -> bool:
    return (
        t in _ABBREVIATIONS
        or _RE_ABBR1.match(t) is not None
        or _RE_ABBR2.match(t) is not None
        or _RE_ABBR3.match(t) is not None
    )


def _split_piece(t: str, at: int, words: list[str], starts: list[int], ends: list[int]) -> None:
    """Split leading and trailing punctuation from one piece, as ``find_tokens`` does."""
    while t and t[0] in _PUNCT:
        words.append(t[0])
        starts.append(at)
        ends.append(at + 1)
        t = t[1:]
        at += 1
    tail: list[tuple[str, int, int]] = []
    while t and t[-1] in _PUNCT_DOT:
        if t[-1] in _PUNCT:
            tail.append((t[-1], at + len(t) - 1, at + len(t)))
            t = t[:-1]
        if t.endswith("..."):
            tail.append(("...", at + len(t) - 3, at + len(t)))
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if _is_abbreviation(t):
                break
            tail.append((".", at + len(t) - 1, at + len(t)))
            t = t[:-1]
    if t:
        words.append(t)
        starts.append(at)
        ends.append(at + len(t))
    for w, s, e in reversed(tail):
        words.append(w)
        starts.append(s)
        ends.append(e)


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Pattern's tokens of ``text`` (before lowering), each with its ``[start, end)`` in ``text``.

    Equal to ``" ".join(find_tokens(text)).split()`` for every string.

    >>> tokenize("It isn't (Mr. Smith's) fault...")
    (['It', 'is', 'n', "'", 't', '(', 'Mr.', 'Smith', "'", 's', ')', 'fault', '...'], \
[0, 3, 5, 6, 7, 9, 10, 14, 19, 20, 21, 23, 28], [2, 5, 6, 7, 8, 10, 13, 19, 20, 21, 22, 28, 31])
    """
    return _tokens(text)[:3]


def _tokens(text: str) -> tuple[list[str], list[int], list[int], bool]:
    """``tokenize`` and whether pattern's sentence rewrite changed (or may have changed) the tokens.

    The pieces (each with the whitespace before it) come from one ``findall``;
    offsets, words and the pieces to split further (those that start or end
    with punctuation, or end in the "n" of an "n't") are found with ``map``
    over the lists, in C; only those few pieces are split in Python, as
    ``find_tokens`` splits them.
    """
    chunks = _RE_PIECE.findall(text)
    ends = list(accumulate(map(len, chunks)))
    words = list(map(str.lstrip, chunks))  # str.isspace is re's \s
    starts = list(map(sub, ends, map(len, words)))
    fix = set(compress(range(len(words)), map(_RE_SPLIT.match, words)))
    nt = set()  # pieces ending in the "n" of an "n't" (its quote mark starts the next piece)
    at = text.find("n't")
    while at >= 0:
        nt.add(bisect_right(starts, at) - 1)
        at = text.find("n't", at + 3)
    if fix or nt:
        words, starts, ends = _split_pieces(words, starts, ends, sorted(fix | nt), nt)
    if _EOS in text and _EOS in words:  # a literal "END-OF-SENTENCE" token ends a sentence and is dropped
        return (*_rewrite(text, words, starts, ends), True)
    if _RE_SPACED.search(" ".join(words)) is not None:
        return (*_rewrite(text, words, starts, ends), True)
    return words, starts, ends, False


def _split_pieces(
    words: list[str], starts: list[int], ends: list[int], fix: list[int], nt: set[int]
) -> tuple[list[str], list[int], list[int]]:
    """The tokens with pieces ``fix`` split: the "n" of "n't" from pieces ``nt``, then punctuation from both ends."""
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    lead, trail = _PUNCT, _PUNCT_DOT
    prev = 0
    for i in fix:
        out_w += words[prev:i]
        out_s += starts[prev:i]
        out_e += ends[prev:i]
        prev = i + 1
        t, at = words[i], starts[i]
        if i in nt:  # pattern's re.sub("n't", " n't")
            if len(t) > 1:
                _split_piece(t[:-1], at, out_w, out_s, out_e)
            out_w.append("n")
            out_s.append(ends[i] - 1)
            out_e.append(ends[i])
        elif len(t) > 2 and t[0] not in lead and t[-2] not in trail and (t[-1] != "." or not _is_abbreviation(t)):
            # the usual case, "word," or "word.": one mark off the end, and the loop would stop there
            out_w += (t[:-1], t[-1])
            out_s += (at, ends[i] - 1)
            out_e += (ends[i] - 1, ends[i])
        else:
            _split_piece(t, at, out_w, out_s, out_e)
    out_w += words[prev:]
    out_s += starts[prev:]
    out_e += ends[prev:]
    return out_w, out_s, out_e


def _sentences(tokens: list[str]) -> list[list[int]]:
    """``find_tokens``' sentence split, over token indexes (pattern's loop, unchanged)."""
    sentences: list[list[int]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in ("...", ".", "!", "?", _EOS):
            while j < len(tokens) and tokens[j] in ("'", '"', "”", "’", "...", ".", "!", "?", ")", _EOS):
                if tokens[j] in ("'", '"') and [tokens[k] for k in sentences[-1]].count(tokens[j]) % 2 == 0:
                    break
                j += 1
            sentences[-1].extend(k for k in range(i, j) if tokens[k] != _EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(range(i, min(j, len(tokens))))
    return [s for s in sentences if s]


def _rewrite(text: str, words: list[str], starts: list[int], ends: list[int]) -> tuple[list[str], list[int], list[int]]:
    """The exact route: pattern's sentences, with emoticons and "(!)" rejoined inside each."""
    # paragraph breaks are tokens for the sentence split (then dropped), as in find_tokens
    toks, st, en = [], [], []
    breaks = [m.start() for m in _RE_PARAGRAPH.finditer(text)]
    b = 0
    for w, s, e in zip(words, starts, ends):
        while b < len(breaks) and breaks[b] < s:
            toks.append(_EOS)
            st.append(breaks[b])
            en.append(breaks[b])
            b += 1
        toks.append(w)
        st.append(s)
        en.append(e)
    for at in breaks[b:]:
        toks.append(_EOS)
        st.append(at)
        en.append(at)
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for sent in _sentences(toks):
        joined = " ".join(toks[k] for k in sent)
        if " " in joined:
            rewritten = _RE_SARCASM.sub("(!)", joined)
            rewritten = _RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), rewritten)
        else:
            rewritten = joined
        k = 0
        for piece in rewritten.split(" "):  # each piece is whole tokens of the sentence, joined
            first = sent[k]
            n = len(toks[first])
            k += 1
            while n < len(piece):
                n += len(toks[sent[k]])
                k += 1
            out_w.append(piece)
            out_s.append(st[first])
            out_e.append(en[sent[k - 1]])
    return out_w, out_s, out_e


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
