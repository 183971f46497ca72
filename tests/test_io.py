from __future__ import annotations

import codecs
import json
from pathlib import Path

import pandas as pd
import pytest

import mediakit as mk
from mediakit.records import iter_records

DATA = Path(__file__).parent / "data"


# -- the bundled article -----------------------------------------------------------


def test_bundled_article_structure(bundled_article: mk.Article, bundled_path: Path) -> None:
    a = bundled_article
    assert a.title == "Russia Responds to Donald Trump's Alleged Threat to Strike Moscow"
    assert a.standfirst.startswith('"I said, \'Vladimir')
    assert a.outlet == "Newsweek"
    assert str(a.published) == "2024-10-28"
    assert a.meta["published_inferred"] is True
    # the text as received is kept byte for byte
    assert a.raw == bundled_path.read_text(encoding="utf-8")
    assert "featured-image" not in a.text


def test_bundled_article_cleaning_is_reported(bundled_article: mk.Article) -> None:
    steps = {s.name: s for s in bundled_article.cleaning}
    assert steps["drop_placeholders"].examples == ("featured-image",)
    assert steps["merge_split_quotations"].count == 3
    assert steps["fix_space_before_punctuation"].count == 1
    assert steps["fix_double_stop"].count == 1
    body = bundled_article.body
    assert "Zelensky, in New York" in body
    assert body.endswith("according to the data.")
    # the quotation broken over three paragraph breaks is one paragraph again
    assert "believe it. I'm going to hit you" in body
    assert "no choice.' He goes, 'No way.'" in body


def test_cleaning_can_be_turned_off(bundled_path: Path) -> None:
    a = mk.load_article(bundled_path, clean=False)
    assert a.cleaning == ()
    assert "featured-image" in a.paragraphs
    assert a.text.endswith("according to the data..")


def test_sidecar_metadata_is_read_and_overridable(bundled_path: Path) -> None:
    a = mk.load_article(bundled_path, outlet="Newsweek (US)")
    assert a.outlet == "Newsweek (US)"


# -- HTML ------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata(html_path: Path) -> None:
    a = mk.load_article(html_path)
    assert a.title == "Port authority defends harbour closure as fishermen count losses"
    assert a.outlet == "The Coastal Herald"
    assert a.author == "Maria Jensen"
    assert str(a.published)[:10] == "2023-03-14"
    assert a.url == "https://coastalherald.example/news/harbour-closure"
    text = a.text
    assert '"We simply had no alternative.' in text
    for boilerplate in ("cookies", "Most read", "All rights reserved", "dataLayer", "Local team wins cup"):
        assert boilerplate not in text
    assert len(a.paragraphs) == 5


def test_html_without_body_is_a_load_error(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(mk.LoadError) as err:
        mk.load_article(p)
    assert "no article body" in str(err.value) and str(p) in str(err.value)


# -- JSON ------------------------------------------------------------------------------


def test_json_article(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"title": "T", "paragraphs": ["First , para.", "featured-image", "Second."],
                             "author": "A. Writer", "published": "2024-01-02T10:00:00Z"}))
    a = mk.load_article(p)
    assert a.paragraphs == ("First, para.", "Second.")
    assert a.author == "A. Writer"
    assert {s.name for s in a.cleaning} == {"drop_placeholders", "fix_space_before_punctuation"}


def test_json_of_wrong_shape(tmp_path: Path) -> None:
    p = tmp_path / "list.json"
    p.write_text("[1, 2, 3]")
    with pytest.raises(mk.LoadError, match="JSON object"):
        mk.load_article(p)


# -- encodings ---------------------------------------------------------------------------

SAMPLE = "Café owner’s “résumé” — naïve coöperation\n\nSecond paragraph, €5."


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("cp1252", b""),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + SAMPLE.encode(encoding))
    a = mk.load_article(p)
    assert a.title == "Café owner’s “résumé” — naïve coöperation"
    assert a.paragraphs == ("Second paragraph, €5.",)


def test_latin1(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Ça coûte très cher\n\nLe maire l'a dit.".encode("latin-1"))
    assert mk.load_article(p).title == "Ça coûte très cher"


def test_mojibake_is_repaired_and_reported(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("The mayorâ€™s plan\n\nShe said it was â€œfairâ€\x9d.", encoding="utf-8")
    a = mk.load_article(p)
    assert a.title == "The mayor’s plan"
    assert "repair_mojibake" in {s.name for s in a.cleaning}
    assert "â€" in (a.raw or "")


# -- corpora ----------------------------------------------------------------------------


def test_jsonl_corpus() -> None:
    df = mk.load_corpus(DATA / "two-articles.jsonl")
    assert list(df["id"]) == ["a1", "a2"]
    assert df.loc[0, "outlet"] == "Daily Example"
    assert df.attrs["errors"] == []


def test_csv_corpus_with_custom_columns(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    pd.DataFrame({"headline": ["A", "B"], "body": ["One.\n\nTwo.", "Three."], "uid": [7, 8]}).to_csv(p, index=False)
    df = mk.load_corpus(p, text_col="body", title_col="headline", id_col="uid")
    assert list(df["title"]) == ["A", "B"]
    assert list(df["id"]) == ["7", "8"]
    assert df.loc[0, "text"] == "One.\n\nTwo."


def test_csv_without_text_column_names_the_columns(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    pd.DataFrame({"headline": ["A"]}).to_csv(p, index=False)
    with pytest.raises(mk.LoadError, match="no 'text' column"):
        mk.load_corpus(p)


def test_parquet_corpus(tmp_path: Path) -> None:
    p = tmp_path / "c.parquet"
    pd.DataFrame({"title": ["A", "B"], "text": ["One.", "Two."]}).to_parquet(p)
    assert list(mk.load_corpus(p)["text"]) == ["One.", "Two."]


def test_directory_and_glob_of_files(tmp_path: Path, bundled_path: Path, html_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(bundled_path.read_bytes())
    (tmp_path / "b.html").write_bytes(html_path.read_bytes())
    (tmp_path / "notes.md").write_text("ignored")
    df = mk.load_corpus(tmp_path)
    assert len(df) == 2
    assert len(mk.load_corpus(str(tmp_path / "*.txt"))) == 1


def test_dataframe_and_iterable_sources() -> None:
    frame = pd.DataFrame({"title": ["A"], "text": ["One."]})
    assert len(mk.load_corpus(frame)) == 1
    arts = [mk.Article(title="X", paragraphs=("y",)), {"title": "Z", "text": "w"}]
    assert list(mk.load_corpus(arts)["title"]) == ["X", "Z"]


def test_bad_record_is_reported_and_nothing_else_lost(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text('{"title": "A", "text": "ok"}\n{not json\n{"title": "C", "text": "ok"}\n')
    with pytest.warns(UserWarning, match="1 record"):
        df = mk.load_corpus(p)
    assert list(df["title"]) == ["A", "C"]
    (err,) = df.attrs["errors"]
    assert err["position"] == 2 and "invalid JSON" in err["reason"]
    recs = list(iter_records(p))
    assert [r.ok for r in recs] == [True, False, True]
    assert recs[1].error is not None and recs[1].error.line == 2
    with pytest.raises(mk.LoadError, match="line 2"):
        mk.load_corpus(p, errors="raise")


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    p = tmp_path / "a.docx"
    p.write_text("x")
    with pytest.raises(mk.LoadError, match="unknown file type '.docx'"):
        mk.load_article(p)
    with pytest.raises(mk.LoadError, match="no such file"):
        mk.load_article(tmp_path / "missing.txt")
