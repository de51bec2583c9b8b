"""The output folder of a build: locked, checked before the work, switched in one step.

A build writes its files into a fresh hidden folder next to ``--out``
(``.<name>.graphbuild-<pid>-<random>``), carries over whatever else ``--out``
held, and exchanges the two folders with one ``renameat2(RENAME_EXCHANGE)``: a
reader, or a build killed at any moment, sees either all the old files or all the
new ones. Where the exchange is not available (no write access to the parent
folder, a file system without it) the files are renamed into ``--out`` one by one.

``--out`` is locked (``flock`` on the folder) from before the NLP until the switch,
so a second build into the same folder refuses at once with a clear message; a
temporary folder is removed only when the process that made it is gone.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
import signal
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO, Callable

Writer = Callable[[BinaryIO], object]
Contents = dict  # file name -> bytes or Writer

#: Environment variable naming a commit step at which the process kills itself (tests).
FAILPOINT = "GRAPHBUILD_FAILPOINT"
STAGING_MARK = ".graphbuild-"
_STAGING = re.compile(r"\.graphbuild-(\d+)-")


class OutputError(RuntimeError):
    """The output folder cannot be used; the message says why in one line."""


class OutputBusy(OutputError):
    """Another build holds the output folder."""


def failpoint(name: str) -> None:
    """Die here, as a kill would, when the environment asks for it (tests only)."""
    if os.environ.get(FAILPOINT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
    pause = os.environ.get("GRAPHBUILD_PAUSE_BEFORE_RENAME")
    if pause and name == "before-switch":  # lets the interruption tests catch this moment
        time.sleep(float(pause))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def exchange(a: Path, b: Path) -> None:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        raise OSError(errno.ENOSYS, "renameat2 is not available") from None
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a))


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class OutputFolder:
    """``with OutputFolder(out) as target: ... target.commit({"graph.ttl": writer, ...})``"""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(os.path.abspath(path))
        self._fd: int | None = None
        self.atomic = True
        #: Set when the files were renamed in one by one (no exchange): say so.
        self.notice: str | None = None

    # ----------------------------------------------------------------- open, lock
    def __enter__(self) -> "OutputFolder":
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        """Create the folder, lock it, clear what dead builds left, and make sure we can
        write (before any NLP is spent)."""
        if self.path.is_symlink():
            self.path = self.path.resolve()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise OutputError(f"cannot write into {self.path}: it is a file, not a folder") from None
        except OSError as exc:
            raise OutputError(f"cannot create {self.path}: {_reason(exc)}") from None
        if not self.path.is_dir():
            raise OutputError(f"cannot write into {self.path}: not a folder")
        self._fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.close()
            raise OutputBusy(f"another graphbuild build is writing into {self.path}; "
                             f"wait for it to finish or choose another --out") from None
        self._clear_stale()
        self.atomic = self._probe(self.path.parent)
        if not self.atomic and not self._probe(self.path):
            self.close()
            raise OutputError(f"cannot write into {self.path}: "
                              f"{os.strerror(errno.EROFS) if _read_only(self.path) else 'permission denied'}")

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None

    def _probe(self, folder: Path) -> bool:
        try:
            probe = tempfile.mkdtemp(prefix=f".{self.path.name}{STAGING_MARK}{os.getpid()}-", dir=folder)
        except OSError:
            return False
        os.rmdir(probe)
        return True

    def _clear_stale(self) -> None:
        """Remove temporary folders and files of builds that no longer run."""
        candidates = [*self.path.parent.glob(f".{glob_escape(self.path.name)}{STAGING_MARK}*"),
                      *self.path.glob(f"{STAGING_MARK}*")]
        for path in candidates:
            m = _STAGING.search(path.name)
            if m and _alive(int(m.group(1))):
                continue  # a live build's: never touched
            if not m and not path.name.endswith(".tmp"):
                continue
            if path.parent == self.path.parent:
                _recover_subfolders(path, self.path)
            try:
                shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
            except OSError:
                pass

    # -------------------------------------------------------------------- commit
    def commit(self, contents: Contents) -> list[Path]:
        """Write every file (bytes, or a function writing into the open file) and make
        them appear together. On any failure the previous files stay as they were."""
        if self._fd is None:
            raise OutputError("the output folder is not open")
        try:
            if self.atomic:
                return self._commit_by_exchange(contents)
            return self._commit_in_place(contents)
        except OSError as exc:
            raise OutputError(f"cannot write into {self.path}: {_reason(exc)}") from None

    def _commit_by_exchange(self, contents: Contents) -> list[Path]:
        staging = Path(tempfile.mkdtemp(prefix=f".{self.path.name}{STAGING_MARK}{os.getpid()}-",
                                        dir=self.path.parent))
        try:
            os.chmod(staging, stat.S_IMODE(os.stat(self.path).st_mode))
            for name, data in contents.items():
                _write_file(staging / name, data)
            _carry_over(self.path, staging, set(contents))
            failpoint("before-switch")
            try:
                exchange(staging, self.path)
            except OSError as exc:
                if exc.errno not in (errno.ENOSYS, errno.EINVAL, errno.EXDEV, errno.EBUSY):
                    raise
                return self._rename_each(staging, contents)
            failpoint("after-switch")
            # The old folder is now ``staging``: its subfolders move back (files were linked).
            for entry in list(staging.iterdir()):
                if entry.is_dir() and not entry.is_symlink() and not (self.path / entry.name).exists():
                    os.rename(entry, self.path / entry.name)
            return [self.path / name for name in contents]
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _commit_in_place(self, contents: Contents) -> list[Path]:
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_MARK}{os.getpid()}-", dir=self.path))
        try:
            for name, data in contents.items():
                _write_file(staging / name, data)
            failpoint("before-switch")
            return self._rename_each(staging, contents)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _rename_each(self, staging: Path, contents: Contents) -> list[Path]:
        self.notice = (f"{self.path}: the files were renamed in one by one (no atomic folder exchange here); "
                       "a reader during the switch may see old and new files together")
        if staging.parent != self.path:  # renames must stay on one file system
            inner = Path(tempfile.mkdtemp(prefix=f"{STAGING_MARK}{os.getpid()}-", dir=self.path))
            for name in contents:
                shutil.move(staging / name, inner / name)
            staging = inner
        try:
            for name in contents:
                os.replace(staging / name, self.path / name)
                failpoint("between-renames")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return [self.path / name for name in contents]


def _recover_subfolders(staging: Path, out: Path) -> None:
    """A dead build's folder next to ``out`` holds real subfolders only when it was
    killed after the exchange, before moving the user's subfolders back: move them."""
    if not staging.is_dir() or staging.is_symlink():
        return
    for entry in staging.iterdir():
        if entry.is_dir() and not entry.is_symlink() and not (out / entry.name).exists():
            try:
                os.rename(entry, out / entry.name)
            except OSError:
                pass


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _write_file(path: Path, data) -> None:
    umask = os.umask(0)
    os.umask(umask)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~umask)
    with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
        if callable(data):
            data(fh)
        else:
            fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _carry_over(old: Path, new: Path, written: set[str]) -> None:
    """Everything else ``old`` holds appears in ``new`` too: files as hard links (or
    copies), symbolic links recreated; subfolders are moved after the switch."""
    for entry in old.iterdir():
        if entry.name in written or entry.name.startswith(STAGING_MARK):
            continue
        target = new / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_file():
            try:
                os.link(entry, target)
            except OSError:
                shutil.copy2(entry, target)


def write_atomically(out: str | os.PathLike, contents: Contents) -> list[Path]:
    """Open ``out``, write ``contents`` into it all at once, close it."""
    with OutputFolder(out) as target:
        return target.commit(contents)
