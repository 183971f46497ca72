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

import functools
import itertools
import os
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from ._corpus_work import ChunkResult, FileTask, Options, analyze_chunk, warm_up
from ._sinks import (
    ERROR_COLUMNS,
    ErrorsCsv,
    MemorySink,
    ParquetSink,
    key_schema,
    sibling,
    table_schema,
    to_arrow,
    written_keys,
)
from ._sinks import export as export_parquet
from .article import Article
from .errors import InputError, LoadError, MediakitError, value_invalid_msg
from .files import CORPUS_SUFFIXES, compression, corpus_suffix
from .records import Record, iter_records

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "analyze_corpus",
    "available_tables",
    "CorpusOutput",
    "CorpusTables",
    "ERROR_COLUMNS",
]

Engine = Literal["local", "dask"]
ErrorMode = Literal["collect", "raise"]

#: Columns every corpus row starts with; the rest come from ``Analysis.summary()``.
KEY_COLUMNS = ("id", "source", "position")
_ENGINES = ("local", "dask")


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
        n_resumed: with ``resume=True``, the articles analysed by the earlier
            run(s) and kept (included in ``n_articles``), else 0.
    """

    path: Path
    tables: dict[str, Path]
    errors_path: Path
    n_articles: int
    n_errors: int
    seconds: float
    n_resumed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "tables": {k: str(v) for k, v in self.tables.items()},
            "errors_path": str(self.errors_path),
            "n_articles": self.n_articles,
            "n_errors": self.n_errors,
            "seconds": self.seconds,
            "n_resumed": self.n_resumed,
        }


# -- reading the source ----------------------------------------------------------------


def _is_path(source: Any) -> bool:
    return isinstance(source, (str, os.PathLike))


def _items(source: Any, *, text_col: str, load_options: dict[str, Any]) -> tuple[Iterator[Record | FileTask], int | None]:
    """The work items of ``source`` and how many there are, when that is known without reading it."""
    from .files import names_article_file, resolve_files

    if _is_path(source):
        path = Path(source)
        s = str(source)
        is_glob = any(ch in s for ch in "*?[")
        if corpus_suffix(path) not in CORPUS_SUFFIXES and (is_glob or path.is_dir()):
            files = resolve_files(path)
            if files:  # otherwise iter_records raises its own clear error
                return (FileTask(str(f), i) for i, f in enumerate(files, start=1)), len(files)
        return iter_records(source, text_col=text_col, **load_options), None
    total = len(source) if hasattr(source, "__len__") else None
    if type(source).__name__ != "DataFrame" and isinstance(source, Iterable):
        source = (Article.from_text(x) if isinstance(x, str) and not names_article_file(x) else x for x in source)
    return iter_records(source, text_col=text_col, **load_options), total


def _chunks(items: Iterator[Record | FileTask], size: int) -> Iterator[list[Record | FileTask]]:
    chunk: list[Record | FileTask] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- engines ---------------------------------------------------------------------------

Runner = Callable[[Iterator[list[Record | FileTask]], Options], Iterator[ChunkResult]]


def _run_inline(chunks: Iterator[list[Record | FileTask]], opts: Options) -> Iterator[ChunkResult]:
    for chunk in chunks:
        yield analyze_chunk(chunk, opts)


def _mp_context() -> Any:
    """``forkserver`` where it exists (fork-safe with threads around, e.g. in Jupyter), else ``spawn``."""
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _bounded(submit: Callable[[list[Record | FileTask]], Any], chunks: Iterator[list[Record | FileTask]],
             in_flight: int) -> Iterator[ChunkResult]:
    """Submit chunks, at most ``in_flight`` at a time, and yield their results in order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_processes(workers: int) -> Runner:
    def run(chunks: Iterator[list[Record | FileTask]], opts: Options) -> Iterator[ChunkResult]:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(), initializer=warm_up) as pool:
                yield from _bounded(lambda c: pool.submit(analyze_chunk, c, opts), chunks, 2 * workers + 1)
        except BrokenProcessPool as exc:
            raise MediakitError(
                "a worker process stopped unexpectedly: out of memory, or a script that starts workers when it is"
                " imported (put the call under `if __name__ == \"__main__\":`)"
            ) from exc

    return run


