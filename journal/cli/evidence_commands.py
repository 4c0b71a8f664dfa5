"""evidence: write an evidence package for lawyers and courts, or check one (docs/evidence.md).

    journal evidence --entry ID [--entry ID ...] | --tag X | (other filters) -o DIR_OR_ZIP
    journal evidence verify DIR_OR_ZIP
"""

from __future__ import annotations

import sys

from journal.cli.context import print_json
from journal.errors import InvalidInput
from journal.i18n import _, ngettext


def register(sub) -> None:
    from journal.cli.report_commands import _filter_options

    p = sub.add_parser(
        "evidence",
        help=_("write an evidence package (originals, hashes, signatures, chain of custody) or check one"),
        description=_("Write an evidence package for the entries chosen, or check one: "
                      "`journal evidence verify DIR_OR_ZIP`. The package is NOT encrypted."))
    p.add_argument("action", nargs="*", metavar=_("verify PACKAGE"),
                   help=_("check the package at PACKAGE instead of writing one"))
    p.add_argument("-o", "--output", metavar=_("OUT"),
                   help=_("the new package: a folder, or a file ending in .zip"))
    p.add_argument("--entries", nargs="+", metavar="ID", help=_("these entries (ids or unique prefixes)"))
    p.add_argument("--stripped", action="store_true",
                   help=_("also put a metadata-stripped copy beside each original"))
    p.add_argument("--include-sensitive", action="store_true",
                   help=_("name the people marked sensitive (left out by default)"))
    p.add_argument("--json", action="store_true")
    _filter_options(p)
    p.set_defaults(handler=cmd_evidence, origin=None)


def _progress(args):
    if args.json or not sys.stderr.isatty():
        return None
    state = {"last": -1}

    def show(done: int, total: int) -> None:
        percent = int(done * 100 / total) if total else 0
        if percent != state["last"]:
            state["last"] = percent
            print(f"\r{percent:3d} %", end="", file=sys.stderr, flush=True)
    return show


def cmd_evidence(args, ctx) -> int:
    if args.action:
        if args.action[0] != "verify" or len(args.action) != 2:
            raise InvalidInput(_("Use `journal evidence verify PACKAGE` to check a package."))
        return _verify(args.action[1], args)
    return _build(args, ctx)


def _verify(path: str, args) -> int:
    from journal.evidence import verify_package
    from journal.evidence.verify import iter_lines

    verdict = verify_package(path)
    if args.json:
        print_json(verdict.as_json())
        return 0 if verdict.ok else 1
    for line in iter_lines(verdict):
        print(line)
    if verdict.ok:
        print(_("The package holds: every check passed. Compare the coordinator's key SHA-256 {key} with the "
                "one the coordinator gives you.").format(key=verdict.key_sha256))
        return 0
    count = len(verdict.problems)
    print(ngettext("The package does NOT hold: {count} check failed.",
                   "The package does NOT hold: {count} checks failed.", count).format(count=count))
    return 1


def _build(args, ctx) -> int:
    from journal.evidence import EvidenceOptions, build_package, record_export, select_entries
    from journal.cli.report_commands import _report_filter

    if not args.output:
        raise InvalidInput(_("Say where to write the package: -o DIR or -o FILE.zip."))
    filters = ("category", "tag", "status", "date_from", "date_to", "sender", "origin")
    uses_filter = any(getattr(args, name, None) for name in filters)
    refs = list(args.entries or []) + list(args.entry or [])
    if not refs and not uses_filter:
        raise InvalidInput(_("Choose the entries: --entries ID …, --tag X or another filter."))
    journal = ctx.open_journal()
    args.entry = None  # named entries are refs; the filter narrows them when both are given
    uuids = select_entries(journal, refs=refs or None, flt=_report_filter(args, journal) if uses_filter else None)
    progress = _progress(args)
    result = build_package(journal, uuids, args.output,
                           options=EvidenceOptions(include_stripped=args.stripped,
                                                   include_sensitive=args.include_sensitive),
                           progress=progress)
    if progress:
        print(file=sys.stderr)
    record_export(journal.db, result)
    if args.json:
        print_json(result.as_json())
        return 0
    for warning in result.warnings:
        print(_("Warning: {warning}").format(warning=warning), file=sys.stderr)
    files = ngettext("{count} original file", "{count} original files", result.file_count).format(
        count=result.file_count)
    print(ngettext("Evidence package written to {path}: {count} entry, {files}.",
                   "Evidence package written to {path}: {count} entries, {files}.",
                   len(result.entry_uuids)).format(path=result.path, count=len(result.entry_uuids), files=files))
    if result.people_left_out:
        print(ngettext("{count} sensitive person was left out (--include-sensitive names them).",
                       "{count} sensitive people were left out (--include-sensitive names them).",
                       result.people_left_out).format(count=result.people_left_out))
    print(_("Note: {path} is NOT encrypted. Anyone who gets it can read it; delete it securely when it is no "
            "longer needed.").format(path=result.path))
    print(_("To check it: journal evidence verify {path} (or the steps in VERIFY.txt).").format(path=result.path))
    return 0


