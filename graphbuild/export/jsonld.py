"""JSON-LD export: compacted with an ``@context`` of the project's prefixes, so that
it reads like the Turtle ("entity:vladimir-putin", "gb:metWith") and parses to the same
triples.

Written subject by subject like the Turtle: rdflib's converter makes each node object
against the context, and the value lists are sorted (rdflib keeps store order, which
changes with the hash seed).
"""

from __future__ import annotations

import json
from typing import BinaryIO, Iterable

from rdflib import Graph



def context(prefixes: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The ``@context``: prefix -> namespace IRI (the Turtle's prefixes)."""
    return {prefix: str(namespace) for prefix, namespace in sorted(prefixes)}


def _sort_values(node: dict) -> dict:
    for value in node.values():
        if isinstance(value, list):
            value.sort(key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def write_jsonld(subjects: Iterable, prefixes: Iterable[tuple[str, str]], out: BinaryIO) -> None:
    """Compacted JSON-LD into ``out``: ``{"@context": ..., "@graph": [...]}`` with one
    node object per subject, in the order given ((subject, [(predicate, object)]) pairs,
    the export's IRI order)."""
    from rdflib.plugins.serializers.jsonld import from_rdf

    ctx = context(prefixes)
    head = json.dumps({"@context": ctx}, indent=2, sort_keys=True, ensure_ascii=False)
    out.write(head[: head.rindex("}")].rstrip().encode("utf-8") + b',\n  "@graph": [')
    first = True
    for subject, pairs in subjects:
        one = Graph(bind_namespaces="none")
        for p, o in pairs:
            one.add((subject, p, o))
        compacted = from_rdf(one, context_data=ctx)
        compacted.pop("@context", None)
        nodes = compacted.pop("@graph", None) or [compacted]
        for node in nodes:
            text = json.dumps(_sort_values(node), indent=2, sort_keys=True, ensure_ascii=False)
            text = text.replace("\n", "\n    ")
            out.write(("\n    " if first else ",\n    ").encode("utf-8") + text.encode("utf-8"))
            first = False
    out.write(b"\n  ]\n}\n" if not first else b"]\n}\n")
