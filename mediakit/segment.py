"""Offline segmentation: paragraphs, sentences and word tokens with offsets.

No NLTK corpus, model or download: rules written for news text.

* Sentences never end inside a double quotation that continues: the closing
  mark decides. Quote direction is read from context (a straight ``"`` after a
  space opens, before a space closes), so a quotation that opened in an
  earlier paragraph and closes in this one is still recognised.
* Single quotation marks (British style: ‘We will fight. We will win,’ he
  said) keep a sentence whole too where they pair: an opening mark at the
  start of a word, a closing one after the end of a word (apostrophes in
  "voters' anger", "rock 'n' roll", "'90s" do not pair).
* Abbreviations (U.S., Mr., Gen., Inc.), initials (J. R. R.), decimals (3.5),
  numbered items and ellipses do not end a sentence unless the next word shows
  a new sentence has begun.
* Everything is a single left-to-right pass with bounded regexes, so time is
  linear in the length of the text.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .article import PARAGRAPH_SEP, Article, Paragraph, Sentence, Token
from .errors import InputError

__all__ = [
    "split_paragraphs",
    "split_sentences",
    "tokenize",
    "find_quote_marks",
    "QuoteMark",
    "quoted_spans",
    "quoted_in_paragraphs",
    "as_text",
]

# Titles that precede a name: never the end of a sentence.
_TITLES = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep pres rev fr st
    hon messrs mme mlle sr jr supt insp det cpl pvt brig amb atty""".split()
)
# Abbreviations that usually sit mid-sentence but can end one.
_ABBREVS = frozenset(
    """inc ltd co corp plc llc bros dept univ assn est approx vs etc al e.g i.e a.m p.m
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig pp ft mt
    u.s u.k u.n e.u u.s.a d.c n.y l.a b.c a.d""".split()
)
# Words that, capitalised after an abbreviation, show a new sentence began.
_STARTERS = frozenset(
    """the a an he she it they we i you this that these those his her its their our but and
    so yet however meanwhile in on at after before when while if as there here what who
    why how officials police""".split()
)

_OPEN_DQ = "“„«"
_CLOSE_DQ = "”»"
_DQ = '"' + _OPEN_DQ + _CLOSE_DQ
_DQ_RE = re.compile("[" + re.escape(_DQ) + "]")

# Candidate boundary: terminal punctuation, closing quotes/brackets, then space.
# The lookbehind makes a run of stops ("?!?!…") a candidate only at its first
# character: tried at every one, a long run without a space is quadratic.
# Written as ``((?<![.!?])[.!?]+|…)`` it matches the same, but a pattern that opens with one
# character class lets the re module skip, in C, every character outside it (four times faster
# here): the first character is a stop or an ellipsis; an ellipsis stands alone; a stop must not
# follow another one (the lookbehind spans the stop and the character before it) and runs on.
_BOUNDARY = re.compile(r"""([.!?…](?:(?<=…)|(?<=[.!?])(?<![.!?].)[.!?]*))(['"’”»)\]]{0,3})(\s+)""")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]{0,12}))$")
_TOKEN_PARTS = (
    r"\d+(?:[.,:]\d+)*%?",  # numbers: 1,740  3.5  12:30  45%
    r"[^\W\d_]+(?:[.][^\W\d_])+\.?(?=\s|$|[,;:)])",  # dotted abbreviations: U.S.  e.g.
    r"\w+(?:[-'’]\w+)*",  # words, hyphenated words, contractions
    r"[^\w\s]",  # any other single symbol
)
# The same tokens, twice as fast where the re module has possessive quantifiers (Python 3.11+): giving
# back a letter or a digit can never let these patterns succeed (what follows a shorter run is another
# letter or digit, which no continuation accepts), so never backtracking changes no match; the dotted
# abbreviation no longer retries every shorter run of letters of every plain word.
_TOKEN_FAST = (
    r"\d++(?:[.,:]\d+)*+%?",
    r"[^\W\d_]++(?:[.][^\W\d_])++\.?(?=\s|$|[,;:)])",
    r"\w++(?:[-'’]\w+)*+",
    r"[^\w\s]",
)
_TOKEN = re.compile("|".join(_TOKEN_FAST if sys.version_info >= (3, 11) else _TOKEN_PARTS), re.UNICODE)


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """A double quotation mark and whether it opens or closes a quotation."""

    pos: int
    char: str
    kind: Literal["open", "close"]


