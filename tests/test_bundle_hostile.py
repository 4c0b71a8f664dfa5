"""Hostile and damaged bundles: each is rejected whole, with the right reason."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import random
import tarfile
import threading

import pyrage
import pytest

from journal.exchange.bundle import (
    BundleRejected,
    Identity,
    Limits,
    Member,
    read_bundle,
    write_bundle,
)

SENDER = Identity.generate()
OTHER = Identity.generate()
COORDINATOR = Identity.generate()
ENTRIES = b'{"uuid":"e1","title":"\xd0\x97\xd0\xb0\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5"}\n'
PHOTO = random.Random(70_000).randbytes(70_000)  # more than one age chunk; the same in every process (test ids name it)
DEFAULT_LIMITS = Limits()
PHOTO_PATH = f"attachments/{hashlib.sha256(PHOTO).hexdigest()}"


class RecordingSink:
    def __init__(self) -> None:
        self.records: list = []
        self.files: dict[str, io.BytesIO] = {}

    def record(self, kind, obj):
        self.records.append((kind, obj))

    def begin_member(self, path, size):
        self.files[path] = io.BytesIO()
        return self.files[path]

    def end_member(self, path, sha256):
        pass


def reason_for(
    data: bytes, *, limits: Limits = DEFAULT_LIMITS, identity: Identity = COORDINATOR
) -> str:
    """Read ``data`` and return the rejection reason (fails the test if it was accepted)."""
    threads_before = threading.active_count()
    with pytest.raises(BundleRejected) as info:
        read_bundle(
            io.BytesIO(data), [identity.age_secret_key], RecordingSink(), limits=limits
        )
    assert (
        threading.active_count() == threads_before
    )  # the decryption thread was joined
    return info.value.reason


# --- building blocks ---------------------------------------------------------------------


def valid_bundle() -> bytes:
    out = io.BytesIO()
    members = [
        Member("entries.jsonl", len(ENTRIES), ENTRIES),
        Member(PHOTO_PATH, len(PHOTO), PHOTO),
    ]
    write_bundle(out, [COORDINATOR.age_recipient], SENDER, "Sender", members)
    return out.getvalue()


def encrypt(plaintext: bytes) -> bytes:
    return pyrage.encrypt(
        plaintext, [pyrage.x25519.Recipient.from_str(COORDINATOR.age_recipient)]
    )


def regular(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info, None


def manifest_for(listed: dict[str, bytes], **override) -> bytes:
    body = {
        "format": "incident-journal-bundle",
        "version": 1,
        "bundle_id": "6f1c2b7e-2a3d-4c5e-8f90-1a2b3c4d5e6f",
        "created_at": "2026-03-08T12:30:00Z",
        "sender": {
            "display_name": "Sender",
            "ed25519_public_key": base64.b64encode(SENDER.signing_public_key).decode(),
            "age_recipient": SENDER.age_recipient,
        },
        "members": [
            {"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
            for p, d in listed.items()
        ],
    }
    body.update(override)
    return json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def crafted(
    items: list,
    *,
    listed: dict[str, bytes] | None = None,
    manifest: bytes | None = None,
    signer: Identity = SENDER,
    signature: bytes | None = None,
    after: list | None = None,
    tar_format: int = tarfile.PAX_FORMAT,
) -> bytes:
    """Tar ``items`` + manifest + signature (+ ``after``), encrypted to COORDINATOR."""
    if listed is None:
        listed = {
            info.name: data for info, data in items if info.isreg() and data is not None
        }
    manifest = manifest if manifest is not None else manifest_for(listed)
    signature = signature if signature is not None else signer.sign(manifest)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tar_format) as archive:
        for info, data in [
            *items,
            regular("manifest.json", manifest),
            regular("manifest.sig", signature),
            *(after or []),
        ]:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
    return encrypt(buffer.getvalue())


# --- the crafted baseline is accepted (so each test below changes exactly one thing) ----------


def test_crafted_baseline_is_accepted():
    sink = RecordingSink()
    data = crafted([regular("entries.jsonl", ENTRIES), regular(PHOTO_PATH, PHOTO)])
    verified = read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], sink)
    assert verified.sender.ed25519_public_key == SENDER.signing_public_key
    assert sink.files[PHOTO_PATH].getvalue() == PHOTO
    # GNU-format tars (what tar(1) writes by default) are accepted too.
    gnu = crafted([regular("entries.jsonl", ENTRIES)], tar_format=tarfile.GNU_FORMAT)
    read_bundle(io.BytesIO(gnu), [COORDINATOR.age_secret_key], RecordingSink())


# --- the age layer ---------------------------------------------------------------------------


def test_wrong_recipient():
    assert reason_for(valid_bundle(), identity=OTHER) == "not addressed to this journal"


@pytest.mark.parametrize("keep", [0.05, 0.5, 0.9, -1, -16, -100])
def test_truncated(keep):
    data = valid_bundle()
    cut = int(len(data) * keep) if keep > 0 else len(data) + keep
    assert reason_for(data[:cut]) == "truncated"


def test_truncated_inside_the_header():
    assert reason_for(valid_bundle()[:60]) == "truncated"


def test_flipped_byte_in_header_mac():
    data = bytearray(valid_bundle())
    mac_line = data.index(b"\n--- ") + 10
    # Swap in a different *valid* base64 character: a flipped bit can land
    # outside the alphabet, which is a parse error rather than a bad MAC.
    data[mac_line] = ord("A") if data[mac_line] != ord("A") else ord("B")
    assert reason_for(bytes(data)) == "corrupted (authentication failed)"


@pytest.mark.parametrize("where", [0.3, 0.6, -1])
def test_flipped_byte_in_payload(where):
    data = bytearray(valid_bundle())
    position = int(len(data) * where) if where > 0 else len(data) + where
    data[position] ^= 0x80
    assert reason_for(bytes(data)) == "corrupted (authentication failed)"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"PK\x03\x04 a zip file",
        os.urandom(4096),
        b"-----BEGIN AGE ENCRYPTED FILE-----\n",
    ],
)
def test_not_an_age_file(data):
    assert reason_for(data).startswith("not an age file")


def test_unreadable_source():
    class Broken(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            raise OSError(5, "Input/output error")

    with pytest.raises(BundleRejected, match="could not be read"):
        read_bundle(Broken(), [COORDINATOR.age_secret_key], RecordingSink())


# --- the tar layer ---------------------------------------------------------------------------


def test_parent_path():
    assert (
        reason_for(crafted([regular("../evil", b"x")])) == "path not allowed: ../evil"
    )


def test_nested_parent_path():
    assert (
        reason_for(crafted([regular("attachments/../../evil", b"x")]))
        == "path not allowed: attachments/../../evil"
    )


def test_absolute_path():
    assert (
        reason_for(crafted([regular("/etc/cron.d/evil", b"x")]))
        == "path not allowed: /etc/cron.d/evil"
    )


def test_symlink():
    item = special("entries.jsonl", tarfile.SYMTYPE, "/etc/passwd")
    assert reason_for(crafted([item])) == "links are not allowed: entries.jsonl"


def test_hardlink():
    item = special("contacts.jsonl", tarfile.LNKTYPE, "entries.jsonl")
    assert (
        reason_for(crafted([regular("entries.jsonl", ENTRIES), item]))
        == "links are not allowed: contacts.jsonl"
    )


@pytest.mark.parametrize("kind", [tarfile.CHRTYPE, tarfile.BLKTYPE])
def test_device_node(kind):
    assert (
        reason_for(crafted([special("entries.jsonl", kind)]))
        == "device files are not allowed: entries.jsonl"
    )


def test_fifo_and_directory():
    assert reason_for(crafted([special("entries.jsonl", tarfile.FIFOTYPE)])).startswith(
        "special files are not allowed"
    )
    assert (
        reason_for(crafted([special("attachments", tarfile.DIRTYPE)]))
        == "folders are not allowed: attachments/"
    )


def test_duplicate_member():
    items = [
        regular("entries.jsonl", ENTRIES),
        regular("entries.jsonl", b'{"evil":true}\n'),
    ]
    assert (
        reason_for(crafted(items, listed={"entries.jsonl": ENTRIES}))
        == "duplicate member: entries.jsonl"
    )


def test_unexpected_member_name():
    assert (
        reason_for(crafted([regular("notes.txt", b"hi")]))
        == "unexpected member: notes.txt"
    )
    assert (
        reason_for(crafted([regular("attachments/ABC", b"hi")]))
        == "unexpected member: attachments/ABC"
    )


def test_huge_declared_size_is_refused_before_reading():
    info = tarfile.TarInfo("attachments/" + "a" * 64)
    info.size = (
        10 * 1024**3
    )  # tarfile writes this as a pax "size" record; no content follows
    data = crafted([(info, None)], listed={})
    assert reason_for(data) == "member too large: attachments/" + "a" * 64
    gnu = crafted(
        [(info, None)], listed={}, tar_format=tarfile.GNU_FORMAT
    )  # base-256 size field
    assert reason_for(gnu) == "member too large: attachments/" + "a" * 64


def test_total_size_limit():
    data = crafted([regular("entries.jsonl", ENTRIES), regular(PHOTO_PATH, PHOTO)])
    assert (
        reason_for(data, limits=Limits(max_total_size=len(PHOTO))) == "bundle too large"
    )


def test_manifest_size_limit():
    data = crafted([regular("entries.jsonl", ENTRIES)])
    assert (
        reason_for(data, limits=Limits(max_manifest_size=100))
        == "member too large: manifest.json"
    )


def test_too_many_members():
    photos = [os.urandom(10) for _ in range(5)]
    items = [regular(f"attachments/{hashlib.sha256(p).hexdigest()}", p) for p in photos]
    assert (
        reason_for(crafted(items), limits=Limits(max_members=4)) == "too many members"
    )


def test_member_after_the_manifest():
    data = crafted([], after=[regular("entries.jsonl", ENTRIES)])
    assert reason_for(data) == "unexpected member after the manifest: entries.jsonl"


def test_signature_before_manifest():
    signature = SENDER.sign(manifest_for({}))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for info, data in [
            regular("manifest.sig", signature),
            regular("manifest.json", manifest_for({})),
        ]:
            archive.addfile(info, io.BytesIO(data))
    assert (
        reason_for(encrypt(buffer.getvalue()))
        == "manifest.sig must come right after manifest.json"
    )


def test_missing_manifest():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        info, data = regular("entries.jsonl", ENTRIES)
        archive.addfile(info, io.BytesIO(data))
    assert reason_for(encrypt(buffer.getvalue())) == "manifest.json is missing"


def test_not_a_tar_inside():
    assert reason_for(encrypt(os.urandom(5000))).startswith("malformed archive")
    assert reason_for(encrypt(b"")) == "truncated"


def test_data_after_the_archive():
    data = crafted([regular("entries.jsonl", ENTRIES)])
    plaintext = pyrage.decrypt(
        data, [pyrage.x25519.Identity.from_str(COORDINATOR.age_secret_key)]
    )
    assert (
        reason_for(encrypt(plaintext + b"hidden payload"))
        == "unexpected data after the end of the archive"
    )


# --- the manifest and signature --------------------------------------------------------------


def test_manifest_omits_a_member():
    items = [regular("entries.jsonl", ENTRIES), regular(PHOTO_PATH, PHOTO)]
    assert (
        reason_for(crafted(items, listed={PHOTO_PATH: PHOTO}))
        == "member not in the manifest: entries.jsonl"
    )


def test_manifest_lists_a_missing_member():
    items = [regular("entries.jsonl", ENTRIES)]
    assert (
        reason_for(crafted(items, listed={"entries.jsonl": ENTRIES, PHOTO_PATH: PHOTO}))
        == f"member missing: {PHOTO_PATH}"
    )


def test_member_hash_mismatch():
    items = [regular("entries.jsonl", ENTRIES)]
    assert (
        reason_for(crafted(items, listed={"entries.jsonl": ENTRIES[:-2] + b"X\n"}))
        == "member hash mismatch: entries.jsonl"
    )


def test_attachment_content_does_not_match_its_name():
    wrong = "attachments/" + hashlib.sha256(b"something else").hexdigest()
    assert (
        reason_for(crafted([regular(wrong, PHOTO)])) == f"member hash mismatch: {wrong}"
    )


def test_member_size_mismatch():
    manifest = manifest_for({"entries.jsonl": ENTRIES})
    body = json.loads(manifest)
    body["members"][0]["size"] += 1
    manifest = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    assert (
        reason_for(crafted([regular("entries.jsonl", ENTRIES)], manifest=manifest))
        == "member size mismatch: entries.jsonl"
    )


def test_bad_signature():
    items = [regular("entries.jsonl", ENTRIES)]
    good = SENDER.sign(manifest_for({"entries.jsonl": ENTRIES}))
    bad = bytes([good[0] ^ 1]) + good[1:]
    assert reason_for(crafted(items, signature=bad)) == "signature invalid"


def test_signature_by_another_key():
    assert (
        reason_for(crafted([regular("entries.jsonl", ENTRIES)], signer=OTHER))
        == "signature invalid"
    )


def test_signature_of_wrong_length():
    assert (
        reason_for(crafted([regular("entries.jsonl", ENTRIES)], signature=b"\x00" * 63))
        == "signature invalid"
    )


def test_manifest_claims_another_sender_key_without_its_secret():
    manifest = manifest_for(
        {"entries.jsonl": ENTRIES},
        sender={
            "display_name": "Trusted coordinator",
            "ed25519_public_key": base64.b64encode(OTHER.signing_public_key).decode(),
            "age_recipient": OTHER.age_recipient,
        },
    )
    assert (
        reason_for(crafted([regular("entries.jsonl", ENTRIES)], manifest=manifest))
        == "signature invalid"
    )


@pytest.mark.parametrize("version", [3, 99, 0, "1"])
def test_unknown_format_version(version):
    manifest = manifest_for({"entries.jsonl": ENTRIES}, version=version)
    assert (
        reason_for(crafted([regular("entries.jsonl", ENTRIES)], manifest=manifest))
        == f"unsupported format version {version}"
    )


def test_wrong_format_name():
    manifest = manifest_for({}, format="something-else")
    assert (
        reason_for(crafted([], manifest=manifest)) == "not an incident journal bundle"
    )


@pytest.mark.parametrize(
    "manifest, reason",
    [
        (b"\xff\xfe", "invalid UTF-8 in manifest.json"),
        (b"{not json", "invalid JSON in manifest.json"),
        (b"[]", "manifest is malformed (not an object)"),
        (manifest_for({}, bundle_id="nope"), "manifest is malformed (bundle_id)"),
        (
            manifest_for({}, members=[{"path": "../x", "size": 1, "sha256": "0" * 64}]),
            "manifest is malformed (member path)",
        ),
    ],
)
def test_malformed_manifest(manifest, reason):
    assert reason_for(crafted([], manifest=manifest)) == reason


# --- JSONL content ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, reason",
    [
        (b'{"a":1}\n{"title":"\xff\xfe"}\n', "invalid UTF-8 in entries.jsonl line 2"),
        (
            b'{"a":1}\n{"a":2}\n{"title": oops}\n',
            "invalid JSON in entries.jsonl line 3",
        ),
        (b'{"a":1}\n\n', "invalid JSON in entries.jsonl line 2"),
        (b"[1,2]\n", "invalid JSON in entries.jsonl line 1 (not an object)"),
        (b'{"a":1,"a":2}\n', "invalid JSON in entries.jsonl line 1"),
        (b'{"a":NaN}\n', "invalid JSON in entries.jsonl line 1"),
        (
            b'{"a":"\\ud800"}\n',
            "invalid UTF-8 in entries.jsonl line 1 (lone surrogate)",
        ),
        (b'{"a":"' + b"x" * 200 + b'"}\n', "line too long in entries.jsonl line 1"),
    ],
)
def test_bad_jsonl(content, reason):
    data = crafted([regular("entries.jsonl", content)])
    assert reason_for(data, limits=Limits(max_jsonl_line=100)) == reason


def test_bad_jsonl_in_contact_log():
    data = crafted([regular("contact_log.jsonl", b"{}\n{]\n")])
    assert reason_for(data) == "invalid JSON in contact_log.jsonl line 2"


def test_last_line_without_newline_is_accepted():
    sink = RecordingSink()
    data = crafted([regular("contacts.jsonl", b'{"a":1}\n{"b":2}')])
    read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], sink)
    assert sink.records == [("contacts", {"a": 1}), ("contacts", {"b": 2})]


# --- issue 19 item 6: an unsigned manifest must not cost more than its member limit -------------------------
@pytest.mark.parametrize("filler", [b"{}", b"[]", b"0"])
def test_a_manifest_of_tiny_objects_is_refused_before_it_is_parsed(filler):
    body = json.loads(manifest_for({"entries.jsonl": ENTRIES}))
    text = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    # 20 000 tiny values in an extra field: cheap to send, a pile of objects once parsed.
    bloated = text[:-1] + b',"padding":[' + b",".join([filler] * 20_000) + b"]}"
    # Signed (by anyone: a stranger can sign their own junk), so only its shape refuses it.
    data = crafted([regular("entries.jsonl", ENTRIES)], manifest=bloated)
    assert reason_for(data, limits=Limits(max_members=100)) == "too many members"


def test_a_forged_manifest_is_refused_before_it_is_parsed(monkeypatch):
    import journal.exchange.bundle.reader as reader

    parsed = []
    monkeypatch.setattr(reader, "parse_manifest", lambda data: parsed.append(data))
    data = crafted([regular("entries.jsonl", ENTRIES)], signature=OTHER.sign(manifest_for({"entries.jsonl": ENTRIES})))
    assert reason_for(data) == "signature invalid" and parsed == []


def test_a_real_manifest_at_the_member_limit_is_parsed():
    listed = {f"attachments/{hashlib.sha256(bytes([i])).hexdigest()}": bytes([i]) for i in range(100)}
    items = [regular(path, data) for path, data in listed.items()]
    read_bundle(io.BytesIO(crafted(items)), [COORDINATOR.age_secret_key], RecordingSink(),
                limits=Limits(max_members=102))  # + manifest.json and manifest.sig


# --- issue 19 item 6: format version 2, the signed manifest first --------------------------------------------
def crafted_v2(items: list, *, listed: dict[str, bytes] | None = None, signer: Identity = SENDER,
               signature: bytes | None = None, **override) -> bytes:
    """A version 2 bundle: manifest.json and manifest.sig first, then ``items``."""
    if listed is None:
        listed = {info.name: data for info, data in items if info.isreg() and data is not None}
    manifest = manifest_for(listed, **{"version": 2, **override})
    signature = signature if signature is not None else signer.sign(manifest)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for info, data in [regular("manifest.json", manifest), regular("manifest.sig", signature), *items]:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
    return encrypt(buffer.getvalue())


class OrderSink(RecordingSink):
    """Records the order of what reaches it, the verified manifest included."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def manifest_verified(self, verified):
        self.events.append("verified")
        self.verified = verified

    def record(self, kind, obj):
        self.events.append(kind)
        super().record(kind, obj)

    def begin_member(self, path, size):
        self.events.append(path)
        return super().begin_member(path, size)


