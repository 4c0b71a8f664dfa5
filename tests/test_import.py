"""Import of bundles on the coordinator's side: happy paths, senders, revisions, idempotency."""

from __future__ import annotations

import pytest

from journal.errors import JournalError
from journal.exchange.exporter import ExportOptions
from tests.test_export import (
    PHOTOS,
    PHONE_CANARY,
    SENSITIVE_NAME,
    add_coordinator,
    db_digest,
    make_journal,
    pair,  # noqa: F401 - fixture
    populate,
)

# Random bytes cannot be cleaned of metadata: these tests send them as they are, on purpose.
UNCLEANED = ExportOptions(allow_uncleaned=True)


def export(documenter, record, path, **kwargs):
    kwargs.setdefault("all_entries", True)
    documenter.exporter.export(path, [record.uuid], **kwargs)
    return path


def test_import_one_bundle_with_everything(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter)
    progress = []
    result = coordinator.importer.import_bundle(export(documenter, record, tmp_path / "b.ijbundle"),
                                                trust_new=True, progress=lambda d, t: progress.append((d, t)))
    assert result.status == "accepted", result.reason
    assert result.message == "accepted"
    assert result.counts["entries_new"] == 1 and result.counts["people_new"] == 2
    assert result.counts["contact_log_new"] == 1 and result.counts["attachments_stored"] == 1
    assert progress and progress[-1][0] == progress[-1][1]
    assert result.sender.display_name == "Olena K." and result.sender.bundle_count == 1
    assert result.sender.fingerprint == documenter.identity.fingerprint

    entry_uuid = sample["entry"].uuid
    entry = coordinator.entries.get(entry_uuid)
    assert entry.title == sample["entry"].title
    # Shows in the normal list and search.
    assert [s.uuid for s in coordinator.queries.page()] == [entry_uuid]
    assert [hit.uuid for hit in coordinator.queries.search("адвоката")] == [entry_uuid]
    provenance = coordinator.importer.provenance(entry_uuid)
    assert provenance["sender"] == "Olena K." and provenance["original_uuid"] == entry_uuid
    assert provenance["revision"] == 1 and provenance["revision_hash"] == sample["entry"].revision_hash

    people = {p.display_name: (p, role) for p, role in coordinator.people.people_for_entry(entry_uuid)}
    assert set(people) == {"Иван Петров", sample["secret"].pseudonym}
    assert people["Иван Петров"][0].phones == [PHONE_CANARY] and people["Иван Петров"][1] == "detained"
    assert people[sample["secret"].pseudonym][0].sensitive is True
    assert SENSITIVE_NAME not in repr(coordinator.people.list())

    (log,) = coordinator.contact_log.list()
    assert log.summary == "Мать позвонила в 14:10" and log.entries == [entry_uuid]
    assert log.follow_up_due == "2024-03-06"
    assert {p.display_name for p in log.people} == {"Иван Петров", sample["secret"].pseudonym}

    (att,) = coordinator.attachments.list_for_entry(entry_uuid)
    assert att.media_type == "image/jpeg" and att.stripped_sha256 == att.sha256
    with coordinator.attachments.open_stream(att.uuid) as stream:
        assert b"NIKON" not in stream.read()
    assert coordinator.verify() == []


def test_same_bundle_twice_is_already_imported_and_changes_nothing(pair, tmp_path):
    documenter, coordinator, record = pair
    populate(documenter)
    path = export(documenter, record, tmp_path / "b.ijbundle")
    assert coordinator.importer.import_bundle(path, trust_new=True).status == "accepted"
    before = db_digest(coordinator)
    again = coordinator.importer.import_bundle(path, trust_new=True)
    assert again.status == "duplicate" and again.message == "already imported"
    assert again.sender.display_name == "Olena K."
    assert db_digest(coordinator) == before


