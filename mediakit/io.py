"""Loaders for one article: :func:`load_article` reads ``.txt``, ``.html``/``.htm``
and ``.json`` files; :func:`parse_text` and :func:`parse_html` read strings.

Corpora (:func:`iter_records`, :func:`load_corpus`) live in :mod:`mediakit.records`
and stay importable from here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .article import Article, CleaningStep
from .clean import clean_paragraphs
from .encoding import decode_bytes
from .errors import InputError, LoadError
from .files import ARTICLE_SUFFIXES, CORPUS_SUFFIXES, compression, corpus_suffix

__all__ = [
    "load_article",
    "parse_text",
    "parse_html",
    "ARTICLE_SUFFIXES",
    "CORPUS_SUFFIXES",
    "DEFAULT_MAX_BYTES",
]

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
        if corpus_suffix(p) in CORPUS_SUFFIXES:
            raise LoadError(f"{''.join(p.suffixes[-2:]) if compression(p) else suffix} holds a corpus; use load_corpus()",
                            path=p)
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


# Corpora live in mediakit.records; these names stay importable from here.
_MOVED = ("Record", "article_from_row", "iter_records", "load_corpus")


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        from . import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
