<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Incident Journal {version}&lt;/h3&gt;&lt;p&gt;An encrypted, offline journal for human-rights documenters.&lt;/p&gt;&lt;p&gt;Entries are stored in an SQLCipher 4 database; the key is protected by your passphrase (Argon2id). The app makes no network connection unless you send a bundle.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Журнал инцидентов {version}&lt;/h3&gt;&lt;p&gt;Зашифрованный офлайн-журнал для правозащитников, документирующих нарушения.&lt;/p&gt;&lt;p&gt;Записи хранятся в базе данных SQLCipher 4; ключ защищён вашей парольной фразой (Argon2id). Приложение не подключается к сети, пока вы не отправляете пакет.&lt;/p&gt;&lt;p&gt;Лицензия: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Incident Journal</source>
        <translation>О программе «Журнал инцидентов»</translation>
    </message>
</context>
<context>
    <name>AddCoordinatorDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Open card file…</source>
        <translation>&amp;Открыть файл карточки…</translation>
    </message>
    <message>
        <source>Add coordinator</source>
        <translation>Добавить координатора</translation>
    </message>
    <message>
        <source>Card of “{name}”
Fingerprint: {fp}</source>
        <translation>Карточка «{name}»
Отпечаток: {fp}</translation>
    </message>
    <message>
        <source>Card text</source>
        <translation>Текст карточки</translation>
    </message>
    <message>
        <source>Not a valid card: {reason}</source>
        <translation>Неверная карточка: {reason}</translation>
    </message>
    <message>
        <source>Open card file</source>
        <translation>Открыть файл карточки</translation>
    </message>
    <message>
        <source>Paste the coordinator&apos;s card (a line starting with “ijcard1:”) or open the .ijcard file they gave you.</source>
        <translation>Вставьте карточку координатора (строку, начинающуюся с «ijcard1:») или откройте полученный от него файл .ijcard.</translation>
    </message>
    <message>
        <source>Read a .ijcard file</source>
        <translation>Прочитать файл .ijcard</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>There is no journal in {folder}. Create a new journal there?</source>
        <translation>В папке {folder} нет журнала. Создать там новый журнал?</translation>
    </message>
    <message>
        <source>The new language is used after the app restarts. Restart now? The journal is locked first (everything typed is saved); you unlock it again in the new language.</source>
        <translation>Новый язык будет использован после перезапуска приложения. Перезапустить сейчас? Сначала журнал будет заблокирован (всё введённое сохранится); затем вы разблокируете его уже на новом языке.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Перезапустить сейчас</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Позже</translation>
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
        <translation>Вложение</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Camera owner</source>
        <translation>Владелец камеры</translation>
    </message>
    <message>
        <source>Camera serial number</source>
        <translation>Серийный номер камеры</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Авторские права</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>По размеру окна</translation>
    </message>
    <message>
        <source>Fit the picture to the window (F)</source>
        <translation>Вписать изображение в окно (F)</translation>
    </message>
    <message>
        <source>Hidden data</source>
        <translation>Скрытые данные</translation>
    </message>
    <message>
        <source>reading the file…</source>
        <translation>идёт чтение файла…</translation>
    </message>
    <message>
        <source>nothing identifying found</source>
        <translation>ничего идентифицирующего не найдено</translation>
    </message>
    <message>
        <source>GPS altitude</source>
        <translation>Высота GPS</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>Координаты GPS</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Объектив</translation>
    </message>
    <message>
        <source>Lens serial number</source>
        <translation>Серийный номер объектива</translation>
    </message>
    <message>
        <source>Next attachment (Right arrow)</source>
        <translation>Следующее вложение (стрелка вправо)</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Далее ›</translation>
    </message>
    <message>
        <source>No preview for this kind of file ({type}).
Use “Save a copy…” to open it with another program.</source>
        <translation>Для файлов этого типа ({type}) нет предпросмотра.
