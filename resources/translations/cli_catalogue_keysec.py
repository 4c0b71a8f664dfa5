"""Core/CLI messages of the key change and the failed-unlock count (issue 19): source -> (Russian, Ukrainian).

Merged with the other cli_catalogue*.py by tools/update_translations.py into journal/locale/*/journal.{po,mo}.
"""

TRANSLATIONS = {
    # journal/storage/rotation.py
    "A key change is already in progress; lock and unlock the journal first.": (
        "Смена ключа уже идёт; сначала заблокируйте и снова откройте журнал.",
        "Зміна ключа вже триває; спершу заблокуйте й знову відкрийте журнал."),
    "The key file journal.keys records a key change that cannot be completed (it is damaged). Restore the journal from a backup.": (
        "Файл ключа journal.keys содержит смену ключа, которую невозможно завершить (он повреждён). Восстановите журнал из резервной копии.",
        "Файл ключа journal.keys містить зміну ключа, яку неможливо завершити (його пошкоджено). Відновіть журнал із резервної копії."),
    # journal/storage/attempts.py
    "Too many wrong passphrases in a row: the journal has been erased, as set in the safety settings.": (
        "Слишком много неверных парольных фраз подряд: журнал стёрт, как задано в настройках безопасности.",
        "Забагато неправильних парольних фраз поспіль: журнал стерто, як задано в налаштуваннях безпеки."),
    # journal/cli/vault_commands.py, journal/cli/context.py
    "change the key too, after a passphrase was given up: a new data key, new keys for every attachment file and a new recovery code (takes a while)": (
        "сменить и ключ, если парольную фразу пришлось выдать: новый ключ данных, новые ключи для каждого файла вложений и новый код восстановления (занимает время)",
        "змінити й ключ, якщо парольну фразу довелося видати: новий ключ даних, нові ключі для кожного файлу вкладень і новий код відновлення (триває якийсь час)"),
    "The passphrase and every key were changed: the old passphrase, the old recovery code and copies of the old key file no longer open this journal.": (
        "Парольная фраза и все ключи изменены: старая парольная фраза, старый код восстановления и копии старого файла ключа больше не открывают этот журнал.",
        "Парольну фразу і всі ключі змінено: стара парольна фраза, старий код відновлення та копії старого файлу ключа більше не відкривають цей журнал."),
    "New recovery code (shown only this once; write it on paper and keep it apart from the laptop):": (
        "Новый код восстановления (показывается только один раз; запишите его на бумаге и храните отдельно от ноутбука):",
        "Новий код відновлення (показано лише один раз; запишіть його на папері й зберігайте окремо від ноутбука):"),
    "Backups made before now are not changed: they still open with the old passphrase and the old recovery code. Destroy them if they could be found, and make a new backup.": (
        "Сделанные раньше резервные копии не меняются: они по-прежнему открываются старой парольной фразой и старым кодом восстановления. Уничтожьте их, если их могут найти, и сделайте новую резервную копию.",
        "Зроблені раніше резервні копії не змінюються: вони й далі відкриваються старою парольною фразою і старим кодом відновлення. Знищте їх, якщо їх можуть знайти, і зробіть нову резервну копію."),
    "Re-encrypting attachment files: {percent}%": (
        "Повторное шифрование файлов вложений: {percent}%", "Повторне шифрування файлів вкладень: {percent}%"),
    "Note: a key change was interrupted and has now been completed: the new passphrase is in force. Its recovery code may never have been shown; make a new one (`journal passwd --rotate` again).": (
        "Примечание: смена ключа была прервана и теперь завершена: действует новая парольная фраза. Её код восстановления мог так и не быть показан; получите новый (снова `journal passwd --rotate`).",
        "Примітка: зміну ключа було перервано, і тепер її завершено: діє нова парольна фраза. Її код відновлення міг так і не бути показаний; отримайте новий (знову `journal passwd --rotate`)."),
    "Note: a key change was interrupted before it took effect and has been undone: the old passphrase is still in force. Run `journal passwd --rotate` again.": (
        "Примечание: смена ключа была прервана до того, как вступила в силу, и отменена: по-прежнему действует старая парольная фраза. Снова запустите `journal passwd --rotate`.",
        "Примітка: зміну ключа було перервано до того, як вона набрала чинності, і скасовано: і далі діє стара парольна фраза. Знову запустіть `journal passwd --rotate`."),
}
