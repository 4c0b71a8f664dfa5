#!/usr/bin/env python3
"""Long-running mutation fuzzer for journal.bundle.read_bundle.

    python fuzz/fuzz_bundle_reader.py 20000 [--seed N]

Mutates a valid bundle at two levels and checks the reader's contract:
- ciphertext mutations must always raise BundleRejected;
- plaintext (tar/JSON) mutations, re-encrypted to the reader, must raise BundleRejected or be
  accepted cleanly; any other exception, a hang or a leaked thread is a bug.
Crashing inputs are written (encrypted, as found) to fuzz/crashes/ for replay.

This reaches the reader only (with a sink that keeps nothing), so it never gets past the
signature check with mutated content. tests/test_import_fuzz.py fuzzes signed bundles
through the importer into a real journal (records and members mutated, then re-signed with
the trusted sender's key; both format versions).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import sys
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyrage

from journal.exchange.bundle import (
    BundleRejected,
    DiscardSink,
    Identity,
    Limits,
    Member,
    read_bundle,
    write_bundle,
)

LIMITS = Limits(
    max_jsonl_line=1 << 16,
    max_member_size=1 << 22,
    max_total_size=1 << 23,
    max_manifest_size=1 << 16,
)


def make_bundle(rng: random.Random, sender: Identity, coordinator: Identity) -> bytes:
    members = [Member("entries.jsonl", 0, b"")]
    entries = "".join(
        f'{{"n":{i},"title":"Задержание №{i}"}}\n' for i in range(rng.randint(1, 20))
    ).encode()
    contacts = b'{"name":"\xd0\x86\xd0\xb2\xd0\xb0\xd0\xbd","phone":null}\n'
    members = [
        Member("entries.jsonl", len(entries), entries),
        Member("contacts.jsonl", len(contacts), contacts),
    ]
    for _ in range(rng.randint(0, 3)):
        photo = rng.randbytes(rng.choice([0, 1, 511, 512, 4096, 70_000]))
        path = f"attachments/{hashlib.sha256(photo).hexdigest()}"
        if all(m.path != path for m in members):
            members.append(Member(path, len(photo), photo))
    out = io.BytesIO()
    write_bundle(out, [coordinator.age_recipient], sender, "Fuzz", members)
    return out.getvalue()


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(
            ["flip", "byte", "delete", "insert", "truncate", "zero", "splice"]
        )
        pos = rng.randrange(len(buf) + 1)
        if op == "flip" and buf:
            buf[pos % len(buf)] ^= 1 << rng.randrange(8)
        elif op == "byte" and buf:
            buf[pos % len(buf)] = rng.choice(
                [0, 0x20, 0x2F, 0x2E, 0x30, 0x37, 0x7F, 0x80, 0xFF]
            )
        elif op == "delete":
            del buf[pos : pos + rng.randint(1, 600)]
        elif op == "insert":
            buf[pos:pos] = rng.randbytes(rng.randint(1, 600))
        elif op == "truncate":
            del buf[pos:]
        elif op == "zero":
            buf[pos : pos + 512] = bytes(len(buf[pos : pos + 512]))
        elif op == "splice" and len(buf) > 1024:
            start = rng.randrange(len(buf) - 512)
            buf[pos:pos] = buf[start : start + 512]
    return bytes(buf)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("iterations", type=int)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sender, coordinator = Identity.generate(), Identity.generate()
    recipient = pyrage.x25519.Recipient.from_str(coordinator.age_recipient)
    age_identity = pyrage.x25519.Identity.from_str(coordinator.age_secret_key)
    crashes = ROOT / "fuzz" / "crashes"
    stats = {"rejected": 0, "accepted": 0, "bugs": 0}
    reasons: dict[str, int] = {}
    threads = threading.active_count()
    bundle = make_bundle(rng, sender, coordinator)
    plaintext = pyrage.decrypt(bundle, [age_identity])
    started = time.monotonic()
    for i in range(args.iterations):
        if i % 500 == 0 and i:
            bundle = make_bundle(rng, sender, coordinator)
            plaintext = pyrage.decrypt(bundle, [age_identity])
        at_plaintext = rng.random() < 0.6
        data = mutate(rng, plaintext if at_plaintext else bundle)
        subject = pyrage.encrypt(data, [recipient]) if at_plaintext else data
        if subject == bundle:
            continue
        try:
            read_bundle(
                io.BytesIO(subject),
                [coordinator.age_secret_key],
                DiscardSink(),
                limits=LIMITS,
            )
        except BundleRejected as exc:
            stats["rejected"] += 1
            key = re.sub(r"line \d+", "line N", exc.reason.split(":")[0])
            reasons[key] = reasons.get(key, 0) + 1
        except Exception:  # noqa: BLE001 - any other exception is the bug we hunt
            stats["bugs"] += 1
            crashes.mkdir(exist_ok=True)
            name = crashes / f"crash-{args.seed}-{i}.ijbundle"
            name.write_bytes(subject)
            print(
                f"BUG at iteration {i} ({name}):\n{traceback.format_exc()}",
                file=sys.stderr,
            )
        else:
            stats["accepted"] += 1
            if not at_plaintext:
                stats["bugs"] += 1
                print(
                    f"BUG: mutated ciphertext accepted at iteration {i}",
                    file=sys.stderr,
                )
        if threading.active_count() != threads:
            stats["bugs"] += 1
            print(f"BUG: thread leaked at iteration {i}", file=sys.stderr)
            threads = threading.active_count()
    elapsed = time.monotonic() - started
    print(f"seed {args.seed}: {args.iterations} iterations in {elapsed:.1f} s: {stats}")
    for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  {count:7d}  {reason}")
    return 1 if stats["bugs"] else 0


if __name__ == "__main__":
    sys.exit(main())
