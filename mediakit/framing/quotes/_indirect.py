"""Reported speech without quotation marks: "X said (that) ...", "..., a spokesperson said.", "according to X"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from ...article import Sentence
from ...segment import tokenize
from ._asks import (
    _CALL,
    _CONTRACTED,
    _PHRASES,
    _call_content,
    _nominal_source,
    _opening_asked,
    _phrase_that,
    _question_after,
)
from ._clauses import _clause_end, _opens_subordinate
from ._lexicon import (
    _ADJUNCT_START,
    _CLAUSE_DETS,
    _LY_NOUNS,
    _NOT_AFTER_SUBJECT,
    _NOUN_DETS,
    _PREPS,
    _PRONOUNS,
    _SUBJECT_PRONOUNS,
    _WORD,
    _is_word,
    _lemma_is,
    _name_part,
    _words,
)
from ._marks import _rstrip
from ._model import _Q, _Ctx, _Tok
from ._phrases import _attach, _cue_span, _first_subject, _is_abbrev, _np_forward, _subject, _verb_chain


def _indirect(ctx: _Ctx, quoted: list[tuple[int, int]], cue_starts: set[int]) -> list[_Q]:
    """Reported speech without quotation marks, sentence by sentence."""
    w = _words()
    text = ctx.text
    out: list[_Q] = []
    qstarts = [a for a, _ in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and quoted[k][0] <= pos < quoted[k][1]

    # quoted characters before any offset, by prefix sums over the merged intervals: O(log n) a query
    merged: list[tuple[int, int]] = []
    for a, b in quoted:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    mstarts = [a for a, _ in merged]
    cum = [0]
    for a, b in merged:
        cum.append(cum[-1] + b - a)

    def upto(x: int) -> int:
        k = bisect.bisect_right(mstarts, x) - 1
        return 0 if k < 0 else cum[k] + min(x, merged[k][1]) - merged[k][0]

    def quoted_share(a: int, b: int) -> float:
        return (upto(b) - upto(a)) / (b - a) if b > a else 0.0

    keys = w.indirect_keys
    for sent in ctx.sentences:
        # the sentence's tokens as score_tone and figures have them (cached per range): not tokenized again
        toks = tokenize(text, start=sent.start, end=sent.end)
        # only these words can start reported speech; every other token is passed over in the loop below
        cands = [v for v, t in enumerate(toks) if t.text.lower() in keys]
        if not cands:
            continue
        end = sent.end
        end = _rstrip(text, sent.start, end)
        while end > sent.start and text[end - 1] in ".!?…":
            end -= 1
        n = len(toks)
        first_dash = first_cue = -1  # found when first needed
        for v in cands:
            t = toks[v]
            low = t.text.lower()
            if t.start in cue_starts or in_quote(t.start):
                continue
            if low == "according" and v + 1 < n and toks[v + 1].text.lower() == "to":
                if first_cue < 0:
                    first_cue = next((k for k, tk in enumerate(toks) if tk.start in cue_starts), n)
                if first_cue < v:
                    continue  # "Peskov said on Monday, according to state media": the report's source
                _according(ctx, out, toks, v, sent, end, quoted_share)
                continue
            if low in _PHRASES:
                _phrase(ctx, out, toks, v, end, in_quote, quoted_share)
                continue
            if low in _CALL:
                _called(ctx, out, toks, v, sent, end, in_quote, quoted_share)
                continue
            if low in w.nominal:
                verb = low in w.speech or low in w.that_verbs  # "fear", "claims", "hopes": a verb after a subject
                if not verb or (v > 0 and (toks[v - 1].text.lower() in _NOUN_DETS
                                           or toks[v - 1].text.endswith(("'s", "’s", "s'", "s’")))):
                    _claim(ctx, out, toks, v, sent, end, in_quote, quoted_share)
                    continue
                if low not in w.speech and low not in w.that_verbs:
                    continue
            if low == "asked" and v == 0:
                _asked(ctx, out, toks, v, in_quote, quoted_share)
                continue
            that_only = low in w.that_verbs
            if (low not in w.reporting and not that_only) or (v > 0 and toks[v - 1].text.lower() in _NOUN_DETS) \
                    or _name_part(toks, v):
                continue
            if that_only and not (v + 1 < n and toks[v + 1].text.lower() == "that") and not (
                    _takes_plain_clause(t.text) and _plain_clause(toks, v + 1)):
                continue  # "the poll found that ...", never "found the keys"
            if v + 1 < n and toks[v + 1].text.lower() in ("to", "by"):
                continue  # "said to be", "told by"
            a, b = _cue_span(toks, v)
            if a > 0 and toks[a - 1].text.lower() == "to" and _verb_chain(toks, 0, a) == a:
                continue  # an infinitive no verb governs: "impossible not to ask whether", "the right to say"
            s, e = _subject(toks, a)
            if s == e and low.endswith("ing") and a > 0 and toks[a - 1].text != ",":
                s, e = _first_subject(toks, a)  # "while also suggesting that", "by saying he is ready"
            if s == e and a > 1 and toks[a - 1].text == "," and b < n and toks[b].text[:1].isupper() and not that_only:
                # "..., says Dante Scala, a political scientist." : the clause before, the speaker after
                j = _np_forward(toks, b, limit=6)
                if j > b and (j >= n or not _is_word(toks[j])):
                    _before_comma(ctx, out, toks, sent, a - 1, (a, b), (b, j), quoted_share)
                continue
            if s == e or (re.search(r"['’]s?$", toks[a - 1].text) and toks[a - 1].text.lower()[:-2] not in _CONTRACTED):
                continue  # no subject ("who said"), or a possessive: "Trump's alleged threat"
            if _passive(toks, a, v) and (low in _ADDRESSED or (e - s == 1 and toks[s].text.lower() == "it")):
                s = e = a  # "He was told that ...", "It was agreed that ...": the subject heard it, nobody named said it
            c = b
            if c < n and toks[c].text.lower() == "that":
                c += 1
            elif _lemma_is(t.text, frozenset({"ask", "wonder"})) and not low.endswith("ing") \
                    and _question_after(toks, c) >= 0:
                c = _question_after(toks, c)  # "asked (the minister) whether ...": the question, its first word kept
            elif c < n and (toks[c].text.lower() in _THAT_ADJUNCT or toks[c].text.lower().endswith("ly")) \
                    and _that_within(toks, c, 10) >= 0:
                c = _that_within(toks, c, 10) + 1  # "said on Saturday that ...", "has said for months that ..."
            elif (c + 1 < n and toks[c].text == "," and _lemma_is(t.text, w.clause | {"explain", "note", "write"})
                  and not low.endswith("ing")
                  and toks[c + 1].text.lower() in _SUBJECT_PRONOUNS | _CLAUSE_DETS - {"a", "an"}):
                c += 1  # "Earnest explained, three taxes were postponed"
            elif _lemma_is(t.text, frozenset({"tell"})) and not (c < n and _clause_start(toks[c]) and b > v + 1):
                # "told The Wall Street Journal in an interview published on Friday that ..."
                k = c
                while k < n and k - c < 14 and _is_word(toks[k]) and toks[k].text.lower() != "that":
                    k += 1
                if k < n and toks[k].text.lower() == "that":
                    c = k + 1
                else:
                    continue
            elif _takes_plain_clause(t.text) and _plain_clause(toks, c):
                pass  # "announced he would run", "confirmed the report was true"
            elif not (_lemma_is(t.text, w.clause) and c < n
                      and (not low.endswith("ing") or (a > 0 and toks[a - 1].text == ","))  # ", saying he was"
                      and (_clause_start(toks[c]) or _bare_subject(toks, c) or _number_subject(toks, c))
                      and toks[c].text.lower() not in ("a", "an")
                      and not (toks[c].text[:1].isupper() and c + 1 < n
                               and ((not _is_word(toks[c + 1]) and not _is_abbrev(toks[c], toks[c + 1]))
                                    or toks[c + 1].text.lower() in _NOT_AFTER_SUBJECT))):
                c = -1  # "warned Putin—..." is an object, not a clause
            if c >= 0 and c < n:
                cs = toks[c].start
                ce = end
                if first_dash < 0:
                    first_dash = next((k for k, tk in enumerate(toks) if tk.text in ("—", "–", "(")), n)
                if first_dash < s:
                    for k in range(c, n):
                        if toks[k].text in ("—", "–", ")"):
                            ce = _rstrip(text, cs, toks[k].start)
                            break
                ce = _clause_end(text, toks, c, ce, in_quote, subordinate=_opens_subordinate(toks, s))
                ce, cut = _cap(text, cs, ce)
                if _has_words(text, cs, ce, 2) and quoted_share(cs, ce) < 0.8:
                    q = _Q(cs, ce, "indirect", notes=cut)
                    _attach(ctx, q, toks, (a, b), (s, e))
                    out.append(q)
                continue
            # "..., a spokesperson said." : the clause before the comma
            if e == a and s > 1 and toks[s - 1].text == "," and _looks_like_subject(toks, s, e) and (
                    b >= n or not _is_word(toks[b]) or toks[b].text.lower() in _AFTER_CUE):
                k = _comma_after(toks, b)
                if k >= 0:  # "Otherwise, she said, countries may steal growth": the sentence around the cue
                    _around(ctx, out, toks, sent, end, k, (a, b), (s, e), quoted_share)
                else:
                    _before_comma(ctx, out, toks, sent, s - 1, (a, b), (s, e), quoted_share)
    return out


_BE = frozenset("is are was were be been being".split())
#: Past participles of reporting verbs that do not end in -ed.
_PARTICIPLES = frozenset("told said thought known heard written shown seen taught".split())
#: Participles whose passive subject is the one addressed ("he was told", "she was asked"), not a holder of
#: the view ("they are worried that", "he was convinced that").
_ADDRESSED = frozenset("told asked informed advised assured reminded warned questioned urged briefed".split())


def _passive(toks: Sequence[_Tok], a: int, v: int) -> bool:
    """Whether the cue ``toks[a:v+1]`` is passive ("was told", "have been asked", "is widely believed"): its
    subject is the one told or asked, or an empty "it", not the speaker. Not "has been saying"."""
    low = toks[v].text.lower()
    if not (low.endswith("ed") or low in _PARTICIPLES):
        return False
    return any(toks[k].text.lower() in _BE for k in range(a, v))


#: Words opening an adjunct between a reporting verb and "that": "said on Saturday that", "has said for months
#: that", "said repeatedly that", "said after the meeting that".
_THAT_ADJUNCT = _ADJUNCT_START | frozenset("for after before from through over throughout again recently".split())
_AFTER_CUE = frozenset("on in at after before during late last this earlier when while adding citing".split())


def _looks_like_subject(toks: Sequence[_Tok], s: int, e: int) -> bool:
    """A short noun phrase: "a spokesperson", "officials", "Trump"; not "still doesn't resonate in his home"."""
    w = _words()
    words = [t.text for t in toks[s:e]]
    if not words or len(words) > 7:
        return False
    if any(x.lower() in w.aux or x.lower().endswith("n't") or (x.lower().endswith("ly") and x.lower() not in _LY_NOUNS)
           for x in words):
        return False
    first = words[0]
    return first.lower() in _NOUN_DETS or first[:1].isupper() or first.lower() in _PRONOUNS or first.endswith("s")


def _comma_after(toks: Sequence[_Tok], b: int) -> int:
    """Index of the comma that closes a cue set inside a sentence ("she said, countries ..."; "he said on
    Monday, the talks ..."), with words of the sentence after it; else -1."""
    k = b
    while k < len(toks) and k - b < 5 and _is_word(toks[k]):
        k += 1
    if k < len(toks) and toks[k].text == "," and k + 2 < len(toks) and _is_word(toks[k + 1]):
        return k
    return -1


def _around(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], sent: Sentence, end: int, comma: int,
            cue: tuple[int, int], mention: tuple[int, int], quoted_share: Any) -> None:
    """A cue set inside the sentence it reports: the whole sentence, the cue noted."""
    text = ctx.text
    cs = sent.start
    while cs < toks[comma].start and not text[cs].isalnum():
        cs += 1
    ce, cut = _cap(text, cs, end)
    if _has_words(text, cs, ce, 4) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=["the cue stands inside the reported sentence", *cut])
        _attach(ctx, q, toks, cue, mention)
        out.append(q)


