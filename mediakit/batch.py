"""Score a column of texts: one row per text, the input's index kept, failures reported in place.

For a corpus where only tone and sentiment are wanted, this is the light path:
no quotes, actors or frames, so it runs several times faster than
:func:`mediakit.analyze_corpus`. Each text is scored sentence by sentence
where that matters (VADER's compound of a long text drifts towards +-1, so
``vader_sentence_mean`` is given beside it).

>>> import pandas as pd
>>> df = pd.DataFrame({"text": ["Markets plunged on Monday.", None, "The rescue was a success."]})
>>> out = score_texts(df, scores=("tone",))
>>> out["tone_label"].fillna("").tolist(), out["error"].notna().tolist()
(['negative', '', 'positive'], [False, True, False])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .errors import InputError, value_invalid_msg

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["score_texts", "SCORES"]

Score = Literal["textblob", "vader", "tone"]
#: The score families :func:`score_texts` can compute.
SCORES: tuple[str, ...] = ("textblob", "vader", "tone")


def _row(text: str, scores: Sequence[str]) -> dict[str, Any]:
    from .sentiment import score_sentiment
    from .tone import evidence_text, score_tone

    row: dict[str, Any] = {}
    if "textblob" in scores:
        s = score_sentiment(text, backend="textblob")
        row["textblob_polarity"] = s.polarity
        row["textblob_subjectivity"] = s.subjectivity
    if "vader" in scores:
        row["vader_compound"] = score_sentiment(text, backend="vader").polarity
    if "tone" in scores:
        t = score_tone(text)
        row["vader_sentence_mean"] = t.vader
        row["tone_score"] = t.score
        row["tone_label"] = t.label
        row["tone_evidence"] = evidence_text(t.evidence)
    return row


def score_texts(
    texts: pd.DataFrame | pd.Series | Iterable[Any],
    *,
    text_col: str = "text",
    scores: Sequence[Score | str] = SCORES,
    progress: bool = False,
) -> pd.DataFrame:
    """Sentiment and tone of every text, as a new DataFrame with the input's index.

    Args:
        texts: a DataFrame (its ``text_col`` is scored), a Series, or any
            iterable of strings.
        text_col: the column of texts in a DataFrame.
        scores: which families to compute: ``"textblob"`` (polarity,
            subjectivity: TextBlob's own numbers), ``"vader"`` (compound of
            the whole text), ``"tone"`` (mediakit's news tone, its label and
            evidence words, and VADER's sentence mean).
        progress: show a progress bar (``tqdm.auto``).

    Returns:
        One row per text, in input order and with the input's index:
        ``n_words``, the prefixed score columns, and ``error`` (``None``, or
        why that text could not be scored: a missing or non-string cell).
        Join it back with ``df.join(score_texts(df))``.

    Raises:
        InputError: ``text_col`` is not a column of the DataFrame, or an
            unknown score family is asked for.
    """
    import pandas as pd

    from ._progress import progress_bar

    unknown = [s for s in scores if s not in SCORES]
    if unknown:
        raise InputError(value_invalid_msg("scores", unknown[0], SCORES))
    if isinstance(texts, pd.DataFrame):
        if text_col not in texts.columns:
            raise InputError(
                f"text_col={text_col!r} is not a column of the DataFrame (columns: "
                f"{', '.join(map(str, texts.columns))}); pass text_col=..."
            )
        series = texts[text_col]
    elif isinstance(texts, pd.Series):
        series = texts
    elif isinstance(texts, (str, bytes)):
        raise InputError("score_texts() takes many texts (a DataFrame, Series or list); use score_tone() for one")
    else:
        series = pd.Series(list(texts), dtype=object)
    rows: list[dict[str, Any]] = []
    values = series.tolist()
    bar = progress_bar(enabled=progress, total=len(values), desc="scoring", unit="text")
    for value in values:
        bar.update(1)
        if not isinstance(value, str):
            what = "missing" if value is None or (isinstance(value, float) and value != value) else type(value).__name__
            rows.append({"error": f"text is {what}, not a string"})
            continue
        row: dict[str, Any] = {"n_words": len(value.split())}
        row.update(_row(value, scores))
        row["error"] = None
        rows.append(row)
    bar.close()
    columns = ["n_words"]
    if "textblob" in scores:
        columns += ["textblob_polarity", "textblob_subjectivity"]
    if "vader" in scores:
        columns += ["vader_compound"]
    if "tone" in scores:
        columns += ["vader_sentence_mean", "tone_score", "tone_label", "tone_evidence"]
    columns.append("error")
    return pd.DataFrame(rows, columns=columns, index=series.index)
