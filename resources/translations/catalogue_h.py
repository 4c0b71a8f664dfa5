"""Translations, batch H (the desktop second pass, issue 17). source -> (Russian, Ukrainian).

Read by tools/update_translations.py, like the other batches.
"""

TRANSLATIONS = {
    '<p>The English word <b>ERASE</b> works too, in any keyboard layout.</p>': (
        '<p>Английское слово <b>ERASE</b> тоже подходит, в любой раскладке клавиатуры.</p>',
        '<p>Англійське слово <b>ERASE</b> теж підходить, у будь-якій розкладці клавіатури.</p>'),
    '“{title}” moved to the trash.': ('Запись «{title}» перемещена в корзину.', 'Запис «{title}» переміщено до кошика.'),
}
