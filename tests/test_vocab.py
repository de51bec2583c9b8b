"""The closed vocabulary and the published ontology declare the same terms."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graphbuild.vocab import GB, GB_IRI, TERMS, class_chain, core_class

from .conftest import ROOT


def test_vocab_refuses_misspelt_terms():
    assert str(GB.visited) == GB_IRI + "visited"
    with pytest.raises((AttributeError, KeyError)):
        GB.visitted  # noqa: B018


def test_vocab_and_ontology_declare_the_same_terms():
    onto = Graph().parse(ROOT / "ontology" / "graphbuild.ttl")
    declared = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        declared |= {str(s)[len(GB_IRI):] for s in onto.subjects(RDF.type, kind) if str(s).startswith(GB_IRI)}
    assert declared == set(TERMS)


def test_ontology_every_term_has_label_and_comment():
    from rdflib.namespace import RDFS

    onto = Graph().parse(ROOT / "ontology" / "graphbuild.ttl")
    for term in TERMS:
        assert onto.value(GB[term], RDFS.label) is not None, term
        assert onto.value(GB[term], RDFS.comment) is not None, term


def test_ontology_symmetric_predicates_match_vocab():
    from graphbuild.vocab import PREDICATES

    onto = Graph().parse(ROOT / "ontology" / "graphbuild.ttl")
    declared = {str(s)[len(GB_IRI):] for s in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert declared == {p for p, (_, _, sym) in PREDICATES.items() if sym}


def test_every_gb_term_in_the_seed_build_is_declared(seed_out):
    onto = Graph().parse(ROOT / "ontology" / "graphbuild.ttl")
    declared = {str(s) for s in onto.subjects(RDF.type, None)}
    built = Graph().parse(seed_out / "graph.ttl")
    used = {str(t) for triple in built for t in triple if str(t).startswith(GB_IRI)}
    assert used and used <= declared


@pytest.mark.parametrize(
    "cls, core, chain",
    [
        ("War", "Event", ("War", "Conflict", "Event")),
        ("InternationalOrganization", "Organization", ("InternationalOrganization", "Organization")),
        ("City", "Place", ("City", "Place")),
        ("Person", "Person", ("Person",)),
    ],
)
def test_vocab_class_hierarchy(cls, core, chain):
    assert core_class(cls) == core
    assert class_chain(cls) == chain


def _ontology_predicates() -> dict:
    """(domain, range, symmetric) of every object property of the ontology, as vocab has them."""
    from rdflib import URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import RDFS

    onto = Graph().parse(ROOT / "ontology" / "graphbuild.ttl")

    def classes(node) -> tuple[str, ...]:
        if isinstance(node, URIRef):
            return (str(node)[len(GB_IRI):],)
        return tuple(str(c)[len(GB_IRI):] for c in Collection(onto, onto.value(node, OWL.unionOf)))

    found = {}
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        domain, rng = onto.value(prop, RDFS.domain), onto.value(prop, RDFS.range)
        if domain is None or rng is None or classes(domain) == ("Event",):
            continue  # event roles (participant, host, location) are not relation predicates
        found[str(prop)[len(GB_IRI):]] = (classes(domain), classes(rng), (prop, RDF.type, OWL.SymmetricProperty) in onto)
    return found


def test_vocab_predicates_are_the_ontology_domain_range_and_symmetry():
    """ontology/graphbuild.ttl is the source: vocab.PREDICATES must say the same, in the same order."""
    from graphbuild.vocab import PREDICATES

    declared = _ontology_predicates()
    assert declared == PREDICATES, "vocab.PREDICATES should be:\n" + "\n".join(
        f"    {p!r}: {v!r}," for p, v in sorted(declared.items()))


def test_vocab_subclasses_are_the_ontology_class_hierarchy():
    from rdflib.namespace import RDFS

    from graphbuild.vocab import SUBCLASSES

    onto = Graph().parse(ROOT / "ontology" / "graphbuild.ttl")
    declared = {str(s)[len(GB_IRI):]: str(o)[len(GB_IRI):] for s, o in onto.subject_objects(RDFS.subClassOf)
                if str(s).startswith(GB_IRI) and str(o).startswith(GB_IRI)}
    assert declared == SUBCLASSES