def _run_dask(client: Any, workers: int | None) -> Runner:
    from ._optional import require

    distributed = require("distributed", extra="dask")

    def run(chunks: Iterator[list[Record | FileTask]], opts: Options) -> Iterator[ChunkResult]:
        own = client is None
        c = client
        if own:
            c = distributed.Client(
                n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=40,
            )
        try:
            n = max(1, len(c.scheduler_info().get("workers", {})) or (workers or 1))
            yield from _bounded(lambda ch: c.submit(analyze_chunk, ch, opts, pure=False), chunks, 2 * n + 1)
        finally:
            if own:
                c.close()

    return run


@functools.cache
def available_tables() -> tuple[str, ...]:
    """Names :func:`analyze_corpus` accepts in ``tables=``: the keys of ``Analysis.tables()``.

    >>> "sentences" in available_tables()
    True
    """
    from .analysis import TABLES

    return TABLES


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
    resume: bool = ...,
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
    resume: bool = ...,
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
    resume: bool = False,
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
            ``.jsonl``, which may be compressed: ``.csv.gz``, ``.jsonl.bz2``,
            ``.jsonl.xz``), chunk by chunk, instead of returning it; long tables go
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
        resume: continue an earlier run into the same ``output`` (``.parquet``):
            articles already in it or in its errors table (by ``source`` and
            ``position``) are skipped, the rest are added. A run stopped part-way
            (Ctrl-C, a failure with ``errors="raise"``) leaves ``output``
            holding every chunk finished before the stop, so nothing analysed is
            lost; a warning says so and the exception is raised again.
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
        kind = corpus_suffix(out_path)
        if kind not in _OUTPUT_SUFFIXES or (compression(out_path) and kind == ".parquet"):
            shown = "".join(out_path.suffixes[-2:]) if compression(out_path) else out_path.suffix
            raise InputError(value_invalid_msg("output suffix", shown, _OUTPUT_SUFFIXES)
                             + "; .csv and .jsonl may end in .gz, .bz2 or .xz (Parquet compresses itself)")
        if not out_path.parent.exists():
            raise InputError(f"cannot write {out_path}: folder {out_path.parent} does not exist")
    if resume and (out_path is None or corpus_suffix(out_path) != ".parquet"):
        raise InputError("resume=True continues a .parquet output: pass output='....parquet'")
    bad_opts = set(load_options) - {"title_col", "id_col", "date_col", "clean", "max_bytes", "chunksize"}
    if bad_opts:
        raise InputError(f"unknown option(s) {sorted(bad_opts)} for analyze_corpus")
    n_workers = (os.cpu_count() or 1) if workers == -1 else workers

    opts = Options(tables, bool(load_options.get("clean", True)), load_options.get("max_bytes", 20_000_000),
                    errors == "raise")
    items, total = _items(source, text_col=text_col, load_options=load_options)
    if limit is not None:
        total = limit if total is None else min(total, limit)
        items = itertools.islice(items, limit)
    if resume:
        assert out_path is not None
        done = written_keys(out_path, sibling(out_path, "errors", ".csv"))
        if done:
            # a file of a folder is known by its path: its position moves when files are added before it
            done_files = {src for src, _ in done}
            items = (it for it in items
                     if not (it.path in done_files if isinstance(it, FileTask) else _key(it) in done))
            total = None if total is None else max(0, total - len(done))
    if errors == "raise":
        items = _raise_load_errors(items)
    if engine == "dask":
        runner = _run_dask(client, n_workers)
    elif n_workers is not None and n_workers > 1:
        runner = _run_processes(n_workers)
    else:
        runner = _run_inline

    started = time.perf_counter()
    main_sink: ParquetSink | MemorySink
    table_sinks: dict[str, ParquetSink | MemorySink]
    errors_csv: ErrorsCsv | None = None
    parquet_main = out_path
    if out_path is not None:
        if corpus_suffix(out_path) != ".parquet":
            parquet_main = out_path.with_name(f".{out_path.name}.tmp.parquet")
        assert parquet_main is not None
        main_sink = ParquetSink(parquet_main, resume=resume)
        table_sinks = {name: ParquetSink(sibling(out_path, name), resume=resume) for name in tables}
        errors_csv = ErrorsCsv(sibling(out_path, "errors", ".csv"), append=resume)
    else:
        main_sink = MemorySink()
        table_sinks = {name: MemorySink() for name in tables}
    failed: list[dict[str, Any]] = []
    n_failed = n_rows = 0
    bar = progress_bar(enabled=progress, total=total, unit="article", desc="mediakit", dynamic_ncols=True)
    try:
        for result in runner(_chunks(items, chunk_size), opts):
            if result.rows:
                main_sink.add(to_arrow(pd.DataFrame(result.rows)))
                n_rows += len(result.rows)
            for name, pieces in result.tables.items():
                pieces = [f for f in pieces if len(f)]
                if pieces:
                    table_sinks[name].add(to_arrow(pd.concat(pieces, ignore_index=True)))
            if result.errors:
                n_failed += len(result.errors)
                if errors_csv is not None:
                    errors_csv.add(result.errors)
                else:
                    failed.extend(result.errors)
                bar.set_postfix(errors=n_failed, refresh=False)
            bar.update(result.n_items)
    except BaseException as stop:
        bar.close()
        if errors_csv is not None:
            errors_csv.close()
        if out_path is not None:
            assert isinstance(main_sink, ParquetSink) and parquet_main is not None
            _keep_partial(out_path, parquet_main, main_sink, table_sinks, n_rows + n_failed, stop)
        raise
    bar.close()
    if errors_csv is not None:
        errors_csv.close()

    if n_failed:
        where = "df.attrs['errors']" if out_path is None else str(sibling(out_path, "errors", ".csv"))
        warnings.warn(f"{n_failed} article(s) could not be read or analysed; see {where}", stacklevel=2)

    if out_path is not None:
        assert isinstance(main_sink, ParquetSink) and errors_csv is not None and parquet_main is not None
        main_sink.close(key_schema())
        if parquet_main != out_path:
            export_parquet(parquet_main, out_path)
            parquet_main.unlink()
        written: dict[str, Path] = {}
        for name, sink in table_sinks.items():
            assert isinstance(sink, ParquetSink)
            written[name] = sink.close(table_schema())
        return CorpusOutput(out_path, written, errors_csv.path, main_sink.rows, n_failed,
                            time.perf_counter() - started, main_sink.rows_kept)

    assert isinstance(main_sink, MemorySink)
    df = main_sink.frame(key_schema())
    frames: dict[str, pd.DataFrame] = {}
    for name, sink in table_sinks.items():
        assert isinstance(sink, MemorySink)
        frames[name] = sink.frame(table_schema())
    frames["errors"] = pd.DataFrame(failed, columns=list(ERROR_COLUMNS))
    df.attrs["errors"] = failed
    df.attrs["tables"] = CorpusTables(frames)
    return df


