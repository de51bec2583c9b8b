"""Event extraction on small articles of our own: triggers, arguments across the
sentence and across the article (extract/events.py, frames/event_noun.py,
extract/context.py)."""

from __future__ import annotations

import pytest

from graphbuild.extract.document import extract_document
from graphbuild.ingest import parse_document


def of(found, cls):
    return [e for e in found if e[0] == cls]


@pytest.mark.parametrize(
    "text, place",
    [
        # the noun is the subject of the clause that places it
        ("The Nordic summit was held in Oslo.", "Oslo"),
        ("The summit where Angela Merkel and Mark Rutte talked is being held in the Dutch city of Utrecht.", "Utrecht"),
        # the noun's phrase attaches to a verb that places it
        ("Leaders of Asian nations gathered in Bishkek on Thursday for a summit of the Shanghai Cooperation "
         "Organisation.", "Bishkek"),
        # a host verb places its guests with 'to'
        ("Cyril Ramaphosa welcomed Xi Jinping and Lula to Johannesburg on Tuesday for the BRICS summit.",
         "Johannesburg"),
    ],
)
def test_events_summit_place_from_the_clause(events, text, place):
    (summit,) = of(events(text), "Summit")
    assert place in summit[2]


def test_events_summit_of_an_organisation_alone_is_kept(events):
    (summit,) = of(events("The G20 summit opened on Saturday."), "Summit")
    assert summit[1] == ("G20",) and summit[4] == "2025-08-30"


def test_events_host_verb_gives_host_guests_and_the_host_country(events):
    found = events("Cyril Ramaphosa welcomed Xi Jinping and Lula to Johannesburg on Tuesday for the BRICS summit.")
    (summit,) = of(found, "Summit")
    assert {"Cyril Ramaphosa", "Xi Jinping", "Lula", "BRICS"} <= set(summit[1])
    assert summit[3] == ("Cyril Ramaphosa",)
    (meeting,) = of(events("Vladimir Putin hosted Viktor Orban on Friday."), "Meeting")
    assert meeting[2] == ("russia",) and meeting[3] == ("Vladimir Putin",)


def test_events_meeting_takes_the_place_of_the_visit_it_happens_during(events):
    found = events("French President Emmanuel Macron arrived in Japan on Tuesday.\n\n"
                   "During his trip, Macron met Japanese Prime Minister Fumio Kishida.")
    (meeting,) = of(found, "Meeting")
    assert meeting[2] == ("Japan",) and meeting[3] == ("Japan",)


def test_events_meeting_borrows_no_place_when_its_sentence_names_another(events):
    found = events("Justin Trudeau travelled to Lisbon for a conference.\n\n"
                   "This trip came a week after his meeting with Joe Biden in Ottawa.")
    (meeting,) = of(found, "Meeting")
    assert "Lisbon" not in meeting[2]


def test_events_later_mention_of_a_summit_takes_its_place(events):
    found = events("The APEC summit in which Mark Rutte took part was held in Lima.\n\n"
                   "Jacinda Ardern met Justin Trudeau on the sidelines of the APEC summit.")
    summits = of(found, "Summit")
    assert all(s[2] == ("Lima",) for s in summits) and len(summits) == 2
    (meeting,) = of(found, "Meeting")
    assert meeting[2] == ("Lima",)


def test_events_named_summit_takes_no_place_of_another_organisers_summit(events):
    found = events("The Nordic summit was held in Oslo.\n\n"
                   "Jacinda Ardern met Justin Trudeau on the sidelines of the APEC summit.")
    assert [s[2] for s in of(found, "Summit") if "APEC" in s[1]] == [()]
    assert of(found, "Meeting")[0][2] == ()


