"""Screenshots of the wizard, unlock window and main window for docs/screenshots/.

Creates a throwaway journal (encrypted, in a temporary folder that is erased
afterwards) with sample entries in Russian and English, drives the real
widgets and saves QWidget.grab() images. Run offscreen or under Xvfb:

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py
    xvfb-run -s "-screen 0 1920x1200x24" python tools/screenshots.py --scale 2 --out /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A cheap KDF for a throwaway sample journal only; the app's defaults are untouched.
SAMPLE_KDF_KIB = 16384
PASSPHRASE = "sample passphrase for screenshots"

SAMPLES = [
    dict(title="Задержания у метро «Пушкинская»",
         body="Около 19:40 сотрудники ОМОН задержали 14 человек у выхода из метро. Двоих несли на руках. "
              "Автозаки увезли в ОВД «Тверской». Родственникам не сообщили.\n\nСвидетели: двое, контакты в "
              "журнале звонков.",
         occurred_at="2024-03-01T19:40", occurred_tz="Europe/Moscow", place="Москва, Пушкинская площадь",
         latitude=55.7653, longitude=37.6056, category="detention", tags=["протест", "ОМОН"],
         status="final", source="witnessed"),
    dict(title="Повестка выдана отцу пятерых детей",
         body="Военкомат вручил повестку мужчине 52 лет, отцу пятерых детей. Семья просит юриста. "
              "Копия повестки и свидетельства о рождении детей есть.",
         occurred_at="2024-02-27", occurred_tz="Europe/Moscow", place="Казань",
         category="mobilization", tags=["мобилизация"], status="draft", source="reported"),
    dict(title="Court hearing: administrative case of a protester",
         body="Hearing postponed for the third time. The judge refused to admit video evidence. "
              "Lawyer will appeal; next hearing on 14 March.",
         occurred_at="2024-03-04T10:00", occurred_tz="Europe/Moscow", place="Tverskoy District Court, Moscow",
         category="court_hearing", tags=["appeal", "протест"], status="final", source="witnessed"),
    dict(title="Detentions after the flower-laying",
         body="Police detained 6 people who brought flowers to the memorial. One reports being hit in the van.",
         occurred_at="2024-02-16T21:15", occurred_tz="Europe/Moscow", place="St Petersburg, Solovetsky Stone",
         category="detention", tags=["memorial", "протест"], status="final", source="media"),
    dict(title="Звонок от матери задержанного",
         body="Мать сообщила, что сына не выпускают вторые сутки и не дают встретиться с адвокатом.",
         occurred_at="2024-03-02T09:05", occurred_tz="Europe/Moscow", place="Москва",
         category="detention", tags=["адвокат"], status="draft", source="reported"),
    dict(title="Conscientious objection: alternative service refused",
         body="The commission refused alternative civilian service without hearing the applicant.",
         occurred_at="2024-01-22", occurred_tz="Europe/Moscow", place="Yekaterinburg",
         category="conscientious_objection", tags=["alternative service"], status="final", source="reported"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR (2 for a 200%% check)")
    parser.add_argument("--dark", action="store_true", help="force a dark palette (to check contrast)")
    parser.add_argument("--lang", default="", help="interface language: en, ru or uk (files get a -ru/-uk suffix)")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="ij-shots-"))
    os.environ["JOURNAL_CONFIG_HOME"] = str(work / "config")
    try:
        return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette, QColor
    from PySide6.QtWidgets import QApplication

    from journal.keyslots import KdfParams
    from journal.vault import Journal
    from ui.app import AppContext, AppController
    from ui.resources import app_icon
    from ui.settings import Settings
    from ui.wizard import FirstRunWizard

    app = QApplication.instance() or QApplication(["incident-journal"])
    app.setWindowIcon(app_icon())
    if args.lang:
        from ui.i18n import install_translations

        install_translations(app, args.lang)
    if args.dark:
        app.setStyle("Fusion")
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        palette = QPalette()
        for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                            (QPalette.ColorRole.AlternateBase, "#262626"), (QPalette.ColorRole.Text, "#e6e6e6"),
                            (QPalette.ColorRole.WindowText, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
                            (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#3d6fa5"),
                            (QPalette.ColorRole.HighlightedText, "#ffffff")):
            palette.setColor(role, QColor(color))
        app.setPalette(palette)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 and not args.dark else \
        ("-dark" if args.dark else "") + (f"-{int(args.scale * 100)}" if args.scale != 1.0 else "")
    suffix += f"-{args.lang}" if args.lang and args.lang != "en" else ""
    kdf = KdfParams(memory_kib=SAMPLE_KDF_KIB, iterations=1, lanes=1)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    # 1. Wizard, on the passphrase page with a half-typed passphrase.
    wizard = FirstRunWizard(work / "new-journal", kdf)
    wizard.resize(680, 520)
    wizard.show()
    wizard.next()
    wizard.passphrase_page.first.setText("summer2024")
    wizard.passphrase_page.second.setText("summer2024")
    save(wizard, "wizard")
    wizard.passphrase_page.clear()
    wizard.hide()

    # 2. A journal with sample entries.
    data_dir = work / "journal"
    created = Journal.create(data_dir, PASSPHRASE, "Moscow monitoring group", kdf=kdf)
    journal = created.journal
    cats = {key for key, _ in journal.entries.categories()}
    for sample in SAMPLES:
        sample = dict(sample)
        if sample.get("category") not in cats:
            sample["category"] = None
        journal.entries.add(**sample)
    first = journal.entries.add(**{**dict(SAMPLES[0]), "category": SAMPLES[0]["category"]
                                   if SAMPLES[0]["category"] in cats else None,
                                   "title": "Задержания у метро «Пушкинская» (дополнение)"})
    journal.entries.update(first.uuid, body=first.body + "\n\nОбновление: 3 человека отпущены без протокола.")
    journal.close()

    context = AppContext(data_dir, Settings(), kdf, work / "config")
    controller = AppController(context)
    controller.start()
    unlock = controller.unlock_window
    unlock.resize(500, 400)
    save(unlock, "unlock")

    # 3. Unlock and show the main window with an entry open.
    from journal.vault import Journal as J

    controller._open_session(J.open(data_dir, PASSPHRASE))
    window = controller.main_window
    window.resize(1280, 800)
    settle()
    window.select_rowid(window.model.rowid_at(0))
    save(window, "main")

    window.search.setText("задержали OR detained")
    window._run_search()
    save(window, "search")
    controller.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
