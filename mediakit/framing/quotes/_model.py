"""The :class:`Quote` record, and the working records and tokens the rules share while attributing."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from ...article import Sentence
from ...segment import _TOKEN

if TYPE_CHECKING:
    from ..actors import _Index


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
            and their offsets, with the description the text sets beside a
            name ("John Smith, the mayor of Springfield", "said Jane Roe, 44",
            "Sen. Ted Cruz (R-Texas)"), as attribution corpora mark a source.
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
    labels: list[tuple[int, Any, tuple[str, frozenset[str], bool]]] | None = None  # built when first needed

    def sentence_at(self, pos: int) -> Sentence:
        k = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        return self.sentences[k]

    def paragraph_at(self, pos: int) -> int:
        k = max(0, bisect.bisect_right(self.para_starts, pos) - 1)
        return self.para_bounds[k][0] if self.para_bounds else 0


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