def as_text(text_or_article: str | Article) -> str:
    """The text to analyse: a string as given, or an article's canonical text."""
    if isinstance(text_or_article, Article):
        return text_or_article.text
    if isinstance(text_or_article, str):
        return text_or_article
    raise InputError(f"expected a str or an Article, not {type(text_or_article).__name__}")


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Classify every double quotation mark in ``text`` as opening or closing.

    Curly marks say so themselves. A straight ``"`` opens when it follows the
    start, a space or an opening bracket/dash and is followed by a non-space;
    otherwise it closes. Ambiguous marks alternate with the previous one.

    >>> [(m.pos, m.kind) for m in find_quote_marks('He said "no," and left.')]
    [(8, 'open'), (12, 'close')]
    """
    return [QuoteMark(i, ch, kind) for i, ch, kind in _mark_kinds(text)]  # type: ignore[arg-type]


def _mark_kinds(text: str) -> list[tuple[int, str, str]]:
    """:func:`find_quote_marks` as plain ``(pos, char, kind)`` tuples: sentence splitting asks per paragraph."""
    marks: list[tuple[int, str, str]] = []
    last_kind: str = "close"
    n = len(text)
    for m in _DQ_RE.finditer(text):  # only the marks: no Python loop over every character
        i = m.start()
        ch = m.group()
        if ch in _OPEN_DQ:
            kind = "open"
        elif ch in _CLOSE_DQ:
            kind = "close"
        else:
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < n else " "
            left_open = before.isspace() or before in "([{—–-/:;" or i == 0
            right_open = after.isspace() or after in ".,;:!?)]}—–" or i + 1 == n
            if left_open and not right_open:
                kind = "open"
            elif right_open and not left_open:
                kind = "close"
            else:
                kind = "close" if last_kind == "open" else "open"
        marks.append((i, ch, kind))
        last_kind = kind
    return marks


_SINGLE_MARK = re.compile("['‘’]")
#: Words written with a leading apostrophe ("rock 'n' roll", "'em", "'til"): not an opening mark.
_WORD_AFTER = re.compile(r"\w+(?:['’-]\w+)*")
_ELIDED = frozenset("n em til tis twas cause bout round cos s d ll re ve m t".split())  # also a split contraction


def _single_quoted(text: str, start: int, end: int, *, unclosed: bool = False) -> list[tuple[int, int]]:
    """Pairs of single marks in ``text[start:end]`` that quote (not apostrophes): (open, close) offsets.

    An opening mark (' or ‘) stands at the start of a word: after a space, an opening bracket, a dash
    or the start, before a letter ("'90s", "rock 'n' roll", "'em" are no quotes). A closing mark (' or
    ’) stands after the last character of a word: after punctuation ("...,' he said"), or after a
    letter and before a space or punctuation, but a plural possessive ("voters' rights") is only taken
    as the close when no close after punctuation ("...,' he said") follows before the next opening mark. With ``unclosed``, an opening ‘ (or an opening mark at
    the start of the paragraph) never closed runs to ``end`` (its close is ``end``): a quotation that
    goes on in the next paragraph.
    """
    opens: list[int] = []
    closes: list[tuple[int, bool]] = []  # offset, weak (a possessive-like "s'" before a word)
    for m in _SINGLE_MARK.finditer(text, start, end):  # only the marks: no Python loop over every character
        i = m.start()
        ch = m.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in "'‘" and (before.isspace() or before in "([{“\"—–-,:;") and after.isalpha():
            word = _WORD_AFTER.match(text, i + 1, end)
            if not (word and word.group().lower() in _ELIDED):
                opens.append(i)
            continue
        if ch in "'’" and not before.isspace() and not after.isalnum():
            weak = before in "sS" and after.isspace() and text[i + 2 : i + 3].isalnum()
            closes.append((i, weak))
    out: list[tuple[int, int]] = []
    ci = 0
    oi = 0
    while oi < len(opens):
        o = opens[oi]
        while ci < len(closes) and closes[ci][0] < o:
            ci += 1
        nxt_open = opens[oi + 1] if oi + 1 < len(opens) else end
        # the first close after the opening mark, passing over a weak one when another follows
        k = ci
        while k + 1 < len(closes) and closes[k][1] and closes[k + 1][0] < nxt_open and text[closes[k + 1][0] - 1] in ".,!?;:…":
            k += 1
        if k < len(closes) and text[o + 1 : closes[k][0]].strip():
            c = closes[k][0]
            if c - o > 2:
                out.append((o, c))
            ci = k + 1
            while oi < len(opens) and opens[oi] < c:
                oi += 1
            continue
        if unclosed and (text[o] == "‘" or not text[start:o].strip()) and len(_WORD_AFTER.findall(text, o + 1, end)) >= 2:
            out.append((o, end))
        break
    return out


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` inside a double quotation, as (open mark, close mark) offsets.

    A closing mark with no opening one before it closes a quotation opened
    before ``start`` (span starts at ``start``); an opening mark never closed
    runs to ``end``. Call it per paragraph for paragraph-aware results.

    >>> quoted_spans('He said "no" and "yes".')
    [(8, 11), (17, 21)]
    """
    end = len(text) if end is None else end
    return list(_quoted_intervals(text, start, end))


def quoted_in_paragraphs(text_or_article: str | Article) -> list[tuple[int, int]]:
    """:func:`quoted_spans` of every paragraph, in text order: a quotation never runs past its paragraph.

    >>> quoted_in_paragraphs('He said "no.\\n\\nShe said "yes."')
    [(8, 12), (23, 28)]
    """
    text = as_text(text_or_article)
    return [span for p in split_paragraphs(text_or_article) for span in quoted_spans(text, p.start, p.end)]


@functools.lru_cache(maxsize=256)
def _quoted_intervals(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Intervals of ``text[start:end]`` that lie inside a double quotation.

    Remembered for the last few hundred ranges: sentence splitting, tone, actors and figures each
    ask for every paragraph of the same text.
    """
    intervals: list[tuple[int, int]] = []
    open_at: int | None = None
    seen_any = False
    for rel, _, kind in _mark_kinds(text[start:end]):
        pos = start + rel
        if kind == "open":
            if open_at is None:
                open_at = pos
        else:
            if open_at is not None:
                intervals.append((open_at, pos))
                open_at = None
            elif not seen_any:
                # closes a quotation opened before this paragraph
                intervals.append((start, pos))
        seen_any = True
    if open_at is not None:
        intervals.append((open_at, end))  # continues past this paragraph
    return tuple(intervals)


def split_paragraphs(text_or_article: str | Article) -> list[Paragraph]:
    """Paragraphs with offsets: an article's parts, or blank-line blocks of a string.

    >>> [(p.start, p.end, p.text) for p in split_paragraphs("One.\\n\\n  Two.\\n")]
    [(0, 4, 'One.'), (8, 12, 'Two.')]
    """
    if isinstance(text_or_article, Article):
        return list(text_or_article.parts)
    text = as_text(text_or_article)
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t\r]*\n)[^\n]*)*", text):
        block = m.group()
        lead = len(block) - len(block.lstrip())
        stripped = block.strip()
        if not stripped:
            continue
        s = m.start() + lead
        out.append(Paragraph(len(out), "body", s, s + len(stripped), stripped))
    return out


_OPENERS_AFTER = _DQ + "'‘(["  # marks a new sentence may open with


def _is_boundary(text: str, punct_start: int, punct: str, next_pos: int, para_end: int) -> bool:
    """Decide whether the candidate after ``punct`` really ends a sentence."""
    if next_pos >= para_end:
        return True
    nxt = text[next_pos]
    if nxt.islower() and punct != "?" and punct != "!":
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS_AFTER):
        return False
    if punct == ".":
        m = _WORD_BEFORE.search(text, max(0, punct_start - 14), punct_start)
        if m:
            word = m.group(1)
            low = word.lower().rstrip(".")
            if low in _TITLES:
                return False
            if len(word) == 1 and word.isupper():
                return False  # an initial: "J. Smith"
            if low in _ABBREVS or "." in word:
                nxt_word = re.match(r"[\"'‘“]?([A-Za-z]+)", text[next_pos : next_pos + 20])
                return bool(nxt_word and nxt_word.group(1).lower() in _STARTERS)
        # "No. 5", "p. 12": a number after an abbreviation handled above
    return True


def split_sentences(text_or_article: str | Article) -> list[Sentence]:
    """Sentences with offsets into the text (an article's canonical text).

    >>> [s.text for s in split_sentences('Mr. Smith said "I am here. Now." Then he left.')]
    ['Mr. Smith said "I am here. Now."', 'Then he left.']
    >>> [s.text for s in split_sentences("Growth was 3.5 percent in the U.S. The Fed said so.")]
    ['Growth was 3.5 percent in the U.S.', 'The Fed said so.']
    """
    text = as_text(text_or_article)
    bounds = tuple((p.index, p.start, p.end) for p in split_paragraphs(text_or_article))
    return list(_split_sentences(text, bounds))


@functools.lru_cache(maxsize=128)
def _split_sentences(text: str, paragraphs: tuple[tuple[int, int, int], ...]) -> tuple[Sentence, ...]:
    """Sentences of ``text`` within the given paragraphs, cached: every framing module asks for them."""
    out: list[Sentence] = []
    for index, para_start, para_end in paragraphs:
        quoted: Sequence[tuple[int, int]] = _quoted_intervals(text, para_start, para_end)
        if text.find("'", para_start, para_end) >= 0 or text.find("‘", para_start, para_end) >= 0:
            # single quotation marks ('We will fight. We will win,' he said): closed pairs only
            # (a pair that crosses a double quotation's mark pairs apostrophes: left out)
            singles = [(a, b) for a, b in _single_quoted(text, para_start, para_end)
                       if not any(x < a < y < b or a < x < b < y for x, y in quoted)]
            quoted = sorted([*quoted, *singles])
        qi = 0
        sent_start = para_start
        for m in _BOUNDARY.finditer(text, para_start, para_end):
            cut = m.end(2)  # after terminal punctuation and closing marks
            while qi < len(quoted) and quoted[qi][1] < cut - 1:
                qi += 1
            inside = qi < len(quoted) and quoted[qi][0] < cut - 1 < quoted[qi][1]
            if inside:
                continue
            if not _is_boundary(text, m.start(1), m.group(1), m.end(3), para_end):
                continue
            _add_sentence(out, text, index, sent_start, cut)
            sent_start = m.end(3)
        if sent_start < para_end:
            _add_sentence(out, text, index, sent_start, para_end)
    return tuple(out)


def _add_sentence(out: list[Sentence], text: str, paragraph: int, start: int, end: int) -> None:
    """Append ``text[start:end]`` without its surrounding whitespace, if anything is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    out.append(Sentence(len(out), paragraph, start, end, stripped))


def tokenize(text: str, *, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``, offsets into ``text``.

    >>> [t.text for t in tokenize("U.S. troops didn't fire 1,740 rounds.")]
    ['U.S.', 'troops', "didn't", 'fire', '1,740', 'rounds', '.']
    """
    if not isinstance(text, str):
        raise InputError(f"expected a str, not {type(text).__name__}")
    stop = len(text) if end is None else end
    return list(_tokenize(text, start, stop))


_START = operator.attrgetter("start")


@functools.lru_cache(maxsize=512)
def _tokenize(text: str, start: int, stop: int) -> tuple[Token, ...]:
    """Tokens of one range, cached: tone, figures and quotes tokenize the same sentences (Tokens are frozen).

    A range with whitespace (or the text's edge) on both sides, such as a
    sentence, is a slice of the whole text's tokens, which are found once: no
    token holds whitespace, and whitespace after the range ends every pattern
    exactly as the range's end does, so the slice is what tokenizing the range
    alone gives. Actors, tone and figures then share one pass over the text.
    """
    n = len(text)
    if (
        0 <= start <= stop <= n
        and (start, stop) != (0, n)
        and (start == 0 or text[start - 1].isspace())
        and (stop == n or text[stop].isspace())
    ):
        whole = _tokenize(text, 0, n)
        return whole[bisect.bisect_left(whole, start, key=_START) : bisect.bisect_left(whole, stop, key=_START)]
    return tuple([Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)])


def join_paragraphs(paragraphs: list[str]) -> str:
    return PARAGRAPH_SEP.join(paragraphs)
