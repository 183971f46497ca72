"""Voices: narrator and quoted spans cover the text; tone per voice."""

from __future__ import annotations

import pytest

from mediakit.framing.quotes import extract_quotes
from mediakit.framing.voice import VoiceSpan, split_voices, voice_table

TEXTS = [
    '"We will win this war," Peskov said. Talks resume today.',
    "Trump said he had warned Putin about the strike.",
    "No quotation at all in this sentence.",
    '"Unclosed quotation that runs on, Smith said.\n\nThe crowd cheered.',
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_spans_cover_the_text(text: str) -> None:
    spans = split_voices(text)
    assert "".join(s.text for s in spans) == text
    pos = 0
    for s in spans:
        assert s.start == pos and text[s.start : s.end] == s.text
        pos = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win this war," Peskov said.',
         [("narrator", None, '"'), ("quoted", "Peskov", "We will win this war,"), ("narrator", None, '" Peskov said.')]),
        ('Smith called it a "disaster" for workers.',
         [("narrator", None, 'Smith called it a "'), ("quoted", "Smith", "disaster"),
          ("narrator", None, '" for workers.')]),
        # indirect speech is the narrator's paraphrase by default
        ("Trump said he had warned Putin about the strike.",
         [("narrator", None, "Trump said he had warned Putin about the strike.")]),
    ],
)
def test_voices(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [(s.voice, s.speaker, s.text) for s in split_voices(text)] == expected


def test_include_indirect_counts_reported_speech() -> None:
    text = "Trump said he had warned Putin about the strike."
    spans = split_voices(text, include_indirect=True)
    assert [(s.voice, s.speaker, s.text) for s in spans] == [
        ("narrator", None, "Trump said "),
        ("quoted", "Trump", "he had warned Putin about the strike"),
        ("narrator", None, "."),
    ]


def test_outermost_quote_decides() -> None:
    text = '"Some leaders do not observe such information \'hygiene\' at all," Peskov said.'
    quoted = [s for s in split_voices(text) if s.voice == "quoted"]
    assert len(quoted) == 1 and "'hygiene'" in quoted[0].text


def test_precomputed_quotes_give_the_same_spans() -> None:
    text = '"We will win this war," Peskov said. Talks resume today.'
    assert split_voices(text, quotes=extract_quotes(text)) == split_voices(text)


def test_voice_span_to_dict() -> None:
    s = VoiceSpan(0, 3, "abc", "narrator")
    assert s.to_dict() == {"start": 0, "end": 3, "text": "abc", "voice": "narrator", "speaker": None}


def test_voice_table_rows_and_tone() -> None:
    text = ('"This is a disgrace and a terrible failure," the senator said. '
            'The vote is on Monday. "We are delighted, it is a wonderful day," the governor said.')
    t = voice_table(text)
    assert t["voice"].tolist() == ["narrator", "quoted", "quoted"]
    assert set(t["speaker"]) == {"", "the senator", "the governor"}
    by = t.set_index("speaker")
    assert by.loc["the senator", "vader_compound"] < 0 < by.loc["the governor", "vader_compound"]
    assert by.loc["the senator", "textblob_polarity"] < 0 < by.loc["the governor", "textblob_polarity"]
    assert by.loc["the senator", "tone"] < by.loc["the governor", "tone"]
    assert t["share_of_words"].sum() == pytest.approx(1.0)
    assert list(t.columns) == ["voice", "speaker", "n_spans", "n_words", "share_of_words", "textblob_polarity",
                               "vader_compound", "tone", "tone_label", "text"]


def test_voice_table_unattributed_and_empty() -> None:
    t = voice_table('The so-called "peace plan" was rejected.')
    assert t["speaker"].tolist() == ["", "(unattributed)"]
    empty = voice_table("")
    assert empty["voice"].tolist() == ["narrator"] and empty.loc[0, "n_words"] == 0


def test_bundled_article_voices(bundled_article) -> None:  # type: ignore[no-untyped-def]
    spans = split_voices(bundled_article)
    assert "".join(s.text for s in spans) == bundled_article.text
    t = voice_table(bundled_article).set_index("speaker")
    assert {"Donald Trump", "Dmitry Peskov"} <= set(t.index)
    assert t.loc["Donald Trump", "n_words"] > t.loc["Dmitry Peskov", "n_words"] > 0
    assert t.loc["", "n_words"] > t.loc["Donald Trump", "n_words"]
