"""Issue 19 item 7: names and labels cannot drive a terminal or reorder text.

Control characters (ANSI escapes, BEL, newlines) and text-direction controls (U+202E and
friends) are refused in received sender names, category labels and tags, as in card names;
and whatever the CLI prints is escaped (journal/cli/output.py), also for text a journal holds
from before this rule (inserted directly here).
"""

from __future__ import annotations

import json

import pytest

from journal.cli import main
from journal.cli.output import escape, one_line
from journal.records.entries import canonical_json, chain_hash
from tests.test_export import decrypt_bundle, pair, populate, tar_members  # noqa: F401 - fixture
from tests.test_import_hostile import craft, rejected
from tests.conftest import PASSPHRASE

HOSTILE = [
    "\x1b[2J\x1b[31mHQ\x1b[0m",  # ANSI: clear screen, red
    "Olena\x07",  # BEL
    "Olena\nimported: 999 entries",  # a forged second line
    "Olena\rX",  # carriage return overwrites the line
    "abc\u202egpj.exe",  # right-to-left override
    "\u2066isolate\u2069",  # bidi isolates
    "mark\u200f",  # right-to-left mark
    "arabic\u061cmark",  # Arabic letter mark
    "c1\x9bcontrol",  # C1 CSI
]
RAW = ("\x1b", "\x07", "\r", "\u202e", "\u2066", "\u2069", "\u200f", "\u061c", "\x9b")


def _no_raw_controls(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(text)


# --- the escaping helper ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", HOSTILE)
def test_one_line_escapes_every_control_and_bidi_character(text):
    shown = one_line(text)
    _no_raw_controls(shown)
    assert "\n" not in shown and shown.isprintable()


def test_escape_keeps_ordinary_text_and_newlines():
    text = "Задержание у ОВД №5 🚓 — «ok»\n\tзакрыто; امین; family 👨\u200d👩\u200d👧"
    assert escape(text) == text
    assert escape("a\x1bb") == "a\\x1bb" and escape("\u202e") == "\\u202e"
    assert escape("\U000e0001") == "\\udb40\\udc01"  # beyond the BMP: a JSON-compatible pair


def test_escaped_json_stays_valid_json():
    value = {"name": "a\x7f\x85\u202eb\U000e0001"}
    out = escape(json.dumps(value, ensure_ascii=False))
    _no_raw_controls(out)
    assert json.loads(out) == value


# --- refused at import ----------------------------------------------------------------------------------
@pytest.fixture
def exported(pair, tmp_path):
    documenter, coordinator, record = pair
    populate(documenter)
    path = tmp_path / "b.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True)
    return documenter, coordinator, tar_members(decrypt_bundle(path, coordinator))


@pytest.mark.parametrize("name", HOSTILE)
def test_a_sender_name_with_control_characters_is_refused(exported, tmp_path, name):
    documenter, coordinator, members = exported
    body = json.loads(members["manifest.json"])
    body["sender"]["display_name"] = name
    data = craft({**members, "manifest.json": json.dumps(body).encode()}, coordinator.identity.age_recipient,
                 documenter.identity.get())
    assert rejected(coordinator, data, tmp_path) == \
        "the sender's name contains control or text-direction characters"


def _with_entry_change(members, change) -> dict:
    lines = members["entries.jsonl"].decode().splitlines()
    record = json.loads(lines[0])
    change(record)
    record["revision_hash"] = chain_hash(record["prev_hash"], canonical_json(record["content"]))
    lines[0] = json.dumps(record, ensure_ascii=False)
    return {**members, "entries.jsonl": ("\n".join(lines) + "\n").encode()}


@pytest.mark.parametrize("field, change", [
    ("category_label", lambda r: r.update(category_label="Detention\x1b]0;pwned\x07")),
    ("category_label", lambda r: r.update(category_label="\u202eNOITNETED")),
    ("content.category", lambda r: r["content"].update(category="new\nkey")),
    ("a tag", lambda r: r["content"].update(tags=["ok", "bell\x07"])),
    ("a tag", lambda r: r["content"].update(tags=["\u2067rtl\u2069"])),
])
def test_category_labels_and_tags_with_control_characters_are_refused(exported, tmp_path, field, change):
    documenter, coordinator, members = exported
    data = craft(_with_entry_change(members, change), coordinator.identity.age_recipient,
                 documenter.identity.get())
    reason = rejected(coordinator, data, tmp_path)
    assert reason == f"invalid record in entries.jsonl line 1: {field} contains control or text-direction characters"


def test_renaming_a_sender_refuses_control_characters(exported, tmp_path):
    from journal.errors import InvalidInput

    documenter, coordinator, members = exported
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get())
    path = tmp_path / "ok.ijbundle"
    path.write_bytes(data)
    sender = coordinator.importer.import_bundle(path, trust_new=True).sender
    with pytest.raises(InvalidInput):
        coordinator.senders.rename(sender.id, "HQ\u202eevil")


# --- escaped in every CLI output -----------------------------------------------------------------------
@pytest.fixture
def cli(pair, tmp_path, capsys):
    documenter, coordinator, record = pair
    populate(documenter)
    bundle = tmp_path / "b.ijbundle"
    documenter.exporter.export(bundle, [record.uuid], all_entries=True)
    assert coordinator.importer.import_bundle(bundle, trust_new=True).status == "accepted"
    # Text stored before this rule existed (or by an older version): put there directly.
    hostile = "\x1b[2J\x1b[31mOlena\x07\nimported: 999\u202e"
    with coordinator.db.transaction() as db:
        db.execute("UPDATE senders SET display_name = ?, claimed_name = ?", (hostile, hostile))
        db.execute("UPDATE categories SET label = ? WHERE key = 'detention'", (hostile,))
        db.execute("INSERT INTO categories (key, label, position) VALUES (?, ?, 99)", ("k\x1b[1m", hostile))
    folder = coordinator.data_dir
    coordinator.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def run(*argv):
        code = main(["--data-dir", str(folder), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run, bundle


@pytest.mark.parametrize("argv", [["senders"], ["senders", "--json"], ["categories"], ["categories", "--json"],
                                  ["list"], ["list", "--json"], ["sender", "verify", "1"]])
def test_cli_output_is_escaped(cli, argv):
    run, _bundle = cli
    code, out, err = run(*argv)
    assert code == 0, err
    _no_raw_controls(out + err)
    if argv != ["list", "--json"]:  # (its rows carry the category key, not the label)
        assert "\\x1b[2J" in out or "\\u001b[2J" in out
    if "--json" not in argv:
        assert "\nimported: 999" not in out  # the name stays on its line
    else:
        json.loads(out)


def test_import_output_is_escaped(cli):
    run, bundle = cli
    code, out, err = run("import", str(bundle))
    _no_raw_controls(out + err)
    assert "already imported from \\x1b[2J" in out
