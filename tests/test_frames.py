"""Generic news frames and user frame dictionaries: indicators per codebook item, scores, validation."""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.article import Article
from mediakit.errors import InputError, LoadError
from mediakit.framing.frame_eval import frame_metrics, predict_frames, validate_frames
from mediakit.framing.frames import (
    FrameScheme,
    find_frame_hits,
    frame_items,
    frames_table,
    load_frames,
    score_frames,
)

GENERIC = ("conflict", "human_interest", "economic", "morality", "responsibility")


def _indicators(text: str) -> set[str]:
    return {h.indicator for h in find_frame_hits(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Democrats and Republicans remain deeply divided over the spending bill.", {"conflict.disagreement"}),
        ("The senator accused the White House of stonewalling the investigation.", {"conflict.reproach"}),
        ("Supporters say the law will save lives, while opponents argue it goes too far.", {"conflict.two_sides"}),
        ("The incumbent conceded defeat late on Tuesday night.", {"conflict.winners_losers"}),
        ("Russian forces launched a missile strike on Kyiv overnight.", {"conflict.hostility"}),
        # a ceasefire presupposes two warring parties: counted as hostility (documented decision)
        ("Both sides agreed to a ceasefire on Sunday.", {"conflict.two_sides", "conflict.hostility"}),
        ("The mother of two wept as she described losing her home in the flood.",
         {"human_interest.human_example", "human_interest.emotion", "human_interest.affected"}),
        ("The factory closure will cost 2,000 jobs and hurt the local economy.",
         {"economic.cost", "economic.loss_gain", "economic.consequences"}),
        ("Church leaders said it was a moral failure and a shameful episode.",
         {"morality.religion", "morality.moral_message"}),
        ("Lawmakers must act now to fix the broken system, the report said.", {"responsibility.government_able"}),
        ("The minister said the company was responsible for the spill.", {"responsibility.responsible"}),
        ("Officials called for urgent action to contain the outbreak.", {"responsibility.urgent"}),
        ("The incumbent won the election after his rival conceded.", {"conflict.winners_losers"}),
        ("Christian groups said the law offended their faith.", {"morality.religion"}),
    ],
)
def test_items_that_fire(text: str, expected: set[str]) -> None:
    assert expected <= _indicators(text)


@pytest.mark.parametrize(
    "text",
    [
        "The weather will be sunny with light winds in the afternoon.",
        "The committee meets on Thursday to review the schedule.",
        # "fire" is not a conflict indicator, and never matches inside another word
        "The house caught fire on Tuesday and firefighters arrived within minutes.",
        # ignore rows: senses that are not indicators
        "She lost weight before the marathon.",
        "He is believed to have fired the shot.",
        "The president is in good health, his doctor said.",
        # awards and arts reviews: not the winners, losers and critics of an issue
        "She won the Oscar for best actress, and the film critics loved it.",
        "He set a personal best in the final.",
        "Christian Bale starred in the film.",
    ],
)
def test_sentences_that_must_not_fire(text: str) -> None:
    assert find_frame_hits(text) == ()


def test_heart_attack_is_not_hostility() -> None:
    assert "conflict.hostility" not in _indicators("He was treated in hospital after a heart attack.")
    assert "conflict.hostility" in _indicators("He was treated in hospital after the attack.")


def test_hits_point_at_their_words() -> None:
    text = "Critics accused the government of hypocrisy.\n\nThe cost of the war keeps rising."
    hits = find_frame_hits(text)
    assert [h.text for h in hits] == ["Critics", "accused", "hypocrisy", "cost", "war"]
    for h in hits:
        assert text[h.start : h.end] == h.text


def test_score_is_hits_per_100_words() -> None:
    text = "Critics accused the mayor.\n\nThe weather was fine and the sky was clear today."
    scores = {(s.unit, s.index, s.frame): s for s in score_frames(text)}
    assert scores[("paragraph", 0, "conflict")].score == 50.0  # 2 hits, 4 words
    assert scores[("paragraph", 0, "conflict")].n_hits == 2
    assert scores[("paragraph", 1, "conflict")].score == 0.0
    art = scores[("article", 0, "conflict")]
    assert art.score == round(100 * 2 / 14, 4)
    assert (art.start, art.end) == (0, len(text))
    assert art.items == ("conflict.reproach",)


