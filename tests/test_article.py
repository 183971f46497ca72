from __future__ import annotations

import datetime as dt
import pickle

import pytest

import mediakit as mk
from mediakit.article import Article


def test_parts_offsets_index_the_canonical_text() -> None:
    a = Article(title="Storm hits coast", standfirst="Thousands without power.", paragraphs=("Winds rose.", "Homes flooded."))
    assert [p.role for p in a.parts] == ["headline", "standfirst", "body", "body"]
    for p in a.parts:
        assert a.text[p.start : p.end] == p.text
    assert a.body == "Winds rose.\n\nHomes flooded."


def test_round_trip_to_dict_from_dict(bundled_article: Article) -> None:
    again = Article.from_dict(bundled_article.to_dict())
    assert again == bundled_article
    assert again.text == bundled_article.text
    assert again.cleaning == bundled_article.cleaning


def test_from_dict_accepts_text_field_and_keeps_unknown_fields_as_meta() -> None:
    a = Article.from_dict({"headline": "H", "text": "One.\n\nTwo.", "date": "2024-10-28", "section": "world"})
    assert a.title == "H"
    assert a.paragraphs == ("One.", "Two.")
    assert a.published == dt.date(2024, 10, 28)
    assert a.meta == {"section": "world"}


@pytest.mark.parametrize("bad", [{"paragraphs": "not a list"}, {"title": 3}, {"paragraphs": [1, 2]}])
def test_wrong_field_types_raise_input_error_naming_the_field(bad: dict[str, object]) -> None:
    with pytest.raises(mk.InputError):
        Article(**bad)  # type: ignore[arg-type]


def test_repr_is_short_and_html_is_escaped() -> None:
    a = Article(title="<script>alert(1)</script>" * 5, paragraphs=("<img src=x onerror=alert(1)>",), outlet="<b>")
    assert len(repr(a)) < 150
    html = a._repr_html_()
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


def test_html_repr_truncates_long_bodies() -> None:
    a = Article(title="T", paragraphs=tuple(f"Paragraph {i}." for i in range(20)))
    html = a._repr_html_()
    assert "Paragraph 5." in html and "Paragraph 6." not in html
    assert "14 more paragraphs" in html


def test_article_pickles() -> None:
    a = Article(title="T", paragraphs=("x",), meta={"k": 1})
    assert pickle.loads(pickle.dumps(a)) == a
