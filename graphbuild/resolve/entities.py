"""Resolution: mentions across the corpus to one entity per real-world thing.

Mentions are grouped with a union-find: gazetteer links, acronyms defined in a
document ("Belt and Road Initiative (BRI)"), and a person's short forms joined to
the one full name that contains them (in the same document first, then in the
corpus). Two different gazetteer entries are never merged, and a short form that
fits two full names stays apart: no merge without evidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..knowledge.gazetteer import Gazetteer, name_key
from ..ids import slugify
from ..lang import words as pack_words
from ..knowledge.places import is_known_place
from ..records import GAZETTEER, DocRecord, Entity, Mention, Resolution

#: Tie-break when mentions of one unlinked entity disagree on its class.
CLASS_PRIORITY = ("Person", "Country", "Organization", "Initiative", "Event", "Place")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        # Gazetteer entries are distinct things: never merge two of them.
        if ra.startswith("gaz:") and rb.startswith("gaz:"):
            return False
        if rb.startswith("gaz:") or (not ra.startswith("gaz:") and rb < ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


def _group(mention: Mention) -> str:
    if mention.link:
        return "gaz:" + mention.link
    return "name:" + name_key(mention.key)


# The words an acronym skips ("of", "the") and the generic heads after a proper name
# that do not make another thing of it ("X Estate" is X) are the language pack's
# ``resolution`` lists.


def spelling_key(name: str) -> str:
    """A key that forgives transliteration: doubled letters, y/i, z/s
    ("Zelenskyy" and "Zelensky", "Luiz" and "Luis", "Volodymyr" and "Volodimir")."""
    tokens = []
    for token in name_key(name).split():
        token = re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", token))
        tokens.append(token.replace("y", "i").replace("z", "s"))
    return " ".join(t for t in tokens if t)


def _tokens(key: str) -> tuple[str, ...]:
    return tuple(spelling_key(key).split())


def initials(name: str) -> str:
    """'Coastal Fisheries Council' -> 'cfc'; function words are skipped."""
    skip = pack_words().acronym_skip
    return "".join(w[0] for w in name_key(name).split() if w not in skip)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _contains(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(full) and any(full[i:i + n] == short for i in range(len(full) - n + 1))


def resolve(records: Iterable[DocRecord], gazetteer: Gazetteer) -> Resolution:
    """Resolve the mentions of all ``records`` to entities."""
    records = sorted(records, key=lambda r: r.document.id)
    uf = _UnionFind()
    mentions: list[Mention] = [m for r in records for m in r.mentions]
    for m in mentions:
        uf.find(_group(m))
    names = _person_names(mentions)
    _join_possessive_typos(mentions, uf)
    _join_short_names(mentions, uf, names)
    _join_defined_acronyms(records, mentions, gazetteer, uf)
    _join_spelling_variants(mentions, uf)
    _join_undefined_acronyms(mentions, uf)
    _join_generic_heads(mentions, uf)
    return _collect(records, mentions, gazetteer, uf)


@dataclass
class _PersonNames:
    """Full names (two words or more) by document and across the corpus."""

    in_doc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # doc -> groups
    #: doc -> (offset, group) of each full name, for the nearest one before a short form
    positions: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    corpus: set[str] = field(default_factory=set)
    tokens: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group -> its longest name's tokens
    # Full names by each of their words, so that a short form is compared only with the
    # names that contain its words (no pass over every name of the corpus).
    by_token: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _person_names(mentions: list[Mention]) -> _PersonNames:
    names = _PersonNames()
    for m in mentions:
        if m.cls != "Person" or m.demonym:
            continue
        g = _group(m)
        toks = _tokens(m.key)
        names.tokens.setdefault(g, toks)
        if len(toks) > len(names.tokens[g]):
            names.tokens[g] = toks
        if len(toks) >= 2:
            names.in_doc[m.evidence.doc_id].add(g)
            names.positions[m.evidence.doc_id].append((m.start, g))
            names.corpus.add(g)
    for g in names.corpus:
        for tok in names.tokens[g]:
            names.by_token[tok].add(g)
    return names


def _full_names_for(names: _PersonNames, uf: _UnionFind, short: tuple[str, ...], candidates: set[str] | None,
                    own: str) -> set[str]:
    pool = set.intersection(*(names.by_token.get(t, set()) for t in short)) if short else set()
    if candidates is not None:
        pool &= candidates
    return {uf.find(g) for g in sorted(pool) if g != own and _contains(names.tokens.get(g, ()), short)}


def _join_possessive_typos(mentions: list[Mention], uf: _UnionFind) -> None:
    """"Putins" is "Putin" when "Putin" is a person seen in the corpus."""
    short_person_keys = {name_key(m.key): m for m in mentions if m.cls == "Person" and len(_tokens(m.key)) == 1}
    for m in mentions:
        key = name_key(m.key)
        if m.cls == "Person" and not m.link and key.endswith("s") and key[:-1] in short_person_keys:
            uf.union(_group(short_person_keys[key[:-1]]), _group(m))


def _join_short_names(mentions: list[Mention], uf: _UnionFind, names: _PersonNames) -> None:
    """A person's short form joins the one full name that contains it: in its document
    first, then in the corpus."""
    for m in mentions:
        if m.cls != "Person" or m.demonym:
            continue
        toks = _tokens(m.key)
        own = _group(m)
        if len(toks) >= 3 or (m.link and len(toks) >= 2):
            continue
        in_doc = _full_names_for(names, uf, toks, names.in_doc[m.evidence.doc_id], own)
        if len(in_doc) == 1:
            uf.union(in_doc.pop(), own)
            continue
        if len(in_doc) > 1:
            # Two full names fit ("Kim" after "Kim Jong Un" and "Kim Yo Jong"): news
            # writing names a person in full before shortening, so the short form is the
            # nearest full name before it, when one is.
            before = [(start, g) for start, g in names.positions[m.evidence.doc_id]
                      if start < m.start and uf.find(g) in in_doc]
            if before:
                uf.union(max(before)[1], own)
            continue
        if in_doc or m.link:
            continue  # ambiguous in the document, or already known: no merge
        in_corpus = _full_names_for(names, uf, toks, None, own)
        if len(in_corpus) == 1:
            uf.union(in_corpus.pop(), own)


def _join_defined_acronyms(records: list[DocRecord], mentions: list[Mention], gazetteer: Gazetteer,
                           uf: _UnionFind) -> None:
    """"Belt and Road Initiative (BRI)": the acronym and its expansion are one thing."""
    key_groups: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        key_groups[name_key(m.key)].add(_group(m))
    for record in records:
        for alias in record.aliases:
            full_entry = gazetteer.lookup(alias.full)
            full_group = "gaz:" + full_entry.id if full_entry else "name:" + name_key(alias.full)
            if full_group not in uf.parent and not key_groups.get(name_key(alias.full)):
                continue
            for g in sorted(key_groups.get(name_key(alias.short), ())):
                uf.union(full_group, g)
            for g in sorted(key_groups.get(name_key(alias.full), ())):
                uf.union(full_group, g)


def _collect(records: list[DocRecord], mentions: list[Mention], gazetteer: Gazetteer, uf: _UnionFind) -> Resolution:
    """One entity per component worth a node, and each mention's entity."""
    components: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        components[uf.find(_group(m))].append(m)

    # Mentions that relations and events point at keep their entity alive: "Indian Prime
    # Minister Narendra Modi" makes India a node even when only the adjective names it.
    referenced = {(r.document.id, *ref[:2]) for r in records for rel in r.relations
                  for ref in (rel.subject, rel.object) if ref[0] != GAZETTEER}
    referenced |= {(r.document.id, *ref[:2]) for r in records for ev in r.events
                   for ref in (*ev.participants, *ev.hosts, *ev.locations) if ref[0] != GAZETTEER}
    entities: list[Entity] = []
    assignments: dict[tuple[str, int, int], str] = {}
    used_ids: set[str] = set()
    for root in sorted(components):
        group = components[root]
        if not _keep(root, group) and not any((m.evidence.doc_id, m.start, m.end) in referenced for m in group):
            continue
        entity = _entity(root, group, gazetteer, used_ids)
        used_ids.add(entity.id)
        entities.append(entity)
        for m in group:
            assignments[(m.evidence.doc_id, m.start, m.end)] = entity.id
    entities.sort(key=lambda e: e.id)
    return Resolution(entities=tuple(entities), assignments=assignments)


