"""mediakit._vader: VADER's own numbers (float-equal) and mediakit's evidence, from one tokenisation."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import mediakit as mk
from mediakit import _vader, _vader_tokens
from mediakit._vader import Hit, VaderScorer, scan_evidence, vader_scorer
from mediakit.sentiment import VaderBackend, _linear_vader

VADER = SentimentIntensityAnalyzer()


def _scorer() -> VaderScorer:
    """The shared scorer; skip where vaderSentiment is another release, fail if the mirrored one disabled it."""
    s = vader_scorer()
    if s is None:
        if version("vaderSentiment") == _vader.MIRRORED_VERSION:
            pytest.fail("vader_scorer() disabled itself: it disagrees with VADER on its self-check")
        pytest.skip(f"installed vaderSentiment is not {_vader.MIRRORED_VERSION}: mediakit uses VADER's own code")
    return s


@pytest.fixture(scope="module")
def scorer() -> VaderScorer:
    return _scorer()


def vaders_own(text: str) -> tuple[float, float, float, float]:
    d = VADER.polarity_scores(text)
    return (d["compound"], d["pos"], d["neu"], d["neg"])


# One case per rule of VADER's, and the quirks an exact copy must keep.
RULES = [
    "", " ", " \n\t\u00a0\u3000 ", ".", "!!!", "???", "lol",
    "It isn't good.", "It wasn't bad", "not bad or good", "never good", "uh-uh great", "a can't-miss good",
    "you'dn't like it", "Sentiment analysis has never been so good!", "never this bad", "this good",  # never so/this
    "so so sad",
    "Without a doubt, an excellent idea.", "without doubt good", "without any doubt bad",  # without doubt
    "very good", "very very very good", "barely good", "EXTREMELY good but sad", "kind of good", "sort of bad",
    "it is kind of nice", "kind", "kind of",  # boosters, dampeners, "kind of" as a booster phrase
    "The plot was good, but the characters are uncompelling.", "good good but bad bad", "good but good",
    "bad but", "but", "happy but sad but happy",  # "but": halves before, 1.5x after, first "but" only
    "the least compelling", "at least good", "very least happy", "least happy",  # "least"
    "It is the bomb", "that is the shit", "a bad ass", "kiss of death", "the kiss of death", "yeah right",
    "to die for", "beating heart", "bus stop happy", "happy at the bus stop",  # special idioms
    "No problems at all.", "no no", "no good", "no fun or joy", "no fun nor joy", "No, no, NO!",  # "no"
    "GREAT news", "great NEWS", "VERY GOOD", "very GOOD", "I LOVE IT", "ALL CAPS HAPPY",  # ALL CAPS
    "Good!", "Good!!!!", "Good!!!!!!", "Bad?", "Bad??", "Bad???", "Bad????", "Bad!?!?!?",  # emphasis
    ":) :( :D :-) ;) <3 </3", "(: ):", ":)", "a,", "no,", "ok.", "...good...",  # emoticons, short tokens
    "😀", "great 😀", "a😀b", "😀😀", "sad😢?", "👍 ok 👎", "☺️ fine",  # emoji become their descriptions
    "https://example.com/bad?x=1 good", "#happy @sad", "“great” ‘bad’ —good— (nice)",  # URLs, quotes
    "İstanbul was wonderful", "naïve café good", "ΑΣ great", "Ünïcödé BAD", "東京 good",  # non-ASCII
    "good\x1cbad", "good\u2028bad", "good\u200bbad",  # separators str.split() does / does not split on
]


@pytest.mark.parametrize("text", RULES)
def test_numbers_are_vaders_own(scorer: VaderScorer, text: str) -> None:
    assert scorer.score(text)[:4] == vaders_own(text)


@pytest.mark.parametrize("text", RULES)
def test_evidence_is_the_token_scan(scorer: VaderScorer, text: str) -> None:
    assert scorer.score(text).hits == scan_evidence(text, VADER.lexicon)


def test_numbers_on_a_long_text_with_every_rule(scorer: VaderScorer, bundled_article: mk.Article) -> None:
    text = " ".join(RULES) + "\n\n" + bundled_article.text
    assert scorer.score(text)[:4] == vaders_own(text)
    assert scorer.score(bundled_article.text)[:4] == vaders_own(bundled_article.text)


def test_known_numbers() -> None:
    """Fixed values (VADER 3.3.2's), so a change in either implementation shows."""
    s = mk.score_sentiment("The food was not bad at all!", backend="vader")
    assert s.scores == {"compound": 0.484, "pos": 0.344, "neu": 0.656, "neg": 0.0}
    s = mk.score_sentiment("GREAT news but the terrible, horrible losses continue :(", backend="vader")
    assert s.scores == {"compound": -0.9369, "pos": 0.126, "neu": 0.172, "neg": 0.702}


def test_evidence_words_offsets_and_valences(scorer: VaderScorer) -> None:
    text = "“Great” talks,\n\tbut the  TERRIBLE war... no deal"
    got = [(h.word, text[h.start : h.end], h.valence) for h in scorer.score(text).hits]
    lex = VADER.lexicon
    assert got == [
        ("Great", "Great", lex["great"]), ("TERRIBLE", "TERRIBLE", lex["terrible"]), ("war", "war", lex["war"]),
        ("no", "no", lex["no"]),
    ]


def test_evidence_is_not_exactly_what_vader_scored(scorer: VaderScorer) -> None:
    """Kept as mediakit always had it: evidence strips ":" and brackets, VADER keeps short tokens whole.

    So VADER scores an emoticon the evidence omits, and the evidence lists a curly-quoted word
    VADER does not score (it strips only ASCII punctuation).
    """
    assert scorer.score("fine :)").hits == (Hit("fine", 0, 4, VADER.lexicon["fine"]),)
    assert vaders_own("fine :)") != vaders_own("fine")
    assert [h.word for h in scorer.score("“great”").hits] == ["great"] and vaders_own("“great”")[0] == 0.0


def test_but_rescales_the_first_equal_value_as_vader_does(scorer: VaderScorer) -> None:
    # VADER's _but_check rescales sentiments.index(value): with equal valences on both sides of "but",
    # which entry is rescaled decides pos/neg shares; the copy must do the same
    for text in ("good good but good", "good but good good", "bad good but bad good", "GOOD good but good GOOD"):
        assert scorer.score(text)[:4] == vaders_own(text), text


PIECES = [
    "good", "GOOD", "bad", "BAD", "great", "terrible", "happy", "sad", "love", "hate", "war", "peace", "no", "No",
    "not", "isn't", "wasn't", "never", "without", "doubt", "so", "this", "very", "VERY", "extremely", "barely",
    "kind", "of", "sort", "kinda", "but", "BUT", "least", "at", "the", "bomb", "shit", "kiss", "death", "yeah",
    "right", "to", "die", "for", "can't-miss", "bad ass", "bus", "stop", "beating", "heart", "just", "enough", "or",
    "nor",
    ":)", ":(", ":D", "<3", "😀", "😢", "👍", "☺️", "!", "!!!", "?", "???", ".", ",", "...", "“", "”", "'", "-",
    "—", "(", ")", "#", "@", "http://x.com/good?no=1", "İ", "ß", "é", "Σ", "東京", "n't", "a", "I", "US",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "\t", "  ", "\u00a0", "\u3000", "\r\n", "\u2028", "\u200b"]

vader_text = st.lists(
    st.tuples(st.sampled_from(PIECES) | st.text(max_size=3), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda parts: "".join(p + s for p, s in parts))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(vader_text)
def test_property_same_numbers_and_evidence(text: str) -> None:
    scorer = _scorer()
    got = scorer.score(text)
    assert got[:4] == vaders_own(text)
    assert got.hits == scan_evidence(text, VADER.lexicon)


@SETTINGS
@given(st.text(max_size=200))
def test_property_any_string(text: str) -> None:
    scorer = _scorer()
    assert scorer.score(text)[:4] == vaders_own(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vader_text, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=8), st.booleans())
def test_property_spans_equal_scoring_each_span(text: str, cuts: list[tuple[int, int]], at_gaps: bool) -> None:
    scorer = _scorer()
    if at_gaps:  # sentence-like spans: from one gap between words to another, in order
        gaps = [0, *(m.start() for m in re.finditer(r"\s", text)), len(text)]
        marks = sorted({gaps[c % len(gaps)] for pair in cuts for c in pair})
        spans = list(zip(marks, marks[1:]))
    else:  # anything: cutting words, overlapping, out of order, empty
        spans = [(min(s, e, len(text)), min(max(s, e), len(text))) for s, e in cuts]
    assert scorer.score_spans(text, spans) == [scorer.score(text[s:e]) for s, e in spans]


def test_spans_of_sentences(scorer: VaderScorer, bundled_article: mk.Article) -> None:
    text = bundled_article.text
    spans = [(s.start, s.end) for s in mk.split_sentences(text)]
    got = scorer.score_spans(text, spans)
    assert len(got) == len(spans) > 10
    for (s, e), r in zip(spans, got, strict=True):
        assert r[:4] == vaders_own(text[s:e])
        assert r.hits == scan_evidence(text[s:e], VADER.lexicon)


def test_tokens_match_str_split_and_offsets() -> None:
    text = "  A\tb\n\nc\u00a0d\u3000e\x1cf \u200bg\u2028h  "
    tokens = _vader_tokens._tokens(text)
    assert tokens.toks == text.split()
    assert tokens.starts == [m.start() for m in re.finditer(r"\S+", text)]
    assert tokens.lower is None  # not ASCII: lower-cased word by word
    assert _vader_tokens._tokens("Ab  CD\te").lower == ["ab", "cd", "e"]


def test_whitespace_lists_are_pythons() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    assert set(_vader_tokens._ASCII_SPACES) | set(_vader_tokens._UNICODE_SPACES) == spaces


def test_backend_uses_the_scorer_and_keeps_its_objects(scorer: VaderScorer) -> None:
    text = "Officials denied the horrible attack, but praised the brave rescuers!"
    s = VaderBackend()(text)
    assert isinstance(s, mk.Sentiment) and s.backend == "vader" and s.subjectivity is None
    assert s.scores == dict(zip(("compound", "pos", "neu", "neg"), vaders_own(text), strict=True))
    assert s.polarity == s.scores["compound"]
    assert [(e.words, e.start, e.end, e.polarity) for e in s.evidence] == [
        ((h.word,), h.start, h.end, h.valence) for h in scan_evidence(text, VADER.lexicon)
    ]


def test_backend_without_the_scorer_gives_the_same_sentiments() -> None:
    """Where _vader does not mirror the installed VADER, the backend runs VADER's own code: same objects."""
    fast = VaderBackend()
    slow = VaderBackend()
    slow._scorer = None
    slow._analyzer = _linear_vader()
    text = "GREAT news :) but the terrible, horrible losses continue. Not bad at all!"
    assert slow(text) == fast(text)
    spans = [(0, 14), (15, 58), (59, len(text))]
    assert slow.score_spans(text, spans) == fast.score_spans(text, spans) == [fast(text[s:e]) for s, e in spans]


def test_hit_is_a_small_named_result() -> None:
    h = Hit("good", 3, 7, 1.9)
    assert h.word == "good" and h.end - h.start == len(h.word) and h._asdict()["valence"] == 1.9
