"""Entity mentions: a pure function from a parsed segment to :class:`Mention` records.

The trained NER and the gazetteer ruler propose spans; this module cleans them
(determiners, possessives, titles), decides their class, keeps a person's title
and country as a role, and drops what is not a name (capitalised common words,
numbers, dates, money).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ..knowledge.gazetteer import Entry, Gazetteer
from ..lang import language_dir, not_names, pack_cache, words as pack_words
from ..knowledge.places import is_known_place
from ..records import DATELINE, Alias, Document, Evidence, Mention, Segment
from .person_titles import PersonTitle, person_title
from .org_names import organisation_names
from .names import (
    another_given_name, as_defined, common_acronyms, cut_fragment, described_event, find_acronyms, find_aliases, glued,
    hyphen_place, joined_names, opens_quote, titled_names, with_given_names, with_place_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy labels that are literals, never nodes.
LITERAL_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
#: spaCy labels for which a mention is never made unless the gazetteer knows the name.
SKIP_LABELS = {"PRODUCT", "WORK_OF_ART"}


def extract_mentions(
    doc: Doc,
    segment: Segment,
    document: Document,
    gazetteer: Gazetteer,
    lowercase_words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Mentions of entities in ``doc``, the parse of ``segment`` of ``document``.

    ``lowercase_words`` holds the words the document uses in lowercase: a capitalised
    single word that the same document also writes in lowercase ("Propaganda plays
    a role" next to "use propaganda") is a common noun at a sentence start.
    """
    titles: dict[int, PersonTitle] = {}
    in_title: set[int] = set()
    extra = titled_names(doc, gazetteer)
    taken = {i for span in extra for i in range(span.start, span.end)}
    ents = joined_names(sorted([e for e in doc.ents if not taken & set(range(e.start, e.end))] + extra,
                               key=lambda e: e.start), lambda i: getattr(gazetteer.entries.get(i), "names", ()))
    ents = organisation_names(with_given_names(ents, _title_words(), pack_words().titles.honorifics), gazetteer)
    for ent in ents:
        entry = gazetteer.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if ent.label_ == "PERSON" or (entry is not None and entry.core == "Person"):
            title = person_title(doc, ent.start, ent.end, gazetteer)
            titles[ent.start] = title
            in_title.update(range(title.title_start, title.name_start))
    mentions = []
    for ent in ents:
        if ent.start in in_title and ent.end - 1 in in_title and ent.start not in titles:
            if not (ent.ent_id_ and ent.label_ in ("GPE", "NORP", "ORG")):
                continue  # "External Affairs" in "External Affairs Minister X" is a title
        mention = _mention(with_place_name(ent), titles.get(ent.start), segment, document, gazetteer,
                           lowercase_words)
        if mention is not None:
            mentions.append(mention)
        if ent.label_ == "EVENT" and any(described_event(t) for t in ent):
            mentions.extend(_countries_inside(ent, segment, document, gazetteer, lowercase_words))
    return mentions


def _countries_inside(ent: Span, segment: Segment, document: Document, gazetteer: Gazetteer,
                      lowercase_words: frozenset[str]) -> list[Mention]:
    """The countries an event description names ('the X-Y war' names X and Y)."""
    from spacy.tokens import Span

    found = []
    i = ent.start
    while i < ent.end:
        for j in range(min(ent.end, i + 3), i, -1):
            entry = gazetteer.lookup(ent.doc[i:j].text)
            if entry is not None and entry.core == "Country":
                m = _mention(Span(ent.doc, i, j, label="GPE"), None, segment, document, gazetteer, lowercase_words,
                             link=entry.id)
                if m is not None:
                    found.append(m)
                i = j - 1
                break
        i += 1
    return found


