"""Compressed corpus files: read as streams, equal to the plain file; damage is reported, not fatal."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pandas as pd
import pytest

import mediakit as mk
from mediakit.errors import LoadError
from mediakit.files import corpus_suffix
from mediakit.records import iter_records

ROWS = [
    {"id": f"a{i}", "title": f"Story {i}", "text": f"The minister said on day {i} that taxes would “rise”. Critics disagreed."}
    for i in range(1, 41)
]
OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def _jsonl(rows: list[dict[str, str]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def _records(path: Path) -> list[tuple[int, str | None, str | None]]:
    return [(r.position, r.article.body if r.article else None, r.error.reason if r.error else None)
            for r in iter_records(path)]


@pytest.mark.parametrize("comp", sorted(OPENERS))
def test_compressed_jsonl_reads_as_the_plain_file(tmp_path: Path, comp: str) -> None:
    plain = tmp_path / "news.jsonl"
    plain.write_bytes(_jsonl(ROWS))
    packed = tmp_path / f"news.jsonl{comp}"
    with OPENERS[comp](packed, "wb") as fh:
        fh.write(_jsonl(ROWS))
    assert packed.stat().st_size < plain.stat().st_size
    got = _records(packed)
    assert got == _records(plain)
    assert len(got) == 40 and all(reason is None for _, _, reason in got)


def test_compressed_csv_and_utf16_jsonl(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS)
    frame.to_csv(tmp_path / "news.csv", index=False)
    frame.to_csv(tmp_path / "news.csv.gz", index=False)  # pandas compresses by the suffix
    assert _records(tmp_path / "news.csv.gz") == _records(tmp_path / "news.csv")
    with gzip.open(tmp_path / "wide.jsonl.gz", "wb") as fh:
        fh.write(_jsonl(ROWS[:3]).decode("utf-8").encode("utf-16"))
    assert [b for _, b, _ in _records(tmp_path / "wide.jsonl.gz")] == [b for _, b, _ in _records(tmp_path / "news.csv")][:3]


def test_truncated_gzip_keeps_what_was_read_and_reports_the_rest(tmp_path: Path) -> None:
    whole = gzip.compress(_jsonl(ROWS * 50))  # 2,000 records
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    recs = list(iter_records(cut))
    ok = [r for r in recs if r.ok]
    assert 0 < len(ok) < 2000
    assert [r.position for r in ok] == list(range(1, len(ok) + 1))
    last = recs[-1]
    assert not last.ok and last.error is not None
    assert "truncated" in last.error.reason and f"after {len(ok):,}" in last.error.reason
    assert str(cut) in str(last.error)


def test_corrupt_and_misnamed_compressed_files_fail_clearly(tmp_path: Path) -> None:
    fake = tmp_path / "plain.jsonl.gz"
    fake.write_bytes(_jsonl(ROWS[:2]))  # not gzip at all
    with pytest.raises(LoadError, match="plain.jsonl.gz"):
        list(iter_records(fake))
    parquet = tmp_path / "news.parquet.gz"
    parquet.write_bytes(gzip.compress(b"PAR1"))
    with pytest.raises(LoadError, match="compressed Parquet"):
        list(iter_records(parquet))
    with pytest.raises(LoadError, match=r"\.jsonl\.gz holds a corpus"):
        mk.load_article(tmp_path / "plain.jsonl.gz")


def test_corpus_suffix() -> None:
    assert corpus_suffix(Path("a/News.JSONL.GZ")) == ".jsonl"
    assert corpus_suffix(Path("a.ndjson.xz")) == ".ndjson"
    assert corpus_suffix(Path("archive.gz")) == ".gz"
    assert corpus_suffix(Path("notes.txt")) == ".txt"


def test_analyze_corpus_on_a_gzipped_corpus_equals_the_plain_one(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_bytes(_jsonl(ROWS[:6]))
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(_jsonl(ROWS[:6])))
    plain = mk.analyze_corpus(tmp_path / "news.jsonl", progress=False)
    packed = mk.analyze_corpus(tmp_path / "news.jsonl.gz", progress=False)
    drop = [c for c in plain.columns if c in ("source", "elapsed_ms") or c.startswith("time")]
    pd.testing.assert_frame_equal(plain.drop(columns=drop), packed.drop(columns=drop))
    assert len(packed) == 6
