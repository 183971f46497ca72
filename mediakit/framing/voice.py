"""Whose voice is it: the narrator's text separated from the words it quotes.

:func:`split_voices` cuts a text into consecutive spans that cover it, each
either the narrator's or a quoted speaker's. Direct and partial quotes (the
span inside the quotation marks, from :func:`mediakit.framing.quotes.extract_quotes`)
are the speaker's voice. Indirect speech ("Trump said he had warned Putin") is
the narrator's paraphrase and stays narrator text unless
``include_indirect=True``, which counts it as the reported speaker's voice.
Content attributed to a document ("..., according to the data", "the poll
found that ...": ``Quote.source_kind == "document"``) is no one's voice: as
indirect speech it stays narrator text even then; words quoted from a
document are quoted words with no speaker.
Where quotes overlap (a partial quote inside an indirect clause, a scare quote
inside a quotation) the outermost span decides.

:func:`voice_table` gives one row per voice, the narrator and each quoted
speaker, with word counts and tone: TextBlob polarity and VADER compound
(:func:`mediakit.sentiment.score_sentiment`, word-weighted means over the
voice's spans, so long texts do not drift to the extremes) and the news tone
of :func:`mediakit.tone.score_tone`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..article import Article
from ..segment import as_text
from .quotes import Quote, extract_quotes

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["VoiceSpan", "split_voices", "voice_table"]

Voice = Literal["narrator", "quoted"]
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
UNATTRIBUTED = "(unattributed)"


@dataclass(frozen=True, slots=True)
class VoiceSpan:
    """A stretch of text in one voice: ``text == source[start:end]``.

    Attributes:
        start, end, text: the span.
        voice: ``"narrator"`` or ``"quoted"``.
        speaker: the quoted speaker's display name (``None`` for the narrator,
            and for quoted words nobody is named for).
    """

    start: int
    end: int
    text: str
    voice: Voice
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The span as a plain dict."""
        return asdict(self)


def split_voices(
    text_or_article: str | Article,
    *,
    quotes: Sequence[Quote] | None = None,
    include_indirect: bool = False,
) -> tuple[VoiceSpan, ...]:
    """Consecutive narrator and quoted spans that together cover the whole text.

    Args:
        text_or_article: a text, or an Article (offsets into ``article.text``).
        quotes: quotes already extracted for this text (else extracted here).
        include_indirect: count indirect speech as the reported speaker's voice
            (not speech attributed to a document, which has no voice).

    Returns:
        A tuple of :class:`VoiceSpan` in text order; ``"".join(s.text for s in spans) == text``.

    Examples:
        >>> spans = split_voices('"We will win," Peskov said. Talks resume today.')
        >>> [(s.voice, s.speaker, s.text) for s in spans]
        [('narrator', None, '"'), ('quoted', 'Peskov', 'We will win,'), ('narrator', None, '" Peskov said. Talks resume today.')]
    """
    text = as_text(text_or_article)
    if quotes is None:
        quotes = extract_quotes(text_or_article)
    kinds = ("direct", "partial", "indirect") if include_indirect else ("direct", "partial")
    chosen = sorted(
        (q for q in quotes if q.kind in kinds and not (q.kind == "indirect" and q.source_kind == "document")),
        key=lambda q: (q.start, -q.end),
    )
    out: list[VoiceSpan] = []
    pos = 0
    for q in chosen:
        if q.end <= pos:
            continue  # inside a span already taken (the outermost decides)
        start = max(q.start, pos)
        if start > pos:
            out.append(VoiceSpan(pos, start, text[pos:start], "narrator"))
        out.append(VoiceSpan(start, q.end, text[start : q.end], "quoted", q.speaker))
        pos = q.end
    if pos < len(text):
        out.append(VoiceSpan(pos, len(text), text[pos:], "narrator"))
    return tuple(out)


def _weighted(spans: Sequence[VoiceSpan], backend: str) -> float:
    from ..sentiment import score_sentiment

    total = 0.0
    n = 0
    for s in spans:
        k = len(_WORD.findall(s.text))
        if k:
            total += k * score_sentiment(s.text, backend=backend).polarity
            n += k
    return total / n if n else 0.0


def voice_table(
    text_or_article: str | Article,
    *,
    voices: Sequence[VoiceSpan] | None = None,
    include_indirect: bool = False,
) -> pd.DataFrame:
    """One row per voice: the narrator, then each quoted speaker by words quoted.

    Columns: ``voice`` (narrator/quoted), ``speaker`` (``"(unattributed)"`` for
    quoted words with no speaker, empty for the narrator), ``n_spans``,
    ``n_words``, ``share_of_words``, ``textblob_polarity``, ``vader_compound``,
    ``tone``, ``tone_label``, ``text`` (the voice's spans joined by `` … ``).

    Args:
        text_or_article: a text or an Article.
        voices: spans already split for this text (else split here).
        include_indirect: as in :func:`split_voices`.

    Examples:
        >>> t = voice_table('"This is a disgrace and a terrible failure," the senator said. The vote is on Monday.')
        >>> t[["voice", "speaker", "n_words"]].to_dict("records")
        [{'voice': 'narrator', 'speaker': '', 'n_words': 8}, {'voice': 'quoted', 'speaker': 'the senator', 'n_words': 8}]
        >>> bool(t.loc[1, "vader_compound"] < 0 < 1 + t.loc[0, "vader_compound"])
        True
    """
    import pandas as pd

    from ..tone import score_tone

    if voices is None:
        voices = split_voices(text_or_article, include_indirect=include_indirect)
    groups: dict[tuple[str, str], list[VoiceSpan]] = {("narrator", ""): []}
    for v in voices:
        key = ("narrator", "") if v.voice == "narrator" else ("quoted", v.speaker or UNATTRIBUTED)
        groups.setdefault(key, []).append(v)
    words = {k: sum(len(_WORD.findall(s.text)) for s in spans) for k, spans in groups.items()}
    total = sum(words.values())
    rows = []
    for key, spans in groups.items():
        joined = " … ".join(" ".join(s.text.split()) for s in spans if s.text.strip())
        tone = score_tone(joined)
        rows.append(
            {
                "voice": key[0],
                "speaker": key[1],
                "n_spans": len(spans),
                "n_words": words[key],
                "share_of_words": words[key] / total if total else 0.0,
                "textblob_polarity": _weighted(spans, "textblob"),
                "vader_compound": _weighted(spans, "vader"),
                "tone": tone.score,
                "tone_label": tone.label,
                "text": joined,
            }
        )
    cols = ["voice", "speaker", "n_spans", "n_words", "share_of_words", "textblob_polarity", "vader_compound",
            "tone", "tone_label", "text"]
    df = pd.DataFrame(rows, columns=cols)
    quoted = df[df["voice"] == "quoted"].sort_values("n_words", ascending=False, kind="stable")
    return pd.concat([df[df["voice"] == "narrator"], quoted], ignore_index=True)
