"""Titles before a person's name: 'Russian President Vladimir Putin' -> the name
'Vladimir Putin', the title 'President', of Russia; 'the President of Kenya Jane Doe';
a title in lowercase, as some outlets write it ('Peruvian prime minister X')."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge.gazetteer import Gazetteer
from ..lang import words as pack_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Parts of speech that end a title: "As President Putin visits" starts with a conjunction.
FUNCTION_POS = {"ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "VERB", "PART", "ADV", "PUNCT"}


@dataclass(frozen=True)
class PersonTitle:
    """Where a person's name starts after its title, and what the title says."""

    name_start: int  # first token of the name proper
    title_start: int  # first token of the title words (== name_start when none)
    first: int  # first token of the surface form (country or organization included)
    title: str | None  # "Prime Minister", "First Deputy Prime Minister", "Mr"
    of: str | None  # gazetteer id of the country or organization the title is of


def person_title(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> PersonTitle:
    """Split a title off a person's name, inside the entity or just before it:
    'Russian President Vladimir Putin' -> name 'Vladimir Putin', title 'President' of Russia."""
    titles = pack_words().titles
    title_heads, honorifics = titles.title_heads, titles.honorifics
    # Inside the span: "President Putin" tagged as one PERSON.
    i = start
    known = gazetteer.entries.get(doc[start:end].root.ent_id_ or doc[end - 1].ent_id_)
    own = known.label.split()[0] if known is not None and known.core == "Person" else None
    while i < end - 1 and doc[i].text != own and (doc[i].text in honorifics or doc[i].lower_ in title_heads or
                           (doc[i].is_title and i + 1 < end - 1 and doc[i + 1].lower_ in title_heads)):
        i += 1  # not into a known name that starts like a title ('Sheikh Hasina')
    name_start = i
    # Before the span, walking left: the title head, its capitalised qualifiers, a country.
    j = name_start - 1
    if j >= 0 and doc[j].text in honorifics and name_start == start:
        return PersonTitle(name_start, j, j, doc[j].text.rstrip("."), None)
    head_end = name_start
    if name_start == start:
        if j >= 0 and doc[j].lower_ not in title_heads:
            titled = _title_of(doc, name_start, gazetteer)
            if titled is not None:
                return titled
        if j < 0 or doc[j].lower_ not in title_heads:
            return PersonTitle(name_start, start, start, None, None)
        k = j
    else:
        k = start
    # Qualifiers: capitalised words and hyphens ("First Deputy Prime", "Secretary-").
    while k - 1 >= 0 and (doc[k - 1].is_title or doc[k - 1].text == "-" or doc[k - 1].lower_ in title_heads
                          or _completes_a_title(doc[k - 1:head_end])) \
            and not _is_named(doc[k - 1], gazetteer) and (doc[k - 1].text == "-" or doc[k - 1].pos_ not in FUNCTION_POS):
        k -= 1
    while k < head_end and doc[k].text == "-":
        k += 1
    title = _title_text(doc[k:head_end]) if k < head_end else None
    first = k
    of = None
    if k - 1 >= 0 and _is_named(doc[k - 1], gazetteer):
        of = doc[k - 1].ent_id_
        first = k - 1
        while first - 1 >= 0 and doc[first - 1].ent_id_ == of and doc[first].ent_iob_ == "I":
            first -= 1
    elif k - 2 >= 0 and doc[k - 1].lower_ == "'s" and _is_named(doc[k - 2], gazetteer):
        of = doc[k - 2].ent_id_  # "China's President"
        first = k - 2
    if title and title.lower() in ("the",):
        title = None
    return PersonTitle(name_start, k, first, title, of)


def _title_of(doc: Doc, name_start: int, gazetteer: Gazetteer) -> PersonTitle | None:
    """'the President of Kenya Jane Doe', 'Prime Minister of the Republic of Kenya Jane
    Doe': a title, 'of', the country (or its state form), then the name."""
    w = pack_words()
    j = name_start - 1
    if not _is_named(doc[j], gazetteer):
        return None
    of = doc[j].ent_id_
    k = j
    while k - 1 >= 0 and doc[k - 1].ent_id_ == of:
        k -= 1
    k -= 1
    saw_of = False
    while k >= 0 and (doc[k].lower_ in ("of", "the") or doc[k].lower_ in w.titles.state_forms):
        saw_of = saw_of or doc[k].lower_ == "of"
        k -= 1
    if not saw_of or k < 0 or doc[k].lower_ not in w.titles.title_heads:
        return None
    head_end = k + 1
    while k - 1 >= 0 and doc[k - 1].is_title and doc[k - 1].pos_ not in FUNCTION_POS \
            and not _is_named(doc[k - 1], gazetteer):
        k -= 1  # "Prime Minister of ...": the qualifiers of the title head
    return PersonTitle(name_start, k, k, _title_text(doc[k:head_end]), of)


def _completes_a_title(tokens: Span) -> bool:
    """A lowercase word that makes a leader's title of the words after it: 'prime' of
    'prime minister' (outlets that write titles in lowercase: 'Peruvian prime minister X')."""
    leaders = {t.lower() for t in pack_words().titles.leader_titles}
    return tokens.text.lower().replace(" - ", "-") in leaders


def _is_named(token: Token, gazetteer: Gazetteer) -> bool:
    """Part of a gazetteer country or organization (the 'of' of a title)."""
    entry = gazetteer.entries.get(token.ent_id_) if token.ent_id_ else None
    return entry is not None and entry.core in ("Country", "Organization")


def _title_text(tokens: Span) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip().replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    words = text.split()
    abbreviations = pack_words().titles.abbreviations
    # Role titles are capitalised in the graph whatever the article did ("leader",
    # "PRESIDENT" in a lead's capitals).
    return " ".join(abbreviations.get(w, w[:1].upper() + (w[1:].lower() if w.isupper() else w[1:])) for w in words)
