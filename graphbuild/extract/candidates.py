"""Which segments can yield a fact, read from the entity pass alone (no parse).

Facts come from the dependency parse, and the parse is what costs: the tagger,
parser and lemmatizer need only run on segments where a rule could fire. A rule
needs an entity, a trigger word of the lexicon, or a title ("President ..." names
a person even where the model tagged nothing). A segment with none of them gives no
mention, relation or event whatever its parse, so it is left unparsed.

Triggers are keyed by lemma, and there is no lemma before the parse: a word counts
when any of its lemmatizer candidates (every suffix rule and exception of the
model's own lemmatizer tables, for every part of speech) is a trigger. That is a
superset of the lemma the lemmatizer will choose, so no trigger is missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..lang import Words
    from .lexicon import Lexicon


@dataclass(frozen=True)
class LemmaTables:
    """The suffix rules and irregular forms of a rule lemmatizer, every part of speech."""

    rules: tuple[tuple[str, str], ...] = ()
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def candidates(self, form: str) -> set[str]:
        """Every lemma the lemmatizer could give ``form`` (lowercase), ``form`` itself included."""
        found = {form}
        for old, new in self.rules:
            if form.endswith(old) and len(form) > len(old):
                found.add(form[: len(form) - len(old)] + new)
        found.update(self.exceptions.get(form, ()))
        return found


def lemma_tables(nlp) -> LemmaTables:
    """The tables of ``nlp``'s lemmatizer (empty for a pipeline without one: then a word
    counts by its own form, and every segment with a letter of a trigger is parsed)."""
    if "lemmatizer" not in nlp.pipe_names:
        return LemmaTables()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_rules"):
        return LemmaTables()
    rules = sorted({(old, new) for table in lookups.get_table("lemma_rules").values() for old, new in table})
    exceptions: dict[str, set[str]] = {}
    if lookups.has_table("lemma_exc"):
        for table in lookups.get_table("lemma_exc").values():
            for form, lemmas in table.items():
                exceptions.setdefault(form, set()).update(lemmas)
    return LemmaTables(tuple(rules), {k: tuple(sorted(v)) for k, v in exceptions.items()})


def cue_words(lexicon: Lexicon, words: Words) -> frozenset[str]:
    """The lowercase lemmas and words that let a rule fire without an entity: triggers,
    event nouns, titles, role nouns and honorifics."""
    cues: set[str] = set(lexicon.verbs) | set(lexicon.nouns) | set(lexicon.event_nouns)
    t = words.titles
    for phrase in (*t.leader_titles, *t.title_heads, *t.honorifics, *t.role_nouns, *t.abbreviations):
        cues.update(phrase.lower().replace(".", " ").split())
    return frozenset(cues)


def may_yield_facts(doc: Doc, cues: frozenset[str], tables: LemmaTables) -> bool:
    """True unless ``doc`` (after the entity pass) has no entity and no cue word."""
    if doc.ents:
        return True
    return any(_is_cue(token.lower_, cues, tables) for token in doc if token.is_alpha)


def _is_cue(form: str, cues: frozenset[str], tables: LemmaTables) -> bool:
    return form in cues or not cues.isdisjoint(tables.candidates(form))


def parsed_share(flags: Iterable[bool]) -> float:
    """The share of segments that were parsed (1.0 for none)."""
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 1.0
