"""Matplotlib figures for mediakit's tables: titled, labelled, readable in a rendered page.

Each function takes a table mediakit produced (or an article, from which it
builds that table), draws on ``ax`` if given (a new figure otherwise) and
returns the :class:`matplotlib.axes.Axes`, so a notebook can adjust it.
Nothing is shown or saved here: in Jupyter the figure appears at the end of
the cell; elsewhere call ``ax.figure.savefig(...)``.

matplotlib is imported inside each function, so ``import mediakit`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "plot_sentence_arc",
    "plot_backend_agreement",
    "plot_share_of_voice",
    "plot_actor_mentions",
    "plot_cooccurrence",
    "plot_frames",
    "plot_cues",
    "plot_corpus_distribution",
    "plot_corpus_frames",
    "cooccurrence_table",
]

BACKEND_COLOURS = {"textblob": "#1f77b4", "vader": "#d62728", "tone": "#2ca02c"}
BACKEND_SCORE = {"textblob": "textblob_polarity", "vader": "vader_compound", "tone": "tone_score"}
BACKEND_LABEL = {"textblob": "TextBlob polarity", "vader": "VADER compound", "tone": "mediakit tone"}


def _axes(ax: Axes | None, *, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def _require_columns(df: Any, columns: Sequence[str], what: str) -> pd.DataFrame:
    """Check ``df`` is a DataFrame with these columns, and return it (typed)."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"{what} needs a DataFrame (or an article), not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(f"{what}: the table lacks column(s) {', '.join(missing)}; have {', '.join(map(str, df.columns))}")
    return df