def _key(item: Record | FileTask) -> tuple[str, int]:
    return (item.path, item.position) if isinstance(item, FileTask) else (item.source, item.position)


def _keep_partial(out_path: Path, parquet_main: Path, main_sink: ParquetSink,
                  table_sinks: Mapping[str, ParquetSink | MemorySink], n_finished: int, stop: BaseException) -> None:
    """A run stopped part-way: write out what was finished, so ``resume=True`` can go on from there."""
    sinks = [main_sink, *(s for s in table_sinks.values() if isinstance(s, ParquetSink))]
    if n_finished == 0:  # nothing finished in this run: nothing to keep
        for sink in sinks:
            sink.abort()
        return
    try:
        main_sink.close(key_schema())
        if parquet_main != out_path:
            export_parquet(parquet_main, out_path)
            parquet_main.unlink()
        for sink in sinks[1:]:
            sink.close(table_schema())
    except Exception as exc:  # the disk itself may be what failed: leave things as they were before this run
        for sink in sinks:
            sink.abort()
        warnings.warn(f"stopped part-way ({type(stop).__name__}), and what was finished could not be written to"
                      f" {out_path} ({type(exc).__name__}: {exc}); it holds what it held before this run", stacklevel=3)
        return
    again = " run again with resume=True to finish" if corpus_suffix(out_path) == ".parquet" else ""
    warnings.warn(f"stopped part-way ({type(stop).__name__}): {out_path} holds the {main_sink.rows} article(s)"
                  f" analysed before the stop (failures are in its errors table);{again}", stacklevel=3)


def _raise_load_errors(items: Iterator[Record | FileTask]) -> Iterator[Record | FileTask]:
    for item in items:
        if isinstance(item, Record) and item.article is None:
            raise item.error if item.error is not None else LoadError("unreadable record", path=item.source,
                                                                       line=item.position)
        yield item

