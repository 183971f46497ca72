"""Quotations and reported speech, with their speakers and cues.

Offline rules, no parser, linear in the length of the text:

* **Quotation marks** come from :func:`mediakit.segment.find_quote_marks`
  (straight and curly double marks, direction read from context; a curly mark
  of the wrong hand is read from its context too), plus ``''`` as news
  archives render a double mark. A quotation may run over several paragraphs,
  closed in a later one or re-opened at the start of each continued paragraph
  (the news convention). Single marks inside a double quotation are the
  speaker's own quoting ('Vladimir, ...') and stay part of the outer quote; a
  short single-quoted phrase there ('hygiene') is also reported as a
  ``partial`` quote of the same speaker. In a headline, single marks quote
  ("Trump: 'I will win'"). A text whose primary marks are single (British and
  Australian style: ‘We will not back down,’ the minister said) quotes with
  them, double marks inside them being the speaker's own quoting: decided per
  text, by counting single pairs outside double quotations against double
  pairs outside single ones. A single mark opens at the start of a word
  ("rock 'n' roll", "'em", "'90s" do not) and closes after the last character
  of one; a plural possessive ("voters' anger") closes only when no other
  mark could. An opening ‘ never closed runs to the end of its paragraph
  (continued in the next when that one re-opens). A straight mark after a digit (12") is an inch
  mark. A quotation in title case after a word such as *film*, *book* or
  *titled* is the title of a work, not a quote.
* **Kinds**: ``direct`` when the quotation stands as the speaker's sentence
  (it opens the sentence, or follows "X said:" / "X said," / "According to X,");
  ``partial`` when a few quoted words sit inside the writer's own sentence
  (scare quotes included); ``indirect`` for reported speech without marks:
  "Trump said (that) he had warned ..." (content: the complement clause, to
  the end of the sentence), "..., a spokesperson said." and "..., says X."
  (content: the clause before the comma), "according to X, ..." /
  "..., according to X.", and "the poll found that ..." (verbs that attribute
  only before "that").
* **Attribution**: ``, X said`` / ``, said X`` / ``X told reporters`` /
  ``X said:`` / ``X: "..."`` / ``according to X`` / ``"..." —Name``, a
  colon-ended sentence before the quotation, and a quotation with no cue of
  its own continuing the previous speaker (noted in ``uncertain``; the
  mention is then the previous quote's). A partial quote takes the speaker of
  the reported speech it lies in, or of a naming verb ("what Trump called a
  ..."). Subjects are read over appositions ("Trump, the Republican
  candidate, told"), coordination ("he laughed and said") and participles
  ("..., saying").
* **Speakers** are resolved through :func:`mediakit.framing.actors.index_for`:
  names and descriptions ("the former president", "Kremlin spokesperson
  Dmitry Peskov") become the actor's display name; a speaker pronoun ("he
  said") is the previous quote's speaker unless a compatible person became a
  sentence subject since; ``speaker_mention`` keeps the words used. A speaker
  that is no named actor ("sources", "a campaign aide") keeps its words as the
  speaker; an indefinite description ("a spokesman for the campaign") is never
  guessed from whoever was named last.
* **Documents** ("according to the data", "figures released on Monday show",
  "the poll found that", "a new survey by Gallup"): the attribution is kept,
  with its cue and the words naming the source, as PolNeAR annotates it, but
  ``source_kind`` is ``"document"`` and there is no ``speaker``: data, polls,
  studies and reports are sources, not voices, so they are not counted among
  the speakers of quotations nor given a share of voice. Told from a speaker
  by the head noun of the mention (``_DOCUMENT_HEADS``); a statement, letter
  or email carries its author's voice and is not a document here. A share of
  those polled ("Twelve percent said ...", "40% of voters say ...", "half of
  respondents", "one in five Americans", "a majority of Republicans") is read
  the same way: PolNeAR annotates the share as the Source, but it is a poll
  result, not a person with a voice. Counts of people ("two officials") and
  groups ("many Republicans") stay speakers.
* **Documents of someone** as the subject of a reporting verb: "a report by
  the IMF said", "a study published by Harvard economists found that", "the
  IMF's report said" are document sources, the mention being the whole phrase
  (as PolNeAR's Source); "a statement from the White House said", "the
  senators' letter said", "an email from X" carry the author's voice: the
  speaker is the author (noted in ``uncertain``), the mention the whole
  phrase.

Never raises on odd text: unbalanced marks give a best-effort span and a note
in ``uncertain``. Limits: English only; speakers that are not grammatical
neighbours of the cue (long appositions, speakers in another sentence) are
missed; reported speech is found from a list of verbs, so unusual verbs are
missed and some verbs with a clause-like object are taken for speech.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from ..article import Article, Sentence
from ..errors import InputError
from ..lexicon import load_table, load_wordlist
from ..segment import (
    _TOKEN,
    _single_quoted,
    as_text,
    find_quote_marks,
    split_paragraphs,
    split_sentences,
    tokenize,
)
from .actors import index_for

if TYPE_CHECKING:
    import pandas as pd

    from .actors import _Index

__all__ = ["Quote", "QuoteKind", "SourceKind", "extract_quotes", "quotes_table"]

QuoteKind = Literal["direct", "partial", "indirect"]
SourceKind = Literal["speaker", "document"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or a piece of reported speech: ``text == source[start:end]``.

    Attributes:
        start, end, text: the quoted content; for direct and partial quotes the
            span inside the quotation marks.
        kind: ``"direct"``, ``"partial"`` or ``"indirect"``.
        speaker: the resolved display name ("Donald Trump"), else the words
            used when they name no known actor ("sources"), else ``None``;
            always ``None`` when the source is a document.
        speaker_mention, speaker_start, speaker_end: the words the text uses
            for the speaker or source ("the former president", "the data")
            and their offsets.
        source_kind: ``"speaker"`` when the words are attributed to a person,
            organisation or group (named, described or a pronoun);
            ``"document"`` when they are attributed to data, a poll, a study, a
            report or estimates ("according to the data", "the poll found
            that"), or to a share of those polled ("Twelve percent said",
            "40% of voters say"): an attribution, but no one's voice, so it
            has no ``speaker``; ``None`` when no source is named.
        cue, cue_start, cue_end: the attribution words ("purportedly said",
            "told reporters", "according to", "—").
        paragraph: index of the paragraph the quote starts in.
        uncertain: notes on what was guessed.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    source_kind: SourceKind | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    paragraph: int = 0
    uncertain: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The quote as a plain dict (``uncertain`` as a list)."""
        d = asdict(self)
        d["uncertain"] = list(self.uncertain)
        return d


