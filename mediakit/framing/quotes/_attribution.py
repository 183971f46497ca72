"""Attribution of a quotation: the cue after it or before it, and whether it is direct or partial."""

from __future__ import annotations

import re

from ...article import Sentence
from ._lexicon import (
    _ADJUNCT_START,
    _DASHES,
    _END_PUNCT,
    _NOUN_DETS,
    _PREPS,
    _SUBJECT_PRONOUNS,
    _WORD,
    _is_word,
    _lemma_is,
    _n_words,
    _name_part,
    _words,
)
from ._marks import _after_mark, _rstrip
from ._mention import _description
from ._model import _Q, _WINDOW, _Ctx, _toks, _WinTok
from ._phrases import (
    _apposition_head,
    _attach,
    _cue_span,
    _first_subject,
    _is_abbrev,
    _np_backward,
    _np_forward,
    _subject,
    _verb_chain,
)


def _attr_after(ctx: _Ctx, q: _Q, start: int, end: int) -> bool:
    """``, X said`` / ``, said X`` / ``, according to X`` / ``—Name`` after a closing mark."""
    w = _words()
    toks = _toks(ctx, start, min(end, start + _WINDOW), limit=36)  # the verb is within the first 24 tokens
    i = 0
    while i < len(toks) and toks[i].text in (",", ".", "!", "?", ";", ":") and i < 2:
        i += 1
    if i < len(toks) and toks[i].text in _DASHES and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        j = _np_forward(toks, i + 1, limit=5)
        if j > i + 1 and not toks[j - 1].text.lower().endswith(("'s", "’s")):  # "exhorted Clinton's introducer"
            _attach(ctx, q, toks, (i, i + 1), (i + 1, j))
            return True
    if i + 1 < len(toks) and toks[i].text.lower() == "according" and toks[i + 1].text.lower() == "to":
        j = _np_forward(toks, i + 2)
        if j > i + 2:
            _attach(ctx, q, toks, (i, i + 2), (i + 2, j))
            return True
    for v in range(i, min(len(toks), i + 24)):
        t = toks[v]
        low = t.text.lower()
        if t.text == "." and v > i and (_is_abbrev(toks[v - 1], t) or (v + 1 < len(toks) and toks[v + 1].text == ")")):
            continue  # "Ms. White said", "Sen. Marco Rubio (R-Fla.) said"
        if t.text in _END_PUNCT or t.text in ("“", '"', ";"):
            return _manner_after(ctx, q, toks, i)
        if (low in w.speech or low in w.after_only) and (v == i or low not in _NOUN_DETS) and not _name_part(toks, v):
            if v > i and toks[v - 1].text.lower() in _NOUN_DETS:
                return False  # a noun: "the claims"
            if v > i and low.endswith("ing"):
                return False  # "Alpert's metaphor is telling"
            a, b = _cue_span(toks, v, lo=i)
            if a == i:  # "said X"
                j = _np_forward(toks, b)
                _attach(ctx, q, toks, (a, b), (b, j) if j > b else None)
                return True
            if (a > i + 1 and toks[a - 1].text == "," and low in ("said", "says") and b < len(toks)
                    and toks[i].text[:1].islower()  # the writer's words go on: "like ...", "since ..."
                    and (toks[b].text[:1].isupper() or toks[b].text.lower() in ("a", "an", "the"))
                    and ctx.text[q.start : q.end].rstrip()[-1:] == ","):
                j = _np_forward(toks, b)  # '"...," like the recent volatility of markets, said Richard Curtin.'
                if j > b:
                    _attach(ctx, q, toks, (a, b), (b, j))
                    q.notes.append(_WRITER)
                    return True
            k = max((m for m in range(i, a) if toks[m].text == ","), default=-1)
            if (i + 1 < k < a - 1 and toks[i].text[:1].islower() and low in ("said", "says") and _name_run(toks, k + 1) == a
                    and ctx.text[q.start : q.end].rstrip()[-1:] == ","):
                _attach(ctx, q, toks, (a, b), (k + 1, a))  # '"...," as his father dreamed, Mr. Turry said.'
                q.notes.append(_WRITER)
                return True
            first = toks[i].text.lower()
            if first in w.aux or first in w.stop or not _is_word(toks[i]):
                return False
            head = _apposition_head(toks, i, _verb_chain(toks, i, a))  # "she went on to say": "she"
            if toks[head[0]].text.lower() in _PREPS:
                # '"..." in the legislature, he said': the subject is the last piece before the verb
                k = max((m for m in range(i, a) if toks[m].text == ","), default=-1)
                if k < 0 or k + 1 >= a:
                    return False
                head = (k + 1, a)
            if sum(1 for k in range(head[0], head[1]) if _is_word(toks[k])) > 8:
                return False
            _attach(ctx, q, toks, (a, b), head)
            return True
    return _manner_after(ctx, q, toks, i)