def _before_comma(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], sent: Sentence, comma: int,
                  cue: tuple[int, int], mention: tuple[int, int], quoted_share: Any) -> None:
    text = ctx.text
    cs = sent.start
    while cs < toks[comma].start and not text[cs].isalnum():
        cs += 1
    ce = _rstrip(text, cs, toks[comma].start)
    cs, cut = _cap_start(text, cs, ce)
    if _has_words(text, cs, ce, 3) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=cut)
        _attach(ctx, q, toks, cue, mention)
        out.append(q)


def _that_within(toks: Sequence[_Tok], c: int, limit: int) -> int:
    """Index of "that" within ``limit`` word tokens from ``c`` (no punctuation between) that opens a clause
    ("said on Saturday that the talks"; not the determiner of "would not say exactly how they would use that
    cash"), else -1."""
    k = c
    while k < len(toks) and k - c < limit and _is_word(toks[k]):
        if toks[k].text.lower() == "that":
            j = k + 1  # a determiner: "that cash," (a lower-case word, then a mark)
            det = j + 1 < len(toks) and toks[j].text[:1].islower() and not _is_word(toks[j + 1])
            return -1 if det else k
        k += 1
    return -1


_MAX_CLAUSE = 1000  # characters of reported speech kept when a "sentence" runs on without punctuation


