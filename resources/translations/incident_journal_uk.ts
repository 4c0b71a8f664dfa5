<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Incident Journal {version}&lt;/h3&gt;&lt;p&gt;An encrypted, offline journal for human-rights documenters.&lt;/p&gt;&lt;p&gt;Entries are stored in an SQLCipher 4 database; the key is protected by your passphrase (Argon2id). The app makes no network connection unless you send a bundle.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Журнал інцидентів {version}&lt;/h3&gt;&lt;p&gt;Зашифрований офлайн-журнал для правозахисників, які документують порушення.&lt;/p&gt;&lt;p&gt;Записи зберігаються в базі даних SQLCipher 4; ключ захищено вашою парольною фразою (Argon2id). Застосунок не підключається до мережі, доки ви не надсилаєте пакет.&lt;/p&gt;&lt;p&gt;Ліцензія: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Incident Journal</source>
        <translation>Про «Журнал інцидентів»</translation>
    </message>
</context>
<context>
    <name>AddCoordinatorDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Додати</translation>
    </message>
    <message>
        <source>&amp;Open card file…</source>
        <translation>&amp;Відкрити файл картки…</translation>
    </message>
    <message>
        <source>Add coordinator</source>
        <translation>Додати координатора</translation>
    </message>
    <message>
        <source>Card of “{name}”
Fingerprint: {fp}</source>
        <translation>Картка «{name}»
Відбиток: {fp}</translation>
    </message>
    <message>
        <source>Card text</source>
        <translation>Текст картки</translation>
    </message>
    <message>
        <source>Not a valid card: {reason}</source>
        <translation>Недійсна картка: {reason}</translation>
    </message>
    <message>
        <source>Open card file</source>
        <translation>Відкрити файл картки</translation>
    </message>
    <message>
        <source>Paste the coordinator&apos;s card (a line starting with “ijcard1:”) or open the .ijcard file they gave you.</source>
        <translation>Вставте картку координатора (рядок, що починається з «ijcard1:») або відкрийте отриманий від нього файл .ijcard.</translation>
    </message>
    <message>
        <source>Read a .ijcard file</source>
        <translation>Прочитати файл .ijcard</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>There is no journal in {folder}. Create a new journal there?</source>
        <translation>У теці {folder} немає журналу. Створити там новий журнал?</translation>
    </message>
    <message>
        <source>The new language is used after the app restarts. Restart now? The journal is locked first (everything typed is saved); you unlock it again in the new language.</source>
        <translation>Нову мову буде використано після перезапуску застосунку. Перезапустити зараз? Спершу журнал буде заблоковано (усе введене збережеться); потім ви розблокуєте його вже новою мовою.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Перезапустити зараз</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Пізніше</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Вкладення</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Camera owner</source>
        <translation>Власник камери</translation>
    </message>
    <message>
        <source>Camera serial number</source>
        <translation>Серійний номер камери</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Авторські права</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>За розміром вікна</translation>
    </message>
    <message>
        <source>Fit the picture to the window (F)</source>
        <translation>Вписати зображення у вікно (F)</translation>
    </message>
    <message>
        <source>Hidden data</source>
        <translation>Приховані дані</translation>
    </message>
    <message>
        <source>reading the file…</source>
        <translation>триває читання файлу…</translation>
    </message>
    <message>
        <source>nothing identifying found</source>
        <translation>нічого ідентифікувального не знайдено</translation>
    </message>
    <message>
        <source>GPS altitude</source>
        <translation>Висота GPS</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>Координати GPS</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Імпортовано</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Об&apos;єктив</translation>
    </message>
    <message>
        <source>Lens serial number</source>
        <translation>Серійний номер об&apos;єктива</translation>
    </message>
    <message>
        <source>Next attachment (Right arrow)</source>
        <translation>Наступне вкладення (стрілка праворуч)</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Далі ›</translation>
    </message>
    <message>
        <source>No preview for this kind of file ({type}).
Use “Save a copy…” to open it with another program.</source>
        <translation>Для файлів цього типу ({type}) немає попереднього перегляду.
