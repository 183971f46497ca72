"""Sentiment as DataFrames: one row per sentence, paragraph or article, scorers side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from .article import Article
from .segment import as_text, split_paragraphs, split_sentences
from .sentiment import score_sentiment

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["sentiment_table"]

Level = Literal["sentence", "paragraph", "article"]


def sentiment_table(
    text: str | Article,
    *,
    level: Level = "sentence",
    backends: Sequence[str] = ("textblob", "vader"),
    evidence: bool = True,
) -> pd.DataFrame:
    """Score every sentence (or paragraph, or the whole text) with each backend.

    Columns: ``unit, paragraph, role, start, end, text``, then per backend
    ``<backend>_<score>`` (``textblob_polarity``, ``textblob_subjectivity``,
    ``vader_compound``, ``vader_pos``, ``vader_neu``, ``vader_neg``) and, with
    ``evidence=True``, ``<backend>_evidence``: the words that carried the
    score as ``"word (+0.80)"`` strings.

    >>> df = sentiment_table("A good plan. A terrible war.", backends=("textblob",))
    >>> df[["text", "textblob_polarity"]].values.tolist()
    [['A good plan.', 0.7], ['A terrible war.', -1.0]]
    """
    import pandas as pd

    full = as_text(text)
    roles = {p.index: p.role for p in split_paragraphs(text)}
    units: list[tuple[int, int | None, str, int, int]] = []
    if level == "sentence":
        units = [(s.index, s.paragraph, roles.get(s.paragraph, "body"), s.start, s.end) for s in split_sentences(text)]
    elif level == "paragraph":
        units = [(p.index, p.index, p.role, p.start, p.end) for p in split_paragraphs(text)]
    elif level == "article":
        units = [(0, None, "article", 0, len(full))]
    else:
        from .errors import InputError, value_invalid_msg

        raise InputError(value_invalid_msg("level", level, ("sentence", "paragraph", "article")))
    rows = []
    for idx, para, role, start, end in units:
        chunk = full[start:end]
        row: dict[str, object] = {"unit": idx, "paragraph": para, "role": role, "start": start, "end": end, "text": chunk}
        for name in backends:
            s = score_sentiment(chunk, backend=name)
            for key, value in s.scores.items():
                row[f"{name}_{key}"] = value
            if evidence:
                row[f"{name}_evidence"] = [f"{e.text} ({e.polarity:+.2f})" for e in s.evidence]
        rows.append(row)
    return pd.DataFrame(rows)
