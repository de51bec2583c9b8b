"""Time limits for work that a library cannot interrupt (a SPARQL query in Oxigraph,
SHACL validation in pySHACL): the work runs in a forked child process that is killed
when its time is up."""

from __future__ import annotations

import multiprocessing
import os
import pickle

from .lifeline import die_with_parent


class TimeLimitExceeded(RuntimeError):
    """The work took longer than its time limit and was stopped."""


class ChildDied(RuntimeError):
    """The child process ended without an answer (killed, or out of memory)."""


def _child(conn, fn, args, parent_pid) -> None:
    die_with_parent(parent_pid)
    try:
        answer = ("ok", fn(*args))
    except BaseException as exc:  # everything goes back to the parent, which re-raises it
        answer = ("error", exc)
    try:
        conn.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError):
        conn.send(("error", RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}")))
    finally:
        conn.close()


def call_with_time_limit(fn, args: tuple, timeout: float | None, what: str = "the work"):
    """``fn(*args)`` in a forked child; its exception is raised here. Past ``timeout``
    seconds the child is killed and :class:`TimeLimitExceeded` raised."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, fn, args, os.getpid()), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise TimeLimitExceeded(f"{what} took longer than {timeout:g} s and was stopped")
        try:
            status, value = parent.recv()
        except EOFError:
            process.join(5)
            raise ChildDied(f"{what} stopped without an answer (exit code {process.exitcode}; "
                            "out of memory?)") from None
        except (pickle.UnpicklingError, TypeError, AttributeError) as exc:
            raise ChildDied(f"{what} failed and its error could not be read back ({exc})") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if status == "error":
        raise value
    return value