_MANNER = "verb of manner after the quotation"
_WRITER = "cue after the writer's words that go on from the quotation"


def _manner_after(ctx: _Ctx, q: _Q, toks: list[_WinTok], i: int) -> bool:
    """A verb of manner no list holds, right after a quotation broken off by a comma, "!" or "?": '"...," Toomey
    fumed', '"...!" beamed Donald Hartley', '"...?" Hannity pressed', '"...," the nominee riffed'. News sets only a
    speech verb there: a name (or pronoun, or a short noun phrase opening with "the") and a verb in -ed, either
    order."""
    text = ctx.text
    body = text[q.start : q.end].rstrip()
    if body[-1:] not in (",", "!", "?") or i + 1 >= len(toks) or q.open_mark is None:
        return False
    lead = text[ctx.sentence_at(q.open_mark).start : q.open_mark].rstrip()
    if lead and lead[-1] not in ".!?:":
        return False  # '... his project, "Latin History for Dummies," the actor discussed': a title in a sentence
    w = _words()

    def manner(k: int) -> bool:
        low = toks[k].text.lower()
        return (k < len(toks) and toks[k].text.isalpha() and toks[k].text.islower() and low.endswith("ed")
                and len(low) > 4 and low not in w.stop and low not in w.aux and low not in _NOUN_DETS)

    def name_end(k: int) -> int:
        j = k
        while j < len(toks) and j - k < 4 and (_is_word(toks[j]) and toks[j].text[:1].isupper()
                                               and toks[j].text.lower() not in w.stop or
                                               toks[j].text == "." and j > k and _is_abbrev(toks[j - 1], toks[j])):
            j += 1
        return j

    def near(k: int) -> bool:  # the verb is in the same paragraph as the quotation
        return "\n" not in text[q.end : toks[k].start]

    first = toks[i].text
    if manner(i) and near(i):  # '"...!" beamed Donald Hartley'
        j = name_end(i + 1)
        if j > i + 1 and not toks[j - 1].text.lower().endswith(("'s", "’s")):  # "exhorted Clinton's introducer"
            _attach(ctx, q, toks, (i, i + 1), (i + 1, j))
            q.notes.append(_MANNER)
            return True
        return False
    if first.lower() in ("he", "she", "they"):
        j = i + 1
    elif first.lower() == "the":
        j = i + 1
        while j < len(toks) and j - i < 6 and _is_word(toks[j]) and not manner(j) \
                and toks[j].text.lower() not in w.stop and toks[j].text.lower() not in w.aux:
            j += 1
    else:
        j = name_end(i)
    if j > i and j < len(toks) and manner(j) and near(j):
        _attach(ctx, q, toks, (j, j + 1), (i, j))
        q.notes.append(_MANNER)
        return True
    return False


_BYLINE = re.compile(r"[ \t]*[-—–][ \t]*((?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){0,4})(?=[ \t]*(?:[,.(]|$))", re.M)