COLUMNS = [f for f in Quote.__dataclass_fields__]


# ---------------------------------------------------------------- lexicons
@dataclass(frozen=True)
class _Words:
    speech: frozenset[str]
    aux: frozenset[str]
    audience: frozenset[str]
    naming: frozenset[str]
    work: frozenset[str]
    clause: frozenset[str]
    stop: frozenset[str]
    that_verbs: frozenset[str]
    after_only: frozenset[str]
    indirect_keys: frozenset[str]  # the only words that can start reported speech (see _indirect)


@functools.cache
def _words() -> _Words:
    rows = load_table("quote_words")

    def cls(name: str) -> frozenset[str]:
        return frozenset(r["word"].lower() for r in rows if r["class"] == name)

    speech = frozenset(load_wordlist("speech_verbs"))
    that_verbs = cls("that")
    return _Words(
        speech=speech,
        aux=cls("aux"),
        audience=cls("audience"),
        naming=cls("naming"),
        work=cls("work"),
        clause=cls("clause"),
        stop=cls("stop"),
        that_verbs=that_verbs,
        after_only=cls("after"),
        indirect_keys=speech | that_verbs | {"according"},
    )


_IRREGULAR = {"said": "say", "says": "say", "saying": "say", "told": "tell", "wrote": "write", "written": "write",
              "thought": "think"}
_SUBJECT_PRONOUNS = frozenset("he she it they we i you there".split())
_CLAUSE_DETS = frozenset("the a an his her their its our my this these those some many no one two".split())
_NOUN_DETS = frozenset("a an the his her their its our my your this that these those such any every no".split())
_PRONOUNS = frozenset("he she they it we i you him her them".split())
_PREPS = frozenset("in on at for with from by of to about after before during alongside among despite "
                   "into over under like unlike amid".split())
_NOT_AFTER_SUBJECT = frozenset("about of for to on in at with from not against over".split())
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_DASHES = frozenset("—–-")
_END_PUNCT = frozenset(".!?…")


def _lemma_is(word: str, classes: frozenset[str]) -> bool:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w] in classes
    cands = {w, w[:-1], w[:-2], w[:-3], w[:-3] + "y", w[:-3] + "e", w[:-1] + "e" if w.endswith("d") else w}
    return any(c in classes for c in cands)


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_word(tok: _Tok) -> bool:
    return tok.text[:1].isalnum()


# ---------------------------------------------------------------- working records
@dataclass
class _Q:
    """A quotation or reported clause while it is being attributed."""

    start: int
    end: int
    kind: QuoteKind
    open_mark: int | None = None  # offset of the opening mark (direct/partial)
    close_mark: int | None = None
    notes: list[str] = field(default_factory=list)
    mention: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    speaker: str | None = None
    document: bool = False  # the source is a document (data, a poll, a report): no speaker
    outer: _Q | None = None  # the double quotation a nested single-quoted phrase lies in


@dataclass
class _Ctx:
    text: str
    sentences: list[Sentence]
    sent_starts: list[int]
    para_bounds: list[tuple[int, int, int]]  # index, start, end
    headlines: frozenset[int]  # indexes of headline paragraphs
    para_starts: list[int]
    index: _Index

    def sentence_at(self, pos: int) -> Sentence:
        k = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        return self.sentences[k]

    def paragraph_at(self, pos: int) -> int:
        k = max(0, bisect.bisect_right(self.para_starts, pos) - 1)
        return self.para_bounds[k][0] if self.para_bounds else 0


# ---------------------------------------------------------------- quotation marks
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
        for pos, kind in marks:
            at_start = not text[ps:pos].strip()
            if _is_inch(text, pos) and (open_at is None or (pos + 1 < len(text) and text[pos + 1].isalnum())):
                first = False
                continue
            if kind == "open":
                if open_at is None:
                    open_at, notes = pos, []
                elif open_at < ps and first and at_start:
                    pass  # the mark that re-opens a continued quotation
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
                end = _rstrip(text, _after_mark(text, open_at), pe)
                if end > _after_mark(text, open_at):
                    out.append(_Q(_after_mark(text, open_at), end, "direct", open_at, None,
                                  [*notes, "no closing quotation mark"]))
                open_at = None
    return sorted((q for q in out if q.end > q.start and text[q.start : q.end].strip()), key=lambda q: q.start)


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
    for m in re.finditer(r"''(?!')", text[start:end]):
        pos = start + m.start()
        if pos > 0 and text[pos - 1] == "'":
            continue
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 2] if pos + 2 < end else " "
        opens = (before.isspace() or before in "([{—–-/:;") and not after.isspace()
        out.append((pos, "open" if opens else "close"))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- attribution helpers
_WINDOW = 300  # characters read around a quotation for its attribution


