"""Noun phrases around a reporting verb: the speaker after it, the subject before it, the cue itself."""

from __future__ import annotations

from collections.abc import Sequence

from ._lexicon import (
    _LY_NOUNS,
    _NAME_PARTS,
    _NOUN_DETS,
    _PREPS,
    _PRONOUNS,
    _SUBJECT_PRONOUNS,
    _is_word,
    _lemma_is,
    _name_part,
    _words,
)
from ._model import _Q, _Ctx, _Tok
from ._sources import _DOCUMENT_HEADS, _SOURCE_PARTICIPLE, _VOICE_TEXTS


def _is_abbrev(word: _Tok, dot: _Tok) -> bool:
    """A title or initial before a full stop: "Ms." "Sen." "J." """
    return word.text[:1].isupper() and len(word.text) <= 4 and word.end == dot.start


def _np_forward(toks: Sequence[_Tok], i: int, *, limit: int = 9) -> int:
    """End (exclusive token index) of a speaker noun phrase starting at ``toks[i]`` ("said X")."""
    w = _words()
    j = i
    while j < len(toks) and j - i < limit:
        t = toks[j].text
        low = t.lower()
        if t == "." and j > i and _is_abbrev(toks[j - 1], toks[j]) and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
            j += 1  # "said Sen. Ted Cruz"
            continue
        if not _is_word(toks[j]) or low in w.stop or low in ("in", "on", "at", "during", "to", "according", "adding"):
            break
        if low in w.speech and j > i and not _name_part(toks, j):
            break
        j += 1
    return j


#: Prepositions that attach a phrase to the noun before them: "a spokesman for the White House", "one of the
#: senators", "people familiar with the matter", "officials at the ministry", "analysts in the region".
_PP_ATTACH = frozenset("for of at from with in".split())
#: Words that quantify the noun phrase they open: "one of the senators", "some of the protesters".
_QUANTIFIERS = frozenset("""one two three four five six seven eight nine ten dozens hundreds some many several most
    all none each both few any either neither""".split())
_RELATIVE = frozenset("who whom whose which that".split())
_VERBISH = frozenset("""is are was were be been being am has have had do does did will would can could may might
    must shall should also""".split())


def _walk_back(toks: Sequence[_Tok], v: int, limit: int) -> tuple[int, bool]:
    """Start of the words ending just before ``toks[v]``, and whether they open with "the", "a" or "an"."""
    w = _words()
    j = v
    while j > 0 and v - j < limit:
        t = toks[j - 1]
        low = t.text.lower()
        if t.text == "." and j >= 2 and _is_abbrev(toks[j - 2], t):
            j -= 1  # "Sen." "J." inside a name
            continue
        if not _is_word(t) or low in w.stop or (low in w.speech and low not in _NOUN_DETS
                                                 and not (t.text[:1].isupper() and low in _NAME_PARTS)
                                                 and not (j >= 2 and toks[j - 2].text.lower() == "of")):
            break
        j -= 1
        if low in ("the", "a", "an"):
            return j, True  # "at which point the crowd" -> "the crowd"
    return j, False


def _np_backward(toks: Sequence[_Tok], v: int, *, limit: int = 9, attached: bool = True) -> int:
    """Start token index of the speaker noun phrase ending just before ``toks[v]`` (empty: returns ``v``).

    A phrase opening with "the", "a" or "an" right after a preposition is the object of a phrase attached to
    the noun before it, and the whole is the subject: "A spokesman for the White House", "One of the
    senators", "people familiar with the matter", "the head of the office of the governor". Not after a
    relative pronoun ("those who voted for the bill"), nor over a verb ("Clinton could be in a position
    to"). ``attached=False`` reads only the last phrase.
    """
    j, det = _walk_back(toks, v, limit)
    if attached and det and any(t.text.lower() in _VERBISH or t.text.lower() in _PRONOUNS or t.text.lower() == "to"
                                for t in toks[j:v]):
        attached = False  # "the sites could dent Lycos", "the single track they": a clause, not a noun phrase
    while attached and det and j >= 2 and toks[j - 1].text.lower() in _PP_ATTACH:
        k, det = _walk_back(toks, j - 1, 6)
        if k == j - 1 or v - k > 16 or any(t.text.lower() in _VERBISH for t in toks[k : j - 1]):
            break
        if not det and toks[k].text.lower().endswith("ing"):
            break  # "Looking further ahead in the year, ...": a participle, not a noun
        if not det and k > 0 and _is_word(toks[k - 1]):
            if j - 1 - k >= 6:
                break  # no start found: not a noun phrase
            if toks[k - 1].text.lower() in _RELATIVE and not (
                    toks[k].text[:1].isupper() or toks[k].text.lower() in _QUANTIFIERS):
                break  # "those who voted for the bill said": a relative clause, not a noun phrase
        j = k
    # a determiner or preposition left dangling at the start is not part of a subject
    while j < v and toks[j].text.lower() in ("of", "for", "to", "with", "by", "in", "on", "at"):
        j += 1
    return j


