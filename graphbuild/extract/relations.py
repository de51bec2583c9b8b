"""Relations and events: pure functions from a parsed segment and the document's
mentions to :class:`RelationMention` and :class:`EventMention` records.

A trigger from the lexicon (a verb or a noun) opens a frame; its arguments are
found along the dependency parse: grammatical subject and object, the agent of a
passive, prepositional objects ("arrived in Beijing", "met with Xi"), possessors
and country adjectives of nouns ("Putin's visit to China", "Russian tariffs"), the
subject of a light verb ("China provides support to Russia") or of a copula ("China
is Russia's largest trading partner"), "between X and Y", and the conjuncts of
each. Negated frames give nothing; planned and reported ones are kept and marked;
hypothetical ones ("could", "threatened to") are dropped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Iterable, Iterator

from ..gazetteer import Gazetteer
from ..records import Document, EventMention, Evidence, Mention, RelationMention, Segment
from ..vocab import PREDICATES
from .dates import normalize_date
from .lexicon import Lexicon, Trigger
from .syntax import (
    between_objects,
    clause_subject,
    conjuncts,
    examples,
    governors,
    hyphen_pair,
    is_verbal,
    prep_objects,
    verb_subjects,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Titles that make their holder the leader of the country or organization.
LEADER_TITLES = {"President", "Prime Minister", "Premier", "Chancellor", "Leader", "King", "Queen",
                 "Supreme Leader", "Emir", "Sultan", "Emperor", "Secretary-General", "Secretary General",
                 "General Secretary", "Chairman", "Crown Prince"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
GROUP_NOUNS = {"country": "Country", "countries": "Country", "nation": "Country", "nations": "Country",
               "state": "Country", "states": "Country", "leader": "Person", "leaders": "Person",
               "sides": None, "neighbours": "Country", "neighbors": "Country", "powers": "Country"}
#: Definite descriptions that refer back to the nearest entity of a class.
DEFINITE_DESCRIPTIONS = {"bloc": "Organization", "alliance": "Organization", "organisation": "Organization",
                         "organization": "Organization", "group": "Organization", "union": "Organization",
                         "grouping": "Organization", "body": "Organization"}
ROLE_NOUNS = {"president": "President", "leader": "Leader", "premier": "Premier",
              "chancellor": "Chancellor", "minister": "Prime Minister", "king": "King"}

#: The extractor is stricter than the ontology: "their alliance" of two leaders is their
#: countries' alliance, and people do not trade or export.
STRICTER_DOMAIN = {p: ("Country", "Organization") for p in ("partnerOf", "tradesWith", "exportsTo")}

#: "Russia and China fought": together, not against each other.
SIDE_BY_SIDE_EXCLUDED = {"atWarWith"}

BASE_CONFIDENCE = {"verb": 0.9, "noun": 0.8, "title": 0.95, "copular": 0.8, "apposition": 0.85}
INDIRECT_FACTOR = 0.8  # an argument found through a pronoun or a role noun
PLANNED_FACTOR = 0.8
REPORTED_FACTOR = 0.85


@dataclass(frozen=True)
class Arg:
    ref: tuple
    cls: str
    indirect: bool = False


class MentionIndex:
    """The document's mentions by character offset, for token-to-mention lookups."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]

    def at(self, offset: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0 and self.mentions[i].start <= offset:
            m = self.mentions[i]
            if m.start <= offset < m.end:
                return m
            i -= 1
            if offset - self.mentions[i].start > 200:
                break
        return None

    def before(self, offset: int) -> Iterator[Mention]:
        """Mentions that start before ``offset``, nearest first."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            yield self.mentions[i]
            i -= 1


class _Frames:
    """The frames of one segment; holds what every rule needs."""

    def __init__(self, doc: Doc, segment: Segment, document: Document, index: MentionIndex,
                 gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.segment = segment
        self.document = document
        self.index = index
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.relations: list[RelationMention] = []
        self.events: list[EventMention] = []
        self.prior_events: list[EventMention] = []

    # ------------------------------------------------------------------ arguments

    def offset(self, token: Token) -> int:
        return self.segment.start + token.idx

    def mention(self, token: Token) -> Mention | None:
        return self.index.at(self.offset(token))

    def args(self, token: Token, thing: bool = False) -> list[Arg]:
        """What ``token`` refers to, with its conjuncts ('Russia and China') and the
        examples of a generic noun ('forums such as the UN and the SCO')."""
        found: list[Arg] = []
        for t in [token, *conjuncts(token)]:
            found.extend(self._arg(t, thing))
        if not found and token.pos_ == "NOUN":
            for example in examples(token):
                for t in [example, *conjuncts(example)]:
                    found.extend(self._arg(t, thing))
        unique: dict[tuple, Arg] = {}
        for a in found:
            unique.setdefault(a.ref, a)
        return list(unique.values())

    def _arg(self, token: Token, thing: bool) -> list[Arg]:
        m = self.mention(token)
        if m is not None:
            return [Arg((m.start, m.end), m.cls)]
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
            return self.args(token.head.head, thing)
        if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            return self._pronoun(token)
        if token.pos_ in ("NOUN", "PROPN"):
            if token.lemma_.lower() in ("visit", "trip", "tour") and not any(
                    c.dep_ in ("poss", "prep") for c in token.children):
                # "The visit ... is scheduled to include talks": the visitor.
                return self._last_visitors(self.offset(token))
            # "the Chinese president", "the two leaders", "the Amur region", "the bloc".
            for describe in (self._role_noun, self._group_noun, self._named_place, self._definite):
                found = describe(token)
                if found:
                    return found
            # Appositions and compounds: "the host, China"; things of a country:
            # "Russian oil", "Chinese goods".
            for child in token.children:
                if child.dep_ == "appos":
                    m = self.mention(child)
                    if m is not None:
                        return [Arg((m.start, m.end), m.cls)]
            if thing:
                owners = []
                for child in token.children:
                    if child.dep_ in ("amod", "compound", "poss", "nmod"):
                        m = self.mention(child)
                        if m is not None and m.cls in ("Country", "Organization"):
                            owners.append(Arg((m.start, m.end), m.cls))
                if owners:
                    return owners
        return []

    def _pronoun(self, token: Token) -> list[Arg]:
        lower = token.lower_
        offset = self.offset(token)
        if lower in PERSON_PRONOUNS:
            return self._antecedent(offset, ("Person",), token)
        if lower in THING_PRONOUNS:
            # "China ... to its province": the clause's subject first, then the nearest.
            subject = clause_subject(token)
            if subject is not None and subject.i < token.i:
                m = self.mention(subject)
                if m is not None and m.cls in ("Country", "Organization") and not m.demonym:
                    return [Arg((m.start, m.end), m.cls, indirect=True)]
                if m is None and subject.pos_ == "NOUN":
                    return []  # "for China-Russia trade to match its trade": 'its' is the trade
            return self._antecedent(offset, ("Country", "Organization"), token)
        if lower in PLURAL_PRONOUNS:
            subject = clause_subject(token)
            if subject is not None and subject.i < token.i and subject.tag_ in ("NNS", "NNPS"):
                group = self.args(subject)  # "Both countries have used their veto"
                if len(group) >= 2:
                    return [Arg(a.ref, a.cls, indirect=True) for a in group]
            pair = self._coordinated_pair(token)
            return pair or self._group(offset, None)
        return []

    def _coordinated_pair(self, token: Token) -> list[Arg]:
        """'their' next to 'Russia and China' in the same sentence."""
        for t in token.sent:
            if t.i == token.i or not t.conjuncts:
                continue
            m = self.mention(t)
            if m is None or m.demonym:
                continue
            group = self.args(t)
            if len(group) >= 2 and len({a.cls for a in group}) == 1:
                for a in group:
                    object.__setattr__(a, "indirect", True)
                return group
        return []

    def _antecedent(self, offset: int, classes: tuple[str, ...], token: Token) -> list[Arg]:
        for m in self.index.before(offset):
            if m.cls in classes and not m.demonym:
                return [Arg((m.start, m.end), m.cls, indirect=True)]
            if offset - m.start > 1500:
                break
        return []

    def _last_visitors(self, offset: int) -> list[Arg]:
        for ev in reversed(self.prior_events + self.events):
            if ev.cls == "Visit" and ev.evidence.start <= offset:
                return [Arg(ref, "Person", indirect=True) for ref in ev.participants]
        return []

    def _group(self, offset: int, cls: str | None) -> list[Arg]:
        """'the two countries', 'both leaders', 'they': the last two distinct entities."""
        seen: dict[str, Mention] = {}
        for m in self.index.before(offset):
            if m.demonym or (cls and m.cls != cls) or (cls is None and m.cls not in ("Person", "Country")):
                continue
            key = m.link or m.key
            if key not in seen:
                if seen and cls is None and next(iter(seen.values())).cls != m.cls:
                    continue
                seen[key] = m
            if len(seen) == 2:
                return [Arg((x.start, x.end), x.cls, indirect=True) for x in seen.values()]
            if offset - m.start > 1500:
                break
        return []

    def _named_place(self, token: Token) -> list[Arg]:
        """'the Amur region', 'the city of Debrecen': the name inside a place noun."""
        from .entities import PLACE_NOUNS

        if token.lower_ not in PLACE_NOUNS:
            return []
        for child in token.children:
            if child.dep_ in ("compound", "nmod"):
                m = self.mention(child)
                if m is not None and m.cls == "Place":
                    return [Arg((m.start, m.end), m.cls)]
        for t in prep_objects(token, ("of",)):
            m = self.mention(t)
            if m is not None and m.cls == "Place":
                return [Arg((m.start, m.end), m.cls)]
        return []

    def _definite(self, token: Token) -> list[Arg]:
        """'the bloc', 'the alliance', 'the organisation': the nearest organization
        named before (lower confidence)."""
        cls = DEFINITE_DESCRIPTIONS.get(token.lemma_.lower())
        if cls is None or token.tag_ != "NN":
            return []
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
        if not determiners & {"the", "this", "that", "its"}:
            return []
        if any(c.dep_ in ("compound", "amod", "prep", "nmod") and self.mention(c) for c in token.children):
            return []
        for m in self.index.before(self.offset(token)):
            entry = self.gazetteer.entries.get(m.link) if m.link else None
            if m.cls == cls and not m.demonym and not (entry and entry.cls == "Bloc"):
                return [Arg((m.start, m.end), m.cls, indirect=True)]
            if self.offset(token) - m.start > 1500:
                break
        return []

    def _group_noun(self, token: Token) -> list[Arg]:
        cls = GROUP_NOUNS.get(token.lower_)
        if token.lower_ not in GROUP_NOUNS:
            return []
        numbers = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet", "amod")}
        if not numbers & {"two", "both"}:
            return []
        return self._group(self.offset(token), cls)

    def _role_noun(self, token: Token) -> list[Arg]:
        """'the Chinese president', 'the Russian leader': the person in the document who
        holds that role, nearest before."""
        title = ROLE_NOUNS.get(token.lower_)
        if title is None or token.ent_type_:
            return []
        country = None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss"):
                m = self.mention(child)
                if m is not None and m.cls in ("Country", "Organization"):
                    country = m.link
        if country is None:
            return []
        for m in self.index.before(self.offset(token)):
            if m.cls != "Person":
                continue
            if m.role and m.role[1] == country:
                return [Arg((m.start, m.end), "Person", indirect=True)]
            entry = self.gazetteer.entries.get(m.link) if m.link else None
            if entry and any(r.of == country and r.title in LEADER_TITLES for r in entry.roles):
                return [Arg((m.start, m.end), "Person", indirect=True)]
        return []

    # --------------------------------------------------------------- modality

    def modality(self, trigger: Token) -> str | None:
        """None when the frame is negated or hypothetical; else asserted/planned/reported."""
        lex = self.lexicon
        chain = [trigger, *governors(trigger)]
        mode = "asserted"
        for t in chain:
            for child in t.children:
                if child.dep_ == "neg" or (child.lower_ in lex.negation_words and child.dep_ in ("neg", "advmod", "det")):
                    return None
                if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.hypothetical_cues:
                    return None
                if child.dep_ in ("aux",) and child.lower_ in lex.planned_cues:
                    mode = "planned"
                if child.dep_ == "amod" and child.lower_ in lex.planned_cues:
                    mode = "planned"
            lemma = t.lemma_.lower()
            if t is not trigger:
                if lemma in lex.negating_verbs:
                    return None
                if lemma in lex.hypothetical_cues and t.pos_ == "VERB":
                    return None
                if lemma in lex.planned_cues:
                    mode = "planned"
                if lemma in lex.reported_cues and t.pos_ == "VERB" and mode == "asserted":
                    mode = "reported"
            if t.dep_ in ("ROOT", "relcl", "acl", "appos"):
                break  # a relative clause has its own polarity
        if any(c.lower_ in ("according",) for c in trigger.sent):
            mode = "reported" if mode == "asserted" else mode
        return mode

    def metonym(self, arg: Arg, allowed: tuple[str, ...]) -> Arg:
        """A capital standing for its state ('sanctions on Moscow') when a place does
        not fit the slot but a country does."""
        if arg.cls in allowed or arg.cls != "Place" or "Country" not in allowed or len(arg.ref) != 2:
            return arg
        m = self.index.at(arg.ref[0])
        entry = self.gazetteer.entries.get(m.link) if m is not None and m.link else None
        if entry is None or not entry.country or entry.cls != "City":
            return arg
        return Arg(("gazetteer", entry.country), "Country", indirect=True)

    # ------------------------------------------------------------------ output

    def evidence(self, token: Token) -> Evidence:
        sent = token.sent
        return Evidence(self.document.id, sent.text.strip(), self.segment.start + sent.start_char,
                        self.segment.start + sent.end_char)

    def add(self, subj: Arg, predicate: str, obj: Arg, token: Token, rule: str, mode: str, base: float) -> None:
        if subj.ref == obj.ref:
            return
        domain, rng, _ = PREDICATES[predicate]
        domain = STRICTER_DOMAIN.get(predicate, domain)
        rng = tuple(c for c in rng if c in STRICTER_DOMAIN.get(predicate, rng))
        subj = self.metonym(subj, domain)
        obj = self.metonym(obj, rng)
        if subj.cls not in domain or obj.cls not in rng or subj.ref == obj.ref:
            return
        confidence = base
        if subj.indirect or obj.indirect:
            confidence *= INDIRECT_FACTOR
        if mode == "planned":
            confidence *= PLANNED_FACTOR
        elif mode == "reported":
            confidence *= REPORTED_FACTOR
        self.relations.append(RelationMention(
            subject=subj.ref, predicate=predicate, object=obj.ref, evidence=self.evidence(token),
            confidence=round(confidence, 3), rule=rule, modality=mode))

    def add_event(self, cls: str, token: Token, participants: list[Arg], locations: list[Arg],
                  hosts: list[Arg], rule: str, mode: str) -> None:
        if not participants and not locations:
            return
        base = 0.8 * (PLANNED_FACTOR if mode == "planned" else 1.0)
        self.events.append(EventMention(
            cls=cls, trigger=token.lemma_.lower(), participants=tuple(a.ref for a in participants),
            evidence=self.evidence(token), confidence=round(base, 3), rule=rule,
            hosts=tuple(a.ref for a in hosts), locations=tuple(a.ref for a in locations),
            date=self.event_date(token, mode), modality=mode))

    def event_date(self, token: Token, mode: str) -> str | None:
        best = None
        for ent in token.sent.ents:
            if ent.label_ != "DATE":
                continue
            value = normalize_date(ent.text, self.document.date_published, future=mode == "planned")
            if value is None:
                continue
            distance = abs(ent.root.i - token.i)
            if best is None or distance < best[0]:
                best = (distance, value)
        if best:
            return best[1]
        # "has arrived", "is currently on a visit": the article's month; "a recent
        # visit": before the article, month unknown, so its year.
        published = self.document.date_published
        if published:
            words = {t.lower_ for t in token.sent}
            if words & {"currently", "now", "today", "underway"} or any(
                    t.dep_ == "aux" and t.lower_ in ("has", "have") and t.head == token for t in token.sent):
                return published[:7]
            if words & {"recent", "recently"}:
                return published[:4]
        return None


# ------------------------------------------------------------------------- frames


def _member_lists(f: _Frames, doc: Doc) -> None:
    """'the BRICS (Brazil, Russia, India, China, South Africa) group': an organization
    followed by a parenthesised list of countries names its members."""
    for ent in doc.ents:
        m = f.mention(ent[0])
        if m is None or m.cls != "Organization" or ent.end >= len(doc) or doc[ent.end].text != "(":
            continue
        close = next((t.i for t in doc[ent.end:ent.end + 40] if t.text == ")"), None)
        if close is None:
            continue
        members = []
        for t in doc[ent.end + 1:close]:
            c = f.mention(t)
            if c is not None and c.cls == "Country" and (c.start, c.end) not in {a.ref for a in members}:
                members.append(Arg((c.start, c.end), "Country"))
            elif c is None and t.is_alpha and t.lower_ not in ("and", "or"):
                members = []
                break
        if len(members) >= 2:
            for a in members:
                f.add(a, "memberOf", Arg((m.start, m.end), "Organization"), ent[0], "member-list", "asserted",
                      BASE_CONFIDENCE["apposition"])




def _verb_frame(f: _Frames, verb: Token, trig: Trigger) -> None:
    if trig.requires and not any(c.lower_ == trig.requires for c in verb.children):
        return
    mode = f.modality(verb)
    if mode is None:
        return
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        subj_tokens = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        obj_tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl" and not obj_tokens:
            obj_tokens = [_noun_referent(verb.head)]
    else:
        subj_tokens = verb_subjects(verb)
        obj_tokens = prep_objects(verb, trig.object)
        if verb.dep_ == "acl" and not subj_tokens and verb.tag_ == "VBN":
            # "a programme launched by China": the participle's noun is the object.
            subj_tokens = [p for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                           for p in c.children if p.dep_ == "pobj"]
            obj_tokens = [_noun_referent(verb.head)]
    if "from" in trig.subject:
        # "transporting goods from Russia to China": the origin, not the driver.
        origins = prep_objects(verb, ("from",))
        if origins:
            subj_tokens = origins
    subjects = [a for t in subj_tokens for a in f.args(t)]
    objects = [a for t in obj_tokens if t is not None for a in f.args(t, thing=trig.thing_object)]
    if trig.object_classes:
        objects = [a for a in objects if a.cls in trig.object_classes]
    rule = f"verb:{trig.lemma}" + ("/passive" if passive else "")
    if trig.invert:
        # "India buys Russian oil": the seller is the subject of exportsTo.
        _emit(f, trig, objects, subjects, verb, rule, mode, BASE_CONFIDENCE["verb"])
    else:
        _emit(f, trig, subjects, objects, verb, rule, mode, BASE_CONFIDENCE["verb"])
    if trig.event:
        _event(f, trig.event, verb, subjects, objects, rule, mode)


def _noun_referent(noun: Token) -> Token:
    """The name a descriptive noun stands for: 'The BRI is a programme launched by ...'."""
    if noun.dep_ == "attr":
        subs = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subs:
            return subs[0]
    if noun.dep_ == "appos":
        return noun.head
    return noun


def _noun_frame(f: _Frames, noun: Token, trig: Trigger) -> None:
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if trig.requires and not (trig.requires in mods or any(t.lower_ == trig.requires for t in noun.doc[max(noun.i - 2, 0):noun.i])):
        return
    if trig.requires_mod and not mods & set(trig.requires_mod):
        return
    if trig.not_after and mods & set(trig.not_after):
        return
    mode = f.modality(noun)
    if mode is None:
        return
    subjects: list[Arg] = []
    objects: list[Arg] = []
    rule = f"noun:{trig.lemma}"
    base = BASE_CONFIDENCE["noun"]
    poss = [c for c in noun.children if c.dep_ == "poss"]
    for p in poss:
        (subjects if trig.poss == "subject" else objects).extend(f.args(p))
    if "mod" in trig.subject or trig.mod_is == "object":
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                m = f.mention(c)
                if m is not None and m.cls in ("Country", "Organization"):
                    target = objects if trig.mod_is == "object" else subjects
                    target.append(Arg((m.start, m.end), m.cls))
    if "by" in trig.subject:
        for t in prep_objects(noun, ("by",)):
            subjects.extend(f.args(t))
    objects.extend(a for t in prep_objects(noun, trig.object) for a in f.args(t, thing=trig.thing_object))
    if trig.thing_subject:
        # "the supply of Russian gas to China": the owner of the thing supplies it.
        subjects.extend(a for t in prep_objects(noun, ("of",)) for a in f.args(t, thing=True))
        objects = [a for a in objects if a not in subjects]
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        # "trade volumes between Russia and China": the trigger modifies the head noun.
        noun_for_preps = noun.head
        objects.extend(a for t in prep_objects(noun_for_preps, trig.object) for a in f.args(t, thing=trig.thing_object))
        for c in noun_for_preps.children:
            if c.dep_ == "poss":
                (subjects if trig.poss == "subject" else objects).extend(f.args(c))
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubj", "pobj") and head.lemma_.lower() in f.lexicon.light_verbs:
        # "China provides support to Russia", "Russia imposed sanctions on X".
        if not subjects:
            subjects.extend(a for t in verb_subjects(head) for a in f.args(t))
        objects.extend(a for t in prep_objects(head, trig.object) for a in f.args(t, thing=trig.thing_object))
        rule += f"+{head.lemma_.lower()}"
    if noun.dep_ == "attr" or (noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ == "be"):
        # Copula: "China is Russia's largest trading partner", "X is at odds with Y".
        copula = head if noun.dep_ == "attr" else head.head
        holder = [a for t in verb_subjects(copula) for a in f.args(t, thing=trig.thing_subject)]
        if holder:
            (subjects if trig.copular or trig.poss == "object" or not subjects else objects).extend(holder)
            base = BASE_CONFIDENCE["copular"]
            rule += "+copula"
    if noun.dep_ == "appos" or trig.apposition:
        # "China, Russia's most important ally"; "Taiwan's president, William Lai".
        if noun.dep_ == "appos":
            subjects.extend(f.args(noun.head))
        for c in noun.children:
            if c.dep_ == "appos":
                subjects.extend(f.args(c))
        if subjects:
            base = BASE_CONFIDENCE["apposition"]
            rule += "+appos"
    if trig.name_of and noun.dep_ != "appos":
        # "its northeastern province of Heilongjiang": the pobj names the province, the
        # possessor is where it lies.
        named = [a for t in prep_objects(noun, ("of",)) for a in f.args(t)]
        if named:
            subjects = named
            objects = [a for p in poss for a in f.args(p)]
    if trig.predicate == "leaderOf" and not subjects:
        # "his fifth term as President of Russia": the person the title belongs to.
        holder = _title_holder(f, noun)
        subjects.extend(holder)
    if not subjects and noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        # "admitted Belarus as its tenth member", "portrays Russia as a partner".
        subjects.extend(a for c in noun.head.head.children if c.dep_ == "dobj" for a in f.args(c))
        if trig.invert:
            objects, subjects = subjects, objects
    if not subjects and noun.dep_ in ("oprd", "attr", "dobj") and noun.head.lemma_ in ("make", "name", "appoint", "elect"):
        # "make the African Union a permanent member".
        subjects.extend(a for c in noun.head.children if c.dep_ == "dobj" and c is not noun for a in f.args(c))
    if trig.predicate == "locatedIn" and noun.dep_ != "appos":
        names = [a for c in noun.children if c.dep_ in ("compound", "nmod") for a in f.args(c) if a.cls == "Place"]
        if names:
            subjects = names  # "Russia's Kaliningrad region"
    if not subjects and trig.poss == "subject":
        # "Xi's visit to Europe, including stops in Hungary": the governing noun's owner;
        # "arrived for talks with Macron", "after talks with X": the governing verb's subject.
        subjects.extend(_inherited_subject(f, noun))
        if not subjects and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "after", "before", "during", "in"):
            governor = noun.head.head
            if governor.pos_ in ("VERB", "AUX"):
                subjects.extend(a for t in verb_subjects(governor) for a in f.args(t))
    if trig.invert:
        subjects, objects = objects, subjects
    _emit(f, trig, subjects, objects, noun, rule, mode, base)
    pair = between_objects(noun) or hyphen_pair(noun)
    if not pair and noun.dep_ == "compound":
        pair = between_objects(noun.head) or hyphen_pair(noun.head)
    if trig.between and pair:
        parties = [a for t in pair for a in f.args(t)]
        for a, b in combinations(parties, 2):
            f.add(a, trig.predicate, b, noun, rule + "+between", mode, BASE_CONFIDENCE["noun"])
    if trig.event:
        participants = subjects
        if trig.between and pair:
            participants = [a for t in pair for a in f.args(t)]
        _event(f, trig.event, noun, participants, objects, rule, mode)


def _inherited_subject(f: _Frames, noun: Token) -> list[Arg]:
    t = noun
    for _ in range(3):
        if t.head is t:
            break
        t = t.head
        if t.pos_ == "NOUN":
            owners = [a for c in t.children if c.dep_ == "poss" for a in f.args(c)]
            if owners:
                return owners
        if t.pos_ in ("VERB", "AUX"):
            break
    return []


def _title_holder(f: _Frames, noun: Token) -> list[Arg]:
    t = noun
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ == "as":
            governor = t.head.head
            # "the swearing-in of Dilma Rousseff as head of ...", "named X as head".
            for c in governor.children:
                candidates = [c] if c.dep_ in ("dobj", "poss") else (
                    [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" else [])
                if c.dep_ == "dobj":
                    # "attended the swearing-in of Dilma Rousseff as head of ...".
                    candidates += [p for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                                   for p in x.children if p.dep_ == "pobj"]
                people = [a for x in candidates for a in f.args(x) if a.cls == "Person"]
                if people:
                    return people
            return [a for s in verb_subjects(governor) for a in f.args(s) if a.cls == "Person"]
        t = t.head
    return []


def _emit(f: _Frames, trig: Trigger, subjects: list[Arg], objects: list[Arg], token: Token,
          rule: str, mode: str, base: float) -> None:
    symmetric = PREDICATES[trig.predicate][2]
    for s in subjects:
        for o in objects:
            f.add(s, trig.predicate, o, token, rule, mode, base)
    if len(subjects) >= 2 and _reciprocal(token):
        # "support each other": every subject to every other.
        for a in subjects:
            for b in subjects:
                f.add(a, trig.predicate, b, token, rule + "+reciprocal", mode, base)
    elif symmetric and len(subjects) >= 2 and not objects and trig.predicate not in SIDE_BY_SIDE_EXCLUDED:
        # "Russia and China have developed a partnership", "Putin and Xi met".
        for a, b in combinations(subjects, 2):
            f.add(a, trig.predicate, b, token, rule + "+pair", mode, base)


def _reciprocal(token: Token) -> bool:
    window = token.doc[token.i + 1:min(token.i + 4, len(token.doc))].text.lower()
    return window.startswith(("each other", "one another"))


def _event(f: _Frames, cls: str, token: Token, subjects: list[Arg], objects: list[Arg], rule: str,
           mode: str) -> None:
    if cls == "Visit":
        participants = [a for a in subjects if a.cls == "Person"]
        locations = [a for a in objects if a.cls in ("Place", "Country")]
        if not participants or not locations:
            return
        hosts = [a for a in locations if a.cls == "Country"]
        f.add_event(cls, token, participants, locations, hosts, rule, mode)
    elif cls in ("Meeting", "Summit"):
        people = [a for a in subjects + objects if a.cls == "Person"]
        if len({a.ref for a in people}) < 2:
            return
        locations = [a for t in prep_objects(token, ("in", "at")) for a in f.args(t)
                     if a.cls in ("Place", "Country")]
        f.add_event(cls, token, people, locations, [a for a in locations if a.cls == "Country"], rule, mode)
    elif cls == "Conflict":
        # Two sides: someone fighting someone ("Russia and China fought side by side" is not).
        sides = [a for a in subjects if a.cls in ("Country", "Organization")], \
                [a for a in objects if a.cls in ("Country", "Organization")]
        if not sides[0] or not sides[1]:
            return
        parties = sides[0] + sides[1]
        locations = [a for a in objects if a.cls in ("Country", "Place")]
        f.add_event(cls, token, parties, locations[:1], [], rule, mode)


def _standalone_event(f: _Frames, noun: Token, cls: str) -> None:
    """'a military parade in China', 'the SCO summit in Tianjin', 'a forum in Beijing'."""
    if noun.tag_ == "NNS":
        return  # "international forums": a kind of event, not one
    mode = f.modality(noun)
    if mode is None:
        return
    locations = [a for t in prep_objects(noun, ("in", "at")) for a in f.args(t) if a.cls in ("Place", "Country")]
    participants: list[Arg] = []
    orgs = [a for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
            for a in f.args(c) if a.cls == "Organization"]
    t = noun
    # Who attends: "Putin is to be the guest of honour at a parade", "Putin attended a forum".
    for _ in range(3):
        if t.dep_ == "pobj":
            t = t.head.head
        elif t.dep_ in ("dobj", "attr"):
            t = t.head
        else:
            break
    if t is not noun:
        holder = t if t.pos_ in ("VERB", "AUX") else t.head
        participants = [a for s in verb_subjects(holder) for a in f.args(s) if a.cls in ("Person", "Country")]
    for child in noun.children:
        if child.dep_ == "relcl":
            # "a summit that Putin and Xi used to ...".
            participants += [a for s in child.children if s.dep_ == "nsubj" for a in f.args(s)
                             if a.cls in ("Person", "Country")]
    if not participants and not locations:
        return
    f.add_event(cls, noun, participants + orgs, locations, [a for a in locations if a.cls == "Country"],
                f"event:{noun.lemma_.lower()}", mode)


def _title_relations(f: _Frames, mentions: Iterable[Mention]) -> None:
    """'Russian President Vladimir Putin' -> Vladimir Putin leaderOf Russia."""
    for m in mentions:
        if not m.role or m.role[0] not in LEADER_TITLES or not m.role[1]:
            continue
        entry = f.gazetteer.entries.get(m.role[1])
        if entry is None or entry.core not in ("Country", "Organization"):
            continue
        country = next((c for c in f.index.mentions if c.link == m.role[1] and m.start <= c.start < m.end), None)
        if country is None:
            continue
        token = next((t for t in f.doc if f.offset(t) >= m.start), None)
        if token is None:
            continue
        # A title states a role held now, whatever the sentence plans or denies.
        f.add(Arg((m.start, m.end), "Person"), "leaderOf", Arg((country.start, country.end), country.cls),
              token, "title", "asserted", BASE_CONFIDENCE["title"])


def extract_relations(doc: Doc, segment: Segment, document: Document, index: MentionIndex,
                      gazetteer: Gazetteer, lexicon: Lexicon,
                      prior_events: Iterable[EventMention] = ()) -> tuple[list[RelationMention], list[EventMention]]:
    """Relations and events stated in ``doc`` (the parse of ``segment``); ``prior_events``
    are the events of earlier segments ("the visit" refers back to them)."""
    f = _Frames(doc, segment, document, index, gazetteer, lexicon)
    in_segment = [m for m in index.mentions if segment.start <= m.start < segment.end]
    _title_relations(f, in_segment)
    _member_lists(f, doc)
    f.prior_events = list(prior_events)
    for token in doc:
        lemma = token.lemma_.lower()
        if is_verbal(token) and (lemma in lexicon.verbs or token.lower_ in lexicon.verbs):
            for trig in lexicon.verbs.get(lemma) or lexicon.verbs[token.lower_]:
                _verb_frame(f, token, trig)
        elif token.pos_ in ("NOUN", "PROPN") and not token.ent_type_:
            for trig in lexicon.nouns.get(lemma, ()) or lexicon.nouns.get(token.lower_, ()):
                _noun_frame(f, token, trig)
            if lemma in lexicon.event_nouns:
                _standalone_event(f, token, lexicon.event_nouns[lemma])
    return f.relations, f.events
