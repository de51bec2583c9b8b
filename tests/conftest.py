"""Shared fixtures: the gazetteer, the spaCy pipeline and one seed build per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.json"
OUTPUT = ROOT / "output"


@pytest.fixture(scope="session")
def gazetteer():
    from graphbuild.knowledge.gazetteer import load_gazetteer

    return load_gazetteer(ROOT / "ontology" / "gazetteer")


@pytest.fixture(scope="session")
def nlp(gazetteer):
    from graphbuild.nlp import load_pipeline

    return load_pipeline(gazetteer=gazetteer)


@pytest.fixture
def mentions(nlp, gazetteer):
    """The mentions of a text: mentions("Putin met Xi.") -> [Mention, ...]."""
    from graphbuild.extract.entities import segment_mentions
    from graphbuild.ingest import parse_document

    def run(text: str):
        doc = parse_document(text.encode(), "t.txt")
        parsed = list(nlp.pipe(s.text for s in doc.segments))
        found, _ = segment_mentions(zip(doc.segments, parsed), doc, gazetteer)
        return found

    return run


@pytest.fixture(scope="session")
def lexicon():
    from graphbuild.extract.lexicon import load_lexicon
    from graphbuild.lang import language_dir

    return load_lexicon(language_dir())


@pytest.fixture
def record(nlp, gazetteer, lexicon):
    """The DocRecord of a text: record("Putin met Xi.") -> mentions, relations, events."""
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    def run(text: str):
        doc = parse_document(text.encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        return extract_document(pairs, doc, gazetteer, lexicon)

    return run


@pytest.fixture
def events(record):
    """The events of a text as (class, participants, places, hosts, date, modality),
    names by their gazetteer id or their text; the text is dated 2025-09-05 unless
    ``date`` says otherwise (None: undated)."""

    def run(text: str, date: str | None = "2025-09-05"):
        header = f"{date}\n\n" if date else ""
        found = record(header + text)
        full = found.document.text

        def name(ref):
            return ref[1] if ref[0] == "gazetteer" else full[ref[0]:ref[1]]

        return [(e.cls, tuple(name(p) for p in e.participants), tuple(name(p) for p in e.locations),
                 tuple(name(p) for p in e.hosts), e.date, e.modality) for e in found.events]

    return run


@pytest.fixture(scope="session")
def build_cached():
    """A factory: (root, articles) -> (corpus folder, a cache folder filled by a build,
    the corpus's Turtle built without any cache), for the cache tests."""
    import graphbuild

    def make(root: Path, articles: dict[str, str]):
        folder = root / "corpus"
        folder.mkdir()
        for name, text in articles.items():
            (folder / name).write_text(text)
        expected = graphbuild.build([folder], no_cache=True).to_turtle()
        cache = root / "cache"
        graphbuild.build([folder], cache_dir=cache)
        return folder, cache, expected

    return make


@pytest.fixture(scope="session")
def seed_result():
    import graphbuild

    return graphbuild.build([SEEDS])


@pytest.fixture(scope="session")
def seed_out(seed_result, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    seed_result.write(out)
    return out


@pytest.fixture
def corpus(tmp_path):
    """Write articles into a temporary folder: corpus({"a.txt": "text"}) -> folder."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "corpus"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (Debian's, installed by `make test`)."""
    from .browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """One Virtuoso for the session (it takes seconds to start), on 127.0.0.1 with a
    database of its own; skipped when not installed, except in CI (CI=true) where that fails."""
    from .stores import virtuoso

    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server
