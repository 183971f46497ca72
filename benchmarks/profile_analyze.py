"""Profile ``mk.analyze``: time per stage and per framing function, and check outputs stay identical.

Sample: every 10th BBC News article (sorted paths, from ``../shared/eval/bbc-news/bbc`` or
``$MEDIAKIT_EVAL_DIR/bbc-news/bbc``) plus the bundled article in ``data/articles``. Without the BBC
corpus the bundled article alone is used (a note says so).

What it prints, all measured in this run, in ms per article and ms per 500 words:

1. ``Analysis.timings`` per stage (segment, score, framing) of ``mk.analyze`` (wall clock), and the
   CPU time of the whole call (steadier than wall clock when other processes share the cores).
2. Each framing function called on its own on a fresh text (caches cleared before each article,
   so every function pays for its own tokenising, as the first caller in ``analyze`` does), and the
   scorers (TextBlob and VADER on the whole text, ``score_tone``), in CPU time.

Output check: ``--save FILE`` writes a canonical JSON of every result (``Analysis.to_dict()``; it holds
no timings) for the sample; ``--check FILE`` compares this run's results against it and names the
first differing field per article. An optimisation must leave ``--check`` clean.

Run:  .venv/bin/python benchmarks/profile_analyze.py                      # timings
      .venv/bin/python benchmarks/profile_analyze.py --save /tmp/ref.json  # reference dump
      .venv/bin/python benchmarks/profile_analyze.py --check /tmp/ref.json --repeat 1
      .venv/bin/python benchmarks/profile_analyze.py --cprofile 30         # top 30 functions
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))
BBC = EVAL / "bbc-news" / "bbc"
BUNDLED = ROOT / "data" / "articles"


def sample_paths(step: int) -> list[Path]:
    """Every ``step``-th BBC article (sorted) and the bundled article(s)."""
    paths: list[Path] = []
    if BBC.exists():
        paths = sorted(BBC.glob("*/*.txt"))[::step]
    else:
        print(f"note: BBC corpus not found at {BBC}; profiling the bundled article only.")
    paths += sorted(BUNDLED.glob("*.txt"))
    return paths


#: Caches keyed by the text (module, function): cleared before each article so every article is fresh.
#: Lexicon loaders (cached for the process, as in real use) are kept.
PER_TEXT_CACHES = (
    ("mediakit.segment", "_split_sentences"),
    ("mediakit.segment", "_tokenize"),
    ("mediakit.framing._tokens", "_sentence_tokens"),
    ("mediakit.framing.actors", "_build_index"),
    ("mediakit.segment", "_quoted_intervals"),
)


def clear_caches() -> None:
    """Empty mediakit's per-text caches (and every cache in ``mediakit._cache``), so each article is fresh."""
    for modname, fname in PER_TEXT_CACHES:
        fn = getattr(sys.modules.get(modname), fname, None)
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()
    sentiment = sys.modules.get("mediakit.sentiment")
    if sentiment is not None:  # the backends remember recent results: forget them too
        for name in sentiment.available_backends():
            forget = getattr(sentiment.get_backend(name), "forget", None)
            if forget is not None:
                forget()
    shared = sys.modules.get("mediakit._cache")
    if shared is not None and hasattr(shared, "clear"):
        shared.clear()


def canonical(result: Any) -> Any:
    """``Analysis.to_dict()`` round-tripped through JSON (tuples become lists, floats stay exact)."""
    return json.loads(json.dumps(result.to_dict(), default=str, sort_keys=True, ensure_ascii=False))


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'reference' if k in a else 'this run'}"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


#: In the "in a row" pass, the results of earlier functions each function takes (argument -> function), as analyze.
ROW_INPUTS = {
    "split_voices": {"quotes": "extract_quotes"},
    "find_figures": {"quotes": "extract_quotes", "sources": "find_sources"},
}


