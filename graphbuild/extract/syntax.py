"""Dependency-parse helpers: subjects, prepositional objects, conjuncts, governors.

Pure functions over spaCy tokens, shared by the relation and event frames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Collection, Iterable, Iterator

from ..lang import words

if TYPE_CHECKING:
    from spacy.tokens import Token


def examples(token: Token, prepositions: Collection[str]) -> list[Token]:
    """'forums such as X', 'organizations like X', 'countries including X'."""
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def conjuncts(token: Token) -> list[Token]:
    return [t for t in token.conjuncts if t.i > token.i]


def governors(token: Token) -> Iterator[Token]:
    """The chain of heads up to the clause root (and through xcomp/ccomp to the main verb)."""
    t = token
    for _ in range(8):
        if t.head is t:
            return
        t = t.head
        yield t


def clause_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above ``token`` that has one."""
    t = token
    for _ in range(10):
        if t.pos_ in ("VERB", "AUX") or is_verbal(t):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return c
        if t.head is t:
            return None
        t = t.head
    return None


VERBAL_DEPS = {"ROOT", "advcl", "xcomp", "ccomp", "relcl", "conj", "pcomp"}


def is_verbal(token: Token) -> bool:
    """A verb, or a token the tagger called a noun that heads a clause with its own
    subject ('As Putin and Xi meet in China')."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ in VERBAL_DEPS and token.tag_ in ("NN", "NNS", "VBP") and any(
        c.dep_ == "nsubj" for c in token.children)


def verb_subjects(verb: Token) -> list[Token]:
    """Grammatical subject of ``verb``, climbing through xcomp ('set to visit'), verb
    coordination ('arrived in X and met Y') and a clause after a preposition ('before
    meeting Y'); a relative clause's subject is its head."""
    t = verb
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and t is not verb)]
        # "X did, after all, meet Y": the parser hangs the subject on the auxiliary
        subs = subs or [c for a in t.children if a.dep_ == "aux" for c in a.children if c.dep_ == "nsubj"]
        if subs:
            return subs
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head  # "X was greeted before meeting Y": X meets Y
            continue
        if t.dep_ == "acl" and t.head.lower_ in words().purpose_nouns and t.head.dep_ == "pobj":
            verb_above = _verb_above(t.head)  # "X arrived (after a flight) in order to meet Y": X meets Y
            if verb_above is not None:
                t = verb_above
                continue
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN"):
            return [t.head] if t.dep_ == "relcl" else []
        return []
    return []


def _verb_above(token: Token, hops: int = 5) -> Token | None:
    """The verb a phrase hangs from, through prepositions and nouns ('arrived after a
    flight in order to')."""
    t = token
    for _ in range(hops):
        if t.head is t:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.dep_ not in ("prep", "pobj"):
            return None
    return None


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    preps = set(preps)
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "dobj" and "dobj" in preps:
            found.append(child)
        elif child.dep_ == "prt" and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def between_objects(token: Token, prepositions: Collection[str]) -> list[Token]:
    """'between Russia and China': the objects of ``prepositions``."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            return [c for c in child.children if c.dep_ == "pobj"]
    return []


def hyphen_pair(token: Token) -> list[Token]:
    """'China-Russia trade': the two names joined by a hyphen before the noun."""
    doc = token.doc
    left = [t for t in doc[max(token.i - 6, token.sent.start):token.i]]
    for i in range(len(left) - 2):
        if left[i + 1].text in ("-", "\u2013") and left[i].pos_ == "PROPN" and left[i + 2].pos_ == "PROPN":
            return [left[i], left[i + 2]]
    return []
