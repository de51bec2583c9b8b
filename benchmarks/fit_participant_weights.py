"""Fit the scoring of who attended a summit (extract/participant_scores.py) on gold sets,
check it across them, and write the weights the package ships
(graphbuild/lang/en/participant_weights.json).

Each SET is a folder with ``docs/`` and ``gold.json`` (docs/evaluation.md). The articles
are read without the scoring; every summit or forum mention that matches one gold event
(same document and type, no contradicting date, a shared participant or place, or the
article's only gold event of that type) gives one training group: the people its
article names that it does not list yet, the right ones those the gold gives as the
event's participants. A logistic regression (scikit-learn) is fitted on all groups; the
threshold is the least score at which the candidates at or above it are right at least
``--precision`` of the time, never below even odds (precision first). Each set is also
scored by a model fitted on the others: those figures are of pages the model did not
see.

    .venv/bin/pip install scikit-learn   # or: pip install -e '.[fit]'
    .venv/bin/python benchmarks/fit_participant_weights.py ../shared/dev/real ../shared/dev/real2 [--write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fitting import (
    EVEN_ODDS, ROOT, documents, fit, gold_index, ids, precision_threshold, probability, scored, show_and_write,
    others, read_sets, two_labels,
)

OUT = ROOT / "graphbuild" / "lang" / "en" / "participant_weights.json"


def _gold_event(e, golds, text: str, index: dict):
    """The one gold event the mention ``e`` reports, or None."""
    from graphbuild.resolve.events import dates_agree

    people = ids([text[r[0]:r[1]] for r in e.participants if isinstance(r[0], int)], index)
    places = ids([text[r[0]:r[1]] for r in e.locations if isinstance(r[0], int)], index)
    kind = [g for g in golds if e.cls in g.types and (not e.date or not g.date or dates_agree(e.date, g.date))]
    fits = [g for g in kind if people & ids(g.participants, index) or places & ids(g.locations, index)]
    if not fits and len(kind) == 1:
        fits = kind
    return fits[0] if len(fits) == 1 else None


def _groups(set_dir: Path, resources) -> list[tuple[list, list[int]]]:
    """(features of each candidate, 1 for a gold participant) per matched summit mention."""
    from graphbuild.evaluate.gold import doc_key_for, load_gold
    from graphbuild.extract.participant_scores import participant_candidates, scored_gathering
    from graphbuild.lang import words

    gold = load_gold(set_dir / "gold.json")
    index = gold_index(gold)
    leaders = words().titles.leader_titles
    groups = []
    for document in documents(set_dir):
        key = doc_key_for(document.source_file, gold)
        golds = [g for g in gold["_events"] if g.doc == key]
        if not golds or not document.segments:
            continue
        events, mentions = scored(resources, document, "participants")
        for e in events:
            match = _gold_event(e, golds, document.text, index) if scored_gathering(e) else None
            if match is None:
                continue
            right = ids(match.participants, index)
            candidates = participant_candidates(e, events, mentions, document, resources.gazetteer, leaders)
            if candidates:
                groups.append(([c.features for c in candidates],
                               [int(bool(ids(c.names, index) & right)) for c in candidates]))
    return groups


def _scores(groups, weights, bias):
    """(score, whether right) of every candidate."""
    return [(probability(weights, bias, x), label)
            for feats, labels in groups for x, label in zip(feats, labels)]


def _report(name, scored_candidates, threshold) -> dict:
    kept = [right for s, right in scored_candidates if s >= threshold]
    right_total = sum(label for _, label in scored_candidates)
    row = {"candidates": len(scored_candidates), "right": right_total, "taken": len(kept), "taken_right": sum(kept),
           "precision": round(sum(kept) / len(kept), 3) if kept else None}
    print(f"{name:40s} candidates {row['candidates']:4d}  right {right_total:3d}  taken {row['taken']:3d}  "
          f"taken right {row['taken_right']:3d}  precision {row['precision']}")
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--precision", type=float, default=0.9,
                        help="the precision the taken candidates must reach at the fitted threshold")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {OUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    from graphbuild.extract.participant_scores import FEATURES

    by_set, every = read_sets(parser, args, _groups)
    if not every or not two_labels(every):
        print("no summit to fit on (or no right and wrong candidates among them): nothing written")
        return 1
    cross = {}
    if len(by_set) > 1:
        print("each set scored by a model fitted on the other sets:")
        for name, groups, rest in others(by_set):
            weights, bias = fit(rest)
            threshold = max(EVEN_ODDS, precision_threshold(_scores(rest, weights, bias), args.precision))
            cross[Path(name).name] = _report(name, _scores(groups, weights, bias), threshold)
    weights, bias = fit(every)
    threshold = max(EVEN_ODDS, precision_threshold(_scores(every, weights, bias), args.precision))
    print("fitted on all sets (what ships):")
    _report("all", _scores(every, weights, bias), threshold)
    data = {"about": "Weights of the scoring of who attended a summit (extract/participant_scores.py), fitted by "
                     "benchmarks/fit_participant_weights.py on the gold of the sets named in fitted_on; threshold: "
                     f"the least score at which the candidates taken were right at least {args.precision} of the "
                     "time, and not below 0.5; cross_set: each set scored by a model fitted on the others.",
            "features": list(FEATURES), "weights": weights, "bias": bias, "threshold": threshold,
            "fitted_on": sorted(Path(n).name for n in by_set), "groups": len(every), "cross_set": cross}
    show_and_write(data, OUT, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
