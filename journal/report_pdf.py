"""The PDF report, laid out in the core (Qt-free) with fpdf2 and an embedded DejaVu Sans.

A title page (title, when it was made, the journal, the number of entries, the filters,
the not-encrypted warning), then each entry on its own page: its fields, what happened,
form values, people, contact log, attachments and photo thumbnails. Every page carries
"Page n of m". Labels follow the user's language (journal.i18n); built-in stored words
(status, roles, channels, built-in categories and form texts) through journal.display_labels.

Safety:
- The PDF is built in memory and written atomically with mode 0600 (journal.atomic):
  no partial or temporary plaintext file is left on disk.
- Thumbnails are the previews stored at import, decrypted in memory only, decoded with
  Pillow and re-encoded as a fresh JPEG (no EXIF, XMP, ICC or comments carried over).
  A thumbnail that does not decode (a hostile bundle) is left out, never an error.
- Metadata: a generic title and fpdf2 as producer; no author, no creator, no user or
  path name. The creation date is UTC.
- Text the font cannot draw (emoji, scripts outside DejaVu Sans) shows as U+FFFD "�";
  control characters are dropped. The text layer is real text: `pdftotext` extracts it.

Memory: fpdf2 keeps the document in memory until it is written, as QPdfWriter did before;
entries are still read a page of rows at a time (journal.reports.iter_entries).
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from journal.errors import JournalError
from journal.progress import check_cancel
from journal.i18n import N_, _, current_language
from journal.records import display_labels as shown
from journal.records.forms import display_value
from journal.records.reports import ReportFilter, count_entries, iter_entries
from journal.resource_files import resource_path
from journal.storage.atomic import atomic_write_bytes
from journal.timeutil import utc_now_iso

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
PAGE_SIZES = {"a4": "A4", "letter": "Letter"}
MARGIN = 15.0               # mm, all sides (as the Qt report had)
BODY_PT = 10.0
LABEL_PT = 9.0
LINE = 1.35                 # line height as a multiple of the font size
LABEL_SHARE = 0.32          # width of the label column in field tables
THUMB_MM = 40.0             # thumbnail box (width and height), mm
THUMB_GAP = 4.0
THUMB_PIXELS = 640          # longest side of a re-encoded thumbnail
THUMB_MAX_PIXELS = 40_000_000  # refuse to decode anything larger (a stored thumbnail is small)
MAX_THUMBS_PER_ENTRY = 12
ROW_PAD = 1.0               # mm above and below a table row's text
KEEP_MM = 60.0              # a table row up to this tall is never split across pages
REPLACEMENT = "\ufffd"
# fpdf2 puts the page count where this appears; control characters never survive clean_text,
# so no user text can contain it (fpdf2's default "{nb}" could be in an entry).
PAGES_ALIAS = "\x01#\x01"
_TOKENS = re.compile(r" +|[^ ]+")
PT = 25.4 / 72              # one point in mm

GREY_TEXT = (85, 85, 85)
HEADING3 = (51, 51, 51)
RULE = (221, 221, 221)
WARNING = (138, 28, 28)

# ReportFilter.describe() names its filters in English; these are their labels shown.
FILTER_NAMES = {"Category": N_("Category"), "Tag": N_("Tag"), "Status": N_("Status"), "From": N_("From"),
                "To": N_("To"), "Sender": N_("Sender"), "Origin": N_("Origin"), "Trash": N_("Trash"),
                "Selection": N_("Selected entries")}
ORIGIN_WORDS = {"own": N_("own entries"), "received": N_("received entries")}


def write_pdf(journal, flt: ReportFilter, out_path: str | os.PathLike[str], *, page_size: str = "a4",
              title: str = "", photos: bool = True, omit_contact_details: bool = False, progress=None,
              cancel=None) -> int:
    """Write the PDF report for the entries `flt` selects; returns the number of entries in it.

    `journal` is a Journal or a JournalReader (its own connection, for a worker thread).
    `page_size` is "a4" or "letter". `progress(done, total)` and `cancel` as for
    journal.reports.write_csv; a cancelled report writes nothing.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}")
    pdf = _ReportPdf(PAGE_SIZES[page_size])
    count = 0
    pdf.title_page(journal, flt, title, omit_contact_details)
    for item in iter_entries(journal, flt, omit_contact_details=omit_contact_details, progress=progress,
                             cancel=cancel):
        pdf.entry(journal, item, photos, cancel)
        count += 1
    check_cancel(cancel)
    data = bytes(pdf.output())
    check_cancel(cancel)
    atomic_write_bytes(Path(out_path), data)
    return count


