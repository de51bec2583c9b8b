"""Arguments across the article: an event whose own sentence names no place takes
it from the article.

Reports name the place once ("X arrived in Y") and then tell what happened there
("X met Z", "the talks covered ..."). After every segment is read, an event with no
place takes, in order:

1. the place of the nearest mention of the same event that states one ('the talks',
   'the summit' refer back to the event the article introduced; a meeting has the
   same people, a named summit its organiser);
2. for a meeting one of whose participants hosted it ("A hosted B"), the country the
   host leads;
3. for a meeting at a summit named in its sentence ('met on the sidelines of the
   summit'), the summit's place;
4. the place (and host) of the visit of one of its participants that the article
   reports: a visit to the country another participant leads first, then the nearest
   one before it, else the first after it. An undated event held during a dated
   visit takes the visit's month (the day is not stated).

Nothing is borrowed when the event's sentence names another place ('after his
meeting with X in Alaska'): it may have happened there.

An asserted event takes nothing from a planned one: a visit announced for next month
says nothing of where today's talks took place (a planned one may take the place of
the visit under way). Mentions of one meeting have the same people, or some of them.

The dates an event takes from the article are in :mod:`.article_dates`. Pure functions
over the document's records.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..lang import words
from ..knowledge.places import countries_of_city, country_code
from ..records import EventMention, Mention, MentionRef, Ref
from .scope import MentionIndex
from .modality import PLANNED

#: Event types whose place may come from the article.
PLACED_BY_CONTEXT = frozenset({"Meeting", "Summit", "Forum", "Parade"})
#: Events at which meetings take place.
OCCASIONS = frozenset({"Summit", "Forum", "Parade"})

#: Places no gathering is held in (gazetteer classes).
NOT_VENUES = frozenset({"Sea", "Continent"})


def _key(index: MentionIndex, ref: Ref) -> tuple[str | None, frozenset[str]] | None:
    """The gazetteer id and the words of the name a reference names ('lula' and 'luiz
    inacio lula da silva' share a word)."""
    if len(ref) == 2 and ref[0] == "gazetteer":
        return (ref[1], frozenset())
    m = index.exact(ref)
    if m is None:
        return None
    return (m.link, frozenset(m.key.split()))


def same_entity(a: tuple[str | None, frozenset[str]] | None, b: tuple[str | None, frozenset[str]] | None) -> bool:
    """One entity: the same gazetteer id, else the words of one name among the other's."""
    if not a or not b:
        return False
    if a[0] and b[0]:
        return a[0] == b[0]
    return bool(a[1]) and bool(b[1]) and (a[1] <= b[1] or b[1] <= a[1])


def shares_entity(index: MentionIndex, xs: Iterable[Ref], ys: Iterable[Ref]) -> bool:
    keys = [_key(index, y) for y in ys]
    return any(same_entity(_key(index, x), k) for x in xs for k in keys)


def _covers(index: MentionIndex, xs: Iterable[Ref], ys: Iterable[Ref]) -> bool:
    """Everyone of ``xs`` is among ``ys``."""
    keys = [_key(index, y) for y in ys]
    return all(any(same_entity(_key(index, x), k) for k in keys) for x in xs)


def same_party(index: MentionIndex, xs: Sequence[Ref], ys: Sequence[Ref]) -> bool:
    """Two mentions of one meeting: the people of one are all among the other's."""
    return bool(xs) and bool(ys) and (_covers(index, xs, ys) or _covers(index, ys, xs))


def is_planned(e: EventMention) -> bool:
    return e.modality == PLANNED


def led_countries(index: MentionIndex, gazetteer: Gazetteer, refs: Iterable[Ref],
                  leader_titles: frozenset[str]) -> set[str]:
    """The countries the people of ``refs`` lead (by their title in the text or the
    gazetteer)."""
    found = set()
    for ref in refs:
        m = index.exact(ref)
        if m is None or m.cls != "Person":
            continue
        if m.role and m.role[1] and m.role[0] in leader_titles:
            found.add(m.role[1])
        entry = gazetteer.entries.get(m.link) if m.link else None
        for role in entry.roles if entry else ():
            target = gazetteer.entries.get(role.of)
            if role.title in leader_titles and target is not None and target.core == "Country":
                found.add(role.of)
    return found


# Keyed by the gazetteer itself (not its fingerprint, which a hand-built one leaves
# empty), undated (a dated view has the same countries); one at a time, as a build
# uses one.
@lru_cache(maxsize=1)
def country_by_code(gazetteer: Gazetteer) -> dict[str, str]:
    """ISO code -> the gazetteer's country."""
    table: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        if entry.core == "Country":
            code = country_code(entry.label)
            if code:
                table.setdefault(code, entry.id)
    return table


def _place_countries(index: MentionIndex, gazetteer: Gazetteer, refs: Iterable[Ref]) -> set[str]:
    """The gazetteer's countries of places: their own, or the one country GeoNames
    knows a city of that name in."""
    found = set()
    for ref in refs:
        m = None
        if ref[0] == "gazetteer":
            entry = gazetteer.entries.get(ref[1])
        else:
            m = index.exact(ref)
            entry = gazetteer.entries.get(m.link) if m is not None and m.link else None
        if entry is not None:
            found.add(entry.id if entry.core == "Country" else entry.country)
        elif m is not None and m.cls == "Place":
            codes = countries_of_city(m.key)
            if len(codes) == 1:
                found.add(country_by_code(gazetteer.origin).get(next(iter(codes))))
    return found - {None}


def visit_place(event: EventMention, events: Sequence[EventMention], index: MentionIndex,
                gazetteer: Gazetteer, leader_titles: frozenset[str]) -> EventMention | None:
    """The visit of one of ``event``'s participants: one to the country another
    participant leads first ('A visited Y' and 'A met Y's president'), then the
    nearest before it, else the first after it."""
    visits = [v for v in events if v.cls == "Visit" and v.locations and is_planned(v) <= is_planned(event)
              and shares_entity(index, v.participants, event.participants)]
    if not visits:
        return None
    led = led_countries(index, gazetteer, event.participants, leader_titles)
    fitting = [v for v in visits if led & _place_countries(index, gazetteer, v.locations)]
    if fitting:
        visits = fitting
    before = [v for v in visits if v.evidence.start <= event.evidence.start]
    if before:
        return before[-1]
    # a visit told later, unless told as a sequel ('then travelled to X')
    sequels = words().sequel_words
    after = [v for v in visits if not sequels & set(re.findall(r"[a-z]+", v.evidence.sentence.lower()))]
    return after[0] if after else None


def host_country(event: EventMention, index: MentionIndex, gazetteer: Gazetteer,
                 leader_titles: frozenset[str]) -> Ref | None:
    """The country the meeting's host leads ('A hosted B': A's country)."""
    led = sorted(led_countries(index, gazetteer, event.hosts, leader_titles))
    return ("gazetteer", led[0]) if len(led) == 1 else None


def same_kind_place(event: EventMention, events: Sequence[EventMention], index: MentionIndex) -> EventMention | None:
    """'the summit' of a later sentence is the summit the article introduced: the
    nearest located mention of the same type before it (else after it) whose
    participants, when both name some, overlap; a named one ('the G20 summit') only
    one with the same organiser."""
    organisers = _organisations(index, event.participants)
    others = [o for o in events if o.cls == event.cls and o.locations and is_planned(o) == is_planned(event)
              and (same_party(index, o.participants, event.participants) if event.cls not in OCCASIONS else
                   not o.participants or not event.participants or shares_entity(index, o.participants, event.participants))
              and (not organisers or _same_organiser(index, organisers, o.participants,
                                                     o.evidence.start > event.evidence.start))]
    before = [o for o in others if o.evidence.start <= event.evidence.start]
    if before:
        return before[-1]
    return others[0] if others else None


def _organisations(index: MentionIndex, refs: Iterable[Ref]) -> list[Ref]:
    """The organizations among ``refs`` (a named summit's organiser: 'the G20 summit')."""
    found = []
    for ref in refs:
        m = index.exact(ref)
        if m is not None and m.cls == "Organization":
            found.append(ref)
    return found


def _same_organiser(index: MentionIndex, organisers: list[Ref], participants: Iterable[Ref], later: bool) -> bool:
    """A named summit is another mention of the same organiser's summit, of an
    unnamed one with a shared participant ('the summit where A and B met'), or of a
    bare one after it ('the G7 summit opened ... the three-day summit was held in X')."""
    participants = list(participants)
    theirs = _organisations(index, participants)
    if theirs:
        return shares_entity(index, organisers, theirs)
    return bool(participants) or later  # the caller saw that they share one


def occasion(event: EventMention, events: Sequence[EventMention]) -> EventMention | None:
    """The summit, forum or parade named in a meeting's own sentence ('met on the
    sidelines of the summit'): the meeting took place at it."""
    for o in events:
        if o.cls in OCCASIONS and o.locations and o.evidence.start == event.evidence.start \
                and is_planned(o) == is_planned(event):
            return o
    return None


def sentence_mentions(index: MentionIndex, event: EventMention) -> list[Mention]:
    """The mentions of the event's own sentence."""
    i = bisect.bisect_left(index.starts, event.evidence.start)
    found = []
    while i < len(index.starts) and index.starts[i] < event.evidence.end:
        found.append(index.mentions[i])
        i += 1
    return found


def _sentence_places(index: MentionIndex, event: EventMention) -> list[Ref]:
    """The places and countries named in the event's own sentence."""
    return [MentionRef(m.start, m.end) for m in sentence_mentions(index, event)
            if m.cls in ("Place", "Country") and not m.demonym]


def no_venue(gazetteer: Gazetteer, m: Mention | None) -> bool:
    """A sea, a continent or a world region (a region of the gazetteer in no one
    country: 'the Middle East'): it says where a venue lies ('the Black Sea resort of
    X'), no gathering is held in it."""
    entry = gazetteer.entries.get(m.link) if m is not None and m.link else None
    return entry is not None and (entry.cls in NOT_VENUES or (entry.cls == "Region" and not entry.country))


def _elsewhere(index: MentionIndex, gazetteer: Gazetteer, event: EventMention, places: Sequence[Ref]) -> bool:
    """The event's sentence names a place that is neither one of ``places`` nor in
    their countries ('after his meeting with X in Alaska' in a sentence about a visit to
    China): it may well have happened there, so nothing is borrowed."""
    keys = [_key(index, p) for p in places]
    countries = _place_countries(index, gazetteer, places)
    for ref in _sentence_places(index, event):
        if any(same_entity(_key(index, ref), k) for k in keys) or no_venue(gazetteer, index.exact(ref)):
            continue
        if _place_countries(index, gazetteer, [ref]) & countries:
            continue
        return True
    return False


def place_from_article(events: Sequence[EventMention], index: MentionIndex, gazetteer: Gazetteer,
                       leader_titles: frozenset[str]) -> list[EventMention]:
    """``events`` with the places their sentences left out filled from the article."""
    events = list(events)
    stated = list(events)
    for i, e in enumerate(events):  # first: a meeting may take its summit's place
        if not e.locations and e.cls in PLACED_BY_CONTEXT:
            same = same_kind_place(e, stated, index)
            if same is not None and not _elsewhere(index, gazetteer, e, same.locations):
                events[i] = replace(e, locations=same.locations, hosts=e.hosts or same.hosts)
    out = []
    for e in events:
        if e.locations or e.cls not in PLACED_BY_CONTEXT:
            out.append(e)
            continue
        country = host_country(e, index, gazetteer, leader_titles) if e.cls == "Meeting" else None
        if country is not None:
            out.append(replace(e, locations=(country,)))
            continue
        at = occasion(e, events) if e.cls == "Meeting" else None
        if at is not None:
            out.append(replace(e, locations=at.locations))
            continue
        visit = visit_place(e, events, index, gazetteer, leader_titles)
        if visit is not None and not _elsewhere(index, gazetteer, e, visit.locations):
            # held during that visit: in its month when the sentence gives no date
            date = e.date or (visit.date[:7] if visit.date and len(visit.date) >= 7 and not e.end_date else None)
            out.append(replace(e, locations=visit.locations, hosts=e.hosts or visit.hosts, date=date))
            continue
        out.append(e)
    return out


#: A guest's visit read from a meeting is trusted less than a stated one.
GUEST_VISIT_FACTOR = 0.9


def guests_from_meetings(events: Sequence[EventMention], index: MentionIndex, gazetteer: Gazetteer,
                         leader_titles: frozenset[str]) -> list[EventMention]:
    """A meeting in the country one participant leads, or hosted by one ('A hosted B'),
    has a host, and its participants who lead another country came to it. A guest's
    visit there that the article reports undated takes the meeting's month (the meeting
    was one day of it; the day it began is not stated); when the article reports no
    visit of theirs there, the visit is read from the meeting. The host of such a
    meeting is its leader when the sentence named none."""
    out: list[EventMention] = list(events)
    added: list[EventMention] = []
    for i, e in enumerate(events):
        if e.cls != "Meeting" or not e.locations:
            continue
        countries = _place_countries(index, gazetteer, e.locations)
        hosts = list(e.hosts)
        if not hosts:
            hosts = [p for p in e.participants if led_countries(index, gazetteer, [p], leader_titles) & countries]
            if len(hosts) != 1:
                continue
            out[i] = e = replace(e, hosts=tuple(hosts))
        host_keys = [_key(index, h) for h in hosts]
        month = e.date and e.date[:7]
        for p in e.participants:
            if any(same_entity(_key(index, p), k) for k in host_keys):
                continue
            theirs = led_countries(index, gazetteer, [p], leader_titles)
            if not theirs or theirs & countries:
                continue  # not known to lead a country, or at home
            visits = [k for k, v in enumerate(out) if v.cls == "Visit" and is_planned(v) == is_planned(e)
                      and shares_entity(index, v.participants, [p])
                      and _place_countries(index, gazetteer, v.locations) & countries]
            if visits:
                for k in visits:
                    if out[k].date is None and month:
                        out[k] = replace(out[k], date=month, hosts=out[k].hosts or tuple(hosts))
                continue
            if not month or any(shares_entity(index, v.participants, [p]) and v.locations == e.locations for v in added):
                continue  # an undated visit read from a meeting would say little and risk much
            added.append(replace(e, cls="Visit", participants=(p,), hosts=tuple(hosts), date=month,
                                 confidence=round(e.confidence * GUEST_VISIT_FACTOR, 3), rule=f"{e.rule}+guest",
                                 part_of=None))
    return out + added


def link_occasions(events: Sequence[EventMention], index: MentionIndex, gazetteer: Gazetteer) -> list[EventMention]:
    """A meeting at a summit named in its own sentence ('met on the sidelines of the
    summit') stays its own event, part of the summit."""
    out = list(events)
    for i, e in enumerate(out):
        if e.cls != "Meeting" or e.part_of is not None:
            continue
        for j, o in enumerate(out):
            if o.cls in OCCASIONS and o.evidence.start == e.evidence.start and is_planned(o) == is_planned(e) \
                    and not _elsewhere(index, gazetteer, e, o.locations):
                out[i] = replace(e, part_of=j)
                break
    return out
