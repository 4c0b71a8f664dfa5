"""report, stats, forms: coordinator reports, counts, and incident forms from the command line.

All of it is Qt-free, PDF reports included (journal/report_pdf.py, the same writer the
desktop app uses).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from journal.records import display_labels as shown
from journal.errors import InvalidInput
from journal.i18n import _, ngettext
from journal.records.search import EntryFilter
from journal.cli.context import print_json

NOT_ENCRYPTED = ("Note: {path} is NOT encrypted. Anyone who gets the file can read it; "
                 "delete it securely when it is no longer needed.")


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", metavar="C")
    p.add_argument("--tag", metavar="X")
    p.add_argument("--status", choices=["draft", "final"])
    p.add_argument("--from", dest="date_from", metavar=_("DATE"), help=_("YYYY-MM-DD (inclusive)"))
    p.add_argument("--to", dest="date_to", metavar=_("DATE"), help=_("YYYY-MM-DD (inclusive)"))
    p.add_argument("--sender", metavar="S", help=_("only entries received from this sender (name, id or fingerprint)"))
    origin = p.add_mutually_exclusive_group()
    origin.add_argument("--received", dest="origin", action="store_const", const="received",
                        help=_("only entries received in bundles"))
    origin.add_argument("--own", dest="origin", action="store_const", const="own",
                        help=_("only this journal's own entries"))
    p.add_argument("--entry", action="append", metavar="ID", help=_("only these entries (repeatable)"))


def _report_filter(args, journal):
    from journal.records.reports import ReportFilter

    uuids = None
    if getattr(args, "entry", None):
        uuids = tuple(journal.entries.get(ref).uuid for ref in args.entry)
    return ReportFilter(EntryFilter(category=args.category, tag=args.tag, status=args.status,
                                    date_from=args.date_from, date_to=args.date_to),
                        origin=args.origin or "all", sender=args.sender, entry_uuids=uuids)


def register(sub) -> None:
    p = sub.add_parser("report", help=_("export entries as CSV, JSON or PDF (the file is NOT encrypted)"))
    p.add_argument("--format", required=True, choices=["csv", "json", "pdf"])
    p.add_argument("-o", "--output", required=True, metavar=_("OUT"))
    contact = p.add_mutually_exclusive_group()
    # A report is a plaintext file: phone numbers and handles stay out unless asked for.
    contact.add_argument("--omit-contact-details", action="store_true",
                         help=_("leave out phone numbers and messenger handles (the default)"))
    contact.add_argument("--include-contact-details", action="store_true",
                         help=_("include phone numbers and messenger handles in the report"))
    p.add_argument("--bom", action="store_true", help=_("CSV: start with a UTF-8 byte order mark (Excel)"))
    p.add_argument("--page-size", choices=["a4", "letter"], default="a4", help=_("PDF page size"))
    p.add_argument("--no-photos", action="store_true", help=_("PDF: leave out photo thumbnails"))
    p.add_argument("--title", metavar=_("TITLE"), default="", help=_("PDF: report title"))
    _filter_options(p)
    p.set_defaults(handler=cmd_report, origin=None)

    p = sub.add_parser("stats", help=_("count entries by category, day, week, place or a form field"))
    p.add_argument("--by", default="category", metavar=_("DIM"),
                   help=_("category, day, week, month, place, status, sender, a form field key or form.field; "
                          "comma-separated for a cross table (e.g. place,day)"))
    p.add_argument("--json", action="store_true")
    _filter_options(p)
    p.set_defaults(handler=cmd_stats, origin=None)

    p = sub.add_parser("forms", help=_("list incident forms, or show one (--json for the definition)"))
    p.add_argument("key", nargs="?", metavar=_("key"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms)

    p = sub.add_parser("form-add-field", help=_("add a field to a form (a new version; old entries keep theirs)"))
    p.add_argument("form", metavar=_("form"))
    p.add_argument("label", metavar=_("label"))
    p.add_argument("--type", required=True, dest="field_type",
                   choices=["text", "long_text", "number", "date", "datetime", "choice", "multi_choice",
                            "person", "bool"])
    p.add_argument("--key", metavar=_("KEY"), help=_("field key (default: made from the label)"))
    p.add_argument("--choice", action="append", metavar="C", help=_("a choice (repeatable)"))
    p.set_defaults(handler=cmd_form_add_field)

    p = sub.add_parser("form-set", help=_("set an entry's form values: form-set ID FORM field=value ..."))
    p.add_argument("id")
    p.add_argument("form", metavar=_("form"))
    p.add_argument("values", nargs="*", metavar=_("FIELD=VALUE"),
                   help=_("lists (people, multiple choice) as JSON, e.g. 'documents_filed=[\"appeal\"]'"))
    p.set_defaults(handler=cmd_form_set)


def cmd_report(args, ctx) -> int:
    from journal.records import reports

    args.omit_contact_details = not args.include_contact_details
    journal = ctx.open_journal()
    flt = _report_filter(args, journal)
    out = Path(args.output)
    if not out.parent.is_dir():
        raise InvalidInput(_("The folder {parent} does not exist.").format(parent=out.parent))
    if args.format == "csv":
        count = reports.write_csv(journal, flt, out, bom=args.bom, omit_contact_details=args.omit_contact_details)
    elif args.format == "json":
        count = reports.write_json(journal, flt, out, omit_contact_details=args.omit_contact_details)
    else:
        from journal.report_pdf import write_pdf

        count = write_pdf(journal, flt, out, page_size=args.page_size, title=args.title,
                          photos=not args.no_photos, omit_contact_details=args.omit_contact_details)
    print(ngettext("Wrote {count} entry to {out}.", "Wrote {count} entries to {out}.", count).format(count=count, out=out))
    print(NOT_ENCRYPTED.format(path=out), file=sys.stderr)
    return 0


def cmd_stats(args, ctx) -> int:
    from journal.records.reports import stats

    journal = ctx.open_journal()
    table = stats(journal.db, _report_filter(args, journal), args.by)
    if args.json:
        print_json(table.as_json())
        return 0
    if not table.rows:
        print(_("No entries match."))
        return 0
    # The header keeps the dimension keys (what --by takes); cells show stored words translated.
    header = [*table.dimensions, _("count")]
    rows = [[shown.stats_value(d, v) for d, v in zip(table.dimensions, row[:-1])] + [str(row[-1])]
            for row in table.rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for row in rows:
        cells = [v.ljust(w) for v, w in zip(row[:-1], widths)] + [row[-1].rjust(widths[-1])]
        print("  ".join(cells))
    print(ngettext("{total} entry", "{total} entries", table.total).format(total=table.total))
    return 0


def cmd_forms(args, ctx) -> int:
    journal = ctx.open_journal()
    if args.key:
        form = journal.forms.get(args.key)
        if args.json:
            print_json(form.as_json())
        else:
            print(_("{label}  (key {key}, version {version}, category {value})").format(
                label=shown.form_text(form, form.label), key=form.key, version=form.version,
                value=form.category or _("any")))
            # Keys and types stay as stored: they are what form-set and form-add-field take.
            for spec in form.fields:
                choices = [shown.form_text(form, c) for c in spec.get("choices", [])]
                extra = f"  [{' | '.join(choices)}]" if choices else ""
                print(f"  {spec['key']:<24} {spec['type']:<12} {shown.form_text(form, spec['label'])}{extra}")
        return 0
    forms = journal.forms.list(include_received=True)
    if args.json:
        print_json([f.as_json() for f in forms])
        return 0
    for form in forms:
        origin = _(" (received)") if form.sender_id else ""
        print(_("{key:<26} v{version:<3} {count:>3} fields  {label}{origin}").format(
            key=form.key, version=form.version, count=len(form.fields), label=shown.form_text(form, form.label),
            origin=origin))
    return 0


def cmd_form_add_field(args, ctx) -> int:
    journal = ctx.open_journal()
    form = journal.forms.add_field(args.form, args.label, args.field_type, key=args.key, choices=args.choice)
    print(ngettext("{label}: version {version}, {count} field", "{label}: version {version}, {count} fields",
                   len(form.fields)).format(label=form.label, version=form.version, count=len(form.fields)))
    return 0


def cmd_form_set(args, ctx) -> int:
    journal = ctx.open_journal()
    entry = journal.entries.get(args.id)
    values = {}
    for item in args.values:
        key, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput(_("Give values as FIELD=VALUE (got {item!r}).").format(item=item))
        if value.startswith("["):
            try:
                values[key] = json.loads(value)
            except ValueError:
                raise InvalidInput(_("The list for {key} is not valid JSON.").format(key=key)) from None
        else:
            values[key] = value
    fv = journal.forms.set_values(entry.uuid, args.form, values)
    print(_("{label}: revision {revision}").format(label=fv.form.label, revision=fv.revision))
    return 0