def framing_functions() -> dict[str, Callable[..., Any]]:
    from mediakit.framing.actors import find_actors
    from mediakit.framing.cues import find_cues, find_sources
    from mediakit.framing.figures import find_figures
    from mediakit.framing.frames import score_frames
    from mediakit.framing.quotes import extract_quotes
    from mediakit.framing.voice import split_voices
    from mediakit.segment import split_sentences
    from mediakit.sentiment import score_sentiment
    from mediakit.tone import score_tone

    return {
        "split_sentences": split_sentences,
        "textblob (text)": lambda a: score_sentiment(a, backend="textblob"),
        "vader (text)": lambda a: score_sentiment(a, backend="vader"),
        "score_tone": score_tone,
        "find_actors": find_actors,
        "extract_quotes": extract_quotes,
        "split_voices": split_voices,
        "find_cues": find_cues,
        "find_sources": find_sources,
        "score_frames": score_frames,
        "find_figures": find_figures,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--step", type=int, default=10, help="take every STEP-th BBC article (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes; the fastest counts (default 3)")
    ap.add_argument("--save", type=Path, help="write the canonical results to this JSON file")
    ap.add_argument("--check", type=Path, help="compare the results against this JSON file")
    ap.add_argument("--no-functions", action="store_true", help="skip timing framing functions one by one")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the top N functions (cumtime)")
    args = ap.parse_args()

    import mediakit as mk

    paths = sample_paths(args.step)
    articles = [mk.load_article(p) for p in paths]
    words = sum(a.n_words for a in articles)
    n = len(articles)
    per500 = 500 / (words / n)
    mk.analyze("Warm up. The backends load once, said the minister.")
    print(f"profile_analyze: {n} articles (every {args.step}th BBC + bundled), mean {words / n:.0f} words; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; mediakit from {Path(mk.__file__).parent}\n")

    if args.save or args.check:
        results = {}
        for path, art in zip(paths, articles):
            clear_caches()
            key = str(path.relative_to(path.parents[1]))
            got = canonical(mk.analyze(art))
            got["article"]["id"] = got["summary"]["id"] = key  # ids and sources are paths: make dumps portable
            if got["article"].get("source"):
                got["article"]["source"] = key
            results[key] = got
        if args.save:
            args.save.write_text(json.dumps(results, sort_keys=True, ensure_ascii=False), encoding="utf-8")
            print(f"saved results of {len(results)} articles to {args.save}")
        if args.check:
            ref = json.loads(args.check.read_text(encoding="utf-8"))
            bad = 0
            for key, got in results.items():
                if key not in ref:
                    print(f"  {key}: not in reference")
                    bad += 1
                    continue
                diff = first_difference(ref[key], got)
                if diff:
                    print(f"  {key}: {diff[:300]}")
                    bad += 1
            print(f"check against {args.check}: {len(results) - bad} of {len(results)} identical")
            if bad:
                return 1
        print()

    if args.cprofile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for art in articles:
            clear_caches()
            mk.analyze(art)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.cprofile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)
        return 0

    best: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        totals: dict[str, float] = {}
        cpu = 0.0
        for art in articles:
            clear_caches()
            c = time.process_time()
            timings = mk.analyze(art).timings
            cpu += time.process_time() - c
            for k, v in timings.items():
                totals[k] = totals.get(k, 0.0) + v
        totals["total (analyze)"] = sum(totals.values())
        totals["total, CPU time"] = cpu
        for k, v in totals.items():
            best[k] = min(best.get(k, float("inf")), v)
    print("1. mk.analyze, Analysis.timings (fastest of", args.repeat, "passes)")
    print(f"   {'stage':<22} {'ms/article':>11} {'ms/500 words':>13}")
    for k, v in best.items():
        print(f"   {k:<22} {1000 * v / n:11.2f} {1000 * v / n * per500:13.2f}")
    print("   target: <= 10 ms per 500 words\n")

    if args.no_functions:
        return 0
    funcs = framing_functions()
    alone: dict[str, float] = {}
    shared: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        t_alone = dict.fromkeys(funcs, 0.0)
        t_shared = dict.fromkeys(funcs, 0.0)
        for art in articles:
            for name, fn in funcs.items():
                clear_caches()  # each function pays for its own segmentation, as if called alone
                t = time.process_time()
                fn(art)
                t_alone[name] += time.process_time() - t
            clear_caches()  # then in a row, as analyze calls them: later ones reuse the per-text caches
            done: dict[str, Any] = {}  # and, as in analyze, results of earlier steps that later ones take
            for name, fn in funcs.items():
                kwargs = {k: done[step] for k, step in ROW_INPUTS.get(name, {}).items()}
                t = time.process_time()
                done[name] = fn(art, **kwargs)
                t_shared[name] += time.process_time() - t
        for k in funcs:
            alone[k] = min(alone.get(k, float("inf")), t_alone[k])
            shared[k] = min(shared.get(k, float("inf")), t_shared[k])
    print("2. each function on its own (caches cleared before each call) and in a row as analyze calls them")
    print("   (per-text caches shared, and split_voices/find_figures given the quotes and sources found before,")
    print("   as analyze gives them), CPU time")
    print(f"   {'function':<22} {'alone ms/500w':>14} {'in a row ms/500w':>17}")
    for k in funcs:
        print(f"   {k:<22} {1000 * alone[k] / n * per500:14.2f} {1000 * shared[k] / n * per500:17.2f}")
    print(f"   {'sum':<22} {1000 * sum(alone.values()) / n * per500:14.2f} "
          f"{1000 * sum(shared.values()) / n * per500:17.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
