"""The graph's vocabulary: closed namespaces that refuse misspelt terms.

``GB.visited`` works; ``GB.visitted`` raises, so a typo can never put an undeclared
term into a build. A test checks that these terms and ``ontology/graphbuild.ttl``
declare the same set.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import ClosedNamespace

GB_IRI = "https://w3id.org/graphbuild/ontology#"
GBR_IRI = "https://w3id.org/graphbuild/resource/"
WD_IRI = "http://www.wikidata.org/entity/"

#: Core entity classes of the contract.
CORE_CLASSES = ("Person", "Country", "Place", "Organization", "Initiative", "Event")

#: Subclasses and their parent; entities carry both types so plain SPARQL finds them.
SUBCLASSES = {
    "InternationalOrganization": "Organization",
    "Bloc": "Organization",
    "PoliticalParty": "Organization",
    "GovernmentBody": "Organization",
    "Company": "Organization",
    "Continent": "Place",
    "Region": "Place",
    "City": "Place",
    "Sea": "Place",
    "Pipeline": "Initiative",
    "Treaty": "Initiative",
    "Conflict": "Event",
    "War": "Conflict",
    "Pandemic": "Event",
    "Visit": "Event",
    "Meeting": "Event",
    "Summit": "Event",
    "Forum": "Event",
    "Parade": "Event",
}

#: The 17 core relation predicates of the contract: (domain, range, symmetric).
PREDICATES = {
    "leaderOf": (("Person",), ("Country", "Organization"), False),
    "visited": (("Person",), ("Place", "Country"), False),
    "metWith": (("Person",), ("Person",), True),
    "memberOf": (("Country", "Person", "Organization"), ("Organization",), False),
    "locatedIn": (("Place",), ("Place", "Country"), False),
    "partnerOf": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), True),
    "opposes": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), False),
    "supports": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), False),
    "sanctioned": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), False),
    "imposedTariffsOn": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), False),
    "atWarWith": (("Country",), ("Country",), True),
    "launched": (("Person", "Country", "Organization"), ("Initiative", "Organization"), False),
    "participatesIn": (("Person", "Country", "Organization"), ("Initiative", "Organization"), False),
    "claims": (("Country",), ("Place", "Country"), False),
    "tradesWith": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), True),
    "exportsTo": (("Person", "Country", "Organization"), ("Person", "Country", "Organization"), False),
    "annexed": (("Country",), ("Place",), False),
}

#: Datatype and structural properties of the build.
PROPERTIES = (
    "mentionCount", "evidence", "confidence", "sourceFile", "sha256", "rule", "modality",
    "sentenceStart", "sentenceEnd", "participant", "host", "location", "date", "cameoCode",
    "partOf", "articleCount", "endDate", "correctedBy", "correctionKind", "line", "sourceRecord",
)

CLASSES = CORE_CLASSES + tuple(SUBCLASSES) + ("Document",)
#: The provenance of hand corrections; no entity has these classes.
PROVENANCE_CLASSES = ("CorrectionsFile", "Correction")
TERMS = CLASSES + PROVENANCE_CLASSES + tuple(PREDICATES) + PROPERTIES

GB = ClosedNamespace(GB_IRI, list(TERMS))
GBR = Namespace(GBR_IRI)
WD = Namespace(WD_IRI)
SCHEMA = Namespace("https://schema.org/")


def core_class(cls: str) -> str:
    """The contract class a (sub)class belongs to: 'War' -> 'Event'."""
    seen = set()
    while cls in SUBCLASSES and cls not in seen:
        seen.add(cls)
        cls = SUBCLASSES[cls]
    if cls not in CORE_CLASSES:
        raise ValueError(f"unknown class {cls!r}")
    return cls


def class_chain(cls: str) -> tuple[str, ...]:
    """The class and all its ancestors: 'War' -> ('War', 'Conflict', 'Event')."""
    chain = [cls]
    while chain[-1] in SUBCLASSES:
        chain.append(SUBCLASSES[chain[-1]])
    return tuple(chain)
