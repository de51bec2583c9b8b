"""The cache never reads an entry larger than its limit: a huge file is a miss, not memory."""

from __future__ import annotations

import errno

import pytest

from graphbuild.run.cache import MAX_ENTRY_BYTES, read_regular_file


def test_read_regular_file_refuses_a_file_over_the_limit(tmp_path):
    entry = tmp_path / "entry.json"
    entry.write_bytes(b"x" * 100)
    assert read_regular_file(entry, limit=100) == b"x" * 100
    with pytest.raises(OSError) as raised:
        read_regular_file(entry, limit=99)
    assert raised.value.errno == errno.EFBIG


def test_read_regular_file_refuses_an_entry_over_the_default_limit(tmp_path):
    entry = tmp_path / "entry.json"
    with entry.open("wb") as fh:
        fh.truncate(MAX_ENTRY_BYTES + 1)  # sparse: no disk used
    with pytest.raises(OSError) as raised:
        read_regular_file(entry)
    assert raised.value.errno == errno.EFBIG
