"""score_texts and the opt-in df.mk accessor: index kept, failures in place, numbers equal the scorers'."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit as mk
from mediakit.batch import score_texts
from mediakit.errors import InputError

TEXTS = [
    "Markets plunged on Monday after the central bank warned of a recession.",
    '"We are delighted," the mayor said, but critics called the plan a disaster.',
    "The committee meets on Tuesday.",
]


def test_rows_keep_index_and_equal_the_scorers() -> None:
    df = pd.DataFrame({"body": TEXTS}, index=["a", "b", "c"])
    out = score_texts(df, text_col="body")
    assert out.index.tolist() == ["a", "b", "c"]
    for key, text in zip(out.index, TEXTS):
        assert out.loc[key, "textblob_polarity"] == mk.score_sentiment(text).polarity
        assert out.loc[key, "vader_compound"] == mk.score_sentiment(text, backend="vader").polarity
        assert out.loc[key, "tone_score"] == mk.score_tone(text).score
    assert out.loc["a", "tone_label"] == "negative"
    assert out["error"].isna().all()
    joined = df.join(out)
    assert len(joined) == 3 and "tone_score" in joined


def test_bad_cells_become_errors_and_lose_nothing_else() -> None:
    out = score_texts(pd.Series([TEXTS[0], None, 42, float("nan"), TEXTS[2]]), scores=("tone",))
    assert len(out) == 5
    assert out["error"].notna().tolist() == [False, True, True, True, False]
    assert "int" in out.loc[2, "error"] and "missing" in out.loc[1, "error"]
    assert out.loc[0, "tone_label"] == "negative" and out.loc[4, "tone_label"] == "neutral"
    assert "textblob_polarity" not in out  # only what was asked for


def test_bad_options_name_the_problem() -> None:
    with pytest.raises(InputError, match="text_col='text'"):
        score_texts(pd.DataFrame({"body": TEXTS}))
    with pytest.raises(InputError, match="scores"):
        score_texts(TEXTS, scores=("liwc",))
    with pytest.raises(InputError):
        score_texts("one text")


def test_accessor_is_opt_in_and_delegates() -> None:
    df = pd.DataFrame({"text": TEXTS[:2], "outlet": ["x", "y"]})
    import mediakit.accessor  # noqa: F401

    assert df.mk.tone()["tone_score"].tolist() == score_texts(df)["tone_score"].tolist()
    rows = df.mk.analyze()
    assert len(rows) == 2 and "n_quotes" in rows
    with pytest.raises(AttributeError, match="text column"):
        pd.DataFrame({"body": TEXTS}).mk.tone()
