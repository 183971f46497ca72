"""Check a score against human judgement: correlation, 3-class agreement and a plot.

``validate(predicted, human)`` takes any mediakit score (``score_tone``,
TextBlob polarity, a frame score, ...) for a sample of texts and the ratings
that people gave the same texts, and reports how far they agree: Pearson r,
Spearman rank correlation, macro-averaged F1 over the three classes
negative / neutral / positive (with the thresholds stated on the result) and
the confusion matrix. ``Validation.plot()`` draws the scatter and the
confusion heatmap for a paper or a notebook.

numpy and pandas only: no scipy, no scikit-learn.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError

__all__ = ["Validation", "validate", "to_labels", "LABELS", "DEFAULT_THRESHOLDS"]

LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")
DEFAULT_THRESHOLDS: tuple[float, float] = (-0.05, 0.05)
_LABEL_VALUE = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}


@dataclass(frozen=True, slots=True)
class Validation:
    """Agreement between predicted scores and human ratings.

    Attributes:
        pearson: Pearson correlation (``nan`` if either side is constant).
        spearman: Spearman rank correlation (average ranks for ties).
        macro_f1: F1 averaged over the classes that occur in either labelling.
        accuracy: share of items whose 3-class labels agree.
        confusion: DataFrame, rows = human label, columns = predicted label.
        n: number of items compared (pairs with a missing value are dropped).
        thresholds: ``(negative, positive)`` cut-offs applied to ``predicted``.
        human_thresholds: cut-offs applied to numeric ``human`` ratings.
        predicted, human: the numbers compared (labels are mapped to -1/0/1).
    """

    pearson: float
    spearman: float
    macro_f1: float
    accuracy: float
    confusion: Any = field(compare=False, hash=False)
    n: int
    thresholds: tuple[float, float]
    human_thresholds: tuple[float, float]
    predicted: tuple[float, ...] = field(default=(), repr=False, compare=False)
    human: tuple[float, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pearson": self.pearson,
            "spearman": self.spearman,
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "n": self.n,
            "thresholds": list(self.thresholds),
            "human_thresholds": list(self.human_thresholds),
            "confusion": self.confusion.to_dict(),
        }

    def plot(self, ax: Any = None, *, title: str | None = None) -> Any:
        """Scatter of predicted against human, and the confusion heatmap.

        Args:
            ax: ``None`` (a new figure with two panels) or a pair of matplotlib Axes.
            title: a title for the figure (default: the figures of agreement).

        Returns:
            The matplotlib Figure.
        """
        import matplotlib.pyplot as plt

        if ax is None:
            fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4.2), constrained_layout=True)
        else:
            try:
                ax1, ax2 = ax
            except (TypeError, ValueError):
                raise InputError("ax must be None or a pair of matplotlib Axes (scatter, heatmap)") from None
            fig = ax1.figure
        ax1.scatter(self.human, self.predicted, s=12, alpha=0.5)
        lo, hi = self.thresholds
        ax1.axhspan(lo, hi, color="grey", alpha=0.15, label="predicted neutral band")
        ax1.set_xlabel("human rating")
        ax1.set_ylabel("predicted score")
        ax1.set_title(f"Pearson r = {self.pearson:.2f}, Spearman = {self.spearman:.2f} (n = {self.n})")
        ax1.legend(loc="lower right", fontsize="small")
        cm = self.confusion.to_numpy()
        ax2.imshow(cm, cmap="Blues")
        ax2.set_xticks(range(3), list(self.confusion.columns))
        ax2.set_yticks(range(3), list(self.confusion.index))
        ax2.set_xlabel("predicted label")
        ax2.set_ylabel("human label")
        ax2.set_title(f"macro-F1 = {self.macro_f1:.2f}, accuracy = {self.accuracy:.2f}")
        peak = cm.max() if cm.size else 0
        for i in range(cm.shape[0]):
            for j in range(cm.shape[1]):
                ax2.text(j, i, str(cm[i, j]), ha="center", va="center",
                         color="white" if peak and cm[i, j] > peak / 2 else "black")
        fig.suptitle(title or f"Agreement with human ratings (thresholds {lo:+.2f} / {hi:+.2f})")
        return fig

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>"
            for k, v in (
                ("n", self.n),
                ("Pearson r", f"{self.pearson:.3f}"),
                ("Spearman", f"{self.spearman:.3f}"),
                ("macro-F1", f"{self.macro_f1:.3f}"),
                ("accuracy", f"{self.accuracy:.3f}"),
                ("thresholds", f"{self.thresholds[0]:+.2f} / {self.thresholds[1]:+.2f}"),
            )
        )
        return (
            "<div><strong>Validation</strong><table>" + rows + "</table>"
            "<p>confusion (rows: human, columns: predicted)</p>" + self.confusion.to_html() + "</div>"
        )


def to_labels(values: Sequence[float], *, thresholds: tuple[float, float] = DEFAULT_THRESHOLDS) -> list[str]:
    """3-class labels: ``<= thresholds[0]`` negative, ``>= thresholds[1]`` positive, else neutral.

    >>> to_labels([-0.5, 0.0, 0.05, 0.3])
    ['negative', 'neutral', 'positive', 'positive']
    """
    lo, hi = thresholds
    return ["negative" if v <= lo else "positive" if v >= hi else "neutral" for v in values]


def _numbers(values: Any, name: str) -> list[float]:
    try:
        seq = list(values)
    except TypeError:
        raise InputError(f"{name} must be a sequence of numbers or labels, not {type(values).__name__}") from None
    out = []
    for v in seq:
        if isinstance(v, str):
            key = v.strip().lower()
            if key not in _LABEL_VALUE:
                raise InputError(f"{name} has the label {v!r}; labels must be one of: negative, neutral, positive")
            out.append(_LABEL_VALUE[key])
        elif v is None:
            out.append(math.nan)
        else:
            try:
                out.append(float(v))
            except (TypeError, ValueError):
                raise InputError(f"{name} has a value that is not a number or a label: {v!r}") from None
    return out


def _pearson(x: Any, y: Any) -> float:
    import numpy as np

    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def _check_thresholds(t: Any, name: str) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in t)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a pair (negative, positive) of numbers, not {t!r}") from None
    if lo > hi:
        raise InputError(f"{name}={t!r}: the negative threshold must not exceed the positive one")
    return lo, hi


def validate(
    predicted: Any,
    human: Any,
    *,
    thresholds: tuple[float, float] = DEFAULT_THRESHOLDS,
    human_thresholds: tuple[float, float] | None = None,
) -> Validation:
    """Agreement between a score and human ratings of the same items.

    Args:
        predicted: scores (any sequence, Series or array of numbers), or labels.
        human: the human ratings of the same items in the same order: numbers
            (e.g. -1..1, or -1/0/1) or labels ``negative/neutral/positive``.
        thresholds: ``(negative, positive)`` cut-offs turning ``predicted`` into
            3-class labels: ``<=`` the first is negative, ``>=`` the second positive.
        human_thresholds: the same for numeric human ratings (default: ``thresholds``).

    Returns:
        A :class:`Validation`. Pairs where either value is missing (NaN/None) are dropped.

    Raises:
        InputError: lengths differ, values are not numbers/labels, fewer than
            two pairs remain, or thresholds are not an ordered pair.

    Examples:
        >>> v = validate([0.5, -0.4, 0.0, 0.2], [1, -1, 0, -1])
        >>> v.n, round(v.pearson, 3), round(v.macro_f1, 3), v.accuracy
        (4, 0.715, 0.778, 0.75)
        >>> int(v.confusion.loc["negative", "positive"])
        1
    """
    import numpy as np
    import pandas as pd

    t = _check_thresholds(thresholds, "thresholds")
    ht = t if human_thresholds is None else _check_thresholds(human_thresholds, "human_thresholds")
    p = _numbers(predicted, "predicted")
    h = _numbers(human, "human")
    if len(p) != len(h):
        raise InputError(f"predicted has {len(p)} values but human has {len(h)}; they must pair up item by item")
    pa = np.asarray(p, dtype=float)
    ha = np.asarray(h, dtype=float)
    keep = ~(np.isnan(pa) | np.isnan(ha))
    pa, ha = pa[keep], ha[keep]
    if len(pa) < 2:
        raise InputError(f"need at least two pairs with both values present, got {len(pa)}")
    pearson = _pearson(pa, ha)
    spearman = _pearson(
        pd.Series(pa).rank(method="average").to_numpy(), pd.Series(ha).rank(method="average").to_numpy()
    )
    pl = to_labels(pa.tolist(), thresholds=t)
    hl = to_labels(ha.tolist(), thresholds=ht)
    confusion = pd.crosstab(
        pd.Categorical(hl, categories=LABELS), pd.Categorical(pl, categories=LABELS), dropna=False
    )
    confusion.index.name = "human"
    confusion.columns.name = "predicted"
    cm = confusion.to_numpy()
    f1s = []
    for i in range(3):
        tp = cm[i, i]
        n_true, n_pred = cm[i, :].sum(), cm[:, i].sum()
        if n_true == 0 and n_pred == 0:
            continue
        f1s.append(2 * tp / (n_true + n_pred))
    macro_f1 = float(np.mean(f1s))
    accuracy = float(np.trace(cm) / cm.sum())
    return Validation(
        pearson, spearman, macro_f1, accuracy, confusion, int(len(pa)), t, ht,
        tuple(pa.tolist()), tuple(ha.tolist()),
    )
