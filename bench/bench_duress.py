"""Duress unlock against a real unlock: is the difference visible to whoever watches?

    .venv/bin/python bench/bench_duress.py [--entries 2000] [--attachment-mb 50] [--runs 5] [--fast-kdf]

One journal is built once (entries, one attachment of --attachment-mb, a duress passphrase and
a decoy of 20 entries) and copied for each run (copying is not timed). Each run then times, on
its own copy, in alternating order:
  real     vault.derive_data_key(real passphrase) + Journal.open_with_key + the first list page
  duress   the same calls with the duress passphrase: the same key derivation and slot trials,
           then the real key destroyed, the real journal renamed aside and the decoy unpacked
           (journal/storage/duress.py); the overwrite that follows on a background thread
           (erasing.py, after START_DELAY) is waited for outside the timing
and, separately, the key-file part alone (KeyFile.match_passphrase: one Argon2id, 8 slots) for
both passphrases. Medians and the duress/real ratio are printed. The Argon2id cost is the one
users get (256 MiB, 3 passes) unless --fast-kdf.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FAST_KDF, PASSPHRASE  # noqa: E402

from journal.errors import WrongPassphrase  # noqa: E402
from journal.storage import duress, erasing  # noqa: E402
from journal.storage.keyslots import DEFAULT_KDF, KeyFile  # noqa: E402
from journal.storage.vault import Journal, derive_data_key  # noqa: E402

DURESS = "bench duress passphrase"


def build(folder: Path, entries: int, attachment_mb: int, kdf) -> None:
    journal = Journal.create(folder, PASSPHRASE, "bench", kdf=kdf).journal
    try:
        journal.entries.add_many([dict(title=f"Entry {i}", body="Задержание у метро. " * 40,
                                       occurred_at=f"2024-01-{1 + i % 28:02d}") for i in range(entries)])
        if attachment_mb:
            entry = journal.entries.add(title="with a file")
            journal.attachments.add_bytes(entry.uuid, os.urandom(attachment_mb << 20), "video.bin")
        duress.set_duress(journal, DURESS)
        editor = duress.DecoyEditor(journal, DURESS)
        editor.journal.entries.add_many([dict(title=f"Decoy {i}", body="shopping " * 30) for i in range(20)])
        editor.save()
    finally:
        journal.close()


def unlock(folder: Path, passphrase: str) -> float:
    started = time.perf_counter()
    key = derive_data_key(folder, passphrase, erase_after=0)
    journal = Journal.open_with_key(folder, key)
    journal.queries.page(limit=200)
    elapsed = time.perf_counter() - started
    journal.close()
    return elapsed


def match_only(folder: Path, passphrase: str) -> float:
    keys = KeyFile.load(folder / "journal.keys")
    started = time.perf_counter()
    try:
        keys.match_passphrase(passphrase)
    except WrongPassphrase:  # DuressMatched is one: the duress slot opened
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--attachment-mb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fast-kdf", action="store_true", help="cheap Argon2id: shows the file work alone")
    parser.add_argument("--dir", help="where to build (default: a temp folder)")
    args = parser.parse_args()
    kdf = FAST_KDF if args.fast_kdf else DEFAULT_KDF
    base = Path(tempfile.mkdtemp(prefix="bench-duress-", dir=args.dir))
    try:
        template = base / "template"
        build(template, args.entries, args.attachment_mb, kdf)
        size = sum(p.stat().st_size for p in template.rglob("*") if p.is_file())
        times: dict[str, list[float]] = {"real": [], "duress": [], "real-kdf": [], "duress-kdf": []}
        for run in range(args.runs):
            order = ("real", "duress") if run % 2 == 0 else ("duress", "real")
            for label in order:
                folder = base / f"{label}{run}"
                shutil.copytree(template, folder)
                secret = PASSPHRASE if label == "real" else DURESS
                times[f"{label}-kdf"].append(match_only(folder, secret))
                times[label].append(unlock(folder, secret))
                erasing.wait()  # the duress unlock's overwrite behind the decoy (untimed)
                shutil.rmtree(folder)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"journal: {args.entries} entries + {args.attachment_mb} MB attachment, {size / 2**20:.1f} MiB on disk; "
              f"Argon2id {kdf.memory_kib // 1024} MiB x {kdf.iterations}; {args.runs} runs, order alternating")
        print(f"{'':28}{'median':>10}{'min':>10}{'max':>10}")
        for label, name in (("real-kdf", "key file only, real"), ("duress-kdf", "key file only, duress"),
                            ("real", "unlock to first page, real"), ("duress", "unlock to first page, duress")):
            values = times[label]
            print(f"{name:28}{med[label] * 1000:>9.0f}ms{min(values) * 1000:>9.0f}ms{max(values) * 1000:>9.0f}ms")
        print(f"ratio duress/real: key file only {med['duress-kdf'] / med['real-kdf']:.2f}, "
              f"whole unlock {med['duress'] / med['real']:.2f} ({(med['duress'] - med['real']) * 1000:+.0f} ms)")
        spread = {k: (max(v) - min(v)) * 1000 for k, v in times.items()}
        print(f"spread (max - min) of whole unlocks: real {spread['real']:.0f} ms, duress {spread['duress']:.0f} ms; "
              f"stdev real {statistics.pstdev(times['real']) * 1000:.0f} ms")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