# --- text the font can draw -------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """Code points both embedded fonts (regular and bold) have a glyph for."""
    from fontTools.ttLib import TTFont  # fpdf2's own dependency

    sets = []
    for name in FONT_FILES.values():
        font = TTFont(_font_file(name), lazy=True)
        try:
            sets.append(set(font.getBestCmap()))
        finally:
            font.close()
    return frozenset(set.intersection(*sets))


def _font_file(name: str) -> Path:
    path = resource_path("fonts", name)
    if not path.is_file():
        raise JournalError(_("The font for PDF reports ({name}) is missing from this installation. "
                             "Reinstall the app.").format(name=name))
    return path


def clean_text(value) -> str:
    """`value` as text the font can draw: unknown characters become one U+FFFD per run (an
    emoji sequence with its joiners and modifiers is one), invisible joiners and variation
    selectors the font lacks are dropped, and control characters other than line breaks go
    (tabs become spaces)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    drawable = _drawable()
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch == "\n" or (code in drawable and code > 0x7F and (not out or out[-1] != REPLACEMENT)) \
                or 0x20 <= code < 0x7F:
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if out and out[-1] == REPLACEMENT and category in ("Cf", "Mn", "Me", "Sk"):
            continue  # a joiner, selector or modifier continuing an undrawable sequence (emoji)
        if code in drawable:
            out.append(ch)
            continue
        if category in ("Cc", "Cf", "Mn", "Me", "Zl", "Zp"):
            if category in ("Zl", "Zp"):
                out.append("\n")
            continue  # a control, joiner, variation selector or combining mark without a glyph
        if category.startswith("Z"):
            out.append(" ")
            continue
        if not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    return "".join(out)


def _size_text(size: int) -> str:
    return f"{size:,}".replace(",", "\u00a0")


# --- the document -----------------------------------------------------------------------------------
class _ReportPdf(FPDF):
    def __init__(self, page_format: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format=page_format)
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(_font_file(name)))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.c_margin = 0  # no padding inside cells: wrap() measures the text to the column's width
        self.set_auto_page_break(True, margin=MARGIN + 5)  # room for the page number
        self.set_title(_("Incident report"))
        self.set_producer("fpdf2")  # the library, without its version; no author or creator
        self.set_creation_date(datetime.now(timezone.utc).replace(microsecond=0))
        self.set_lang(current_language())
        self.alias_nb_pages(PAGES_ALIAS)
        self._page_text = _("Page {page} of {pages}")
        self._widths: dict[tuple[str, float], dict[str, float]] = {}  # (style, size) -> char -> mm

    # each page: its number at the bottom
    def footer(self) -> None:
        self.set_y(-(MARGIN + 1))
        self._font("", 8, GREY_TEXT)
        text = clean_text(self._page_text.format(page=self.page_no(), pages="{pages}"))
        self.cell(0, 5, text.replace("{pages}", PAGES_ALIAS), align="C")

    # --- building blocks ---------------------------------------------------------------------------
    def _font(self, style: str, size: float, color=(0, 0, 0)) -> None:
        self.set_font(FONT, style, size)
        self.set_text_color(*color)

    def _line_h(self, size: float) -> float:
        return size * LINE * PT

    def _room(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    # Lines are broken here, not by multi_cell: fpdf2's line breaker re-measures the line at
    # every character (quadratic in the line length), which made a report ~6x slower than this
    # (bench/bench_report_pdf.py). Widths are still the font's, through get_string_width.
    def _measure(self, text: str, table: dict[str, float]) -> float:
        total = 0.0
        for ch in text:
            width = table.get(ch)
            if width is None:
                width = table[ch] = self.get_string_width(ch)
            total += width
        return total

    def wrap(self, text: str, width: float) -> list[str]:
        """`text` (cleaned) as lines no wider than `width` mm in the current font: broken at
        spaces, a word longer than a line (a URL) between characters; line breaks kept."""
        lines: list[str] = []
        table = self._widths.setdefault((self.font_style, self.font_size_pt), {})
        for para in text.split("\n"):
            line, line_w = "", 0.0
            for token in _TOKENS.findall(para):
                token_w = self._measure(token, table)
                if token[0] == " ":
                    if line:  # spaces at the start of a wrapped line are dropped
                        line, line_w = line + token, line_w + token_w
                    continue
                if line_w + token_w <= width:
                    line, line_w = line + token, line_w + token_w
                    continue
                if line:
                    lines.append(line.rstrip())
                while token_w > width:
                    cut, used = 0, 0.0
                    for ch in token:
                        ch_w = self._measure(ch, table)
                        if used + ch_w > width and cut:
                            break
                        used, cut = used + ch_w, cut + 1
                    lines.append(token[:cut])
                    token, token_w = token[cut:], token_w - used
                line, line_w = token, token_w
            lines.append(line.rstrip())
        return lines

    def lines(self, lines: list[str], width: float, h: float) -> None:
        """Draw `lines` from the current position down, left-aligned in a column `width` wide;
        a page break continues in the same column on the next page."""
        for line in lines:
            self.cell(width, h, line, new_x=XPos.LEFT, new_y=YPos.NEXT)

    def heading(self, text: str, size: float, *, color=(0, 0, 0), before: float = 3.0, keep: float = 12.0) -> None:
        """A bold heading kept together with `keep` mm of what follows it."""
        h = self._line_h(size)
        self._font("B", size, color)
        lines = self.wrap(clean_text(text), self.epw)
        if self.get_y() > self.t_margin + 0.1:
            self.ln(before)
        self._room(len(lines) * h + 1.0 + keep)
        self.set_x(self.l_margin)
        self.lines(lines, self.epw, h)
        self.ln(1.0)

    def paragraph(self, text: str, *, size: float = BODY_PT, color=(0, 0, 0), style: str = "") -> None:
        self._font(style, size, color)
        self.set_x(self.l_margin)
        self.lines(self.wrap(clean_text(text), self.epw), self.epw, self._line_h(size))

    def _row(self, label: str, value: str) -> tuple[list[str], list[str], float]:
        """A table row's label and value lines (text already cleaned) and its height in mm."""
        label_w = self.epw * LABEL_SHARE
        self._font("", LABEL_PT)
        label_lines = self.wrap(label, label_w - 2 * ROW_PAD)
        self._font("", BODY_PT)
        value_lines = self.wrap(value, self.epw - label_w - 2 * ROW_PAD)
        height = max(len(label_lines) * self._line_h(LABEL_PT), len(value_lines) * self._line_h(BODY_PT))
        return label_lines, value_lines, height + 2 * ROW_PAD

    def section(self, title: str, rows) -> None:
        """A heading and its table; the heading stays on the page of the table's first row."""
        rows = [(clean_text(k), clean_text(v)) for k, v in rows if v not in (None, "")]
        first = self._row(*rows[0])[2] if rows else 0.0
        keep = first if first <= KEEP_MM else 2 * ROW_PAD + 2 * self._line_h(BODY_PT)
        self.heading(title, 11, color=HEADING3, keep=keep)
        self.label_table(rows)

    def label_table(self, rows) -> None:
        """Label/value rows with a thin rule under each; rows without a value are left out.
        A row moves to the next page whole when it fits on one; a longer one continues there."""
        pad = ROW_PAD
        label_w = self.epw * LABEL_SHARE
        value_w = self.epw - label_w
        label_h, value_h = self._line_h(LABEL_PT), self._line_h(BODY_PT)
        for label, value in rows:
            if value in (None, ""):
                continue
            label, value = clean_text(label), clean_text(value)
            label_lines, value_lines, height = self._row(label, value)
            # A short row moves to the next page whole; a long one starts here and continues there.
            self._room(height if height <= KEEP_MM else 2 * ROW_PAD + 2 * value_h)
            start_page, top = self.page, self.get_y()
            self._font("", LABEL_PT, GREY_TEXT)
            self.set_xy(self.l_margin + pad, top + pad + (value_h - label_h) / 2)
            self.lines(label_lines, label_w - 2 * pad, label_h)
            label_end = (self.page, self.get_y())
            self.page = start_page
            self._font("", BODY_PT)
            self.set_xy(self.l_margin + label_w + pad, top + pad)
            self.lines(value_lines, value_w - 2 * pad, value_h)
            end = max(label_end, (self.page, self.get_y()))
            self.page = end[0]
            bottom = end[1] + pad
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(self.l_margin, bottom, self.l_margin + self.epw, bottom)
            self.set_xy(self.l_margin, bottom)

    # --- the report --------------------------------------------------------------------------------
    def title_page(self, journal, flt: ReportFilter, title: str, omit_contact_details: bool) -> None:
        self.add_page()
        self.heading(title or _("Incident report"), 20, before=0)
        total = count_entries(journal.db, flt)
        self._font("", BODY_PT)
        for label, value in ((_("Created"), utc_now_iso()), (_("Journal"), getattr(journal, "name", "") or ""),
                             (_("Entries"), str(total))):
            self.paragraph(f"{label}: {value}")
        filters = [(shown.word(FILTER_NAMES, k), _filter_value(k, v, flt)) for k, v in flt.describe()]
        if filters:
            self.section(_("Filters"), filters)
        else:
            self.heading(_("Filters"), 11, color=HEADING3)
            self.paragraph(_("None: all entries."))
        self.ln(3)
        if omit_contact_details:
            self.paragraph(_("Contact details (phone numbers, messenger handles) were left out."))
            self.ln(1.5)
        self.paragraph(_("This file is not encrypted. Keep it safe and delete it when it is no longer needed."),
                       color=WARNING)

    def entry(self, journal, item, photos: bool, cancel) -> None:
        e = item.entry
        self.add_page()
        self.heading(e.title or _("(untitled)"), 14, before=0)
        when = (e.occurred_at or "") + (f" – {e.occurred_end}" if e.occurred_end else "")
        coordinates = f"{e.latitude}, {e.longitude}" if e.latitude is not None and e.longitude is not None else ""
        self.label_table([
            (_("When"), when), (_("Time zone"), e.occurred_tz), (_("Place"), e.place),
            (_("Coordinates"), coordinates), (_("Category"), shown.category(e.category, item.category_label)),
            (_("Tags"), ", ".join(e.tags)), (_("Status"), shown.word(shown.STATUS, e.status)),
            (_("Source"), shown.word(shown.SOURCE, e.source)),
            (_("Received from"), (item.sender or {}).get("sender")),
            (_("Entry id"), e.uuid), (_("Revision"), f"{e.revision} ({(e.revision_hash or '')[:16]})"),
        ])
        if e.body:
            self.heading(_("What happened"), 11, color=HEADING3, keep=3 * self._line_h(BODY_PT))
            self.paragraph(e.body)
        for form_label, form_rows in _form_text(item):
            self.section(form_label, form_rows)
        if item.people:
            rows = []
            for p in item.people:
                contact = ", ".join([*p.get("phones", []), *p.get("handles", [])])
                role = shown.word(shown.LINK_ROLES, p.get("role"))
                rows.append((p["name"], "; ".join(x for x in (role, p.get("organisation"), contact) if x) or "—"))
            self.section(_("People"), rows)
        if item.contact_log:
            rows = []
            for r in item.contact_log:
                what = "{channel} ({direction})".format(channel=shown.word(shown.CHANNELS, r["channel"]),
                                                        direction=shown.word(shown.DIRECTIONS, r["direction"]))
                names = ", ".join(r["people"])
                rows.append((r["at"], f"{what} {names}: {r['summary']}" if names else f"{what}: {r['summary']}"))
            self.section(_("Contact log"), rows)
        if item.attachments:
            self.section(_("Attachments"), [
                (a["file_name"], _("{media_type}, {size} bytes, SHA-256 {sha256}…").format(
                    media_type=a["media_type"], size=_size_text(a["size"]), sha256=a["sha256"][:16]))
                for a in item.attachments])
            if photos:
                self.thumbnails(journal, item, cancel)

    def thumbnails(self, journal, item, cancel) -> None:
        """The stored previews in a grid (bottom-aligned per row), each with its file name under it."""
        images: list[tuple[str, bytes, int, int]] = []
        for att in item.attachments:
            if len(images) >= MAX_THUMBS_PER_ENTRY:
                break
            if att["has_thumbnail"]:
                check_cancel(cancel)
                image = clean_thumbnail(journal.attachments.thumbnail(att["id"]))
                if image is not None:
                    images.append((att["file_name"], *image))
        if not images:
            return
        caption_h = self._line_h(7)
        per_row = max(1, int((self.epw + THUMB_GAP) // (THUMB_MM + THUMB_GAP)))
        self.ln(3)
        for start in range(0, len(images), per_row):
            row = []
            for name, data, width, height in images[start:start + per_row]:
                scale = min(THUMB_MM / width, THUMB_MM / height)
                row.append((name, data, width * scale, height * scale))
            row_h = max(h for _, _, _, h in row)
            self._room(row_h + caption_h + 1)
            top = self.get_y()
            for column, (name, data, w, h) in enumerate(row):
                x = self.l_margin + column * (THUMB_MM + THUMB_GAP)
                self.image(io.BytesIO(data), x=x + (THUMB_MM - w) / 2, y=top + row_h - h, w=w, h=h)
                self._font("", 7, GREY_TEXT)
                self.set_xy(x, top + row_h + 0.8)
                self.cell(THUMB_MM, caption_h, _fit(self, clean_text(name), THUMB_MM), align="C")
            self.set_xy(self.l_margin, top + row_h + 0.8 + caption_h + THUMB_GAP)


#: The document with its layout helpers (headings, tables, wrapping, page numbers), for the other
#: Qt-free PDF, the evidence package's summary (journal/evidence/pdf.py).
PdfDocument = _ReportPdf


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """`text` shortened with "…" in the middle until it fits `width` (keeps the extension)."""
    if pdf.get_string_width(text) <= width:
        return text
    head, tail = text[: len(text) // 2], text[len(text) // 2:]
    while (head or tail) and pdf.get_string_width(head + "…" + tail) > width:
        if len(head) >= len(tail):
            head = head[:-1]
        else:
            tail = tail[1:]
    return head + "…" + tail


def clean_thumbnail(data: bytes | None) -> tuple[bytes, int, int] | None:
    """A stored preview decoded and re-encoded as a fresh JPEG (no metadata), with its size.

    None when there is none or it does not decode: a received entry's preview is hostile input.
    """
    if not data:
        return None
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as source:
            if source.width * source.height > THUMB_MAX_PIXELS:
                return None
            source.draft("RGB", (THUMB_PIXELS, THUMB_PIXELS))
            image = source.convert("RGB")
        image.thumbnail((THUMB_PIXELS, THUMB_PIXELS))
        clean = Image.new("RGB", image.size, "white")
        clean.paste(image)
        out = io.BytesIO()
        clean.save(out, "JPEG", quality=85, optimize=True)
        return out.getvalue(), clean.width, clean.height
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, MemoryError):
        return None


def _filter_value(name: str, value: str, flt: ReportFilter) -> str:
    if name == "Status":
        return shown.word(shown.STATUS, value)
    if name == "Origin":
        return shown.word(ORIGIN_WORDS, flt.origin) if flt.origin in ORIGIN_WORDS else value
    if name == "Category":
        return shown.category(value)
    if name == "Selection" and flt.entry_uuids is not None:
        return str(len(flt.entry_uuids))
    if name == "Trash":
        return shown.word(shown.VALUE_WORDS, value)
    return value


def _form_text(item) -> list[tuple[str, list[tuple[str, str]]]]:
    """The entry's form values, built-in forms' texts and yes/no in the user's language."""
    out = []
    for fv in item.forms:
        form = fv.form
        rows = []
        for spec in form.fields:
            if spec["key"] not in fv.values:
                continue
            value = fv.values[spec["key"]]
            if value is None:
                text = ""
            elif spec.get("type") == "bool" or isinstance(value, bool):
                text = shown.word(shown.VALUE_WORDS, "yes" if value else "no")
            elif spec.get("type") in ("choice", "multi_choice"):
                text = ", ".join(shown.form_text(form, str(v)) for v in (value if isinstance(value, list) else [value]))
            else:
                text = display_value(spec, value, item.person_names)
            rows.append((shown.form_text(form, spec["label"]), text))
        out.append((shown.form_text(form, form.label), rows))
    return out
