"""Translations for the key change and the PRIMARY-selection work (issue 19): source -> (Russian, Ukrainian).

Keys may be (context, source). Read by tools/update_translations.py with the other catalogue_*.py.
"""

TRANSLATIONS = {
    # ui/safety/passphrase_dialog.py: ChangePassphraseDialog
    ("ChangePassphraseDialog", "&New passphrase:"): ("&Новая парольная фраза:", "&Нова парольна фраза:"),
    ("ChangePassphraseDialog", "&Repeat it:"): ("&Повторите её:", "&Повторіть її:"),
    ("ChangePassphraseDialog", "<p>Without this, only the passphrase changes: an old copy of the key file (a backup, or one recovered from the disk) still opens the journal with the old passphrase.</p><p>With it, the journal gets a new key, every attached file is encrypted again under a new key, and you get a new recovery code: the old passphrase, the old recovery code and old copies of the key file open nothing current. It takes a while with many attachments. Backups made before are not changed: they still open with the old passphrase.</p>"): (
        "<p>Без этого меняется только парольная фраза: старая копия файла ключа (резервная копия или копия, восстановленная с диска) по-прежнему открывает журнал старой парольной фразой.</p><p>С этим журнал получает новый ключ, каждый прикреплённый файл заново шифруется новым ключом, и вы получаете новый код восстановления: старая парольная фраза, старый код восстановления и старые копии файла ключа не открывают ничего из текущего. С большим числом вложений это занимает время. Сделанные раньше резервные копии не меняются: они по-прежнему открываются старой парольной фразой.</p>",
        "<p>Без цього змінюється лише парольна фраза: стара копія файлу ключа (резервна копія або копія, відновлена з диска) і далі відкриває журнал старою парольною фразою.</p><p>З цим журнал отримує новий ключ, кожен прикріплений файл наново шифрується новим ключем, і ви отримуєте новий код відновлення: стара парольна фраза, старий код відновлення та старі копії файлу ключа не відкривають нічого з поточного. З великою кількістю вкладень це триває якийсь час. Зроблені раніше резервні копії не змінюються: вони й далі відкриваються старою парольною фразою.</p>"),
    ("ChangePassphraseDialog", "Change passphrase"): ("Сменить парольную фразу", "Змінити парольну фразу"),
    ("ChangePassphraseDialog", "Change the &key too (after a passphrase was given up)"): (
        "Сменить и &ключ (если парольную фразу пришлось выдать)",
        "Змінити й &ключ (якщо парольну фразу довелося видати)"),
    ("ChangePassphraseDialog", "Change the key too"): ("Сменить и ключ", "Змінити й ключ"),
    ("ChangePassphraseDialog", "Choose a passphrase of at least {n} characters."): (
        "Выберите парольную фразу длиной не меньше {n} символов.",
        "Виберіть парольну фразу довжиною щонайменше {n} символів."),
    ("ChangePassphraseDialog", "New passphrase"): ("Новая парольная фраза", "Нова парольна фраза"),
    ("ChangePassphraseDialog", "Repeat the new passphrase"): ("Повторите новую парольную фразу", "Повторіть нову парольну фразу"),
    ("ChangePassphraseDialog", "The two passphrases differ."): ("Две парольные фразы не совпадают.", "Дві парольні фрази не збігаються."),
    # ui/safety/controller.py: FieldSafety
    ("FieldSafety", "A key change was interrupted and has now been completed: the new passphrase is in force. Its recovery code may never have been shown: change the key again (Journal → Change passphrase…) to get one."): (
        "Смена ключа была прервана и теперь завершена: действует новая парольная фраза. Её код восстановления мог так и не быть показан: смените ключ ещё раз (Журнал → Сменить парольную фразу…), чтобы получить его.",
        "Зміну ключа було перервано, і тепер її завершено: діє нова парольна фраза. Її код відновлення міг так і не бути показаний: змініть ключ ще раз (Журнал → Змінити парольну фразу…), щоб отримати його."),
    ("FieldSafety", "A key change was interrupted before it took effect and has been undone: the old passphrase is still in force. Change the key again (Journal → Change passphrase…)."): (
        "Смена ключа была прервана до того, как вступила в силу, и отменена: по-прежнему действует старая парольная фраза. Смените ключ ещё раз (Журнал → Сменить парольную фразу…).",
        "Зміну ключа було перервано до того, як вона набрала чинності, і скасовано: і далі діє стара парольна фраза. Змініть ключ ще раз (Журнал → Змінити парольну фразу…)."),
    ("FieldSafety", "A new passphrase; optionally new keys too, after a passphrase was given up"): (
        "Новая парольная фраза; при желании и новые ключи, если парольную фразу пришлось выдать",
        "Нова парольна фраза; за бажанням і нові ключі, якщо парольну фразу довелося видати"),
    ("FieldSafety", "Change &passphrase…"): ("Сменить &парольную фразу…", "Змінити &парольну фразу…"),
    ("FieldSafety", "Encrypting every attachment again under new keys…"): (
        "Все вложения заново шифруются новыми ключами…", "Усі вкладення наново шифруються новими ключами…"),
    ("FieldSafety", "Passphrase changed."): ("Парольная фраза изменена.", "Парольну фразу змінено."),
    ("FieldSafety", "The key change was cancelled. Nothing was changed."): (
        "Смена ключа отменена. Ничего не изменено.", "Зміну ключа скасовано. Нічого не змінено."),
    # ui/safety/passphrase_dialog.py: NewRecoveryCodeDialog
    ("NewRecoveryCodeDialog", "Backups made before now are not changed: they still open with the old passphrase and the old recovery code. Destroy them if they could be found, and make a new backup. The journal is locked now: unlock it with the new passphrase."): (
        "Сделанные раньше резервные копии не меняются: они по-прежнему открываются старой парольной фразой и старым кодом восстановления. Уничтожьте их, если их могут найти, и сделайте новую резервную копию. Сейчас журнал заблокирован: откройте его новой парольной фразой.",
        "Зроблені раніше резервні копії не змінюються: вони й далі відкриваються старою парольною фразою і старим кодом відновлення. Знищте їх, якщо їх можуть знайти, і зробіть нову резервну копію. Зараз журнал заблоковано: відкрийте його новою парольною фразою."),
    ("NewRecoveryCodeDialog", "New recovery code"): ("Новый код восстановления", "Новий код відновлення"),
    ("NewRecoveryCodeDialog", "The passphrase and every key were changed. Your old recovery code no longer works; this is the new one. It is shown only this once: write it on paper and keep it apart from the laptop."): (
        "Парольная фраза и все ключи изменены. Старый код восстановления больше не действует; вот новый. Он показывается только один раз: запишите его на бумаге и храните отдельно от ноутбука.",
        "Парольну фразу і всі ключі змінено. Старий код відновлення більше не діє; ось новий. Його показано лише один раз: запишіть його на папері й зберігайте окремо від ноутбука."),
    ("NewRecoveryCodeDialog", "Write down your new recovery code"): ("Запишите новый код восстановления", "Запишіть новий код відновлення"),
}
