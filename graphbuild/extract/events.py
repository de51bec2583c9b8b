"""Events from declarative specs: a trigger with ``"event": "<Type>"`` in the lexicon
makes an event of that type when its frame's arguments fit the type's spec
(``event_types`` in ``lang/en/triggers.json``): who takes part, where it is, which
places host it. A new event type is a data edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.dates import date_range
from ..records import DATELINE, EventMention, MentionRef
from .args import args
from .article_dates import lead_end
from .context import PLACED_BY_CONTEXT
from .scope import Arg, Scope
from .facts import evidence
from .lexicon import EventSpec, RoleSpec
from .modality import PLANNED, PLANNED_FACTOR
from .syntax import conjuncts, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

#: An event's base confidence.
EVENT_CONFIDENCE = 0.8


def _fill(scope: Scope, role: RoleSpec, token: Token, subjects: list[Arg], objects: list[Arg]) -> list[Arg] | None:
    """The arguments of one role, or None when the spec's conditions fail."""
    sides = []
    for source in role.sources:
        if source == "subjects":
            sides.append(subjects)
        elif source == "objects":
            sides.append(objects)
    prepositions = tuple(s for s in role.sources if s not in ("subjects", "objects"))
    if prepositions:  # prepositions of the trigger: "talks in Beijing"
        places = prep_objects(token, prepositions)
        if not places:  # "a meeting with X and Y in Moscow": the place follows the company
            places = [p for o in prep_objects(token, scope.words.companion_prepositions)
                      for c in (o, *conjuncts(o)) for p in prep_objects(c, prepositions)]
        sides.append([a for t in places for a in args(scope, t)])
    sides = [[a for a in side if a.cls in role.classes] for side in sides]
    if role.every_side and not all(sides):
        return None
    chosen = [a for side in sides for a in side]
    if len({a.ref for a in chosen}) < role.at_least:
        return None
    if role.limit is not None:
        chosen = chosen[:role.limit]
    if role.required and not chosen:
        return None
    return chosen


def frame_events(scope: Scope, cls: str, token: Token, subjects: list[Arg], objects: list[Arg], rule: str,
                 mode: str) -> list[EventMention]:
    """The event of type ``cls`` a frame at ``token`` states, if its arguments fit."""
    spec = scope.lexicon.event_types.get(cls)
    if spec is None:
        return []
    participants = _fill(scope, spec.participants, token, subjects, objects)
    locations = _fill(scope, spec.locations, token, subjects, objects)
    if locations is None:
        return []
    if participants is None:
        # The story's own event, named in its lead with its place: "after marathon talks
        # in Minsk" has happened though the sentence names none of its people. A lead
        # that names no place was filed from the event: the dateline gives its place.
        if not (token.pos_ == "NOUN" and _gathering_of_the_lead(scope, cls, token)):
            return []
        locations = locations or _dateline_places(scope, spec.locations.classes)
        if not locations:
            return []
        participants = []
    hosts = [a for a in locations if a.cls in spec.hosts]
    hosts = invited_by(scope, token) or hosts
    pairs = bilateral(spec, subjects, objects)
    found = [event_mention(scope, cls, token, pair, locations, hosts, rule, mode) for pair in pairs or [participants]]
    return [f for f in found if f]


def _gathering_of_the_lead(scope: Scope, cls: str, token: Token) -> bool:
    """A meeting, summit, forum or parade named in the lead (a war is not the story's
    gathering)."""
    return cls in PLACED_BY_CONTEXT and scope.segment.start + token.idx < lead_end(scope.document)


def _dateline_places(scope: Scope, classes: tuple[str, ...]) -> list[Arg]:
    """The places the document's dateline names ("CITY, Month Day (Agency) -")."""
    spans = [(seg.start, seg.end) for seg in scope.document.segments if seg.kind == DATELINE]
    return [Arg(MentionRef(m.start, m.end), m.cls) for m in scope.index.mentions
            if m.cls in classes and any(a <= m.start < b for a, b in spans)][:1]


def bilateral(spec: EventSpec, subjects: list[Arg], objects: list[Arg]) -> list[list[Arg]]:
    """'A met B, C and D on the sidelines': a round of meetings, one per person met
    (from the spec's ``bilateral_from`` people on); none when the sentence is one
    meeting."""
    classes = spec.participants.classes
    subjects = [a for a in subjects if a.cls in classes]
    objects = list({a.ref: a for a in objects if a.cls in classes}.values())
    if spec.bilateral_from is None or len(subjects) != 1 or len(objects) < spec.bilateral_from:
        return []
    return [[subjects[0], o] for o in objects if o.ref != subjects[0].ref]


def invited_by(scope: Scope, token: Token) -> list[Arg]:
    """'at the invitation of X' on the trigger or its clause's verb: X hosts."""
    found = []
    for t in ((token,) if token.head is token or token.head.i == token.i else (token, token.head)):
        for noun in prep_objects(t, scope.words.invitation_prepositions):
            if noun.lemma_.lower() in scope.words.invitation_nouns:
                found += [a for o in prep_objects(noun, ("of",)) for a in args(scope, o)
                          if a.cls in ("Person", "Country", "Organization")]
    return found


