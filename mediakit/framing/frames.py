"""News frames scored from indicator lexicons, per paragraph and per article, with the words that fired.

The shipped scheme ``"generic"`` holds Semetko and Valkenburg's (2000) five
generic news frames: ``conflict``, ``human_interest``, ``economic``,
``morality`` and ``responsibility``. Their codebook asks yes/no questions per
frame; the lexicon ``mediakit/lexicons/frames_generic.tsv`` keeps that
structure, so every indicator belongs to one item and you can see which
question fired:

* conflict: ``disagreement``, ``reproach``, ``two_sides``, ``winners_losers``,
  and ``hostility`` (an extension, not an item of the codebook: war, attacks,
  threats between parties);
* human_interest: ``human_example``, ``emotion``, ``affected``, ``private_life``;
* economic: ``loss_gain``, ``cost``, ``consequences``;
* morality: ``moral_message``, ``religion``, ``prescription``;
* responsibility: ``government_able``, ``solution``, ``responsible``, ``urgent``.

The shipped scheme ``"mfc"`` holds 14 of the 15 issue-general policy frames of
the Media Frames Corpus (Boydstun et al. 2014; Card et al. 2015): ``economic,
capacity_resources, morality, fairness_equality, legality, policy_prescription,
crime_punishment, security_defense, health_safety, quality_of_life,
cultural_identity, public_opinion, political, external_regulation`` ("other"
has no indicators). Its word lists follow the codebook's definitions but have
not been validated on MFC articles: treat them as a starting point.

A score is **hits per 100 words** of the unit (paragraph or article): the
number of non-overlapping indicator matches divided by the number of word
tokens, times 100. :func:`frame_items` reports each item as present or not,
as the codebook does.

Users bring their own (issue-specific) frames with :func:`load_frames`: a
TSV or CSV file with ``pattern, frame`` columns (``item`` and ``note``
optional), a DataFrame, or a dict ``{frame: [patterns]}``. Patterns use the
token syntax of :mod:`mediakit.framing._match` (``word``, ``a|b``,
``prefix*``, ``optional?``, gaps ``...``). Rows whose frame is ``ignore``
suppress the indicators they overlap (senses that are not indicators).
:func:`mediakit.framing.frame_eval.validate_frames` measures a dictionary
against hand-coded labels.

Limits (word lists, no parser, no word senses beyond a few neighbours):

* Words fire in any sense the lexicon does not exclude: "attack" in "attacked
  the plan" counts as hostility, "lost" in "lost the vote" as a loser.
* "fire" is not an indicator ("fire" and "fired" are mostly fires and
  dismissals), but "ceasefire" and "truce" count as ``conflict.hostility``:
  they presuppose two warring parties. Word tokens are whole, so "fire" never
  matches inside "ceasefire".
* Negation is not read: "no conflict" still fires conflict.
* Words inside quotations count: the codebook codes the story, quotes included.
"""

from __future__ import annotations

import csv
import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..article import Article
from ..errors import InputError, LoadError
from ..segment import as_text
from ._match import Pattern, PatternSet, compile_pattern, read_rows, shipped_file
from ._tokens import text_words

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FrameHit",
    "FrameScore",
    "FrameScheme",
    "load_frames",
    "find_frame_hits",
    "score_frames",
    "frames_table",
    "frame_items",
    "SCHEMES",
]

_COLUMNS = ("pattern", "frame", "item", "note")
#: Shipped schemes: name -> lexicon file under ``mediakit/lexicons/``.
SCHEMES: dict[str, str] = {"generic": "frames_generic", "mfc": "frames_mfc"}
GENERIC_FRAMES = ("conflict", "human_interest", "economic", "morality", "responsibility")


