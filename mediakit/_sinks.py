"""Where analyze_corpus puts its results: Parquet written incrementally, or Arrow tables kept in memory.

Both sinks take the same Arrow tables and unify their schemas the same way, so a
corpus streamed to a file and one returned as a DataFrame hold identical values.
The errors table is a CSV appended as errors arrive; :func:`export` streams a
finished Parquet file out as CSV or JSON Lines.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

#: Columns of the errors table, in order.
ERROR_COLUMNS = ("source", "position", "id", "stage", "reason")
#: Rows per Parquet row group (and per batch when exporting).
ROW_GROUP_ROWS = 4096


def to_arrow(frame: pd.DataFrame) -> pa.Table:
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

    def __init__(self, flush: Callable[[pa.Table], None], rows: int = ROW_GROUP_ROWS) -> None:
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


class ParquetSink:
    """One Parquet file written a row group at a time with a stable schema.

    A later chunk that brings a new column, or a type that does not fit
    (a column that was all missing, ints that become floats), starts a new
    part file with the widened schema; at the end the parts are merged,
    streaming, into one file with the final schema. Nothing is dropped.
    """

    def __init__(self, path: Path, *, rows: int = ROW_GROUP_ROWS, resume: bool = False) -> None:
        """With ``resume``, an existing file at ``path`` becomes the first part: new rows are added after it."""
        self.path = path
        self.parts: list[Path] = []
        self.schema: pa.Schema | None = None
        self.rows = 0
        self.rows_kept = 0
        self._kept: Path | None = None
        self._writer: Any = None
        self._buffer = _Buffer(self._write, rows)
        if resume and path.exists():
            import pyarrow.parquet as pq

            try:
                meta = pq.ParquetFile(path)
                self.schema, self.rows_kept = meta.schema_arrow.remove_metadata(), meta.metadata.num_rows
            except Exception as exc:  # pyarrow raises several types for a bad file
                from .errors import LoadError

                raise LoadError(f"cannot resume from it: {exc}", path=path) from None
            self.rows = self.rows_kept
            self._kept = self._part_name(0)
            os.replace(path, self._kept)
            self.parts.append(self._kept)

    def _part_name(self, k: int) -> Path:
        return self.path.with_name(f".{self.path.name}.part{k}")

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
        if self.schema is not None:  # a column or type the earlier part(s) lack: a new part, widened schema
            schema = _unify([self.schema, table.schema])
        else:
            schema = table.schema.remove_metadata()
        fitted = _conform(table, schema)
        assert fitted is not None
        part = self._part_name(len(self.parts))
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
                    for batch in pq.ParquetFile(part).iter_batches(batch_size=ROW_GROUP_ROWS):
                        import pyarrow as pa

                        fitted = _conform(pa.Table.from_batches([batch]), self.schema)
                        assert fitted is not None
                        writer.write_table(fitted)
            for part in self.parts:
                part.unlink()
        return self.path

    def abort(self) -> None:
        """Remove what this run wrote; a file kept from an earlier run goes back where it was."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        for part in self.parts:
            if part == self._kept:
                if part.exists():
                    os.replace(part, self.path)
            else:
                part.unlink(missing_ok=True)


class MemorySink:
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


class ErrorsCsv:
    """The errors table appended to a CSV file as errors arrive."""

    def __init__(self, path: Path, *, append: bool = False) -> None:
        self.path = path
        keep = append and path.exists() and path.stat().st_size > 0
        self._fh = path.open("a" if keep else "w", newline="", encoding="utf-8")
        self._writer = csv.DictWriter(self._fh, fieldnames=list(ERROR_COLUMNS))
        if not keep:
            self._writer.writeheader()

    def add(self, errors: list[dict[str, Any]]) -> None:
        self._writer.writerows(errors)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def key_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("source", pa.string()), ("position", pa.int64())])


def table_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("article_id", pa.string())])


def sibling(output: Path, name: str, suffix: str = ".parquet") -> Path:
    """``<stem>.<name><suffix>`` beside ``output`` (``news.csv.gz`` -> ``news.quotes.parquet``)."""
    from .files import strip_suffixes

    return output.with_name(f"{strip_suffixes(output)}.{name}{suffix}")


def export(parquet: Path, target: Path) -> None:
    """Stream a Parquet file out as CSV or JSON Lines (gzip/bzip2/xz compressed by ``target``'s suffix)."""
    import pyarrow.parquet as pq

    from .files import corpus_suffix, open_text_write

    suffix = corpus_suffix(target)
    with open_text_write(target) as fh:
        first = True
        for batch in pq.ParquetFile(parquet).iter_batches(batch_size=ROW_GROUP_ROWS):
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


def written_keys(output: Path, errors_csv: Path) -> set[tuple[str, int]]:
    """``(source, position)`` of every article an earlier run wrote to ``output`` or listed in ``errors_csv``."""
    import pyarrow.parquet as pq

    keys: set[tuple[str, int]] = set()
    if output.exists():
        try:
            table = pq.read_table(output, columns=["source", "position"])
        except Exception as exc:  # pyarrow raises several types for a bad file
            from .errors import LoadError

            raise LoadError(f"cannot resume from it: {exc}", path=output) from None
        keys.update(zip(table.column("source").to_pylist(), table.column("position").to_pylist()))
    if errors_csv.exists():
        with errors_csv.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("position", "").isdigit():
                    keys.add((row["source"], int(row["position"])))
    return keys
