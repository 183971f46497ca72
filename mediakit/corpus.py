"""Corpus scale: the one-article analysis over thousands or millions of articles.

:func:`analyze_corpus` runs :func:`mediakit.analysis.analyze` on every article
of a corpus and gives one row per article (the columns of
``Analysis.summary()``, so new measures flow through as they land), plus the
long tables of ``Analysis.tables()`` on request.

* **Streaming.** The source is read in chunks (:func:`mediakit.io.iter_records`)
  and, with ``output=``, each chunk is written to Parquet as soon as it is
  done, so memory does not grow with the number of articles.
* **Parallel.** ``workers=N`` analyses chunks in ``N`` worker processes (order
  kept, a bounded number of chunks in flight); ``engine="dask"`` sends the
  same chunks to a Dask ``distributed`` cluster. Every engine runs the same
  per-chunk function, so results are identical.
* **Nothing silently dropped.** An article that cannot be read or analysed
  becomes a row of the errors table (source, position, id, stage, reason).

Examples:
    >>> df = analyze_corpus(["Prices rose sharply.\\n\\nShoppers were angry.", "A calm day."], progress=False)
    >>> df[["id", "position", "n_sentences"]].values.tolist()
    [['<iterable>:1', 1, 2], ['<iterable>:2', 2, 1]]
"""

from __future__ import annotations

import csv
import functools
import json
import os
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from .article import Article
from .errors import InputError, LoadError, MediakitError, value_invalid_msg
from .files import CORPUS_SUFFIXES, corpus_suffix
from .records import Record, iter_records

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "analyze_corpus",
    "available_tables",
    "CorpusOutput",
    "CorpusTables",
    "ERROR_COLUMNS",
]

Engine = Literal["local", "dask"]
ErrorMode = Literal["collect", "raise"]

#: Columns of the errors table, in order.
ERROR_COLUMNS = ("source", "position", "id", "stage", "reason")
#: Columns every corpus row starts with; the rest come from ``Analysis.summary()``.
KEY_COLUMNS = ("id", "source", "position")
_ENGINES = ("local", "dask")
_ROW_GROUP_ROWS = 4096


# -- results -------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class CorpusTables(Mapping[str, "pd.DataFrame"]):
    """The long tables of an in-memory run, by name (``"quotes"``, ``"actors"``, ... and ``"errors"``).

    Kept in ``df.attrs["tables"]``. It compares by identity and is never
    copied, so pandas can carry it along (and ``pd.concat`` results) cheaply.
    """

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self.frames[name]
        except KeyError:
            raise KeyError(f"no table {name!r}; this run has: {', '.join(self.frames) or 'none'}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.frames)

    def __len__(self) -> int:
        return len(self.frames)

    def __deepcopy__(self, memo: dict[int, Any]) -> CorpusTables:
        return self

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}: {len(v)} rows" for k, v in self.frames.items())
        return f"CorpusTables({inner})"


@dataclass(frozen=True, slots=True)
class CorpusOutput:
    """What :func:`analyze_corpus` wrote when given ``output=``.

    Attributes:
        path: the article table (one row per article).
        tables: the long tables written beside it, by name (``<stem>.<name>.parquet``).
        errors_path: the errors table, ``<stem>.errors.csv`` (always written; header only when none).
        n_articles: articles analysed (rows in ``path``).
        n_errors: articles that failed (rows in ``errors_path``).
        seconds: wall-clock time of the run.
    """

    path: Path
    tables: dict[str, Path]
    errors_path: Path
    n_articles: int
    n_errors: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "tables": {k: str(v) for k, v in self.tables.items()},
            "errors_path": str(self.errors_path),
            "n_articles": self.n_articles,
            "n_errors": self.n_errors,
            "seconds": self.seconds,
        }


# -- the per-article work (runs in worker processes: module-level, picklable) --------


@dataclass(frozen=True, slots=True)
class _FileTask:
    """An article file to be loaded by the worker (so loading runs in parallel too)."""

    path: str
    position: int


@dataclass(frozen=True, slots=True)
class _Options:
    tables: tuple[str, ...]
    clean: bool
    max_bytes: int | None
    raise_errors: bool


@dataclass(frozen=True, slots=True)
class _ChunkResult:
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


def _article_id(article: Article, source: str, position: int) -> str:
    return str(article.id) if article.id is not None else f"{source}:{position}"


