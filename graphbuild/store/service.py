"""Whether a SPARQL query calls another server (a SERVICE clause, SPARQL 1.1 federation).

Decided on the query as a SPARQL parser reads it (rdflib's), never on its text:
escapes in prefixed names, quotes and comments are read the way the grammar reads
them, so none can hide a clause that Oxigraph would run.
"""

from __future__ import annotations

import unicodedata


class UncheckedService(ValueError):
    """The query names SERVICE but could not be parsed to tell whether it calls one."""


def _mentions_service(sparql: str) -> bool:
    # Without these letters no parser can find the keyword; case folding after NFKC
    # catches look-alikes (the long s, full-width letters) a case-insensitive match may accept.
    return "service" in unicodedata.normalize("NFKC", sparql).casefold()


def _has_service(node) -> bool:
    """Whether a ServiceGraphPattern occurs anywhere in rdflib's parse tree."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return False


def calls_service(sparql: str) -> bool:
    """True when the parsed query holds a SERVICE clause (at any depth: EXISTS,
    sub-queries, OPTIONAL). A query that mentions SERVICE but that rdflib cannot
    parse raises :class:`UncheckedService`: it might call one."""
    if not _mentions_service(sparql):
        return False
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception as exc:  # noqa: BLE001 - any failure leaves the question open
        raise UncheckedService(" ".join(str(exc).split())[:160]) from None
    return _has_service(tree)
