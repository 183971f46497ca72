"""The public functions: :func:`extract_quotes` and :func:`quotes_table`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ...article import Article
from ...errors import InputError
from ...segment import _single_quoted, as_text, split_paragraphs, split_sentences, tokenize
from ..actors import index_for
from ._attribution import _classify
from ._indirect import _has_words, _indirect
from ._lexicon import _n_words
from ._marks import _after_mark, _quotations
from ._mention import _extend
from ._model import _Q, COLUMNS, Quote, _Ctx
from ._speakers import _resolve

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["extract_quotes", "quotes_table"]


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
            if q.kind == "direct" and q.cue is not None and q.mention is None:
                _same_speaker(ctx, q, found)
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
        _extend(ctx, q)  # the mention with the description set beside the name, once resolved from the name
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


def _same_speaker(ctx: _Ctx, q: _Q, found: list[_Q]) -> None:
    """A cue with no subject of its own after an earlier quotation of the sentence ('She stated, "A," adding,
    "B."', 'Ash called it a "breach of trust," adding: "B."'): the speaker of that quotation."""
    sent = ctx.sentence_at(q.open_mark if q.open_mark is not None else q.start).index
    for p in reversed(found):
        if ctx.sentence_at(p.end).index != sent:
            return
        if p.mention is not None and not p.document:
            q.outer = p
            q.notes.append("cue with no subject of its own: the speaker of the quotation before")
            return


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
