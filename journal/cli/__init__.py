"""`journal` command line: `journal [--data-dir DIR] COMMAND ...`.

Each feature registers its subcommands from its own module (COMMAND_MODULES)
through `register(subparsers, ctx)`; a handler gets (args, ctx) and returns an
exit code. Errors are JournalError messages on stderr with exit code 1;
usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from ..errors import JournalError
from .context import CliContext
from ..i18n import _

COMMAND_MODULES = [
    "journal.cli.vault_commands",
    "journal.cli.entry_commands",
    "journal.cli.people_commands",
    "journal.cli.attachment_commands",
    "journal.cli.bundle_commands",
    "journal.cli.import_commands",
    "journal.cli.report_commands",
    "journal.cli.transport_commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journal",
        description="Incident Journal: an encrypted journal for documenting incidents.",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="journal folder (default: $JOURNAL_HOME or the user data folder)")
    parser.add_argument(
        "--passphrase-file", metavar="FILE",
        help="read the passphrase from FILE (for scripts; less safe than typing it)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Line-buffered UTF-8 so Cyrillic prints on any console.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    from ..hardening import harden_process

    harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CliContext(args)
    try:
        return int(args.handler(args, ctx) or 0)
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