def _byline_after(ctx: _Ctx, q: _Q, ce: int) -> bool:
    """A quotation that ends its paragraph, signed in the next one by a dash and a name, as fact checks and
    notebooks set quotes: '"..."' then '- Bernie Sanders.' or '-President Obama, tweeting after the speech.'"""
    text = ctx.text
    k = next((i for i, (_, ps, pe) in enumerate(ctx.para_bounds) if ps <= ce <= pe), None)
    if k is None or k + 1 >= len(ctx.para_bounds) or text[ce : ctx.para_bounds[k][2]].strip():
        return False
    _, ns, ne = ctx.para_bounds[k + 1]
    m = _BYLINE.match(text, ns, ne)
    if m is None or len(text[ns:ne].strip()) > 200:
        return False
    dash = text.index(m.group(0).strip()[0], ns)
    q.cue = (dash, dash + 1)
    name_end = m.end(1)
    while text[name_end - 1] == ".":  # "- Sanders." : the full stop ends the line
        name_end -= 1
    q.mention = (m.start(1), name_end)
    q.notes.append("speaker signed in the next paragraph")
    return True


def _attr_before(ctx: _Ctx, q: _Q, start: int, end: int, *, need_punct: bool) -> bool:
    """``X said:`` / ``X said,`` / ``X told reporters in a statement:`` before an opening mark."""
    w = _words()
    toks = _toks(ctx, max(start, end - _WINDOW), end)
    if not toks:
        return False
    last = toks[-1].text
    if need_punct and last not in (":", ",", "—", "–"):
        return False
    stop_at = len(toks) - (1 if last in (":", ",", "—", "–") else 0)
    for v in range(stop_at - 1, max(-1, stop_at - 9), -1):
        t = toks[v]
        low = t.text.lower()
        if t.text in _END_PUNCT or t.text in ("”", '"'):
            return False
        if (low in w.speech or low in w.naming) and not _name_part(toks, v):
            if v > 0 and toks[v - 1].text.lower() in _NOUN_DETS:
                return False
            if v > 0 and toks[v - 1].text.lower() in ("when", "if", "as", "after", "before", "while", "once") \
                    and low not in ("said", "says", "wrote", "writes"):  # "he once said:" is the cue
                continue  # "who told Congress when asked last month:" -> "told"
            a, b = _cue_span(toks, v)
            s, e = _subject(toks, a)
            if s < e:
                _attach(ctx, q, toks, (a, b), (s, e))
                return True
            if b < stop_at and _is_word(toks[b]) and (toks[b].text[:1].isupper() or toks[b].text.lower() in _NOUN_DETS):
                j = _np_forward(toks, b)  # "said Peskov:"
                _attach(ctx, q, toks, (a, b), (b, j) if j > b else None)
                return True
            if a > 2 and toks[a - 1].text.lower() == "who" and toks[a - 2].text == ",":
                # "from Mike Lee, who declared in the spin room, ...": "who", resolved to the name; else the noun phrase
                s2 = a - 3
                while s2 > 0 and a - 3 - s2 < 4 and _is_word(toks[s2]) and toks[s2].text.lower() not in _NOUN_DETS:
                    s2 -= 1
                named = toks[a - 3].text[:1].isupper() and _is_word(toks[a - 3])
                det = s2 >= 0 and toks[s2].text.lower() in _NOUN_DETS
                _attach(ctx, q, toks, (a, b), (s2, a - 2) if det and not named else (a - 1, a))
                return True
            if a > 1 and toks[a - 1].text == "," and toks[0].start <= start + 1:
                # "James Zogby, a Sanders superdelegate from the District and the president of ..., said:"
                c = next((k for k in range(a - 1) if toks[k].text == ","), -1)
                if 0 < c <= 6 and _name_run(toks, 0) == c and c + 1 < a - 1 \
                        and _description(ctx.text, toks[c + 1].start, toks[a - 2].end, relative=True):
                    _attach(ctx, q, toks, (a, b), (0, c))
                    return True
            if a > 2 and toks[a - 1].text.lower() == "to":
                # "David Auerbach went so far as to say:", "O'Malley, who ..., interjected to say:": the verb's subject
                k = a - 2
                while k > 0 and toks[k].text.lower() in ("as", "so", "far", "even", "only", "then", "just", "in", "order"):
                    k -= 1
                if toks[k].text.isalpha() and toks[k].text.islower() and toks[k].text.endswith(("ed", "s", "nt")):
                    s2 = _np_backward(toks, k)
                    if s2 == k and k > 0 and toks[k - 1].text == ",":
                        s2, k = _first_subject(toks, k)
                    if s2 < k and not any(t.text in _QUOTE_MARKS for t in toks[s2:k]):
                        _attach(ctx, q, toks, (a, b), (s2, k))
                        return True
            if a > 0 and (toks[a - 1].text.lower() in ("and", "but") or toks[a].text.lower().endswith("ing")):
                # "Suu Kyi, 70, said it was too early but added,": the subject of the sentence
                s, e = _first_subject(toks, a)
                if s < e and not any(t.text in _QUOTE_MARKS for t in toks[s:a]):
                    _attach(ctx, q, toks, (a, b), (s, e))
                    q.notes.append("speaker is the subject of the sentence")
                    return True
            _attach(ctx, q, toks, (a, b), None)
            return True
    return False