def _cap(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """End of a reported clause, cut at a word boundary after ``_MAX_CLAUSE`` characters."""
    if ce - cs <= _MAX_CLAUSE:
        return ce, []
    cut = text.rfind(" ", cs, cs + _MAX_CLAUSE)
    return _rstrip(text, cs, cut if cut > cs else cs + _MAX_CLAUSE), [f"cut at {_MAX_CLAUSE} characters"]


def _cap_start(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """Start of a reported clause that ends at ``ce``, cut the same way."""
    if ce - cs <= _MAX_CLAUSE:
        return cs, []
    cut = text.find(" ", ce - _MAX_CLAUSE, ce)
    return (cut + 1 if cut >= 0 else ce - _MAX_CLAUSE), [f"cut at {_MAX_CLAUSE} characters"]


def _has_words(text: str, start: int, end: int, k: int) -> bool:
    """At least ``k`` words in ``text[start:end]`` (stops looking once found)."""
    if end <= start:
        return False
    for i, _ in enumerate(_WORD.finditer(text, start, end), start=1):
        if i >= k:
            return True
    return False


_FINITE = frozenset("would will could can may might should must has have had is are was were".split())


def _bare_subject(toks: Sequence[_Tok], c: int) -> bool:
    """A clause opening with a bare noun and a finite auxiliary: "said growth would slow", "said consumer
    prices were rising" (one or two lower-case words, then "would", "will", "was", ...)."""
    w = _words()
    for k in range(c, min(c + 2, len(toks) - 1)):
        low = toks[k].text.lower()
        if (not toks[k].text[:1].islower() or not _is_word(toks[k]) or low in w.stop or low in w.aux
                or low in _PREPS or low.endswith("ly") or low in w.speech or low in _PRONOUNS
                or low in ("whether", "not", "no", "yes")):
            return False
        if toks[k + 1].text.lower() in _FINITE:
            return True
    return False


def _asked(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], v: int, in_quote: Any, quoted_share: Any) -> None:
    """"Asked (by X) whether ..., he said ...": the question up to the comma, asked by X or by no one named."""
    wh, asker = _opening_asked(toks, v)
    if wh < 0:
        return
    comma = next((k for k in range(wh + 1, len(toks)) if toks[k].text == "," and not in_quote(toks[k].start)), -1)
    if comma < 0:
        return
    cs, ce = toks[wh].start, _rstrip(ctx.text, toks[wh].start, toks[comma].start)
    if _has_words(ctx.text, cs, ce, 3) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=["a question put to the speaker of the sentence"])
        _attach(ctx, q, toks, (v, v + 1), asker)
        out.append(q)