def test_newer_revision_updates_and_older_does_not_overwrite(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter, photo=False)
    uuid = sample["entry"].uuid
    old = export(documenter, record, tmp_path / "old.ijbundle")
    documenter.entries.update(uuid, body="Четверо задержаны")
    documenter.entries.update(uuid, title="Уточнено")
    new = export(documenter, record, tmp_path / "new.ijbundle")

    assert coordinator.importer.import_bundle(old, trust_new=True).status == "accepted"
    assert coordinator.entries.get(uuid).body.startswith("Трое")
    result = coordinator.importer.import_bundle(new)
    assert result.status == "accepted" and result.counts["entries_updated"] == 1
    copy = coordinator.entries.get(uuid)
    assert (copy.title, copy.body) == ("Уточнено", "Четверо задержаны")
    history = coordinator.entries.history(uuid)
    assert [h.content["body"][:5] for h in history] == ["Трое ", "Четве"]  # older version kept
    assert coordinator.importer.provenance(uuid)["revision"] == 3

    # The other order on a second coordinator: an older revision arriving late changes nothing.
    late = make_journal(tmp_path / "late", "Late coordinator")
    try:
        other = add_coordinator(documenter, late)
        rev3 = tmp_path / "rev3.ijbundle"
        documenter.exporter.export(rev3, [other.uuid], all_entries=True, options=UNCLEANED)
        documenter.entries.update(uuid, body="v4")
        documenter.entries.update(uuid, body="v5")
        rev5 = tmp_path / "rev5.ijbundle"
        documenter.exporter.export(rev5, [other.uuid], all_entries=True, options=UNCLEANED)
        assert late.importer.import_bundle(rev5, trust_new=True).status == "accepted"
        older = late.importer.import_bundle(rev3)
        assert older.status == "accepted" and older.counts["entries_unchanged"] == 1
        assert late.entries.get(uuid).body == "v5"
        assert late.importer.provenance(uuid)["revision"] == 5
        assert len(late.entries.history(uuid)) == 1
    finally:
        late.close()


def test_an_entry_uuid_owned_by_another_source_is_never_merged(pair, tmp_path):
    documenter, coordinator, record = pair
    own = coordinator.entries.add(title="the coordinator's own entry")
    from journal.records.entries import Entry

    documenter.entries.add(Entry(uuid=own.uuid, title="same uuid from the documenter"))
    result = coordinator.importer.import_bundle(export(documenter, record, tmp_path / "b.ijbundle"),
                                                trust_new=True)
    assert result.status == "accepted" and result.counts["skipped"] == 1
    assert any("not merged" in w for w in result.warnings)
    assert coordinator.entries.get(own.uuid).title == "the coordinator's own entry"
    assert coordinator.importer.provenance(own.uuid) is None


def test_attachments_are_stored_once_per_sha256(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter)
    second = documenter.entries.add(title="Same photo again")
    documenter.attachments.add_file(second.uuid, PHOTOS / "DSCN0010.jpg")
    first = export(documenter, record, tmp_path / "1.ijbundle", entries=[sample["entry"].uuid],
                   all_entries=False)
    both = export(documenter, record, tmp_path / "2.ijbundle", entries=[sample["entry"].uuid, second.uuid],
                  all_entries=False)
    assert coordinator.importer.import_bundle(first, trust_new=True).counts["attachments_stored"] == 1
    result = coordinator.importer.import_bundle(both)
    assert result.counts["attachments_stored"] == 0 and result.counts["attachments_linked"] == 1
    assert coordinator.db.query_one("SELECT count(*) FROM blobs")[0] == 1
    assert coordinator.db.query_one("SELECT count(*) FROM attachments")[0] == 2


