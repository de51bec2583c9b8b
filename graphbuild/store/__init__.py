"""What serves a built graph: SPARQL over the embedded Oxigraph store, loading into a
triplestore over the Graph Store Protocol, and SHACL validation."""