def _v2_items():
    return [regular("entries.jsonl", ENTRIES), regular(PHOTO_PATH, PHOTO)]


def test_the_writer_puts_the_signed_manifest_first_and_the_reader_checks_it_before_any_content():
    data = valid_bundle()
    plain = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(COORDINATOR.age_secret_key)])
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as archive:
        assert archive.getnames()[:2] == ["manifest.json", "manifest.sig"]
    sink = OrderSink()
    verified = read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], sink)
    assert verified.manifest.version == 2
    assert sink.events == ["verified", "entries", PHOTO_PATH]
    assert sink.files[PHOTO_PATH].getvalue() == PHOTO


@pytest.mark.parametrize("make, expected", [
    (lambda: crafted_v2(_v2_items(), signature=bytes(64)), "signature invalid"),
    (lambda: crafted_v2(_v2_items(), signer=OTHER), "signature invalid"),
    (lambda: crafted_v2([*_v2_items(), regular("forms.jsonl", b"{}\n")], listed={"entries.jsonl": ENTRIES,
                                                                                  PHOTO_PATH: PHOTO}),
     "member not in the manifest: forms.jsonl"),
    (lambda: crafted_v2(_v2_items(), listed={"entries.jsonl": ENTRIES + b"\n", PHOTO_PATH: PHOTO}),
     "member size mismatch: entries.jsonl"),
    (lambda: crafted_v2(_v2_items(), listed={"entries.jsonl": ENTRIES.replace(b"e1", b"e2"), PHOTO_PATH: PHOTO}),
     "member hash mismatch: entries.jsonl"),
    (lambda: crafted_v2(_v2_items()[:1], listed={"entries.jsonl": ENTRIES, PHOTO_PATH: PHOTO}),
     f"member missing: {PHOTO_PATH}"),
    (lambda: crafted_v2([*_v2_items(), regular("entries.jsonl", ENTRIES)]), "duplicate member: entries.jsonl"),
    (lambda: crafted_v2([*_v2_items(), regular("manifest.sig", bytes(64))], listed={"entries.jsonl": ENTRIES,
                                                                                    PHOTO_PATH: PHOTO}),
     "duplicate member: manifest.sig"),
    (lambda: crafted_v2([*_v2_items(), regular("manifest.json", b"{}")], listed={"entries.jsonl": ENTRIES,
                                                                                 PHOTO_PATH: PHOTO}),
     "duplicate member: manifest.json"),
    (lambda: crafted_v2(_v2_items(), version=1), "unexpected member after the manifest: entries.jsonl"),
    (lambda: crafted(_v2_items(), manifest=manifest_for({"entries.jsonl": ENTRIES, PHOTO_PATH: PHOTO}, version=2)),
     "manifest is malformed (version 2 puts the manifest first)"),
])
def test_version_2_bundles_are_refused_before_unlisted_or_unsigned_content_reaches_the_sink(make, expected):
    data = make()
    sink = OrderSink()
    with pytest.raises(BundleRejected) as info:
        read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], sink)
    assert info.value.reason == expected
    if expected == "signature invalid":
        assert sink.events == []  # nothing of an unsigned bundle was handed on
    if expected.startswith(("member not in the manifest", "member size mismatch")):
        kind = expected.split(": ")[1].removesuffix(".jsonl")
        assert kind not in sink.events  # refused at its header, before its content