def _join_spelling_variants(mentions: list[Mention], uf: _UnionFind) -> None:
    """One person under two transliterations ('Volodymyr Zelensky', 'Volodymyr Zelenskyy')."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.cls == "Person" and not m.demonym:
            by_key[spelling_key(m.key)].add(_group(m))
    for key, groups in sorted(by_key.items()):
        if key and len(groups) > 1:
            first, *rest = sorted(groups)
            for g in rest:
                uf.union(first, g)


def _join_undefined_acronyms(mentions: list[Mention], uf: _UnionFind) -> None:
    """'CFC' in one article and 'Coastal Fisheries Council' in another are one thing
    when that expansion is the only name of the corpus with those initials."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.cls != "Person" and not m.demonym and len(name_key(m.key).split()) >= 2:
            expansions[initials(m.key)].add(_group(m))
    for m in mentions:
        if m.cls == "Person" or m.demonym or m.link or not _is_acronym(m.text):
            continue
        found = {uf.find(g) for g in expansions.get(m.text.replace(".", "").lower(), ())}
        if len(found) == 1:
            uf.union(found.pop(), _group(m))


def _join_generic_heads(mentions: list[Mention], uf: _UnionFind) -> None:
    """'Glenmoor Estate' and 'Glenmoor': one place, unless 'Glenmoor' is a known city."""
    generic_heads = pack_words().generic_heads
    groups = {name_key(m.key): _group(m) for m in mentions if m.cls in ("Place", "Organization")}
    for key, group in sorted(groups.items()):
        words = key.split()
        if len(words) >= 2 and words[-1] in generic_heads:
            short = " ".join(words[:-1])
            if short in groups and not is_known_place(short):
                uf.union(group, groups[short])


