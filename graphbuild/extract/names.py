"""Names as real news pages write them: the shape rules that keep page fragments out
of the entities (a name cut on a small word, a menu word glued to a name, a common
acronym), that make whole names of cut ones (a place cut at a hyphen, a facility
named after its town), that find names the model missed after a title, and second
names ("also known as"). Pure functions over a parsed segment; English words come
from the language pack.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from ..knowledge.gazetteer import Gazetteer
from ..lang import words as pack_words
from ..knowledge.places import is_known_place
from ..records import Alias, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: An acronym in brackets: "(BRI)", "(U.N.)".
ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{0,9}[A-Z])s?\s*\)")
#: A name the model missed after a title is two to four capitalised words.
TITLED_NAME_WORDS = (2, 4)


def with_place_name(ent: Span) -> Span:
    """'the Lagos State Central Hospital' where 'Lagos' is a known place: the facility's
    name begins with the place that modifies it."""
    doc = ent.doc
    if ent.label_ != "FAC" or ent.start == 0:
        return ent
    before = doc[ent.start - 1]
    if before.ent_type_ not in ("GPE", "LOC") or before.dep_ != "compound" or before.head not in ent:
        return ent
    first = ent.start - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    from spacy.tokens import Span

    return Span(doc, first, ent.end, label="FAC")


def described_event(token: Token) -> bool:
    """A common noun inside an event the model named ('the X-Y war', 'the war in X'):
    a description whose words still name the countries and trigger frames."""
    return token.ent_type_ == "EVENT" and token.is_lower and token.pos_ == "NOUN"


#: Marks after which a quotation starts with a capital whatever the word.
QUOTE_OPENERS = ('"', "'", "\u201c", "\u2018")


def opens_quote(doc: Doc, i: int) -> bool:
    """The first word of a quotation ('he said: "Tomorrow we ...'): capitalised as any
    sentence start is."""
    return i > 0 and doc[i - 1].text in QUOTE_OPENERS and (i < 2 or not doc[i - 2].is_alpha)


def hyphen_place(span: Span) -> Span:
    """A name the model cut at a hyphen ('Stratford' of 'Stratford-upon-Avon'): the
    hyphenated whole when it is a known place."""
    doc = span.doc
    end = span.end
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-" \
            and doc[end].whitespace_ == "" and doc[end + 1].is_alpha:
        end += 2
    if end == span.end or not is_known_place(doc[span.start:end].text):
        return span
    return doc[span.start:end]


def cut_fragment(doc: Doc, start: int, end: int) -> Span | None:
    """A span that runs on into a locative preposition ('the Grand Palace in') loses
    it; one that ends on another small word ('Bank of', 'Council of the') is a name
    cut short and no name at all."""
    w = pack_words()
    while end - start > 1 and doc[end - 1].lower_ in w.locative_prepositions:
        end -= 1
    if start >= end:
        return None
    last = doc[end - 1]
    if last.lower_ in w.name_connectors or last.lower_ in w.determiners or last.pos_ in ("ADP", "DET", "CCONJ"):
        return None
    return doc[start:end]


_GLUED = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]+)$")


def glued(span: Span, gazetteer: Gazetteer) -> bool:
    """A menu word glued to a name by a scraper ('SportsKenya'): a capitalised word
    run into a name the gazetteer knows is no name of its own."""
    for token in span:
        m = _GLUED.match(token.text)
        if m and (gazetteer.lookup(m.group(2)) is not None or is_known_place(m.group(2))):
            return True
    return False


def common_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text defines with lowercase words ('liquefied petroleum gas
    (LPG)'): a thing of a kind, not a name."""
    skip = pack_words().acronym_skip
    found = set()
    for m in ACRONYM.finditer(text):
        acronym = m.group(1).replace(".", "")
        words = re.findall(r"[\w'&-]+", text[: m.start()])[-(2 * len(acronym) + 3):]
        content: list[str] = []
        for word in reversed(words):
            if not word.islower():
                break
            if word not in skip:
                content.append(word)
            if len(content) == len(acronym):
                break
        if len(content) == len(acronym) and "".join(w[0] for w in reversed(content)) == acronym.lower():
            found.add(m.group(1))
    return frozenset(found)


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of|the|de|[A-Z][\w'’.-]*)){0,5}"


def find_aliases(text: str) -> list[Alias]:
    """Second names the text gives: 'Freedom Square, also known as Central Square' ->
    one place under both names."""
    markers = "|".join(re.escape(m) for m in pack_words().alias_markers)
    if not markers:
        return []
    found = []
    for m in re.finditer(rf"({_NAME})\s*,?\s*\(?\s*(?:{markers})\s+(?:the\s+)?({_NAME})", text):
        first, second = m.group(1).strip(), m.group(2).strip()
        if first.split()[0].lower() in pack_words().determiners:
            first = " ".join(first.split()[1:])
        if first and second and first != second:
            found.append(Alias(short=second, full=first))
    return found


def titled_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """People the model missed after a title: 'PM Jane Doe', 'President of the Republic
    of X Jane Doe' (two to four capitalised words no other name covers)."""
    from spacy.tokens import Span

    w = pack_words()
    heads = w.titles.title_heads
    stop = heads | {h.lower() for hs in w.name_heads.values() for h in hs} | w.place_nouns
    found: list[Span] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.lower_ not in heads or not (t.is_title or t.is_upper) or t.ent_type_:
            i += 1
            continue
        j = i + 1
        if j < len(doc) and doc[j].lower_ == "of":
            j += 1
            while j < len(doc) and (doc[j].lower_ in ("of", "the") or doc[j].lower_ in w.titles.state_forms):
                j += 1
            entry = gazetteer.entries.get(doc[j].ent_id_) if j < len(doc) and doc[j].ent_id_ else None
            if entry is None or entry.core not in ("Country", "Organization"):
                i += 1
                continue
            link = doc[j].ent_id_
            while j < len(doc) and doc[j].ent_id_ == link:
                j += 1
        k = j
        while k < len(doc) and k - j < TITLED_NAME_WORDS[1] and doc[k].is_alpha and doc[k].is_title \
                and doc[k].lower_ not in stop and not doc[k].ent_id_ and doc[k].ent_type_ not in ("PERSON", "DATE"):
            k += 1
        if k - j >= TITLED_NAME_WORDS[0] and (k == len(doc) or not (doc[k].is_title and doc[k].is_alpha)):
            found.append(Span(doc, j, k, label="PERSON"))
        i = max(k, i + 1)
    return found


def joined_names(ents: list[Span], names_of: Callable[[str], tuple[str, ...]] = lambda _: ()) -> list[Span]:
    """One name the model split in two ('Ri' + 'Song Chol'): adjacent unlinked spans of
    places or names that no gazetteer or place list knows are one name; in a list of
    people it is a person. ``names_of`` gives the full names of a gazetteer id: a given
    name before a known surname joins it only when it is another person's."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and not prev.ent_id_ and (not ent.ent_id_ or _given_name(
                prev, ent, names_of(ent.ent_id_))) and prev.label_ in ("GPE", "LOC", "PERSON") and ent.label_ in ("GPE", "LOC", "PERSON") \
                and prev.doc[prev.end - 1].whitespace_ and not is_known_place(prev.text) \
                and not is_known_place(ent.text):
            label = "PERSON" if "PERSON" in (prev.label_, ent.label_) else None
            if label is None:
                label = "PERSON" if _beside_person(ents, prev.start, ent.end) else ent.label_
            out[-1] = Span(ent.doc, prev.start, ent.end, label=label)
            continue
        out.append(ent)
    return out


def _given_name(prev: Span, ent: Span, known: tuple[str, ...]) -> bool:
    """A person's given name the model split from a surname the gazetteer knows ('Melania'
    + 'Trump'): the two are another person than the surname's bearer. The bearer's own
    given name ('Fumio' + 'Kishida') is left apart: the surname keeps its link."""
    return (prev.label_ == "PERSON" and ent.label_ == "PERSON" and len(ent) == 1
            and another_given_name(f"{prev[-1].text} {ent.text}", known))


def with_given_names(ents: list[Span], title_words: frozenset[str], honorifics: frozenset[str]) -> list[Span]:
    """``ents`` with a known surname the model tagged alone ('Trump' of 'Ivanka Trump')
    taken with the capitalised given name before it that no entity holds: a relative
    of the person the gazetteer knows is another person. A title before the surname
    ('President Trump', 'Secretary of State Rubio') is no given name."""
    from spacy.tokens import Span

    out = []
    for ent in ents:
        if ent.label_ == "PERSON" and ent.ent_id_ and len(ent) == 1 and ent.start > 0:
            before = ent.doc[ent.start - 1]
            if before.pos_ == "PROPN" and before.is_title and not before.ent_type_ and before.whitespace_ \
                    and before.lower_ not in title_words and before.text not in honorifics:
                ent = Span(ent.doc, ent.start - 1, ent.end, label="PERSON")
        out.append(ent)
    return out


def another_given_name(name: str, known: tuple[str, ...]) -> bool:
    """``name`` gives the surname of a person known by the full names ``known`` a given
    name none of them begins with ('Ivanka Trump' beside 'Donald Trump'; 'Sergei Lavrov'
    is 'Sergey Lavrov')."""
    words = name.split()
    full = [n.split() for n in known if len(n.split()) >= 2]
    if len(words) < 2 or not any(w[-1] == words[-1] for w in full):
        return False
    return all(w[0][:1].lower() != words[0][:1].lower() for w in full)


def _beside_person(ents: list[Span], start: int, end: int) -> bool:
    """A list item next to a person ('A, B and C' where B is a person)."""
    for e in ents:
        between = e.doc[e.end:start] if e.end <= start else e.doc[end:e.start]
        if e.label_ == "PERSON" and len(between) <= 2 and all(t.text == "," or t.lower_ == "and" for t in between) \
                and len(between) >= 1:
            return True
    return False


def people_by_surname(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a lone surname the model typed as a place or an organisation
    ('sitting opposite Niinistö') made the person whose full name the same article
    gives ('Sauli Niinistö'); a surname two people of the article share, a gazetteer
    name or a known place stays as it is."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        words = m.key.split()
        if m.cls == "Person" and (len(words) >= 2 or m.link):
            # a linked person written by one name ('Prime Minister Sheikh Hasina', the
            # title taking 'Sheikh') owns that name too
            owners.setdefault(words[-1], set()).add(m.link or m.key)
    out = []
    for m in mentions:
        people = owners.get(m.key, ())
        if (m.cls in ("Place", "Organization") and not m.link and not m.demonym and " " not in m.key
                and len(people) == 1 and not is_known_place(m.text)):
            m = replace(m, cls="Person")
        out.append(m)
    return out


def find_acronyms(text: str) -> list[Alias]:
    """Acronyms defined in the text: 'Belt and Road Initiative (BRI)' -> BRI = Belt and Road Initiative."""
    aliases = []
    for m in ACRONYM.finditer(text):
        acronym = m.group(1).replace(".", "")
        words = re.findall(r"[\w'&-]+", text[: m.start()])[-(2 * len(acronym) + 3):]
        full = _expansion(words, acronym)
        if full:
            aliases.append(Alias(short=m.group(1), full=full))
    return aliases


def _expansion(words: list[str], acronym: str) -> str | None:
    """The shortest run of trailing capitalised words whose initials spell ``acronym``."""
    connectors = pack_words().name_connectors
    letters = acronym.upper()
    i = len(words) - 1
    k = len(letters) - 1
    taken: list[str] = []
    while i >= 0 and k >= 0:
        word = words[i]
        if word.lower() in connectors and taken:
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
    while taken and taken[-1].lower() in connectors:
        taken.pop()
    return " ".join(reversed(taken)) or None


def as_defined(mentions: list[Mention], aliases: list[Alias], lookup: Callable[[str], object]) -> list[Mention]:
    """An acronym the article defines names what it defines there: 'the Cultural Center
    of the Philippines (CCP)' unlinks 'CCP' from the party the gazetteer knows by it
    (``lookup`` gives the gazetteer entry of a name, or None)."""
    defined = {a.short: lookup(a.full) for a in aliases if a.short.isupper()}
    return [replace(m, link=None) if m.link and m.text in defined and getattr(
        defined[m.text], "id", None) != m.link else m for m in mentions]
