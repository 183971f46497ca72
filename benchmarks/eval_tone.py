"""Agreement of TextBlob, VADER and mediakit's score_tone with human tone ratings of news.

Data (public, read from ../shared/eval or $MEDIAKIT_EVAL_DIR; skipped cleanly when absent):

* NewsMTSC (Hamborg & Donnay 2021): news sentences with the sentiment towards a named
  target (2 = negative, 4 = neutral, 6 = positive). Mapped to sentence tone as the mean
  of the sentence's target polarities (-1 / 0 / +1); the whole sentence is scored.
  Tuning split: train.jsonl + the official dev splits (rw_dev, mt_dev).
  Untuned: the official test splits rw_test and mt_test.
* SemEval-2017 Task 5 headlines (Cortis et al. 2017): financial headlines scored in [-1, 1]
  (mean over target companies when a headline repeats). Tuning split: the training file.
  Untuned: the scored test file, minus headlines that also occur in the training file.

Only the tuning splits were used to fit lexicons/tone_weights.json (benchmarks/fit_tone.py).

Figures per data set and split: Pearson r, Spearman, macro-F1 over negative/neutral/positive.
Human labels: rating <= -0.05 negative, >= +0.05 positive. Predicted labels: the same
+-0.05 band for TextBlob and VADER (VADER's documented convention), score_tone's own
thresholds from the weights file; ``f1_band`` uses for each scorer the neutral band that
maximises macro-F1 on the tuning split of that data set (a fair second view).

Run: .venv/bin/python benchmarks/eval_tone.py   (writes benchmarks/results/tone.csv)
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))
RESULTS = ROOT / "benchmarks" / "results" / "tone.csv"

TUNE = "tune"
TEST = "test (untuned)"


def _newsmtsc(files: list[str]) -> pd.DataFrame:
    rows = []
    for name in files:
        with open(EVAL / "newsmtsc" / name, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                pols = [(t["polarity"] - 4.0) / 2.0 for t in d["targets"]]
                rows.append({"text": d["sentence_normalized"], "human": sum(pols) / len(pols)})
    return pd.DataFrame(rows).drop_duplicates("text")


def _semeval(name: str, key: str) -> pd.DataFrame:
    with open(EVAL / "semeval2017-task5-headlines" / name, encoding="utf-8") as fh:
        items = json.load(fh)
    df = pd.DataFrame({"text": [i["title"].strip() for i in items], "human": [float(i[key]) for i in items]})
    return df.groupby("text", as_index=False, sort=False)["human"].mean()


def load_sets() -> dict[tuple[str, str], pd.DataFrame]:
    """(data set, split) -> DataFrame(text, human)."""
    sem_train = _semeval("Headline_Trainingdata.json", "sentiment")
    sem_test = _semeval("Headlines_Testdata_withscores.json", "sentiment score")
    sem_test = sem_test[~sem_test["text"].isin(set(sem_train["text"]))]
    return {
        ("newsmtsc-rw", TUNE): _newsmtsc(["splits/rw_dev.jsonl"]),
        ("newsmtsc-rw", TEST): _newsmtsc(["splits/rw_test.jsonl"]),
        ("newsmtsc-mt", TUNE): _newsmtsc(["splits/mt_dev.jsonl"]),
        ("newsmtsc-mt", TEST): _newsmtsc(["splits/mt_test.jsonl"]),
        ("newsmtsc-train", TUNE): _newsmtsc(["train.jsonl"]),
        ("semeval2017-headlines", TUNE): sem_train.reset_index(drop=True),
        ("semeval2017-headlines", TEST): sem_test.reset_index(drop=True),
    }


def score_frame(df: pd.DataFrame) -> pd.DataFrame:
    """TextBlob polarity, VADER compound and score_tone for every text."""
    from mediakit.sentiment import score_sentiment
    from mediakit.tone import score_tone

    out = df.copy()
    out["textblob"] = [score_sentiment(t, backend="textblob").polarity for t in df["text"]]
    out["vader"] = [score_sentiment(t, backend="vader").polarity for t in df["text"]]
    out["score_tone"] = [score_tone(t).score for t in df["text"]]
    return out


def best_band(pred: pd.Series, human: pd.Series) -> float:
    """The symmetric neutral band (0..0.5) maximising macro-F1 on a tuning split."""
    from mediakit.validation import validate

    bands = [i / 100 for i in range(0, 51)]
    return max(bands, key=lambda b: validate(pred, human, thresholds=(-b, b), human_thresholds=(-0.05, 0.05)).macro_f1)


def main() -> int:
    if not EVAL.exists():
        print(f"evaluation data not found at {EVAL}; set MEDIAKIT_EVAL_DIR. Skipping.")
        return 0
    sys.path.insert(0, str(ROOT))
    from mediakit.tone import _model
    from mediakit.validation import validate

    tone_t = _model().thresholds
    t0 = time.perf_counter()
    sets = load_sets()
    scored = {k: score_frame(v) for k, v in sets.items()}
    elapsed = time.perf_counter() - t0
    rows = []
    for (ds, split), df in scored.items():
        tune = scored.get((ds, TUNE))
        for scorer in ("textblob", "vader", "score_tone"):
            t = tone_t if scorer == "score_tone" else (-0.05, 0.05)
            v = validate(df[scorer], df["human"], thresholds=t, human_thresholds=(-0.05, 0.05))
            band = best_band(tune[scorer], tune["human"]) if tune is not None else 0.05
            vb = validate(df[scorer], df["human"], thresholds=(-band, band), human_thresholds=(-0.05, 0.05))
            rows.append({
                "dataset": ds, "split": split, "scorer": scorer, "n": v.n,
                "pearson": round(v.pearson, 3), "spearman": round(v.spearman, 3),
                "macro_f1": round(v.macro_f1, 3), "thresholds": f"{t[0]:+.2f}/{t[1]:+.2f}",
                "f1_band": round(vb.macro_f1, 3), "band": band,
            })
    table = pd.DataFrame(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(RESULTS, index=False)
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        print(table.to_string(index=False))
    n = sum(len(v) for v in sets.values())
    print(f"\nscored {n} texts x 3 scorers in {elapsed:.1f} s; table saved to {RESULTS.relative_to(ROOT)}")
    test = table[table["split"] == TEST].pivot(index="dataset", columns="scorer", values=["pearson", "spearman", "macro_f1"])
    ahead = all(
        test[(m, "score_tone")][d] > max(test[(m, "textblob")][d], test[(m, "vader")][d])
        for m in ("pearson", "spearman", "macro_f1") for d in test.index
    )
    print("score_tone ahead of TextBlob and VADER on every untuned split and measure:", ahead)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