def test_version_1_bundles_are_still_read():
    sink = OrderSink()
    verified = read_bundle(io.BytesIO(crafted(_v2_items())), [COORDINATOR.age_secret_key], sink)
    assert verified.manifest.version == 1
    assert sink.events == ["entries", PHOTO_PATH]  # (no early verification: the manifest is last)


# --- classification of a failed decryption (mutation checks, docs/testing.md) -----------------
# A person is told whether a bundle was cut off (download again) or altered (ask the sender);
# these cases pin the boundaries of that rule, which other tests only cross by chance.

AGE_CHUNK = 64 * 1024 + 16


def _header_length(data: bytes) -> int:
    mac = data.index(b"\n--- ")
    return data.index(b"\n", mac + 1) + 1


def test_cut_leaving_a_final_chunk_of_only_its_tag_is_truncated():
    """A cut that leaves exactly 16 bytes of the second chunk keeps the tar's 512-byte rhythm
    (the length check alone would call it tampering): the short last chunk says truncated."""
    data = valid_bundle()
    cut = _header_length(data) + 16 + AGE_CHUNK + 16
    assert cut < len(data)
    assert reason_for(data[:cut]) == "truncated"


def test_cut_inside_the_header_mac_line_is_truncated():
    data = valid_bundle()
    assert reason_for(data[: data.index(b"\n--- ") + 20]) == "truncated"


