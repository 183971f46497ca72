"""Conservative, reported repair of scraping artifacts.

Each repair is a small pure function over a list of paragraphs that returns
the new list and a :class:`~mediakit.article.CleaningStep` saying what it did
(or ``None`` when it did nothing). The text as received always stays on the
article as ``raw``, so an analyst can see what changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .article import CleaningStep
from .segment import find_quote_marks

__all__ = ["clean_paragraphs", "CLEANERS", "IMAGE_PLACEHOLDERS"]

Cleaner = Callable[[list[str]], tuple[list[str], CleaningStep | None]]

#: Paragraphs that are only a scraper's stand-in for an image or an ad slot.
IMAGE_PLACEHOLDERS = frozenset(
    {
        "featured-image", "featured image", "image", "photo", "picture", "placeholder",
        "advertisement", "ad", "getty images", "video", "embed",
        "story continues below advertisement", "skip advertisement",
    }
)

_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) +(?=[,;:](?:\s|$))|(?<=\w) +(?=\.(?:\s|$))")
_SPACED_PUNCT = (" ,", " ;", " :", " .")
_DOUBLE_STOP = re.compile(r"(?<![.])\.\.(?![.])(?=['\"’”)]?\s*$)")


def _examples(items: Sequence[str], k: int = 3) -> tuple[str, ...]:
    return tuple(items[:k])


def drop_placeholders(paragraphs: list[str]) -> tuple[list[str], CleaningStep | None]:
    """Remove paragraphs that are only an image or ad placeholder (``featured-image``)."""
    kept, dropped = [], []
    for p in paragraphs:
        if p.strip().lower().strip("[]()") in IMAGE_PLACEHOLDERS:
            dropped.append(p.strip())
        else:
            kept.append(p)
    if not dropped:
        return paragraphs, None
    return kept, CleaningStep(
        "drop_placeholders",
        "removed paragraphs that are only an image or advertisement placeholder",
        len(dropped),
        _examples(dropped),
    )


def _open_at_end(paragraph: str) -> bool:
    """True when a double quotation opens in the paragraph and is not closed."""
    depth = 0
    for m in find_quote_marks(paragraph):
        depth = 1 if m.kind == "open" else 0
    return depth == 1


def _closes_first(paragraph: str) -> bool:
    marks = find_quote_marks(paragraph)
    return bool(marks) and marks[0].kind == "close"


def merge_split_quotations(paragraphs: list[str]) -> tuple[list[str], CleaningStep | None]:
    """Join a paragraph break that falls inside a quotation.

    Only when the quotation is open at the end of one paragraph and the next
    non-empty paragraph *closes* it before opening another; a next paragraph
    that re-opens the mark (the news convention for a quotation continued
    over paragraphs) is left alone. Empty paragraphs between are dropped.
    """
    out: list[str] = []
    joined: list[str] = []
    pending_empty = 0
    for p in paragraphs:
        if not p.strip():
            pending_empty += 1
            continue
        if out and _open_at_end(out[-1]) and _closes_first(p) and not p.lstrip().startswith(('"', "“")):
            sep = "" if p.lstrip()[:1] in ("'", "’") else " "
            joined.append(f"…{out[-1][-30:]} ¶ {p[:30]}…")
            out[-1] = out[-1].rstrip() + sep + p.lstrip()
        else:
            out.append(p)
        pending_empty = 0
    if not joined:
        return out, None
    return out, CleaningStep(
        "merge_split_quotations",
        "joined paragraph breaks that fell inside a quotation (the quote closes in the next paragraph)",
        len(joined),
        _examples(joined),
    )


def drop_empty(paragraphs: list[str]) -> tuple[list[str], CleaningStep | None]:
    """Remove empty or whitespace-only paragraphs."""
    kept = [p.strip() for p in paragraphs if p.strip()]
    n = len(paragraphs) - len(kept)
    changed = n > 0
    if not changed:
        return kept, None
    return kept, CleaningStep("drop_empty", "removed empty paragraphs", n)


def fix_space_before_punctuation(paragraphs: list[str]) -> tuple[list[str], CleaningStep | None]:
    """Remove a stray space before a comma, semicolon, colon or full stop ("Zelensky , in")."""
    count = 0
    examples: list[str] = []
    out = []
    for p in paragraphs:
        if not any(c in p for c in _SPACED_PUNCT):  # the common case: nothing to fix, no regex scan
            out.append(p)
            continue
        for m in _SPACE_BEFORE_PUNCT.finditer(p):
            count += 1
            examples.append(p[max(0, m.start() - 15) : m.end() + 2])
        out.append(_SPACE_BEFORE_PUNCT.sub("", p))
    if not count:
        return paragraphs, None
    return out, CleaningStep(
        "fix_space_before_punctuation", "removed a space before a comma, colon or full stop", count, _examples(examples)
    )


def fix_double_stop(paragraphs: list[str]) -> tuple[list[str], CleaningStep | None]:
    """Turn a doubled final full stop ("the data..") into one; ellipses are left alone."""
    count = 0
    examples: list[str] = []
    out = []
    for p in paragraphs:
        new = _DOUBLE_STOP.sub(".", p) if ".." in p else p
        if new != p:
            count += 1
            examples.append(p[-25:])
        out.append(new)
    if not count:
        return paragraphs, None
    return out, CleaningStep("fix_double_stop", "turned a doubled final full stop into one", count, _examples(examples))


#: The repairs applied by default, in order.
CLEANERS: tuple[Cleaner, ...] = (
    drop_placeholders,
    merge_split_quotations,
    drop_empty,
    fix_space_before_punctuation,
    fix_double_stop,
)


def clean_paragraphs(
    paragraphs: Sequence[str], *, cleaners: Sequence[Cleaner] = CLEANERS
) -> tuple[list[str], list[CleaningStep]]:
    """Apply each cleaner in turn; return the paragraphs and the steps that changed something.

    >>> paras, steps = clean_paragraphs(["He said \\"we will", "win,\\" she said ."])
    >>> paras
    ['He said "we will win," she said.']
    >>> [s.name for s in steps]
    ['merge_split_quotations', 'fix_space_before_punctuation']
    """
    current = list(paragraphs)
    steps: list[CleaningStep] = []
    for cleaner in cleaners:
        current, step = cleaner(current)
        if step is not None:
            steps.append(step)
    return current, steps
