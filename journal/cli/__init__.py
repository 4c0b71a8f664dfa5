"""`journal` command line: `journal [--data-dir DIR] COMMAND ...`.

Each feature registers its subcommands from its own module (COMMAND_MODULES)
through `register(subparsers, ctx)`; a handler gets (args, ctx) and returns an
exit code. Errors are JournalError messages on stderr with exit code 1;
usage errors exit 2 (argparse). Help texts go through journal.i18n's `_()` when the
parser is built (in main(), never at import), and argparse's own words through our
catalogue too (argparse_i18n.py).
"""

from __future__ import annotations

import argparse
import io
import shlex
import sys
from importlib import import_module

from journal import __version__
from journal.errors import JournalError, NotAJournal
from journal.i18n import _
from journal.cli.argparse_i18n import argparse_in_our_language
from journal.cli.context import CliContext
from journal.cli.output import SafeStream

COMMAND_MODULES = [
    "journal.cli.vault_commands",
    "journal.cli.entry_commands",
    "journal.cli.people_commands",
    "journal.cli.attachment_commands",
    "journal.cli.bundle_commands",
    "journal.cli.import_commands",
    "journal.cli.report_commands",
    "journal.cli.transport_commands",
    "journal.cli.duress_commands",
    "journal.cli.evidence_commands",
    "journal.cli.travel_commands",
]


def build_parser() -> argparse.ArgumentParser:
    """The whole parser, with help texts in the current language (journal.i18n).

    Call it at run time, after the language is settled (it is read from the environment on
    the first `_()` call), and inside argparse_in_our_language() so that argparse's own words
    ("usage:", "options", "show this help message and exit") are translated too.
    """
    parser = argparse.ArgumentParser(
        prog="journal",
        description=_("Incident Journal: an encrypted journal for documenting incidents."),
    )
    parser.add_argument("--data-dir", metavar=_("DIR"),
                        help=_("journal folder (default: $JOURNAL_HOME or the user data folder)"))
    parser.add_argument(
        "--passphrase-file", metavar=_("FILE"),
        help=_("read the passphrase from FILE (for scripts; less safe than typing it)"),
    )
    # argparse's own wording for this help (Python 3.11 does not translate it by itself).
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show program's version number and exit"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    sub.required = True
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    _accept_global_options_anywhere(parser)
    return parser


GLOBAL_OPTIONS = ("--data-dir", "--passphrase-file")


def _accept_global_options_anywhere(parser: argparse.ArgumentParser) -> None:
    """`journal list --data-dir X` works like `journal --data-dir X list`, as people type it.

    Every subcommand parser (at any depth) also takes the global options; their default is
    SUPPRESS, so a value given before the command is kept unless one is given after it."""
    globals_ = [a for a in parser._actions if any(o in GLOBAL_OPTIONS for o in a.option_strings)]
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for child in set(action.choices.values()):
            taken = {o for a in child._actions for o in a.option_strings}
            for option in globals_:
                if not taken & set(option.option_strings):
                    child.add_argument(*option.option_strings, dest=option.dest, metavar=option.metavar,
                                       default=argparse.SUPPRESS, help=argparse.SUPPRESS)
            _accept_global_options_anywhere(child)


def main(argv: list[str] | None = None) -> int:
    # Line-buffered UTF-8 so Cyrillic prints on any console.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # not when replaced (a test's capture, a pipe wrapper)
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except ValueError:
                pass
    from journal.hardening import harden_process

    harden_process()
    # Everything printed from here on is terminal-safe: text from the journal or a bundle
    # (names, labels, titles) cannot send escape sequences or bidi controls (journal/cli/output.py).
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = saved


def _run(argv: list[str] | None) -> int:
    # Help and usage errors (exit code 2, from argparse) in the user's language.
    with argparse_in_our_language():
        parser = build_parser()
        args = parser.parse_args(argv)
    ctx = CliContext(args)
    try:
        return int(args.handler(args, ctx) or 0)
    except NotAJournal as exc:
        print(_("journal: {exc}").format(exc=exc), file=sys.stderr)
        if args.command != "init":
            print(_("To start a new journal there: journal init --data-dir {folder}").format(folder=shlex.quote(str(ctx.data_dir))),
                  file=sys.stderr)
        return 1
    except JournalError as exc:
        print(_("journal: {exc}").format(exc=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("journal: interrupted"), file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"journal: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback for a damaged database
        import sqlcipher3

        if isinstance(exc, sqlcipher3.DatabaseError):
            print(_("journal: the database could not be read ({exc}). Run `journal verify`, and restore from a backup if it reports damage.").format(exc=exc), file=sys.stderr)
            return 1
        raise
    finally:
        ctx.close()
