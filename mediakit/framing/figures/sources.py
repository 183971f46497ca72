"""Who a figure comes from: a cited source, a reporting verb's subject, a quotation's speaker, an outlet."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any

from ...article import Token
from .amounts import _spaced
from .counts import _NP_STOP

_REFLEXIVES = frozenset("themselves himself herself itself ourselves myself yourself yourselves".split())
_NOT_NAMES = frozenset("other others some many most few several all both each another".split())
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