#: Adverbs between a subject and its cue: "he often says", "Clinton's advisers have long insisted".
_ADVERBS = frozenset("""soon further long often also then later first earlier never always again still once just even
    already now recently later""".split())
#: Verbs that take the cue as an infinitive: "she went on to say", "the school declined to comment".
_CONTROL = frozenset("""go goes went going gone decline declines declined declining refuse refuses refused refusing
    continue continues continued continuing begin begins began beginning start starts started try tries tried trying
    want wants wanted seem seems seemed appear appears appeared hesitate hesitates hesitated prompted pressed forced
    expected used declining inclined likely unlikely able unable willing ready poised eager due quick""".split())


def _verb_chain(toks: Sequence[_Tok], lo: int, a: int) -> int:
    """Where the subject ends before the cue at ``toks[a]``, past adverbs ("he often says") and a verb taking
    the cue as an infinitive ("she went on to say", "the school declined to comment"); ``a`` when none."""
    w = _words()
    k = a
    while k > lo + 1 and toks[k - 1].text.lower() in _ADVERBS:
        k -= 1
    if k > lo + 1 and toks[k - 1].text.lower() == "to":
        j, verb = k - 1, False
        while j > lo + 1 and k - j <= 6:
            low = toks[j - 1].text.lower()
            if low in _CONTROL:
                verb = True
            elif not (low in w.aux or low in _ADVERBS or low.endswith(("ly", "n't")) or low in ("on", "not")):
                break
            j -= 1
        if verb:
            k = j
    return k if k < a and toks[k - 1].text[:1].isalnum() else a