def test_altered_early_in_a_large_bundle_is_corrupted_not_truncated():
    """Decryption stops in the first MiB, long before the end of the file: not a cut."""
    big = os.urandom(3 * 1024 * 1024)
    out = io.BytesIO()
    write_bundle(out, [COORDINATOR.age_recipient], SENDER, "Sender",
                 [Member(f"attachments/{hashlib.sha256(big).hexdigest()}", len(big), big)])
    data = bytearray(out.getvalue())
    data[_header_length(bytes(data)) + 16 + 1000] ^= 0x01
    assert reason_for(bytes(data)) == "corrupted (authentication failed)"


def test_unreadable_source_says_why():
    class Broken(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            raise OSError(5, "Input/output error")

    with pytest.raises(BundleRejected) as info:
        read_bundle(Broken(), [COORDINATOR.age_secret_key], RecordingSink())
    assert info.value.reason == "the file could not be read (Input/output error)"


# --- record lines with escaped surrogates --------------------------------------------------------


def test_escaped_surrogate_pair_is_a_valid_character():
    """'\\ud83d\\ude00' is one emoji written as JSON escapes: accepted, not a lone surrogate."""
    sink = RecordingSink()
    line = b'{"title":"\\ud83d\\ude00","tags":["\\u0437\\u0430"]}\n'
    read_bundle(io.BytesIO(crafted([regular("entries.jsonl", line)])), [COORDINATOR.age_secret_key], sink)
    assert sink.records == [("entries", {"title": "\U0001F600", "tags": ["за"]})]


@pytest.mark.parametrize("line", [
    b'{"tags":["ok","\\udc00"]}\n',              # inside a list
    b'{"a":{"b":[{"c":"\\ud800x"}]}}\n',         # deep inside objects and lists
    b'{"\\udfff":"key"}\n',                      # a key
])
def test_lone_surrogate_anywhere_is_refused(line):
    reason = reason_for(crafted([regular("entries.jsonl", line)]))
    assert reason == "invalid UTF-8 in entries.jsonl line 1 (lone surrogate)"


# --- the manifest's bytes ----------------------------------------------------------------------------


def test_manifest_is_utf8_without_escapes():
    """docs/bundle-format.md: the signed manifest is UTF-8 JSON; a name in Cyrillic is stored as
    its UTF-8 bytes, not as \\u escapes (the signature covers these exact bytes)."""
    out = io.BytesIO()
    write_bundle(out, [COORDINATOR.age_recipient], SENDER, "Отправитель", [Member("entries.jsonl", len(ENTRIES), ENTRIES)])
    plain = pyrage.decrypt(out.getvalue(), [pyrage.x25519.Identity.from_str(COORDINATOR.age_secret_key)])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        manifest = archive.extractfile("manifest.json").read()
    assert "Отправитель".encode() in manifest
    assert b"\\u" not in manifest


def test_manifest_time_is_utc_whatever_the_local_zone(monkeypatch):
    import datetime as dt
    import time

    from journal.exchange.bundle.manifest import format_timestamp

    monkeypatch.setenv("TZ", "Asia/Vladivostok")
    time.tzset()
    try:
        moment = dt.datetime(2026, 3, 8, 12, 30, 5, 123456, tzinfo=dt.timezone.utc)
        assert format_timestamp(moment) == "2026-03-08T12:30:05Z"
        local = moment.astimezone(dt.timezone(dt.timedelta(hours=10)))
        assert format_timestamp(local) == "2026-03-08T12:30:05Z"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# --- what a verified manifest hands on: the signed bytes, kept verbatim (evidence, provenance) ---------


def _members_of(data: bytes) -> dict[str, bytes]:
    plain = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(COORDINATOR.age_secret_key)])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        return {name: archive.extractfile(name).read() for name in ("manifest.json", "manifest.sig")}