def _short(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


# -- sentiment -------------------------------------------------------------------------------
def plot_sentence_arc(
    table_or_article: pd.DataFrame | Article | str,
    *,
    backends: Sequence[str] = ("textblob", "vader"),
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """The sentence-by-sentence sentiment arc, one line per backend.

    Args:
        table_or_article: a :func:`~mediakit.tables.sentiment_table` at sentence
            level, or an article/text to build it from.
        backends: which scores to draw: ``"textblob"`` (polarity), ``"vader"``
            (compound) and ``"tone"`` (``tone_score``, from
            :func:`~mediakit.tone.tone_table`, joined to the table by the caller).
        ax: axes to draw on.
        title: the figure title.

    Returns:
        The axes. Paragraph boundaries are drawn as faint vertical lines and
        the headline/standfirst sentences are shaded.

    Examples:
        >>> ax = plot_sentence_arc("A good plan. A terrible war. Talks resume.")
        >>> ax.get_xlabel(), len(ax.get_lines()) >= 2
        ('sentence', True)
        >>> ax = plot_sentence_arc("A good plan. A terrible war.", backends=("vader", "tone"))
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['VADER compound', 'mediakit tone']
    """
    df = _sentence_table(table_or_article, backends)
    ax = _axes(ax, figsize=(9, 3.6))
    if df.empty:
        return _empty(ax, "no sentences")
    x = list(range(len(df)))
    for name in backends:
        col = BACKEND_SCORE.get(name, f"{name}_polarity")
        _require_columns(df, [col], "plot_sentence_arc")
        label = BACKEND_LABEL.get(name, col)
        ax.plot(x, df[col], marker="o", ms=3.5, lw=1.4, label=label, color=BACKEND_COLOURS.get(name))
    ax.axhline(0, color="#888", lw=0.8)
    if "paragraph" in df.columns:
        paras = df["paragraph"].tolist()
        for i in range(1, len(paras)):
            if paras[i] != paras[i - 1]:
                ax.axvline(i - 0.5, color="#ccc", lw=0.7, zorder=0)
    if "role" in df.columns:
        lead = [i for i, r in enumerate(df["role"]) if r in ("headline", "standfirst")]
        if lead:
            ax.axvspan(min(lead) - 0.5, max(lead) + 0.5, color="#f3e9c6", alpha=0.6, zorder=0,
                       label="headline / standfirst")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-0.5, len(df) - 0.5)
    ax.set_xlabel("sentence")
    ax.set_ylabel("sentiment (−1 negative … +1 positive)")
    ax.set_title(title or "Sentiment arc, sentence by sentence (grey lines: paragraph breaks)")
    ax.legend(loc="lower left", fontsize=8, frameon=False, ncol=3)
    return ax


def _sentence_table(table_or_article: Any, backends: Sequence[str]) -> pd.DataFrame:
    if isinstance(table_or_article, (Article, str)):
        from .tables import sentiment_table

        lexicons = tuple(b for b in backends if b != "tone")
        table = sentiment_table(table_or_article, backends=lexicons, evidence=False)
        if "tone" in backends:
            from .tone import tone_table

            table["tone_score"] = tone_table(table_or_article)["tone_score"].to_numpy()
        return table
    return _require_columns(table_or_article, [], "sentiment plot")


def plot_backend_agreement(
    table_or_article: pd.DataFrame | Article | str,
    *,
    ax: Axes | None = None,
    threshold: float = 0.5,
    title: str | None = None,
) -> Axes:
    """TextBlob polarity against VADER compound, one dot per sentence.

    Dots far from the diagonal are sentences where the two lexicons disagree;
    those more than ``threshold`` apart are labelled with their sentence number.

    Examples:
        >>> ax = plot_backend_agreement("A good plan. A terrible war.")
        >>> ax.get_xlabel()
        'TextBlob polarity'
    """
    df = _sentence_table(table_or_article, ("textblob", "vader"))
    _require_columns(df, ["textblob_polarity", "vader_compound"], "plot_backend_agreement")
    ax = _axes(ax, figsize=(5, 5))
    if df.empty:
        return _empty(ax, "no sentences")
    tb, vd = df["textblob_polarity"], df["vader_compound"]
    far = (tb - vd).abs() > threshold
    ax.plot([-1, 1], [-1, 1], color="#bbb", lw=1, zorder=0, label="perfect agreement")
    ax.scatter(tb[~far], vd[~far], s=22, color="#555", label="agree")
    ax.scatter(tb[far], vd[far], s=30, color="#d62728", label=f"differ by > {threshold:g}")
    for i in df.index[far]:
        ax.annotate(str(df.loc[i, "unit"]) if "unit" in df.columns else str(i), (tb[i], vd[i]),
                    textcoords="offset points", xytext=(4, 3), fontsize=8, color="#d62728")
    ax.axhline(0, color="#ddd", lw=0.7, zorder=0)
    ax.axvline(0, color="#ddd", lw=0.7, zorder=0)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal")
    ax.set_xlabel("TextBlob polarity")
    ax.set_ylabel("VADER compound")
    ax.set_title(title or "Where the two lexicons disagree\n(numbers: sentence index)", fontsize=11)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return ax


# -- voices and actors ------------------------------------------------------------------------
def plot_share_of_voice(
    quotes: pd.DataFrame | Article | str,
    *,
    ax: Axes | None = None,
    top: int = 10,
    title: str | None = None,
) -> Axes:
    """Quoted words per speaker, split into direct/partial and indirect (reported) speech.

    Args:
        quotes: a :func:`~mediakit.framing.quotes.quotes_table` (columns
            ``speaker``, ``kind``, ``text``; with ``source_kind``, words attributed
            to data, polls or reports are one bar, "(documents)"), or an
            article/text to extract it from.
        top: how many speakers to show (the most quoted).

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"speaker": ["Peskov", "Trump", None], "kind": ["direct", "indirect", "direct"],
        ...                    "text": ["we will not comment", "he warned Putin", "no"]})
        >>> [t.get_text() for t in plot_share_of_voice(df).get_yticklabels()]
        ['(unattributed)', 'Trump', 'Peskov']
    """
    import pandas as pd

    if isinstance(quotes, (Article, str)):
        from .framing.quotes import quotes_table

        quotes = quotes_table(quotes)
    quotes = _require_columns(quotes, ["speaker", "kind", "text"], "plot_share_of_voice")
    ax = _axes(ax, figsize=(8, 0.45 * min(top, max(len(quotes), 1)) + 1.6))
    if quotes.empty:
        return _empty(ax, "no quotations found")
    who = quotes["speaker"].astype(object).where(quotes["speaker"].notna(), None)
    if "source_kind" in quotes.columns:  # data, polls, reports: attributed, but no one's voice
        who = who.where(who.notna() | (quotes["source_kind"] != "document"), "(documents)")
    df = pd.DataFrame({
        "speaker": who.fillna("(unattributed)").astype(str),
        "speech": quotes["kind"].map(lambda k: "indirect" if k == "indirect" else "direct / partial"),
        "words": [len(str(t).split()) for t in quotes["text"]],
    })
    wide = df.pivot_table(index="speaker", columns="speech", values="words", aggfunc="sum", fill_value=0)
    for col in ("direct / partial", "indirect"):
        if col not in wide.columns:
            wide[col] = 0
    wide = wide[["direct / partial", "indirect"]]
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False).index[:top]].iloc[::-1]
    left = [0] * len(wide)
    for col, colour in (("direct / partial", "#1f77b4"), ("indirect", "#9ecae1")):
        ax.barh(wide.index, wide[col], left=left, color=colour, label=col)
        left = [a + b for a, b in zip(left, wide[col])]
    ax.set_xlabel("quoted words")
    ax.set_ylabel("speaker")
    ax.set_title(title or "Who gets to speak: quoted words per speaker")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    return ax