_QUOTE_MARKS = frozenset('"“”\'‘’')


#: Words that open an adverbial phrase or clause before the subject: "Ever since she endorsed X, ...".
_OPENERS = frozenset("ever when while as since although though if once until because unless".split())


def _title_case(s: str) -> bool:
    ws = [w for w in _WORD.findall(s) if len(w) > 3 or w[:1].isupper()]
    return bool(ws) and all(w[:1].isupper() or w[:1].isdigit() for w in ws)


def _classify(ctx: _Ctx, q: _Q, prev_end: int) -> bool:
    """Decide direct vs partial for a quotation and find its cue; False when it is no quote at all."""
    text = ctx.text
    w = _words()
    assert q.open_mark is not None or q.close_mark is not None
    om = q.open_mark if q.open_mark is not None else q.start
    cm = q.close_mark if q.close_mark is not None else q.end
    s_open = ctx.sentence_at(om)
    s_close = ctx.sentence_at(cm)
    before_start = max(s_open.start, prev_end)
    before = text[before_start:om]
    content = text[q.start : q.end]
    b_words = _WORD.findall(before)
    if b_words and b_words[-1].lower() in w.work and _title_case(content):
        return False  # the title of a work
    if (len(b_words) >= 2 and b_words[-2].lower() in w.work and _title_case(content)
            and b_words[-1].lower() in ("called", "named", "titled")):
        return False
    after_end = s_close.end
    ce = _after_mark(text, cm) if q.close_mark is not None else cm
    last = text[q.start : q.end].rstrip().rstrip("'’")[-1:]  # "...by that?'" ends with a nested quotation
    if (_rstrip(text, s_close.start, after_end) <= ce and s_close.index + 1 < len(ctx.sentences)
            and last in ("!", "?", ".")):
        nxt = ctx.sentences[s_close.index + 1]
        nwords = _WORD.findall(text[nxt.start : nxt.end])
        if nxt.paragraph == s_close.paragraph and (last != "." or (
                len(nwords) <= 5 and text[nxt.start : nxt.end].rstrip().endswith(".")
                and any(x.lower() in w.speech and not x[:1].isupper() for x in nwords[:4]))):
            after_end = nxt.end  # '"Stop!" Trump said.' is split after the mark; '"... missing." Trump said.' too
    stripped = before.strip().strip("([—–-").strip()
    # the sentence splitter may have missed a boundary (mistyped marks): ". “" starts a sentence too
    starts_sentence = not stripped or q.open_mark is None or (stripped[-1] in ".!?" and content[:1].isupper())
    content_end = content.rstrip()[-1:] if content.strip() else ""
    ends_clause = content_end in ".,!?…—–-:;" or content_end in "'’"
    after = text[ce:after_end]
    # a sentence of the writer's that continues after the quotation in lower case: partial
    after_word = re.match(r"\s*([,;:]?)\s*(\w+)", after)
    if starts_sentence:
        if _attr_after(ctx, q, ce, after_end) or _byline_after(ctx, q, ce):
            q.kind = "direct"
            return True
        if after_word and not after_word.group(1) and after_word.group(2)[:1].islower() and not ends_clause:
            q.kind = "partial"
            _attr_partial(ctx, q, s_open, om)
            return True
        q.kind = "direct"
        # "X said on Monday:" ends the sentence (or paragraph) before
        k = s_open.index
        if k > 0 and not stripped:
            prev = ctx.sentences[k - 1]
            ptext = text[prev.start : prev.end].rstrip()
            if s_open.paragraph - prev.paragraph <= 1 and prev.start >= prev_end:
                if ptext.endswith(":"):
                    if not _attr_before(ctx, q, prev.start, prev.end, need_punct=True):
                        # "President Clinton released the following statement:"
                        _colon_subject(ctx, q, _toks(ctx, max(prev.start, prev.end - _WINDOW), prev.end))
                elif ptext.endswith(".") and not any(c in ptext for c in "\"“”"):
                    _attr_statement(ctx, q, prev)
        return True
    if stripped.endswith((":", ",")) and _attr_before(ctx, q, before_start, om, need_punct=True):
        # direct: a capital, an interrupted quotation going on ('"A," he said, "and B."'), or a full clause
        full = content.rstrip()[-1:] in ("." , "!", "?", "…") and _n_words(content) >= 4
        interrupted = prev_end > s_open.start
        q.kind = "direct" if (content[:1].isupper() or content[:1] in "'‘" or interrupted or full) else "partial"
        return True
    full_clause = content.rstrip()[-1:] in (".", "!", "?", "…") and _n_words(content) >= 4
    if (content[:1].isupper() or full_clause) and b_words \
            and _lemma_is(b_words[-1], w.clause | {"write", "chant", "shout", "ask"}) \
            and _attr_before(ctx, q, before_start, om, need_punct=False):
        q.kind = "direct"  # 'writing "Allow me ...' / 'said "We will ..."'
        return True
    if stripped.endswith(":") and content[:1].isupper():
        q.kind = "direct"
        if _attr_after(ctx, q, ce, after_end):
            return True  # 'Fiorina was far less bubbly: "..." she recounted'
        if not _colon_subject(ctx, q, _toks(ctx, max(before_start, om - _WINDOW), om)):
            q.notes.append("no reporting verb before the colon")
        return True
    if stripped.endswith(",") and re.search(r"\baccording to\b[^,;.]{1,80},$", stripped, re.IGNORECASE):
        toks = _toks(ctx, before_start, om)
        k = max(i for i, t in enumerate(toks) if t.text.lower() == "according")
        j = _np_forward(toks, k + 2)
        if j > k + 2:
            q.kind = "direct"  # 'According to Woodward, “The New York real estate world ...”'
            _attach(ctx, q, toks, (k, k + 2), (k + 2, j))
            return True
    q.kind = "partial"
    if content[:1].isupper() and ends_clause and _attr_after(ctx, q, ce, after_end) and stripped.endswith(","):
        q.kind = "direct"
        return True
    q.mention = q.cue = None
    q.notes = [n for n in q.notes if n not in (_MANNER, _WRITER)]
    _attr_partial(ctx, q, s_open, om)
    return True


