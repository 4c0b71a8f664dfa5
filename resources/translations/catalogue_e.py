"""Translations, batch E (zxcvbn passphrase hints, ui/common/i18n.py strength_hint; menu bar groups). See catalogue_a.py."""

TRANSLATIONS = {
    "A word by itself is easy to guess.": ("Одно слово легко подобрать.", "Одне слово легко підібрати."),
    "Add another word or two. Uncommon words are better.": (
        "Добавьте ещё одно-два слова. Лучше редкие.", "Додайте ще одне-два слова. Краще рідкісні."),
    "All-uppercase is almost as easy to guess as all-lowercase.": (
        "Всё заглавными подобрать почти так же легко, как всё строчными.",
        "Усе великими літерами підібрати майже так само легко, як усе малими."),
    "Avoid dates and years that are associated with you.": (
        "Избегайте дат и годов, связанных с вами.", "Уникайте дат і років, пов'язаних із вами."),
    "Avoid recent years.": ("Избегайте недавних годов.", "Уникайте недавніх років."),
    "Avoid repeated words and characters.": ("Избегайте повторов слов и символов.", "Уникайте повторів слів і символів."),
    "Avoid sequences.": ("Избегайте последовательностей.", "Уникайте послідовностей."),
    "Avoid years that are associated with you.": ("Избегайте годов, связанных с вами.", "Уникайте років, пов'язаних із вами."),
    "Capitalization doesn't help very much.": ("Заглавные буквы мало помогают.", "Великі літери мало допомагають."),
    "Common names and surnames are easy to guess.": (
        "Распространённые имена и фамилии легко подобрать.", "Поширені імена та прізвища легко підібрати."),
    "Dates are often easy to guess.": ("Даты часто легко подобрать.", "Дати часто легко підібрати."),
    "Names and surnames by themselves are easy to guess.": (
        "Имена и фамилии сами по себе легко подобрать.", "Імена та прізвища самі по собі легко підібрати."),
    "No need for symbols, digits, or uppercase letters.": (
        "Символы, цифры и заглавные буквы не обязательны.", "Символи, цифри й великі літери не обов'язкові."),
    "Predictable substitutions like '@' instead of 'a' don't help very much.": (
        "Предсказуемые замены вроде '@' вместо 'a' мало помогают.", "Передбачувані заміни на кшталт '@' замість 'a' мало допомагають."),
    "Recent years are easy to guess.": ("Недавние годы легко подобрать.", "Недавні роки легко підібрати."),
    'Repeats like "aaa" are easy to guess.': ('Повторы вроде "aaa" легко подобрать.', 'Повтори на кшталт "aaa" легко підібрати.'),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': (
        'Повторы вроде "abcabcabc" подобрать лишь немного труднее, чем "abc".',
        'Повтори на кшталт "abcabcabc" підібрати лише трохи важче, ніж "abc".'),
    "Reversed words aren't much harder to guess.": (
        "Слова задом наперёд подобрать ненамного труднее.", "Слова задом наперед підібрати ненабагато важче."),
    'Sequences like "abc" or "6543" are easy to guess.': (
        'Последовательности вроде "abc" или "6543" легко подобрать.', 'Послідовності на кшталт "abc" або "6543" легко підібрати.'),
    "Short keyboard patterns are easy to guess.": (
        "Короткие клавиатурные узоры легко подобрать.", "Короткі клавіатурні візерунки легко підібрати."),
    "Straight rows of keys are easy to guess.": ("Ряды клавиш подряд легко подобрать.", "Ряди клавіш поспіль легко підібрати."),
    "This is a top-10 common password.": ("Это один из 10 самых частых паролей.", "Це один із 10 найпоширеніших паролів."),
    "This is a top-100 common password.": ("Это один из 100 самых частых паролей.", "Це один із 100 найпоширеніших паролів."),
    "This is a very common password.": ("Это очень распространённый пароль.", "Це дуже поширений пароль."),
    "This is similar to a commonly used password.": (
        "Это похоже на распространённый пароль.", "Це схоже на поширений пароль."),
    "Use a few words, avoid common phrases.": (
        "Используйте несколько слов, избегайте распространённых фраз.", "Використовуйте кілька слів, уникайте поширених фраз."),
    "Use a longer keyboard pattern with more turns.": (
        "Используйте более длинный клавиатурный узор с большим числом поворотов.",
        "Використовуйте довший клавіатурний візерунок із більшою кількістю поворотів."),
    # Menus (ui/menus.py): the regrouped menu bar and its "go to page" actions.
    "&Coordinators": ("&Координаторы", "&Координатори"),
    "&Outbox": ("&Исходящие", "&Вихідні"),
    "&Reports": ("О&тчёты", "З&віти"),
    "E&xchange": ("&Обмен", "&Обмін"),
    "S&enders": ("Отп&равители", "Від&правники"),
}
