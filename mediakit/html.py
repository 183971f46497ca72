"""The article as HTML: quotations coloured by speaker, cues marked, frames tagged.

:func:`article_html` draws one article the way an analyst reads it: each
quotation shaded in its speaker's colour (direct and partial quotes filled,
reported speech in italics on a paler shade), the speaker's name in bold,
hedges and other cues underlined with a wavy line, the words that triggered a
frame dotted underneath, and each paragraph tagged with the frames it scores
on. A legend below says what each colour means.

Everything taken from the article (text, headline, metadata, speaker names)
goes through :func:`html.escape`, so a page built from a hostile article
shows its ``<script>`` as text. Styles are inline ``style`` attributes only:
no stylesheet, script or external resource, so the fragment is safe to embed
in a notebook or a self-contained report.

Measures that are not available (a framing module missing or failing) are
simply left out of the picture; the text is always shown.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .article import Article
from .errors import InputError
from .segment import split_paragraphs

__all__ = ["article_html", "SPEAKER_COLOURS", "CUE_COLOURS", "FRAME_COLOURS"]

# Pale fills, readable under black text, distinguishable for common colour-vision deficiencies.
SPEAKER_COLOURS: tuple[str, ...] = (
    "#cfe2f3",  # blue
    "#fde2b8",  # orange
    "#d5ecd0",  # green
    "#f4cccc",  # red
    "#e1d5f0",  # purple
    "#fff2b3",  # yellow
    "#d0eeee",  # teal
    "#f3d6e8",  # pink
)
UNATTRIBUTED = "#e6e6e6"

CUE_COLOURS: dict[str, str] = {
    "hedge": "#b45f06",
    "booster": "#1155cc",
    "non_substantiation": "#990000",
    "distancing": "#741b47",
    "scare_quote": "#741b47",
    "attribution": "#38761d",
}
CUE_DEFAULT = "#666666"

FRAME_COLOURS: dict[str, str] = {
    "conflict": "#cc0000",
    "human_interest": "#e69138",
    "economic": "#38761d",
    "economic_consequences": "#38761d",
    "morality": "#674ea7",
    "responsibility": "#0b5394",
    "attribution_of_responsibility": "#0b5394",
}
FRAME_DEFAULT = "#444444"

_BOX = (
    "font-family: Georgia, 'Times New Roman', serif; font-size: 15px; line-height: 1.6; color: #111;"
    " max-width: 46em; border: 1px solid #ddd; border-radius: 4px; padding: 0.8em 1.2em; background: #fff;"
)


@dataclass(frozen=True, slots=True)
class _Mark:
    """One annotation over ``[start, end)`` of the text."""

    start: int
    end: int
    kind: str  # 'quote' | 'speaker' | 'cue' | 'frame'
    style: str
    title: str


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _call(module: str, func: str, *args: Any) -> Any:
    """Call ``mediakit.<module>.<func>(*args)``, or return None when it is not available."""
    try:
        fn: Callable[..., Any] = getattr(importlib.import_module(f"mediakit.{module}"), func)
    except (ImportError, AttributeError):
        return None
    try:
        return fn(*args)
    except Exception:  # a measure that fails must not hide the article
        return None


def _measure(source: Any, attr: str, module: str, func: str, target: Any) -> Any:
    """Take ``source.<attr>`` when the source is an analysis, else compute it."""
    value = getattr(source, attr, None) if source is not None else None
    if value is None or callable(value):
        value = _call(module, func, target)
    return value


def _speaker_colours(quotes: Sequence[Any]) -> dict[str | None, str]:
    counts: dict[str, int] = {}
    for q in quotes:
        name = getattr(q, "speaker", None)
        if name:
            counts[name] = counts.get(name, 0) + 1
    ordered = sorted(counts, key=lambda n: (-counts[n], n))
    colours: dict[str | None, str] = {n: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, n in enumerate(ordered)}
    colours[None] = UNATTRIBUTED
    return colours


def _valid(start: Any, end: Any, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n


def _marks(text: str, quotes: Sequence[Any], cues: Sequence[Any], frames: Sequence[Any],
           colours: dict[str | None, str]) -> list[_Mark]:
    n = len(text)
    marks: list[_Mark] = []
    for q in quotes:
        speaker = getattr(q, "speaker", None)
        colour = colours.get(speaker, UNATTRIBUTED)
        kind = getattr(q, "kind", "direct")
        mention = getattr(q, "speaker_mention", None)
        if speaker:
            who = speaker
        elif getattr(q, "source_kind", None) == "document" and mention:
            who = f"document: {mention}"
        else:
            who = "unattributed"
        cue = getattr(q, "cue", None)
        title = f"{kind} quote: {who}" + (f" ({cue})" if cue else "")
        if _valid(q.start, q.end, n):
            style = f"background:{colour};" + (" font-style:italic;" if kind == "indirect" else "")
            marks.append(_Mark(q.start, q.end, "quote", style, title))
        s0, s1 = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
        if isinstance(s0, int) and isinstance(s1, int) and _valid(s0, s1, n):
            marks.append(_Mark(s0, s1, "speaker", f"font-weight:bold; background:{colour};", f"speaker: {who}"))
    for c in cues:
        if _valid(c.start, c.end, n):
            category = getattr(c, "category", "cue")
            colour = CUE_COLOURS.get(category, CUE_DEFAULT)
            style = f"text-decoration: underline wavy {colour}; text-decoration-thickness: 1.5px;"
            marks.append(_Mark(c.start, c.end, "cue", style, f"cue: {category.replace('_', ' ')}"))
    for f in frames:
        for hit in getattr(f, "hits", ()) or ():
            if _valid(hit.start, hit.end, n):
                colour = FRAME_COLOURS.get(hit.frame, FRAME_DEFAULT)
                style = f"border-bottom: 2px dotted {colour};"
                marks.append(_Mark(hit.start, hit.end, "frame", style, f"frame: {hit.frame.replace('_', ' ')}"))
    return marks


def _render_span(text: str, start: int, end: int, marks: Sequence[_Mark]) -> str:
    """Escape ``text[start:end]``, wrapping each run of equal annotations in one ``<span>``."""
    inside = [m for m in marks if m.start < end and m.end > start]
    if not inside:
        return _esc(text[start:end])
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in inside if m.start <= a and m.end >= b]
        chunk = _esc(text[a:b])
        if not active:
            out.append(chunk)
            continue
        # speaker styling wins over the quote fill; order: quote, speaker, cue, frame
        order = {"quote": 0, "speaker": 1, "cue": 2, "frame": 3}
        active.sort(key=lambda m: order.get(m.kind, 9))
        style = " ".join(m.style for m in active)
        title = "; ".join(dict.fromkeys(m.title for m in active))
        out.append(f'<span style="{_esc(style)}" title="{_esc(title)}">{chunk}</span>')
    return "".join(out)


def _frame_tags(frames: Sequence[Any]) -> dict[int, list[tuple[str, float]]]:
    tags: dict[int, list[tuple[str, float]]] = {}
    for f in frames:
        if getattr(f, "unit", None) != "paragraph" or not getattr(f, "score", 0):
            continue
        tags.setdefault(int(f.index), []).append((str(f.frame), float(f.score)))
    for v in tags.values():
        v.sort(key=lambda t: -t[1])
    return tags


def _badge(label: str, colour: str, tip: str) -> str:
    return (
        f'<span title="{_esc(tip)}" style="display:inline-block; font-family: sans-serif; font-size: 11px;'
        f" line-height: 1.4; color:#fff; background:{colour}; border-radius: 3px; padding: 0 5px;"
        f' margin: 0 4px 0 0; vertical-align: 2px;">{_esc(label)}</span>'
    )


def _legend(colours: dict[str | None, str], quotes: Sequence[Any], cues: Sequence[Any],
            frames: Sequence[Any]) -> str:
    items: list[str] = []
    sw = "display:inline-block; padding: 0 6px; margin: 2px 6px 2px 0; border-radius: 3px;"
    speakers = [s for s in colours if s is not None]
    for s in speakers:
        items.append(f'<span style="{sw} background:{colours[s]};">{_esc(s)}</span>')
    unvoiced = [q for q in quotes if getattr(q, "speaker", None) is None]
    if any(getattr(q, "source_kind", None) != "document" for q in unvoiced):
        items.append(f'<span style="{sw} background:{UNATTRIBUTED};">unattributed</span>')
    if any(getattr(q, "source_kind", None) == "document" for q in unvoiced):
        items.append(f'<span style="{sw} background:{UNATTRIBUTED};">documents (data, polls, reports)</span>')
    if any(getattr(q, "kind", "") == "indirect" for q in quotes):
        items.append(f'<span style="{sw} background:#eee; font-style:italic;">reported (indirect) speech</span>')
    lines: list[str] = []
    if items:
        lines.append("<div><b>Quoted voices</b> (speaker in bold): " + "".join(items) + "</div>")
    categories = sorted({getattr(c, "category", "cue") for c in cues})
    if categories:
        cue_items = "".join(
            f'<span style="{sw} text-decoration: underline wavy {CUE_COLOURS.get(c, CUE_DEFAULT)};">'
            f"{_esc(c.replace('_', ' '))}</span>"
            for c in categories
        )
        lines.append(f"<div><b>Cues</b> (wavy underline): {cue_items}</div>")
    frame_names = sorted({str(getattr(f, "frame", "")) for f in frames if getattr(f, "score", 0)})
    if frame_names:
        frame_items = "".join(
            _badge(name.replace("_", " "), FRAME_COLOURS.get(name, FRAME_DEFAULT), f"frame: {name}")
            for name in frame_names
        )
        lines.append(
            "<div><b>Frames</b> (tag per paragraph, dotted underline on the words that triggered it): "
            f"{frame_items}</div>"
        )
    if not lines:
        lines.append("<div>No quotations, cues or frames were found (or those measures are not available).</div>")
    return (
        '<div style="font-family: sans-serif; font-size: 12px; line-height: 1.8; color:#333;'
        ' border-top: 1px solid #ddd; margin-top: 0.8em; padding-top: 0.5em;">' + "".join(lines) + "</div>"
    )


def _header(article: Article | None) -> str:
    if article is None:
        return ""
    bits = [str(b) for b in (article.outlet, article.author, article.published) if b]
    if not bits:
        return ""
    return (
        '<div style="font-family: sans-serif; font-size: 12px; color:#666; margin-bottom: 0.4em;">'
        + " · ".join(_esc(b) for b in bits)
        + "</div>"
    )


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, dict):  # e.g. frames keyed by name
        value = [v for vs in value.values() for v in (vs if isinstance(vs, Iterable) else [vs])]
    try:
        return list(value)
    except TypeError:
        return []


def article_html(analysis_or_article: Any, *, max_paragraphs: int | None = None) -> str:
    """Render an article with its quotations, cues and frames marked, and a legend.

    Args:
        analysis_or_article: an :class:`~mediakit.analysis.Analysis` (its
            quotes, cues and frames are used as computed), an
            :class:`~mediakit.article.Article` or a plain string (the framing
            measures are computed here, those available).
        max_paragraphs: show only the first paragraphs (the legend still
            covers the whole article).

    Returns:
        An HTML fragment (one ``<div>``) with inline styles only. Every piece
        of the article is escaped.

    Raises:
        InputError: for anything other than an analysis, an article or a string.

    Examples:
        >>> out = article_html("Ministers <b>met</b> & talked.")
        >>> "&lt;b&gt;met&lt;/b&gt; &amp; talked." in out
        True
        >>> "<script" in article_html("<script>alert(1)</script>")
        False
    """
    source: Any = None
    if isinstance(analysis_or_article, (Article, str)):
        target: Article | str = analysis_or_article
    elif isinstance(getattr(analysis_or_article, "article", None), Article):
        source = analysis_or_article
        target = analysis_or_article.article
    else:
        raise InputError(
            f"article_html() takes an Analysis, an Article or a str, not {type(analysis_or_article).__name__}"
        )
    article = target if isinstance(target, Article) else None
    paragraphs = split_paragraphs(target)
    text = target.text if isinstance(target, Article) else target

    quotes = _as_list(_measure(source, "quotes", "framing.quotes", "extract_quotes", target))
    cues = _as_list(_measure(source, "cues", "framing.cues", "find_cues", target))
    frames = _as_list(_measure(source, "frames", "framing.frames", "score_frames", target))

    colours = _speaker_colours(quotes)
    marks = _marks(text, quotes, cues, frames, colours)
    tags = _frame_tags(frames)

    body: list[str] = [_header(article)]
    shown = paragraphs if max_paragraphs is None else paragraphs[:max_paragraphs]
    for p in shown:
        badges = "".join(
            _badge(name.replace("_", " "), FRAME_COLOURS.get(name, FRAME_DEFAULT), f"{name} frame: score {score:.2f}")
            for name, score in tags.get(p.index, [])
        )
        inner = _render_span(text, p.start, p.end, marks)
        role = getattr(p, "role", "body")
        if role == "headline":
            body.append(f'<h3 style="font-size: 1.35em; line-height: 1.3; margin: 0.2em 0 0.5em;">{badges}{inner}</h3>')
        elif role == "standfirst":
            body.append(f'<p style="font-style: italic; color:#333; margin: 0 0 0.8em;">{badges}{inner}</p>')
        else:
            body.append(f'<p style="margin: 0 0 0.8em;">{badges}{inner}</p>')
    if max_paragraphs is not None and len(paragraphs) > max_paragraphs:
        body.append(f'<p style="color:#666;">… {len(paragraphs) - max_paragraphs} more paragraphs</p>')
    body.append(_legend(colours, quotes, cues, frames))
    return f'<div class="mediakit-article" style="{_BOX}">' + "".join(body) + "</div>"
