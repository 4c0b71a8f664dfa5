"""A forged bundle with many small members against a coordinator (issue 19, item 6).

The bundle holds 99,990 distinct 64-byte attachment members is
addressed to the coordinator, and is signed by a key that is NOT the one its manifest names
(a forgery: anyone holding the coordinator's public card can make one). The import must be
rejected; this measures what it costs before the rejection:

* time of ``Importer.import_bundle`` (the file is in the page cache);
* peak RSS of the importing process (a fresh process, so nothing else is counted);
* bytes the process wrote (``wchar`` of /proc/self/io: database pages, WAL and attachment
  files) and the largest the journal's ``attachments/`` folder grew, before the rejection.

Variants: ``--signer stranger`` signs correctly with an unknown key (a stranger's genuine
bundle, rejected as an unknown sender). ``--trusted-mib N`` instead imports a genuine bundle of
a trusted sender holding one N MiB attachment: above the staging quota it is read twice
(verified writing nothing, then imported), and this shows what that costs.

    python bench/bench_forged_bundle.py [--members 99990] [--signer forged|stranger] [--version 1|2]
    python bench/bench_forged_bundle.py --trusted-mib 256
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import FAST_KDF, PASSPHRASE  # noqa: E402

BUNDLE_ID = "0b6a3c86-4d7e-4f0a-9c1b-6e1f7f1a2b3c"


def build(path: Path, coordinator_recipient: str, members: int, signer: str, version: int = 1) -> None:
    import pyrage

    from journal.exchange.bundle import Identity

    claimed = Identity.generate()
    signing = claimed if signer == "stranger" else Identity.generate()
    content: list[tuple[str, bytes]] = []
    for i in range(members):
        data = i.to_bytes(8, "big") * 8
        content.append((f"attachments/{hashlib.sha256(data).hexdigest()}", data))
    body = {
        "bundle_id": BUNDLE_ID, "created_at": "2026-03-08T12:30:00Z", "format": "incident-journal-bundle",
        "members": [{"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for p, d in content],
        "sender": {"age_recipient": claimed.age_recipient, "display_name": "Forger",
                   "ed25519_public_key": __import__("base64").b64encode(claimed.signing_public_key).decode()},
        "version": version,
    }
    manifest = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        signed = [("manifest.json", manifest), ("manifest.sig", signing.sign(manifest))]
        for name, data in [*signed, *content] if version == 2 else [*content, *signed]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    path.write_bytes(pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(coordinator_recipient)]))


def _wchar() -> int:
    with open("/proc/self/io") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("wchar:"))


def _peak_rss() -> int:
    """VmHWM: the peak of this process image (ru_maxrss would include the parent's, kept over exec)."""
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) * 1024 for line in handle if line.startswith("VmHWM:"))


def _folder_size(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_blocks * 512
            except OSError:
                pass
    return total


def _as_version_1(bundle: Path, coordinator, documenter) -> None:
    """Rewrite an exported (version 2) bundle as version 1: manifest last, signed again."""
    import pyrage

    plain = pyrage.decrypt(bundle.read_bytes(), [pyrage.x25519.Identity.from_str(
        coordinator.identity.get().age_secret_key)])
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as archive:
        members = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}
    body = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    body["version"] = 1
    manifest = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in [*members.items(), ("manifest.json", manifest),
                           ("manifest.sig", documenter.identity.get().sign(manifest))]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    bundle.write_bytes(pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(
        coordinator.identity.age_recipient)]))


def build_trusted(base: Path, mib: int, version: int = 2) -> tuple[Path, Path]:
    """A documenter's genuine bundle with one ``mib`` MiB attachment, for a coordinator that
    already trusts the documenter. Returns (coordinator folder, bundle)."""
    from journal.storage.vault import Journal

    documenter = Journal.create(base / "doc", PASSPHRASE, "Doc", kdf=FAST_KDF).journal
    coordinator = Journal.create(base / "coord", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    record = documenter.coordinators.add(coordinator.identity.card_text(), verified=True)
    first = base / "first.ijbundle"
    documenter.entries.add(title="first")
    documenter.exporter.export(first, [record.uuid], all_entries=True)
    assert coordinator.importer.import_bundle(first, trust_new=True).status == "accepted"

    class Stream:
        def __init__(self) -> None:
            self.left = mib << 20

        def read(self, size: int = -1) -> bytes:
            size = min(self.left, 1 << 20 if size is None or size < 0 else size)
            self.left -= size
            return os.urandom(size)

    entry = documenter.entries.add(title="video")
    documenter.attachments.add_stream(entry.uuid, Stream(), "video.bin", size_hint=mib << 20)
    bundle = base / "big.ijbundle"
    documenter.exporter.export(bundle, [record.uuid], entries=[entry.uuid])
    if version == 1:
        _as_version_1(bundle, coordinator, documenter)
    documenter.close()
    coordinator.close()
    return base / "coord", bundle


def run_import(journal_dir: Path, bundle: Path) -> None:
    """In a fresh process: open the journal, import the bundle, print one JSON line."""
    from journal.storage.vault import Journal, derive_data_key

    journal = Journal.open_with_key(journal_dir, derive_data_key(journal_dir, PASSPHRASE))
    biggest = [0]
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.05):
            biggest[0] = max(biggest[0], _folder_size(journal_dir / "attachments"))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    before = _wchar()
    start = time.perf_counter()
    result = journal.importer.import_bundle(bundle, trust_new=False)
    if result.status == "accepted":
        journal.blob_files.sync()
    elapsed = time.perf_counter() - start
    written = _wchar() - before
    stop.set()
    watcher.join()
    journal.close()
    print(json.dumps({"status": result.status, "reason": result.reason, "seconds": round(elapsed, 2),
                      "peak_rss_mib": round(_peak_rss() / 2**20, 1),
                      "written_mib": round(written / 2**20, 2),
                      "attachments_folder_peak_mib": round(biggest[0] / 2**20, 2)}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=99_990)
    parser.add_argument("--signer", choices=("forged", "stranger"), default="forged")
    parser.add_argument("--version", type=int, choices=(1, 2), default=None,
                        help="bundle format: 1 = manifest last (older bundles), 2 = signed manifest first")
    parser.add_argument("--trusted-mib", type=int, default=0)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_import(Path(args.child[0]), Path(args.child[1]))
        return
    if args.version is None:  # forged bundles: version 1 by default (the older layout); genuine: 2
        args.version = 2 if args.trusted_mib else 1
    from journal.storage.vault import Journal

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        if args.trusted_mib:
            folder, bundle = build_trusted(base, args.trusted_mib, args.version)
            print(f"trusted sender, one {args.trusted_mib} MiB attachment, format version {args.version}")
            subprocess.run([sys.executable, __file__, "--child", str(folder), str(bundle)], check=True)
            return
        coordinator = Journal.create(base / "coord", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
        recipient = coordinator.identity.age_recipient
        coordinator.close()
        bundle = base / "forged.ijbundle"
        build(bundle, recipient, args.members, args.signer, args.version)
        print(f"{args.members} members, signer {args.signer}, format version {args.version}, "
              f"bundle {bundle.stat().st_size / 2**20:.1f} MiB")
        subprocess.run([sys.executable, __file__, "--child", str(base / "coord"), str(bundle)], check=True)


if __name__ == "__main__":
    main()