def test_imported_photos_get_previews_and_metadata(pair, tmp_path):
    """The coordinator sees previews (strip, viewer, reports) of received photos, upright."""
    import io

    from PIL import Image

    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="Photos")
    for name in ("DSCN0010.jpg", "portrait_6.jpg"):
        documenter.attachments.add_file(entry.uuid, PHOTOS / name)
    path = export(documenter, record, tmp_path / "b.ijbundle")  # metadata stripped, the default
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    received = {a.file_name: a for a in coordinator.attachments.list_for_entry(entry.uuid)}
    assert set(received) == {"DSCN0010.jpg", "portrait_6.jpg"}
    sizes = {}
    for name, att in received.items():
        assert att.media_type == "image/jpeg" and att.has_thumbnail, name
        thumbnail = coordinator.attachments.thumbnail(att.uuid)
        assert thumbnail.startswith(b"\xff\xd8\xff")
        with Image.open(io.BytesIO(thumbnail)) as preview:
            assert preview.format == "JPEG" and max(preview.size) <= 256
            sizes[name] = preview.size
        assert att.metadata["gps_latitude"] is None  # the sender stripped it
        assert att.note.startswith("Received from Olena K.")
    assert (received["DSCN0010.jpg"].metadata["width"], received["DSCN0010.jpg"].metadata["height"]) == (640, 480)
    portrait = received["portrait_6.jpg"].metadata
    assert (portrait["width"], portrait["height"], portrait["orientation"]) == (600, 450, 6)
    width, height = sizes["portrait_6.jpg"]
    assert height > width  # turned upright by its orientation
    width, height = sizes["DSCN0010.jpg"]
    assert width > height
    assert coordinator.verify() == []


def test_received_previews_are_made_after_the_commit(pair, tmp_path):
    """The import reads headers only; previews are made afterwards (fill_previews_step), one
    short write per step, and the same preview is made on demand while one is pending."""
    documenter, coordinator, record = pair
    first = documenter.entries.add(title="Photos")
    second = documenter.entries.add(title="The same photo again")
    for name in ("DSCN0010.jpg", "portrait_6.jpg"):
        documenter.attachments.add_file(first.uuid, PHOTOS / name)
    documenter.attachments.add_file(second.uuid, PHOTOS / "DSCN0010.jpg")  # one content, two links
    path = export(documenter, record, tmp_path / "b.ijbundle")
    assert coordinator.importer.import_bundle(path, trust_new=True).status == "accepted"
    store = coordinator.attachments
    sent = {(a.entry_uuid, a.file_name): a for e in (first, second) for a in documenter.attachments.list_for_entry(e.uuid)}
    received = {(a.entry_uuid, a.file_name): a for e in (first, second) for a in store.list_for_entry(e.uuid)}
    assert set(received) == set(sent) and store.pending_previews() == 3
    on_demand = {key: store.thumbnail(att.uuid) for key, att in received.items()}
    for key, att in received.items():
        assert att.has_thumbnail and att.metadata["width"] and att.metadata["gps_latitude"] is None, att.note
        assert att.note.startswith("Received from") and "preview" not in att.note
        assert on_demand[key].startswith(b"\xff\xd8\xff")
        assert coordinator.db.query_one("SELECT thumbnail FROM attachments WHERE uuid = ?", (att.uuid,))[0] == b""
    # A cancel before the first image makes nothing and loses nothing.
    assert store.fill_previews_step(cancel=lambda: True) == (0, 3)
    assert store.fill_previews_step(2) == (2, 1)
    assert store.fill_previews_step(2) == (1, 0)
    assert store.fill_previews_step() == (0, 0)
    for key, att in received.items():
        stored = coordinator.db.query_one("SELECT thumbnail FROM attachments WHERE uuid = ?", (att.uuid,))[0]
        assert stored == on_demand[key] == store.thumbnail(att.uuid) == documenter.attachments.thumbnail(sent[key].uuid)
    assert coordinator.verify() == []


