"""Small media samples made with real tools, and the checks every cleaned output must pass.

Shared by tests/test_media_video.py, test_media_audio.py, test_media_documents.py and the
bundle end-to-end test. A test needing a missing tool is skipped with the apt package to
install (CI installs them all: .ci/run).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from journal.media.sniff import sniff_media_type
from journal.media.strip import strip_metadata

NAME = "Ivan Secretname"
MODEL = "SECRETMODEL"
LATITUDE, LONGITUDE = "48.8577", "2.2950"
ISO6709 = "+48.8577+002.2950+035.000/"
SECRETS = (b"Secretname", MODEL.encode(), b"48.8577", b"2.2950", b"002.2950")

TOOLS = {"ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "exiftool": "libimage-exiftool-perl",
         "pdftotext": "poppler-utils", "mat2": "mat2"}


def need(*tools: str):
    """Skip unless every tool is on PATH (the reason names the Debian package)."""
    missing = [t for t in tools if shutil.which(t) is None]
    return pytest.mark.skipif(bool(missing), reason=", ".join(
        f"{t} is not installed (apt-get install {TOOLS[t]})" for t in missing))


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def clean_file(path: Path, out: Path | None = None):
    """Clean a file through strip_metadata as the exporter does; return (result, bytes)."""
    media_type = sniff_media_type(path.read_bytes()[:4096])
    sink = io.BytesIO()
    with path.open("rb") as src:
        result = strip_metadata(src, sink, media_type, total=path.stat().st_size)
    data = sink.getvalue()
    if out is not None:
        out.write_bytes(data)
    return result, data


# --- samples ------------------------------------------------------------------------------------
def make_video(folder: Path, extension: str = "mp4", *, rotate: int = 90) -> Path:
    """A 1-second phone-like video: location (Keys and udta), make, model, author, rotation."""
    plain = folder / f"plain.{extension}"
    codec_v = ["-c:v", "libvpx", "-b:v", "100k"] if extension == "webm" else \
        ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast"]
    codec_a = ["-c:a", "libopus"] if extension == "webm" else ["-c:a", "aac"]
    if extension == "avi":  # as an older phone or camera: MPEG-4 part 2 video, MP3 sound
        codec_v = ["-c:v", "mpeg4", "-q:v", "5"]
        codec_a = ["-c:a", "libmp3lame"]
    if extension == "3gp":
        codec_v = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast"]
        codec_a = ["-c:a", "aac", "-ar", "16000"]
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=96x64:rate=10:duration=1",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=1", *codec_v, *codec_a, str(plain))
    tagged = folder / f"phone.{extension}"
    meta = ["-metadata", f"location={ISO6709}",
            "-metadata", f"com.apple.quicktime.location.ISO6709={ISO6709}",
            "-metadata", "com.apple.quicktime.make=Apple",
            "-metadata", f"com.apple.quicktime.model=iPhone {MODEL}",
            "-metadata", f"author={NAME}", "-metadata", f"artist={NAME}",
            "-metadata", f"comment=Filmed by {NAME} at {LATITUDE},{LONGITUDE}",
            "-metadata:s:v:0", f"rotate={rotate}", "-metadata:s:a:0", f"title={NAME}"]
    flags = ["-movflags", "use_metadata_tags"] if extension in ("mp4", "mov", "m4v", "3gp") else []
    run("ffmpeg", "-v", "error", "-y", "-i", str(plain), "-c", "copy", *meta, *flags, str(tagged))
    plain.unlink()
    return tagged


def make_audio(folder: Path, extension: str) -> Path:
    path = folder / f"memo.{extension}"
    codec = {"mp3": ["-c:a", "libmp3lame", "-id3v2_version", "3", "-write_id3v1", "1"],
             "m4a": ["-c:a", "aac"], "ogg": ["-c:a", "libvorbis"], "opus": ["-c:a", "libopus"],
             "flac": ["-c:a", "flac"], "wav": ["-c:a", "pcm_s16le"],
             "aac": ["-c:a", "aac", "-f", "adts", "-write_id3v2", "1"]}[extension]
    cover = []
    if extension in ("mp3", "flac"):
        cover = ["-f", "lavfi", "-i", "color=c=red:s=16x16:d=1", "-map", "0", "-map", "1",
                 "-c:v", "mjpeg", "-disposition:v", "attached_pic"]
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", *cover,
        *codec, "-metadata", f"artist={NAME}", "-metadata", f"comment=At {LATITUDE},{LONGITUDE}",
        "-metadata", f"title=Memo from {MODEL}", str(path))
    return path


STATEMENT_TEXT = "Statement of the witness about the detention"


def make_pdf(folder: Path) -> Path:
    """A one-page PDF with text, author in Info and XMP, JavaScript, an embedded file, an
    annotation with an author, then an incremental update by exiftool (older revision)."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    content = f"BT /F1 12 Tf 72 720 Td ({STATEMENT_TEXT}) Tj ET".encode()
    page = pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream(content)))
    pdf.pages.append(page)
    annot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[100, 100, 120, 120],
        T=pikepdf.String(NAME), Contents=pikepdf.String("checked"),
        M=pikepdf.String("D:20240101120000Z")))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))
    pdf.docinfo["/Author"] = NAME
    pdf.docinfo["/Creator"] = f"Scanner {MODEL}"
    pdf.docinfo["/Title"] = "Detainees list"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [NAME]
        meta["xmp:CreatorTool"] = f"Scanner {MODEL}"
    pdf.attachments["witness.txt"] = f"Written by {NAME} at {LATITUDE},{LONGITUDE}".encode()
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    path = folder / "statement.pdf"
    pdf.save(path)
    if shutil.which("exiftool"):
        # exiftool edits PDFs by appending an update: the old Info stays in the file.
        run("exiftool", "-q", "-overwrite_original", "-Author=Someone Else", str(path))
    return path


