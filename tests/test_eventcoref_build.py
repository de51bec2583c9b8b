"""Cross-article event merging through a real build: republished copies of the seeds
(another file name, one sentence added) add no event nodes to speak of
(benchmarks/event_merge.py measures the same with 40 copies)."""

from __future__ import annotations

import graphbuild

from .conftest import SEEDS


def test_eventcoref_build_edited_copies_add_at_most_a_fifth_more_event_nodes(seed_result, tmp_path):
    for path in sorted(SEEDS.glob("*.txt")):
        head, sep, rest = path.read_text(encoding="utf-8").partition("\n\n")
        for copy in (1, 2):
            added = f"Revision {copy} of this report adds background from other agencies.\n\n"
            (tmp_path / f"{path.stem}-copy{copy}.txt").write_text(head + sep + added + rest, encoding="utf-8")
    alone = seed_result.counts["events"]
    together = graphbuild.build([SEEDS, tmp_path]).counts["events"]
    assert alone > 5
    assert together <= 1.2 * alone, (alone, together)


def test_eventcoref_build_summit_of_its_own_name_is_not_the_organisers_summit():
    text = ("2025-09-05\n\nKenyan President William Ruto met Ghanaian President John Mahama on Monday "
            "ahead of the G20 summit.\n\nThe two leaders agreed to renew contacts on climate, offering a boost to "
            "negotiations at the COP27 climate summit in Egypt.")
    kg = graphbuild.build_texts([text], progress=False)
    names = {e.id: e.label for e in kg.entities}
    summits = [{names.get(p, p) for p in e.locations} for e in kg.events if e.cls == "Summit"]
    assert len(summits) == 2 and {"Egypt"} in summits, summits