class _Tok(Protocol):
    """A word or punctuation token: a window's :class:`_WinTok` or a sentence's :class:`~mediakit.article.Token`."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


class _WinTok(NamedTuple):
    """A token of a window around a quotation (a light tuple: windows are tokenized once per quotation)."""

    start: int
    end: int
    text: str


def _toks(ctx: _Ctx, start: int, end: int, limit: int | None = None) -> list[_WinTok]:
    """Tokens of ``text[start:end]`` as :func:`mediakit.segment.tokenize` finds them (the first ``limit``)."""
    found = _TOKEN.finditer(ctx.text, start, end)
    return [_WinTok(m.start(), m.end(), m.group()) for m in (itertools.islice(found, limit) if limit else found)]


def _is_abbrev(word: _Tok, dot: _Tok) -> bool:
    """A title or initial before a full stop: "Ms." "Sen." "J." """
    return word.text[:1].isupper() and len(word.text) <= 4 and word.end == dot.start


def _np_forward(toks: Sequence[_Tok], i: int, *, limit: int = 9) -> int:
    """End (exclusive token index) of a speaker noun phrase starting at ``toks[i]`` ("said X")."""
    w = _words()
    j = i
    while j < len(toks) and j - i < limit:
        t = toks[j].text
        low = t.lower()
        if t == "." and j > i and _is_abbrev(toks[j - 1], toks[j]) and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
            j += 1  # "said Sen. Ted Cruz"
            continue
        if not _is_word(toks[j]) or low in w.stop or low in ("in", "on", "at", "during", "to", "according", "adding"):
            break
        if low in w.speech and j > i:
            break
        j += 1
    return j


def _np_backward(toks: Sequence[_Tok], v: int, *, limit: int = 9) -> int:
    """Start token index of the speaker noun phrase ending just before ``toks[v]`` (empty: returns ``v``)."""
    w = _words()
    j = v
    while j > 0 and v - j < limit:
        t = toks[j - 1]
        low = t.text.lower()
        if t.text == "." and j >= 2 and _is_abbrev(toks[j - 2], t):
            j -= 1  # "Sen." "J." inside a name
            continue
        if not _is_word(t) or low in w.stop or (low in w.speech and low not in _NOUN_DETS):
            break
        j -= 1
        if low in ("the", "a", "an"):
            break  # "at which point the crowd" -> "the crowd"
    # a determiner or preposition left dangling at the start is not part of a subject
    while j < v and toks[j].text.lower() in ("of", "for", "to", "with", "by", "in", "on", "at"):
        j += 1
    return j


def _subject(toks: Sequence[_Tok], a: int) -> tuple[int, int]:
    """Token range of the subject before the cue starting at ``toks[a]``, over an apposition.

    * "Trump, the Republican candidate for elections now just two weeks away, told" -> "Trump";
    * "Clinton's campaign chairman, John Podesta, said" -> "John Podesta";
    * "Sen. Richard J. Durbin (D-Ill.), noting the size of his following, said" -> "Sen. Richard J. Durbin";
    * "he laughed and said" -> "he"; "..., saying" -> the first subject of the sentence.
    """
    d = a if toks[a].text.lower().endswith("ing") else _document_np(toks, a)  # "..., saying": the clause's subject
    if d < a:
        return d, a  # "a report by the IMF said", "a statement from the White House said", "Hoff's letter said"
    if toks[a].text.lower().endswith("ing") and a > 0 and _is_word(toks[a - 1]):
        return _first_subject(toks, a)  # "his memo to employees explaining the deal": no subject there
    s = _np_backward(toks, a)
    if s < a:
        return s, a
    if a == 0:
        return a, a
    prev = toks[a - 1].text
    if prev == "," and toks[a].text.lower().endswith("ing"):
        return _first_subject(toks, a)
    if prev == ",":
        k = a - 2
        while k >= 0 and toks[k].text != "," and a - k < 18:
            k -= 1
        inner = (k + 1, a - 1)
        if inner[1] > inner[0] and toks[inner[0]].text[:1].isupper() and toks[inner[0]].text.lower() not in _NOUN_DETS \
                and inner[1] - inner[0] <= 4 and all(_is_word(t) for t in toks[inner[0]:inner[1]]):
            if k >= 0 and _np_backward(toks, k) < k:
                return inner  # "Clinton's campaign chairman, John Podesta, said"
        if k > 0 and toks[k].text == ",":
            e = k
            if toks[e - 1].text == ")":  # "(D-Ill.)"
                while e > 0 and toks[e - 1].text != "(" and k - e < 8:
                    e -= 1
                e -= 1
            s2 = _np_backward(toks, e) if e > 0 else e
            if s2 < e:
                return s2, e
        return a, a
    if prev.lower() in ("and", "but"):
        # "when he brought up the Oklahoma City bombing and later said": the leftmost subject of the clause
        lo = a - 2
        while lo > 0 and a - lo < 14 and _is_word(toks[lo - 1]) and toks[lo - 1].text.lower() not in _words().stop:
            lo -= 1
        for k in range(lo, a - 1):
            t = toks[k]
            if t.text.lower() in _SUBJECT_PRONOUNS - {"there", "it"}:
                return k, k + 1
            if t.text[:1].isupper() and _is_word(t) and t.text.lower() not in _words().stop:
                e = k
                while e < a - 1 and toks[e].text[:1].isupper() and _is_word(toks[e]):
                    e += 1
                return k, e
    return a, a


_OF_SOURCE = frozenset("by from of for".split())  # "a report by X", "a letter from X", "a poll of voters for CNN"
_SOURCE_PARTICIPLE = frozenset("""released published issued conducted compiled commissioned written prepared
    obtained seen sent signed posted filed produced carried done""".split())


def _document_np(toks: Sequence[_Tok], a: int) -> int:
    """Start of a subject ending before ``toks[a]`` whose head is a document or a text that carries its
    author's words: "a report by the IMF", "A 2009 study published by Harvard economists", "a
    statement from the White House", "The IMF's report", "the senators' letter", "The report";
    ``a`` when there is none. Read backwards: noun phrases joined by by/from/of/for (and a participle,
    "released by"); the leftmost one's head must be such a noun."""
    w = _words()
    k = a - 1
    for _ in range(4):  # at most four noun phrases joined by prepositions
        j = k
        head = toks[k].text.lower() if k >= 0 else ""
        while j >= 0 and k - j < 7:
            t = toks[j]
            low = t.text.lower()
            if t.text in ("'", "’") and j > 0 and toks[j - 1].end == t.start and toks[j - 1].text.lower().endswith("s"):
                j -= 1  # "the senators' letter"
                continue
            if low in ("and", "&") and 0 < j < k and toks[j - 1].text[:1].isupper() and toks[j + 1].text[:1].isupper():
                j -= 1  # "the Center for Economic and Policy Research"
                continue
            if not _is_word(t) or low in w.stop or low in _PREPS or low in w.aux or (
                    low in w.speech and j < k and not t.text[:1].isupper()):
                break
            j -= 1
            if low in _NOUN_DETS:
                break  # "a", "the", "his": the start of the phrase
        if j == k:
            return a
        np_start = j + 1
        if j >= 0 and toks[j].text.lower() in _OF_SOURCE:
            k = j - 1
            if k >= 1 and toks[k].text.lower() in _SOURCE_PARTICIPLE:
                k -= 1  # "a report released by"
            continue
        return np_start if head in _DOCUMENT_HEADS or head in _VOICE_TEXTS else a
    return a


