"""The per-document extraction cache: one small file per document and pipeline.

The key joins the document (its id, which holds the file stem and content hash, and
its SHA-256) with the pipeline fingerprint: model name, version and components, the
gazetteer and lexicon files, and the source code of every module that shapes a
record (the record types included). Any change of model, rules or record layout
makes every key new, so a stale record is never read.

An entry is data, never code: a header line with the SHA-256 of the body, then the
record as JSON (:mod:`graphbuild.run.record_json`), checked field by field against the
record types when read. An entry that cannot be opened as a regular file, fails its
checksum, does not decode or belongs to another document is a miss: counted (with
its reason, for ``build -v``), never an error.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections import Counter
from pathlib import Path

from ..version import __version__
from .record_json import DecodeError, dumps, loads
from .record_check import check_record
from ..records import DocRecord, Document

#: Bump when the entry format changes (the record layout is fingerprinted anyway).
FORMAT = 2
MAGIC = b"graphbuild-cache"
#: An entry larger than this is not read (a record is a few kB to a few MB).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
SUFFIX = ".json"

#: Modules whose source shapes a record: a change to any of them is a new cache.
FINGERPRINTED = ("extract/**/*.py", "ingest/**/*.py", "lang/**/*.py", "lang/**/*.json", "knowledge/*.py",
                 "limits.py", "ids.py", "nlp.py", "records.py", "run/record_json.py", "run/worker.py")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphbuild"


def fingerprinted_files(package: Path) -> set[Path]:
    return {p for pattern in FINGERPRINTED for p in package.glob(pattern)}


def fingerprinted_paths() -> list[Path]:
    """The source files (and language-pack data) that turn text into records, sorted."""
    return sorted(fingerprinted_files(Path(__file__).parents[1]))


def code_fingerprint() -> str:
    """Hash of the source files that turn text into records."""
    package = Path(__file__).parents[1]
    h = hashlib.sha256(f"{__version__}:{FORMAT}".encode())
    for path in fingerprinted_paths():
        h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def encode_entry(record: DocRecord) -> bytes:
    body = dumps(record)
    return MAGIC + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def decode_entry(data: bytes) -> DocRecord:
    """The record of an entry, or DecodeError saying why not."""
    header, sep, body = data.partition(b"\n")
    parts = header.split(b" ")
    if not sep or len(parts) != 2 or parts[0] != MAGIC:
        raise DecodeError("not a graphbuild cache entry")
    if hashlib.sha256(body).hexdigest().encode() != parts[1]:
        raise DecodeError("checksum mismatch")
    return check_record(loads(body))


def read_regular_file(path: Path, limit: int = MAX_ENTRY_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link, FIFO or device: opening
    never blocks) no larger than ``limit``; OSError otherwise."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if info.st_size > limit:
            raise OSError(errno.EFBIG, "too large")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > limit:
                raise OSError(errno.EFBIG, "too large")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class RecordCache:
    def __init__(self, directory: Path, pipeline_fingerprint: str) -> None:
        self.directory = Path(directory)
        self.fingerprint = hashlib.sha256(f"{pipeline_fingerprint}|{code_fingerprint()}".encode()).hexdigest()[:24]
        self.hits = 0
        self.misses = 0
        #: Entries found but not used, by reason ("checksum mismatch", "not a regular file", ...).
        self.rejected: Counter[str] = Counter()

    def _path(self, doc: Document) -> Path:
        key = hashlib.sha256(f"{doc.id}|{doc.sha256}".encode()).hexdigest()
        return self.directory / self.fingerprint / key[:2] / f"{key}{SUFFIX}"

    def get(self, doc: Document) -> DocRecord | None:
        path = self._path(doc)
        try:
            record = decode_entry(read_regular_file(path))
            if record.document != doc:
                raise DecodeError("entry of another document")
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            return self._reject(exc.strerror or str(exc))
        except DecodeError as exc:
            return self._reject(str(exc).split(":")[0])
        except Exception as exc:  # noqa: BLE001 - whatever an entry holds, it is only a miss
            return self._reject(type(exc).__name__)
        self.hits += 1
        return record

    def _reject(self, reason: str) -> None:
        self.misses += 1
        self.rejected[reason] += 1
        return None

    def put(self, record: DocRecord) -> None:
        path = self._path(record.document)
        try:
            data = encode_entry(record)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, ValueError):
            pass  # a cache that cannot be written is only slower
