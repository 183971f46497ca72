"""Pattern's tokenizer (``find_tokens``) for :mod:`mediakit._pattern`: tokens with offsets, and pattern's constants.

Split from :mod:`mediakit._pattern` (which re-exports what it uses); see that
module's docstring for how the tokens are found and why they are equal to
TextBlob's.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from itertools import accumulate, compress
from operator import sub

from .lexicon import trie_pattern

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
_RE_SPACED = re.compile("(?:" + trie_pattern(_spaced_emoticons()) + r")(?=\s|$)")

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
