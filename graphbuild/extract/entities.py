"""Entity mentions: a pure function from a parsed segment to :class:`Mention` records.

The trained NER and the gazetteer ruler propose spans; this module cleans them
(determiners, possessives, titles), decides their class, keeps a person's title
and country as a role, and drops what is not a name (capitalised common words,
numbers, dates, money).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ..gazetteer import Gazetteer
from ..places import is_known_place
from ..records import Alias, Document, Evidence, Mention, Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy labels that are literals, never nodes.
LITERAL_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
#: spaCy labels for which a mention is never made unless the gazetteer knows the name.
SKIP_LABELS = {"PRODUCT", "WORK_OF_ART"}

#: Titles that precede a person's name; kept as the mention's role.
TITLES = (
    "President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
    "Premier", "Chancellor", "King", "Queen", "Crown Prince", "Prince", "Princess", "Emperor",
    "Supreme Leader", "Foreign Minister", "Defence Minister", "Defense Minister", "Finance Minister",
    "Minister", "Secretary-General", "Secretary General", "General Secretary", "Secretary of State",
    "Secretary", "Chairman", "Chairwoman", "Chair", "Leader", "Senator", "Governor", "Mayor",
    "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson", "General", "Admiral", "Marshal",
    "Pope", "Ayatollah", "Sheikh", "Sultan", "Emir", "Speaker", "Commander",
)
HONORIFICS = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Madam")
TITLE_MODIFIERS = ("former", "then", "late", "current", "outgoing", "incoming", "acting", "new", "ex")
_TITLE_WORDS = {w for t in TITLES for w in t.lower().replace("-", " ").split()}
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{0,9}[A-Z])s?\s*\)")
_CONNECTOR_WORDS = {"and", "of", "for", "the", "on", "in", "&", "de", "to"}


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
    mentions = []
    for ent in doc.ents:
        mention = _mention(ent, segment, document, gazetteer, lowercase_words)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(ent: Span, segment: Segment, document: Document, gazetteer: Gazetteer,
             lowercase_words: frozenset[str]) -> Mention | None:
    label = ent.label_
    if label in LITERAL_LABELS:
        return None
    span = _trim(ent)
    if span is None:
        return None
    link = ent.ent_id_ or None
    entry = gazetteer.entries.get(link) if link else None
    role = None
    title_start = span.start
    if label == "PERSON" or (entry and entry.core == "Person"):
        span, role, title_start = _person_role(span, gazetteer)
        if span is None:
            return None
    key = span.text
    if entry is None:
        entry = gazetteer.lookup(key)
        if entry is None and label == "NORP":
            entry = gazetteer.demonym(key)
            if entry is not None and entry.core != "Country":
                entry = None
        link = entry.id if entry else None

    demonym = label == "NORP"
    if demonym:
        if entry is None or entry.core != "Country":
            return None  # "Western", "Sino-Soviet": adjectives of no single country
        cls = "Country"
    elif entry is not None:
        cls = entry.core
    else:
        cls = _class_of(label, key)
        if cls is None or not _looks_like_name(span, segment, lowercase_words):
            return None

    sent = ent.sent
    evidence = Evidence(
        doc_id=document.id,
        sentence=sent.text.strip(),
        start=segment.start + sent.start_char,
        end=segment.start + sent.end_char,
    )
    doc = span.doc
    surface = doc[title_start:span.end].text if role else span.text
    return Mention(
        text=surface,
        key=key,
        cls=cls,
        start=segment.start + doc[title_start].idx,
        end=segment.start + span.end_char,
        evidence=evidence,
        link=link,
        role=role,
        in_heading=segment.kind == "heading",
        demonym=demonym,
        sentence_initial=span.start == sent.start or all(not t.is_alpha for t in doc[sent.start:span.start]),
    )


def _trim(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "'") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _person_role(span: Span, gazetteer: Gazetteer) -> tuple[Span | None, tuple[str, str | None] | None, int]:
    """Split titles off a person's name: 'Russian President Vladimir Putin' ->
    (Vladimir Putin, ("President", "russia"), index of 'Russian')."""
    doc = span.doc
    start, end = span.start, span.end
    # Titles inside the entity span ("President Putin" tagged as one PERSON).
    title, start = _match_title_forward(doc, start, end)
    if start >= end:
        return None, None, span.start
    # Titles and a country just before it ("Chinese President | Xi Jinping").
    first = start
    i = start
    before_title, i_title = _match_title_backward(doc, span.start)
    if before_title:
        title = title or before_title
        first = i_title
        i = i_title
    elif title:
        first = span.start
    country = None
    if title:
        j = first - 1
        if j >= 0 and doc[j].ent_id_ and (entry := gazetteer.entries.get(doc[j].ent_id_)) and entry.core in ("Country", "Organization"):
            country = entry.id
            # Step back over the whole country name ("United States President").
            while j - 1 >= 0 and doc[j - 1].ent_id_ == doc[j].ent_id_ and doc[j - 1].ent_iob_ != "O" and doc[j].ent_iob_ == "I":
                j -= 1
            first = j
    del i
    name = doc[start:end]
    return name, ((title, country) if title else None), first


def _match_title_forward(doc: Doc, start: int, end: int) -> tuple[str | None, int]:
    title = None
    i = start
    while i < end:
        matched = _title_at(doc, i, end)
        if matched is None:
            break
        title, i = matched
    return title, i


def _match_title_backward(doc: Doc, name_start: int) -> tuple[str | None, int]:
    """A title ending right before ``name_start``: returns (title, index of its first token)."""
    for length in (3, 2, 1):
        first = name_start - length
        if first < 0:
            continue
        words = doc[first:name_start]
        text = " ".join(t.text for t in words).replace(" - ", "-")
        for candidate in TITLES + HONORIFICS:
            if text == candidate or text.replace(" -", "-").replace("- ", "-") == candidate:
                return candidate.rstrip("."), first
    return None, name_start


def _title_at(doc: Doc, i: int, end: int) -> tuple[str, int] | None:
    for length in (3, 2, 1):
        if i + length > end - 1:  # leave at least one token of name
            continue
        text = " ".join(t.text for t in doc[i:i + length])
        for candidate in TITLES + HONORIFICS:
            if text == candidate:
                return candidate.rstrip("."), i + length
    return None


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
    content = [t for t in span if t.is_alpha and t.lower_ not in _CONNECTOR_WORDS]
    if not content:
        return False
    # Capitalised common nouns: the document writes them in lowercase elsewhere.
    if all(t.lower_ in lowercase_words for t in content):
        return False
    if segment.kind == "heading":
        # Headings are title-cased: only spans that are not mostly common words count.
        common = sum(t.lower_ in lowercase_words for t in content)
        if common * 2 >= len(content):
            return False
    return True


def lowercase_vocabulary(document: Document) -> frozenset[str]:
    """Words the document writes in lowercase somewhere (see :func:`extract_mentions`)."""
    return frozenset(w for w in re.findall(r"[^\W\d_]+", document.text) if w.islower())


def find_acronyms(text: str) -> list[Alias]:
    """Acronyms defined in the text: 'Belt and Road Initiative (BRI)' -> BRI = Belt and Road Initiative."""
    aliases = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1).replace(".", "")
        words = re.findall(r"[\w'&-]+", text[: m.start()])[-(2 * len(acronym) + 3):]
        full = _expansion(words, acronym)
        if full:
            aliases.append(Alias(short=m.group(1), full=full))
    return aliases


def _expansion(words: list[str], acronym: str) -> str | None:
    """The shortest run of trailing capitalised words whose initials spell ``acronym``."""
    letters = acronym.upper()
    i = len(words) - 1
    k = len(letters) - 1
    taken: list[str] = []
    while i >= 0 and k >= 0:
        word = words[i]
        if word.lower() in _CONNECTOR_WORDS and taken:
            taken.append(word)
            i -= 1
            continue
        if not (word[:1].isupper() or word[:1].isdigit()) or word[0].upper() != letters[k]:
            return None
        taken.append(word)
        k -= 1
        i -= 1
    if k >= 0:
        return None
    while taken and taken[-1].lower() in _CONNECTOR_WORDS:
        taken.pop()
    return " ".join(reversed(taken)) or None


def segment_mentions(pairs: Iterable[tuple[Segment, Doc]], document: Document,
                     gazetteer: Gazetteer) -> tuple[list[Mention], list[Alias]]:
    """Mentions and acronym definitions of a whole document from its parsed segments."""
    lowercase = lowercase_vocabulary(document)
    mentions: list[Mention] = []
    aliases: list[Alias] = []
    for segment, doc in pairs:
        mentions.extend(extract_mentions(doc, segment, document, gazetteer, lowercase))
        aliases.extend(find_acronyms(segment.text))
    return mentions, aliases
