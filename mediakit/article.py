"""The Article model and the small span types that point into it.

An :class:`Article` keeps the text exactly as received (``raw``) and a
canonical text (``text``) built from its parts: headline, standfirst and body
paragraphs, separated by blank lines. Every derived unit (paragraph, sentence,
token, quote, cue) carries ``start``/``end`` character offsets into that one
canonical text, so ``article.text[start:end]`` is always the evidence.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from .errors import InputError

__all__ = ["Article", "Paragraph", "Sentence", "Token", "CleaningStep", "Role", "PARAGRAPH_SEP"]

Role = Literal["headline", "standfirst", "body"]
PARAGRAPH_SEP = "\n\n"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the canonical text, with its role in the article."""

    index: int
    role: Role
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence; ``paragraph`` is the index of the paragraph it lies in."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class CleaningStep:
    """One kind of repair the loader applied, how often, and examples of it."""

    name: str
    description: str
    count: int
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "count": self.count,
            "examples": list(self.examples),
        }


# Dates as news sites and feeds write them, besides ISO 8601 (tried in this order).
_DATE_FORMATS = (
    "%B %d, %Y",  # October 28, 2024
    "%b %d, %Y",  # Oct 28, 2024
    "%b. %d, %Y",  # Oct. 28, 2024
    "%d %B %Y",  # 28 October 2024
    "%d %b %Y",  # 28 Oct 2024
    "%A, %B %d, %Y",  # Monday, October 28, 2024
    "%A %d %B %Y",  # Monday 28 October 2024
    "%Y/%m/%d",
    "%Y.%m.%d",
)


def _as_date(value: Any, field_name: str = "published") -> _dt.date | None:
    """A date (or datetime) from a date, an ISO string, an RFC 2822 feed date or a written-out date.

    Numeric day/month orders other than year first (``03/04/2024``) are
    ambiguous and refused rather than guessed.

    >>> _as_date("2024-10-28"), _as_date("October 28, 2024"), _as_date("28 Oct 2024")
    (datetime.date(2024, 10, 28), datetime.date(2024, 10, 28), datetime.date(2024, 10, 28))
    >>> _as_date("Mon, 28 Oct 2024 10:15:00 GMT").isoformat()
    '2024-10-28T10:15:00+00:00'
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, _dt.date):  # datetime is a date too
        return value
    if isinstance(value, str) and value.strip():
        text = " ".join(value.split())
        try:
            if len(text) == 10 and text[4] == "-":  # a date without a time stays a date
                return _dt.date.fromisoformat(text)
            return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        if len(text) <= 64:
            try:
                from email.utils import parsedate_to_datetime

                return parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                pass
            for fmt in _DATE_FORMATS:
                try:
                    return _dt.datetime.strptime(text, fmt).date()
                except ValueError:
                    continue
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise InputError(f"{field_name}={shown} is not a date mediakit can read (e.g. 2024-10-28 or October 28, 2024)")


def _optional_text(value: Any, name: str, *, numbers: bool = True) -> str | None:
    """A string field of a record: ``None`` stays missing, a number becomes its digits, anything else is refused."""
    if value is None or isinstance(value, str):
        return value
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"field {name!r} must be a string, not {type(value).__name__}")


def _text_field(value: Any, name: str) -> str:
    return _optional_text(value, name) or ""


def _cleaning_steps(value: Any) -> tuple[CleaningStep, ...]:
    """``cleaning`` as :meth:`Article.to_dict` writes it: a list of ``{name, description, count, examples}``."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise InputError(f"field 'cleaning' must be a list of steps, not {type(value).__name__}")
    steps = []
    for i, c in enumerate(value):
        if isinstance(c, CleaningStep):
            steps.append(c)
            continue
        if not isinstance(c, Mapping) or not isinstance(c.get("name"), str):
            raise InputError(f"field 'cleaning'[{i}] must be an object with a 'name' string")
        count, examples = c.get("count", 0), c.get("examples", ())
        if not isinstance(count, int) or isinstance(count, bool) or not isinstance(examples, (list, tuple)):
            raise InputError(f"field 'cleaning'[{i}] needs an integer 'count' and a list of 'examples'")
        steps.append(CleaningStep(c["name"], str(c.get("description", "")), count, tuple(map(str, examples))))
    return tuple(steps)


