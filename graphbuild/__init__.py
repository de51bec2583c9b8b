"""graphbuild: a knowledge-graph builder for news.

>>> import graphbuild
>>> kg = graphbuild.build(["seeds/"])               # doctest: +SKIP
>>> kg.query("SELECT ?name WHERE { ?p a gb:Person ; rdfs:label ?name }")  # doctest: +SKIP
>>> kg.write("output/", formats=["jsonld"])           # doctest: +SKIP

The API:

- ``build(paths, model=..., workers=..., cache_dir=...)`` -> ``KnowledgeGraph``
- ``build_texts(["text", ...])``: the same from articles held in memory
- ``KnowledgeGraph``: ``.query(sparql, as_frame=False)``, ``.entities``, ``.events``,
  ``.statements``, ``.to_networkx()``, ``.to_rdflib()``, ``.write(out_dir, formats)``,
  ``.evaluate(gold_path)``, ``.summary_line()``
- the typed records ``Entity``, ``Event``, ``Statement``, ``Evidence``, ``Document``
- ``Table`` (a SELECT's answer) and ``QueryError``
"""

from __future__ import annotations

from .version import __version__

# Where each public name lives; imported on first use so that `import graphbuild`
# stays cheap (no spaCy, rdflib or NetworkX at import).
_API = {
    "build": "kg",
    "build_texts": "kg",
    "KnowledgeGraph": "kg",
    "BuildResult": "pipeline",
    "Entity": "records",
    "Event": "records",
    "Statement": "records",
    "Evidence": "records",
    "Document": "records",
    "Table": "store.query",
    "QueryError": "store.query",
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str):
    if name in _API:
        from importlib import import_module

        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The documented API only, not every submodule imported so far.
    return sorted(__all__)
