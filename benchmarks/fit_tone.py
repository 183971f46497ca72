"""Fit lexicons/tone_weights.json on the tuning splits only (never the untuned test splits).

Tuning data: NewsMTSC train.jsonl + rw_dev + mt_dev, SemEval-2017 headlines training file
(see eval_tone.py for how they map to sentence tone). Steps, numpy only:

1. rule factors (negation, contrast, hedging, attribution, quoted voice) by coordinate
   search over a small grid, maximising the mean Pearson r of the fitted score over the
   two tuning sets;
2. a linear combination of four features (TextBlob polarity after rules, VADER compound,
   rule-adjusted lexicon sum, rule-adjusted news-vocabulary sum) by least squares, each
   data set weighted equally;
3. a symmetric neutral band maximising the mean macro-F1 on the two tuning sets.

Run: .venv/bin/python benchmarks/fit_tone.py   (rewrites mediakit/lexicons/tone_weights.json)
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_tone  # noqa: E402

import mediakit._tone_rules as tone_rules  # noqa: E402
import mediakit.tone as tone  # noqa: E402
from mediakit.segment import quoted_spans  # noqa: E402
from mediakit.sentiment import get_backend  # noqa: E402
from mediakit.validation import validate  # noqa: E402

GRID = {
    "negated": [-0.2, -0.5, -0.8],
    "contrast_before": [0.3, 0.5, 0.8, 1.0],
    "contrast_after": [1.0, 1.3, 1.6],
    "concessive": [0.3, 0.6, 1.0],
    "hedged": [0.5, 0.75, 1.0],
    "attributed": [0.6, 0.8, 1.0],
    "quoted": [0.4, 0.7, 1.0],
}
FEATURES = ("textblob", "vader", "rules", "news")
OUT = ROOT / "mediakit" / "lexicons" / "tone_weights.json"




def main() -> int:
    if not eval_tone.EVAL.exists():
        print(f"evaluation data not found at {eval_tone.EVAL}; nothing to fit.")
        return 0
    sets = eval_tone.load_sets()
    tune = {
        "newsmtsc": __import__("pandas").concat(
            [sets[("newsmtsc-train", eval_tone.TUNE)], sets[("newsmtsc-rw", eval_tone.TUNE)],
             sets[("newsmtsc-mt", eval_tone.TUNE)]], ignore_index=True),
        "semeval": sets[("semeval2017-headlines", eval_tone.TUNE)],
    }
    caches = {n: functools.lru_cache(maxsize=None)(get_backend(n)) for n in ("textblob", "vader")}
    tone.get_backend = caches.__getitem__  # type: ignore[assignment]
    tone_rules.get_backend = caches.__getitem__  # type: ignore[assignment]
    texts = {k: (list(v["text"]), v["human"].to_numpy()) for k, v in tune.items()}
    quoted = {k: [quoted_spans(t) for t in ts] for k, (ts, _) in texts.items()}
    base = tone_rules._model()

    def features(rules: dict[str, float]) -> dict[str, np.ndarray]:
        m = dataclasses.replace(base, rules=rules)
        return {
            k: np.array([[getattr(s, f) for f in FEATURES] for s in
                         (tone_rules._score_span(t, 0, len(t), q, m) for t, q in zip(ts, quoted[k]))])
            for k, (ts, _) in texts.items()
        }

    def fit(feats: dict[str, np.ndarray]) -> tuple[np.ndarray, float]:
        xs, ys, ws = [], [], []
        for k, x in feats.items():
            xs.append(np.hstack([np.ones((len(x), 1)), x]))
            ys.append(texts[k][1])
            ws.append(np.full(len(x), 1.0 / len(x)))
        X, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
        sw = np.sqrt(w)[:, None]
        beta, *_ = np.linalg.lstsq(X * sw, y * sw[:, 0], rcond=None)
        preds = {k: np.clip(np.hstack([np.ones((len(x), 1)), x]) @ beta, -1, 1) for k, x in feats.items()}
        r = float(np.mean([np.corrcoef(preds[k], texts[k][1])[0, 1] for k in feats]))
        return beta, r

    def objective(feats: dict[str, np.ndarray], beta: np.ndarray, band: float) -> tuple[float, float]:
        """Mean Pearson r and mean macro-F1 over the tuning sets of the model ``beta`` with a neutral band."""
        preds = {k: np.clip(np.hstack([np.ones((len(x), 1)), x]) @ beta, -1, 1) for k, x in feats.items()}
        r = float(np.mean([np.corrcoef(preds[k], texts[k][1])[0, 1] for k in feats]))
        f1 = float(np.mean([validate(preds[k], texts[k][1], thresholds=(-band, band),
                                     human_thresholds=(-0.05, 0.05)).macro_f1 for k in preds]))
        return r, f1

    rules = dict(base.rules)
    t0 = time.perf_counter()
    start_feats = features(rules)
    if base.features == FEATURES and -base.thresholds[0] == base.thresholds[1]:
        shipped = objective(start_feats, np.array([base.intercept, *base.coef]), base.thresholds[1])
        print(f"shipped weights, scored by this code: mean r = {shipped[0]:.4f}, mean macro-F1 = {shipped[1]:.4f}")
    beta, best = fit(start_feats)
    print(f"start: mean r = {best:.4f} ({time.perf_counter() - t0:.1f} s)")
    for _ in range(2):
        for name, values in GRID.items():
            for v in values:
                if v == rules[name]:
                    continue
                trial = {**rules, name: v}
                b, r = fit(features(trial))
                if r > best + 1e-4:
                    best, beta, rules = r, b, trial
                    print(f"  {name} = {v}: mean r = {r:.4f}")
    feats = features(rules)
    beta, best = fit(feats)
    preds = {k: np.clip(np.hstack([np.ones((len(x), 1)), x]) @ beta, -1, 1) for k, x in feats.items()}
    bands = [i / 100 for i in range(0, 41)]
    band = max(bands, key=lambda b: np.mean([
        validate(preds[k], texts[k][1], thresholds=(-b, b), human_thresholds=(-0.05, 0.05)).macro_f1 for k in preds]))
    best, f1 = objective(feats, beta, band)
    print(f"refit: mean r = {best:.4f}, mean macro-F1 = {f1:.4f}")
    out = {
        "about": ("Weights of mediakit.tone.score_tone, written by benchmarks/fit_tone.py. score = clip(intercept + "
                  "coef . features, -1, 1); rules multiply word values before the features are summed."),
        "fitted_on": ("NewsMTSC train + rw_dev + mt_dev (8,290 sentences; tone = mean target polarity) and "
                      "SemEval-2017 Task 5 headlines training file; test splits never used"),
        "fit": {"method": "coordinate grid search of rule factors, weighted least squares (numpy), neutral band "
                          "maximising macro-F1", "mean_pearson_tuning": round(best, 4),
                "mean_macro_f1_tuning": round(float(f1), 4)},
        "rules": rules,
        "features": list(FEATURES),
        "intercept": round(float(beta[0]), 5),
        "coef": [round(float(c), 5) for c in beta[1:]],
        "thresholds": [-band, band],
    }
    OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