def _first_subject(toks: Sequence[_Tok], a: int) -> tuple[int, int]:
    for k in range(0, a):
        t = toks[k]
        low = t.text.lower()
        if low in _SUBJECT_PRONOUNS - {"there", "it"}:
            return k, k + 1
        if t.text[:1].isupper() and _is_word(t) and low not in _words().stop and low not in _NOUN_DETS \
                and low not in _PREPS and low not in _words().aux:
            e = k
            while e < a and (toks[e].text[:1].isupper() or toks[e].text in (".",)) and _is_word(toks[e]):
                e += 1
            return k, e
    return a, a


def _cue_span(toks: Sequence[_Tok], v: int, *, lo: int = 0) -> tuple[int, int]:
    """Token range of the cue around the verb ``toks[v]``: leading auxiliaries/adverbs, the verb, an audience."""
    w = _words()
    a = v
    while a - 1 >= lo and (toks[a - 1].text.lower() in w.aux or toks[a - 1].text.lower().endswith("ly")) and _is_word(
        toks[a - 1]
    ):
        if toks[a - 1].text[:1].isupper():
            break
        a -= 1
    b = v + 1
    if _lemma_is(toks[v].text, frozenset({"tell"})) and b < len(toks):
        if toks[b].text.lower() in w.audience:
            b += 1
        elif toks[b].text[:1].isupper():
            k = b
            while k < len(toks) and (toks[k].text[:1].isupper() or toks[k].text.lower() in ("of", "the")) and k - b < 6:
                k += 1
            b = k
    elif b + 1 < len(toks) and toks[b].text.lower() == "to" and toks[b + 1].text.lower() in w.audience:
        b += 2
    return a, b


def _attach(ctx: _Ctx, q: _Q, toks: Sequence[_Tok], cue: tuple[int, int], np: tuple[int, int] | None) -> None:
    q.cue = (toks[cue[0]].start, toks[cue[1] - 1].end)
    if np is not None and np[1] > np[0]:
        q.mention = (toks[np[0]].start, toks[np[1] - 1].end)


def _apposition_head(toks: Sequence[_Tok], a: int, b: int) -> tuple[int, int]:
    """For "Trump, the Republican candidate," keep "Trump"; else the range as given."""
    for k in range(a, b):
        if toks[k].text == ",":
            return (a, k) if k > a else (a, b)
    return a, b


def _attr_after(ctx: _Ctx, q: _Q, start: int, end: int) -> bool:
    """``, X said`` / ``, said X`` / ``, according to X`` / ``—Name`` after a closing mark."""
    w = _words()
    toks = _toks(ctx, start, min(end, start + _WINDOW), limit=36)  # the verb is within the first 24 tokens
    i = 0
    while i < len(toks) and toks[i].text in (",", ".", "!", "?", ";", ":") and i < 2:
        i += 1
    if i < len(toks) and toks[i].text in _DASHES and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        j = _np_forward(toks, i + 1, limit=5)
        if j > i + 1:
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
        if t.text == "." and v > i and _is_abbrev(toks[v - 1], t):
            continue  # "Ms. White said"
        if t.text in _END_PUNCT or t.text in ("“", '"', ";"):
            return False
        if (low in w.speech or low in w.after_only) and (v == i or low not in _NOUN_DETS):
            if v > i and toks[v - 1].text.lower() in _NOUN_DETS:
                return False  # a noun: "the claims"
            if v > i and low.endswith("ing"):
                return False  # "Alpert's metaphor is telling"
            a, b = _cue_span(toks, v, lo=i)
            if a == i:  # "said X"
                j = _np_forward(toks, b)
                _attach(ctx, q, toks, (a, b), (b, j) if j > b else None)
                return True
            first = toks[i].text.lower()
            if first in w.aux or first in w.stop or not _is_word(toks[i]):
                return False
            head = _apposition_head(toks, i, a)
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
    return False


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
        if low in w.speech or low in w.naming:
            if v > 0 and toks[v - 1].text.lower() in _NOUN_DETS:
                return False
            if v > 0 and toks[v - 1].text.lower() in ("when", "if", "as", "after", "before", "while", "once"):
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
            _attach(ctx, q, toks, (a, b), None)
            return True
    return False


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
    if ent is None:
        ent, note = ctx.index.entity_in(s, head_end)
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
    if low in _PRONOUNS:
        q.notes.append(f"pronoun {words!r} not resolved to a named actor")
        q.speaker = None
        return None
    q.speaker = " ".join(words.split())
    return None


#: Head nouns of a source that is a document, a data set or a measurement, not a voice:
#: "according to the data / figures / estimates", "the poll found", "a new survey by Gallup shows".
#: Texts that carry their author's own words (a statement, a letter, an email, a tweet) are not here:
#: "the statement said" gives the author's voice. PolNeAR annotates both as attributions with a Source.
_DOCUMENT_HEADS = frozenset(
    """data dataset datasets figures statistics stats numbers poll polls polling survey surveys study
    studies report reports research analysis analyses estimate estimates projection projections forecast
    forecasts census records documents document filings filing index ratings average averages tally
    findings results evidence""".split()
)
#: Texts that carry their author's own words: "a statement from the White House said" is the White
#: House's voice ("a report by the IMF" is a document: ``_DOCUMENT_HEADS``).
_VOICE_TEXTS = frozenset(
    """statement statements letter letters email emails e-mail e-mails memo memos memorandum tweet tweets
    post posts message messages note notes announcement editorial op-ed""".split()
)
_PEOPLE_FIGURES = frozenset("senior leading prominent key public political party opposition top".split())
_POSTMODIFIER = frozenset("of by from for in on at with among between that which who whose according".split())


def _is_document(words: str) -> bool:
    """A source mention whose head noun is a document or data: "the data", "figures released on
    Monday", "a new survey by Gallup", "U.S. Census data", "exit polls"; not "the study's author",
    not a proper name ending in such a word ("the Natural Hazards Research ...", "Referee Graham Poll").

    The head is the last word before a postmodifier (a preposition, "that", "which", a comma), past
    a participle that follows it ("figures released").
    """
    ws = _WORD.findall(words.split(",")[0])
    for k, w in enumerate(ws):
        if w.lower() in _POSTMODIFIER and k > 0:
            ws = ws[:k]
            break
    if not ws:
        return False
    if ws[-1].lower() not in _DOCUMENT_HEADS:
        while len(ws) > 1 and ws[-1].endswith("ed"):  # "figures released", "data compiled"
            ws.pop()
    head = ws[-1]
    if head[:1].isupper() and len(ws) > 1:
        return False  # part of a name: "the Natural Hazards Research", "Referee Graham Poll"
    if head.lower() == "figures" and len(ws) > 1 and ws[-2].lower() in _PEOPLE_FIGURES:
        return False  # "senior figures in the party" are people
    return head.lower() in _DOCUMENT_HEADS


