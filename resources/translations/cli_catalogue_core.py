"""Core/CLI messages of journal/ beyond vault and key slots: source -> (Russian, Ukrainian).

Merged with cli_catalogue.py by tools/update_translations.py into journal/locale/*/journal.{po,mo}.
Placeholders ({name}) must stay exactly as in the source; tests/test_core_translations.py checks.
"""

TRANSLATIONS = {
    # journal/records/attachments.py
    'The original file changed while it was being attached, so it was not deleted.': (
        'Исходный файл изменился во время прикрепления, поэтому он не удалён.',
        'Вихідний файл змінився під час прикріплення, тому його не видалено.'),
    'The original file was already gone; nothing was deleted.': (
        'Исходного файла уже нет; ничего не удалено.', 'Вихідного файлу вже немає; нічого не видалено.'),
    'This entry is in the trash. Restore it before attaching files.': (
        'Эта запись в корзине. Восстановите её, прежде чем прикреплять файлы.',
        'Цей запис у кошику. Відновіть його, перш ніж прикріплювати файли.'),
    'No such attachment.': ('Такого вложения нет.', 'Такого вкладення немає.'),
    'That attachment is not in the trash.': ('Это вложение не в корзине.', 'Це вкладення не в кошику.'),
    "Part of this attachment's data is missing from the database. Run `journal verify` and restore the journal from a backup.": (
        'Часть данных этого вложения отсутствует в базе данных. Запустите `journal verify` и восстановите журнал из резервной копии.',
        'Частина даних цього вкладення відсутня в базі даних. Запустіть `journal verify` і відновіть журнал із резервної копії.'),
    '{path} is not a file that can be attached.': (
        '{path} — не файл, который можно прикрепить.', '{path} — не файл, який можна прикріпити.'),
    'The file could not be stored: the disk holding the journal is full. Nothing was attached.': (
        'Не удалось сохранить файл: диск с журналом заполнен. Ничего не прикреплено.',
        'Не вдалося зберегти файл: диск із журналом заповнений. Нічого не прикріплено.'),
    'No attachment with id {attachment_uuid}.': (
        'Нет вложения с id {attachment_uuid}.', 'Немає вкладення з id {attachment_uuid}.'),
    'The stored data of {file_name} does not match its SHA-256; it was damaged. Restore the journal from a backup.': (
        'Сохранённые данные {file_name} не совпадают с их SHA-256: они повреждены. Восстановите журнал из резервной копии.',
        'Збережені дані {file_name} не збігаються з їхнім SHA-256: їх пошкоджено. Відновіть журнал із резервної копії.'),
    'The folder {parent} does not exist.': ('Папка {parent} не существует.', 'Теки {parent} не існує.'),
    'Cannot read {path}: {strerror}.': ('Не удаётся прочитать {path}: {strerror}.', 'Не вдається прочитати {path}: {strerror}.'),
    '{path} is not a file that can be attached. Nothing was attached.': (
        '{path} — не файл, который можно прикрепить. Ничего не прикреплено.',
        '{path} — не файл, який можна прикріпити. Нічого не прикріплено.'),
    'The database could not store the file ({exc}). Nothing was attached.': (
        'База данных не смогла сохранить файл ({exc}). Ничего не прикреплено.',
        'База даних не змогла зберегти файл ({exc}). Нічого не прикріплено.'),
    'Reading the file failed: {value}. Nothing was attached.': (
        'Не удалось прочитать файл: {value}. Ничего не прикреплено.',
        'Не вдалося прочитати файл: {value}. Нічого не прикріплено.'),
    'Cannot write to {parent}: {strerror}.': ('Не удаётся записать в {parent}: {strerror}.', 'Не вдається записати в {parent}: {strerror}.'),
    '{exc} Its metadata could not be removed, so it was not saved.': (
        '{exc} Не удалось удалить его метаданные, поэтому он не сохранён.',
        '{exc} Не вдалося видалити його метадані, тому його не збережено.'),
    # journal/storage/backup.py
    'This is not an Incident Journal backup.': (
        'Это не резервная копия Incident Journal.', 'Це не резервна копія Incident Journal.'),
    "The backup's description is damaged.": ('Описание резервной копии повреждено.', 'Опис резервної копії пошкоджено.'),
    'The backup file is damaged or truncated.': (
        'Файл резервной копии повреждён или обрезан.', 'Файл резервної копії пошкоджений або обрізаний.'),
    'Backup format version {manifest!r} is not supported by this app.': (
        'Версия формата резервной копии {manifest!r} не поддерживается этим приложением.',
        'Версія формату резервної копії {manifest!r} не підтримується цим застосунком.'),
    "The backup's database failed its integrity check.": (
        'База данных в резервной копии не прошла проверку целостности.',
        'База даних у резервній копії не пройшла перевірку цілісності.'),
    'No backup file at {backup_path}.': ('Нет файла резервной копии: {backup_path}.', 'Немає файлу резервної копії: {backup_path}.'),
    'There is already a journal in {data_dir}. Restore into an empty folder, or confirm that the existing journal should be replaced.': (
        'В папке {data_dir} уже есть журнал. Восстановите в пустую папку или подтвердите замену существующего журнала.',
        'У теці {data_dir} уже є журнал. Відновіть у порожню теку або підтвердьте заміну наявного журналу.'),
    'The backup is damaged: {name} does not match its recorded hash.': (
        'Резервная копия повреждена: {name} не совпадает с записанным хешем.',
        'Резервну копію пошкоджено: {name} не збігається із записаним хешем.'),
    "The backup's description is too large.": ('Описание резервной копии слишком большое.', 'Опис резервної копії завеликий.'),
    'This is not an Incident Journal backup (unexpected member {name!r}).': (
        'Это не резервная копия Incident Journal (неожиданный файл {name!r}).',
        'Це не резервна копія Incident Journal (неочікуваний файл {name!r}).'),
    # journal/bundle/card.py
    "The card's age key is not a valid age recipient.": (
        'Ключ age в карточке — недействительный получатель age.', 'Ключ age у картці — недійсний одержувач age.'),
    "The card's name is missing.": ('В карточке нет имени.', 'У картці немає імені.'),
    "The card's name is empty.": ('Имя в карточке пустое.', "Ім'я в картці порожнє."),
    "The card's name is too long.": ('Имя в карточке слишком длинное.', "Ім'я в картці задовге."),
    "The card's name contains control characters.": (
        'Имя в карточке содержит управляющие символы.', "Ім'я в картці містить керівні символи."),
    'The signing key must be 32 bytes.': ('Ключ подписи должен быть длиной 32 байта.', 'Ключ підпису має бути завдовжки 32 байти.'),
    'This is not a contact card.': ('Это не карточка контакта.', 'Це не картка контакту.'),
    'This is not a contact card (it is far too long).': (
        'Это не карточка контакта (она слишком длинная).', 'Це не картка контакту (вона задовга).'),
    'This is not a contact card (it should start with “ijcard1:”).': (
        'Это не карточка контакта (она должна начинаться с «ijcard1:»).',
        'Це не картка контакту (вона має починатися з «ijcard1:»).'),
    'The contact card is damaged (bad encoding); copy it again.': (
        'Карточка контакта повреждена (неверная кодировка); скопируйте её ещё раз.',
        'Картку контакту пошкоджено (неправильне кодування); скопіюйте її ще раз.'),
    'This contact card was made by a newer version of the app.': (
        'Эта карточка контакта создана более новой версией приложения.',
        'Цю картку контакту створено новішою версією застосунку.'),
    'The contact card is incomplete.': ('Карточка контакта неполная.', 'Картка контакту неповна.'),
    'The checksum does not match: the card was altered or mistyped.': (
        'Контрольная сумма не совпадает: карточку изменили или ввели с ошибкой.',
        'Контрольна сума не збігається: картку змінено або введено з помилкою.'),
    "The card's signing key is malformed.": ('Ключ подписи в карточке повреждён.', 'Ключ підпису в картці пошкоджений.'),
    "The card's signing key has an invalid length ({count} bytes, expected 32).": (
        'Ключ подписи в карточке неверной длины ({count} байт, ожидалось 32).',
        'Ключ підпису в картці неправильної довжини ({count} байт, очікувалося 32).'),
    'The card file could not be read: {value}.': (
        'Не удалось прочитать файл карточки: {value}.', 'Не вдалося прочитати файл картки: {value}.'),
    # journal/bundle/errors.py, identity.py, manifest.py
    'The bundle was rejected: {reason}.': ('Пакет отклонён: {reason}.', 'Пакет відхилено: {reason}.'),
    'The stored identity has an unknown format.': (
        'Сохранённые ключи журнала в неизвестном формате.', 'Збережені ключі журналу в невідомому форматі.'),
    'The stored identity is incomplete.': ('Сохранённые ключи журнала неполные.', 'Збережені ключі журналу неповні.'),
    'The stored signing key is malformed.': ('Сохранённый ключ подписи повреждён.', 'Збережений ключ підпису пошкоджений.'),
    'The stored age key is malformed.': ('Сохранённый ключ age повреждён.', 'Збережений ключ age пошкоджений.'),
    'not an incident journal bundle': ('это не пакет Incident Journal', 'це не пакет Incident Journal'),
    'invalid UTF-8 in manifest.json': ('недопустимый UTF-8 в manifest.json', 'неприпустимий UTF-8 у manifest.json'),
    'invalid JSON in manifest.json': ('недопустимый JSON в manifest.json', 'неприпустимий JSON у manifest.json'),
    'manifest is malformed (bundle_id)': ('манифест повреждён (bundle_id)', 'маніфест пошкоджений (bundle_id)'),
    'manifest is malformed (created_at)': ('манифест повреждён (created_at)', 'маніфест пошкоджений (created_at)'),
    'manifest is malformed (sender ed25519_public_key)': (
        'манифест повреждён (sender ed25519_public_key)', 'маніфест пошкоджений (sender ed25519_public_key)'),
    'manifest is malformed (sender age_recipient)': (
        'манифест повреждён (sender age_recipient)', 'маніфест пошкоджений (sender age_recipient)'),
    'manifest is malformed ({what})': ('манифест повреждён ({what})', 'маніфест пошкоджений ({what})'),
    'unsupported format version {shown}': ('неподдерживаемая версия формата {shown}', 'непідтримувана версія формату {shown}'),
    # journal/bundle/reader.py
    'corrupted (authentication failed)': ('повреждён (проверка подлинности не пройдена)', 'пошкоджений (перевірку автентичності не пройдено)'),
    'not an age file (the file is empty)': ('это не файл age (файл пуст)', 'це не файл age (файл порожній)'),
    'not an age file': ('это не файл age', 'це не файл age'),
    'corrupted (could not decrypt)': ('повреждён (не удалось расшифровать)', 'пошкоджений (не вдалося розшифрувати)'),
    'truncated': ('обрезан', 'обрізаний'),
    'not addressed to this journal': ('адресован не этому журналу', 'адресований не цьому журналу'),
    'the file could not be read ({detail})': ('не удалось прочитать файл ({detail})', 'не вдалося прочитати файл ({detail})'),
    'corrupted (invalid age header)': ('повреждён (неверный заголовок age)', 'пошкоджений (неправильний заголовок age)'),
    'manifest.json is missing': ('нет manifest.json', 'немає manifest.json'),
    'manifest.sig is missing': ('нет manifest.sig', 'немає manifest.sig'),
    'bundle too large': ('пакет слишком большой', 'пакет завеликий'),
    'signature invalid': ('подпись недействительна', 'підпис недійсний'),
    'too many members': ('слишком много файлов в пакете', 'забагато файлів у пакеті'),
    'manifest.sig must come right after manifest.json': (
        'manifest.sig должен идти сразу после manifest.json', 'manifest.sig має йти одразу після manifest.json'),
    'member too large: manifest.json': ('файл слишком большой: manifest.json', 'файл завеликий: manifest.json'),
    'unexpected data after the end of the archive': (
        'неожиданные данные после конца архива', 'неочікувані дані після кінця архіву'),
    'links are not allowed: {shown}': ('ссылки не допускаются: {shown}', 'посилання не допускаються: {shown}'),
    'device files are not allowed: {shown}': ('файлы устройств не допускаются: {shown}', 'файли пристроїв не допускаються: {shown}'),
    'special files are not allowed: {shown}': ('специальные файлы не допускаются: {shown}', 'спеціальні файли не допускаються: {shown}'),
    'folders are not allowed: {shown}': ('папки не допускаются: {shown}', 'теки не допускаються: {shown}'),
    'path not allowed: {shown}': ('недопустимый путь: {shown}', 'неприпустимий шлях: {shown}'),
    'duplicate member: {shown}': ('файл повторяется: {shown}', 'файл повторюється: {shown}'),
    'unexpected member after the manifest: {shown}': (
        'неожиданный файл после манифеста: {shown}', 'неочікуваний файл після маніфесту: {shown}'),
    'unexpected member: {shown}': ('неожиданный файл: {shown}', 'неочікуваний файл: {shown}'),
    'member too large: {shown}': ('файл слишком большой: {shown}', 'файл завеликий: {shown}'),
    'member hash mismatch: {path}': ('хеш файла не совпадает: {path}', 'хеш файлу не збігається: {path}'),
    'invalid JSON in {where} (not an object)': ('недопустимый JSON в {where} (не объект)', "неприпустимий JSON у {where} (не об'єкт)"),
    'invalid UTF-8 in {where} (lone surrogate)': (
        'недопустимый UTF-8 в {where} (одиночный суррогат)', 'неприпустимий UTF-8 у {where} (одиночний сурогат)'),
    'member not in the manifest: {show}': ('файла нет в манифесте: {show}', 'файлу немає в маніфесті: {show}'),
    'member size mismatch: {path}': ('размер файла не совпадает: {path}', 'розмір файлу не збігається: {path}'),
    'member missing: {path}': ('файл отсутствует: {path}', 'файл відсутній: {path}'),
    'line too long in {path} line {line_no}': (
        'слишком длинная строка в {path}, строка {line_no}', 'задовгий рядок у {path}, рядок {line_no}'),
    'invalid UTF-8 in {where}': ('недопустимый UTF-8 в {where}', 'неприпустимий UTF-8 у {where}'),
    'invalid JSON in {where}': ('недопустимый JSON в {where}', 'неприпустимий JSON у {where}'),
    # journal/bundle/tarstream.py
    'bad number in a header': ('неверное число в заголовке', 'неправильне число в заголовку'),
    'negative number in a header': ('отрицательное число в заголовке', "від'ємне число в заголовку"),
    'bad pax header': ('неверный заголовок pax', 'неправильний заголовок pax'),
    'bad header checksum': ('неверная контрольная сумма заголовка', 'неправильна контрольна сума заголовка'),
    'non-zero padding': ('ненулевое заполнение', 'ненульове заповнення'),
    'invalid UTF-8 in a member name': ('недопустимый UTF-8 в имени файла', "неприпустимий UTF-8 в імені файлу"),
    'global pax headers are not allowed': ('глобальные заголовки pax не допускаются', 'глобальні заголовки pax не допускаються'),
    'GNU long names are not allowed': ('длинные имена GNU не допускаются', 'довгі імена GNU не допускаються'),
    'not a POSIX tar': ('это не архив POSIX tar', 'це не архів POSIX tar'),
    'pax header without a member': ('заголовок pax без файла', 'заголовок pax без файлу'),
    'two pax headers in a row': ('два заголовка pax подряд', 'два заголовки pax поспіль'),
    'pax header too large': ('заголовок pax слишком большой', 'заголовок pax завеликий'),
    'unsupported entry type {typeflag!r}': ('неподдерживаемый тип элемента {typeflag!r}', 'непідтримуваний тип елемента {typeflag!r}'),
    'bad size in pax header': ('неверный размер в заголовке pax', 'неправильний розмір у заголовку pax'),
    # journal/bundle/writer.py
    'A bundle needs at least one recipient.': ('Пакету нужен хотя бы один получатель.', 'Пакету потрібен принаймні один одержувач.'),
    "The sender's display name is empty.": ('Имя отправителя пустое.', "Ім'я відправника порожнє."),
    'bundle producer stopped early': ('запись пакета остановилась раньше времени', 'запис пакета зупинився передчасно'),
    'Not an allowed bundle member name: {path!r}.': (
        'Недопустимое имя файла в пакете: {path!r}.', "Неприпустиме ім'я файлу в пакеті: {path!r}."),
    'Bundle member given twice: {path}.': ('Файл пакета указан дважды: {path}.', 'Файл пакета вказано двічі: {path}.'),
    'Negative size for bundle member {path}.': (
        'Отрицательный размер файла пакета {path}.', "Від'ємний розмір файлу пакета {path}."),
    'member size mismatch: {path} (declared {size} bytes, got {count})': (
        'размер файла не совпадает: {path} (заявлено байт: {size}, получено: {count})',
        'розмір файлу не збігається: {path} (заявлено байтів: {size}, отримано: {count})'),
    'Could not read {path}: {value}.': ('Не удалось прочитать {path}: {value}.', 'Не вдалося прочитати {path}: {value}.'),
    'member size mismatch: {path} (declared {size} bytes, got more)': (
        'размер файла не совпадает: {path} (заявлено байт: {size}, получено больше)',
        'розмір файлу не збігається: {path} (заявлено байтів: {size}, отримано більше)'),
    'Attachment content does not match its name: {path}.': (
        'Содержимое вложения не соответствует его имени: {path}.', 'Вміст вкладення не відповідає його імені: {path}.'),
    'Could not write the bundle: {detail}.': ('Не удалось записать пакет: {detail}.', 'Не вдалося записати пакет: {detail}.'),
    'Could not write the bundle file: {value}.': (
        'Не удалось записать файл пакета: {value}.', 'Не вдалося записати файл пакета: {value}.'),
    'Not a valid age recipient: {text!r}.': ('Недействительный получатель age: {text!r}.', 'Недійсний одержувач age: {text!r}.'),
    'member size mismatch: {path} (declared {size} bytes, got {size2})': (
        'размер файла не совпадает: {path} (заявлено байт: {size}, получено: {size2})',
        'розмір файлу не збігається: {path} (заявлено байтів: {size}, отримано: {size2})'),
    'member size mismatch: {path} (stream gave more bytes)': (
        'размер файла не совпадает: {path} (поток дал больше байт)',
        'розмір файлу не збігається: {path} (потік дав більше байтів)'),
    # journal/cli/__init__.py
    'journal: interrupted': ('journal: прервано', 'journal: перервано'),
    'journal: {exc}': ('journal: {exc}', 'journal: {exc}'),
    'journal: the database could not be read ({exc}). Run `journal verify`, and restore from a backup if it reports damage.': (
        'journal: не удалось прочитать базу данных ({exc}). Запустите `journal verify` и, если он найдёт повреждения, восстановите журнал из резервной копии.',
        'journal: не вдалося прочитати базу даних ({exc}). Запустіть `journal verify` і, якщо він знайде пошкодження, відновіть журнал із резервної копії.'),
    # journal/cli/attachment_commands.py
    'All attachments check out.': ('Все вложения в порядке.', 'Усі вкладення в порядку.'),
    'No attachments.': ('Вложений нет.', 'Вкладень немає.'),
    "The photos offer nothing for this entry's empty time and place.": (
        'В фотографиях нет данных для пустых времени и места этой записи.',
        'У фотографіях немає даних для порожніх часу й місця цього запису.'),
    'Moved to the trash: {uuid} ({file_name})': ('Перемещено в корзину: {uuid} ({file_name})', 'Переміщено до кошика: {uuid} ({file_name})'),
    'Not a file: {missing}. Nothing was attached.': ('Не файл: {missing}. Ничего не прикреплено.', 'Не файл: {missing}. Нічого не прикріплено.'),
    '          sha256 {sha256}': ('          sha256 {sha256}', '          sha256 {sha256}'),
    'Entry updated: {describe_suggestion}': ('Запись обновлена: {describe_suggestion}', 'Запис оновлено: {describe_suggestion}'),
    'Suggested: {describe_suggestion} (add --apply to use)': (
        'Предлагается: {describe_suggestion} (добавьте --apply, чтобы применить)',
        'Пропонується: {describe_suggestion} (додайте --apply, щоб застосувати)'),
    '          stripped sha256 {stripped_sha256}': (
        '          sha256 без метаданных {stripped_sha256}', '          sha256 без метаданих {stripped_sha256}'),
    '          note: {note}': ('          примечание: {note}', '          примітка: {note}'),
    '--max-attachment-mb must be 0 or more.': ('--max-attachment-mb должен быть 0 или больше.', '--max-attachment-mb має бути 0 або більше.'),
    'fingerprint: {fingerprint}': ('отпечаток: {fingerprint}', 'відбиток: {fingerprint}'),
    'warning: {warning}': ('предупреждение: {warning}', 'попередження: {warning}'),
    '{path}: {entry_count} entries, {person_count} people, {log_count} contact-log records, {attachment_count} attachments for {recipients}': (
        '{path}: записей: {entry_count}, людей: {person_count}, записей журнала контактов: {log_count}, вложений: {attachment_count}; для {recipients}',
        '{path}: записів: {entry_count}, людей: {person_count}, записів журналу контактів: {log_count}, вкладень: {attachment_count}; для {recipients}'),
    'bundle {bundle_id}  sha256 {file_sha256}  {file_size} bytes': (
        'пакет {bundle_id}  sha256 {file_sha256}  байт: {file_size}', 'пакет {bundle_id}  sha256 {file_sha256}  байтів: {file_size}'),
    'QR code saved to {qr}': ('QR-код сохранён в {qr}', 'QR-код збережено в {qr}'),
    'Compare this fingerprint with the coordinator (aloud or in person), then run `journal coordinator verify {uuid}`.': (
        'Сверьте этот отпечаток с координатором (вслух или при встрече), затем выполните `journal coordinator verify {uuid}`.',
        'Звірте цей відбиток із координатором (уголос або під час зустрічі), потім виконайте `journal coordinator verify {uuid}`.'),
    '{created_at}  {bundle_id}  to {names}: {entry_count} entries, {attachment_count} attachments  {file_name}': (
        '{created_at}  {bundle_id}  для {names}: записей: {entry_count}, вложений: {attachment_count}  {file_name}',
        '{created_at}  {bundle_id}  для {names}: записів: {entry_count}, вкладень: {attachment_count}  {file_name}'),
    # journal/cli/entry_commands.py
    'Nothing to change: give at least one option.': (
        'Нечего менять: укажите хотя бы один параметр.', 'Нічого змінювати: вкажіть принаймні один параметр.'),
    'No entries.': ('Записей нет.', 'Записів немає.'),
    'No matches.': ('Ничего не найдено.', 'Нічого не знайдено.'),
    'The trash is empty.': ('Корзина пуста.', 'Кошик порожній.'),
    'Emptying the trash deletes those entries for good. Add --yes to confirm.': (
        'Очистка корзины удаляет эти записи навсегда. Добавьте --yes для подтверждения.',
        'Очищення кошика видаляє ці записи назавжди. Додайте --yes для підтвердження.'),
    '{uuid} revision {revision}': ('{uuid} версия {revision}', '{uuid} версія {revision}'),
    'Moved to the trash: {uuid} (journal restore {uuid2} brings it back)': (
        'Перемещено в корзину: {uuid} (journal restore {uuid2} вернёт запись)',
        'Переміщено до кошика: {uuid} (journal restore {uuid2} поверне запис)'),
    'Restored: {uuid}': ('Восстановлено: {uuid}', 'Відновлено: {uuid}'),
    'Deleted {n} entries for good.': ('Удалено навсегда записей: {n}.', 'Видалено назавжди записів: {n}.'),
    'revision {number}  {saved_at}  {hash}  {content}': (
        'версия {number}  {saved_at}  {hash}  {content}', 'версія {number}  {saved_at}  {hash}  {content}'),
    'Cannot read {body_file}: {exc}': ('Не удаётся прочитать {body_file}: {exc}', 'Не вдається прочитати {body_file}: {exc}'),
    # journal/cli/import_commands.py
    'journal: no bundles found': ('journal: пакеты не найдены', 'journal: пакетів не знайдено'),
    '{review}  tags: {value}': ('{review}  метки: {value}', '{review}  мітки: {value}'),
    '  warning: {warning}': ('  предупреждение: {warning}', '  попередження: {warning}'),
    # journal/cli/people_commands.py
    'Linked.': ('Связано.', "Пов'язано."),
    'No people.': ('Людей нет.', 'Людей немає.'),
    'Entries:': ('Записи:', 'Записи:'),
    'Contact log:': ('Журнал контактов:', 'Журнал контактів:'),
    'Deleting a person removes their details and history for good (their contact-log records stay). Add --yes to confirm.': (
        'Удаление человека навсегда стирает его данные и историю (записи журнала контактов остаются). Добавьте --yes для подтверждения.',
        'Видалення людини назавжди стирає її дані та історію (записи журналу контактів залишаються). Додайте --yes для підтвердження.'),
    '--follow-up-note needs --follow-up DATE.': ('Для --follow-up-note нужен --follow-up ДАТА.', 'Для --follow-up-note потрібен --follow-up ДАТА.'),
    'Deleted: {uuid}': ('Удалено: {uuid}', 'Видалено: {uuid}'),
    'Merged {uuid} into {uuid2} (revision {revision})': (
        '{uuid} объединён с {uuid2} (версия {revision})', '{uuid} об’єднано з {uuid2} (версія {revision})'),
    'Removed {n} link(s).': ('Удалено связей: {n}.', "Видалено зв'язків: {n}."),
    '{uuid} follow-up {follow_up_state}': ('{uuid} напоминание: {follow_up_state}', '{uuid} нагадування: {follow_up_state}'),
    'merged into: {merged_into} (journal person show {merged_into2})': (
        'объединён с: {merged_into} (journal person show {merged_into2})', "об'єднано з: {merged_into} (journal person show {merged_into2})"),
    '--clear {name} contradicts a value given for it.': (
        '--clear {name} противоречит заданному для него значению.', '--clear {name} суперечить заданому для нього значенню.'),
    # journal/cli/report_commands.py
    'No entries match.': ('Подходящих записей нет.', 'Відповідних записів немає.'),
    'Wrote {count} entries to {out}.': ('Записано в {out} записей: {count}.', 'Записано до {out} записів: {count}.'),
    '{total} entries': ('Записей: {total}', 'Записів: {total}'),
    '{label}: version {version}, {count} fields': ('{label}: версия {version}, полей: {count}', '{label}: версія {version}, полів: {count}'),
    '{label}: revision {revision}': ('{label}: версия {revision}', '{label}: версія {revision}'),
    '{key:<26} v{version:<3} {count:>3} fields  {label}{origin}': (
        '{key:<26} v{version:<3} полей: {count:>3}  {label}{origin}', '{key:<26} v{version:<3} полів: {count:>3}  {label}{origin}'),
    '{label}  (key {key}, version {version}, category {value})': (
        '{label}  (ключ {key}, версия {version}, категория {value})', '{label}  (ключ {key}, версія {version}, категорія {value})'),
    'Give values as FIELD=VALUE (got {item!r}).': (
        'Укажите значения в виде ПОЛЕ=ЗНАЧЕНИЕ (получено {item!r}).', 'Вкажіть значення у вигляді ПОЛЕ=ЗНАЧЕННЯ (отримано {item!r}).'),
    'The list for {key} is not valid JSON.': ('Список для {key} — недопустимый JSON.', 'Список для {key} — неприпустимий JSON.'),
    # journal/cli/transport_commands.py
    'Sent:': ('Отправлено:', 'Надіслано:'),
    'This coordinator has no drop folder; set one with `journal coordinator set-drop`.': (
        'У этого координатора нет папки для передачи; задайте её командой `journal coordinator set-drop`.',
        'У цього координатора немає теки для передавання; задайте її командою `journal coordinator set-drop`.'),
    'Say who the bundle is for: --to COORDINATOR.': ('Укажите, кому пакет: --to КООРДИНАТОР.', 'Вкажіть, кому пакет: --to КООРДИНАТОР.'),
    'Nothing to send: the outbox is empty.': ('Нечего отправлять: исходящие пусты.', 'Нічого надсилати: вихідні порожні.'),
    '{display_name}: no drop folder': ('{display_name}: нет папки для передачи', '{display_name}: немає теки для передавання'),
    'removed {id}  {url}': ('удалено {id}  {url}', 'видалено {id}  {url}'),
    'No bundles in the inbox folders.': ('Во входящих папках нет пакетов.', 'У вхідних теках немає пакетів.'),
    'removed {id}': ('удалено {id}', 'видалено {id}'),
    '{id}  {url}{who}  last fetched {value}': ('{id}  {url}{who}  последняя загрузка {value}', '{id}  {url}{who}  останнє завантаження {value}'),
    'proxy: {value}': ('прокси: {value}', 'проксі: {value}'),
    'journal: {error}': ('journal: {error}', 'journal: {error}'),
    'sent to {coordinator_name}: {server_reply}': ('отправлено {coordinator_name}: {server_reply}', 'надіслано {coordinator_name}: {server_reply}'),
    'NOT sent to {coordinator_name} (kept in the outbox): {error}': (
        'НЕ отправлено {coordinator_name} (осталось в исходящих): {error}', 'НЕ надіслано {coordinator_name} (залишилося у вихідних): {error}'),
    # journal/cli/vault_commands.py
    'Erase destroys the journal for good. Add --yes to confirm.': (
        'Стирание уничтожает журнал навсегда. Добавьте --yes для подтверждения.',
        'Стирання знищує журнал назавжди. Додайте --yes для підтвердження.'),
    'Note: on SSDs and flash drives old blocks may survive; see docs/security.md.': (
        'Примечание: на SSD и флешках старые блоки могут сохраниться; см. docs/security.md.',
        'Примітка: на SSD і флешках старі блоки можуть зберегтися; див. docs/security.md.'),
    'OK: the database is intact and every revision chain verifies.': (
        'OK: база данных цела, все цепочки версий проверены.', 'OK: база даних ціла, усі ланцюжки версій перевірено.'),
    'Restored into {data_dir}. Open it with the passphrase or recovery code valid at backup time.': (
        'Восстановлено в {data_dir}. Откройте журнал парольной фразой или кодом восстановления, действовавшими на момент резервного копирования.',
        'Відновлено в {data_dir}. Відкрийте журнал парольною фразою або кодом відновлення, чинними на момент резервного копіювання.'),
    'There is no journal in {data_dir}.': ('В папке {data_dir} нет журнала.', 'У теці {data_dir} немає журналу.'),
    'Erased: {erased}': ('Стёрто: {erased}', 'Стерто: {erased}'),
    'The journal was unreadable after {unreadable_after_s:.3f} s (key file destroyed); all files gone after {total_s:.3f} s.': (
        'Журнал стал нечитаемым через {unreadable_after_s:.3f} с (файл ключа уничтожен); все файлы удалены через {total_s:.3f} с.',
        'Журнал став нечитабельним через {unreadable_after_s:.3f} с (файл ключа знищено); усі файли видалено через {total_s:.3f} с.'),
    # journal/records/contact_log.py
    'A contact-log record needs at least one person.': (
        'В записи журнала контактов должен быть хотя бы один человек.', 'У записі журналу контактів має бути принаймні одна людина.'),
    'A follow-up note needs a due date (--follow-up YYYY-MM-DD).': (
        'Для заметки к напоминанию нужна дата (--follow-up ГГГГ-ММ-ДД).', 'Для примітки до нагадування потрібна дата (--follow-up РРРР-ММ-ДД).'),
    'No such contact-log record.': ('Такой записи журнала контактов нет.', 'Такого запису журналу контактів немає.'),
    'This contact-log record has no follow-up to mark.': (
        'У этой записи журнала контактов нет напоминания.', 'У цього запису журналу контактів немає нагадування.'),
    'Unknown field(s): {unknown}': ('Неизвестные поля: {unknown}', 'Невідомі поля: {unknown}'),
    'No contact-log record with id {log_uuid}.': (
        'Нет записи журнала контактов с id {log_uuid}.', 'Немає запису журналу контактів з id {log_uuid}.'),
    # journal/storage/db.py
    "The database journal.db is damaged or is not this journal's database (the passphrase was right). Restore it from a backup.": (
        'База данных journal.db повреждена или принадлежит другому журналу (парольная фраза верна). Восстановите её из резервной копии.',
        'База даних journal.db пошкоджена або належить іншому журналу (парольна фраза правильна). Відновіть її з резервної копії.'),
    'The database file cannot be opened ({exc}).': ('Не удаётся открыть файл базы данных ({exc}).', 'Не вдається відкрити файл бази даних ({exc}).'),
    # journal/records/entries.py
    'Give both latitude and longitude, or neither.': (
        'Укажите и широту, и долготу — или ни то, ни другое.', 'Вкажіть і широту, і довготу — або жодної.'),
    'This entry was received from a documenter and is read-only. Use the review notes, tags and status instead.': (
        'Эта запись получена от документатора и доступна только для чтения. Используйте заметки проверки, метки и статус.',
        'Цей запис отримано від документатора, і він доступний лише для читання. Використовуйте нотатки перевірки, мітки та статус.'),
    'No such entry.': ('Такой записи нет.', 'Такого запису немає.'),
    'A category needs a key and a label.': ('Категории нужны ключ и название.', 'Категорії потрібні ключ і назва.'),
    'The {name} contains a NUL character.': ('Поле «{name}» содержит символ NUL.', 'Поле «{name}» містить символ NUL.'),
    'The {name} may be at most {max_len} characters long.': (
        'Поле «{name}» может содержать не больше {max_len} символов.', 'Поле «{name}» може містити не більше {max_len} символів.'),
    'The {name} must be between {low:g} and {high:g}.': (
        'Поле «{name}» должно быть в пределах от {low:g} до {high:g}.', 'Поле «{name}» має бути в межах від {low:g} до {high:g}.'),
    'This entry is in the trash. Restore it before editing.': (
        'Эта запись в корзине. Восстановите её, прежде чем редактировать.', 'Цей запис у кошику. Відновіть його, перш ніж редагувати.'),
    'That entry is not in the trash.': ('Эта запись не в корзине.', 'Цей запис не в кошику.'),
    'A saved version of this entry is damaged. Run “journal verify” to see what else is affected.': (
        'Одна из сохранённых версий этой записи повреждена. Запустите «journal verify», чтобы увидеть, что ещё затронуто.',
        'Одна зі збережених версій цього запису пошкоджена. Запустіть «journal verify», щоб побачити, що ще зачеплено.'),
    'Could not read an attachment from the journal: {error}': (
        'Не удалось прочитать вложение из журнала: {error}', 'Не вдалося прочитати вкладення з журналу: {error}'),
    "Part of this attachment's data is missing from the database.": (
        'Часть данных этого вложения отсутствует в базе данных.', 'Частина даних цього вкладення відсутня в базі даних.'),
    'A tag may be at most {max_tag} characters long.': (
        'Метка может содержать не больше {max_tag} символов.', 'Мітка може містити не більше {max_tag} символів.'),
    'The {name} must be a number.': ('Поле «{name}» должно быть числом.', 'Поле «{name}» має бути числом.'),
    'Status must be one of: {statuses}.': ('Статус должен быть одним из: {statuses}.', 'Статус має бути одним із: {statuses}.'),
    'Source must be one of: {sources}.': ('Источник должен быть одним из: {sources}.', 'Джерело має бути одним із: {sources}.'),
    'Unknown category: {category}': ('Неизвестная категория: {category}', 'Невідома категорія: {category}'),
    'No entry with id {entry_uuid}.': ('Нет записи с id {entry_uuid}.', 'Немає запису з id {entry_uuid}.'),
    'Cancelled.': ('Отменено.', 'Скасовано.'),
    # journal/exchange/exporter.py
    'Choose the entries to send: give entry ids, --since-last or --all.': (
        'Выберите записи для отправки: укажите id записей, --since-last или --all.',
        'Виберіть записи для надсилання: вкажіть id записів, --since-last або --all.'),
    'Name at least one coordinator to send to (--to).': (
        'Укажите хотя бы одного координатора-получателя (--to).', 'Вкажіть принаймні одного координатора-одержувача (--to).'),
    'Phone numbers and messenger handles were left out.': (
        'Номера телефонов и контакты в мессенджерах не включены.', 'Номери телефонів і контакти в месенджерах не включено.'),
    '{out_path} is a folder; give a file name for the bundle.': (
        '{out_path} — это папка; укажите имя файла для пакета.', "{out_path} — це тека; вкажіть ім'я файлу для пакета."),
    'Attachments of entry {uuid} left out: {omitted}.': (
        'Не включено вложений записи {uuid}: {omitted}.', 'Не включено вкладень запису {uuid}: {omitted}.'),
    '{file_name}: metadata of this file type is not cleaned; it is sent as it is.': (
        '{file_name}: метаданные файлов этого типа не очищаются; файл отправляется как есть.',
        '{file_name}: метадані файлів цього типу не очищуються; файл надсилається як є.'),
    'The metadata of {file_name} could not be removed ({exc}). Send the bundle without attachments, leave this file out, or choose to keep photo metadata.': (
        'Не удалось удалить метаданные {file_name} ({exc}). Отправьте пакет без вложений, исключите этот файл или сохраните метаданные фотографий.',
        'Не вдалося видалити метадані {file_name} ({exc}). Надішліть пакет без вкладень, виключіть цей файл або збережіть метадані фотографій.'),
    'Could not clean an attachment for the bundle: {error}': (
        'Не удалось очистить вложение для пакета: {error}', 'Не вдалося очистити вкладення для пакета: {error}'),
    'Entry {uuid} is in the trash; restore it to send it.': (
        'Запись {uuid} в корзине; восстановите её, чтобы отправить.', 'Запис {uuid} у кошику; відновіть його, щоб надіслати.'),
    # journal/records/forms.py
    "a forms record has type 'form' or 'values'": (
        "запись форм имеет тип 'form' или 'values'", "запис форм має тип 'form' або 'values'"),
    'A field definition must be an object.': ('Описание поля должно быть объектом.', "Опис поля має бути об'єктом."),
    'Two fields of a form have the same key.': ('У двух полей формы одинаковый ключ.', 'Два поля форми мають однаковий ключ.'),
    'must be text': ('должно быть текстом', 'має бути текстом'),
    'Form values must be an object.': ('Значения формы должны быть объектом.', "Значення форми мають бути об'єктом."),
    'a record must be an object': ('запись должна быть объектом', "запис має бути об'єктом"),
    'A choice field lists the same choice twice.': (
        'В поле выбора один вариант указан дважды.', 'У полі вибору один варіант указано двічі.'),
    'Only choice fields have choices.': ('Варианты бывают только у полей выбора.', 'Варіанти бувають лише в полів вибору.'),
    'must be yes or no': ('должно быть «да» или «нет»', 'має бути «так» або «ні»'),
    'Unknown field type {type_!r}.': ('Неизвестный тип поля {type_!r}.', 'Невідомий тип поля {type_!r}.'),
    'No such form.': ('Такой формы нет.', 'Такої форми немає.'),
    'unknown property in a form record': ('неизвестное свойство в записи формы', 'невідома властивість у записі форми'),
    'a form version must be a positive integer': (
        'версия формы должна быть положительным целым числом', 'версія форми має бути додатним цілим числом'),
    'a form record does not match its sha256': ('запись формы не совпадает со своим sha256', 'запис форми не збігається зі своїм sha256'),
    'unknown property in a values record': ('неизвестное свойство в записи значений', 'невідома властивість у записі значень'),
    'a values record needs an entry id': ('в записи значений нужен id записи', 'у записі значень потрібен id запису'),
    'a values record needs a revision number': ('в записи значений нужен номер версии', 'у записі значень потрібен номер версії'),
    'a values record is incomplete': ('запись значений неполная', 'запис значень неповний'),
    'The {what} must be text.': ('Поле «{what}» должно быть текстом.', 'Поле «{what}» має бути текстом.'),
    'The {what} is empty.': ('Поле «{what}» пустое.', 'Поле «{what}» порожнє.'),
    'The {what} may be at most {max_label} characters long.': (
        'Поле «{what}» может содержать не больше {max_label} символов.', 'Поле «{what}» може містити не більше {max_label} символів.'),
    'A {what} must be lowercase letters, digits and _ (starting with a letter).': (
        '«{what}»: только строчные латинские буквы, цифры и _ (начиная с буквы).',
        '«{what}»: лише малі латинські літери, цифри та _ (починаючи з літери).'),
    'Unknown field property: {unknown}.': ('Неизвестное свойство поля: {unknown}.', 'Невідома властивість поля: {unknown}.'),
    'Field type must be one of: {field_types}.': ('Тип поля должен быть одним из: {field_types}.', 'Тип поля має бути одним із: {field_types}.'),
    'A form has a list of at most {max_fields} fields.': (
        'В форме может быть не больше {max_fields} полей.', 'У формі може бути не більше {max_fields} полів.'),
    'must be text of at most {limit} characters': (
        'должно быть текстом не длиннее {limit} символов', 'має бути текстом не довшим за {limit} символів'),
    'must be a number': ('должно быть числом', 'має бути числом'),
    'is not one of the choices': ('не входит в варианты выбора', 'не входить до варіантів вибору'),
    'must be a list of choices': ('должно быть списком вариантов', 'має бути списком варіантів'),
    'must be a list of people': ('должно быть списком людей', 'має бути списком людей'),
    'The form “{label}” has no field {unknown!r}.': ('В форме «{label}» нет поля {unknown!r}.', 'У формі «{label}» немає поля {unknown!r}.'),
    'form {rec} version {rec2} differs from the one this sender sent before': (
        'форма {rec} версии {rec2} отличается от присланной этим отправителем ранее',
        'форма {rec} версії {rec2} відрізняється від надісланої цим відправником раніше'),
    'A choice field needs between 1 and {max_choices} choices.': (
        'В поле выбора должно быть от 1 до {max_choices} вариантов.', 'У полі вибору має бути від 1 до {max_choices} варіантів.'),
    'must be a date (YYYY-MM-DD)': ('должно быть датой (ГГГГ-ММ-ДД)', 'має бути датою (РРРР-ММ-ДД)'),
    'must be a date and time (YYYY-MM-DDTHH:MM)': (
        'должно быть датой и временем (ГГГГ-ММ-ДДTЧЧ:ММ)', 'має бути датою й часом (РРРР-ММ-ДДTГГ:ХХ)'),
    'The field “{spec}” {exc}.': ('Поле «{spec}» {exc}.', 'Поле «{spec}» {exc}.'),
    'Received entries are read-only; their form values come from the sender.': (
        'Полученные записи доступны только для чтения; значения их форм приходят от отправителя.',
        'Отримані записи доступні лише для читання; значення їхніх форм надходять від відправника.'),
    'There is already a form with the key {key!r}.': ('Форма с ключом {key!r} уже есть.', 'Форма з ключем {key!r} уже є.'),
    'values for entry {rec} refer to a form not in the bundle': (
        'значения для записи {rec} ссылаются на форму, которой нет в пакете',
        'значення для запису {rec} посилаються на форму, якої немає в пакеті'),
    # journal/exchange/identity.py
    'This journal has no identity yet; unlock it once with this version.': (
        'У этого журнала ещё нет ключей отправителя; разблокируйте его один раз в этой версии.',
        'У цього журналу ще немає ключів відправника; розблокуйте його один раз у цій версії.'),
    'A display name needs 1 to {max_name_length} characters.': (
        'Имя должно содержать от 1 до {max_name_length} символов.', "Ім'я має містити від 1 до {max_name_length} символів."),
    '{target} is a folder; give a file name.': ('{target} — это папка; укажите имя файла.', "{target} — це тека; вкажіть ім'я файлу."),
    "A coordinator's name needs 1 to {max_name_length} characters.": (
        'Имя координатора должно содержать от 1 до {max_name_length} символов.',
        "Ім'я координатора має містити від 1 до {max_name_length} символів."),
    'More than one coordinator matches “{ref}”; use the id.': (
        'Под «{ref}» подходит несколько координаторов; укажите id.', 'Під «{ref}» підходить кілька координаторів; вкажіть id.'),
    'No coordinator “{ref}”. See `journal coordinator list`.': (
        'Координатора «{ref}» нет. См. `journal coordinator list`.', 'Координатора «{ref}» немає. Див. `journal coordinator list`.'),
    '{display_name} was removed; add their card again first.': (
        '{display_name} удалён(а) из списка; сначала снова добавьте карточку.', '{display_name} вилучено зі списку; спершу знову додайте картку.'),
    'Could not write {target}: {value}.': ('Не удалось записать {target}: {value}.', 'Не вдалося записати {target}: {value}.'),
    'This coordinator is already in the list as “{active}”.': (
        'Этот координатор уже есть в списке как «{active}».', 'Цей координатор уже є в списку як «{active}».'),
    # journal/exchange/importer.py
    "A sender's name needs 1 to 200 characters.": (
        'Имя отправителя должно содержать от 1 до 200 символов.', "Ім'я відправника має містити від 1 до 200 символів."),
    'The notes contain a NUL character.': ('Заметки содержат символ NUL.', 'Нотатки містять символ NUL.'),
    'Review fields exist only for entries received from documenters.': (
        'Поля проверки есть только у записей, полученных от документаторов.',
        'Поля перевірки є лише в записів, отриманих від документаторів.'),
    'More than one sender is called “{ref}”; use the id.': (
        'Несколько отправителей называются «{ref}»; укажите id.', 'Кілька відправників мають назву «{ref}»; вкажіть id.'),
    'No sender “{ref}”. See `journal senders`.': ('Отправителя «{ref}» нет. См. `journal senders`.', 'Відправника «{ref}» немає. Див. `journal senders`.'),
    'cannot read the file ({error})': ('не удаётся прочитать файл ({error})', 'не вдається прочитати файл ({error})'),
    'unknown sender “{display_name}” (fingerprint {fp})': (
        'неизвестный отправитель «{display_name}» (отпечаток {fp})', 'невідомий відправник «{display_name}» (відбиток {fp})'),
    'WARNING: a sender named “{display_name}” is already known with a different key. These records are kept apart under “{display}”. Compare the fingerprint {fp} with them before trusting it.': (
        'ВНИМАНИЕ: отправитель «{display_name}» уже известен с другим ключом. Эти записи хранятся отдельно под именем «{display}». Прежде чем доверять, сверьте с ним отпечаток {fp}.',
        'УВАГА: відправник «{display_name}» уже відомий з іншим ключем. Ці записи зберігаються окремо під назвою «{display}». Перш ніж довіряти, звірте з ним відбиток {fp}.'),
    'Review status must be one of: {review_statuses}.': (
        'Статус проверки должен быть одним из: {review_statuses}.', 'Статус перевірки має бути одним із: {review_statuses}.'),
    '{file_name}: the file was sent in an earlier bundle and is not stored here; ask the sender to send it again.': (
        '{file_name}: файл был отправлен в более раннем пакете и здесь не сохранён; попросите отправителя прислать его снова.',
        '{file_name}: файл було надіслано в ранішому пакеті, і тут його не збережено; попросіть відправника надіслати його знову.'),
    'Contact-log record {uuid} names nobody known here; skipped.': (
        'В записи журнала контактов {uuid} нет никого из известных здесь людей; пропущена.',
        'У записі журналу контактів {uuid} немає нікого з відомих тут людей; пропущено.'),
    'invalid record in {kind}.jsonl line {line}: {exc}': (
        'недопустимая запись в {kind}.jsonl, строка {line}: {exc}', 'неприпустимий запис у {kind}.jsonl, рядок {line}: {exc}'),
    'sender blocked: {display_name} (fingerprint {fingerprint})': (
        'отправитель заблокирован: {display_name} (отпечаток {fingerprint})', 'відправника заблоковано: {display_name} (відбиток {fingerprint})'),
    '{display_name} now gives a different age recipient (used only to reply to them); the signing key is the known one.': (
        '{display_name} теперь указывает другой ключ age (он нужен только для ответа); ключ подписи прежний, известный.',
        '{display_name} тепер указує інший ключ age (він потрібен лише для відповіді); ключ підпису попередній, відомий.'),
    'unknown key for a known name: “{display_name}” signed with a different key (fingerprint {fp}); compare fingerprints before accepting it': (
        'неизвестный ключ у известного имени: «{display_name}» подписал другим ключом (отпечаток {fp}); сверьте отпечатки, прежде чем принимать',
        'невідомий ключ у відомого імені: «{display_name}» підписав іншим ключем (відбиток {fp}); звірте відбитки, перш ніж приймати'),
    'Entry {uuid} already exists in this journal from another source; it was not merged and was skipped.': (
        'Запись {uuid} уже есть в этом журнале из другого источника; она не объединена и пропущена.',
        'Запис {uuid} уже є в цьому журналі з іншого джерела; його не об’єднано й пропущено.'),
    'Entry {uuid}: revision {revision} differs from the one received before; the earlier one is kept.': (
        'Запись {uuid}: версия {revision} отличается от полученной ранее; сохранена прежняя.',
        'Запис {uuid}: версія {revision} відрізняється від отриманої раніше; збережено попередню.'),
    # journal/exchange/inbox.py
    'Fetching needs the open journal.': ('Для загрузки нужен открытый журнал.', 'Для завантаження потрібен відкритий журнал.'),
    'No inbox folder yet: add one with `journal inbox add URL`.': (
        'Входящих папок пока нет: добавьте папку командой `journal inbox add URL`.',
        'Вхідних тек поки немає: додайте теку командою `journal inbox add URL`.'),
    'No inbox folder {folder_id}. See `journal inbox list`.': (
        'Нет входящей папки {folder_id}. См. `journal inbox list`.', 'Немає вхідної теки {folder_id}. Див. `journal inbox list`.'),
    'Fetching was cancelled.': ('Загрузка отменена.', 'Завантаження скасовано.'),
    'not deleted from the server: {error}': ('не удалён с сервера: {error}', 'не видалено з сервера: {error}'),
    'could not store the download ({value})': ('не удалось сохранить загруженное ({value})', 'не вдалося зберегти завантажене ({value})'),
    # journal/storage/lockfile.py
    'This journal is already open in another window or program. Close it there first.': (
        'Этот журнал уже открыт в другом окне или программе. Сначала закройте его там.',
        'Цей журнал уже відкрито в іншому вікні чи програмі. Спершу закрийте його там.'),
    'The disk is full; free some space to open the journal.': (
        'Диск заполнен; освободите место, чтобы открыть журнал.', 'Диск заповнений; звільніть місце, щоб відкрити журнал.'),
    'The journal folder cannot be used: {strerror}.': ('Папку журнала нельзя использовать: {strerror}.', 'Теку журналу не можна використати: {strerror}.'),
    'The journal folder {parent} is read-only or not yours, so the journal cannot be opened for writing. Nothing was changed.': (
        'Папка журнала {parent} доступна только для чтения или принадлежит не вам, поэтому журнал нельзя открыть для записи. Ничего не изменено.',
        'Тека журналу {parent} доступна лише для читання або належить не вам, тому журнал не можна відкрити для запису. Нічого не змінено.'),
    # journal/media/
    'The image declares no pixels.': ('В изображении не указано ни одного пикселя.', 'У зображенні не вказано жодного пікселя.'),
    'The file could not be read (the stream is not seekable).': (
        'Не удалось прочитать файл (поток не поддерживает перемотку).', 'Не вдалося прочитати файл (потік не підтримує перемотування).'),
    'The file could not be read.': ('Не удалось прочитать файл.', 'Не вдалося прочитати файл.'),
    'The file is larger than {max_bytes} MiB and is not opened as an image.': (
        'Файл больше {max_bytes} МиБ и не открывается как изображение.', 'Файл більший за {max_bytes} МіБ і не відкривається як зображення.'),
    'The image declares {width}x{height} pixels, more than the {max_pixels} megapixels we open safely.': (
        'Изображение заявляет {width}x{height} пикселей — больше {max_pixels} мегапикселей, которые можно безопасно открыть.',
        'Зображення заявляє {width}x{height} пікселів — більше за {max_pixels} мегапікселів, які можна безпечно відкрити.'),
    'The {what} is too large to open safely.': (
        'Файл ({what}) слишком большой, чтобы безопасно его открыть.', 'Файл ({what}) завеликий, щоб безпечно його відкрити.'),
    'The {what} needs too much memory to open.': (
        'Для открытия файла ({what}) нужно слишком много памяти.', "Для відкриття файлу ({what}) потрібно забагато пам'яті."),
    'The {what} is damaged or not in a supported format.': (
        'Файл ({what}) повреждён или в неподдерживаемом формате.', 'Файл ({what}) пошкоджений або в непідтримуваному форматі.'),
    'The JPEG file is damaged (expected a marker).': ('Файл JPEG повреждён (ожидался маркер).', 'Файл JPEG пошкоджений (очікувався маркер).'),
    'The JPEG file is damaged (invalid marker).': ('Файл JPEG повреждён (неверный маркер).', 'Файл JPEG пошкоджений (неправильний маркер).'),
    'The JPEG file is damaged (bad segment length).': (
        'Файл JPEG повреждён (неверная длина сегмента).', 'Файл JPEG пошкоджений (неправильна довжина сегмента).'),
    'The JPEG file has an implausibly large header.': (
        'У файла JPEG неправдоподобно большой заголовок.', 'Файл JPEG має неправдоподібно великий заголовок.'),
    'The file is not a JPEG image.': ('Файл не является изображением JPEG.', 'Файл не є зображенням JPEG.'),
    'The JPEG file is damaged (scan before frame header).': (
        'Файл JPEG повреждён (данные скана до заголовка кадра).', 'Файл JPEG пошкоджений (дані скану до заголовка кадру).'),
    'The JPEG file is damaged (image start inside the image).': (
        'Файл JPEG повреждён (начало изображения внутри изображения).', 'Файл JPEG пошкоджений (початок зображення всередині зображення).'),
    'The JPEG file is truncated.': ('Файл JPEG обрезан.', 'Файл JPEG обрізаний.'),
    'The {what} is truncated.': ('Файл ({what}) обрезан.', 'Файл ({what}) обрізаний.'),
    'The JPEG file contains no image data.': ('В файле JPEG нет данных изображения.', 'У файлі JPEG немає даних зображення.'),
    'The file is not a PNG image.': ('Файл не является изображением PNG.', 'Файл не є зображенням PNG.'),
    'The PNG file is damaged (checksum mismatch).': (
        'Файл PNG повреждён (контрольная сумма не совпадает).', 'Файл PNG пошкоджений (контрольна сума не збігається).'),
    'The PNG file is damaged (malformed chunk).': ('Файл PNG повреждён (неверный блок).', 'Файл PNG пошкоджений (неправильний блок).'),
    'The PNG file is damaged (no header chunk).': ('Файл PNG повреждён (нет блока заголовка).', 'Файл PNG пошкоджений (немає блоку заголовка).'),
    'The file is larger than {max_decode_bytes} MiB and cannot be cleaned.': (
        'Файл больше {max_decode_bytes} МиБ, его нельзя очистить.', 'Файл більший за {max_decode_bytes} МіБ, його не можна очистити.'),
    # journal/exchange/outbox.py
    'This view of the journal cannot reach the outbox folder.': (
        'Из этого представления журнала нет доступа к папке исходящих.', 'З цього подання журналу немає доступу до теки вихідних.'),
    'The bundle must be a file inside the outbox folder.': (
        'Пакет должен быть файлом внутри папки исходящих.', 'Пакет має бути файлом усередині теки вихідних.'),
    'Exporting needs the open journal.': ('Для экспорта нужен открытый журнал.', 'Для експорту потрібен відкритий журнал.'),
    'This bundle was already sent.': ('Этот пакет уже отправлен.', 'Цей пакет уже надіслано.'),
    'The bundle file is missing from the outbox folder; export it again.': (
        'Файла пакета нет в папке исходящих; экспортируйте его заново.', 'Файлу пакета немає в теці вихідних; експортуйте його знову.'),
    'No outbox item {item_id}. See `journal outbox`.': (
        'В исходящих нет элемента {item_id}. См. `journal outbox`.', 'У вихідних немає елемента {item_id}. Див. `journal outbox`.'),
    '{source} is not a bundle file.': ('{source} — не файл пакета.', '{source} — не файл пакета.'),
    '{coordinator_name} has no drop folder; set one, then send again.': (
        'У координатора {coordinator_name} нет папки для передачи; задайте её и отправьте снова.',
        'У координатора {coordinator_name} немає теки для передавання; задайте її та надішліть знову.'),
    '{name} has no drop folder yet. Set one first (`journal coordinator set-drop`), or save the bundle to a file.': (
        'У координатора {name} ещё нет папки для передачи. Сначала задайте её (`journal coordinator set-drop`) или сохраните пакет в файл.',
        'У координатора {name} ще немає теки для передавання. Спершу задайте її (`journal coordinator set-drop`) або збережіть пакет у файл.'),
    'Could not copy the bundle into the outbox: {value}.': (
        'Не удалось скопировать пакет в исходящие: {value}.', 'Не вдалося скопіювати пакет до вихідних: {value}.'),
    # journal/records/people.py, people_validation.py
    'A person needs a name (any name you use for them).': (
        'У человека должно быть имя (любое, которым вы его называете).', "У людини має бути ім'я (будь-яке, яким ви її називаєте)."),
    'No such person.': ('Такого человека нет.', 'Такої людини немає.'),
    'Cannot merge a person with themselves.': ('Нельзя объединить человека с самим собой.', "Не можна об'єднати людину з нею самою."),
    'The search text could not be understood.': ('Не удалось разобрать текст поиска.', 'Не вдалося розібрати текст пошуку.'),
    'This person was merged into {merged_into}. Edit that record instead.': (
        'Этот человек объединён с {merged_into}. Редактируйте ту запись.', "Цю людину об'єднано з {merged_into}. Редагуйте той запис."),
    'No person with id {person_uuid}.': ('Нет человека с id {person_uuid}.', 'Немає людини з id {person_uuid}.'),
    '{uuid} was already merged into {merged_into}.': ('{uuid} уже объединён с {merged_into}.', "{uuid} уже об'єднано з {merged_into}."),
    'Unknown person field: {key}.': ('Неизвестное поле человека: {key}.', 'Невідоме поле людини: {key}.'),
    'The {what} contains a NUL character.': ('Поле «{what}» содержит символ NUL.', 'Поле «{what}» містить символ NUL.'),
    'The {what} may be at most {max_len} characters long.': (
        'Поле «{what}» может содержать не больше {max_len} символов.', 'Поле «{what}» може містити не більше {max_len} символів.'),
    'The {what} must be a list.': ('Поле «{what}» должно быть списком.', 'Поле «{what}» має бути списком.'),
    'Unknown {what} {value!r}. Choose one of: {shown}.': (
        '«{what}»: неизвестное значение {value!r}. Выберите одно из: {shown}.', '«{what}»: невідоме значення {value!r}. Виберіть одне з: {shown}.'),
    'The {kind} handle is empty.': ('Контакт {kind} пустой.', 'Контакт {kind} порожній.'),
    '{value!r} is not an email address.': ('{value!r} — не адрес электронной почты.', '{value!r} — не адреса електронної пошти.'),
    '{phone!r} does not look like a phone number (it has no digits).': (
        '{phone!r} не похоже на номер телефона (в нём нет цифр).', '{phone!r} не схоже на номер телефону (у ньому немає цифр).'),
    'Not a follow-up date: {value!r}. Use YYYY-MM-DD.': (
        'Это не дата напоминания: {value!r}. Используйте ГГГГ-ММ-ДД.', 'Це не дата нагадування: {value!r}. Використовуйте РРРР-ММ-ДД.'),
    'Write a messenger handle as KIND:VALUE, e.g. telegram:@name (kinds: {handle_kinds}); got {text!r}.': (
        'Укажите контакт в мессенджере как ВИД:ЗНАЧЕНИЕ, например telegram:@name (виды: {handle_kinds}); получено {text!r}.',
        'Вкажіть контакт у месенджері як ВИД:ЗНАЧЕННЯ, наприклад telegram:@name (види: {handle_kinds}); отримано {text!r}.'),
    # journal/exchange/records_jsonl.py (reasons a received record is refused)
    'content must be an object': ('content должно быть объектом', "content має бути об'єктом"),
    'content.uuid differs from uuid': ('content.uuid отличается от uuid', 'content.uuid відрізняється від uuid'),
    'revision_hash does not match the content': ('revision_hash не совпадает с содержимым', 'revision_hash не збігається із вмістом'),
    'uuid differs from ref, or sensitive is not false': (
        'uuid отличается от ref, или sensitive не равно false', 'uuid відрізняється від ref, або sensitive не дорівнює false'),
    'unknown channel or direction': ('неизвестный канал или направление', 'невідомий канал або напрямок'),
    'content cannot be serialized': ('content невозможно сериализовать', 'content неможливо серіалізувати'),
    'people must hold objects': ('people должно содержать объекты', "people має містити об'єкти"),
    'attachments must hold objects': ('attachments должно содержать объекты', "attachments має містити об'єкти"),
    'attachments.stripped must be true or false': (
        'attachments.stripped должно быть true или false', 'attachments.stripped має бути true або false'),
    'a sensitive person needs a pseudonym person-xxxxxxxx as ref': (
        'у человека с защищёнными данными в ref должен быть псевдоним person-xxxxxxxx',
        'у людини із захищеними даними в ref має бути псевдонім person-xxxxxxxx'),
    'missing field(s) {missing}': ('отсутствуют поля: {missing}', 'відсутні поля: {missing}'),
    'unknown field(s) {unknown}': ('неизвестные поля: {unknown}', 'невідомі поля: {unknown}'),
    '{what} must be text': ('{what} должно быть текстом', '{what} має бути текстом'),
    '{what} is too long or holds a NUL character': (
        '{what} слишком длинное или содержит символ NUL', '{what} задовге або містить символ NUL'),
    '{what} must be a whole number ≥ {low}': ('{what} должно быть целым числом ≥ {low}', '{what} має бути цілим числом ≥ {low}'),
    '{what} must be 64 lower-case hex digits': (
        '{what} должно состоять из 64 строчных шестнадцатеричных цифр', '{what} має складатися з 64 малих шістнадцяткових цифр'),
    '{what} must be a list': ('{what} должно быть списком', '{what} має бути списком'),
    'unsupported record version {obj!r}': ('неподдерживаемая версия записи {obj!r}', 'непідтримувана версія запису {obj!r}'),
    '{what} is not a uuid': ('{what} — не uuid', '{what} — не uuid'),
    'content.{name} must be a number': ('content.{name} должно быть числом', 'content.{name} має бути числом'),
    'unknown role {role!r}': ('неизвестная роль {role!r}', 'невідома роль {role!r}'),
    # journal/records/reports.py, search.py, search_all.py
    'Count by one to three dimensions.': ('Считайте по одному–трём признакам.', 'Рахуйте за однією–трьома ознаками.'),
    'Cannot count by {dim!r}: use one of {builtin_dimensions}, a form field key, or form.field.': (
        'Нельзя считать по {dim!r}: используйте одно из {builtin_dimensions}, ключ поля формы или форма.поле.',
        'Не можна рахувати за {dim!r}: використайте одне з {builtin_dimensions}, ключ поля форми або форма.поле.'),
    'No form has a field {dim!r}.': ('Ни в одной форме нет поля {dim!r}.', 'У жодній формі немає поля {dim!r}.'),
    'Origin must be one of: {origins}.': ('Происхождение должно быть одним из: {origins}.', 'Походження має бути одним із: {origins}.'),
    "Order must be 'newest' or 'rank'.": ("Порядок должен быть 'newest' или 'rank'.", "Порядок має бути 'newest' або 'rank'."),
    'Cannot sort by {sort}.': ('Нельзя сортировать по {sort}.', 'Не можна сортувати за {sort}.'),
    'Unknown kind(s): {unknown}. Choose from: {kinds}.': ('Неизвестные виды: {unknown}. Выберите из: {kinds}.', 'Невідомі види: {unknown}. Виберіть із: {kinds}.'),
    # journal/timeutil.py
    'Unknown time zone: {name}': ('Неизвестный часовой пояс: {name}', 'Невідомий часовий пояс: {name}'),
    'The date {value!r} is out of range.': ('Дата {value!r} вне допустимого диапазона.', 'Дата {value!r} поза допустимим діапазоном.'),
    'Not a date and time: {value!r}. Use ISO 8601, e.g. 2024-03-05T14:10+03:00.': (
        'Это не дата и время: {value!r}. Используйте ISO 8601, например 2024-03-05T14:10+03:00.',
        'Це не дата й час: {value!r}. Використовуйте ISO 8601, наприклад 2024-03-05T14:10+03:00.'),
    'Not a date: {value!r}. Use YYYY-MM-DD.': ('Это не дата: {value!r}. Используйте ГГГГ-ММ-ДД.', 'Це не дата: {value!r}. Використовуйте РРРР-ММ-ДД.'),
    '{text} did not exist in {tz_name}: the clocks were changed that night. Check the time.': (
        'Времени {text} в поясе {tz_name} не было: в ту ночь переводили часы. Проверьте время.',
        'Часу {text} у поясі {tz_name} не було: тієї ночі переводили годинник. Перевірте час.'),
    # journal/transport/
    'The certificate fingerprint must be a SHA-256 value: 64 hexadecimal characters.': (
        'Отпечаток сертификата должен быть значением SHA-256: 64 шестнадцатеричных символа.',
        'Відбиток сертифіката має бути значенням SHA-256: 64 шістнадцяткові символи.'),
    'The proxy must be a SOCKS5 proxy (socks5h://host:port, e.g. Tor at socks5h://127.0.0.1:9050) or an HTTP proxy (http://host:port).': (
        'Прокси должен быть SOCKS5 (socks5h://хост:порт, например Tor: socks5h://127.0.0.1:9050) или HTTP (http://хост:порт).',
        'Проксі має бути SOCKS5 (socks5h://хост:порт, наприклад Tor: socks5h://127.0.0.1:9050) або HTTP (http://хост:порт).'),
    'The proxy address needs a host and a port, e.g. socks5h://127.0.0.1:9050.': (
        'В адресе прокси нужны хост и порт, например socks5h://127.0.0.1:9050.', 'В адресі проксі потрібні хост і порт, наприклад socks5h://127.0.0.1:9050.'),
    'The proxy address must be only scheme, host and port.': (
        'Адрес прокси должен состоять только из схемы, хоста и порта.', 'Адреса проксі має складатися лише зі схеми, хоста й порту.'),
    'The proxy address is not valid; for Tor use socks5h://127.0.0.1:9050.': (
        'Недопустимый адрес прокси; для Tor используйте socks5h://127.0.0.1:9050.', 'Неприпустима адреса проксі; для Tor використовуйте socks5h://127.0.0.1:9050.'),
    'The number of attempts must be between 1 and 20.': (
        'Число попыток должно быть от 1 до 20.', 'Кількість спроб має бути від 1 до 20.'),
    'The retry delays must satisfy 0 <= first delay <= longest delay <= 3600 s.': (
        'Паузы между попытками: 0 <= первая пауза <= самая длинная пауза <= 3600 с.',
        'Паузи між спробами: 0 <= перша пауза <= найдовша пауза <= 3600 с.'),
    'The {name} must be between 0 and 3600 seconds.': (
        'Значение «{name}» должно быть от 0 до 3600 секунд.', 'Значення «{name}» має бути від 0 до 3600 секунд.'),
    'Enter the address of the drop folder.': ('Введите адрес папки для передачи.', 'Введіть адресу теки для передавання.'),
    'The drop-folder address must not contain spaces or control characters.': (
        'Адрес папки для передачи не должен содержать пробелов и управляющих символов.',
        'Адреса теки для передавання не повинна містити пробілів і керівних символів.'),
    'The drop-folder address must start with https://.': (
        'Адрес папки для передачи должен начинаться с https://.', 'Адреса теки для передавання має починатися з https://.'),
    'The drop-folder address must not contain a user name or password; enter them in the separate fields instead.': (
        'Адрес папки для передачи не должен содержать имя пользователя или пароль; введите их в отдельных полях.',
        "Адреса теки для передавання не повинна містити ім'я користувача чи пароль; введіть їх в окремих полях."),
    'The drop-folder address has no server name.': (
        'В адресе папки для передачи нет имени сервера.', 'В адресі теки для передавання немає імені сервера.'),
    'The drop-folder address must use https:// so the connection is encrypted; plain http:// is only allowed for this computer (localhost).': (
        'Адрес папки для передачи должен использовать https://, чтобы соединение было зашифровано; обычный http:// допустим только для этого компьютера (localhost).',
        "Адреса теки для передавання має використовувати https://, щоб з'єднання було зашифроване; звичайний http:// допустимий лише для цього комп'ютера (localhost)."),
    "A WebDAV folder address has no '?' part; copy the folder's WebDAV address.": (
        "В адресе папки WebDAV нет части с '?'; скопируйте WebDAV-адрес папки.", "В адресі теки WebDAV немає частини з '?'; скопіюйте WebDAV-адресу теки."),
    'Enter the user name that goes with the password.': (
        'Введите имя пользователя для этого пароля.', "Введіть ім'я користувача для цього пароля."),
    "The user name must not contain ':' or control characters.": (
        "Имя пользователя не должно содержать ':' и управляющих символов.", "Ім'я користувача не повинно містити ':' і керівних символів."),
    'The drop-folder address is not a valid web address.': (
        'Адрес папки для передачи — недопустимый веб-адрес.', 'Адреса теки для передавання — неприпустима веб-адреса.'),
    'The certificate authority file could not be read.': (
        'Не удалось прочитать файл центра сертификации.', 'Не вдалося прочитати файл центру сертифікації.'),
    'certificate pin mismatch (server presented sha256 {value})': (
        'сертификат не совпадает с закреплённым (сервер предъявил sha256 {value})',
        'сертифікат не збігається із закріпленим (сервер пред’явив sha256 {value})'),
    'Sending was cancelled.': ('Отправка отменена.', 'Надсилання скасовано.'),
    'The folder was not found on the server (404). Check the drop-folder link.': (
        'Папка не найдена на сервере (404). Проверьте ссылку на папку для передачи.',
        'Теку не знайдено на сервері (404). Перевірте посилання на теку для передавання.'),
    "The remote file name may only contain letters, digits, '.', '-' and '_'.": (
        "Имя файла на сервере может содержать только буквы, цифры, '.', '-' и '_'.",
        "Ім'я файлу на сервері може містити лише літери, цифри, '.', '-' і '_'."),
    'The bundle size cannot be negative.': ('Размер пакета не может быть отрицательным.', "Розмір пакета не може бути від'ємним."),
    'The remote file name is not a safe bundle name.': (
        'Имя файла на сервере — небезопасное имя пакета.', "Ім'я файлу на сервері — небезпечне ім'я пакета."),
    '{last_error} (gave up after 1 attempt)': (
        '{last_error} (попытки прекращены после первой)', '{last_error} (спроби припинено після першої)'),
    '{last_error} (gave up after {attempts} attempts)': (
        '{last_error} (попытки прекращены; сделано попыток: {attempts})', '{last_error} (спроби припинено; зроблено спроб: {attempts})'),
    'The bundle file became shorter while it was being sent.': (
        'Файл пакета стал короче во время отправки.', 'Файл пакета став коротшим під час надсилання.'),
    "The server's answer was unreasonably large.": ('Ответ сервера неоправданно большой.', 'Відповідь сервера невиправдано велика.'),
    'The server stored {stored} bytes instead of {size}. The bundle should be sent again.': (
        'Сервер сохранил {stored} байт вместо {size}. Пакет нужно отправить снова.',
        'Сервер зберіг {stored} байтів замість {size}. Пакет треба надіслати знову.'),
    'The server did not answer with a WebDAV folder listing.': (
        'Сервер не вернул список содержимого папки WebDAV.', 'Сервер не повернув список вмісту теки WebDAV.'),
    "The server's folder listing could not be read (malformed XML).": (
        'Не удалось прочитать список содержимого папки на сервере (повреждённый XML).',
        'Не вдалося прочитати список вмісту теки на сервері (пошкоджений XML).'),
    # Field names handed to the messages above via N_() (nominative: they are shown in «quotes»)
    'JPEG file': ('файл JPEG', 'файл JPEG'),
    'category key': ('ключ категории', 'ключ категорії'),
    'channel': ('канал', 'канал'),
    'choice': ('вариант', 'варіант'),
    'connect timeout': ('тайм-аут соединения', "тайм-аут з'єднання"),
    'read timeout': ('тайм-аут чтения', 'тайм-аут читання'),
    'write timeout': ('тайм-аут записи', 'тайм-аут запису'),
    'direction': ('направление', 'напрямок'),
    'field key': ('ключ поля', 'ключ поля'),
    'field label': ('название поля', 'назва поля'),
    'follow-up note': ('заметка к напоминанию', 'примітка до нагадування'),
    'form key': ('ключ формы', 'ключ форми'),
    'form label': ('название формы', 'назва форми'),
    'image': ('изображение', 'зображення'),
    'key': ('ключ', 'ключ'),
    'latitude': ('широта', 'широта'),
    'longitude': ('долгота', 'довгота'),
    'messenger': ('мессенджер', 'месенджер'),
    'messenger handle': ('контакт в мессенджере', 'контакт у месенджері'),
    'messenger handles': ('контакты в мессенджерах', 'контакти в месенджерах'),
    'notes': ('заметки', 'нотатки'),
    'other names': ('другие имена', "інші імена"),
    'phone numbers': ('номера телефонов', 'номери телефонів'),
    'place': ('место', 'місце'),
    'role': ('роль', 'роль'),
    'role in the incident': ('роль в инциденте', 'роль в інциденті'),
    'roles': ('роли', 'ролі'),
    'summary': ('краткое содержание', 'стислий зміст'),
    'text': ('текст', 'текст'),
    'title': ('заголовок', 'заголовок'),
    # conditional messages (journal/exchange/exporter.py, forms.py, people.py, reports.py, migrations/__init__.py)
    'Nothing to send: no entries match the selection (nothing new or changed since the last bundle).': (
        'Нечего отправлять: ни одна запись не подходит (с прошлого пакета ничего нового или изменённого).',
        'Нічого надсилати: жоден запис не підходить (з минулого пакета нічого нового чи зміненого).'),
    'Nothing to send: no entries match the selection.': (
        'Нечего отправлять: ни одна запись не подходит под выбор.', 'Нічого надсилати: жоден запис не відповідає вибору.'),
    'No form {key!r} version {version}.': ('Нет формы {key!r} версии {version}.', 'Немає форми {key!r} версії {version}.'),
    'No form {key!r}.': ('Нет формы {key!r}.', 'Немає форми {key!r}.'),
    'This journal was written by a newer version of Incident Journal (schema {version}; this app knows up to {latest}). Update the app to open it; nothing was changed.': (
        'Этот журнал записан более новой версией Incident Journal (схема {version}; это приложение знает схемы до {latest}). Обновите приложение, чтобы открыть его; ничего не изменено.',
        'Цей журнал записано новішою версією Incident Journal (схема {version}; цей застосунок знає схеми до {latest}). Оновіть застосунок, щоб відкрити його; нічого не змінено.'),
    'That person is not linked to that entry as {role}.': (
        'Этот человек не связан с этой записью в роли {role}.', "Ця людина не пов'язана з цим записом у ролі {role}."),
    'That person is not linked to that entry.': ('Этот человек не связан с этой записью.', "Ця людина не пов'язана з цим записом."),
    'No single sender matches {ref!r}.': ('Ни один отправитель не подходит под {ref!r}.', 'Жоден відправник не відповідає {ref!r}.'),
    'Several senders match {ref!r}; use the fingerprint.': (
        'Под {ref!r} подходят несколько отправителей; укажите отпечаток.', 'Під {ref!r} підходять кілька відправників; вкажіть відбиток.'),
    # CLI listings and "show" labels (journal/cli/*.py)
    '          reveals: {fields}': ('          раскрывает: {fields}', '          розкриває: {fields}'),
    '  (in trash)': ('  (в корзине)', '  (у кошику)'),
    ' (deleted from the server)': (' (удалено с сервера)', ' (видалено з сервера)'),
    ' (with password)': (' (с паролем)', ' (з паролем)'),
    ' from {name} [{fingerprint}]': (' от {name} [{fingerprint}]', ' від {name} [{fingerprint}]'),
    '(untitled)': ('(без заголовка)', '(без заголовка)'),
    'No contact-log records.': ('Записей в журнале контактов нет.', 'Записів у журналі контактів немає.'),
    'No follow-ups due.': ('Напоминаний на сегодня нет.', 'Нагадувань на сьогодні немає.'),
    'Outbox:': ('Исходящие:', 'Вихідні:'),
    'Outbox: empty': ('Исходящие: пусто', 'Вихідні: порожньо'),
    'accepted': ('принят', 'прийнято'),
    'already imported': ('уже импортирован', 'уже імпортовано'),
    'rejected: {reason}': ('отклонён: {reason}', 'відхилено: {reason}'),
    'at': ('когда', 'коли'),
    'category': ('категория', 'категорія'),
    'coordinates': ('координаты', 'координати'),
    'ended': ('закончилось', 'закінчилося'),
    'entries': ('записи', 'записи'),
    'follow-up done': ('напоминание выполнено', 'нагадування виконано'),
    'follow-up due': ('срок напоминания', 'термін нагадування'),
    'handles': ('мессенджеры', 'месенджери'),
    'in trash since': ('в корзине с', 'у кошику з'),
    'merged from': ('объединён из', "об'єднано з"),
    'occurred': ('произошло', 'сталося'),
    'organisation': ('организация', 'організація'),
    'people': ('люди', 'люди'),
    'phones': ('телефоны', 'телефони'),
    'pseudonym in bundles': ('псевдоним в пакетах', 'псевдонім у пакетах'),
    'recorded': ('записано', 'записано'),
    'revision': ('версия', 'версія'),
    'sensitive': ('защищённые данные', 'захищені дані'),
    'source': ('источник', 'джерело'),
    'status': ('статус', 'статус'),
    'tags': ('метки', 'мітки'),
    'time zone': ('часовой пояс', 'часовий пояс'),
    'updated': ('изменено', 'змінено'),
    'yes, details never leave this laptop': ('да, данные никогда не покидают этот компьютер', "так, дані ніколи не залишають цей комп'ютер"),
    'A secure connection to {host} could not be established. Nothing was sent.': ('Не удалось установить защищённое соединение с {host}. Ничего не отправлено.',
        'Не вдалося встановити захищене з’єднання з {host}. Нічого не надіслано.'),
    'Connecting to {host} through the proxy took too long. Try again later.': ('Подключение к {host} через прокси заняло слишком много времени. Попробуйте позже.',
        'Підключення до {host} через проксі тривало надто довго. Спробуйте пізніше.'),
    'Connecting to {host} took too long. Try again later.': ('Подключение к {host} заняло слишком много времени. Попробуйте позже.',
        'Підключення до {host} тривало надто довго. Спробуйте пізніше.'),
    'Could not connect to {host}. Check the address and your internet connection.': ('Не удалось подключиться к {host}. Проверьте адрес и подключение к интернету.',
        'Не вдалося підключитися до {host}. Перевірте адресу та підключення до інтернету.'),
    'The certificate of {host} is not the one you pinned. Someone may be intercepting the connection, or the server changed its certificate; nothing was sent.': ('Сертификат {host} не совпадает с закреплённым. Соединение может перехватываться, или сервер сменил сертификат; ничего не отправлено.',
        'Сертифікат {host} не збігається із закріпленим. З’єднання може перехоплюватися, або сервер змінив сертифікат; нічого не надіслано.'),
    'The connection to {host} was cut during the transfer.': ('Соединение с {host} оборвалось во время передачи.',
        'З’єднання з {host} обірвалося під час передавання.'),
    'The connection to {host} was cut while it was being set up.': ('Соединение с {host} оборвалось при установке.',
        'З’єднання з {host} обірвалося під час встановлення.'),
    'The disk is full, so the last change could not be saved. Everything saved before is intact. Free some space and try again.': ('Диск заполнен, поэтому последнее изменение не сохранено. Всё, что было сохранено раньше, цело. Освободите место и попробуйте снова.',
        'Диск заповнений, тому останню зміну не збережено. Усе, що було збережено раніше, ціле. Звільніть місце й спробуйте знову.'),
    'The disk reported an error while saving. Everything saved before is intact; the drive may be failing or was removed. Copy the journal elsewhere.': ('Диск сообщил об ошибке при сохранении. Всё, что было сохранено раньше, цело; возможно, накопитель неисправен или был извлечён. Скопируйте журнал в другое место.',
        'Диск повідомив про помилку під час збереження. Усе, що було збережено раніше, ціле; можливо, накопичувач несправний або його вийняли. Скопіюйте журнал в інше місце.'),
    'The file on the server is larger than the limit of {max_size} bytes; it was not downloaded.': ('Файл на сервере больше допустимых {max_size} байт; он не скачан.',
        'Файл на сервері більший за допустимі {max_size} байт; його не завантажено.'),
    'The identity of {host} could not be verified (its certificate is not trusted or does not match the name). Nothing was sent.': ('Не удалось подтвердить подлинность {host} (сертификату нет доверия или он не соответствует имени). Ничего не отправлено.',
        'Не вдалося підтвердити справжність {host} (сертифікату немає довіри або він не відповідає імені). Нічого не надіслано.'),
    'The journal folder is read-only, so nothing can be saved. Everything saved before is intact. Check the drive (a USB stick may have a write-protect switch).': ('Папка журнала доступна только для чтения, поэтому ничего нельзя сохранить. Всё, что было сохранено раньше, цело. Проверьте накопитель (на флешке может быть переключатель защиты от записи).',
        'Тека журналу доступна лише для читання, тому нічого не можна зберегти. Усе, що було збережено раніше, ціле. Перевірте накопичувач (на флешці може бути перемикач захисту від запису).'),
    'The network transfer with {host} failed.': ('Передача данных с {host} не удалась.',
        'Передавання даних із {host} не вдалося.'),
    'The proxy could not be reached. If you use Tor, make sure Tor (or Tor Browser) is running and the proxy address is right.': ('Прокси недоступен. Если вы пользуетесь Tor, убедитесь, что Tor (или Tor Browser) запущен и адрес прокси указан верно.',
        'Проксі недоступний. Якщо ви користуєтеся Tor, переконайтеся, що Tor (або Tor Browser) запущено і адресу проксі вказано правильно.'),
    'The proxy is running but could not reach {host}. Check the address, or try again later.': ('Прокси работает, но не смог связаться с {host}. Проверьте адрес или попробуйте позже.',
        'Проксі працює, але не зміг зв’язатися з {host}. Перевірте адресу або спробуйте пізніше.'),
    'The server answered {code} when asked to {action}.': ('Сервер ответил кодом {code} на попытку {action}.',
        'Сервер відповів кодом {code} на спробу {action}.'),
    'The server had a problem ({code}) while trying to {action}. Try again later.': ('На сервере произошла ошибка ({code}) при попытке {action}. Попробуйте позже.',
        'На сервері сталася помилка ({code}) під час спроби {action}. Спробуйте пізніше.'),
    'The server has no room left for the bundle (507 Insufficient Storage). Ask the coordinator to free space; trying again will not help until then.': ('На сервере не осталось места для пакета (507 Insufficient Storage). Попросите координатора освободить место; до этого повторные попытки не помогут.',
        'На сервері не залишилося місця для пакета (507 Insufficient Storage). Попросіть координатора звільнити місце; доти повторні спроби не допоможуть.'),
    'The server redirected the request ({code}). Use the final address of the drop folder.': ('Сервер перенаправил запрос ({code}). Укажите окончательный адрес папки для передачи.',
        'Сервер перенаправив запит ({code}). Вкажіть остаточну адресу теки для передавання.'),
    'The server refused the password or the link. Check the drop-folder link and its password.': ('Сервер не принял пароль или ссылку. Проверьте ссылку на папку для передачи и её пароль.',
        'Сервер не прийняв пароль або посилання. Перевірте посилання на теку для передавання та її пароль.'),
    'The server refused to let us {action} (403). The link or password may be wrong, or this folder does not allow it.': ('Сервер не разрешил {action} (403). Возможно, ссылка или пароль неверны, или эта папка этого не позволяет.',
        'Сервер не дозволив {action} (403). Можливо, посилання або пароль неправильні, або ця тека цього не дозволяє.'),
    'delete the bundle': ('удалить пакет',
        'видалити пакет'),
    'download the bundle': ('скачать пакет',
        'завантажити пакет'),
    'list the folder': ('получить список файлов папки',
        'отримати список файлів теки'),
    'open the folder': ('открыть папку',
        'відкрити теку'),
    'store the bundle': ('сохранить пакет на сервере',
        'зберегти пакет на сервері'),
    '{host} stopped answering. Try again later.': ('{host} перестал отвечать. Попробуйте позже.',
        '{host} перестав відповідати. Спробуйте пізніше.'),
    # journal/storage/blobfiles.py
    "The encrypted file of this attachment ({path}) is missing or damaged. Run `journal verify` and restore the journal from a backup.": (
        'Зашифрованный файл этого вложения ({path}) отсутствует или повреждён. Запустите `journal verify` и восстановите журнал из резервной копии.',
        'Зашифрований файл цього вкладення ({path}) відсутній або пошкоджений. Запустіть `journal verify` і відновіть журнал із резервної копії.'),
    # journal/storage/backup.py (attachment files)
    'Cannot back up: the attachment file {path} is missing from the journal folder. Run `journal verify` to see which attachment it belongs to.': (
        'Не удаётся создать резервную копию: файла вложения {path} нет в папке журнала. Запустите `journal verify`, чтобы узнать, к какому вложению он относится.',
        'Не вдається створити резервну копію: файлу вкладення {path} немає в теці журналу. Запустіть `journal verify`, щоб дізнатися, до якого вкладення він належить.'),
    'The backup file has too many members to be an Incident Journal backup.': (
        'В файле резервной копии слишком много файлов для резервной копии Incident Journal.',
        'У файлі резервної копії забагато файлів для резервної копії Incident Journal.'),
    'The backup is incomplete: {name} is missing.': (
        'Резервная копия неполная: нет {name}.',
        'Резервна копія неповна: немає {name}.'),
    'The backup is damaged: {name} is not listed in its description.': (
        'Резервная копия повреждена: {name} не указан в её описании.',
        'Резервну копію пошкоджено: {name} не зазначено в її описі.'),
    'The backup is incomplete: the attachment file {name} is missing or has the wrong size.': (
        'Резервная копия неполная: файл вложения {name} отсутствует или имеет неверный размер.',
        'Резервна копія неповна: файл вкладення {name} відсутній або має неправильний розмір.'),
    'Backup written to {path} ({size:,} bytes) and verified: {entries} entries, {files} attachment files.': (
        'Резервная копия записана в {path} ({size:,} байт) и проверена: записей — {entries}, файлов вложений — {files}.',
        'Резервну копію записано в {path} ({size:,} байтів) і перевірено: записів — {entries}, файлів вкладень — {files}.'),
    # journal/exchange/importer.py: the note stored with a received attachment (in the language of the import)
    'Received from {sender} in bundle {bundle_id}.': (
        'Получено от {sender} в пакете {bundle_id}.',
        'Отримано від {sender} у пакеті {bundle_id}.'),
    # journal/report_pdf.py: the PDF report (the desktop app's report dialog uses it too)
    'Incident report': ('Отчёт об инцидентах', 'Звіт про інциденти'),
    'Created': ('Создано', 'Створено'),
    'Journal': ('Журнал', 'Журнал'),
    'Entries': ('Записи', 'Записи'),
    'Filters': ('Фильтры', 'Фільтри'),
    'None: all entries.': ('Нет: все записи.', 'Немає: усі записи.'),
    'Contact details (phone numbers, messenger handles) were left out.': (
        'Контактные данные (номера телефонов, аккаунты в мессенджерах) не включены.',
        'Контактні дані (номери телефонів, акаунти в месенджерах) не додано.'),
    'This file is not encrypted. Keep it safe and delete it when it is no longer needed.': (
        'Этот файл не зашифрован. Храните его в надёжном месте и удалите, когда он станет не нужен.',
        'Цей файл не зашифровано. Зберігайте його в надійному місці й видаліть, коли він стане не потрібен.'),
    'Page {page} of {pages}': ('Страница {page} из {pages}', 'Сторінка {page} з {pages}'),
    'The font for PDF reports ({name}) is missing from this installation. Reinstall the app.': (
        'Шрифт для PDF-отчётов ({name}) отсутствует в этой установке. Переустановите приложение.',
        'Шрифту для PDF-звітів ({name}) немає в цьому встановленні. Перевстановіть застосунок.'),
    'When': ('Когда', 'Коли'),
    'Time zone': ('Часовой пояс', 'Часовий пояс'),
    'Place': ('Место', 'Місце'),
    'Coordinates': ('Координаты', 'Координати'),
    'Category': ('Категория', 'Категорія'),
    'Tags': ('Метки', 'Мітки'),
    'Status': ('Статус', 'Статус'),
    'Source': ('Источник', 'Джерело'),
    'Received from': ('Получено от', 'Отримано від'),
    'Entry id': ('Идентификатор записи', 'Ідентифікатор запису'),
    'Revision': ('Редакция', 'Редакція'),
    'What happened': ('Что произошло', 'Що сталося'),
    'People': ('Люди', 'Люди'),
    'Contact log': ('Журнал контактов', 'Журнал контактів'),
    'Attachments': ('Вложения', 'Вкладення'),
    '{media_type}, {size} bytes, SHA-256 {sha256}…': (
        '{media_type}, {size} Б, SHA-256 {sha256}…', '{media_type}, {size} Б, SHA-256 {sha256}…'),
    # the report's filters (journal.records.reports.ReportFilter.describe names them in English)
    'Tag': ('Метка', 'Мітка'),
    'From': ('Дата с', 'Дата з'),
    'To': ('Дата по', 'Дата по'),
    'Sender': ('Отправитель', 'Відправник'),
    'Origin': ('Происхождение', 'Походження'),
    'Trash': ('Корзина', 'Кошик'),
    'Selected entries': ('Выбранные записи', 'Вибрані записи'),
    'own entries': ('собственные записи', 'власні записи'),
    'received entries': ('полученные записи', 'отримані записи'),
    # issue 19: bundles (journal/exchange/importer.py, bundle/manifest.py, records_jsonl.py)
    'Files in the bundle that no entry received uses were not kept: {count}.': (
        'Файлы из пакета, которые не использует ни одна полученная запись, не сохранены: {count}.',
        'Файли з пакета, які не використовує жоден отриманий запис, не збережено: {count}.'),
    'the file changed while it was being imported': (
        'файл изменился во время импорта', 'файл змінився під час імпорту'),
    "A sender's name may not contain control or text-direction characters.": (
        'Имя отправителя не может содержать управляющие символы и символы направления текста.',
        "Ім'я відправника не може містити керівні символи та символи напрямку тексту."),
    "the sender's name contains control or text-direction characters": (
        'имя отправителя содержит управляющие символы или символы направления текста',
        "ім'я відправника містить керівні символи або символи напрямку тексту"),
    '{what} contains control or text-direction characters': (
        '{what} содержит управляющие символы или символы направления текста',
        '{what} містить керівні символи або символи напрямку тексту'),
    'member changed while the bundle was written: {path}': (
        'файл изменился во время записи пакета: {path}', 'файл змінився під час запису пакета: {path}'),
}
