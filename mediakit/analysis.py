"""One call: ``analyze(article)`` -> :class:`Analysis` with every measure and its evidence.

An :class:`Analysis` holds what mediakit measures of one article, each item
with character offsets into ``analysis.article.text``:

* ``quotes`` (direct, partial, indirect; speaker, cue), ``voices`` (narrator
  text against quoted text);
* ``cues`` (hedges, boosters, distancing, non-substantiation) and ``sources``
  ("according to X", outlets);
* ``actors`` with every label the text gives them;
* ``frames`` (the five generic news frames per paragraph and for the
  article, with the indicator words that fired) and ``figures``;
* ``sentiment`` (TextBlob and VADER, exactly their numbers) and ``tone``
  (mediakit's news tone, validated against human ratings: see
  ``benchmarks/eval_tone.py``).

It gives DataFrame views (:meth:`Analysis.tables`), one flat row for corpus
work (:meth:`Analysis.summary`), JSON (:meth:`Analysis.to_json`) and an HTML
view for notebooks (``_repr_html_``: quotations coloured by speaker, cues
marked, frames tagged; the article's text always escaped).
"""

from __future__ import annotations

import html
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .article import Article, Sentence
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from .framing.actors import Actor
    from .framing.cues import Cue, Source
    from .framing.figures import Figure
    from .framing.frames import FrameScore
    from .framing.quotes import Quote
    from .framing.voice import VoiceSpan
    from .sentiment import Sentiment
    from .tone import Tone

__all__ = ["analyze", "Analysis", "TABLES"]

#: The names :meth:`Analysis.tables` returns, in order.
TABLES = ("sentences", "quotes", "voices", "cues", "sources", "actors", "frames", "figures", "headline")


