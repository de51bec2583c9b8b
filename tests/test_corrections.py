"""Hand corrections (--corrections FILE, TSV or TOML) applied at resolution: merge
names, keep two apart, not an entity, set a type or a Wikidata id."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import graphbuild
from graphbuild.cli import cli
from graphbuild.resolve.corrections import CorrectionsError, load_corrections

TALKS = "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel praised the talks."


def _build(tmp_path, text: str, suffix: str = ".tsv"):
    path = tmp_path / f"fix{suffix}"
    path.write_text(text, encoding="utf-8")
    return graphbuild.build_texts([("talks", TALKS)], no_cache=True, corrections=path)


def _labels(kg) -> dict[str, graphbuild.Entity]:
    return {e.label: e for e in kg.entities}


def test_corrections_merge_names_into_one_node(tmp_path):
    kg = _build(tmp_path, "merge\tAngela Merkel\tEmmanuel Macron\n")
    merged = _labels(kg)["Angela Merkel"]
    assert "Emmanuel Macron" not in _labels(kg) and "Emmanuel Macron" in merged.alt_labels
    assert merged.mention_count == 3


def test_corrections_keep_two_names_apart(tmp_path):
    assert "Merkel" in _labels(graphbuild.build_texts([("talks", TALKS)], no_cache=True))["Angela Merkel"].alt_labels
    kg = _build(tmp_path, "apart\tAngela Merkel\tMerkel\n")
    labels = _labels(kg)
    assert labels["Angela Merkel"].mention_count == 1 and labels["Merkel"].mention_count == 1
    assert labels["Merkel"].id == "entity:merkel"


def test_corrections_drop_a_name_that_is_not_an_entity(tmp_path):
    kg = _build(tmp_path, "# Paris is a typo here\nnot-entity\tParis\n")
    assert "Paris" not in _labels(kg) and "Angela Merkel" in _labels(kg)


@pytest.mark.parametrize("suffix, text", [
    (".tsv", "type\tParis\tOrganization\nwikidata\tEmmanuel Macron\tQ3052772\n"),
    (".toml", '[type]\nParis = "Organization"\n[wikidata]\n"Emmanuel Macron" = "Q3052772"\n'),
])
def test_corrections_set_a_type_and_a_wikidata_id(tmp_path, suffix, text):
    kg = _build(tmp_path, text, suffix)
    assert _labels(kg)["Paris"].cls == "Organization"
    assert _labels(kg)["Emmanuel Macron"].wikidata == "Q3052772"
    assert "owl:sameAs wd:Q3052772" in kg.to_turtle().decode()


def test_corrections_toml_merge_apart_and_not_entity(tmp_path):
    path = tmp_path / "fix.toml"
    path.write_text('merge = [["Angela Merkel", "Emmanuel Macron"]]\nnot_entity = ["Paris"]\n', encoding="utf-8")
    fixes = load_corrections(path)
    assert fixes.merge == (("Angela Merkel", "Emmanuel Macron"),) and fixes.not_entity == ("Paris",)


@pytest.mark.parametrize("text, message", [
    ("merge\tOnly One\n", ":1: expected one of merge"),
    ("type\tParis\tCity-State\n", "is not a class"),
    ("wikidata\tParis\t90\n", "is not a Wikidata id"),
    ("rename\tA\tB\n", ":1: expected one of"),
])
def test_corrections_file_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "fix.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=message):
        load_corrections(path)


def test_build_cli_takes_corrections(corpus, tmp_path):
    folder = corpus({"talks.txt": TALKS})
    fixes = tmp_path / "fix.tsv"
    fixes.write_text("not-entity\tParis\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--corrections", str(fixes),
                                      "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    assert "entity/paris" not in (out / "graph.ttl").read_text(encoding="utf-8")
    fixes.write_text("type\tParis\tTown\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--corrections", str(fixes), "-q"])
    assert result.exit_code == 1 and "is not a class" in result.output


# ------------------------------------------------------------------ provenance


def _provenance(kg):
    """Every correction in the Turtle: its kind, line, file name, file sha256 and the
    ids of the nodes gb:correctedBy it."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import PROV, RDF

    gb = Namespace("https://w3id.org/graphbuild/ontology#")
    g = Graph().parse(data=kg.to_turtle(), format="turtle")
    found = []
    for c in sorted(g.subjects(RDF.type, gb.Correction)):
        source = g.value(c, PROV.wasDerivedFrom)
        line = g.value(c, gb.line)
        found.append((str(g.value(c, gb.correctionKind)), None if line is None else int(line),
                      str(g.value(source, gb.sourceFile)), str(g.value(source, gb.sha256)),
                      sorted(str(n).rsplit("/", 1)[1] for n in g.subjects(gb.correctedBy, c))))
    return found


@pytest.mark.parametrize("line, nodes", [
    ("merge\tAngela Merkel\tEmmanuel Macron", ["angela-merkel"]),
    ("apart\tAngela Merkel\tMerkel", ["angela-merkel", "merkel"]),
    ("not-entity\tParis", []),
    ("type\tParis\tOrganization", ["paris"]),
    ("wikidata\tEmmanuel Macron\tQ3052772", ["emmanuel-macron"]),
])
def test_corrections_recorded_in_the_provenance_of_the_graph(tmp_path, line, nodes):
    import hashlib

    kg = _build(tmp_path, f"# fixes\n{line}\n")
    sha = hashlib.sha256((tmp_path / "fix.tsv").read_bytes()).hexdigest()
    assert _provenance(kg) == [(line.split("\t")[0], 2, "fix.tsv", sha, nodes)]


def test_corrections_provenance_of_a_toml_file_and_a_clean_build(tmp_path):
    kg = _build(tmp_path, '[type]\nParis = "Organization"\n', ".toml")
    [(kind, line, source, _, nodes)] = _provenance(kg)
    assert (kind, line, source, nodes) == ("type", None, "fix.toml", ["paris"])
    assert _provenance(graphbuild.build_texts([("talks", TALKS)], no_cache=True)) == []


def test_corrections_graph_with_provenance_conforms_to_the_shapes(tmp_path):
    from graphbuild.store.validate import validate

    kg = _build(tmp_path, "merge\tAngela Merkel\tMerkel\nnot-entity\tParis\nwikidata\tEmmanuel Macron\tQ3052772\n")
    out = tmp_path / "out"
    kg.write(out)
    result = validate(out)
    assert result.conforms, result.violations
    assert [(kind, line) for kind, line, *_ in _provenance(kg)] == [("merge", 1), ("not-entity", 2), ("wikidata", 3)]


def test_corrections_provenance_follows_a_node_into_a_later_merge(tmp_path):
    # apart makes a node "merkel"; merge then folds it into Emmanuel Macron's: the apart
    # correction changed that node too.
    kg = _build(tmp_path, "apart\tAngela Merkel\tMerkel\nmerge\tEmmanuel Macron\tMerkel\n")
    assert [(kind, nodes) for kind, _, _, _, nodes in _provenance(kg)] == [
        ("apart", ["angela-merkel", "emmanuel-macron"]), ("merge", ["emmanuel-macron"])]
