"""Quotation marks: pairing them into quotations, across paragraphs where the text says so."""

from __future__ import annotations

import re

from ...segment import _single_quoted, find_quote_marks
from ._lexicon import _n_words
from ._model import _Q, _Ctx


def _is_inch(text: str, pos: int) -> bool:
    return text[pos] == '"' and pos > 0 and text[pos - 1].isdigit()


def _quotations(ctx: _Ctx) -> list[_Q]:
    """Pair double quotation marks into quotations, across paragraphs where the text says so."""
    text = ctx.text
    out: list[_Q] = []
    marks_by_para = []
    for _, ps, pe in ctx.para_bounds:
        marks: list[tuple[int, str]] = [(ps + m.pos, m.kind) for m in find_quote_marks(text[ps:pe])]
        if text.find("''", ps, pe) >= 0:
            marks = sorted(marks + _double_apostrophes(text, ps, pe))
        marks = [(pos, _mistyped(text, pos, kind, ps, pe)) for pos, kind in marks]
        marks_by_para.append(marks)
    # Which marks quote: the text's primary style. British and Australian outlets quote with single marks
    # (‘We will win,’ he said) and nest double ones inside; American ones the other way round. Single
    # pairs outside double quotations against double pairs outside single quotations, in the body.
    singles: list[list[tuple[int, int]]] = [[] if pi in ctx.headlines else _single_quoted(text, ps, pe, unclosed=True)
               for pi, ps, pe in ctx.para_bounds]
    n_single = n_double = 0
    for k in range(len(ctx.para_bounds)):
        if ctx.para_bounds[k][0] in ctx.headlines:
            continue
        doubles = _double_spans(marks_by_para[k], ctx.para_bounds[k][2])
        n_single += sum(1 for a, b in singles[k] if not any(x < a and b < y for x, y in doubles))
        n_double += sum(1 for x, y in doubles if not any(a < x and y < b for a, b in singles[k]))
    single_main = n_single > n_double
    for k, (pi, ps, pe) in enumerate(ctx.para_bounds):
        if pi in ctx.headlines and not marks_by_para[k]:
            # headlines quote with single marks: "Trump: 'I will hit Moscow'"
            for a, b in _single_quoted(text, ps, pe):
                if _n_words(text[a + 1 : b]) >= 2:
                    out.append(_Q(a + 1, b, "direct", a, b, ["single quotation marks in a headline"]))
        elif single_main and singles[k]:
            for a, b in singles[k]:
                if b < pe:
                    out.append(_Q(a + 1, b, "direct", a, b, ["single quotation marks"]))
                    continue
                after = singles[k + 1] if k + 1 < len(singles) else []
                reopened = bool(after) and not text[ctx.para_bounds[k + 1][1] : after[0][0]].strip()
                note = "runs over several paragraphs" if reopened else "no closing quotation mark"
                out.append(_Q(a + 1, _rstrip(text, a + 1, pe), "direct", a, None, ["single quotation marks", note]))
            # double marks inside a single quotation are the speaker's own quoting: not quotations here
            marks_by_para[k] = [(pos, kind) for pos, kind in marks_by_para[k]
                                if not any(a < pos < b for a, b in singles[k])]
    open_at: int | None = None
    notes: list[str] = []
    for k, (_, ps, pe) in enumerate(ctx.para_bounds):
        marks = marks_by_para[k]
        first = True
        nested: set[int] = set()
        for mi, (pos, kind) in enumerate(marks):
            if pos in nested:
                continue
            at_start = not text[ps:pos].strip()
            if _is_inch(text, pos) and (open_at is None or (pos + 1 < len(text) and text[pos + 1].isalnum())):
                first = False
                continue
            if kind == "open":
                if open_at is None:
                    open_at, notes = pos, []
                elif open_at < ps and first and at_start:
                    pass  # the mark that re-opens a continued quotation
                elif open_at >= ps and _nested_pair(text, marks, mi):
                    # '"Reporting that the killer shouted "Allah hu Akbar!" as he ..."': the speaker's own quoting
                    nested.update((pos, marks[mi + 1][0]))
                    notes.append("double quotation marks inside a quotation")
                else:
                    # two opening marks: the first quotation was never closed
                    end = _rstrip(text, _after_mark(text, open_at), pos)
                    if end > _after_mark(text, open_at):
                        out.append(_Q(_after_mark(text, open_at), end, "direct", open_at, None,
                                      [*notes, "no closing quotation mark"]))
                    open_at, notes = pos, []
            else:
                if open_at is not None:
                    out.append(_Q(_after_mark(text, open_at), pos, "direct", open_at, pos, notes))
                    open_at = None
                elif first and text[ps:pos].strip():
                    out.append(_Q(ps, pos, "direct", None, pos, ["no opening quotation mark"]))
            first = False
        if open_at is not None:
            # continues only if the next paragraph re-opens it at its start or closes it first
            nxt = marks_by_para[k + 1] if k + 1 < len(marks_by_para) else []
            nps = ctx.para_bounds[k + 1][1] if k + 1 < len(ctx.para_bounds) else len(text)
            cont = bool(nxt) and (
                (nxt[0][1] == "open" and not text[nps : nxt[0][0]].strip()) or nxt[0][1] == "close"
            )
            if cont:
                if "runs over several paragraphs" not in notes:
                    notes.append("runs over several paragraphs")
            else:
                a = _after_mark(text, open_at)
                end = _rstrip(text, a, pe)
                cut = _MISSING_CLOSE.search(text, a, end) if open_at >= ps else None
                if cut is not None and len(text[a : cut.start()].split()) >= 3:
                    end = cut.start() + 1  # '"There wasn't a lot of education, said Kessel.': the mark was left out
                if end > a:
                    out.append(_Q(a, end, "direct", open_at, None, [*notes, "no closing quotation mark"]))
                open_at = None
    return sorted((q for q in out if q.end > q.start and text[q.start : q.end].strip()), key=lambda q: q.start)