CORE_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>{NAME}</dc:creator><cp:lastModifiedBy>{NAME}</cp:lastModifiedBy><dc:title>Statement</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T10:00:00Z</dcterms:created></cp:coreProperties>"""
APP_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>{MODEL} Ltd</Company><Template>C:\\Users\\Secretname\\Normal.dotm</Template><Pages>1</Pages></Properties>"""
DOCUMENT_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body><w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r><w:t>{STATEMENT_TEXT}</w:t></w:r><w:ins w:id="1" w:author="{NAME}" w:date="2024-01-01T10:00:00Z"><w:r><w:t> and the release</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p></w:body></w:document>"""
COMMENTS_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="{NAME}" w:initials="IS" w:date="2024-01-01T10:00:00Z"><w:p><w:r><w:t>verify</w:t></w:r></w:p></w:comment></w:comments>"""
SETTINGS_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rId1"/><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/></w:rsids></w:settings>"""
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>"""
SETTINGS_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:\\Users\\Secretname\\Normal.dotm" TargetMode="External"/></Relationships>"""


def make_docx(folder: Path) -> Path:
    """A minimal Word document: creator, last modified by, comment and insertion authors,
    revision ids, a template path in the user's folder and a thumbnail."""
    from PIL import Image

    thumb = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(thumb, "JPEG")
    path = folder / "statement.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", DOCUMENT_XML)
        archive.writestr("word/_rels/document.xml.rels", DOC_RELS)
        archive.writestr("word/comments.xml", COMMENTS_XML)
        archive.writestr("word/settings.xml", SETTINGS_XML)
        archive.writestr("word/_rels/settings.xml.rels", SETTINGS_RELS)
        archive.writestr("docProps/core.xml", CORE_XML)
        archive.writestr("docProps/app.xml", APP_XML)
        archive.writestr("docProps/thumbnail.jpeg", thumb.getvalue())
    return path


ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:text><text:tracked-changes><text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>{NAME}</dc:creator><dc:date>2024-01-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes><text:p>{STATEMENT_TEXT}<office:annotation><dc:creator>{NAME}</dc:creator><dc:date>2024-01-01T10:00:00</dc:date><text:p>verify</text:p></office:annotation></text:p></office:text></office:body></office:document-content>"""
ODT_META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:initial-creator>{NAME}</meta:initial-creator><dc:creator>{NAME}</dc:creator><meta:generator>LibreOffice/7.4 {MODEL}</meta:generator><meta:creation-date>2024-01-01T10:00:00</meta:creation-date></office:meta></office:document-meta>"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/></manifest:manifest>"""


