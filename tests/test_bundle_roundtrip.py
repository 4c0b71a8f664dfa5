"""Writing then reading bundles, several recipients, interop with age(1) and tar(1), cancel."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import threading
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal.exchange.bundle import (
    BundleRejected,
    BundleWriteError,
    Identity,
    Member,
    read_bundle,
    write_bundle,
    write_bundle_file,
)
from journal.errors import Cancelled

ENTRIES = [
    {
        "uuid": "0f8e7d6c-0000-4000-8000-000000000001",
        "title": "Задержание у метро «Пушкинская»",
        "n": 1,
    },
    {
        "uuid": "0f8e7d6c-0000-4000-8000-000000000002",
        "title": "Затримання 🚓 — Харків",
        "tags": ["суд"],
    },
]
CONTACTS = [{"name": "Іван Петренко", "role": "lawyer"}]
LOG = [{"kind": "call", "note": "Мать задержанного просит адвоката"}]


def jsonl(rows: list[dict]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)


class CollectingSink:
    """Keeps everything in memory (fine for tests)."""

    def __init__(self) -> None:
        self.records: dict[str, list[dict]] = {}
        self.files: dict[str, io.BytesIO] = {}
        self.ended: list[tuple[str, str]] = []

    def record(self, kind, obj):
        self.records.setdefault(kind, []).append(obj)

    def begin_member(self, path, size):
        self.files[path] = io.BytesIO()
        return self.files[path]

    def end_member(self, path, sha256):
        self.ended.append((path, sha256))


def attachment(data: bytes) -> Member:
    return Member(
        f"attachments/{hashlib.sha256(data).hexdigest()}",
        len(data),
        lambda: io.BytesIO(data),
    )


@pytest.fixture(scope="module")
def sender() -> Identity:
    return Identity.generate()


@pytest.fixture(scope="module")
def coordinators() -> list[Identity]:
    return [Identity.generate() for _ in range(3)]


@pytest.fixture(scope="module")
def photos() -> list[bytes]:
    rng = __import__("random").Random(7)
    return [rng.randbytes(n) for n in (0, 1, 511, 512, 513, 3 * 1024 * 1024 + 17)]


def sample_members(photos: list[bytes]) -> list[Member]:
    members = [attachment(p) for p in photos]
    members += [
        Member("entries.jsonl", len(jsonl(ENTRIES)), jsonl(ENTRIES)),
        Member("contact_log.jsonl", len(jsonl(LOG)), jsonl(LOG)),
        Member("contacts.jsonl", len(jsonl(CONTACTS)), jsonl(CONTACTS)),
    ]
    return members


@pytest.fixture(scope="module")
def bundle(sender, coordinators, photos) -> bytes:
    out = io.BytesIO()
    write_bundle(
        out,
        [c.age_recipient for c in coordinators],
        sender,
        "Олена К.",
        sample_members(photos),
        created_at=datetime(2026, 3, 8, 12, 30, tzinfo=UTC),
    )
    return out.getvalue()


def test_round_trip(bundle, sender, coordinators, photos):
    sink = CollectingSink()
    progress: list[tuple[int, int]] = []
    verified = read_bundle(
        io.BytesIO(bundle),
        [coordinators[0].age_secret_key],
        sink,
        progress=lambda d, t: progress.append((d, t)),
    )
    assert sink.records == {
        "entries": ENTRIES,
        "contacts": CONTACTS,
        "contact_log": LOG,
    }
    for photo in photos:
        path = f"attachments/{hashlib.sha256(photo).hexdigest()}"
        assert sink.files[path].getvalue() == photo
        assert (path, hashlib.sha256(photo).hexdigest()) in sink.ended
    manifest = verified.manifest
    assert manifest.created_at == "2026-03-08T12:30:00Z"
    assert manifest.sender.display_name == "Олена К."
    assert manifest.sender.ed25519_public_key == sender.signing_public_key
    assert manifest.sender.age_recipient == sender.age_recipient
    assert manifest.sender.fingerprint == sender.fingerprint
    assert [m.path for m in manifest.members][:3] == [
        "entries.jsonl",
        "contacts.jsonl",
        "contact_log.jsonl",
    ]
    assert progress and progress[-1] == (len(bundle), len(bundle))


def test_every_recipient_decrypts_and_others_are_refused(bundle, coordinators):
    ids = set()
    for coordinator in coordinators:
        ids.add(
            read_bundle(
                io.BytesIO(bundle), [coordinator.age_secret_key], CollectingSink()
            ).bundle_id
        )
    assert len(ids) == 1
    stranger = Identity.generate()
    with pytest.raises(BundleRejected) as info:
        read_bundle(io.BytesIO(bundle), [stranger.age_secret_key], CollectingSink())
    assert info.value.reason == "not addressed to this journal"
    # A journal holding several identities (e.g. after a key rotation) tries them all.
    read_bundle(
        io.BytesIO(bundle),
        [stranger.age_secret_key, coordinators[2].age_secret_key],
        CollectingSink(),
    )


def test_manifest_is_deterministic_and_member_metadata_leaks_nothing(
    sender, coordinators, photos
):
    kwargs = {
        "bundle_id": "3f0c1a4e-7f5e-4d4b-9d38-2a1b8f0e9c11",
        "created_at": datetime(2026, 1, 1, tzinfo=UTC),
    }
    first = write_bundle(
        io.BytesIO(),
        [coordinators[0].age_recipient],
        sender,
        "A",
        sample_members(photos),
        **kwargs,
    )
    second = write_bundle(
        io.BytesIO(),
        [coordinators[0].age_recipient],
        sender,
        "A",
        sample_members(photos),
        **kwargs,
    )
    assert first.manifest_bytes == second.manifest_bytes
    body = json.loads(first.manifest_bytes)
    assert body["format"] == "incident-journal-bundle" and body["version"] == 2
    assert (
        first.manifest_bytes
        == json.dumps(
            body, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    )


def _age_decrypt(bundle: bytes, identity: Identity, tmp_path) -> bytes:
    if shutil.which("age") is None:
        pytest.skip("Debian's age is not installed")
    key = tmp_path / "key.txt"
    key.write_text(identity.age_identity_file_text())
    key.chmod(0o600)
    return subprocess.run(
        ["age", "-d", "-i", str(key)], input=bundle, capture_output=True, check=True
    ).stdout


def test_standard_tools_read_the_bundle(bundle, coordinators, sender, tmp_path):
    """`age -d -i key.txt bundle | tar -x` works, hashes match, the signature verifies."""
    plaintext = _age_decrypt(bundle, coordinators[1], tmp_path)
    if shutil.which("tar") is None:
        pytest.skip("tar is not installed")
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run(["tar", "-x", "-C", str(out)], input=plaintext, check=True)
    manifest_bytes = (out / "manifest.json").read_bytes()
    signature = (out / "manifest.sig").read_bytes()
    manifest = json.loads(manifest_bytes)
    key = __import__("base64").b64decode(manifest["sender"]["ed25519_public_key"])
    Ed25519PublicKey.from_public_bytes(key).verify(
        signature, manifest_bytes
    )  # raises if invalid
    assert key == sender.signing_public_key
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert on_disk == sorted(
        [m["path"] for m in manifest["members"]] + ["manifest.json", "manifest.sig"]
    )
    for row in manifest["members"]:
        data = (out / row["path"]).read_bytes()
        assert len(data) == row["size"]
        assert hashlib.sha256(data).hexdigest() == row["sha256"]


def test_tar_metadata_is_neutral(bundle, coordinators, tmp_path):
    plaintext = _age_decrypt(bundle, coordinators[0], tmp_path)
    with tarfile.open(fileobj=io.BytesIO(plaintext), mode="r:") as archive:
        members = archive.getmembers()
    assert [m.name for m in members][:2] == ["manifest.json", "manifest.sig"]  # version 2: first
    expected_mtime = datetime(2026, 3, 8, 12, 30, tzinfo=UTC).timestamp()
    for member in members:
        assert member.isreg()
        assert (member.mode, member.uid, member.gid, member.uname, member.gname) == (
            0o644,
            0,
            0,
            "",
            "",
        )
        assert member.mtime == expected_mtime
    assert len(plaintext) % tarfile.RECORDSIZE == 0


def test_bundle_written_by_age_is_read(coordinators, sender, tmp_path, bundle):
    """Re-encrypt with age(1): the reader is not tied to pyrage's encryptor."""
    plaintext = _age_decrypt(bundle, coordinators[0], tmp_path)
    encrypted = subprocess.run(
        ["age", "-r", coordinators[2].age_recipient],
        input=plaintext,
        capture_output=True,
        check=True,
    ).stdout
    verified = read_bundle(
        io.BytesIO(encrypted), [coordinators[2].age_secret_key], CollectingSink()
    )
    assert verified.sender.ed25519_public_key == sender.signing_public_key


