"""What the per-document work needs in every process: the rules (gazetteer and
trigger lexicon) and the spaCy pipeline, loaded once per process for the same model
and data files. Shared by the local build (:mod:`.pipeline`), its worker processes
(:mod:`.worker`) and the Dask workers (:mod:`.cluster`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..extract.candidates import LemmaTables, cue_words, lemma_tables, may_yield_facts
from ..extract.lexicon import Lexicon, load_lexicon
from ..knowledge.gazetteer import Gazetteer, load_gazetteer
from ..lang import language_dir, refresh, words
from ..nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: A progress callback: (done, total, name of the last item).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Rules:
    gazetteer: Gazetteer
    lexicon: Lexicon


@dataclass(frozen=True)
class Resources:
    """The rules and the spaCy pipeline that parses for them."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    nlp: Language
    cues: frozenset[str] = frozenset()
    lemmas: LemmaTables = LemmaTables()

    def may_yield_facts(self, doc: Doc) -> bool:
        """Whether ``doc`` (after the entity pass) is worth parsing (:mod:`..extract.candidates`)."""
        return may_yield_facts(doc, self.cues, self.lemmas)


class OntologyError(ValueError):
    """The ontology folder cannot give the rules: no gazetteer/, or a bad row in it."""


def load_rules(ontology: str | Path) -> Rules:
    """The gazetteer of ``ontology`` and the lexicon of the current language pack.
    Without a gazetteer/ folder the build would lose most entities and relations
    without a word: :class:`OntologyError` instead, as for a bad gazetteer file."""
    refresh()
    folder = Path(ontology) / "gazetteer"
    if not folder.is_dir():
        raise OntologyError(f"{ontology}: no gazetteer/ folder (the entity lists: people, countries, places, "
                            "organizations); give a folder that has one, as the shipped ontology/ does")
    try:
        gazetteer = load_gazetteer(folder)
    except UnicodeDecodeError as exc:
        raise OntologyError(f"{folder}: a file is not UTF-8 text ({exc.reason})") from None
    except ValueError as exc:
        raise OntologyError(str(exc)) from None
    if not gazetteer.entries:
        raise OntologyError(f"{folder}: holds no entries (people.tsv, countries.tsv, places.tsv, ... are missing "
                            "or empty)")
    return Rules(gazetteer, load_lexicon(language_dir()))


_LOADED: dict[tuple, Resources] = {}


def load_resources(model: str, ontology: str) -> Resources:
    """Gazetteer, lexicon and spaCy pipeline, loaded once per process for the same model
    and the same data files (a notebook calling build() again pays nothing)."""
    rules = load_rules(ontology)
    key = (model, rules.gazetteer.fingerprint, rules.lexicon.fingerprint)
    if key not in _LOADED:
        _LOADED.clear()  # one pipeline at a time: each holds a few hundred MB
        nlp = load_pipeline(model, rules.gazetteer)
        _LOADED[key] = Resources(rules.gazetteer, rules.lexicon, nlp, cue_words(rules.lexicon, words()),
                                 lemma_tables(nlp))
    return _LOADED[key]