def _assert_kept_verbatim(verified, data: bytes) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    members = _members_of(data)
    assert verified.manifest_bytes == members["manifest.json"]
    assert verified.signature == members["manifest.sig"]
    Ed25519PublicKey.from_public_bytes(SENDER.signing_public_key).verify(verified.signature, verified.manifest_bytes)


@pytest.mark.parametrize("version", [1, 2])
def test_verified_manifest_keeps_the_signed_bytes_and_signature(version):
    data = valid_bundle() if version == 2 else crafted(_v2_items())
    sink = OrderSink()
    verified = read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], sink)
    assert verified.manifest.version == version
    _assert_kept_verbatim(verified, data)
    if version == 2:  # the sink learnt who signed before any content, with the same proof
        assert sink.events[0] == "verified"
        assert sink.verified.sender.ed25519_public_key == SENDER.signing_public_key
        _assert_kept_verbatim(sink.verified, data)


# --- limits and order at their exact boundaries (mutation checks) ---------------------------------


def _tar_encrypted(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members:
            info, _ = regular(name, data)
            archive.addfile(info, io.BytesIO(data))
    return encrypt(buffer.getvalue())


def test_each_size_limit_admits_exactly_its_size():
    data = crafted([regular("entries.jsonl", ENTRIES), regular(PHOTO_PATH, PHOTO)])
    manifest = manifest_for({"entries.jsonl": ENTRIES, PHOTO_PATH: PHOTO})
    exact = Limits(max_member_size=len(PHOTO), max_total_size=len(PHOTO) + len(ENTRIES),
                   max_manifest_size=len(manifest))
    read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], RecordingSink(), limits=exact)
    assert reason_for(data, limits=Limits(max_member_size=len(PHOTO) - 1)) == f"member too large: {PHOTO_PATH}"
    assert reason_for(data, limits=Limits(max_total_size=len(PHOTO) + len(ENTRIES) - 1)) == "bundle too large"
    assert reason_for(data, limits=Limits(max_manifest_size=len(manifest) - 1)) == "member too large: manifest.json"


