"""Hostile and broken input (issue 7): clear errors naming file and position, nothing lost, time linear in length.

Every bad file below is also run through the ``mediakit analyze`` command, which must answer with a non-zero
exit and one line naming the file and the problem.
"""

from __future__ import annotations

import codecs
import gzip
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import mediakit as mk
from mediakit.cli import main
from mediakit.framing.actors import find_actors
from mediakit.framing.cues import find_cues, find_sources
from mediakit.records import iter_records
from mediakit.segment import split_sentences, tokenize
from mediakit.sentiment import score_sentiment
from mediakit.tone import score_tone

ARTICLE = (
    "Minister resigns over harbour closure\n\n"
    "The harbour minister resigned on Monday after weeks of protests by fishermen.\n\n"
    '"We simply had no alternative," she told reporters, according to Reuters.\n'
)

# name, file bytes, words the one-line error must contain
BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n\t \r\n  ", "only whitespace"),
    ("bom-only.txt", codecs.BOM_UTF8 + b"\n \n", "only whitespace"),
    ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG image"),
    ("story.json", gzip.compress(ARTICLE.encode()), "gzip-compressed"),
    ("story.txt.gz", gzip.compress(ARTICLE.encode()), "unknown file type '.gz'"),
    ("story.docx", b"PK\x03\x04" + b"\x00" * 20, "unknown file type '.docx'"),
    ("story", ARTICLE.encode(), "unknown file type '(no extension)'"),
    ("nul.txt", b"Headline\x00\n\nBody text\x00 with NUL bytes.", "NUL byte"),
    ("corpus.jsonl", b'{"title": "A", "text": "B"}\n', "holds a corpus"),
    ("broken.json", b'{"title": "T", "text": ', "line 1: invalid JSON"),
    ("list.json", b"[1, 2, 3]", "expected a JSON object"),
    ("string.json", b'"just a string"', "expected a JSON object"),
    ("number.json", b"42", "expected a JSON object"),
    ("null.json", b"null", "expected a JSON object"),
    ("paragraphs.json", b'{"title": "T", "paragraphs": {"a": 1}}', "field 'paragraphs' must be a list"),
    ("text-number.json", b'{"title": "T", "text": 5}', "field 'text' must be a string"),
    ("no-text.json", b'{"author": "A. Writer"}', "no title and no text"),
    ("nav-only.html", b"<html><head><title>x</title></head><body><nav>Home | News</nav></body></html>", "no article body"),
    (
        "scripts-only.html",
        b"<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        + b"<iframe src='javascript:alert(1)'></iframe><script>document.write('<p>Injected text here</p>')</script>"
        * 40
        + b"</body></html>",
        "no article body",
    ),
    ("utf16-odd.txt", codecs.BOM_UTF16_LE + "Headline\n\nBody.".encode("utf-16-le") + b"\x00", "utf-16"),
]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(("name", "data", "problem"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_load_error_naming_the_file(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    p = _write(tmp_path, name, data)
    with pytest.raises(mk.LoadError) as err:
        mk.load_article(p)
    assert err.value.path == str(p)
    assert problem in str(err.value)
    assert isinstance(err.value, ValueError)  # plain `except ValueError` still works


@pytest.mark.parametrize(("name", "data", "problem"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_cli_answers_a_bad_file_with_one_line(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    p = _write(tmp_path, name, data)
    result = CliRunner().invoke(main, ["analyze", str(p)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"mediakit: error: {p}") and problem in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(mk.LoadError, match="no such file"):
        mk.load_article(tmp_path / "missing.txt")
    for name in ("folder.txt", "folder"):
        folder = tmp_path / name
        folder.mkdir()
        with pytest.raises(mk.LoadError, match="is a directory; use load_corpus"):
            mk.load_article(folder)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    p = _write(tmp_path, "big.txt", ARTICLE.encode() + b"More text. " * 200)
    with pytest.raises(mk.LoadError, match=r"over the limit of 1,000 \(pass max_bytes= to raise it\)") as err:
        mk.load_article(p, max_bytes=1000)
    assert err.value.path == str(p)
    assert mk.load_article(p, max_bytes=None).title == "Minister resigns over harbour closure"
    records = list(iter_records(tmp_path, max_bytes=1000))
    assert len(records) == 1 and records[0].error is not None and "over the limit" in records[0].error.reason


def test_urls_are_not_fetched(tmp_path: Path) -> None:
    # mediakit never fetches: no network, so no scheme, timeout, size or redirect to police
    for url in ("https://example.com/news/story.html", "http://127.0.0.1:9/a.json", "file:///etc/passwd.txt"):
        with pytest.raises(mk.LoadError, match="is a URL; mediakit does not fetch pages") as err:
            mk.load_article(url)
        assert err.value.path == url
    result = CliRunner().invoke(main, ["analyze", "https://example.com/news/story.html"])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


# -- text that loads, but oddly ------------------------------------------------------------------------


def test_mixed_line_endings(tmp_path: Path) -> None:
    p = _write(tmp_path, "mixed.txt", b"Headline\r\n\r\nStandfirst here.\r\rFirst para.\n\nSecond\r\npara.\r\n")
    a = mk.load_article(p)
    assert (a.title, a.standfirst, a.paragraphs) == ("Headline", "Standfirst here.", ("First para.", "Second\npara."))
    assert "normalize_newlines" in {s.name for s in a.cleaning}
    assert "\r" not in a.text and a.raw is not None and "\r\n" in a.raw


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", b""), ("utf-32", b""),
     ("cp1252", b""), ("latin-1", b"")],
)
def test_non_utf8_encodings_load(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = "Café owners “protest”\n\nThe naïve plan cost €5 million, the mayor said.\n\nIt was approved."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("€", "EUR ")
    p = _write(tmp_path, "a.txt", prefix + text.encode(encoding))
    a = mk.load_article(p)
    assert a.text == text.replace("\n\n", "\n\n")
    assert "\ufeff" not in a.text


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    data = "Café “protest”\n\nThe naïve plan".encode() + b" cost \xe2\x82 five \xff million.\n\nIt passed."
    a = mk.load_article(_write(tmp_path, "a.txt", data))
    assert a.title == "Café “protest”"  # the good UTF-8 is not turned into mojibake
    assert a.standfirst == "The naïve plan cost \ufffd five \ufffd million."
    (step,) = [s for s in a.cleaning if s.name == "decode"]
    assert step.count == 2


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    a = mk.load_article(_write(tmp_path, "a.txt", "The mayorâ€™s plan\n\nShe called it â€œfairâ€.".encode()))
    assert a.title == "The mayor’s plan"
    assert any(s.name == "repair_mojibake" for s in a.cleaning)


def test_nul_bytes_inside_json_strings_are_removed(tmp_path: Path) -> None:
    p = _write(tmp_path, "a.json", json.dumps({"title": "T\u0000itle", "text": "Body\u0000 text."}).encode())
    a = mk.load_article(p)
    assert "\x00" not in a.text or a.text.count("\x00") == 2  # kept as given: offsets still index it
    assert all(a.text[s.start : s.end] == s.text for s in split_sentences(a))


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("2024-10-28", "2024-10-28"),
        ("2024-10-28T09:30:00Z", "2024-10-28 09:30:00+00:00"),
        ("Mon, 28 Oct 2024 09:30:00 GMT", "2024-10-28 09:30:00+00:00"),
        ("October 28, 2024", "2024-10-28"),
        ("28 October 2024", "2024-10-28"),
        (None, "None"),
        ("", "None"),
    ],
)
def test_dates_that_can_be_read(tmp_path: Path, value: str | None, published: str) -> None:
    p = _write(tmp_path, "a.json", json.dumps({"title": "T", "text": "Body.", "published": value}).encode())
    a = mk.load_article(p)
    assert str(a.published) == published
    assert "unparsed_date" not in a.meta


@pytest.mark.parametrize("value", ["last Tuesday", "03/04/2024", "2024-13-45", 20241028, ["2024"]])
def test_unreadable_date_keeps_the_article_and_says_so(tmp_path: Path, value: object) -> None:
    p = _write(tmp_path, "a.json", json.dumps({"title": "T", "text": "Body text.", "published": value}).encode())
    a = mk.load_article(p)
    assert a.published is None and a.paragraphs == ("Body text.",)
    assert a.meta["unparsed_date"] in (value, repr(value))
    assert [s.name for s in a.cleaning if s.name == "unparsed_date"] == ["unparsed_date"]


def test_direct_construction_with_a_bad_date_is_an_input_error() -> None:
    with pytest.raises(mk.InputError, match="published='last Tuesday' is not a date"):
        mk.Article(title="T", published="last Tuesday")  # type: ignore[arg-type]


def test_html_full_of_scripts_styles_and_iframes_keeps_only_the_article(tmp_path: Path, html_path: Path) -> None:
    page = html_path.read_text(encoding="utf-8")
    junk = ("<script>var stolen = document.cookie; alert('pwned');</script><style>body{display:none}</style>"
            "<iframe src='javascript:alert(1)'>frame text</iframe><noscript>Enable JavaScript</noscript>") * 30
    hostile = page.replace("<body>", "<body>" + junk, 1).replace("</body>", junk + "</body>", 1)
    a = mk.load_article(_write(tmp_path, "hostile.html", hostile.encode()))
    assert a.title == mk.load_article(html_path).title
    for bad in ("alert", "document.cookie", "display:none", "frame text", "Enable JavaScript", "<"):
        assert bad not in a.text


def test_non_english_article_warns_that_the_lexicons_are_english(tmp_path: Path) -> None:
    text = ("Le gouvernement démissionne\n\nLe ministre a annoncé lundi que les négociations avec l'opposition "
            "ne se poursuivront pas, faute d'accord entre les partis.\n\nLes pêcheurs du port ont protesté "
            "pendant des semaines contre la fermeture du port.")
    p = _write(tmp_path, "monde.txt", text.encode())
    with pytest.warns(mk.LanguageWarning, match=r"monde\.txt: text looks like 'fr'.*lexicons are English"):
        a = mk.load_article(p)
    assert a.title == "Le gouvernement démissionne"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mk.load_article(p, check_language=False)
        mk.load_article(_write(tmp_path, "en.txt", ARTICLE.encode()))


# -- corpora: one bad record among good ones ----------------------------------------------------------


def test_jsonl_bad_lines_each_name_their_line(tmp_path: Path) -> None:
    lines = [
        b'{"title": "A", "text": "Good one."}',
        b"{not json",
        b"[1, 2]",
        b'{"title": "D", "text": 5}',
        b'{"title": "E", "text": "Good \xff bytes."}',
        b"",
        b'{"title": "G", "text": "Good, with a bad date.", "published": "soon"}',
        b'{"title": "H", "text": "Last good one."}',
    ]
    p = _write(tmp_path, "c.jsonl", b"\n".join(lines) + b"\n")
    records = list(iter_records(p))
    assert [(r.position, r.ok) for r in records] == [(1, True), (2, False), (3, False), (4, False), (5, True),
                                                     (7, True), (8, True)]
    errors = {r.position: r.error for r in records if r.error}
    assert errors[2] is not None and errors[2].line == 2 and "invalid JSON" in str(errors[2])
    assert "line 3: expected a JSON object" in str(errors[3])
    assert "line 4: field 'text' must be a string" in str(errors[4])
    assert all(e is not None and e.path == str(p) for e in errors.values())
    with pytest.warns(UserWarning, match="3 record"):
        df = mk.load_corpus(p)
    assert list(df["title"]) == ["A", "E", "G", "H"]


def test_csv_with_bad_rows(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    pd.DataFrame({"title": ["A", "", "C", "Headline only"], "text": ["Good one.", "", "Good too.", ""],
                  "published": ["2024-01-02", "2024-01-03", "not a date", ""]}).to_csv(p, index=False)
    with pytest.warns(UserWarning, match="1 record"):
        df = mk.load_corpus(p)
    assert list(df["title"]) == ["A", "C", "Headline only"]
    assert df.attrs["errors"] == [{"source": str(p), "position": 2, "reason": "record has no title and no text"}]
    assert df["published"].isna().tolist() == [False, True, True]


def test_csv_in_cp1252_and_without_the_text_column(tmp_path: Path) -> None:
    p = _write(tmp_path, "c.csv", "title,text\nCafé,“Quoted” naïve text.\n".encode("cp1252"))
    (rec,) = list(iter_records(p))
    assert rec.ok
    p2 = _write(tmp_path, "d.csv", b"headline,body\nA,B\n")
    with pytest.raises(mk.LoadError, match=r"no 'text' column; columns are \['headline', 'body'\]"):
        mk.load_corpus(p2)


def test_corpus_analysis_keeps_every_good_record(tmp_path: Path) -> None:
    p = tmp_path / "c.parquet"
    pd.DataFrame({"title": ["A", None, "C", "D"],
                  "text": ["The minister resigned.", None, '"No," she said.', "x" * 5000]}).to_parquet(p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = mk.analyze_corpus(p, progress=False)
    assert list(df["position"]) == [1, 3, 4]
    (err,) = df.attrs["errors"]
    assert err["position"] == 2 and err["source"] == str(p) and "no title and no text" in err["reason"]


# -- pathological text ---------------------------------------------------------------------------------

STOP_WORDS = "the minister said that talks would go on in spring and officials denied it".split()


def _no_punctuation(n: int) -> str:
    words = (STOP_WORDS * (n // 40 + 1))
    return " ".join(words)[:n]


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "one sentence, no punctuation": _no_punctuation,
    "straight double quotes": lambda n: '"' * n,
    "unbalanced quotes between words": lambda n: ('word " ' * (n // 7 + 1))[:n],
    "curly opening quotes": lambda n: ("“a " * (n // 3 + 1))[:n],
    "apostrophes": lambda n: "'" * n,
    "quoted sentences": lambda n: ('He said "no." ' * (n // 14 + 1))[:n],
    "stops without spaces": lambda n: "?!" * (n // 2),
    "dots": lambda n: "." * n,
    "emoji": lambda n: ("😀🇪🇺👍🏽 " * (n // 7 + 1))[:n],
    "right-to-left": lambda n: ("مرحبا بالعالم \u200fשלום " * (n // 20 + 1))[:n],
    "combining marks": lambda n: ("e\u0301\u0301\u0301 " * (n // 5 + 1))[:n],
    "capitalised names": lambda n: ("Donald J Trump Vladimir Putin said Smith told Jones " * (n // 51 + 1))[:n],
    "short paragraphs": lambda n: ("A.\n\n" * (n // 4 + 1))[:n],
}


def _core(text: str) -> None:
    split_sentences(text)
    tokenize(text)
    score_sentiment(text)
    score_sentiment(text, backend="vader")
    find_cues(text)
    find_sources(text)
    find_actors(text)
    score_tone(text)


def _full(text: str) -> None:
    from mediakit.analysis import analyze

    analyze(text)


def _seconds(run: Callable[[str], None], text: str) -> float:
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run(text)
    return time.perf_counter() - t0


def _assert_linear(run: Callable[[str], None], make: Callable[[int], str], n: int, cap: float) -> None:
    """Time on 4n characters against n: linear is 4x, quadratic 16x.

    The bound (8x, and nothing under 2 s is judged) leaves room for a busy machine: the blow-ups this test
    was written against took tens of seconds.
    """
    _seconds(run, make(200))  # warm the lexicons and backends
    small = min(_seconds(run, make(n)) for _ in range(2))
    large = min(_seconds(run, make(4 * n)) for _ in range(2))
    assert large < max(8 * small, 2.0), (small, large)
    assert large < cap, (small, large)


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(PATHOLOGICAL))
def test_core_analysers_time_is_linear_in_length(kind: str) -> None:
    """Segmentation, both sentiment backends, cues, sources, actors and tone on 5,000 then 20,000 characters."""
    _assert_linear(_core, PATHOLOGICAL[kind], 5_000, cap=20.0)


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(PATHOLOGICAL))
def test_full_analysis_time_is_linear_in_length(kind: str) -> None:
    """``mediakit.analysis.analyze`` (every measure) on 2,500 then 10,000 characters."""
    _assert_linear(_full, PATHOLOGICAL[kind], 2_500, cap=20.0)


def test_a_100000_character_sentence_without_punctuation() -> None:
    text = _no_punctuation(100_000)
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(0, len(text.rstrip()))]
    assert score_sentiment(text).polarity == score_sentiment(text).polarity
    tone = score_tone(text)
    assert all(text[e.start : e.end] == e.text for e in tone.evidence)
    find_cues(text)
    find_sources(text)
    find_actors(text)
    _full(text)
    assert time.perf_counter() - t0 < 60


def test_thousands_of_unbalanced_quotation_marks_do_not_raise() -> None:
    text = "He said “yes and ‘no.\n\n" * 500 + '" " " "' * 1000 + "\n\nShe said: “Why?”"
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[-1].text == "She said: “Why?”"
    for cue in find_cues(text):
        assert text[cue.start : cue.end] == cue.text


@pytest.mark.parametrize(
    "text",
    [
        "Putin 😀 said the talks were great 👍🏽. Trump 🇺🇸 disagreed.",
        "The minister of \u05d9\u05e9\u05e8\u05d0\u05dc met the \u0645\u0635\u0631 envoy \u200f(said) in Cairo.",
        "Cafe\u0301 owners in Zu\u0308rich said the pla\u0300n was \u201cfair\u201d.",
        "\u202eThe mayor said the plan was good.\u202c It was \u200bnot.",
        "İstanbul's mayor said the ﬁnal plan was ǅ good. ß and ẞ were fine.",
    ],
)
def test_emoji_right_to_left_and_combining_characters(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    for e in score_sentiment(text).evidence + score_sentiment(text, backend="vader").evidence:
        if e.start is not None and e.end is not None:
            assert text[e.start : e.end].lower().startswith(e.words[0].lower()[:1])
    for e in score_tone(text).evidence:
        assert text[e.start : e.end] == e.text
    for a in find_actors(text):
        for m in a.mentions:
            assert text[m.start : m.end] == m.text


CORPUS_LINES = '{"title": "Café", "text": "naïve “quote”"}\n{"title": "B", "text": "two"}\n'


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.jsonl", codecs.BOM_UTF8 + CORPUS_LINES.encode()),
        ("utf16.jsonl", CORPUS_LINES.encode("utf-16")),
        ("utf16le.jsonl", CORPUS_LINES.encode("utf-16-le")),
        ("bom.csv", codecs.BOM_UTF8 + "title,text\nCafé,naïve “quote”\nB,two\n".encode()),
        ("utf16.csv", "title,text\nCafé,naïve “quote”\nB,two\n".encode("utf-16")),
        ("cp1252.csv", "title,text\nCafé,naïve “quote”\nB,two\n".encode("cp1252")),
    ],
)
def test_corpus_files_in_any_encoding(tmp_path: Path, name: str, data: bytes) -> None:
    records = list(iter_records(_write(tmp_path, name, data)))
    assert [(r.article.title, r.article.body) for r in records if r.article] == [("Café", "naïve “quote”"), ("B", "two")]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("c.jsonl", gzip.compress(CORPUS_LINES.encode()), "gzip-compressed data"),
        ("c.csv", gzip.compress(b"title,text\nA,B\n"), "gzip-compressed data"),
        ("c.csv", b"", "cannot parse CSV"),
        ("c.parquet", b"not parquet at all", "cannot read Parquet"),
    ],
)
def test_unreadable_corpus_files(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    p = _write(tmp_path, name, data)
    with pytest.raises(mk.LoadError, match=problem) as err:
        list(iter_records(p))
    assert err.value.path == str(p)


def test_an_over_long_jsonl_line_is_one_error_row(tmp_path: Path) -> None:
    p = _write(tmp_path, "c.jsonl", b'{"title": "A", "text": "ok"}\n{"title": "B", "text": "' + b"x" * 5000
               + b'"}\n{"title": "C", "text": "ok"}')
    records = list(iter_records(p, max_bytes=1000))
    assert [(r.position, r.ok) for r in records] == [(1, True), (2, False), (3, True)]
    assert str(records[1].error) == f"{p}, line 2: record is over the limit of 1,000 bytes (pass max_bytes= to raise it)"
