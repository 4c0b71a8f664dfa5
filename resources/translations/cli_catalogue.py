"""Core/CLI messages (journal/i18n.py `_()`), source -> (Russian, Ukrainian).

tools/update_translations.py writes journal/locale/<lang>/LC_MESSAGES/journal.po
and .mo from this dict. tests/test_translations.py checks that every `_("...")`
literal in journal/ has an entry here, with the same {placeholders}.
"""

TRANSLATIONS = {
    # journal/storage/vault.py
    "The folder {folder} does not exist.": ("Папка {folder} не существует.", "Теки {folder} не існує."),
    "There is no journal in {folder}.": ("В папке {folder} нет журнала.", "У теці {folder} немає журналу."),
    "{folder} has a key file but no database (journal.db). If you moved the journal, copy both files.": (
        "В {folder} есть файл ключа, но нет базы данных (journal.db). Если вы переносили журнал, скопируйте оба файла.",
        "У {folder} є файл ключа, але немає бази даних (journal.db). Якщо ви переносили журнал, скопіюйте обидва файли."),
    "A passphrase or a recovery code is needed.": ("Нужна парольная фраза или код восстановления.", "Потрібна парольна фраза або код відновлення."),
    "Choose a passphrase of at least {n} characters.": (
        "Выберите парольную фразу длиной не меньше {n} символов.",
        "Виберіть парольну фразу довжиною щонайменше {n} символів."),
    "There is already a journal in {folder}.": ("В папке {folder} уже есть журнал.", "У теці {folder} уже є журнал."),
    "The database is empty: it was never set up as a journal.": (
        "База данных пуста: она не была создана как журнал.", "База даних порожня: її не було створено як журнал."),
    "The journal is locked.": ("Журнал заблокирован.", "Журнал заблоковано."),
    # journal/storage/keyslots.py
    "A recovery code has 32 letters and digits (8 groups of 4). Check that you typed all of it.": (
        "Код восстановления состоит из 32 букв и цифр (8 групп по 4). Проверьте, что ввели его полностью.",
        "Код відновлення складається з 32 літер і цифр (8 груп по 4). Перевірте, що ввели його повністю."),
    "That is not a valid recovery code.": ("Это недействительный код восстановления.", "Це недійсний код відновлення."),
    "The key file journal.keys is missing. Without it the journal cannot be opened; restore it from a backup.": (
        "Файл ключа journal.keys отсутствует. Без него журнал не открыть; восстановите его из резервной копии.",
        "Файл ключа journal.keys відсутній. Без нього журнал не відкрити; відновіть його з резервної копії."),
    "The key file journal.keys cannot be read ({reason}).": (
        "Не удаётся прочитать файл ключа journal.keys ({reason}).", "Не вдається прочитати файл ключа journal.keys ({reason})."),
    "The key file has version {version}, which this version of the app does not know. Update the app.": (
        "Файл ключа имеет версию {version}, неизвестную этой версии приложения. Обновите приложение.",
        "Файл ключа має версію {version}, невідому цій версії застосунку. Оновіть застосунок."),
    "The key file journal.keys is damaged. Restore it from a backup; the journal cannot be opened without it.": (
        "Файл ключа journal.keys повреждён. Восстановите его из резервной копии: без него журнал не открыть.",
        "Файл ключа journal.keys пошкоджено. Відновіть його з резервної копії: без нього журнал не відкрити."),
    "Wrong passphrase. Check the keyboard layout and Caps Lock.": (
        "Неверная парольная фраза. Проверьте раскладку клавиатуры и Caps Lock.",
        "Хибна парольна фраза. Перевірте розкладку клавіатури й Caps Lock."),
    "That recovery code does not open this journal.": (
        "Этот код восстановления не подходит к этому журналу.", "Цей код відновлення не відкриває цей журнал."),
    # journal/cli/context.py
    "Passphrase: ": ("Парольная фраза: ", "Парольна фраза: "),
    "No terminal to ask for the passphrase. Use --passphrase-file FILE or set {variable} (less safe).": (
        "Нет терминала, чтобы запросить парольную фразу. Используйте --passphrase-file ФАЙЛ или задайте {variable} (менее безопасно).",
        "Немає термінала, щоб запитати парольну фразу. Використайте --passphrase-file ФАЙЛ або задайте {variable} (менш безпечно)."),
    "New passphrase: ": ("Новая парольная фраза: ", "Нова парольна фраза: "),
    "Repeat the new passphrase: ": ("Повторите новую парольную фразу: ", "Повторіть нову парольну фразу: "),
    "The two passphrases differ. Nothing was changed.": (
        "Парольные фразы не совпадают. Ничего не изменено.", "Парольні фрази не збігаються. Нічого не змінено."),
    # journal/cli/vault_commands.py
    "Created a journal in {folder}": ("Журнал создан в {folder}", "Журнал створено в {folder}"),
    "Recovery code (shown only this once; write it on paper and keep it apart from the laptop):": (
        "Код восстановления (показывается только сейчас; запишите его на бумаге и храните отдельно от ноутбука):",
        "Код відновлення (показано лише зараз; запишіть його на папері й зберігайте окремо від ноутбука):"),
    "It opens the journal if you forget the passphrase. Anyone holding it can too.": (
        "Он открывает журнал, если вы забудете парольную фразу. Им может воспользоваться и любой, у кого он окажется.",
        "Він відкриває журнал, якщо ви забудете парольну фразу. Ним може скористатися й будь-хто, у кого він опиниться."),
    "Passphrase changed.": ("Парольная фраза изменена.", "Парольну фразу змінено."),
    "Recovery code: ": ("Код восстановления: ", "Код відновлення: "),
    "The recovery code was accepted and the new passphrase is set.": (
        "Код восстановления принят, новая парольная фраза установлена.",
        "Код відновлення прийнято, нову парольну фразу встановлено."),
    # issue 17: the command line in a hurry (journal/records/ids.py, journal/cli/__init__.py, context.py)
    "More than one record has an id starting with “{prefix}”. Type more of the id.": (
        "Несколько записей имеют идентификатор, начинающийся с «{prefix}». Введите больше символов идентификатора.",
        "Кілька записів мають ідентифікатор, що починається з «{prefix}». Введіть більше символів ідентифікатора."),
    "No passphrase was typed (end of input). Nothing was changed.": (
        "Парольная фраза не введена (конец ввода). Ничего не изменено.",
        "Парольну фразу не введено (кінець введення). Нічого не змінено."),
    "To start a new journal there: journal init --data-dir {folder}": (
        "Чтобы создать там новый журнал: journal init --data-dir {folder}",
        "Щоб створити там новий журнал: journal init --data-dir {folder}"),
    "journal: bundles from a sender you have not imported from before are refused. Compare the fingerprint with the sender (by phone or in person), then run the same command with --trust-new.": (
        "journal: пакеты от отправителя, от которого вы ещё ничего не импортировали, отклоняются. Сверьте отпечаток с отправителем (по телефону или лично), затем повторите ту же команду с --trust-new.",
        "journal: пакети від відправника, від якого ви ще нічого не імпортували, відхиляються. Звірте відбиток з відправником (телефоном або особисто), потім повторіть ту саму команду з --trust-new."),
}