def test_manifest_first_but_no_signature_next():
    manifest = manifest_for({"entries.jsonl": ENTRIES}, version=2)
    data = _tar_encrypted([("manifest.json", manifest), ("entries.jsonl", ENTRIES)])
    assert reason_for(data) == "manifest.sig must come right after manifest.json"


def test_content_after_a_last_manifest_without_signature():
    manifest = manifest_for({"entries.jsonl": ENTRIES})
    data = _tar_encrypted([("entries.jsonl", ENTRIES), ("manifest.json", manifest), (PHOTO_PATH, PHOTO)])
    assert reason_for(data) == f"unexpected member after the manifest: {PHOTO_PATH}"


def test_signature_checked_by_the_full_parse_when_the_key_is_not_found_in_the_raw_bytes():
    """With spaces in the JSON the early raw-bytes check cannot find the key; the check after
    parsing must still refuse a signature by another key, with the same reason."""
    body = json.loads(manifest_for({"entries.jsonl": ENTRIES}))
    spaced = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()  # ", " and ": "
    data = crafted([regular("entries.jsonl", ENTRIES)], manifest=spaced, signer=OTHER)
    assert reason_for(data) == "signature invalid"
    read_bundle(io.BytesIO(crafted([regular("entries.jsonl", ENTRIES)], manifest=spaced)),
                [COORDINATOR.age_secret_key], RecordingSink())  # signed by the sender it names: fine


