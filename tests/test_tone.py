"""score_tone's news rules pinned on hand-written sentences, and validate() on known numbers."""

from __future__ import annotations

import math

import pytest

from mediakit.errors import InputError
from mediakit.tone import score_tone, tone_label, tone_table
from mediakit.validation import validate


def _rules(text: str, word: str) -> set[str]:
    """Every rule applied to ``word`` in the tone evidence of ``text``."""
    t = score_tone(text)
    hits = [e for e in t.evidence if e.text.lower() == word]
    assert hits, f"{word!r} carries no tone in {text!r}: {[e.text for e in t.evidence]}"
    return {r for e in hits for r in e.rules}


@pytest.mark.parametrize(
    "text, label",
    [
        ("Trump threatened to strike Moscow.", "negative"),
        ("Dozens were killed in the attack.", "negative"),
        ("The plan is a bad idea.", "negative"),
        ("The result was excellent.", "positive"),
        ("The ceasefire held.", "positive"),
        ("The committee meets on Tuesday.", "neutral"),
        ("", "neutral"),
    ],
)
def test_labels_of_plain_sentences(text: str, label: str) -> None:
    assert score_tone(text).label == label


@pytest.mark.parametrize(
    "negated, plain",
    [
        ("The plan is not good.", "The plan is good."),
        ("The plan isn't good.", "The plan is good."),  # TextBlob alone misses "n't"
        ("The talks did not fail.", "The talks failed."),
        ("The plan isn't a bad idea.", "The plan is a bad idea."),
    ],
)
def test_negation_moves_the_score_towards_the_other_side(negated: str, plain: str) -> None:
    n, p = score_tone(negated).score, score_tone(plain).score
    assert abs(p) > 0.1
    assert (n - p) * math.copysign(1, p) < -0.1, (n, p)


def test_negation_is_marked_on_the_word_and_stops_at_punctuation() -> None:
    assert "negated" in _rules("The talks did not fail.", "fail")
    assert "negated" not in _rules("Not yet, the talks failed.", "failed")


@pytest.mark.parametrize(
    "text, before, after",
    [
        ("The plan was bad, but the result was excellent.", "bad", "excellent"),
        ("The talks were friendly; however, the war continued.", "friendly", "war"),
    ],
)
def test_contrast_marks_both_sides(text: str, before: str, after: str) -> None:
    assert "contrast_before" in _rules(text, before)
    assert "contrast_after" in _rules(text, after)


def test_contrast_lets_the_second_clause_win() -> None:
    good_then_bad = score_tone("The plan was excellent, but the result was bad.").score
    bad_then_good = score_tone("The plan was bad, but the result was excellent.").score
    assert bad_then_good > good_then_bad


def test_concessive_clause_is_marked_only_to_its_end() -> None:
    text = "Although the talks were friendly, the war continued."
    assert "concessive" in _rules(text, "friendly")
    assert "concessive" not in _rules(text, "war")


def test_attribution_and_quoted_voice_are_told_apart() -> None:
    attributed = "Trump said he had a great relationship with Putin."
    assert "attributed" in _rules(attributed, "great")
    assert "attributed" not in _rules("He had a great relationship with Putin.", "great")
    quoted = '"This is a disaster," the minister said.'
    assert "quoted" in _rules(quoted, "disaster")
    assert "quoted" not in _rules("This is a disaster.", "disaster")


def test_hedge_marks_the_rest_of_its_clause() -> None:
    text = "The result was reportedly excellent, and the crowd cheered."
    assert "hedged" in _rules(text, "excellent")


@pytest.mark.parametrize(
    "text, word, rules",
    [
        ("The talks DIDN'T fail.", "fail", {"negated"}),  # "n't" in capitals
        ('The crowd chanted "they said no" and it was terrible.', "terrible", set()),  # "said" only quoted
        ("The crowd said it was terrible.", "terrible", {"attributed"}),
        # a concessive clause before the contrast counts as before the contrast, not as concessive
        ("Despite good progress the plan failed, but the result was excellent.", "good", {"contrast_before"}),
        ("Despite good progress the plan failed, but the result was excellent.", "excellent", {"contrast_after"}),
        ("The attack may not succeed.", "succeed", {"hedged", "negated"}),
        # a quotation of two sentences: the second is quoted too, though its opening mark is in the first
        ('"It was a wonderful day. The crowd cheered," the mayor said.', "cheered", {"quoted"}),
        # a quotation re-opened in a new paragraph
        ('He said: "The war was terrible.\n\n"The peace is wonderful," he added.', "wonderful", {"quoted"}),
        ("The result was reportedly excellent, and the crowd cheered.", "cheered", set()),  # hedge ends at ","
    ],
)
def test_each_rule_applies_only_where_its_marker_is(text: str, word: str, rules: set[str]) -> None:
    assert _rules(text, word) == rules


