"""Terms of office (ontology/gazetteer/offices.tsv): a person holds an office from a day
to a day, and an article is read with the offices of its own publication date."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from graphbuild.knowledge.gazetteer import Entry, Gazetteer, Role, load_gazetteer
from graphbuild.run.resources import ontology_dir

TERM = Role("President", "peru", "2011-07-28", "2016-07-28")


@pytest.mark.parametrize(
    "date, held",
    [
        ("2013-05-02", True),
        ("2011-07-28", True),  # the first day counts
        ("2016-07-28", True),  # and the last
        ("2011-07-27", False),
        ("2016-07-29", False),
        ("2016-07", True),  # a month the term touches
        ("2011", True),
        ("2010", False),
        (None, False),  # an undated article is read as of today; the term has ended
    ],
)
def test_role_held_on_compares_at_the_precision_both_give(date, held):
    assert TERM.held_on(date) is held


def test_role_held_on_an_open_term_or_no_term():
    assert Role("President", "peru", "2021").held_on(None)
    assert not Role("President", "peru", "2021").held_on("2020-12-31")
    assert Role("President", "peru").held_on("1990-01-01")


def _gazetteer():
    ana = Entry("ana-sol", "Ana Sol", "Person",
                roles=(TERM, Role("President", "peru", "2021-07-28"), Role("Senator", "peru")))
    return Gazetteer([Entry("peru", "Peru", "Country"), ana, Entry("lima", "Lima", "Place")])


def test_gazetteer_on_a_date_keeps_the_offices_held_that_day():
    gazetteer = _gazetteer()
    assert [r.since for r in gazetteer.on("2014-01-01").entries["ana-sol"].roles] == ["2011-07-28", None]
    assert [r.title for r in gazetteer.on("2018-01-01").entries["ana-sol"].roles] == ["Senator"]
    assert [r.since for r in gazetteer.on(None).entries["ana-sol"].roles] == ["2021-07-28", None]
    assert gazetteer.entries["ana-sol"].roles == _gazetteer().entries["ana-sol"].roles  # untouched


def test_gazetteer_on_shares_its_views_and_names():
    gazetteer = _gazetteer()
    view = gazetteer.on("2014-01-01")
    assert gazetteer.on("2014-01-01") is view and view.on("2014-01-01") is view
    assert view.origin is gazetteer and view._by_surface is gazetteer._by_surface
    assert view.lookup("Ana Sol").id == "ana-sol"
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))
    assert "_views" not in copy.__dict__
    assert copy.on("2014-01-01").entries["ana-sol"].roles == view.entries["ana-sol"].roles
    untimed = Gazetteer([Entry("peru", "Peru", "Country")])
    assert untimed.on("2014-01-01") is untimed


def _ontology(tmp_path, offices: str):
    folder = tmp_path / "gazetteer"
    shutil.copytree(ontology_dir() / "gazetteer", folder)
    (folder / "offices.tsv").write_text(offices, encoding="utf-8")
    return folder


def test_load_gazetteer_dated_terms_replace_the_undated_role(tmp_path):
    folder = _ontology(tmp_path, "# person\ttitle\tof\tsince\tuntil\n"
                                 "xi-jinping\tPresident\tchina\t2013-03-14\t\n")
    roles = load_gazetteer(folder).entries["xi-jinping"].roles
    assert [(r.title, r.of, r.since) for r in roles] == [
        ("General Secretary", "communist-party-of-china", None), ("President", "china", "2013-03-14")]


@pytest.mark.parametrize(
    "line, message",
    [
        ("nobody-known\tPresident\tchina\t2013\t\n", "unknown person id 'nobody-known'"),
        ("xi-jinping\tPresident\tchina\tMarch 2013\t\n", "line 2"),
        ("xi-jinping\tPresident\t\t2013\t\n", "line 2"),
        ("xi-jinping\tPresident\tchina\t2013\t?\n", "line 2"),
    ],
)
def test_load_gazetteer_a_bad_term_names_the_file_and_line(tmp_path, line, message):
    folder = _ontology(tmp_path, "# person\ttitle\tof\tsince\tuntil\n" + line)
    with pytest.raises(ValueError) as caught:
        load_gazetteer(folder)
    assert "offices.tsv" in str(caught.value) and message in str(caught.value)


@pytest.mark.parametrize(
    "title, date, found",
    [
        ("President", "2015-06-01", ["asserted"]),
        ("President", "2010-06-01", []),  # before the term
        ("President", "2024-06-01", []),  # after it
        ("former President", "2024-06-01", ["former"]),  # a past office is still known
    ],
)
def test_title_role_knowledge_follows_the_articles_date(tmp_path, nlp, lexicon, title, date, found):
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    gazetteer = load_gazetteer(_ontology(tmp_path, "xi-jinping\tPresident\tchina\t2013-03-14\t2020-01-01\n"))
    text = (f"Talks on wheat\n\n{title} Xi Jinping received the visiting delegation on Monday. "
            "China and its partners discussed wheat prices.\n\n")
    doc = parse_document(text.encode(), "t.txt")
    pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
    record = extract_document(pairs, replace(doc, date_published=date), gazetteer, lexicon)
    assert [r.modality for r in record.relations if r.rule == "knowledge:title-role"] == found


def test_gazetteer_every_country_has_its_nationality_adjective_unless_two_share_it(gazetteer):
    """'Vincentian Prime Minister X' names the country: a country without an adjective
    loses its leaders' titles. The two Congos share 'Congolese', Dominica shares
    'Dominican' with the Dominican Republic: those are left out (precision first)."""
    shared = {"republic-of-the-congo", "democratic-republic-of-the-congo", "dominica"}
    countries = [e for e in gazetteer.entries.values() if e.cls == "Country" and e.id not in shared]
    assert countries and [e.label for e in countries if not e.demonyms] == []



@pytest.mark.parametrize("surface", ["Washington, DC", "Washington, D.C.", "Washington DC"])
def test_gazetteer_names_a_capital_by_its_usual_spellings(nlp, surface):
    doc = nlp(f"The ministers met in {surface} on Monday.")
    assert [e.text for e in doc.ents if e.ent_id_ == "washington-dc"] == [surface]


def test_gazetteer_a_name_with_the_leaves_the_article_to_a_longer_name(nlp):
    # "the Pacific" (the ocean) and "Pacific Alliance" (the bloc) are two tokens each
    doc = nlp("Trade ministers of the Pacific Alliance gathered on Monday.")
    assert [e.ent_id_ for e in doc.ents if e.ent_id_] == ["pacific-alliance"]
    assert [e.ent_id_ for e in nlp("Ships crossed the Pacific in May.").ents if e.ent_id_] == ["pacific-ocean"]


def test_gazetteer_knows_a_persons_full_name_in_another_case(nlp):
    doc = nlp("Voters had backed Luiz Inácio Lula Da Silva before.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Luiz Inácio Lula Da Silva", "luiz-inacio-lula-da-silva")]