def plot_actor_mentions(
    actors: pd.DataFrame | Article | str,
    *,
    ax: Axes | None = None,
    top: int = 12,
    title: str | None = None,
) -> Axes:
    """How often each actor is mentioned (bars coloured by kind: person, organisation, ...).

    Args:
        actors: an :func:`~mediakit.framing.actors.actors_table` (columns
            ``name``, ``n_mentions``, optionally ``kind``), or an article/text.
        top: how many actors to show.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"name": ["Trump", "Kremlin"], "kind": ["person", "organisation"], "n_mentions": [5, 2]})
        >>> plot_actor_mentions(df).get_xlabel()
        'mentions (names, surnames, pronouns, descriptions)'
    """
    if isinstance(actors, (Article, str)):
        from .framing.actors import actors_table

        actors = actors_table(actors)
    actors = _require_columns(actors, ["name", "n_mentions"], "plot_actor_mentions")
    ax = _axes(ax, figsize=(8, 0.4 * min(top, max(len(actors), 1)) + 1.6))
    if actors.empty:
        return _empty(ax, "no actors found")
    df = actors.sort_values("n_mentions", ascending=False).head(top).iloc[::-1]
    palette = {"person": "#1f77b4", "organisation": "#ff7f0e", "place": "#2ca02c", "group": "#9467bd"}
    kinds = df["kind"].astype(str).tolist() if "kind" in df.columns else ["actor"] * len(df)
    ax.barh(df["name"].astype(str), df["n_mentions"], color=[palette.get(k, "#777") for k in kinds])
    from matplotlib.patches import Patch

    handles = [Patch(color=palette.get(k, "#777"), label=k) for k in dict.fromkeys(kinds)]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    ax.set_xlabel("mentions (names, surnames, pronouns, descriptions)")
    ax.set_ylabel("actor")
    ax.set_title(title or "Who the article is about: mentions per actor")
    return ax