Щоб відкрити його в іншій програмі, виберіть «Зберегти копію…».</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Орієнтація</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Зображення</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Пікселі</translation>
    </message>
    <message>
        <source>Previous attachment (Left arrow)</source>
        <translation>Попереднє вкладення (стрілка ліворуч)</translation>
    </message>
    <message>
        <source>SHA-256 of the original</source>
        <translation>SHA-256 оригіналу</translation>
    </message>
    <message>
        <source>Save a copy outside the journal, metadata removed by default (Ctrl+S)</source>
        <translation>Зберегти копію поза журналом; метадані за замовчуванням видаляються (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Зберегти копію…</translation>
    </message>
    <message>
        <source>Show at the decoded size (Ctrl+0)</source>
        <translation>Показати в початковому розмірі (Ctrl+0)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Програма</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Знято</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>What this file reveals</source>
        <translation>Що видає цей файл</translation>
    </message>
    <message>
        <source>When saved as a cleaned copy or sent</source>
        <translation>Під час збереження очищеної копії або надсилання</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Збільшити</translation>
    </message>
    <message>
        <source>upright</source>
        <extracomment>What a video, recording, PDF or document reveals (journal.media.findings), read on demand.</extracomment>
        <translation>без повороту</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>дзеркально відображено</translation>
    </message>
    <message>
        <source>upside down</source>
        <translation>перевернуто</translation>
    </message>
    <message>
        <source>upside down, mirrored</source>
        <translation>перевернуто, дзеркально відображено</translation>
    </message>
    <message>
        <source>turned, mirrored</source>
        <translation>повернуто, дзеркально відображено</translation>
    </message>
    <message>
        <source>turned right (shown upright)</source>
        <translation>повернуто праворуч (показано прямо)</translation>
    </message>
    <message>
        <source>turned left (shown upright)</source>
        <translation>повернуто ліворуч (показано прямо)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Збільшити (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Зменшити</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Зменшити (Ctrl+-)</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} з {total}</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Назад</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>All files (*)</source>
        <translation>Усі файли (*)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикріпити файли</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was attached.</source>
        <translation>Імпорт скасовано. Нічого не прикріплено.</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>Metadata in this type of file ({type}) cannot be removed: the copy keeps its author, dates, device and possibly location, exactly as in the original. A screenshot or photo of the document is safer to share.</source>
        <translation>З файлів цього типу ({type}) метадані видалити не можна: копія збереже автора, дати, пристрій і, можливо, місце — як в оригіналі. Безпечніше передати знімок екрана або фотографію документа.</translation>
    </message>
    <message>
        <source>Nothing identifying was found; the copy is cleaned anyway.</source>
        <translation>Ідентифікувальних даних не знайдено; копію все одно очищено.</translation>
    </message>
    <message>
        <source>Photos and images (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff)</source>
        <translation>Фотографії та зображення (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Removed from the copy: {fields}.</source>
        <translation>Видалено з копії: {fields}.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Зберегти копію</translation>
    </message>
    <message>
        <source>The copy will be identical to the original, with any metadata it carries.</source>
        <translation>Копія буде ідентична оригіналу, з усіма його метаданими.</translation>
    </message>
    <message>
        <source>The copy will carry everything in the original, including: {fields}.</source>
        <translation>Копія збереже все, що є в оригіналі, зокрема: {fields}.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>байтів</translation>
    </message>
    <message>
        <source>{name} changed while it was being attached, so it was not deleted.</source>
        <translation>Файл {name} змінився під час додавання, тому його не видалено.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>Прикріплено %n файл.</numerusform>
            <numerusform>Прикріплено %n файли.</numerusform>
            <numerusform>Прикріплено %n файлів.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Прикріпити файли…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Вставити зображення</translation>
    </message>
    <message>
        <source>&amp;Remove from entry</source>
        <translation>&amp;Прибрати із запису</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Зберегти копію…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Перегляд</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Додати файли</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Додати файли…</translation>
    </message>
    <message>
        <source>Attach photos or other files to the entry</source>
        <translation>Прикріпити до запису фотографії або інші файли</translation>
    </message>
    <message>
        <source>Attach photos or other files to this entry (Ctrl+Shift+A)</source>
        <translation>Прикріпити до цього запису фотографії або інші файли (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach the picture on the clipboard to the entry</source>
        <translation>Прикріпити до запису зображення з буфера обміну</translation>
    </message>
    <message>
        <source>Attach the picture on the clipboard, e.g. a screenshot (Ctrl+Shift+V, or Ctrl+V in the text)</source>
        <translation>Прикріпити зображення з буфера обміну, наприклад знімок екрана (Ctrl+Shift+V або Ctrl+V у тексті)</translation>
    </message>
    <message numerus="yes">
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>Прикріплюється %n файл…</numerusform>
            <numerusform>Прикріплюються %n файли…</numerusform>
            <numerusform>Прикріплюються %n файлів…</numerusform>
        </translation>
    </message>
    <message>
        <source>Attaching the pasted picture…</source>
        <translation>Прикріплюється вставлене зображення…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вкладення</translation>
    </message>
    <message>
        <source>Double-click or press Enter to view; right-click for more</source>
        <translation>Подвійне клацання або Enter — перегляд; клацання правою кнопкою — інші дії</translation>
    </message>
    <message>
        <source>Fill the entry&apos;s empty time and coordinates from the photo</source>
        <translation>Заповнити порожні час і координати запису з фотографії</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was attached.</source>
        <translation>Імпорт скасовано. Нічого не прикріплено.</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал інцидентів</translation>
    </message>
    <message>
        <source>No photos or files yet. Drop them here or on the entry list, paste a screenshot, or click “Add files…”.</source>
        <translation>Фотографій і файлів поки немає. Перетягніть їх сюди або на список записів, вставте знімок екрана або натисніть «Додати файли…».</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не зараз</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Вставити зображення</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Фотографії та файли</translation>
    </message>
    <message>
        <source>Photos and files ({n})</source>
        <translation>Фотографії та файли ({n})</translation>
    </message>
    <message>
        <source>Removed “{name}” from the entry.</source>
        <translation>«{name}» прибрано із запису.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Зберегти копію</translation>
    </message>
    <message>
        <source>Saved a cleaned copy to {path}.</source>
        <translation>Очищену копію збережено в {path}.</translation>
    </message>
    <message>
        <source>Saved an unchanged copy to {path}.</source>
        <translation>Незмінену копію збережено в {path}.</translation>
    </message>
    <message>
        <source>Saved to {path}.

{warning}</source>
        <translation>Збережено в {path}.

{warning}</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Зберігається копія…</translation>
    </message>
    <message>
        <source>The camera recorded no time zone; the entry&apos;s zone is used.</source>
        <translation>Камера не записала часовий пояс; використано пояс запису.</translation>
    </message>
    <message>
        <source>The journal is locked.</source>
        <translation>Журнал заблоковано.</translation>
    </message>
    <message>
        <source>The photo&apos;s time and place were added to the entry.</source>
        <translation>Час і місце зйомки додано до запису.</translation>
    </message>
    <message>
        <source>There is no picture on the clipboard to attach.</source>
        <translation>У буфері обміну немає зображення.</translation>
    </message>
    <message>
        <source>Use the photo&apos;s time and place? ({details})</source>
        <translation>Використати час і місце зйомки? ({details})</translation>
    </message>
    <message>
        <source>Use them</source>
        <translation>Використати</translation>
    </message>
    <message>
        <source>at {lat:.5f}, {lon:.5f}</source>
        <translation>у точці {lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <source>taken {time}</source>
        <translation>знято {time}</translation>
    </message>
    <message>
        <source>{reason}

Save it unchanged, with all the metadata it carries?</source>
        <translation>{reason}

Зберегти без змін, з усіма метаданими?</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Bar chart</source>
        <translation>Стовпчикова діаграма</translation>
    </message>
    <message>
        <source>Nothing to count</source>
        <translation>Нічого рахувати</translation>
    </message>
</context>
<context>
    <name>BuiltinForms</name>
    <message>
        <source>{form}: {field}</source>
        <translation>{form}: {field}</translation>
    </message>
</context>
<context>
    <name>BundlePanel</name>
    <message>
        <source>Changed since.</source>
        <translation>Відтоді змінено.</translation>
    </message>
    <message>
        <source>Last sent {time} to {names}.</source>
        <translation>Останнє надсилання: {time}, кому: {names}.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ще не збережено</translation>
    </message>
    <message>
        <source>Not sent to a coordinator yet.</source>
        <translation>Координатору ще не надсилався.</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Нотатки:</translation>
    </message>
    <message>
        <source>Received from {sender} in bundle {bundle}, {time}.</source>
        <translation>Отримано від {sender} у пакеті {bundle}, {time}.</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>Нотатки перевірки</translation>
    </message>
    <message>
        <source>Review saved</source>
        <translation>Перевірку збережено</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Статус перевірки</translation>
    </message>
    <message>
        <source>Review tags</source>
        <translation>Мітки перевірки</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Перевірка:</translation>
    </message>
    <message>
        <source>Save &amp;review</source>
        <translation>Зберегти &amp;перевірку</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Зберегти перевірку</translation>
    </message>
    <message>
        <source>Save the review status, tags and notes</source>
        <translation>Зберегти статус перевірки, мітки й нотатки</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Мітки:</translation>
    </message>
    <message>
        <source>The documenter&apos;s text is read-only here.</source>
        <translation>Текст документатора тут доступний лише для читання.</translation>
    </message>
    <message>
        <source>When this entry was sent</source>
        <translation>Коли цей запис було надіслано</translation>
    </message>
    <message>
        <source>Where this entry came from</source>
        <translation>Звідки надійшов цей запис</translation>
    </message>
    <message>
        <source>Your notes (not sent back to the documenter)</source>
        <translation>Ваші нотатки (документаторові не надсилаються)</translation>
    </message>
    <message>
        <source>Your review of this received entry</source>
        <translation>Ваша перевірка отриманого запису</translation>
    </message>
    <message>
        <source>Your tags, separated by commas</source>
        <translation>Ваші мітки через кому</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>байтів</translation>
    </message>
    <message>
        <source>Contact cards (*.ijcard);;All files (*)</source>
        <translation>Картки контактів (*.ijcard);;Усі файли (*)</translation>
    </message>
    <message>
        <source>⚠ Not verified</source>
        <translation>⚠ Не перевірено</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ Перевірено</translation>
    </message>
    <message>
        <source>A bundle comes from “{name}”, a sender this journal does not know yet.

Fingerprint:
{fp}

Compare it with the documenter by phone or in person before you trust it. Trust this sender?</source>
        <translation>Пакет надійшов від «{name}» — відправника, якого цей журнал ще не знає.

Відбиток:
{fp}

Перш ніж довіряти, звірте відбиток із документатором телефоном або під час зустрічі. Довіряти цьому відправникові?</translation>
    </message>
    <message>
        <source>WARNING: a sender called “{name}” is already known with a DIFFERENT key. This bundle may come from someone else.

</source>
        <translation>УВАГА: відправник з ім&apos;ям «{name}» уже відомий з ІНШИМ ключем. Цей пакет може бути від когось іншого.

</translation>
    </message>
    <message>
        <source>Trust this sender?</source>
        <translation>Довіряти цьому відправникові?</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримані</translation>
    </message>
    <message>
        <source>All received</source>
        <translation>Усі отримані</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>перевірений</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>неперевірений</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокований</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новий</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Переглянутий</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Треба уточнити</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Перевірений</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Під сумнівом</translation>
    </message>
</context>
<context>
    <name>BundlesFeature</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Імпорт пакетів…</translation>
    </message>
    <message>
        <source>&amp;Send to coordinator…</source>
        <translation>&amp;Надіслати координатору…</translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation>Координатори</translation>
    </message>
    <message>
        <source>Import a &amp;folder of bundles…</source>
        <translation>Імпорт &amp;теки з пакетами…</translation>
    </message>
    <message>
        <source>Import bundles received from documenters (Ctrl+Shift+I)</source>
        <translation>Імпортувати пакети, отримані від документаторів (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Import every .ijbundle file in a folder</source>
        <translation>Імпортувати всі файли .ijbundle з теки</translation>
    </message>
    <message>
        <source>My &amp;card…</source>
        <translation>Моя &amp;картка…</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Відправники</translation>
    </message>
    <message>
        <source>This journal&apos;s card and fingerprint, to give to a coordinator</source>
        <translation>Картка й відбиток цього журналу для передачі координаторові</translation>
    </message>
    <message>
        <source>Write an encrypted bundle for coordinators (Ctrl+Shift+E)</source>
        <translation>Записати зашифрований пакет для координаторів (Ctrl+Shift+E)</translation>
    </message>
</context>
<context>
    <name>CardNameDialog</name>
    <message>
        <source>Name on your card</source>
        <translation>Ім&apos;я на вашій картці</translation>
    </message>
    <message>
        <source>Coordinators, and anyone who gets your card or a bundle from you, see this name. It is not your journal&apos;s name, which stays private inside the encryption.

Choose something that does not identify you or where you are, in case the card falls into the wrong hands. Leave it empty to use “{default}”. You can change it later in My card.</source>
        <translation>Це ім&apos;я бачать координатори та всі, хто отримає від вас картку чи пакет. Це не назва вашого журналу: вона лишається таємною всередині шифрування.

Оберіть ім&apos;я, за яким не можна впізнати вас чи місце, де ви перебуваєте, — на випадок, якщо картка потрапить у чужі руки. Залиште поле порожнім, щоб використати «{default}». Ім&apos;я можна змінити пізніше у вікні «Моя картка».</translation>
    </message>
    <message>
        <source>&amp;Public name:</source>
        <translation>&amp;Публічне ім&apos;я:</translation>
    </message>
    <message>
        <source>Public name on your card</source>
        <translation>Публічне ім&apos;я на вашій картці</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Detention</source>
        <translation>Затримання</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Змінити парольну фразу</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Нова парольна фраза</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Повторіть нову парольну фразу</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Нова парольна фраза:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторіть її:</translation>
    </message>
    <message>
        <source>Change the &amp;key too (after a passphrase was given up)</source>
        <translation>Змінити й &amp;ключ (якщо парольну фразу довелося видати)</translation>
    </message>
    <message>
        <source>Change the key too</source>
        <translation>Змінити й ключ</translation>
    </message>
    <message>
        <source>&lt;p&gt;Without this, only the passphrase changes: an old copy of the key file (a backup, or one recovered from the disk) still opens the journal with the old passphrase.&lt;/p&gt;&lt;p&gt;With it, the journal gets a new key, every attached file is encrypted again under a new key, and you get a new recovery code: the old passphrase, the old recovery code and old copies of the key file open nothing current. It takes a while with many attachments. Backups made before are not changed: they still open with the old passphrase.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Без цього змінюється лише парольна фраза: стара копія файлу ключа (резервна копія або копія, відновлена з диска) і далі відкриває журнал старою парольною фразою.&lt;/p&gt;&lt;p&gt;З цим журнал отримує новий ключ, кожен прикріплений файл наново шифрується новим ключем, і ви отримуєте новий код відновлення: стара парольна фраза, старий код відновлення та старі копії файлу ключа не відкривають нічого з поточного. З великою кількістю вкладень це триває якийсь час. Зроблені раніше резервні копії не змінюються: вони й далі відкриваються старою парольною фразою.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Виберіть парольну фразу довжиною щонайменше %n символ.</numerusform>
            <numerusform>Виберіть парольну фразу довжиною щонайменше %n символи.</numerusform>
            <numerusform>Виберіть парольну фразу довжиною щонайменше %n символів.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Дві парольні фрази не збігаються.</translation>
    </message>
</context>
<context>
    <name>ContactLogEditDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Змінити контакт</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Новий контакт</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ніхто</translation>
    </message>
    <message>
        <source>With: {names}</source>
        <translation>З ким: {names}</translation>
    </message>
    <message>
        <source>People the contact was with</source>
        <translation>З ким був контакт</translation>
    </message>
    <message>
        <source>W&amp;ith:</source>
        <translation>З ки&amp;м:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>When the contact happened, in the local time of the place</source>
        <translation>Коли був контакт, за місцевим часом місця</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовий пояс</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Як:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>Ко&amp;ротко:</translation>
    </message>
    <message>
        <source>&amp;Follow up by</source>
        <translation>&amp;Нагадати до</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Дата нагадування</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>Примітка до нагадування</translation>
    </message>
    <message>
        <source>What to check or do</source>
        <translation>Що перевірити чи зробити</translation>
    </message>
    <message>
        <source>Tick at least one person the contact was with.</source>
        <translation>Позначте хоча б одну людину, з якою був контакт.</translation>
    </message>
</context>
<context>
    <name>ContactLogModel</name>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Нагадування</translation>
    </message>
    <message>
        <source>Follow-up: {note}</source>
        <translation>Нагадування: {note}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>deleted person</source>
        <translation>видалена особа</translation>
    </message>
    <message>
        <source>{date} (done)</source>
        <translation>{date} (виконано)</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (прострочено)</translation>
    </message>
    <message>
        <source>{date} (today)</source>
        <translation>{date} (сьогодні)</translation>
    </message>
</context>
<context>
    <name>ContactLogPage</name>
    <message>
        <source>All channels</source>
        <translation>Усі канали</translation>
    </message>
    <message>
        <source>Close the selected record&apos;s follow-up</source>
        <translation>Закрити нагадування вибраного запису</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактів</translation>
    </message>
    <message>
        <source>Contact of {when} changed.</source>
        <translation>Контакт від {when} змінено.</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Видалити контакт</translation>
    </message>
    <message>
        <source>Delete the selected record for good</source>
        <translation>Видалити вибраний запис назавжди</translation>
    </message>
    <message>
        <source>Delete this contact-log record for good?</source>
        <translation>Видалити цей запис журналу контактів назавжди?</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>Filter by channel</source>
        <translation>Фільтр за каналом</translation>
    </message>
    <message>
        <source>Filter by person</source>
        <translation>Фільтр за особою</translation>
    </message>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Початкова дата</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Змінити…</translation>
    </message>
    <message>
        <source>Change the selected record: its time, channel, summary, follow-up (or double-click it)</source>
        <translation>Змінити вибраний запис: час, канал, опис, нагадування (або двічі клацніть на ньому)</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>Позначити нагадування виконаним</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>Put back the record as it was before this edit</source>
        <translation>Повернути запис до стану перед цією зміною</translation>
    </message>
    <message>
        <source>No contacts logged yet. Press Ctrl+Shift+L to log a call, message or meeting.</source>
        <translation>Контактів поки немає. Натисніть Ctrl+Shift+L, щоб записати дзвінок, повідомлення або зустріч.</translation>
    </message>
    <message>
        <source>No contacts match.</source>
        <translation>Відповідних контактів немає.</translation>
    </message>
    <message>
        <source>Only contacts between these dates (as at the place)</source>
        <translation>Лише контакти між цими датами (за місцевим часом)</translation>
    </message>
    <message>
        <source>Show only contacts with this person (empty: everyone)</source>
        <translation>Показувати лише контакти з цією особою (порожньо — з усіма)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Кінцева дата</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
</context>
<context>
    <name>CoordinatorsPage</name>
    <message>
        <source>&amp;Add coordinator…</source>
        <translation>&amp;Додати координатора…</translation>
    </message>
    <message>
        <source>&amp;Compare fingerprint…</source>
        <translation>&amp;Звірити відбиток…</translation>
    </message>
    <message>
        <source>&amp;Drop folder…</source>
        <translation>&amp;Тека для пакетів…</translation>
    </message>
    <message>
        <source>Add a coordinator from their card</source>
        <translation>Додати координатора з його картки</translation>
    </message>
    <message>
        <source>Added {time}</source>
        <translation>Додано {time}</translation>
    </message>
    <message>
        <source>Change the name shown for this coordinator</source>
        <translation>Змінити ім&apos;я координатора, що показується</translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation>Координатори</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Відбиток</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Відбиток:</translation>
    </message>
    <message>
        <source>Mark &amp;not verified</source>
        <translation>Позначити як &amp;неперевіреного</translation>
    </message>
    <message>
        <source>My &amp;card…</source>
        <translation>Моя &amp;картка…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ім&apos;я:</translation>
    </message>
    <message>
        <source>No coordinators yet. Press “Add coordinator…” and paste their card.</source>
        <translation>Координаторів поки немає. Натисніть «Додати координатора…» і вставте його картку.</translation>
    </message>
    <message>
        <source>People you send bundles to. Only a coordinator whose fingerprint you compared aloud is marked verified.</source>
        <translation>Ті, кому ви надсилаєте пакети. Перевіреним позначається лише координатор, чий відбиток ви звірили вголос.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>В&amp;идалити</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Пере&amp;йменувати…</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud with the coordinator and mark them verified</source>
        <translation>Звірити відбиток уголос із координатором і позначити його як перевіреного</translation>
    </message>
    <message>
        <source>Remove coordinator</source>
        <translation>Видалити координатора</translation>
    </message>
    <message>
        <source>Rename coordinator</source>
        <translation>Перейменувати координатора</translation>
    </message>
    <message>
        <source>Set where bundles for this coordinator are uploaded</source>
        <translation>Вказати, куди завантажувати пакети для цього координатора</translation>
    </message>
    <message>
        <source>Show this journal&apos;s own card to give to a coordinator</source>
        <translation>Показати картку цього журналу, щоб передати її координатору</translation>
    </message>
    <message>
        <source>Stop sending to this coordinator</source>
        <translation>Більше не надсилати цьому координатору</translation>
    </message>
    <message>
        <source>Stop sending to {name}? The record of bundles already sent stays.</source>
        <translation>Більше не надсилати {name}? Відомості про вже надіслані пакети збережуться.</translation>
    </message>
</context>
<context>
    <name>DecoyEditorDialog</name>
    <message>
        <source>Decoy journal</source>
        <translation>Журнал-приманка</translation>
    </message>
    <message>
        <source>What the duress passphrase will show. Make it look like a journal in use: a few ordinary entries, people and contacts.</source>
        <translation>Це покаже тривожна парольна фраза. Нехай журнал виглядає живим: кілька звичайних записів, людей і контактів.</translation>
    </message>
    <message>
        <source>Parts of the decoy journal</source>
        <translation>Розділи журналу-приманки</translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation>За&amp;писи</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <source>&amp;Contact log</source>
        <translation>&amp;Журнал контактів</translation>
    </message>
    <message>
        <source>Entries of the decoy journal:</source>
        <translation>Записи журналу-приманки:</translation>
    </message>
    <message>
        <source>Entries of the decoy journal</source>
        <translation>Записи журналу-приманки</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>До &amp;кошика</translation>
    </message>
    <message>
        <source>Title of the new entry</source>
        <translation>Заголовок нового запису</translation>
    </message>
    <message>
        <source>Date of the new entry</source>
        <translation>Дата нового запису</translation>
    </message>
    <message>
        <source>Text of the new entry</source>
        <translation>Текст нового запису</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>&amp;Додати запис</translation>
    </message>
    <message>
        <source>Add a person first: a contact is always with someone.</source>
        <translation>Спершу додайте людину: контакт завжди з кимось.</translation>
    </message>
    <message>
        <source>&amp;Save decoy</source>
        <translation>&amp;Зберегти приманку</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Скасувати зміни</translation>
    </message>
    <message>
        <source>People in the decoy journal:</source>
        <translation>Люди в журналі-приманці:</translation>
    </message>
    <message>
        <source>People in the decoy journal</source>
        <translation>Люди в журналі-приманці</translation>
    </message>
    <message>
        <source>Add pe&amp;rson…</source>
        <translation>Додати люд&amp;ину…</translation>
    </message>
    <message>
        <source>Re&amp;move person</source>
        <translation>При&amp;брати людину</translation>
    </message>
    <message>
        <source>Contact log of the decoy journal:</source>
        <translation>Журнал контактів приманки:</translation>
    </message>
    <message>
        <source>Contact log of the decoy journal</source>
        <translation>Журнал контактів приманки</translation>
    </message>
    <message>
        <source>Add c&amp;ontact…</source>
        <translation>Додати ко&amp;нтакт…</translation>
    </message>
    <message>
        <source>Remo&amp;ve contact</source>
        <translation>Видалити конт&amp;акт</translation>
    </message>
    <message>
        <source>Open this from the main window to add records here.</source>
        <translation>Щоб додавати сюди записи, відкрийте це з головного вікна.</translation>
    </message>
    <message>
        <source>Give the entry a title.</source>
        <translation>Дайте запису заголовок.</translation>
    </message>
</context>
<context>
    <name>DecoyPassphraseDialog</name>
    <message>
        <source>Fill the decoy journal</source>
        <translation>Заповнити журнал-приманку</translation>
    </message>
    <message>
        <source>Type the duress passphrase. Here it only opens the decoy for filling: nothing is erased.</source>
        <translation>Введіть тривожну парольну фразу. Тут вона лише відкриває приманку для заповнення: нічого не стирається.</translation>
    </message>
    <message>
        <source>Duress passphrase</source>
        <translation>Тривожна парольна фраза</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase:</source>
        <translation>&amp;Тривожна парольна фраза:</translation>
    </message>
</context>
<context>
    <name>DropFolderDialog</name>
    <message>
        <source>&amp;Remove drop folder</source>
        <translation>&amp;Видалити теку для пакетів</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Перевірити з&apos;єднання</translation>
    </message>
    <message>
        <source>Connect once to check the address and password; nothing is uploaded</source>
        <translation>Під&apos;єднатися один раз, щоб перевірити адресу й пароль; нічого не завантажується</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З&apos;єднання…</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Стан з&apos;єднання</translation>
    </message>
    <message>
        <source>Drop folder</source>
        <translation>Тека для пакетів</translation>
    </message>
    <message>
        <source>Remove drop folder</source>
        <translation>Видалити теку для пакетів</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Перевірити з&apos;єднання</translation>
    </message>
    <message>
        <source>Where bundles for {name} are uploaded: the Nextcloud file-drop link they gave you (with its password), or any WebDAV folder. Bundles are encrypted before they leave this computer.</source>
        <translation>Куди завантажуються пакети для {name}: отримане від координатора посилання Nextcloud для завантаження файлів (з паролем) або будь-яка тека WebDAV. Пакети шифруються до того, як залишать цей комп&apos;ютер.</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <source>Duress passphrase</source>
        <translation>Тривожна парольна фраза</translation>
    </message>
    <message>
        <source>&lt;p&gt;A second passphrase for when you are made to unlock the laptop. Typed at the unlock screen, it looks like a normal unlock but &lt;b&gt;erases this journal for good&lt;/b&gt; and opens a small decoy journal that you prepare here.&lt;/p&gt;&lt;p&gt;Keep a backup elsewhere: nothing on this laptop can bring the journal back. Destroying data when police or border guards ask for it can be a crime in some countries (see the user guide).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Друга парольна фраза на випадок, якщо вас змусять розблокувати ноутбук. Введена на екрані розблокування, вона виглядає як звичайне розблокування, але &lt;b&gt;безповоротно стирає цей журнал&lt;/b&gt; і відкриває невеликий журнал-приманку, який ви готуєте тут.&lt;/p&gt;&lt;p&gt;Тримайте резервну копію деінде: на цьому ноутбуці журнал уже ніщо не поверне. У деяких країнах знищення даних на вимогу поліції чи прикордонників може бути злочином (див. посібник користувача).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Duress passphrase status</source>
        <translation>Стан тривожної парольної фрази</translation>
    </message>
    <message>
        <source>Repeat the duress passphrase</source>
        <translation>Повторіть тривожну парольну фразу</translation>
    </message>
    <message>
        <source>Name of the decoy journal</source>
        <translation>Назва журналу-приманки</translation>
    </message>
    <message>
        <source>the same name as this journal</source>
        <translation>та сама назва, що й у цього журналу</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase:</source>
        <translation>&amp;Тривожна парольна фраза:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторіть її:</translation>
    </message>
    <message>
        <source>Decoy journal&apos;s &amp;name:</source>
        <translation>&amp;Назва приманки:</translation>
    </message>
    <message>
        <source>&amp;Set duress passphrase</source>
        <translation>&amp;Задати тривожну парольну фразу</translation>
    </message>
    <message>
        <source>&amp;Fill the decoy journal…</source>
        <translation>&amp;Заповнити журнал-приманку…</translation>
    </message>
    <message>
        <source>&amp;Remove duress passphrase…</source>
        <translation>&amp;Прибрати тривожну парольну фразу…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Перевірка…</translation>
    </message>
    <message>
        <source>A duress passphrase is set.</source>
        <translation>Тривожну парольну фразу задано.</translation>
    </message>
    <message>
        <source>No duress passphrase is set.</source>
        <translation>Тривожну парольну фразу не задано.</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Виберіть парольну фразу щонайменше з %n символу.</numerusform>
            <numerusform>Виберіть парольну фразу щонайменше з %n символів.</numerusform>
            <numerusform>Виберіть парольну фразу щонайменше з %n символів.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольні фрази не збігаються.</translation>
    </message>
    <message>
        <source>The duress passphrase is set, with an empty decoy journal. Fill the decoy now, so that it looks used: a few ordinary entries are enough.</source>
        <translation>Тривожну парольну фразу задано, журнал-приманка поки порожній. Заповніть його зараз, щоб він виглядав уживаним: досить кількох звичайних записів.</translation>
    </message>
    <message>
        <source>Setting the duress passphrase…</source>
        <translation>Задаємо тривожну парольну фразу…</translation>
    </message>
    <message>
        <source>Remove duress passphrase</source>
        <translation>Прибрати тривожну парольну фразу</translation>
    </message>
    <message>
        <source>Remove the duress passphrase? The decoy journal is destroyed with it.</source>
        <translation>Прибрати тривожну парольну фразу? Журнал-приманку буде знищено разом із нею.</translation>
    </message>
    <message>
        <source>Opening the decoy journal…</source>
        <translation>Відкриваємо журнал-приманку…</translation>
    </message>
</context>
<context>
    <name>EntryCopy</name>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Категорія:</translation>
    </message>
    <message>
        <source>&amp;Copy entry as text</source>
        <translation>&amp;Копіювати запис як текст</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Мітки:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Коли:</translation>
    </message>
    <message>
        <source>Coordinates not saved: write them as “latitude, longitude”.</source>
        <translation>Координати не збережено: запишіть їх як «широта, довгота».</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Координати:</translation>
    </message>
    <message>
        <source>Copy the shown entry as plain text; the clipboard is cleared again after 30 seconds</source>
        <translation>Скопіювати показаний запис простим текстом; буфер обміну очиститься через 30 секунд</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Зберегти зараз</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовий пояс:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Координати</translation>
    </message>
    <message>
        <source>Decimal degrees, latitude first</source>
        <translation>Десяткові градуси, спершу широта</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Чернетка</translation>
    </message>
    <message>
        <source>Drafts are notes still being worked on</source>
        <translation>Чернетки — записи, над якими ще триває робота</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>Earlier versions of this entry (Ctrl+H)</source>
        <translation>Попередні версії цього запису (Ctrl+H)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Редагування…</translation>
    </message>
    <message>
        <source>End not saved: it is before the start.</source>
        <translation>Кінець не збережено: він раніше за початок.</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Has an &amp;end</source>
        <translation>Має &amp;кінець</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Історія…</translation>
    </message>
    <message>
        <source>How you know: seen yourself, told by someone, or from the media</source>
        <translation>Звідки ви знаєте: бачили самі, розповіли чи із ЗМІ</translation>
    </message>
    <message>
        <source>It lasted for a while: give the time it ended</source>
        <translation>Це тривало якийсь час: вкажіть, коли закінчилося</translation>
    </message>
    <message>
        <source>Last saved {time}</source>
        <translation>Останнє збереження: {time}</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>ЗМІ</translation>
    </message>
    <message>
        <source>Move this entry back out of the trash</source>
        <translation>Повернути цей запис із кошика</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Без категорії</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не збережено: {reason}</translation>
    </message>
    <message>
        <source>Only the date is known</source>
        <translation>Відома лише дата</translation>
    </message>
    <message>
        <source>Optional: latitude, longitude (e.g. 55.7558, 37.6173)</source>
        <translation>Необов&apos;язково: широта, довгота (наприклад, 50.4501, 30.5234)</translation>
    </message>
    <message>
        <source>Place: city, street, building</source>
        <translation>Місце: місто, вулиця, будинок</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Зі слів</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновити</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Збережено {time}</translation>
    </message>
    <message>
        <source>Select an entry on the left, or press Ctrl+N for a new one.</source>
        <translation>Виберіть запис ліворуч або натисніть Ctrl+N, щоб створити новий.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Source not set</source>
        <translation>Джерело не вказано</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Мітки через кому</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>This entry is in the trash. Restore it to edit it.</source>
        <translation>Цей запис у кошику. Відновіть його, щоб редагувати.</translation>
    </message>
    <message>
        <source>Time not saved: “{zone}” is not a known time zone.</source>
        <translation>Час не збережено: «{zone}» — невідомий часовий пояс.</translation>
    </message>
    <message>
        <source>Time unknown</source>
        <translation>Час невідомий</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовий пояс</translation>
    </message>
    <message>
        <source>Time zone of the place (type part of a city name)</source>
        <translation>Часовий пояс місця (введіть частину назви міста)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Title, e.g. “Detentions at the station square”</source>
        <translation>Заголовок, наприклад «Затримання на привокзальній площі»</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>&amp;Де:</translation>
    </message>
    <message>
        <source>What happened? Who, how many, which unit, what was said…</source>
        <translation>Що сталося? Хто, скільки людей, який підрозділ, що казали…</translation>
    </message>
    <message>
        <source>What kind of incident this is</source>
        <translation>Вид інциденту</translation>
    </message>
    <message>
        <source>When it ended, in the same time zone as the start</source>
        <translation>Коли закінчилося, в тому ж часовому поясі, що й початок</translation>
    </message>
    <message>
        <source>When it happened, in the local time of the place</source>
        <translation>Коли це сталося, за місцевим часом</translation>
    </message>
    <message>
        <source>Witnessed</source>
        <translation>Бачив(ла) сам(а)</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>Клацніть, щоб сортувати за цим стовпцем</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Чернетка</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файли</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Збіг</translation>
    </message>
    <message>
        <source>Number of attachments</source>
        <translation>Кількість вкладень</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Дата події</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
</context>
<context>
    <name>EntryPeoplePanel</name>
    <message>
        <source>Double-click to open the person</source>
        <translation>Подвійне клацання — відкрити картку особи</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Пов&apos;язати</translation>
    </message>
    <message>
        <source>Link this person with this role (a new name is added to People)</source>
        <translation>Пов&apos;язати особу із записом у цій ролі (нове ім&apos;я додається до «Люди»)</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>People linked to this entry</source>
        <translation>Люди, пов&apos;язані з цим записом</translation>
    </message>
    <message>
        <source>Person to link</source>
        <translation>Кого пов&apos;язати</translation>
    </message>
    <message>
        <source>Remove the selected link (the person stays)</source>
        <translation>Прибрати вибраний зв&apos;язок (особа залишиться)</translation>
    </message>
    <message>
        <source>Role in this incident</source>
        <translation>Роль у цьому інциденті</translation>
    </message>
    <message>
        <source>Type a name or choose a person first.</source>
        <translation>Спершу введіть ім&apos;я або виберіть особу.</translation>
    </message>
    <message>
        <source>Type part of a name; a new name creates the person</source>
        <translation>Введіть частину імені; нове ім&apos;я створює нову особу</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Від&apos;єднати</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Особа:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Linked “{name}” as {role}.</source>
        <translation>Із записом пов’язано особу «{name}», роль: {role}.</translation>
    </message>
    <message>
        <source>“{name}” was added to People.</source>
        <translation>«{name}» додано до «Люди».</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>&amp;Erase now</source>
        <translation>&amp;Стерти зараз</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This destroys the journal in {folder} for good.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The key file goes first: from that moment nobody can read the journal, not even with the passphrase or the recovery code. Backups you made elsewhere are not touched.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;{word}&lt;/b&gt; to confirm.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Журнал у теці {folder} буде знищено назавжди.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Першим видаляється файл ключа: з цієї миті журнал ніхто не зможе прочитати — навіть із парольною фразою чи кодом відновлення. Резервні копії в інших місцях не зачіпаються.&lt;/p&gt;&lt;p&gt;Для підтвердження введіть &lt;b&gt;{word}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The English word &lt;b&gt;ERASE&lt;/b&gt; works too, in any keyboard layout.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Англійське слово &lt;b&gt;ERASE&lt;/b&gt; теж підходить, у будь-якій розкладці клавіатури.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Слово підтвердження</translation>
    </message>
    <message>
        <source>ERASE</source>
        <translation>СТЕРТИ</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>Стерти зараз</translation>
    </message>
    <message>
        <source>Erase this journal</source>
        <translation>Стерти цей журнал</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence package</source>
        <translation>Пакет доказів</translation>
    </message>
    <message>
        <source>For lawyers and courts: the original files with their SHA-256, each entry with its full history, who recorded and signed it, and when it was received. The package can be checked without this app (VERIFY.txt).</source>
        <translation>Для юристів і судів: файли-оригінали з їхніми SHA-256, кожен запис з усією історією, хто його записав і підписав і коли його отримано. Пакет можна перевірити без цього застосунку (VERIFY.txt).</translation>
    </message>
    <message>
        <source>Which entries</source>
        <translation>Які записи</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected entries</source>
        <translation>
            <numerusform>%n вибраний запис</numerusform>
            <numerusform>%n вибрані записи</numerusform>
            <numerusform>%n вибраних записів</numerusform>
        </translation>
    </message>
    <message>
        <source>The entry shown</source>
        <translation>Відкритий запис</translation>
    </message>
    <message>
        <source>Entries in the list, without the search “{text}”</source>
        <translation>Записи списку без урахування пошуку «{text}»</translation>
    </message>
    <message>
        <source>Entries in the current list</source>
        <translation>Записи поточного списку</translation>
    </message>
    <message>
        <source>Entries with a tag</source>
        <translation>Записи з міткою</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Записи:</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Мітка</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Мітка:</translation>
    </message>
    <message>
        <source>One &amp;ZIP file</source>
        <translation>Один &amp;ZIP-файл</translation>
    </message>
    <message>
        <source>A &amp;folder</source>
        <translation>&amp;Тека</translation>
    </message>
    <message>
        <source>Write as:</source>
        <translation>Записати як:</translation>
    </message>
    <message>
        <source>Also include &amp;metadata-stripped copies of the files</source>
        <translation>Додати копії файлів &amp;без метаданих</translation>
    </message>
    <message>
        <source>Beside each original, clearly named; the originals are always included</source>
        <translation>Поруч із кожним оригіналом, із зрозумілою назвою; оригінали включаються завжди</translation>
    </message>
    <message>
        <source>Name the people marked &amp;sensitive (left out by default)</source>
        <translation>Вказати людей із позначкою «&amp;конфіденційно» (типово не включаються)</translation>
    </message>
    <message>
        <source>To package only the entries the search found, select them in the list first (Ctrl+A selects the list).</source>
        <translation>Щоб включити до пакета лише знайдені записи, спершу виділіть їх у списку (Ctrl+A виділяє весь список).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The package is not encrypted.&lt;/b&gt; Anyone who gets it can read everything in it. Give it only to the lawyer or court that needs it.</source>
        <translation>&lt;b&gt;Пакет не зашифровано.&lt;/b&gt; Будь-хто, хто його отримає, зможе прочитати все, що в ньому є. Передавайте його лише юристові чи суду, яким він потрібен.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>&amp;Write package…</source>
        <translation>&amp;Записати пакет…</translation>
    </message>
    <message>
        <source>Write package</source>
        <translation>Записати пакет</translation>
    </message>
    <message numerus="yes">
        <source>Entries in the package: %n</source>
        <translation>
            <numerusform>Записів у пакеті: %n</numerusform>
            <numerusform>Записів у пакеті: %n</numerusform>
            <numerusform>Записів у пакеті: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-файли (*.zip)</translation>
    </message>
    <message>
        <source>New folder for the evidence package</source>
        <translation>Нова тека для пакета доказів</translation>
    </message>
    <message>
        <source>Not written: {reason}</source>
        <translation>Не записано: {reason}</translation>
    </message>
    <message>
        <source>Writing the evidence package…</source>
        <translation>Запис пакета доказів…</translation>
    </message>
    <message numerus="yes">
        <source>Package written to {name}. Entries: %n. It is not encrypted; check it with Reports ▸ Verify evidence package… or VERIFY.txt.</source>
        <translation>
            <numerusform>Пакет записано в {name}. Записів: %n. Його не зашифровано; перевірте його через Звіти ▸ Перевірити пакет доказів… або за VERIFY.txt.</numerusform>
            <numerusform>Пакет записано в {name}. Записів: %n. Його не зашифровано; перевірте його через Звіти ▸ Перевірити пакет доказів… або за VERIFY.txt.</numerusform>
            <numerusform>Пакет записано в {name}. Записів: %n. Його не зашифровано; перевірте його через Звіти ▸ Перевірити пакет доказів… або за VERIFY.txt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sensitive people left out: %n.</source>
        <translation>
            <numerusform>Не включено осіб із позначкою «конфіденційно»: %n.</numerusform>
            <numerusform>Не включено осіб із позначкою «конфіденційно»: %n.</numerusform>
            <numerusform>Не включено осіб із позначкою «конфіденційно»: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceFeature</name>
    <message>
        <source>&amp;Evidence package…</source>
        <translation>Пакет &amp;доказів…</translation>
    </message>
    <message>
        <source>Original files, hashes, signatures and chain of custody for lawyers and courts (Ctrl+Shift+K); the package is not encrypted</source>
        <translation>Файли-оригінали, геші, підписи й ланцюг зберігання для юристів і судів (Ctrl+Shift+K); пакет не зашифровано</translation>
    </message>
    <message>
        <source>&amp;Verify evidence package…</source>
        <translation>&amp;Перевірити пакет доказів…</translation>
    </message>
    <message>
        <source>Check an evidence package: which files, signatures and revision chains hold</source>
        <translation>Перевірити пакет доказів: які файли, підписи й ланцюги версій цілі</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Cancelled. No bundle was written.</source>
        <translation>Скасовано. Пакет не записано.</translation>
    </message>
    <message>
        <source>Send to a coordinator</source>
        <translation>Надіслати координатору</translation>
    </message>
    <message>
        <source>Sending the bundle…</source>
        <translation>Надсилання пакета…</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Надсилання скасовано.</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Записується пакет…</translation>
    </message>
</context>
<context>
    <name>FetchOptionsDialog</name>
    <message>
        <source>&amp;Fetch</source>
        <translation>&amp;Завантажити</translation>
    </message>
    <message>
        <source>Accept bundles from senders never seen before</source>
        <translation>Приймати пакети від нових відправників</translation>
    </message>
    <message>
        <source>Compare their fingerprint with them afterwards</source>
        <translation>Потім звірте з ними відбиток</translation>
    </message>
    <message>
        <source>Delete bundles from the server after a successful import</source>
        <translation>Видаляти пакети з сервера після успішного імпорту</translation>
    </message>
    <message>
        <source>Download new bundles from your inbox folders and import them.</source>
        <translation>Завантажити нові пакети з вхідних тек та імпортувати їх.</translation>
    </message>
    <message>
        <source>Fetch bundles</source>
        <translation>Завантажити пакети</translation>
    </message>
</context>
<context>
    <name>FetchResultDialog</name>
    <message>
        <source>Fetch results</source>
        <translation>Результати завантаження</translation>
    </message>
    <message>
        <source>Fetched bundles</source>
        <translation>Завантажені пакети</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Відправник</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>прийнято</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>уже імпортовано</translation>
    </message>
    <message>
        <source>fetched before</source>
        <translation>завантажено раніше</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>не завантажено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>{a} accepted, {d} already imported, {r} rejected, {f} failed, {s} fetched before.</source>
        <translation>Прийнято: {a}, уже імпортовано: {d}, відхилено: {r}, помилок: {f}, завантажено раніше: {s}.</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Link people to this entry (People panel) to choose them here.</source>
        <translation>Пов&apos;яжіть людей із цим записом (панель «Люди»), щоб вибрати їх тут.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>РРРР-ММ-ДД ГГ:ХХ</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>(not linked) {id}</source>
        <translation>(не пов&apos;язано) {id}</translation>
    </message>
</context>
<context>
    <name>FieldSafety</name>
    <message numerus="yes">
        <source>%n wrong attempts since the last unlock.</source>
        <translation>
            <numerusform>%n невдала спроба з останнього розблокування.</numerusform>
            <numerusform>%n невдалі спроби з останнього розблокування.</numerusform>
            <numerusform>%n невдалих спроб з останнього розблокування.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong attempts. The journal is erased after {limit}.</source>
        <translation>
            <numerusform>%n невдала спроба. Журнал буде стерто після {limit}.</numerusform>
            <numerusform>%n невдалі спроби. Журнал буде стерто після {limit}.</numerusform>
            <numerusform>%n невдалих спроб. Журнал буде стерто після {limit}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong passphrases in a row: the journal has been erased, as set in the safety settings.</source>
        <translation>
            <numerusform>%n хибна парольна фраза поспіль: журнал стерто, як задано в налаштуваннях безпеки.</numerusform>
            <numerusform>%n хибні парольні фрази поспіль: журнал стерто, як задано в налаштуваннях безпеки.</numerusform>
            <numerusform>%n хибних парольних фраз поспіль: журнал стерто, як задано в налаштуваннях безпеки.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Back up journal…</source>
        <translation>&amp;Резервна копія журналу…</translation>
    </message>
    <message>
        <source>&amp;Erase this journal…</source>
        <translation>&amp;Стерти цей журнал…</translation>
    </message>
    <message>
        <source>Auto-lock, erase after failed attempts, backup reminder</source>
        <translation>Автоблокування, стирання після невдалих спроб, нагадування про резервну копію</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Змінити &amp;парольну фразу…</translation>
    </message>
    <message>
        <source>A new passphrase; optionally new keys too, after a passphrase was given up</source>
        <translation>Нова парольна фраза; за бажанням і нові ключі, якщо парольну фразу довелося видати</translation>
    </message>
    <message>
        <source>&amp;Check the journal…</source>
        <translation>&amp;Перевірити журнал…</translation>
    </message>
    <message>
        <source>Checking the journal…</source>
        <translation>Перевірка журналу…</translation>
    </message>
    <message>
        <source>The journal is intact: the database, every revision&apos;s hash chain and every attached file check out.</source>
        <translation>Журнал цілий: база даних, ланцюжок гешів кожної версії та кожен прикріплений файл у порядку.</translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problems. Make a copy of the journal folder before changing anything, and compare with your latest backup:</source>
        <translation>
            <numerusform>Перевірка знайшла %n проблему. Перш ніж щось змінювати, зробіть копію теки журналу й порівняйте з останньою резервною копією:</numerusform>
            <numerusform>Перевірка знайшла %n проблеми. Перш ніж щось змінювати, зробіть копію теки журналу й порівняйте з останньою резервною копією:</numerusform>
            <numerusform>Перевірка знайшла %n проблем. Перш ніж щось змінювати, зробіть копію теки журналу й порівняйте з останньою резервною копією:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (journal verify on the command line lists every one).</source>
        <translation>
            <numerusform>…і ще %n (команда journal verify перелічує всі).</numerusform>
            <numerusform>…і ще %n (команда journal verify перелічує всі).</numerusform>
            <numerusform>…і ще %n (команда journal verify перелічує всі).</numerusform>
        </translation>
    </message>
    <message>
        <source>The journal was restored into {folder}. Lock this journal and open the restored one?</source>
        <translation>Журнал відновлено в теку {folder}. Заблокувати цей журнал і відкрити відновлений?</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Парольну фразу змінено.</translation>
    </message>
    <message>
        <source>The key change was cancelled. Nothing was changed.</source>
        <translation>Зміну ключа скасовано. Нічого не змінено.</translation>
    </message>
    <message>
        <source>A key change was interrupted and has now been completed: the new passphrase is in force. Its recovery code may never have been shown: change the key again (Journal → Change passphrase…) to get one.</source>
        <translation>Зміну ключа було перервано, і тепер її завершено: діє нова парольна фраза. Її код відновлення міг так і не бути показаний: змініть ключ ще раз (Журнал → Змінити парольну фразу…), щоб отримати його.</translation>
    </message>
    <message>
        <source>A key change was interrupted before it took effect and has been undone: the old passphrase is still in force. Change the key again (Journal → Change passphrase…).</source>
        <translation>Зміну ключа було перервано до того, як вона набрала чинності, і скасовано: і далі діє стара парольна фраза. Змініть ключ ще раз (Журнал → Змінити парольну фразу…).</translation>
    </message>
    <message>
        <source>Back up journal</source>
        <translation>Резервна копія журналу</translation>
    </message>
    <message numerus="yes">
        <source>Backup written and checked (%n entries).</source>
        <translation>
            <numerusform>Резервну копію записано й перевірено (%n запис).</numerusform>
            <numerusform>Резервну копію записано й перевірено (%n записи).</numerusform>
            <numerusform>Резервну копію записано й перевірено (%n записів).</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an empty folder for the restored journal</source>
        <translation>Виберіть порожню теку для відновленого журналу</translation>
    </message>
    <message>
        <source>Emergency: destroy the journal on this computer for good</source>
        <translation>Екстрено: знищити журнал на цьому комп&apos;ютері назавжди</translation>
    </message>
    <message>
        <source>Check the database, every revision&apos;s hash chain, and decrypt and re-hash every attached file</source>
        <translation>Перевірити базу даних і ланцюжок гешів кожної версії, розшифрувати й заново гешувати кожен прикріплений файл</translation>
    </message>
    <message>
        <source>Journal backups (*{suffix})</source>
        <translation>Резервні копії журналу (*{suffix})</translation>
    </message>
    <message>
        <source>Journal backups (*{suffix});;All files (*)</source>
        <translation>Резервні копії журналу (*{suffix});;Усі файли (*)</translation>
    </message>
    <message numerus="yes">
        <source>No backup for %n days (Journal → Back up journal…)</source>
        <translation>
            <numerusform>Немає резервної копії вже %n день (Журнал → Резервна копія журналу…)</numerusform>
            <numerusform>Немає резервної копії вже %n дні (Журнал → Резервна копія журналу…)</numerusform>
            <numerusform>Немає резервної копії вже %n днів (Журнал → Резервна копія журналу…)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Відновити з &amp;резервної копії…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Відновити з резервної копії</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Відновлюється резервна копія…</translation>
    </message>
    <message>
        <source>Sa&amp;fety settings…</source>
        <translation>Налаштування &amp;безпеки…</translation>
    </message>
    <message>
        <source>The backup was restored into {folder}. Lock this journal and open the restored one?</source>
        <translation>Резервну копію відновлено в {folder}. Заблокувати цей журнал і відкрити відновлений?</translation>
    </message>
    <message>
        <source>The journal folder {folder} is gone (removed, or the USB stick was pulled out). Nothing more can be saved there, so the journal has been locked. Put the folder back, or restore a backup.</source>
        <translation>Тека журналу {folder} зникла (видалена або вийнято флешку). Зберігати туди більше не можна, тому журнал заблоковано. Поверніть теку або відновіть резервну копію.</translation>
    </message>
    <message>
        <source>The journal has been erased. The app will now close.</source>
        <translation>Журнал стерто. Застосунок закриється.</translation>
    </message>
    <message>
        <source>Unpack a backup into an empty folder</source>
        <translation>Розпакувати резервну копію в порожню теку</translation>
    </message>
    <message>
        <source>Write an encrypted backup file (same passphrase)</source>
        <translation>Записати зашифровану резервну копію (та сама парольна фраза)</translation>
    </message>
    <message>
        <source>Writing the encrypted backup…</source>
        <translation>Записується зашифрована резервна копія…</translation>
    </message>
    <message>
        <source>Encrypting every attachment again under new keys…</source>
        <translation>Усі вкладення наново шифруються новими ключами…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>“{name}” is not a kind of file this can open ({kinds}). Choose another file, or a different choice under “Files of type”.</source>
        <extracomment>Where Qt&apos;s user-scope settings are sent on Linux and other Unix desktops: a folder inside the null device (a file), which nobody, root included, can create.</extracomment>
        <translation>«{name}» — не той тип файлу, який тут можна відкрити ({kinds}). Виберіть інший файл або інший варіант у полі «Тип файлів».</translation>
    </message>
</context>
<context>
    <name>FingerprintCheckDialog</name>
    <message>
        <source>Call {name} or meet in person. Read these groups aloud together; they must read the same groups from their own “My card” window. Do not compare over the channel the card came through.</source>
        <translation>Зателефонуйте {name} або зустріньтеся особисто. Прочитайте ці групи вголос; співрозмовник має прочитати ті самі групи у своєму вікні «Моя картка». Не звіряйте через той самий канал, яким надійшла картка.</translation>
    </message>
    <message>
        <source>Compare fingerprints</source>
        <translation>Звірення відбитків</translation>
    </message>
    <message>
        <source>Every group was the same: mark as verified</source>
        <translation>Усі групи збіглися: позначити як перевіреного</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Відбиток</translation>
    </message>
    <message>
        <source>Fingerprints differ</source>
        <translation>Відбитки відрізняються</translation>
    </message>
    <message>
        <source>Something was different: do not trust this card</source>
        <translation>Щось не збіглося: не довіряти цій картці</translation>
    </message>
    <message>
        <source>The fingerprints differ: the card may have been swapped or damaged. Ask for the card again through another channel and do not send anything until they match.</source>
        <translation>Відбитки відрізняються: картку могли підмінити або пошкодити. Запросіть картку ще раз іншим каналом і нічого не надсилайте, доки вони не збіжаться.</translation>
    </message>
    <message>
        <source>They &amp;differ</source>
        <translation>&amp;Відрізняються</translation>
    </message>
    <message>
        <source>They &amp;match</source>
        <translation>&amp;Збігаються</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>New journal</source>
        <translation>Новий журнал</translation>
    </message>
</context>
<context>
    <name>FolderFields</name>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Ім&apos;я користувача:</translation>
    </message>
    <message>
        <source>A Nextcloud file-drop share link, or the WebDAV address of a folder</source>
        <translation>Посилання Nextcloud для завантаження файлів або адреса теки WebDAV</translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation>&amp;Закріплений сертифікат:</translation>
    </message>
    <message>
        <source>Certificate fingerprint (optional)</source>
        <translation>Відбиток сертифіката (необов&apos;язково)</translation>
    </message>
    <message>
        <source>Folder address</source>
        <translation>Адреса теки</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Ім&apos;я користувача</translation>
    </message>
    <message>
        <source>not needed for a share link</source>
        <translation>не потрібно для посилання спільного доступу</translation>
    </message>
    <message>
        <source>optional: SHA-256 of the server certificate</source>
        <translation>необов&apos;язково: SHA-256 сертифіката сервера</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Close the selected follow-up (Ctrl+D)</source>
        <translation>Закрити вибране нагадування (Ctrl+D)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Нагадування</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Нагадування на сьогодні</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Позначити виконаним</translation>
    </message>
    <message>
        <source>Nothing to follow up today.</source>
        <translation>На сьогодні нагадувань немає.</translation>
    </message>
    <message>
        <source>{due} due today, {overdue} overdue</source>
        <translation>на сьогодні: {due}, прострочено: {overdue}</translation>
    </message>
</context>
<context>
    <name>FormsEditorDialog</name>
    <message>
        <source>&amp;Add field</source>
        <translation>&amp;Додати поле</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Категорія:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation>Довгий текст</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата й час</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Вибір зі списку</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Кілька зі списку</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Так/ні</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Форма:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Remove field</source>
        <translation>&amp;Видалити поле</translation>
    </message>
    <message>
        <source>Add a field at the end (Ctrl+N)</source>
        <translation>Додати поле в кінець (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Додати поле</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Будь-яка категорія</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Choices (one per ;)</source>
        <translation>Варіанти (через ;)</translation>
    </message>
    <message>
        <source>Entries saved earlier keep this field&apos;s value</source>
        <translation>Раніше збережені записи зберігають значення цього поля</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Field type</source>
        <translation>Тип поля</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Form name</source>
        <translation>Назва форми</translation>
    </message>
    <message>
        <source>Incident forms</source>
        <translation>Форми інцидентів</translation>
    </message>
    <message>
        <source>New form…</source>
        <translation>Нова форма…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не збережено: {reason}</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Видалити поле</translation>
    </message>
    <message>
        <source>Saved: {name}, version {n}.</source>
        <translation>Збережено: {name}, версія {n}.</translation>
    </message>
    <message>
        <source>Saving makes a new version of the form. Entries keep the values they have; forms travel with bundles so coordinators see the same fields.</source>
        <translation>Під час збереження створюється нова версія форми. Записи зберігають свої значення; форми передаються разом із пакетами, тож координатори бачать ті самі поля.</translation>
    </message>
    <message>
        <source>The form is suggested for entries of this category</source>
        <translation>Форма пропонується для записів цієї категорії</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Версія:</translation>
    </message>
    <message>
        <source>new</source>
        <translation>нова</translation>
    </message>
</context>
<context>
    <name>FormsFeature</name>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Статистика</translation>
    </message>
    <message>
        <source>Add fields to a form or create your own form</source>
        <translation>Додати поля до форми або створити власну форму</translation>
    </message>
    <message>
        <source>Counts by category, day, place or form field (Ctrl+Shift+S)</source>
        <translation>Підрахунок за категорією, днем, місцем або полем форми (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Експорт &amp;звіту…</translation>
    </message>
    <message>
        <source>Export entries as CSV, JSON or PDF (Ctrl+Shift+R); the file is not encrypted</source>
        <translation>Експорт записів у CSV, JSON або PDF (Ctrl+Shift+R); файл не зашифровано</translation>
    </message>
    <message>
        <source>Incident &amp;forms…</source>
        <translation>&amp;Форми інцидентів…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
</context>
<context>
    <name>FormsPanel</name>
    <message>
        <source>&lt;b&gt;Forms&lt;/b&gt;</source>
        <translation>&lt;b&gt;Форми&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add fields to a form or create your own form</source>
        <translation>Додати поля до форми або створити власну форму</translation>
    </message>
    <message>
        <source>Add form</source>
        <translation>Додати форму</translation>
    </message>
    <message>
        <source>Add the chosen form&apos;s fields to this entry</source>
        <translation>Додати до запису поля вибраної форми</translation>
    </message>
    <message>
        <source>Edit forms…</source>
        <translation>Змінити форми…</translation>
    </message>
    <message>
        <source>Form to add:</source>
        <translation>Додати форму:</translation>
    </message>
    <message>
        <source>Choose a form…</source>
        <translation>Виберіть форму…</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Редагування…</translation>
    </message>
    <message>
        <source>Form not saved: {reason}</source>
        <translation>Форму не збережено: {reason}</translation>
    </message>
    <message>
        <source>Form saved (revision {n})</source>
        <translation>Форму збережено (редакція {n})</translation>
    </message>
    <message>
        <source>Form to add</source>
        <translation>Форма для додавання</translation>
    </message>
    <message>
        <source>Form {name}</source>
        <translation>Форма {name}</translation>
    </message>
    <message>
        <source>No form on this entry yet. Choose one above to record structured details (for example the police unit or the court date).</source>
        <translation>У цього запису ще немає форми. Виберіть форму вище, щоб внести структуровані відомості (наприклад, підрозділ поліції чи дату суду).</translation>
    </message>
    <message>
        <source>No form values on this entry.</source>
        <translation>У цьому записі немає значень форм.</translation>
    </message>
    <message>
        <source>Remove form</source>
        <translation>Видалити форму</translation>
    </message>
    <message>
        <source>Remove form {name}</source>
        <translation>Видалити форму {name}</translation>
    </message>
    <message>
        <source>Remove this form and its values from the entry (its history is kept)</source>
        <translation>Видалити цю форму та її значення із запису (історія зберігається)</translation>
    </message>
    <message>
        <source>Structured fields for this kind of incident</source>
        <translation>Структуровані поля для інцидентів такого виду</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Changed fields:</source>
        <translation>Змінені поля:</translation>
    </message>
    <message>
        <source>Every save is kept. Choose a version to see what changed in it.</source>
        <translation>Кожне збереження зберігається. Виберіть версію, щоб побачити, що в ній змінилося.</translation>
    </message>
    <message>
        <source>First version.</source>
        <translation>Перша версія.</translation>
    </message>
    <message>
        <source>Hash {hash}</source>
        <translation>Геш {hash}</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>What &quot;Restore this version&quot; writes back (everything a revision holds that the editor edits).</extracomment>
        <translation>Історія</translation>
    </message>
    <message>
        <source>The chosen version</source>
        <translation>Вибрана версія</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Відновити цю версію</translation>
    </message>
    <message>
        <source>Make this version the current one again. It is saved as a new version; nothing is deleted.</source>
        <translation>Знову зробити цю версію поточною. Її збережено як нову версію; нічого не видаляється.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовий пояс</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Довгота</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Чернетка</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Witnessed</source>
        <translation>Бачив(ла) сам(а)</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Зі слів</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>ЗМІ</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Версія {n}</translation>
    </message>
    <message>
        <source>Version {n} — {time}</source>
        <translation>Версія {n} — {time}</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версії</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import a folder of bundles</source>
        <translation>Імпорт теки з пакетами</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Імпорт пакетів</translation>
    </message>
    <message>
        <source>Bundles (*.ijbundle);;All files (*)</source>
        <translation>Пакети (*.ijbundle);;Усі файли (*)</translation>
    </message>
    <message>
        <source>No bundle files (*.ijbundle) there.</source>
        <translation>Там немає файлів пакетів (*.ijbundle).</translation>
    </message>
    <message>
        <source>Importing bundles…</source>
        <translation>Імпорт пакетів…</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Attach files</source>
        <translation>Прикріпити файли</translation>
    </message>
    <message numerus="yes">
        <source>Attach %n file(s), {size} in all, to this entry. They are stored encrypted inside the journal.</source>
        <translation>
            <numerusform>Прикріпити %n файл ({size}) до цього запису. Файли зберігаються в журналі в зашифрованому вигляді.</numerusform>
            <numerusform>Прикріпити %n файли (усього {size}) до цього запису. Файли зберігаються в журналі в зашифрованому вигляді.</numerusform>
            <numerusform>Прикріпити %n файлів (усього {size}) до цього запису. Файли зберігаються в журналі в зашифрованому вигляді.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete the originals after they are attached</source>
        <translation>&amp;Видалити оригінали після додавання</translation>
    </message>
    <message>
        <source>Overwrite each original file with random data, then delete it</source>
        <translation>Перезаписати кожен оригінал випадковими даними, потім видалити</translation>
    </message>
    <message>
        <source>The originals are overwritten once with random data and then deleted, only after everything was stored. On SSDs, USB sticks and memory cards the drive may keep copies of the old data in places the system cannot reach, so a forensic examination may still recover them. Only full-disk encryption protects against that.</source>
        <translation>Оригінали один раз перезаписуються випадковими даними й видаляються — лише після того, як усе збережено. На SSD, флешках і картах пам&apos;яті накопичувач може зберігати копії старих даних там, куди система не дістається, тож криміналістична експертиза може їх відновити. Від цього захищає лише повне шифрування диска.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Прикріпити</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Accepted</source>
        <translation>Прийнято</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Уже імпортовано</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Cancelled: the remaining bundles were not imported.</source>
        <translation>Скасовано: решту пакетів не імпортовано.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message numerus="yes">
        <source>%n new entries</source>
        <translation>
            <numerusform>%n новий запис</numerusform>
            <numerusform>%n нові записи</numerusform>
            <numerusform>%n нових записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <comment>entries</comment>
        <translation>
            <numerusform>%n оновлено</numerusform>
            <numerusform>%n оновлено</numerusform>
            <numerusform>%n оновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n файл</numerusform>
            <numerusform>%n файли</numerusform>
            <numerusform>%n файлів</numerusform>
        </translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Результати імпорту</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Відхилено</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Відправник</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Цей пакет уже імпортувався; нічого не змінилося.</translation>
    </message>
    <message>
        <source>{a} accepted, {d} already imported, {r} rejected.</source>
        <translation>Прийнято: {a}, уже імпортовано: {d}, відхилено: {r}.</translation>
    </message>
</context>
<context>
    <name>InboxFoldersDialog</name>
    <message>
        <source>&amp;Add folder</source>
        <translation>&amp;Додати теку</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Видалити вибране</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Перевірити з&apos;єднання</translation>
    </message>
    <message>
        <source>Add inbox folder</source>
        <translation>Додати вхідну теку</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З&apos;єднання…</translation>
    </message>
    <message>
        <source>Folder added.</source>
        <translation>Теку додано.</translation>
    </message>
    <message>
        <source>Folders you fetch bundles from: your own Nextcloud folder behind the file-drop link (its WebDAV address and an app password) or any WebDAV folder.</source>
        <translation>Теки, з яких ви забираєте пакети: ваша тека Nextcloud за посиланням для завантаження (її адреса WebDAV і пароль застосунку) або будь-яка тека WebDAV.</translation>
    </message>
    <message>
        <source>Inbox folders</source>
        <translation>Вхідні теки</translation>
    </message>
    <message>
        <source>Last fetched</source>
        <translation>Останнє завантаження</translation>
    </message>
    <message>
        <source>No inbox folder yet.</source>
        <translation>Вхідних тек поки немає.</translation>
    </message>
    <message>
        <source>Remove inbox folder</source>
        <translation>Видалити вхідну теку</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>&lt;p&gt;Incident Journal keeps your notes on detentions, violence and other incidents on this computer, encrypted with a passphrase only you know.&lt;/p&gt;&lt;p&gt;If the laptop is seized, stolen or searched, nothing in the journal can be read without the passphrase: not the entries, not the photos, not even their titles. Lock it with Ctrl+L; it also locks itself when you are away.&lt;/p&gt;&lt;p&gt;The next steps: choose a passphrase, name the journal, and write down a recovery code.&lt;/p&gt;</source>
        <translation>&lt;p&gt;«Журнал інцидентів» зберігає ваші записи про затримання, насильство та інші інциденти на цьому комп&apos;ютері, зашифрованими парольною фразою, яку знаєте лише ви.&lt;/p&gt;&lt;p&gt;Якщо ноутбук вилучать, викрадуть або обшукають, без парольної фрази в журналі нічого не прочитати: ані записів, ані фотографій, ані навіть їхніх заголовків. Блокуйте журнал клавішами Ctrl+L; він також блокується сам, коли ви відходите.&lt;/p&gt;&lt;p&gt;Далі: виберіть парольну фразу, назвіть журнал і запишіть код відновлення.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Back from a journey with a travel package?</source>
        <translation>Повернулися з подорожі з дорожнім архівом?</translation>
    </message>
    <message>
        <source>&amp;Restore after travel…</source>
        <translation>&amp;Відновити після подорожі…</translation>
    </message>
    <message>
        <source>Welcome to Incident Journal</source>
        <translation>Ласкаво просимо до «Журналу інцидентів»</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Calendar: {field}</source>
        <translation>Календар: {field}</translation>
    </message>
</context>
<context>
    <name>LeaveOutPage</name>
    <message>
        <source>&amp;Remove hidden data from photos</source>
        <translation>&amp;Видалити приховані дані з фотографій</translation>
    </message>
    <message>
        <source> MB</source>
        <comment>megabytes, after a number</comment>
        <translation> МБ</translation>
    </message>
    <message>
        <source>Include the &amp;contact log</source>
        <translation>Додати &amp;журнал контактів</translation>
    </message>
    <message>
        <source>Large videos can be sent later, on their own.</source>
        <translation>Великі відео можна надіслати пізніше, окремо.</translation>
    </message>
    <message>
        <source>Largest file to send, in megabytes</source>
        <translation>Найбільший розмір файлу для надсилання, у мегабайтах</translation>
    </message>
    <message>
        <source>Leave out &amp;phone numbers and messenger handles</source>
        <translation>Не додавати номери &amp;телефонів і акаунти в месенджерах</translation>
    </message>
    <message>
        <source>Also send files &amp;that cannot be cleaned</source>
        <translation>Надсилати й файли, які не можна &amp;очистити</translation>
    </message>
    <message>
        <source>Videos, recordings, PDFs and Office documents are cleaned too. A file of an unknown type or a damaged one cannot be: it may carry names, places or device details. Without this, such a file stops the bundle and is named.</source>
        <translation>Відео, аудіозаписи, PDF і документи Office теж очищаються. Файл невідомого типу або пошкоджений очистити не можна: у ньому можуть бути імена, місця або відомості про пристрій. Без цієї позначки такий файл зупиняє створення пакета й називається.</translation>
    </message>
    <message>
        <source>No photos or &amp;files at all</source>
        <translation>Зовсім без фотографій і &amp;файлів</translation>
    </message>
    <message>
        <source>Only the text of the entries: a much smaller bundle.</source>
        <translation>Лише текст записів: пакет набагато менший.</translation>
    </message>
    <message>
        <source>People are sent with names and roles only. Use this if the bundle might be intercepted.</source>
        <translation>Люди передаються лише з іменами та ролями. Використовуйте, якщо пакет можуть перехопити.</translation>
    </message>
    <message>
        <source>Photos can carry the GPS position, the phone&apos;s model and the time they were taken. Keep this on unless the coordinator needs them as evidence.</source>
        <translation>Фотографії можуть містити координати GPS, модель телефона й час зйомки. Залиште ввімкненим, якщо тільки координаторові не потрібні ці дані як доказ.</translation>
    </message>
    <message>
        <source>Send only what the coordinator needs.</source>
        <translation>Надсилайте лише те, що потрібно координаторові.</translation>
    </message>
    <message>
        <source>Skip files &amp;larger than</source>
        <translation>Пропускати файли &amp;більші за</translation>
    </message>
    <message>
        <source>What to leave out</source>
        <translation>Що не надсилати</translation>
    </message>
    <message>
        <source>Your notes of calls and meetings with the people in these entries.</source>
        <translation>Ваші нотатки про дзвінки та зустрічі з людьми з цих записів.</translation>
    </message>
</context>
<context>
    <name>LockTray</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокувати зараз</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вихід</translation>
    </message>
    <message>
        <source>Close the journal and forget the key</source>
        <translation>Закрити журнал і забути ключ</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал інцидентів</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries deleted for good.</source>
        <translation>
            <numerusform>%n запис видалено назавжди.</numerusform>
            <numerusform>%n записи видалено назавжди.</numerusform>
            <numerusform>%n записів видалено назавжди.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found{more}</source>
        <translation>
            <numerusform>Знайдено %n{more}</numerusform>
            <numerusform>Знайдено %n{more}</numerusform>
            <numerusform>Знайдено %n{more}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;About Incident Journal</source>
        <translation>&amp;Про програму</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редагування</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистити кошик…</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Запис</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Знайти</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Історія…</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Журнал</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокувати</translation>
    </message>
    <message>
        <source>&amp;Move to trash</source>
        <translation>&amp;До кошика</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Новий запис</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вихід</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Відновити</translation>
    </message>
    <message>
        <source>Loading entries…</source>
        <translation>Завантаження записів…</translation>
    </message>
    <message>
        <source>Move the selected entries to the trash (Del)</source>
        <translation>Перемістити вибрані записи до кошика (Del)</translation>
    </message>
    <message>
        <source>Move the selected entries out of the trash</source>
        <translation>Повернути вибрані записи з кошика</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>Auto-lock time, time zone, language</source>
        <translation>Час автоблокування, часовий пояс, мова</translation>
    </message>
    <message>
        <source>Next &amp;region</source>
        <translation>Наступна &amp;область</translation>
    </message>
    <message>
        <source>Move to the next part of the window (F6)</source>
        <translation>Перейти до наступної частини вікна (F6)</translation>
    </message>
    <message>
        <source>Previous re&amp;gion</source>
        <translation>Попе&amp;редня область</translation>
    </message>
    <message>
        <source>Move to the previous part of the window (Shift+F6)</source>
        <translation>Перейти до попередньої частини вікна (Shift+F6)</translation>
    </message>
    <message>
        <source>More results could not be read: {why}</source>
        <translation>Не вдалося прочитати наступні результати: {why}</translation>
    </message>
    <message>
        <source>Search now finds every form of a word.</source>
        <translation>Тепер пошук знаходить усі форми слова.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>“{title}” moved to the trash.</source>
        <translation>Запис «{title}» переміщено до кошика.</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>До кошика</translation>
    </message>
    <message numerus="yes">
        <source>Move %n selected entries to the trash? Undo brings them back.</source>
        <translation>
            <numerusform>Перемістити до кошика %n вибраний запис? «Скасувати» поверне його.</numerusform>
            <numerusform>Перемістити до кошика %n вибрані записи? «Скасувати» поверне їх.</numerusform>
            <numerusform>Перемістити до кошика %n вибраних записів? «Скасувати» поверне їх.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries moved to the trash.</source>
        <translation>
            <numerusform>%n запис переміщено до кошика.</numerusform>
            <numerusform>%n записи переміщено до кошика.</numerusform>
            <numerusform>%n записів переміщено до кошика.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries restored.</source>
        <translation>
            <numerusform>%n запис відновлено.</numerusform>
            <numerusform>%n записи відновлено.</numerusform>
            <numerusform>%n записів відновлено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries in the trash for good? Their history goes too. This cannot be undone.</source>
        <translation>
            <numerusform>Видалити назавжди %n запис із кошика? Його історію теж буде видалено. Це не можна скасувати.</numerusform>
            <numerusform>Видалити назавжди %n записи з кошика? Їхню історію теж буде видалено. Це не можна скасувати.</numerusform>
            <numerusform>Видалити назавжди %n записів із кошика? Їхню історію теж буде видалено. Це не можна скасувати.</numerusform>
        </translation>
    </message>
    <message>
        <source>Version {n} restored as version {m}.</source>
        <translation>Версію {n} відновлено як версію {m}.</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good</source>
        <translation>Видалити все з кошика назавжди</translation>
    </message>
    <message>
        <source>Earlier versions of the selected entry</source>
        <translation>Попередні версії вибраного запису</translation>
    </message>
    <message>
        <source>Updating the search index: {percent}%</source>
        <translation>Оновлення пошукового індексу: {percent}%</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Очистити кошик</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Entry restored.</source>
        <translation>Запис відновлено.</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал інцидентів</translation>
    </message>
    <message>
        <source>Lock and quit</source>
        <translation>Заблокувати й вийти</translation>
    </message>
    <message>
        <source>Lock now: close the journal and forget the key (Ctrl+L)</source>
        <translation>Заблокувати зараз: закрити журнал і забути ключ (Ctrl+L)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Головна</translation>
    </message>
    <message>
        <source>New entry created.</source>
        <translation>Новий запис створено.</translation>
    </message>
    <message>
        <source>No entries here.</source>
        <translation>Тут немає записів.</translation>
    </message>
    <message>
        <source>No entries yet — press Ctrl+N to write the first one.</source>
        <translation>Записів поки немає — натисніть Ctrl+N, щоб створити перший.</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>За запитом «{text}» нічого не знайдено.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Пошук (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the journal (Ctrl+F)</source>
        <translation>Пошук у журналі (Ctrl+F)</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Кошик порожній.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Words in titles, text, places and tags. Use &quot;quotes&quot; for a phrase, word* for a prefix, OR for either.</source>
        <translation>Слова в заголовках, тексті, місцях і мітках. &quot;Лапки&quot; — для фрази, слово* — для початку слова, OR — для будь-якого зі слів.</translation>
    </message>
    <message>
        <source>Write a new entry (Ctrl+N)</source>
        <translation>Створити новий запис (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Coordinators</source>
        <translation>&amp;Координатори</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Вихідні</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>З&amp;віти</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>&amp;Обмін</translation>
    </message>
    <message>
        <source>&amp;Safety</source>
        <translation>&amp;Безпека</translation>
    </message>
    <message>
        <source>S&amp;enders</source>
        <translation>Від&amp;правники</translation>
    </message>
</context>
<context>
    <name>MyCardDialog</name>
    <message>
        <source>&amp;Copy card text</source>
        <translation>&amp;Копіювати текст картки</translation>
    </message>
    <message>
        <source>&amp;Save card file…</source>
        <translation>&amp;Зберегти файл картки…</translation>
    </message>
    <message>
        <source>Card text</source>
        <translation>Текст картки</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
    <message>
        <source>Copy the card line to paste into a message</source>
        <translation>Скопіювати рядок картки, щоб вставити в повідомлення</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Відбиток</translation>
    </message>
    <message>
        <source>Fingerprint (read these groups aloud):</source>
        <translation>Відбиток (прочитайте ці групи вголос):</translation>
    </message>
    <message>
        <source>Give this card to a coordinator so they can receive your bundles and check they come from you. It holds only public keys and the name “{name}”: it is safe to share, but compare the fingerprint with the coordinator by phone or in person.</source>
        <translation>Передайте цю картку координаторові, щоб він міг отримувати ваші пакети й перевіряти, що вони від вас. У ній лише відкриті ключі та ім&apos;я «{name}»: нею можна ділитися, але звірте відбиток із координатором телефоном або особисто.</translation>
    </message>
    <message>
        <source>My card</source>
        <translation>Моя картка</translation>
    </message>
    <message>
        <source>QR code of my card</source>
        <translation>QR-код моєї картки</translation>
    </message>
    <message>
        <source>Change &amp;name…</source>
        <translation>Змінити &amp;ім&apos;я…</translation>
    </message>
    <message>
        <source>Change the public name coordinators see on your card and bundles</source>
        <translation>Змінити публічне ім&apos;я, яке координатори бачать у вашій картці та пакетах</translation>
    </message>
    <message>
        <source>Save card file</source>
        <translation>Зберегти файл картки</translation>
    </message>
    <message>
        <source>Save the card as a .ijcard file to send or carry</source>
        <translation>Зберегти картку у файл .ijcard, щоб надіслати або передати</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <source>This name is private: it is stored inside the encrypted journal and shown only once it is unlocked.</source>
        <translation>Ця назва особиста: вона зберігається всередині зашифрованого журналу й видна лише після розблокування.</translation>
    </message>
    <message>
        <source>&amp;Create journal</source>
        <translation>&amp;Створити журнал</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>It is not on your contact card or in bundles. The name coordinators see is chosen separately, when you first show your card or send a bundle.</source>
        <translation>Її немає ні у вашій картці, ні в пакетах. Ім&apos;я, яке бачать координатори, обирається окремо — коли ви вперше відкриєте картку чи надішлете пакет.</translation>
    </message>
    <message>
        <source>Creating the journal and deriving its key… this takes a few seconds.</source>
        <translation>Створюється журнал і обчислюється його ключ… це займе кілька секунд.</translation>
    </message>
    <message>
        <source>It will be saved in {folder}</source>
        <translation>Його буде збережено в {folder}</translation>
    </message>
    <message>
        <source>My journal</source>
        <translation>Мій журнал</translation>
    </message>
    <message>
        <source>Name the journal</source>
        <translation>Назва журналу</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Attempts per bundle</source>
        <translation>Спроб на пакет</translation>
    </message>
    <message>
        <source>Attempts per bundle:</source>
        <translation>Спроб на пакет:</translation>
    </message>
    <message>
        <source>Connect through a &amp;SOCKS5 proxy (e.g. Tor)</source>
        <translation>Під&apos;єднуватися через &amp;проксі SOCKS5 (наприклад, Tor)</translation>
    </message>
    <message>
        <source>Connection timeout</source>
        <translation>Тайм-аут з&apos;єднання</translation>
    </message>
    <message>
        <source>Give up connecting after:</source>
        <translation>Припинити спроби з&apos;єднання через:</translation>
    </message>
    <message>
        <source>Give up without progress after:</source>
        <translation>Перервати за відсутності прогресу через:</translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation>Налаштування мережі</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>Адреса проксі</translation>
    </message>
    <message>
        <source>T&amp;or</source>
        <translation>T&amp;or</translation>
    </message>
    <message>
        <source>This app never connects to the internet unless you send a bundle, test a folder or fetch bundles. Certificates are always checked.</source>
        <translation>Застосунок під&apos;єднується до інтернету, лише коли ви надсилаєте чи завантажуєте пакети або перевіряєте теку. Сертифікати перевіряються завжди.</translation>
    </message>
    <message>
        <source>Timeout without progress</source>
        <translation>Тайм-аут без прогресу</translation>
    </message>
    <message>
        <source>Tor &amp;Browser</source>
        <translation>Tor &amp;Browser</translation>
    </message>
    <message>
        <source>Tor Browser while it is open: {url}</source>
        <translation>Tor Browser, поки він відкритий: {url}</translation>
    </message>
    <message>
        <source>Tor hides from the network and the server where you are; everything, including name lookups, goes through it. Expect it to be slow.</source>
        <translation>Tor приховує від мережі й сервера, де ви перебуваєте; через нього йде все, зокрема запити імен. Працює повільно.</translation>
    </message>
    <message>
        <source>Tor running as a service: {url}</source>
        <translation>Tor, запущений як служба: {url}</translation>
    </message>
    <message>
        <source>Use Tor Browser</source>
        <translation>Використовувати Tor Browser</translation>
    </message>
    <message>
        <source>Use Tor service</source>
        <translation>Використовувати службу Tor</translation>
    </message>
    <message>
        <source>socks5h://host:port: the proxy also resolves server names (no DNS leak)</source>
        <translation>socks5h://хост:порт: проксі сам розпізнає імена серверів (без витоку DNS)</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <source>Write down your new recovery code</source>
        <translation>Запишіть новий код відновлення</translation>
    </message>
    <message>
        <source>The passphrase and every key were changed. Your old recovery code no longer works; this is the new one. It is shown only this once: write it on paper and keep it apart from the laptop.</source>
        <translation>Парольну фразу і всі ключі змінено. Старий код відновлення більше не діє; ось новий. Його показано лише один раз: запишіть його на папері й зберігайте окремо від ноутбука.</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>Новий код відновлення</translation>
    </message>
    <message>
        <source>Backups made before now are not changed: they still open with the old passphrase and the old recovery code. Destroy them if they could be found, and make a new backup. The journal is locked now: unlock it with the new passphrase.</source>
        <translation>Зроблені раніше резервні копії не змінюються: вони й далі відкриваються старою парольною фразою і старим кодом відновлення. Знищте їх, якщо їх можуть знайти, і зробіть нову резервну копію. Зараз журнал заблоковано: відкрийте його новою парольною фразою.</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Я записав(ла) код</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал інцидентів</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Nothing was changed by the failed step.</source>
        <translation>Щось пішло не так ({kind}). Невдалий крок нічого не змінив.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Виконується…</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>&amp;Drop folder…</source>
        <translation>&amp;Тека для пакетів…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Видалити</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Надіслати зараз</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outbox&lt;/b&gt;</source>
        <translation>&lt;b&gt;Вихідні&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent&lt;/b&gt;</source>
        <translation>&lt;b&gt;Надіслані&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add a coordinator from their contact card first.</source>
        <translation>Спершу додайте координатора з його картки.</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Спроби</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Надіслані пакети</translation>
    </message>
    <message>
        <source>Bundles waiting to be sent</source>
        <translation>Пакети, що очікують надсилання</translation>
    </message>
    <message>
        <source>Coordinator:</source>
        <translation>Координатор:</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <source>Drop folder</source>
        <translation>Тека для пакетів</translation>
    </message>
    <message>
        <source>Encrypted bundles waiting to be uploaded to your coordinators&apos; drop folders. Nothing connects until you press Send.</source>
        <translation>Зашифровані пакети, що очікують завантаження до тек ваших координаторів. З&apos;єднання відбувається, лише коли ви натиснете «Надіслати».</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Остання помилка</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не надіслано</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n bundle(s) from the outbox without sending?</source>
        <translation>
            <numerusform>Прибрати %n пакет із вихідних, не надсилаючи?</numerusform>
            <numerusform>Прибрати %n пакети з вихідних, не надсилаючи?</numerusform>
            <numerusform>Прибрати %n пакетів із вихідних, не надсилаючи?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from outbox</source>
        <translation>Прибрати з вихідних</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Надіслати зараз</translation>
    </message>
    <message>
        <source>Sending bundles…</source>
        <translation>Надсилаються пакети…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Надіслано</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>Відповідь сервера</translation>
    </message>
    <message>
        <source>Set where a coordinator&apos;s bundles are uploaded</source>
        <translation>Вказати, куди завантажуються пакети для координатора</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Take the selected bundle out of the outbox (it is not sent)</source>
        <translation>Прибрати вибраний пакет із вихідних (його не буде надіслано)</translation>
    </message>
    <message>
        <source>The outbox is empty. Export a bundle “to the outbox” to send it from here.</source>
        <translation>Вихідних немає. Експортуйте пакет «до вихідних», щоб надіслати його звідси.</translation>
    </message>
    <message>
        <source>These bundles stay in the outbox:</source>
        <translation>Ці пакети залишаються у вихідних:</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Upload the selected bundles, or all of them (Ctrl+Return)</source>
        <translation>Завантажити вибрані пакети або всі (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Calls to return and things to check today</source>
        <translation>Кому передзвонити й що перевірити сьогодні</translation>
    </message>
    <message>
        <source>Contacts logged:</source>
        <translation>Записано контактів:</translation>
    </message>
    <message>
        <source>Drafts:</source>
        <translation>Чернетки:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>Follow-ups due:</source>
        <translation>Нагадування:</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Остання резервна копія:</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Люди:</translation>
    </message>
    <message>
        <source>Show follow-ups</source>
        <translation>Показати нагадування</translation>
    </message>
    <message numerus="yes">
        <source>%n ({overdue} overdue)</source>
        <translation>
            <numerusform>%n (прострочено: {overdue})</numerusform>
            <numerusform>%n (прострочено: {overdue})</numerusform>
            <numerusform>%n (прострочено: {overdue})</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>ще не було</translation>
    </message>
</context>
<context>
    <name>PassphraseHints</name>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Одне слово легко підібрати.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Додайте ще одне-два слова. Краще рідкісні.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Усе великими літерами підібрати майже так само легко, як усе малими.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Уникайте дат і років, пов&apos;язаних із вами.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Уникайте недавніх років.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Уникайте повторів слів і символів.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Уникайте послідовностей.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Уникайте років, пов&apos;язаних із вами.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Великі літери мало допомагають.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Поширені імена та прізвища легко підібрати.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Дати часто легко підібрати.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Імена та прізвища самі по собі легко підібрати.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>Символи, цифри й великі літери не обов&apos;язкові.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Передбачувані заміни на кшталт &apos;@&apos; замість &apos;a&apos; мало допомагають.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Недавні роки легко підібрати.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Повтори на кшталт &quot;aaa&quot; легко підібрати.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Повтори на кшталт &quot;abcabcabc&quot; підібрати лише трохи важче, ніж &quot;abc&quot;.</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Слова задом наперед підібрати ненабагато важче.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Послідовності на кшталт &quot;abc&quot; або &quot;6543&quot; легко підібрати.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Короткі клавіатурні візерунки легко підібрати.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Ряди клавіш поспіль легко підібрати.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Це один із 10 найпоширеніших паролів.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Це один із 100 найпоширеніших паролів.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Це дуже поширений пароль.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Це схоже на поширений пароль.</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Використовуйте кілька слів, уникайте поширених фраз.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Використовуйте довший клавіатурний візерунок із більшою кількістю поворотів.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Ще раз:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольна фраза:</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Виберіть парольну фразу</translation>
    </message>
    <message>
        <source>Estimated strength against guessing (zxcvbn)</source>
        <translation>Оцінка стійкості до підбору (zxcvbn)</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Середня</translation>
    </message>
    <message>
        <source>I understand; use this weak passphrase anyway</source>
        <translation>Я розумію; все одно використати цю слабку фразу</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольна фраза ще раз</translation>
    </message>
    <message>
        <source>Several unrelated words are easy to remember and hard to guess. Nobody can recover the journal without it or the recovery code.</source>
        <translation>Кілька не пов&apos;язаних між собою слів легко запам&apos;ятати й важко підібрати. Без неї чи коду відновлення журнал не відновить ніхто.</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Показати парольну фразу</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Стійкість:</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Сильна</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Парольні фрази не збігаються.</translation>
    </message>
    <message>
        <source>This passphrase is weak: someone with the laptop could guess it.</source>
        <translation>Ця фраза слабка: той, у кого опиниться ноутбук, може її підібрати.</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Використайте щонайменше %n символ.</numerusform>
            <numerusform>Використайте щонайменше %n символи.</numerusform>
            <numerusform>Використайте щонайменше %n символів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Дуже сильна</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Дуже слабка</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Слабка</translation>
    </message>
</context>
<context>
    <name>PathRow</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>Browse for {what}</source>
        <translation>Вибрати: {what}</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>Call</source>
        <translation>Дзвінок</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Затриманий(а)</translation>
    </message>
    <message>
        <source>Detainee</source>
        <translation>Затриманий</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Ел. пошта</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Особисто</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Вхідний</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Журналіст</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Адвокат</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Зустріч</translation>
    </message>
    <message>
        <source>Officer involved</source>
        <translation>Причетний співробітник</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Посадова особа</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Вихідний</translation>
    </message>
    <message>
        <source>Police/military officer</source>
        <translation>Співробітник поліції/ТЦК</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Родич</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Потерпілий</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свідок</translation>
    </message>
</context>
<context>
    <name>PeopleFeature</name>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>&amp;Нагадування</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>&amp;Записати контакт…</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Нова особа…</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Люди</translation>
    </message>
    <message numerus="yes">
        <source>Overview — %n due</source>
        <translation>
            <numerusform>Огляд — %n нагадування</numerusform>
            <numerusform>Огляд — %n нагадування</numerusform>
            <numerusform>Огляд — %n нагадувань</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a person (Ctrl+Shift+P)</source>
        <translation>Додати особу (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактів</translation>
    </message>
    <message>
        <source>Counts, follow-ups due and the last backup</source>
        <translation>Підсумки, нагадування й остання резервна копія</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Нагадування</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Record a call, message or meeting (Ctrl+Shift+L)</source>
        <translation>Записати дзвінок, повідомлення або зустріч (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>What is due today and overdue</source>
        <translation>Що треба зробити сьогодні і що прострочено</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Add a person (Ctrl+Shift+P)</source>
        <translation>Додати особу (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Усі ролі</translation>
    </message>
    <message>
        <source>Also known as: {names}</source>
        <translation>Також відомий як: {names}</translation>
    </message>
    <message>
        <source>Change this person&apos;s details</source>
        <translation>Змінити відомості про особу</translation>
    </message>
    <message>
        <source>Choose a person on the left, or add one with “New person…”.</source>
        <translation>Виберіть особу ліворуч або додайте нову кнопкою «Нова особа…».</translation>
    </message>
    <message>
        <source>Contact log with this person</source>
        <translation>Журнал контактів із цією особою</translation>
    </message>
    <message>
        <source>Contact log:</source>
        <translation>Журнал контактів:</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Скопійовано. Буфер обміну очиститься через 30 секунд.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Copy the selected number or handle; the clipboard is cleared again after 30 seconds</source>
        <translation>Скопіювати вибраний номер або акаунт; буфер обміну очиститься через 30 секунд</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Видалити особу</translation>
    </message>
    <message>
        <source>Delete this person for good (log records stay)</source>
        <translation>Видалити особу назавжди (записи журналу контактів залишаться)</translation>
    </message>
    <message>
        <source>Delete “{name}” for good, with their history and links to incidents? Contact-log records stay and show “deleted person”. This cannot be undone.</source>
        <translation>Видалити «{name}» назавжди, разом з історією та зв&apos;язками з інцидентами? Записи журналу контактів залишаться з позначкою «видалена особа». Це не можна скасувати.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>Double-click or press Ctrl+C to copy</source>
        <translation>Подвійне клацання або Ctrl+C — копіювати</translation>
    </message>
    <message>
        <source>Double-click to open the entry</source>
        <translation>Подвійне клацання — відкрити запис</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Змінити…</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Знайти особу</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>Знайти особу…</translation>
    </message>
    <message>
        <source>Incidents this person appears in</source>
        <translation>Інциденти, у яких фігурує ця особа</translation>
    </message>
    <message>
        <source>Incidents:</source>
        <translation>Інциденти:</translation>
    </message>
    <message>
        <source>Merge people</source>
        <translation>Об&apos;єднати осіб</translation>
    </message>
    <message>
        <source>Merge “{absorb}” into “{keep}”?

Their incidents, contact log, names, roles, phones and handles are combined under “{keep}”. This cannot be undone.</source>
        <translation>Об&apos;єднати «{absorb}» з «{keep}»?

Інциденти, журнал контактів, імена, ролі, телефони й акаунти буде зібрано під «{keep}». Це не можна скасувати.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Об&apos;єднати…</translation>
    </message>
    <message>
        <source>Names, other names, phones, handles, organisation and notes</source>
        <translation>Імена, інші імена, телефони, акаунти, організація й нотатки</translation>
    </message>
    <message>
        <source>New incident with this person</source>
        <translation>Новий інцидент із цією особою</translation>
    </message>
    <message>
        <source>New log entry</source>
        <translation>Новий запис контакту</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Нова особа…</translation>
    </message>
    <message>
        <source>No people yet. Add the people you deal with: detainees, relatives, lawyers, witnesses.</source>
        <translation>Людей поки немає. Додайте тих, з ким ви працюєте: затриманих, родичів, адвокатів, свідків.</translation>
    </message>
    <message>
        <source>No phone numbers or handles.</source>
        <translation>Немає телефонів і акаунтів.</translation>
    </message>
    <message>
        <source>Nobody matches.</source>
        <translation>Ніхто не підходить.</translation>
    </message>
    <message>
        <source>Not linked to any incident yet.</source>
        <translation>Поки не пов&apos;язано з жодним інцидентом.</translation>
    </message>
    <message>
        <source>Organisation: {org}</source>
        <translation>Організація: {org}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Phone: {number}</source>
        <translation>Телефон: {number}</translation>
    </message>
    <message>
        <source>Phones and messenger handles</source>
        <translation>Телефони й акаунти в месенджерах</translation>
    </message>
    <message>
        <source>Phones and messengers:</source>
        <translation>Телефони й месенджери:</translation>
    </message>
    <message>
        <source>Record a call, message or meeting with this person</source>
        <translation>Записати дзвінок, повідомлення або зустріч із цією особою</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Фільтр за роллю</translation>
    </message>
    <message>
        <source>Roles: {roles}</source>
        <translation>Ролі: {roles}</translation>
    </message>
    <message>
        <source>Select two records of the same person, then merge them into one</source>
        <translation>Виберіть два записи про ту саму особу й об&apos;єднайте їх в один</translation>
    </message>
    <message>
        <source>Sensitive: details never leave this laptop.</source>
        <translation>Конфіденційно: відомості ніколи не залишають цей ноутбук.</translation>
    </message>
    <message>
        <source>Show only people with this role</source>
        <translation>Показувати лише осіб із цією роллю</translation>
    </message>
    <message>
        <source>Write a new entry with this person already linked</source>
        <translation>Створити новий запис, уже пов&apos;язаний із цією особою</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>&amp;Messengers:</source>
        <translation>&amp;Месенджери:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Other names:</source>
        <translation>&amp;Інші імена:</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>&amp;Телефони:</translation>
    </message>
    <message>
        <source>A person needs a name (any name you use for them).</source>
        <translation>Вкажіть ім&apos;я (будь-яке, яким ви називаєте особу).</translation>
    </message>
    <message>
        <source>Any name you use for them</source>
        <translation>Будь-яке ім&apos;я, яким ви називаєте особу</translation>
    </message>
    <message>
        <source>Bundles then carry only a random pseudonym and the roles</source>
        <translation>Тоді в пакетах передаються лише випадковий псевдонім і ролі</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Змінити відомості про особу</translation>
    </message>
    <message>
        <source>Messenger handles</source>
        <translation>Акаунти в месенджерах</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Нова особа</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>&amp;Нотатки:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
    <message>
        <source>One per line: signal:+7…, telegram:@name, whatsapp:+380…, email:name@example.org</source>
        <translation>По одному в рядку: signal:+7…, telegram:@name, whatsapp:+380…, email:name@example.org</translation>
    </message>
    <message>
        <source>Or&amp;ganisation:</source>
        <translation>&amp;Організація:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Інші імена</translation>
    </message>
    <message>
        <source>Other names, one per line</source>
        <translation>Інші імена, по одному в рядку</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Номери телефонів</translation>
    </message>
    <message>
        <source>Phone numbers, one per line</source>
        <translation>Номери телефонів, по одному в рядку</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Ролі:</translation>
    </message>
    <message>
        <source>Sensitive: this person&apos;s details never leave this laptop</source>
        <translation>Конфіденційно: відомості про цю особу ніколи не залишають цей ноутбук</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Person…</source>
        <extracomment>People a picker offers (the most recently changed first).</extracomment>
        <translation>Особа…</translation>
    </message>
</context>
<context>
    <name>PrepareTravelDialog</name>
    <message>
        <source>Prepare for travel</source>
        <translation>Підготовка до подорожі</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Before a border or a search:&lt;/b&gt; the whole journal (entries, people, contact log, photos and files, forms, your identity and coordinators) is sealed into one encrypted travel package. It is read back and checked; only then is the journal &lt;b&gt;erased from this computer&lt;/b&gt;, as an emergency erase does.&lt;/p&gt;&lt;p&gt;Only the &lt;b&gt;recovery code&lt;/b&gt; opens the package, never the passphrase. Keep the code apart from the laptop and the package: without it the journal cannot come back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Перед кордоном або обшуком:&lt;/b&gt; увесь журнал (записи, люди, журнал контактів, фото й файли, форми, ваша особа й координатори) запечатується в один зашифрований дорожній архів. Архів читається назад і перевіряється; лише тоді журнал &lt;b&gt;стирається з цього комп’ютера&lt;/b&gt;, як під час екстреного стирання.&lt;/p&gt;&lt;p&gt;Архів відкриває тільки &lt;b&gt;код відновлення&lt;/b&gt;, парольна фраза — ніколи. Зберігайте код окремо від ноутбука й від архіву: без нього журнал не повернути.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Save the package to a &amp;file (a USB stick or a folder)</source>
        <translation>Зберегти архів у &amp;файл (флешка або тека)</translation>
    </message>
    <message>
        <source>Send it to a coordinator&apos;s &amp;drop folder</source>
        <translation>Надіслати в &amp;теку приймання координатора</translation>
    </message>
    <message>
        <source>Travel package file</source>
        <translation>Файл дорожнього архіву</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <source>No coordinator has a drop folder.</source>
        <translation>Жоден координатор не має теки приймання.</translation>
    </message>
    <message>
        <source>Send through &amp;Tor (running on this computer)</source>
        <translation>Надіслати через &amp;Tor (запущений на цьому комп’ютері)</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код відновлення</translation>
    </message>
    <message>
        <source>Re&amp;hearsal: make and check the package, but keep the journal</source>
        <translation>&amp;Репетиція: створити й перевірити архів, але залишити журнал</translation>
    </message>
    <message>
        <source>I understand: the journal will be &amp;erased from this computer</source>
        <translation>Я розумію: журнал буде &amp;стерто з цього комп’ютера</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Coordinator:</source>
        <translation>Координатор:</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Код відновлення:</translation>
    </message>
    <message>
        <source>&amp;Seal and erase</source>
        <translation>&amp;Запечатати й стерти</translation>
    </message>
    <message>
        <source>Save the travel package</source>
        <translation>Зберегти дорожній архів</translation>
    </message>
    <message>
        <source>Travel packages (*{suffix})</source>
        <translation>Дорожні архіви (*{suffix})</translation>
    </message>
    <message>
        <source>&amp;Make and check</source>
        <translation>&amp;Створити й перевірити</translation>
    </message>
</context>
<context>
    <name>QuickLogBar</name>
    <message>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Add to the contact log (Enter)</source>
        <translation>Додати до журналу контактів (Enter)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Хто:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Як:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Напрямок:</translation>
    </message>
    <message>
        <source>What was said:</source>
        <translation>Що сказали:</translation>
    </message>
    <message>
        <source>Choose a person from the list first.</source>
        <translation>Спершу виберіть особу зі списку.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>Нагадати до</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Дата нагадування</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Remind me on this day (shown under Follow-ups)</source>
        <translation>Нагадати цього дня (видно в розділі «Нагадування»)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <source>What was said, e.g. “held at police department no. 5, lawyer not admitted”</source>
        <translation>Що сказали, наприклад «тримають у відділку поліції № 5, адвоката не пускають»</translation>
    </message>
    <message>
        <source>Who: type part of a name</source>
        <translation>Хто: введіть частину імені</translation>
    </message>
    <message>
        <source>“{name}” is not in your people yet: add them on the People page, then log the contact.</source>
        <translation>«{name}» ще немає у списку людей: додайте на сторінці «Люди», потім запишіть контакт.</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>  (not verified: fingerprint not compared)</source>
        <translation>  (не перевірено: відбиток не звірено)</translation>
    </message>
    <message>
        <source>Coordinators to send to</source>
        <translation>Яким координаторам надіслати</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>The bundle can be opened only by the coordinators you tick.</source>
        <translation>Відкрити пакет зможуть лише позначені вами координатори.</translation>
    </message>
    <message>
        <source>&amp;Add coordinator…</source>
        <translation>Додати &amp;координатора…</translation>
    </message>
    <message>
        <source>Paste a coordinator&apos;s card or open their .ijcard file</source>
        <translation>Вставте картку координатора або відкрийте його файл .ijcard</translation>
    </message>
    <message>
        <source>Add coordinator</source>
        <translation>Додати координатора</translation>
    </message>
    <message>
        <source>No coordinators yet: add one with “Add coordinator…”. You need their card (a line starting with “ijcard1:” or an .ijcard file).</source>
        <translation>Координаторів поки немає: додайте кнопкою «Додати координатора…». Потрібна його картка (рядок, що починається з «ijcard1:», або файл .ijcard).</translation>
    </message>
    <message>
        <source>⚠ Not verified: {names}. Compare their fingerprint aloud before sending anything sensitive.</source>
        <translation>⚠ Не перевірено: {names}. Звірте відбиток уголос, перш ніж надсилати щось конфіденційне.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копіювати</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Друк…</translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again after a minute)</source>
        <translation>Копіювати в буфер обміну (його буде очищено за хвилину)</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Я записав(ла) код</translation>
    </message>
    <message>
        <source>If you forget the passphrase, this code is the only way back into the journal. It is shown only now. Keep it on paper, away from the laptop.</source>
        <translation>Якщо ви забудете парольну фразу, цей код — єдиний спосіб повернутися до журналу. Його показано лише зараз. Зберігайте його на папері, окремо від ноутбука.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer, so printing can only write the recovery code into a PDF file. That file is not encrypted: anyone who gets this laptop can read the code in it and open your journal.

Write the code down by hand instead, or save the file only on a stick you keep apart from the laptop.</source>
        <translation>На цьому комп’ютері не налаштовано принтер, тому друк може лише записати код відновлення в PDF-файл. Цей файл не зашифровано: будь-хто, до кого потрапить ноутбук, прочитає в ньому код і відкриє ваш журнал.

Краще перепишіть код від руки або збережіть файл лише на флешку, яку зберігаєте окремо від ноутбука.</translation>
    </message>
    <message>
        <source>This writes the recovery code unencrypted into the file {file}. Anyone who can read that file can open your journal. Write it anyway?</source>
        <translation>Код відновлення буде записано незашифрованим у файл {file}. Будь-хто, хто зможе прочитати цей файл, відкриє ваш журнал. Все одно записати?</translation>
    </message>
    <message>
        <source>(a PDF file)</source>
        <translation>(PDF-файл)</translation>
    </message>
    <message>
        <source>Incident Journal recovery code:</source>
        <translation>Код відновлення «Журналу інцидентів»:</translation>
    </message>
    <message>
        <source>Recovery code in a file</source>
        <translation>Код відновлення у файлі</translation>
    </message>
    <message>
        <source>Write the file anyway</source>
        <translation>Все одно записати файл</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код відновлення</translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation>Запишіть код відновлення</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n entries will be exported.</source>
        <translation>
            <numerusform>Буде експортовано %n запис.</numerusform>
            <numerusform>Буде експортовано %n записи.</numerusform>
            <numerusform>Буде експортовано %n записів.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;CSV</source>
        <translation>&amp;CSV</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Записи:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Експорт…</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>&amp;Походження:</translation>
    </message>
    <message>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported file is not encrypted.&lt;/b&gt; Anyone who gets it can read everything in it. Save it only where you must, and delete it when done.</source>
        <translation>&lt;b&gt;Експортований файл не зашифровано.&lt;/b&gt; Будь-хто, до кого він потрапить, прочитає весь його вміст. Зберігайте його лише там, де це необхідно, і видаліть, коли він стане не потрібен.</translation>
    </message>
    <message>
        <source>A printable report with photos</source>
        <translation>Звіт для друку з фотографіями</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>Усі записи</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message>
        <source>Entries in the current list</source>
        <translation>Записи в поточному списку</translation>
    </message>
    <message>
        <source>Everything, for other tools</source>
        <translation>Усе, для інших програм</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Експорт звіту</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Експортується…</translation>
    </message>
    <message>
        <source>For Excel (UTF-8 with BOM)</source>
        <translation>Для Excel (UTF-8 з BOM)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Include photo thumbnails</source>
        <translation>Додати мініатюри фотографій</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файли JSON (*.json)</translation>
    </message>
    <message>
        <source>Leave out contact details (phone numbers, messenger handles)</source>
        <translation>Без контактних даних (телефони, акаунти в месенджерах)</translation>
    </message>
    <message>
        <source>Lets Excel show Cyrillic and other scripts correctly</source>
        <translation>Щоб Excel правильно показував кирилицю та інші абетки</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n entries to {name}. Remember: this file is not encrypted.</source>
        <translation>
            <numerusform>Збережено %n запис, файл {name}. Пам&apos;ятайте: цей файл не зашифровано.</numerusform>
            <numerusform>Збережено %n записи, файл {name}. Пам&apos;ятайте: цей файл не зашифровано.</numerusform>
            <numerusform>Збережено %n записів, файл {name}. Пам&apos;ятайте: цей файл не зашифровано.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>Не експортовано: {reason}</translation>
    </message>
    <message>
        <source>One row per entry, form fields as columns</source>
        <translation>Один рядок на запис, поля форм — стовпці</translation>
    </message>
    <message>
        <source>Own and received</source>
        <translation>Власні й отримані</translation>
    </message>
    <message>
        <source>Own entries only</source>
        <translation>Лише власні записи</translation>
    </message>
    <message>
        <source>Own or received entries</source>
        <translation>Власні чи отримані записи</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page &amp;size:</source>
        <translation>&amp;Розмір сторінки:</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Розмір сторінки</translation>
    </message>
    <message>
        <source>Received entries only</source>
        <translation>Лише отримані записи</translation>
    </message>
    <message>
        <source>The selected entry</source>
        <translation>Вибраний запис</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Which entries</source>
        <translation>Які записи</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Записується звіт…</translation>
    </message>
</context>
<context>
    <name>RestoreTravelDialog</name>
    <message>
        <source>Restore after travel</source>
        <translation>Відновлення після подорожі</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;After the border:&lt;/b&gt; bring the journal back from its travel package, whole, with its history and your identity (coordinators still recognise you). You need the recovery code. Afterwards, unlock it with your passphrase as before.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Після кордону:&lt;/b&gt; поверніть журнал із дорожнього архіву повністю, з історією змін і вашою особою (координатори й далі вас упізнають). Потрібен код відновлення. Потім розблокуйте журнал своєю парольною фразою, як раніше.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>З &amp;файлу</translation>
    </message>
    <message>
        <source>From a &amp;drop folder</source>
        <translation>З &amp;теки приймання</translation>
    </message>
    <message>
        <source>Travel package file</source>
        <translation>Файл дорожнього архіву</translation>
    </message>
    <message>
        <source>Drop folder address</source>
        <translation>Адреса теки приймання</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Ім’я користувача</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Fetch through &amp;Tor (running on this computer)</source>
        <translation>Отримати через &amp;Tor (запущений на цьому комп’ютері)</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код відновлення</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Тека журналу</translation>
    </message>
    <message>
        <source>Choose an empty folder for the journal</source>
        <translation>Виберіть порожню теку для журналу</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Ім’я користувача:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Код відновлення:</translation>
    </message>
    <message>
        <source>Restore into:</source>
        <translation>Відновити в:</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Відновити</translation>
    </message>
    <message>
        <source>Open a travel package</source>
        <translation>Відкрити дорожній архів</translation>
    </message>
    <message>
        <source>Travel packages (*{suffix});;All files (*)</source>
        <translation>Дорожні архіви (*{suffix});;Усі файли (*)</translation>
    </message>
    <message>
        <source>The journal is back in {folder}. Unlock it with your passphrase, as before the journey.</source>
        <translation>Журнал знову в теці {folder}. Розблокуйте його своєю парольною фразою, як до подорожі.</translation>
    </message>
    <message>
        <source>Restoring the journal from its travel package…</source>
        <translation>Журнал відновлюється з дорожнього архіву…</translation>
    </message>
</context>
<context>
    <name>SafetySettingsDialog</name>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source> wrong passphrases in a row</source>
        <translation> хибних парольних фраз поспіль</translation>
    </message>
    <message>
        <source>&amp;Erase the journal after</source>
        <translation>&amp;Стерти журнал після</translation>
    </message>
    <message>
        <source>&amp;Remind me to back up after:</source>
        <translation>&amp;Нагадувати про резервну копію через:</translation>
    </message>
    <message>
        <source>Backup reminder after days</source>
        <translation>Нагадування про резервну копію через стільки днів</translation>
    </message>
    <message>
        <source>Failed attempts before erase</source>
        <translation>Невдалих спроб до стирання</translation>
    </message>
    <message>
        <source>Honestly: this only stops guessing through this app. Someone who copies the disk guesses offline where no counter exists (Argon2id is what slows them). It also erases after your own typos or a child playing with the keyboard, and there is no undo — keep a backup.</source>
        <translation>Чесно: це заважає підбору лише через цей застосунок. Той, хто скопіює диск, підбиратиме офлайн, де лічильника немає (уповільнює його Argon2id). Журнал зітреться й після ваших власних помилок або якщо дитина погратиметься з клавіатурою, і скасувати це не можна — тримайте резервну копію.</translation>
    </message>
    <message>
        <source>D&amp;uress passphrase…</source>
        <translation>&amp;Тривожна парольна фраза…</translation>
    </message>
    <message>
        <source>Lock when &amp;idle for</source>
        <translation>Блокувати при &amp;бездіяльності через</translation>
    </message>
    <message>
        <source>Lock when the &amp;screen locks or the laptop goes to sleep</source>
        <translation>Блокувати під час блокування &amp;екрана або переходу в сон</translation>
    </message>
    <message>
        <source>Lock when the window is &amp;minimized</source>
        <translation>Блокувати під час &amp;згортання вікна</translation>
    </message>
    <message>
        <source>Minutes before the idle lock</source>
        <translation>Хвилин до блокування при бездіяльності</translation>
    </message>
    <message>
        <source>Safety settings</source>
        <translation>Налаштування безпеки</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
</context>
<context>
    <name>SaveCopyDialog</name>
    <message>
        <source>Save a copy</source>
        <translation>Зберегти копію</translation>
    </message>
    <message>
        <source>Save a copy of “{name}” ({size}) outside the journal.</source>
        <translation>Зберегти копію «{name}» ({size}) поза журналом.</translation>
    </message>
    <message>
        <source>&amp;Remove identifying metadata (location, camera, author, dates)</source>
        <translation>&amp;Видалити ідентифікувальні метадані (місце, камера, автор, дати)</translation>
    </message>
    <message>
        <source>The copy is NOT encrypted: anyone who can open the folder can read it. The original stays encrypted in the journal.</source>
        <translation>Копію НЕ зашифровано: її прочитає будь-хто, хто відкриє теку. Оригінал залишається зашифрованим у журналі.</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Вибрати, куди зберегти…</translation>
    </message>
    <message>
        <source>Checking what this file reveals…</source>
        <translation>Перевіряється, що розкриває цей файл…</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>&amp;Send bundle</source>
        <translation>&amp;Надіслати пакет</translation>
    </message>
    <message>
        <source>&amp;Write bundle</source>
        <translation>&amp;Записати пакет</translation>
    </message>
    <message>
        <source>Browse for the bundle file</source>
        <translation>Вибрати файл пакета</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Файл пакета</translation>
    </message>
    <message>
        <source>Bundles (*.ijbundle)</source>
        <translation>Пакети (*.ijbundle)</translation>
    </message>
    <message>
        <source>Choose the folder and file name</source>
        <translation>Виберіть теку та ім&apos;я файлу</translation>
    </message>
    <message>
        <source>Copy it to them any way you like. The file name is random on purpose: it says nothing about you or the entries.</source>
        <translation>Передайте його будь-яким зручним способом. Назва файлу навмисно випадкова: вона нічого не каже про вас чи про записи.</translation>
    </message>
    <message>
        <source>Enter the drop folder a coordinator gave you</source>
        <translation>Введіть теку для пакетів, яку дав координатор</translation>
    </message>
    <message>
        <source>No drop folder yet for: {names}.</source>
        <translation>Ще немає теки для пакетів: {names}.</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Зберегти пакет</translation>
    </message>
    <message>
        <source>Save to a &amp;file</source>
        <translation>Зберегти у &amp;файл</translation>
    </message>
    <message>
        <source>Send to their &amp;drop folder</source>
        <translation>Надіслати в їхню &amp;теку для пакетів</translation>
    </message>
    <message>
        <source>Set &amp;up drop folder…</source>
        <translation>Налаштувати &amp;теку для пакетів…</translation>
    </message>
    <message>
        <source>Set up drop folder</source>
        <translation>Налаштувати теку для пакетів</translation>
    </message>
    <message>
        <source>The bundle is encrypted for the chosen coordinators.</source>
        <translation>Пакет зашифровано для вибраних координаторів.</translation>
    </message>
    <message>
        <source>Uploaded now through the outbox. If sending fails, the bundle stays in the outbox with the reason, to send again later.</source>
        <translation>Завантажується одразу через вихідні. Якщо надіслати не вдасться, пакет залишиться у вихідних із зазначенням причини, щоб надіслати його пізніше.</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Куди</translation>
    </message>
</context>
<context>
    <name>SearchHitsPanel</name>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактів</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>Подвійне клацання або Enter — відкрити</translation>
    </message>
    <message>
        <source>People and contact-log matches</source>
        <translation>Збіги серед людей і в журналі контактів</translation>
    </message>
    <message>
        <source>People: {people}, contact log: {log}</source>
        <translation>Люди: {people}, журнал контактів: {log}</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Вставити</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Виді&amp;лити все</translation>
    </message>
</context>
<context>
    <name>SendersPage</name>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Заблокувати</translation>
    </message>
    <message>
        <source>&amp;Compare fingerprint…</source>
        <translation>&amp;Звірити відбиток…</translation>
    </message>
    <message>
        <source>&amp;Trust again</source>
        <translation>&amp;Знову довіряти</translation>
    </message>
    <message>
        <source>Block sender</source>
        <translation>Заблокувати відправника</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблоковано</translation>
    </message>
    <message>
        <source>Bundles / entries</source>
        <translation>Пакети / записи</translation>
    </message>
    <message>
        <source>Change the name shown for this sender</source>
        <translation>Змінити ім&apos;я відправника, що показується</translation>
    </message>
    <message>
        <source>Documenters whose bundles you imported. Verify a sender after comparing the fingerprint with them aloud; block a sender to refuse their future bundles.</source>
        <translation>Документатори, чиї пакети ви імпортували. Позначте відправника перевіреним, звіривши з ним відбиток уголос; заблокуйте, щоб відхиляти його майбутні пакети.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Відбиток</translation>
    </message>
    <message>
        <source>First bundle</source>
        <translation>Перший пакет</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Останній пакет</translation>
    </message>
    <message>
        <source>Mark &amp;not verified</source>
        <translation>Позначити як &amp;неперевіреного</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ім&apos;я:</translation>
    </message>
    <message>
        <source>No senders yet. Import a bundle (Journal ▸ Import bundles…) or drop one on the window.</source>
        <translation>Відправників поки немає. Імпортуйте пакет (Журнал ▸ Імпорт пакетів…) або перетягніть його на вікно.</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Пере&amp;йменувати…</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud with the documenter and mark them verified</source>
        <translation>Звірити відбиток уголос із документатором і позначити його перевіреним</translation>
    </message>
    <message>
        <source>Refuse every future bundle from {name}? What was already imported stays.</source>
        <translation>Відхиляти всі майбутні пакети від {name}? Уже імпортоване залишиться.</translation>
    </message>
    <message>
        <source>Refuse this sender&apos;s future bundles</source>
        <translation>Відхиляти майбутні пакети цього відправника</translation>
    </message>
    <message>
        <source>Rename sender</source>
        <translation>Перейменувати відправника</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Відправники</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Довірений</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Перевірено</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>&amp;Блокувати при бездіяльності через:</translation>
    </message>
    <message>
        <source>Default &amp;time zone:</source>
        <translation>&amp;Часовий пояс за замовчуванням:</translation>
    </message>
    <message>
        <source>The interface language. The app offers to restart when it changes.</source>
        <translation>Мова інтерфейсу. Коли її змінено, застосунок запропонує перезапуститися.</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <source>Lock the journal after this long without keyboard or mouse use</source>
        <translation>Блокувати журнал, якщо стільки часу не користувалися клавіатурою чи мишею</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Settings hold no journal data; they are stored unencrypted.</source>
        <translation>Налаштування не містять даних журналу; вони зберігаються незашифрованими.</translation>
    </message>
    <message>
        <source>System ({zone})</source>
        <translation>Системний ({zone})</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <source>Used for new entries</source>
        <translation>Використовується для нових записів</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All entries</source>
        <translation>Усі записи</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>заголовок</translation>
    </message>
    <message>
        <source>Choose what the entry list shows</source>
        <translation>Виберіть, що показувати у списку записів</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Чернетки</translation>
    </message>
    <message>
        <source>Sections and filters</source>
        <translation>Розділи й фільтри</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Кошик</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>&amp;Copy table</source>
        <translation>&amp;Копіювати таблицю</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Дати</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(нічого)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Statistics&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Статистика&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>A second dimension, e.g. place then day</source>
        <translation>Друга ознака, наприклад місце, потім день</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усі категорії</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>Копіювати таблицю</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text (Ctrl+Shift+C); the clipboard is cleared after a short time</source>
        <translation>Копіювати таблицю як текст із табуляціями (Ctrl+Shift+C); буфер обміну незабаром очиститься</translation>
    </message>
    <message>
        <source>Count by</source>
        <translation>Рахувати за</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Підсумки</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Початкова дата</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Місяць</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Немає записів, що відповідають цим фільтрам.</translation>
    </message>
    <message>
        <source>Only entries that happened between these dates</source>
        <translation>Лише записи про події між цими датами</translation>
    </message>
    <message>
        <source>Own and received</source>
        <translation>Власні й отримані</translation>
    </message>
    <message>
        <source>Own entries</source>
        <translation>Власні записи</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Received entries</source>
        <translation>Отримані записи</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Відправник</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message numerus="yes">
        <source> (chart shows the first %n rows)</source>
        <translation>
            <numerusform> (на діаграмі перший %n рядок)</numerusform>
            <numerusform> (на діаграмі перші %n рядки)</numerusform>
            <numerusform> (на діаграмі перші %n рядків)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries counted.</source>
        <translation>
            <numerusform>Підраховано %n запис.</numerusform>
            <numerusform>Підраховано %n записи.</numerusform>
            <numerusform>Підраховано %n записів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Table copied; the clipboard is cleared after a short time.</source>
        <translation>Таблицю скопійовано; буфер обміну незабаром очиститься.</translation>
    </message>
    <message>
        <source>Then by</source>
        <translation>Потім за</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Кінцева дата</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Тиждень</translation>
    </message>
    <message>
        <source>What to count entries by</source>
        <translation>За якою ознакою рахувати записи</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Bundle not sent</source>
        <translation>Пакет не надіслано</translation>
    </message>
    <message>
        <source>Bundle sent</source>
        <translation>Пакет надіслано</translation>
    </message>
    <message>
        <source>{entries}, {people}, {notes}, {files}; {size}.</source>
        <translation>{entries}, {people}, {notes}, {files}; {size}.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n людина</numerusform>
            <numerusform>%n людини</numerusform>
            <numerusform>%n людей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact-log notes</source>
        <translation>
            <numerusform>%n запис про контакт</numerusform>
            <numerusform>%n записи про контакти</numerusform>
            <numerusform>%n записів про контакти</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos and files</source>
        <translation>
            <numerusform>%n фотографія чи файл</numerusform>
            <numerusform>%n фотографії та файли</numerusform>
            <numerusform>%n фотографій і файлів</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показати в теці</translation>
    </message>
    <message>
        <source>No file manager could be opened on this computer. The bundle was saved in:
{folder}</source>
        <translation>На цьому комп’ютері не вдалося відкрити файловий менеджер. Пакет збережено в теці:
{folder}</translation>
    </message>
    <message>
        <source>Bundle written</source>
        <translation>Пакет записано</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>Для: {names}</translation>
    </message>
    <message>
        <source>Not sent to {name}: {reason}</source>
        <translation>Не надіслано {name}: {reason}</translation>
    </message>
    <message>
        <source>Note: {w}</source>
        <translation>Примітка: {w}</translation>
    </message>
    <message>
        <source>Open the folder that holds the bundle</source>
        <translation>Відкрити теку з пакетом</translation>
    </message>
    <message>
        <source>Sent to {name}&apos;s drop folder.</source>
        <translation>Надіслано в теку для пакетів: {name}.</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Показати в &amp;теці</translation>
    </message>
    <message>
        <source>The bundle stays in the outbox: send it again from the Outbox page.</source>
        <translation>Пакет залишається у вихідних: надішліть його знову зі сторінки «Вихідні».</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Записано в {path}</translation>
    </message>
</context>
<context>
    <name>TransportFeature</name>
    <message>
        <source>&amp;Fetch bundles</source>
        <translation>&amp;Завантажити пакети</translation>
    </message>
    <message>
        <source>&amp;Inbox folders…</source>
        <translation>&amp;Вхідні теки…</translation>
    </message>
    <message>
        <source>&amp;Network settings…</source>
        <translation>Налаштування &amp;мережі…</translation>
    </message>
    <message>
        <source>Add an inbox folder first (Journal → Inbox folders…).</source>
        <translation>Спершу додайте вхідну теку (Журнал → Вхідні теки…).</translation>
    </message>
    <message>
        <source>Download and import new bundles from your inbox folders</source>
        <translation>Завантажити та імпортувати нові пакети з вхідних тек</translation>
    </message>
    <message>
        <source>Fetching bundles…</source>
        <translation>Завантажуються пакети…</translation>
    </message>
    <message>
        <source>Folders to fetch bundles from (coordinators)</source>
        <translation>Теки, з яких забирати пакети (для координаторів)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Вихідні</translation>
    </message>
    <message>
        <source>Proxy (Tor) and timeouts for sending and fetching</source>
        <translation>Проксі (Tor) і тайм-аути для надсилання та завантаження</translation>
    </message>
</context>
<context>
    <name>TravelActions</name>
    <message>
        <source>Prepare for &amp;travel…</source>
        <translation>Підготуватися до &amp;подорожі…</translation>
    </message>
    <message>
        <source>Seal the whole journal into one package that only the recovery code opens, then erase it from this computer</source>
        <translation>Запечатати весь журнал в один архів, який відкриває лише код відновлення, потім стерти журнал із цього комп’ютера</translation>
    </message>
    <message>
        <source>Restore after tra&amp;vel…</source>
        <translation>Відновити після по&amp;дорожі…</translation>
    </message>
    <message>
        <source>Bring a journal back from its travel package</source>
        <translation>Повернути журнал із дорожнього архіву</translation>
    </message>
    <message>
        <source>{name} in {url}</source>
        <translation>{name} у {url}</translation>
    </message>
    <message>
        <source>Rehearsal: the travel package {place} was made and checked. The journal was kept.</source>
        <translation>Репетиція: дорожній архів {place} створено й перевірено. Журнал збережено.</translation>
    </message>
    <message>
        <source>The journal was sealed into {place}, checked, and erased from this computer. Only the recovery code opens the package. The app will now close.</source>
        <translation>Журнал запечатано в {place}, перевірено й стерто з цього комп’ютера. Архів відкриває лише код відновлення. Зараз застосунок закриється.</translation>
    </message>
    <message>
        <source>Cancelled. The journal was not erased.</source>
        <translation>Скасовано. Журнал не стерто.</translation>
    </message>
    <message>
        <source>The journal was not erased.</source>
        <translation>Журнал не стерто.</translation>
    </message>
    <message>
        <source>Sealing the journal into a travel package and checking it…</source>
        <translation>Журнал запечатується в дорожній архів і перевіряється…</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольна фраза:</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Код відновлення:</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Заблоковано</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Розблокувати</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Відкриваємо журнал…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Зупинити</translation>
    </message>
    <message>
        <source>Stop the update: the journal stays as it was, and the update starts again at the next unlock</source>
        <translation>Зупинити оновлення: журнал залишиться таким, як був, а оновлення почнеться знову під час наступного розблокування</translation>
    </message>
    <message>
        <source>A journal kept elsewhere, e.g. on an encrypted USB stick</source>
        <translation>Журнал в іншому місці, наприклад на зашифрованій флешці</translation>
    </message>
    <message>
        <source>Updating the journal for this version of the app: {percent}%. This happens once and can take a few minutes.</source>
        <translation>Журнал оновлюється для цієї версії застосунку: {percent}%. Це відбувається один раз і може тривати кілька хвилин.</translation>
    </message>
    <message>
        <source>The update was stopped and undone: the journal is as it was. It starts again the next time you unlock.</source>
        <translation>Оновлення зупинено й скасовано: журнал залишився таким, як був. Воно почнеться знову під час наступного розблокування.</translation>
    </message>
    <message>
        <source>Choose a journal folder</source>
        <translation>Виберіть теку журналу</translation>
    </message>
    <message>
        <source>Emergency: destroy this journal for good, without the passphrase</source>
        <translation>Екстрено: знищити цей журнал назавжди, без парольної фрази</translation>
    </message>
    <message>
        <source>Erase this journal…</source>
        <translation>Стерти цей журнал…</translation>
    </message>
    <message>
        <source>Forgot it? Use the recovery code</source>
        <translation>Забули? Скористайтеся кодом відновлення</translation>
    </message>
    <message>
        <source>Incident Journal is locked</source>
        <translation>«Журнал інцидентів» заблоковано</translation>
    </message>
    <message>
        <source>Journal folder: {folder}</source>
        <translation>Тека журналу: {folder}</translation>
    </message>
    <message>
        <source>Open another journal folder…</source>
        <translation>Відкрити іншу теку журналу…</translation>
    </message>
    <message>
        <source>That recovery code does not open this journal.</source>
        <translation>Цей код відновлення не відкриває цей журнал.</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Ввести парольну фразу</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Хибна парольна фраза. Перевірте розкладку клавіатури й Caps Lock і спробуйте ще раз.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify evidence package</source>
        <translation>Перевірка пакета доказів</translation>
    </message>
    <message>
        <source>Checks every file&apos;s SHA-256, the coordinator&apos;s and the documenters&apos; signatures, and each entry&apos;s revision chain. It proves the package is unchanged since it was made, not that what it shows is true.</source>
        <translation>Перевіряє SHA-256 кожного файлу, підписи координатора й документаторів і ланцюг версій кожного запису. Це доводить, що пакет не змінився після створення, але не те, що показане в ньому — правда.</translation>
    </message>
    <message>
        <source>Open a package to check it.</source>
        <translation>Відкрийте пакет, щоб його перевірити.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Перевірки</translation>
    </message>
    <message>
        <source>Open a &amp;ZIP file…</source>
        <translation>Відкрити &amp;ZIP-файл…</translation>
    </message>
    <message>
        <source>Open a &amp;folder…</source>
        <translation>Відкрити &amp;теку…</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-файли (*.zip)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Перевірка {name}…</translation>
    </message>
    <message>
        <source>Checking the evidence package…</source>
        <translation>Перевірка пакета доказів…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The package holds.&lt;/b&gt; Compare the coordinator&apos;s key SHA-256 {key} with the one the coordinator gives you.</source>
        <translation>&lt;b&gt;Пакет цілий.&lt;/b&gt; Звірте SHA-256 ключа координатора {key} зі значенням, яке вам повідомить координатор.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The package does NOT hold.&lt;/b&gt; Checks failed: %n</source>
        <translation>
            <numerusform>&lt;b&gt;Пакет НЕ цілий.&lt;/b&gt; Не пройдено перевірок: %n</numerusform>
            <numerusform>&lt;b&gt;Пакет НЕ цілий.&lt;/b&gt; Не пройдено перевірок: %n</numerusform>
            <numerusform>&lt;b&gt;Пакет НЕ цілий.&lt;/b&gt; Не пройдено перевірок: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked: {reason}</source>
        <translation>Не перевірено: {reason}</translation>
    </message>
</context>
<context>
    <name>WhatPage</name>
    <message>
        <source>&amp;All my entries</source>
        <translation>&amp;Усі мої записи</translation>
    </message>
    <message>
        <source>Entries go with the people linked to them and their photos and files.</source>
        <translation>Записи надсилаються разом із пов&apos;язаними особами, фотографіями й файлами.</translation>
    </message>
    <message>
        <source>Entries to send</source>
        <translation>Які записи надіслати</translation>
    </message>
    <message>
        <source>&amp;Everything new or changed since the last bundle to them</source>
        <translation>Усе нове або змінене з &amp;останнього пакета цим координаторам</translation>
    </message>
    <message>
        <source>Include &amp;drafts</source>
        <translation>Включити &amp;чернетки</translation>
    </message>
    <message>
        <source>Entries still marked as drafts stay on this computer unless you tick this</source>
        <translation>Записи, які ще позначені як чернетки, лишаються на цьому комп&apos;ютері, якщо не позначити це</translation>
    </message>
    <message>
        <source>What will &amp;leave this computer:</source>
        <translation>Що &amp;залишить цей комп&apos;ютер:</translation>
    </message>
    <message>
        <source>Entry or file</source>
        <translation>Запис або файл</translation>
    </message>
    <message>
        <source>What is sent</source>
        <translation>Що надсилається</translation>
    </message>
    <message>
        <source>Entries and files that will leave this computer</source>
        <translation>Записи й файли, які залишать цей комп&apos;ютер</translation>
    </message>
    <message>
        <source>{entries}, {files} ({size}).</source>
        <translation>{entries}, {files} ({size}).</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos and files</source>
        <translation>
            <numerusform>%n фотографія чи файл</numerusform>
            <numerusform>%n фотографії та файли</numerusform>
            <numerusform>%n фотографій і файлів</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send with this choice.</source>
        <translation>За такого вибору надсилати нічого.</translation>
    </message>
    <message numerus="yes">
        <source>%n drafts stay on this computer.</source>
        <translation>
            <numerusform>%n чернетка лишається на цьому комп&apos;ютері.</numerusform>
            <numerusform>%n чернетки лишаються на цьому комп&apos;ютері.</numerusform>
            <numerusform>%n чернеток лишаються на цьому комп&apos;ютері.</numerusform>
        </translation>
    </message>
    <message>
        <source>draft</source>
        <translation>чернетка</translation>
    </message>
    <message>
        <source>final</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>left out: too large</source>
        <translation>не надсилається: завеликий</translation>
    </message>
    <message>
        <source>sent as it is, hidden data kept</source>
        <translation>надсилається як є, приховані дані збережено</translation>
    </message>
    <message>
        <source>cleaned: hidden data removed</source>
        <translation>очищено: приховані дані видалено</translation>
    </message>
    <message>
        <source>NOT cleaned: sent as it is</source>
        <translation>НЕ очищено: надсилається як є</translation>
    </message>
    <message>
        <source>cannot be cleaned: stops the bundle</source>
        <translation>не можна очистити: пакет не буде записано</translation>
    </message>
    <message>
        <source>The &amp;selected entry</source>
        <translation>&amp;Вибраний запис</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>Що надіслати</translation>
    </message>
</context>
</TS>