#: Capitalised words that open a sentence but name no one: "Then, the laugh line:", "Asked about it, he ...".
_NOT_SUBJECT = frozenset("""then here there more each now still later also so yet instead asked next first finally
    see read watch note consider name wait back look remember take""".split())


def _colon_subject(ctx: _Ctx, q: _Q, toks: list[_WinTok]) -> bool:
    """The speaker of a quotation introduced by a colon with no reporting verb: a name just before the colon
    ('Trump: "I will win"'), else the subject opening the sentence ('Clinton has since apologized for it:
    "..."', 'President Clinton released the following statement:', 'Famed fight doctor Ferdie Pacheco once
    said:'). Sets ``q.mention``; False when there is none."""
    w = _words()
    dash = max((i for i, t in enumerate(toks) if t.text in _DASHES or t.text == ";"), default=-1)
    toks = toks[dash + 1 :]
    if toks and (toks[0].text.lower() in _PREPS or toks[0].text.lower() in _OPENERS
                 or (toks[0].text[:1].isupper() and toks[0].text.lower().endswith(("ed", "ing")))):
        # "At a conference that month in Aspen, the graduate ...:" the subject follows the opening phrase
        comma = max((i for i, t in enumerate(toks) if t.text == ","), default=-1)
        toks = toks[comma + 1 :] if comma >= 0 else []
    if len(toks) >= 2 and toks[-1].text == ":" and len(toks) - 1 <= 5 and toks[0].text[:1].isupper() \
            and toks[-2].text[:1].isupper() and all(_is_word(t) or t.text == "." for t in toks[:-1]):
        # a name at the end: "BBC Two controller Roly Keating:", not "Jane Roe was blunt:"
        q.mention = (toks[0].start, toks[-2].end)  # 'Trump: "I will win"', '- Philip Bump: "..."'
        q.notes.append("speaker named before a colon, no reporting verb")
        return True
    if not toks or not _is_word(toks[0]):
        return False
    first = toks[0].text.lower()
    if first in _SUBJECT_PRONOUNS - {"it", "there", "you", "i", "we"}:
        e = 1
    elif toks[0].text[:1].isupper() and first not in w.stop and first not in _NOUN_DETS and first not in _NOT_SUBJECT:
        e = _name_run(toks, 0)
        if e == 1 and e < len(toks) and toks[e].text == ",":
            return False  # "Wait, it gets better:", "Back in 2012, ...": no subject
        if e == 1 and e < len(toks) and toks[e].text[:1].islower():
            # "Famed fight doctor Ferdie Pacheco", "Former Republican chairman John Smith": words of a title, then a name
            k = 1
            while k < len(toks) and k < 5 and toks[k].text.isalpha() and toks[k].text.islower() \
                    and toks[k].text not in w.stop and toks[k].text not in w.speech:
                k += 1
            e2 = _name_run(toks, k) if k < len(toks) else k
            if e2 - k >= 2:
                e = e2
            elif first.endswith("ed"):
                return False  # "Asked about it, ...", "Pressed on the issue"
    else:
        return False
    q.mention = (toks[0].start, toks[e - 1].end)
    q.notes.append("speaker is the subject of the sentence before the colon")
    return True