def _mention(ent: Span, title: PersonTitle | None, segment: Segment, document: Document,
             gazetteer: Gazetteer, lowercase_words: frozenset[str], link: str | None = None) -> Mention | None:
    if ent.label_ in LITERAL_LABELS:
        return None
    found = _name_span(ent, title)
    if found is None:
        return None
    span, label = found
    entry, link = _entry_of(gazetteer, link or ent.ent_id_ or None, span.text, label)
    if entry is not None and entry.core == "Person" and another_given_name(span.text, entry.names):
        entry, link = None, None  # 'Melania Trump' is not the Trump the gazetteer knows
    cls = _mention_class(span, label, entry, segment, gazetteer, lowercase_words)
    if cls is None:
        return None
    role = (title.title, title.of) if title is not None and title.title else None
    title_start = title.first if title is not None and title.title else span.start
    doc, sent = ent.doc, ent.sent
    evidence = Evidence(document.id, sent.text.strip(), segment.start + sent.start_char, segment.start + sent.end_char)
    return Mention(
        text=doc[title_start:span.end].text if role else span.text,
        key=span.text,
        cls=cls,
        start=segment.start + doc[title_start].idx,
        end=segment.start + span.end_char,
        evidence=evidence,
        link=link,
        role=role,
        in_heading=segment.kind == "heading",
        demonym=label == "NORP",
        sentence_initial=span.start == sent.start or all(not t.is_alpha for t in doc[sent.start:span.start])
        or opens_quote(doc, span.start),
    )


def _name_span(ent: Span, title: PersonTitle | None) -> tuple[Span, str] | None:
    """The name of an entity without its title and trimmings, and its label."""
    label, doc = ent.label_, ent.doc
    if title is not None:
        if title.name_start >= ent.end:
            return None
        span = _trim(doc[title.name_start:ent.end])
    else:
        span = _trim(ent)
    if span is None:
        return None
    if (title is None or not title.title) and not ent.ent_id_:
        longer = hyphen_place(span)
        if longer is not span:
            span, label = longer, "GPE"  # "Rostov" of "Rostov-on-Don": the whole place
    return span, label


def _entry_of(gazetteer: Gazetteer, link: str | None, key: str, label: str) -> tuple[Entry | None, str | None]:
    """The gazetteer entry of a name (by its link, else by its name or demonym) and its id."""
    entry = gazetteer.entries.get(link) if link else None
    if entry is None:
        entry = gazetteer.lookup(key)
        if entry is None and label == "NORP":
            entry = gazetteer.demonym(key)
            if entry is not None and entry.core != "Country":
                entry = None
        link = entry.id if entry else None
    return entry, link


def _mention_class(span: Span, label: str, entry: Entry | None, segment: Segment, gazetteer: Gazetteer,
                   lowercase_words: frozenset[str]) -> str | None:
    """The class of a mention, or None when the span is no name worth a mention."""
    if label == "NORP":
        if entry is None or entry.core != "Country":
            return None  # "Western", "Sino-Soviet": adjectives of no single country
        return "Country"
    if entry is not None:
        return entry.core
    cls = _class_of(label, span.text)
    if cls in ("Person", "Organization") and (_in_place_context(span) or segment.kind == DATELINE):
        cls = "Place"  # a dateline names the place a story was filed from, nothing else
    if cls == "Person" and len(span) == 1 and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
        return None  # "Patriot air defence systems": a name used as a brand, not a person
    if cls is None or not _looks_like_name(span, segment, lowercase_words) or glued(span, gazetteer):
        return None
    return cls


def _trim(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    determiners = pack_words().determiners
    while start < end and (doc[start].lower_ in determiners or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "'") or doc[end - 1].is_punct):
        end -= 1
    return cut_fragment(doc, start, end)


def _in_place_context(span: Span) -> bool:
    """'the Amur region', 'the city of Debrecen', 'travelling to Novo-Ogaryovo': a place
    whatever the model called it."""
    doc = span.doc
    w = pack_words()
    if span.end < len(doc) and doc[span.end].lower_ in w.place_nouns:
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in w.place_nouns:
        return True
    if len(span) == 1 or all(t.text == "-" or t.is_title for t in span):
        head = span.root.head
        if head.dep_ == "prep" and head.lower_ in w.locative_prepositions and head.head.lemma_ in w.motion_verbs:
            return is_known_place(span.text) or span.root.ent_type_ in ("ORG", "GPE", "LOC", "FAC")
    return False


