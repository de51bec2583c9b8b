"""Child processes that die with their parent.

A forked worker outlives a parent killed with SIGKILL (nothing runs in the parent to
stop it): it would go on using memory, and holding the caller's stdout and stderr
open, so a script reading them would wait for ever. On Linux the kernel sends the
child SIGKILL when its parent dies (``PR_SET_PDEATHSIG``); elsewhere nothing is set.
The kernel watches the thread that forked the child: here always the one that then
waits for the child's answers, so it cannot end first while the child is still needed.
"""

from __future__ import annotations

import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Call first thing in a child: it is killed when ``parent_pid`` ends, and ends at
    once if that parent is already gone (it died before the call)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl in this libc: the check below still catches a dead parent
    if os.getppid() != parent_pid:
        os._exit(1)