def test_unreadable_images_are_imported_with_a_note(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="Damaged photos")
    photo = (PHOTOS / "DSCN0010.jpg").read_bytes()
    documenter.attachments.add_file(entry.uuid, PHOTOS / "corrupted.jpg")
    documenter.attachments.add_bytes(entry.uuid, photo[: len(photo) // 2], "truncated.jpg")
    documenter.attachments.add_bytes(entry.uuid, b"\xff\xd8\xff\xe0" + bytes(5000), "garbage.jpg")
    # A damaged image cannot be cleaned, so the sender sends it as it is.
    path = export(documenter, record, tmp_path / "b.ijbundle", options=ExportOptions(strip_metadata=False))
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    assert result.counts["attachments_linked"] == 3
    # Previews are made after the import committed; until then one is made on demand (not stored).
    pending = {a.file_name: a for a in coordinator.attachments.list_for_entry(entry.uuid)}
    assert pending["truncated.jpg"].has_thumbnail and pending["corrupted.jpg"].has_thumbnail
    assert coordinator.attachments.thumbnail(pending["truncated.jpg"].uuid) is None
    assert coordinator.attachments.thumbnail(pending["corrupted.jpg"].uuid)
    assert coordinator.attachments.pending_previews() == 2  # not garbage.jpg: its header is unreadable
    assert coordinator.attachments.fill_previews() == 2 and coordinator.attachments.pending_previews() == 0
    received = {a.file_name: a for a in coordinator.attachments.list_for_entry(entry.uuid)}
    truncated = received["truncated.jpg"]
    assert truncated.media_type == "image/jpeg" and not truncated.has_thumbnail
    assert coordinator.attachments.thumbnail(truncated.uuid) is None
    assert truncated.note.startswith("Received from Olena K.") and "No preview could be made" in truncated.note
    garbage = received["garbage.jpg"]
    assert garbage.metadata == {} and not garbage.has_thumbnail
    assert "could not be read as an image" in garbage.note
    assert received["corrupted.jpg"].metadata["width"] == 3648  # damaged, yet its preview could be made
    with coordinator.attachments.open_stream(truncated.uuid) as stream:
        assert stream.read() == photo[: len(photo) // 2]
    assert coordinator.verify() == []


def test_updated_people_and_contact_log(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter, photo=False)
    coordinator.importer.import_bundle(export(documenter, record, tmp_path / "1.ijbundle"), trust_new=True)
    documenter.people.update(sample["person"].uuid, notes="освобождён")
    documenter.contact_log.update(sample["log"].uuid, summary="Мать перезвонила")
    documenter.contact_log.mark_done(sample["log"].uuid)
    result = coordinator.importer.import_bundle(export(documenter, record, tmp_path / "2.ijbundle"))
    assert result.counts["people_updated"] == 1 and result.counts["contact_log_updated"] == 1
    (log,) = coordinator.contact_log.list()
    assert log.summary == "Мать перезвонила" and log.follow_up_state == "done"
    person = [p for p, _ in coordinator.people.people_for_entry(sample["entry"].uuid) if not p.sensitive][0]
    assert person.notes == "освобождён" and person.revision == 2
    assert coordinator.verify() == []


# --- senders --------------------------------------------------------------------------------------------
def test_unknown_sender_needs_trust_and_callback_sees_the_fingerprint(pair, tmp_path):
    documenter, coordinator, record = pair
    populate(documenter, photo=False)
    path = export(documenter, record, tmp_path / "b.ijbundle")
    before = db_digest(coordinator)
    refused = coordinator.importer.import_bundle(path)
    assert refused.status == "rejected"
    assert refused.reason == f"unknown sender “Olena K.” (fingerprint {documenter.identity.fingerprint})"
    assert refused.sender.fingerprint == documenter.identity.fingerprint
    assert db_digest(coordinator) == before
    asked = []
    result = coordinator.importer.import_bundle(path, trust_new=lambda new: asked.append(new) or False)
    assert result.status == "rejected" and asked[0].fingerprint == documenter.identity.fingerprint
    assert asked[0].same_name_other_keys == []
    assert coordinator.importer.import_bundle(path, trust_new=lambda new: True).status == "accepted"


def test_blocked_sender_is_rejected_and_can_be_trusted_again(pair, tmp_path):
    documenter, coordinator, record = pair
    populate(documenter, photo=False)
    coordinator.importer.import_bundle(export(documenter, record, tmp_path / "1.ijbundle"), trust_new=True)
    (sender,) = coordinator.senders.list()
    coordinator.senders.block(sender.id)
    documenter.entries.add(title="after the block")
    path = export(documenter, record, tmp_path / "2.ijbundle")
    before = db_digest(coordinator)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "rejected" and result.reason.startswith("sender blocked: Olena K.")
    assert db_digest(coordinator) == before
    coordinator.senders.trust(str(sender.id))
    coordinator.senders.rename(sender.fingerprint, "Olena (Kharkiv)")
    coordinator.senders.verify("Olena (Kharkiv)")
    assert coordinator.importer.import_bundle(path).status == "accepted"
    (sender,) = coordinator.senders.list()
    assert (sender.display_name, sender.verified, sender.bundle_count) == ("Olena (Kharkiv)", True, 2)


def test_known_name_with_a_different_key_is_flagged_and_kept_apart(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter, photo=False)
    coordinator.importer.import_bundle(export(documenter, record, tmp_path / "1.ijbundle"), trust_new=True)
    impostor = make_journal(tmp_path / "impostor", "Olena K.")
    try:
        other_record = add_coordinator(impostor, coordinator)
        impostor.entries.add(title="from the new key")
        path = tmp_path / "imp.ijbundle"
        impostor.exporter.export(path, [other_record.uuid], all_entries=True)
        refused = coordinator.importer.import_bundle(path)
        assert refused.status == "rejected" and "different key" in refused.reason
        asked = []
        result = coordinator.importer.import_bundle(path, trust_new=lambda new: asked.append(new) or True)
        assert [s.display_name for s in asked[0].same_name_other_keys] == ["Olena K."]
        assert result.status == "accepted" and result.key_changed
        assert any("different key" in w for w in result.warnings)
        assert result.sender.display_name.startswith("Olena K. (new key")
        assert len(coordinator.senders.list()) == 2
        assert coordinator.importer.provenance(sample["entry"].uuid)["sender"] == "Olena K."
    finally:
        impostor.close()


# --- many bundles ---------------------------------------------------------------------------------------
def test_a_folder_of_50_bundles_from_5_senders(tmp_path):
    coordinator = make_journal(tmp_path / "coord", "HQ")
    folder = tmp_path / "inbox"
    folder.mkdir()
    senders = []
    try:
        for s in range(5):
            documenter = make_journal(tmp_path / f"doc{s}", f"Documenter {s}")
            senders.append(documenter)
            record = add_coordinator(documenter, coordinator)
            for b in range(10):
                documenter.entries.add(title=f"sender {s} bundle {b}", body="текст " * 20)
                documenter.exporter.export(folder / f"s{s}-b{b:02}.ijbundle", [record.uuid], since_last=True,
                                           options=ExportOptions())
        (folder / "notes.txt").write_text("not a bundle")
        steps = []
        results = coordinator.importer.import_paths([folder], trust_new=True,
                                                    progress=lambda d, t: steps.append((d, t)))
        assert len(results) == 50 and {r.status for r in results} == {"accepted"}
        assert steps[-1] == (50, 50)
        assert coordinator.db.query_one("SELECT count(*) FROM entries")[0] == 50
        assert sorted(s.bundle_count for s in coordinator.senders.list()) == [10] * 5
        again = coordinator.importer.import_paths([folder])
        assert {r.status for r in again} == {"duplicate"}
    finally:
        for documenter in senders:
            documenter.close()
        coordinator.close()


# --- the coordinator's side of imported entries -------------------------------------------------------
def test_imported_entries_are_read_only_but_reviewable(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter, photo=False)
    coordinator.importer.import_bundle(export(documenter, record, tmp_path / "b.ijbundle"), trust_new=True)
    uuid = sample["entry"].uuid
    with pytest.raises(Exception, match="read-only"):
        coordinator.entries.update(uuid, body="changed by the coordinator")
    assert coordinator.entries.get(uuid).body == sample["entry"].body
    assert coordinator.importer.review(uuid)["review_status"] == "new"
    review = coordinator.importer.set_review(uuid, status="needs_follow_up", notes="проверить", tags=["суд"])
    assert review == {**review, "review_status": "needs_follow_up", "coordinator_notes": "проверить",
                      "coordinator_tags": ["суд"]}
    with pytest.raises(JournalError):
        coordinator.importer.set_review(uuid, status="bogus")
    own = coordinator.entries.add(title="coordinator's own")
    with pytest.raises(JournalError):
        coordinator.importer.set_review(own.uuid, status="verified")
    assert coordinator.importer.provenance(own.uuid) is None


def test_imported_entries_are_not_re_exported_as_the_coordinators_own(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter, photo=False)
    coordinator.importer.import_bundle(export(documenter, record, tmp_path / "b.ijbundle"), trust_new=True)
    upstream = make_journal(tmp_path / "upstream", "Upstream")
    try:
        up = add_coordinator(coordinator, upstream)
        from journal.exchange.exporter import NothingToSend

        with pytest.raises(NothingToSend):
            coordinator.exporter.export(tmp_path / "fw.ijbundle", [up.uuid], all_entries=True)
        result = coordinator.exporter.export(tmp_path / "fw.ijbundle", [up.uuid], entries=[sample["entry"].uuid])
        assert result.entry_count == 1
    finally:
        upstream.close()


def test_editing_an_imported_entry_is_a_clear_error(tmp_path):
    """The coordinator annotates received entries; their content stays the sender's."""
    from journal.errors import InvalidInput

    documenter, coordinator = _two_journals_for_edit_test(tmp_path)
    hit = coordinator.queries.page()[0]
    with pytest.raises(InvalidInput, match="received from a documenter and is read-only"):
        coordinator.entries.update(hit.uuid, title="rewritten by coordinator")
    documenter.close()
    coordinator.close()


def _two_journals_for_edit_test(tmp_path):
    from journal.storage.vault import Journal
    from tests.conftest import FAST_KDF, PASSPHRASE

    documenter = Journal.create(tmp_path / "doc", PASSPHRASE, "Doc", kdf=FAST_KDF, card_name="Doc").journal
    coordinator = Journal.create(tmp_path / "coord", PASSPHRASE, "Coord", kdf=FAST_KDF, card_name="Coord").journal
    documenter.coordinators.add(coordinator.identity.card_text(), verified=True)
    documenter.entries.add(title="Задержание", body="text")
    out = tmp_path / "b.ijbundle"
    documenter.exporter.export(out, [documenter.coordinators.list()[0].uuid], all_entries=True)
    result = coordinator.importer.import_bundle(out, trust_new=True)
    assert result.status == "accepted", result.reason
    return documenter, coordinator


def test_cancelled_import_is_rolled_back_whole(tmp_path):
    """Locking the app mid-import cancels it: nothing of the bundle may remain."""
    from journal.errors import Cancelled
    from tests.test_export import add_coordinator, db_digest, make_journal

    documenter = make_journal(tmp_path / "doc", "Olena K.")
    coordinator = make_journal(tmp_path / "coord", "HQ")
    try:
        record = add_coordinator(documenter, coordinator)
        for i in range(20):
            entry = documenter.entries.add(title=f"Задержание {i}", body="текст " * 100)
            documenter.attachments.add_bytes(entry.uuid, bytes([i]) * 300_000, f"file{i}.bin")
        bundle = tmp_path / "b.ijbundle"
        documenter.exporter.export(bundle, [record.uuid], all_entries=True, options=UNCLEANED)
        before = db_digest(coordinator)
        calls = {"n": 0}

        def cancel_midway() -> bool:
            calls["n"] += 1
            return calls["n"] > 5

        try:
            result = coordinator.importer.import_bundle(bundle, trust_new=True, cancel=cancel_midway)
            assert result.status != "accepted"
        except Cancelled:
            pass
        assert calls["n"] > 5, "the importer never checked for cancellation"
        assert db_digest(coordinator) == before
        assert coordinator.db.query_one("SELECT count(*) FROM import_staging")[0] == 0
        # and the same bundle imports cleanly afterwards
        assert coordinator.importer.import_bundle(bundle, trust_new=True).status == "accepted"
    finally:
        documenter.close()
        coordinator.close()


def test_a_photo_sent_as_it_is_in_several_pieces_is_described_as_the_sender_describes_it(pair, tmp_path):
    """A camera photo larger than one received piece, sent without cleaning: the coordinator
    joins its pieces to describe and strip it, and records what the sender's own journal
    recorded (the same stripped SHA-256, size and metadata). A wrong join (a separator, a lost
    or doubled piece) changes the stripped copy's hash (found by the staging mutation run)."""
    import io
    import random

    from PIL import Image

    exif = Image.open(PHOTOS / "DSCN0010.jpg").info["exif"]  # GPS, camera make and model
    noise = random.Random(20).randbytes(1400 * 1400 * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1400, 1400), noise).save(buffer, "JPEG", quality=95, exif=exif)
    big = buffer.getvalue()
    assert len(big) > 2 * 1024 * 1024  # several pieces of the received stream
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="A big photo")
    documenter.attachments.add_bytes(entry.uuid, big, "big.jpg")
    (sent,) = documenter.attachments.list_for_entry(entry.uuid)
    assert sent.stripped_sha256 and sent.metadata["gps_latitude"] is not None
    path = export(documenter, record, tmp_path / "b.ijbundle", options=ExportOptions(strip_metadata=False))
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    (received,) = coordinator.attachments.list_for_entry(entry.uuid)
    assert received.sha256 == sent.sha256
    assert (received.stripped_sha256, received.stripped_size) == (sent.stripped_sha256, sent.stripped_size)
    assert received.metadata == sent.metadata
    assert coordinator.verify() == []


def test_two_files_of_one_entry_with_the_same_content_both_arrive_and_stay_two(pair, tmp_path):
    """Two attachments of one entry that are the same bytes under two names (the same recording
    saved twice, or two containers that clean to the same file) arrive as two attachments with
    their own names; a later bundle with the entry again adds none."""
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="The same recording, twice")
    content = b"not a media file, the same bytes twice " * 100
    documenter.attachments.add_bytes(entry.uuid, content, "call-1.bin")
    documenter.attachments.add_bytes(entry.uuid, content, "call-copy.bin")
    assert sorted(a.file_name for a in documenter.attachments.list_for_entry(entry.uuid)) == [
        "call-1.bin", "call-copy.bin"]
    first = export(documenter, record, tmp_path / "1.ijbundle", options=UNCLEANED)
    assert coordinator.importer.import_bundle(first, trust_new=True).status == "accepted"
    names = sorted(a.file_name for a in coordinator.attachments.list_for_entry(entry.uuid))
    assert names == ["call-1.bin", "call-copy.bin"]
    documenter.entries.update(entry.uuid, title="The same recording, twice (checked)")
    second = export(documenter, record, tmp_path / "2.ijbundle", options=UNCLEANED)
    assert coordinator.importer.import_bundle(second).status == "accepted"
    assert sorted(a.file_name for a in coordinator.attachments.list_for_entry(entry.uuid)) == names
    assert coordinator.verify() == []


def test_received_entries_and_people_are_found_by_word_forms(pair, tmp_path):
    """Issue 20: a coordinator's received entries (and people) are searched like the journal's own,
    each query word in every form: Russian through the query's paradigm, English through stems."""
    from ui.exchange.received_filter import ReceivedFilter

    documenter, coordinator, record = pair
    sample = populate(documenter)
    english = documenter.entries.add(title="Protesters detained", body="Police were detaining people")
    result = coordinator.importer.import_bundle(export(documenter, record, tmp_path / "b.ijbundle"),
                                                trust_new=True)
    assert result.status == "accepted", result.reason
    received = ReceivedFilter(sender_id=result.sender.id)
    for query, uuid in (("задержать", sample["entry"].uuid), ("адвокат", sample["entry"].uuid),
                        ("detain", english.uuid), ("protester", english.uuid)):
        assert [hit.uuid for hit in coordinator.queries.search(query, received)] == [uuid], query
        assert [hit.uuid for hit in coordinator.queries.search(query)] == [uuid], query
    assert [p.display_name for p in coordinator.people.list(search="Петрову")] == ["Иван Петров"]