def test_events_guest_of_a_meeting_in_the_hosts_country_visits_it(events):
    found = events("Friedrich Merz met Turkish President Recep Tayyip Erdogan in Ankara on Tuesday.")
    (meeting,) = of(found, "Meeting")
    assert meeting[3] == ("Turkish President Recep Tayyip Erdogan",)
    (visit,) = of(found, "Visit")
    assert visit[1] == ("Friedrich Merz",) and visit[2] == ("Ankara",) and visit[4] == meeting[4][:7] == "2025-09"
    # a visit the article reports is not read twice
    found = events("Friedrich Merz arrived in Istanbul on Monday.\n\n"
                   "Merz met Turkish President Recep Tayyip Erdogan in Ankara on Tuesday.")
    assert [v[2] for v in of(found, "Visit")] == [("Istanbul",)]
    # a guest who held no office on the article's day is no visitor from abroad
    found = events("Olaf Scholz met Turkish President Recep Tayyip Erdogan in Ankara on Tuesday.")
    assert of(found, "Meeting") and not of(found, "Visit")


@pytest.mark.parametrize(
    "text, place",
    [
        ("Jacinda Ardern met Justin Trudeau and Pedro Sanchez on the sidelines of the Lisbon summit.", ("Lisbon",)),
        # two sides joined by a hyphen are not the place
        ("Jacinda Ardern met Justin Trudeau and Pedro Sanchez on the sidelines of the Canada-Portugal summit.", ()),
    ],
)
def test_events_summit_named_after_its_city(events, text, place):
    (summit,) = of(events(text), "Summit")
    assert summit[2] == place
    assert {"Jacinda Ardern", "Justin Trudeau", "Pedro Sanchez"} <= set(summit[1])


def test_events_bare_summit_after_a_named_one_is_the_same_summit(events):
    found = events("The G20 summit opened on Saturday.\n\nLeaders gathered in Seoul for the summit.")
    assert [s[2] for s in of(found, "Summit")] == [("Seoul",), ("Seoul",)]


def test_events_meeting_at_a_summit_is_part_of_it(nlp, gazetteer, lexicon):
    text = ("2025-09-05\n\nThe APEC summit was held in Lima.\n\n"
            "Jacinda Ardern met Justin Trudeau on the sidelines of the APEC summit.")
    doc = parse_document(text.encode(), "t.txt")
    record = extract_document(list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments))), doc, gazetteer,
                              lexicon)
    (meeting,) = [e for e in record.events if e.cls == "Meeting"]
    assert record.events[meeting.part_of].cls == "Summit"
    assert record.events[meeting.part_of].evidence == meeting.evidence
    alone = [e for e in record.events if e.cls == "Summit" and e.evidence != meeting.evidence]
    assert alone and all(e.part_of is None for e in alone)


@pytest.mark.parametrize(
    "headline, cls",
    [("Macron to visit China next week", "Visit"), ("Putin to host Xi for talks", "Meeting")],
)
def test_events_headline_infinitive_is_a_plan(events, headline, cls):
    found = events(f"{headline}\n\nThe two countries have close ties and their leaders often talk about trade.")
    assert of(found, cls)[0][5] == "planned"


def test_events_past_visit_with_a_purpose_stays_asserted(events):
    found = events("Scholz went to India to see Narendra Modi\n\nThe two countries have close ties and talk about trade.")
    assert {e[5] for e in found} == {"asserted"}
    assert len(of(found, "Visit")) == 1  # the meeting's guest is the visit already read


@pytest.mark.parametrize(
    "text, cls, place",
    [
        # the verb a summit's phrase hangs from, through 'ahead of'
        ("Heads of government from six states have flown into Dushanbe ahead of the CIS summit.", "Summit", ("Dushanbe",)),
        # one nationality adjective places a summit in its country; two sides do not
        ("World leaders attend a Swiss peace summit on the war.", "Summit", ("Swiss",)),
        # the place of a meeting may follow the people met
        ("Emmanuel Macron flew home after a meeting with Olaf Scholz and Pedro Sanchez in Madrid on March 3, 2025.",
         "Meeting", ("Madrid",)),
    ],
)
def test_events_place_from_the_phrase_around_the_event(events, text, cls, place):
    assert of(events(text), cls)[0][2] == place


