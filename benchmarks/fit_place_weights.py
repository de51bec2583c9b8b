"""Fit the place scoring of extract/place_scores.py on gold sets, check it across them,
and write the weights the package ships (graphbuild/lang/en/place_weights.json).

Each SET is a folder with ``docs/`` and ``gold.json`` (docs/evaluation.md). The articles
are read without the scoring; every gathering no rule placed that matches a gold event
(same document and type, a shared participant, no contradicting date) gives one
training group: the places its article names, the right ones those the gold gives as
the event's location. A logistic regression (scikit-learn) is fitted on all groups;
the threshold is the least score at which the best candidates of the groups are right
at least ``--precision`` of the time, and never below even odds (precision first).
Each set is also scored by a model fitted on the others: those figures are of pages
the model did not see. The gathering another mention
places, which the build does not score, is kept for fitting: it says as much about
which of an article's places an event is in. The places the build then refuses a
named summit (where the article's talks were, a site no gazetteer places) stay among
the candidates here: the weights rank places by their cues, the refusal comes after.

    .venv/bin/pip install scikit-learn   # or: pip install -e '.[fit]'
    .venv/bin/python benchmarks/fit_place_weights.py ../shared/dev/real ../shared/dev/real2 [--write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fitting import (
    EVEN_ODDS, ROOT, documents, fit, gold_index, ids, precision_threshold, probability, scored, show_and_write,
    others, read_sets, two_labels,
)

OUT = ROOT / "graphbuild" / "lang" / "en" / "place_weights.json"


def _groups(set_dir: Path, resources) -> list[tuple[list, list[int]]]:
    """(features of each candidate, 1 for a right place) per matched unplaced event; an
    event whose gold event has no place gives a group of wrong candidates only."""
    from graphbuild.evaluate.gold import doc_key_for, load_gold
    from graphbuild.extract.place_scores import place_candidates, scored_place
    from graphbuild.lang import words
    from graphbuild.resolve.events import dates_agree

    gold = load_gold(set_dir / "gold.json")
    index = gold_index(gold)
    leaders = words().titles.leader_titles
    groups = []
    for document in documents(set_dir):
        key = doc_key_for(document.source_file, gold)
        golds = [g for g in gold["_events"] if g.doc == key]
        if not golds or not document.segments:
            continue
        events, mentions = scored(resources, document, "place")
        text = document.text
        for e in events:
            if not scored_place(e):
                continue
            people = ids([text[r[0]:r[1]] for r in e.participants if isinstance(r[0], int)], index)
            fits = [g for g in golds if e.cls in g.types and (not e.date or not g.date or dates_agree(e.date, g.date))
                    and (people & ids(g.participants, index) or (not people and len(golds) == 1))]
            if len(fits) != 1:
                continue  # no gold event, or several it could be
            right = ids(fits[0].locations, index)
            candidates = place_candidates(e, events, mentions, document, resources.gazetteer, leaders)
            labels = [int(bool(ids([*c.names, _label(resources.gazetteer, c.key)], index) & right)) for c in candidates]
            if candidates:
                groups.append(([c.features for c in candidates], labels))
    return groups


def _label(gazetteer, key: str) -> str:
    entry = gazetteer.entries.get(key)
    return entry.label if entry is not None else key


def _picks(groups, weights, bias):
    """(best candidate's score, whether it is right) per group."""
    out = []
    for feats, labels in groups:
        scores = [probability(weights, bias, x) for x in feats]
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        out.append((scores[best], labels[best]))
    return out


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
    from graphbuild.extract.place_scores import FEATURES

    by_set, every = read_sets(parser, args, _groups)
    if not every or not two_labels(every):
        print("no event to fit on (or no right and wrong candidates among them): nothing written")
        return 1
    cross = {}
    if len(by_set) > 1:
        print("each set scored by a model fitted on the other sets:")
        for name, groups, rest in others(by_set):
            weights, bias = fit(rest)
            cross[Path(name).name] = _report(name, _picks(groups, weights, bias),
                                  precision_threshold(_picks(rest, weights, bias), args.precision), groups)
    weights, bias = fit(every)
    # Never below even odds: a place the scoring finds no likelier right than wrong is
    # no better than none (precision first; the training picks alone are too few to
    # say more, and the cross-set picks of a model fitted on one small set are noisier).
    fitted = max(EVEN_ODDS, precision_threshold(_picks(every, weights, bias), args.precision))
    threshold = fitted if args.threshold is None else args.threshold
    print("fitted on all sets (what ships):")
    _report("all", _picks(every, weights, bias), threshold, every)
    data = {"about": "Weights of the place scoring (extract/place_scores.py), fitted by benchmarks/fit_place_weights.py "
                     "on the gold of the sets named in fitted_on; threshold: the least score at which the best "
                     f"candidates were right at least {args.precision} of the time, and not below 0.5; cross_set: "
                     "each set scored by a model fitted on the others.",
            "features": list(FEATURES), "weights": weights, "bias": bias, "threshold": threshold,
            "fitted_threshold": fitted,
            "fitted_on": sorted(Path(n).name for n in by_set), "groups": len(every), "cross_set": cross}
    show_and_write(data, OUT, args.write, f" (fitted: {fitted})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