@dataclass(frozen=True, slots=True)
class FrameHit:
    """One indicator that fired.

    Attributes:
        start: offset of its first character in the text given.
        end: offset just past its last character (``text == source[start:end]``).
        text: the words as written.
        frame: the frame it indicates (``"conflict"``).
        indicator: the codebook item as ``frame.item`` (``"conflict.reproach"``)
            or, for a dictionary without items, the pattern that fired.
    """

    start: int
    end: int
    text: str
    frame: str
    indicator: str

    def to_dict(self) -> dict[str, Any]:
        """The hit as a plain dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class FrameScore:
    """The score of one frame in one unit (a paragraph or the whole article).

    Attributes:
        unit: ``"paragraph"`` or ``"article"``.
        index: the paragraph index (as in :func:`mediakit.segment.split_paragraphs`); 0 for the article.
        frame: the frame's name.
        score: hits per 100 words of the unit (0.0 for a unit without words).
        n_hits: the number of indicators that fired.
        hits: those indicators, in text order.
        start: offset of the unit's first character.
        end: offset just past its last character.
    """

    unit: Literal["paragraph", "article"]
    index: int
    frame: str
    score: float
    n_hits: int
    hits: tuple[FrameHit, ...]
    start: int
    end: int

    @property
    def items(self) -> tuple[str, ...]:
        """The distinct indicators (items) that fired, in order of first appearance."""
        return tuple(dict.fromkeys(h.indicator for h in self.hits))

    def to_dict(self) -> dict[str, Any]:
        """The score as a plain dict (hits as dicts)."""
        d = asdict(self)
        d["hits"] = [h.to_dict() for h in self.hits]
        return d


@dataclass(frozen=True, slots=True)
class FrameScheme:
    """A compiled frame dictionary (build it with :func:`load_frames`).

    Attributes:
        name: where it came from (a shipped name, a path, ``"dict"``...).
        rows: ``(pattern, frame, item, note)`` as loaded; ``item`` is ``""`` when not given.
    """

    name: str
    rows: tuple[tuple[str, str, str, str], ...]
    patterns: PatternSet = field(repr=False, compare=False)

    @property
    def frames(self) -> tuple[str, ...]:
        """The frames this scheme scores, in file order (``ignore`` excluded)."""
        return _frame_names(self.rows)

    @property
    def items(self) -> tuple[str, ...]:
        """The indicators it can report, in file order: ``frame.item``, or the pattern when no item is given."""
        return tuple(dict.fromkeys(_indicator(p, f, i) for p, f, i, _ in self.rows if f != "ignore"))

    def to_frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (``pattern, frame, item, note``), e.g. to extend and pass back."""
        import pandas as pd

        return pd.DataFrame(list(self.rows), columns=list(_COLUMNS))

    def __len__(self) -> int:
        return len(self.rows)


_NAMES: dict[int, tuple[tuple[tuple[str, str, str, str], ...], tuple[str, ...]]] = {}


def _frame_names(rows: tuple[tuple[str, str, str, str], ...]) -> tuple[str, ...]:
    """The frames of a scheme's rows, remembered: every :func:`score_frames` call asks for them.

    Remembered by the rows' identity (the entry holds the rows, so the
    identity is not reused while remembered): hashing a few hundred rows on
    every call cost more than finding the names.
    """
    hit = _NAMES.get(id(rows))
    if hit is not None and hit[0] is rows:
        return hit[1]
    names = tuple(dict.fromkeys(f for _, f, _, _ in rows if f != "ignore"))
    if len(_NAMES) >= 64:
        _NAMES.clear()
    _NAMES[id(rows)] = (rows, names)
    return names


def _indicator(pattern: str, frame: str, item: str) -> str:
    return f"{frame}.{item}" if item else pattern


def _build(rows: Iterable[tuple[tuple[str, ...], int | None]], origin: str) -> FrameScheme:
    kept: list[tuple[str, str, str, str]] = []
    compiled: list[Pattern] = []
    for cells, lineno in rows:
        pattern, frame, item, note = (c.strip() for c in cells[:4])
        where = f"{origin}, line {lineno}" if lineno else origin
        if not pattern:
            continue
        if not frame:
            raise InputError(f"{where}: pattern {pattern!r} has no frame; every row needs a 'frame' cell")
        try:
            compiled.append(compile_pattern(pattern, (frame, _indicator(pattern, frame, item))))
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from None
        kept.append((pattern, frame, item, note))
    if not any(f != "ignore" for _, f, _, _ in kept):
        raise InputError(f"{origin}: the frame dictionary has no patterns")
    return FrameScheme(origin, tuple(kept), PatternSet(compiled))


