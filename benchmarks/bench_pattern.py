"""CPU time of the TextBlob backend before and after ``mediakit._pattern``, in the same run.

"old" is the backend as it was at commit 642bf60: TextBlob's own ``Sentiment`` (a private, loaded
instance) and then a ``locate_words`` search per assessment for the evidence offsets. "new" is
``TextBlobBackend`` (``mediakit._pattern``). Both return the same ``Sentiment`` objects; the
script checks that the numbers are equal.

Texts: every ``--step``-th BBC article (as ``mediakit.load_article`` loads it) and its sentences
(``mediakit.split_sentences``). Measured with ``time.process_time``, ``--repeat`` rounds, the
two variants alternating, best round kept; figures are ms per 500 words.

Run:  PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_pattern.py --step 5 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mediakit as mk
from mediakit.sentiment import Sentiment, TextBlobBackend, textblob_sentiment

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def old_textblob_sentiment() -> Any:
    """TextBlob's ``Sentiment`` with its lexicon loaded into a plain-dict class (the old backend's)."""
    from textblob.en import Sentiment as TBSentiment
    from textblob.en import sentiment

    class LoadedSentiment(TBSentiment):
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__

    inst = TBSentiment(
        path=sentiment.path,
        synset=sentiment._synset,
        negations=sentiment.negations,
        modifiers=sentiment.modifiers,
        modifier=sentiment.modifier,
        tokenizer=sentiment.tokenizer,
        language="en",
    )
    inst.load()
    inst.__class__ = LoadedSentiment
    return inst


class OldTextBlobBackend:
    """The backend at commit 642bf60, unchanged."""

    name = "textblob"

    def __init__(self) -> None:
        self._sentiment = old_textblob_sentiment()

    def __call__(self, text: str) -> Sentiment:
        return textblob_sentiment(text, self._sentiment(text))


def cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=5, help="every n-th BBC article")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((EVAL / "bbc-news" / "bbc").glob("*/*.txt"))[:: args.step]
    if not paths:
        print(f"note: BBC corpus not found under {EVAL}; nothing to time (skipped).")
        return
    texts = [mk.load_article(p).text for p in paths]
    spans = [[(s.start, s.end) for s in mk.split_sentences(t)] for t in texts]
    sentences = [t[s:e] for t, sp in zip(texts, spans) for s, e in sp]
    n_words = sum(len(t.split()) for t in texts)
    n_sent_words = sum(len(s.split()) for s in sentences)
    old, new = OldTextBlobBackend(), TextBlobBackend()
    old("Warm up, good."), new("Warm up, good.")

    # the same numbers (evidence offsets may differ where the old search missed: check_pattern.py lists them)
    for t in texts[:50] + sentences[:500]:
        a, b = old(t), new(t)
        assert (a.polarity, a.subjectivity, [e.words for e in a.evidence]) == (
            b.polarity,
            b.subjectivity,
            [e.words for e in b.evidence],
        ), t

    def whole(backend: Callable[[str], Sentiment]) -> Callable[[], object]:
        return lambda: [backend(t) for t in texts]

    def each_sentence(backend: Callable[[str], Sentiment]) -> Callable[[], object]:
        return lambda: [backend(s) for s in sentences]

    def both_old() -> object:
        return [(old(t), [old(t[s:e]) for s, e in sp]) for t, sp in zip(texts, spans)]

    def both_spans() -> object:
        return [new.score_spans(t, [*sp, (0, len(t))]) for t, sp in zip(texts, spans)]

    cases = {
        "whole text": (whole(old), whole(new), n_words),
        "each sentence alone": (each_sentence(old), each_sentence(new), n_sent_words),
        "whole text + its sentences": (both_old, both_spans, n_words),
    }
    print(
        f"{len(texts)} BBC articles ({n_words} words), {len(sentences)} sentences; "
        f"mediakit from {Path(mk.__file__).parent}; load average {os.getloadavg()[0]:.2f}"
    )
    print(f"{'CPU ms per 500 words':<32}{'old':>8}{'new':>8}{'ratio':>8}")
    for name, (f_old, f_new, words) in cases.items():
        best_old = best_new = float("inf")
        for _ in range(args.repeat):
            best_old = min(best_old, cpu(f_old))
            best_new = min(best_new, cpu(f_new))
        o, n = best_old * 1000 * 500 / words, best_new * 1000 * 500 / words
        label = name + (" (score_spans)" if "+" in name else "")
        print(f"{label:<32}{o:>8.2f}{n:>8.2f}{o / n:>7.1f}x")


if __name__ == "__main__":
    main()
