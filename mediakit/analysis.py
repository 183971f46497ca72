"""One call: ``analyze(article)`` -> :class:`Analysis` with every measure and its evidence.

This first version holds segmentation and sentiment; the framing measures
(quotes, cues, actors, frames, figures, voices, headline vs body) join it as
they land in :mod:`mediakit.framing`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import InputError
from .segment import split_sentences
from .sentiment import Sentiment, score_sentiment

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["analyze", "Analysis"]


@dataclass(frozen=True)
class Analysis:
    """Everything mediakit measures of one article, with the evidence."""

    article: Article
    sentiment: dict[str, Sentiment]
    n_sentences: int
    extras: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """A flat dict of headline figures: one corpus row."""
        row: dict[str, Any] = {
            "id": self.article.id,
            "title": self.article.title,
            "n_words": self.article.n_words,
            "n_sentences": self.n_sentences,
        }
        for name, s in self.sentiment.items():
            for k, v in s.scores.items():
                row[f"{name}_{k}"] = v
        return row

    def tables(self) -> dict[str, pd.DataFrame]:
        from .tables import sentiment_table

        return {"sentences": sentiment_table(self.article)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": {k: v for k, v in self.article.to_dict().items() if k != "raw"},
            "summary": self.summary(),
            "sentiment": {k: v.to_dict() for k, v in self.sentiment.items()},
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), default=str, **kwargs)

    def to_text(self) -> str:
        lines = [self.article.title or "(untitled)", ""]
        for k, v in self.summary().items():
            if k in ("title",):
                continue
            lines.append(f"{k:<24} {v:.3f}" if isinstance(v, float) else f"{k:<24} {v}")
        return "\n".join(lines)


def analyze(article: Article | str) -> Analysis:
    """Analyse one article (or a plain text)."""
    if isinstance(article, str):
        article = Article.from_text(article)
    if not isinstance(article, Article):
        raise InputError(f"expected an Article or a str, not {type(article).__name__}")
    sentiment = {name: score_sentiment(article, backend=name) for name in ("textblob", "vader")}
    return Analysis(article=article, sentiment=sentiment, n_sentences=len(split_sentences(article)))