def test_score_rows_cover_every_paragraph_and_frame() -> None:
    text = "One.\n\nTwo.\n\nThree."
    scores = score_frames(text)
    assert len(scores) == 3 * 5 + 5
    assert [s.frame for s in scores[:5]] == list(GENERIC)
    assert {s.unit for s in scores[-5:]} == {"article"}


def test_empty_text() -> None:
    scores = score_frames("")
    assert [(s.unit, s.score, s.n_hits) for s in scores] == [("article", 0.0, 0)] * 5
    assert frames_table("").empty


def test_bundled_article_conflict_dominates(bundled_article: Article) -> None:
    scores = score_frames(bundled_article)
    article = {s.frame: s for s in scores if s.unit == "article"}
    assert set(article) == set(GENERIC)
    assert max(article, key=lambda f: article[f].score) == "conflict"
    assert article["conflict"].n_hits >= 5
    words = {h.text.lower() for h in article["conflict"].hits}
    assert {"threat", "war", "invasion"} <= words
    text = bundled_article.text
    for s in scores:
        for h in s.hits:
            assert text[h.start : h.end] == h.text
            assert s.start <= h.start and h.end <= s.end
    # the headline is paragraph 0 and carries the threat
    head = [s for s in scores if s.unit == "paragraph" and s.index == 0 and s.frame == "conflict"][0]
    assert [h.text for h in head.hits] == ["Threat"]


def test_frames_table_is_wide(bundled_article: Article) -> None:
    df = frames_table(bundled_article)
    assert list(df.columns) == ["paragraph", "role", "start", "end", "text",
                                *(f"frame_{f}" for f in GENERIC), "evidence"]
    assert df["role"].iloc[0] == "headline"
    assert df["evidence"].iloc[0] == ["conflict: Threat"]
    assert df["frame_conflict"].dtype == float
    # reusing precomputed scores gives the same table
    again = frames_table(bundled_article, scores=score_frames(bundled_article))
    pd.testing.assert_frame_equal(df, again)


def test_frame_items_presence() -> None:
    df = frame_items("Critics blamed the government for the crisis.\n\nTaxes rose.")
    present = df[df["present"]].set_index("item")
    assert set(present.index) == {"conflict.reproach", "responsibility.urgent", "economic.cost"}
    assert present.loc["conflict.reproach", "words"] == ["Critics", "blamed"]
    assert present.loc["economic.cost", "paragraphs"] == [1]
    assert len(df) == len(load_frames().items)  # every item, fired or not


# --------------------------------------------------------------------------- user dictionaries

GUN = {
    "gun_control": ["gun control", "background check*", "assault weapon*", "gun law|laws"],
    "mental_health": ["mental health|illness", "mentally ill"],
}


def test_dict_dictionary() -> None:
    scheme = load_frames(GUN)
    assert scheme.frames == ("gun_control", "mental_health")
    text = "Senators pushed universal background checks after the shooting."
    hits = find_frame_hits(text, scheme=scheme)
    assert [(h.text, h.frame, h.indicator) for h in hits] == [("background checks", "gun_control", "background check*")]
    df = frames_table(text, scheme=GUN)
    assert [c for c in df.columns if c.startswith("frame_")] == ["frame_gun_control", "frame_mental_health"]


def test_dict_with_items() -> None:
    scheme = load_frames({"gun_control": {"policy": ["gun control"], "weapons": ["assault weapon*"]}})
    hits = find_frame_hits("A ban on assault weapons, a win for gun control.", scheme=scheme)
    assert [h.indicator for h in hits] == ["gun_control.weapons", "gun_control.policy"]