def test_events_summit_of_two_sides_is_not_placed_in_either(events):
    found = events("Olaf Scholz and Xi Jinping attended a German-Chinese summit.")
    assert all(s[2] == () for s in of(found, "Summit"))


@pytest.mark.parametrize(
    "text, host",
    [
        ("Narendra Modi visited Moscow at the invitation of Vladimir Putin.", ("Vladimir Putin",)),
        ("At the invitation of Xi Jinping, Emmanuel Macron travelled to Beijing.", ("Xi Jinping",)),
        ("Emmanuel Macron travelled to Beijing after Xi Jinping called him.", ()),
    ],
)
def test_events_host_of_a_visit_by_invitation(events, text, host):
    (visit,) = of(events(text), "Visit")
    assert visit[3] == host


def test_events_summit_attended_by_the_leaders_it_lists(events):
    found = events("Heads of state flew into Bishkek for the SCO summit, including Kazakh "
                   "President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev.")
    (summit,) = of(found, "Summit")
    assert sorted(summit[1]) == ["Kazakh President Kassym-Jomart Tokayev", "SCO", "Uzbek President Shavkat Mirziyoyev"]
    # titles nested by the parser do not hide the names
    found = events("Heads of government flew into Bishkek for the summit, including the Prime Minister of the "
                   "Kingdom of Norway Jonas Gahr Store and Speaker of the Parliament of Mongolia Gombojavyn Zandanshatar.")
    (summit,) = of(found, "Summit")
    # (the title is part of the person's mention, as "Kazakh President X" is above)
    assert any(p.endswith("Gombojavyn Zandanshatar") for p in summit[1]), summit[1]
    assert any(p.endswith("Jonas Gahr Store") for p in summit[1]), summit[1]


def test_events_sideline_meetings_of_one_leader_with_three_are_a_round_of_bilaterals(events):
    found = events("Earlier in the day, Narendra Modi met Olaf Scholz, Emmanuel Macron and Justin Trudeau on the "
                   "sidelines of the G7 summit.")
    meetings = of(found, "Meeting")
    assert sorted(m[1] for m in meetings) == [("Narendra Modi", "Emmanuel Macron"), ("Narendra Modi", "Justin Trudeau"),
                                             ("Narendra Modi", "Olaf Scholz")]
    assert {m[4] for m in meetings} == {"2025-09-05"}  # earlier on the report's day
    # two people met by one: one meeting of three
    (meeting,) = of(events("Xi Jinping met Olaf Scholz and Emmanuel Macron."), "Meeting")
    assert len(meeting[1]) == 3


def test_events_skipping_a_summit_is_not_attending_it(events):
    assert of(events("Emmanuel Macron skipped the summit in Lima."), "Summit") == []


def test_events_meeting_in_a_city_geonames_places_in_the_hosts_country(events):
    # the gazetteer does not know Izmir; GeoNames knows one city of that name, in Turkey
    found = events("French President Emmanuel Macron met Turkish President Recep Tayyip Erdogan in Izmir on Monday.")
    (meeting,) = of(found, "Meeting")
    assert meeting[3] == ("Turkish President Recep Tayyip Erdogan",)
    (visit,) = of(found, "Visit")
    assert visit[1] == ("French President Emmanuel Macron",) and visit[2] == ("Izmir",)


def test_events_pronoun_before_its_clauses_subject_is_the_previous_sentences_subject(events):
    found = events("Narendra Modi met Olaf Scholz, Emmanuel Macron and Justin Trudeau on Monday. "
                   "During his meeting with Scholz, the two leaders discussed trade.")
    assert ("Narendra Modi", "Scholz") in [m[1] for m in of(found, "Meeting")]


