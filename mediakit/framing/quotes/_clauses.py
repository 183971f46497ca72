"""Where reported speech ends: the clause boundaries that close "X said A, but B", "X said A, adding B"."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._lexicon import _NOUN_DETS, _SUBJECT_PRONOUNS, _is_word, _words
from ._marks import _rstrip
from ._model import _Tok

#: Conjunctions that open a clause of the writer's after a comma: "X said A, but B", "..., while Y said C".
_CLAUSE_CONJ = frozenset("but while whereas although though yet".split())
#: Words opening a sentence with a subordinate clause: "While the president has said A, his administration B".
_CLOSING = frozenset(['"', "”", "’", "'"])
_SUBORDINATORS = frozenset("while although though if because as since when whereas unless even".split())


def _opens_subordinate(toks: Sequence[_Tok], s: int) -> bool:
    """The subject at ``toks[s]`` stands in a subordinate clause that opens the sentence, with no comma
    between: "While the president has said ...", "Although Clinton argued ..."."""
    if s == 0 or toks[0].text.lower() not in _SUBORDINATORS:
        return False
    return all(t.text != "," for t in toks[1:s])


def _cue_within(toks: Sequence[_Tok], j: int, limit: int) -> bool:
    """A reporting verb (not a participle) within ``limit`` words from ``toks[j]``, only words between: "and
    added", "and Trump said", ", Carson said"."""
    w = _words()
    for k in range(j, min(j + limit + 1, len(toks))):
        t = toks[k]
        if not _is_word(t):
            return False
        low = t.text.lower()
        if low in w.speech and t.text[:1].islower() and not low.endswith("ing") \
                and not (k > 0 and toks[k - 1].text.lower() in _NOUN_DETS):
            return True  # not a noun: "Louisiana, the state where ..."
        if low in w.stop and k > j:
            return False
    return False


def _clause_end(text: str, toks: Sequence[_Tok], c: int, ce: int, in_quote: Callable[[int], bool], *,
                subordinate: bool = False) -> int:
    """End offset of the reported clause starting at ``toks[c]`` and running at most to ``ce``.

    It stops before a semicolon; before a comma followed by "but", "while", "although" with a reporting
    verb of its own ("X said A, while Y said B", "X said A, but cautioned B"; not "X added A, but it helped
    that B", the same speaker's contrast), by a reporting verb's participle ("X said A, adding B", "..., insisting B") or by "and" with a
    new subject or a reporting verb ("X said A, and he added B"); before "and" followed by a reporting
    verb ("X said A and added B"). With ``subordinate`` (the cue stands in a clause that opens the
    sentence, "While he has said A, his administration B") it stops at the first comma. Marks inside
    a quotation never end it.
    """
    w = _words()
    n = len(toks)
    for k in range(c + 1, n):
        t = toks[k]
        if t.start >= ce:
            break
        if t.text not in (",", ";", "and"):
            continue
        j = k + 1
        while j < n and toks[j].text in _CLOSING:
            j += 1  # the comma that ends a quotation ('was "corrupt," noting') ends the clause too
        if j >= n:
            break
        nxt = toks[j]
        if in_quote(nxt.start):
            continue
        low = nxt.text.lower()
        stop = False
        if t.text == ";":
            stop = True
        elif t.text == ",":
            if subordinate:
                stop = True
            elif low == "but" and j + 1 < n:
                verb = toks[j + 1].text
                stop = _cue_within(toks, j + 1, 6) or (verb[:1].islower() and verb.lower().endswith("ed"))
            elif low in _CLAUSE_CONJ:
                stop = _cue_within(toks, j + 1, 6)  # "..., while Cruz said ...", not "..., while its rival may ..."
            elif low.endswith("ing") and low in w.reporting:
                stop = True
            elif low == "and" and j + 1 < n:
                after = toks[j + 1].text.lower()
                stop = after in _SUBJECT_PRONOUNS - {"it", "there"} or _cue_within(toks, j + 1, 3)
            else:
                stop = _cue_within(toks, j, 4)  # "..., Carson said he did not": another speaker's clause
        elif low in w.speech and _is_word(nxt) and low.endswith("ed") or low in ("said", "told", "wrote"):
            stop = True  # "said A and added B"
        if stop:  # after the closing mark of a quotation that the comma ends, else before the comma
            return _rstrip(text, toks[c].start, toks[j - 1].end if j > k + 1 else t.start)
    return ce
