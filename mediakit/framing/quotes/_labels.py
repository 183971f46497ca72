"""Descriptions resolved by the labels the text gives its people, before recency.

"The minister, John Smith, said ... Jane Doe, a teacher, disagreed. The minister added ...": "the
minister" is John Smith, whom the text labelled so, though Jane Doe was named last. A label is an
apposition after a name ("Jane Doe, a teacher,"), one before it ("The minister, John Smith,"), or a
label the actor index gives (a title before the name, "Finance Minister John Smith", or a description
it resolved by role). Labels the index took from a description resolved only by recency are not
evidence. The description and the label share the head noun (the last word before a postmodifier:
"the director of the FBI" -> "director") and agree on "former"; among several people so labelled,
the one sharing most other words, then the one named last before the description, is taken.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ._lexicon import _PREPS, _WORD, _words
from ._model import _Ctx
from ._phrases import _QUANTIFIERS
from ._sources import _DOCUMENT_HEADS, _POSTMODIFIER, _VOICE_TEXTS

_RECENCY = "description resolved by recency"  # the actor index's note on a description it guessed
_DETS = frozenset("the a an his her their its".split())
_CLAUSE = frozenset("who whom whose which that when where".split())
_AFTER = re.compile(  # "Jane Doe, a teacher," / "Mark Holden, chairman of the board of Freedom Partners,"
    r",\s+((?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+)?[a-z][^,;:.!?()\"“”\n]{0,80}?)\s*(?=[,;:.!?()—–]|$)"
)
_BEFORE = re.compile(r"(?:^|(?<=[\s(]))((?:[Tt]he|[Aa]n?)\s+[^,;:.!?()\"“”\n]{1,80}?),\s*$")  # "The minister, "
_LOOK = 120  # characters read around a name for an apposition
_COMMA = re.compile(r"\s*,")


def _head(label: str) -> tuple[str, frozenset[str], bool] | None:
    """(head noun, words, says "former") of a label or description; None when it is no noun phrase
    (", according to the summary", ", who voted for the bill", ", the statement said")."""
    ws = [w.lower() for w in _WORD.findall(label)]
    w = _words()
    if not ws or ws[0] in _POSTMODIFIER or ws[0] in _CLAUSE or ws[0] in _PREPS or ws[0] in w.stop or ws[0] in w.aux:
        return None
    if any(x in w.speech and x not in _DETS for x in ws[1:]):
        return None  # a clause: "the statement read"
    words = frozenset(ws)
    for k, w in enumerate(ws):
        if k > 0 and (w in _POSTMODIFIER or w in _CLAUSE):
            ws = ws[:k]
            break
    ws = [w for w in ws if w not in _DETS]
    if not ws or not ws[-1].isalpha() or ws[-1] in _CLAUSE:
        return None
    return ws[-1], words, any(w == "former" or w.startswith("ex-") for w in ws)


def _labels(ctx: _Ctx) -> list[tuple[int, Any, tuple[str, frozenset[str], bool]]]:
    """(where the person is named, entity, label head) for every label the text gives a named person, built once."""
    if ctx.labels is not None:
        return ctx.labels
    idx, text = ctx.index, ctx.text
    out: list[tuple[int, Any, tuple[str, frozenset[str], bool]]] = []
    guessed: dict[int, set[str]] = {}  # entity -> descriptions the index resolved by recency only
    for r in idx.refs:
        if r.form == "description" and r.note == _RECENCY:
            guessed.setdefault(r.entity, set()).add(text[r.start : r.end].lower())
    first: dict[int, int] = {}
    for r in idx.refs:
        ent = idx.entities[r.entity]
        if ent.kind != "person" or r.form not in ("name", "surname"):
            continue
        first.setdefault(r.entity, r.start)
        m = _AFTER.match(text, r.end, min(len(text), r.end + _LOOK)) if text[r.end : r.end + 1] == "," else None
        h = _head(m.group(1)) if m else None
        if h is not None:
            out.append((r.start, ent, h))
        before = text[max(0, r.start - 10) : r.start].rstrip()
        m = _BEFORE.search(text, max(0, r.start - _LOOK), r.start) if before.endswith(",") else None
        h = _head(m.group(1)) if m else None
        if h is not None:
            out.append((r.start, ent, h))
    for e, pos in first.items():
        ent = idx.entities[e]
        for label in ent.labels:
            h = _head(label) if label.lower() not in guessed.get(e, ()) else None
            if h is not None:
                out.append((pos, ent, h))
    ctx.labels = out
    return out


def _labelled(ctx: _Ctx, start: int, end: int) -> tuple[Any, str | None]:
    """The person the text labelled as the description ``text[start:end]`` ("the minister"), else (None, None)."""
    words = _WORD.findall(ctx.text[start:end])
    if len(words) < 2 or words[0].lower() != "the":
        return None, None
    want = _head(ctx.text[start:end])
    if want is None:
        return None, None
    head, dwords, former = want
    from ..actors import _lex

    lex = _lex()
    role = head in lex.titles  # "minister", "senator", "spokesman"
    if not role and (head in lex.org_words or head in lex.groups or head in _DOCUMENT_HEADS or head in _VOICE_TEXTS):
        return None, None  # "the company", "the party", "the report": not a person's label
    mods = dwords - _DETS - {head, "former"}
    best: tuple[tuple[int, int], Any] | None = None
    for pos, ent, (h, lwords, lformer) in _labels(ctx):
        if pos >= start or h != head or lformer != former or not (role or ent.gender):
            continue  # a word that is no title ("teacher") labels only someone known to be a person
        key = (len(mods & lwords), pos)
        if best is None or key > best[0]:
            best = (key, ent)
    if best is None:
        return None, None
    return best[1], "description resolved by the label the text gave"


def _apposed(ctx: _Ctx, start: int, end: int) -> tuple[Any, str | None]:
    """The person named just before a description set off by commas: "Brian Murphy, the chairman of the county
    party, said" -> Brian Murphy; (None, None) when the words before are no person's name."""
    text, idx = ctx.text, ctx.index
    if not text[start:start + 1].islower() and text[start:start + 1] not in "TtAaHh":
        return None, None  # a name ("Trump"): nothing to do
    from ..actors import _lex

    first = text[start:end].split()[0].lower()
    closed = _COMMA.match(text, end) is not None  # "Asked about Trump, the senator said": no apposition
    bare_title = text[start:start + 1].islower() and first in _lex().titles  # "Patricia Sanders, spokeswoman for"
    if not (closed or bare_title) or not (text[start:start + 1].islower() or first in _DETS) \
            or first in _QUANTIFIERS or first[:1].isdigit():
        return None, None  # "Regalado, two members of Congress, ...": a list, not one person's label
    k = bisect.bisect_left(idx.starts, start) - 1
    while k >= 0 and start - idx.refs[k].start < _LOOK:
        r = idx.refs[k]
        if r.end <= start:
            if re.fullmatch(r"\s*,\s*", text[r.end : start]) is None:
                return None, None
            ent = idx.entities[r.entity]
            if ent.kind == "person" and r.form in ("name", "surname"):
                return ent, None
            return None, None
        k -= 1
    return None, None
