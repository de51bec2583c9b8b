"""Arguments of frames: what a token refers to.

Pure functions over a parsed segment (a :class:`Scope`) and the document's mentions:
a mention under the token, its conjuncts ('Russia and China'), the examples of a
generic noun ('forums such as the UN'), pronouns ('he', 'its', 'their'), role nouns
('the Chinese president'), groups ('the two leaders'), place nouns ('the Amur
region'), definite descriptions ('the bloc') and capital metonymy ('sanctions on
Moscow'). Each returns new :class:`Arg` records; nothing is changed in place.
"""

from __future__ import annotations

import re

from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge.gazetteer import Entry
from ..knowledge.places import is_capital
from ..records import EntryRef, Mention
from .office_holders import office_holders
from .scope import LOOKBACK, Arg, Scope, of_mention
from .syntax import clause_subject, conjuncts, examples, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

def args(scope: Scope, token: Token, thing: bool = False) -> list[Arg]:
    """What ``token`` refers to, with its conjuncts ('Russia and China') and the
    examples of a generic noun ('forums such as the UN and the SCO')."""
    found: list[Arg] = []
    for t in [token, *conjuncts(token)]:
        found.extend(_token_args(scope, t, thing))
    if not found and token.pos_ == "NOUN":
        for example in examples(token, scope.words.example_prepositions):
            for t in [example, *conjuncts(example)]:
                found.extend(_token_args(scope, t, thing))
    unique: dict[tuple, Arg] = {}
    for a in found:
        unique.setdefault(a.ref, a)
    return list(unique.values())


def _token_args(scope: Scope, token: Token, thing: bool) -> list[Arg]:
    """What one token refers to (no conjuncts)."""
    m = scope.mention(token)
    if m is not None:
        return [of_mention(m)]
    words = scope.words
    lower = token.lower_
    if lower in words.pronouns.relative and token.head.dep_ in ("relcl", "acl"):
        return args(scope, token.head.head, thing)
    if token.pos_ == "PRON" or lower in words.pronouns.all:
        return pronoun(scope, token)
    if token.pos_ in ("NOUN", "PROPN"):
        if token.lemma_.lower() in words.visit_nouns and not any(
                c.dep_ in ("poss", "prep") for c in token.children):
            # "The visit ... is scheduled to include talks": the visitor.
            return last_visitors(scope, scope.offset(token))
        # "the Chinese president", "the two leaders", "the Amur region", "the bloc".
        for describe in DESCRIPTIONS:
            found = describe(scope, token)
            if found:
                return found
        # Appositions and compounds: "the host, China"; things of a country:
        # "Russian oil", "Chinese goods".
        for child in token.children:
            if child.dep_ == "appos":
                m = scope.mention(child)
                if m is not None:
                    return [of_mention(m), *appositive_conjuncts(scope, child, m.cls)]
        if thing:
            owners = []
            for child in token.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod"):
                    m = scope.mention(child)
                    if m is not None and (m.cls in ("Country", "Organization") or capital(scope, m)):
                        owners.append(of_mention(m))
            if owners:
                return owners
    return []


def appositive_conjuncts(scope: Scope, appos: Token, cls: str) -> list[Arg]:
    """'her counterpart Jane Doe, President John Roe and envoy Ann Poe': the names
    coordinated with the first one, of its class."""
    found = []
    for t in conjuncts(appos):
        m = scope.mention(t)
        if m is not None and m.cls == cls and not m.demonym:
            found.append(of_mention(m))
    return found


