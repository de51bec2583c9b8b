"""Names on real news pages: fragments, glued menu words, common acronyms, facility
names, titles with 'of', second names, quotation-initial words."""

from __future__ import annotations

import pytest

from graphbuild.extract.names import (
    another_given_name, common_acronyms, find_aliases, glued, opens_quote,
)


@pytest.mark.parametrize(
    "text",
    [
        "Envoys of the Bank of met the minister in Accra on Monday.",
        "Delegates from the Republic of arrived late on Tuesday.",
        "The ministers gathered at the Grand Palace in Bangkok on Monday.",
    ],
)
def test_extract_never_makes_a_name_that_ends_on_a_small_word(mentions, text):
    ends = {m.key.split()[-1].lower() for m in mentions(text)}
    assert not ends & {"of", "in", "the", "and", "at", "to"}, ends


def test_extract_place_name_running_into_in_loses_it(mentions):
    keys = {m.key for m in mentions("The ministers gathered at the Grand Palace in Bangkok on Monday.")}
    assert "Grand Palace" in keys and "Bangkok" in keys


@pytest.mark.parametrize("word, expected", [("SportsKenya", True), ("NewsUkraine", True), ("McDonald", False),
                                         ("ArcelorMittal", False)])
def test_extract_glued_menu_word_is_no_name(nlp, gazetteer, word, expected):
    doc = nlp(f"{word} opened an office.")
    assert glued(doc[0:1], gazetteer) is expected


@pytest.mark.parametrize(
    "text, acronyms",
    [
        ("Kenya buys liquefied petroleum gas (LPG) from Oman.", {"LPG"}),
        ("Both sides discussed weapons of mass destruction (WMD) on Monday.", {"WMD"}),
        ("The East African Community (EAC) met in Arusha.", set()),
    ],
)
def test_common_acronyms_are_those_of_lowercase_words(text, acronyms):
    assert common_acronyms(text) == acronyms


def test_extract_acronym_of_common_words_is_no_entity(mentions):
    found = mentions("Kenya buys liquefied petroleum gas (LPG) from Oman. LPG prices rose in Nairobi.")
    assert "LPG" not in {m.key for m in found}


@pytest.mark.parametrize(
    "text, name",
    [
        ("A banquet was served in the Great Hall of the Nation after the vote.", "Great Hall of the Nation"),
        ("Crowds filled Freedom Square on Sunday evening.", "Freedom Square"),
        ("Leaders posed at the Lakeside Expo Centre on Monday.", "Lakeside Expo Centre"),
        ("The president landed at the Moscow Capital International Airport on Monday.",
         "Moscow Capital International Airport"),
    ],
)
def test_extract_facility_names_are_whole_places(mentions, text, name):
    found = {m.key: m.cls for m in mentions(text)}
    assert found.get(name) == "Place", found


@pytest.mark.parametrize(
    "sentence, key, role",
    [
        ("The president of Kenya William Ruto opened the fair.", "William Ruto", ("President", "kenya")),
        ("The President of the Republic of Ghana John Mahama arrived on Monday.", "John Mahama",
         ("President", "ghana")),
        ("Ghana PM John Mensah spoke to farmers.", "John Mensah", ("Prime Minister", "ghana")),
    ],
)
def test_extract_title_of_a_country_before_the_name(mentions, sentence, key, role):
    people = {m.key: m.role for m in mentions(sentence) if m.cls == "Person"}
    assert people.get(key) == role, people


def test_extract_foreign_minister_of_a_country_is_no_leader_title(mentions):
    people = {m.key: m.role for m in mentions("Foreign Minister of Kenya Jane Wambui spoke.") if m.cls == "Person"}
    assert all(role is None or role[0] != "President" for role in people.values())


@pytest.mark.parametrize(
    "text, short, full",
    [
        ("Crowds filled Freedom Square, also known as Central Square, on Sunday.", "Central Square", "Freedom Square"),
        ("The Old Fort (also known as the Red Keep) stands on the hill.", "Red Keep", "Old Fort"),
    ],
)
def test_find_aliases_reads_second_names(text, short, full):
    assert [(a.short, a.full) for a in find_aliases(text)] == [(short, full)]


def test_find_aliases_needs_a_marker():
    assert find_aliases("Crowds filled Freedom Square and Central Square on Sunday.") == []


@pytest.mark.parametrize(
    "text, index, opens",
    [
        ('He said: "Tomorrow we leave."', 4, True),
        ("He said: 'Halfway is enough.'", 4, True),
        ("They call it the 'Iron' bridge.", 5, False),
    ],
)
def test_extract_first_word_of_a_quotation_counts_as_sentence_initial(nlp, text, index, opens):
    doc = nlp(text)
    assert opens_quote(doc, index) is opens, [t.text for t in doc]


