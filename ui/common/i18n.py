"""Choosing the interface language and loading the translation catalogues.

The app's own strings live in resources/translations/incident_journal_<lang>.qm
(compiled by pyside6-lrelease from the .ts files; incident_journal_en.qm holds only
the English plural forms of the `%n` messages, installed for English too); Qt's own dialogs
(file pickers, message-box buttons, context menus) use qtbase_<lang>.qm that
ships with PySide6. The language is fixed for the life of the process: a change
in Settings applies after a restart, which keeps every widget consistent.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from journal.resource_files import resource_path

# resources/translations in the repository; installed as incident_journal_resources/translations.
TRANSLATIONS_DIR = resource_path("translations")
CATALOGUE_PREFIX = "incident_journal_"

# Language code -> name shown in Settings, in that language (so a user who cannot
# read the current interface language still finds their own).
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "uk": "Українська"}
SUPPORTED = tuple(LANGUAGES)

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def system_language() -> str:
    """The first supported language in the user's preferences, or English.

    JOURNAL_LANG overrides everything (handy for testing and for screenshots);
    then Qt's view of the system UI languages (LANGUAGE/LC_ALL/LC_MESSAGES/LANG
    on Linux).
    """
    forced = os.environ.get("JOURNAL_LANG", "").strip()
    if forced:
        code = normalise(forced)
        if code:
            return code
    for name in QLocale.system().uiLanguages():
        code = normalise(name)
        if code:
            return code
    return "en"


def normalise(name: str) -> str:
    """'ru_RU.UTF-8', 'uk-UA', 'ru' -> 'ru'; an unsupported language -> ''."""
    code = name.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in SUPPORTED else ""


def resolve_language(setting: str) -> str:
    """The language to use: the saved choice if it is supported, else the system's."""
    return normalise(setting) or system_language()


def locale_for(language: str) -> QLocale:
    """The QLocale used for dates and numbers in `language`.

    English keeps the system locale (an English UI with a German date format is
    what a German user who prefers English text expects); Russian and Ukrainian
    use their own country conventions unless the system locale already speaks them.
    """
    system = QLocale.system()
    if language == "en" or QLocale.languageToCode(system.language()) == language:
        return system
    return QLocale({"ru": "ru_RU", "uk": "uk_UA"}[language])


def install_translations(app: QCoreApplication, setting: str = "") -> str:
    """Load Qt's and the app's catalogues for the chosen language; return its code.

    Also makes that language's QLocale the default, so QDateTimeEdit, QLocale()
    and number formatting follow it. Safe to call more than once (the previous
    translators are removed first). A missing catalogue falls back to English.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(setting)
    QLocale.setDefault(locale_for(language))
    from journal import i18n as core_i18n

    core_i18n.set_language(language)  # core error messages shown in dialogs follow the same choice
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(CATALOGUE_PREFIX + language, str(TRANSLATIONS_DIR))]
    if language != "en":  # English: only the app's plural forms ("1 entry", "%n entries"); Qt is English
        catalogues.insert(0, (f"qtbase_{language}", qt_dir))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            if name.startswith("qtbase_"):
                fallback = _MnemonicFallback(translator, app)
                app.installTranslator(fallback)
                _installed.append(fallback)
    return language


class _MnemonicFallback(QTranslator):
    """Qt's own catalogue without the mnemonic: Qt 6 labels its file dialog "&Look in:" and
    "Files of &type:", while qtbase_ru/uk.qm still hold "Look in:" and "Files of type:", so the
    Russian file dialog showed them in English. Asked only when the catalogue has no exact match."""

    def __init__(self, catalogue: QTranslator, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._catalogue = catalogue

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001 (Qt override)
        # None is Qt's null string, "not here": an empty string would be taken as the translation.
        if not source or "&" not in source.replace("&&", ""):
            return None
        if self._catalogue.translate(context, source, disambiguation, n):
            return None  # the catalogue has it as it is
        translated = self._catalogue.translate(context, source.replace("&", "", 1), disambiguation, n)
        return "&" + translated if translated else None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


def translated_categories(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, label) pairs from the journal with the built-in labels in the UI language.

    The journal stores English labels for the built-in categories (and sends them
    in bundles); a label the user has renamed is their own text and is kept. The rule and
    the translations are the core's (journal.display_labels), which the CLI uses too; the
    core follows the interface language (install_translations).
    """
    from journal.records import display_labels

    return [(key, display_labels.category(key, label)) for key, label in pairs]


# --- dates and times in the interface language's conventions ------------------------------------
def _is_c_locale(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def date_format() -> str:
    """A Qt date pattern for display and entry, e.g. 'dd.MM.yyyy' (ru), 'M/d/yyyy' (en_US).

    Years always have four digits (evidence spans decades). The C locale (tests,
    LANG=C) keeps ISO 8601.
    """
    locale = QLocale()
    if _is_c_locale(locale):
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def time_format() -> str:
    """A Qt time pattern without seconds, e.g. 'HH:mm' (ru, uk) or 'h:mm AP' (en_US)."""
    locale = QLocale()
    if _is_c_locale(locale):
        return "HH:mm"
    return locale.timeFormat(QLocale.FormatType.ShortFormat).replace(":ss", "")


def datetime_format() -> str:
    return f"{date_format()} {time_format()}"


def format_date(day) -> str:
    """A datetime.date in the locale's short format (4-digit year)."""
    from PySide6.QtCore import QDate

    return QLocale().toString(QDate(day.year, day.month, day.day), date_format())


def format_datetime(moment) -> str:
    """A naive or aware datetime.datetime (shown as its own wall-clock time) in the locale's format."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    value = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    return QLocale().toString(value, datetime_format())


# zxcvbn's English feedback: a fixed set of sentences, marked here for lupdate and
# translated where shown (strength_hint).
_ZXCVBN_FEEDBACK = frozenset((
    QT_TRANSLATE_NOOP("PassphraseHints", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("PassphraseHints", "All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Avoid dates and years that are associated with you."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Avoid recent years."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Avoid sequences."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Predictable substitutions like '@' instead of 'a' don't help very much."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP("PassphraseHints", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    QT_TRANSLATE_NOOP("PassphraseHints", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("PassphraseHints", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseHints", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("PassphraseHints", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("PassphraseHints", "This is a very common password."),
    QT_TRANSLATE_NOOP("PassphraseHints", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("PassphraseHints", "Use a longer keyboard pattern with more turns."),
))


def strength_hint(text: str) -> str:
    """zxcvbn's English feedback (a fixed set of sentences) in the interface language."""
    return QCoreApplication.translate("PassphraseHints", text) if text in _ZXCVBN_FEEDBACK else text
