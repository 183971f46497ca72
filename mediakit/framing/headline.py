"""Headline and standfirst against body: which actors, cues, frames and tone each part carries.

A headline is the most-read part of an article and often frames the story
more sharply than the body does ("Trump's Alleged Threat" in a headline,
"Trump reportedly said" in the body). This module lines the parts up.

It reuses results already computed (pass them in, as :func:`mediakit.analyze`
does) and computes what is missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from .actors import Actor
    from .cues import Cue
    from .frames import FrameScore
    from .quotes import Quote

__all__ = ["headline_table"]

PARTS = ("headline", "standfirst", "body")


def _within(start: int, end: int, lo: int, hi: int) -> bool:
    return lo <= start and end <= hi


def headline_table(
    article: Article,
    *,
    actors: Sequence[Actor] | None = None,
    cues: Sequence[Cue] | None = None,
    frames: Sequence[FrameScore] | None = None,
    quotes: Sequence[Quote] | None = None,
) -> pd.DataFrame:
    """One row per part of the article (headline, standfirst, body) and what it carries.

    Columns: ``part, start, end, n_words, textblob_polarity, vader_compound,
    tone, actors`` (names of the actors mentioned, most mentioned first),
    ``cues`` (the cue words, in order), ``n_hedges``, ``n_quotes``, then
    ``frame_<name>`` hits per 100 words for each frame with ``frame_evidence``
    (the indicator words that fired). A part the article lacks is left out.

    >>> import mediakit as mk
    >>> art = mk.Article.from_dict({"title": "Alleged threat angers Kremlin",
    ...                             "paragraphs": ["Trump said he would strike Moscow, Peskov said."]})
    >>> df = headline_table(art)
    >>> df["part"].tolist(), df.loc[0, "cues"]
    (['headline', 'body'], ['Alleged'])
    """
    import pandas as pd

    from ..segment import tokenize
    from ..sentiment import score_sentiment
    from ..tone import score_tone
    from .actors import find_actors
    from .cues import find_cues
    from .frames import score_frames
    from .quotes import extract_quotes

    if not isinstance(article, Article):
        raise InputError(f"headline_table needs an Article (with its headline), not {type(article).__name__}")
    actors = find_actors(article) if actors is None else actors
    cues = find_cues(article) if cues is None else cues
    frames = score_frames(article) if frames is None else frames
    quotes = extract_quotes(article) if quotes is None else quotes
    text = article.text
    hits = [h for f in frames if f.unit == "paragraph" for h in f.hits]
    frame_names = list(dict.fromkeys(f.frame for f in frames))

    spans: dict[str, tuple[int, int]] = {}
    for part in article.parts:
        lo, hi = spans.get(part.role, (part.start, part.end))
        spans[part.role] = (min(lo, part.start), max(hi, part.end))

    rows: list[dict[str, Any]] = []
    for role in PARTS:
        if role not in spans:
            continue
        lo, hi = spans[role]
        chunk = text[lo:hi]
        n_words = sum(1 for t in tokenize(chunk) if t.text[0].isalnum())
        named: Counter[str] = Counter()
        for actor in actors:
            n = sum(1 for m in actor.mentions if _within(m.start, m.end, lo, hi))
            if n:
                named[actor.name] += n
        part_cues = [c for c in cues if _within(c.start, c.end, lo, hi)]
        row: dict[str, Any] = {
            "part": role,
            "start": lo,
            "end": hi,
            "n_words": n_words,
            "textblob_polarity": score_sentiment(chunk, backend="textblob").polarity,
            "vader_compound": score_sentiment(chunk, backend="vader").scores["compound"],
            "tone": score_tone(chunk).score,
            "actors": [name for name, _ in named.most_common()],
            "cues": [c.text for c in part_cues],
            "n_hedges": sum(1 for c in part_cues if c.category == "hedge"),
            "n_quotes": sum(1 for q in quotes if lo <= q.start < hi),
        }
        evidence: list[str] = []
        for name in frame_names:
            fired = [h for h in hits if h.frame == name and _within(h.start, h.end, lo, hi)]
            row[f"frame_{name}"] = round(100 * len(fired) / n_words, 2) if n_words else 0.0
            evidence.extend(f"{name}: {h.text}" for h in fired)
        row["frame_evidence"] = evidence
        rows.append(row)
    return pd.DataFrame(rows)