def _claim(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], v: int, sent: Sentence, end: int, in_quote: Any,
           quoted_share: Any) -> None:
    """"his claim that ...", "Trump's warning that ...", "the belief that ...": the clause after "that", held by
    the possessor when there is one. A relative clause ("the claim that he made") is no content."""
    c = v + 1
    n = len(toks)
    if c + 2 >= n or toks[c].text.lower() != "that" or not _plain_clause(toks, c + 1) or _relative(toks, c + 1):
        return
    cs = toks[c + 1].start
    ce = _clause_end(ctx.text, toks, c + 1, end, in_quote)
    ce, cut = _cap(ctx.text, cs, ce)
    if _has_words(ctx.text, cs, ce, 3) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=["reported by a noun", *cut])
        src = _nominal_source(toks, v)
        if src is None and v > 0 and toks[v].text.lower() not in _OTHERS_WORDS:
            s, e = _first_subject(toks, v)  # "Cruz entered the debate with an argument that ..."
            src = (s, e) if s < e and toks[s].text.lower() not in ("there", "it") else None
        _attach(ctx, q, toks, (v, v + 1), src)
        out.append(q)


#: Nouns that report what others say of the sentence's subject: "including allegations that he assaulted ...".
_OTHERS_WORDS = frozenset("""allegation allegations accusation accusations rumor rumors rumours speculation charge charges
    finding findings notion""".split())


