"""graphbuild: a knowledge-graph builder for news.

>>> import graphbuild
>>> result = graphbuild.build(["seeds"])   # doctest: +SKIP
>>> result.write("output")                 # doctest: +SKIP
"""

from __future__ import annotations

from .version import __version__

__all__ = ["build", "BuildResult", "__version__"]


def __getattr__(name: str):
    # Imported on first use so that `import graphbuild` stays cheap (no spaCy at import).
    if name in ("build", "BuildResult"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
