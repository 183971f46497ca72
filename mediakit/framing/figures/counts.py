"""What a figure counts: the noun phrase after it ("1,740 men") or before it ("the total of X ... reached N")."""

from __future__ import annotations

from collections.abc import Sequence

from ...article import Sentence, Token
from .amounts import _MEASURE_UNITS, _MONEY_UNITS, _MONTHS, _SCALES, _TIME_UNITS, _Amount, _is_wordnum

# Words that end the counted noun phrase.
_NP_STOP = frozenset(
    """a an the this that these those which who whom whose what when where while as because but or nor if than then
    so and of on at to in into onto from with without by via for about after before since until during over under
    between among against per each every
    is are was were be been being am has have had will would can could may might must shall should do does did
    not no never also now still just already only even again ago away later earlier old more less fewer most least
    said says say told tell added noted reported according
    it its he she they we i you him her them us me his their our my your there here
    who whom whose
    today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
    worldwide nationwide globally overall alone apiece annually altogether respectively
    sold went came made took gave got fell rose grew won paid spent found saw became began ran met
    cut put set kept held brought bought thought built sent led fled died were felt stood fought""".split()
)
_DETERMINERS = frozenset("the a an their its his her our your those these all such".split())
_COUNT_NOUNS = ("total", "number", "tally", "count", "amount", "sum", "figure")
# What a change is a change in: "a 4% rise in sales" counts "sales".
_CHANGE_WORDS = frozenset(
    "rise rises increase increases fall falls drop drops decline declines jump jumps gain gains cut cuts "
    "growth hike hikes reduction reductions surge slump leap climb".split()
)


def _noun_phrase(toks: Sequence[Token], lows: Sequence[str], k: int, *, max_words: int = 5) -> tuple[int, int] | None:
    """Token range of the counted noun phrase starting at token ``k``."""
    n = len(toks)
    last = -1
    m = k
    while m < n and m - k < max_words:
        t = toks[m]
        low = lows[m]
        if not t.text[:1].isalpha() or low in _NP_STOP or low.endswith(("n't", "ly")) and len(low) > 4:
            break
        if low in _SCALES or _is_wordnum(low) or low in _MONTHS and t.text[:1].isupper():
            break
        if (low.endswith("ed") or low.endswith("ing")) and not (m + 1 < n and _np_word(toks[m + 1].text, lows[m + 1])):
            break  # a verb after the phrase ("men were killed", "two killed")
        last = m
        m += 1
        if _plural(low) and m < n and _np_word(toks[m].text, lows[m]) and not _plural(lows[m]):
            break  # "Americans support ...", "tanks and": a plural noun ends the phrase
        if _plural(low) and m + 1 < n and _plural(lows[m]) and lows[m + 1] in _DETERMINERS:
            break  # "voters trusts the ...": the second plural-looking word is a verb
    return (k, last) if last >= k else None


def _plural(low: str) -> bool:
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ics"))


def _np_word(word: str, low: str) -> bool:
    return word[:1].isalpha() and low not in _NP_STOP and not (low.endswith("ly") and len(low) > 4)


def _counts_after(toks: Sequence[Token], lows: Sequence[str], a: _Amount) -> tuple[int, int] | None:
    n = len(toks)
    k = a.j + 1
    if a.unit in _TIME_UNITS or a.unit in ("years old", "times"):
        return None
    if k < n and lows[k] == "of" and (a.share_of or a.unit in ("%", "share") or a.value is None or a.unit):
        k += 1
    elif a.unit in _MEASURE_UNITS:
        return None  # "1.2 million barrels a day": a measure counts only what follows "of"
    elif k < n and lows[k] in ("in", "worth") and a.unit in _MONEY_UNITS:
        k += 1
        if k < n and lows[k] == "of":
            k += 1
    while k < n and lows[k] in _DETERMINERS:
        k += 1
    if k < n and lows[k] in _CHANGE_WORDS:
        if k + 2 < n and lows[k + 1] in ("in", "of"):
            return _noun_phrase(toks, lows, k + 2)  # "a 4% rise in sales"
        return None
    if k == a.j + 1 and k < n and toks[k].text[:1].isupper() and a.unit is not None:
        return None  # "$1bn London listing": a name, not what is counted
    return _noun_phrase(toks, lows, k)



_LOOK_BACK = 40  # tokens before an amount searched for "the total of X ... reached N"


def _counts_before(text: str, sent: Sentence, toks: Sequence[Token], lows: Sequence[str], a: _Amount) -> str | None:
    """'the total of lost military personnel has reached 675,800' -> 'lost military personnel'."""
    best: str | None = None
    # a bounded look back (the counted phrase stands within a clause of the amount): linear on long sentences
    for k in range(a.i - 2, max(-1, a.i - 2 - _LOOK_BACK), -1):
        low = lows[k]
        if low in _COUNT_NOUNS and k + 1 < a.i and lows[k + 1] == "of":
            m = k + 2
            while m < a.i and lows[m] in _DETERMINERS:
                m += 1
            rng = _noun_phrase(toks, lows, m, max_words=6)
            if rng is not None and rng[1] < a.i:
                best = text[toks[rng[0]].start : toks[rng[1]].end]
            break
        if low == "toll" and k > 0 and lows[k - 1] in ("death", "casualty"):
            best = "deaths" if lows[k - 1] == "death" else "casualties"
            break
        if toks[k].text in (";", ":") or low in ("when", "while", "which", "who", "because"):
            break
    return best