def _relative(toks: Sequence[_Tok], c: int) -> bool:
    """The words at ``toks[c]`` lack an object, as a relative clause does: "(the claim that) he made was false",
    "(the promise that) he broke.": a past verb within four words, then a finite verb or the end."""
    for k in range(c + 1, min(c + 5, len(toks) - 1)):
        low = toks[k].text.lower()
        if not _is_word(toks[k]):
            return False
        if low.endswith("ed") or low in _PAST:
            nxt = toks[k + 1]
            nl = nxt.text.lower()
            return not _is_word(nxt) or nl in _FINITE or nl in _PAST or nl.endswith("ed")
    return False


_PAST = frozenset("made said broke gave kept took told got had did won lost heard saw wrote".split())


def _phrase(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], v: int, end: int, in_quote: Any,
            quoted_share: Any) -> None:
    """"X pointed out that ...", "X made it clear that ...": the clause after "that"."""
    k = _phrase_that(toks, v)
    if k < 0 or k + 2 >= len(toks):
        return
    a, _ = _cue_span(toks, v)
    s, e = _subject(toks, a)
    if s == e and toks[v].text.lower().endswith("ing") and a > 0:
        s, e = _first_subject(toks, a)
    if s == e:
        return
    cs = toks[k + 1].start
    ce = _clause_end(ctx.text, toks, k + 1, end, in_quote, subordinate=_opens_subordinate(toks, s))
    ce, cut = _cap(ctx.text, cs, ce)
    if _has_words(ctx.text, cs, ce, 2) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=cut)
        _attach(ctx, q, toks, (a, k), (s, e))
        out.append(q)


def _called(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], v: int, sent: Sentence, end: int, in_quote: Any,
            quoted_share: Any) -> None:
    """"X called for a ban on ...", "X called on Congress to act", "..., calling for ...": the demand."""
    c = _call_content(toks, v)
    if c < 0 or (v > 0 and toks[v - 1].text.lower() in _NOUN_DETS) or toks[v].text[:1].isupper() and v > 0:
        return
    a, _ = _cue_span(toks, v)
    s, e = _subject(toks, a)
    if s == e:
        return
    cs = toks[c].start
    ce = _clause_end(ctx.text, toks, c, end, in_quote, subordinate=_opens_subordinate(toks, s))
    ce, cut = _cap(ctx.text, cs, ce)
    if _has_words(ctx.text, cs, ce, 2) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=cut)
        _attach(ctx, q, toks, (a, c), (s, e))
        out.append(q)