def _class_of(label: str, key: str) -> str | None:
    if label in SKIP_LABELS:
        return None
    if label == "PERSON":
        return "Person"
    if label in ("GPE", "LOC", "FAC"):
        return "Place"
    if label == "ORG":
        return "Place" if is_known_place(key) else "Organization"
    if label == "EVENT":
        return "Event"
    if label in ("INITIATIVE", "LAW"):
        return "Initiative"
    return None


def _looks_like_name(span: Span, segment: Segment, lowercase_words: frozenset[str]) -> bool:
    """Reject spans that are not proper names."""
    text = span.text
    if not any(c.isupper() for c in text) or not text[0].isalnum():
        return False
    if text[0].islower():
        return False
    if all(not t.is_alpha for t in span):
        return False
    connectors = pack_words().name_connectors
    content = [t for t in span if t.is_alpha and t.lower_ not in connectors]
    if not content:
        return False
    never = not_names()
    if any(sep in text for sep in never.separators) or all(t.lower_ in never.never_alone for t in content):
        return False
    if _numbered_part(span, content, never.numbered_parts):
        return False
    if len(content) == 1 and content[0].lower_.endswith(never.concept_endings) and never.concept_endings:
        return False  # "Islamophobia": an idea, not an actor
    title_words = _title_words()
    if all(t.lower_ in title_words for t in content):
        return False  # a title alone ('the Crown Prince said') names no one
    # Capitalised common nouns: the document writes them in lowercase elsewhere.
    if all(t.lower_ in lowercase_words for t in content):
        return False
    if segment.kind == "heading":
        # Headings are title-cased: only spans that are not mostly common words count.
        common = sum(t.lower_ in lowercase_words for t in content)
        if common * 2 >= len(content):
            return False
    return True


def _title_words() -> frozenset[str]:
    return _title_words_in(str(language_dir()))


@pack_cache
def _title_words_in(directory: str) -> frozenset[str]:
    """The words of the pack's titles ('crown', 'prince', 'minister'), read once per pack."""
    titles = pack_words().titles
    return frozenset({w.lower() for t in titles.leader_titles for w in t.split()} | {w.lower() for w in titles.title_heads})


def _numbered_part(span: Span, content: list[Token], parts: frozenset[str]) -> bool:
    """'Item 4', 'Section 2.1': a word that numbers a part of a text, then only numbers
    (a list of 50,000 'Item N.' lines once made 41 initiatives)."""
    if len(content) != 1 or content[0].lower_ not in parts:
        return False
    rest = [t for t in span if t.i != content[0].i]
    return bool(rest) and all(t.like_num or t.is_punct for t in rest)


def lowercase_vocabulary(document: Document) -> frozenset[str]:
    """Words the document writes in lowercase somewhere (see :func:`extract_mentions`)."""
    return frozenset(w for w in re.findall(r"[^\W\d_]+", document.text) if w.islower())


def segment_mentions(pairs: Iterable[tuple[Segment, Doc]], document: Document,
                     gazetteer: Gazetteer) -> tuple[list[Mention], list[Alias]]:
    """Mentions and acronym definitions of a whole document from its parsed segments."""
    lowercase = lowercase_vocabulary(document)
    mentions: list[Mention] = []
    aliases: list[Alias] = []
    common = common_acronyms(document.text)
    for segment, doc in pairs:
        mentions.extend(m for m in extract_mentions(doc, segment, document, gazetteer, lowercase)
                        if m.link or m.key not in common)
        aliases.extend(find_acronyms(segment.text))
        aliases.extend(find_aliases(segment.text))
    return as_defined(mentions, aliases, gazetteer.lookup), aliases

