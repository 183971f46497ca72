"""The :class:`Figure` result of :func:`mediakit.framing.figures.find_figures`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Figure"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number or amount in the text.

    Attributes:
        start: offset of the figure's first character (its qualifier, if any).
        end: offset just past its last character (``text == source[start:end]``).
        text: the figure as written, with qualifier, unit and counted noun phrase.
        value: the number (``1000000.0`` for "1 million"); None for a vague amount.
        unit: what the number is measured in (see the module docstring), or None.
        counts: what it counts ("men", "combined casualties"), or None.
        source: who it is attributed to, or None.
        sentence: index of the sentence it lies in.
        approximate: a qualifier ("at least", "about") or a vague amount.
        in_quote: it lies inside a quotation.
    """

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    counts: str | None
    source: str | None
    sentence: int
    approximate: bool
    in_quote: bool

    def to_dict(self) -> dict[str, Any]:
        """The figure as a plain dict."""
        return asdict(self)

