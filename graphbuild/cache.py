"""The per-document extraction cache: one small file per document and pipeline.

The key joins the document (its id, which holds the file stem and content hash, and
its SHA-256) with the pipeline fingerprint: model name, version and components, the
gazetteer and lexicon files, and the extractor's source code. Any change of model or
rules makes every key new, so a stale record is never read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .version import __version__
from .records import DocRecord, Document

#: Bump when records change shape.
FORMAT = 2


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphbuild"


def code_fingerprint() -> str:
    """Hash of the source files that turn text into records."""
    package = Path(__file__).parent
    h = hashlib.sha256(f"{__version__}:{FORMAT}".encode())
    for path in sorted(fingerprinted_files(package)):
        h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


#: What turns text into records: code and the language pack (relative to the package).
FINGERPRINTED = ("extract/**/*.py", "ingest/**/*.py", "lang/**/*.py", "lang/**/*.json", "dates.py",
                 "nlp.py", "places.py", "worker.py")


def fingerprinted_files(package: Path) -> set[Path]:
    return {p for pattern in FINGERPRINTED for p in package.glob(pattern)}


class RecordCache:
    def __init__(self, directory: Path, pipeline_fingerprint: str) -> None:
        self.directory = Path(directory)
        self.fingerprint = hashlib.sha256(f"{pipeline_fingerprint}|{code_fingerprint()}".encode()).hexdigest()[:24]
        self.hits = 0
        self.misses = 0

    def _path(self, doc: Document) -> Path:
        key = hashlib.sha256(f"{doc.id}|{doc.sha256}".encode()).hexdigest()
        return self.directory / self.fingerprint / key[:2] / f"{key}.pickle"

    def get(self, doc: Document) -> DocRecord | None:
        path = self._path(doc)
        try:
            with open(path, "rb") as fh:
                record = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        if not isinstance(record, DocRecord) or record.document != doc:
            self.misses += 1
            return None
        self.hits += 1
        return record

    def put(self, record: DocRecord) -> None:
        path = self._path(record.document)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(record, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower
