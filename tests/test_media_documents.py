"""PDFs, Office/ODF documents, TIFF scans and GIFs: cleaned, still open the same, and
hostile files (PDF bombs, zip bombs dressed as docx) are refused in bounded time."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree
from PIL import Image, ImageSequence

from journal.media import MediaError
from journal.media.strip import strip_metadata
from tests.media_samples import (
    MODEL,
    NAME,
    STATEMENT_TEXT,
    assert_nothing_identifying,
    clean_file,
    make_docx,
    make_odt,
    make_pdf,
    need,
    run,
)


# --- PDF ----------------------------------------------------------------------------------------
@need("exiftool", "pdftotext")
def test_pdf_loses_info_xmp_scripts_attachments_and_old_revisions(tmp_path):
    original = make_pdf(tmp_path)
    raw = original.read_bytes()
    assert raw.count(b"%%EOF") >= 2  # exiftool appended an update: the old author is still inside
    assert b"Secretname" in raw
    cleaned = tmp_path / "clean.pdf"
    result, data = clean_file(original, cleaned)
    assert result.cleaned and result.output_media_type == "application/pdf"
    assert_nothing_identifying(cleaned, data)
    assert data.count(b"%%EOF") == 1  # a full rewrite, not an update
    for gone in (b"/JavaScript", b"/EmbeddedFile", b"/Metadata", b"witness.txt", b"Someone Else"):
        assert gone not in data
    text = lambda path: run("pdftotext", str(path), "-")  # noqa: E731
    assert STATEMENT_TEXT in text(cleaned)
    assert text(cleaned) == text(original)


def test_pdf_cleaning_is_deterministic(tmp_path):
    original = make_pdf(tmp_path)
    assert clean_file(original)[1] == clean_file(original)[1]


def _pdf_bytes(body_objects: list[bytes], root: int = 1) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(body_objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, root, xref))
    return out.getvalue()


def test_pdf_bombs_are_refused_or_cleaned_without_expanding():
    import zlib

    deep = b"[" * 100_000 + b"]" * 100_000
    recursive = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
    # A stream that inflates to 1 GiB: never decoded, so it costs nothing.
    bomb = zlib.compressobj(9)
    chunk = bytes(1024 * 1024)
    compressed = b"".join(bomb.compress(chunk) for _ in range(256)) + bomb.flush()
    huge_stream = [b"<< /Type /Catalog /Pages 2 0 R >>",
                   b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>",
                   b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed) + compressed
                   + b"\nendstream"]
    for objects in ([b"<< /Type /Catalog /X " + deep + b" >>"], recursive, huge_stream):
        data = _pdf_bytes(objects)
        sink = io.BytesIO()
        try:
            strip_metadata(io.BytesIO(data), sink, "application/pdf", total=len(data))
        except MediaError as exc:
            assert "PDF" in str(exc)
            continue
        assert len(sink.getvalue()) < len(data) + 10_000  # nothing was inflated


def test_garbage_and_encrypted_pdfs_are_refused(tmp_path):
    import pikepdf

    with pytest.raises(MediaError, match="damaged"):
        strip_metadata(io.BytesIO(b"%PDF-1.4\n" + b"\x00garbage" * 100), io.BytesIO(), "application/pdf")
    locked = tmp_path / "locked.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    with pytest.raises(MediaError, match="password"), locked.open("rb") as src:
        strip_metadata(src, io.BytesIO(), "application/pdf")


# --- Office / ODF -------------------------------------------------------------------------------
def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_docx_loses_creator_authors_rsids_template_and_thumbnail(tmp_path):
    original = make_docx(tmp_path)
    cleaned = tmp_path / "clean.docx"
    result, data = clean_file(original, cleaned)
    assert result.cleaned and result.removed
    assert_nothing_identifying(cleaned, data)
    parts = _parts(data)
    assert "docProps/thumbnail.jpeg" not in parts
    assert b"thumbnail" not in parts["_rels/.rels"]
    for name, content in parts.items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(content)  # every part is well-formed
        assert b"Secretname" not in content and MODEL.encode() not in content, name
        assert b"rsid" not in content, name
    document = parts["word/document.xml"]
    assert STATEMENT_TEXT.encode() in document and b"and the release" in document
    assert b'mc:Ignorable="w14"' in document and b"xmlns:w14=" in document  # prefixes kept
    # The order of the parts stays ([Content_Types].xml first).
    assert list(parts)[0] == "[Content_Types].xml"
    if shutil.which("mat2"):
        shown = subprocess.run(["mat2", "--show", str(cleaned)], capture_output=True, text=True, timeout=120)
        assert "No metadata found" in shown.stdout, shown.stdout  # mat2 finds nothing at all


def test_odt_loses_meta_comment_and_change_authors(tmp_path):
    original = make_odt(tmp_path)
    cleaned = tmp_path / "clean.odt"
    result, data = clean_file(original, cleaned)
    assert result.cleaned
    assert_nothing_identifying(cleaned, data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert not [n for n in archive.namelist() if n.startswith("Thumbnails/")]
        assert b"Thumbnails" not in archive.read("META-INF/manifest.xml")
        assert STATEMENT_TEXT.encode() in archive.read("content.xml")
    assert data[30:38] == b"mimetype"  # the magic ODF readers look for
    if shutil.which("mat2"):
        shown = subprocess.run(["mat2", "--show", str(cleaned)], capture_output=True, text=True, timeout=120)
        assert "No metadata found" in shown.stdout, shown.stdout  # mat2 finds nothing at all


@pytest.mark.skipif(shutil.which("libreoffice") is None and shutil.which("soffice") is None,
                    reason="optional check, not in CI (about 300 MB): LibreOffice opens the cleaned documents; "
                           "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
@pytest.mark.slow
def test_cleaned_documents_open_in_libreoffice(tmp_path):
    from tests.media_samples import make_xlsx

    office = shutil.which("libreoffice") or shutil.which("soffice")
    profile = tmp_path / "lo-profile"
    for make, target, expected in ((make_docx, "txt:Text", STATEMENT_TEXT), (make_odt, "txt:Text", STATEMENT_TEXT),
                                   (make_xlsx, "csv", "Detained at the station")):
        original = make(tmp_path)
        cleaned = tmp_path / f"clean{original.suffix}"
        clean_file(original, cleaned)
        out = tmp_path / "out"
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", str(out), str(cleaned)], check=True, capture_output=True, timeout=300)
        converted = out / f"clean.{target.split(':')[0]}"
        assert expected in converted.read_text(encoding="utf-8-sig"), original.name
        converted.unlink()


def test_other_zip_archives_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", f"written by {NAME}")
    with pytest.raises(MediaError, match="not an Office"):
        strip_metadata(io.BytesIO(buffer.getvalue()), io.BytesIO(), "application/zip")


def _bomb_docx(member_size: int, count: int = 1, declared: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(count):
            info = zipfile.ZipInfo(f"word/media/image{number}.png")
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                chunk = bytes(1024 * 1024)
                left = member_size
                while left > 0:
                    member.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
    return buffer.getvalue()


def test_zip_bomb_dressed_as_docx_is_refused_before_inflating():
    data = _bomb_docx(512 * 1024 * 1024)  # 512 MiB of zeros: about 500 KiB compressed
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(MediaError, match="zip bomb"):
        strip_metadata(io.BytesIO(data), io.BytesIO(), "application/zip", total=len(data))


def test_too_many_parts_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(10_001):
            archive.writestr(f"p{number}", b"")
    with pytest.raises(MediaError, match="too many parts"):
        strip_metadata(io.BytesIO(buffer.getvalue()), io.BytesIO(), "application/zip")


def test_a_part_inflating_past_its_declared_size_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/media/a.bin", b"A" * 5000)
    data = bytearray(buffer.getvalue())
    # Lower the declared size in the central directory (the local header is not consulted).
    central = data.rfind(b"PK\x01\x02")
    data[central + 24: central + 28] = (100).to_bytes(4, "little")
    with pytest.raises(MediaError):
        strip_metadata(io.BytesIO(bytes(data)), io.BytesIO(), "application/zip")


def test_xml_with_entities_is_refused():
    buffer = io.BytesIO()
    laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
              "<Types>&b;</Types>")
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", laughs)
    with pytest.raises(MediaError, match="DTD"):
        strip_metadata(io.BytesIO(buffer.getvalue()), io.BytesIO(), "application/zip")


def test_truncated_docx_is_refused(tmp_path):
    data = make_docx(tmp_path).read_bytes()
    with pytest.raises(MediaError, match="damaged"):
        strip_metadata(io.BytesIO(data[: len(data) // 2]), io.BytesIO(), "application/zip")


# --- TIFF and GIF -------------------------------------------------------------------------------
@need("exiftool")
def test_tiff_scan_loses_artist_copyright_exif_xmp_and_keeps_pixels(tmp_path):
    scan = tmp_path / "scan.tif"
    pages = [Image.effect_noise((64, 48), 60).convert("L"), Image.new("RGB", (32, 32), (10, 200, 30))]
    pages[0].save(scan, "TIFF", compression="tiff_lzw", save_all=True, append_images=pages[1:], dpi=(300, 300))
    run("exiftool", "-q", "-overwrite_original", f"-Artist={NAME}", f"-Copyright={NAME}",
        "-Make=Scanner", f"-Model={MODEL}", f"-XMP:Creator={NAME}", "-GPSLatitude=48.8577",
        "-GPSLatitudeRef=N", "-GPSLongitude=2.2950", "-GPSLongitudeRef=E", f"-IPTC:By-line={NAME}", str(scan))
    assert b"Secretname" in scan.read_bytes()
    cleaned = tmp_path / "clean.tif"
    result, data = clean_file(scan, cleaned)
    assert result.cleaned and result.output_media_type == "image/tiff" and "Artist" in result.removed[0]
    assert_nothing_identifying(cleaned, data)
    with Image.open(scan) as before, Image.open(cleaned) as after:
        frames_before = [f.copy() for f in ImageSequence.Iterator(before)]
        frames_after = [f.copy() for f in ImageSequence.Iterator(after)]
        assert after.info.get("dpi") == (300, 300)
    assert len(frames_after) == len(frames_before) == 2
    for a, b in zip(frames_before, frames_after):
        assert a.mode == b.mode and a.tobytes() == b.tobytes()


def test_gif_loses_comments_and_xmp_and_keeps_frames(tmp_path):
    frames = [Image.new("RGB", (16, 16), (i * 80, 10, 10)) for i in range(3)]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0,
                   comment=f"made by {NAME}".encode())
    data = bytearray(path.read_bytes())
    # An XMP application extension before the trailer, as editors write it.
    xmp = b"\x21\xff\x0bXMP DataXMP" + bytes([20]) + f"<x>{MODEL}</x>".ljust(20).encode() + b"\x00"
    data[-1:-1] = xmp
    path.write_bytes(bytes(data))
    result, out = clean_file(path, tmp_path / "clean.gif")
    assert result.cleaned and result.removed
    assert b"Secretname" not in out and MODEL.encode() not in out
    assert b"NETSCAPE2.0" in out  # the loop count stays
    with Image.open(path) as before, Image.open(tmp_path / "clean.gif") as after:
        assert before.n_frames == after.n_frames == 3
        for a, b in zip(ImageSequence.Iterator(before), ImageSequence.Iterator(after)):
            assert a.convert("RGB").tobytes() == b.convert("RGB").tobytes()


def test_truncated_gif_is_refused(tmp_path):
    path = tmp_path / "a.gif"
    Image.new("P", (16, 16), 3).save(path)
    data = path.read_bytes()
    with pytest.raises(MediaError):
        strip_metadata(io.BytesIO(data[:30]), io.BytesIO(), "image/gif")


# --- fuzzing: damaged files of every cleaned type raise MediaError and nothing else -------------------
@functools.lru_cache(maxsize=1)
def _samples() -> dict[str, bytes]:
    """Made once, on first use (never at import: collecting the tests runs no tool)."""
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="fuzz-samples-"))
    gif = io.BytesIO()
    frames = [Image.new("RGB", (8, 8), (i * 80, 0, 0)) for i in range(2)]
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], comment=b"x", loop=0)
    samples = {"image/gif": gif.getvalue(), "application/zip": make_docx(folder).read_bytes(),
               "application/pdf": make_pdf(folder).read_bytes() if shutil.which("exiftool") else b""}
    shutil.rmtree(folder, ignore_errors=True)
    return samples


def _fuzz(media_type: str, data: bytes) -> None:
    try:
        strip_metadata(io.BytesIO(data), io.BytesIO(), media_type, total=len(data))
    except MediaError as error:
        assert str(error)


from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.test_media_strip import _mutated  # noqa: E402


@pytest.mark.parametrize("media_type, examples", [("image/gif", 150), ("application/zip", 80),
                                                   ("application/pdf", 80)])
def test_fuzzed_documents_raise_only_media_error(media_type, examples):
    sample = _samples()[media_type] or b"%PDF-1.4\n%%EOF\n"

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_mutated(sample))
    def check(data):
        _fuzz(media_type, data)

    check()


def test_xlsx_loses_creator_comment_authors_and_saved_folder(tmp_path):
    from tests.media_samples import make_xlsx

    original = make_xlsx(tmp_path)
    cleaned = tmp_path / "clean.xlsx"
    result, data = clean_file(original, cleaned)
    assert result.cleaned and any("folder" in r for r in result.removed)
    assert_nothing_identifying(cleaned, data)
    parts = _parts(data)
    for name, content in parts.items():
        etree.fromstring(content)
        assert b"Secretname" not in content, name
    assert b"Detained at the station" in parts["xl/worksheets/sheet1.xml"]
    assert b"count checked" in parts["xl/comments1.xml"]  # the comment's text stays
    if shutil.which("mat2"):
        shown = subprocess.run(["mat2", "--show", str(cleaned)], capture_output=True, text=True, timeout=120)
        assert "No metadata found" in shown.stdout, shown.stdout


def test_pptx_comment_authors_are_emptied():
    from tests.media_samples import CONTENT_TYPES, CORE_XML

    authors = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               f'<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
               f'<p:cmAuthor id="1" name="{NAME}" initials="IS" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>')
    modern = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">'
              f'<p188:author id="{{1}}" name="{NAME}" initials="IS" userId="secretname@example.org" '
              f'providerId="AD"/></p188:authorLst>')
    modern_comment = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                      '<p188:cmLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">'
                      '<p188:cm id="{2}" authorId="{1}" created="2024-03-05T17:41:09.123"><p188:replyLst>'
                      '<p188:reply id="{3}" authorId="{1}" created="2024-03-05T18:00:00.000"/></p188:replyLst>'
                      '</p188:cm></p188:cmLst>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("ppt/commentAuthors.xml", authors)
        archive.writestr("ppt/authors.xml", modern)
        archive.writestr("ppt/comments/modernComment_100_1.xml", modern_comment)
        archive.writestr("docProps/core.xml", CORE_XML)
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(buffer.getvalue()), out, "application/zip")
    assert result.cleaned
    parts = _parts(out.getvalue())
    for name in ("ppt/commentAuthors.xml", "ppt/authors.xml"):
        root = etree.fromstring(parts[name])
        assert all(element.get("name") in (None, "") for element in root.iter())
        assert b"Secretname" not in parts[name] and b"secretname@" not in parts[name]
        assert b'id="1"' in parts[name] or b'id="{1}"' in parts[name]  # ids (referenced by comments) stay
        assert all(element.get("initials") in (None, "") for element in root.iter())
        assert b'initials=""' in parts[name]  # required by PowerPoint: emptied, not removed
    times = [e.get("created") for e in etree.fromstring(parts["ppt/comments/modernComment_100_1.xml"]).iter()
             if e.get("created") is not None]
    assert times == ["2000-01-01T00:00:00.000"] * 2  # required: a fixed time instead of when it was written


def test_pdf_declaring_billions_of_objects_is_refused_at_once():
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"]
    data = _pdf_bytes(objects).replace(b"/Size 4", b"/Size 2000000000")
    with pytest.raises(MediaError, match="too many objects"):
        strip_metadata(io.BytesIO(data), io.BytesIO(), "application/pdf", total=len(data))
