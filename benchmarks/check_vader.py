"""Check that ``mediakit._vader`` gives exactly VADER's numbers, and the evidence mediakit always gave.

Compares, for every string below, ``VaderScorer.score(s)`` with
``SentimentIntensityAnalyzer().polarity_scores(s)`` (compound, pos, neu, neg;
float ==) and its evidence with ``scan_evidence`` (the token scan
``VaderBackend`` used before); and ``score_spans(text, sentences)`` with
``score(sentence)`` for every sentence of every article (all fields).

Strings: every BBC article text (``load_article(...).text``) and every sentence
of it (``split_sentences``); every NewsMTSC sentence; every SemEval-2017
headline; a list of tricky strings (negations, boosters, "but", "least",
idioms, ALL CAPS, "!!!!", "???", emoji, emoticons, URLs, punctuation,
non-ASCII, empty and blank) and all their pairwise joins. Data folders that
are absent are skipped with a note.

Run:  PYTHONPATH=$PWD .venv/bin/python benchmarks/check_vader.py [--step N]
Prints how many strings were compared and every mismatch (at most 20 shown); exit status 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))

TRICKY = [
    "", " ", "   \n\t ", "\u00a0", "\u2003 \u3000", ".", "!!!", "???", "!?!?", "... --- ...", "“”", "'", "''",
    "It isn't good.", "It wasn't bad at all.", "a can't-miss good", "you'dn't like it",
    "Sentiment analysis has never been so good!",
    "It has never been this good", "never so very good", "Without a doubt, an excellent idea.",
    "without any doubt excellent", "He left without saying goodbye, despite the good weather.",
    "The plan is not very good.", "not not bad", "ain't nobody happy", "uh-uh, that's nice",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "GREAT news but TERRIBLE losses",
    "ALL CAPS EVERYWHERE HAPPY", "Mixed CAPS happy SAD", "The plot was good, but the characters are uncompelling.",
    "good but good but bad", "Good good good but bad bad bad", "but", "but good", "good but",
    "good BUT bad, but nice", "Roger Dodger is one of the least compelling variations on this theme.",
    "at least it's good", "very least good", "least good", "the least bad option", "It is the bomb",
    "that was the shit", "what a bad ass", "badass!", "kiss of death", "the kiss of death for them",
    "yeah right, great", "to die for", "a beating heart", "bus stop", "waiting at the bus stop happily",
    "it is kind of good", "kind of", "kind", "sort of nice", "just enough good", "kinda sux", "kind-of bad",
    "No problems at all.", "no", "no no no", "No, no, NO!", "no good or bad", "no fun nor joy", "not bad or good",
    "Make sure you :) or :D today!", ":-( :( :'( </3 <3 ;) :P", "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "😀", " 😀 ", "a😀b", "😀😀😀 great", "🔥🔥 hot", "👍 good job 👎", "😂😂", "happy 😊!", "sad😢?",
    "https://example.com/great-news?id=1 is bad", "www.happy.com", "@user #happy #sad", "#bad", "e-mail: no@ok.com",
    "Le président a parlé très clairement.", "İstanbul was wonderful, said the mayor.", "ΑΣ ΣΑΣ ὈΔΥΣΣΕΎΣ great",
    "naïve café déjà vu: good", "Straße groß gut", "ﬁne ﬂawless", "日本語のテキスト good", "مرحبا good",
    "1,740 675,800 3.5% good", "—good— “great” ‘bad’ (nice) [fine] {ok}", "good-bad happy/sad",
    "Good!!!!", "Good!!!!!!!!", "Bad???", "Bad????", "Bad?", "bad!?", "meh", "lol", "lmao great", "sux",
    "The talks were a great success. The talks were a great success.", "extremely unhappy", "EXTREMELY unhappy",
    "barely good", "hardly bad", "somewhat sad", "really really really good", "so so good", "this good",
    "never this bad", "Never so happy!", "It couldn't be worse.", "I don't like it", "Nothing good", "none good",
    "nor good", "rarely good", "seldom bad", "cannot win", "can't lose", "won't fail", "wont fail",
    "\tgood\n\nbad\r\n", "good\u2028bad", "good\x1cbad", "good\u200bbad", "A\u0301 good", "x" * 5,
]


def bbc_articles(step: int) -> list[tuple[str, str]]:
    import mediakit as mk

    root = EVAL / "bbc-news" / "bbc"
    if not root.exists():
        print(f"note: {root} not found; BBC articles skipped")
        return []
    return [(str(p), mk.load_article(p).text) for p in sorted(root.glob("*/*.txt"))[::step]]


def eval_sentences() -> Iterator[str]:
    folder = EVAL / "newsmtsc"
    if folder.exists():
        for path in sorted(folder.glob("*.jsonl")) + sorted((folder / "splits").glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield json.loads(line)["sentence_normalized"]
    else:
        print(f"note: {folder} not found; NewsMTSC skipped")
    folder = EVAL / "semeval2017-task5-headlines"
    if folder.exists():
        for path in sorted(folder.glob("*.json")):
            for row in json.loads(path.read_text(encoding="utf-8")):
                yield row["title"]
    else:
        print(f"note: {folder} not found; SemEval headlines skipped")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--step", type=int, default=1, help="take every STEP-th BBC article (default: all)")
    args = ap.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    import mediakit as mk
    from mediakit._vader import scan_evidence, vader_scorer

    scorer = vader_scorer()
    if scorer is None:
        print("mediakit._vader is disabled for this vaderSentiment: nothing to check")
        return 1
    vader = SentimentIntensityAnalyzer()
    print(f"check_vader: mediakit from {Path(mk.__file__).parent}")

    mismatches: list[str] = []
    counts: dict[str, int] = {}

    def compare(kind: str, s: str) -> None:
        counts[kind] = counts.get(kind, 0) + 1
        got = scorer.score(s)
        own = vader.polarity_scores(s)
        want = (own["compound"], own["pos"], own["neu"], own["neg"])
        if got[:4] != want:
            mismatches.append(f"{kind} numbers {s[:80]!r}: {got[:4]} != VADER {want}")
        if got.hits != scan_evidence(s, vader.lexicon):
            mismatches.append(f"{kind} evidence {s[:80]!r}")

    articles = bbc_articles(args.step)
    n_spans = 0
    for path, text in articles:
        compare("bbc article", text)
        sentences = mk.split_sentences(text)
        for sent in sentences:
            compare("bbc sentence", sent.text)
        spans = [(sent.start, sent.end) for sent in sentences]
        n_spans += len(spans)
        for (s, e), got in zip(spans, scorer.score_spans(text, spans), strict=True):
            if got != scorer.score(text[s:e]):
                mismatches.append(f"score_spans {path} [{s}:{e}] {text[s:e][:60]!r}")
    for s in dict.fromkeys(eval_sentences()):
        compare("eval sentence", s)
    for s in TRICKY:
        compare("tricky", s)
    for a, b in itertools.product(TRICKY, repeat=2):
        compare("tricky pair", f"{a} {b}")
        compare("tricky pair", a + b)
    # spans that cut words, overlap or come out of order fall back: still exact
    text = " ".join(TRICKY)
    cuts = [(0, len(text)), (3, 40), (10, 5000), (0, 0), (len(text), len(text)), (7, 8), (100, 200), (50, 60)]
    cuts = [(min(s, len(text)), min(e, len(text))) for s, e in cuts]
    for (s, e), got in zip(cuts, scorer.score_spans(text, cuts), strict=True):
        n_spans += 1
        if got != scorer.score(text[s:e]):
            mismatches.append(f"score_spans tricky [{s}:{e}]")

    total = sum(counts.values())
    print("compared with SentimentIntensityAnalyzer().polarity_scores and scan_evidence:")
    for kind, n in counts.items():
        print(f"  {n:>8,}  {kind}")
    print(f"  {total:>8,}  strings in all; {n_spans:,} spans compared with score() on the span")
    for m in mismatches[:20]:
        print("MISMATCH", m)
    print(f"{len(mismatches)} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
