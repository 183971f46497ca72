"""Finding and opening the files of a corpus: folders, globs and compressed files.

A corpus file may be compressed: ``news.jsonl.gz``, ``news.csv.bz2`` and
``news.ndjson.xz`` are read as a stream (Python's own ``gzip``, ``bz2`` and
``lzma``), never unpacked to disk or into memory as a whole. The kind of a
file is the suffix under the compression suffix (:func:`corpus_suffix`).
"""

from __future__ import annotations

import bz2
import glob as _glob
import gzip
import io
import lzma
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

from .errors import LoadError

__all__ = ["ARTICLE_SUFFIXES", "CORPUS_SUFFIXES", "COMPRESSION_SUFFIXES", "DAMAGED", "corpus_suffix", "names_article_file"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
#: Compression suffixes read as streams (gzip, bzip2, xz).
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz")
#: What reading a damaged or unreadable file raises (gzip's BadGzipFile and bz2's errors are OSErrors).
DAMAGED: tuple[type[BaseException], ...] = (EOFError, OSError, zlib.error, lzma.LZMAError)


def corpus_suffix(path: Path) -> str:
    """The file's kind with any compression suffix removed, lower-cased.

    >>> corpus_suffix(Path("news.JSONL.gz")), corpus_suffix(Path("a.csv")), corpus_suffix(Path("b.gz"))
    ('.jsonl', '.csv', '.gz')
    """
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] in COMPRESSION_SUFFIXES:
        return suffixes[-2]
    return path.suffix.lower()


def compression(path: Path) -> str | None:
    """The compression suffix of a corpus file (``".gz"``), or ``None``."""
    suffix = path.suffix.lower()
    return suffix if suffix in COMPRESSION_SUFFIXES and corpus_suffix(path) != suffix else None


def open_binary(path: Path) -> io.BufferedIOBase:
    """Open a corpus file for reading bytes, decompressing as it is read."""
    comp = compression(path)
    try:
        if comp == ".gz":
            return gzip.open(path, "rb")
        if comp == ".bz2":
            return bz2.open(path, "rb")
        if comp == ".xz":
            return lzma.open(path, "rb")
        return path.open("rb")
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", path=path) from None


def open_text_write(path: Path) -> io.TextIOBase:
    """Open an output file for writing UTF-8 text, compressed when its name ends in a compression suffix."""
    comp = compression(path)
    if comp == ".gz":
        return cast(io.TextIOBase, gzip.open(path, "wt", encoding="utf-8", newline=""))
    if comp == ".bz2":
        return cast(io.TextIOBase, bz2.open(path, "wt", encoding="utf-8", newline=""))
    if comp == ".xz":
        return cast(io.TextIOBase, lzma.open(path, "wt", encoding="utf-8", newline=""))
    return cast(io.TextIOBase, path.open("w", encoding="utf-8", newline=""))


def strip_suffixes(path: Path) -> str:
    """The file name without its kind and compression suffixes: ``news.csv.gz`` -> ``news``.

    >>> strip_suffixes(Path("out/news.csv.gz")), strip_suffixes(Path("rows.parquet")), strip_suffixes(Path("x"))
    ('news', 'rows', 'x')
    """
    name = path.name
    if compression(path):
        name = name[: -len(path.suffix)]
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix else name


def head(path: Path, n: int = 65536) -> bytes:
    """The first ``n`` bytes of a file (decompressed), to detect its encoding."""
    try:
        with open_binary(path) as fh:
            return fh.read(n)
    except DAMAGED as exc:
        raise LoadError(f"cannot read: {damage(exc)}", path=path) from None


def damage(exc: BaseException) -> str:
    """A reader's words for what a damaged or unreadable file raised."""
    if isinstance(exc, EOFError):
        return "the compressed file is truncated"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"the compressed file is damaged ({exc})"


def lines(path: Path, encoding: str, max_bytes: int | None) -> Iterator[bytes | str | None]:
    """Lines of a JSONL file: bytes (decoded one by one) or, for UTF-16/32, text.

    A line longer than ``max_bytes`` is not held in memory: it is skipped and
    yielded as ``None`` so the caller can report it. A damaged compressed
    file raises what its library raises (see :func:`damage`) at the point
    reading fails, after the lines before it.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        with io.TextIOWrapper(cast(BinaryIO, open_binary(path)), encoding=encoding, errors="replace", newline="\n") as text_fh:
            yield from text_fh
        return
    with open_binary(path) as fh:
        limit = -1 if max_bytes is None else max_bytes + 1
        while True:
            line = fh.readline(limit)
            if not line:
                return
            if max_bytes is not None and len(line) > max_bytes and not line.endswith(b"\n"):
                while True:  # skip the rest of the over-long line
                    more = fh.readline(1 << 20)
                    if not more or more.endswith(b"\n"):
                        break
                yield None
                continue
            yield line


def resolve_files(source: str | os.PathLike[str]) -> list[Path]:
    """The article files a folder (recursively) or glob names, sorted; a plain path as itself."""
    s = str(source)
    if any(ch in s for ch in "*?["):
        files = sorted(Path(f) for f in _glob.glob(s, recursive=True))
    elif Path(s).is_dir():
        files = sorted(f for f in Path(s).rglob("*") if f.is_file())
    else:
        return [Path(s)]
    return [f for f in files if f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.endswith(".meta.json")]


def names_article_file(item: object) -> bool:
    """Whether an item of an iterable source is an article file rather than article text.

    A ``Path`` (any ``os.PathLike``) always is; a string is when it has no
    whitespace, ends in an article suffix and names an existing file (a
    one-word "article" that happens to be a path is far likelier a path).

    >>> names_article_file("The minister said no.txt"), names_article_file(Path("a.txt"))
    (False, True)
    """
    if isinstance(item, os.PathLike):
        return True
    return (
        isinstance(item, str)
        and item.lower().endswith(ARTICLE_SUFFIXES)
        and not any(ch.isspace() for ch in item)
        and os.path.isfile(item)
    )