_NUMBER = (r"(?:\d+(?:[.,]\d+)*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four"
           r"|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
           r"|nineteen|a hundred|one hundred)")
_FRACTION = r"(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"  # also ordinals: after a number
#: A share of those polled, as a source: "Twelve percent", "40% of voters", "nearly half of respondents",
#: "two-thirds of Democrats", "one in five voters", "a majority of Republicans", "the vast majority of
#: Americans". Not a count of people ("two officials", "one of the senators") nor a title ("Majority
#: Leader Mitch McConnell"), and "the majority" alone may be a court's.
_SHARE_MOD = (r"(?:only|just|nearly|almost|about|around|roughly|some|fully|over|under|exactly|approximately|another|"
              r"more than|fewer than|less than|at least|at most|upwards of|close to|a mere|a full|a paltry|"
              r"an estimated|the remaining|the other|the|a|an|vast|large|slim|narrow|clear|overwhelming|bare|small|"
              r"sizable|sizeable|solid|strong|big|wide)\s+")
_SHARE = re.compile(
    rf"(?:{_SHARE_MOD})*"
    rf"(?:(?:{_NUMBER}\s*(?:%|percent\b|per\s+cent\b|pc\b)"
    rf"|(?:(?:{_NUMBER}|a|an)[- ])?half\b|(?:{_NUMBER}|a|an)[- ]{_FRACTION}\b"
    rf"|{_NUMBER}\s+(?:in|out\s+of)\s+{_NUMBER}(?:\s+[a-z]\w*s)?\b"
    r"|(?:majority|minority|plurality)(?=\s+of\b))"
    r"(?:\s*$|\s+(?:of|among|polled|surveyed|questioned|asked|interviewed|who)\b)"
    rf"|(?:a|an)\s+(?:{_SHARE_MOD})*(?:majority|minority|plurality)\s*$)",
    re.IGNORECASE,
)


_VOICE_TEXT_RE = "|".join(sorted(_VOICE_TEXTS, key=len, reverse=True))
_AUTHOR_AFTER = re.compile(  # the author ends before a participle: "an email from X obtained by Reuters"
    rf"^.*?\b(?:{_VOICE_TEXT_RE})\s+(?:\w+\s+)?(?:by|from)\s+(.+?)(?:\s+(?:{'|'.join(_SOURCE_PARTICIPLE)})\b.*)?$",
    re.IGNORECASE,
)
_AUTHOR_BEFORE = re.compile(rf"^(.+?)['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{_VOICE_TEXT_RE})$", re.IGNORECASE)


def _author(words: str) -> tuple[int, int] | None:
    """Offsets in ``words`` of the author of a text cited as a source: "a statement from the White House",
    "a letter signed by 50 senators", "Trump's statement", "the senators' letter"; else None."""
    m = _AUTHOR_AFTER.match(words) or _AUTHOR_BEFORE.match(words)
    if m is None:
        return None
    a, b = m.span(1)
    if words[a:b].lower() in ("his", "her", "their", "its", "our", "my", "your"):
        return None
    return a, b


def _is_share(words: str) -> bool:
    """A share of people polled rather than people speaking: "Twelve percent", "40% of voters",
    "Half of respondents", "one in five Americans", "a majority of Republicans"."""
    return _SHARE.match(" ".join(words.split())) is not None


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
    from .actors import _in_quote

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
    from .actors import _lex

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


# ---------------------------------------------------------------- kinds
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
    if (_rstrip(text, s_close.start, after_end) <= ce and s_close.index + 1 < len(ctx.sentences)
            and text[q.start : q.end].rstrip()[-1:] in ("!", "?")):
        nxt = ctx.sentences[s_close.index + 1]
        if nxt.paragraph == s_close.paragraph:
            after_end = nxt.end  # '"Stop!" Trump said.' is split after the mark
    stripped = before.strip().strip("([—–-").strip()
    # the sentence splitter may have missed a boundary (mistyped marks): ". “" starts a sentence too
    starts_sentence = not stripped or q.open_mark is None or (stripped[-1] in ".!?" and content[:1].isupper())
    content_end = content.rstrip()[-1:] if content.strip() else ""
    ends_clause = content_end in ".,!?…—–-:;" or content_end in "'’"
    after = text[ce:after_end]
    # a sentence of the writer's that continues after the quotation in lower case: partial
    after_word = re.match(r"\s*([,;:]?)\s*(\w+)", after)
    if starts_sentence:
        if _attr_after(ctx, q, ce, after_end):
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
                    _attr_before(ctx, q, prev.start, prev.end, need_punct=True)
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
        toks = _toks(ctx, max(before_start, om - _WINDOW), om)
        dash = max((i for i, t in enumerate(toks) if t.text in _DASHES or t.text == ";"), default=-1)
        toks = toks[dash + 1 :]
        if len(toks) >= 2 and toks[-1].text == ":" and len(toks) - 1 <= 5 and toks[0].text[:1].isupper() \
                and all(_is_word(t) or t.text == "." for t in toks[:-1]):
            q.mention = (toks[0].start, toks[-2].end)  # 'Trump: "I will win"', '- Philip Bump: "..."'
            q.notes.append("speaker named before a colon, no reporting verb")
        elif toks and _is_word(toks[0]) and (toks[0].text.lower() in _SUBJECT_PRONOUNS - {"it", "there", "you", "i", "we"}
                                            or (toks[0].text[:1].isupper() and toks[0].text.lower() not in w.stop
                                                and toks[0].text.lower() not in _NOUN_DETS)):
            e = 1
            while e < len(toks) and toks[e].text[:1].isupper() and _is_word(toks[e]):
                e += 1
            q.mention = (toks[0].start, toks[e - 1].end)  # 'Clinton has since apologized for it: "..."'
            q.notes.append("speaker is the subject of the sentence before the colon")
        else:
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
    _attr_partial(ctx, q, s_open, om)
    return True


