"""Offline segmentation: paragraphs, sentences and tokens, with offsets into the text given."""

from __future__ import annotations

import pytest

import mediakit as mk
from mediakit.segment import find_quote_marks, quoted_spans, split_paragraphs, split_sentences, tokenize

SENTENCES = [
    # abbreviations
    ("The U.S. Army said it would leave. It did not say when.",
     ["The U.S. Army said it would leave.", "It did not say when."]),
    ("Growth in the U.K. slowed. The Bank of England held rates.",
     ["Growth in the U.K. slowed.", "The Bank of England held rates."]),
    ("Mr. Smith and Mrs. Jones met Gen. Milley at 5 p.m. on Friday.",
     ["Mr. Smith and Mrs. Jones met Gen. Milley at 5 p.m. on Friday."]),
    ("It was 9 a.m. The meeting began.", ["It was 9 a.m.", "The meeting began."]),
    ("He worked for Acme Inc. in Ohio. Then he retired.", ["He worked for Acme Inc. in Ohio.", "Then he retired."]),
    ("Sen. Warren (D-Mass.) spoke. She was angry.", ["Sen. Warren (D-Mass.) spoke.", "She was angry."]),
    ("See Fig. 3 for details. It shows growth.", ["See Fig. 3 for details.", "It shows growth."]),
    ("Dr. No was a film.", ["Dr. No was a film."]),
    # initials
    ("The book was written by J. R. R. Tolkien. He was a professor.",
     ["The book was written by J. R. R. Tolkien.", "He was a professor."]),
    ("George W. Bush spoke first.", ["George W. Bush spoke first."]),
    # decimals and numbers
    ("Inflation rose 3.5 percent. Prices of No. 2 fuel fell.", ["Inflation rose 3.5 percent.", "Prices of No. 2 fuel fell."]),
    ("The vote was 52-48. It passed.", ["The vote was 52-48.", "It passed."]),
    ("It cost $1.5 billion. 2024 was worse.", ["It cost $1.5 billion.", "2024 was worse."]),
    # ellipses
    ("He paused... Then he spoke again.", ["He paused...", "Then he spoke again."]),
    ("He paused... and then went on.", ["He paused... and then went on."]),
    ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
    # question and exclamation marks
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    # quotations: never end a sentence inside one that continues
    ('He said: "We will leave. We will not come back." Then he left.',
     ['He said: "We will leave. We will not come back."', "Then he left."]),
    ('"Stop. Think. Act," the coach said.', ['"Stop. Think. Act," the coach said.']),
    ("“Stop. Think. Act,” the coach said. Nobody moved.", ["“Stop. Think. Act,” the coach said.", "Nobody moved."]),
    ('She asked "Why?" and left.', ['She asked "Why?" and left.']),
    ('She asked, "Why?" He did not answer.', ['She asked, "Why?"', "He did not answer."]),
    ("The so-called “peace plan.” It failed.", ["The so-called “peace plan.”", "It failed."]),
    ('He said, "We will fight. And we will\nwin." Then he sat.',
     ['He said, "We will fight. And we will\nwin."', "Then he sat."]),
    # single quotation marks (British style): the closing mark decides too
    ("‘We will fight. We will win,’ the minister said. Then he left.",
     ["‘We will fight. We will win,’ the minister said.", "Then he left."]),
    ("'We will fight. The voters' anger is real,' he said. Then he left.",
     ["'We will fight. The voters' anger is real,' he said.", "Then he left."]),
    ("‘It is a “grotesque” plan. We will fight,’ he said. Then he left.",
     ["‘It is a “grotesque” plan. We will fight,’ he said.", "Then he left."]),
    # apostrophes are not quotation marks
    ("He blamed the voters' anger. 'It was bad.' Then he left.",
     ["He blamed the voters' anger.", "'It was bad.'", "Then he left."]),
    ("They were the 'All Golds' side in 1908. The first tour came in 1921. It was a 'draw'.",
     ["They were the 'All Golds' side in 1908.", "The first tour came in 1921.", "It was a 'draw'."]),
    ("They played rock 'n' roll. The '90s were over. Rock 'em.",
     ["They played rock 'n' roll.", "The '90s were over.", "Rock 'em."]),
    # a single mark inside one double quotation and one in the next do not pair
    ('"I told myself \'I\'m not losing," said Williams. "\'I won\'t lose\'. I did not."',
     ['"I told myself \'I\'m not losing," said Williams.', '"\'I won\'t lose\'. I did not."']),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_sentences_never_cross_a_paragraph_break() -> None:
    text = 'He said, "We will fight.\n\n"We will never surrender," he added. Then he sat.'
    got = [(s.paragraph, s.text) for s in split_sentences(text)]
    assert got == [(0, 'He said, "We will fight.'), (1, '"We will never surrender," he added.'), (1, "Then he sat.")]


def test_quotation_closed_in_a_later_paragraph_is_still_a_quotation() -> None:
    # the second paragraph begins inside a quotation opened in the first: its closing mark decides
    text = 'Putin said: "It will not stand.\n\nWe will answer. You will see," he told reporters. Then he left.'
    got = [s.text for s in split_sentences(text)]
    assert got[-2:] == ['We will answer. You will see," he told reporters.', "Then he left."]


def test_bundled_article_sentences_keep_quotations_whole(bundled_article: mk.Article) -> None:
    text = bundled_article.text
    sentences = split_sentences(bundled_article)
    assert len(sentences) == 17
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        # no sentence ends inside a double quotation that continues in the same paragraph
        para = bundled_article.parts[s.paragraph]
        for a, b in quoted_spans(text, para.start, para.end):
            assert not (a < s.end - 1 < b - 1), (s.text, text[a : b + 1])
    joined = " ".join(s.text for s in sentences)
    assert "I'm going to hit you right in the middle of fricking Moscow" in joined


def test_paragraph_offsets() -> None:
    text = "  First para.\nstill first.\n\n\n  Second.\n \nThird.  "
    paras = split_paragraphs(text)
    assert [p.text for p in paras] == ["First para.\nstill first.", "Second.", "Third."]
    assert all(text[p.start : p.end] == p.text for p in paras)
    assert [p.index for p in paras] == [0, 1, 2]


def test_article_paragraphs_are_its_parts(bundled_article: mk.Article) -> None:
    paras = split_paragraphs(bundled_article)
    assert [p.role for p in paras[:3]] == ["headline", "standfirst", "body"]
    assert paras == list(bundled_article.parts)


TOKENS = [
    ("U.S. troops didn't fire 1,740 rounds.", ["U.S.", "troops", "didn't", "fire", "1,740", "rounds", "."]),
    ("It rose 3.5% at 12:30 in the U.K.", ["It", "rose", "3.5%", "at", "12:30", "in", "the", "U.K."]),
    ("A well-known anti-war group's leader", ["A", "well-known", "anti-war", "group's", "leader"]),
    ("e.g. the Kremlin’s view", ["e.g.", "the", "Kremlin’s", "view"]),
    ("Zelensky—in New York—said", ["Zelensky", "—", "in", "New", "York", "—", "said"]),
    ("naïve café 😀 مرحبا", ["naïve", "café", "😀", "مرحبا"]),
    ("end.Start", ["end", ".", "Start"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens(text: str, expected: list[str]) -> None:
    toks = tokenize(text)
    assert [t.text for t in toks] == expected
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_tokenize_a_slice_keeps_offsets_into_the_whole_text() -> None:
    text = "One two. Three four."
    toks = tokenize(text, start=9, end=19)
    assert [(t.start, t.text) for t in toks] == [(9, "Three"), (15, "four")]


_RANGE_TEXT = (
    "The U.S. rose 3.5% in 2024, e.g. 1,740 jobs. Did it? Yes!\n\nU.S.A.x e.g.y 3.5. don't so-called "
    "12:30 naïve “quoted.” (U.K.) end.Start"
)


@pytest.mark.parametrize(
    ("start", "end"),
    # sentences (whitespace on both sides: served from the whole text's tokens) and ranges that
    # cut through tokens or end right after a dot (tokenized on their own)
    [(0, 44), (45, 52), (53, 57), (59, len(_RANGE_TEXT)), (4, 8), (4, 7), (14, 17), (33, 38), (59, 66),
     (66, 72), (73, 77), (60, 63), (1, 6), (0, len(_RANGE_TEXT)), (30, 30), (92, 110)],
)
def test_tokenize_a_range_is_tokenizing_that_range_alone(start: int, end: int) -> None:
    got = [(t.start - start, t.end - start, t.text) for t in tokenize(_RANGE_TEXT, start=start, end=end)]
    alone = [(t.start, t.end, t.text) for t in tokenize(_RANGE_TEXT[start:end])]
    assert got == alone


def test_fast_token_pattern_finds_the_plain_patterns_tokens() -> None:
    import re

    from mediakit.segment import _TOKEN, _TOKEN_PARTS

    plain = re.compile("|".join(_TOKEN_PARTS), re.UNICODE)
    text = _RANGE_TEXT + " Ph.D. a.m., 10,000,000.5%% A.B.C; x.y) 3.5.6 it’s-a'b"
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_boundary_pattern_finds_the_plain_patterns_candidates() -> None:
    """Every string of up to 5 stops, ellipses, closing marks, letters and spaces: the same groups."""
    import itertools
    import re

    from mediakit.segment import _BOUNDARY

    plain = re.compile(r"""((?<![.!?])[.!?]+|…)(['"’”»)\]]{0,3})(\s+)""")
    n = 0
    for size in range(1, 6):
        for chars in itertools.product(".!?…’)a ", repeat=size):
            text = "".join(chars)
            got = [m.span(1) + m.span(2) + m.span(3) for m in _BOUNDARY.finditer(text)]
            assert got == [m.span(1) + m.span(2) + m.span(3) for m in plain.finditer(text)], text
            n += bool(got)
    assert n > 1000  # candidates were found, not only their absence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no," and left.', [("open", 8), ("close", 12)]),
        ("“Yes,” she said.", [("open", 0), ("close", 5)]),
        ('a "quote" and "another"', [("open", 2), ("close", 8), ("open", 14), ("close", 22)]),
        ("no quotes here", []),
        ("«Oui», dit-il.", [("open", 0), ("close", 4)]),
    ],
)
def test_quote_marks(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.pos) for m in find_quote_marks(text)] == expected


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"]])
def test_non_text_is_an_input_error(bad: object) -> None:
    with pytest.raises(mk.InputError):
        split_sentences(bad)  # type: ignore[arg-type]
    with pytest.raises(mk.InputError):
        tokenize(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", '"', "“”", "?!"])
def test_degenerate_texts(text: str) -> None:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text and s.text.strip() for s in sentences)


def test_quoted_spans_are_remembered_but_handed_out_as_new_lists() -> None:
    from mediakit.segment import quoted_spans

    text = 'He said "no" and "yes".'
    first = quoted_spans(text)
    first.append((0, 1))  # the caller's list: the remembered spans stay as found
    assert quoted_spans(text) == [(8, 11), (17, 21)] and quoted_spans(text) is not quoted_spans(text)
