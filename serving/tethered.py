"""`python -m serving.tethered -- COMMAND …`: runs COMMAND so that it dies with whoever started it.

scripts/run.sh starts every server through this. Its own trap stops them on Ctrl-C or SIGTERM, but a
supervisor killed outright (SIGKILL, an out-of-memory kill, a terminal closed under `make run`) runs
no trap, and the Rasa server, in a session of its own, would keep serving and keep its port. Linux's
parent-death signal reaches each server instead: set here, it survives the exec into COMMAND, and
serving/rasa.py sets it again in each worker Rasa forks, tied to Rasa's main process.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Asks the kernel to send `sig` to this process when the thread that started it ends."""
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "--" or len(argv) < 2:
        print("usage: python -m serving.tethered -- COMMAND [ARGUMENT …]", file=sys.stderr)
        return 2
    parent = os.getppid()
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        return 1
    os.execvp(argv[1], argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
