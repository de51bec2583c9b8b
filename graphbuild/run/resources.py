"""Where the data files of ``ontology/`` are found at run time."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
    return path