def test_tsv_file(tmp_path: Path) -> None:
    path = tmp_path / "gun.tsv"
    path.write_text(
        "# my gun frames\npattern\tframe\titem\tnote\n"
        "gun control\tgun_control\tpolicy\t\nmental health\tmental_health\t\t\nmass shooting\tignore\t\t\n",
        encoding="utf-8",
    )
    scheme = load_frames(path)
    assert scheme.frames == ("gun_control", "mental_health")
    hits = find_frame_hits("Gun control and mental health after the mass shooting.", scheme=str(path))
    assert [h.indicator for h in hits] == ["gun_control.policy", "mental health"]


def test_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "gun.csv"
    path.write_text("frame,pattern\ngun_control,gun control\ngun_control,\"assault weapon*\"\n", encoding="utf-8")
    scheme = load_frames(path)
    assert [r[:2] for r in scheme.rows] == [("gun control", "gun_control"), ("assault weapon*", "gun_control")]


def test_dataframe_dictionary_and_round_trip() -> None:
    df = pd.DataFrame({"pattern": ["gun control", "nra"], "frame": ["gun_control", "gun_rights"]})
    scheme = load_frames(df)
    assert scheme.frames == ("gun_control", "gun_rights")
    again = load_frames(scheme.to_frame())
    assert again.rows == scheme.rows
    assert load_frames(scheme) is scheme
    assert isinstance(load_frames("generic"), FrameScheme)


