"""target_tone: the tone of a sentence towards one of its targets, pinned on hand-written news sentences."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from mediakit.errors import InputError
from mediakit.segment import split_sentences
from mediakit.target import FEATURES, TargetTone, target_features, target_tone, target_tone_table
from mediakit.tone import score_tone


def _span(text: str, target: str) -> tuple[int, int]:
    start = text.index(target)
    return start, start + len(target)


def _tone(text: str, target: str) -> TargetTone:
    return target_tone(text, *_span(text, target))


# The sentence-level label (score_tone) is wrong for these targets: the words around the target decide.
@pytest.mark.parametrize(
    "text, target, sentence_label, label",
    [
        ("The company reported record profits, but its founder was arrested for tax evasion.", "its founder",
         "neutral", "negative"),
        ("Protesters rallied against Jones on Friday.", "Jones", "positive", "negative"),
    ],
)
def test_target_label_differs_from_the_sentence_label(text: str, target: str, sentence_label: str, label: str) -> None:
    assert score_tone(text).label == sentence_label
    assert _tone(text, target).label == label


# Two targets of one sentence, portrayed differently: one sentence score cannot rank them.
@pytest.mark.parametrize(
    "text, better, worse",
    [
        ("Critics praised Smith after Jones resigned in disgrace.", "Smith", "Jones"),
        ("The senator was praised by voters, while the governor was accused of fraud.", "senator", "governor"),
        ("The brilliant coach celebrated a historic win, while the referee was accused of cheating.",
         "The brilliant coach", "the referee"),
        ("Investors cheered the strong earnings report, but the chief executive was fired for fraud.",
         "Investors", "the chief executive"),
    ],
)
def test_two_targets_of_one_sentence_are_ranked(text: str, better: str, worse: str) -> None:
    good, bad = _tone(text, better), _tone(text, worse)
    assert good.sentence_score == bad.sentence_score == score_tone(text).score
    assert good.score > bad.score + 0.3


@pytest.mark.parametrize(
    "text, target, label",
    [
        ("Hillary Clinton blamed the Democratic National Committee for her election defeat.", "Hillary Clinton",
         "negative"),
        ("The mayor lied to investigators about the bribes.", "The mayor", "negative"),
        ("The nurse was hailed as a hero for saving the children.", "The nurse", "positive"),
        ("The committee meets on Tuesday in Brussels.", "The committee", "neutral"),
    ],
)
def test_plain_portrayals(text: str, target: str, label: str) -> None:
    assert _tone(text, target).label == label


def test_words_next_to_the_target_count_more_than_words_in_another_clause() -> None:
    text = "Jones resigned in disgrace, but Smith spoke at the ceremony."
    jones, smith = _tone(text, "Jones"), _tone(text, "Smith")
    assert jones.score < smith.score
    rules = {e.text: e.rule for e in smith.evidence}
    assert rules["disgrace"] == "other clause"
    assert {e.text: e.rule for e in jones.evidence}["resigned"] == "within 1 words"


def test_a_speaker_of_harsh_words_is_marked_and_less_negative_than_the_sentence() -> None:
    text = "Jones said the attack was a horrific and cowardly crime."
    t = _tone(text, "Jones")
    assert t.roles == ("speaker of the reported words",)
    assert t.score > t.sentence_score
    described = _tone("The attack was a horrific and cowardly crime by Jones.", "Jones")
    assert described.roles == ()
    assert described.score < t.score


@pytest.mark.parametrize(
    "text, target",
    [
        ("According to Jones, the talks failed.", "Jones"),
        ("Jones has told reporters the talks failed.", "Jones"),
    ],
)
def test_speaker_forms(text: str, target: str) -> None:
    assert "speaker of the reported words" in _tone(text, target).roles


def test_against_is_a_role() -> None:
    t = _tone("Protesters rallied against Jones on Friday.", "Jones")
    assert "object of 'against'" in t.roles
    assert "object of 'against'" not in _tone("Protesters rallied with Jones on Friday.", "Jones").roles


def test_evidence_offsets_point_at_the_words_in_a_longer_text() -> None:
    text = "The weather was fine. Critics praised Smith after Jones resigned in disgrace. Nothing else happened."
    t = _tone(text, "Jones")
    assert (t.sentence_start, t.sentence_end) == _span(text, "Critics praised Smith after Jones resigned in disgrace.")
    assert t.target == "Jones" and text[t.start : t.end] == "Jones"
    assert t.evidence, "the sentence has evaluative words"
    for e in t.evidence:
        assert text[e.start : e.end] == e.text
    assert {"praised", "disgrace"} <= {e.text for e in t.evidence}
    assert "fine" not in {e.text for e in t.evidence}  # another sentence


def test_given_sentences_are_used() -> None:
    text = "Jones resigned in disgrace. Smith was praised."
    start, end = _span(text, "Smith")
    own = target_tone(text, start, end, sentences=split_sentences(text))
    pairs = target_tone(text, start, end, sentences=[(0, 27), (28, len(text))])
    assert own == pairs == target_tone(text, start, end)
    whole = target_tone(text, start, end, sentences=[(0, len(text))])
    assert whole.sentence_start == 0 and whole.score != own.score


def test_features_and_results_are_plain_data() -> None:
    text = "The mayor lied to investigators."
    feats, words, span, sent = target_features(text, 0, 9)
    assert set(feats) == set(FEATURES) and span == (0, len(text))
    t = _tone(text, "The mayor")
    assert -1.0 <= t.score <= 1.0 and t.label in ("negative", "neutral", "positive")
    assert pickle.loads(pickle.dumps(t)) == t
    d = t.to_dict()
    assert d["target"] == "The mayor" and d["evidence"][0]["text"] == "lied"


@pytest.mark.parametrize(
    "args, message",
    [
        (("Jones resigned.", 0, 99), "0 <= start < end <= len(text)"),
        (("Jones resigned.", 5, 2), "start=5, end=2"),
        (("Jones resigned.", 3, 3), "start=3, end=3"),
        (("Jones resigned.", -1, 3), "start=-1"),
        ((None, 0, 3), "not NoneType"),
        ((b"Jones resigned.", 0, 5), "not bytes"),
        (("Jones resigned.", 0.0, 5), "start as an int"),
        (("Jones resigned.", 0, True), "end as an int"),
    ],
)
def test_bad_input_raises_input_error(args: tuple, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)").replace("<", "<")):
        target_tone(*args)


def test_table_from_a_list_and_from_a_dataframe_keeps_the_index() -> None:
    text = "Critics praised Smith after Jones resigned in disgrace."
    rows = [(text, *_span(text, "Smith")), (text, *_span(text, "Jones"))]
    table = target_tone_table(rows)
    assert list(table["target"]) == ["Smith", "Jones"]
    assert list(table["target_tone_label"]) == [_tone(text, "Smith").label, _tone(text, "Jones").label]
    df = pd.DataFrame(rows, columns=["text", "start", "end"], index=["a", "b"])
    by_df = target_tone_table(df)
    assert list(by_df.index) == ["a", "b"]
    assert list(by_df["target_tone_score"]) == list(table["target_tone_score"])
    assert "disgrace" in by_df.loc["b", "target_evidence"]


def test_table_rejects_bad_rows() -> None:
    with pytest.raises(InputError, match="columns"):
        target_tone_table(pd.DataFrame({"body": ["x"], "start": [0], "end": [1]}))
    with pytest.raises(InputError, match=r"\(text, start, end\)"):
        target_tone_table([("Jones resigned.", 0)])
    with pytest.raises(InputError, match="0 <= start < end"):
        target_tone_table([("Jones resigned.", 0, 50)])


_MANY = ("Critics praised Smith after Jones resigned in disgrace. Smith said Jones lied, and Jones denied it. "
         "\"Smith is a fraud,\" Jones told reporters. According to Smith, the deal was fair.")


@pytest.mark.parametrize("sentences", [None, "split", [(0, 57), (58, 120), (121, 170), (171, len(_MANY))],
                                       [(121, 170), (0, 57), (0, len(_MANY)), (58, 120)]])
def test_targets_of_one_text_scored_together_equal_one_by_one(sentences: object) -> None:
    """_target_tones shares each sentence's score_tone between its targets: the results do not change."""
    from mediakit.target import _target_tones

    given = split_sentences(_MANY) if sentences == "split" else sentences
    spans = [(m, m + 5) for m in range(len(_MANY) - 4) if _MANY[m : m + 5] in ("Smith", "Jones")]
    spans += [(0, 7), (0, len(_MANY))]  # "Critics"; a target no sentence holds (scored on the whole text)
    one_by_one = [target_tone(_MANY, s, e, sentences=given) for s, e in spans]  # type: ignore[arg-type]
    together = _target_tones(_MANY, spans, sentences=given)  # type: ignore[arg-type]
    assert together == one_by_one
    assert len({t.sentence_start for t in together}) >= 2  # several sentences, several targets each


def test_table_rows_equal_target_tone_of_each_row() -> None:
    other = "Jones resigned in disgrace. Smith was praised."
    rows = [(_MANY, *_span(_MANY, "Jones")), (other, *_span(other, "Smith")), (_MANY, 0, 7),
            (_MANY, *_span(_MANY, "Smith")), (other, *_span(other, "Jones"))]
    table = target_tone_table(rows)
    for (text, s, e), score, label in zip(rows, table["target_tone_score"], table["target_tone_label"]):
        t = target_tone(text, s, e)
        assert (score, label) == (t.score, t.label)