def _subject(toks: Sequence[_Tok], a: int) -> tuple[int, int]:
    """Token range of the subject before the cue starting at ``toks[a]``, over an apposition.

    * "Trump, the Republican candidate for elections now just two weeks away, told" -> "Trump";
    * "Clinton's campaign chairman, John Podesta, said" -> "John Podesta";
    * "Sen. Richard J. Durbin (D-Ill.), noting the size of his following, said" -> "Sen. Richard J. Durbin";
    * "he laughed and said" -> "he"; "..., saying" -> the first subject of the sentence.
    """
    k = _verb_chain(toks, 0, a) if not toks[a].text.lower().endswith("ing") else a
    if k < a:
        s = _np_backward(toks, k)
        if s < k:
            return s, k  # "she went on to say", "he often says"
    d = a if toks[a].text.lower().endswith("ing") else _document_np(toks, a)  # "..., saying": the clause's subject
    if d < a:
        return d, a  # "a report by the IMF said", "a statement from the White House said", "Hoff's letter said"
    if toks[a].text.lower().endswith("ing") and a > 0 and _is_word(toks[a - 1]):
        return _first_subject(toks, a)  # "his memo to employees explaining the deal": no subject there
    s = _np_backward(toks, a)
    if s < a:
        return s, a
    if a == 0:
        return a, a
    prev = toks[a - 1].text
    if prev == "," and toks[a].text.lower().endswith("ing"):
        # "..., a Chinese official said on Monday, adding that": the subject of the reporting verb before
        w = _words()
        for v in range(a - 2, max(-1, a - 8), -1):
            low = toks[v].text.lower()
            if not _is_word(toks[v]):
                break
            if low in w.speech and not low.endswith("ing") and toks[v].text[:1].islower():
                if v > 0 and toks[v - 1].text.lower() in _NOUN_DETS:
                    break  # "defended the remark, saying": a noun
                if toks[v + 1].text[:1].isupper():
                    j = _np_forward(toks, v + 1)
                    if j > v + 1:
                        return v + 1, j  # '"...," said Mr Jolin, adding'
                ca, _ = _cue_span(toks, v)
                s2, e2 = _subject(toks, ca)
                if s2 < e2:
                    return s2, e2
                break
        return _first_subject(toks, a)
    if prev == ",":
        k = a - 2
        while k >= 0 and toks[k].text != "," and a - k < 18:
            k -= 1
        inner = (k + 1, a - 1)
        if inner[1] > inner[0] and toks[inner[0]].text[:1].isupper() and toks[inner[0]].text.lower() not in _NOUN_DETS \
                and inner[1] - inner[0] <= 4 and all(_is_word(t) or (t.text == "." and _is_abbrev(toks[m - 1], t))
                                                     for m, t in enumerate(toks[inner[0]:inner[1]], inner[0])):
            if k >= 0 and _np_backward(toks, k) < k:
                return inner  # "Clinton's campaign chairman, John Podesta, said"
        if k > 0 and toks[k].text == ",":
            e = k
            if toks[e - 1].text == ")":  # "(D-Ill.)"
                while e > 0 and toks[e - 1].text != "(" and k - e < 8:
                    e -= 1
                e -= 1
            s2 = _np_backward(toks, e) if e > 0 else e
            if s2 < e:
                return s2, e
        return a, a
    if prev.lower() in ("and", "but"):
        # "when he brought up the Oklahoma City bombing and later said": the leftmost subject of the clause
        lo = a - 2
        while lo > 0 and a - lo < 14 and _is_word(toks[lo - 1]) and toks[lo - 1].text.lower() not in _words().stop:
            lo -= 1
        for k in range(lo, a - 1):
            t = toks[k]
            if t.text.lower() in _SUBJECT_PRONOUNS - {"there", "it"}:
                return k, k + 1
            if t.text[:1].isupper() and _is_word(t) and t.text.lower() not in _words().stop:
                e = k
                while e < a - 1 and toks[e].text[:1].isupper() and _is_word(toks[e]):
                    e += 1
                return k, e
    return a, a


_OF_SOURCE = frozenset("by from of for".split())  # "a report by X", "a letter from X", "a poll of voters for CNN"


def _document_np(toks: Sequence[_Tok], a: int) -> int:
    """Start of a subject ending before ``toks[a]`` whose head is a document or a text that carries its
    author's words: "a report by the IMF", "A 2009 study published by Harvard economists", "a
    statement from the White House", "The IMF's report", "the senators' letter", "The report";
    ``a`` when there is none. Read backwards: noun phrases joined by by/from/of/for (and a participle,
    "released by"); the leftmost one's head must be such a noun."""
    w = _words()
    k = a - 1
    for _ in range(4):  # at most four noun phrases joined by prepositions
        j = k
        head = toks[k].text.lower() if k >= 0 else ""
        while j >= 0 and k - j < 7:
            t = toks[j]
            low = t.text.lower()
            if t.text in ("'", "’") and j > 0 and toks[j - 1].end == t.start and toks[j - 1].text.lower().endswith("s"):
                j -= 1  # "the senators' letter"
                continue
            if low in ("and", "&") and 0 < j < k and toks[j - 1].text[:1].isupper() and toks[j + 1].text[:1].isupper():
                j -= 1  # "the Center for Economic and Policy Research"
                continue
            if not _is_word(t) or low in w.stop or low in _PREPS or low in w.aux or (
                    low in w.speech and j < k and not t.text[:1].isupper()):
                break
            j -= 1
            if low in _NOUN_DETS:
                break  # "a", "the", "his": the start of the phrase
        if j == k:
            return a
        np_start = j + 1
        if j >= 0 and toks[j].text.lower() in _OF_SOURCE:
            k = j - 1
            if k >= 1 and toks[k].text.lower() in _SOURCE_PARTICIPLE:
                k -= 1  # "a report released by"
            continue
        return np_start if head in _DOCUMENT_HEADS or head in _VOICE_TEXTS else a
    return a


