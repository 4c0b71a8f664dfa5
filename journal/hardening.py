"""Process hardening done once at start-up, for the CLI and the GUI alike."""

from __future__ import annotations

import sys


def harden_process() -> None:
    """No core dumps: a crash must not write the decrypted journal to disk.

    RLIMIT_CORE=0 stops core files; PR_SET_DUMPABLE=0 also stops systemd-coredump
    and other processes of the same user from reading our memory via ptrace.
    """
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_DUMPABLE = 4
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass
