"""Nothing connects: the whole canary scenario runs with every socket refused."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import socket

import pytest

from tests.test_canary import find_canaries, private_temp, run_watched  # noqa: F401 - fixture


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_every_feature_works_with_sockets_refused(tmp_path, private_temp, no_network):
    canaries, folders, watch = run_watched(tmp_path / "run", private_temp)
    assert no_network == []
    assert watch.found == []  # nothing written in plaintext, even briefly
    assert find_canaries(folders, canaries) == []


def test_the_patch_really_blocks(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80))
    assert len(no_network) == 1