def _attr_statement(ctx: _Ctx, q: _Q, prev: Sentence) -> None:
    """'Smith said in a statement.' just before a quotation with no cue of its own: Smith's words."""
    w = _words()
    toks = _toks(ctx, max(prev.start, prev.end - _WINDOW), prev.end)
    if len(toks) < 3 or toks[-1].text != ".":
        return
    for v in range(len(toks) - 2, max(-1, len(toks) - 10), -1):
        low = toks[v].text.lower()
        if low in w.speech and not low.endswith("ing"):
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
        if low in w.naming or low in w.speech:
            if v > 0 and toks[v - 1].text.lower() in _NOUN_DETS:
                return
            a, b = _cue_span(toks, v)
            s = _np_backward(toks, a)
            if s < a:
                _attach(ctx, q, toks, (a, b), (s, a))
            return


# ---------------------------------------------------------------- indirect speech
def _indirect(ctx: _Ctx, quoted: list[tuple[int, int]], cue_starts: set[int]) -> list[_Q]:
    """Reported speech without quotation marks, sentence by sentence."""
    w = _words()
    text = ctx.text
    out: list[_Q] = []
    qstarts = [a for a, _ in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and quoted[k][0] <= pos < quoted[k][1]

    # quoted characters before any offset, by prefix sums over the merged intervals: O(log n) a query
    merged: list[tuple[int, int]] = []
    for a, b in quoted:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    mstarts = [a for a, _ in merged]
    cum = [0]
    for a, b in merged:
        cum.append(cum[-1] + b - a)

    def upto(x: int) -> int:
        k = bisect.bisect_right(mstarts, x) - 1
        return 0 if k < 0 else cum[k] + min(x, merged[k][1]) - merged[k][0]

    def quoted_share(a: int, b: int) -> float:
        return (upto(b) - upto(a)) / (b - a) if b > a else 0.0

    keys = w.indirect_keys
    for sent in ctx.sentences:
        # the sentence's tokens as score_tone and figures have them (cached per range): not tokenized again
        toks = tokenize(text, start=sent.start, end=sent.end)
        # only these words can start reported speech; every other token is passed over in the loop below
        cands = [v for v, t in enumerate(toks) if t.text.lower() in keys]
        if not cands:
            continue
        end = sent.end
        end = _rstrip(text, sent.start, end)
        while end > sent.start and text[end - 1] in ".!?…":
            end -= 1
        n = len(toks)
        first_dash = first_cue = -1  # found when first needed
        for v in cands:
            t = toks[v]
            low = t.text.lower()
            if t.start in cue_starts or in_quote(t.start):
                continue
            if low == "according" and v + 1 < n and toks[v + 1].text.lower() == "to":
                if first_cue < 0:
                    first_cue = next((k for k, tk in enumerate(toks) if tk.start in cue_starts), n)
                if first_cue < v:
                    continue  # "Peskov said on Monday, according to state media": the report's source
                _according(ctx, out, toks, v, sent, end, quoted_share)
                continue
            that_only = low in w.that_verbs
            if (low not in w.speech and not that_only) or (v > 0 and toks[v - 1].text.lower() in _NOUN_DETS):
                continue
            if that_only and not (v + 1 < n and toks[v + 1].text.lower() == "that"):
                continue  # "the poll found that ...", never "found the keys"
            if v + 1 < n and toks[v + 1].text.lower() in ("to", "by"):
                continue  # "said to be", "told by"
            a, b = _cue_span(toks, v)
            s, e = _subject(toks, a)
            if s == e and a > 1 and toks[a - 1].text == "," and b < n and toks[b].text[:1].isupper() and not that_only:
                # "..., says Dante Scala, a political scientist." : the clause before, the speaker after
                j = _np_forward(toks, b, limit=6)
                if j > b and (j >= n or not _is_word(toks[j])):
                    _before_comma(ctx, out, toks, sent, a - 1, (a, b), (b, j), quoted_share)
                continue
            if s == e or re.search(r"['’]s?$", toks[a - 1].text):
                continue  # no subject ("who said"), or a possessive: "Trump's alleged threat"
            c = b
            if c < n and toks[c].text.lower() == "that":
                c += 1
            elif _lemma_is(t.text, frozenset({"ask", "wonder"})) and c < n and toks[c].text.lower() in ("whether", "if"):
                c += 1
            elif c < n and toks[c].text.lower() in _ADJUNCT_START and _that_within(toks, c, 7) >= 0:
                c = _that_within(toks, c, 7) + 1  # "said on Saturday that ...", "said in a statement that ..."
            elif (c + 1 < n and toks[c].text == "," and _lemma_is(t.text, w.clause | {"explain", "note", "write"})
                  and not low.endswith("ing")
                  and toks[c + 1].text.lower() in _SUBJECT_PRONOUNS | _CLAUSE_DETS - {"a", "an"}):
                c += 1  # "Earnest explained, three taxes were postponed"
            elif _lemma_is(t.text, frozenset({"tell"})) and not (c < n and _clause_start(toks[c]) and b > v + 1):
                # "told The Wall Street Journal in an interview published on Friday that ..."
                k = c
                while k < n and k - c < 14 and _is_word(toks[k]) and toks[k].text.lower() != "that":
                    k += 1
                if k < n and toks[k].text.lower() == "that":
                    c = k + 1
                else:
                    continue
            elif not (_lemma_is(t.text, w.clause) and not low.endswith("ing") and c < n
                      and (_clause_start(toks[c]) or _bare_subject(toks, c))
                      and toks[c].text.lower() not in ("a", "an")
                      and not (toks[c].text[:1].isupper() and c + 1 < n
                               and (not _is_word(toks[c + 1]) or toks[c + 1].text.lower() in _NOT_AFTER_SUBJECT))):
                c = -1  # "warned Putin—..." is an object, not a clause
            if c >= 0 and c < n:
                cs = toks[c].start
                ce = end
                if first_dash < 0:
                    first_dash = next((k for k, tk in enumerate(toks) if tk.text in ("—", "–", "(")), n)
                if first_dash < s:
                    for k in range(c, n):
                        if toks[k].text in ("—", "–", ")"):
                            ce = _rstrip(text, cs, toks[k].start)
                            break
                ce, cut = _cap(text, cs, ce)
                if _has_words(text, cs, ce, 2) and quoted_share(cs, ce) < 0.8:
                    q = _Q(cs, ce, "indirect", notes=cut)
                    _attach(ctx, q, toks, (a, b), (s, e))
                    out.append(q)
                continue
            # "..., a spokesperson said." : the clause before the comma
            if e == a and s > 1 and toks[s - 1].text == "," and _looks_like_subject(toks, s, e) and (
                    b >= n or not _is_word(toks[b]) or toks[b].text.lower() in _AFTER_CUE):
                _before_comma(ctx, out, toks, sent, s - 1, (a, b), (s, e), quoted_share)
    return out


_AFTER_CUE = frozenset("on in at after before during late last this earlier when while adding citing".split())


def _looks_like_subject(toks: Sequence[_Tok], s: int, e: int) -> bool:
    """A short noun phrase: "a spokesperson", "officials", "Trump"; not "still doesn't resonate in his home"."""
    w = _words()
    words = [t.text for t in toks[s:e]]
    if not words or len(words) > 7:
        return False
    if any(x.lower() in w.aux or x.lower().endswith(("n't", "ly")) for x in words):
        return False
    first = words[0]
    return first.lower() in _NOUN_DETS or first[:1].isupper() or first.lower() in _PRONOUNS or first.endswith("s")


def _before_comma(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], sent: Sentence, comma: int,
                  cue: tuple[int, int], mention: tuple[int, int], quoted_share: Any) -> None:
    text = ctx.text
    cs = sent.start
    while cs < toks[comma].start and not text[cs].isalnum():
        cs += 1
    ce = _rstrip(text, cs, toks[comma].start)
    cs, cut = _cap_start(text, cs, ce)
    if _has_words(text, cs, ce, 3) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=cut)
        _attach(ctx, q, toks, cue, mention)
        out.append(q)


