"""Word lists shipped as data files under ``mediakit/lexicons/``, loaded once.

File format (``.txt`` or ``.tsv``): one entry per line, ``#`` starts a
comment, blank lines are ignored; a ``.tsv`` has tab-separated columns and
a header line naming them. Every file has its source and licence in
``lexicons/README.md``. Users can pass their own file path wherever a
lexicon name is accepted.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from .errors import LoadError

__all__ = ["LEXICON_DIR", "load_wordlist", "load_table", "lexicon_path"]

LEXICON_DIR = Path(__file__).parent / "lexicons"


def lexicon_path(name_or_path: str | Path) -> Path:
    """A shipped lexicon by name (``"hedges"``), or a user's file by path."""
    p = Path(name_or_path)
    if p.suffix and p.exists():
        return p
    for suffix in (".txt", ".tsv", ".json"):
        candidate = LEXICON_DIR / f"{name_or_path}{suffix}"
        if candidate.exists():
            return candidate
    if p.exists():
        return p
    shipped = sorted(f.stem for f in LEXICON_DIR.glob("*.*") if f.suffix in (".txt", ".tsv", ".json"))
    raise LoadError(f"no lexicon named {str(name_or_path)!r}; shipped lexicons: {', '.join(shipped)}", path=name_or_path)


def _lines(path: Path) -> list[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot read lexicon: {exc}", path=path) from None
    out = []
    for i, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            out.append((i, line))
    return out


@functools.cache
def load_wordlist(name_or_path: str | Path) -> tuple[str, ...]:
    """Entries of a one-column lexicon, lower-cased, in file order."""
    path = lexicon_path(name_or_path)
    return tuple(line.strip().lower() for _, line in _lines(path))


@functools.cache
def load_table(name_or_path: str | Path) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated lexicon as dicts keyed by its header line (missing trailing cells are ``""``)."""
    path = lexicon_path(name_or_path)
    lines = _lines(path)
    if not lines:
        return ()
    header = [h.strip() for h in lines[0][1].split("\t")]
    rows = []
    for lineno, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t"))
        cells += [""] * (len(header) - len(cells))  # empty trailing cells are optional
        if len(cells) != len(header):
            raise LoadError(f"expected {len(header)} tab-separated columns ({', '.join(header)}), got {len(cells)}",
                            path=path, line=lineno)
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return tuple(rows)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation matching exactly ``words``, as a prefix tree: ``pre(?:sident|mier)``.

    The engine follows one path letter by letter instead of trying each word.
    Where one word is a prefix of another, the longer is tried first (greedy
    ``?``), so put a boundary after the pattern where that matters.

    >>> trie_pattern(["president", "premier", "pre"])
    'pre(?:mier|sident)?'
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return build(trie)
