"""Time VADER in mediakit: the scan-based ``VaderBackend`` before ``_vader`` vs the one using it.

"old" is the backend as it was (vaderSentiment's analyser with the linear
lower-casing fix, ``_linear_vader``, then a token scan for evidence:
``scan_evidence``), built here so both run in the same process. "new" is
``VaderBackend`` (``mediakit._vader``). Both build the same ``Sentiment``
objects. Three workloads on every STEP-th BBC article:

- whole text: one call per article;
- sentences: one call per sentence (``split_sentences``), as ``score_tone`` does;
- text + sentences: the whole text and every sentence (what ``analyze`` asks
  of VADER); "new, spans" does it in one ``score_spans`` call, the whole text
  being the span ``(0, len(text))``.

CPU time (``time.process_time``), ms per 500 words. Each article is timed with
every variant in turn, so load from other processes falls on all of them alike;
per article and variant the fastest of ``--repeat`` passes counts.

Run:  PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_vader.py [--step 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def old_backend() -> Callable[[str], Any]:
    from mediakit._vader import VaderScores, scan_evidence
    from mediakit.sentiment import _linear_vader, _vader_sentiment

    analyzer = _linear_vader()
    lexicon = analyzer.lexicon

    def score(text: str) -> Any:
        s = analyzer.polarity_scores(text)
        hits = scan_evidence(text, lexicon)
        return _vader_sentiment(VaderScores(s["compound"], s["pos"], s["neu"], s["neg"], hits))

    return score


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--step", type=int, default=5, help="take every STEP-th BBC article (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="passes per variant; the fastest counts (default 3)")
    args = ap.parse_args()

    import mediakit as mk
    from mediakit.sentiment import VaderBackend

    root = EVAL / "bbc-news" / "bbc"
    if not root.exists():
        print(f"note: BBC corpus not found at {root}; nothing to time (skipped).")
        return 0
    texts = [mk.load_article(p).text for p in sorted(root.glob("*/*.txt"))[:: args.step]]
    sents = [[(s.start, s.end) for s in mk.split_sentences(t)] for t in texts]
    words = sum(len(t.split()) for t in texts)
    old, new = old_backend(), VaderBackend()

    for t, spans in zip(texts, sents, strict=True):  # same answers before timing anything
        assert old(t) == new(t)
        assert [old(t[s:e]) for s, e in [(0, len(t)), *spans]] == new.score_spans(t, [(0, len(t)), *spans])

    def whole(f: Callable[[str], Any]) -> Callable[[str, list[tuple[int, int]]], None]:
        return lambda t, spans: f(t)

    def per_sentence(f: Callable[[str], Any]) -> Callable[[str, list[tuple[int, int]]], None]:
        def run(t: str, spans: list[tuple[int, int]]) -> None:
            for s, e in spans:
                f(t[s:e])

        return run

    def both(f: Callable[[str], Any]) -> Callable[[str, list[tuple[int, int]]], None]:
        def run(t: str, spans: list[tuple[int, int]]) -> None:
            f(t)
            for s, e in spans:
                f(t[s:e])

        return run

    def both_spans(t: str, spans: list[tuple[int, int]]) -> None:
        new.score_spans(t, [(0, len(t)), *spans])  # the whole text is a span too

    runs: dict[str, Callable[[str, list[tuple[int, int]]], None]] = {
        "whole text, old": whole(old),
        "whole text, new": whole(new),
        "sentences, old": per_sentence(old),
        "sentences, new": per_sentence(new),
        "text + sentences, old": both(old),
        "text + sentences, new": both(new),
        "text + sentences, new, spans": both_spans,
    }
    # each article is timed with every variant in turn (so load from other processes hits all alike);
    # per article and variant the fastest of --repeat passes counts
    best = {name: [float("inf")] * len(texts) for name in runs}
    clock = time.process_time
    for _ in range(args.repeat):
        for i, (t, spans) in enumerate(zip(texts, sents, strict=True)):
            for name, run in runs.items():
                t0 = clock()
                run(t, spans)
                best[name][i] = min(best[name][i], clock() - t0)
    total = {name: sum(times) for name, times in best.items()}
    per500 = 1000 * 500 / words
    print(f"bench_vader: {len(texts)} BBC articles (every {args.step}th), {words:,} words, "
          f"{sum(map(len, sents)):,} sentences; load average {os.getloadavg()[0]:.2f}; "
          f"mediakit from {Path(mk.__file__).parent}")
    print(f"CPU ms per 500 words (per article, the fastest of {args.repeat} passes):")
    for name, sec in total.items():
        print(f"  {name:<30} {sec * per500:7.3f}")
    for work in ("whole text", "sentences", "text + sentences"):
        print(f"  ratio old / new, {work}: {total[work + ', old'] / total[work + ', new']:.1f}x")
    print(f"  ratio old / new with spans, text + sentences: "
          f"{total['text + sentences, old'] / total['text + sentences, new, spans']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
