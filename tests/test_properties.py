"""Property-based tests (hypothesis): on any text, only mediakit's own errors, offsets that index the text, same
input same output.

The framing modules written in parallel (quotes, frames, figures, voices) are checked when they import.
"""

from __future__ import annotations

import importlib
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.encoding import decode_bytes
from mediakit.framing.actors import find_actors
from mediakit.framing.cues import find_cues, find_sources
from mediakit.io import parse_text
from mediakit.segment import quoted_spans, split_paragraphs, split_sentences, tokenize
from mediakit.sentiment import score_sentiment
from mediakit.tone import score_tone

# Pieces of news text and of what scrapers do to it; hypothesis strings them together.
FRAGMENTS = [
    "the", "The", "minister", "said", "told reporters", "according to", "Reuters", "reportedly", "allegedly",
    "did not elaborate", "Donald Trump", "Trump", "Mr.", "Gen.", "U.S.", "J. R.", "Putin", "the Kremlin", "he",
    "she", "they", "not", "good", "terrible", "great", "war", "1,740", "3.5", "$5 billion", "at least", "50%",
    " ", " ", " ", ".", ". ", "? ", "!", "...", "…", ",", ";", ":", "—", "-", "(", ")", '"', '"', "“", "”", "‘",
    "’", "'", "«", "»", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u200f", "\u202e", "e\u0301", "😀",
    "🇺🇸", "👍🏽", "İ", "ß", "ﬁ", "مرحبا", "שלום", "東京", "Ж", "\x00", "\ufeff", "\ufffd", "featured-image",
]
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map("".join)
any_text = st.one_of(news_text, st.text(max_size=300))

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):  # written in parallel; checked once it lands
        return None


extract_quotes = _optional("mediakit.framing.quotes", "extract_quotes")
score_frames = _optional("mediakit.framing.frames", "score_frames")
find_figures = _optional("mediakit.framing.figures", "find_figures")
split_voices = _optional("mediakit.framing.voice", "split_voices")


def _span(text: str, start: int | None, end: int | None, expected: str | None, what: str) -> None:
    if start is None and end is None:
        return
    assert start is not None and end is not None, what
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))
    if expected is not None:
        assert text[start:end] == expected, (what, text[start:end], expected)


def check_offsets(target: str | mk.Article) -> list[Any]:
    """Run every analyser on ``target``, check each offset, and return the results (for determinism)."""
    text = target.text if isinstance(target, mk.Article) else target
    out: list[Any] = []
    paras = split_paragraphs(target)
    for p in paras:
        _span(text, p.start, p.end, p.text, "paragraph")
        for a, b in quoted_spans(text, p.start, p.end):
            assert p.start <= a <= b <= p.end
    sentences = split_sentences(target)
    for s in sentences:
        _span(text, s.start, s.end, s.text, "sentence")
        assert s.text.strip() == s.text and s.text
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    for t in tokenize(text):
        _span(text, t.start, t.end, t.text, "token")
    for backend in ("textblob", "vader"):
        sentiment = score_sentiment(target, backend=backend)
        out.append(sentiment)
        for e in sentiment.evidence:
            _span(text, e.start, e.end, None, f"{backend} evidence")
            if e.start is not None and e.end is not None:
                assert text[e.start : e.end].strip(), e
    for c in find_cues(target):
        _span(text, c.start, c.end, c.text, "cue")
    for src in find_sources(target):
        _span(text, src.start, src.end, src.text, "source")
        _span(text, src.name_start, src.name_end, src.name, "source name")
    for actor in find_actors(target):
        for m in actor.mentions:
            _span(text, m.start, m.end, m.text, "actor mention")
    tone = score_tone(target)
    assert -1.0 <= tone.score <= 1.0
    for te in tone.evidence:
        _span(text, te.start, te.end, te.text, "tone evidence")
    out += [find_cues(target), find_sources(target), find_actors(target), tone]
    if extract_quotes is not None:
        quotes = extract_quotes(target)
        for q in quotes:
            _span(text, q.start, q.end, q.text, "quote")
            _span(text, q.speaker_start, q.speaker_end, q.speaker_mention, "quote speaker")
            _span(text, q.cue_start, q.cue_end, q.cue, "quote cue")
        out.append(quotes)
    if score_frames is not None:
        frames = score_frames(target)
        for f in frames:
            _span(text, f.start, f.end, None, "frame unit")
            for h in f.hits:
                _span(text, h.start, h.end, h.text, "frame hit")
        out.append(frames)
    if find_figures is not None:
        figures = find_figures(target)
        for fig in figures:
            _span(text, fig.start, fig.end, fig.text, "figure")
        out.append(figures)
    if split_voices is not None:
        voices = split_voices(target)
        for v in voices:
            _span(text, v.start, v.end, v.text, "voice")
        out.append(voices)
    return out