def test_write_bundle_file_is_atomic_and_private(
    tmp_path, sender, coordinators, photos
):
    target = tmp_path / "out.ijbundle"
    info = write_bundle_file(
        target, [coordinators[0].age_recipient], sender, "A", sample_members(photos)
    )
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.stat().st_size == info.encrypted_size
    with open(target, "rb") as handle:
        assert (
            read_bundle(
                handle, [coordinators[0].age_secret_key], CollectingSink()
            ).bundle_id
            == info.bundle_id
        )
    assert os.listdir(tmp_path) == ["out.ijbundle"]


def test_cancel_leaves_no_file(tmp_path, sender, coordinators, photos):
    target = tmp_path / "cancelled.ijbundle"
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return (
            calls["n"] > 3
        )  # cancel part-way through, after some bytes were encrypted

    threads_before = threading.active_count()
    fds_before = _open_fds()
    with pytest.raises(Cancelled):
        write_bundle_file(
            target,
            [coordinators[0].age_recipient],
            sender,
            "A",
            sample_members(photos),
            cancel=cancel,
        )
    assert os.listdir(tmp_path) == []
    assert threading.active_count() == threads_before
    assert _open_fds() == fds_before


def _open_fds() -> int | None:
    return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None


def test_sink_errors_propagate_and_threads_end(bundle, coordinators):
    class FailingSink(CollectingSink):
        def begin_member(self, path, size):
            raise RuntimeError("database is full")

    threads_before = threading.active_count()
    fds_before = _open_fds()
    with pytest.raises(RuntimeError, match="database is full"):
        read_bundle(io.BytesIO(bundle), [coordinators[0].age_secret_key], FailingSink())
    assert threading.active_count() == threads_before
    assert _open_fds() == fds_before


