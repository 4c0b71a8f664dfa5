"""Clean RTF documents: a streaming pass over RTF's groups and control words.

RTF (Microsoft's Rich Text Format, the format WordPad and many "Save as RTF" write) is
text: groups in braces, control words (``\\word`` with an optional number), escaped
characters and raw binary runs (``\\binN``). No Python library rewrites RTF without
losing formatting (the RTF libraries extract text), so this is a tokenizer of the
specification's lexical rules, about as small as a reader of it can be. It copies
everything byte for byte except:

- the ``\\info`` group: title, subject, author, operator (last saved by), company,
  manager, keywords, comments, creation, revision and print dates, editing time, version;
- ``{\\*\\generator}`` (the program and its version), ``{\\*\\template}`` (the template's
  path, in the author's own folder), ``{\\*\\userprops}`` (custom properties),
  ``{\\*\\docvar}`` (document variables), ``{\\*\\rsidtbl}`` and every ``\\…rsidN`` word
  (revision-save ids), ``{\\*\\protusertbl}``, ``{\\*\\password}``/``{\\*\\passwordhash}``;
- comment authors, initials and dates (``{\\*\\atnauthor}``, ``{\\*\\atnid}``,
  ``{\\*\\atndate}``) -- the comments' text stays;
- tracked-change authors and dates: the revision table becomes ``{Unknown;}`` and
  ``\\revauthN``, ``\\revauthdelN``, ``\\revdttmN``, ``\\revdttmdelN``, ``\\crauthN``,
  ``\\crdateN`` go -- the changes stay;
- inside pictures: ``{\\*\\blipuid}``, ``\\bliptag`` and ``{\\*\\picprop}`` (shape properties,
  which can name the picture's original file), and a JPEG or PNG picture's own metadata
  (Exif with GPS, camera, XMP, text chunks), removed by the JPEG and PNG cleaners;
  one picture is held in memory at a time, at most MAX_PICTURE_BYTES of hex;
- embedded objects (``{\\object …}``: OLE data such as a pasted spreadsheet or a packaged
  file, with its own author, paths and earlier content): each is replaced by its
  ``{\\result …}``, the picture or text readers show for it (an object without one goes);
- drawing-shape properties that name a path or a person: a linked picture's file name
  (``pibName``), Office 2010's XML copy of the shape (``metroBlob``), a signature line's
  suggested signer, title and e-mail.

Memory is flat otherwise (the text flows through in CHUNK_SIZE pieces). A file that is
not RTF, a picture too big or damaged, or a JPEG written as raw binary is refused.
"""

from __future__ import annotations

import io
import re

from journal.media import MediaError
from journal.media.filenames import FILE_LIKE
from journal.media.streams import CHUNK_SIZE, CountingReader, HashingWriter
from journal.i18n import _

#: A picture's hex text held in memory to clean it (a 24 MiB photo).
MAX_PICTURE_BYTES = 48 * 1024 * 1024
MAX_DEPTH = 10_000  # Word nests a few dozen; deeper is hostile