def _name_run(toks: list[_WinTok], k: int) -> int:
    """End of the run of capitalised words from ``toks[k]`` ("Mr. Slinker", "Ferdie Pacheco"; titles' stops kept)."""
    e = k
    while e < len(toks) and ((toks[e].text[:1].isupper() and _is_word(toks[e]))
                             or (toks[e].text == "." and e > k and _is_abbrev(toks[e - 1], toks[e])
                                 and e + 1 < len(toks) and toks[e + 1].text[:1].isupper())):
        e += 1
    return e


def _attr_statement(ctx: _Ctx, q: _Q, prev: Sentence) -> None:
    """'Smith said in a statement.' just before a quotation with no cue of its own: Smith's words."""
    w = _words()
    toks = _toks(ctx, max(prev.start, prev.end - _WINDOW), prev.end)
    if len(toks) < 3 or toks[-1].text != ".":
        return
    for v in range(len(toks) - 2, max(-1, len(toks) - 10), -1):
        low = toks[v].text.lower()
        if low in w.speech and not low.endswith("ing") and not _name_part(toks, v):
            a, b = _cue_span(toks, v)
            rest = toks[b:-1]
            if rest and not (rest[0].text.lower() in _ADJUNCT_START | {"to", "with"} or rest[0].text[:1].isupper()):
                return
            if any(not _is_word(t) for t in rest):
                return
            s, e = _subject(toks, a)
            if s < e:
                _attach(ctx, q, toks, (a, b), (s, e))
                q.notes.append("cue in the sentence before")
            return
        if not _is_word(toks[v]):
            return


def _attr_partial(ctx: _Ctx, q: _Q, sent: Sentence, om: int) -> None:
    """A naming or reporting verb earlier in the sentence: "what Trump called a ...", "he said it was a ..."."""
    w = _words()
    toks = _toks(ctx, max(sent.start, om - _WINDOW), om)
    for v in range(len(toks) - 1, max(-1, len(toks) - 10), -1):
        low = toks[v].text.lower()
        if toks[v].text in _END_PUNCT or toks[v].text in ("”", '"', "“"):
            return
        if (low in w.naming or low in w.speech) and not _name_part(toks, v):
            if v > 0 and toks[v - 1].text.lower() in _NOUN_DETS:
                return
            a, b = _cue_span(toks, v)
            s = _np_backward(toks, a, attached=False)
            if s < a:
                _attach(ctx, q, toks, (a, b), (s, a))
            return