def test_events_a_later_trip_told_as_a_sequel_does_not_place_a_meeting(events):
    found = events("Narendra Modi met Olaf Scholz on Monday. He then travelled to Paris.")
    assert of(found, "Meeting")[0][2] == ()
    found = events("Narendra Modi met Olaf Scholz on Monday.\n\nModi is on a visit to Berlin.")
    assert of(found, "Meeting")[0][2] == ("Berlin",)


@pytest.mark.parametrize(
    "text, place",
    [("The Nordic summit opened in Oslo on Friday.", ("Oslo",)),
     # a summit does not attend: the verb is not one an event does
     # (the lead names two more places, so it places nothing: the sentence's rules alone)
         ("APEC summit: Joe Biden, back from Lima and Quito, holds talks with Xi Jinping, attends a dinner "
          "at the Exploratorium.", ())],
)
def test_events_summit_placed_by_what_it_does(events, text, place):
    assert of(events(text), "Summit")[0][2] == place


@pytest.mark.parametrize(
    "text",
    ["NATO's summit opened in Vilnius.",
     "NATO leaders met in Vilnius in July. The alliance's annual summit was held in Vilnius."],
)
def test_events_summit_of_an_organisations_possessive_is_its_summit(events, text):
    (summit,) = of(events(text), "Summit")
    assert summit[1] == ("NATO",) and summit[2] == ("Vilnius",)


def test_events_summit_takes_every_leader_of_an_including_list_however_it_is_parsed(events):
    found = events("The Arctic summit in Oslo opened on Monday with many guests from the north, including Finland's "
                   "President Sauli Niinisto, the Swedish premier Ulf Kristersson and the President of the Republic "
                   "of Iceland Gudni Johannesson.")
    summits = of(found, "Summit")
    assert summits, found
    for summit in summits:  # the noun and the event-noun frame both read "summit"
        names = " | ".join(summit[1])
        assert all(n in names for n in ("Sauli Niinisto", "Ulf Kristersson", "Gudni Johannesson")), names


def test_events_including_list_ends_where_a_new_clause_begins(nlp, gazetteer, lexicon):
    # the list alone, without the fitted scoring of who attended (which weighs other cues)
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    doc = parse_document(b"2025-09-05\n\nMinisters gathered in Vienna ahead of the energy summit, including Spain's "
                         b"minister Teresa Ribera, and Mark Rutte told reporters that the talks would be long.", "t.txt")
    pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
    found = extract_document(pairs, doc, gazetteer, lexicon, participant_weights=None)
    (summit,) = [e for e in found.events if e.cls == "Summit"]
    people = {found.document.text[r[0]:r[1]] for r in summit.participants if isinstance(r[0], int)}
    assert "Teresa Ribera" in " ".join(people) and not any("Rutte" in p for p in people), people


def test_events_a_sea_named_beside_the_venue_does_not_part_a_meeting_from_its_summit(record):
    found = record("2025-09-05\n\nPresident Ana Ribeiro met Lars Holm in the Black Sea port of Varna on Monday "
                   "as she welcomed leaders of the region for the harbour summit.\n")
    meetings = [e for e in found.events if e.cls == "Meeting"]
    summits = [i for i, e in enumerate(found.events) if e.cls == "Summit"]
    assert meetings and summits and all(m.part_of in summits for m in meetings), found.events


def test_events_an_including_list_the_parser_broke_is_read_to_its_end(nlp, gazetteer, lexicon):
    """A parse that hangs the second name of the list on the verb (as the parser does on
    long lists of titles): the list is read on in the text, not only in the subtree."""
    doc = parse_document(b"2025-09-05\n\nGuests came to Oslo for the summit, including Ana Ribeiro, Lars Holm "
                         b"and Pedro Alves.\n", "t.txt")
    parsed = list(nlp.pipe(s.text for s in doc.segments))
    sentence = parsed[-1]
    holm = next(t for t in sentence if t.text == "Holm")
    assert holm.head.text == "Ribeiro"  # the parse this test then breaks
    holm.head, holm.dep_ = sentence[1], "npadvmod"  # "Holm" (and "Alves" under it) now hang on "came"
    record = extract_document(list(zip(doc.segments, parsed)), doc, gazetteer, lexicon)
    names = {doc.text[r[0]:r[1]] for e in record.events if e.cls == "Summit" for r in e.participants
             if isinstance(r[0], int)}
    assert {"Ana Ribeiro", "Lars Holm", "Pedro Alves"} <= names, names


