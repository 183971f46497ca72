"""mediakit: how news articles frame a story, with the evidence for every score.

Importing the package is cheap and does nothing visible: names are loaded
from their modules on first use.

>>> import mediakit as mk
>>> mk.split_sentences("One. Two.")[1].text
'Two.'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it. Each module owns one concern.
_EXPORTS: dict[str, str] = {
    # errors
    "MediakitError": "errors",
    "LoadError": "errors",
    "InputError": "errors",
    "UnknownBackendError": "errors",
    "MissingDependencyError": "errors",
    "RenderError": "errors",
    "LanguageWarning": "errors",
    # article model
    "Article": "article",
    "Paragraph": "article",
    "Sentence": "article",
    "Token": "article",
    "CleaningStep": "article",
    # loading and cleaning
    "load_article": "io",
    "load_corpus": "records",
    "iter_records": "records",
    "parse_text": "io",
    "parse_html": "io",
    "clean_paragraphs": "clean",
    "decode_bytes": "encoding",
    # language (hostile input)
    "guess_language": "language",
    "check_english": "language",
    "LanguageGuess": "language",
    # segmentation
    "split_paragraphs": "segment",
    "split_sentences": "segment",
    "tokenize": "segment",
    # sentiment
    "score_sentiment": "sentiment",
    "Sentiment": "sentiment",
    "Evidence": "sentiment",
    "register_backend": "sentiment",
    "sentiment_table": "tables",
    # one call
    "analyze": "analysis",
    "Analysis": "analysis",
    # --- framing (framing/ package) ---
    "extract_quotes": "framing.quotes",
    "quotes_table": "framing.quotes",
    "Quote": "framing.quotes",
    "split_voices": "framing.voice",
    "voice_table": "framing.voice",
    "find_cues": "framing.cues",
    "cues_table": "framing.cues",
    "load_cues": "framing.cues",
    "find_sources": "framing.cues",
    "sources_table": "framing.cues",
    "find_actors": "framing.actors",
    "actors_table": "framing.actors",
    "share_of_voice": "framing.actors",
    "score_frames": "framing.frames",
    "frames_table": "framing.frames",
    "load_frames": "framing.frames",
    "find_frame_hits": "framing.frames",
    "frame_items": "framing.frames",
    "validate_frames": "framing.frame_eval",
    "find_figures": "framing.figures",
    "figures_table": "framing.figures",
    "headline_table": "framing.headline",
    # --- tone and validation ---
    "score_tone": "tone",
    "tone_table": "tone",
    "Tone": "tone",
    "target_tone": "target",
    "target_tone_table": "target",
    "TargetTone": "target",
    "validate": "validation",
    "Validation": "validation",
    # --- corpus scale ---
    "analyze_corpus": "corpus",
    "score_texts": "batch",
    "available_tables": "corpus",
    "CorpusOutput": "corpus",
    "CorpusTables": "corpus",
    # --- reports and plots ---
    "article_html": "html",
    "render_report": "report",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mediakit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .analysis import Analysis, analyze
    from .article import Article, CleaningStep, Paragraph, Sentence, Token
    from .batch import score_texts
    from .clean import clean_paragraphs
    from .corpus import CorpusOutput, CorpusTables, analyze_corpus, available_tables
    from .encoding import decode_bytes
    from .errors import (
        InputError,
        LanguageWarning,
        LoadError,
        MediakitError,
        MissingDependencyError,
        RenderError,
        UnknownBackendError,
    )
    from .framing.actors import actors_table, find_actors, share_of_voice
    from .framing.cues import cues_table, find_cues, find_sources, load_cues, sources_table
    from .framing.figures import figures_table, find_figures
    from .framing.frame_eval import validate_frames
    from .framing.frames import find_frame_hits, frame_items, frames_table, load_frames, score_frames
    from .framing.headline import headline_table
    from .framing.quotes import Quote, extract_quotes, quotes_table
    from .framing.voice import split_voices, voice_table
    from .html import article_html
    from .io import load_article, parse_html, parse_text
    from .language import LanguageGuess, check_english, guess_language
    from .records import iter_records, load_corpus
    from .report import render_report
    from .segment import split_paragraphs, split_sentences, tokenize
    from .sentiment import Evidence, Sentiment, register_backend, score_sentiment
    from .tables import sentiment_table
    from .target import TargetTone, target_tone, target_tone_table
    from .tone import Tone, score_tone, tone_table
    from .validation import Validation, validate