#: Words opening a sentence with an adverbial phrase before its subject: "On Sunday, he ...", "Facing
#: criticism, Mr. Trump ...", "Minutes later, the campaign ...", "Last month, a group of experts ...".
_TIME_OPENERS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight minutes
    hours days weeks months years moments last later earlier next this ever when while as since although though if
    once until because unless meanwhile""".split())


def _first_subject(toks: Sequence[_Tok], a: int) -> tuple[int, int]:
    """The subject of the sentence the participle cue ``toks[a]`` ends ("..., saying"): its first pronoun or
    name, read after an opening adverbial phrase ("On Sunday, he ...", "Facing criticism, Mr. Trump ...")."""
    lo = 0
    first = toks[0].text.lower() if toks else ""
    if toks and toks[0].text[:1].isupper() and (first in _PREPS or first in _TIME_OPENERS or first.endswith("ing")):
        comma = next((k for k in range(1, a) if toks[k].text == ","), -1)
        if comma > 0:
            lo = comma + 1
    if lo < a and toks[lo].text.lower() in ("the", "a", "an"):
        e = lo + 1  # "The New York businessman has praised Putin, saying": a common noun phrase
        while e < a and e - lo < 7 and _is_word(toks[e]) and toks[e].text.lower() not in _words().aux \
                and toks[e].text.lower() not in _words().stop and toks[e].text.lower() not in _PREPS \
                and not toks[e].text.lower().endswith("ed"):
            e += 1
        if e > lo + 1 and e < a and (toks[e].text.lower() in _words().aux or toks[e].text.lower().endswith("ed")):
            return lo, e
    for k in range(lo, a):
        t = toks[k]
        low = t.text.lower()
        if low in _SUBJECT_PRONOUNS - {"there", "it"}:
            return k, k + 1
        if t.text[:1].isupper() and _is_word(t) and low not in _words().stop and low not in _NOUN_DETS \
                and low not in _PREPS and low not in _words().aux:
            e = k
            while e < a and ((toks[e].text[:1].isupper() and _is_word(toks[e]))
                             or (toks[e].text == "." and e > k and _is_abbrev(toks[e - 1], toks[e]))):
                e += 1  # "Mr. Trump"
            return k, e
    return a, a


def _cue_span(toks: Sequence[_Tok], v: int, *, lo: int = 0) -> tuple[int, int]:
    """Token range of the cue around the verb ``toks[v]``: leading auxiliaries/adverbs, the verb, an audience."""
    w = _words()
    a = v
    while a - 1 >= lo and (toks[a - 1].text.lower() in w.aux or (toks[a - 1].text.lower().endswith("ly")
                                                              and toks[a - 1].text.lower() not in _LY_NOUNS)) and _is_word(
        toks[a - 1]
    ):
        if toks[a - 1].text[:1].isupper():
            break
        a -= 1
    b = v + 1
    if _lemma_is(toks[v].text, frozenset({"tell"})) and b < len(toks):
        if toks[b].text.lower() in w.audience:
            b += 1
        elif toks[b].text[:1].isupper():
            k = b
            while k < len(toks) and (toks[k].text[:1].isupper() or toks[k].text.lower() in ("of", "the")) and k - b < 6:
                k += 1
            b = k
    elif b + 1 < len(toks) and toks[b].text.lower() == "to" and toks[b + 1].text.lower() in w.audience:
        b += 2
    return a, b


def _attach(ctx: _Ctx, q: _Q, toks: Sequence[_Tok], cue: tuple[int, int], np: tuple[int, int] | None) -> None:
    q.cue = (toks[cue[0]].start, toks[cue[1] - 1].end)
    if np is not None and np[1] > np[0]:
        q.mention = (toks[np[0]].start, toks[np[1] - 1].end)


def _apposition_head(toks: Sequence[_Tok], a: int, b: int) -> tuple[int, int]:
    """For "Trump, the Republican candidate," keep "Trump"; else the range as given."""
    for k in range(a, b):
        if toks[k].text == ",":
            return (a, k) if k > a else (a, b)
    return a, b