def cooccurrence_table(
    actors: Sequence[Any],
    text_or_article: Article | str,
    *,
    top: int = 10,
) -> pd.DataFrame:
    """How many paragraphs each pair of actors shares (diagonal: paragraphs mentioning the actor).

    Args:
        actors: :class:`~mediakit.framing.actors.Actor` objects (with
            ``name`` and ``mentions`` carrying ``start`` offsets).
        text_or_article: the text the offsets point into.
        top: keep the most mentioned actors only.

    Examples:
        >>> from types import SimpleNamespace as NS
        >>> text = "Trump spoke.\\n\\nPutin and Trump met."
        >>> a = [NS(name="Trump", mentions=[NS(start=0), NS(start=24)]), NS(name="Putin", mentions=[NS(start=14)])]
        >>> cooccurrence_table(a, text).to_dict()["Putin"]
        {'Trump': 1, 'Putin': 1}
    """
    import pandas as pd

    from .segment import split_paragraphs

    paras = split_paragraphs(text_or_article)
    starts = [p.start for p in paras]

    def para_of(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:  # last paragraph starting at or before pos
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    chosen = sorted(actors, key=lambda a: -len(a.mentions))[:top]
    where = {a.name: {para_of(m.start) for m in a.mentions} for a in chosen}
    names = list(where)
    return pd.DataFrame(
        [[len(where[a] & where[b]) for b in names] for a in names], index=names, columns=names
    ).rename_axis(index="actor", columns="with")


def plot_cooccurrence(matrix: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """A heatmap of :func:`cooccurrence_table`: which actors appear in the same paragraphs.

    Examples:
        >>> import pandas as pd
        >>> m = pd.DataFrame([[3, 1], [1, 2]], index=["Trump", "Putin"], columns=["Trump", "Putin"])
        >>> plot_cooccurrence(m).get_title()
        'In whose company: paragraphs shared by two actors'
    """
    _require_columns(matrix, [], "plot_cooccurrence")
    n = len(matrix)
    ax = _axes(ax, figsize=(1.0 + 0.55 * max(n, 3), 0.8 + 0.5 * max(n, 3)))
    if n == 0:
        return _empty(ax, "no actors found")
    im = ax.imshow(matrix.to_numpy(), cmap="Blues", vmin=0)
    ax.set_xticks(range(n), [_short(c, 18) for c in matrix.columns], rotation=45, ha="right")
    ax.set_yticks(range(n), [_short(c, 18) for c in matrix.index])
    values = matrix.to_numpy(dtype=float)
    top = values.max() or 1
    for i in range(n):
        for j in range(n):
            v = values[i, j]
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="white" if v > top / 2 else "black")
    ax.figure.colorbar(im, ax=ax, label="paragraphs", shrink=0.8)
    ax.set_title(title or "In whose company: paragraphs shared by two actors", fontsize=11)
    return ax


# -- cues and frames ---------------------------------------------------------------------------
def plot_cues(cues: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Counts of cues per category (hedges, boosters, non-substantiation, ...).

    Examples:
        >>> import pandas as pd
        >>> plot_cues(pd.DataFrame({"category": ["hedge", "hedge", "booster"]})).get_xlabel()
        'cues found'
    """
    _require_columns(cues, ["category"], "plot_cues")
    ax = _axes(ax, figsize=(7, 2.8))
    if cues.empty:
        return _empty(ax, "no cues found")
    counts = cues["category"].astype(str).str.replace("_", " ").value_counts().sort_values()
    ax.barh(counts.index, counts.to_numpy(), color="#b45f06")
    ax.set_xlabel("cues found")
    ax.set_ylabel("category")
    ax.set_title(title or "Hedging, boosting and distancing: cues per category")
    return ax


def plot_frames(
    frames: pd.DataFrame | Article | str,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Heatmap of frame scores: one row per paragraph, one column per frame.

    Args:
        frames: a wide :func:`~mediakit.framing.frames.frames_table` (one row per
            paragraph; every numeric column other than offsets and indices is
            taken as a frame), or an article/text.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"paragraph": [0, 1], "role": ["headline", "body"],
        ...                    "conflict": [1.0, 0.0], "economic": [0.0, 0.5]})
        >>> [t.get_text() for t in plot_frames(df).get_xticklabels()]
        ['conflict', 'economic']
    """
    if isinstance(frames, (Article, str)):
        from .framing.frames import frames_table

        frames = frames_table(frames)
    frames = _require_columns(frames, [], "plot_frames")
    cols = frame_columns(frames)
    ax = _axes(ax, figsize=(1.6 + 1.1 * max(len(cols), 3), 1.2 + 0.32 * max(len(frames), 4)))
    if frames.empty or not cols:
        return _empty(ax, "no frame scores")
    data = frames[cols].astype(float).to_numpy()
    im = ax.imshow(data, aspect="auto", cmap="YlOrRd", vmin=0)
    labels = [c.removeprefix("frame_").replace("_", " ") for c in cols]
    ax.set_xticks(range(len(cols)), labels, rotation=30, ha="right")
    rows = []
    for i, (_, row) in enumerate(frames.iterrows()):
        role = row.get("role", "")
        idx = row.get("paragraph", row.get("index", i))
        rows.append(f"{idx} {role}" if role and role != "body" else str(idx))
    ax.set_yticks(range(len(frames)), rows)
    ax.set_ylabel("paragraph")
    ax.set_xlabel("frame")
    ax.figure.colorbar(im, ax=ax, label="score", shrink=0.8)
    ax.set_title(title or "Generic frames, paragraph by paragraph", fontsize=11)
    return ax


_NOT_FRAMES = {"paragraph", "index", "unit", "start", "end", "n_words", "sentence", "n_hits", "words"}


def frame_columns(frames: pd.DataFrame) -> list[str]:
    """The frame columns of a wide frames table: numeric, and not offsets/indices/counts.

    >>> import pandas as pd
    >>> frame_columns(pd.DataFrame({"paragraph": [0], "start": [0], "conflict": [0.5], "role": ["body"]}))
    ['conflict']
    """
    import pandas as pd

    prefixed = [c for c in frames.columns if str(c).startswith("frame_") and pd.api.types.is_numeric_dtype(frames[c])]
    if prefixed:
        return prefixed
    return [
        c for c in frames.columns
        if pd.api.types.is_numeric_dtype(frames[c]) and not pd.api.types.is_bool_dtype(frames[c])
        and str(c) not in _NOT_FRAMES and not str(c).endswith(("_start", "_end", "_index"))
    ]


# -- corpus -----------------------------------------------------------------------------------
def plot_corpus_distribution(
    corpus: pd.DataFrame,
    column: str,
    *,
    by: str | None = None,
    ax: Axes | None = None,
    bins: int = 30,
    title: str | None = None,
) -> Axes:
    """The distribution of one measure over a corpus (a histogram, or a box per group with ``by``).

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"vader_compound": [0.1, -0.5, 0.9], "category": ["a", "b", "a"]})
        >>> plot_corpus_distribution(df, "vader_compound", by="category").get_ylabel()
        'vader compound'
    """
    _require_columns(corpus, [column] + ([by] if by else []), "plot_corpus_distribution")
    label = column.replace("_", " ")
    values = corpus[column].dropna()
    if by is None:
        ax = _axes(ax, figsize=(7, 3.4))
        if values.empty:
            return _empty(ax, f"no values of {column}")
        ax.hist(values.astype(float), bins=bins, color="#1f77b4", edgecolor="white")
        ax.set_xlabel(label)
        ax.set_ylabel("articles")
        ax.set_title(title or f"{label} across {len(values)} articles")
        return ax
    groups = corpus.dropna(subset=[column]).groupby(by)[column]
    names = sorted(groups.groups, key=str)
    ax = _axes(ax, figsize=(max(5.0, 1.1 * len(names) + 2), 3.8))
    if not names:
        return _empty(ax, f"no values of {column}")
    ax.boxplot([groups.get_group(n).astype(float).to_numpy() for n in names], showmeans=True)
    ax.set_xticks(range(1, len(names) + 1), [_short(str(n), 16) for n in names], rotation=30, ha="right")
    ax.set_xlabel(by.replace("_", " "))
    ax.set_ylabel(label)
    ax.set_title(title or f"{label} by {by.replace('_', ' ')} ({len(corpus)} articles)")
    return ax


def plot_corpus_frames(
    corpus: pd.DataFrame,
    *,
    by: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Mean frame score over a corpus (columns ``frame_*``), overall or per group as a heatmap.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"frame_conflict": [1.0, 0.0], "frame_economic": [0.2, 0.4], "section": ["a", "b"]})
        >>> plot_corpus_frames(df, by="section").get_ylabel()
        'section'
    """
    cols = [c for c in corpus.columns if str(c).startswith("frame_") and corpus[c].dtype.kind in "fiu"]
    if not cols:
        raise InputError("plot_corpus_frames: the table has no numeric frame_* columns")
    labels = [c.removeprefix("frame_").replace("_", " ") for c in cols]
    if by is None:
        ax = _axes(ax, figsize=(7, 3.2))
        means = corpus[cols].astype(float).mean()
        ax.barh(labels, means.to_numpy(), color="#cc4c02")
        ax.set_xlabel("mean score per article")
        ax.set_ylabel("frame")
        ax.set_title(title or f"Generic frames across {len(corpus)} articles")
        return ax
    _require_columns(corpus, [by], "plot_corpus_frames")
    table = corpus.groupby(by)[cols].mean()
    ax = _axes(ax, figsize=(1.6 + 1.1 * len(cols), 1.2 + 0.4 * max(len(table), 3)))
    im = ax.imshow(table.to_numpy(dtype=float), aspect="auto", cmap="YlOrRd", vmin=0)
    ax.set_xticks(range(len(cols)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(table)), [_short(str(i), 20) for i in table.index])
    ax.set_ylabel(by.replace("_", " "))
    ax.set_xlabel("frame")
    ax.figure.colorbar(im, ax=ax, label="mean score", shrink=0.8)
    ax.set_title(title or f"Mean frame score by {by.replace('_', ' ')}", fontsize=11)
    return ax