@pytest.mark.parametrize("members", [1, 7])
def test_manifest_shape_bound_is_exact(members):
    from journal.exchange.bundle.reader import _check_manifest_shape

    slack = 1100
    _check_manifest_shape(b"{" * (members + slack), members)
    _check_manifest_shape(b"{" * 600 + b"[" * (members + slack - 600), members)
    _check_manifest_shape(b"," * (4 * members + slack), members)
    for too_many in (b"{" * (members + slack + 1), b"[" * (members + slack + 1),
                     b"{" * 600 + b"[" * (members + slack - 599), b"," * (4 * members + slack + 1)):
        with pytest.raises(BundleRejected, match="too many members"):
            _check_manifest_shape(too_many, members)


def test_records_spanning_several_read_chunks_and_declared_sizes_reach_the_sink():
    """An entries.jsonl larger than one read (1 MiB) is joined exactly, and the sink is told
    each member's declared size before its bytes."""
    lines = b"".join(b'{"uuid":"e%07d","title":"%s"}\n' % (n, b"x" * 60) for n in range(30_000))
    assert len(lines) > 2 * 1024 * 1024

    class SizeSink(RecordingSink):
        sizes: dict = {}

        def begin_member(self, path, size):
            self.sizes[path] = size
            return super().begin_member(path, size)

    sink = SizeSink()
    data = crafted([regular("entries.jsonl", lines), regular(PHOTO_PATH, PHOTO)])
    read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], sink)
    assert len(sink.records) == 30_000 and sink.records[-1][1]["uuid"] == "e0029999"
    assert sink.sizes[PHOTO_PATH] == len(PHOTO)


def test_a_manifest_larger_than_one_read_is_joined_exactly():
    """The manifest is read whole into memory in 1 MiB reads; its bytes must be the signed ones."""
    body = json.loads(manifest_for({"entries.jsonl": ENTRIES}))
    padded = json.dumps(body, sort_keys=True, ensure_ascii=False, indent=" " * 300_000).encode()
    assert len(padded) > 2 * 1024 * 1024
    data = crafted([regular("entries.jsonl", ENTRIES)], manifest=padded)
    verified = read_bundle(io.BytesIO(data), [COORDINATOR.age_secret_key], RecordingSink())
    assert verified.manifest_bytes == padded


def test_a_failure_on_the_hashing_thread_reaches_the_reader_instead_of_stalling_it():
    """The attachment hasher runs on its own thread. Something it cannot hash (a bug upstream)
    is raised by the next hexdigest() rather than leaving the reader waiting forever; chunks
    given after it are drained, and close() returns."""
    from journal.exchange.bundle.reader import _MemberHasher

    hasher = _MemberHasher()
    hasher.begin()
    hasher.update(b"fine")
    hasher.update("not bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hasher.hexdigest()
    for _ in range(100):  # more than the queue holds: never blocks
        hasher.update(b"x" * 10)
    hasher.close()
