"""Validate a frame dictionary against hand-coded labels: per-frame precision, recall and F1.

A dictionary (see :func:`mediakit.framing.frames.load_frames`) codes a text
with a frame when the frame's indicators fire in it. These functions turn
that into predictions (:func:`predict_frames`) and score them against
labels a human coded (:func:`validate_frames`); :func:`frame_metrics`
scores any other predictions (a baseline, a classifier) the same way, so
they can be compared in one table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..article import Article
from ..errors import InputError
from .frames import FrameScheme, find_frame_hits, load_frames

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["predict_frames", "validate_frames", "frame_metrics"]


def _round(x: float) -> float:
    return round(x, 4)


def _label_set(label: Any) -> frozenset[str]:
    if label is None:
        return frozenset()
    if isinstance(label, float) and label != label:  # NaN
        return frozenset()
    if isinstance(label, str):
        return frozenset([label]) if label.strip() else frozenset()
    if isinstance(label, Iterable):
        return frozenset(str(x) for x in label if x is not None and str(x).strip() and not (isinstance(x, float) and x != x))
    return frozenset([str(label)])


def predict_frames(
    texts: Iterable[str | Article],
    *,
    scheme: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic",
    mode: Literal["any", "top"] = "any",
    min_hits: int = 1,
) -> list[frozenset[str]]:
    """The frames each text is coded with: every frame with at least ``min_hits`` hits, or only the top one.

    With ``mode="top"`` the frame with the most hits wins (a tie goes to the
    frame listed first in the scheme); a text with no hits gets no frame.

    >>> predict_frames(["Critics slammed the budget cuts.", "Sunny today."], mode="top")
    [frozenset({'conflict'}), frozenset()]
    """
    lex = load_frames(scheme)
    order = {f: i for i, f in enumerate(lex.frames)}
    out: list[frozenset[str]] = []
    for t in texts:
        counts: dict[str, int] = {}
        for h in find_frame_hits(t, scheme=lex):
            counts[h.frame] = counts.get(h.frame, 0) + 1
        fired = {f: n for f, n in counts.items() if n >= min_hits}
        if mode == "top" and fired:
            best = max(fired, key=lambda f: (fired[f], -order[f]))
            out.append(frozenset([best]))
        else:
            out.append(frozenset(fired))
    return out


def validate_frames(
    texts: Sequence[str | Article],
    labels: Sequence[Any],
    scheme: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic",
    *,
    mode: Literal["any", "top"] = "any",
    min_hits: int = 1,
    frames: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of a frame dictionary against hand-coded labels, per frame.

    A text is predicted to carry a frame when the frame has at least
    ``min_hits`` hits (``mode="any"``, multi-label), or when it is the frame
    with the most hits (``mode="top"``, one frame per text, for data coded
    with one primary frame).

    Args:
        texts: the coded texts (or Articles).
        labels: one label per text: a frame name, a collection of frame names,
            or None/"" for no frame. Names must match the scheme's frame names.
        scheme: the dictionary to validate (see :func:`load_frames`).
        mode: ``"any"`` or ``"top"`` (see above).
        min_hits: hits a frame needs to be predicted.
        frames: the frames to report (default: the scheme's frames followed by
            any other frame found in ``labels``).

    Returns:
        One row per frame: ``frame, precision, recall, f1, support`` (texts
        labelled with the frame), ``n_predicted, tp, fp, fn``; then a
        ``"macro"`` row (unweighted mean of precision, recall and F1 over the
        frames with support > 0, support summed). Precision of a frame never
        predicted is 0.

    Raises:
        InputError: texts and labels differ in length.

    Examples:
        >>> texts = ["Critics slammed the plan.", "Taxes will rise.", "A sunny day.", "They won the vote."]
        >>> labels = ["conflict", "economic", None, "economic"]
        >>> df = validate_frames(texts, labels, "generic", frames=["conflict", "economic"])
        >>> df[["frame", "precision", "recall", "support"]].values.tolist()
        [['conflict', 0.5, 1.0, 1], ['economic', 1.0, 0.5, 2], ['macro', 0.75, 0.75, 3]]
    """
    texts = list(texts)
    labels = list(labels)
    if len(texts) != len(labels):
        raise InputError(f"validate_frames: {len(texts)} texts but {len(labels)} labels; give one label per text")
    lex = load_frames(scheme)
    pred = predict_frames(texts, scheme=lex, mode=mode, min_hits=min_hits)
    if frames is None:
        gold = {f for x in labels for f in _label_set(x)}
        frames = list(lex.frames) + sorted(gold - set(lex.frames))
    return frame_metrics(labels, pred, frames=frames)


_METRIC_COLUMNS = ["frame", "precision", "recall", "f1", "support", "n_predicted", "tp", "fp", "fn"]


def frame_metrics(
    labels: Sequence[Any], predictions: Sequence[Any], *, frames: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per-frame precision, recall and F1 of any frame predictions against hand-coded labels.

    Use it to score another method (a baseline, a classifier) the same way
    :func:`validate_frames` scores a dictionary.

    Args:
        labels: one gold label per text: a frame name, a collection of names, or None/"".
        predictions: one prediction per text, in the same forms.
        frames: the frames to report (default: every frame in labels or predictions, sorted).

    Returns:
        Columns ``frame, precision, recall, f1, support, n_predicted, tp, fp, fn``,
        one row per frame, then a ``"macro"`` row (see :func:`validate_frames`).

    Raises:
        InputError: labels and predictions differ in length.

    Examples:
        >>> frame_metrics(["a", "b", "b"], ["a", "a", "b"])[["frame", "precision", "recall"]].values.tolist()
        [['a', 0.5, 1.0], ['b', 1.0, 0.5], ['macro', 0.75, 0.75]]
    """
    import pandas as pd

    if len(labels) != len(predictions):
        raise InputError(f"{len(labels)} labels but {len(predictions)} predictions; give one prediction per label")
    gold = [_label_set(x) for x in labels]
    pred = [_label_set(x) for x in predictions]
    names = list(frames) if frames is not None else sorted({f for g in gold + pred for f in g})
    rows: list[dict[str, Any]] = []
    for f in names:
        tp = sum(1 for g, p in zip(gold, pred) if f in g and f in p)
        fp = sum(1 for g, p in zip(gold, pred) if f not in g and f in p)
        fn = sum(1 for g, p in zip(gold, pred) if f in g and f not in p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append({"frame": f, "precision": _round(prec), "recall": _round(rec), "f1": _round(f1),
                     "support": tp + fn, "n_predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn})
    scored = [r for r in rows if r["support"] > 0]
    if scored:
        macro: dict[str, Any] = {"frame": "macro"}
        for k in ("precision", "recall", "f1"):
            macro[k] = _round(sum(r[k] for r in scored) / len(scored))
        for k in ("support", "n_predicted", "tp", "fp", "fn"):
            macro[k] = sum(r[k] for r in scored)
        rows.append(macro)
    return pd.DataFrame(rows, columns=_METRIC_COLUMNS)
