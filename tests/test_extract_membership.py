"""Memberships from world knowledge (extract/membership.py) and their data file
(knowledge/gazetteer.py). Records built by hand, no model."""

from __future__ import annotations

import pytest

from graphbuild.extract.membership import members_of_blocs
from graphbuild.knowledge.gazetteer import Entry, Gazetteer, Membership, load_gazetteer
from graphbuild.records import Document, Evidence, Mention, MentionRef, RelationMention, Segment

TEXT = "Vesland and Orlia met at the Harbour Pact summit. Orlia spoke later."


@pytest.fixture(scope="module")
def blocs():
    return Gazetteer([Entry("vesland", "Vesland", "Country"), Entry("orlia", "Orlia", "Country"),
                      Entry("harbour-pact", "Harbour Pact", "InternationalOrganization")],
                     memberships=[Membership("harbour-pact", "vesland", 1990),
                                  Membership("harbour-pact", "orlia", 2010, 2020)])


def _mention(text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    end = TEXT.find(".", start) + 1
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if TEXT.rfind(". ", 0, start) >= 0 else 0
    cls = "Organization" if text == "Harbour Pact" else "Country"
    return Mention(text, text, cls, start, start + len(text), Evidence("d", TEXT[sentence_start:end], sentence_start, end),
                   link=text.lower().replace(" ", "-"))


def _doc(date: str | None) -> Document:
    return Document("d", "d.txt", "0" * 64, (Segment(TEXT, "paragraph", 0),), date_published=date)


def _pairs(found):
    return sorted((TEXT[r.subject[0]:r.subject[1]], TEXT[r.object[0]:r.object[1]]) for r in found)


@pytest.fixture
def mentions():
    return [_mention("Vesland"), _mention("Orlia"), _mention("Harbour Pact"), _mention("Orlia", 1)]


@pytest.mark.parametrize("date, members", [
    ("2015-03-01", [("Orlia", "Harbour Pact"), ("Vesland", "Harbour Pact")]),
    ("2005-03-01", [("Vesland", "Harbour Pact")]),  # before Orlia joined
    ("2021-03-01", [("Vesland", "Harbour Pact")]),  # after Orlia left
    (None, [("Vesland", "Harbour Pact")]),  # undated: today's members
])
def test_members_of_blocs_the_members_of_the_articles_year(mentions, blocs, date, members):
    found = members_of_blocs(mentions, blocs, _doc(date))
    assert _pairs(found) == members
    assert all(r.predicate == "memberOf" and r.confidence < 0.9 for r in found)


def test_members_of_blocs_need_the_country_and_the_bloc_in_one_sentence(mentions, blocs):
    assert members_of_blocs([mentions[3], mentions[2]], blocs, _doc("2015-03-01")) == []


def test_members_of_blocs_a_stated_membership_is_not_read_twice(mentions, blocs):
    stated = [RelationMention(MentionRef(mentions[0].start, mentions[0].end), "memberOf",
                              MentionRef(mentions[2].start, mentions[2].end), mentions[0].evidence, 0.9, "verb")]
    assert _pairs(members_of_blocs(mentions, blocs, _doc("2015-03-01"), stated)) == [("Orlia", "Harbour Pact")]


def test_load_gazetteer_reads_memberships_and_refuses_bad_ones(tmp_path):
    (tmp_path / "countries.tsv").write_text("vesland\tVesland\t\t\t\n", encoding="utf-8")
    (tmp_path / "organizations.tsv").write_text("harbour-pact\tHarbour Pact\tInternationalOrganization\t\t\n",
                                                encoding="utf-8")
    (tmp_path / "memberships.tsv").write_text("# org\tmember\tsince\tuntil\nharbour-pact\tvesland\t1990\t\n",
                                              encoding="utf-8")
    assert load_gazetteer(tmp_path).memberships[("vesland", "harbour-pact")] == Membership("harbour-pact", "vesland",
                                                                                           1990)
    (tmp_path / "memberships.tsv").write_text("# org\tmember\tsince\tuntil\n\nharbour-pact\tvesland\tlong ago\t\n",
                                              encoding="utf-8")
    with pytest.raises(ValueError, match=r"memberships.tsv: line 3"):  # the file's own line number
        load_gazetteer(tmp_path)
    (tmp_path / "memberships.tsv").write_text("harbour-pact\torlia\t1990\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"'orlia'"):
        load_gazetteer(tmp_path)


def test_memberships_of_the_shipped_gazetteer_know_the_big_blocs(gazetteer):
    assert gazetteer.memberships[("finland", "nato")].since == 2023
    assert not gazetteer.memberships[("united-kingdom", "european-union")].held_in(2024)


def test_gazetteer_memberships_join_a_known_country_to_a_known_bloc(gazetteer):
    """The shipped memberships, checked mechanically: each joins a country (one pycountry
    knows) to an organisation, in years that make sense."""
    from graphbuild.knowledge.places import country_code

    bad = []
    for (member, org), m in gazetteer.memberships.items():
        country, bloc = gazetteer.entries.get(member), gazetteer.entries.get(org)
        if country is None or country.core != "Country" or bloc is None or bloc.core != "Organization":
            bad.append((org, member, "not a country and a bloc"))
        elif country_code(country.label) is None and member not in ("soviet-union", "kosovo", "palestine"):
            bad.append((org, member, "no ISO country"))
        elif not 1900 <= m.since <= 2026 or (m.until is not None and m.until < m.since):
            bad.append((org, member, "years"))
    assert bad == []
