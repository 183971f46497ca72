"""Opt-in pandas accessor: ``import mediakit.accessor`` registers ``df.mk``.

``import mediakit`` alone never touches pandas' namespace. The accessor keeps
no state and only delegates to mediakit's batch functions, keeping the
DataFrame's index so results join back:

>>> import pandas as pd
>>> import mediakit.accessor  # noqa: F401
>>> df = pd.DataFrame({"body": ["Troops invaded the city.", "The deal was a success."]})
>>> df.mk(text_col="body").tone()["tone_label"].tolist()
['negative', 'positive']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from .corpus import CorpusOutput

__all__ = ["MediakitAccessor"]


@pd.api.extensions.register_dataframe_accessor("mk")
class MediakitAccessor:
    """``df.mk``: mediakit on a DataFrame of articles (one text per row)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame
        self._text_col = "text"

    def __call__(self, *, text_col: str) -> MediakitAccessor:
        """The same accessor reading the texts from ``text_col``."""
        self._check(text_col)
        other = MediakitAccessor(self._frame)
        other._text_col = text_col
        return other

    def _check(self, text_col: str) -> None:
        if text_col not in self._frame.columns:
            # AttributeError, as the pandas accessor documentation asks
            raise AttributeError(
                f"df.mk needs a text column; {text_col!r} is not one of: "
                f"{', '.join(map(str, self._frame.columns))} (use df.mk(text_col=...))"
            )

    def tone(self, **kwargs: Any) -> pd.DataFrame:
        """:func:`mediakit.batch.score_texts` on the text column (tone, TextBlob, VADER)."""
        from .batch import score_texts

        self._check(self._text_col)
        return score_texts(self._frame, text_col=self._text_col, **kwargs)

    def analyze(self, **kwargs: Any) -> pd.DataFrame | CorpusOutput:
        """:func:`mediakit.analyze_corpus` on the rows: the full analysis, one row per article."""
        from .corpus import analyze_corpus

        self._check(self._text_col)
        kwargs.setdefault("progress", False)
        return analyze_corpus(self._frame, text_col=self._text_col, **kwargs)
