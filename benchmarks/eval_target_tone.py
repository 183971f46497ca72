"""Agreement of mediakit's target_tone with NewsMTSC's sentiment towards a target.

Data (public, read from ../shared/eval or $MEDIAKIT_EVAL_DIR; skipped cleanly when absent):
NewsMTSC (Hamborg & Donnay 2021): news sentences, each with one or more targets (a character
span of ``sentence_normalized``) and the sentiment of the sentence towards it (2 = negative,
4 = neutral, 6 = positive). Scored per target.

* Tuning splits: train.jsonl, splits/rw_dev.jsonl, splits/mt_dev.jsonl (the weights in
  lexicons/target_tone_weights.json are fitted on train.jsonl only, by ``--fit``).
* Untuned: splits/rw_test.jsonl, splits/mt_test.jsonl (never used for fitting or for rules).

Scorers: (a) ``target_tone``; (b) sentence-level baselines that give every target of a sentence
the whole sentence's score: TextBlob polarity and VADER compound (neutral band +-0.05),
``score_tone`` with its own label thresholds; (c) the majority class of train.jsonl.
For each baseline also the neutral band chosen on the dev splits
(rw_dev + mt_dev, maximising macro-F1): a fair comparison with target_tone's fitted thresholds.
Figures: macro-F1 and accuracy over neg/neu/pos, Pearson r of the score with (polarity - 4) / 2,
and ms per target (target_tone includes its own score_tone call).

Run:
    .venv/bin/python benchmarks/eval_target_tone.py          # writes benchmarks/results/target_tone.csv
    .venv/bin/python benchmarks/eval_target_tone.py --fit    # refit the weights on train.jsonl
    .venv/bin/python benchmarks/eval_target_tone.py --ablate # refit without each feature group, all splits
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval")) / "newsmtsc"
RESULTS = ROOT / "benchmarks" / "results" / "target_tone.csv"
WEIGHTS = ROOT / "mediakit" / "lexicons" / "target_tone_weights.json"
SPLITS = {
    "train": "train.jsonl",
    "rw_dev": "splits/rw_dev.jsonl",
    "mt_dev": "splits/mt_dev.jsonl",
    "rw_test": "splits/rw_test.jsonl",
    "mt_test": "splits/mt_test.jsonl",
}
TUNED = ("train", "rw_dev", "mt_dev")
LABELS = (2, 4, 6)
Row = tuple[str, int, int, int]  # sentence, from, to, polarity


def load(split: str) -> list[Row]:
    rows = []
    with open(EVAL / SPLITS[split], encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            for t in d["targets"]:
                rows.append((d["sentence_normalized"], int(t["from"]), int(t["to"]), int(t["polarity"])))
    return rows


def macro_f1(gold: list[int], pred: list[int]) -> tuple[float, float]:
    """(macro-F1 over the three classes, accuracy)."""
    fs = []
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        fs.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(fs) / 3, sum(g == p for g, p in zip(gold, pred)) / len(gold)


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else float("nan")


def band(scores: list[float], lo: float, hi: float) -> list[int]:
    return [2 if s <= lo else 6 if s >= hi else 4 for s in scores]


def best_band(scores: list[float], gold: list[int], symmetric: bool = True) -> tuple[float, float]:
    """The neutral band maximising macro-F1 (symmetric: (-b, b); else any lo < hi)."""
    grid = [i / 100 for i in range(0, 61)]
    if symmetric:
        b = max(grid, key=lambda b: (macro_f1(gold, band(scores, -b, b))[0], -b))
        return -b, b
    pairs = [(-lo, hi) for lo in grid for hi in grid]
    return max(pairs, key=lambda p: macro_f1(gold, band(scores, *p))[0])


def _tones(rows: list[Row]) -> dict[str, Any]:
    from mediakit.tone import score_tone

    out: dict[str, Any] = {}
    for s, *_ in rows:
        if s not in out:
            out[s] = score_tone(s)
    return out


def fit(decays: tuple[float, ...] = (3.0, 6.0)) -> None:
    """Least-squares weights of the target features on train.jsonl; thresholds maximising macro-F1 there."""
    import numpy as np

    from mediakit.target import FEATURES, target_features

    rows = load("train")
    tones = _tones(rows)
    y = np.array([(p - 4) / 2 for *_, p in rows])
    gold = [p for *_, p in rows]
    best: tuple[float, float, Any, tuple[float, float]] | None = None
    for decay in decays:
        X = np.array([[1.0] + [target_features(s, a, b, tone=tones[s], decay=decay)[0][f] for f in FEATURES]
                      for s, a, b, _ in rows])
        coef, *_ = np.linalg.lstsq(X, y, rcond=None)
        pred = list(np.clip(X @ coef, -1, 1))
        lo, hi = best_band(pred, gold, symmetric=False)
        f1 = macro_f1(gold, band(pred, lo, hi))[0]
        print(f"decay {decay}: train macro-F1 {f1:.3f}, r {pearson(pred, list(y)):.3f}, band ({lo}, {hi})")
        if best is None or f1 > best[0]:
            best = (f1, decay, coef, (lo, hi))
    assert best is not None
    f1, decay, coef, (lo, hi) = best
    data = {
        "about": "Weights of mediakit.target_tone: score = clip(intercept + coef . features, -1, 1). "
                 "Written by benchmarks/eval_target_tone.py --fit.",
        "fitted_on": f"NewsMTSC train.jsonl only ({len(rows)} targets); dev and test splits never used for fitting",
        "fit": {"method": "least squares (numpy) per distance decay; thresholds maximising macro-F1",
                "train_macro_f1": round(f1, 4)},
        "decay": decay,
        "features": list(FEATURES),
        "intercept": round(float(coef[0]), 5),
        "coef": [round(float(c), 5) for c in coef[1:]],
        "thresholds": [lo, hi],
    }
    WEIGHTS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}: decay {decay}, " + ", ".join(
        f"{f} {c:+.3f}" for f, c in zip(FEATURES, data["coef"])))


def ablate() -> None:
    """Macro-F1 per split when a feature group is left out (each refit on train.jsonl, as ``--fit`` does)."""
    import numpy as np

    from mediakit.target import FEATURES, _weights, target_features

    data = {name: load(name) for name in SPLITS}
    tones = _tones([r for rows in data.values() for r in rows])
    decay = _weights().decay
    X = {n: np.array([[1.0] + [target_features(s, a, b, tone=tones[s], decay=decay)[0][f] for f in FEATURES]
                      for s, a, b, _ in rows]) for n, rows in data.items()}
    names = ("intercept", *FEATURES)
    y = np.array([(p - 4) / 2 for *_, p in data["train"]])
    drops = {"all features": (), "sentence score only": tuple(f for f in FEATURES if f != "sentence"),
             "- speaker": ("speaker", "speaker_sentence"), "- against": ("against",), "- own": ("own",),
             "- other": ("other",), "- before/after": ("before", "after")}
    for label, drop in drops.items():
        idx = [i for i, f in enumerate(names) if f not in drop]
        coef, *_ = np.linalg.lstsq(X["train"][:, idx], y, rcond=None)
        fitted = list(np.clip(X["train"][:, idx] @ coef, -1, 1))
        lo, hi = best_band(fitted, [p for *_, p in data["train"]], symmetric=False)
        cells = []
        for n, rows in data.items():
            pred = list(np.clip(X[n][:, idx] @ coef, -1, 1))
            cells.append(f"{n} {macro_f1([p for *_, p in rows], band(pred, lo, hi))[0]:.3f}")
        print(f"{label:22}", "  ".join(cells))


def evaluate() -> None:
    import pandas as pd

    from mediakit.sentiment import score_sentiment
    from mediakit.target import target_tone
    from mediakit.tone import score_tone

    data = {name: load(name) for name in SPLITS}
    majority = Counter(p for *_, p in data["train"]).most_common(1)[0][0]
    n_targets = sum(len(r) for r in data.values())
    # target_tone first, timed per target with cold caches (it scores each sentence with score_tone itself)
    tt: dict[str, list[tuple[float, str]]] = {}
    t0 = time.perf_counter()
    for name, rows in data.items():
        tt[name] = [(r.score, r.label) for r in (target_tone(s, a, b) for s, a, b, _ in rows)]
    t_target = time.perf_counter() - t0
    # per-sentence baselines (score_tone timed per sentence; its backends' caches are warm by now)
    sent: dict[str, tuple[float, float, float, str]] = {}
    t_base = 0.0
    for rows in data.values():
        for s, *_ in rows:
            if s not in sent:
                t0 = time.perf_counter()
                tone = score_tone(s)
                t_base += time.perf_counter() - t0
                sent[s] = (score_sentiment(s, backend="textblob").polarity,
                           score_sentiment(s, backend="vader").polarity, tone.score, tone.label)
    lab = {"negative": 2, "neutral": 4, "positive": 6}
    dev = data["rw_dev"] + data["mt_dev"]
    dev_gold = [p for *_, p in dev]
    dev_bands = {i: best_band([sent[s][i] for s, *_ in dev], dev_gold) for i in (0, 1, 2)}
    rows_out = []
    for name, rows in data.items():
        gold = [p for *_, p in rows]
        y = [(p - 4) / 2 for p in gold]
        split = "tune" if name in TUNED else "test (untuned)"

        sc = [sent[s][2] for s, *_ in rows]
        runs: list[tuple[str, list[float] | None, list[int], str]] = [
            ("target_tone", [s for s, _ in tt[name]], [lab[x] for _, x in tt[name]], "fitted on train"),
        ]
        for i, scorer in ((0, "textblob (sentence)"), (1, "vader (sentence)")):
            si = [sent[s][i] for s, *_ in rows]
            lo, hi = dev_bands[i]
            runs += [(scorer, si, band(si, -0.05, 0.05), "+-0.05"), (scorer, si, band(si, lo, hi), f"+-{hi:.2f} (dev)")]
        lo, hi = dev_bands[2]
        runs += [
            ("score_tone (sentence)", sc, [lab[sent[s][3]] for s, *_ in rows], "own thresholds"),
            ("score_tone (sentence)", sc, band(sc, lo, hi), f"+-{hi:.2f} (dev)"),
            ("majority class", None, [majority] * len(rows), f"always {majority}"),
        ]
        for scorer, scores, pred, note in runs:
            f1, acc = macro_f1(gold, pred)
            r = pearson(scores, y) if scores is not None else float("nan")
            rows_out.append({"split": name, "use": split, "scorer": scorer, "n_targets": len(rows),
                             "macro_f1": round(f1, 4), "accuracy": round(acc, 4), "pearson_r": round(r, 4),
                             "band": note})
    df = pd.DataFrame(rows_out)
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        print(df.to_string(index=False))
    ms_target = 1000 * t_target / n_targets
    ms_sent = 1000 * t_base / len(sent)
    print(f"\nspeed: target_tone {ms_target:.2f} ms per target ({n_targets} targets, score_tone included); "
          f"score_tone alone {ms_sent:.2f} ms per sentence")
    df["ms_per_target"] = [round(ms_target, 3) if s == "target_tone" else "" for s in df["scorer"]]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(RESULTS, index=False)
    print(f"wrote {RESULTS.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    if not (EVAL / "train.jsonl").exists():
        print(f"NewsMTSC not found at {EVAL}; skipping (see the docstring for the data).")
        return 0
    if "--ablate" in argv:
        ablate()
        return 0
    if "--fit" in argv:
        fit()
        from mediakit.target import _weights

        _weights.cache_clear()
    evaluate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
