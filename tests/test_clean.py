"""Cleaning steps: each repair on its own, with cases it must leave alone, and the report it gives."""

from __future__ import annotations

import pytest

import mediakit as mk
from mediakit.clean import (
    clean_paragraphs,
    drop_empty,
    drop_placeholders,
    fix_double_stop,
    fix_space_before_punctuation,
    merge_split_quotations,
)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("He left..", "He left."),
        ("the data..", "the data."),
        ('He said "no.."', 'He said "no."'),
        ("He left...", "He left..."),  # an ellipsis
        ("He left....", "He left...."),
        ("Wait.. what", "Wait.. what"),  # not at the end
        ("He left.", "He left."),
    ],
)
def test_fix_double_stop(paragraph: str, expected: str) -> None:
    out, step = fix_double_stop([paragraph])
    assert out == [expected]
    assert (step is not None) == (paragraph != expected)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Zelensky , in New York", "Zelensky, in New York"),
        ("He said : we go", "He said: we go"),
        ("one ; two", "one; two"),
        ("He said . Then he left", "He said. Then he left"),
        ("x ,y", "x ,y"),  # no space after the comma: not the artifact
        ("Prices rose ,", "Prices rose,"),
        ("5 , 4", "5, 4"),
        ("An ellipsis ...", "An ellipsis ..."),
        ("see .NET", "see .NET"),
        ("Zelensky, in New York", "Zelensky, in New York"),
    ],
)
def test_fix_space_before_punctuation(paragraph: str, expected: str) -> None:
    out, step = fix_space_before_punctuation([paragraph])
    assert out == [expected]
    assert (step is not None) == (paragraph != expected)


@pytest.mark.parametrize(
    ("paragraph", "dropped"),
    [
        ("featured-image", True),
        ("Featured Image", True),
        ("[Photo]", True),
        ("ADVERTISEMENT", True),
        ("Getty Images", True),
        ("Story continues below advertisement", True),
        ("The featured-image was shocking.", False),
        ("Photo: Reuters shows the harbour.", False),
        ("Ad hoc talks went on.", False),
    ],
)
def test_drop_placeholders(paragraph: str, dropped: bool) -> None:
    out, step = drop_placeholders([paragraph, "Text."])
    assert out == (["Text."] if dropped else [paragraph, "Text."])
    assert (step is not None) == dropped
    if step:
        assert step.examples == (paragraph,)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a break inside a quotation that closes in the next paragraph: joined
        (['He said "we will', 'win," she said.'], ['He said "we will win," she said.']),
        (["He said “we will", "win,” she said.", "Next."], ["He said “we will win,” she said.", "Next."]),
        (['He said "we will', "", 'win," she said.'], ['He said "we will win," she said.']),
        # the news convention: a quotation continued over paragraphs re-opens the mark: left alone
        (['He said: "We will fight.', '"We will win," he added.'], ['He said: "We will fight.', '"We will win," he added.']),
        (["He said: “We will fight.", "“We will win,” he added."], ["He said: “We will fight.", "“We will win,” he added."]),
        # balanced paragraphs: left alone
        (['"Yes," he said.', '"No," she said.'], ['"Yes," he said.', '"No," she said.']),
        (["No quotes here.", "None here either."], ["No quotes here.", "None here either."]),
    ],
)
def test_merge_split_quotations(paragraphs: list[str], expected: list[str]) -> None:
    out, step = merge_split_quotations(paragraphs)
    assert out == expected
    joined = len([p for p in paragraphs if p.strip()]) - len(out)
    assert (step.count if step else 0) == joined


def test_drop_empty() -> None:
    out, step = drop_empty(["One.", "", "  \t", "Two."])
    assert out == ["One.", "Two."]
    assert step is not None and step.count == 2
    assert drop_empty(["One."]) == (["One."], None)


def test_clean_paragraphs_reports_only_what_changed() -> None:
    paras, steps = clean_paragraphs(["featured-image", 'He said "we will', 'win," she said .', "The end.."])
    assert paras == ['He said "we will win," she said.', "The end."]
    assert [(s.name, s.count) for s in steps] == [
        ("drop_placeholders", 1),
        ("merge_split_quotations", 1),
        ("fix_space_before_punctuation", 1),
        ("fix_double_stop", 1),
    ]
    assert clean_paragraphs(["Nothing to do here."]) == (["Nothing to do here."], [])


def test_custom_cleaners() -> None:
    paras, steps = clean_paragraphs(["featured-image", "Text.."], cleaners=[fix_double_stop])
    assert paras == ["featured-image", "Text."] and [s.name for s in steps] == ["fix_double_stop"]


def test_bundled_article_raw_is_kept_and_cleaning_is_visible(bundled_article: mk.Article) -> None:
    a = bundled_article
    assert a.raw is not None and "featured-image" in a.raw and "Zelensky , in" in a.raw
    assert [s.name for s in a.cleaning] == [
        "drop_placeholders", "merge_split_quotations", "fix_space_before_punctuation", "fix_double_stop",
    ]
    html = a._repr_html_()
    assert "cleaning applied (4)" in html and "merge_split_quotations ×3" in html
    for step in a.cleaning:
        assert step.to_dict()["count"] == step.count >= 1
