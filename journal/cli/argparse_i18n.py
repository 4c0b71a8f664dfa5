"""argparse's own words ("usage:", "options", "the following arguments are required") in our language.

argparse translates its messages with `gettext.gettext` and `gettext.ngettext`, bound
at import as the module globals `argparse._` and `argparse.ngettext`, in gettext's
default domain ("messages") — a catalogue nobody installs, so they are always English.
Python offers no parameter to pass a catalogue to a parser, and installing ours as the
process-wide default domain (`gettext.textdomain`) would change what every other
library translates. So `argparse_in_our_language()` swaps those two module globals for
functions reading *our* catalogue (journal/i18n.py) while the CLI builds and runs its
parser, and puts the originals back afterwards: in-process callers (tests, the GUI
process) see an unchanged argparse once main() returns.

Parsers must be built inside the context: argparse translates "positional arguments",
"options" and "show this help message and exit" when a parser is created, the rest when a
message is shown. The msgids below are those of Python 3.11's argparse (Lib/argparse.py),
marked with N_() so the update script extracts them and the tests require ru/uk entries.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from journal.i18n import N_, _

# What users of `journal` can meet (help layout and usage errors). argparse's messages for
# programming errors (conflicting option strings, invalid nargs, ...) stay English.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("subcommands"),
)

# ngettext("expected %s argument", "expected %s arguments", n) (nargs=N): Russian and
# Ukrainian need three plural forms, which our catalogue does not carry; one count-free
# wording ("аргументов ожидается: %s") serves every n. argparse passes the count itself
# into %s afterwards.
NGETTEXT_MESSAGES = {
    ("expected %s argument", "expected %s arguments"): N_("expected arguments: %s"),
}


def translate(message: str | None) -> str | None:
    """argparse's `_`: our catalogue's translation, or the message unchanged.

    argparse calls it with None for a missing subparser-group description.
    """
    return _(message) if message else message


def translate_plural(singular: str, plural: str, n: int) -> str:
    """argparse's `ngettext`: a count-free translation where we have one, else English rules."""
    wording = NGETTEXT_MESSAGES.get((singular, plural))
    english = singular if n == 1 else plural
    if wording is None:
        return english
    translated = _(wording)
    return english if translated == wording else translated


@contextmanager
def argparse_in_our_language() -> Iterator[None]:
    """While inside, argparse's messages come from journal/i18n.py's catalogue (see module docstring)."""
    # argparse looks up its module-level `_` and `ngettext` (gettext's) at every message; the
    # stubs do not declare these private names, so they are reached through the module's namespace.
    namespace = vars(argparse)
    saved = namespace["_"], namespace["ngettext"]
    namespace["_"], namespace["ngettext"] = translate, translate_plural
    try:
        yield
    finally:
        namespace["_"], namespace["ngettext"] = saved
