"""Language packs: the English words of the rules, kept as data in ``lang/en/``.

A pack is a folder of JSON files: ``triggers.json`` (the trigger lexicon of the
relation and event frames, read by :mod:`graphbuild.extract.lexicon`), ``words.json``
(titles, pronouns, descriptions, place nouns, calendar words), ``furniture.json``
(the page-furniture patterns of ingestion), ``names.json`` (what is never a name) and
``place_weights.json`` and ``participant_weights.json`` (the fitted scorings of
extract/place_scores.py and extract/participant_scores.py, written by
benchmarks/fit_place_weights.py and benchmarks/fit_participant_weights.py). ``$GRAPHBUILD_LANGUAGE`` names another
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


@lru_cache(maxsize=1)
def _english() -> str:
    return str(Path(__file__).resolve().parent / "en")


def language_dir() -> Path:
    """``$GRAPHBUILD_LANGUAGE``, else the English pack of the package."""
    env = os.environ.get("GRAPHBUILD_LANGUAGE")
    return Path(env or _english())


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
    counterpart_nouns: frozenset[str] = frozenset()  # "her Kenyan counterpart X": X holds her office


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
    office_nouns: dict[str, str]  # "ministers" -> "minister" ("the foreign ministers of A and B")
    place_nouns: frozenset[str]  # "region": "the Amur region" is a place
    locative_prepositions: frozenset[str]
    motion_verbs: frozenset[str]
    determiners: tuple[str, ...]
    name_connectors: frozenset[str]  # small words inside names ("Bank of China")
    name_heads: dict[str, tuple[str, ...]]  # spaCy label -> head nouns that end a name
    month_pattern: str  # a regular expression matching any month name or abbreviation
    weekdays: tuple[str, ...]  # Monday first, as datetime.weekday() counts
    duration_pattern: str  # "two-day", "20 years": a length of time, not a date
    ongoing_words: frozenset[str]  # "is currently on a visit": the article's month
    recent_words: frozenset[str]  # "a recent visit": the article's year
    perfect_auxiliaries: frozenset[str]  # "has arrived": now, the article's month
    visit_nouns: frozenset[str]  # "the visit" refers back to the last visitors
    pair_words: frozenset[str]  # "the two leaders", "both countries"
    definite_determiners: frozenset[str]  # "the bloc", "this alliance"
    example_prepositions: frozenset[str]  # "forums such as X", "countries including X"
    between_prepositions: frozenset[str]  # "trade between X and Y"
    reciprocals: tuple[str, ...]  # "support each other"
    appointing_verbs: frozenset[str]  # "make X a permanent member"
    governing_prepositions: frozenset[str]  # "arrived for talks with X": the verb's subject talks
    list_conjunctions: frozenset[str]  # "(Brazil, Russia and China)"
    arrival_prepositions: tuple[str, ...] = ()  # "welcomed them to X for the summit": X is its place
    not_event_date_words: frozenset[str] = frozenset()  # "since 2019": not when an event happened
    sequence_markers: frozenset[str] = frozenset()  # "after arriving on Sunday": a clause of another time
    companion_prepositions: tuple[str, ...] = ()  # "a meeting with X in Moscow": the place follows X
    invitation_nouns: frozenset[str] = frozenset()  # "at the invitation of X": X hosts
    invitation_prepositions: tuple[str, ...] = ()
    event_verbs: frozenset[str] = frozenset()  # "the summit opened in X": what an event does
    sequel_words: frozenset[str] = frozenset()  # "then travelled to X": a later trip
    absence_words: frozenset[str] = frozenset()  # "X did not attend", "X skipped the summit"
    origin_words: frozenset[str] = frozenset()  # "back from Lima": a place left, not where one is
    order_words: frozenset[str] = frozenset()  # "the previous summit": another gathering of the series
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
    title_links: frozenset[str] = frozenset()  # "President of the Republic of X": a title goes on
    purpose_nouns: frozenset[str] = frozenset()  # "arrived in order to meet X": the arriver meets X


def _month_pattern(months: list[list[str]]) -> str:
    forms = sorted({f for forms in months for f in forms}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(re.escape(f) for f in forms) + r")\.?"


def _duration_pattern(counts: list[str], units: list[str]) -> str:
    return r"\b(?:\d+|" + "|".join(map(re.escape, counts)) + r")[- ](?:" + "|".join(map(re.escape, units)) + r")s?\b"


def load_words(directory: Path) -> Words:
    """Read ``words.json`` of a pack."""
    data = json.loads((Path(directory) / "words.json").read_text(encoding="utf-8"))
    titles, pronouns, places = data["titles"], data["pronouns"], data["places"]
    references, syntax = data["references"], data["syntax"]
    return Words(
        titles=Titles(frozenset(titles["leader_titles"]), frozenset(titles["title_heads"]),
                      frozenset(titles["honorifics"]), dict(titles["role_nouns"]),
                      dict(titles.get("abbreviations", {})), frozenset(titles.get("past_markers", ())),
                      frozenset(titles.get("state_forms", ())), frozenset(titles.get("counterpart_nouns", ()))),
        pronouns=Pronouns(*(frozenset(pronouns[k]) for k in ("person", "thing", "plural", "relative"))),
        group_nouns=dict(data["group_nouns"]),
        definite_descriptions=dict(data["definite_descriptions"]),
        office_nouns=dict(data.get("office_nouns", {})),
        place_nouns=frozenset(places["place_nouns"]),
        locative_prepositions=frozenset(places["locative_prepositions"]),
        motion_verbs=frozenset(places["motion_verbs"]),
        determiners=tuple(data["determiners"]),
        name_connectors=frozenset(data["name_connectors"]),
        name_heads={k: tuple(v) for k, v in data["name_heads"].items()},
        month_pattern=_month_pattern(data["calendar"]["months"]),
        weekdays=tuple(data["calendar"]["weekdays"]),
        duration_pattern=_duration_pattern(data["calendar"]["duration_counts"], data["calendar"]["duration_units"]),
        ongoing_words=frozenset(data["calendar"]["ongoing_words"]),
        recent_words=frozenset(data["calendar"]["recent_words"]),
        perfect_auxiliaries=frozenset(data["calendar"]["perfect_auxiliaries"]),
        visit_nouns=frozenset(references["visit_nouns"]),
        pair_words=frozenset(references["pair_words"]),
        definite_determiners=frozenset(references["definite_determiners"]),
        example_prepositions=frozenset(syntax["example_prepositions"]),
        between_prepositions=frozenset(syntax["between_prepositions"]),
        reciprocals=tuple(syntax["reciprocals"]),
        appointing_verbs=frozenset(syntax["appointing_verbs"]),
        governing_prepositions=frozenset(syntax["governing_prepositions"]),
        list_conjunctions=frozenset(syntax["list_conjunctions"]),
        title_links=frozenset(syntax.get("title_links", ())),
        purpose_nouns=frozenset(syntax.get("purpose_nouns", ())),
        arrival_prepositions=tuple(places.get("arrival_prepositions", ())),
        not_event_date_words=frozenset(data["calendar"].get("not_event_date_words", ())),
        sequence_markers=frozenset(data["calendar"].get("sequence_markers", ())),
        companion_prepositions=tuple(places.get("companion_prepositions", ())),
        invitation_nouns=frozenset(references.get("invitation_nouns", ())),
        invitation_prepositions=tuple(references.get("invitation_prepositions", ())),
        event_verbs=frozenset(references.get("event_verbs", ())),
        absence_words=frozenset(references.get("absence_words", ())),
        origin_words=frozenset(references.get("origin_words", ())),
        order_words=frozenset(references.get("order_words", ())),
        sequel_words=frozenset(data["calendar"].get("sequel_words", ())),
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


_CACHES: list = []
_SEEN: dict[str, str] = {}


def pack_cache(func):
    """``lru_cache`` for what is read or compiled from a pack's files; :func:`refresh`
    empties it when the files change. (The one caching style of the package: what is
    computed once from a resource is an ``lru_cache`` keyed by that resource, a pack
    directory or a gazetteer.)"""
    cached = lru_cache(maxsize=4)(func)
    _CACHES.append(cached)
    return cached


def refresh() -> str:
    """Check the current pack's files (a build calls this first): when they changed
    since the last check, everything read from them is read again. Returns the pack's
    fingerprint."""
    directory = str(language_dir())
    fingerprint = pack_fingerprint(Path(directory))
    if _SEEN.get(directory) != fingerprint:
        for cached in _CACHES:
            cached.cache_clear()
        _SEEN[directory] = fingerprint
    return fingerprint


@pack_cache
def _words_in(directory: str) -> Words:
    return load_words(Path(directory))


def words() -> Words:
    """The word lists of the current pack, read once per process."""
    return _words_in(os.environ.get("GRAPHBUILD_LANGUAGE") or _english())


@dataclass(frozen=True)
class NotNames:
    """What is never a proper name (``names.json`` of a pack)."""

    never_alone: frozenset[str] = frozenset()  # "North", "GMT", "Trans" as a whole span
    separators: tuple[str, ...] = ()  # "Name / Agency": a credit line, not one name
    numbered_parts: frozenset[str] = frozenset()  # "Item", "Section": with a number, a part of a text
    concept_endings: tuple[str, ...] = ()  # "Islamophobia", "Multilateralism": an idea, alone


@pack_cache
def _not_names_in(directory: str) -> NotNames:
    path = Path(directory) / "names.json"
    if not path.is_file():
        return NotNames()  # a pack without one rejects nothing more
    data = json.loads(path.read_text(encoding="utf-8"))
    return NotNames(frozenset(w.lower() for w in data.get("never_alone", ())), tuple(data.get("separators", ())),
                    frozenset(w.lower() for w in data.get("numbered_parts", ())),
                    tuple(w.lower() for w in data.get("concept_endings", ())))


def not_names() -> NotNames:
    """What the current pack says is never a proper name (``names.json``)."""
    return _not_names_in(os.environ.get("GRAPHBUILD_LANGUAGE") or _english())


@dataclass(frozen=True)
class PlaceWeights:
    """The fitted scoring of candidate places (``place_weights.json`` of a pack): one
    weight per cue, a bias, and the least score that places an event."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float


@pack_cache
def _weights_in(directory: str, name: str) -> PlaceWeights | None:
    path = Path(directory) / name
    if not path.is_file():
        return None  # a pack without them decides nothing by score
    data = json.loads(path.read_text(encoding="utf-8"))
    return PlaceWeights(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["bias"]),
                        float(data["threshold"]))


def place_weights() -> PlaceWeights | None:
    """The current pack's fitted place scoring, or None."""
    return _weights_in(os.environ.get("GRAPHBUILD_LANGUAGE") or _english(), "place_weights.json")


def participant_weights() -> PlaceWeights | None:
    """The current pack's fitted scoring of who attended a gathering, or None."""
    return _weights_in(os.environ.get("GRAPHBUILD_LANGUAGE") or _english(), "participant_weights.json")
