"""The extraction cache holds data, never code: whatever an entry holds, it is at worst
a miss, never run, never a changed graph, never a hang."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import random
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphbuild
from graphbuild.run.cache import RecordCache, decode_entry, encode_entry, fingerprinted_paths
from graphbuild.cli import cli
from graphbuild.run.record_json import DecodeError

ARTICLES = {
    "a.txt": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.\n",
    "b.txt": "Indian Prime Minister Narendra Modi visited Moscow in July 2024 for talks with Putin.\n",
}


class Payload:
    """A pickle that runs a command when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture(scope="module")
def cached(tmp_path_factory, build_cached):
    """A corpus, its graph built without a cache, and a cache directory filled by a build."""
    return build_cached(tmp_path_factory.mktemp("cached"), ARTICLES)


def _entries(cache: Path) -> list[Path]:
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == len(ARTICLES)
    return entries


def _rebuild(folder: Path, cache: Path, expected: bytes):
    result = graphbuild.build([folder], cache_dir=cache)
    assert result.to_turtle() == expected
    return result


def _bit_flipped(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]


@pytest.mark.parametrize("damage", ["pickle", "tampered", "truncated", "bitflip", "empty", "old-layout",
                                    "other-document", "directory", "symlink"])
def test_cache_damaged_entry_is_a_miss_never_run_never_a_changed_graph(cached, tmp_path, damage):
    folder, cache_src, expected = cached
    cache = tmp_path / "cache"
    import shutil

    shutil.copytree(cache_src, cache)
    marker = tmp_path / "code-ran"
    entries = _entries(cache)
    for n, entry in enumerate(entries):
        data = entry.read_bytes()
        if damage == "pickle":
            new = pickle.dumps(Payload(marker))
        elif damage == "tampered":  # a field changed, the checksum left as it was
            new = data.replace(b"Putin", b"Putim").replace(b"Modi", b"Mode")
        elif damage == "truncated":
            new = data[: len(data) // 2]
        elif damage == "bitflip":
            new = _bit_flipped(data, n)
        elif damage == "empty":
            new = b""
        elif damage == "old-layout":  # a valid checksum over a record missing a field
            body = json.loads(data.partition(b"\n")[2])
            body["record"] = body["record"][:-1]
            raw = json.dumps(body).encode()
            import hashlib

            new = b"graphbuild-cache " + hashlib.sha256(raw).hexdigest().encode() + b"\n" + raw
        elif damage == "other-document":
            new = entries[(n + 1) % len(entries)].read_bytes() if n == 0 else None
            if new is None:
                continue
        elif damage == "directory":
            entry.unlink()
            entry.mkdir()
            continue
        else:
            target = tmp_path / f"target{n}"
            target.write_bytes(data)
            entry.unlink()
            entry.symlink_to(target)
            continue
        entry.write_bytes(new)
    result = _rebuild(folder, cache, expected)
    assert not marker.exists()
    assert result.cache_hits < len(ARTICLES)
    assert sum(result.cache_rejected.values()) >= 1


def test_cache_bit_flips_never_change_the_graph(cached, tmp_path):
    """Every single flipped bit in an entry is caught by the checksum (25 trials)."""
    _, cache_src, _ = cached
    entry = _entries(cache_src)[0]
    data = entry.read_bytes()
    record = decode_entry(data)
    for seed in range(25):
        with pytest.raises(DecodeError):
            decode_entry(_bit_flipped(data, seed))
    assert decode_entry(data) == record


def test_cache_fifo_entry_never_hangs(cached, tmp_path):
    folder, cache_src, expected = cached
    import shutil

    cache = tmp_path / "cache"
    shutil.copytree(cache_src, cache)
    for entry in _entries(cache):
        entry.unlink()
        os.mkfifo(entry)
    outcome: dict = {}
    worker = threading.Thread(target=lambda: outcome.update(result=graphbuild.build([folder], cache_dir=cache)),
                              daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the build hangs on a FIFO in the cache"
    assert outcome["result"].to_turtle() == expected
    assert outcome["result"].cache_rejected == {"not a regular file": len(ARTICLES)}


def test_cache_verbose_build_reports_rejected_entries(cached, tmp_path):
    folder, cache_src, _ = cached
    import shutil

    cache = tmp_path / "cache"
    shutil.copytree(cache_src, cache)
    _entries(cache)[0].write_bytes(b"garbage")
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out"), "--cache-dir", str(cache),
                                      "-v", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "extraction cache: 1 hit(s), 1 miss(es), 1 entry rejected; 1 not a graphbuild cache entry" in result.output


def test_cache_entry_round_trips_every_record_field(seed_result):
    for record in seed_result.records:
        back = decode_entry(encode_entry(record))
        assert back == record
        assert all(dataclasses.astuple(a) == dataclasses.astuple(b) for a, b in zip(back.mentions, record.mentions))


def test_cache_fingerprint_covers_the_record_types_and_every_extractor():
    import graphbuild.extract

    package = Path(graphbuild.__file__).parent
    paths = set(fingerprinted_paths())
    assert {package / name for name in ("records.py", "run/record_json.py", "nlp.py", "run/worker.py", "limits.py",
                                        "ingest/htmlwalk.py", "knowledge/dates.py", "knowledge/gazetteer.py")} <= paths
    for folder in ("extract", "ingest", "knowledge", "lang"):
        sources = set((package / folder).rglob("*.py"))
        assert sources and sources <= paths, folder


def test_cache_fingerprint_changes_with_records_py(tmp_path, monkeypatch):
    from graphbuild.run import cache as cache_module

    before = RecordCache(tmp_path, "p").fingerprint
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: real(self) + (b"# changed" if self.name == "records.py" else b""))
    assert RecordCache(tmp_path, "p").fingerprint != before
    assert cache_module.code_fingerprint()  # still computes
