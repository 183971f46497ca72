"""Figures: the numbers and amounts a text gives, what they count, and who they come from.

News frames a story through its numbers ("at least 1 million combined
casualties", "$3.5 billion in aid", "45% of voters"). :func:`find_figures`
finds each amount with:

* ``value``: the number, with words read ("two and a half" = 2.5, "half a
  million" = 500000, "1.5bn" = 1.5e9, "a dozen" = 12); ``None`` for vague
  amounts ("dozens of", "thousands of");
* ``unit``: ``"%"``, ``"percentage points"``, a currency (``"$"``, ``"€"``,
  ``"£"``, ``"¥"``, ``"₹"``, or the currency word: ``"rubles"``), a measure
  (``"years"``, ``"weeks"``, ``"km"``, ``"tonnes"``...), ``"years old"``
  for ages, ``"share"`` for fractions of a group ("a third of voters", "one in
  five voters" = 0.2), ``"times"`` for multipliers ("400 times more likely");
* ``counts``: the noun phrase counted, after the number ("1,740 men",
  "45% of voters", "$3.5 billion in military aid") or, failing that, before
  it ("the total of lost military personnel has reached 675,800");
* ``source``: who the figure is attributed to, in the same sentence: a
  source found by :func:`mediakit.framing.cues.find_sources` ("according to
  the data", "according to an index sourced from the Armed Forces of
  Ukraine"), else the subject of a reporting verb ("Police said 12 people
  ..."), else the speaker of the quotation it sits in when ``quotes`` are given;
* ``approximate``: a qualifier before or after it ("at least", "about",
  "more than", "nearly", "some", "up to", "an estimated", "or more") or a
  vague amount;
* ``in_quote``: it lies inside a quotation.

``text`` is the whole figure as written: qualifier, amount, unit and the
counted noun phrase when it follows (``"at least 1 million combined
casualties"``).

Not figures (excluded on purpose): years written alone ("in 2024", "the 2020s"),
dates ("May 12", "12 May", "the 12th"), clock times ("10:30", "3 p.m."),
ordinals ("first", "1st"), identifiers and names with numbers ("Covid-19",
"F-16", "G7", "Article 5", "No. 10", "Flight 370"), ranges and scores
written with a hyphen ("10-15", "3-1"), and a bare "one" or "zero" ("one
day", "one of them") unless it is a percentage or a currency amount. A
four-digit number from 1800 to 2100 with no comma, unit or counted noun is
read as a year; write "2,000 people" to count.

"1.2m" is read as 1.2 million ("1.2m viewers") except before a race word
("the 100m final": metres).

Limits: the counted noun phrase is cut at function words and verbs by
rule (no parser); a time span ("two weeks") counts nothing; a figure's
source is looked for in its own sentence only; a reporting verb's subject
is only a capitalised name or a group noun ("police", "officials"), not a
pronoun.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..article import Article, Sentence, Token
from ..errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Figure", "find_figures", "figures_table"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number or amount in the text.

    Attributes:
        start: offset of the figure's first character (its qualifier, if any).
        end: offset just past its last character (``text == source[start:end]``).
        text: the figure as written, with qualifier, unit and counted noun phrase.
        value: the number (``1000000.0`` for "1 million"); None for a vague amount.
        unit: what the number is measured in (see the module docstring), or None.
        counts: what it counts ("men", "combined casualties"), or None.
        source: who it is attributed to, or None.
        sentence: index of the sentence it lies in.
        approximate: a qualifier ("at least", "about") or a vague amount.
        in_quote: it lies inside a quotation.
    """

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    counts: str | None
    source: str | None
    sentence: int
    approximate: bool
    in_quote: bool

    def to_dict(self) -> dict[str, Any]:
        """The figure as a plain dict."""
        return asdict(self)


