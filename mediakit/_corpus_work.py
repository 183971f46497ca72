"""The per-article work of analyze_corpus: one function every engine runs on a chunk of records.

Module-level and picklable, so worker processes and Dask workers import and run
exactly the same code as the local engine (hence identical results).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import LoadError
from .records import Record

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class FileTask:
    """An article file to be loaded by the worker (so loading runs in parallel too)."""

    path: str
    position: int


@dataclass(frozen=True, slots=True)
class Options:
    tables: tuple[str, ...]
    clean: bool
    max_bytes: int | None
    raise_errors: bool


@dataclass(frozen=True, slots=True)
class ChunkResult:
    rows: list[dict[str, Any]]
    tables: dict[str, list[pd.DataFrame]]
    errors: list[dict[str, Any]]
    n_items: int


_SCALARS = (str, int, float, bool, type(None))


def _cell(value: Any) -> Any:
    """A value Parquet can store with a stable type: scalars and flat lists as they are, the rest as JSON."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, _SCALARS) for v in value):
        return list(value)
    import datetime as _dt

    if isinstance(value, (_dt.date, _dt.datetime)):
        return value
    return json.dumps(value, default=str, ensure_ascii=False)


def article_id(article: Article, source: str, position: int) -> str:
    return str(article.id) if article.id is not None else f"{source}:{position}"


def _analyze_one(
    source: str, position: int, article: Article, opts: Options
) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    from .analysis import analyze

    result = analyze(article)
    aid = article_id(article, source, position)
    row: dict[str, Any] = {"id": aid, "source": source, "position": position}
    for key, value in result.summary().items():
        if key not in row:
            row[key] = _cell(value)
    tables: dict[str, pd.DataFrame] = {}
    if opts.tables:
        every = result.tables(tuple(opts.tables))
        for name in opts.tables:
            frame = every.get(name)
            if frame is None:
                continue
            frame = frame.copy()
            frame.insert(0, "article_id", aid)
            tables[name] = frame
    return row, tables


def error_row(source: str, position: int, aid: str | None, stage: str, reason: str) -> dict[str, Any]:
    return {"source": source, "position": position, "id": aid, "stage": stage, "reason": reason}


def analyze_chunk(items: Sequence[Record | FileTask], opts: Options) -> ChunkResult:
    """Analyse a chunk of records: the one function every engine runs."""
    from .io import load_article

    rows: list[dict[str, Any]] = []
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in opts.tables}
    errors: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, FileTask):
            source, position = item.path, item.position
            try:
                article: Article | None = load_article(item.path, clean=opts.clean, max_bytes=opts.max_bytes)
            except LoadError as exc:
                if opts.raise_errors:
                    raise
                errors.append(error_row(source, position, None, "load", exc.reason))
                continue
        else:
            source, position, article = item.source, item.position, item.article
            if article is None:
                reason = item.error.reason if item.error is not None else "unreadable record"
                errors.append(error_row(source, position, None, "load", reason))
                continue
        assert article is not None
        if opts.raise_errors:
            row, extra = _analyze_one(source, position, article, opts)
        else:
            try:
                row, extra = _analyze_one(source, position, article, opts)
            except Exception as exc:  # one bad article must not stop a corpus: it becomes an errors row
                aid = article_id(article, source, position)
                errors.append(error_row(source, position, aid, "analyze", f"{type(exc).__name__}: {exc}"))
                continue
        rows.append(row)
        for name, frame in extra.items():
            tables[name].append(frame)
    return ChunkResult(rows, tables, errors, len(items))


def warm_up() -> None:
    """Build the sentiment backends once per worker process, before the first chunk."""
    from .sentiment import get_backend

    get_backend("textblob")
    get_backend("vader")
