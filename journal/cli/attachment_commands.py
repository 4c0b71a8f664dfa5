"""attach, attachments, save-attachment, remove-attachment, photo-details, verify-attachments."""

from __future__ import annotations

import sys
from pathlib import Path

from journal.errors import InvalidInput
from journal.i18n import _
from journal.cli.context import print_json


def register(sub) -> None:
    p = sub.add_parser("attach", help=_("attach files to an entry (stored encrypted); prints attachment ids"))
    p.add_argument("entry_id")
    p.add_argument("files", nargs="+", metavar=_("FILE"))
    p.add_argument("--delete-original", action="store_true",
                   help=_("overwrite and delete each file after it is stored (see the warning it prints)"))
    p.add_argument("--use-photo-details", action="store_true",
                   help=_("fill the entry's empty time and coordinates from the photos"))
    p.set_defaults(handler=cmd_attach)

    p = sub.add_parser("attachments", help=_("list an entry's attachments with hashes and photo metadata"))
    p.add_argument("entry_id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--trash", action="store_true", help=_("include attachments in the trash"))
    p.set_defaults(handler=cmd_attachments)

    p = sub.add_parser("save-attachment", help=_("save a copy of an attachment outside the journal (plaintext)"))
    p.add_argument("attachment_id")
    p.add_argument("out", metavar=_("OUT"), help=_("a file name, or an existing folder"))
    p.add_argument("--strip-metadata", action="store_true",
                   help=_("remove location, camera serial numbers, names and dates from photos"))
    p.add_argument("--force", action="store_true",
                   help=_("with --strip-metadata: save a damaged file (photo, video, recording, document) unchanged "
                          "when it cannot be cleaned"))
    p.set_defaults(handler=cmd_save_attachment)

    p = sub.add_parser("remove-attachment", help=_("move an attachment to the trash"))
    p.add_argument("attachment_id")
    p.set_defaults(handler=cmd_remove_attachment)

    p = sub.add_parser("photo-details", help=_("show (or --apply) the time and place an entry's photos suggest"))
    p.add_argument("entry_id")
    p.add_argument("--apply", action="store_true")
    p.set_defaults(handler=cmd_photo_details)

    p = sub.add_parser("verify-attachments", help=_("re-read every attachment and check its SHA-256 (slow)"))
    p.set_defaults(handler=cmd_verify_attachments)


def _note(text: str) -> None:
    print(text, file=sys.stderr)


def cmd_attach(args, ctx) -> int:
    paths = [Path(f) for f in args.files]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise InvalidInput(_("Not a file: {missing}. Nothing was attached.").format(missing=', '.join(missing)))
    journal = ctx.open_journal()
    entry = journal.entries.get(args.entry_id)
    warned = False
    # add_files reads and describes the next photos on worker threads while this one writes
    # (about 1.6x the speed of add_file in a loop, docs/media.md).
    attached = journal.attachments.add_files(entry.uuid, paths, delete_original=args.delete_original)
    for path, att in zip(paths, attached, strict=True):
        print(att.uuid)
        for notice in att.notices:
            if notice.startswith("The original file was overwritten"):
                if warned:
                    continue
                warned = True
            _note(f"{path.name}: {notice}")
    suggestion = journal.attachments.suggest_entry_fields(entry.uuid)
    if suggestion and args.use_photo_details:
        journal.attachments.apply_suggestion(entry.uuid, suggestion)
        _note(_("Entry updated from the photo: {details}").format(details=_describe_suggestion(suggestion)))
    elif suggestion:
        _note(_("The photos suggest {details} for this entry; `journal photo-details {short_id} --apply` "
                "uses them.").format(details=_describe_suggestion(suggestion), short_id=entry.uuid[:8]))
    return 0


