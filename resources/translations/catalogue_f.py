"""Translations, batch F (export wizard "Send to drop folder", Coordinators' drop-folder button,
the editor's "Until" field and "Copy entry as text"). See catalogue_a.py."""

TRANSLATIONS = {
    # Coordinators page
    "Set where bundles for this coordinator are uploaded": (
        "Указать, куда загружать пакеты для этого координатора",
        "Вказати, куди завантажувати пакети для цього координатора"),
    # "Copy entry as text"
    "Where": ("Где", "Де"),
    "&Copy entry as text": ("&Копировать запись как текст", "&Копіювати запис як текст"),
    "Copy the shown entry as plain text; the clipboard is cleared again after 30 seconds": (
        "Скопировать показанную запись простым текстом; буфер обмена очистится через 30 секунд",
        "Скопіювати показаний запис простим текстом; буфер обміну очиститься через 30 секунд"),
    # Editor: the end time
    "End not saved: it is before the start.": (
        "Окончание не сохранено: оно раньше начала.", "Кінець не збережено: він раніше за початок."),
    "Has an &end": ("Есть &окончание", "Має &кінець"),
    "It lasted for a while: give the time it ended": (
        "Это длилось какое-то время: укажите, когда закончилось",
        "Це тривало якийсь час: вкажіть, коли закінчилося"),
    "Until": ("До", "До"),
    "Until:": ("До:", "До:"),
    "When it ended, in the same time zone as the start": (
        "Когда закончилось, в том же часовом поясе, что и начало",
        "Коли закінчилося, в тому ж часовому поясі, що й початок"),
    # Export wizard: where to
    "Sending the bundle…": ("Отправка пакета…", "Надсилання пакета…"),
    "Sending was cancelled.": ("Отправка отменена.", "Надсилання скасовано."),
    "&Send bundle": ("&Отправить пакет", "&Надіслати пакет"),
    "Browse for the bundle file": ("Выбрать файл пакета", "Вибрати файл пакета"),
    "Copy it to them any way you like. The file name is random on purpose: it says nothing about you or the entries.": (
        "Передайте его любым удобным способом. Имя файла намеренно случайное: оно ничего не говорит "
        "о вас или о записях.",
        "Передайте його будь-яким зручним способом. Назва файлу навмисно випадкова: вона нічого не "
        "каже про вас чи про записи."),
    "Enter the drop folder a coordinator gave you": (
        "Введите папку для пакетов, которую дал координатор", "Введіть теку для пакетів, яку дав координатор"),
    "No drop folder yet for: {names}.": ("Ещё нет папки для пакетов: {names}.", "Ще немає теки для пакетів: {names}."),
    "Save to a &file": ("Сохранить в &файл", "Зберегти у &файл"),
    "Send to their &drop folder": ("Отправить в их &папку для пакетов", "Надіслати в їхню &теку для пакетів"),
    "Set &up drop folder…": ("&Настроить папку для пакетов…", "&Налаштувати теку для пакетів…"),
    "Set up drop folder": ("Настроить папку для пакетов", "Налаштувати теку для пакетів"),
    "The bundle is encrypted for the chosen coordinators.": (
        "Пакет зашифрован для выбранных координаторов.", "Пакет зашифровано для вибраних координаторів."),
    "Uploaded now through the outbox. If sending fails, the bundle stays in the outbox with the reason, to send again later.": (
        "Загружается сразу через исходящие. Если отправить не удастся, пакет останется в исходящих "
        "с указанием причины, чтобы отправить его позже.",
        "Завантажується одразу через вихідні. Якщо надіслати не вдасться, пакет залишиться у вихідних "
        "із зазначенням причини, щоб надіслати його пізніше."),
    "Where to": ("Куда", "Куди"),
    "Bundle not sent": ("Пакет не отправлен", "Пакет не надіслано"),
    "Bundle sent": ("Пакет отправлен", "Пакет надіслано"),
    "Not sent to {name}: {reason}": ("Не отправлено {name}: {reason}", "Не надіслано {name}: {reason}"),
    "Sent to {name}'s drop folder.": ("Отправлено в папку для пакетов: {name}.", "Надіслано в теку для пакетів: {name}."),
    "The bundle stays in the outbox: send it again from the Outbox page.": (
        "Пакет остаётся в исходящих: отправьте его снова со страницы «Исходящие».",
        "Пакет залишається у вихідних: надішліть його знову зі сторінки «Вихідні»."),
}
