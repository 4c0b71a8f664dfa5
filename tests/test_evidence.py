"""Evidence packages (issue 22): made from bundles a coordinator imported, checked with the standard
tools VERIFY.txt names (sha256sum, openssl), and by `journal evidence verify`, which must catch
a flipped byte, a removed file, an edited entry text, a replaced signature and a missing revision.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from journal.cli import main
from journal.errors import Cancelled, InvalidInput
from journal.evidence import EvidenceOptions, build_package, record_export, select_entries, verify_package
from journal.evidence import layout
from journal.storage import migrations
from journal.storage.vault import Journal
from tests.conftest import PASSPHRASE, require_tool
from tests.test_export import SENSITIVE_NAME, add_coordinator, make_journal, populate

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def imported(tmp_path):
    """A coordinator journal holding an entry a documenter sent in two bundles (two revisions)."""
    documenter = make_journal(tmp_path / "doc", "Olena K.")
    coordinator = make_journal(tmp_path / "coord", "Coordinators HQ")
    record = add_coordinator(documenter, coordinator)
    sample = populate(documenter)
    documenter.exporter.export(tmp_path / "1.ijbundle", [record.uuid], all_entries=True)
    documenter.entries.update(sample["entry"].uuid, body="Четверо задержаны; адвоката не пустили.")
    documenter.exporter.export(tmp_path / "2.ijbundle", [record.uuid], since_last=True)
    for name in ("1.ijbundle", "2.ijbundle"):
        result = coordinator.importer.import_bundle(tmp_path / name, trust_new=True)
        assert result.status == "accepted", result.reason
    yield coordinator, sample
    documenter.close()
    coordinator.close()


@pytest.fixture
def package(imported, tmp_path):
    coordinator, sample = imported
    out = tmp_path / "package"
    result = build_package(coordinator, [sample["entry"].uuid], out, options=EvidenceOptions(include_stripped=True))
    return out, result, coordinator, sample


def _run_verify_txt(folder: Path) -> list[str]:
    """Every command VERIFY.txt gives (indented lines), run by a shell in the package's folder."""
    ran = []
    for line in (folder / layout.VERIFY_TXT).read_text(encoding="utf-8").splitlines():
        command = line.strip()
        if not line.startswith("    ") or "<" in command or command.startswith("journal"):
            continue
        done = subprocess.run(["sh", "-c", command], cwd=folder, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        ran.append(command)
        if command.startswith("openssl pkeyutl"):
            assert "Signature Verified Successfully" in done.stdout
        if command.startswith("grep -c"):
            assert int(done.stdout) >= 1
        if command.startswith("openssl pkey "):
            manifest = json.loads((folder / layout.PACKAGE_JSON).read_text(encoding="utf-8"))
            assert done.stdout.split()[0] == manifest["coordinator"]["public_key_sha256"]
    return ran


# --- what standard tools say ----------------------------------------------------------------------
def test_package_from_imported_bundles_verifies_with_the_standard_tools(package):
    require_tool("sha256sum", "coreutils")
    require_tool("openssl", "openssl")
    out, result, coordinator, sample = package
    ran = _run_verify_txt(out)
    assert any(c.startswith("sha256sum -c") for c in ran)
    assert sum(c.startswith("openssl pkeyutl") for c in ran) == 3  # the list and both bundles
    # The received photo is tied to the documenter's signed manifest by a filled-in grep line.
    (att_row,) = coordinator.attachments.list_for_entry(sample["entry"].uuid)
    assert [c.split()[2] for c in ran if c.startswith("grep -c")] == [att_row.sha256]
    sums = subprocess.run(["sha256sum", "-c", layout.SUMS], cwd=out, capture_output=True, text=True, check=True)
    listed = (out / layout.SUMS).read_text().splitlines()
    assert sums.stdout.count(": OK") == len(listed) and len(listed) >= 12

    # The originals are byte for byte what the journal holds (for a received file: what the
    # documenter's app sent, cleaned on the laptop), with the SHA-256 recorded at import.
    (att,) = coordinator.attachments.list_for_entry(sample["entry"].uuid)
    originals = list(out.glob("entries/*/files/*-original-*"))
    assert len(originals) == 1
    with coordinator.attachments.open_stream(att.uuid) as stream:
        assert originals[0].read_bytes() == stream.read()
    assert hashlib.sha256(originals[0].read_bytes()).hexdigest() == att.sha256
    assert f"{att.sha256}  {originals[0].relative_to(out).as_posix()}" in listed
    stripped = list(out.glob("entries/*/files/*-stripped-*"))
    assert len(stripped) == 1 and b"NIKON" not in stripped[0].read_bytes()
    # The original's hash is in the documenter's signed manifest (grep, as VERIFY.txt says).
    manifests = list(out.glob("bundles/*/manifest.json"))
    assert len(manifests) == 2 and any(att.sha256 in m.read_text() for m in manifests)
    verdict = verify_package(out)
    assert verdict.ok, verdict.problems
    assert result.file_count == 1 and result.people_left_out == 1
    # The sensitive witness is not in the package, not even by pseudonym.
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert sample["secret"].pseudonym.encode() not in data and SENSITIVE_NAME.encode() not in data, path


def test_entry_json_has_the_full_history_and_the_documenters_versions(package):
    out, _result, coordinator, sample = package
    (entry_json,) = out.glob("entries/*/entry.json")
    data = json.loads(entry_json.read_text(encoding="utf-8"))
    assert [r["number"] for r in data["revisions"]] == [1, 2]
    assert data["current"]["body"].startswith("Четверо")
    assert [v["revision"] for v in data["received_versions"]] == [1, 2]
    assert data["documenter"]["name"] == "Olena K."
    text = (entry_json.parent / "entry.txt").read_text(encoding="utf-8")
    assert "Четверо задержаны" in text and "Olena K." in text
    custody = (entry_json.parent / "custody.txt").read_text(encoding="utf-8")
    assert custody.count("received and imported by coordinator Coordinators HQ") == 2
    assert "signature is kept in bundles/" in custody


def test_zip_package_verifies_and_unpacks_for_the_tools(imported, tmp_path):
    require_tool("sha256sum", "coreutils")
    require_tool("openssl", "openssl")
    coordinator, sample = imported
    out = tmp_path / "package.zip"
    build_package(coordinator, [sample["entry"].uuid], out)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert verify_package(out).ok
    with zipfile.ZipFile(out) as archive:
        assert layout.VERIFY_EN_TXT not in archive.namelist()  # English already
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as archive:
        archive.extractall(unpacked)
    _run_verify_txt(unpacked)


# --- what `evidence verify` catches -----------------------------------------------------------------
def _problems(path: Path) -> str:
    verdict = verify_package(path)
    assert not verdict.ok
    return "\n".join(verdict.problems)


def test_verify_catches_a_flipped_byte(package):
    out = package[0]
    (original,) = out.glob("entries/*/files/*-original-*")
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0x01
    original.write_bytes(bytes(data))
    problems = _problems(out)
    assert f"File changed: {original.relative_to(out).as_posix()}" in problems
    assert "is not the file recorded" in problems


def test_verify_catches_a_removed_file(package):
    out = package[0]
    (custody,) = out.glob("entries/*/custody.txt")
    custody.unlink()
    problems = _problems(out)
    assert f"File removed: {custody.relative_to(out).as_posix()}" in problems


def test_verify_catches_an_edited_entry_text(package):
    out = package[0]
    (text,) = out.glob("entries/*/entry.txt")
    text.write_text(text.read_text(encoding="utf-8").replace("Четверо", "Двое"), encoding="utf-8")
    problems = _problems(out)
    assert "entry.txt was edited" in problems and "File changed" in problems


def test_verify_catches_a_replaced_signature(package):
    out = package[0]
    (out / layout.SUMS_SIG).write_bytes(Ed25519PrivateKey.generate().sign((out / layout.SUMS).read_bytes()))
    assert "signature on SHA256SUMS is WRONG" in _problems(out)


def test_verify_catches_a_documenters_signature_replaced(package):
    out = package[0]
    sig = next(out.glob("bundles/*/manifest.sig"))
    sig.write_bytes(Ed25519PrivateKey.generate().sign(b"something else"))
    assert "the documenter's signature is WRONG" in _problems(out)


def test_verify_catches_a_revision_missing_from_the_chain_and_a_changed_one(package):
    out = package[0]
    (entry_json,) = out.glob("entries/*/entry.json")
    data = json.loads(entry_json.read_text(encoding="utf-8"))
    data["revisions"] = data["revisions"][1:]
    entry_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = _problems(out)
    assert "revision 1 is missing from the chain" in problems
    assert "revision 2 is not chained to the one before it" in problems


def test_verify_catches_an_edited_revision_even_if_the_sums_are_rewritten(package, tmp_path):
    """Someone rewrites entry.json and SHA256SUMS: the signature, the chain and the documenter's
    record all disagree."""
    out = package[0]
    (entry_json,) = out.glob("entries/*/entry.json")
    data = json.loads(entry_json.read_text(encoding="utf-8"))
    data["revisions"][-1]["content"]["body"] = "Никого не задерживали."
    data["current"] = data["revisions"][-1]["content"]
    entry_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    listed = (out / layout.SUMS).read_text().splitlines()
    rel = entry_json.relative_to(out).as_posix()
    rewritten = [f"{hashlib.sha256(entry_json.read_bytes()).hexdigest()}  {rel}" if line.endswith(rel) else line
                 for line in listed]
    (out / layout.SUMS).write_text("\n".join(rewritten) + "\n")
    problems = _problems(out)
    assert "signature on SHA256SUMS is WRONG" in problems
    assert "revision 2 was changed" in problems
    assert "differs from the copy kept here" in problems
    assert "entry.txt was edited" in problems


@pytest.mark.parametrize("garbage", ['{"revisions": [1, "x"], "files": 3, "current": []}', "[]", "{}",
                                     '{"revisions": [{"number": "1", "content": {"a": NaN}}]}'])
def test_verify_says_what_is_wrong_with_a_damaged_entry_json(package, garbage):
    out = package[0]
    (entry_json,) = out.glob("entries/*/entry.json")
    entry_json.write_text(garbage, encoding="utf-8")
    problems = _problems(out)
    assert "File changed" in problems and "entry.json" in problems


def test_verify_catches_an_added_file(package):
    out = package[0]
    (out / "entries" / "extra.jpg").write_bytes(b"not in the list")
    assert "File added after the package was made" in _problems(out)


# --- the PDF ----------------------------------------------------------------------------------------
def test_pdf_summary_shows_what_is_included_and_the_custody_timeline(package, tmp_path):
    pdftotext = require_tool("pdftotext", "poppler-utils")
    out, result, _coordinator, _sample = package
    text = subprocess.run([pdftotext, "-layout", str(out / layout.SUMMARY_PDF), "-"], capture_output=True,
                          text=True, check=True).stdout
    first_page = text.split("\f")[0]
    assert "Evidence package" in first_page and "What is included" in first_page
    assert "left out: 1" in first_page and result.package_id in first_page
    assert "People named in this package" in first_page and "Иван Петров" in first_page.split("Cases")[0]
    assert "Chain of custody" in text
    flat = " ".join(text.split())
    assert "received and imported by coordinator" in flat and "signed by Olena K." in flat
    assert "Included in this evidence package" in flat
    assert "openssl pkeyutl -verify" in flat
    # The photo's thumbnail is in the PDF (pdfimages lists the images a PDF holds).
    pdfimages = require_tool("pdfimages", "poppler-utils")
    images = subprocess.run([pdfimages, "-list", str(out / layout.SUMMARY_PDF)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(images) == 1 and " jpeg " in images[0]


@pytest.mark.parametrize(("language", "words"), [
    ("ru", ("Пакет доказательств", "Цепочка хранения", "Люди, названные в пакете", "Как проверить")),
    ("uk", ("Пакет доказів", "Ланцюг зберігання", "Особи, названі в пакеті", "Як перевірити")),
])
def test_pdf_summary_in_russian_and_ukrainian(imported, tmp_path, monkeypatch, language, words):
    pdftotext = require_tool("pdftotext", "poppler-utils")
    from journal import i18n

    coordinator, sample = imported
    monkeypatch.setattr(i18n, "_chosen", None)
    i18n.set_language(language)
    try:
        out = tmp_path / language
        build_package(coordinator, [sample["entry"].uuid], out)
    finally:
        i18n.set_language("")
    pages = subprocess.run([pdftotext, str(out / layout.SUMMARY_PDF), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    text = " ".join(" ".join(pages).split())
    title, custody, people, how = words
    assert title in text and custody in text
    first_page = " ".join(pages[0].split())
    assert people in first_page and "Иван Петров" in first_page
    assert how in (out / layout.VERIFY_TXT).read_text(encoding="utf-8")
    # and in English beside it, for a court abroad; the same commands, which the tools accept.
    assert (out / layout.VERIFY_EN_TXT).read_text(encoding="utf-8").startswith("How to check")
    assert f"{hashlib.sha256((out / layout.VERIFY_EN_TXT).read_bytes()).hexdigest()}  {layout.VERIFY_EN_TXT}" \
        in (out / layout.SUMS).read_text()


# --- people, selection, history of exports ------------------------------------------------------------
def test_sensitive_people_are_left_out_unless_included(journal, tmp_path):
    entry = journal.entries.add(title="Обыск", body="Пришли в шесть утра")
    secret = journal.people.add(name=SENSITIVE_NAME, roles=["witness"], sensitive=True)
    named = journal.people.add(name="Иван Петров", roles=["detainee"])
    journal.people.link(entry.uuid, secret.uuid, "witness")
    journal.people.link(entry.uuid, named.uuid, "detained")
    out = tmp_path / "default.zip"
    result = build_package(journal, [entry.uuid], out)
    assert result.people_left_out == 1
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert SENSITIVE_NAME.encode() not in data, name
            assert secret.pseudonym.encode() not in data, name
        assert "Иван Петров".encode() in archive.read(next(n for n in archive.namelist() if n.endswith("entry.txt")))
    assert verify_package(out).ok
    included = tmp_path / "included"
    build_package(journal, [entry.uuid], included, options=EvidenceOptions(include_sensitive=True))
    assert SENSITIVE_NAME in next(included.glob("entries/*/entry.txt")).read_text(encoding="utf-8")


def test_entry_text_counts_left_out_people_in_words_and_older_packages_still_verify(journal, tmp_path,
                                                                                   monkeypatch):
    """entry.txt says "1 sensitive person" / "2 sensitive people" (issue 17.17: no "person(s)");
    a package written with the earlier bracketed wording still verifies."""
    entry = journal.entries.add(title="Обыск", body="Пришли в шесть утра")
    for name in ("Первый", "Второй"):
        person = journal.people.add(name=name, roles=["witness"], sensitive=True)
        journal.people.link(entry.uuid, person.uuid, "witness")
    one = journal.entries.add(title="Допрос", body="Вызвали повесткой")
    journal.people.link(one.uuid, journal.people.add(name="Третий", sensitive=True).uuid, "witness")
    out = tmp_path / "now"
    build_package(journal, [entry.uuid, one.uuid], out)
    texts = [p.read_text(encoding="utf-8") for p in out.glob("entries/*/entry.txt")]
    assert any("(2 sensitive people left out of this package)" in t for t in texts)
    assert any("(1 sensitive person left out of this package)" in t for t in texts)
    assert not any("(s)" in t for t in texts) and verify_package(out).ok
    older = tmp_path / "older"
    monkeypatch.setattr(layout, "render_entry_text", lambda data, _render=layout.render_entry_text: _render(
        data, bracketed_plural=True))
    build_package(journal, [entry.uuid], older)
    monkeypatch.undo()
    assert "(2 sensitive person(s) left out" in next(older.glob("entries/*/entry.txt")).read_text(encoding="utf-8")
    assert verify_package(older).ok


def test_own_entry_package_and_later_packages_list_the_earlier_ones(journal, tmp_path):
    entry = journal.entries.add(title="Повестка", body="Вручили у метро")
    journal.entries.update(entry.uuid, body="Вручили у метро, двое")
    journal.attachments.add_bytes(entry.uuid, b"%PDF-1.4 protocol", "протокол.pdf")
    first = build_package(journal, [entry.uuid], tmp_path / "first")
    record_export(journal.db, first)
    second = build_package(journal, [entry.uuid], tmp_path / "second")
    custody = next((tmp_path / "second").glob("entries/*/custody.txt")).read_text(encoding="utf-8")
    assert f"Included in evidence package {first.package_id}" in custody
    assert f"Included in this evidence package {second.package_id}" in custody
    assert "Recorded in the coordinator's journal" in custody and "Revision 2 saved" in custody
    assert verify_package(tmp_path / "second").ok
    from journal.evidence import exports

    assert [e["package_id"] for e in exports(journal.db)] == [first.package_id]


def test_custody_lists_the_bundles_an_entry_was_sent_on_in(tmp_path):
    """"Every export since": an entry this journal sent in a bundle names it in its chain of custody."""
    sender = make_journal(tmp_path / "sender", "Field team")
    receiver = make_journal(tmp_path / "hq", "Coordinators HQ")
    try:
        record = add_coordinator(sender, receiver)
        sample = populate(sender)
        sent = sender.exporter.export(tmp_path / "1.ijbundle", [record.uuid], all_entries=True)
        out = tmp_path / "package"
        build_package(sender, [sample["entry"].uuid], out)
        custody = next(out.glob("entries/*/custody.txt")).read_text(encoding="utf-8")
        assert f"in bundle {sent.bundle_id} to Coordinators HQ" in custody
        lines = [line for line in custody.splitlines() if line[:4].isdigit()]
        assert "Sent by" in lines[-2] and "Included in this evidence package" in lines[-1]
        assert verify_package(out).ok
    finally:
        sender.close()
        receiver.close()


def test_selection_by_tag_and_by_ids(journal):
    from journal.records.reports import ReportFilter
    from journal.records.search import EntryFilter

    a = journal.entries.add(title="a", tags=["дело-1"], occurred_at="2024-01-02")
    b = journal.entries.add(title="b", tags=["дело-1"], occurred_at="2024-01-01")
    journal.entries.add(title="c", tags=["другое"])
    assert select_entries(journal, flt=ReportFilter(EntryFilter(tag="дело-1"))) == [b.uuid, a.uuid]
    assert select_entries(journal, refs=[a.uuid[:8]]) == [a.uuid]
    with pytest.raises(InvalidInput):
        select_entries(journal, flt=ReportFilter(EntryFilter(tag="нет")))


@pytest.mark.parametrize("name", ["cancelled", "cancelled.zip"])
def test_cancel_leaves_nothing(imported, tmp_path, name):
    coordinator, sample = imported
    calls = []

    def progress(done, total):
        calls.append(done)

    with pytest.raises(Cancelled):
        build_package(coordinator, [sample["entry"].uuid], tmp_path / name, progress=progress,
                      cancel=lambda: len(calls) > 0)
    assert not (tmp_path / name).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_refuses_to_write_over_something(imported, tmp_path):
    coordinator, sample = imported
    (tmp_path / "taken").mkdir()
    with pytest.raises(InvalidInput):
        build_package(coordinator, [sample["entry"].uuid], tmp_path / "taken")


def test_a_bundle_imported_before_signatures_were_kept(imported, tmp_path):
    coordinator, sample = imported
    with coordinator.db.transaction() as db:
        db.execute("DELETE FROM received_signatures")
    out = tmp_path / "old"
    result = build_package(coordinator, [sample["entry"].uuid], out)
    assert len(result.warnings) == 2
    assert "imported before this app kept signatures" in (out / layout.VERIFY_TXT).read_text(encoding="utf-8")
    problems = _problems(out)
    assert "its signature was not kept" in problems
    assert "signature on SHA256SUMS is valid" not in problems


# --- the command line ---------------------------------------------------------------------------------
def test_cli_writes_and_verifies_a_package(imported, tmp_path, capsys):
    coordinator, sample = imported
    data_dir = coordinator.data_dir
    coordinator.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")
    out = tmp_path / "case.zip"
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "evidence", "--entries",
                 sample["entry"].uuid[:8], "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and "NOT encrypted" in printed and "1 sensitive person was left out" in printed
    assert f"written to {out}: 1 entry, 1 original file." in printed  # plurals, not "file(s)"
    assert main(["evidence", "verify", str(out)]) == 0
    assert "FAIL" not in capsys.readouterr().out
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "evidence", "--tag", "протест",
                 "-o", str(tmp_path / "by-tag"), "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["entries"] == 1
    broken = tmp_path / "by-tag"
    next(broken.glob("entries/*/entry.txt")).write_text("edited", encoding="utf-8")
    assert main(["evidence", "verify", str(broken)]) == 1
    printed = capsys.readouterr().out
    assert "FAIL  File changed" in printed and "does NOT hold" in printed
    # Both packages are in the journal's log of exports (no path kept).
    with Journal.open(data_dir, PASSPHRASE) as journal:
        assert journal.db.query_one("SELECT count(*) FROM evidence_exports")[0] == 2
        assert str(tmp_path) not in json.dumps(journal.db.query("SELECT * FROM evidence_exports"))


def test_cli_needs_a_selection_and_an_output(cli_journal):
    assert main([*cli_journal, "evidence", "-o", "x"]) == 1
    assert main([*cli_journal, "evidence", "--entries", "abcd"]) == 1
    assert main(["evidence", "verify"]) == 1


@pytest.fixture
def cli_journal(created, data_dir, tmp_path):
    created.journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")
    return ["--data-dir", str(data_dir), "--passphrase-file", str(pfile)]


# --- schema ------------------------------------------------------------------------------------------
def test_journal_before_the_evidence_tables_migrates_and_keeps_signatures_from_then_on(tmp_path):
    work = tmp_path / "v13"
    shutil.copytree(FIXTURES / "journal_v13", work)
    with Journal.open(work, "fixture passphrase") as journal:
        assert migrations.schema_version(journal.db.conn) == migrations.latest_version()
        tables = {r[0] for r in journal.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"received_signatures", "received_entry_versions", "evidence_exports",
                "evidence_export_items"} <= tables
        assert journal.verify() == []


def test_verify_says_which_entry_lost_a_file(package):
    """A removed original (or stripped copy) fails its entry too: the entry never "holds" without its files."""
    out = package[0]
    (original,) = out.glob("entries/*/files/*-original-*")
    (stripped,) = out.glob("entries/*/files/*-stripped-*")
    original.unlink()
    stripped.write_bytes(b"another file")
    verdict = verify_package(out)
    problems = "\n".join(verdict.problems)
    assert f"its file {original.relative_to(out).as_posix()} is missing" in problems
    assert f"{stripped.relative_to(out).as_posix()} is not the file recorded" in problems
    assert not any(c.ok and c.text.startswith("Entry ") for c in verdict.checks)

