"""Bounded memory: importing and exporting big files streams, it never holds them whole.

A generated stream (never materialised) of 300 MiB is imported and read back.
Python-level allocations are measured with tracemalloc; the whole process
(including SQLite's page cache) with the kernel's peak-RSS counter, reset
through /proc/self/clear_refs so each phase is measured on its own.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tracemalloc

import pytest

MIB = 1024 * 1024

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


class GeneratedStream:
    """`size` bytes made on demand from one 1 MiB block with a counter in front."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pos = 0
        self.block = bytearray(os.urandom(MIB))
        self.digest = hashlib.sha256()

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.size - self.pos, MIB)
        if n <= 0:
            return 0
        self.block[:8] = self.pos.to_bytes(8, "little")
        buffer[:n] = self.block[:n]
        self.digest.update(self.block[:n])
        self.pos += n
        return n


def _status(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _measure(fn, baseline: int) -> tuple[int, int]:
    """(peak RSS during fn() above `baseline`, peak traced Python allocation during fn())."""
    if not _reset_peak():
        pytest.skip("cannot reset the peak RSS counter here")
    tracemalloc.start()
    try:
        fn()
        _, traced_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return _status("VmHWM") - baseline, traced_peak


def test_large_import_and_export_use_bounded_memory(journal):
    entry = journal.entries.add(title="Long video").uuid
    store = journal.attachments
    results = {}
    # Growth is measured from the unlocked, idle journal for every phase, so
    # the page cache filled by an earlier phase still counts.
    baseline = _status("VmRSS")

    for size_mib in (50, 300):
        stream = GeneratedStream(size_mib * MIB)
        holder = {}

        def run(stream=stream, name=f"{size_mib}.mp4", holder=holder):
            holder["att"] = store.add_stream(entry, stream, name)

        growth, traced = _measure(run, baseline)
        att = holder["att"]
        assert att.size == size_mib * MIB
        assert att.sha256 == stream.digest.hexdigest()
        results[size_mib] = (growth, traced)

    print("memory (rss growth, traced peak) by MiB:", {k: (g // MIB, t // MIB) for k, (g, t) in results.items()})
    # Python objects: a few chunks at most, whatever the file size.
    assert results[300][1] < 16 * MIB, results
    # Whole process: SQLite's 64 MiB page cache plus a few chunks, and no scaling with size.
    assert results[300][0] < 100 * MIB, results
    assert results[300][0] <= results[50][0] + 32 * MIB, results

    def read_back():
        digest = hashlib.sha256()
        with store.open_stream(att.uuid) as stream:
            while piece := stream.read(MIB):
                digest.update(piece)
        assert digest.hexdigest() == att.sha256

    growth, traced = _measure(read_back, baseline)
    assert traced < 16 * MIB
    assert growth < 100 * MIB
    assert journal.verify() == []


def test_add_files_read_ahead_is_bounded(journal, tmp_path, monkeypatch):
    """add_files reads small files ahead on worker threads, but never more than its byte
    budget (plus the file being written), however many files there are."""
    from journal.records import attachments as att_mod

    monkeypatch.setattr(att_mod, "PREFETCH_BYTES", 8 * MIB)
    paths = []
    for i in range(16):
        path = tmp_path / f"{i:02d}.bin"
        path.write_bytes(os.urandom(3 * MIB))
        paths.append(path)
    entry = journal.entries.add(title="Documents").uuid
    holder = {}

    def run():
        holder["atts"] = journal.attachments.add_files(entry, paths)

    _, traced = _measure(run, _status("VmRSS"))
    assert [a.size for a in holder["atts"]] == [3 * MIB] * 16
    # 8 MiB read ahead + the file being written + one chunk buffer, not 48 MiB of files
    print("add_files traced peak MiB:", traced / MIB)
    assert traced < 8 * MIB + 3 * MIB + 4 * MIB, traced // MIB
    assert journal.verify() == []