def _analyze_one(
    source: str, position: int, article: Article, opts: _Options
) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    from .analysis import analyze

    result = analyze(article)
    aid = _article_id(article, source, position)
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


def _error_row(source: str, position: int, aid: str | None, stage: str, reason: str) -> dict[str, Any]:
    return {"source": source, "position": position, "id": aid, "stage": stage, "reason": reason}


def _analyze_chunk(items: Sequence[Record | _FileTask], opts: _Options) -> _ChunkResult:
    """Analyse a chunk of records: the one function every engine runs."""
    from .io import load_article

    rows: list[dict[str, Any]] = []
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in opts.tables}
    errors: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, _FileTask):
            source, position = item.path, item.position
            try:
                article: Article | None = load_article(item.path, clean=opts.clean, max_bytes=opts.max_bytes)
            except LoadError as exc:
                if opts.raise_errors:
                    raise
                errors.append(_error_row(source, position, None, "load", exc.reason))
                continue
        else:
            source, position, article = item.source, item.position, item.article
            if article is None:
                reason = item.error.reason if item.error is not None else "unreadable record"
                errors.append(_error_row(source, position, None, "load", reason))
                continue
        assert article is not None
        if opts.raise_errors:
            row, extra = _analyze_one(source, position, article, opts)
        else:
            try:
                row, extra = _analyze_one(source, position, article, opts)
            except Exception as exc:  # one bad article must not stop a corpus: it becomes an errors row
                aid = _article_id(article, source, position)
                errors.append(_error_row(source, position, aid, "analyze", f"{type(exc).__name__}: {exc}"))
                continue
        rows.append(row)
        for name, frame in extra.items():
            tables[name].append(frame)
    return _ChunkResult(rows, tables, errors, len(items))


def _warm_up() -> None:
    """Build the sentiment backends once per worker process, before the first chunk."""
    from .sentiment import get_backend

    get_backend("textblob")
    get_backend("vader")


# -- reading the source ----------------------------------------------------------------


def _is_path(source: Any) -> bool:
    return isinstance(source, (str, os.PathLike))


def _items(source: Any, *, text_col: str, load_options: dict[str, Any]) -> tuple[Iterator[Record | _FileTask], int | None]:
    """The work items of ``source`` and how many there are, when that is known without reading it."""
    from .files import names_article_file, resolve_files

    if _is_path(source):
        path = Path(source)
        s = str(source)
        is_glob = any(ch in s for ch in "*?[")
        if corpus_suffix(path) not in CORPUS_SUFFIXES and (is_glob or path.is_dir()):
            files = resolve_files(path)
            if files:  # otherwise iter_records raises its own clear error
                return (_FileTask(str(f), i) for i, f in enumerate(files, start=1)), len(files)
        return iter_records(source, text_col=text_col, **load_options), None
    total = len(source) if hasattr(source, "__len__") else None
    if type(source).__name__ != "DataFrame" and isinstance(source, Iterable):
        source = (Article.from_text(x) if isinstance(x, str) and not names_article_file(x) else x for x in source)
    return iter_records(source, text_col=text_col, **load_options), total


def _chunks(items: Iterator[Record | _FileTask], size: int, limit: int | None) -> Iterator[list[Record | _FileTask]]:
    chunk: list[Record | _FileTask] = []
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            break
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- engines ---------------------------------------------------------------------------

Runner = Callable[[Iterator[list[Record | _FileTask]], _Options], Iterator[_ChunkResult]]


def _run_inline(chunks: Iterator[list[Record | _FileTask]], opts: _Options) -> Iterator[_ChunkResult]:
    for chunk in chunks:
        yield _analyze_chunk(chunk, opts)


def _mp_context() -> Any:
    """``forkserver`` where it exists (fork-safe with threads around, e.g. in Jupyter), else ``spawn``."""
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _bounded(submit: Callable[[list[Record | _FileTask]], Any], chunks: Iterator[list[Record | _FileTask]],
             in_flight: int) -> Iterator[_ChunkResult]:
    """Submit chunks, at most ``in_flight`` at a time, and yield their results in order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_processes(workers: int) -> Runner:
    def run(chunks: Iterator[list[Record | _FileTask]], opts: _Options) -> Iterator[_ChunkResult]:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(), initializer=_warm_up) as pool:
                yield from _bounded(lambda c: pool.submit(_analyze_chunk, c, opts), chunks, 2 * workers + 1)
        except BrokenProcessPool as exc:
            raise MediakitError(
                "a worker process stopped unexpectedly: out of memory, or a script that starts workers when it is"
                " imported (put the call under `if __name__ == \"__main__\":`)"
            ) from exc

    return run


def _run_dask(client: Any, workers: int | None) -> Runner:
    from ._optional import require

    distributed = require("distributed", extra="dask")

    def run(chunks: Iterator[list[Record | _FileTask]], opts: _Options) -> Iterator[_ChunkResult]:
        own = client is None
        c = client
        if own:
            c = distributed.Client(
                n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=40,
            )
        try:
            n = max(1, len(c.scheduler_info().get("workers", {})) or (workers or 1))
            yield from _bounded(lambda ch: c.submit(_analyze_chunk, ch, opts, pure=False), chunks, 2 * n + 1)
        finally:
            if own:
                c.close()

    return run


# -- sinks: Parquet written incrementally, or Arrow tables kept in memory ----------------


def _to_arrow(frame: pd.DataFrame) -> pa.Table:
    """A DataFrame as an Arrow table; object columns Arrow cannot type become JSON text."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError):
        frame = frame.copy()
        for col in frame.columns:
            try:
                pa.array(frame[col], from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError):
                frame[col] = [None if v is None else json.dumps(v, default=str, ensure_ascii=False) for v in frame[col]]
        return pa.Table.from_pandas(frame, preserve_index=False)


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table | None:
    """``table`` with exactly ``schema``'s columns and types, or None if that would lose data."""
    import pyarrow as pa

    if any(name not in schema.names for name in table.column_names):
        return None
    columns = []
    for fld in schema:
        if fld.name in table.column_names:
            columns.append(table.column(fld.name))
        else:
            columns.append(pa.nulls(table.num_rows, type=fld.type))
    try:
        return pa.Table.from_arrays(columns, names=schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None


def _unify(schemas: list[pa.Schema]) -> pa.Schema:
    import pyarrow as pa

    return pa.unify_schemas(schemas, promote_options="permissive").remove_metadata()


class _Buffer:
    """Collects Arrow tables until there are enough rows for one Parquet row group."""

    def __init__(self, flush: Callable[[pa.Table], None], rows: int = _ROW_GROUP_ROWS) -> None:
        self._flush = flush
        self._rows = rows
        self._tables: list[pa.Table] = []
        self._n = 0

    def add(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        self._tables.append(table.replace_schema_metadata(None))
        self._n += table.num_rows
        if self._n >= self._rows:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self._tables:
            table = pa.concat_tables(self._tables, promote_options="permissive")
            self._tables, self._n = [], 0
            self._flush(table)


class _ParquetSink:
    """One Parquet file written a row group at a time with a stable schema.

    A later chunk that brings a new column, or a type that does not fit
    (a column that was all missing, ints that become floats), starts a new
    part file with the widened schema; at the end the parts are merged,
    streaming, into one file with the final schema. Nothing is dropped.
    """

    def __init__(self, path: Path, *, rows: int = _ROW_GROUP_ROWS) -> None:
        self.path = path
        self.parts: list[Path] = []
        self.schema: pa.Schema | None = None
        self.rows = 0
        self._writer: Any = None
        self._buffer = _Buffer(self._write, rows)

    def add(self, table: pa.Table) -> None:
        self._buffer.add(table)

    def _write(self, table: pa.Table) -> None:
        import pyarrow.parquet as pq

        self.rows += table.num_rows
        if self._writer is not None and self.schema is not None:
            fitted = _conform(table, self.schema)
            if fitted is not None:
                self._writer.write_table(fitted)
                return
            self._writer.close()
            schema = _unify([self.schema, table.schema])
        else:
            schema = table.schema.remove_metadata()
        fitted = _conform(table, schema)
        assert fitted is not None
        part = self.path.with_name(f".{self.path.name}.part{len(self.parts)}")
        self._writer = pq.ParquetWriter(part, schema)
        self.schema = schema
        self.parts.append(part)
        self._writer.write_table(fitted)

    def close(self, empty_schema: pa.Schema) -> Path:
        import pyarrow.parquet as pq

        self._buffer.flush()
        if self._writer is not None:
            self._writer.close()
        if not self.parts:
            pq.write_table(empty_schema.empty_table(), self.path)
        elif len(self.parts) == 1:
            os.replace(self.parts[0], self.path)
        else:
            assert self.schema is not None
            with pq.ParquetWriter(self.path, self.schema) as writer:
                for part in self.parts:
                    for batch in pq.ParquetFile(part).iter_batches(batch_size=_ROW_GROUP_ROWS):
                        import pyarrow as pa

                        fitted = _conform(pa.Table.from_batches([batch]), self.schema)
                        assert fitted is not None
                        writer.write_table(fitted)
            for part in self.parts:
                part.unlink()
        return self.path

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
        for part in self.parts:
            part.unlink(missing_ok=True)


class _MemorySink:
    """The same Arrow tables kept in memory, unified the same way, for an identical frame."""

    def __init__(self) -> None:
        self._tables: list[pa.Table] = []

    def add(self, table: pa.Table) -> None:
        if table.num_rows:
            self._tables.append(table.replace_schema_metadata(None))

    def frame(self, empty_schema: pa.Schema) -> pd.DataFrame:
        import pyarrow as pa

        if not self._tables:
            return empty_schema.empty_table().to_pandas()
        table = pa.concat_tables(self._tables, promote_options="permissive")
        self._tables = []
        return table.to_pandas()


class _ErrorsCsv:
    """The errors table appended to a CSV file as errors arrive."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = path.open("w", newline="", encoding="utf-8")
        self._writer = csv.DictWriter(self._fh, fieldnames=list(ERROR_COLUMNS))
        self._writer.writeheader()

    def add(self, errors: list[dict[str, Any]]) -> None:
        self._writer.writerows(errors)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _key_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("source", pa.string()), ("position", pa.int64())])


def _table_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("article_id", pa.string())])


def _sibling(output: Path, name: str, suffix: str = ".parquet") -> Path:
    stem = output.name[: -len(output.suffix)] if output.suffix else output.name
    return output.with_name(f"{stem}.{name}{suffix}")


@functools.cache
def available_tables() -> tuple[str, ...]:
    """Names :func:`analyze_corpus` accepts in ``tables=``: the keys of ``Analysis.tables()``.

    >>> "sentences" in available_tables()
    True
    """
    from .analysis import TABLES

    return TABLES


def _export(parquet: Path, target: Path) -> None:
    """Stream a Parquet file out as CSV or JSON Lines."""
    import pyarrow.parquet as pq

    suffix = target.suffix.lower()
    with target.open("w", encoding="utf-8", newline="") as fh:
        first = True
        for batch in pq.ParquetFile(parquet).iter_batches(batch_size=_ROW_GROUP_ROWS):
            frame = batch.to_pandas()
            if suffix == ".csv":
                # list cells (top_actors, ...) as JSON, not numpy's repr: pd.read_csv + json.loads reads them back
                for col in frame.columns:
                    if frame[col].dtype == object and any(hasattr(v, "__len__") and not isinstance(v, str)
                                                          for v in frame[col].head(50)):
                        frame[col] = [json.dumps(list(v), default=str, ensure_ascii=False)
                                      if hasattr(v, "__len__") and not isinstance(v, str) else v for v in frame[col]]
                frame.to_csv(fh, header=first, index=False)
            else:
                text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
                fh.write(text if text.endswith("\n") or not text else text + "\n")
            first = False
        if first and suffix == ".csv":
            fh.write(",".join(pq.ParquetFile(parquet).schema_arrow.names) + "\n")


_OUTPUT_SUFFIXES = (".parquet", ".csv", ".jsonl", ".ndjson")


# -- the public function -------------------------------------------------------------------


@overload
def analyze_corpus(
    source: Any,
    *,
    workers: int | None = ...,
    engine: Engine = ...,
    output: None = ...,
    tables: Sequence[str] = ...,
    chunk_size: int = ...,
    progress: bool = ...,
    client: Any = ...,
    text_col: str = ...,
    limit: int | None = ...,
    errors: ErrorMode = ...,
    **load_options: Any,
) -> pd.DataFrame: ...


@overload
def analyze_corpus(
    source: Any,
    *,
    workers: int | None = ...,
    engine: Engine = ...,
    output: str | os.PathLike[str],
    tables: Sequence[str] = ...,
    chunk_size: int = ...,
    progress: bool = ...,
    client: Any = ...,
    text_col: str = ...,
    limit: int | None = ...,
    errors: ErrorMode = ...,
    **load_options: Any,
) -> CorpusOutput: ...


def analyze_corpus(
    source: Any,
    *,
    workers: int | None = None,
    engine: Engine = "local",
    output: str | os.PathLike[str] | None = None,
    tables: Sequence[str] = (),
    chunk_size: int = 64,
    progress: bool = True,
    client: Any = None,
    text_col: str = "text",
    limit: int | None = None,
    errors: ErrorMode = "collect",
    **load_options: Any,
) -> pd.DataFrame | CorpusOutput:
    """Analyse every article of a corpus: one row per article, long tables on request.

    Each article goes through :func:`mediakit.analysis.analyze`; its row is
    ``id, source, position`` followed by every key of ``Analysis.summary()``
    (title, n_words, sentiment and tone scores, frame scores, cue, quote and
    speaker counts, top actors, ... as they exist). Values that are neither
    scalars nor flat lists are stored as JSON text.

    Args:
        source: a DataFrame (one article per row), a path (``.jsonl``,
            ``.csv``, ``.parquet``; JSONL and CSV also ``.gz``/``.bz2``/``.xz``
            compressed, read as a stream; a directory or glob of ``.txt``/``.html``/
            ``.json`` files), or an iterable of :class:`~mediakit.article.Article`
            objects, dicts, article texts or article files (``Path`` objects,
            or strings naming an existing ``.txt``/``.html``/``.json`` file).
        workers: worker processes. ``None`` or ``1``: analyse in this process;
            ``N > 1``: ``N`` processes (fork-safe: ``forkserver``/``spawn``
            start); ``-1``: one per CPU. With ``engine="dask"`` and no
            ``client``, the number of local Dask workers. Custom sentiment
            backends registered at run time are not seen by worker processes.
        engine: ``"local"`` or ``"dask"`` (needs ``pip install 'mediakit[dask]'``):
            the same per-chunk function on a ``distributed`` cluster, ``client``
            or a local one started (and closed) for this call.
        output: write the article table to this file (``.parquet``, or ``.csv``/
            ``.jsonl``), chunk by chunk, instead of returning it; long tables go
            to ``<stem>.<name>.parquet`` and failures to ``<stem>.errors.csv``.
        tables: long tables to collect, any key of ``Analysis.tables()``
            (see :func:`available_tables`), each with an ``article_id`` column.
        chunk_size: articles per unit of work sent to a worker.
        progress: show a progress bar (``tqdm.auto``: a widget in Jupyter).
        client: a ``distributed.Client`` for ``engine="dask"``.
        text_col: the column holding the article text in tabular sources.
        limit: analyse only the first ``limit`` records.
        errors: ``"collect"`` (failures become rows of the errors table and a
            warning gives their number) or ``"raise"`` (stop at the first).
        **load_options: passed to :func:`mediakit.io.iter_records`
            (``title_col``, ``id_col``, ``date_col``, ``clean``, ``max_bytes``).

    Returns:
        Without ``output``: a DataFrame, one row per analysed article in source
        order. ``df.attrs["errors"]`` lists the failures as dicts
        (``source, position, id, stage, reason``; ``stage`` is ``"load"`` or
        ``"analyze"``) and ``df.attrs["tables"]`` is a :class:`CorpusTables`
        holding the requested long tables and ``"errors"`` as DataFrames.
        With ``output``: a :class:`CorpusOutput` naming the files written.

    Raises:
        InputError: an invalid option.
        LoadError: the source itself cannot be read; with ``errors="raise"``,
            the first record that cannot be read.
        MissingDependencyError: ``engine="dask"`` without Dask installed.
    """
    import pandas as pd

    from ._progress import progress_bar

    if engine not in _ENGINES:
        raise InputError(value_invalid_msg("engine", engine, _ENGINES))
    if errors not in ("collect", "raise"):
        raise InputError(value_invalid_msg("errors", errors, ("collect", "raise")))
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise InputError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise InputError(f"limit must be a non-negative integer or None, not {limit!r}")
    if workers is not None and (not isinstance(workers, int) or workers == 0 or workers < -1):
        raise InputError(f"workers must be None, -1 or a positive integer, not {workers!r}")
    if isinstance(tables, str):
        tables = (tables,)
    tables = tuple(dict.fromkeys(tables))
    known = available_tables()
    for name in tables:
        if name not in known:
            raise InputError(value_invalid_msg("tables", name, known))
    out_path: Path | None = None
    if output is not None:
        out_path = Path(output)
        if out_path.suffix.lower() not in _OUTPUT_SUFFIXES:
            raise InputError(value_invalid_msg("output suffix", out_path.suffix, _OUTPUT_SUFFIXES))
        if not out_path.parent.exists():
            raise InputError(f"cannot write {out_path}: folder {out_path.parent} does not exist")
    bad_opts = set(load_options) - {"title_col", "id_col", "date_col", "clean", "max_bytes", "chunksize"}
    if bad_opts:
        raise InputError(f"unknown option(s) {sorted(bad_opts)} for analyze_corpus")
    n_workers = (os.cpu_count() or 1) if workers == -1 else workers

    opts = _Options(tables, bool(load_options.get("clean", True)), load_options.get("max_bytes", 20_000_000),
                    errors == "raise")
    items, total = _items(source, text_col=text_col, load_options=load_options)
    if limit is not None:
        total = limit if total is None else min(total, limit)
    if errors == "raise":
        items = _raise_load_errors(items)
    if engine == "dask":
        runner = _run_dask(client, n_workers)
    elif n_workers is not None and n_workers > 1:
        runner = _run_processes(n_workers)
    else:
        runner = _run_inline

    started = time.perf_counter()
    main_sink: _ParquetSink | _MemorySink
    table_sinks: dict[str, _ParquetSink | _MemorySink]
    errors_csv: _ErrorsCsv | None = None
    parquet_main = out_path
    if out_path is not None:
        if out_path.suffix.lower() != ".parquet":
            parquet_main = out_path.with_name(f".{out_path.name}.tmp.parquet")
        assert parquet_main is not None
        main_sink = _ParquetSink(parquet_main)
        table_sinks = {name: _ParquetSink(_sibling(out_path, name)) for name in tables}
        errors_csv = _ErrorsCsv(_sibling(out_path, "errors", ".csv"))
    else:
        main_sink = _MemorySink()
        table_sinks = {name: _MemorySink() for name in tables}
    failed: list[dict[str, Any]] = []
    n_failed = 0
    bar = progress_bar(enabled=progress, total=total, unit="article", desc="mediakit", dynamic_ncols=True)
    try:
        for result in runner(_chunks(items, chunk_size, limit), opts):
            if result.rows:
                main_sink.add(_to_arrow(pd.DataFrame(result.rows)))
            for name, pieces in result.tables.items():
                pieces = [f for f in pieces if len(f)]
                if pieces:
                    table_sinks[name].add(_to_arrow(pd.concat(pieces, ignore_index=True)))
            if result.errors:
                n_failed += len(result.errors)
                if errors_csv is not None:
                    errors_csv.add(result.errors)
                else:
                    failed.extend(result.errors)
                bar.set_postfix(errors=n_failed, refresh=False)
            bar.update(result.n_items)
    except BaseException:
        if isinstance(main_sink, _ParquetSink):
            main_sink.abort()
            for sink in table_sinks.values():
                assert isinstance(sink, _ParquetSink)
                sink.abort()
        raise
    finally:
        bar.close()
        if errors_csv is not None:
            errors_csv.close()

    if n_failed:
        where = "df.attrs['errors']" if out_path is None else str(_sibling(out_path, "errors", ".csv"))
        warnings.warn(f"{n_failed} article(s) could not be read or analysed; see {where}", stacklevel=2)

    if out_path is not None:
        assert isinstance(main_sink, _ParquetSink) and errors_csv is not None and parquet_main is not None
        main_sink.close(_key_schema())
        if parquet_main != out_path:
            _export(parquet_main, out_path)
            parquet_main.unlink()
        written: dict[str, Path] = {}
        for name, sink in table_sinks.items():
            assert isinstance(sink, _ParquetSink)
            written[name] = sink.close(_table_schema())
        return CorpusOutput(out_path, written, errors_csv.path, main_sink.rows, n_failed,
                            time.perf_counter() - started)

    assert isinstance(main_sink, _MemorySink)
    df = main_sink.frame(_key_schema())
    frames: dict[str, pd.DataFrame] = {}
    for name, sink in table_sinks.items():
        assert isinstance(sink, _MemorySink)
        frames[name] = sink.frame(_table_schema())
    frames["errors"] = pd.DataFrame(failed, columns=list(ERROR_COLUMNS))
    df.attrs["errors"] = failed
    df.attrs["tables"] = CorpusTables(frames)
    return df


def _raise_load_errors(items: Iterator[Record | _FileTask]) -> Iterator[Record | _FileTask]:
    for item in items:
        if isinstance(item, Record) and item.article is None:
            raise item.error if item.error is not None else LoadError("unreadable record", path=item.source,
                                                                       line=item.position)
        yield item