def _keep(root: str, group: list[Mention]) -> bool:
    """Noise rules on a whole component (corpus-level evidence)."""
    if all(m.demonym for m in group):
        # "Pakistani and Kazakh leaders": the article speaks of those countries; an
        # adjective no gazetteer country owns ("Western") makes no node
        return root.startswith("gaz:")
    if root.startswith("gaz:"):
        return True
    names = [m for m in group if not m.demonym]
    if all(m.in_heading for m in names):
        return False  # title-case headings say nothing about names
    if all(m.sentence_initial and len(m.key.split()) == 1 for m in names):
        return False  # a capitalised first word, never seen mid-sentence
    return True


def _entity(root: str, group: list[Mention], gazetteer: Gazetteer, used_ids: set[str]) -> Entity:
    docs = tuple(sorted({m.evidence.doc_id for m in group}))
    surfaces = Counter(m.text for m in group)
    if root.startswith("gaz:"):
        entry = gazetteer.entries[root[4:]]
        label, cls, wikidata, eid = entry.label, entry.cls, entry.wikidata, entry.id
    else:
        names = [m for m in group if not m.demonym]
        # The fullest proper name: most words, then most frequent, then alphabetical.
        key_counts = Counter(m.key for m in names)
        label = min(key_counts, key=lambda k: (-len(k.split()), -key_counts[k], k))
        # Class: majority of mentions; a tie goes to the class the full name was given.
        votes = Counter(m.cls for m in names)
        label_votes = Counter(m.cls for m in names if m.key == label)
        cls = min(votes, key=lambda c: (-votes[c], -label_votes[c], CLASS_PRIORITY.index(c)))
        wikidata = None
        eid = slugify(label)
        if eid in used_ids or eid in gazetteer.entries:
            eid = f"{eid}-{cls.lower()}"
    alt = tuple(sorted(s for s in surfaces if s != label))
    return Entity(
        id=eid,
        cls=cls,
        label=label,
        alt_labels=alt,
        wikidata=wikidata,
        mention_count=len(group),
        documents=docs,
    )