def test_extract_countries_inside_a_described_war(mentions):
    found = mentions("Diplomats discussed the long Ukraine-Russia war over dinner.")
    assert {"russia", "ukraine"} <= {m.link for m in found if m.cls == "Country"}


def test_extract_place_cut_at_a_hyphen_is_whole(mentions):
    found = {m.key: m.cls for m in mentions("Jane Doe flew in from Komsomolsk-on-Amur on Sunday.")}
    assert found.get("Komsomolsk-on-Amur") == "Place", found


@pytest.mark.parametrize(
    "sentence, key, role",
    [
        ("Guests included President of the Republic of Chad Mahamat Deby and others.", "Mahamat Deby",
         ("President", "chad")),
        ("Later, Tunisia PM Kamel Maddouri spoke to farmers.", "Kamel Maddouri", ("Prime Minister", "tunisia")),
    ],
)
def test_extract_finds_the_person_a_title_introduces(mentions, sentence, key, role):
    people = {m.key: m.role for m in mentions(sentence) if m.cls == "Person"}
    assert people.get(key) == role, people


@pytest.mark.parametrize("sentence", ["Prime Minister Office staff said so.", "The President Hotel Group opened."])
def test_extract_title_before_a_common_name_makes_no_person(mentions, sentence):
    assert not [m for m in mentions(sentence) if m.cls == "Person"]


def _doc_with_ents(text: str, ents: list[tuple[int, int, str]]):
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_joined_names_make_one_person_of_a_split_name_in_a_list_of_people():
    from graphbuild.extract.names import joined_names

    doc = _doc_with_ents("the chief , Ri Pyong Nam , Pak Jong Min , and Jo Chun Sik .",
                         [(3, 4, "GPE"), (4, 6, "GPE"), (7, 10, "PERSON"), (12, 15, "PERSON")])
    assert [(e.text, e.label_) for e in joined_names(list(doc.ents))] == [
        ("Ri Pyong Nam", "PERSON"), ("Pak Jong Min", "PERSON"), ("Jo Chun Sik", "PERSON")]


@pytest.mark.parametrize(
    "text, ents",
    [
        ("talks in Paris London ended", [(2, 3, "GPE"), (3, 4, "GPE")]),  # two known places
        ("talks in Paris , London ended", [(2, 3, "GPE"), (4, 5, "GPE")]),  # not adjacent
    ],
)
def test_joined_names_leave_known_places_and_lists_apart(text, ents):
    from graphbuild.extract.names import joined_names

    doc = _doc_with_ents(text, ents)
    assert len(joined_names(list(doc.ents))) == 2


def _mention(text: str, cls: str, start: int, link: str | None = None):
    from graphbuild.records import Evidence, Mention

    return Mention(text=text, key=text, cls=cls, start=start, end=start + len(text),
                   evidence=Evidence("d", text, 0, 100), link=link)


def test_names_a_lone_surname_typed_as_a_place_is_the_person_of_the_article():
    from graphbuild.extract.names import people_by_surname

    found = people_by_surname([_mention("Tomas Ralvik", "Person", 0), _mention("Ralvik", "Organization", 40),
                               _mention("Ralvik", "Place", 80)])
    assert [m.cls for m in found] == ["Person", "Person", "Person"]



def test_names_a_linked_person_written_by_one_name_owns_it():
    # a title took the given name: the known person's one-word mention owns the name
    from graphbuild.extract.names import people_by_surname

    found = people_by_surname([_mention("Ralvik", "Person", 0, link="tomas-ralvik"), _mention("Ralvik", "Place", 40)])
    assert [m.cls for m in found] == ["Person", "Person"]
    found = people_by_surname([_mention("Ralvik", "Person", 0), _mention("Ralvik", "Place", 40)])
    assert [m.cls for m in found] == ["Person", "Place"]  # unlinked: no full name says who

@pytest.mark.parametrize(
    "others",
    [
        [("Tomas Ralvik", "Person"), ("Ina Ralvik", "Person")],  # two people share the surname
        [("Anna Berg", "Person")],  # nobody of that surname
    ],
)
def test_names_a_surname_without_one_owner_keeps_its_class(others):
    from graphbuild.extract.names import people_by_surname

    items = [_mention(t, c, i * 20) for i, (t, c) in enumerate(others)] + [_mention("Ralvik", "Place", 90)]
    assert people_by_surname(items)[-1].cls == "Place"


