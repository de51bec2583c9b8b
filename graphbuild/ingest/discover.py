"""Which files under the inputs are articles, and which are skipped and why."""

from __future__ import annotations

import os
from pathlib import Path

#: File endings read as articles, by reader.
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES


def discover(inputs: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under ``inputs`` (folders recursively, sorted) and what was skipped.

    Symbolic links to files are read; links to folders are not followed (a link loop
    would never end). Hidden files and folders are ignored.
    """
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []

    def consider(path: Path) -> None:
        if path.is_symlink():
            try:
                path.stat()
            except OSError as exc:
                reason = "symbolic link loop" if exc.errno == 40 else "broken symbolic link"
                skipped.append((str(path), reason))
                return
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped.append((str(path), f"unsupported file type {path.suffix.lower() or '(none)'!r}"))
            return
        if not path.is_file():
            skipped.append((str(path), "not a regular file"))
            return
        files.append(path)

    for root in inputs:
        if root.is_symlink() and not root.exists():
            skipped.append((str(root), "broken symbolic link"))
        elif root.is_dir():
            for folder, dirs, names in os.walk(root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith("."):
                        consider(Path(folder) / name)
        elif root.exists() or root.is_symlink():
            consider(root)
        else:
            skipped.append((str(root), "no such file or folder"))
    return files, skipped

