"""Loaders: one article from a file, or a corpus from many.

* :func:`load_article` reads ``.txt``, ``.html``/``.htm`` and ``.json`` files.
* :func:`iter_records` streams a corpus (JSONL, CSV, Parquet, a directory or
  glob of files) as :class:`Record` objects, one per article, each holding
  either an :class:`~mediakit.article.Article` or the :class:`LoadError` that
  stopped it, so batch work loses nothing silently.
* :func:`load_corpus` collects those records into a DataFrame.
"""

from __future__ import annotations

import glob as _glob
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article, CleaningStep
from .clean import clean_paragraphs
from .encoding import decode_bytes, detect_encoding
from .errors import InputError, LoadError

__all__ = [
    "load_article",
    "parse_text",
    "parse_html",
    "load_corpus",
    "iter_records",
    "Record",
    "article_from_row",
    "ARTICLE_SUFFIXES",
    "CORPUS_SUFFIXES",
    "DEFAULT_MAX_BYTES",
]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
#: Files larger than this are refused unless ``max_bytes`` says otherwise.
DEFAULT_MAX_BYTES = 20_000_000

PathLike = str | os.PathLike[str]
#: mediakit reads files only; it never fetches a URL.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LoadError("no such file", path=path) from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", path=path) from None
    if path.is_dir():
        raise LoadError("is a directory; use load_corpus() for a folder of articles", path=path)
    if max_bytes is not None and size > max_bytes:
        raise LoadError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (pass max_bytes= to raise it)", path=path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", path=path) from None


def _decode(path: Path, max_bytes: int | None, encoding: str | None) -> tuple[str, tuple[CleaningStep, ...], str]:
    """The file's text (mojibake repaired), the steps taken, and the text as received."""
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise LoadError("file is empty" if not data else "file contains only whitespace", path=path)
    decoded = decode_bytes(data, path=path, encoding=encoding)
    text = decoded.text
    if not text.strip():
        raise LoadError("file contains only whitespace", path=path)
    return text, decoded.steps, decoded.received if decoded.received is not None else text


def _newline_step(text: str) -> tuple[str, CleaningStep | None]:
    if "\r" not in text:
        return text, None
    n = text.count("\r")
    return (
        text.replace("\r\n", "\n").replace("\r", "\n"),
        CleaningStep("normalize_newlines", "turned Windows (\\r\\n) and old Mac (\\r) line endings into \\n", n),
    )


def _nul_step(text: str) -> tuple[str, CleaningStep | None]:
    if "\x00" not in text:
        return text, None
    n = text.count("\x00")
    return text.replace("\x00", ""), CleaningStep("remove_nul", "removed NUL characters", n)


