"""Resolving a speaker mention to an actor: names, descriptions, pronouns, authors and documents."""

from __future__ import annotations

import bisect
import re
from typing import Any

from ._labels import _RECENCY, _apposed, _labelled
from ._lexicon import _NOUN_DETS, _PRONOUNS, _WORD
from ._model import _Q, _Ctx
from ._sources import _author, _is_document, _is_share


def _resolve(ctx: _Ctx, q: _Q, last: tuple[Any, int] | None = None) -> Any:
    """Turn the speaker mention into a display name via the actor index; returns the actor entity or None.

    A pronoun speaker ("he said") is the previous quote's speaker (``last``: entity and where that quote
    ended) unless a compatible person became the subject of a sentence since then.
    """
    if q.mention is None:
        return None
    s, e = q.mention
    words = ctx.text[s:e]
    if _is_share(words) or _is_document(words):
        # one capitalised word may be a surname: "said Poll" is the referee Graham Poll
        one_name = words[:1].isupper() and len(_WORD.findall(words)) == 1
        person, _ = ctx.index.entity_in(s, e) if one_name else (None, None)
        if person is None or person.kind != "person":
            q.document, q.speaker = True, None  # "according to the data": a source, but no one's voice
            return None
    author = _author(words)
    if author is not None:
        # "a statement from the White House", "Trump's letter": the author's voice
        sub = _Q(q.start, q.end, q.kind, mention=(s + author[0], s + author[1]))
        ent = _resolve(ctx, sub, last)
        q.speaker = sub.speaker
        q.notes.extend(sub.notes)
        q.notes.append("speaker is the author of the text cited")
        return ent
    # resolve on the head: "a spokesman for the Clinton campaign" is not Clinton
    m = re.search(r"\s(?:for|of|at|with|from|in|on)\s", words)
    head_end = s + m.start() if m else e
    paren = words.find(" (")
    if paren > 0:
        head_end = min(head_end, s + paren)  # "Sen. Marco Rubio (R-Fla.)": the party and state name no one
    # "Clinton's campaign chairman" is not Clinton: resolve the words after the possessive
    found = list(re.finditer(r"\w['’]s?\s+", ctx.text[s:head_end]))
    pm = found[-1] if found else None
    if pm is not None and ctx.text[s + pm.end() : head_end][:1].islower():
        s = s + pm.end()
    s0 = s
    title = re.match(r"(?:[A-Z][a-z]{1,3}\.\s+)+(?=[A-Z])", ctx.text[s:head_end])
    if title:
        s += title.end()  # "Sen. Ted Cruz": the index may take "Sen" for a name
    ent, note = None, None
    if words.lower() in _PRONOUNS:
        pron = words.lower()
        subj = _subject_antecedent(ctx, s, pron)
        prev = last[0] if last is not None and s - last[1] < 1500 and _compatible(last[0], pron) else None
        if subj is not None and (prev is None or subj[1] > last[1]):  # type: ignore[index]
            ent = subj[0]
        elif prev is not None:
            ent, note = prev, "pronoun resolved to the previous speaker"
    if words.lower() == "who":  # "Mike Lee, who declared": the person named just before
        k = bisect.bisect_left(ctx.index.starts, s) - 1
        r = ctx.index.refs[k] if k >= 0 else None
        if r is not None and re.fullmatch(r"\s*,\s*", ctx.text[r.end : s]):
            ent, note = ctx.index.entities[r.entity], "relative pronoun resolved to the name before it"
    if ent is None:
        ent, note = _apposed(ctx, q.mention[0], e)  # "Brian Murphy, the chairman of the party, said"
    if ent is None:
        ent, note = ctx.index.entity_in(s, head_end)
        if ent is None or note == _RECENCY:  # "the minister": whom the text labelled so, before the last named
            ent, note = next((x for x in [_labelled(ctx, s, head_end)] if x[0] is not None), (ent, note))
    if ent is None and head_end < e and ctx.text[s : s + 1].isupper() and words.split()[0].lower() not in _NOUN_DETS:
        ent, note = ctx.index.entity_in(s, e)  # "Ted Cruz of Texas" is one name
    if ent is None and s0 < s:
        ent, note = ctx.index.entity_in(s0, head_end)
    if ent is None:
        ent, note = _describe(ctx, s, head_end)
    if ent is not None and ent.kind in ("person", "organisation", "group"):
        q.speaker = ent.name
        if note:
            q.notes.append(f"speaker {note}")
        return ent
    low = words.lower()
    if low in _PRONOUNS or low == "who":
        q.notes.append(f"pronoun {words!r} not resolved to a named actor")
        q.speaker = None
        return None
    q.speaker = " ".join(words.split())
    return None


_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _compatible(ent: Any, pronoun: str) -> bool:
    if pronoun in ("they", "them"):
        return bool(ent.kind in ("organisation", "group"))
    return bool(ent.kind == "person" and (not ent.gender or ent.gender == _GENDER.get(pronoun, ent.gender)))


def _subject_antecedent(ctx: _Ctx, pos: int, pronoun: str) -> tuple[Any, int] | None:
    """A speaker pronoun refers to the subject of its sentence, else of a recent one (first named actor).

    News writing keeps its subject: in "Trump told the Journal that he had warned Putin, with whom he
    said ...", both "he" are Trump, though Putin was named last.
    """
    from ..actors import _in_quote

    idx = ctx.index
    sent = ctx.sentence_at(pos)
    plural = pronoun in ("they", "them")
    for k in range(sent.index, max(-1, sent.index - 4), -1):
        s = ctx.sentences[k]
        i = bisect.bisect_left(idx.starts, s.start)
        while i < len(idx.refs) and idx.refs[i].start < min(s.end, pos):
            r = idx.refs[i]
            i += 1
            ent = idx.entities[r.entity]
            if r.form == "pronoun" or _in_quote(idx.quoted, r.start) or not ent.forms:
                continue
            if plural:
                if ent.kind in ("organisation", "group"):
                    return ent, r.start
                continue
            if ent.kind == "person" and (not ent.gender or ent.gender == _GENDER.get(pronoun, ent.gender)):
                return ent, r.start
            if ent.kind == "person":
                continue
    return None


def _describe(ctx: _Ctx, start: int, end: int) -> tuple[Any, str | None]:
    """Fallback for a description the actor index left unresolved ("the former president").

    The most recent person named before it whose role labels do not contradict it
    ("former" vs current holder of the same role class).
    """
    words = [w.lower() for w in _WORD.findall(ctx.text[start:end])]
    if len(words) < 2 or words[0] != "the":  # "a spokesman" may be anyone
        return None, None
    from ..actors import _lex

    titles = _lex().titles
    head = words[-1]
    if head not in titles:
        return None, None
    cls = titles[head][0]
    former = "former" in words
    idx = ctx.index
    k = bisect.bisect_left(idx.starts, start) - 1
    while k >= 0:
        r = idx.refs[k]
        ent = idx.entities[r.entity]
        if ent.kind == "person" and r.form in ("name", "surname") and ent.forms:
            classes = ent.classes()
            if not (cls in classes and classes[cls] != former):
                return ent, "description resolved by recency"
        k -= 1
    return None, None
