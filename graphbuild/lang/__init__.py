"""Language packs: every English word the rules use, kept as data in ``lang/en/``.

A pack is a folder of JSON files: ``triggers.json`` (the trigger lexicon of the
relation and event frames, read by :mod:`graphbuild.extract.lexicon`), ``words.json``
(titles, pronouns, descriptions, place nouns, calendar words) and ``furniture.json``
(the page-furniture patterns of ingestion). ``$GRAPHBUILD_LANGUAGE`` names another
pack folder (a copy to experiment with); the default is the English pack shipped
inside the package.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


def language_dir() -> Path:
    """``$GRAPHBUILD_LANGUAGE``, else the English pack of the package."""
    env = os.environ.get("GRAPHBUILD_LANGUAGE")
    return Path(env) if env else _shipped_pack()


@lru_cache(maxsize=1)
def _shipped_pack() -> Path:
    # Resolving the path is a file-system call; the rules ask for the words per mention.
    return Path(__file__).resolve().parent / "en"


def pack_fingerprint(directory: Path) -> str:
    """Hash of every data file of a pack: a change of any word list changes it."""
    h = hashlib.sha256()
    for path in sorted(Path(directory).glob("*.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class Titles:
    leader_titles: frozenset[str]  # titles that make their holder the leader of a country
    title_heads: frozenset[str]  # words that end a title before a name ("minister")
    honorifics: frozenset[str]  # "Mr", "Dr"
    role_nouns: dict[str, str]  # "president" -> "President": a role named by a common noun
    abbreviations: dict[str, str] = field(default_factory=dict)  # "PM" -> "Prime Minister"
    past_markers: frozenset[str] = frozenset()  # "former", "ex-": a role held in the past
    state_forms: frozenset[str] = frozenset()  # "the Republic of X": X is the country


@dataclass(frozen=True)
class Pronouns:
    person: frozenset[str]
    thing: frozenset[str]
    plural: frozenset[str]
    relative: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.person | self.thing | self.plural


@dataclass(frozen=True)
class Words:
    """The word lists of one language pack."""

    titles: Titles
    pronouns: Pronouns
    group_nouns: dict[str, str | None]  # "countries" -> "Country" ("the two countries")
    definite_descriptions: dict[str, str]  # "bloc" -> "Organization" ("the bloc")
    place_nouns: frozenset[str]  # "region": "the Amur region" is a place
    locative_prepositions: frozenset[str]
    motion_verbs: frozenset[str]
    determiners: tuple[str, ...]
    name_connectors: frozenset[str]  # small words inside names ("Bank of China")
    name_heads: dict[str, tuple[str, ...]]  # spaCy label -> head nouns that end a name
    month_pattern: str  # a regular expression matching any month name or abbreviation
    weekdays: tuple[str, ...]  # Monday first, as datetime.weekday() counts
    ongoing_words: frozenset[str]  # "is currently on a visit": the article's month
    recent_words: frozenset[str]  # "a recent visit": the article's year
    visit_nouns: frozenset[str]  # "the visit" refers back to the last visitors
    pair_words: frozenset[str]  # "the two leaders", "both countries"
    definite_determiners: frozenset[str]  # "the bloc", "this alliance"
    example_prepositions: frozenset[str]  # "forums such as X", "countries including X"
    between_prepositions: frozenset[str]  # "trade between X and Y"
    reciprocals: tuple[str, ...]  # "support each other"
    appointing_verbs: frozenset[str]  # "make X a permanent member"
    governing_prepositions: frozenset[str]  # "arrived for talks with X": the verb's subject talks
    direction_nouns: frozenset[str] = frozenset()  # "in the far east of X": a part of X
    comma_stoppers: frozenset[str] = frozenset()  # "Paris, France and ...": a list, not a place
    acronym_skip: frozenset[str] = frozenset()  # words an acronym skips ("of", "the")
    generic_heads: frozenset[str] = frozenset()  # "X Estate" is X
    description_kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # "bloc" -> kinds it fits
    name_heads_of: frozenset[str] = frozenset()  # labels whose names go on after the head ("Hall of the X")
    venue_qualifiers: tuple[str, ...] = ()  # "Expo", "Convention": "X Expo Centre" is a venue
    venue_heads: tuple[str, ...] = ()  # "Centre", "Center"
    alias_markers: tuple[str, ...] = ()  # "X, also known as Y": one thing under two names
    list_openers: frozenset[str] = frozenset()  # "the bloc (A, B, C)", "the bloc: A, B, C"


def _month_pattern(months: list[list[str]]) -> str:
    forms = sorted({f for forms in months for f in forms}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(re.escape(f) for f in forms) + r")\.?"


def load_words(directory: Path) -> Words:
    """Read ``words.json`` of a pack."""
    data = json.loads((Path(directory) / "words.json").read_text(encoding="utf-8"))
    titles, pronouns, places = data["titles"], data["pronouns"], data["places"]
    references, syntax = data["references"], data["syntax"]
    return Words(
        titles=Titles(frozenset(titles["leader_titles"]), frozenset(titles["title_heads"]),
                      frozenset(titles["honorifics"]), dict(titles["role_nouns"]),
                      dict(titles.get("abbreviations", {})), frozenset(titles.get("past_markers", ())),
                      frozenset(titles.get("state_forms", ()))),
        pronouns=Pronouns(*(frozenset(pronouns[k]) for k in ("person", "thing", "plural", "relative"))),
        group_nouns=dict(data["group_nouns"]),
        definite_descriptions=dict(data["definite_descriptions"]),
        place_nouns=frozenset(places["place_nouns"]),
        locative_prepositions=frozenset(places["locative_prepositions"]),
        motion_verbs=frozenset(places["motion_verbs"]),
        determiners=tuple(data["determiners"]),
        name_connectors=frozenset(data["name_connectors"]),
        name_heads={k: tuple(v) for k, v in data["name_heads"].items()},
        month_pattern=_month_pattern(data["calendar"]["months"]),
        weekdays=tuple(data["calendar"]["weekdays"]),
        ongoing_words=frozenset(data["calendar"]["ongoing_words"]),
        recent_words=frozenset(data["calendar"]["recent_words"]),
        visit_nouns=frozenset(references["visit_nouns"]),
        pair_words=frozenset(references["pair_words"]),
        definite_determiners=frozenset(references["definite_determiners"]),
        example_prepositions=frozenset(syntax["example_prepositions"]),
        between_prepositions=frozenset(syntax["between_prepositions"]),
        reciprocals=tuple(syntax["reciprocals"]),
        appointing_verbs=frozenset(syntax["appointing_verbs"]),
        governing_prepositions=frozenset(syntax["governing_prepositions"]),
        direction_nouns=frozenset(places.get("direction_nouns", ())),
        comma_stoppers=frozenset(places.get("comma_stoppers", ())),
        acronym_skip=frozenset(data.get("resolution", {}).get("acronym_skip", ())),
        generic_heads=frozenset(data.get("resolution", {}).get("generic_heads", ())),
        list_openers=frozenset(syntax.get("list_openers", ())),
        name_heads_of=frozenset(data.get("name_heads_of", ())),
        alias_markers=tuple(references.get("alias_markers", ())),
        venue_qualifiers=tuple(data.get("venue_names", {}).get("qualifiers", ())),
        venue_heads=tuple(data.get("venue_names", {}).get("heads", ())),
        description_kinds={k: frozenset(v) for k, v in references.get("description_kinds", {}).items()},
    )


@lru_cache(maxsize=4)
def _words_in(directory: str) -> Words:
    return load_words(Path(directory))


def words() -> Words:
    """The word lists of the current pack, read once per process."""
    return _words_in(str(language_dir()))


def reload() -> None:
    """Forget the word lists read so far (after the pack's files changed)."""
    _words_in.cache_clear()
