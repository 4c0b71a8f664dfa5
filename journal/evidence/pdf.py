"""The evidence package's PDF summary, in the coordinator's language (fpdf2, journal/report_pdf.py's
layout and embedded fonts).

First page: what the package is, who made it, and what is included (and left out). Then each
case: its fields, its files with their full SHA-256 and thumbnails (the previews stored at
import, re-encoded as fresh JPEGs: journal.report_pdf.clean_thumbnail), and its chain-of-custody
timeline. Last: how to verify, the commands of VERIFY.txt.
"""

from __future__ import annotations

import io
from typing import Any

from journal.evidence import layout
from journal.i18n import _, ngettext
from journal.progress import check_cancel
from journal.records import display_labels as shown
from journal.report_pdf import BODY_PT, GREY_TEXT, HEADING3, MAX_THUMBS_PER_ENTRY, THUMB_GAP, THUMB_MM, WARNING
from journal.report_pdf import PdfDocument, clean_text, clean_thumbnail

_MONO_PT = 7.5


class _Summary(PdfDocument):
    def __init__(self) -> None:
        super().__init__("A4")
        self.set_title(_("Evidence package"))

    def small(self, text: str) -> None:
        self.paragraph(text, size=_MONO_PT, color=GREY_TEXT)

    def command(self, text: str) -> None:
        self.paragraph(text, size=_MONO_PT)
        self.ln(1)


def summary_pdf(journal, manifest: dict[str, Any], summaries: list[dict[str, Any]], *, cancel=None) -> bytes:
    pdf = _Summary()
    _first_page(pdf, manifest, summaries)
    for item in summaries:
        check_cancel(cancel)
        _case(pdf, journal, item, cancel)
    _how_to_verify(pdf, manifest)
    return bytes(pdf.output())


def _first_page(pdf: _Summary, manifest: dict[str, Any], summaries: list[dict[str, Any]]) -> None:
    coordinator = manifest["coordinator"]
    included = manifest["included"]
    pdf.add_page()
    pdf.heading(_("Evidence package"), 20, before=0)
    files = sum(len(s["data"]["files"]) for s in summaries)
    stripped = sum(1 for s in summaries for f in s["data"]["files"] if f.get("stripped"))
    pdf.label_table([
        (_("Package"), manifest["package_id"]),
        (_("Made"), manifest["created_at"]),
        (_("Made by"), coordinator["name"]),
        (_("Fingerprint"), coordinator["fingerprint"]),
        (_("Signing key SHA-256"), coordinator["public_key_sha256"]),
    ])
    rows = [
        (_("Entries"), str(len(summaries))),
        (_("Original files"), str(files)),
        (_("Metadata-stripped copies"), str(stripped) if included["stripped_copies"] else _("not included")),
        (_("Signed bundles"), str(len(manifest.get("bundles") or []))),
        (_("Sensitive people"), _("included") if included["sensitive_people"] else
         _("left out: {count}").format(count=included["people_left_out"])),
        (_("Contact details"), _("not included")),
    ]
    pdf.section(_("What is included"), rows)
    # Who is named, on the first page: what the coordinator checks before handing the package over.
    named: dict[str, list[str]] = {}
    for number, item in enumerate(summaries, start=1):
        for person in item["data"]["people"]:
            cases = named.setdefault(str(person.get("name") or ""), [])
            if str(number) not in cases:
                cases.append(str(number))
    pdf.section(_("People named in this package"),
                [(name, ngettext("case {numbers}", "cases {numbers}", len(cases)).format(numbers=", ".join(cases)))
                 for name, cases in named.items()]
                or [(_("nobody"), "")])
    pdf.section(_("Cases"), [(str(n), s["data"]["current"].get("title") or _("(untitled)"))
                             for n, s in enumerate(summaries, start=1)])
    pdf.ln(3)
    pdf.paragraph(_("Every file of this package is listed with its SHA-256 in {sums}, signed by the coordinator "
                    "({sig}). VERIFY.txt and the last page say how to check it with standard tools.").format(
        sums=layout.SUMS, sig=layout.SUMS_SIG))
    pdf.ln(1.5)
    pdf.paragraph(_("This proves that the files and texts are unchanged since they were recorded and signed; it "
                    "does not prove that what they show is true."), color=WARNING)
    pdf.ln(1.5)
    pdf.paragraph(_("This file is not encrypted. Keep it safe and delete it when it is no longer needed."),
                  color=WARNING)


