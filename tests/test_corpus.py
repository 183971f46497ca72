"""analyze_corpus: engines agree, streaming output equals in-memory, failures become rows."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

import mediakit as mk
from mediakit._sinks import MemorySink, ParquetSink
from mediakit.corpus import ERROR_COLUMNS, CorpusTables
from mediakit.errors import InputError, LoadError

DATA = Path(__file__).parent / "data"

_LEADS = [
    "The council approved the budget on Monday after a heated debate.",
    "Shares in the carmaker fell sharply after it warned of weaker profits.",
    "Police said two people were injured in the crash on the motorway.",
    "The minister denied reports that the plan had been abandoned.",
    "Flooding forced hundreds of families from their homes overnight.",
    "The striker scored twice as the home side won a thrilling match.",
]
_MIDDLES = [
    '"It is a fair deal for everyone," the mayor said.',
    "Critics called the decision a disaster for local businesses.",
    "Officials said the roads would reopen by Friday.",
    '"We are delighted with the result," a spokesperson told reporters.',
    "Analysts expect growth of 3.5 percent in the U.S. next year.",
]
_ENDS = [
    "The company did not respond to a request for comment.",
    "Residents say they feel abandoned and angry.",
    "A full report is expected later this month.",
    "Mr. Smith said the outcome was good news.",
]


def _articles(n: int) -> list[dict[str, str]]:
    """``n`` small, distinct news-like articles as dicts."""
    out = []
    for i in range(n):
        body = "\n\n".join([_LEADS[i % len(_LEADS)], _MIDDLES[i % len(_MIDDLES)], _ENDS[i % len(_ENDS)]])
        out.append({"id": f"art-{i:03d}", "title": f"Story number {i}", "text": body})
    return out


def _quiet(func, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in _articles(30)) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_result(corpus_path: Path) -> pd.DataFrame:
    return mk.analyze_corpus(corpus_path, progress=False, chunk_size=7, tables=("sentences",))


def test_one_row_per_article_in_source_order(local_result: pd.DataFrame) -> None:
    assert len(local_result) == 30
    assert list(local_result.columns[:3]) == ["id", "source", "position"]
    assert local_result["id"].tolist() == [f"art-{i:03d}" for i in range(30)]
    assert local_result["position"].tolist() == list(range(1, 31))
    assert local_result.attrs["errors"] == []


def test_row_matches_single_article_summary(local_result: pd.DataFrame) -> None:
    article = mk.Article.from_dict(_articles(30)[4])
    expected = mk.analyze_corpus([article], progress=False).iloc[0]
    row = local_result.iloc[4]
    from mediakit.analysis import analyze

    summary = analyze(mk.load_corpus([_articles(30)[4]]).pipe(lambda d: mk.Article.from_dict(d.iloc[0].to_dict()))).summary()
    for key, value in summary.items():
        if key == "id":
            continue
        if value is None:  # a missing string comes back as None or NaN, by pandas version
            assert pd.isna(row[key]), key
        elif isinstance(value, float):
            assert row[key] == pytest.approx(value), key
        elif isinstance(value, list):
            assert list(row[key]) == value, key
        else:
            assert row[key] == value, key
    assert row["n_words"] == expected["n_words"]


def test_long_table_has_article_id_and_one_row_per_sentence(local_result: pd.DataFrame) -> None:
    tables = local_result.attrs["tables"]
    assert isinstance(tables, CorpusTables)
    sentences = tables["sentences"]
    assert sentences.columns[0] == "article_id"
    assert len(sentences) == local_result["n_sentences"].sum()
    counts = sentences.groupby("article_id").size()
    assert counts.loc["art-005"] == local_result.set_index("id").loc["art-005", "n_sentences"]
    assert list(tables["errors"].columns) == list(ERROR_COLUMNS)


def test_results_can_be_concatenated_and_filtered(local_result: pd.DataFrame) -> None:
    both = pd.concat([local_result, local_result], ignore_index=True)
    assert len(both) == 60
    assert "sentences" in local_result[local_result["n_words"] > 0].attrs["tables"]


def test_worker_processes_give_identical_frame(corpus_path: Path, local_result: pd.DataFrame) -> None:
    result = mk.analyze_corpus(corpus_path, progress=False, chunk_size=4, workers=2, tables=("sentences",))
    pdt.assert_frame_equal(result, local_result)
    pdt.assert_frame_equal(result.attrs["tables"]["sentences"], local_result.attrs["tables"]["sentences"])


def test_dask_engine_gives_identical_frame(corpus_path: Path, local_result: pd.DataFrame) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.Client(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=40) as client:
        result = mk.analyze_corpus(corpus_path, progress=False, chunk_size=5, engine="dask", client=client,
                                   tables=("sentences",))
        assert client.status == "running"  # a client the caller passed is left open
    pdt.assert_frame_equal(result, local_result)
    pdt.assert_frame_equal(result.attrs["tables"]["sentences"], local_result.attrs["tables"]["sentences"])


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_streamed_output_equals_in_memory(tmp_path: Path, corpus_path: Path, local_result: pd.DataFrame,
                                          suffix: str) -> None:
    out = tmp_path / f"rows{suffix}"
    written = mk.analyze_corpus(corpus_path, output=out, progress=False, chunk_size=3, tables=("sentences",))
    assert isinstance(written, mk.CorpusOutput)
    assert (written.n_articles, written.n_errors) == (30, 0)
    assert written.tables == {"sentences": tmp_path / "rows.sentences.parquet"}
    assert pd.read_csv(written.errors_path).empty
    if suffix == ".parquet":
        pdt.assert_frame_equal(pd.read_parquet(out), local_result)
    else:
        back = pd.read_csv(out) if suffix == ".csv" else pd.read_json(out, lines=True, dtype=False)
        # a column with no value at all (no outlet given) is NaN or None by format: compare it as missing
        empty = [c for c in local_result.columns if local_result[c].isna().all()]
        assert back[empty].isna().all().all()
        lists = [c for c in local_result.columns if isinstance(local_result[c].iloc[0], (list, np.ndarray))]
        assert lists  # top_actors
        for c in lists:  # list cells: JSON text in CSV, lists in JSON Lines, arrays in memory
            got = [json.loads(v) if isinstance(v, str) else list(v) for v in back[c]]
            assert got == [list(v) for v in local_result[c]], c
        skip = empty + lists
        pdt.assert_frame_equal(back.drop(columns=skip), local_result.drop(columns=skip), check_dtype=False)
    pdt.assert_frame_equal(pd.read_parquet(written.tables["sentences"]), local_result.attrs["tables"]["sentences"])
    assert not list(tmp_path.glob(".*part*")) and not list(tmp_path.glob(".*tmp*"))


@pytest.mark.parametrize("name", ["rows.csv.gz", "rows.jsonl.bz2", "rows.ndjson.xz"])
def test_compressed_output_holds_what_plain_output_holds(tmp_path: Path, name: str) -> None:
    import bz2
    import gzip
    import lzma

    articles = _articles(7)
    kind = ".csv" if ".csv" in name else ".jsonl"
    plain = mk.analyze_corpus(articles, output=tmp_path / f"plain{kind}", progress=False, tables=("quotes",))
    out = tmp_path / name
    written = mk.analyze_corpus(articles, output=out, progress=False, tables=("quotes",))
    assert isinstance(written, mk.CorpusOutput) and isinstance(plain, mk.CorpusOutput)
    # the long tables and the errors table sit beside it under the bare stem
    assert written.tables == {"quotes": tmp_path / "rows.quotes.parquet"}
    assert written.errors_path == tmp_path / "rows.errors.csv"
    opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}[out.suffix]
    with opener(out, "rb") as fh:  # really compressed, in the format its suffix names
        assert fh.read() == (tmp_path / f"plain{kind}").read_bytes()
    assert not list(tmp_path.glob(".*tmp*"))


def test_compressed_parquet_output_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.parquet\.gz.*Parquet compresses itself"):
        mk.analyze_corpus(["A text."], output=tmp_path / "rows.parquet.gz", progress=False)
    with pytest.raises(InputError, match=r"'\.txt'"):
        mk.analyze_corpus(["A text."], output=tmp_path / "rows.txt", progress=False)


def test_bad_jsonl_line_becomes_one_error_row(tmp_path: Path) -> None:
    lines = [json.dumps(a) for a in _articles(12)]
    lines.insert(6, '{"id": "broken", "text": "unterminated')
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="1 article"):
        df = mk.analyze_corpus(path, progress=False, chunk_size=5)
    assert len(df) == 12
    assert 7 not in df["position"].tolist()
    errors = df.attrs["errors"]
    assert len(errors) == 1
    assert errors[0]["position"] == 7 and errors[0]["stage"] == "load" and errors[0]["source"] == str(path)
    assert "invalid JSON" in errors[0]["reason"]
    with pytest.raises(LoadError) as info:
        mk.analyze_corpus(path, progress=False, errors="raise")
    assert info.value.line == 7


def test_bad_line_is_written_to_errors_csv(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(_articles(1)[0]) + '\n{"text": ""}\n', encoding="utf-8")
    with pytest.warns(UserWarning):
        written = mk.analyze_corpus(path, output=tmp_path / "out.parquet", progress=False)
    errors = pd.read_csv(written.errors_path)
    assert errors[["position", "stage"]].values.tolist() == [[2, "load"]]
    assert written.n_articles == 1 and written.n_errors == 1


def test_folder_with_unreadable_file(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, a in enumerate(_articles(5)):
        (folder / f"{i}.txt").write_text(a["title"] + "\n\n" + a["text"], encoding="utf-8")
    (folder / "9-empty.txt").write_text("   \n", encoding="utf-8")
    df = _quiet(mk.analyze_corpus, folder, progress=False, workers=2, chunk_size=2)
    assert len(df) == 5
    (error,) = df.attrs["errors"]
    assert error["source"].endswith("9-empty.txt") and error["stage"] == "load"
    assert "whitespace" in error["reason"]


@pytest.mark.parametrize(
    "source",
    [
        pd.DataFrame({"body": [a["text"] for a in _articles(4)], "id": [a["id"] for a in _articles(4)]}),
        [mk.Article.from_dict(a) for a in _articles(4)],
        _articles(4),
    ],
    ids=["dataframe", "articles", "dicts"],
)
def test_in_memory_sources(source: object) -> None:
    kwargs = {"text_col": "body"} if isinstance(source, pd.DataFrame) else {}
    df = mk.analyze_corpus(source, progress=False, **kwargs)
    assert df["id"].tolist() == [f"art-{i:03d}" for i in range(4)]
    # three body sentences, plus the headline where the source carries one
    expected = 3 if isinstance(source, pd.DataFrame) else 4
    assert (df["n_sentences"] == expected).all()


def test_plain_strings_and_limit() -> None:
    texts = [a["text"] for a in _articles(10)]
    df = mk.analyze_corpus(iter(texts), progress=False, limit=3)
    assert df["id"].tolist() == ["<iterable>:1", "<iterable>:2", "<iterable>:3"]


def test_empty_corpus_gives_empty_frame_and_file(tmp_path: Path) -> None:
    df = mk.analyze_corpus([], progress=False)
    assert list(df.columns) == ["id", "source", "position"] and df.empty
    written = mk.analyze_corpus([], output=tmp_path / "none.parquet", progress=False)
    assert pd.read_parquet(written.path).empty


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"engine": "spark"}, "engine='spark' is invalid"),
        ({"tables": ("quotez",)}, "tables='quotez' is invalid"),
        ({"workers": 0}, "workers must be"),
        ({"chunk_size": 0}, "chunk_size must be"),
        ({"errors": "ignore"}, "errors='ignore' is invalid"),
        ({"output": "rows.xlsx"}, "output suffix='.xlsx' is invalid"),
        ({"colour": "red"}, "unknown option"),
    ],
)
def test_invalid_options(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        mk.analyze_corpus(_articles(2), progress=False, **kwargs)


def test_parquet_sink_widens_schema_and_keeps_every_row(tmp_path: Path) -> None:
    import pyarrow as pa

    chunks = [
        pa.table({"id": ["a", "b"], "score": [None, None], "n": [1, 2]}),
        pa.table({"id": ["c"], "score": [0.5], "n": [3]}),  # null column becomes float
        pa.table({"id": ["d"], "score": [0.25], "n": [4.5], "new": ["x"]}),  # int -> float, a new column
        pa.table({"id": ["e"], "n": [5]}),  # a column missing
    ]
    sink = ParquetSink(tmp_path / "rows.parquet", rows=1)
    memory = MemorySink()
    for chunk in chunks:
        sink.add(chunk)
        memory.add(chunk)
    path = sink.close(chunks[0].schema)
    back = pd.read_parquet(path)
    assert back["id"].tolist() == ["a", "b", "c", "d", "e"]
    assert back["n"].tolist() == [1.0, 2.0, 3.0, 4.5, 5.0]
    assert back["new"].isna().tolist() == [True, True, True, False, True]  # None or NaN, by pandas version
    assert back["new"][3] == "x"
    pdt.assert_frame_equal(back, memory.frame(chunks[0].schema))
    assert [p.name for p in tmp_path.iterdir()] == ["rows.parquet"]


def test_cli_corpus_writes_parquet(tmp_path: Path, corpus_path: Path, local_result: pd.DataFrame) -> None:
    from click.testing import CliRunner

    from mediakit.cli import main

    out = tmp_path / "cli.parquet"
    result = CliRunner().invoke(main, ["corpus", str(corpus_path), "-o", str(out), "--no-progress",
                                       "--tables", "sentences"])
    assert result.exit_code == 0, result.output
    assert "30 article(s)" in result.output
    pdt.assert_frame_equal(pd.read_parquet(out), local_result)
    assert (tmp_path / "cli.sentences.parquet").exists()


def test_cli_corpus_missing_source_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mediakit.cli import main

    result = CliRunner().invoke(main, ["corpus", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.parquet")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_list_of_file_paths_is_read_as_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, a in enumerate(_articles(3)):
        (folder / f"{i}.txt").write_text(a["title"] + "\n\n" + a["text"], encoding="utf-8")
    from_folder = mk.analyze_corpus(folder, progress=False)
    files = sorted(folder.glob("*.txt"))
    # Path objects and strings naming files are files, not one-word articles
    for source in (files, [str(f) for f in files]):
        df = mk.analyze_corpus(source, progress=False)
        pdt.assert_frame_equal(df, from_folder)
    assert (from_folder["n_words"] > 10).all()
    # a missing or empty file in the list is one errors row; a one-word text that names no file is text
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    df = _quiet(mk.analyze_corpus, [files[0], folder / "empty.txt", folder / "missing.txt", "nowhere.txt"],
                progress=False)
    assert df["source"].tolist() == [str(files[0]), "<iterable>"]
    assert df["n_words"].tolist()[1] == 1
    reasons = {e["source"]: e["reason"] for e in df.attrs["errors"]}
    assert set(reasons) == {str(folder / "empty.txt"), str(folder / "missing.txt")}
    assert "whitespace" in reasons[str(folder / "empty.txt")]


def _stopping(items: list[dict[str, str]], after: int):  # type: ignore[no-untyped-def]
    """The records of a corpus, then Ctrl-C (KeyboardInterrupt) while reading record ``after + 1``."""
    for i, item in enumerate(items):
        if i == after:
            raise KeyboardInterrupt
        yield item


def test_a_stopped_run_keeps_finished_chunks_and_resume_finishes_it(tmp_path: Path) -> None:
    items = _articles(30)
    items[2] = {"id": "empty", "text": "   "}  # one record that fails: its error row must survive and not repeat
    out = tmp_path / "run.parquet"
    with pytest.warns(UserWarning, match=r"stopped part-way \(KeyboardInterrupt\).*holds the 14 article"), \
            pytest.raises(KeyboardInterrupt):
        mk.analyze_corpus(_stopping(items, 17), output=out, chunk_size=5, progress=False, tables=("sentences",))
    # chunks 1-5, 6-10, 11-15 were finished (one failure among them); 16-17 were in flight and are lost
    first = pd.read_parquet(out)
    assert first["position"].tolist() == [p for p in range(1, 16) if p != 3]
    assert pd.read_csv(tmp_path / "run.errors.csv")["position"].tolist() == [3]
    assert not list(tmp_path.glob(".*part*"))

    done = _quiet(mk.analyze_corpus, items, output=out, chunk_size=5, progress=False, tables=("sentences",),
                  resume=True)
    assert (done.n_articles, done.n_resumed) == (29, 14)
    whole = _quiet(mk.analyze_corpus, items, chunk_size=5, progress=False, tables=("sentences",))
    pdt.assert_frame_equal(pd.read_parquet(out), whole)
    pdt.assert_frame_equal(pd.read_parquet(done.tables["sentences"]), whole.attrs["tables"]["sentences"])
    assert pd.read_csv(done.errors_path)["position"].tolist() == [3]
    assert not list(tmp_path.glob(".*part*"))

    again = _quiet(mk.analyze_corpus, items, output=out, progress=False, resume=True)  # nothing left to do
    assert (again.n_articles, again.n_resumed) == (29, 29)
    pdt.assert_frame_equal(pd.read_parquet(out), whole)


def test_a_run_stopped_before_any_chunk_finished_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "run.parquet"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "stopped part-way" warning: there is nothing to keep
        with pytest.raises(KeyboardInterrupt):
            mk.analyze_corpus(_stopping(_articles(9), 4), output=out, chunk_size=5, progress=False)
    assert not out.exists() and not list(tmp_path.glob(".*part*"))


def test_resume_needs_a_parquet_output(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="resume=True continues a .parquet output"):
        mk.analyze_corpus(["A text."], output=tmp_path / "o.csv", resume=True, progress=False)
    with pytest.raises(InputError, match="resume=True"):
        mk.analyze_corpus(["A text."], resume=True, progress=False)


def test_cli_resume_continues_a_limited_run(tmp_path: Path, corpus_path: Path, local_result: pd.DataFrame) -> None:
    from click.testing import CliRunner

    from mediakit.cli import main

    out = tmp_path / "cli.parquet"
    args = ["corpus", str(corpus_path), "-o", str(out), "--no-progress", "--tables", "sentences"]
    first = CliRunner().invoke(main, [*args, "--limit", "10"])
    assert first.exit_code == 0 and "10 article(s) in" in first.output
    second = CliRunner().invoke(main, [*args, "--resume"])
    assert second.exit_code == 0, second.output
    assert "30 article(s) (10 kept from the earlier run)" in second.output
    pdt.assert_frame_equal(pd.read_parquet(out), local_result)
    pdt.assert_frame_equal(pd.read_parquet(tmp_path / "cli.sentences.parquet"), local_result.attrs["tables"]["sentences"])


def test_resume_knows_a_folder_file_by_its_path_when_files_are_added(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, a in enumerate(_articles(4)):
        (folder / f"b{i}.txt").write_text(a["title"] + "\n\n" + a["text"], encoding="utf-8")
    out = tmp_path / "rows.parquet"
    _quiet(mk.analyze_corpus, folder, output=out, limit=2, progress=False)
    # a new file that sorts first moves every position by one: b0 and b1 must not be analysed again
    (folder / "a-new.txt").write_text("New story\n\nThe mayor said the bridge would reopen.", encoding="utf-8")
    done = _quiet(mk.analyze_corpus, folder, output=out, progress=False, resume=True)
    rows = pd.read_parquet(out)
    names = [Path(s).name for s in rows["source"]]
    assert sorted(names) == ["a-new.txt", "b0.txt", "b1.txt", "b2.txt", "b3.txt"]
    assert (done.n_articles, done.n_resumed) == (5, 2)
