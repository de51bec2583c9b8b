"""Where the data files of ``ontology/`` are found at run time."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


class NotAFile(FileNotFoundError):
    """The path exists but is not a regular file (a FIFO, a device, a socket): opening
    or reading it could block for ever, so it is refused before either."""


def ontology_dir() -> Path:
    """``$GRAPHBUILD_ONTOLOGY``, else the repository's ``ontology/`` (editable install),
    else ``<prefix>/share/graphbuild/ontology`` (wheel install)."""
    env = os.environ.get("GRAPHBUILD_ONTOLOGY")
    candidates = [Path(env)] if env else []
    candidates += [
        Path(__file__).resolve().parents[2] / "ontology",
        Path(sys.prefix) / "share" / "graphbuild" / "ontology",
    ]
    for candidate in candidates:
        if (candidate / "gazetteer").is_dir():
            return candidate
    raise FileNotFoundError(
        "graphbuild's ontology folder was not found; set GRAPHBUILD_ONTOLOGY to the "
        "folder holding graphbuild.ttl and gazetteer/"
    )


def graph_file(target: str | os.PathLike) -> Path:
    """The graph.ttl of a build folder, or the file itself; a clear error when missing."""
    path = Path(target)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such graph file")
    return regular_file(path)


def regular_file(path: str | os.PathLike) -> Path:
    """``path`` if it is a regular file (links followed); :class:`NotAFile` if it is
    something else; FileNotFoundError if it is missing."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no such file") from None
    if not stat.S_ISREG(mode):
        kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "a device")
        raise NotAFile(f"{path}: not a regular file ({kind})")
    return path
