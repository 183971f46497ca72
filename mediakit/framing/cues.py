"""Epistemic and distancing cues, and the sources a text cites.

Cues are the words by which a writer takes distance from a claim or vouches
for it: hedges and attribution of doubt ("alleged", "purportedly",
"reportedly", "so-called", "is believed to", "may have"), boosters
("clearly", "in fact"), non-substantiation ("did not elaborate", "declined to
comment", "has reached out to ... for comment", "could not be independently
verified") and anonymous sourcing ("on condition of anonymity"). They come
from the lexicon ``mediakit/lexicons/cues.tsv`` (columns ``pattern``,
``category``, ``note``; the pattern syntax is described in
:mod:`mediakit.framing._match`), and users can pass their own.

Sources are who or what the text cites: "according to X", "X reported",
"told X", "in an interview with X", "X said in a statement", "citing X", and
news outlets named anywhere (``mediakit/lexicons/sources.tsv``).

Limits (rules over words, no parser):

* A word's sense is read from a few neighbouring words only. "Believed" fires
  in "is believed to" or "believed now to" but not in "believed in God" nor in
  "Trump believed the report"; "claimed" fires as a reporting verb but not in
  "claimed responsibility" or "claimed the lives". "Refused to" fires on any
  refusal ("refused to leave"), and "did not say" on plain reported speech.
* Cues inside quotations are the speaker's, not the writer's: they are found
  all the same; join with the quotes to tell them apart.
* Source names are noun phrases cut at punctuation and function words, so a
  long description ("an index sourced from the Armed Forces of Ukraine") is
  cut to its head ("an index"). Pronoun recipients of "told" are dropped.
"""

from __future__ import annotations

import bisect
import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..errors import InputError
from ._match import Pattern, PatternSet, compile_pattern, read_rows, shipped_file
from ._tokens import WordToken, text_words

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Cue",
    "CueLexicon",
    "Source",
    "find_cues",
    "cues_table",
    "find_sources",
    "sources_table",
    "load_cues",
]

_COLUMNS = ("pattern", "category", "note")


@dataclass(frozen=True, slots=True)
class Cue:
    """One epistemic or distancing cue.

    Attributes:
        start: offset of the first character of the cue in the text given.
        end: offset just past its last character.
        text: the words as written (``text[start:end]``).
        category: ``"hedge"``, ``"booster"``, ``"non_substantiation"``,
            ``"anonymity"`` (shipped lexicon) or a user category.
        pattern: the lexicon pattern that fired.
        sentence: index of the sentence it lies in.
        note: the lexicon row's note (may be empty).
    """

    start: int
    end: int
    text: str
    category: str
    pattern: str
    sentence: int
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The cue as a plain dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Compiled cue patterns with their categories (build with :func:`load_cues`)."""

    rows: tuple[tuple[str, str, str], ...]
    patterns: PatternSet = field(repr=False, compare=False)

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories this lexicon can report, in file order."""
        return tuple(dict.fromkeys(c for _, c, _ in self.rows if c != "ignore"))

    def to_frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (``pattern, category, note``), e.g. to extend and pass back."""
        import pandas as pd

        return pd.DataFrame(list(self.rows), columns=list(_COLUMNS))

    def __len__(self) -> int:
        return len(self.rows)


def _build(rows: Iterable[tuple[tuple[str, ...], int | None]], origin: str) -> CueLexicon:
    kept: list[tuple[str, str, str]] = []
    compiled: list[Pattern] = []
    for cells, lineno in rows:
        pattern, category, note = cells[0], cells[1] or "custom", cells[2]
        try:
            compiled.append(compile_pattern(pattern, (category, note)))
        except InputError as exc:
            where = f"{origin}, line {lineno}" if lineno else origin
            raise InputError(f"{where}: {exc}") from None
        kept.append((pattern, category, note))
    if not kept:
        raise InputError(f"{origin}: the cue lexicon has no patterns")
    return CueLexicon(tuple(kept), PatternSet(compiled))


@functools.lru_cache(maxsize=32)
def _load_file(path: str, mtime: float) -> CueLexicon:
    return _build(read_rows(path, _COLUMNS, what="cue lexicon"), path)


def load_cues(lexicon: str | Path | pd.DataFrame | Iterable[str] | CueLexicon = "cues") -> CueLexicon:
    """Load a cue lexicon: a shipped name, a file, a DataFrame or a list of patterns.

    A file is tab-separated ``pattern, category, note`` (header optional,
    ``#`` comments allowed); a plain word list (one pattern a line) works too,
    with category ``"custom"``. Rows with category ``"ignore"`` suppress the
    cues they overlap (use them for senses that are not cues).

    Args:
        lexicon: ``"cues"`` (the shipped lexicon), a path, a DataFrame with a
            ``pattern`` column (``category`` and ``note`` optional), or
            patterns as strings.

    Raises:
        LoadError: the file cannot be read.
        InputError: a pattern is malformed, or the lexicon is empty.

    >>> lex = load_cues(["unnamed official*"])
    >>> [c.text for c in find_cues("An unnamed official said so.", lexicon=lex)]
    ['unnamed official']
    """
    if isinstance(lexicon, CueLexicon):
        return lexicon
    if isinstance(lexicon, str) and (shipped := shipped_file(lexicon)) is not None:
        try:
            return _load_file(shipped, os.path.getmtime(shipped))
        except OSError:
            pass  # gone: look for it as any other name
    if isinstance(lexicon, (str, Path)):
        from ..lexicon import lexicon_path

        path = lexicon_path(lexicon)
        return _load_file(str(path), os.path.getmtime(path))
    return _build(read_rows(lexicon, _COLUMNS, what="cue lexicon"), "cue lexicon")


def find_cues(
    text_or_article: str | Article,
    *,
    lexicon: str | Path | pd.DataFrame | Iterable[str] | CueLexicon | None = None,
) -> tuple[Cue, ...]:
    """Epistemic and distancing cues, in text order, each with the pattern that fired.

    Matching is per sentence, case-insensitive, on whole words; at each word
    the longest pattern wins and matches do not overlap.

    Args:
        text_or_article: a text, or an Article (offsets into ``article.text``).
        lexicon: replaces the shipped lexicon (see :func:`load_cues`); to
            extend it, ``pd.concat([load_cues().to_frame(), mine])``.

    Returns:
        The cues, in order of position.

    >>> text = "The alleged call took place, Trump purportedly said. He did not elaborate."
    >>> [(c.text, c.category) for c in find_cues(text)]
    [('alleged', 'hedge'), ('purportedly', 'hedge'), ('did not elaborate', 'non_substantiation')]
    >>> find_cues("He believed in God.")
    ()
    """
    lex = load_cues("cues" if lexicon is None else lexicon)
    out: list[Cue] = []
    tw = text_words(text_or_article)
    text = text_or_article.text if isinstance(text_or_article, Article) else text_or_article
    starts, ends, sentences = tw.words.starts, tw.words.ends, tw.sentences
    for k, pat, i, j in lex.patterns.find_in(tw):  # every sentence in one pass
        category, note = pat.payload
        if category == "ignore":
            continue
        s, e = starts[i], ends[j]
        out.append(Cue(s, e, text[s:e], category, pat.source, sentences[k].index, note))
    return tuple(out)


def cues_table(
    text_or_article: str | Article,
    *,
    lexicon: str | Path | pd.DataFrame | Iterable[str] | CueLexicon | None = None,
) -> pd.DataFrame:
    """One row per cue: ``start, end, text, category, pattern, sentence, note``.

    >>> cues_table("Reportedly, it was clearly a so-called deal.")[["text", "category"]].values.tolist()
    [['Reportedly', 'hedge'], ['clearly', 'booster'], ['so-called', 'hedge']]
    """
    import pandas as pd

    cues = find_cues(text_or_article, lexicon=lexicon)
    return pd.DataFrame([c.to_dict() for c in cues], columns=[f for f in Cue.__slots__])


# --------------------------------------------------------------------------- sources

@dataclass(frozen=True, slots=True)
class Source:
    """A cited source: who or what the text attributes information to.

    Attributes:
        start, end, text: the whole attribution ("according to Russian state
            media", "The Wall Street Journal reported").
        name: the source's noun phrase as written ("Russian state media").
        kind: ``"according_to"``, ``"reported"``, ``"told"``,
            ``"interview"``, ``"statement"``, ``"citing"`` or ``"outlet"``
            (an outlet named with no other attribution form).
        cue: the attribution words ("according to", "reported"); for an
            outlet, the outlet's type from ``sources.tsv`` ("newspaper").
        name_start, name_end: offsets of ``name``.
        sentence: index of the sentence it lies in.
        outlet: the name is (or contains) a known news outlet.
    """

    start: int
    end: int
    text: str
    name: str
    kind: str
    cue: str
    name_start: int
    name_end: int
    sentence: int
    outlet: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The source as a plain dict."""
        return asdict(self)


# Attribution frames: pattern, kind, where the name is ("after" or "before" the cue,
# "outlet": after, and only a known outlet).
_SOURCE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("according to", "according_to", "after"),
    ("in|during an? exclusive? interview with", "interview", "after"),
    ("in|during an? exclusive? interview|interviews published|aired|broadcast by", "interview", "after"),
    ("in|during an? exclusive? interview on|to", "interview", "outlet"),
    ("told|tells|telling", "told", "after"),
    ("in|during an? statement|email|post|letter to", "statement", "after"),
    ("in|during an? statement|report|post|release from|by", "statement", "after"),
    ("citing", "citing", "after"),
    ("cited|quoted by", "reported", "after"),
    ("reported|published|broadcast|aired by", "reported", "after"),
    ("first|also|previously|earlier|later|separately|exclusively|initially? reported|reports|reporting", "reported",
     "before"),
    ("said|says|wrote|posted in an? statement|interview|post|email|letter|release", "statement", "before"),
)

_STOP = frozenset(
    """that which who whom whose when while where as because but or nor if than then so
    on at to about after before since until during over into onto from with without by via
    is are was were be been being has have had will would can could may might must shall should do does did
    said says say told tells added adds noted wrote reported according also now still just already
    not no never published released issued obtained seen sourced cited quoted posted aired broadcast
    it its he she they we i you him her them us me his their our my your this these those there here
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
    last next earlier later""".split()
)
_PRONOUNS = frozenset("it he she they we i you him her them us me one someone".split())
_CONNECTORS = frozenset("of for and de du la the & on".split())
_DETERMINERS = frozenset("the a an its his her their this that these several two three multiple some".split())
_MEDIA_WORDS = frozenset(
    """state local national regional official independent media news agency agencies newspaper newspapers
    outlet outlets broadcaster broadcasters television tv radio daily paper wire service network magazine
    channel station website site publication officials official sources source ministry police
    government spokesperson spokesman spokeswoman report reports data figures analysis""".split()
)
_NAME_MAX = 8
_SENTENCE_ADVERBS = frozenset("meanwhile however earlier later separately also and but so yet still".split())
_TOLD_HEADS = frozenset(
    "newspaper outlet broadcaster agency network magazine channel station paper publication website radio "
    "television tv".split()
)


@functools.cache
def _source_patterns() -> PatternSet:
    return PatternSet(compile_pattern(p, (kind, where)) for p, kind, where in _SOURCE_PATTERNS)


@functools.cache
def _outlets() -> PatternSet:
    rows = read_rows("sources", ("pattern", "type", "note"), what="source lexicon")
    return PatternSet(compile_pattern(cells[0], (cells[1] or "outlet",)) for cells, _ in rows)


def _joined(text: str, a: WordToken, b: WordToken) -> bool:
    """True when nothing but spaces (or ``&``) separates two adjacent tokens."""
    gap = text[a.end : b.start]
    return not gap.strip(" &\u00a0")


def _name_after(text: str, toks: Sequence[WordToken], k: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token ``k`` (inclusive), or None."""
    n = len(toks)
    if k >= n or (k > 0 and not _joined(text, toks[k - 1], toks[k])):
        return None
    last = -1
    i = k
    while i < n and i - k < _NAME_MAX:
        t = toks[i]
        if i > k and not _joined(text, toks[i - 1], t):
            break
        low = t.low
        cap = t.text[:1].isupper()
        if not cap:
            if low in _CONNECTORS and last >= 0 and toks[last].text[:1].isupper():
                # "Armed Forces of Ukraine", "Institute for the Study of War"
                if i + 1 < n and (toks[i + 1].text[:1].isupper() or toks[i + 1].low == "the") \
                        and _joined(text, t, toks[i + 1]):
                    i += 1
                    continue
                break
            if low in _STOP and not (i == k and low in _DETERMINERS):
                break
            if (low.endswith("ed") or low.endswith("ing")) and i > k and toks[i - 1].low not in _DETERMINERS \
                    and low not in _MEDIA_WORDS:
                break
            if low.isdigit():
                break
        elif low in _STOP and i > k and low not in _DETERMINERS:
            break
        last = i
        i += 1
    if last < k:
        return None
    # do not end on a determiner or connector; "state media reports" -> "state media"
    while last >= k and (toks[last].low in _DETERMINERS or toks[last].low in _CONNECTORS
                         or (last > k and toks[last].low in ("report", "reports"))):
        last -= 1
    return (k, last) if last >= k else None


def _name_before(text: str, toks: Sequence[WordToken], k: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending at token ``k`` (inclusive), or None."""
    if k < 0:
        return None
    first = k + 1
    i = k
    while i >= 0 and k - i < _NAME_MAX:
        t = toks[i]
        if i < k and not _joined(text, t, toks[i + 1]):
            break
        low = t.low
        cap = t.text[:1].isupper()
        if low in _CONNECTORS and i < k and toks[i + 1].text[:1].isupper() and i > 0 \
                and toks[i - 1].text[:1].isupper() and _joined(text, toks[i - 1], t):
            i -= 1
            continue
        if low in _DETERMINERS:
            first = i
            break  # a determiner opens the phrase
        if cap and low not in _STOP and low not in _SENTENCE_ADVERBS:
            first = i
        elif not cap and (low in _MEDIA_WORDS or low.endswith("'s")) and low not in _STOP:
            first = i
        elif not cap and low not in _STOP and i < k and (low.endswith("ian") or low.endswith("ese")):
            first = i  # lowercase demonyms are rare, but keep "russian" typed lowercase
        else:
            break
        i -= 1
    return (first, k) if first <= k else None


def find_sources(text_or_article: str | Article) -> tuple[Source, ...]:
    """Sources the text cites, in text order.

    Forms found: "according to X", "X reported" (also "first reported",
    "reports"), "reported by X", "told X" (X a name or a media noun, not a
    pronoun or "reporters"), "in an interview with X", "in a statement to X",
    "X said in a statement/interview/post", "citing X", and any news outlet of
    ``sources.tsv`` named elsewhere (kind ``"outlet"``).

    >>> s = find_sources("Trump told The Wall Street Journal in an interview published on Friday.")
    >>> [(x.name, x.kind, x.cue) for x in s]
    [('The Wall Street Journal', 'told', 'told')]
    >>> [(x.name, x.kind) for x in find_sources("Peskov said so, according to Russian state media reports.")]
    [('Russian state media', 'according_to')]
    """
    text = text_or_article.text if isinstance(text_or_article, Article) else text_or_article
    if not isinstance(text_or_article, (str, Article)):
        raise InputError(f"expected a str or an Article, not {type(text_or_article).__name__}")
    tw = text_words(text_or_article)
    # both lexicons over every sentence in one pass each; only the sentences with a match are looked at
    found: dict[int, tuple[list[tuple[int, int, str]], list[tuple[Pattern, int, int]]]] = {}
    for k, p, i, j in _outlets().find_in(tw):
        a = tw.ranges[k][0]
        found.setdefault(k, ([], []))[0].append((i - a, j - a, p.payload[0]))
    for k, p, i, j in _source_patterns().find_in(tw):
        a = tw.ranges[k][0]
        found.setdefault(k, ([], []))[1].append((p, i - a, j - a))
    out: list[Source] = []
    for k in sorted(found):
        sent, toks = tw.sentences[k], tw.sentence_words(k)
        outlet_spans, attributions = found[k]
        outlet_at = _OutletAt(outlet_spans)
        outlet_cover = _Spans((oa, ob) for oa, ob, _ in outlet_spans)
        taken = _Spans()
        for pat, i, j in attributions:
            kind, where = pat.payload
            if taken.overlaps(i, i):
                continue
            if where == "outlet":  # "in an interview on CNN": only a known outlet
                rng = outlet_at.starting(j + 1)
            elif where == "after":
                rng = outlet_at.starting(j + 1) or _name_after(text, toks, j + 1)
            else:
                rng = outlet_at.ending(i - 1) or _name_before(text, toks, i - 1)
            if rng is None:
                continue
            a, b = rng
            if taken.overlaps(a, b):
                continue  # "according to state media reports": the name is already cited
            name_low = " ".join(t.low for t in toks[a : b + 1])
            if name_low in _PRONOUNS and kind != "according_to":
                continue
            if kind == "told" and not (toks[a].text[:1].isupper() or toks[b].low in _TOLD_HEADS):
                continue  # "told reporters", "told him": a recipient, not a source
            if kind == "told" and toks[a].low in _STOP and toks[a].low not in _DETERMINERS:
                continue
            lo, hi = min(a, i), max(b, j)
            taken.add(lo, hi)
            is_outlet = outlet_cover.overlaps(a, b)
            s, e = toks[lo].start, toks[hi].end
            ns, ne = toks[a].start, toks[b].end
            out.append(Source(s, e, text[s:e], text[ns:ne], kind, text[toks[i].start : toks[j].end],
                              ns, ne, sent.index, is_outlet))
        for oa, ob, typ in outlet_spans:
            if taken.overlaps(oa, oa) or taken.overlaps(ob, ob):
                continue
            ext = _extend_outlet(text, toks, oa)
            s, e = toks[ext].start, toks[ob].end
            out.append(Source(s, e, text[s:e], text[s:e], "outlet", typ, s, e, sent.index, True))
    out.sort(key=lambda x: (x.start, x.end))
    return tuple(out)


class _OutletAt:
    """The first outlet span (in order) that starts, or ends, at a token: a look-up, not a scan per attribution."""

    def __init__(self, spans: Sequence[tuple[int, int, str]]) -> None:
        self._by_start: dict[int, tuple[int, int]] = {}
        self._by_end: dict[int, tuple[int, int]] = {}
        for a, b, _ in spans:
            self._by_start.setdefault(a, (a, b))
            self._by_end.setdefault(b, (a, b))

    def starting(self, k: int) -> tuple[int, int] | None:
        return self._by_start.get(k)

    def ending(self, k: int) -> tuple[int, int] | None:
        return self._by_end.get(k)


class _Spans:
    """Inclusive token spans, asked whether any shares a token with a range.

    Spans arrive in order of their first token (attributions and outlets are
    found left to right), so the question is a bisection over the starts and
    the furthest end so far; should one ever arrive out of order, every span
    is checked, with the same answer. A long sentence citing many sources
    stays linear.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = []
        self._los: list[int] = []
        self._reach: list[int] = []  # furthest end among the spans up to here
        self._ordered = True
        for lo, hi in spans:
            self.add(lo, hi)

    def add(self, lo: int, hi: int) -> None:
        if self._los and lo < self._los[-1]:
            self._ordered = False
        self._spans.append((lo, hi))
        self._los.append(lo)
        self._reach.append(max(hi, self._reach[-1]) if self._reach else hi)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether some span ``(lo, hi)`` has ``lo <= b and a <= hi``."""
        if not self._ordered:
            return any(lo <= b and a <= hi for lo, hi in self._spans)
        k = bisect.bisect_right(self._los, b) - 1
        return k >= 0 and self._reach[k] >= a


def _extend_outlet(text: str, toks: Sequence[WordToken], a: int) -> int:
    """Include capitalised adjectives before a generic outlet ("Russian state media")."""
    i = a
    while i > 0 and toks[i - 1].text[:1].isupper() and _joined(text, toks[i - 1], toks[i]) \
            and toks[i - 1].low not in _STOP and toks[i - 1].low not in _SENTENCE_ADVERBS \
            and (toks[i - 1].low.endswith(("an", "ese", "ish", "i", "ch")) or i - 1 > 0):
        i -= 1
        if a - i >= 2:
            break
    return i


def sources_table(text_or_article: str | Article) -> pd.DataFrame:
    """One row per source: ``start, end, text, name, kind, cue, name_start, name_end, sentence, outlet``.

    >>> sources_table("Reuters reported the deal, citing three sources.")[["name", "kind"]].values.tolist()
    [['Reuters', 'reported'], ['three sources', 'citing']]
    """
    import pandas as pd

    rows = [s.to_dict() for s in find_sources(text_or_article)]
    return pd.DataFrame(rows, columns=list(Source.__slots__))