def test_events_the_two_leaders_are_the_pair_the_article_names_most(events):
    """A third person named in a clause on the way is not one of 'the two leaders'."""
    text = ("Kenyan President William Ruto arrived in Accra on Monday. Ruto was welcomed by Ghanaian President "
            "John Mahama at the airport.\n\nMahama said Ruto was a friend. Trade came up after remarks by "
            "Nigerian President Bola Tinubu last week. The two leaders held talks on Tuesday.")
    meetings = of(events(text), "Meeting")
    assert meetings and {n.split()[-1] for n in meetings[0][1]} == {"Ruto", "Mahama"}, meetings


@pytest.mark.parametrize("text, visits", [
    ("Kenyan President William Ruto reached Accra on Wednesday for talks.", [("William Ruto", "Accra")]),
    ("Kenya and Ghana reached an agreement on trade in Accra on Wednesday.", []),
])
def test_events_reaching_a_place_is_arriving_there(events, text, visits):
    found = [(e[1][0].replace("Kenyan President ", ""), e[2][0]) for e in of(events(text), "Visit")]
    assert found == visits, found


def test_events_subject_of_an_adverbial_clause_is_the_person_its_main_clause_is_about(events):
    text = "Kenyan President William Ruto was received at the airport by Ghanaian President John Mahama as he reached Accra."
    found = of(events(text), "Visit")
    assert [e[1] for e in found] == [("Kenyan President William Ruto",)], found


def test_events_visit_of_a_person_names_the_visitor(events):
    found = of(events("Crowds lined the streets for the official visit of Gabriel Boric to Uruguay."), "Visit")
    assert [(e[1], e[2]) for e in found] == [(("Gabriel Boric",), ("Uruguay",))], found


def test_events_relative_pronoun_subject_is_the_name_it_follows(events):
    found = of(events("Gabriel Boric, who flew to Uruguay on Sunday, met the country's farmers."), "Visit")
    assert [(e[1], e[2]) for e in found] == [(("Gabriel Boric",), ("Uruguay",))], found



def test_events_a_summit_named_after_a_world_region_is_not_held_in_it(events):
    found = of(events("Kassym-Jomart Tokayev and Shavkat Mirziyoyev attended the Central Asia summit on Tuesday."),
               "Summit")
    assert found and all(e[2] == () for e in found), found
    assert [e[2] for e in of(events("Olaf Scholz attended the Lisbon summit on Tuesday."), "Summit")] == [("Lisbon",)]


def test_events_a_meeting_of_the_heads_of_state_is_a_summit(events):
    found = events("A meeting of Andean leaders opened in Quito on Friday with a call for calm.")
    assert [(e[2], e[4]) for e in of(found, "Summit")] == [(("Quito",), "2025-09-05")], found
    assert of(events("A meeting of Andean farmers opened in Quito on Friday with a call for calm."), "Summit") == []


def test_events_a_caption_of_another_month_places_no_event(events):
    text = ("Ministers meet for the fisheries summit\n\n"
            "Jonas Gahr Store speaks to fishermen in Bergen on Monday, Oct. 1, 2018, in a photo from the archive.\n\n"
            "Jonas Gahr Store and Ulf Kristersson attended the fisheries summit on Friday.")
    assert [e[2] for e in of(events(text, date="2018-11-30"), "Summit")] == [()]
    assert [e[2] for e in of(events(text.replace("Oct. 1", "Nov. 26"), date="2018-11-30"), "Summit")] == [("Bergen",)]