def parse_text(text: str, *, source: str | None = None, clean: bool = True, **fields: Any) -> Article:
    """Parse plain text laid out as the bundled article: headline, standfirst, body.

    Blocks are separated by blank lines. The first block is the headline. When
    there are at least three blocks and the second is a single short-ish
    paragraph, it is the standfirst. A text without blank lines is split on
    single line breaks instead.

    >>> a = parse_text("Headline\\n\\nThe summary.\\n\\nFirst para.\\n\\nSecond , para..")
    >>> a.title, a.standfirst, a.paragraphs
    ('Headline', 'The summary.', ('First para.', 'Second, para.'))
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    raw = text
    pre_steps: list[CleaningStep] = []
    for fix in (_newline_step, _nul_step):
        text, step = fix(text)
        if step:
            pre_steps.append(step)
    if "\n\n" in text.strip():
        blocks = text.strip("\n").split("\n\n")
    else:
        blocks = text.strip().split("\n")
    blocks = [b.strip() for b in blocks]
    while blocks and not blocks[0]:
        blocks.pop(0)
    if not blocks:
        raise LoadError("no text found", path=source)
    title = " ".join(blocks[0].split())
    rest = blocks[1:]
    standfirst = ""
    nonempty = [b for b in rest if b]
    if len(nonempty) >= 2 and len(nonempty[0]) <= 400:
        idx = rest.index(nonempty[0])
        standfirst = nonempty[0]
        rest = rest[idx + 1 :]
    steps = list(fields.pop("cleaning", ()))
    steps.extend(pre_steps)
    if clean:
        paragraphs, more = clean_paragraphs(rest)
        steps.extend(more)
    else:
        paragraphs = [b for b in rest if b]
    return Article(
        title=title,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        raw=raw,
        cleaning=tuple(steps),
        source=source,
        id=fields.pop("id", source),
        **fields,
    )


def parse_html(html_text: str, *, source: str | None = None, url: str | None = None, clean: bool = True) -> Article:
    """Extract the main text and metadata of a news page with trafilatura.

    Raises:
        LoadError: no article body could be found in the page.
    """
    import trafilatura

    if not isinstance(html_text, str):
        raise InputError(f"html must be a string, not {type(html_text).__name__}")
    doc = trafilatura.bare_extraction(
        html_text,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(body.split()) < 5:  # nothing, or a stray menu word: no article here
        raise LoadError("no article body found in this HTML page", path=source)
    meta = {
        k: getattr(doc, k)
        for k in ("sitename", "hostname", "categories", "tags", "license", "language", "image", "pagetype")
        if getattr(doc, k, None)
    }
    meta["extracted_with"] = "trafilatura"
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    title = (getattr(doc, "title", None) or "").strip()
    if title and paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]
    steps: list[CleaningStep] = []
    if clean:
        paragraphs, steps = clean_paragraphs(paragraphs)
    published: Any = getattr(doc, "date", None)
    try:
        Article(published=published)
    except InputError:
        meta["unparsed_date"] = published
        published = None
    return Article(
        title=title,
        standfirst=(getattr(doc, "description", None) or "").strip(),
        paragraphs=tuple(paragraphs),
        outlet=getattr(doc, "sitename", None) or None,
        url=url or getattr(doc, "url", None) or None,
        published=published,
        author=getattr(doc, "author", None) or None,
        id=url or source,
        meta=meta,
        raw=html_text,
        cleaning=tuple(steps),
        source=source,
    )


def _article_from_mapping(data: Any, *, source: str | None, line: int | None, clean: bool) -> Article:
    if not isinstance(data, Mapping):
        raise LoadError(f"expected a JSON object for one article, got {type(data).__name__}", path=source, line=line)
    data, date_step = _set_aside_bad_date(data)
    try:
        art = Article.from_dict(data)
    except InputError as exc:
        raise LoadError(str(exc), path=source, line=line) from None
    if not (art.title.strip() or any(p.strip() for p in art.paragraphs)):
        raise LoadError("record has no title and no text", path=source, line=line)
    if date_step is not None:
        art = _with_steps(art, (date_step,))
    if clean and art.paragraphs:
        paragraphs, steps = clean_paragraphs(art.paragraphs)
        art = Article(
            title=art.title, standfirst=art.standfirst, paragraphs=tuple(paragraphs), outlet=art.outlet,
            url=art.url, published=art.published, author=art.author, meta=art.meta,
            raw=art.raw if art.raw is not None else "\n\n".join(art.paragraphs),
            cleaning=tuple(art.cleaning) + tuple(steps), source=art.source or source,
            id=art.id if art.id is not None else (f"{source}:{line}" if line else source),
        )
    return art


def _set_aside_bad_date(data: Mapping[str, Any]) -> tuple[Mapping[str, Any], CleaningStep | None]:
    """A record whose date cannot be read keeps its text: the date goes to ``meta["unparsed_date"]``."""
    for key in ("published", "date"):
        value = data.get(key)
        if value is None:
            continue
        try:
            Article(published=value)
        except InputError:
            fixed = {k: v for k, v in data.items() if k != key}
            meta = dict(data.get("meta") or {}) if isinstance(data.get("meta"), Mapping) else {}
            meta["unparsed_date"] = value if isinstance(value, (str, int, float)) else repr(value)
            fixed["meta"] = meta
            shown = str(value)[:40]
            return fixed, CleaningStep("unparsed_date", f"could not read the date {shown!r}; left it out", 1, (shown,))
        return data, None
    return data, None


def _with_steps(art: Article, steps: tuple[CleaningStep, ...]) -> Article:
    import dataclasses

    return dataclasses.replace(art, cleaning=tuple(art.cleaning) + steps)


def load_article(
    path: PathLike,
    *,
    clean: bool = True,
    encoding: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    check_language: bool = True,
    **fields: Any,
) -> Article:
    """Load one article from a ``.txt``, ``.html``/``.htm`` or ``.json`` file.

    A JSON sidecar ``<name>.meta.json`` beside a ``.txt`` file supplies
    metadata (outlet, url, published, author, and anything else as ``meta``).

    Args:
        path: the file.
        clean: repair scraping artifacts (reported in ``article.cleaning``).
        encoding: force an encoding instead of detecting it.
        max_bytes: refuse larger files (``None``: no limit).
        check_language: warn (:class:`~mediakit.errors.LanguageWarning`) when
            the article is not English, since mediakit's lexicons are.
        **fields: Article fields that override what the file says (``outlet=…``).

    Raises:
        LoadError: naming the file (and line) and what is wrong with it.

    Warns:
        LanguageWarning: the text does not look English.
    """
    if isinstance(path, str) and _URL.match(path):
        raise LoadError("is a URL; mediakit does not fetch pages: save the page and load the file", path=path)
    art = _load_article(Path(path), clean=clean, encoding=encoding, max_bytes=max_bytes, fields=fields)
    if check_language:
        from .language import check_english

        check_english(art, source=str(path))
    return art


def _load_article(
    p: Path, *, clean: bool, encoding: str | None, max_bytes: int | None, fields: dict[str, Any]
) -> Article:
    suffix = p.suffix.lower()
    if p.is_dir():
        raise LoadError("is a directory; use load_corpus() (or `mediakit corpus`) for a folder of articles", path=p)
    if suffix not in ARTICLE_SUFFIXES:
        if suffix in CORPUS_SUFFIXES:
            raise LoadError(f"{suffix} holds a corpus; use load_corpus()", path=p)
        raise LoadError(
            f"unknown file type {suffix or '(no extension)'!r}; supported: {', '.join(ARTICLE_SUFFIXES)}", path=p
        )
    text, decode_steps, received = _decode(p, max_bytes, encoding)
    source = str(p)
    if suffix == ".txt":
        sidecar = p.with_name(p.stem + ".meta.json")
        meta_fields: dict[str, Any] = {}
        if sidecar.exists():
            meta_fields = _read_sidecar(sidecar)
        meta_fields.update(fields)
        try:
            art = parse_text(text, source=source, clean=clean, cleaning=decode_steps, **meta_fields)
            return art if received is text else _with_raw(art, received)
        except InputError as exc:
            raise LoadError(str(exc), path=sidecar if sidecar.exists() else p) from None
    if suffix in (".html", ".htm"):
        art = parse_html(text, source=source, url=fields.pop("url", None), clean=clean)
        return _override(art, decode_steps, fields)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=p, line=exc.lineno) from None
    art = _article_from_mapping(data, source=source, line=None, clean=clean)
    return _override(art, decode_steps, fields)


def _with_raw(art: Article, raw: str) -> Article:
    import dataclasses

    return dataclasses.replace(art, raw=raw)


def _override(art: Article, steps: tuple[CleaningStep, ...], fields: Mapping[str, Any]) -> Article:
    if not steps and not fields:
        return art
    d = art.to_dict()
    d["cleaning"] = [s.to_dict() for s in steps] + d["cleaning"]
    d.update(fields)
    return Article.from_dict(d)


def _read_sidecar(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot read metadata sidecar: {exc}", path=path) from None
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON in metadata sidecar: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, dict):
        raise LoadError("metadata sidecar must be a JSON object", path=path)
    known = {"outlet", "url", "published", "author", "id"}
    fields = {k: data[k] for k in known if k in data}
    fields["meta"] = {k: v for k, v in data.items() if k not in known and k not in ("title", "headline")}
    return fields


# -- corpora ---------------------------------------------------------------------


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


def _resolve_files(source: PathLike) -> list[Path]:
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

    ``source`` is a ``.jsonl``/``.csv``/``.parquet`` file, a directory or glob
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
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in CORPUS_SUFFIXES and not path.exists():
        raise LoadError("no such file", path=path)
    if suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, mapping, clean, max_bytes)
    elif suffix == ".csv":
        import pandas as pd

        csv_encoding = detect_encoding(_head(path), path=path)
        try:
            reader = pd.read_csv(path, chunksize=chunksize, dtype=str, keep_default_na=False, encoding=csv_encoding,
                                 encoding_errors="replace")
            offset = 0
            for chunk in reader:
                if text_col not in chunk.columns:
                    raise LoadError(
                        f"no {text_col!r} column; columns are {list(chunk.columns)} (pass text_col=)", path=path
                    )
                yield from _iter_frame(chunk, name, mapping, clean, text_col, offset=offset)
                offset += len(chunk)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
            raise LoadError(f"cannot parse CSV: {exc}", path=path) from None
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

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
        files = _resolve_files(path)
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


def _head(path: Path, n: int = 65536) -> bytes:
    """The first ``n`` bytes of a file, to detect its encoding."""
    try:
        with path.open("rb") as fh:
            return fh.read(n)
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", path=path) from None


def _lines(path: Path, encoding: str, max_bytes: int | None) -> Iterator[bytes | str | None]:
    """Lines of a JSONL file: bytes (decoded one by one) or, for UTF-16/32, text.

    A line longer than ``max_bytes`` is not held in memory: it is skipped and
    yielded as ``None`` so the caller can report it.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        with path.open("r", encoding=encoding, errors="replace", newline="\n") as text_fh:
            yield from text_fh
        return
    with path.open("rb") as fh:
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


def _iter_jsonl(path: Path, mapping: Mapping[str, str], clean: bool, max_bytes: int | None) -> Iterator[Record]:
    name = str(path)
    encoding = detect_encoding(_head(path, 4096), path=path)
    try:
        lines = _lines(path, encoding, max_bytes)
        for i, line in enumerate(lines, start=1):
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
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", path=path) from None


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