def test_rules_are_listed_in_a_fixed_order() -> None:
    t = score_tone("The attack may not succeed, but the crowd said it was terrible.")
    by_word = {e.text: e.rules for e in t.evidence if e.source == "vader"}
    assert by_word["succeed"] == ("attributed", "negated", "contrast_before", "hedged")
    assert by_word["terrible"] == ("attributed", "contrast_after")


def test_evidence_offsets_point_into_the_text() -> None:
    text = 'Markets plunged. "It is a catastrophe," one trader said, but others were calm.'
    t = score_tone(text)
    assert t.evidence
    for e in t.evidence:
        assert text[e.start : e.end] == e.text


def test_article_score_is_word_weighted_mean_of_sentences() -> None:
    text = "The attack killed ten people. The weather was mild and the harvest good."
    rows = tone_table(text)
    expected = (rows["tone_score"] * rows["n_words"]).sum() / rows["n_words"].sum()
    assert score_tone(text).score == pytest.approx(expected)


def test_thresholds_and_bad_input() -> None:
    assert tone_label(-0.5) == "negative" and tone_label(0.5) == "positive" and tone_label(0.0) == "neutral"
    with pytest.raises(InputError):
        score_tone(42)  # type: ignore[arg-type]


def test_validate_agreement_figures() -> None:
    v = validate([0.9, 0.4, 0.0, -0.3, -0.8, 0.05], [1.0, 0.5, 0.1, -0.2, -1.0, -0.5])
    assert v.n == 6
    assert 0.8 < v.pearson <= 1.0
    assert v.confusion.to_numpy().sum() == 6
    perfect = validate([1, 0, -1], ["positive", "neutral", "negative"])
    assert perfect.macro_f1 == pytest.approx(1.0)
    with pytest.raises(InputError):
        validate([0.1, 0.2], [0.1])


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_negation_reads_curly_and_straight_apostrophes_alike(apostrophe: str) -> None:
    tone = score_tone(f"The plan isn{apostrophe}t good.")
    good = [e for e in tone.evidence if e.text == "good"]
    assert good and all("negated" in e.rules for e in good)
    assert all(e.weight < 0 for e in good)


@pytest.mark.parametrize(
    "text, cuts",
    [
        # sentences scored from the whole text's tokens, as score_tone does
        ('Markets plunged. "We won’t give up," the minister said. It isn\'t over, but hope remains.', None),
        ("Talks DIDN'T fail.\n\nThe deal may not hold, although officials were never so confident.", None),
        # spans that cut words or start after no whitespace: scored alone
        ("Markets plunged.Then they rallied strongly, analysts said.", [(0, 16), (16, 58)]),
        ("A war killed many. No, not good!", [(2, 18), (19, 31), (0, 32)]),
    ],
)
def test_sentences_scored_together_equal_each_scored_alone(text: str, cuts: list[tuple[int, int]] | None) -> None:
    from mediakit._tone_rules import _model, _score_sentences, _score_span
    from mediakit.segment import quoted_spans, split_sentences
    from mediakit.sentiment import get_backend

    spans = cuts if cuts is not None else [(s.start, s.end) for s in split_sentences(text)]
    quoted = quoted_spans(text)
    scored = [(get_backend("textblob")(text[s:e]), get_backend("vader")(text[s:e])) for s, e in spans]
    together = _score_sentences(text, spans, quoted, _model(), scored)
    alone = [_score_span(text, s, e, quoted, _model(), sc) for (s, e), sc in zip(spans, scored)]
    assert together == alone
    assert any(t.evidence for t in together)
