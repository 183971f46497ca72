"""Corpora: many articles streamed as records, from files, folders, DataFrames or iterables.

* :func:`iter_records` streams a corpus (JSONL, CSV, Parquet, each optionally
  ``.gz``/``.bz2``/``.xz`` compressed except Parquet; a directory or glob of
  article files; a DataFrame; an iterable) as :class:`Record` objects, one per
  article, each holding either an :class:`~mediakit.article.Article` or the
  :class:`LoadError` that stopped it, so batch work loses nothing silently.
* :func:`load_corpus` collects those records into a DataFrame.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article
from .encoding import decode_bytes, detect_encoding
from .errors import InputError, LoadError
from .files import (
    ARTICLE_SUFFIXES,
    CORPUS_SUFFIXES,
    DAMAGED,
    corpus_suffix,
    damage,
    head,
    lines,
    names_article_file,
    resolve_files,
)
from .io import DEFAULT_MAX_BYTES, PathLike, _article_from_mapping, load_article

__all__ = ["Record", "iter_records", "load_corpus", "article_from_row"]


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a corpus, or the reason it could not be read.

    ``position`` is the 1-based line (JSONL), row (CSV/Parquet) or file
    number (directories); ``source`` the file it came from.
    """

    source: str
    position: int
    article: Article | None
    error: LoadError | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def _columns(text_col: str, title_col: str, id_col: str, date_col: str) -> dict[str, str]:
    return {text_col: "text", title_col: "title", id_col: "id", date_col: "published"}


def _rename(row: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, float) and v != v:  # NaN from pandas means missing
            v = None
        out[mapping.get(k, k)] = v
    return out


def iter_records(
    source: PathLike | Iterable[Any],
    *,
    text_col: str = "text",
    title_col: str = "title",
    id_col: str = "id",
    date_col: str = "published",
    clean: bool = True,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    chunksize: int = 10_000,
) -> Iterator[Record]:
    """Stream a corpus as :class:`Record` objects without holding it in memory.

    ``source`` is a ``.jsonl``/``.csv``/``.parquet`` file (JSONL and CSV may be
    ``.gz``, ``.bz2`` or ``.xz`` compressed: read as a stream, and a file
    damaged part-way gives its records up to the damage and one error record
    for the rest), a directory or glob
    of ``.txt``/``.html``/``.json`` files, a pandas DataFrame, or an iterable
    of :class:`Article` objects, dicts or article files (``Path`` objects, or
    strings naming an existing ``.txt``/``.html``/``.json`` file: see
    :func:`names_article_file`). Column names are configurable.
    A record that cannot be read yields a Record with ``error`` set; reading
    goes on with the next one.
    """
    mapping = _columns(text_col, title_col, id_col, date_col)
    if _is_dataframe(source):
        yield from _iter_frame(source, "<DataFrame>", mapping, clean, text_col, offset=0)
        return
    if not isinstance(source, (str, os.PathLike)):
        if not isinstance(source, Iterable):
            raise InputError(f"cannot read a corpus from {type(source).__name__}")
        for i, item in enumerate(source, start=1):
            if isinstance(item, Article):
                yield Record("<iterable>", i, item)
            elif names_article_file(item):
                try:
                    yield Record(str(item), i, load_article(item, clean=clean, max_bytes=max_bytes))
                except LoadError as exc:
                    yield Record(str(item), i, None, exc)
            else:
                try:
                    data = _rename(item, mapping) if isinstance(item, Mapping) else item
                    yield Record("<iterable>", i, _article_from_mapping(data, source="<iterable>", line=i, clean=clean))
                except LoadError as exc:
                    yield Record("<iterable>", i, None, exc)
        return
    path = Path(source)
    suffix = corpus_suffix(path)
    name = str(path)
    if suffix in CORPUS_SUFFIXES and not path.exists():
        raise LoadError("no such file", path=path)
    if suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, mapping, clean, max_bytes)
    elif suffix == ".csv":
        yield from _iter_csv(path, mapping, clean, text_col, chunksize)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        if path.suffix.lower() != ".parquet":
            raise LoadError("is a compressed Parquet file; Parquet compresses its own columns: unpack it first",
                            path=path)
        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for a bad file
            raise LoadError(f"cannot read Parquet: {exc}", path=path) from None
        if text_col not in pf.schema_arrow.names:
            raise LoadError(f"no {text_col!r} column; columns are {pf.schema_arrow.names} (pass text_col=)", path=path)
        offset = 0
        for batch in pf.iter_batches(batch_size=chunksize):
            frame = batch.to_pandas()
            yield from _iter_frame(frame, name, mapping, clean, text_col, offset=offset)
            offset += len(frame)
    else:
        files = resolve_files(path)
        if not files:
            raise LoadError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) found", path=path)
        if len(files) == 1 and files[0] == path and not path.exists():
            raise LoadError("no such file or directory", path=path)
        for i, f in enumerate(files, start=1):
            try:
                yield Record(str(f), i, load_article(f, clean=clean, max_bytes=max_bytes, check_language=False))
            except LoadError as exc:
                yield Record(str(f), i, None, exc)


def _is_dataframe(obj: Any) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "iterrows")


