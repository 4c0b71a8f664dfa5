"""One place that lays out the menu bar and the toolbar once every feature has made its actions.

Features create their actions and hand them to the window (FeatureHost.add_actions, so their
shortcuts work); put in one menu they made twenty-odd items from five features. `arrange_menus()` regroups the same
QAction objects by what a documenter is doing (the journal itself, one entry, people,
exchanging bundles, reports), adds the missing shortcuts and standard icons, and a few
"go to page" actions so every sidebar page is reachable from the keyboard. Actions that a
feature did not install are simply skipped, so the window works with any subset.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QWidget



def _add(menu: QMenu, *groups) -> None:
    """Groups of actions (None entries skipped) separated by separators; empty groups vanish."""
    first = True
    for group in groups:
        actions = [act for act in group if act is not None]
        if not actions:
            continue
        if not first:
            menu.addSeparator()
        first = False
        for act in actions:
            menu.addAction(act)


def _shortcut(action: QAction | None, keys: str) -> None:
    """Give an action a shortcut unless it has one already (and tell it in the tooltip)."""
    if action is not None and action.shortcut().isEmpty():
        action.setShortcut(QKeySequence(keys))


def _icon(window: QWidget, action: QAction | None, pixmap: QStyle.StandardPixmap) -> None:
    if action is not None and action.icon().isNull():
        action.setIcon(window.style().standardIcon(pixmap))


def _section_action(window, key: str, text: str, shortcut: str | None = None) -> QAction | None:
    """An action that shows the sidebar page `key`; None if no feature added that page."""
    sidebar = window.sidebar
    if not sidebar.has_section(key):
        return None
    act = QAction(text, window)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(lambda: sidebar.select_section(key))
    return act


def _safety_menu(window, safety) -> QMenu | None:
    """The Safety menu: "Prepare for travel…" and "Restore after travel…" (ui/safety/travel_dialog.py)."""
    actions = [getattr(safety, name, None) for name in ("travel_action", "travel_restore_action")]
    if safety is None or not any(actions):
        return None
    menu = getattr(window, "safety_menu", None)
    if menu is None:
        menu = window.safety_menu = QMenu(QCoreApplication.translate("Menus", "&Safety"), window)
    menu.clear()
    _add(menu, actions)
    return menu


def arrange_menus(window, safety=None) -> None:
    """Rebuild the menu bar of a MainWindow from the actions its features made.

    `safety` is the SafetyController (backup, restore, safety settings, erase) when installed.
    Keeps `window.journal_menu`, `entry_menu`, `edit_menu`, `help_menu` pointing at the menus.
    """
    bundles = getattr(window, "bundles_feature", None)
    transport = getattr(window, "transport_feature", None)
    forms = getattr(window, "forms_feature", None)
    evidence = getattr(window, "evidence_feature", None)
    people = getattr(window, "people_feature", None)
    attachments = getattr(window, "attachments", None)

    def get(owner, name: str) -> QAction | None:
        return getattr(owner, name, None) if owner is not None else None

    # Coloured standard icons only: Fusion's arrows are black and vanish on a dark palette.
    sp = QStyle.StandardPixmap
    if not QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences):
        window.settings_action.setShortcut(QKeySequence("Ctrl+,"))  # Linux desktops define none
    _shortcut(get(safety, "backup_action"), "Ctrl+Shift+B")
    for act, pixmap in ((window.new_action, sp.SP_FileIcon), (window.delete_action, sp.SP_TrashIcon),
                        (window.restore_action, sp.SP_BrowserReload),
                        (window.history_action, sp.SP_FileDialogDetailedView),
                        (window.settings_action, sp.SP_FileDialogInfoView),
                        (get(bundles, "export_action"), sp.SP_DriveNetIcon),
                        (get(bundles, "import_action"), sp.SP_DialogOpenButton),
                        (get(transport, "fetch_action"), sp.SP_BrowserReload),
                        (get(safety, "backup_action"), sp.SP_DialogSaveButton),
                        (get(safety, "erase_action"), sp.SP_MessageBoxWarning),
                        (get(attachments, "add_action"), sp.SP_DirOpenIcon),
                        (window.find_action, sp.SP_FileDialogContentsView),
                        (window.about_action, sp.SP_MessageBoxInformation)):
        _icon(window, act, pixmap)

    outbox = _section_action(window, "outbox", QCoreApplication.translate("Menus", "&Outbox"), "Ctrl+Shift+O")
    coordinators = _section_action(window, "coordinators", QCoreApplication.translate("Menus", "&Coordinators"))
    senders = _section_action(window, "senders", QCoreApplication.translate("Menus", "S&enders"))
    window.go_outbox_action, window.go_coordinators_action, window.go_senders_action = outbox, coordinators, senders

    bar = window.menuBar()
    people_menu = get(people, "menu")
    for menu in (window.journal_menu, window.entry_menu, window.edit_menu, window.help_menu, people_menu):
        if menu is not None:
            menu.clear()  # the actions belong to the window or their feature and survive
    bar.clear()

    _add(window.journal_menu,
         [window.lock_action],
         [get(safety, "backup_action"), get(safety, "restore_action"), get(safety, "verify_action")],
         [window.settings_action, get(safety, "passphrase_action"), get(safety, "safety_action"),
          get(transport, "network_action")],
         [get(safety, "erase_action")],
         [window.quit_action])
    _add(window.entry_menu,
         [window.new_action],
         [window.history_action, get(getattr(window, "editor", None), "copy_text_action")],
         [get(attachments, "add_action"), get(attachments, "paste_action")],
         [window.delete_action, window.restore_action, window.empty_trash_action])
    _add(window.edit_menu, [window.find_action], [getattr(window, "next_region_action", None),
                                getattr(window, "previous_region_action", None)])
    menus = [window.journal_menu, window.entry_menu, window.edit_menu]
    if people_menu is not None:
        _add(people_menu,
             [get(people, "new_person_action"), get(people, "quick_log_action")],
             [get(people, "follow_ups_action")])
        menus.append(people_menu)
    exchange = QMenu(QCoreApplication.translate("Menus", "E&xchange"), window)
    _add(exchange,
         [get(bundles, "export_action"), outbox],
         [get(bundles, "import_action"), get(bundles, "import_folder_action"), get(transport, "fetch_action"),
          get(transport, "inbox_action")],
         [get(bundles, "card_action"), coordinators, senders])
    if not exchange.isEmpty():
        menus.append(exchange)
    window.exchange_menu = exchange
    reports = QMenu(QCoreApplication.translate("Menus", "&Reports"), window)
    _add(reports,
         [get(forms, "stats_action"), get(forms, "report_action")],
         [get(evidence, "package_action"), get(evidence, "verify_action")],
         [get(forms, "forms_action")])
    if not reports.isEmpty():
        menus.append(reports)
    window.reports_menu = reports
    safety_menu = _safety_menu(window, safety)
    if safety_menu is not None:
        menus.append(safety_menu)
    window.help_menu.addAction(window.about_action)
    menus.append(window.help_menu)
    for menu in menus:
        bar.addMenu(menu)
        menu.setToolTipsVisible(True)

    _arrange_toolbar(window, bundles)


def _arrange_toolbar(window, bundles) -> None:
    """Icons beside the text, and the most used exchange action next to the entry actions."""
    toolbar = window.toolbar
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    export = getattr(bundles, "export_action", None) if bundles is not None else None
    if export is not None and export not in toolbar.actions():
        anchor = next((a for a in toolbar.actions() if toolbar.widgetForAction(a) is not None
                       and toolbar.widgetForAction(a).objectName() == "toolbar-spacer"), None)
        separator = QAction(window)
        separator.setSeparator(True)
        toolbar.insertAction(anchor, separator)
        toolbar.insertAction(anchor, export)
