"""Contact cards, fingerprints and QR codes."""

from __future__ import annotations

import base64
import io
import json

import pytest

from journal.exchange.bundle.card import (
    Card,
    card_qr_png,
    decode_card,
    encode_card,
    fingerprint,
    read_card_file,
    write_card_file,
)
from journal.exchange.bundle.errors import CardError
from journal.exchange.bundle.identity import Identity
from journal.errors import JournalError


@pytest.fixture(scope="module")
def identity() -> Identity:
    return Identity.generate()


def _reencode(body: dict) -> str:
    raw = json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()
    return "ijcard1:" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _body(card_text: str) -> dict:
    payload = card_text[len("ijcard1:") :]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_round_trip_with_unicode_name(identity):
    text = encode_card(
        "Олена Ковальчук — Kyiv", identity.age_recipient, identity.signing_public_key
    )
    assert text.startswith("ijcard1:") and "\n" not in text and "=" not in text
    card = decode_card(text)
    assert card == Card(
        "Олена Ковальчук — Kyiv", identity.age_recipient, identity.signing_public_key
    )
    assert card.text == text
    assert card.fingerprint == identity.fingerprint


def test_surrounding_whitespace_and_line_breaks_are_ignored(identity):
    text = encode_card("Ann", identity.age_recipient, identity.signing_public_key)
    wrapped = "\n  " + text[:30] + "\r\n" + text[30:70] + "\n" + text[70:] + "  \n\n"
    assert decode_card(wrapped).name == "Ann"


def test_card_errors_are_journal_errors():
    assert issubclass(CardError, JournalError)


@pytest.mark.parametrize(
    "text", ["", "hello", "age1abc", "https://example.org/ijcard1"]
)
def test_not_a_card(text):
    with pytest.raises(CardError, match="not a contact card"):
        decode_card(text)


def test_bad_encoding():
    with pytest.raises(CardError, match="bad encoding"):
        decode_card("ijcard1:***not base64***")
    with pytest.raises(CardError, match="bad encoding"):
        decode_card(
            "ijcard1:"
            + base64.urlsafe_b64encode(b"\xff\xfe not json").decode().rstrip("=")
        )


def test_mistyped_card_fails_the_checksum(identity):
    text = encode_card("Ann", identity.age_recipient, identity.signing_public_key)
    body = _body(text)
    body["name"] = "Anne"
    with pytest.raises(CardError, match="altered or mistyped"):
        decode_card(_reencode(body))


def test_single_character_typos_are_caught(identity):
    text = encode_card("Ann", identity.age_recipient, identity.signing_public_key)
    for position in range(len("ijcard1:"), len(text), 7):
        replacement = "A" if text[position] != "A" else "B"
        typo = text[:position] + replacement + text[position + 1 :]
        with pytest.raises(CardError):
            decode_card(typo)


def test_invalid_age_recipient_with_valid_checksum(identity):
    body = _body(
        encode_card("Ann", identity.age_recipient, identity.signing_public_key)
    )
    body["age"] = "age1notarealkey"
    body.pop("check")
    from journal.exchange.bundle import card as card_module

    body["check"] = card_module._check_value(body["name"], body["age"], body["ed25519"])
    with pytest.raises(CardError, match="not a valid age recipient"):
        decode_card(_reencode(body))


def test_invalid_key_length_with_valid_checksum(identity):
    from journal.exchange.bundle import card as card_module

    body = _body(
        encode_card("Ann", identity.age_recipient, identity.signing_public_key)
    )
    body["ed25519"] = base64.urlsafe_b64encode(b"\x01" * 31).decode().rstrip("=")
    body["check"] = card_module._check_value(body["name"], body["age"], body["ed25519"])
    with pytest.raises(CardError, match="invalid length"):
        decode_card(_reencode(body))


def test_encode_rejects_bad_input(identity):
    with pytest.raises(CardError):
        encode_card("", identity.age_recipient, identity.signing_public_key)
    with pytest.raises(CardError):
        encode_card("Ann\x00", identity.age_recipient, identity.signing_public_key)
    with pytest.raises(CardError):
        encode_card("Ann", "age1nope", identity.signing_public_key)
    with pytest.raises(CardError):
        encode_card("Ann", identity.age_recipient, b"short")


def test_fingerprint_shape_and_sensitivity(identity):
    fp = fingerprint(identity.age_recipient, identity.signing_public_key)
    groups = fp.split(" ")
    assert [len(g) for g in groups] == [5, 5, 5, 5]
    assert all(c in "abcdefghijklmnopqrstuvwxyz234567" for c in "".join(groups))
    other = Identity.generate()
    assert fingerprint(identity.age_recipient, other.signing_public_key) != fp
    assert fingerprint(other.age_recipient, identity.signing_public_key) != fp
    # Test vector from docs/bundle-format.md.
    assert (
        fingerprint(
            "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
            bytes(range(32)),
        )
        == "3jmhg nqkib mhiz5 7azw6"
    )


def test_card_file_round_trip(tmp_path, identity):
    text = encode_card("Ann", identity.age_recipient, identity.signing_public_key)
    path = tmp_path / "ann.ijcard"
    write_card_file(path, text)
    assert path.read_text() == text + "\n"
    assert read_card_file(path).name == "Ann"
    (tmp_path / "junk.ijcard").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CardError):
        read_card_file(tmp_path / "junk.ijcard")
    with pytest.raises(CardError):
        read_card_file(tmp_path / "missing.ijcard")


def test_qr_png(tmp_path, identity):
    text = encode_card("Олена", identity.age_recipient, identity.signing_public_key)
    stream = io.BytesIO()
    card_qr_png(text, stream)
    assert stream.getvalue().startswith(b"\x89PNG\r\n\x1a\n")
    card_qr_png(text, tmp_path / "card.png")
    assert (tmp_path / "card.png").read_bytes().startswith(b"\x89PNG")
    # The QR holds exactly the card text.
    from PIL import Image

    with Image.open(tmp_path / "card.png") as image:
        assert image.size[0] > 100
