"""The public functions: :func:`find_figures` and :func:`figures_table`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ...article import Article
from ...errors import InputError
from .._tokens import text_words
from .amounts import _amounts, _number_sentences, _qualifier, _qualifier_after
from .counts import _counts_after, _counts_before
from .figure import Figure
from .sources import _EXTRA_VERBS, _covered, _nearest, _source_for, _speaker_at, _speech_subjects, _subject_for

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["find_figures", "figures_table"]


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
    from ...segment import quoted_in_paragraphs, split_sentences, tokenize
    from ..cues import find_sources

    if not isinstance(text_or_article, (str, Article)):
        raise InputError(f"expected a str or an Article, not {type(text_or_article).__name__}")
    text = text_or_article.text if isinstance(text_or_article, Article) else text_or_article
    sentences = split_sentences(text_or_article)
    if not sentences:
        return ()
    quoted = quoted_in_paragraphs(text_or_article)
    by_sentence: dict[int, list[Any]] | None = None
    verbs = _verbs()
    out: list[Figure] = []
    in_quoted = _covered(quoted)
    speaker_at: Callable[[int], str | None] | None = None
    # as _MAYBE_NUMBER.search per sentence, from the text's word tokens (cues and frames found them)
    has_number = _number_sentences(text, text_words(text_or_article))
    for sent, number in zip(sentences, has_number):
        if not number:
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


@functools.cache
def _verbs() -> frozenset[str]:
    """Reporting verbs whose subject is a figure's source (the shipped list, loaded once, and a few more)."""
    from ...lexicon import load_wordlist

    return frozenset(load_wordlist("speech_verbs")) | _EXTRA_VERBS


def figures_table(text_or_article: str | Article, *, quotes: Sequence[Any] | None = None) -> pd.DataFrame:
    """One row per figure: ``start, end, text, value, unit, counts, source, sentence, approximate, in_quote``.

    >>> df = figures_table("Nearly half of voters backed the plan, a poll of 1,200 adults showed.")
    >>> df[["text", "value", "counts", "approximate"]].values.tolist()
    [['Nearly half of voters', 0.5, 'voters', True], ['1,200 adults', 1200.0, 'adults', False]]
    """
    import pandas as pd

    rows = [f.to_dict() for f in find_figures(text_or_article, quotes=quotes)]
    return pd.DataFrame(rows, columns=list(Figure.__slots__))