_ADJUNCT_START = frozenset("on in at during late last this earlier yesterday today monday tuesday wednesday thursday "
                           "friday saturday sunday".split())


def _that_within(toks: Sequence[_Tok], c: int, limit: int) -> int:
    """Index of "that" within ``limit`` word tokens from ``c`` (no punctuation between), else -1."""
    k = c
    while k < len(toks) and k - c < limit and _is_word(toks[k]):
        if toks[k].text.lower() == "that":
            return k
        k += 1
    return -1


_MAX_CLAUSE = 1000  # characters of reported speech kept when a "sentence" runs on without punctuation


def _cap(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """End of a reported clause, cut at a word boundary after ``_MAX_CLAUSE`` characters."""
    if ce - cs <= _MAX_CLAUSE:
        return ce, []
    cut = text.rfind(" ", cs, cs + _MAX_CLAUSE)
    return _rstrip(text, cs, cut if cut > cs else cs + _MAX_CLAUSE), [f"cut at {_MAX_CLAUSE} characters"]


def _cap_start(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """Start of a reported clause that ends at ``ce``, cut the same way."""
    if ce - cs <= _MAX_CLAUSE:
        return cs, []
    cut = text.find(" ", ce - _MAX_CLAUSE, ce)
    return (cut + 1 if cut >= 0 else ce - _MAX_CLAUSE), [f"cut at {_MAX_CLAUSE} characters"]


def _has_words(text: str, start: int, end: int, k: int) -> bool:
    """At least ``k`` words in ``text[start:end]`` (stops looking once found)."""
    if end <= start:
        return False
    for i, _ in enumerate(_WORD.finditer(text, start, end), start=1):
        if i >= k:
            return True
    return False


_FINITE = frozenset("would will could can may might should must has have had is are was were".split())


def _bare_subject(toks: Sequence[_Tok], c: int) -> bool:
    """A clause opening with a bare noun and a finite auxiliary: "said growth would slow", "said consumer
    prices were rising" (one or two lower-case words, then "would", "will", "was", ...)."""
    w = _words()
    for k in range(c, min(c + 2, len(toks) - 1)):
        low = toks[k].text.lower()
        if (not toks[k].text[:1].islower() or not _is_word(toks[k]) or low in w.stop or low in w.aux
                or low in _PREPS or low.endswith("ly") or low in w.speech or low in _PRONOUNS
                or low in ("whether", "not", "no", "yes")):
            return False
        if toks[k + 1].text.lower() in _FINITE:
            return True
    return False


def _clause_start(tok: _Tok) -> bool:
    low = tok.text.lower()
    return low in _SUBJECT_PRONOUNS or low in _CLAUSE_DETS or (tok.text[:1].isupper() and low not in _words().stop)


def _according(ctx: _Ctx, out: list[_Q], toks: Sequence[_Tok], v: int, sent: Sentence, end: int,
               quoted_share: Any) -> None:
    """ "according to X, ..." (content after the comma) and "..., according to X." (content before)."""
    text = ctx.text
    j = _np_forward(toks, v + 2)
    if j == v + 2:
        return
    # extend over "of/from" phrases: "an index sourced from the Armed Forces of Ukraine"
    k = j
    while k < len(toks) and toks[k].text not in (",", ".", ";") and k - j < 10:
        k += 1
    if not any(_is_word(t) for t in toks[:v]) and k < len(toks) and toks[k].text == ",":
        cs, ce = toks[k + 1].start if k + 1 < len(toks) else end, end
    elif v > 0 and toks[v - 1].text == ",":
        cs = sent.start
        ce = _rstrip(text, cs, toks[v - 1].start)
        j = k
    else:
        return
    cut: list[str] = []
    if ce > cs:
        if cs < toks[v].start:
            cs, cut = _cap_start(text, cs, ce)
        else:
            ce, cut = _cap(text, cs, ce)
    if _has_words(text, cs, ce, 3) and quoted_share(cs, ce) < 0.8:
        q = _Q(cs, ce, "indirect", notes=cut)
        q.cue = (toks[v].start, toks[v + 1].end)
        q.mention = (toks[v + 2].start, toks[min(j, len(toks)) - 1].end)
        out.append(q)


# ---------------------------------------------------------------- public API
def extract_quotes(text_or_article: str | Article, *, min_words: int = 1) -> tuple[Quote, ...]:
    """Direct, partial and indirect quotes with their speakers and cues, in text order.

    Args:
        text_or_article: a text, or an :class:`~mediakit.article.Article`
            (offsets are then into ``article.text``).
        min_words: drop quotes with fewer words than this (1 keeps one-word
            scare quotes such as "hit"; 4 keeps only quotations proper).

    Returns:
        A tuple of :class:`Quote` sorted by start offset.

    Raises:
        InputError: when given neither a str nor an Article.

    Examples:
        >>> text = ('"We will not comment on this," Kremlin spokesperson Dmitry Peskov told reporters. '
        ...         'He said the talks had been "productive".')
        >>> for q in extract_quotes(text):
        ...     print(q.kind, "|", q.text, "|", q.speaker, "|", q.cue)
        direct | We will not comment on this, | Dmitry Peskov | told reporters
        indirect | the talks had been "productive" | Dmitry Peskov | said
        partial | productive | Dmitry Peskov | said
    """
    text = as_text(text_or_article)
    if not text.strip():
        return ()
    paragraphs = split_paragraphs(text_or_article)
    sentences = split_sentences(text_or_article)
    if not sentences:
        return ()
    ctx = _Ctx(
        text=text,
        sentences=sentences,
        sent_starts=[s.start for s in sentences],
        para_bounds=[(p.index, p.start, p.end) for p in paragraphs],
        headlines=frozenset(p.index for p in paragraphs if p.role == "headline"),
        para_starts=[p.start for p in paragraphs],
        index=index_for(text_or_article),
    )
    found: list[_Q] = []
    prev_end = 0
    for q in _quotations(ctx):
        if _classify(ctx, q, prev_end):
            found.append(q)
        prev_end = _after_mark(text, q.close_mark) if q.close_mark is not None else q.end
    # continuation: a direct quotation with no cue of its own continues the previous speaker
    last: _Q | None = None
    for q in found:
        if q.kind != "direct":
            continue
        if q.cue is None and q.mention is None and last is not None:
            gap = ctx.paragraph_at(q.start) - ctx.paragraph_at(last.end)
            if gap <= 1:
                q.outer = last
                q.notes.append("no cue of its own: continues the previous speaker")
        if q.cue is not None or q.outer is not None:
            last = q
    # nested single-quoted phrases inside a direct quotation: the speaker's own scare quotes
    nested: list[_Q] = []
    for q in found:
        if q.kind != "direct":
            continue
        for a, b in _single_quoted(text, q.start, q.end):
            inner = text[a + 1 : b]
            lead = text[q.start : a].rstrip()
            if 1 <= _n_words(inner) <= 4 and lead and lead[-1].isalnum() and inner.strip():
                nested.append(_Q(a + 1, b, "partial", a, b, ["single-quoted inside a quotation"], outer=q))
    quoted = sorted((q.open_mark if q.open_mark is not None else q.start, q.end) for q in found)
    cue_starts: set[int] = set()
    for q in found:
        if q.cue is not None and q.kind == "direct":
            for tk in tokenize(text, start=q.cue[0], end=q.cue[1]):
                cue_starts.add(tk.start)
    indirect = _indirect(ctx, quoted, cue_starts)
    last_spk: tuple[Any, int] | None = None
    for q in sorted(found + indirect, key=lambda x: x.start):
        ent = _resolve(ctx, q, last_spk)
        if ent is not None and ent.kind == "person":
            last_spk = (ent, q.end)
    # partial quotes with no verb of their own: the reported speech they lie in
    for q in found:
        if q.kind == "partial":
            holders = [r for r in indirect if r.start <= q.start and q.end <= r.end + 1]
            if holders:
                h = min(holders, key=lambda r: r.end - r.start)
                q.cue, q.mention, q.speaker, q.document = h.cue, h.mention, h.speaker, h.document
                q.notes.append("speaker of the reported speech it lies in")
    for q in found + nested:
        if q.outer is not None:
            src = q.outer
            while src.outer is not None and src.cue is None:
                src = src.outer
            q.speaker, q.mention, q.document = src.speaker, src.mention, src.document
            if q.kind == "partial":
                q.cue = src.cue
    every = sorted(found + nested + indirect, key=lambda q: (q.start, -q.end))
    out = []
    for q in every:
        if min_words > 0 and not _has_words(text, q.start, q.end, min_words):
            continue
        body = text[q.start : q.end]
        ms, me = q.mention if q.mention else (None, None)
        cs, ce = q.cue if q.cue else (None, None)
        out.append(
            Quote(
                start=q.start,
                end=q.end,
                text=body,
                kind=q.kind,
                speaker=q.speaker,
                speaker_mention=text[ms:me] if ms is not None else None,
                speaker_start=ms,
                speaker_end=me,
                source_kind=("document" if q.document else "speaker") if q.mention or q.speaker else None,
                cue=text[cs:ce] if cs is not None else None,
                cue_start=cs,
                cue_end=ce,
                paragraph=ctx.paragraph_at(q.start),
                uncertain=tuple(dict.fromkeys(q.notes)),
            )
        )
    return tuple(out)


def quotes_table(text_or_quotes: str | Article | Iterable[Quote], *, min_words: int = 1) -> pd.DataFrame:
    """One row per quote, with exactly the :class:`Quote` fields as columns.

    Args:
        text_or_quotes: a text or Article (quotes are extracted), or quotes
            already extracted (``min_words`` is then not applied).
        min_words: as in :func:`extract_quotes`.

    >>> quotes_table('"No," she said.')[["kind", "text", "speaker_mention", "cue"]].to_dict("records")
    [{'kind': 'direct', 'text': 'No,', 'speaker_mention': 'she', 'cue': 'said'}]
    """
    import pandas as pd

    if isinstance(text_or_quotes, (str, Article)):
        quotes: Iterable[Quote] = extract_quotes(text_or_quotes, min_words=min_words)
    else:
        quotes = list(text_or_quotes)
        bad = next((q for q in quotes if not isinstance(q, Quote)), None)
        if bad is not None:
            raise InputError(f"quotes_table expects a str, an Article or Quote objects, not {type(bad).__name__}")
    rows = [q.to_dict() for q in quotes]
    for r in rows:
        r["uncertain"] = tuple(r["uncertain"])
    return pd.DataFrame(rows, columns=COLUMNS)
