"""Reading amounts in a sentence's tokens: numbers in digits or words, their unit and qualifiers.

Also what is not an amount: dates, years, clock times, identifiers, ranges
and scores (see :mod:`mediakit.framing.figures`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ...article import Token
from .._tokens import TextWords

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
_SPORT_DISTANCE = frozenset(
    "final finals hurdles freestyle relay race races sprint medley backstroke breaststroke butterfly heat heats "
    "title record records high long deep tall wide away world olympic".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_OPENERS = frozenset('" “ \' ‘ ( [ : — – -'.split())
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
#: Whether ``_MAYBE_NUMBER`` finds something in a word token, by the token as written (remembered across texts).
_NUMBER_IN_WORD: dict[str, bool] = {}


def _number_sentences(text: str, words: TextWords) -> list[bool]:
    """For each sentence of ``words``, whether ``_MAYBE_NUMBER.search(text, start, end)`` finds something.

    The pattern, tried at every character of every sentence, cost more than reading the figures.
    Every character it can match at is a word character (a digit, or a number word's first letter
    where a word begins), and every word character lies in a word token (``_tokens._WORD``), so in a
    sentence with whitespace (or the text's edge) on both sides it finds something exactly when it
    does in one of the sentence's word tokens searched alone: a token starts where a word begins, a
    joiner inside one ("twenty-one") is no word character, and a number word cannot run past its
    token. A token's answer is remembered, so a text costs a few look-ups in C; any other sentence
    is searched.
    """
    texts = words.words.texts
    flags = memo_flags(_NUMBER_IN_WORD, texts, lambda t: _MAYBE_NUMBER.search(t) is not None)
    n = len(text)
    out: list[bool] = []
    for sent, (a, b) in zip(words.sentences, words.ranges):
        if (sent.start == 0 or text[sent.start - 1].isspace()) and (sent.end == n or text[sent.end].isspace()):
            out.append(True in flags[a:b])
        else:
            out.append(_MAYBE_NUMBER.search(text, sent.start, sent.end) is not None)
    return out


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


#: Whether a token (lower-cased) may begin an amount (see :func:`_may_begin`), remembered across texts.
_MAY_BEGIN: dict[str, bool] = {}


def _may_begin(low: str) -> bool:
    """Whether :func:`_amounts` does anything at a token: a currency sign or code, a digit, a number word.

    At any other token it only moves on (``low[:1].isdigit()`` is ``text[:1].isdigit()``: lower-casing
    never makes or unmakes a digit, and a currency sign is its own lower case).
    """
    return (low in _CURRENCY_SYMBOLS or low in _CURRENCY_CODES or low[:1].isdigit() or "-" in low
            or low in _AMOUNT_STARTS)


def _beginnings(lows: Sequence[str]) -> Iterator[int]:
    """Positions of the tokens that may begin an amount, in order: the others are passed over in C."""
    flags = memo_flags(_MAY_BEGIN, lows, _may_begin)
    return itertools.compress(range(len(flags)), flags)


def memo_flags(memo: dict[str, bool], keys: Sequence[str], test: Callable[[str], bool]) -> list[bool]:
    """``test(key)`` for every key, each distinct key tested once per process and remembered in ``memo``.

    A text's tokens are mostly seen before, so this costs one dictionary look-up per token in C.
    The memo is emptied when it passes 100,000 keys.
    """
    flags = list(map(memo.get, keys))
    if None in flags:
        if len(memo) > 100_000:
            memo.clear()
        for k, flag in enumerate(flags):
            if flag is None:
                flags[k] = memo[keys[k]] = test(keys[k])
    return flags  # type: ignore[return-value]  # every None was replaced


def _amounts(text: str, toks: Sequence[Token], lows: Sequence[str]) -> list[_Amount]:
    """Amounts in one sentence's tokens, with their unit, before qualifiers and exclusions of context."""
    out: list[_Amount] = []
    n = len(toks)
    i = 0
    for begin in _beginnings(lows):
        if begin < i:
            continue  # inside an amount read, or passed over
        i = begin
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
