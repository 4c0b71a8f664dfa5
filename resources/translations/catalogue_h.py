"""Translations, batch H (the desktop second pass, issue 17). source -> (Russian, Ukrainian).

Read by tools/update_translations.py, like the other batches.
"""

TRANSLATIONS = {
    '<p>The English word <b>ERASE</b> works too, in any keyboard layout.</p>': (
        '<p>Английское слово <b>ERASE</b> тоже подходит, в любой раскладке клавиатуры.</p>',
        '<p>Англійське слово <b>ERASE</b> теж підходить, у будь-якій розкладці клавіатури.</p>'),
    '“{title}” moved to the trash.': ('Запись «{title}» перемещена в корзину.', 'Запис «{title}» переміщено до кошика.'),
    'No printer is set up on this computer, so printing can only write the recovery code into a PDF file. That file is not encrypted: anyone who gets this laptop can read the code in it and open your journal.\n\nWrite the code down by hand instead, or save the file only on a stick you keep apart from the laptop.': (
        'На этом компьютере не настроен принтер, поэтому печать может только записать код восстановления в PDF-файл. Этот файл не зашифрован: любой, к кому попадёт ноутбук, прочитает в нём код и откроет ваш журнал.\n\nЛучше перепишите код от руки или сохраните файл только на флешку, которую храните отдельно от ноутбука.',
        'На цьому комп’ютері не налаштовано принтер, тому друк може лише записати код відновлення в PDF-файл. Цей файл не зашифровано: будь-хто, до кого потрапить ноутбук, прочитає в ньому код і відкриє ваш журнал.\n\nКраще перепишіть код від руки або збережіть файл лише на флешку, яку зберігаєте окремо від ноутбука.'),
    'This writes the recovery code unencrypted into the file {file}. Anyone who can read that file can open your journal. Write it anyway?': (
        'Код восстановления будет записан незашифрованным в файл {file}. Любой, кто сможет прочитать этот файл, откроет ваш журнал. Всё равно записать?',
        'Код відновлення буде записано незашифрованим у файл {file}. Будь-хто, хто зможе прочитати цей файл, відкриє ваш журнал. Все одно записати?'),
    '(a PDF file)': ('(PDF-файл)', '(PDF-файл)'),
    'Recovery code in a file': ('Код восстановления в файле', 'Код відновлення у файлі'),
    'Write the file anyway': ('Всё равно записать файл', 'Все одно записати файл'),
    'Show in folder': ('Показать в папке', 'Показати в теці'),
    'No file manager could be opened on this computer. The bundle was saved in:\n{folder}': (
        'На этом компьютере не удалось открыть файловый менеджер. Пакет сохранён в папке:\n{folder}',
        'На цьому комп’ютері не вдалося відкрити файловий менеджер. Пакет збережено в теці:\n{folder}'),
    '&Restore this version': ('&Восстановить эту версию', '&Відновити цю версію'),
    'Latitude': ('Широта', 'Широта'),
    'Longitude': ('Долгота', 'Довгота'),
    'Make this version the current one again. It is saved as a new version; nothing is deleted.': (
        'Снова сделать эту версию текущей. Она сохраняется как новая версия; ничего не удаляется.',
        'Знову зробити цю версію поточною. Її збережено як нову версію; нічого не видаляється.'),
    'Version {n} restored as version {m}.': ('Версия {n} восстановлена как версия {m}.', 'Версію {n} відновлено як версію {m}.'),
    'Choose a form…': ('Выберите форму…', 'Виберіть форму…'),
    'The new language is used after the app restarts. Restart now? The journal is locked first (everything typed is saved); you unlock it again in the new language.': (
        'Новый язык будет использован после перезапуска приложения. Перезапустить сейчас? Сначала журнал будет заблокирован (всё введённое сохранится); затем вы разблокируете его уже на новом языке.',
        'Нову мову буде використано після перезапуску застосунку. Перезапустити зараз? Спершу журнал буде заблоковано (усе введене збережеться); потім ви розблокуєте його вже новою мовою.'),
    '&Restart now': ('&Перезапустить сейчас', '&Перезапустити зараз'),
    '&Later': ('&Позже', '&Пізніше'),
    'The interface language. The app offers to restart when it changes.': (
        'Язык интерфейса. При его смене приложение предложит перезапуститься.',
        'Мова інтерфейсу. Коли її змінено, застосунок запропонує перезапуститися.'),
    'St&atus:': ('С&татус:', 'С&татус:'),
    'New journal': ('Новый журнал', 'Новий журнал'),
    'Locked': ('Заблокирован', 'Заблоковано'),
}