@dataclass(frozen=True)
class Analysis:
    """Everything mediakit measures of one article, with the evidence.

    Attributes:
        article: the article analysed; every offset points into ``article.text``.
        sentences: the sentences, with offsets.
        sentiment: ``{"textblob": Sentiment, "vader": Sentiment}`` of the whole text.
        tone: mediakit's news tone of the whole text.
        quotes, voices, cues, sources, actors, frames, figures: the framing
            devices found (see :mod:`mediakit.framing`).
        timings: seconds spent per stage (for benchmarks and the curious).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    sentiment: dict[str, Sentiment]
    tone: Tone
    quotes: tuple[Quote, ...]
    voices: tuple[VoiceSpan, ...]
    cues: tuple[Cue, ...]
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    frames: tuple[FrameScore, ...]
    figures: tuple[Figure, ...]
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    def article_frames(self) -> dict[str, float]:
        """The article-level score of each frame (hits per 100 words)."""
        return {f.frame: f.score for f in self.frames if f.unit == "article"}

    # -- one corpus row ----------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """A flat dict of headline figures: one corpus row.

        Keys: ``id, title, outlet, published, n_words, n_sentences,
        n_paragraphs``; ``textblob_polarity, textblob_subjectivity,
        vader_compound`` (each scorer on the whole text, exactly its own number),
        ``textblob_sentence_mean, vader_sentence_mean`` (word-weighted means over
        sentences: VADER's whole-text compound drifts to +-1 on long texts),
        ``tone, tone_label``; ``n_quotes, n_direct, n_partial,
        n_indirect, n_speakers, top_speaker, quoted_share`` (share of the
        text's words inside quotations); ``n_cues`` and ``cue_<category>``
        counts; ``n_sources``; ``n_actors, top_actors`` (up to three names);
        ``frame_<name>`` article scores and ``dominant_frame``; ``n_figures``.
        """
        a = self.article
        row: dict[str, Any] = {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published.isoformat() if a.published else None,
            "n_words": a.n_words,
            "n_sentences": self.n_sentences,
            "n_paragraphs": len(a.parts),
        }
        tb, vd = self.sentiment.get("textblob"), self.sentiment.get("vader")
        if tb is not None:
            row["textblob_polarity"] = tb.polarity
            row["textblob_subjectivity"] = tb.subjectivity
        if vd is not None:
            row["vader_compound"] = vd.polarity
        # VADER's compound of a whole article drifts towards +-1 with length: the
        # word-weighted mean over sentences is the comparable figure.
        row["textblob_sentence_mean"] = self.tone.textblob
        row["vader_sentence_mean"] = self.tone.vader
        row["tone"] = self.tone.score
        row["tone_label"] = self.tone.label
        kinds = Counter(q.kind for q in self.quotes)
        speakers = Counter(q.speaker for q in self.quotes if q.speaker)
        row.update(
            n_quotes=len(self.quotes),
            n_direct=kinds.get("direct", 0),
            n_partial=kinds.get("partial", 0),
            n_indirect=kinds.get("indirect", 0),
            n_speakers=len(speakers),
            top_speaker=speakers.most_common(1)[0][0] if speakers else None,
        )
        quoted = sum(len(v.text.split()) for v in self.voices if v.voice == "quoted")
        total = sum(len(v.text.split()) for v in self.voices)
        row["quoted_share"] = quoted / total if total else 0.0
        row["n_cues"] = len(self.cues)
        for category, n in sorted(Counter(c.category for c in self.cues).items()):
            row[f"cue_{category}"] = n
        row["n_sources"] = len(self.sources)
        row["n_actors"] = len(self.actors)
        row["top_actors"] = [x.name for x in self.actors[:3]]
        scores = self.article_frames()
        for name, score in scores.items():
            row[f"frame_{name}"] = score
        row["dominant_frame"] = max(scores, key=lambda k: scores[k]) if any(scores.values()) else None
        row["n_figures"] = len(self.figures)
        return row

    # -- tables ---------------------------------------------------------------------
    def tables(self, names: tuple[str, ...] | list[str] | None = None) -> dict[str, pd.DataFrame]:
        """DataFrame views of the analysis, by name (all of :data:`TABLES` by default).

        Every table has ``start``/``end`` offsets into ``article.text``.
        """
        import pandas as pd

        from .framing.actors import actors_table
        from .framing.headline import headline_table
        from .tables import sentiment_table

        wanted = TABLES if names is None else tuple(names)
        unknown = [n for n in wanted if n not in TABLES]
        if unknown:
            from .errors import value_invalid_msg

            raise InputError(value_invalid_msg("table", unknown[0], TABLES))

        def records(items: Any) -> pd.DataFrame:
            return pd.DataFrame([x.to_dict() for x in items])

        out: dict[str, pd.DataFrame] = {}
        for name in wanted:
            if name == "sentences":
                out[name] = sentiment_table(self.article)
            elif name == "quotes":
                from .framing.quotes import quotes_table

                out[name] = quotes_table(self.quotes)
            elif name == "voices":
                from .framing.voice import voice_table

                out[name] = voice_table(self.article, voices=self.voices)
            elif name == "cues":
                out[name] = records(self.cues)
            elif name == "sources":
                out[name] = records(self.sources)
            elif name == "actors":
                out[name] = actors_table(self.article, actors=self.actors, quotes=self.quotes)
            elif name == "frames":
                from .framing.frames import frames_table

                out[name] = frames_table(self.article, scores=self.frames)
            elif name == "figures":
                out[name] = records(self.figures)
            elif name == "headline":
                if self.article.title or self.article.standfirst:
                    out[name] = headline_table(
                        self.article, actors=self.actors, cues=self.cues, frames=self.frames, quotes=self.quotes
                    )
                else:
                    out[name] = pd.DataFrame()
        return out

    # -- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready dicts and lists (offsets into ``article.text``)."""
        return {
            "article": {**{k: v for k, v in self.article.to_dict().items() if k != "raw"}, "text": self.article.text},
            "summary": self.summary(),
            "sentiment": {k: v.to_dict() for k, v in self.sentiment.items()},
            "tone": self.tone.to_dict(),
            "quotes": [q.to_dict() for q in self.quotes],
            "voices": [v.to_dict() for v in self.voices],
            "cues": [c.to_dict() for c in self.cues],
            "sources": [s.to_dict() for s in self.sources],
            "actors": [x.to_dict() for x in self.actors],
            "frames": [f.to_dict() for f in self.frames],
            "figures": [f.to_dict() for f in self.figures],
        }

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as JSON (keyword arguments go to :func:`json.dumps`)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), default=str, **kwargs)

    def to_text(self) -> str:
        """A short plain-text account for a terminal: figures, then quotes, cues, sources, actors, frames."""
        s = self.summary()
        out = [self.article.title or "(untitled)", "=" * min(78, max(8, len(self.article.title or "(untitled)")))]
        meta = [str(x) for x in (self.article.outlet, s["published"]) if x]
        if meta:
            out.append(" · ".join(meta))
        out.append(
            f"{s['n_words']} words, {s['n_sentences']} sentences, {s['n_paragraphs']} paragraphs"
        )
        out.append(
            f"tone {s['tone']:+.3f} ({s['tone_label']})   TextBlob polarity {s.get('textblob_polarity', 0):+.3f}"
            f"   subjectivity {s.get('textblob_subjectivity', 0):.3f}   VADER compound {s.get('vader_compound', 0):+.3f}"
        )

        def clip(t: str, n: int = 70) -> str:
            t = " ".join(t.split())
            return t if len(t) <= n else t[: n - 1] + "…"

        out += ["", f"Quotes ({len(self.quotes)}: {s['n_direct']} direct, {s['n_partial']} partial, "
                    f"{s['n_indirect']} indirect)"]
        for q in self.quotes:
            who = q.speaker or (f"{q.speaker_mention} (document)" if q.source_kind == "document"
                                else "(unattributed)")
            cue = f" [{q.cue}]" if q.cue else ""
            out.append(f"  {q.start:>5}  {q.kind:<8} {clip(who, 22):<22}{cue}  {clip(q.text, 60)!r}")
        out += ["", f"Cues ({len(self.cues)})"]
        for c in self.cues:
            out.append(f"  {c.start:>5}  {c.category:<20} {clip(c.text, 50)!r}")
        out += ["", f"Sources ({len(self.sources)})"]
        for src in self.sources:
            out.append(f"  {src.start:>5}  {src.kind:<13} {clip(src.name, 50)}")
        out += ["", f"Actors ({len(self.actors)})"]
        for a in self.actors[:12]:
            labels = "; ".join(lb for lb in a.labels if lb != a.name)
            out.append(f"  {a.n_mentions:>3}x  {a.kind:<12} {clip(a.name, 28):<28} {clip(labels, 40)}")
        out += ["", "Frames (hits per 100 words, article)"]
        for name, score in sorted(self.article_frames().items(), key=lambda kv: -kv[1]):
            words = [h.text for f in self.frames if f.unit == "article" and f.frame == name for h in f.hits]
            out.append(f"  {name:<16} {score:6.2f}  {clip(', '.join(dict.fromkeys(words)), 50)}")
        out += ["", f"Figures ({len(self.figures)})"]
        for fig in self.figures:
            counts = f" {fig.counts}" if fig.counts else ""
            cited = f"  <- {fig.source}" if fig.source else ""
            out.append(f"  {fig.start:>5}  {clip(fig.text, 28):<28}{counts}{cited}")
        return "\n".join(out)

    # -- notebooks --------------------------------------------------------------------
    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"Analysis({self.article!r}, quotes={s['n_quotes']}, speakers={s['n_speakers']}, "
            f"cues={s['n_cues']}, actors={s['n_actors']}, dominant_frame={s['dominant_frame']!r}, "
            f"tone={s['tone']:+.2f})"
        )

    def _repr_html_(self) -> str:
        from .html import article_html

        s = self.summary()
        esc = html.escape
        facts = [
            ("tone", f"{s['tone']:+.2f} ({esc(str(s['tone_label']))})"),
            ("TextBlob", f"{s.get('textblob_polarity', 0):+.2f}"),
            ("VADER", f"{s.get('vader_compound', 0):+.2f} (sentence mean {s['vader_sentence_mean']:+.2f})"),
            ("quotes", f"{s['n_quotes']} ({s['n_direct']} direct, {s['n_partial']} partial, {s['n_indirect']} indirect)"),
            ("speakers", str(s["n_speakers"])),
            ("cues", str(s["n_cues"])),
            ("actors", str(s["n_actors"])),
            ("dominant frame", esc(str(s["dominant_frame"] or "none"))),
        ]
        strip = " · ".join(f"<b>{k}</b> {v}" for k, v in facts)
        return (
            '<div class="mediakit-analysis">'
            f'<div style="font: 12px sans-serif; color: #333; margin: 0 0 6px;">{strip}</div>'
            f"{article_html(self)}</div>"
        )


