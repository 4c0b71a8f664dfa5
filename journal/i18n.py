"""Translating the core's and the CLI's user-facing messages (gettext, Qt-free).

    from journal.i18n import _
    raise WrongPassphrase(_("Wrong passphrase. Check the keyboard layout and Caps Lock."))

`_()` returns the text unchanged when no catalogue matches (English, or an
unsupported language), so untranslated code paths still read correctly. Counts use
`ngettext(singular, plural, n)`: Russian and Ukrainian have three forms (the .po
header's Plural-Forms rule picks one). The catalogue is journal/locale/<lang>/
LC_MESSAGES/journal.mo, compiled with `pybabel compile` from the translators' source
journal.po next to it (tools/update_translations.py, docs/translations.md). Only the
standard library reads it: Babel is a development tool, not a run-time dependency.

The language comes from, in order: set_language() (the GUI calls it with the
language chosen in Settings), JOURNAL_LANG, then the usual LANGUAGE, LC_ALL,
LC_MESSAGES and LANG. Nothing is read at import time; the first `_()` call
decides, and reset() forgets the decision (for tests).
"""

from __future__ import annotations

import gettext
import os

from journal.resource_files import locale_dir

DOMAIN = "journal"
LOCALE_DIR = locale_dir()  # journal/locale, found with importlib.resources (journal.resource_files)
SUPPORTED = ("en", "ru", "uk")
ENV_ORDER = ("JOURNAL_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None  # set_language(); None = from the environment
_translations: gettext.NullTranslations | None = None


def normalise(name: str) -> str:
    """'ru_RU.UTF-8', 'uk-UA', 'ru' -> 'ru'; anything unsupported -> ''."""
    code = name.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in SUPPORTED else ""


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The first supported language named by the environment, else 'en'.

    LANGUAGE may hold a colon-separated list ("uk:ru:en"); "C"/"POSIX" mean English.
    """
    env = os.environ if environ is None else environ
    for var in ENV_ORDER:
        value = env.get(var, "")
        if not value:
            continue
        for part in value.split(":"):
            if part.upper() in ("C", "POSIX") or part.upper().startswith("C."):
                return "en"
            code = normalise(part)
            if code:
                return code
        if var != "LANGUAGE":  # a set but unsupported LC_*/LANG decides: English
            return "en"
    return "en"


def current_language() -> str:
    return _chosen or detect_language()


def set_language(code: str) -> None:
    """Use `code` ('en', 'ru', 'uk'; '' = from the environment) from now on."""
    global _chosen, _translations
    _chosen = normalise(code) or None
    _translations = None


def reset() -> None:
    """Forget the language and the loaded catalogue (tests)."""
    set_language("")


def _catalogue() -> gettext.NullTranslations:
    global _translations
    if _translations is None:
        language = current_language()
        if language == "en":
            _translations = gettext.NullTranslations()
        else:
            _translations = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[language], fallback=True)
    return _translations


def _(message: str) -> str:
    """`message` in the user's language, or unchanged when there is no translation."""
    return _catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` that fits `n` in the user's language.

    English picks `singular` for 1 and `plural` otherwise; Russian and Ukrainian pick one
    of three forms (1 запись, 2 записи, 5 записей). Fill the count in afterwards:
    `ngettext("Deleted {n} entry.", "Deleted {n} entries.", n).format(n=n)`.
    """
    return _catalogue().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now (gettext_noop).

    For words handed to a message later, e.g. a field name: `_clean_text(v, N_("title"))`
    and then `_("The {name} …").format(name=_(name))`. Translating at that later point
    follows the language chosen at run time; `pybabel extract` collects N_() literals too.
    """
    return message