#: Where a quotation left unclosed in its paragraph ends, its cue following: ", said Jane Roe", ", Roe said".
_MISSING_CLOSE = re.compile(
    r",(?=\s+(?:(?:said|says)\s+(?:[A-Z]|the\s|a\s)|(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says)\b|(?:he|she)\s+(?:said|says)\b))"
)


def _nested_pair(text: str, marks: list[tuple[int, str]], mi: int) -> bool:
    """The opening mark ``marks[mi]``, inside an open quotation, opens a short quotation nested in it: it is closed
    by the next mark, and another closing mark (the outer one) follows before any other opening mark."""
    if mi + 2 >= len(marks) or marks[mi + 1][1] != "close" or marks[mi + 2][1] != "close":
        return False
    inner = text[marks[mi][0] + 1 : marks[mi + 1][0]]
    return 0 < len(inner.split()) <= 12 and "\n" not in inner


def _double_spans(marks: list[tuple[int, str]], end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the double quotations of one paragraph's marks (an unclosed one runs to ``end``)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for pos, kind in marks:
        if kind == "open" and open_at is None:
            open_at = pos
        elif kind == "close" and open_at is not None:
            out.append((open_at, pos))
            open_at = None
    if open_at is not None:
        out.append((open_at, end))
    return out


def _mistyped(text: str, pos: int, kind: str, start: int, end: int) -> str:
    """A curly mark of the wrong hand ('“It's unusual,“ said Noble'): read it from its context."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if kind == "open" and not before.isspace() and before not in "([{—–-/" and (after.isspace() or after in ".,;:!?"):
        return "close"
    if kind == "close" and (before.isspace() or pos == start) and after.isalnum():
        return "open"
    return kind


def _after_mark(text: str, pos: int) -> int:
    """Offset just after the quotation mark at ``pos`` ('' is one mark of two characters)."""
    return pos + 2 if text.startswith("''", pos) else pos + 1


def _double_apostrophes(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """'' used as a double quotation mark (news archives render “ and ” so): (offset, open/close)."""
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"'''?", text[start:end]):
        pos = start + m.start()
        if pos > 0 and text[pos - 1] == "'":
            continue
        triple = len(m.group()) == 3  # a single quotation nested at the edge of a double one: ''' is '' + ' or ' + ''
        before = text[pos - 1] if pos > start else " "
        after = text[pos + len(m.group())] if pos + len(m.group()) < end else " "
        opens = (before.isspace() or before in "([{—–-/:;") and not after.isspace()
        if triple and pos + 3 < end and text[pos + 3] == "'":
            continue  # four or more: no reading
        # ''' opening: the double mark first (''|'We ...); closing: the single mark first (...them,'|'')
        out.append((pos + 1 if triple and not opens else pos, "open" if opens else "close"))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
