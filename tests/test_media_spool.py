"""The encrypted spool behind the video, audio, PDF and Office cleaners: a seekable file that
behaves like io.BytesIO and never holds plaintext on disk."""

from __future__ import annotations

import io
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.media.spool import Spool

MARKER = b"Ivan Secretname at 48.8577,2.2950 " * 64


def test_nothing_readable_reaches_the_disk(tmp_path):
    with Spool(tmp_path) as spool:
        spool.write(MARKER)
        spool.seek(5)
        spool.write(b"PATCHED")
        spool._file.flush()
        on_disk = os.pread(spool._file.fileno(), spool.size + 10, 0)
        assert len(on_disk) == len(MARKER)
        assert b"Secretname" not in on_disk and b"48.8577" not in on_disk and b"PATCHED" not in on_disk
        spool.seek(0)
        assert spool.read() == MARKER[:5] + b"PATCHED" + MARKER[12:]
    assert not list(tmp_path.iterdir())  # unlinked from the start, closed at the end


_ops = st.lists(st.one_of(
    st.tuples(st.just("write"), st.binary(min_size=0, max_size=300)),
    st.tuples(st.just("seek"), st.integers(0, 2000)),
    st.tuples(st.just("read"), st.integers(0, 400)),
    st.tuples(st.just("truncate"), st.integers(0, 1500)),
), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_ops)
def test_behaves_like_bytesio(ops):
    model = io.BytesIO()
    with Spool() as spool:
        for op, arg in ops:
            if op == "write":
                assert spool.write(arg) == model.write(arg)
            elif op == "seek":
                assert spool.seek(arg) == model.seek(arg)
            elif op == "read":
                assert spool.read(arg) == model.read(arg)
            else:  # like a real file (not BytesIO), truncating past the end extends with zeros
                spool.truncate(arg)
                value = model.getvalue()
                position = model.tell()
                model = io.BytesIO(value[:arg].ljust(arg, b"\x00"))
                model.seek(position)
            assert spool.tell() == model.tell()
        spool.seek(0)
        assert spool.read() == model.getvalue()


def test_the_default_folder_is_the_users_cache_on_disk_and_stays_empty():
    from journal.media.spool import default_directory

    folder = default_directory()
    assert folder is not None and folder.startswith(os.environ["XDG_CACHE_HOME"])
    assert (os.stat(folder).st_mode & 0o777) == 0o700
    with Spool() as spool:
        spool.write(MARKER)
        assert os.listdir(folder) == []  # unlinked at once (O_TMPFILE or create-and-unlink)


def test_big_writes_patches_and_gaps_read_back_exactly(tmp_path):
    # The remux writes MiB pieces (straight through), then seeks back to patch a size and
    # forward past the end (a gap of zeros); reads decrypt by pread.
    big = os.urandom(3 * 1024 * 1024 + 5)
    model = io.BytesIO()
    with Spool(tmp_path) as spool:
        for target in (spool, model):
            target.write(b"head")
            target.write(big)
            target.seek(2)
            target.write(b"PATCH")
            target.seek(0, io.SEEK_END)
            target.write(MARKER)
            target.seek(target.tell() + 70_000)
            target.write(b"tail")
        assert spool.size == len(model.getvalue())
        on_disk = os.pread(spool._file.fileno(), spool.size + 10, 0)
        assert b"Secretname" not in on_disk and big[:64] not in on_disk
        assert b"".join(spool.chunks()) == model.getvalue()
        spool.seek(1_000_000)
        buffer = bytearray(300_000)
        assert spool.readinto(buffer) == 300_000
        assert bytes(buffer) == model.getvalue()[1_000_000:1_300_000]


def test_writes_sharing_one_scratch_buffer_each_keep_their_own_bytes(tmp_path):
    # Every write is encrypted into one reused buffer; PyAV reuses its own buffer too (a
    # bytearray handed to write() again and again with new content).
    first, second = os.urandom(2 * 1024 * 1024), os.urandom(1024 * 1024 + 3)
    caller = bytearray(first)
    with Spool(tmp_path) as spool:
        spool.write(caller)
        caller[:] = second  # the caller refills its buffer: what was written stays
        spool.write(caller)
        spool.write(b"small, gathered")
        spool.seek(10)
        spool.write(b"PATCH")  # flushes the gathered bytes, then patches through the same buffer
        expected = first[:10] + b"PATCH" + first[15:] + second + b"small, gathered"
        assert b"".join(spool.chunks()) == expected
        on_disk = os.pread(spool._file.fileno(), spool.size, 0)
        assert first[:64] not in on_disk and second[:64] not in on_disk and b"PATCH" not in on_disk


def test_a_saved_copy_is_hashed_across_map_windows(tmp_path):
    import hashlib

    from journal.media.streams import FileOutput

    data = os.urandom(17 * 1024 * 1024 + 3)  # three windows of the moving map
    with open(tmp_path / "copy", "w+b") as handle:
        output = FileOutput(handle.fileno())
        for at in range(0, len(data), 1024 * 1024):
            output.write(data[at:at + 1024 * 1024])  # starts the disk's writeback every 32 MiB
        assert output.digest() == (hashlib.sha256(data).hexdigest(), len(data))


def test_plain_text_stays_byte_for_byte():
    import hashlib

    from journal.media.strip import strip_metadata

    text = ("Заметка о задержании\n" * 50_000).encode()
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(text), out, "text/plain", total=len(text))
    assert out.getvalue() == text and result.sha256 == hashlib.sha256(text).hexdigest() and result.size == len(text)