def make_odt(folder: Path) -> Path:
    from PIL import Image

    thumb = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(thumb, "PNG")
    path = folder / "statement.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", ODT_CONTENT)
        archive.writestr("meta.xml", ODT_META)
        archive.writestr("Thumbnails/thumbnail.png", thumb.getvalue())
        archive.writestr("META-INF/manifest.xml", ODT_MANIFEST)
    return path


# --- checks -------------------------------------------------------------------------------------
IDENTIFYING = ("Author", "Artist", "Creator", "LastModifiedBy", "Model", "Make", "GPS", "Location",
               "Comment", "Title", "Encoder", "Company", "Software", "Producer", "Copyright")


def exiftool_tags(path: Path) -> dict:
    # exiftool exits 1 for a type it does not read (raw ADTS audio): it then lists no tag.
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", "-ee", str(path)], capture_output=True, text=True,
                         timeout=120).stdout
    (found,) = json.loads(out)
    return {k: v for k, v in found.items() if not k.startswith(("System:", "File:", "ExifTool:"))
            and k != "SourceFile"}


def assert_nothing_identifying(path: Path, data: bytes | None = None, *, allow: tuple[str, ...] = ()) -> None:
    """Raw bytes hold no name, model or coordinate; exiftool and mat2 find no identifying tag."""
    data = path.read_bytes() if data is None else data
    for secret in SECRETS:
        assert secret not in data, f"{secret!r} is still in the cleaned bytes"
    if shutil.which("exiftool"):
        tags = exiftool_tags(path)
        bad = {k: v for k, v in tags.items()
               if any(word.lower() in k.split(":")[-1].lower() for word in IDENTIFYING)
               and k not in allow and str(v).strip() not in ("", "0", "False")}
        assert not bad, f"exiftool still shows {bad}"
        text = json.dumps(tags)
        assert "Secretname" not in text and MODEL not in text and "48.85" not in text
    if shutil.which("mat2"):
        shown = subprocess.run(["mat2", "--show", str(path)], capture_output=True, text=True, timeout=120)
        report = shown.stdout + shown.stderr
        assert "Secretname" not in report and MODEL not in report and "48.85" not in report, report


XLSX_PARTS = {
    "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>""",
    "_rels/.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>""",
    "xl/workbook.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" mc:Ignorable="x15ac"><fileSharing userName="Ivan Secretname"/><mc:AlternateContent><mc:Choice Requires="x15ac"><x15ac:absPath url="C:\\Users\\Secretname\\Documents\\"/></mc:Choice></mc:AlternateContent><sheets><sheet name="Detainees" sheetId="1" r:id="rId1"/></sheets></workbook>""",
    "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""",
    "xl/worksheets/sheet1.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Detained at the station</t></is></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>""",
    "xl/worksheets/_rels/sheet1.xml.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>""",
    "xl/comments1.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Ivan Secretname</author></authors><commentList><comment ref="B1" authorId="0"><text><t>count checked</t></text></comment></commentList></comments>""",
    "docProps/core.xml": CORE_XML,
}


def make_xlsx(folder: Path) -> Path:
    """A minimal workbook: creator, comment author, the folder it was saved in, a sharing user."""
    path = folder / "detainees.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in XLSX_PARTS.items():
            archive.writestr(name, text)
    return path
