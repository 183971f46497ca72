"""Check that ``mediakit._pattern`` gives exactly TextBlob's sentiment, on every text we can read.

For each string it compares with ``textblob.en.sentiment`` (what ``TextBlob(s).sentiment`` runs):

* the tokens (``" ".join(find_tokens(s)).split()``, before lowering), and that every token's
  offsets point at it (``text[start:end]`` is the token, or the token with spaces, for an emoticon
  pattern rejoined);
* polarity and subjectivity (``repr`` equal: same float, same sign of zero);
* the assessments: words, polarity, subjectivity, label;
* ``score_spans(text, sentences)`` against ``sentiment(sentence)`` for each sentence of an article;
* the evidence offsets against today's (``locate_words`` searches): differences are counted and the
  first few printed; they are not failures, but each must be explained.

Strings: every BBC article (as loaded by mediakit and as the raw file), every sentence of them
(``mediakit.split_sentences``), NewsMTSC sentences, SemEval-2017 headlines, GVFC headlines, PolNeAR
article texts (what of ``../shared/eval`` is present), the hand-written tricky strings of
``tests/test_pattern.py`` (``TRICKY``) and seeded random strings built from tricky pieces.

Run:  PYTHONPATH=$PWD .venv/bin/python benchmarks/check_pattern.py [--random 20000]
Prints how many strings were compared and every mismatch (up to 20 of each kind); exits 1 on any.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from textblob.en import sentiment as tb_sentiment

import mediakit as mk
from mediakit import _pattern
from mediakit.sentiment import locate_words

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def tricky_strings() -> list[str]:
    """``TRICKY`` of ``tests/test_pattern.py``: one list of tricky strings, so check and test cannot drift."""
    spec = importlib.util.spec_from_file_location("_test_pattern", ROOT / "tests" / "test_pattern.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.TRICKY)


PIECES = (
    "good bad not no never very really extremely terribly GREAT Happy isn't can't it's don't n't 's ' \" "
    "\u201c \u201d \u2018 \u2019 Mr. U.S. e.g. etc. p.m. A. x. Xyz. http://a.b/c?d=e a.b@c.com "
    ":) :-( <3 :D ;) :'( x-D o.O 8) : - ) ( ! ? . ... .... !!! (!) \u2014 \u2013 well-known so-called "
    "2008 3.5% $1bn 1,000 ALL CAPS \u00e9t\u00e9 \u0130stanbul \u00df \u2665 \u00b0O\u00b0 , ; [ ] { } ` '' "
    "@ # * + | = ~ _ ^ & $ END-OF-SENTENCE w/ vs. a I the ly goodly"
).split() + ["( ! )", ": )", "8 )"]
SPACES = [" ", " ", " ", "", "\n", "\n\n", "\r\n\r\n", "\t", "  ", "\u00a0", "\u2028"]


def random_strings(n: int, seed: int = 2025) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        k = rng.randint(1, 14)
        yield "".join(rng.choice(PIECES) + rng.choice(SPACES) for _ in range(k)).rstrip(" ")[: rng.randint(1, 200)]


def eval_texts() -> Iterator[tuple[str, str]]:
    """(set name, text) for the sentiment and headline sets of ``../shared/eval`` that are present."""
    for name in ("train.jsonl", "devtest_mt.jsonl", "devtest_rw.jsonl"):
        path = EVAL / "newsmtsc" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield "newsmtsc", json.loads(line)["sentence_normalized"]
    for name in ("Headline_Trainingdata.json", "Headlines_Testdata_withscores.json"):
        path = EVAL / "semeval2017-task5-headlines" / name
        if path.exists():
            for row in json.loads(path.read_text(encoding="utf-8")):
                yield "semeval", row["title"]
    path = EVAL / "gvfc" / "GVFC_headlines_and_annotations.csv"
    if path.exists():
        with path.open(encoding="utf-8", errors="replace", newline="") as f:
            for row in csv.DictReader(f):
                yield "gvfc", row["news_title"]
    for path in sorted((EVAL / "polnear" / "data").glob("*/*/*.txt")):
        yield "polnear", path.read_text(encoding="utf-8", errors="replace")


def old_offsets(text: str, assessments: list) -> list[tuple[int | None, int | None]]:
    """Evidence offsets as ``TextBlobBackend`` found them before (a search per word)."""
    out = []
    pos = 0
    for words, *_ in assessments:
        start, end = locate_words(text, words, from_pos=pos)
        if start is None:
            start, end = locate_words(text, words)
        elif end is not None:
            pos = end
        out.append((start, end))
    return out


class Checker:
    def __init__(self) -> None:
        self.n = 0
        self.failures: dict[str, list[str]] = {}
        self.offset_diffs: dict[str, list[str]] = {}
        self.source = ""
        self.n_assessments = 0

    def fail(self, kind: str, text: str, detail: str) -> None:
        self.failures.setdefault(kind, []).append(f"{text[:120]!r}: {detail}")

    def check(self, text: str) -> None:
        self.n += 1
        want_tokens = " ".join(tb_sentiment.tokenizer(text)).split()
        words, starts, ends = _pattern.tokenize(text)
        if words != want_tokens:
            self.fail("tokens", text, f"{words[:20]} != {want_tokens[:20]}")
            return
        for w, s, e in zip(words, starts, ends):
            if re.sub(r"\s+", "", text[s:e]) != w:
                self.fail("token offsets", text, f"{w!r} at {s}:{e} is {text[s:e]!r}")
                break
        want = tb_sentiment(text)
        got = _pattern.sentiment(text)
        if (repr(got.polarity), repr(got.subjectivity)) != (repr(want[0]), repr(want[1])):
            self.fail("score", text, f"{got[:2]} != {tuple(want)}")
        want_a = [tuple(a) for a in want.assessments]
        got_a = [(a.words, a.polarity, a.subjectivity, a.label) for a in got.assessments]
        if repr(got_a) != repr(want_a):
            self.fail("assessments", text, f"{got_a} != {want_a}")
            return
        self.n_assessments += len(got_a)
        for a, (s, e) in zip(got.assessments, old_offsets(text, want.assessments)):
            if (a.start, a.end) != (s, e):
                old = None if s is None else text[s:e]
                self.offset_diffs.setdefault(self.source, []).append(
                    f"{a.words}: new {a.start}:{a.end} {text[a.start : a.end]!r}, old {s}:{e} {old!r}"
                )

    def check_spans(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.n += 1
        for (s, e), got in zip(spans, _pattern.score_spans(text, spans)):
            want = _pattern.sentiment(text[s:e])
            if repr(got) != repr(want):
                self.fail("score_spans", text[s:e], f"{got} != {want}")

    def report(self) -> int:
        print(f"compared {self.n} strings ({self.n_assessments} assessments)")
        for source, diffs in self.offset_diffs.items():
            print(f"{source}: {len(diffs)} evidence offsets differ from the old locate_words search, e.g.")
            for line in diffs[:8]:
                print("   ", line)
        for kind, items in self.failures.items():
            print(f"MISMATCH {kind}: {len(items)}")
            for line in items[:20]:
                print("   ", line)
        if not self.failures:
            print("no mismatches")
        return 1 if self.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=20000, help="random strings from tricky pieces")
    parser.add_argument("--step", type=int, default=1, help="every n-th BBC article only")
    args = parser.parse_args()
    c = Checker()
    counts: dict[str, int] = {}

    def count(name: str, k: int = 1) -> None:
        counts[name] = counts.get(name, 0) + k
        c.source = name

    for text in tricky_strings():
        count("tricky")
        c.check(text)
    for text in random_strings(args.random):
        count("random")
        c.check(text)
    bbc = sorted((EVAL / "bbc-news" / "bbc").glob("*/*.txt"))[:: args.step]
    for path in bbc:
        raw = path.read_text(encoding="utf-8", errors="replace")
        count("bbc articles", 2)
        c.check(raw)
        text = mk.load_article(path).text
        c.check(text)
        sentences = mk.split_sentences(text)
        count("bbc sentences", len(sentences))
        for sent in sentences:
            c.check(sent.text)
        c.check_spans(text, [(s.start, s.end) for s in sentences])
    for name, text in eval_texts():
        count(name)
        c.check(text)
    print("strings per source:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    return c.report()


if __name__ == "__main__":
    sys.exit(main())