#: Verbs of the ``finite`` class that are nouns as often ("reports", "the show", "hopes"): only their past
#: form reports a plain clause ("reported he would run"; not "played down reports Mr Blair was").
_NOUN_TOO = frozenset("report show note hope fear estimate signal".split())


def _takes_plain_clause(word: str) -> bool:
    low = word.lower()
    if low.endswith("ing") or not _lemma_is(low, _words().finite):
        return False
    return not (_lemma_is(low, _NOUN_TOO) and not low.endswith(("ed", "wn")))


_NOMINATIVE = frozenset("he she they we i".split())


def _plain_clause(toks: Sequence[_Tok], c: int) -> bool:
    """``toks[c:]`` plainly opens a clause: a subject pronoun ("he would run"), or a subject of at most six
    words and a finite auxiliary ("the report was true", "Clinton had won"); not an object ("his resignation",
    "the creation of a website")."""
    w = _words()
    if c + 1 >= len(toks) or not (_is_word(toks[c + 1]) or _is_abbrev(toks[c], toks[c + 1])):
        return False
    low = toks[c].text.lower()
    if low in _NOMINATIVE:
        return True
    if not (_clause_start(toks[c]) or _number_subject(toks, c)) or low in ("a", "an"):
        return False  # not a bare noun: "the chat show host had been" is no clause of "show"
    for k in range(c + 1, min(c + 7, len(toks))):
        t = toks[k].text.lower()
        if t in _FINITE:
            return True
        if not _is_word(toks[k]) or t in w.stop or t in _PREPS - {"of"}:
            return False
    return False


def _number_subject(toks: Sequence[_Tok], c: int) -> bool:
    """A clause opening with a number and a finite auxiliary within five words: "said 2,093 of the emails
    were redacted", "said 12 people had died"."""
    if not toks[c].text[:1].isdigit():
        return False
    for k in range(c + 1, min(c + 6, len(toks))):
        if not _is_word(toks[k]) and toks[k].text not in ("%", "'", "’"):
            return False
        if toks[k].text.lower() in _FINITE:
            return True
    return False


def _clause_start(tok: _Tok) -> bool:
    low = tok.text.lower()
    if "'" in low or "’" in low:
        low = re.split(r"['’]", low)[0]  # "it's", "they're", "we’ve"
    return low in _SUBJECT_PRONOUNS or low in _CLAUSE_DETS or (tok.text[:1].isupper() and low not in _words().stop)


def _according(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], v: int, sent: Sentence, end: int,
               quoted_share: Any) -> None:
    """ "according to X, ..." (content after the comma) and "..., according to X." (content before)."""
    text = ctx.text
    j = _np_forward(toks, v + 2)
    if j == v + 2:
        return
    # extend over "of/from" phrases: "an index sourced from the Armed Forces of Ukraine"
    k = j
    while k < len(toks) and toks[k].text not in (",", ".", ";") and k - j < 10:
        k += 1
    if not any(_is_word(t) for t in toks[:v]) and k < len(toks) and toks[k].text == ",":
        cs, ce = toks[k + 1].start if k + 1 < len(toks) else end, end
    elif v > 0 and toks[v - 1].text == ",":
        cs = sent.start
        ce = _rstrip(text, cs, toks[v - 1].start)
        j = k
    else:
        return
    cut: list[str] = []
    if ce > cs:
        if cs < toks[v].start:
            cs, cut = _cap_start(text, cs, ce)
        else:
            ce, cut = _cap(text, cs, ce)
    if _has_words(text, cs, ce, 3) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=cut)
        q.cue = (toks[v].start, toks[v + 1].end)
        q.mention = (toks[v + 2].start, toks[min(j, len(toks)) - 1].end)
        out.append(q)