Чтобы открыть его в другой программе, выберите «Сохранить копию…».</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Ориентация</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Пиксели</translation>
    </message>
    <message>
        <source>Previous attachment (Left arrow)</source>
        <translation>Предыдущее вложение (стрелка влево)</translation>
    </message>
    <message>
        <source>SHA-256 of the original</source>
        <translation>SHA-256 оригинала</translation>
    </message>
    <message>
        <source>Save a copy outside the journal, metadata removed by default (Ctrl+S)</source>
        <translation>Сохранить копию вне журнала; метаданные по умолчанию удаляются (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Сохранить копию…</translation>
    </message>
    <message>
        <source>Show at the decoded size (Ctrl+0)</source>
        <translation>Показать в исходном размере (Ctrl+0)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Снято</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>What this file reveals</source>
        <translation>Что выдаёт этот файл</translation>
    </message>
    <message>
        <source>When saved as a cleaned copy or sent</source>
        <translation>При сохранении очищенной копии или отправке</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>upright</source>
        <extracomment>What a video, recording, PDF or document reveals (journal.media.findings), read on demand.</extracomment>
        <translation>без поворота</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>зеркально отражено</translation>
    </message>
    <message>
        <source>upside down</source>
        <translation>перевёрнуто</translation>
    </message>
    <message>
        <source>upside down, mirrored</source>
        <translation>перевёрнуто, зеркально отражено</translation>
    </message>
    <message>
        <source>turned, mirrored</source>
        <translation>повёрнуто, зеркально отражено</translation>
    </message>
    <message>
        <source>turned right (shown upright)</source>
        <translation>повёрнуто вправо (показано прямо)</translation>
    </message>
    <message>
        <source>turned left (shown upright)</source>
        <translation>повёрнуто влево (показано прямо)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Увеличить (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Уменьшить (Ctrl+-)</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} из {total}</translation>
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
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was attached.</source>
        <translation>Импорт отменён. Ничего не прикреплено.</translation>
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
        <translation>Из файлов этого типа ({type}) метаданные удалить нельзя: копия сохранит автора, даты, устройство и, возможно, место — как в оригинале. Безопаснее передать снимок экрана или фотографию документа.</translation>
    </message>
    <message>
        <source>Nothing identifying was found; the copy is cleaned anyway.</source>
        <translation>Идентифицирующих данных не найдено; копия всё равно очищается.</translation>
    </message>
    <message>
        <source>Photos and images (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff)</source>
        <translation>Фотографии и изображения (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Removed from the copy: {fields}.</source>
        <translation>Удалено из копии: {fields}.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>The copy will be identical to the original, with any metadata it carries.</source>
        <translation>Копия будет идентична оригиналу, со всеми его метаданными.</translation>
    </message>
    <message>
        <source>The copy will carry everything in the original, including: {fields}.</source>
        <translation>Копия сохранит всё, что есть в оригинале, в том числе: {fields}.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>байт</translation>
    </message>
    <message>
        <source>{name} changed while it was being attached, so it was not deleted.</source>
        <translation>Файл {name} изменился во время добавления, поэтому он не удалён.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>Прикреплён %n файл.</numerusform>
            <numerusform>Прикреплено %n файла.</numerusform>
            <numerusform>Прикреплено %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Прикрепить файлы…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Вставить изображение</translation>
    </message>
    <message>
        <source>&amp;Remove from entry</source>
        <translation>&amp;Убрать из записи</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Сохранить копию…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Просмотр</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Добавить файлы</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Attach photos or other files to the entry</source>
        <translation>Прикрепить к записи фотографии или другие файлы</translation>
    </message>
    <message>
        <source>Attach photos or other files to this entry (Ctrl+Shift+A)</source>
        <translation>Прикрепить к этой записи фотографии или другие файлы (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach the picture on the clipboard to the entry</source>
        <translation>Прикрепить к записи изображение из буфера обмена</translation>
    </message>
    <message>
        <source>Attach the picture on the clipboard, e.g. a screenshot (Ctrl+Shift+V, or Ctrl+V in the text)</source>
        <translation>Прикрепить изображение из буфера обмена, например снимок экрана (Ctrl+Shift+V или Ctrl+V в тексте)</translation>
    </message>
    <message numerus="yes">
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>Прикрепляется %n файл…</numerusform>
            <numerusform>Прикрепляются %n файла…</numerusform>
            <numerusform>Прикрепляются %n файлов…</numerusform>
        </translation>
    </message>
    <message>
        <source>Attaching the pasted picture…</source>
        <translation>Прикрепляется вставленное изображение…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Double-click or press Enter to view; right-click for more</source>
        <translation>Двойной щелчок или Enter — просмотр; правый щелчок — другие действия</translation>
    </message>
    <message>
        <source>Fill the entry&apos;s empty time and coordinates from the photo</source>
        <translation>Заполнить пустые время и координаты записи по фотографии</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was attached.</source>
        <translation>Импорт отменён. Ничего не прикреплено.</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал инцидентов</translation>
    </message>
    <message>
        <source>No photos or files yet. Drop them here or on the entry list, paste a screenshot, or click “Add files…”.</source>
        <translation>Фотографий и файлов пока нет. Перетащите их сюда или на список записей, вставьте снимок экрана или нажмите «Добавить файлы…».</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Вставить изображение</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Фотографии и файлы</translation>
    </message>
    <message>
        <source>Photos and files ({n})</source>
        <translation>Фотографии и файлы ({n})</translation>
    </message>
    <message>
        <source>Removed “{name}” from the entry.</source>
        <translation>«{name}» убран из записи.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>Saved a cleaned copy to {path}.</source>
        <translation>Очищенная копия сохранена в {path}.</translation>
    </message>
    <message>
        <source>Saved an unchanged copy to {path}.</source>
        <translation>Неизменённая копия сохранена в {path}.</translation>
    </message>
    <message>
        <source>Saved to {path}.

{warning}</source>
        <translation>Сохранено в {path}.

{warning}</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Сохраняется копия…</translation>
    </message>
    <message>
        <source>The camera recorded no time zone; the entry&apos;s zone is used.</source>
        <translation>Камера не записала часовой пояс; используется пояс записи.</translation>
    </message>
    <message>
        <source>The journal is locked.</source>
        <translation>Журнал заблокирован.</translation>
    </message>
    <message>
        <source>The photo&apos;s time and place were added to the entry.</source>
        <translation>Время и место съёмки добавлены в запись.</translation>
    </message>
    <message>
        <source>There is no picture on the clipboard to attach.</source>
        <translation>В буфере обмена нет изображения.</translation>
    </message>
    <message>
        <source>Use the photo&apos;s time and place? ({details})</source>
        <translation>Использовать время и место съёмки? ({details})</translation>
    </message>
    <message>
        <source>Use them</source>
        <translation>Использовать</translation>
    </message>
    <message>
        <source>at {lat:.5f}, {lon:.5f}</source>
        <translation>в точке {lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <source>taken {time}</source>
        <translation>снято {time}</translation>
    </message>
    <message>
        <source>{reason}

Save it unchanged, with all the metadata it carries?</source>
        <translation>{reason}

Сохранить без изменений, со всеми метаданными?</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Bar chart</source>
        <translation>Столбчатая диаграмма</translation>
    </message>
    <message>
        <source>Nothing to count</source>
        <translation>Нечего считать</translation>
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
        <translation>С тех пор изменена.</translation>
    </message>
    <message>
        <source>Last sent {time} to {names}.</source>
        <translation>Последняя отправка: {time}, кому: {names}.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ещё не сохранено</translation>
    </message>
    <message>
        <source>Not sent to a coordinator yet.</source>
        <translation>Координатору ещё не отправлялась.</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>Received from {sender} in bundle {bundle}, {time}.</source>
        <translation>Получено от {sender} в пакете {bundle}, {time}.</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>Заметки проверки</translation>
    </message>
    <message>
        <source>Review saved</source>
        <translation>Проверка сохранена</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Статус проверки</translation>
    </message>
    <message>
        <source>Review tags</source>
        <translation>Метки проверки</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Проверка:</translation>
    </message>
    <message>
        <source>Save &amp;review</source>
        <translation>Сохранить &amp;проверку</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Сохранить проверку</translation>
    </message>
    <message>
        <source>Save the review status, tags and notes</source>
        <translation>Сохранить статус проверки, метки и заметки</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>The documenter&apos;s text is read-only here.</source>
        <translation>Текст документатора здесь доступен только для чтения.</translation>
    </message>
    <message>
        <source>When this entry was sent</source>
        <translation>Когда эта запись была отправлена</translation>
    </message>
    <message>
        <source>Where this entry came from</source>
        <translation>Откуда пришла эта запись</translation>
    </message>
    <message>
        <source>Your notes (not sent back to the documenter)</source>
        <translation>Ваши заметки (документатору не отправляются)</translation>
    </message>
    <message>
        <source>Your review of this received entry</source>
        <translation>Ваша проверка полученной записи</translation>
    </message>
    <message>
        <source>Your tags, separated by commas</source>
        <translation>Ваши метки через запятую</translation>
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
        <translation>байт</translation>
    </message>
    <message>
        <source>Contact cards (*.ijcard);;All files (*)</source>
        <translation>Карточки контактов (*.ijcard);;Все файлы (*)</translation>
    </message>
    <message>
        <source>⚠ Not verified</source>
        <translation>⚠ Не проверен</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ Проверен</translation>
    </message>
    <message>
        <source>A bundle comes from “{name}”, a sender this journal does not know yet.

Fingerprint:
{fp}

Compare it with the documenter by phone or in person before you trust it. Trust this sender?</source>
        <translation>Пакет пришёл от «{name}» — отправителя, которого этот журнал ещё не знает.

Отпечаток:
{fp}

Прежде чем доверять, сверьте отпечаток с документатором по телефону или при встрече. Доверять этому отправителю?</translation>
    </message>
    <message>
        <source>WARNING: a sender called “{name}” is already known with a DIFFERENT key. This bundle may come from someone else.

</source>
        <translation>ВНИМАНИЕ: отправитель с именем «{name}» уже известен с ДРУГИМ ключом. Этот пакет может быть от кого-то другого.

</translation>
    </message>
    <message>
        <source>Trust this sender?</source>
        <translation>Доверять этому отправителю?</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Полученные</translation>
    </message>
    <message>
        <source>All received</source>
        <translation>Все полученные</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверен</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>не проверен</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Просмотрена</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Нужно уточнить</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверена</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Под сомнением</translation>
    </message>
</context>
<context>
    <name>BundlesFeature</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Импорт пакетов…</translation>
    </message>
    <message>
        <source>&amp;Send to coordinator…</source>
        <translation>&amp;Отправить координатору…</translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation>Координаторы</translation>
    </message>
    <message>
        <source>Import a &amp;folder of bundles…</source>
        <translation>Импорт &amp;папки с пакетами…</translation>
    </message>
    <message>
        <source>Import bundles received from documenters (Ctrl+Shift+I)</source>
        <translation>Импортировать пакеты, полученные от документаторов (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Import every .ijbundle file in a folder</source>
        <translation>Импортировать все файлы .ijbundle из папки</translation>
    </message>
    <message>
        <source>My &amp;card…</source>
        <translation>Моя &amp;карточка…</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Отправители</translation>
    </message>
    <message>
        <source>This journal&apos;s card and fingerprint, to give to a coordinator</source>
        <translation>Карточка и отпечаток этого журнала для передачи координатору</translation>
    </message>
    <message>
        <source>Write an encrypted bundle for coordinators (Ctrl+Shift+E)</source>
        <translation>Записать зашифрованный пакет для координаторов (Ctrl+Shift+E)</translation>
    </message>
</context>
<context>
    <name>CardNameDialog</name>
    <message>
        <source>Name on your card</source>
        <translation>Имя на вашей карточке</translation>
    </message>
    <message>
        <source>Coordinators, and anyone who gets your card or a bundle from you, see this name. It is not your journal&apos;s name, which stays private inside the encryption.

Choose something that does not identify you or where you are, in case the card falls into the wrong hands. Leave it empty to use “{default}”. You can change it later in My card.</source>
        <translation>Это имя видят координаторы и все, кто получит от вас карточку или пакет. Это не название вашего журнала: оно остаётся тайным внутри шифрования.

Выберите имя, по которому нельзя узнать вас или место, где вы находитесь, — на случай, если карточка попадёт в чужие руки. Оставьте поле пустым, чтобы использовать «{default}». Имя можно изменить позже в окне «Моя карточка».</translation>
    </message>
    <message>
        <source>&amp;Public name:</source>
        <translation>&amp;Публичное имя:</translation>
    </message>
    <message>
        <source>Public name on your card</source>
        <translation>Публичное имя на вашей карточке</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Detention</source>
        <translation>Задержание</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Сменить парольную фразу</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Повторите новую парольную фразу</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Новая парольная фраза:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите её:</translation>
    </message>
    <message>
        <source>Change the &amp;key too (after a passphrase was given up)</source>
        <translation>Сменить и &amp;ключ (если парольную фразу пришлось выдать)</translation>
    </message>
    <message>
        <source>Change the key too</source>
        <translation>Сменить и ключ</translation>
    </message>
    <message>
        <source>&lt;p&gt;Without this, only the passphrase changes: an old copy of the key file (a backup, or one recovered from the disk) still opens the journal with the old passphrase.&lt;/p&gt;&lt;p&gt;With it, the journal gets a new key, every attached file is encrypted again under a new key, and you get a new recovery code: the old passphrase, the old recovery code and old copies of the key file open nothing current. It takes a while with many attachments. Backups made before are not changed: they still open with the old passphrase.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Без этого меняется только парольная фраза: старая копия файла ключа (резервная копия или копия, восстановленная с диска) по-прежнему открывает журнал старой парольной фразой.&lt;/p&gt;&lt;p&gt;С этим журнал получает новый ключ, каждый прикреплённый файл заново шифруется новым ключом, и вы получаете новый код восстановления: старая парольная фраза, старый код восстановления и старые копии файла ключа не открывают ничего из текущего. С большим числом вложений это занимает время. Сделанные раньше резервные копии не меняются: они по-прежнему открываются старой парольной фразой.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Выберите парольную фразу длиной не меньше %n символа.</numerusform>
            <numerusform>Выберите парольную фразу длиной не меньше %n символов.</numerusform>
            <numerusform>Выберите парольную фразу длиной не меньше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Две парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>ContactLogEditDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Изменить контакт</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>никто</translation>
    </message>
    <message>
        <source>With: {names}</source>
        <translation>С кем: {names}</translation>
    </message>
    <message>
        <source>People the contact was with</source>
        <translation>С кем был контакт</translation>
    </message>
    <message>
        <source>W&amp;ith:</source>
        <translation>С ке&amp;м:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>When the contact happened, in the local time of the place</source>
        <translation>Когда был контакт, по местному времени места</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Когда:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Способ:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>К&amp;ратко:</translation>
    </message>
    <message>
        <source>&amp;Follow up by</source>
        <translation>&amp;Напомнить до</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Дата напоминания</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>Заметка к напоминанию</translation>
    </message>
    <message>
        <source>What to check or do</source>
        <translation>Что проверить или сделать</translation>
    </message>
    <message>
        <source>Tick at least one person the contact was with.</source>
        <translation>Отметьте хотя бы одного человека, с которым был контакт.</translation>
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
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Follow-up: {note}</source>
        <translation>Напоминание: {note}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>deleted person</source>
        <translation>удалённый человек</translation>
    </message>
    <message>
        <source>{date} (done)</source>
        <translation>{date} (выполнено)</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (просрочено)</translation>
    </message>
    <message>
        <source>{date} (today)</source>
        <translation>{date} (сегодня)</translation>
    </message>
</context>
<context>
    <name>ContactLogPage</name>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>Close the selected record&apos;s follow-up</source>
        <translation>Закрыть напоминание выбранной записи</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактов</translation>
    </message>
    <message>
        <source>Contact of {when} changed.</source>
        <translation>Контакт от {when} изменён.</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Удалить контакт</translation>
    </message>
    <message>
        <source>Delete the selected record for good</source>
        <translation>Удалить выбранную запись навсегда</translation>
    </message>
    <message>
        <source>Delete this contact-log record for good?</source>
        <translation>Удалить эту запись журнала контактов навсегда?</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Filter by channel</source>
        <translation>Фильтр по каналу</translation>
    </message>
    <message>
        <source>Filter by person</source>
        <translation>Фильтр по человеку</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Начальная дата</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Change the selected record: its time, channel, summary, follow-up (or double-click it)</source>
        <translation>Изменить выбранную запись: время, канал, описание, напоминание (или дважды щёлкните по ней)</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>Отметить напоминание выполненным</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Put back the record as it was before this edit</source>
        <translation>Вернуть запись к виду до этого изменения</translation>
    </message>
    <message>
        <source>No contacts logged yet. Press Ctrl+Shift+L to log a call, message or meeting.</source>
        <translation>Контактов пока нет. Нажмите Ctrl+Shift+L, чтобы записать звонок, сообщение или встречу.</translation>
    </message>
    <message>
        <source>No contacts match.</source>
        <translation>Подходящих контактов нет.</translation>
    </message>
    <message>
        <source>Only contacts between these dates (as at the place)</source>
        <translation>Только контакты между этими датами (по местному времени)</translation>
    </message>
    <message>
        <source>Show only contacts with this person (empty: everyone)</source>
        <translation>Показывать только контакты с этим человеком (пусто — со всеми)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Конечная дата</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
<context>
    <name>CoordinatorsPage</name>
    <message>
        <source>&amp;Add coordinator…</source>
        <translation>&amp;Добавить координатора…</translation>
    </message>
    <message>
        <source>&amp;Compare fingerprint…</source>
        <translation>&amp;Сверить отпечаток…</translation>
    </message>
    <message>
        <source>&amp;Drop folder…</source>
        <translation>&amp;Папка для пакетов…</translation>
    </message>
    <message>
        <source>Add a coordinator from their card</source>
        <translation>Добавить координатора по его карточке</translation>
    </message>
    <message>
        <source>Added {time}</source>
        <translation>Добавлен {time}</translation>
    </message>
    <message>
        <source>Change the name shown for this coordinator</source>
        <translation>Изменить отображаемое имя координатора</translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation>Координаторы</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Отпечаток:</translation>
    </message>
    <message>
        <source>Mark &amp;not verified</source>
        <translation>Отметить как &amp;непроверенного</translation>
    </message>
    <message>
        <source>My &amp;card…</source>
        <translation>Моя &amp;карточка…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>No coordinators yet. Press “Add coordinator…” and paste their card.</source>
        <translation>Координаторов пока нет. Нажмите «Добавить координатора…» и вставьте его карточку.</translation>
    </message>
    <message>
        <source>People you send bundles to. Only a coordinator whose fingerprint you compared aloud is marked verified.</source>
        <translation>Те, кому вы отправляете пакеты. Проверенным отмечается только координатор, чей отпечаток вы сверили вслух.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>У&amp;далить</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Пере&amp;именовать…</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud with the coordinator and mark them verified</source>
        <translation>Сверить отпечаток вслух с координатором и отметить его как проверенного</translation>
    </message>
    <message>
        <source>Remove coordinator</source>
        <translation>Удалить координатора</translation>
    </message>
    <message>
        <source>Rename coordinator</source>
        <translation>Переименовать координатора</translation>
    </message>
    <message>
        <source>Set where bundles for this coordinator are uploaded</source>
        <translation>Указать, куда загружать пакеты для этого координатора</translation>
    </message>
    <message>
        <source>Show this journal&apos;s own card to give to a coordinator</source>
        <translation>Показать карточку этого журнала, чтобы передать её координатору</translation>
    </message>
    <message>
        <source>Stop sending to this coordinator</source>
        <translation>Больше не отправлять этому координатору</translation>
    </message>
    <message>
        <source>Stop sending to {name}? The record of bundles already sent stays.</source>
        <translation>Больше не отправлять {name}? Сведения об уже отправленных пакетах сохранятся.</translation>
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
        <translation>Это покажет тревожная парольная фраза. Пусть журнал выглядит живым: несколько обычных записей, людей и контактов.</translation>
    </message>
    <message>
        <source>Parts of the decoy journal</source>
        <translation>Разделы журнала-приманки</translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation>Зап&amp;иси</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <source>&amp;Contact log</source>
        <translation>&amp;Журнал контактов</translation>
    </message>
    <message>
        <source>Entries of the decoy journal:</source>
        <translation>Записи журнала-приманки:</translation>
    </message>
    <message>
        <source>Entries of the decoy journal</source>
        <translation>Записи журнала-приманки</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>В &amp;корзину</translation>
    </message>
    <message>
        <source>Title of the new entry</source>
        <translation>Заголовок новой записи</translation>
    </message>
    <message>
        <source>Date of the new entry</source>
        <translation>Дата новой записи</translation>
    </message>
    <message>
        <source>Text of the new entry</source>
        <translation>Текст новой записи</translation>
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
        <translation>&amp;Добавить запись</translation>
    </message>
    <message>
        <source>Add a person first: a contact is always with someone.</source>
        <translation>Сначала добавьте человека: контакт всегда с кем-то.</translation>
    </message>
    <message>
        <source>&amp;Save decoy</source>
        <translation>&amp;Сохранить приманку</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <source>People in the decoy journal:</source>
        <translation>Люди в журнале-приманке:</translation>
    </message>
    <message>
        <source>People in the decoy journal</source>
        <translation>Люди в журнале-приманке</translation>
    </message>
    <message>
        <source>Add pe&amp;rson…</source>
        <translation>Добавить &amp;человека…</translation>
    </message>
    <message>
        <source>Re&amp;move person</source>
        <translation>&amp;Убрать человека</translation>
    </message>
    <message>
        <source>Contact log of the decoy journal:</source>
        <translation>Журнал контактов приманки:</translation>
    </message>
    <message>
        <source>Contact log of the decoy journal</source>
        <translation>Журнал контактов приманки</translation>
    </message>
    <message>
        <source>Add c&amp;ontact…</source>
        <translation>Добавить ко&amp;нтакт…</translation>
    </message>
    <message>
        <source>Remo&amp;ve contact</source>
        <translation>Удалить конт&amp;акт</translation>
    </message>
    <message>
        <source>Open this from the main window to add records here.</source>
        <translation>Чтобы добавлять сюда записи, откройте это из главного окна.</translation>
    </message>
    <message>
        <source>Give the entry a title.</source>
        <translation>Дайте записи заголовок.</translation>
    </message>
</context>
<context>
    <name>DecoyPassphraseDialog</name>
    <message>
        <source>Fill the decoy journal</source>
        <translation>Заполнить журнал-приманку</translation>
    </message>
    <message>
        <source>Type the duress passphrase. Here it only opens the decoy for filling: nothing is erased.</source>
        <translation>Введите тревожную парольную фразу. Здесь она только открывает приманку для заполнения: ничего не стирается.</translation>
    </message>
    <message>
        <source>Duress passphrase</source>
        <translation>Тревожная парольная фраза</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase:</source>
        <translation>&amp;Тревожная парольная фраза:</translation>
    </message>
</context>
<context>
    <name>DropFolderDialog</name>
    <message>
        <source>&amp;Remove drop folder</source>
        <translation>&amp;Удалить папку для пакетов</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>Connect once to check the address and password; nothing is uploaded</source>
        <translation>Подключиться один раз, чтобы проверить адрес и пароль; ничего не загружается</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Состояние подключения</translation>
    </message>
    <message>
        <source>Drop folder</source>
        <translation>Папка для пакетов</translation>
    </message>
    <message>
        <source>Remove drop folder</source>
        <translation>Удалить папку для пакетов</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Where bundles for {name} are uploaded: the Nextcloud file-drop link they gave you (with its password), or any WebDAV folder. Bundles are encrypted before they leave this computer.</source>
        <translation>Куда загружаются пакеты для {name}: полученная от координатора ссылка Nextcloud для загрузки файлов (с паролем) или любая папка WebDAV. Пакеты шифруются до того, как покинут этот компьютер.</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <source>Duress passphrase</source>
        <translation>Тревожная парольная фраза</translation>
    </message>
    <message>
        <source>&lt;p&gt;A second passphrase for when you are made to unlock the laptop. Typed at the unlock screen, it looks like a normal unlock but &lt;b&gt;erases this journal for good&lt;/b&gt; and opens a small decoy journal that you prepare here.&lt;/p&gt;&lt;p&gt;Keep a backup elsewhere: nothing on this laptop can bring the journal back. Destroying data when police or border guards ask for it can be a crime in some countries (see the user guide).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Вторая парольная фраза на случай, если вас заставят разблокировать ноутбук. Введённая на экране разблокировки, она выглядит как обычная разблокировка, но &lt;b&gt;безвозвратно стирает этот журнал&lt;/b&gt; и открывает небольшой журнал-приманку, который вы готовите здесь.&lt;/p&gt;&lt;p&gt;Держите резервную копию в другом месте: на этом ноутбуке журнал уже ничто не вернёт. В некоторых странах уничтожение данных по требованию полиции или пограничников может быть преступлением (см. руководство пользователя).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Duress passphrase status</source>
        <translation>Состояние тревожной парольной фразы</translation>
    </message>
    <message>
        <source>Repeat the duress passphrase</source>
        <translation>Повторите тревожную парольную фразу</translation>
    </message>
    <message>
        <source>Name of the decoy journal</source>
        <translation>Название журнала-приманки</translation>
    </message>
    <message>
        <source>the same name as this journal</source>
        <translation>то же название, что у этого журнала</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase:</source>
        <translation>&amp;Тревожная парольная фраза:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите её:</translation>
    </message>
    <message>
        <source>Decoy journal&apos;s &amp;name:</source>
        <translation>&amp;Название приманки:</translation>
    </message>
    <message>
        <source>&amp;Set duress passphrase</source>
        <translation>&amp;Задать тревожную парольную фразу</translation>
    </message>
    <message>
        <source>&amp;Fill the decoy journal…</source>
        <translation>&amp;Заполнить журнал-приманку…</translation>
    </message>
    <message>
        <source>&amp;Remove duress passphrase…</source>
        <translation>&amp;Убрать тревожную парольную фразу…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>A duress passphrase is set.</source>
        <translation>Тревожная парольная фраза задана.</translation>
    </message>
    <message>
        <source>No duress passphrase is set.</source>
        <translation>Тревожная парольная фраза не задана.</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Выберите парольную фразу не короче %n символа.</numerusform>
            <numerusform>Выберите парольную фразу не короче %n символов.</numerusform>
            <numerusform>Выберите парольную фразу не короче %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>The duress passphrase is set, with an empty decoy journal. Fill the decoy now, so that it looks used: a few ordinary entries are enough.</source>
        <translation>Тревожная парольная фраза задана, журнал-приманка пока пуст. Заполните его сейчас, чтобы он выглядел обжитым: хватит нескольких обычных записей.</translation>
    </message>
    <message>
        <source>Setting the duress passphrase…</source>
        <translation>Задаём тревожную парольную фразу…</translation>
    </message>
    <message>
        <source>Remove duress passphrase</source>
        <translation>Убрать тревожную парольную фразу</translation>
    </message>
    <message>
        <source>Remove the duress passphrase? The decoy journal is destroyed with it.</source>
        <translation>Убрать тревожную парольную фразу? Журнал-приманка будет уничтожен вместе с ней.</translation>
    </message>
    <message>
        <source>Opening the decoy journal…</source>
        <translation>Открываем журнал-приманку…</translation>
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
        <translation>Метки</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>&amp;Copy entry as text</source>
        <translation>&amp;Копировать запись как текст</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Когда:</translation>
    </message>
    <message>
        <source>Coordinates not saved: write them as “latitude, longitude”.</source>
        <translation>Координаты не сохранены: запишите их как «широта, долгота».</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Координаты:</translation>
    </message>
    <message>
        <source>Copy the shown entry as plain text; the clipboard is cleared again after 30 seconds</source>
        <translation>Скопировать показанную запись простым текстом; буфер обмена очистится через 30 секунд</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Сохранить сейчас</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Координаты</translation>
    </message>
    <message>
        <source>Decimal degrees, latitude first</source>
        <translation>Десятичные градусы, сначала широта</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Drafts are notes still being worked on</source>
        <translation>Черновики — записи, над которыми ещё идёт работа</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Earlier versions of this entry (Ctrl+H)</source>
        <translation>Прежние версии этой записи (Ctrl+H)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Редактирование…</translation>
    </message>
    <message>
        <source>End not saved: it is before the start.</source>
        <translation>Окончание не сохранено: оно раньше начала.</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Has an &amp;end</source>
        <translation>Есть &amp;окончание</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>История…</translation>
    </message>
    <message>
        <source>How you know: seen yourself, told by someone, or from the media</source>
        <translation>Откуда вы знаете: видели сами, рассказали или из СМИ</translation>
    </message>
    <message>
        <source>It lasted for a while: give the time it ended</source>
        <translation>Это длилось какое-то время: укажите, когда закончилось</translation>
    </message>
    <message>
        <source>Last saved {time}</source>
        <translation>Последнее сохранение: {time}</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>СМИ</translation>
    </message>
    <message>
        <source>Move this entry back out of the trash</source>
        <translation>Вернуть эту запись из корзины</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Без категории</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Only the date is known</source>
        <translation>Известна только дата</translation>
    </message>
    <message>
        <source>Optional: latitude, longitude (e.g. 55.7558, 37.6173)</source>
        <translation>Необязательно: широта, долгота (например, 55.7558, 37.6173)</translation>
    </message>
    <message>
        <source>Place: city, street, building</source>
        <translation>Место: город, улица, дом</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Со слов</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Сохранено {time}</translation>
    </message>
    <message>
        <source>Select an entry on the left, or press Ctrl+N for a new one.</source>
        <translation>Выберите запись слева или нажмите Ctrl+N, чтобы создать новую.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Source not set</source>
        <translation>Источник не указан</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Метки через запятую</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>This entry is in the trash. Restore it to edit it.</source>
        <translation>Эта запись в корзине. Восстановите её, чтобы редактировать.</translation>
    </message>
    <message>
        <source>Time not saved: “{zone}” is not a known time zone.</source>
        <translation>Время не сохранено: «{zone}» — неизвестный часовой пояс.</translation>
    </message>
    <message>
        <source>Time unknown</source>
        <translation>Время неизвестно</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Time zone of the place (type part of a city name)</source>
        <translation>Часовой пояс места (введите часть названия города)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Title, e.g. “Detentions at the station square”</source>
        <translation>Заголовок, например «Задержания на привокзальной площади»</translation>
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
        <translation>&amp;Где:</translation>
    </message>
    <message>
        <source>What happened? Who, how many, which unit, what was said…</source>
        <translation>Что произошло? Кто, сколько человек, какое подразделение, что говорили…</translation>
    </message>
    <message>
        <source>What kind of incident this is</source>
        <translation>Вид инцидента</translation>
    </message>
    <message>
        <source>When it ended, in the same time zone as the start</source>
        <translation>Когда закончилось, в том же часовом поясе, что и начало</translation>
    </message>
    <message>
        <source>When it happened, in the local time of the place</source>
        <translation>Когда это произошло, по местному времени</translation>
    </message>
    <message>
        <source>Witnessed</source>
        <translation>Видел(а) сам(а)</translation>
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
        <translation>Категория</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>Щёлкните, чтобы сортировать по этому столбцу</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>Number of attachments</source>
        <translation>Число вложений</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Дата события</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
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
        <translation>Двойной щелчок — открыть карточку человека</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <source>Link this person with this role (a new name is added to People)</source>
        <translation>Связать человека с записью в этой роли (новое имя добавляется в «Люди»)</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>People linked to this entry</source>
        <translation>Люди, связанные с этой записью</translation>
    </message>
    <message>
        <source>Person to link</source>
        <translation>Кого связать</translation>
    </message>
    <message>
        <source>Remove the selected link (the person stays)</source>
        <translation>Убрать выбранную связь (человек останется)</translation>
    </message>
    <message>
        <source>Role in this incident</source>
        <translation>Роль в этом инциденте</translation>
    </message>
    <message>
        <source>Type a name or choose a person first.</source>
        <translation>Сначала введите имя или выберите человека.</translation>
    </message>
    <message>
        <source>Type part of a name; a new name creates the person</source>
        <translation>Введите часть имени; новое имя создаёт нового человека</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Человек:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Linked “{name}” as {role}.</source>
        <translation>С записью связан человек «{name}», роль: {role}.</translation>
    </message>
    <message>
        <source>“{name}” was added to People.</source>
        <translation>«{name}» добавлен(а) в «Люди».</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>&amp;Erase now</source>
        <translation>&amp;Стереть сейчас</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This destroys the journal in {folder} for good.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The key file goes first: from that moment nobody can read the journal, not even with the passphrase or the recovery code. Backups you made elsewhere are not touched.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;{word}&lt;/b&gt; to confirm.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Журнал в папке {folder} будет уничтожен навсегда.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Первым удаляется файл ключа: с этого момента журнал никто не сможет прочитать — даже с парольной фразой или кодом восстановления. Резервные копии в других местах не затрагиваются.&lt;/p&gt;&lt;p&gt;Для подтверждения введите &lt;b&gt;{word}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The English word &lt;b&gt;ERASE&lt;/b&gt; works too, in any keyboard layout.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Английское слово &lt;b&gt;ERASE&lt;/b&gt; тоже подходит, в любой раскладке клавиатуры.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Слово подтверждения</translation>
    </message>
    <message>
        <source>ERASE</source>
        <translation>СТЕРЕТЬ</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>Стереть сейчас</translation>
    </message>
    <message>
        <source>Erase this journal</source>
        <translation>Стереть этот журнал</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence package</source>
        <translation>Пакет доказательств</translation>
    </message>
    <message>
        <source>For lawyers and courts: the original files with their SHA-256, each entry with its full history, who recorded and signed it, and when it was received. The package can be checked without this app (VERIFY.txt).</source>
        <translation>Для юристов и судов: файлы-оригиналы с их SHA-256, каждая запись со всей историей, кто её записал и подписал и когда она получена. Пакет можно проверить без этого приложения (VERIFY.txt).</translation>
    </message>
    <message>
        <source>Which entries</source>
        <translation>Какие записи</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected entries</source>
        <translation>
            <numerusform>%n выбранная запись</numerusform>
            <numerusform>%n выбранные записи</numerusform>
            <numerusform>%n выбранных записей</numerusform>
        </translation>
    </message>
    <message>
        <source>The entry shown</source>
        <translation>Открытая запись</translation>
    </message>
    <message>
        <source>Entries in the list, without the search “{text}”</source>
        <translation>Записи списка без учёта поиска «{text}»</translation>
    </message>
    <message>
        <source>Entries in the current list</source>
        <translation>Записи текущего списка</translation>
    </message>
    <message>
        <source>Entries with a tag</source>
        <translation>Записи с меткой</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Записи:</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Метка:</translation>
    </message>
    <message>
        <source>One &amp;ZIP file</source>
        <translation>Один &amp;ZIP-файл</translation>
    </message>
    <message>
        <source>A &amp;folder</source>
        <translation>&amp;Папка</translation>
    </message>
    <message>
        <source>Write as:</source>
        <translation>Записать как:</translation>
    </message>
    <message>
        <source>Also include &amp;metadata-stripped copies of the files</source>
        <translation>Добавить копии файлов &amp;без метаданных</translation>
    </message>
    <message>
        <source>Beside each original, clearly named; the originals are always included</source>
        <translation>Рядом с каждым оригиналом, с понятным именем; оригиналы включаются всегда</translation>
    </message>
    <message>
        <source>Name the people marked &amp;sensitive (left out by default)</source>
        <translation>Указать людей с отметкой «&amp;конфиденциально» (по умолчанию не включаются)</translation>
    </message>
    <message>
        <source>To package only the entries the search found, select them in the list first (Ctrl+A selects the list).</source>
        <translation>Чтобы включить в пакет только найденные записи, сначала выделите их в списке (Ctrl+A выделяет весь список).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The package is not encrypted.&lt;/b&gt; Anyone who gets it can read everything in it. Give it only to the lawyer or court that needs it.</source>
        <translation>&lt;b&gt;Пакет не зашифрован.&lt;/b&gt; Любой, кто его получит, сможет прочитать всё, что в нём есть. Передавайте его только юристу или суду, которым он нужен.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>&amp;Write package…</source>
        <translation>&amp;Записать пакет…</translation>
    </message>
    <message>
        <source>Write package</source>
        <translation>Записать пакет</translation>
    </message>
    <message numerus="yes">
        <source>Entries in the package: %n</source>
        <translation>
            <numerusform>Записей в пакете: %n</numerusform>
            <numerusform>Записей в пакете: %n</numerusform>
            <numerusform>Записей в пакете: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-файлы (*.zip)</translation>
    </message>
    <message>
        <source>New folder for the evidence package</source>
        <translation>Новая папка для пакета доказательств</translation>
    </message>
    <message>
        <source>Not written: {reason}</source>
        <translation>Не записано: {reason}</translation>
    </message>
    <message>
        <source>Writing the evidence package…</source>
        <translation>Запись пакета доказательств…</translation>
    </message>
    <message numerus="yes">
        <source>Package written to {name}. Entries: %n. It is not encrypted; check it with Reports ▸ Verify evidence package… or VERIFY.txt.</source>
        <translation>
            <numerusform>Пакет записан в {name}. Записей: %n. Он не зашифрован; проверьте его через Отчёты ▸ Проверить пакет доказательств… или по VERIFY.txt.</numerusform>
            <numerusform>Пакет записан в {name}. Записей: %n. Он не зашифрован; проверьте его через Отчёты ▸ Проверить пакет доказательств… или по VERIFY.txt.</numerusform>
            <numerusform>Пакет записан в {name}. Записей: %n. Он не зашифрован; проверьте его через Отчёты ▸ Проверить пакет доказательств… или по VERIFY.txt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sensitive people left out: %n.</source>
        <translation>
            <numerusform>Не включено людей с отметкой «конфиденциально»: %n.</numerusform>
            <numerusform>Не включено людей с отметкой «конфиденциально»: %n.</numerusform>
            <numerusform>Не включено людей с отметкой «конфиденциально»: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceFeature</name>
    <message>
        <source>&amp;Evidence package…</source>
        <translation>Пакет &amp;доказательств…</translation>
    </message>
    <message>
        <source>Original files, hashes, signatures and chain of custody for lawyers and courts (Ctrl+Shift+K); the package is not encrypted</source>
        <translation>Файлы-оригиналы, хеши, подписи и цепочка хранения для юристов и судов (Ctrl+Shift+K); пакет не зашифрован</translation>
    </message>
    <message>
        <source>&amp;Verify evidence package…</source>
        <translation>&amp;Проверить пакет доказательств…</translation>
    </message>
    <message>
        <source>Check an evidence package: which files, signatures and revision chains hold</source>
        <translation>Проверить пакет доказательств: какие файлы, подписи и цепочки версий целы</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Cancelled. No bundle was written.</source>
        <translation>Отменено. Пакет не записан.</translation>
    </message>
    <message>
        <source>Send to a coordinator</source>
        <translation>Отправить координатору</translation>
    </message>
    <message>
        <source>Sending the bundle…</source>
        <translation>Отправка пакета…</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Отправка отменена.</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Записывается пакет…</translation>
    </message>
</context>
<context>
    <name>FetchOptionsDialog</name>
    <message>
        <source>&amp;Fetch</source>
        <translation>&amp;Загрузить</translation>
    </message>
    <message>
        <source>Accept bundles from senders never seen before</source>
        <translation>Принимать пакеты от новых отправителей</translation>
    </message>
    <message>
        <source>Compare their fingerprint with them afterwards</source>
        <translation>Потом сверьте с ними отпечаток</translation>
    </message>
    <message>
        <source>Delete bundles from the server after a successful import</source>
        <translation>Удалять пакеты с сервера после успешного импорта</translation>
    </message>
    <message>
        <source>Download new bundles from your inbox folders and import them.</source>
        <translation>Загрузить новые пакеты из входящих папок и импортировать их.</translation>
    </message>
    <message>
        <source>Fetch bundles</source>
        <translation>Загрузить пакеты</translation>
    </message>
</context>
<context>
    <name>FetchResultDialog</name>
    <message>
        <source>Fetch results</source>
        <translation>Результаты загрузки</translation>
    </message>
    <message>
        <source>Fetched bundles</source>
        <translation>Загруженные пакеты</translation>
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
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принят</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>уже импортирован</translation>
    </message>
    <message>
        <source>fetched before</source>
        <translation>загружен ранее</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>не загружен</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>{a} accepted, {d} already imported, {r} rejected, {f} failed, {s} fetched before.</source>
        <translation>Принято: {a}, уже импортировано: {d}, отклонено: {r}, ошибок: {f}, загружено ранее: {s}.</translation>
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
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Link people to this entry (People panel) to choose them here.</source>
        <translation>Свяжите людей с этой записью (панель «Люди»), чтобы выбрать их здесь.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>ГГГГ-ММ-ДД ЧЧ:ММ</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>(not linked) {id}</source>
        <translation>(не связан) {id}</translation>
    </message>
</context>
<context>
    <name>FieldSafety</name>
    <message numerus="yes">
        <source>%n wrong attempts since the last unlock.</source>
        <translation>
            <numerusform>%n неверная попытка с последней разблокировки.</numerusform>
            <numerusform>%n неверные попытки с последней разблокировки.</numerusform>
            <numerusform>%n неверных попыток с последней разблокировки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong attempts. The journal is erased after {limit}.</source>
        <translation>
            <numerusform>%n неверная попытка. Журнал будет стёрт после {limit}.</numerusform>
            <numerusform>%n неверные попытки. Журнал будет стёрт после {limit}.</numerusform>
            <numerusform>%n неверных попыток. Журнал будет стёрт после {limit}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong passphrases in a row: the journal has been erased, as set in the safety settings.</source>
        <translation>
            <numerusform>%n неверная парольная фраза подряд: журнал стёрт, как задано в настройках безопасности.</numerusform>
            <numerusform>%n неверные парольные фразы подряд: журнал стёрт, как задано в настройках безопасности.</numerusform>
            <numerusform>%n неверных парольных фраз подряд: журнал стёрт, как задано в настройках безопасности.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Back up journal…</source>
        <translation>&amp;Резервная копия журнала…</translation>
    </message>
    <message>
        <source>&amp;Erase this journal…</source>
        <translation>&amp;Стереть этот журнал…</translation>
    </message>
    <message>
        <source>Auto-lock, erase after failed attempts, backup reminder</source>
        <translation>Автоблокировка, стирание после неудачных попыток, напоминание о резервной копии</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Сменить &amp;парольную фразу…</translation>
    </message>
    <message>
        <source>A new passphrase; optionally new keys too, after a passphrase was given up</source>
        <translation>Новая парольная фраза; при желании и новые ключи, если парольную фразу пришлось выдать</translation>
    </message>
    <message>
        <source>&amp;Check the journal…</source>
        <translation>&amp;Проверить журнал…</translation>
    </message>
    <message>
        <source>Checking the journal…</source>
        <translation>Проверка журнала…</translation>
    </message>
    <message>
        <source>The journal is intact: the database, every revision&apos;s hash chain and every attached file check out.</source>
        <translation>Журнал цел: база данных, цепочка хешей каждой версии и каждый прикреплённый файл в порядке.</translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problems. Make a copy of the journal folder before changing anything, and compare with your latest backup:</source>
        <translation>
            <numerusform>Проверка нашла %n проблему. Прежде чем что-либо менять, сделайте копию папки журнала и сравните с последней резервной копией:</numerusform>
            <numerusform>Проверка нашла %n проблемы. Прежде чем что-либо менять, сделайте копию папки журнала и сравните с последней резервной копией:</numerusform>
            <numerusform>Проверка нашла %n проблем. Прежде чем что-либо менять, сделайте копию папки журнала и сравните с последней резервной копией:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (journal verify on the command line lists every one).</source>
        <translation>
            <numerusform>…и ещё %n (команда journal verify перечисляет все).</numerusform>
            <numerusform>…и ещё %n (команда journal verify перечисляет все).</numerusform>
            <numerusform>…и ещё %n (команда journal verify перечисляет все).</numerusform>
        </translation>
    </message>
    <message>
        <source>The journal was restored into {folder}. Lock this journal and open the restored one?</source>
        <translation>Журнал восстановлен в папку {folder}. Заблокировать этот журнал и открыть восстановленный?</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Парольная фраза изменена.</translation>
    </message>
    <message>
        <source>The key change was cancelled. Nothing was changed.</source>
        <translation>Смена ключа отменена. Ничего не изменено.</translation>
    </message>
    <message>
        <source>A key change was interrupted and has now been completed: the new passphrase is in force. Its recovery code may never have been shown: change the key again (Journal → Change passphrase…) to get one.</source>
        <translation>Смена ключа была прервана и теперь завершена: действует новая парольная фраза. Её код восстановления мог так и не быть показан: смените ключ ещё раз (Журнал → Сменить парольную фразу…), чтобы получить его.</translation>
    </message>
    <message>
        <source>A key change was interrupted before it took effect and has been undone: the old passphrase is still in force. Change the key again (Journal → Change passphrase…).</source>
        <translation>Смена ключа была прервана до того, как вступила в силу, и отменена: по-прежнему действует старая парольная фраза. Смените ключ ещё раз (Журнал → Сменить парольную фразу…).</translation>
    </message>
    <message>
        <source>Back up journal</source>
        <translation>Резервная копия журнала</translation>
    </message>
    <message numerus="yes">
        <source>Backup written and checked (%n entries).</source>
        <translation>
            <numerusform>Резервная копия записана и проверена (%n запись).</numerusform>
            <numerusform>Резервная копия записана и проверена (%n записи).</numerusform>
            <numerusform>Резервная копия записана и проверена (%n записей).</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an empty folder for the restored journal</source>
        <translation>Выберите пустую папку для восстановленного журнала</translation>
    </message>
    <message>
        <source>Emergency: destroy the journal on this computer for good</source>
        <translation>Экстренно: уничтожить журнал на этом компьютере навсегда</translation>
    </message>
    <message>
        <source>Check the database, every revision&apos;s hash chain, and decrypt and re-hash every attached file</source>
        <translation>Проверить базу данных и цепочку хешей каждой версии, расшифровать и заново хешировать каждый прикреплённый файл</translation>
    </message>
    <message>
        <source>Journal backups (*{suffix})</source>
        <translation>Резервные копии журнала (*{suffix})</translation>
    </message>
    <message>
        <source>Journal backups (*{suffix});;All files (*)</source>
        <translation>Резервные копии журнала (*{suffix});;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <source>No backup for %n days (Journal → Back up journal…)</source>
        <translation>
            <numerusform>Нет резервной копии уже %n день (Журнал → Резервная копия журнала…)</numerusform>
            <numerusform>Нет резервной копии уже %n дня (Журнал → Резервная копия журнала…)</numerusform>
            <numerusform>Нет резервной копии уже %n дней (Журнал → Резервная копия журнала…)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Восстановить из &amp;резервной копии…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Восстанавливается резервная копия…</translation>
    </message>
    <message>
        <source>Sa&amp;fety settings…</source>
        <translation>Настройки &amp;безопасности…</translation>
    </message>
    <message>
        <source>The backup was restored into {folder}. Lock this journal and open the restored one?</source>
        <translation>Резервная копия восстановлена в {folder}. Заблокировать этот журнал и открыть восстановленный?</translation>
    </message>
    <message>
        <source>The journal folder {folder} is gone (removed, or the USB stick was pulled out). Nothing more can be saved there, so the journal has been locked. Put the folder back, or restore a backup.</source>
        <translation>Папка журнала {folder} пропала (удалена или извлечена флешка). Сохранять туда больше нельзя, поэтому журнал заблокирован. Верните папку или восстановите резервную копию.</translation>
    </message>
    <message>
        <source>The journal has been erased. The app will now close.</source>
        <translation>Журнал стёрт. Приложение закроется.</translation>
    </message>
    <message>
        <source>Unpack a backup into an empty folder</source>
        <translation>Распаковать резервную копию в пустую папку</translation>
    </message>
    <message>
        <source>Write an encrypted backup file (same passphrase)</source>
        <translation>Записать зашифрованную резервную копию (та же парольная фраза)</translation>
    </message>
    <message>
        <source>Writing the encrypted backup…</source>
        <translation>Записывается зашифрованная резервная копия…</translation>
    </message>
    <message>
        <source>Encrypting every attachment again under new keys…</source>
        <translation>Все вложения заново шифруются новыми ключами…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>“{name}” is not a kind of file this can open ({kinds}). Choose another file, or a different choice under “Files of type”.</source>
        <extracomment>Where Qt&apos;s user-scope settings are sent on Linux and other Unix desktops: a folder inside the null device (a file), which nobody, root included, can create.</extracomment>
        <translation>«{name}» — не тот тип файла, который здесь можно открыть ({kinds}). Выберите другой файл или другой вариант в поле «Типы файлов».</translation>
    </message>
</context>
<context>
    <name>FingerprintCheckDialog</name>
    <message>
        <source>Call {name} or meet in person. Read these groups aloud together; they must read the same groups from their own “My card” window. Do not compare over the channel the card came through.</source>
        <translation>Позвоните {name} или встретьтесь лично. Прочитайте эти группы вслух; собеседник должен прочитать те же группы в своём окне «Моя карточка». Не сверяйте через тот же канал, по которому пришла карточка.</translation>
    </message>
    <message>
        <source>Compare fingerprints</source>
        <translation>Сверка отпечатков</translation>
    </message>
    <message>
        <source>Every group was the same: mark as verified</source>
        <translation>Все группы совпали: отметить как проверенного</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>Fingerprints differ</source>
        <translation>Отпечатки различаются</translation>
    </message>
    <message>
        <source>Something was different: do not trust this card</source>
        <translation>Что-то не совпало: не доверять этой карточке</translation>
    </message>
    <message>
        <source>The fingerprints differ: the card may have been swapped or damaged. Ask for the card again through another channel and do not send anything until they match.</source>
        <translation>Отпечатки различаются: карточку могли подменить или повредить. Запросите карточку ещё раз по другому каналу и ничего не отправляйте, пока они не совпадут.</translation>
    </message>
    <message>
        <source>They &amp;differ</source>
        <translation>&amp;Различаются</translation>
    </message>
    <message>
        <source>They &amp;match</source>
        <translation>&amp;Совпадают</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>New journal</source>
        <translation>Новый журнал</translation>
    </message>
</context>
<context>
    <name>FolderFields</name>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>A Nextcloud file-drop share link, or the WebDAV address of a folder</source>
        <translation>Ссылка Nextcloud для загрузки файлов или адрес папки WebDAV</translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation>&amp;Закреплённый сертификат:</translation>
    </message>
    <message>
        <source>Certificate fingerprint (optional)</source>
        <translation>Отпечаток сертификата (необязательно)</translation>
    </message>
    <message>
        <source>Folder address</source>
        <translation>Адрес папки</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>not needed for a share link</source>
        <translation>не нужно для ссылки общего доступа</translation>
    </message>
    <message>
        <source>optional: SHA-256 of the server certificate</source>
        <translation>необязательно: SHA-256 сертификата сервера</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Close the selected follow-up (Ctrl+D)</source>
        <translation>Закрыть выбранное напоминание (Ctrl+D)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Напоминания на сегодня</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Отметить выполненным</translation>
    </message>
    <message>
        <source>Nothing to follow up today.</source>
        <translation>На сегодня напоминаний нет.</translation>
    </message>
    <message>
        <source>{due} due today, {overdue} overdue</source>
        <translation>на сегодня: {due}, просрочено: {overdue}</translation>
    </message>
</context>
<context>
    <name>FormsEditorDialog</name>
    <message>
        <source>&amp;Add field</source>
        <translation>&amp;Добавить поле</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation>Длинный текст</translation>
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
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Выбор из списка</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Несколько из списка</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Да/нет</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Форма:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Remove field</source>
        <translation>&amp;Удалить поле</translation>
    </message>
    <message>
        <source>Add a field at the end (Ctrl+N)</source>
        <translation>Добавить поле в конец (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Добавить поле</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Любая категория</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Choices (one per ;)</source>
        <translation>Варианты (через ;)</translation>
    </message>
    <message>
        <source>Entries saved earlier keep this field&apos;s value</source>
        <translation>Ранее сохранённые записи сохраняют значение этого поля</translation>
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
        <translation>Название формы</translation>
    </message>
    <message>
        <source>Incident forms</source>
        <translation>Формы инцидентов</translation>
    </message>
    <message>
        <source>New form…</source>
        <translation>Новая форма…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Удалить поле</translation>
    </message>
    <message>
        <source>Saved: {name}, version {n}.</source>
        <translation>Сохранено: {name}, версия {n}.</translation>
    </message>
    <message>
        <source>Saving makes a new version of the form. Entries keep the values they have; forms travel with bundles so coordinators see the same fields.</source>
        <translation>При сохранении создаётся новая версия формы. Записи сохраняют свои значения; формы передаются вместе с пакетами, поэтому координаторы видят те же поля.</translation>
    </message>
    <message>
        <source>The form is suggested for entries of this category</source>
        <translation>Форма предлагается для записей этой категории</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Версия:</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
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
        <translation>Добавить поля в форму или создать свою форму</translation>
    </message>
    <message>
        <source>Counts by category, day, place or form field (Ctrl+Shift+S)</source>
        <translation>Подсчёт по категории, дню, месту или полю формы (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Экспорт &amp;отчёта…</translation>
    </message>
    <message>
        <source>Export entries as CSV, JSON or PDF (Ctrl+Shift+R); the file is not encrypted</source>
        <translation>Экспорт записей в CSV, JSON или PDF (Ctrl+Shift+R); файл не зашифрован</translation>
    </message>
    <message>
        <source>Incident &amp;forms…</source>
        <translation>&amp;Формы инцидентов…</translation>
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
        <translation>&lt;b&gt;Формы&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add fields to a form or create your own form</source>
        <translation>Добавить поля в форму или создать свою форму</translation>
    </message>
    <message>
        <source>Add form</source>
        <translation>Добавить форму</translation>
    </message>
    <message>
        <source>Add the chosen form&apos;s fields to this entry</source>
        <translation>Добавить в запись поля выбранной формы</translation>
    </message>
    <message>
        <source>Edit forms…</source>
        <translation>Изменить формы…</translation>
    </message>
    <message>
        <source>Form to add:</source>
        <translation>Добавить форму:</translation>
    </message>
    <message>
        <source>Choose a form…</source>
        <translation>Выберите форму…</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Редактирование…</translation>
    </message>
    <message>
        <source>Form not saved: {reason}</source>
        <translation>Форма не сохранена: {reason}</translation>
    </message>
    <message>
        <source>Form saved (revision {n})</source>
        <translation>Форма сохранена (редакция {n})</translation>
    </message>
    <message>
        <source>Form to add</source>
        <translation>Форма для добавления</translation>
    </message>
    <message>
        <source>Form {name}</source>
        <translation>Форма {name}</translation>
    </message>
    <message>
        <source>No form on this entry yet. Choose one above to record structured details (for example the police unit or the court date).</source>
        <translation>У этой записи ещё нет формы. Выберите форму выше, чтобы внести структурированные сведения (например, подразделение полиции или дату суда).</translation>
    </message>
    <message>
        <source>No form values on this entry.</source>
        <translation>В этой записи нет значений форм.</translation>
    </message>
    <message>
        <source>Remove form</source>
        <translation>Удалить форму</translation>
    </message>
    <message>
        <source>Remove form {name}</source>
        <translation>Удалить форму {name}</translation>
    </message>
    <message>
        <source>Remove this form and its values from the entry (its history is kept)</source>
        <translation>Удалить эту форму и её значения из записи (история сохраняется)</translation>
    </message>
    <message>
        <source>Structured fields for this kind of incident</source>
        <translation>Структурированные поля для инцидентов такого вида</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Changed fields:</source>
        <translation>Изменённые поля:</translation>
    </message>
    <message>
        <source>Every save is kept. Choose a version to see what changed in it.</source>
        <translation>Каждое сохранение хранится. Выберите версию, чтобы увидеть, что в ней изменилось.</translation>
    </message>
    <message>
        <source>First version.</source>
        <translation>Первая версия.</translation>
    </message>
    <message>
        <source>Hash {hash}</source>
        <translation>Хеш {hash}</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>What &quot;Restore this version&quot; writes back (everything a revision holds that the editor edits).</extracomment>
        <translation>История</translation>
    </message>
    <message>
        <source>The chosen version</source>
        <translation>Выбранная версия</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Восстановить эту версию</translation>
    </message>
    <message>
        <source>Make this version the current one again. It is saved as a new version; nothing is deleted.</source>
        <translation>Снова сделать эту версию текущей. Она сохраняется как новая версия; ничего не удаляется.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Witnessed</source>
        <translation>Видел(а) сам(а)</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Со слов</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>СМИ</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Версия {n}</translation>
    </message>
    <message>
        <source>Version {n} — {time}</source>
        <translation>Версия {n} — {time}</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import a folder of bundles</source>
        <translation>Импорт папки с пакетами</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Импорт пакетов</translation>
    </message>
    <message>
        <source>Bundles (*.ijbundle);;All files (*)</source>
        <translation>Пакеты (*.ijbundle);;Все файлы (*)</translation>
    </message>
    <message>
        <source>No bundle files (*.ijbundle) there.</source>
        <translation>Там нет файлов пакетов (*.ijbundle).</translation>
    </message>
    <message>
        <source>Importing bundles…</source>
        <translation>Импорт пакетов…</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message numerus="yes">
        <source>Attach %n file(s), {size} in all, to this entry. They are stored encrypted inside the journal.</source>
        <translation>
            <numerusform>Прикрепить %n файл ({size}) к этой записи. Файлы хранятся в журнале в зашифрованном виде.</numerusform>
            <numerusform>Прикрепить %n файла (всего {size}) к этой записи. Файлы хранятся в журнале в зашифрованном виде.</numerusform>
            <numerusform>Прикрепить %n файлов (всего {size}) к этой записи. Файлы хранятся в журнале в зашифрованном виде.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete the originals after they are attached</source>
        <translation>&amp;Удалить оригиналы после добавления</translation>
    </message>
    <message>
        <source>Overwrite each original file with random data, then delete it</source>
        <translation>Перезаписать каждый оригинал случайными данными, затем удалить</translation>
    </message>
    <message>
        <source>The originals are overwritten once with random data and then deleted, only after everything was stored. On SSDs, USB sticks and memory cards the drive may keep copies of the old data in places the system cannot reach, so a forensic examination may still recover them. Only full-disk encryption protects against that.</source>
        <translation>Оригиналы один раз перезаписываются случайными данными и удаляются — только после того, как всё сохранено. На SSD, флешках и картах памяти накопитель может хранить копии старых данных там, куда система не добирается, поэтому криминалистическая экспертиза может их восстановить. От этого защищает только полное шифрование диска.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Прикрепить</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Accepted</source>
        <translation>Принят</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Уже импортирован</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Cancelled: the remaining bundles were not imported.</source>
        <translation>Отменено: остальные пакеты не импортированы.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message numerus="yes">
        <source>%n new entries</source>
        <translation>
            <numerusform>%n новая запись</numerusform>
            <numerusform>%n новые записи</numerusform>
            <numerusform>%n новых записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <comment>entries</comment>
        <translation>
            <numerusform>%n обновлена</numerusform>
            <numerusform>%n обновлены</numerusform>
            <numerusform>%n обновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n файл</numerusform>
            <numerusform>%n файла</numerusform>
            <numerusform>%n файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Результаты импорта</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Этот пакет уже импортировался; ничего не изменилось.</translation>
    </message>
    <message>
        <source>{a} accepted, {d} already imported, {r} rejected.</source>
        <translation>Принято: {a}, уже импортировано: {d}, отклонено: {r}.</translation>
    </message>
</context>
<context>
    <name>InboxFoldersDialog</name>
    <message>
        <source>&amp;Add folder</source>
        <translation>&amp;Добавить папку</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Удалить выбранное</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>Add inbox folder</source>
        <translation>Добавить входящую папку</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Folder added.</source>
        <translation>Папка добавлена.</translation>
    </message>
    <message>
        <source>Folders you fetch bundles from: your own Nextcloud folder behind the file-drop link (its WebDAV address and an app password) or any WebDAV folder.</source>
        <translation>Папки, из которых вы забираете пакеты: ваша папка Nextcloud за ссылкой для загрузки (её адрес WebDAV и пароль приложения) или любая папка WebDAV.</translation>
    </message>
    <message>
        <source>Inbox folders</source>
        <translation>Входящие папки</translation>
    </message>
    <message>
        <source>Last fetched</source>
        <translation>Последняя загрузка</translation>
    </message>
    <message>
        <source>No inbox folder yet.</source>
        <translation>Входящих папок пока нет.</translation>
    </message>
    <message>
        <source>Remove inbox folder</source>
        <translation>Удалить входящую папку</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>&lt;p&gt;Incident Journal keeps your notes on detentions, violence and other incidents on this computer, encrypted with a passphrase only you know.&lt;/p&gt;&lt;p&gt;If the laptop is seized, stolen or searched, nothing in the journal can be read without the passphrase: not the entries, not the photos, not even their titles. Lock it with Ctrl+L; it also locks itself when you are away.&lt;/p&gt;&lt;p&gt;The next steps: choose a passphrase, name the journal, and write down a recovery code.&lt;/p&gt;</source>
        <translation>&lt;p&gt;«Журнал инцидентов» хранит ваши записи о задержаниях, насилии и других инцидентах на этом компьютере, зашифрованными парольной фразой, которую знаете только вы.&lt;/p&gt;&lt;p&gt;Если ноутбук изымут, украдут или обыщут, без парольной фразы в журнале ничего не прочитать: ни записи, ни фотографии, ни даже их заголовки. Блокируйте журнал клавишами Ctrl+L; он также блокируется сам, когда вы отходите.&lt;/p&gt;&lt;p&gt;Дальше: выберите парольную фразу, назовите журнал и запишите код восстановления.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Back from a journey with a travel package?</source>
        <translation>Вернулись из поездки с дорожным архивом?</translation>
    </message>
    <message>
        <source>&amp;Restore after travel…</source>
        <translation>&amp;Восстановить после поездки…</translation>
    </message>
    <message>
        <source>Welcome to Incident Journal</source>
        <translation>Добро пожаловать в «Журнал инцидентов»</translation>
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
        <translation>Календарь: {field}</translation>
    </message>
</context>
<context>
    <name>LeaveOutPage</name>
    <message>
        <source>&amp;Remove hidden data from photos</source>
        <translation>&amp;Удалить скрытые данные из фотографий</translation>
    </message>
    <message>
        <source> MB</source>
        <comment>megabytes, after a number</comment>
        <translation> МБ</translation>
    </message>
    <message>
        <source>Include the &amp;contact log</source>
        <translation>Включить &amp;журнал контактов</translation>
    </message>
    <message>
        <source>Large videos can be sent later, on their own.</source>
        <translation>Большие видео можно отправить позже, отдельно.</translation>
    </message>
    <message>
        <source>Largest file to send, in megabytes</source>
        <translation>Наибольший размер файла для отправки, в мегабайтах</translation>
    </message>
    <message>
        <source>Leave out &amp;phone numbers and messenger handles</source>
        <translation>Не включать номера &amp;телефонов и аккаунты в мессенджерах</translation>
    </message>
    <message>
        <source>Also send files &amp;that cannot be cleaned</source>
        <translation>Отправлять и файлы, которые нельзя &amp;очистить</translation>
    </message>
    <message>
        <source>Videos, recordings, PDFs and Office documents are cleaned too. A file of an unknown type or a damaged one cannot be: it may carry names, places or device details. Without this, such a file stops the bundle and is named.</source>
        <translation>Видео, аудиозаписи, PDF и документы Office тоже очищаются. Файл неизвестного типа или повреждённый очистить нельзя: в нём могут быть имена, места или сведения об устройстве. Без этой отметки такой файл останавливает создание пакета и называется.</translation>
    </message>
    <message>
        <source>No photos or &amp;files at all</source>
        <translation>Совсем без фотографий и &amp;файлов</translation>
    </message>
    <message>
        <source>Only the text of the entries: a much smaller bundle.</source>
        <translation>Только текст записей: пакет гораздо меньше.</translation>
    </message>
    <message>
        <source>People are sent with names and roles only. Use this if the bundle might be intercepted.</source>
        <translation>Люди передаются только с именами и ролями. Используйте, если пакет могут перехватить.</translation>
    </message>
    <message>
        <source>Photos can carry the GPS position, the phone&apos;s model and the time they were taken. Keep this on unless the coordinator needs them as evidence.</source>
        <translation>Фотографии могут содержать координаты GPS, модель телефона и время съёмки. Оставьте включённым, если только координатору не нужны эти данные как доказательство.</translation>
    </message>
    <message>
        <source>Send only what the coordinator needs.</source>
        <translation>Отправляйте только то, что нужно координатору.</translation>
    </message>
    <message>
        <source>Skip files &amp;larger than</source>
        <translation>Пропускать файлы &amp;больше</translation>
    </message>
    <message>
        <source>What to leave out</source>
        <translation>Что не отправлять</translation>
    </message>
    <message>
        <source>Your notes of calls and meetings with the people in these entries.</source>
        <translation>Ваши записи о звонках и встречах с людьми из этих записей.</translation>
    </message>
</context>
<context>
    <name>LockTray</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокировать сейчас</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Close the journal and forget the key</source>
        <translation>Закрыть журнал и забыть ключ</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал инцидентов</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries deleted for good.</source>
        <translation>
            <numerusform>%n запись удалена навсегда.</numerusform>
            <numerusform>%n записи удалены навсегда.</numerusform>
            <numerusform>%n записей удалено навсегда.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found{more}</source>
        <translation>
            <numerusform>Найдена %n{more}</numerusform>
            <numerusform>Найдено %n{more}</numerusform>
            <numerusform>Найдено %n{more}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;About Incident Journal</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Запись</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Журнал</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Move to trash</source>
        <translation>&amp;В корзину</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Loading entries…</source>
        <translation>Загрузка записей…</translation>
    </message>
    <message>
        <source>Move the selected entries to the trash (Del)</source>
        <translation>Переместить выбранные записи в корзину (Del)</translation>
    </message>
    <message>
        <source>Move the selected entries out of the trash</source>
        <translation>Вернуть выбранные записи из корзины</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Auto-lock time, time zone, language</source>
        <translation>Время автоблокировки, часовой пояс, язык</translation>
    </message>
    <message>
        <source>Next &amp;region</source>
        <translation>Следующая &amp;область</translation>
    </message>
    <message>
        <source>Move to the next part of the window (F6)</source>
        <translation>Перейти к следующей части окна (F6)</translation>
    </message>
    <message>
        <source>Previous re&amp;gion</source>
        <translation>Пред&amp;ыдущая область</translation>
    </message>
    <message>
        <source>Move to the previous part of the window (Shift+F6)</source>
        <translation>Перейти к предыдущей части окна (Shift+F6)</translation>
    </message>
    <message>
        <source>More results could not be read: {why}</source>
        <translation>Не удалось прочитать следующие результаты: {why}</translation>
    </message>
    <message>
        <source>Search now finds every form of a word.</source>
        <translation>Теперь поиск находит все формы слова.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>“{title}” moved to the trash.</source>
        <translation>Запись «{title}» перемещена в корзину.</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>В корзину</translation>
    </message>
    <message numerus="yes">
        <source>Move %n selected entries to the trash? Undo brings them back.</source>
        <translation>
            <numerusform>Переместить в корзину %n выбранную запись? «Отменить» вернёт её.</numerusform>
            <numerusform>Переместить в корзину %n выбранные записи? «Отменить» вернёт их.</numerusform>
            <numerusform>Переместить в корзину %n выбранных записей? «Отменить» вернёт их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries moved to the trash.</source>
        <translation>
            <numerusform>%n запись перемещена в корзину.</numerusform>
            <numerusform>%n записи перемещены в корзину.</numerusform>
            <numerusform>%n записей перемещено в корзину.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries restored.</source>
        <translation>
            <numerusform>%n запись восстановлена.</numerusform>
            <numerusform>%n записи восстановлены.</numerusform>
            <numerusform>%n записей восстановлено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries in the trash for good? Their history goes too. This cannot be undone.</source>
        <translation>
            <numerusform>Удалить навсегда %n запись из корзины? Её история тоже будет удалена. Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %n записи из корзины? Их история тоже будет удалена. Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %n записей из корзины? Их история тоже будет удалена. Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Version {n} restored as version {m}.</source>
        <translation>Версия {n} восстановлена как версия {m}.</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good</source>
        <translation>Удалить всё из корзины навсегда</translation>
    </message>
    <message>
        <source>Earlier versions of the selected entry</source>
        <translation>Прежние версии выбранной записи</translation>
    </message>
    <message>
        <source>Updating the search index: {percent}%</source>
        <translation>Обновление поискового индекса: {percent}%</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Entry restored.</source>
        <translation>Запись восстановлена.</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал инцидентов</translation>
    </message>
    <message>
        <source>Lock and quit</source>
        <translation>Заблокировать и выйти</translation>
    </message>
    <message>
        <source>Lock now: close the journal and forget the key (Ctrl+L)</source>
        <translation>Заблокировать сейчас: закрыть журнал и забыть ключ (Ctrl+L)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <source>New entry created.</source>
        <translation>Новая запись создана.</translation>
    </message>
    <message>
        <source>No entries here.</source>
        <translation>Здесь нет записей.</translation>
    </message>
    <message>
        <source>No entries yet — press Ctrl+N to write the first one.</source>
        <translation>Записей пока нет — нажмите Ctrl+N, чтобы создать первую.</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>По запросу «{text}» ничего не найдено.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Поиск (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the journal (Ctrl+F)</source>
        <translation>Поиск по журналу (Ctrl+F)</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Words in titles, text, places and tags. Use &quot;quotes&quot; for a phrase, word* for a prefix, OR for either.</source>
        <translation>Слова в заголовках, тексте, местах и метках. &quot;Кавычки&quot; — для фразы, слово* — для начала слова, OR — для любого из слов.</translation>
    </message>
    <message>
        <source>Write a new entry (Ctrl+N)</source>
        <translation>Создать новую запись (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Coordinators</source>
        <translation>&amp;Координаторы</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Исходящие</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>О&amp;тчёты</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>&amp;Обмен</translation>
    </message>
    <message>
        <source>&amp;Safety</source>
        <translation>&amp;Безопасность</translation>
    </message>
    <message>
        <source>S&amp;enders</source>
        <translation>Отп&amp;равители</translation>
    </message>
</context>
<context>
    <name>MyCardDialog</name>
    <message>
        <source>&amp;Copy card text</source>
        <translation>&amp;Копировать текст карточки</translation>
    </message>
    <message>
        <source>&amp;Save card file…</source>
        <translation>&amp;Сохранить файл карточки…</translation>
    </message>
    <message>
        <source>Card text</source>
        <translation>Текст карточки</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <source>Copy the card line to paste into a message</source>
        <translation>Скопировать строку карточки, чтобы вставить в сообщение</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>Fingerprint (read these groups aloud):</source>
        <translation>Отпечаток (прочитайте эти группы вслух):</translation>
    </message>
    <message>
        <source>Give this card to a coordinator so they can receive your bundles and check they come from you. It holds only public keys and the name “{name}”: it is safe to share, but compare the fingerprint with the coordinator by phone or in person.</source>
        <translation>Передайте эту карточку координатору, чтобы он мог получать ваши пакеты и проверять, что они от вас. В ней только открытые ключи и имя «{name}»: ею можно делиться, но сверьте отпечаток с координатором по телефону или лично.</translation>
    </message>
    <message>
        <source>My card</source>
        <translation>Моя карточка</translation>
    </message>
    <message>
        <source>QR code of my card</source>
        <translation>QR-код моей карточки</translation>
    </message>
    <message>
        <source>Change &amp;name…</source>
        <translation>Изменить &amp;имя…</translation>
    </message>
    <message>
        <source>Change the public name coordinators see on your card and bundles</source>
        <translation>Изменить публичное имя, которое координаторы видят в вашей карточке и пакетах</translation>
    </message>
    <message>
        <source>Save card file</source>
        <translation>Сохранить файл карточки</translation>
    </message>
    <message>
        <source>Save the card as a .ijcard file to send or carry</source>
        <translation>Сохранить карточку в файл .ijcard, чтобы отправить или передать</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <source>This name is private: it is stored inside the encrypted journal and shown only once it is unlocked.</source>
        <translation>Это название личное: оно хранится внутри зашифрованного журнала и видно только после разблокировки.</translation>
    </message>
    <message>
        <source>&amp;Create journal</source>
        <translation>&amp;Создать журнал</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>It is not on your contact card or in bundles. The name coordinators see is chosen separately, when you first show your card or send a bundle.</source>
        <translation>Его нет ни в вашей карточке, ни в пакетах. Имя, которое видят координаторы, выбирается отдельно — когда вы впервые откроете карточку или отправите пакет.</translation>
    </message>
    <message>
        <source>Creating the journal and deriving its key… this takes a few seconds.</source>
        <translation>Создаётся журнал и вычисляется его ключ… это займёт несколько секунд.</translation>
    </message>
    <message>
        <source>It will be saved in {folder}</source>
        <translation>Он будет сохранён в {folder}</translation>
    </message>
    <message>
        <source>My journal</source>
        <translation>Мой журнал</translation>
    </message>
    <message>
        <source>Name the journal</source>
        <translation>Название журнала</translation>
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
        <translation>Попыток на пакет</translation>
    </message>
    <message>
        <source>Attempts per bundle:</source>
        <translation>Попыток на пакет:</translation>
    </message>
    <message>
        <source>Connect through a &amp;SOCKS5 proxy (e.g. Tor)</source>
        <translation>Подключаться через &amp;прокси SOCKS5 (например, Tor)</translation>
    </message>
    <message>
        <source>Connection timeout</source>
        <translation>Тайм-аут подключения</translation>
    </message>
    <message>
        <source>Give up connecting after:</source>
        <translation>Прекратить попытки подключения через:</translation>
    </message>
    <message>
        <source>Give up without progress after:</source>
        <translation>Прервать при отсутствии прогресса через:</translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation>Настройки сети</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>Адрес прокси</translation>
    </message>
    <message>
        <source>T&amp;or</source>
        <translation>T&amp;or</translation>
    </message>
    <message>
        <source>This app never connects to the internet unless you send a bundle, test a folder or fetch bundles. Certificates are always checked.</source>
        <translation>Приложение подключается к интернету, только когда вы отправляете или загружаете пакеты либо проверяете папку. Сертификаты проверяются всегда.</translation>
    </message>
    <message>
        <source>Timeout without progress</source>
        <translation>Тайм-аут без прогресса</translation>
    </message>
    <message>
        <source>Tor &amp;Browser</source>
        <translation>Tor &amp;Browser</translation>
    </message>
    <message>
        <source>Tor Browser while it is open: {url}</source>
        <translation>Tor Browser, пока он открыт: {url}</translation>
    </message>
    <message>
        <source>Tor hides from the network and the server where you are; everything, including name lookups, goes through it. Expect it to be slow.</source>
        <translation>Tor скрывает от сети и сервера, где вы находитесь; через него идёт всё, включая запросы имён. Работает медленно.</translation>
    </message>
    <message>
        <source>Tor running as a service: {url}</source>
        <translation>Tor, запущенный как служба: {url}</translation>
    </message>
    <message>
        <source>Use Tor Browser</source>
        <translation>Использовать Tor Browser</translation>
    </message>
    <message>
        <source>Use Tor service</source>
        <translation>Использовать службу Tor</translation>
    </message>
    <message>
        <source>socks5h://host:port: the proxy also resolves server names (no DNS leak)</source>
        <translation>socks5h://хост:порт: прокси сам разрешает имена серверов (без утечки DNS)</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <source>Write down your new recovery code</source>
        <translation>Запишите новый код восстановления</translation>
    </message>
    <message>
        <source>The passphrase and every key were changed. Your old recovery code no longer works; this is the new one. It is shown only this once: write it on paper and keep it apart from the laptop.</source>
        <translation>Парольная фраза и все ключи изменены. Старый код восстановления больше не действует; вот новый. Он показывается только один раз: запишите его на бумаге и храните отдельно от ноутбука.</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>Новый код восстановления</translation>
    </message>
    <message>
        <source>Backups made before now are not changed: they still open with the old passphrase and the old recovery code. Destroy them if they could be found, and make a new backup. The journal is locked now: unlock it with the new passphrase.</source>
        <translation>Сделанные раньше резервные копии не меняются: они по-прежнему открываются старой парольной фразой и старым кодом восстановления. Уничтожьте их, если их могут найти, и сделайте новую резервную копию. Сейчас журнал заблокирован: откройте его новой парольной фразой.</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Я записал(а) код</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Incident Journal</source>
        <translation>Журнал инцидентов</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Nothing was changed by the failed step.</source>
        <translation>Что-то пошло не так ({kind}). Неудавшийся шаг ничего не изменил.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>&amp;Drop folder…</source>
        <translation>&amp;Папка для пакетов…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Отправить сейчас</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outbox&lt;/b&gt;</source>
        <translation>&lt;b&gt;Исходящие&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent&lt;/b&gt;</source>
        <translation>&lt;b&gt;Отправленные&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add a coordinator from their contact card first.</source>
        <translation>Сначала добавьте координатора по его карточке.</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Отправленные пакеты</translation>
    </message>
    <message>
        <source>Bundles waiting to be sent</source>
        <translation>Пакеты, ожидающие отправки</translation>
    </message>
    <message>
        <source>Coordinator:</source>
        <translation>Координатор:</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Drop folder</source>
        <translation>Папка для пакетов</translation>
    </message>
    <message>
        <source>Encrypted bundles waiting to be uploaded to your coordinators&apos; drop folders. Nothing connects until you press Send.</source>
        <translation>Зашифрованные пакеты, ожидающие загрузки в папки ваших координаторов. Подключение происходит, только когда вы нажмёте «Отправить».</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлен</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n bundle(s) from the outbox without sending?</source>
        <translation>
            <numerusform>Убрать %n пакет из исходящих, не отправляя?</numerusform>
            <numerusform>Убрать %n пакета из исходящих, не отправляя?</numerusform>
            <numerusform>Убрать %n пакетов из исходящих, не отправляя?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from outbox</source>
        <translation>Убрать из исходящих</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <source>Sending bundles…</source>
        <translation>Отправляются пакеты…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>Ответ сервера</translation>
    </message>
    <message>
        <source>Set where a coordinator&apos;s bundles are uploaded</source>
        <translation>Указать, куда загружаются пакеты для координатора</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Take the selected bundle out of the outbox (it is not sent)</source>
        <translation>Убрать выбранный пакет из исходящих (он не отправляется)</translation>
    </message>
    <message>
        <source>The outbox is empty. Export a bundle “to the outbox” to send it from here.</source>
        <translation>Исходящих нет. Экспортируйте пакет «в исходящие», чтобы отправить его отсюда.</translation>
    </message>
    <message>
        <source>These bundles stay in the outbox:</source>
        <translation>Эти пакеты остаются в исходящих:</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Upload the selected bundles, or all of them (Ctrl+Return)</source>
        <translation>Загрузить выбранные пакеты или все (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Calls to return and things to check today</source>
        <translation>Кому перезвонить и что проверить сегодня</translation>
    </message>
    <message>
        <source>Contacts logged:</source>
        <translation>Записано контактов:</translation>
    </message>
    <message>
        <source>Drafts:</source>
        <translation>Черновики:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>Follow-ups due:</source>
        <translation>Напоминания:</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Последняя резервная копия:</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Люди:</translation>
    </message>
    <message>
        <source>Show follow-ups</source>
        <translation>Показать напоминания</translation>
    </message>
    <message numerus="yes">
        <source>%n ({overdue} overdue)</source>
        <translation>
            <numerusform>%n (просрочено: {overdue})</numerusform>
            <numerusform>%n (просрочено: {overdue})</numerusform>
            <numerusform>%n (просрочено: {overdue})</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>ещё не было</translation>
    </message>
</context>
<context>
    <name>PassphraseHints</name>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Одно слово легко подобрать.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Добавьте ещё одно-два слова. Лучше редкие.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Всё заглавными подобрать почти так же легко, как всё строчными.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Избегайте дат и годов, связанных с вами.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Избегайте недавних годов.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Избегайте повторов слов и символов.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Избегайте последовательностей.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Избегайте годов, связанных с вами.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Заглавные буквы мало помогают.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Распространённые имена и фамилии легко подобрать.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Даты часто легко подобрать.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Имена и фамилии сами по себе легко подобрать.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>Символы, цифры и заглавные буквы не обязательны.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Предсказуемые замены вроде &apos;@&apos; вместо &apos;a&apos; мало помогают.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Недавние годы легко подобрать.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Повторы вроде &quot;aaa&quot; легко подобрать.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Повторы вроде &quot;abcabcabc&quot; подобрать лишь немного труднее, чем &quot;abc&quot;.</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Слова задом наперёд подобрать ненамного труднее.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Последовательности вроде &quot;abc&quot; или &quot;6543&quot; легко подобрать.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Короткие клавиатурные узоры легко подобрать.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Ряды клавиш подряд легко подобрать.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Это один из 10 самых частых паролей.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Это один из 100 самых частых паролей.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Это очень распространённый пароль.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Это похоже на распространённый пароль.</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Используйте несколько слов, избегайте распространённых фраз.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Используйте более длинный клавиатурный узор с большим числом поворотов.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Ещё раз:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Выберите парольную фразу</translation>
    </message>
    <message>
        <source>Estimated strength against guessing (zxcvbn)</source>
        <translation>Оценка стойкости к подбору (zxcvbn)</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Средняя</translation>
    </message>
    <message>
        <source>I understand; use this weak passphrase anyway</source>
        <translation>Я понимаю; всё равно использовать эту слабую фразу</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>Several unrelated words are easy to remember and hard to guess. Nobody can recover the journal without it or the recovery code.</source>
        <translation>Несколько не связанных между собой слов легко запомнить и трудно подобрать. Без неё или кода восстановления журнал не восстановит никто.</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Стойкость:</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Сильная</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>This passphrase is weak: someone with the laptop could guess it.</source>
        <translation>Эта фраза слабая: тот, у кого окажется ноутбук, может её подобрать.</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Используйте не меньше %n символа.</numerusform>
            <numerusform>Используйте не меньше %n символов.</numerusform>
            <numerusform>Используйте не меньше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Очень сильная</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Очень слабая</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Слабая</translation>
    </message>
</context>
<context>
    <name>PathRow</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Browse for {what}</source>
        <translation>Выбрать: {what}</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Задержан(а)</translation>
    </message>
    <message>
        <source>Detainee</source>
        <translation>Задержанный</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Журналист</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Адвокат</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Officer involved</source>
        <translation>Причастный сотрудник</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Должностное лицо</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>Police/military officer</source>
        <translation>Сотрудник полиции/военкомата</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Родственник</translation>
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
        <translation>Пострадавший</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
</context>
<context>
    <name>PeopleFeature</name>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>&amp;Напоминания</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>&amp;Записать контакт…</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Новый человек…</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Люди</translation>
    </message>
    <message numerus="yes">
        <source>Overview — %n due</source>
        <translation>
            <numerusform>Обзор — %n напоминание</numerusform>
            <numerusform>Обзор — %n напоминания</numerusform>
            <numerusform>Обзор — %n напоминаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a person (Ctrl+Shift+P)</source>
        <translation>Добавить человека (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактов</translation>
    </message>
    <message>
        <source>Counts, follow-ups due and the last backup</source>
        <translation>Итоги, напоминания и последняя резервная копия</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Record a call, message or meeting (Ctrl+Shift+L)</source>
        <translation>Записать звонок, сообщение или встречу (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>What is due today and overdue</source>
        <translation>Что нужно сделать сегодня и что просрочено</translation>
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
        <translation>Добавить человека (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Все роли</translation>
    </message>
    <message>
        <source>Also known as: {names}</source>
        <translation>Также известен как: {names}</translation>
    </message>
    <message>
        <source>Change this person&apos;s details</source>
        <translation>Изменить сведения о человеке</translation>
    </message>
    <message>
        <source>Choose a person on the left, or add one with “New person…”.</source>
        <translation>Выберите человека слева или добавьте нового кнопкой «Новый человек…».</translation>
    </message>
    <message>
        <source>Contact log with this person</source>
        <translation>Журнал контактов с этим человеком</translation>
    </message>
    <message>
        <source>Contact log:</source>
        <translation>Журнал контактов:</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Скопировано. Буфер обмена очистится через 30 секунд.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the selected number or handle; the clipboard is cleared again after 30 seconds</source>
        <translation>Скопировать выбранный номер или аккаунт; буфер обмена очистится через 30 секунд</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Удалить человека</translation>
    </message>
    <message>
        <source>Delete this person for good (log records stay)</source>
        <translation>Удалить человека навсегда (записи журнала контактов останутся)</translation>
    </message>
    <message>
        <source>Delete “{name}” for good, with their history and links to incidents? Contact-log records stay and show “deleted person”. This cannot be undone.</source>
        <translation>Удалить «{name}» навсегда, вместе с историей и связями с инцидентами? Записи журнала контактов останутся с пометкой «удалённый человек». Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Double-click or press Ctrl+C to copy</source>
        <translation>Двойной щелчок или Ctrl+C — копировать</translation>
    </message>
    <message>
        <source>Double-click to open the entry</source>
        <translation>Двойной щелчок — открыть запись</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Найти человека</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>Найти человека…</translation>
    </message>
    <message>
        <source>Incidents this person appears in</source>
        <translation>Инциденты, в которых фигурирует этот человек</translation>
    </message>
    <message>
        <source>Incidents:</source>
        <translation>Инциденты:</translation>
    </message>
    <message>
        <source>Merge people</source>
        <translation>Объединить людей</translation>
    </message>
    <message>
        <source>Merge “{absorb}” into “{keep}”?

Their incidents, contact log, names, roles, phones and handles are combined under “{keep}”. This cannot be undone.</source>
        <translation>Объединить «{absorb}» с «{keep}»?

Инциденты, журнал контактов, имена, роли, телефоны и аккаунты будут собраны под «{keep}». Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <source>Names, other names, phones, handles, organisation and notes</source>
        <translation>Имена, другие имена, телефоны, аккаунты, организация и заметки</translation>
    </message>
    <message>
        <source>New incident with this person</source>
        <translation>Новый инцидент с этим человеком</translation>
    </message>
    <message>
        <source>New log entry</source>
        <translation>Новая запись контакта</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Новый человек…</translation>
    </message>
    <message>
        <source>No people yet. Add the people you deal with: detainees, relatives, lawyers, witnesses.</source>
        <translation>Людей пока нет. Добавьте тех, с кем вы работаете: задержанных, родственников, адвокатов, свидетелей.</translation>
    </message>
    <message>
        <source>No phone numbers or handles.</source>
        <translation>Нет телефонов и аккаунтов.</translation>
    </message>
    <message>
        <source>Nobody matches.</source>
        <translation>Никто не подходит.</translation>
    </message>
    <message>
        <source>Not linked to any incident yet.</source>
        <translation>Пока не связан ни с одним инцидентом.</translation>
    </message>
    <message>
        <source>Organisation: {org}</source>
        <translation>Организация: {org}</translation>
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
        <translation>Телефоны и аккаунты в мессенджерах</translation>
    </message>
    <message>
        <source>Phones and messengers:</source>
        <translation>Телефоны и мессенджеры:</translation>
    </message>
    <message>
        <source>Record a call, message or meeting with this person</source>
        <translation>Записать звонок, сообщение или встречу с этим человеком</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Фильтр по роли</translation>
    </message>
    <message>
        <source>Roles: {roles}</source>
        <translation>Роли: {roles}</translation>
    </message>
    <message>
        <source>Select two records of the same person, then merge them into one</source>
        <translation>Выберите две записи об одном и том же человеке и объедините их в одну</translation>
    </message>
    <message>
        <source>Sensitive: details never leave this laptop.</source>
        <translation>Конфиденциально: сведения никогда не покидают этот ноутбук.</translation>
    </message>
    <message>
        <source>Show only people with this role</source>
        <translation>Показывать только людей с этой ролью</translation>
    </message>
    <message>
        <source>Write a new entry with this person already linked</source>
        <translation>Создать новую запись, уже связанную с этим человеком</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>&amp;Messengers:</source>
        <translation>&amp;Мессенджеры:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Other names:</source>
        <translation>&amp;Другие имена:</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>&amp;Телефоны:</translation>
    </message>
    <message>
        <source>A person needs a name (any name you use for them).</source>
        <translation>Укажите имя (любое, которым вы называете человека).</translation>
    </message>
    <message>
        <source>Any name you use for them</source>
        <translation>Любое имя, которым вы называете человека</translation>
    </message>
    <message>
        <source>Bundles then carry only a random pseudonym and the roles</source>
        <translation>Тогда в пакетах передаются только случайный псевдоним и роли</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Изменить сведения о человеке</translation>
    </message>
    <message>
        <source>Messenger handles</source>
        <translation>Аккаунты в мессенджерах</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Новый человек</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>One per line: signal:+7…, telegram:@name, whatsapp:+380…, email:name@example.org</source>
        <translation>По одному в строке: signal:+7…, telegram:@name, whatsapp:+380…, email:name@example.org</translation>
    </message>
    <message>
        <source>Or&amp;ganisation:</source>
        <translation>&amp;Организация:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Другие имена</translation>
    </message>
    <message>
        <source>Other names, one per line</source>
        <translation>Другие имена, по одному в строке</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Номера телефонов</translation>
    </message>
    <message>
        <source>Phone numbers, one per line</source>
        <translation>Номера телефонов, по одному в строке</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Роли:</translation>
    </message>
    <message>
        <source>Sensitive: this person&apos;s details never leave this laptop</source>
        <translation>Конфиденциально: сведения об этом человеке никогда не покидают этот ноутбук</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Person…</source>
        <extracomment>People a picker offers (the most recently changed first).</extracomment>
        <translation>Человек…</translation>
    </message>
</context>
<context>
    <name>PrepareTravelDialog</name>
    <message>
        <source>Prepare for travel</source>
        <translation>Подготовка к поездке</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Before a border or a search:&lt;/b&gt; the whole journal (entries, people, contact log, photos and files, forms, your identity and coordinators) is sealed into one encrypted travel package. It is read back and checked; only then is the journal &lt;b&gt;erased from this computer&lt;/b&gt;, as an emergency erase does.&lt;/p&gt;&lt;p&gt;Only the &lt;b&gt;recovery code&lt;/b&gt; opens the package, never the passphrase. Keep the code apart from the laptop and the package: without it the journal cannot come back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Перед границей или обыском:&lt;/b&gt; весь журнал (записи, люди, журнал контактов, фото и файлы, формы, ваша личность и координаторы) запечатывается в один зашифрованный дорожный архив. Архив читается обратно и проверяется; только после этого журнал &lt;b&gt;стирается с этого компьютера&lt;/b&gt;, как при экстренном стирании.&lt;/p&gt;&lt;p&gt;Архив открывает только &lt;b&gt;код восстановления&lt;/b&gt;, парольная фраза — никогда. Храните код отдельно от ноутбука и от архива: без него журнал не вернуть.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Save the package to a &amp;file (a USB stick or a folder)</source>
        <translation>Сохранить архив в &amp;файл (флешка или папка)</translation>
    </message>
    <message>
        <source>Send it to a coordinator&apos;s &amp;drop folder</source>
        <translation>Отправить в &amp;папку приёма координатора</translation>
    </message>
    <message>
        <source>Travel package file</source>
        <translation>Файл дорожного архива</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <source>No coordinator has a drop folder.</source>
        <translation>Ни у одного координатора нет папки приёма.</translation>
    </message>
    <message>
        <source>Send through &amp;Tor (running on this computer)</source>
        <translation>Отправить через &amp;Tor (запущенный на этом компьютере)</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <source>Re&amp;hearsal: make and check the package, but keep the journal</source>
        <translation>&amp;Репетиция: создать и проверить архив, но сохранить журнал</translation>
    </message>
    <message>
        <source>I understand: the journal will be &amp;erased from this computer</source>
        <translation>Я понимаю: журнал будет &amp;стёрт с этого компьютера</translation>
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
        <translation>&amp;Код восстановления:</translation>
    </message>
    <message>
        <source>&amp;Seal and erase</source>
        <translation>&amp;Запечатать и стереть</translation>
    </message>
    <message>
        <source>Save the travel package</source>
        <translation>Сохранить дорожный архив</translation>
    </message>
    <message>
        <source>Travel packages (*{suffix})</source>
        <translation>Дорожные архивы (*{suffix})</translation>
    </message>
    <message>
        <source>&amp;Make and check</source>
        <translation>&amp;Создать и проверить</translation>
    </message>
</context>
<context>
    <name>QuickLogBar</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add to the contact log (Enter)</source>
        <translation>Добавить в журнал контактов (Enter)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Кто:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Как:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Направление:</translation>
    </message>
    <message>
        <source>What was said:</source>
        <translation>Что сказали:</translation>
    </message>
    <message>
        <source>Choose a person from the list first.</source>
        <translation>Сначала выберите человека из списка.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>Напомнить до</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Дата напоминания</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Remind me on this day (shown under Follow-ups)</source>
        <translation>Напомнить в этот день (видно в разделе «Напоминания»)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>What was said, e.g. “held at police department no. 5, lawyer not admitted”</source>
        <translation>Что сказали, например «держат в ОП № 5, адвоката не пускают»</translation>
    </message>
    <message>
        <source>Who: type part of a name</source>
        <translation>Кто: введите часть имени</translation>
    </message>
    <message>
        <source>“{name}” is not in your people yet: add them on the People page, then log the contact.</source>
        <translation>«{name}» ещё нет в списке людей: добавьте на странице «Люди», затем запишите контакт.</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>  (not verified: fingerprint not compared)</source>
        <translation>  (не проверен: отпечаток не сверен)</translation>
    </message>
    <message>
        <source>Coordinators to send to</source>
        <translation>Каким координаторам отправить</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>The bundle can be opened only by the coordinators you tick.</source>
        <translation>Открыть пакет смогут только отмеченные вами координаторы.</translation>
    </message>
    <message>
        <source>&amp;Add coordinator…</source>
        <translation>Добавить &amp;координатора…</translation>
    </message>
    <message>
        <source>Paste a coordinator&apos;s card or open their .ijcard file</source>
        <translation>Вставьте карточку координатора или откройте его файл .ijcard</translation>
    </message>
    <message>
        <source>Add coordinator</source>
        <translation>Добавить координатора</translation>
    </message>
    <message>
        <source>No coordinators yet: add one with “Add coordinator…”. You need their card (a line starting with “ijcard1:” or an .ijcard file).</source>
        <translation>Координаторов пока нет: добавьте кнопкой «Добавить координатора…». Нужна его карточка (строка, начинающаяся с «ijcard1:», или файл .ijcard).</translation>
    </message>
    <message>
        <source>⚠ Not verified: {names}. Compare their fingerprint aloud before sending anything sensitive.</source>
        <translation>⚠ Не проверены: {names}. Сверьте отпечаток вслух, прежде чем отправлять что-то конфиденциальное.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again after a minute)</source>
        <translation>Копировать в буфер обмена (он очистится через минуту)</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Я записал(а) код</translation>
    </message>
    <message>
        <source>If you forget the passphrase, this code is the only way back into the journal. It is shown only now. Keep it on paper, away from the laptop.</source>
        <translation>Если вы забудете парольную фразу, этот код — единственный способ вернуться в журнал. Он показывается только сейчас. Храните его на бумаге, отдельно от ноутбука.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer, so printing can only write the recovery code into a PDF file. That file is not encrypted: anyone who gets this laptop can read the code in it and open your journal.

Write the code down by hand instead, or save the file only on a stick you keep apart from the laptop.</source>
        <translation>На этом компьютере не настроен принтер, поэтому печать может только записать код восстановления в PDF-файл. Этот файл не зашифрован: любой, к кому попадёт ноутбук, прочитает в нём код и откроет ваш журнал.

Лучше перепишите код от руки или сохраните файл только на флешку, которую храните отдельно от ноутбука.</translation>
    </message>
    <message>
        <source>This writes the recovery code unencrypted into the file {file}. Anyone who can read that file can open your journal. Write it anyway?</source>
        <translation>Код восстановления будет записан незашифрованным в файл {file}. Любой, кто сможет прочитать этот файл, откроет ваш журнал. Всё равно записать?</translation>
    </message>
    <message>
        <source>(a PDF file)</source>
        <translation>(PDF-файл)</translation>
    </message>
    <message>
        <source>Incident Journal recovery code:</source>
        <translation>Код восстановления «Журнала инцидентов»:</translation>
    </message>
    <message>
        <source>Recovery code in a file</source>
        <translation>Код восстановления в файле</translation>
    </message>
    <message>
        <source>Write the file anyway</source>
        <translation>Всё равно записать файл</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation>Запишите код восстановления</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n entries will be exported.</source>
        <translation>
            <numerusform>Будет экспортирована %n запись.</numerusform>
            <numerusform>Будут экспортированы %n записи.</numerusform>
            <numerusform>Будет экспортировано %n записей.</numerusform>
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
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>&amp;Происхождение:</translation>
    </message>
    <message>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported file is not encrypted.&lt;/b&gt; Anyone who gets it can read everything in it. Save it only where you must, and delete it when done.</source>
        <translation>&lt;b&gt;Экспортированный файл не зашифрован.&lt;/b&gt; Любой, к кому он попадёт, прочтёт всё его содержимое. Сохраняйте его только там, где это необходимо, и удалите, когда он станет не нужен.</translation>
    </message>
    <message>
        <source>A printable report with photos</source>
        <translation>Отчёт для печати с фотографиями</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>Все записи</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Entries in the current list</source>
        <translation>Записи в текущем списке</translation>
    </message>
    <message>
        <source>Everything, for other tools</source>
        <translation>Всё, для других программ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортируется…</translation>
    </message>
    <message>
        <source>For Excel (UTF-8 with BOM)</source>
        <translation>Для Excel (UTF-8 с BOM)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Include photo thumbnails</source>
        <translation>Включить миниатюры фотографий</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Leave out contact details (phone numbers, messenger handles)</source>
        <translation>Без контактных данных (телефоны, аккаунты в мессенджерах)</translation>
    </message>
    <message>
        <source>Lets Excel show Cyrillic and other scripts correctly</source>
        <translation>Чтобы Excel правильно показывал кириллицу и другие алфавиты</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n entries to {name}. Remember: this file is not encrypted.</source>
        <translation>
            <numerusform>Сохранена %n запись, файл {name}. Помните: этот файл не зашифрован.</numerusform>
            <numerusform>Сохранены %n записи, файл {name}. Помните: этот файл не зашифрован.</numerusform>
            <numerusform>Сохранено %n записей, файл {name}. Помните: этот файл не зашифрован.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>Не экспортировано: {reason}</translation>
    </message>
    <message>
        <source>One row per entry, form fields as columns</source>
        <translation>Одна строка на запись, поля форм — столбцы</translation>
    </message>
    <message>
        <source>Own and received</source>
        <translation>Свои и полученные</translation>
    </message>
    <message>
        <source>Own entries only</source>
        <translation>Только свои записи</translation>
    </message>
    <message>
        <source>Own or received entries</source>
        <translation>Свои или полученные записи</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page &amp;size:</source>
        <translation>&amp;Размер страницы:</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Размер страницы</translation>
    </message>
    <message>
        <source>Received entries only</source>
        <translation>Только полученные записи</translation>
    </message>
    <message>
        <source>The selected entry</source>
        <translation>Выбранная запись</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Which entries</source>
        <translation>Какие записи</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Записывается отчёт…</translation>
    </message>
</context>
<context>
    <name>RestoreTravelDialog</name>
    <message>
        <source>Restore after travel</source>
        <translation>Восстановление после поездки</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;After the border:&lt;/b&gt; bring the journal back from its travel package, whole, with its history and your identity (coordinators still recognise you). You need the recovery code. Afterwards, unlock it with your passphrase as before.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;После границы:&lt;/b&gt; верните журнал из дорожного архива целиком, с историей изменений и вашей личностью (координаторы по-прежнему вас узнают). Нужен код восстановления. Потом разблокируйте журнал своей парольной фразой, как раньше.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>Из &amp;файла</translation>
    </message>
    <message>
        <source>From a &amp;drop folder</source>
        <translation>Из &amp;папки приёма</translation>
    </message>
    <message>
        <source>Travel package file</source>
        <translation>Файл дорожного архива</translation>
    </message>
    <message>
        <source>Drop folder address</source>
        <translation>Адрес папки приёма</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Fetch through &amp;Tor (running on this computer)</source>
        <translation>Загрузить через &amp;Tor (запущенный на этом компьютере)</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Папка журнала</translation>
    </message>
    <message>
        <source>Choose an empty folder for the journal</source>
        <translation>Выберите пустую папку для журнала</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Код восстановления:</translation>
    </message>
    <message>
        <source>Restore into:</source>
        <translation>Восстановить в:</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Open a travel package</source>
        <translation>Открыть дорожный архив</translation>
    </message>
    <message>
        <source>Travel packages (*{suffix});;All files (*)</source>
        <translation>Дорожные архивы (*{suffix});;Все файлы (*)</translation>
    </message>
    <message>
        <source>The journal is back in {folder}. Unlock it with your passphrase, as before the journey.</source>
        <translation>Журнал снова в папке {folder}. Разблокируйте его своей парольной фразой, как до поездки.</translation>
    </message>
    <message>
        <source>Restoring the journal from its travel package…</source>
        <translation>Журнал восстанавливается из дорожного архива…</translation>
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
        <translation> мин</translation>
    </message>
    <message>
        <source> wrong passphrases in a row</source>
        <translation> неверных парольных фраз подряд</translation>
    </message>
    <message>
        <source>&amp;Erase the journal after</source>
        <translation>&amp;Стереть журнал после</translation>
    </message>
    <message>
        <source>&amp;Remind me to back up after:</source>
        <translation>&amp;Напоминать о резервной копии через:</translation>
    </message>
    <message>
        <source>Backup reminder after days</source>
        <translation>Напоминание о резервной копии через столько дней</translation>
    </message>
    <message>
        <source>Failed attempts before erase</source>
        <translation>Неудачных попыток до стирания</translation>
    </message>
    <message>
        <source>Honestly: this only stops guessing through this app. Someone who copies the disk guesses offline where no counter exists (Argon2id is what slows them). It also erases after your own typos or a child playing with the keyboard, and there is no undo — keep a backup.</source>
        <translation>Честно: это мешает подбору только через это приложение. Тот, кто скопирует диск, будет подбирать офлайн, где счётчика нет (замедляет его Argon2id). Журнал сотрётся и после ваших собственных опечаток или если ребёнок поиграет с клавиатурой, и отменить это нельзя — держите резервную копию.</translation>
    </message>
    <message>
        <source>D&amp;uress passphrase…</source>
        <translation>&amp;Тревожная парольная фраза…</translation>
    </message>
    <message>
        <source>Lock when &amp;idle for</source>
        <translation>Блокировать при &amp;бездействии через</translation>
    </message>
    <message>
        <source>Lock when the &amp;screen locks or the laptop goes to sleep</source>
        <translation>Блокировать при блокировке &amp;экрана или переходе в сон</translation>
    </message>
    <message>
        <source>Lock when the window is &amp;minimized</source>
        <translation>Блокировать при &amp;сворачивании окна</translation>
    </message>
    <message>
        <source>Minutes before the idle lock</source>
        <translation>Минут до блокировки при бездействии</translation>
    </message>
    <message>
        <source>Safety settings</source>
        <translation>Настройки безопасности</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
</context>
<context>
    <name>SaveCopyDialog</name>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>Save a copy of “{name}” ({size}) outside the journal.</source>
        <translation>Сохранить копию «{name}» ({size}) вне журнала.</translation>
    </message>
    <message>
        <source>&amp;Remove identifying metadata (location, camera, author, dates)</source>
        <translation>&amp;Удалить идентифицирующие метаданные (место, камера, автор, даты)</translation>
    </message>
    <message>
        <source>The copy is NOT encrypted: anyone who can open the folder can read it. The original stays encrypted in the journal.</source>
        <translation>Копия НЕ зашифрована: её прочтёт любой, кто откроет папку. Оригинал остаётся зашифрованным в журнале.</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Выбрать, куда сохранить…</translation>
    </message>
    <message>
        <source>Checking what this file reveals…</source>
        <translation>Проверяется, что раскрывает этот файл…</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Send bundle</source>
        <translation>&amp;Отправить пакет</translation>
    </message>
    <message>
        <source>&amp;Write bundle</source>
        <translation>&amp;Записать пакет</translation>
    </message>
    <message>
        <source>Browse for the bundle file</source>
        <translation>Выбрать файл пакета</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Файл пакета</translation>
    </message>
    <message>
        <source>Bundles (*.ijbundle)</source>
        <translation>Пакеты (*.ijbundle)</translation>
    </message>
    <message>
        <source>Choose the folder and file name</source>
        <translation>Выберите папку и имя файла</translation>
    </message>
    <message>
        <source>Copy it to them any way you like. The file name is random on purpose: it says nothing about you or the entries.</source>
        <translation>Передайте его любым удобным способом. Имя файла намеренно случайное: оно ничего не говорит о вас или о записях.</translation>
    </message>
    <message>
        <source>Enter the drop folder a coordinator gave you</source>
        <translation>Введите папку для пакетов, которую дал координатор</translation>
    </message>
    <message>
        <source>No drop folder yet for: {names}.</source>
        <translation>Ещё нет папки для пакетов: {names}.</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Сохранить пакет</translation>
    </message>
    <message>
        <source>Save to a &amp;file</source>
        <translation>Сохранить в &amp;файл</translation>
    </message>
    <message>
        <source>Send to their &amp;drop folder</source>
        <translation>Отправить в их &amp;папку для пакетов</translation>
    </message>
    <message>
        <source>Set &amp;up drop folder…</source>
        <translation>Настроить &amp;папку для пакетов…</translation>
    </message>
    <message>
        <source>Set up drop folder</source>
        <translation>Настроить папку для пакетов</translation>
    </message>
    <message>
        <source>The bundle is encrypted for the chosen coordinators.</source>
        <translation>Пакет зашифрован для выбранных координаторов.</translation>
    </message>
    <message>
        <source>Uploaded now through the outbox. If sending fails, the bundle stays in the outbox with the reason, to send again later.</source>
        <translation>Загружается сразу через исходящие. Если отправить не удастся, пакет останется в исходящих с указанием причины, чтобы отправить его позже.</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Куда</translation>
    </message>
</context>
<context>
    <name>SearchHitsPanel</name>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактов</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>Двойной щелчок или Enter — открыть</translation>
    </message>
    <message>
        <source>People and contact-log matches</source>
        <translation>Совпадения среди людей и в журнале контактов</translation>
    </message>
    <message>
        <source>People: {people}, contact log: {log}</source>
        <translation>Люди: {people}, журнал контактов: {log}</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Вставить</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>В&amp;ыделить всё</translation>
    </message>
</context>
<context>
    <name>SendersPage</name>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Compare fingerprint…</source>
        <translation>&amp;Сверить отпечаток…</translation>
    </message>
    <message>
        <source>&amp;Trust again</source>
        <translation>&amp;Снова доверять</translation>
    </message>
    <message>
        <source>Block sender</source>
        <translation>Заблокировать отправителя</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>Bundles / entries</source>
        <translation>Пакеты / записи</translation>
    </message>
    <message>
        <source>Change the name shown for this sender</source>
        <translation>Изменить отображаемое имя отправителя</translation>
    </message>
    <message>
        <source>Documenters whose bundles you imported. Verify a sender after comparing the fingerprint with them aloud; block a sender to refuse their future bundles.</source>
        <translation>Документаторы, чьи пакеты вы импортировали. Отметьте отправителя проверенным, сверив с ним отпечаток вслух; заблокируйте, чтобы отклонять его будущие пакеты.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>First bundle</source>
        <translation>Первый пакет</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Последний пакет</translation>
    </message>
    <message>
        <source>Mark &amp;not verified</source>
        <translation>Отметить как &amp;непроверенного</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>No senders yet. Import a bundle (Journal ▸ Import bundles…) or drop one on the window.</source>
        <translation>Отправителей пока нет. Импортируйте пакет (Журнал ▸ Импорт пакетов…) или перетащите его на окно.</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Пере&amp;именовать…</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud with the documenter and mark them verified</source>
        <translation>Сверить отпечаток вслух с документатором и отметить его проверенным</translation>
    </message>
    <message>
        <source>Refuse every future bundle from {name}? What was already imported stays.</source>
        <translation>Отклонять все будущие пакеты от {name}? Уже импортированное останется.</translation>
    </message>
    <message>
        <source>Refuse this sender&apos;s future bundles</source>
        <translation>Отклонять будущие пакеты этого отправителя</translation>
    </message>
    <message>
        <source>Rename sender</source>
        <translation>Переименовать отправителя</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Отправители</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Доверенный</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверен</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>&amp;Блокировать при бездействии через:</translation>
    </message>
    <message>
        <source>Default &amp;time zone:</source>
        <translation>&amp;Часовой пояс по умолчанию:</translation>
    </message>
    <message>
        <source>The interface language. The app offers to restart when it changes.</source>
        <translation>Язык интерфейса. При его смене приложение предложит перезапуститься.</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Lock the journal after this long without keyboard or mouse use</source>
        <translation>Блокировать журнал, если столько времени не пользовались клавиатурой или мышью</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Settings hold no journal data; they are stored unencrypted.</source>
        <translation>Настройки не содержат данных журнала; они хранятся незашифрованными.</translation>
    </message>
    <message>
        <source>System ({zone})</source>
        <translation>Системный ({zone})</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Used for new entries</source>
        <translation>Используется для новых записей</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All entries</source>
        <translation>Все записи</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>заголовок</translation>
    </message>
    <message>
        <source>Choose what the entry list shows</source>
        <translation>Выберите, что показывать в списке записей</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <source>Sections and filters</source>
        <translation>Разделы и фильтры</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>&amp;Copy table</source>
        <translation>&amp;Копировать таблицу</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Даты</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(ничего)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Statistics&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Статистика&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>A second dimension, e.g. place then day</source>
        <translation>Второй признак, например место, затем день</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>Копировать таблицу</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text (Ctrl+Shift+C); the clipboard is cleared after a short time</source>
        <translation>Копировать таблицу как текст с табуляциями (Ctrl+Shift+C); буфер обмена вскоре очистится</translation>
    </message>
    <message>
        <source>Count by</source>
        <translation>Считать по</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Итоги</translation>
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
        <translation>Начальная дата</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Нет записей, подходящих под эти фильтры.</translation>
    </message>
    <message>
        <source>Only entries that happened between these dates</source>
        <translation>Только записи о событиях между этими датами</translation>
    </message>
    <message>
        <source>Own and received</source>
        <translation>Свои и полученные</translation>
    </message>
    <message>
        <source>Own entries</source>
        <translation>Свои записи</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Received entries</source>
        <translation>Полученные записи</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message numerus="yes">
        <source> (chart shows the first %n rows)</source>
        <translation>
            <numerusform> (на диаграмме первая %n строка)</numerusform>
            <numerusform> (на диаграмме первые %n строки)</numerusform>
            <numerusform> (на диаграмме первые %n строк)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries counted.</source>
        <translation>
            <numerusform>Подсчитана %n запись.</numerusform>
            <numerusform>Подсчитаны %n записи.</numerusform>
            <numerusform>Подсчитано %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Table copied; the clipboard is cleared after a short time.</source>
        <translation>Таблица скопирована; буфер обмена вскоре очистится.</translation>
    </message>
    <message>
        <source>Then by</source>
        <translation>Затем по</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Конечная дата</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>What to count entries by</source>
        <translation>По какому признаку считать записи</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Bundle not sent</source>
        <translation>Пакет не отправлен</translation>
    </message>
    <message>
        <source>Bundle sent</source>
        <translation>Пакет отправлен</translation>
    </message>
    <message>
        <source>{entries}, {people}, {notes}, {files}; {size}.</source>
        <translation>{entries}, {people}, {notes}, {files}; {size}.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n человек</numerusform>
            <numerusform>%n человека</numerusform>
            <numerusform>%n человек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact-log notes</source>
        <translation>
            <numerusform>%n запись о контакте</numerusform>
            <numerusform>%n записи о контактах</numerusform>
            <numerusform>%n записей о контактах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos and files</source>
        <translation>
            <numerusform>%n фотография или файл</numerusform>
            <numerusform>%n фотографии и файла</numerusform>
            <numerusform>%n фотографий и файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>No file manager could be opened on this computer. The bundle was saved in:
{folder}</source>
        <translation>На этом компьютере не удалось открыть файловый менеджер. Пакет сохранён в папке:
{folder}</translation>
    </message>
    <message>
        <source>Bundle written</source>
        <translation>Пакет записан</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>Для: {names}</translation>
    </message>
    <message>
        <source>Not sent to {name}: {reason}</source>
        <translation>Не отправлено {name}: {reason}</translation>
    </message>
    <message>
        <source>Note: {w}</source>
        <translation>Примечание: {w}</translation>
    </message>
    <message>
        <source>Open the folder that holds the bundle</source>
        <translation>Открыть папку с пакетом</translation>
    </message>
    <message>
        <source>Sent to {name}&apos;s drop folder.</source>
        <translation>Отправлено в папку для пакетов: {name}.</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Показать в &amp;папке</translation>
    </message>
    <message>
        <source>The bundle stays in the outbox: send it again from the Outbox page.</source>
        <translation>Пакет остаётся в исходящих: отправьте его снова со страницы «Исходящие».</translation>
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
        <translation>&amp;Загрузить пакеты</translation>
    </message>
    <message>
        <source>&amp;Inbox folders…</source>
        <translation>&amp;Входящие папки…</translation>
    </message>
    <message>
        <source>&amp;Network settings…</source>
        <translation>Настройки &amp;сети…</translation>
    </message>
    <message>
        <source>Add an inbox folder first (Journal → Inbox folders…).</source>
        <translation>Сначала добавьте входящую папку (Журнал → Входящие папки…).</translation>
    </message>
    <message>
        <source>Download and import new bundles from your inbox folders</source>
        <translation>Загрузить и импортировать новые пакеты из входящих папок</translation>
    </message>
    <message>
        <source>Fetching bundles…</source>
        <translation>Загружаются пакеты…</translation>
    </message>
    <message>
        <source>Folders to fetch bundles from (coordinators)</source>
        <translation>Папки, из которых забирать пакеты (для координаторов)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <source>Proxy (Tor) and timeouts for sending and fetching</source>
        <translation>Прокси (Tor) и тайм-ауты для отправки и загрузки</translation>
    </message>
</context>
<context>
    <name>TravelActions</name>
    <message>
        <source>Prepare for &amp;travel…</source>
        <translation>Подготовиться к &amp;поездке…</translation>
    </message>
    <message>
        <source>Seal the whole journal into one package that only the recovery code opens, then erase it from this computer</source>
        <translation>Запечатать весь журнал в один архив, который открывает только код восстановления, затем стереть журнал с этого компьютера</translation>
    </message>
    <message>
        <source>Restore after tra&amp;vel…</source>
        <translation>Восстановить после по&amp;ездки…</translation>
    </message>
    <message>
        <source>Bring a journal back from its travel package</source>
        <translation>Вернуть журнал из дорожного архива</translation>
    </message>
    <message>
        <source>{name} in {url}</source>
        <translation>{name} в {url}</translation>
    </message>
    <message>
        <source>Rehearsal: the travel package {place} was made and checked. The journal was kept.</source>
        <translation>Репетиция: дорожный архив {place} создан и проверен. Журнал сохранён.</translation>
    </message>
    <message>
        <source>The journal was sealed into {place}, checked, and erased from this computer. Only the recovery code opens the package. The app will now close.</source>
        <translation>Журнал запечатан в {place}, проверен и стёрт с этого компьютера. Архив открывает только код восстановления. Сейчас приложение закроется.</translation>
    </message>
    <message>
        <source>Cancelled. The journal was not erased.</source>
        <translation>Отменено. Журнал не стёрт.</translation>
    </message>
    <message>
        <source>The journal was not erased.</source>
        <translation>Журнал не стёрт.</translation>
    </message>
    <message>
        <source>Sealing the journal into a travel package and checking it…</source>
        <translation>Журнал запечатывается в дорожный архив и проверяется…</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Код восстановления:</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Открываем журнал…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>Stop the update: the journal stays as it was, and the update starts again at the next unlock</source>
        <translation>Остановить обновление: журнал останется прежним, а обновление начнётся заново при следующей разблокировке</translation>
    </message>
    <message>
        <source>A journal kept elsewhere, e.g. on an encrypted USB stick</source>
        <translation>Журнал в другом месте, например на зашифрованной флешке</translation>
    </message>
    <message>
        <source>Updating the journal for this version of the app: {percent}%. This happens once and can take a few minutes.</source>
        <translation>Журнал обновляется для этой версии приложения: {percent}%. Это происходит один раз и может занять несколько минут.</translation>
    </message>
    <message>
        <source>The update was stopped and undone: the journal is as it was. It starts again the next time you unlock.</source>
        <translation>Обновление остановлено и отменено: журнал остался прежним. Оно начнётся заново при следующей разблокировке.</translation>
    </message>
    <message>
        <source>Choose a journal folder</source>
        <translation>Выберите папку журнала</translation>
    </message>
    <message>
        <source>Emergency: destroy this journal for good, without the passphrase</source>
        <translation>Экстренно: уничтожить этот журнал навсегда, без парольной фразы</translation>
    </message>
    <message>
        <source>Erase this journal…</source>
        <translation>Стереть этот журнал…</translation>
    </message>
    <message>
        <source>Forgot it? Use the recovery code</source>
        <translation>Забыли? Используйте код восстановления</translation>
    </message>
    <message>
        <source>Incident Journal is locked</source>
        <translation>«Журнал инцидентов» заблокирован</translation>
    </message>
    <message>
        <source>Journal folder: {folder}</source>
        <translation>Папка журнала: {folder}</translation>
    </message>
    <message>
        <source>Open another journal folder…</source>
        <translation>Открыть другую папку журнала…</translation>
    </message>
    <message>
        <source>That recovery code does not open this journal.</source>
        <translation>Этот код восстановления не подходит к этому журналу.</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Ввести парольную фразу</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Неверная парольная фраза. Проверьте раскладку клавиатуры и Caps Lock и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify evidence package</source>
        <translation>Проверка пакета доказательств</translation>
    </message>
    <message>
        <source>Checks every file&apos;s SHA-256, the coordinator&apos;s and the documenters&apos; signatures, and each entry&apos;s revision chain. It proves the package is unchanged since it was made, not that what it shows is true.</source>
        <translation>Проверяет SHA-256 каждого файла, подписи координатора и документаторов и цепочку версий каждой записи. Это доказывает, что пакет не изменился после создания, но не то, что показанное в нём — правда.</translation>
    </message>
    <message>
        <source>Open a package to check it.</source>
        <translation>Откройте пакет, чтобы его проверить.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <source>Open a &amp;ZIP file…</source>
        <translation>Открыть &amp;ZIP-файл…</translation>
    </message>
    <message>
        <source>Open a &amp;folder…</source>
        <translation>Открыть &amp;папку…</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-файлы (*.zip)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Проверка {name}…</translation>
    </message>
    <message>
        <source>Checking the evidence package…</source>
        <translation>Проверка пакета доказательств…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The package holds.&lt;/b&gt; Compare the coordinator&apos;s key SHA-256 {key} with the one the coordinator gives you.</source>
        <translation>&lt;b&gt;Пакет цел.&lt;/b&gt; Сверьте SHA-256 ключа координатора {key} со значением, которое вам сообщит координатор.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The package does NOT hold.&lt;/b&gt; Checks failed: %n</source>
        <translation>
            <numerusform>&lt;b&gt;Пакет НЕ цел.&lt;/b&gt; Не пройдено проверок: %n</numerusform>
            <numerusform>&lt;b&gt;Пакет НЕ цел.&lt;/b&gt; Не пройдено проверок: %n</numerusform>
            <numerusform>&lt;b&gt;Пакет НЕ цел.&lt;/b&gt; Не пройдено проверок: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked: {reason}</source>
        <translation>Не проверено: {reason}</translation>
    </message>
</context>
<context>
    <name>WhatPage</name>
    <message>
        <source>&amp;All my entries</source>
        <translation>&amp;Все мои записи</translation>
    </message>
    <message>
        <source>Entries go with the people linked to them and their photos and files.</source>
        <translation>Записи отправляются вместе со связанными людьми, фотографиями и файлами.</translation>
    </message>
    <message>
        <source>Entries to send</source>
        <translation>Какие записи отправить</translation>
    </message>
    <message>
        <source>&amp;Everything new or changed since the last bundle to them</source>
        <translation>Всё новое или &amp;изменённое с последнего пакета этим координаторам</translation>
    </message>
    <message>
        <source>Include &amp;drafts</source>
        <translation>Включить &amp;черновики</translation>
    </message>
    <message>
        <source>Entries still marked as drafts stay on this computer unless you tick this</source>
        <translation>Записи, которые ещё помечены как черновики, остаются на этом компьютере, если не отметить это</translation>
    </message>
    <message>
        <source>What will &amp;leave this computer:</source>
        <translation>Что &amp;покинет этот компьютер:</translation>
    </message>
    <message>
        <source>Entry or file</source>
        <translation>Запись или файл</translation>
    </message>
    <message>
        <source>What is sent</source>
        <translation>Что отправляется</translation>
    </message>
    <message>
        <source>Entries and files that will leave this computer</source>
        <translation>Записи и файлы, которые покинут этот компьютер</translation>
    </message>
    <message>
        <source>{entries}, {files} ({size}).</source>
        <translation>{entries}, {files} ({size}).</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos and files</source>
        <translation>
            <numerusform>%n фотография или файл</numerusform>
            <numerusform>%n фотографии и файла</numerusform>
            <numerusform>%n фотографий и файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send with this choice.</source>
        <translation>При таком выборе отправлять нечего.</translation>
    </message>
    <message numerus="yes">
        <source>%n drafts stay on this computer.</source>
        <translation>
            <numerusform>%n черновик остаётся на этом компьютере.</numerusform>
            <numerusform>%n черновика остаются на этом компьютере.</numerusform>
            <numerusform>%n черновиков остаются на этом компьютере.</numerusform>
        </translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>final</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>left out: too large</source>
        <translation>не отправляется: слишком большой</translation>
    </message>
    <message>
        <source>sent as it is, hidden data kept</source>
        <translation>отправляется как есть, скрытые данные сохранены</translation>
    </message>
    <message>
        <source>cleaned: hidden data removed</source>
        <translation>очищен: скрытые данные удалены</translation>
    </message>
    <message>
        <source>NOT cleaned: sent as it is</source>
        <translation>НЕ очищен: отправляется как есть</translation>
    </message>
    <message>
        <source>cannot be cleaned: stops the bundle</source>
        <translation>нельзя очистить: пакет не будет записан</translation>
    </message>
    <message>
        <source>The &amp;selected entry</source>
        <translation>&amp;Выбранную запись</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>Что отправить</translation>
    </message>
</context>
</TS>