def _iter_frame(frame: Any, name: str, mapping: Mapping[str, str], clean: bool, text_col: str, *, offset: int) -> Iterator[Record]:
    if text_col not in frame.columns and "paragraphs" not in frame.columns:
        raise LoadError(f"no {text_col!r} column; columns are {list(frame.columns)} (pass text_col=)", path=name)
    for i, row in enumerate(frame.to_dict("records"), start=offset + 1):
        data = _rename(row, mapping)
        try:
            yield Record(name, i, _article_from_mapping(data, source=name, line=i, clean=clean))
        except LoadError as exc:
            yield Record(name, i, None, exc)


def _iter_csv(path: Path, mapping: Mapping[str, str], clean: bool, text_col: str, chunksize: int) -> Iterator[Record]:
    import pandas as pd

    name = str(path)
    csv_encoding = detect_encoding(head(path), path=path)
    offset = 0
    try:
        reader = pd.read_csv(path, chunksize=chunksize, dtype=str, keep_default_na=False, encoding=csv_encoding,
                             encoding_errors="replace", compression="infer")
        for chunk in reader:
            if text_col not in chunk.columns:
                raise LoadError(f"no {text_col!r} column; columns are {list(chunk.columns)} (pass text_col=)", path=path)
            yield from _iter_frame(chunk, name, mapping, clean, text_col, offset=offset)
            offset += len(chunk)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot parse CSV: {exc}", path=path) from None
    except DAMAGED as exc:  # unreadable, or a compressed file damaged part-way through
        if offset == 0 and not isinstance(exc, EOFError):
            raise LoadError(f"cannot read: {damage(exc)}", path=path) from None
        yield _unread_rest(name, offset, exc)


def _unread_rest(name: str, done: int, exc: BaseException) -> Record:
    """The error record for the part of a file that could not be read after ``done`` records."""
    reason = f"{damage(exc)}: records after {done:,} could not be read"
    return Record(name, done + 1, None, LoadError(reason, path=name, line=done + 1))


def _iter_jsonl(path: Path, mapping: Mapping[str, str], clean: bool, max_bytes: int | None) -> Iterator[Record]:
    name = str(path)
    encoding = detect_encoding(head(path, 4096), path=path)
    i = 0
    try:
        for i, line in enumerate(lines(path, encoding, max_bytes), start=1):
            if line is not None and not line.strip():
                continue
            try:
                if line is None:
                    raise LoadError(f"record is over the limit of {max_bytes:,} bytes (pass max_bytes= to raise it)")
                text = line if isinstance(line, str) else decode_bytes(line, path=name).text
                data = json.loads(text)
                yield Record(name, i, _article_from_mapping(_rename(data, mapping) if isinstance(data, dict) else data,
                                                            source=name, line=i, clean=clean))
            except json.JSONDecodeError as exc:
                yield Record(name, i, None, LoadError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=name, line=i))
            except LoadError as exc:
                yield Record(name, i, None, LoadError(exc.reason, path=name, line=i))
    except DAMAGED as exc:  # unreadable, or a compressed file damaged part-way through
        if i == 0 and isinstance(exc, OSError) and exc.strerror:
            raise LoadError(f"cannot read: {exc.strerror}", path=path) from None
        yield _unread_rest(name, i, exc)


def article_from_row(row: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`Article` from a row of :func:`load_corpus`."""
    data = _rename(row, {})
    return Article.from_dict(data)


def load_corpus(
    source: PathLike | Iterable[Any],
    *,
    text_col: str = "text",
    title_col: str = "title",
    id_col: str = "id",
    date_col: str = "published",
    clean: bool = True,
    errors: str = "collect",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Any:
    """Load a corpus into a DataFrame, one row per article.

    Columns: ``id, title, standfirst, text, outlet, url, published, author,
    source, position, n_words``. Records that could not be read are listed in
    ``df.attrs["errors"]`` (a list of ``{"source", "position", "reason"}``) and
    a warning says how many; with ``errors="raise"`` the first one is raised.

    Examples:
        >>> df = load_corpus([{"title": "A", "text": "One.\\n\\nTwo."}, {"text": ""}])
        >>> len(df), df.attrs["errors"][0]["position"]
        (1, 2)
    """
    import pandas as pd

    if errors not in ("collect", "raise"):
        raise InputError(f"errors={errors!r} is invalid; it must be one of: 'collect', 'raise'")
    rows: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for rec in iter_records(source, text_col=text_col, title_col=title_col, id_col=id_col, date_col=date_col,
                            clean=clean, max_bytes=max_bytes):
        if rec.article is None:
            assert rec.error is not None
            if errors == "raise":
                raise rec.error
            failed.append({"source": rec.source, "position": rec.position, "reason": rec.error.reason})
            continue
        a = rec.article
        rows.append({
            "id": a.id if a.id is not None else f"{rec.source}:{rec.position}",
            "title": a.title,
            "standfirst": a.standfirst,
            "text": a.body,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published,
            "author": a.author,
            "source": rec.source,
            "position": rec.position,
            "n_words": a.n_words,
        })
    cols = ["id", "title", "standfirst", "text", "outlet", "url", "published", "author", "source", "position", "n_words"]
    df = pd.DataFrame(rows, columns=cols)
    df.attrs["errors"] = failed
    if failed:
        warnings.warn(f"{len(failed)} record(s) could not be read; see df.attrs['errors']", stacklevel=2)
    return df
