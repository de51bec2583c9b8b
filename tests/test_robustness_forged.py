"""A forged cache entry (a valid checksum over a record no extraction could make) is
a miss like a damaged one: never a crash, never a changed graph (issue 29)."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from pathlib import Path

import pytest

import graphbuild
from graphbuild.run.cache import decode_entry, encode_entry

ARTICLES = {
    "a.txt": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.\n",
    "b.txt": "Indian Prime Minister Narendra Modi visited Moscow in July 2024 for talks with Putin.\n",
    # Names in no gazetteer: their class comes from the mentions alone.
    "c.txt": "Finance Minister Aurelio Vantrelli met Dorotea Kassivel of the Marbrook Trust in Geneva.\n",
}


@pytest.fixture(scope="module")
def cached(tmp_path_factory, build_cached):
    """A corpus, its graph built without a cache, and a cache directory filled by a build."""
    return build_cached(tmp_path_factory.mktemp("forged"), ARTICLES)


#: A confidence written as NaN into the entry (graphbuild's own writer refuses NaN).
SENTINEL = 0.123456789


def _forged(record) -> bytes:
    body = encode_entry(record).partition(b"\n")[2].replace(str(SENTINEL).encode(), b"NaN")
    return b"graphbuild-cache " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _shift(ref):
    return ref._replace(start=ref.start + 1000, end=ref.end + 1000) if hasattr(ref, "start") else ref


FORGERIES = {
    "unknown predicate": lambda r: r.relations and dataclasses.replace(
        r, relations=tuple(dataclasses.replace(x, predicate="bogusPredicate") for x in r.relations)),
    "unknown class": lambda r: r.mentions and dataclasses.replace(
        r, mentions=tuple(dataclasses.replace(m, cls="Bogus") for m in r.mentions)),
    "unknown event class": lambda r: r.events and dataclasses.replace(
        r, events=tuple(dataclasses.replace(e, cls="Bogus") for e in r.events)),
    "NaN confidence": lambda r: (r.relations or r.events) and dataclasses.replace(
        r, relations=tuple(dataclasses.replace(x, confidence=SENTINEL) for x in r.relations),
        events=tuple(dataclasses.replace(e, confidence=SENTINEL) for e in r.events)),
    "bad offsets": lambda r: (r.relations or r.events) and dataclasses.replace(
        r, relations=tuple(dataclasses.replace(x, subject=_shift(x.subject)) for x in r.relations),
        events=tuple(dataclasses.replace(e, participants=tuple(map(_shift, e.participants))) for e in r.events)),
    "evidence past the text": lambda r: r.mentions and dataclasses.replace(
        r, mentions=tuple(dataclasses.replace(m, evidence=dataclasses.replace(m.evidence, end=10 ** 6))
                          for m in r.mentions)),
}


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_forged_cache_entry_is_a_miss(cached, tmp_path, forgery):
    folder, cache_src, expected = cached
    cache = tmp_path / "cache"
    shutil.copytree(cache_src, cache)
    forged = 0
    for entry in sorted(Path(cache).rglob("*.json")):
        record = FORGERIES[forgery](decode_entry(entry.read_bytes()))
        if record:
            entry.write_bytes(_forged(record))
            forged += 1
    assert forged
    first = graphbuild.build([folder], cache_dir=cache)
    assert first.to_turtle() == expected
    assert sum(first.cache_rejected.values()) == forged, first.cache_rejected  # each one a miss
    after = graphbuild.build([folder], cache_dir=cache)  # the build after: nothing is left to crash it
    assert after.to_turtle() == expected
    assert not after.cache_rejected  # the forged entries were written over
