"""The "Photos and files" panel: add, drop, paste, strip, viewer, save a copy, cancel, lock."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage

from conftest import require_tool
from gui_helpers import unlock, unlocked  # noqa: F401  (fixture)

import journal.records.attachments as attachments_module
from journal.records.attachments import AttachmentStore

pytestmark = pytest.mark.gui

PHOTOS = Path(__file__).parent / "data" / "photos"
GPS_PHOTO = PHOTOS / "DSCN0010.jpg"


def _open_first_entry(window):
    window.select_rowid(window.model.rowid_at(0))
    assert window.editor.current_uuid is not None
    return window.editor.current_uuid


def _wait_op(qtbot, op):
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=20_000)


def _stored(controller, uuid):
    return controller.session.reader.attachments.list_for_entry(uuid)


def _copies(tmp_path, *names):
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    out = []
    for name in names:
        shutil.copy(PHOTOS / name, folder / name)
        out.append(str(folder / name))
    return out


def test_add_files_fills_strip_and_list_count_and_offers_place(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _open_first_entry(window)
    panel = window.attachments
    assert panel.item_count() == 0 and panel.stack.currentWidget() is panel.empty
    paths = _copies(tmp_path, "DSCN0010.jpg", "Canon_40D.jpg", "corrupted.jpg")
    _wait_op(qtbot, panel.add_paths(paths))
    assert panel.item_count() == 3
    assert len(_stored(unlocked, uuid)) == 3
    row = window.model.row_of(window.model.rowid_at(0))
    from ui.entries.model import COL_ATTACHMENTS
    assert window.model.index(row, COL_ATTACHMENTS).data() == "3"
    # The first entry has a time but no coordinates: the bar offers the photo's place.
    assert panel.suggestion_visible
    assert "Use the photo's time and place?" in panel.suggestion_label.text()
    with qtbot.waitSignal(panel.entry_updated, timeout=20_000):
        panel.use_suggestion_button.click()
    entry = unlocked.session.reader.entries.get(uuid)
    assert entry.latitude == pytest.approx(43.4674, abs=1e-3)
    assert window.editor.coordinates.text().startswith("43.46")
    assert not panel.suggestion_visible
    assert all(Path(p).exists() for p in paths)  # originals kept unless asked


def test_delete_original_after_import(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    _open_first_entry(window)
    paths = _copies(tmp_path, "Nikon_D70.jpg")
    _wait_op(qtbot, window.attachments.add_paths(paths, delete_original=True))
    assert window.attachments.item_count() == 1
    assert not Path(paths[0]).exists()
    assert "SSD" in window.attachments.notice.text()


def test_drop_files_on_editor_and_on_list(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    uuid = _open_first_entry(window)
    panel = window.attachments
    paths = _copies(tmp_path, "DSCN0012.jpg", "DSCN0021.jpg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    target = window.editor.body.viewport()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    # Qt only routes drops during a real drag; the event goes straight to the filter the editor uses.
    assert panel.editor_drops.eventFilter(target, drop)
    assert drop.isAccepted()
    _wait_op(qtbot, panel.last_op)
    assert panel.item_count() == 2
    assert window.editor.body.toPlainText() == unlocked.session.reader.entries.get(uuid).body  # no path typed in

    # Dropped on another row of the list: attached to that entry, its count updates.
    other_rowid = window.model.rowid_at(1)
    rect = window.table.visualRect(window.model.index(1, 0))
    mime2 = QMimeData()
    mime2.setUrls([QUrl.fromLocalFile(paths[0])])
    drop2 = QDropEvent(QPointF(rect.center()), Qt.DropAction.CopyAction, mime2, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    assert panel.list_drops.eventFilter(window.table.viewport(), drop2)
    _wait_op(qtbot, panel.last_op)
    other = unlocked.session.reader.entries.get_by_rowid(other_rowid)
    assert len(_stored(unlocked, other.uuid)) == 1
    from ui.entries.model import COL_ATTACHMENTS
    assert window.model.index(window.model.row_of(other_rowid), COL_ATTACHMENTS).data() == "1"
    assert panel.item_count() == 2  # the open entry is unchanged


def test_paste_image_from_clipboard(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _open_first_entry(window)
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    QGuiApplication.clipboard().setImage(image)
    _wait_op(qtbot, window.attachments.paste_from_clipboard())
    stored = _stored(unlocked, uuid)
    assert len(stored) == 1 and stored[0].media_type == "image/png"
    assert stored[0].file_name.startswith("pasted image") and stored[0].has_thumbnail
    assert window.attachments.item_count() == 1
    QGuiApplication.clipboard().clear()


def test_viewer_next_previous_and_metadata(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths([str(GPS_PHOTO), str(PHOTOS / "portrait_6.jpg"), str(PHOTOS / "corrupted.jpg")]))
    viewer = panel.open_viewer(0)
    assert viewer is not None and viewer.isVisible()
    text = viewer.metadata.toPlainText()
    assert "GPS position" in text and "43.46" in text and "11.88" in text
    assert "GPS location" in text  # listed among what a cleaned copy loses
    assert viewer.has_picture and viewer.position_label.text() == "1 of 3"
    assert viewer.windowTitle() == "Attachment"  # never the file name
    viewer.next_action.trigger()
    assert viewer.position_label.text() == "2 of 3" and viewer.has_picture
    # portrait_6.jpg is stored sideways with Orientation 6: shown upright (taller than wide).
    assert viewer._image.height() > viewer._image.width()
    viewer.zoom_in_action.trigger()
    zoomed = viewer.zoom()
    viewer.actual_size_action.trigger()
    assert viewer.zoom() == 1.0 and zoomed > 0
    viewer.next_action.trigger()
    assert viewer.position_label.text() == "3 of 3"  # the damaged file: shown or a message, never a crash
    viewer.next_action.trigger()
    assert viewer.position_label.text() == "1 of 3"
    viewer.previous_action.trigger()
    assert viewer.position_label.text() == "3 of 3"


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed (apt-get install ffmpeg)")
def test_viewer_shows_what_a_video_reveals_and_that_cleaning_removes_it(qtbot, unlocked, tmp_path):
    from tests.media_samples import make_video

    window = unlocked.main_window
    qtbot.addWidget(window)
    _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths([str(make_video(tmp_path, "mp4"))]))
    viewer = panel.open_viewer(0)
    qtbot.waitUntil(lambda: not viewer.reading_findings, timeout=20000)
    text = viewer.metadata.toPlainText()
    assert "Hidden data" in text and "location (GPS position)" in text
    assert "Removed from the copy" in text and "device or software" in text
    from ui.attachments.dialogs import SaveCopyDialog

    att = viewer.current
    found: list = []
    panel._load_findings(att, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=20000)
    dialog = SaveCopyDialog(att, window, found[0])
    assert "location (GPS position)" in dialog.details.text()
    dialog.strip.setChecked(False)
    assert "carry everything" in dialog.details.text() and "location" in dialog.details.text()
    dialog.deleteLater()


def test_save_copy_strips_gps(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths([str(GPS_PHOTO)]))
    att = _stored(unlocked, uuid)[0]
    out = tmp_path / "out"
    out.mkdir()
    target = out / "copy.jpg"
    _wait_op(qtbot, panel.save_copy_to(att.uuid, str(target), strip=True))
    assert target.exists() and (target.stat().st_mode & 0o777) == 0o600
    data = target.read_bytes()
    assert data[:2] == b"\xff\xd8"  # still a JPEG
    from PIL import Image

    gps_ifd = 0x8825
    with Image.open(GPS_PHOTO) as original:
        assert original.getexif().get_ifd(gps_ifd), "the test photo must carry GPS for this test to mean anything"
    with Image.open(target) as copy:
        assert not copy.getexif().get_ifd(gps_ifd)
    exiftool = require_tool("exiftool", "libimage-exiftool-perl")
    result = subprocess.run([exiftool, "-gps:all", "-s", str(target)], capture_output=True, text=True,
                            check=True)
    assert "GPS" not in result.stdout
    original = subprocess.run([exiftool, "-gps:all", "-s", str(GPS_PHOTO)], capture_output=True, text=True,
                              check=True)
    assert "GPSLatitude" in original.stdout


def test_save_copy_dialog_warns_for_uncleanable_types(qtbot, unlocked, tmp_path):
    from ui.attachments.dialogs import SaveCopyDialog

    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _open_first_entry(window)
    dump = tmp_path / "phone.dump"  # an unknown type: nothing can be cleaned
    dump.write_bytes(b"\x00\x01\x02 owner: Someone \x00" * 20)
    _wait_op(qtbot, window.attachments.add_paths([str(dump)]))
    att = _stored(unlocked, uuid)[0]
    dialog = SaveCopyDialog(att, window)
    assert dialog.strip.isChecked()  # stripping is on by default
    assert "cannot be removed" in dialog.details.text()
    dialog.deleteLater()


def test_cancel_multi_file_import_rolls_back(qtbot, unlocked, tmp_path, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _open_first_entry(window)
    added = []
    original_get = AttachmentStore.get

    def counting_get(self, key):
        added.append(key)
        return original_get(self, key)

    # Cancel deterministically once two files are in (as if Cancel were pressed then).
    monkeypatch.setattr(AttachmentStore, "get", counting_get)
    monkeypatch.setattr(attachments_module, "is_cancelled", lambda cancel: len(added) >= 2)
    paths = _copies(tmp_path, "DSCN0010.jpg", "Canon_40D.jpg", "Nikon_D70.jpg")
    op = window.attachments.add_paths(paths, delete_original=True)
    _wait_op(qtbot, op)
    assert len(added) >= 2
    monkeypatch.undo()
    assert _stored(unlocked, uuid) == []
    assert window.attachments.item_count() == 0
    assert all(Path(p).exists() for p in paths)  # nothing deleted when nothing was kept
    assert "cancelled" in window.statusBar().currentMessage().lower()


def test_lock_clears_strip_and_viewer(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths([str(GPS_PHOTO)]))
    viewer = panel.open_viewer(0)
    assert viewer.has_picture and panel.item_count() == 1
    with qtbot.waitSignal(unlocked.locked, timeout=20_000):
        window.lock_action.trigger()
    assert panel.item_count() == 0 and panel.viewer is None
    assert not viewer.has_picture and viewer.metadata.toPlainText() == ""
    assert not panel.suggestion_visible and panel.notice.text() == ""
    assert panel.session is None and not panel.add_button.isEnabled()
    unlock(qtbot, unlocked)
    _open_first_entry(window)
    assert panel.item_count() == 1


def test_findings_are_read_off_the_gui_thread_and_a_late_answer_is_dropped(qtbot, unlocked, tmp_path, monkeypatch):
    """An Office file, a TIFF or a GIF is run through its cleaner to learn what it reveals: that
    happens on a worker thread; the viewer says it is reading, and never shows the findings of
    a file it no longer shows (issue 23)."""
    import threading

    from journal.records.attachments import AttachmentStore
    from tests.media_samples import make_docx, make_odt

    window = unlocked.main_window
    qtbot.addWidget(window)
    _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths([str(make_docx(tmp_path)), str(make_odt(tmp_path))]))
    threads: list[str] = []
    release = threading.Event()
    original = AttachmentStore.reveals

    def slow_reveals(self, attachment_uuid, **kwargs):
        threads.append(threading.current_thread().name)
        release.wait(10)
        return original(self, attachment_uuid, **kwargs)

    monkeypatch.setattr(AttachmentStore, "reveals", slow_reveals)
    viewer = panel.open_viewer(0)
    assert viewer.reading_findings  # the GUI thread did not wait for the cleaner
    assert "reading the file" in viewer.metadata.toPlainText()
    assert "nothing identifying" not in viewer.metadata.toPlainText().lower()  # not known yet
    viewer.next_action.trigger()  # the first answer, when it comes, is for a file no longer shown
    release.set()
    qtbot.waitUntil(lambda: not viewer.reading_findings, timeout=20000)
    text = viewer.metadata.toPlainText()
    assert viewer.current.file_name == "statement.odt" and "document properties" in text
    assert "w:rsid" not in text and "Secretname" not in text
    assert threads and threading.main_thread().name not in threads


def test_save_copy_dialog_says_it_is_checking_until_the_findings_arrive(qtbot, unlocked, tmp_path):
    from tests.media_samples import make_docx
    from ui.attachments.dialogs import SaveCopyDialog

    window = unlocked.main_window
    qtbot.addWidget(window)
    _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths([str(make_docx(tmp_path))]))
    att = panel.open_viewer(0).current
    dialog = SaveCopyDialog(att, window)
    qtbot.addWidget(dialog)
    dialog.start_reading()
    assert "Checking what this file reveals" in dialog.details.text()
    found: list = []
    panel._load_findings(att, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=20000)
    dialog.set_findings(found[0])
    assert "Removed from the copy" in dialog.details.text() and "thumbnail" in dialog.details.text()


def test_a_pending_preview_is_made_off_the_gui_thread(qtbot, unlocked, tmp_path, monkeypatch):
    """A received photo whose preview is still to be made (issue 20.3) shows a file icon first;
    the preview is decoded on a worker thread and replaces it. The GUI thread never decodes one
    (a camera photo takes 50-200 ms)."""
    import threading

    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _open_first_entry(window)
    panel = window.attachments
    _wait_op(qtbot, panel.add_paths(_copies(tmp_path, "DSCN0010.jpg")))
    unlocked.session.write_and_wait(lambda j: j.db.execute("UPDATE attachments SET thumbnail = x''"))
    made_on_gui_thread = []
    original = AttachmentStore.thumbnail

    def watched(self, attachment_uuid, *, make_if_pending=True):
        if make_if_pending and threading.current_thread() is threading.main_thread():
            made_on_gui_thread.append(attachment_uuid)
        return original(self, attachment_uuid, make_if_pending=make_if_pending)

    monkeypatch.setattr(AttachmentStore, "thumbnail", watched)
    panel.show_entry(unlocked.session.reader.entries.get(uuid))
    assert panel.item_count() == 1
    qtbot.waitUntil(lambda: panel._previews_op is not None and panel._previews_op.done, timeout=20_000)
    icon = panel.strip.item(0).icon().pixmap(64, 64).toImage()
    # The preview of a photo, not the theme's file icon: many distinct colours.
    colours = {icon.pixel(x, y) for x in range(0, icon.width(), 4) for y in range(0, icon.height(), 4)}
    assert len(colours) > 20
    assert made_on_gui_thread == []
