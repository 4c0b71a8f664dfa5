"""The CLI's help, argparse's own messages and the stored words the CLI shows: source -> (Russian, Ukrainian).

Merged with cli_catalogue.py and cli_catalogue_core.py by tools/update_translations.py into
journal/locale/*/journal.{po,mo}. Placeholders ({name}, %s, %(prog)s, %r) must stay exactly
as in the source; tests/test_core_translations.py and tests/test_cli_help_translations.py check.

Rules for help texts: argparse %-formats every help string, so a translation must not contain
a bare "%". Metavars (FILE, DATE, ...) are single words without spaces or brackets (argparse
wraps usage lines on them); a help text naming a metavar uses the same translated word.
Single-letter metavars (F, N, C, X), ID, URL, ISO8601 and SHA256 stay as they are.

The built-in forms' labels and choices are taken from catalogue_g.py (the Qt catalogue's
"BuiltinForms" context) so the CLI and the desktop app cannot drift apart.
"""

import importlib.util
from pathlib import Path


def _builtin_forms() -> dict:
    """(ru, uk) of every "BuiltinForms" text in catalogue_g.py, keyed by the English text."""
    path = Path(__file__).with_name("catalogue_g.py")
    spec = importlib.util.spec_from_file_location("_catalogue_g_for_cli", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {source: value for (context, source), value in module.TRANSLATIONS.items() if context == "BuiltinForms"}


TRANSLATIONS = {
    # --- argparse's own messages (journal/cli/argparse_i18n.py; Python 3.11 msgids) ------------------
    "usage: ": ("использование: ", "використання: "),
    "positional arguments": ("позиционные аргументы", "позиційні аргументи"),
    "options": ("параметры", "параметри"),
    "show this help message and exit": ("показать эту справку и выйти", "показати цю довідку й вийти"),
    "%(prog)s: error: %(message)s\n": ("%(prog)s: ошибка: %(message)s\n", "%(prog)s: помилка: %(message)s\n"),
    "argument %(argument_name)s: %(message)s": (
        "аргумент %(argument_name)s: %(message)s", "аргумент %(argument_name)s: %(message)s"),
    "the following arguments are required: %s": (
        "не указаны обязательные аргументы: %s", "не вказано обов'язкові аргументи: %s"),
    "unrecognized arguments: %s": ("неизвестные аргументы: %s", "невідомі аргументи: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "недопустимое значение: %(value)r (выберите из %(choices)s)",
        "неприпустиме значення: %(value)r (виберіть із %(choices)s)"),
    "invalid %(type)s value: %(value)r": (
        "недопустимое значение типа %(type)s: %(value)r", "неприпустиме значення типу %(type)s: %(value)r"),
    "expected one argument": ("ожидается один аргумент", "очікується один аргумент"),
    "expected at most one argument": ("ожидается не более одного аргумента", "очікується не більше одного аргументу"),
    "expected at least one argument": ("ожидается хотя бы один аргумент", "очікується принаймні один аргумент"),
    "expected arguments: %s": ("ожидается аргументов: %s", "очікується аргументів: %s"),
    "not allowed with argument %s": ("нельзя использовать вместе с аргументом %s", "не можна використовувати разом з аргументом %s"),
    "one of the arguments %s is required": ("нужно указать один из аргументов %s", "потрібно вказати один з аргументів %s"),
    "ambiguous option: %(option)s could match %(matches)s": (
        "неоднозначный параметр: %(option)s может означать %(matches)s",
        "неоднозначний параметр: %(option)s може означати %(matches)s"),
    "ignored explicit argument %r": ("явно заданный аргумент %r не используется", "явно заданий аргумент %r не використовується"),
    "unexpected option string: %s": ("неожиданный параметр: %s", "неочікуваний параметр: %s"),
    "can't open '%(filename)s': %(error)s": (
        "не удаётся открыть '%(filename)s': %(error)s", "не вдається відкрити '%(filename)s': %(error)s"),
    "subcommands": ("подкоманды", "підкоманди"),

    # --- metavars (placeholders in usage lines) -------------------------------------------------------
    "DIR": ("ПАПКА", "ТЕКА"),
    "FILE": ("ФАЙЛ", "ФАЙЛ"),
    "FILE.png": ("ФАЙЛ.png", "ФАЙЛ.png"),
    "COMMAND": ("КОМАНДА", "КОМАНДА"),
    "ACTION": ("ДЕЙСТВИЕ", "ДІЯ"),
    "OUT": ("КУДА", "КУДИ"),
    "DATE": ("ДАТА", "ДАТА"),
    "ZONE": ("ПОЯС", "ПОЯС"),
    "TEXT": ("ТЕКСТ", "ТЕКСТ"),
    "NAME": ("ИМЯ", "ІМ'Я"),
    "KEY": ("КЛЮЧ", "КЛЮЧ"),
    "LABEL": ("НАЗВАНИЕ", "НАЗВА"),
    "FIELD": ("ПОЛЕ", "ПОЛЕ"),
    "FIELD=VALUE": ("ПОЛЕ=ЗНАЧЕНИЕ", "ПОЛЕ=ЗНАЧЕННЯ"),
    "KIND:VALUE": ("ВИД:ЗНАЧЕНИЕ", "ВИД:ЗНАЧЕННЯ"),
    "PATH": ("ПУТЬ", "ШЛЯХ"),
    "COORDINATOR": ("КООРДИНАТОР", "КООРДИНАТОР"),
    "BUNDLE_FILE": ("ФАЙЛ_ПАКЕТА", "ФАЙЛ_ПАКЕТА"),
    "CARD_OR_FILE": ("КАРТОЧКА_ИЛИ_ФАЙЛ", "КАРТКА_АБО_ФАЙЛ"),
    "ID|BACKUP_FILE": ("ID|РЕЗЕРВНАЯ_КОПИЯ", "ID|РЕЗЕРВНА_КОПІЯ"),
    "DIM": ("ИЗМЕРЕНИЕ", "ВИМІР"),
    "TITLE": ("ЗАГОЛОВОК", "ЗАГОЛОВОК"),
    "BODY": ("ТЕКСТ", "ТЕКСТ"),
    "NOTES": ("ЗАМЕТКИ", "НОТАТКИ"),
    "LIMIT": ("КОЛИЧЕСТВО", "КІЛЬКІСТЬ"),
    "OFFSET": ("СДВИГ", "ЗСУВ"),
    "query": ("запрос", "запит"),
    "name": ("имя", "ім'я"),
    "form": ("форма", "форма"),
    "label": ("название", "назва"),

    # --- journal/cli/__init__.py -------------------------------------------------------------------------
    "Incident Journal: an encrypted journal for documenting incidents.": (
        "Журнал инцидентов: зашифрованный журнал для документирования инцидентов.",
        "Журнал інцидентів: зашифрований журнал для документування інцидентів."),
    "journal folder (default: $JOURNAL_HOME or the user data folder)": (
        "папка журнала (по умолчанию: $JOURNAL_HOME или папка данных пользователя)",
        "тека журналу (типово: $JOURNAL_HOME або тека даних користувача)"),
    "read the passphrase from FILE (for scripts; less safe than typing it)": (
        "прочитать парольную фразу из ФАЙЛА (для скриптов; менее безопасно, чем вводить её)",
        "прочитати парольну фразу з ФАЙЛУ (для скриптів; менш безпечно, ніж вводити її)"),

    # --- journal/cli/vault_commands.py -------------------------------------------------------------------
    "create a new journal and print its recovery code once": (
        "создать новый журнал и один раз показать код восстановления",
        "створити новий журнал і один раз показати код відновлення"),
    "a name for this journal (stored encrypted)": (
        "название этого журнала (хранится в зашифрованном виде)", "назва цього журналу (зберігається зашифрованою)"),
    "read the new passphrase from FILE": ("прочитать новую парольную фразу из ФАЙЛА", "прочитати нову парольну фразу з ФАЙЛУ"),
    "change the passphrase (instant: the data key is rewrapped)": (
        "сменить парольную фразу (мгновенно: ключ данных перешифровывается)",
        "змінити парольну фразу (миттєво: ключ даних перешифровується)"),
    "open with the recovery code and set a new passphrase": (
        "открыть кодом восстановления и задать новую парольную фразу",
        "відкрити кодом відновлення й задати нову парольну фразу"),
    "check the database and every entry's revision chain": (
        "проверить базу данных и цепочку версий каждой записи", "перевірити базу даних і ланцюжок версій кожного запису"),
    "emergency erase: make the journal unrecoverable": (
        "экстренное стирание: сделать журнал невосстановимым", "екстрене стирання: зробити журнал невідновним"),
    "required: confirms that everything is destroyed": (
        "обязательно: подтверждает, что всё будет уничтожено", "обов'язково: підтверджує, що все буде знищено"),
    "write an encrypted backup (opens with the same passphrase)": (
        "записать зашифрованную резервную копию (открывается той же парольной фразой)",
        "записати зашифровану резервну копію (відкривається тією ж парольною фразою)"),

    # --- journal/cli/entry_commands.py -------------------------------------------------------------------
    "read the text from F ('-' for standard input)": (
        "прочитать текст из файла F ('-' — стандартный ввод)", "прочитати текст із файлу F ('-' — стандартний ввід)"),
    "e.g. 2024-03-05T14:10+03:00, or a date alone": (
        "например 2024-03-05T14:10+03:00 или только дата", "наприклад 2024-03-05T14:10+03:00 або лише дата"),
    "IANA time zone, e.g. Europe/Moscow": ("часовой пояс IANA, например Europe/Moscow", "часовий пояс IANA, наприклад Europe/Kyiv"),
    "when it ended": ("когда это закончилось", "коли це закінчилося"),
    "repeatable": ("можно повторять", "можна повторювати"),
    "repeatable; replaces all tags": ("можно повторять; заменяет все метки", "можна повторювати; замінює всі мітки"),
    "mark as final (default: draft)": ("отметить как готовую (по умолчанию: черновик)", "позначити як готовий (типово: чернетка)"),
    "mark as draft": ("отметить как черновик", "позначити як чернетку"),
    "YYYY-MM-DD (inclusive)": ("ГГГГ-ММ-ДД (включительно)", "РРРР-ММ-ДД (включно)"),
    "add a field note; prints its id": ("добавить запись с места событий; выводит её id", "додати запис із місця подій; виводить його id"),
    "change a field note (a new revision is kept)": (
        "изменить запись (сохраняется новая версия)", "змінити запис (зберігається нова версія)"),
    "list entries, most recent first": ("список записей, сначала новые", "список записів, спершу нові"),
    "show one entry": ("показать одну запись", "показати один запис"),
    "include every revision": ("включить все версии", "включити всі версії"),
    "full-text search (words are ANDed; word* for prefixes)": (
        "полнотекстовый поиск (нужны все слова; слово* — поиск по началу слова)",
        "повнотекстовий пошук (потрібні всі слова; слово* — пошук за початком слова)"),
    "order by relevance instead of newest first": (
        "сортировать по релевантности, а не по дате", "сортувати за релевантністю, а не за датою"),
    "only these kinds of record (repeatable; default: all)": (
        "только эти виды записей (можно повторять; по умолчанию: все)",
        "лише ці види записів (можна повторювати; типово: усі)"),
    "move an entry to the trash": ("переместить запись в корзину", "перемістити запис до кошика"),
    "list entries in the trash": ("список записей в корзине", "список записів у кошику"),
    "restore an entry from the trash, or a backup file into the journal folder": (
        "восстановить запись из корзины или резервную копию в папку журнала",
        "відновити запис із кошика або резервну копію в теку журналу"),
    "with a backup file: replace an existing journal in the folder": (
        "для резервной копии: заменить журнал, уже существующий в папке",
        "для резервної копії: замінити журнал, що вже є в теці"),
    "delete the entries in the trash for good": ("окончательно удалить записи из корзины", "остаточно видалити записи з кошика"),
    "list categories, or add one": ("список категорий или добавить новую", "список категорій або додати нову"),

    # --- journal/cli/people_commands.py ------------------------------------------------------------------
    "the name you use for them": ("имя, под которым вы знаете человека", "ім'я, під яким ви знаєте людину"),
    "another name (repeatable)": ("другое имя (можно повторять)", "інше ім'я (можна повторювати)"),
    "another name (repeatable; replaces all)": ("другое имя (можно повторять; заменяет все)", "інше ім'я (можна повторювати; замінює всі)"),
    "repeatable: {roles}": ("можно повторять: {roles}", "можна повторювати: {roles}"),
    "repeatable; replaces all: {roles}": ("можно повторять; заменяет все: {roles}", "можна повторювати; замінює всі: {roles}"),
    "repeatable; replaces all": ("можно повторять; заменяет все", "можна повторювати; замінює всі"),
    "signal:, telegram:, whatsapp: or email: (repeatable)": (
        "signal:, telegram:, whatsapp: или email: (можно повторять)", "signal:, telegram:, whatsapp: або email: (можна повторювати)"),
    "signal:, telegram:, whatsapp: or email: (repeatable; replaces all)": (
        "signal:, telegram:, whatsapp: или email: (можно повторять; заменяет все)",
        "signal:, telegram:, whatsapp: або email: (можна повторювати; замінює всі)"),
    "this person's details never leave this laptop": (
        "данные этого человека никогда не покидают этот компьютер", "дані цієї людини ніколи не залишають цей комп'ютер"),
    "empty a field (repeatable): aliases, roles, phones, handles, org, notes": (
        "очистить поле (можно повторять): aliases, roles, phones, handles, org, notes",
        "очистити поле (можна повторювати): aliases, roles, phones, handles, org, notes"),
    "people: detainees, relatives, lawyers, witnesses…": (
        "люди: задержанные, родственники, адвокаты, свидетели…", "люди: затримані, родичі, адвокати, свідки…"),
    "add a person; prints their id": ("добавить человека; выводит его id", "додати людину; виводить її id"),
    "list people by name": ("список людей по имени", "список людей за ім'ям"),
    "full-text search in names, aliases, numbers, notes": (
        "полнотекстовый поиск по именам, другим именам, номерам, заметкам",
        "повнотекстовий пошук за іменами, іншими іменами, номерами, нотатками"),
    "show a person with their entries and contact log": (
        "показать человека с его записями и журналом контактов", "показати людину з її записами та журналом контактів"),
    "change a person (a new revision is kept)": ("изменить данные человека (сохраняется новая версия)", "змінити дані людини (зберігається нова версія)"),
    "delete a person for good (their log records stay)": (
        "окончательно удалить человека (записи журнала контактов остаются)",
        "остаточно видалити людину (записи журналу контактів залишаються)"),
    "confirm": ("подтвердить", "підтвердити"),
    "merge two records of the same person": ("объединить две карточки одного человека", "об'єднати дві картки однієї людини"),
    "link a person to an entry with their role in it": (
        "связать человека с записью и указать его роль в ней", "пов'язати людину із записом і вказати її роль у ньому"),
    "remove a person's link to an entry": ("убрать связь человека с записью", "прибрати зв'язок людини із записом"),
    "only this role (default: all)": ("только эта роль (по умолчанию: все)", "лише ця роль (типово: усі)"),
    "contact log: calls, messages, meetings and follow-ups": (
        "журнал контактов: звонки, сообщения, встречи и напоминания", "журнал контактів: дзвінки, повідомлення, зустрічі й нагадування"),
    "record a call, message or meeting; prints its id": (
        "записать звонок, сообщение или встречу; выводит id записи", "записати дзвінок, повідомлення або зустріч; виводить id запису"),
    "e.g. 2024-03-05T14:10+03:00 (default: now)": ("например 2024-03-05T14:10+03:00 (по умолчанию: сейчас)", "наприклад 2024-03-05T14:10+03:00 (типово: зараз)"),
    "an entry it concerns (repeatable)": ("запись, к которой это относится (можно повторять)", "запис, якого це стосується (можна повторювати)"),
    "follow-up due date, YYYY-MM-DD": ("срок напоминания, ГГГГ-ММ-ДД", "термін нагадування, РРРР-ММ-ДД"),
    "contact log, newest first": ("журнал контактов, сначала новые", "журнал контактів, спершу нові"),
    "only open follow-ups due today or earlier": (
        "только невыполненные напоминания со сроком сегодня или раньше", "лише невиконані нагадування з терміном сьогодні або раніше"),
    "show one contact-log record": ("показать одну запись журнала контактов", "показати один запис журналу контактів"),
    "mark a follow-up as done": ("отметить напоминание выполненным", "позначити нагадування виконаним"),
    "reopen it instead": ("вместо этого открыть его снова", "натомість відкрити його знову"),
    "delete a contact-log record for good": ("окончательно удалить запись журнала контактов", "остаточно видалити запис журналу контактів"),
    "follow-up {due}": ("напоминание {due}", "нагадування {due}"),

    # --- journal/cli/attachment_commands.py --------------------------------------------------------------
    "attach files to an entry (stored encrypted); prints attachment ids": (
        "прикрепить файлы к записи (хранятся зашифрованными); выводит id вложений",
        "прикріпити файли до запису (зберігаються зашифрованими); виводить id вкладень"),
    "overwrite and delete each file after it is stored (see the warning it prints)": (
        "перезаписать и удалить каждый файл после сохранения (см. выводимое предупреждение)",
        "перезаписати й видалити кожен файл після збереження (див. попередження, яке буде виведено)"),
    "fill the entry's empty time and coordinates from the photos": (
        "заполнить пустые время и координаты записи по фотографиям", "заповнити порожні час і координати запису за фотографіями"),
    "list an entry's attachments with hashes and photo metadata": (
        "список вложений записи с хешами и метаданными фотографий", "список вкладень запису з хешами й метаданими фотографій"),
    "include attachments in the trash": ("включить вложения из корзины", "включити вкладення з кошика"),
    "save a copy of an attachment outside the journal (plaintext)": (
        "сохранить копию вложения вне журнала (без шифрования)", "зберегти копію вкладення поза журналом (без шифрування)"),
    "a file name, or an existing folder": ("имя файла или существующая папка", "ім'я файлу або наявна тека"),
    "remove location, camera serial numbers, names and dates from photos": (
        "удалить из фотографий местоположение, серийные номера камер, имена и даты",
        "видалити з фотографій місцезнаходження, серійні номери камер, імена й дати"),
    "with --strip-metadata: save a damaged file (photo, video, recording, document) unchanged when it cannot be cleaned": (
        "с --strip-metadata: сохранить повреждённый файл (фото, видео, запись, документ) без изменений, если его не удаётся очистить",
        "з --strip-metadata: зберегти пошкоджений файл (фото, відео, запис, документ) без змін, якщо його не вдається очистити"),
    "move an attachment to the trash": ("переместить вложение в корзину", "перемістити вкладення до кошика"),
    "show (or --apply) the time and place an entry's photos suggest": (
        "показать (или применить с --apply) время и место, которые подсказывают фотографии записи",
        "показати (або застосувати з --apply) час і місце, які підказують фотографії запису"),
    "re-read every attachment and check its SHA-256 (slow)": (
        "перечитать каждое вложение и проверить его SHA-256 (медленно)", "перечитати кожне вкладення й перевірити його SHA-256 (повільно)"),

    # --- journal/cli/bundle_commands.py ------------------------------------------------------------------
    "print this journal's contact card and fingerprint": (
        "вывести карточку этого журнала и отпечаток", "вивести картку цього журналу й відбиток"),
    "also save the card as a QR code image": ("также сохранить карточку как изображение QR-кода", "також зберегти картку як зображення QR-коду"),
    "coordinators you send bundles to": ("координаторы, которым вы отправляете пакеты", "координатори, яким ви надсилаєте пакети"),
    "add a coordinator from their card (text or .ijcard file)": (
        "добавить координатора по его карточке (текст или файл .ijcard)", "додати координатора за його карткою (текст або файл .ijcard)"),
    "you compared the fingerprint with them": ("вы сверили с ним отпечаток", "ви звірили з ним відбиток"),
    "call them something else than the card says": ("называть его иначе, чем в карточке", "називати його інакше, ніж у картці"),
    "list coordinators": ("список координаторов", "список координаторів"),
    "include removed ones": ("включая удалённых", "включно з видаленими"),
    "stop sending to a coordinator": ("перестать отправлять координатору", "припинити надсилати координаторові"),
    "record that you compared the fingerprint with them": (
        "отметить, что вы сверили с ним отпечаток", "позначити, що ви звірили з ним відбиток"),
    "change the name you use for a coordinator": ("изменить имя, под которым вы знаете координатора", "змінити ім'я, під яким ви знаєте координатора"),
    "this journal's keys": ("ключи этого журнала", "ключі цього журналу"),
    "write the secret age key for `age -d -i FILE`": (
        "записать секретный ключ age для `age -d -i ФАЙЛ`", "записати секретний ключ age для `age -d -i ФАЙЛ`"),
    "set the name shown on your card and bundles": (
        "задать имя, показываемое в вашей карточке и пакетах", "задати ім'я, що показується у вашій картці та пакетах"),
    "write an encrypted bundle for one or more coordinators": (
        "записать зашифрованный пакет для одного или нескольких координаторов",
        "записати зашифрований пакет для одного або кількох координаторів"),
    "coordinator id or name": ("id или имя координатора", "id або ім'я координатора"),
    "these entries": ("эти записи", "ці записи"),
    "everything new or changed since the last bundle to these coordinators": (
        "всё новое или изменённое с последнего пакета этим координаторам",
        "усе нове або змінене від останнього пакета цим координаторам"),
    "all of this journal's own entries": ("все собственные записи этого журнала", "усі власні записи цього журналу"),
    "send files whose hidden data cannot be removed (unknown type, damaged) as they are, with a warning, instead of refusing": (
        "отправить файлы, скрытые данные которых удалить нельзя (неизвестный тип, повреждённые), как есть, с предупреждением, вместо отказа",
        "надіслати файли, приховані дані яких не можна видалити (невідомий тип, пошкоджені), як є, з попередженням, замість відмови"),
    "do NOT remove GPS position, camera serial and times from photos": (
        "НЕ удалять из фотографий GPS-координаты, серийный номер камеры и время",
        "НЕ видаляти з фотографій GPS-координати, серійний номер камери й час"),
    "leave out phone numbers and handles": ("не включать номера телефонов и мессенджеры", "не включати номери телефонів і месенджери"),
    "leave out the contact log": ("не включать журнал контактов", "не включати журнал контактів"),
    "leave out attachments over N MB": ("не включать вложения больше N МБ", "не включати вкладення понад N МБ"),
    "the bundle file to write (.ijbundle)": ("файл пакета для записи (.ijbundle)", "файл пакета для запису (.ijbundle)"),
    "write the bundle into the outbox, to send to the coordinators' drop folders": (
        "записать пакет в очередь отправки, чтобы отправить в папки приёма координаторов",
        "записати пакет до черги надсилання, щоб надіслати в теки приймання координаторів"),
    "bundles written by this journal": ("пакеты, записанные этим журналом", "пакети, записані цим журналом"),

    # --- journal/cli/import_commands.py ------------------------------------------------------------------
    "import bundles received from documenters": ("импортировать пакеты, полученные от документаторов", "імпортувати пакети, отримані від документаторів"),
    "bundle files or folders of .ijbundle files": ("файлы пакетов или папки с файлами .ijbundle", "файли пакетів або теки з файлами .ijbundle"),
    "accept bundles signed by keys never seen before (compare fingerprints first!)": (
        "принимать пакеты, подписанные ещё не встречавшимися ключами (сначала сверьте отпечатки!)",
        "приймати пакети, підписані ще не баченими ключами (спершу звірте відбитки!)"),
    "documenters whose bundles this journal received": (
        "документаторы, чьи пакеты получил этот журнал", "документатори, чиї пакети отримав цей журнал"),
    "verify, block, trust again or rename a sender": (
        "подтвердить, заблокировать, снова доверять или переименовать отправителя",
        "підтвердити, заблокувати, знову довіряти або перейменувати відправника"),
    "record that you compared their fingerprint": ("отметить, что вы сверили его отпечаток", "позначити, що ви звірили його відбиток"),
    "refuse their bundles from now on": ("отныне отклонять его пакеты", "відтепер відхиляти його пакети"),
    "accept a blocked sender's bundles again": (
        "снова принимать пакеты заблокированного отправителя", "знову приймати пакети заблокованого відправника"),
    "change the name you use for a sender": ("изменить имя, под которым вы знаете отправителя", "змінити ім'я, під яким ви знаєте відправника"),
    "your review of a received entry: status, notes, tags": (
        "ваша проверка полученной записи: статус, заметки, метки", "ваша перевірка отриманого запису: статус, нотатки, мітки"),

    # --- journal/cli/report_commands.py ------------------------------------------------------------------
    "only entries received from this sender (name, id or fingerprint)": (
        "только записи, полученные от этого отправителя (имя, id или отпечаток)",
        "лише записи, отримані від цього відправника (ім'я, id або відбиток)"),
    "only entries received in bundles": ("только записи, полученные в пакетах", "лише записи, отримані в пакетах"),
    "only this journal's own entries": ("только собственные записи этого журнала", "лише власні записи цього журналу"),
    "only these entries (repeatable)": ("только эти записи (можно повторять)", "лише ці записи (можна повторювати)"),
    "export entries as CSV, JSON or PDF (the file is NOT encrypted)": (
        "выгрузить записи в CSV, JSON или PDF (файл НЕ зашифрован)", "вивантажити записи в CSV, JSON або PDF (файл НЕ зашифровано)"),
    "leave out phone numbers and messenger handles (the default)": (
        "не включать номера телефонов и мессенджеры (по умолчанию)", "не включати номери телефонів і месенджери (типово)"),
    "include phone numbers and messenger handles in the report": (
        "включить в отчёт номера телефонов и мессенджеры", "включити до звіту номери телефонів і месенджери"),
    "CSV: start with a UTF-8 byte order mark (Excel)": (
        "CSV: начать с метки порядка байтов UTF-8 (для Excel)", "CSV: почати з мітки порядку байтів UTF-8 (для Excel)"),
    "PDF page size": ("размер страницы PDF", "розмір сторінки PDF"),
    "PDF: leave out photo thumbnails": ("PDF: без миниатюр фотографий", "PDF: без мініатюр фотографій"),
    "PDF: report title": ("PDF: заголовок отчёта", "PDF: заголовок звіту"),
    "count entries by category, day, week, place or a form field": (
        "посчитать записи по категории, дню, неделе, месту или полю формы",
        "порахувати записи за категорією, днем, тижнем, місцем або полем форми"),
    ("category, day, week, month, place, status, sender, a form field key or form.field; "
     "comma-separated for a cross table (e.g. place,day)"): (
        ("category, day, week, month, place, status, sender, ключ поля формы или форма.поле; "
         "через запятую для перекрёстной таблицы (например place,day)"),
        ("category, day, week, month, place, status, sender, ключ поля форми або форма.поле; "
         "через кому для перехресної таблиці (наприклад place,day)")),
    "list incident forms, or show one (--json for the definition)": (
        "список форм инцидентов или показать одну (--json — её определение)",
        "список форм інцидентів або показати одну (--json — її визначення)"),
    "add a field to a form (a new version; old entries keep theirs)": (
        "добавить поле в форму (новая версия; старые записи сохраняют свою)",
        "додати поле до форми (нова версія; старі записи зберігають свою)"),
    "field key (default: made from the label)": ("ключ поля (по умолчанию: из названия)", "ключ поля (типово: з назви)"),
    "a choice (repeatable)": ("вариант выбора (можно повторять)", "варіант вибору (можна повторювати)"),
    "set an entry's form values: form-set ID FORM field=value ...": (
        "задать значения формы для записи: form-set ID форма поле=значение ...",
        "задати значення форми для запису: form-set ID форма поле=значення ..."),
    "lists (people, multiple choice) as JSON, e.g. 'documents_filed=[\"appeal\"]'": (
        "списки (люди, множественный выбор) в JSON, например 'documents_filed=[\"appeal\"]'",
        "списки (люди, множинний вибір) у JSON, наприклад 'documents_filed=[\"appeal\"]'"),
    "count": ("количество", "кількість"),
    "any": ("любая", "будь-яка"),
    " (received)": (" (получена)", " (отримана)"),

    # --- journal/cli/transport_commands.py ---------------------------------------------------------------
    "upload bundles to coordinators' drop folders": ("загрузить пакеты в папки приёма координаторов", "завантажити пакети в теки приймання координаторів"),
    "a bundle file to queue and send": ("файл пакета, который нужно поставить в очередь и отправить", "файл пакета, який треба поставити в чергу й надіслати"),
    "send everything waiting in the outbox": ("отправить всё, что ждёт в очереди отправки", "надіслати все, що чекає в черзі надсилання"),
    "coordinator(s): required with BUNDLE_FILE; with --outbox, only theirs": (
        "координатор(ы): обязательно с ФАЙЛ_ПАКЕТА; с --outbox — только их пакеты",
        "координатор(и): обов'язково з ФАЙЛ_ПАКЕТА; з --outbox — лише їхні пакети"),
    "use this proxy for this send (e.g. socks5h://127.0.0.1:9050)": (
        "использовать этот прокси для этой отправки (например socks5h://127.0.0.1:9050)",
        "використати цей проксі для цього надсилання (наприклад socks5h://127.0.0.1:9050)"),
    "bundles waiting to be sent, and the sent list": ("пакеты, ожидающие отправки, и список отправленных", "пакети, що чекають надсилання, і список надісланих"),
    "take an item out of the outbox": ("убрать элемент из очереди отправки", "прибрати елемент із черги надсилання"),
    "folders a coordinator fetches bundles from": ("папки, из которых координатор забирает пакеты", "теки, з яких координатор забирає пакети"),
    "add a WebDAV folder to fetch from": ("добавить папку WebDAV для загрузки пакетов", "додати теку WebDAV для завантаження пакетів"),
    "list inbox folders": ("список папок входящих", "список тек вхідних"),
    "forget an inbox folder": ("забыть папку входящих", "забути теку вхідних"),
    "download and import new bundles from the inbox folders": (
        "скачать и импортировать новые пакеты из папок входящих", "завантажити й імпортувати нові пакети з тек вхідних"),
    "delete imported bundles from the server": ("удалить импортированные пакеты с сервера", "видалити імпортовані пакети з сервера"),
    "use this proxy for this fetch": ("использовать этот прокси для этой загрузки", "використати цей проксі для цього завантаження"),
    "show or change the network settings (stored encrypted)": (
        "показать или изменить сетевые настройки (хранятся зашифрованными)",
        "показати або змінити мережеві налаштування (зберігаються зашифрованими)"),
    "SOCKS5 proxy for everything, e.g. socks5h://127.0.0.1:9050 (Tor)": (
        "прокси SOCKS5 для всех соединений, например socks5h://127.0.0.1:9050 (Tor)",
        "проксі SOCKS5 для всіх з'єднань, наприклад socks5h://127.0.0.1:9050 (Tor)"),
    "connect directly": ("подключаться напрямую", "під'єднуватися напряму"),
    "the drop folder (Nextcloud file-drop link or WebDAV URL)": (
        "папка приёма (ссылка Nextcloud file drop или адрес WebDAV)", "тека приймання (посилання Nextcloud file drop або адреса WebDAV)"),
    "forget a coordinator's drop folder": ("забыть папку приёма координатора", "забути теку приймання координатора"),
    "check the drop folder (connects; writes nothing)": (
        "проверить папку приёма (подключается, ничего не записывает)", "перевірити теку приймання (під'єднується, нічого не записує)"),
    "user name (not needed for a Nextcloud share link)": (
        "имя пользователя (не нужно для ссылки Nextcloud)", "ім'я користувача (не потрібне для посилання Nextcloud)"),
    "read the password (or share password) from F": (
        "прочитать пароль (или пароль ссылки) из файла F", "прочитати пароль (або пароль посилання) з файлу F"),
    "require this server certificate (SHA-256 of its DER form)": (
        "требовать этот сертификат сервера (SHA-256 его DER-формы)", "вимагати цей сертифікат сервера (SHA-256 його DER-форми)"),
    "sent {sent_at}": ("отправлен {sent_at}", "надіслано {sent_at}"),
    "queued": ("в очереди", "у черзі"),
    "queued, {attempts} attempt(s): {last_error}": ("в очереди, попыток: {attempts}: {last_error}", "у черзі, спроб: {attempts}: {last_error}"),
    "{id:>4}  {created_at}  to {coordinator_name}  {file_size} bytes  {status}": (
        "{id:>4}  {created_at}  для {coordinator_name}  {file_size} байт  {status}",
        "{id:>4}  {created_at}  для {coordinator_name}  {file_size} байт  {status}"),
    "Nextcloud file drop": ("приём файлов Nextcloud", "приймання файлів Nextcloud"),
    "WebDAV folder": ("папка WebDAV", "тека WebDAV"),
    " as {user_name}": (" как {user_name}", " як {user_name}"),
    "never": ("никогда", "ніколи"),
    " from {sender}": (" от {sender}", " від {sender}"),
    "none (direct connection)": ("нет (прямое подключение)", "немає (пряме з'єднання)"),

    # --- coordinator and sender lines ------------------------------------------------------------------------
    "NOT verified": ("НЕ проверен", "НЕ перевірено"),
    ", removed": (", удалён", ", видалено"),
    ", BLOCKED": (", ЗАБЛОКИРОВАН", ", ЗАБЛОКОВАНО"),
    "{bundles} bundles, {entries} entries, last {last}": (
        "пакетов: {bundles}, записей: {entries}, последний: {last}", "пакетів: {bundles}, записів: {entries}, останній: {last}"),

    # --- stored words shown by the CLI (journal/records/display_labels.py) ---------------------------------------------
    "draft": ("черновик", "чернетка"),
    "final": ("готово", "готово"),
    "witnessed": ("видел(а) сам(а)", "бачив(ла) сам(а)"),
    "reported": ("со слов", "зі слів"),
    "media": ("СМИ", "ЗМІ"),
    "detainee": ("задержанный", "затриманий"),
    "relative": ("родственник", "родич"),
    "lawyer": ("адвокат", "адвокат"),
    "witness": ("свидетель", "свідок"),
    "journalist": ("журналист", "журналіст"),
    "official": ("должностное лицо", "посадова особа"),
    "officer": ("сотрудник полиции/военкомата", "співробітник поліції/ТЦК"),
    "other": ("другое", "інше"),
    "detained": ("задержан(а)", "затриманий(а)"),
    "officer involved": ("причастный сотрудник", "причетний співробітник"),
    "victim": ("пострадавший", "потерпілий"),
    "call": ("звонок", "дзвінок"),
    "SMS": ("SMS", "SMS"),
    "Signal": ("Signal", "Signal"),
    "Telegram": ("Telegram", "Telegram"),
    "WhatsApp": ("WhatsApp", "WhatsApp"),
    "email": ("эл. почта", "ел. пошта"),
    "in person": ("лично", "особисто"),
    "incoming": ("входящий", "вхідний"),
    "outgoing": ("исходящий", "вихідний"),
    "meeting": ("встреча", "зустріч"),
    "open": ("ожидает", "очікує"),
    "done": ("выполнено", "виконано"),
    "none": ("нет", "немає"),
    "new": ("новая", "новий"),
    "reviewed": ("просмотрено", "переглянуто"),
    "needs follow-up": ("нужно уточнить", "треба уточнити"),
    "verified": ("проверено", "перевірено"),
    "disputed": ("под сомнением", "під сумнівом"),
    "duplicate": ("уже импортирован", "уже імпортовано"),
    "rejected": ("отклонён", "відхилено"),
    "skipped": ("пропущен", "пропущено"),
    "failed": ("ошибка", "помилка"),
    "entry": ("запись", "запис"),
    "person": ("человек", "особа"),
    "log": ("контакт", "контакт"),
    # built-in category labels, as stored by journal/migrations/m001_entries.py
    "Detention": ("Задержание", "Затримання"),
    "Police violence": ("Полицейское насилие", "Поліцейське насильство"),
    "Search": ("Обыск", "Обшук"),
    "Court hearing": ("Судебное заседание", "Судове засідання"),
    "Mobilization/draft": ("Мобилизация/призыв", "Мобілізація/призов"),
    "Border": ("Граница", "Кордон"),
    "Threat or harassment": ("Угрозы и давление", "Погрози й тиск"),
    "Conscientious objection": ("Отказ по убеждениям", "Відмова за переконаннями"),
    "Other": ("Другое", "Інше"),
    # the built-in forms' labels and choices, and yes/no/(none) (journal.forms.display_value, reports.NO_VALUE)
    **_builtin_forms(),
    ' and ': (' и ', ' і '),
    'Entry updated from the photo: {details}': ('Запись дополнена по фотографии: {details}', 'Запис доповнено за фотографією: {details}'),
    'Removed: {items}': ('Удалено: {items}', 'Видалено: {items}'),
    'Saved the original, unencrypted, with all its metadata (--strip-metadata removes it).': (
        'Сохранён оригинал, без шифрования и со всеми метаданными (--strip-metadata их удаляет).',
        'Збережено оригінал, без шифрування і з усіма метаданими (--strip-metadata їх видаляє).'),
    'The photos suggest {details} for this entry; `journal photo-details {short_id} --apply` uses them.': (
        'Фотографии подсказывают для этой записи: {details}; `journal photo-details {short_id} --apply` применит это.',
        'Фотографії підказують для цього запису: {details}; `journal photo-details {short_id} --apply` застосує це.'),
    'Warning: {warning}': ('Предупреждение: {warning}', 'Попередження: {warning}'),
    'camera {camera}': ('камера {camera}', 'камера {camera}'),
    'position {latitude}, {longitude}': ('место {latitude}, {longitude}', 'місце {latitude}, {longitude}'),
    'taken {time}': ('снято {time}', 'знято {time}'),
    'time {time}': ('время {time}', 'час {time}'),
    'time {time} (camera clock, no time zone)': ('время {time} (часы камеры, без часового пояса)',
                                                 'час {time} (годинник камери, без часового поясу)'),
}
