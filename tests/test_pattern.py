"""mediakit._pattern: TextBlob's own sentiment numbers, tokens and assessments, with offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textblob import TextBlob
from textblob import _text as tb_text
from textblob.en import sentiment as tb_sentiment

from mediakit import _pattern
from mediakit.segment import split_sentences
from mediakit.sentiment import TextBlobBackend

#: Tricky strings, also compared by ``benchmarks/check_pattern.py`` (which reads this list).
TRICKY = [
    "",
    " ",
    "   ",
    "\n\n",
    "\n\n\r\n",
    "\t \r\n ",
    "It isn't good. It's not bad. I can't say; we'd've known.",
    "ISN'T IT GREAT? DON'T BE SAD!!!",
    "Mr. Smith, Dr. Jones and the U.S. (i.e. America) met at 3 p.m. e.g. today vs. tomorrow etc.",
    "See http://www.bbc.co.uk/news?id=3&x=good or mail a.b@c.com - great!",
    "Happy :) sad :-( love <3 grin :D wink ;) cry :'( x-D XD o_O o.O \u2665 \u00b0O\u00b0 >:( =( 8-) :-. : ( : - )",
    "So good!!! Really bad!? Not good ( ! ) okay (!) ...",
    "Wait... what.... no..... ok...",
    "\u201cGreat\u201d, she said. \u2018Awful\u2019 he said. \"Good\" 'bad' ``nice''",
    "The war \u2014 terrible \u2013 ended; well-known, long-term, so-called good-natured.",
    "1,740 675,800 3.5% $1.2bn \u00a320m (in 2008) 10:30 8 ) 3 ) :3",
    "1,740 675,800 3.5% $1.2bn \u00a320m 2008) (in 2008) 10:30 8 ) 3 ) :3",
    "GREAT NEWS. TERRIBLE LOSSES. Very Good. NOT BAD AT ALL.",
    "Le pr\u00e9sident a parl\u00e9 tr\u00e8s clairement. \u0130stanbul was wonderful. Stra\u00dfe.",
    "Le pr\u00e9sident a parl\u00e9 tr\u00e8s clairement. \u0130stanbul was wonderful. Stra\u00dfe gro\u00dfe.",
    "\u00a0non\u00a0breaking\u2009thin\u2028line\x1cfile sep\x85next good",
    "\u00a0non\u00a0breaking\u2009thin\u2028line\x1cfile sep\x85next",
    "not a good idea, never really good, no very bad, really not good, extremely not bad",
    "Headline\n\nBody good here. Another line\r\n\r\nNext paragraph END-OF-SENTENCE done :\n\n)",
    "Headline\n\nBody starts here. Another line\r\n\r\nNext paragraph END-OF-SENTENCE done.",
    "(Good!) [bad.] {nice}? `quote' #tag @user $100 ^caret &amp; *star* +plus+ |pipe| =eq= ~tilde~ _u_",
    "n't not no never n 't isn ' t",
    "very very very good",
    "a\u2019s b\u2019t can\u2019t won\u2019t isn\u2019t",
    "...",
    "!!!",
    ":)",
    "( ! )",
    "END-OF-SENTENCE",
    "very no good",
]

PIECES = (
    "good bad not no never very really extremely terribly GREAT Happy isn't can't it's n't 's ' \" "
    "\u201c \u201d \u2018 \u2019 Mr. U.S. e.g. etc. p.m. A. x. Xyz. http://a.b/c?d=e :) :-( <3 :D ;) "
    ":'( x-D o.O 8) : - ) ( ! ? . ... .... !!! (!) \u2014 well-known 2008 3.5% ALL \u0130stanbul \u00df "
    "\u2665 \u00b0O\u00b0 , ; [ ] ` '' @ # * + | = ~ _ END-OF-SENTENCE w/ vs. a the ly"
).split()
SEPARATORS = [" ", " ", "", "\n", "\n\n", "\r\n\r\n", "\t", "\u00a0", "\u2028", "\x1c"]

pieced_text = st.lists(st.sampled_from([p + s for p in PIECES for s in SEPARATORS]), max_size=25).map("".join)


def textblob_tokens(text: str) -> list[str]:
    return " ".join(tb_sentiment.tokenizer(text)).split()


def assert_same_as_textblob(text: str) -> None:
    words, starts, ends = _pattern.tokenize(text)
    assert words == textblob_tokens(text)
    for w, s, e in zip(words, starts, ends):
        assert re.sub(r"\s+", "", text[s:e]) == w  # rejoined emoticons span their spaces
    want = tb_sentiment(text)
    got = _pattern.sentiment(text)
    assert (repr(got.polarity), repr(got.subjectivity)) == (repr(want[0]), repr(want[1]))
    assert repr([(a.words, a.polarity, a.subjectivity, a.label) for a in got.assessments]) == repr(
        [tuple(a) for a in want.assessments]
    )


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_give_textblobs_tokens_and_numbers(text: str) -> None:
    assert_same_as_textblob(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieced_text)
def test_random_texts_of_tricky_pieces_give_textblobs_numbers(text: str) -> None:
    assert_same_as_textblob(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_string_gives_textblobs_numbers(text: str) -> None:
    assert_same_as_textblob(text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieced_text, st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=6))
def test_score_spans_equals_scoring_each_span_alone(text: str, cuts: list[tuple[int, int]]) -> None:
    spans = [(s.start, s.end) for s in split_sentences(text)] + [(min(a, b), max(a, b)) for a, b in cuts]
    spans = [(min(s, len(text)), min(e, len(text))) for s, e in spans]
    assert _pattern.score_spans(text, spans) == [_pattern.sentiment(text[s:e]) for s, e in spans]


def _parts_at_whitespace(text: str, every: int) -> list[tuple[int, int]]:
    """Consecutive spans of ``text`` cut at every ``every``-th run of whitespace (together they cover it)."""
    cuts = [m.start() for m in re.finditer(r"\s+", text)][::every]
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieced_text, st.integers(1, 4))
def test_whole_text_scored_with_its_parts_equals_scoring_it_alone(text: str, every: int) -> None:
    # the whole text's score is joined from consecutive parts where nothing carries across them
    for parts in ([(s.start, s.end) for s in split_sentences(text)], _parts_at_whitespace(text, every)):
        spans = [(0, len(text)), *parts]
        assert _pattern.score_spans(text, spans) == [_pattern.sentiment(text[s:e]) for s, e in spans]


@pytest.mark.parametrize(
    "text",
    [
        "It was not. Good news.",  # a negation pending across the sentence end
        "It was very. Good news.",  # a modifier pending
        "It was really not. Good news.",  # a modifier in -ly and a negation: pattern adds "not" to the phrase
        "Good news. ! Bad news !",  # a "!" before the second part's first phrase joins the first part's
        "Good news. Bad news.",
    ],
)
def test_whole_text_joined_from_sentences_only_where_nothing_carries_over(text: str) -> None:
    parts = _parts_at_whitespace(text, 1) + [(s.start, s.end) for s in split_sentences(text)]
    for spans in ([(0, len(text)), *parts[: len(text.split())]], [(0, len(text)), *parts[len(text.split()) :]]):
        assert _pattern.score_spans(text, spans) == [_pattern.sentiment(text[s:e]) for s, e in spans]


def test_lexicon_is_textblobs_lexicon_for_untagged_words() -> None:
    tb_sentiment.load() if not dict.__len__(tb_sentiment) else None
    want = {w: (*by_pos[None], "RB" in by_pos, tb_sentiment.labeler.get(w)) for w, by_pos in dict.items(tb_sentiment)}
    assert _pattern.lexicon() == want
    assert _pattern.lexicon()["terribly"][:3] == tuple(dict.__getitem__(tb_sentiment, "terrible")["JJ"])


def test_constants_are_textblobs() -> None:
    assert _pattern._PUNCTUATION == tb_text.PUNCTUATION
    assert _pattern._ABBREVIATIONS == tb_text.ABBREVIATIONS
    assert [r.pattern for r in (_pattern._RE_ABBR1, _pattern._RE_ABBR2, _pattern._RE_ABBR3)] == [
        r.pattern for r in (tb_text.RE_ABBR1, tb_text.RE_ABBR2, tb_text.RE_ABBR3)
    ]
    # EMOTICONS is a dict of sets: same groups in the same order, same members
    assert [(p, set(g)) for p, g in _pattern._EMOTICONS] == [(p, g) for (_, p), g in tb_text.EMOTICONS.items()]
    assert _pattern._RE_SARCASM.pattern == tb_text.RE_SARCASM.pattern
    assert (_pattern._EOS, _pattern._MOOD, _pattern._IRONY) == (tb_text.EOS, tb_text.MOOD, tb_text.IRONY)
    assert _pattern._NEGATIONS == set(tb_sentiment.negations)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("It is not very good!", [(["not", "very", "good", "!"], "not very good")]),
        ("A really not good idea", [(["really", "not", "good"], "really not good")]),
        (
            "GREAT news :) but : ( and ( ! )",
            [(["great"], "GREAT"), ([":)"], ":)"), ([":("], ": ("), (["(!)"], "( ! )")],
        ),
        ("He isn\u2019t happy.", [(["happy"], "happy")]),
        ("Prices rose (in 2008) sharply.", [(["rose"], "rose"), (["sharply"], "sharply")]),
        ("Good\n\nBad END-OF-SENTENCE", [(["good"], "Good"), (["bad"], "Bad")]),
        ("Nothing here.", []),
    ],
)
def test_assessments_point_at_their_words(text: str, phrases: list[tuple[list[str], str]]) -> None:
    got = _pattern.sentiment(text).assessments
    assert [(a.words, text[a.start : a.end]) for a in got] == phrases


def test_a_phrase_out_of_text_order_spans_all_its_words() -> None:
    # pattern puts the negation first although "no" follows "very"
    text = "It was very no good"
    (a,) = _pattern.sentiment(text).assessments
    assert a.words == ["no", "very", "good"]
    assert text[a.start : a.end] == "very no good"


def test_spaced_emoticons_are_rejoined_as_textblob_does() -> None:
    text = "Fine : - ) and 2008 ) ok"
    assert _pattern.tokenize(text)[0] == ["Fine", ":-)", "and", "2008)", "ok"] == textblob_tokens(text)


def test_score_spans_offsets_are_relative_to_each_span() -> None:
    text = "Bad start. Good end :)"
    first, second = _pattern.score_spans(text, [(0, 10), (11, 22)])
    assert [(a.words, a.start, a.end) for a in first.assessments] == [(["bad"], 0, 3)]
    assert [(a.words, a.start, a.end) for a in second.assessments] == [(["good"], 0, 4), ([":)"], 9, 11)]


def test_backend_gives_textblobs_sentiment_and_evidence() -> None:
    text = "The talks were a great success, not a bad result at all :)"
    s = TextBlobBackend()(text)
    own = TextBlob(text).sentiment_assessments
    assert (s.polarity, s.subjectivity) == (own.polarity, own.subjectivity)
    assert [(list(e.words), e.polarity, e.subjectivity) for e in s.evidence] == [a[:3] for a in own.assessments]
    assert [text[e.start : e.end] for e in s.evidence if e.start is not None] == [
        "great",
        "success",
        "not a bad",
        ":)",
    ]


def test_self_check_agrees_with_the_installed_textblob(monkeypatch: pytest.MonkeyPatch) -> None:
    import mediakit.sentiment as sm

    monkeypatch.setattr(sm, "PATTERN_CHECKED_RELEASES", frozenset())  # as for an unchecked release
    sm._pattern_mirrors_textblob.cache_clear()
    try:
        assert sm._pattern_mirrors_textblob()
    finally:
        sm._pattern_mirrors_textblob.cache_clear()


def test_fallback_to_textblobs_own_code_gives_the_same_numbers() -> None:
    from textblob.en import sentiment as own

    import mediakit.sentiment as sm

    fallback = sm.TextBlobBackend()
    fallback._exact = False  # what an installed TextBlob that failed the self-check gets
    exact = sm.TextBlobBackend()
    assert exact._exact
    text = "A good start. It is not bad at all! A truly terrible, sad end :("
    for t in (*sm._SELF_CHECK, text):
        slow, fast = fallback(t), exact(t)
        assert (slow.polarity, slow.subjectivity) == tuple(own(t)[:2]) == (fast.polarity, fast.subjectivity)
        assert [e.words for e in slow.evidence] == [e.words for e in fast.evidence]
        assert all(t[e.start : e.end].lower().startswith(e.words[0]) for e in slow.evidence if e.start is not None)
    spans = [(0, 13), (14, 36), (0, len(text))]
    assert [s.scores for s in fallback.score_spans(text, spans)] == [s.scores for s in exact.score_spans(text, spans)]
