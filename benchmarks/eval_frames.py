"""Validate a user frame dictionary on hand-coded news headlines (GVFC), against baselines in the same run.

Data (public, read from ../shared/eval/gvfc or $MEDIAKIT_EVAL_DIR; skipped cleanly when absent):
the Gun Violence Frame Corpus (Liu et al., CoNLL 2019), 2,990 headlines from 30 US outlets (2018),
each coded by experts with a primary frame (``Q3 Theme1``) and an optional second one:
1 gun/2nd Amendment rights, 2 gun control/regulation, 3 politics, 4 mental health, 5 school or
public space safety, 6 race/ethnicity, 7 public opinion, 8 society/culture, 9 economic consequences.

Rows used: relevant headlines (``Q1 Relevant`` = 1) with a primary frame 1-9, duplicates dropped.
Split: a headline is held out (test) when md5(lower-cased headline) mod 5 == 0 (about 20%), so the
split does not depend on row order; the rest is the train split.

Methods, all scored on the test split with one predicted frame per headline (the frame with the
most hits; ties go to the first frame in codebook order; a headline with no hit gets no frame):

* ``majority``: the most frequent primary frame of the train split, for every headline;
* ``label_keywords``: the words of the frame names themselves ("rights", "control", "politics"...),
  the obvious keyword dictionary a user would start from;
* ``train_logodds``: a dictionary derived automatically from the train split: for each frame, the 15
  words (document frequency >= 3 in the frame) with the highest smoothed log-odds of the frame;
* ``hand``: an issue-specific dictionary written for this benchmark from the codebook's frame
  definitions, with train-split headlines read for vocabulary (the test split was not read).

Figures: per-frame precision, recall, F1 against the primary frame and their macro mean;
accuracy (the primary frame), lenient accuracy (primary or secondary frame), coverage (share of
headlines given a frame), ms per headline. Sanity check: how often each generic frame (mediakit's
shipped Semetko & Valkenburg scheme) fires on all relevant headlines, per GVFC frame, and the
generic ``economic`` frame against GVFC frame 9; the same for the shipped Media Frames Corpus scheme
(``mfc``), each GVFC frame mapped to its nearest MFC frame (``MFC_OF``), scored with any hit as a prediction.
A second sanity check, when ../shared/eval/bbc-news is present: the mean article score of each generic
frame per BBC News topic (business should lead on economic, politics on conflict and responsibility).

Run: .venv/bin/python benchmarks/eval_frames.py   (writes benchmarks/results/frames.csv)
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))
DATA = EVAL / "gvfc" / "GVFC_headlines_and_annotations.csv"
RESULTS = ROOT / "benchmarks" / "results" / "frames.csv"

FRAMES = {
    1: "gun_rights",
    2: "gun_control",
    3: "politics",
    4: "mental_health",
    5: "school_safety",
    6: "race_ethnicity",
    7: "public_opinion",
    8: "society_culture",
    9: "economic",
}
NAMES = list(FRAMES.values())
# Nearest Media Frames Corpus frame of each GVFC frame (for the sanity check of scheme="mfc").
MFC_OF = {
    "gun_rights": "legality",
    "gun_control": "policy_prescription",
    "politics": "political",
    "mental_health": "health_safety",
    "school_safety": "health_safety",
    "race_ethnicity": "cultural_identity",
    "public_opinion": "public_opinion",
    "society_culture": "cultural_identity",
    "economic": "economic",
}

# The frame names' own words: the baseline a user would start from.
LABEL_KEYWORDS: dict[str, list[str]] = {
    "gun_rights": ["rights", "amendment"],
    "gun_control": ["control", "regulation|regulations|regulate"],
    "politics": ["politics", "political"],
    "mental_health": ["mental", "health"],
    "school_safety": ["school|schools", "safety"],
    "race_ethnicity": ["race|racial", "ethnic|ethnicity"],
    "public_opinion": ["public", "opinion", "poll|polls"],
    "society_culture": ["society", "culture|cultural"],
    "economic": ["economic|economy", "consequences"],
}

# Written from the codebook's frame definitions; vocabulary checked on train-split headlines only.
HAND: dict[str, list[str]] = {
    "gun_rights": [
        "second|2nd amendment", "gun-rights|gun-rights", "gun rights", "right|rights to keep|bear ...2 arms",
        "bear arms", "pro-gun", "gun owner|owners|ownership", "gun-owning", "constitution|constitutional",
        "concealed carry", "self-defense|self-defence", "gun enthusiasts", "gun lobby", "2a",
    ],
    "gun_control": [
        "gun control", "gun-control", "ban|bans|banned|banning", "background check|checks",
        "assault weapon|weapons|rifle|rifles|assault-style", "bump stock|stocks", "bump-stock|bump-stocks",
        "gun|firearm|firearms law|laws|legislation|reform|reforms|restrictions|regulation|regulations|measure|measures|bill",
        "red flag law|laws", "waiting period", "gun-free", "storage", "licence|license|licensing|permit|permits",
        "3d-printed|3-d|3d ... blueprints|files", "age limit|minimum", "gun buyback", "moms demand", "everytown",
        "gun safety", "stricter", "tougher",
    ],
    "politics": [
        "trump|trump's", "president", "congress|congressional|congressman|congresswoman", "senate|senator|senators",
        "gop|republican|republicans|democrat|democrats|democratic", "midterm|midterms", "election|elections",
        "campaign|campaigns", "candidate|candidates", "governor|gov", "white house", "kavanaugh",
        "politician|politicians", "political|politics", "administration", "obama|clinton|pelosi|mcconnell|ryan",
        "endorse|endorses|endorsement", "race for", "vote|votes", "lawmakers", "nra-backed", "justice department",
        "supreme court", "attorney general",
    ],
    "mental_health": [
        "mental|mentally", "psychiatric|psychiatrist|psychological|psychologist", "troubled", "disturbed",
        "depression|depressed", "suicide|suicidal|self-harm|self-harming", "heard voices", "voices", "loner",
        "insanity|insane", "unfit|not fit", "autism|autistic", "ptsd", "dementia", "warning signs", "red flags",
        "obsessed", "therapy|therapist|counseling|counselling", "history of",
    ],
    "school_safety": [
        "school safety", "safety plan|measures", "arm|arming|armed teachers", "teachers ...3 guns|armed|arm",
        "active shooter drill|drills", "active-shooter", "drill|drills", "lockdown|lockdowns", "security",
        "metal detector|detectors", "resource officer|officers", "bulletproof", "safer", "protect|protecting",
        "prevent|prevention", "secure", "guards|guard", "clear backpacks", "threat assessment",
        "emergency", "hardening", "safe",
    ],
    "race_ethnicity": [
        "black|white ...2 man|men|woman|women|teen|teens|student|students|people|americans",
        "racist|racism|racial|racially|race", "white supremacist|supremacists|supremacy|nationalist|nationalists",
        "neo-nazi|neo-nazis|nazi|nazis|swastika|swastikas|kkk", "immigrant|immigrants|immigration|border",
        "hate crime|crimes", "anti-semitic|anti-semitism|antisemitism|antisemitic", "muslim|muslims|islamophobia",
        "latino|latinos|hispanic|hispanics|mexican|mexicans", "african american|americans", "diversity",
        "minority|minorities", "unarmed", "ethnic|ethnicity", "civil rights", "indian",
    ],
    "public_opinion": [
        "poll|polls|polling|survey", "protest|protests|protesters|protestors", "march|marches|marching|marchers",
        "walkout|walkouts|walk out", "rally|rallies", "vigil|vigils", "activist|activists|activism",
        "mourn|mourns|mourning|mourners", "honor|honors|honoring|honour|honours|honouring|tribute|tributes",
        "petition", "outrage|outraged|backlash", "react|reacts|reaction|reactions", "americans", "public",
        "movement", "survivors|survivor", "students|student|teens", "celebrities|celebrity", "social media|twitter",
        "thoughts and prayers", "victims", "call|calls|calling for", "demand|demands", "speak|speaks out",
        "march for our lives", "funeral|funerals", "remember|remembers|remembering", "anniversary",
    ],
    "society_culture": [
        "video game|games", "video-game", "gaming|gamer|gamers|esports", "culture|cultural", "hunting|hunters",
        "masculinity|patriarchy|toxic", "god|faith|church|churches|prayer|prayers|pray", "movie|movies|film|hollywood",
        "tv|television|show|music|song|rapper|comedian", "media violence", "porn|pornography", "society",
        "epidemic|disease|sickness|public health", "generation", "bullying|bullied", "entertainment", "america's",
        "root cause", "fear|fears", "trauma",
    ],
    "economic": [
        "sale|sales|sell|sells|selling|sold", "bankrupt|bankruptcy", "business|businesses|company|companies|corporate",
        "stock|stocks|shares|shareholder|shareholders|investor|investors|invest|investment",
        "bank|banks|banking|lending|lender|lenders", "industry", "boycott|boycotts", "sponsor|sponsors|sponsorship",
        "partnership|partners|partner|ties", "donation|donations|donors|fundraising|funding|money|dollars",
        "million|billion", "cost|costs|economic|economy", "tax|taxes", "insurance|insurer|insurers",
        "maker|makers|gunmaker|gunmakers|manufacturer|manufacturers", "retailer|retailers|store|stores|walmart|dick's",
        "profit|profits|revenue", "jobs", "price|prices", "market",
    ],
}


def load() -> pd.DataFrame:
    df = pd.read_csv(DATA)
    df = df[(df["Q1 Relevant"] == 1) & df["Q3 Theme1"].between(1, 9)].copy()
    df["news_title"] = df["news_title"].astype(str).str.strip()
    df = df.drop_duplicates("news_title")
    df["gold"] = df["Q3 Theme1"].map(FRAMES)
    df["gold2"] = df["Q3 Theme2"].map(FRAMES)
    df["test"] = [int(hashlib.md5(t.lower().encode("utf-8")).hexdigest(), 16) % 5 == 0 for t in df["news_title"]]
    return df.reset_index(drop=True)


def derive_logodds(train: pd.DataFrame, *, k: int = 15, min_df: int = 3) -> dict[str, list[str]]:
    """Per frame, the k words with the highest smoothed log-odds of the frame (train split only)."""
    from mediakit.framing._tokens import word_tokens
    from mediakit.lexicon import load_table

    stop = set()
    for row in load_table("stopwords"):
        if row.get("lang", "").lower() == "en":
            stop |= set(row.get("words", "").split())
    stop |= {"s", "gun", "guns", "shooting", "shootings", "shooter", "says", "after", "new"}
    docs = [(set(t.low for t in word_tokens(h)) - stop, g) for h, g in zip(train["news_title"], train["gold"])]
    in_frame: dict[str, Counter[str]] = {f: Counter() for f in NAMES}
    n_frame = Counter(g for _, g in docs)
    total: Counter[str] = Counter()
    for words, g in docs:
        in_frame[g].update(words)
        total.update(words)
    out: dict[str, list[str]] = {}
    for f in NAMES:
        nf, no = n_frame[f], len(docs) - n_frame[f]
        scored = []
        for w, c in in_frame[f].items():
            if c < min_df or not w.isalpha():
                continue
            other = total[w] - c
            score = math.log((c + 0.5) / (nf - c + 0.5)) - math.log((other + 0.5) / (no - other + 0.5))
            scored.append((score, w))
        out[f] = [w for _, w in sorted(scored, reverse=True)[:k]] or ["zzzz-no-word"]
    return out


def bbc_sanity(per_topic: int = 60) -> list[dict[str, object]]:
    """Mean article score of each generic frame per BBC topic (the first ``per_topic`` files of each)."""
    bbc = EVAL / "bbc-news" / "bbc"
    if not bbc.exists():
        print(f"\nnote: {bbc} not found; BBC sanity check skipped")
        return []
    import mediakit as mk
    from mediakit.framing.frames import score_frames

    rows: list[dict[str, object]] = []
    t0 = time.perf_counter()
    n = 0
    for topic in sorted(p.name for p in bbc.iterdir() if p.is_dir()):
        for path in sorted((bbc / topic).glob("*.txt"))[:per_topic]:
            article = mk.load_article(path)
            scores = {s.frame: s.score for s in score_frames(article) if s.unit == "article"}
            rows.append({"topic": topic, **scores})
            n += 1
    ms = 1000 * (time.perf_counter() - t0) / max(n, 1)
    table = pd.DataFrame(rows).groupby("topic").mean().round(2)
    print(f"\nGeneric frames on BBC News (mean hits per 100 words per article; {per_topic} articles per topic, "
          f"{ms:.1f} ms per article incl. loading)")
    print(table.to_string())
    return [{"section": "bbc_mean_score", "method": topic, "frame": f, "rate": float(table.loc[topic, f]),
             "support": per_topic} for topic in table.index for f in table.columns]


def main() -> int:
    if not DATA.exists():
        print(f"note: {DATA} not found; GVFC frame evaluation skipped")
        return 0
    from mediakit.framing.frame_eval import frame_metrics, predict_frames, validate_frames
    from mediakit.framing.frames import load_frames

    df = load()
    train, test = df[~df["test"]], df[df["test"]]
    print(f"GVFC relevant headlines with a primary frame: {len(df)}; train {len(train)}, test {len(test)} "
          "(held out: md5(headline) mod 5 == 0)")
    majority = train["gold"].value_counts().idxmax()
    derived = derive_logodds(train)
    schemes = {"label_keywords": LABEL_KEYWORDS, "train_logodds": derived, "hand": HAND}
    texts = test["news_title"].tolist()
    gold = test["gold"].tolist()
    gold2 = test["gold2"].tolist()
    rows: list[dict[str, object]] = []
    summary: list[dict[str, object]] = []

    def record(method: str, pred: list[frozenset[str]], metrics: pd.DataFrame, ms: float) -> None:
        top = [next(iter(p)) if p else None for p in pred]
        acc = sum(1 for p, g in zip(top, gold) if p == g) / len(gold)
        lenient = sum(1 for p, g, g2 in zip(top, gold, gold2) if p is not None and p in (g, g2)) / len(gold)
        coverage = sum(1 for p in top if p) / len(gold)
        macro = metrics.set_index("frame").loc["macro"]
        summary.append({"method": method, "macro_f1": macro["f1"], "macro_precision": macro["precision"],
                        "macro_recall": macro["recall"], "accuracy": round(acc, 4), "lenient_accuracy": round(lenient, 4),
                        "coverage": round(coverage, 4), "ms_per_headline": round(ms, 3)})
        for r in metrics.to_dict("records"):
            rows.append({"section": "gvfc_test", "method": method, **r})
        rows.append({"section": "gvfc_test", "method": method, "frame": "accuracy", "f1": round(acc, 4),
                     "support": len(gold)})

    pred_major = [frozenset([majority])] * len(texts)
    record("majority", pred_major, frame_metrics(gold, pred_major, frames=NAMES), 0.0)
    for name, d in schemes.items():
        scheme = load_frames(d)
        t0 = time.perf_counter()
        pred = predict_frames(texts, scheme=scheme, mode="top")
        ms = 1000 * (time.perf_counter() - t0) / len(texts)
        metrics = validate_frames(texts, gold, scheme, mode="top", frames=NAMES)
        record(name, pred, metrics, ms)

    pd.set_option("display.width", 200)
    print(f"\nTest split, one frame per headline (majority frame of train: {majority})")
    print(pd.DataFrame(summary).to_string(index=False))
    # the same on the train split: how much of each dictionary's score is fitted to the headlines it was built from
    fit = []
    for name, d in schemes.items():
        m = validate_frames(train["news_title"].tolist(), train["gold"].tolist(), d, mode="top", frames=NAMES)
        f1 = float(m.set_index("frame").loc["macro", "f1"])
        fit.append(f"{name} {f1:.3f}")
        rows.append({"section": "gvfc_train", "method": name, "frame": "macro", "f1": f1, "support": len(train)})
    print("Macro-F1 on the train split (built from it, or read for vocabulary): " + ", ".join(fit))
    per = pd.DataFrame([r for r in rows if r["frame"] in NAMES])
    print("\nPer-frame F1 on the test split (support = test headlines with that primary frame)")
    wide = per.pivot(index="frame", columns="method", values="f1").reindex(NAMES)
    wide.insert(0, "support", per[per["method"] == "hand"].set_index("frame")["support"].reindex(NAMES))
    print(wide[["support", "majority", "label_keywords", "train_logodds", "hand"]].to_string())
    hand = per[per["method"] == "hand"].set_index("frame")[["precision", "recall", "f1", "support", "n_predicted"]]
    print("\nHand dictionary, per frame")
    print(hand.reindex(NAMES).to_string())

    # --- sanity check: the shipped generic frames on the same headlines (all relevant rows)
    allt = df["news_title"].tolist()
    t0 = time.perf_counter()
    fired = predict_frames(allt, scheme="generic")
    ms = 1000 * (time.perf_counter() - t0) / len(allt)
    generic = load_frames("generic").frames
    rate = {f: sum(1 for p in fired if f in p) / len(allt) for f in generic}
    print(f"\nGeneric frames (Semetko & Valkenburg) firing on {len(allt)} GVFC headlines ({ms:.2f} ms/headline):")
    print("  " + ", ".join(f"{f} {100 * r:.1f}%" for f, r in rate.items()))
    for f, r in rate.items():
        rows.append({"section": "generic_fire_rate", "method": "generic", "frame": f, "rate": round(r, 4),
                     "support": len(allt)})
    by_theme = pd.DataFrame([{f: f in p for f in generic} for p in fired])
    by_theme["gvfc_frame"] = df["gold"].to_numpy()
    table = (100 * by_theme.groupby("gvfc_frame")[list(generic)].mean()).round(1).reindex(NAMES)
    print("\n% of headlines where each generic frame fires, by GVFC primary frame")
    print(table.to_string())
    eco = frame_metrics(["economic" if g == "economic" else None for g in df["gold"]],
                        ["economic" if "economic" in p else None for p in fired], frames=["economic"])
    e = eco.iloc[0]
    print(f"\nGeneric 'economic' vs GVFC frame 9 (economic consequences), all {len(allt)} headlines: "
          f"precision {e['precision']:.3f}, recall {e['recall']:.3f}, F1 {e['f1']:.3f} (support {e['support']})")
    rows.append({"section": "generic_vs_gvfc", "method": "generic", **e.to_dict()})

    # --- sanity check: the shipped MFC policy frames, GVFC frames mapped to their nearest MFC frame
    fired_mfc = predict_frames(allt, scheme="mfc")
    mfc = load_frames("mfc").frames
    by_mfc = pd.DataFrame([{f: f in p for f in mfc} for p in fired_mfc])
    by_mfc["gvfc_frame"] = df["gold"].to_numpy()
    shown = [MFC_OF[g] for g in NAMES]
    shown = list(dict.fromkeys(shown))
    table = (100 * by_mfc.groupby("gvfc_frame")[shown].mean()).round(1).reindex(NAMES)
    print("\n% of headlines where MFC frames fire, by GVFC primary frame (mapped MFC frame in brackets)")
    table.index = [f"{g} [{MFC_OF[g]}]" for g in NAMES]
    print(table.to_string())
    gold_mfc = [MFC_OF[g] for g in df["gold"]]
    mapped = frame_metrics(gold_mfc, fired_mfc, frames=shown)
    m = mapped.set_index("frame").loc["macro"]
    print(f"MFC frames (any hit) vs GVFC primary frame mapped to MFC, all {len(allt)} headlines: "
          f"macro precision {m['precision']:.3f}, recall {m['recall']:.3f}, F1 {m['f1']:.3f}")
    for r in mapped.to_dict("records"):
        rows.append({"section": "mfc_vs_gvfc_mapped", "method": "mfc", **r})

    bbc_rows = bbc_sanity()
    rows.extend(bbc_rows)

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    out = pd.DataFrame(rows, columns=["section", "method", "frame", "precision", "recall", "f1", "support",
                                      "n_predicted", "tp", "fp", "fn", "rate"])
    out.to_csv(RESULTS, index=False)
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