def pronoun(scope: Scope, token: Token) -> list[Arg]:
    pronouns = scope.words.pronouns
    lower = token.lower_
    offset = scope.offset(token)
    if lower in pronouns.person:
        return (previous_subject(scope, token) or clause_person(scope, token) or main_subject(scope, token)
                or antecedent(scope, offset, ("Person",)))
    if lower in pronouns.thing:
        # "China ... to its province": the clause's subject first, then the nearest.
        subject = clause_subject(token)
        if subject is not None and subject.i < token.i:
            m = scope.mention(subject)
            if m is not None and m.cls in ("Country", "Organization") and not m.demonym:
                return [of_mention(m, indirect=True)]
            if m is None and subject.pos_ == "NOUN":
                return []  # "for China-Russia trade to match its trade": 'its' is the trade
        return antecedent(scope, offset, ("Country", "Organization"))
    if lower in pronouns.plural:
        # "Both countries have used their veto"; "The two leaders agreed ... after they spoke"
        earlier = [t for t in reversed(token.doc[token.sent.start:token.i]) if t.dep_ in ("nsubj", "nsubjpass")]
        for subject in [clause_subject(token), *earlier]:
            if subject is not None and subject.i < token.i and subject.tag_ in ("NNS", "NNPS"):
                group = args(scope, subject)
                if len(group) >= 2:
                    return [replace(a, indirect=True) for a in group]
        pair = coordinated_pair(scope, token)
        return pair or last_two(scope, offset, None)
    return []


def previous_subject(scope: Scope, token: Token) -> list[Arg]:
    """'A met B, C and D. During his meeting with C, ...': a pronoun in a phrase before
    its clause's subject refers to the person the previous sentence is about (its
    subject), not to the last name read."""
    subject = clause_subject(token)
    if subject is None or subject.i < token.i:
        return []
    sent = token.sent
    if sent.start == 0:
        return []
    previous = token.doc[sent.start - 1].sent
    for t in previous:
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT":
            m = scope.mention(t)
            if m is not None and m.cls == "Person" and not m.demonym:
                return [of_mention(m, indirect=True)]
    return []