def test_cancel_with_event(tmp_path, sender, coordinators, photos):
    event = threading.Event()
    event.set()
    with pytest.raises(Cancelled):
        write_bundle_file(
            tmp_path / "x.ijbundle",
            [coordinators[0].age_recipient],
            sender,
            "A",
            [],
            cancel=event,
        )
    assert os.listdir(tmp_path) == []


def test_reader_cancel_stops_cleanly(bundle, coordinators):
    threads_before = threading.active_count()
    fds_before = _open_fds()
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 4

    with pytest.raises(Cancelled):
        read_bundle(
            io.BytesIO(bundle),
            [coordinators[0].age_secret_key],
            CollectingSink(),
            cancel=cancel,
        )
    assert threading.active_count() == threads_before
    assert _open_fds() == fds_before


@pytest.mark.parametrize(
    "member, message",
    [
        (Member("entries.jsonl", 10, b"short"), "size mismatch"),
        (Member("entries.jsonl", 2, lambda: io.BytesIO(b"longer")), "size mismatch"),
        (Member("entries.jsonl", 9, lambda: io.BytesIO(b"short")), "size mismatch"),
        (Member("attachments/" + "0" * 64, 3, b"abc"), "does not match its name"),
        (Member("../escape", 1, b"x"), "Not an allowed"),
        (Member("notes.txt", 1, b"x"), "Not an allowed"),
    ],
)
def test_writer_rejects_bad_members_and_leaves_nothing(
    tmp_path, sender, coordinators, member, message
):
    with pytest.raises(BundleWriteError, match=message):
        write_bundle_file(
            tmp_path / "b.ijbundle",
            [coordinators[0].age_recipient],
            sender,
            "A",
            [member],
        )
    assert os.listdir(tmp_path) == []


def test_writer_rejects_bad_recipients_and_duplicates(sender):
    with pytest.raises(BundleWriteError, match="recipient"):
        write_bundle(io.BytesIO(), ["age1bogus"], sender, "A", [])
    with pytest.raises(BundleWriteError, match="at least one"):
        write_bundle(io.BytesIO(), [], sender, "A", [])
    member = Member("entries.jsonl", 0, b"")
    with pytest.raises(BundleWriteError, match="twice"):
        write_bundle(
            io.BytesIO(), [sender.age_recipient], sender, "A", [member, member]
        )


def test_disk_errors_become_bundle_write_error(sender, coordinators):
    class Full(io.RawIOBase):
        def writable(self):
            return True

        def write(self, data):
            raise OSError(28, "No space left on device")

    with pytest.raises(BundleWriteError, match="No space left"):
        write_bundle(
            Full(),
            [coordinators[0].age_recipient],
            sender,
            "A",
            [attachment(os.urandom(200_000))],
        )


def test_empty_bundle_round_trips(sender, coordinators):
    out = io.BytesIO()
    write_bundle(out, [coordinators[0].age_recipient], sender, "A", [])
    verified = read_bundle(
        io.BytesIO(out.getvalue()), [coordinators[0].age_secret_key], CollectingSink()
    )
    assert verified.manifest.members == ()