@SETTINGS
@given(any_text)
def test_offsets_index_the_text_and_results_repeat(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = check_offsets(text)
        again = check_offsets(text)
    assert first == again


@SETTINGS
@given(st.text(max_size=80), st.text(max_size=80), st.lists(news_text, max_size=5))
def test_articles_offsets_index_the_canonical_text(title: str, standfirst: str, paragraphs: list[str]) -> None:
    article = mk.Article(title=title, standfirst=standfirst, paragraphs=tuple(paragraphs))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = check_offsets(article)
        again = check_offsets(mk.Article.from_dict(article.to_dict()))
    assert first == again


@settings(max_examples=40, deadline=None)
@given(any_text)
def test_full_analysis_never_raises_on_text(text: str) -> None:
    from mediakit.analysis import analyze

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = analyze(text)
        b = analyze(text)
    assert a == b  # timings are left out of the comparison
    assert a.to_json() == b.to_json()


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_raises_only_load_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, path="x.txt")
    except mk.LoadError as exc:
        assert exc.path == "x.txt" and str(exc).startswith("x.txt: ")
        return
    assert isinstance(decoded.text, str)
    assert decode_bytes(data, path="x.txt") == decoded


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.binary(max_size=300), any_text.map(lambda s: s.encode("utf-8", "surrogatepass"))),
       st.sampled_from([".txt", ".json", ".html", ".htm", ".csv", ".xyz"]))
def test_load_article_raises_only_load_error(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                             suffix: str) -> None:
    p: Path = tmp_path_factory.mktemp("any") / f"article{suffix}"
    p.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            a = mk.load_article(p)
        except mk.LoadError as exc:
            assert exc.path == str(p)
            assert "\n" not in str(exc)  # one line for the CLI
            return
    assert a.text.strip()
    for part in a.parts:
        assert a.text[part.start : part.end] == part.text


@settings(max_examples=80, deadline=None)
@given(any_text)
def test_parse_text_raises_only_load_error(text: str) -> None:
    try:
        a = parse_text(text, source="s.txt")
    except mk.LoadError as exc:
        assert exc.path == "s.txt"
        assert not text.replace("\x00", "").strip()  # refused only when there is no text at all
        return
    assert a.title == " ".join(a.title.split())
    assert parse_text(text, source="s.txt") == a


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
record = st.fixed_dictionaries(
    {},
    optional={
        "title": json_values, "text": json_values, "paragraphs": json_values, "published": json_values,
        "date": json_values, "meta": json_values, "cleaning": json_values, "id": json_values, "author": json_values,
    },
)


@settings(max_examples=120, deadline=None)
@given(st.one_of(record, json_values))
def test_any_json_record_is_an_article_or_a_load_error(tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    p = tmp_path_factory.mktemp("rec") / "a.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            a = mk.load_article(p)
        except mk.LoadError as exc:
            assert exc.path == str(p)
            return
    for part in a.parts:
        assert a.text[part.start : part.end] == part.text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(record.map(json.dumps), st.text(max_size=30)), max_size=6))
def test_jsonl_lines_each_become_a_record(tmp_path_factory: pytest.TempPathFactory, lines: list[str]) -> None:
    p = tmp_path_factory.mktemp("jsonl") / "c.jsonl"
    body = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    p.write_bytes(body.encode("utf-8", "surrogatepass"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        records = list(mk.iter_records(p))
    non_blank = [i for i, raw in enumerate(p.read_bytes().split(b"\n"), start=1) if raw.strip()]
    assert [r.position for r in records] == non_blank
    for r in records:
        assert r.ok != (r.error is not None)
        if r.error is not None:
            assert r.error.line == r.position and r.error.path == str(p)
