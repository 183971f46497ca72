"""Sentiment backends: TextBlob's and VADER's own numbers, and evidence that points at the words."""

from __future__ import annotations

import pickle

import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import mediakit as mk
from mediakit.sentiment import available_backends, get_backend, locate_words, score_sentiment

SENTENCES = [
    "Trump said he had a great relationship with Putin.",
    "The Kremlin has refused to publish details of high-level conversations.",
    "It isn't good, and it is not very bad either!!!",
    "Unfortunately, a number of world leaders do not adhere to this position.",
    "The war has racked up at least 1 million combined casualties.",
    "GREAT news :) but the terrible, horrible losses continue :(",
    "She was never happy; he was extremely unhappy.",
    "The talks were a great success. The talks were a great success.",
    "",
    "1,740 675,800 3.5%",
    "Le président a parlé très clairement.",
    "İstanbul was wonderful, said the mayor.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_textblob_numbers_are_textblobs_own(text: str) -> None:
    s = score_sentiment(text)
    own = TextBlob(text).sentiment
    assert (s.polarity, s.subjectivity) == (own.polarity, own.subjectivity)
    assert s.scores == {"polarity": own.polarity, "subjectivity": own.subjectivity}


def test_textblob_on_the_bundled_article(bundled_article: mk.Article) -> None:
    s = score_sentiment(bundled_article)
    own = TextBlob(bundled_article.text).sentiment
    assert (s.polarity, s.subjectivity) == (own.polarity, own.subjectivity)
    for sent in mk.split_sentences(bundled_article):
        assert score_sentiment(sent.text).polarity == TextBlob(sent.text).sentiment.polarity


@pytest.mark.parametrize("text", SENTENCES)
def test_vader_numbers_are_vaders_own(text: str) -> None:
    s = score_sentiment(text, backend="vader")
    own = SentimentIntensityAnalyzer().polarity_scores(text)
    assert s.scores == pytest.approx({k: own[k] for k in ("compound", "pos", "neu", "neg")}, abs=0)
    assert s.polarity == own["compound"] and s.subjectivity is None


def test_vader_linear_version_gives_vaders_numbers_on_a_long_text(bundled_article: mk.Article) -> None:
    text = bundled_article.text * 3
    own = SentimentIntensityAnalyzer().polarity_scores(text)
    assert score_sentiment(text, backend="vader").scores["compound"] == own["compound"]


def _placed(text: str, e: mk.Evidence) -> str:
    assert e.start is not None and e.end is not None, e
    return text[e.start : e.end]


@pytest.mark.parametrize("text", [t for t in SENTENCES if t])
def test_textblob_evidence_points_at_its_words(text: str) -> None:
    s = score_sentiment(text)
    assert len(s.evidence) == len(TextBlob(text).sentiment_assessments.assessments)
    for e in s.evidence:
        span = _placed(text, e).lower()
        words = [w for w in e.words if any(ch.isalnum() for ch in w)] or list(e.words)
        assert span.startswith(words[0]) and span.endswith(words[-1])
        pos = 0
        for w in words:  # every word of the phrase, in order, inside the span
            pos = span.index(w, pos) + len(w)


def test_textblob_evidence_offsets() -> None:
    text = "The talks were a great success. The talks were a great success :)"
    s = score_sentiment(text)
    got = [(e.text, e.start, text[e.start : e.end]) for e in s.evidence]  # type: ignore[index]
    assert got == [
        ("great", 17, "great"), ("success", 23, "success"),
        ("great", 49, "great"), ("success", 55, "success"),
        (":)", 63, ":)"),
    ]


def test_textblob_negated_phrase_is_one_piece_of_evidence() -> None:
    text = "The plan is not very good."
    (e,) = score_sentiment(text).evidence
    assert e.words == ("not", "very", "good") and text[e.start : e.end] == "not very good"  # type: ignore[index]
    assert e.polarity < 0


def test_vader_evidence_is_its_lexicon_hits() -> None:
    text = "Officials denied the horrible attack, but praised the brave rescuers."
    s = score_sentiment(text, backend="vader")
    lexicon = SentimentIntensityAnalyzer().lexicon
    got = [(text[e.start : e.end], e.polarity) for e in s.evidence]  # type: ignore[index]
    assert got == [(w, lexicon[w.lower()]) for w in ("denied", "horrible", "attack", "praised", "brave")]


def test_vader_evidence_ignores_words_outside_its_lexicon() -> None:
    assert score_sentiment("The minister met the ambassador on Tuesday.", backend="vader").evidence == ()


@pytest.mark.parametrize(
    ("text", "words", "span"),
    [
        ("It is not very good at all", ["not", "very", "good"], (6, 19)),
        ("GOOD and good", ["good"], (0, 4)),
        ("goodness, good", ["good"], (10, 14)),  # whole words only
        ("İstanbul is great", ["great"], (12, 17)),  # lower() would change the length before it
        ("Fine :) really", [":)"], (5, 7)),
        ("nothing here", ["absent"], (None, None)),
    ],
)
def test_locate_words(text: str, words: list[str], span: tuple[int | None, int | None]) -> None:
    assert locate_words(text, words) == span


def test_backends_contract() -> None:
    assert set(available_backends()) >= {"textblob", "vader"}
    for name in ("textblob", "vader"):
        for text in ("", "Great!", "Terrible.", "Le président a parlé.", "😀 🔥"):
            s = score_sentiment(text, backend=name)
            assert isinstance(s, mk.Sentiment) and s.backend == name
            assert -1.0 <= s.polarity <= 1.0
            assert s.to_dict()["backend"] == name
        assert get_backend(name) is get_backend(name)  # built once


def test_unknown_backend_and_bad_input() -> None:
    with pytest.raises(mk.UnknownBackendError, match="backend='vadr' is invalid"):
        score_sentiment("x", backend="vadr")
    with pytest.raises(ValueError):  # UnknownBackendError is a ValueError too
        score_sentiment("x", backend="nope")
    for bad in (None, 3, b"bytes", ["a"]):
        with pytest.raises(mk.InputError):
            score_sentiment(bad)  # type: ignore[arg-type]


def test_errors_survive_pickling() -> None:
    err = mk.LoadError("invalid JSON", path="c.jsonl", line=7)
    again = pickle.loads(pickle.dumps(err))
    assert (again.path, again.line, str(again)) == ("c.jsonl", 7, "c.jsonl, line 7: invalid JSON")
    assert isinstance(pickle.loads(pickle.dumps(mk.InputError("bad"))), mk.InputError)


@pytest.mark.parametrize("name", ["textblob", "vader"])
def test_remembered_score_spans_equal_single_calls_and_are_reused(name: str) -> None:
    from mediakit.sentiment import _REGISTRY, get_backend

    text = 'A great plan. "A terrible, terrible war," he said! Not bad at all.'
    spans = [(0, len(text)), (0, 13), (14, 50), (51, len(text))]
    remembering = get_backend(name)
    remembering.forget()  # type: ignore[attr-defined]
    batch = remembering.score_spans(text, spans)  # type: ignore[attr-defined]
    fresh = _REGISTRY[name]()
    assert [b.scores for b in batch] == [fresh(text[s:e]).scores for s, e in spans]
    assert [b.evidence for b in batch] == [fresh(text[s:e]).evidence for s, e in spans]
    # each span's result is remembered under its own text
    assert all(remembering(text[s:e]) is b for (s, e), b in zip(spans, batch))


def test_textblob_score_spans_equals_scoring_each_span(bundled_article: mk.Article) -> None:
    from mediakit.sentiment import TextBlobBackend

    text = bundled_article.text
    spans = [(s.start, s.end) for s in mk.split_sentences(text)] + [(0, len(text)), (3, 40)]
    backend = TextBlobBackend()
    assert backend.score_spans(text, spans) == [backend(text[s:e]) for s, e in spans]


@pytest.mark.parametrize(
    ("text", "words", "at"),
    [
        # the scored "best" is the second one: "best-known" is one token, not scored
        ("His best-known hit was one of the best performances.", ("best",), 34),
        # the negation is the "not" just before "new", not the first "not" of the text
        ("It is not yet here. One Music is not new to Radio 1.", ("not", "new"), 33),
        # TextBlob rejoins "60m: D" into the emoticon ":d" (the old search could not place it)
        ("60m: D Chin won.", (":d",), 3),
    ],
)
def test_textblob_evidence_is_the_scored_occurrence(text: str, words: tuple[str, ...], at: int) -> None:
    evidence = {e.words: e for e in score_sentiment(text).evidence}
    assert evidence[words].start == at
