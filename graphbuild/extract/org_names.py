"""Names of organisations the model cut in two at a known name: 'Norway' + 'Fisheries
Agency', 'NATO' + 'Training Fund', 'Labour Party' + 'of' + 'Norway'. The part
the model kept is a generic one ('Fisheries Agency', 'Labour Party') that names nothing
alone; the known name before it, or the country after its 'of', completes it. Pure
functions over the entity spans of a parsed segment; the head words of organisation
names come from the language pack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.gazetteer import Gazetteer
from ..knowledge.places import is_known_place
from ..lang import words as pack_words

if TYPE_CHECKING:
    from spacy.tokens import Span

#: What may stand before a generic organisation name and complete it.
QUALIFYING_CLASSES = ("Country", "Organization", "Place")


def organisation_names(ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """``ents`` with each generic organisation name joined to the known name that
    completes it: before it ('Norway Fisheries Agency') or after its 'of' ('Labour Party
    of Norway')."""
    from spacy.tokens import Span

    heads = frozenset(pack_words().name_heads.get("ORG", ()))
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        prev = out[-1] if out else None
        if prev is not None and _generic(ent, heads) and _qualifies(prev, gazetteer) and prev.end == ent.start:
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
            i += 1
            continue
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and _generic(ent, heads) and _qualifies(nxt, gazetteer) and _of_between(ent, nxt):
            out.append(Span(ent.doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _generic(ent: Span, heads: frozenset[str]) -> bool:
    """An organisation name no gazetteer knows, in capitals, ending in a head word."""
    return ent.label_ == "ORG" and not ent.ent_id_ and ent[-1].text in heads and all(
        t.is_title or t.is_upper for t in ent)


def _qualifies(ent: Span, gazetteer: Gazetteer) -> bool:
    """A known country, organisation or place (a city of GeoNames too), not an adjective."""
    if ent.label_ == "NORP":
        return False
    entry = gazetteer.entries.get(ent.ent_id_) if ent.ent_id_ else None
    return entry.core in QUALIFYING_CLASSES if entry is not None else ent.label_ == "GPE" and is_known_place(ent.text)


def _of_between(ent: Span, nxt: Span) -> bool:
    """'Labour Party of Norway', 'Farmers' Federation of the X'."""
    between = [t.lower_ for t in ent.doc[ent.end:nxt.start]]
    return between in (["of"], ["of", "the"])