def _read_csv(path: Path) -> tuple[tuple[tuple[str, ...], int | None], ...]:
    """Rows of a comma-separated dictionary: a header naming ``pattern`` and ``frame`` is required."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            lines = [(n, row) for n, row in enumerate(csv.reader(fh), start=1)
                     if row and any(c.strip() for c in row) and not row[0].lstrip().startswith("#")]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LoadError(f"cannot read frame dictionary: {exc}", path=path) from None
    if not lines:
        raise LoadError("the frame dictionary is empty", path=path)
    header = [c.strip().lower() for c in lines[0][1]]
    if "pattern" not in header or "frame" not in header:
        raise LoadError(f"a CSV frame dictionary needs a header with 'pattern' and 'frame' columns; got {header}",
                        path=path, line=lines[0][0])
    pos = {c: header.index(c) for c in _COLUMNS if c in header}
    out = []
    for lineno, row in lines[1:]:
        cells = tuple(row[pos[c]] if c in pos and pos[c] < len(row) else "" for c in _COLUMNS)
        out.append((cells, lineno))
    return tuple(out)


@functools.lru_cache(maxsize=32)
def _load_file(path: str, mtime: float) -> FrameScheme:
    p = Path(path)
    rows = _read_csv(p) if p.suffix.lower() == ".csv" else read_rows(p, _COLUMNS, what="frame dictionary")
    return _build(rows, path)


def _from_mapping(source: Mapping[Any, Any]) -> FrameScheme:
    rows: list[tuple[tuple[str, ...], int | None]] = []
    for frame, value in source.items():
        if not isinstance(frame, str):
            raise InputError(f"frame dictionary keys must be frame names (str), not {type(frame).__name__}")
        groups = value.items() if isinstance(value, Mapping) else [("", value)]
        for item, patterns in groups:
            if isinstance(patterns, str) or not isinstance(patterns, Iterable):
                raise InputError(
                    f"frame {frame!r}: give a list of patterns (or {{item: [patterns]}}), not {type(patterns).__name__}"
                )
            for p in patterns:
                if not isinstance(p, str):
                    raise InputError(f"frame {frame!r}: patterns must be str, not {type(p).__name__}")
                rows.append(((p, frame, str(item), ""), None))
    return _build(rows, "dict")


def load_frames(source: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic") -> FrameScheme:
    """Load a frame dictionary: a shipped scheme, a TSV/CSV file, a DataFrame or a dict.

    Args:
        source: ``"generic"`` (the shipped Semetko and Valkenburg frames),
            ``"mfc"`` (Media Frames Corpus policy frames); a
            path to a tab-separated file (``pattern, frame[, item, note]``,
            header optional, ``#`` comments) or a ``.csv`` file with a header
            naming ``pattern`` and ``frame``; a DataFrame with those columns;
            a dict ``{frame: [patterns]}`` or ``{frame: {item: [patterns]}}``;
            or a FrameScheme (returned as is).

    Returns:
        The compiled scheme. Files are cached (until they change); a dict or
        DataFrame is compiled on every call, so load it once and pass the
        FrameScheme when scoring many texts.

    Raises:
        LoadError: the file cannot be read, or a CSV lacks its header.
        InputError: a row has no frame, a pattern is malformed, the
            dictionary is empty, or ``source`` is of an unsupported type.

    Examples:
        >>> scheme = load_frames({"gun_control": ["gun control", "background check*", "assault weapon*"]})
        >>> scheme.frames
        ('gun_control',)
        >>> load_frames().frames
        ('conflict', 'human_interest', 'economic', 'morality', 'responsibility')
        >>> load_frames({"x": ["..."]})
        Traceback (most recent call last):
        ...
        mediakit.errors.InputError: dict: pattern '...' has no required word
    """
    if isinstance(source, FrameScheme):
        return source
    if isinstance(source, str) and (shipped := shipped_file(SCHEMES.get(source, source))) is not None:
        try:
            return _load_file(shipped, os.path.getmtime(shipped))
        except OSError:
            pass  # gone: look for it as any other name
    if isinstance(source, (str, Path)):
        from ..lexicon import lexicon_path

        name = SCHEMES.get(str(source), source) if isinstance(source, str) else source
        path = lexicon_path(name)
        return _load_file(str(path), os.path.getmtime(path))
    if isinstance(source, Mapping):
        return _from_mapping(source)
    if hasattr(source, "columns") and hasattr(source, "itertuples"):
        if "frame" not in source.columns:
            raise InputError(f"a frame dictionary DataFrame needs 'pattern' and 'frame' columns; got {list(source.columns)}")
        return _build(read_rows(source, _COLUMNS, what="frame dictionary"), "DataFrame")
    raise InputError(
        "a frame dictionary must be a scheme name ('generic'), a file path, a DataFrame or a dict "
        f"{{frame: [patterns]}}, not {type(source).__name__}"
    )


def _hits_and_words(
    text_or_article: str | Article, scheme: FrameScheme
) -> tuple[dict[int, list[FrameHit]], dict[int, int]]:
    """Hits and word counts per paragraph index."""
    text = as_text(text_or_article)
    tw = text_words(text_or_article)
    hits: dict[int, list[FrameHit]] = {}
    words: dict[int, int] = {}
    for sent, (a, b) in zip(tw.sentences, tw.ranges):
        words[sent.paragraph] = words.get(sent.paragraph, 0) + b - a
    starts, ends, sentences = tw.words.starts, tw.words.ends, tw.sentences
    for k, pat, i, j in scheme.patterns.find_in(tw):  # every sentence in one pass
        frame, indicator = pat.payload
        if frame != "ignore":
            s, e = starts[i], ends[j]
            hits.setdefault(sentences[k].paragraph, []).append(FrameHit(s, e, text[s:e], frame, indicator))
    return hits, words


def find_frame_hits(
    text_or_article: str | Article, *, scheme: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic"
) -> tuple[FrameHit, ...]:
    """Every indicator that fires, in text order (matches do not overlap; the longest wins at a word).

    >>> [(h.text, h.indicator) for h in find_frame_hits("Critics accused the government of hypocrisy.")]
    [('Critics', 'conflict.reproach'), ('accused', 'conflict.reproach'), ('hypocrisy', 'conflict.reproach')]
    >>> find_frame_hits("The house caught fire on Tuesday.")
    ()
    """
    hits, _ = _hits_and_words(text_or_article, load_frames(scheme))
    return tuple(sorted((h for hs in hits.values() for h in hs), key=lambda h: (h.start, h.end)))


def _round(x: float) -> float:
    return round(x, 4)


def score_frames(
    text_or_article: str | Article, *, scheme: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic"
) -> tuple[FrameScore, ...]:
    """Score every frame of ``scheme`` in every paragraph, then in the whole article.

    The score is hits per 100 words: non-overlapping indicator matches in the
    unit divided by its word tokens, times 100 (rounded to 4 decimals). The
    paragraph rows come first (paragraph by paragraph, frames in scheme
    order), then one ``"article"`` row per frame (index 0, spanning the
    first to the last paragraph).

    Args:
        text_or_article: a text (paragraphs are blank-line blocks) or an
            Article (its headline, standfirst and body paragraphs).
        scheme: ``"generic"``, ``"mfc"``, or a user dictionary (see :func:`load_frames`).

    Returns:
        One FrameScore per paragraph and frame, then one per frame for the article.

    Examples:
        >>> text = "Rebels accused the army of a war crime.\\n\\nThe cost of living is rising."
        >>> [(f.unit, f.index, f.frame, f.score) for f in score_frames(text) if f.n_hits]
        [('paragraph', 0, 'conflict', 25.0), ('paragraph', 1, 'economic', 16.6667), ('article', 0, 'conflict', 14.2857), ('article', 0, 'economic', 7.1429)]
    """
    from ..segment import split_paragraphs

    lex = load_frames(scheme)
    hits, words = _hits_and_words(text_or_article, lex)
    paragraphs = split_paragraphs(text_or_article)
    frames = lex.frames  # a property that walks every row: read it once, not per paragraph
    out: list[FrameScore] = []
    in_article: dict[str, list[FrameHit]] = {}  # frame -> hits of every paragraph, in paragraph order
    for p in paragraphs:
        n = words.get(p.index, 0)
        by_frame: dict[str, list[FrameHit]] = {}  # one pass over the paragraph's hits, not one per frame
        for h in hits.get(p.index, ()):
            by_frame.setdefault(h.frame, []).append(h)
            in_article.setdefault(h.frame, []).append(h)
        for frame in frames:
            found = by_frame.get(frame)
            if found is None:  # most frames in most paragraphs: no hits, a score of 0.0
                out.append(FrameScore("paragraph", p.index, frame, 0.0, 0, (), p.start, p.end))
                continue
            fh = tuple(found)
            out.append(FrameScore("paragraph", p.index, frame, _round(100 * len(fh) / n) if n else 0.0,
                                  len(fh), fh, p.start, p.end))
    total = sum(words.values())
    start = paragraphs[0].start if paragraphs else 0
    end = paragraphs[-1].end if paragraphs else 0
    for frame in frames:
        fh = tuple(in_article.get(frame, ()))
        out.append(FrameScore("article", 0, frame, _round(100 * len(fh) / total) if total else 0.0,
                              len(fh), fh, start, end))
    return tuple(out)


def frames_table(
    text_or_article: str | Article,
    *,
    scheme: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic",
    scores: Sequence[FrameScore] | None = None,
) -> pd.DataFrame:
    """One row per paragraph with a ``frame_<name>`` score column per frame (hits per 100 words).

    Columns: ``paragraph, role, start, end, text, frame_<name>..., evidence``
    where ``evidence`` lists the hits as ``"frame: words"`` in text order.

    Args:
        text_or_article: a text or an Article.
        scheme: the frames to score (see :func:`load_frames`); ignored when ``scores`` is given.
        scores: the result of :func:`score_frames` on the same text, to reuse it
            (the frame columns are then the frames found in it, in order).

    Examples:
        >>> df = frames_table("Critics blamed the mayor.\\n\\nTaxes will rise.")
        >>> df[["frame_conflict", "frame_economic"]].values.tolist()
        [[50.0, 0.0], [0.0, 33.3333]]
        >>> df["evidence"].tolist()
        [['conflict: Critics', 'conflict: blamed'], ['economic: Taxes']]
    """
    import pandas as pd

    from ..segment import split_paragraphs

    if scores is None:
        scores = score_frames(text_or_article, scheme=scheme)
    names = tuple(dict.fromkeys(s.frame for s in scores))
    by_para: dict[int, dict[str, FrameScore]] = {}
    for s in scores:
        if s.unit == "paragraph":
            by_para.setdefault(s.index, {})[s.frame] = s
    columns = ["paragraph", "role", "start", "end", "text", *(f"frame_{f}" for f in names), "evidence"]
    rows = []
    for p in split_paragraphs(text_or_article):
        row: dict[str, Any] = {"paragraph": p.index, "role": p.role, "start": p.start, "end": p.end, "text": p.text}
        fs = by_para.get(p.index, {})
        hits: list[FrameHit] = []
        for f in names:
            row[f"frame_{f}"] = fs[f].score if f in fs else 0.0
            hits.extend(fs[f].hits if f in fs else ())
        row["evidence"] = [f"{h.frame}: {h.text}" for h in sorted(hits, key=lambda h: h.start)]
        rows.append(row)
    df = pd.DataFrame(rows, columns=columns)
    for f in names:
        df[f"frame_{f}"] = df[f"frame_{f}"].astype(float)
    return df


def frame_items(
    text_or_article: str | Article, *, scheme: str | Path | pd.DataFrame | Mapping[str, Any] | FrameScheme = "generic"
) -> pd.DataFrame:
    """Presence of each codebook item in the article, as the yes/no questions of the codebook.

    Columns: ``frame, item`` (the indicator, ``frame.item``), ``present``
    (bool), ``n_hits``, ``paragraphs`` (indices where it fired) and
    ``words`` (the hits as written, in order). One row per item of the
    scheme, in scheme order, including the items that did not fire.

    Examples:
        >>> df = frame_items("Opponents accused the council of wasting taxpayers' money.")
        >>> df[df["present"]][["item", "words"]].values.tolist()
        [['conflict.disagreement', ['Opponents']], ['conflict.reproach', ['accused']], ['economic.cost', ['taxpayers']]]
        >>> bool(df["present"].any()), len(df) > 10
        (True, True)
    """
    import pandas as pd

    lex = load_frames(scheme)
    hits, _ = _hits_and_words(text_or_article, lex)
    found: dict[str, list[tuple[int, FrameHit]]] = {}
    for para, hs in sorted(hits.items()):
        for h in hs:
            found.setdefault(h.indicator, []).append((para, h))
    rows = []
    frame_of = {_indicator(p, f, i): f for p, f, i, _ in lex.rows}
    for item in lex.items:
        fh = found.get(item, [])
        rows.append({
            "frame": frame_of[item],
            "item": item,
            "present": bool(fh),
            "n_hits": len(fh),
            "paragraphs": sorted({p for p, _ in fh}),
            "words": [h.text for _, h in fh],
        })
    return pd.DataFrame(rows, columns=["frame", "item", "present", "n_hits", "paragraphs", "words"])
