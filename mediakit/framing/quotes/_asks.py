"""Questions, calls and claims as reported speech: "X asked (Y) whether ...", "Asked why ..., X said", "X called for
...", "X's claim that ..."."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._lexicon import _ADJUNCT_START, _SUBJECT_PRONOUNS, _is_word, _words
from ._model import _Tok

#: Pronouns contracted with "is" or "has": "He's said", not a possessive.
_CONTRACTED = frozenset("he she it that who there what".split())
_PASSIVE = frozenset("is are was were be been being".split())
#: Words that open an indirect question: "asked whether the talks would resume", "asked why he lost".
_WH = frozenset("whether if why what how who when where which".split())
#: Forms of "call" that report a demand with "for" or "on": "Sanders called for a ban", "called on X to ...".
_CALL = frozenset("call calls called calling".split())


def _question_after(toks: Sequence[_Tok], b: int, *, limit: int = 6) -> int:
    """Index of the word opening an indirect question within ``limit`` words after the cue ending at ``b``
    ("asked whether", "asked the minister why", "asked him if"); -1 when a mark or an object's clause comes
    first."""
    k = b
    while k < len(toks) and k - b <= limit and _is_word(toks[k]):
        if toks[k].text.lower() in _WH:
            return k
        k += 1
    return -1


def _opening_asked(toks: Sequence[_Tok], v: int) -> tuple[int, tuple[int, int] | None]:
    """ "Asked (by X) (on Fox News) whether ..., he said": the question's first word and the asker's
    words after "by", when ``toks[v]`` opens the sentence; (-1, None) otherwise."""
    if v != 0 or toks[v].text != "Asked":
        return -1, None
    k = v + 1
    asker = None
    if k < len(toks) and toks[k].text.lower() == "by":
        j = k + 1
        while j < len(toks) and j - k <= 4 and toks[j].text[:1].isupper() and _is_word(toks[j]):
            j += 1
        if j == k + 1:
            return -1, None
        asker, k = (k + 1, j), j
    wh = _question_after(toks, k, limit=8)
    return wh, asker


def _call_content(toks: Sequence[_Tok], v: int) -> int:
    """Index where the demand starts after "called for" / "called on X to": "called for a ban on ...",
    "calling on Congress to act"; -1 for another sense ("called on Monday", "called for help"?)."""
    n = len(toks)
    low = toks[v].text.lower()
    if low not in _CALL or v + 2 >= n:
        return -1
    if v > 0:
        prev = toks[v - 1].text.lower()
        if re.search(r"['’]s?$", prev) and prev[:-2] not in _CONTRACTED or prev in _PASSIVE:
            return -1  # "Trump's call for a ban", "Sanders's clarion call for": a noun; "was called for Cruz"
        if low == "call" and prev not in _words().aux and prev not in _SUBJECT_PRONOUNS and prev != "to":
            return -1  # "a call for unity": a noun
    elif low == "call":
        return -1
    nxt = toks[v + 1].text.lower()
    if nxt == "for" and _is_word(toks[v + 2]):
        return v + 2
    if nxt == "on" and _is_word(toks[v + 2]) and toks[v + 2].text.lower() not in _ADJUNCT_START:
        k = v + 2
        while k < n and k - v < 12 and (_is_word(toks[k]) or toks[k].text == "."):
            if toks[k].text.lower() == "to":
                return v + 2
            k += 1
    return -1


_POSSESSIVE_DETS = frozenset("his her their its our my your".split())


def _nominal_source(toks: Sequence[_Tok], v: int) -> tuple[int, int] | None:
    """The holder before a reporting noun at ``toks[v]``: "his claim" -> "his", "Trump's repeated claim" ->
    "Trump", "the senators' warning" -> "the senators"; None for "the claim", "a belief"."""
    k = v - 1
    while k >= 0 and toks[k].text[:1].islower() and _is_word(toks[k]) and v - k <= 2 \
            and toks[k].text.lower() not in _POSSESSIVE_DETS and not re.search(r"['’]s?$", toks[k].text) \
            and toks[k].text.lower() not in ("the", "a", "an", "this", "that"):
        k -= 1  # adjectives: "his repeated claim", "the firmly held belief"
    if k < 0:
        return None
    low = toks[k].text.lower()
    if low in _POSSESSIVE_DETS:
        return k, k + 1
    if re.search(r"['’]s$", toks[k].text) or (toks[k].text in ("'", "’") and k > 0):
        e = k + 1 if toks[k].text not in ("'", "’") else k
        s = e - 1
        while s > 0 and (toks[s - 1].text[:1].isupper() or toks[s - 1].text == ".") and e - s < 5:
            s -= 1
        return s, e
    return None


#: Reporting phrases that take a "that" clause: "pointed out that", "made (it) clear that".
_PHRASES = {"point": (("out",),), "points": (("out",),), "pointed": (("out",),), "pointing": (("out",),),
            "make": (("clear",), ("it", "clear")), "makes": (("clear",), ("it", "clear")),
            "made": (("clear",), ("it", "clear")), "making": (("clear",), ("it", "clear"))}


def _phrase_that(toks: Sequence[_Tok], v: int) -> int:
    """Index of "that" after a reporting phrase opening at ``toks[v]`` ("pointed out that", "made it clear
    that"); -1 when there is none."""
    for rest in _PHRASES.get(toks[v].text.lower(), ()):
        k = v + 1
        if all(k + i < len(toks) and toks[k + i].text.lower() == r for i, r in enumerate(rest)):
            k += len(rest)
            if k < len(toks) and toks[k].text.lower() == "that":
                return k
    return -1