def test_names_a_gazetteer_or_known_place_is_never_made_a_person():
    from graphbuild.extract.names import people_by_surname

    found = people_by_surname([_mention("Tom Paris", "Person", 0), _mention("Paris", "Place", 20),
                               _mention("Jo Ralvik", "Person", 40), _mention("Ralvik", "Place", 60, link="ralvik")])
    assert [m.cls for m in found[1::2]] == ["Place", "Place"]


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        ("Talks resumed in Lima at 14:00 GMT on the second day, officials said.", "GMT"),
        ("Delegates from the South pressed for cheaper loans at the meeting in Lima.", "South"),
        ("Juan Perez / Andina Photo agency shows the ministers in Lima.", "Juan Perez / Andina"),
        ("World · Americas · Politics Ministers met in Lima on Monday.", "World · Americas"),
    ],
)
def test_names_compass_words_time_zones_credits_and_breadcrumbs_are_no_names(mentions, text, not_a_name):
    keys = {m.key for m in mentions(text)}
    assert not any(not_a_name in k or k in ("GMT", "South") for k in keys), keys
    assert "Lima" in keys


def test_extract_numbered_part_of_a_text_is_no_name(mentions):
    # A list of "Item N." lines: the model calls a few dozen of them laws (initiatives).
    text = "\n\n".join(f"Item {i}." for i in range(1, 100)) + "\n\nVladimir Putin visited Beijing on Monday.\n"
    keys = {m.key for m in mentions(text)}
    assert "Vladimir Putin" in keys
    assert not [k for k in keys if k.split()[0] == "Item"], keys


@pytest.mark.parametrize(
    "name, known, expected",
    [
        ("Ivanka Trump", ("Donald Trump", "Donald J. Trump"), True),
        ("Donald Trump", ("Donald Trump",), False),
        ("Sergei Lavrov", ("Sergey Lavrov",), False),  # a spelling of the same given name
        ("Trump", ("Donald Trump",), False),
        ("Ivanka Smith", ("Donald Trump",), False),
    ],
)
def test_another_given_name_is_a_relative_not_the_known_person(name, known, expected):
    assert another_given_name(name, known) is expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("First Lady Jill Trump toured a school in Ohio on Monday.", "Jill Trump"),
        ("Ivanka Trump spoke at the forum in Dubai on Monday.", "Ivanka Trump"),
    ],
)
def test_extract_relative_of_a_known_leader_is_not_linked_to_him(mentions, text, name):
    found = [m for m in mentions(text) if m.key.endswith("Trump")]
    assert found and all(m.link != "donald-trump" for m in found), [(m.key, m.link) for m in found]
    assert name in {m.key for m in found}


@pytest.mark.parametrize(
    "text",
    ["President Trump met the envoys in Ohio on Monday.", "Secretary of State Rubio met Trump in Ohio on Monday."],
)
def test_extract_title_before_a_known_surname_keeps_the_link(mentions, text):
    links = {m.key: m.link for m in mentions(text)}
    assert "donald-trump" in links.values(), links


@pytest.mark.parametrize("word", ["Multilateralism", "Islamophobia", "Regionalization"])
def test_extract_word_naming_an_idea_is_no_entity(mentions, word):
    keys = {m.key for m in mentions(f"{word} Rises Again\n\nMinisters of Kenya and Ghana met in Accra on Monday.")}
    assert word not in keys and "Kenya" in keys, keys


@pytest.mark.parametrize(
    "text, joined",
    [
        ("first lady Jill Trump spoke", ["Jill Trump"]),  # another given name: another person
        ("the envoy Donald Trump spoke", ["Donald", "Trump"]),  # his own: the surname keeps its link
    ],
)
def test_joined_names_take_a_given_name_before_a_known_surname_only_when_it_is_anothers(text, joined):
    from spacy.tokens import Span

    from graphbuild.extract.names import joined_names

    doc = _doc_with_ents(text, [(2, 3, "PERSON")])
    doc.ents = [doc.ents[0], Span(doc, 3, 4, label="PERSON", span_id="donald-trump")]
    names = {"donald-trump": ("Donald Trump", "Donald J. Trump")}
    assert [e.text for e in joined_names(list(doc.ents), lambda i: names.get(i, ()))] == joined


@pytest.mark.parametrize("text, link", [
    ("Guests gathered at the Cultural Centre of Pasig (CCP) in Manila. The CCP hosted a dinner.", None),
    ("Delegates of the Chinese Communist Party (CCP) met in Nairobi. The CCP sent ten people.",
     "communist-party-of-china"),
])
def test_extract_acronym_names_what_the_article_defines_it_as(mentions, text, link):
    found = [m for m in mentions(text) if m.text == "CCP"]
    assert found and all(m.link == link for m in found), [(m.text, m.link) for m in found]


def test_extract_title_in_a_leads_capitals_is_the_title(mentions):
    found = [m for m in mentions("PRESIDENT William Ruto on Monday welcomed the envoys of Ghana.") if m.cls == "Person"]
    assert [m.role for m in found] == [("President", None)], [(m.key, m.role) for m in found]