def test_extend_generic_scheme() -> None:
    extra = pd.DataFrame({"pattern": ["gun control"], "frame": ["gun_control"]})
    scheme = load_frames(pd.concat([load_frames().to_frame(), extra]))
    assert scheme.frames == (*GENERIC, "gun_control")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ({"x": ["..."]}, "has no required word"),
        ({"x": "gun control"}, "give a list of patterns"),
        ({}, "has no patterns"),
        (pd.DataFrame({"pattern": ["gun"]}), "needs 'pattern' and 'frame' columns"),
        (42, "must be a scheme name"),
    ],
)
def test_bad_dictionaries(source: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_frames(source)  # type: ignore[arg-type]


def test_bad_files_name_the_file_and_line(tmp_path: Path) -> None:
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("pattern\tframe\ngun control\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv, line 2: pattern 'gun control' has no frame"):
        load_frames(tsv)
    csv = tmp_path / "bad.csv"
    csv.write_text("words,label\ngun,control\n", encoding="utf-8")
    with pytest.raises(LoadError, match="needs a header with 'pattern' and 'frame'"):
        load_frames(csv)
    with pytest.raises(LoadError, match="no lexicon named"):
        load_frames(tmp_path / "missing.tsv")


def test_scheme_is_picklable_as_rows() -> None:
    scheme = load_frames(GUN)
    rows = pickle.loads(pickle.dumps(scheme.rows))
    assert load_frames(pd.DataFrame(list(rows), columns=["pattern", "frame", "item", "note"])).frames == scheme.frames


def test_bad_input_type() -> None:
    with pytest.raises(InputError, match="expected a str or an Article"):
        score_frames(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- validation

def test_predict_top_and_any() -> None:
    texts = ["Critics said the costly plan and its price tag were too expensive.", "A sunny day."]
    assert predict_frames(texts) == [frozenset({"conflict", "economic"}), frozenset()]
    assert predict_frames(texts, mode="top") == [frozenset({"economic"}), frozenset()]
    assert predict_frames(texts, min_hits=2) == [frozenset({"economic"}), frozenset()]


def test_validate_frames_counts() -> None:
    texts = [
        "Critics slammed the plan.",  # conflict, labelled conflict: tp
        "Taxes will rise next year.",  # economic, labelled economic: tp
        "Rivals traded accusations.",  # conflict, labelled economic: fp conflict, fn economic
        "A sunny day.",  # nothing, labelled nothing
    ]
    labels = ["conflict", ["economic"], "economic", None]
    df = validate_frames(texts, labels, "generic", frames=["conflict", "economic"]).set_index("frame")
    assert df.loc["conflict", ["tp", "fp", "fn", "support"]].tolist() == [1, 1, 0, 1]
    assert df.loc["economic", ["tp", "fp", "fn", "support"]].tolist() == [1, 0, 1, 2]
    assert df.loc["conflict", "precision"] == 0.5
    assert df.loc["economic", "recall"] == 0.5
    assert df.loc["macro", "f1"] == round((2 / 3 + 2 / 3) / 2, 4)


def test_validate_frames_with_user_dictionary() -> None:
    texts = ["Senate passes gun control bill", "Shooter had history of mental illness", "Stocks fall"]
    labels = ["gun_control", "mental_health", "economy"]
    df = validate_frames(texts, labels, GUN).set_index("frame")
    assert df.loc["gun_control", "f1"] == 1.0
    assert df.loc["mental_health", "f1"] == 1.0
    assert df.loc["economy", "recall"] == 0.0  # a labelled frame the dictionary lacks is reported, not dropped


def test_validate_frames_length_mismatch() -> None:
    with pytest.raises(InputError, match="2 texts but 1 labels"):
        validate_frames(["a", "b"], ["conflict"], "generic")


def test_frame_metrics_scores_any_predictions() -> None:
    df = frame_metrics(["politics", "politics", "economic", None], ["politics"] * 4,
                       frames=["politics", "economic"]).set_index("frame")
    assert df.loc["politics", ["precision", "recall"]].tolist() == [0.5, 1.0]
    assert df.loc["economic", ["precision", "recall", "f1", "n_predicted"]].tolist() == [0.0, 0.0, 0.0, 0]
    with pytest.raises(InputError, match="2 labels but 1 predictions"):
        frame_metrics(["a", "b"], ["a"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prime minister met White House officials before the Supreme Court ruling.", {"political", "legality"}),
        ("Health care costs rose and the hospital faced a shortage of nurses.",
         {"health_safety", "economic", "capacity_resources"}),
        ("A poll found most Americans support the plan; protesters rallied outside.", {"public_opinion"}),
        ("Police arrested the suspect, who faces a murder charge.", {"crime_punishment"}),
        ("NATO allies imposed sanctions on Russia.", {"external_regulation"}),
        ("It is wrong to discriminate against women, who earn unequal pay.", {"fairness_equality", "morality"}),
    ],
)
def test_mfc_scheme(text: str, expected: set[str]) -> None:
    assert expected <= {h.frame for h in find_frame_hits(text, scheme="mfc")}


def test_mfc_scheme_frames() -> None:
    frames = load_frames("mfc").frames
    assert len(frames) == 14 and "other" not in frames
    # "who" is a pronoun, never the WHO, and multiword names need every word
    assert find_frame_hits("The man who spoke took care of it.", scheme="mfc") == ()


@pytest.mark.parametrize(
    ("scheme", "text", "word"),
    [
        # one-word alternatives listed next to a multiword phrase must fire alone ("a|b c" is (a or b) then c)
        ("mfc", "The president spoke.", "president"),
        ("mfc", "The court adjourned.", "court"),
        ("mfc", "Health is improving.", "health"),
        ("mfc", "Homes are unaffordable.", "unaffordable"),
        ("generic", "Wages stagnated.", "Wages"),
        ("generic", "Talks resumed.", "Talks"),
        ("generic", "The proposal was shelved.", "proposal"),
        ("generic", "It cost millions of dollars.", "dollars"),
    ],
)
def test_single_word_alternatives_fire_alone(scheme: str, text: str, word: str) -> None:
    assert word.lower() in [h.text.lower() for h in find_frame_hits(text, scheme=scheme)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*"war cost\n\"'.,;ab-", "God", "both sides", "heart attack", "\n\n", "ceasefire"]),
                max_size=40).map("".join))
def test_never_raises_and_offsets_hold(text: str) -> None:
    scores = score_frames(text)
    for s in scores:
        assert s.score >= 0
        for h in s.hits:
            assert text[h.start : h.end] == h.text