# --------------------------------------------------------------------------- vocabulary
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX_SCALES = {"bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "mn": 1e6, "m": 1e6, "k": 1e3}
_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
_VAGUE = frozenset("dozens hundreds thousands millions billions scores tens".split())
_CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹"}
_CURRENCY_CODES = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "inr": "₹", "cny": "yuan", "rub": "rubles"}
_CURRENCY_WORDS = {
    "dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "pounds", "pounds": "pounds",
    "sterling": "£", "yen": "¥", "yuan": "yuan", "renminbi": "yuan", "rupee": "₹", "rupees": "₹",
    "ruble": "rubles", "rubles": "rubles", "rouble": "rubles", "roubles": "rubles", "peso": "pesos",
    "pesos": "pesos", "franc": "francs", "francs": "francs", "hryvnia": "hryvnias", "hryvnias": "hryvnias",
    "lira": "lira", "shekel": "shekels", "shekels": "shekels", "rand": "rand",
}
_MEASURES = {
    "year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks", "weeks": "weeks",
    "day": "days", "days": "days", "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
    "second": "seconds", "seconds": "seconds", "decade": "decades", "decades": "decades", "century": "centuries",
    "centuries": "centuries", "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "miles", "miles": "miles", "metre": "metres", "metres": "metres",
    "meter": "metres", "meters": "metres", "feet": "feet", "foot": "feet", "ft": "feet", "yard": "yards",
    "yards": "yards", "inch": "inches", "inches": "inches", "acre": "acres", "acres": "acres",
    "hectare": "hectares", "hectares": "hectares", "tonne": "tonnes", "tonnes": "tonnes", "ton": "tons",
    "tons": "tons", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilos": "kg", "barrel": "barrels",
    "barrels": "barrels", "litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres",
    "gallon": "gallons", "gallons": "gallons", "degree": "degrees", "degrees": "degrees", "mph": "mph",
    "kph": "km/h", "mw": "MW", "gw": "GW", "kwh": "kWh", "times": "times", "fold": "times",
}
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_TIME_AFTER = frozenset("a.m a.m. am p.m p.m. pm gmt bst utc cet est edt et pt pst pdt o'clock hrs h".split())
_ID_WORDS = frozenset(
    """article articles section sections chapter chapters amendment clause rule paragraph flight flights route
    highway interstate room no number level phase stage category title page pages resolution proposition prop
    question district ward precinct grade gate terminal platform channel block lot apartment apt suite floor
    building episode season vol volume part figure table model version type code division formula window windows
    iphone boeing airbus su mig apollo tu il an unit squad battalion brigade regiment corps fleet row seat
    bus line track""".split()
)
# Qualifiers before a number (longest first) and after it.
_BEFORE = (
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"), ("up", "to"),
    ("as", "many", "as"), ("as", "much", "as"), ("as", "few", "as"), ("as", "little", "as"), ("close", "to"),
    ("upwards", "of"), ("in", "excess", "of"), ("an", "estimated"), ("just", "over"), ("just", "under"),
    ("well", "over"), ("nearly",), ("almost",), ("about",), ("around",), ("approximately",), ("roughly",),
    ("some",), ("over",), ("under",), ("estimated",), ("circa",), ("approx",), ("roughly",), ("barely",),
    ("~",),
)
_AFTER = (("or", "more"), ("or", "so"), ("plus",), ("+",))
_BEFORE_BY_LAST: dict[str, tuple[tuple[str, ...], ...]] = {
    last: tuple(words for words in _BEFORE if words[-1] == last) for last in {words[-1] for words in _BEFORE}
}
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
_SPORT_DISTANCE = frozenset(
    "final finals hurdles freestyle relay race races sprint medley backstroke breaststroke butterfly heat heats "
    "title record records high long deep tall wide away world olympic".split()
)
_REFLEXIVES = frozenset("themselves himself herself itself ourselves myself yourself yourselves".split())
_NOT_NAMES = frozenset("other others some many most few several all both each another".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_OPENERS = frozenset('" “ \' ‘ ( [ : — – -'.split())
_GROUP_SUBJECTS = frozenset(
    """police officials authorities analysts experts researchers scientists economists officers investigators
    prosecutors organizers organisers doctors data figures statistics estimates survey poll study report
    ministry government military army spokesperson spokesman spokeswoman commander official minister
    president governor mayor chief director sources source witnesses residents""".split()
)
_EXTRA_VERBS = frozenset("estimate estimates estimated show shows showed found finds calculated calculates".split())
_EXTEND_SOURCE = re.compile(
    r"\s+(?:sourced|compiled|published|provided|released|collected|gathered|issued|produced|run|kept)\s+(?:from|by)\s+"
    r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|de|[A-Z][\w'’.-]*))*)"
)
_WORDNUM = frozenset(_SMALL) | frozenset(_TENS)
_MONEY_UNITS = frozenset(_CURRENCY_SYMBOLS.values()) | frozenset(_CURRENCY_WORDS.values()) | frozenset(
    _CURRENCY_CODES.values())
# A sentence without a digit or a number word has no figure: skip it without tokenizing.
_NUMBER_WORDS = sorted(set(_SMALL) | set(_TENS) | set(_VAGUE) | {"dozen", "half", "third", "thirds", "quarter", "quarters"})
# The lookahead (a digit or a number word's first letter) only lets the scan skip, quickly, the
# positions where no branch can match: the same sentences pass.
_MAYBE_NUMBER = re.compile(
    r"(?=[\d" + "".join(sorted({w[0] for w in _NUMBER_WORDS})) + r"])(?:\d|\b(?:" + "|".join(_NUMBER_WORDS) + r"))",
    re.IGNORECASE,
)
_AMOUNT_STARTS = frozenset({"a", "an", "half"}) | _VAGUE | _WORDNUM
_TIME_UNITS = frozenset("years months weeks days hours minutes seconds decades centuries".split())
_MEASURE_UNITS = frozenset(_MEASURES.values())


def _is_wordnum(low: str) -> bool:
    if low in _WORDNUM:
        return True
    if "-" in low:
        a, _, b = low.partition("-")
        return a in _TENS and b in _SMALL and 0 < _SMALL[b] < 10
    return False


def _wordnum_value(low: str) -> float:
    if "-" in low:
        a, _, b = low.partition("-")
        return float(_TENS[a] + _SMALL[b])
    return float(_SMALL.get(low, _TENS.get(low, 0)))


# --------------------------------------------------------------------------- scanning
@dataclass(slots=True)
class _Amount:
    i: int  # first token of the amount (a currency sign included)
    j: int  # last token of the amount (inclusive), unit included
    value: float | None
    unit: str | None = None
    approximate: bool = False
    share_of: bool = False  # "half of", "a third of": the counted phrase follows "of"


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return a.end == b.start


def _spaced(text: str, a: Token, b: Token) -> bool:
    """Only spaces between two tokens."""
    return not text[a.end : b.start].strip()


def _digit_value(tok: str) -> float | None:
    if ":" in tok or tok.count(".") > 1:
        return None
    raw = tok.rstrip("%").replace(",", "")
    if "," in tok and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?", tok):
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def _word_amount(toks: Sequence[Token], lows: Sequence[str], i: int) -> _Amount | None:
    """A number written in words starting at token ``i``."""
    n = len(toks)
    low = lows[i]
    nxt = lows[i + 1] if i + 1 < n else ""
    nxt2 = lows[i + 2] if i + 2 < n else ""
    if low in ("a", "an"):
        if nxt == "dozen":
            return _Amount(i, i + 1, 12.0)
        if nxt == "hundred":
            return _Amount(i, i + 1, 100.0)
        if nxt in _SCALES:
            return _Amount(i, i + 1, _SCALES[nxt])
        if nxt in _FRACTIONS and nxt2 == "of":
            return _Amount(i, i + 1, _FRACTIONS[nxt], "share", share_of=True)
        return None
    if low == "half":
        if nxt in ("a", "an") and nxt2 in _SCALES:
            return _Amount(i, i + 2, 0.5 * _SCALES[nxt2])
        if nxt == "of":
            return _Amount(i, i, 0.5, "share", share_of=True)
        return None
    if low in _VAGUE:
        if nxt != "of":
            return None
        j = i
        if nxt2 in _VAGUE and i + 3 < n and lows[i + 3] == "of":  # "tens of thousands of"
            j = i + 2
        return _Amount(i, j, None, approximate=True)
    if not _is_wordnum(low):
        return None
    total = 0.0
    cur = 0.0
    j = i
    k = i
    words: list[str] = []
    while k < n:
        w = lows[k]
        if _is_wordnum(w):
            cur += _wordnum_value(w)
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "dozen":
            cur = (cur or 1) * 12
        elif w in _SCALES:
            total += (cur or 1) * _SCALES[w]
            cur = 0.0
        elif w == "and" and k + 1 < n and (_is_wordnum(lows[k + 1]) or lows[k + 1] in ("a", "an")):
            if lows[k + 1] in ("a", "an"):
                frac = lows[k + 2] if k + 2 < n else ""
                if frac in ("half", "quarter", "third"):
                    cur += _FRACTIONS[frac]
                    words += ["and", "a", frac]
                    j = k + 2
                    k += 3
                    continue
                break
            k += 1
            continue
        elif w in ("thirds", "quarters", "third", "quarter") and words and k + 1 < n and lows[k + 1] == "of":
            value = (total + cur) * _FRACTIONS[w]
            return _Amount(i, k, value, "share", share_of=True)
        else:
            break
        words.append(w)
        j = k
        k += 1
    if not words:
        return None
    if "-" in low and low.split("-")[1] in ("thirds", "quarters"):
        return None
    return _Amount(i, j, total + cur)


def _fraction_word(low: str) -> _Amount | None:
    """'two-thirds' as one token."""
    a, _, b = low.partition("-")
    if a in _SMALL and b in ("thirds", "quarters", "third", "quarter", "half"):
        return _Amount(0, 0, _SMALL[a] * _FRACTIONS[b], "share", share_of=True)
    return None


def _amounts(text: str, toks: Sequence[Token], lows: Sequence[str]) -> list[_Amount]:
    """Amounts in one sentence's tokens, with their unit, before qualifiers and exclusions of context."""
    out: list[_Amount] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        low = lows[i]
        currency: str | None = None
        start = i
        # currency before the number: "$", "US$", "USD"
        if t.text in _CURRENCY_SYMBOLS and i + 1 < n and toks[i + 1].text[:1].isdigit() and _spaced(text, t, toks[i + 1]):
            currency = _CURRENCY_SYMBOLS[t.text]
            if i > 0 and toks[i - 1].text.isupper() and len(toks[i - 1].text) <= 2 and _adjacent(text, toks[i - 1], t):
                start = i - 1  # "US$", "A$", "HK"
            i += 1
            t = toks[i]
            low = lows[i]
        elif low in _CURRENCY_CODES and i + 1 < n and toks[i + 1].text[:1].isdigit() and t.text.isupper():
            currency = _CURRENCY_CODES[low]
            i += 1
            t = toks[i]
            low = lows[i]
        amount: _Amount | None = None
        if t.text[:1].isdigit():
            if not _number_ok(text, toks, lows, i):
                i += 1
                continue
            value = _digit_value(t.text)
            if value is None:
                i += 1
                continue
            amount = _Amount(start, i, value)
            if t.text.endswith("%"):
                amount.unit = "%"
            # suffix glued to the digits: 5m, 3.5bn, 10k
            if i + 1 < n and _adjacent(text, t, toks[i + 1]) and toks[i + 1].text[:1].isalpha():
                suf = lows[i + 1]
                after = lows[i + 2] if i + 2 < n else ""
                if suf == "m" and not currency and after in _SPORT_DISTANCE:
                    amount.unit = "metres"  # "the 100m final"
                    amount.j = i + 1
                elif suf in _SUFFIX_SCALES and (currency or suf in ("bn", "tn", "trn", "k", "m", "mn")):
                    amount.value = value * _SUFFIX_SCALES[suf]  # "$5m", "1.2m people"
                    amount.j = i + 1
                elif suf in _MEASURES:
                    amount.unit = _MEASURES[suf]
                    amount.j = i + 1
                else:
                    i += 2  # 1st, 3pm, 5G: not a figure
                    continue
        else:
            frac = _fraction_word(low) if "-" in low else None
            if frac is not None and i + 1 < n and lows[i + 1] == "of":
                amount = _Amount(i, i, frac.value, "share", share_of=True)
            else:
                # only these words can start a number in words: skip the call for every other token
                amount = _word_amount(toks, lows, i) if low in _AMOUNT_STARTS or "-" in low else None
            if amount is not None:
                amount.i = start
        if amount is None:
            i += 1
            continue
        amount.unit = amount.unit or currency
        _ratio(toks, lows, amount)
        number_end = amount.j
        digits = toks[number_end].text[:1].isdigit() or toks[amount.j].text[:1].isdigit()
        if not digits and t.text[:1].isupper() and i > 0 and toks[i - 1].text not in _OPENERS:
            i = amount.j + 1  # "Six Nations", "the Big Four": part of a name
            continue
        _read_unit(text, toks, lows, amount, currency)
        if digits and _identifier(text, toks, lows, start, amount):
            i = amount.j + 1  # Commodore 64, Xbox 2, Band Aid 20
            continue
        if digits and amount.unit is None and _age_apposition(toks, start, amount):
            amount.unit = "years old"  # "Mutu, 25, was sacked"
        if amount.i == number_end and lows[amount.i] in ("one", "zero") and (
                amount.unit is None or amount.unit in _TIME_UNITS or amount.unit in _MEASURE_UNITS):
            i = amount.j + 1  # "one day", "one of them", "zero tolerance"
            continue
        if amount.value is not None and _is_date_or_year(text, toks, lows, amount, currency):
            i = amount.j + 1
            continue
        out.append(amount)
        i = amount.j + 1
    return out


def _ratio(toks: Sequence[Token], lows: Sequence[str], a: _Amount) -> None:
    """'one in five', '1 in 10': a share of what follows."""
    n = len(toks)
    k = a.j + 1
    if a.value is None or a.unit is not None or k + 1 >= n or lows[k] != "in":
        return
    nxt = toks[k + 1]
    low = lows[k + 1]
    if nxt.text[:1].isdigit() and re.fullmatch(r"\d{1,3}(?:,\d{3})*", nxt.text):
        total = float(nxt.text.replace(",", ""))
    elif _is_wordnum(low):
        total = _wordnum_value(low)
    else:
        return
    if total > a.value > 0:
        a.value, a.unit, a.j = a.value / total, "share", k + 1


def _identifier(text: str, toks: Sequence[Token], lows: Sequence[str], start: int, a: _Amount) -> bool:
    """Digits right after a capitalised word inside the sentence, with no unit: a name ("Xbox 2")."""
    if a.unit is not None or start < 2 or toks[start].text in _CURRENCY_SYMBOLS:
        return False
    prev = toks[start - 1]
    low = lows[start - 1]
    if not prev.text[:1].isupper() or not _spaced(text, prev, toks[start]) or low in _MONTHS or low in _WEEKDAYS:
        return False
    if any(low == w[-1] for w in _BEFORE) or toks[start - 2].text in _OPENERS or toks[start - 2].text in ".!?":
        return False
    return True


def _age_apposition(toks: Sequence[Token], start: int, a: _Amount) -> bool:
    """'Mutu, 25, was sacked': a number between commas after a name is an age."""
    if a.value is None or not (1 <= a.value <= 120) or a.value != int(a.value) or start < 2:
        return False
    after = toks[a.j + 1].text if a.j + 1 < len(toks) else ""
    return toks[start - 1].text == "," and toks[start - 2].text[:1].isupper() and after == ","


def _number_ok(text: str, toks: Sequence[Token], lows: Sequence[str], i: int) -> bool:
    """False for digits that are part of an identifier, a time, a range or a score."""
    t = toks[i]
    if ":" in t.text:
        return False
    before = text[t.start - 1] if t.start > 0 else " "
    if before.isalpha() or before in "#/_":
        return False
    if before in "-–" and t.start > 1 and (text[t.start - 2].isalnum()):
        return False  # F-16, 10-15 (second half)
    after = text[t.end : t.end + 2]
    if after[:1] in ("-", "–") and after[1:2].isdigit():
        return False  # 10-15, 3-1
    if after[:1] == "/" and after[1:2].isdigit():
        return False  # 9/11, 24/7
    if i > 0:
        prev = lows[i - 1].rstrip(".")
        prev_raw = toks[i - 1].text
        if prev in _ID_WORDS and (prev_raw[:1].isupper() or prev in ("no", "number")) or prev in ("top", "ranked"):
            return False
        if prev_raw == "." and i > 1 and lows[i - 2] in ("no", "nos", "vol", "pp", "p"):
            return False
        if prev_raw == "#":
            return False
    if i + 1 < len(toks) and lows[i + 1].rstrip(".") in _TIME_AFTER:
        return False
    if i + 2 < len(toks) and lows[i + 1] in ("a", "p") and toks[i + 2].text == ".":
        return False
    return True


def _read_unit(text: str, toks: Sequence[Token], lows: Sequence[str], a: _Amount, currency: str | None) -> None:
    """Extend ``a`` over a scale word, a percent sign or word, a currency word or a measure after it."""
    n = len(toks)
    k = a.j + 1
    if a.value is not None and k < n and lows[k] in _SCALES and a.unit != "share":
        a.value *= _SCALES[lows[k]]
        a.j = k
        k += 1
    elif a.value is not None and k < n and lows[k] == "hundred":
        a.value *= 100
        a.j = k
        k += 1
    if k >= n:
        return
    w = lows[k]
    if toks[k].text == "%":
        a.unit, a.j = "%", k
    elif w in ("percent", "pct"):
        a.unit, a.j = "%", k
    elif w == "per" and k + 1 < n and lows[k + 1] == "cent":
        a.unit, a.j = "%", k + 1
    elif w in ("percentage", "basis") and k + 1 < n and lows[k + 1] in ("point", "points"):
        a.unit, a.j = f"{w} points", k + 1
    elif w in _CURRENCY_WORDS and currency is None:
        a.unit, a.j = _CURRENCY_WORDS[w], k
    elif w in _CURRENCY_CODES and toks[k].text.isupper() and currency is None:
        a.unit, a.j = _CURRENCY_CODES[w], k
    elif a.unit is None and toks[k].text in ("-", "–") and k + 1 < n and _adjacent(text, toks[k - 1], toks[k]) \
            and _adjacent(text, toks[k], toks[k + 1]):
        first = lows[k + 1].split("-")[0]
        if first in _MEASURES:  # 17-year-old, 10-day, 5-mile
            a.unit = "years old" if lows[k + 1].endswith(("-old", "-olds")) else _MEASURES[first]
            a.j = k + 1
    elif a.unit is None and w in _MEASURES:
        a.unit, a.j = _MEASURES[w], k
        if a.unit == "years" and k + 1 < n and lows[k + 1] == "old":
            a.unit, a.j = "years old", k + 1


def _is_date_or_year(text: str, toks: Sequence[Token], lows: Sequence[str], a: _Amount, currency: str | None) -> bool:
    first = a.i
    while first < a.j and not toks[first].text[:1].isdigit():
        first += 1  # past "US", "$"
    t = toks[first]
    if not t.text[:1].isdigit():
        return False
    if currency or a.unit in ("%", "percentage points", "basis points"):
        return False
    prev = toks[first - 1] if first > 0 else None
    prev_low = lows[first - 1] if first > 0 else ""
    nxt = toks[a.j + 1] if a.j + 1 < len(toks) else None
    nxt_low = lows[a.j + 1] if a.j + 1 < len(toks) else ""
    # May 12, Oct. 12, 12 May, October 28th
    if prev is not None and prev.text == "." and first > 1:
        prev, prev_low = toks[first - 2], lows[first - 2]
    if prev is not None and prev.text[:1].isupper() and prev_low.rstrip(".") in _MONTHS:
        return True
    if nxt is not None and nxt.text[:1].isupper() and nxt_low.rstrip(".") in _MONTHS:
        return True
    if nxt is not None and nxt_low == "of" and a.j + 2 < len(toks) and lows[a.j + 2] in _MONTHS:
        return True
    if nxt is not None and nxt_low in ("and", "to", "-", "–") and a.j + 3 < len(toks) \
            and toks[a.j + 2].text[:1].isdigit() and lows[a.j + 3] in _MONTHS:
        return True  # between 6 and 12 December
    if a.i == a.j and re.fullmatch(r"\d{4}", t.text) and 1800 <= int(t.text) <= 2100:
        if nxt is not None and _adjacent(text, t, nxt) and nxt_low in ("s", "'s"):
            return True  # the 1990s
        return True
    return False


def _qualifier(lows: Sequence[str], a: _Amount) -> int | None:
    """Index of the first token of a qualifier right before the amount, or None.

    "over" and "under" before a time span ("over two years") mean "during", not "more than".
    """
    if a.i < 1:
        return None
    # only the qualifiers ending in the word before the amount can match: same order, same answer
    for words in _BEFORE_BY_LAST.get(lows[a.i - 1], ()):
        k = a.i - len(words)
        if k < 0:
            continue
        if words in (("over",), ("under",)) and a.unit in _TIME_UNITS:
            continue
        if tuple(lows[k:a.i]) == words:
            return k
    return None


def _qualifier_after(lows: Sequence[str], j: int) -> int | None:
    for words in _AFTER:
        if j + len(words) < len(lows) and tuple(lows[j + 1 : j + 1 + len(words)]) == words:
            return j + len(words)
    return None


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


def _speech_subjects(text: str, toks: Sequence[Token], lows: Sequence[str], verbs: frozenset[str]) -> list[tuple[int, int, int]]:
    """(subject first token, subject last token, verb token) for reporting verbs with a named subject."""
    out: list[tuple[int, int, int]] = []
    n = len(toks)
    for v in range(n):
        if lows[v] not in verbs:
            continue
        # subject before: capitalised words or a group noun, possibly after "the"
        k = v - 1
        last = k
        while k >= 0 and _spaced(text, toks[k], toks[k + 1]) and v - k <= 5:
            w = toks[k]
            if w.text[:1].isupper() and (lows[k] not in _NP_STOP or len(w.text) > 1 and w.text.isupper()):
                k -= 1
                continue
            if lows[k] in _GROUP_SUBJECTS and k == last:
                k -= 1
                continue
            break
        first = k + 1
        if lows[v] in _EXTRA_VERBS and (
                last < 0 or not (toks[last].text[:1].isupper() or lows[last] in _GROUP_SUBJECTS)
                or (v + 1 < n and lows[v + 1] in _REFLEXIVES) or (last == 0 and lows[0] in _NOT_NAMES)):
            continue  # "a poll found", "Gallup found", not "Others found themselves"
        if first <= last and last == v - 1:
            if toks[first].text[:1].isupper() or lows[first] in _GROUP_SUBJECTS:
                m = first - 1  # "a local official", "the regional police"
                while m >= 0 and first - m <= 2 and toks[m].text[:1].islower() and lows[m] not in _NP_STOP:
                    m -= 1
                if m >= 0 and lows[m] in ("a", "an", "the") and lows[last] in _GROUP_SUBJECTS:
                    first = m
                elif first > 0 and lows[first - 1] == "the":
                    first -= 1
                out.append((first, last, v))
                continue
        # inverted: ", said Peskov"
        k = v + 1
        m = k
        while m < n and toks[m].text[:1].isupper() and lows[m] not in _NP_STOP and m - k < 4 \
                and _spaced(text, toks[m - 1], toks[m]):
            m += 1
        if m > k and v > 0 and toks[v - 1].text in (",", '"', "”", "'", "’"):
            out.append((k, m - 1, v))
    return out


def _extended_source(text: str, name: str, name_end: int) -> str:
    m = _EXTEND_SOURCE.match(text, name_end)
    if not m:
        return name
    tail = re.sub(r"(?:\s+(?:of|for|and|the|de))+$", "", m.group(1))
    return text[name_end - len(name) : m.start(1) + len(tail)]


def find_figures(
    text_or_article: str | Article, *, quotes: Sequence[Any] | None = None, sources: Sequence[Any] | None = None
) -> tuple[Figure, ...]:
    """Numbers and amounts in the text, in order, with value, unit, what they count and their source.

    Args:
        text_or_article: a text, or an Article (offsets into ``article.text``).
        quotes: quotations found in the same text (e.g.
            :func:`mediakit.framing.quotes.extract_quotes`); a figure inside one
            with no source in its sentence is attributed to its speaker.
        sources: the sources of the same text, if already found
            (:func:`mediakit.framing.cues.find_sources`); found here otherwise,
            only when a sentence holds an amount.

    Returns:
        The figures, in text order (see the module docstring for what is excluded).

    Examples:
        >>> f = find_figures("At least 1,740 men were killed, according to the ministry.")[0]
        >>> (f.text, f.value, f.counts, f.source, f.approximate)
        ('At least 1,740 men', 1740.0, 'men', 'the ministry', True)
        >>> [(f.text, f.value, f.unit) for f in find_figures("It cost $3.5 billion, 45% more, over two and a half years.")]
        [('$3.5 billion', 3500000000.0, '$'), ('45%', 45.0, '%'), ('two and a half years', 2.5, 'years')]
        >>> find_figures("On May 12, 2024, one of them left at 10:30 after one day.")
        ()
    """
    from ..lexicon import load_wordlist
    from ..segment import quoted_in_paragraphs, split_sentences, tokenize
    from .cues import find_sources

    if not isinstance(text_or_article, (str, Article)):
        raise InputError(f"expected a str or an Article, not {type(text_or_article).__name__}")
    text = text_or_article.text if isinstance(text_or_article, Article) else text_or_article
    sentences = split_sentences(text_or_article)
    if not sentences:
        return ()
    quoted = quoted_in_paragraphs(text_or_article)
    by_sentence: dict[int, list[Any]] | None = None
    verbs = frozenset(load_wordlist("speech_verbs")) | _EXTRA_VERBS
    out: list[Figure] = []
    in_quoted = _covered(quoted)
    speaker_at: Callable[[int], str | None] | None = None
    for sent in sentences:
        if not _MAYBE_NUMBER.search(text, sent.start, sent.end):
            continue
        toks = tokenize(text, start=sent.start, end=sent.end)
        lows = [t.text.lower().replace("’", "'") for t in toks]
        amounts = _amounts(text, toks, lows)
        if not amounts:
            continue
        subject_for = _subject_for(_speech_subjects(text, toks, lows, verbs))
        if by_sentence is None:
            by_sentence = {}
            for src in find_sources(text_or_article) if sources is None else sources:
                by_sentence.setdefault(src.sentence, []).append(src)
        here = by_sentence.get(sent.index, ())
        cited_here = [x for x in here if x.kind not in ("told", "outlet")]
        outlets_here = [x for x in here if x.kind == "outlet"]
        cited = _nearest(cited_here, lambda x: (x.start, x.end)) if cited_here else None
        outlet = _nearest(outlets_here, lambda x: (x.start,)) if outlets_here else None
        for a in amounts:
            q = _qualifier(lows, a)
            first = a.i if q is None else q
            last = a.j
            approximate = a.approximate or q is not None
            qa = _qualifier_after(lows, a.j)
            counts: str | None = None
            rng = _counts_after(toks, lows, a)
            if rng is not None:
                counts = text[toks[rng[0]].start : toks[rng[1]].end]
                last = rng[1]
            elif a.unit is None or a.unit in ("share",):
                counts = _counts_before(text, sent, toks, lows, a)
            if qa is not None and rng is None:
                approximate = True
                last = qa
            s, e = toks[first].start, toks[last].end
            pos = toks[a.i].start
            in_quote = in_quoted(pos)
            if in_quote and quotes and speaker_at is None:
                speaker_at = _speaker_at(quotes)
            source = _source_for(text, pos, cited, subject_for(a.i) if cited is None else None, toks,
                                 speaker_at if in_quote and quotes else None, outlet)
            out.append(Figure(s, e, text[s:e], a.value, a.unit, counts, source, sent.index, approximate, in_quote))
    return tuple(out)


def _nearest(items: Sequence[Any], points: Callable[[Any], tuple[int, ...]]) -> Callable[[int], Any]:
    """The first of ``items`` (in order) with a point nearest ``pos``, as ``min`` by distance gives it.

    Few items: ``min`` itself. Many (a long sentence citing many sources):
    a sorted index of points, so each figure costs a bisection, not a scan.
    """
    if len(items) <= 8:
        return lambda pos: min(items, key=lambda it: min(abs(p - pos) for p in points(it)))
    first: dict[int, int] = {}  # point -> first item having it
    for k, it in enumerate(items):
        for p in points(it):
            first.setdefault(p, k)
    where = sorted(first)

    def nearest(pos: int) -> Any:
        k = bisect.bisect_left(where, pos)
        d = min(abs(where[m] - pos) for m in (k - 1, k) if 0 <= m < len(where))
        return items[min(first.get(pos - d, len(items)), first.get(pos + d, len(items)))]

    return nearest


def _covered(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether ``pos`` lies in any of ``spans`` (``lo <= pos < hi``), by bisection."""
    ordered = sorted(spans)
    los = [lo for lo, _ in ordered]
    reach = list(itertools.accumulate((hi for _, hi in ordered), max))  # furthest end among spans so far

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(los, pos) - 1
        return k >= 0 and reach[k] > pos

    return covered


def _speaker_at(quotes: Sequence[Any]) -> Callable[[int], str | None]:
    """The speaker of the first quotation (in the order given) with a speaker that holds ``pos``.

    The quotations' ends cut the text into pieces, each held by the same
    quotations; one sweep finds each piece's first one, so a text with many
    quotations and figures stays linear.
    """
    spoken = sorted((q.start, q.end, k, str(q.speaker)) for k, q in enumerate(quotes)
                    if getattr(q, "speaker", None) and q.start < q.end)
    cuts = sorted({x for start, end, _, _ in spoken for x in (start, end)})
    owner: list[str | None] = []
    heap: list[tuple[int, int, str]] = []  # (order, end, speaker) of quotations begun
    nxt = 0
    for cut in cuts:
        while nxt < len(spoken) and spoken[nxt][0] <= cut:
            start, end, k, speaker = spoken[nxt]
            heapq.heappush(heap, (k, end, speaker))
            nxt += 1
        while heap and heap[0][1] <= cut:
            heapq.heappop(heap)  # ended: positions only grow from here
        owner.append(heap[0][2] if heap else None)

    def speaker_at(pos: int) -> str | None:
        k = bisect.bisect_right(cuts, pos) - 1
        return owner[k] if k >= 0 else None

    return speaker_at


def _subject_for(subjects: Sequence[tuple[int, int, int]]) -> Callable[[int], tuple[int, int, int] | None]:
    """The first reporting-verb subject (in verb order) that a figure at token ``i`` may be attributed to.

    A subject before its verb ("Police said") takes figures outside its own
    words and verb (``i > verb or i < first``); an inverted one ("said
    Peskov") takes figures before the verb. The first kind fails only for a
    figure inside its few tokens, so few are skipped; the second kind is
    found by bisection on the verbs. Same answer as trying them in order.
    """
    before = [(k, s) for k, s in enumerate(subjects) if s[1] < s[2]]
    inverted = [(k, s) for k, s in enumerate(subjects) if s[2] < s[0]]
    verbs = [s[2] for _, s in inverted]

    def subject_for(i: int) -> tuple[int, int, int] | None:
        best = len(subjects)
        for k, (first, _, verb) in before:
            if k > best:
                break
            if i > verb or i < first:
                best = k
                break
        m = bisect.bisect_right(verbs, i)
        if m < len(inverted):
            best = min(best, inverted[m][0])
        return subjects[best] if best < len(subjects) else None

    return subject_for


def _source_for(
    text: str,
    pos: int,
    cited: Callable[[int], Any] | None,
    subject: tuple[int, int, int] | None,
    toks: Sequence[Token],
    speaker: Callable[[int], str | None] | None,
    outlet: Callable[[int], Any] | None,
) -> str | None:
    """Who a figure at ``pos`` comes from: a cited source, a reporting verb's subject, a speaker, an outlet."""
    if cited is not None:
        best = cited(pos)
        return _extended_source(text, best.name, best.name_end)
    if subject is not None:
        first, last, _ = subject
        return text[toks[first].start : toks[last].end]
    if speaker is not None:
        found = speaker(pos)
        if found is not None:
            return found
    if outlet is not None:
        return str(outlet(pos).name)
    return None


def figures_table(text_or_article: str | Article, *, quotes: Sequence[Any] | None = None) -> pd.DataFrame:
    """One row per figure: ``start, end, text, value, unit, counts, source, sentence, approximate, in_quote``.

    >>> df = figures_table("Nearly half of voters backed the plan, a poll of 1,200 adults showed.")
    >>> df[["text", "value", "counts", "approximate"]].values.tolist()
    [['Nearly half of voters', 0.5, 'voters', True], ['1,200 adults', 1200.0, 'adults', False]]
    """
    import pandas as pd

    rows = [f.to_dict() for f in find_figures(text_or_article, quotes=quotes)]
    return pd.DataFrame(rows, columns=list(Figure.__slots__))
