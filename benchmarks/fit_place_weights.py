"""Fit the place scoring of extract/place_scores.py on gold sets, check it across them,
and write the weights the package ships (graphbuild/lang/en/place_weights.json).

Each SET is a folder with ``docs/`` and ``gold.json`` (docs/evaluation.md). The articles
are read without the scoring; every gathering no rule placed that matches a gold event
(same document and type, a shared participant, no contradicting date) gives one
training group: the places its article names, the right ones those the gold gives as
the event's location. A logistic regression (scikit-learn) is fitted on all groups;
the threshold is the least score at which the best candidates of the groups are right
at least ``--precision`` of the time (precision first). Each set is also scored by a
model fitted on the others: the figures it prints are those of pages it did not see.

    .venv/bin/pip install scikit-learn   # or: pip install -e '.[fit]'
    .venv/bin/python benchmarks/fit_place_weights.py ../shared/dev/real ../shared/dev/real2 [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "graphbuild" / "lang" / "en" / "place_weights.json"


def _gold_index(gold: dict) -> dict[str, int]:
    from graphbuild.evaluate.gold import normalize_name

    index = {}
    for i, e in enumerate(gold["entities"]):
        for name in [e["name"], *e.get("aliases", []), *e.get("also_accept", [])]:
            index.setdefault(normalize_name(name), i)
    return index


def _ids(names, index) -> set:
    from graphbuild.evaluate.gold import normalize_name

    return {index.get(normalize_name(n), normalize_name(n)) for n in names}


def _groups(set_dir: Path, nlp, gazetteer, lexicon) -> list[tuple[list, list[int]]]:
    """(features of each candidate, 1 for a right place) per matched unplaced event."""
    from graphbuild.evaluate.gold import doc_key_for, load_gold
    from graphbuild.resolve.events import dates_agree
    from graphbuild.extract.document import extract_document
    from graphbuild.extract.place_scores import place_candidates, scored_place
    from graphbuild.extract.scope import MentionIndex
    from graphbuild.ingest import parse_document
    from graphbuild.lang import words

    gold = load_gold(set_dir / "gold.json")
    index = _gold_index(gold)
    leaders = words().titles.leader_titles
    groups = []
    for path in sorted((set_dir / "docs").iterdir()):
        document = parse_document(path.read_bytes(), path.name)
        key = doc_key_for(document.source_file, gold)
        golds = [g for g in gold["_events"] if g.doc == key and g.locations]
        if not golds:
            continue
        pairs = list(zip(document.segments, nlp.pipe(s.text for s in document.segments)))
        record = extract_document(pairs, document, gazetteer, lexicon, place_weights=None)
        mentions = MentionIndex(record.mentions)
        text = document.text
        for e in record.events:
            if not scored_place(e):
                continue
            people = _ids([text[r[0]:r[1]] for r in e.participants if isinstance(r[0], int)], index)
            fits = [g for g in golds if e.cls in g.types and (not e.date or not g.date or dates_agree(e.date, g.date))
                    and (people & _ids(g.participants, index) or (not people and len(golds) == 1))]
            if len(fits) != 1:
                continue  # no gold event, or several it could be
            right = _ids(fits[0].locations, index)
            candidates = place_candidates(e, record.events, mentions, document, gazetteer, leaders)
            labels = [int(bool(_ids([*c.names, _label(gazetteer, c.key)], index) & right)) for c in candidates]
            if candidates:
                groups.append(([c.features for c in candidates], labels))
    return groups


def _label(gazetteer, key: str) -> str:
    entry = gazetteer.entries.get(key)
    return entry.label if entry is not None else key


def _fit(groups):
    from sklearn.linear_model import LogisticRegression

    X = [f for feats, _ in groups for f in feats]
    y = [label for _, labels in groups for label in labels]
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(X, y)
    return [round(float(w), 4) for w in model.coef_[0]], round(float(model.intercept_[0]), 4)


def _picks(groups, weights, bias):
    """(best candidate's score, whether it is right) per group."""
    import math

    out = []
    for feats, labels in groups:
        scores = [1 / (1 + math.exp(-(bias + sum(w * f for w, f in zip(weights, x))))) for x in feats]
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        out.append((scores[best], labels[best]))
    return out


def _threshold(picks, precision: float) -> float:
    """The least score at which the picks at or above it are right often enough."""
    best = 1.01
    for t in sorted({s for s, _ in picks}, reverse=True):
        kept = [right for s, right in picks if s >= t]
        if sum(kept) / len(kept) >= precision:
            best = t
    return round(best - 5e-5, 4) if best <= 1 else best  # rounded down: the last pick stays in


def _report(name, picks, threshold, groups) -> dict:
    kept = [right for s, right in picks if s >= threshold]
    placeable = sum(1 for _, labels in groups if any(labels))
    row = {"events": len(picks), "placeable": placeable, "placed": len(kept), "right": sum(kept),
           "precision": round(sum(kept) / len(kept), 3) if kept else None}
    print(f"{name:40s} events {row['events']:3d}  a right place among the candidates {placeable:3d}  "
          f"placed {row['placed']:3d}  right {row['right']:3d}  precision {row['precision']}")
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--precision", type=float, default=0.9,
                        help="the precision the best candidates must reach at the fitted threshold")
    parser.add_argument("--threshold", type=float, default=None,
                        help="ship this threshold instead of the fitted one (one chosen on the dev sets' event "
                             "figures with benchmarks/quality.py)")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {OUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    from graphbuild.extract.lexicon import load_lexicon
    from graphbuild.extract.place_scores import FEATURES
    from graphbuild.knowledge.gazetteer import load_gazetteer
    from graphbuild.lang import language_dir
    from graphbuild.nlp import load_pipeline

    gazetteer = load_gazetteer(ROOT / "ontology" / "gazetteer")
    nlp, lexicon = load_pipeline(gazetteer=gazetteer), load_lexicon(language_dir())
    by_set = {s.name: _groups(s, nlp, gazetteer, lexicon) for s in args.sets}
    cross = {}
    if len(by_set) > 1:
        print("each set scored by a model fitted on the other sets:")
        for name, groups in by_set.items():
            rest = [g for other, gs in by_set.items() if other != name for g in gs]
            weights, bias = _fit(rest)
            cross[name] = _report(name, _picks(groups, weights, bias),
                                  _threshold(_picks(rest, weights, bias), args.precision), groups)
    every = [g for gs in by_set.values() for g in gs]
    weights, bias = _fit(every)
    fitted = _threshold(_picks(every, weights, bias), args.precision)
    threshold = fitted if args.threshold is None else args.threshold
    print("fitted on all sets (what ships):")
    _report("all", _picks(every, weights, bias), threshold, every)
    data = {"about": "Weights of the place scoring (extract/place_scores.py), fitted by benchmarks/fit_place_weights.py "
                     "on the gold of the sets named in fitted_on; threshold: the least score at which the best "
                     f"candidates were right at least {args.precision} of the time.",
            "features": list(FEATURES), "weights": weights, "bias": bias, "threshold": threshold,
            "fitted_threshold": fitted,
            "fitted_on": sorted(by_set), "groups": len(every), "cross_set": cross}
    for name, w in zip(FEATURES, weights):
        print(f"  {name:22s} {w:+.3f}")
    print(f"  {'bias':22s} {bias:+.3f}   threshold {threshold} (fitted: {fitted})")
    if args.write:
        OUT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