def _describe_suggestion(suggestion) -> str:
    parts = []
    if suggestion.occurred_at:
        if suggestion.capture_time_has_zone:
            parts.append(_("time {time}").format(time=suggestion.occurred_at))
        else:
            parts.append(_("time {time} (camera clock, no time zone)").format(time=suggestion.occurred_at))
    if suggestion.latitude is not None:
        parts.append(_("position {latitude}, {longitude}").format(
            latitude=f"{suggestion.latitude:.6f}", longitude=f"{suggestion.longitude:.6f}"))
    return _(" and ").join(parts)


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(value)


def cmd_attachments(args, ctx) -> int:
    journal = ctx.open_journal()
    items = journal.attachments.list_for_entry(args.entry_id, include_deleted=args.trash)
    if args.json:
        print_json([a.as_json() for a in items])
        return 0
    if not items:
        print(_("No attachments."))
    for a in items:
        print(f"{a.uuid[:8]}  {a.media_type:<24} {_human_size(a.size):>10}  {a.file_name}"
              + (_("  (in trash)") if a.deleted_at else ""))
        print(_("          sha256 {sha256}").format(sha256=a.sha256))
        if a.stripped_sha256:
            print(_("          stripped sha256 {stripped_sha256}").format(stripped_sha256=a.stripped_sha256))
        meta = a.metadata
        details = []
        if meta.get("capture_time"):
            details.append(_("taken {time}").format(time=meta["capture_time"]))
        camera = " ".join(x for x in (meta.get("camera_make"), meta.get("camera_model")) if x)
        if camera:
            details.append(_("camera {camera}").format(camera=camera))
        if meta.get("gps_latitude") is not None:
            details.append(f"GPS {meta['gps_latitude']:.6f}, {meta['gps_longitude']:.6f}")
        if meta.get("width"):
            details.append(f"{meta['width']}x{meta['height']}")
        if details:
            print("          " + "; ".join(details))
        if meta.get("sensitive_fields"):
            print(_("          reveals: {fields}").format(fields=", ".join(meta["sensitive_fields"])))
        if a.note:
            print(_("          note: {note}").format(note=a.note))
    return 0


def cmd_save_attachment(args, ctx) -> int:
    journal = ctx.open_journal()
    report = journal.attachments.save_copy(args.attachment_id, args.out, strip=args.strip_metadata,
                                           allow_uncleaned=args.force)
    print(report.path)
    if report.removed:
        _note(_("Removed: {items}").format(items="; ".join(report.removed)))
    if report.warning:
        _note(_("Warning: {warning}").format(warning=report.warning))
    if not args.strip_metadata:
        _note(_("Saved the original, unencrypted, with all its metadata (--strip-metadata removes it)."))
    _note(f"sha256 {report.sha256}")
    return 0


def cmd_remove_attachment(args, ctx) -> int:
    journal = ctx.open_journal()
    att = journal.attachments.get(args.attachment_id)
    journal.attachments.remove(att.uuid)
    print(_("Moved to the trash: {uuid} ({file_name})").format(uuid=att.uuid, file_name=att.file_name))
    return 0


def cmd_photo_details(args, ctx) -> int:
    journal = ctx.open_journal()
    entry = journal.entries.get(args.entry_id)
    suggestion = journal.attachments.suggest_entry_fields(entry.uuid)
    if not suggestion:
        print(_("The photos offer nothing for this entry's empty time and place."))
        return 0
    if args.apply:
        journal.attachments.apply_suggestion(entry.uuid, suggestion)
        print(_("Entry updated: {describe_suggestion}").format(describe_suggestion=_describe_suggestion(suggestion)))
    else:
        print(_("Suggested: {describe_suggestion} (add --apply to use)").format(describe_suggestion=_describe_suggestion(suggestion)))
    return 0


def cmd_verify_attachments(args, ctx) -> int:
    journal = ctx.open_journal()
    problems = journal.attachments.check_consistency() + journal.attachments.verify_hashes()
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(_("All attachments check out."))
    return 0
