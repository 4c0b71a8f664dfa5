"""CLI: coordinator set-drop, export --outbox, outbox, send, inbox add/list/remove, fetch, network."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import json

from tests.test_cli_bundles import two  # noqa: F401 - fixture
from tests.test_outbox import CANARY, PASSWORD, USER, dav  # noqa: F401 - fixture


def _setup(two, tmp_path, dav, password: str):
    code, out, _ = two("coord", "card")
    card = out.splitlines()[0]
    assert two("doc", "coordinator", "add", card, "--verified")[0] == 0
    pw = tmp_path / "drop.txt"
    pw.write_text(password + "\n")
    code, out, err = two("doc", "coordinator", "set-drop", "HQ", dav.url("auth"), "--user", USER,
                         "--password-file", str(pw))
    assert code == 0 and "with password" in out and password not in out + err
    assert two("doc", "add", "--title", CANARY, "--body", "тело")[0] == 0
    code, out, err = two("doc", "export", "--to", "HQ", "--all", "--outbox", "--json")
    assert code == 0, err
    return json.loads(out)


def test_export_send_fetch_through_the_cli(two, tmp_path, dav):
    exported = _setup(two, tmp_path, dav, PASSWORD)
    code, out, _ = two("doc", "outbox", "--json")
    listing = json.loads(out)
    assert code == 0 and len(listing["queued"]) == 1 and listing["sent"] == []
    assert listing["queued"][0]["bundle_id"] == exported["bundle_id"]

    code, out, err = two("doc", "send", "--outbox")
    assert code == 0, err
    assert "sent to HQ" in out and "HTTP 201" in out
    code, out, _ = two("doc", "outbox", "--json")
    assert json.loads(out)["queued"] == [] and len(json.loads(out)["sent"]) == 1
    (stored,) = dav.files()
    assert CANARY.encode() not in stored.read_bytes()

    pw = tmp_path / "inbox.txt"
    pw.write_text(PASSWORD)
    code, out, _ = two("coord", "inbox", "add", dav.url("auth"), "--user", USER, "--password-file", str(pw))
    assert code == 0
    code, out, _ = two("coord", "inbox", "list", "--json")
    (folder,) = json.loads(out)
    assert folder["has_password"] and "password" not in folder
    code, out, err = two("coord", "fetch", "--trust-new", "--delete-after-import", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert [f["status"] for f in report["files"]] == ["accepted"] and report["files"][0]["deleted"]
    assert dav.files() == []
    code, out, _ = two("coord", "fetch")
    assert code == 0 and "No bundles" in out
    assert two("coord", "inbox", "remove", str(folder["id"]))[0] == 0


def test_failed_send_exits_1_and_keeps_the_bundle(two, tmp_path, dav):
    _setup(two, tmp_path, dav, "the wrong password")
    code, out, _ = two("doc", "send", "--outbox", "--json")
    (outcome,) = json.loads(out)
    assert code == 1 and not outcome["ok"] and "password" in outcome["error"].lower()
    code, out, _ = two("doc", "outbox")
    assert "queued, 1 attempt:" in out and dav.files() == []


def test_send_a_bundle_file_and_network_settings(two, tmp_path, dav):
    _setup(two, tmp_path, dav, PASSWORD)
    bundle = tmp_path / "b.ijbundle"
    assert two("doc", "export", "--to", "HQ", "--all", "-o", str(bundle))[0] == 0
    code, out, err = two("doc", "send", str(bundle), "--to", "HQ")
    assert code == 0, err
    assert len(dav.files()) == 1
    code, out, _ = two("doc", "send", str(bundle))
    assert code == 1  # --to is needed with a file
    code, out, _ = two("doc", "network", "--proxy", "socks5h://127.0.0.1:9050")
    assert code == 0 and "9050" in out
    code, out, _ = two("doc", "network", "--json")
    assert json.loads(out)["proxy_url"] == "socks5h://127.0.0.1:9050"
    assert two("doc", "network", "--proxy", "ftp://x")[0] == 1
    assert "none" in two("doc", "network", "--no-proxy")[1]