_GROUPS_DROPPED = {
    "info": "props", "generator": "software", "template": "template", "userprops": "props",
    "docvar": "template", "rsidtbl": "rsid", "protusertbl": "authors", "password": "props",
    "passwordhash": "props", "atnauthor": "authors", "atnid": "authors", "atndate": "authors",
    "blipuid": None, "picprop": None,
}
_WORDS_DROPPED = {"revauth", "revauthdel", "revdttm", "revdttmdel", "crauth", "crdate", "bliptag"}
_WORD = re.compile(rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?")
_SPECIAL = re.compile(rb"[{}\\]")
_GROUP_NAME = re.compile(rb"\{[\r\n]*(?:\\\*[\r\n]*)?\\([a-zA-Z]{1,32})")
_HEX = re.compile(rb"[0-9a-fA-F\s]*")
_LOOKAHEAD = 64
_REVTBL = b"{\\*\\revtbl {Unknown;}}"  # the table of tracked-change authors, emptied
#: Drawing-shape properties that name a person or a path (``{\\sp{\\sn NAME}{\\sv value}}``):
#: a linked picture's file (``pibName``, often in the author's folder), Office 2010's copy
#: of the shape as a zip of XML (``metroBlob``), a signature line's suggested signer, title
#: and e-mail.
_SHAPE_PROPERTIES_DROPPED = {b"pibname", b"metroblob", b"wzsigsetupsuggsigner", b"wzsigsetupsuggsigner2",
                             b"wzsigsetupsuggsigneremail", b"wzsigsetupid", b"wzsigsetupprovurl"}
_SHAPE_PROPERTY = re.compile(rb"\{[\r\n]*\\sp[\r\n ]*\{[\r\n]*\\sn[\r\n ]+([A-Za-z0-9]{1,40})[\r\n ]*\}")
#: A shape's name, alt text and title (``wzName``, ``wzDescription``, ``wzTitle``): Word fills them
#: with an inserted picture's file name, older Word with its whole path (office.py says more). The
#: property goes when its value is a file name or a path; alt text someone wrote stays.
_SHAPE_TEXT = re.compile(rb"\{[\r\n]*\\sp[\r\n ]*\{[\r\n]*\\sn[\r\n ]+(?i:wzname|wzdescription|wztitle)[\r\n ]*\}"
                         rb"[\r\n ]*\{[\r\n]*\\sv[\r\n ]?((?:[^{}\\]|\\[\\{}]|\\'[0-9a-fA-F]{2}|\\u-?[0-9]{1,6} ?\??){0,1024})"
                         rb"\}[\r\n ]*\}")
_SHAPE_TEXT_LOOKAHEAD = 8192
_RTF_ESCAPE = re.compile(rb"\\([\\{}])|\\'([0-9a-fA-F]{2})|\\u(-?[0-9]{1,6}) ?\??")


def is_rtf(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf")[:5] == b"{\\rtf"


def clean_rtf(reader: CountingReader, out: HashingWriter) -> list[str]:
    """Copy the RTF document from reader to out without its metadata; return what was
    removed (translated). Raises MediaError for a damaged or hostile file."""
    return _Cleaner(reader, out).run()


class _Cleaner:
    def __init__(self, reader: CountingReader, out: HashingWriter) -> None:
        self.reader = reader
        self.out = out
        self.buf = b""
        self.pos = 0
        self.eof = False
        self.depth = 0
        self.skip_at: int | None = None  # depth of the group being dropped
        self.picture_at: int | None = None  # depth of the picture group being held
        self.picture = bytearray()
        self.object_at: int | None = None  # depth of the embedded object being replaced
        self.result_at: int | None = None  # depth of that object's result (its picture)
        self.found: set[str] = set()
        self.pending = bytearray()
        # The output ends with a control word and no delimiter yet (`\\pard` before `\\insrsid1`):
        # what follows a dropped word or group must not run into it (see dropping()).
        self.open_word = False
        self.word_ended_by_drop = False

    # --- input and output ---------------------------------------------------------------------
    def fill(self, need: int) -> None:
        """Make at least need bytes available after pos (fewer only at the end of the file)."""
        while not self.eof and len(self.buf) - self.pos < need:
            piece = self.reader.read(CHUNK_SIZE)
            if not piece:
                self.eof = True
                break
            self.buf = self.buf[self.pos:] + piece
            self.pos = 0

    def emit(self, data: bytes) -> None:
        if self.skip_at is not None or not data:
            return
        if self.picture_at is not None:
            self.picture += data
            if len(self.picture) > MAX_PICTURE_BYTES:
                raise MediaError(_("A picture in the document is too large to be cleaned."))
            return
        if self.word_ended_by_drop and (data[:1].isalnum() or data[:1] in (b" ", b"-")):
            self.pending += b" "
        self.word_ended_by_drop = self.open_word = False
        self.pending += data
        if len(self.pending) >= CHUNK_SIZE:
            self.out.write(bytes(self.pending))
            self.pending.clear()

    def dropping(self) -> None:
        """A control word or group is left out. If a control word was written just before it
        (`\\pard\\insrsid1 text`, `\\pard{\\*\\generator x}text`), what comes next must not run
        into it (`\\pardtext`: another, unknown word, and the text lost): emit() then puts the
        space that ends a control word first, when what follows is a letter, digit, '-' or space."""
        if self.skip_at is None and self.picture_at is None:
            self.word_ended_by_drop = self.open_word

    # --- the pass -----------------------------------------------------------------------------
    def run(self) -> list[str]:
        self.fill(_LOOKAHEAD)
        if not is_rtf(self.buf[:8]):
            raise MediaError(_("The document is not an RTF file; it cannot be cleaned."))
        while True:
            self.fill(_LOOKAHEAD)
            if self.pos >= len(self.buf):
                break
            match = _SPECIAL.search(self.buf, self.pos)
            if match is None:
                self.emit(self.buf[self.pos:])
                self.pos = len(self.buf)
                continue
            at = match.start()
            if at > self.pos:
                self.emit(self.buf[self.pos:at])
                self.pos = at
                continue  # refill the look-ahead before the special character
            char = self.buf[at:at + 1]
            if char == b"{":
                self.open_group()
            elif char == b"}":
                self.close_group()
            else:
                self.control()
        if self.depth != 0 or self.picture_at is not None:
            raise MediaError(_("The RTF document is truncated or damaged (its groups are not closed)."))
        if self.pending:
            self.out.write(bytes(self.pending))
        return self.removed()

    def open_group(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise MediaError(_("The RTF document nests too deeply; it was refused."))
        name_match = _GROUP_NAME.match(self.buf, self.pos)
        name = name_match.group(1).decode("ascii") if name_match else ""
        if (name == "result" and self.object_at is not None and self.skip_at == self.object_at
                and self.depth == self.object_at + 1 and name_match is not None):
            # The object's result: what readers show for it (a picture, or text). It stays,
            # as a plain group in the object's place.
            self.skip_at = None
            self.result_at = self.depth
            self.emit(b"{")
            self.pos = name_match.end()
            if self.buf[self.pos:self.pos + 1] == b" ":
                self.pos += 1  # the control word's delimiter, not text
            return
        if self.skip_at is None and name == "object":
            # An embedded object (OLE: a pasted spreadsheet, a package with a file in it)
            # carries its own file with its own author, paths and earlier content; it is
            # replaced by its result.
            self.dropping()
            self.found.add("objects")
            if self.object_at is None:
                self.object_at = self.depth
            self.skip_at = self.depth  # (an object inside an object's result goes whole)
            self.pos += 1
            return
        if self.skip_at is None and name == "sp":
            shape = _SHAPE_PROPERTY.match(self.buf, self.pos)
            if shape is not None and shape.group(1).lower() in _SHAPE_PROPERTIES_DROPPED:
                self.dropping()
                self.found.add("shapes")
                self.skip_at = self.depth
                self.pos += 1
                return
            if shape is not None and shape.group(1).lower() in (b"wzname", b"wzdescription", b"wztitle"):
                self.fill(_SHAPE_TEXT_LOOKAHEAD)
                text = _SHAPE_TEXT.match(self.buf, self.pos)
                if text is not None and FILE_LIKE.search(_rtf_text(text.group(1)).strip()):
                    self.dropping()
                    self.found.add("picture_names")
                    self.skip_at = self.depth
                    self.pos += 1
                    return
        if self.skip_at is None and name in _GROUPS_DROPPED:
            self.dropping()
            label = _GROUPS_DROPPED[name]
            if label:
                self.found.add(label)
            self.skip_at = self.depth
            self.pos += 1
            return
        if self.skip_at is None and name == "revtbl":
            if not self.buf.startswith(_REVTBL, self.pos):
                self.found.add("authors")
            self.emit(_REVTBL)
            self.skip_at = self.depth
            self.pos += 1
            return
        if self.skip_at is None and name == "pict" and self.picture_at is None:
            self.picture_at = self.depth
            self.picture.clear()
            self.pos += 1
            return
        self.emit(b"{")
        self.pos += 1

    def close_group(self) -> None:
        self.pos += 1
        if self.result_at is not None and self.depth == self.result_at and self.skip_at is None \
                and self.picture_at is None:
            self.emit(b"}")
            self.result_at = None
            self.skip_at = self.object_at  # the rest of the object is dropped
        elif self.skip_at is not None:
            if self.depth == self.skip_at:
                self.skip_at = None
                if self.depth == self.object_at:
                    self.object_at = None
        elif self.picture_at is not None and self.depth == self.picture_at:
            self.picture_at = None
            self.emit(b"{" + self.clean_picture(bytes(self.picture)) + b"}")
            self.picture.clear()
        else:
            self.emit(b"}")
        self.depth -= 1
        if self.depth < 0:
            raise MediaError(_("The RTF document is damaged (a group is closed that was never opened)."))

    def control(self) -> None:
        word = _WORD.match(self.buf, self.pos)
        if word is None:
            # A control symbol: \' and two hex digits, or one character (\\ \{ \} \* \~ ...).
            length = 4 if self.buf[self.pos + 1:self.pos + 2] == b"'" else 2
            self.emit(self.buf[self.pos:self.pos + length])
            self.pos += length
            return
        name = word.group(1).decode("ascii")
        self.pos = word.end()
        if name == "bin":
            self.emit(word.group(0))
            self.copy_binary(int(word.group(2) or b"0"))
            return
        lowered = name.lower()
        if lowered in _WORDS_DROPPED:
            if lowered != "bliptag":
                self.found.add("authors")
            self.dropping()
            return
        if lowered.endswith("rsid") or (lowered.startswith("rsid") and lowered != "rsidtbl"):
            self.found.add("rsid")
            self.dropping()
            return
        self.emit(word.group(0))
        self.open_word = not word.group(0).endswith(b" ") and self.skip_at is None and self.picture_at is None

    def copy_binary(self, count: int) -> None:
        if count < 0:
            raise MediaError(_("The RTF document is damaged (a negative binary length)."))
        while count:
            self.fill(1)
            if self.pos >= len(self.buf):
                raise MediaError(_("The RTF document is truncated or damaged (its groups are not closed)."))
            piece = self.buf[self.pos:self.pos + count]
            self.emit(piece)
            self.pos += len(piece)
            count -= len(piece)

    # --- pictures -----------------------------------------------------------------------------
    def clean_picture(self, group: bytes) -> bytes:
        """The picture group's content (without its braces) with the picture's own metadata
        removed when it is a JPEG or PNG written in hex, as RTF writers do."""
        header_end, words = _picture_header(group)
        kind = "jpeg" if "jpegblip" in words else "png" if "pngblip" in words else None
        if kind is None:
            return group
        if "bin" in words:
            raise MediaError(_("A picture in the RTF document is stored as raw binary; it cannot be cleaned."))
        data = group[header_end:]
        if _HEX.fullmatch(data) is None:
            raise MediaError(_("A picture in the RTF document is damaged; it cannot be cleaned."))
        try:
            raw = bytes.fromhex(data.decode("ascii"))
        except ValueError as exc:
            raise MediaError(_("A picture in the RTF document is damaged; it cannot be cleaned.")) from exc
        cleaned = io.BytesIO()
        reader = CountingReader(io.BytesIO(raw), total=len(raw))
        writer = HashingWriter(cleaned)
        try:
            if kind == "jpeg":
                from journal.media.jpegclean import clean_jpeg

                removed = clean_jpeg(reader, writer)
            else:
                from journal.media.pngclean import clean_png

                removed = clean_png(reader, writer)
        except MediaError as exc:
            raise MediaError(_("A picture in the RTF document is damaged; it cannot be cleaned.")) from exc
        if removed:
            self.found.add("pictures")
        text = cleaned.getvalue().hex()
        lines = b"\n".join(text[i:i + 128].encode("ascii") for i in range(0, len(text), 128))
        return group[:header_end].rstrip() + b"\n" + lines + b"\n"

    def removed(self) -> list[str]:
        labels = {
            "props": _("document properties (author, last saved by, company, dates, title)"),
            "software": _("the program that wrote it"),
            "template": _("template path and document variables"),
            "authors": _("comment and tracked-change authors"),
            "rsid": _("revision ids"),
            "pictures": _("metadata of embedded pictures"),
            "objects": _("embedded objects (each kept as the picture or text shown for it)"),
            "shapes": _("drawing shapes' file paths and signers"),
            "picture_names": _("picture file names and paths"),
        }
        return [text for key, text in labels.items() if key in self.found]


def _rtf_text(value: bytes) -> str:
    """A shape property's value as text: RTF's escapes (``\\\\``, ``\\'e9``, ``\\u1079?``) undone."""
    def one(match: re.Match) -> str:
        if match.group(1):
            return match.group(1).decode("ascii")
        if match.group(2):
            return bytes.fromhex(match.group(2).decode("ascii")).decode("cp1252", "replace")
        code = int(match.group(3))
        return chr(code + 65536 if code < 0 else code) if -65536 < code < 0x110000 else ""

    out, last = [], 0
    for match in _RTF_ESCAPE.finditer(value):
        out.append(value[last:match.start()].decode("latin-1"))
        out.append(one(match))
        last = match.end()
    out.append(value[last:].decode("latin-1"))
    return "".join(out)


def _picture_header(group: bytes) -> tuple[int, set[str]]:
    """Where a picture group's data begins, and the control words before it."""
    words: set[str] = set()
    i = 0
    while i < len(group):
        char = group[i:i + 1]
        if char in (b" ", b"\r", b"\n", b"\t"):
            i += 1
        elif char == b"\\":
            word = _WORD.match(group, i)
            if word is None:
                break
            words.add(word.group(1).decode("ascii"))
            i = word.end()
            if word.group(1) == b"bin":
                break
        elif char == b"{":
            depth, i = 1, i + 1
            while i < len(group) and depth:
                if group[i:i + 1] == b"\\":
                    i += 2
                    continue
                depth += {b"{": 1, b"}": -1}.get(group[i:i + 1], 0)
                i += 1
        else:
            break
    return i, words
