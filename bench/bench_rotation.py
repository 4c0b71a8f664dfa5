"""Key rotation (`journal passwd --rotate`) of a big journal: how long each step takes.

    .venv/bin/python bench/bench_rotation.py [--entries 100000] [--attachments-mb 1024]
                                             [--files 200] [--dir FOLDER]

Builds a journal of --entries realistic entries (bench/gen_journal.py) and --attachments-mb of
attachment content in --files files (mostly photo-sized, a few video-sized, streamed from a
generator so memory stays small), closes and reopens it, then rotates its keys
(journal/storage/rotation.py) and prints the time of each step, read from the rotation's step
hook:
  files      every attachment file decrypted and encrypted again into a new file, then synced
  transition the transition key file written (both passphrases give both keys)
  switch     the transaction recording the new attachment keys, committed by PRAGMA rekey
             (every database page rewritten under the new key), and the WAL checkpointed
  final      the final key file (old one overwritten in place first)
  cleanup    the old attachment files overwritten and deleted
Build time is excluded. Key derivation uses the cheap test profile (the real Argon2id adds
about 2 x 1 s for the two new slots).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_erase import GeneratedStream  # noqa: E402
from common import FAST_KDF, PASSPHRASE  # noqa: E402
from gen_journal import fill_journal, generate_entries  # noqa: E402

from journal.storage import rotation  # noqa: E402
from journal.storage.vault import Journal  # noqa: E402


def build(folder: Path, entries: int, attachments_mb: int, files: int) -> None:
    journal = Journal.create(folder, PASSPHRASE, "bench", kdf=FAST_KDF).journal
    try:
        started = time.perf_counter()
        fill_journal(journal, generate_entries(entries))
        print(f"  {entries} entries in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        holder = journal.entries.add(title="attachments")
        total = attachments_mb << 20
        # A few video-sized files carry half the bytes; the rest are photo-sized.
        videos = max(1, files // 50)
        sizes = [total // 2 // videos] * videos
        photos = files - videos
        sizes += [(total - sum(sizes)) // photos] * photos if photos > 0 else []
        for i, size in enumerate(sizes):
            journal.attachments.add_stream(holder.uuid, GeneratedStream(size), f"f{i}.bin", size_hint=size)
        print(f"  {len(sizes)} attachment files, {sum(sizes) >> 20} MiB in {time.perf_counter() - started:.0f} s",
              flush=True)
    finally:
        journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--attachments-mb", type=int, default=1024)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--dir", help="where to build the journal (default: a temp folder on this disk)")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-rotation-", dir=args.dir))
    folder = base / "j"
    try:
        print(f"building: {args.entries} entries, {args.attachments_mb} MiB of attachments", flush=True)
        build(folder, args.entries, args.attachments_mb, args.files)
        db_size = (folder / "journal.db").stat().st_size
        journal = Journal.open(folder, PASSPHRASE)
        marks: list[tuple[str, float]] = []
        rotation.test_hook = lambda name: marks.append((name, time.perf_counter()))
        started = time.perf_counter()
        result = journal.rotate_keys("a new benchmark passphrase", kdf=FAST_KDF)
        ended = time.perf_counter()
        rotation.test_hook = None
        journal.close()
        at = {name: t for name, t in marks}  # the last mark of each name
        steps = [("files", started, at["files-synced"]), ("transition", at["files-synced"], at["transition-saved"]),
                 ("switch", at["transition-saved"], at["switched"]), ("final", at["switched"], at["final-saved"]),
                 ("cleanup", at["final-saved"], at["done"])]
        print(f"database {db_size / 2**20:.0f} MiB, {result.files} attachment files, {result.bytes / 2**20:.0f} MiB")
        for name, begin, end in steps:
            print(f"  {name:<10} {end - begin:7.2f} s")
        print(f"rotation total {ended - started:.1f} s "
              f"({result.bytes / 2**20 / max(at['files-synced'] - started, 1e-9):.0f} MiB/s re-encrypting)")
        with Journal.open(folder, "a new benchmark passphrase") as check:
            assert check.verify() == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
