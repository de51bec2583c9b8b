"""The README tells the truth: its Python examples run (as doctests, from the
repository's root) and its command summary names every option of every command."""

from __future__ import annotations

import doctest
import re

import click
import pytest

from graphbuild.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start: end if end != -1 else None]


def test_readme_python_api_examples_run(tmp_path, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", _section("Python API"), flags=re.S)
    assert len(blocks) >= 3
    monkeypatch.chdir(ROOT)  # the examples read seeds/ and tests/data/ ...
    text = "\n".join(blocks).replace('"build/seed-graph"', repr(str(tmp_path / "seed-graph")))  # ... write elsewhere
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 15
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries == len(test.examples)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_readme_command_summary_names_every_option(command):
    summary = re.search(r"```sh\n(graphbuild build .*?)```", _section("Command line"), flags=re.S).group(1)
    lines = [ln for ln in summary.splitlines()]
    # A command's lines: its own and the indented continuation lines after it.
    own, inside = [], False
    for line in lines:
        if line.startswith("graphbuild "):
            inside = line.startswith(f"graphbuild {command} ")
        if inside:
            own.append(line)
    assert own, command
    text = " ".join(own)
    for param in cli.commands[command].params:
        if isinstance(param, click.Option) and "--help" not in param.opts:
            for opt in param.opts + param.secondary_opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text), f"{command} {opt}"


def test_readme_robustness_promises_name_tests_that_exist():
    promised = re.findall(r"`(tests/test_\w+\.py)::(test_\w+)`", _section("Robustness"))
    assert len(promised) >= 30
    missing = [f"{path}::{name}" for path, name in promised
               if not (ROOT / path).is_file() or f"def {name}(" not in (ROOT / path).read_text(encoding="utf-8")]
    assert missing == []
