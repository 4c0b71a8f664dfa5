"""Watch files' bytes through an erase: a descriptor kept open on each inode shows what is
really left on disk after the name is gone (an unlink alone leaves the old bytes readable)."""

from __future__ import annotations

import os
from pathlib import Path


class InodeWatch:
    def __init__(self, paths) -> None:
        self.items: list[tuple[Path, int, bytes]] = []
        for path in paths:
            path = Path(path)
            fd = os.open(path, os.O_RDONLY)
            self.items.append((path, fd, os.pread(fd, os.fstat(fd).st_size, 0)))

    def __enter__(self) -> "InodeWatch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for _path, fd, _before in self.items:
            try:
                os.close(fd)
            except OSError:
                pass
        self.items = []

    def not_overwritten(self, window: int = 32) -> list[str]:
        """Files whose old content is still (partly) readable, or whose name is still there."""
        bad = []
        for path, fd, before in self.items:
            if path.exists():
                bad.append(f"{path.name}: still present")
                continue
            now = os.pread(fd, len(before) + 1, 0)
            if len(before) == 0:
                continue
            same = sum(1 for i in range(0, len(before) - window + 1, window)
                       if now[i:i + window] == before[i:i + window])
            if now == before or same:
                bad.append(f"{path.name}: {same} of {len(before) // window} blocks of {window} bytes unchanged")
        return bad
