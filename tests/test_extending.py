"""The worked examples of docs/extending.md: each extension is a data edit (and at
most one registered function), and each is shown to change what is read from a
sentence of our own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graphbuild import lang, vocab
from graphbuild.extract.args import args
from graphbuild.extract.document import extract_document
from graphbuild.extract.facts import BASE_CONFIDENCE, NOTHING, Found
from graphbuild.extract.frames.coordination import emit
from graphbuild.extract.lexicon import load_lexicon
from graphbuild.extract.modality import modality
from graphbuild.extract.registry import trigger_frames
from graphbuild.extract.syntax import prep_objects
from graphbuild.ingest import parse_document

from .conftest import ROOT


def copy_pack(tmp_path: Path, edit=None) -> Path:
    """A copy of the English pack, with ``edit(name -> data)`` applied to its JSON files."""
    pack = tmp_path / "lang-en"
    shutil.copytree(lang.language_dir(), pack)
    if edit:
        files = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in pack.glob("*.json")}
        edit(files)
        for name, data in files.items():
            (pack / name).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return pack


@pytest.fixture
def read(nlp, gazetteer):
    """Extract from a text with a given lexicon: (record, facts as key triples, ref namer)."""

    def run(text: str, lexicon):
        doc = parse_document(text.encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        record = extract_document(pairs, doc, gazetteer, lexicon)
        keys = {(m.start, m.end): (m.link or m.key) for m in record.mentions}

        def name(ref):
            return ref[1] if ref[0] == "gazetteer" else keys.get(tuple(ref))

        return record, {(name(r.subject), r.predicate, name(r.object)) for r in record.relations}, name

    return run


@pytest.fixture
def english(tmp_path):
    return load_lexicon(copy_pack(tmp_path / "plain"))


def test_extending_a_trigger_word(read, english, tmp_path):
    def edit(files):
        files["triggers.json"]["predicates"]["supports"]["verbs"]["endorse"] = {"object": ["dobj"]}

    fact = ("kazakhstan", "supports", "china")
    sentence = "Kazakhstan endorsed China."
    assert fact not in read(sentence, english)[1]
    assert fact in read(sentence, load_lexicon(copy_pack(tmp_path, edit)))[1]


def test_extending_a_predicate(read, tmp_path, monkeypatch):
    # The ontology declares gb:criticized (domain, range); vocab.PREDICATES says the same.
    actors = ("Person", "Country", "Organization")
    monkeypatch.setitem(vocab.PREDICATES, "criticized", (actors, actors, False))

    def edit(files):
        files["triggers.json"]["predicates"]["criticized"] = {"verbs": {"criticize": {"object": ["dobj"]}}}

    record, facts, _ = read("Germany criticized Russia.", load_lexicon(copy_pack(tmp_path, edit)))
    assert ("germany", "criticized", "russia") in facts
    assert [r.rule for r in record.relations if r.predicate == "criticized"] == ["verb:criticize"]


def test_extending_an_unknown_predicate_is_refused(tmp_path):
    def edit(files):
        files["triggers.json"]["predicates"]["criticized"] = {"verbs": {"criticize": {"object": ["dobj"]}}}

    with pytest.raises(ValueError, match="unknown predicate 'criticized'"):
        load_lexicon(copy_pack(tmp_path, edit))


def test_extending_an_event_type(read, english, tmp_path, monkeypatch):
    monkeypatch.setitem(vocab.SUBCLASSES, "Negotiation", "Event")  # declared in the ontology

    def edit(files):
        triggers = files["triggers.json"]
        triggers["event_types"]["Negotiation"] = {
            "participants": {"from": ["subjects", "objects"], "classes": ["Person"], "at_least": 2},
            "locations": {"from": ["in", "at"], "classes": ["Place", "Country"]},
            "hosts": ["Country"],
        }
        triggers["predicates"]["metWith"]["nouns"]["negotiation"] = {
            "object": ["with"], "subject": ["poss"], "poss": "subject", "between": True, "event": "Negotiation"}

    sentence = "Xi Jinping held negotiations with Vladimir Putin."
    assert not [e for e in read(sentence, english)[0].events if e.cls == "Negotiation"]
    record, facts, name = read(sentence, load_lexicon(copy_pack(tmp_path, edit)))
    events = [e for e in record.events if e.cls == "Negotiation"]
    assert len(events) == 1
    assert {name(p) for p in events[0].participants} == {"xi-jinping", "vladimir-putin"}
    assert ("xi-jinping", "metWith", "vladimir-putin") in facts


def test_extending_an_event_type_needs_its_spec(tmp_path):
    def edit(files):
        files["triggers.json"]["predicates"]["metWith"]["nouns"]["negotiation"] = {
            "object": ["with"], "event": "Negotiation"}

    with pytest.raises(ValueError, match="no event type 'Negotiation'"):
        load_lexicon(copy_pack(tmp_path, edit))


def test_extending_a_gazetteer_entry(corpus, tmp_path):
    import graphbuild

    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    folder = corpus({"a.txt": "Vietnam is a member of the Mekong Basin Council.\n"})
    before = graphbuild.build([folder], ontology=onto).graph
    with open(onto / "gazetteer" / "organizations.tsv", "a", encoding="utf-8") as fh:
        fh.write("mekong-council\tMRC\tInternationalOrganization\tMekong Basin Council\t\n")
    after = graphbuild.build([folder], ontology=onto).graph
    assert "entity/mekong-council" not in before
    assert after.nodes["entity/mekong-council"]["label"] == "MRC"
    assert after.has_edge("entity/vietnam", "entity/mekong-council", key="memberOf")


def test_extending_a_language_pack_word_list(read, english, tmp_path, monkeypatch):
    def edit(files):
        files["words.json"]["definite_descriptions"]["coalition"] = "Organization"

    sentence = "NATO leaders gathered in Vilnius. The coalition supports Ukraine."
    fact = ("nato", "supports", "ukraine")
    assert fact not in read(sentence, english)[1]
    pack = copy_pack(tmp_path, edit)
    monkeypatch.setenv("GRAPHBUILD_LANGUAGE", str(pack))
    lang.refresh()
    assert "coalition" in lang.words().definite_descriptions
    assert fact in read(sentence, load_lexicon(pack))[1]


def test_extending_a_registered_frame(read, tmp_path):
    """One function registered by name, and a trigger that names it."""

    def object_pair(scope, verb, trig):
        """'The treaty unites Russia and China': the coordinated objects, to each other."""
        mode = modality(scope.lexicon, verb)
        if mode is None:
            return NOTHING
        objects = [a for t in prep_objects(verb, trig.object) for a in args(scope, t)]
        return Found(tuple(emit(scope, trig, objects, [], verb, f"verb:{trig.lemma}", mode, BASE_CONFIDENCE["verb"])))

    def edit(files):
        files["triggers.json"]["predicates"]["partnerOf"]["verbs"]["unite"] = {"object": ["dobj"], "frame": "object-pair"}

    lexicon = load_lexicon(copy_pack(tmp_path, edit))
    trigger_frames.register("object-pair")(object_pair)
    try:
        record, facts, _ = read("The treaty unites Russia and China.", lexicon)
    finally:
        trigger_frames.unregister("object-pair")
    assert ("russia", "partnerOf", "china") in facts
    assert {r.rule for r in record.relations} == {"verb:unite+pair"}
    with pytest.raises(ValueError, match="no frame named 'object-pair'"):
        read("The treaty unites Russia and China.", lexicon)


def test_extending_the_order_of_noun_steps_is_data(read, english, tmp_path):
    def edit(files):
        files["triggers.json"]["frames"]["noun_steps"].remove("copula")

    # a bloc with no membership data: the fact comes from the copula step alone
    sentence = "Turkey is a member of the OSCE."
    assert ("turkey", "memberOf", "osce") in read(sentence, english)[1]
    assert ("turkey", "memberOf", "osce") not in read(sentence, load_lexicon(copy_pack(tmp_path, edit)))[1]


def test_extending_furniture_patterns_take_effect_after_refresh(tmp_path, monkeypatch):
    text = b"Editor's picks\n\nVladimir Putin met Xi Jinping in Beijing on Tuesday.\n"
    pack = copy_pack(tmp_path)
    monkeypatch.setenv("GRAPHBUILD_LANGUAGE", str(pack))
    lang.refresh()
    assert any(s.text == "Editor's picks" for s in parse_document(text, "a.txt").segments)
    furniture = json.loads((pack / "furniture.json").read_text(encoding="utf-8"))
    furniture["lines"].append("editor'?s picks")
    (pack / "furniture.json").write_text(json.dumps(furniture), encoding="utf-8")
    lang.refresh()  # a build does this first
    assert [s.text for s in parse_document(text, "a.txt").segments] == [
        "Vladimir Putin met Xi Jinping in Beijing on Tuesday."]
