"""Which files under the inputs are articles, and which are skipped and why."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Sequence

from ..lang import language_dir, pack_cache

#: File endings read as articles, by reader.
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: File endings of files that hold many articles (or one page and its parts), by format;
#: the longest ending that matches decides (``x.warc.gz`` is a WARC, not a gzip file).
CONTAINER_SUFFIXES = {".warc": "warc", ".warc.gz": "warc", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
                      ".rss": "feed", ".atom": "feed", ".xml": "feed", ".mhtml": "mhtml", ".mht": "mhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | set(CONTAINER_SUFFIXES)


def suffix_of(name: str) -> str:
    """The file ending that decides how ``name`` is read: '.warc.gz' for 'a.warc.gz',
    else the last suffix ('.gz' for 'a.tar.gz'), lowercased."""
    lower = str(name).lower()
    for ending in sorted(CONTAINER_SUFFIXES, key=len, reverse=True):
        if lower.endswith(ending) and len(lower) > len(ending):
            return ending
    return os.path.splitext(lower)[1]


def container_format(name: str) -> str | None:
    """'warc', 'jsonl', 'feed' or 'mhtml' for a file of that kind, else None."""
    return CONTAINER_SUFFIXES.get(suffix_of(name))


@pack_cache
def _input_names_in(directory: str) -> dict:
    path = Path(directory) / "inputs.json"
    if not path.is_file():  # a pack without one reads inputs as the English pack does
        path = Path(__file__).resolve().parents[1] / "lang" / "en" / "inputs.json"
    return json.loads(path.read_text(encoding="utf-8"))


def input_names() -> dict:
    """The names the readers look for (``inputs.json`` of the language pack)."""
    return _input_names_in(str(language_dir()))


def saved_page_of(folder: Path) -> Path | None:
    """The page a browser saved beside ``folder`` ('Name.html' for 'Name_files'), if any."""
    for ending in input_names()["saved_page_folders"]:
        if folder.name.endswith(ending) and len(folder.name) > len(ending):
            stem = folder.name[:-len(ending)]
            page = next((folder.with_name(stem + s) for s in sorted(HTML_SUFFIXES)
                         if folder.with_name(stem + s).is_file()), None)
            if page is not None:
                return page
    return None


#: An empty string is no path ('' is the current folder to ``Path``): reported, never walked.
EMPTY_PATH = ("''", "an empty path names no file (an unset variable?); nothing read for it")


def discover(inputs: Sequence[Path | str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under ``inputs`` (folders recursively, sorted) and what was skipped.

    Symbolic links to files are read; links to folders are not followed (a link loop
    would never end). Hidden files and folders are ignored; an empty path is reported.
    """
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []

    def consider(path: Path) -> None:
        try:
            consider_file(path)
        except OSError as exc:  # a folder we may list but not enter (no execute permission)
            skipped.append((display_path(path), f"cannot read: {exc.strerror or exc}"))

    def consider_file(path: Path) -> None:
        if not_utf8_name(path.name):
            skipped.append((display_path(path), "file name is not valid UTF-8"))
            return
        if path.is_symlink():
            reason = _link_problem(path)
            if reason:
                skipped.append((str(path), reason))
                return
        if suffix_of(path.name) not in SUPPORTED_SUFFIXES:
            skipped.append((str(path), f"unsupported file type {suffix_of(path.name) or '(none)'!r}"))
            return
        if not path.is_file():
            skipped.append((str(path), "not a regular file"))
            return
        pseudo = _pseudo_file(path)
        if pseudo:
            skipped.append((str(path), f"a {pseudo} pseudo-file, not an article (reading it may block)"))
            return
        files.append(path)

    def unreadable(exc: OSError) -> None:
        skipped.append((display_path(exc.filename or "?"), f"cannot read folder: {exc.strerror or exc}"))

    def walk(root: Path) -> None:
        if root.is_symlink() and _link_problem(root):
            skipped.append((str(root), _link_problem(root)))
        elif root.is_dir():
            for folder, dirs, names in os.walk(root, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _saved_resources(Path(folder) / d, skipped))
                for name in sorted(names):
                    if not name.startswith("."):
                        consider(Path(folder) / name)
        elif root.exists() or root.is_symlink():
            consider(root)
        else:
            skipped.append((str(root), "no such file or folder"))

    for root in inputs:
        try:
            walk(Path(root)) if str(root).strip() else skipped.append(EMPTY_PATH)
        except OSError as exc:
            skipped.append((display_path(root), f"cannot read: {exc.strerror or exc}"))
    return files, skipped


def _saved_resources(folder: Path, skipped: list[tuple[str, str]]) -> bool:
    """Is ``folder`` the resources of a page saved beside it? (Then it is skipped, and said so.)"""
    page = saved_page_of(folder)
    if page is not None:
        skipped.append((display_path(folder), f"the resources of the saved page {display_path(page.name)} "
                                              "(frames, scripts, images), not articles"))
    return page is not None


def _link_problem(path: Path) -> str | None:
    try:
        path.stat()
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
    return None


#: Kernel file systems whose "regular" files are views of the running system, some of
#: which block when read (/proc/kmsg).
PSEUDO_FOLDERS = ("/proc", "/sys", "/dev")


def _pseudo_file(path: Path) -> str | None:
    real = os.path.realpath(path)
    return next((f for f in PSEUDO_FOLDERS if real.startswith(f + os.sep)), None)


def not_utf8_name(path: Path | str) -> bool:
    """A name with bytes that are not UTF-8 cannot be written into RDF or HTML."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def display_path(path: Path | str) -> str:
    """``path`` printable on any terminal (undecodable bytes as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def inside(path: Path, folders: Sequence[Path]) -> bool:
    """``path`` lies in one of ``folders`` (links resolved): the build's own output
    folder inside an input is never read back as articles."""
    if not folders:
        return False
    real = os.path.realpath(path)
    return any(real.startswith(os.path.join(os.path.realpath(f), "")) for f in folders)