def main_subject(scope: Scope, token: Token) -> list[Arg]:
    """'X was received by Y as he reached Z': the subject of an adverbial clause is the
    person its main clause is about (its subject), not the last name read."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "advcl":
        return []
    for t in clause.head.children:
        if t.dep_ in ("nsubj", "nsubjpass") and t.i < token.i:
            m = scope.mention(t)
            if m is not None and m.cls == "Person" and not m.demonym:
                return [of_mention(m, indirect=True)]
    return []


def clause_person(scope: Scope, token: Token) -> list[Arg]:
    """'X spoke with Y about his plans': a possessive refers to the person its clause
    is about (the subject) before any person named in between."""
    if token.dep_ != "poss":
        return []
    subject = clause_subject(token)
    if subject is None or subject.i >= token.i:
        return []
    if any(t.host_is == "subject" for t in scope.lexicon.verbs.get(subject.head.lemma_.lower(), ())):
        # "X welcomed Y after his arrival": a host's clause is about its guest
        guest = next((scope.mention(c) for c in subject.head.children if c.dep_ == "dobj" and c.i < token.i), None)
        if guest is not None and guest.cls == "Person":
            return [of_mention(guest, indirect=True)]
    m = scope.mention(subject)
    if m is None and subject.pos_ in ("NOUN", "PROPN"):
        # "Keeper of the Royal Seal King X met Y after his arrival": the subject is a
        # title; the person is named inside its phrase
        m = next((p for t in subject.subtree if t.i < token.i and (p := scope.mention(t)) is not None
                  and p.cls == "Person" and not p.demonym), None)
    if m is not None:
        return [of_mention(m, indirect=True)] if m.cls == "Person" else []
    if subject.lower_ in scope.words.pronouns.person and subject.dep_ != "poss":
        return antecedent(scope, scope.offset(subject), ("Person",))
    return []


def coordinated_pair(scope: Scope, token: Token) -> list[Arg]:
    """'their' next to 'Russia and China' in the same sentence."""
    for t in token.sent:
        if t.i == token.i or not t.conjuncts:
            continue
        m = scope.mention(t)
        if m is None or m.demonym:
            continue
        group = args(scope, t)
        if len(group) >= 2 and len({a.cls for a in group}) == 1:
            return [replace(a, indirect=True) for a in group]
    return []


def antecedent(scope: Scope, offset: int, classes: tuple[str, ...]) -> list[Arg]:
    for m in scope.index.before(offset):
        if m.cls in classes and not m.demonym:
            return [of_mention(m, indirect=True)]
        if offset - m.start > LOOKBACK:
            break
    return []


def last_visitors(scope: Scope, offset: int) -> list[Arg]:
    for ev in reversed(scope.events):
        if ev.cls == "Visit" and ev.evidence.start <= offset:
            return [Arg(ref, "Person", indirect=True) for ref in ev.participants]
    return []


def last_two(scope: Scope, offset: int, cls: str | None) -> list[Arg]:
    """'the two countries', 'both leaders', 'they': the last two distinct entities."""
    if cls == "Person":
        return _most_named_two(scope, offset)
    seen: dict[str, Mention] = {}
    for m in scope.index.before(offset):
        if m.demonym or (cls and m.cls != cls) or (cls is None and m.cls not in ("Person", "Country")):
            continue
        key = m.link or m.key
        if key not in seen:
            if seen and cls is None and next(iter(seen.values())).cls != m.cls:
                continue
            seen[key] = m
        if len(seen) == 2:
            return [of_mention(x, indirect=True) for x in seen.values()]
        if offset - m.start > LOOKBACK:
            break
    return []


def _most_named_two(scope: Scope, offset: int) -> list[Arg]:
    """'the two leaders': the two people the article has named most so far (a surname
    alone counts), the first named first on a tie. News calls its main pair so, the pair
    of its lead; the last two names may be a third person's in a clause on the way
    ('after remarks by X, the two leaders ...')."""
    text = scope.document.text[:offset]
    people: dict[str, Mention] = {}
    for m in scope.index.before(offset):
        if m.cls == "Person" and not m.demonym:
            people[m.link or m.key] = m  # ends on each person's first mention
    if len(people) < 2:
        return []
    named = {key: len(re.findall(rf"\b{re.escape(m.key.split()[-1])}\b", text)) for key, m in people.items()}
    top = sorted(people, key=lambda key: (-named[key], people[key].start))[:2]
    return [of_mention(people[key], indirect=True) for key in top]


def role_noun(scope: Scope, token: Token) -> list[Arg]:
    """'the Chinese president', 'the Russian leader': the person in the document who
    holds that role, nearest before."""
    titles = scope.words.titles
    title = titles.role_nouns.get(token.lower_)
    if title is None or token.ent_type_:
        return []
    country = None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss"):
            m = scope.mention(child)
            if m is not None and m.cls in ("Country", "Organization"):
                country = m.link
    if country is None:
        return []
    for m in scope.index.before(scope.offset(token)):
        if m.cls != "Person":
            continue
        if m.role and m.role[1] == country:
            return [of_mention(m, indirect=True)]
        entry = scope.gazetteer.entries.get(m.link) if m.link else None
        if entry and any(r.of == country and r.title in titles.leader_titles for r in entry.roles):
            return [of_mention(m, indirect=True)]
    return []


def group_noun(scope: Scope, token: Token) -> list[Arg]:
    """'the two countries', 'both leaders'."""
    group_nouns = scope.words.group_nouns
    if token.lower_ not in group_nouns:
        return []
    numbers = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet", "amod")}
    if not numbers & scope.words.pair_words:
        return []
    return last_two(scope, scope.offset(token), group_nouns[token.lower_])


def named_place(scope: Scope, token: Token) -> list[Arg]:
    """'the Amur region', 'the city of Debrecen': the name inside a place noun."""
    if token.lower_ not in scope.words.place_nouns:
        return []
    for child in token.children:
        if child.dep_ in ("compound", "nmod"):
            m = scope.mention(child)
            if m is not None and m.cls == "Place":
                return [of_mention(m)]
    for t in prep_objects(token, ("of",)):
        m = scope.mention(t)
        if m is not None and m.cls == "Place":
            return [of_mention(m)]
    return []


def definite(scope: Scope, token: Token) -> list[Arg]:
    """'the bloc', 'the alliance', 'the organisation': the nearest organization
    named before (lower confidence)."""
    cls = scope.words.definite_descriptions.get(token.lemma_.lower())
    if cls is None or token.tag_ != "NN":
        return []
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    if not determiners & scope.words.definite_determiners:
        return []
    if any(c.dep_ in ("compound", "amod", "prep", "nmod") and scope.mention(c) for c in token.children):
        return []
    return described(scope, token, cls)


def described(scope: Scope, token: Token, cls: str) -> list[Arg]:
    """The antecedent of 'the bloc': the nearest organization before that the text
    itself calls a bloc ('the X bloc'), else the nearest of a kind that fits the noun
    (a bloc is made of states: no company, party or government office)."""
    lemma = token.lemma_.lower()
    kinds = scope.words.description_kinds.get(lemma)
    offset = scope.offset(token)
    fitting: Mention | None = None
    for m in scope.index.before(offset):
        if offset - m.start > LOOKBACK:
            break
        entry = scope.gazetteer.entries.get(m.link) if m.link else None
        if m.cls != cls or m.demonym or (entry and entry.cls == "Bloc"):
            continue
        if called(scope, m, lemma):
            return [of_mention(m, indirect=True)]
        if fitting is None and (kinds is None or (entry.cls if entry else m.cls) in kinds):
            fitting = m
    for m in scope.index.mentions:
        # "the bloc" may come back to a name the headline gave: "the X bloc" anywhere before.
        if m.start >= offset:
            break
        if m.cls == cls and called(scope, m, lemma):
            return [of_mention(m, indirect=True)]
    return [of_mention(fitting, indirect=True)] if fitting is not None else []


def called(scope: Scope, m: Mention, lemma: str) -> bool:
    """The text names ``m`` with the noun: 'the X bloc', 'the X group of ...'."""
    text = scope.document.text
    after = text[m.end:m.end + len(lemma) + 2].lower().split()
    return bool(after) and after[0].strip(",.;:") in (lemma, lemma + "s")


def role_apposition(scope: Scope, token: Token) -> list[Arg]:
    """'the president of Kenya, Jane Doe': the person the parse hangs on the country."""
    if token.lower_ not in scope.words.titles.role_nouns:
        return []
    for t in prep_objects(token, ("of",)):
        for c in t.children:
            m = scope.mention(c) if c.dep_ == "appos" else None
            if m is not None and m.cls == "Person":
                return [of_mention(m)]
    return []


#: Descriptions tried in turn on a common noun that names no entity itself.
DESCRIPTIONS = (role_noun, role_apposition, office_holders, group_noun, named_place, definite)


def capital_entry(scope: Scope, link: str | None) -> Entry | None:
    """The gazetteer entry of a capital city (by GeoNames), or None: only a capital
    stands for its state ('Moscow's position'); another city ('Shanghai') does not."""
    entry = scope.gazetteer.entries.get(link) if link else None
    if entry is None or entry.cls != "City" or not entry.country:
        return None
    country = scope.gazetteer.entries.get(entry.country)
    return entry if country is not None and is_capital(entry.names, country.label) else None


def capital(scope: Scope, m: Mention) -> bool:
    """A capital city the gazetteer places in a country: it may stand for its state
    ('Lima's position')."""
    return m.cls == "Place" and capital_entry(scope, m.link) is not None


def metonym(scope: Scope, a: Arg, allowed: tuple[str, ...]) -> Arg:
    """A capital standing for its state ('sanctions on Moscow') when a place does
    not fit the slot but a country does."""
    if a.cls in allowed or a.cls != "Place" or "Country" not in allowed or len(a.ref) != 2:
        return a
    m = scope.index.at(a.ref[0])
    entry = capital_entry(scope, m.link) if m is not None else None
    if entry is None:
        return a
    return Arg(EntryRef.of(entry.country), "Country", indirect=True)