def _case(pdf: _Summary, journal, item: dict[str, Any], cancel) -> None:
    data = item["data"]
    content = data["current"]
    pdf.add_page()
    pdf.heading(content.get("title") or _("(untitled)"), 14, before=0)
    documenter = data.get("documenter")
    pdf.label_table([
        (_("When"), (content.get("occurred_at") or "") + (f" – {content['occurred_end']}"
                                                           if content.get("occurred_end") else "")),
        (_("Place"), content.get("place")),
        (_("Category"), shown.category(content.get("category"))),
        (_("Recorded by"), f"{documenter['name']} ({documenter['fingerprint']})" if documenter
         else _("the coordinator's own journal")),
        (_("Entry id"), data["uuid"]),
        (_("Revision"), f"{data['revision']} ({data['revision_hash']})"),
        (_("Folder"), item["folder"]),
    ])
    if content.get("body"):
        pdf.heading(_("What happened"), 11, color=HEADING3, keep=3 * pdf._line_h(BODY_PT))
        pdf.paragraph(content["body"])
    if data["people"] or data.get("people_left_out"):
        rows = [(p["name"], shown.word(shown.LINK_ROLES, p.get("role")) or "—") for p in data["people"]]
        if data.get("people_left_out"):
            rows.append((_("Left out"), _("sensitive people: {count}").format(count=data["people_left_out"])))
        pdf.section(_("People"), rows)
    if data["files"]:
        rows = []
        for f in data["files"]:
            value = _("{media_type}, {size} bytes\nSHA-256 {sha256}\n{path}").format(
                media_type=f["media_type"], size=f["size"], sha256=f["sha256"], path=f["original"])
            if f.get("stripped"):
                value += "\n" + _("stripped copy: {path}\nSHA-256 {sha256}").format(
                    path=f["stripped"]["path"], sha256=f["stripped"]["sha256"])
            rows.append((f["file_name"], value))
        pdf.section(_("Files"), rows)
        _thumbnails(pdf, journal, item, cancel)
    pdf.section(_("Chain of custody"), [(e.get("at") or "?", layout.event_text(e, _)) for e in data["custody"]])


def _thumbnails(pdf: _Summary, journal, item: dict[str, Any], cancel) -> None:
    images: list[tuple[str, bytes, int, int]] = []
    for att in item["attachments"]:
        if len(images) >= MAX_THUMBS_PER_ENTRY:
            break
        if att.has_thumbnail:
            check_cancel(cancel)
            image = clean_thumbnail(journal.attachments.thumbnail(att.uuid))
            if image is not None:
                images.append((att.file_name, *image))
    if not images:
        return
    per_row = max(1, int((pdf.epw + THUMB_GAP) // (THUMB_MM + THUMB_GAP)))
    pdf.ln(3)
    for start in range(0, len(images), per_row):
        row = []
        for name, data, width, height in images[start:start + per_row]:
            scale = min(THUMB_MM / width, THUMB_MM / height)
            row.append((name, data, width * scale, height * scale))
        row_h = max(h for _n, _d, _w, h in row)
        caption_h = 4.0
        pdf._room(row_h + caption_h + 1)
        top = pdf.get_y()
        for column, (name, data, w, h) in enumerate(row):
            x = pdf.l_margin + column * (THUMB_MM + THUMB_GAP)
            pdf.image(io.BytesIO(data), x=x + (THUMB_MM - w) / 2, y=top + row_h - h, w=w, h=h)
            pdf._font("", 7, GREY_TEXT)
            pdf.set_xy(x, top + row_h + 0.8)
            pdf.cell(THUMB_MM, caption_h, clean_text(name)[:40], align="C")
        pdf.set_xy(pdf.l_margin, top + row_h + 0.8 + caption_h + THUMB_GAP)


def _how_to_verify(pdf: _Summary, manifest: dict[str, Any]) -> None:
    pdf.add_page()
    pdf.heading(_("How to verify"), 14, before=0)
    pdf.paragraph(_("In the package's folder (unpack the ZIP first), with standard tools:"))
    pdf.ln(2)
    pdf.paragraph(_("1. No file was changed since the package was made (every line must say OK):"))
    pdf.command(f"sha256sum -c {layout.SUMS}")
    pdf.paragraph(_("2. The coordinator signed the list (it must print “Signature Verified Successfully”):"))
    pdf.command(f"openssl pkeyutl -verify -pubin -inkey {layout.COORDINATOR_KEY} -rawin -in {layout.SUMS} "
                f"-sigfile {layout.SUMS_SIG}")
    pdf.paragraph(_("and the key is the coordinator's (compare with the value the coordinator gives you):"))
    pdf.command(f"openssl pkey -pubin -in {layout.COORDINATOR_KEY} -outform DER | sha256sum")
    pdf.small(manifest["coordinator"]["public_key_sha256"])
    pdf.ln(2)
    if manifest.get("bundles"):
        pdf.paragraph(_("3. The documenter signed each bundle (see VERIFY.txt for every command):"))
        for bundle_id in manifest["bundles"]:
            if bundle_id in (manifest.get("unsigned_bundles") or []):
                continue
            base = f"{layout.BUNDLES}/{bundle_id}"
            pdf.command(f"openssl pkeyutl -verify -pubin -inkey {manifest['bundle_keys'][bundle_id]} -rawin "
                        f"-in {base}/manifest.json -sigfile {base}/manifest.sig")
    pdf.paragraph(_("With Incident Journal: journal evidence verify PACKAGE"))