def clause_places(scope: Scope, noun: Token, cls: str) -> list[Arg]:
    """Where the clause around an event noun puts it: the verb of which the noun is the
    subject ('the summit was held in X', 'opened in X': verbs events do, not 'the
    summit attends'), or the verb the noun's phrase attaches to
    ('leaders gathered in X for a summit'; a host verb also by 'to': 'welcomed them to
    X for the summit')."""
    spec = scope.lexicon.event_types.get(cls)
    if spec is None:
        return []
    prepositions = tuple(s for s in spec.locations.sources if s not in ("subjects", "objects"))
    verb = None
    if noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and noun.head.lemma_.lower() in scope.words.event_verbs):
        verb = noun.head  # "the summit was held in X", "the summit opened in X"
    elif noun.dep_ == "pobj":  # "for a summit", "ahead of the summit": up to the verb
        t = noun.head
        for _ in range(3):
            if t.pos_ in ("VERB", "AUX"):
                verb = t
                break
            if t.dep_ not in ("prep", "advmod", "pobj") or t.head is t:
                break
            t = t.head
    if verb is None or not prepositions:
        return []
    if any(t.host_is for t in scope.lexicon.verbs.get(verb.lemma_.lower(), ())):
        prepositions += scope.words.arrival_prepositions
    return [a for t in prep_objects(verb, prepositions) for a in args(scope, t) if a.cls in spec.locations.classes]


def event_mention(scope: Scope, cls: str, token: Token, participants: list[Arg], locations: list[Arg],
                  hosts: list[Arg], rule: str, mode: str) -> EventMention | None:
    if not participants and not locations:
        return None
    base = EVENT_CONFIDENCE * (PLANNED_FACTOR if mode == PLANNED else 1.0)
    start, end = event_date(scope, token, mode)
    return EventMention(
        cls=cls, trigger=token.lemma_.lower(), participants=tuple(a.ref for a in participants),
        evidence=evidence(scope, token), confidence=round(base, 3), rule=rule,
        hosts=tuple(a.ref for a in hosts), locations=tuple(a.ref for a in locations),
        date=start, end_date=end, modality=mode)


#: Dependencies that open a clause with a time of its own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "relcl", "parataxis", "csubj"})
#: Adverbial clauses share their head's time ("when he attended", "as he opened", "to
#: start his trip") unless a marker orders them ("after arriving": the lexicon's words).
ADVERBIAL_DEPS = frozenset({"advcl", "pcomp", "acl", "xcomp"})


def clause_of(token: Token, sequence_markers: frozenset[str] = frozenset()) -> Token:
    """The head of the clause ``token`` belongs to, for its time: a noun climbs to its
    verb; a clause coordinated with another, reported by one or ordered before or after
    it by a marker ('after meeting X') has a time of its own; a relative clause on a
    date ('in July, when ...') is that date's."""
    t = token
    for _ in range(12):
        if t.dep_ == "relcl" and t.head.ent_type_ == "DATE":
            return t.head  # "in July, when he attended": the clause of that date
        if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
            return t
        if t.dep_ in ADVERBIAL_DEPS and t.pos_ in ("VERB", "AUX"):
            marks = {c.lower_ for c in t.children if c.dep_ in ("mark", "advmod")}
            if t.dep_ == "pcomp":
                marks.add(t.head.lower_)
            if marks & sequence_markers:
                return t
        if t.head is t:
            return t
        t = t.head
    return t


def _present_simple(verb: Token) -> bool:
    """'X meets Y', 'leaders attend a summit': the present of captions and headlines
    (the tagger may call it a base form when it has a subject and no auxiliary)."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children))


def _progressive(token: Token) -> bool:
    """The date's verb is in the present progressive ('the summit, being held on
    Tuesday', 'leaders are meeting on Friday'): a weekday it names is still to come."""
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ == "auxpass" and c.tag_ == "VBG" and c.lemma_ == "be" for c in auxes):
        return True  # "being held" (not "having met": a perfect)
    return verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in auxes)  # "are meeting"


def event_date(scope: Scope, token: Token, mode: str) -> tuple[str | None, str | None]:
    """The date (and the last day of a range) nearest the trigger in its own clause,
    resolved against the article's date (forward for a planned event, back for a
    reported one); else what the tense says ('has arrived': the article's month). A date of another clause, or one that
    starts or ends a state ('since 2019'), is not the event's."""
    published = scope.document.date_published
    best = None
    markers = scope.words.sequence_markers
    clause = clause_of(token, markers).i
    for ent in token.sent.ents:
        if ent.label_ not in ("DATE", "TIME") or (clause_of(ent.root, markers).i != clause and not ent.start <= clause < ent.end):
            continue  # "met X on Monday after arriving on Sunday": Sunday is the arrival's
        k = ent.start - 1
        if k > ent.sent.start and ent.doc[k].lower_ in scope.words.determiners:
            k -= 1  # "since the 2008 crisis"
        before = ent.doc[k].lower_ if k >= ent.sent.start else ""
        if before in scope.words.not_event_date_words or ent[0].lower_ in scope.words.not_event_date_words:
            continue  # "since 2019", "until June": when a state began or ends
        future = mode == PLANNED or _progressive(ent.root)
        # around a day the text states (no publication date): a weekday lies either side
        value = date_range(ent.text, published, future=None if scope.document.dated_by_text and not future else future)
        if value[0] is None:
            continue
        distance = abs(ent.root.i - token.i)
        if best is None or distance < best[0]:
            best = (distance, value)
    if best:
        return best[1]
    # "has arrived", "is currently on a visit": the article's month; "a recent
    # visit": before the article, month unknown, so its year.
    if published:
        words = {t.lower_ for t in token.sent}
        if words & scope.words.ongoing_words:
            return published[:7], None
        if any(t.dep_ == "aux" and t.lower_ in scope.words.perfect_auxiliaries and t.head == token for t in token.sent):
            return published[:10], None  # "has landed": on the day of the report
        if mode != PLANNED and _present_simple(token.sent.root):
            return published[:7], None  # a caption's or headline's "X meets Y": the report's month
        if words & scope.words.recent_words:
            return published[:4], None
    return None, None