def analyze(article: Article | str) -> Analysis:
    """Analyse one article (or a plain text): every framing measure, with its evidence.

    Args:
        article: an :class:`~mediakit.article.Article` (from
            :func:`~mediakit.io.load_article`) or a text whose paragraphs are
            separated by blank lines.

    Returns:
        An :class:`Analysis`.

    Raises:
        InputError: ``article`` is neither an Article nor a str.

    Warns:
        LanguageWarning: a plain string that is not English (the lexicons are English).

    Examples:
        >>> a = analyze('"We will not back down," the minister said on Monday.')
        >>> [(q.kind, q.speaker) for q in a.quotes]
        [('direct', 'the minister')]
        >>> a.summary()["n_direct"]
        1
    """
    from .framing.actors import find_actors
    from .framing.cues import find_cues, find_sources
    from .framing.figures import find_figures
    from .framing.frames import score_frames
    from .framing.quotes import extract_quotes
    from .framing.voice import split_voices
    from .segment import split_sentences
    from .sentiment import get_backend, score_sentiment
    from .tone import score_tone

    if isinstance(article, str):
        from .language import check_english

        article = Article.from_text(article)
        check_english(article)  # load_article already warns for files; a plain string is checked here
    if not isinstance(article, Article):
        raise InputError(f"analyze() takes an Article or a str, not {type(article).__name__}")
    timings: dict[str, float] = {}
    t = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - t
        t = now

    sentences = tuple(split_sentences(article))
    lap("segment")
    # the whole text and every sentence in one call per scorer (one tokenisation of the text);
    # score_sentiment and score_tone below then find each result remembered
    text = article.text
    spans = [(0, len(text)), *((s.start, s.end) for s in sentences)]
    for name in ("textblob", "vader"):
        get_backend(name).score_spans(text, spans)  # type: ignore[attr-defined]
    sentiment = {name: score_sentiment(article, backend=name) for name in ("textblob", "vader")}
    tone = score_tone(article)
    lap("score")
    actors = find_actors(article)
    quotes = extract_quotes(article)
    voices = split_voices(article, quotes=quotes)
    cues = find_cues(article)
    sources = find_sources(article)
    frames = score_frames(article)
    figures = find_figures(article, quotes=quotes, sources=sources)
    lap("framing")
    return Analysis(
        article=article,
        sentences=sentences,
        sentiment=sentiment,
        tone=tone,
        quotes=tuple(quotes),
        voices=tuple(voices),
        cues=tuple(cues),
        sources=tuple(sources),
        actors=tuple(actors),
        frames=tuple(frames),
        figures=tuple(figures),
        timings=timings,
    )