@dataclass(frozen=True)
class Article:
    """A news article: headline, standfirst, body paragraphs and metadata.

    Args:
        title: the headline.
        standfirst: the summary line under the headline (may be empty).
        paragraphs: body paragraphs, cleaned.
        outlet, url, author: provenance, where known.
        published: publication date or datetime, where known.
        id: a stable identifier (defaults to the source path or URL).
        meta: free metadata (notes, inferred fields, anything the loader found).
        raw: the text exactly as received, before any cleaning.
        cleaning: the cleaning steps the loader applied to ``raw``.
        source: where it was read from (a path, ``"<string>"``, a URL).

    Examples:
        >>> a = Article(title="Storm hits coast", paragraphs=("Winds rose.", "Homes flooded."))
        >>> a.text
        'Storm hits coast\\n\\nWinds rose.\\n\\nHomes flooded.'
        >>> [(p.role, p.start, p.end) for p in a.parts]
        [('headline', 0, 16), ('body', 18, 29), ('body', 31, 45)]
    """

    title: str = ""
    standfirst: str = ""
    paragraphs: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    author: str | None = None
    id: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)
    raw: str | None = field(default=None, repr=False)
    cleaning: tuple[CleaningStep, ...] = field(default=(), repr=False)
    source: str | None = None

    def __post_init__(self) -> None:
        for name in ("title", "standfirst"):
            if not isinstance(getattr(self, name), str):
                raise InputError(f"Article.{name} must be a string, not {type(getattr(self, name)).__name__}")
        paragraphs = self.paragraphs
        if isinstance(paragraphs, str):
            raise InputError("Article.paragraphs must be a sequence of strings, not one string")
        paragraphs = tuple(paragraphs)
        for i, p in enumerate(paragraphs):
            if not isinstance(p, str):
                raise InputError(f"Article.paragraphs[{i}] must be a string, not {type(p).__name__}")
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "published", _as_date(self.published))
        object.__setattr__(self, "cleaning", tuple(self.cleaning))
        object.__setattr__(self, "meta", dict(self.meta or {}))

    # -- canonical text ----------------------------------------------------
    @cached_property
    def parts(self) -> tuple[Paragraph, ...]:
        """Headline, standfirst and body paragraphs with offsets into :attr:`text`."""
        units: list[tuple[Role, str]] = []
        if self.title:
            units.append(("headline", self.title))
        if self.standfirst:
            units.append(("standfirst", self.standfirst))
        units.extend(("body", p) for p in self.paragraphs if p)
        out: list[Paragraph] = []
        pos = 0
        for i, (role, text) in enumerate(units):
            out.append(Paragraph(i, role, pos, pos + len(text), text))
            pos += len(text) + len(PARAGRAPH_SEP)
        return tuple(out)

    @cached_property
    def text(self) -> str:
        """The canonical text: every offset mediakit reports points into it."""
        return PARAGRAPH_SEP.join(p.text for p in self.parts)

    @property
    def body(self) -> str:
        """Body paragraphs only, joined by blank lines."""
        return PARAGRAPH_SEP.join(p for p in self.paragraphs if p)

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    # -- conversions ---------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` reverses it."""
        return {
            "id": self.id,
            "title": self.title,
            "standfirst": self.standfirst,
            "paragraphs": list(self.paragraphs),
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "author": self.author,
            "meta": dict(self.meta),
            "raw": self.raw,
            "cleaning": [c.to_dict() for c in self.cleaning],
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from a dict such as :meth:`to_dict` gives.

        ``paragraphs`` may be a list, or a ``text``/``body`` string whose
        paragraphs are separated by blank lines.
        """
        if not isinstance(data, Mapping):
            raise InputError(f"an article must be a JSON object (dict), not {type(data).__name__}")
        known = {"id", "title", "standfirst", "paragraphs", "outlet", "url", "published",
                 "author", "meta", "raw", "cleaning", "source", "text", "body", "headline",
                 "date", "description"}
        paragraphs = data.get("paragraphs")
        if paragraphs is None:
            body = data.get("text")
            if body is None:  # missing, or a null cell of a table
                body = data.get("body")
            if body is None:
                body = ""
            if not isinstance(body, str):
                raise InputError(f"field 'text' must be a string, not {type(body).__name__}")
            paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
        elif isinstance(paragraphs, str):
            paragraphs = [paragraphs]
        elif not isinstance(paragraphs, (list, tuple)):
            raise InputError(f"field 'paragraphs' must be a list of strings, not {type(paragraphs).__name__}")
        raw_meta = data.get("meta")
        if raw_meta is not None and not isinstance(raw_meta, Mapping):
            raise InputError(f"field 'meta' must be an object (dict), not {type(raw_meta).__name__}")
        meta = dict(raw_meta or {})
        meta.update({k: v for k, v in data.items() if k not in known})
        title = data.get("title")
        if title is None:
            title = data.get("headline")
        standfirst = data.get("standfirst")
        if standfirst is None:
            standfirst = data.get("description")
        published = data.get("published")
        if published is None:
            published = data.get("date")
        return cls(
            title=_text_field(title, "title"),
            standfirst=_text_field(standfirst, "standfirst"),
            paragraphs=tuple(paragraphs),
            outlet=_optional_text(data.get("outlet"), "outlet"),
            url=_optional_text(data.get("url"), "url"),
            published=published,
            author=_optional_text(data.get("author"), "author"),
            id=_optional_text(data.get("id"), "id"),
            meta=meta,
            raw=_optional_text(data.get("raw"), "raw", numbers=False),
            cleaning=_cleaning_steps(data.get("cleaning")),
            source=_optional_text(data.get("source"), "source"),
        )

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Article:
        """An article whose paragraphs are the blank-line-separated blocks of ``text``."""
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        paragraphs = tuple(p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip())
        return cls(paragraphs=paragraphs, raw=text, **fields)

    # -- display ---------------------------------------------------------------
    def __repr__(self) -> str:
        title = self.title if len(self.title) <= 60 else self.title[:57] + "..."
        bits = [f"title={title!r}"]
        if self.outlet:
            bits.append(f"outlet={self.outlet!r}")
        if self.published:
            bits.append(f"published={self.published.isoformat()[:10]}")
        bits.append(f"paragraphs={len(self.paragraphs)}")
        bits.append(f"words={self.n_words}")
        return f"Article({', '.join(bits)})"

    def _repr_html_(self, max_paragraphs: int = 6) -> str:
        esc = html.escape
        meta = " · ".join(
            esc(str(x))
            for x in (self.outlet, self.published.isoformat()[:10] if self.published else None, self.author)
            if x
        )
        body = "".join(f"<p>{esc(p)}</p>" for p in self.paragraphs[:max_paragraphs])
        more = len(self.paragraphs) - max_paragraphs
        if more > 0:
            body += f"<p><em>… {more} more paragraph{'s' if more > 1 else ''}</em></p>"
        steps = ""
        if self.cleaning:
            items = "".join(f"<li>{esc(c.name)} ×{c.count}: {esc(c.description)}</li>" for c in self.cleaning)
            steps = f"<details><summary>cleaning applied ({len(self.cleaning)})</summary><ul>{items}</ul></details>"
        stand = f"<p><strong>{esc(self.standfirst)}</strong></p>" if self.standfirst else ""
        return (
            '<div class="mediakit-article">'
            f"<h3>{esc(self.title) or '<em>(untitled)</em>'}</h3>"
            f"<div><small>{meta}</small></div>{stand}{body}{steps}</div>"
        )
